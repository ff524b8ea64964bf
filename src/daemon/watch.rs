//! Watches a directory with inotify, so that an edit of the config, or a file another machine
//! wrote to the `[sync]` folder, takes effect without a restart or a poll.
//!
//! For the config the parent directory is watched, not the file: editors often save by writing
//! a new file and renaming it over the old one (or by deleting and re-creating it), which
//! replaces the inode a file watch would follow. Events for other names in the directory are
//! ignored. The daemon coalesces a burst of events into one reload (or one merge). While that
//! directory does not exist (not made yet, or moved away for a while), its nearest existing
//! ancestor is watched for it to appear, and then it is watched again.
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

/// Starts watching `file`; every change to it sends [`Changed`]. Its directory need not
/// exist: until it does, the nearest ancestor that does is watched for it, and its appearing
/// (made, or moved back) is a change too; so is its going away. Must be called inside the
/// tokio runtime.
///
/// A `file` that is a symlink, or in a directory that is one (a dotfiles repository, GNU
/// Stow), is watched where it points too, since an edit there changes nothing in `file`'s
/// directory; when the link is pointed elsewhere, the watch moves with it.
pub fn watch(file: &Path, inputs: mpsc::Sender<Changed>) -> std::io::Result<Watch> {
    let (tx, mut rx) = mpsc::channel(1);
    let own = follow(file, tx.clone())?;
    // A directory that is a link (a Stow package folded into one link) is pointed elsewhere in
    // the directory above; that one is watched for new names only, as it may be busy.
    let relink = file
        .parent()
        .filter(|d| d.is_symlink())
        .and_then(|d| arrivals(d, tx.clone()).ok());
    let file = file.to_path_buf();
    // The directory watch of `own` stays on where a directory link pointed at the start, so
    // once it is a link, the file as it resolves is always watched apart.
    let mut target = Target {
        always: relink.is_some(),
        ..Target::default()
    };
    target.aim(&file, &tx);
    let task = tokio::spawn(async move {
        let _watches = (own, relink);
        while rx.recv().await.is_some() {
            // The link may point elsewhere now.
            target.aim(&file, &tx);
            if inputs.is_closed() {
                return;
            }
            let _ = inputs.try_send(Changed);
        }
    });
    Ok(Watch {
        task: task.abort_handle(),
    })
}

/// Where a watched symlink points, and the watch there.
#[derive(Default)]
struct Target {
    aimed: Option<std::path::PathBuf>,
    watch: Option<Watch>,
    /// Whether the resolved path is watched even when it is `file` as named.
    always: bool,
}

/// How many links [`resolve`] follows, as the kernel's limit (`ELOOP`).
const MAX_LINKS: usize = 40;

/// Where `file` leads: its chain of links followed (at most [`MAX_LINKS`]) to a path that is
/// not a link, which need not exist (a dangling link, a directory not made yet), in its
/// directory's real place where that exists.
fn resolve(file: &Path) -> std::path::PathBuf {
    let mut path = file.to_path_buf();
    for _ in 0..MAX_LINKS {
        let Ok(to) = std::fs::read_link(&path) else {
            break;
        };
        path = path.parent().map_or_else(|| to.clone(), |up| up.join(&to));
    }
    match (path.parent().map(std::fs::canonicalize), path.file_name()) {
        (Some(Ok(dir)), Some(name)) => dir.join(name),
        _ => path,
    }
}

impl Target {
    /// Watches what `file` resolves to, if that is another path (or [`Target::always`]); a
    /// watch of where it pointed before ends. Where the link leads need not exist yet: it is
    /// watched for coming into being, as `file` is. A target that cannot be watched is said
    /// once, not at every change.
    fn aim(&mut self, file: &Path, tx: &mpsc::Sender<Changed>) {
        let resolved = Some(resolve(file)).filter(|t| self.always || t.as_path() != file);
        if self.aimed == resolved {
            return;
        }
        self.watch = resolved.as_deref().and_then(|t| {
            follow(t, tx.clone())
                .inspect_err(|e| {
                    tracing::warn!(
                        "not watching {} (where {} points) for changes: {e}; use `stretchd reload` after editing",
                        t.display(),
                        file.display()
                    );
                })
                .ok()
        });
        self.aimed = resolved;
    }
}

/// Watches the directory of `path` for `path`'s name coming into being (made, moved or
/// linked there anew), for as long as the watch lasts.
fn arrivals(path: &Path, inputs: mpsc::Sender<Changed>) -> std::io::Result<Watch> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(std::io::ErrorKind::InvalidInput.into());
    };
    let Step { fd, wanted, .. } = arriving(dir, OsString::from(name))?;
    Ok(spawn(fd, wanted, inputs))
}

