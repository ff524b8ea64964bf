//! The tray icon (`[tray] enable`): a `StatusNotifierItem` with a dbusmenu menu, served on the
//! daemon's own session-bus connection while a tray host (`org.kde.StatusNotifierWatcher`) runs.
//!
//! [`host`] follows the watcher and keeps the icon current; [`look`] says what a status looks
//! like; [`dbus`] holds the two objects. The daemon loop hands the icon its status through a
//! `watch` channel only while the icon is subscribed to it (a watcher runs): with no tray host,
//! the icon costs one parked task and one match rule, and the loop computes nothing for it. It
//! adds no timer: it changes when the status changes, as `status --follow` does.

use std::path::PathBuf;

use tracing::{info, warn};

use super::{Clock, Daemon};
use crate::daemon::notify::{CALL_TIMEOUT, Lifetime, Notice, Notifier};

mod dbus;
pub mod host;
pub mod look;

/// What the icon asks of the daemon loop beside the CLI's requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// A tray host came (back): send the status now, even if it did not change.
    Status,
    /// The icon was clicked: show the status as a notification.
    ShowStatus,
    /// "Start a stretch session": `stretchd guide --session` in a new terminal window.
    Session,
    /// "Open the config": the config file in the desktop's handler (`xdg-open`), written first
    /// from the default if there is none.
    Config,
}

impl<N: Notifier, C: Clock> Daemon<N, C> {
    /// Carries out what the icon asked.
    pub(super) fn tray_asked(&mut self, ask: Ask) {
        match ask {
            Ask::Status => self.push_tray(),
            Ask::ShowStatus => {
                let now = self.clock.now();
                let messages = super::notify::messages(self.lang);
                let look = look::Look::of(&messages, &self.status(), now, self.clock.zone());
                let notice = Notice {
                    title: "stretchd".to_owned(),
                    paragraphs: vec![look.lines.join("\n")],
                    actions: Vec::new(),
                    labels: super::notify::Labels::new(&messages),
                    image: None,
                    lifetime: Lifetime::Passing,
                };
                let call = self.notifier.show(&notice, self.status_notice);
                self.pending.push(Box::pin(async move {
                    super::Completion::StatusNotice(super::bounded(CALL_TIMEOUT, call).await)
                }));
            }
            Ask::Session => {
                // A terminal that does not start is logged; there is no one else to tell.
                let opened = super::launch::open_guide(
                    &self.config.notify.terminal,
                    super::launch::Guided::Session,
                    self.config_path.as_deref(),
                );
                if opened.is_ok() {
                    self.session_hook(crate::config::Hook::SessionStart, false, None);
                }
            }
            Ask::Config => {
                let path = self.config_file();
                if let Err(e) = default_if_missing(&path) {
                    warn!(
                        "cannot write the default config to {}: {e}; `stretchd config edit` shows why",
                        path.display()
                    );
                    return;
                }
                super::launch::open_file(&path);
            }
        }
    }

    /// The config file in use, or where the user's would be.
    fn config_file(&self) -> PathBuf {
        match (&self.config_path, &self.config.origin) {
            (Some(path), _) | (None, crate::config::Origin::File(path)) => path.clone(),
            (None, crate::config::Origin::Embedded) => crate::store::paths::config_file(),
        }
    }
}

/// Writes the default config to `path` if nothing is there, so that there is a file to open.
fn default_if_missing(path: &std::path::Path) -> std::io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let written = crate::store::files::write(
        path,
        crate::config::DEFAULT_TOML.as_bytes(),
        0o600,
        crate::store::files::Clobber::Keep,
    )?;
    if written {
        info!("wrote the default config to {}", path.display());
    }
    Ok(())
}
