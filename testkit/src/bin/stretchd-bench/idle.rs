//! `idle`: context switches of `stretchd run` per minute while the user is active and nothing is
//! due, for each idle source that can run here (issue 4 aims at 2 a minute at most). One markdown
//! table, also written to `bench/idle-results.md`.
//!
//! Every run has a private session bus and a second private bus standing in for the system bus
//! (`DBUS_SYSTEM_BUS_ADDRESS`) with testkit's fake logind on it, so that stretchd follows
//! logind's suspend and lock signals as in a real session. Per source:
//!
//! - none: no idle source, the baseline.
//! - logind: the fake's `IdleHint`, which stays false (as logind's does while the user is active).
//! - x11: Xvfb; the user moves the pointer (`xdotool mousemove`) every `--activity-every`
//!   seconds. Run twice: with the default natural break, and with a short one
//!   (`--x11-check-break`) so that the questions the source asks once per natural break fall
//!   inside the window and their cost shows.
//! - wayland: `ext-idle-notify-v1` of `KWin` (`kwin_wayland --virtual`), the user made active
//!   every `--activity-every` seconds through KDE's `simulate_user_activity`. sway is not used:
//!   Debian 12's sway 1.7 predates the protocol.
//! - mutter: GNOME's `IdleMonitor` needs a GNOME session on the bus: listed as not run.
//!
//! Each run: start `stretchd run` (debug log), wait for "stretchd is running" and for the idle
//! source asked for, let it settle, then sum the context switches over its threads at the start
//! and the end of the window, and count the X11 source's questions ("asked the idle time") in
//! it. After the window one `stretchd status` must show in the counters (a zero is a zero), and
//! the run fails if the daemon saw the user away or showed a reminder.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use testkit::logind::{Fake, Setup};
use testkit::typist::Typist;
use testkit::wayland::{KwinActivity, start_kwin};
use testkit::x11::{start_xvfb, xdotool};
use testkit::{Bus, Daemon, RUNNING, SOON, on_path, write_file};

use crate::readings::switches;
use crate::{Context, SHOWN, START, alive, in_root, machine, nothing_due_config};

/// Wakeups per minute while the user is active and nothing is due, per idle source.
#[derive(clap::Args)]
pub struct Args {
    /// Seconds measured per source
    #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u64).range(1..))]
    window: u64,
    /// Seconds between "stretchd is running" and the start of the window
    #[arg(long, default_value_t = 3)]
    settle: u64,
    /// Seconds between two inputs of the simulated user
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
    activity_every: u64,
    /// The natural break in seconds (stretchd's default: 5 min)
    #[arg(long, default_value_t = 300)]
    natural_break: u64,
    /// A second X11 run with this natural break in seconds (0: none)
    #[arg(long, default_value_t = 30)]
    x11_check_break: u64,
    /// Which rows, in order
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "none,logind,x11,wayland,mutter"
    )]
    sources: Vec<Source>,
    /// Where the table is written [default: bench/idle-results.md]
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// An idle source stretchd can be given.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Source {
    None,
    Logind,
    X11,
    Wayland,
    Mutter,
}

/// The debug line of each question the X11 source asks the X server.
const ASKED: &str = "asked the idle time";
/// The line of the daemon seeing the user away.
const AWAY: &str = " away reason=";

/// What a row of the table expects of a source that pushes its changes.
const EXPECT_PUSH: &str = "0 (pushed: stretchd sleeps until the source writes)";

/// Runs the benchmark.
pub fn run(bench: &Context, args: &Args) {
    if args.natural_break <= args.activity_every
        || (args.x11_check_break != 0 && args.x11_check_break <= args.activity_every)
    {
        bench.refuse("--natural-break and --x11-check-break must be longer than --activity-every");
    }
    bench.require(
        &["dbus-daemon", "dbus-send"],
        "on Debian: apt-get install dbus-daemon dbus-bin",
    );
    bench.log("starting the private session and system buses, and the fake logind");
    let session_bus = Bus::start();
    let system_bus = Bus::start();
    let _logind = serve_fake_logind(&system_bus.address);
    let configs = tempfile::tempdir().unwrap();
    let runs = Runs {
        bench,
        args,
        session_bus: &session_bus,
        system_bus: &system_bus.address,
        configs: configs.path().to_owned(),
    };
    let nb = args.natural_break;
    let mut rows = Vec::new();
    for &source in &args.sources {
        match source {
            Source::None => rows.push(runs.measure(&Run {
                name: "none",
                source: "none",
                natural_break: nb,
                session: "private buses only".to_owned(),
                activity: "n/a".to_owned(),
                expected: "0 (nothing due, no idle source)".to_owned(),
                env: Vec::new(),
            })),
            Source::Logind => rows.push(runs.measure(&Run {
                name: "logind",
                source: "logind",
                natural_break: nb,
                session: "fake logind on a private system bus".to_owned(),
                activity: "IdleHint stays false (logind signals only on a change)".to_owned(),
                expected: "0 (pushed: PropertiesChanged on IdleHint changes only)".to_owned(),
                env: Vec::new(),
            })),
            Source::X11 => runs.x11(&mut rows),
            Source::Wayland => runs.wayland(&mut rows),
            Source::Mutter => {
                let why = if on_path("gnome-shell").is_some() || on_path("mutter").is_some() {
                    "needs a GNOME session on the bus; not automated here"
                } else {
                    "no gnome-shell or mutter installed"
                };
                rows.push(not_run("mutter", why, EXPECT_PUSH));
            }
        }
    }

    let window = args.window;
    let mut table = format!(
        "| Idle source | Session | User activity | natural_break | Voluntary ctxt switches in \
         {window} s (per min) | Non-voluntary (per min) | Idle-time questions in the window | \
         Threads | Expected wakeups per min (design) |\n\
         |---|---|---|---|---|---|---|---|---|\n"
    );
    for row in &rows {
        table.push_str(row);
        table.push('\n');
    }
    let _ = write!(
        table,
        "\nNothing due (one cron reminder on 1 January), every run with the fake logind on a \
         private system bus (suspend and lock signals), release build, counters summed over \
         /proc/PID/task/*/status, window started {} s after \"stretchd is running\"; after each \
         window one `stretchd status` was checked to show in the counters.\n\
         {}.\n",
        args.settle,
        machine::summary(),
    );
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| in_root("bench/idle-results.md"));
    bench.report(&table, Some(&out));
}

