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

use std::fs;
use std::io::{Read as _, Write as _};
use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::config::{Config, IdleSource, Kind};
use crate::schedule::Fire;
use crate::schedule::level::Adjust;

/// Bumped whenever a request or response changes shape.
pub const PROTOCOL_VERSION: u32 = 2;

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
    /// The notification title.
    pub title: String,
}

impl Upcoming {
    /// A firing as lists and statuses show it, titled from `config`'s catalogue.
    pub fn of(config: &Config, fire: &Fire) -> Upcoming {
        let title = match fire.kind {
            Kind::Stretch => config
                .catalog
                .stretch(&fire.item)
                .map(|s| crate::schedule::level::leveled(s, fire.level.as_ref()).title()),
            Kind::Posture => config
                .catalog
                .posture(&fire.item)
                .map(crate::catalog::Posture::title),
            Kind::Session => {
                let stretches = crate::schedule::session_stretches(config, fire);
                let stretches: Vec<&crate::catalog::Stretch> = stretches.iter().collect();
                Some(crate::catalog::session_title(&stretches))
            }
        };
        Upcoming {
            at: fire.at,
            reminder: fire.reminder.clone(),
            kind: fire.kind,
            item: fire.item.clone(),
            title: title.unwrap_or_default(),
        }
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
}

/// Why reminders are held back although they are due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
        /// What happened, for people.
        message: String,
    },
    /// The command was refused or failed.
    Error {
        /// Why, and what to do.
        message: String,
    },
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

/// Why the CLI got no answer.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// No daemon listens on the socket.
    #[error(
        "stretchd is not running (nothing answers at {0}); start it with `systemctl --user start stretchd` or `stretchd run`"
    )]
    NotRunning(PathBuf),
    /// The socket's directory is not this user's alone, so whatever answers there is not trusted.
    #[error(transparent)]
    UnsafeDir(#[from] UnsafeDir),
    /// The program answering at the socket runs as another user.
    #[error(
        "refused: the program answering at {} runs as uid {peer}, not you (uid {own}); not trusting it",
        path.display()
    )]
    Untrusted {
        /// The socket.
        path: PathBuf,
        /// The uid it runs as.
        peer: u32,
        /// This process's uid.
        own: u32,
    },
    /// The daemon did not take the connection or answer in time.
    #[error(
        "the daemon at {} did not {what} within {} s; it may be busy or stuck (see `journalctl --user -u stretchd`)",
        path.display(),
        patience.as_secs()
    )]
    Timeout {
        /// The socket.
        path: PathBuf,
        /// What it did not do: "accept the connection", "answer".
        what: &'static str,
        /// How long the CLI waited.
        patience: Duration,
    },
    /// The daemon hung up without answering.
    #[error(
        "the daemon at {} hung up without answering (see `journalctl --user -u stretchd`)",
        .0.display()
    )]
    HungUp(PathBuf),
    /// The reply went on past [`MAX_REPLY`] bytes without ending.
    #[error(
        "the program at {} sent a reply larger than the limit of {MAX_REPLY} bytes (1 MiB); it is not a working stretchd daemon: restart it (`systemctl --user restart stretchd`)",
        .0.display()
    )]
    TooLarge(PathBuf),
    /// The daemon speaks another protocol version.
    #[error(
        "the running daemon speaks protocol v{daemon}, this stretchd speaks v{PROTOCOL_VERSION}: restart the daemon (`systemctl --user restart stretchd`)"
    )]
    Version {
        /// The daemon's version.
        daemon: u32,
    },
    /// Talking to the daemon failed midway.
    #[error("talking to the daemon at {path}: {cause}")]
    Io {
        /// The socket.
        path: PathBuf,
        /// What failed.
        cause: std::io::Error,
    },
    /// The daemon sent something that is not a reply.
    #[error("the daemon sent a malformed reply: {0}")]
    Malformed(String),
}

/// Why a directory on the way to the control socket ([`crate::store::paths::private_dirs`]) cannot be
/// trusted: someone else could put their own socket there, or make the daemon bind in their
/// directory.
#[derive(Debug, thiserror::Error)]
pub enum UnsafeDir {
    /// It does not exist (the CLI does not create it).
    #[error("{} does not exist", .0.display())]
    Missing(PathBuf),
    /// It is a symbolic link.
    #[error(
        "{} is a symbolic link (to {}), not a directory: someone may be redirecting stretchd's socket; remove it or set XDG_RUNTIME_DIR",
        path.display(),
        target.display()
    )]
    Symlink {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// It is a file, socket or device, not a directory.
    #[error("{} is not a directory; remove it or set XDG_RUNTIME_DIR", .0.display())]
    NotDir(PathBuf),
    /// Another user owns it.
    #[error(
        "{} is owned by uid {owner}, not you (uid {own}): someone else created it; remove it or set XDG_RUNTIME_DIR",
        path.display()
    )]
    Owner {
        /// The directory.
        path: PathBuf,
        /// Its owner.
        owner: u32,
        /// This process's uid.
        own: u32,
    },
    /// Others may enter or change it.
    #[error(
        "{} has mode {mode:04o}, but it must be 0700 (yours alone): run `chmod 700 {}`",
        path.display(),
        path.display()
    )]
    Mode {
        /// The directory.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// It could not be created or examined.
    #[error("cannot {what} {}: {cause}", path.display())]
    Io {
        /// "create", "check".
        what: &'static str,
        /// The directory.
        path: PathBuf,
        /// What failed.
        cause: std::io::Error,
    },
}

