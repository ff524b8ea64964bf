//! Not mid-sentence, in process on tokio's paused time: a reminder due while the user types
//! waits for a pause in typing (`presence.lull`), at most `presence.lull_max`, with an asked
//! idle source (as X11) fed by a scripted typist, and with a lull watch (as Wayland's and
//! Mutter's) whose reports the test sends. Nothing really sleeps; times are exact.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::fake::{FakeClock, Harness, Shown, all_day_config, harness, next};
use stretchd::config::{Config, IdleSource};
use stretchd::daemon::Input;
use stretchd::daemon::presence::{AskError, AskIdle, PresenceEvent, WatchLull};
use stretchd::ipc::{Request, Response, Status};
use tokio::sync::mpsc;

/// The reminder's interval, in seconds: it falls due 120 s after the start.
const DUE: u64 = 120;

/// A stretch every two minutes, with `presence` as the `[presence]` table's lines.
fn config(presence: &str) -> Config {
    all_day_config(
        &format!(
            "[presence]\n{presence}\n[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"{DUE}s\"\n"
        ),
        3,
    )
}

/// A user who pressed a key every 200 ms from `from` to `to` (ms after the start), and before
/// the start once, a second before it; the times of the questions asked, in ms.
struct Typist {
    clock: FakeClock,
    from: u64,
    to: u64,
    asked: Arc<Mutex<Vec<u64>>>,
}

/// Milliseconds since `clock`'s start.
fn ms(clock: &FakeClock) -> u64 {
    u64::try_from((clock_now(clock) - clock.base).num_milliseconds()).unwrap()
}

fn clock_now(clock: &FakeClock) -> chrono::DateTime<chrono::Utc> {
    stretchd::daemon::Clock::now(clock)
}

impl AskIdle for Typist {
    fn name(&self) -> &'static str {
        "typist"
    }

    fn idle_time(&mut self) -> Result<Duration, AskError> {
        let now = ms(&self.clock);
        self.asked.lock().unwrap().push(now);
        let last_key = if now < self.from {
            None
        } else {
            Some(now.min(self.to) - (now.min(self.to) - self.from) % 200)
        };
        Ok(Duration::from_millis(
            last_key.map_or(now + 1000, |k| now - k),
        ))
    }
}

/// What a [`Watch`] was told: armed (its number) or disarmed, at a time in ms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Told {
    Armed { at: u64, watch: u32, lull_ms: u64 },
    Disarmed { at: u64 },
}

/// A lull watch that records what it is told; the test sends its reports.
struct Watch {
    clock: FakeClock,
    lead: Duration,
    told: mpsc::UnboundedSender<Told>,
}

impl WatchLull for Watch {
    fn lead(&self, lull: Duration) -> Duration {
        self.lead.min(lull)
    }

    fn arm(&mut self, watch: u32, lull: Duration) {
        let _ = self.told.send(Told::Armed {
            at: ms(&self.clock),
            watch,
            lull_ms: u64::try_from(lull.as_millis()).unwrap(),
        });
    }

    fn disarm(&mut self) {
        let _ = self.told.send(Told::Disarmed {
            at: ms(&self.clock),
        });
    }
}

/// Runs the daemon until it shows its first notification, and returns it.
async fn first_shown(h: Harness) -> Shown {
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        ..
    } = h;
    let driver = async {
        let first = next(&mut shown).await;
        inputs.send(Input::Shutdown).await.unwrap();
        first
    };
    tokio::join!(daemon.run(receiver), driver).1
}

/// With a typist from `from` to `to` ms as the asked (X11) source; the times it was asked.
fn with_typist(config: Config, from: u64, to: u64) -> (Harness, Arc<Mutex<Vec<u64>>>) {
    let mut h = harness(config);
    let asked = Arc::new(Mutex::new(Vec::new()));
    let typist = Typist {
        clock: h.clock,
        from,
        to,
        asked: asked.clone(),
    };
    h.daemon = h
        .daemon
        .with_idle_source(IdleSource::X11, Some(Box::new(typist)));
    (h, asked)
}

