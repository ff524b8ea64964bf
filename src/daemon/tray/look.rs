//! What the tray icon shows for a status: its picture, its `Status`, its tooltip and its menu.
//! Pure: the status and the time zone in, the look out.

use chrono::{DateTime, TimeZone, Utc};

use crate::i18n::{Messages, arg};
use crate::ipc::{Held, Status};

/// The state the icon shows, most pressing first: the first that applies wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// The config file on disk is invalid (the previous one runs).
    Error,
    /// A reminder is on screen, awaiting an answer.
    Due,
    /// Paused (`stretchd pause`).
    Paused,
    /// Reminders are held back (away, locked, do-not-disturb, full screen).
    Held,
    /// A snooze is in force.
    Snoozed,
    /// Nothing special: reminders come as scheduled.
    Active,
}

impl State {
    /// The state of `status`.
    pub fn of(status: &Status) -> State {
        if status.config_error.is_some() {
            State::Error
        } else if status.waiting.is_some() {
            State::Due
        } else if status.paused.is_some() {
            State::Paused
        } else if status.held.is_some() {
            State::Held
        } else if status.snoozed.is_some() {
            State::Snoozed
        } else {
            State::Active
        }
    }

    /// The icon: the app's own when all is well, else a name from the freedesktop icon naming
    /// specification, which every icon theme has.
    pub fn icon(self) -> &'static str {
        match self {
            State::Active => "stretchd",
            // The icon of the reminders themselves (see `notify`).
            State::Due => "preferences-desktop-accessibility",
            State::Paused => "media-playback-pause",
            State::Held => "user-away",
            State::Snoozed => "appointment-soon",
            State::Error => "dialog-error",
        }
    }

    /// The item's `Status`: `NeedsAttention` asks for a look (a reminder waits, the config is
    /// broken); `Passive` lets a host tuck the icon away while nothing will come (paused, held).
    pub fn sni_status(self) -> &'static str {
        match self {
            State::Error | State::Due => "NeedsAttention",
            State::Paused | State::Held => "Passive",
            State::Snoozed | State::Active => "Active",
        }
    }
}

/// An entry of the tray menu, and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Done on the reminder waiting (`stretchd done`).
    Done,
    /// Snooze it (`stretchd snooze`).
    Snooze,
    /// Skip it (`stretchd skip`).
    Skip,
    /// `stretchd pause 1h`.
    PauseHour,
    /// `stretchd pause --until-tomorrow`.
    PauseTomorrow,
    /// `stretchd resume`.
    Resume,
    /// `stretchd guide --session` in a new terminal window.
    Session,
    /// The config file in the desktop's editor (`xdg-open`).
    Config,
    /// A line between groups.
    Separator(i32),
}

impl Entry {
    /// Its dbusmenu id: fixed per entry, so that a host that kept an old layout still presses
    /// what it shows. 0 is the root.
    pub fn id(self) -> i32 {
        match self {
            Entry::Done => 1,
            Entry::Snooze => 2,
            Entry::Skip => 3,
            Entry::PauseHour => 4,
            Entry::PauseTomorrow => 5,
            Entry::Resume => 6,
            Entry::Session => 7,
            Entry::Config => 8,
            Entry::Separator(n) => 100 + n,
        }
    }

    /// What it says, in the language of `m` (`_` would mark a mnemonic: none is used).
    fn shown(self, m: &Messages) -> String {
        let id = match self {
            Entry::Done => "action-done",
            Entry::Snooze => "action-snooze",
            Entry::Skip => "action-skip",
            Entry::PauseHour => "tray-pause-hour",
            Entry::PauseTomorrow => "tray-pause-tomorrow",
            Entry::Resume => "tray-resume",
            Entry::Session => "tray-session",
            Entry::Config => "tray-config",
            Entry::Separator(_) => return String::new(),
        };
        m.get(id)
    }

    /// Its name in the log (English).
    pub fn label(self) -> &'static str {
        match self {
            Entry::Done => "Done",
            Entry::Snooze => "Snooze",
            Entry::Skip => "Skip",
            Entry::PauseHour => "Pause for 1 hour",
            Entry::PauseTomorrow => "Pause until tomorrow",
            Entry::Resume => "Resume",
            Entry::Session => "Start a stretch session",
            Entry::Config => "Open the config",
            Entry::Separator(_) => "",
        }
    }
}

