//! What the other machines of a `[sync]` folder say, merged into this machine's state. Pure:
//! the config, the state, their [`Summary`]s, `now` and the time zone in; the state changed in
//! place and what changed ([`Merged`]) out. Merging the same summaries again changes nothing,
//! and a change taken from another machine shows in this machine's own summary the way it was
//! made, so every machine settles on the same answer whatever order the files arrive in.
//!
//! The rules, for the reminders and stretches this machine's config has (anything else a
//! summary names is left alone):
//!
//! - **Done elsewhere.** A reminder answered Done on another machine (a session: finished there)
//!   counts as fired here when it was answered: its interval restarts from then, unless it fired
//!   here later. A snooze of it here is dropped, since the break was taken.
//! - **Rotation.** Each stretch and posture check counts as shown when it was last shown on any
//!   machine, and the one shown last anywhere is the one not to repeat next.
//! - **Pause.** The newest pause or resume asked for on any machine holds here (by the time it
//!   was asked for). A pause that has ended meanwhile leaves reminders running; a resume, or the
//!   end of a pause, restarts what was missed from now, as a resume here does (the schedule's
//!   gap rule: never a burst of stale reminders). A snooze is never shared: it answers the
//!   notification on one screen.
//! - **Levels.** A stretch's newest level wins (a Done, `--easy`, `--hard` anywhere); a level
//!   whose time is unknown (kept from before the times were) never wins over one whose time is
//!   known.
//! - **Set aside.** For each stretch, the newest of "it hurt" and "brought back" on any machine
//!   wins; at the same time, set aside wins: it is the same body.
//! - **Safety notice.** Read on one machine, it counts as read on all.
//! - **Clocks.** Times are UTC as each machine's clock read them. A time up to [`SKEW`] ahead of
//!   this clock is taken (as now, for something that has happened); one further ahead is
//!   ignored and counted ([`Merged::ahead`]), so a machine whose clock runs far ahead can never
//!   hold the reminders here back.
//!
//! [`history`] merges histories for `stretchd history` and `stats`, which read the files
//! themselves.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};

use super::Summary;
use crate::config::Config;
use crate::schedule::level::{self, GROW_AFTER};
use crate::schedule::state::{MAX_AHEAD, PauseChange, SetAside, State};
use crate::store::history::Entry;

/// How far ahead of this machine's clock another machine's times are taken.
pub const SKEW: TimeDelta = TimeDelta::minutes(5);

/// The longest reason for setting a stretch aside taken from another machine, in characters.
const MAX_REASON: usize = 100;

/// A change taken from another machine: what, from when, and from which machine (its
/// hostname).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken<T> {
    /// What changed.
    pub what: T,
    /// When it happened there.
    pub at: DateTime<Utc>,
    /// The machine's hostname.
    pub from: String,
}

/// What a [`merge`] changed in the state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Reminders (by id) whose interval restarts from a Done on another machine.
    pub restarted: Vec<Taken<String>>,
    /// Reminders (by id) whose snooze here was dropped, as they were done elsewhere.
    pub unsnoozed: Vec<String>,
    /// Whether the rotation moved on.
    pub rotation: bool,
    /// The pause or resume taken from another machine.
    pub pause: Option<Taken<PauseChange>>,
    /// Stretches (by id) whose level was taken from another machine.
    pub levels: Vec<Taken<String>>,
    /// Stretches (by id) set aside on another machine.
    pub set_aside: Vec<Taken<String>>,
    /// Stretches (by id) brought back on another machine.
    pub restored: Vec<Taken<String>>,
    /// Whether the safety notice now counts as read.
    pub notice_read: bool,
    /// Times ignored for being more than [`SKEW`] ahead of now.
    pub ahead: u32,
}

#[cfg(test)]
impl Merged {
    /// Whether the state is as it was.
    pub fn is_empty(&self) -> bool {
        *self
            == Merged {
                ahead: self.ahead,
                ..Merged::default()
            }
    }
}

/// The times of the other machines, against this clock.
struct Clock {
    now: DateTime<Utc>,
    latest: DateTime<Utc>,
    ahead: u32,
}

