# stretchd：組み込みカタログ（ストレッチ、姿勢チェック、安全上の注意、セッションのウォームアップ）の日本語訳。

## 安全上の注意

# 1行に1項目（カードでは箇条書き）。
safety-notice =
    まずウォームアップ：早歩きなどの軽い運動を5～10分行ってください。
    軽く伸びる感じは問題ありませんが、鋭い痛みや強い痛みを感じたらすぐに中止してください。
    最後までゆっくり呼吸を続け、決して息を止めないでください。
    ストレッチがしっくりこない場合は、やり方を調整するか別のストレッチに替えてください。
    これらのストレッチはほとんどの人に年齢を問わず適していますが、持病やけががある場合、または慢性的・重度の背中の痛みがある場合は、始める前に医療専門家に相談してください。
    これは一般的な情報であり、あなた個人への医学的アドバイスではありません。痛みが長引いたり繰り返したりする場合は、専門家に診てもらってください。

## ストレッチセッションとデスクストレッチ

warm-up = まずウォームアップ：早歩き、その場足踏み、軽いサイクリングなどの軽い運動を5～10分行います。
desk-note = 短いデスクストレッチです。痛みが出るずっと手前まで、ゆっくり行ってください（ウォームアップ後に行う完全なルーティンはストレッチセッションです）。

## ストレッチが効く部位

area-rotation = 背中中部の回旋
area-upper_back = 上背部と肩
area-soft_tissue = 上背部に沿った軟部組織
area-bending = 背中中部の屈曲・伸展（丸める・反らす）

## 実施する体勢と器具

position-chair = 椅子
position-floor = 床
position-standing = 立位
equipment-foam_roller = フォームローラー

## キャット・キャメル

stretch-cat-camel-name = キャット・キャメル
stretch-cat-camel-summary = 四つ這いで背骨を丸める・反らすを交互に行い、こわばった背中中部をほぐします。
stretch-cat-camel-step-1 = 四つ這いになり、手は肩の真下、膝は股関節の真下に置きます。
stretch-cat-camel-step-2 = 息を吐きながら背中を天井に向けて丸め、頭を下げてあごを引きます。
stretch-cat-camel-step-3 = 丸めた姿勢で少し止まり、背中中部が伸びるのを感じます。
stretch-cat-camel-step-4 = 息を吸いながら胸と尾骨を持ち上げ、背中を反らします。
stretch-cat-camel-step-5 = 丸めた姿勢と反らした姿勢の間を、ゆっくり動き続けます。
stretch-cat-camel-shape-1 = キャット（背中を丸める）
stretch-cat-camel-shape-2 = キャメル（背中を反らす）

## 胸椎伸展

stretch-thoracic-extension-name = 胸椎伸展
stretch-thoracic-extension-summary = 椅子の背もたれ越しに後ろへ反らし、長時間前かがみだった背中中部を開きます。
stretch-thoracic-extension-step-1 = 安定した椅子かスツールに座り、両足を床につけます。
stretch-thoracic-extension-step-2 = 両手を頭の後ろで組み、肘を左右に開きます。
stretch-thoracic-extension-step-3 = 椅子の背もたれの上で、上背部をゆっくり後ろへ反らします。
stretch-thoracic-extension-step-4 = 首に無理をかけずに、頭も少し後ろへ倒します。
stretch-thoracic-extension-step-5 = その姿勢でゆっくり呼吸し、背中中部が伸びるのを感じます。
stretch-thoracic-extension-step-6 = コントロールしながら座った姿勢に戻り、繰り返します。

## 座位ツイスト

stretch-seated-twist-name = 座位ツイスト
stretch-seated-twist-summary = 座ったまま上半身をひねり、背中中部の回旋の動きを取り戻します。
stretch-seated-twist-step-1 = 座面の前寄りに座り、足裏を床につけて背筋を伸ばします。
stretch-seated-twist-step-2 = 左手を右膝の外側に当てます。
stretch-seated-twist-step-3 = 息を吐きながら、膝に当てた手で補助して胸を右へひねります。
stretch-seated-twist-step-4 = 胸を起こしたまま顔を右に向け、右肩の向こうを見ます。
stretch-seated-twist-step-5 = 一定のリズムで呼吸しながらひねりを保ち、正面に戻ります。
stretch-seated-twist-step-6 = 反対側も行います：右手を左膝に当て、左へひねります。

## スレッド・ザ・ニードル

