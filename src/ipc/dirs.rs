//! The directories on the way to the control socket, which must be the user's alone.

use std::fs;
use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _};
use std::path::{Path, PathBuf};

/// Why a directory on the way to the control socket ([`crate::store::paths::private_dirs`]) cannot be
/// trusted: someone else could put their own socket there, or make the daemon bind in their
/// directory.
#[derive(Debug, thiserror::Error)]
pub enum UnsafeDir {
    /// It does not exist (the CLI does not create it).
    #[error("{} does not exist", .0.display())]
    Missing(PathBuf),
    /// It is a symbolic link.
    #[error(
        "{} is a symbolic link (to {}), not a directory: someone may be redirecting stretchd's socket; remove it or set XDG_RUNTIME_DIR",
        path.display(),
        target.display()
    )]
    Symlink {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// It is a file, socket or device, not a directory.
    #[error("{} is not a directory; remove it or set XDG_RUNTIME_DIR", .0.display())]
    NotDir(PathBuf),
    /// Another user owns it.
    #[error(
        "{} is owned by uid {owner}, not you (uid {own}): someone else created it; remove it or set XDG_RUNTIME_DIR",
        path.display()
    )]
    Owner {
        /// The directory.
        path: PathBuf,
        /// Its owner.
        owner: u32,
        /// This process's uid.
        own: u32,
    },
    /// Others may enter or change it.
    #[error(
        "{} has mode {mode:04o}, but it must be 0700 (yours alone): run `chmod 700 {}`",
        path.display(),
        path.display()
    )]
    Mode {
        /// The directory.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// It could not be created or examined.
    #[error("cannot {what} {}: {cause}", path.display())]
    Io {
        /// "create", "check".
        what: &'static str,
        /// The directory.
        path: PathBuf,
        /// What failed.
        cause: std::io::Error,
    },
}

/// Makes sure the directories of the socket at `socket` ([`crate::store::paths::private_dirs`]) are
/// this user's alone: each a real directory (not a symbolic link, which is not followed), owned
/// by this uid, with mode 0700. With `create` (the daemon, before it binds) the missing ones are
/// made with mode 0700 first, and whatever holds them; otherwise (the CLI, before it connects) a
/// missing one is [`UnsafeDir::Missing`]. Nothing is ever changed on a directory that exists.
pub fn check_private_dirs(socket: &Path, create: bool) -> Result<(), UnsafeDir> {
    let dirs = crate::store::paths::private_dirs(socket);
    let own = crate::store::paths::own_uid().map_err(|cause| UnsafeDir::Io {
        what: "read your uid from",
        path: PathBuf::from("/proc/self"),
        cause,
    })?;
    if create && let Some(above) = dirs.first().and_then(|d| d.parent()) {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(above)
            .map_err(|cause| UnsafeDir::Io {
                what: "create",
                path: above.to_path_buf(),
                cause,
            })?;
    }
    for dir in &dirs {
        if create {
            // mkdir(2) never follows a symbolic link: one in the way is an error here and
            // reported by the check below.
            match fs::DirBuilder::new().mode(0o700).create(dir) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(cause) => {
                    return Err(UnsafeDir::Io {
                        what: "create",
                        path: dir.clone(),
                        cause,
                    });
                }
            }
        }
        check_private_dir(dir, own)?;
    }
    Ok(())
}

