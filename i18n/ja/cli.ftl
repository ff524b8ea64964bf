# stretchd：コマンドライン自身の出力の日本語訳。バッククォート内のコマンドとキーはそのまま入力するものです。

## ガイドと一覧で使う時間の長さ

length-secs = { $secs }秒
length-mins = { $min }分
length-mins-secs = { $min }分{ $secs }秒

## stretchd guide：ルーティン（1行に1パート）

guide-other-side = 次は反対側です。
guide-hold = { $secs }秒キープ
guide-hold-rep = { $secs }秒キープ（{ $reps }回中{ $rep }回目）
guide-hold-first = { $secs }秒キープ（最初の側）
guide-hold-first-rep = { $secs }秒キープ（最初の側、{ $reps }回中{ $rep }回目）
guide-hold-other = { $secs }秒キープ（反対側）
guide-hold-other-rep = { $secs }秒キープ（反対側、{ $reps }回中{ $rep }回目）
guide-breathe-out = 息を吐きながら{ $shape }へ、{ $secs }秒（{ $rounds }回中{ $round }回目）
guide-breathe-in = 息を吸いながら{ $shape }へ、{ $secs }秒（{ $rounds }回中{ $round }回目）
guide-keep = { $length }続けます
guide-warm-up = ウォームアップ：軽い運動を{ $length }（すでに体が温まっている場合は Enter を押してください）
guide-no-warm-up = ウォームアップなし（--no-warmup）：すでに体が温まっている場合に限ります。
guide-session-then =
    続いて{ $count ->
        [1] 1種目のストレッチ
       *[other] 条件に合うすべてのストレッチ
    }：{ $stretches }。この順に行います。
guide-session-timed = 所要時間：{ $about }（各キープは現在のレベル）。
guide-before-you-start = 始める前に：
guide-no-reps = --reps は適用されません：このストレッチは{ $length }の1回として計時されます（時間を変えるには --hold SECONDS を使用）
guide-timed-holds = 計時：{ $secs }秒のキープを{ $holds }回、合計{ $total }。
guide-timed-holds-sides = 計時：左右それぞれ{ $secs }秒のキープを{ $holds }回、合計{ $total }。
guide-timed-flow = 計時：各形で{ $secs }秒ずつ{ $rounds }回、合計{ $total }。
guide-timed-duration = 計時：通しで{ $total }。

## stretchd card：ブラウザーで表示するストレッチのページ

card-title = { $name }：stretchd
card-steps = 手順
card-safety = 安全上の注意
card-dose-and-timer = 実施量とタイマー
card-timed-parts = 計時パート
card-start = 開始
card-reset = リセット
card-pause = 一時停止
card-resume = 再開
card-start-again = もう一度開始
card-part = パート { $n }/{ $total }：{ $part }
card-all-done =
    { $total ->
        [1] パートが完了しました。「完了」でリマインダーに応答してください。
       *[other] 全{ $total }パートが完了しました。「完了」でリマインダーに応答してください。
    }
card-paused = { $clock } で一時停止中。{ $part }
card-ready = 準備完了。{ $part }
card-footer = stretchd：「完了」でリマインダーに応答するか、{ $command } を実行してください。

## stretchd check

check-built-in = 組み込みのデフォルト（{ $path } にファイルなし）
check-ok = { $source }：OK（リマインダー{ $count }件）
check-warning = 警告：{ $warning }
check-never-fires = リマインダー「{ $id }」は実行されません：その時刻が [schedule] の勤務日・勤務時間内に入りません。cron 行、または work_days と work_hours を変更してください
check-nothing = 何も実行されません：勤務時間内に入るリマインダーがありません。
check-nothing-from = { $from }以降は何も実行されません。
check-next = { $from }からの次の{ $count }件（デスクにいる場合）：

## stretchd stretches、stretchd stretches show ID、stretchd stretches safety

stretches-heading = ストレッチ（手順は `stretchd stretches show ID`）：
stretches-set-aside = [除外中：{ $reason }、{ $when }。`stretchd stretches restore { $id }` で戻せます]
stretches-not-in-program = [プログラム外：別の体勢または器具が必要]
stretches-sessions-only = [セッション専用：デスクストレッチではありません]
stretches-postures = 姿勢チェック：
stretches-safety-hint = `stretchd stretches safety` で安全上の注意を表示します。
stretches-unknown = ID が「{ $id }」のストレッチまたは姿勢チェックはありません。`stretchd stretches` で一覧を表示します
show-facts = 体勢：{ $position }   器具：{ $equipment }
show-no-equipment = なし
show-works = 効く部位：{ $area }

## stretchd stats、stretchd history

