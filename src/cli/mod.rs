//! The command line, as clap derive types. `main` parses it and [`crate::cli::local`] runs it.

pub mod aside;
pub mod card;
mod choice;
pub mod config_cmd;
pub mod docs;
pub mod everywhere;
pub mod guide;
pub mod help;
pub mod install;
pub mod local;
pub mod remote;

use std::io::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveTime};
use clap::{Args, Parser, Subcommand};

/// Prints to stdout like `print!`, but a failed write (a closed pipe: `stretchd check | head`)
/// is an error returned with `?` instead of a panic.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::write_out(format_args!($($arg)*))?
    };
}
pub(crate) use out;

/// Writes `args` to stdout and flushes it (see [`out!`]).
pub(crate) fn write_out(args: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_fmt(args)?;
    stdout.flush()
}

/// The command line's language: `[ui] language` of the config file it names (`--config`), or
/// of the one at its usual place, else the environment's ([`crate::i18n::Lang::of_process`]).
/// Chosen before the arguments are parsed, since their help and errors are in it.
pub fn language() -> crate::i18n::Lang {
    let file =
        config_named(std::env::args_os().skip(1)).unwrap_or_else(crate::store::paths::config_file);
    let configured = crate::config::ui_language(&file);
    crate::i18n::Lang::choose(configured.as_deref(), crate::i18n::Lang::of_process())
}

/// The file of `--config PATH`, `--config=PATH`, `-c PATH` or `-cPATH` among `args` (before a
/// `--`), as clap will read it.
fn config_named(mut args: impl Iterator<Item = std::ffi::OsString>) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStrExt as _;
    while let Some(arg) = args.next() {
        let bytes = arg.as_bytes();
        if bytes == b"--" {
            break;
        }
        if bytes == b"--config" || bytes == b"-c" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = bytes
            .strip_prefix(b"--config=")
            .or_else(|| bytes.strip_prefix(b"-c").filter(|p| !p.is_empty()))
        {
            return Some(std::ffi::OsStr::from_bytes(path).into());
        }
    }
    None
}