/// With a lull watch that needs `lead` (Wayland: the lull; Mutter: none); what it is told.
fn with_watch(config: Config, lead: Duration) -> (Harness, mpsc::UnboundedReceiver<Told>) {
    let mut h = harness(config);
    let (tx, told) = mpsc::unbounded_channel();
    let watch = Watch {
        clock: h.clock,
        lead,
        told: tx,
    };
    h.daemon = h
        .daemon
        .with_idle_source(IdleSource::Wayland, None)
        .with_lull_watch(Some(Box::new(watch)));
    (h, told)
}

/// Sends a request and waits for its answer.
async fn ask(inputs: &mpsc::Sender<Input>, request: Request) -> Response {
    let (tx, rx) = tokio::sync::oneshot::channel();
    inputs.send(Input::Control(request, tx)).await.unwrap();
    rx.await.unwrap()
}

async fn status(inputs: &mpsc::Sender<Input>) -> Status {
    match ask(inputs, Request::Status).await {
        Response::Status(status) => *status,
        other => panic!("{other:?}"),
    }
}

/// Sleeps (paused time) until `secs` after the start.
async fn until(clock: &FakeClock, secs: u64) {
    let at = clock.after(secs);
    let wait = (at - clock_now(clock)).to_std().unwrap_or_default();
    tokio::time::sleep(wait).await;
}

/// A report of watch `watch`.
async fn report(inputs: &mpsc::Sender<Input>, watch: u32, reached: bool) {
    let event = PresenceEvent::Lull { watch, reached };
    inputs.send(Input::Presence(event)).await.unwrap();
}

async fn told(told: &mut mpsc::UnboundedReceiver<Told>) -> Told {
    tokio::time::timeout(Duration::from_secs(24 * 3600), told.recv())
        .await
        .expect("the watch was told nothing within a day")
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn a_reminder_due_mid_typing_shows_a_lull_after_the_last_key() {
    // Typing from 100 s to 130 s; due at 120 s.
    let (h, asked) = with_typist(config(""), 100_000, 130_000);
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        clock,
        ..
    } = h;
    let driver = async {
        until(&clock, DUE + 5).await;
        let waiting = status(&inputs).await;
        let first = next(&mut shown).await;
        inputs.send(Input::Shutdown).await.unwrap();
        (waiting, first)
    };
    let (_, (waiting, first)) = tokio::join!(daemon.run(receiver), driver);
    // The last key at 130 s, a lull of 3 s (the default): 133 s.
    assert_eq!(first.at, 133);
    let wait = waiting.lull_wait.expect("the status names the wait");
    assert_eq!(wait.since, clock.after(DUE));
    assert_eq!(wait.until, clock.after(DUE + 60));
    // One question when it fell due, then one each time the lull could be complete.
    let asked: Vec<u64> = asked
        .lock()
        .unwrap()
        .iter()
        .copied()
        .filter(|&t| t >= DUE * 1000)
        .collect();
    assert_eq!(
        asked,
        [120_000, 123_000, 126_000, 129_000, 132_000, 133_000]
    );
}

#[tokio::test(start_paused = true)]
async fn a_user_who_paused_long_enough_already_gets_it_on_time() {
    // The last key 10 s before it is due.
    let (h, _) = with_typist(config(""), 100_000, 110_000);
    let first = first_shown(h).await;
    assert_eq!(first.at, DUE);
}

#[tokio::test(start_paused = true)]
async fn a_typist_who_never_stops_gets_it_after_lull_max() {
    let (h, asked) = with_typist(config("lull_max = \"30s\""), 100_000, 400_000);
    let first = first_shown(h).await;
    assert_eq!(first.at, DUE + 30);
    let during = asked
        .lock()
        .unwrap()
        .iter()
        .filter(|&&t| t >= DUE * 1000)
        .count();
    // About one question per lull: 30 s / 3 s, and the last at the end.
    assert!((10..=12).contains(&during), "{during} questions");
}

