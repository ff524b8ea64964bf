//! `control` and `stats`: the time of a CLI command as a whole process (start it, let it do its
//! work, see it exit). `control` times `stretchd status` against a release daemon on a private
//! bus, then runs `stats`; `stats` times `stretchd stats` over a generated year of history.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use chrono::{Datelike as _, Days, NaiveTime, TimeDelta, Utc, Weekday};
use testkit::{Bus, RUNNING, SOON, history_path, private_dir, text};

use crate::readings::median;
use crate::{Context, START, alive};

/// The `stretchd status` round trip, then the `stats` figure.
#[derive(clap::Args)]
pub struct ControlArgs {
    /// Timed runs
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
    runs: u32,
    /// Untimed runs first (page cache, dynamic loader)
    #[arg(long, default_value_t = 3)]
    warmup: u32,
    /// Leaves out the `stats` figure
    #[arg(long)]
    no_stats: bool,
    #[command(flatten)]
    stats: StatsArgs,
}

/// `stretchd stats` over a generated year of history.
#[derive(clap::Args)]
pub struct StatsArgs {
    /// History entries to generate
    #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(u32).range(1..))]
    entries: u32,
    /// Timed runs of `stretchd stats` (the median is reported)
    #[arg(long, default_value_t = 21, value_parser = clap::value_parser!(u32).range(1..))]
    stats_runs: u32,
}

/// Untimed runs of `stretchd stats` before the timed ones.
const STATS_WARMUP: u32 = 3;

/// Runs `control`.
pub fn run_control(bench: &Context, args: &ControlArgs) {
    bench.require(&["dbus-daemon"], "on Debian: apt-get install dbus-daemon");
    bench.log("starting dbus-daemon and the release daemon");
    let bus = Bus::start();
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    // No config file: the built-in default schedule, what a new user runs.
    let mut daemon = bench
        .bin
        .daemon(&bus.address, &home.join("config/stretchd/config.toml"))
        .default_config()
        .home(home)
        .quiet()
        .start();
    daemon.wait_for_log(RUNNING, START);

    // One checked run first: it must answer, and from this daemon.
    let status = || bench.bin.run_in(home, &["status"], &[], SOON);
    let out = status();
    let pid = format!("(pid {})", daemon.pid());
    assert!(
        out.status.success() && text(&out.stdout).contains(&pid),
        "`stretchd status` did not answer for {pid}: {out:?}"
    );
    for _ in 0..args.warmup {
        status();
    }
    let mut times = timed(args.runs, || {
        let out = status();
        assert!(out.status.success(), "`stretchd status` failed: {out:?}");
    });
    alive(&mut daemon);
    let max = times.iter().copied().fold(0.0, f64::max);
    println!(
        "stretchd status round trip (whole process, release build, {} runs after {} warm-up): \
         median {:.2} ms, max {max:.2} ms",
        args.runs,
        args.warmup,
        median(&mut times),
    );
    drop(daemon);
    if !args.no_stats {
        run_stats(bench, &args.stats);
    }
}

/// Runs `stats`.
pub fn run_stats(bench: &Context, args: &StatsArgs) {
    // The CLI's HOME and XDG directories: a history of its own, and no daemon to talk to.
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let history = history_path(home);
    private_dir(history.parent().unwrap());
    let lines = write_history(&history, args.entries);
    bench.log(&format!(
        "generated {lines} entries ({} KiB) in {}",
        std::fs::metadata(&history).unwrap().len() / 1024,
        history.display()
    ));

    // One checked run first: the command must succeed before its time means anything.
    let stats = || bench.bin.run_in(home, &["stats"], &[], SOON);
    let out = stats();
    assert!(
        out.status.success() && text(&out.stdout).contains("Streak:"),
        "`stretchd stats` failed on the generated history, or printed no streak line: {out:?}"
    );
    for _ in 0..STATS_WARMUP {
        stats();
    }
    let mut times = timed(args.stats_runs, || {
        let out = stats();
        assert!(out.status.success(), "`stretchd stats` failed: {out:?}");
    });
    println!(
        "stretchd stats over {lines} history entries: median {:.2} ms per run ({} runs after \
         {STATS_WARMUP} warm-up, whole process)",
        median(&mut times),
        args.stats_runs,
    );
}

/// How long each of `runs` calls of `call` took, in ms.
fn timed(runs: u32, mut call: impl FnMut()) -> Vec<f64> {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            call();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

/// Writes about `total` history entries to `path`: the work days (Monday to Friday) of the 52
/// weeks up to yesterday (none in the future), each with its share spread over 08:00-17:00 UTC,
/// one in five a stretch; outcomes mostly done, some snoozed, skipped, dismissed and expired.
/// Seeded: every run writes the same file for the same day. Returns how many it wrote.
pub fn write_history(path: &Path, total: u32) -> u64 {
    const STRETCHES: &[&str] = &[
        "cat-camel",
        "thoracic-extension",
        "seated-twist",
        "thread-the-needle",
        "foam-rolling",
    ];
    const POSTURES: &[&str] = &[
        "sit-tall",
        "shoulders",
        "screen-height",
        "back-support",
        "feet-flat",
        "desk-height",
        "breathe",
        "move",
    ];
    let outcomes: Vec<&str> = [
        ("done", 12),
        ("snoozed", 3),
        ("skipped", 2),
        ("dismissed", 2),
        ("expired", 1),
    ]
    .iter()
    .flat_map(|&(outcome, weight)| std::iter::repeat_n(outcome, weight))
    .collect();
    let mut rng = SplitMix64(1);
    let today = Utc::now().date_naive();
    let days: Vec<_> = (1..=365)
        .rev()
        .filter_map(|n| today.checked_sub_days(Days::new(n)))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    let total = u64::from(total);
    let count = days.len() as u64;
    let mut out = String::new();
    let mut written = 0;
    for (i, day) in (1..).zip(&days) {
        let n = total * i / count - written;
        let start = day.and_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap());
        for j in 0..n {
            let at = start + TimeDelta::seconds(i64::try_from(j * 9 * 3600 / n).unwrap());
            let (reminder, kind, item) = if (written + j) % 5 == 4 {
                (
                    rng.pick(&["stretch", "afternoon"]),
                    "stretch",
                    rng.pick(STRETCHES),
                )
            } else {
                ("posture", "posture", rng.pick(POSTURES))
            };
            let outcome = rng.pick(&outcomes);
            // Every value is a plain identifier: nothing to escape.
            let _ = writeln!(
                out,
                r#"{{"time":"{}","reminder":"{reminder}","kind":"{kind}","item":"{item}","outcome":"{outcome}"}}"#,
                at.format("%Y-%m-%dT%H:%M:%SZ"),
            );
        }
        written += n;
    }
    std::fs::write(path, out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    written
}

/// A small seeded generator (`SplitMix64`): the same history every run, no dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    /// One of `items`.
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        items[usize::try_from(z % items.len() as u64).unwrap()]
    }
}
