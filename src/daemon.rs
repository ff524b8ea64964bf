//! The daemon: one loop that sleeps until the next reminder is due, shows it, and handles the
//! answers, reloads and shutdown. It owns the config and the state; everything else (signals,
//! the notification server) sends it [`Input`]s over one channel.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use chrono::{DateTime, Local, Utc};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc;
use tracing::{debug, error, info, warn};

use crate::config::{Config, Origin};
use crate::notify::{Action, DbusNotifier, Event, Notice, Notifier};
use crate::schedule::{self, Fire};
use crate::state::{Snooze, State};

/// Something for the daemon loop to handle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// The notification server reported an answer.
    Notification(Event),
    /// Re-read the config (SIGHUP).
    Reload,
    /// Stop (SIGTERM, SIGINT).
    Shutdown,
}

/// The source of wall-clock time. The loop reads it once per wakeup and hands it to the pure
/// schedule; tests use a clock that moves with tokio's paused time.
pub trait Clock {
    /// The current wall-clock time.
    fn now(&self) -> DateTime<Utc>;
}

/// The system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A notification on screen that has not been answered.
#[derive(Debug)]
struct Shown {
    id: u32,
    fire: Fire,
}

/// The daemon loop and everything it owns.
pub struct Daemon<N, C> {
    config: Config,
    config_path: Option<PathBuf>,
    state: State,
    notifier: N,
    clock: C,
    shown: Option<Shown>,
    server_missing: bool,
}

impl<N: Notifier, C: Clock> Daemon<N, C> {
    /// A daemon with fresh state; `config_path` is what a reload reads (`None`: the user's
    /// default path, falling back to the built-in config).
    pub fn new(config: Config, config_path: Option<PathBuf>, notifier: N, clock: C) -> Self {
        let state = State::new(clock.now());
        Daemon {
            config,
            config_path,
            state,
            notifier,
            clock,
            shown: None,
            server_missing: false,
        }
    }

