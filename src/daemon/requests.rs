//! What each control request (`stretchd snooze`, `pause`, `done`, ...) does to the daemon, and
//! the status it reports.

use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::oneshot;
use tracing::info;

use super::refusal::Refusal;
use super::{Clock, Daemon, Last};
use crate::config::{Kind, MAX_PAUSE};
use crate::daemon::notify::Notifier;
use crate::i18n::Said;
use crate::i18n::{Lang, Messages, arg};
use crate::ipc::{HeldNext, PauseInfo, Progress, Request, Response, SnoozeInfo, Status, Upcoming};
use crate::schedule::level::{self, Adjust};
use crate::schedule::state::{Pause, PauseChange};
use crate::schedule::{self, Fire, aside};
use crate::store::history::{Entry, Outcome};

/// The next `count` firings from `now` as lists and statuses show them, titled in English and
/// in `lang`.
fn upcoming<Tz: chrono::TimeZone>(
    config: &crate::config::Config,
    state: &crate::schedule::state::State,
    (now, count): (DateTime<Utc>, usize),
    tz: &Tz,
    lang: Lang,
) -> Vec<Upcoming> {
    let (english, local) = titles(lang);
    schedule::preview(config, state, now, count, tz)
        .iter()
        .map(|f| Upcoming::with_text(config, f, &english, local.as_ref()))
        .collect()
}

/// The messages that title reminders: in English, and in `lang` unless that is English.
fn titles(lang: Lang) -> (Messages, Option<Messages>) {
    let local = (!lang.is_english()).then(|| super::notify::messages(lang));
    (Messages::wire(), local)
}

impl<N: Notifier, C: Clock> Daemon<N, C> {
    /// Carries out a control request and answers it on `reply`, after saving what it changed.
    /// `now` answers once the notification server has taken the reminder (or failed to).
    pub(super) fn control(&mut self, request: Request, reply: oneshot::Sender<Response>) {
        let now = self.clock.now();
        let lang = self.lang;
        let ok = |said: Said| said.ok(lang);
        let result = match request {
            Request::Status | Request::Follow => Ok(Response::Status(Box::new(self.status()))),
            // The protocol refuses a count over ipc::MAX_NEXT; preview caps it too.
            Request::Next { count } => {
                self.preview_beside(now, count, reply);
                return;
            }
            Request::Snooze { secs } => self.snooze(secs).map(ok),
            Request::Pause { until } => self.pause(until, now).map(ok),
            Request::Resume => Ok(ok(self.resume(now))),
            Request::Done { adjust } => self.answer_from_cli(Outcome::Done, adjust).map(ok),
            Request::Skip => self.answer_from_cli(Outcome::Skipped, None).map(ok),
            Request::Hurt { item } => self.hurt(item, now).map(ok),
            Request::Restore { item } => self.restore(&item).map(ok),
            Request::Now { reminder } => match self.fire_now(reminder, now) {
                Ok(fire) => {
                    self.show(fire, Some(reply));
                    return;
                }
                Err(refusal) => Err(refusal),
            },
            Request::Reload => self.reload(false).map(ok),
            Request::GuideDone {
                item,
                safety_shown,
                adjust,
            } => self
                .guide_done(Kind::Stretch, &item, safety_shown, adjust)
                .map(ok),
            Request::NoticeRead => {
                self.state.safety_shown = true;
                Ok(ok(Said::id("reply-notice-read")))
            }
            Request::SessionDone { safety_shown } => self
                .guide_done(
                    Kind::Session,
                    crate::catalog::SESSION_ITEM,
                    safety_shown,
                    None,
                )
                .map(ok),
        };
        let unsaved = self.save();
        let result = match (result, unsaved) {
            (Ok(Response::Ok { message, text }), Some(unsaved)) => Ok(Response::Ok {
                text: text.map(|t| format!("{t}\n{unsaved}")),
                message: format!("{message}\n{unsaved}"),
            }),
            (result, _) => result,
        };
        let _ = reply.send(result.unwrap_or_else(|refusal| refusal.response(lang)));
    }

