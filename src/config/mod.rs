//! The config file: its validated types and limits here, the raw serde structs shaped like the
//! TOML and their validation in `raw`, byte spans to `line:column` and keys in `span`.
//!
//! `load = validate(parse(text))`. Every error names the file, line and column, the key, and
//! what is allowed. The documented default config is embedded, so the daemon runs with no file.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::catalog::{Catalog, Fit};
use crate::schedule::cron::CronSpec;
use crate::schedule::workhours::WorkHours;

pub mod edit;
mod raw;
mod span;

use raw::{Problem, RawConfig};
use span::{key_at, line_col, one_line, toml_message};

/// Examples of durations, for error messages.
const DURATION_EXAMPLES: &str = r#"(examples: "50m", "1h 30m", "90s")"#;

/// The documented default config, embedded in the binary.
pub const DEFAULT_TOML: &str = include_str!("../../config/default.toml");

const HOUR: u64 = 3600;
const DAY: u64 = 24 * HOUR;

/// The longest `every` of a reminder that is read as a duration: a week. It must also be
/// shorter than a day and than the longest work window, and one past this bound is refused as
/// one that is not.
pub const MAX_INTERVAL: Duration = Duration::from_secs(7 * DAY);
/// The shortest `every` of a reminder: a second.
pub const MIN_INTERVAL: Duration = Duration::from_secs(1);
/// The most `[[reminder]]` entries in one config.
pub const MAX_REMINDERS: usize = 32;
/// The most `work_hours` ranges.
pub const MAX_RANGES: usize = 16;
/// The most custom `[[stretch]]` or `[[posture]]` entries (each).
pub const MAX_CUSTOM: usize = 64;
/// The longest snooze (`snooze.length`, `stretchd snooze`): a day.
pub const MAX_SNOOZE: Duration = Duration::from_secs(DAY);
/// The longest pause with an end (`stretchd pause`): a year.
pub const MAX_PAUSE: Duration = Duration::from_secs(366 * DAY);
/// The longest `presence.natural_break`: a day.
pub const MAX_NATURAL_BREAK: Duration = Duration::from_secs(DAY);
/// The longest `presence.grace`: an hour.
pub const MAX_GRACE: Duration = Duration::from_secs(HOUR);
/// The shortest `presence.lull` but zero (off): a second (typists pause that long between words).
pub const MIN_LULL: Duration = Duration::from_secs(1);
/// The longest `presence.lull`: a minute.
pub const MAX_LULL: Duration = Duration::from_secs(60);
/// The longest `presence.lull_max`: ten minutes.
pub const MAX_LULL_MAX: Duration = Duration::from_secs(10 * 60);
/// The longest `presence.call_max_hold`: a day.
pub const MAX_CALL_HOLD: Duration = Duration::from_secs(DAY);
/// The longest hold of a stretch, or duration of a timed one, in seconds: an hour (as
/// `stretchd guide --hold`).
pub const MAX_HOLD_SECS: u32 = 3600;
/// The longest pause in each shape of a flow, in seconds.
pub const MAX_PAUSE_SECS: u32 = 60;
/// The most repetitions of a stretch, or rounds of a flow (as `stretchd guide --reps`).
pub const MAX_REPS: u32 = 100;

/// A duration for people, rounded: whole days from a day up ("366 days"), else whole seconds
/// in at most two units ("1h 30m", "90s" as "1m 30s"); never "672ns".
pub fn human(d: Duration) -> String {
    let secs = d.as_secs();
    if secs >= DAY {
        let days = secs / DAY;
        return format!("{days} day{}", if days == 1 { "" } else { "s" });
    }
    let whole = humantime::format_duration(Duration::from_secs(secs)).to_string();
    let mut units = whole.split(' ');
    match (units.next(), units.next()) {
        (Some(a), Some(b)) => format!("{a} {b}"),
        (Some(a), None) => a.to_owned(),
        _ => "0s".to_owned(),
    }
}

/// A duration the config or the CLI cannot take: `what` (the key or argument) = `text`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// Not something humantime reads.
    #[error("{what} = \"{text}\" is not a duration {DURATION_EXAMPLES}")]
    NotADuration {
        /// The key or argument.
        what: String,
        /// What was given.
        text: String,
    },
    /// Shorter than the argument's minimum (zero included).
    #[error("{what} = \"{text}\" is too short; it must be at least {}", human(*min))]
    TooShort {
        /// The key or argument.
        what: String,
        /// What was given.
        text: String,
        /// The minimum.
        min: Duration,
    },
    /// Longer than the key's limit.
    #[error("{what} = \"{text}\" is too long; the limit is {}", human(*max))]
    TooLong {
        /// The key or argument.
        what: String,
        /// What was given.
        text: String,
        /// The limit.
        max: Duration,
    },
}

