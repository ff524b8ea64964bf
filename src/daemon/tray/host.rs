//! The task that shows the icon to the tray host: it waits for a `StatusNotifierWatcher`, then
//! takes the status from the daemon loop, serves the item and registers it, and keeps it
//! current; it registers again when the watcher restarts, and leaves the tray (releases its
//! name) when the icon is turned off.

use chrono::{Local, Utc};
use tokio::sync::{mpsc, watch};
use tracing::{debug, info, warn};
use zbus::Connection;

use super::Ask;
use super::dbus::{ITEM_PATH, Item, ItemSignals as _, MENU_PATH, Menu, MenuSignals as _};
use super::look::Look;
use crate::daemon::Input;
use crate::daemon::presence::dbus::{bounded, has_owner, next, owned_now, owner_changes};
use crate::ipc::Status;

/// The tray host's name.
pub const WATCHER: &str = "org.kde.StatusNotifierWatcher";
const WATCHER_PATH: &str = "/StatusNotifierWatcher";
/// `RequestName`'s flag and replies (D-Bus specification).
const DO_NOT_QUEUE: u32 = 4;
const PRIMARY_OWNER: u32 = 1;
const ALREADY_OWNER: u32 = 4;

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
    /// What it shows, once it is served.
    look: Option<Look>,
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
        look: None,
        named: false,
        registered: false,
    };
    let mut status = None;
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
                    icon.show(now).await;
                }
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

    /// Shows `shown`: serves the objects (the first time), updates them and tells the host
    /// what changed, and registers with the watcher if it does not have the icon yet; or
    /// leaves the tray, when the icon is off.
    async fn show(&mut self, shown: Shown) {
        let Some((status, lang)) = shown else {
            self.leave().await;
            return;
        };
        let messages = crate::daemon::notify::messages(lang);
        let look = Look::of(&messages, &status, Utc::now(), &Local);
        let result = match self.look.take() {
            None => self.serve(look.clone()).await,
            Some(old) => self.update(&old, look.clone()).await,
        };
        self.look = Some(look);
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

    /// Puts the two objects on the connection.
    async fn serve(&self, look: Look) -> zbus::Result<()> {
        let server = self.conn.object_server();
        let item = Item {
            look: look.clone(),
            inputs: self.inputs.clone(),
        };
        server.at(ITEM_PATH, item).await?;
        let menu = Menu {
            look,
            revision: 1,
            inputs: self.inputs.clone(),
        };
        server.at(MENU_PATH, menu).await?;
        Ok(())
    }

    /// Gives both objects `look`, and sends the signals for what changed since `old`.
    async fn update(&self, old: &Look, look: Look) -> zbus::Result<()> {
        let server = self.conn.object_server();
        let item = server.interface::<_, Item>(ITEM_PATH).await?;
        item.get_mut().await.look = look.clone();
        if old.state != look.state {
            item.new_icon().await?;
            item.new_attention_icon().await?;
            item.new_status(look.state.sni_status()).await?;
        }
        if old.lines != look.lines || old.state != look.state {
            item.new_tool_tip().await?;
        }
        if old.menu != look.menu {
            let menu = server.interface::<_, Menu>(MENU_PATH).await?;
            let revision = {
                let mut menu = menu.get_mut().await;
                menu.look = look;
                menu.revision = menu.revision.wrapping_add(1);
                menu.revision
            };
            menu.layout_updated(revision, 0).await?;
        }
        Ok(())
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
