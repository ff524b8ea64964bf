//! The history log: what became of every reminder, one JSON object per line in
//! `$XDG_STATE_HOME/stretchd/history.jsonl`.
//!
//! The log is append-only. Each [`History::append`] writes one whole line with a single write and
//! syncs it to disk before returning, so an acknowledged entry survives a crash or SIGKILL. A
//! crash in the middle of a write can leave a torn last line; [`History::open`] starts the next
//! entry on a fresh line, and [`read`] skips any line that does not parse and reports its number
//! instead of failing.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Write as _};
use std::os::unix::fs::{DirBuilderExt as _, FileExt as _, OpenOptionsExt as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::config::Kind;

/// The file name of the log inside the state directory.
pub const FILE_NAME: &str = "history.jsonl";

/// The log's usual place: `$XDG_STATE_HOME/stretchd/history.jsonl`.
pub fn default_path() -> PathBuf {
    crate::paths::state_dir().join(FILE_NAME)
}

/// What became of a reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The user did the stretch or the posture check.
    Done,
    /// The user asked to be reminded again later.
    Snoozed,
    /// The user skipped it.
    Skipped,
    /// The notification was closed without an answer.
    Dismissed,
    /// The notification timed out, or the next reminder replaced it, without an answer.
    Expired,
}

impl Outcome {
    /// Every outcome, in the order the history and stats list them.
    pub const ALL: [Outcome; 5] = [
        Outcome::Done,
        Outcome::Snoozed,
        Outcome::Skipped,
        Outcome::Dismissed,
        Outcome::Expired,
    ];

    /// The spelling used in the log and in output (`"done"`, `"snoozed"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Snoozed => "snoozed",
            Outcome::Skipped => "skipped",
            Outcome::Dismissed => "dismissed",
            Outcome::Expired => "expired",
        }
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One line of the log: a reminder that was shown, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// When the outcome happened.
    pub time: DateTime<Utc>,
    /// The id of the reminder that fired.
    pub reminder: String,
    /// Posture check or stretch.
    pub kind: Kind,
    /// The stretch or posture check id it suggested.
    pub item: String,
    /// What became of it.
    pub outcome: Outcome,
}

/// The log, open for appending.
#[derive(Debug)]
pub struct History {
    path: PathBuf,
    file: File,
}

impl History {
    /// Opens the log at `path` for appending, creating its directory (mode 0700) and the file
    /// (mode 0600) if they do not exist. If the file ends without a newline (a line torn by a
    /// crash mid-write), a newline is appended first, so the next entry starts on its own line
    /// and [`read`] loses only the torn one.
    pub fn open(path: PathBuf) -> io::Result<History> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir)?;
        }
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .mode(0o600)
            .open(&path)?;
        let len = file.metadata()?.len();
        if len > 0 {
            let mut last = [0u8; 1];
            file.read_exact_at(&mut last, len - 1)?;
            if last[0] != b'\n' {
                (&file).write_all(b"\n")?;
                file.sync_data()?;
            }
        }
        Ok(History { path, file })
    }

    /// Where the log is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one entry as a JSON line and syncs it to disk: once this returns `Ok`, the entry
    /// survives a crash. The line goes out in a single write to a file opened with `O_APPEND`.
    ///
    /// A write that fails part way (a full disk takes what fits, then says ENOSPC) is taken
    /// back: the file is cut to its length before, so no half line is left for the next entry
    /// to glue onto. If even that fails, the error says so.
    pub fn append(&mut self, entry: &Entry) -> io::Result<()> {
        let mut line = serde_json::to_vec(entry)?;
        line.push(b'\n');
        let before = self.file.metadata()?.len();
        if let Err(e) = self.file.write_all(&line) {
            return match self.file.set_len(before) {
                Ok(()) => Err(e),
                Err(cut) => Err(io::Error::new(
                    e.kind(),
                    format!("{e}; and the part written cannot be taken back ({cut})"),
                )),
            };
        }
        self.file.sync_data()
    }
}

/// Creates `dir` with mode 0700 if it does not exist; its missing parents get the default mode.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    match DirBuilder::new().mode(0o700).create(dir) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        other => other,
    }
}

/// Everything [`read`] found in the log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Log {
    /// The entries that parsed, in file order (oldest first).
    pub entries: Vec<Entry>,
    /// The 1-based numbers of the lines that did not parse (a torn last line, or garbage).
    pub skipped: Vec<usize>,
}

