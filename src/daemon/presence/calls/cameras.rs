//! Cameras held open: a process of the user's with a `/dev/video*` file among its open files
//! (`/proc/<pid>/fd`), other than PipeWire's own (what those hold shows in the graph). The walk
//! yields to the loop every few processes, and passes over whatever ends meanwhile.

use std::mem::MaybeUninit;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt as _;
use std::path::Path;

use rustix::fs::{AtFlags, Mode, OFlags, RawDir, open, openat, readlinkat_raw, statat};
use tracing::debug;

use super::{Capture, InCall, name};

/// The processes of PipeWire itself, whose devices show in its graph.
const PIPEWIRE_OWN: &[&str] = &["pipewire", "wireplumber"];
/// How directories are opened.
const DIRECTORY: OFlags = OFlags::RDONLY
    .union(OFlags::DIRECTORY)
    .union(OFlags::CLOEXEC);

/// The first of the user's processes in `proc` (the `/proc` tree) that holds a file under
/// `devices` (`/dev/video`, as a prefix) open, other than this one and PipeWire's: a camera in
/// use, named from its `comm`. A process that ends meanwhile, or whose files cannot be read, is
/// passed over. Yields to the loop every few processes: a long walk holds nothing up. The
/// directories are read into small buffers of its own (glibc's `opendir` takes 32 KiB of heap
/// for each, which a walk through every process would leave behind as resident memory).
pub async fn camera_open(proc: &Path, devices: &Path) -> Option<InCall> {
    let uid = rustix::process::getuid().as_raw();
    let me = rustix::process::getpid().as_raw_nonzero().get();
    let dir = match open(proc, DIRECTORY, Mode::empty()) {
        Ok(dir) => dir,
        Err(e) => {
            debug!("calls: cannot read {}: {e}", proc.display());
            return None;
        }
    };
    let mut listing = [MaybeUninit::<u8>::uninit(); 4096];
    let mut entries = RawDir::new(&dir, &mut listing);
    let mut seen = 0_u32;
    loop {
        let pid = match entries.next() {
            None => return None,
            Some(Err(e)) => {
                debug!("calls: reading {}: {e}", proc.display());
                return None;
            }
            Some(Ok(entry)) => std::str::from_utf8(entry.file_name().to_bytes())
                .ok()
                .and_then(|name| name.parse::<i32>().ok()),
        };
        let Some(pid) = pid.filter(|pid| *pid != me) else {
            continue;
        };
        seen += 1;
        if seen.is_multiple_of(16) {
            tokio::task::yield_now().await;
        }
        let pid = pid.to_string();
        let ours = statat(&dir, pid.as_str(), AtFlags::empty()).is_ok_and(|s| s.st_uid == uid);
        if !ours || !holds(&dir, &pid, devices.as_os_str().as_bytes()) {
            continue;
        }
        let Ok(comm) = std::fs::read_to_string(proc.join(&pid).join("comm")) else {
            debug!("calls: process {pid} ended while it was looked at");
            continue;
        };
        let comm = name(&comm);
        if PIPEWIRE_OWN.contains(&comm.as_str()) {
            continue;
        }
        return Some(InCall {
            capture: Capture::Camera,
            app: if comm.is_empty() {
                format!("process {pid}")
            } else {
                comm
            },
        });
    }
}

/// Whether process `pid` of the `/proc` tree `proc` has a file whose path starts with `prefix`
/// open.
fn holds(proc: &OwnedFd, pid: &str, prefix: &[u8]) -> bool {
    let Ok(fds) = openat(proc, format!("{pid}/fd"), DIRECTORY, Mode::empty()) else {
        return false;
    };
    let mut listing = [MaybeUninit::<u8>::uninit(); 2048];
    let mut entries = RawDir::new(&fds, &mut listing);
    // Longer targets are cut short, which a comparison of their start does not mind.
    let mut target = [0_u8; 256];
    while let Some(Ok(entry)) = entries.next() {
        let fd = entry.file_name();
        if fd.to_bytes().starts_with(b".") {
            continue;
        }
        if readlinkat_raw(&fds, fd, &mut target[..]).is_ok_and(|n| target[..n].starts_with(prefix))
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    fn call(capture: Capture, app: &str) -> InCall {
        InCall {
            capture,
            app: app.to_owned(),
        }
    }

    /// A `/proc`-like tree in `root`: process `pid` named `comm` with the files `fds` open
    /// (symbolic links, as in `/proc/<pid>/fd`).
    fn process(root: &Path, pid: &str, comm: Option<&str>, fds: &[&str]) {
        let dir = root.join(pid);
        std::fs::create_dir_all(dir.join("fd")).unwrap();
        if let Some(comm) = comm {
            std::fs::write(dir.join("comm"), format!("{comm}\n")).unwrap();
        }
        for (n, target) in fds.iter().enumerate() {
            std::os::unix::fs::symlink(target, dir.join("fd").join(n.to_string())).unwrap();
        }
    }

    #[tokio::test]
    async fn a_camera_held_open_is_found_and_named_and_what_went_away_is_passed_over() {
        let root = tempfile::tempdir().unwrap();
        let proc = root.path();
        let cameras = Path::new("/dev/video");
        assert_eq!(camera_open(proc, cameras).await, None);
        process(proc, "self", Some("x"), &["/dev/video0"]);
        process(proc, "10", Some("editor"), &["/dev/null", "/home/me/notes"]);
        process(proc, "11", Some("pipewire"), &["/dev/video0"]);
        // Ended between the listing and the read of its name.
        process(proc, "12", None, &["/dev/video1"]);
        std::fs::create_dir(proc.join("13")).unwrap();
        assert_eq!(camera_open(proc, cameras).await, None);
        process(proc, "14", Some("cheese"), &["/dev/null", "/dev/video2"]);
        assert_eq!(
            camera_open(proc, cameras).await,
            Some(call(Capture::Camera, "cheese"))
        );
        // Not a process tree at all.
        assert_eq!(camera_open(&proc.join("missing"), cameras).await, None);
    }

    #[tokio::test]
    async fn a_real_process_holding_a_device_open_is_found_in_the_real_proc() {
        let dir = tempfile::tempdir().unwrap();
        let device = dir.path().join("video0");
        std::fs::write(&device, "").unwrap();
        let mut child = std::process::Command::new("sh")
            .arg("-c")
            .arg("exec sleep 30 3<\"$0\"")
            .arg(&device)
            .spawn()
            .unwrap();
        let prefix = dir.path().join("video");
        let deadline = Instant::now() + Duration::from_secs(10);
        let found = loop {
            let found = camera_open(Path::new("/proc"), &prefix).await;
            // Named `sh` until it has become `sleep`.
            if found.as_ref().is_some_and(|f| f.app == "sleep") || Instant::now() > deadline {
                break found;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(found, Some(call(Capture::Camera, "sleep")));
    }
}
