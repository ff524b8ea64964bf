//! The tray icon's two D-Bus objects, served on the daemon's session-bus connection: the item
//! (`org.kde.StatusNotifierItem` at [`ITEM_PATH`]) and its menu (`com.canonical.dbusmenu` at
//! [`MENU_PATH`]). Both show a [`Look`] that [`super::host`] keeps current; what the user picks
//! goes to the daemon loop as the request the CLI would send.
//!
//! They are served by hand: [`Objects::answer`] takes each method call off the connection's
//! stream and makes its reply, `Properties` and `Introspectable` included. zbus's object server
//! (its `service` feature) would do the same for about 300 kB more code, which a tray host
//! brings into memory (issue 12's figures in BENCHMARKS.md).

use std::collections::HashMap;

use zbus::message::{Header, Message, Type};
use zbus::{MatchRule, MessageStream, OwnedObjectPath, OwnedVariant, Structure, Variant};

use super::look::{Entry, Look};

/// Where the item is: the path every host looks at for a name given without one.
pub const ITEM_PATH: &str = "/StatusNotifierItem";
/// Where its menu is.
pub const MENU_PATH: &str = "/MenuBar";
/// The item's interface.
pub const ITEM: &str = "org.kde.StatusNotifierItem";
/// The menu's interface.
pub const MENU: &str = "com.canonical.dbusmenu";
const PROPERTIES: &str = "org.freedesktop.DBus.Properties";
const INTROSPECTABLE: &str = "org.freedesktop.DBus.Introspectable";
const PEER: &str = "org.freedesktop.DBus.Peer";
/// The tooltip's title.
const TITLE: &str = "stretchd";

/// What the two objects are, for hosts that introspect them (the specifications' interfaces,
/// as served).
const ITEM_XML: &str = r#"<interface name="org.kde.StatusNotifierItem">
<method name="Activate"><arg name="x" type="i" direction="in"/><arg name="y" type="i" direction="in"/></method>
<method name="SecondaryActivate"><arg name="x" type="i" direction="in"/><arg name="y" type="i" direction="in"/></method>
<method name="ContextMenu"><arg name="x" type="i" direction="in"/><arg name="y" type="i" direction="in"/></method>
<method name="Scroll"><arg name="delta" type="i" direction="in"/><arg name="orientation" type="s" direction="in"/></method>
<signal name="NewIcon"/><signal name="NewAttentionIcon"/><signal name="NewToolTip"/>
<signal name="NewStatus"><arg name="status" type="s"/></signal>
<property name="Category" type="s" access="read"/><property name="Id" type="s" access="read"/>
<property name="Title" type="s" access="read"/><property name="Status" type="s" access="read"/>
<property name="WindowId" type="i" access="read"/><property name="IconName" type="s" access="read"/>
<property name="IconThemePath" type="s" access="read"/><property name="AttentionIconName" type="s" access="read"/>
<property name="OverlayIconName" type="s" access="read"/><property name="ToolTip" type="(sa(iiay)ss)" access="read"/>
<property name="ItemIsMenu" type="b" access="read"/><property name="Menu" type="o" access="read"/>
</interface>"#;
const MENU_XML: &str = r#"<interface name="com.canonical.dbusmenu">
<method name="GetLayout"><arg name="parentId" type="i" direction="in"/><arg name="recursionDepth" type="i" direction="in"/><arg name="propertyNames" type="as" direction="in"/><arg name="revision" type="u" direction="out"/><arg name="layout" type="(ia{sv}av)" direction="out"/></method>
<method name="GetGroupProperties"><arg name="ids" type="ai" direction="in"/><arg name="propertyNames" type="as" direction="in"/><arg name="properties" type="a(ia{sv})" direction="out"/></method>
<method name="GetProperty"><arg name="id" type="i" direction="in"/><arg name="name" type="s" direction="in"/><arg name="value" type="v" direction="out"/></method>
<method name="Event"><arg name="id" type="i" direction="in"/><arg name="eventId" type="s" direction="in"/><arg name="data" type="v" direction="in"/><arg name="timestamp" type="u" direction="in"/></method>
<method name="EventGroup"><arg name="events" type="a(isvu)" direction="in"/><arg name="idErrors" type="ai" direction="out"/></method>
<method name="AboutToShow"><arg name="id" type="i" direction="in"/><arg name="needUpdate" type="b" direction="out"/></method>
<method name="AboutToShowGroup"><arg name="ids" type="ai" direction="in"/><arg name="updatesNeeded" type="ai" direction="out"/><arg name="idErrors" type="ai" direction="out"/></method>
<signal name="ItemsPropertiesUpdated"><arg name="updatedProps" type="a(ia{sv})"/><arg name="removedProps" type="a(ias)"/></signal>
<signal name="LayoutUpdated"><arg name="revision" type="u"/><arg name="parent" type="i"/></signal>
<property name="Version" type="u" access="read"/><property name="TextDirection" type="s" access="read"/>
<property name="Status" type="s" access="read"/><property name="IconThemePath" type="as" access="read"/>
</interface>"#;
/// The interfaces every object has.
const STANDARD_XML: &str = r#"<interface name="org.freedesktop.DBus.Properties">
<method name="Get"><arg name="interface_name" type="s" direction="in"/><arg name="property_name" type="s" direction="in"/><arg type="v" direction="out"/></method>
<method name="GetAll"><arg name="interface_name" type="s" direction="in"/><arg type="a{sv}" direction="out"/></method>
<method name="Set"><arg name="interface_name" type="s" direction="in"/><arg name="property_name" type="s" direction="in"/><arg name="value" type="v" direction="in"/></method>
<signal name="PropertiesChanged"><arg name="interface_name" type="s"/><arg name="changed_properties" type="a{sv}"/><arg name="invalidated_properties" type="as"/></signal>
</interface>
<interface name="org.freedesktop.DBus.Introspectable"><method name="Introspect"><arg type="s" direction="out"/></method></interface>
<interface name="org.freedesktop.DBus.Peer"><method name="Ping"/></interface>"#;

