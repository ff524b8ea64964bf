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

use crate::config::{Config, Kind, OnClick};
use crate::i18n::{Lang, Messages, Part, arg, list};
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

/// How much of a body every notification server shows without the user expanding or
/// scrolling it, as measured (issue 12; screenshots taken headless):
///
/// - GNOME Shell 43.9: the banner shows the body collapsed to one line (the body's lines
///   joined, cut with an ellipsis), and at most 6 lines when expanded (the rest is cut); the
///   picture appears at about 32 px in place of the icon. Read from the shell's own layout by
///   `gnome_shows_every_reminder_body_whole` (tests/it/gnome.rs): about 45 characters a line,
///   so today's bodies (125-185 characters with the first-time cue) take 3-4 of the 6 lines.
/// - KDE Plasma 5.27.5: an eight-line scroll area that drops blank lines between paragraphs;
///   the picture at about 48x32 px.
/// - dunst 1.9 with its default dunstrc (`width = 300`, `padding = 8`, `font = Monospace 8`,
///   `format = "<b>%s</b>\n%b"`, `height = 300`): about 44 characters a line, some 20 lines.
///
/// So a reminder's body is at most two lines with no blank line between them (the first stands
/// alone as the cue in GNOME's collapsed banner) and 200 characters in all: five lines of 40
/// on the narrowest. Everything else (every step, the dose in full, the safety notice) is on
/// the stretch card a click opens; the title carries the stretch and its dose.
pub const BODY_BUDGET: Budget = Budget {
    lines: 2,
    chars: 200,
};

/// The most a notification's body may hold (see [`BODY_BUDGET`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Lines of text (each may wrap on screen).
    pub lines: usize,
    /// Characters in all.
    pub chars: usize,
}

impl Budget {
    /// `lines` cut to the budget: the first [`Budget::lines`] of them, the last shortened at a
    /// word (with an ellipsis) when they hold more than [`Budget::chars`] characters.
    pub fn fit(self, lines: Vec<String>) -> Vec<String> {
        let mut kept = Vec::new();
        let mut left = self.chars;
        for line in lines.into_iter().take(self.lines) {
            let len = line.chars().count();
            if len <= left {
                left -= len;
                kept.push(line);
                continue;
            }
            if left > 1 {
                let cut: String = line.chars().take(left - 1).collect();
                let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
                kept.push(format!("{}\u{2026}", cut.trim_end()));
            }
            break;
        }
        kept
    }
}

/// How long a notification stays on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    /// Until it is answered: a stretch or a session (expire timeout 0, the `resident` hint, so
    /// that a server which would time it out or drop it on a click keeps it).
    UntilAnswered,
    /// It goes by itself and is not kept in the server's history: a posture check (the
    /// `transient` hint, the server's own timeout).
    Passing,
    /// As the server decides (the config-error notice).
    ServerDefault,
}

/// What the buttons of a notification say, in its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    done: String,
    snooze: String,
    skip: String,
}

impl Labels {
    /// The labels in the language of `messages`.
    pub fn new(messages: &Messages) -> Labels {
        Labels {
            done: messages.get("action-done"),
            snooze: messages.get("action-snooze"),
            skip: messages.get("action-skip"),
        }
    }

    /// What the button of `action` says ("" for the default action, which has no button).
    pub fn of(&self, action: Action) -> &str {
        match action {
            Action::Done => &self.done,
            Action::Snooze => &self.snooze,
            Action::Skip => &self.skip,
            Action::Default => "",
        }
    }
}

/// One notification, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What to do, e.g. "Stretch: Seated twist, 15-30 s each side".
    pub title: String,
    /// The body, one element a line, plain text, within [`BODY_BUDGET`].
    pub paragraphs: Vec<String>,
    /// The buttons.
    pub actions: Vec<Action>,
    /// What the buttons say.
    pub labels: Labels,
    /// The stretch's illustration, sent as the `image-path` hint; servers that show no images
    /// ignore it and show the text alone.
    pub image: Option<PathBuf>,
    /// How long it stays.
    pub lifetime: Lifetime,
}

/// The second line of a stretch reminder: where the rest of it is, and (until the user has
/// seen it) that the safety notice is there too.
pub fn stretch_cue(messages: &Messages, on_click: OnClick, safety: bool) -> String {
    let id = match (on_click, safety) {
        (OnClick::Guide, false) => "cue-guide",
        (OnClick::Guide, true) => "cue-guide-safety",
        (_, false) => "cue-card",
        (_, true) => "cue-card-safety",
    };
    messages.get(id)
}

/// The messages a notification needs, in `lang`: parsed for it, dropped after it.
pub fn messages(lang: Lang) -> Messages {
    Messages::new(lang, &[Part::Catalog, Part::Daemon])
}

