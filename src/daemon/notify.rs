//! Desktop notifications over D-Bus (`org.freedesktop.Notifications`).
//!
//! zbus is used directly rather than through notify-rust: notify-rust opens a new bus connection
//! for every notification and subscribes to `ActionInvoked` only after `Notify` returns, so a fast
//! click could be lost. Here one connection subscribes once, before the first notification, to
//! the server's signals from whoever owns the name, so a restarted server is heard too.

use std::collections::HashMap;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::mpsc;
use tracing::{debug, warn};
use zbus::{MatchRule, MessageStream, Variant, proxy};

use crate::catalog::session_title;
use crate::catalog::{DESK_NOTE, SAFETY_NOTICE, WARM_UP};
use crate::config::{Config, Kind};
use crate::schedule::Fire;

const INTERFACE: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
/// The icon shown with every reminder, from the freedesktop icon naming spec.
const ICON: &str = "preferences-desktop-accessibility";

#[proxy(
    interface = "org.freedesktop.Notifications",
    default_service = "org.freedesktop.Notifications",
    default_path = "/org/freedesktop/Notifications"
)]
trait Notifications {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        app_name: &str,
        replaces_id: u32,
        app_icon: &str,
        summary: &str,
        body: &str,
        actions: &[&str],
        hints: HashMap<&str, Variant<'_>>,
        expire_timeout: i32,
    ) -> zbus::Result<u32>;

    fn get_capabilities(&self) -> zbus::Result<Vec<String>>;

    fn close_notification(&self, id: u32) -> zbus::Result<()>;
}

/// A button on a reminder, and the answer the daemon gets back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The user did it.
    Done,
    /// Bring it back later.
    Snooze,
    /// Not this time.
    Skip,
    /// The notification's body was clicked (the spec's `default` action, which servers do not
    /// draw as a button); what it does is `[notify] on_click`.
    Default,
}

impl Action {
    /// The action key sent to the server.
    pub fn key(self) -> &'static str {
        match self {
            Action::Done => "done",
            Action::Snooze => "snooze",
            Action::Skip => "skip",
            Action::Default => "default",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Action::Done => "Done",
            Action::Snooze => "Snooze",
            Action::Skip => "Skip",
            Action::Default => "",
        }
    }

    fn from_key(key: &str) -> Option<Action> {
        [Action::Done, Action::Snooze, Action::Skip, Action::Default]
            .into_iter()
            .find(|a| a.key() == key)
    }
}

/// What happened to a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The user pressed a button.
    Action(u32, Action),
    /// The notification went away without an answer; `expired` tells a timeout from a dismissal.
    Closed {
        /// The notification id.
        id: u32,
        /// Whether it timed out (as opposed to being dismissed or closed).
        expired: bool,
    },
}

/// One notification, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What to do, e.g. "Mid-back stretch: Seated twist, 15-30 s each side".
    pub title: String,
    /// Summary, numbered steps and dose, each paragraph one element, plain text.
    pub paragraphs: Vec<String>,
    /// The buttons.
    pub actions: Vec<Action>,
    /// The stretch's illustration, sent as the `image-path` hint; servers that show no images
    /// ignore it and show the text alone.
    pub image: Option<PathBuf>,
    /// Sent with the `transient` hint: the server lets it go by itself, keeping no copy in its
    /// list or history (a posture check; GNOME Shell would otherwise keep every one).
    pub transient: bool,
}

