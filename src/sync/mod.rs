//! `[sync]`: one body, several machines. A folder that a sync engine the user already runs
//! (Syncthing, Nextcloud, any synced folder) keeps the same on each of their computers is where
//! the stretchd of each machine tells the others what they need: stretchd runs no server and
//! speaks no network protocol of its own.
//!
//! Each machine writes only files of its own there, named by its id ([`machine`]), so two
//! machines never write the same file and a sync engine never has a conflict to resolve:
//!
//! - `<id>.state.json`: its [`Summary`] (hostname, when it wrote, its last Done per reminder,
//!   its recent sessions, the rotation, the latest pause or resume, the levels, the stretches
//!   set aside and brought back), replaced atomically with the one writer
//!   ([`crate::store::files::write`]) whenever it changes;
//! - `<id>.history.jsonl`: a copy of its history, whole lines appended
//!   ([`crate::store::history::History`]), caught up at start with what was recorded while it
//!   could not be written ([`catch_up`]).
//!
//! Reading is safe against whatever a sync engine leaves: hidden files (its temporary files),
//! conflict copies (`*.sync-conflict-*`, `* (conflicted copy)*` and any other name with
//! "conflict" in it), half-written, garbled or vanished files are skipped and counted
//! ([`Skipped`]), never fatal; what the other machines say is merged into this one's state by
//! [`merge`], which never takes a time far ahead of this machine's clock.

pub mod machine;
pub mod merge;

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike as _, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::Rotation;
use crate::schedule::level::Level;
use crate::schedule::state::{PauseChange, SetAside, State, YEARS};
use crate::store::files::{self, Clobber};
use crate::store::history::{self, Entry, History};

/// The version of the [`Summary`] format. A summary of a newer one is skipped (with a note to
/// update stretchd here); fields added within a version are ignored by older readers.
pub const SCHEMA: u32 = 1;

/// How the name of a machine's summary ends, after its id.
pub const SUMMARY_SUFFIX: &str = ".state.json";

/// How the name of a machine's history ends, after its id.
pub const HISTORY_SUFFIX: &str = ".history.jsonl";

/// The largest summary read; a real one is a few kilobytes.
pub const SUMMARY_LIMIT: u64 = 64 * 1024;

/// The most other machines whose summaries are taken, the last written: a person has a few
/// computers. A folder with more (shared beyond one person's machines, or ids made afresh
/// again and again) would have the daemon hold them all and answer `stretchd status` with a
/// list too long for its replies; the rest are skipped and counted.
pub const MAX_MACHINES: usize = 32;

/// The folder of `config`'s `[sync] dir`, a leading `~` being `$HOME`; `None` when sync is off.
pub fn folder(config: &crate::config::Config) -> Option<PathBuf> {
    config.sync.resolved(&crate::store::paths::home())
}

/// Text written by another machine, made fit to keep and show: trimmed, without control
/// characters, at most `max` characters.
pub fn tidy(text: &str, max: usize) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(max)
        .collect()
}

/// This machine, as the others know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Machine {
    /// Its id ([`machine::ID_LEN`] hexadecimal digits).
    pub id: String,
    /// Its hostname, for people.
    pub hostname: String,
}

/// Where machine `id`'s summary is in `dir`.
pub fn summary_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}{SUMMARY_SUFFIX}"))
}

/// Where machine `id`'s history is in `dir`.
pub fn history_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}{HISTORY_SUFFIX}"))
}

/// What a name in the folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name<'a> {
    /// A machine's summary, with the machine's id.
    Summary(&'a str),
    /// A machine's history, with the machine's id.
    History(&'a str),
    /// A sync engine's conflict copy: never read.
    Conflict,
    /// A hidden file (a sync engine's temporary file, its marker): never read.
    Hidden,
    /// Anything else: not stretchd's.
    Other,
}

/// Tells what a file name in the folder is.
pub fn classify(name: &str) -> Name<'_> {
    if name.starts_with('.') {
        return Name::Hidden;
    }
    if name.to_ascii_lowercase().contains("conflict") {
        return Name::Conflict;
    }
    if let Some(id) = name.strip_suffix(SUMMARY_SUFFIX)
        && machine::is_id(id)
    {
        return Name::Summary(id);
    }
    if let Some(id) = name.strip_suffix(HISTORY_SUFFIX)
        && machine::is_id(id)
    {
        return Name::History(id);
    }
    Name::Other
}

