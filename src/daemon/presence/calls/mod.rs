//! Calls: whether the microphone or a camera is captured, or the screen cast, right now. The
//! source is asked only when the answer matters, just before a reminder fires and about once a
//! minute while one is held (see `daemon::call_hold`): nothing of it runs between asks.
//!
//! From PipeWire's graph, read by running `pw-dump` once per ask and reading its JSON as it
//! comes ([`Graph`]): a node in the state "running" whose `media.class` is
//!
//! - "Stream/Input/Audio": a microphone in use (a stream that only meters levels, marked
//!   `stream.monitor`, is left out);
//! - "Stream/Output/Video": a compositor's screen-cast source (GNOME Shell's, say);
//! - "Stream/Input/Video": a camera recorded, or a screen cast consumed.
//!
//! It is named from its properties: `application.name`, else `application.process.binary`,
//! else the same of its client, else `node.name`.
//!
//! Beside the graph, and in its place where PipeWire does not run: a camera (`/dev/video*`)
//! held open by one of the user's processes, found in `/proc/<pid>/fd` and named from
//! `/proc/<pid>/comm` ([`camera_open`]). PipeWire's own processes are left out: what they hold
//! shows in the graph.
//!
//! Why a child per ask rather than following the graph (`pw-dump --monitor`, or a client of
//! PipeWire's protocol): an ask costs a few milliseconds and nothing at all between asks, where
//! a follower stays resident and wakes at every change of the graph (BENCHMARKS.md has the
//! figures). Every ask is bounded ([`GRAPH_TIMEOUT`], [`SCAN_TIMEOUT`]; a `pw-dump` that does
//! not finish is killed), and one that cannot tell counts as no call: a broken source never
//! holds a reminder.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::{Duration, Instant};

use tracing::debug;

pub use crate::ipc::Capture;
pub use cameras::camera_open;
pub use graph::{Garbage, Graph, parse};

mod cameras;
mod graph;

/// The longest `pw-dump` may take; it is killed then, and the ask counts PipeWire as unheard.
pub const GRAPH_TIMEOUT: Duration = Duration::from_secs(2);
/// The longest the walk through `/proc` may take.
pub const SCAN_TIMEOUT: Duration = Duration::from_secs(1);
/// The most `pw-dump` may write (a desktop's graph is well under a megabyte).
pub const MAX_DUMP: usize = 16 * 1024 * 1024;
/// How much of `pw-dump`'s output is read at a time.
const CHUNK: usize = 4096;
/// The most characters of an application's name kept.
const MAX_NAME: usize = 64;
/// Where cameras are.
const CAMERAS: &str = "/dev/video";

/// A call found: what is captured, and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InCall {
    /// What.
    pub capture: Capture,
    /// The application, as it names itself (printable, at most 64 characters).
    pub app: String,
}

/// Why PipeWire could not say.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unheard {
    /// Its socket is not there.
    #[error("PipeWire is not running (no socket at {})", .0.display())]
    NoSocket(PathBuf),
    /// `pw-dump` is not installed.
    #[error("pw-dump is not installed (Debian and Ubuntu: pipewire-bin)")]
    NoPwDump,
    /// `pw-dump` could not be started.
    #[error("cannot run pw-dump: {0}")]
    Spawn(String),
    /// `pw-dump` did not finish in time, and was killed.
    #[error("pw-dump did not finish within {0:?} (killed)")]
    Timeout(Duration),
    /// `pw-dump` failed.
    #[error("pw-dump failed ({0})")]
    Failed(String),
    /// `pw-dump` wrote more than [`MAX_DUMP`] bytes.
    #[error("pw-dump wrote more than {MAX_DUMP} bytes")]
    TooLarge,
    /// What `pw-dump` wrote is not a graph.
    #[error("pw-dump wrote no graph ({0})")]
    Garbage(String),
}

/// What one ask found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The call, if any: `None` also when nothing could tell.
    pub call: Option<InCall>,
    /// Whether PipeWire answered.
    pub pipewire: Result<(), Unheard>,
    /// How long the ask took.
    pub took: Duration,
}

/// A source that can be asked whether a call is on: [`PipeWire`], or a test's stand-in.
pub trait AskCalls {
    /// Without asking (no child, no wait): whether the source can be heard at all.
    fn probe(&self) -> Result<(), Unheard>;
    /// One ask. It always ends, within [`GRAPH_TIMEOUT`] and [`SCAN_TIMEOUT`].
    fn ask(&mut self) -> Pin<Box<dyn Future<Output = Found>>>;
}

/// PipeWire's graph, read with `pw-dump`, and the cameras held open in `/proc`.
#[derive(Debug, Clone, Copy, Default)]
pub struct PipeWire;

