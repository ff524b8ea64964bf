//! Reading and writing the files stretchd keeps (config, state, history, pictures, what install
//! writes) without being fooled by what sits at their paths.
//!
//! - [`write`] replaces a file atomically: a reader (or a crash) sees the old file or the new
//!   one, never half of one. The temporary file beside the target is created exclusively and
//!   never through a symlink, so nothing planted at a temporary name is followed or truncated.
//! - [`read`] and [`open_for_read`] / [`open_for_append`] refuse anything but a regular file (a
//!   symlink to one is fine) without blocking: a named pipe, a device, a socket or a directory
//!   is an error that says what it is. [`read`] also stops at a size limit, so a link to
//!   `/dev/zero` or a runaway file cannot eat the memory.
//!
//! Errors from these functions say what is wrong but not where; callers put the path in front.

use std::fs::{self, File};
use std::io::{self, Read as _, Write as _};
use std::os::unix::fs::{DirBuilderExt as _, FileTypeExt as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rustix::fs::{Mode, OFlags};

/// What [`write`] does when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clobber {
    /// Replace it (a rename over it).
    Replace,
    /// Keep it, and write nothing (a hard link, which fails when the target exists, so a file
    /// that appeared meanwhile is not overwritten either).
    Keep,
}

/// How many temporary names [`write`] tries before giving up: each taken name is left alone
/// (never followed, truncated or removed), and the next one is tried.
const TEMP_ATTEMPTS: u32 = 16;

/// Makes `path` hold `bytes` atomically, with permission bits `mode` (less the umask) on a new
/// file: writes a temporary file beside it, syncs it, moves it into place (see [`Clobber`]), then
/// syncs the directory. Returns whether the file was written: `false` only with
/// [`Clobber::Keep`] when `path` exists. The directory must exist. If writing or moving fails,
/// the temporary file is removed and `path` is as it was; a failure to sync the directory after
/// the move is returned as an error too (the new file is in place, but may not survive a crash).
pub fn write(path: &Path, bytes: &[u8], mode: u32, clobber: Clobber) -> io::Result<bool> {
    let (dir, name) = split(path)?;
    let names = (0..TEMP_ATTEMPTS).map(|_| dir.join(temp_name(name)));
    write_via(path, names, bytes, mode, clobber)
}

/// [`write`] with the temporary names to try given, so that tests can plant files at them.
fn write_via(
    path: &Path,
    names: impl IntoIterator<Item = PathBuf>,
    bytes: &[u8],
    mode: u32,
    clobber: Clobber,
) -> io::Result<bool> {
    let (dir, _) = split(path)?;
    let (tmp, mut file) = create_temp(names, mode)?;
    let placed = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| match clobber {
            Clobber::Replace => fs::rename(&tmp, path).map(|()| true),
            Clobber::Keep => match fs::hard_link(&tmp, path) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
                Err(e) => Err(e),
            },
        });
    drop(file);
    // After a rename the name is gone already; after a hard link (or a failure) it is ours.
    if clobber == Clobber::Keep || placed.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    if placed? {
        File::open(dir)?.sync_all()?;
        return Ok(true);
    }
    Ok(false)
}

/// The directory and file name of `path`.
fn split(path: &Path) -> io::Result<(&Path, &std::ffi::OsStr)> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "has no file name"))?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok((dir, name))
}

/// A temporary name for `name` that no other writer uses: `.<name>.<pid>-<count>-<nanos>.tmp`.
fn temp_name(name: &std::ffi::OsStr) -> std::ffi::OsString {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let count = COUNT.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(format!(".{}-{count}-{nanos:08x}.tmp", std::process::id()));
    tmp
}

/// Creates the first of `names` that does not exist yet, exclusively and without following a
/// symlink; a name that is taken is skipped, untouched.
fn create_temp(names: impl IntoIterator<Item = PathBuf>, mode: u32) -> io::Result<(PathBuf, File)> {
    let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let mut taken = 0;
    for tmp in names {
        match rustix::fs::open(&tmp, flags, Mode::from_raw_mode(mode)) {
            Ok(fd) => return Ok((tmp, File::from(fd))),
            Err(e) if e == rustix::io::Errno::EXIST => taken += 1,
            Err(e) => return Err(e.into()),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("all {taken} temporary names beside it are taken (remove the stray .*.tmp files)"),
    ))
}

/// The flags every open for reading or appending gets: opening a named pipe does not wait for
/// a writer, and a terminal does not become the controlling one.
fn open_flags() -> OFlags {
    OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC
}

