//! `wayland-footprint`: stretchd's footprint in a `KWin` Wayland session with nothing due (issue
//! 10): resident memory (`VmRSS`), anonymous memory (`RssAnon`), the file pages split into the
//! binary's own and the shared libraries', Pss and Uss, the threads and the context switches over
//! a window, with the Wayland idle source.
//!
//! A private session bus, no system bus (logind is then skipped, as stretchd logs), and
//! `kwin_wayland --virtual` off every bus. Nobody touches the input during the window: with
//! nothing due and the natural break (5 min) longer than the window, stretchd should sleep
//! through it. Pss shares each page among the processes that map it; Uss counts the pages only
//! this process maps (its own binary's, its anonymous memory): what it costs the system beyond
//! what is resident anyway. Binaries just written may show their pages as `Private_Dirty` until
//! the page cache is written back; that moves nothing between the columns.
//!
//! With `--sync`, each binary is measured twice more in a home with a year of history and a
//! `[sync]` folder holding another machine's summary (a month of sessions, its levels and
//! rotation) and history: with `[sync]` off, and on in its worst case, the first start, when the
//! daemon copies the year of history to the folder.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use testkit::wayland::{Compositor, start_kwin};
use testkit::x11::start_xvfb;
use testkit::xfce::start_panel;
use testkit::{Bin, Bus, RUNNING, write_file};

use crate::readings::{file_rss, mib, rollup, status, switches, thread_names};
use crate::{Context, SHOWN, START, alive, machine, nothing_due_config};

/// Footprint under `KWin` with nothing due, one table row per run.
#[derive(clap::Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent command-line switches"
)]
pub struct Args {
    /// Seconds over which context switches are counted
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    window: u64,
    /// Seconds between "stretchd is running" and the first reading
    #[arg(long, default_value_t = 3)]
    settle: u64,
    /// Runs per binary
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
    /// Also starts Xwayland (`KWin`'s --xwayland) and sets DISPLAY, as in a real Plasma session
    #[arg(long)]
    xwayland: bool,
    /// Leaves out the `smaps_rollup` of the last run
    #[arg(long)]
    no_smaps: bool,
    /// Also starts a tray host (xfce4-panel's systray on its own Xvfb, on the session bus) and
    /// measures with the tray icon registered and served
    #[arg(long)]
    tray_host: bool,
    /// Also measures each binary in a home with a year of history and another machine in a
    /// `[sync]` folder: with sync off, and on (the first start, which copies the history)
    #[arg(long)]
    sync: bool,
    /// The binaries to compare, as LABEL=PATH or PATH [default: the one measured, --stretchd]
    #[arg(value_name = "[LABEL=]PATH")]
    binaries: Vec<String>,
}

