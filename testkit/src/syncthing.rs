//! Two real Syncthing instances (Debian package `syncthing`) on loopback, sharing one folder, as
//! a user's desktop and laptop would: each with its own `--home` and generated keys, global and
//! local discovery, relays, NAT traversal, usage and crash reporting off, the other device
//! introduced by its id at `tcp://127.0.0.1:PORT`, the folder watched for changes with a short
//! delay. Waits are on Syncthing's own log line (the GUI listening) and on its REST event stream
//! (`/rest/events`, long-polled with a bounded timeout), never a sleep.

use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::Group;

/// The id of the shared folder in both instances.
pub const FOLDER_ID: &str = "stretchd-test";

/// How long the instances take at most to start and to find each other.
pub const START: Duration = Duration::from_secs(60);

/// One running Syncthing.
pub struct Instance {
    /// Its name, for messages ("a", "b").
    pub name: String,
    /// Its device id.
    pub device: String,
    /// The shared folder, as this instance keeps it.
    pub folder: PathBuf,
    gui: SocketAddr,
    api_key: String,
    log: Arc<(Mutex<Vec<String>>, Condvar)>,
    _process: Group,
}

/// A free TCP port on loopback (taken by the OS, released for the caller: a small race that
/// a port in use would show as a start-up failure).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free port on loopback")
}

/// What `generate` made for one instance, before it runs.
struct Generated {
    name: String,
    home: PathBuf,
    folder: PathBuf,
    device: String,
    listen: u16,
    gui: u16,
    api_key: String,
}

fn generate(name: &str, root: &Path) -> Generated {
    let home = root.join(format!("syncthing-{name}"));
    let folder = root.join(format!("Sync-{name}"));
    // The folder and its marker, so that Syncthing takes the folder as it is.
    std::fs::create_dir_all(folder.join(".stfolder")).unwrap();
    let out = Command::new("syncthing")
        .arg("generate")
        .arg(format!("--home={}", home.display()))
        .arg("--no-default-folder")
        .arg("--skip-port-probing")
        .env("HOME", root)
        .output()
        .expect("cannot run syncthing generate");
    assert!(
        out.status.success(),
        "syncthing generate failed: {}",
        crate::text(&out.stderr)
    );
    let config = std::fs::read_to_string(home.join("config.xml")).unwrap();
    let device = between(&config, "<device id=\"", "\"").to_owned();
    let api_key = between(&config, "<apikey>", "</apikey>").to_owned();
    Generated {
        name: name.to_owned(),
        home,
        folder,
        device,
        listen: free_port(),
        gui: free_port(),
        api_key,
    }
}

/// The text of `text` between the first `start` and the `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).map(|i| i + start.len()).expect(start);
    let len = text[from..].find(end).expect(end);
    &text[from..from + len]
}

/// Writes `me`'s config.xml: its options for a private loopback pair, `peer` as a device, and
/// the folder shared with it.
fn configure(me: &Generated, peer: &Generated) {
    let path = me.home.join("config.xml");
    let mut config = std::fs::read_to_string(&path).unwrap();
    let set = |config: &mut String, tag: &str, value: &str| {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let at = config
            .find(&open)
            .unwrap_or_else(|| panic!("no <{tag}> in config.xml"));
        let end = at + config[at..].find(&close).unwrap();
        config.replace_range(at..end + close.len(), &format!("{open}{value}{close}"));
    };
    set(
        &mut config,
        "listenAddress",
        &format!("tcp://127.0.0.1:{}", me.listen),
    );
    for (tag, value) in [
        ("globalAnnounceEnabled", "false"),
        ("localAnnounceEnabled", "false"),
        ("relaysEnabled", "false"),
        ("natEnabled", "false"),
        ("startBrowser", "false"),
        ("urAccepted", "-1"),
        ("crashReportingEnabled", "false"),
        ("autoUpgradeIntervalH", "0"),
    ] {
        set(&mut config, tag, value);
    }
    let mut shared = String::new();
    let _ = write!(
        shared,
        r#"    <folder id="{FOLDER_ID}" label="{FOLDER_ID}" path="{}" type="sendreceive" rescanIntervalS="60" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{}" introducedBy=""></device>
        <device id="{}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
    </folder>
    <device id="{}" name="{}" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:{}</address>
    </device>
"#,
        me.folder.display(),
        me.device,
        peer.device,
        peer.device,
        peer.name,
        peer.listen
    );
    let at = config.find("    <gui ").expect("no <gui> in config.xml");
    config.insert_str(at, &shared);
    std::fs::write(&path, config).unwrap();
}