/// A stretch's level, and when it last changed (unknown for a level from before that was kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedLevel {
    /// The level.
    #[serde(flatten)]
    pub level: Level,
    /// When it last changed.
    #[serde(default)]
    pub at: Option<DateTime<Utc>>,
}

/// What one machine tells the others: the whole of `<id>.state.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The format's version ([`SCHEMA`]).
    pub schema: u32,
    /// The machine's id; it must be the one in the file's name.
    pub machine: String,
    /// Its hostname, for people.
    pub hostname: String,
    /// When it wrote this, by its clock.
    pub written: DateTime<Utc>,
    /// When each of its reminders was last answered Done there (a session: finished).
    #[serde(default)]
    pub done: BTreeMap<String, DateTime<Utc>>,
    /// When each stretch session done there in the last [`crate::stats::RECENT_DAYS`] was
    /// finished: the weekly goal counts them everywhere.
    #[serde(default)]
    pub sessions: Vec<DateTime<Utc>>,
    /// Its stretch and posture rotation.
    #[serde(default)]
    pub rotation: Rotation,
    /// The latest pause or resume it knows of.
    #[serde(default)]
    pub pause: Option<PauseChange>,
    /// Its stretches' levels.
    #[serde(default)]
    pub levels: BTreeMap<String, SharedLevel>,
    /// The stretches it has set aside.
    #[serde(default)]
    pub set_aside: BTreeMap<String, SetAside>,
    /// When it brought stretches set aside back.
    #[serde(default)]
    pub restored: BTreeMap<String, DateTime<Utc>>,
    /// Whether the user has read the safety notice there.
    #[serde(default)]
    pub safety_shown: bool,
}

impl Summary {
    /// The summary `me` writes: from its `state`, its last Done per reminder (`done`) and its
    /// sessions (those of the last [`crate::stats::RECENT_DAYS`] before `now` are kept), written
    /// at `now`.
    pub fn of(
        me: &Machine,
        state: &State,
        done: &BTreeMap<String, DateTime<Utc>>,
        sessions: &[DateTime<Utc>],
        now: DateTime<Utc>,
    ) -> Summary {
        let since = now - chrono::TimeDelta::days(crate::stats::RECENT_DAYS);
        Summary {
            schema: SCHEMA,
            machine: me.id.clone(),
            hostname: me.hostname.clone(),
            written: now,
            done: done.clone(),
            sessions: sessions.iter().copied().filter(|t| *t >= since).collect(),
            rotation: state.rotation.clone(),
            pause: state.marks.pause,
            levels: state
                .levels
                .iter()
                .map(|(id, level)| {
                    let at = state.marks.levels.get(id).copied();
                    (id.clone(), SharedLevel { level: *level, at })
                })
                .collect(),
            set_aside: state.set_aside.clone(),
            restored: state.marks.restored.clone(),
            safety_shown: state.safety_shown,
        }
    }

    /// Whether `other` says the same, whenever it was written.
    pub fn same_as(&self, other: &Summary) -> bool {
        Summary {
            written: other.written,
            ..self.clone()
        } == *other
    }

