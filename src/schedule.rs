//! The schedule engine: given the config, the state and `now`, what is due next and what fires.
//!
//! Pure: it never reads a clock, and the time zone is a parameter (the daemon passes
//! [`chrono::Local`], tests pass a named zone). The rules:
//!
//! - Nothing fires outside work hours and work days.
//! - An `every` reminder counts working time: it falls due `every` after it last fired (or after
//!   the state started counting), and counting restarts at the start of each work window. An
//!   interval that does not fit in the rest of a window waits for the next one.
//! - A `cron` reminder falls due at its wall-clock times inside work hours. A time that occurs
//!   twice at the autumn change counts once; times in the spring gap are skipped.
//! - After a gap (late start, long sleep), what was missed inside the current work window fires
//!   once, now; what was missed in an earlier window is dropped. When several reminders are due
//!   at once, one fires and the others count as fired: never a burst.
//! - A snooze brings back the same reminder with the same stretch at its end, if that is in work
//!   hours; until then that reminder does not fire on its own schedule.

use chrono::{DateTime, TimeZone, Utc};

use crate::config::{Config, Kind, Reminder, Trigger};
use crate::state::State;
use crate::workhours::WorkHours;

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
    /// Whether to show the safety notice with it (the first stretch ever).
    pub safety: bool,
}

/// The next thing due at or after `now` (a missed reminder comes out as due `now`), or `None`
/// when nothing will ever fire.
pub fn next_due<Tz: TimeZone>(
    config: &Config,
    state: &State,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Option<Due> {
    let snoozed = state.snooze.as_ref().and_then(|s| {
        let at = s.until.max(now);
        let live = config.reminder(&s.reminder).is_some() && in_work_hours(&config.work, at, tz);
        let kind = config.reminder(&s.reminder)?.kind;
        live.then(|| Due {
            at,
            reminder: s.reminder.clone(),
            kind,
            snoozed: true,
        })
    });
    // A snoozed reminder comes back when its snooze ends, not on its own schedule meanwhile.
    let pending = |r: &&Reminder| state.snooze.as_ref().is_none_or(|s| s.reminder != r.id);
    let scheduled = config.reminders.iter().filter(pending).filter_map(|r| {
        due_at(config, state, r, now, tz).map(|at| Due {
            at,
            reminder: r.id.clone(),
            kind: r.kind,
            snoozed: false,
        })
    });
    // The earliest wins. On a tie (the others are then absorbed) a snooze comes first, then a
    // stretch, since a stretch break includes a posture reset, then the reminder listed first.
    snoozed
        .into_iter()
        .chain(scheduled)
        .min_by_key(|d| (d.at, !d.snoozed, d.kind != Kind::Stretch))
}

/// If something is due at `now`, fires it: returns what to show and updates the state (last
/// fire times, rotation, snooze, safety notice). Everything else due by `now` is absorbed.
pub fn settle<Tz: TimeZone>(
    config: &Config,
    state: &mut State,
    now: DateTime<Utc>,
    tz: &Tz,
) -> Option<Fire> {
    // A snooze that ended outside work hours, or whose reminder is gone, is dropped.
    if let Some(s) = &state.snooze {
        let live = config.reminder(&s.reminder).is_some() && in_work_hours(&config.work, now, tz);
        if s.until <= now && !live {
            state.snooze = None;
        }
    }
    let due = next_due(config, state, now, tz).filter(|d| d.at <= now)?;
    let reminder = config.reminder(&due.reminder)?;
    for r in &config.reminders {
        if r.id == due.reminder || due_at(config, state, r, now, tz).is_some_and(|at| at <= now) {
            state.last_fired.insert(r.id.clone(), now);
        }
    }
    let snooze = if due.snoozed {
        state.snooze.take()
    } else {
        None
    };
    let (item, snoozes) = match snooze {
        Some(s) => (s.item, s.count),
        None => (pick(config, state, reminder)?, 0),
    };
    match reminder.kind {
        Kind::Stretch => state.rotation.stretch_shown(&item, now),
        Kind::Posture => state.rotation.posture_shown(&item, now),
    }
    let safety = reminder.kind == Kind::Stretch && !state.safety_shown;
    state.safety_shown |= safety;
    Some(Fire {
        at: now,
        reminder: reminder.id.clone(),
        kind: reminder.kind,
        item,
        snoozes,
        safety,
    })
}

/// The next `count` firings from `from`, assuming the user stays and answers every reminder
/// with Done. Works on a copy of the state.
pub fn preview<Tz: TimeZone>(
    config: &Config,
    state: &State,
    from: DateTime<Utc>,
    count: usize,
    tz: &Tz,
) -> Vec<Fire> {
    let mut state = state.clone();
    let mut now = from;
    let mut fires = Vec::with_capacity(count);
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

/// The stretch or posture check a reminder shows: the pinned one, or the next in rotation.
fn pick(config: &Config, state: &State, reminder: &Reminder) -> Option<String> {
    if let Some(pinned) = &reminder.pinned {
        return Some(pinned.clone());
    }
    let rotation = &state.rotation;
    let id = match reminder.kind {
        Kind::Stretch => rotation.pick(
            &config.rotating_stretches(),
            rotation.last_stretch.as_deref(),
        ),
        Kind::Posture => {
            let ids: Vec<&str> = config
                .catalog
                .postures
                .iter()
                .map(|p| p.id.as_str())
                .collect();
            rotation.pick(&ids, rotation.last_posture.as_deref())
        }
    };
    id.map(str::to_owned)
}

/// When reminder `r` is next due, as seen at `now`: its next occurrence after it last fired;
/// if that was missed, `now` when it was missed in the current work window, otherwise the next
/// occurrence after `now`.
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
        Some(w) if w.contains(at) => Some(now),
        _ => occurrence_after(&config.work, &r.trigger, now, tz),
    }
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
            work.windows_from(since, tz).find_map(|w| {
                let at = since.max(w.start) + every;
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

fn in_work_hours<Tz: TimeZone>(work: &WorkHours, at: DateTime<Utc>, tz: &Tz) -> bool {
    work.window_at(at, tz).is_some()
}