/// A menu item's properties (only those that differ from the defaults: enabled, visible).
type Properties = HashMap<&'static str, Variant<'static>>;

/// A layout node: id, properties, children (each a [`Node`] in a variant): `(ia{sv}av)`.
type Node = (i32, Properties, Vec<Variant<'static>>);

/// What a call asks of the icon's task once it is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Nothing more.
    Nothing,
    /// A left click on the icon.
    Activate,
    /// A menu entry was clicked.
    Press(Entry),
}

/// The method calls that come to the daemon's connection, from the time the objects are
/// served (only method calls: the match rule stays on this side, nothing is asked of the bus).
pub async fn calls(conn: &zbus::Connection) -> zbus::Result<MessageStream> {
    let rule = MatchRule::builder().msg_type(Type::MethodCall).build()?;
    MessageStream::for_match_rule(rule, conn, None).await
}

/// The two objects as served: what they show, and the menu's layout revision.
pub struct Objects {
    /// What they show.
    pub look: Look,
    /// Counts layouts: a host asks for the layout again when `LayoutUpdated` names a newer one.
    pub revision: u32,
}

/// Why a call gets an error, as the D-Bus error's name and text.
struct Refused(&'static str, String);

/// The arguments of `call`, or the refusal of arguments of the wrong types.
fn arguments<B>(call: &Message) -> Result<B, Refused>
where
    B: serde::de::DeserializeOwned + zbus::zvariant::Type,
{
    call.body().deserialize().map_err(|e| {
        Refused(
            "org.freedesktop.DBus.Error.InvalidArgs",
            format!("bad arguments: {e}"),
        )
    })
}

impl Objects {
    /// The reply to `call` (a method call to this connection), and what the icon's task is to
    /// do once it is sent. A call to another object or an unknown method gets the error a bus
    /// library gives for it.
    pub fn answer(&self, call: &Message) -> zbus::Result<(Message, After)> {
        let header = call.header();
        let path = header.path().map_or("", |p| p.as_str());
        let interface = header.interface().map_or("", |i| i.as_str());
        let member = header.member().map_or("", |m| m.as_str());
        let result = match (interface, member) {
            (INTROSPECTABLE, "Introspect") => introspect(&header, path),
            (PEER, "Ping") => Ok((Message::method_return(&header).build(&())?, After::Nothing)),
            (PROPERTIES, _) if path == ITEM_PATH || path == MENU_PATH => {
                self.properties(call, &header, path, member)
            }
            (ITEM, _) if path == ITEM_PATH => item_call(call, &header, member),
            (MENU, _) if path == MENU_PATH => self.menu_call(call, &header, member),
            _ if path == ITEM_PATH || path == MENU_PATH => Err(Refused(
                "org.freedesktop.DBus.Error.UnknownMethod",
                format!("no method {interface}.{member} at {path}"),
            )),
            _ => Err(Refused(
                "org.freedesktop.DBus.Error.UnknownObject",
                format!("no object at {path}"),
            )),
        };
        match result {
            Ok(reply) => Ok(reply),
            Err(Refused(name, text)) => Ok((
                Message::error(&header, name).build(&(text,))?,
                After::Nothing,
            )),
        }
    }

    /// `Get`, `GetAll` and `Set` of the properties of the object at `path`.
    fn properties(
        &self,
        call: &Message,
        header: &Header<'_>,
        path: &str,
        member: &str,
    ) -> Result<(Message, After), Refused> {
        let own = if path == ITEM_PATH { ITEM } else { MENU };
        let all = if path == ITEM_PATH {
            self.item_properties()
        } else {
            menu_properties()
        };
        match member {
            "Get" => {
                let (interface, name): (String, String) = arguments(call)?;
                let value = all
                    .into_iter()
                    .find(|(n, _)| interface == own && *n == name)
                    .map(|(_, v)| v)
                    .ok_or_else(|| {
                        Refused(
                            "org.freedesktop.DBus.Error.UnknownProperty",
                            format!("no property {interface}.{name}"),
                        )
                    })?;
                reply(header, &value, After::Nothing)
            }
            "GetAll" => {
                let (interface,): (String,) = arguments(call)?;
                let map: HashMap<&str, Variant<'static>> = if interface == own {
                    all.into_iter().collect()
                } else {
                    HashMap::new()
                };
                reply(header, &map, After::Nothing)
            }
            "Set" => Err(Refused(
                "org.freedesktop.DBus.Error.PropertyReadOnly",
                "every property is read-only".to_owned(),
            )),
            _ => Err(Refused(
                "org.freedesktop.DBus.Error.UnknownMethod",
                format!("no method {PROPERTIES}.{member}"),
            )),
        }
    }

    /// The item's properties, by name.
    fn item_properties(&self) -> Vec<(&'static str, Variant<'static>)> {
        let icon = self.look.state.icon();
        let text: Vec<String> = self
            .look
            .lines
            .iter()
            .map(|l| crate::daemon::notify::escape(l))
            .collect();
        let pictures: Vec<(i32, i32, Vec<u8>)> = Vec::new();
        let tooltip = Structure::from((icon, pictures, TITLE, text.join("\n")));
        let menu = OwnedObjectPath::try_from(MENU_PATH).unwrap_or_default();
        vec![
            ("Category", Variant::from("ApplicationStatus")),
            ("Id", Variant::from("stretchd")),
            ("Title", Variant::from(TITLE)),
            ("Status", Variant::from(self.look.state.sni_status())),
            ("WindowId", Variant::from(0i32)),
            ("IconName", Variant::from(icon)),
            ("IconThemePath", Variant::from("")),
            ("AttentionIconName", Variant::from(icon)),
            ("OverlayIconName", Variant::from("")),
            ("ToolTip", Variant::Structure(tooltip)),
            ("ItemIsMenu", Variant::from(false)),
            ("Menu", Variant::from(menu.into_inner())),
        ]
    }

    /// The menu's methods.
    fn menu_call(
        &self,
        call: &Message,
        header: &Header<'_>,
        member: &str,
    ) -> Result<(Message, After), Refused> {
        match member {
            // The layout under `parent` (0: the whole menu; it is one level deep), with every
            // property whatever is asked for (the specification allows more).
            "GetLayout" => {
                let (parent, _depth, _names): (i32, i32, Vec<String>) = arguments(call)?;
                let layout: Node = if parent == 0 {
                    let root = HashMap::from([("children-display", Variant::from("submenu"))]);
                    let children = self
                        .look
                        .menu
                        .iter()
                        .map(|e| node(&self.look, *e))
                        .collect();
                    (0, root, children)
                } else {
                    (
                        parent,
                        properties(&self.look, self.entry(parent)?),
                        Vec::new(),
                    )
                };
                reply(header, &(self.revision, layout), After::Nothing)
            }
            "GetGroupProperties" => {
                let (ids, _names): (Vec<i32>, Vec<String>) = arguments(call)?;
                let found: Vec<(i32, Properties)> = self
                    .look
                    .menu
                    .iter()
                    .filter(|e| ids.is_empty() || ids.contains(&e.id()))
                    .map(|&e| (e.id(), properties(&self.look, e)))
                    .collect();
                reply(header, &found, After::Nothing)
            }
            "GetProperty" => {
                let (id, name): (i32, String) = arguments(call)?;
                let value = properties(&self.look, self.entry(id)?)
                    .remove(name.as_str())
                    .ok_or_else(|| {
                        Refused(
                            "org.freedesktop.DBus.Error.InvalidArgs",
                            format!("item {id} has no property {name}"),
                        )
                    })?;
                reply(header, &value, After::Nothing)
            }
            // A click carries the entry out.
            "Event" => {
                let (id, event, _data, _time): (i32, String, OwnedVariant, u32) = arguments(call)?;
                let after = match self.entry(id) {
                    Ok(entry) if event == "clicked" => After::Press(entry),
                    _ => After::Nothing,
                };
                reply(header, &(), after)
            }
            // Several events: the first click is carried out (a host sends one at a time); the
            // ids not in the menu come back.
            "EventGroup" => {
                let (events,): (Vec<(i32, String, OwnedVariant, u32)>,) = arguments(call)?;
                let mut after = After::Nothing;
                let mut unknown = Vec::new();
                for (id, event, _, _) in events {
                    match self.entry(id) {
                        Ok(entry) if event == "clicked" && after == After::Nothing => {
                            after = After::Press(entry);
                        }
                        Ok(_) => {}
                        Err(_) => unknown.push(id),
                    }
                }
                reply(header, &unknown, after)
            }
            // The menu is always current: no update is needed, none is unknown.
            "AboutToShow" => {
                let _: (i32,) = arguments(call)?;
                reply(header, &false, After::Nothing)
            }
            "AboutToShowGroup" => {
                let _: (Vec<i32>,) = arguments(call)?;
                let none: Vec<i32> = Vec::new();
                reply(header, &(none.clone(), none), After::Nothing)
            }
            _ => Err(Refused(
                "org.freedesktop.DBus.Error.UnknownMethod",
                format!("no method {MENU}.{member}"),
            )),
        }
    }

    /// The entry with id `id` in the menu shown.
    fn entry(&self, id: i32) -> Result<Entry, Refused> {
        self.look
            .menu
            .iter()
            .copied()
            .find(|e| e.id() == id)
            .ok_or_else(|| {
                Refused(
                    "org.freedesktop.DBus.Error.InvalidArgs",
                    format!("no menu item {id}"),
                )
            })
    }
}

