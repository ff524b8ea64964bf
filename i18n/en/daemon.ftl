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
