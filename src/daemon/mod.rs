//! The daemon: one loop that sleeps until the next reminder is due, shows it, and handles the
//! answers, control requests, config changes and shutdown. It owns the config, the state and
//! the history; everything else (signals, the notification server, the control socket, the file
//! watcher) sends it [`Input`]s over one channel.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::time::Duration;

use chrono::{DateTime, Local, TimeDelta, TimeZone, Utc};
use futures_util::StreamExt as _;
use futures_util::stream::FuturesUnordered;
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;
use tracing::{debug, error, info, warn};

use crate::config::{Config, Hook, IdleSource, Kind, OnClick, Origin};
use crate::daemon::notify::{
    Action, CALL_TIMEOUT, Event, LATE_REPLY, Notice, Notifier, NotifyError,
};
use crate::daemon::presence::{AskIdle, PresenceEvent};
use crate::daemon::refusal::{RecordError, Refusal};
use crate::i18n::Said;
use crate::i18n::{Lang, arg};
use crate::ipc::{Request, Response, Status};
use crate::schedule::level::Adjust;
use crate::schedule::state::State;
use crate::schedule::{self, Fire};
use crate::store::Store;
use crate::store::history::{Entry, History, Outcome};

mod away;
mod call_hold;
pub mod control;
mod hooks;
mod launch;
mod lull;
pub mod notify;
pub mod presence;
pub mod process;
pub mod refusal;
mod requests;
mod serve;
mod sync;
pub mod tray;
pub mod watch;

pub use serve::{Deps, PresenceFeed, run, serve};

/// How long the config must stay quiet after a change before it is reloaded, so that an
/// editor's burst of writes and renames causes one reload.
const RELOAD_SETTLE: Duration = Duration::from_millis(150);

/// Something for the daemon loop to handle.
#[derive(Debug)]
pub enum Input {
    /// The notification server reported an answer.
    Notification(Event),
    /// Re-read the config now (SIGHUP).
    Reload,
    /// The config file changed on disk.
    ConfigChanged,
    /// A request from the control socket, and where to send the answer.
    Control(Request, oneshot::Sender<Response>),
    /// A `status --follow` client: send it a status now, on every change and once a minute.
    Follow(mpsc::Sender<Status>),
    /// A presence source reported a change.
    Presence(PresenceEvent),
    /// The tray icon asks for something beside the CLI's requests (which it sends as
    /// [`Input::Control`]).
    Tray(tray::Ask),
    /// Stop (SIGTERM, SIGINT).
    Shutdown,
    /// The session bus went away: stop, and say so in what [`Daemon::run`] returns.
    BusLost,
}

/// How [`Daemon::run`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Asked to stop ([`Input::Shutdown`]), or every sender of inputs is gone.
    Stopped,
    /// The session bus went away ([`Input::BusLost`]).
    BusLost,
}

/// What [`Daemon::run`] returns: the final state, and why it ended.
#[derive(Debug)]
pub struct Stopped {
    /// The state at the end (already saved, when the daemon keeps one on disk).
    pub state: State,
    /// Why the loop ended.
    pub ending: Ending,
}

impl From<control::Call> for Input {
    fn from(call: control::Call) -> Input {
        match call {
            control::Call::Request(request, reply) => Input::Control(request, reply),
            control::Call::Follow(follower) => Input::Follow(follower),
        }
    }
}

/// The source of wall-clock time, and the user's time zone. The loop reads the time once per
/// wakeup and hands both to the pure schedule; tests use a clock that moves with tokio's paused
/// time, in a named zone.
pub trait Clock {
    /// The zone that work hours, cron lines and weeks are in.
    type Zone: TimeZone<Offset: std::fmt::Display> + Send + 'static;
    /// The current wall-clock time.
    fn now(&self) -> DateTime<Utc>;
    /// The user's time zone.
    fn zone(&self) -> &Self::Zone;
}

/// The system's wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    type Zone = Local;

    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn zone(&self) -> &Local {
        &Local
    }
}

/// Notification-server calls under way. The loop polls them beside its other inputs, so a
/// server that is slow or stopped holds nothing up; each ends within [`CALL_TIMEOUT`].
type Pending = FuturesUnordered<Pin<Box<dyn Future<Output = Completion>>>>;

/// How a notification-server call under way ended.
enum Completion {
    /// The Notify call for the reminder shown as number `seq` (it may answer up to
    /// [`LATE_REPLY`]).
    Reminder {
        seq: u64,
        result: Result<u32, NotifyError>,
    },
    /// [`CALL_TIMEOUT`] has passed since the reminder numbered `seq` was sent: a `stretchd
    /// now` still waiting hears that the server did not answer.
    ReplyDue { seq: u64 },
    /// The Notify call for the config-error notice.
    ErrorNotice(Result<u32, NotifyError>),
    /// The Notify call for the status shown when the tray icon is clicked.
    StatusNotice(Result<u32, NotifyError>),
    /// Work that needs nothing more of the loop: a `CloseNotification` call (best effort; a
    /// failure is logged where it happens), a `next` preview computed beside the loop.
    Finished,
    /// A `[hooks]` command ended.
    Hook(hooks::Ran),
    /// An ask of the calls source ended.
    Calls(presence::calls::Found),
}

