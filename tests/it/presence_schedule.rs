//! Pure schedule tests for presence, with an injected clock in Europe/Berlin: natural breaks,
//! idle at due time, a resume after hours asleep, wall-clock jumps, holds and DST.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Berlin;
use stretchd::config::{Config, Origin};
use stretchd::schedule::state::Snooze;
use stretchd::schedule::state::{Away, Quiet, State};
use stretchd::schedule::{came_back, drop_held, next_due, set_quiet, settle, went_away};

fn config(extra: &str) -> Config {
    let text = format!(
        r#"
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["08:00-20:00"]
[presence]
natural_break = "5m"
grace = "30s"
{extra}
[[reminder]]
id = "stretch"
kind = "stretch"
every = "50m"
"#
    );
    Config::parse(&text, &Origin::Embedded).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn with_cron(extra: &str) -> Config {
    config(&format!(
        "{extra}\n[[reminder]]\nid = \"afternoon\"\nkind = \"stretch\"\ncron = \"0 15 * * *\"\n"
    ))
}

/// An instant from `"2026-11-24 10:00 +01:00"`.
fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_str(s, "%Y-%m-%d %H:%M %:z")
        .unwrap_or_else(|e| panic!("{s}: {e}"))
        .with_timezone(&Utc)
}

fn due(config: &Config, state: &State, now: DateTime<Utc>) -> Option<(String, DateTime<Utc>)> {
    next_due(config, state, now, &Berlin).map(|d| (d.reminder, d.at))
}

#[test]
fn a_natural_break_restarts_the_interval_from_the_return() {
    let c = config("");
    let mut s = State::new(t("2026-11-24 09:00 +01:00"));
    // Due 09:50. The user leaves at 09:20 (idle reported with the time of the last input).
    went_away(&mut s, Away::Idle, t("2026-11-24 09:20 +01:00"));
    assert_eq!(
        due(&c, &s, t("2026-11-24 09:30 +01:00")),
        None,
        "nothing while away"
    );
    // Back at 09:40 after 20 minutes: a natural break; the next reminder is 50 m later.
    came_back(
        &c,
        &mut s,
        Away::Idle,
        t("2026-11-24 09:40 +01:00"),
        &Berlin,
    );
    assert_eq!(
        due(&c, &s, t("2026-11-24 09:40 +01:00")),
        Some(("stretch".into(), t("2026-11-24 10:30 +01:00")))
    );
}

#[test]
fn a_short_absence_is_not_a_break() {
    let c = config("");
    let mut s = State::new(t("2026-11-24 09:00 +01:00"));
    went_away(&mut s, Away::Idle, t("2026-11-24 09:20 +01:00"));
    came_back(
        &c,
        &mut s,
        Away::Idle,
        t("2026-11-24 09:23 +01:00"),
        &Berlin,
    );
    assert_eq!(
        due(&c, &s, t("2026-11-24 09:23 +01:00")),
        Some(("stretch".into(), t("2026-11-24 09:50 +01:00")))
    );
}

#[test]
fn idle_at_due_time_holds_the_reminder_and_a_short_idle_fires_it_once_on_return() {
    let c = config("");
    let mut s = State::new(t("2026-11-24 09:00 +01:00"));
    // The user has been idle for 3 minutes when the 09:50 reminder falls due.
    went_away(&mut s, Away::Idle, t("2026-11-24 09:47 +01:00"));
    assert!(settle(&c, &mut s, t("2026-11-24 09:50 +01:00"), &Berlin).is_none());
    // Back at 09:51 (4 minutes: no natural break): the held reminder fires once, now.
    came_back(
        &c,
        &mut s,
        Away::Idle,
        t("2026-11-24 09:51 +01:00"),
        &Berlin,
    );
    let now = t("2026-11-24 09:51 +01:00");
    assert_eq!(due(&c, &s, now), Some(("stretch".into(), now)));
    assert!(settle(&c, &mut s, now, &Berlin).is_some());
    assert!(settle(&c, &mut s, now, &Berlin).is_none(), "only once");
    assert_eq!(
        due(&c, &s, now),
        Some(("stretch".into(), t("2026-11-24 10:41 +01:00")))
    );
}

#[test]
fn three_hours_asleep_fire_nothing_on_resume_and_restart_the_interval() {
    let c = with_cron("");
    let mut s = State::new(t("2026-11-24 12:00 +01:00"));
    went_away(&mut s, Away::Asleep, t("2026-11-24 12:30 +01:00"));
    let resume = t("2026-11-24 15:30 +01:00");
    // Both the 12:50 interval and the 15:00 cron fell due while asleep.
    came_back(&c, &mut s, Away::Asleep, resume, &Berlin);
    assert!(
        settle(&c, &mut s, resume, &Berlin).is_none(),
        "no burst, nothing at all"
    );
    assert_eq!(
        due(&c, &s, resume),
        Some(("stretch".into(), t("2026-11-24 16:20 +01:00")))
    );
}

#[test]
fn missed_once_fires_a_missed_cron_reminder_once_after_the_return() {
    let c = with_cron("missed = \"once\"");
    let mut s = State::new(t("2026-11-24 14:40 +01:00"));
    went_away(&mut s, Away::Idle, t("2026-11-24 14:45 +01:00"));
    let back = t("2026-11-24 15:20 +01:00");
    came_back(&c, &mut s, Away::Idle, back, &Berlin);
    let fire = settle(&c, &mut s, back, &Berlin).expect("the missed 15:00 fires once");
    assert_eq!(fire.reminder, "afternoon");
    assert!(settle(&c, &mut s, back, &Berlin).is_none());
}

