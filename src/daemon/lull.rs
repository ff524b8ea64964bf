//! Not mid-sentence: a reminder that falls due while the user is typing waits for a lull,
//! `presence.lull` without input, at most `presence.lull_max`, then fires anyway.
//!
//! How the idle source in use tells a lull:
//!
//! - **Asked** (X11): the idle time is asked when the reminder falls due (the daemon asks it
//!   then anyway). Idle for the lull already: it fires at once. Otherwise it is asked once more
//!   at the earliest moment the lull could be complete, `lull - idle` later, and so on: one
//!   question per wait, never at a fixed rate.
//! - **A watch** ([`WatchLull`]: Wayland, Mutter): armed for the due reminder and ended after;
//!   it reports [`PresenceEvent::Lull`](crate::daemon::presence::PresenceEvent::Lull). Wayland's
//!   counts idle time from its own creation, so it is armed a lull ahead of the due time
//!   ([`WatchLull::lead`]): at the due time it can tell whether the user has paused that long.
//! - **None** (logind, or no idle source): nothing can tell a short pause, so it fires at once.
//!
//! The wait is a deadline of the daemon's loop like any other (the due branch sleeps until the
//! next question or the wait's end), so requests, answers and presence events are served
//! meanwhile, and it ends as soon as its reminder is no longer due (a pause, a hold, a snooze or
//! a reload came meanwhile). [`verdict`] is the rule, pure, with time as input.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use tracing::{debug, info};

use super::{Clock, Daemon};
use crate::daemon::notify::Notifier;
use crate::daemon::presence::WatchLull;
use crate::ipc::LullWait;
use crate::schedule;

/// The shortest wait between two questions to an asked source, so that an answer at the edge
/// of the lull never makes the loop spin.
pub const MIN_ASK: Duration = Duration::from_millis(10);

/// What the idle source tells about a pause in input, at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// Nothing: it cannot tell a short pause (logind, none), or the question failed.
    Nothing,
    /// The asked source's time since the last input.
    Idle(Duration),
    /// The watch's latest report: whether the user has been idle for the lull.
    Watch(bool),
}

/// What to do with a reminder that is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Show it now.
    Fire,
    /// Wait for the watch to report, or until `ask` to ask the idle time again; until the wait's
    /// end at most.
    Wait {
        /// When to ask again (asked sources).
        ask: Option<DateTime<Utc>>,
    },
}

/// The rule at `now` for a due reminder whose wait for a lull of `lull` ends at `until`: it
/// fires when lulls are off (`lull` zero), when the wait is over, when the source cannot tell,
/// and when the user has been idle for the lull; otherwise it waits, and an asked source is
/// asked again when the lull could be complete (`lull - idle` from now, at least [`MIN_ASK`],
/// never after `until`).
pub fn verdict(lull: Duration, seen: Seen, now: DateTime<Utc>, until: DateTime<Utc>) -> Verdict {
    if lull.is_zero() || now >= until {
        return Verdict::Fire;
    }
    match seen {
        Seen::Nothing | Seen::Watch(true) => Verdict::Fire,
        Seen::Idle(idle) if idle >= lull => Verdict::Fire,
        Seen::Idle(idle) => Verdict::Wait {
            ask: Some(later(now, lull.saturating_sub(idle).max(MIN_ASK)).min(until)),
        },
        Seen::Watch(false) => Verdict::Wait { ask: None },
    }
}

