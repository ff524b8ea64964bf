//! `stretchd run`. [`run`] is the daemon: it takes everything it runs on as [`Deps`] (the bound
//! control socket, the notifier, the clock, the config, what is kept on disk, the presence
//! sources and a shutdown future), so tests start it in process with fakes. [`serve`] gathers
//! the real ones from the environment (config, state and history on disk, the control socket,
//! the config watch, signals, the session bus, systemd's notify socket) and calls it.

use std::future::Future;
use std::path::PathBuf;

use anyhow::Context as _;
use chrono::Utc;
use tokio::signal::unix::{Signal, SignalKind, signal};
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tracing::{info, warn};

use super::{Clock, Daemon, Ending, Input, Stopped, Stored, SystemClock};
use crate::config::{Config, IdleSource, Origin};
use crate::daemon::control::ControlSocket;
use crate::daemon::notify::{DbusNotifier, Event, Notifier};
use crate::daemon::presence::calls::{AskCalls, PipeWire};
use crate::daemon::presence::{AskIdle, PresenceEvent, WatchLull};
use crate::daemon::watch::{Changed, Watch};
use crate::store::Store;
use crate::store::history::{self, History};

/// What the presence sources feed the daemon.
pub struct PresenceFeed {
    /// Their reports.
    pub events: mpsc::Receiver<PresenceEvent>,
    /// The idle source in use, for `stretchd status`.
    pub idle_source: IdleSource,
    /// The idle source to ask, when it cannot tell by itself (X11).
    pub asked: Option<Box<dyn AskIdle>>,
    /// The idle source's watch for a pause in typing, when it has one (Wayland, Mutter).
    pub lull: Option<Box<dyn WatchLull>>,
    /// The source to ask whether a call is on, before a reminder fires.
    pub calls: Option<Box<dyn AskCalls>>,
}

/// Everything [`run`] runs on.
pub struct Deps<N, C, S> {
    /// The config to start with.
    pub config: Config,
    /// What a reload reads (`None`: the user's default path, falling back to the built-in
    /// config).
    pub config_path: Option<PathBuf>,
    /// The control socket, bound and listening.
    pub socket: ControlSocket,
    /// Shows the reminders.
    pub notifier: N,
    /// The notification server's answers. When this closes the session bus is lost, and the
    /// daemon stops with [`Ending::BusLost`].
    pub notifications: mpsc::Receiver<Event>,
    /// Wall-clock time and the user's time zone.
    pub clock: C,
    /// The state file and the history, opened.
    pub stored: Stored,
    /// Away and quiet reports, and the idle source.
    pub presence: PresenceFeed,
    /// Re-read the config now (SIGHUP).
    pub reloads: mpsc::Receiver<()>,
    /// The config file changed on disk.
    pub config_changes: mpsc::Receiver<Changed>,
    /// Where the stretch illustrations are, if they could be written.
    pub images: Option<PathBuf>,
    /// The session-bus connection to serve the tray icon on, if any (see
    /// [`crate::daemon::tray`]).
    pub tray: Option<zbus::Connection>,
    /// Resolves when the daemon is to stop (SIGTERM, SIGINT).
    pub shutdown: S,
    /// The language of the environment ([`crate::i18n::Lang::of_process`] for the real
    /// daemon), spoken unless `[ui] language` names another.
    pub language: crate::i18n::Lang,
}

/// Runs the daemon on `deps` until `shutdown` resolves or the session bus is lost (its
/// notifications channel closes); returns the final state (saved) and why it ended. The
/// control socket is served until then, and closed (its file removed) before this returns.
pub async fn run<N, C, S>(deps: Deps<N, C, S>) -> Stopped
where
    N: Notifier,
    C: Clock,
    S: Future<Output = ()> + Send + 'static,
{
    let Deps {
        config,
        config_path,
        socket,
        notifier,
        notifications,
        clock,
        stored,
        presence,
        reloads,
        config_changes,
        images,
        tray,
        shutdown,
        language,
    } = deps;
    let mut daemon = Daemon::new(config, config_path, notifier, clock)
        .with_language(language)
        .persist(stored)
        .with_idle_source(presence.idle_source, presence.asked)
        .with_lull_watch(presence.lull);
    if let Some(calls) = presence.calls {
        daemon = daemon.with_calls(calls);
    }
    if let Some(images) = images {
        daemon = daemon.with_images(images);
    }
    let (tx, rx) = mpsc::channel(64);
    let mut feeds = JoinSet::new();
    let (calls_tx, calls_rx) = mpsc::channel(8);
    feeds.spawn(socket.serve(calls_tx));
    feeds.spawn(forward(calls_rx, tx.clone(), Input::from));
    feeds.spawn(forward(reloads, tx.clone(), |()| Input::Reload));
    feeds.spawn(forward(config_changes, tx.clone(), |_| {
        Input::ConfigChanged
    }));
    feeds.spawn(forward(presence.events, tx.clone(), Input::Presence));
    feeds.spawn(forward_notifications(notifications, tx.clone()));
    if let Some(conn) = tray {
        let (shown, _) = tokio::sync::watch::channel(None);
        feeds.spawn(crate::daemon::tray::host::run(
            conn,
            shown.clone(),
            tx.clone(),
        ));
        daemon = daemon.with_tray(shown);
    }
    feeds.spawn(async move {
        shutdown.await;
        let _ = tx.send(Input::Shutdown).await;
    });
    let stopped = daemon.run(rx).await;
    // Stops accepting and drops the socket, which removes its file.
    feeds.shutdown().await;
    stopped
}