impl Notice {
    /// The notification for a firing: a desk stretch at its level with its steps and a line that
    /// says it is one (and the safety notice until the user has seen it), a session with its
    /// warm-up and stretches, or a posture check. Snooze is offered while the snooze limit
    /// allows. A stretch
    /// carries its illustration `<images>/<id>.svg` when that file exists (see
    /// [`crate::store::assets`]); `images: None` sends no pictures.
    pub fn for_fire(
        config: &Config,
        fire: &Fire,
        snooze_max: u32,
        images: Option<&Path>,
    ) -> Option<Notice> {
        let (title, mut paragraphs) = match fire.kind {
            Kind::Stretch => {
                let s = crate::schedule::level::leveled(
                    config.catalog.stretch(&fire.item)?,
                    fire.level.as_ref(),
                );
                let steps: Vec<String> = (1..)
                    .zip(&s.steps)
                    .map(|(n, step)| format!("{n}. {step}"))
                    .collect();
                (
                    s.title(),
                    vec![
                        DESK_NOTE.to_owned(),
                        s.summary.clone(),
                        steps.join("\n"),
                        s.dose.describe(),
                    ],
                )
            }
            Kind::Posture => {
                let p = config.catalog.posture(&fire.item)?;
                (p.title(), vec![p.text.clone()])
            }
            Kind::Session => {
                let stretches = crate::schedule::session_stretches(config, fire);
                let stretches: Vec<&crate::catalog::Stretch> = stretches.iter().collect();
                let list: Vec<String> = (1..)
                    .zip(&stretches)
                    .map(|(n, s)| format!("{n}. {}: {}", s.name, s.dose.describe()))
                    .collect();
                (
                    session_title(&stretches),
                    vec![
                        WARM_UP.to_owned(),
                        list.join("\n"),
                        "Done starts the guided session in a terminal.".to_owned(),
                    ],
                )
            }
        };
        paragraphs.retain(|p| !p.is_empty());
        if fire.safety {
            paragraphs.push(SAFETY_NOTICE.to_owned());
        }
        let mut actions = vec![Action::Done];
        if fire.snoozes < snooze_max {
            actions.push(Action::Snooze);
        }
        actions.push(Action::Skip);
        let image = images
            .filter(|_| fire.kind == Kind::Stretch)
            .map(|dir| crate::store::assets::image_file(dir, &fire.item))
            .filter(|path| path.is_file());
        Some(Notice {
            title,
            paragraphs,
            actions,
            image,
            transient: fire.kind == Kind::Posture,
        })
    }

    /// The notification for a config file that failed to load.
    pub fn config_error(message: &str) -> Notice {
        Notice {
            title: "stretchd: config not reloaded".to_owned(),
            paragraphs: vec![
                message.to_owned(),
                "The previous settings stay in force until the file is fixed.".to_owned(),
            ],
            actions: Vec::new(),
            image: None,
            transient: false,
        }
    }

    /// The actions sent to the server: for a reminder (a notice with buttons), the default
    /// action followed by the buttons; nothing for a notice without buttons.
    pub fn wire_actions(&self) -> Vec<Action> {
        if self.actions.is_empty() {
            return Vec::new();
        }
        std::iter::once(Action::Default)
            .chain(self.actions.iter().copied())
            .collect()
    }

