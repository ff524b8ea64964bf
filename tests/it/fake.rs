//! Fakes for running the daemon in process on tokio's paused time: a wall clock that moves with
//! it, in a named zone, and a notifier that records what it is asked to show and close.

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Local, TimeZone, Utc};
use stretchd::config::{Config, Origin};
use stretchd::daemon::Clock;
use stretchd::daemon::notify::{Notice, Notifier, NotifyError};
use tokio::sync::mpsc;
use tokio::time::Instant;

/// Wall-clock time that starts at `base` and moves with tokio's (paused) clock, in `zone`.
#[derive(Clone, Copy)]
pub struct FakeClock {
    /// The wall-clock time at the start.
    pub base: DateTime<Utc>,
    start: Instant,
    zone: chrono_tz::Tz,
}

impl FakeClock {
    /// 10:00 local time on a plain June Wednesday, whatever the test machine's zone.
    pub fn new() -> FakeClock {
        let base = Local
            .with_ymd_and_hms(2026, 6, 10, 10, 0, 0)
            .earliest()
            .unwrap()
            .with_timezone(&Utc);
        FakeClock {
            base,
            start: Instant::now(),
            zone: chrono_tz::UTC,
        }
    }

    /// `local` wall-clock time in `zone`.
    pub fn at(zone: chrono_tz::Tz, local: &str) -> FakeClock {
        let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
        let base = zone
            .from_local_datetime(&naive)
            .earliest()
            .unwrap()
            .with_timezone(&Utc);
        FakeClock {
            base,
            start: Instant::now(),
            zone,
        }
    }

    /// Time since the start, in whole seconds.
    pub fn elapsed(&self) -> u64 {
        (self.now() - self.base).num_seconds().try_into().unwrap()
    }

    /// The wall-clock time `secs` after the start.
    pub fn after(&self, secs: u64) -> DateTime<Utc> {
        self.base + chrono::Duration::seconds(secs.try_into().unwrap())
    }
}

impl Clock for FakeClock {
    type Zone = chrono_tz::Tz;

    fn zone(&self) -> &chrono_tz::Tz {
        &self.zone
    }

    fn now(&self) -> DateTime<Utc> {
        let elapsed = chrono::Duration::from_std(Instant::now() - self.start).unwrap();
        self.base + elapsed
    }
}

/// One call to `show`.
#[derive(Debug, Clone)]
pub struct Shown {
    /// Seconds after the start.
    pub at: u64,
    pub id: u32,
    pub replaces: u32,
    pub notice: Notice,
}

/// Records every notice, hands each one to the test, and returns ids 1, 2, 3, ...; records
/// every close.
pub struct Recorder {
    clock: FakeClock,
    next_id: u32,
    shown: mpsc::UnboundedSender<Shown>,
    closed: Arc<Mutex<Vec<u32>>>,
}

/// The test's ends of a [`Recorder`]: what it showed, as it shows it, and what it closed.
pub struct Recorded {
    pub shown: mpsc::UnboundedReceiver<Shown>,
    pub closed: Arc<Mutex<Vec<u32>>>,
}

impl Recorder {
    /// A recorder that stamps notices with `clock`'s time, and the test's ends of it.
    pub fn new(clock: FakeClock) -> (Recorder, Recorded) {
        let (shown_tx, shown) = mpsc::unbounded_channel();
        let closed = Arc::new(Mutex::new(Vec::new()));
        let recorder = Recorder {
            clock,
            next_id: 0,
            shown: shown_tx,
            closed: closed.clone(),
        };
        (recorder, Recorded { shown, closed })
    }
}

impl Notifier for Recorder {
    fn show(
        &mut self,
        notice: &Notice,
        replaces: u32,
    ) -> impl Future<Output = Result<u32, NotifyError>> + 'static {
        self.next_id += 1;
        let shown = Shown {
            at: self.clock.elapsed(),
            id: self.next_id,
            replaces,
            notice: notice.clone(),
        };
        self.shown.send(shown).unwrap();
        std::future::ready(Ok(self.next_id))
    }

    fn close(&mut self, id: u32) -> impl Future<Output = ()> + 'static {
        self.closed.lock().unwrap().push(id);
        std::future::ready(())
    }
}

/// The next notice, waiting at most a virtual day.
pub async fn next(shown: &mut mpsc::UnboundedReceiver<Shown>) -> Shown {
    tokio::time::timeout(Duration::from_secs(24 * 3600), shown.recv())
        .await
        .expect("no notice within a day")
        .expect("the daemon stopped")
}

/// Work hours all day, every day, so that the machine's local zone does not matter.
pub fn all_day_config(reminders: &str, snooze_max: u32) -> Config {
    let text = format!(
        r#"
[schedule]
work_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
work_hours = ["00:00-24:00"]

[snooze]
length = "10m"
max = {snooze_max}
{reminders}"#
    );
    Config::parse(&text, &Origin::Embedded).unwrap()
}

/// A reminder to stretch every 50 minutes.
pub const STRETCH_50M: &str =
    "[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"50m\"\n";
/// A posture check every 25 minutes.
pub const POSTURE_25M: &str =
    "[[reminder]]\nid = \"posture\"\nkind = \"posture\"\nevery = \"25m\"\n";

/// A minute in seconds.
pub const MIN: u64 = 60;

/// A daemon on the fake clock and recorder, and the test's ends of its channels.
pub struct Harness {
    pub daemon: stretchd::daemon::Daemon<Recorder, FakeClock>,
    pub inputs: mpsc::Sender<stretchd::daemon::Input>,
    pub receiver: mpsc::Receiver<stretchd::daemon::Input>,
    pub shown: mpsc::UnboundedReceiver<Shown>,
    pub closed: Arc<Mutex<Vec<u32>>>,
    pub clock: FakeClock,
}

/// A [`Harness`] for `config` on a fresh clock.
pub fn harness(config: Config) -> Harness {
    harness_on(config, FakeClock::new())
}

/// A [`Harness`] for `config` on `clock`.
pub fn harness_on(config: Config, clock: FakeClock) -> Harness {
    let (notifier, Recorded { shown, closed }) = Recorder::new(clock);
    let (inputs, receiver) = mpsc::channel(8);
    Harness {
        daemon: stretchd::daemon::Daemon::new(config, None, notifier, clock),
        inputs,
        receiver,
        shown,
        closed,
        clock,
    }
}
