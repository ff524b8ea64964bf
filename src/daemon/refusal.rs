//! Why the daemon refused a request or could not record an answer: the typed errors of
//! [`super::requests`], whose messages are what the client prints.

use std::path::PathBuf;
use std::time::Duration;

use crate::config::{MAX_PAUSE, human};
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

/// A control request the daemon refused, or carried out only in part.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// A pause longer than [`MAX_PAUSE`].
    #[error(
        "a pause of {} is too long; the limit is {} (`stretchd pause` without a time pauses until `stretchd resume`)",
        human(*.0),
        human(MAX_PAUSE)
    )]
    PauseTooLong(Duration),
    /// A pause until a time that has passed.
    #[error("that time has already passed; give a time in the future")]
    Past,
    /// The schedule refused the snooze.
    #[error(transparent)]
    Snooze(#[from] SnoozeError),
    /// No reminder on screen waits for an answer.
    #[error("no reminder awaits an answer")]
    NothingAwaits,
    /// `done` or `skip` before any reminder.
    #[error("no reminder has been shown yet; nothing to answer")]
    NothingShown,
    /// `done` or `skip` twice.
    #[error("the last reminder (\"{reminder}\" at {at}) was already answered: {outcome}")]
    AlreadyAnswered {
        /// Its id.
        reminder: String,
        /// When it fired, as the user's clock says it.
        at: String,
        /// The answer it got.
        outcome: Outcome,
    },
    /// The answer holds, but the history log did not take it.
    #[error(
        "{outcome}: \"{reminder}\", but it was not saved: {cause} (it counts until the daemon restarts)"
    )]
    NotSaved {
        /// The answer.
        outcome: Outcome,
        /// The reminder.
        reminder: String,
        /// Why.
        cause: RecordError,
    },
    /// `now` with a config that has no reminders.
    #[error("the config has no reminders")]
    NoReminders,
    /// `now ID` with an unknown id.
    #[error("no reminder has the id \"{}\" (known: {known})", printable(id))]
    UnknownReminder {
        /// What was asked (escaped when shown).
        id: String,
        /// The config's ids.
        known: String,
    },
    /// `now ID` for a reminder with nothing to show: every stretch it could pick is set aside.
    #[error(
        "reminder \"{}\" has nothing to show: every stretch it can pick is set aside; `stretchd stretches restore ID` brings one back (`stretchd stretches` lists them)",
        printable(id)
    )]
    AllSetAside {
        /// The reminder's id (escaped when shown).
        id: String,
    },
    /// `guide_done` or `hurt` with an id that is not a stretch of the catalogue.
    #[error(
        "\"{}\" is not a stretch of the catalogue (`stretchd stretches` lists them)",
        printable(.0)
    )]
    NotAStretch(String),
    /// `hurt` without an id, with no stretch on screen and none done.
    #[error(
        "no stretch is on screen and none was done yet; name the one that hurt: `stretchd hurt ID` (`stretchd stretches` lists them)"
    )]
    NoStretchToSetAside,
    /// `hurt` without an id while a session is on screen: which of its stretches is not known.
    #[error(
        "a stretch session is on screen, so which stretch hurt is not known; name it: `stretchd hurt ID` (the session's: {ids})"
    )]
    SessionOnScreen {
        /// The ids of the session's stretches, comma-separated.
        ids: String,
    },
    /// `restore` of a stretch that is not set aside.
    #[error(
        "\"{}\" is not set aside, so there is nothing to restore (set aside: {}); `stretchd stretches` shows them",
        printable(item),
        if aside.is_empty() { "none".into() } else { printable(aside) }
    )]
    NotSetAside {
        /// What was asked.
        item: String,
        /// The ids set aside, comma-separated.
        aside: String,
    },
    /// A guided stretch that could not be recorded.
    #[error("cannot record \"{item}\": {cause}")]
    Unrecorded {
        /// The stretch.
        item: String,
        /// Why.
        cause: RecordError,
    },
    /// `reload` of an invalid config (the old one stays).
    #[error("config not reloaded, keeping the previous one: {0}")]
    ConfigInvalid(String),
}