/// Notification events for an id the daemon does not know yet, kept while a Notify call is
/// under way: a server may report a click before its reply to Notify is handled.
const EARLY_EVENTS: usize = 8;

/// `call`, bounded by `limit`.
async fn bounded<T>(
    limit: Duration,
    call: impl Future<Output = Result<T, NotifyError>>,
) -> Result<T, NotifyError> {
    tokio::time::timeout(limit, call)
        .await
        .unwrap_or(Err(NotifyError::Timeout(limit)))
}

/// What the daemon keeps on disk, opened: see [`Daemon::persist`].
pub struct Stored {
    /// The state file.
    pub store: Store,
    /// The state it held (or a fresh one).
    pub state: State,
    /// The history log to append answers to, or where it is when it could not be opened.
    pub history: Result<History, PathBuf>,
    /// The history's recent entries (at least this week's and the three weeks before), for the
    /// weekly progress and the suggestion of a higher goal.
    pub recent: Vec<Entry>,
}

/// The latest reminder and what became of it.
#[derive(Debug)]
struct Last {
    /// Which showing this is (counted from 1), to match the server's late reply to it.
    seq: u64,
    fire: Fire,
    /// The notification showing it, once the server has taken it.
    notification: Option<u32>,
    /// The answer so far; dismissed or expired still accept an answer from the CLI.
    outcome: Option<Outcome>,
    /// Sent while the server was in do-not-disturb mode (`stretchd now`): the server filed it
    /// without showing it, so `status` does not show it as waiting for an answer.
    filed: bool,
    /// A click on it opened its card or the guide: the server closing it after the click
    /// (dunst's default `do_action, close_current`) is no answer, as the user is stretching.
    opened: bool,
}

impl Last {
    fn awaits_answer(&self) -> bool {
        matches!(
            self.outcome,
            None | Some(Outcome::Dismissed | Outcome::Expired)
        )
    }
}

/// A reminder's title in English and in the daemon's language.
type Titles = (String, String);

/// The daemon loop and everything it owns.
pub struct Daemon<N, C> {
    config: Config,
    config_path: Option<PathBuf>,
    config_error: Option<String>,
    state: State,
    /// The state as last written, to skip writes that change nothing.
    saved: Option<State>,
    /// Whether the last save failed: the failure is reported once, and so is the recovery.
    save_failing: bool,
    store: Option<Store>,
    history: Option<History>,
    /// The history log that could not be opened, to try again at the next answer.
    history_path: Option<PathBuf>,
    /// Times of this week's (and last week's) stretches answered Done, for the progress line.
    recent_done: Vec<DateTime<Utc>>,
    /// When each reminder was last answered Done here, for the `[sync]` folder.
    last_done: std::collections::BTreeMap<String, DateTime<Utc>>,
    /// The `[sync]` folder, while sync is on.
    sync: Option<sync::Link>,
    /// Why sync is off although the config names a folder (it could not be used).
    sync_off: Option<String>,
    notifier: N,
    clock: C,
    started: DateTime<Utc>,
    last: Option<Last>,
    /// Showings so far (the `seq` of the latest).
    shown: u64,
    /// Notification-server calls under way.
    pending: Pending,
    /// Events that arrived for an unknown id while a Notify call was under way.
    early: Vec<Event>,
    /// `stretchd now` requests waiting to hear how their reminder's Notify call went: its
    /// `seq`, its title, whether it went to a server in do-not-disturb mode, and where to
    /// answer.
    now_replies: Vec<(u64, Titles, bool, oneshot::Sender<Response>)>,
    error_notice: u32,
    /// The notification showing the status (a click on the tray icon), to replace.
    status_notice: u32,
    server_missing: bool,
    followers: Vec<mpsc::Sender<Status>>,
    /// Where the tray icon reads the status: kept current only while it is subscribed.
    tray: Option<tokio::sync::watch::Sender<tray::host::Shown>>,
    last_status: Option<Status>,
    reload_at: Option<Instant>,
    /// The idle source in use, for `stretchd status`.
    idle_source: IdleSource,
    /// The idle source to ask, when it cannot tell by itself (X11).
    asked: Option<Box<dyn AskIdle>>,
    /// When to ask it next.
    ask_at: Option<DateTime<Utc>>,
    /// A due reminder's wait for a pause in typing, and the idle source's watch for one.
    lull: lull::Lull,
    /// Where the stretch illustrations are, if they could be written.
    images: Option<PathBuf>,
    /// The `[hooks]` runs under way, and which hooks fail.
    hooks: hooks::Hooks,
    /// The language of the daemon's environment (English unless [`Daemon::with_language`]).
    environment_lang: Lang,
    /// The language it speaks: `[ui] language`, else the environment's; chosen at the start
    /// and at every reload.
    lang: Lang,
    /// Whether a call holds reminders, and the source that tells.
    calls: call_hold::Calls,
}

