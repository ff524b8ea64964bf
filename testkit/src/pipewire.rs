//! PipeWire and WirePlumber in a private runtime directory ([`PipeWire::start`]), and what the
//! calls tests do with them: a virtual microphone recorded by `pw-record`, a fake camera
//! (GStreamer's `videotestsrc` into `pipewiresink`) consumed by `pipewiresrc`, a node's stream
//! consumed by id (a screen cast), and the graph read back with `pw-dump`. No systemd: the two
//! run as plain children on a session bus the test made, and stop on drop.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::{Group, private_dir, run_bounded};

/// What to install, for skip notes and failures.
pub const PIPEWIRE_INSTALL: &str = "install pipewire, pipewire-bin, wireplumber, \
    gstreamer1.0-pipewire, gstreamer1.0-tools and gstreamer1.0-plugins-base (Debian: \
    `apt-get install --no-install-recommends pipewire pipewire-bin wireplumber \
    gstreamer1.0-pipewire gstreamer1.0-tools gstreamer1.0-plugins-base`; CI does, with \
    STRETCHD_REQUIRE_PIPEWIRE=1)";
/// The programs the calls tests run.
pub const PIPEWIRE_TOOLS: &[&str] = &[
    "pipewire",
    "wireplumber",
    "pw-dump",
    "pw-cli",
    "pw-record",
    "gst-launch-1.0",
];
/// Whether `object`, one of `pw-dump`'s, is a node.
pub fn is_node(object: &Value) -> bool {
    object["type"] == "PipeWire:Interface:Node"
}

/// The variable under which missing PipeWire tools fail the tests instead of skipping them.
pub const REQUIRE_PIPEWIRE: &str = "STRETCHD_REQUIRE_PIPEWIRE";
/// Bound for PipeWire to come up, and for a stream to reach the state a test waits for:
/// generous, for a loaded two-core machine (here it takes well under a second).
pub const WAIT: Duration = Duration::from_secs(30);
/// The virtual microphone's node name.
pub const MIC: &str = "fake-mic";
/// The fake camera's node name.
pub const CAMERA: &str = "fake-cam";
/// The virtual speaker's node name.
pub const SPEAKER: &str = "fake-speaker";

/// One node of the graph, as `pw-dump` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Its id (what `pipewiresrc path=` takes).
    pub id: u64,
    /// "running", "idle", "suspended", ...
    pub state: String,
    /// `media.class` ("" when it has none).
    pub class: String,
    /// `node.name`.
    pub name: String,
    /// `application.name` ("" when it has none).
    pub app: String,
}

/// `pipewire` and `wireplumber`, stopped on drop.
pub struct PipeWire {
    /// In the order they stop on drop: WirePlumber, then PipeWire.
    processes: Vec<Group>,
    runtime: PathBuf,
    env: Vec<(String, OsString)>,
}

impl PipeWire {
    /// Whether PipeWire, WirePlumber and GStreamer's tools are installed; if not, `test` is
    /// skipped with a note (false), or fails under `STRETCHD_REQUIRE_PIPEWIRE`.
    pub fn present(test: &str) -> bool {
        crate::required_present(REQUIRE_PIPEWIRE, test, PIPEWIRE_TOOLS, PIPEWIRE_INSTALL)
    }

    /// [`PipeWire::start`] on the session bus at `bus`, with `home` (created) as its home.
    pub fn start_on(bus: &str, runtime: &Path, home: &Path) -> PipeWire {
        std::fs::create_dir_all(home).unwrap();
        PipeWire::start(
            runtime,
            &[
                ("DBUS_SESSION_BUS_ADDRESS", OsStr::new(bus)),
                ("HOME", home.as_os_str()),
            ],
        )
    }