#[tokio::test(start_paused = true)]
async fn no_lull_shows_it_on_time_and_now_never_waits() {
    // lull = "0s": on time although the user types.
    let (h, _) = with_typist(config("lull = \"0s\""), 100_000, 400_000);
    let first = first_shown(h).await;
    assert_eq!(first.at, DUE);

    // `stretchd now` while a due reminder waits: shown at once, and the wait is over (the
    // interval restarts, so nothing shows a lull after the typing stops).
    let (h, _) = with_typist(config(""), 100_000, 130_000);
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        clock,
        ..
    } = h;
    let driver = async {
        until(&clock, DUE + 2).await;
        let reply = ask(&inputs, Request::Now { reminder: None }).await;
        let now = next(&mut shown).await;
        let after = status(&inputs).await;
        until(&clock, DUE + 30).await;
        let nothing = shown.try_recv().ok();
        inputs.send(Input::Shutdown).await.unwrap();
        (reply, now, after, nothing)
    };
    let (_, (reply, now, after, nothing)) = tokio::join!(daemon.run(receiver), driver);
    assert!(matches!(reply, Response::Ok { .. }), "{reply:?}");
    assert_eq!(now.at, DUE + 2);
    assert!(after.lull_wait.is_none(), "{after:?}");
    assert!(nothing.is_none(), "{nothing:?}");
}

#[tokio::test(start_paused = true)]
async fn a_watch_armed_when_due_shows_it_at_its_report_and_is_ended() {
    // As Mutter: armed when the reminder is due.
    let (h, mut told_rx) = with_watch(config(""), Duration::ZERO);
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        clock,
        ..
    } = h;
    let driver = async {
        let armed = told(&mut told_rx).await;
        let Told::Armed { watch, .. } = armed else {
            panic!("{armed:?}")
        };
        until(&clock, DUE + 7).await;
        // A report of an older watch is ignored.
        report(&inputs, watch + 5, true).await;
        let waiting = status(&inputs).await;
        report(&inputs, watch, true).await;
        let first = next(&mut shown).await;
        let disarmed = told(&mut told_rx).await;
        inputs.send(Input::Shutdown).await.unwrap();
        (armed, waiting, first, disarmed)
    };
    let (_, (armed, waiting, first, disarmed)) = tokio::join!(daemon.run(receiver), driver);
    assert!(
        matches!(
            armed,
            Told::Armed {
                at: 120_000,
                lull_ms: 3000,
                ..
            }
        ),
        "{armed:?}"
    );
    assert!(waiting.lull_wait.is_some(), "{waiting:?}");
    assert_eq!(first.at, DUE + 7);
    assert_eq!(disarmed, Told::Disarmed { at: 127_000 });
}

#[tokio::test(start_paused = true)]
async fn a_watch_armed_a_lull_ahead_tells_at_the_due_time_that_the_user_paused() {
    // As Wayland: armed 3 s ahead; it reports the lull before the due time.
    let (h, mut told_rx) = with_watch(config(""), Duration::from_secs(3));
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        clock,
        ..
    } = h;
    let driver = async {
        let armed = told(&mut told_rx).await;
        let Told::Armed { watch, .. } = armed else {
            panic!("{armed:?}")
        };
        until(&clock, DUE - 1).await;
        report(&inputs, watch, true).await;
        let first = next(&mut shown).await;
        let disarmed = told(&mut told_rx).await;

        // The next one: the user types through the lead and the due time, then pauses.
        let armed_again = told(&mut told_rx).await;
        let Told::Armed { watch, .. } = armed_again else {
            panic!("{armed_again:?}")
        };
        until(&clock, 2 * DUE - 2).await;
        report(&inputs, watch, true).await;
        report(&inputs, watch, false).await;
        until(&clock, 2 * DUE + 4).await;
        let none_yet = shown.try_recv().ok();
        report(&inputs, watch, true).await;
        let second = next(&mut shown).await;
        inputs.send(Input::Shutdown).await.unwrap();
        (armed, first, disarmed, armed_again, none_yet, second)
    };
    let (_, (armed, first, disarmed, armed_again, none_yet, second)) =
        tokio::join!(daemon.run(receiver), driver);
    assert!(
        matches!(armed, Told::Armed { at: 117_000, .. }),
        "{armed:?}"
    );
    assert_eq!(first.at, DUE, "on time: the user had paused for the lull");
    assert_eq!(disarmed, Told::Disarmed { at: 120_000 });
    assert!(
        matches!(armed_again, Told::Armed { at: 237_000, .. }),
        "{armed_again:?}"
    );
    assert!(none_yet.is_none(), "shown while typing: {none_yet:?}");
    assert_eq!(second.at, 2 * DUE + 4);
}