impl<N: Notifier, C: Clock> Daemon<N, C> {
    /// A daemon with fresh state that keeps nothing on disk; `config_path` is what a reload
    /// reads (`None`: the user's default path, falling back to the built-in config).
    pub fn new(config: Config, config_path: Option<PathBuf>, notifier: N, clock: C) -> Self {
        let started = clock.now();
        Daemon {
            config,
            config_path,
            config_error: None,
            state: State::new(started),
            saved: None,
            save_failing: false,
            store: None,
            history: None,
            history_path: None,
            recent_done: Vec::new(),
            last_done: std::collections::BTreeMap::new(),
            sync: None,
            sync_off: None,
            notifier,
            clock,
            started,
            last: None,
            shown: 0,
            pending: Pending::new(),
            early: Vec::new(),
            now_replies: Vec::new(),
            error_notice: 0,
            status_notice: 0,
            server_missing: false,
            followers: Vec::new(),
            tray: None,
            last_status: None,
            reload_at: None,
            idle_source: IdleSource::None,
            asked: None,
            ask_at: None,
            lull: lull::Lull::default(),
            images: None,
            hooks: hooks::Hooks::default(),
            environment_lang: Lang::english(),
            lang: Lang::english(),
            calls: call_hold::Calls::default(),
        }
        .with_language(Lang::english())
    }

    /// Speaks the language of `environment` (the process's, [`Lang::of_process`]) unless the
    /// config's `[ui] language` names another.
    #[must_use]
    pub fn with_language(mut self, environment: Lang) -> Self {
        self.environment_lang = environment;
        self.lang = self.config.lang(environment);
        self
    }

    /// Shows each stretch with its illustration from `dir` (`<dir>/<id>.svg`, when present).
    #[must_use]
    pub fn with_images(mut self, dir: PathBuf) -> Self {
        self.images = Some(dir);
        self
    }

    /// Publishes the status for a tray icon on `shown` (see [`tray`]).
    #[must_use]
    pub fn with_tray(mut self, shown: tokio::sync::watch::Sender<tray::host::Shown>) -> Self {
        self.tray = Some(shown);
        self
    }

    /// Names the idle source in use and, for one that must be asked, hands it over; it is asked
    /// right away.
    #[must_use]
    pub fn with_idle_source(mut self, source: IdleSource, asked: Option<Box<dyn AskIdle>>) -> Self {
        self.idle_source = source;
        self.ask_at = asked.as_ref().map(|_| self.clock.now());
        self.asked = asked;
        self
    }

    /// Hands over the idle source's watch for a pause in typing, for reminders due while the
    /// user types.
    #[must_use]
    pub fn with_lull_watch(mut self, watch: Option<Box<dyn presence::WatchLull>>) -> Self {
        self.lull = lull::Lull::new(watch);
        self
    }

    /// Keeps the state in the store (starting from the state given) and appends answers to
    /// the history, or, if it could not be opened, to the log at that path once it can be
    /// (tried again at every answer); the recent entries seed the weekly progress.
    #[must_use]
    pub fn persist(mut self, stored: Stored) -> Self {
        let Stored {
            store,
            state,
            history,
            recent,
        } = stored;
        self.saved = Some(state.clone());
        self.state = state;
        schedule::forget_unknown_snoozes(&self.config, &mut self.state);
        self.store = Some(store);
        match history {
            Ok(history) => self.history = Some(history),
            Err(path) => self.history_path = Some(path),
        }
        self.recent_done = recent
            .iter()
            .filter(|e| e.kind == Kind::Session && e.outcome == Outcome::Done)
            .map(|e| e.time)
            .collect();
        self.last_done = sync::last_done(&recent);
        self
    }

    /// Runs until [`Input::Shutdown`] arrives or every sender is gone. Between events it sleeps
    /// until the next reminder is due (or the next minute, while a status bar follows),
    /// recomputing that deadline after every event. Returns the final state and why it ended.
    pub async fn run(mut self, mut inputs: mpsc::Receiver<Input>) -> Stopped {
        self.configure_sync();
        let ending = loop {
            let now = self.clock.now();
            let due =
                schedule::next_due(&self.config, &self.state, now, self.clock.zone()).map(|d| d.at);
            // A reminder due while the user types waits for a pause (see lull.rs); the watch
            // armed ahead of it stays armed while the calls are asked.
            let due = self.lull_wake(now, due);
            // While the calls source is asked, the reminder due waits for its answer.
            let due = due.filter(|_| !self.calls.asking);
            let tick = (!self.followers.is_empty()).then(|| next_minute(now));
            let ask_at = self.ask_at;
            let call_check = self.calls.check_at;
            let reload_at = self.reload_at;
            let merge_at = self.sync.as_ref().and_then(|l| l.merge_at);
            // Calls started while handling this event join the others afterwards; so does the
            // sync folder's watch, unless a reload replaced it meanwhile.
            let mut pending = std::mem::take(&mut self.pending);
            let mut sync_changes = self.sync.as_mut().and_then(|l| l.changes.take());
            tokio::select! {
                Some(done) = pending.next(), if !pending.is_empty() => self.completed(done),
                () = sleep_until(now, due) => self.fire_due(),
                () = sleep_until(now, tick) => self.push_status(true),
                () = sleep_until(now, ask_at) => { self.ask_idle(); }
                () = sleep_until(now, call_check) => self.check_call(),
                () = sleep_until_instant(reload_at) => {
                    self.reload_at = None;
                    let _ = self.reload(true);
                }
                changed = recv_some(&mut sync_changes), if sync_changes.is_some() => {
                    if changed.is_none() {
                        sync_changes = None;
                    }
                    self.sync_changed(changed.is_none());
                }
                () = sleep_until_instant(merge_at) => self.merge_peers(),
                input = inputs.recv() => match input {
                    None | Some(Input::Shutdown) => break Ending::Stopped,
                    Some(Input::BusLost) => break Ending::BusLost,
                    Some(Input::Reload) => { let _ = self.reload(false); }
                    Some(Input::ConfigChanged) => self.reload_at = Some(Instant::now() + RELOAD_SETTLE),
                    Some(Input::Notification(event)) => self.notification(event),
                    Some(Input::Control(request, reply)) => self.control(request, reply),
                    Some(Input::Presence(event)) => self.presence(event),
                    Some(Input::Tray(ask)) => self.tray_asked(ask),
                    Some(Input::Follow(follower)) => {
                        let _ = follower.try_send(self.status());
                        self.followers.push(follower);
                    }
                },
            }
            let started = std::mem::replace(&mut self.pending, pending);
            self.pending.extend(started);
            if let Some(link) = self.sync.as_mut().filter(|l| l.changes.is_none()) {
                link.changes = sync_changes;
            }
            let _ = self.save();
            self.publish();
            self.push_status(false);
        };
        Stopped {
            state: self.state,
            ending,
        }
    }

