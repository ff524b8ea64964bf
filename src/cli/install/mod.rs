//! `stretchd install` and `stretchd uninstall`: put stretchd in place for this user, and take it
//! out again; `stretchd completions` and `stretchd man`, which print what install writes.
//!
//! Install writes, under the XDG base directories and without root: the default config (never
//! over an existing one), a systemd user unit whose `ExecStart` is the real path of the running
//! binary, the desktop entry and icon, bash/zsh/fish completions and the man page. Then it
//! enables the unit through `systemctl --user` when a systemd user manager answers, and otherwise
//! writes an XDG autostart entry instead. Files are written atomically (a temporary file renamed
//! over the target) and a file that already holds the right bytes is not touched, so running
//! install twice changes nothing. Uninstall removes those files and keeps the config and history.
//!
//! `systemctl` is looked up on `PATH` and run as a child process, with a time limit: where it is
//! missing, or its user manager does not answer, install falls back to autostart. (The tests put
//! a fake `systemctl` first on `PATH`, or none.)
//!
//! Its parts: `steps` in order, `layout` for where, `contents` for what the unit and entries
//! say, `write` for putting files in place, `systemd` for `systemctl`, `report` for the output.

mod contents;
mod layout;
mod report;
mod steps;
mod systemd;
mod write;

use std::io::Write;

pub use contents::{
    DESKTOP_ENTRY, ICON_SVG, UNIT_TEMPLATE, autostart_entry, desktop_entry, unit_file,
};
pub use layout::{Layout, SHELLS};
use report::Report;
pub use report::{Action, Step};

/// What `stretchd install` and `stretchd uninstall` were asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Print what would be done, and do nothing.
    pub dry_run: bool,
    /// Print one JSON object at the end instead of a line per step.
    pub json: bool,
}

/// `stretchd install [--dry-run]`: writes the files into `layout` and starts stretchd at every
/// login, printing each step to `out`.
pub fn install(layout: &Layout, options: Options, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut report = Report::new(out, options);
    let result = steps::install_steps(layout, &mut report);
    report.finish();
    result
}

/// `stretchd uninstall [--dry-run]`: stops and disables stretchd and removes what
/// [`install`] wrote, except the config and history, whose paths it prints.
pub fn uninstall(layout: &Layout, options: Options, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut report = Report::new(out, options);
    let result = steps::uninstall_steps(layout, &mut report);
    report.finish();
    result
}
