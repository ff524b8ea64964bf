//! The daemon's side of `[sync]` ([`crate::sync`]): it watches the folder (inotify on the
//! daemon's own loop, like the config: nothing runs and nothing wakes while no file changes),
//! merges the other machines' summaries when one changes (once the folder has been quiet for
//! [`MERGE_SETTLE`]), writes this machine's summary when what it says changes, and appends each
//! answer to this machine's history in the folder as well as to the local one.
//!
//! What it keeps of the other machines is small: who they are, when each last wrote, and their
//! stretch sessions of the last weeks (for the weekly goal); never their histories, which
//! `stretchd history` and `stats` read themselves. With sync off none of this exists, and what
//! the loop calls on every event only checks that: the work is in functions kept out of line
//! (`#[inline(never)]`), so that it lies with the rest of `[sync]`'s code in the binary, past the
//! pages a daemon without sync maps (see `src/bin/stretchd-daemon.order`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::mpsc;
use tokio::time::Instant;
use tracing::{debug, info, warn};

use super::watch::{Changed, Watch};
use super::{Clock, Daemon};
use crate::daemon::notify::Notifier;
use crate::ipc::{MachineSeen, SyncStatus};
use crate::store::history::{Entry, History};
use crate::sync::merge::{self, Merged};
use crate::sync::{self as shared, Machine, Name, Skipped, Summary, machine};

/// How long the folder must stay quiet after a change before it is merged, so that a sync
/// engine's burst of writes and renames causes one merge.
pub(super) const MERGE_SETTLE: Duration = Duration::from_millis(150);

/// The folder shared with the other machines, and what the daemon knows of them.
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts: two failures each reported once, a removal to report, the folder gone"
)]
pub(super) struct Link {
    /// The folder.
    dir: PathBuf,
    /// This machine.
    me: Machine,
    /// Whether appending to this machine's history in the folder fails (reported once, until
    /// it works again). The file is opened for each answer and closed after it: the daemon
    /// holds nothing open in the folder, which may be on a drive or share to unmount.
    copy_failing: bool,
    /// The watch on the folder, while it runs.
    watch: Option<Watch>,
    /// Whether the folder was removed or moved away: nothing is written there until a reload.
    gone: bool,
    /// Its changes; taken out of the link while the loop waits on it.
    pub(super) changes: Option<mpsc::Receiver<Changed>>,
    /// When to merge: the folder changed and is waiting to be quiet.
    pub(super) merge_at: Option<Instant>,
    /// This machine's summary as last written, to skip writes that change nothing.
    written: Option<Summary>,
    /// Whether writing it fails (reported once, until it works again).
    write_failing: bool,
    /// Whether it was removed (or moved away) since it was last written.
    removed: bool,
    /// Why the folder could not be read at the last merge, if it could not.
    unreadable: Option<String>,
    /// What the last merge skipped.
    skipped: Skipped,
    /// How many times the last merge ignored for being too far ahead.
    ahead: u32,
    /// The other machines, as of the last merge.
    seen: Vec<MachineSeen>,
    /// Their stretch sessions of the last weeks.
    sessions: Vec<DateTime<Utc>>,
}

impl Link {
    /// Starts sharing through `dir`: makes (or reads) this machine's id in `state_dir`, creates
    /// the folder if its parent exists, catches this machine's history there up with the local
    /// one at `local` (if any), and starts watching. An error, a sentence that says what to
    /// do, when the id cannot be kept or the folder neither exists nor can be made; the rest
    /// only warns.
    fn start(dir: PathBuf, state_dir: &Path, local: Option<&Path>) -> Result<Link, String> {
        let id = machine::load_or_create(state_dir).map_err(|e| {
            format!(
                "cannot keep this machine's id in {}: {e} (make the state directory writable, then `stretchd reload`)",
                state_dir.join(machine::FILE_NAME).display()
            )
        })?;
        if !dir.is_dir() {
            let parent = dir.parent().filter(|p| p.is_dir());
            if parent.is_none() {
                return Err(format!(
                    "the folder {} does not exist, and neither does the one it would be made in (is the sync engine set up? create the folder, then `stretchd reload`)",
                    dir.display()
                ));
            }
            if let Err(e) = crate::store::files::create_private_dir(&dir) {
                return Err(format!(
                    "cannot create the folder {}: {e} (make a folder there, or point [sync] dir at one; then `stretchd reload`)",
                    dir.display()
                ));
            }
        }
        let me = Machine {
            id,
            hostname: machine::hostname(),
        };
        info!(
            "sync: sharing through {} as {} (machine {})",
            dir.display(),
            me.hostname,
            me.id
        );
        let mut link = Link {
            copy_failing: false,
            watch: None,
            gone: false,
            changes: None,
            merge_at: None,
            written: None,
            write_failing: false,
            removed: false,
            unreadable: None,
            skipped: Skipped::default(),
            ahead: 0,
            seen: Vec::new(),
            sessions: Vec::new(),
            dir,
            me,
        };
        if let Some(local) = local {
            link.catch_up(local);
        }
        link.watch();
        Ok(link)
    }

