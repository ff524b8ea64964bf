//! Properties of the schedule engine over random configs and random instants in Europe/Berlin,
//! most of them spanning a DST change, checked with proptest against the rules in the
//! `schedule` module's documentation:
//!
//! - nothing fires outside work hours or on other days;
//! - nothing fires twice at one instant, and no reminder fires twice for one due time (an
//!   interval reminder fires at least `every` after its previous firing; a cron reminder fires
//!   only after an occurrence of its line that it has not fired for yet);
//! - deadlines never go backwards: nothing is due before `now`, firings come in order, and a
//!   deadline stays put while the daemon sleeps towards it, across both DST changes;
//! - after any gap, at most one reminder fires at the instant the daemon wakes;
//! - nothing fires while the user is away or reminders are held (do not disturb), nor during the
//!   grace time after a hold, and at most one fires at the return.
//!
//! A simulated daemon does what `Daemon::run` does: sleeps until the next deadline or event,
//! settles what is due, applies the event. `PROPTEST_CASES` overrides each test's number of
//! cases; each prints its count and time (`cargo test --test properties -- --nocapture`).

use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Berlin;
use proptest::prelude::*;
use proptest::test_runner::{Config as Cases, TestCaseError, TestRunner};
use stretchd::config::{Config, Origin, Trigger};
use stretchd::schedule::state::{Away, Quiet, State};
use stretchd::schedule::{Fire, came_back, next_due, set_quiet, settle, went_away};

/// Cases to run: `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn runner(n: u32) -> TestRunner {
    TestRunner::new(Cases {
        cases: n,
        failure_persistence: None,
        ..Cases::default()
    })
}

/// Berlin wall-clock time, for messages.
fn show(t: DateTime<Utc>) -> String {
    t.with_timezone(&Berlin)
        .format("%a %Y-%m-%d %H:%M:%S %:z")
        .to_string()
}

// ---- random configs ----

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

#[derive(Debug, Clone)]
enum Rule {
    /// Every so many minutes.
    Every(i64),
    Cron(String),
}

/// A random config, kept in structured form for the oracle.
#[derive(Debug, Clone)]
struct Plan {
    days: Vec<Weekday>,
    /// Minutes after midnight, start and end; sorted and disjoint.
    ranges: Vec<(u32, u32)>,
    reminders: Vec<(&'static str, Rule)>,
    natural_break_min: i64,
    missed_once: bool,
    grace_secs: i64,
}

impl Plan {
    fn text(&self) -> String {
        let days: Vec<String> = self.days.iter().map(|d| format!("\"{d}\"")).collect();
        let hm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        let ranges: Vec<String> = self
            .ranges
            .iter()
            .map(|(s, e)| format!("\"{}-{}\"", hm(*s), hm(*e)))
            .collect();
        let mut t = format!(
            "[schedule]\nwork_days = [{}]\nwork_hours = [{}]\n[presence]\nnatural_break = \"{}m\"\nmissed = \"{}\"\ngrace = \"{}s\"\n",
            days.join(", "),
            ranges.join(", "),
            self.natural_break_min,
            if self.missed_once { "once" } else { "drop" },
            self.grace_secs
        );
        for (i, (kind, rule)) in self.reminders.iter().enumerate() {
            write!(t, "[[reminder]]\nid = \"r{i}\"\nkind = \"{kind}\"\n").unwrap();
            match rule {
                Rule::Every(m) => writeln!(t, "every = \"{m}m\"").unwrap(),
                Rule::Cron(line) => writeln!(t, "cron = \"{line}\"").unwrap(),
            }
        }
        t
    }

    fn config(&self) -> Config {
        Config::parse(&self.text(), &Origin::Embedded)
            .unwrap_or_else(|e| panic!("{e}\n{}", self.text()))
    }

