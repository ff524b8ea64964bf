//! How the daemon holds reminders during a call ([`presence::calls`]): the source is asked just
//! before a reminder fires (the reminder waits for the answer, beside the loop), and while a
//! call holds one, about once a minute ([`RECHECK`]). The hold is a [`Quiet::Call`] like
//! do-not-disturb's: when the last capture ends the held reminder fires once, `grace` later;
//! a hold longer than `presence.call_max_hold` drops what it held instead
//! ([`schedule::drop_held`]). An ask that cannot tell counts as no call.
//!
//! [`presence::calls`]: crate::daemon::presence::calls

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use tracing::{debug, info, warn};

use super::{Clock, Completion, Daemon};
use crate::daemon::notify::Notifier;
use crate::daemon::presence::calls::{AskCalls, Found, InCall, Unheard};
use crate::ipc::Held;
use crate::schedule::{self, state::Quiet};

/// How often the call that holds a reminder is checked again.
pub const RECHECK: TimeDelta = TimeDelta::minutes(1);

/// The daemon's side of the calls source.
#[derive(Default)]
pub(super) struct Calls {
    /// The source (none: never asked, never held).
    source: Option<Box<dyn AskCalls>>,
    /// An ask is under way; the reminder due waits for its answer.
    pub(super) asking: bool,
    /// Set only while the answer "no call" fires the reminder that waited for it.
    clear: bool,
    /// The call that holds reminders, and since when.
    held: Option<(InCall, DateTime<Utc>)>,
    /// When to check that call again.
    pub(super) check_at: Option<DateTime<Utc>>,
    /// Whether PipeWire answered the last ask (`None` before the first), so that a change is
    /// logged once.
    heard: Option<bool>,
}

/// When the call that has held reminders since `since` is checked next, as of `now`: in
/// [`RECHECK`], or when the hold reaches `max` if that is sooner (then it is dropped).
pub fn next_check(since: DateTime<Utc>, now: DateTime<Utc>, max: Duration) -> DateTime<Utc> {
    let recheck = now + RECHECK;
    crate::schedule::plus(since, max).map_or(recheck, |end| end.max(now).min(recheck))
}

/// Whether a hold that began at `since` has lasted at least `max` at `now`.
pub fn too_long(since: DateTime<Utc>, now: DateTime<Utc>, max: Duration) -> bool {
    crate::schedule::plus(since, max).is_some_and(|end| now >= end)
}

impl<N: Notifier, C: Clock> Daemon<N, C> {
    /// Asks `source` whether a call is on before each reminder fires (while
    /// `presence.respect_calls` is on). Says in the log, once, when the source cannot be heard.
    #[must_use]
    pub fn with_calls(mut self, source: Box<dyn AskCalls>) -> Self {
        if self.config.presence.respect_calls {
            let heard = source.probe();
            self.calls.heard = Some(heard.is_ok());
            if let Err(e) = heard {
                unheard(&e);
            }
        }
        self.calls.source = Some(source);
        self
    }

    /// Before the reminder due fires: whether it waits for an answer about calls (an ask goes
    /// out now, unless one is under way). Not asked again while the reminder waits for a pause
    /// in typing: that wait began after the calls were asked, and lasts `lull_max` at most.
    pub(super) fn waits_for_calls(&mut self) -> bool {
        if !self.config.presence.respect_calls
            || self.calls.source.is_none()
            || self.calls.clear
            || self.lull_waiting()
        {
            return false;
        }
        if !self.calls.asking {
            self.ask_calls();
        }
        true
    }

    /// Sends an ask beside the loop.
    fn ask_calls(&mut self) {
        let Some(source) = self.calls.source.as_mut() else {
            return;
        };
        self.calls.asking = true;
        let ask = source.ask();
        self.pending
            .push(Box::pin(async move { Completion::Calls(ask.await) }));
    }

    /// The time to check the call that holds reminders has come: it is asked again; or if it
    /// has held them for `presence.call_max_hold`, what it holds is dropped; or if nothing would
    /// fire once it ends (a pause without an end came meanwhile), the hold ends unasked.
    pub(super) fn check_call(&mut self) {
        self.calls.check_at = None;
        let Some((_, since)) = self.calls.held else {
            return;
        };
        let now = self.clock.now();
        if too_long(since, now, self.config.presence.call_max_hold) {
            self.drop_call(now);
        } else if schedule::held_back(&self.config, &self.state, now, self.clock.zone()).is_none() {
            debug!("calls: nothing waits for the call to end; no more checks");
            self.release_call(now);
        } else if !self.calls.asking {
            self.ask_calls();
        }
    }

