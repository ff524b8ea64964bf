# stretchd：--help の日本語訳。オプション名（--config）と値はそのままにしています。

help = デスクワークをする人に、姿勢の確認と背中中部のストレッチを促す小さな Linux ユーザーデーモン
help-after =
    設定ファイルは $XDG_CONFIG_HOME/stretchd/config.toml（通常は ~/.config/stretchd/config.toml）にあります。ない場合は組み込みのデフォルトのスケジュールで動作します。`stretchd config edit` と `stretchd config set KEY VALUE` で変更でき、保存前に検証されます。
    はじめに：`stretchd check` でスケジュールの動作を確認し、`stretchd now` でリマインダーを表示します。
    終了ステータス：成功時は 0、エラー時は 1、デーモンが実行されていない場合は 3。
help--json = テキストの代わりに JSON を出力します（オブジェクト1つ。`status --follow` は1行に1つ出力します）

help-run = デーモンを実行します：停止するまでリマインダーを表示します（SIGHUP または設定の保存で再読み込み）
help-run--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-check = 設定を検証し、次に実行されるリマインダーを表示します
help-check--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル
help-check--from = 現在時刻の代わりにこの時刻から開始します（RFC 3339、例：2026-11-24T09:00:00+01:00。1970年～9999年）
help-check--count = 表示するリマインダーの数（1～1000）

help-stretches = ストレッチと姿勢チェックを一覧表示するか、1つを詳しく表示します
help-stretches--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-stretches-show = ストレッチまたは姿勢チェック1つを詳しく表示します
help-stretches-show--id = その ID（`stretchd stretches` の一覧のとおり）

help-stretches-restore = 除外した（`stretchd hurt`）ストレッチをローテーションに戻します
help-stretches-restore--id = その ID（`stretchd stretches` の一覧のとおり）

help-stretches-safety = 安全上の注意を表示します

help-status = デーモンの状態を表示します：次のリマインダー、一時停止、スヌーズ、今週の進捗
help-status--follow = 表示し続けます：今すぐ1行、変化があるたび、そして1分ごと（ステータスバー向け）

help-next = これからのリマインダーを、スヌーズと一時停止を反映して一覧表示します
help-next--count = 表示する数（1～1000）

help-snooze = 画面上のリマインダー、なければ次のリマインダーをスヌーズします
help-snooze--duration = スヌーズする時間（最大1日、例：10m。デフォルト：設定の snooze.length）

help-pause = すべてのリマインダーを一時停止します：一定時間、指定時刻まで、明日まで、または `resume` まで
help-pause--duration = 一時停止する時間（最大1年、例：1h や 30m）。オプションを何も指定しない場合は `stretchd resume` まで
help-pause--until = このローカル時刻まで（今日、過ぎていれば明日）、例：14:30
help-pause--until_tomorrow = 午前0時まで

help-resume = 一時停止を終了します

help-skip = 最後のリマインダーに「スキップ」で応答します（ボタンを表示しない通知サーバー向け）

help-done = 最後のリマインダーに「完了」で応答します（ボタンを表示しない通知サーバー向け）。--easy または --hard で、次回のストレッチのキープ時間を1段階短く、または長くします
help-done--easy = きつすぎた：次回のストレッチのキープ時間を1段階（5秒）短くします
help-done--hard = 物足りなかった：次回のストレッチのキープ時間を1段階（5秒）長くします。範囲の上限を超えることもあります（最大15秒まで）

help-hurt = ストレッチで痛みがあった：中止してください。記録して除外し（`stretchd stretches restore ID` までローテーションから外れます）、同じ部位の別のストレッチを示します
help-hurt--id = 対象のストレッチ（デフォルト：画面上のストレッチのリマインダー、なければ最後に完了したもの）
help-hurt--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-now = リマインダーをすぐに表示します：指定したもの、または次に予定されているもの
help-now--id = 設定にあるリマインダーの ID

help-reload = デーモンに設定を再読み込みさせます

