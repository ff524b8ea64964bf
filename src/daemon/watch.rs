//! Watches a directory with inotify, so that an edit of the config, or a file another machine
//! wrote to the `[sync]` folder, takes effect without a restart or a poll.
//!
//! For the config the parent directory is watched, not the file: editors often save by writing
//! a new file and renaming it over the old one (or by deleting and re-creating it), which
//! replaces the inode a file watch would follow. Events for other names in the directory are
//! ignored. The daemon coalesces a burst of events into one reload (or one merge).
//!
//! inotify directly, on the daemon's own event loop (a tokio task waiting on the inotify file
//! descriptor): no thread of its own, and it wakes only when something in the directory is
//! written, created, removed, renamed or has its metadata changed (not when a file there is
//! merely opened or read).

use std::ffi::OsString;
use std::mem::MaybeUninit;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt as _;
use std::path::Path;

use rustix::fs::inotify::{self, CreateFlags, ReadFlags, WatchFlags};
use tokio::io::Interest;
use tokio::io::unix::AsyncFd;
use tokio::sync::mpsc;

/// A file of interest changed on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed;

/// A running watch; dropping it stops watching.
pub struct Watch {
    task: tokio::task::AbortHandle,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// What in the directory counts as a change to a file in it.
const CHANGES: WatchFlags = WatchFlags::ATTRIB
    .union(WatchFlags::CREATE)
    .union(WatchFlags::DELETE)
    .union(WatchFlags::MODIFY)
    .union(WatchFlags::MOVED_FROM)
    .union(WatchFlags::MOVED_TO);

/// Starts watching `file` (whose directory must exist); every change to it sends
/// [`Changed`]. Must be called inside the tokio runtime.
pub fn watch(file: &Path, inputs: mpsc::Sender<Changed>) -> std::io::Result<Watch> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = file.file_name().map(OsString::from);
    let ours = move |_: ReadFlags, n: &[u8]| Some(n) == name.as_ref().map(|n| n.as_bytes());
    watch_dir(dir, ours, inputs)
}

/// Starts watching the directory `dir` (which must exist): a change to a file in it whose
/// event and name `wanted` accepts sends [`Changed`], and so does the directory itself going
/// away (removed or moved: the watch ends then). Must be called inside the tokio runtime.
pub fn watch_dir(
    dir: &Path,
    wanted: impl Fn(ReadFlags, &[u8]) -> bool + Send + 'static,
    inputs: mpsc::Sender<Changed>,
) -> std::io::Result<Watch> {
    let fd = inotify::init(CreateFlags::CLOEXEC | CreateFlags::NONBLOCK)?;
    let flags = CHANGES | WatchFlags::DELETE_SELF | WatchFlags::MOVE_SELF;
    inotify::add_watch(&fd, dir, flags)?;
    // As in presence/clock.rs: the AsyncFd owns the OwnedFd and nothing else closes it, which is
    // the I/O-safety condition the deprecation warns about; the replacement is an `unsafe fn`,
    // which this crate forbids.
    #[expect(
        deprecated,
        reason = "sound here: the AsyncFd owns the only handle to the fd"
    )]
    let fd = AsyncFd::with_interest(fd, Interest::READABLE)?;
    let task = tokio::spawn(run(fd, wanted, inputs));
    Ok(Watch {
        task: task.abort_handle(),
    })
}

