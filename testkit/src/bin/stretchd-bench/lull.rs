//! `lull`: the lateness that waiting for a pause in typing (`presence.lull`) adds to reminders,
//! with a simulated typist, per idle source; and, with nothing due and the typist still typing,
//! stretchd's wakeups and memory. One markdown table, also written to `bench/lull-results.md`.
//!
//! The typist (`testkit::typist`) types in bursts: keys 80-250 ms apart for 1-8 s, then a pause of
//! 0.3-6 s (a seeded pseudo-random sequence, the same for every source), so that some pauses are
//! shorter than the lull and some longer. Keys are `xdotool key` on Xvfb for the X11 source and
//! `simulate_user_activity` on `kwin_wayland --virtual` for the Wayland source. A reminder
//! `every` few seconds falls due at moments the typing does not know of; each is answered by
//! nobody and replaced by the next.
//!
//! Lateness is read from stretchd's own log: each reminder after the first falls due `every`
//! after the one before it showed (the interval restarts at each showing), and shows at the time
//! of its `reminder` line. The ideal lateness follows from the keys the typist made: the first
//! moment from the due time with no key in the lull before it, at most `lull_max` later. Their
//! difference is what the idle source and stretchd add on top of the rule.
//!
//! Then a second daemon with nothing due (one cron reminder on 1 January) runs for `--window`
//! seconds while the typist goes on, on a bus without a notification server and with its log at
//! the default level, as `wayland-footprint` measures: its context switches (there should be
//! none with a pushing source; the X11 source asks once per natural break, 5 min) and its
//! resident memory at the end, against the budget of 3.6 MB set under Wayland in issue 10 (as
//! BENCHMARKS.md counts it: 3686 kB).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use testkit::notifications::Server;
use testkit::typist::Typist;
use testkit::wayland::{Compositor, KwinActivity, start_kwin};
use testkit::x11::{start_xvfb, xdotool};
use testkit::{Bus, Daemon, Guard, RUNNING, all_day_config, write_file};

use crate::readings::{median, mib, status, switches};
use crate::{Context, SHOWN, START, alive, in_root, machine, nothing_due_config};

/// The budget for resident memory (issue 10's 3.6 MB, counted as BENCHMARKS.md does), in kB.
const RSS_BUDGET_KB: u64 = 3686;

/// Lateness added by the wait for a pause in typing, per idle source, with a simulated typist.
#[derive(clap::Args)]
pub struct Args {
    /// Reminders measured per source (after a first one that is not)
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
    reminders: u32,
    /// The reminders' interval, in seconds
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u64).range(1..))]
    every: u64,
    /// `presence.lull`, in seconds
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=60))]
    lull: u64,
    /// `presence.lull_max`, in seconds
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=600))]
    lull_max: u64,
    /// Seconds of the window with nothing due
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    window: u64,
    /// The seed of the typist's bursts and pauses
    #[arg(long, default_value_t = 13)]
    seed: u64,
    /// Which rows, in order
    #[arg(long, value_delimiter = ',', default_value = "x11,wayland")]
    sources: Vec<Source>,
    /// Where the table is written [default: bench/lull-results.md]
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// An idle source that can tell a pause in typing.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Source {
    X11,
    Wayland,
}

/// Where the typing happens.
enum Desk {
    X11 { _xvfb: Guard, display: String },
    Wayland(Compositor),
}

impl Desk {
    /// The idle source's name, and the variable that points stretchd at the desk.
    fn source(&self) -> (&'static str, &'static str, String) {
        match self {
            Desk::X11 { display, .. } => ("x11", "DISPLAY", display.clone()),
            Desk::Wayland(kwin) => (
                "wayland",
                "WAYLAND_DISPLAY",
                kwin.socket.to_string_lossy().into_owned(),
            ),
        }
    }

    /// What the typist's keys are, for the table.
    fn keys(&self) -> String {
        match self {
            Desk::X11 { .. } => "Xvfb, `xdotool key`".to_owned(),
            Desk::Wayland(kwin) => format!(
                "KWin {} --virtual, `simulate_user_activity`",
                machine::version(&kwin.program.to_string_lossy(), &["--version"])
                    .unwrap_or_default()
                    .trim_start_matches("kwin ")
            ),
        }
    }

