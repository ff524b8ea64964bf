//! The task that shows the icon to the tray host: it waits for a `StatusNotifierWatcher`, then
//! takes the status from the daemon loop, serves the item and registers it, and keeps it
//! current; it registers again when the watcher restarts, and leaves the tray (releases its
//! name) when the icon is turned off.

use std::time::Duration;

use chrono::{Local, Utc};
use tokio::sync::{mpsc, oneshot, watch};
use tracing::{debug, info, warn};
use zbus::{Connection, Message, MessageStream};

use super::Ask;
use super::dbus::{self, After, ITEM, ITEM_PATH, MENU, MENU_PATH, Objects};
use super::look::{Entry, Look};
use crate::daemon::Input;
use crate::daemon::presence::dbus::{bounded, has_owner, next, owned_now, owner_changes};
use crate::ipc::{Request, Response, Status};

/// The tray host's name.
pub const WATCHER: &str = "org.kde.StatusNotifierWatcher";
const WATCHER_PATH: &str = "/StatusNotifierWatcher";
/// `RequestName`'s flag and replies (D-Bus specification).
const DO_NOT_QUEUE: u32 = 4;
const PRIMARY_OWNER: u32 = 1;
const ALREADY_OWNER: u32 = 4;
/// How long a menu entry waits for the daemon to carry it out before it gives up (the loop
/// answers at once; this only bounds a loop that is stopping).
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// What the daemon loop publishes for the icon: the status and the language to show it in, or
/// `None` while `[tray] enable` is off.
pub type Shown = Option<(Status, crate::i18n::Lang)>;

/// Where the icon stands with the tray host.
struct Icon {
    conn: Connection,
    inputs: mpsc::Sender<Input>,
    /// The name it registers under (`org.kde.StatusNotifierItem-<pid>-1`, the usual form):
    /// releasing it takes the icon out of the tray.
    name: String,
    /// The objects, once they are served.
    objects: Option<Objects>,
    /// Whether it owns [`Icon::name`].
    named: bool,
    /// Whether the watcher running now has it.
    registered: bool,
}

/// Shows the icon on `conn` while a tray host runs, with the status the daemon loop publishes
/// on `shown` (subscribed to only while a host runs; `inputs` gets [`Ask::Status`] then, to
/// publish it at once). Menu entries go to `inputs`. Ends when the connection closes.
pub async fn run(conn: Connection, shown: watch::Sender<Shown>, inputs: mpsc::Sender<Input>) {
    // Subscribed before asking, so that a watcher that starts in between is heard.
    let mut owners = match owner_changes(&conn, WATCHER).await {
        Ok(owners) => owners,
        Err(e) => {
            warn!("no tray icon: cannot watch for a tray host ({e})");
            return;
        }
    };
    let mut icon = Icon {
        name: format!("org.kde.StatusNotifierItem-{}-1", std::process::id()),
        conn,
        inputs,
        objects: None,
        named: false,
        registered: false,
    };
    let mut status = None;
    // The method calls to the objects, once they are served.
    let mut calls: Option<MessageStream> = None;
    match bounded(has_owner(&icon.conn, WATCHER)).await {
        Ok(true) => status = icon.host_came(&shown).await,
        Ok(false) => debug!("no tray host yet; the icon comes when one starts"),
        Err(e) => debug!("asking for a tray host: {e}"),
    }
    loop {
        tokio::select! {
            msg = next(&mut owners, "tray host") => match msg.as_ref().and_then(owned_now) {
                Some(true) => status = icon.host_came(&shown).await,
                Some(false) => {
                    debug!("the tray host is gone; the icon comes back with the next one");
                    icon.registered = false;
                    status = None;
                }
                None if msg.is_none() => return,
                None => {}
            },
            changed = async { status.as_mut().map(watch::Receiver::changed)?.await.ok() }, if status.is_some() => {
                let Some(()) = changed else { return };
                let now = status.as_mut().map(|s| s.borrow_and_update().clone());
                if let Some(now) = now {
                    icon.show(now, &mut calls).await;
                }
            }
            call = async { next(calls.as_mut()?, "tray icon call").await }, if calls.is_some() => {
                let Some(call) = call else { return };
                icon.answer(&call).await;
            }
        }
    }
}

impl Icon {
    /// A watcher started (or another took over): the icon is registered with it once the
    /// daemon loop has published the status, which it is asked to do now.
    async fn host_came(&mut self, shown: &watch::Sender<Shown>) -> Option<watch::Receiver<Shown>> {
        self.registered = false;
        let status = shown.subscribe();
        if self.inputs.send(Input::Tray(Ask::Status)).await.is_err() {
            return None;
        }
        Some(status)
    }

    /// Shows `shown`: serves the objects (the first time, with `calls` their method calls),
    /// updates them and tells the host what changed, and registers with the watcher if it
    /// does not have the icon yet; or leaves the tray, when the icon is off.
    async fn show(&mut self, shown: Shown, calls: &mut Option<MessageStream>) {
        let Some((status, lang)) = shown else {
            self.leave().await;
            return;
        };
        let messages = crate::daemon::notify::messages(lang);
        let look = Look::of(&messages, &status, Utc::now(), &Local);
        let result = match self.objects.as_mut() {
            None => match dbus::calls(&self.conn).await {
                Ok(stream) => {
                    *calls = Some(stream);
                    self.objects = Some(Objects { look, revision: 1 });
                    Ok(())
                }
                Err(e) => Err(e),
            },
            Some(objects) => update(&self.conn, objects, look).await,
        };
        if let Err(e) = result {
            warn!("tray icon: {e}");
            return;
        }
        if !self.registered {
            match self.register().await {
                Ok(()) => {
                    info!("tray icon shown ({WATCHER})");
                    self.registered = true;
                }
                Err(e) => warn!("tray icon: cannot register with {WATCHER}: {e}"),
            }
        }
    }