/// The fake logind on the bus at `address`, served on a thread of its own until the process
/// ends. It emits nothing: a session whose user is at the desk, unlocked and awake.
fn serve_fake_logind(address: &str) -> std::thread::JoinHandle<()> {
    let address = address.to_owned();
    let (ready_tx, ready_rx) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let _fake = Fake::serve_on(&address, Setup::default()).await;
            let _ = ready_tx.send(());
            std::future::pending::<()>().await;
        });
    });
    ready_rx
        .recv_timeout(START)
        .expect("the fake logind did not get on the bus");
    thread
}

/// One measured run: a row of the table.
struct Run {
    /// Tells the runs apart in progress lines.
    name: &'static str,
    /// `idle_source`.
    source: &'static str,
    /// `natural_break`, in seconds.
    natural_break: u64,
    session: String,
    activity: String,
    expected: String,
    /// Added to the daemon's environment (`DISPLAY`, `WAYLAND_DISPLAY`).
    env: Vec<(&'static str, String)>,
}

/// What every run shares.
struct Runs<'a> {
    bench: &'a Context,
    args: &'a Args,
    session_bus: &'a Bus,
    /// The stand-in system bus's address.
    system_bus: &'a str,
    /// A directory of its own for the configs: stretchd watches its config's directory.
    configs: PathBuf,
}