/// [`watch`] of `file` as named, without following a symlink.
fn follow(file: &Path, inputs: mpsc::Sender<Changed>) -> std::io::Result<Watch> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = file.file_name().map(OsString::from);
    // Fails at once if inotify cannot be had at all, rather than in the task.
    let first = follow_step(&dir, name.as_deref())?;
    let task = tokio::spawn(async move {
        let mut step = first;
        loop {
            let Step {
                fd,
                wanted,
                arrival,
            } = step;
            if run(fd, wanted, arrival, inputs.clone()).await != End::Moved || inputs.is_closed() {
                return;
            }
            step = match follow_step(&dir, name.as_deref()) {
                Ok(step) => step,
                Err(e) => {
                    tracing::warn!(
                        "file watch of {} stops: {e}; changes are read again after a reload (`stretchd reload`)",
                        dir.display()
                    );
                    return;
                }
            };
            // Whatever happened between the end of one watch and the start of the next
            // (the directory moved back, a file saved in it) is looked at once.
            let _ = inputs.try_send(Changed);
        }
    });
    Ok(Watch {
        task: task.abort_handle(),
    })
}

/// Whether an event's flags and name are wanted.
type Wanted = Box<dyn Fn(ReadFlags, &[u8]) -> bool + Send>;

/// One stretch of [`watch`], as [`follow_step`] makes it.
struct Step {
    fd: AsyncFd<OwnedFd>,
    wanted: Wanted,
    /// Whether a wanted event ends the stretch (an ancestor is watched for a directory).
    arrival: bool,
}

/// One stretch of [`watch`]: an inotify descriptor on `dir` with `name` as the wanted file if
/// `dir` is a directory, or else on its nearest existing ancestor with the next component
/// down towards `dir` as the wanted name (any event for it, usually its creation).
fn follow_step(dir: &Path, name: Option<&std::ffi::OsStr>) -> std::io::Result<Step> {
    let mut below = dir;
    let mut next = None;
    // A relative path stops at its first component (which, missing, fails to be watched).
    while !below.is_dir() {
        match (below.parent(), below.file_name()) {
            (Some(up), Some(component)) if !up.as_os_str().is_empty() => {
                next = Some(OsString::from(component));
                below = up;
            }
            _ => break,
        }
    }
    let step = match next {
        None => {
            let name = name.map(OsString::from);
            let ours = move |_: ReadFlags, n: &[u8]| Some(n) == name.as_ref().map(|n| n.as_bytes());
            Step {
                fd: open(below, CHANGES)?,
                wanted: Box::new(ours),
                arrival: false,
            }
        }
        Some(next) => arriving(below, next)?,
    };
    Ok(step)
}

/// A stretch that watches `dir` for `name` coming into being (made, moved or linked there),
/// and ends when it does. Only names coming into being: `dir` may be busy (`~/.config`).
fn arriving(dir: &Path, name: OsString) -> std::io::Result<Step> {
    Ok(Step {
        fd: open(dir, WatchFlags::CREATE | WatchFlags::MOVED_TO)?,
        wanted: Box::new(move |_: ReadFlags, n: &[u8]| n == name.as_bytes()),
        arrival: true,
    })
}

/// Starts watching the directory `dir` (which must exist): a change to a file in it whose
/// event and name `wanted` accepts sends [`Changed`], and so does the directory itself going
/// away (removed or moved: the watch ends then). Must be called inside the tokio runtime.
pub fn watch_dir(
    dir: &Path,
    wanted: impl Fn(ReadFlags, &[u8]) -> bool + Send + 'static,
    inputs: mpsc::Sender<Changed>,
) -> std::io::Result<Watch> {
    Ok(spawn(open(dir, CHANGES)?, wanted, inputs))
}

/// Runs the watch of `fd` as a task until the directory goes away (no arrival ends it).
fn spawn(
    fd: AsyncFd<OwnedFd>,
    wanted: impl Fn(ReadFlags, &[u8]) -> bool + Send + 'static,
    inputs: mpsc::Sender<Changed>,
) -> Watch {
    let task = tokio::spawn(async move {
        run(fd, wanted, false, inputs).await;
    });
    Watch {
        task: task.abort_handle(),
    }
}

