//! The one test notification server (zbus) on a private bus: records every `Notify` call with
//! all its arguments, can press a button (`ActionInvoked`) and report a notification closed
//! (`NotificationClosed`), or stalls (answers nothing, as a server stopped with SIGSTOP does).
//! Also a forger: another client of the bus that sends the server's signals.
//!
//! The server runs on a thread of its own, so that a test can block (run the CLI, wait on the
//! log) without stalling it; async tests wait with the `_async` methods, which do not block
//! their runtime (a fake logind may be served on it).

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, mpsc};
use std::time::{Duration, Instant, SystemTime};

use zbus::OwnedVariant;
use zbus::object_server::SignalEmitter;

use crate::Daemon;

/// Bound for the server to start and stop.
const SOON: Duration = Duration::from_secs(10);
/// The notification server's well-known name.
pub const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
/// The notification server's object.
pub const NOTIFICATIONS_PATH: &str = "/org/freedesktop/Notifications";
/// The name the notification server on `conn`'s bus gives for itself (`GetServerInformation`:
/// "gnome-shell", "Plasma", "dunst", ...).
pub async fn server_name(conn: &zbus::Connection) -> String {
    let (name, ..): (String, String, String, String) = conn
        .call_method(
            Some(NOTIFICATIONS),
            NOTIFICATIONS_PATH,
            Some(NOTIFICATIONS),
            "GetServerInformation",
            &(),
        )
        .await
        .unwrap()
        .body()
        .deserialize()
        .unwrap();
    name
}

/// What [`Server::start`] advertises in `GetCapabilities`.
pub const DEFAULT_CAPABILITIES: &[&str] = &["actions", "body"];

/// One `Notify` call, as the server received it.
#[derive(Debug, Clone)]
pub struct Note {
    /// The id the server returned.
    pub id: u32,
    /// When the call arrived.
    pub at: Instant,
    /// The wall clock at `at`.
    pub wall: SystemTime,
    /// The sender's name for itself.
    pub app_name: String,
    /// The notification this one replaces (0: none).
    pub replaces_id: u32,
    /// `app_icon`.
    pub icon: String,
    /// The title.
    pub summary: String,
    /// The text under the title.
    pub body: String,
    /// Keys and labels, alternating, as sent.
    pub actions: Vec<String>,
    /// Every hint by name: a string hint as its text, any other as its D-Bus value printed.
    pub hints: BTreeMap<String, String>,
    /// In ms; -1: the server decides, 0: never.
    pub expire_timeout: i32,
}

/// What the test asks the server thread to send.
enum Signal {
    /// `ActionInvoked(id, key)`: a button pressed.
    Action(u32, String),
    /// `NotificationClosed(id, reason)`.
    Closed(u32, u32),
}

/// The notes received and not taken yet, shared between the server thread and the test.
#[derive(Default)]
struct Inbox {
    notes: Mutex<VecDeque<Note>>,
    /// The ids `CloseNotification` was called with.
    closed: Mutex<Vec<u32>>,
    /// Wakes blocking waiters.
    cond: Condvar,
    /// Wakes async waiters.
    notify: tokio::sync::Notify,
}

impl Inbox {
    fn lock(&self) -> MutexGuard<'_, VecDeque<Note>> {
        self.notes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn push(&self, note: Note) {
        self.lock().push_back(note);
        self.cond.notify_all();
        self.notify.notify_waiters();
    }
}

