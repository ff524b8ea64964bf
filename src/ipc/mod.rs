//! The control protocol between the CLI and the daemon, and its client side.
//!
//! Wire format: one JSON object per line over the Unix socket
//! `$XDG_RUNTIME_DIR/stretchd/control.sock`. The client sends one [`Request`] (internally
//! tagged: `{"type":"snooze","secs":600}`), the daemon answers with one [`Reply`] (the
//! [`Response`] plus the protocol `version`) and closes, except for `follow`, which gets a
//! status line each time the state changes and once a minute. Requests are limited to
//! [`MAX_FRAME`] bytes and [`REQUEST_TIMEOUT`].
//!
//! Who may speak: the socket's directories must be the user's alone ([`check_private_dirs`],
//! run by the daemon before it binds and by the CLI before it connects), the daemon serves only
//! its own uid, and the CLI believes only a daemon of its own uid (`SO_PEERCRED`). The CLI gives
//! up after [`CONNECT_TIMEOUT`] to be accepted, [`REPLY_TIMEOUT`] for the whole reply (a
//! deadline, not a per-read timeout) and [`MAX_REPLY`] bytes.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::config::{Config, IdleSource, Kind};
use crate::i18n::Messages;
use crate::schedule::Fire;
use crate::schedule::level::Adjust;

mod client;
mod dirs;

pub use client::{Client, ClientError};
pub use dirs::{UnsafeDir, check_private_dirs};

/// Bumped whenever a request or response changes shape.
pub const PROTOCOL_VERSION: u32 = 3;

/// Largest request line the daemon reads, newline included.
pub const MAX_FRAME: usize = 16 * 1024;

/// Largest reply line the CLI reads, newline included: ten times the largest `next` reply with
/// [`MAX_NEXT`] reminders whose ids and titles are each a few hundred bytes long.
pub const MAX_REPLY: usize = 1024 * 1024;

/// The most reminders one `next` request may ask for: what the schedule previews at most.
pub const MAX_NEXT: usize = crate::schedule::MAX_PREVIEW;

/// How long the daemon waits for a client's request line.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(2);

/// How long the CLI waits for the daemon to take its connection (and its request).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How long the CLI waits for a whole reply line.
pub const REPLY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long `status --follow` waits for each line (the daemon sends one at least once a minute).
pub const FOLLOW_TIMEOUT: Duration = Duration::from_secs(90);

/// What the CLI asks. Every request refuses fields it does not have, the ones without fields
/// too (`{"type":"status","x":1}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// The daemon's status.
    #[serde(deserialize_with = "no_fields")]
    Status,
    /// A stream of status lines: now, on every change, and once a minute.
    #[serde(deserialize_with = "no_fields")]
    Follow,
    /// The next reminders, with snooze and pause applied.
    Next {
        /// How many, at most [`MAX_NEXT`].
        #[serde(deserialize_with = "bounded_count")]
        count: usize,
    },
    /// Snooze the reminder on screen, or else the next one.
    Snooze {
        /// For how long, in seconds; `None` uses the config's `snooze.length`.
        #[serde(default)]
        secs: Option<u64>,
    },
    /// Pause all reminders.
    Pause {
        /// Until when; `None` pauses until `resume`.
        #[serde(default)]
        until: Option<DateTime<Utc>>,
    },
    /// End a pause.
    #[serde(deserialize_with = "no_fields")]
    Resume,
    /// Answer the last reminder with Skip.
    #[serde(deserialize_with = "no_fields")]
    Skip,
    /// Answer the last reminder with Done.
    Done {
        /// Make the stretch easier or harder next time; left out (as before the field) for a
        /// plain Done, which counts toward a longer hold.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        adjust: Option<Adjust>,
    },
    /// The stretch hurt: record it, set it aside, and say what to do instead.
    Hurt {
        /// The stretch id; `None`: the stretch reminder on screen, or else the last stretch done.
        #[serde(default)]
        item: Option<String>,
    },
    /// Bring a stretch set aside back into rotation.
    Restore {
        /// The stretch id.
        item: String,
    },
    /// Fire a reminder now: this one, or the one due next.
    Now {
        /// A reminder id from the config.
        #[serde(default)]
        reminder: Option<String>,
    },
    /// Re-read the config.
    #[serde(deserialize_with = "no_fields")]
    Reload,
    /// `stretchd guide` walked the user through a stretch to the end: record it as done, as the
    /// notification's Done button would, and count it toward the week.
    GuideDone {
        /// The stretch id.
        item: String,
        /// The guide showed the safety notice with it: the daemon records the notice as seen
        /// (`safety_shown` in its state). Left out when false, so the request reads as it did
        /// before the field, and false when absent.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        safety_shown: bool,
        /// Make it easier or harder next time, as with [`Request::Done`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        adjust: Option<Adjust>,
    },
    /// `stretchd card` opened a stretch's card, with the safety notice on it: the notice counts
    /// as read, and reminders no longer point to it.
    #[serde(deserialize_with = "no_fields")]
    NoticeRead,
    /// `stretchd guide --session` walked the user through a whole stretch session: record one
    /// session done, which counts toward the weekly goal.
    SessionDone {
        /// As in [`Request::GuideDone`].
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        safety_shown: bool,
    },
}

