//! `calls`: what holding reminders for calls costs (issue 13), with PipeWire and WirePlumber in
//! a private runtime directory and a busy graph that captures nothing (a tone played into a
//! virtual speaker, a virtual microphone and a fake camera nobody records), the test
//! notification server on a private session bus. One markdown table, also written to
//! `bench/calls-results.md`:
//!
//! - the cost of one ask, from stretchd's own debug line for each (`calls: asked took=...`), at
//!   one reminder a second; resident memory before the first reminder and after the last, and
//!   the same without asking (`respect_calls = false`);
//! - wakeups with nothing due and `respect_calls` on (nothing is asked: 0);
//! - wakeups while a call holds a reminder (the virtual microphone recorded): an ask a minute;
//! - for comparison, the other way to know: `pw-dump --monitor` following the graph, its
//!   resident memory, wakeups and output over the same window, and for one change of the graph.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use testkit::notifications::Server;
use testkit::pipewire::{PIPEWIRE_TOOLS, PipeWire, is_node};
use testkit::{Bus, Daemon, Group, RUNNING, all_day_config, write_file};

use crate::readings::{Switches, median, status, switches};
use crate::{Context, SHOWN, START, alive, in_root, machine, nothing_due_config};

/// The costs of the calls source, and of following the graph instead.
#[derive(clap::Args)]
pub struct Args {
    /// Seconds of each window (nothing due; held; `pw-dump --monitor`)
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    window: u64,
    /// Asks to time (one per reminder, a reminder a second)
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
    asks: u32,
    /// Where the table is written [default: bench/calls-results.md]
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// stretchd's debug line for each ask.
const ASKED: &str = "calls: asked";
/// Seconds between "stretchd is running" (or a call's hold) and a window.
const SETTLE: Duration = Duration::from_secs(2);

/// Runs the benchmark.
pub fn run(bench: &Context, args: &Args) {
    let tools: Vec<&str> = std::iter::once("dbus-daemon")
        .chain(PIPEWIRE_TOOLS.iter().copied())
        .collect();
    bench.require(
        &tools,
        "on Debian: apt-get install dbus-daemon pipewire pipewire-bin wireplumber \
         gstreamer1.0-pipewire gstreamer1.0-tools gstreamer1.0-plugins-base",
    );
    bench.log("starting a private session bus, PipeWire and WirePlumber, and a busy graph");
    let bus = Bus::start();
    let server = Server::start(&bus.address);
    let dir = tempfile::tempdir().unwrap();
    let pipewire = PipeWire::start_on(
        &bus.address,
        &dir.path().join("runtime"),
        &dir.path().join("pipewire-home"),
    );
    pipewire.virtual_speaker();
    pipewire.virtual_mic();
    let _tone = pipewire.play_tone();
    let _camera = pipewire.fake_camera();
    let graph = Graph::read(&pipewire);

    let start = |name: &str, config: &str| {
        let config = write_file(dir.path(), name, config);
        bench
            .bin
            .daemon(&bus.address, &config)
            .env("PIPEWIRE_RUNTIME_DIR", pipewire.runtime())
            .env("RUST_LOG", "info,stretchd::daemon::call_hold=debug")
            .quiet()
            .start()
    };
    let every_second = all_day_config(
        "[presence]\nidle_source = \"none\"\n\n\
         [[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"1s\"\n",
    );

    bench.log(&format!(
        "{} reminders without asking (respect_calls off)",
        args.asks
    ));
    let unasked = after_reminders(
        start(
            "unasked.toml",
            &every_second.replace("[presence]\n", "[presence]\nrespect_calls = false\n"),
        ),
        args.asks,
    );
    server.drain();
    bench.log(&format!("timing {} asks, one per reminder", args.asks));
    let asks = after_reminders(start("asks.toml", &every_second), args.asks);
    server.drain();

    bench.log(&format!(
        "{} s with nothing due, respect_calls on",
        args.window
    ));
    let mut idle_daemon = start("idle.toml", &nothing_due_config("idle_source = \"none\"\n"));
    idle_daemon.wait_for_log(RUNNING, START);
    let idle = window(&mut idle_daemon, args.window);
    drop(idle_daemon);

    bench.log(&format!("{} s with a reminder held by a call", args.window));
    // Recorded outside the configs' directory: the daemon watches that one.
    let recordings = tempfile::tempdir().unwrap();
    let recording = pipewire.record(&recordings.path().join("recorded.wav"));
    let mut held_daemon = start("held.toml", &every_second);
    held_daemon.wait_for_log("hold reason=Call on=true", START);
    let held = window(&mut held_daemon, args.window);
    drop((held_daemon, recording));

    bench.log(&format!("{} s of pw-dump --monitor", args.window));
    let monitor = follow(&pipewire, recordings.path(), args.window);

    let out = args
        .out
        .clone()
        .unwrap_or_else(|| in_root("bench/calls-results.md"));
    let table = table(args, &graph, [&unasked, &asks], &idle, &held, &monitor);
    bench.report(&table, Some(&out));
}

/// The graph asked: its size.
struct Graph {
    objects: usize,
    nodes: usize,
    bytes: usize,
}

impl Graph {
    fn read(pipewire: &PipeWire) -> Graph {
        let mut cmd = pipewire.command("pw-dump");
        cmd.stdout(Stdio::piped()).stderr(Stdio::null());
        let out = testkit::run_bounded(cmd, START);
        let objects: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        let nodes = objects.iter().filter(|o| is_node(o)).count();
        Graph {
            objects: objects.len(),
            nodes,
            bytes: out.stdout.len(),
        }
    }
}

/// Reminders shown, the asks before them timed, and stretchd's memory around them (kB).
struct Asks {
    /// Milliseconds each ask took (none with `respect_calls` off).
    took: Vec<f64>,
    rss_before: u64,
    anon_before: u64,
    rss_after: u64,
    anon_after: u64,
    hwm_after: u64,
}

/// Waits for `reminders` reminders of `daemon` (one a second, nothing captured), reading its
/// memory before the first and after the last, and the time of each ask before them.
fn after_reminders(mut daemon: Daemon, reminders: u32) -> Asks {
    daemon.wait_for_log(RUNNING, START);
    let pid = daemon.pid();
    // The first reminder is due a second after the start.
    let (rss_before, anon_before) = (status(pid, "VmRSS"), status(pid, "RssAnon"));
    for _ in 0..reminders {
        daemon.wait_for_log(SHOWN, START);
    }
    std::thread::sleep(Duration::from_millis(500));
    alive(&mut daemon);
    let log = daemon.log();
    let took = log
        .lines()
        .filter(|l| l.contains(ASKED))
        .map(|line| {
            assert!(
                line.contains("call=None") && line.contains("pipewire=Ok"),
                "an ask saw a call, or no PipeWire: {line}"
            );
            millis(line)
        })
        .collect();
    Asks {
        took,
        rss_before,
        anon_before,
        rss_after: status(pid, "VmRSS"),
        anon_after: status(pid, "RssAnon"),
        hwm_after: status(pid, "VmHWM"),
    }
}

/// The `took=` of an ask's line, in milliseconds (`Duration`'s debug form: `12.3ms`, `850µs`).
fn millis(line: &str) -> f64 {
    let value = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("took="))
        .unwrap_or_else(|| panic!("no took= in {line}"));
    let digits = value
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(value.len());
    let (number, unit) = value.split_at(digits);
    let number: f64 = number
        .parse()
        .unwrap_or_else(|e| panic!("took={value}: {e}"));
    match unit {
        "s" => number * 1000.0,
        "ms" => number,
        "µs" | "us" => number / 1000.0,
        "ns" => number / 1_000_000.0,
        other => panic!("took={value}: unit {other:?}"),
    }
}