/// Everything the icon shows for one status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    /// The state shown.
    pub state: State,
    /// The tooltip's text under its title, one line each: what holds or waits, the next
    /// reminder, this week's progress.
    pub lines: Vec<String>,
    /// The menu, top to bottom.
    pub menu: Vec<Entry>,
    /// What the entries of the menu say, in the same order.
    pub labels: Vec<String>,
}

impl Look {
    /// The look of `status` in the language of `m`, times in zone `tz`, `now` to tell today
    /// from another day.
    pub fn of<Tz: TimeZone>(m: &Messages, status: &Status, now: DateTime<Utc>, tz: &Tz) -> Look
    where
        Tz::Offset: std::fmt::Display,
    {
        let at = |t: DateTime<Utc>| {
            let local = t.with_timezone(tz);
            if local.date_naive() == now.with_timezone(tz).date_naive() {
                local.format("%H:%M").to_string()
            } else {
                m.day_time(&local)
            }
        };
        let time = |t: DateTime<Utc>| [("time", arg(at(t)))];
        let mut lines = Vec::new();
        if let Some(e) = &status.config_error {
            let error = arg(crate::text::printable(e).into_owned());
            lines.push(m.fmt("tray-config-error", &[("error", error)]));
        }
        if let Some(w) = &status.waiting {
            lines.push(m.fmt("tray-now", &[("title", arg(w.shown()))]));
        }
        if let Some(p) = &status.paused {
            lines.push(match p.until {
                Some(u) => m.fmt("tray-paused-until", &time(u)),
                None => m.get("tray-paused"),
            });
        }
        if let Some(h) = &status.held {
            lines.push(m.fmt("tray-held", &[("why", arg(held(m, h, &at)))]));
        }
        if let Some(z) = &status.snoozed {
            lines.push(m.fmt("tray-snoozed", &time(z.until)));
        }
        lines.push(match (&status.held_next, &status.next) {
            (Some(h), _) => m.fmt(
                "tray-held-next",
                &[
                    ("title", arg(h.reminder.shown())),
                    ("time", arg(at(h.reminder.at))),
                    ("grace", arg(h.grace_secs)),
                ],
            ),
            (None, Some(n)) => m.fmt(
                "tray-next",
                &[("title", arg(n.shown())), ("time", arg(at(n.at)))],
            ),
            (None, None) => m.get("tray-next-none"),
        });
        let week = [
            ("done", arg(status.week.done)),
            ("goal", arg(status.week.goal)),
        ];
        lines.push(m.fmt("tray-week", &week));
        let mut menu = Vec::new();
        if status.waiting.is_some() {
            menu.extend([Entry::Done, Entry::Snooze, Entry::Skip, Entry::Separator(1)]);
        }
        if status.paused.is_some() {
            menu.push(Entry::Resume);
        } else {
            menu.extend([Entry::PauseHour, Entry::PauseTomorrow]);
        }
        menu.extend([Entry::Separator(2), Entry::Session, Entry::Config]);
        let labels = menu.iter().map(|e| e.shown(m)).collect();
        Look {
            state: State::of(status),
            lines,
            menu,
            labels,
        }
    }

    /// What `entry` says in the menu ("" for one not in it).
    pub fn label(&self, entry: Entry) -> &str {
        self.menu
            .iter()
            .position(|e| *e == entry)
            .and_then(|i| self.labels.get(i))
            .map_or("", String::as_str)
    }
}

