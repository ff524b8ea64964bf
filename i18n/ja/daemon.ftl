# stretchd：デーモンが表示するテキスト（通知、トレイメニュー、コマンドラインへの応答）の日本語訳。

## リストと時間の長さ

list-separator = {"、"}
span-secs = { $min }秒
span-secs-range = { $min }～{ $max }秒
span-mins = { $min }分
span-mins-range = { $min }～{ $max }分
about-minutes = 約{ $minutes }分

## ストレッチの量

dose-brief-hold = { $hold }
dose-brief-hold-sides = 左右各{ $hold }
dose-brief-flow = ゆっくり{ $rounds }往復
dose-hold = { $hold }キープを{ $reps }回行います。
dose-hold-sides = 左右それぞれ、{ $hold }キープを{ $reps }回行います。
dose-flow = { $first }と{ $second }の間をゆっくり{ $rounds }往復し、それぞれの形で{ $pause }秒止まります。
dose-duration = { $length }続けます。キープする姿勢はありません。

## リマインダーのタイトル

title-stretch = ストレッチ：{ $name }、{ $dose }
title-posture = 姿勢チェック：{ $name }
title-session = ストレッチセッション：ウォームアップと{ $count }種目のストレッチ、{ $about }

## 通知：ボタンと本文（2行以内、合計200文字以内）

action-done = 完了
action-snooze = スヌーズ
action-skip = スキップ
cue-card = クリック（または `stretchd card` を実行）で、全手順・図・タイマーを表示します。
cue-card-safety = 初回：クリック（または `stretchd card` を実行）で、安全上の注意・全手順・タイマーを表示します。
cue-guide = クリックで端末のガイドを開始します（または `stretchd card` を実行）。
cue-guide-safety = 初回：クリックで、安全上の注意付きのガイドを端末で開始します。
session-body = まずウォームアップし、続いて：{ $stretches }。
session-done = 「完了」で、端末でガイド付きセッションを開始します。
session-done-safety = 「完了」で、端末でガイド付きセッションを開始します（最初に安全上の注意を表示）。
config-error-title = stretchd：設定を再読み込みしませんでした
config-error-body = ファイルが修正されるまで、以前の設定が有効です。

## 日付と時刻

weekday-mon = 月
weekday-tue = 火
weekday-wed = 水
weekday-thu = 木
weekday-fri = 金
weekday-sat = 土
weekday-sun = 日
when-day-time = { $day }曜 { $time }
when-day-date-time = { $date }（{ $day }）{ $time }

## stretchd hurt

aside-reason-hurt = 痛みがあった
hurt-stop =
    「{ $name }」をすぐに中止してください。このストレッチは除外され、今後 stretchd が提案することはありません（`stretchd stretches restore { $id }` で戻せます）。
    痛みが続く場合は、医療専門家（医師または理学療法士）に相談してください。
hurt-instead-same-area = 代わりに「{ $name }」（`stretchd guide { $id }`）をお試しください。同じ部位（{ $area }）に効きます。
hurt-instead-nearest = 代わりに「{ $name }」（`stretchd guide { $id }`）をお試しください。{ $area }のストレッチで体勢と器具の設定に合うものがほかになく、このストレッチは最も近い部位（{ $nearest }）に効きます。
hurt-instead-nearest-aside = 代わりに「{ $name }」（`stretchd guide { $id }`）をお試しください。{ $area }のストレッチで体勢と器具の設定に合い、除外されていないものがほかになく、このストレッチは最も近い部位（{ $nearest }）に効きます。
hurt-all-aside = 体勢と器具の設定に合うほかのストレッチも、すべて除外されています。`stretchd stretches` で一覧を表示し、`stretchd stretches restore ID` で1つ戻せます。
hurt-none-fits = 体勢と器具の設定に合うストレッチがほかにありません。設定の [stretches] で体勢を追加するか器具を追加すると（`stretchd config edit`）、候補が見つかります。
month-jan = 1月
month-feb = 2月
month-mar = 3月
month-apr = 4月
month-may = 5月
month-jun = 6月
month-jul = 7月
month-aug = 8月
month-sep = 9月
month-oct = 10月
month-nov = 11月
month-dec = 12月
when-day-month = { $month }{ $dom }日（{ $day }）
when-day-dom = { $dom }日（{ $day }）

