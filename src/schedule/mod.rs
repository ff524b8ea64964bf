//! The schedule engine: given the config, the state and `now`, what is due next and what fires.
//!
//! Pure: it never reads a clock, and the time zone is a parameter (the daemon passes
//! [`chrono::Local`], tests pass a named zone). The rules:
//!
//! - Nothing fires outside work hours and work days.
//! - An `every` reminder counts working time: it falls due `every` after it last fired (or after
//!   the state started counting), and counting restarts at the start of each work window
//!   (ranges that touch, as `00:00-24:00` across midnight, make one window). An interval that
//!   does not fit in the rest of a window waits for the next one.
//! - A `cron` reminder falls due at its wall-clock times inside work hours. A time that occurs
//!   twice at the autumn change counts once; times in the spring gap are skipped.
//! - After a gap (late start, long sleep), what was missed inside the current work window fires
//!   once, now, however many midnights the gap crossed (in a window that runs on for more than a
//!   week, what was missed up to a week ago); what was missed in an earlier window is dropped.
//!   When several reminders are due at once, one fires and the others count as fired: never a
//!   burst.
//! - While paused nothing fires; what fell due during the pause follows the gap rule at its end.
//! - While the user is away (idle, locked, asleep) or something holds reminders back (do not
//!   disturb, full screen, a call) nothing fires. Away for at least `natural_break` is a break:
//!   interval reminders restart from the return, and cron reminders missed meanwhile are dropped
//!   or fire once, as `presence.missed` says. A held reminder fires once, `grace` after the hold
//!   ends; one held by a call for longer than `presence.call_max_hold` is dropped
//!   ([`drop_held`]).
//! - A snooze brings back the same reminder with the same stretch at its end, if that is in work
//!   hours; until then that reminder does not fire on its own schedule. Snoozes are per
//!   reminder: snoozing one leaves the others' snoozes alone, and each counts its own snoozes in
//!   a row against `snooze.max` ([`snooze`]).

pub mod aside;
pub mod cron;
pub mod level;
pub mod state;
pub mod workhours;

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};

use crate::catalog::{SESSION_ITEM, Stretch};
use crate::config::{Config, Kind, Missed, Reminder, Trigger};
use crate::schedule::level::Level;
use crate::schedule::state::{Absence, Away, Pause, Quiet, Snooze, State};
use crate::schedule::workhours::WorkHours;

/// Something that falls due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// When.
    pub at: DateTime<Utc>,
    /// Which reminder.
    pub reminder: String,
    /// Posture check or stretch.
    pub kind: Kind,
    /// Whether it is a snoozed reminder coming back.
    pub snoozed: bool,
}

/// A reminder firing now, with what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fire {
    /// When it fired.
    pub at: DateTime<Utc>,
    /// Which reminder.
    pub reminder: String,
    /// Posture check or stretch.
    pub kind: Kind,
    /// The stretch or posture id to show.
    pub item: String,
    /// Snoozes in a row before this showing (0 for a fresh reminder).
    pub snoozes: u32,
    /// Whether to point to the safety notice with it: a stretch, until the user has read the
    /// notice ([`notice_read`]).
    pub safety: bool,
    /// The stretch's level when it fired (`None` for a posture check, or a stretch still at
    /// the low end): what the notification shows ([`level::leveled`]).
    pub level: Option<Level>,
    /// For a session, the stretches set aside when it fired (`stretchd hurt`): the session
    /// leaves them out ([`Config::session_without`]). Empty for anything else.
    pub aside: Vec<String>,
    /// For a session, the levels of the stretches when it fired: its notification and title
    /// time each hold at its level, as the guide does ([`session_stretches`]). Empty for
    /// anything else.
    pub levels: BTreeMap<String, Level>,
}

/// The stretches a session firing shows: those of the session that were not set aside, each
/// at its level when it fired (see [`Fire::aside`], [`Fire::levels`]).
pub fn session_stretches(config: &Config, fire: &Fire) -> Vec<Stretch> {
    session_at(config, &fire.aside, &fire.levels)
}

