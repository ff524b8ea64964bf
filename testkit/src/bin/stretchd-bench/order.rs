//! `order`: regenerates `src/bin/stretchd-daemon.order`, the list of the daemon's functions that
//! run, which the linker places first in the binary (build.rs, BENCHMARKS.md "Footprint under
//! `KWin`").
//!
//! Why: nearly every page of the daemon's code used to be resident although most of it never runs
//! in a session (error paths, the X11 and Mutter sources under Wayland, the panic machinery):
//! the kernel maps the 64 kB around each page touched, and the functions that run were spread
//! over the whole binary. With them packed together, the rest is never mapped.
//!
//! How: the release build is linked once more with a link map (`STRETCHD_LINK_MAP`, read by
//! build.rs), then runs under Valgrind's callgrind in a private session (bus, the test
//! notification server, `KWin` for the Wayland idle source) through what a day brings, with
//! interval reminders and a cron one (as the default config has): start-up,
//! reminders shown and answered from the notification and from the CLI, snooze, pause, resume,
//! status and `next`, a config reload by file change and by SIGHUP, reminders that fall due (with
//! the watch for a pause in typing armed ahead of each); with PipeWire installed, reminders fall
//! due, one while the microphone is recorded (the calls source asks PipeWire); then a tray host
//! comes (xfce4-panel on Xvfb), and last `[sync]` is turned on (a config change) with another
//! machine's summary arriving in the folder. Every instruction address callgrind saw in the daemon
//! is looked up in the map, and the functions hit are written in their current order: the day's
//! first, then those only the calls brought, then those only the tray host brought, then those
//! only `[sync]` brought, so that without PipeWire, a host or sync that code is not mapped. Names
//! the map does not have (a later build with other crate hashes) are skipped by the linker, so a
//! stale file costs memory, never correctness.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use testkit::notifications::Server;
use testkit::pipewire::{PIPEWIRE_TOOLS, PipeWire};
use testkit::wayland::start_kwin;
use testkit::x11::start_xvfb;
use testkit::xfce::start_panel;
use testkit::{Bin, Bus, RUNNING, all_day_config, on_path, write_file};

use crate::{Context, START, in_root, root};

/// Valgrind runs the daemon some 50 times slower: bounds for it to start and to answer.
const SLOW: Duration = Duration::from_secs(120);

/// Where the order file goes, and the environment variable build.rs reads for the link map.
#[derive(clap::Args)]
pub struct Args {
    /// The order file to write [default: src/bin/stretchd-daemon.order]
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
}