    /// `stretchd next`: the preview of `count` reminders runs on a blocking thread (a large
    /// config makes a long one), with copies of the config and the state, so the loop goes on
    /// meanwhile; the answer goes to `reply` when it is done.
    fn preview_beside(
        &mut self,
        now: DateTime<Utc>,
        count: usize,
        reply: oneshot::Sender<Response>,
    ) {
        let config = self.config.clone();
        let state = self.state.clone();
        let zone = self.clock.zone().clone();
        let lang = self.lang;
        self.pending.push(Box::pin(async move {
            let upcoming = tokio::task::spawn_blocking(move || {
                upcoming(&config, &state, (now, count), &zone, lang)
            })
            .await;
            let response = match upcoming {
                Ok(upcoming) => Response::Next { upcoming },
                Err(e) => Response::error(format!("next: the preview failed ({e})")),
            };
            let _ = reply.send(response);
            super::Completion::Finished
        }));
    }

    /// `stretchd snooze`: the reminder on screen, or else the next one, comes back `secs` (or
    /// `snooze.length`) later.
    fn snooze(&mut self, secs: Option<u64>) -> Result<Said, Refusal> {
        // schedule::snooze refuses a length of no time or over its limit.
        let length = secs.map_or(self.config.snooze.length, Duration::from_secs);
        if self.last.as_ref().is_some_and(Last::awaits_answer) {
            return self.snooze_last(length);
        }
        let now = self.clock.now();
        let zone = self.clock.zone();
        let snooze = schedule::snooze(&self.config, &mut self.state, None, length, now, zone)?;
        let reminder = snooze.reminder;
        let until = snooze.until.with_timezone(zone).fixed_offset();
        Ok(Said::new(move |m| {
            let args = [
                ("reminder", arg(reminder.as_str())),
                ("time", arg(m.day_time_secs(&until))),
            ];
            m.fmt("reply-snoozed-next", &args)
        }))
    }

