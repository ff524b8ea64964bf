# stretchd: what the daemon says (notifications, the tray menu, its answers to the command
# line), and the titles and doses the command line shows too. The English source; see
# TRANSLATING.md. { $name } and the other placeholders are filled in by the program: keep each
# one, move it where the sentence needs it.

## Lists and lengths of time.

# Between the items of a list: "Cat-camel, Seated twist".
list-separator = {", "}
span-secs = { $min } s
span-secs-range = { $min }-{ $max } s
span-mins = { $min } min
span-mins-range = { $min }-{ $max } min
# $minutes is at least 1.
about-minutes = about { $minutes } min

## How much of a stretch to do. $hold and $length are lengths of time (span-*).

dose-brief-hold = { $hold }
dose-brief-hold-sides = { $hold } each side
dose-brief-flow =
    { $rounds ->
        [one] { $rounds } slow round
       *[other] { $rounds } slow rounds
    }
dose-hold =
    Hold { $hold }, { $reps ->
        [1] once
       *[other] { $reps } times
    }.
dose-hold-sides =
    Hold { $hold }, { $reps ->
        [1] once
       *[other] { $reps } times
    } on each side.
# $first and $second are the two shapes of the flow (stretch-*-shape-* in catalog.ftl).
dose-flow =
    { $rounds ->
        [one] { $rounds } slow round
       *[other] { $rounds } slow rounds
    } between { $first } and { $second }, pausing { $pause } s in each.
dose-duration = Keep going for { $length }; there is nothing to hold.

## Titles of the reminders (the notification's title, and the lists of the command line).

# $dose is dose-brief-*.
title-stretch = Stretch: { $name }, { $dose }
title-posture = Posture check: { $name }
# $about is about-minutes.
title-session =
    Stretch session: warm-up and { $count ->
        [one] { $count } stretch
       *[other] { $count } stretches
    }, { $about }

## Notifications: the buttons, and the body's lines (two at most, 200 characters in all).

action-done = Done
action-snooze = Snooze
action-skip = Skip
# The second line of a stretch reminder: where the rest is (a click opens the card in a browser,
# or with [notify] on_click = "guide" the guide in a terminal); "-safety" the first time, until
# the safety notice was seen.
cue-card = Click it (or run `stretchd card`) for every step, the picture and a timer.
cue-card-safety = First time: click it (or run `stretchd card`) for the safety notice, every step and a timer.
cue-guide = Click it to be guided through it in a terminal, or run `stretchd card`.
cue-guide-safety = First time: click it for the guide in a terminal, with the safety notice.
# $stretches: the names, joined with list-separator.
session-body = Warm up first, then: { $stretches }.
session-done = Done starts the guided session in a terminal.
session-done-safety = Done starts the guided session in a terminal, with the safety notice first.
config-error-title = stretchd: config not reloaded
config-error-body = The previous settings stay in force until the file is fixed.

## Dates and times: $day is a weekday-*, $date the date (2026-11-24), $time the time of day
## (14:30, or 14:30:05, or 14:30 CET with the time zone).

weekday-mon = Mon
weekday-tue = Tue
weekday-wed = Wed
weekday-thu = Thu
weekday-fri = Fri
weekday-sat = Sat
weekday-sun = Sun
when-day-time = { $day } { $time }
when-day-date-time = { $day } { $date } { $time }

## stretchd hurt: what the daemon (or the command line, when no daemon runs) says. $name is the
## stretch's name, $id its id; $area and $nearest are area-* (catalog.ftl).

aside-reason-hurt = it hurt
hurt-stop =
    Stop "{ $name }" now. It is set aside: stretchd will not suggest it again (`stretchd stretches restore { $id }` brings it back).
    If the pain persists, see a healthcare professional (a doctor or a physiotherapist).
