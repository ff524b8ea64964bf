//! Which machine this is: an id made once and kept in the state directory (`machine-id`, 32
//! hexadecimal digits from the kernel's random source), and the hostname, for people.

use std::fmt::Write as _;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use crate::store::files::{self, Clobber};

/// The file holding the id, in the state directory.
pub const FILE_NAME: &str = "machine-id";

/// How many hexadecimal digits an id has (128 bits).
pub const ID_LEN: usize = 32;

/// Whether `id` is a machine id: [`ID_LEN`] lowercase hexadecimal digits.
pub fn is_id(id: &str) -> bool {
    id.len() == ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The first eight digits of an id, to name a machine briefly.
pub fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

/// This machine's id as kept in `state_dir`, if there is a valid one; nothing is created.
pub fn load(state_dir: &Path) -> Option<String> {
    let text = files::read_to_string(&state_dir.join(FILE_NAME), 256).ok()?;
    let id = text.trim();
    is_id(id).then(|| id.to_owned())
}

/// This machine's id, made and kept in `state_dir` (created with mode 0700 if need be) the
/// first time. A file there that holds no valid id is moved aside to `machine-id.corrupt`, with
/// a warning, and a new id made: the other machines then see this one as a new machine. Two
/// processes making it at once agree on one (the second keeps the first's file).
pub fn load_or_create(state_dir: &Path) -> io::Result<String> {
    let path = state_dir.join(FILE_NAME);
    if let Some(id) = load(state_dir) {
        return Ok(id);
    }
    if path.symlink_metadata().is_ok() {
        let aside = corrupt_path(&path);
        std::fs::rename(&path, &aside)?;
        tracing::warn!(
            "{}: not a machine id; moved it to {} and made a new one (the other machines see this one as a new machine)",
            path.display(),
            aside.display()
        );
    }
    files::create_private_dir(state_dir)?;
    let id = random_id()?;
    if !files::write(&path, format!("{id}\n").as_bytes(), 0o600, Clobber::Keep)? {
        // Another process made one meanwhile: that one is the id.
        return load(state_dir).ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidData, "holds no valid machine id")
        });
    }
    Ok(id)
}

fn corrupt_path(path: &Path) -> PathBuf {
    path.with_file_name(format!("{FILE_NAME}.corrupt"))
}

/// 128 random bits from `/dev/urandom`, as [`ID_LEN`] hexadecimal digits.
fn random_id() -> io::Result<String> {
    let mut bytes = [0u8; ID_LEN / 2];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    let mut id = String::with_capacity(ID_LEN);
    for b in bytes {
        let _ = write!(id, "{b:02x}");
    }
    Ok(id)
}

/// The most characters of a hostname kept (a real one has at most 64).
pub const MAX_HOSTNAME: usize = 64;

/// This machine's hostname (the kernel's), or `"unknown"`.
pub fn hostname() -> String {
    files::read_to_string(Path::new("/proc/sys/kernel/hostname"), 256)
        .ok()
        .map(|h| tidy_hostname(&h))
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// A hostname as written by another machine, made fit to show: [`super::tidy`], at most
/// [`MAX_HOSTNAME`] characters.
pub fn tidy_hostname(name: &str) -> String {
    super::tidy(name, MAX_HOSTNAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let state = dir.path().join("state/stretchd");
        assert_eq!(load(&state), None);
        let id = load_or_create(&state).unwrap();
        assert!(is_id(&id), "{id}");
        assert_eq!(load_or_create(&state).unwrap(), id);
        assert_eq!(load(&state), Some(id.clone()));
        let other = tempfile::tempdir().unwrap();
        assert_ne!(load_or_create(other.path()).unwrap(), id);
    }

    #[test]
    fn a_garbled_id_is_moved_aside_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "not-an-id\n").unwrap();
        let id = load_or_create(dir.path()).unwrap();
        assert!(is_id(&id));
        let aside = std::fs::read_to_string(dir.path().join("machine-id.corrupt")).unwrap();
        assert_eq!(aside, "not-an-id\n");
    }

    #[test]
    fn ids_and_hostnames() {
        assert!(is_id("0123456789abcdef0123456789abcdef"));
        assert!(!is_id("0123456789ABCDEF0123456789abcdef"));
        assert!(!is_id("0123456789abcdef"));
        assert_eq!(short("0123456789abcdef0123456789abcdef"), "01234567");
        assert_eq!(tidy_hostname("  desk\u{1b}[31m\n"), "desk[31m");
        assert_eq!(tidy_hostname(&"h".repeat(300)).len(), MAX_HOSTNAME);
        assert!(!hostname().is_empty());
    }
}