    /// The body as plain text.
    pub fn plain_body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The body for servers that parse markup (they advertise `body-markup`): the same text,
    /// escaped so that `&` and `<` in a custom stretch show as written.
    pub fn markup_body(&self) -> String {
        let escaped: Vec<String> = self.paragraphs.iter().map(|p| escape(p)).collect();
        escaped.join("\n\n")
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Why a notification was not shown.
#[derive(Debug, Clone, thiserror::Error)]
pub enum NotifyError {
    /// Nothing owns `org.freedesktop.Notifications` on the session bus.
    #[error("no notification server is running (nothing owns org.freedesktop.Notifications)")]
    NoServer,
    /// The server did not answer within this long.
    #[error("the notification server did not answer within {} s", .0.as_secs())]
    Timeout(Duration),
    /// The bus or the server failed the call.
    #[error("{0}")]
    Failed(String),
}

impl From<zbus::Error> for NotifyError {
    fn from(e: zbus::Error) -> NotifyError {
        let unknown = |name: &str| {
            name == "org.freedesktop.DBus.Error.ServiceUnknown"
                || name == "org.freedesktop.DBus.Error.NameHasNoOwner"
        };
        match &e {
            zbus::Error::MethodError(name, _, _) if unknown(name.as_str()) => NotifyError::NoServer,
            zbus::Error::InputOutput(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                NotifyError::Timeout(CALL_TIMEOUT)
            }
            _ => NotifyError::Failed(e.to_string()),
        }
    }
}

/// Something that shows notifications: the real D-Bus server, or a recorder in tests.
///
/// The futures own what they need (`'static`): the daemon loop keeps them aside and goes on
/// serving requests and signals while the server answers, so a server that hangs never holds
/// the loop up. The loop also bounds each one with [`CALL_TIMEOUT`].
pub trait Notifier {
    /// Shows `notice`, replacing notification `replaces` (0 for none). Resolves to its id.
    fn show(
        &mut self,
        notice: &Notice,
        replaces: u32,
    ) -> impl Future<Output = Result<u32, NotifyError>> + 'static;

    /// Takes notification `id` off the screen (it was answered elsewhere). Best effort.
    fn close(&mut self, id: u32) -> impl Future<Output = ()> + 'static {
        let _ = id;
        std::future::ready(())
    }
}

/// The longest the daemon waits for the notification server to answer a call before it says so
/// (to `stretchd now`, and in its log): Notify with its `GetCapabilities`, `CloseNotification`,
/// the owner check of a signal.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a Notify call may still answer after [`CALL_TIMEOUT`]: a late reply still names the
/// notification on screen, so that its buttons work (or it is closed, if the reminder was
/// answered or replaced meanwhile).
pub const LATE_REPLY: Duration = Duration::from_secs(60);

/// The notification server on the session bus.
pub struct DbusNotifier {
    proxy: NotificationsProxy<'static>,
}

impl DbusNotifier {
    /// Connects to the session bus and forwards the server's `ActionInvoked` and
    /// `NotificationClosed` signals to `events`. No server needs to be running yet.
    ///
    /// `events` is dropped, closing the channel, when the connection to the bus closes (the
    /// bus went away): the daemon takes that as the end of the session bus.
    pub async fn connect(events: mpsc::Sender<Event>) -> zbus::Result<DbusNotifier> {
        // The daemon bounds each call by CALL_TIMEOUT itself, in words; this is the backstop.
        let conn = zbus::connection::Builder::session()
            .method_timeout(LATE_REPLY + CALL_TIMEOUT)
            .build()
            .await?;
        // The bus routes the server's broadcasts by its well-known name; a signal sent straight
        // to us by anyone else is dropped in `forward_signals`, which checks the sender.
        let rule = MatchRule::builder()
            .msg_type(zbus::message::Type::Signal)
            .sender(INTERFACE)
            .interface(INTERFACE)
            .path(PATH)
            .build()?;
        let stream = MessageStream::for_match_rule(rule, &conn, None).await?;
        let bus = zbus::fdo::DBusProxy::builder(&conn)
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?;
        tokio::spawn(forward_signals(stream, bus, events));
        let proxy = NotificationsProxy::builder(&conn)
            .cache_properties(zbus::proxy::CacheProperties::No)
            .build()
            .await?;
        Ok(DbusNotifier { proxy })
    }
}

impl Notifier for DbusNotifier {
    fn show(
        &mut self,
        notice: &Notice,
        replaces: u32,
    ) -> impl Future<Output = Result<u32, NotifyError>> + 'static {
        let proxy = self.proxy.clone();
        let notice = notice.clone();
        async move { Ok(send(&proxy, &notice, replaces).await?) }
    }

    fn close(&mut self, id: u32) -> impl Future<Output = ()> + 'static {
        let proxy = self.proxy.clone();
        async move {
            if let Err(e) = proxy.close_notification(id).await {
                debug!("closing notification {id}: {e}");
            }
        }
    }
}

