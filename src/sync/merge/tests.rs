//! Table tests of the merge rules.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};

use super::*;
use crate::config::{Kind, Origin};
use crate::schedule::level::Level;
use crate::schedule::state::{Pause, Snooze};
use crate::store::history::Outcome;
use crate::sync::{Machine, SharedLevel};

const NOW: &str = "2026-11-24T10:00:00Z";

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// `NOW` moved by `minutes`.
fn at(minutes: i64) -> DateTime<Utc> {
    t(NOW) + TimeDelta::minutes(minutes)
}

fn config() -> Config {
    Config::parse(
        "[schedule]\n\
         work_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n\
         work_hours = [\"00:00-24:00\"]\n\
         [[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"1h\"\n\
         [[reminder]]\nid = \"posture\"\nkind = \"posture\"\nevery = \"30m\"\n",
        &Origin::Embedded,
    )
    .unwrap()
}

/// A machine's summary, saying nothing yet.
fn peer(host: &str) -> Summary {
    let id = format!("{:0>32}", host.len());
    let me = Machine {
        id,
        hostname: host.to_owned(),
    };
    Summary::of(&me, &State::new(at(-600)), &BTreeMap::new(), &[], at(-1))
}

/// A local state that started counting `minutes` before now.
fn local(minutes: i64) -> State {
    State::new(at(-minutes))
}

fn merge_now(state: &mut State, peers: &[Summary]) -> Merged {
    merge(&config(), state, peers, t(NOW), &Utc)
}

fn next_stretch_due(state: &State) -> DateTime<Utc> {
    let config = config();
    crate::schedule::preview(&config, state, t(NOW), 4, &Utc)
        .into_iter()
        .find(|f| f.reminder == "stretch")
        .unwrap()
        .at
}

#[test]
fn a_done_elsewhere_restarts_the_interval_from_its_time() {
    // (what this machine knows, the Done elsewhere, minutes from now; the reminder's last
    // firing after the merge, and whether the merge says it restarted)
    struct Case {
        why: &'static str,
        started: i64,
        fired: Option<i64>,
        done: i64,
        reminder: &'static str,
        last: Option<i64>,
        restarted: bool,
    }
    let cases = [
        Case {
            why: "done there after it fired here",
            started: 120,
            fired: Some(-50),
            done: -10,
            reminder: "stretch",
            last: Some(-10),
            restarted: true,
        },
        Case {
            why: "never fired here: counted from the start until the Done",
            started: 30,
            fired: None,
            done: -5,
            reminder: "stretch",
            last: Some(-5),
            restarted: true,
        },
        Case {
            why: "fired here after the Done there",
            started: 120,
            fired: Some(-5),
            done: -10,
            reminder: "stretch",
            last: Some(-5),
            restarted: false,
        },
        Case {
            why: "a Done from before this machine started counting",
            started: 30,
            fired: None,
            done: -40,
            reminder: "stretch",
            last: None,
            restarted: false,
        },
        Case {
            why: "a clock a few minutes ahead: taken as now",
            started: 120,
            fired: Some(-50),
            done: 3,
            reminder: "stretch",
            last: Some(0),
            restarted: true,
        },
        Case {
            why: "a clock far ahead: ignored",
            started: 120,
            fired: Some(-50),
            done: 60 * 24 * 365,
            reminder: "stretch",
            last: Some(-50),
            restarted: false,
        },
        Case {
            why: "a reminder this config does not have",
            started: 120,
            fired: Some(-50),
            done: -10,
            reminder: "neck",
            last: Some(-50),
            restarted: false,
        },
    ];
    for c in cases {
        let mut state = local(c.started);
        if let Some(f) = c.fired {
            state.last_fired.insert("stretch".into(), at(f));
        }
        let mut laptop = peer("laptop");
        laptop.done.insert(c.reminder.into(), at(c.done));
        let merged = merge_now(&mut state, &[laptop]);
        assert_eq!(
            state.last_fired.get("stretch").copied(),
            c.last.map(at),
            "{}",
            c.why
        );
        assert_eq!(!merged.restarted.is_empty(), c.restarted, "{}", c.why);
        if c.restarted {
            assert_eq!(merged.restarted[0].from, "laptop", "{}", c.why);
            assert_eq!(
                next_stretch_due(&state),
                at(c.last.unwrap() + 60),
                "{}",
                c.why
            );
        }
        assert_eq!(merged.ahead, u32::from(c.done > 5), "{}", c.why);
    }
}

