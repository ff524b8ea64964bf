//! The daemon loop with a fake clock that moves with tokio's paused time and a notifier that
//! records what it is asked to show. Nothing really sleeps: paused time jumps to each deadline.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::fake::{
    FakeClock, Harness, MIN, POSTURE_25M, STRETCH_50M, Shown, all_day_config as config, harness,
    harness_on, next,
};
use stretchd::catalog::safety_notice;
use stretchd::config::{Config, Origin};
use stretchd::daemon::notify::{Action, Event, Notice, Notifier, NotifyError};
use stretchd::daemon::{Daemon, Input};
use stretchd::schedule::state::State;
use tokio::sync::mpsc;

/// A notifier with no server behind it: every call fails.
struct NoServer {
    clock: FakeClock,
    attempts: Arc<Mutex<Vec<u64>>>,
}

impl Notifier for NoServer {
    fn show(
        &mut self,
        _notice: &Notice,
        _replaces: u32,
    ) -> impl Future<Output = Result<u32, NotifyError>> + 'static {
        self.attempts.lock().unwrap().push(self.clock.elapsed());
        std::future::ready(Err(NotifyError::NoServer))
    }
}

async fn send(inputs: &mpsc::Sender<Input>, input: Input) {
    inputs.send(input).await.unwrap();
}

/// The user presses `action` on notification `id`.
async fn answer(inputs: &mpsc::Sender<Input>, id: u32, action: Action) {
    send(inputs, Input::Notification(Event::Action(id, action))).await;
}

/// Lets the daemon handle what was sent (paused time does not move while it has work).
async fn settle_down() {
    tokio::time::sleep(Duration::from_millis(1)).await;
}

fn is_stretch(s: &Shown) -> bool {
    s.notice.title.starts_with("Stretch: ")
}

#[tokio::test(start_paused = true)]
async fn reminders_fire_at_their_times_and_replace_unanswered_ones() {
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        closed,
        clock,
    } = harness(config(&format!("{POSTURE_25M}{STRETCH_50M}"), 3));
    let driver = async {
        let mut got = Vec::new();
        for _ in 0..5 {
            got.push(next(&mut shown).await);
        }
        send(&inputs, Input::Shutdown).await;
        got
    };
    let (state, got) = tokio::join!(async { daemon.run(receiver).await.state }, driver);
    let times: Vec<u64> = got.iter().map(|s| s.at).collect();
    assert_eq!(times, [25 * MIN, 50 * MIN, 75 * MIN, 100 * MIN, 125 * MIN]);
    let kinds: Vec<bool> = got.iter().map(is_stretch).collect();
    assert_eq!(kinds, [false, true, false, true, false], "{got:#?}");
    for s in &got[..] {
        if is_stretch(s) {
            assert!(
                s.notice.title.starts_with("Stretch: ") && s.notice.paragraphs.len() == 2,
                "{s:#?}"
            );
        } else {
            assert!(s.notice.title.starts_with("Posture check: "), "{s:#?}");
        }
        assert_eq!(
            s.notice.actions,
            [Action::Done, Action::Snooze, Action::Skip]
        );
    }
    // Nobody answered, so every stretch points to the safety notice (on its card), never a
    // posture check; no body carries the notice itself.
    for s in &got {
        assert!(
            !s.notice
                .paragraphs
                .iter()
                .any(|p| p.contains(safety_notice())),
            "{s:#?}"
        );
        let notice = s
            .notice
            .paragraphs
            .iter()
            .any(|p| p.contains("safety notice"));
        assert_eq!(notice, is_stretch(s), "{s:#?}");
    }
    assert_ne!(got[1].notice.title, got[3].notice.title, "rotation");
    // Nobody answered: each replaces the one before.
    let replaces: Vec<u32> = got.iter().map(|s| s.replaces).collect();
    let ids: Vec<u32> = got.iter().map(|s| s.id).collect();
    assert_eq!(replaces[0], 0);
    assert_eq!(replaces[1..], ids[..4]);
    assert!(closed.lock().unwrap().is_empty());
    // The final state: both reminders counted at the last stretch, the posture at 125 min.
    assert_eq!(clock.elapsed(), 125 * MIN);
    let at = |secs: u64| clock.base + chrono::Duration::seconds(secs.try_into().unwrap());
    assert_eq!(state.started, clock.base);
    assert_eq!(state.last_fired.get("stretch"), Some(&at(100 * MIN)));
    assert_eq!(state.last_fired.get("posture"), Some(&at(125 * MIN)));
    // Nothing was answered: the notice is not seen yet.
    assert!(!state.safety_shown);
    assert_eq!(state.snoozes, []);
}

