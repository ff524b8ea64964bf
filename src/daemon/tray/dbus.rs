//! The tray icon's two D-Bus objects, served on the daemon's session-bus connection: the item
//! (`org.kde.StatusNotifierItem` at [`ITEM_PATH`]) and its menu (`com.canonical.dbusmenu` at
//! [`MENU_PATH`]). Both show a [`Look`] that [`super::host`] keeps current; what the user picks
//! goes to the daemon loop as the request the CLI would send.
// The code the interface macro writes passes on the arguments these methods ignore.
#![allow(
    clippy::used_underscore_binding,
    reason = "the interface macro reads the arguments a method ignores"
)]

use std::collections::HashMap;
use std::time::Duration;

use chrono::{Local, Utc};
use tokio::sync::{mpsc, oneshot};
use tracing::{debug, info};
use zbus::object_server::SignalEmitter;
use zbus::{OwnedObjectPath, OwnedVariant, Structure, Variant, fdo, interface};

use super::Ask;
use super::look::{Entry, Look};
use crate::daemon::Input;
use crate::ipc::{Request, Response};

/// Where the item is: the path every host looks at for a name given without one.
pub const ITEM_PATH: &str = "/StatusNotifierItem";
/// Where its menu is.
pub const MENU_PATH: &str = "/MenuBar";
/// The tooltip's title.
const TITLE: &str = "stretchd";
/// How long a menu entry waits for the daemon to carry it out before it gives up (the loop
/// answers at once; this only bounds a loop that is stopping).
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// A tooltip: icon name, pictures (`(width, height, ARGB32 bytes)`), title and text.
type ToolTip = (&'static str, Vec<(i32, i32, Vec<u8>)>, &'static str, String);

/// The `StatusNotifierItem`.
pub struct Item {
    /// What it shows.
    pub look: Look,
    /// The daemon loop.
    pub inputs: mpsc::Sender<Input>,
}

// The specification's constant properties and the methods that do nothing here take `&self`
// all the same: the interface macro serves methods of the object.
#[expect(
    clippy::unused_self,
    clippy::unnecessary_literal_bound,
    reason = "D-Bus methods and properties of the object"
)]
#[interface(name = "org.kde.StatusNotifierItem")]
impl Item {
    /// A left click: shows the status as a notification (for hosts without tooltips, and for
    /// people who click rather than hover).
    async fn activate(&self, _x: i32, _y: i32) {
        info!("tray icon clicked: showing the status");
        let _ = self.inputs.send(Input::Tray(Ask::ShowStatus)).await;
    }

    /// A middle click: nothing (the menu holds every action).
    fn secondary_activate(&self, _x: i32, _y: i32) {}

    /// Asked to draw its own menu: every host here draws [`Item::menu`], so there is nothing to
    /// do.
    fn context_menu(&self, _x: i32, _y: i32) {}

    /// The mouse wheel: nothing.
    fn scroll(&self, _delta: i32, _orientation: &str) {}

    #[zbus(property)]
    fn category(&self) -> &str {
        "ApplicationStatus"
    }

    #[zbus(property)]
    fn id(&self) -> &str {
        "stretchd"
    }

    #[zbus(property)]
    fn title(&self) -> &str {
        TITLE
    }

    #[zbus(property)]
    fn status(&self) -> &str {
        self.look.state.sni_status()
    }

    #[zbus(property)]
    fn window_id(&self) -> i32 {
        0
    }

    #[zbus(property)]
    fn icon_name(&self) -> &str {
        self.look.state.icon()
    }

    #[zbus(property)]
    fn icon_theme_path(&self) -> &str {
        ""
    }

    #[zbus(property)]
    fn attention_icon_name(&self) -> &str {
        self.look.state.icon()
    }

    #[zbus(property)]
    fn overlay_icon_name(&self) -> &str {
        ""
    }

    /// Icon name, pictures (none), title and text.
    #[zbus(property)]
    fn tool_tip(&self) -> ToolTip {
        let text: Vec<String> = self
            .look
            .lines
            .iter()
            .map(|l| crate::daemon::notify::escape(l))
            .collect();
        (self.look.state.icon(), Vec::new(), TITLE, text.join("\n"))
    }

    #[zbus(property)]
    fn item_is_menu(&self) -> bool {
        false
    }

    #[zbus(property)]
    fn menu(&self) -> OwnedObjectPath {
        OwnedObjectPath::try_from(MENU_PATH).unwrap_or_default()
    }

