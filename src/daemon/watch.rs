//! Watches the config file so an edit takes effect without a restart.
//!
//! The parent directory is watched, not the file: editors often save by writing a new file and
//! renaming it over the old one (or by deleting and re-creating it), which replaces the inode a
//! file watch would follow. Events for other names in the directory are ignored. The daemon
//! coalesces a burst of events into one reload.

use std::path::{Path, PathBuf};

use notify::{EventKind, RecursiveMode, Watcher as _};
use tokio::sync::mpsc;

/// The config file changed on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed;

/// A running watch; dropping it stops watching.
pub struct ConfigWatch {
    _watcher: notify::RecommendedWatcher,
}

/// Starts watching `file` (whose directory must exist); every change to it sends
/// [`Changed`].
pub fn watch(file: &Path, inputs: mpsc::Sender<Changed>) -> notify::Result<ConfigWatch> {
    let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
    let name = file.file_name().map(PathBuf::from);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        let ours = event
            .paths
            .iter()
            .any(|p| p.file_name().map(PathBuf::from) == name);
        if ours {
            // A full queue already holds a change to act on, so dropping this one is fine.
            let _ = inputs.try_send(Changed);
        }
    })?;
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    Ok(ConfigWatch { _watcher: watcher })
}
