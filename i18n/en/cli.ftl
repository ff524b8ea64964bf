# stretchd: the command line's own output (stretchd check, stretches, status, next, history,
# stats, guide, card, install, config and their errors). The English source; see TRANSLATING.md.
# Commands and keys between backticks (`stretchd resume`) are typed as they are: keep them.

## Lengths of time as the guide and the lists count them.

length-secs = { $secs } s
length-mins = { $min } min
length-mins-secs = { $min } min { $secs } s

## stretchd guide: the routine, one line a part. $secs is a number of seconds.

guide-other-side = Now the other side.
guide-hold = Hold { $secs } s
guide-hold-rep = Hold { $secs } s ({ $rep } of { $reps })
guide-hold-first = Hold { $secs } s (first side)
guide-hold-first-rep = Hold { $secs } s (first side, { $rep } of { $reps })
guide-hold-other = Hold { $secs } s (other side)
guide-hold-other-rep = Hold { $secs } s (other side, { $rep } of { $reps })
# $shape is one of the two shapes of a flow (stretch-*-shape-* in catalog.ftl).
guide-breathe-out = Breathe out into { $shape }, { $secs } s (round { $round } of { $rounds })
guide-breathe-in = Breathe in into { $shape }, { $secs } s (round { $round } of { $rounds })
# $length is length-*.
guide-keep = Keep going for { $length }
guide-warm-up = Warm up: light movement for { $length } (press Enter if you are already warmed up)
guide-no-warm-up = Without the warm-up (--no-warmup): only if you are warmed up already.
# $stretches: the names, joined with list-separator (daemon.ftl).
guide-session-then =
    Then { $count ->
        [one] one stretch
       *[other] every stretch that fits
    }: { $stretches }, in this order.
# $about is about-minutes (daemon.ftl).
guide-session-timed = Timed: { $about }, with each hold at its level now.
guide-before-you-start = Before you start:
# $length is a length of time (span-* in daemon.ftl).
guide-no-reps = --reps does not apply: this stretch is timed as one stretch of { $length } (use --hold SECONDS to change how long)
# $total is length-*.
guide-timed-holds =
    Timed: { $holds ->
        [one] { $holds } hold
       *[other] { $holds } holds
    } of { $secs } s, { $total } in all.
guide-timed-holds-sides =
    Timed: { $holds ->
        [one] { $holds } hold
       *[other] { $holds } holds
    } of { $secs } s on each side, { $total } in all.
guide-timed-flow =
    Timed: { $rounds ->
        [one] { $rounds } round
       *[other] { $rounds } rounds
    } of { $secs } s in each shape, { $total } in all.
guide-timed-duration = Timed: { $total } in one go.

## stretchd card: the stretch's page in the browser. It is HTML: the program escapes the text.

card-title = { $name }: stretchd
card-steps = Steps
card-safety = Safety
card-dose-and-timer = Dose and timer
card-timed-parts = Timed parts
card-start = Start
card-reset = Reset
card-pause = Pause
card-resume = Resume
card-start-again = Start again
# What the timer says about the part under way: $n is its number, $total how many there are,
# $part what it is ("Hold 30 s (first side)").
card-part = Part { $n } of { $total }: { $part }
card-all-done =
    { $total ->
        [one] The part is done. Answer the reminder with Done.
       *[other] All { $total } parts done. Answer the reminder with Done.
    }
# $clock is the time left ("0:12"), $part as in card-part.
card-paused = Paused at { $clock }. { $part }
card-ready = Ready. { $part }
# $command is the command `stretchd done`.
card-footer = stretchd: answer the reminder with Done, or run { $command }.

## stretchd check

# $path is where the config file would be.
check-built-in = built-in default (no file at { $path })
# $source is the config file (or check-built-in).
check-ok =
    { $source }: OK ({ $count ->
        [one] { $count } reminder
       *[other] { $count } reminders
    })