impl Notice {
    /// The notification for a firing, its body within [`BODY_BUDGET`]: a desk stretch at its
    /// level (the title) with its summary and where its card is ([`stretch_cue`], which names
    /// the safety notice until the user has seen it), a session with its warm-up and
    /// stretches, or a posture check. Snooze is offered while the snooze limit allows. A
    /// stretch carries its illustration `<images>/<id>.svg` when that file exists (see
    /// [`crate::store::assets`]); `images: None` sends no pictures.
    pub fn for_fire(
        config: &Config,
        fire: &Fire,
        messages: &Messages,
        images: Option<&Path>,
    ) -> Option<Notice> {
        let m = messages;
        let (title, paragraphs) = match fire.kind {
            Kind::Stretch => {
                let s = crate::schedule::level::leveled(
                    config.catalog.stretch(&fire.item)?,
                    fire.level.as_ref(),
                );
                let cue = stretch_cue(m, config.notify.on_click, fire.safety);
                let summary = m.stretch_summary(&s).into_owned();
                (m.stretch_title(&s), vec![summary, cue])
            }
            Kind::Posture => {
                let p = config.catalog.posture(&fire.item)?;
                (m.posture_title(p), vec![m.posture_text(p).into_owned()])
            }
            Kind::Session => {
                let stretches = crate::schedule::session_stretches(config, fire);
                let stretches: Vec<&crate::catalog::Stretch> = stretches.iter().collect();
                let names: Vec<_> = stretches.iter().map(|s| m.stretch_name(s)).collect();
                let body = m.fmt("session-body", &[("stretches", arg(list(m, &names)))]);
                let done = if fire.safety {
                    "session-done-safety"
                } else {
                    "session-done"
                };
                (m.session_title(&stretches), vec![body, m.get(done)])
            }
        };
        let mut paragraphs = BODY_BUDGET.fit(paragraphs);
        paragraphs.retain(|p| !p.is_empty());
        let mut actions = vec![Action::Done];
        if fire.snoozes < config.snooze.max {
            actions.push(Action::Snooze);
        }
        actions.push(Action::Skip);
        let image = images
            .filter(|_| fire.kind == Kind::Stretch)
            .map(|dir| crate::store::assets::image_file(dir, &fire.item))
            .filter(|path| path.is_file());
        let lifetime = match fire.kind {
            Kind::Posture => Lifetime::Passing,
            Kind::Stretch | Kind::Session => Lifetime::UntilAnswered,
        };
        Some(Notice {
            title,
            paragraphs,
            actions,
            labels: Labels::new(m),
            image,
            lifetime,
        })
    }

