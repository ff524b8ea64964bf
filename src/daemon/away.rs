//! How the daemon follows the user's presence: away (idle, locked, asleep) and quiet times (do
//! not disturb, full screen), from pushed events or, for the X11 source, by asking when the
//! answer matters. Calls, which are always asked, are `call_hold`'s.

use tracing::{debug, info, warn};

use super::{Clock, Daemon};
use crate::daemon::notify::Notifier;
use crate::daemon::presence::{self, Away, PresenceEvent, Quiet};
use crate::ipc::Held;
use crate::schedule;

impl<N: Notifier, C: Clock> Daemon<N, C> {
    /// Applies an event from a presence source.
    pub(super) fn presence(&mut self, event: PresenceEvent) {
        let now = self.clock.now();
        match event {
            PresenceEvent::Away { reason, since } => {
                info!(?reason, since = %since.with_timezone(self.clock.zone()), "away");
                schedule::went_away(&mut self.state, reason, since);
            }
            PresenceEvent::Back { reason, at } => {
                let zone = self.clock.zone();
                if !schedule::came_back(&self.config, &mut self.state, reason, at, zone) {
                    return;
                }
                info!(?reason, "back");
                // Re-ask from the return: a new natural break can only end a full one later.
                if !self.state.presence.is_away() && self.asked.is_some() {
                    self.ask_at = Some(now + self.config.presence.natural_break);
                }
            }
            PresenceEvent::Quiet { reason, on } => {
                let respected = match reason {
                    Quiet::DoNotDisturb => self.config.presence.respect_dnd,
                    Quiet::Fullscreen => self.config.presence.respect_fullscreen,
                    Quiet::Call => self.config.presence.respect_calls,
                };
                let on = on && respected;
                if schedule::set_quiet(&self.config, &mut self.state, reason, on, now) {
                    info!(?reason, on, "hold");
                }
            }
            PresenceEvent::ClockChanged => {
                info!("the wall clock jumped; deadlines re-derived");
            }
            PresenceEvent::Lull { watch, reached } => self.lull_seen(watch, reached),
        }
    }

    /// Asks the asked idle source (if any) and turns its answer into away/back; returns the
    /// time since the last input (`None` without a source, or when the question failed).
    /// Schedules the next ask.
    pub(super) fn ask_idle(&mut self) -> Option<std::time::Duration> {
        let now = self.clock.now();
        let natural_break = self.config.presence.natural_break;
        let source = self.asked.as_mut()?;
        let idle = match source.idle_time() {
            Ok(idle) => idle,
            Err(e) => {
                warn!(
                    "{}: cannot read the idle time: {e}; idle detection is off",
                    source.name()
                );
                self.asked = None;
                self.ask_at = None;
                return None;
            }
        };
        let last_input = now - idle;
        debug!(idle = ?idle, "asked the idle time");
        match self.state.presence.away_since(Away::Idle) {
            None if idle >= natural_break => self.presence(PresenceEvent::Away {
                reason: Away::Idle,
                since: last_input,
            }),
            Some(since) if last_input > since => self.presence(PresenceEvent::Back {
                reason: Away::Idle,
                at: last_input,
            }),
            _ => {}
        }
        let away = self.state.presence.away_since(Away::Idle).is_some();
        self.ask_at = Some(now + presence::x11::next_ask(idle, natural_break, away));
        Some(idle)
    }

    /// Whether the notification server is in do-not-disturb mode (and `presence.respect_dnd`
    /// takes it into account): what it is sent now, it files without showing.
    pub(super) fn do_not_disturb(&self) -> bool {
        self.state
            .presence
            .quiet()
            .any(|q| q == Quiet::DoNotDisturb)
    }

    /// Why reminders are held back right now, for `stretchd status`.
    pub(super) fn held(&self) -> Option<Held> {
        let presence = &self.state.presence;
        if let Some((reason, since)) = presence.away().min_by_key(|(_, since)| *since) {
            return Some(match reason {
                Away::Idle => Held::Idle { since },
                Away::Locked => Held::Locked { since },
                Away::Asleep => Held::Asleep { since },
            });
        }
        if let Some(reason) = presence.quiet().next() {
            return match reason {
                Quiet::DoNotDisturb => Some(Held::DoNotDisturb),
                Quiet::Fullscreen => Some(Held::Fullscreen),
                Quiet::Call => self.held_by_call(),
            };
        }
        // A grace that has run out holds nothing (the mark stays until the next fire).
        let now = self.clock.now();
        presence
            .hold_until()
            .filter(|until| *until > now)
            .map(|until| Held::Grace { until })
    }
}