/// An inotify descriptor watching `dir` for `flags`, and for the directory itself going away.
fn open(dir: &Path, flags: WatchFlags) -> std::io::Result<AsyncFd<OwnedFd>> {
    let fd = inotify::init(CreateFlags::CLOEXEC | CreateFlags::NONBLOCK)?;
    inotify::add_watch(
        &fd,
        dir,
        flags | WatchFlags::DELETE_SELF | WatchFlags::MOVE_SELF,
    )?;
    // As in presence/clock.rs: the AsyncFd owns the OwnedFd and nothing else closes it, which is
    // the I/O-safety condition the deprecation warns about; the replacement is an `unsafe fn`,
    // which this crate forbids.
    #[expect(
        deprecated,
        reason = "sound here: the AsyncFd owns the only handle to the fd"
    )]
    let fd = AsyncFd::with_interest(fd, Interest::READABLE)?;
    Ok(fd)
}

/// Why [`run`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// The receiver is gone.
    Closed,
    /// inotify failed (logged).
    Failed,
    /// The watched directory went away, or (watching an ancestor) the name waited for came.
    Moved,
}

/// The task: reads every queued event at each wakeup and sends one [`Changed`] if any was
/// wanted (or if the kernel's queue overflowed, which may have dropped one, or the directory
/// went away). Ends when the receiver is gone, when the directory is, when `wanted` takes an
/// event and `arrival` is set ([`watch`] watching an ancestor for a directory to come), or with
/// a log line when inotify fails.
async fn run(
    fd: AsyncFd<OwnedFd>,
    wanted: impl Fn(ReadFlags, &[u8]) -> bool,
    arrival: bool,
    inputs: mpsc::Sender<Changed>,
) -> End {
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
                return End::Failed;
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
                    return End::Failed;
                }
            }
        }
        if inputs.is_closed() {
            return End::Closed;
        }
        if changed {
            // A full queue already holds a change to act on, so dropping this one is fine.
            let _ = inputs.try_send(Changed);
        }
        if ended || (arrival && changed) {
            return End::Moved;
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
    async fn a_symlinked_file_is_watched_where_it_points_and_follows_a_new_target() {
        let dir = tempfile::tempdir().unwrap();
        let (repo, other, config) = (
            dir.path().join("dotfiles"),
            dir.path().join("dotfiles2"),
            dir.path().join("config"),
        );
        for d in [&repo, &other, &config] {
            std::fs::create_dir(d).unwrap();
        }
        std::fs::write(repo.join("config.toml"), "a").unwrap();
        std::fs::write(other.join("config.toml"), "b").unwrap();
        let file = config.join("config.toml");
        std::os::unix::fs::symlink(repo.join("config.toml"), &file).unwrap();
        let (tx, mut rx) = mpsc::channel(1);
        let _watch = watch(&file, tx).unwrap();

        // Edited through the link (in place, as most editors write a link's target) or in the
        // repository: only the target's directory sees it.
        std::fs::write(repo.join("config.toml"), "a2").unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}

        // Pointed elsewhere (`ln -sfn`, a re-stow): a change, and the watch moves.
        let tmp = config.join(".config.toml.new");
        std::os::unix::fs::symlink(other.join("config.toml"), &tmp).unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}
        std::fs::write(repo.join("config.toml"), "a3").unwrap();
        assert!(
            !changed(&mut rx).await,
            "the old target is no longer the config"
        );
        std::fs::write(other.join("config.toml"), "b2").unwrap();
        assert!(changed(&mut rx).await);
    }

    #[tokio::test]
    async fn a_config_directory_that_is_a_link_is_followed_when_it_is_pointed_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let (first, second) = (dir.path().join("pkg1"), dir.path().join("pkg2"));
        for d in [&first, &second] {
            std::fs::create_dir(d).unwrap();
            std::fs::write(d.join("config.toml"), "a").unwrap();
        }
        let config = dir.path().join("stretchd");
        std::os::unix::fs::symlink(&first, &config).unwrap();
        let (tx, mut rx) = mpsc::channel(1);
        let _watch = watch(&config.join("config.toml"), tx).unwrap();

        std::fs::write(first.join("config.toml"), "b").unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}

        // Re-stowed: the directory link pointed at another package.
        let tmp = dir.path().join(".stretchd.new");
        std::os::unix::fs::symlink(&second, &tmp).unwrap();
        std::fs::rename(&tmp, &config).unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}
        std::fs::write(second.join("config.toml"), "c").unwrap();
        assert!(changed(&mut rx).await);
        // Another name arriving beside the link is no change.
        while rx.try_recv().is_ok() {}
        std::fs::create_dir(dir.path().join("other-app")).unwrap();
        assert!(!changed(&mut rx).await);
    }

    #[tokio::test]
    async fn a_config_directory_link_repointed_at_a_new_package_or_replaced_by_a_directory_is_followed()
     {
        let dir = tempfile::tempdir().unwrap();
        let (first, second) = (dir.path().join("pkg1"), dir.path().join("pkg2"));
        for d in [&first, &second] {
            std::fs::create_dir(d).unwrap();
        }
        std::fs::write(first.join("config.toml"), "a").unwrap();
        let config = dir.path().join("stretchd");
        std::os::unix::fs::symlink(&first, &config).unwrap();
        let (tx, mut rx) = mpsc::channel(1);
        let _watch = watch(&config.join("config.toml"), tx).unwrap();

        // Pointed at a package that has no config yet: its making is the change.
        let tmp = dir.path().join(".stretchd.new");
        std::os::unix::fs::symlink(&second, &tmp).unwrap();
        std::fs::rename(&tmp, &config).unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}
        std::fs::write(second.join("config.toml"), "b").unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}

        // Unstowed into a real directory.
        std::fs::remove_file(&config).unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("config.toml"), "c").unwrap();
        std::fs::rename(&real, &config).unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}
        std::fs::write(config.join("config.toml"), "d").unwrap();
        assert!(changed(&mut rx).await);
    }

    #[tokio::test]
    async fn a_link_whose_target_directory_goes_and_comes_back_is_watched_there_again() {
        let dir = tempfile::tempdir().unwrap();
        let (repo, config) = (dir.path().join("dotfiles"), dir.path().join("config"));
        for d in [&repo, &config] {
            std::fs::create_dir(d).unwrap();
        }
        std::fs::write(repo.join("config.toml"), "a").unwrap();
        let file = config.join("config.toml");
        // Relative, as Stow makes them.
        std::os::unix::fs::symlink("../dotfiles/config.toml", &file).unwrap();
        let (tx, mut rx) = mpsc::channel(1);
        let _watch = watch(&file, tx).unwrap();

        // The repository cloned afresh: removed, then made again.
        std::fs::remove_dir_all(&repo).unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}
        assert!(!changed(&mut rx).await, "a dangling link is quiet");
        std::fs::create_dir(&repo).unwrap();
        std::fs::write(repo.join("config.toml"), "b").unwrap();
        assert!(changed(&mut rx).await);
        while rx.try_recv().is_ok() {}
        std::fs::write(repo.join("config.toml"), "c").unwrap();
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

    /// Drains what is queued, then whether a change arrives within a second.
    async fn changed_afresh(rx: &mut mpsc::Receiver<Changed>) -> bool {
        while rx.try_recv().is_ok() {}
        changed(rx).await
    }

    #[tokio::test]
    async fn a_directory_moved_away_and_back_is_watched_again() {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("stretchd");
        let away = home.path().join("stretchd.away");
        std::fs::create_dir(&dir).unwrap();
        let file = dir.join("config.toml");
        std::fs::write(&file, "a").unwrap();
        let (tx, mut rx) = mpsc::channel(1);
        let _watch = watch(&file, tx).unwrap();

        std::fs::rename(&dir, &away).unwrap();
        assert!(
            changed(&mut rx).await,
            "moving the directory away is a change"
        );
        // Edits where it went are no change to the watched path. (The tests run on one thread:
        // when a change is received, the watch has already moved on to its next stretch.)
        std::fs::write(away.join("config.toml"), "b").unwrap();
        assert!(!changed_afresh(&mut rx).await);

        std::fs::rename(&away, &dir).unwrap();
        assert!(changed(&mut rx).await, "moving it back is a change");
        std::fs::write(&file, "c").unwrap();
        assert!(
            changed_afresh(&mut rx).await,
            "an edit after it is back is seen"
        );
    }

    #[tokio::test]
    async fn a_directory_made_after_the_start_is_watched_once_it_is() {
        let home = tempfile::tempdir().unwrap();
        let file = home.path().join("config/stretchd/config.toml");
        let (tx, mut rx) = mpsc::channel(1);
        let _watch = watch(&file, tx).unwrap();
        // Another name in the ancestor is no change.
        std::fs::write(home.path().join("other"), "x").unwrap();
        assert!(!changed(&mut rx).await);

        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "a").unwrap();
        assert!(changed_afresh(&mut rx).await, "the file made there is seen");
        std::fs::write(&file, "b").unwrap();
        assert!(changed_afresh(&mut rx).await, "and so is its next edit");
    }
}