    /// The oracle for "inside work hours", from the rules rather than the engine: on a work day,
    /// between the instants of a range's start and end, where a wall time that occurs twice
    /// means its first instant and one in the spring gap means the instant as far after the
    /// gap's start as the wall time is (the rules in `workhours.rs`).
    fn works_at(&self, t: DateTime<Utc>) -> bool {
        let date = t.with_timezone(&Berlin).date_naive();
        [date.pred_opt(), Some(date)]
            .into_iter()
            .flatten()
            .any(|d| {
                self.days.contains(&d.weekday())
                    && self
                        .ranges
                        .iter()
                        .any(|(s, e)| instant_of(d, *s) <= t && t < instant_of(d, *e))
            })
    }
}

/// The instant of `minutes` after midnight on `date` in Berlin.
fn instant_of(date: NaiveDate, minutes: u32) -> DateTime<Utc> {
    let naive = date.and_hms_opt(0, 0, 0).unwrap() + Duration::minutes(i64::from(minutes));
    Berlin
        .from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            Berlin
                .from_local_datetime(&(naive + Duration::hours(1)))
                .earliest()
        })
        .expect("Berlin's gap is one hour")
        .with_timezone(&Utc)
}

/// Sorted, disjoint ranges from 5-minute cut points: at night (across the DST hours) as often
/// as in the day.
fn ranges() -> impl Strategy<Value = Vec<(u32, u32)>> {
    proptest::collection::btree_set(0_u32..=288, 2..7).prop_map(|cuts| {
        let cuts: Vec<u32> = cuts.into_iter().map(|c| c * 5).collect();
        cuts.chunks_exact(2).map(|p| (p[0], p[1])).collect()
    })
}

/// Ranges that touch, split at 5-minute cut points (`09:00-10:15`, `10:15-12:00`, ...): one
/// window, sometimes from midnight or to it (a night shift on consecutive days).
fn touching_ranges() -> impl Strategy<Value = Vec<(u32, u32)>> {
    proptest::collection::btree_set(0_u32..=288, 2..6).prop_map(|cuts| {
        let cuts: Vec<u32> = cuts.into_iter().map(|c| c * 5).collect();
        cuts.windows(2).map(|p| (p[0], p[1])).collect()
    })
}

/// A crontab line that fires at most every 10 minutes (so a simulated day stays short).
fn cron_line() -> impl Strategy<Value = String> {
    let minute = prop_oneof![
        (0_u32..60).prop_map(|m| m.to_string()),
        (10_u32..=30).prop_map(|s| format!("*/{s}")),
        proptest::collection::btree_set(0_u32..60, 1..4).prop_map(|ms| ms
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",")),
    ];
    let hour = prop_oneof![
        Just("*".to_owned()),
        (0_u32..24).prop_map(|h| h.to_string()),
        (0_u32..24, 0_u32..24).prop_map(|(a, b)| format!("{}-{}", a.min(b), a.max(b))),
        // The hours that DST skips or repeats.
        Just("1-3".to_owned()),
        Just("2".to_owned()),
    ];
    let weekday = prop_oneof![
        Just("*".to_owned()),
        Just("mon-fri".to_owned()),
        (0_u32..=7).prop_map(|d| d.to_string()),
        Just("sat,sun".to_owned()),
    ];
    (minute, hour, weekday).prop_map(|(m, h, w)| format!("{m} {h} * * {w}"))
}

fn plan() -> impl Strategy<Value = Plan> {
    let rule = prop_oneof![
        (10_i64..=240).prop_map(Rule::Every),
        cron_line().prop_map(Rule::Cron),
    ];
    let kind = prop_oneof![Just("posture"), Just("stretch")];
    // Half of them work every day, a quarter all day: more firings to check.
    (
        prop_oneof![1 => Just(127_u8), 1 => 1_u8..128],
        prop_oneof![1 => Just(vec![(0, 1440)]), 2 => ranges(), 1 => touching_ranges()],
        proptest::collection::vec((kind, rule), 1..4),
        1_i64..=60,
        any::<bool>(),
        prop_oneof![Just(0_i64), 1_i64..=600],
    )
        .prop_map(
            |(mask, ranges, reminders, natural_break_min, missed_once, grace_secs)| Plan {
                days: (0..7)
                    .filter(|d| mask & (1 << d) != 0)
                    .map(|d| WEEKDAYS[d])
                    .collect(),
                // An interval must be shorter than the longest range (the config refuses one
                // that never fits): a longer one becomes a minute less than that range.
                reminders: {
                    let longest = ranges
                        .iter()
                        .map(|(s, e)| i64::from(e - s))
                        .max()
                        .unwrap_or(1);
                    reminders
                        .into_iter()
                        .map(|(kind, rule)| match rule {
                            Rule::Every(m) if m >= longest => {
                                (kind, Rule::Every((longest - 1).max(1)))
                            }
                            rule => (kind, rule),
                        })
                        .collect()
                },
                ranges,
                natural_break_min,
                missed_once,
                grace_secs,
            },
        )
}