# $warning is what the config check found (in English, with the config's keys).
check-warning = warning: { $warning }
check-never-fires = reminder "{ $id }" never fires: its time never falls inside the work days and hours of [schedule]; change its cron line, or work_days and work_hours
check-nothing = Nothing will fire: no reminder falls inside the work hours.
# A reminder does fire from now, but none after the --from given; $from as in check-next.
check-nothing-from = Nothing will fire after { $from }.
# $from is a date and time (when-day-date-time in daemon.ftl).
check-next = Next { $count } from { $from }, if you stay at the desk:

## stretchd stretches, stretchd stretches show ID, stretchd stretches safety

stretches-heading = Stretches (`stretchd stretches show ID` for the steps):
# $reason is why (aside-reason-hurt, or the user's words), $when a date and time.
stretches-set-aside = [set aside: { $reason }, { $when }; `stretchd stretches restore { $id }` brings it back]
stretches-not-in-program = [not in the program: needs another position or equipment]
stretches-sessions-only = [sessions only: not a desk stretch]
stretches-postures = Posture checks:
stretches-safety-hint = `stretchd stretches safety` shows the safety notice.
stretches-unknown = no stretch or posture check has the id "{ $id }"; `stretchd stretches` lists them
# $position is a position-* and $equipment a list of equipment-* (catalog.ftl), or show-no-equipment.
show-facts = Position: { $position }   Equipment: { $equipment }
show-no-equipment = none
# $area is an area-* (catalog.ftl).
show-works = Works: { $area }

## stretchd stats, stretchd history

# $grow is how many Done answers in a row make a hold longer.
stats-holds-heading = Holds now (they grow after { $grow } Done answers; `stretchd done --easy`/`--hard` move them):
# $range is a length of time (span-* in daemon.ftl).
stats-hold-line = { $secs } s (range { $range }; { $done } of { $grow } Done toward the next step)
history-unreadable = cannot read the history { $path }: { $error } (make it a readable regular file, or move it away to start a new one)

## stretchd status, status --follow, next: the daemon's state. The titles of the reminders come
## from the daemon, in its language.

# $path is the daemon's socket.
remote-not-running = stretchd is not running (nothing answers at { $path }); start it with `systemctl --user start stretchd` or `stretchd run`
kind-posture = posture
kind-stretch = stretch
kind-session = session
# A status bar's short text (status --follow). $kind is kind-*, $countdown a countdown-*.
bar-paused = paused
bar-paused-until = paused { $countdown }
bar-held = held
bar-now = { $kind } now
bar-next = { $kind } { $countdown }
bar-idle = idle
countdown-now = now
countdown-minutes = in { $minutes }m
countdown-hours = in { $hours }h { $minutes }m
# $version is stretchd's version, $since a day and time (when-day-time in daemon.ftl).
status-running = stretchd { $version } running since { $since } (pid { $pid })
# The labels of the lines of `stretchd status`: the values line up after the longest.
status-config = Config:
status-paused = Paused:
status-held = Held:
status-snoozed = Snoozed:
status-waiting = Waiting:
status-filed = Filed:
status-next = Next:
status-week = This week:
status-idle = Idle:
# $error is the config's own message (English).
status-config-error = Config error (the previous config stays in force): { $error }
status-paused-until = until { $time } ({ $countdown })
status-paused-until-resume = until `stretchd resume`
# Why reminders are held; $time is a time of day (14:30).
held-idle = away from the keyboard since { $time }
held-locked = screen locked since { $time }
held-asleep = asleep since { $time }
held-dnd = the notification server is in do-not-disturb mode
held-fullscreen = a full-screen window has the focus
held-grace = a hold just ended; held reminders wait until { $time }
# When the held reminder shows; $grace is a length such as 30s.
held-shows-back = shows when you are back (after a natural break, the interval starts again)
held-shows-dnd = shows when do-not-disturb ends
held-shows-dnd-grace = shows { $grace } after do-not-disturb ends
held-shows-fullscreen = shows when the full-screen window loses the focus
held-shows-fullscreen-grace = shows { $grace } after the full-screen window loses the focus
held-shows-at = shows at { $time }
# $reminder is the reminder's id.
status-snoozed-until = "{ $reminder }" until { $time } ({ $count } in a row)
status-waiting-answer = { $title } (answer with `stretchd done` or `stretchd skip`)
status-filed-held = { $title } (sent during do-not-disturb, so the server holds it without showing it; answer with `stretchd done` or `stretchd skip`)
status-due-since = due since { $time }
status-due = due { $time }
# $due is status-due or status-due-since, $shows a held-shows-*.
status-next-held = held: { $reminder }  { $title } ({ $due }), { $shows }
status-next-none = nothing scheduled
status-week-sessions =
    { $done } of { $goal ->
        [one] { $goal } stretch session
       *[other] { $goal } stretch sessions
    }