#[test]
fn the_newest_done_of_several_machines_wins_and_a_snooze_of_it_here_is_dropped() {
    let mut state = local(120);
    state.last_fired.insert("stretch".into(), at(-60));
    state.last_fired.insert("posture".into(), at(-20));
    let snooze = |reminder: &str| Snooze {
        reminder: reminder.into(),
        item: "x".into(),
        until: at(5),
        count: 1,
    };
    state.snoozes = vec![snooze("stretch"), snooze("posture")];
    let mut laptop = peer("laptop");
    laptop.done.insert("stretch".into(), at(-30));
    let mut office = peer("office");
    office.done.insert("stretch".into(), at(-15));
    office.done.insert("posture".into(), at(-25));
    let merged = merge_now(&mut state, &[laptop.clone(), office.clone()]);
    assert_eq!(state.last_fired["stretch"], at(-15));
    assert_eq!(state.last_fired["posture"], at(-20));
    assert_eq!(
        merged.restarted,
        [Taken {
            what: "stretch".to_owned(),
            at: at(-15),
            from: "office".to_owned()
        }]
    );
    assert_eq!(merged.unsnoozed, ["stretch"]);
    // A snooze is not shared: the posture check's stays.
    assert_eq!(state.snoozes, [snooze("posture")]);
    // The same files again change nothing.
    assert!(merge_now(&mut state, &[laptop, office]).is_empty());
}

#[test]
fn a_pause_or_resume_asked_for_anywhere_holds_by_the_newest() {
    let pause = |until: Option<i64>| {
        Some(Pause {
            until: until.map(at),
        })
    };
    let change = |when: i64, p: Option<Pause>| PauseChange {
        at: at(when),
        pause: p,
    };
    // (why, this machine's pause and its mark, the other machine's mark; the pause after, and
    // whether it was taken)
    let cases = [
        (
            "paused there",
            None,
            None,
            Some(change(-1, pause(Some(60)))),
            pause(Some(60)),
            true,
        ),
        (
            "paused there until resume",
            None,
            Some(change(-90, None)),
            Some(change(-1, pause(None))),
            pause(None),
            true,
        ),
        (
            "resumed there after the pause here",
            pause(None),
            Some(change(-30, pause(None))),
            Some(change(-2, None)),
            None,
            true,
        ),
        (
            "resumed there before the pause here",
            pause(None),
            Some(change(-30, pause(None))),
            Some(change(-40, None)),
            pause(None),
            false,
        ),
        (
            "a newer pause there that has ended: running",
            pause(None),
            Some(change(-30, pause(None))),
            Some(change(-20, pause(Some(-10)))),
            None,
            true,
        ),
        (
            "paused there by a clock far ahead: ignored",
            None,
            None,
            Some(change(600, pause(None))),
            None,
            false,
        ),
        (
            "a pause of years there: a year at most",
            None,
            None,
            Some(change(-1, pause(Some(60 * 24 * 365 * 5)))),
            Some(Pause {
                until: Some(t(NOW) + MAX_AHEAD),
            }),
            true,
        ),
        (
            "nothing asked there",
            pause(None),
            Some(change(-30, pause(None))),
            None,
            pause(None),
            false,
        ),
    ];
    for (why, here, mark, theirs, after, taken) in cases {
        let mut state = local(120);
        state.pause = here;
        state.marks.pause = mark;
        let mut laptop = peer("laptop");
        laptop.pause = theirs;
        let merged = merge_now(&mut state, &[laptop.clone()]);
        assert_eq!(state.pause, after, "{why}");
        assert_eq!(merged.pause.is_some(), taken, "{why}");
        if taken {
            assert_eq!(state.marks.pause.unwrap().at, theirs.unwrap().at, "{why}");
            // Taken once: the same file again changes nothing.
            assert!(merge_now(&mut state, &[laptop]).is_empty(), "{why}");
        }
    }
}