/// An instant near a Berlin DST change (2026 and 2027, spring and autumn), up to `before` hours
/// before it, or anywhere in those two years.
fn instant(before: i64) -> impl Strategy<Value = DateTime<Utc>> {
    let changes = [
        "2026-03-29T01:00:00Z",
        "2026-10-25T01:00:00Z",
        "2027-03-28T01:00:00Z",
        "2027-10-31T01:00:00Z",
    ]
    .map(|s| s.parse::<DateTime<Utc>>().unwrap());
    prop_oneof![
        3 => (proptest::sample::select(changes.to_vec()), 0..before * 60)
            .prop_map(|(change, m)| change - Duration::minutes(m)),
        1 => (1_767_225_600_i64..1_830_297_600)
            .prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
    ]
}

// ---- the simulated daemon ----

/// Something that happens to the daemon.
#[derive(Debug, Clone, Copy)]
enum Event {
    /// An away report for `reason` for `minutes`; away since `idle` minutes before the report.
    /// Reports may overlap, of different reasons or of the same one (which then ends with the
    /// first of them to end, as the daemon takes it).
    Away {
        reason: Away,
        idle: i64,
        minutes: i64,
    },
    /// A hold for `reason` for `minutes`. Holds may overlap, as [`Event::Away`] reports do.
    Quiet { reason: Quiet, minutes: i64 },
    /// The daemon is suspended for this many minutes and wakes without an away report (a
    /// frozen process, a clock jump); reports due meanwhile arrive at the wake-up.
    Gap(i64),
}

fn events() -> impl Strategy<Value = Vec<(i64, Event)>> {
    let event = prop_oneof![
        3 => (away_reason(), 0_i64..=30, prop_oneof![1_i64..=30, 1_i64..=8 * 60])
            .prop_map(|(reason, idle, minutes)| Event::Away { reason, idle, minutes }),
        2 => (quiet_reason(), 1_i64..=3 * 60)
            .prop_map(|(reason, minutes)| Event::Quiet { reason, minutes }),
        2 => prop_oneof![3 => 1_i64..=12 * 60, 1 => 1_i64..=2 * 24 * 60].prop_map(Event::Gap),
    ];
    // Minutes after the previous event's start.
    proptest::collection::vec((1_i64..=4 * 60, event), 0..16)
}

fn away_reason() -> impl Strategy<Value = Away> {
    prop_oneof![Just(Away::Idle), Just(Away::Locked), Just(Away::Asleep)]
}

fn quiet_reason() -> impl Strategy<Value = Quiet> {
    prop_oneof![Just(Quiet::DoNotDisturb), Just(Quiet::Fullscreen)]
}

/// One step of an event, at a time.
#[derive(Debug, Clone, Copy)]
enum Action {
    Away { reason: Away, idle: i64 },
    Back(Away),
    QuietOn(Quiet),
    QuietOff(Quiet),
    Gap(i64),
}

/// The events' steps in time order.
fn actions(start: DateTime<Utc>, events: &[(i64, Event)]) -> Vec<(DateTime<Utc>, Action)> {
    let mut t = start;
    let mut out = Vec::new();
    for (delay, event) in events {
        t += Duration::minutes(*delay);
        match *event {
            Event::Away {
                reason,
                idle,
                minutes,
            } => {
                out.push((t, Action::Away { reason, idle }));
                out.push((t + Duration::minutes(minutes), Action::Back(reason)));
            }
            Event::Quiet { reason, minutes } => {
                out.push((t, Action::QuietOn(reason)));
                out.push((t + Duration::minutes(minutes), Action::QuietOff(reason)));
            }
            Event::Gap(minutes) => out.push((t, Action::Gap(minutes))),
        }
    }
    out.sort_by_key(|(t, _)| *t);
    out
}

