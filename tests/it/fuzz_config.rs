//! Fuzzing the config loader with proptest, on the stable toolchain (the libFuzzer targets in
//! fuzz/ need nightly): on any input `Config::parse` returns, never panics, and quickly; an error
//! is one line `<file>:<line>:<column>: <message>` pointing inside the text; a config that loads
//! gives a 20-reminder preview, from any instant, in bounded time.
//!
//! Three generators: (a) arbitrary text (Unicode strings, bytes read as lossy UTF-8, and strings
//! over TOML's punctuation), (b) structure-aware mutations of `config/default.toml` (lines
//! deleted, duplicated, swapped, values and keys replaced, lines inserted, the file cut short),
//! (c) random well-typed configs (durations, cron lines built field by field, work hours and
//! days), which must load. `PROPTEST_CASES` overrides each test's number of cases; each test
//! prints its count and time (`cargo test --test fuzz_config -- --nocapture`).

use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Berlin;
use proptest::prelude::*;
use proptest::test_runner::{Config as Cases, TestCaseError, TestRunner};
use stretchd::config::{Config, ConfigError, DEFAULT_TOML, Origin, Trigger};
use stretchd::schedule::preview;
use stretchd::schedule::state::State;

/// The file name every message must start with.
const FILE: &str = "fuzz.toml";

/// Longest one parse plus one preview may take: a hang, not a slow machine. In a debug build a
/// case takes about a millisecond; the slowest seen, about 0.2 s, preview configs whose cron
/// lines seldom or never fall in work hours (each search gives up after 64 work windows).
const CASE_LIMIT: Duration = Duration::from_secs(10);

/// Cases to run: `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What one fuzz run saw.
#[derive(Default)]
struct Tally {
    loaded: u32,
    rejected: u32,
    slowest: Duration,
}

/// Runs `cases` inputs from `strategy` through [`check`], then prints the count, the time and how
/// many loaded. Returns the tally for the caller's own assertions.
fn fuzz<S: Strategy<Value = String>>(name: &str, n: u32, strategy: S) -> Tally {
    let mut runner = TestRunner::new(Cases {
        cases: n,
        // A failure prints its shrunk input; the properties have no regression files.
        failure_persistence: None,
        ..Cases::default()
    });
    let tally = RefCell::new(Tally::default());
    let started = Instant::now();
    let result = runner.run(&(strategy, instant()), |(text, from)| {
        let loaded = check(&text, from)?;
        let mut t = tally.borrow_mut();
        if loaded.0 {
            t.loaded += 1;
        } else {
            t.rejected += 1;
        }
        t.slowest = t.slowest.max(loaded.1);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    let tally = tally.into_inner();
    println!(
        "{name}: {n} cases in {:.2?} ({} loaded, {} rejected, slowest case {:.2?})",
        started.elapsed(),
        tally.loaded,
        tally.rejected,
        tally.slowest
    );
    tally
}

/// An instant between 2000 and 2100.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (946_684_800_i64..4_102_444_800).prop_map(|s| DateTime::from_timestamp(s, 0).expect("in range"))
}

/// Parses `text`; checks the error's form or previews the config. Returns whether it loaded and
/// how long it took.
fn check(text: &str, from: DateTime<Utc>) -> Result<(bool, Duration), TestCaseError> {
    let started = Instant::now();
    let parsed = Config::parse(text, &Origin::File(FILE.into()));
    let loaded = match &parsed {
        Ok(config) => {
            let fires = preview(config, &State::new(from), from, 20, &Berlin);
            prop_assert!(fires.len() <= 20);
            prop_assert!(
                fires.windows(2).all(|w| w[0].at < w[1].at),
                "preview fires out of order"
            );
            prop_assert!(fires.first().is_none_or(|f| f.at >= from));
            true
        }
        Err(e) => {
            error_points_inside(text, e)?;
            false
        }
    };
    let took = started.elapsed();
    prop_assert!(took < CASE_LIMIT, "took {took:?}");
    Ok((loaded, took))
}

/// The error is `fuzz.toml:<line>:<column>: <message>` on one line, and the line and column are
/// inside `text` (the column may be one past the end of its line).
fn error_points_inside(text: &str, e: &ConfigError) -> Result<(), TestCaseError> {
    let shown = e.to_string();
    prop_assert!(!shown.contains('\n'), "message on several lines: {shown:?}");
    let ConfigError::Invalid { line, column, .. } = e else {
        return Err(TestCaseError::fail(format!(
            "not an Invalid error: {shown}"
        )));
    };
    let prefix = format!("{FILE}:{line}:{column}: ");
    prop_assert!(shown.starts_with(&prefix), "{shown:?} lacks {prefix:?}");
    prop_assert!(
        shown.len() > prefix.len() + 3,
        "no message after the place: {shown:?}"
    );
    let lines: Vec<&str> = text.split('\n').collect();
    prop_assert!(
        (1..=lines.len()).contains(line),
        "line {line} of {}: {shown}",
        lines.len()
    );
    let width = lines[line - 1].chars().count();
    prop_assert!(
        (1..=width + 1).contains(column),
        "column {column} on a line of {width} characters: {shown}"
    );
    Ok(())
}

// ---- (a) arbitrary text ----

#[test]
fn arbitrary_text_never_panics_and_errors_point_inside_it() {
    let n = cases(20_000);
    let unicode = any::<String>();
    let bytes = proptest::collection::vec(any::<u8>(), 0..1024)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned());
    // TOML's punctuation and a few letters: reaches tables, keys, arrays and strings far more
    // often than random Unicode does.
    let tomlish = "[\\[\\]{}=\"'#.,:*/ \\n\\tA-Za-z0-9_\\-\\\\]{0,400}";
    let strategy = prop_oneof![unicode, bytes, tomlish];
    let tally = fuzz("(a) arbitrary text", n, strategy);
    assert!(tally.rejected > 0);
}