/// Parses a duration as the CLI and the config read it, at most `max` long. The error says
/// what was wrong and names the limit; `what` names the key or argument (e.g. "pause").
pub fn bounded_duration(text: &str, what: &str, max: Duration) -> Result<Duration, DurationError> {
    let too_long = || DurationError::TooLong {
        what: what.to_owned(),
        text: text.to_owned(),
        max,
    };
    match humantime::parse_duration(text) {
        Ok(d) if d > max => Err(too_long()),
        Ok(d) => Ok(d),
        // Too large even for a `Duration`.
        Err(humantime::DurationError::NumberOverflow) => Err(too_long()),
        Err(_) => Err(DurationError::NotADuration {
            what: what.to_owned(),
            text: text.to_owned(),
        }),
    }
}

/// Where a config came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The default embedded in the binary (no user file exists).
    Embedded,
    /// A file on disk.
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Embedded => f.write_str("<built-in default>"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// A config that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists (or was asked for) but cannot be read.
    #[error("{path}: cannot read the config file: {cause} (check the path and its permissions)")]
    Read {
        /// The file.
        path: String,
        /// Why.
        cause: std::io::Error,
    },
    /// The file was read but is not a valid config.
    #[error("{origin}:{line}:{column}: {message}")]
    Invalid {
        /// The file.
        origin: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong and what is allowed.
        message: String,
    },
}

impl ConfigError {
    /// Whether this is a [`ConfigError::Read`] of a file that does not exist.
    pub fn is_missing(&self) -> bool {
        matches!(self, ConfigError::Read { cause, .. } if cause.kind() == std::io::ErrorKind::NotFound)
    }
}

/// The largest config file read; far more than any config, so a link to /dev/zero or a runaway
/// file stops here.
pub const FILE_LIMIT: u64 = 1 << 20;

/// The text of the config file at `path`, read as the daemon reads it: without blocking (a named
/// pipe is refused, not waited on), only if it is a regular file of at most [`FILE_LIMIT`]
/// bytes. A missing file is a [`ConfigError::Read`] for which [`ConfigError::is_missing`] holds;
/// a symlink to a missing file is not missing (it is an error that says so).
pub fn read_file(path: &Path) -> Result<String, ConfigError> {
    crate::store::files::read_to_string(path, FILE_LIMIT).map_err(|e| {
        use std::io::ErrorKind::{FileTooLarge, InvalidInput, IsADirectory};
        let dangling = e.kind() == std::io::ErrorKind::NotFound
            && path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink());
        let cause = if dangling {
            // Not "missing": the link says a config was meant, so the default is not run.
            let target = std::fs::read_link(path).unwrap_or_default();
            std::io::Error::other(format!(
                "is a symlink to a file that does not exist ({}); create that file or remove the link",
                crate::text::printable(&target.display().to_string())
            ))
        } else if matches!(e.kind(), InvalidInput | IsADirectory | FileTooLarge) {
            std::io::Error::new(
                e.kind(),
                format!("{e}; the config must be a regular TOML file of at most 1 MiB"),
            )
        } else {
            e
        };
        ConfigError::Read {
            path: crate::text::printable(&path.display().to_string()).into_owned(),
            cause,
        }
    })
}

/// A [`ConfigError::Invalid`] at byte range `span` of `text` (the file's start without one).
fn invalid(text: &str, origin: &Origin, span: Option<Range<usize>>, message: &str) -> ConfigError {
    let (line, column) = span.map_or((1, 1), |s| line_col(text, s.start));
    ConfigError::Invalid {
        origin: crate::text::printable(&origin.to_string()).into_owned(),
        line,
        column,
        message: one_line(message),
    }
}

/// What a reminder suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A posture check.
    Posture,
    /// A short mid-back stretch at the desk (sitting or standing).
    Stretch,
    /// A stretch session: a warm-up, then every stretch that fits, in order.
    Session,
}

impl Kind {
    /// The config spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Posture => "posture",
            Kind::Stretch => "stretch",
            Kind::Session => "session",
        }
    }

    /// Which wins when reminders fall due at once: a session (it includes the stretches), then
    /// a stretch (a stretch break includes a posture reset), then a posture check.
    pub fn precedence(self) -> u8 {
        match self {
            Kind::Session => 0,
            Kind::Stretch => 1,
            Kind::Posture => 2,
        }
    }
}

