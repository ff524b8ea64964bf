//! Recording a finished stretch: through a running daemon, or straight into the history log
//! and the state (the seen safety notice) when none runs.

use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::Utc;

use super::REMINDER;
use crate::config::Kind;
use crate::ipc::{Client, ClientError, Request, Response};
use crate::store::Store;
use crate::store::history::{Entry, History, Outcome};

/// Records a finished stretch (`kind` stretch, `item` its id) or session (`kind` session), and
/// with `safety_shown` that the safety notice was seen: through
/// the daemon if one runs, else straight into the history log and the state. Returns what to
/// tell the user. When the request may have reached the daemon but was not confirmed (no answer
/// in time, a hang-up, a garbled answer), nothing is written, lest the stretch be recorded
/// twice: that is an error that says what to check.
pub(super) fn record(kind: Kind, item: &str, safety_shown: bool) -> anyhow::Result<String> {
    let request = match kind {
        Kind::Session => Request::SessionDone { safety_shown },
        _ => Request::GuideDone {
            item: item.to_owned(),
            safety_shown,
        },
    };
    let answer =
        Client::connect(&crate::store::paths::control_socket()).and_then(|c| c.call(&request));
    let problem = match answer {
        Ok(Response::Ok { message }) => return Ok(sentence(&message)),
        Ok(Response::Error { message }) => Some(format!("the daemon did not record it: {message}")),
        Err(ClientError::NotRunning(_)) => None,
        // Sent nowhere: nothing to confirm, and nothing written beside an untrusted socket.
        Err(e @ (ClientError::UnsafeDir(_) | ClientError::Untrusted { .. })) => {
            bail!("\"{item}\" was not recorded: {e}")
        }
        Ok(_) => bail!(
            "the daemon did not confirm recording \"{item}\" (it answered something else); it may still record it: check `stretchd history`"
        ),
        Err(e) => bail!(
            "the daemon did not confirm recording \"{item}\" ({e}); it may still record it: check `stretchd history`"
        ),
    };
    if let Some(problem) = &problem {
        eprintln!("stretchd: {problem}; writing the history directly");
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
    if safety_shown && problem.is_none() {
        record_safety_seen(&crate::store::paths::state_dir());
    }
    let note = if problem.is_none() {
        " (no daemon is running)"
    } else {
        ""
    };
    Ok(format!(
        "Recorded \"{item}\" as done in {}{note}.",
        path.display()
    ))
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

/// Records in `state.json` that the safety notice was shown, when no daemon runs to do it: the
/// saved state with `safety_shown` set, loaded and saved through the store as the daemon does.
/// A failure only means the notice shows again next time.
fn record_safety_seen(state_dir: &Path) {
    let store = Store::new(state_dir);
    let mut state = store.load(Utc::now());
    if state.safety_shown {
        return;
    }
    state.safety_shown = true;
    if let Err(e) = store.save(&state) {
        eprintln!(
            "stretchd: cannot write {} ({e}); the safety notice will show again",
            store.path().display()
        );
    }
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
