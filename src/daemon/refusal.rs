//! Why the daemon refused a request or could not record an answer: the typed errors of
//! [`super::requests`], whose messages are what the client prints.

use std::path::PathBuf;
use std::time::Duration;

use crate::config::{MAX_PAUSE, human};
use crate::i18n::{Lang, Messages, Part, arg};
use crate::ipc::Response;
use crate::schedule::SnoozeError;
use crate::store::history::Outcome;
use crate::text::printable;

/// Why an answer did not reach the history log (it was carried out all the same).
#[derive(Debug, Clone, thiserror::Error)]
pub enum RecordError {
    /// The log cannot be opened (tried again at every answer).
    #[error(
        "the history log cannot be opened (see the daemon's log for why; it is tried again at every answer)"
    )]
    NoHistory,
    /// Appending failed (a read-only or full disk, a directory in the way).
    #[error("cannot append to {}: {cause}", path.display())]
    Append {
        /// The log.
        path: PathBuf,
        /// What failed.
        cause: String,
    },
}

/// A control request the daemon refused, or carried out only in part. Its words are messages
/// (`refusal-*` in `i18n/<lang>/daemon.ftl`, see [`Refusal::words`]); `Display` is English.
#[derive(Debug)]
pub enum Refusal {
    /// A pause longer than [`MAX_PAUSE`].
    PauseTooLong(Duration),
    /// A pause until a time that has passed.
    Past,
    /// The schedule refused the snooze.
    Snooze(SnoozeError),
    /// No reminder on screen waits for an answer.
    NothingAwaits,
    /// `done` or `skip` before any reminder.
    NothingShown,
    /// `done` or `skip` twice.
    AlreadyAnswered {
        /// Its id.
        reminder: String,
        /// When it fired, as the user's clock says it.
        at: String,
        /// The answer it got.
        outcome: Outcome,
    },
    /// The answer holds, but the history log did not take it.
    NotSaved {
        /// The answer.
        outcome: Outcome,
        /// The reminder.
        reminder: String,
        /// Why.
        cause: RecordError,
    },
    /// `now` with a config that has no reminders.
    NoReminders,
    /// `now ID` with an unknown id.
    UnknownReminder {
        /// What was asked (escaped when shown).
        id: String,
        /// The config's ids.
        known: String,
    },
    /// `now ID` for a reminder with nothing to show: every stretch it could pick is set aside.
    AllSetAside {
        /// The reminder's id (escaped when shown).
        id: String,
    },
    /// `guide_done` or `hurt` with an id that is not a stretch of the catalogue.
    NotAStretch(String),
    /// `hurt` without an id, with no stretch on screen and none done.
    NoStretchToSetAside,
    /// `hurt` without an id while a session is on screen: which of its stretches is not known.
    SessionOnScreen {
        /// The ids of the session's stretches, comma-separated.
        ids: String,
    },
    /// `restore` of a stretch that is not set aside.
    NotSetAside {
        /// What was asked.
        item: String,
        /// The ids set aside, comma-separated.
        aside: String,
    },
    /// A guided stretch that could not be recorded.
    Unrecorded {
        /// The stretch.
        item: String,
        /// Why.
        cause: RecordError,
    },
    /// `reload` of an invalid config (the old one stays).
    ConfigInvalid(String),
}

impl From<SnoozeError> for Refusal {
    fn from(e: SnoozeError) -> Refusal {
        Refusal::Snooze(e)
    }
}

impl std::error::Error for Refusal {}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(&Messages::wire_all()))
    }
}

impl Refusal {
    /// What it says in the language of `m`.
    pub fn words(&self, m: &Messages) -> String {
        let text = |s: &str| arg(printable(s).into_owned());
        match self {
            Refusal::PauseTooLong(length) => m.fmt(
                "refusal-pause-too-long",
                &[
                    ("length", arg(human(*length))),
                    ("limit", arg(human(MAX_PAUSE))),
                ],
            ),
            Refusal::Past => m.get("refusal-past"),
            Refusal::Snooze(e) => e.words(m),
            Refusal::NothingAwaits => m.get("refusal-nothing-awaits"),
            Refusal::NothingShown => m.get("refusal-nothing-shown"),
            Refusal::AlreadyAnswered {
                reminder,
                at,
                outcome,
            } => m.fmt(
                "refusal-already-answered",
                &[
                    ("reminder", text(reminder)),
                    ("time", arg(at.as_str())),
                    ("outcome", arg(crate::stats::outcome(m, *outcome))),
                ],
            ),
            Refusal::NotSaved {
                outcome,
                reminder,
                cause,
            } => m.fmt(
                "refusal-not-saved",
                &[
                    ("outcome", arg(crate::stats::outcome(m, *outcome))),
                    ("reminder", text(reminder)),
                    ("error", arg(cause.to_string())),
                ],
            ),
            Refusal::NoReminders => m.get("refusal-no-reminders"),
            Refusal::UnknownReminder { id, known } => m.fmt(
                "refusal-unknown-reminder",
                &[("id", text(id)), ("known", arg(known.as_str()))],
            ),
            Refusal::AllSetAside { id } => m.fmt("refusal-all-set-aside", &[("id", text(id))]),
            Refusal::NotAStretch(id) => m.fmt("refusal-not-a-stretch", &[("id", text(id))]),
            Refusal::NoStretchToSetAside => m.get("refusal-no-stretch"),
            Refusal::SessionOnScreen { ids } => {
                m.fmt("refusal-session-on-screen", &[("ids", arg(ids.as_str()))])
            }
            Refusal::NotSetAside { item, aside } => {
                let aside = if aside.is_empty() {
                    m.get("refusal-none-set-aside")
                } else {
                    printable(aside).into_owned()
                };
                m.fmt(
                    "refusal-not-set-aside",
                    &[("item", text(item)), ("aside", arg(aside))],
                )
            }
            Refusal::Unrecorded { item, cause } => m.fmt(
                "refusal-unrecorded",
                &[("item", text(item)), ("error", arg(cause.to_string()))],
            ),
            Refusal::ConfigInvalid(error) => {
                m.fmt("refusal-config-invalid", &[("error", arg(error.as_str()))])
            }
        }
    }

    /// The answer that carries it: in English, and in `lang` too unless that is English.
    pub fn response(&self, lang: Lang) -> Response {
        let local = (!lang.is_english())
            .then(|| self.words(&Messages::new(lang, &[Part::Catalog, Part::Daemon])));
        Response::Error {
            message: self.to_string(),
            text: local,
        }
    }
}