/// `Introspect`: the object at `path`, or the tree down to it.
fn introspect(header: &Header<'_>, path: &str) -> Result<(Message, After), Refused> {
    let inner = match path {
        ITEM_PATH => format!("{ITEM_XML}\n{STANDARD_XML}"),
        MENU_PATH => format!("{MENU_XML}\n{STANDARD_XML}"),
        "/" => r#"<node name="StatusNotifierItem"/><node name="MenuBar"/>"#.to_owned(),
        _ => String::new(),
    };
    let xml = format!(
        "<!DOCTYPE node PUBLIC \"-//freedesktop//DTD D-BUS Object Introspection 1.0//EN\" \
         \"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd\">\n<node>\n{inner}\n</node>\n"
    );
    reply(header, &xml, After::Nothing)
}

/// The item's methods: a left click shows the status (for hosts without tooltips, and for
/// people who click rather than hover); a middle click, the host's own menu and the wheel
/// do nothing (the menu holds every action, and every host here draws it).
fn item_call(
    call: &Message,
    header: &Header<'_>,
    member: &str,
) -> Result<(Message, After), Refused> {
    let after = match member {
        "Activate" => After::Activate,
        "SecondaryActivate" | "ContextMenu" => After::Nothing,
        "Scroll" => {
            let _: (i32, String) = arguments(call)?;
            return reply(header, &(), After::Nothing);
        }
        _ => {
            return Err(Refused(
                "org.freedesktop.DBus.Error.UnknownMethod",
                format!("no method {ITEM}.{member}"),
            ));
        }
    };
    let _: (i32, i32) = arguments(call)?;
    reply(header, &(), after)
}

