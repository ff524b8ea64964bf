//! Recording a finished stretch: through a running daemon, or straight into the history log
//! and the state (the seen safety notice) when none runs.

use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::Utc;

use super::REMINDER;
use crate::catalog::Stretch;
use crate::config::Kind;
use crate::i18n::arg;
use crate::ipc::{Client, ClientError, Request, Response};
use crate::schedule::level::{self, Adjust};
use crate::store::Store;
use crate::store::history::{Entry, History, Outcome};

/// What the guide finished: one stretch, with the answer to "next time?" for its level, or a
/// whole session.
pub(super) enum Finished<'a> {
    /// One stretch, as the catalogue has it.
    Stretch {
        /// The stretch.
        stretch: &'a Stretch,
        /// Easier or harder next time.
        adjust: Option<Adjust>,
    },
    /// A stretch session.
    Session,
}

/// Records a finished stretch or session, and with `safety_shown` that the safety notice was
/// seen: through the daemon if one runs, else straight into the history log and the state.
/// Returns what to tell the user. When the request may have reached the daemon but was not
/// confirmed (no answer in time, a hang-up, a garbled answer), nothing is written, lest it be
/// recorded twice: that is an error that says what to check.
pub(super) fn record(finished: &Finished<'_>, safety_shown: bool) -> anyhow::Result<String> {
    let (kind, item, request) = match *finished {
        Finished::Stretch { stretch, adjust } => (
            Kind::Stretch,
            stretch.id.as_str(),
            Request::GuideDone {
                item: stretch.id.clone(),
                safety_shown,
                adjust,
            },
        ),
        Finished::Session => (
            Kind::Session,
            crate::catalog::SESSION_ITEM,
            Request::SessionDone { safety_shown },
        ),
    };
    let answer =
        Client::connect(&crate::store::paths::control_socket()).and_then(|c| c.call(&request));
    let m = crate::i18n::cli();
    let with = |why: String| [("item", arg(item)), ("why", arg(why))];
    let problem = match answer {
        Ok(Response::Ok { message, text }) => return Ok(sentence(&text.unwrap_or(message))),
        Ok(Response::Error { message, text }) => {
            Some(m.fmt("record-refused", &with(text.unwrap_or(message))))
        }
        Err(ClientError::NotRunning(_)) => None,
        // Sent nowhere: nothing to confirm, and nothing written beside an untrusted socket.
        Err(e @ (ClientError::UnsafeDir(_) | ClientError::Untrusted { .. })) => {
            bail!("{}", m.fmt("record-not-recorded", &with(e.to_string())))
        }
        Ok(_) => bail!(
            "{}",
            m.fmt("record-unconfirmed-other", &with(String::new()))
        ),
        Err(e) => bail!("{}", m.fmt("record-unconfirmed", &with(e.to_string()))),
    };
    if let Some(problem) = &problem {
        let said = m.fmt("record-directly", &[("problem", arg(problem.as_str()))]);
        eprintln!("stretchd: {said}");
    }
    let path = crate::store::history::default_path();
    let mut history =
        History::open(path.clone()).with_context(|| format!("cannot open {}", path.display()))?;
    let entry = Entry {
        time: Utc::now(),
        reminder: REMINDER.to_owned(),
        kind,
        item: item.to_owned(),
        outcome: Outcome::Done,
    };
    history
        .append(&entry)
        .with_context(|| format!("cannot append to {}", path.display()))?;
    // A daemon that refused the entry has taken the notice (it owns the state while it runs).
    let mut change = None;
    if problem.is_none() {
        change = record_in_state(&crate::store::paths::state_dir(), safety_shown, finished);
    }
    let m = crate::i18n::cli();
    let adjust = match *finished {
        Finished::Stretch { adjust, .. } => adjust,
        Finished::Session => None,
    };
    let note = level::adjust_note(change, adjust).map(|n| n.words(m));
    let id = match (problem.is_none(), note.is_some()) {
        (true, false) => "guide-recorded-alone",
        (true, true) => "guide-recorded-alone-note",
        (false, false) => "guide-recorded-in",
        (false, true) => "guide-recorded-in-note",
    };
    let args = [
        ("item", arg(item)),
        ("path", arg(path.display().to_string())),
        ("note", arg(note.unwrap_or_default())),
    ];
    Ok(m.fmt(id, &args))
}

/// Records that `stretch` hurt, as `stretchd hurt ID` does (through the daemon, or else in the
/// files); returns what to tell the user.
pub(super) fn hurt(config: Option<&Path>, item: &str) -> anyhow::Result<String> {
    let request = Request::Hurt {
        item: Some(item.to_owned()),
    };
    let alone = || crate::cli::aside::hurt_alone(config, Some(item.to_owned()));
    match crate::cli::remote::ask_or(&request, alone)? {
        Response::Ok { message, text } => Ok(text.unwrap_or(message)),
        Response::Error { message, text } => {
            let args = [("item", arg(item)), ("why", arg(text.unwrap_or(message)))];
            bail!("{}", crate::i18n::cli().fmt("record-not-set-aside", &args))
        }
        _ => bail!(
            "{}",
            crate::i18n::cli().fmt("record-aside-unconfirmed", &[("item", arg(item))])
        ),
    }
}

/// `message` with a capital first letter and a full stop.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// Records in `state.json`, when no daemon runs to do it, what a finished stretch changes: its
/// level (moved with `adjust`), and with `safety_shown` that the safety notice was seen; loaded
/// and saved through the store as the daemon does. Returns the change of hold. A failure only
/// means the notice shows again and the level stays.
fn record_in_state(
    state_dir: &Path,
    safety_shown: bool,
    finished: &Finished<'_>,
) -> Option<(u32, u32)> {
    let store = Store::new(state_dir);
    let now = Utc::now();
    let changed = store.update(now, |state| {
        state.safety_shown |= safety_shown;
        match *finished {
            Finished::Stretch { stretch, adjust } => level::done_at(state, stretch, adjust, now),
            Finished::Session => None,
        }
    });
    changed.unwrap_or_else(|e| {
        eprintln!(
            "stretchd: cannot write {} ({e}); the safety notice may show again and the stretch's level stays",
            store.path().display()
        );
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_start_big_and_end_with_a_stop() {
        assert_eq!(sentence("recorded it"), "Recorded it.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), ".");
    }
}