/// Runs a parsed command line. One exhaustive `match`: a subcommand without a handler does not
/// compile.
pub fn run(cli: Cli) -> anyhow::Result<std::process::ExitCode> {
    use crate::ipc::Request;
    let json = cli.json;
    let call = |request: Request| remote::call(&request, json);
    match cli.command {
        Command::Run(args) => local::run_daemon(args)?,
        Command::Check(args) => out!("{}", local::check(&args, json)?),
        Command::Stretches(args) => return stretches(args, json),
        Command::History(args) => out!("{}", local::history(&args, json)?),
        Command::Stats(args) => out!("{}", local::stats(&args, json)?),
        Command::Status { follow: true } => return Ok(remote::follow(json)),
        Command::Status { follow: false } => return call(Request::Status),
        Command::Next { count } => {
            let count = usize::try_from(count).unwrap_or(usize::MAX);
            return call(Request::Next { count });
        }
        Command::Snooze { duration } => {
            let secs = duration.map(|d| d.as_secs().max(1));
            return call(Request::Snooze { secs });
        }
        Command::Pause(args) => {
            let until = remote::pause_until(&args, chrono::Utc::now())?;
            return call(Request::Pause { until });
        }
        Command::Resume => return call(Request::Resume),
        Command::Skip => return call(Request::Skip),
        Command::Done(args) => {
            let adjust = args.adjust();
            return call(Request::Done { adjust });
        }
        Command::Hurt { id, config } => {
            let request = Request::Hurt { item: id.clone() };
            return remote::call_or(&request, json, || {
                aside::hurt_alone(config.config.as_deref(), id)
            });
        }
        Command::Now { id } => return call(Request::Now { reminder: id }),
        Command::Reload => return call(Request::Reload),
        Command::Install { dry_run } => install::install(
            &install::Layout::from_env(),
            install::Options { dry_run, json },
            &mut std::io::stdout(),
        )?,
        Command::Uninstall { dry_run } => install::uninstall(
            &install::Layout::from_env(),
            install::Options { dry_run, json },
            &mut std::io::stdout(),
        )?,
        Command::Completions { shell } => docs::print_bytes(&docs::completions(shell))?,
        Command::Man => docs::print_bytes(&docs::man_page())?,
        Command::Guide(args) => return guide::run(&args, json),
        Command::Card(args) => return card::run(&args, json),
        Command::Config { command } => return config_cmd::run(&command, json),
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// `stretchd stretches [show ID | restore ID | safety]`: all but `restore` only read; `restore`
/// asks the daemon, or changes the saved state when none runs.
fn stretches(args: StretchesArgs, json: bool) -> anyhow::Result<std::process::ExitCode> {
    let config = args.config.config.as_deref();
    let text = match args.show {
        None => local::list_stretches(config, json)?,
        Some(StretchesCommand::Show { id }) => local::show_stretch(config, &id, json)?,
        Some(StretchesCommand::Safety) => local::safety(json)?,
        Some(StretchesCommand::Restore { id }) => {
            let request = crate::ipc::Request::Restore { item: id.clone() };
            return remote::call_or(&request, json, || aside::restore_alone(config, &id));
        }
    };
    out!("{text}");
    Ok(std::process::ExitCode::SUCCESS)
}

/// Posture checks and mid-back stretches on a schedule, as desktop notifications.
#[derive(Debug, Parser)]
#[command(name = "stretchd", version, about, long_about = None)]
#[command(
    after_help = "The config lives at $XDG_CONFIG_HOME/stretchd/config.toml (usually \
~/.config/stretchd/config.toml); without one the built-in default schedule runs. `stretchd \
config edit` and `stretchd config set KEY VALUE` change it, checked before it is saved.\n\
Start here: `stretchd check` shows what the schedule would do, `stretchd now` shows a reminder.\n\
Exit status: 0 on success, 1 on an error, 3 when the daemon is not running."
)]
pub struct Cli {
    /// Print JSON instead of text (one object; `status --follow` prints one per line).
    #[arg(long, global = true)]
    pub json: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the daemon: show reminders until stopped (SIGHUP or saving the config reloads it).
    Run(ConfigArg),
    /// Validate the config and print the next reminders it would fire.
    Check(CheckArgs),
    /// List the stretches and posture checks, or show one in full.
    Stretches(StretchesArgs),
    /// Show what the daemon is doing: next reminder, pause, snooze, this week's progress.
    Status {
        /// Keep printing: a line now, on every change, and once a minute (for status bars).
        #[arg(long, short)]
        follow: bool,
    },
    /// List the upcoming reminders, with snooze and pause applied.
    Next {
        /// How many (1 to 1000).
        #[arg(long, short = 'n', default_value_t = 5, value_name = "N", value_parser = count_parser())]
        count: u32,
    },
    /// Snooze the reminder on screen, or else the next one.
    Snooze {
        /// For how long, at most a day, e.g. 10m (default: the config's snooze.length).
        #[arg(value_parser = parse_snooze, value_name = "DURATION")]
        duration: Option<Duration>,
    },
    /// Pause all reminders: for a while, until a time, until tomorrow, or until `resume`.
    Pause(PauseArgs),
    /// End a pause.
    Resume,
    /// Answer the last reminder with Skip (for servers that draw no buttons).
    Skip,
    /// Answer the last reminder with Done (for servers that draw no buttons); --easy or --hard
    /// make the stretch's holds a step shorter or longer next time.
    Done(DoneArgs),
    /// The stretch hurt: stop; it is recorded, set aside (out of rotation until `stretchd
    /// stretches restore ID`), and another for the same area is named.
    Hurt {
        /// The stretch (default: the stretch reminder on screen, or else the last one done).
        #[arg(value_name = "ID")]
        id: Option<String>,
        #[command(flatten)]
        #[allow(missing_docs)]
        config: ConfigArg,
    },
    /// Show a reminder right away: this one, or the one due next.
    Now {
        /// A reminder id from the config.
        id: Option<String>,
    },
    /// Make the daemon re-read its config.
    Reload,
    /// List past reminders and their answers; with a [sync] folder, those of every machine, each
    /// naming its machine.
    History(HistoryArgs),
    /// This week by day, the weekly goal, the streak of weeks that met it, counts per stretch;
    /// with a [sync] folder, over the answers of every machine.
    Stats(StatsArgs),
    /// Install for this user: the systemd user unit (or an autostart entry), the default config,
    /// desktop entry, icon, completions and man page; then start it at every login.
    Install {
        /// Print what would be done, and change nothing.
        #[arg(long, short = 'n')]
        dry_run: bool,
    },
    /// Stop and remove what `install` wrote; the config and history stay.
    Uninstall {
        /// Print what would be done, and change nothing.
        #[arg(long, short = 'n')]
        dry_run: bool,
    },
    /// Print the shell completion script (bash, zsh or fish) to stdout.
    Completions {
        /// The shell.
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout.
    Man,
    /// Walk through a stretch in the terminal, with a countdown for each hold or pause;
    /// finishing it records Done (Ctrl-C stops and records nothing).
    Guide(GuideArgs),
    /// Open a stretch's card in the browser: the picture at full size, every step, a timer for
    /// the holds and sides, and the safety notice (what a click on a stretch reminder opens).
    Card(CardArgs),
    /// Where the config file is, one value of it, or all of it in an editor; every change is
    /// validated before it is saved, so the daemon never reads a broken file.
    Config {
        #[command(subcommand)]
        #[allow(missing_docs)]
        command: ConfigCommand,
    },
}

/// `stretchd config ...`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the config file's path, whether or not it exists (with --json: {path, exists}).
    Path(ConfigArg),
    /// Print one value, e.g. `snooze.length` or `reminder.stretch.every` (the reminder whose id
    /// is "stretch"); a key the file leaves out shows its default.
    Get {
        /// A dotted key.
        key: String,
        #[command(flatten)]
        #[allow(missing_docs)]
        config: ConfigArg,
    },
    /// Change one value in place, keeping comments and layout, e.g. `set snooze.length 15m`;
    /// nothing is written unless the whole config is still valid. Creates the file from the
    /// default config when there is none.
    Set {
        /// A dotted key.
        key: String,
        /// A TOML value (a number, true or false, an array, a quoted string), else text: 40m is
        /// taken as the string "40m". May start with '-' (a negative number is refused by the
        /// validation, with the limit, not by the argument parser).
        #[arg(allow_hyphen_values = true)]
        value: String,
        #[command(flatten)]
        #[allow(missing_docs)]
        config: ConfigArg,
    },
    /// Edit a copy in $VISUAL or $EDITOR (else `editor`, else vi), starting from the default
    /// config when there is none; the copy is put in place only once it is valid.
    Edit(ConfigArg),
}

