# stretchd: --help, the English source (written from the doc comments of src/cli/mod.rs
# by `STRETCHD_WRITE_HELP=1 cargo test --lib help`: change those, not this file).
# help-COMMAND is what a subcommand does, help-COMMAND--ARG what an option or argument
# means. Keep option names (--config) and values as they are. See TRANSLATING.md.

help = A tiny Linux user daemon that reminds desk workers to check their posture and do a mid-back stretch
help-after =
    The config lives at $XDG_CONFIG_HOME/stretchd/config.toml (usually ~/.config/stretchd/config.toml); without one the built-in default schedule runs. `stretchd config edit` and `stretchd config set KEY VALUE` change it, checked before it is saved.
    Start here: `stretchd check` shows what the schedule would do, `stretchd now` shows a reminder.
    Exit status: 0 on success, 1 on an error, 3 when the daemon is not running.
help--json = Print JSON instead of text (one object; `status --follow` prints one per line)

help-run = Run the daemon: show reminders until stopped (SIGHUP or saving the config reloads it)
help-run--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-check = Validate the config and print the next reminders it would fire
help-check--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`
help-check--from = Start from this time instead of now (RFC 3339, e.g. 2026-11-24T09:00:00+01:00; years 1970 to 9999)
help-check--count = How many reminders to show (1 to 1000)

help-stretches = List the stretches and posture checks, or show one in full
help-stretches--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-stretches-show = Print one stretch or posture check in full
help-stretches-show--id = Its id, as listed by `stretchd stretches`

help-stretches-restore = Bring a stretch set aside (`stretchd hurt`) back into rotation
help-stretches-restore--id = Its id, as listed by `stretchd stretches`

help-stretches-safety = Print the safety notice

help-status = Show what the daemon is doing: next reminder, pause, snooze, this week's progress
help-status--follow = Keep printing: a line now, on every change, and once a minute (for status bars)

help-next = List the upcoming reminders, with snooze and pause applied
help-next--count = How many (1 to 1000)

help-snooze = Snooze the reminder on screen, or else the next one
help-snooze--duration = For how long, at most a day, e.g. 10m (default: the config's snooze.length)

help-pause = Pause all reminders: for a while, until a time, until tomorrow, or until `resume`
help-pause--duration = For how long, at most a year, e.g. 1h or 30m; without any option, until `stretchd resume`
help-pause--until = Until this local time (today, or tomorrow if it has passed), e.g. 14:30
help-pause--until_tomorrow = Until midnight

help-resume = End a pause

help-skip = Answer the last reminder with Skip (for servers that draw no buttons)

help-done = Answer the last reminder with Done (for servers that draw no buttons); --easy or --hard make the stretch's holds a step shorter or longer next time
help-done--easy = It was too much: a stretch's holds get a step (5 s) shorter next time
help-done--hard = It was too little: a stretch's holds get a step (5 s) longer next time, even past the top of its range (by at most 15 s)

help-hurt = The stretch hurt: stop; it is recorded, set aside (out of rotation until `stretchd stretches restore ID`), and another for the same area is named
help-hurt--id = The stretch (default: the stretch reminder on screen, or else the last one done)
help-hurt--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-now = Show a reminder right away: this one, or the one due next
help-now--id = A reminder id from the config

help-reload = Make the daemon re-read its config

help-history = List past reminders and their answers; with a [sync] folder, those of every machine, each naming its machine
help-history--since = Only entries from this day on (YYYY-MM-DD, local) or this time (RFC 3339)
help-history--here = Only this machine's entries, not those of the other machines of the [sync] folder
help-history--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-stats = This week by day, the weekly goal, the streak of weeks that met it, counts per stretch; with a [sync] folder, over the answers of every machine
help-stats--here = Only this machine's answers and levels, not those of the other machines of the [sync] folder
help-stats--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-install = Install for this user: the systemd user unit (or an autostart entry), the default config, desktop entry, icon, completions and man page; then start it at every login
help-install--dry_run = Print what would be done, and change nothing

help-uninstall = Stop and remove what `install` wrote; the config and history stay
help-uninstall--dry_run = Print what would be done, and change nothing

help-completions = Print the shell completion script (bash, zsh or fish) to stdout
help-completions--shell = The shell

help-man = Print the man page (roff) to stdout

help-guide = Walk through a stretch in the terminal, with a countdown for each hold or pause; finishing it records Done (Ctrl-C stops and records nothing)
help-guide--id = The stretch, as listed by `stretchd stretches` (default: the one the daemon would suggest next)
help-guide--session = A whole stretch session instead of one stretch: a warm-up, then every stretch that fits the config's positions and equipment, in order; finishing it records one session
help-guide--no_warmup = Start the session without its warm-up, when already warmed up (during the warm-up, Enter skips the rest of it)
help-guide--no_wait = Print the whole routine at once, without timers, and record nothing
help-guide--hold = Time each hold for this many seconds instead of the stretch's level (for a flow, each pause in a shape; for a timed stretch such as foam rolling, the whole of it)
help-guide--reps = Do this many holds (on each side), or rounds of a flow, instead of the stretch's own
help-guide--safety = Show the safety notice before the routine, even once it has been seen
help-guide--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-card = Open a stretch's card in the browser: the picture at full size, every step, a timer for the holds and sides, and the safety notice (what a click on a stretch reminder opens)
help-card--id = The stretch, as listed by `stretchd stretches` (default: the stretch reminder on screen, or else the next stretch to come, as for `stretchd guide`)
help-card--print = Only write the card (`$XDG_DATA_HOME/stretchd/cards/ID.html`) and print its path; do not open it
help-card--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config = Where the config file is, one value of it, or all of it in an editor; every change is validated before it is saved, so the daemon never reads a broken file

help-config-path = Print the config file's path, whether or not it exists (with --json: {"{"}path, exists{"}"})
help-config-path--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-get = Print one value, e.g. `snooze.length` or `reminder.stretch.every` (the reminder whose id is "stretch"); a key the file leaves out shows its default
help-config-get--key = A dotted key
help-config-get--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-set = Change one value in place, keeping comments and layout, e.g. `set snooze.length 15m`; nothing is written unless the whole config is still valid. Creates the file from the default config when there is none
help-config-set--key = A dotted key
help-config-set--value = A TOML value (a number, true or false, an array, a quoted string), else text: 40m is taken as the string "40m". May start with '-' (a negative number is refused by the validation, with the limit, not by the argument parser)
help-config-set--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`

help-config-edit = Edit a copy in $VISUAL or $EDITOR (else `editor`, else vi), starting from the default config when there is none; the copy is put in place only once it is valid
help-config-edit--config = Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`
