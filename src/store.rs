//! The persisted [`State`] in `$XDG_STATE_HOME/stretchd/state.json`: written atomically (temp
//! file, fsync, rename, fsync of the directory), and set aside rather than lost when corrupt.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use tracing::warn;

use crate::state::State;

/// The state file in a state directory.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The store at `dir/state.json`. Nothing is touched until [`Store::load`] or
    /// [`Store::save`].
    pub fn new(dir: &Path) -> Store {
        Store {
            path: dir.join("state.json"),
        }
    }

    /// The state file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Loads the state; never fails. A missing file gives a fresh state starting at `now`. A file
    /// that cannot be read or parsed is renamed to `state.json.corrupt-<time>` with a warning (so
    /// nothing is lost), and a fresh state is returned.
    pub fn load(&self, now: DateTime<Utc>) -> State {
        let problem = match fs::read_to_string(&self.path) {
            Ok(text) => match serde_json::from_str(&text) {
                Ok(state) => return state,
                Err(e) => e.to_string(),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => return State::new(now),
            Err(e) => e.to_string(),
        };
        let aside = self.path.with_file_name(format!(
            "state.json.corrupt-{}",
            now.format("%Y%m%dT%H%M%SZ")
        ));
        match fs::rename(&self.path, &aside) {
            Ok(()) => warn!(
                "{}: unreadable state ({problem}); moved it to {} and started afresh (snooze, pause and rotation are reset; history is kept)",
                self.path.display(),
                aside.display()
            ),
            Err(e) => warn!(
                "{}: unreadable state ({problem}) that cannot be moved aside ({e}); starting afresh without it",
                self.path.display()
            ),
        }
        State::new(now)
    }

    /// Writes the state atomically: a reader (or a crash) sees the old file or the new one,
    /// never a torn one.
    pub fn save(&self, state: &State) -> io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let tmp = self.path.with_extension("json.tmp");
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        let json = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
        file.write_all(&json)?;
        file.sync_all()?;
        fs::rename(&tmp, &self.path)?;
        File::open(dir)?.sync_all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn saves_and_loads_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(&dir.path().join("nested"));
        let now = t("2026-11-24T10:00:00Z");
        assert_eq!(store.load(now), State::new(now));
        let mut state = State::new(now);
        state
            .last_fired
            .insert("stretch".into(), t("2026-11-24T10:50:00Z"));
        state.safety_shown = true;
        store.save(&state).unwrap();
        assert_eq!(store.load(t("2026-11-25T00:00:00Z")), state);
        assert!(!store.path().with_extension("json.tmp").exists());
    }

    #[test]
    fn a_corrupt_file_is_set_aside_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        fs::write(store.path(), b"{\"started\": \"2026-11-").unwrap();
        let now = t("2026-11-24T10:00:00Z");
        assert_eq!(store.load(now), State::new(now));
        let aside = dir.path().join("state.json.corrupt-20261124T100000Z");
        assert_eq!(
            fs::read(&aside).unwrap(),
            b"{\"started\": \"2026-11-".to_vec()
        );
        assert!(!store.path().exists());
    }
}
