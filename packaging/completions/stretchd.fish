# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_stretchd_global_optspecs
    string join \n json h/help V/version
end

function __fish_stretchd_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_stretchd_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_stretchd_using_subcommand
    set -l cmd (__fish_stretchd_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c stretchd -n "__fish_stretchd_needs_command" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_needs_command" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_needs_command" -s V -l version -d 'Print version'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "run" -d 'Run the daemon: show reminders until stopped (SIGHUP or saving the config reloads it)'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "check" -d 'Validate the config and print the next reminders it would fire'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "stretches" -d 'List the stretches and posture checks, or show one in full'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "status" -d 'Show what the daemon is doing: next reminder, pause, snooze, this week\'s progress'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "next" -d 'List the upcoming reminders, with snooze and pause applied'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "snooze" -d 'Snooze the reminder on screen, or else the next one'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "pause" -d 'Pause all reminders: for a while, until a time, until tomorrow, or until `resume`'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "resume" -d 'End a pause'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "skip" -d 'Answer the last reminder with Skip (for servers that draw no buttons)'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "done" -d 'Answer the last reminder with Done (for servers that draw no buttons); --easy or --hard make the stretch\'s holds a step shorter or longer next time'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "hurt" -d 'The stretch hurt: stop; it is recorded, set aside (out of rotation until `stretchd stretches restore ID`), and another for the same area is named'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "now" -d 'Show a reminder right away: this one, or the one due next'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "reload" -d 'Make the daemon re-read its config'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "history" -d 'List past reminders and their answers; with a [sync] folder, those of every machine, each naming its machine'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "stats" -d 'This week by day, the weekly goal, the streak of weeks that met it, counts per stretch; with a [sync] folder, over the answers of every machine'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "install" -d 'Install for this user: the systemd user unit (or an autostart entry), the default config, desktop entry, icon, completions and man page; then start it at every login'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "uninstall" -d 'Stop and remove what `install` wrote; the config and history stay'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "completions" -d 'Print the shell completion script (bash, zsh or fish) to stdout'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "man" -d 'Print the man page (roff) to stdout'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "guide" -d 'Walk through a stretch in the terminal, with a countdown for each hold or pause; finishing it records Done (Ctrl-C stops and records nothing)'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "card" -d 'Open a stretch\'s card in the browser: the picture at full size, every step, a timer for the holds and sides, and the safety notice (what a click on a stretch reminder opens)'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "config" -d 'Where the config file is, one value of it, or all of it in an editor; every change is validated before it is saved, so the daemon never reads a broken file'
complete -c stretchd -n "__fish_stretchd_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stretchd -n "__fish_stretchd_using_subcommand run" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand run" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand run" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand check" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand check" -l from -d 'Start from this time instead of now (RFC 3339, e.g. 2026-11-24T09:00:00+01:00; years 1970 to 9999)' -r
complete -c stretchd -n "__fish_stretchd_using_subcommand check" -s n -l count -d 'How many reminders to show (1 to 1000)' -r
complete -c stretchd -n "__fish_stretchd_using_subcommand check" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand check" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and not __fish_seen_subcommand_from show restore safety help" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and not __fish_seen_subcommand_from show restore safety help" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and not __fish_seen_subcommand_from show restore safety help" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and not __fish_seen_subcommand_from show restore safety help" -f -a "show" -d 'Print one stretch or posture check in full'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and not __fish_seen_subcommand_from show restore safety help" -f -a "restore" -d 'Bring a stretch set aside (`stretchd hurt`) back into rotation'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and not __fish_seen_subcommand_from show restore safety help" -f -a "safety" -d 'Print the safety notice'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and not __fish_seen_subcommand_from show restore safety help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from show" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from restore" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from safety" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from safety" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print one stretch or posture check in full'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Bring a stretch set aside (`stretchd hurt`) back into rotation'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from help" -f -a "safety" -d 'Print the safety notice'
complete -c stretchd -n "__fish_stretchd_using_subcommand stretches; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stretchd -n "__fish_stretchd_using_subcommand status" -s f -l follow -d 'Keep printing: a line now, on every change, and once a minute (for status bars)'
complete -c stretchd -n "__fish_stretchd_using_subcommand status" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand status" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand next" -s n -l count -d 'How many (1 to 1000)' -r
complete -c stretchd -n "__fish_stretchd_using_subcommand next" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand next" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand snooze" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand snooze" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand pause" -l until -d 'Until this local time (today, or tomorrow if it has passed), e.g. 14:30' -r
complete -c stretchd -n "__fish_stretchd_using_subcommand pause" -l until-tomorrow -d 'Until midnight'
complete -c stretchd -n "__fish_stretchd_using_subcommand pause" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand pause" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand resume" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand resume" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand skip" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand skip" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand done" -l easy -d 'It was too much: a stretch\'s holds get a step (5 s) shorter next time'
complete -c stretchd -n "__fish_stretchd_using_subcommand done" -l hard -d 'It was too little: a stretch\'s holds get a step (5 s) longer next time, even past the top of its range (by at most 15 s)'
complete -c stretchd -n "__fish_stretchd_using_subcommand done" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand done" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand hurt" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand hurt" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand hurt" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand now" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand now" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand reload" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand reload" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand history" -l since -d 'Only entries from this day on (YYYY-MM-DD, local) or this time (RFC 3339)' -r
complete -c stretchd -n "__fish_stretchd_using_subcommand history" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand history" -l here -d 'Only this machine\'s entries, not those of the other machines of the [sync] folder'
complete -c stretchd -n "__fish_stretchd_using_subcommand history" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand history" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand stats" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand stats" -l here -d 'Only this machine\'s answers and levels, not those of the other machines of the [sync] folder'
complete -c stretchd -n "__fish_stretchd_using_subcommand stats" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand stats" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand install" -s n -l dry-run -d 'Print what would be done, and change nothing'
complete -c stretchd -n "__fish_stretchd_using_subcommand install" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand install" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand uninstall" -s n -l dry-run -d 'Print what would be done, and change nothing'
complete -c stretchd -n "__fish_stretchd_using_subcommand uninstall" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand uninstall" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand completions" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand completions" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand man" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand man" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand guide" -l hold -d 'Time each hold for this many seconds instead of the stretch\'s level (for a flow, each pause in a shape; for a timed stretch such as foam rolling, the whole of it)' -r
complete -c stretchd -n "__fish_stretchd_using_subcommand guide" -l reps -d 'Do this many holds (on each side), or rounds of a flow, instead of the stretch\'s own' -r
complete -c stretchd -n "__fish_stretchd_using_subcommand guide" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand guide" -l session -d 'A whole stretch session instead of one stretch: a warm-up, then every stretch that fits the config\'s positions and equipment, in order; finishing it records one session'
complete -c stretchd -n "__fish_stretchd_using_subcommand guide" -l no-warmup -d 'Start the session without its warm-up, when already warmed up (during the warm-up, Enter skips the rest of it)'
complete -c stretchd -n "__fish_stretchd_using_subcommand guide" -l no-wait -d 'Print the whole routine at once, without timers, and record nothing'
complete -c stretchd -n "__fish_stretchd_using_subcommand guide" -l safety -d 'Show the safety notice before the routine, even once it has been seen'
complete -c stretchd -n "__fish_stretchd_using_subcommand guide" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand guide" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand card" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand card" -s p -l print -d 'Only write the card (`$XDG_DATA_HOME/stretchd/cards/ID.html`) and print its path; do not open it'
complete -c stretchd -n "__fish_stretchd_using_subcommand card" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand card" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and not __fish_seen_subcommand_from path get set edit help" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and not __fish_seen_subcommand_from path get set edit help" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and not __fish_seen_subcommand_from path get set edit help" -f -a "path" -d 'Print the config file\'s path, whether or not it exists (with --json: {path, exists})'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and not __fish_seen_subcommand_from path get set edit help" -f -a "get" -d 'Print one value, e.g. `snooze.length` or `reminder.stretch.every` (the reminder whose id is "stretch"); a key the file leaves out shows its default'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and not __fish_seen_subcommand_from path get set edit help" -f -a "set" -d 'Change one value in place, keeping comments and layout, e.g. `set snooze.length 15m`; nothing is written unless the whole config is still valid. Creates the file from the default config when there is none'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and not __fish_seen_subcommand_from path get set edit help" -f -a "edit" -d 'Edit a copy in $VISUAL or $EDITOR (else `editor`, else vi), starting from the default config when there is none; the copy is put in place only once it is valid'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and not __fish_seen_subcommand_from path get set edit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from path" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from get" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from get" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from set" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from edit" -s c -l config -d 'Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`' -r -F
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from edit" -l json -d 'Print JSON instead of text (one object; `status --follow` prints one per line)'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path, whether or not it exists (with --json: {path, exists})'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one value, e.g. `snooze.length` or `reminder.stretch.every` (the reminder whose id is "stretch"); a key the file leaves out shows its default'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change one value in place, keeping comments and layout, e.g. `set snooze.length 15m`; nothing is written unless the whole config is still valid. Creates the file from the default config when there is none'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Edit a copy in $VISUAL or $EDITOR (else `editor`, else vi), starting from the default config when there is none; the copy is put in place only once it is valid'
complete -c stretchd -n "__fish_stretchd_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "run" -d 'Run the daemon: show reminders until stopped (SIGHUP or saving the config reloads it)'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "check" -d 'Validate the config and print the next reminders it would fire'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "stretches" -d 'List the stretches and posture checks, or show one in full'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "status" -d 'Show what the daemon is doing: next reminder, pause, snooze, this week\'s progress'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "next" -d 'List the upcoming reminders, with snooze and pause applied'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "snooze" -d 'Snooze the reminder on screen, or else the next one'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "pause" -d 'Pause all reminders: for a while, until a time, until tomorrow, or until `resume`'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "resume" -d 'End a pause'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "skip" -d 'Answer the last reminder with Skip (for servers that draw no buttons)'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "done" -d 'Answer the last reminder with Done (for servers that draw no buttons); --easy or --hard make the stretch\'s holds a step shorter or longer next time'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "hurt" -d 'The stretch hurt: stop; it is recorded, set aside (out of rotation until `stretchd stretches restore ID`), and another for the same area is named'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "now" -d 'Show a reminder right away: this one, or the one due next'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "reload" -d 'Make the daemon re-read its config'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "history" -d 'List past reminders and their answers; with a [sync] folder, those of every machine, each naming its machine'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "stats" -d 'This week by day, the weekly goal, the streak of weeks that met it, counts per stretch; with a [sync] folder, over the answers of every machine'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "install" -d 'Install for this user: the systemd user unit (or an autostart entry), the default config, desktop entry, icon, completions and man page; then start it at every login'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "uninstall" -d 'Stop and remove what `install` wrote; the config and history stay'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "completions" -d 'Print the shell completion script (bash, zsh or fish) to stdout'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "man" -d 'Print the man page (roff) to stdout'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "guide" -d 'Walk through a stretch in the terminal, with a countdown for each hold or pause; finishing it records Done (Ctrl-C stops and records nothing)'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "card" -d 'Open a stretch\'s card in the browser: the picture at full size, every step, a timer for the holds and sides, and the safety notice (what a click on a stretch reminder opens)'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "config" -d 'Where the config file is, one value of it, or all of it in an editor; every change is validated before it is saved, so the daemon never reads a broken file'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and not __fish_seen_subcommand_from run check stretches status next snooze pause resume skip done hurt now reload history stats install uninstall completions man guide card config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and __fish_seen_subcommand_from stretches" -f -a "show" -d 'Print one stretch or posture check in full'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and __fish_seen_subcommand_from stretches" -f -a "restore" -d 'Bring a stretch set aside (`stretchd hurt`) back into rotation'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and __fish_seen_subcommand_from stretches" -f -a "safety" -d 'Print the safety notice'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path, whether or not it exists (with --json: {path, exists})'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one value, e.g. `snooze.length` or `reminder.stretch.every` (the reminder whose id is "stretch"); a key the file leaves out shows its default'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change one value in place, keeping comments and layout, e.g. `set snooze.length 15m`; nothing is written unless the whole config is still valid. Creates the file from the default config when there is none'
complete -c stretchd -n "__fish_stretchd_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "edit" -d 'Edit a copy in $VISUAL or $EDITOR (else `editor`, else vi), starting from the default config when there is none; the copy is put in place only once it is valid'