    /// Copies to this machine's history in the folder what the local history at `local` holds
    /// that it does not.
    fn catch_up(&self, local: &Path) {
        let path = shared::history_path(&self.dir, &self.me.id);
        let copied =
            History::open_own(path.clone()).and_then(|mut copy| shared::catch_up(local, &mut copy));
        match copied {
            Ok(0) => {}
            Ok(n) => info!("sync: copied {n} history entries to {}", path.display()),
            Err(e) => warn!(
                "sync: cannot copy the history {} to {}: {e}; the other machines count only what is answered from now on (tried again at the next start)",
                local.display(),
                path.display()
            ),
        }
    }

    /// Starts watching the folder.
    fn watch(&mut self) {
        let (tx, rx) = mpsc::channel(1);
        let me = self.me.id.clone();
        let wanted = move |flags: rustix::fs::inotify::ReadFlags, name: &[u8]| {
            use rustix::fs::inotify::ReadFlags as F;
            let gone = flags.intersects(F::DELETE | F::MOVED_FROM);
            wakes(&me, gone, name)
        };
        match super::watch::watch_dir(&self.dir, wanted, tx) {
            Ok(watch) => {
                self.watch = Some(watch);
                self.changes = Some(rx);
            }
            Err(e) => warn!(
                "sync: cannot watch {} ({e}); what the other machines write is read at the next `stretchd reload`",
                self.dir.display()
            ),
        }
    }

    /// The folder was removed or moved away: its watch and this machine's history copy in it
    /// are dropped (so nothing is written to a folder no sync engine sees) until a reload.
    fn gone(&mut self) {
        if std::mem::replace(&mut self.gone, true) {
            return;
        }
        self.watch = None;
        self.changes = None;
        warn!(
            "sync: the folder {} was removed or moved; nothing is shared until it is back and stretchd reloads (`stretchd reload`)",
            self.dir.display()
        );
    }

    /// Appends `entry` to this machine's history in the folder; a failure is reported once,
    /// never fatal: the local history has it, and the next start catches the copy up.
    #[inline(never)]
    fn copy(&mut self, entry: &Entry) {
        if !self.gone && !self.dir.is_dir() {
            // Never made again here: it may be a share not mounted, which no engine would see.
            self.gone();
        }
        if self.gone {
            return;
        }
        let path = shared::history_path(&self.dir, &self.me.id);
        match History::open_own(path.clone()).and_then(|mut copy| copy.append(entry)) {
            Ok(()) if self.copy_failing => {
                info!("sync: {} takes answers again", path.display());
                self.copy_failing = false;
            }
            Ok(()) => {}
            Err(e) if self.copy_failing => {
                debug!("sync: still cannot append to {}: {e}", path.display());
            }
            Err(e) => {
                warn!(
                    "sync: cannot append to {}: {e}; the other machines miss this answer until stretchd starts again and catches up (reported once)",
                    path.display()
                );
                self.copy_failing = true;
            }
        }
    }
}

/// Whether an event in the folder about file `name` (`gone`: removed or moved away) is worth a
/// merge: a change to another machine's summary or a conflict copy (counted in the log), or
/// this machine's own summary gone (it is written again). Not this machine's own writes, nor
/// histories (the daemon does not read them), nor hidden files (a sync engine's temporary
/// files), nor anything else.
pub fn wakes(me: &str, gone: bool, name: &[u8]) -> bool {
    let Ok(name) = std::str::from_utf8(name) else {
        return false;
    };
    match shared::classify(name) {
        Name::Summary(id) if id == me => gone,
        Name::Summary(_) | Name::Conflict => true,
        Name::History(_) | Name::Hidden | Name::Other => false,
    }
}

