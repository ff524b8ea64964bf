//! Small D-Bus helpers shared by the presence sources that listen on a bus ([`super::logind`],
//! [`super::mutter`], [`super::screensaver`], [`super::dnd`]) and the tray icon (which follows
//! its host's name): connections and their errors,
//! match rules, name owners, property reads that never start a service, and the task loop over
//! a source's two signal streams ([`follow`]).
//!
//! Signals are subscribed to with the service's well-known name as the sender, so the bus routes
//! them from whoever owns the name now, a restarted service included. (zbus cannot check a
//! well-known sender on its side, so a rule here also relies on the path, interface and member
//! it names; every source uses a connection of its own in the daemon.)

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use futures_util::StreamExt;
use tracing::debug;
use zbus::message::Type;
use zbus::proxy::{CacheProperties, MethodFlags};
use zbus::{Connection, MatchRule, Message, MessageStream, OwnedVariant};

const BUS_NAME: &str = "org.freedesktop.DBus";
const BUS_PATH: &str = "/org/freedesktop/DBus";
/// The standard properties interface.
pub(super) const PROPERTIES: &str = "org.freedesktop.DBus.Properties";

/// Bound for setting a source up, and for each method call of the sources' own connections: a
/// bus or service that does not answer makes `start` fail instead of hanging.
pub(super) const CALL_TIMEOUT: Duration = Duration::from_secs(5);

/// A message bus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bus {
    /// The user's session bus.
    Session,
    /// The system bus (logind's).
    System,
}

impl std::fmt::Display for Bus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Bus::Session => "session",
            Bus::System => "system",
        })
    }
}

/// Why a source on a bus ([`super::logind`], [`super::mutter`], [`super::screensaver`],
/// [`super::dnd`]) could not start.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BusError {
    /// No connection to the bus could be made.
    #[error("no {bus} bus: {cause}")]
    Connect {
        /// Which bus.
        bus: Bus,
        /// Why.
        cause: zbus::Error,
    },
    /// The bus or the service did not answer within [`CALL_TIMEOUT`].
    #[error("{who} did not answer within {CALL_TIMEOUT:?}")]
    Timeout {
        /// The bus or the service, as the message names it.
        who: &'static str,
    },
    /// Nobody owns the service's name on the bus.
    #[error("no {name} on the {bus} bus{hint}")]
    Absent {
        /// The well-known name.
        name: &'static str,
        /// Which bus.
        bus: Bus,
        /// What the absence suggests (" (not GNOME?)"), or nothing.
        hint: &'static str,
    },
    /// A call, a subscription or a reply failed.
    #[error("{doing}: {cause}")]
    Call {
        /// What was being done ("asking the session bus for org.gnome.Mutter.IdleMonitor").
        doing: String,
        /// What failed.
        cause: zbus::Error,
    },
    /// logind has no session to follow.
    #[error("this process is in no logind session and user {uid} has no display session")]
    NoSession {
        /// This user.
        uid: u32,
    },
}

impl BusError {
    /// For `map_err`: a [`BusError::Call`] that was `doing` something.
    pub(super) fn call(doing: impl Into<String>) -> impl FnOnce(zbus::Error) -> BusError {
        move |cause| BusError::Call {
            doing: doing.into(),
            cause,
        }
    }
}

/// Connects to `bus` (the session bus at `DBUS_SESSION_BUS_ADDRESS`, the system bus at
/// `DBUS_SYSTEM_BUS_ADDRESS` when set), with [`CALL_TIMEOUT`] on calls.
pub(super) async fn connect(bus: Bus) -> Result<Connection, BusError> {
    let builder = match bus {
        Bus::Session => zbus::connection::Builder::session(),
        Bus::System => zbus::connection::Builder::system(),
    };
    let connect = builder.method_timeout(CALL_TIMEOUT).build();
    match tokio::time::timeout(CALL_TIMEOUT, connect).await {
        Ok(Ok(conn)) => Ok(conn),
        Ok(Err(cause)) => Err(BusError::Connect { bus, cause }),
        Err(_) => Err(BusError::Timeout {
            who: match bus {
                Bus::Session => "the session bus",
                Bus::System => "the system bus",
            },
        }),
    }
}