    /// The notification for a config file that failed to load (`message`, which is the
    /// config's own error, in English like the log).
    pub fn config_error(messages: &Messages, message: &str) -> Notice {
        Notice {
            title: messages.get("config-error-title"),
            paragraphs: vec![message.to_owned(), messages.get("config-error-body")],
            actions: Vec::new(),
            labels: Labels::new(messages),
            image: None,
            lifetime: Lifetime::ServerDefault,
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

    /// The body as plain text, a line each (no blank lines: Plasma drops them anyway).
    pub fn plain_body(&self) -> String {
        self.paragraphs.join("\n")
    }

    /// The body for servers that parse markup (they advertise `body-markup`): the same text,
    /// escaped so that `&` and `<` in a custom stretch show as written.
    pub fn markup_body(&self) -> String {
        let escaped: Vec<String> = self.paragraphs.iter().map(|p| escape(p)).collect();
        escaped.join("\n")
    }
}

/// `s` with `&`, `<` and `>` escaped, for text that a server or host may read as markup.
pub(crate) fn escape(s: &str) -> String {
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

impl DbusNotifier {
    /// The session-bus connection it uses, which also serves the tray icon.
    pub fn connection(&self) -> &zbus::Connection {
        self.proxy.inner().connection()
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
            .flat_map(|a| [a.key(), notice.labels.of(a)])
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
    let expire = match notice.lifetime {
        Lifetime::UntilAnswered => {
            hints.insert("resident", Variant::Bool(true));
            0
        }
        Lifetime::Passing => {
            hints.insert("transient", Variant::Bool(true));
            -1
        }
        Lifetime::ServerDefault => -1,
    };
    proxy
        .notify(
            "stretchd",
            replaces,
            ICON,
            &notice.title,
            &body,
            &actions,
            hints,
            expire,
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
        notice_in(Lang::english(), kind, id, level)
    }

    /// [`notice_of`] in `lang`.
    fn notice_in(lang: Lang, kind: Kind, id: &str, level: Option<Level>) -> Notice {
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
        Notice::for_fire(&config, &fire, &messages(lang), None).unwrap()
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
        let session = Notice::for_fire(&config, &fire, &messages(Lang::english()), None).unwrap();
        assert!(
            session
                .title
                .starts_with("Stretch session: warm-up and 2 stretches, about "),
            "{}",
            session.title
        );
        assert_eq!(
            session.paragraphs[0],
            "Warm up first, then: Thoracic extension, Seated twist."
        );
    }

    #[test]
    fn a_session_lists_its_warm_up_and_stretches_and_waits_for_an_answer() {
        let session = notice_of(Kind::Session, crate::catalog::SESSION_ITEM, None);
        assert!(
            session
                .title
                .starts_with("Stretch session: warm-up and 4 stretches, about "),
            "{}",
            session.title
        );
        assert_eq!(
            session.paragraphs,
            [
                "Warm up first, then: Cat-camel, Thoracic extension, Seated twist, Thread the needle.",
                "Done starts the guided session in a terminal."
            ]
        );
        assert_eq!(
            session.actions,
            [Action::Done, Action::Snooze, Action::Skip]
        );
        assert!(session.image.is_none());
        assert_eq!(session.lifetime, Lifetime::UntilAnswered);
    }

    #[test]
    fn a_stretch_carries_its_dose_in_the_title_and_a_two_line_cue() {
        let camel = notice("cat-camel");
        assert_eq!(camel.title, "Stretch: Cat-camel, 8 slow rounds");
        let foam = notice("foam-rolling");
        assert_eq!(foam.title, "Stretch: Upper-back foam rolling, 2-3 min");
        let needle = notice("thread-the-needle");
        assert_eq!(needle.title, "Stretch: Thread the needle, 15 s each side");
        assert_eq!(
            needle.paragraphs,
            [
                "Reaching one arm under the body on all fours rotates the upper back and eases the shoulders.",
                &stretch_cue(&messages(Lang::english()), OnClick::Card, false)
            ]
        );
        assert_eq!(needle.lifetime, Lifetime::UntilAnswered);
        assert_eq!(
            notice_of(Kind::Posture, "shoulders", None).lifetime,
            Lifetime::Passing
        );
    }

    #[test]
    fn every_built_in_reminder_fits_the_body_budget_without_a_cut_in_every_language() {
        let config = Config::parse(
            crate::config::DEFAULT_TOML,
            &crate::config::Origin::Embedded,
        )
        .unwrap();
        for files in crate::i18n::shipped() {
            let lang = Lang::Shipped(files);
            let m = messages(lang);
            let mut notices: Vec<Notice> = config
                .catalog
                .stretches
                .iter()
                .map(|s| notice_in(lang, Kind::Stretch, &s.id, None))
                .collect();
            notices.extend(
                config
                    .catalog
                    .postures
                    .iter()
                    .map(|p| notice_in(lang, Kind::Posture, &p.id, None)),
            );
            let session = crate::catalog::SESSION_ITEM;
            notices.push(notice_in(lang, Kind::Session, session, None));
            let longest_cue = [OnClick::Card, OnClick::Guide, OnClick::Seen]
                .into_iter()
                .flat_map(|c| [stretch_cue(&m, c, false), stretch_cue(&m, c, true)])
                .map(|c| c.chars().count())
                .max()
                .unwrap();
            let tag = lang.tag();
            for n in notices {
                let body = n.plain_body();
                assert!(!body.contains('\u{2026}'), "{tag}: cut: {body}");
                assert!(!body.contains("\n\n"), "{tag}: a blank line: {body}");
                assert!(n.paragraphs.len() <= BODY_BUDGET.lines, "{tag}: {body}");
                assert!(body.chars().count() <= BODY_BUDGET.chars, "{tag}: {body}");
                assert!(
                    !body.contains(m.safety_notice().lines().next().unwrap_or_default()),
                    "{tag}: the safety notice: {body}"
                );
            }
            // A stretch's summary fits with the longest cue (the safety notice named) too.
            for s in &config.catalog.stretches {
                let first = m.stretch_summary(s).chars().count();
                assert!(
                    first + longest_cue <= BODY_BUDGET.chars,
                    "{tag}: {} and the longest cue are {} characters",
                    s.id,
                    first + longest_cue
                );
            }
        }
    }

    #[test]
    fn a_body_over_the_budget_is_cut_at_a_word() {
        let budget = Budget {
            lines: 2,
            chars: 20,
        };
        assert_eq!(
            budget.fit(vec![
                "one two".to_owned(),
                "three four five six".to_owned(),
                "x".to_owned()
            ]),
            ["one two", "three four\u{2026}"]
        );
        assert_eq!(
            budget.fit(vec!["a".repeat(30)]),
            ["a".repeat(19) + "\u{2026}"]
        );
    }

    #[test]
    fn a_stretch_notice_shows_its_level() {
        let level = Level {
            hold_secs: 20,
            done_in_row: 0,
        };
        let needle = notice_of(Kind::Stretch, "thread-the-needle", Some(level));
        assert_eq!(needle.title, "Stretch: Thread the needle, 20 s each side");
        // A flow has no level.
        assert_eq!(
            notice_of(Kind::Stretch, "cat-camel", Some(level)),
            notice("cat-camel")
        );
    }
}