    /// Runs until [`Input::Shutdown`] arrives or every sender is gone. Between events it sleeps
    /// until the next reminder is due, recomputing that deadline after every event.
    pub async fn run(mut self, mut inputs: mpsc::Receiver<Input>) -> State {
        loop {
            let now = self.clock.now();
            let due = schedule::next_due(&self.config, &self.state, now, &Local);
            if let Some(due) = &due {
                debug!(reminder = %due.reminder, at = %due.at.with_timezone(&Local), "next reminder");
            }
            let sleep = async {
                match due {
                    Some(due) => tokio::time::sleep(until(now, due.at)).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                () = sleep => self.fire_due().await,
                input = inputs.recv() => match input {
                    None | Some(Input::Shutdown) => break,
                    Some(Input::Reload) => self.reload(),
                    Some(Input::Notification(event)) => self.answer(event),
                },
            }
        }
        self.state
    }

    /// Shows whatever is due now, replacing an unanswered notification.
    async fn fire_due(&mut self) {
        let now = self.clock.now();
        let Some(fire) = schedule::settle(&self.config, &mut self.state, now, &Local) else {
            return;
        };
        let Some(notice) = Notice::for_fire(&self.config.catalog, &fire, self.config.snooze.max)
        else {
            return;
        };
        let replaces = self.shown.take().map_or(0, |old| {
            info!(reminder = %old.fire.reminder, "unanswered reminder replaced by a new one");
            old.id
        });
        info!(reminder = %fire.reminder, item = %fire.item, title = %notice.title, "reminder");
        match self.notifier.show(&notice, replaces).await {
            Ok(id) => {
                if self.server_missing {
                    info!("notification server is back");
                    self.server_missing = false;
                }
                self.shown = Some(Shown { id, fire });
            }
            Err(e) if !self.server_missing => {
                warn!(
                    "cannot show the reminder: {e}; is a notification server (dunst, mako, GNOME Shell, ...) running? trying again at the next reminder"
                );
                self.server_missing = true;
            }
            Err(e) => debug!("still no notification server: {e}"),
        }
    }

    /// Handles an answer to the notification on screen; answers to older ones are ignored.
    fn answer(&mut self, event: Event) {
        let (id, action) = match event {
            Event::Action(id, action) => (id, Some(action)),
            Event::Closed { id, expired } => {
                if self.shown.as_ref().is_some_and(|s| s.id == id) {
                    let how = if expired { "expired" } else { "dismissed" };
                    info!(reminder = %self.shown.as_ref().map_or("", |s| s.fire.reminder.as_str()), "{how}");
                }
                (id, None)
            }
        };
        let Some(shown) = self.shown.take_if(|s| s.id == id) else {
            return;
        };
        let fire = shown.fire;
        match action {
            Some(Action::Snooze) if fire.snoozes < self.config.snooze.max => {
                let until = self.clock.now() + self.config.snooze.length;
                info!(reminder = %fire.reminder, until = %until.with_timezone(&Local), "snoozed");
                self.state.snooze = Some(Snooze {
                    reminder: fire.reminder,
                    item: fire.item,
                    until,
                    count: fire.snoozes + 1,
                });
            }
            Some(Action::Snooze) => {
                info!(reminder = %fire.reminder, "snooze limit reached; counted as skipped");
            }
            Some(Action::Done) => info!(reminder = %fire.reminder, item = %fire.item, "done"),
            Some(Action::Skip) => info!(reminder = %fire.reminder, item = %fire.item, "skipped"),
            None => {}
        }
    }

    /// Re-reads the config; an invalid one is reported and the old one keeps running.
    fn reload(&mut self) {
        match Config::load(self.config_path.as_deref()) {
            Ok(config) => {
                info!(config = %config.origin, "config reloaded");
                self.config = config;
            }
            Err(e) => error!("config not reloaded, keeping the previous one: {e}"),
        }
    }
}

/// How long to sleep from `now` until `at` (zero if it has passed).
fn until(now: DateTime<Utc>, at: DateTime<Utc>) -> Duration {
    (at - now).to_std().unwrap_or(Duration::ZERO)
}

/// `stretchd run`: loads the config, connects to the session bus, and runs the daemon until
/// SIGTERM or SIGINT; SIGHUP reloads the config. Speaks `sd_notify` (`READY=1`, `STOPPING=1`).
pub async fn serve(config_path: Option<PathBuf>) -> anyhow::Result<()> {
    let config = Config::load(config_path.as_deref())?;
    match &config.origin {
        Origin::File(path) => info!("config: {}", path.display()),
        Origin::Embedded => info!(
            "no config file at {}; running the built-in default (`stretchd check` shows it)",
            crate::paths::config_file().display()
        ),
    }
    let (tx, rx) = mpsc::channel(32);
    let signals = Signals::register()?;
    let (events_tx, mut events_rx) = mpsc::channel(32);
    let notifier = DbusNotifier::connect(events_tx)
        .await
        .context("cannot connect to the D-Bus session bus (is DBUS_SESSION_BUS_ADDRESS set? stretchd runs inside a desktop session)")?;
    let daemon = Daemon::new(config, config_path, notifier, SystemClock);
    tokio::spawn(signals.forward(tx.clone()));
    tokio::spawn(async move {
        while let Some(event) = events_rx.recv().await {
            if tx.send(Input::Notification(event)).await.is_err() {
                break;
            }
        }
    });
    if let Err(e) = sd_notify::notify(&[sd_notify::NotifyState::Ready]) {
        warn!("cannot tell systemd we are ready: {e}");
    }
    info!("stretchd is running");
    daemon.run(rx).await;
    // The notify socket may already be gone when systemd is stopping us; nothing to do then.
    let _ = sd_notify::notify(&[sd_notify::NotifyState::Stopping]);
    info!("stopped");
    Ok(())
}

/// The signals the daemon handles, registered before it reports ready.
struct Signals {
    term: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

impl Signals {
    fn register() -> anyhow::Result<Signals> {
        let register = |kind| signal(kind).context("cannot install a signal handler");
        Ok(Signals {
            term: register(SignalKind::terminate())?,
            int: register(SignalKind::interrupt())?,
            hup: register(SignalKind::hangup())?,
        })
    }

    async fn forward(mut self, tx: mpsc::Sender<Input>) {
        loop {
            let input = tokio::select! {
                _ = self.term.recv() => Input::Shutdown,
                _ = self.int.recv() => Input::Shutdown,
                _ = self.hup.recv() => Input::Reload,
            };
            if tx.send(input).await.is_err() {
                break;
            }
        }
    }
}