/// What a simulation saw, over all cases.
#[derive(Default)]
struct Seen {
    fires: Cell<u64>,
    at_return: Cell<u64>,
    after_gap: Cell<u64>,
    dst_spans: Cell<u64>,
}

fn bump(c: &Cell<u64>) {
    c.set(c.get() + 1);
}

/// The daemon's view of presence, for the checks: the reasons away and the holds in force.
#[derive(Default)]
struct Presence {
    away: BTreeSet<Away>,
    quiet: BTreeSet<Quiet>,
    /// A hold ended and its grace runs until then.
    grace_until: Option<DateTime<Utc>>,
}

/// Checks one firing against the rules, given the previous firings.
struct Checker<'a> {
    plan: &'a Plan,
    config: &'a Config,
    last: Option<DateTime<Utc>>,
    /// Each reminder's last firing (or the state's start).
    previous: HashMap<String, DateTime<Utc>>,
}

impl Checker<'_> {
    fn fire(&mut self, fire: &Fire, now: DateTime<Utc>, p: &Presence) -> Result<(), TestCaseError> {
        prop_assert_eq!(fire.at, now);
        prop_assert!(
            self.plan.works_at(now),
            "{} fired at {}, outside work hours",
            fire.reminder,
            show(now)
        );
        prop_assert!(
            p.away.is_empty() && p.quiet.is_empty(),
            "fired at {} while away or held",
            show(now)
        );
        if let Some(g) = p.grace_until {
            prop_assert!(
                now >= g,
                "fired at {} in the grace until {}",
                show(now),
                show(g)
            );
        }
        if let Some(last) = self.last {
            prop_assert!(
                now > last,
                "{} fired at {}, not after the previous firing at {}",
                fire.reminder,
                show(now),
                show(last)
            );
        }
        self.last = Some(now);
        let previous = self.previous.insert(fire.reminder.clone(), now);
        let previous = previous.expect("every reminder has a start");
        match &self.config.reminder(&fire.reminder).unwrap().trigger {
            Trigger::Every(every) => {
                let every = Duration::from_std(*every).unwrap();
                prop_assert!(
                    now - previous >= every,
                    "{} fired at {} only {} min after {}",
                    fire.reminder,
                    show(now),
                    (now - previous).num_minutes(),
                    show(previous)
                );
            }
            Trigger::Cron(cron) => {
                let due = cron.next_after(previous, &Berlin);
                prop_assert!(
                    due.is_some_and(|d| d <= now),
                    "{} fired at {} with no occurrence of \"{}\" since {}",
                    fire.reminder,
                    show(now),
                    cron.source(),
                    show(previous)
                );
            }
        }
        Ok(())
    }
}