/// The stretches of a session without those in `aside`, each at its level in `levels`: what a
/// session firing shows ([`session_stretches`]) and `stretchd guide --session` walks through.
pub fn session_at(
    config: &Config,
    aside: &[String],
    levels: &BTreeMap<String, Level>,
) -> Vec<Stretch> {
    config
        .session_without(aside)
        .into_iter()
        .map(|s| level::leveled(s, levels.get(&s.id)))
        .collect()
}

/// The next thing due at or after `now` (a missed reminder comes out as due `now`), or `None`
/// when nothing will ever fire.
pub fn next_due<Tz: TimeZone>(
    config: &Config,
    state: &State,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Option<Due> {
    if state.presence.holds() {
        return None;
    }
    // While paused or held, look from the end of the pause or hold, as after any other gap.
    let now = match state.pause {
        Some(Pause { until: None }) => return None,
        Some(Pause { until: Some(until) }) => now.max(until),
        None => now,
    };
    let now = state.presence.hold_until.map_or(now, |h| now.max(h));
    // Each snooze's work window is looked up once per query, not once per reminder.
    let live: Vec<&Snooze> = state
        .snoozes
        .iter()
        .filter(|s| snooze_live(config, s, now, tz))
        .collect();
    let snoozed = live.iter().filter_map(|s| {
        Some(Due {
            at: s.until.max(now),
            reminder: s.reminder.clone(),
            kind: config.reminder(&s.reminder)?.kind,
            snoozed: true,
        })
    });
    // A snoozed reminder comes back when its snooze ends, not on its own schedule meanwhile.
    let pending = |r: &&Reminder| !live.iter().any(|s| s.reminder == r.id);
    let scheduled = config.reminders.iter().filter(pending).filter_map(|r| {
        due_at(config, state, r, now, tz).map(|at| Due {
            at,
            reminder: r.id.clone(),
            kind: r.kind,
            snoozed: false,
        })
    });
    // The earliest wins. On a tie (the others are then absorbed) a snooze comes first, then by
    // kind (`Kind::precedence`: session, stretch, posture), then the reminder listed first.
    snoozed
        .chain(scheduled)
        .min_by_key(|d| (d.at, !d.snoozed, d.kind.precedence()))
}

/// If something is due at `now`, fires it: returns what to show and updates the state (last
/// fire times, rotation, snooze, safety notice). Everything else due by `now` is absorbed.
pub fn settle<Tz: TimeZone>(
    config: &Config,
    state: &mut State,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Option<Fire> {
    if state
        .pause
        .is_some_and(|p| p.until.is_some_and(|u| u <= now))
    {
        state.pause = None;
    }
    if state.presence.hold_until.is_some_and(|h| h <= now) {
        state.presence.hold_until = None;
    }
    // A snooze that ends outside work hours, or whose reminder is gone, is dropped.
    state.snoozes.retain(|s| snooze_live(config, s, now, tz));
    let due = next_due(config, state, now, tz).filter(|d| d.at <= now)?;
    let reminder = config.reminder(&due.reminder)?;
    absorb_overdue(config, state, now, tz);
    let snooze = if due.snoozed {
        take_snooze(state, &due.reminder)
    } else {
        None
    };
    fire(config, state, reminder, snooze, now)
}

/// The user went away for `reason` at `since`. A reason reported again is since its latest
/// report; the absence counts from the earliest report of any reason.
pub fn went_away(state: &mut State, reason: Away, since: DateTime<Utc>) {
    let absence = state.presence.absence.get_or_insert_with(|| Absence {
        since,
        reasons: BTreeMap::new(),
    });
    absence.since = absence.since.min(since);
    absence.reasons.insert(reason, since);
}

/// The condition `reason` that made the user away ended at `at`; returns whether it was in
/// force. When it was the last, the user is back: after a natural break, interval reminders
/// restart from `at` and cron reminders missed meanwhile are dropped (or left to fire once, per
/// `presence.missed`); after a shorter absence, whatever fell due fires once.
pub fn came_back<Tz: TimeZone>(
    config: &Config,
    state: &mut State,
    reason: Away,
    at: DateTime<Utc>,
    tz: &Tz,
) -> bool {
    let Some(absence) = state.presence.absence.as_mut() else {
        return false;
    };
    if absence.reasons.remove(&reason).is_none() {
        return false;
    }
    if !absence.reasons.is_empty() {
        return true;
    }
    let since = absence.since;
    state.presence.absence = None;
    let away = (at - since).to_std().unwrap_or_default();
    if away < config.presence.natural_break {
        return true;
    }
    let restart: Vec<String> = config
        .reminders
        .iter()
        .filter(|r| match r.trigger {
            Trigger::Every(_) => true,
            Trigger::Cron(_) => {
                config.presence.missed == Missed::Drop
                    && due_at(config, state, r, at, tz).is_some_and(|d| d <= at)
            }
        })
        .map(|r| r.id.clone())
        .collect();
    for id in restart {
        state.last_fired.insert(id, at);
    }
    true
}

/// A hold for `reason` (do not disturb, full screen, a call) started (`on`) or ended at `now`;
/// returns whether that changed anything. When the last hold ends, held reminders wait `grace`
/// more.
pub fn set_quiet(
    config: &Config,
    state: &mut State,
    reason: Quiet,
    on: bool,
    now: DateTime<Utc>,
) -> bool {
    let quiet = &mut state.presence.quiet;
    let changed = if on {
        quiet.insert(reason)
    } else {
        quiet.remove(&reason)
    };
    if changed && quiet.is_empty() {
        // A grace too long to add to `now` (`grace = "300000y"`) holds nothing back; adding it
        // unchecked would panic.
        state.presence.hold_until = chrono::Duration::from_std(config.presence.grace)
            .ok()
            .and_then(|g| now.checked_add_signed(g));
    }
    changed
}

/// The hold for `reason` ended at `now` after holding reminders for too long (a call past
/// `presence.call_max_hold`): what it held is dropped rather than fired stale. Every reminder
/// due by `now` counts as fired then (its interval restarts), a snooze that has ended is
/// dropped, and no grace follows. Returns whether the hold was in force.
pub fn drop_held<Tz: TimeZone>(
    config: &Config,
    state: &mut State,
    reason: Quiet,
    now: DateTime<Utc>,
    tz: &Tz,
) -> bool {
    if !state.presence.quiet.remove(&reason) {
        return false;
    }
    absorb_overdue(config, state, now, tz);
    state.snoozes.retain(|s| s.until > now);
    true
}

/// Fires `reminder` now, whatever the schedule says (`stretchd now`); its interval restarts.
/// A pending snooze is left as it is: the snoozed reminder still comes back at its end.
pub fn fire_now(
    config: &Config,
    state: &mut State,
    reminder: &str,
    now: DateTime<Utc>,
) -> Option<Fire> {
    let reminder = config.reminder(reminder)?;
    fire(config, state, reminder, None, now)
}

/// While something holds reminders back (the user is away, do not disturb, a full-screen
/// window), the reminder that waits: the next that fires once nothing holds it, as of `now`.
/// `None` when nothing holds reminders, or nothing would fire.
pub fn held_back<Tz: TimeZone>(
    config: &Config,
    state: &State,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Option<Fire> {
    if !state.presence.holds() {
        return None;
    }
    let mut free = state.clone();
    free.presence = state::Presence::default();
    preview(config, &free, now, 1, tz).into_iter().next()
}

/// Drops the snoozes of reminders that `config` no longer has (after a reload, or from an
/// older state file): they would never come back, and each costs every schedule query.
pub fn forget_unknown_snoozes(config: &Config, state: &mut State) {
    state
        .snoozes
        .retain(|s| config.reminder(&s.reminder).is_some());
}

/// Removes and returns the snooze of `reminder`, if it has one.
fn take_snooze(state: &mut State, reminder: &str) -> Option<Snooze> {
    let at = state.snoozes.iter().position(|s| s.reminder == reminder)?;
    Some(state.snoozes.remove(at))
}

/// `at + length` for a snooze or pause of at most `max` ([`MAX_SNOOZE`], [`MAX_PAUSE`]);
/// `None` when it is longer, or past the end of the calendar.
///
/// [`MAX_SNOOZE`]: crate::config::MAX_SNOOZE
/// [`MAX_PAUSE`]: crate::config::MAX_PAUSE
pub fn hold_end(at: DateTime<Utc>, length: Duration, max: Duration) -> Option<DateTime<Utc>> {
    if length > max {
        return None;
    }
    plus(at, length)
}

/// `at + length`; `None` past the end of the calendar.
pub fn plus(at: DateTime<Utc>, length: Duration) -> Option<DateTime<Utc>> {
    TimeDelta::from_std(length)
        .ok()
        .and_then(|d| at.checked_add_signed(d))
}

/// Why a snooze was refused. Its words are messages (`snooze-*` in `daemon.ftl`, see
/// [`SnoozeError::words`]); `Display` is English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnoozeError {
    /// Nothing is on screen and nothing is scheduled.
    NothingScheduled,
    /// `snooze.max = 0`: snoozing is off.
    Off,
    /// The reminder was snoozed `snooze.max` times in a row already.
    Limit {
        /// The reminder.
        reminder: String,
        /// `snooze.max`.
        max: u32,
    },
    /// Of no time.
    Zero,
    /// Longer than [`crate::config::MAX_SNOOZE`].
    TooLong {
        /// The length asked for.
        length: Duration,
    },
}

impl SnoozeError {
    /// What it says in the language of `m`.
    pub fn words(&self, m: &crate::i18n::Messages) -> String {
        use crate::i18n::arg;
        match self {
            SnoozeError::NothingScheduled => m.get("snooze-nothing"),
            SnoozeError::Off => m.get("snooze-off"),
            SnoozeError::Limit { reminder, max } => m.fmt(
                "snooze-limit",
                &[("reminder", arg(reminder.as_str())), ("max", arg(*max))],
            ),
            SnoozeError::Zero => m.get("snooze-zero"),
            SnoozeError::TooLong { length } => m.fmt(
                "snooze-too-long",
                &[
                    ("length", arg(crate::config::human(*length))),
                    (
                        "limit",
                        arg(crate::config::human(crate::config::MAX_SNOOZE)),
                    ),
                ],
            ),
        }
    }
}

impl std::error::Error for SnoozeError {}

impl std::fmt::Display for SnoozeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(&crate::i18n::Messages::wire_all()))
    }
}