/// One Notify call, shaped by what the server says it can do.
async fn send(
    proxy: &NotificationsProxy<'static>,
    notice: &Notice,
    replaces: u32,
) -> zbus::Result<u32> {
    let caps = proxy.get_capabilities().await?;
    let body = if caps.iter().any(|c| c == "body-markup") {
        notice.markup_body()
    } else {
        notice.plain_body()
    };
    let actions: Vec<&str> = if caps.iter().any(|c| c == "actions") {
        notice
            .wire_actions()
            .into_iter()
            .flat_map(|a| [a.key(), a.label()])
            .collect()
    } else {
        Vec::new()
    };
    let mut hints = HashMap::from([
        ("desktop-entry", Variant::from("stretchd")),
        ("category", Variant::from("presence")),
        ("urgency", Variant::U8(1)),
    ]);
    let image_uri = notice
        .image
        .as_deref()
        .filter(|path| path.is_absolute())
        .map(crate::store::assets::file_uri);
    if let Some(uri) = &image_uri {
        hints.insert("image-path", Variant::from(uri.as_str()));
    }
    if notice.transient {
        hints.insert("transient", Variant::from(true));
    }
    proxy
        .notify(
            "stretchd",
            replaces,
            ICON,
            &notice.title,
            &body,
            &actions,
            hints,
            -1,
        )
        .await
}

/// Turns the server's signals into [`Event`]s until the daemon stops listening or the bus
/// connection closes (the stream ends, or yields the read error that closed it). A signal counts
/// only when it comes from the unique name that owns `org.freedesktop.Notifications` now: any
/// other client of the session bus could otherwise forge a click on Done. (GNOME Shell sends each
/// `ActionInvoked` twice: broadcast from gnome-shell's own unique name, which the bus does not
/// route here as it does not own the name, and sent to us by its notification service, which
/// does; one click is one answer, as `tests/it/gnome.rs` checks.)
async fn forward_signals(
    mut stream: MessageStream,
    bus: zbus::fdo::DBusProxy<'static>,
    events: mpsc::Sender<Event>,
) {
    while let Some(Ok(msg)) = stream.next().await {
        let Some(event) = event_of(&msg) else {
            continue;
        };
        let header = msg.header();
        let sender = header.sender().map(|s| s.as_str().to_owned());
        let owner = match zbus::names::BusName::try_from(INTERFACE) {
            Ok(name) => bus.get_name_owner(name).await.ok(),
            Err(_) => None,
        };
        if sender.is_none() || owner.as_ref().map(|o| o.as_str()) != sender.as_deref() {
            warn!(
                "ignored a notification signal from {} (the notification server is {}): only the server may answer a reminder",
                sender.as_deref().unwrap_or("an unknown sender"),
                owner.as_ref().map_or("not running", |o| o.as_str())
            );
            continue;
        }
        if events.send(event).await.is_err() {
            break;
        }
    }
}