#[tokio::test(start_paused = true)]
async fn snooze_brings_the_same_stretch_back_until_the_limit() {
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        closed,
        clock,
    } = harness(config(STRETCH_50M, 2));
    let driver = async {
        let first = next(&mut shown).await;
        answer(&inputs, first.id, Action::Snooze).await;
        let second = next(&mut shown).await;
        answer(&inputs, second.id, Action::Snooze).await;
        let third = next(&mut shown).await;
        // Past the limit a Snooze (from a server that ignores the action list) counts as Skip.
        answer(&inputs, third.id, Action::Snooze).await;
        let fourth = next(&mut shown).await;
        send(&inputs, Input::Shutdown).await;
        [first, second, third, fourth]
    };
    let (state, [first, second, third, fourth]) =
        tokio::join!(async { daemon.run(receiver).await.state }, driver);

    assert_eq!(first.at, 50 * MIN);
    assert!(is_stretch(&first));
    assert_eq!(
        first.notice.actions,
        [Action::Done, Action::Snooze, Action::Skip]
    );
    // Back after snooze.length, with the same stretch, as a new notification.
    assert_eq!(second.at, 60 * MIN);
    assert_eq!(second.notice.title, first.notice.title);
    assert_eq!(second.notice.paragraphs[0], first.notice.paragraphs[0]);
    assert_eq!(second.replaces, 0, "the first was answered");
    assert_eq!(
        second.notice.actions,
        [Action::Done, Action::Snooze, Action::Skip]
    );
    // Second snooze: the limit (max = 2) is reached, so no Snooze button.
    assert_eq!(third.at, 70 * MIN);
    assert_eq!(third.notice.title, first.notice.title);
    assert_eq!(third.notice.actions, [Action::Done, Action::Skip]);
    // Then the reminder's own schedule, counted from its last showing, with the next stretch.
    assert_eq!(fourth.at, 120 * MIN);
    assert!(is_stretch(&fourth));
    assert_ne!(fourth.notice.title, first.notice.title);
    assert_eq!(
        fourth.notice.actions,
        [Action::Done, Action::Snooze, Action::Skip]
    );
    assert_eq!(fourth.replaces, 0, "the third was answered (as skipped)");
    // A notification answered by falling back to Skip is taken off the screen.
    assert!(closed.lock().unwrap().contains(&third.id));
    assert_eq!(state.snoozes, []);
    assert_eq!(clock.elapsed(), 120 * MIN);
}

#[tokio::test(start_paused = true)]
async fn done_and_skip_are_accepted_and_stale_answers_ignored() {
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        closed,
        clock: _,
    } = harness(config(STRETCH_50M, 3));
    let driver = async {
        let done = next(&mut shown).await;
        answer(&inputs, done.id, Action::Done).await;
        let skipped = next(&mut shown).await;
        answer(&inputs, skipped.id, Action::Skip).await;
        // Answers to old or unknown notifications change nothing.
        answer(&inputs, done.id, Action::Snooze).await;
        answer(&inputs, 99, Action::Done).await;
        let unanswered = next(&mut shown).await;
        let dismissed = next(&mut shown).await;
        // Dismissed on screen: nothing to take off it, and the next one does not replace it.
        let closed_event = Event::Closed {
            id: dismissed.id,
            expired: false,
        };
        send(&inputs, Input::Notification(closed_event)).await;
        settle_down().await;
        let closed_before = closed.lock().unwrap().clone();
        let after = next(&mut shown).await;
        send(&inputs, Input::Shutdown).await;
        ([done, skipped, unanswered, dismissed, after], closed_before)
    };
    let (state, (all, closed)) = tokio::join!(async { daemon.run(receiver).await.state }, driver);
    let [done, skipped, unanswered, dismissed, after] = &all;
    let times: Vec<u64> = all.iter().map(|s| s.at).collect();
    assert_eq!(times, [50, 100, 150, 200, 250].map(|m| m * MIN));
    assert_eq!(skipped.replaces, 0, "the one before was answered Done");
    assert_eq!(unanswered.replaces, 0, "the one before was answered Skip");
    assert_eq!(dismissed.replaces, unanswered.id, "not answered: replaced");
    assert_eq!(after.replaces, 0, "the one before was dismissed");
    assert_eq!(closed, [done.id, skipped.id]);
    assert_eq!(state.snoozes, [], "the stale Snooze was ignored");
    for pair in all.windows(2) {
        assert_ne!(pair[0].notice.title, pair[1].notice.title, "rotation");
    }
}