/// Snoozes a reminder for `length`: `on_screen` (the reminder showing, with the snoozes it has
/// had in a row) from `now`, or else the next one due, from when it falls due. Each reminder
/// has its own snooze and count: a snooze replaces only that reminder's earlier one, and the
/// count goes on from it, so `snooze.max` holds however the snoozes alternate. Returns the
/// snooze now in force.
pub fn snooze<Tz: TimeZone>(
    config: &Config,
    state: &mut State,
    on_screen: Option<&Fire>,
    length: Duration,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Result<Snooze, SnoozeError> {
    if length.is_zero() {
        return Err(SnoozeError::Zero);
    }
    let (reminder, item, count, from) = if let Some(fire) = on_screen {
        (fire.reminder.clone(), fire.item.clone(), fire.snoozes, now)
    } else {
        let due = next_due(config, state, now, tz).ok_or(SnoozeError::NothingScheduled)?;
        let earlier = state.snoozes.iter().find(|s| s.reminder == due.reminder);
        let (item, count) = if let Some(s) = earlier {
            (s.item.clone(), s.count)
        } else {
            let r = config
                .reminder(&due.reminder)
                .ok_or(SnoozeError::NothingScheduled)?;
            let item = pick(config, state, r).ok_or(SnoozeError::NothingScheduled)?;
            (item, 0)
        };
        (due.reminder, item, count, due.at.max(now))
    };
    let max = config.snooze.max;
    if max == 0 {
        return Err(SnoozeError::Off);
    }
    if count >= max {
        return Err(SnoozeError::Limit { reminder, max });
    }
    let until =
        hold_end(from, length, crate::config::MAX_SNOOZE).ok_or(SnoozeError::TooLong { length })?;
    let snooze = Snooze {
        reminder,
        item,
        until,
        count: count + 1,
    };
    take_snooze(state, &snooze.reminder);
    state.snoozes.push(snooze.clone());
    Ok(snooze)
}

/// Marks every reminder due by `now` as fired at `now` without showing it: what `settle` does
/// with the reminders that lose to the one it fires, and what a reload does so that a shorter
/// interval in the new config does not fire anything at once.
pub fn absorb_overdue<Tz: TimeZone>(
    config: &Config,
    state: &mut State,
    now: DateTime<Utc>,
    tz: &Tz,
) {
    let overdue: Vec<String> = config
        .reminders
        .iter()
        .filter(|r| due_at(config, state, r, now, tz).is_some_and(|at| at <= now))
        .map(|r| r.id.clone())
        .collect();
    for id in overdue {
        state.last_fired.insert(id, now);
    }
}

/// Shows `reminder` at `now`: picks what it shows (the snoozed item, the pinned one, or the next
/// in rotation) and records it.
fn fire(
    config: &Config,
    state: &mut State,
    reminder: &Reminder,
    snooze: Option<Snooze>,
    now: DateTime<Utc>,
) -> Option<Fire> {
    state.last_fired.insert(reminder.id.clone(), now);
    // A snoozed item that left the catalogue (a custom stretch removed meanwhile) is replaced
    // by the next in rotation, so the reminder still reminds.
    let known = |item: &str| match reminder.kind {
        Kind::Stretch => {
            config.catalog.stretch(item).is_some() && !state.set_aside.contains_key(item)
        }
        Kind::Posture => config.catalog.posture(item).is_some(),
        Kind::Session => item == SESSION_ITEM,
    };
    let (item, snoozes) = match snooze {
        Some(s) if known(&s.item) => (s.item, s.count),
        Some(s) => (pick(config, state, reminder)?, s.count),
        None => (pick(config, state, reminder)?, 0),
    };
    match reminder.kind {
        Kind::Stretch => state.rotation.stretch_shown(&item, now),
        Kind::Posture => state.rotation.posture_shown(&item, now),
        // A session has every stretch, so it moves no rotation on.
        Kind::Session => {}
    }
    // Until it is read (see `notice_read`), the pointer goes with every stretch and session.
    let safety = reminder.kind != Kind::Posture && !state.safety_shown;
    let level = match reminder.kind {
        Kind::Stretch => state.levels.get(&item).copied(),
        Kind::Posture | Kind::Session => None,
    };
    let (aside, levels) = match reminder.kind {
        Kind::Session => (
            state.set_aside.keys().cloned().collect(),
            state.levels.clone(),
        ),
        Kind::Stretch | Kind::Posture => (Vec::new(), BTreeMap::new()),
    };
    Some(Fire {
        at: now,
        reminder: reminder.id.clone(),
        kind: reminder.kind,
        item,
        snoozes,
        safety,
        level,
        aside,
        levels,
    })
}

/// The user opened what `fire` leads to, the stretch's card or the guide, where the safety
/// notice is: if the notification pointed there for it, the notice counts as seen from now on.
/// An answer alone (Done, Skip, Snooze, "it hurt") does not count: the notification body only
/// says where the notice is, so until it is read the pointer comes with every stretch.
pub fn notice_read(state: &mut State, fire: &Fire) {
    if fire.safety {
        state.safety_shown = true;
    }
}

/// The most firings [`preview`] lists (`stretchd next` and `check` refuse more).
pub const MAX_PREVIEW: usize = 1000;

/// The next `count` (at most [`MAX_PREVIEW`]) firings from `from`, assuming the user stays and
/// answers every reminder with Done, and that a hold of do-not-disturb or a full-screen window
/// (and its grace) ends now: held reminders are listed when they are due, not left out. Works
/// on a copy of the state.
pub fn preview<Tz: TimeZone>(
    config: &Config,
    state: &State,
    from: DateTime<Utc>,
    count: usize,
    tz: &Tz,
) -> Vec<Fire> {
    let count = count.min(MAX_PREVIEW);
    let mut state = state.clone();
    state.presence.quiet.clear();
    state.presence.hold_until = None;
    let mut now = from;
    let mut fires = Vec::new();
    // Each round either fires or moves `now` forward to a due time; the bound is a safety net.
    for _ in 0..count.saturating_mul(4).max(16) {
        if fires.len() == count {
            break;
        }
        let Some(due) = next_due(config, &state, now, tz) else {
            break;
        };
        now = due.at;
        fires.extend(settle(config, &mut state, now, tz));
    }
    fires
}

/// The stretch or posture check a reminder shows: the pinned one (unless it is a stretch set
/// aside), or the next in rotation.
pub fn pick(config: &Config, state: &State, reminder: &Reminder) -> Option<String> {
    if let Some(pinned) = &reminder.pinned
        && !state.set_aside.contains_key(pinned)
    {
        return Some(pinned.clone());
    }
    next_in_rotation(config, state, reminder.kind).map(str::to_owned)
}

/// What a rotating reminder of `kind` shows next: for a stretch, one of the desk stretches that
/// fit ([`Config::rotating_stretches`]) and are not set aside; for a posture check, any; for a
/// session, the session ([`SESSION_ITEM`]) unless every stretch of it is set aside. `None`
/// when none does.
pub fn next_in_rotation<'c>(config: &'c Config, state: &State, kind: Kind) -> Option<&'c str> {
    let rotation = &state.rotation;
    match kind {
        Kind::Stretch => {
            let mut ids = config.rotating_stretches();
            ids.retain(|id| !state.set_aside.contains_key(*id));
            rotation.pick(&ids, rotation.last_stretch.as_deref())
        }
        Kind::Posture => {
            let ids: Vec<&str> = config
                .catalog
                .postures
                .iter()
                .map(|p| p.id.as_str())
                .collect();
            rotation.pick(&ids, rotation.last_posture.as_deref())
        }
        Kind::Session => {
            let aside: Vec<String> = state.set_aside.keys().cloned().collect();
            (!config.session_without(&aside).is_empty()).then_some(SESSION_ITEM)
        }
    }
}

