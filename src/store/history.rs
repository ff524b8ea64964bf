//! The history log: what became of every reminder, one JSON object per line in
//! `$XDG_STATE_HOME/stretchd/history.jsonl`.
//!
//! The log is append-only. Each [`History::append`] writes one whole line with a single write and
//! syncs it to disk before returning, so an acknowledged entry survives a crash or SIGKILL. A
//! crash in the middle of a write can leave a torn last line; [`History::open`] starts the next
//! entry on a fresh line, and [`read`] skips any line that does not parse and counts it instead
//! of failing. The log is appended to by path: moved away, deleted or replaced while the daemon
//! runs, the next entry goes to the file at the path.
//!
//! Reading streams the file one line at a time (a line longer than [`MAX_LINE`] is skipped
//! without being held whole), so neither a huge log nor a flood of garbage costs memory; only
//! a count and the first few numbers of the skipped lines are kept ([`Skipped`]).

use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read as _, Write as _};
use std::os::unix::fs::{FileExt as _, MetadataExt as _};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::config::Kind;
use crate::store::files::Links;

/// The `reminder` of the entries that `stretchd guide` records (a guided stretch done).
pub const GUIDE_REMINDER: &str = "guide";

/// The `reminder` of the entries recorded outside any reminder: `stretchd hurt` about a stretch
/// that is not on screen.
pub const MANUAL_REMINDER: &str = "manual";

/// The file name of the log inside the state directory.
pub const FILE_NAME: &str = "history.jsonl";

/// The log's usual place: `$XDG_STATE_HOME/stretchd/history.jsonl`.
pub fn default_path() -> PathBuf {
    crate::store::paths::state_dir().join(FILE_NAME)
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
    /// The stretch hurt (`stretchd hurt`, or the guide's "Did it hurt?"): it was set aside.
    Hurt,
}

impl Outcome {
    /// Every outcome, in the order the history and stats list them.
    pub const ALL: [Outcome; 6] = [
        Outcome::Done,
        Outcome::Snoozed,
        Outcome::Skipped,
        Outcome::Dismissed,
        Outcome::Expired,
        Outcome::Hurt,
    ];

    /// The spelling used in the log and in output (`"done"`, `"snoozed"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Snoozed => "snoozed",
            Outcome::Skipped => "skipped",
            Outcome::Dismissed => "dismissed",
            Outcome::Expired => "expired",
            Outcome::Hurt => "hurt",
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
    /// The device and inode of `file`, to notice when the path names another file.
    id: (u64, u64),
    /// Whether a symbolic link at `path` is followed.
    links: Links,
}

impl History {
    /// Opens the log at `path` for appending, creating its directory (mode 0700) and the file
    /// (mode 0600) if they do not exist. If the file ends without a newline (a line torn by a
    /// crash mid-write), a newline is appended first, so the next entry starts on its own line
    /// and [`read`] loses only the torn one. Anything but a regular file (or a symlink to one)
    /// at `path` is refused, without blocking.
    pub fn open(path: PathBuf) -> io::Result<History> {
        History::open_with(path, Links::Follow)
    }

    /// [`History::open`], refusing a symbolic link at `path` (now and whenever the file is
    /// opened again): for this machine's history in the `[sync]` folder, where a link brought
    /// by a sync engine could point anywhere.
    pub fn open_own(path: PathBuf) -> io::Result<History> {
        History::open_with(path, Links::Refuse)
    }

    fn open_with(path: PathBuf, links: Links) -> io::Result<History> {
        let (file, id) = open_file(&path, links)?;
        Ok(History {
            path,
            file,
            id,
            links,
        })
    }

