//! Where stretchd keeps its files, following the XDG base directory spec.
//!
//! Only the environment is read here; nothing is created or checked (the control socket's
//! directories are checked by [`crate::ipc::check_private_dirs`]).

use std::env;
use std::path::{Path, PathBuf};

/// `$XDG_CONFIG_HOME`, falling back to `~/.config`.
pub fn config_home() -> PathBuf {
    base_dir("XDG_CONFIG_HOME", ".config")
}

/// `$XDG_DATA_HOME`, falling back to `~/.local/share`.
pub fn data_home() -> PathBuf {
    base_dir("XDG_DATA_HOME", ".local/share")
}

/// `$XDG_CONFIG_HOME/stretchd/config.toml`, falling back to `~/.config/stretchd/config.toml`.
pub fn config_file() -> PathBuf {
    config_home().join("stretchd").join("config.toml")
}

/// `$XDG_STATE_HOME/stretchd`, falling back to `~/.local/state/stretchd`.
pub fn state_dir() -> PathBuf {
    base_dir("XDG_STATE_HOME", ".local/state").join("stretchd")
}

/// `$XDG_DATA_HOME/stretchd`, falling back to `~/.local/share/stretchd`: files stretchd ships
/// for other programs to read, such as the stretch illustrations.
pub fn data_dir() -> PathBuf {
    data_home().join("stretchd")
}

/// `$XDG_RUNTIME_DIR/stretchd/control.sock`; without `XDG_RUNTIME_DIR` (no login session), a
/// per-user directory under the temp dir.
pub fn control_socket() -> PathBuf {
    let runtime = match env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(dir) if dir.is_absolute() => dir,
        _ => fallback_runtime_dir(),
    };
    runtime.join("stretchd").join("control.sock")
}

/// The runtime directory without `XDG_RUNTIME_DIR`: `<temp dir>/stretchd-<uid>`, a predictable
/// name in a directory every user may write to.
fn fallback_runtime_dir() -> PathBuf {
    let uid = own_uid().unwrap_or(0);
    env::temp_dir().join(format!("stretchd-{uid}"))
}

/// The directories that must be this user's alone before the socket at `socket` is bound or
/// trusted, outermost first: the socket's directory, and the one above it when that is the
/// fallback runtime directory (which another user could have created first). An
/// `$XDG_RUNTIME_DIR` itself belongs to the login session and is not in the list.
pub fn private_dirs(socket: &Path) -> Vec<PathBuf> {
    let Some(dir) = socket.parent() else {
        return Vec::new();
    };
    let mut dirs = Vec::with_capacity(2);
    if let Some(runtime) = dir.parent()
        && runtime == fallback_runtime_dir()
    {
        dirs.push(runtime.to_path_buf());
    }
    dirs.push(dir.to_path_buf());
    dirs
}

/// The uid this process runs as (the owner of `/proc/self`), without unsafe code.
pub fn own_uid() -> std::io::Result<u32> {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata("/proc/self").map(|m| m.uid())
}

/// An XDG base directory: the variable when it holds an absolute path (as the spec requires),
/// otherwise `$HOME/<fallback>`.
fn base_dir(var: &str, fallback: &str) -> PathBuf {
    match env::var_os(var).map(PathBuf::from) {
        Some(dir) if dir.is_absolute() => dir,
        _ => home().join(fallback),
    }
}

/// `$HOME`, falling back to `/`.
pub fn home() -> PathBuf {
    env::var_os("HOME").map_or_else(|| PathBuf::from("/"), PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_runtime_dir_must_be_private_too_but_not_xdg_runtime_dir() {
        let xdg = Path::new("/run/user/1000/stretchd/control.sock");
        assert_eq!(
            private_dirs(xdg),
            [PathBuf::from("/run/user/1000/stretchd")]
        );
        let fallback = fallback_runtime_dir();
        assert_eq!(
            private_dirs(&fallback.join("stretchd").join("control.sock")),
            [fallback.clone(), fallback.join("stretchd")]
        );
        assert!(private_dirs(Path::new("/")).is_empty());
    }
}