/// Runs the daemon from `start` for `hours` with these events, checking every step.
#[allow(clippy::too_many_lines)]
fn simulate(
    plan: &Plan,
    start: DateTime<Utc>,
    hours: i64,
    events: &[(i64, Event)],
    seen: &Seen,
) -> Result<(), TestCaseError> {
    let config = plan.config();
    let mut state = State::new(start);
    let mut checker = Checker {
        plan,
        config: &config,
        last: None,
        previous: config
            .reminders
            .iter()
            .map(|r| (r.id.clone(), start))
            .collect(),
    };
    let end = start + Duration::hours(hours);
    let offset = |t: DateTime<Utc>| t.with_timezone(&Berlin).offset().to_string();
    if offset(start) != offset(end) {
        bump(&seen.dst_spans);
    }
    let mut p = Presence::default();
    let mut now = start;
    let mut actions = actions(start, events).into_iter().peekable();
    let grace = Duration::seconds(plan.grace_secs);
    // An instant that a return, a gap or a grace ends at: at most one reminder fires there.
    let mut woke_at = None;
    for _ in 0..20_000 {
        let due = next_due(&config, &state, now, &Berlin);
        if !p.away.is_empty() || !p.quiet.is_empty() {
            prop_assert!(due.is_none(), "due while away or held: {due:?}");
        }
        if let Some(d) = &due {
            prop_assert!(
                d.at >= now,
                "due at {} before now {}",
                show(d.at),
                show(now)
            );
        }
        let due_at = due.as_ref().map(|d| d.at);
        // A report that arrived while the daemon was suspended is handled at the wake-up.
        let event_at = actions.peek().map(|(t, _)| (*t).max(now));
        let first = match (due_at, event_at) {
            (Some(d), Some(e)) => d.min(e),
            (Some(t), None) | (None, Some(t)) => t,
            (None, None) => return Ok(()),
        };
        if first > end {
            return Ok(());
        }
        if let (Some(d), Some(due)) = (due_at.filter(|d| *d == first), &due) {
            // The deadline does not move while the daemon sleeps towards it.
            let mid = now + (d - now) / 2;
            let again = next_due(&config, &state, mid, &Berlin);
            prop_assert_eq!(
                again.as_ref().map(|a| (a.at, &a.reminder)),
                Some((d, &due.reminder)),
                "asked at {} and again at {}",
                show(now),
                show(mid)
            );
            now = d;
            let fire = settle(&config, &mut state, now, &Berlin);
            let Some(fire) = fire else {
                return Err(TestCaseError::fail(format!(
                    "{} was due at {} but nothing fired",
                    due.reminder,
                    show(now)
                )));
            };
            prop_assert_eq!(&fire.reminder, &due.reminder);
            checker.fire(&fire, now, &p)?;
            bump(&seen.fires);
            if woke_at == Some(now) {
                bump(&seen.at_return);
            }
            // Everything else due now was absorbed: nothing more fires at this instant.
            let after = next_due(&config, &state, now, &Berlin);
            prop_assert!(
                after.as_ref().is_none_or(|a| a.at > now),
                "{after:?} still due at {} after {} fired",
                show(now),
                fire.reminder
            );
            continue;
        }
        let Some((_, action)) = actions.next() else {
            unreachable!("the first of the two is an event");
        };
        now = first;
        match action {
            Action::Away { reason, idle } => {
                went_away(&mut state, reason, now - Duration::minutes(idle));
                p.away.insert(reason);
            }
            Action::Back(reason) => {
                let was_away = came_back(&config, &mut state, reason, now, &Berlin);
                prop_assert_eq!(was_away, p.away.remove(&reason));
                if was_away && p.away.is_empty() {
                    woke_at = Some(now);
                }
            }
            Action::QuietOn(reason) => {
                let changed = set_quiet(&config, &mut state, reason, true, now);
                prop_assert_eq!(changed, p.quiet.insert(reason));
            }
            Action::QuietOff(reason) => {
                let changed = set_quiet(&config, &mut state, reason, false, now);
                prop_assert_eq!(changed, p.quiet.remove(&reason));
                if changed && p.quiet.is_empty() {
                    p.grace_until = (grace > Duration::zero()).then(|| now + grace);
                    woke_at = Some(now + grace);
                }
            }
            Action::Gap(minutes) => {
                now += Duration::minutes(minutes);
                woke_at = Some(now);
                if next_due(&config, &state, now, &Berlin).is_some_and(|d| d.at == now) {
                    bump(&seen.after_gap);
                }
            }
        }
    }
    Err(TestCaseError::fail("no progress after 20000 steps"))
}

