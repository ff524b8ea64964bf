//! A test notification server on a private bus: records `Notify` calls and can press a
//! button, or stalls (answers nothing, as a server stopped with SIGSTOP does). Also a forger:
//! another client of the bus that sends the server's signals.

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use zbus::OwnedVariant;
use zbus::object_server::SignalEmitter;

use super::Daemon;

/// Bound for the server to start and stop.
const SOON: Duration = Duration::from_secs(10);
pub const NOTIFICATIONS: &str = "org.freedesktop.Notifications";
pub const NOTIFICATIONS_PATH: &str = "/org/freedesktop/Notifications";

/// One `Notify` call.
#[derive(Debug, Clone)]
pub struct Note {
    /// The id the server returned.
    pub id: u32,
    pub summary: String,
}

/// A minimal notification server: records `Notify` calls and can press a button. A stalled
/// one never answers a call.
struct Recorder {
    next_id: u32,
    calls: mpsc::Sender<Note>,
    stalled: bool,
}

impl Recorder {
    async fn stall(&self) {
        if self.stalled {
            std::future::pending::<()>().await;
        }
    }
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Recorder {
    async fn get_capabilities(&self) -> Vec<String> {
        self.stall().await;
        vec!["actions".to_owned(), "body".to_owned()]
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

    #[allow(clippy::too_many_arguments, clippy::needless_pass_by_value)]
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
    ) -> u32 {
        self.stall().await;
        let _ = (app_name, app_icon, body, actions, hints, expire_timeout);
        // As the spec says: a replacement keeps the id it replaces.
        let id = if replaces_id == 0 {
            self.next_id += 1;
            self.next_id
        } else {
            replaces_id
        };
        eprintln!("[server] Notify({summary:?}) = {id}");
        let _ = self.calls.send(Note { id, summary });
        id
    }

    async fn close_notification(&self, id: u32) {
        self.stall().await;
        eprintln!("[server] CloseNotification({id})");
    }

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

/// The recorder on a test bus, served by a runtime on its own thread so that the test can
/// block (run the CLI, wait on the log) without stalling it. [`Server::stop`] (or dropping it)
/// closes its bus connection, which releases the name.
pub struct Server {
    calls: mpsc::Receiver<Note>,
    /// Buttons to press; dropping it stops the server.
    presses: Option<tokio::sync::mpsc::UnboundedSender<(u32, &'static str)>>,
    /// Signalled once the server's runtime, and with it its connection, is gone.
    stopped: mpsc::Receiver<()>,
}

impl Server {
    /// Serves the recorder and owns the well-known name once this returns.
    pub fn start(address: &str) -> Server {
        Server::serve(address, false)
    }

    /// A server that owns the name and never answers a call.
    pub fn start_stalled(address: &str) -> Server {
        Server::serve(address, true)
    }

    fn serve(address: &str, stalled: bool) -> Server {
        let (calls_tx, calls) = mpsc::channel();
        let (ready_tx, ready_rx) = mpsc::channel();
        let (presses, mut to_press) = tokio::sync::mpsc::unbounded_channel::<(u32, &str)>();
        let (stopped_tx, stopped) = mpsc::channel();
        let address = address.to_owned();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let recorder = Recorder {
                    next_id: 0,
                    calls: calls_tx,
                    stalled,
                };
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
                while let Some((id, key)) = to_press.recv().await {
                    let emitter = SignalEmitter::new(&conn, NOTIFICATIONS_PATH).unwrap();
                    if let Err(e) = Recorder::action_invoked(&emitter, id, key).await {
                        eprintln!("[server] cannot press {key} on {id}: {e}");
                    }
                }
            });
            drop(runtime);
            let _ = stopped_tx.send(());
        });
        match ready_rx.recv_timeout(SOON) {
            Ok(Ok(())) => Server {
                calls,
                presses: Some(presses),
                stopped,
            },
            other => panic!("the test notification server did not start: {other:?}"),
        }
    }

    /// The next reminder (notices about the config are passed over), within `timeout`.
    pub fn next_reminder(&self, timeout: Duration, daemon: &Daemon) -> Note {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let note = self.calls.recv_timeout(left).unwrap_or_else(|e| {
                panic!(
                    "no reminder within {timeout:?} ({e}); daemon log:\n{}",
                    daemon.log()
                )
            });
            if !note.summary.starts_with("stretchd:") {
                return note;
            }
        }
    }

    /// Forgets the notifications received so far.
    pub fn drain(&self) {
        while self.calls.try_recv().is_ok() {}
    }

    /// Presses the button `key` on notification `id`.
    pub fn press(&self, id: u32, key: &'static str) {
        self.presses
            .as_ref()
            .expect("the server is running")
            .send((id, key))
            .expect("the server thread is gone");
    }

    /// Closes the server's connection (its name is released) and waits for that, bounded.
    pub fn stop(&mut self) {
        if self.presses.take().is_some() {
            self.stopped
                .recv_timeout(SOON)
                .expect("the test notification server did not stop");
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.presses.take().is_some() {
            let _ = self.stopped.recv_timeout(SOON);
        }
    }
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