/// A window of `daemon`: its context switches, the asks in it and its memory (kB) at the end.
struct Window {
    switches: u64,
    asks: usize,
    rss: u64,
}

/// Counts `daemon`'s context switches and asks over `seconds`, from [`SETTLE`] on.
fn window(daemon: &mut Daemon, seconds: u64) -> Window {
    std::thread::sleep(SETTLE);
    alive(daemon);
    let pid = daemon.pid();
    let (start, asked) = (switches(pid), daemon.count(ASKED));
    std::thread::sleep(Duration::from_secs(seconds));
    alive(daemon);
    let end: Switches = switches(pid);
    Window {
        switches: end.total() - start.total(),
        asks: daemon.count(ASKED) - asked,
        rss: status(pid, "VmRSS"),
    }
}

/// `pw-dump --monitor` over the window, and for one change of the graph.
struct Monitor {
    rss: u64,
    switches: u64,
    bytes: u64,
    change_switches: u64,
    change_bytes: u64,
}

/// Runs `pw-dump --monitor` (its output to a file in `dir`), then counts its context switches
/// and output over `seconds` of the busy graph, and over one change (a recording started and
/// stopped).
fn follow(pipewire: &PipeWire, dir: &std::path::Path, seconds: u64) -> Monitor {
    let out = dir.join("monitor.json");
    let mut cmd = pipewire.command("pw-dump");
    cmd.arg("--monitor")
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(Stdio::null());
    let monitor = Group::spawn(&mut cmd).unwrap();
    let pid = monitor.pid();
    let bytes = || std::fs::metadata(&out).map_or(0, |m| m.len());
    std::thread::sleep(SETTLE);
    let (start, start_bytes) = (switches(pid), bytes());
    std::thread::sleep(Duration::from_secs(seconds));
    let (end, end_bytes) = (switches(pid), bytes());
    let rss = status(pid, "VmRSS");
    let recording = pipewire.record(&dir.join("change.wav"));
    drop(recording);
    pipewire.wait_until_gone("pw-record", |n| n.class == "Stream/Input/Audio");
    std::thread::sleep(SETTLE);
    let (after, after_bytes) = (switches(pid), bytes());
    Monitor {
        rss,
        switches: end.total() - start.total(),
        bytes: end_bytes - start_bytes,
        change_switches: after.total() - end.total(),
        change_bytes: after_bytes - end_bytes,
    }
}

