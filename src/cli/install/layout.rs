//! Where install puts its files: the XDG base directories of this user.

use std::path::PathBuf;

use clap_complete::Shell;

/// Where install puts its files: this user's XDG base directories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// `$XDG_CONFIG_HOME`, by default `~/.config`.
    pub config_home: PathBuf,
    /// `$XDG_DATA_HOME`, by default `~/.local/share`.
    pub data_home: PathBuf,
}

impl Layout {
    /// The directories named by the environment, with the XDG defaults.
    pub fn from_env() -> Layout {
        Layout {
            config_home: crate::store::paths::config_home(),
            data_home: crate::store::paths::data_home(),
        }
    }

    /// `$XDG_CONFIG_HOME/systemd/user/stretchd.service`.
    pub fn unit(&self) -> PathBuf {
        self.config_home.join("systemd/user/stretchd.service")
    }

    /// The link `systemctl --user enable` makes for the unit's `WantedBy`.
    pub(super) fn wants_link(&self) -> PathBuf {
        self.config_home
            .join("systemd/user/graphical-session.target.wants/stretchd.service")
    }

    /// `$XDG_CONFIG_HOME/autostart/stretchd.desktop`, used where systemd is not.
    pub fn autostart(&self) -> PathBuf {
        self.config_home.join("autostart/stretchd.desktop")
    }

    /// `$XDG_DATA_HOME/applications/stretchd.desktop`.
    pub fn desktop_entry(&self) -> PathBuf {
        self.data_home.join("applications/stretchd.desktop")
    }

    /// `$XDG_DATA_HOME/icons/hicolor/scalable/apps/stretchd.svg`.
    pub fn icon(&self) -> PathBuf {
        self.data_home
            .join("icons/hicolor/scalable/apps/stretchd.svg")
    }

    /// Where each shell looks for a user's completions of `stretchd`.
    pub fn completion(&self, shell: Shell) -> PathBuf {
        match shell {
            Shell::Zsh => self.data_home.join("zsh/site-functions/_stretchd"),
            Shell::Fish => self.config_home.join("fish/completions/stretchd.fish"),
            _ => self.data_home.join("bash-completion/completions/stretchd"),
        }
    }

    /// `$XDG_DATA_HOME/man/man1/stretchd.1`.
    pub fn man_page(&self) -> PathBuf {
        self.data_home.join("man/man1/stretchd.1")
    }
}

/// The shells whose completions install writes.
pub const SHELLS: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];