#[test]
fn the_wall_clock_jumping_forward_fires_at_most_once_and_back_fires_nothing_early() {
    let c = config("");
    let mut s = State::new(t("2026-11-24 09:00 +01:00"));
    // Forward two hours (an NTP step or a manual change): one catch-up, not two.
    let jumped = t("2026-11-24 11:00 +01:00");
    assert!(settle(&c, &mut s, jumped, &Berlin).is_some());
    assert!(settle(&c, &mut s, jumped, &Berlin).is_none());
    assert_eq!(
        due(&c, &s, jumped),
        Some(("stretch".into(), t("2026-11-24 11:50 +01:00")))
    );
    // Back one hour: the last fire now lies in the future; nothing is due before 11:50.
    let back = t("2026-11-24 10:00 +01:00");
    let next = due(&c, &s, back).unwrap();
    assert!(next.1 >= t("2026-11-24 11:50 +01:00"), "{next:?}");
    assert!(settle(&c, &mut s, back, &Berlin).is_none());
}

#[test]
fn a_hold_defers_and_fires_once_after_the_grace() {
    let c = config("");
    let mut s = State::new(t("2026-11-24 09:00 +01:00"));
    set_quiet(
        &c,
        &mut s,
        Quiet::DoNotDisturb,
        true,
        t("2026-11-24 09:40 +01:00"),
    );
    assert_eq!(due(&c, &s, t("2026-11-24 09:50 +01:00")), None);
    assert!(settle(&c, &mut s, t("2026-11-24 10:50 +01:00"), &Berlin).is_none());
    let end = t("2026-11-24 11:00 +01:00");
    set_quiet(&c, &mut s, Quiet::DoNotDisturb, false, end);
    let after_grace = end + Duration::seconds(30);
    assert_eq!(due(&c, &s, end), Some(("stretch".into(), after_grace)));
    assert!(settle(&c, &mut s, after_grace, &Berlin).is_some());
    assert!(
        settle(&c, &mut s, after_grace, &Berlin).is_none(),
        "once, not a burst"
    );
}

#[test]
fn a_call_held_too_long_drops_what_it_held_and_the_interval_counts_from_then() {
    let c = with_cron("");
    let mut s = State::new(t("2026-11-24 09:00 +01:00"));
    // Not held: nothing to drop.
    let early = t("2026-11-24 09:10 +01:00");
    assert!(!drop_held(&c, &mut s, Quiet::Call, early, &Berlin));
    set_quiet(&c, &mut s, Quiet::Call, true, t("2026-11-24 09:40 +01:00"));
    // A snooze that ended during the call, and one that has not.
    let snooze = |reminder: &str, until: &str| Snooze {
        reminder: reminder.into(),
        item: "seated-twist".into(),
        until: t(until),
        count: 1,
    };
    s.snoozes = vec![
        snooze("stretch", "2026-11-24 10:00 +01:00"),
        snooze("afternoon", "2026-11-24 15:30 +01:00"),
    ];
    // The 09:50 reminder is held; at 11:40 the hold has lasted 2 h and is dropped.
    let end = t("2026-11-24 11:40 +01:00");
    assert_eq!(due(&c, &s, end), None);
    assert!(drop_held(&c, &mut s, Quiet::Call, end, &Berlin));
    assert_eq!(s.presence.quiet().count(), 0);
    // No grace, nothing stale: the interval counts from the drop, the ended snooze is gone.
    assert_eq!(s.presence.hold_until(), None);
    assert!(settle(&c, &mut s, end, &Berlin).is_none());
    assert_eq!(s.last_fired.get("stretch"), Some(&end));
    let snoozed: Vec<&str> = s.snoozes.iter().map(|z| z.reminder.as_str()).collect();
    assert_eq!(snoozed, ["afternoon"]);
    assert_eq!(
        due(&c, &s, end),
        Some(("stretch".into(), t("2026-11-24 12:30 +01:00")))
    );
    // Another hold in force (do-not-disturb) stays, and ends with its grace as usual.
    set_quiet(&c, &mut s, Quiet::DoNotDisturb, true, end);
    set_quiet(&c, &mut s, Quiet::Call, true, end);
    assert!(drop_held(&c, &mut s, Quiet::Call, end, &Berlin));
    assert_eq!(
        s.presence.quiet().collect::<Vec<_>>(),
        [Quiet::DoNotDisturb]
    );
}

#[test]
fn a_natural_break_across_the_autumn_dst_change_counts_real_time() {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET. Away 02:50 CEST to 02:10 CET is 20 minutes.
    let text = r#"
[schedule]
work_days = ["sun"]
work_hours = ["00:00-24:00"]
[[reminder]]
id = "stretch"
kind = "stretch"
every = "50m"
"#;
    let c = Config::parse(text, &Origin::Embedded).unwrap();
    let mut s = State::new(t("2026-10-25 02:30 +02:00"));
    went_away(&mut s, Away::Idle, t("2026-10-25 02:50 +02:00"));
    let back = t("2026-10-25 02:10 +01:00");
    came_back(&c, &mut s, Away::Idle, back, &Berlin);
    assert_eq!(
        due(&c, &s, back),
        Some(("stretch".into(), back + Duration::minutes(50)))
    );
}
