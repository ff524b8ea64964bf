//! The persisted [`State`] in `$XDG_STATE_HOME/stretchd/state.json`: written atomically (temp
//! file, fsync, rename, fsync of the directory), and set aside rather than lost when corrupt,
//! not a regular file, too large, or holding times out of range.

pub mod assets;
pub mod files;
pub mod history;
pub mod paths;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use tracing::warn;

use crate::schedule::state::State;
use files::Clobber;

/// The largest state file [`Store::load`] reads; a real one is a few kilobytes.
pub const LIMIT: u64 = 1 << 20;

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

    /// The saved state, read without changing anything (and without blocking: what is not a
    /// regular file, or is larger than [`LIMIT`], is not read); `None` if there is none (or it
    /// does not parse). For the CLI, which only looks.
    pub fn peek(&self) -> Option<State> {
        let text = files::read_to_string(&self.path, LIMIT).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Changes the saved state with `change`, for the CLI when no daemon runs (the daemon owns
    /// the file while it runs): [`Store::load`], `change`, [`Store::save`]. Returns what
    /// `change` returned; the error is the save's.
    pub fn update<R>(
        &self,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut State) -> R,
    ) -> io::Result<R> {
        let mut state = self.load(now);
        let result = change(&mut state);
        self.save(&state)?;
        Ok(result)
    }

    /// Loads the state; never fails and never blocks. A missing file gives a fresh state
    /// starting at `now`. A file that cannot be read or parsed (not a regular file, larger than
    /// [`LIMIT`], not JSON, or with a time out of range: see [`State::sanitized`]) is renamed to
    /// `state.json.corrupt-<time>` with a warning (so nothing is lost), and a fresh state is
    /// returned. Times in the future are pulled back, with a warning.
    pub fn load(&self, now: DateTime<Utc>) -> State {
        let problem = match files::read_to_string(&self.path, LIMIT) {
            Ok(text) => match serde_json::from_str::<State>(&text) {
                Ok(state) => match state.clone().sanitized(now) {
                    Ok(sane) => {
                        if sane != state {
                            warn!(
                                "{}: times later than now (did the clock go back?) were moved to now, and a snooze or pause of more than a year cut to one",
                                self.path.display()
                            );
                        }
                        return sane;
                    }
                    Err(problem) => problem.to_string(),
                },
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
                "{}: unreadable state ({problem}); moved it to {} and started afresh (snooze, pause, rotation and hold levels are reset, and stretches set aside come back: `stretchd hurt ID` sets one aside again; history is kept)",
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

    /// Writes the state atomically (see [`files::write`]): a reader (or a crash) sees the old
    /// file or the new one, never a torn one.
    pub fn save(&self, state: &State) -> io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        files::create_private_dir(dir)?;
        let json = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
        files::write(&self.path, &json, 0o600, Clobber::Replace).map(drop)
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

    #[test]
    fn a_symlink_at_the_old_temporary_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let victim = dir.path().join("victim");
        fs::write(&victim, b"precious").unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join("state.json.tmp")).unwrap();
        let now = t("2026-11-24T10:00:00Z");
        store.save(&State::new(now)).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert_eq!(store.load(now), State::new(now));
    }

    /// A state whose every time is `time`, as JSON.
    fn with_times(time: &str) -> String {
        format!(
            r#"{{"started":"{time}","last_fired":{{"stretch":"{time}"}},
            "snooze":{{"reminder":"stretch","item":"seated-twist","until":"{time}","count":1}},
            "pause":{{"until":"{time}"}},
            "rotation":{{"shown":{{"seated-twist":"{time}"}}}}}}"#
        )
    }

    #[test]
    fn times_out_of_range_set_the_file_aside_and_the_schedule_runs() {
        let config = crate::config::Config::parse(
            crate::config::DEFAULT_TOML,
            &crate::config::Origin::Embedded,
        )
        .unwrap();
        let now = t("2026-11-24T10:00:00Z");
        let sane = with_times("2026-11-24T09:00:00Z");
        for extreme in ["+262142-12-29T00:00:00Z", "-262143-01-01T00:00:00Z"] {
            for field in ["started", "last_fired", "snooze", "pause", "shown"] {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::new(dir.path());
                // Only `field`'s time is extreme.
                let at = sane.find(&format!("\"{field}\"")).unwrap();
                let (head, tail) = sane.split_at(at);
                let text = head.to_owned() + &tail.replacen("2026-11-24T09:00:00Z", extreme, 1);
                fs::write(store.path(), &text).unwrap();
                let state = store.load(now);
                assert_eq!(state, State::new(now), "{field} = {extreme}");
                let aside = dir.path().join("state.json.corrupt-20261124T100000Z");
                assert_eq!(fs::read_to_string(&aside).unwrap(), text);
                let _ = crate::schedule::next_due(&config, &state, now, &chrono::Utc);
            }
        }
    }

    #[test]
    fn times_ahead_of_now_are_pulled_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let now = t("2026-11-24T10:00:00Z");
        fs::write(store.path(), with_times("2026-11-24T12:00:00Z")).unwrap();
        let state = store.load(now);
        assert_eq!(state.last_fired["stretch"], now);
        assert_eq!(state.started, now);
        assert_eq!(state.rotation.shown["seated-twist"], now);
        assert_eq!(state.snoozes[0].until, t("2026-11-24T12:00:00Z"));

        fs::write(store.path(), with_times("9999-12-31T00:00:00Z")).unwrap();
        let state = store.load(now);
        assert_eq!(state.last_fired["stretch"], now);
        assert_eq!(state.pause.unwrap().until, Some(t("2027-11-25T10:00:00Z")));
        let config = crate::config::Config::parse(
            crate::config::DEFAULT_TOML,
            &crate::config::Origin::Embedded,
        )
        .unwrap();
        let _ = crate::schedule::next_due(&config, &state, now, &chrono::Utc);
    }

    #[test]
    fn what_is_not_a_regular_file_or_too_large_is_set_aside_at_once() {
        let now = t("2026-11-24T10:00:00Z");
        let plant: [fn(&Path); 4] = [
            |p| {
                let status = std::process::Command::new("mkfifo").arg(p).status();
                assert!(status.unwrap().success());
            },
            |p| fs::create_dir(p).unwrap(),
            |p| std::os::unix::fs::symlink("/dev/zero", p).unwrap(),
            |p| {
                let padding = " ".repeat(usize::try_from(LIMIT).unwrap());
                fs::write(
                    p,
                    format!("{padding}{}", with_times("2026-11-24T09:00:00Z")),
                )
                .unwrap();
            },
        ];
        for plant in plant {
            let dir = tempfile::tempdir().unwrap();
            let store = Store::new(dir.path());
            plant(store.path());
            assert_eq!(store.load(now), State::new(now));
            assert!(store.path().symlink_metadata().is_err());
            let aside = dir.path().join("state.json.corrupt-20261124T100000Z");
            assert!(aside.symlink_metadata().is_ok());
            store.save(&State::new(now)).unwrap();
            assert_eq!(store.load(now), State::new(now));
        }
    }
}