// ---- (b) mutations of the default config ----

/// The default config with its commented-out `[[stretch]]` and `[[posture]]` examples turned
/// on, so that mutations reach the custom-entry checks too.
fn default_with_examples() -> String {
    let mut out = String::new();
    let mut examples = false;
    for line in DEFAULT_TOML.lines() {
        examples |= line.starts_with("# Your own stretches");
        let uncommented = line
            .strip_prefix("# ")
            .filter(|rest| examples && (rest.starts_with('[') || rest.contains(" = ")));
        out.push_str(uncommented.unwrap_or(line));
        out.push('\n');
    }
    // A reminder that pins the custom stretch, and one that pins the custom posture check.
    out.push_str("\n[[reminder]]\nid = \"door\"\nkind = \"stretch\"\nevery = \"2h\"\nstretch = \"doorway-chest\"\n");
    out.push_str("\n[[reminder]]\nid = \"wrists\"\nkind = \"posture\"\ncron = \"0 11 * * *\"\nposture = \"wrists\"\n");
    out
}

#[test]
fn the_mutation_bases_load() {
    for base in [DEFAULT_TOML.to_owned(), default_with_examples()] {
        let config = Config::parse(&base, &Origin::File(FILE.into())).unwrap_or_else(|e| {
            panic!("{e}\n{base}");
        });
        assert!(!config.reminders.is_empty());
    }
    let examples = Config::parse(&default_with_examples(), &Origin::Embedded).unwrap();
    assert!(examples.catalog.stretch("doorway-chest").is_some());
    assert!(examples.catalog.posture("wrists").is_some());
    assert_eq!(examples.reminders.len(), 5);
}

/// Keys from every section, and a few near misses.
const KEYS: &[&str] = &[
    "work_days",
    "work_hours",
    "length",
    "max",
    "positions",
    "equipment",
    "sessions_per_week",
    "idle_source",
    "natural_break",
    "missed",
    "respect_dnd",
    "respect_fullscreen",
    "grace",
    "respect_calls",
    "call_max_hold",
    "on_click",
    "terminal",
    "id",
    "kind",
    "every",
    "cron",
    "stretch",
    "posture",
    "name",
    "summary",
    "steps",
    "hold",
    "reps",
    "sides",
    "position",
    "text",
    "work_day",
    "Every",
    "schedule.work_days",
    "\"quoted key\"",
    "a.b.c",
];

