//! `footprint`: resident memory after ten notifications shown by dunst on Xvfb, context switches
//! over a window with nothing due, the binary's size. One markdown table, also written to
//! `bench/results.md`.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use testkit::x11::{start_dunst, start_xvfb};
use testkit::{Bus, Daemon, RUNNING, write_file};

use crate::readings::{Switches, mib, status, switches};
use crate::{Context, SHOWN, START, alive, in_root, machine, nothing_due_config};

/// Resident memory after notifications, and wakeups with nothing due, in a private session with
/// dunst on Xvfb (X11 idle source).
#[derive(clap::Args)]
pub struct Args {
    /// Seconds of the window with nothing due
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    window: u64,
    /// Notifications to wait for before reading memory
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    notifications: u32,
    /// Where the table is written [default: bench/results.md]
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Resident memory after the notifications, in kB.
struct Memory {
    /// How many were shown.
    shown: usize,
    hwm: u64,
    rss: u64,
    threads: u64,
}

/// Context switches over the window with nothing due.
struct Idle {
    before: Switches,
    after: Switches,
    /// Reminders shown meanwhile (there should be none).
    shown: usize,
}

/// Runs the benchmark.
pub fn run(bench: &Context, args: &Args) {
    bench.require(
        &["dbus-daemon", "dbus-send", "Xvfb", "dunst"],
        "on Debian: apt-get install dbus-daemon dbus-bin xvfb dunst",
    );
    bench.log("starting dbus-daemon, Xvfb and dunst");
    let bus = Bus::start();
    let (_xvfb, display) = start_xvfb(&[]);
    let dunst_home = tempfile::tempdir().unwrap();
    // An empty dunstrc: dunst's built-in defaults, never the user's or the system's.
    let _dunst = start_dunst(&bus, &display, dunst_home.path(), "", Stdio::null());
    // A directory of its own: stretchd watches its config's directory.
    let configs = tempfile::tempdir().unwrap();
    let start = |name: &str, config: &str| {
        let config = write_file(configs.path(), name, config);
        bench
            .bin
            .daemon(&bus.address, &config)
            .env("DISPLAY", &display)
            .quiet()
            .start()
    };

    bench.log(&format!(
        "measuring memory: waiting for {} notifications",
        args.notifications
    ));
    let busy = start(
        "busy.toml",
        &testkit::all_day_config(
            "[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"1s\"\n",
        ),
    );
    let memory = memory_after(busy, args.notifications);
    bench.log(&format!(
        "measuring wakeups: {} s with nothing due",
        args.window
    ));
    let idle = switches_over(start("idle.toml", &nothing_due_config("")), args.window);
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| in_root("bench/results.md"));
    bench.report(&table(bench, args.window, &memory, &idle), Some(&out));
}

/// Waits for `daemon` (a reminder every second) to show `notifications`, then reads its memory.
fn memory_after(mut daemon: Daemon, notifications: u32) -> Memory {
    let deadline = Instant::now() + START + Duration::from_secs(3 * u64::from(notifications));
    for _ in 0..notifications {
        daemon.wait_for_log(SHOWN, deadline.saturating_duration_since(Instant::now()));
    }
    // The line is logged just before the Notify call: let the last call complete.
    std::thread::sleep(Duration::from_millis(500));
    alive(&mut daemon);
    let pid = daemon.pid();
    assert_eq!(
        daemon.count("cannot show the reminder"),
        0,
        "stretchd could not show a notification; its log:\n{}",
        daemon.log()
    );
    Memory {
        shown: daemon.count(SHOWN),
        hwm: status(pid, "VmHWM"),
        rss: status(pid, "VmRSS"),
        threads: status(pid, "Threads"),
    }
}

/// Counts the context switches of `daemon` (nothing due) over `window` seconds, from 2 s after
/// it runs.
fn switches_over(mut daemon: Daemon, window: u64) -> Idle {
    daemon.wait_for_log(RUNNING, START);
    std::thread::sleep(Duration::from_secs(2));
    alive(&mut daemon);
    let before = switches(daemon.pid());
    std::thread::sleep(Duration::from_secs(window));
    alive(&mut daemon);
    Idle {
        before,
        after: switches(daemon.pid()),
        shown: daemon.count(SHOWN),
    }
}

/// The result table, with the binary's size and where it was measured.
fn table(bench: &Context, window: u64, memory: &Memory, idle: &Idle) -> String {
    let Memory {
        shown,
        hwm,
        rss,
        threads: busy_threads,
    } = *memory;
    let Idle {
        before,
        after,
        shown: idle_shown,
    } = *idle;
    let size = std::fs::metadata(bench.bin.path()).unwrap().len();
    // What `stretchd run` execs, and what the figures above are of, where it is built.
    let daemon = bench.bin.path().with_file_name("stretchd-daemon");
    let daemon_size = std::fs::metadata(&daemon).map_or_else(
        |_| "not built (the daemon runs inside stretchd)".to_owned(),
        |m| format!("{} bytes ({} MiB)", m.len(), mib(m.len())),
    );
    let threads = if before.threads == after.threads {
        after.threads.to_string()
    } else {
        format!(
            "{} at the start, {} at the end",
            before.threads, after.threads
        )
    };
    let dunst = machine::version("dunst", &["-v"]).unwrap_or_else(|| "?".to_owned());
    format!(
        "| Measure | Value |\n\
         |---|---|\n\
         | Resident memory, peak (VmHWM) after {shown} notifications | {hwm} kB ({hwm_mib} MiB) |\n\
         | Resident memory, current (VmRSS) after {shown} notifications | {rss} kB ({rss_mib} MiB) |\n\
         | Threads while showing notifications | {busy_threads} |\n\
         | Voluntary context switches over {window} s, nothing due | {voluntary} |\n\
         | Non-voluntary context switches over {window} s, nothing due | {nonvoluntary} |\n\
         | Reminders shown during that window | {idle_shown} |\n\
         | Threads while idle | {threads} |\n\
         | Release binary size (stripped, LTO, opt-level \"z\") | {size} bytes ({size_mib} MiB) |\n\
         | Release stretchd-daemon size (what `stretchd run` execs) | {daemon_size} |\n\
         | Date | {date} |\n\
         | Kernel | {kernel} |\n\
         | CPU | {cpu} ({cpus} CPUs online) |\n\
         | rustc | {rustc} |\n\
         | stretchd commit | {commit} |\n\
         | Notification server | dunst {dunst} on Xvfb, private dbus-daemon |\n",
        hwm_mib = mib(hwm * 1024),
        rss_mib = mib(rss * 1024),
        voluntary = after.voluntary - before.voluntary,
        nonvoluntary = after.nonvoluntary - before.nonvoluntary,
        size_mib = mib(size),
        date = machine::date(),
        kernel = machine::kernel(),
        cpu = machine::cpu(),
        cpus = machine::cpus(),
        rustc = machine::rustc(),
        commit = machine::commit(),
    )
}
