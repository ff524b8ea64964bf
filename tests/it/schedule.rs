//! Table tests of the pure schedule engine with fixed instants in Europe/Berlin: work hours and
//! days, cron translation, both DST changes, gaps, snooze, rotation and preview.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Berlin;
use stretchd::config::{Config, Kind, Origin};
use stretchd::schedule::aside::{self, set_aside};
use stretchd::schedule::level::Level;
use stretchd::schedule::state::{Pause, Snooze, State};
use stretchd::schedule::{Fire, next_due, next_stretch, notice_read, preview, settle};

/// Monday to Friday, with a lunch break.
const OFFICE: &str = r#"
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri"]
work_hours = ["09:00-12:30", "13:30-18:00"]
"#;

/// Every day, all day.
const ALWAYS: &str = r#"
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["00:00-24:00"]
"#;

fn config(text: &str) -> Config {
    Config::parse(text, &Origin::Embedded).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// A `[[reminder]]` with `every`.
fn every(id: &str, kind: &str, every: &str) -> String {
    format!("\n[[reminder]]\nid = \"{id}\"\nkind = \"{kind}\"\nevery = \"{every}\"\n")
}

/// A `[[reminder]]` with `cron`.
fn cron(id: &str, kind: &str, line: &str) -> String {
    format!("\n[[reminder]]\nid = \"{id}\"\nkind = \"{kind}\"\ncron = \"{line}\"\n")
}

/// An instant from `"2026-10-25 02:30 +01:00"` (seconds optional).
fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S %:z")
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%d %H:%M %:z"))
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

/// Berlin wall-clock time with its offset, seconds only when not zero.
fn show(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&Berlin);
    if local.format("%S").to_string() == "00" {
        local.format("%Y-%m-%d %H:%M %:z").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M:%S %:z").to_string()
    }
}

/// A state that started at `started`, with these reminders last fired at these times.
fn state_at(started: &str, last_fired: &[(&str, &str)]) -> State {
    let mut state = State::new(t(started));
    for (id, at) in last_fired {
        state.last_fired.insert((*id).to_owned(), t(at));
    }
    state
}

/// A daemon awake from `from` to `to` (inclusive): sleeps until each due time and settles it.
/// Checks on the way that nothing is due in the past, nothing fires twice at one instant, and
/// whatever is due does fire.
fn run(config: &Config, state: &mut State, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Fire> {
    let mut now = from;
    let mut fires: Vec<Fire> = Vec::new();
    for _ in 0..10_000 {
        let Some(due) = next_due(config, state, now, &Berlin) else {
            return fires;
        };
        assert!(
            due.at >= now,
            "due at {} before now {}",
            show(due.at),
            show(now)
        );
        if due.at > to {
            return fires;
        }
        if let Some(last) = fires.last() {
            assert!(
                due.at > last.at,
                "{} due at {}, not after the last fire at {}",
                due.reminder,
                show(due.at),
                show(last.at)
            );
        }
        now = due.at;
        let fire = settle(config, state, now, &Berlin)
            .unwrap_or_else(|| panic!("{due:?} was due at {} but nothing fired", show(now)));
        assert_eq!(fire.reminder, due.reminder, "at {}", show(now));
        assert_eq!(fire.at, now);
        assert_eq!(fire.kind, due.kind);
        fires.push(fire);
    }
    panic!("no progress after 10000 rounds")
}

/// `"2026-10-19 09:50 +02:00 posture"` for each fire.
fn summary(fires: &[Fire]) -> Vec<String> {
    fires
        .iter()
        .map(|f| format!("{} {}", show(f.at), f.reminder))
        .collect()
}

/// One scenario: a config, a state, a span of time awake, and the fires expected in it.
struct Case {
    name: &'static str,
    config: String,
    started: &'static str,
    last_fired: &'static [(&'static str, &'static str)],
    from: &'static str,
    to: &'static str,
    expect: &'static [&'static str],
}