/// Makes sure the directories of the socket at `socket` ([`crate::store::paths::private_dirs`]) are
/// this user's alone: each a real directory (not a symbolic link, which is not followed), owned
/// by this uid, with mode 0700. With `create` (the daemon, before it binds) the missing ones are
/// made with mode 0700 first, and whatever holds them; otherwise (the CLI, before it connects) a
/// missing one is [`UnsafeDir::Missing`]. Nothing is ever changed on a directory that exists.
pub fn check_private_dirs(socket: &Path, create: bool) -> Result<(), UnsafeDir> {
    let dirs = crate::store::paths::private_dirs(socket);
    let own = crate::store::paths::own_uid().map_err(|cause| UnsafeDir::Io {
        what: "read your uid from",
        path: PathBuf::from("/proc/self"),
        cause,
    })?;
    if create && let Some(above) = dirs.first().and_then(|d| d.parent()) {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(above)
            .map_err(|cause| UnsafeDir::Io {
                what: "create",
                path: above.to_path_buf(),
                cause,
            })?;
    }
    for dir in &dirs {
        if create {
            // mkdir(2) never follows a symbolic link: one in the way is an error here and
            // reported by the check below.
            match fs::DirBuilder::new().mode(0o700).create(dir) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(cause) => {
                    return Err(UnsafeDir::Io {
                        what: "create",
                        path: dir.clone(),
                        cause,
                    });
                }
            }
        }
        check_private_dir(dir, own)?;
    }
    Ok(())
}

/// One directory of [`check_private_dirs`], examined with lstat(2).
fn check_private_dir(dir: &Path, own: u32) -> Result<(), UnsafeDir> {
    let meta = match fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(UnsafeDir::Missing(dir.to_path_buf()));
        }
        Err(cause) => {
            return Err(UnsafeDir::Io {
                what: "check",
                path: dir.to_path_buf(),
                cause,
            });
        }
    };
    let path = dir.to_path_buf();
    if meta.file_type().is_symlink() {
        let target = fs::read_link(dir).unwrap_or_else(|_| PathBuf::from("?"));
        return Err(UnsafeDir::Symlink { path, target });
    }
    if !meta.is_dir() {
        return Err(UnsafeDir::NotDir(path));
    }
    if meta.uid() != own {
        return Err(UnsafeDir::Owner {
            path,
            owner: meta.uid(),
            own,
        });
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o777 != 0o700 {
        return Err(UnsafeDir::Mode { path, mode });
    }
    Ok(())
}

/// A connection to the daemon.
pub struct Client {
    path: PathBuf,
    stream: UnixStream,
    /// Bytes read past the last reply line.
    pending: Vec<u8>,
}