impl Clock {
    fn new(now: DateTime<Utc>) -> Clock {
        Clock {
            now,
            latest: now.checked_add_signed(SKEW).unwrap_or(now),
            ahead: 0,
        }
    }

    /// `t`, unless it is too far ahead (then counted).
    fn take(&mut self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if t > self.latest {
            self.ahead = self.ahead.saturating_add(1);
            return None;
        }
        Some(t)
    }

    /// `t` for something that has happened: at most now.
    fn past(&mut self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.take(t).map(|t| t.min(self.now))
    }
}

/// The newest of some times, with the machine each came from.
struct Newest<'p, K: Ord> {
    of: BTreeMap<K, (DateTime<Utc>, &'p Summary)>,
}

impl<'p, K: Ord> Newest<'p, K> {
    fn new() -> Self {
        Newest {
            of: BTreeMap::new(),
        }
    }

    fn offer(&mut self, key: K, at: DateTime<Utc>, from: &'p Summary) {
        let newer = self.of.get(&key).is_none_or(|(t, _)| at > *t);
        if newer {
            self.of.insert(key, (at, from));
        }
    }
}

/// Merges what `peers` (the other machines' summaries) say into `state` as of `now`, by the
/// rules of this module; returns what changed.
pub fn merge<Tz: TimeZone>(
    config: &Config,
    state: &mut State,
    peers: &[Summary],
    now: DateTime<Utc>,
    tz: &Tz,
) -> Merged {
    let mut clock = Clock::new(now);
    let mut merged = Merged::default();
    merge_done(config, state, peers, &mut clock, &mut merged);
    merge_rotation(config, state, peers, &mut clock, &mut merged);
    merge_pause(config, state, peers, &mut clock, &mut merged, tz);
    merge_levels(config, state, peers, &mut clock, &mut merged);
    merge_set_aside(config, state, peers, &mut clock, &mut merged);
    if !state.safety_shown && peers.iter().any(|p| p.safety_shown) {
        state.safety_shown = true;
        merged.notice_read = true;
    }
    merged.ahead = clock.ahead;
    merged
}

fn merge_done(
    config: &Config,
    state: &mut State,
    peers: &[Summary],
    clock: &mut Clock,
    merged: &mut Merged,
) {
    let mut newest = Newest::new();
    for peer in peers {
        for (id, at) in &peer.done {
            if config.reminder(id).is_none() {
                continue;
            }
            if let Some(at) = clock.past(*at) {
                newest.offer(id.as_str(), at, peer);
            }
        }
    }
    for (id, (at, peer)) in newest.of {
        // Counting starts at the later of the last firing and the start: only a Done after
        // both moves anything.
        let counted_from = state
            .last_fired
            .get(id)
            .map_or(state.started, |l| (*l).max(state.started));
        if at <= counted_from {
            continue;
        }
        state.last_fired.insert(id.to_owned(), at);
        if let Some(i) = state.snoozes.iter().position(|s| s.reminder == id) {
            state.snoozes.remove(i);
            merged.unsnoozed.push(id.to_owned());
        }
        merged.restarted.push(Taken {
            what: id.to_owned(),
            at,
            from: peer.hostname.clone(),
        });
    }
}