/// Opens `path` for reading if it is a regular file (or a symlink to one); anything else is an
/// error that says what it is. Never blocks, not even on a named pipe.
pub fn open_for_read(path: &Path) -> io::Result<File> {
    regular(rustix::fs::open(path, OFlags::RDONLY | open_flags(), Mode::empty())?.into())
}

/// Whether a symbolic link at the path [`open_for_append`] opens is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Followed: the user's own files, which may be links the user made.
    Follow,
    /// Refused: a file of stretchd's own in a folder that others write to (the `[sync]` folder,
    /// where a sync engine brings links made on other machines), so that no write ever lands
    /// outside it.
    Refuse,
}

/// Opens `path` for reading and appending, creating it with permission bits `mode` (less the
/// umask) if it does not exist; anything but a regular file is refused as in [`open_for_read`],
/// and so is a symbolic link with [`Links::Refuse`].
pub fn open_for_append(path: &Path, mode: u32, links: Links) -> io::Result<File> {
    let mut flags = OFlags::RDWR | OFlags::APPEND | OFlags::CREATE | open_flags();
    if links == Links::Refuse {
        flags |= OFlags::NOFOLLOW;
    }
    match rustix::fs::open(path, flags, Mode::from_raw_mode(mode)) {
        Ok(fd) => regular(fd.into()),
        Err(e) if e == rustix::io::Errno::LOOP && links == Links::Refuse => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a symbolic link, not a file of stretchd's own (remove it: stretchd writes it afresh)",
        )),
        // Said as `regular` says it of what opens: a directory cannot be opened for writing.
        Err(e) if e == rustix::io::Errno::ISDIR => Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory, not a regular file",
        )),
        Err(e) => Err(e.into()),
    }
}

/// The file, if it is a regular one.
fn regular(file: File) -> io::Result<File> {
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        return Ok(file);
    }
    let error_kind = if kind.is_dir() {
        io::ErrorKind::IsADirectory
    } else {
        io::ErrorKind::InvalidInput
    };
    Err(io::Error::new(
        error_kind,
        format!("is {}, not a regular file", kind_name(kind)),
    ))
}

/// What a file of type `kind` is, for people: "a directory", "a named pipe".
fn kind_name(kind: fs::FileType) -> &'static str {
    if kind.is_file() {
        "a regular file"
    } else if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

/// Reads the whole of `path`, a regular file (or a symlink to one) of at most `limit` bytes.
/// Anything else, or a larger file, is an error that says so; a missing file is
/// [`io::ErrorKind::NotFound`] as usual. Never blocks on a named pipe and never reads more than
/// `limit + 1` bytes.
pub fn read(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_for_read(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("is larger than the {} limit", size(limit)),
        ));
    }
    Ok(bytes)
}

/// [`read`] as UTF-8 text.
pub fn read_to_string(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read(path, limit)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "is not valid UTF-8 text"))
}

/// "1 MiB", "64 KiB", "300 bytes".
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// Creates `dir` with mode 0700 if it does not exist (the state directory: history, state,
/// pictures); its missing parents get the default mode, as `mkdir -p` gives them. Something
/// else at `dir` (a file, a named pipe, a symbolic link to nothing) is an error that says what.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    match fs::DirBuilder::new().mode(0o700).create(dir) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => match in_the_way(dir) {
            Some(what) => Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("is {what}, not a directory"),
            )),
            None if dir.is_dir() => Ok(()),
            None => Err(e),
        },
        other => other,
    }
}