impl Client {
    /// Connects to the daemon's socket at `path`, once its directories are private
    /// ([`check_private_dirs`]), within [`CONNECT_TIMEOUT`], and only if the program answering
    /// runs as this user (`SO_PEERCRED`).
    pub fn connect(path: &Path) -> Result<Client, ClientError> {
        match check_private_dirs(path, false) {
            Ok(()) => {}
            Err(UnsafeDir::Missing(_)) => return Err(ClientError::NotRunning(path.to_path_buf())),
            Err(e) => return Err(e.into()),
        }
        let io = |cause| ClientError::Io {
            path: path.to_path_buf(),
            cause,
        };
        let socket =
            socket2::Socket::new(socket2::Domain::UNIX, socket2::Type::STREAM, None).map_err(io)?;
        // A blocking connect(2) to a Unix socket whose backlog is full waits for room, as long
        // as the send timeout allows.
        socket
            .set_write_timeout(Some(CONNECT_TIMEOUT))
            .map_err(io)?;
        let address = socket2::SockAddr::unix(path).map_err(io)?;
        if let Err(e) = socket.connect(&address) {
            return Err(match e.kind() {
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused => {
                    ClientError::NotRunning(path.to_path_buf())
                }
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
                    ClientError::Timeout {
                        path: path.to_path_buf(),
                        what: "accept the connection",
                        patience: CONNECT_TIMEOUT,
                    }
                }
                _ => io(e),
            });
        }
        let stream = UnixStream::from(socket);
        let peer = rustix::net::sockopt::socket_peercred(&stream)
            .map_err(|e| io(e.into()))?
            .uid
            .as_raw();
        let own = crate::store::paths::own_uid().map_err(io)?;
        trust(path, peer, own)?;
        Ok(Client {
            path: path.to_path_buf(),
            stream,
            pending: Vec::new(),
        })
    }

    /// Sends one request and returns the first reply, within [`REPLY_TIMEOUT`].
    pub fn call(mut self, request: &Request) -> Result<Response, ClientError> {
        self.send(request)?;
        self.receive(REPLY_TIMEOUT)
    }

    /// Sends `follow` and calls `each` with every status line until the daemon goes away or
    /// `each` returns false. A daemon that hangs up has stopped: [`ClientError::NotRunning`].
    pub fn follow(mut self, mut each: impl FnMut(Response) -> bool) -> Result<(), ClientError> {
        self.send(&Request::Follow)?;
        loop {
            match self.receive(FOLLOW_TIMEOUT) {
                Ok(response) => {
                    if !each(response) {
                        return Ok(());
                    }
                }
                Err(ClientError::HungUp(path)) => return Err(ClientError::NotRunning(path)),
                Err(e) => return Err(e),
            }
        }
    }

    fn send(&mut self, request: &Request) -> Result<(), ClientError> {
        let mut line = serde_json::to_string(request).unwrap_or_default();
        line.push('\n');
        match self.stream.write_all(line.as_bytes()) {
            Ok(()) => Ok(()),
            // The daemon answers some clients without reading their request (it refuses one at
            // once) and hangs up: its answer, if any, is still there to read.
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset
                ) =>
            {
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Err(ClientError::Timeout {
                path: self.path.clone(),
                what: "take the request",
                patience: CONNECT_TIMEOUT,
            }),
            Err(cause) => Err(ClientError::Io {
                path: self.path.clone(),
                cause,
            }),
        }
    }

    /// Reads the next reply line within `patience` in all (a deadline, so that a daemon that
    /// trickles bytes cannot stretch it) and [`MAX_REPLY`] bytes.
    fn receive(&mut self, patience: Duration) -> Result<Response, ClientError> {
        let deadline = Instant::now() + patience;
        let mut scanned = 0;
        loop {
            if let Some(end) = self.pending[scanned..].iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = self.pending.drain(..=scanned + end).collect();
                if line.len() > MAX_REPLY {
                    return Err(ClientError::TooLarge(self.path.clone()));
                }
                return decode_reply_bytes(&line);
            }
            scanned = self.pending.len();
            if scanned >= MAX_REPLY {
                return Err(ClientError::TooLarge(self.path.clone()));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let timeout = || ClientError::Timeout {
                path: self.path.clone(),
                what: "answer",
                patience,
            };
            if left.is_zero() {
                return Err(timeout());
            }
            let io = |cause| ClientError::Io {
                path: self.path.clone(),
                cause,
            };
            self.stream.set_read_timeout(Some(left)).map_err(io)?;
            let mut chunk = [0; 16 * 1024];
            let room = chunk.len().min(MAX_REPLY + 1 - scanned);
            match self.stream.read(&mut chunk[..room]) {
                // Hung up: a last line without its newline is still decoded. A daemon that
                // closes before reading the request resets the connection instead.
                Ok(0) if self.pending.is_empty() => {
                    return Err(ClientError::HungUp(self.path.clone()));
                }
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                    return Err(ClientError::HungUp(self.path.clone()));
                }
                Ok(0) => return decode_reply_bytes(&std::mem::take(&mut self.pending)),
                Ok(n) => self.pending.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    return Err(timeout());
                }
                Err(cause) => return Err(io(cause)),
            }
        }
    }
}