/// Subscribes to the signals `sender` emits at `path`, narrowed to `interface` and `member` when
/// given. Messages that arrive after this returns are queued in the stream.
pub(super) async fn subscribe(
    conn: &Connection,
    sender: &str,
    path: &str,
    interface: Option<&str>,
    member: Option<&str>,
) -> zbus::Result<MessageStream> {
    let mut rule = MatchRule::builder()
        .msg_type(Type::Signal)
        .sender(sender)
        .path(path);
    if let Some(interface) = interface {
        rule = rule.interface(interface);
    }
    if let Some(member) = member {
        rule = rule.member(member);
    }
    MessageStream::for_match_rule(rule.build()?, conn, None).await
}

/// Subscribes to the bus's `NameOwnerChanged` for `name`: see [`owned_now`].
pub(in crate::daemon) async fn owner_changes(
    conn: &Connection,
    name: &str,
) -> zbus::Result<MessageStream> {
    let rule = MatchRule::builder()
        .msg_type(Type::Signal)
        .sender(BUS_NAME)
        .path(BUS_PATH)
        .interface(BUS_NAME)
        .member("NameOwnerChanged")
        .arg(0, name)
        .build()?;
    MessageStream::for_match_rule(rule, conn, None).await
}

/// A tracker's two signal streams, on one connection: see [`Follow`].
pub(super) type Streams = (MessageStream, MessageStream);

/// A source's task state that follows two signal streams ([`Streams`]): a service's signals and
/// its owner's changes, say. [`follow`] runs it; an implementation states only what the streams
/// are and what each message does.
pub(super) trait Follow {
    /// The source's name, for the logs.
    const NAME: &'static str;
    /// Handles a message of the first stream; `false` stops the task (the daemon stopped
    /// listening).
    async fn first(&mut self, msg: &Message) -> bool;
    /// Handles a message of the second stream, as [`Follow::first`].
    async fn second(&mut self, msg: &Message) -> bool;
}

/// Feeds `tracker` the messages of both `streams` in the order they come, until a handler
/// returns `false` or the connection closes.
pub(super) async fn follow<T: Follow>(mut tracker: T, (mut first, mut second): Streams) {
    loop {
        let going_on = tokio::select! {
            msg = next(&mut first, T::NAME) => match msg {
                Some(msg) => tracker.first(&msg).await,
                None => false,
            },
            msg = next(&mut second, T::NAME) => match msg {
                Some(msg) => tracker.second(&msg).await,
                None => false,
            },
        };
        if !going_on {
            debug!(
                "{}: stopped (bus connection closed or the daemon stopped listening)",
                T::NAME
            );
            return;
        }
    }
}

/// Follows a service that must be running now: checks that `name` has an owner (else `Err`
/// with "no `name` on the session bus", plus `hint`), then subscribes to its `member` signal
/// and to changes of its owner. Returns the signal stream and the owner stream.
pub(super) async fn follow_service(
    conn: &Connection,
    name: &'static str,
    path: &str,
    interface: &str,
    member: &str,
    hint: &'static str,
) -> Result<Streams, BusError> {
    if !has_owner(conn, name)
        .await
        .map_err(BusError::call(format!("asking the session bus for {name}")))?
    {
        return Err(BusError::Absent {
            name,
            bus: Bus::Session,
            hint,
        });
    }
    let signals = subscribe(conn, name, path, Some(interface), Some(member))
        .await
        .map_err(BusError::call(format!("subscribing to {name}'s {member}")))?;
    let owners = owner_changes(conn, name)
        .await
        .map_err(BusError::call(format!("subscribing to {name}'s owner")))?;
    Ok((signals, owners))
}

/// From a `NameOwnerChanged` signal: whether the name has an owner now.
pub(in crate::daemon) fn owned_now(msg: &Message) -> Option<bool> {
    let (_name, _old, new) = msg.body().deserialize::<(String, String, String)>().ok()?;
    Some(!new.is_empty())
}