/// Runs the generator.
pub fn run(bench: &Context, args: &Args) {
    bench.require(
        &[
            "valgrind",
            "callgrind_control",
            "dbus-daemon",
            "kwin_wayland",
        ],
        "on Debian: apt-get install valgrind dbus-daemon kwin-wayland",
    );
    let work = tempfile::tempdir().unwrap();
    let map = work.path().join("stretchd-daemon.map");
    bench.log("linking the release build with a link map");
    let built = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "stretchd", "--bins"])
        .env("STRETCHD_LINK_MAP", &map)
        .current_dir(root())
        .status()
        .unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
    if !built.success() || !map.is_file() {
        bench.refuse(&format!(
            "`cargo build --release` wrote no link map ({built}): build.rs writes one only when \
             the linker is rust-lld (x86_64-unknown-linux-gnu, Rust 1.90 or later)"
        ));
    }
    let symbols = text_symbols(&std::fs::read_to_string(&map).unwrap());
    let release = bench.bin.path().parent().unwrap().to_owned();
    let parts = trace(bench, work.path(), &release);
    // The day's functions first, then those only asking PipeWire about calls brings (on a
    // desktop with PipeWire, at every reminder), then those only a tray host brings, then those
    // only `[sync]` brings: without PipeWire, a host or sync, their code lies past what is mapped.
    let mut hit: Vec<&Symbol> = Vec::new();
    let mut placed = BTreeSet::new();
    for part in &parts {
        for symbol in functions_hit(&symbols, part) {
            if placed.insert(symbol.address) {
                hit.push(symbol);
            }
        }
    }

    let out = args
        .out
        .clone()
        .unwrap_or_else(|| in_root("src/bin/stretchd-daemon.order"));
    let known: BTreeSet<&str> = symbols.iter().map(|s| s.name.as_str()).collect();
    if let Ok(old) = std::fs::read_to_string(&out) {
        let names: Vec<&str> = old.lines().filter(|l| !l.starts_with('#')).collect();
        let found = names.iter().filter(|n| known.contains(*n)).count();
        bench.log(&format!(
            "the old order file: {found} of its {} names are in this build",
            names.len()
        ));
    }
    let bytes: u64 = hit.iter().map(|s| s.size).sum();
    let total: u64 = symbols.iter().map(|s| s.size).sum();
    let mut text = String::from(
        "# The daemon's functions that run, in link order: the linker puts them first (build.rs).\n\
         # Written by `cargo run -p testkit --bin stretchd-bench -- order`; do not edit.\n",
    );
    let _ = writeln!(
        text,
        "# {} functions, {} of {} kB of code.",
        hit.len(),
        bytes / 1024,
        total / 1024
    );
    for symbol in &hit {
        text.push_str(&symbol.name);
        text.push('\n');
    }
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    bench.log(&format!(
        "{} functions ({} kB of {} kB of code) written to {}",
        hit.len(),
        bytes / 1024,
        total / 1024,
        out.display()
    ));
}

/// A function of the daemon's code, from the link map.
struct Symbol {
    address: u64,
    size: u64,
    name: String,
}

/// The functions in the `.text` of an lld link map, by address. Each input section line
/// (`VMA LMA Size Align  file:(.text.NAME)`) gives a function's extent; the symbol line under it
/// (`VMA LMA 0 1  NAME`) its name.
fn text_symbols(map: &str) -> Vec<Symbol> {
    let mut symbols = Vec::new();
    let mut in_text = false;
    let mut section: Option<(u64, u64)> = None;
    for line in map.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.len() < 5 {
            continue;
        }
        let (Ok(address), Ok(size)) = (
            u64::from_str_radix(fields[0], 16),
            u64::from_str_radix(fields[2], 16),
        ) else {
            continue;
        };
        let rest = fields[4..].join(" ");
        if fields.len() == 5 && rest.starts_with('.') {
            in_text = rest == ".text";
            section = None;
        } else if in_text && rest.contains(":(") {
            section = Some((address, size));
        } else if in_text
            && let Some((start, extent)) = section.take()
            && address == start
        {
            symbols.push(Symbol {
                address,
                size: extent,
                name: rest,
            });
        }
    }
    symbols.sort_by_key(|s| s.address);
    symbols
}

/// The functions that contain at least one of `addresses`, in address order.
fn functions_hit<'a>(symbols: &'a [Symbol], addresses: &BTreeSet<u64>) -> Vec<&'a Symbol> {
    symbols
        .iter()
        .filter(|s| {
            addresses
                .range(s.address..s.address + s.size.max(1))
                .next()
                .is_some()
        })
        .collect()
}