    /// Starts the typist, the time just before each key kept in `keys`.
    fn typist(&self, seed: u64, keys: Arc<Mutex<Vec<DateTime<Utc>>>>) -> Typist {
        let key = move || keys.lock().unwrap().push(Utc::now());
        match self {
            Desk::X11 { display, .. } => {
                let display = display.clone();
                Typist::start(Bursts::new(seed), move || {
                    move || {
                        key();
                        xdotool(&display, &["key", "a"]);
                    }
                })
            }
            Desk::Wayland(kwin) => {
                let socket = kwin.socket.clone();
                Typist::start(Bursts::new(seed), move || {
                    // Only a handle to make input with: it never fires meanwhile.
                    let mut activity = KwinActivity::connect(&socket, 3_600_000);
                    move || {
                        key();
                        activity.simulate();
                    }
                })
            }
        }
    }
}

/// The gaps between a typist's keys: bursts of keys 80-250 ms apart lasting 1-8 s, each
/// followed by a pause of 0.3-6 s, from a seeded xorshift generator.
struct Bursts {
    state: u64,
    /// What is left of the burst under way.
    left: Duration,
}

impl Bursts {
    fn new(seed: u64) -> Bursts {
        Bursts {
            state: seed.max(1),
            left: Duration::ZERO,
        }
    }

    /// A number from `low` to `high` (milliseconds), evenly (near enough) spread.
    fn between(&mut self, low: u64, high: u64) -> Duration {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        let n = self.state.wrapping_mul(0x2545_f491_4f6c_dd1d);
        Duration::from_millis(low + n % (high - low + 1))
    }
}

impl Iterator for Bursts {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        if self.left.is_zero() {
            self.left = self.between(1_000, 8_000);
            return Some(self.between(300, 6_000));
        }
        let gap = self.between(80, 250).min(self.left);
        self.left = self.left.saturating_sub(gap);
        Some(gap)
    }
}

/// The first moment from `due` with no key in the `lull` before it, at most `lull_max` after
/// `due`: when the rule says the reminder shows. `keys` is sorted.
fn ideal(
    due: DateTime<Utc>,
    keys: &[DateTime<Utc>],
    lull: TimeDelta,
    lull_max: TimeDelta,
) -> DateTime<Utc> {
    let mut at = due;
    loop {
        let last = keys.partition_point(|k| *k <= at);
        let Some(last) = last.checked_sub(1).map(|i| keys[i]) else {
            return at;
        };
        if last + lull <= at {
            return at;
        }
        at = last + lull;
        if at >= due + lull_max {
            return due + lull_max;
        }
    }
}

/// The time at the start of a log line of stretchd's (`2026-12-01T18:33:17.768760Z  INFO ...`).
fn logged_at(line: &str) -> DateTime<Utc> {
    line.split_whitespace()
        .next()
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("no time at the start of {line:?}"))
}

/// Milliseconds, as the table shows them.
fn ms(d: TimeDelta) -> f64 {
    #[allow(clippy::cast_precision_loss)] // short spans
    let ms = d.num_microseconds().unwrap_or(i64::MAX) as f64 / 1000.0;
    ms
}

/// Median and max of `values` (ms), as `median / max`; "none" when empty.
fn spread(values: &[f64]) -> String {
    if values.is_empty() {
        return "none".to_owned();
    }
    let max = values.iter().copied().fold(f64::MIN, f64::max);
    format!("{:.0} / {max:.0}", median(&mut values.to_vec()))
}

/// Runs the benchmark.
pub fn run(bench: &Context, args: &Args) {
    if args.lull_max < args.lull {
        bench.refuse("--lull-max must be at least --lull");
    }
    bench.require(&["dbus-daemon"], "on Debian: apt-get install dbus-daemon");
    let mut rows = Vec::new();
    for &source in &args.sources {
        let desk = match source {
            Source::X11 => {
                bench.require(
                    &["Xvfb", "xdotool"],
                    "on Debian: apt-get install xvfb xdotool",
                );
                bench.log("starting Xvfb");
                let (xvfb, display) = start_xvfb(&[]);
                Desk::X11 {
                    _xvfb: xvfb,
                    display,
                }
            }
            Source::Wayland => {
                bench.require(&["kwin_wayland"], "on Debian: apt-get install kwin-wayland");
                bench.log("starting KWin (kwin_wayland --virtual)");
                Desk::Wayland(start_kwin(&[]))
            }
        };
        rows.push(measure(bench, args, &desk));
    }
    let mut table = format!(
        "| Idle source | Typist | Reminders | Waited for a pause | Lateness, all: median / max (ms) \
         | Lateness of those that waited: median / max (ms) | Beyond the rule: median / max (ms) \
         | Idle-time questions in the run | VmRSS / RssAnon after the reminders | Nothing due, \
         typist typing: context switches in {} s | VmRSS / RssAnon with nothing due (budget under \
         Wayland: {} kB) |\n\
         |---|---|---|---|---|---|---|---|---|---|---|\n",
        args.window, RSS_BUDGET_KB
    );
    for row in &rows {
        table.push_str(row);
        table.push('\n');
    }
    let _ = write!(
        table,
        "\nlull {} s, lull_max {} s, a reminder every {} s (the interval restarts at each showing), \
         typist seed {}: bursts of keys 80-250 ms apart for 1-8 s, pauses of 0.3-6 s. Lateness: \
         the `reminder` log line minus its due time (the previous showing plus the interval); \
         beyond the rule: minus the moment the rule gives from the typist's keys. Private session \
         bus, the test notification server, no system bus, release build; {}.\n",
        args.lull,
        args.lull_max,
        args.every,
        args.seed,
        machine::summary(),
    );
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| in_root("bench/lull-results.md"));
    bench.report(&table, Some(&out));
}