    /// Starts `pipewire` and `wireplumber` with `XDG_RUNTIME_DIR` = `runtime` (made 0700 if
    /// missing) and the environment `env` (the session bus, HOME and the XDG directories: the
    /// caller's temporary ones), and returns once WirePlumber is connected to PipeWire.
    pub fn start(runtime: &Path, env: &[(&str, &OsStr)]) -> PipeWire {
        private_dir(runtime);
        let mut env: Vec<(String, OsString)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        env.push(("XDG_RUNTIME_DIR".to_owned(), runtime.as_os_str().to_owned()));
        let mut pipewire = PipeWire {
            processes: Vec::new(),
            runtime: runtime.to_owned(),
            env,
        };
        let started = Instant::now();
        let server = pipewire.spawn("pipewire", &[]);
        pipewire.processes.push(server);
        let socket = runtime.join("pipewire-0");
        wait_until("the PipeWire socket", || socket.exists());
        let manager = pipewire.spawn("wireplumber", &[]);
        // Stopped first on drop.
        pipewire.processes.insert(0, manager);
        wait_until("WirePlumber connected to PipeWire", || {
            pipewire.clients().iter().any(|c| c == "WirePlumber")
        });
        eprintln!("PipeWire and WirePlumber up after {:?}", started.elapsed());
        pipewire
    }

    /// The runtime directory PipeWire's socket is in.
    pub fn runtime(&self) -> &Path {
        &self.runtime
    }

    /// `program args...`, a client of this PipeWire, in a process group of its own (stopped on
    /// drop), its output thrown away.
    pub fn spawn(&self, program: &str, args: &[&str]) -> Group {
        let mut cmd = self.command(program);
        cmd.args(args).stdout(Stdio::null()).stderr(Stdio::null());
        Group::spawn(&mut cmd)
            .unwrap_or_else(|e| panic!("cannot start {program} ({e}): {PIPEWIRE_INSTALL}"))
    }