/// `--config PATH`.
#[derive(Debug, Args)]
pub struct ConfigArg {
    /// Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`.
    #[arg(long, short, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// `stretchd history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only entries from this day on (YYYY-MM-DD, local) or this time (RFC 3339).
    #[arg(long, value_parser = parse_since, value_name = "DATE")]
    pub since: Option<DateTime<FixedOffset>>,
    /// Only this machine's entries, not those of the other machines of the [sync] folder.
    #[arg(long)]
    pub here: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub config: ConfigArg,
}

/// `stretchd stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Only this machine's answers and levels, not those of the other machines of the [sync]
    /// folder.
    #[arg(long)]
    pub here: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub config: ConfigArg,
}

/// `stretchd check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub config: ConfigArg,
    /// Start from this time instead of now (RFC 3339, e.g. 2026-11-24T09:00:00+01:00; years
    /// 1970 to 9999).
    #[arg(long, value_name = "RFC3339", value_parser = parse_from)]
    pub from: Option<DateTime<FixedOffset>>,
    /// How many reminders to show (1 to 1000).
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N", value_parser = count_parser())]
    pub count: u32,
}

/// `stretchd stretches [show ID]`.
#[derive(Debug, Args)]
pub struct StretchesArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub config: ConfigArg,
    #[command(subcommand)]
    #[allow(missing_docs)]
    pub show: Option<StretchesCommand>,
}