#[tokio::test(start_paused = true)]
async fn shutdown_ends_run_at_once() {
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        closed: _,
        clock,
    } = harness(config(STRETCH_50M, 3));
    let driver = async {
        tokio::time::sleep(Duration::from_secs(10 * MIN)).await;
        send(&inputs, Input::Shutdown).await;
    };
    let (state, ()) = tokio::join!(async { daemon.run(receiver).await.state }, driver);
    assert_eq!(clock.elapsed(), 10 * MIN);
    assert!(shown.try_recv().is_err(), "nothing was due yet");
    assert_eq!(state, State::new(clock.base));
}

#[tokio::test(start_paused = true)]
async fn run_ends_when_every_sender_is_gone() {
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        closed: _,
        clock,
    } = harness(config(STRETCH_50M, 3));
    let driver = async move {
        let first = next(&mut shown).await;
        drop(inputs);
        first
    };
    let (state, first) = tokio::join!(async { daemon.run(receiver).await.state }, driver);
    assert_eq!(first.at, 50 * MIN);
    assert_eq!(clock.elapsed(), 50 * MIN);
    assert!(state.last_fired.contains_key("stretch"));
}

#[tokio::test(start_paused = true)]
async fn without_a_notification_server_it_keeps_running_and_tries_again() {
    let clock = FakeClock::new();
    let attempts = Arc::new(Mutex::new(Vec::new()));
    let notifier = NoServer {
        clock,
        attempts: attempts.clone(),
    };
    let daemon = Daemon::new(config(STRETCH_50M, 3), None, notifier, clock);
    let (inputs, receiver) = mpsc::channel(8);
    let driver = async {
        tokio::time::sleep(Duration::from_secs(160 * MIN)).await;
        send(&inputs, Input::Shutdown).await;
    };
    let (state, ()) = tokio::join!(async { daemon.run(receiver).await.state }, driver);
    assert_eq!(*attempts.lock().unwrap(), [50 * MIN, 100 * MIN, 150 * MIN]);
    assert_eq!(clock.elapsed(), 160 * MIN);
    assert!(state.last_fired.contains_key("stretch"));
}

/// The daemon follows real work hours in the clock's zone, across the autumn DST change: the
/// last reminder of a Friday in summer time, the first of the Monday after in winter time.
#[tokio::test(start_paused = true)]
async fn real_work_hours_across_a_dst_change_in_the_clocks_zone() {
    let config = Config::parse(
        &format!(
            "[schedule]\nwork_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\nwork_hours = [\"09:00-17:00\"]\n{STRETCH_50M}"
        ),
        &Origin::Embedded,
    )
    .unwrap();
    let clock = FakeClock::at(chrono_tz::Europe::Berlin, "2026-10-23 16:00");
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        ..
    } = harness_on(config, clock);
    let driver = async {
        let friday = next(&mut shown).await;
        // Over the weekend (and the change back to winter time) nothing fires.
        let monday = tokio::time::timeout(Duration::from_secs(4 * 24 * 3600), shown.recv())
            .await
            .expect("nothing on Monday")
            .unwrap();
        send(&inputs, Input::Shutdown).await;
        (friday, monday)
    };
    let (_, (friday, monday)) = tokio::join!(daemon.run(receiver), driver);
    let local = |s: &Shown| berlin(clock, s);
    assert_eq!(local(&friday), "Fri 16:50 CEST");
    assert_eq!(local(&monday), "Mon 09:50 CET");
}

/// When `s` was shown, as Berlin's wall clock reads.
fn berlin(clock: FakeClock, s: &Shown) -> String {
    clock
        .after(s.at)
        .with_timezone(&chrono_tz::Europe::Berlin)
        .format("%a %H:%M %Z")
        .to_string()
}