/// When a reminder falls due.
#[derive(Debug, Clone, PartialEq)]
pub enum Trigger {
    /// Every so much active time inside work hours.
    Every(Duration),
    /// At wall-clock times.
    Cron(Box<CronSpec>),
}

impl fmt::Display for Trigger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trigger::Every(d) => write!(f, "every {}", humantime::format_duration(*d)),
            Trigger::Cron(c) => write!(f, "cron \"{}\"", c.source()),
        }
    }
}

/// One `[[reminder]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Reminder {
    /// Unique id.
    pub id: String,
    /// Posture check or stretch.
    pub kind: Kind,
    /// When it falls due.
    pub trigger: Trigger,
    /// A pinned stretch or posture id; `None` rotates.
    pub pinned: Option<String>,
}

/// The `[snooze]` policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnoozePolicy {
    /// How long a snooze lasts.
    pub length: Duration,
    /// How many snoozes in a row one reminder allows.
    pub max: u32,
}

/// A validated config.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Where it came from.
    pub origin: Origin,
    /// Work days and hours; no reminder fires outside them.
    pub work: WorkHours,
    /// Snooze length and limit.
    pub snooze: SnoozePolicy,
    /// The reminders, in file order.
    pub reminders: Vec<Reminder>,
    /// Built-in plus user stretches and posture checks.
    pub catalog: Catalog,
    /// Positions and equipment available at this desk.
    pub fit: Fit,
    /// Stretch sessions a week to aim for (`[goal] sessions_per_week`).
    pub weekly_goal: u32,
    /// What loads but should change (an old key's new name), each as
    /// `origin:line:column: message`.
    pub warnings: Vec<String>,
    /// Idle detection, natural breaks and quiet times.
    pub presence: PresenceConfig,
    /// What clicking a reminder does.
    pub notify: NotifyConfig,
    /// Commands run around breaks.
    pub hooks: HooksConfig,
    /// The tray icon.
    pub tray: TrayConfig,
    /// The folder shared with other machines, if any.
    pub sync: SyncConfig,
    /// The language (`[ui]`).
    pub ui: UiConfig,
}

/// Which idle source to use (and, in `stretchd status`, which one is in use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdleSource {
    /// The first that works: Wayland, Mutter, X11, logind.
    Auto,
    /// The Wayland `ext-idle-notify-v1` protocol.
    Wayland,
    /// GNOME's Mutter `IdleMonitor` over D-Bus.
    Mutter,
    /// The X11 MIT-SCREEN-SAVER extension.
    X11,
    /// logind's `IdleHint`.
    Logind,
    /// No idle detection.
    None,
}

impl IdleSource {
    const ALL: [(&str, IdleSource); 6] = [
        ("auto", IdleSource::Auto),
        ("wayland", IdleSource::Wayland),
        ("mutter", IdleSource::Mutter),
        ("x11", IdleSource::X11),
        ("logind", IdleSource::Logind),
        ("none", IdleSource::None),
    ];

    /// The config spelling.
    pub fn as_str(self) -> &'static str {
        IdleSource::ALL
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("auto", |(name, _)| name)
    }
}

/// What happens to a reminder that fell due while the user was away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missed {
    /// Dropped: the break was the break.
    Drop,
    /// Fired once after the user is back.
    Once,
}

/// The `[presence]` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresenceConfig {
    /// Which idle source.
    pub idle_source: IdleSource,
    /// Time away that counts as a break.
    pub natural_break: Duration,
    /// What happens to a cron reminder that fell due while away.
    pub missed: Missed,
    /// Hold reminders while the notification server is in do-not-disturb mode.
    pub respect_dnd: bool,
    /// Hold reminders while a full-screen window has the focus.
    pub respect_fullscreen: bool,
    /// How long after a hold ends a held reminder waits before it fires.
    pub grace: Duration,
    /// Time without input that a reminder due while the user types waits for; zero: none.
    pub lull: Duration,
    /// The longest a due reminder waits for a lull before it fires anyway.
    pub lull_max: Duration,
    /// Hold reminders while the microphone or a camera is captured, or the screen is cast.
    pub respect_calls: bool,
    /// The longest a call holds a reminder: after this what it holds is dropped.
    pub call_max_hold: Duration,
}

/// What clicking a reminder's body (the notification's default action) does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OnClick {
    /// Nothing is recorded; the daemon logs that the reminder was seen.
    Seen,
    /// A stretch opens `stretchd guide` in a new terminal window (a posture check counts as
    /// seen).
    Guide,
    /// A stretch opens its card (`stretchd card`) in the browser; a session opens the guide as
    /// with [`OnClick::Guide`] (a posture check counts as seen).
    Card,
}

