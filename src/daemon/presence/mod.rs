//! Presence: whether the user is at the desk, and whether now is a bad moment to interrupt.
//!
//! Each source runs on its own and reports [`PresenceEvent`]s over a channel to the daemon loop,
//! which never knows which source it has. Sources that can push (the Wayland idle protocol,
//! Mutter's idle watches, logind's signals and properties) do so; the X11 source can only be
//! asked, and the daemon asks it only when the answer matters (see [`x11`]).

use chrono::{DateTime, Utc};

// The schedule keeps which reasons are in force (`schedule::state::Presence`).
pub use crate::schedule::state::{Away, Quiet};

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
    /// What lull watch number `watch` ([`WatchLull::arm`]) saw: no input for its lull
    /// (`reached`), or input again after one (Wayland's `resumed`).
    Lull {
        /// Which watch.
        watch: u32,
        /// Whether the user has been idle for the lull now.
        reached: bool,
    },
}

pub mod calls;
pub mod clock;
pub(super) mod dbus;
pub mod dnd;
pub mod logind;
pub mod mutter;
pub mod screensaver;
pub mod wayland;
pub mod x11;

use std::time::Duration;

use crate::config::IdleSource;

pub use dbus::{Bus, BusError};

/// Why an asked idle source gave no idle time.
#[derive(Debug, thiserror::Error)]
pub enum AskError {
    /// The X server failed.
    #[error(transparent)]
    X11(#[from] x11::Error),
    /// The thread that serves the source is gone ([`OnThread`]).
    #[error("the idle source's thread ended")]
    ThreadEnded,
}

/// Why a source was not started: its own error, whichever source it is.
#[derive(Debug, thiserror::Error)]
enum NotStarted {
    #[error(transparent)]
    Bus(#[from] BusError),
    #[error(transparent)]
    Wayland(#[from] wayland::Error),
    #[error(transparent)]
    X11(#[from] x11::Error),
}

/// An idle source that can only be asked how long the user has been idle (X11), rather than
/// telling by itself.
pub trait AskIdle {
    /// The source's name, for `stretchd status`.
    fn name(&self) -> &'static str;
    /// Time since the last input.
    fn idle_time(&mut self) -> Result<Duration, AskError>;
}

/// An idle source that can watch for a short pause in input when asked to (Wayland, Mutter),
/// for a reminder that falls due while the user is typing. At most one watch is armed at a
/// time; it costs nothing while none is.
pub trait WatchLull {
    /// How long before a reminder is due the watch must be armed, so that at the due time it
    /// can already tell whether the user has been idle for `lull`: a little more than `lull`
    /// for a source that counts idle time from the watch's creation (Wayland), zero for one
    /// that knows the time since the last input (Mutter).
    fn lead(&self, lull: Duration) -> Duration;
    /// Arms watch number `watch`, ending any other: the source reports
    /// [`PresenceEvent::Lull`] with that number each time the user has been idle for `lull`
    /// (and, if it can tell, when input comes again), until [`WatchLull::disarm`]. A watch that
    /// cannot be made reports `reached` at once, so that nothing waits on it.
    fn arm(&mut self, watch: u32, lull: Duration);
    /// Ends the armed watch, if any.
    fn disarm(&mut self);
}

/// The task of the lull watch armed last ([`WatchLull`]), told to end when the next is armed or
/// the watch is disarmed.
#[derive(Debug, Default)]
pub struct Armed(Option<tokio::sync::oneshot::Sender<()>>);

impl Armed {
    /// Ends the task armed before; the new one ends when the returned signal comes.
    pub fn rearm(&mut self) -> tokio::sync::oneshot::Receiver<()> {
        let (stop, stopped) = tokio::sync::oneshot::channel();
        self.0 = Some(stop);
        stopped
    }

    /// Ends the task armed last, if any.
    pub fn end(&mut self) {
        self.0 = None;
    }
}

/// The longest the daemon loop waits for an asked idle source ([`OnThread`]).
pub const ASK_TIMEOUT: Duration = Duration::from_secs(1);

/// An asked idle source served on a thread of its own, so that a display server that stops
/// answering holds the daemon loop for at most [`ASK_TIMEOUT`]: an answer that does not come in
/// time counts as "active" (the reminder goes ahead), and the next ask waits for the same
/// outstanding answer rather than piling up questions.
pub struct OnThread {
    name: &'static str,
    ask: std::sync::mpsc::Sender<()>,
    answers: std::sync::mpsc::Receiver<Result<Duration, AskError>>,
    /// A question is out and its answer not read yet.
    waiting: bool,
}

impl OnThread {
    /// Moves `source` to a new thread that answers each ask.
    pub fn spawn<A: AskIdle + Send + 'static>(mut source: A) -> std::io::Result<OnThread> {
        let name = source.name();
        let (ask, asks) = std::sync::mpsc::channel::<()>();
        let (answer, answers) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name(format!("{name}-idle"))
            .spawn(move || {
                while asks.recv().is_ok() {
                    if answer.send(source.idle_time()).is_err() {
                        break;
                    }
                }
            })?;
        Ok(OnThread {
            name,
            ask,
            answers,
            waiting: false,
        })
    }
}

impl AskIdle for OnThread {
    fn name(&self) -> &'static str {
        self.name
    }

    fn idle_time(&mut self) -> Result<Duration, AskError> {
        use std::sync::mpsc::RecvTimeoutError;
        if !self.waiting {
            self.ask.send(()).map_err(|_| AskError::ThreadEnded)?;
            self.waiting = true;
        }
        match self.answers.recv_timeout(ASK_TIMEOUT) {
            Ok(answer) => {
                self.waiting = false;
                answer
            }
            Err(RecvTimeoutError::Timeout) => {
                tracing::warn!(
                    "{}: no answer within {ASK_TIMEOUT:?}; counting the user as present",
                    self.name
                );
                Ok(Duration::ZERO)
            }
            Err(RecvTimeoutError::Disconnected) => Err(AskError::ThreadEnded),
        }
    }
}

/// The idle source in use, as [`start`] found it.
pub struct Idle {
    /// Which ([`IdleSource::None`] when none works).
    pub source: IdleSource,
    /// The source itself, when it must be asked (X11).
    pub asked: Option<Box<dyn AskIdle>>,
    /// Its watch for a pause in typing, when it has one (Wayland, Mutter).
    pub lull: Option<Box<dyn WatchLull>>,
}

impl Idle {
    /// No idle source.
    fn none() -> Idle {
        Idle {
            source: IdleSource::None,
            asked: None,
            lull: None,
        }
    }
}

/// Starts every presence source that works in this session: the clock-jump watch, logind
/// (suspend and lock), the screen saver's lock signal, do-not-disturb and full-screen watches as
/// the config asks, and one idle source (the configured one, or with `auto` the first that works
/// of Wayland, Mutter, X11 and logind). Sources that are not there are logged and skipped.
/// Returns the idle source in use.
pub async fn start(
    config: &crate::config::PresenceConfig,
    events: &tokio::sync::mpsc::Sender<PresenceEvent>,
) -> Idle {
    use tracing::{debug, info, warn};

    let skipped = |what: &str, why: &dyn std::fmt::Display| debug!("{what}: not used ({why})");
    if let Err(e) = clock::start(events.clone()) {
        warn!("cannot watch for wall-clock jumps: {e}");
    }
    // One session-bus connection serves every session-bus source.
    let session = dbus::connect(Bus::Session).await;
    if let Err(e) = async { screensaver::start_on(session.clone()?, events.clone()).await }.await {
        skipped("org.freedesktop.ScreenSaver", &e);
    }
    if config.respect_dnd
        && let Err(e) = async { dnd::start_on(session.clone()?, events.clone()).await }.await
    {
        skipped("do-not-disturb watch", &e);
    }
    if config.respect_fullscreen
        && let Err(e) = x11::watch_fullscreen(events.clone())
    {
        skipped("full-screen watch", &e);
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
    let mut chosen = Idle::none();
    for source in candidates {
        match start_idle(*source, &session, events, config.natural_break).await {
            Ok(idle) => {
                chosen = idle;
                break;
            }
            Err(e) if config.idle_source == IdleSource::Auto => skipped(source.as_str(), &e),
            Err(e) => warn!(
                "idle source {}: {e}; idle detection is off",
                source.as_str()
            ),
        }
    }
    let logind_idle = chosen.source == IdleSource::Logind;
    if let Err(e) = logind::start(events.clone(), logind_idle).await {
        if logind_idle {
            warn!("idle source logind: {e}; idle detection is off");
            chosen = Idle::none();
        } else {
            skipped("logind (suspend and lock)", &e);
        }
    }
    info!("idle source: {}", chosen.source.as_str());
    chosen
}

/// Starts the idle source `source`; returns it with what the daemon asks of it.
async fn start_idle(
    source: IdleSource,
    session: &Result<zbus::Connection, BusError>,
    events: &tokio::sync::mpsc::Sender<PresenceEvent>,
    natural_break: Duration,
) -> Result<Idle, NotStarted> {
    let mut idle = Idle {
        source,
        ..Idle::none()
    };
    match source {
        IdleSource::Wayland => {
            let lull = wayland::start(events.clone(), natural_break).await?;
            idle.lull = Some(Box::new(lull));
        }
        IdleSource::Mutter => {
            let lull = mutter::start_on(session.clone()?, events.clone(), natural_break).await?;
            idle.lull = Some(Box::new(lull));
        }
        IdleSource::X11 => {
            let asked =
                OnThread::spawn(x11::X11Idle::connect()?).map_err(|cause| x11::Error::Thread {
                    what: "idle",
                    cause,
                })?;
            idle.asked = Some(Box::new(asked));
        }
        // logind reports idleness through the connection [`start`] makes for suspend and lock,
        // and has no notion of a short pause; `auto` and `none` are never candidates.
        IdleSource::Logind | IdleSource::Auto | IdleSource::None => {}
    }
    Ok(idle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers the first ask, then never again (a display server that stopped).
    struct Stops {
        asked: u32,
        hang: std::sync::mpsc::Receiver<()>,
    }

    impl AskIdle for Stops {
        fn name(&self) -> &'static str {
            "stops"
        }

        fn idle_time(&mut self) -> Result<Duration, AskError> {
            self.asked += 1;
            if self.asked > 1 {
                let _ = self.hang.recv();
            }
            Ok(Duration::from_secs(7))
        }
    }

    #[test]
    fn a_source_that_stops_answering_holds_the_asker_for_at_most_the_timeout() {
        let (_keep, hang) = std::sync::mpsc::channel();
        let mut source = OnThread::spawn(Stops { asked: 0, hang }).unwrap();
        assert_eq!(source.name(), "stops");
        assert_eq!(source.idle_time().ok(), Some(Duration::from_secs(7)));
        // Stuck: counted as present, twice, without a second question piling up.
        assert_eq!(source.idle_time().ok(), Some(Duration::ZERO));
        assert_eq!(source.idle_time().ok(), Some(Duration::ZERO));
        assert!(source.waiting);
    }
}