stretch-thread-the-needle-name = スレッド・ザ・ニードル
stretch-thread-the-needle-summary = 四つ這いで片腕を体の下に通し、上背部を回旋させて肩をほぐします。
stretch-thread-the-needle-step-1 = 四つ這いになり、背中を平らにします。
stretch-thread-the-needle-step-2 = 右腕を左腕の下に通します。無理なく届く範囲までにします。
stretch-thread-the-needle-step-3 = 右肩と顔の横がマットにつくまで体を沈め、右腕は頭の先へ伸ばします。
stretch-thread-the-needle-step-4 = 左の手のひらで床をしっかり押し、体を安定させます。
stretch-thread-the-needle-step-5 = 深く呼吸し、上背部と右肩にストレッチが広がるのを感じます。
stretch-thread-the-needle-step-6 = ゆっくり四つ這いに戻ります。
stretch-thread-the-needle-step-7 = 反対側も行います：左腕を右腕の下に通します。

## 上背部のフォームローリング

stretch-foam-rolling-name = 上背部のフォームローリング
stretch-foam-rolling-summary = フォームローラーの上を転がり、背中中部に沿った筋肉の張っている箇所をほぐします。
stretch-foam-rolling-step-1 = フォームローラーを床に横向きに置きます。
stretch-foam-rolling-step-2 = ローラーを背にして床に座り、膝を曲げて足裏を床につけます。
stretch-foam-rolling-step-3 = ローラーが背中中部の下に来るまで後ろにもたれ、両手で頭を支えます。
stretch-foam-rolling-step-4 = 首の付け根から背中の中ほどまで、ゆっくり転がします。
stretch-foam-rolling-step-5 = 張りや痛みのある箇所で止まり、一定の呼吸を続けながら軽い圧でほぐします。
stretch-foam-rolling-step-6 = 上背部の当てる場所を少しずつ変えながら、数分間続けます。

## 姿勢チェック：短い名前（通知のタイトル）と、確認することと直し方

posture-sit-tall-name = 背筋を伸ばす
posture-sit-tall-text = 画面に向かって背中が丸まっていないか確認しましょう。頭のてっぺんを引き上げ、背骨が骨盤の上にまっすぐ積み重なるようにします。
posture-shoulders-name = 肩を下げて後ろへ
posture-shoulders-text = 肩が耳のほうへ上がっていないか確認しましょう。肩をストンと落とし、ゆっくり後ろへ引きます。
posture-screen-height-name = 画面を目の高さに
posture-screen-height-text = 頭を上下に傾けずに画面の上端が見えるのが理想です。そうなるまでモニターを上げる、下げる、または動かしてください。
posture-back-support-name = 椅子と背もたれ
posture-back-support-text = 深く腰掛け、椅子（またはリクライニングチェア）で腰のカーブを支えます。すき間があれば背もたれを調整するか、クッションを当ててください。
posture-feet-flat-name = 足裏を床に
posture-feet-flat-text = 両足の裏が床にぴったりつき、膝が股関節とほぼ同じ高さになるのが理想です。足が浮く場合は座面を下げるか、フットレストを使ってください。
posture-desk-height-name = 肘と机
posture-desk-height-text = 肘は力を抜いてほぼ直角に下ろし、前腕は机と水平にします。手を上や下に伸ばしている場合は、椅子か机の高さを変えてください。
posture-breathe-name = 呼吸して力を抜く
posture-breathe-text = ストレスはあご、肩、上背部にたまりがちです。ゆっくり深い呼吸を数回して、それらの筋肉をゆるめましょう。
posture-move-name = 立って動く
posture-move-text = 長時間じっと座っていると背中中部がこわばります。立ち上がって1分ほど歩き回り、それから座り直しましょう。
posture-core-name = 体幹を鍛える
posture-core-text = 体幹の筋肉が強いと背骨が整った状態に保たれます。今週、ピラティスやヨガなど体幹を鍛えるセッションを計画しましょう。
posture-calm-name = 心を落ち着ける1分
posture-calm-text = ストレスが続くと背中の筋肉は緊張したままになります。目を閉じて1分間静かに瞑想するか、ゆっくり吐く息を10回数えましょう。
posture-what-hurts-name = 悪化させているものは？
posture-what-hurts-text = 長時間の運転や重いかばんなど、最近背中の痛みを強めたものを考えてみましょう。やり方を変えるか、しばらく控えてください。
posture-more-than-stretching-name = ストレッチだけでなく
posture-more-than-stretching-text = ストレッチは役立ちますが、それだけで背中の痛みが治まることはまれです。姿勢、定期的な運動、ストレスの軽減、整ったデスク環境も大切です。
