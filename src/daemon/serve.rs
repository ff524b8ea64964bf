//! `stretchd run`: wires the real world to the daemon loop: config, state and history on disk,
//! the control socket, the config watch, signals, the session bus, and systemd's notify socket.

use std::path::PathBuf;

use anyhow::Context as _;
use chrono::Utc;
use tokio::signal::unix::{Signal, SignalKind, signal};
use tokio::sync::mpsc;
use tracing::{info, warn};

use super::{Daemon, Ending, Input, SystemClock};
use crate::config::{Config, Origin};
use crate::daemon::control::ControlSocket;
use crate::daemon::notify::{DbusNotifier, Event};
use crate::store::Store;
use crate::store::history::{self, History};

/// Runs the daemon until SIGTERM or SIGINT; SIGHUP, `stretchd reload` and saving the config
/// file reload it. Speaks `sd_notify` (`READY=1`, `STOPPING=1`). If the session bus goes away,
/// it stops too (with its state saved) and returns an error, so that the process exits with
/// status 1 and systemd restarts it.
pub async fn serve(config_path: Option<PathBuf>) -> anyhow::Result<()> {
    let config = Config::load(config_path.as_deref())?;
    let watched = match &config.origin {
        Origin::File(path) => {
            info!("config: {}", path.display());
            path.clone()
        }
        Origin::Embedded => {
            let path = crate::store::paths::config_file();
            info!(
                "no config file at {}; running the built-in default (`stretchd check` shows it)",
                path.display()
            );
            path
        }
    };
    let socket_path = crate::store::paths::control_socket();
    let socket = ControlSocket::bind(&socket_path)?;
    let state_dir = crate::store::paths::state_dir();
    let store = Store::new(&state_dir);
    let state = store.load(Utc::now());
    let history_path = crate::store::history::default_path();
    // Only the last days count (this week's progress); older entries are not kept.
    let recent_start = Utc::now() - chrono::Duration::days(8);
    let log = history::read_where(&history_path, |e| e.time >= recent_start).unwrap_or_else(|e| {
        warn!(
            "cannot read {}: {e}; this week's progress starts at zero (make it a readable regular file, or move it away)",
            history_path.display()
        );
        history::Log::default()
    });
    if !log.skipped.is_empty() {
        warn!(
            "{}: ignored {} (a crash can tear the last line)",
            history_path.display(),
            log.skipped
        );
    }
    // Reminders matter more than their record: without a writable history they still fire,
    // and the daemon tries to open it again at the next answer.
    let history = History::open(history_path.clone()).map_err(|e| {
        warn!(
            "cannot open {} for appending: {e}; answers are not recorded until it can be opened (make it a writable regular file, or move it away)",
            history_path.display()
        );
        history_path.clone()
    });

    let (tx, rx) = mpsc::channel(64);
    let signals = Signals::register()?;
    let (events_tx, events_rx) = mpsc::channel(32);
    let notifier = DbusNotifier::connect(events_tx).await.context(
        "cannot connect to the D-Bus session bus (is DBUS_SESSION_BUS_ADDRESS set? stretchd runs inside a desktop session)",
    )?;
    // The watch task sends on a channel of its own; one queued change is enough.
    let (changes_tx, changes_rx) = mpsc::channel(1);
    let _watch = match crate::daemon::watch::watch(&watched, changes_tx) {
        Ok(watch) => Some(watch),
        Err(e) => {
            warn!(
                "not watching {} for changes ({e}); use `stretchd reload` after editing",
                watched.display()
            );
            None
        }
    };
    let recent = log.entries;
    let (presence_tx, presence_rx) = mpsc::channel(32);
    let (idle_source, asked) = crate::daemon::presence::start(&config.presence, &presence_tx).await;
    drop(presence_tx);
    let mut daemon = Daemon::new(config, config_path, notifier, SystemClock)
        .persist(store, state, history, &recent)
        .with_idle_source(idle_source, asked);
    // Pictures are a nicety: without a writable data dir the reminders come as text alone.
    let images = crate::store::assets::images_dir();
    match crate::store::assets::install_images(&images) {
        Ok(()) => daemon = daemon.with_images(images),
        Err(e) => warn!("cannot write the stretch pictures ({e}); reminders come without them"),
    }
    tokio::spawn(signals.forward(tx.clone()));
    let (calls_tx, calls_rx) = mpsc::channel(8);
    tokio::spawn(socket.serve(calls_tx));
    tokio::spawn(forward(calls_rx, tx.clone(), Input::from));
    tokio::spawn(forward(changes_rx, tx.clone(), |_| Input::ConfigChanged));
    tokio::spawn(forward(presence_rx, tx.clone(), Input::Presence));
    tokio::spawn(forward_notifications(events_rx, tx));
    if let Err(e) = sd_notify::notify(&[sd_notify::NotifyState::Ready]) {
        warn!("cannot tell systemd we are ready: {e}");
    }
    info!(
        "stretchd is running; control socket {}",
        socket_path.display()
    );
    let stopped = daemon.run(rx).await;
    // The notify socket may already be gone when systemd is stopping us; nothing to do then.
    let _ = sd_notify::notify(&[sd_notify::NotifyState::Stopping]);
    // Without the session bus no reminder can be shown, and the session it belonged to may be
    // over: exit with a failure rather than run deaf. The state is saved; systemd's
    // `Restart=on-failure` starts stretchd again, on the session's new bus if there is one.
    if stopped.ending == Ending::BusLost {
        anyhow::bail!("lost the D-Bus session bus; exiting so that systemd restarts stretchd");
    }
    info!("stopped");
    Ok(())
}

/// Passes the notification server's answers on to the daemon loop. The notifier's channel
/// closes when its session-bus connection does (see [`DbusNotifier::connect`]): then this
/// tells the daemon that the bus is lost, which stops it.
async fn forward_notifications(mut events: mpsc::Receiver<Event>, tx: mpsc::Sender<Input>) {
    while let Some(event) = events.recv().await {
        if tx.send(Input::Notification(event)).await.is_err() {
            // The daemon stopped first.
            return;
        }
    }
    let _ = tx.send(Input::BusLost).await;
}

/// Passes a source's messages on to the daemon loop until either side goes away.
async fn forward<T>(mut rx: mpsc::Receiver<T>, tx: mpsc::Sender<Input>, wrap: fn(T) -> Input) {
    while let Some(message) = rx.recv().await {
        if tx.send(wrap(message)).await.is_err() {
            break;
        }
    }
}

/// The signals the daemon handles, registered before it reports ready.
struct Signals {
    term: Signal,
    int: Signal,
    hup: Signal,
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
