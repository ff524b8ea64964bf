//! The daemon in process, end to end through its control socket: [`stretchd::daemon::run`] on
//! a real socket in a temporary directory, with a notifier that records what it shows and
//! closes, a state file and history in that directory, and a clock on tokio's paused time. The
//! requests go through the CLI's own client ([`stretchd::ipc::Client`]), on a blocking thread
//! (which holds paused time still until it has its answer). Nothing really sleeps: paused time
//! jumps to each deadline.

use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::fake::{FakeClock, MIN, Recorded, Recorder, STRETCH_50M, Shown, all_day_config, next};
use stretchd::config::{Config, IdleSource};
use stretchd::daemon::notify::{Action, Event};
use stretchd::daemon::presence::{Away, PresenceEvent};
use stretchd::daemon::watch::Changed;
use stretchd::daemon::{Deps, Ending, PresenceFeed, Stopped, Stored, run};
use stretchd::ipc::{Client, Held, Request, Response, Status};
use stretchd::store::Store;
use stretchd::store::history::{self, History, Outcome};
use tempfile::TempDir;
use tokio::sync::{mpsc, oneshot};

/// The test's ends of a daemon started with [`start`].
struct Running {
    /// The control socket.
    socket: PathBuf,
    /// Holds the socket, the state file and the history.
    dir: TempDir,
    shown: mpsc::UnboundedReceiver<Shown>,
    closed: Arc<Mutex<Vec<u32>>>,
    /// Reports from the "notification server"; dropping it loses the session bus.
    server: mpsc::Sender<Event>,
    presence: mpsc::Sender<PresenceEvent>,
    /// Resolves the shutdown future ([`Running::stop`]).
    stop: Option<oneshot::Sender<()>>,
    clock: FakeClock,
}

impl Running {
    /// Resolves the daemon's shutdown future.
    fn stop(&mut self) {
        self.stop.take().unwrap().send(()).unwrap();
    }

    /// Sends `request` with the real client and returns the answer.
    async fn ask(&self, request: Request) -> Response {
        let socket = self.socket.clone();
        tokio::task::spawn_blocking(move || Client::connect(&socket)?.call(&request))
            .await
            .unwrap()
            .unwrap_or_else(|e| panic!("the client failed: {e}"))
    }

    /// Follows the status (`status --follow`) until one satisfies `done`, and returns it: how
    /// a test waits for the daemon to have handled an event that has no answer of its own.
    async fn status_when(&self, done: fn(&Status) -> bool) -> Status {
        let socket = self.socket.clone();
        tokio::task::spawn_blocking(move || {
            let mut found = None;
            Client::connect(&socket)?.follow(|response| match response {
                Response::Status(status) if done(&status) => {
                    found = Some(*status);
                    false
                }
                Response::Status(_) => true,
                other => panic!("not a status: {other:?}"),
            })?;
            Ok::<_, stretchd::ipc::ClientError>(found.expect("the stream ended"))
        })
        .await
        .unwrap()
        .unwrap_or_else(|e| panic!("the client failed: {e}"))
    }

    async fn status(&self) -> Status {
        match self.ask(Request::Status).await {
            Response::Status(status) => *status,
            other => panic!("not a status: {other:?}"),
        }
    }

    /// The history entries' outcomes, in order.
    fn outcomes(&self) -> Vec<Outcome> {
        let log = history::read(&self.dir.path().join("history.jsonl")).unwrap();
        log.entries.iter().map(|e| e.outcome).collect()
    }
}