/// Runs the day's scenario with the daemon under callgrind, then (when PipeWire is installed)
/// reminders that fall due, the first free, the second held by a call, then starts a tray host
/// (xfce4-panel on Xvfb, when installed) and presses a menu entry, then turns `[sync]` on;
/// returns the instruction addresses recorded in each of the four parts (empty for a part not
/// run).
#[expect(clippy::too_many_lines, reason = "one scenario, told step by step")]
fn trace(bench: &Context, work: &Path, release: &Path) -> [BTreeSet<u64>; 4] {
    let out = work.join("callgrind.out");
    let bin = under_callgrind(work, release, &out);
    let bus = Bus::start();
    let server = Server::start(&bus.address);
    // PipeWire is looked for here from the start, and comes only for the calls: the day runs
    // without it (the source says it is off), as in a session without PipeWire.
    let pipewire_runtime = work.join("pipewire-runtime");
    testkit::private_dir(&pipewire_runtime);
    bench.log("starting KWin (kwin_wayland --virtual)");
    let kwin = start_kwin(&[]);
    let config = write_file(
        work,
        "config.toml",
        &all_day_config(
            "[presence]\nidle_source = \"wayland\"\n\
             [[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"50m\"\n\
             [[reminder]]\nid = \"posture\"\nkind = \"posture\"\nevery = \"20m\"\n\
             [[reminder]]\nid = \"session\"\nkind = \"session\"\ncron = \"0 17 * * mon,wed,fri\"\n",
        ),
    );
    let no_system_bus = work.join("no-system-bus");
    let mut daemon = bin
        .daemon(&bus.address, &config)
        .env("WAYLAND_DISPLAY", &kwin.socket)
        .env(
            "DBUS_SYSTEM_BUS_ADDRESS",
            format!("unix:path={}", no_system_bus.display()),
        )
        .env("PIPEWIRE_RUNTIME_DIR", &pipewire_runtime)
        .quiet()
        .start();
    bench.log("the daemon runs under callgrind: start-up");
    daemon.wait_for_log(RUNNING, SLOW);
    let home = daemon.home().to_owned();
    let cli = |args: &[&str]| {
        bin.run_in(&home, args, &[], SLOW);
    };
    bench.log("reminders, answers, snooze, pause, status");
    cli(&["status"]);
    cli(&["now", "stretch"]);
    let shown = server.next_reminder(SLOW, &daemon);
    server.press(shown.id, "done");
    daemon.wait_for_log("done reminder=stretch", SLOW);
    cli(&["now", "posture"]);
    server.next_reminder(SLOW, &daemon);
    cli(&["snooze", "10m"]);
    cli(&["now", "stretch"]);
    let shown = server.next_reminder(SLOW, &daemon);
    server.close(shown.id, 1);
    cli(&["pause", "1h"]);
    cli(&["resume"]);
    cli(&["status", "--json"]);
    cli(&["next"]);
    bench.log("reloads");
    // A real change: the watch does not reload a file that parses to the same config.
    let original = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, original.replace("\"20m\"", "\"25m\"")).unwrap();
    daemon.wait_for_log("config reloaded", SLOW);
    daemon.signal("HUP");
    let deadline = Instant::now() + SLOW;
    while daemon.count("config reloaded") < 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    cli(&["status"]);
    bench.log("reminders that fall due, each a pause in typing after its watch is armed");
    // Added by a reload, which counts the interval from then: the Wayland watch for a pause in
    // typing is armed a lull ahead of each due time.
    let current = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        format!("{current}[[reminder]]\nid = \"soon\"\nkind = \"posture\"\nevery = \"15s\"\n"),
    )
    .unwrap();
    for _ in 0..2 {
        daemon.wait_for_log("reminder reminder=soon", SLOW);
    }
    let day = dump(&daemon, &out, 1);
    let mut dumps = 1;

    let mut calls = BTreeSet::new();
    if let Some(pipewire) = start_pipewire(bench, work, &pipewire_runtime, &bus) {
        bench.log("calls: a reminder due while free, then one while the microphone is recorded");
        due_in_a_call(&pipewire, &mut daemon, &server, &config);
        cli(&["status"]);
        dumps += 1;
        calls = dump(&daemon, &out, dumps);
    } else {
        bench.log("no PipeWire: the calls source's functions are left out");
    }

    let mut tray = BTreeSet::new();
    if on_path("xfce4-panel").is_some() && on_path("Xvfb").is_some() {
        bench.log("a tray host: xfce4-panel on Xvfb");
        let (_xvfb, display) = start_xvfb(&[]);
        let _panel = start_panel(&bus, &display);
        daemon.wait_for_log("tray icon shown", SLOW);
        cli(&["pause", "1h"]);
        cli(&["resume"]);
        cli(&["now", "stretch"]);
        server.next_reminder(SLOW, &daemon);
        cli(&["done"]);
        dumps += 1;
        tray = dump(&daemon, &out, dumps);
    } else {
        bench.log("no xfce4-panel or Xvfb: the tray's functions are left out");
    }

    trace_sync(bench, work, &config, &mut daemon, &server, &cli);
    let sync = dump(&daemon, &out, dumps + 1);
    drop(daemon);
    [day, calls, tray, sync]
}

