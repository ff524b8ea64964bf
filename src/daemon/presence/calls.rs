//! Calls: whether the microphone or a camera is captured, or the screen cast, right now. The
//! source is asked only when the answer matters, just before a reminder fires and about once a
//! minute while one is held (see `daemon::call_hold`): nothing of it runs between asks.
//!
//! From PipeWire's graph, read by running `pw-dump` once per ask and parsing its JSON
//! ([`parse`]): a node in the state "running" whose `media.class` is
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
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::Value;
use tokio::io::AsyncReadExt as _;
use tracing::debug;

pub use crate::ipc::Capture;

/// The longest `pw-dump` may take; it is killed then, and the ask counts PipeWire as unheard.
pub const GRAPH_TIMEOUT: Duration = Duration::from_secs(2);
/// The longest the walk through `/proc` may take.
pub const SCAN_TIMEOUT: Duration = Duration::from_secs(1);
/// The most `pw-dump` may write (a desktop's graph is well under a megabyte).
pub const MAX_DUMP: usize = 16 * 1024 * 1024;
/// The most characters of an application's name kept.
const MAX_NAME: usize = 64;
/// The processes of PipeWire itself, whose devices show in its graph.
const PIPEWIRE_OWN: &[&str] = &["pipewire", "wireplumber"];
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

/// Runs `pw-dump` and reads what its graph says. Dropped (at the timeout), it kills `pw-dump`.
async fn graph() -> Result<Option<InCall>, Unheard> {
    socket()?;
    let mut child = tokio::process::Command::new("pw-dump")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Unheard::NoPwDump,
            _ => Unheard::Spawn(e.to_string()),
        })?;
    let mut out = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        let limit = u64::try_from(MAX_DUMP)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        stdout
            .take(limit)
            .read_to_end(&mut out)
            .await
            .map_err(|e| Unheard::Spawn(format!("reading its output: {e}")))?;
    }
    if out.len() > MAX_DUMP {
        return Err(Unheard::TooLarge);
    }
    let status = child
        .wait()
        .await
        .map_err(|e| Unheard::Spawn(e.to_string()))?;
    if !status.success() {
        return Err(Unheard::Failed(status.to_string()));
    }
    parse(&out).map_err(|e| Unheard::Garbage(e.to_string()))
}

/// One object of `pw-dump`'s output, with only what is read of it. Every field may be missing
/// or of any type (PipeWire prints a property that looks like a number as one).
#[derive(Deserialize)]
struct Object {
    #[serde(default)]
    id: Value,
    #[serde(rename = "type", default)]
    kind: Value,
    #[serde(default)]
    info: Option<Info>,
}

#[derive(Deserialize, Default)]
struct Info {
    #[serde(default)]
    state: Value,
    #[serde(default)]
    props: Option<Props>,
}

#[derive(Deserialize, Default)]
struct Props {
    #[serde(rename = "media.class", default)]
    class: Value,
    #[serde(rename = "application.name", default)]
    name: Value,
    #[serde(rename = "application.process.binary", default)]
    binary: Value,
    #[serde(rename = "node.name", default)]
    node: Value,
    #[serde(rename = "client.id", default)]
    client: Value,
    #[serde(rename = "stream.monitor", default)]
    monitor: Value,
}

const NODE: &str = "PipeWire:Interface:Node";
const CLIENT: &str = "PipeWire:Interface:Client";

/// The properties of object `o`, if it has any.
fn props(o: &Object) -> Option<&Props> {
    o.info.as_ref()?.props.as_ref()
}