/// `at + wait`, or the end of the calendar.
fn later(at: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    schedule::plus(at, wait).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// `at - lead`, or the start of the calendar.
fn earlier(at: DateTime<Utc>, lead: Duration) -> DateTime<Utc> {
    TimeDelta::from_std(lead)
        .ok()
        .and_then(|d| at.checked_sub_signed(d))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// The daemon's part of the lull: the watch, if the idle source has one, and the wait under way.
#[derive(Default)]
pub(super) struct Lull {
    /// The idle source's watch (Wayland, Mutter).
    watch: Option<Box<dyn WatchLull>>,
    /// The watch armed now.
    armed: Option<Armed>,
    /// The due reminder's wait.
    waiting: Option<Waiting>,
    /// Watches armed so far: the number of the latest.
    watches: u32,
}

impl Lull {
    /// With the idle source's watch.
    pub(super) fn new(watch: Option<Box<dyn WatchLull>>) -> Lull {
        Lull {
            watch,
            ..Lull::default()
        }
    }
}

/// An armed watch.
#[derive(Debug, Clone, Copy)]
struct Armed {
    /// Its number, which its reports carry.
    id: u32,
    /// The due time it was armed for.
    due: DateTime<Utc>,
    /// Its latest report: idle for the lull.
    reached: bool,
}

/// A due reminder waiting for a lull.
#[derive(Debug, Clone, Copy)]
struct Waiting {
    /// When the wait began.
    since: DateTime<Utc>,
    /// When the reminder fires anyway.
    until: DateTime<Utc>,
    /// When to ask the idle time again (asked sources).
    ask_at: Option<DateTime<Utc>>,
}

impl<N: Notifier, C: Clock> Daemon<N, C> {
    /// When the loop's due branch wakes, given the next reminder `due`: at the due time; a lull
    /// ahead of it to arm a watch that needs the lead; during a wait, at the next question or
    /// the wait's end. Ends a wait whose reminder is no longer due, and a watch armed for a due
    /// time that has moved.
    pub(super) fn lull_wake(
        &mut self,
        now: DateTime<Utc>,
        due: Option<DateTime<Utc>>,
    ) -> Option<DateTime<Utc>> {
        if let Some(wait) = self.lull.waiting {
            if due.is_some_and(|at| at <= now) {
                if self.config.presence.lull.is_zero() {
                    // Turned off by a reload: no more waiting.
                    return Some(now);
                }
                return Some(wait.ask_at.map_or(wait.until, |ask| ask.min(wait.until)));
            }
            info!("the reminder that waited for a pause in typing is no longer due");
            self.end_lull();
        }
        // A reminder that is overdue stays due (its time reads as now while it waits, for the
        // calls to be asked say): the watch armed for it stays.
        let overdue = |at: DateTime<Utc>| at <= now;
        if self
            .lull
            .armed
            .is_some_and(|a| Some(a.due) != due && !(overdue(a.due) && due.is_some_and(overdue)))
        {
            self.disarm_lull();
        }
        let lead = self.lull_lead();
        match due {
            Some(at) if !lead.is_zero() && self.lull.armed.is_none() && at > now => {
                Some(earlier(at, lead))
            }
            other => other,
        }
    }

    /// The due branch woke ahead of the next reminder's due time: arms a watch a lull ahead, if
    /// one needs that. Returns whether that is what the wake was for (nothing is due yet).
    pub(super) fn lull_ahead(&mut self) -> bool {
        let now = self.clock.now();
        let Some(at) = schedule::next_due(&self.config, &self.state, now, self.clock.zone())
            .map(|d| d.at)
            .filter(|at| *at > now)
        else {
            return false;
        };
        if !self.lull_lead().is_zero() && self.lull.armed.is_none() {
            self.arm_lull(at);
        }
        true
    }

    /// Whether the reminder due now may fire, by [`verdict`], given what the asked source said
    /// (`idle`; `None` without one, or when the question failed). If not, the wait begins or
    /// goes on.
    pub(super) fn lull_lets_fire(&mut self, idle: Option<Duration>) -> bool {
        let now = self.clock.now();
        let lull = self.config.presence.lull;
        let seen = if self.asked.is_some() {
            idle.map_or(Seen::Nothing, Seen::Idle)
        } else if self.lull.watch.is_some() && !lull.is_zero() {
            if let Some(armed) = self.lull.armed {
                Seen::Watch(armed.reached)
            } else {
                self.arm_lull(now);
                Seen::Watch(false)
            }
        } else {
            Seen::Nothing
        };
        let (since, until) = self.lull.waiting.map_or_else(
            || (now, later(now, self.config.presence.lull_max)),
            |w| (w.since, w.until),
        );
        match verdict(lull, seen, now, until) {
            Verdict::Fire => {
                if self.lull.waiting.is_some() {
                    let waited = (now - since).to_std().unwrap_or_default();
                    if now >= until {
                        info!(
                            ?waited,
                            "no pause in typing came; the reminder shows anyway"
                        );
                    } else {
                        info!(?waited, "a pause in typing: the reminder shows");
                    }
                }
                self.end_lull();
                true
            }
            Verdict::Wait { ask } => {
                if self.lull.waiting.is_none() {
                    info!(
                        until = %until.with_timezone(self.clock.zone()),
                        "the reminder due waits for a pause in typing"
                    );
                }
                self.lull.waiting = Some(Waiting {
                    since,
                    until,
                    ask_at: ask,
                });
                false
            }
        }
    }

    /// A report of lull watch number `watch`; one from a watch that was ended is ignored.
    pub(super) fn lull_seen(&mut self, watch: u32, reached: bool) {
        let Some(armed) = self.lull.armed.as_mut().filter(|a| a.id == watch) else {
            return;
        };
        armed.reached = reached;
        debug!(watch, reached, "pause in typing");
        if reached && self.lull.waiting.is_some() {
            self.fire_due();
        }
    }

    /// Whether the reminder due waits for a pause in typing now.
    pub(super) fn lull_waiting(&self) -> bool {
        self.lull.waiting.is_some()
    }

    /// The wait under way, for `stretchd status`.
    pub(super) fn lull_wait(&self) -> Option<LullWait> {
        self.lull.waiting.map(|w| LullWait {
            since: w.since,
            until: w.until,
        })
    }

    /// How long ahead of a due reminder the watch is armed: zero without a watch or a lull.
    fn lull_lead(&self) -> Duration {
        let lull = self.config.presence.lull;
        match &self.lull.watch {
            Some(watch) if !lull.is_zero() => watch.lead(lull),
            _ => Duration::ZERO,
        }
    }

    /// Arms a new watch for the reminder due at `due`.
    fn arm_lull(&mut self, due: DateTime<Utc>) {
        let Some(watch) = self.lull.watch.as_mut() else {
            return;
        };
        self.lull.watches = self.lull.watches.wrapping_add(1);
        let id = self.lull.watches;
        watch.arm(id, self.config.presence.lull);
        self.lull.armed = Some(Armed {
            id,
            due,
            reached: false,
        });
    }

    /// Ends the armed watch, if any.
    fn disarm_lull(&mut self) {
        if self.lull.armed.take().is_some()
            && let Some(watch) = self.lull.watch.as_mut()
        {
            watch.disarm();
        }
    }

    /// Ends the wait and the watch.
    fn end_lull(&mut self) {
        self.lull.waiting = None;
        self.disarm_lull();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LULL: Duration = Duration::from_secs(3);

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn secs(s: i64) -> TimeDelta {
        TimeDelta::seconds(s)
    }

    fn ms(ms: u64) -> Duration {
        Duration::from_millis(ms)
    }

    const NOW: &str = "2026-12-02T14:30:00Z";

    #[test]
    fn a_user_idle_for_the_lull_already_gets_the_reminder_at_once() {
        let now = t(NOW);
        let until = now + secs(60);
        assert_eq!(verdict(LULL, Seen::Idle(LULL), now, until), Verdict::Fire);
        assert_eq!(
            verdict(LULL, Seen::Idle(Duration::from_secs(40)), now, until),
            Verdict::Fire
        );
        assert_eq!(verdict(LULL, Seen::Watch(true), now, until), Verdict::Fire);
    }

    #[test]
    fn a_typist_is_asked_again_when_the_lull_could_be_complete() {
        let now = t(NOW);
        let until = now + secs(60);
        // The last key 800 ms ago: 2.2 s more without one completes the lull.
        assert_eq!(
            verdict(LULL, Seen::Idle(ms(800)), now, until),
            Verdict::Wait {
                ask: Some(now + TimeDelta::milliseconds(2200))
            }
        );
        assert_eq!(
            verdict(LULL, Seen::Idle(Duration::ZERO), now, until),
            Verdict::Wait {
                ask: Some(now + secs(3))
            }
        );
        // A watch waits for its report.
        assert_eq!(
            verdict(LULL, Seen::Watch(false), now, until),
            Verdict::Wait { ask: None }
        );
    }

    #[test]
    fn an_answer_at_the_edge_of_the_lull_never_spins() {
        let now = t(NOW);
        let until = now + secs(60);
        assert_eq!(
            verdict(LULL, Seen::Idle(ms(2999)), now, until),
            Verdict::Wait {
                ask: Some(now + TimeDelta::milliseconds(10))
            }
        );
    }

    #[test]
    fn the_wait_ends_at_lull_max_for_sure() {
        let now = t(NOW);
        let until = now + secs(2);
        // The next question would come after the end: it comes at the end instead.
        assert_eq!(
            verdict(LULL, Seen::Idle(Duration::ZERO), now, until),
            Verdict::Wait { ask: Some(until) }
        );
        // At the end, whatever the source says, it fires.
        for seen in [Seen::Idle(Duration::ZERO), Seen::Watch(false)] {
            assert_eq!(verdict(LULL, seen, until, until), Verdict::Fire);
            assert_eq!(verdict(LULL, seen, until + secs(1), until), Verdict::Fire);
        }
    }

    #[test]
    fn no_lull_or_no_source_that_can_tell_fires_at_once() {
        let now = t(NOW);
        let until = now + secs(60);
        assert_eq!(verdict(LULL, Seen::Nothing, now, until), Verdict::Fire);
        for seen in [
            Seen::Idle(Duration::ZERO),
            Seen::Watch(false),
            Seen::Nothing,
        ] {
            assert_eq!(verdict(Duration::ZERO, seen, now, until), Verdict::Fire);
        }
    }

    #[test]
    fn a_simulated_typist_is_asked_about_once_per_lull_and_waits_no_longer_than_needed() {
        // Keys every 200 ms for 10 s from the due time, then nothing: asked idle times follow
        // from the key times; the reminder must fire `LULL` after the last key, at the first
        // question from then on, with a question about once per lull while typing.
        let due = t(NOW);
        let until = due + secs(60);
        let last_key = due + secs(10);
        let idle_at = |at: DateTime<Utc>| {
            if at >= last_key {
                (at - last_key).to_std().unwrap()
            } else {
                let since = (at - due).num_milliseconds() % 200;
                ms(u64::try_from(since).unwrap())
            }
        };
        let (mut now, mut asks) = (due, 0);
        loop {
            asks += 1;
            match verdict(LULL, Seen::Idle(idle_at(now)), now, until) {
                Verdict::Fire => break,
                Verdict::Wait { ask: Some(ask) } => now = ask,
                Verdict::Wait { ask: None } => panic!("an asked source is always asked again"),
            }
        }
        assert_eq!(now, last_key + secs(3), "fired {now}");
        assert!((4..=6).contains(&asks), "{asks} questions");
    }

    #[test]
    fn a_typist_who_never_stops_is_asked_a_bounded_number_of_times() {
        let due = t(NOW);
        let until = due + secs(60);
        let (mut now, mut asks) = (due, 0);
        loop {
            asks += 1;
            // Always a key 100 ms ago.
            match verdict(LULL, Seen::Idle(ms(100)), now, until) {
                Verdict::Fire => break,
                Verdict::Wait { ask: Some(ask) } => now = ask,
                Verdict::Wait { ask: None } => unreachable!(),
            }
        }
        assert_eq!(now, until);
        assert!((20..=23).contains(&asks), "{asks} questions");
    }

    #[test]
    fn times_at_the_ends_of_the_calendar_do_not_overflow() {
        let end = DateTime::<Utc>::MAX_UTC;
        assert_eq!(later(end, Duration::from_secs(60)), end);
        assert_eq!(
            earlier(DateTime::<Utc>::MIN_UTC, LULL),
            DateTime::<Utc>::MIN_UTC
        );
        assert_eq!(
            verdict(LULL, Seen::Idle(Duration::ZERO), end - secs(1), end),
            Verdict::Wait { ask: Some(end) }
        );
    }
}