impl Instance {
    fn start(generated: Generated, root: &Path) -> Instance {
        let mut cmd = Command::new("syncthing");
        cmd.arg("serve")
            .arg(format!("--home={}", generated.home.display()))
            .args([
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                "--logflags=0",
            ])
            .arg(format!("--gui-address=http://127.0.0.1:{}", generated.gui))
            .env("HOME", root)
            .env("STNODEFAULTFOLDER", "1")
            .env("STNOUPGRADE", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut process = Group::spawn(&mut cmd).expect("cannot start syncthing");
        let stdout = process.0.0.stdout.take().unwrap();
        let log = Arc::new((Mutex::new(Vec::new()), Condvar::new()));
        let writer = Arc::clone(&log);
        let name = generated.name.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if std::env::var_os("STRETCHD_SYNCTHING_LOG").is_some() {
                    eprintln!("[syncthing {name}] {line}");
                }
                writer.0.lock().unwrap().push(line);
                writer.1.notify_all();
            }
        });
        let instance = Instance {
            name: generated.name,
            device: generated.device,
            folder: generated.folder,
            gui: SocketAddr::from(([127, 0, 0, 1], generated.gui)),
            api_key: generated.api_key,
            log,
            _process: process,
        };
        instance.wait_for_log("GUI and API listening on", START);
        instance
    }

    /// Blocks until a line of Syncthing's log contains `needle`; panics after `timeout`.
    pub fn wait_for_log(&self, needle: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        let (lines, cond) = &*self.log;
        let mut lines = lines.lock().unwrap();
        while !lines.iter().any(|l| l.contains(needle)) {
            let now = Instant::now();
            assert!(
                now < deadline,
                "syncthing {}: no log line containing {needle:?} within {timeout:?}; log:\n{}",
                self.name,
                lines.join("\n")
            );
            lines = cond.wait_timeout(lines, deadline - now).unwrap().0;
        }
    }

    /// `GET path` on the REST API, its JSON answer; the whole exchange is bounded by `timeout`.
    pub fn get(&self, path: &str, timeout: Duration) -> Value {
        let mut stream = TcpStream::connect_timeout(&self.gui, timeout).unwrap();
        stream.set_read_timeout(Some(timeout)).unwrap();
        stream.set_write_timeout(Some(timeout)).unwrap();
        // HTTP/1.0: no chunked body, and the server closes when it is done.
        write!(
            stream,
            "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nX-API-Key: {}\r\n\r\n",
            self.api_key
        )
        .unwrap();
        let mut reply = Vec::new();
        stream
            .read_to_end(&mut reply)
            .unwrap_or_else(|e| panic!("syncthing {}: GET {path}: {e}", self.name));
        let reply = String::from_utf8_lossy(&reply);
        let (head, body) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
        assert!(
            head.starts_with("HTTP/1.0 200") || head.starts_with("HTTP/1.1 200"),
            "syncthing {}: GET {path}: {head}\n{body}",
            self.name
        );
        serde_json::from_str(body)
            .unwrap_or_else(|e| panic!("syncthing {}: GET {path}: {e}: {body}", self.name))
    }

    /// The id of the latest event so far: what to wait on events after.
    pub fn mark(&self) -> u64 {
        let events = self.get("/rest/events?limit=1&timeout=1", Duration::from_secs(10));
        events
            .as_array()
            .and_then(|e| e.last())
            .and_then(|e| e["id"].as_u64())
            .unwrap_or(0)
    }

    /// The first event of `types` (comma-separated, e.g. `ItemFinished`) after event `since`
    /// for which `wanted` holds, long-polling the event stream; panics after `timeout`.
    pub fn wait_event(
        &self,
        since: u64,
        types: &str,
        wanted: impl Fn(&Value) -> bool,
        timeout: Duration,
    ) -> Value {
        let deadline = Instant::now() + timeout;
        let mut since = since;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "syncthing {}: no {types} event as wanted within {timeout:?}",
                self.name
            );
            let poll = left.as_secs().clamp(1, 30);
            // The stream every instance keeps from its start (a stream filtered with `events=`
            // starts at the first request for it, and would miss what happened before).
            let events = self.get(
                &format!("/rest/events?since={since}&timeout={poll}"),
                Duration::from_secs(poll + 10),
            );
            for event in events.as_array().into_iter().flatten() {
                since = since.max(event["id"].as_u64().unwrap_or(since));
                let of_type = event["type"]
                    .as_str()
                    .is_some_and(|t| types.split(',').any(|w| w == t));
                if of_type && wanted(event) {
                    return event.clone();
                }
            }
        }
    }

    /// Waits until this instance is connected to device `peer`.
    pub fn wait_connected(&self, peer: &str) {
        let connected = self.get("/rest/system/connections", Duration::from_secs(10));
        if connected["connections"][peer]["connected"] == true {
            return;
        }
        self.wait_event(0, "DeviceConnected", |e| e["data"]["id"] == peer, START);
    }

    /// Waits until this instance has written `name` (a path inside the folder) as it came from
    /// the other instance, after event `since`; returns the event.
    pub fn wait_received(&self, since: u64, name: &str, timeout: Duration) -> Value {
        self.wait_event(
            since,
            "ItemFinished",
            |e| {
                e["data"]["folder"] == FOLDER_ID
                    && e["data"]["item"] == name
                    && e["data"]["error"].is_null()
            },
            timeout,
        )
    }
}

/// Two instances sharing [`FOLDER_ID`], started in `root` (a temporary directory of the
/// caller's) and connected to each other.
pub fn pair(root: &Path) -> (Instance, Instance) {
    let a = generate("a", root);
    let b = generate("b", root);
    configure(&a, &b);
    configure(&b, &a);
    let (a, b) = (Instance::start(a, root), Instance::start(b, root));
    a.wait_connected(&b.device);
    b.wait_connected(&a.device);
    (a, b)
}