/// What a `pw-dump` graph (its JSON: an array of objects) says: the call it shows, the most
/// telling capture first (a microphone, then a screen cast, then a camera), or `None`.
pub fn parse(json: &[u8]) -> Result<Option<InCall>, serde_json::Error> {
    let objects: Vec<Object> = serde_json::from_slice(json)?;
    let found = objects
        .iter()
        .filter(|o| o.kind == NODE)
        .filter(|o| o.info.as_ref().is_some_and(|i| i.state == "running"))
        .filter_map(|o| {
            let p = props(o)?;
            let capture = match p.class.as_str()? {
                "Stream/Input/Audio" => Capture::Microphone,
                "Stream/Output/Video" => Capture::ScreenCast,
                "Stream/Input/Video" => Capture::Camera,
                _ => return None,
            };
            let monitor = p.monitor == true || p.monitor == "true";
            (!monitor).then_some((capture, p))
        })
        .min_by_key(|(capture, _)| *capture);
    Ok(found.map(|(capture, p)| {
        let client = objects
            .iter()
            .find(|o| o.kind == CLIENT && !p.client.is_null() && o.id == p.client)
            .and_then(props);
        let app = [Some(p), client]
            .into_iter()
            .flatten()
            .flat_map(|p| [&p.name, &p.binary])
            .chain([&p.node])
            .find_map(text)
            .unwrap_or_else(|| "an unnamed application".to_owned());
        InCall { capture, app }
    }))
}

/// A property's value as a name: printable, trimmed, at most [`MAX_NAME`] characters; `None`
/// when empty or not a string or number.
fn text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let name = name(&text);
    (!name.is_empty()).then_some(name)
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

/// The first of the user's processes in `proc` (the `/proc` tree) that holds a file under
/// `devices` (`/dev/video`, as a prefix) open, other than this one and PipeWire's: a camera in
/// use, named from its `comm`. A process that ends meanwhile, or whose files cannot be read, is
/// passed over. Yields to the loop every few processes: a long walk holds nothing up.
pub async fn camera_open(proc: &Path, devices: &Path) -> Option<InCall> {
    let uid = rustix::process::getuid().as_raw();
    let me = std::process::id().to_string();
    let entries = match std::fs::read_dir(proc) {
        Ok(entries) => entries,
        Err(e) => {
            debug!("calls: cannot read {}: {e}", proc.display());
            return None;
        }
    };
    for (n, entry) in entries.flatten().enumerate() {
        if n % 16 == 15 {
            tokio::task::yield_now().await;
        }
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str() else {
            continue;
        };
        if pid == me || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let dir = entry.path();
        let ours = std::fs::metadata(&dir).is_ok_and(|m| m.uid() == uid);
        if !ours || !holds(&dir, devices) {
            continue;
        }
        let Ok(comm) = std::fs::read_to_string(dir.join("comm")) else {
            debug!("calls: process {pid} ended while it was looked at");
            continue;
        };
        let comm = name(&comm);
        if PIPEWIRE_OWN.contains(&comm.as_str()) {
            continue;
        }
        return Some(InCall {
            capture: Capture::Camera,
            app: if comm.is_empty() {
                format!("process {pid}")
            } else {
                comm
            },
        });
    }
    None
}

