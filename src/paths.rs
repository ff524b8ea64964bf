//! Where stretchd keeps its files, following the XDG base directory spec.
//!
//! Only the environment is read here; nothing is created.

use std::env;
use std::path::PathBuf;

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
        _ => {
            let uid = own_uid().unwrap_or(0);
            env::temp_dir().join(format!("stretchd-{uid}"))
        }
    };
    runtime.join("stretchd").join("control.sock")
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

fn home() -> PathBuf {
    env::var_os("HOME").map_or_else(|| PathBuf::from("/"), PathBuf::from)
}