/// A private session for stretchd on one desk: a system bus where nothing listens, and a
/// directory for configs (stretchd watches its config's).
struct Session<'a> {
    bench: &'a Context,
    source: &'static str,
    /// The variable that points stretchd at the desk, and its value.
    desk: (&'static str, String),
    no_system_bus: String,
    dirs: tempfile::TempDir,
}

impl Session<'_> {
    /// `stretchd run` with `config` on `bus`, once it runs with the desk's idle source; its log
    /// at debug level with `debug` (else at the default level).
    fn start(&self, bus: &Bus, name: &str, config: &str, debug: bool) -> Daemon {
        let config = write_file(self.dirs.path(), name, config);
        let (key, value) = &self.desk;
        let mut builder = self
            .bench
            .bin
            .daemon(&bus.address, &config)
            .env(key, value)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &self.no_system_bus)
            .quiet();
        if debug {
            builder = builder.env("RUST_LOG", "stretchd=debug");
        }
        let mut daemon = builder.start();
        daemon.wait_for_log(RUNNING, START);
        assert!(
            daemon.count(&format!("idle source: {}", self.source)) > 0,
            "stretchd did not pick the {} idle source; its log:\n{}",
            self.source,
            daemon.log()
        );
        daemon
    }
}

/// What one run of reminders gave.
struct Reminders {
    /// When each showed, from stretchd's log.
    fires: Vec<DateTime<Utc>>,
    /// The X11 source's questions over the run.
    questions: usize,
    /// `VmRSS` and `RssAnon` at the end, in kB.
    memory: (u64, u64),
}

/// Runs stretchd until it has shown `--reminders` + 1 reminders, on a bus with the test
/// notification server.
fn reminders(session: &Session, args: &Args) -> Reminders {
    let shown = args.reminders + 1;
    let bus = Bus::start();
    let _server = Server::start(&bus.address);
    session.bench.log(&format!(
        "{}: {shown} reminders every {} s while the typist types",
        session.source, args.every
    ));
    let mut daemon = session.start(
        &bus,
        "lull.toml",
        &all_day_config(&format!(
            "[presence]\nidle_source = \"{}\"\nlull = \"{}s\"\nlull_max = \"{}s\"\n\n\
             [[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"{}s\"\n",
            session.source, args.lull, args.lull_max, args.every
        )),
        true,
    );
    let each = Duration::from_secs(args.every + args.lull_max) + START;
    for _ in 0..shown {
        daemon.wait_for_log(SHOWN, each);
    }
    alive(&mut daemon);
    let pid = daemon.pid();
    let memory = (status(pid, "VmRSS"), status(pid, "RssAnon"));
    let log = daemon.log();
    Reminders {
        fires: log
            .lines()
            .filter(|l| l.contains(SHOWN))
            .map(logged_at)
            .collect(),
        questions: log
            .lines()
            .filter(|l| l.contains("asked the idle time"))
            .count(),
        memory,
    }
}

/// Each reminder's lateness but the first's (ms): all of them, those the rule made wait, and
/// what each took beyond the rule.
fn lateness(fires: &[DateTime<Utc>], keys: &[DateTime<Utc>], args: &Args) -> [Vec<f64>; 3] {
    let secs = |s: u64| TimeDelta::seconds(i64::try_from(s).unwrap_or(i64::MAX));
    let (every, lull, lull_max) = (secs(args.every), secs(args.lull), secs(args.lull_max));
    let (mut all, mut waited, mut beyond) = (Vec::new(), Vec::new(), Vec::new());
    for pair in fires.windows(2) {
        let due = pair[0] + every;
        let late = pair[1] - due;
        let rule = ideal(due, keys, lull, lull_max) - due;
        all.push(ms(late));
        if rule > TimeDelta::zero() {
            waited.push(ms(late));
        }
        beyond.push(ms(late - rule));
    }
    [all, waited, beyond]
}