/// The `[sync]` part of [`trace`]: turns it on by a config change, lets another machine's
/// summary arrive (with a pause to take), then resumes, shows and answers a reminder.
fn trace_sync(
    bench: &Context,
    work: &Path,
    config: &Path,
    daemon: &mut testkit::Daemon,
    server: &Server,
    cli: &dyn Fn(&[&str]),
) {
    bench.log("[sync] on, and another machine's files arriving");
    let folder = work.join("Sync/stretchd");
    std::fs::create_dir_all(&folder).unwrap();
    let changed = std::fs::read_to_string(config).unwrap();
    std::fs::write(
        config,
        format!("[sync]\ndir = \"{}\"\n\n{changed}", folder.display()),
    )
    .unwrap();
    daemon.wait_for_log("sync: sharing through", SLOW);
    let now = chrono::Utc::now().to_rfc3339();
    let summary = serde_json::json!({
        "schema": 1,
        "machine": "0123456789abcdef0123456789abcdef",
        "hostname": "laptop",
        "written": now,
        "done": {"stretch": now},
        "sessions": [now],
        "rotation": {"shown": {"seated-twist": now}, "last_stretch": "seated-twist"},
        "pause": {"at": now, "pause": {"until": null}},
        "levels": {"seated-twist": {"hold_secs": 20, "done_in_row": 1, "at": now}}
    });
    write_file(
        &folder,
        "0123456789abcdef0123456789abcdef.state.json",
        &summary.to_string(),
    );
    daemon.wait_for_log("sync: paused on", SLOW);
    cli(&["resume"]);
    cli(&["status"]);
    cli(&["now", "stretch"]);
    server.next_reminder(SLOW, daemon);
    cli(&["done"]);
    cli(&["status", "--json"]);
}

/// A `stretchd` in `work` whose `stretchd run` runs the release build's daemon under callgrind,
/// writing its profile to `out`: `stretchd run` execs the `stretchd-daemon` next to it, here a
/// script that execs Valgrind.
fn under_callgrind(work: &Path, release: &Path, out: &Path) -> Bin {
    let cli = work.join("stretchd");
    std::fs::copy(release.join("stretchd"), &cli).unwrap();
    write_file(
        work,
        "stretchd-daemon",
        &format!(
            "#!/bin/sh\nexec valgrind --tool=callgrind --dump-instr=yes --callgrind-out-file={} \
             {} \"$@\"\n",
            out.display(),
            release.join("stretchd-daemon").display()
        ),
    );
    make_executable(&work.join("stretchd-daemon"));
    Bin::at(cli)
}

/// PipeWire and WirePlumber in the runtime directory `runtime`, on `bus`, with a home in
/// `work`, where they are installed.
fn start_pipewire(bench: &Context, work: &Path, runtime: &Path, bus: &Bus) -> Option<PipeWire> {
    if !PIPEWIRE_TOOLS.iter().all(|t| on_path(t).is_some()) {
        return None;
    }
    bench.log("starting PipeWire and WirePlumber");
    Some(PipeWire::start_on(
        &bus.address,
        runtime,
        &work.join("pipewire-home"),
    ))
}

/// Makes the stretch of `config` due every 5 s (the posture check is snoozed): the first falls
/// due with nothing captured and is shown by `server`, the next while the virtual microphone is
/// recorded, and is held.
fn due_in_a_call(
    pipewire: &PipeWire,
    daemon: &mut testkit::Daemon,
    server: &Server,
    config: &Path,
) {
    pipewire.virtual_mic();
    let text = std::fs::read_to_string(config).unwrap();
    std::fs::write(config, text.replace("\"50m\"", "\"5s\"")).unwrap();
    daemon.wait_for_log("config reloaded", SLOW);
    server.next_reminder(SLOW, daemon);
    let recordings = tempfile::tempdir().unwrap();
    let _recording = pipewire.record(&recordings.path().join("recorded.wav"));
    daemon.wait_for_log("hold reason=Call on=true", SLOW);
}