impl<N: Notifier, C: Clock> Daemon<N, C> {
    /// Starts, stops or moves the sharing to what the config's `[sync] dir` says (at start and
    /// after each reload); a new folder is merged at once, before anything fires.
    pub(super) fn configure_sync(&mut self) {
        if self.config.sync.dir.is_none() && self.sync.is_none() && self.sync_off.is_none() {
            return;
        }
        self.reconfigure_sync();
    }

    /// [`Daemon::configure_sync`] once sync is or was on. The same folder, still watched, is
    /// left as it is; one whose watch ended (the folder was removed or moved) is taken up
    /// afresh, as a new one is: its history copy caught up, watched, merged.
    #[inline(never)]
    fn reconfigure_sync(&mut self) {
        self.sync_off = None;
        let wanted = shared::folder(&self.config);
        let same = self.sync.as_ref().map(|l| &l.dir) == wanted.as_ref();
        if same
            && self
                .sync
                .as_ref()
                .is_none_or(|l| !l.gone && l.watch.is_some())
        {
            return;
        }
        if let Some(old) = self.sync.take() {
            info!("sync: no longer sharing through {}", old.dir.display());
        }
        let Some(dir) = wanted else {
            return;
        };
        let Some(state_dir) = self.store.as_ref().and_then(|s| s.path().parent()) else {
            debug!("sync: nothing is kept on disk here, so nothing is shared");
            return;
        };
        let local = self
            .history
            .as_ref()
            .map(|h| h.path().to_path_buf())
            .or_else(|| self.history_path.clone());
        match Link::start(dir, state_dir, local.as_deref()) {
            Ok(link) => self.sync = Some(link),
            Err(why) => {
                warn!("sync is off: {why}");
                self.sync_off = Some(why);
            }
        }
        self.merge_peers();
        self.publish();
    }

    /// The folder changed: merge once it has been quiet for [`MERGE_SETTLE`]; `ended` says the
    /// watch is over (the folder was removed or moved).
    pub(super) fn sync_changed(&mut self, ended: bool) {
        let Some(link) = self.sync.as_mut() else {
            return;
        };
        if ended {
            link.gone();
            return;
        }
        link.merge_at = Some(Instant::now() + MERGE_SETTLE);
    }