#[test]
fn a_resume_from_elsewhere_restarts_what_was_missed_from_now_without_a_burst() {
    let config = config();
    let mut state = local(300);
    state.pause = Some(Pause { until: None });
    state.marks.pause = Some(PauseChange {
        at: at(-200),
        pause: state.pause,
    });
    state.last_fired.insert("stretch".into(), at(-200));
    state.last_fired.insert("posture".into(), at(-200));
    let mut laptop = peer("laptop");
    laptop.pause = Some(PauseChange {
        at: at(-1),
        pause: None,
    });
    merge_now(&mut state, &[laptop]);
    assert_eq!(state.pause, None);
    // Both were overdue; neither fires now: they count from now, as after a resume here.
    assert_eq!(
        crate::schedule::settle(&config, &mut state, t(NOW), &Utc),
        None
    );
    let next = crate::schedule::next_due(&config, &state, t(NOW), &Utc).unwrap();
    assert_eq!(next.at, at(30));
}

#[test]
fn a_machine_that_was_off_catches_up_without_a_burst_of_stale_reminders() {
    let config = config();
    // This machine was off for two days: its last firings are stale, and the other machine's
    // files arrive now, with Done answers from the last hour.
    let mut state = local(3 * 24 * 60);
    state.last_fired.insert("stretch".into(), at(-2 * 24 * 60));
    state.last_fired.insert("posture".into(), at(-2 * 24 * 60));
    let mut laptop = peer("laptop");
    laptop.done.insert("stretch".into(), at(-20));
    laptop.done.insert("posture".into(), at(-50));
    laptop.done.insert("old".into(), at(-9000));
    merge_now(&mut state, &[laptop]);
    // The stretch was done 20 minutes ago: due in 40. The posture check is overdue: it fires
    // once now, and nothing else does.
    let first = crate::schedule::settle(&config, &mut state, t(NOW), &Utc).unwrap();
    assert_eq!(first.reminder, "posture");
    assert_eq!(
        crate::schedule::settle(&config, &mut state, t(NOW), &Utc),
        None
    );
    let upcoming: Vec<(String, DateTime<Utc>)> =
        crate::schedule::preview(&config, &state, t(NOW), 3, &Utc)
            .into_iter()
            .map(|f| (f.reminder, f.at))
            .collect();
    assert_eq!(
        upcoming,
        [
            ("posture".to_owned(), at(30)),
            ("stretch".to_owned(), at(40)),
            ("posture".to_owned(), at(60)),
        ]
    );
}

#[test]
fn a_stretch_shown_elsewhere_moves_the_rotation_on() {
    let config = config();
    let mut state = local(120);
    state.rotation.stretch_shown("thoracic-extension", at(-90));
    let mut laptop = peer("laptop");
    laptop
        .rotation
        .stretch_shown("thoracic-extension", at(-100));
    laptop.rotation.stretch_shown("seated-twist", at(-30));
    laptop.rotation.posture_shown("shoulders", at(-10));
    // Unknown ids and far-future times are left out.
    laptop.rotation.shown.insert("not-a-stretch".into(), at(-5));
    laptop.rotation.shown.insert("cat-camel".into(), at(9000));
    let merged = merge_now(&mut state, &[laptop.clone()]);
    assert!(merged.rotation);
    assert_eq!(merged.ahead, 1);
    assert_eq!(state.rotation.shown["thoracic-extension"], at(-90));
    assert_eq!(state.rotation.shown["seated-twist"], at(-30));
    assert_eq!(state.rotation.shown["shoulders"], at(-10));
    assert!(!state.rotation.shown.contains_key("not-a-stretch"));
    assert!(!state.rotation.shown.contains_key("cat-camel"));
    assert_eq!(state.rotation.last_stretch.as_deref(), Some("seated-twist"));
    assert_eq!(state.rotation.last_posture.as_deref(), Some("shoulders"));
    // Next comes the one shown longest ago anywhere, not the twist shown there.
    let stretch = config.reminder("stretch").unwrap();
    assert_eq!(
        crate::schedule::pick(&config, &state, stretch).as_deref(),
        Some("thoracic-extension")
    );
    assert!(!merge_now(&mut state, &[laptop]).rotation);
    // Shown here later: this machine's last stays.
    let mut state = local(120);
    state.rotation.stretch_shown("thoracic-extension", at(-1));
    let mut office = peer("office");
    office.rotation.stretch_shown("seated-twist", at(-30));
    merge_now(&mut state, &[office]);
    assert_eq!(
        state.rotation.last_stretch.as_deref(),
        Some("thoracic-extension")
    );
}

