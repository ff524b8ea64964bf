//! A tray host's view of stretchd's icon: its dbusmenu read and pressed over D-Bus as a host
//! does (`com.canonical.dbusmenu` on the item's `/MenuBar`), for the tray tests on xfce4-panel,
//! Plasma and GNOME Shell's `AppIndicator` extension.

use std::collections::HashMap;

use zbus::{Connection, OwnedVariant};

use crate::SOON;

/// The dbusmenu interface.
pub const MENU: &str = "com.canonical.dbusmenu";

/// A dbusmenu layout node: id, properties, children.
type Node = (i32, HashMap<String, OwnedVariant>, Vec<OwnedVariant>);

/// The bus name under which the daemon with `pid` shows its icon.
pub fn item_name(pid: u32) -> String {
    format!("org.kde.StatusNotifierItem-{pid}-1")
}

/// Calls `method` of the item `name`'s menu, bounded by [`SOON`].
async fn call<B>(conn: &Connection, name: &str, method: &str, body: &B) -> zbus::Message
where
    B: serde::Serialize + zbus::wire::DynamicType,
{
    tokio::time::timeout(
        SOON,
        conn.call_method(Some(name), "/MenuBar", Some(MENU), method, body),
    )
    .await
    .unwrap_or_else(|_| panic!("{name} {method}: no answer within {SOON:?}"))
    .unwrap_or_else(|e| panic!("{name} {method}: {e}"))
}

/// The top-level entries of the item `name`'s menu, as (id, label, type).
pub async fn menu(conn: &Connection, name: &str) -> Vec<(i32, String, String)> {
    let reply = call(
        conn,
        name,
        "GetLayout",
        &(0i32, -1i32, Vec::<String>::new()),
    )
    .await;
    let (_revision, (_root, _props, children)): (u32, Node) = reply.body().deserialize().unwrap();
    children
        .into_iter()
        .map(|child| {
            let (id, props, _): Node = zbus::wire::Structure::try_from(child)
                .unwrap()
                .try_into()
                .unwrap();
            let text = |key: &str| {
                props
                    .get(key)
                    .map(|v| String::try_from(v.try_clone().unwrap()).unwrap())
                    .unwrap_or_default()
            };
            (id, text("label"), text("type"))
        })
        .collect()
}

/// Presses the entry labelled `label` of the item `name`'s menu, as a host does on a click.
pub async fn press(conn: &Connection, name: &str, label: &str) {
    let entries = menu(conn, name).await;
    let id = entries
        .iter()
        .find(|(_, l, _)| l == label)
        .unwrap_or_else(|| panic!("no {label:?} in the menu {entries:?}"))
        .0;
    call(
        conn,
        name,
        "Event",
        &(id, "clicked", zbus::Variant::from(""), 0u32),
    )
    .await;
}