impl AskCalls for PipeWire {
    fn probe(&self) -> Result<(), Unheard> {
        socket().map(|_| ())
    }

    fn ask(&mut self) -> Pin<Box<dyn Future<Output = Found>>> {
        Box::pin(ask())
    }
}

/// Where PipeWire's socket is, as its clients find it: `$PIPEWIRE_REMOTE` (a name, or a path)
/// in `$PIPEWIRE_RUNTIME_DIR`, else in `$XDG_RUNTIME_DIR`, else `pipewire-0`; an error if it is
/// not there.
fn socket() -> Result<PathBuf, Unheard> {
    let name = std::env::var_os("PIPEWIRE_REMOTE").unwrap_or_else(|| "pipewire-0".into());
    let dir = std::env::var_os("PIPEWIRE_RUNTIME_DIR")
        .or_else(|| std::env::var_os("XDG_RUNTIME_DIR"))
        .unwrap_or_default();
    let path = Path::new(&dir).join(name);
    if path.exists() {
        Ok(path)
    } else {
        Err(Unheard::NoSocket(path))
    }
}

/// One ask: PipeWire's graph, then (if it shows no call) the cameras held open.
async fn ask() -> Found {
    let started = Instant::now();
    let graph = match tokio::time::timeout(GRAPH_TIMEOUT, graph()).await {
        Ok(graph) => graph,
        Err(_) => Err(Unheard::Timeout(GRAPH_TIMEOUT)),
    };
    let (mut call, pipewire) = match graph {
        Ok(call) => (call, Ok(())),
        Err(e) => (None, Err(e)),
    };
    if call.is_none() {
        let proc = Path::new("/proc");
        call = tokio::time::timeout(SCAN_TIMEOUT, camera_open(proc, Path::new(CAMERAS)))
            .await
            .unwrap_or_else(|_| {
                debug!("calls: the walk through /proc took longer than {SCAN_TIMEOUT:?}");
                None
            });
    }
    Found {
        call,
        pipewire,
        took: started.elapsed(),
    }
}

/// Runs `pw-dump` and reads what its graph says. Its output goes into a pipe that the loop does
/// not watch: it is read every [`DRAIN`] and once `pw-dump` has ended, so that an ask wakes the
/// daemon a few times, not once for each line `pw-dump` writes. Dropped (at the timeout), it
/// kills `pw-dump`.
async fn graph() -> Result<Option<InCall>, Unheard> {
    socket()?;
    let spawn = |e: std::io::Error| Unheard::Spawn(e.to_string());
    let (out, into) = std::io::pipe().map_err(spawn)?;
    rustix::fs::fcntl_setfl(&out, rustix::fs::OFlags::NONBLOCK).map_err(|e| spawn(e.into()))?;
    let mut command = tokio::process::Command::new("pw-dump");
    command
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::from(into))
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true);
    let mut child = command.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Unheard::NoPwDump,
        _ => spawn(e),
    })?;
    // Our copy of the pipe's other end goes with the command: the pipe ends when pw-dump does.
    drop(command);
    let mut reader = Reader::default();
    let status = loop {
        tokio::select! {
            status = child.wait() => break status.map_err(spawn)?,
            () = tokio::time::sleep(DRAIN) => { reader.drain(&out)?; }
        }
    };
    reader.drain(&out)?;
    if !status.success() {
        return Err(Unheard::Failed(status.to_string()));
    }
    reader
        .graph
        .finish()
        .map_err(|e| Unheard::Garbage(e.to_string()))
}

/// How often the output of a `pw-dump` that has not ended yet is read: the pipe holds 64 KiB,
/// a small graph, and `pw-dump` waits while it is full.
const DRAIN: Duration = Duration::from_millis(10);

/// `pw-dump`'s output read so far.
#[derive(Default)]
struct Reader {
    graph: Graph,
    total: usize,
}

impl Reader {
    /// Reads what is in the pipe `out` now.
    fn drain(&mut self, out: &std::io::PipeReader) -> Result<(), Unheard> {
        let mut chunk = [0_u8; CHUNK];
        loop {
            let n = match rustix::io::read(out, &mut chunk) {
                Ok(0) | Err(rustix::io::Errno::AGAIN) => return Ok(()),
                Ok(n) => n,
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => return Err(Unheard::Spawn(format!("reading its output: {e}"))),
            };
            self.total += n;
            if self.total > MAX_DUMP {
                return Err(Unheard::TooLarge);
            }
            self.graph
                .feed(&chunk[..n])
                .map_err(|e| Unheard::Garbage(e.to_string()))?;
        }
    }
}

/// `raw` as a name: control characters dropped, trimmed, at most [`MAX_NAME`] characters.
fn name(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .chars()
        .take(MAX_NAME)
        .collect()
}