/// The result table.
fn table(
    args: &Args,
    graph: &Graph,
    [unasked, asks]: [&Asks; 2],
    idle: &Window,
    held: &Window,
    monitor: &Monitor,
) -> String {
    let mut took = asks.took.clone();
    let max = took.iter().copied().fold(0.0, f64::max);
    let min = took.iter().copied().fold(f64::INFINITY, f64::min);
    let med = median(&mut took);
    let window = args.window;
    let mut table = format!(
        "| Measure | Value |\n\
         |---|---|\n\
         | The graph asked | {objects} objects, {nodes} nodes; `pw-dump` writes {bytes} bytes |\n\
         | One ask (`pw-dump`, its JSON parsed, /proc walked for cameras), {n} asks | median {med:.1} ms, min {min:.1} ms, max {max:.1} ms |\n\
         | stretchd VmRSS / RssAnon before the first reminder | {rb} kB / {ab} kB (with respect_calls off: {urb} kB / {uab} kB) |\n\
         | stretchd VmRSS / RssAnon / VmHWM after {n} reminders, each asked before | {ra} kB / {aa} kB / {ha} kB |\n\
         | … the same {n} reminders with respect_calls off (no ask) | {ura} kB / {uaa} kB / {uha} kB |\n\
         | stretchd context switches over {window} s, nothing due, respect_calls on | {idle_sw} ({idle_asks} asks; VmRSS {idle_rss} kB) |\n\
         | stretchd context switches over {window} s, a reminder held by a call | {held_sw} ({held_asks} asks; VmRSS {held_rss} kB) |\n\
         | `pw-dump --monitor` instead, following the same graph: VmRSS | {mon_rss} kB |\n\
         | … its context switches over {window} s, nothing changing | {mon_sw} ({mon_bytes} bytes written) |\n\
         | … for one change (a recording started and stopped) | {ch_sw} context switches, {ch_bytes} bytes written |\n",
        objects = graph.objects,
        nodes = graph.nodes,
        bytes = graph.bytes,
        n = asks.took.len(),
        rb = asks.rss_before,
        ab = asks.anon_before,
        ra = asks.rss_after,
        aa = asks.anon_after,
        ha = asks.hwm_after,
        urb = unasked.rss_before,
        uab = unasked.anon_before,
        ura = unasked.rss_after,
        uaa = unasked.anon_after,
        uha = unasked.hwm_after,
        idle_sw = idle.switches,
        idle_asks = idle.asks,
        idle_rss = idle.rss,
        held_sw = held.switches,
        held_asks = held.asks,
        held_rss = held.rss,
        mon_rss = monitor.rss,
        mon_sw = monitor.switches,
        mon_bytes = monitor.bytes,
        ch_sw = monitor.change_switches,
        ch_bytes = monitor.change_bytes,
    );
    let pipewire = machine::version("pipewire", &["--version"]).unwrap_or_else(|| "?".to_owned());
    let _ = write!(
        table,
        "\nPrivate session bus with the test notification server, PipeWire and WirePlumber in a \
         private runtime directory ({pipewire}), a tone playing into a virtual speaker, a \
         virtual microphone and a fake camera; release build; context switches summed over \
         /proc/PID/task/*/status, windows started {} s after the daemon ran or held.\n\
         {}.\n",
        SETTLE.as_secs(),
        machine::summary(),
    );
    table
}