/// The task: reads every queued event at each wakeup and sends one [`Changed`] if any was
/// wanted (or if the kernel's queue overflowed, which may have dropped one, or the directory
/// went away). Ends when the receiver is gone, when the directory is, or with a log line when
/// inotify fails.
async fn run(
    fd: AsyncFd<OwnedFd>,
    wanted: impl Fn(ReadFlags, &[u8]) -> bool,
    inputs: mpsc::Sender<Changed>,
) {
    // Room for several events: each is 16 bytes and a name of at most 255.
    let mut buf = [MaybeUninit::<u8>::uninit(); 1024];
    let gone = ReadFlags::DELETE_SELF | ReadFlags::MOVE_SELF | ReadFlags::IGNORED;
    loop {
        let mut ready = match fd.readable().await {
            Ok(ready) => ready,
            Err(e) => {
                tracing::warn!(
                    "file watch stops: {e}; changes are read again after a reload (`stretchd reload`)"
                );
                return;
            }
        };
        let mut changed = false;
        let mut ended = false;
        let mut events = inotify::Reader::new(fd.get_ref(), &mut buf);
        loop {
            match events.next() {
                Ok(event) => {
                    let flags = event.events();
                    ended |= flags.intersects(gone);
                    changed |= flags.intersects(ReadFlags::QUEUE_OVERFLOW | gone)
                        || event
                            .file_name()
                            .is_some_and(|n| wanted(flags, n.to_bytes()));
                }
                Err(rustix::io::Errno::AGAIN) => {
                    ready.clear_ready();
                    break;
                }
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => {
                    tracing::warn!(
                        "file watch stops: {e}; changes are read again after a reload (`stretchd reload`)"
                    );
                    return;
                }
            }
        }
        if inputs.is_closed() {
            return;
        }
        if changed {
            // A full queue already holds a change to act on, so dropping this one is fine.
            let _ = inputs.try_send(Changed);
        }
        if ended {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Whether a change arrives within a second.
    async fn changed(rx: &mut mpsc::Receiver<Changed>) -> bool {
        tokio::time::timeout(Duration::from_secs(1), rx.recv())
            .await
            .is_ok_and(|c| c == Some(Changed))
    }

    #[tokio::test]
    async fn edits_renames_and_removals_of_the_file_are_seen_and_others_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "a").unwrap();
        let (tx, mut rx) = mpsc::channel(1);
        let _watch = watch(&file, tx).unwrap();

        // Reading it, or writing another file, is no change.
        let _ = std::fs::read(&file).unwrap();
        std::fs::write(dir.path().join("other.toml"), "x").unwrap();
        assert!(!changed(&mut rx).await);

        std::fs::write(&file, "b").unwrap();
        assert!(changed(&mut rx).await);
        // A burst is coalesced by the queue of one; drain it.
        while rx.try_recv().is_ok() {}

        // Saved the way editors do: a new file renamed over the old one.
        let tmp = dir.path().join(".config.toml.swp");
        std::fs::write(&tmp, "c").unwrap();
        while rx.try_recv().is_ok() {}
        std::fs::rename(&tmp, &file).unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}

        std::fs::remove_file(&file).unwrap();
        assert!(changed(&mut rx).await);
    }

    #[tokio::test]
    async fn dropping_the_watch_stops_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        let (tx, mut rx) = mpsc::channel(1);
        drop(watch(&file, tx).unwrap());
        tokio::task::yield_now().await;
        std::fs::write(&file, "a").unwrap();
        assert_eq!(rx.recv().await, None, "the task and its sender are gone");
    }

    #[tokio::test]
    async fn a_directory_removed_is_a_change_and_ends_the_watch() {
        let dir = tempfile::tempdir().unwrap();
        let watched = dir.path().join("folder");
        std::fs::create_dir(&watched).unwrap();
        std::fs::write(watched.join("a"), "x").unwrap();
        let (tx, mut rx) = mpsc::channel(1);
        let _watch = watch_dir(&watched, |_, _| false, tx).unwrap();
        std::fs::remove_dir_all(&watched).unwrap();
        assert!(changed(&mut rx).await);
        let ended = tokio::time::timeout(Duration::from_secs(1), rx.recv()).await;
        assert_eq!(ended, Ok(None), "the task and its sender are gone");
    }

    #[tokio::test]
    async fn a_missing_directory_is_an_error() {
        let (tx, _rx) = mpsc::channel(1);
        assert!(watch(Path::new("/nonexistent-stretchd-dir/config.toml"), tx).is_err());
    }
}