next-nothing = Nothing scheduled (paused indefinitely, or no reminder fits the work hours).

## stretchd stats and stretchd history: what became of the reminders.

# $first and $last are days (when-day-month in daemon.ftl).
stats-week = This week ({ $first } to { $last }): stretch sessions, desk stretches, posture checks
# After a day's bar and its count of sessions: $desk desk stretches, $posture posture checks.
stats-day = desk { $desk }   posture { $posture }
stats-today = <- today
stats-goal =
    Goal: { $done }/{ $goal ->
        [one] { $goal } stretch session
       *[other] { $goal } stretch sessions
    } this week
stats-goal-met =
    Goal: { $done }/{ $goal ->
        [one] { $goal } stretch session
       *[other] { $goal } stretch sessions
    } this week (met)
stats-streak =
    Streak: { $weeks ->
        [one] { $weeks } week
       *[other] { $weeks } weeks
    }
# $weeks is how many weeks in a row, $goal the goal to set (one more).
stats-suggest = The goal was met { $weeks }+ weeks in a row: ready for one more session a week? Set [goal] sessions_per_week = { $goal } in the config.
stats-no-desk-stretches = No desk stretches done yet.
# $date is a date (2026-11-24).
stats-desk-since = Desk stretches since { $date }:
stats-desk = Desk stretches:
# One of the totals: "3 done"; $outcome is an outcome-*.
stats-total = { $count } { $outcome }
# $totals: the stats-total of each outcome, joined with list-separator (daemon.ftl).
stats-all = All reminders: { $totals }
history-empty = No history entries.

## stretchd guide: what it records when it ends.

# $item is the stretch's id, $path the history file.
guide-recorded-in = Recorded "{ $item }" as done in { $path }.
guide-recorded-alone = Recorded "{ $item }" as done in { $path } (no daemon is running).
# $note is a clause (reply-hold-* in daemon.ftl).
guide-recorded-in-note = Recorded "{ $item }" as done in { $path }; { $note }.
guide-recorded-alone-note = Recorded "{ $item }" as done in { $path } (no daemon is running); { $note }.
guide-session-none-fits = no stretch fits the config's positions and equipment (or every one that does is set aside), so the session is empty; allow another position in [stretches] positions, or `stretchd stretches restore ID`
# $ids: the ids set aside.
guide-session-all-aside = every stretch of the session is set aside ({ $ids }), so the session is empty; `stretchd stretches restore ID` brings one back
guide-not-recorded = Not recorded: run without --no-wait to time and record it.
guide-done = Done.
guide-stopped = Stopped; not recorded as done.
# After a timed part ("Hold 30 s ... done"); a warm-up cut short by Enter is "skipped".
guide-part-done = done
guide-part-skipped = skipped
guide-warm-up-skipped = Warm-up skipped: already warmed up.
guide-secs-left = { $secs } s left
# The questions after a stretch. The guide reads the letters in brackets as they are (y, n; e,
# o, h): keep them.
guide-ask-hurt = Did it hurt? [y/N]
# $stretches: "1 Cat-camel, 2 Seated twist".
guide-ask-which-hurt = Did one of them hurt? Its number ({ $stretches }), or Enter for none:
guide-ask-next-time = Next time: [e]asier (shorter holds) / [o]k as it is / [h]arder (longer holds)? [O]
guide-ask-again = Please answer with one of the letters in brackets.