/// Whether `name` has an owner on the bus.
pub(in crate::daemon) async fn has_owner(conn: &Connection, name: &str) -> zbus::Result<bool> {
    let reply = conn
        .call_method(
            Some(BUS_NAME),
            BUS_PATH,
            Some(BUS_NAME),
            "NameHasOwner",
            &(name,),
        )
        .await?;
    reply.body().deserialize()
}

/// The uid of the process on the other end of this connection (us), as the bus knows it.
pub(super) async fn own_uid(conn: &Connection) -> zbus::Result<u32> {
    let name = conn
        .unique_name()
        .ok_or_else(|| zbus::Error::Failure("the connection has no unique name".to_owned()))?;
    let reply = conn
        .call_method(
            Some(BUS_NAME),
            BUS_PATH,
            Some(BUS_NAME),
            "GetConnectionUnixUser",
            &(name.as_str(),),
        )
        .await?;
    reply.body().deserialize()
}

/// Reads property `interface.name` of the object at `path` owned by `destination`, without
/// letting the bus start the service when nobody owns the name.
pub(super) async fn get_property(
    conn: &Connection,
    destination: &str,
    path: &str,
    interface: &str,
    name: &str,
) -> zbus::Result<OwnedVariant> {
    let proxy: zbus::Proxy<'_> = zbus::proxy::Builder::new(conn)
        .destination(destination)
        .path(path)
        .interface(PROPERTIES)
        .cache_properties(CacheProperties::No)
        .build()
        .await?;
    bounded(proxy.call_with_flags::<_, _, OwnedVariant>(
        "Get",
        MethodFlags::NO_AUTO_START,
        &(interface, name),
    ))
    .await?
    .ok_or(zbus::Error::InvalidReply)
}

/// `call`, failing after [`CALL_TIMEOUT`]: a service that never answers (or a connection made
/// without a method timeout) must not stall a source for good.
pub(in crate::daemon) async fn bounded<T>(
    call: impl Future<Output = zbus::Result<T>>,
) -> zbus::Result<T> {
    tokio::time::timeout(CALL_TIMEOUT, call)
        .await
        .unwrap_or_else(|_| {
            Err(zbus::Error::Failure(format!(
                "no answer within {CALL_TIMEOUT:?}"
            )))
        })
}

/// The body of a `org.freedesktop.DBus.Properties.PropertiesChanged` signal.
pub(super) struct PropertiesChanged {
    /// The interface whose properties changed.
    pub interface: String,
    /// New values.
    pub values: HashMap<String, OwnedVariant>,
    /// Properties that changed without their new value.
    pub invalidated: Vec<String>,
}

impl PropertiesChanged {
    /// The new value of boolean property `name`, if the signal carries one.
    pub fn bool(&self, name: &str) -> Option<bool> {
        self.values.get(name).and_then(|v| bool::try_from(v).ok())
    }

    /// Whether property `name` changed, with or without its value.
    pub fn touches(&self, name: &str) -> bool {
        self.values.contains_key(name) || self.invalidated.iter().any(|p| p == name)
    }
}

/// `msg` as a `PropertiesChanged` signal, if it is one.
pub(super) fn properties_changed(msg: &Message) -> Option<PropertiesChanged> {
    if !is(msg, PROPERTIES, "PropertiesChanged") {
        return None;
    }
    let (interface, values, invalidated) = msg
        .body()
        .deserialize::<(String, HashMap<String, OwnedVariant>, Vec<String>)>()
        .ok()?;
    Some(PropertiesChanged {
        interface,
        values,
        invalidated,
    })
}

/// Whether `msg` is `interface.member`.
pub(super) fn is(msg: &Message, interface: &str, member: &str) -> bool {
    let header = msg.header();
    header.interface().is_some_and(|i| i.as_str() == interface)
        && header.member().is_some_and(|m| m.as_str() == member)
}

/// The next message of `stream`: `None` once the connection is gone. A message that cannot be
/// read is logged and skipped.
pub(in crate::daemon) async fn next(stream: &mut MessageStream, what: &str) -> Option<Message> {
    loop {
        match stream.next().await? {
            Ok(msg) => return Some(msg),
            Err(e) => debug!("{what}: unreadable message: {e}"),
        }
    }
}
