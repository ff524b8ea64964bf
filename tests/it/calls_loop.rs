//! The daemon loop holding reminders for calls, on paused time with a scripted calls source:
//! asked when a reminder falls due and once a minute while one is held, never otherwise; the
//! held reminder fires once, `grace` after the call ends; a hold longer than `call_max_hold`
//! drops what it held; an ask that cannot tell, or that takes a while, holds nothing.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::fake::{FakeClock, Harness, MIN, STRETCH_50M, all_day_config, harness, next};
use stretchd::config::Config;
use stretchd::daemon::Input;
use stretchd::daemon::presence::calls::{AskCalls, Capture, Found, InCall, Unheard};

/// A calls source whose call is on from `from` to `until` (seconds after the start), that takes
/// `delay` to answer and records when it was asked.
struct Script {
    clock: FakeClock,
    from: u64,
    until: u64,
    delay: Duration,
    /// `Err`: it cannot tell.
    broken: bool,
    asked: Arc<Mutex<Vec<u64>>>,
}

impl AskCalls for Script {
    fn probe(&self) -> Result<(), Unheard> {
        Ok(())
    }

    fn ask(&mut self) -> Pin<Box<dyn Future<Output = Found>>> {
        let clock = self.clock;
        let (from, until, delay, broken) = (self.from, self.until, self.delay, self.broken);
        self.asked.lock().unwrap().push(clock.elapsed());
        Box::pin(async move {
            tokio::time::sleep(delay).await;
            let now = clock.elapsed();
            let on = !broken && (from..until).contains(&now);
            Found {
                call: on.then(|| InCall {
                    capture: Capture::Microphone,
                    app: "Firefox".to_owned(),
                }),
                pipewire: if broken {
                    Err(Unheard::Timeout(Duration::from_secs(2)))
                } else {
                    Ok(())
                },
                took: delay,
            }
        })
    }
}

/// What a run gave: when each reminder was shown and when the source was asked (seconds after
/// the start).
struct Run {
    shown: Vec<u64>,
    asked: Vec<u64>,
}

/// Runs the daemon with `config` and `script` (its clock and record set here) until `count`
/// reminders were shown.
async fn run(config: Config, mut script: Script, count: usize) -> Run {
    let Harness {
        daemon,
        inputs,
        receiver,
        mut shown,
        clock,
        ..
    } = harness(config);
    let asked = Arc::new(Mutex::new(Vec::new()));
    script.clock = clock;
    script.asked = asked.clone();
    let daemon = daemon.with_calls(Box::new(script));
    let driver = async {
        let mut got = Vec::new();
        for _ in 0..count {
            got.push(next(&mut shown).await.at);
        }
        inputs.send(Input::Shutdown).await.unwrap();
        got
    };
    let (_, shown) = tokio::join!(daemon.run(receiver), driver);
    let asked = asked.lock().unwrap().clone();
    Run { shown, asked }
}

fn script(from: u64, until: u64) -> Script {
    Script {
        clock: FakeClock::new(),
        from,
        until,
        delay: Duration::from_millis(15),
        broken: false,
        asked: Arc::default(),
    }
}

fn config(presence: &str) -> Config {
    all_day_config(&format!("[presence]\n{presence}\n{STRETCH_50M}"), 3)
}

#[tokio::test(start_paused = true)]
async fn a_reminder_due_in_a_call_fires_once_grace_after_the_minute_check_that_finds_it_over() {
    // In a call from 45 min to 62 min 30 s; the stretch is due at 50 min.
    let got = run(
        config("grace = \"30s\""),
        script(45 * MIN, 62 * MIN + 30),
        2,
    )
    .await;
    // Checked at 50 min and each minute after; the check at 63 min finds the call over, and
    // the reminder fires 30 s later (asked once more just before, as every reminder is).
    let mut asked: Vec<u64> = (50..=63).map(|m| m * MIN).collect();
    asked.push(63 * MIN + 30);
    // The next is 50 min after that, asked once; nothing in between.
    asked.push(113 * MIN + 30);
    assert_eq!(got.asked, asked);
    assert_eq!(got.shown, [63 * MIN + 30, 113 * MIN + 30]);
}

#[tokio::test(start_paused = true)]
async fn a_hold_longer_than_call_max_hold_drops_what_it_held() {
    // A call from 45 min to 200 min; holds last at most 10 min.
    let got = run(
        config("grace = \"30s\"\ncall_max_hold = \"10m\""),
        script(45 * MIN, 200 * MIN),
        1,
    )
    .await;
    // Due at 50: held, and dropped at 60 (the interval counts from then); due at 110: held,
    // dropped at 120; due at 170, dropped at 180; due at 230, after the call: shown at once.
    assert_eq!(got.shown, [230 * MIN]);
    let asked: Vec<u64> = got.asked.iter().map(|s| s / MIN).collect();
    let mut expected = Vec::new();
    for due in [50, 110, 170] {
        // Asked when due and each minute after, up to the 10th, when it is dropped unasked.
        expected.extend(due..due + 10);
    }
    expected.push(230);
    assert_eq!(asked, expected);
}

#[tokio::test(start_paused = true)]
async fn an_ask_that_cannot_tell_or_takes_a_while_holds_nothing() {
    let mut broken = script(0, 1000 * MIN);
    broken.broken = true;
    broken.delay = Duration::from_secs(2);
    let got = run(config(""), broken, 2).await;
    // The answer comes 2 s after the due time, and says nothing: it fires then.
    assert_eq!(got.shown, [50 * MIN + 2, 100 * MIN + 4]);
    assert_eq!(got.asked, [50 * MIN, 100 * MIN + 2]);
}

#[tokio::test(start_paused = true)]
async fn with_respect_calls_off_the_source_is_never_asked() {
    let got = run(config("respect_calls = false"), script(0, 1000 * MIN), 2).await;
    assert_eq!(got.shown, [50 * MIN, 100 * MIN]);
    assert!(got.asked.is_empty(), "{:?}", got.asked);
}