/// The menu's own properties, by name.
fn menu_properties() -> Vec<(&'static str, Variant<'static>)> {
    vec![
        ("Version", Variant::from(3u32)),
        ("TextDirection", Variant::from("ltr")),
        ("Status", Variant::from("normal")),
        ("IconThemePath", Variant::from(Vec::<String>::new())),
    ]
}

/// A method return to `header` carrying `body`.
fn reply<B>(header: &Header<'_>, body: &B, after: After) -> Result<(Message, After), Refused>
where
    B: serde::Serialize + zbus::zvariant::DynamicType,
{
    Message::method_return(header)
        .build(body)
        .map(|m| (m, after))
        .map_err(|e| {
            Refused(
                "org.freedesktop.DBus.Error.Failed",
                format!("cannot write the reply: {e}"),
            )
        })
}

fn properties(look: &Look, entry: Entry) -> Properties {
    match entry {
        Entry::Separator(_) => HashMap::from([("type", Variant::from("separator"))]),
        _ => HashMap::from([("label", Variant::from(look.label(entry).to_owned()))]),
    }
}

/// A menu item as a layout node with no children.
fn node(look: &Look, entry: Entry) -> Variant<'static> {
    let children: Vec<Variant<'static>> = Vec::new();
    Variant::Structure(Structure::from((
        entry.id(),
        properties(look, entry),
        children,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::daemon::tray::look::State;

    fn objects() -> Objects {
        Objects {
            look: Look {
                state: State::Due,
                lines: vec!["Now: Stretch: Seated twist".to_owned()],
                menu: vec![Entry::Done, Entry::Separator(1), Entry::Resume],
                labels: vec!["Done".to_owned(), String::new(), "Resume".to_owned()],
            },
            revision: 7,
        }
    }

    fn call<B>(path: &str, interface: &str, member: &str, body: &B) -> Message
    where
        B: serde::Serialize + zbus::zvariant::DynamicType,
    {
        Message::method_call(path, member)
            .interface(interface)
            .sender(":1.9")
            .build(body)
            .unwrap()
    }

    /// A layout node as a host reads it.
    type Read = (i32, HashMap<String, OwnedVariant>, Vec<OwnedVariant>);

    fn error_name(reply: &Message) -> Option<String> {
        let header = reply.header();
        header.error_name().map(ToString::to_string)
    }

    #[test]
    fn properties_are_read_one_at_a_time_or_all_and_never_written() {
        let o = objects();
        let (reply, after) = o
            .answer(&call(ITEM_PATH, PROPERTIES, "Get", &(ITEM, "Status")))
            .unwrap();
        assert_eq!(after, After::Nothing);
        let value: OwnedVariant = reply.body().deserialize().unwrap();
        assert_eq!(String::try_from(value).unwrap(), "NeedsAttention");

        let (reply, _) = o
            .answer(&call(ITEM_PATH, PROPERTIES, "GetAll", &(ITEM,)))
            .unwrap();
        let all: HashMap<String, OwnedVariant> = reply.body().deserialize().unwrap();
        assert_eq!(all.len(), 12, "{all:?}");
        assert!(all.contains_key("ToolTip") && all.contains_key("Menu"));
        let (reply, _) = o
            .answer(&call(MENU_PATH, PROPERTIES, "GetAll", &(MENU,)))
            .unwrap();
        let all: HashMap<String, OwnedVariant> = reply.body().deserialize().unwrap();
        assert_eq!(u32::try_from(&all["Version"]).unwrap(), 3);
        // Another interface's properties: none here.
        let (reply, _) = o
            .answer(&call(ITEM_PATH, PROPERTIES, "GetAll", &(MENU,)))
            .unwrap();
        let all: HashMap<String, OwnedVariant> = reply.body().deserialize().unwrap();
        assert!(all.is_empty());

        let (reply, _) = o
            .answer(&call(ITEM_PATH, PROPERTIES, "Get", &(ITEM, "Colour")))
            .unwrap();
        assert_eq!(
            error_name(&reply).as_deref(),
            Some("org.freedesktop.DBus.Error.UnknownProperty")
        );
        let set = (ITEM, "Status", Variant::from("Active"));
        let (reply, _) = o.answer(&call(ITEM_PATH, PROPERTIES, "Set", &set)).unwrap();
        assert_eq!(
            error_name(&reply).as_deref(),
            Some("org.freedesktop.DBus.Error.PropertyReadOnly")
        );
    }

    #[test]
    fn a_click_on_an_entry_presses_it_and_the_layout_carries_the_revision() {
        let o = objects();
        let click = (1i32, "clicked", Variant::from(""), 0u32);
        let (_, after) = o.answer(&call(MENU_PATH, MENU, "Event", &click)).unwrap();
        assert_eq!(after, After::Press(Entry::Done));
        // Not a click, or no such entry: nothing.
        let hover = (1i32, "hovered", Variant::from(""), 0u32);
        let (_, after) = o.answer(&call(MENU_PATH, MENU, "Event", &hover)).unwrap();
        assert_eq!(after, After::Nothing);
        let group = vec![(42i32, "clicked", Variant::from(""), 0u32), click];
        let (reply, after) = o
            .answer(&call(MENU_PATH, MENU, "EventGroup", &(group,)))
            .unwrap();
        assert_eq!(after, After::Press(Entry::Done));
        assert_eq!(reply.body().deserialize::<Vec<i32>>().unwrap(), [42]);

        let (reply, _) = o
            .answer(&call(
                MENU_PATH,
                MENU,
                "GetLayout",
                &(0i32, -1i32, Vec::<String>::new()),
            ))
            .unwrap();
        let (revision, (root, _, children)): (u32, Read) = reply.body().deserialize().unwrap();
        assert_eq!((revision, root, children.len()), (7, 0, 3));
    }

    #[test]
    fn bad_arguments_unknown_methods_and_other_objects_get_errors() {
        let o = objects();
        let cases = [
            (
                call(MENU_PATH, MENU, "Event", &("not an id",)),
                "org.freedesktop.DBus.Error.InvalidArgs",
            ),
            (
                call(ITEM_PATH, ITEM, "Explode", &()),
                "org.freedesktop.DBus.Error.UnknownMethod",
            ),
            (
                call("/elsewhere", ITEM, "Activate", &(0i32, 0i32)),
                "org.freedesktop.DBus.Error.UnknownObject",
            ),
            (
                call(MENU_PATH, MENU, "GetProperty", &(99i32, "label")),
                "org.freedesktop.DBus.Error.InvalidArgs",
            ),
        ];
        for (msg, name) in cases {
            let (reply, after) = o.answer(&msg).unwrap();
            assert_eq!(error_name(&reply).as_deref(), Some(name), "{msg:?}");
            assert_eq!(after, After::Nothing);
        }
    }

    #[test]
    fn introspection_names_both_objects_and_their_interfaces() {
        let o = objects();
        let (reply, _) = o
            .answer(&call("/", INTROSPECTABLE, "Introspect", &()))
            .unwrap();
        let xml: String = reply.body().deserialize().unwrap();
        assert!(
            xml.contains(r#"<node name="StatusNotifierItem"/>"#),
            "{xml}"
        );
        let (reply, _) = o
            .answer(&call(MENU_PATH, INTROSPECTABLE, "Introspect", &()))
            .unwrap();
        let xml: String = reply.body().deserialize().unwrap();
        assert!(xml.contains(r#"<interface name="com.canonical.dbusmenu">"#));
        assert!(xml.contains(r#"<interface name="org.freedesktop.DBus.Properties">"#));
    }
}