/// Runs the benchmark.
#[expect(clippy::too_many_lines, reason = "one benchmark, told step by step")]
pub fn run(bench: &Context, args: &Args) {
    bench.require(
        &["dbus-daemon", "kwin_wayland"],
        "on Debian: apt-get install dbus-daemon kwin-wayland",
    );
    let binaries: Vec<(String, Bin)> = if args.binaries.is_empty() {
        vec![(file_name(bench.bin.path()), bench.bin.clone())]
    } else {
        args.binaries
            .iter()
            .map(|spec| {
                let (label, path) = match spec.split_once('=') {
                    Some((label, path)) => (label.to_owned(), PathBuf::from(path)),
                    None => (file_name(Path::new(spec)), PathBuf::from(spec)),
                };
                if !path.is_file() {
                    bench.refuse(&format!("no binary at {}", path.display()));
                }
                (label, Bin::at(path))
            })
            .collect()
    };

    let bus = Bus::start();
    let no_system_bus = tempfile::tempdir().unwrap();
    let no_system_bus = format!(
        "unix:path={}",
        no_system_bus.path().join("no-system-bus").display()
    );
    bench.log("starting KWin (kwin_wayland --virtual)");
    let x_before = x_displays();
    let kwin = start_kwin(if args.xwayland { &["--xwayland"] } else { &[] });
    let display = args.xwayland.then(|| xwayland_display(&kwin, &x_before));
    if let Some(display) = &display {
        bench.log(&format!("Xwayland on {display}"));
    }
    let tray_host = args.tray_host.then(|| {
        bench.require(
            &["xfce4-panel", "Xvfb"],
            "on Debian: apt-get install xfce4-panel xvfb",
        );
        bench.log("starting a tray host (xfce4-panel on Xvfb)");
        let (xvfb, display) = start_xvfb(&[]);
        (xvfb, start_panel(&bus, &display))
    });
    let configs = tempfile::tempdir().unwrap();
    let config = write_file(
        configs.path(),
        "idle.toml",
        &nothing_due_config("idle_source = \"wayland\"\n"),
    );

    let window = args.window;
    let mut table = format!(
        "| Binary | Size | VmRSS | RssAnon | RssFile: own binary | RssFile: libraries | Pss | \
         Uss (private) | Threads | Context switches in {window} s |\n\
         |---|---|---|---|---|---|---|---|---|---|\n"
    );
    let session = Session {
        bus: &bus,
        kwin: &kwin,
        no_system_bus: &no_system_bus,
        display: display.as_deref(),
        config: &config,
        tray_host: tray_host.is_some(),
    };
    let mut last_rollup = (String::new(), String::new());
    let modes: &[Option<bool>] = if args.sync {
        &[None, Some(false), Some(true)]
    } else {
        &[None]
    };
    for (label, bin) in &binaries {
        for &sync in modes {
            let label = match sync {
                None => label.clone(),
                Some(false) => format!("{label}, a year of history, [sync] off"),
                Some(true) => format!("{label}, a year of history, [sync] on"),
            };
            for run in 1..=args.runs {
                bench.log(&format!("measuring {label}, run {run} of {}", args.runs));
                let (row, rollup) = measure(&session, args, &label, bin, sync);
                table.push_str(&row);
                last_rollup = (label.clone(), rollup);
            }
        }
    }
    let kwin_version = machine::version(&kwin.program.to_string_lossy(), &["--version"])
        .unwrap_or_else(|| "?".to_owned());
    let _ = write!(
        table,
        "\nKWin {kwin_version} --virtual{}, private session bus{}, no system bus, nothing due, \
         window started {} s after \"stretchd is running\"; {}; {}.\n",
        if args.xwayland { " --xwayland" } else { "" },
        if args.tray_host {
            " with a tray host (xfce4-panel), the icon registered"
        } else {
            ""
        },
        args.settle,
        machine::date(),
        machine::kernel(),
    );
    if !args.no_smaps {
        let (label, text) = last_rollup;
        let _ = write!(table, "\nsmaps_rollup of the last run ({label}):\n");
        for line in text.lines() {
            let _ = writeln!(table, "    {line}");
        }
    }
    bench.report(&table, None);
}

/// What every run shares.
struct Session<'a> {
    bus: &'a Bus,
    kwin: &'a Compositor,
    /// A `DBUS_SYSTEM_BUS_ADDRESS` where nothing listens.
    no_system_bus: &'a str,
    /// Xwayland's, with `--xwayland`.
    display: Option<&'a str>,
    config: &'a Path,
    /// Whether a tray host runs: each run waits for its icon to be shown.
    tray_host: bool,
}

/// A home with a year of history in the state directory and a `[sync]` folder holding another
/// machine's summary and history, and its config, with `[sync]` on or not.
fn sync_home(on: bool) -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let history = testkit::history_path(home.path());
    testkit::private_dir(history.parent().unwrap());
    crate::control::write_history(&history, 5000);
    let folder = home.path().join("Sync/stretchd");
    std::fs::create_dir_all(&folder).unwrap();
    let peer = "0123456789abcdef0123456789abcdef";
    crate::control::write_history(&folder.join(format!("{peer}.history.jsonl")), 5000);
    let now = chrono::Utc::now();
    let ago = |days: i64| (now - chrono::TimeDelta::days(days)).to_rfc3339();
    let sessions: Vec<String> = (1..=12).map(|d| ago(d * 2)).collect();
    let summary = serde_json::json!({
        "schema": 1,
        "machine": peer,
        "hostname": "laptop",
        "written": now.to_rfc3339(),
        "done": {"new-year": ago(1), "posture": ago(1), "stretch": ago(1)},
        "sessions": sessions,
        "rotation": {
            "shown": {"seated-twist": ago(1), "thoracic-extension": ago(2), "shoulders": ago(1)},
            "last_stretch": "seated-twist",
            "last_posture": "shoulders"
        },
        "pause": {"at": ago(3), "pause": null},
        "levels": {"seated-twist": {"hold_secs": 20, "done_in_row": 1, "at": ago(1)}},
        "set_aside": {},
        "restored": {},
        "safety_shown": true
    });
    write_file(&folder, &format!("{peer}.state.json"), &summary.to_string());
    let sync = if on {
        format!("[sync]\ndir = \"{}\"\n\n", folder.display())
    } else {
        String::new()
    };
    let config = write_file(
        home.path(),
        "sync.toml",
        &format!(
            "{sync}{}",
            nothing_due_config("idle_source = \"wayland\"\n")
        ),
    );
    (home, config)
}