    /// Reads machine `id`'s summary from `bytes`; the error says why it is skipped.
    pub fn parse(bytes: &[u8], id: &str) -> Result<Summary, Unreadable> {
        let summary: Summary =
            serde_json::from_slice(bytes).map_err(|e| Unreadable::Garbled(e.to_string()))?;
        if summary.schema > SCHEMA {
            return Err(Unreadable::Newer(summary.schema));
        }
        if summary.schema == 0 {
            return Err(Unreadable::Garbled("schema 0 is no version".to_owned()));
        }
        if summary.machine != id {
            return Err(Unreadable::OtherMachine(
                machine::short(&summary.machine).into(),
            ));
        }
        if let Some(time) = summary.times().find(|t| !YEARS.contains(&t.year())) {
            return Err(Unreadable::OutOfRange(time));
        }
        Ok(Summary {
            hostname: machine::tidy_hostname(&summary.hostname),
            ..summary
        })
    }

    /// Every time the summary holds.
    fn times(&self) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        let pause = self
            .pause
            .iter()
            .flat_map(|c| std::iter::once(c.at).chain(c.pause.and_then(|p| p.until)));
        std::iter::once(self.written)
            .chain(self.done.values().copied())
            .chain(self.sessions.iter().copied())
            .chain(self.rotation.shown.values().copied())
            .chain(pause)
            .chain(self.levels.values().filter_map(|l| l.at))
            .chain(self.set_aside.values().map(|a| a.at))
            .chain(self.restored.values().copied())
    }
}

/// Why a file of the folder was skipped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    /// It could not be read (not a regular file, too large, permissions, gone meanwhile).
    #[error("cannot be read ({0})")]
    Io(String),
    /// Not a summary: half-written, or garbage.
    #[error("is not a summary stretchd wrote ({0}); half-written or garbled")]
    Garbled(String),
    /// Written by a newer stretchd.
    #[error("was written by a newer stretchd (schema {0}); update stretchd on this machine")]
    Newer(u32),
    /// It names another machine than its file name does.
    #[error("names machine {0}, not the one of its file name (a copy under another name?)")]
    OtherMachine(String),
    /// It holds a time that no clock reads.
    #[error("holds the time {}, outside the years {} to {}", .0.to_rfc3339(), YEARS.start(), YEARS.end())]
    OutOfRange(DateTime<Utc>),
}

/// How many skipped file names [`Skipped`] keeps.
const FIRST: usize = 3;

/// What a read of the folder skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Conflict copies (never read).
    pub conflicts: u32,
    /// Files of stretchd's names that could not be read or parsed.
    pub unreadable: u32,
    /// Summaries of machines past the [`MAX_MACHINES`] last written.
    pub beyond: u32,
    /// The first few of those, each as "name why".
    pub first: Vec<String>,
}

impl Skipped {
    /// Whether nothing was skipped.
    pub fn is_empty(&self) -> bool {
        self.conflicts == 0 && self.unreadable == 0 && self.beyond == 0
    }

    fn conflict(&mut self) {
        self.conflicts = self.conflicts.saturating_add(1);
    }

    fn unreadable(&mut self, name: &str, why: &dyn fmt::Display) {
        self.unreadable = self.unreadable.saturating_add(1);
        if self.first.len() < FIRST {
            self.first
                .push(format!("{} {why}", crate::text::printable(name)));
        }
    }
}

/// "skipped 2 conflict copies and 1 unreadable file (a.state.json is not a summary ...)".
impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let details = if self.first.is_empty() {
            String::new()
        } else {
            let more = if self.unreadable as usize > self.first.len() {
                "; ..."
            } else {
                ""
            };
            format!(" ({}{more})", self.first.join("; "))
        };
        write!(
            f,
            "skipped conflict copies: {}, unreadable files: {}{details}",
            self.conflicts, self.unreadable
        )?;
        if self.beyond > 0 {
            write!(
                f,
                ", machines written to longer ago than the {MAX_MACHINES} last: {} (is the folder shared with more than your own machines?)",
                self.beyond
            )?;
        }
        Ok(())
    }
}

/// The summaries of the other machines in the folder, and what was skipped.
#[derive(Debug, Clone, Default)]
pub struct Peers {
    /// One per machine but `me`, by id.
    pub summaries: Vec<Summary>,
    /// What was skipped.
    pub skipped: Skipped,
}