impl OnClick {
    const ALL: [(&str, OnClick); 3] = [
        ("card", OnClick::Card),
        ("seen", OnClick::Seen),
        ("guide", OnClick::Guide),
    ];

    /// The config spelling.
    pub fn as_str(self) -> &'static str {
        OnClick::ALL
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("card", |(name, _)| name)
    }
}

/// The `[notify]` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotifyConfig {
    /// What clicking a reminder's body does.
    pub on_click: OnClick,
    /// The command that runs a program in a new terminal window, split into words (the program
    /// and its arguments are appended), e.g. `["x-terminal-emulator", "-e"]`.
    pub terminal: Vec<String>,
}

/// The `[tray]` section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrayConfig {
    /// Whether to show an icon in the tray (a `StatusNotifierItem`) while a tray host runs.
    pub enable: bool,
}

/// The `[sync]` section: the folder that a sync engine keeps the same on every machine of the
/// user, through which their stretchd daemons share answers, pauses and progress (see
/// [`crate::sync`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncConfig {
    /// The folder as written (`~/Sync/stretchd`, or an absolute path); `None`: sync is off.
    pub dir: Option<PathBuf>,
}

impl SyncConfig {
    /// The folder, with a leading `~` replaced by `home`; `None` when sync is off.
    pub fn resolved(&self, home: &Path) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        Some(match dir.strip_prefix("~") {
            Ok(rest) if rest.as_os_str().is_empty() => home.to_path_buf(),
            Ok(rest) => home.join(rest),
            Err(_) => dir.clone(),
        })
    }

    /// Why the daemon could not share through the folder (`~` being `home`), for `stretchd
    /// check`: something else is in its place, or neither it nor the folder it would be made
    /// in exists. `None` when it can (a missing folder whose parent exists is made).
    pub fn unusable(&self, home: &Path) -> Option<String> {
        let dir = self.resolved(home)?;
        let shown = crate::text::printable(&dir.to_string_lossy()).into_owned();
        if let Some(what) = crate::store::files::in_the_way(&dir) {
            return Some(format!(
                "[sync] dir: {shown} is {what}, not a folder; make a folder there, or point dir at one"
            ));
        }
        let makeable = dir.is_dir() || dir.parent().is_some_and(Path::is_dir);
        (!makeable).then(|| {
            format!(
                "[sync] dir: {shown} does not exist, and neither does the folder it would be made in; sync stays off until it does (is the sync engine set up?)"
            )
        })
    }
}

/// The `[ui]` section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UiConfig {
    /// The language asked for (`de`, `pt-BR`, `ja_JP.UTF-8`), if any; see
    /// [`crate::i18n::Lang::choose`].
    pub language: Option<String>,
}

/// `[ui] language` of the file at `path`, read without the rest of the config (the command line
/// needs its language before it reads its arguments); `None` for no file, no key, an empty
/// value or a file that does not parse (the command that loads it then says why).
pub fn ui_language(path: &Path) -> Option<String> {
    // As the config is read: a regular file of at most FILE_LIMIT (a named pipe or a device
    // there is refused at once, not waited on).
    let text = crate::store::files::read_to_string(path, FILE_LIMIT).ok()?;
    let table: toml::Table = text.parse().ok()?;
    let language = table.get("ui")?.get("language")?.as_str()?.trim();
    (!language.is_empty()).then(|| language.to_owned())
}

impl Config {
    /// The language to speak: `[ui] language` when stretchd speaks it, else `environment`
    /// (the language of the process's environment, [`crate::i18n::Lang::from_env`]).
    pub fn lang(&self, environment: crate::i18n::Lang) -> crate::i18n::Lang {
        crate::i18n::Lang::choose(self.ui.language.as_deref(), environment)
    }
}

/// The longest `[hooks] timeout`: five minutes.
pub const MAX_HOOK_TIMEOUT: Duration = Duration::from_secs(300);
/// The most words (the program and its arguments) in one hook command.
pub const MAX_HOOK_WORDS: usize = 64;
/// The longest hook command in bytes, its words together.
pub const MAX_HOOK_BYTES: usize = 4096;

/// A moment around a break at which a `[hooks]` command runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    /// A reminder is shown (`on_show`).
    Show,
    /// An answer to a reminder is recorded (`on_answer`).
    Answer,
    /// stretchd opens a guided stretch session (`on_session_start`).
    SessionStart,
    /// A guided stretch session is finished and recorded (`on_session_end`).
    SessionEnd,
}

impl Hook {
    /// Every hook, in the order of the `[hooks]` keys.
    pub const ALL: [Hook; 4] = [
        Hook::Show,
        Hook::Answer,
        Hook::SessionStart,
        Hook::SessionEnd,
    ];