    /// Where the log is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one entry as a JSON line and syncs it to disk: once this returns `Ok`, the entry
    /// survives a crash. The line goes out in a single write to a file opened with `O_APPEND`.
    /// If the path no longer names the file opened (it was moved away, deleted or replaced), the
    /// file now at the path is opened (or created) as in [`History::open`], and the entry goes
    /// there.
    ///
    /// A write that fails part way (a full disk takes what fits, then says ENOSPC) is taken
    /// back: the file is cut to its length before, so no half line is left for the next entry
    /// to glue onto. If even that fails, the error says so.
    pub fn append(&mut self, entry: &Entry) -> io::Result<()> {
        self.append_all(std::slice::from_ref(entry))
    }

    /// [`History::append`] for several entries at once: their lines go out in one write and
    /// one sync (copying a history, [`crate::sync::catch_up`]); a failure takes them all back.
    pub fn append_all(&mut self, entries: &[Entry]) -> io::Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let mut line = Vec::with_capacity(entries.len() * 128);
        for entry in entries {
            serde_json::to_writer(&mut line, entry)?;
            line.push(b'\n');
        }
        let same = fs::metadata(&self.path).is_ok_and(|m| (m.dev(), m.ino()) == self.id);
        if !same {
            (self.file, self.id) = open_file(&self.path, self.links)?;
            tracing::info!(
                "{} was moved, deleted or replaced; appending to the file now there",
                self.path.display()
            );
        }
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

/// Opens (or creates) the log for appending, as [`History::open`] describes; returns it with its
/// device and inode.
fn open_file(path: &Path, links: Links) -> io::Result<(File, (u64, u64))> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        super::files::create_private_dir(dir)?;
    }
    let file = crate::store::files::open_for_append(path, 0o600, links)?;
    let meta = file.metadata()?;
    let len = meta.len();
    if len > 0 {
        let mut last = [0u8; 1];
        file.read_exact_at(&mut last, len - 1)?;
        if last[0] != b'\n' {
            (&file).write_all(b"\n")?;
            file.sync_data()?;
        }
    }
    Ok((file, (meta.dev(), meta.ino())))
}

/// The longest line read as an entry: an entry takes about 120 bytes, so a longer line is
/// garbage. It is skipped (and counted) without being held in memory whole.
pub const MAX_LINE: usize = 64 * 1024;

/// How many skipped line numbers [`Skipped`] keeps.
const FIRST: usize = 5;

/// The lines a read skipped: how many, and the first few numbers (see its `Display`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    /// How many lines did not parse (a torn last line, garbage, a line over [`MAX_LINE`]).
    pub count: u64,
    /// The 1-based numbers of the first few of them, at most five.
    pub first: Vec<usize>,
}

impl Skipped {
    /// Whether every line parsed.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    fn push(&mut self, number: usize) {
        self.count = self.count.saturating_add(1);
        if self.first.len() < FIRST {
            self.first.push(number);
        }
    }
}

/// "unreadable line(s) [3, 17, 18, 40, 41, ...] (312,004 in all)": short, however many; the
/// count is left out when every number is listed ("unreadable line(s) [3]").
impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first: Vec<String> = self.first.iter().map(ToString::to_string).collect();
        let listed = first.len() as u64;
        let more = if self.count > listed { ", ..." } else { "" };
        write!(f, "unreadable line(s) [{}{more}]", first.join(", "))?;
        if self.count != listed {
            let count = self.count.to_string();
            let mut grouped = String::with_capacity(count.len() + count.len() / 3);
            for (i, digit) in count.chars().enumerate() {
                if i > 0 && (count.len() - i).is_multiple_of(3) {
                    grouped.push(',');
                }
                grouped.push(digit);
            }
            write!(f, " ({grouped} in all)")?;
        }
        Ok(())
    }
}

/// Everything [`read`] found in the log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Log {
    /// The entries that parsed (and were kept), in file order (oldest first).
    pub entries: Vec<Entry>,
    /// The lines that did not parse.
    pub skipped: Skipped,
}

/// Reads every entry of the log at `path`: [`scan`] collecting them all.
pub fn read(path: &Path) -> io::Result<Log> {
    read_where(path, |_| true)
}