/// The fields of a request that has none: an empty object, so that an unknown field is refused
/// by name (serde would ignore the fields of a unit variant in an internally tagged enum).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoFields {}

fn no_fields<'de, D: Deserializer<'de>>(fields: D) -> Result<(), D::Error> {
    NoFields::deserialize(fields).map(|NoFields {}| ())
}

/// `next`'s `count`, refused above [`MAX_NEXT`].
fn bounded_count<'de, D: Deserializer<'de>>(count: D) -> Result<usize, D::Error> {
    let count = u64::deserialize(count)?;
    usize::try_from(count)
        .ok()
        .filter(|c| *c <= MAX_NEXT)
        .ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "count {count} is too large (the limit is {MAX_NEXT})"
            ))
        })
}

/// One reminder, as lists and statuses show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upcoming {
    /// When it fires (or fired).
    pub at: DateTime<Utc>,
    /// The reminder id.
    pub reminder: String,
    /// Posture check or stretch.
    pub kind: Kind,
    /// The stretch or posture id.
    pub item: String,
    /// The notification title, in English.
    pub title: String,
    /// The title in the daemon's language when that is not English (the CLI shows it; its
    /// `--json` leaves it out, see [`Response::english`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Upcoming {
    /// A firing as lists and statuses show it, titled from `config`'s catalogue in the
    /// language of `messages` (English for the wire and `--json`).
    pub fn of(config: &Config, fire: &Fire, messages: &Messages) -> Upcoming {
        let title = match fire.kind {
            Kind::Stretch => config.catalog.stretch(&fire.item).map(|s| {
                messages.stretch_title(&crate::schedule::level::leveled(s, fire.level.as_ref()))
            }),
            Kind::Posture => config
                .catalog
                .posture(&fire.item)
                .map(|p| messages.posture_title(p)),
            Kind::Session => {
                let stretches = crate::schedule::session_stretches(config, fire);
                let stretches: Vec<&crate::catalog::Stretch> = stretches.iter().collect();
                Some(messages.session_title(&stretches))
            }
        };
        Upcoming {
            at: fire.at,
            reminder: fire.reminder.clone(),
            kind: fire.kind,
            item: fire.item.clone(),
            title: title.unwrap_or_default(),
            text: None,
        }
    }

    /// [`Upcoming::of`] in English, with its title in the language of `local` too (`None`:
    /// English only).
    pub fn with_text(
        config: &Config,
        fire: &Fire,
        english: &Messages,
        local: Option<&Messages>,
    ) -> Upcoming {
        let mut upcoming = Upcoming::of(config, fire, english);
        upcoming.text = local.map(|m| Upcoming::of(config, fire, m).title);
        upcoming
    }

    /// The title to show: in the daemon's language.
    pub fn shown(&self) -> &str {
        self.text.as_deref().unwrap_or(&self.title)
    }
}

