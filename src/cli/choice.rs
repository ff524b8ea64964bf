//! Which stretch `stretchd guide` walks through and `stretchd card` shows: the one asked for by
//! id, or the one stretchd would suggest (the daemon's, else [`crate::schedule::next_stretch`]
//! from the saved state).

use crate::i18n::{arg, cli};
use anyhow::bail;
use chrono::{Local, Utc};

use crate::catalog::Stretch;
use crate::config::{Config, Kind};
use crate::ipc::{Client, ClientError, Request, Response};
use crate::schedule::state::State;

/// The stretch with this id, or an error that lists the ids.
pub(super) fn find<'a>(config: &'a Config, id: &str, command: &str) -> anyhow::Result<&'a Stretch> {
    if let Some(stretch) = config.catalog.stretch(id) {
        return Ok(stretch);
    }
    let known: Vec<&str> = config
        .catalog
        .stretches
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let m = cli();
    let args = [
        ("id", arg(crate::text::printable(id).into_owned())),
        ("command", arg(command)),
        ("known", arg(known.join(", "))),
    ];
    if config.catalog.posture(id).is_some() {
        bail!("{}", m.fmt("choice-a-posture", &args));
    }
    bail!("{}", m.fmt("choice-unknown", &args))
}

/// The stretch stretchd would suggest next, and a line that says where the choice came from;
/// `command` (`guide`, `card`) is the one the messages name.
pub(super) fn suggest<'c>(
    config: &'c Config,
    command: &str,
) -> anyhow::Result<(&'c Stretch, String)> {
    match ask_daemon() {
        Ok(Some(item)) => {
            if let Some(stretch) = config.catalog.stretch(&item) {
                let why = cli().fmt("choice-daemon-suggests", &[("command", arg(command))]);
                return Ok((stretch, why));
            }
        }
        Ok(None) | Err(ClientError::NotRunning(_)) => {}
        Err(e) => eprintln!("stretchd: cannot ask the daemon what comes next ({e})"),
    }
    let state = crate::store::Store::new(&crate::store::paths::state_dir())
        .peek()
        .unwrap_or_else(|| State::new(Utc::now()));
    let Some(stretch) = crate::schedule::next_stretch(config, &state, Utc::now(), &Local) else {
        bail!(
            "{}",
            cli().fmt("choice-all-set-aside", &[("command", arg(command))])
        );
    };
    let why = cli().fmt("choice-next-in-rotation", &[("command", arg(command))]);
    Ok((stretch, why))
}

/// The stretch the running daemon suggests: the stretch reminder on screen, or else the first
/// stretch among the upcoming reminders.
fn ask_daemon() -> Result<Option<String>, ClientError> {
    let socket = crate::store::paths::control_socket();
    if let Response::Status(status) = Client::connect(&socket)?.call(&Request::Status)?
        && let Some(waiting) = status.waiting.filter(|w| w.kind == Kind::Stretch)
    {
        return Ok(Some(waiting.item));
    }
    let request = Request::Next {
        count: crate::schedule::STRETCH_LOOKAHEAD,
    };
    Ok(match Client::connect(&socket)?.call(&request)? {
        Response::Next { upcoming } => upcoming
            .into_iter()
            .find(|u| u.kind == Kind::Stretch)
            .map(|u| u.item),
        _ => None,
    })
}