    /// Shows whatever is due now, unless a call holds it, once the user pauses typing. The
    /// calls are asked first (once, as the reminder falls due; see `call_hold.rs`); the wait for
    /// a pause in typing comes after (see lull.rs).
    fn fire_due(&mut self) {
        if self.lull_ahead() {
            return;
        }
        if self.waits_for_calls() {
            return;
        }
        // An idle source that must be asked is asked now, when the answer matters.
        let idle = self.ask_idle();
        if self.state.presence.is_away() || !self.lull_lets_fire(idle) {
            return;
        }
        let now = self.clock.now();
        if let Some(fire) = schedule::settle(&self.config, &mut self.state, now, self.clock.zone())
        {
            self.show(fire, None);
        }
    }

    /// Shows a reminder, replacing an unanswered one (which is recorded as expired). The
    /// Notify call goes on beside the loop; `reply` (a `stretchd now`) hears how it ended.
    fn show(&mut self, fire: Fire, reply: Option<oneshot::Sender<Response>>) {
        let Some(notice) = Notice::for_fire(
            &self.config,
            &fire,
            &notify::messages(self.lang),
            self.images.as_deref(),
        ) else {
            if let Some(reply) = reply {
                let item = fire.item.clone();
                let said = Said::new(move |m| {
                    m.fmt("reply-not-in-catalogue", &[("item", arg(item.as_str()))])
                });
                let _ = reply.send(said.error(self.lang));
            }
            return;
        };
        let unanswered = self.last.take().filter(|old| old.outcome.is_none());
        let replaces = unanswered
            .as_ref()
            .and_then(|old| old.notification)
            .unwrap_or(0);
        info!(reminder = %fire.reminder, item = %fire.item, "reminder");
        self.shown += 1;
        let seq = self.shown;
        let call = bounded(LATE_REPLY, self.notifier.show(&notice, replaces));
        self.pending.push(Box::pin(async move {
            Completion::Reminder {
                seq,
                result: call.await,
            }
        }));
        let filed = self.do_not_disturb();
        if let Some(reply) = reply {
            let english =
                crate::ipc::Upcoming::of(&self.config, &fire, &crate::i18n::Messages::wire());
            self.now_replies
                .push((seq, (english.title, notice.title), filed, reply));
            self.pending.push(Box::pin(async move {
                tokio::time::sleep(CALL_TIMEOUT).await;
                Completion::ReplyDue { seq }
            }));
        }
        self.early.clear();
        if let Some(old) = unanswered {
            info!(reminder = %old.fire.reminder, "unanswered reminder replaced by a new one");
            let _ = self.record(&old.fire, Outcome::Expired);
        }
        self.hook(Hook::Show, &fire, None);
        self.last = Some(Last {
            seq,
            fire,
            notification: None,
            outcome: None,
            filed,
            opened: false,
        });
    }

    /// Takes notification `id` off the screen, beside the loop.
    fn close(&mut self, id: u32) {
        let call = self.notifier.close(id);
        self.pending.push(Box::pin(async move {
            // A server that does not answer leaves the notification up; nothing else to do.
            if tokio::time::timeout(CALL_TIMEOUT, call).await.is_err() {
                debug!("closing notification {id}: no answer within {CALL_TIMEOUT:?}");
            }
            Completion::Finished
        }));
    }