/// Reads every entry of the log at `path`. A line that does not parse is skipped and its number
/// reported in [`Log::skipped`], never fatal; blank lines are ignored. A missing file is an empty
/// log. Other I/O errors (permissions, a directory in the way) are returned.
///
/// Reading while the daemon appends is safe; at worst a line caught half-written is reported as
/// skipped in that one read.
pub fn read(path: &Path) -> io::Result<Log> {
    match fs::read(path) {
        Ok(bytes) => Ok(parse(&bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Log::default()),
        Err(e) => Err(e),
    }
}

/// Parses log text: one JSON entry per line.
pub fn parse(bytes: &[u8]) -> Log {
    let mut log = Log {
        // About 120 bytes a line; saves most re-allocations on a large log.
        entries: Vec::with_capacity(bytes.len() / 120),
        skipped: Vec::new(),
    };
    for (number, line) in (1..).zip(bytes.split(|b| *b == b'\n')) {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Entry>(line) {
            Ok(entry) => log.entries.push(entry),
            Err(_) => log.skipped.push(number),
        }
    }
    log
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    fn entry(secs: i64, outcome: Outcome) -> Entry {
        Entry {
            time: DateTime::from_timestamp(1_764_000_000 + secs, 0).unwrap(),
            reminder: "stretch".into(),
            kind: Kind::Stretch,
            item: "seated-twist".into(),
            outcome,
        }
    }

    #[test]
    fn append_then_read_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/stretchd").join(FILE_NAME);
        let mut history = History::open(path.clone()).unwrap();
        assert_eq!(history.path(), path);
        let written: Vec<Entry> = Outcome::ALL
            .iter()
            .zip(0..)
            .map(|(o, i)| entry(i * 60, *o))
            .chain([Entry {
                kind: Kind::Posture,
                reminder: "posture".into(),
                item: "shoulders".into(),
                ..entry(600, Outcome::Done)
            }])
            .collect();
        for e in &written {
            history.append(e).unwrap();
            // Readable as soon as append returns, without closing the file.
            assert_eq!(read(&path).unwrap().entries.last(), Some(e));
        }
        let log = read(&path).unwrap();
        assert_eq!(log.entries, written);
        assert!(log.skipped.is_empty());

        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }

    #[test]
    fn the_line_format_is_stable() {
        let line = serde_json::to_string(&entry(0, Outcome::Snoozed)).unwrap();
        assert_eq!(
            line,
            r#"{"time":"2025-11-24T16:00:00Z","reminder":"stretch","kind":"stretch","item":"seated-twist","outcome":"snoozed"}"#
        );
    }

    #[test]
    fn missing_file_is_an_empty_log() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read(&dir.path().join(FILE_NAME)).unwrap(), Log::default());
    }

    #[test]
    fn torn_last_line_is_skipped_and_the_next_append_starts_a_new_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut history = History::open(path.clone()).unwrap();
        history.append(&entry(0, Outcome::Done)).unwrap();
        history.append(&entry(60, Outcome::Skipped)).unwrap();
        drop(history);
        // What a SIGKILL in the middle of a write leaves: half a line, no newline.
        let whole = serde_json::to_string(&entry(120, Outcome::Done)).unwrap();
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(&whole.as_bytes()[..whole.len() / 2])
            .unwrap();
        drop(file);

        let log = read(&path).unwrap();
        assert_eq!(
            log.entries,
            [entry(0, Outcome::Done), entry(60, Outcome::Skipped)]
        );
        assert_eq!(log.skipped, [3]);

        let mut history = History::open(path.clone()).unwrap();
        history.append(&entry(180, Outcome::Expired)).unwrap();
        let log = read(&path).unwrap();
        assert_eq!(
            log.entries,
            [
                entry(0, Outcome::Done),
                entry(60, Outcome::Skipped),
                entry(180, Outcome::Expired)
            ]
        );
        assert_eq!(log.skipped, [3]);
        // Opening again adds nothing: the file already ends with a newline.
        let len = fs::metadata(&path).unwrap().len();
        drop(History::open(path.clone()).unwrap());
        assert_eq!(fs::metadata(&path).unwrap().len(), len);
    }

    #[test]
    fn a_whole_entry_without_its_newline_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let whole = serde_json::to_string(&entry(0, Outcome::Done)).unwrap();
        fs::write(&path, &whole).unwrap();
        let mut history = History::open(path.clone()).unwrap();
        history.append(&entry(60, Outcome::Done)).unwrap();
        let log = read(&path).unwrap();
        assert_eq!(
            log.entries,
            [entry(0, Outcome::Done), entry(60, Outcome::Done)]
        );
        assert!(log.skipped.is_empty());
    }

    #[test]
    fn garbage_lines_are_skipped_and_blank_lines_ignored() {
        let good = |s| serde_json::to_string(&entry(s, Outcome::Done)).unwrap();
        let text = [
            good(0),
            "not json".to_owned(),
            String::new(),
            r#"{"time":"2025-11-24T16:00:00Z","reminder":"x","kind":"nap","item":"y","outcome":"done"}"#.to_owned(),
            "\u{fffd}\u{0}".to_owned(),
            good(60),
            "   ".to_owned(),
            good(120),
        ]
        .join("\n");
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(b"\n\xff\xfe\n");
        let log = parse(&bytes);
        assert_eq!(
            log.entries,
            [
                entry(0, Outcome::Done),
                entry(60, Outcome::Done),
                entry(120, Outcome::Done)
            ]
        );
        assert_eq!(log.skipped, [2, 4, 5, 9]);
    }

    #[test]
    fn unreadable_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should be.
        assert!(read(dir.path()).is_err());
        assert!(History::open(dir.path().to_path_buf()).is_err());
    }
}