/// Whether the process at `dir` (`/proc/<pid>`) has a file under `devices` open.
fn holds(dir: &Path, devices: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt as _;
    let Ok(fds) = std::fs::read_dir(dir.join("fd")) else {
        return false;
    };
    let prefix = devices.as_os_str().as_bytes();
    fds.flatten().any(|fd| {
        std::fs::read_link(fd.path()).is_ok_and(|to| to.as_os_str().as_bytes().starts_with(prefix))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIC_AND_CAMERA: &str = include_str!("../../../tests/data/pw-dump/mic-and-camera.json");
    const IDLE: &str = include_str!("../../../tests/data/pw-dump/idle.json");

    fn call(capture: Capture, app: &str) -> InCall {
        InCall {
            capture,
            app: app.to_owned(),
        }
    }

    #[test]
    fn a_real_graph_with_a_recorded_microphone_and_a_consumed_camera_names_the_microphone() {
        // pw-record on a virtual source, and gst-launch-1.0's pipewiresrc on a fake camera.
        assert_eq!(
            parse(MIC_AND_CAMERA.as_bytes()).unwrap(),
            Some(call(Capture::Microphone, "pw-record"))
        );
        // The same graph with the recorder gone: the camera's consumer, named by its node (it
        // has no application.name of its own), with its client's name as the fallback.
        let without_mic: Vec<Value> = serde_json::from_str::<Vec<Value>>(MIC_AND_CAMERA)
            .unwrap()
            .into_iter()
            .filter(|o| o["info"]["props"]["media.class"] != "Stream/Input/Audio")
            .collect();
        let json = serde_json::to_vec(&without_mic).unwrap();
        assert_eq!(
            parse(&json).unwrap(),
            Some(call(Capture::Camera, "gst-launch-1.0"))
        );
    }

    #[test]
    fn a_real_gnome_shell_screen_cast_names_the_shell() {
        // GNOME Shell 43's stream of the monitor (Mutter's ScreenCast), consumed by
        // pipewiresrc: the source is named before its consumer, by its client.
        let json = include_bytes!("../../../tests/data/pw-dump/screen-cast.json");
        assert_eq!(
            parse(json).unwrap(),
            Some(call(Capture::ScreenCast, "gnome-shell"))
        );
    }

    #[test]
    fn a_real_graph_with_nothing_captured_shows_no_call() {
        // The virtual microphone and the fake camera are there, idle, with no stream on them.
        assert_eq!(parse(IDLE.as_bytes()).unwrap(), None);
        assert_eq!(parse(b"[]").unwrap(), None);
    }

    fn node(id: u64, state: &str, props: &Value) -> Value {
        serde_json::json!({"id": id, "type": NODE, "info": {"state": state, "props": props}})
    }

    #[test]
    fn only_running_capture_streams_count_and_the_most_telling_is_named() {
        let graph = serde_json::json!([
            node(
                1,
                "idle",
                &serde_json::json!({"media.class": "Stream/Input/Audio", "application.name": "Idle"})
            ),
            node(
                2,
                "running",
                &serde_json::json!({"media.class": "Stream/Output/Audio", "application.name": "Music"})
            ),
            node(
                3,
                "running",
                &serde_json::json!({"media.class": "Stream/Input/Audio", "stream.monitor": true, "application.name": "Meter"})
            ),
            node(
                4,
                "running",
                &serde_json::json!({"media.class": "Stream/Input/Video", "node.name": "cam-consumer"})
            ),
            node(
                5,
                "running",
                &serde_json::json!({"media.class": "Stream/Output/Video", "application.process.binary": "gnome-shell"})
            ),
            node(
                6,
                "running",
                &serde_json::json!({"media.class": "Audio/Source", "node.name": "alsa-mic"})
            ),
        ]);
        let json = serde_json::to_vec(&graph).unwrap();
        assert_eq!(
            parse(&json).unwrap(),
            Some(call(Capture::ScreenCast, "gnome-shell"))
        );
        let graph = serde_json::json!([
            node(4, "running", &serde_json::json!({"media.class": "Stream/Input/Video", "client.id": 9})),
            {"id": 9, "type": CLIENT, "info": {"props": {"application.process.binary": "zoom"}}},
            node(7, "running", &serde_json::json!({"media.class": "Stream/Input/Audio", "stream.monitor": "true"})),
        ]);
        let json = serde_json::to_vec(&graph).unwrap();
        assert_eq!(parse(&json).unwrap(), Some(call(Capture::Camera, "zoom")));
    }

    #[test]
    fn names_are_printable_and_bounded_and_odd_values_are_tolerated() {
        let long = "x".repeat(200);
        let graph = serde_json::json!([
            {"id": 1, "type": NODE, "info": null},
            {"id": 2, "type": NODE},
            {"id": 3, "type": 7, "info": {"state": 1}},
            {"type": NODE, "info": {"state": "running", "props": null}},
            node(4, "running", &serde_json::json!({"media.class": 3})),
            node(5, "running", &serde_json::json!({"media.class": "Stream/Input/Audio", "application.name": " Fire\u{1b}[31mfox\n ", "node.name": long})),
        ]);
        let json = serde_json::to_vec(&graph).unwrap();
        assert_eq!(
            parse(&json).unwrap(),
            Some(call(Capture::Microphone, "Fire[31mfox"))
        );
        let graph = serde_json::json!([node(
            5,
            "running",
            &serde_json::json!({"media.class": "Stream/Input/Audio", "application.name": "", "node.name": long})
        ),]);
        let found = parse(&serde_json::to_vec(&graph).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(found.app, "x".repeat(MAX_NAME));
        // PipeWire prints a name that looks like a number as one.
        let graph = serde_json::json!([
            node(
                5,
                "running",
                &serde_json::json!({"media.class": "Stream/Input/Audio", "application.name": 42})
            ),
            node(
                6,
                "running",
                &serde_json::json!({"media.class": "Stream/Input/Audio"})
            ),
        ]);
        assert_eq!(
            parse(&serde_json::to_vec(&graph).unwrap()).unwrap(),
            Some(call(Capture::Microphone, "42"))
        );
        let graph = serde_json::json!([node(
            6,
            "running",
            &serde_json::json!({"media.class": "Stream/Input/Audio"})
        )]);
        assert_eq!(
            parse(&serde_json::to_vec(&graph).unwrap()).unwrap(),
            Some(call(Capture::Microphone, "an unnamed application"))
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for garbage in [
            &b""[..],
            b"not json",
            b"{}",
            b"[1, 2]",
            b"[{\"info\": 3}]",
            b"[{\"type\": \"PipeWire:Interface:Node\", \"info\": {\"props\": 3}}]",
            b"[{\"id\": 1",
            &MIC_AND_CAMERA.as_bytes()[..1000],
        ] {
            assert!(
                parse(garbage).is_err(),
                "{:?}",
                String::from_utf8_lossy(garbage)
            );
        }
    }

    /// A `/proc`-like tree in `root`: process `pid` named `comm` with the files `fds` open
    /// (symbolic links, as in `/proc/<pid>/fd`).
    fn process(root: &Path, pid: &str, comm: Option<&str>, fds: &[&str]) {
        let dir = root.join(pid);
        std::fs::create_dir_all(dir.join("fd")).unwrap();
        if let Some(comm) = comm {
            std::fs::write(dir.join("comm"), format!("{comm}\n")).unwrap();
        }
        for (n, target) in fds.iter().enumerate() {
            std::os::unix::fs::symlink(target, dir.join("fd").join(n.to_string())).unwrap();
        }
    }

    #[tokio::test]
    async fn a_camera_held_open_is_found_and_named_and_what_went_away_is_passed_over() {
        let root = tempfile::tempdir().unwrap();
        let proc = root.path();
        let cameras = Path::new("/dev/video");
        assert_eq!(camera_open(proc, cameras).await, None);
        process(proc, "self", Some("x"), &["/dev/video0"]);
        process(proc, "10", Some("editor"), &["/dev/null", "/home/me/notes"]);
        process(proc, "11", Some("pipewire"), &["/dev/video0"]);
        // Ended between the listing and the read of its name.
        process(proc, "12", None, &["/dev/video1"]);
        std::fs::create_dir(proc.join("13")).unwrap();
        assert_eq!(camera_open(proc, cameras).await, None);
        process(proc, "14", Some("cheese"), &["/dev/null", "/dev/video2"]);
        assert_eq!(
            camera_open(proc, cameras).await,
            Some(call(Capture::Camera, "cheese"))
        );
        // Not a process tree at all.
        assert_eq!(camera_open(&proc.join("missing"), cameras).await, None);
    }

    #[tokio::test]
    async fn a_real_process_holding_a_device_open_is_found_in_the_real_proc() {
        let dir = tempfile::tempdir().unwrap();
        let device = dir.path().join("video0");
        std::fs::write(&device, "").unwrap();
        let mut child = std::process::Command::new("sh")
            .arg("-c")
            .arg("exec sleep 30 3<\"$0\"")
            .arg(&device)
            .spawn()
            .unwrap();
        let prefix = dir.path().join("video");
        let deadline = Instant::now() + Duration::from_secs(10);
        let found = loop {
            let found = camera_open(Path::new("/proc"), &prefix).await;
            // Named `sh` until it has become `sleep`.
            if found.as_ref().is_some_and(|f| f.app == "sleep") || Instant::now() > deadline {
                break found;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(found, Some(call(Capture::Camera, "sleep")));
    }
}