    /// Reads the other machines' summaries and merges them into the state, logging what
    /// changed and, when it changes, what was skipped.
    pub(super) fn merge_peers(&mut self) {
        let now = self.clock.now();
        let Some(link) = self.sync.as_mut() else {
            return;
        };
        link.merge_at = None;
        let peers = match shared::read_peers(&link.dir, &link.me.id) {
            Ok(peers) => {
                if link.unreadable.take().is_some() {
                    info!("sync: {} can be read again", link.dir.display());
                }
                peers
            }
            // Removed or moved away (its watch may not say so while this machine's history copy
            // in it is open).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                link.gone();
                return;
            }
            Err(e) => {
                let why = e.to_string();
                if link.unreadable.as_ref() != Some(&why) {
                    warn!(
                        "sync: cannot read the folder {}: {why}; reminders go on with what this machine knows",
                        link.dir.display()
                    );
                }
                link.unreadable = Some(why);
                return;
            }
        };
        if peers.skipped != link.skipped {
            if peers.skipped.is_empty() {
                info!("sync: {}: nothing skipped any more", link.dir.display());
            } else {
                warn!("sync: {}: {}", link.dir.display(), peers.skipped);
            }
            link.skipped = peers.skipped.clone();
        }
        if link.written.is_some() && !shared::summary_path(&link.dir, &link.me.id).exists() {
            // Written again by `publish`, after this event.
            link.written = None;
            link.removed = true;
        }
        let merged = merge::merge(
            &self.config,
            &mut self.state,
            &peers.summaries,
            now,
            self.clock.zone(),
        );
        link.sessions = merge::recent_sessions(&peers.summaries, now);
        link.seen = peers
            .summaries
            .iter()
            .map(|s| MachineSeen {
                id: s.machine.clone(),
                hostname: s.hostname.clone(),
                written: s.written,
            })
            .collect();
        if merged.ahead != link.ahead {
            if merged.ahead > 0 {
                warn!(
                    "sync: ignored {} time(s) written more than {} minutes ahead of this machine's clock (is the clock of another machine wrong?)",
                    merged.ahead,
                    merge::SKEW.num_minutes()
                );
            }
            link.ahead = merged.ahead;
        }
        self.log_merged(&merged);
    }

    /// Says what a merge changed, one line for each change.
    fn log_merged(&self, merged: &Merged) {
        let zone = self.clock.zone();
        let when = |t: DateTime<Utc>| t.with_timezone(zone).format("%a %H:%M:%S").to_string();
        for r in &merged.restarted {
            info!(
                "sync: \"{}\" was done on {} at {}; its interval restarts from then",
                r.what,
                r.from,
                when(r.at)
            );
        }
        for id in &merged.unsnoozed {
            info!("sync: the snooze of \"{id}\" is dropped, as it was done on another machine");
        }
        if let Some(p) = &merged.pause {
            match p.what.pause {
                Some(_) if self.state.pause.is_none() => info!(
                    "sync: a pause set on {} at {} has ended; reminders run",
                    p.from,
                    when(p.at)
                ),
                Some(crate::schedule::state::Pause { until: Some(until) }) => info!(
                    "sync: paused on {} at {}; paused here until {}",
                    p.from,
                    when(p.at),
                    until.with_timezone(zone).format("%a %Y-%m-%d %H:%M")
                ),
                Some(_) => info!(
                    "sync: paused on {} at {}; paused here until `stretchd resume`",
                    p.from,
                    when(p.at)
                ),
                None => info!(
                    "sync: resumed on {} at {}; resumed here",
                    p.from,
                    when(p.at)
                ),
            }
        }
        for l in &merged.levels {
            let Some(level) = self.state.levels.get(&l.what) else {
                continue;
            };
            info!(
                "sync: the level of \"{}\" changed on {}: here too it holds {} s, with {} of {} Done toward the next step",
                l.what,
                l.from,
                level.hold_secs,
                level.done_in_row,
                crate::schedule::level::GROW_AFTER
            );
        }
        for a in &merged.set_aside {
            info!(
                "sync: \"{}\" was set aside on {} at {}; it is set aside here too",
                a.what,
                a.from,
                when(a.at)
            );
        }
        for r in &merged.restored {
            info!(
                "sync: \"{}\" was brought back on {}; it is back in rotation here too",
                r.what, r.from
            );
        }
        if merged.rotation {
            debug!("sync: the rotation moved on with what the other machines showed");
        }
        if merged.notice_read {
            info!(
                "sync: the safety notice was read on another machine; reminders no longer point to it"
            );
        }
    }

    /// Writes this machine's summary if what it says changed. A failure is reported once, until
    /// it works.
    pub(super) fn publish(&mut self) {
        if self.sync.is_some() {
            self.write_summary();
        }
    }

    /// [`Daemon::publish`] while sync is on.
    #[inline(never)]
    fn write_summary(&mut self) {
        let now = self.clock.now();
        let Some(link) = self.sync.as_mut().filter(|l| !l.gone) else {
            return;
        };
        let summary = Summary::of(
            &link.me,
            &self.state,
            &self.last_done,
            &self.recent_done,
            now,
        );
        if link.written.as_ref().is_some_and(|w| w.same_as(&summary)) {
            return;
        }
        match shared::write_summary(&link.dir, &summary) {
            Ok(()) => {
                if link.write_failing {
                    info!("sync: {} is written again", link.dir.display());
                    link.write_failing = false;
                }
                if std::mem::take(&mut link.removed) {
                    info!(
                        "sync: this machine's summary was removed or moved away; wrote it again to {}",
                        shared::summary_path(&link.dir, &link.me.id).display()
                    );
                }
                link.written = Some(summary);
            }
            Err(e) if link.write_failing => {
                debug!("sync: still cannot write to {}: {e}", link.dir.display());
            }
            Err(e) => {
                warn!(
                    "sync: cannot write this machine's summary to {}: {e}; the other machines do not see its changes until it can (retried at every change, reported once)",
                    link.dir.display()
                );
                link.write_failing = true;
            }
        }
    }

    /// Copies an answer just recorded to this machine's history in the folder.
    pub(super) fn share_entry(&mut self, entry: &Entry) {
        if let Some(link) = self.sync.as_mut() {
            link.copy(entry);
        }
    }

    /// The stretch sessions that count toward the weekly goal: this machine's, and those the
    /// other machines reported.
    pub(super) fn sessions_everywhere(&self) -> std::borrow::Cow<'_, [DateTime<Utc>]> {
        match &self.sync {
            Some(link) if !link.sessions.is_empty() => {
                let mut all = self.recent_done.clone();
                all.extend_from_slice(&link.sessions);
                all.into()
            }
            _ => self.recent_done.as_slice().into(),
        }
    }

    /// `[sync]` as `stretchd status` shows it; `None` while sync is off.
    pub(super) fn sync_status(&self) -> Option<SyncStatus> {
        self.sync.as_ref().map(Link::status)
    }

    /// Why sync is off although the config names a folder, for `stretchd status`.
    pub(super) fn sync_off(&self) -> Option<String> {
        self.sync_off.clone()
    }
}

