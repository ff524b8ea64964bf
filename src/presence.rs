//! Presence: whether the user is at the desk, and whether now is a bad moment to interrupt.
//!
//! Each source runs on its own and reports [`PresenceEvent`]s over a channel to the daemon loop,
//! which never knows which source it has. Sources that can push (the Wayland idle protocol,
//! Mutter's idle watches, logind's signals and properties) do so; the X11 source can only be
//! asked, and the daemon asks it only when the answer matters (see [`x11`]).

use chrono::{DateTime, Utc};

/// Why the user counts as away.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Away {
    /// No input for at least the natural-break time.
    Idle,
    /// The screen is locked.
    Locked,
    /// The machine is suspended.
    Asleep,
}

/// Why reminders are held back although the user is here.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Quiet {
    /// The notification server is in do-not-disturb mode.
    DoNotDisturb,
    /// A full-screen window has the focus (a presentation, a video, a game).
    Fullscreen,
}

/// What a presence source reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresenceEvent {
    /// The user went away at `since` (for idle: the time of the last input).
    Away {
        /// Why.
        reason: Away,
        /// Since when.
        since: DateTime<Utc>,
    },
    /// The condition that made the user away ended at `at`.
    Back {
        /// Which condition.
        reason: Away,
        /// When it ended.
        at: DateTime<Utc>,
    },
    /// A reason to hold reminders back started (`on`) or ended.
    Quiet {
        /// Which reason.
        reason: Quiet,
        /// Whether it is in force now.
        on: bool,
    },
    /// The wall clock jumped (manual change, NTP step): deadlines must be re-derived.
    ClockChanged,
}

pub mod clock;
mod dbus;
pub mod dnd;
pub mod logind;
pub mod mutter;
pub mod screensaver;
pub mod wayland;
pub mod x11;

use std::time::Duration;

/// An idle source that can only be asked how long the user has been idle (X11), rather than
/// telling by itself.
pub trait AskIdle {
    /// The source's name, for `stretchd status`.
    fn name(&self) -> &'static str;
    /// Time since the last input.
    fn idle_time(&mut self) -> Result<Duration, String>;
}

/// Starts every presence source that works in this session: the clock-jump watch, logind
/// (suspend and lock), the screen saver's lock signal, do-not-disturb and full-screen watches as
/// the config asks, and one idle source (the configured one, or with `auto` the first that works
/// of Wayland, Mutter, X11 and logind). Sources that are not there are logged and skipped.
/// Returns the idle source's name and, for one that must be asked (X11), the source itself.
pub async fn start(
    config: &crate::config::PresenceConfig,
    events: &tokio::sync::mpsc::Sender<PresenceEvent>,
) -> (&'static str, Option<Box<dyn AskIdle>>) {
    use crate::config::IdleSource;
    use tracing::{debug, info, warn};

    let skipped = |what: &str, why: String| debug!("{what}: not used ({why})");
    if let Err(e) = clock::start(events.clone()) {
        warn!("cannot watch for wall-clock jumps: {e}");
    }
    // One session-bus connection serves every session-bus source.
    let session = dbus::session_bus().await;
    let on_session = |conn: &Result<zbus::Connection, String>| conn.clone();
    if let Err(e) =
        async { screensaver::start_on(on_session(&session)?, events.clone()).await }.await
    {
        skipped("org.freedesktop.ScreenSaver", e);
    }
    if config.respect_dnd {
        if let Err(e) = async { dnd::start_on(on_session(&session)?, events.clone()).await }.await {
            skipped("do-not-disturb watch", e);
        }
    }
    if config.respect_fullscreen {
        if let Err(e) = x11::watch_fullscreen(events.clone()) {
            skipped("full-screen watch", e);
        }
    }

    let candidates: &[IdleSource] = match config.idle_source {
        IdleSource::Auto => &[
            IdleSource::Wayland,
            IdleSource::Mutter,
            IdleSource::X11,
            IdleSource::Logind,
        ],
        IdleSource::None => &[],
        ref one => std::slice::from_ref(one),
    };
    let nb = config.natural_break;
    let mut chosen: (&'static str, Option<Box<dyn AskIdle>>) = ("none", None);
    for source in candidates {
        let result = match source {
            IdleSource::Wayland => wayland::start(events.clone(), nb).map(|()| None),
            IdleSource::Mutter => {
                async { mutter::start_on(on_session(&session)?, events.clone(), nb).await }
                    .await
                    .map(|()| None)
            }
            IdleSource::X11 => {
                x11::X11Idle::connect().map(|x| Some(Box::new(x) as Box<dyn AskIdle>))
            }
            // logind reports idleness through the same connection as suspend and lock below.
            IdleSource::Logind => Ok(None),
            IdleSource::Auto | IdleSource::None => continue,
        };
        match result {
            Ok(asked) => {
                chosen = (source.as_str(), asked);
                break;
            }
            Err(e) if config.idle_source == IdleSource::Auto => skipped(source.as_str(), e),
            Err(e) => warn!(
                "idle source {}: {e}; idle detection is off",
                source.as_str()
            ),
        }
    }
    let logind_idle = chosen.0 == "logind";
    if let Err(e) = logind::start(events.clone(), logind_idle).await {
        if logind_idle {
            warn!("idle source logind: {e}; idle detection is off");
            chosen = ("none", None);
        } else {
            skipped("logind (suspend and lock)", e);
        }
    }
    info!("idle source: {}", chosen.0);
    chosen
}