impl Runs<'_> {
    /// Runs stretchd as `run` says, measures it over the window and returns its row.
    fn measure(&self, run: &Run) -> String {
        let config = write_file(
            &self.configs,
            &format!("{}.toml", run.name),
            &nothing_due_config(&format!(
                "idle_source = \"{}\"\nnatural_break = \"{}s\"\n",
                run.source, run.natural_break
            )),
        );
        let mut builder = self
            .bench
            .bin
            .daemon(&self.session_bus.address, &config)
            .env("DBUS_SYSTEM_BUS_ADDRESS", self.system_bus)
            .env("RUST_LOG", "stretchd=debug")
            .quiet();
        for (key, value) in &run.env {
            builder = builder.env(key, value);
        }
        let mut daemon = builder.start();
        daemon.wait_for_log(RUNNING, START);
        expect_logged(&daemon, &format!("idle source: {}", run.source));
        expect_logged(&daemon, "logind: following the session");
        std::thread::sleep(Duration::from_secs(self.args.settle));

        let window = self.args.window;
        self.bench.log(&format!(
            "measuring {} for {window} s ({})",
            run.name, run.activity
        ));
        alive(&mut daemon);
        // Log lines in the window: counted at its start and its end.
        let counts = |daemon: &Daemon| [ASKED, AWAY, SHOWN].map(|needle| daemon.count(needle));
        let before = counts(&daemon);
        let start = switches(daemon.pid());
        std::thread::sleep(Duration::from_secs(window));
        alive(&mut daemon);
        let end = switches(daemon.pid());
        let after = counts(&daemon);
        let [asks, away, shown] = [0, 1, 2].map(|i| after[i] - before[i]);
        // A check on the counting itself: one `stretchd status` wakes the daemon, which must show.
        let out = self.bench.bin.run_in(daemon.home(), &["status"], &[], SOON);
        assert!(
            out.status.success(),
            "stretchd status failed after the {} window: {out:?}",
            run.name
        );
        let checked = switches(daemon.pid());
        assert!(
            checked.voluntary > end.voluntary,
            "a status request did not show in the context switches of {}: the counting is broken",
            run.name
        );
        assert_eq!(
            away,
            0,
            "stretchd saw the user away during the {} window; the user should be active:\n{}",
            run.name,
            daemon.log()
        );
        assert_eq!(
            shown, 0,
            "a reminder fired during the {} window, but nothing was due",
            run.name
        );
        drop(daemon);

        let voluntary = end.voluntary - start.voluntary;
        let nonvoluntary = end.nonvoluntary - start.nonvoluntary;
        self.bench.log(&format!(
            "{}: {voluntary} voluntary, {nonvoluntary} non-voluntary context switches, {asks} \
             idle-time questions",
            run.name
        ));
        let threads = if start.threads == end.threads {
            end.threads.to_string()
        } else {
            format!("{} → {}", start.threads, end.threads)
        };
        format!(
            "| {} | {} | {} | {} | {voluntary} ({}) | {nonvoluntary} ({}) | {asks} | {threads} | {} |",
            run.source,
            run.session,
            run.activity,
            natural_break_text(run.natural_break),
            self.per_minute(voluntary),
            self.per_minute(nonvoluntary),
            run.expected,
        )
    }

    /// `count` over the window, per minute, to one decimal.
    fn per_minute(&self, count: u64) -> String {
        #[allow(clippy::cast_precision_loss)] // small counts and windows
        let per_minute = count as f64 * 60.0 / self.args.window as f64;
        format!("{per_minute:.1}")
    }

    /// The X11 rows: Xvfb with a user moving the pointer, at the natural break asked for and at
    /// the short one.
    fn x11(&self, rows: &mut Vec<String>) {
        let expected = |nb: u64| {
            #[allow(clippy::cast_precision_loss)] // a natural break in seconds
            let per_minute = 60.0 / nb as f64;
            format!(
                "{per_minute:.1} (one X round trip per natural_break while active, the first one \
                 natural_break after the start)"
            )
        };
        if on_path("Xvfb").is_none() || on_path("xdotool").is_none() {
            rows.push(not_run(
                "x11",
                "Xvfb or xdotool missing (apt-get install xvfb xdotool)",
                "one X round trip per natural_break while active",
            ));
            return;
        }
        self.bench.log("starting Xvfb");
        let (_xvfb, display) = start_xvfb(&[]);
        // The simulated user: a pointer move every few seconds, between two places so that each
        // is a real motion.
        let on = display.clone();
        let user = Typist::steady(Duration::from_secs(self.args.activity_every), move || {
            let mut x = 100;
            move || {
                let at = x.to_string();
                xdotool(&on, &["mousemove", &at, &at]);
                x = 300 - x;
            }
        });
        let activity = format!("xdotool mousemove every {}s", self.args.activity_every);
        let mut breaks = vec![("x11", self.args.natural_break)];
        if self.args.x11_check_break > 0 {
            breaks.push(("x11-short", self.args.x11_check_break));
        }
        for (name, nb) in breaks {
            rows.push(self.measure(&Run {
                name,
                source: "x11",
                natural_break: nb,
                session: "Xvfb".to_owned(),
                activity: activity.clone(),
                expected: expected(nb),
                env: vec![("DISPLAY", display.clone())],
            }));
        }
        user.stop();
    }

    /// The Wayland row: `KWin` with a user made active through KDE's idle protocol.
    fn wayland(&self, rows: &mut Vec<String>) {
        if on_path("kwin_wayland").is_none() {
            rows.push(not_run(
                "wayland",
                "kwin_wayland missing (apt-get install kwin-wayland); sway 1.7 lacks \
                 ext-idle-notify-v1",
                EXPECT_PUSH,
            ));
            return;
        }
        self.bench.log("starting KWin (kwin_wayland --virtual)");
        let kwin = start_kwin(&[]);
        let version =
            machine::version(&kwin.program.to_string_lossy(), &["--version"]).unwrap_or_default();
        let socket = kwin.socket.clone();
        let user = Typist::steady(Duration::from_secs(self.args.activity_every), move || {
            // The timeout is only a handle to simulate activity with; it never fires meanwhile.
            let mut activity = KwinActivity::connect(&socket, 3_600_000);
            move || activity.simulate()
        });
        rows.push(self.measure(&Run {
            name: "wayland",
            source: "wayland",
            natural_break: self.args.natural_break,
            session: format!("KWin {version} --virtual"),
            activity: format!("simulate_user_activity every {}s", self.args.activity_every),
            expected: EXPECT_PUSH.to_owned(),
            env: vec![(
                "WAYLAND_DISPLAY",
                kwin.socket.to_string_lossy().into_owned(),
            )],
        }));
        user.stop();
    }
}

/// Panics with the daemon's log unless it has logged a line containing `needle`.
fn expect_logged(daemon: &Daemon, needle: &str) {
    assert!(
        daemon.count(needle) > 0,
        "stretchd did not log {needle:?}; its log:\n{}",
        daemon.log()
    );
}

/// The row of a source that could not run here.
fn not_run(source: &str, why: &str, expected: &str) -> String {
    format!("| {source} | not run: {why} |  |  |  |  |  |  | {expected} |")
}

/// A natural break as the table shows it: `5 min` or `30 s`.
fn natural_break_text(seconds: u64) -> String {
    if seconds % 60 == 0 {
        format!("{} min", seconds / 60)
    } else {
        format!("{seconds} s")
    }
}