/// The spring DST change inside a work window (Sunday 01:00-05:00 in Berlin, where 02:00 CET
/// becomes 03:00 CEST): the interval counts real time, so 50 minutes after 01:50 CET is 03:40
/// CEST; the window ends at 05:00 CEST, three real hours after it began, and the next reminder
/// is the next Sunday's first.
#[tokio::test(start_paused = true)]
async fn an_interval_inside_work_hours_across_the_spring_dst_change_counts_real_time() {
    let config = Config::parse(
        &format!(
            "[schedule]\nwork_days = [\"sun\"]\nwork_hours = [\"01:00-05:00\"]\n{STRETCH_50M}"
        ),
        &Origin::Embedded,
    )
    .unwrap();
    let clock = FakeClock::at(chrono_tz::Europe::Berlin, "2026-03-29 01:00");
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        ..
    } = harness_on(config, clock);
    let driver = async {
        let mut got = Vec::new();
        for _ in 0..3 {
            got.push(next(&mut shown).await);
        }
        let next_sunday = tokio::time::timeout(Duration::from_secs(8 * 24 * 3600), shown.recv())
            .await
            .expect("nothing the next Sunday")
            .unwrap();
        got.push(next_sunday);
        send(&inputs, Input::Shutdown).await;
        got
    };
    let (_, got) = tokio::join!(daemon.run(receiver), driver);
    let times: Vec<String> = got.iter().map(|s| berlin(clock, s)).collect();
    assert_eq!(
        times,
        [
            "Sun 01:50 CET",
            "Sun 03:40 CEST",
            "Sun 04:30 CEST",
            "Sun 01:50 CEST"
        ]
    );
}

/// A control request answered in process, on paused time: `snooze` the next reminder, and the
/// status says so; the snoozed reminder comes back at the snooze's end, not on its schedule.
#[tokio::test(start_paused = true)]
async fn control_requests_in_process_on_paused_time() {
    use stretchd::ipc::{Request, Response};
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        ..
    } = harness(config(STRETCH_50M, 3));
    let driver = async {
        let ask = |request: Request| {
            let inputs = inputs.clone();
            async move {
                let (tx, rx) = tokio::sync::oneshot::channel();
                send(&inputs, Input::Control(request, tx)).await;
                rx.await.unwrap()
            }
        };
        let snoozed = ask(Request::Snooze { secs: Some(3600) }).await;
        let status = ask(Request::Status).await;
        let back = next(&mut shown).await;
        send(&inputs, Input::Shutdown).await;
        (snoozed, status, back)
    };
    let (stopped, (snoozed, status, back)) = tokio::join!(daemon.run(receiver), driver);
    assert!(
        matches!(&snoozed, Response::Ok { message, .. } if message.contains("snoozed the next reminder")),
        "{snoozed:?}"
    );
    let Response::Status(status) = status else {
        panic!("{status:?}")
    };
    assert_eq!(status.snoozed.map(|s| s.count), Some(1));
    // Due at 50 minutes, snoozed for an hour from then.
    assert_eq!(back.at, 110 * MIN);
    assert_eq!(stopped.ending, stretchd::daemon::Ending::Stopped);
}

/// A guided stretch that showed the safety notice tells the daemon so: it counts as seen (even
/// when the entry itself is refused, here for want of a history), and the first stretch
/// reminder comes without it.
#[tokio::test(start_paused = true)]
async fn a_guide_that_showed_the_safety_notice_spares_the_first_stretch_it() {
    use stretchd::ipc::{Request, Response};
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        ..
    } = harness(config(STRETCH_50M, 3));
    let driver = async {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let request = Request::GuideDone {
            item: "cat-camel".into(),
            safety_shown: true,
            adjust: None,
        };
        send(&inputs, Input::Control(request, tx)).await;
        let reply = rx.await.unwrap();
        let first = next(&mut shown).await;
        send(&inputs, Input::Shutdown).await;
        (reply, first)
    };
    let (stopped, (reply, first)) = tokio::join!(daemon.run(receiver), driver);
    assert!(
        matches!(&reply, Response::Error { message, .. } if message.contains("cat-camel")),
        "{reply:?}"
    );
    assert!(is_stretch(&first), "{first:#?}");
    assert!(
        !first
            .notice
            .paragraphs
            .iter()
            .any(|p| p.contains("safety notice")),
        "{first:#?}"
    );
    assert!(stopped.state.safety_shown);
}