    fn pause(&mut self, until: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Result<Said, Refusal> {
        if until.is_some_and(|u| u <= now) {
            return Err(Refusal::Past);
        }
        if let Some(u) = until {
            // Refuses a pause past the limit, and checks the arithmetic the schedule will do.
            let length = (u - now).to_std().unwrap_or(Duration::MAX);
            if schedule::hold_end(now, length, MAX_PAUSE).is_none() {
                return Err(Refusal::PauseTooLong(length));
            }
        }
        let pause = Pause { until };
        self.state.pause = Some(pause);
        self.state.marks.pause = Some(PauseChange {
            at: now,
            pause: Some(pause),
        });
        Ok(match until {
            Some(u) => {
                let until = u.with_timezone(self.clock.zone()).fixed_offset();
                Said::new(move |m| {
                    let time = arg(m.day_date_minute(&until));
                    m.fmt("reply-paused-until", &[("time", time)])
                })
            }
            None => Said::id("reply-paused"),
        })
    }

    /// Ends a pause; reminders missed meanwhile restart from now instead of firing at once.
    fn resume(&mut self, now: DateTime<Utc>) -> Said {
        // Marked even when not paused here: another machine's pause may be in force there.
        self.state.marks.pause = Some(PauseChange {
            at: now,
            pause: None,
        });
        if self.state.pause.take().is_none() {
            return Said::id("reply-not-paused");
        }
        let zone = self.clock.zone();
        schedule::absorb_overdue(&self.config, &mut self.state, now, zone);
        Said::id("reply-resumed")
    }

    fn answer_from_cli(
        &mut self,
        outcome: Outcome,
        adjust: Option<Adjust>,
    ) -> Result<Said, Refusal> {
        match &self.last {
            None => return Err(Refusal::NothingShown),
            Some(l) if !l.awaits_answer() => {
                return Err(Refusal::AlreadyAnswered {
                    reminder: l.fire.reminder.clone(),
                    at: l
                        .fire
                        .at
                        .with_timezone(self.clock.zone())
                        .format("%H:%M")
                        .to_string(),
                    // An answered reminder has an outcome; Done is only a fallback.
                    outcome: l.outcome.unwrap_or(Outcome::Done),
                });
            }
            Some(l) if outcome == Outcome::Done && l.fire.kind == Kind::Session => {
                let reminder = l.fire.reminder.clone();
                let started = match self.start_session() {
                    Ok(()) => Said::new(move |m| {
                        m.fmt(
                            "reply-session-started",
                            &[("reminder", arg(reminder.as_str()))],
                        )
                    }),
                    Err(why) => Said::new(move |m| {
                        let args = [
                            ("reminder", arg(reminder.as_str())),
                            ("why", arg(why.as_str())),
                        ];
                        m.fmt("reply-session-not-started", &args)
                    }),
                };
                return Ok(if adjust.is_some() {
                    started.aside(Said::id("reply-session-no-level"))
                } else {
                    started
                });
            }
            Some(_) => {}
        }
        let saved = self.answer(outcome, adjust);
        let reminder = self
            .last
            .as_ref()
            .map_or_else(String::new, |l| l.fire.reminder.clone());
        // --easy/--hard on what has no level (a posture check, a flow, a duration) is said to
        // do nothing rather than dropped in silence.
        let ignored = if adjust.is_some() && outcome == Outcome::Done {
            match self
                .last
                .as_ref()
                .map(|l| (&l.fire.kind, l.fire.item.clone()))
            {
                Some((Kind::Stretch, item))
                    if self
                        .config
                        .catalog
                        .stretch(&item)
                        .and_then(level::range)
                        .is_none() =>
                {
                    Some(Said::new(move |m| {
                        m.fmt("reply-no-level", &[("item", arg(item.as_str()))])
                    }))
                }
                Some((Kind::Posture, _)) => Some(Said::id("reply-no-level-posture")),
                _ => None,
            }
        } else {
            None
        };
        match saved {
            Ok(change) => {
                let id = match outcome {
                    Outcome::Skipped => "reply-skipped",
                    _ => "reply-done",
                };
                let answered =
                    Said::new(move |m| m.fmt(id, &[("reminder", arg(reminder.as_str()))]));
                let answered = match level::adjust_note(change, adjust) {
                    Some(note) => answered.and(note),
                    None => answered,
                };
                Ok(match ignored {
                    Some(ignored) => answered.aside(ignored),
                    None => answered,
                })
            }
            Err(cause) => Err(Refusal::NotSaved {
                outcome,
                reminder,
                cause,
            }),
        }
    }

    /// What `stretchd now` fires: this reminder, or the one due next.
    fn fire_now(&mut self, reminder: Option<String>, now: DateTime<Utc>) -> Result<Fire, Refusal> {
        let id = match reminder {
            Some(id) => id,
            None => schedule::next_due(&self.config, &self.state, now, self.clock.zone())
                .map(|d| d.reminder)
                .or_else(|| self.config.reminders.first().map(|r| r.id.clone()))
                .ok_or(Refusal::NoReminders)?,
        };
        if self.config.reminder(&id).is_some() {
            // A reminder of the config that fires nothing: what it shows is all set aside.
            return schedule::fire_now(&self.config, &mut self.state, &id, now)
                .ok_or(Refusal::AllSetAside { id });
        }
        schedule::fire_now(&self.config, &mut self.state, &id, now).ok_or_else(|| {
            let known: Vec<&str> = self
                .config
                .reminders
                .iter()
                .map(|r| r.id.as_str())
                .collect();
            Refusal::UnknownReminder {
                known: known.join(", "),
                id,
            }
        })
    }

    /// `stretchd guide` finished a stretch (`kind` stretch, `item` its id, `adjust` for its
    /// level) or a session (`kind` session, `item` [`crate::catalog::SESSION_ITEM`]): appends a
    /// Done entry for it; a session counts toward the week. Guiding what is on screen awaiting
    /// an answer answers it, so it is not counted twice; otherwise the entry has reminder
    /// [`crate::store::history::GUIDE_REMINDER`], and the schedule, the rotation and a reminder
    /// on screen are left as they are. Only the catalogue's stretch ids are taken. With
    /// `safety_shown` the guide showed the safety notice: it counts as seen even if the entry is
    /// refused, since the user has read it either way.
    fn guide_done(
        &mut self,
        kind: Kind,
        item: &str,
        safety_shown: bool,
        adjust: Option<Adjust>,
    ) -> Result<Said, Refusal> {
        self.state.safety_shown |= safety_shown;
        if kind == Kind::Stretch && self.config.catalog.stretch(item).is_none() {
            return Err(Refusal::NotAStretch(item.to_owned()));
        }
        let now = self.clock.now();
        let on_screen = self
            .last
            .as_ref()
            .is_some_and(|l| l.awaits_answer() && l.fire.kind == kind && l.fire.item == item);
        let unrecorded = |cause| Refusal::Unrecorded {
            item: item.to_owned(),
            cause,
        };
        // Nothing is answered unless it can be recorded.
        self.history().map_err(unrecorded)?;
        let change = if on_screen {
            self.answer(Outcome::Done, adjust).map_err(unrecorded)?
        } else {
            let entry = Entry {
                time: now,
                reminder: crate::store::history::GUIDE_REMINDER.to_owned(),
                kind,
                item: item.to_owned(),
                outcome: Outcome::Done,
            };
            self.append(&entry).map_err(unrecorded)?;
            match kind {
                Kind::Session => {
                    self.recent_done.push(now);
                    None
                }
                _ => self.level_done(item, adjust),
            }
        };
        let id = match (kind == Kind::Session, on_screen) {
            (true, false) => "reply-recorded-session",
            (true, true) => "reply-recorded-session-on-screen",
            (false, false) => "reply-recorded",
            (false, true) => "reply-recorded-on-screen",
        };
        if kind == Kind::Session {
            info!("stretch session done");
            self.session_ended(on_screen);
        } else {
            info!(item = %item, "guided stretch done");
        }
        let (item, done, goal) = (
            item.to_owned(),
            self.done_this_week(now),
            self.config.weekly_goal,
        );
        let recorded = Said::new(move |m| {
            let args = [
                ("item", arg(item.as_str())),
                ("done", arg(done)),
                ("goal", arg(goal)),
            ];
            m.fmt(id, &args)
        });
        Ok(match level::adjust_note(change, adjust) {
            Some(note) => recorded.and(note),
            None => recorded,
        })
    }

    /// Runs the `on_session_end` hook for a session just recorded: the session reminder's, when
    /// it answered the one on screen, else the guide's.
    fn session_ended(&mut self, on_screen: bool) {
        self.session_hook(
            crate::config::Hook::SessionEnd,
            on_screen,
            Some(Outcome::Done),
        );
    }

    /// Runs `hook` for a whole session: told the session reminder's id when `on_screen` (the
    /// session answers the one on screen), else the guide's, and today's session as its title.
    pub(super) fn session_hook(
        &mut self,
        hook: crate::config::Hook,
        on_screen: bool,
        answer: Option<Outcome>,
    ) {
        if self.config.hooks.command(hook).is_none() {
            return;
        }
        let reminder = match self.last.as_ref().filter(|_| on_screen) {
            Some(l) => l.fire.reminder.clone(),
            None => crate::store::history::GUIDE_REMINDER.to_owned(),
        };
        let aside: Vec<String> = self.state.set_aside.keys().cloned().collect();
        let stretches = schedule::session_at(&self.config, &aside, &self.state.levels);
        let stretches: Vec<&crate::catalog::Stretch> = stretches.iter().collect();
        let title = crate::i18n::Messages::wire().session_title(&stretches);
        let about = super::hooks::About {
            reminder: &reminder,
            kind: Kind::Session,
            item: crate::catalog::SESSION_ITEM,
            title: &title,
            answer,
        };
        self.run_hook(hook, &about);
    }

    /// `stretchd hurt [ID]`: records that the stretch hurt (answering it if it is the reminder
    /// on screen), sets it aside, and says what to do instead. Without an id: the stretch
    /// reminder on screen, or else the last stretch done. Set aside even when the history does
    /// not take the entry.
    fn hurt(&mut self, item: Option<String>, now: DateTime<Utc>) -> Result<Said, Refusal> {
        let on_screen = self
            .last
            .as_ref()
            .filter(|l| l.awaits_answer() && l.fire.kind == Kind::Stretch)
            .map(|l| l.fire.item.clone());
        // Not the last stretch done: with a session on screen, that is likely not the one.
        if item.is_none()
            && let Some(l) = self
                .last
                .as_ref()
                .filter(|l| l.awaits_answer() && l.fire.kind == Kind::Session)
        {
            let stretches = schedule::session_stretches(&self.config, &l.fire);
            let ids: Vec<&str> = stretches.iter().map(|s| s.id.as_str()).collect();
            return Err(Refusal::SessionOnScreen {
                ids: ids.join(", "),
            });
        }
        let item =
            item.or_else(|| on_screen.clone())
                .or_else(|| {
                    let last = self.last.as_ref().filter(|l| {
                        l.fire.kind == Kind::Stretch && l.outcome == Some(Outcome::Done)
                    });
                    last.map(|l| l.fire.item.clone()).or_else(|| {
                        let history = self.history.as_ref()?;
                        crate::store::history::last_done_stretch(history.path())
                    })
                })
                .ok_or(Refusal::NoStretchToSetAside)?;
        let Some(stretch) = self.config.catalog.stretch(&item).cloned() else {
            return Err(Refusal::NotAStretch(item));
        };
        let saved = if on_screen.as_deref() == Some(item.as_str()) {
            self.answer(Outcome::Hurt, None).map(drop)
        } else {
            let entry = Entry {
                time: now,
                reminder: crate::store::history::MANUAL_REMINDER.to_owned(),
                kind: Kind::Stretch,
                item: item.clone(),
                outcome: Outcome::Hurt,
            };
            self.append(&entry)
        };
        info!(item = %item, "hurt: set aside");
        aside::set_aside(&mut self.state, &item, aside::HURT, now);
        let (config, state) = (self.config.clone(), self.state.clone());
        let advice = Said::new(move |m| aside::hurt_advice(m, &config, &state, &stretch));
        Ok(match saved {
            Ok(()) => advice,
            Err(e) => {
                let e = e.to_string();
                advice.then(Said::new(move |m| {
                    m.fmt("reply-not-in-history", &[("error", arg(e.as_str()))])
                }))
            }
        })
    }

    /// `stretchd stretches restore ID`: brings a stretch set aside back into rotation.
    fn restore(&mut self, item: &str) -> Result<Said, Refusal> {
        if !aside::restore(&mut self.state, item, self.clock.now()) {
            // A typo is not "not set aside": say there is no such stretch.
            if self.config.catalog.stretch(item).is_none() {
                return Err(Refusal::NotAStretch(item.to_owned()));
            }
            return Err(Refusal::NotSetAside {
                item: item.to_owned(),
                aside: self
                    .state
                    .set_aside
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        info!(item, "restored to the rotation");
        let item = item.to_owned();
        Ok(Said::new(move |m| {
            m.fmt("reply-restored", &[("item", arg(item.as_str()))])
        }))
    }

    /// Stretch sessions done this week, for the progress line.
    fn done_this_week(&self, now: DateTime<Utc>) -> u32 {
        crate::stats::done_this_week(&self.sessions_everywhere(), now, self.clock.zone())
    }

    /// The status `stretchd status` shows and `follow` streams.
    pub(super) fn status(&self) -> Status {
        let now = self.clock.now();
        let sessions = self.sessions_everywhere();
        let (english, local) = titles(self.lang);
        let local = local.as_ref();
        Status {
            pid: std::process::id(),
            daemon_version: env!("CARGO_PKG_VERSION").to_owned(),
            running_since: self.started,
            config: self.config.origin.to_string(),
            config_error: self.config_error.clone(),
            paused: self.state.pause.map(|p| PauseInfo { until: p.until }),
            snoozed: self
                .state
                .snoozes
                .iter()
                .min_by_key(|s| s.until)
                .map(|s| SnoozeInfo {
                    reminder: s.reminder.clone(),
                    until: s.until,
                    count: s.count,
                }),
            next: upcoming(
                &self.config,
                &self.state,
                (now, 1),
                self.clock.zone(),
                self.lang,
            )
            .into_iter()
            .next(),
            waiting: self
                .last
                .as_ref()
                .filter(|l| l.outcome.is_none() && !l.filed)
                .map(|l| Upcoming::with_text(&self.config, &l.fire, &english, local)),
            filed: self
                .last
                .as_ref()
                .filter(|l| l.outcome.is_none() && l.filed)
                .map(|l| Upcoming::with_text(&self.config, &l.fire, &english, local)),
            held_next: schedule::held_back(&self.config, &self.state, now, self.clock.zone()).map(
                |fire| HeldNext {
                    reminder: Upcoming::with_text(&self.config, &fire, &english, local),
                    grace_secs: self.config.presence.grace.as_secs(),
                },
            ),
            week: Progress {
                done: crate::stats::done_this_week(&sessions, now, self.clock.zone()),
                goal: self.config.weekly_goal,
                suggest: crate::stats::suggestion(
                    &sessions,
                    now,
                    self.clock.zone(),
                    self.config.weekly_goal,
                ),
            },
            idle_source: self.idle_source,
            held: self.held(),
            lull_wait: self.lull_wait(),
            sync: self.sync_status(),
            sync_off: self.sync_off(),
        }
    }
}