hurt-instead-same-area = Instead, try "{ $name }" (`stretchd guide { $id }`): it works the same area, { $area }.
hurt-instead-nearest = Instead, try "{ $name }" (`stretchd guide { $id }`): no other stretch for { $area } fits your positions and equipment, and it works the nearest area, { $nearest }.
hurt-instead-nearest-aside = Instead, try "{ $name }" (`stretchd guide { $id }`): no other stretch for { $area } fits your positions and equipment without being set aside, and it works the nearest area, { $nearest }.
hurt-all-aside = Every other stretch that fits your positions and equipment is set aside too; `stretchd stretches` lists them, and `stretchd stretches restore ID` brings one back.
hurt-none-fits = No other stretch fits your positions and equipment; allow another position or add equipment under [stretches] in the config (`stretchd config edit`) to get one.
month-jan = Jan
month-feb = Feb
month-mar = Mar
month-apr = Apr
month-may = May
month-jun = Jun
month-jul = Jul
month-aug = Aug
month-sep = Sep
month-oct = Oct
month-nov = Nov
month-dec = Dec
# $dom is the day of the month (24), $month a month-*.
when-day-month = { $day } { $dom } { $month }
when-day-dom = { $day } { $dom }

## The tray icon: its menu (besides action-done, -snooze, -skip) and its tooltip, one line
## each. $time is a time of day (14:30, or "Tue 14:30" for another day), $title a reminder's
## title.

tray-pause-hour = Pause for 1 hour
tray-pause-tomorrow = Pause until tomorrow
tray-resume = Resume
tray-session = Start a stretch session
tray-config = Open the config
# $error is the config's own message (English).
tray-config-error = Config error: { $error }
tray-now = Now: { $title }
tray-paused-until = Paused until { $time }
tray-paused = Paused until resumed
# $why is a tray-held-*.
tray-held = Held: { $why }
tray-held-idle = away since { $time }
tray-held-locked = screen locked since { $time }
tray-held-asleep = asleep since { $time }
tray-held-dnd = do not disturb
tray-held-fullscreen = a full-screen window
tray-held-grace = until { $time }
tray-snoozed = Snoozed until { $time }
# $grace is a number of seconds.
tray-held-next = Held: { $title } (due { $time }), shows { $grace } s after the hold ends
tray-next = Next: { $title } at { $time }
tray-next-none = Next: nothing scheduled
tray-week =
    This week: { $done } of { $goal ->
        [one] { $goal } stretch session
       *[other] { $goal } stretch sessions
    }

## What became of a reminder (stretchd history, stats, and the daemon's answers).

outcome-done = done
outcome-snoozed = snoozed
outcome-skipped = skipped
outcome-dismissed = dismissed
outcome-expired = expired
outcome-hurt = hurt

## The daemon's answers to the command line (stretchd snooze, pause, done, now, ...). $reminder
## is a reminder's id, $item a stretch's id, $title a reminder's title; $error is a system's or
## the config's own message (English).

reply-notice-read = the safety notice counts as read
# $time is a day and time (when-day-time).
reply-snoozed-next = snoozed the next reminder, "{ $reminder }", until { $time }
# $time is a time of day (14:30:05).
reply-snoozed = snoozed "{ $reminder }" until { $time }
# $time is a date and time (when-day-date-time).
reply-paused-until = paused until { $time }
reply-paused = paused until `stretchd resume`
reply-not-paused = not paused; nothing to resume
reply-resumed = resumed
reply-session-started = started "{ $reminder }": the guided session opens in a terminal and records the session when you finish it
# $why is why no terminal opened (English).
reply-session-not-started = "{ $reminder }" not started: { $why }; or run `stretchd guide --session` here, which records the session when you finish it
reply-session-no-level = --easy and --hard apply to one stretch held still, not to a session: the level of each moves with `stretchd guide ID`
reply-done = done: "{ $reminder }"
reply-skipped = skipped: "{ $reminder }"
reply-no-level = --easy and --hard do nothing here: "{ $item }" has no hold to shorten or lengthen
reply-no-level-posture = --easy and --hard do nothing here: a posture check has no hold
# A clause added to an answer (reply-and); $was and $now are numbers of seconds.
reply-hold-next = next time hold { $now } s (was { $was } s)
reply-hold-shortest = the hold stays { $now } s, the shortest it goes
reply-hold-longest = the hold stays { $now } s, the longest it goes
# How an answer takes a clause ($note: a reply-hold-*) and a remark in brackets ($note: a
# reply-no-level*, reply-session-no-level or reply-not-in-history-aside).
reply-and = { $answer }; { $note }
reply-aside = { $answer } ({ $note })
# $done sessions this week of the goal of $goal.
reply-recorded =
    recorded "{ $item }" as done; this week: { $done } of { $goal ->
        [one] { $goal } stretch session
       *[other] { $goal } stretch sessions
    }