## トレイアイコン：メニューとツールチップ

tray-pause-hour = 1時間一時停止
tray-pause-tomorrow = 明日まで一時停止
tray-resume = 再開
tray-session = ストレッチセッションを開始
tray-config = 設定を開く
tray-config-error = 設定エラー：{ $error }
tray-now = 表示中：{ $title }
tray-paused-until = { $time }まで一時停止中
tray-paused = 再開するまで一時停止中
tray-held = 保留中：{ $why }
tray-held-idle = { $time }から離席中
tray-held-locked = { $time }から画面ロック中
tray-held-asleep = { $time }からスリープ中
tray-held-dnd = おやすみモード
tray-held-fullscreen = 全画面表示のウィンドウ
tray-held-grace = { $time }まで
tray-snoozed = { $time }までスヌーズ中
tray-held-next = 保留中：{ $title }（予定 { $time }）、保留終了の{ $grace }秒後に表示
tray-next = 次回：{ $title }（{ $time }）
tray-next-none = 次回：予定なし
tray-week = 今週：ストレッチセッション { $goal }回中{ $done }回

## リマインダーの結果

outcome-done = 完了
outcome-snoozed = スヌーズ
outcome-skipped = スキップ
outcome-dismissed = 閉じた
outcome-expired = 期限切れ
outcome-hurt = 痛みあり

## デーモンからコマンドラインへの応答

reply-notice-read = 安全上の注意を既読にしました
reply-snoozed-next = 次のリマインダー「{ $reminder }」を{ $time }までスヌーズしました
reply-snoozed = 「{ $reminder }」を{ $time }までスヌーズしました
reply-paused-until = { $time }まで一時停止しました
reply-paused = `stretchd resume` まで一時停止しました
reply-not-paused = 一時停止していないため、再開するものはありません
reply-resumed = 再開しました
reply-session-started = 「{ $reminder }」を開始しました：端末でガイド付きセッションが開き、終了するとセッションを記録します
reply-session-not-started = 「{ $reminder }」を開始できませんでした：{ $why }。または、ここで `stretchd guide --session` を実行してください（終了するとセッションを記録します）
reply-session-no-level = --easy と --hard は静止してキープする1つのストレッチに適用され、セッションには適用されません。各ストレッチのレベルは `stretchd guide ID` で変わります
reply-done = 完了：「{ $reminder }」
reply-skipped = スキップ：「{ $reminder }」
reply-no-level = --easy と --hard はここでは効果がありません：「{ $item }」には短く・長くするキープ時間がありません
reply-no-level-posture = --easy と --hard はここでは効果がありません：姿勢チェックにはキープ時間がありません
reply-hold-next = 次回のキープは{ $now }秒（これまでは{ $was }秒）
reply-hold-shortest = キープは{ $now }秒のままです（最短）
reply-hold-longest = キープは{ $now }秒のままです（最長）
reply-and = { $answer }。{ $note }
reply-aside = { $answer }（{ $note }）
reply-recorded = 「{ $item }」を完了として記録しました。今週：ストレッチセッション { $goal }回中{ $done }回
reply-recorded-on-screen = 「{ $item }」を完了として記録しました（画面上のリマインダーへの応答になります）。今週：ストレッチセッション { $goal }回中{ $done }回
reply-recorded-session = ストレッチセッションを記録しました。今週：ストレッチセッション { $goal }回中{ $done }回
reply-recorded-session-on-screen = ストレッチセッションを記録しました（画面上のリマインダーへの応答になります）。今週：ストレッチセッション { $goal }回中{ $done }回
reply-not-in-history = （履歴に保存されませんでした：{ $error }。）
reply-not-in-history-aside = 履歴に保存されませんでした：{ $error }
reply-restored = 「{ $item }」を戻しました：ローテーションに復帰しています
reply-config-gone = { $path }：設定ファイルがなくなりました。ファイルが戻るまで現在の設定を維持します
reply-config-unchanged = 設定に変更はありません
reply-reloaded = { $path } を再読み込みしました
reply-not-in-catalogue = 「{ $item }」はカタログにありません
reply-now-showing = { $title } を表示しています
reply-now-held = { $title } を保留しました：通知サーバーがおやすみモードのため、リマインダーは表示されずに保留されます。`stretchd done` または `stretchd skip` で応答するか、`stretchd card` で確認してください
reply-now-no-server = 表示されませんでした：通知サーバーが動作していません（org.freedesktop.Notifications の所有者がいません）（dunst、mako、またはデスクトップ標準のものを起動してください）
reply-now-failed = 表示されませんでした：{ $error }