/// `stretchd stretches show ID`, `restore ID`, `safety`.
#[derive(Debug, Subcommand)]
pub enum StretchesCommand {
    /// Print one stretch or posture check in full.
    Show {
        /// Its id, as listed by `stretchd stretches`.
        id: String,
    },
    /// Bring a stretch set aside (`stretchd hurt`) back into rotation.
    Restore {
        /// Its id, as listed by `stretchd stretches`.
        id: String,
    },
    /// Print the safety notice.
    Safety,
}

/// `stretchd done [--easy | --hard]`.
#[derive(Debug, Args)]
pub struct DoneArgs {
    /// It was too much: a stretch's holds get a step (5 s) shorter next time.
    #[arg(long, conflicts_with = "hard")]
    pub easy: bool,
    /// It was too little: a stretch's holds get a step (5 s) longer next time, even past the
    /// top of its range (by at most 15 s).
    #[arg(long)]
    pub hard: bool,
}

impl DoneArgs {
    /// The adjustment asked for, if any.
    pub fn adjust(&self) -> Option<crate::schedule::level::Adjust> {
        use crate::schedule::level::Adjust;
        match (self.easy, self.hard) {
            (true, _) => Some(Adjust::Easier),
            (_, true) => Some(Adjust::Harder),
            _ => None,
        }
    }
}

/// `stretchd guide [ID]`, `stretchd guide --session`.
#[derive(Debug, Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each is one independent command-line flag"
)]
pub struct GuideArgs {
    /// The stretch, as listed by `stretchd stretches` (default: the one the daemon would
    /// suggest next).
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// A whole stretch session instead of one stretch: a warm-up, then every stretch that fits
    /// the config's positions and equipment, in order; finishing it records one session.
    #[arg(long, conflicts_with_all = ["id", "hold", "reps"])]
    pub session: bool,
    /// Start the session without its warm-up, when already warmed up (during the warm-up,
    /// Enter skips the rest of it).
    #[arg(long, requires = "session")]
    pub no_warmup: bool,
    /// Print the whole routine at once, without timers, and record nothing.
    #[arg(long)]
    pub no_wait: bool,
    /// Time each hold for this many seconds instead of the stretch's level (for a flow, each
    /// pause in a shape; for a timed stretch such as foam rolling, the whole of it).
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub hold: Option<u32>,
    /// Do this many holds (on each side), or rounds of a flow, instead of the stretch's own.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub reps: Option<u32>,
    /// Show the safety notice before the routine, even once it has been seen.
    #[arg(long)]
    pub safety: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub config: ConfigArg,
}

/// `stretchd card [ID] [--print]`.
#[derive(Debug, Args)]
pub struct CardArgs {
    /// The stretch, as listed by `stretchd stretches` (default: the stretch reminder on screen,
    /// or else the next stretch to come, as for `stretchd guide`).
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// Only write the card (`$XDG_DATA_HOME/stretchd/cards/ID.html`) and print its path; do not
    /// open it.
    #[arg(long, short, alias = "path")]
    pub print: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub config: ConfigArg,
}

/// `stretchd pause`.
#[derive(Debug, Args)]
pub struct PauseArgs {
    /// For how long, at most a year, e.g. 1h or 30m; without any option, until `stretchd
    /// resume`.
    #[arg(value_parser = parse_pause, value_name = "DURATION")]
    pub duration: Option<Duration>,
    /// Until this local time (today, or tomorrow if it has passed), e.g. 14:30.
    #[arg(long, value_parser = parse_hhmm, value_name = "HH:MM", conflicts_with = "duration")]
    pub until: Option<NaiveTime>,
    /// Until midnight.
    #[arg(long, conflicts_with_all = ["duration", "until"])]
    pub until_tomorrow: bool,
}