fn merge_rotation(
    config: &Config,
    state: &mut State,
    peers: &[Summary],
    clock: &mut Clock,
    merged: &mut Merged,
) {
    let catalog = &config.catalog;
    let rotation = &mut state.rotation;
    // The last shown of each kind, as this machine saw it before the merge.
    let shown_at = |id: &Option<String>, shown: &BTreeMap<String, DateTime<Utc>>| {
        id.as_ref().and_then(|id| shown.get(id).copied())
    };
    let mut last_stretch = (
        shown_at(&rotation.last_stretch, &rotation.shown),
        rotation.last_stretch.clone(),
    );
    let mut last_posture = (
        shown_at(&rotation.last_posture, &rotation.shown),
        rotation.last_posture.clone(),
    );
    for peer in peers {
        for (id, at) in &peer.rotation.shown {
            let known = catalog.stretch(id).is_some() || catalog.posture(id).is_some();
            let Some(at) = clock.past(*at).filter(|_| known) else {
                continue;
            };
            if rotation.shown.get(id).is_none_or(|t| at > *t) {
                rotation.shown.insert(id.clone(), at);
                merged.rotation = true;
            }
        }
        let theirs = |id: &Option<String>, clock: &mut Clock| {
            shown_at(id, &peer.rotation.shown).and_then(|t| clock.past(t))
        };
        let stretch = peer.rotation.last_stretch.as_ref();
        later_last(
            &mut last_stretch,
            stretch.filter(|id| catalog.stretch(id).is_some()),
            || theirs(&peer.rotation.last_stretch, clock),
        );
        let posture = peer.rotation.last_posture.as_ref();
        later_last(
            &mut last_posture,
            posture.filter(|id| catalog.posture(id).is_some()),
            || theirs(&peer.rotation.last_posture, clock),
        );
    }
    for (mine, last) in [
        (&mut rotation.last_stretch, last_stretch.1),
        (&mut rotation.last_posture, last_posture.1),
    ] {
        if *mine != last {
            *mine = last;
            merged.rotation = true;
        }
    }
}

/// The last shown of a kind (when, which) becomes `id`, if there is one, when it was shown (by
/// `at`, asked only then: it counts a time ahead of the clock) later.
fn later_last(
    last: &mut (Option<DateTime<Utc>>, Option<String>),
    id: Option<&String>,
    at: impl FnOnce() -> Option<DateTime<Utc>>,
) {
    if let Some(id) = id
        && let Some(at) = at()
        && last.0.is_none_or(|t| at > t)
    {
        *last = (Some(at), Some(id.clone()));
    }
}

fn merge_pause<Tz: TimeZone>(
    config: &Config,
    state: &mut State,
    peers: &[Summary],
    clock: &mut Clock,
    merged: &mut Merged,
    tz: &Tz,
) {
    let mut newest: Option<(PauseChange, &Summary)> = None;
    for peer in peers {
        let Some(change) = peer.pause else {
            continue;
        };
        if clock.take(change.at).is_none() {
            continue;
        }
        if newest.is_none_or(|(n, _)| change.at > n.at) {
            newest = Some((change, peer));
        }
    }
    let Some((mut change, peer)) = newest else {
        return;
    };
    if state.marks.pause.is_some_and(|ours| ours.at >= change.at) {
        return;
    }
    let now = clock.now;
    // As for a pause loaded from disk: at most a year ahead.
    let latest = now.checked_add_signed(MAX_AHEAD).unwrap_or(now);
    if let Some(until) = change.pause.as_mut().and_then(|p| p.until.as_mut()) {
        *until = (*until).min(latest);
    }
    state.marks.pause = Some(change);
    let wanted = change.pause.filter(|p| p.until.is_none_or(|u| u > now));
    let was = state.pause;
    state.pause = wanted;
    if was.is_some() && wanted.is_none() {
        crate::schedule::absorb_overdue(config, state, now, tz);
    }
    merged.pause = Some(Taken {
        what: change,
        at: change.at,
        from: peer.hostname.clone(),
    });
}

fn merge_levels(
    config: &Config,
    state: &mut State,
    peers: &[Summary],
    clock: &mut Clock,
    merged: &mut Merged,
) {
    let mut newest = Newest::new();
    for peer in peers {
        for (id, shared) in &peer.levels {
            let leveled = config
                .catalog
                .stretch(id)
                .is_some_and(|s| level::range(s).is_some());
            if let Some(at) = shared.at.filter(|_| leveled).and_then(|t| clock.take(t)) {
                newest.offer(id.as_str(), at, peer);
            }
        }
    }
    for (id, (at, peer)) in newest.of {
        if state.marks.levels.get(id).is_some_and(|ours| *ours >= at) {
            continue;
        }
        let Some(mut theirs) = peer.levels.get(id).map(|l| l.level) else {
            continue;
        };
        let Some(range) = config.catalog.stretch(id).and_then(level::range) else {
            continue;
        };
        // Only a hold this stretch can have (what the log says and the state keeps).
        theirs.hold_secs = level::hold_secs(range, Some(&theirs));
        theirs.done_in_row = theirs.done_in_row.min(GROW_AFTER);
        state.marks.levels.insert(id.to_owned(), at);
        if state.levels.get(id) != Some(&theirs) {
            state.levels.insert(id.to_owned(), theirs);
            merged.levels.push(Taken {
                what: id.to_owned(),
                at,
                from: peer.hostname.clone(),
            });
        }
    }
}