/// How many firings ahead [`next_stretch`] (and `stretchd guide`, asking a running daemon)
/// looks for a stretch.
pub const STRETCH_LOOKAHEAD: usize = 16;

/// The stretch stretchd would suggest next, as of `now`: the first stretch among the next
/// [`STRETCH_LOOKAHEAD`] firings, else the next in the stretch rotation, else the first
/// stretch of a session, else the catalogue's first, skipping what is set aside (`None` when
/// every stretch is set aside).
pub fn next_stretch<'c, Tz: TimeZone>(
    config: &'c Config,
    state: &State,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Option<&'c Stretch> {
    let scheduled = preview(config, state, now, STRETCH_LOOKAHEAD, tz)
        .into_iter()
        .find(|f| f.kind == Kind::Stretch)
        .and_then(|f| config.catalog.stretch(&f.item));
    scheduled
        .or_else(|| {
            next_in_rotation(config, state, Kind::Stretch).and_then(|id| config.catalog.stretch(id))
        })
        .or_else(|| {
            let usable = |s: &&Stretch| !state.set_aside.contains_key(&s.id);
            let session = config.session().into_iter().find(usable);
            session.or_else(|| config.catalog.stretches.iter().find(usable))
        })
}

/// When reminder `r` is next due, as seen at `now`: its next occurrence after it last fired;
/// if that was missed, `now` when it was missed in the current work window (in one that runs on
/// for more than a week, at most a week before `now`); if it was missed in an earlier window,
/// its first occurrence counted from the current window's start (`now` if that has passed too),
/// or outside work hours its next occurrence after `now`.
fn due_at<Tz: TimeZone>(
    config: &Config,
    state: &State,
    r: &Reminder,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Option<DateTime<Utc>> {
    let last = state.last_fired.get(&r.id).copied();
    let since = last.map_or(state.started, |l| l.max(state.started));
    let at = occurrence_after(&config.work, &r.trigger, since, tz)?;
    if at >= now {
        return Some(at);
    }
    match config.work.window_at(now, tz) {
        // In the current window. A window that runs on for days is seen from `now` only from
        // the day before, so from `at` too, which sees it for a week on: a run of days is one
        // window, whichever midnight the gap crossed.
        Some(w)
            if w.contains(at)
                || config
                    .work
                    .window_at(at, tz)
                    .is_some_and(|m| m.contains(now)) =>
        {
            Some(now)
        }
        // Missed in an earlier window: dropped, and counting restarts at this window's start
        // (a fixed point, so the answer does not move on with `now` and it does come due).
        Some(w) => occurrence_after(
            &config.work,
            &r.trigger,
            w.start - chrono::Duration::seconds(1),
            tz,
        )
        .map(|at| at.max(now)),
        None => occurrence_after(&config.work, &r.trigger, now, tz),
    }
}

/// When reminder `r` of `config` first falls due strictly after `since` inside the work days
/// and hours; `None` when it never does (a `cron` time outside them), so it never fires.
pub fn first_occurrence<Tz: TimeZone>(
    config: &Config,
    r: &Reminder,
    since: DateTime<Utc>,
    tz: &Tz,
) -> Option<DateTime<Utc>> {
    occurrence_after(&config.work, &r.trigger, since, tz)
}

/// The first time strictly after `since` that the trigger falls due inside work hours.
fn occurrence_after<Tz: TimeZone>(
    work: &WorkHours,
    trigger: &Trigger,
    since: DateTime<Utc>,
    tz: &Tz,
) -> Option<DateTime<Utc>> {
    match trigger {
        Trigger::Every(every) => {
            let every = chrono::Duration::from_std(*every).ok()?;
            // Checked: an interval past the calendar's end (`every = "300000y"`) loads, and like
            // any interval longer than a window it never fires.
            work.windows_from(since, tz).find_map(|w| {
                let at = since.max(w.start).checked_add_signed(every)?;
                (at < w.end).then_some(at)
            })
        }
        Trigger::Cron(cron) => {
            let mut t = since;
            // Each round lands in a work window or jumps to the start of the next one.
            for _ in 0..64 {
                let at = cron.next_after(t, tz)?;
                match work.windows_from(at, tz).next() {
                    Some(w) if w.contains(at) => return Some(at),
                    Some(w) => t = w.start - chrono::Duration::seconds(1),
                    None => return None,
                }
            }
            None
        }
    }
}

/// Whether a snooze still brings its reminder back: the reminder exists and the snooze ends in
/// work hours; if it ended before `now` (a gap), in the work window `now` is in.
fn snooze_live<Tz: TimeZone>(config: &Config, s: &Snooze, now: DateTime<Utc>, tz: &Tz) -> bool {
    config.reminder(&s.reminder).is_some()
        && config
            .work
            .window_at(s.until, tz)
            .is_some_and(|w| s.until >= now || w.contains(now))
}