/// Why reminders are held, in a few words.
fn held(m: &Messages, h: &Held, at: &impl Fn(DateTime<Utc>) -> String) -> String {
    let time = |t| [("time", arg(at(t)))];
    match *h {
        Held::Idle { since } => m.fmt("tray-held-idle", &time(since)),
        Held::Locked { since } => m.fmt("tray-held-locked", &time(since)),
        Held::Asleep { since } => m.fmt("tray-held-asleep", &time(since)),
        Held::DoNotDisturb => m.get("tray-held-dnd"),
        Held::Fullscreen => m.get("tray-held-fullscreen"),
        Held::Call {
            capture, ref app, ..
        } => {
            let args = [
                ("capture", arg(crate::i18n::capture(m, capture))),
                ("app", arg(crate::text::printable(app).into_owned())),
            ];
            m.fmt("tray-held-call", &args)
        }
        Held::Grace { until } => m.fmt("tray-held-grace", &time(until)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{IdleSource, Kind};
    use crate::ipc::{PauseInfo, Progress, SnoozeInfo, Upcoming};
    use chrono::FixedOffset;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn upcoming(at: &str, title: &str) -> Upcoming {
        Upcoming {
            text: None,
            at: t(at),
            reminder: "stretch".to_owned(),
            kind: Kind::Stretch,
            item: "seated-twist".to_owned(),
            title: title.to_owned(),
        }
    }

    fn status() -> Status {
        Status {
            pid: 1,
            daemon_version: "0".to_owned(),
            running_since: t("2026-12-07T08:00:00Z"),
            config: "built-in".to_owned(),
            config_error: None,
            paused: None,
            snoozed: None,
            next: Some(upcoming("2026-12-07T10:50:00Z", "Seated twist")),
            waiting: None,
            week: Progress {
                done: 1,
                goal: 3,
                suggest: None,
            },
            idle_source: IdleSource::None,
            held: None,
            held_next: None,
            filed: None,
            lull_wait: None,
            sync: None,
            sync_off: None,
        }
    }

    #[test]
    fn each_state_has_its_icon_status_tooltip_and_menu() {
        let now = t("2026-12-07T10:00:00Z");
        let tz = FixedOffset::east_opt(3600).unwrap();
        let active = Look::of(&Messages::english(), &status(), now, &tz);
        assert_eq!(active.state, State::Active);
        assert_eq!(active.state.icon(), "stretchd");
        assert_eq!(active.state.sni_status(), "Active");
        assert_eq!(
            active.lines,
            [
                "Next: Seated twist at 11:50",
                "This week: 1 of 3 stretch sessions"
            ]
        );
        assert_eq!(
            active.menu,
            [
                Entry::PauseHour,
                Entry::PauseTomorrow,
                Entry::Separator(2),
                Entry::Session,
                Entry::Config
            ]
        );

        let mut due = status();
        due.waiting = Some(upcoming("2026-12-07T09:58:00Z", "Cat-camel"));
        due.paused = Some(PauseInfo {
            until: Some(t("2026-12-08T09:00:00Z")),
        });
        let due = Look::of(&Messages::english(), &due, now, &tz);
        assert_eq!(due.state, State::Due);
        assert_eq!(due.state.sni_status(), "NeedsAttention");
        assert_eq!(due.lines[0], "Now: Cat-camel");
        assert_eq!(due.lines[1], "Paused until Tue 10:00");
        assert_eq!(
            &due.menu[..5],
            [
                Entry::Done,
                Entry::Snooze,
                Entry::Skip,
                Entry::Separator(1),
                Entry::Resume
            ]
        );

        let mut snoozed = status();
        snoozed.snoozed = Some(SnoozeInfo {
            reminder: "stretch".to_owned(),
            until: t("2026-12-07T10:10:00Z"),
            count: 1,
        });
        let snoozed = Look::of(&Messages::english(), &snoozed, now, &tz);
        assert_eq!(snoozed.state.icon(), "appointment-soon");
        assert_eq!(snoozed.lines[0], "Snoozed until 11:10");

        let mut held = status();
        held.held = Some(Held::DoNotDisturb);
        held.next = None;
        let held = Look::of(&Messages::english(), &held, now, &tz);
        assert_eq!(
            (held.state, held.state.sni_status()),
            (State::Held, "Passive")
        );
        assert_eq!(
            held.lines[..2],
            ["Held: do not disturb", "Next: nothing scheduled"]
        );

        let mut broken = status();
        broken.config_error = Some("config.toml:3:1: bad\u{1b}[31m".to_owned());
        let broken = Look::of(&Messages::english(), &broken, now, &tz);
        assert_eq!(broken.state.icon(), "dialog-error");
        assert!(!broken.lines[0].contains('\u{1b}'), "{:?}", broken.lines);
    }

    #[test]
    fn ids_are_unique_and_every_action_has_a_label() {
        let entries = [
            Entry::Done,
            Entry::Snooze,
            Entry::Skip,
            Entry::PauseHour,
            Entry::PauseTomorrow,
            Entry::Resume,
            Entry::Session,
            Entry::Config,
            Entry::Separator(1),
            Entry::Separator(2),
        ];
        let ids: std::collections::BTreeSet<i32> = entries.iter().map(|e| e.id()).collect();
        assert_eq!(ids.len(), entries.len());
        assert!(!ids.contains(&0), "0 is the root");
        for entry in &entries[..8] {
            assert!(!entry.label().is_empty(), "{entry:?}");
        }
    }
}