/// A pause in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PauseInfo {
    /// When it ends; `None` until `stretchd resume`.
    pub until: Option<DateTime<Utc>>,
}

/// A snooze in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnoozeInfo {
    /// The snoozed reminder.
    pub reminder: String,
    /// When it comes back.
    pub until: DateTime<Utc>,
    /// Snoozes in a row so far.
    pub count: u32,
}

/// Stretch sessions done this week against the weekly goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Stretch sessions done since Monday.
    pub done: u32,
    /// The weekly goal.
    pub goal: u32,
    /// A goal to suggest, one session more, after weeks in a row that met this one
    /// ([`crate::stats::suggested_goal`]); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggest: Option<u32>,
}

/// What the daemon is doing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    /// The daemon's process id.
    pub pid: u32,
    /// The daemon's release (`stretchd --version`); the protocol version is in [`Reply`].
    pub daemon_version: String,
    /// When it started.
    pub running_since: DateTime<Utc>,
    /// The config in use.
    pub config: String,
    /// Why the config file on disk is not in use, while it is invalid.
    pub config_error: Option<String>,
    /// A pause in force.
    pub paused: Option<PauseInfo>,
    /// A snooze in force.
    pub snoozed: Option<SnoozeInfo>,
    /// The next reminder.
    pub next: Option<Upcoming>,
    /// The reminder on screen that awaits an answer.
    pub waiting: Option<Upcoming>,
    /// This week's progress.
    pub week: Progress,
    /// The idle source in use (`wayland`, `mutter`, `x11`, `logind`, `none`).
    pub idle_source: IdleSource,
    /// Why reminders are held back right now, if they are; the CLI words it.
    #[serde(default)]
    pub held: Option<Held>,
    /// While reminders are held: the one that waits, and what happens when the hold ends.
    #[serde(default)]
    pub held_next: Option<HeldNext>,
    /// A reminder sent while the notification server was in do-not-disturb mode (`stretchd
    /// now`), which the server filed without showing: it still takes an answer from the CLI,
    /// but it is not on screen waiting for one.
    #[serde(default)]
    pub filed: Option<Upcoming>,
    /// A reminder due while the user types, waiting for a pause in typing (`presence.lull`).
    #[serde(default)]
    pub lull_wait: Option<LullWait>,
    /// The folder shared with the user's other machines (`[sync]`), while sync is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync: Option<SyncStatus>,
    /// Why sync is off although the config names a folder (it could not be used), a sentence
    /// that says what to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_off: Option<String>,
}

/// A due reminder waiting for a pause in typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LullWait {
    /// When it began to wait.
    pub since: DateTime<Utc>,
    /// When it shows anyway (`presence.lull_max` after `since`).
    pub until: DateTime<Utc>,
}

/// `[sync]` as the daemon sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// The folder.
    pub dir: String,
    /// This machine's id.
    pub machine: String,
    /// This machine's hostname.
    pub hostname: String,
    /// The other machines whose summary is in the folder, by id.
    pub machines: Vec<MachineSeen>,
    /// What is wrong with the folder, for people (each a sentence); empty when all is well.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

/// Another machine of the `[sync]` folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MachineSeen {
    /// Its id.
    pub id: String,
    /// Its hostname.
    pub hostname: String,
    /// When it last wrote its summary, by its clock.
    pub written: DateTime<Utc>,
}

/// The reminder that waits while reminders are held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldNext {
    /// The reminder, with when it fell (or falls) due.
    pub reminder: Upcoming,
    /// How long after the hold ends it fires (`presence.grace`).
    pub grace_secs: u64,
}