#[test]
fn the_newest_level_wins_and_one_of_unknown_time_never_does() {
    let level = |hold_secs, done_in_row| Level {
        hold_secs,
        done_in_row,
    };
    let shared = |l: Level, when: Option<i64>| SharedLevel {
        level: l,
        at: when.map(at),
    };
    // (why, this machine's level and mark, the other machine's; the level after)
    let cases = [
        (
            "newer there",
            Some((level(20, 1), Some(-60))),
            shared(level(25, 2), Some(-5)),
            level(25, 2),
        ),
        (
            "older there",
            Some((level(20, 1), Some(-5))),
            shared(level(25, 2), Some(-60)),
            level(20, 1),
        ),
        (
            "easier there, later",
            Some((level(25, 0), Some(-60))),
            shared(level(20, 0), Some(-5)),
            level(20, 0),
        ),
        (
            "none here",
            None,
            shared(level(25, 2), Some(-5)),
            level(25, 2),
        ),
        (
            "unknown time here",
            Some((level(30, 0), None)),
            shared(level(20, 0), Some(-5)),
            level(20, 0),
        ),
        (
            "unknown time there",
            Some((level(20, 1), None)),
            shared(level(30, 0), None),
            level(20, 1),
        ),
        (
            "ahead there",
            Some((level(20, 1), Some(-5))),
            shared(level(30, 0), Some(600)),
            level(20, 1),
        ),
        (
            "a count past the step",
            None,
            shared(level(20, 99), Some(-5)),
            level(20, GROW_AFTER),
        ),
        (
            "a hold past the furthest it grows (15-30 s, 15 s past the top)",
            None,
            shared(level(u32::MAX, 0), Some(-5)),
            level(45, 0),
        ),
        (
            "a hold below the range",
            None,
            shared(level(0, 1), Some(-5)),
            level(15, 1),
        ),
    ];
    for (why, here, theirs, after) in cases {
        let mut state = local(120);
        if let Some((l, mark)) = here {
            state.levels.insert("seated-twist".into(), l);
            if let Some(m) = mark {
                state.marks.levels.insert("seated-twist".into(), at(m));
            }
        }
        let mut laptop = peer("laptop");
        laptop.levels.insert("seated-twist".into(), theirs);
        // A flow has no level, and an unknown stretch is left out.
        laptop
            .levels
            .insert("cat-camel".into(), shared(level(40, 0), Some(-1)));
        laptop
            .levels
            .insert("elsewhere".into(), shared(level(40, 0), Some(-1)));
        merge_now(&mut state, &[laptop.clone()]);
        assert_eq!(state.levels.get("seated-twist"), Some(&after), "{why}");
        assert!(!state.levels.contains_key("cat-camel"), "{why}");
        assert!(!state.levels.contains_key("elsewhere"), "{why}");
        assert!(merge_now(&mut state, &[laptop]).levels.is_empty(), "{why}");
    }
}

#[test]
fn a_stretch_set_aside_anywhere_is_set_aside_until_brought_back_later() {
    let aside = |when: i64| SetAside {
        reason: "it hurt".into(),
        at: at(when),
    };
    // (why, set aside here since, brought back here at, set aside there at, brought back there
    // at; whether it is set aside after)
    let cases = [
        ("hurt there", None, None, Some(-5), None, true),
        (
            "hurt there, brought back here later",
            None,
            Some(-1),
            Some(-5),
            None,
            false,
        ),
        (
            "hurt there, brought back there later",
            None,
            None,
            Some(-9),
            Some(-5),
            false,
        ),
        (
            "hurt here, brought back there later",
            Some(-9),
            None,
            None,
            Some(-5),
            false,
        ),
        (
            "hurt here, brought back there before",
            Some(-5),
            None,
            None,
            Some(-9),
            true,
        ),
        (
            "hurt here and brought back there at once",
            Some(-5),
            None,
            None,
            Some(-5),
            true,
        ),
        (
            "hurt there by a clock far ahead",
            None,
            None,
            Some(600),
            None,
            false,
        ),
    ];
    for (why, here, restored_here, there, restored_there, after) in cases {
        let mut state = local(120);
        if let Some(h) = here {
            state.set_aside.insert("seated-twist".into(), aside(h));
        }
        if let Some(r) = restored_here {
            state.marks.restored.insert("seated-twist".into(), at(r));
        }
        let mut laptop = peer("laptop");
        if let Some(h) = there {
            laptop.set_aside.insert("seated-twist".into(), aside(h));
        }
        if let Some(r) = restored_there {
            laptop.restored.insert("seated-twist".into(), at(r));
        }
        laptop.set_aside.insert("no-such-stretch".into(), aside(-1));
        merge_now(&mut state, &[laptop.clone()]);
        assert_eq!(state.set_aside.contains_key("seated-twist"), after, "{why}");
        assert!(!state.set_aside.contains_key("no-such-stretch"), "{why}");
        assert!(merge_now(&mut state, &[laptop]).is_empty(), "{why}");
    }
}

