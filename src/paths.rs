//! Where stretchd keeps its files, following the XDG base directory spec.
//!
//! Only the environment is read here; nothing is created.

use std::env;
use std::path::PathBuf;

/// `$XDG_CONFIG_HOME/stretchd/config.toml`, falling back to `~/.config/stretchd/config.toml`.
pub fn config_file() -> PathBuf {
    base_dir("XDG_CONFIG_HOME", ".config")
        .join("stretchd")
        .join("config.toml")
}

/// `$XDG_STATE_HOME/stretchd`, falling back to `~/.local/state/stretchd`.
pub fn state_dir() -> PathBuf {
    base_dir("XDG_STATE_HOME", ".local/state").join("stretchd")
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