/// The row of one idle source.
fn measure(bench: &Context, args: &Args, desk: &Desk) -> String {
    let (source, key, value) = desk.source();
    let nowhere = tempfile::tempdir().unwrap();
    let session = Session {
        bench,
        source,
        desk: (key, value),
        no_system_bus: format!("unix:path={}", nowhere.path().join("no-bus").display()),
        dirs: tempfile::tempdir().unwrap(),
    };
    let keys = Arc::new(Mutex::new(Vec::new()));
    let typist = desk.typist(args.seed, Arc::clone(&keys));
    let run = reminders(&session, args);
    let keys = {
        let mut keys = keys.lock().unwrap().clone();
        keys.sort();
        keys
    };
    let [all, waited, beyond] = lateness(&run.fires, &keys, args);
    bench.log(&format!(
        "{source}: lateness (ms) {all:.0?}; beyond the rule {beyond:.0?}"
    ));

    bench.log(&format!(
        "{source}: nothing due for {} s, the typist typing",
        args.window
    ));
    // As `wayland-footprint` measures the footprint: a bus without a notification server, the
    // log at its default level.
    let bus = Bus::start();
    let mut idle = session.start(
        &bus,
        "idle.toml",
        &nothing_due_config(&format!("idle_source = \"{source}\"\n")),
        false,
    );
    std::thread::sleep(Duration::from_secs(3));
    let pid = idle.pid();
    let before = switches(pid);
    std::thread::sleep(Duration::from_secs(args.window));
    alive(&mut idle);
    let after = switches(pid);
    let (idle_rss, idle_anon) = (status(pid, "VmRSS"), status(pid, "RssAnon"));
    assert_eq!(
        idle.count(SHOWN),
        0,
        "a reminder fired, but nothing was due"
    );
    drop(idle);
    typist.stop();
    // The budget was set under Wayland (issue 10), where the footprint is measured.
    let within = match (desk, idle_rss <= RSS_BUDGET_KB) {
        (Desk::X11 { .. }, _) => "no budget set under X11",
        (Desk::Wayland(_), true) => "within the budget",
        (Desk::Wayland(_), false) => "OVER the budget",
    };
    let (rss, anon) = run.memory;
    format!(
        "| {source} | {} | {} | {} | {} | {} | {} | {} | {rss} kB ({} MiB) / {anon} kB \
         | {} voluntary + {} non-voluntary | {idle_rss} kB ({} MiB, {within}) / {idle_anon} kB |",
        desk.keys(),
        all.len(),
        waited.len(),
        spread(&all),
        spread(&waited),
        spread(&beyond),
        run.questions,
        mib(rss * 1024),
        after.voluntary - before.voluntary,
        after.nonvoluntary - before.nonvoluntary,
        mib(idle_rss * 1024),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_rule_waits_for_the_first_gap_of_a_lull_and_no_longer_than_lull_max() {
        let due = t("2026-12-01T10:00:10Z");
        let lull = TimeDelta::seconds(3);
        let max = TimeDelta::seconds(60);
        // The last key 5 s before: on time.
        assert_eq!(ideal(due, &[t("2026-12-01T10:00:05Z")], lull, max), due);
        // Keys 1 s before and 1 s after, then a pause: 3 s after the one after.
        let keys = [t("2026-12-01T10:00:09Z"), t("2026-12-01T10:00:11Z")];
        assert_eq!(ideal(due, &keys, lull, max), t("2026-12-01T10:00:14Z"));
        // A key every second for ever: lull_max.
        let keys: Vec<_> = (0..200).map(|s| due + TimeDelta::seconds(s - 5)).collect();
        assert_eq!(ideal(due, &keys, lull, max), due + max);
        assert_eq!(ideal(due, &[], lull, max), due);
    }

    #[test]
    fn bursts_alternate_keys_and_pauses_within_their_ranges() {
        let gaps: Vec<Duration> = Bursts::new(13).take(2000).collect();
        let ms = |d: &Duration| d.as_millis();
        assert!(gaps.iter().all(|g| ms(g) <= 6000));
        let pauses = gaps.iter().filter(|g| ms(g) >= 300).count();
        assert!(pauses > 10, "{pauses} pauses");
        assert!(gaps.iter().filter(|g| ms(g) >= 3000).count() > 3);
        assert!(gaps.iter().filter(|g| (300..3000).contains(&ms(g))).count() > 3);
        // The same seed, the same typist.
        assert_eq!(Bursts::new(13).take(50).collect::<Vec<_>>(), gaps[..50]);
    }
}