stats-holds-heading = 現在のキープ時間（「完了」が{ $grow }回続くと長くなります。`stretchd done --easy`/`--hard` で調整できます）：
stats-hold-line = { $secs }秒（範囲 { $range }、次の段階まで「完了」{ $grow }回中{ $done }回）
history-unreadable = 履歴 { $path } を読み込めません：{ $error }（読み取り可能な通常ファイルにするか、別の場所へ移動して新しい履歴を始めてください）

## stretchd status、status --follow、next：デーモンの状態

remote-not-running = stretchd は実行されていません（{ $path } で応答がありません）。`systemctl --user start stretchd` または `stretchd run` で起動してください
kind-posture = 姿勢
kind-stretch = ストレッチ
kind-session = セッション
bar-paused = 一時停止中
bar-paused-until = 一時停止中 { $countdown }
bar-held = 保留中
bar-now = { $kind }：今すぐ
bar-next = { $kind }：{ $countdown }
bar-idle = 待機中
countdown-now = 今すぐ
countdown-minutes = あと{ $minutes }分
countdown-hours = あと{ $hours }時間{ $minutes }分
status-running = stretchd { $version } 実行中（{ $since }から、pid { $pid }）
status-config = 設定：
status-paused = 一時停止：
status-held = 保留：
status-snoozed = スヌーズ：
status-waiting = 応答待ち：
status-filed = 送信済み：
status-next = 次回：
status-week = 今週：
status-idle = アイドル：
status-config-error = 設定エラー（以前の設定が有効です）：{ $error }
status-paused-until = { $time }まで（{ $countdown }）
status-paused-until-resume = `stretchd resume` まで
held-idle = { $time }からキーボードを離れています
held-locked = { $time }から画面ロック中
held-asleep = { $time }からスリープ中
held-dnd = 通知サーバーがおやすみモードです
held-fullscreen = 全画面表示のウィンドウにフォーカスがあります
held-grace = 保留が終わったばかりです。保留中のリマインダーは{ $time }まで待機します
held-shows-back = 戻ったときに表示（自然な休憩の後は、間隔が最初から始まります）
held-shows-dnd = おやすみモードの終了時に表示
held-shows-dnd-grace = おやすみモードの終了から{ $grace }後に表示
held-shows-fullscreen = 全画面表示のウィンドウがフォーカスを失ったときに表示
held-shows-fullscreen-grace = 全画面表示のウィンドウがフォーカスを失ってから{ $grace }後に表示
held-shows-at = { $time }に表示
status-snoozed-until = 「{ $reminder }」{ $time }まで（{ $count }回連続）
status-waiting-answer = { $title }（`stretchd done` または `stretchd skip` で応答してください）
status-filed-held = { $title }（おやすみモード中に送信されたため、サーバーが表示せずに保留しています。`stretchd done` または `stretchd skip` で応答してください）
status-due-since = { $time }から予定
status-due = 予定 { $time }
status-next-held = 保留中：{ $reminder }  { $title }（{ $due }）、{ $shows }
status-next-none = 予定なし
status-week-sessions = ストレッチセッション { $goal }回中{ $done }回
next-nothing = 予定はありません（無期限に一時停止中か、勤務時間内に入るリマインダーがありません）。

## stretchd stats と stretchd history：リマインダーの結果

stats-week = 今週（{ $first }～{ $last }）：ストレッチセッション、デスクストレッチ、姿勢チェック
stats-day = デスク { $desk }   姿勢 { $posture }
stats-today = <- 今日
stats-goal = 目標：ストレッチセッション { $done }/{ $goal }回（今週）
stats-goal-met = 目標：ストレッチセッション { $done }/{ $goal }回（今週、達成）
stats-streak = 連続達成：{ $weeks }週
stats-suggest = { $weeks }週以上連続で目標を達成しました。週1回セッションを増やしてみませんか？設定で [goal] sessions_per_week = { $goal } にしてください。
stats-no-desk-stretches = デスクストレッチの実施はまだありません。
stats-desk-since = { $date }以降のデスクストレッチ：
stats-desk = デスクストレッチ：
stats-total = { $outcome } { $count }件
stats-all = すべてのリマインダー：{ $totals }
history-empty = 履歴はありません。

## stretchd guide：終了時に記録する内容