/// Values of every type, edge cases of each check, and values that overflow.
const TOKENS: &[&str] = &[
    "\"50m\"",
    "\"0s\"",
    "\"0m\"",
    "\"\"",
    "\" \"",
    "\"1ns\"",
    "\"300000y\"",
    "\"250000y\"",
    "\"18446744073709551615s\"",
    "\"1h 30m\"",
    "\"fifty minutes\"",
    "\"-5m\"",
    "0",
    "1",
    "-1",
    "3",
    "4294967296",
    "99999999999999999999",
    "1.5",
    "nan",
    "inf",
    "true",
    "false",
    "[]",
    "[[]]",
    "[\"mon\"]",
    "[\"sun\", \"Saturday\", \"MON\"]",
    "[\"mon\", \"funday\"]",
    "[\"00:00-24:00\"]",
    "[\"09:00-12:00\", \"11:00-13:00\"]",
    "[\"18:00-09:00\"]",
    "[\"24:00-24:00\"]",
    "[\"9-17\"]",
    "[\"02:00-03:00\", \"02:30-02:45\"]",
    "[\"chair\"]",
    "[\"standing\"]",
    "[\"floor\", \"sofa\"]",
    "[\"foam_roller\"]",
    "[\"Foam Roller\"]",
    "\"* * * * *\"",
    "\"* * * * * *\"",
    "\"0 0 30 2 *\"",
    "\"0 0 29 2 *\"",
    "\"30 15 * * mon-fri\"",
    "\"0 9 * * fri-mon\"",
    "\"0 9 * * 8\"",
    "\"0 9 * * */0\"",
    "\"61 9 * * *\"",
    "\"* * * *\"",
    "\"@daily\"",
    "\"@hourly\"",
    "\"@reboot\"",
    "\"30 2 * * *\"",
    "\"*/7 0-23 * * 0-7\"",
    "\"posture\"",
    "\"stretch\"",
    "\"seated-twist\"",
    "\"foam-rolling\"",
    "\"sit-tall\"",
    "\"nope\"",
    "\"Bad Id\"",
    "\"auto\"",
    "\"x11\"",
    "\"drop\"",
    "\"once\"",
    "\"guide\"",
    "\"both\"",
    "\"15-30s\"",
    "\"30-15s\"",
    "{}",
    "{ a = 1 }",
    "1979-05-27T07:32:00Z",
    "\"\"\"multi\nline\"\"\"",
    "'literal'",
    "\"\\u00e9\\t\"",
    "\"é🦀\"",
];

/// Lines worth inserting: table headers and odd TOML.
const LINES: &[&str] = &[
    "[schedule]",
    "[snooze]",
    "[stretches]",
    "[goal]",
    "[presence]",
    "[notify]",
    "[[reminder]]",
    "[[stretch]]",
    "[[posture]]",
    "[reminder]",
    "[[schedule]]",
    "[colour]",
    "[schedule.extra]",
    "",
    "#",
    "=",
    "[",
    "]]",
    "\"",
    "key",
    "é🦀 = 1",
    "\t\r",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize, usize),
    Swap(usize, usize),
    /// The value of a `key = value` line (or the whole line) becomes this token.
    Value(usize, String),
    /// The key of a `key = value` line becomes this one.
    Key(usize, String),
    Insert(usize, String),
    /// The file ends after this many bytes (at a character boundary).
    Cut(usize),
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(TOKENS).prop_map(str::to_owned),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => "\"[a-z0-9 :*/,@-]{0,16}\"",
        1 => (0_u64..100_000, proptest::sample::select(&["s", "m", "h", "d", "w", "y", "ms", "ns", ""][..]))
            .prop_map(|(n, unit)| format!("\"{n}{unit}\"")),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(KEYS).prop_map(str::to_owned),
        1 => "[a-z_]{1,12}",
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (key(), token()).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => proptest::sample::select(LINES).prop_map(str::to_owned),
        1 => "[ -~]{0,30}",
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<usize>().prop_map(Mutation::Delete),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Duplicate(a, b)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        4 => (any::<usize>(), token()).prop_map(|(i, t)| Mutation::Value(i, t)),
        2 => (any::<usize>(), key()).prop_map(|(i, k)| Mutation::Key(i, k)),
        2 => (any::<usize>(), line()).prop_map(|(i, l)| Mutation::Insert(i, l)),
        1 => any::<usize>().prop_map(Mutation::Cut),
    ]
}