/// The entries of folder `dir` as (name, path), leaving out those that cannot be read and names
/// that are not UTF-8 (no machine's file has one). Only a folder that cannot be listed is an
/// error.
fn named_entries(dir: &Path) -> io::Result<impl Iterator<Item = (String, PathBuf)>> {
    Ok(std::fs::read_dir(dir)?.filter_map(|entry| {
        let entry = entry.ok()?;
        let name = entry.file_name().into_string().ok()?;
        Some((name, entry.path()))
    }))
}

/// Reads the summaries of every machine but `me` in `dir`, at most the [`MAX_MACHINES`] last
/// written. Only a folder that cannot be listed is an error; each file that cannot be read is
/// skipped and counted, and so is each machine beyond those.
pub fn read_peers(dir: &Path, me: &str) -> io::Result<Peers> {
    let mut peers = Peers::default();
    for (name, path) in named_entries(dir)? {
        match classify(&name) {
            Name::Summary(id) if id != me => match read_summary(&path, id) {
                Ok(summary) => peers.take(summary),
                Err(why) => peers.skipped.unreadable(&name, &why),
            },
            Name::Conflict => peers.skipped.conflict(),
            Name::Summary(_) | Name::History(_) | Name::Hidden | Name::Other => {}
        }
    }
    peers.summaries.sort_by(|a, b| a.machine.cmp(&b.machine));
    Ok(peers)
}

impl Peers {
    /// Takes `summary`, and keeps the [`MAX_MACHINES`] last written: the one written longest
    /// ago is dropped and counted when there are more.
    fn take(&mut self, summary: Summary) {
        self.summaries.push(summary);
        if self.summaries.len() <= MAX_MACHINES {
            return;
        }
        let oldest = self
            .summaries
            .iter()
            .enumerate()
            .min_by_key(|(_, s)| s.written)
            .map(|(i, _)| i);
        if let Some(i) = oldest {
            self.summaries.swap_remove(i);
            self.skipped.beyond = self.skipped.beyond.saturating_add(1);
        }
    }
}

/// Reads machine `id`'s summary at `path`.
pub fn read_summary(path: &Path, id: &str) -> Result<Summary, Unreadable> {
    let bytes = files::read(path, SUMMARY_LIMIT).map_err(|e| Unreadable::Io(e.to_string()))?;
    Summary::parse(&bytes, id)
}

/// Writes `summary` as its machine's file in `dir`, atomically.
pub fn write_summary(dir: &Path, summary: &Summary) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(summary).map_err(io::Error::other)?;
    files::write(
        &summary_path(dir, &summary.machine),
        &json,
        0o600,
        Clobber::Replace,
    )
    .map(drop)
}

/// The histories of every machine but `me` in `dir`, by id, with what was skipped (conflict
/// copies). For the CLI, which reads them itself; the daemon never holds them.
pub fn peer_histories(
    dir: &Path,
    me: Option<&str>,
) -> io::Result<(Vec<(String, PathBuf)>, Skipped)> {
    let mut found = Vec::new();
    let mut skipped = Skipped::default();
    for (name, path) in named_entries(dir)? {
        match classify(&name) {
            Name::History(id) if Some(id) != me => found.push((id.to_owned(), path)),
            Name::Conflict => skipped.conflict(),
            Name::Summary(_) | Name::History(_) | Name::Hidden | Name::Other => {}
        }
    }
    found.sort();
    Ok((found, skipped))
}

/// How many entries [`catch_up`] copies in one write: few, so that copying a year of history
/// the first time holds a few kilobytes at once (the daemon's heap does not shrink back), at
/// the price of one sync per batch, once.
const BATCH: usize = 32;