guide-recorded-in = 「{ $item }」を完了として { $path } に記録しました。
guide-recorded-alone = 「{ $item }」を完了として { $path } に記録しました（デーモンは実行されていません）。
guide-recorded-in-note = 「{ $item }」を完了として { $path } に記録しました。{ $note }。
guide-recorded-alone-note = 「{ $item }」を完了として { $path } に記録しました（デーモンは実行されていません）。{ $note }。
guide-session-none-fits = 設定の体勢と器具に合うストレッチがない（または合うものがすべて除外されている）ため、セッションが空です。[stretches] positions で別の体勢を許可するか、`stretchd stretches restore ID` を実行してください
guide-session-all-aside = セッションのストレッチがすべて除外されている（{ $ids }）ため、セッションが空です。`stretchd stretches restore ID` で1つ戻せます
guide-not-recorded = 記録されていません：計時して記録するには --no-wait を付けずに実行してください。
guide-done = 完了しました。
guide-stopped = 中止しました。完了として記録されていません。
guide-part-done = 完了
guide-part-skipped = スキップ
guide-warm-up-skipped = ウォームアップをスキップ：すでに体が温まっています。
guide-secs-left = 残り{ $secs }秒
guide-ask-hurt = 痛みはありましたか？ [y/N]
guide-ask-which-hurt = 痛みがあったものはありますか？番号（{ $stretches }）を入力するか、なければ Enter：
guide-ask-next-time = 次回は？ [e]asier（キープを短く）/ [o]k（このまま）/ [h]arder（キープを長く） [O]
guide-ask-again = かっこ内の文字のいずれかで答えてください。

## stretchd guide と stretchd card のストレッチの選び方

choice-a-posture = 「{ $id }」は姿勢チェックです。`stretchd { $command }` はストレッチを指定します（既知の ID：{ $known }）
choice-unknown = ID が「{ $id }」のストレッチはありません（既知の ID：{ $known }）。`stretchd stretches` で一覧を表示します
choice-daemon-suggests = （デーモンが提案するストレッチです。別のものは `stretchd { $command } ID` で選べます。）
choice-next-in-rotation = （ローテーションの次のストレッチです。別のものは `stretchd { $command } ID` で選べます。）
choice-all-set-aside = 提案できるストレッチがありません：すべてのストレッチが除外されています（`stretchd stretches` で一覧を表示）。`stretchd stretches restore ID` で1つ戻すか、`stretchd { $command } ID` で指定してください

## stretchd card：ブラウザーが開かない場合

card-no-opener = カードを { $path } に書き出しましたが、開けません：{ $opener } がインストールされていません（Debian：`apt install xdg-utils`）。ブラウザーでファイルを開くか、`stretchd card --print` を使用してください
card-opener-does-not-start = カードを { $path } に書き出しましたが、{ $opener } が起動しません：{ $error }
card-opener-failed = カードを { $path } に書き出しましたが、{ $opener } が失敗しました（{ $status }）：HTML ファイルの既定のハンドラーがないのかもしれません。`xdg-settings set default-web-browser firefox.desktop`（またはお使いのブラウザー）で設定するか、ブラウザーでファイルを開いてください

## stretchd install と uninstall：1行に1ステップ

install-wrote = { $what } を書き込みました
install-would-write = { $what } を書き込む予定です
install-kept = 既存の { $what } を保持しました
install-would-keep = 既存の { $what } を保持する予定です
install-unchanged = { $what } は変更なしです
install-would-leave-unchanged = { $what } を変更しない予定です
install-removed = { $what } を削除しました
install-would-remove = { $what } を削除する予定です
install-left = { $what } をそのまま残しました
install-would-leave = { $what } をそのまま残す予定です
install-ran = { $what } を実行しました
install-would-run = { $what } を実行する予定です
install-hint = { $step }（{ $hint }）
install-hint-config = あなたの設定ファイルです。編集すると、保存時にデーモンが再読み込みします
install-hint-zsh = zsh：{ $dir } が fpath にない場合は、compinit の前に追加してください
install-hint-man = `man stretchd` で見つからない場合は、{ $dir } を MANPATH に追加してください
install-hint-systemd-now = systemd が stretchd を今すぐ起動します
install-hint-autostart = ログインのたびにデスクトップが `stretchd run` を実行します。今すぐ起動するには `stretchd run &` を実行してください
install-no-systemd = systemd ユーザーマネージャーが応答しません（{ $why }）：代わりに XDG 自動起動エントリーを使用します
uninstall-no-systemd = systemd ユーザーマネージャーが応答しません（{ $why }）：ユニットを停止せずに削除します
uninstall-hint-autostart = これが起動した `stretchd run` は、ログアウトするまで動作し続けます
uninstall-hint-not-ours = `stretchd install` が書き込んだものではありません
uninstall-hint-config = あなたの設定ファイルです。不要になったらご自身で削除してください
uninstall-hint-history = あなたの履歴です。履歴とデーモンの状態は { $dir } にあります
uninstall-hint-pictures = `stretchd run` が書き出すストレッチの図と、ご自身で追加した図

## stretchd config set と config edit