/// Applies the mutations to the lines of `base`; `Value` and `Key` pick among the lines that
/// set a key, so they always hit one.
fn mutate(base: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = base.lines().map(str::to_owned).collect();
    let mut cut = None;
    for m in mutations {
        let settings: Vec<usize> = (0..lines.len())
            .filter(|i| !lines[*i].starts_with('#') && lines[*i].contains(" = "))
            .collect();
        let n = lines.len().max(1);
        match m {
            Mutation::Delete(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Mutation::Duplicate(i, at) if !lines.is_empty() => {
                let copy = lines[i % n].clone();
                lines.insert(at % (n + 1), copy);
            }
            Mutation::Swap(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Mutation::Value(i, value) if !settings.is_empty() => {
                let at = settings[i % settings.len()];
                let key = lines[at].split(" = ").next().unwrap_or_default().to_owned();
                lines[at] = format!("{key} = {value}");
            }
            Mutation::Key(i, key) if !settings.is_empty() => {
                let at = settings[i % settings.len()];
                let value = lines[at].split_once(" = ").map(|(_, v)| v.to_owned());
                lines[at] = format!("{key} = {}", value.unwrap_or_default());
            }
            Mutation::Insert(i, line) => lines.insert(i % (n + 1), line.clone()),
            Mutation::Cut(i) => cut = Some(*i),
            _ => {}
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    if let Some(i) = cut {
        let mut end = i % (text.len() + 1);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

#[test]
fn mutated_default_configs_never_panic_and_errors_point_inside_them() {
    let n = cases(10_000);
    let bases = prop_oneof![Just(DEFAULT_TOML.to_owned()), Just(default_with_examples())];
    let strategy = (bases, proptest::collection::vec(mutation(), 1..6))
        .prop_map(|(base, mutations)| mutate(&base, &mutations));
    let tally = fuzz("(b) mutated default config", n, strategy);
    // Both outcomes must be common, or the mutations miss the validation behind the parser.
    assert!(
        tally.loaded >= n / 50 && tally.rejected >= n / 10,
        "{} loaded, {} rejected",
        tally.loaded,
        tally.rejected
    );
}

#[test]
fn mutation_examples() {
    let base = "a = 1\nb = 2\n# c = 3\n";
    assert_eq!(
        mutate(base, &[Mutation::Value(1, "\"x\"".into())]),
        "a = 1\nb = \"x\"\n# c = 3\n"
    );
    assert_eq!(
        mutate(base, &[Mutation::Key(0, "z".into())]),
        "z = 1\nb = 2\n# c = 3\n"
    );
    assert_eq!(
        mutate(base, &[Mutation::Swap(0, 2), Mutation::Delete(1)]),
        "# c = 3\na = 1\n"
    );
    assert_eq!(mutate(base, &[Mutation::Cut(0)]), "");
}

/// Every duration and count key, with values from just past its limit to the largest a TOML
/// integer or a duration can spell: the config refuses each with the key and its limit, and
/// nothing panics.
#[test]
fn huge_durations_and_counts_are_refused_naming_the_key_and_the_limit() {
    let keys: [(&str, &str, &str); 8] = [
        // An interval past the bound is refused as one that never fits a work window.
        ("every = \"40m\"", "every = \"{}\"", "the longest is 4h 30m"),
        ("grace = \"30s\"", "grace = \"{}\"", "1h"),
        ("natural_break = \"5m\"", "natural_break = \"{}\"", "1 day"),
        ("length = \"10m\"", "length = \"{}\"", "1 day"),
        (
            "\n[[reminder]]",
            "\n[[stretch]]\nid = \"x\"\nname = \"X\"\nsteps = [\"Hold.\"]\nposition = \"chair\"\nhold = \"{}\"\n[[reminder]]",
            "3600 s",
        ),
        (
            "\n[[reminder]]",
            "\n[[stretch]]\nid = \"x\"\nname = \"X\"\nsteps = [\"Hold.\"]\nposition = \"chair\"\nhold = \"20s\"\nreps = {}\n[[reminder]]",
            "the limit is 100",
        ),
        ("max = 3", "max = {}", ""),
        ("call_max_hold = \"2h\"", "call_max_hold = \"{}\"", "1 day"),
    ];
    let mut runner = TestRunner::new(Cases {
        cases: cases(2_000),
        failure_persistence: None,
        ..Cases::default()
    });
    let value = prop_oneof![
        (8_u64..u64::MAX).prop_map(|n| format!("{n}d")),
        (1_u64..u64::MAX / 2).prop_map(|n| format!("{n}y")),
        (604_801_u64..u64::MAX).prop_map(|n| format!("{n}s")),
    ];
    let count = prop_oneof![
        (101_u64..=u64::from(u32::MAX)),
        (u64::from(u32::MAX) + 1..u64::MAX)
    ];
    let result = runner.run(&(0..keys.len(), value, count), |(k, value, count)| {
        let (find, with, limit) = keys[k];
        let hold = if with.contains("hold = \"{}\"") {
            // A hold is whole seconds: "<n>s".
            format!("{}s", 3601 + count)
        } else {
            value.clone()
        };
        let replacement = match k {
            5 | 6 => with.replace("{}", &count.to_string()),
            4 => with.replace("{}", &hold),
            _ => with.replace("{}", &value),
        };
        let text = DEFAULT_TOML.replacen(find, &replacement, 1);
        match Config::parse(&text, &Origin::File(FILE.into())) {
            // `snooze.max` has no limit of its own: any count is a valid max.
            Ok(_) => prop_assert!(k == 6 && u32::try_from(count).is_ok(), "{replacement}"),
            Err(e) => {
                error_points_inside(&text, &e)?;
                let shown = e.to_string();
                prop_assert!(
                    shown.contains(limit)
                        || ((5..=6).contains(&k) && shown.contains("invalid"))
                        || (k == 4 && shown.contains("hold time")),
                    "{replacement}: {shown}"
                );
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("huge values: {e}");
    }
}

/// What the fuzzing found, kept as plain tests.
#[test]
fn regressions_found_by_fuzzing() {
    // `every = "300000y"` once loaded and, added to a date, overflowed and panicked in the
    // schedule; `grace` and `natural_break` that long did the same when a hold or an absence
    // ended. Every duration is bounded where the config is read, with the key and the limit.
    for (key, value, limit) in [
        ("grace = \"30s\"", "grace = \"300000y\"", "1h"),
        (
            "natural_break = \"5m\"",
            "natural_break = \"300000y\"",
            "1 day",
        ),
        ("length = \"10m\"", "length = \"100000000000y\"", "1 day"),
    ] {
        let huge = DEFAULT_TOML.replace(key, value);
        assert_ne!(huge, DEFAULT_TOML, "{key}");
        let e = Config::parse(&huge, &Origin::Embedded)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(&format!("{value} is too long; the limit is {limit}")),
            "{e}"
        );
    }
    // An interval that long is refused as any that never fits a work window is: the
    // longest is the limit, not the bound of 7 days on what is read.
    let huge = DEFAULT_TOML.replace("every = \"40m\"", "every = \"300000y\"");
    let e = Config::parse(&huge, &Origin::Embedded)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("every = \"300000y\" never fits in a work window (the longest is 4h 30m)"),
        "{e}"
    );
    // A value with a newline (a multi-line string) broke the one-line message.
    let multi = DEFAULT_TOML.replace("id = \"posture\"", "id = \"\"\"two\nlines\"\"\"");
    let e = Config::parse(&multi, &Origin::File(FILE.into()))
        .unwrap_err()
        .to_string();
    assert!(!e.contains('\n'), "{e}");
    assert!(
        e.contains(r#"reminder id "two\nlines" is not a valid id"#),
        "{e}"
    );
    error_points_inside(
        &multi,
        &Config::parse(&multi, &Origin::File(FILE.into())).unwrap_err(),
    )
    .unwrap();
}

// ---- (c) random well-typed configs ----

const DAYS: [(&str, &str); 7] = [
    ("mon", "Monday"),
    ("tue", "tuesday"),
    ("wed", "WED"),
    ("thu", "thursday"),
    ("fri", "Fri"),
    ("sat", "saturday"),
    ("sun", "sunday"),
];

/// A humantime duration from 1 s to a few weeks, sometimes in two parts.
fn duration() -> impl Strategy<Value = (String, Duration)> {
    let unit = proptest::sample::select(&[("s", 1_u64), ("m", 60), ("h", 3600), ("d", 86_400)][..]);
    (1_u64..=90, unit, proptest::option::of(1_u64..=59)).prop_map(|(n, (u, secs), minutes)| {
        match minutes {
            Some(m) => (
                format!("{n}{u} {m}m"),
                Duration::from_secs(n * secs + m * 60),
            ),
            None => (format!("{n}{u}"), Duration::from_secs(n * secs)),
        }
    })
}

/// A [`duration`] of at most `max` seconds (a longer one becomes `max`): the config bounds
/// every duration key.
fn at_most(max: u64) -> impl Strategy<Value = (String, Duration)> {
    duration().prop_map(move |(s, d)| {
        if d.as_secs() > max {
            (format!("{max}s"), Duration::from_secs(max))
        } else {
            (s, d)
        }
    })
}

/// One crontab field: `*`, a value, a range, a step or a list, within `lo..=hi`.
fn field(lo: u32, hi: u32) -> impl Strategy<Value = String> {
    let value = lo..=hi;
    prop_oneof![
        2 => Just("*".to_owned()),
        3 => value.clone().prop_map(|v| v.to_string()),
        1 => (value.clone(), value.clone())
            .prop_map(|(a, b)| format!("{}-{}", a.min(b), a.max(b))),
        // The cron crate refuses a step as large as the range (`*/24` for hours).
        1 => (1..=(hi - lo).min(30)).prop_map(|s| format!("*/{s}")),
        1 => proptest::collection::btree_set(value, 1..4)
            .prop_map(|vs| vs.iter().map(u32::to_string).collect::<Vec<_>>().join(",")),
    ]
}

/// A crontab weekday field: numbers 0-7, names, ranges and lists.
fn weekday_field() -> impl Strategy<Value = String> {
    const NAMES: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    prop_oneof![
        2 => Just("*".to_owned()),
        2 => field(0, 7),
        1 => proptest::sample::select(&NAMES[..]).prop_map(str::to_owned),
        1 => (0_usize..7, 0_usize..7).prop_map(|(a, b)| format!("{}-{}", NAMES[a.min(b)], NAMES[a.max(b)])),
        1 => proptest::collection::btree_set(0_usize..7, 1..4)
            .prop_map(|ds| ds.iter().map(|d| NAMES[*d]).collect::<Vec<_>>().join(",")),
    ]
}

/// A 5-field crontab line, or 6 with seconds first, or a macro.
fn cron_line() -> impl Strategy<Value = String> {
    let five = || {
        (
            field(0, 59),
            field(0, 23),
            field(1, 31),
            field(1, 12),
            weekday_field(),
        )
    };
    prop_oneof![
        6 => five().prop_map(|(m, h, d, mo, w)| format!("{m} {h} {d} {mo} {w}")),
        2 => (field(0, 59), five()).prop_map(|(s, (m, h, d, mo, w))| format!("{s} {m} {h} {d} {mo} {w}")),
        1 => proptest::sample::select(&["@daily", "@hourly", "@weekly", "@monthly"][..]).prop_map(str::to_owned),
    ]
}

/// Non-overlapping work hours: sorted cut points in five-minute steps, paired up.
fn work_hours() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::btree_set(0_u32..=288, 2..7).prop_map(|cuts| {
        let cuts: Vec<u32> = cuts.into_iter().map(|c| c * 5).collect();
        cuts.chunks_exact(2)
            .map(|pair| {
                let hm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
                format!("{}-{}", hm(pair[0]), hm(pair[1]))
            })
            .collect()
    })
}

#[derive(Debug, Clone)]
enum GenTrigger {
    Every(String, Duration),
    Cron(String),
}

#[derive(Debug, Clone)]
struct GenReminder {
    kind: &'static str,
    trigger: GenTrigger,
    pin: Option<&'static str>,
}

fn reminder() -> impl Strategy<Value = GenReminder> {
    let trigger = prop_oneof![
        at_most(7 * 86_400).prop_map(|(s, d)| GenTrigger::Every(s, d)),
        cron_line().prop_map(GenTrigger::Cron),
    ];
    let kind_pin = prop_oneof![
        Just(("posture", None)),
        Just(("stretch", None)),
        Just(("session", None)),
        Just(("posture", Some("posture = \"sit-tall\""))),
        Just(("stretch", Some("stretch = \"seated-twist\""))),
        Just(("stretch", Some("stretch = \"my-stretch\""))),
    ];
    (trigger, kind_pin).prop_map(|(trigger, (kind, pin))| GenReminder { kind, trigger, pin })
}

#[derive(Debug, Clone)]
struct GenConfig {
    days: Vec<String>,
    hours: Vec<String>,
    snooze: (String, u32),
    positions: Vec<&'static str>,
    presence: (String, &'static str, String),
    goal: u32,
    reminders: Vec<GenReminder>,
}

fn gen_config() -> impl Strategy<Value = GenConfig> {
    let days = (1_u8..128, any::<bool>()).prop_map(|(mask, long)| {
        (0..7)
            .filter(|d| mask & (1 << d) != 0)
            .map(|d| {
                let (short, full) = DAYS[d];
                (if long { full } else { short }).to_owned()
            })
            .collect()
    });
    let positions = (1_u8..8).prop_map(|mask| {
        ["chair", "floor", "standing"]
            .into_iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, p)| p)
            .collect()
    });
    let grace = prop_oneof![Just("0s".to_owned()), at_most(3600).prop_map(|d| d.0)];
    let presence = (
        at_most(86_400).prop_map(|d| d.0),
        prop_oneof![Just("drop"), Just("once")],
        grace,
    );
    (
        days,
        work_hours(),
        (at_most(86_400).prop_map(|d| d.0), 0_u32..10),
        positions,
        presence,
        1_u32..20,
        proptest::collection::vec(reminder(), 1..6),
    )
        .prop_map(
            |(days, hours, snooze, positions, presence, goal, reminders)| GenConfig {
                days,
                hours,
                snooze,
                positions,
                presence,
                goal,
                reminders,
            },
        )
}

/// A list of TOML strings.
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect();
    format!("[{}]", quoted.join(", "))
}

fn render(c: &GenConfig) -> String {
    let mut t = String::new();
    let (snooze, max) = &c.snooze;
    let (natural_break, missed, grace) = &c.presence;
    writeln!(
        t,
        "[schedule]\nwork_days = {}\nwork_hours = {}",
        list(&c.days),
        list(&c.hours)
    )
    .unwrap();
    writeln!(t, "[snooze]\nlength = \"{snooze}\"\nmax = {max}").unwrap();
    writeln!(t, "[stretches]\npositions = {}", list(&c.positions)).unwrap();
    writeln!(t, "[goal]\nsessions_per_week = {}", c.goal).unwrap();
    writeln!(t, "[presence]\nnatural_break = \"{natural_break}\"\nmissed = \"{missed}\"\ngrace = \"{grace}\"").unwrap();
    for (i, r) in c.reminders.iter().enumerate() {
        writeln!(t, "[[reminder]]\nid = \"r{i}\"\nkind = \"{}\"", r.kind).unwrap();
        match &r.trigger {
            GenTrigger::Every(s, _) => writeln!(t, "every = \"{s}\"").unwrap(),
            GenTrigger::Cron(s) => writeln!(t, "cron = \"{s}\"").unwrap(),
        }
        if let Some(pin) = r.pin {
            writeln!(t, "{pin}").unwrap();
        }
    }
    t.push_str(
        "[[stretch]]\nid = \"my-stretch\"\nname = \"Mine\"\nsteps = [\"Reach up.\"]\nhold = \"20s\"\nposition = \"standing\"\n",
    );
    t
}

#[test]
fn random_well_typed_configs_load_and_preview_in_bounded_time() {
    let n = cases(1_000);
    let mut runner = TestRunner::new(Cases {
        cases: n,
        failure_persistence: None,
        ..Cases::default()
    });
    let started = Instant::now();
    let (never, nothing_fits, slowest) = (Cell::new(0), Cell::new(0), Cell::new(Duration::ZERO));
    let result = runner.run(&(gen_config(), instant()), |(c, from)| {
        let text = render(&c);
        let case = Instant::now();
        match Config::parse(&text, &Origin::File(FILE.into())) {
            Ok(config) => {
                prop_assert_eq!(config.reminders.len(), c.reminders.len());
                for (got, want) in config.reminders.iter().zip(&c.reminders) {
                    prop_assert_eq!(got.kind.as_str(), want.kind);
                    match (&got.trigger, &want.trigger) {
                        (Trigger::Every(got), GenTrigger::Every(_, want)) => {
                            prop_assert_eq!(got, want);
                        }
                        (Trigger::Cron(got), GenTrigger::Cron(want)) => {
                            prop_assert_eq!(got.source(), want.as_str());
                        }
                        (got, want) => prop_assert!(false, "{got} from {want:?}"),
                    }
                }
                prop_assert_eq!(config.work.ranges().len(), c.hours.len());
                prop_assert_eq!(config.work.days().len(), c.days.len());
                check(&text, from)?;
            }
            // The generator builds well-typed values; only these two checks look further.
            Err(e) => {
                error_points_inside(&text, &e)?;
                let shown = e.to_string();
                if shown.contains("it never fires")
                    || shown.contains("never fits in a work window")
                    || shown.contains("an interval must be shorter than a day")
                {
                    never.set(never.get() + 1);
                } else if shown.contains("no desk stretch fits") {
                    // Stretch reminders rotate through the chair stretches only.
                    prop_assert!(!c.positions.contains(&"chair"));
                    nothing_fits.set(nothing_fits.get() + 1);
                } else if shown.contains("no stretch fits") {
                    prop_assert!(
                        !c.positions.contains(&"chair") && !c.positions.contains(&"floor")
                    );
                    nothing_fits.set(nothing_fits.get() + 1);
                } else {
                    prop_assert!(false, "a well-typed config was rejected: {shown}\n{text}");
                }
            }
        }
        slowest.set(slowest.get().max(case.elapsed()));
        Ok(())
    });
    if let Err(e) = result {
        panic!("(c) well-typed configs: {e}");
    }
    println!(
        "(c) well-typed configs: {n} cases in {:.2?} ({} cron lines that never fire, {} with nothing to rotate, slowest case {:.2?})",
        started.elapsed(),
        never.get(),
        nothing_fits.get(),
        slowest.get()
    );
}