/// Runs the daemon until SIGTERM or SIGINT; SIGHUP, `stretchd reload` and saving the config
/// file reload it. Speaks `sd_notify` (`READY=1`, `STOPPING=1`). If the session bus goes away,
/// it stops too (with its state saved) and returns an error, so that the process exits with
/// status 1 and systemd restarts it.
pub async fn serve(config_path: Option<PathBuf>) -> anyhow::Result<()> {
    let config = Config::load(config_path.as_deref())?;
    for warning in &config.warnings {
        warn!("{warning}");
    }
    let watched = watched_path(&config);
    let socket_path = crate::store::paths::control_socket();
    let socket = ControlSocket::bind(&socket_path)?;
    let stored = open_stored();
    let (shutdown, reloads) = signals()?;
    let (events_tx, notifications) = mpsc::channel(32);
    let notifier = DbusNotifier::connect(events_tx).await.context(
        "cannot connect to the D-Bus session bus (is DBUS_SESSION_BUS_ADDRESS set? stretchd runs inside a desktop session)",
    )?;
    let tray = notifier.connection().clone();
    let (_watch, config_changes) = watch_config(&watched);
    let (presence_tx, events) = mpsc::channel(32);
    let idle = crate::daemon::presence::start(&config.presence, &presence_tx).await;
    drop(presence_tx);
    let deps = Deps {
        config,
        config_path,
        socket,
        notifier,
        notifications,
        clock: SystemClock,
        stored,
        presence: PresenceFeed {
            events,
            idle_source: idle.source,
            asked: idle.asked,
            lull: idle.lull,
            calls: Some(Box::new(PipeWire)),
        },
        reloads,
        config_changes,
        images: install_images(),
        tray: Some(tray),
        shutdown,
        language: crate::i18n::Lang::of_process(),
    };
    if let Err(e) = sd_notify::notify(&[sd_notify::NotifyState::Ready]) {
        warn!("cannot tell systemd we are ready: {e}");
    }
    info!(
        "stretchd is running; control socket {}",
        socket_path.display()
    );
    let stopped = run(deps).await;
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

/// The config file to watch: the one loaded, or where the user would create one.
fn watched_path(config: &Config) -> PathBuf {
    match &config.origin {
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
    }
}

/// The state file and the history log in their usual places. Neither is fatal: an unreadable
/// state starts afresh ([`Store::load`]), an unreadable history starts this week's progress at
/// zero, and one that cannot be opened for appending is tried again at the next answer. Only
/// [`crate::stats::RECENT_DAYS`] of the history are read.
fn open_stored() -> Stored {
    let store = Store::new(&crate::store::paths::state_dir());
    let state = store.load(Utc::now());
    let history_path = crate::store::history::default_path();
    // Only the last weeks count (this week's progress, and the weeks in a row that met the goal
    // for a suggestion); older entries are not kept.
    let recent_start = Utc::now() - chrono::Duration::days(crate::stats::RECENT_DAYS);
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
        history_path
    });
    Stored {
        store,
        state,
        history,
        recent: log.entries,
    }
}

/// Watches the config file; without a watch (inotify unavailable, no directory) the channel
/// stays silent and `stretchd reload` still works. The watch lasts as long as its handle.
fn watch_config(file: &std::path::Path) -> (Option<Watch>, mpsc::Receiver<Changed>) {
    // One queued change is enough.
    let (tx, rx) = mpsc::channel(1);
    let watch = crate::daemon::watch::watch(file, tx)
        .inspect_err(|e| {
            warn!(
                "not watching {} for changes ({e}); use `stretchd reload` after editing",
                file.display()
            );
        })
        .ok();
    (watch, rx)
}

/// Writes the stretch pictures. They are a nicety: without a writable data dir the reminders
/// come as text alone.
fn install_images() -> Option<PathBuf> {
    let images = crate::store::assets::images_dir();
    match crate::store::assets::install_images(&images) {
        Ok(()) => Some(images),
        Err(e) => {
            warn!("cannot write the stretch pictures ({e}); reminders come without them");
            None
        }
    }
}

/// Installs the signal handlers (before the daemon reports ready): a future that resolves at
/// SIGTERM or SIGINT, and a channel with one message per SIGHUP.
fn signals() -> anyhow::Result<(
    impl Future<Output = ()> + Send + 'static,
    mpsc::Receiver<()>,
)> {
    let register = |kind| signal(kind).context("cannot install a signal handler");
    let mut term = register(SignalKind::terminate())?;
    let mut int = register(SignalKind::interrupt())?;
    let hup = register(SignalKind::hangup())?;
    let (reload_tx, reloads) = mpsc::channel(1);
    tokio::spawn(forward_hangups(hup, reload_tx));
    let shutdown = async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
    };
    Ok((shutdown, reloads))
}

/// Sends one message per SIGHUP until the receiver is gone.
async fn forward_hangups(mut hup: Signal, reloads: mpsc::Sender<()>) {
    while hup.recv().await.is_some() {
        if reloads.send(()).await.is_err() {
            return;
        }
    }
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