config-set-already = { $path }：{ $key } はすでに { $value } です。何も書き込んでいません
config-edit-no-changes-default = { $path }：変更がないため、ファイルは書き込まれませんでした（組み込みのデフォルトを引き続き使用します）
config-edit-no-changes = { $path }：変更なし
config-edit-saved = { $path }：保存しました
config-edit-invalid = { $path } は元のままです：編集内容が有効な設定ではありません（端末で `stretchd config edit` を実行して修正してください。再編集を提案します）
config-edit-changed-meanwhile = 編集中に { $path } が変更されたため、そのままにしています。あなたの版は { $copy } です（2つを手動でマージするか、もう一度 `stretchd config edit` を実行してください）
config-edit-again = もう一度編集しますか？ [Y/n]
config-daemon-uses = 実行中のデーモン（pid { $pid }）は、このファイルではなく { $path } を使用しています。
config-daemon-reloads = 実行中のデーモン（pid { $pid }）が自動的に再読み込みします。
config-daemon-told = 実行中のデーモン（pid { $pid }）に再読み込みを指示しました：{ $answer }。
config-daemon-refused = 実行中のデーモン（pid { $pid }）は再読み込みしませんでした：{ $answer }

## 複数のマシン（[sync]）：status、stats、history

status-lull = 予定：
status-lull-wait = キー入力が途切れるのを待っています（遅くとも{ $time }まで）
status-sync = 同期：
status-sync-this = { $dir }、{ $hostname } として（マシン { $machine }）
status-sync-alone = このフォルダーに書き込んだほかのマシンはまだありません。
status-sync-machine = { $hostname }（マシン { $machine }）の最終書き込み：{ $when }
status-sync-ahead = { $time }（この時計より{ $minutes }分進んでいます）
status-sync-ahead-days = { $time }（この時計より{ $days }日進んでいます）
status-sync-just-now = { $time }（たった今）
status-sync-ago = { $time }（{ $ago }）
status-sync-problem = 同期の問題：{ $problem }
ago-minutes = { $minutes }分前
ago-hours = { $hours }時間{ $minutes }分前
ago-days =
    { $days ->
       *[other] { $days }日前
    }
stats-machines =
    { $count ->
       *[other] 同期フォルダーの{ $count }台のマシンで集計：{ $machines }。
    }
stats-this-machine = { $name }（このマシン）
history-config-unusable = { $error }。このマシンの履歴のみを表示します
sync-folder-unreadable = 同期フォルダー { $path } を読み込めません：{ $error }。このマシンの応答のみを集計します
sync-history-unreadable = { $path } を読み込めません：{ $error }。{ $hostname } の応答は含まれません
sync-machine-unnamed = マシン { $machine }

## 通話（`stretchd status`）

held-call = { $time }から{ $capture }（{ $app }）
held-shows-call = 通話の終了時に表示（1分ごとに確認）
held-shows-call-grace = 通話の終了から{ $grace }後に表示（1分ごとに確認）

## ガイドと `config edit` の質問への答えとして受け付ける「はい」「いいえ」の語（カンマ区切り）

answer-yes = y, yes, はい, うん, ええ, hai
answer-no = n, no, いいえ, いや, ううん, iie

## stretchd card：カードを書き出せない場合

card-not-a-folder = { $path } はフォルダーではないため、カードを書き込めません。別の場所へ移動してから、もう一度実行してください
card-cannot-create = カード用の { $path } を作成できません
card-cannot-write = カードを { $path } に書き込めません

## ガイドと `stretchd hurt` の記録をデーモンが受け付けなかった場合

record-refused = デーモンは記録しませんでした：{ $why }
record-not-recorded = 「{ $item }」は記録されませんでした：{ $why }
record-unconfirmed-other = デーモンは「{ $item }」の記録を確認しませんでした（別の応答がありました）。まだ記録される可能性があります：`stretchd history` で確認してください
record-unconfirmed = デーモンは「{ $item }」の記録を確認しませんでした（{ $why }）。まだ記録される可能性があります：`stretchd history` で確認してください
record-directly = { $problem }。履歴に直接書き込みます
record-not-set-aside = 「{ $item }」は除外されませんでした：{ $why }
record-aside-unconfirmed = デーモンは「{ $item }」の除外を確認しませんでした（別の応答がありました）。`stretchd stretches` で確認してください

## コマンドラインで受け付けない値

arg-not-rfc3339 = 「{ $given }」は1970年～9999年の RFC 3339 形式の時刻ではありません。例：2026-11-24T09:00:00+01:00
arg-not-hhmm = 「{ $given }」は時刻ではありません。HH:MM 形式で指定してください。例：14:30
arg-not-date = 「{ $given }」は日付ではありません。YYYY-MM-DD または RFC 3339 形式で指定してください
arg-pause = { $error }（時間を指定しない `stretchd pause` は `stretchd resume` まで一時停止します）