## デーモンが要求を拒否した理由

refusal-pause-too-long = { $length }の一時停止は長すぎます。上限は{ $limit }です（時間を指定しない `stretchd pause` は `stretchd resume` まで一時停止します）
refusal-past = その時刻はすでに過ぎています。未来の時刻を指定してください
refusal-nothing-awaits = 応答待ちのリマインダーはありません
refusal-nothing-shown = まだリマインダーが表示されていないため、応答するものはありません
refusal-already-answered = 最後のリマインダー（{ $time } の「{ $reminder }」）にはすでに応答済みです：{ $outcome }
refusal-not-saved = { $outcome }：「{ $reminder }」。ただし保存されませんでした：{ $error }（デーモンが再起動するまでは有効です）
refusal-no-reminders = 設定にリマインダーがありません
refusal-unknown-reminder = ID が「{ $id }」のリマインダーはありません（既知の ID：{ $known }）
refusal-all-set-aside = リマインダー「{ $id }」には表示するものがありません：選べるストレッチがすべて除外されています。`stretchd stretches restore ID` で1つ戻せます（`stretchd stretches` で一覧を表示）
refusal-not-a-stretch = 「{ $id }」はカタログのストレッチではありません（`stretchd stretches` で一覧を表示）
refusal-no-stretch = 画面上にストレッチがなく、まだ実施したストレッチもありません。痛みがあったストレッチを指定してください：`stretchd hurt ID`（`stretchd stretches` で一覧を表示）
refusal-session-on-screen = ストレッチセッションが画面に表示されているため、どのストレッチで痛みがあったかわかりません。指定してください：`stretchd hurt ID`（このセッションのストレッチ：{ $ids }）
refusal-not-set-aside = 「{ $item }」は除外されていないため、戻すものはありません（除外中：{ $aside }）。`stretchd stretches` で確認できます
refusal-none-set-aside = なし
refusal-unrecorded = 「{ $item }」を記録できません：{ $error }
refusal-config-invalid = 設定を再読み込みせず、以前の設定を維持します：{ $error }

## 通話：マイクやカメラの使用中、画面の共有中はリマインダーを保留します

capture-microphone = マイク使用中
capture-screen-cast = 画面共有中
capture-camera = カメラ使用中
tray-held-call = { $capture }（{ $app }）

## スヌーズを拒否した理由

snooze-nothing = スヌーズする予定のリマインダーがありません
snooze-off = スヌーズは無効です（snooze.max = 0）。実施するかスキップしてください
snooze-limit = 「{ $reminder }」はすでに{ $max }回連続でスヌーズされています（snooze.max = { $max }）。実施するかスキップしてください
snooze-zero = スヌーズの長さは1秒以上にしてください
snooze-too-long = { $length }のスヌーズは長すぎます。上限は{ $limit }です