    /// Answers a method call to the objects, and carries out what it asks.
    async fn answer(&self, call: &Message) {
        let Some(objects) = &self.objects else { return };
        let (reply, after) = match objects.answer(call) {
            Ok(answer) => answer,
            Err(e) => {
                debug!("tray icon: cannot answer a call: {e}");
                return;
            }
        };
        if let Err(e) = self.conn.send(&reply).await {
            debug!("tray icon: cannot send a reply: {e}");
        }
        match after {
            After::Nothing => {}
            After::Activate => {
                info!("tray icon clicked: showing the status");
                let _ = self.inputs.send(Input::Tray(Ask::ShowStatus)).await;
            }
            // Carried out beside the icon's task, which goes on answering the host.
            After::Press(entry) => {
                tokio::spawn(press(entry, self.inputs.clone()));
            }
        }
    }

    /// Takes the name (once) and registers it with the watcher.
    async fn register(&mut self) -> zbus::Result<()> {
        if !self.named {
            // Asked of the bus itself rather than through zbus's name registry, which would
            // keep two more match rules and a task for a name only the watcher looks at.
            let reply = bounded(self.bus("RequestName", &(self.name.as_str(), DO_NOT_QUEUE)))
                .await?
                .body()
                .deserialize::<u32>()?;
            if reply != PRIMARY_OWNER && reply != ALREADY_OWNER {
                return Err(zbus::Error::Failure(format!(
                    "{} is taken by another process",
                    self.name
                )));
            }
            self.named = true;
        }
        bounded(self.conn.call_method(
            Some(WATCHER),
            WATCHER_PATH,
            Some(WATCHER),
            "RegisterStatusNotifierItem",
            &(self.name.as_str(),),
        ))
        .await?;
        Ok(())
    }

    /// Calls `method` of the bus.
    async fn bus<B>(&self, method: &'static str, body: &B) -> zbus::Result<zbus::Message>
    where
        B: serde::Serialize + zbus::wire::DynamicType,
    {
        self.conn
            .call_method(
                Some("org.freedesktop.DBus"),
                "/org/freedesktop/DBus",
                Some("org.freedesktop.DBus"),
                method,
                body,
            )
            .await
    }

    /// Leaves the tray: the watcher drops an item whose name goes away.
    async fn leave(&mut self) {
        if self.named {
            if let Err(e) = bounded(self.bus("ReleaseName", &(self.name.as_str(),))).await {
                debug!("releasing {}: {e}", self.name);
            }
            info!("tray icon off ([tray] enable = false)");
        }
        self.named = false;
        self.registered = false;
    }
}

/// Gives the objects `look`, and sends the signals for what changed.
async fn update(conn: &Connection, objects: &mut Objects, look: Look) -> zbus::Result<()> {
    let old = std::mem::replace(&mut objects.look, look);
    let look = &objects.look;
    let signal = |interface: &'static str, path: &'static str, name: &'static str| {
        conn.emit_signal(None::<&str>, path, interface, name, &())
    };
    if old.state != look.state {
        signal(ITEM, ITEM_PATH, "NewIcon").await?;
        signal(ITEM, ITEM_PATH, "NewAttentionIcon").await?;
        conn.emit_signal(
            None::<&str>,
            ITEM_PATH,
            ITEM,
            "NewStatus",
            &(look.state.sni_status(),),
        )
        .await?;
    }
    if old.lines != look.lines || old.state != look.state {
        signal(ITEM, ITEM_PATH, "NewToolTip").await?;
    }
    if old.menu != look.menu {
        objects.revision = objects.revision.wrapping_add(1);
        conn.emit_signal(
            None::<&str>,
            MENU_PATH,
            MENU,
            "LayoutUpdated",
            &(objects.revision, 0i32),
        )
        .await?;
    }
    Ok(())
}

/// Carries out the menu entry `entry`: the request the CLI would send, or what only the
/// daemon can do (start a session, open the config), and logs what became of it.
async fn press(entry: Entry, inputs: mpsc::Sender<Input>) {
    let now = Utc::now();
    let request = match entry {
        Entry::Done => Request::Done { adjust: None },
        Entry::Snooze => Request::Snooze { secs: None },
        Entry::Skip => Request::Skip,
        Entry::PauseHour => Request::Pause {
            until: Some(now + chrono::TimeDelta::hours(1)),
        },
        Entry::PauseTomorrow => Request::Pause {
            until: Some(crate::schedule::workhours::tomorrow_start(&Local, now)),
        },
        Entry::Resume => Request::Resume,
        Entry::Session => {
            let _ = inputs.send(Input::Tray(Ask::Session)).await;
            return;
        }
        Entry::Config => {
            let _ = inputs.send(Input::Tray(Ask::Config)).await;
            return;
        }
        Entry::Separator(_) => return,
    };
    let (reply, answer) = oneshot::channel();
    if inputs.send(Input::Control(request, reply)).await.is_err() {
        return;
    }
    match tokio::time::timeout(ANSWER_TIMEOUT, answer).await {
        Ok(Ok(Response::Ok { message, .. })) => info!("tray: {}: {message}", entry.label()),
        Ok(Ok(Response::Error { message, .. })) => {
            info!("tray: {} refused: {message}", entry.label());
        }
        other => debug!("tray: {}: no answer ({other:?})", entry.label()),
    }
}