/// What a call captures: what holds reminders while it is in use. Ordered from the most
/// telling of a call (the microphone) to the least.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capture {
    /// The microphone is recorded (a PipeWire capture stream of audio).
    Microphone,
    /// The screen is cast (a compositor's screen-cast stream).
    ScreenCast,
    /// A camera is recorded, or a screen cast consumed (a PipeWire capture stream of video, or
    /// a `/dev/video*` device held open).
    Camera,
}

/// Why reminders are held back although they are due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Held {
    /// No input for the natural-break time, since the last input.
    Idle {
        /// The last input.
        since: DateTime<Utc>,
    },
    /// The screen is locked.
    Locked {
        /// Since when.
        since: DateTime<Utc>,
    },
    /// The machine was asleep.
    Asleep {
        /// Since when.
        since: DateTime<Utc>,
    },
    /// The notification server is in do-not-disturb mode.
    DoNotDisturb,
    /// A full-screen window has the focus.
    Fullscreen,
    /// A call: the microphone or a camera is captured, or the screen cast.
    Call {
        /// What is captured.
        capture: Capture,
        /// The application capturing it, as it names itself.
        app: String,
        /// Since when reminders are held for it.
        since: DateTime<Utc>,
    },
    /// A hold just ended; held reminders wait for the grace time.
    Grace {
        /// When it ends.
        until: DateTime<Utc>,
    },
}

/// What the daemon answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Response {
    /// For `status` and each line of `follow`.
    Status(Box<Status>),
    /// For `next`.
    Next {
        /// The upcoming reminders.
        upcoming: Vec<Upcoming>,
    },
    /// The command was carried out.
    Ok {
        /// What happened, for people, in English.
        message: String,
        /// The same in the daemon's language when that is not English.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
    },
    /// The command was refused or failed.
    Error {
        /// Why, and what to do, in English.
        message: String,
        /// The same in the daemon's language when that is not English.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
    },
}

impl Response {
    /// A success with its English `message` only.
    pub fn ok(message: String) -> Response {
        Response::Ok {
            message,
            text: None,
        }
    }

    /// A refusal with its English `message` only.
    pub fn error(message: String) -> Response {
        Response::Error {
            message,
            text: None,
        }
    }

    /// The message of an `Ok` or an `Error` to show: in the daemon's language.
    pub fn shown(&self) -> Option<&str> {
        match self {
            Response::Ok { message, text } | Response::Error { message, text } => {
                Some(text.as_deref().unwrap_or(message))
            }
            Response::Status(_) | Response::Next { .. } => None,
        }
    }

    /// The response as `--json` prints it: English only (without the texts in the daemon's
    /// language), as it always was.
    #[must_use]
    pub fn english(&self) -> Response {
        let mut english = self.clone();
        match &mut english {
            Response::Ok { text, .. } | Response::Error { text, .. } => *text = None,
            Response::Status(status) => status.strip_texts(),
            Response::Next { upcoming } => {
                for u in upcoming {
                    u.text = None;
                }
            }
        }
        english
    }
}

impl Status {
    /// Leaves out the titles in the daemon's language (see [`Response::english`]).
    pub fn strip_texts(&mut self) {
        let held = self.held_next.as_mut().map(|h| &mut h.reminder);
        for u in [
            self.next.as_mut(),
            self.waiting.as_mut(),
            self.filed.as_mut(),
            held,
        ]
        .into_iter()
        .flatten()
        {
            u.text = None;
        }
    }
}

/// A response with the daemon's protocol version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// The daemon's [`PROTOCOL_VERSION`].
    pub version: u32,
    /// The answer.
    #[serde(flatten)]
    pub response: Response,
}

impl Reply {
    /// `response` with this build's protocol version.
    pub fn new(response: Response) -> Reply {
        Reply {
            version: PROTOCOL_VERSION,
            response,
        }
    }

    /// The reply as one line of JSON, newline included.
    pub fn to_line(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        let mut line = serde_json::to_string(self).unwrap_or_default();
        line.push('\n');
        line
    }
}