/// `--count`: 1 to [`crate::schedule::MAX_PREVIEW`].
fn count_parser() -> clap::builder::RangedI64ValueParser<u32> {
    let max = i64::try_from(crate::schedule::MAX_PREVIEW).unwrap_or(i64::MAX);
    clap::value_parser!(u32).range(1..=max)
}

/// A duration on the command line: at least a second, at most `max`.
fn cli_duration(
    s: &str,
    what: &str,
    max: Duration,
) -> Result<Duration, crate::config::DurationError> {
    const MIN: Duration = Duration::from_secs(1);
    let d = crate::config::bounded_duration(s, what, max)?;
    if d < MIN {
        return Err(crate::config::DurationError::TooShort {
            what: what.to_owned(),
            text: s.to_owned(),
            min: MIN,
        });
    }
    Ok(d)
}

fn parse_snooze(s: &str) -> Result<Duration, crate::config::DurationError> {
    cli_duration(s, "snooze", crate::config::MAX_SNOOZE)
}

/// A refused `stretchd pause DURATION`, with the way to pause without an end.
#[derive(Debug)]
struct PauseError(crate::config::DurationError);

impl std::error::Error for PauseError {}

impl std::fmt::Display for PauseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let error = crate::i18n::arg(self.0.to_string());
        f.write_str(&crate::i18n::cli().fmt("arg-pause", &[("error", error)]))
    }
}

fn parse_pause(s: &str) -> Result<Duration, PauseError> {
    cli_duration(s, "pause", crate::config::MAX_PAUSE).map_err(PauseError)
}

/// A command-line time or date that does not parse, and the message that says the form it
/// takes.
#[derive(Debug)]
struct FormatError {
    given: String,
    expected: &'static str,
}

impl std::error::Error for FormatError {}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let given = crate::i18n::arg(self.given.as_str());
        f.write_str(&crate::i18n::cli().fmt(self.expected, &[("given", given)]))
    }
}

fn parse_from(s: &str) -> Result<DateTime<FixedOffset>, FormatError> {
    use chrono::Datelike as _;
    DateTime::parse_from_rfc3339(s)
        .ok()
        .filter(|t| crate::schedule::workhours::SANE_YEARS.contains(&t.year()))
        .ok_or_else(|| FormatError {
            given: s.to_owned(),
            expected: "arg-not-rfc3339",
        })
}

fn parse_hhmm(s: &str) -> Result<NaiveTime, FormatError> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| FormatError {
        given: s.to_owned(),
        expected: "arg-not-hhmm",
    })
}

fn parse_since(s: &str) -> Result<DateTime<FixedOffset>, FormatError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    let date = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| FormatError {
        given: s.to_owned(),
        expected: "arg-not-date",
    })?;
    let start =
        crate::schedule::workhours::local_instant(&chrono::Local, date.and_time(NaiveTime::MIN));
    Ok(start.fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::config_named;
    use std::path::PathBuf;

    #[test]
    fn the_config_file_is_found_in_every_form_clap_takes() {
        let named = |args: &[&str]| config_named(args.iter().map(Into::into));
        let f = Some(PathBuf::from("f.toml"));
        assert_eq!(named(&["check", "--config", "f.toml"]), f);
        assert_eq!(named(&["check", "-c", "f.toml", "-n", "3"]), f);
        assert_eq!(named(&["check", "--config=f.toml"]), f);
        assert_eq!(named(&["stretches", "-cf.toml", "show", "x"]), f);
        assert_eq!(named(&["check", "-n", "3"]), None);
        assert_eq!(named(&["check", "--config"]), None);
        assert_eq!(named(&["check", "--", "--config", "f.toml"]), None);
    }
}