## How stretchd guide and stretchd card pick the stretch. $command is guide or card, $id what
## was asked, $known the stretch ids.

choice-a-posture = "{ $id }" is a posture check; `stretchd { $command }` takes stretches (known: { $known })
choice-unknown = no stretch has the id "{ $id }" (known: { $known }); `stretchd stretches` lists them
choice-daemon-suggests = (The stretch the daemon suggests; `stretchd { $command } ID` picks another.)
choice-next-in-rotation = (Next in the rotation; `stretchd { $command } ID` picks another.)
choice-all-set-aside = no stretch to suggest: every stretch is set aside (`stretchd stretches` lists them); bring one back with `stretchd stretches restore ID`, or name one: `stretchd { $command } ID`

## stretchd card: when the browser does not open. $path is the card's file, $opener xdg-open.

card-no-opener = the card is written to { $path } but cannot be opened: { $opener } is not installed (Debian: `apt install xdg-utils`); open the file in a browser, or use `stretchd card --print`
card-opener-does-not-start = the card is written to { $path } but { $opener } does not start: { $error }
card-opener-failed = the card is written to { $path } but { $opener } failed ({ $status }): no default handler for HTML files? Set one with `xdg-settings set default-web-browser firefox.desktop` (or yours), or open the file in a browser

## stretchd install and uninstall: one line a step. $what is a file or a command line.

install-wrote = wrote { $what }
install-would-write = would write { $what }
install-kept = kept existing { $what }
install-would-keep = would keep existing { $what }
install-unchanged = unchanged { $what }
install-would-leave-unchanged = would leave unchanged { $what }
install-removed = removed { $what }
install-would-remove = would remove { $what }
install-left = left in place { $what }
install-would-leave = would leave in place { $what }
install-ran = ran { $what }
install-would-run = would run { $what }
# A step with advice: $step is one of the lines above, $hint an install-hint-* or uninstall-hint-*.
install-hint = { $step } ({ $hint })
install-hint-config = your config: edit it, the daemon reloads it on save
# $dir is a folder.
install-hint-zsh = zsh: add { $dir } to fpath before compinit if it is not there
install-hint-man = if `man stretchd` does not find it, add { $dir } to MANPATH
install-hint-systemd-now = systemd starts stretchd now
install-hint-autostart = the desktop runs `stretchd run` at each login; start it now with `stretchd run &`
# $why is what systemctl said (English).
install-no-systemd = no systemd user manager answers ({ $why }): using an XDG autostart entry instead
uninstall-no-systemd = no systemd user manager answers ({ $why }): removing the unit without stopping it
uninstall-hint-autostart = a `stretchd run` it started runs until you log out
uninstall-hint-not-ours = not written by `stretchd install`
uninstall-hint-config = your config; delete it yourself if you no longer want it
uninstall-hint-history = your history; it and the daemon's state are in { $dir }
uninstall-hint-pictures = the stretch pictures `stretchd run` writes, and any of your own

## stretchd config set and config edit. $path is the config file, $pid the daemon's process.

# $key is a config key and $value its value, as typed.
config-set-already = { $path }: { $key } is { $value } already; nothing written
config-edit-no-changes-default = { $path }: no changes, so no file was written (the built-in default stays in use)
config-edit-no-changes = { $path }: no changes
config-edit-saved = { $path }: saved
config-edit-invalid = { $path } is as it was: the edit is not a valid config (fix it with `stretchd config edit` on a terminal, which offers to edit again)
# $copy is the edited copy, kept.
config-edit-changed-meanwhile = { $path } changed while it was being edited, so it is left as it is; your version is { $copy } (merge the two by hand, or run `stretchd config edit` again)
# The editor reopens on yes: the letters stay y and n.
config-edit-again = Edit again? [Y/n]
config-daemon-uses = The running daemon (pid { $pid }) uses { $path }, not this file.
config-daemon-reloads = The running daemon (pid { $pid }) reloads it by itself.
# $answer is what the daemon said.
config-daemon-told = The running daemon (pid { $pid }) was told to reload: { $answer }.
config-daemon-refused = the running daemon (pid { $pid }) did not reload: { $answer }