/// Why a request frame was refused; its message is what the client gets.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// Longer than [`MAX_FRAME`].
    #[error("request too large (the limit is {MAX_FRAME} bytes)")]
    TooLarge,
    /// The client stopped before the newline.
    #[error("request not terminated by a newline")]
    Unterminated,
    /// Not a request: bad JSON, an unknown type or field, a count over the limit.
    #[error("malformed request: {0}")]
    Malformed(#[from] serde_json::Error),
}

/// Decodes one request frame as the daemon read it (at most [`MAX_FRAME`] bytes, up to and
/// including the newline): a frame that is too large or not terminated by a newline is refused
/// before any parsing.
pub fn decode_request(line: &[u8]) -> Result<Request, FrameError> {
    let terminated = line.last() == Some(&b'\n');
    if line.len() > MAX_FRAME || (!terminated && line.len() == MAX_FRAME) {
        return Err(FrameError::TooLarge);
    }
    if !terminated {
        return Err(FrameError::Unterminated);
    }
    Ok(serde_json::from_slice(line)?)
}

/// [`decode_reply`] on the bytes of a line as read from the socket.
fn decode_reply_bytes(line: &[u8]) -> Result<Response, ClientError> {
    let line = std::str::from_utf8(line)
        .map_err(|e| ClientError::Malformed(format!("not UTF-8 ({e})")))?;
    decode_reply(line)
}

