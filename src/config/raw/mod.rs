//! The raw serde structs shaped like the TOML (every key optional but the reminders, with
//! the documented defaults) and their validation into [`super::Config`].

use std::collections::HashSet;
use std::time::Duration;

use chrono::Weekday;
use serde::Deserialize;
use toml::Spanned;

use super::{
    Config, DURATION_EXAMPLES, IdleSource, Kind, MAX_CALL_HOLD, MAX_CUSTOM, MAX_GRACE,
    MAX_HOLD_SECS, MAX_INTERVAL, MAX_LULL, MAX_LULL_MAX, MAX_NATURAL_BREAK, MAX_PAUSE_SECS,
    MAX_RANGES, MAX_REMINDERS, MAX_REPS, MAX_SNOOZE, MIN_INTERVAL, MIN_LULL, Missed, NotifyConfig,
    OnClick, Origin, PresenceConfig, Reminder, SnoozePolicy, SyncConfig, TrayConfig, Trigger,
    UiConfig, bounded_duration, human,
};
use crate::catalog::{Catalog, Fit, Position, Posture};
use crate::schedule::cron::CronSpec;
use crate::schedule::workhours::{TimeRange, WorkHours};

mod hooks;
mod stretch;

use hooks::RawHooks;

/// A validation problem at a place in the file.
pub(super) struct Problem {
    pub(super) span: std::ops::Range<usize>,
    pub(super) message: String,
}

fn problem<T>(at: &Spanned<T>, message: String) -> Problem {
    Problem {
        span: at.span(),
        message,
    }
}

