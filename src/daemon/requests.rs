//! What each control request (`stretchd snooze`, `pause`, `done`, ...) does to the daemon, and
//! the status it reports.

use std::time::Duration;

use chrono::{DateTime, Local, Utc};
use tracing::info;

use super::{Clock, Daemon, Last, upcoming, week_start};
use crate::config::Kind;
use crate::history::{Entry, Outcome};
use crate::ipc::{PauseInfo, Progress, Request, Response, SnoozeInfo, Status, Upcoming};
use crate::notify::Notifier;
use crate::schedule;
use crate::state::{Pause, Snooze};

impl<N: Notifier, C: Clock> Daemon<N, C> {
    /// Carries out a control request.
    pub(super) async fn control(&mut self, request: Request) -> Response {
        let now = self.clock.now();
        let result = match request {
            Request::Status | Request::Follow => return Response::Status(Box::new(self.status())),
            Request::Next { count } => {
                return Response::Next {
                    upcoming: self.upcoming(now, count),
                };
            }
            Request::Snooze { secs } => {
                let length = secs.map_or(self.config.snooze.length, Duration::from_secs);
                self.snooze(length).await
            }
            Request::Pause { until } => self.pause(until, now),
            Request::Resume => Ok(self.resume(now)),
            Request::Done => self.answer_from_cli(Outcome::Done).await,
            Request::Skip => self.answer_from_cli(Outcome::Skipped).await,
            Request::Now { reminder } => self.fire_now(reminder, now).await,
            Request::Reload => self.reload(false).await,
            Request::GuideDone { item } => self.guide_done(item).await,
        };
        match result {
            Ok(message) => Response::Ok { message },
            Err(message) => Response::Error { message },
        }
    }

    /// `stretchd snooze`: the reminder on screen, or else the next one, comes back `length`
    /// later.
    async fn snooze(&mut self, length: Duration) -> Result<String, String> {
        if self.last.as_ref().is_some_and(Last::awaits_answer) {
            let message = self.snooze_last(length)?;
            if let Some(id) = self.last.as_ref().and_then(|l| l.notification) {
                self.notifier.close(id).await;
            }
            return Ok(message);
        }
        let now = self.clock.now();
        let Some(due) = schedule::next_due(&self.config, &self.state, now, &Local) else {
            return Err("nothing is scheduled to snooze".to_owned());
        };
        let reminder = self
            .config
            .reminder(&due.reminder)
            .ok_or("nothing is scheduled to snooze")?;
        let count = self
            .state
            .snooze
            .as_ref()
            .filter(|s| s.reminder == due.reminder)
            .map_or(0, |s| s.count);
        let max = self.config.snooze.max;
        if count >= max {
            return Err(format!(
                "\"{}\" was snoozed {max} times in a row already (snooze.max = {max})",
                due.reminder
            ));
        }
        let item = match self
            .state
            .snooze
            .as_ref()
            .filter(|s| s.reminder == due.reminder)
        {
            Some(s) => s.item.clone(),
            None => schedule::pick(&self.config, &self.state, reminder).ok_or("nothing to show")?,
        };
        let until = super::later(due.at.max(now), length)?;
        self.state.snooze = Some(Snooze {
            reminder: due.reminder.clone(),
            item,
            until,
            count: count + 1,
        });
        Ok(format!(
            "snoozed the next reminder, \"{}\", until {}",
            due.reminder,
            until.with_timezone(&Local).format("%a %H:%M:%S")
        ))
    }