/// Parses a reply line, telling a version mismatch from garbage. (A daemon that hangs up without
/// a line is [`ClientError::HungUp`], found by the client before any decoding.)
pub fn decode_reply(line: &str) -> Result<Response, ClientError> {
    if line.trim().is_empty() {
        return Err(ClientError::Malformed("an empty line".to_owned()));
    }
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| ClientError::Malformed(e.to_string()))?;
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match version {
        Some(v) if v == u64::from(PROTOCOL_VERSION) => serde_json::from_value::<Reply>(value)
            .map(|r| r.response)
            .map_err(|e| ClientError::Malformed(e.to_string())),
        Some(v) => Err(ClientError::Version {
            daemon: u32::try_from(v).unwrap_or(u32::MAX),
        }),
        None => Err(ClientError::Malformed("no protocol version".to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_internally_tagged_snake_case() {
        let json = serde_json::to_string(&Request::Snooze { secs: Some(600) }).unwrap();
        assert_eq!(json, r#"{"type":"snooze","secs":600}"#);
        let parsed: Request = serde_json::from_str(r#"{"type":"pause"}"#).unwrap();
        assert_eq!(parsed, Request::Pause { until: None });
        assert!(serde_json::from_str::<Request>(r#"{"type":"explode"}"#).is_err());
        assert!(serde_json::from_str::<Request>(r#"{"type":"next","count":1,"x":1}"#).is_err());
        assert!(serde_json::from_str::<Request>(r#"{"type":"next","count":-1}"#).is_err());
        let done = Request::GuideDone {
            item: "seated-twist".into(),
            safety_shown: false,
            adjust: None,
        };
        let json = serde_json::to_string(&done).unwrap();
        assert_eq!(json, r#"{"type":"guide_done","item":"seated-twist"}"#);
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), done);
        let seen = Request::GuideDone {
            item: "seated-twist".into(),
            safety_shown: true,
            adjust: Some(Adjust::Harder),
        };
        let json = serde_json::to_string(&seen).unwrap();
        assert_eq!(
            json,
            r#"{"type":"guide_done","item":"seated-twist","safety_shown":true,"adjust":"harder"}"#
        );
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), seen);
        // `done` reads as it did before it had a field, and takes one.
        let plain = Request::Done { adjust: None };
        assert_eq!(serde_json::to_string(&plain).unwrap(), r#"{"type":"done"}"#);
        assert_eq!(
            serde_json::from_str::<Request>(r#"{"type":"done"}"#).unwrap(),
            plain
        );
        assert_eq!(
            serde_json::from_str::<Request>(r#"{"type":"done","adjust":"easier"}"#).unwrap(),
            Request::Done {
                adjust: Some(Adjust::Easier)
            }
        );
        assert!(serde_json::from_str::<Request>(r#"{"type":"done","adjust":"more"}"#).is_err());
        assert_eq!(
            serde_json::from_str::<Request>(r#"{"type":"hurt"}"#).unwrap(),
            Request::Hurt { item: None }
        );
    }

    #[test]
    fn every_request_refuses_unknown_fields() {
        let requests = [
            r#"{"type":"status","x":1}"#,
            r#"{"type":"follow","x":1}"#,
            r#"{"type":"next","count":1,"x":1}"#,
            r#"{"type":"snooze","x":1}"#,
            r#"{"type":"snooze","secs":5,"x":1}"#,
            r#"{"type":"pause","x":1}"#,
            r#"{"type":"resume","x":1}"#,
            r#"{"type":"skip","x":1}"#,
            r#"{"type":"done","x":1}"#,
            r#"{"type":"now","x":1}"#,
            r#"{"type":"reload","x":1}"#,
            r#"{"type":"guide_done","item":"cat-camel","x":1}"#,
            r#"{"type":"done","adjust":"harder","x":1}"#,
            r#"{"type":"hurt","x":1}"#,
            r#"{"type":"restore","item":"cat-camel","x":1}"#,
        ];
        for json in requests {
            match serde_json::from_str::<Request>(json) {
                Err(e) => assert!(e.to_string().contains("unknown field `x`"), "{json}: {e}"),
                Ok(r) => panic!("{json} was accepted as {r:?}"),
            }
        }
        let resume = serde_json::from_str::<Request>(r#"{"type":"resume","secs":5}"#);
        assert!(resume.is_err(), "{resume:?}");
        // The wire format of the requests without fields is unchanged.
        assert_eq!(
            serde_json::to_string(&Request::Status).unwrap(),
            r#"{"type":"status"}"#
        );
        assert_eq!(
            serde_json::from_str::<Request>(r#"{"type":"resume"}"#).unwrap(),
            Request::Resume
        );
    }

    #[test]
    fn next_asks_for_at_most_max_next_and_its_reply_fits() {
        let next = |count: u64| {
            serde_json::from_str::<Request>(&format!(r#"{{"type":"next","count":{count}}}"#))
        };
        assert_eq!(
            next(MAX_NEXT as u64).unwrap(),
            Request::Next { count: MAX_NEXT }
        );
        for count in [MAX_NEXT as u64 + 1, u64::MAX] {
            let e = next(count).unwrap_err().to_string();
            assert!(e.contains(&format!("the limit is {MAX_NEXT}")), "{e}");
        }
        // The largest reply the daemon sends: `next` with MAX_NEXT reminders, with ids and
        // titles far longer than the built-in ones.
        let upcoming = Upcoming {
            at: DateTime::<Utc>::MAX_UTC,
            reminder: "r".repeat(100),
            kind: Kind::Stretch,
            item: "i".repeat(100),
            title: "t".repeat(300),
            text: Some("t".repeat(300)),
        };
        let line = Reply::new(Response::Next {
            upcoming: vec![upcoming; MAX_NEXT],
        })
        .to_line();
        assert!(line.len() <= MAX_REPLY, "{} bytes", line.len());
    }

    #[test]
    fn replies_carry_the_version_and_a_newer_daemon_is_reported() {
        let line = Reply::new(Response::ok("paused".into())).to_line();
        assert!(line.ends_with('\n'));
        assert!(line.contains(r#""version":3"#), "{line}");
        assert_eq!(decode_reply(&line).unwrap(), Response::ok("paused".into()));
        let other = r#"{"version":7,"type":"telemetry"}"#;
        assert!(matches!(
            decode_reply(other),
            Err(ClientError::Version { daemon: 7 })
        ));
        assert!(matches!(
            decode_reply("not json"),
            Err(ClientError::Malformed(_))
        ));
    }
}