#[test]
fn the_safety_notice_read_anywhere_counts_as_read() {
    let mut state = local(120);
    let mut laptop = peer("laptop");
    assert!(!merge_now(&mut state, &[laptop.clone()]).notice_read);
    laptop.safety_shown = true;
    assert!(merge_now(&mut state, &[laptop.clone()]).notice_read);
    assert!(state.safety_shown);
    // Never taken back.
    laptop.safety_shown = false;
    merge_now(&mut state, &[laptop]);
    assert!(state.safety_shown);
}

#[test]
fn two_machines_merging_each_other_settle_on_the_same_answer() {
    let config = config();
    let me = |host: &str| Machine {
        id: format!("{:0>32}", host.len()),
        hostname: host.to_owned(),
    };
    let (desk, laptop) = (me("desk"), me("laptop"));
    let mut a = local(300);
    let mut b = local(200);
    a.rotation.stretch_shown("seated-twist", at(-50));
    a.marks.pause = Some(PauseChange {
        at: at(-40),
        pause: Some(Pause {
            until: Some(at(30)),
        }),
    });
    a.pause = a.marks.pause.unwrap().pause;
    b.rotation.stretch_shown("thoracic-extension", at(-20));
    crate::schedule::level::done_at(
        &mut b,
        config.catalog.stretch("seated-twist").unwrap(),
        None,
        at(-20),
    );
    let done = BTreeMap::new();
    for _ in 0..3 {
        let sa = Summary::of(&desk, &a, &done, &[], t(NOW));
        let sb = Summary::of(&laptop, &b, &done, &[], t(NOW));
        merge_now(&mut a, &[sb]);
        merge_now(&mut b, &[sa]);
    }
    let sa = Summary::of(&desk, &a, &done, &[], t(NOW));
    let sb = Summary::of(&laptop, &b, &done, &[], t(NOW));
    assert_eq!(sa.rotation, sb.rotation);
    assert_eq!(sa.pause, sb.pause);
    assert_eq!(sa.levels, sb.levels);
    assert_eq!(a.pause, b.pause);
    assert_eq!(
        a.rotation.last_stretch.as_deref(),
        Some("thoracic-extension")
    );
}

#[test]
fn recent_sessions_are_those_of_the_last_weeks_and_not_ahead_each_once() {
    let mut laptop = peer("laptop");
    // Listed twice (a hand-edited or garbled summary): one session.
    laptop.sessions = vec![at(3), at(-60), at(-60 * 24 * 40), at(3), at(600), at(-60)];
    let mut office = peer("office");
    office.sessions = vec![at(-120)];
    assert_eq!(
        recent_sessions(&[laptop, office], t(NOW)),
        [at(-120), at(-60), at(3)]
    );
}

#[test]
fn histories_merge_in_time_order_and_an_entry_twice_for_one_machine_counts_once() {
    let entry = |minutes: i64, outcome| Entry {
        time: at(minutes),
        reminder: "stretch".into(),
        kind: Kind::Stretch,
        item: "seated-twist".into(),
        outcome,
    };
    let merged = history(vec![
        (0, entry(-10, Outcome::Done)),
        (0, entry(-30, Outcome::Skipped)),
        (1, entry(-20, Outcome::Done)),
        (1, entry(-20, Outcome::Done)),
        // The same answer at the same time on another machine is another answer.
        (0, entry(-20, Outcome::Done)),
    ]);
    assert_eq!(
        merged,
        [
            (0, entry(-30, Outcome::Skipped)),
            (0, entry(-20, Outcome::Done)),
            (1, entry(-20, Outcome::Done)),
            (0, entry(-10, Outcome::Done)),
        ]
    );
}