impl Link {
    /// The folder, this machine, the others and what is wrong, for `stretchd status`.
    #[inline(never)]
    fn status(&self) -> SyncStatus {
        let mut problems: Vec<String> = Vec::new();
        if let Some(why) = &self.unreadable {
            problems.push(format!("the folder cannot be read: {why}"));
        }
        if !self.skipped.is_empty() {
            problems.push(self.skipped.to_string());
        }
        if self.gone {
            problems.push("the folder was removed or moved away: nothing is shared until it is back and `stretchd reload` runs".to_owned());
        } else if self.watch.is_none() {
            problems.push(
                "the folder is not watched (inotify failed): `stretchd reload` after fixing it"
                    .to_owned(),
            );
        }
        if self.write_failing {
            problems.push("this machine's summary cannot be written".to_owned());
        }
        SyncStatus {
            dir: self.dir.display().to_string(),
            machine: self.me.id.clone(),
            hostname: self.me.hostname.clone(),
            machines: self.seen.clone(),
            problems,
        }
    }
}

/// Keeps `last` the latest Done of each reminder in `entries` (not the guide's or the manual
/// ones, which are no reminder's), for this machine's summary.
pub(super) fn last_done(entries: &[Entry]) -> BTreeMap<String, DateTime<Utc>> {
    use crate::store::history::{GUIDE_REMINDER, MANUAL_REMINDER, Outcome};
    let mut last: BTreeMap<String, DateTime<Utc>> = BTreeMap::new();
    for e in entries {
        if e.outcome != Outcome::Done
            || e.reminder == GUIDE_REMINDER
            || e.reminder == MANUAL_REMINDER
        {
            continue;
        }
        let newer = last.get(&e.reminder).is_none_or(|t| e.time > *t);
        if newer {
            last.insert(e.reminder.clone(), e.time);
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Kind;
    use crate::store::history::Outcome;

    const ME: &str = "0123456789abcdef0123456789abcdef";
    const PEER: &str = "fedcba9876543210fedcba9876543210";

    #[test]
    fn only_what_a_merge_needs_wakes_the_daemon() {
        let cases = [
            (format!("{PEER}.state.json"), false, true),
            (format!("{PEER}.state.json"), true, true),
            (format!("{ME}.state.json"), false, false),
            (format!("{ME}.state.json"), true, true),
            (format!("{PEER}.history.jsonl"), false, false),
            (format!("{ME}.history.jsonl"), true, false),
            (
                format!("{PEER}.state.sync-conflict-20261124-101500-ABCDEFG.json"),
                false,
                true,
            ),
            (format!(".syncthing.{PEER}.state.json.tmp"), false, false),
            (format!(".{ME}.state.json.1-0-00000000.tmp"), false, false),
            ("notes.txt".to_owned(), false, false),
        ];
        for (name, gone, wanted) in &cases {
            assert_eq!(
                wakes(ME, *gone, name.as_bytes()),
                *wanted,
                "{name} gone={gone}"
            );
        }
        assert!(!wakes(ME, false, b"\xff.state.json"));
    }

    #[test]
    fn the_last_done_of_each_reminder_leaves_out_the_guide_and_manual_entries() {
        let entry = |secs: i64, reminder: &str, outcome| Entry {
            time: DateTime::from_timestamp(1_764_000_000 + secs, 0).unwrap(),
            reminder: reminder.into(),
            kind: Kind::Stretch,
            item: "seated-twist".into(),
            outcome,
        };
        let entries = [
            entry(0, "stretch", Outcome::Done),
            entry(60, "stretch", Outcome::Skipped),
            entry(30, "posture", Outcome::Done),
            entry(-30, "stretch", Outcome::Done),
            entry(90, "guide", Outcome::Done),
            entry(90, "manual", Outcome::Done),
        ];
        let last = last_done(&entries);
        assert_eq!(
            last,
            BTreeMap::from([
                ("posture".to_owned(), entries[2].time),
                ("stretch".to_owned(), entries[0].time),
            ])
        );
    }
}