/// The event an `ActionInvoked` or `NotificationClosed` signal reports.
fn event_of(msg: &zbus::Message) -> Option<Event> {
    let header = msg.header();
    match header.member().map(zbus::names::MemberName::as_str) {
        Some("ActionInvoked") => msg
            .body()
            .deserialize::<(u32, String)>()
            .ok()
            .and_then(|(id, key)| Action::from_key(&key).map(|a| Event::Action(id, a))),
        Some("NotificationClosed") => {
            msg.body()
                .deserialize::<(u32, u32)>()
                .ok()
                .map(|(id, reason)| Event::Closed {
                    id,
                    expired: reason == 1,
                })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Fire;
    use crate::schedule::level::Level;

    /// The notice of a firing of `kind` showing `id` at `level`, with the default config,
    /// without pictures.
    fn notice_of(kind: Kind, id: &str, level: Option<Level>) -> Notice {
        let fire = Fire {
            at: chrono::DateTime::UNIX_EPOCH,
            reminder: kind.as_str().to_owned(),
            kind,
            item: id.to_owned(),
            snoozes: 0,
            safety: false,
            level,
            aside: Vec::new(),
            levels: std::collections::BTreeMap::new(),
        };
        let config = Config::parse(
            crate::config::DEFAULT_TOML,
            &crate::config::Origin::Embedded,
        )
        .unwrap();
        Notice::for_fire(&config, &fire, 3, None).unwrap()
    }

    /// The notice for the built-in stretch `id`.
    fn notice(id: &str) -> Notice {
        notice_of(Kind::Stretch, id, None)
    }

    #[test]
    fn a_session_lists_none_of_the_stretches_set_aside() {
        let config = Config::parse(
            crate::config::DEFAULT_TOML,
            &crate::config::Origin::Embedded,
        )
        .unwrap();
        let fire = Fire {
            at: chrono::DateTime::UNIX_EPOCH,
            reminder: "session".to_owned(),
            kind: Kind::Session,
            item: crate::catalog::SESSION_ITEM.to_owned(),
            snoozes: 0,
            safety: false,
            level: None,
            aside: vec!["cat-camel".to_owned(), "thread-the-needle".to_owned()],
            levels: std::collections::BTreeMap::new(),
        };
        let session = Notice::for_fire(&config, &fire, 3, None).unwrap();
        assert!(
            session
                .title
                .starts_with("Stretch session: warm-up and 2 stretches, about "),
            "{}",
            session.title
        );
        let list: Vec<&str> = session.paragraphs[1].lines().collect();
        assert_eq!(list.len(), 2, "{list:?}");
        assert!(list[0].starts_with("1. Thoracic extension: "), "{list:?}");
        assert!(list[1].starts_with("2. Seated twist: "), "{list:?}");
    }

    #[test]
    fn a_desk_stretch_says_it_is_one_and_a_session_lists_its_warm_up_and_stretches() {
        let twist = notice("seated-twist");
        assert_eq!(twist.paragraphs[0], DESK_NOTE);
        let session = notice_of(Kind::Session, crate::catalog::SESSION_ITEM, None);
        assert!(
            session
                .title
                .starts_with("Stretch session: warm-up and 4 stretches, about "),
            "{}",
            session.title
        );
        assert_eq!(session.paragraphs[0], WARM_UP);
        let list: Vec<&str> = session.paragraphs[1].lines().collect();
        assert_eq!(list.len(), 4, "{list:?}");
        assert!(
            list[0].starts_with("1. Cat-camel: 8 slow rounds"),
            "{list:?}"
        );
        assert!(
            list[3].starts_with("4. Thread the needle: Hold"),
            "{list:?}"
        );
        assert_eq!(
            session.actions,
            [Action::Done, Action::Snooze, Action::Skip]
        );
        assert!(session.image.is_none());
    }

    #[test]
    fn only_a_posture_check_is_transient() {
        assert!(notice_of(Kind::Posture, "sit-tall", None).transient);
        assert!(!notice("cat-camel").transient);
        assert!(!notice_of(Kind::Session, crate::catalog::SESSION_ITEM, None).transient);
        assert!(!Notice::config_error("bad").transient);
    }

    #[test]
    fn a_stretch_notice_ends_with_its_dose() {
        let camel = notice("cat-camel");
        assert_eq!(camel.title, "Mid-back stretch: Cat-camel, 8 slow rounds");
        assert_eq!(
            camel.paragraphs.last().unwrap(),
            "8 slow rounds between cat (back rounded) and camel (back arched), pausing 3 s in each."
        );
        let foam = notice("foam-rolling");
        assert_eq!(
            foam.title,
            "Mid-back stretch: Upper-back foam rolling, 2-3 min"
        );
        assert_eq!(
            foam.paragraphs.last().unwrap(),
            "Keep going for 2-3 min; there is nothing to hold."
        );
        let needle = notice("thread-the-needle");
        assert_eq!(
            needle.title,
            "Mid-back stretch: Thread the needle, 15 s each side"
        );
        assert_eq!(
            needle.paragraphs.last().unwrap(),
            "Hold 15 s, once on each side."
        );
    }

    #[test]
    fn a_stretch_notice_shows_its_level() {
        let level = Level {
            hold_secs: 20,
            done_in_row: 0,
        };
        let needle = notice_of(Kind::Stretch, "thread-the-needle", Some(level));
        assert_eq!(
            needle.title,
            "Mid-back stretch: Thread the needle, 20 s each side"
        );
        assert_eq!(
            needle.paragraphs.last().unwrap(),
            "Hold 20 s, once on each side."
        );
        // A flow has no level.
        assert_eq!(
            notice_of(Kind::Stretch, "cat-camel", Some(level)),
            notice("cat-camel")
        );
    }
}