/// How the test server answers.
#[derive(Debug, Clone, Copy)]
pub enum Behaviour {
    /// At once.
    Answer,
    /// Never, any call (a server stopped with SIGSTOP).
    Stall,
    /// `Notify` after this long.
    Late(Duration),
    /// `Notify` with this D-Bus error message.
    Refuse(&'static str),
}

/// The `org.freedesktop.Notifications` interface: records `Notify` calls, draws nothing;
/// answers as its [`Behaviour`] says.
struct Recorder {
    next_id: u32,
    inbox: Arc<Inbox>,
    capabilities: Vec<String>,
    behaviour: Behaviour,
}

impl Recorder {
    async fn stall(&self) {
        if matches!(self.behaviour, Behaviour::Stall) {
            std::future::pending::<()>().await;
        }
    }
}

/// A hint's value as [`Note::hints`] keeps it.
fn hint_text(value: &OwnedVariant) -> String {
    match <&str>::try_from(value) {
        Ok(text) => text.to_owned(),
        Err(_) => format!("{value:?}"),
    }
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Recorder {
    async fn get_capabilities(&self) -> Vec<String> {
        self.stall().await;
        self.capabilities.clone()
    }

    #[zbus(out_args("name", "vendor", "version", "spec_version"))]
    async fn get_server_information(&self) -> (String, String, String, String) {
        self.stall().await;
        (
            "stretchd-test".to_owned(),
            "stretchd".to_owned(),
            "0".to_owned(),
            "1.2".to_owned(),
        )
    }

    #[allow(clippy::too_many_arguments)]
    async fn notify(
        &mut self,
        app_name: String,
        replaces_id: u32,
        app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedVariant>,
        expire_timeout: i32,
    ) -> zbus::fdo::Result<u32> {
        self.stall().await;
        match self.behaviour {
            Behaviour::Late(delay) => tokio::time::sleep(delay).await,
            Behaviour::Refuse(message) => {
                return Err(zbus::fdo::Error::Failed(message.to_owned()));
            }
            Behaviour::Answer | Behaviour::Stall => {}
        }
        // As the spec says: a replacement keeps the id it replaces.
        let id = if replaces_id == 0 {
            self.next_id += 1;
            self.next_id
        } else {
            replaces_id
        };
        eprintln!(
            "[server] Notify({summary:?}, replaces {replaces_id}, timeout {expire_timeout}) = {id}"
        );
        self.inbox.push(Note {
            id,
            at: Instant::now(),
            wall: SystemTime::now(),
            app_name,
            replaces_id,
            icon: app_icon,
            summary,
            body,
            actions,
            hints: hints
                .iter()
                .map(|(k, v)| (k.clone(), hint_text(v)))
                .collect(),
            expire_timeout,
        });
        Ok(id)
    }

    async fn close_notification(&self, id: u32) {
        self.stall().await;
        eprintln!("[server] CloseNotification({id})");
        self.inbox
            .closed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(id);
    }

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn notification_closed(
        emitter: &SignalEmitter<'_>,
        id: u32,
        reason: u32,
    ) -> zbus::Result<()>;
}

/// The recorder on a test bus, served by a runtime on its own thread. [`Server::stop`] (or
/// dropping it) closes its bus connection, which releases the name.
pub struct Server {
    inbox: Arc<Inbox>,
    /// Signals to send, in order; dropping it stops the server.
    signals: Option<tokio::sync::mpsc::UnboundedSender<Signal>>,
    /// Signalled once the server's runtime, and with it its connection, is gone.
    stopped: mpsc::Receiver<()>,
}

impl Server {
    /// Serves the recorder (advertising [`DEFAULT_CAPABILITIES`]) and owns the well-known name
    /// once this returns.
    pub fn start(address: &str) -> Server {
        Server::serve(address, DEFAULT_CAPABILITIES, Behaviour::Answer)
    }

    /// [`Server::start`], answering as `behaviour` says.
    pub fn start_with(address: &str, behaviour: Behaviour) -> Server {
        Server::serve(address, DEFAULT_CAPABILITIES, behaviour)
    }

    /// The ids `CloseNotification` was called with so far.
    pub fn closed(&self) -> Vec<u32> {
        self.inbox
            .closed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// [`Server::start`], advertising `capabilities` instead (`body-markup`, or no `actions`).
    pub fn with_capabilities(address: &str, capabilities: &[&str]) -> Server {
        Server::serve(address, capabilities, Behaviour::Answer)
    }

    /// A server that owns the name and never answers a call.
    pub fn start_stalled(address: &str) -> Server {
        Server::serve(address, DEFAULT_CAPABILITIES, Behaviour::Stall)
    }

    fn serve(address: &str, capabilities: &[&str], behaviour: Behaviour) -> Server {
        let inbox = Arc::new(Inbox::default());
        let (ready_tx, ready_rx) = mpsc::channel();
        let (signals, mut to_send) = tokio::sync::mpsc::unbounded_channel::<Signal>();
        let (stopped_tx, stopped) = mpsc::channel();
        let address = address.to_owned();
        let recorder = Recorder {
            next_id: 0,
            inbox: Arc::clone(&inbox),
            capabilities: capabilities.iter().map(|&c| c.to_owned()).collect(),
            behaviour,
        };
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let conn = zbus::connection::Builder::address(address.as_str())
                    .serve_at(NOTIFICATIONS_PATH, recorder)
                    .name(NOTIFICATIONS)
                    .build()
                    .await;
                let conn = match conn {
                    Ok(conn) => conn,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e.to_string()));
                        return;
                    }
                };
                let _ = ready_tx.send(Ok(()));
                while let Some(signal) = to_send.recv().await {
                    let emitter = SignalEmitter::new(&conn, NOTIFICATIONS_PATH).unwrap();
                    let sent = match &signal {
                        Signal::Action(id, key) => {
                            Recorder::action_invoked(&emitter, *id, key).await
                        }
                        Signal::Closed(id, reason) => {
                            Recorder::notification_closed(&emitter, *id, *reason).await
                        }
                    };
                    if let Err(e) = sent {
                        eprintln!("[server] cannot send a signal: {e}");
                    }
                }
            });
            drop(runtime);
            let _ = stopped_tx.send(());
        });
        match ready_rx.recv_timeout(SOON) {
            Ok(Ok(())) => Server {
                inbox,
                signals: Some(signals),
                stopped,
            },
            other => panic!("the test notification server did not start: {other:?}"),
        }
    }

    /// The next notification within `timeout`, or `None`. Blocks the calling thread.
    pub fn recv(&self, timeout: Duration) -> Option<Note> {
        let deadline = Instant::now() + timeout;
        let mut notes = self.inbox.lock();
        loop {
            if let Some(note) = notes.pop_front() {
                return Some(note);
            }
            let now = Instant::now();
            if now >= deadline {
                return None;
            }
            notes = self
                .inbox
                .cond
                .wait_timeout(notes, deadline - now)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }

    /// [`Server::recv`] for async tests: waits without blocking the runtime.
    pub async fn recv_async(&self, timeout: Duration) -> Option<Note> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.inbox.notify.notified();
            tokio::pin!(notified);
            // Registered before looking, so a note pushed in between still wakes us.
            notified.as_mut().enable();
            if let Some(note) = self.inbox.lock().pop_front() {
                return Some(note);
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return None;
            }
        }
    }

    /// The next notification, whatever it is; panics (with the daemon's log) after `timeout`.
    pub fn next(&self, timeout: Duration, daemon: &Daemon) -> Note {
        self.recv(timeout)
            .unwrap_or_else(|| no_notification(timeout, daemon))
    }

    /// [`Server::next`] for async tests.
    pub async fn next_async(&self, timeout: Duration, daemon: &Daemon) -> Note {
        match self.recv_async(timeout).await {
            Some(note) => note,
            None => no_notification(timeout, daemon),
        }
    }

    /// The next reminder (notices about the config, titled `stretchd: …`, are passed over),
    /// within `timeout`.
    pub fn next_reminder(&self, timeout: Duration, daemon: &Daemon) -> Note {
        let deadline = Instant::now() + timeout;
        loop {
            let note = self.next(deadline.saturating_duration_since(Instant::now()), daemon);
            if !note.summary.starts_with("stretchd:") {
                return note;
            }
        }
    }

    /// Takes the notifications received and not taken yet.
    pub fn drain(&self) -> Vec<Note> {
        self.inbox.lock().drain(..).collect()
    }

    fn send(&self, signal: Signal) {
        self.signals
            .as_ref()
            .expect("the server is running")
            .send(signal)
            .expect("the server thread is gone");
    }

    /// Presses the button `key` on notification `id` (`ActionInvoked`). Signals are sent in
    /// the order asked.
    pub fn press(&self, id: u32, key: &str) {
        self.send(Signal::Action(id, key.to_owned()));
    }

    /// Reports notification `id` closed for `reason` (1 expired, 2 dismissed, 3 closed) with
    /// `NotificationClosed`.
    pub fn close(&self, id: u32, reason: u32) {
        self.send(Signal::Closed(id, reason));
    }

    /// Closes the server's connection (its name is released) and waits for that, bounded.
    pub fn stop(&mut self) {
        if self.signals.take().is_some() {
            self.stopped
                .recv_timeout(SOON)
                .expect("the test notification server did not stop");
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.signals.take().is_some() {
            let _ = self.stopped.recv_timeout(SOON);
        }
    }
}

fn no_notification(timeout: Duration, daemon: &Daemon) -> ! {
    panic!(
        "no notification within {timeout:?}; daemon log:\n{}",
        daemon.log()
    )
}

/// Another client of the bus at `address` sends `ActionInvoked(id, key)` as if it were the
/// notification server: broadcast, and straight to every connection of process `pid`.
pub fn forge_action(address: &str, pid: u32, id: u32, key: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let conn = zbus::connection::Builder::address(address)
            .build()
            .await
            .unwrap();
        let bus = zbus::fdo::DBusProxy::new(&conn).await.unwrap();
        let mut targets = vec![None];
        for name in bus.list_names().await.unwrap() {
            if !name.starts_with(':') {
                continue;
            }
            let name = zbus::names::BusName::try_from(name.as_str().to_owned()).unwrap();
            if bus.get_connection_unix_process_id(name.clone()).await.ok() == Some(pid) {
                targets.push(Some(name));
            }
        }
        assert!(targets.len() > 1, "no bus connection of process {pid}");
        for destination in targets {
            conn.emit_signal(
                destination,
                NOTIFICATIONS_PATH,
                NOTIFICATIONS,
                "ActionInvoked",
                &(id, key),
            )
            .await
            .unwrap();
        }
    });
}