type S = Spanned<String>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub(super) struct RawConfig {
    schedule: RawSchedule,
    snooze: RawSnooze,
    stretches: RawStretches,
    goal: RawGoal,
    presence: RawPresence,
    notify: RawNotify,
    hooks: RawHooks,
    tray: RawTray,
    sync: RawSync,
    ui: RawUi,
    reminder: Vec<RawReminder>,
    stretch: Vec<RawStretch>,
    posture: Vec<RawPosture>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchedule {
    #[serde(default = "default_work_days")]
    work_days: Spanned<Vec<S>>,
    #[serde(default = "default_work_hours")]
    work_hours: Spanned<Vec<S>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSnooze {
    #[serde(default = "default_snooze_length")]
    length: S,
    #[serde(default = "default_snooze_max")]
    max: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStretches {
    #[serde(default = "default_positions")]
    positions: Spanned<Vec<S>>,
    #[serde(default)]
    equipment: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPresence {
    #[serde(default = "default_idle_source")]
    idle_source: S,
    #[serde(default = "default_natural_break")]
    natural_break: S,
    #[serde(default = "default_missed")]
    missed: S,
    #[serde(default = "yes")]
    respect_dnd: bool,
    #[serde(default = "yes")]
    respect_fullscreen: bool,
    #[serde(default = "default_grace")]
    grace: S,
    #[serde(default = "default_lull")]
    lull: S,
    #[serde(default = "default_lull_max")]
    lull_max: S,
    #[serde(default = "yes")]
    respect_calls: bool,
    #[serde(default = "default_call_max_hold")]
    call_max_hold: S,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNotify {
    #[serde(default = "default_on_click")]
    on_click: S,
    #[serde(default = "default_terminal")]
    terminal: S,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTray {
    #[serde(default = "yes")]
    enable: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawUi {
    language: Option<S>,
}

/// How many characters of an unknown `[ui] language` its warning shows.
const LANGUAGE_SHOWN: usize = 40;

impl RawUi {
    /// `[ui] language`: a tag or locale name (`de`, `pt_BR.UTF-8`), or left out (or "") for
    /// the environment's. One that is not translated loads, with a warning: stretchd speaks
    /// the environment's language then.
    fn validate(&self, warnings: &mut Vec<Problem>) -> UiConfig {
        let language = self
            .language
            .as_ref()
            .filter(|l| !l.get_ref().trim().is_empty());
        if let Some(l) = language
            && crate::i18n::Lang::from_tag(l.get_ref()).is_none()
        {
            let shipped: Vec<&str> = crate::i18n::shipped().iter().map(|f| f.tag).collect();
            // Shown as given, but printable and no longer than a tag could be.
            let given: String = l.get_ref().chars().take(LANGUAGE_SHOWN).collect();
            let more = if given.len() < l.get_ref().len() {
                "..."
            } else {
                ""
            };
            warnings.push(problem(
                l,
                format!(
                    "ui: language = \"{}{more}\" is not a language stretchd speaks (it speaks {}); the environment's language is used",
                    crate::text::printable(&given),
                    quoted(shipped.into_iter())
                ),
            ));
        }
        UiConfig {
            language: language.map(|l| l.get_ref().trim().to_owned()),
        }
    }
}

impl Default for RawTray {
    fn default() -> Self {
        RawTray { enable: yes() }
    }
}

/// `[sync]`: off unless `dir` is given.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSync {
    dir: Option<S>,
}

impl RawSync {
    fn validate(&self) -> Result<SyncConfig, Problem> {
        let Some(dir) = &self.dir else {
            return Ok(SyncConfig { dir: None });
        };
        let text = dir.get_ref();
        let fine = text == "~" || text.starts_with("~/") || text.starts_with('/');
        if !fine {
            return Err(problem(
                dir,
                format!(
                    "sync: dir = \"{text}\" is not an absolute path; give the folder your sync engine keeps the same on every machine, starting with / or ~/ (e.g. \"~/Sync/stretchd\")"
                ),
            ));
        }
        Ok(SyncConfig {
            dir: Some(std::path::PathBuf::from(text)),
        })
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawGoal {
    sessions_per_week: Option<Spanned<u32>>,
    /// The name of `sessions_per_week` before sessions: still read, with a warning.
    stretches_per_week: Option<Spanned<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReminder {
    id: S,
    kind: S,
    every: Option<S>,
    cron: Option<S>,
    stretch: Option<S>,
    posture: Option<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStretch {
    id: S,
    name: String,
    #[serde(default)]
    summary: String,
    steps: Spanned<Vec<String>>,
    hold: Option<S>,
    reps: Option<Spanned<u32>>,
    sides: Option<S>,
    flow: Option<Spanned<RawFlow>>,
    duration: Option<S>,
    #[serde(default = "default_area")]
    area: S,
    position: S,
    #[serde(default)]
    equipment: Vec<S>,
}

/// `flow = { rounds = 8, pause = "3s", shapes = ["cat (back rounded)", "camel (back arched)"] }`.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table such as { rounds = 8, pause = \"3s\" }"
)]
struct RawFlow {
    rounds: Spanned<u32>,
    pause: S,
    #[serde(default = "default_shapes")]
    shapes: Spanned<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPosture {
    id: S,
    name: String,
    text: String,
}

// The defaults below are the documented values in config/default.toml; a test checks they agree.
fn spanned<T>(v: T) -> Spanned<T> {
    Spanned::new(0..0, v)
}
fn strings(v: &[&str]) -> Spanned<Vec<S>> {
    spanned(v.iter().map(|s| spanned((*s).to_owned())).collect())
}
fn default_work_days() -> Spanned<Vec<S>> {
    strings(&["mon", "tue", "wed", "thu", "fri"])
}
fn default_work_hours() -> Spanned<Vec<S>> {
    strings(&["09:00-12:30", "13:30-18:00"])
}
fn default_snooze_length() -> S {
    spanned("10m".to_owned())
}
fn default_snooze_max() -> u32 {
    3
}
fn default_positions() -> Spanned<Vec<S>> {
    strings(&["chair", "floor", "standing"])
}
fn default_idle_source() -> S {
    spanned("auto".to_owned())
}
fn default_natural_break() -> S {
    spanned("5m".to_owned())
}
fn default_missed() -> S {
    spanned("drop".to_owned())
}
fn yes() -> bool {
    true
}
fn default_grace() -> S {
    spanned("30s".to_owned())
}
fn default_lull() -> S {
    spanned("3s".to_owned())
}
fn default_lull_max() -> S {
    spanned("1m".to_owned())
}
fn default_call_max_hold() -> S {
    spanned("2h".to_owned())
}
fn default_on_click() -> S {
    spanned("card".to_owned())
}
fn default_terminal() -> S {
    spanned("x-terminal-emulator -e".to_owned())
}
/// Stretch sessions a week by default: the article's 2-3.
const DEFAULT_GOAL: u32 = 3;
fn default_area() -> S {
    spanned("bending".to_owned())
}
fn default_shapes() -> Spanned<Vec<String>> {
    spanned(vec![
        "the first shape".to_owned(),
        "the second shape".to_owned(),
    ])
}

impl Default for RawSchedule {
    fn default() -> Self {
        RawSchedule {
            work_days: default_work_days(),
            work_hours: default_work_hours(),
        }
    }
}
impl Default for RawSnooze {
    fn default() -> Self {
        RawSnooze {
            length: default_snooze_length(),
            max: default_snooze_max(),
        }
    }
}
impl Default for RawPresence {
    fn default() -> Self {
        RawPresence {
            idle_source: default_idle_source(),
            natural_break: default_natural_break(),
            missed: default_missed(),
            respect_dnd: true,
            respect_fullscreen: true,
            grace: default_grace(),
            lull: default_lull(),
            lull_max: default_lull_max(),
            respect_calls: true,
            call_max_hold: default_call_max_hold(),
        }
    }
}

impl RawPresence {
    fn validate(&self) -> Result<PresenceConfig, Problem> {
        let idle_source = IdleSource::ALL
            .iter()
            .find(|(name, _)| name == self.idle_source.get_ref())
            .map(|(_, s)| *s)
            .ok_or_else(|| {
                problem(
                    &self.idle_source,
                    format!(
                        "presence: idle_source = \"{}\" is not an idle source (allowed: \"auto\", \"wayland\", \"mutter\", \"x11\", \"logind\", \"none\")",
                        self.idle_source.get_ref()
                    ),
                )
            })?;
        let missed = match self.missed.get_ref().as_str() {
            "drop" => Missed::Drop,
            "once" => Missed::Once,
            other => {
                return Err(problem(
                    &self.missed,
                    format!(
                        "presence: missed = \"{other}\" is not allowed (allowed: \"drop\", \"once\")"
                    ),
                ));
            }
        };
        let grace = zero_or_duration(&self.grace, "presence: grace", MAX_GRACE)?;
        let (lull, lull_max) = self.lull()?;
        Ok(PresenceConfig {
            idle_source,
            natural_break: duration(
                &self.natural_break,
                "presence: natural_break",
                MAX_NATURAL_BREAK,
            )?,
            missed,
            respect_dnd: self.respect_dnd,
            respect_fullscreen: self.respect_fullscreen,
            grace,
            lull,
            lull_max,
            respect_calls: self.respect_calls,
            call_max_hold: duration(
                &self.call_max_hold,
                "presence: call_max_hold",
                MAX_CALL_HOLD,
            )?,
        })
    }

    /// `lull`: zero (off), or from [`MIN_LULL`] to [`MAX_LULL`]; `lull_max`: from `lull` to
    /// [`MAX_LULL_MAX`].
    fn lull(&self) -> Result<(Duration, Duration), Problem> {
        let text = self.lull.get_ref();
        let lull = zero_or_duration(&self.lull, "presence: lull", MAX_LULL)?;
        if !lull.is_zero() && lull < MIN_LULL {
            return Err(problem(
                &self.lull,
                format!(
                    "presence: lull = \"{text}\" is too short; it must be \"0s\" (off) or at least {}",
                    human(MIN_LULL)
                ),
            ));
        }
        let text = self.lull_max.get_ref();
        let lull_max = zero_or_duration(&self.lull_max, "presence: lull_max", MAX_LULL_MAX)?;
        if lull_max < lull {
            return Err(problem(
                &self.lull_max,
                format!(
                    "presence: lull_max = \"{text}\" is shorter than lull = \"{}\"; it must be at least as long",
                    self.lull.get_ref()
                ),
            ));
        }
        Ok((lull, lull_max))
    }
}

impl Default for RawNotify {
    fn default() -> Self {
        RawNotify {
            on_click: default_on_click(),
            terminal: default_terminal(),
        }
    }
}

impl RawNotify {
    fn validate(&self) -> Result<NotifyConfig, Problem> {
        let on_click = OnClick::ALL
            .iter()
            .find(|(name, _)| name == self.on_click.get_ref())
            .map(|(_, c)| *c)
            .ok_or_else(|| {
                problem(
                    &self.on_click,
                    format!(
                        "notify: on_click = \"{}\" is not allowed (allowed: \"card\", \"guide\", \"seen\")",
                        self.on_click.get_ref()
                    ),
                )
            })?;
        let terminal: Vec<String> = self
            .terminal
            .get_ref()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        if terminal.is_empty() {
            return Err(problem(
                &self.terminal,
                "notify: terminal is empty; give the command that runs a program in a new terminal window (e.g. \"x-terminal-emulator -e\", \"foot\", \"kitty\", \"gnome-terminal --\")".to_owned(),
            ));
        }
        Ok(NotifyConfig { on_click, terminal })
    }
}

impl Default for RawStretches {
    fn default() -> Self {
        RawStretches {
            positions: default_positions(),
            equipment: Vec::new(),
        }
    }
}

const ID_RULE: &str =
    "ids use lowercase letters, digits and '-' or '_', and start with a letter or a digit";

/// Parses a humantime duration from zero to `max`.
fn zero_or_duration(value: &S, what: &str, max: Duration) -> Result<Duration, Problem> {
    bounded_duration(value.get_ref(), what, max).map_err(|e| problem(value, e.to_string()))
}

/// Parses a humantime duration that must be longer than zero and at most `max`.
fn duration(value: &S, what: &str, max: Duration) -> Result<Duration, Problem> {
    let d = zero_or_duration(value, what, max)?;
    if d.is_zero() {
        let text = value.get_ref();
        return Err(problem(
            value,
            format!("{what} = \"{text}\" is zero; it must be longer than zero {DURATION_EXAMPLES}"),
        ));
    }
    Ok(d)
}

/// A reminder's `every`: at least [`MIN_INTERVAL`] and shorter than `longest`: the longest
/// work window, ranges that touch joined (counting restarts at each window's start, so a longer
/// interval never fires), or a day. One past [`MAX_INTERVAL`] is refused the same way.
fn interval(every: &S, id: &str, longest: Duration) -> Result<Duration, Problem> {
    let what = format!("reminder \"{id}\": every");
    let d = match bounded_duration(every.get_ref(), &what, MAX_INTERVAL) {
        // Too long for the same reason as a day is: saying "the limit is 7 days" would send
        // the user to another refusal.
        Err(super::DurationError::TooLong { .. }) => MAX_INTERVAL,
        _ => duration(every, &what, MAX_INTERVAL)?,
    };
    if d < MIN_INTERVAL {
        let short = super::DurationError::TooShort {
            what,
            text: every.get_ref().clone(),
            min: MIN_INTERVAL,
        };
        return Err(problem(every, short.to_string()));
    }
    if d >= longest {
        let why = if longest.as_secs() >= super::DAY {
            "is a day or longer; an interval must be shorter than a day: make it shorter".to_owned()
        } else {
            format!(
                "never fits in a work window (the longest is {}): make it shorter, or the work hours longer",
                super::human(longest)
            )
        };
        return Err(problem(
            every,
            format!("{what} = \"{}\" {why}", every.get_ref()),
        ));
    }
    Ok(d)
}

fn valid_id(id: &S, what: &str) -> Result<(), Problem> {
    let s = id.get_ref();
    // Not starting with '-': an id is passed on as an argument (`stretchd card ID`).
    let ok = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(problem(
            id,
            format!("{what} id \"{s}\" is not a valid id: {ID_RULE}"),
        ))
    }
}

/// Rejects the second use of an id.
fn unique<'a>(seen: &mut HashSet<&'a str>, id: &'a S, what: &str) -> Result<(), Problem> {
    if seen.insert(id.get_ref()) {
        Ok(())
    } else {
        Err(problem(
            id,
            format!(
                "duplicate {what} id \"{}\": every {what} needs its own id",
                id.get_ref()
            ),
        ))
    }
}

fn weekday(s: &S) -> Result<Weekday, Problem> {
    const DAYS: [(&str, &str, Weekday); 7] = [
        ("mon", "monday", Weekday::Mon),
        ("tue", "tuesday", Weekday::Tue),
        ("wed", "wednesday", Weekday::Wed),
        ("thu", "thursday", Weekday::Thu),
        ("fri", "friday", Weekday::Fri),
        ("sat", "saturday", Weekday::Sat),
        ("sun", "sunday", Weekday::Sun),
    ];
    let lower = s.get_ref().to_ascii_lowercase();
    DAYS.iter()
        .find(|(short, long, _)| lower == *short || lower == *long)
        .map(|(_, _, day)| *day)
        .ok_or_else(|| {
            problem(
                s,
                format!(
                    "schedule: work_days has \"{}\", which is not a weekday (allowed: \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\")",
                    s.get_ref()
                ),
            )
        })
}

impl RawConfig {
    /// The config, and what loads but should change (warnings).
    pub(super) fn validate(self, origin: Origin) -> Result<(Config, Vec<Problem>), Problem> {
        let work = self.schedule.validate()?;
        let snooze = SnoozePolicy {
            length: duration(&self.snooze.length, "snooze: length", MAX_SNOOZE)?,
            max: self.snooze.max,
        };
        let fit = self.stretches.validate()?;
        let presence = self.presence.validate()?;
        let notify = self.notify.validate()?;
        let hooks = self.hooks.validate()?;
        let sync = self.sync.validate()?;
        let mut warnings = Vec::new();
        let weekly_goal = self.goal.validate(&mut warnings)?;
        let ui = self.ui.validate(&mut warnings);
        let catalog = self.catalog()?;
        if self.reminder.is_empty() {
            // An empty file (or one linked to /dev/null) must not silently stop every reminder.
            return Err(Problem {
                span: 0..0,
                message: "the config has no [[reminder]]; add at least one (e.g. [[reminder]] id = \"stretch\" kind = \"stretch\" every = \"50m\"; `stretchd check` with no file shows the built-in default)".to_owned(),
            });
        }
        if let Some(extra) = self.reminder.get(MAX_REMINDERS) {
            return Err(problem(
                &extra.id,
                format!(
                    "too many reminders: the limit is {MAX_REMINDERS} (merge some, or pin stretches to fewer reminders)"
                ),
            ));
        }
        // Reminders pace a working day: even where the windows run on for days, an interval
        // must be shorter than one.
        let longest = work.longest_window().min(Duration::from_secs(super::DAY));
        let mut reminders = Vec::with_capacity(self.reminder.len());
        let mut seen = HashSet::new();
        for raw in &self.reminder {
            valid_id(&raw.id, "reminder")?;
            unique(&mut seen, &raw.id, "reminder")?;
            reminders.push(raw.validate(&catalog, longest)?);
        }
        let config = Config {
            origin,
            work,
            snooze,
            reminders,
            catalog,
            fit,
            weekly_goal,
            warnings: Vec::new(),
            presence,
            notify,
            hooks,
            tray: TrayConfig {
                enable: self.tray.enable,
            },
            sync,
            ui,
        };
        let has = |kind| {
            config
                .reminders
                .iter()
                .any(|r| r.kind == kind && r.pinned.is_none())
        };
        if has(Kind::Session) && config.session().is_empty() {
            return Err(problem(
                &self.stretches.positions,
                "stretches: no stretch fits these positions and this equipment, so a session would be empty; allow another position (\"chair\", \"floor\", \"standing\") or add equipment".to_owned(),
            ));
        }
        if has(Kind::Stretch) && config.rotating_stretches().is_empty() {
            return Err(problem(
                &self.stretches.positions,
                "stretches: no desk stretch fits these positions and this equipment (a kind = \"stretch\" reminder rotates through the ones done sitting or standing); allow \"chair\" or \"standing\", pin a stretch with stretch = \"<id>\", or make it kind = \"session\"".to_owned(),
            ));
        }
        Ok((config, warnings))
    }

    /// The built-in catalogue plus the user's `[[stretch]]` and `[[posture]]` entries.
    fn catalog(&self) -> Result<Catalog, Problem> {
        let mut catalog = Catalog::default();
        let mut seen: HashSet<String> = catalog.stretches.iter().map(|s| s.id.clone()).collect();
        for (list, what) in [
            (self.stretch.len(), "[[stretch]]"),
            (self.posture.len(), "[[posture]]"),
        ] {
            if list > MAX_CUSTOM {
                return Err(Problem {
                    span: 0..0,
                    message: format!("too many {what} entries ({list}): the limit is {MAX_CUSTOM}"),
                });
            }
        }
        for raw in &self.stretch {
            valid_id(&raw.id, "stretch")?;
            if !seen.insert(raw.id.get_ref().clone()) {
                return Err(problem(
                    &raw.id,
                    format!(
                        "duplicate stretch id \"{}\": built-in and custom stretches need distinct ids (see `stretchd stretches`)",
                        raw.id.get_ref()
                    ),
                ));
            }
            catalog.stretches.push(raw.validate()?);
        }
        let mut seen: HashSet<String> = catalog.postures.iter().map(|p| p.id.clone()).collect();
        for raw in &self.posture {
            valid_id(&raw.id, "posture")?;
            if !seen.insert(raw.id.get_ref().clone()) {
                return Err(problem(
                    &raw.id,
                    format!(
                        "duplicate posture id \"{}\": built-in and custom posture checks need distinct ids (see `stretchd stretches`)",
                        raw.id.get_ref()
                    ),
                ));
            }
            catalog.postures.push(Posture {
                id: raw.id.get_ref().clone(),
                name: raw.name.clone(),
                text: raw.text.clone(),
            });
        }
        Ok(catalog)
    }
}

impl RawGoal {
    /// `sessions_per_week`, or the old `stretches_per_week` with a warning to rename it.
    fn validate(&self, warnings: &mut Vec<Problem>) -> Result<u32, Problem> {
        let (goal, key) = match (&self.sessions_per_week, &self.stretches_per_week) {
            (Some(_), Some(old)) => {
                return Err(problem(
                    old,
                    "goal: has both sessions_per_week and its old name stretches_per_week; keep only sessions_per_week".to_owned(),
                ));
            }
            (Some(goal), None) => (goal, "sessions_per_week"),
            (None, Some(old)) => {
                warnings.push(problem(
                    old,
                    format!(
                        "goal: stretches_per_week is the old name of sessions_per_week (the goal now counts stretch sessions, not desk stretches); rename it to sessions_per_week = {}",
                        old.get_ref()
                    ),
                ));
                (old, "stretches_per_week")
            }
            (None, None) => return Ok(DEFAULT_GOAL),
        };
        if *goal.get_ref() == 0 {
            return Err(problem(
                goal,
                format!("goal: {key} must be at least 1 (the advice is 2-3 sessions a week)"),
            ));
        }
        Ok(*goal.get_ref())
    }
}

impl RawSchedule {
    fn validate(&self) -> Result<WorkHours, Problem> {
        if self.work_days.get_ref().is_empty() {
            return Err(problem(
                &self.work_days,
                "schedule: work_days is empty; list at least one day (e.g. [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"])".to_owned(),
            ));
        }
        if self.work_hours.get_ref().is_empty() {
            return Err(problem(
                &self.work_hours,
                "schedule: work_hours is empty; list at least one range (e.g. [\"09:00-17:00\"])"
                    .to_owned(),
            ));
        }
        let mut days = Vec::new();
        for d in self.work_days.get_ref() {
            let day = weekday(d)?;
            if !days.contains(&day) {
                days.push(day);
            }
        }
        let mut ranges: Vec<(TimeRange, &S)> = Vec::new();
        if self.work_hours.get_ref().len() > MAX_RANGES {
            return Err(problem(
                &self.work_hours,
                format!(
                    "schedule: work_hours has {} ranges; the limit is {MAX_RANGES} (merge adjacent ones)",
                    self.work_hours.get_ref().len()
                ),
            ));
        }
        for h in self.work_hours.get_ref() {
            let range = TimeRange::parse(h.get_ref()).map_err(|why| {
                problem(
                    h,
                    format!(
                        "schedule: work_hours has \"{}\": {why} (format \"HH:MM-HH:MM\", e.g. \"09:00-17:30\"; end may be \"24:00\")",
                        h.get_ref()
                    ),
                )
            })?;
            if let Some((other, _)) = ranges.iter().find(|(r, _)| r.overlaps(&range)) {
                return Err(problem(
                    h,
                    format!(
                        "schedule: work_hours \"{}\" overlaps \"{other}\"; ranges must not overlap (merge them into one)",
                        h.get_ref()
                    ),
                ));
            }
            ranges.push((range, h));
        }
        Ok(WorkHours::new(
            days,
            ranges.into_iter().map(|(r, _)| r).collect(),
        ))
    }
}

impl RawStretches {
    fn validate(&self) -> Result<Fit, Problem> {
        let mut positions = Vec::new();
        for p in self.positions.get_ref() {
            positions.push(position(p, "stretches: positions")?);
        }
        let mut equipment = Vec::new();
        for e in &self.equipment {
            valid_id(e, "equipment")?;
            equipment.push(e.get_ref().clone());
        }
        Ok(Fit {
            positions,
            equipment,
        })
    }
}

fn position(p: &S, what: &str) -> Result<Position, Problem> {
    Position::parse(p.get_ref()).ok_or_else(|| {
        problem(
            p,
            format!(
                "{what} has \"{}\", which is not a position (allowed: \"chair\", \"floor\", \"standing\")",
                p.get_ref()
            ),
        )
    })
}

impl RawReminder {
    /// `longest`: the longest work window, which an interval must fit in to ever fire.
    fn validate(&self, catalog: &Catalog, longest: Duration) -> Result<Reminder, Problem> {
        let id = self.id.get_ref();
        let kind = match self.kind.get_ref().as_str() {
            "posture" => Kind::Posture,
            "stretch" => Kind::Stretch,
            "session" => Kind::Session,
            other => {
                return Err(problem(
                    &self.kind,
                    format!(
                        "reminder \"{id}\": kind = \"{other}\" is not a kind (allowed: \"posture\", \"stretch\", \"session\")"
                    ),
                ));
            }
        };
        let trigger = self.trigger(longest)?;
        let pinned = self.pinned(kind, catalog)?;
        Ok(Reminder {
            id: id.clone(),
            kind,
            trigger,
            pinned,
        })
    }

    /// The `every` or `cron` of this reminder (exactly one of them).
    fn trigger(&self, longest: Duration) -> Result<Trigger, Problem> {
        let id = self.id.get_ref();
        Ok(match (&self.every, &self.cron) {
            (Some(every), None) => Trigger::Every(interval(every, id, longest)?),
            (None, Some(cron)) => Trigger::Cron(Box::new(CronSpec::parse(cron.get_ref()).map_err(|why| {
                problem(
                    cron,
                    format!(
                        "reminder \"{id}\": cron = \"{}\" is not a cron schedule: {why} (crontab's 5 fields \"min hour day month weekday\", e.g. \"30 15 * * mon-fri\", or 6 with seconds first)",
                        cron.get_ref()
                    ),
                )
            })?)),
            (Some(_), Some(cron)) => {
                return Err(problem(
                    cron,
                    format!("reminder \"{id}\": has both every and cron; keep exactly one"),
                ));
            }
            (None, None) => {
                return Err(problem(
                    &self.id,
                    format!(
                        "reminder \"{id}\": has neither every nor cron; add one (e.g. every = \"50m\" or cron = \"30 15 * * mon-fri\")"
                    ),
                ));
            }
        })
    }

    /// The stretch or posture check this reminder pins, if any; it must be of its kind and in
    /// the catalogue.
    fn pinned(&self, kind: Kind, catalog: &Catalog) -> Result<Option<String>, Problem> {
        let id = self.id.get_ref();
        Ok(match (kind, &self.stretch, &self.posture) {
            (Kind::Session, Some(s), _) | (Kind::Session, None, Some(s)) => {
                return Err(problem(
                    s,
                    format!(
                        "reminder \"{id}\": a session has every stretch that fits, so it pins nothing; remove stretch = / posture =, or make it kind = \"stretch\" to pin one stretch"
                    ),
                ));
            }
            (_, Some(s), Some(_)) => {
                return Err(problem(
                    s,
                    format!("reminder \"{id}\": has both stretch and posture; keep at most one"),
                ));
            }
            (Kind::Stretch, Some(s), None) => {
                if catalog.stretch(s.get_ref()).is_none() {
                    return Err(problem(
                        s,
                        format!(
                            "reminder \"{id}\": stretch = \"{}\" is not a known stretch (known: {})",
                            s.get_ref(),
                            quoted(catalog.stretches.iter().map(|s| s.id.as_str()))
                        ),
                    ));
                }
                Some(s.get_ref().clone())
            }
            (Kind::Posture, None, Some(p)) => {
                if catalog.posture(p.get_ref()).is_none() {
                    return Err(problem(
                        p,
                        format!(
                            "reminder \"{id}\": posture = \"{}\" is not a known posture check (known: {})",
                            p.get_ref(),
                            quoted(catalog.postures.iter().map(|p| p.id.as_str()))
                        ),
                    ));
                }
                Some(p.get_ref().clone())
            }
            (Kind::Posture, Some(s), None) => {
                return Err(problem(
                    s,
                    format!(
                        "reminder \"{id}\": stretch = ... only applies to kind = \"stretch\"; use posture = \"<id>\" to pin a posture check"
                    ),
                ));
            }
            (Kind::Stretch, None, Some(p)) => {
                return Err(problem(
                    p,
                    format!(
                        "reminder \"{id}\": posture = ... only applies to kind = \"posture\"; use stretch = \"<id>\" to pin a stretch"
                    ),
                ));
            }
            (_, None, None) => None,
        })
    }
}

fn quoted<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