/// The daemon on `config`, bound and ready, and the test's ends of it; the future is the
/// daemon itself, to be polled beside the test's driver.
fn start(config: Config) -> (Running, impl Future<Output = Stopped>) {
    let clock = FakeClock::new();
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("run").join("control.sock");
    let (notifier, Recorded { shown, closed }) = Recorder::new(clock);
    let (server, notifications) = mpsc::channel(8);
    let (presence, events) = mpsc::channel(8);
    let (stop, stopped) = oneshot::channel::<()>();
    let store = Store::new(&dir.path().join("state"));
    let deps = Deps {
        config,
        config_path: None,
        socket: stretchd::daemon::control::ControlSocket::bind(&socket).unwrap(),
        notifier,
        notifications,
        clock,
        stored: Stored {
            state: store.load(clock.base),
            store,
            history: Ok(History::open(dir.path().join("history.jsonl")).unwrap()),
            recent: Vec::new(),
        },
        presence: PresenceFeed {
            events,
            idle_source: IdleSource::None,
            asked: None,
            lull: None,
            calls: None,
        },
        reloads: mpsc::channel::<()>(1).1,
        config_changes: mpsc::channel::<Changed>(1).1,
        images: None,
        tray: None,
        shutdown: async {
            let _ = stopped.await;
        },
        language: stretchd::i18n::Lang::english(),
    };
    let running = Running {
        socket,
        dir,
        shown,
        closed,
        server,
        presence,
        stop: Some(stop),
        clock,
    };
    (running, run(deps))
}

/// A stretch every 50 minutes, snoozed for 10 by default, natural breaks from 5 minutes.
fn config() -> Config {
    all_day_config(
        &format!("[presence]\nnatural_break = \"5m\"\n{STRETCH_50M}"),
        3,
    )
}

/// The message of an `Ok` response.
fn ok(response: Response) -> String {
    match response {
        Response::Ok { message, .. } => message,
        other => panic!("not ok: {other:?}"),
    }
}