    /// An ask ended with `found`.
    pub(super) fn calls_answered(&mut self, found: Found) {
        self.calls.asking = false;
        self.heard(&found);
        let now = self.clock.now();
        if !self.config.presence.respect_calls {
            self.release_call(now);
            return;
        }
        let max = self.config.presence.call_max_hold;
        match (found.call, self.calls.held.take()) {
            (Some(call), None) => {
                info!(reason = ?Quiet::Call, on = true, capture = ?call.capture, app = %call.app, "hold");
                schedule::set_quiet(&self.config, &mut self.state, Quiet::Call, true, now);
                self.calls.check_at = Some(next_check(now, now, max));
                self.calls.held = Some((call, now));
            }
            (Some(call), Some((_, since))) => {
                debug!(capture = ?call.capture, app = %call.app, "calls: still in a call");
                self.calls.check_at = Some(next_check(since, now, max));
                self.calls.held = Some((call, since));
            }
            (None, Some(held)) => {
                self.calls.held = Some(held);
                self.release_call(now);
            }
            (None, None) => {
                // The reminder that waited for this answer fires now.
                self.calls.clear = true;
                self.fire_due();
                self.calls.clear = false;
            }
        }
    }

    /// After a reload: a hold that `presence.respect_calls` no longer wants ends, and one
    /// that a new `call_max_hold` cuts short is checked at once.
    pub(super) fn calls_reconfigured(&mut self) {
        let now = self.clock.now();
        if !self.config.presence.respect_calls {
            self.release_call(now);
        } else if let Some((_, since)) = self.calls.held {
            let max = self.config.presence.call_max_hold;
            self.calls.check_at = Some(next_check(since, now, max));
        }
    }

    /// The call that held reminders ended (or is no longer respected): held reminders fire
    /// `grace` from now.
    fn release_call(&mut self, now: DateTime<Utc>) {
        self.calls.check_at = None;
        if self.calls.held.take().is_some()
            && schedule::set_quiet(&self.config, &mut self.state, Quiet::Call, false, now)
        {
            info!(reason = ?Quiet::Call, on = false, "hold");
        }
    }

    /// The call has held reminders for `presence.call_max_hold`: what it held is dropped.
    fn drop_call(&mut self, now: DateTime<Utc>) {
        self.calls.check_at = None;
        self.calls.held = None;
        let zone = self.clock.zone();
        if schedule::drop_held(&self.config, &mut self.state, Quiet::Call, now, zone) {
            info!(
                "a call has held reminders for {} (presence.call_max_hold): what it held is dropped, not shown stale; interval reminders count from now",
                crate::config::human(self.config.presence.call_max_hold)
            );
        }
    }

    /// Logs the ask, and once, a change in whether PipeWire answers.
    fn heard(&mut self, found: &Found) {
        debug!(took = ?found.took, call = ?found.call, pipewire = ?found.pipewire, "calls: asked");
        let up = found.pipewire.is_ok();
        let before = self.calls.heard.replace(up);
        match &found.pipewire {
            Ok(()) if before == Some(false) => {
                info!("calls: PipeWire answers; its capture streams are seen again");
            }
            Err(e) if before != Some(false) => unheard(e),
            _ => {}
        }
    }

    /// Why reminders are held for a call, for `stretchd status` (`None` when no call holds
    /// them).
    pub(super) fn held_by_call(&self) -> Option<Held> {
        self.calls.held.as_ref().map(|(call, since)| Held::Call {
            capture: call.capture,
            app: call.app.clone(),
            since: *since,
        })
    }
}

/// Says that PipeWire cannot be heard: a missing PipeWire as a plain fact, a failing one as a
/// warning.
fn unheard(e: &Unheard) {
    let what = "the PipeWire calls source is off (microphones and screen casts are not seen; cameras held open in /dev/video* still are)";
    match e {
        Unheard::NoSocket(_) | Unheard::NoPwDump => info!("calls: {e}: {what}"),
        _ => warn!("calls: {e}: {what}; asked again before the next reminder"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_held_call_is_checked_each_minute_until_the_hold_is_too_long() {
        let since = t("2026-06-10T10:00:00Z");
        let two_hours = Duration::from_secs(2 * 3600);
        assert_eq!(
            next_check(since, since, two_hours),
            t("2026-06-10T10:01:00Z")
        );
        let late = t("2026-06-10T11:59:30Z");
        // Not a minute on, but when the hold reaches two hours.
        assert_eq!(
            next_check(since, late, two_hours),
            t("2026-06-10T12:00:00Z")
        );
        assert!(!too_long(since, late, two_hours));
        assert!(too_long(since, t("2026-06-10T12:00:00Z"), two_hours));
        // Past it already (a new, shorter limit after a reload): at once.
        let past = t("2026-06-10T12:30:00Z");
        assert_eq!(next_check(since, past, two_hours), past);
        assert!(too_long(since, past, two_hours));
        // A limit past the end of the calendar never ends the hold.
        let forever = Duration::from_secs(u64::MAX / 4);
        assert!(!too_long(since, past, forever));
        assert_eq!(next_check(since, past, forever), t("2026-06-10T12:31:00Z"));
    }
}