fn check(cases: Vec<Case>) {
    let mut failures = Vec::new();
    for c in cases {
        let config = config(&c.config);
        let mut state = state_at(c.started, c.last_fired);
        let got = summary(&run(&config, &mut state, t(c.from), t(c.to)));
        if got != c.expect {
            failures.push(format!(
                "{}:\n  expected {:#?}\n  got {got:#?}",
                c.name, c.expect
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A case awake from the start of its state.
fn case(
    name: &'static str,
    config: String,
    (started, to): (&'static str, &'static str),
    expect: &'static [&'static str],
) -> Case {
    Case {
        name,
        config,
        started,
        last_fired: &[],
        from: started,
        to,
        expect,
    }
}

#[test]
#[allow(clippy::too_many_lines)]
fn intervals_fire_only_in_work_hours_and_restart_at_each_window() {
    let p50 = format!("{OFFICE}{}", every("p", "posture", "50m"));
    check(vec![
        case(
            "a working Monday: restarts after lunch, stops at 18:00",
            p50.clone(),
            ("2026-10-19 07:00 +02:00", "2026-10-20 10:00 +02:00"),
            &[
                "2026-10-19 09:50 +02:00 p",
                "2026-10-19 10:40 +02:00 p",
                "2026-10-19 11:30 +02:00 p",
                "2026-10-19 12:20 +02:00 p",
                "2026-10-19 14:20 +02:00 p",
                "2026-10-19 15:10 +02:00 p",
                "2026-10-19 16:00 +02:00 p",
                "2026-10-19 16:50 +02:00 p",
                "2026-10-19 17:40 +02:00 p",
                "2026-10-20 09:50 +02:00 p",
            ],
        ),
        case(
            "Friday afternoon to Monday: nothing at the weekend",
            p50.clone(),
            ("2026-10-23 16:00 +02:00", "2026-10-26 11:00 +01:00"),
            &[
                "2026-10-23 16:50 +02:00 p",
                "2026-10-23 17:40 +02:00 p",
                "2026-10-26 09:50 +01:00 p",
                "2026-10-26 10:40 +01:00 p",
            ],
        ),
        case(
            "started at lunch: counts from the afternoon window",
            p50.clone(),
            ("2026-10-19 12:45 +02:00", "2026-10-19 15:00 +02:00"),
            &["2026-10-19 14:20 +02:00 p"],
        ),
        case(
            "started after hours: first fire the next morning",
            p50.clone(),
            ("2026-10-19 18:30 +02:00", "2026-10-20 10:00 +02:00"),
            &["2026-10-20 09:50 +02:00 p"],
        ),
        case(
            "started on Saturday: first fire on Monday",
            p50,
            ("2026-10-24 10:00 +02:00", "2026-10-26 10:00 +01:00"),
            &["2026-10-26 09:50 +01:00 p"],
        ),
        case(
            "a 50 min interval does not fit the 30 min left before lunch",
            format!("{OFFICE}{}", every("p", "posture", "50m")),
            ("2026-10-19 12:00 +02:00", "2026-10-19 15:00 +02:00"),
            &["2026-10-19 14:20 +02:00 p"],
        ),
        case(
            "2 h: 13:00 would be at lunch, so it waits for 13:30 + 2 h",
            format!("{OFFICE}{}", every("s", "stretch", "2h")),
            ("2026-10-19 09:00 +02:00", "2026-10-20 12:00 +02:00"),
            &[
                "2026-10-19 11:00 +02:00 s",
                "2026-10-19 15:30 +02:00 s",
                "2026-10-19 17:30 +02:00 s",
                "2026-10-20 11:00 +02:00 s",
            ],
        ),
        case(
            "the end of a window is exclusive",
            format!(
                "[schedule]\nwork_days = [\"mon\"]\nwork_hours = [\"09:00-10:00\"]\n{}",
                every("p", "posture", "30m")
            ),
            ("2026-10-19 08:00 +02:00", "2026-10-26 12:00 +01:00"),
            &["2026-10-19 09:30 +02:00 p", "2026-10-26 09:30 +01:00 p"],
        ),
        case(
            "seconds work (for tests)",
            format!("{OFFICE}{}", every("p", "posture", "3s")),
            ("2026-10-19 12:29:50 +02:00", "2026-10-19 13:30:07 +02:00"),
            &[
                "2026-10-19 12:29:53 +02:00 p",
                "2026-10-19 12:29:56 +02:00 p",
                "2026-10-19 12:29:59 +02:00 p",
                "2026-10-19 13:30:03 +02:00 p",
                "2026-10-19 13:30:06 +02:00 p",
            ],
        ),
        case(
            "all day every day: the interval counts on across midnight",
            format!("{ALWAYS}{}", every("p", "posture", "50m")),
            ("2026-10-19 22:30 +02:00", "2026-10-20 01:30 +02:00"),
            &[
                "2026-10-19 23:20 +02:00 p",
                "2026-10-20 00:10 +02:00 p",
                "2026-10-20 01:00 +02:00 p",
            ],
        ),
        case(
            "a night shift written as two ranges is one window across midnight",
            format!(
                "[schedule]\nwork_days = [\"mon\", \"tue\"]\nwork_hours = [\"00:00-06:00\", \"22:00-24:00\"]\n{}",
                every("p", "posture", "50m")
            ),
            ("2026-10-19 22:00 +02:00", "2026-10-20 03:00 +02:00"),
            &[
                "2026-10-19 22:50 +02:00 p",
                "2026-10-19 23:40 +02:00 p",
                "2026-10-20 00:30 +02:00 p",
                "2026-10-20 01:20 +02:00 p",
                "2026-10-20 02:10 +02:00 p",
                "2026-10-20 03:00 +02:00 p",
            ],
        ),
        case(
            "ranges that touch in a day are one window; a gap still restarts",
            format!(
                "[schedule]\nwork_days = [\"mon\"]\nwork_hours = [\"09:00-10:00\", \"10:00-11:00\", \"11:30-12:30\"]\n{}",
                every("p", "posture", "40m")
            ),
            ("2026-10-19 09:00 +02:00", "2026-10-19 13:00 +02:00"),
            &[
                "2026-10-19 09:40 +02:00 p",
                "2026-10-19 10:20 +02:00 p",
                "2026-10-19 12:10 +02:00 p",
            ],
        ),
        case(
            "the last day of an all-week run still ends at its midnight",
            format!(
                "[schedule]\nwork_days = [\"mon\", \"tue\"]\nwork_hours = [\"00:00-24:00\"]\n{}",
                every("p", "posture", "50m")
            ),
            ("2026-10-20 22:30 +02:00", "2026-10-26 01:00 +01:00"),
            &["2026-10-20 23:20 +02:00 p", "2026-10-26 00:50 +01:00 p"],
        ),
    ]);
    // An interval longer than any window: the config refuses it now ("never fits in a work
    // window"); the engine, handed one anyway, still fires nothing.
    let mut long = config(&format!("{OFFICE}{}", every("s", "stretch", "4h")));
    long.reminders[0].trigger =
        stretchd::config::Trigger::Every(std::time::Duration::from_secs(5 * 3600));
    let mut state = state_at("2026-10-19 09:00 +02:00", &[]);
    let fires = run(
        &long,
        &mut state,
        t("2026-10-19 09:00 +02:00"),
        t("2026-10-26 18:00 +01:00"),
    );
    assert_eq!(summary(&fires), Vec::<String>::new());
}

#[test]
fn nothing_is_due_before_hours_at_lunch_or_at_the_weekend() {
    let config = config(&format!("{OFFICE}{}", every("p", "posture", "25m")));
    for (now, next) in [
        ("2026-10-19 06:00 +02:00", "2026-10-19 09:25 +02:00"),
        ("2026-10-19 12:40 +02:00", "2026-10-19 13:55 +02:00"),
        ("2026-10-19 18:00 +02:00", "2026-10-20 09:25 +02:00"),
        ("2026-10-24 11:00 +02:00", "2026-10-26 09:25 +01:00"),
        ("2026-10-25 15:00 +01:00", "2026-10-26 09:25 +01:00"),
    ] {
        let mut state = State::new(t(now));
        let due = next_due(&config, &state, t(now), &Berlin).expect(now);
        assert_eq!(show(due.at), next, "from {now}");
        assert_eq!(due.reminder, "p");
        assert_eq!(due.kind, Kind::Posture);
        assert!(!due.snoozed);
        // Settling now fires nothing and changes nothing.
        let before = state.clone();
        assert_eq!(settle(&config, &mut state, t(now), &Berlin), None, "{now}");
        assert_eq!(state, before, "{now}");
    }
}

#[test]
#[allow(clippy::too_many_lines)]
fn cron_lines_are_crontab_lines_in_local_time() {
    let all_days = r#"
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["09:00-12:30", "13:30-18:00"]
"#;
    let week = ("2026-10-12 00:00 +02:00", "2026-10-18 23:59 +02:00");
    let mut cases = vec![
        case(
            "30 15 * * mon-fri: Monday to Friday 15:30, on both sides of the DST change",
            format!("{OFFICE}{}", cron("c", "stretch", "30 15 * * mon-fri")),
            ("2026-10-19 00:00 +02:00", "2026-10-26 23:00 +01:00"),
            &[
                "2026-10-19 15:30 +02:00 c",
                "2026-10-20 15:30 +02:00 c",
                "2026-10-21 15:30 +02:00 c",
                "2026-10-22 15:30 +02:00 c",
                "2026-10-23 15:30 +02:00 c",
                "2026-10-26 15:30 +01:00 c",
            ],
        ),
        case(
            "30 15 * * 1-5 is the same",
            format!("{all_days}{}", cron("c", "stretch", "30 15 * * 1-5")),
            week,
            &[
                "2026-10-12 15:30 +02:00 c",
                "2026-10-13 15:30 +02:00 c",
                "2026-10-14 15:30 +02:00 c",
                "2026-10-15 15:30 +02:00 c",
                "2026-10-16 15:30 +02:00 c",
            ],
        ),
        case(
            "1 is Monday (the cron crate's 1 is Sunday)",
            format!("{all_days}{}", cron("c", "posture", "0 12 * * 1")),
            week,
            &["2026-10-12 12:00 +02:00 c"],
        ),
        case(
            "6 is Saturday",
            format!("{all_days}{}", cron("c", "posture", "0 12 * * 6")),
            week,
            &["2026-10-17 12:00 +02:00 c"],
        ),
        case(
            "5-7 is Friday to Sunday",
            format!("{all_days}{}", cron("c", "posture", "0 12 * * 5-7")),
            week,
            &[
                "2026-10-16 12:00 +02:00 c",
                "2026-10-17 12:00 +02:00 c",
                "2026-10-18 12:00 +02:00 c",
            ],
        ),
        case(
            "6 fields: seconds first",
            format!("{OFFICE}{}", cron("c", "stretch", "15 30 15 * * mon-fri")),
            ("2026-10-19 00:00 +02:00", "2026-10-20 23:00 +02:00"),
            &[
                "2026-10-19 15:30:15 +02:00 c",
                "2026-10-20 15:30:15 +02:00 c",
            ],
        ),
        case(
            "6 fields with a crontab weekday 0",
            format!("{all_days}{}", cron("c", "stretch", "0 0 10 * * 0")),
            week,
            &["2026-10-18 10:00 +02:00 c"],
        ),
        case(
            "hourly: only the hours inside work hours, 09:00 in, 18:00 out",
            format!("{OFFICE}{}", cron("c", "posture", "0 * * * *")),
            ("2026-10-19 00:00 +02:00", "2026-10-19 23:59 +02:00"),
            &[
                "2026-10-19 09:00 +02:00 c",
                "2026-10-19 10:00 +02:00 c",
                "2026-10-19 11:00 +02:00 c",
                "2026-10-19 12:00 +02:00 c",
                "2026-10-19 14:00 +02:00 c",
                "2026-10-19 15:00 +02:00 c",
                "2026-10-19 16:00 +02:00 c",
                "2026-10-19 17:00 +02:00 c",
            ],
        ),
        case(
            "every 20 min over lunch",
            format!("{OFFICE}{}", cron("c", "posture", "*/20 * * * *")),
            ("2026-10-19 11:59 +02:00", "2026-10-19 14:00 +02:00"),
            &[
                "2026-10-19 12:00 +02:00 c",
                "2026-10-19 12:20 +02:00 c",
                "2026-10-19 13:40 +02:00 c",
                "2026-10-19 14:00 +02:00 c",
            ],
        ),
        case(
            "@daily (midnight) is never in office hours",
            format!("{OFFICE}{}", cron("c", "posture", "@daily")),
            ("2026-10-19 00:00 +02:00", "2026-10-26 23:00 +01:00"),
            &[],
        ),
    ];
    for line in ["0 10 * * 0", "0 10 * * 7", "0 10 * * sun", "0 10 * * SUN"] {
        cases.push(case(
            "Sunday, when Sunday is a work day",
            format!("{all_days}{}", cron("c", "stretch", line)),
            week,
            &["2026-10-18 10:00 +02:00 c"],
        ));
    }
    check(cases);
}

#[test]
fn a_cron_time_outside_work_days_is_never_due() {
    for line in ["0 10 * * 0", "0 10 * * 7", "0 10 * * sat,sun"] {
        let config = config(&format!("{OFFICE}{}", cron("c", "stretch", line)));
        let now = t("2026-10-19 08:00 +02:00");
        assert_eq!(
            next_due(&config, &State::new(now), now, &Berlin),
            None,
            "{line}"
        );
    }
}

#[test]
#[allow(clippy::too_many_lines)]
fn autumn_dst_a_repeated_cron_time_fires_once() {
    // 2026-10-25 in Berlin: 03:00 CEST goes back to 02:00 CET, so 02:00-03:00 happens twice.
    let at_0230 = format!("{ALWAYS}{}", cron("c", "stretch", "30 2 * * *"));
    let once: &[&str] = &["2026-10-25 02:30 +02:00 c", "2026-10-26 02:30 +01:00 c"];
    check(vec![
        case(
            "started the day before",
            at_0230.clone(),
            ("2026-10-24 12:00 +02:00", "2026-10-26 12:00 +01:00"),
            once,
        ),
        case(
            "started in the first pass of the repeated hour, before 02:30",
            at_0230.clone(),
            ("2026-10-25 02:10 +02:00", "2026-10-26 12:00 +01:00"),
            once,
        ),
        // The repeated time counts at its first instant (cronspec's documented rule), so a
        // state that starts after that instant has seen it go by: the second instant is not a
        // second chance.
        case(
            "started in the first pass, after the first 02:30",
            at_0230.clone(),
            ("2026-10-25 02:45 +02:00", "2026-10-26 12:00 +01:00"),
            &["2026-10-26 02:30 +01:00 c"],
        ),
        case(
            "started in the second pass, before the second 02:30",
            at_0230.clone(),
            ("2026-10-25 02:10 +01:00", "2026-10-26 12:00 +01:00"),
            &["2026-10-26 02:30 +01:00 c"],
        ),
        case(
            "started in the second pass, after the second 02:30",
            at_0230.clone(),
            ("2026-10-25 02:45 +01:00", "2026-10-26 12:00 +01:00"),
            &["2026-10-26 02:30 +01:00 c"],
        ),
        Case {
            name: "fired at the first 02:30, awake again in the second pass",
            config: at_0230.clone(),
            started: "2026-10-24 12:00 +02:00",
            last_fired: &[("c", "2026-10-25 02:30 +02:00")],
            from: "2026-10-25 02:10 +01:00",
            to: "2026-10-26 12:00 +01:00",
            expect: &["2026-10-26 02:30 +01:00 c"],
        },
        case(
            "hourly: the repeated 02:00 counts once",
            format!("{ALWAYS}{}", cron("c", "posture", "0 * * * *")),
            ("2026-10-25 00:30 +02:00", "2026-10-25 04:30 +01:00"),
            &[
                "2026-10-25 01:00 +02:00 c",
                "2026-10-25 02:00 +02:00 c",
                "2026-10-25 03:00 +01:00 c",
                "2026-10-25 04:00 +01:00 c",
            ],
        ),
        case(
            "every 30 min counts real time through the repeated hour",
            format!("{ALWAYS}{}", every("e", "posture", "30m")),
            ("2026-10-25 01:00 +02:00", "2026-10-25 03:30 +01:00"),
            &[
                "2026-10-25 01:30 +02:00 e",
                "2026-10-25 02:00 +02:00 e",
                "2026-10-25 02:30 +02:00 e",
                "2026-10-25 02:00 +01:00 e",
                "2026-10-25 02:30 +01:00 e",
                "2026-10-25 03:00 +01:00 e",
                "2026-10-25 03:30 +01:00 e",
            ],
        ),
        case(
            "office hours on the Monday after the change",
            format!("{OFFICE}{}", cron("c", "stretch", "30 9 * * *")),
            ("2026-10-23 10:00 +02:00", "2026-10-27 10:00 +01:00"),
            &["2026-10-26 09:30 +01:00 c", "2026-10-27 09:30 +01:00 c"],
        ),
    ]);
}

#[test]
fn spring_dst_a_missing_cron_time_is_skipped_not_moved() {
    // 2026-03-29 in Berlin: 02:00 CET jumps to 03:00 CEST, so 02:00-03:00 does not exist.
    let at_0230 = format!("{ALWAYS}{}", cron("c", "stretch", "30 2 * * *"));
    check(vec![
        case(
            "started the day before",
            at_0230.clone(),
            ("2026-03-28 12:00 +01:00", "2026-03-30 12:00 +02:00"),
            &["2026-03-30 02:30 +02:00 c"],
        ),
        case(
            "started just before the gap",
            at_0230.clone(),
            ("2026-03-29 01:59 +01:00", "2026-03-30 12:00 +02:00"),
            &["2026-03-30 02:30 +02:00 c"],
        ),
        case(
            "the day before the change still fires",
            at_0230,
            ("2026-03-27 12:00 +01:00", "2026-03-29 12:00 +02:00"),
            &["2026-03-28 02:30 +01:00 c"],
        ),
        case(
            "hourly: there is no 02:00",
            format!("{ALWAYS}{}", cron("c", "posture", "0 * * * *")),
            ("2026-03-29 00:30 +01:00", "2026-03-29 04:30 +02:00"),
            &[
                "2026-03-29 01:00 +01:00 c",
                "2026-03-29 03:00 +02:00 c",
                "2026-03-29 04:00 +02:00 c",
            ],
        ),
        case(
            "every 30 min counts real time across the gap",
            format!("{ALWAYS}{}", every("e", "posture", "30m")),
            ("2026-03-29 01:00 +01:00", "2026-03-29 04:00 +02:00"),
            &[
                "2026-03-29 01:30 +01:00 e",
                "2026-03-29 03:00 +02:00 e",
                "2026-03-29 03:30 +02:00 e",
                "2026-03-29 04:00 +02:00 e",
            ],
        ),
        case(
            "every 90 min across the gap",
            format!("{ALWAYS}{}", every("e", "posture", "90m")),
            ("2026-03-29 00:45 +01:00", "2026-03-29 05:00 +02:00"),
            &["2026-03-29 03:15 +02:00 e", "2026-03-29 04:45 +02:00 e"],
        ),
        // Ranges that touch in the gap are one window. 02:00-02:30 counts from the gap's start
        // (03:00-03:30 CEST); 02:30-03:00 is empty that day (03:30 to 03:00).
        case(
            "touching ranges in the gap are one window, from 01:00 CET to 03:30 CEST",
            format!(
                "[schedule]\nwork_days = [\"sun\"]\nwork_hours = [\"01:00-02:00\", \"02:00-02:30\", \"02:30-03:00\"]\n{}",
                every("e", "posture", "25m")
            ),
            ("2026-03-29 00:00 +01:00", "2026-03-29 05:00 +02:00"),
            &[
                "2026-03-29 01:25 +01:00 e",
                "2026-03-29 01:50 +01:00 e",
                "2026-03-29 03:15 +02:00 e",
            ],
        ),
        // 02:30-03:15 is empty that day (02:30 counts as 03:30): the range after it still
        // starts at 03:15.
        case(
            "an empty range in the gap does not delay the one that touches it",
            format!(
                "[schedule]\nwork_days = [\"sun\"]\nwork_hours = [\"02:30-03:15\", \"03:15-04:00\"]\n{}",
                every("e", "posture", "10m")
            ),
            ("2026-03-29 00:00 +01:00", "2026-03-29 03:40 +02:00"),
            &["2026-03-29 03:25 +02:00 e", "2026-03-29 03:35 +02:00 e"],
        ),
    ]);
}

#[test]
fn fires_never_go_backwards_and_intervals_are_real_time_across_dst() {
    for (from, to) in [
        // From midnight: with "00:00-24:00" each day is its own work window, and counting
        // restarts at its start.
        ("2026-10-25 00:00 +02:00", "2026-10-25 06:00 +01:00"),
        ("2026-03-29 00:00 +01:00", "2026-03-29 06:00 +02:00"),
    ] {
        let config = config(&format!(
            "{ALWAYS}{}{}{}",
            every("e", "posture", "17m"),
            cron("c", "stretch", "*/10 2 * * *"),
            cron("d", "stretch", "30 2 * * *")
        ));
        let mut state = State::new(t(from));
        let fires = run(&config, &mut state, t(from), t(to));
        assert!(fires.len() > 15, "{:#?}", summary(&fires));
        for pair in fires.windows(2) {
            assert!(pair[1].at > pair[0].at, "{:#?}", summary(&fires));
        }
        // Each wall-clock 02:x0 of the night fires at most once.
        let mut seen = std::collections::HashSet::new();
        for f in fires.iter().filter(|f| f.reminder != "e") {
            let wall = f.at.with_timezone(&Berlin).format("%H:%M").to_string();
            assert!(
                seen.insert(wall.clone()),
                "{wall} twice: {:#?}",
                summary(&fires)
            );
        }
        // Without the cron ones, the interval is exactly 17 real minutes.
        let config = config_only_every(&config);
        let mut state = State::new(t(from));
        let fires = run(&config, &mut state, t(from), t(to));
        for pair in fires.windows(2) {
            assert_eq!(pair[1].at - pair[0].at, Duration::minutes(17), "{from}");
        }
    }
}

/// Where ranges touch, across both DST changes and the week's end, the due time asked at any
/// moment before it stays put (the daemon sleeps towards it; `next` and `check` show it): asked
/// every 5 minutes and a second before it is due, it is the same and it fires then.
#[test]
fn the_due_time_does_not_move_with_now_in_windows_that_touch() {
    let every_day = r#"work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]"#;
    let configs = [
        format!("{ALWAYS}{}", every("p", "posture", "50m")),
        format!("{ALWAYS}{}", every("p", "posture", "23h59m")),
        format!(
            "{ALWAYS}{}{}",
            every("p", "posture", "9h"),
            cron("c", "stretch", "30 2 * * *")
        ),
        format!(
            "[schedule]\n{every_day}\nwork_hours = [\"22:00-24:00\", \"00:00-06:00\"]\n{}",
            every("p", "posture", "7h")
        ),
        format!(
            "[schedule]\n{every_day}\nwork_hours = [\"01:00-02:00\", \"02:00-03:00\", \"03:00-04:00\"]\n{}",
            every("p", "posture", "50m")
        ),
        format!(
            "[schedule]\nwork_days = [\"sun\", \"mon\"]\nwork_hours = [\"00:00-24:00\"]\n{}{}",
            every("p", "posture", "5h"),
            cron("c", "stretch", "30 */3 * * *")
        ),
    ];
    for text in &configs {
        let config = config(text);
        for (from, to) in [
            ("2026-10-24 12:00 +02:00", "2026-10-27 12:00 +01:00"),
            ("2026-03-28 12:00 +01:00", "2026-03-31 12:00 +02:00"),
        ] {
            let mut state = State::new(t(from) - Duration::days(3));
            let mut now = t(from);
            let mut fired = 0;
            while now < t(to) {
                let due = next_due(&config, &state, now, &Berlin).expect("something is due");
                let mut asked = now;
                while asked < due.at {
                    let again = next_due(&config, &state, asked, &Berlin).unwrap();
                    assert_eq!(
                        (again.at, &again.reminder),
                        (due.at, &due.reminder),
                        "asked at {} and at {}\n{text}",
                        show(now),
                        show(asked)
                    );
                    let step = asked + Duration::minutes(5);
                    asked = if step < due.at {
                        step
                    } else {
                        (due.at - Duration::seconds(1)).max(asked + Duration::seconds(1))
                    };
                }
                now = due.at;
                let fire = settle(&config, &mut state, now, &Berlin).expect("it fires");
                assert_eq!(fire.reminder, due.reminder);
                fired += 1;
            }
            assert!(fired > 2, "{from}\n{text}");
        }
    }
}

/// Where the clocks change at midnight (Havana and Santiago: 00:00 is skipped in spring, or
/// 23:00-24:00 repeats in autumn), and at half an hour (Lord Howe), all day every day and a
/// night shift still join across midnight: the interval is real time right through.
#[test]
fn windows_join_across_a_midnight_that_a_dst_change_skips_or_repeats() {
    use chrono_tz::America::{Havana, Santiago};
    use chrono_tz::Australia::Lord_Howe;
    let night = r#"
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["22:00-24:00", "00:00-06:00"]
"#;
    for hours in [ALWAYS, night] {
        let config = config(&format!("{hours}{}", every("p", "posture", "50m")));
        for (tz, night_of) in [
            (Havana, "2026-03-07T12:00:00Z"),
            (Havana, "2026-10-31T12:00:00Z"),
            (Santiago, "2026-04-04T12:00:00Z"),
            (Santiago, "2026-09-05T12:00:00Z"),
            (Lord_Howe, "2026-10-03T00:00:00Z"),
        ] {
            let from: DateTime<Utc> = night_of.parse().unwrap();
            let mut state = State::new(from);
            let mut now = from;
            let mut fires = Vec::new();
            while let Some(due) = next_due(&config, &state, now, &tz) {
                if due.at > from + Duration::hours(30) {
                    break;
                }
                now = due.at;
                fires.extend(settle(&config, &mut state, now, &tz).map(|f| f.at));
            }
            // One night's run (all day: the whole span) without a restart in it.
            let run: Vec<i64> = fires
                .windows(2)
                .map(|p| (p[1] - p[0]).num_minutes())
                .filter(|m| *m < 12 * 60)
                .collect();
            assert!(run.len() >= 6, "{tz} {night_of}: {fires:?}");
            assert!(run.iter().all(|m| *m == 50), "{tz} {night_of}: {fires:?}");
        }
    }
}

/// In the last week of 9999 an all-day run still fires, up to the end of the calendar's last
/// day that ends inside it (in Berlin all of 31 December, which ends at 23:00 UTC): a day that
/// ends in 10000 is left out, not the whole run it joins.
#[test]
fn an_all_day_run_fires_into_the_last_week_of_the_calendar() {
    let config = config(&format!("{ALWAYS}{}", every("p", "posture", "50m")));
    let from = t("9999-12-25 00:00 +01:00");
    let state = State::new(from);
    let fires = preview(&config, &state, from, 1000, &Berlin);
    assert_eq!(show(fires[0].at), "9999-12-25 00:50 +01:00");
    assert_eq!(show(fires.last().unwrap().at), "9999-12-31 23:30 +01:00");
}

fn config_only_every(c: &Config) -> Config {
    let mut c = c.clone();
    c.reminders.retain(|r| r.id == "e");
    c
}

#[test]
#[allow(clippy::too_many_lines)]
fn after_a_gap_at_most_one_reminder_fires() {
    let p50 = format!("{OFFICE}{}", every("p", "posture", "50m"));
    let default_three = format!(
        "{OFFICE}{}{}{}",
        every("posture", "posture", "25m"),
        every("stretch", "stretch", "50m"),
        cron("afternoon", "stretch", "30 15 * * mon-fri")
    );
    check(vec![
        Case {
            name: "asleep from 10:00 to 11:47: one fire at wake-up, next a full interval later",
            config: p50.clone(),
            started: "2026-10-19 07:00 +02:00",
            last_fired: &[("p", "2026-10-19 09:50 +02:00")],
            from: "2026-10-19 11:47 +02:00",
            to: "2026-10-19 15:00 +02:00",
            expect: &["2026-10-19 11:47 +02:00 p", "2026-10-19 14:20 +02:00 p"],
        },
        Case {
            name: "asleep from 09:55 to 10:58",
            config: p50.clone(),
            started: "2026-10-19 07:00 +02:00",
            last_fired: &[("p", "2026-10-19 09:50 +02:00")],
            from: "2026-10-19 10:58 +02:00",
            to: "2026-10-19 12:00 +02:00",
            expect: &["2026-10-19 10:58 +02:00 p", "2026-10-19 11:48 +02:00 p"],
        },
        Case {
            name: "late start: counting from 09:00, first seen at 11:00",
            config: p50.clone(),
            started: "2026-10-19 09:00 +02:00",
            last_fired: &[],
            from: "2026-10-19 11:00 +02:00",
            to: "2026-10-19 12:00 +02:00",
            expect: &["2026-10-19 11:00 +02:00 p", "2026-10-19 11:50 +02:00 p"],
        },
        Case {
            name: "three reminders overdue: the stretch fires, the others are absorbed",
            config: default_three.clone(),
            started: "2026-10-19 13:30 +02:00",
            last_fired: &[],
            from: "2026-10-19 16:45 +02:00",
            to: "2026-10-19 18:00 +02:00",
            expect: &[
                "2026-10-19 16:45 +02:00 stretch",
                "2026-10-19 17:10 +02:00 posture",
                "2026-10-19 17:35 +02:00 stretch",
            ],
        },
        Case {
            name: "posture and stretch overdue together",
            config: default_three,
            started: "2026-10-19 09:00 +02:00",
            last_fired: &[],
            from: "2026-10-19 11:00 +02:00",
            to: "2026-10-19 11:40 +02:00",
            expect: &[
                "2026-10-19 11:00 +02:00 stretch",
                "2026-10-19 11:25 +02:00 posture",
            ],
        },
        Case {
            name: "missed yesterday afternoon: dropped, counting restarts this morning",
            config: p50.clone(),
            started: "2026-10-19 09:00 +02:00",
            last_fired: &[("p", "2026-10-19 16:00 +02:00")],
            from: "2026-10-20 09:20 +02:00",
            to: "2026-10-20 11:30 +02:00",
            expect: &[
                "2026-10-20 09:50 +02:00 p",
                "2026-10-20 10:40 +02:00 p",
                "2026-10-20 11:30 +02:00 p",
            ],
        },
        Case {
            name: "missed before lunch, awake at lunch: dropped",
            config: p50.clone(),
            started: "2026-10-19 09:00 +02:00",
            last_fired: &[("p", "2026-10-19 11:30 +02:00")],
            from: "2026-10-19 12:45 +02:00",
            to: "2026-10-19 15:00 +02:00",
            expect: &["2026-10-19 14:20 +02:00 p"],
        },
        Case {
            name: "missed before lunch, awake after lunch: dropped",
            config: p50.clone(),
            started: "2026-10-19 09:00 +02:00",
            last_fired: &[("p", "2026-10-19 11:30 +02:00")],
            from: "2026-10-19 14:00 +02:00",
            to: "2026-10-19 15:10 +02:00",
            expect: &["2026-10-19 14:20 +02:00 p", "2026-10-19 15:10 +02:00 p"],
        },
        Case {
            name: "missed yesterday, awake late this morning: once at wake-up, then on",
            config: p50,
            started: "2026-10-19 09:00 +02:00",
            last_fired: &[("p", "2026-10-19 16:00 +02:00")],
            from: "2026-10-20 10:30 +02:00",
            to: "2026-10-20 12:10 +02:00",
            expect: &[
                "2026-10-20 10:30 +02:00 p",
                "2026-10-20 11:20 +02:00 p",
                "2026-10-20 12:10 +02:00 p",
            ],
        },
        Case {
            name: "cron missed yesterday: dropped",
            config: format!("{OFFICE}{}", cron("c", "stretch", "30 15 * * *")),
            started: "2026-10-19 09:00 +02:00",
            last_fired: &[("c", "2026-10-19 15:30 +02:00")],
            from: "2026-10-21 09:30 +02:00",
            to: "2026-10-22 16:00 +02:00",
            expect: &["2026-10-21 15:30 +02:00 c", "2026-10-22 15:30 +02:00 c"],
        },
        Case {
            name: "cron missed earlier in this window: once, at wake-up",
            config: format!("{OFFICE}{}", cron("c", "stretch", "30 15 * * *")),
            started: "2026-10-19 09:00 +02:00",
            last_fired: &[("c", "2026-10-19 15:30 +02:00")],
            from: "2026-10-20 17:10 +02:00",
            to: "2026-10-21 16:00 +02:00",
            expect: &["2026-10-20 17:10 +02:00 c", "2026-10-21 15:30 +02:00 c"],
        },
        Case {
            name: "a week asleep: nothing is made up",
            config: format!("{OFFICE}{}", every("p", "posture", "50m")),
            started: "2026-10-12 09:00 +02:00",
            last_fired: &[("p", "2026-10-12 09:50 +02:00")],
            from: "2026-10-19 08:00 +02:00",
            to: "2026-10-19 11:00 +02:00",
            expect: &["2026-10-19 09:50 +02:00 p", "2026-10-19 10:40 +02:00 p"],
        },
    ]);
}

/// Mondays to Fridays, all day: one window from Monday 00:00 to Saturday 00:00.
const WEEKDAYS_ALL_DAY: &str = r#"
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri"]
work_hours = ["00:00-24:00"]
"#;

/// A night shift written as two ranges, every night.
const NIGHTS: &str = r#"
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["00:00-06:00", "22:00-24:00"]
"#;

/// The gap rule where ranges touch: the window is the whole run, so what was missed in it
/// fires once at wake-up however many midnights the gap crossed, and what was missed before a
/// real break in work hours is dropped.
#[test]
#[allow(clippy::too_many_lines)]
fn after_a_gap_in_a_run_of_touching_ranges_the_run_is_the_window() {
    let weekly = format!("{WEEKDAYS_ALL_DAY}{}", cron("w", "stretch", "0 10 * * mon"));
    check(vec![
        Case {
            name: "night shift: asleep from 23:30 to 00:20, the 23:55 missed fires at wake-up",
            config: format!("{NIGHTS}{}", every("p", "posture", "1h")),
            started: "2026-10-18 22:00 +02:00",
            last_fired: &[("p", "2026-10-18 22:55 +02:00")],
            from: "2026-10-19 00:20 +02:00",
            to: "2026-10-19 02:30 +02:00",
            expect: &[
                "2026-10-19 00:20 +02:00 p",
                "2026-10-19 01:20 +02:00 p",
                "2026-10-19 02:20 +02:00 p",
            ],
        },
        Case {
            name: "night shift: missed at 05:50, asleep past 06:00 into the next night: dropped",
            config: format!("{NIGHTS}{}", every("p", "posture", "50m")),
            started: "2026-10-18 22:00 +02:00",
            last_fired: &[("p", "2026-10-19 05:00 +02:00")],
            from: "2026-10-19 22:10 +02:00",
            to: "2026-10-19 23:59 +02:00",
            expect: &["2026-10-19 22:50 +02:00 p", "2026-10-19 23:40 +02:00 p"],
        },
        Case {
            name: "all day: missed at 23:50, awake at 00:20: fires at wake-up, not at 00:50",
            config: format!("{ALWAYS}{}", every("p", "posture", "50m")),
            started: "2026-10-19 20:00 +02:00",
            last_fired: &[("p", "2026-10-19 23:00 +02:00")],
            from: "2026-10-20 00:20 +02:00",
            to: "2026-10-20 01:30 +02:00",
            expect: &["2026-10-20 00:20 +02:00 p", "2026-10-20 01:10 +02:00 p"],
        },
        Case {
            name: "weekly cron missed on Monday, awake on Tuesday: fires at wake-up",
            config: weekly.clone(),
            started: "2026-10-12 09:00 +02:00",
            last_fired: &[("w", "2026-10-12 10:00 +02:00")],
            from: "2026-10-20 12:00 +02:00",
            to: "2026-10-27 12:00 +01:00",
            expect: &["2026-10-20 12:00 +02:00 w", "2026-10-26 10:00 +01:00 w"],
        },
        Case {
            name: "weekly cron missed on Monday, awake on Thursday of the same run: fires too",
            config: weekly.clone(),
            started: "2026-10-12 09:00 +02:00",
            last_fired: &[("w", "2026-10-12 10:00 +02:00")],
            from: "2026-10-22 12:00 +02:00",
            to: "2026-10-27 12:00 +01:00",
            expect: &["2026-10-22 12:00 +02:00 w", "2026-10-26 10:00 +01:00 w"],
        },
        Case {
            name: "weekly cron missed on Monday, awake after the weekend: dropped",
            config: weekly,
            started: "2026-10-12 09:00 +02:00",
            last_fired: &[("w", "2026-10-12 10:00 +02:00")],
            from: "2026-10-26 08:00 +01:00",
            to: "2026-10-27 12:00 +01:00",
            expect: &["2026-10-26 10:00 +01:00 w"],
        },
    ]);
}

#[test]
fn after_a_gap_settle_fires_once_and_absorbs_the_rest() {
    let config = config(&format!(
        "{OFFICE}{}{}",
        every("posture", "posture", "25m"),
        every("stretch", "stretch", "50m")
    ));
    let mut state = state_at("2026-10-19 09:00 +02:00", &[]);
    let now = t("2026-10-19 11:40 +02:00");
    let fire = settle(&config, &mut state, now, &Berlin).expect("overdue");
    assert_eq!(fire.reminder, "stretch");
    assert_eq!(fire.at, now);
    assert_eq!(state.last_fired.get("posture"), Some(&now));
    assert_eq!(state.last_fired.get("stretch"), Some(&now));
    // Settling again at the same instant fires nothing: no burst.
    assert_eq!(settle(&config, &mut state, now, &Berlin), None);
    let due = next_due(&config, &state, now, &Berlin).unwrap();
    assert_eq!(
        (show(due.at), due.reminder.as_str()),
        ("2026-10-19 12:05 +02:00".to_owned(), "posture")
    );
}

/// What the daemon does when the user presses Snooze on `fire` at `now`: the engine's one rule.
fn snooze(config: &Config, state: &mut State, fire: &Fire, now: DateTime<Utc>, length: Duration) {
    stretchd::schedule::snooze(
        config,
        state,
        Some(fire),
        length.to_std().unwrap(),
        now,
        &Berlin,
    )
    .unwrap();
}

#[test]
fn a_snoozed_reminder_comes_back_with_the_same_stretch() {
    let config = config(&format!(
        "{OFFICE}{}{}",
        every("posture", "posture", "25m"),
        every("stretch", "stretch", "50m")
    ));
    let mut state = state_at("2026-10-19 09:00 +02:00", &[]);
    let fires = run(
        &config,
        &mut state,
        t("2026-10-19 09:00 +02:00"),
        t("2026-10-19 09:50 +02:00"),
    );
    let first = fires.last().unwrap().clone();
    assert_eq!(
        (show(first.at), first.reminder.as_str(), first.item.as_str()),
        (
            "2026-10-19 09:50 +02:00".to_owned(),
            "stretch",
            "thoracic-extension"
        )
    );
    assert_eq!(first.snoozes, 0);

    // Snoozed at 09:51 for 10 min, with its card opened: the safety notice counts as read.
    notice_read(&mut state, &first);
    snooze(
        &config,
        &mut state,
        &first,
        t("2026-10-19 09:51 +02:00"),
        Duration::minutes(10),
    );
    let due = next_due(&config, &state, t("2026-10-19 09:51 +02:00"), &Berlin).unwrap();
    assert_eq!(show(due.at), "2026-10-19 10:01 +02:00");
    assert_eq!(due.reminder, "stretch");
    assert!(due.snoozed);
    let back = settle(&config, &mut state, due.at, &Berlin).unwrap();
    assert_eq!(back.item, "thoracic-extension");
    assert_eq!(back.snoozes, 1);
    assert!(
        !back.safety,
        "the safety notice went with the first showing"
    );
    assert_eq!(state.snoozes, []);

    // Snoozed again: it counts.
    snooze(
        &config,
        &mut state,
        &back,
        t("2026-10-19 10:02 +02:00"),
        Duration::minutes(10),
    );
    let fires = run(
        &config,
        &mut state,
        t("2026-10-19 10:02 +02:00"),
        t("2026-10-19 11:10 +02:00"),
    );
    let got: Vec<(String, &str, &str, u32)> = fires
        .iter()
        .map(|f| (show(f.at), f.reminder.as_str(), f.item.as_str(), f.snoozes))
        .collect();
    let expect = [
        (
            "2026-10-19 10:12 +02:00",
            "stretch",
            "thoracic-extension",
            2,
        ),
        ("2026-10-19 10:15 +02:00", "posture", "", 0),
        ("2026-10-19 10:40 +02:00", "posture", "", 0),
        ("2026-10-19 11:02 +02:00", "stretch", "seated-twist", 0),
        ("2026-10-19 11:05 +02:00", "posture", "", 0),
    ];
    assert_eq!(got.len(), expect.len(), "{got:#?}");
    for (g, e) in got.iter().zip(expect) {
        assert_eq!(g.0, e.0, "{got:#?}");
        assert_eq!(g.1, e.1, "{got:#?}");
        if e.1 == "stretch" {
            assert_eq!(g.2, e.2, "{got:#?}");
        }
        assert_eq!(g.3, e.3, "{got:#?}");
    }
}

#[test]
fn a_snoozed_reminder_does_not_fire_on_its_own_schedule_meanwhile() {
    let config = config(&format!(
        "{OFFICE}{}{}",
        every("posture", "posture", "25m"),
        every("stretch", "stretch", "50m")
    ));
    let mut state = state_at("2026-10-19 09:00 +02:00", &[]);
    let fires = run(
        &config,
        &mut state,
        t("2026-10-19 09:00 +02:00"),
        t("2026-10-19 09:50 +02:00"),
    );
    let first = fires.last().unwrap().clone();
    // A long snooze that ends after the stretch's own next time (10:40).
    snooze(
        &config,
        &mut state,
        &first,
        t("2026-10-19 09:50 +02:00"),
        Duration::minutes(55),
    );
    let fires = run(
        &config,
        &mut state,
        t("2026-10-19 09:50 +02:00"),
        t("2026-10-19 10:50 +02:00"),
    );
    assert_eq!(
        summary(&fires),
        [
            "2026-10-19 10:15 +02:00 posture",
            "2026-10-19 10:40 +02:00 posture",
            "2026-10-19 10:45 +02:00 stretch",
        ]
    );
    let back = fires.last().unwrap();
    assert_eq!(
        (back.item.as_str(), back.snoozes),
        ("thoracic-extension", 1)
    );
}

#[test]
fn a_snooze_ending_outside_work_hours_is_dropped() {
    for reminders in [
        every("stretch", "stretch", "50m"),
        format!(
            "{}{}",
            every("stretch", "stretch", "50m"),
            every("posture", "posture", "25m")
        ),
    ] {
        let config = config(&format!("{OFFICE}{reminders}"));
        let mut state = state_at("2026-10-19 09:00 +02:00", &[]);
        let fires = run(
            &config,
            &mut state,
            t("2026-10-19 09:00 +02:00"),
            t("2026-10-19 12:20 +02:00"),
        );
        let last = fires.last().unwrap().clone();
        assert_eq!(show(last.at), "2026-10-19 12:20 +02:00");
        assert_eq!(last.reminder, "stretch");
        // Snoozed into the lunch break.
        snooze(
            &config,
            &mut state,
            &last,
            t("2026-10-19 12:25 +02:00"),
            Duration::minutes(10),
        );
        let fires = run(
            &config,
            &mut state,
            t("2026-10-19 12:25 +02:00"),
            t("2026-10-19 15:10 +02:00"),
        );
        let stretches: Vec<&Fire> = fires.iter().filter(|f| f.reminder == "stretch").collect();
        assert_eq!(stretches.len(), 2, "{reminders}: {:#?}", summary(&fires));
        for f in &stretches {
            assert_eq!(f.snoozes, 0, "{reminders}: {fires:#?}");
        }
        assert_eq!(
            show(stretches[0].at),
            "2026-10-19 14:20 +02:00",
            "{reminders}"
        );
        assert_ne!(
            stretches[0].item, last.item,
            "{reminders}: rotation goes on"
        );
        assert_eq!(state.snoozes, [], "{reminders}");
    }
}

#[test]
fn a_snooze_missed_in_an_earlier_window_is_dropped() {
    let config = config(&format!("{OFFICE}{}", every("stretch", "stretch", "50m")));
    let mut state = state_at(
        "2026-10-19 09:00 +02:00",
        &[("stretch", "2026-10-19 11:30 +02:00")],
    );
    state.snoozes = vec![Snooze {
        reminder: "stretch".into(),
        item: "seated-twist".into(),
        until: t("2026-10-19 12:20 +02:00"),
        count: 1,
    }];
    // Asleep from 12:00 to 14:00: the snooze ended in the morning window.
    let fires = run(
        &config,
        &mut state,
        t("2026-10-19 14:00 +02:00"),
        t("2026-10-19 15:00 +02:00"),
    );
    assert_eq!(summary(&fires), ["2026-10-19 14:20 +02:00 stretch"]);
    assert_eq!(fires[0].snoozes, 0);
    // Asleep from 12:00 to 12:25 instead: it comes back once, at wake-up.
    let mut state = state_at(
        "2026-10-19 09:00 +02:00",
        &[("stretch", "2026-10-19 11:30 +02:00")],
    );
    state.snoozes = vec![Snooze {
        reminder: "stretch".into(),
        item: "seated-twist".into(),
        until: t("2026-10-19 12:10 +02:00"),
        count: 1,
    }];
    let fires = run(
        &config,
        &mut state,
        t("2026-10-19 12:25 +02:00"),
        t("2026-10-19 15:00 +02:00"),
    );
    assert_eq!(
        summary(&fires),
        [
            "2026-10-19 12:25 +02:00 stretch",
            "2026-10-19 14:20 +02:00 stretch"
        ]
    );
    assert_eq!(
        (fires[0].item.as_str(), fires[0].snoozes),
        ("seated-twist", 1)
    );
}

/// Snoozes and pauses that end just after midnight in a run of touching ranges: the snooze is
/// inside the window, so it comes back (once, at wake-up, if the daemon slept through its end);
/// what fell due during a pause until midnight fires when it ends, as after any gap.
#[test]
fn snoozes_and_pauses_ending_after_midnight_in_a_run_of_touching_ranges() {
    for (hours, name) in [(NIGHTS, "night shift"), (ALWAYS, "all day")] {
        let config = config(&format!("{hours}{}", every("stretch", "stretch", "50m")));
        let snoozed = |until: &str| {
            let mut state = state_at(
                "2026-10-19 22:00 +02:00",
                &[("stretch", "2026-10-19 23:05 +02:00")],
            );
            state.snoozes = vec![Snooze {
                reminder: "stretch".into(),
                item: "seated-twist".into(),
                until: t(until),
                count: 1,
            }];
            state
        };
        // Awake: it comes back at 00:05, then counts on.
        let mut state = snoozed("2026-10-20 00:05 +02:00");
        let fires = run(
            &config,
            &mut state,
            t("2026-10-19 23:55 +02:00"),
            t("2026-10-20 01:00 +02:00"),
        );
        assert_eq!(
            summary(&fires),
            [
                "2026-10-20 00:05 +02:00 stretch",
                "2026-10-20 00:55 +02:00 stretch"
            ],
            "{name}"
        );
        assert_eq!(
            (fires[0].item.as_str(), fires[0].snoozes),
            ("seated-twist", 1)
        );
        // Asleep from 23:50 to 00:10 through its end at 23:58: it comes back at wake-up.
        let mut state = snoozed("2026-10-19 23:58 +02:00");
        let fires = run(
            &config,
            &mut state,
            t("2026-10-20 00:10 +02:00"),
            t("2026-10-20 01:00 +02:00"),
        );
        assert_eq!(
            summary(&fires),
            [
                "2026-10-20 00:10 +02:00 stretch",
                "2026-10-20 01:00 +02:00 stretch"
            ],
            "{name}"
        );
        assert_eq!(fires[0].snoozes, 1, "{name}");
        // Paused at 23:10 until midnight (`pause --until-tomorrow`): the 23:55 fell due during
        // the pause, in the same window, so it fires as the pause ends.
        let mut state = state_at(
            "2026-10-19 22:00 +02:00",
            &[("stretch", "2026-10-19 23:05 +02:00")],
        );
        state.pause = Some(Pause {
            until: Some(t("2026-10-20 00:00 +02:00")),
        });
        let fires = run(
            &config,
            &mut state,
            t("2026-10-19 23:10 +02:00"),
            t("2026-10-20 01:00 +02:00"),
        );
        assert_eq!(
            summary(&fires),
            [
                "2026-10-20 00:00 +02:00 stretch",
                "2026-10-20 00:50 +02:00 stretch"
            ],
            "{name}"
        );
    }
}

/// The stretches a day of `config` shows, in order.
fn stretches_of_a_day(config: &Config) -> Vec<String> {
    let mut state = State::new(t("2026-10-19 07:00 +02:00"));
    let fires = run(
        config,
        &mut state,
        t("2026-10-19 07:00 +02:00"),
        t("2026-10-20 18:00 +02:00"),
    );
    fires
        .into_iter()
        .filter(|f| f.kind == Kind::Stretch)
        .map(|f| f.item)
        .collect()
}

#[test]
fn stretches_rotate_least_recently_shown_first() {
    let stretch = every("s", "stretch", "50m");
    let cases: [(&str, String, &[&str]); 3] = [
        (
            "default: the desk stretches (chair and standing)",
            format!("{OFFICE}{stretch}"),
            &["thoracic-extension", "seated-twist"],
        ),
        (
            "with a foam roller: rolling is on the floor, for sessions",
            format!("{OFFICE}[stretches]\nequipment = [\"foam_roller\"]\n{stretch}"),
            &["thoracic-extension", "seated-twist"],
        ),
        (
            "chair only",
            format!("{OFFICE}[stretches]\npositions = [\"chair\"]\n{stretch}"),
            &["thoracic-extension", "seated-twist"],
        ),
    ];
    for (name, text, cycle) in cases {
        let shown = stretches_of_a_day(&config(&text));
        assert_eq!(shown.len(), 18, "{name}: {shown:?}");
        for (i, item) in shown.iter().enumerate() {
            assert_eq!(item, cycle[i % cycle.len()], "{name}: {shown:?}");
        }
        for pair in shown.windows(2) {
            assert_ne!(pair[0], pair[1], "{name}: {shown:?}");
        }
    }
}

#[test]
fn a_custom_stretch_joins_the_rotation_only_where_it_fits() {
    let custom = r#"
[[stretch]]
id = "doorway"
name = "Doorway chest opener"
steps = ["Stand in a doorway.", "Step through."]
hold = "20s"
position = "standing"
"#;
    let stretch = every("s", "stretch", "50m");
    let shown = stretches_of_a_day(&config(&format!(
        "{OFFICE}[stretches]\npositions = [\"chair\", \"standing\"]\n{custom}{stretch}"
    )));
    assert_eq!(
        shown[..6],
        [
            "thoracic-extension",
            "seated-twist",
            "doorway",
            "thoracic-extension",
            "seated-twist",
            "doorway"
        ]
    );
    let shown = stretches_of_a_day(&config(&format!(
        "{OFFICE}[stretches]\npositions = [\"chair\"]\n{custom}{stretch}"
    )));
    assert!(!shown.iter().any(|s| s == "doorway"), "{shown:?}");
}

#[test]
fn the_suggested_stretch_is_the_next_one_shown_else_the_rotations_else_the_first() {
    let now = t("2026-10-19 10:00 +02:00");
    let suggest = |text: &str, state: &State| {
        next_stretch(&config(text), state, now, &Berlin).map(|s| s.id.clone())
    };
    let pinned = "\n[[reminder]]\nid = \"p\"\nkind = \"stretch\"\nevery = \"50m\"\nstretch = \"thread-the-needle\"\n";
    let fresh = State::new(now);
    // What the schedule shows next, here a pinned stretch.
    let text = format!("{OFFICE}{pinned}");
    assert_eq!(suggest(&text, &fresh).as_deref(), Some("thread-the-needle"));
    // Nothing fires while paused: the rotation's next, which never repeats the last one.
    let mut paused = fresh.clone();
    paused.pause = Some(Pause { until: None });
    assert_eq!(
        suggest(&text, &paused).as_deref(),
        Some("thoracic-extension")
    );
    paused.rotation.stretch_shown("thoracic-extension", now);
    assert_eq!(suggest(&text, &paused).as_deref(), Some("seated-twist"));
    // Posture checks only: the rotation's next among the desk stretches that fit...
    let postures = format!("{OFFICE}{}", every("p", "posture", "25m"));
    let chair = format!(
        "{OFFICE}[stretches]\npositions = [\"chair\"]\n{}",
        every("p", "posture", "25m")
    );
    assert_eq!(
        suggest(&postures, &fresh).as_deref(),
        Some("thoracic-extension")
    );
    assert_eq!(
        suggest(&chair, &fresh).as_deref(),
        Some("thoracic-extension")
    );
    // ...and when none fits, the catalogue's first.
    let standing = format!(
        "{OFFICE}[stretches]\npositions = [\"standing\"]\n{}",
        every("p", "posture", "25m")
    );
    assert_eq!(suggest(&standing, &fresh).as_deref(), Some("cat-camel"));
    // ...that is not set aside: a stretch that hurt is never suggested.
    let config = self::config(&standing);
    let mut state = fresh.clone();
    set_aside(&mut state, "cat-camel", aside::HURT, now);
    assert_eq!(
        next_stretch(&config, &state, now, &Berlin).map(|s| s.id.as_str()),
        Some("thoracic-extension")
    );
    for s in &config.catalog.stretches {
        set_aside(&mut state, &s.id, aside::HURT, now);
    }
    assert_eq!(next_stretch(&config, &state, now, &Berlin), None);
}

#[test]
fn a_pinned_stretch_always_shows_that_stretch() {
    let pinned = "\n[[reminder]]\nid = \"p\"\nkind = \"stretch\"\nevery = \"50m\"\nstretch = \"thread-the-needle\"\n";
    let shown = stretches_of_a_day(&config(&format!("{OFFICE}{pinned}")));
    assert_eq!(shown.len(), 18);
    assert!(shown.iter().all(|s| s == "thread-the-needle"), "{shown:?}");
    // Pinned even when its position is not allowed for rotation.
    let shown = stretches_of_a_day(&config(&format!(
        "{OFFICE}[stretches]\npositions = [\"chair\"]\n{pinned}"
    )));
    assert!(shown.iter().all(|s| s == "thread-the-needle"), "{shown:?}");
    // A pinned posture check too.
    let config = config(&format!(
        "{OFFICE}\n[[reminder]]\nid = \"q\"\nkind = \"posture\"\nevery = \"25m\"\nposture = \"shoulders\"\n"
    ));
    let mut state = State::new(t("2026-10-19 07:00 +02:00"));
    let fires = run(
        &config,
        &mut state,
        t("2026-10-19 07:00 +02:00"),
        t("2026-10-19 18:00 +02:00"),
    );
    assert!(fires.len() > 10);
    assert!(fires.iter().all(|f| f.item == "shoulders"), "{fires:#?}");
}

#[test]
fn the_default_day_rotates_desk_stretches_and_ends_with_a_session() {
    let config = config(stretchd::config::DEFAULT_TOML);
    let mut state = State::new(t("2026-10-19 07:00 +02:00"));
    let fires = run(
        &config,
        &mut state,
        t("2026-10-19 07:00 +02:00"),
        t("2026-10-19 18:00 +02:00"),
    );
    // Monday 19 October: desk stretches every 90 minutes, the session at 17:00.
    let stretches: Vec<(String, &str, &str)> = fires
        .iter()
        .filter(|f| f.kind != Kind::Posture)
        .map(|f| (show(f.at), f.reminder.as_str(), f.item.as_str()))
        .collect();
    let expect = [
        ("10:30", "stretch", "thoracic-extension"),
        ("12:00", "stretch", "seated-twist"),
        ("15:00", "stretch", "thoracic-extension"),
        ("16:30", "stretch", "seated-twist"),
        ("17:00", "session", "session"),
    ];
    let got: Vec<(String, &str, &str)> = stretches
        .iter()
        .map(|(at, r, i)| (at[11..16].to_owned(), *r, *i))
        .collect();
    let expect: Vec<(String, &str, &str)> = expect
        .iter()
        .map(|(a, r, i)| ((*a).to_owned(), *r, *i))
        .collect();
    assert_eq!(got, expect);
    // Posture checks rotate too, without repeats, and never at a stretch's time.
    let postures: Vec<&Fire> = fires.iter().filter(|f| f.kind == Kind::Posture).collect();
    assert!(postures.len() >= 8);
    for pair in postures.windows(2) {
        assert_ne!(pair[0].item, pair[1].item);
    }
}

#[test]
fn the_safety_notice_goes_with_every_stretch_until_it_is_read() {
    let config = config(stretchd::config::DEFAULT_TOML);
    // (whether the card of each stretch is opened, stretches that point to the notice)
    for (read, carried) in [(false, 4), (true, 1)] {
        let mut state = State::new(t("2026-10-19 07:00 +02:00"));
        let mut now = t("2026-10-19 07:00 +02:00");
        let mut flagged = Vec::new();
        while flagged.len() < 4 && now < t("2026-10-20 00:00 +02:00") {
            let Some(due) = next_due(&config, &state, now, &Berlin) else {
                break;
            };
            now = due.at;
            let Some(fire) = settle(&config, &mut state, now, &Berlin) else {
                continue;
            };
            if fire.kind == Kind::Posture {
                assert!(!fire.safety, "a posture check carries the notice");
                continue;
            }
            flagged.push(fire.safety);
            if read {
                notice_read(&mut state, &fire);
            }
        }
        assert_eq!(flagged.len(), 4, "{read}");
        let expected: Vec<bool> = (0..4).map(|i| i < carried).collect();
        assert_eq!(flagged, expected, "{read}");
        assert_eq!(state.safety_shown, read, "{read}");
    }
}

#[test]
fn the_rotation_skips_set_aside_stretches_even_a_pinned_or_snoozed_one() {
    let config1 = config(stretchd::config::DEFAULT_TOML);
    let mut state = State::new(t("2026-10-19 07:00 +02:00"));
    for id in ["cat-camel", "seated-twist"] {
        set_aside(&mut state, id, aside::HURT, t("2026-10-19 07:00 +02:00"));
    }
    let fires = run(
        &config1,
        &mut state,
        t("2026-10-19 07:00 +02:00"),
        t("2026-10-20 18:00 +02:00"),
    );
    let stretches: Vec<&str> = fires
        .iter()
        .filter(|f| f.kind == Kind::Stretch)
        .map(|f| f.item.as_str())
        .collect();
    assert!(stretches.len() >= 6, "{stretches:?}");
    assert!(
        stretches
            .iter()
            .all(|id| *id != "cat-camel" && *id != "seated-twist"),
        "{stretches:?}"
    );
    // A pinned stretch set aside gives way to the rotation.
    let pinned = self::config(&format!(
        "{OFFICE}\n[[reminder]]\nid = \"c\"\nkind = \"stretch\"\ncron = \"0 10 * * *\"\nstretch = \"cat-camel\"\n"
    ));
    let mut state = State::new(t("2026-10-19 07:00 +02:00"));
    set_aside(
        &mut state,
        "cat-camel",
        aside::HURT,
        t("2026-10-19 07:00 +02:00"),
    );
    let fires = run(
        &pinned,
        &mut state,
        t("2026-10-19 07:00 +02:00"),
        t("2026-10-19 18:00 +02:00"),
    );
    assert_eq!(fires.len(), 1);
    assert_ne!(fires[0].item, "cat-camel");
    // So does a snoozed one.
    let mut state = State::new(t("2026-10-19 07:00 +02:00"));
    let first = run(
        &config1,
        &mut state,
        t("2026-10-19 09:00 +02:00"),
        // The default's stretch reminder comes every 90 minutes of work hours.
        t("2026-10-19 10:40 +02:00"),
    )
    .into_iter()
    .find(|f| f.kind == Kind::Stretch)
    .unwrap();
    snooze(
        &config1,
        &mut state,
        &first,
        first.at,
        Duration::minutes(10),
    );
    set_aside(&mut state, &first.item, aside::HURT, first.at);
    let due = next_due(&config1, &state, first.at, &Berlin).unwrap();
    assert!(due.snoozed);
    let back = settle(&config1, &mut state, due.at, &Berlin).unwrap();
    assert_ne!(back.item, first.item);
    // With every stretch set aside, no stretch is shown.
    let mut state = State::new(t("2026-10-19 07:00 +02:00"));
    for s in &config1.catalog.stretches {
        set_aside(&mut state, &s.id, aside::HURT, t("2026-10-19 07:00 +02:00"));
    }
    let fires = preview(&config1, &state, t("2026-10-19 07:00 +02:00"), 20, &Berlin);
    assert!(fires.len() >= 10, "{fires:?}");
    assert!(fires.iter().all(|f| f.kind == Kind::Posture), "{fires:?}");
}

#[test]
fn a_stretch_fires_with_its_level() {
    let config = config(stretchd::config::DEFAULT_TOML);
    let mut state = State::new(t("2026-10-19 07:00 +02:00"));
    let level = Level {
        hold_secs: 25,
        done_in_row: 1,
    };
    state.levels.insert("cat-camel".into(), level);
    state.levels.insert("thoracic-extension".into(), level);
    let fires = run(
        &config,
        &mut state,
        t("2026-10-19 07:00 +02:00"),
        t("2026-10-19 12:00 +02:00"),
    );
    for f in &fires {
        let expected =
            (f.kind == Kind::Stretch && state.levels.contains_key(&f.item)).then_some(level);
        assert_eq!(f.level, expected, "{f:?}");
    }
    assert!(fires.iter().any(|f| f.level.is_some()));
}

#[test]
fn preview_from_friday_evening_shows_monday() {
    let config = config(stretchd::config::DEFAULT_TOML);
    let from = t("2026-10-23 19:00 +02:00");
    let state = State::new(from);
    let fires = preview(&config, &state, from, 9, &Berlin);
    let got: Vec<String> = fires
        .iter()
        .map(|f| format!("{} {} {}", show(f.at), f.reminder, f.item))
        .collect();
    assert_eq!(
        got,
        [
            "2026-10-26 09:40 +01:00 posture sit-tall",
            "2026-10-26 10:20 +01:00 posture shoulders",
            "2026-10-26 10:30 +01:00 stretch thoracic-extension",
            "2026-10-26 11:00 +01:00 posture screen-height",
            "2026-10-26 11:40 +01:00 posture back-support",
            "2026-10-26 12:00 +01:00 stretch seated-twist",
            "2026-10-26 12:20 +01:00 posture feet-flat",
            "2026-10-26 14:10 +01:00 posture desk-height",
            "2026-10-26 14:50 +01:00 posture breathe",
        ]
    );
    assert!(fires[2].safety);
    // Preview works on a copy.
    assert_eq!(state, State::new(from));
    assert!(preview(&config, &state, from, 0, &Berlin).is_empty());
    // Far more than a day's worth still comes out in order.
    let many = preview(&config, &state, from, 100, &Berlin);
    assert_eq!(many.len(), 100);
    for pair in many.windows(2) {
        assert!(pair[1].at > pair[0].at);
    }
    assert!(many.iter().all(|f| {
        let local = f.at.with_timezone(&Berlin);
        !matches!(
            chrono::Datelike::weekday(&local),
            chrono::Weekday::Sat | chrono::Weekday::Sun
        )
    }));
}

#[test]
fn snoozing_the_next_reminder_twice_snoozes_two_reminders() {
    use stretchd::schedule::snooze as snooze_next;
    let config = config(&format!(
        "{OFFICE}{}{}",
        every("a", "posture", "10m"),
        every("b", "stretch", "12m")
    ));
    let now = t("2026-10-19 09:00 +02:00");
    let mut state = state_at("2026-10-19 09:00 +02:00", &[]);
    let hour = std::time::Duration::from_secs(3600);
    // `stretchd snooze 1h` twice: the next one (a, due 09:10), then the next one again (b).
    let first = snooze_next(&config, &mut state, None, hour, now, &Berlin).unwrap();
    assert_eq!(
        (first.reminder.as_str(), show(first.until)),
        ("a", "2026-10-19 10:10 +02:00".to_owned())
    );
    let second = snooze_next(&config, &mut state, None, hour, now, &Berlin).unwrap();
    assert_eq!(
        (second.reminder.as_str(), show(second.until)),
        ("b", "2026-10-19 10:12 +02:00".to_owned())
    );
    assert_eq!(state.snoozes.len(), 2, "{:?}", state.snoozes);
    // Neither comes back on its own schedule meanwhile: the first snooze holds too.
    let fires = run(&config, &mut state, now, t("2026-10-19 10:13 +02:00"));
    assert_eq!(
        summary(&fires),
        ["2026-10-19 10:10 +02:00 a", "2026-10-19 10:12 +02:00 b"]
    );
    assert!(fires.iter().all(|f| f.snoozes == 1), "{fires:?}");
}

#[test]
fn snoozes_count_per_reminder_however_they_alternate() {
    use stretchd::schedule::{SnoozeError, snooze as snooze_one};
    let mut config = config(&format!(
        "{OFFICE}{}{}",
        every("a", "posture", "10m"),
        every("b", "stretch", "12m")
    ));
    config.snooze.max = 2;
    let ten = std::time::Duration::from_secs(600);
    let mut state = state_at("2026-10-19 09:00 +02:00", &[]);
    let at = t("2026-10-19 09:10 +02:00");
    let a = settle(&config, &mut state, at, &Berlin).unwrap();
    assert_eq!(a.reminder, "a");
    // Snoozed on screen, then `stretchd snooze` for the next one (b): a keeps its count.
    snooze_one(&config, &mut state, Some(&a), ten, at, &Berlin).unwrap();
    let hour = std::time::Duration::from_secs(3600);
    let b = snooze_one(&config, &mut state, None, hour, at, &Berlin).unwrap();
    assert_eq!((b.reminder.as_str(), b.count), ("b", 1));
    let a_again = settle(&config, &mut state, t("2026-10-19 09:20 +02:00"), &Berlin).unwrap();
    assert_eq!((a_again.reminder.as_str(), a_again.snoozes), ("a", 1));
    snooze_one(
        &config,
        &mut state,
        Some(&a_again),
        ten,
        t("2026-10-19 09:20 +02:00"),
        &Berlin,
    )
    .unwrap();
    let a_third = settle(&config, &mut state, t("2026-10-19 09:30 +02:00"), &Berlin).unwrap();
    assert_eq!((a_third.reminder.as_str(), a_third.snoozes), ("a", 2));
    let refused = snooze_one(
        &config,
        &mut state,
        Some(&a_third),
        ten,
        t("2026-10-19 09:30 +02:00"),
        &Berlin,
    );
    assert!(
        matches!(&refused, Err(SnoozeError::Limit { reminder, max: 2 }) if reminder == "a"),
        "{refused:?}"
    );
    // b's snooze was left alone by all of a's.
    assert!(
        state
            .snoozes
            .iter()
            .any(|s| s.reminder == "b" && s.count == 1),
        "{:?}",
        state.snoozes
    );
}

#[test]
fn snoozes_and_pauses_past_their_limit_are_refused_not_overflowed() {
    use stretchd::config::{MAX_PAUSE, MAX_SNOOZE};
    use stretchd::schedule::hold_end;
    let now = t("2026-11-24 10:00 +00:00");
    let hour = std::time::Duration::from_secs(3600);
    assert_eq!(
        hold_end(now, hour, MAX_SNOOZE),
        Some(now + Duration::hours(1))
    );
    assert!(hold_end(now, MAX_PAUSE, MAX_PAUSE).is_some());
    assert_eq!(hold_end(now, MAX_SNOOZE + hour, MAX_SNOOZE), None);
    assert_eq!(
        hold_end(
            now,
            std::time::Duration::from_secs(u64::MAX),
            std::time::Duration::MAX
        ),
        None
    );
    assert_eq!(hold_end(DateTime::<Utc>::MAX_UTC, hour, MAX_PAUSE), None);
}

/// The program: a rotating stretch reminder picks only desk stretches (chair or standing, no
/// equipment) for any positions and equipment, and a session reminder fires the whole session.
#[test]
fn stretch_reminders_rotate_through_desk_stretches_and_sessions_fire_whole() {
    let table: [(&str, &str, &[&str]); 4] = [
        (
            r#"["chair", "floor", "standing"]"#,
            r#"["foam_roller"]"#,
            &["thoracic-extension", "seated-twist"],
        ),
        (
            r#"["chair", "floor", "standing"]"#,
            "[]",
            &["thoracic-extension", "seated-twist"],
        ),
        (
            r#"["chair"]"#,
            "[]",
            &["thoracic-extension", "seated-twist"],
        ),
        (
            r#"["chair", "floor"]"#,
            "[]",
            &["thoracic-extension", "seated-twist"],
        ),
    ];
    for (positions, equipment, desk) in table {
        let text = format!(
            "{ALWAYS}\n[stretches]\npositions = {positions}\nequipment = {equipment}\n{}{}",
            every("stretch", "stretch", "10m"),
            cron("session", "session", "0 17 * * *")
        );
        let config = config(&text);
        let fires = preview(
            &config,
            &State::new(t("2026-11-23 09:00 +01:00")),
            t("2026-11-23 09:00 +01:00"),
            200,
            &Berlin,
        );
        let mut stretches: Vec<&str> = fires
            .iter()
            .filter(|f| f.kind == Kind::Stretch)
            .map(|f| f.item.as_str())
            .collect();
        assert!(stretches.len() > 150, "{positions} {equipment}");
        stretches.sort_unstable();
        stretches.dedup();
        let mut expected = desk.to_vec();
        expected.sort_unstable();
        assert_eq!(stretches, expected, "{positions} {equipment}");
        let sessions: Vec<&Fire> = fires.iter().filter(|f| f.kind == Kind::Session).collect();
        assert!(!sessions.is_empty(), "{positions} {equipment}");
        for s in sessions {
            assert_eq!(s.item, "session");
            assert_eq!(s.reminder, "session");
            assert_eq!(show(s.at).get(11..16), Some("17:00"), "{}", show(s.at));
        }
    }
}

/// A session that falls due with a stretch and a posture check wins: it includes both.
#[test]
fn a_session_wins_a_tie_with_a_stretch_and_a_posture_check() {
    let text = format!(
        "{ALWAYS}{}{}{}",
        cron("posture", "posture", "0 17 * * *"),
        cron("stretch", "stretch", "0 17 * * *"),
        cron("session", "session", "0 17 * * *")
    );
    let config = config(&text);
    let mut state = State::new(t("2026-11-23 09:00 +01:00"));
    let fires = run(
        &config,
        &mut state,
        t("2026-11-23 09:00 +01:00"),
        t("2026-11-23 18:00 +01:00"),
    );
    assert_eq!(summary(&fires), ["2026-11-23 17:00 +01:00 session"]);
}

/// Only floor positions: a stretch reminder has no desk stretch to rotate through, and the
/// config says so and how to fix it; a session alone is fine.
#[test]
fn a_stretch_reminder_without_a_desk_stretch_is_refused_with_the_fix() {
    let floor = "\n[stretches]\npositions = [\"floor\"]\n";
    let text = format!("{ALWAYS}{floor}{}", every("stretch", "stretch", "10m"));
    let err = Config::parse(&text, &Origin::Embedded)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no desk stretch fits"), "{err}");
    assert!(err.contains("kind = \"session\""), "{err}");
    let text = format!("{ALWAYS}{floor}{}", cron("s", "session", "0 17 * * *"));
    assert_eq!(
        config(&text)
            .session()
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["cat-camel", "thread-the-needle"]
    );
}

/// A session leaves out what is set aside: its firing carries the ids, its title and the
/// stretches it shows skip them, and with every stretch of it set aside it does not fire;
/// `next_stretch` never suggests a stretch set aside.
#[test]
fn a_session_leaves_out_the_stretches_set_aside() {
    use stretchd::ipc::Upcoming;
    let text = format!("{ALWAYS}{}", cron("session", "session", "0 17 * * *"));
    let config = config(&text);
    let from = t("2026-11-23 09:00 +01:00");
    // (set aside, stretches the session shows)
    let table: [(&[&str], &[&str]); 3] = [
        (
            &[],
            &[
                "cat-camel",
                "thoracic-extension",
                "seated-twist",
                "thread-the-needle",
            ],
        ),
        (
            &["thread-the-needle", "foam-rolling"],
            &["cat-camel", "thoracic-extension", "seated-twist"],
        ),
        (
            &[
                "cat-camel",
                "thoracic-extension",
                "seated-twist",
                "thread-the-needle",
            ],
            &[],
        ),
    ];
    for (aside, shown) in table {
        let mut state = State::new(from);
        for id in aside {
            set_aside(&mut state, id, aside::HURT, from);
        }
        let fires = preview(&config, &state, from, 3, &Berlin);
        let suggested = next_stretch(&config, &state, from, &Berlin).map(|s| s.id.clone());
        if let Some(id) = &suggested {
            assert!(!aside.contains(&id.as_str()), "{aside:?}: {id}");
        }
        if shown.is_empty() {
            assert!(fires.is_empty(), "{aside:?}: {:?}", summary(&fires));
            // Only the foam rolling, which needs a roller, is left to suggest.
            assert_eq!(suggested.as_deref(), Some("foam-rolling"), "{aside:?}");
            continue;
        }
        assert_eq!(fires.len(), 3, "{aside:?}");
        for fire in &fires {
            let ids: Vec<&str> = config
                .session_without(&fire.aside)
                .iter()
                .map(|s| s.id.as_str())
                .collect();
            assert_eq!(ids, shown, "{aside:?}");
            let title = Upcoming::of(&config, fire, &stretchd::i18n::Messages::wire()).title;
            let expected = format!("warm-up and {} stretch", shown.len());
            assert!(title.contains(&expected), "{aside:?}: {title}");
        }
    }
}

/// A session's title times each hold at its level, as the guide does: the same minutes in the
/// notification, `check`, `next` and the guide.
#[test]
fn a_session_title_times_the_holds_at_their_levels() {
    use stretchd::ipc::Upcoming;
    let text = format!("{ALWAYS}{}", cron("session", "session", "0 17 * * *"));
    let config = config(&text);
    let from = t("2026-11-23 09:00 +01:00");
    // (thoracic extension's hold, the title): 5 min of warm-up, 48 s of cat-camel, 3 holds of
    // the thoracic extension, 2 of 15 s for each of the two others.
    let table = [
        (
            None,
            "Stretch session: warm-up and 4 stretches, about 8 min",
        ),
        (
            Some(30),
            "Stretch session: warm-up and 4 stretches, about 9 min",
        ),
        (
            Some(45),
            "Stretch session: warm-up and 4 stretches, about 10 min",
        ),
    ];
    for (hold, title) in table {
        let mut state = State::new(from);
        if let Some(hold_secs) = hold {
            state.levels.insert(
                "thoracic-extension".to_owned(),
                Level {
                    hold_secs,
                    done_in_row: 0,
                },
            );
        }
        let fires = preview(&config, &state, from, 1, &Berlin);
        assert_eq!(
            Upcoming::of(&config, &fires[0], &stretchd::i18n::Messages::wire()).title,
            title,
            "{hold:?}"
        );
    }
}