/// Reads the entries of the log at `path` for which `keep` holds (the daemon keeps only the
/// last days'), without holding the others: [`scan`] collecting what `keep` accepts.
pub fn read_where(path: &Path, mut keep: impl FnMut(&Entry) -> bool) -> io::Result<Log> {
    let mut entries = Vec::new();
    let skipped = scan(path, |entry| {
        if keep(&entry) {
            entries.push(entry);
        }
    })?;
    Ok(Log { entries, skipped })
}

/// The stretch last answered Done in the log at `path` (a guided one included), if any: what
/// `stretchd hurt` means without an id when no stretch is on screen. An unreadable log is read
/// as holding none.
pub fn last_done_stretch(path: &Path) -> Option<String> {
    let mut last = None;
    let _ = scan(path, |e| {
        if e.kind == Kind::Stretch && e.outcome == Outcome::Done {
            last = Some(e.item);
        }
    });
    last
}

/// Streams the log at `path`, one line at a time, handing each entry to `each` in file order.
/// A line that does not parse is skipped and counted, never fatal; blank lines are ignored. A
/// missing file is an empty log. Anything but a regular file at `path` (a directory, a named
/// pipe, a device) is an error that says what it is, returned at once; so are other I/O errors
/// (permissions).
///
/// Reading while the daemon appends is safe; at worst a line caught half-written is counted as
/// skipped in that one read.
pub fn scan(path: &Path, each: impl FnMut(Entry)) -> io::Result<Skipped> {
    let file = match crate::store::files::open_for_read(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Skipped::default()),
        Err(e) => return Err(e),
    };
    scan_lines(BufReader::with_capacity(1 << 16, file), each)
}

/// Parses log text: one JSON entry per line.
pub fn parse(bytes: &[u8]) -> Log {
    let mut entries = Vec::new();
    // Reading from memory cannot fail.
    let skipped = scan_lines(bytes, |entry| entries.push(entry)).unwrap_or_default();
    Log { entries, skipped }
}