/// One run of `bin` under the label `label` (in a home from [`sync_home`], with `[sync]` on or
/// off, if `sync` says): its table row, and its `smaps_rollup`.
fn measure(
    session: &Session,
    args: &Args,
    label: &str,
    bin: &Bin,
    sync: Option<bool>,
) -> (String, String) {
    let synced = sync.map(sync_home);
    let config = synced.as_ref().map_or(session.config, |(_, c)| c.as_path());
    let mut builder = bin
        .daemon(&session.bus.address, config)
        .env("WAYLAND_DISPLAY", &session.kwin.socket)
        .env("DBUS_SYSTEM_BUS_ADDRESS", session.no_system_bus)
        .quiet();
    if let Some((home, _)) = &synced {
        builder = builder.home(home.path());
    }
    if let Some(display) = session.display {
        builder = builder.env("DISPLAY", display);
    }
    let mut daemon = builder.start();
    daemon.wait_for_log(RUNNING, START);
    if sync == Some(true) {
        // What a first start with sync on does: the history is copied to the folder.
        daemon.wait_for_log("history entries to", START);
    }
    assert!(
        daemon.count("idle source: wayland") > 0,
        "stretchd did not pick the Wayland idle source; its log:\n{}",
        daemon.log()
    );
    if session.tray_host {
        daemon.wait_for_log("tray icon shown", START);
    }
    std::thread::sleep(Duration::from_secs(args.settle));
    let pid = daemon.pid();
    let start = switches(pid);
    std::thread::sleep(Duration::from_secs(args.window));
    alive(&mut daemon);
    let end = switches(pid);
    let (rss, anon, threads) = (
        status(pid, "VmRSS"),
        status(pid, "RssAnon"),
        status(pid, "Threads"),
    );
    // The binary the process runs: `stretchd run` execs `stretchd-daemon` where it is built.
    let real = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap();
    let (own, libs) = file_rss(pid, &real);
    let (rollup, pss, uss) = rollup(pid);
    let names = thread_names(pid);
    assert_eq!(
        daemon.count(SHOWN),
        0,
        "a reminder fired, but nothing was due"
    );
    drop(daemon);
    let size = std::fs::metadata(&real).unwrap().len();
    let row = format!(
        "| {label} ({}) | {size} B | {rss} kB ({} MiB) | {anon} kB | {own} kB | {libs} kB | {pss} kB | \
         {uss} kB | {threads} ({names}) | {} |\n",
        file_name(&real),
        mib(rss * 1024),
        end.total() - start.total(),
    );
    (row, rollup)
}

/// The last part of `path`, as a label.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The X displays whose sockets are in `/tmp/.X11-unix` (`X0` → `:0`).
fn x_displays() -> BTreeSet<String> {
    std::fs::read_dir("/tmp/.X11-unix")
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| Some(format!(":{}", e.file_name().to_str()?.strip_prefix('X')?)))
        .collect()
}

/// The display of `kwin`'s Xwayland: the one it logs (`DISPLAY=:N`), or else the one whose socket
/// appeared since `before`; bounded by [`START`].
fn xwayland_display(kwin: &Compositor, before: &BTreeSet<String>) -> String {
    let deadline = Instant::now() + START;
    loop {
        let log = kwin.log();
        if let Some(at) = log.find("DISPLAY=:") {
            let number: String = log[at + "DISPLAY=:".len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if !number.is_empty() {
                return format!(":{number}");
            }
        }
        if let Some(new) = x_displays().difference(before).next() {
            return new.clone();
        }
        assert!(
            Instant::now() < deadline,
            "Xwayland did not come up within {START:?}; KWin's log:\n{log}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
