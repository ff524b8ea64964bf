//! `stretchd-bench`: the benchmarks of stretchd alone (BENCHMARKS.md), each in a private session
//! of its own made with testkit's helpers: HOME and the XDG directories in temporary
//! directories, a `dbus-daemon` without service directories, and where needed Xvfb, dunst, `KWin`
//! and a fake logind. Nothing of the user's desktop, config, history or running daemon is read or
//! touched.
//!
//! It measures a release build: `--stretchd PATH`, or else `target/release/stretchd`, built first
//! with `cargo build --release` (a no-op when it is current). Tables go to stdout (and for
//! `footprint`, `idle` and `lull` to a file under `bench/` as well); progress goes to stderr.
//!
//! ```sh
//! cargo run -p testkit --bin stretchd-bench -- footprint
//! cargo run -p testkit --bin stretchd-bench -- idle --sources x11,wayland
//! cargo run -p testkit --bin stretchd-bench -- lull --sources x11,wayland
//! cargo run -p testkit --bin stretchd-bench -- calls   # needs PipeWire
//! cargo run -p testkit --bin stretchd-bench -- order   # needs valgrind
//! ```
//!
//! The harness itself is a debug build: it is not what is measured, and it shares its
//! dependencies with `cargo test`.

mod calls;
mod control;
mod footprint;
mod idle;
mod lull;
mod machine;
mod order;
mod readings;
mod wayland_footprint;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use clap::{Parser, Subcommand};
use testkit::{Bin, Daemon, on_path};

/// Bound for a bus, Xvfb, dunst, `KWin`, the fake logind or stretchd to come up.
const START: Duration = Duration::from_secs(20);

#[derive(Parser)]
#[command(about = "Benchmarks of stretchd alone, each in a private session (see BENCHMARKS.md)")]
struct Cli {
    /// The stretchd binary to measure [default: target/release/stretchd, built first with
    /// `cargo build --release`]
    #[arg(long, global = true, value_name = "PATH")]
    stretchd: Option<PathBuf>,
    #[command(subcommand)]
    bench: Bench,
}

#[derive(Subcommand)]
enum Bench {
    Footprint(footprint::Args),
    Idle(idle::Args),
    Lull(lull::Args),
    Calls(calls::Args),
    Control(control::ControlArgs),
    Stats(control::StatsArgs),
    WaylandFootprint(wayland_footprint::Args),
    /// Regenerates src/bin/stretchd-daemon.order (the functions the daemon runs, linked first)
    Order(order::Args),
}

fn main() {
    let cli = Cli::parse();
    let name = match &cli.bench {
        Bench::Footprint(_) => "footprint",
        Bench::Idle(_) => "idle",
        Bench::Lull(_) => "lull",
        Bench::Calls(_) => "calls",
        Bench::Control(_) => "control",
        Bench::Stats(_) => "stats",
        Bench::WaylandFootprint(_) => "wayland-footprint",
        Bench::Order(_) => "order",
    };
    let bench = Context {
        name,
        bin: release_binary(name, cli.stretchd),
    };
    match cli.bench {
        Bench::Footprint(args) => footprint::run(&bench, &args),
        Bench::Idle(args) => idle::run(&bench, &args),
        Bench::Lull(args) => lull::run(&bench, &args),
        Bench::Calls(args) => calls::run(&bench, &args),
        Bench::Control(args) => control::run_control(&bench, &args),
        Bench::Stats(args) => control::run_stats(&bench, &args),
        Bench::WaylandFootprint(args) => wayland_footprint::run(&bench, &args),
        Bench::Order(args) => order::run(&bench, &args),
    }
}

/// What every benchmark is given.
pub struct Context {
    /// The subcommand, the prefix of every progress line.
    name: &'static str,
    /// The stretchd binary measured.
    bin: Bin,
}

impl Context {
    /// A progress line on stderr.
    fn log(&self, message: &str) {
        eprintln!("{}: {message}", self.name);
    }

    /// Exits with `message` on stderr, before anything has been started (nothing to clean up).
    fn refuse(&self, message: &str) -> ! {
        refuse(self.name, message)
    }

    /// Refuses to go on unless every one of `tools` is on `PATH`; `install` says how to get them.
    fn require(&self, tools: &[&str], install: &str) {
        let missing: Vec<&str> = tools
            .iter()
            .copied()
            .filter(|t| on_path(t).is_none())
            .collect();
        if !missing.is_empty() {
            self.refuse(&format!("missing tool(s): {missing:?} ({install})"));
        }
    }

    /// Prints `table` to stdout and, with `out`, writes it there too.
    fn report(&self, table: &str, out: Option<&Path>) {
        print!("{table}");
        if let Some(out) = out {
            std::fs::write(out, table)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
            self.log(&format!("written to {}", out.display()));
        }
    }
}

/// Benchmark `name` gives up with `message` on stderr (exit status 2), before it has started
/// anything.
fn refuse(name: &str, message: &str) -> ! {
    eprintln!("{name}: {message}");
    std::process::exit(2);
}

/// The workspace root (the stretchd package).
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("testkit lives in the workspace root")
}

/// `path` under the workspace root, for the default output files.
fn in_root(path: &str) -> PathBuf {
    root().join(path)
}

/// The binary to measure: `given` as it is, or the workspace's release build after
/// `cargo build --release` (which does nothing when it is current).
fn release_binary(name: &str, given: Option<PathBuf>) -> Bin {
    if let Some(path) = given {
        if !path.is_file() {
            refuse(name, &format!("no stretchd binary at {}", path.display()));
        }
        return Bin::at(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root().join("target"), |dir| root().join(dir));
    let path = target.join("release/stretchd");
    eprintln!("{name}: building the release binary (cargo build --release)");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = Command::new(cargo)
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "stretchd",
            // Both: `stretchd run` execs the `stretchd-daemon` beside it, which is measured.
            "--bins",
        ])
        .current_dir(root())
        .status()
        .unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
    if !built.success() || !path.is_file() {
        refuse(
            name,
            &format!("`cargo build --release` failed ({built}); build it, or pass --stretchd PATH"),
        );
    }
    Bin::at(path)
}

/// A config file with nothing due for a long time (one cron reminder on 1 January) and work
/// hours covering the whole day, with `presence` as its `[presence]` table (empty: none).
fn nothing_due_config(presence: &str) -> String {
    let presence = if presence.is_empty() {
        String::new()
    } else {
        format!("[presence]\n{presence}\n")
    };
    testkit::all_day_config(&format!(
        "{presence}[[reminder]]\n\
         id = \"new-year\"\n\
         kind = \"stretch\"\n\
         cron = \"0 0 1 1 *\"\n"
    ))
}

/// The log line stretchd writes for each reminder it shows (`... reminder reminder=ID item=...`).
const SHOWN: &str = ": reminder reminder=";

/// Panics with the daemon's log if it has exited.
fn alive(daemon: &mut Daemon) {
    assert!(
        daemon.is_running(),
        "stretchd exited early; its log:\n{}",
        daemon.log()
    );
}