reply-recorded-on-screen =
    recorded "{ $item }" as done (it answers the reminder on screen); this week: { $done } of { $goal ->
        [one] { $goal } stretch session
       *[other] { $goal } stretch sessions
    }
reply-recorded-session =
    recorded a stretch session; this week: { $done } of { $goal ->
        [one] { $goal } stretch session
       *[other] { $goal } stretch sessions
    }
reply-recorded-session-on-screen =
    recorded a stretch session (it answers the reminder on screen); this week: { $done } of { $goal ->
        [one] { $goal } stretch session
       *[other] { $goal } stretch sessions
    }
reply-not-in-history = (Not saved in the history: { $error }.)
reply-not-in-history-aside = not saved in the history: { $error }
reply-restored = restored "{ $item }": it is back in rotation
# $path is the config file.
reply-config-gone = { $path }: the config file is gone; keeping its settings until it is back
reply-config-unchanged = config unchanged
reply-reloaded = reloaded { $path }
reply-not-in-catalogue = "{ $item }" is not in the catalogue
reply-now-showing = showing { $title }
reply-now-held = held { $title }: the notification server is in do-not-disturb mode, so it holds the reminder without showing it; answer with `stretchd done` or `stretchd skip`, or see it with `stretchd card`
reply-now-no-server = not shown: no notification server is running (nothing owns org.freedesktop.Notifications) (start one: dunst, mako, or your desktop's own)
reply-now-failed = not shown: { $error }

## Why the daemon refused a request.

# $length and $limit are lengths such as 2h.
refusal-pause-too-long = a pause of { $length } is too long; the limit is { $limit } (`stretchd pause` without a time pauses until `stretchd resume`)
refusal-past = that time has already passed; give a time in the future
refusal-nothing-awaits = no reminder awaits an answer
refusal-nothing-shown = no reminder has been shown yet; nothing to answer
# $time is when it fired (14:30), $outcome an outcome-*.
refusal-already-answered = the last reminder ("{ $reminder }" at { $time }) was already answered: { $outcome }
refusal-not-saved = { $outcome }: "{ $reminder }", but it was not saved: { $error } (it counts until the daemon restarts)
refusal-no-reminders = the config has no reminders
# $known: the config's reminder ids.
refusal-unknown-reminder = no reminder has the id "{ $id }" (known: { $known })
refusal-all-set-aside = reminder "{ $id }" has nothing to show: every stretch it can pick is set aside; `stretchd stretches restore ID` brings one back (`stretchd stretches` lists them)
refusal-not-a-stretch = "{ $id }" is not a stretch of the catalogue (`stretchd stretches` lists them)
refusal-no-stretch = no stretch is on screen and none was done yet; name the one that hurt: `stretchd hurt ID` (`stretchd stretches` lists them)
# $ids: the session's stretch ids.
refusal-session-on-screen = a stretch session is on screen, so which stretch hurt is not known; name it: `stretchd hurt ID` (the session's: { $ids })
# $aside: the ids set aside, or refusal-none-set-aside.
refusal-not-set-aside = "{ $item }" is not set aside, so there is nothing to restore (set aside: { $aside }); `stretchd stretches` shows them
refusal-none-set-aside = none
refusal-unrecorded = cannot record "{ $item }": { $error }
refusal-config-invalid = config not reloaded, keeping the previous one: { $error }

## Calls: what holds reminders while the microphone or a camera is captured or the screen is cast.

capture-microphone = microphone in use
capture-screen-cast = screen being shared
capture-camera = camera in use
# In the tray's tooltip after tray-held: $capture is one of capture-*, $app the program's name.
tray-held-call = { $capture } ({ $app })

## Why a snooze was refused ($reminder: a reminder's id; $length and $limit: lengths such as 2h).

snooze-nothing = nothing is scheduled to snooze
snooze-off = snoozing is off (snooze.max = 0); do it or skip it
snooze-limit = "{ $reminder }" was snoozed { $max } times in a row already (snooze.max = { $max }); do it or skip it
snooze-zero = a snooze must last at least 1s
snooze-too-long = a snooze of { $length } is too long; the limit is { $limit }