help-history = 過去のリマインダーとその応答を一覧表示します。[sync] フォルダーがある場合は、すべてのマシンのものを、それぞれのマシン名付きで表示します
help-history--since = この日（YYYY-MM-DD、ローカル）またはこの時刻（RFC 3339）以降の記録のみ
help-history--here = このマシンの記録のみ（[sync] フォルダーのほかのマシンの記録は含めません）
help-history--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-stats = 今週の日ごとの記録、週の目標、目標を達成した連続週数、ストレッチごとの回数。[sync] フォルダーがある場合は、すべてのマシンの応答を集計します
help-stats--here = このマシンの応答とレベルのみ（[sync] フォルダーのほかのマシンのものは含めません）
help-stats--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-install = このユーザー用にインストールします：systemd ユーザーユニット（または自動起動エントリー）、デフォルトの設定、デスクトップエントリー、アイコン、補完、man ページ。その後、ログインのたびに起動します
help-install--dry_run = 実行する内容を表示し、何も変更しません

help-uninstall = `install` が書き込んだものを停止して削除します。設定と履歴は残ります
help-uninstall--dry_run = 実行する内容を表示し、何も変更しません

help-completions = シェル補完スクリプト（bash、zsh、fish）を標準出力に出力します
help-completions--shell = シェル

help-man = man ページ（roff）を標準出力に出力します

help-guide = 端末でストレッチをガイドします。各キープや停止にカウントダウン付きで、最後まで終えると「完了」を記録します（Ctrl-C で中止し、何も記録しません）
help-guide--id = 対象のストレッチ（`stretchd stretches` の一覧のとおり。デフォルト：デーモンが次に提案するもの）
help-guide--session = 1つのストレッチではなく、ストレッチセッション全体：ウォームアップの後、設定の体勢と器具に合うすべてのストレッチを順に行います。最後まで終えるとセッション1回を記録します
help-guide--no_warmup = すでに体が温まっているとき、ウォームアップなしでセッションを開始します（ウォームアップ中は Enter で残りをスキップ）
help-guide--no_wait = ルーティン全体をタイマーなしで一度に表示し、何も記録しません
help-guide--hold = ストレッチのレベルの代わりに、各キープをこの秒数で計時します（フローでは各形での停止、フォームローリングなど時間で行うストレッチでは全体）
help-guide--reps = ストレッチ本来の回数の代わりに、この回数だけキープ（左右それぞれ）またはフローの往復を行います
help-guide--safety = 既読であっても、ルーティンの前に安全上の注意を表示します
help-guide--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-card = ストレッチのカードをブラウザーで開きます：原寸の図、全手順、キープと左右のタイマー、安全上の注意（ストレッチのリマインダーをクリックすると開くもの）
help-card--id = 対象のストレッチ（`stretchd stretches` の一覧のとおり。デフォルト：画面上のストレッチのリマインダー、なければ次のストレッチ。`stretchd guide` と同様）
help-card--print = カード（`$XDG_DATA_HOME/stretchd/cards/ID.html`）を書き出してパスを表示するだけで、開きません
help-card--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-config = 設定ファイルの場所、その値の1つ、またはエディターでの全体の編集。変更はすべて保存前に検証されるため、デーモンが壊れたファイルを読むことはありません

help-config-path = 設定ファイルのパスを、存在するかどうかにかかわらず表示します（--json 付きでは {"{"}path, exists{"}"}）
help-config-path--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-config-get = 値を1つ表示します。例：`snooze.length` や `reminder.stretch.every`（ID が "stretch" のリマインダー）。ファイルにないキーはデフォルト値を表示します
help-config-get--key = ドット区切りのキー
help-config-get--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-config-set = コメントとレイアウトを保ったまま値を1つ変更します。例：`set snooze.length 15m`。設定全体が有効な場合にのみ書き込みます。ファイルがなければデフォルトの設定から作成します
help-config-set--key = ドット区切りのキー
help-config-set--value = TOML の値（数値、true または false、配列、引用符で囲んだ文字列）、それ以外はテキスト：40m は文字列 "40m" として扱います。'-' で始めてもかまいません（負の数は引数パーサーではなく、検証で上限とともに拒否されます）
help-config-set--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル

help-config-edit = $VISUAL または $EDITOR（なければ `editor`、それもなければ vi）でコピーを編集します。ファイルがなければデフォルトの設定から始めます。コピーは有効な場合にのみ反映されます
help-config-edit--config = `$XDG_CONFIG_HOME/stretchd/config.toml` の代わりに使う設定ファイル