/// Copies to `copy` (this machine's history in the folder) the entries of the history at
/// `local` that are later than every entry it holds: all of them the first time, and after that
/// what was recorded while the copy could not be written (sync off, the folder missing, no
/// daemon running). Streams both files; returns how many entries were copied.
pub fn catch_up(local: &Path, copy: &mut History) -> io::Result<usize> {
    let mut last = None;
    history::scan(copy.path(), |e| last = last.max(Some(e.time)))?;
    let mut batch: Vec<Entry> = Vec::with_capacity(BATCH);
    let mut copied = 0;
    let mut failed = None;
    history::scan(local, |e| {
        if failed.is_some() || last.is_some_and(|l| e.time <= l) {
            return;
        }
        batch.push(e);
        if batch.len() == BATCH {
            copied += batch.len();
            failed = copy.append_all(&batch).err();
            batch.clear();
        }
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    copied += batch.len();
    copy.append_all(&batch)?;
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn names_are_told_apart() {
        let cases = [
            (format!("{ID}.state.json"), Name::Summary(ID)),
            (format!("{ID}.history.jsonl"), Name::History(ID)),
            (
                format!("{ID}.state.sync-conflict-20261124-101500-ABCDEFG.json"),
                Name::Conflict,
            ),
            (
                format!("{ID}.history (desk's conflicted copy 2026-11-24).jsonl"),
                Name::Conflict,
            ),
            (
                format!("{ID}.state (Conflicted copy 2026-11-24 101500).json"),
                Name::Conflict,
            ),
            (format!(".syncthing.{ID}.state.json.tmp"), Name::Hidden),
            (format!(".{ID}.state.json.123-0-0000.tmp"), Name::Hidden),
            (".stfolder".to_owned(), Name::Hidden),
            ("notes.txt".to_owned(), Name::Other),
            ("0123.state.json".to_owned(), Name::Other),
            (format!("{}.state.json", ID.to_uppercase()), Name::Other),
        ];
        for (name, expected) in &cases {
            assert_eq!(classify(name), *expected, "{name}");
        }
    }

    fn summary(at: &str) -> Summary {
        let at: DateTime<Utc> = at.parse().unwrap();
        let me = Machine {
            id: ID.to_owned(),
            hostname: "desk".to_owned(),
        };
        let mut state = State::new(at);
        state.rotation.stretch_shown("seated-twist", at);
        let done = BTreeMap::from([("stretch".to_owned(), at)]);
        Summary::of(&me, &state, &done, &[at], at)
    }

    #[test]
    fn a_summary_round_trips_and_bad_ones_say_why() {
        let good = summary("2026-11-24T10:00:00Z");
        let json = serde_json::to_vec(&good).unwrap();
        assert_eq!(Summary::parse(&json, ID), Ok(good.clone()));
        let other = "fedcba9876543210fedcba9876543210";
        assert_eq!(
            Summary::parse(&json, other),
            Err(Unreadable::OtherMachine("01234567".into()))
        );
        let half = &json[..json.len() / 2];
        assert!(matches!(
            Summary::parse(half, ID),
            Err(Unreadable::Garbled(_))
        ));
        let newer = Summary {
            schema: SCHEMA + 1,
            ..good.clone()
        };
        let newer = serde_json::to_vec(&newer).unwrap();
        assert_eq!(
            Summary::parse(&newer, ID),
            Err(Unreadable::Newer(SCHEMA + 1))
        );
        let mut far = good.clone();
        far.done
            .insert("x".into(), "+200000-01-01T00:00:00Z".parse().unwrap());
        let far = serde_json::to_vec(&far).unwrap();
        assert!(matches!(
            Summary::parse(&far, ID),
            Err(Unreadable::OutOfRange(_))
        ));
        // Fields a later version adds are ignored; a hostname is made fit to show.
        let mut value = serde_json::to_value(&good).unwrap();
        value["hostname"] = "desk\u{7}\n".into();
        value["added_later"] = 1.into();
        let parsed = Summary::parse(&serde_json::to_vec(&value).unwrap(), ID).unwrap();
        assert_eq!(parsed, good);
        assert!(good.same_as(&summary("2026-11-24T10:00:00Z")));
        let later = Summary {
            written: "2026-11-25T10:00:00Z".parse().unwrap(),
            ..good.clone()
        };
        assert!(good.same_as(&later));
        assert!(!good.same_as(&summary("2026-11-24T11:00:00Z")));
    }

    #[test]
    fn reading_the_folder_skips_what_is_not_a_peer_summary_and_counts_it() {
        let dir = tempfile::tempdir().unwrap();
        let peer = "fedcba9876543210fedcba9876543210";
        let mut theirs = summary("2026-11-24T10:00:00Z");
        theirs.machine = peer.to_owned();
        write_summary(dir.path(), &theirs).unwrap();
        // Ours is not a peer's.
        write_summary(dir.path(), &summary("2026-11-24T10:00:00Z")).unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write(
            &format!("{peer}.state.sync-conflict-20261124-101500-ABCDEFG.json"),
            "{}",
        );
        write(
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.state.json",
            "{\"schema\": 1, \"mach",
        );
        write(
            "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.state.json",
            "\u{0}\u{1}garbage",
        );
        write(&format!(".syncthing.{peer}.state.json.tmp"), "{");
        write("README", "hello");
        std::fs::create_dir(
            dir.path()
                .join("cccccccccccccccccccccccccccccccc.state.json"),
        )
        .unwrap();
        let peers = read_peers(dir.path(), ID).unwrap();
        assert_eq!(peers.summaries, [theirs]);
        assert_eq!(peers.skipped.conflicts, 1);
        assert_eq!(peers.skipped.unreadable, 3, "{}", peers.skipped);
        let text = peers.skipped.to_string();
        assert!(
            text.starts_with("skipped conflict copies: 1, unreadable files: 3 ("),
            "{text}"
        );
        assert!(read_peers(&dir.path().join("missing"), ID).is_err());
    }

    #[test]
    fn only_the_machines_last_written_are_taken_and_the_rest_counted() {
        let dir = tempfile::tempdir().unwrap();
        let extra = 5;
        for i in 0..MAX_MACHINES + extra {
            let mut theirs = summary("2026-11-24T10:00:00Z");
            theirs.machine = format!("{:032x}", i + 1);
            theirs.written += chrono::TimeDelta::minutes(i64::try_from(i).unwrap());
            write_summary(dir.path(), &theirs).unwrap();
        }
        let peers = read_peers(dir.path(), ID).unwrap();
        assert_eq!(peers.summaries.len(), MAX_MACHINES);
        assert_eq!(peers.skipped.beyond as usize, extra);
        let oldest = peers.summaries.iter().map(|s| s.written).min().unwrap();
        let first: DateTime<Utc> = "2026-11-24T10:00:00Z".parse().unwrap();
        assert_eq!(oldest, first + chrono::TimeDelta::minutes(5));
        let text = peers.skipped.to_string();
        assert!(
            text.ends_with("longer ago than the 32 last: 5 (is the folder shared with more than your own machines?)"),
            "{text}"
        );
    }

    #[test]
    fn catch_up_copies_what_the_copy_lacks_once() {
        use crate::config::Kind;
        use crate::store::history::Outcome;
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join("history.jsonl");
        let entry = |secs: i64| Entry {
            time: DateTime::from_timestamp(1_764_000_000 + secs, 0).unwrap(),
            reminder: "stretch".into(),
            kind: Kind::Stretch,
            item: "seated-twist".into(),
            outcome: Outcome::Done,
        };
        let mut mine = History::open(local.clone()).unwrap();
        for i in 0..600 {
            mine.append(&entry(i)).unwrap();
        }
        let mut copy = History::open(dir.path().join("copy.jsonl")).unwrap();
        assert_eq!(catch_up(&local, &mut copy).unwrap(), 600);
        assert_eq!(catch_up(&local, &mut copy).unwrap(), 0);
        mine.append(&entry(700)).unwrap();
        assert_eq!(catch_up(&local, &mut copy).unwrap(), 1);
        let copied = history::read(copy.path()).unwrap();
        assert_eq!(copied.entries.len(), 601);
        assert_eq!(copied.entries.last(), Some(&entry(700)));
        assert!(copied.skipped.is_empty());
    }
}