    /// A notification-server call ended.
    fn completed(&mut self, done: Completion) {
        match done {
            Completion::Finished => {}
            Completion::Hook(ran) => self.hooks.ended(ran),
            Completion::Calls(found) => self.calls_answered(found),
            Completion::ErrorNotice(result) => {
                if let Some(id) = self.delivered(result) {
                    self.error_notice = id;
                }
            }
            Completion::StatusNotice(result) => {
                if let Some(id) = self.delivered(result) {
                    self.status_notice = id;
                }
            }
            Completion::ReplyDue { seq } => {
                self.answer_now(seq, Err(&NotifyError::Timeout(CALL_TIMEOUT)));
            }
            Completion::Reminder { seq, result } => {
                self.answer_now(seq, result.as_ref().map(|_| ()));
                let Some(id) = self.delivered(result) else {
                    return;
                };
                let Some(last) = self.last.as_mut().filter(|l| l.seq == seq) else {
                    // A newer reminder took its place before the server answered.
                    self.close(id);
                    return;
                };
                last.notification = Some(id);
                if matches!(
                    last.outcome,
                    Some(Outcome::Done | Outcome::Skipped | Outcome::Snoozed | Outcome::Hurt)
                ) {
                    // Answered from the CLI before the server answered.
                    self.close(id);
                }
                for event in std::mem::take(&mut self.early) {
                    self.notification(event);
                }
            }
        }
    }