/// What is at `path` where a directory should be, for people ("a named pipe", "a symbolic
/// link to nothing"); `None` for a directory (or a link to one), or nothing at all.
pub fn in_the_way(path: &Path) -> Option<&'static str> {
    match (fs::metadata(path), fs::symlink_metadata(path)) {
        (Ok(m), _) if m.is_dir() => None,
        (Ok(m), _) => Some(kind_name(m.file_type())),
        (Err(_), Ok(m)) if m.is_symlink() => Some("a symbolic link to nothing"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::{PermissionsExt as _, symlink};
    use std::process::Command;

    use super::*;

    fn mkfifo(path: &Path) {
        let status = Command::new("mkfifo").arg(path).status().unwrap();
        assert!(status.success());
    }

    #[test]
    fn write_replaces_or_keeps_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        assert!(write(&path, b"one", 0o600, Clobber::Replace).unwrap());
        assert!(write(&path, b"two", 0o600, Clobber::Replace).unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o077, 0);
        assert!(!write(&path, b"three", 0o600, Clobber::Keep).unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let fresh = dir.path().join("config.toml");
        assert!(write(&fresh, b"new", 0o644, Clobber::Keep).unwrap());
        assert_eq!(fs::read(&fresh).unwrap(), b"new");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_symlink_at_the_temporary_name_is_neither_followed_nor_removed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, b"precious").unwrap();
        let planted = dir.path().join("planted.tmp");
        symlink(&victim, &planted).unwrap();
        let dangling = dir.path().join("dangling.tmp");
        symlink(dir.path().join("nowhere"), &dangling).unwrap();
        let path = dir.path().join("state.json");
        for clobber in [Clobber::Replace, Clobber::Keep] {
            let _ = fs::remove_file(&path);
            let names = [planted.clone(), dangling.clone(), dir.path().join("ok.tmp")];
            assert!(write_via(&path, names, b"new", 0o600, clobber).unwrap());
            assert_eq!(fs::read(&path).unwrap(), b"new");
            assert_eq!(fs::read(&victim).unwrap(), b"precious");
            assert!(planted.symlink_metadata().unwrap().is_symlink());
            assert!(!dir.path().join("nowhere").exists());
        }
        // Every name taken: an error, and still nothing followed.
        let err = write_via(&path, [planted.clone()], b"x", 0o600, Clobber::Replace).unwrap_err();
        assert!(err.to_string().contains("temporary names"), "{err}");
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_failed_write_removes_its_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A directory in the way: the rename fails.
        let path = dir.path().join("in-the-way");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("child"), b"x").unwrap();
        assert!(write(&path, b"new", 0o600, Clobber::Replace).is_err());
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_private_dir_is_made_or_found_and_anything_else_there_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("a/b");
        create_private_dir(&fresh).unwrap();
        assert_eq!(
            fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
            0o700
        );
        create_private_dir(&fresh).unwrap();
        let linked = dir.path().join("linked");
        symlink(&fresh, &linked).unwrap();
        create_private_dir(&linked).unwrap();
        let fifo = dir.path().join("fifo");
        mkfifo(&fifo);
        let file = dir.path().join("file");
        fs::write(&file, b"").unwrap();
        let dangling = dir.path().join("dangling");
        symlink(dir.path().join("nowhere"), &dangling).unwrap();
        let cases = [
            (&fifo, "is a named pipe, not a directory"),
            (&file, "is a regular file, not a directory"),
            (&dangling, "is a symbolic link to nothing, not a directory"),
        ];
        for (path, message) in cases {
            let err = create_private_dir(path).unwrap_err();
            assert_eq!(err.to_string(), message, "{}", path.display());
        }
    }

    #[test]
    fn read_refuses_what_is_not_a_regular_file_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        mkfifo(&fifo);
        let zero = dir.path().join("zero");
        symlink("/dev/zero", &zero).unwrap();
        let cases = [
            (fifo.as_path(), "is a named pipe, not a regular file"),
            (dir.path(), "is a directory, not a regular file"),
            (zero.as_path(), "is a character device, not a regular file"),
        ];
        for (path, message) in cases {
            let err = read(path, 1024).unwrap_err();
            assert_eq!(err.to_string(), message, "{}", path.display());
            // Said alike when opened to append (a directory fails to open at all: EISDIR).
            let err = open_for_append(path, 0o600, Links::Follow).unwrap_err();
            assert_eq!(err.to_string(), message, "{}", path.display());
            assert!(open_for_append(path, 0o600, Links::Refuse).is_err());
        }
        // A symlink to a regular file is fine.
        let file = dir.path().join("file");
        fs::write(&file, b"12345").unwrap();
        let link = dir.path().join("link");
        symlink(&file, &link).unwrap();
        assert_eq!(read(&link, 5).unwrap(), b"12345");
        assert!(open_for_append(&link, 0o600, Links::Follow).is_ok());
        // Unless links are refused: then neither it nor a dangling one is followed (nor made).
        let dangling = dir.path().join("dangling");
        symlink(dir.path().join("nowhere"), &dangling).unwrap();
        for path in [&link, &dangling] {
            let err = open_for_append(path, 0o600, Links::Refuse).unwrap_err();
            assert!(err.to_string().starts_with("is a symbolic link"), "{err}");
        }
        assert_eq!(fs::read(&file).unwrap(), b"12345");
        assert!(!dir.path().join("nowhere").exists());
        let err = read(&link, 4).unwrap_err();
        assert_eq!(err.to_string(), "is larger than the 4 bytes limit");
        assert_eq!(
            read(&dir.path().join("missing"), 4).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        assert_eq!(size(1 << 20), "1 MiB");
        assert_eq!(size(64 << 10), "64 KiB");
    }
}
