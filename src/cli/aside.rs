//! `stretchd hurt` and `stretchd stretches restore` when no daemon runs: the same changes the
//! daemon makes ([`crate::schedule::aside`]), made to `state.json` through the store and to the
//! history log directly.

use std::path::Path;

use anyhow::Context as _;
use chrono::Utc;

use crate::config::{Config, Kind};
use crate::daemon::refusal::Refusal;
use crate::i18n::arg;
use crate::schedule::aside;
use crate::store::Store;
use crate::store::history::{self, Entry, History, Outcome};

/// `stretchd hurt [ID]` without a daemon: records the stretch (`id`, or else the last one done)
/// as hurt in the history, sets it aside in the saved state, and returns the advice.
pub fn hurt_alone(config: Option<&Path>, id: Option<String>) -> anyhow::Result<String> {
    let config = Config::load(config)?;
    let path = history::default_path();
    let id = id
        .or_else(|| history::last_done_stretch(&path))
        .ok_or(Refusal::NoStretchToSetAside)?;
    let Some(stretch) = config.catalog.stretch(&id) else {
        return Err(Refusal::NotAStretch(id).into());
    };
    let now = Utc::now();
    let store = Store::new(&crate::store::paths::state_dir());
    let state = store
        .update(now, |state| {
            aside::set_aside(state, &id, aside::HURT, now);
            state.clone()
        })
        .with_context(|| {
            format!(
                "cannot set \"{id}\" aside in {} (make it writable, or start the daemon)",
                store.path().display()
            )
        })?;
    let entry = Entry {
        time: now,
        reminder: history::MANUAL_REMINDER.to_owned(),
        kind: Kind::Stretch,
        item: id.clone(),
        outcome: Outcome::Hurt,
    };
    let advice = aside::hurt_advice(crate::i18n::cli(), &config, &state, stretch);
    let recorded = History::open(path.clone()).and_then(|mut h| h.append(&entry));
    Ok(match recorded {
        Ok(()) => advice,
        Err(e) => {
            let error = arg(format!("cannot append to {}: {e}", path.display()));
            let not_saved = crate::i18n::cli().fmt("reply-not-in-history", &[("error", error)]);
            format!("{advice}\n{not_saved}")
        }
    })
}

/// `stretchd stretches restore ID` without a daemon: takes `id` off the saved state's list of
/// stretches set aside.
pub fn restore_alone(config: Option<&Path>, id: &str) -> anyhow::Result<String> {
    // Loaded for its errors too: a broken config is reported here as everywhere else.
    let config = Config::load(config)?;
    let store = Store::new(&crate::store::paths::state_dir());
    let mut others = Vec::new();
    let now = Utc::now();
    let restored = store
        .update(now, |state| {
            others = state.set_aside.keys().cloned().collect();
            aside::restore(state, id, now)
        })
        .with_context(|| {
            format!(
                "cannot restore \"{id}\" in {} (make it writable, or start the daemon)",
                store.path().display()
            )
        })?;
    if !restored {
        // A typo is not "not set aside": say there is no such stretch.
        if config.catalog.stretch(id).is_none() {
            return Err(Refusal::NotAStretch(id.to_owned()).into());
        }
        return Err(Refusal::NotSetAside {
            item: id.to_owned(),
            aside: others.join(", "),
        }
        .into());
    }
    Ok(format!("restored \"{id}\": it is back in rotation"))
}