/// What happened last to a stretch set aside: set aside (with the reason) or brought back.
#[derive(Clone, Copy)]
enum Aside<'p> {
    Set(&'p str),
    Restored,
}

fn merge_set_aside(
    config: &Config,
    state: &mut State,
    peers: &[Summary],
    clock: &mut Clock,
    merged: &mut Merged,
) {
    // Per stretch: the newest event on another machine; at the same time, set aside wins.
    let mut newest: BTreeMap<&str, (DateTime<Utc>, Aside<'_>, &Summary)> = BTreeMap::new();
    for peer in peers {
        let events = peer
            .set_aside
            .iter()
            .map(|(id, a)| (id, a.at, Aside::Set(a.reason.as_str())))
            .chain(
                peer.restored
                    .iter()
                    .map(|(id, at)| (id, *at, Aside::Restored)),
            );
        for (id, at, event) in events {
            if config.catalog.stretch(id).is_none() {
                continue;
            }
            let Some(at) = clock.past(at) else {
                continue;
            };
            let wins = newest.get(id.as_str()).is_none_or(|(t, e, _)| {
                at > *t || (at == *t && matches!((event, e), (Aside::Set(_), Aside::Restored)))
            });
            if wins {
                newest.insert(id.as_str(), (at, event, peer));
            }
        }
    }
    for (id, (at, event, peer)) in newest {
        let taken = Taken {
            what: id.to_owned(),
            at,
            from: peer.hostname.clone(),
        };
        match event {
            Aside::Set(reason) => {
                let restored_later = state.marks.restored.get(id).is_some_and(|r| *r > at);
                if state.set_aside.contains_key(id) || restored_later {
                    continue;
                }
                let reason = super::tidy(reason, MAX_REASON);
                state
                    .set_aside
                    .insert(id.to_owned(), SetAside { reason, at });
                merged.set_aside.push(taken);
            }
            Aside::Restored => {
                let aside_since = state.set_aside.get(id).map(|a| a.at);
                if aside_since.is_none_or(|since| since >= at) {
                    continue;
                }
                state.set_aside.remove(id);
                state.marks.restored.insert(id.to_owned(), at);
                merged.restored.push(taken);
            }
        }
    }
}

/// The stretch sessions the other machines finished in the last
/// [`crate::stats::RECENT_DAYS`] before `now` (none later than [`SKEW`] ahead of it), by machine
/// and time, a session a machine lists twice counted once: with this machine's, what the
/// weekly goal counts.
pub fn recent_sessions(peers: &[Summary], now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let since = now - TimeDelta::days(crate::stats::RECENT_DAYS);
    let latest = now.checked_add_signed(SKEW).unwrap_or(now);
    let mut sessions: Vec<(&str, DateTime<Utc>)> = peers
        .iter()
        .flat_map(|p| p.sessions.iter().map(|t| (p.machine.as_str(), *t)))
        .filter(|(_, t)| *t >= since && *t <= latest)
        .collect();
    sessions.sort_unstable();
    sessions.dedup();
    sessions.into_iter().map(|(_, t)| t).collect()
}

/// Histories of several machines merged: each entry with the machine it was recorded on (any
/// key: an index, an id), oldest first, an entry that appears twice for the same machine (a
/// copy caught up twice after a clock change, a file copied by hand) kept once.
pub fn history<M: Ord + Clone>(mut entries: Vec<(M, Entry)>) -> Vec<(M, Entry)> {
    let key = |(m, e): &(M, Entry)| {
        (
            e.time,
            m.clone(),
            e.reminder.clone(),
            e.item.clone(),
            e.outcome.as_str(),
            e.kind.as_str(),
        )
    };
    entries.sort_by_cached_key(key);
    entries.dedup();
    entries
}

#[cfg(test)]
mod tests;