## Several machines ([sync]): status, stats and history.

status-lull = Due:
# $time is when it shows anyway (a day and a time).
status-lull-wait = waiting for a pause in typing, at most until { $time }
status-sync = Sync:
# This machine: the folder, its hostname and the first characters of its machine id.
status-sync-this = { $dir } as { $hostname } (machine { $machine })
status-sync-alone = No other machine has written to the folder yet.
# Another machine of the folder; $when is one of status-sync-ahead, -ahead-days, -just-now,
# -ago.
status-sync-machine = { $hostname } (machine { $machine }) last wrote { $when }
status-sync-ahead = { $time }, ahead of this clock by { $minutes } min
# More than a day ahead.
status-sync-ahead-days =
    { $time }, ahead of this clock by { $days ->
        [one] 1 day
       *[other] { $days } days
    }
status-sync-just-now = { $time }, just now
# $ago is one of ago-*.
status-sync-ago = { $time }, { $ago }
status-sync-problem = Sync problem: { $problem }
ago-minutes = { $minutes } min ago
ago-hours = { $hours } h { $minutes } min ago
ago-days =
    { $days ->
        [one] 1 day ago
       *[other] { $days } days ago
    }
# $machines: the hostnames, joined with list-separator (daemon.ftl).
stats-machines =
    { $count ->
        [one] Counted on 1 machine of the sync folder: { $machines }.
       *[other] Counted on { $count } machines of the sync folder: { $machines }.
    }
stats-this-machine = { $name } (this machine)
history-config-unusable = { $error }; listing this machine's history only
sync-folder-unreadable = cannot read the sync folder { $path }: { $error }; counting this machine's answers only
sync-history-unreadable = cannot read { $path }: { $error }; the answers of { $hostname } are left out
# A machine whose summary cannot be read, named by the first characters of its id.
sync-machine-unnamed = machine { $machine }

## Calls (`stretchd status`).

# $capture is one of capture-* (daemon.ftl), $app the program's name.
held-call = { $capture } ({ $app }) since { $time }
held-shows-call = shows when the call ends (checked once a minute)
held-shows-call-grace = shows { $grace } after the call ends (checked once a minute)

## Answers typed at the guide's questions and `config edit`'s: the words taken for yes and no,
## comma-separated, beside the English letters shown in the prompts ([y/N], which always work).
## Add the words people of your language type: "j, ja" for German.

answer-yes = y, yes
answer-no = n, no

# $path is a folder.
card-not-a-folder = { $path } is not a folder, so the card cannot be written there; move it away and run this again
card-cannot-create = cannot create { $path } for the card
card-cannot-write = cannot write the card to { $path }

## What the guide and `stretchd hurt` say when the daemon does not take what they record. $item
## is the stretch's id, $why what went wrong (the daemon's answer, or a system error).

record-refused = the daemon did not record it: { $why }
record-not-recorded = "{ $item }" was not recorded: { $why }
record-unconfirmed-other = the daemon did not confirm recording "{ $item }" (it answered something else); it may still record it: check `stretchd history`
record-unconfirmed = the daemon did not confirm recording "{ $item }" ({ $why }); it may still record it: check `stretchd history`
# $problem is one of the above.
record-directly = { $problem }; writing the history directly
record-not-set-aside = "{ $item }" was not set aside: { $why }
record-aside-unconfirmed = the daemon did not confirm setting "{ $item }" aside (it answered something else); check `stretchd stretches`

## Values on the command line that are refused. $given is what was typed.

arg-not-rfc3339 = "{ $given }" is not a time in RFC 3339 from the years 1970 to 9999, e.g. 2026-11-24T09:00:00+01:00
arg-not-hhmm = "{ $given }" is not a time; use HH:MM, e.g. 14:30
arg-not-date = "{ $given }" is not a date; use YYYY-MM-DD or RFC 3339
# $error says what is wrong with the duration (English, with the config's spelling: 1h, 30m).
arg-pause = { $error } (`stretchd pause` without a duration pauses until `stretchd resume`)