/// The work of [`scan`] on any reader.
fn scan_lines(mut reader: impl BufRead, mut each: impl FnMut(Entry)) -> io::Result<Skipped> {
    let mut skipped = Skipped::default();
    let mut line = Vec::with_capacity(256);
    for number in 1.. {
        line.clear();
        // One byte more than the longest line: a line that fills it has no room for its end.
        let limit = MAX_LINE as u64 + 1;
        if (&mut reader).take(limit).read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let whole = line.last() == Some(&b'\n') || line.len() <= MAX_LINE;
        if !whole {
            skip_line(&mut reader)?;
            skipped.push(number);
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Entry>(&line) {
            Ok(entry) => each(entry),
            Err(_) => skipped.push(number),
        }
    }
    Ok(skipped)
}

/// Consumes the rest of the current line, its newline included, a buffer at a time.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if let Some(end) = buf.iter().position(|b| *b == b'\n') {
            reader.consume(end + 1);
            return Ok(());
        }
        let len = buf.len();
        reader.consume(len);
    }
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
        let mut file = fs::OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(&whole.as_bytes()[..whole.len() / 2])
            .unwrap();
        drop(file);

        let log = read(&path).unwrap();
        assert_eq!(
            log.entries,
            [entry(0, Outcome::Done), entry(60, Outcome::Skipped)]
        );
        assert_eq!(log.skipped.first, [3]);

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
        assert_eq!(log.skipped.first, [3]);
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
        assert_eq!(log.skipped.first, [2, 4, 5, 9]);
    }

    #[test]
    fn unreadable_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should be.
        assert!(read(dir.path()).is_err());
        assert!(History::open(dir.path().to_path_buf()).is_err());
    }

    /// Appends after the file at the path was moved away, deleted or replaced: each entry goes
    /// to the file now at the path.
    #[test]
    fn append_follows_the_path_when_the_file_is_moved_deleted_or_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut history = History::open(path.clone()).unwrap();
        history.append(&entry(0, Outcome::Done)).unwrap();

        fs::rename(&path, dir.path().join("history.jsonl.1")).unwrap();
        history.append(&entry(60, Outcome::Skipped)).unwrap();
        assert_eq!(read(&path).unwrap().entries, [entry(60, Outcome::Skipped)]);
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);

        fs::remove_file(&path).unwrap();
        history.append(&entry(120, Outcome::Done)).unwrap();
        assert_eq!(read(&path).unwrap().entries, [entry(120, Outcome::Done)]);

        // Replaced by another file, as an editor saves: written beside it, renamed over it,
        // without its last newline.
        let whole = serde_json::to_string(&entry(180, Outcome::Expired)).unwrap();
        fs::write(dir.path().join("new"), &whole).unwrap();
        fs::rename(dir.path().join("new"), &path).unwrap();
        history.append(&entry(240, Outcome::Done)).unwrap();
        let log = read(&path).unwrap();
        assert_eq!(
            log.entries,
            [entry(180, Outcome::Expired), entry(240, Outcome::Done)]
        );
        assert!(log.skipped.is_empty());
    }

    #[test]
    fn read_where_keeps_only_what_is_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut history = History::open(path.clone()).unwrap();
        for day in 0..20 {
            history.append(&entry(day * 86_400, Outcome::Done)).unwrap();
        }
        let since = entry(12 * 86_400, Outcome::Done).time;
        let log = read_where(&path, |e| e.time >= since).unwrap();
        let expected: Vec<Entry> = (12..20).map(|d| entry(d * 86_400, Outcome::Done)).collect();
        assert_eq!(log.entries, expected);
        assert!(log.skipped.is_empty());
    }

    #[test]
    fn skipped_lines_are_a_count_and_the_first_few_numbers() {
        let good = serde_json::to_string(&entry(0, Outcome::Done)).unwrap();
        let mut text = format!("{good}\n");
        for i in 0..312_004 {
            text.push_str(if i % 2 == 0 { "garbage\n" } else { "{}\n" });
        }
        text.push_str(&good);
        let log = parse(text.as_bytes());
        assert_eq!(log.entries.len(), 2);
        assert_eq!(log.skipped.count, 312_004);
        assert_eq!(
            log.skipped.to_string(),
            "unreadable line(s) [2, 3, 4, 5, 6, ...] (312,004 in all)"
        );
        let one = Skipped {
            count: 1,
            first: vec![7],
        };
        assert_eq!(one.to_string(), "unreadable line(s) [7]");
        let some = Skipped {
            count: 1_000,
            first: vec![1, 2],
        };
        assert_eq!(
            some.to_string(),
            "unreadable line(s) [1, 2, ...] (1,000 in all)"
        );
    }

    #[test]
    fn an_over_long_line_is_skipped_and_the_next_one_read() {
        let good = serde_json::to_string(&entry(0, Outcome::Done)).unwrap();
        // A valid entry, but padded far beyond any real one.
        let padded = format!("{{{}{}", " ".repeat(MAX_LINE * 3), &good[1..]);
        let exact = format!("{}{good}", " ".repeat(MAX_LINE - good.len()));
        for end in ["\n", ""] {
            let text = format!("{good}\n{padded}\n{exact}\n{padded}{end}");
            let log = parse(text.as_bytes());
            assert_eq!(
                log.entries,
                [entry(0, Outcome::Done), entry(0, Outcome::Done)]
            );
            assert_eq!(log.skipped.first, [2, 4]);
        }
    }

    #[test]
    fn what_is_not_a_regular_file_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join(FILE_NAME);
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(status.unwrap().success());
        let err = read(&fifo).unwrap_err();
        assert_eq!(err.to_string(), "is a named pipe, not a regular file");
        let err = History::open(fifo).unwrap_err();
        assert_eq!(err.to_string(), "is a named pipe, not a regular file");
    }
}