/// One directory of [`check_private_dirs`], examined with lstat(2).
fn check_private_dir(dir: &Path, own: u32) -> Result<(), UnsafeDir> {
    let meta = match fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(UnsafeDir::Missing(dir.to_path_buf()));
        }
        Err(cause) => {
            return Err(UnsafeDir::Io {
                what: "check",
                path: dir.to_path_buf(),
                cause,
            });
        }
    };
    let path = dir.to_path_buf();
    if meta.file_type().is_symlink() {
        let target = fs::read_link(dir).unwrap_or_else(|_| PathBuf::from("?"));
        return Err(UnsafeDir::Symlink { path, target });
    }
    if !meta.is_dir() {
        return Err(UnsafeDir::NotDir(path));
    }
    if meta.uid() != own {
        return Err(UnsafeDir::Owner {
            path,
            owner: meta.uid(),
            own,
        });
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o777 != 0o700 {
        return Err(UnsafeDir::Mode { path, mode });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt as _;

    use super::*;

    /// A socket path in a fresh temporary directory, and the directory that must be private.
    fn socket_in(tmp: &tempfile::TempDir) -> (PathBuf, PathBuf) {
        let socket = tmp.path().join("runtime/stretchd/control.sock");
        let dir = socket.parent().unwrap().to_path_buf();
        (socket, dir)
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().mode() & 0o7777
    }

    #[test]
    fn a_missing_socket_dir_is_created_0700_by_the_daemon_and_accepted() {
        let tmp = tempfile::tempdir().unwrap();
        let (socket, dir) = socket_in(&tmp);
        assert!(matches!(
            check_private_dirs(&socket, false),
            Err(UnsafeDir::Missing(d)) if d == dir
        ));
        assert!(!dir.exists(), "the CLI created {}", dir.display());
        check_private_dirs(&socket, true).unwrap();
        assert_eq!(mode(&dir), 0o700);
        check_private_dirs(&socket, false).unwrap();
        check_private_dirs(&socket, true).unwrap();
    }

    #[test]
    fn a_symlinked_socket_dir_is_refused_and_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let (socket, dir) = socket_in(&tmp);
        let theirs = tmp.path().join("theirs");
        fs::create_dir(&theirs).unwrap();
        fs::set_permissions(&theirs, fs::Permissions::from_mode(0o755)).unwrap();
        fs::create_dir(dir.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&theirs, &dir).unwrap();
        for create in [true, false] {
            let e = check_private_dirs(&socket, create).unwrap_err();
            assert!(matches!(e, UnsafeDir::Symlink { .. }), "{e:?}");
            let message = e.to_string();
            assert!(
                message.contains(&format!("{} is a symbolic link", dir.display()))
                    && message.contains("remove it"),
                "{message}"
            );
        }
        assert_eq!(mode(&theirs), 0o755, "the link's target was changed");
        assert_eq!(fs::read_dir(&theirs).unwrap().count(), 0);
    }

    #[test]
    fn a_socket_dir_others_may_enter_is_refused_not_repaired() {
        let tmp = tempfile::tempdir().unwrap();
        let (socket, dir) = socket_in(&tmp);
        fs::create_dir_all(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        for create in [true, false] {
            let e = check_private_dirs(&socket, create).unwrap_err();
            assert!(matches!(e, UnsafeDir::Mode { mode: 0o755, .. }), "{e:?}");
            let message = e.to_string();
            assert!(
                message.contains("has mode 0755, but it must be 0700")
                    && message.contains(&format!("`chmod 700 {}`", dir.display())),
                "{message}"
            );
        }
        assert_eq!(mode(&dir), 0o755);
        let file = tmp.path().join("file/stretchd");
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, "").unwrap();
        let e = check_private_dirs(&file.join("control.sock"), true).unwrap_err();
        assert!(matches!(e, UnsafeDir::NotDir(_)), "{e:?}");
    }

    #[test]
    fn a_socket_dir_of_another_uid_is_refused() {
        let own = crate::store::paths::own_uid().unwrap();
        if own != 0 {
            eprintln!("NOTE: skipped: giving a directory to another uid needs root");
            return;
        }
        let tmp = tempfile::tempdir().unwrap();
        let (socket, dir) = socket_in(&tmp);
        fs::create_dir_all(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
        std::os::unix::fs::chown(&dir, Some(12345), Some(12345)).unwrap();
        for create in [true, false] {
            let e = check_private_dirs(&socket, create).unwrap_err();
            assert!(
                matches!(
                    e,
                    UnsafeDir::Owner {
                        owner: 12345,
                        own: 0,
                        ..
                    }
                ),
                "{e:?}"
            );
            let message = e.to_string();
            assert!(
                message.contains(&format!(
                    "{} is owned by uid 12345, not you (uid 0): someone else created it",
                    dir.display()
                )),
                "{message}"
            );
        }
    }
}