    /// Tells the `stretchd now` waiting on showing `seq`, if any, how its Notify call went.
    fn answer_now(&mut self, seq: u64, result: Result<(), &NotifyError>) {
        let Some(at) = self.now_replies.iter().position(|(s, _, _, _)| *s == seq) else {
            return;
        };
        let (_, (english, local), filed, reply) = self.now_replies.swap_remove(at);
        let titled = |id: &'static str| {
            let (english, local) = (english.clone(), local.clone());
            Said::new(move |m| {
                let title = if m.lang().is_english() {
                    &english
                } else {
                    &local
                };
                m.fmt(id, &[("title", arg(title.as_str()))])
            })
        };
        let response = match result {
            Ok(()) if filed => titled("reply-now-held").ok(self.lang),
            Ok(()) => titled("reply-now-showing").ok(self.lang),
            Err(NotifyError::NoServer) => Said::id("reply-now-no-server").error(self.lang),
            // The server's own words may hold anything: never echo control characters.
            Err(e) => {
                let e = crate::text::printable(&e.to_string()).into_owned();
                Said::new(move |m| m.fmt("reply-now-failed", &[("error", arg(e.as_str()))]))
                    .error(self.lang)
            }
        };
        let _ = reply.send(response);
    }

    /// How a Notify call ended; a missing server is reported once until it comes back.
    fn delivered(&mut self, result: Result<u32, NotifyError>) -> Option<u32> {
        match result {
            Ok(id) => {
                if self.server_missing {
                    info!("notification server is back");
                    self.server_missing = false;
                }
                Some(id)
            }
            Err(e) if !self.server_missing => {
                warn!(
                    "cannot show the reminder: {e}; is a notification server (dunst, mako, GNOME Shell, ...) running? trying again at the next reminder"
                );
                self.server_missing = true;
                None
            }
            Err(e) => {
                debug!("still no notification server: {e}");
                None
            }
        }
    }

    /// Handles the server's report on a notification; reports on older ones are ignored.
    fn notification(&mut self, event: Event) {
        let id = match event {
            Event::Action(id, _) | Event::Closed { id, .. } => id,
        };
        let in_flight = self.last.as_ref().is_some_and(|l| l.notification.is_none());
        let known = self
            .last
            .as_ref()
            .is_some_and(|l| l.notification == Some(id));
        if in_flight && !known {
            if self.early.len() < EARLY_EVENTS {
                self.early.push(event);
            }
            return;
        }
        let (id, outcome) = match event {
            Event::Action(id, Action::Default) => {
                self.clicked(id);
                return;
            }
            Event::Action(id, Action::Done) if self.session_on_screen(id) => {
                // A terminal that does not start is logged; there is no one to tell here.
                let _ = self.start_session();
                return;
            }
            Event::Action(id, Action::Done) => (id, Outcome::Done),
            Event::Action(id, Action::Skip) => (id, Outcome::Skipped),
            Event::Action(id, Action::Snooze) => (id, Outcome::Snoozed),
            Event::Closed { id, expired: true } => (id, Outcome::Expired),
            Event::Closed { id, expired: false } => (id, Outcome::Dismissed),
        };
        let ours = self
            .last
            .as_ref()
            .is_some_and(|l| l.notification == Some(id) && l.outcome.is_none());
        if !ours {
            return;
        }
        if matches!(outcome, Outcome::Dismissed | Outcome::Expired)
            && self.last.as_ref().is_some_and(|l| l.opened)
        {
            info!("the clicked reminder left the screen; it still takes an answer");
            return;
        }
        let outcome = if outcome == Outcome::Snoozed {
            match self.snooze_last(self.config.snooze.length) {
                Ok(said) => {
                    info!("{}", said.words(&crate::i18n::Messages::wire_all()));
                    return;
                }
                Err(message) => {
                    info!("{message}; counted as skipped");
                    Outcome::Skipped
                }
            }
        } else {
            outcome
        };
        // A failure to save is logged by `record`; nobody else is waiting to hear it.
        let _ = self.answer(outcome, None);
    }

    /// Whether notification `id` is the latest reminder's, a session awaiting an answer.
    fn session_on_screen(&self, id: u32) -> bool {
        self.last.as_ref().is_some_and(|l| {
            l.notification == Some(id) && l.awaits_answer() && l.fire.kind == Kind::Session
        })
    }

    /// Done on the session awaiting an answer: opens `stretchd guide --session` in a new
    /// terminal window and closes the notification. Nothing is recorded yet: the guide records
    /// the session when the user finishes it. The error says why no terminal opened.
    fn start_session(&mut self) -> Result<(), String> {
        let Some(last) = self.last.as_mut().filter(|l| l.awaits_answer()) else {
            return Ok(());
        };
        last.outcome = Some(Outcome::Done);
        let notification = last.notification;
        info!(reminder = %last.fire.reminder, "session started");
        let opened = launch::open_guide(
            &self.config.notify.terminal,
            launch::Guided::Session,
            self.config_path.as_deref(),
        );
        if let Some(id) = notification {
            self.close(id);
        }
        if opened.is_ok()
            && let Some(fire) = self.last.as_ref().map(|l| l.fire.clone())
        {
            self.hook(Hook::SessionStart, &fire, None);
        }
        opened
    }

    /// The body of notification `id` (the latest reminder's) was clicked: `[notify] on_click`
    /// says what it opens. With `"card"` a stretch opens its card in the browser (`stretchd
    /// card <stretch>`); with `"guide"` a stretch opens `stretchd guide <stretch>` in a new
    /// terminal window; with either, a session opens `stretchd guide --session` there. Either
    /// shows the safety notice, which then counts as read. A posture check, and anything with
    /// `"seen"`, counts as seen, which is only logged. Nothing is recorded either way: the guide
    /// records Done itself when the user finishes.
    fn clicked(&mut self, id: u32) {
        let Some(last) = self.last.as_ref().filter(|l| l.notification == Some(id)) else {
            return;
        };
        let fire = last.fire.clone();
        let fire = &fire;
        let config = self.config_path.as_deref();
        let guided = match (self.config.notify.on_click, fire.kind) {
            (OnClick::Seen, _) | (_, Kind::Posture) => None,
            (OnClick::Card, Kind::Stretch) => {
                if launch::open_card(&fire.item, config) {
                    schedule::notice_read(&mut self.state, fire);
                    self.opened();
                }
                return;
            }
            (OnClick::Guide, Kind::Stretch) => Some(launch::Guided::Stretch(&fire.item)),
            (OnClick::Guide | OnClick::Card, Kind::Session) => Some(launch::Guided::Session),
        };
        if let Some(guided) = guided {
            // A terminal that does not start is logged; there is no one to tell here.
            let opened = launch::open_guide(&self.config.notify.terminal, guided, config);
            if opened.is_ok() {
                schedule::notice_read(&mut self.state, fire);
                if guided != launch::Guided::Session {
                    self.opened();
                }
            }
            if opened.is_ok() && guided == launch::Guided::Session {
                self.hook(Hook::SessionStart, fire, None);
            }
        } else {
            info!(reminder = %fire.reminder, item = %fire.item, "seen (notification clicked)");
        }
    }

    /// Records an answer to the latest reminder and closes its notification; a stretch done
    /// moves its level (with `adjust`, as the user asked), and an answer that shows the safety
    /// notice was seen says so in the state. Returns the change of hold (see
    /// [`schedule::level::done`]); the error says why the answer was not saved in the history
    /// (it is carried out all the same).
    fn answer(
        &mut self,
        outcome: Outcome,
        adjust: Option<Adjust>,
    ) -> Result<Option<(u32, u32)>, RecordError> {
        let Some(last) = self.last.as_mut() else {
            return Ok(None);
        };
        last.outcome = Some(outcome);
        let fire = last.fire.clone();
        let notification = last.notification;
        info!(reminder = %fire.reminder, item = %fire.item, "{}", outcome.as_str());
        let saved = self.record(&fire, outcome);
        let mut change = None;
        if outcome == Outcome::Done {
            self.last_done
                .insert(fire.reminder.clone(), self.clock.now());
            match fire.kind {
                // The week's goal counts sessions.
                Kind::Session => self.recent_done.push(self.clock.now()),
                Kind::Stretch => change = self.level_done(&fire.item, adjust),
                Kind::Posture => {}
            }
        }
        if let (Some(id), Outcome::Done | Outcome::Skipped | Outcome::Snoozed | Outcome::Hurt) =
            (notification, outcome)
        {
            self.close(id);
        }
        saved.map(|()| change)
    }

    /// The latest reminder's card or guide was opened by a click on it.
    fn opened(&mut self) {
        if let Some(last) = self.last.as_mut() {
            last.opened = true;
        }
    }

    /// Moves the level of stretch `item`, done with `adjust`; returns the change of hold.
    fn level_done(&mut self, item: &str, adjust: Option<Adjust>) -> Option<(u32, u32)> {
        let stretch = self.config.catalog.stretch(item)?;
        let now = self.clock.now();
        let change = schedule::level::done_at(&mut self.state, stretch, adjust, now);
        if let Some((was, now)) = change.filter(|(was, now)| was != now) {
            info!(item, "holds {was} s -> {now} s");
        }
        change
    }

    /// Snoozes the latest reminder (it must await an answer) for `length`, and withdraws its
    /// notification.
    fn snooze_last(&mut self, length: Duration) -> Result<Said, Refusal> {
        let now = self.clock.now();
        let Some(last) = self.last.as_mut().filter(|l| l.awaits_answer()) else {
            return Err(Refusal::NothingAwaits);
        };
        let snooze = schedule::snooze(
            &self.config,
            &mut self.state,
            Some(&last.fire),
            length,
            now,
            self.clock.zone(),
        )?;
        last.outcome = Some(Outcome::Snoozed);
        let fire = last.fire.clone();
        // Withdrawn from the screen, whether the answer came from its button or elsewhere: a
        // stretch is `resident`, so a server keeps it after a button press (Plasma does).
        if let Some(id) = last.notification {
            self.close(id);
        }
        let saved = self.record(&fire, Outcome::Snoozed);
        let until = snooze
            .until
            .with_timezone(self.clock.zone())
            .format("%H:%M:%S")
            .to_string();
        let reminder = fire.reminder;
        let said = Said::new(move |m| {
            let args = [
                ("reminder", arg(reminder.as_str())),
                ("time", arg(until.as_str())),
            ];
            m.fmt("reply-snoozed", &args)
        });
        match saved {
            Ok(()) => Ok(said),
            // The snooze holds; only its record is missing.
            Err(e) => {
                let e = e.to_string();
                Ok(said.aside(Said::new(move |m| {
                    m.fmt("reply-not-in-history-aside", &[("error", arg(e.as_str()))])
                })))
            }
        }
    }

    /// Records an answer to reminder `fire`: runs the `on_answer` hook and appends to the
    /// history; a failure to append is logged and returned, never fatal.
    fn record(&mut self, fire: &Fire, outcome: Outcome) -> Result<(), RecordError> {
        self.hook(Hook::Answer, fire, Some(outcome));
        if self.history.is_none() && self.store.is_none() {
            // A daemon that keeps nothing on disk (tests, `Daemon::new`) has nothing to lose.
            return Ok(());
        }
        let entry = Entry {
            time: self.clock.now(),
            reminder: fire.reminder.clone(),
            kind: fire.kind,
            item: fire.item.clone(),
            outcome,
        };
        self.append(&entry)
    }

    /// Appends `entry` to the history log (opened again first if it could not be before);
    /// a failure is logged and returned.
    fn append(&mut self, entry: &Entry) -> Result<(), RecordError> {
        self.share_entry(entry);
        let history = self.history()?;
        history.append(entry).map_err(|e| {
            let e = RecordError::Append {
                path: history.path().to_path_buf(),
                cause: e.to_string(),
            };
            error!("{e}");
            e
        })
    }

    /// The history log, opened again if it could not be before (a directory that was in the
    /// way, a read-only disk that is writable now).
    fn history(&mut self) -> Result<&mut History, RecordError> {
        if self.history.is_none()
            && let Some(path) = &self.history_path
        {
            match History::open(path.clone()) {
                Ok(history) => {
                    info!("the history log {} is open again", path.display());
                    self.history = Some(history);
                    self.history_path = None;
                }
                Err(e) => debug!("still cannot open {}: {e}", path.display()),
            }
        }
        self.history.as_mut().ok_or(RecordError::NoHistory)
    }

    /// Runs the command of `hook`, if there is one, about `fire` (and its answer), beside the
    /// loop.
    fn hook(&mut self, hook: Hook, fire: &Fire, answer: Option<Outcome>) {
        if self.config.hooks.command(hook).is_none() {
            return;
        }
        let title =
            crate::ipc::Upcoming::of(&self.config, fire, &crate::i18n::Messages::wire()).title;
        let about = hooks::About {
            reminder: &fire.reminder,
            kind: fire.kind,
            item: &fire.item,
            title: &title,
            answer,
        };
        self.run_hook(hook, &about);
    }

    /// Runs the command of `hook`, if there is one, told `about`, beside the loop.
    fn run_hook(&mut self, hook: Hook, about: &hooks::About<'_>) {
        if let Some(run) = self.hooks.start(&self.config.hooks, hook, about) {
            self.pending
                .push(Box::pin(async move { Completion::Hook(run.await) }));
        }
    }

    /// Re-reads the config. An invalid file keeps the old config running: the error is logged,
    /// shown once as a notification, and reported by `status` until a valid file is saved.
    fn reload(&mut self, from_watch: bool) -> Result<Said, Refusal> {
        let loaded = Config::load(self.config_path.as_deref());
        match loaded {
            Ok(config)
                if config.origin == Origin::Embedded
                    && matches!(self.config.origin, Origin::File(_)) =>
            {
                let origin = self.config.origin.to_string();
                warn!("{origin}: the config file is gone; keeping its settings until it is back");
                Ok(Said::new(move |m| {
                    m.fmt("reply-config-gone", &[("path", arg(origin.as_str()))])
                }))
            }
            Ok(config) if from_watch && config == self.config && self.config_error.is_none() => {
                Ok(Said::id("reply-config-unchanged"))
            }
            Ok(config) => {
                info!(config = %config.origin, "config reloaded");
                for warning in &config.warnings {
                    warn!("{warning}");
                }
                self.config = config;
                self.lang = self.config.lang(self.environment_lang);
                self.config_error = None;
                schedule::forget_unknown_snoozes(&self.config, &mut self.state);
                let now = self.clock.now();
                let zone = self.clock.zone();
                schedule::absorb_overdue(&self.config, &mut self.state, now, zone);
                self.configure_sync();
                self.calls_reconfigured();
                let origin = self.config.origin.to_string();
                Ok(Said::new(move |m| {
                    m.fmt("reply-reloaded", &[("path", arg(origin.as_str()))])
                }))
            }
            Err(e) => {
                let message = e.to_string();
                error!("config not reloaded, keeping the previous one: {message}");
                if self.config_error.as_ref() != Some(&message) {
                    let notice = Notice::config_error(&notify::messages(self.lang), &message);
                    let call =
                        bounded(CALL_TIMEOUT, self.notifier.show(&notice, self.error_notice));
                    self.pending
                        .push(Box::pin(async move { Completion::ErrorNotice(call.await) }));
                }
                self.config_error = Some(message.clone());
                Err(Refusal::ConfigInvalid(message))
            }
        }
    }

    /// Sends followers the status if it changed (or always, on the minute tick), and the tray
    /// icon too if it changed; the status is made once for both.
    fn push_status(&mut self, always: bool) {
        let tray = self.tray_listens();
        if !tray && self.followers.is_empty() {
            return;
        }
        let status = self.status();
        if tray {
            self.publish_tray(&status, false);
        }
        if self.followers.is_empty() {
            return;
        }
        if !always && self.last_status.as_ref() == Some(&status) {
            return;
        }
        self.followers.retain(|f| match f.try_send(status.clone()) {
            Ok(()) | Err(mpsc::error::TrySendError::Full(_)) => true,
            Err(mpsc::error::TrySendError::Closed(_)) => false,
        });
        self.last_status = Some(status);
    }

    /// Whether the tray icon is subscribed to the status (a tray host runs).
    fn tray_listens(&self) -> bool {
        self.tray.as_ref().is_some_and(|t| t.receiver_count() > 0)
    }

    /// Publishes the status for the tray icon, whatever it is, if the icon is subscribed.
    fn push_tray(&self) {
        if self.tray_listens() {
            self.publish_tray(&self.status(), true);
        }
    }

    /// Hands the icon `status` if it changed, or whatever it is with `always`; `None` while
    /// `[tray] enable` is off.
    fn publish_tray(&self, status: &Status, always: bool) {
        let Some(tray) = self.tray.as_ref() else {
            return;
        };
        let shown = self.config.tray.enable.then(|| (status.clone(), self.lang));
        tray.send_if_modified(|old| {
            let changed = always || *old != shown;
            if changed {
                *old = shown;
            }
            changed
        });
    }

    /// Writes the state if it changed. A failure (a read-only or full disk) is retried after
    /// every event and warned about once, not at every retry; the save that works again is
    /// logged too.
    ///
    /// Returns, when a change could not be saved, what to tell the user who made it.
    fn save(&mut self) -> Option<String> {
        let store = self.store.as_ref()?;
        if self.saved.as_ref() == Some(&self.state) {
            return None;
        }
        match store.save(&self.state) {
            Ok(()) => {
                if self.save_failing {
                    info!("the state is saved again to {}", store.path().display());
                    self.save_failing = false;
                }
                self.saved = Some(self.state.clone());
                None
            }
            Err(e) => {
                if self.save_failing {
                    debug!(
                        "still cannot save the state to {}: {e}",
                        store.path().display()
                    );
                } else {
                    warn!(
                        "cannot save the state to {}: {e}; reminders go on, and saving is retried after every change (reported once, until it works again)",
                        store.path().display()
                    );
                    self.save_failing = true;
                }
                Some(format!(
                    "(Not saved to {}: {e}; it holds until stretchd stops. Make that path a writable regular file, or move it away, and the next change saves it.)",
                    store.path().display()
                ))
            }
        }
    }
}

/// Sleeps until `at` (never, for `None`).
async fn sleep_until(now: DateTime<Utc>, at: Option<DateTime<Utc>>) {
    match at {
        Some(at) => tokio::time::sleep((at - now).to_std().unwrap_or(Duration::ZERO)).await,
        None => std::future::pending().await,
    }
}

/// Sleeps until `at` on the loop's monotonic clock (a settle deadline); never, for `None`.
async fn sleep_until_instant(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// The next message of `rx` (`None` when its senders are gone); never, without a receiver.
async fn recv_some<T>(rx: &mut Option<mpsc::Receiver<T>>) -> Option<T> {
    match rx {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}

/// The start of the next wall-clock minute.
fn next_minute(now: DateTime<Utc>) -> DateTime<Utc> {
    let secs = now.timestamp().div_euclid(60) * 60 + 60;
    DateTime::from_timestamp(secs, 0).unwrap_or(now + TimeDelta::minutes(1))
}