    fn pause(
        &mut self,
        until: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<String, String> {
        if until.is_some_and(|u| u <= now) {
            return Err("that time has already passed; give a time in the future".to_owned());
        }
        if let Some(u) = until {
            // Refuses a pause past the limit, and checks the arithmetic the schedule will do.
            let length = (u - now).to_std().unwrap_or(Duration::MAX);
            super::later(now, length)?;
        }
        self.state.pause = Some(Pause { until });
        Ok(match until {
            Some(u) => format!(
                "paused until {}",
                u.with_timezone(&Local).format("%a %Y-%m-%d %H:%M")
            ),
            None => "paused until `stretchd resume`".to_owned(),
        })
    }

    /// Ends a pause; reminders missed meanwhile restart from now instead of firing at once.
    fn resume(&mut self, now: DateTime<Utc>) -> String {
        if self.state.pause.take().is_none() {
            return "not paused; nothing to resume".to_owned();
        }
        schedule::absorb_overdue(&self.config, &mut self.state, now, &Local);
        "resumed".to_owned()
    }

    async fn answer_from_cli(&mut self, outcome: Outcome) -> Result<String, String> {
        match &self.last {
            None => return Err("no reminder has been shown yet; nothing to answer".to_owned()),
            Some(l) if !l.awaits_answer() => {
                return Err(format!(
                    "the last reminder (\"{}\" at {}) was already answered: {}",
                    l.fire.reminder,
                    l.fire.at.with_timezone(&Local).format("%H:%M"),
                    l.outcome.map_or("", Outcome::as_str)
                ));
            }
            Some(_) => {}
        }
        self.answer(outcome).await;
        let last = self.last.as_ref().map_or("", |l| l.fire.reminder.as_str());
        Ok(format!("{}: \"{last}\"", outcome.as_str()))
    }

    async fn fire_now(
        &mut self,
        reminder: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<String, String> {
        let id = match reminder {
            Some(id) => id,
            None => schedule::next_due(&self.config, &self.state, now, &Local)
                .map(|d| d.reminder)
                .or_else(|| self.config.reminders.first().map(|r| r.id.clone()))
                .ok_or("the config has no reminders")?,
        };
        let Some(fire) = schedule::fire_now(&self.config, &mut self.state, &id, now) else {
            let known: Vec<&str> = self
                .config
                .reminders
                .iter()
                .map(|r| r.id.as_str())
                .collect();
            return Err(format!(
                "no reminder has the id \"{id}\" (known: {})",
                known.join(", ")
            ));
        };
        let title = upcoming(&self.config, &fire).title;
        self.show(fire).await;
        Ok(format!("showing {title}"))
    }

    /// `stretchd guide` finished a stretch: appends a Done entry for it (reminder
    /// [`crate::guide::REMINDER`]) and counts it toward the week. The schedule, the rotation and
    /// a reminder on screen are left as they are.
    async fn guide_done(&mut self, item: String) -> Result<String, String> {
        if item.is_empty() {
            return Err("guide_done needs the id of the stretch that was done".to_owned());
        }
        let now = self.clock.now();
        // Guiding the very stretch on screen answers it, so the week does not count it twice.
        let on_screen = self.last.as_ref().is_some_and(|l| {
            l.awaits_answer() && l.fire.kind == Kind::Stretch && l.fire.item == item
        });
        if on_screen && self.history.is_some() {
            self.answer(Outcome::Done).await;
            let monday = week_start(now);
            let done = self.recent_done.iter().filter(|t| **t >= monday).count();
            return Ok(format!(
                "recorded \"{item}\" as done (it answers the reminder on screen); this week: {done} of {} stretch sessions",
                self.config.weekly_goal
            ));
        }
        let Some(history) = self.history.as_mut() else {
            return Err(
                "the daemon could not open the history log, so it records nothing (see its log)"
                    .to_owned(),
            );
        };
        let entry = Entry {
            time: now,
            reminder: crate::guide::REMINDER.to_owned(),
            kind: Kind::Stretch,
            item,
            outcome: Outcome::Done,
        };
        history
            .append(&entry)
            .map_err(|e| format!("cannot append to {}: {e}", history.path().display()))?;
        info!(item = %entry.item, "guided stretch done");
        self.recent_done.push(now);
        let monday = week_start(now);
        let done = self.recent_done.iter().filter(|t| **t >= monday).count();
        Ok(format!(
            "recorded \"{}\" as done; this week: {done} of {} stretch sessions",
            entry.item, self.config.weekly_goal
        ))
    }

    fn upcoming(&self, now: DateTime<Utc>, count: usize) -> Vec<Upcoming> {
        schedule::preview(&self.config, &self.state, now, count, &Local)
            .iter()
            .map(|f| upcoming(&self.config, f))
            .collect()
    }

    /// The status `stretchd status` shows and `follow` streams.
    pub(super) fn status(&self) -> Status {
        let now = self.clock.now();
        let monday = week_start(now);
        Status {
            pid: std::process::id(),
            daemon_version: env!("CARGO_PKG_VERSION").to_owned(),
            running_since: self.started,
            config: self.config.origin.to_string(),
            config_error: self.config_error.clone(),
            paused: self.state.pause.map(|p| PauseInfo { until: p.until }),
            snoozed: self.state.snooze.as_ref().map(|s| SnoozeInfo {
                reminder: s.reminder.clone(),
                until: s.until,
                count: s.count,
            }),
            next: self.upcoming(now, 1).into_iter().next(),
            waiting: self
                .last
                .as_ref()
                .filter(|l| l.outcome.is_none())
                .map(|l| upcoming(&self.config, &l.fire)),
            week: Progress {
                done: u32::try_from(self.recent_done.iter().filter(|t| **t >= monday).count())
                    .unwrap_or(u32::MAX),
                goal: self.config.weekly_goal,
            },
            idle_source: self.idle_source.to_owned(),
            held: self.held(),
        }
    }
}