    #[zbus(signal)]
    pub async fn new_icon(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    #[zbus(signal)]
    pub async fn new_attention_icon(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    #[zbus(signal)]
    pub async fn new_tool_tip(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;

    #[zbus(signal)]
    pub async fn new_status(emitter: &SignalEmitter<'_>, status: &str) -> zbus::Result<()>;
}

/// The item's menu.
pub struct Menu {
    /// What it shows.
    pub look: Look,
    /// Counts layouts: a host asks for the layout again when [`Menu::layout_updated`] names a
    /// newer one.
    pub revision: u32,
    /// The daemon loop.
    pub inputs: mpsc::Sender<Input>,
}

/// A menu item's properties (only those that differ from the defaults: enabled, visible).
type Properties = HashMap<&'static str, Variant<'static>>;

fn properties(look: &Look, entry: Entry) -> Properties {
    match entry {
        Entry::Separator(_) => HashMap::from([("type", Variant::from("separator"))]),
        _ => HashMap::from([("label", Variant::from(look.label(entry).to_owned()))]),
    }
}

/// A layout node: id, properties, children (each a [`Node`] in a variant): `(ia{sv}av)`.
type Node = (i32, Properties, Vec<Variant<'static>>);

/// A menu item as a layout node with no children.
fn node(look: &Look, entry: Entry) -> Variant<'static> {
    let children: Vec<Variant<'static>> = Vec::new();
    Variant::Structure(Structure::from((
        entry.id(),
        properties(look, entry),
        children,
    )))
}

impl Menu {
    /// Carries out `entry`: the request the CLI would send, or what only the daemon can do
    /// (start a session, open the config), and logs what became of it.
    async fn press(&self, entry: Entry) {
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
                let _ = self.inputs.send(Input::Tray(Ask::Session)).await;
                return;
            }
            Entry::Config => {
                let _ = self.inputs.send(Input::Tray(Ask::Config)).await;
                return;
            }
            Entry::Separator(_) => return,
        };
        let (reply, answer) = oneshot::channel();
        if self
            .inputs
            .send(Input::Control(request, reply))
            .await
            .is_err()
        {
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
}

#[expect(
    clippy::unused_self,
    clippy::unnecessary_literal_bound,
    clippy::needless_pass_by_value,
    reason = "D-Bus methods and properties of the object, which take their arguments owned"
)]
#[interface(name = "com.canonical.dbusmenu")]
impl Menu {
    /// The layout under `parent_id` (0: the whole menu; it is one level deep), with every
    /// property whatever `property_names` asks for (the specification allows more).
    #[zbus(out_args("revision", "layout"))]
    fn get_layout(
        &self,
        parent_id: i32,
        _recursion_depth: i32,
        _property_names: Vec<String>,
    ) -> fdo::Result<(u32, Node)> {
        if parent_id == 0 {
            let root = HashMap::from([("children-display", Variant::from("submenu"))]);
            let children = self
                .look
                .menu
                .iter()
                .map(|e| node(&self.look, *e))
                .collect();
            return Ok((self.revision, (0, root, children)));
        }
        let entry = self.entry(parent_id)?;
        Ok((
            self.revision,
            (parent_id, properties(&self.look, entry), Vec::new()),
        ))
    }

    /// The properties of the items `ids` (all items for none).
    fn get_group_properties(
        &self,
        ids: Vec<i32>,
        _property_names: Vec<String>,
    ) -> Vec<(i32, Properties)> {
        self.look
            .menu
            .iter()
            .filter(|e| ids.is_empty() || ids.contains(&e.id()))
            .map(|&e| (e.id(), properties(&self.look, e)))
            .collect()
    }

    /// One property of item `id`.
    fn get_property(&self, id: i32, name: &str) -> fdo::Result<OwnedVariant> {
        let entry = self.entry(id)?;
        properties(&self.look, entry)
            .remove(name)
            .and_then(|v| OwnedVariant::try_from(v).ok())
            .ok_or_else(|| fdo::Error::InvalidArgs(format!("item {id} has no property {name}")))
    }

    /// Something happened to item `id`: a click carries its entry out.
    async fn event(&self, id: i32, event_id: &str, _data: OwnedVariant, _timestamp: u32) {
        if event_id != "clicked" {
            return;
        }
        if let Ok(entry) = self.entry(id) {
            self.press(entry).await;
        }
    }

    /// Several events at once; returns the ids not in the menu.
    async fn event_group(&self, events: Vec<(i32, String, OwnedVariant, u32)>) -> Vec<i32> {
        let mut unknown = Vec::new();
        for (id, event_id, _, _) in events {
            match self.entry(id) {
                Ok(entry) if event_id == "clicked" => self.press(entry).await,
                Ok(_) => {}
                Err(_) => unknown.push(id),
            }
        }
        unknown
    }

    /// The menu is about to open: it is always current, so no update is needed.
    fn about_to_show(&self, _id: i32) -> bool {
        false
    }

    /// As [`Menu::about_to_show`], for several: none needs an update, none is unknown.
    #[zbus(out_args("updates_needed", "id_errors"))]
    fn about_to_show_group(&self, _ids: Vec<i32>) -> (Vec<i32>, Vec<i32>) {
        (Vec::new(), Vec::new())
    }

    #[zbus(property)]
    fn version(&self) -> u32 {
        3
    }

    #[zbus(property)]
    fn text_direction(&self) -> &str {
        "ltr"
    }

    #[zbus(property)]
    fn status(&self) -> &str {
        "normal"
    }

    #[zbus(property)]
    fn icon_theme_path(&self) -> Vec<String> {
        Vec::new()
    }

    /// The layout under `parent` changed; its revision is now `revision`.
    #[zbus(signal)]
    pub async fn layout_updated(
        emitter: &SignalEmitter<'_>,
        revision: u32,
        parent: i32,
    ) -> zbus::Result<()>;

    /// Part of the interface: never sent, as an entry's properties never change (the layout
    /// does, and [`Menu::layout_updated`] says so).
    #[zbus(signal)]
    async fn items_properties_updated(
        emitter: &SignalEmitter<'_>,
        updated: Vec<(i32, Properties)>,
        removed: Vec<(i32, Vec<String>)>,
    ) -> zbus::Result<()>;
}

impl Menu {
    /// The entry with id `id` in the menu shown.
    fn entry(&self, id: i32) -> fdo::Result<Entry> {
        self.look
            .menu
            .iter()
            .copied()
            .find(|e| e.id() == id)
            .ok_or_else(|| fdo::Error::InvalidArgs(format!("no menu item {id}")))
    }
}