/// Asks callgrind in the daemon for dump `n` (counted from 1; each holds what ran since the
/// one before) and returns its instruction addresses.
fn dump(daemon: &testkit::Daemon, out: &Path, n: u32) -> BTreeSet<u64> {
    let dumped = Command::new("callgrind_control")
        .args(["--dump", &daemon.pid().to_string()])
        .output()
        .unwrap();
    assert!(dumped.status.success(), "callgrind_control --dump failed");
    let part = PathBuf::from(format!("{}.{n}", out.display()));
    let deadline = Instant::now() + START;
    let mut text = String::new();
    // Written whole before the next poll finds it non-empty only once callgrind has finished.
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(500));
        if let Ok(read) = std::fs::read_to_string(&part)
            && read.contains("totals:")
        {
            text = read;
            break;
        }
    }
    let addresses = instruction_addresses(&text);
    assert!(
        !addresses.is_empty(),
        "callgrind wrote no instruction addresses to {}",
        part.display()
    );
    addresses
}

/// Every instruction address in a callgrind profile written with `--dump-instr=yes`: cost lines
/// start with one, absolute (`0x…`) or relative to the last (`+N`, `-N`, `*` for the same).
fn instruction_addresses(profile: &str) -> BTreeSet<u64> {
    let mut addresses = BTreeSet::new();
    let mut last: u64 = 0;
    for line in profile.lines() {
        let Some(first) = line.split_whitespace().next() else {
            continue;
        };
        let address = if let Some(hex) = first.strip_prefix("0x") {
            u64::from_str_radix(hex, 16).ok()
        } else if let Some(n) = first.strip_prefix('+') {
            n.parse::<u64>().ok().and_then(|n| last.checked_add(n))
        } else if let Some(n) = first.strip_prefix('-') {
            n.parse::<u64>().ok().and_then(|n| last.checked_sub(n))
        } else if first == "*" {
            Some(last)
        } else {
            None
        };
        if let Some(address) = address {
            last = address;
            addresses.insert(address);
        }
    }
    addresses
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callgrind_addresses_absolute_and_relative() {
        let profile = "fn=(1) 0x281f80\n0x281f80 3\n+4 1\n* 2\n-2 1\ncalls=1 0x290000\n+9 5\n";
        let got: Vec<u64> = instruction_addresses(profile).into_iter().collect();
        assert_eq!(got, [0x28_1f80, 0x28_1f82, 0x28_1f84, 0x28_1f8b]);
    }

    #[test]
    fn lld_map_text_functions_with_their_extent() {
        let map = "             VMA              LMA     Size Align Out     In      Symbol\n\
                   200000           200000     2980    64 .rodata\n\
                   281f80           281f80   1ab702    16 .text\n\
                   281f80           281f80       2c    16         /t/a.o:(.text._ZN1a1fE)\n\
                   281f80           281f80        0     1                 _ZN1a1fE\n\
                   281fb0           281fb0       10    16         /t/a.o:(.text._ZN1a1gE)\n\
                   281fb0           281fb0        0     1                 _ZN1a1gE\n\
                   42e6d0           42e6d0       70     8 .tdata\n";
        let symbols = text_symbols(map);
        let names: Vec<(&str, u64)> = symbols.iter().map(|s| (s.name.as_str(), s.size)).collect();
        assert_eq!(names, [("_ZN1a1fE", 0x2c), ("_ZN1a1gE", 0x10)]);
        let hit = functions_hit(&symbols, &BTreeSet::from([0x28_1fb4]));
        assert_eq!(hit.len(), 1);
        assert_eq!(hit[0].name, "_ZN1a1gE");
    }
}
