//! The answers of every machine, for `stretchd history` and `stats`: this machine's history and,
//! with `[sync]` (unless `--here`), each other machine's copy in the folder, read straight from
//! the files (the daemon never holds them). Each entry names the machine it was recorded on.

use crate::i18n::{arg, cli};
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::Serialize;

use crate::config::Config;
use crate::store::history::{self, Entry};
use crate::sync::{self, machine};

/// A machine whose answers are read.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// Its hostname.
    #[serde(rename = "machine")]
    pub hostname: String,
    /// Its id (this machine has none until its daemon has run with `[sync]` on).
    #[serde(rename = "machine_id", skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Whether it is this machine.
    #[serde(skip)]
    pub here: bool,
}

/// What [`read`] read: the machines (each entry it streamed named one by its index here) and
/// the folder.
pub struct Read {
    /// The machines: this one first.
    pub machines: Vec<Source>,
    /// The folder the others were read from, when sync is on and they were asked for.
    pub folder: Option<PathBuf>,
}

/// Streams the history of this machine, then (with `[sync]` in `config`, unless `here`) those of
/// the other machines in the folder, through `each` with the index of the machine. A history
/// that cannot be read is an error for this machine's (naming it and the fix) and a warning for
/// another's; lines skipped and conflict copies are warned about in one short line each.
pub fn read(
    config: Option<&Config>,
    here: bool,
    mut each: impl FnMut(usize, Entry),
) -> anyhow::Result<Read> {
    let state_dir = crate::store::paths::state_dir();
    let local = history::default_path();
    let mut machines = vec![Source {
        hostname: machine::hostname(),
        id: machine::load(&state_dir),
        here: true,
    }];
    let skipped = history::scan(&local, |e| each(0, e)).map_err(|e| {
        let args = [
            ("path", arg(local.display().to_string())),
            ("error", arg(e.to_string())),
        ];
        anyhow::anyhow!("{}", cli().fmt("history-unreadable", &args))
    })?;
    warn_skipped(&local, &skipped);
    let folder = config.and_then(sync::folder).filter(|_| !here);
    if let Some(dir) = folder.as_deref() {
        read_others(dir, &mut machines, &mut each);
    }
    Ok(Read { machines, folder })
}

/// Streams the histories of the other machines in the folder `dir` through `each`, adding each
/// machine read to `machines` (this one first); what cannot be read is warned about.
fn read_others(dir: &Path, machines: &mut Vec<Source>, each: &mut impl FnMut(usize, Entry)) {
    let me = machines[0].id.clone();
    let (found, conflicts) = match sync::peer_histories(dir, me.as_deref()) {
        Ok(found) => found,
        Err(e) => {
            let args = [
                ("path", arg(dir.display().to_string())),
                ("error", arg(e.to_string())),
            ];
            eprintln!("stretchd: {}", cli().fmt("sync-folder-unreadable", &args));
            return;
        }
    };
    if !conflicts.is_empty() {
        eprintln!("stretchd: {}: {conflicts}", dir.display());
    }
    for (id, path) in found {
        let hostname = sync::read_summary(&sync::summary_path(dir, &id), &id).map_or_else(
            |_| {
                cli().fmt(
                    "sync-machine-unnamed",
                    &[("machine", arg(machine::short(&id)))],
                )
            },
            |s| s.hostname,
        );
        let index = machines.len();
        match history::scan(&path, |e| each(index, e)) {
            Ok(skipped) => warn_skipped(&path, &skipped),
            Err(e) => {
                let args = [
                    ("path", arg(path.display().to_string())),
                    ("error", arg(e.to_string())),
                    ("hostname", arg(hostname.as_str())),
                ];
                eprintln!("stretchd: {}", cli().fmt("sync-history-unreadable", &args));
                continue;
            }
        }
        machines.push(Source {
            hostname,
            id: Some(id),
            here: false,
        });
    }
}

/// Warns, in one short line, about the lines of the history at `path` that were skipped.
fn warn_skipped(path: &Path, skipped: &history::Skipped) {
    if !skipped.is_empty() {
        eprintln!("stretchd: {}: skipped {skipped}", path.display());
    }
}

/// Every entry of [`read`], merged ([`sync::merge::history`]: in time order, each once), with
/// the machines. Without a folder the entries stay in file order, as the log has them.
pub fn entries(
    config: Option<&Config>,
    here: bool,
    keep: impl Fn(&Entry) -> bool,
) -> anyhow::Result<(Vec<(usize, Entry)>, Read)> {
    let mut entries = Vec::new();
    let read = read(config, here, |machine, e| {
        if keep(&e) {
            entries.push((machine, e));
        }
    })?;
    if read.folder.is_some() {
        entries = sync::merge::history(entries);
    }
    Ok((entries, read))
}

/// The state saved here, with what the other machines of the folder say merged in (their
/// levels, what they set aside): what `stretchd stats` shows when no daemon has merged it yet.
/// Without a folder (or with `here`), the state saved here as it is.
pub fn merged_state(config: &Config, here: bool) -> Option<crate::schedule::state::State> {
    let state_dir = crate::store::paths::state_dir();
    let saved = crate::store::Store::new(&state_dir).peek();
    let Some(dir) = sync::folder(config).filter(|_| !here) else {
        return saved;
    };
    let now = Utc::now();
    let mut state = saved.unwrap_or_else(|| crate::schedule::state::State::new(now));
    let me = machine::load(&state_dir).unwrap_or_default();
    if let Ok(peers) = sync::read_peers(&dir, &me) {
        sync::merge::merge(config, &mut state, &peers.summaries, now, &chrono::Local);
    }
    Some(state)
}