    /// A command with this PipeWire's environment.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.envs(self.env.iter().map(|(k, v)| (k, v)))
            .env_remove("PIPEWIRE_REMOTE")
            .env_remove("PIPEWIRE_RUNTIME_DIR")
            .stdin(Stdio::null());
        cmd
    }

    /// The graph, from `pw-dump` (bounded), as JSON objects.
    pub fn dump(&self) -> Vec<Value> {
        let mut cmd = self.command("pw-dump");
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let out = run_bounded(cmd, WAIT);
        if !out.status.success() {
            return Vec::new();
        }
        serde_json::from_slice(&out.stdout).unwrap_or_default()
    }

    /// The graph's nodes.
    pub fn nodes(&self) -> Vec<Node> {
        let text = |v: &Value| match v {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        self.dump()
            .iter()
            .filter(|o| is_node(o))
            .map(|o| {
                let props = &o["info"]["props"];
                Node {
                    id: o["id"].as_u64().unwrap_or_default(),
                    state: text(&o["info"]["state"]),
                    class: text(&props["media.class"]),
                    name: text(&props["node.name"]),
                    app: text(&props["application.name"]),
                }
            })
            .collect()
    }

    /// The graph's clients, by `application.name`.
    fn clients(&self) -> Vec<String> {
        self.dump()
            .iter()
            .filter(|o| o["type"] == "PipeWire:Interface:Client")
            .filter_map(|o| o["info"]["props"]["application.name"].as_str())
            .map(str::to_owned)
            .collect()
    }

    /// Polls the graph every 50 ms until a node satisfies `check`, and returns it; panics after
    /// [`WAIT`], naming `what` and showing the nodes.
    pub fn wait_for_node(&self, what: &str, check: impl Fn(&Node) -> bool) -> Node {
        let deadline = Instant::now() + WAIT;
        loop {
            let nodes = self.nodes();
            if let Some(node) = nodes.iter().find(|n| check(n)) {
                return node.clone();
            }
            assert!(
                Instant::now() < deadline,
                "PipeWire: no {what} within {WAIT:?}; nodes: {nodes:#?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Polls the graph every 50 ms until no node satisfies `check`; panics after [`WAIT`].
    pub fn wait_until_gone(&self, what: &str, check: impl Fn(&Node) -> bool) {
        wait_until(what, || !self.nodes().iter().any(&check));
    }

    /// Creates the virtual microphone [`MIC`] (a null sink as an `Audio/Source/Virtual`, kept
    /// after `pw-cli` exits), once it is in the graph.
    pub fn virtual_mic(&self) {
        self.create_null_sink(MIC, "Audio/Source/Virtual", "[MONO]");
    }

    /// Creates a null sink named `name` of `media.class` `class` with the channels `position`,
    /// kept after `pw-cli` exits, and waits for it in the graph.
    fn create_null_sink(&self, name: &str, class: &str, position: &str) {
        let mut cmd = self.command("pw-cli");
        cmd.args([
            "create-node",
            "adapter",
            &format!(
                "{{ factory.name=support.null-audio-sink node.name={name} media.class={class} \
                 object.linger=true audio.position={position} }}"
            ),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let out = run_bounded(cmd, WAIT);
        assert!(out.status.success(), "pw-cli create-node {name}: {out:?}");
        self.wait_for_node(name, |n| n.name == name);
    }

    /// Creates a virtual speaker [`SPEAKER`] (a null sink, the graph's only `Audio/Sink`), once
    /// it is in the graph.
    pub fn virtual_speaker(&self) {
        self.create_null_sink(SPEAKER, "Audio/Sink", "[FL FR]");
    }

    /// A tone played into the virtual speaker (GStreamer's `audiotestsrc` into `pipewiresink`),
    /// once its playback stream runs: a busy graph that captures nothing.
    pub fn play_tone(&self) -> Group {
        let player = self.spawn(
            "gst-launch-1.0",
            &[
                "-q",
                "audiotestsrc",
                "is-live=true",
                "!",
                "audioconvert",
                "!",
                "pipewiresink",
                &format!("target-object={SPEAKER}"),
            ],
        );
        self.wait_for_node("running playback stream", |n| {
            n.state == "running" && n.class == "Stream/Output/Audio"
        });
        player
    }

    /// `pw-record` recording the virtual microphone into `file`, once its capture stream runs:
    /// the microphone in use.
    pub fn record(&self, file: &Path) -> Group {
        let file = file.to_str().expect("a UTF-8 path");
        let recorder = self.spawn("pw-record", &["--target", MIC, file]);
        self.wait_for_node("running pw-record capture stream", |n| {
            n.state == "running" && n.class == "Stream/Input/Audio"
        });
        recorder
    }

    /// A fake camera [`CAMERA`] (GStreamer's test pattern, provided as a `Video/Source`), once
    /// it is in the graph.
    pub fn fake_camera(&self) -> Group {
        let camera = self.spawn(
            "gst-launch-1.0",
            &[
                "-q",
                "videotestsrc",
                "is-live=true",
                "!",
                "pipewiresink",
                "mode=provide",
                &format!("stream-properties=props,media.class=Video/Source,node.name={CAMERA}"),
            ],
        );
        self.wait_for_node("fake camera", |n| n.name == CAMERA);
        camera
    }

    /// GStreamer's `pipewiresrc` consuming the fake camera, once its capture stream runs: the
    /// camera in use. (The caps filter is needed: without it no format is agreed.)
    pub fn watch_camera(&self) -> Group {
        let target = format!("target-object={CAMERA}");
        self.consume(&target)
    }

    /// GStreamer's `pipewiresrc` consuming node `id` (a screen cast), once its capture stream
    /// runs.
    pub fn watch_node(&self, id: u32) -> Group {
        self.consume(&format!("path={id}"))
    }

    /// `pipewiresrc` with `source` (`target-object=NAME`, `path=ID`) into a fake sink, once a
    /// video capture stream runs.
    fn consume(&self, source: &str) -> Group {
        let consumer = self.spawn(
            "gst-launch-1.0",
            &[
                "-q",
                "pipewiresrc",
                source,
                "!",
                "video/x-raw",
                "!",
                "fakesink",
            ],
        );
        self.wait_for_node("running video capture stream", |n| {
            n.state == "running" && n.class == "Stream/Input/Video"
        });
        consumer
    }
}

/// Polls `done` every 50 ms; panics after [`WAIT`] naming `what`.
fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !done() {
        assert!(
            Instant::now() < deadline,
            "PipeWire: {what} not within {WAIT:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