/// The message of an `Error` response.
fn refused(response: Response) -> String {
    match response {
        Response::Error { message, .. } => message,
        other => panic!("not refused: {other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn status_and_next_over_the_socket() {
    let (mut d, daemon) = start(config());
    let driver = async {
        let status = d.status().await;
        let next = d.ask(Request::Next { count: 3 }).await;
        d.stop();
        (status, next)
    };
    let (stopped, (status, next)) = tokio::join!(daemon, driver);
    assert_eq!(status.pid, std::process::id());
    assert_eq!(status.running_since, d.clock.base);
    assert_eq!(status.config, "<built-in default>");
    assert_eq!(status.idle_source, IdleSource::None);
    assert_eq!(
        status.next.as_ref().map(|n| n.at),
        Some(d.clock.after(50 * MIN))
    );
    assert_eq!(status.next.map(|n| n.reminder).as_deref(), Some("stretch"));
    assert_eq!(
        (status.waiting, status.paused, status.snoozed, status.held),
        (None, None, None, None)
    );
    let Response::Next { upcoming } = next else {
        panic!("{next:?}")
    };
    let times: Vec<_> = upcoming.iter().map(|u| u.at).collect();
    assert_eq!(times, [50, 100, 150].map(|m| d.clock.after(m * MIN)));
    assert!(upcoming.iter().all(|u| u.title.starts_with("Stretch: ")));
    assert_eq!(stopped.ending, Ending::Stopped);
}

#[tokio::test(start_paused = true)]
async fn done_answers_the_reminder_on_screen_once_and_takes_it_off_the_screen() {
    let (mut d, daemon) = start(config());
    let driver = async {
        let nothing_yet = d.ask(Request::Done { adjust: None }).await;
        let first = next(&mut d.shown).await;
        let waiting = d.status().await.waiting;
        let done = d.ask(Request::Done { adjust: None }).await;
        let closed = d.closed.lock().unwrap().clone();
        let again = d.ask(Request::Skip).await;
        let week = d.status().await.week;
        d.stop();
        (nothing_yet, first, waiting, done, closed, again, week)
    };
    let (stopped, (nothing_yet, first, waiting, done, closed, again, week)) =
        tokio::join!(daemon, driver);
    assert_eq!(
        refused(nothing_yet),
        "no reminder has been shown yet; nothing to answer"
    );
    assert_eq!(first.at, 50 * MIN);
    assert_eq!(waiting.map(|w| w.title), Some(first.notice.title.clone()));
    assert_eq!(ok(done), "done: \"stretch\"");
    assert_eq!(
        closed,
        [first.id],
        "Done takes the notification off the screen"
    );
    let again = refused(again);
    assert!(again.contains("was already answered: done"), "{again}");
    // A desk stretch: no session toward the week's goal.
    assert_eq!(week.done, 0);
    assert_eq!(d.outcomes(), [Outcome::Done]);
    assert_eq!(
        stopped.state.last_fired.get("stretch"),
        Some(&d.clock.after(50 * MIN))
    );
}

#[tokio::test(start_paused = true)]
async fn snooze_puts_off_the_reminder_on_screen_or_else_the_next_one() {
    let (mut d, daemon) = start(config());
    let driver = async {
        // Nothing on screen: the next reminder (due at 50 min) comes back 20 min after it.
        let next_one = d
            .ask(Request::Snooze {
                secs: Some(20 * MIN),
            })
            .await;
        let snoozed = d.status().await.snoozed;
        let first = next(&mut d.shown).await;
        // On screen: it goes away and comes back after `snooze.length` (10 min).
        let on_screen = d.ask(Request::Snooze { secs: None }).await;
        let closed = d.closed.lock().unwrap().clone();
        let back = next(&mut d.shown).await;
        d.stop();
        (next_one, snoozed, first, on_screen, closed, back)
    };
    let (_, (next_one, snoozed, first, on_screen, closed, back)) = tokio::join!(daemon, driver);
    let next_one = ok(next_one);
    assert!(
        next_one.starts_with("snoozed the next reminder, \"stretch\", until "),
        "{next_one}"
    );
    let snoozed = snoozed.unwrap();
    assert_eq!((snoozed.until, snoozed.count), (d.clock.after(70 * MIN), 1));
    assert_eq!(first.at, 70 * MIN);
    let on_screen = ok(on_screen);
    assert!(
        on_screen.starts_with("snoozed \"stretch\" until "),
        "{on_screen}"
    );
    assert_eq!(closed, [first.id]);
    assert_eq!(back.at, 80 * MIN);
    assert_eq!(back.notice.title, first.notice.title, "the same stretch");
    assert_eq!(d.outcomes(), [Outcome::Snoozed]);
}

#[tokio::test(start_paused = true)]
async fn a_pause_holds_every_reminder_until_it_ends_or_is_resumed() {
    let (mut d, daemon) = start(config());
    let driver = async {
        let until = d.clock.after(120 * MIN);
        let paused = d.ask(Request::Pause { until: Some(until) }).await;
        let status = d.status().await;
        // The 50-minute reminder fell due during the pause: it fires once, at its end.
        let after_pause = next(&mut d.shown).await;
        let forever = d.ask(Request::Pause { until: None }).await;
        tokio::time::sleep(Duration::from_secs(5 * 60 * MIN)).await;
        let held = d.shown.try_recv().ok();
        let resumed = d.ask(Request::Resume).await;
        let not_paused = d.ask(Request::Resume).await;
        let after_resume = next(&mut d.shown).await;
        d.stop();
        (
            paused,
            status,
            after_pause,
            forever,
            held,
            resumed,
            not_paused,
            after_resume,
        )
    };
    let (_, (paused, status, after_pause, forever, held, resumed, not_paused, after_resume)) =
        tokio::join!(daemon, driver);
    assert!(ok(paused).starts_with("paused until "));
    assert_eq!(
        status.paused.and_then(|p| p.until),
        Some(d.clock.after(120 * MIN))
    );
    assert_eq!(status.next.map(|n| n.at), Some(d.clock.after(120 * MIN)));
    assert_eq!(after_pause.at, 120 * MIN);
    assert_eq!(ok(forever), "paused until `stretchd resume`");
    assert!(held.is_none(), "shown while paused: {held:?}");
    assert_eq!(ok(resumed), "resumed");
    assert_eq!(ok(not_paused), "not paused; nothing to resume");
    // What fell due during the pause is absorbed: the interval restarts at the resume.
    assert_eq!(after_resume.at, (120 + 300 + 50) * MIN);
}

#[tokio::test(start_paused = true)]
async fn now_shows_a_reminder_and_answers_once_the_server_has_it() {
    let (mut d, daemon) = start(config());
    let driver = async {
        let now = d.ask(Request::Now { reminder: None }).await;
        let shown = next(&mut d.shown).await;
        let unknown = d
            .ask(Request::Now {
                reminder: Some("nope".into()),
            })
            .await;
        d.stop();
        (now, shown, unknown)
    };
    let (stopped, (now, shown, unknown)) = tokio::join!(daemon, driver);
    assert_eq!(ok(now), format!("showing {}", shown.notice.title));
    assert_eq!(shown.at, 0);
    assert_eq!(
        refused(unknown),
        "no reminder has the id \"nope\" (known: stretch)"
    );
    // Its interval restarts from the showing.
    assert_eq!(stopped.state.last_fired.get("stretch"), Some(&d.clock.base));
}

#[tokio::test(start_paused = true)]
async fn answers_from_the_notification_server_are_recorded() {
    let (mut d, daemon) = start(config());
    let driver = async {
        let first = next(&mut d.shown).await;
        d.server
            .send(Event::Action(first.id, Action::Skip))
            .await
            .unwrap();
        d.status_when(|s| s.waiting.is_none()).await;
        let after = d.ask(Request::Done { adjust: None }).await;
        d.stop();
        (first, after)
    };
    let (_, (first, after)) = tokio::join!(daemon, driver);
    assert!(refused(after).contains("was already answered: skipped"));
    assert_eq!(*d.closed.lock().unwrap(), [first.id]);
    assert_eq!(d.outcomes(), [Outcome::Skipped]);
}

#[tokio::test(start_paused = true)]
async fn away_holds_reminders_and_a_natural_break_restarts_the_interval() {
    let (mut d, daemon) = start(config());
    let driver = async {
        let since = d.clock.after(10 * MIN);
        tokio::time::sleep(Duration::from_secs(10 * MIN)).await;
        let away = PresenceEvent::Away {
            reason: Away::Locked,
            since,
        };
        d.presence.send(away).await.unwrap();
        let held = d.status_when(|s| s.held.is_some()).await.held;
        tokio::time::sleep(Duration::from_secs(60 * MIN)).await;
        let nothing = d.shown.try_recv().ok();
        let back = PresenceEvent::Back {
            reason: Away::Locked,
            at: d.clock.after(70 * MIN),
        };
        d.presence.send(back).await.unwrap();
        let after = next(&mut d.shown).await;
        d.stop();
        (held, nothing, after)
    };
    let (_, (held, nothing, after)) = tokio::join!(daemon, driver);
    assert_eq!(
        held,
        Some(Held::Locked {
            since: d.clock.after(10 * MIN)
        })
    );
    assert!(nothing.is_none(), "shown while away: {nothing:?}");
    assert_eq!(after.at, (70 + 50) * MIN);
}

#[tokio::test(start_paused = true)]
async fn shutdown_saves_the_state_and_removes_the_socket() {
    let (mut d, daemon) = start(config());
    let driver = async {
        ok(d.ask(Request::Pause { until: None }).await);
        d.stop();
    };
    let (stopped, ()) = tokio::join!(daemon, driver);
    assert_eq!(stopped.ending, Ending::Stopped);
    assert!(!d.socket.exists(), "the socket file is left behind");
    let saved = Store::new(&d.dir.path().join("state")).load(d.clock.base);
    assert_eq!(saved.pause, stopped.state.pause);
    assert!(saved.pause.is_some_and(|p| p.until.is_none()));
}

#[tokio::test(start_paused = true)]
async fn losing_the_notification_servers_bus_stops_it() {
    let (d, daemon) = start(config());
    let Running { server, socket, .. } = d;
    // The notifier's channel closes with its bus connection.
    drop(server);
    let stopped = tokio::time::timeout(Duration::from_secs(60), daemon)
        .await
        .expect("still running without the bus");
    assert_eq!(stopped.ending, Ending::BusLost);
    assert!(!socket.exists());
}