#[tokio::test(start_paused = true)]
async fn a_pause_during_the_wait_holds_the_reminder_and_ends_the_watch() {
    let (h, mut told_rx) = with_watch(config(""), Duration::ZERO);
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        clock,
        ..
    } = h;
    let driver = async {
        let Told::Armed { watch, .. } = told(&mut told_rx).await else {
            panic!("not armed")
        };
        until(&clock, DUE + 5).await;
        let paused = ask(&inputs, Request::Pause { until: None }).await;
        let disarmed = told(&mut told_rx).await;
        // The old watch's report comes late: ignored, and nothing shows during the pause.
        report(&inputs, watch, true).await;
        let during = status(&inputs).await;
        until(&clock, DUE + 200).await;
        let nothing = shown.try_recv().ok();
        ask(&inputs, Request::Resume).await;
        // `resume` absorbs what was missed: due again an interval later, with a new watch and
        // the wait again.
        let Told::Armed { watch, at, .. } = told(&mut told_rx).await else {
            panic!("not armed again")
        };
        report(&inputs, watch, true).await;
        let first = next(&mut shown).await;
        inputs.send(Input::Shutdown).await.unwrap();
        (paused, disarmed, during, nothing, at, first)
    };
    let (_, (paused, disarmed, during, nothing, rearmed, first)) =
        tokio::join!(daemon.run(receiver), driver);
    assert!(matches!(paused, Response::Ok { .. }), "{paused:?}");
    assert_eq!(disarmed, Told::Disarmed { at: 125_000 });
    assert!(during.lull_wait.is_none(), "{during:?}");
    assert!(nothing.is_none(), "{nothing:?}");
    assert_eq!(rearmed, 440_000);
    assert_eq!(first.at, DUE + 200 + DUE);
}

#[tokio::test(start_paused = true)]
async fn a_watch_that_never_reports_waits_until_lull_max_and_nothing_is_armed_when_nothing_is_due()
{
    let (h, mut told_rx) = with_watch(
        config("lull = \"5s\"\nlull_max = \"20s\""),
        Duration::from_secs(60),
    );
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        ..
    } = h;
    let driver = async {
        let armed = told(&mut told_rx).await;
        let first = next(&mut shown).await;
        let disarmed = told(&mut told_rx).await;
        inputs.send(Input::Shutdown).await.unwrap();
        (armed, first, disarmed)
    };
    let (_, (armed, first, disarmed)) = tokio::join!(daemon.run(receiver), driver);
    // The lead is at most the lull: armed 5 s ahead, with the lull asked for.
    assert!(
        matches!(
            armed,
            Told::Armed {
                at: 115_000,
                lull_ms: 5000,
                ..
            }
        ),
        "{armed:?}"
    );
    assert_eq!(first.at, DUE + 20);
    assert_eq!(disarmed, Told::Disarmed { at: 140_000 });
}

#[tokio::test(start_paused = true)]
async fn a_source_without_a_notion_of_a_short_pause_shows_it_on_time() {
    // logind (or no idle source): nothing to ask and no watch, so nothing waits.
    let mut h = harness(config(""));
    h.daemon = h.daemon.with_idle_source(IdleSource::Logind, None);
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        ..
    } = h;
    let driver = async {
        let first = next(&mut shown).await;
        let after = status(&inputs).await;
        inputs.send(Input::Shutdown).await.unwrap();
        (first, after)
    };
    let (_, (first, after)) = tokio::join!(daemon.run(receiver), driver);
    assert_eq!(first.at, DUE);
    assert!(after.lull_wait.is_none(), "{after:?}");
}