#[test]
fn two_simulated_days_with_presence_events_and_gaps_keep_the_rules() {
    let n = cases(1_000);
    let seen = Seen::default();
    let started = Instant::now();
    let result = runner(n).run(&(plan(), instant(36), events()), |(plan, start, events)| {
        simulate(&plan, start, 48, &events, &seen)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    println!(
        "simulated days: {n} cases in {:.2?}: {} firings, {} at a return or the end of a grace, {} catch-ups after a gap, {} runs across a DST change",
        started.elapsed(),
        seen.fires.get(),
        seen.at_return.get(),
        seen.after_gap.get(),
        seen.dst_spans.get()
    );
    // The properties were exercised, not vacuously true.
    assert!(seen.fires.get() > u64::from(n));
    assert!(seen.at_return.get() > 0 && seen.after_gap.get() > 0);
    assert!(seen.dst_spans.get() > u64::from(n) / 4);
}

#[test]
fn quiet_days_across_dst_keep_the_rules() {
    // No events: the plain run from the hours before a DST change to a day after it.
    let n = cases(500);
    let seen = Seen::default();
    let started = Instant::now();
    let result = runner(n).run(&(plan(), instant(12)), |(plan, start)| {
        simulate(&plan, start, 30, &[], &seen)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    println!(
        "quiet days across DST: {n} cases in {:.2?}: {} firings, {} runs across a DST change",
        started.elapsed(),
        seen.fires.get(),
        seen.dst_spans.get()
    );
    assert!(seen.dst_spans.get() > u64::from(n) / 2);
}

#[test]
fn after_any_gap_at_most_one_catch_up_fires() {
    // A state left at a random point (each reminder last fired somewhere in the days before),
    // and the daemon waking at a random later instant.
    let n = cases(4_000);
    let woke_to_one = Cell::new(0_u32);
    let started = Instant::now();
    let strategy = (
        plan(),
        instant(72),
        1_i64..=10 * 24 * 60,
        proptest::collection::vec(proptest::option::of(0_u32..1000), 3),
    );
    let result = runner(n).run(&strategy, |(plan, wake, gap, fired)| {
        let config = plan.config();
        let start = wake - Duration::minutes(gap);
        let mut state = State::new(start);
        for (r, at) in config.reminders.iter().zip(&fired) {
            if let Some(per_mille) = at {
                let since = Duration::seconds(gap * 60 * i64::from(*per_mille) / 1000);
                state.last_fired.insert(r.id.clone(), start + since);
            }
        }
        let before = state.last_fired.clone();
        let fire = settle(&config, &mut state, wake, &Berlin);
        if let Some(f) = &fire {
            prop_assert!(
                plan.works_at(wake),
                "caught up at {}, outside work hours",
                show(wake)
            );
            prop_assert_eq!(f.at, wake);
            woke_to_one.set(woke_to_one.get() + 1);
        } else {
            prop_assert_eq!(
                &state.last_fired,
                &before,
                "nothing fired but the state changed"
            );
        }
        let next = next_due(&config, &state, wake, &Berlin);
        prop_assert!(
            next.as_ref().is_none_or(|d| d.at > wake),
            "{next:?} still due at {} after the catch-up {fire:?}",
            show(wake)
        );
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    println!(
        "gaps: {n} cases in {:.2?}: {} woke to one catch-up",
        started.elapsed(),
        woke_to_one.get()
    );
    assert!(woke_to_one.get() > n / 20);
}

#[test]
fn the_oracle_knows_the_dst_rules() {
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    // Spring: 02:30 does not exist; it means 03:30 CEST (01:30 UTC).
    assert_eq!(instant_of(d("2026-03-29"), 150), t("2026-03-29T01:30:00Z"));
    // Autumn: 02:30 happens twice; the first is 02:30 CEST (00:30 UTC).
    assert_eq!(instant_of(d("2026-10-25"), 150), t("2026-10-25T00:30:00Z"));
    let plan = Plan {
        days: vec![Weekday::Sun],
        ranges: vec![(120, 150), (1380, 1440)],
        reminders: vec![],
        natural_break_min: 5,
        missed_once: false,
        grace_secs: 0,
    };
    // 02:00-02:30 on the autumn Sunday is the first pass only.
    assert!(plan.works_at(t("2026-10-25T00:29:00Z")));
    assert!(!plan.works_at(t("2026-10-25T00:30:00Z")));
    assert!(!plan.works_at(t("2026-10-25T01:15:00Z")));
    // 23:00-24:00 ends at midnight; Monday is not a work day.
    assert!(plan.works_at(t("2026-10-25T22:59:59Z")));
    assert!(!plan.works_at(t("2026-10-25T23:00:00Z")));
    // 02:00-02:30 on the spring Sunday is 03:00-03:30 CEST.
    assert!(!plan.works_at(t("2026-03-29T00:59:00Z")));
    assert!(plan.works_at(t("2026-03-29T01:00:00Z")));
    assert!(!plan.works_at(t("2026-03-29T01:30:00Z")));
}