    /// The config key.
    pub fn key(self) -> &'static str {
        match self {
            Hook::Show => "on_show",
            Hook::Answer => "on_answer",
            Hook::SessionStart => "on_session_start",
            Hook::SessionEnd => "on_session_end",
        }
    }
}

/// The `[hooks]` section: a command for each [`Hook`] (none by default), run without a shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HooksConfig {
    /// The commands, indexed like [`Hook::ALL`]: each the program and its arguments.
    pub commands: [Option<Vec<String>>; 4],
    /// How long a command may run before it is killed.
    pub timeout: Duration,
}

impl HooksConfig {
    /// The command (the program and its arguments) run at `hook`, if any.
    pub fn command(&self, hook: Hook) -> Option<&[String]> {
        self.commands[hook as usize].as_deref()
    }

    /// What keeps a hook from running, one warning per hook whose program cannot be started
    /// from here: a path that does not exist, is a folder or is not executable, or a bare name
    /// found on none of the folders of `search_path` (the `PATH` value). `stretchd check` shows
    /// these; the daemon finds out only when the hook is due.
    pub fn unrunnable(&self, search_path: Option<&std::ffi::OsStr>) -> Vec<String> {
        Hook::ALL
            .into_iter()
            .filter_map(|hook| {
                let program = self.command(hook)?.first()?;
                let why = if program.contains('/') {
                    program_problem(Path::new(program))?
                } else {
                    let found = search_path
                        .into_iter()
                        .flat_map(std::env::split_paths)
                        .any(|dir| program_problem(&dir.join(program)).is_none());
                    if found {
                        return None;
                    }
                    "is not found on PATH (the daemon started by systemd may have another PATH; a full path works everywhere)"
                };
                Some(format!(
                    "[hooks] {}: the program \"{}\" {why}",
                    hook.key(),
                    crate::text::printable(program)
                ))
            })
            .collect()
    }
}

/// Why `path` cannot be run as a program, if it cannot.
fn program_problem(path: &Path) -> Option<&'static str> {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata(path) {
        Err(_) => Some("does not exist; give the full path of an installed program"),
        Ok(m) if m.is_dir() => Some("is a folder; name the program in it"),
        Ok(m) if m.permissions().mode() & 0o111 == 0 => {
            Some("is not executable; run `chmod +x` on it")
        }
        Ok(_) => None,
    }
}

impl Config {
    /// Loads `path` if given (it must exist), else the user's file if it exists, else the
    /// embedded default.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (crate::store::paths::config_file(), false),
        };
        match read_file(&path) {
            Ok(text) => Config::parse(&text, &Origin::File(path)),
            Err(e) if !required && e.is_missing() => Config::parse(DEFAULT_TOML, &Origin::Embedded),
            Err(e) => Err(e),
        }
    }

    /// Parses and validates config text. Pure: `origin` is only used in messages.
    pub fn parse(text: &str, origin: &Origin) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let message = match e.span().and_then(|s| key_at(text, s.start)) {
                Some(key) => format!("{key}: {}", toml_message(&e)),
                None => toml_message(&e),
            };
            invalid(text, origin, e.span(), &message)
        })?;
        let (mut config, warnings) = raw
            .validate(origin.clone())
            .map_err(|Problem { span, message }| invalid(text, origin, Some(span), &message))?;
        config.warnings = warnings
            .into_iter()
            .map(|Problem { span, message }| {
                invalid(text, origin, Some(span), &message).to_string()
            })
            .collect();
        Ok(config)
    }

    /// The reminder with this id.
    pub fn reminder(&self, id: &str) -> Option<&Reminder> {
        self.reminders.iter().find(|r| r.id == id)
    }

    /// Ids of the stretches a rotating stretch reminder may pick: the desk stretches that fit
    /// ([`Catalog::desk_stretches`]), in catalogue order.
    pub fn rotating_stretches(&self) -> Vec<&str> {
        let desk = self.catalog.desk_stretches(&self.fit);
        desk.into_iter().map(|s| s.id.as_str()).collect()
    }

    /// The stretches of a session here ([`Catalog::session`]).
    pub fn session(&self) -> Vec<&crate::catalog::Stretch> {
        self.catalog.session(&self.fit)
    }

    /// The stretches of a session here without those in `aside` (the ids of the stretches set
    /// aside with `stretchd hurt`): what a session shows and the guide walks through.
    pub fn session_without(&self, aside: &[String]) -> Vec<&crate::catalog::Stretch> {
        let mut stretches = self.session();
        stretches.retain(|s| !aside.contains(&s.id));
        stretches
    }
}