/// Whether the CLI may believe the program at `path` that runs as `peer`: only if it is the
/// CLI's own user.
fn trust(path: &Path, peer: u32, own: u32) -> Result<(), ClientError> {
    if peer == own {
        return Ok(());
    }
    Err(ClientError::Untrusted {
        path: path.to_path_buf(),
        peer,
        own,
    })
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
    use std::os::unix::fs::PermissionsExt as _;

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
            title: "t".repeat(400),
        };
        let line = Reply::new(Response::Next {
            upcoming: vec![upcoming; MAX_NEXT],
        })
        .to_line();
        assert!(line.len() <= MAX_REPLY, "{} bytes", line.len());
    }

    /// A socket path in a fresh temporary directory, and the directory that must be private.
    fn socket_in(tmp: &tempfile::TempDir) -> (PathBuf, PathBuf) {
        let socket = tmp.path().join("runtime/stretchd/control.sock");
        let dir = socket.parent().unwrap().to_path_buf();
        (socket, dir)
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().mode() & 0o7777
    }

    #[test]
    fn a_missing_socket_dir_is_created_0700_by_the_daemon_and_accepted() {
        let tmp = tempfile::tempdir().unwrap();
        let (socket, dir) = socket_in(&tmp);
        assert!(matches!(
            check_private_dirs(&socket, false),
            Err(UnsafeDir::Missing(d)) if d == dir
        ));
        assert!(!dir.exists(), "the CLI created {}", dir.display());
        check_private_dirs(&socket, true).unwrap();
        assert_eq!(mode(&dir), 0o700);
        check_private_dirs(&socket, false).unwrap();
        check_private_dirs(&socket, true).unwrap();
    }

    #[test]
    fn a_symlinked_socket_dir_is_refused_and_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let (socket, dir) = socket_in(&tmp);
        let theirs = tmp.path().join("theirs");
        fs::create_dir(&theirs).unwrap();
        fs::set_permissions(&theirs, fs::Permissions::from_mode(0o755)).unwrap();
        fs::create_dir(dir.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&theirs, &dir).unwrap();
        for create in [true, false] {
            let e = check_private_dirs(&socket, create).unwrap_err();
            assert!(matches!(e, UnsafeDir::Symlink { .. }), "{e:?}");
            let message = e.to_string();
            assert!(
                message.contains(&format!("{} is a symbolic link", dir.display()))
                    && message.contains("remove it"),
                "{message}"
            );
        }
        assert_eq!(mode(&theirs), 0o755, "the link's target was changed");
        assert_eq!(fs::read_dir(&theirs).unwrap().count(), 0);
    }

    #[test]
    fn a_socket_dir_others_may_enter_is_refused_not_repaired() {
        let tmp = tempfile::tempdir().unwrap();
        let (socket, dir) = socket_in(&tmp);
        fs::create_dir_all(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        for create in [true, false] {
            let e = check_private_dirs(&socket, create).unwrap_err();
            assert!(matches!(e, UnsafeDir::Mode { mode: 0o755, .. }), "{e:?}");
            let message = e.to_string();
            assert!(
                message.contains("has mode 0755, but it must be 0700")
                    && message.contains(&format!("`chmod 700 {}`", dir.display())),
                "{message}"
            );
        }
        assert_eq!(mode(&dir), 0o755);
        let file = tmp.path().join("file/stretchd");
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, "").unwrap();
        let e = check_private_dirs(&file.join("control.sock"), true).unwrap_err();
        assert!(matches!(e, UnsafeDir::NotDir(_)), "{e:?}");
    }

    #[test]
    fn a_socket_dir_of_another_uid_is_refused() {
        let own = crate::store::paths::own_uid().unwrap();
        if own != 0 {
            eprintln!("NOTE: skipped: giving a directory to another uid needs root");
            return;
        }
        let tmp = tempfile::tempdir().unwrap();
        let (socket, dir) = socket_in(&tmp);
        fs::create_dir_all(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(&dir, Some(12345), Some(12345)).unwrap();
        for create in [true, false] {
            let e = check_private_dirs(&socket, create).unwrap_err();
            assert!(
                matches!(
                    e,
                    UnsafeDir::Owner {
                        owner: 12345,
                        own: 0,
                        ..
                    }
                ),
                "{e:?}"
            );
            let message = e.to_string();
            assert!(
                message.contains(&format!(
                    "{} is owned by uid 12345, not you (uid 0): someone else created it",
                    dir.display()
                )),
                "{message}"
            );
        }
    }

    #[test]
    fn only_a_server_of_the_clients_own_uid_is_trusted() {
        let path = Path::new("/run/user/1000/stretchd/control.sock");
        assert!(trust(path, 1000, 1000).is_ok());
        let e = trust(path, 1001, 1000).unwrap_err().to_string();
        assert_eq!(
            e,
            "refused: the program answering at /run/user/1000/stretchd/control.sock runs as uid 1001, not you (uid 1000); not trusting it"
        );
        assert!(trust(path, 0, 1000).is_err());
    }

    #[test]
    fn replies_carry_the_version_and_a_newer_daemon_is_reported() {
        let line = Reply::new(Response::Ok {
            message: "paused".into(),
        })
        .to_line();
        assert!(line.ends_with('\n'));
        assert!(line.contains(r#""version":2"#), "{line}");
        assert_eq!(
            decode_reply(&line).unwrap(),
            Response::Ok {
                message: "paused".into()
            }
        );
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
