//! The steps of install and uninstall, in order: the files, then the start at login.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap_complete::Shell;

use super::contents::{ICON_SVG, MARKER, autostart_entry, desktop_entry, unit_file};
use super::layout::{Layout, SHELLS};
use super::report::{Action, Report};
use super::systemd::{Manager, probe_manager, systemctl_run};
use super::write::{Policy, is_ours, put, remove};
use crate::config::DEFAULT_TOML;
use crate::i18n::arg;

/// Writes every file, then starts stretchd at login: through systemd if a user manager answers,
/// else with an autostart entry.
pub(super) fn install_steps(layout: &Layout, report: &mut Report<'_>) -> anyhow::Result<()> {
    let binary = own_binary()?;
    put_files(layout, &binary, report)?;
    put_docs(layout, report)?;
    match probe_manager() {
        Manager::Reachable(systemctl) => enable_unit(layout, &systemctl, report),
        Manager::Unreachable(why) => autostart_instead(layout, &binary, &why, report),
    }
}

/// The config (unless there is one), the unit, the desktop entry and the icon.
fn put_files(layout: &Layout, binary: &Path, report: &mut Report<'_>) -> anyhow::Result<()> {
    put(
        report,
        &crate::store::paths::config_file(),
        DEFAULT_TOML.as_bytes(),
        Policy::KeepExisting,
        Some(report.say("install-hint-config", &[])),
    )?;
    let unit = format!("{MARKER}\n{}", unit_file(binary)?);
    put(
        report,
        &layout.unit(),
        unit.as_bytes(),
        Policy::Replace,
        None,
    )?;
    let entry = desktop_entry(binary)?;
    put(
        report,
        &layout.desktop_entry(),
        entry.as_bytes(),
        Policy::Replace,
        None,
    )?;
    put(
        report,
        &layout.icon(),
        ICON_SVG.as_bytes(),
        Policy::Replace,
        None,
    )
}

/// The shells' completions and the man page, each with a hint where a shell or `man` may not
/// look.
fn put_docs(layout: &Layout, report: &mut Report<'_>) -> anyhow::Result<()> {
    for shell in SHELLS {
        let path = layout.completion(shell);
        let hint = (shell == Shell::Zsh).then(|| {
            let dir = arg(path.parent().unwrap_or(&path).display().to_string());
            report.say("install-hint-zsh", &[("dir", dir)])
        });
        put(
            report,
            &path,
            &crate::cli::docs::completions(shell),
            Policy::Replace,
            hint,
        )?;
    }
    let dir = arg(layout.data_home.join("man").display().to_string());
    let man_hint = report.say("install-hint-man", &[("dir", dir)]);
    put(
        report,
        &layout.man_page(),
        &crate::cli::docs::man_page(),
        Policy::Replace,
        Some(man_hint),
    )
}

/// Enables and starts the unit, removing an autostart entry of an earlier install.
fn enable_unit(layout: &Layout, systemctl: &Path, report: &mut Report<'_>) -> anyhow::Result<()> {
    let autostart = layout.autostart();
    if is_ours(&autostart) {
        let hint = report.say("install-hint-systemd-now", &[]);
        remove(report, &autostart, Some(hint))?;
    }
    systemctl_run(report, systemctl, &["daemon-reload"])?;
    systemctl_run(report, systemctl, &["enable", "--now", "stretchd"])
}

/// Where no systemd user manager answers (`why`): an XDG autostart entry.
fn autostart_instead(
    layout: &Layout,
    binary: &Path,
    why: &str,
    report: &mut Report<'_>,
) -> anyhow::Result<()> {
    let note = report.say("install-no-systemd", &[("why", arg(why))]);
    report.note(note);
    let entry = autostart_entry(binary)?;
    let hint = report.say("install-hint-autostart", &[]);
    put(
        report,
        &layout.autostart(),
        entry.as_bytes(),
        Policy::Replace,
        Some(hint),
    )
}

/// Stops and disables stretchd, removes what install wrote, and names what it leaves: the
/// config, the history and the pictures. A unit that would not be disabled is still removed,
/// and then that failure is the result.
pub(super) fn uninstall_steps(layout: &Layout, report: &mut Report<'_>) -> anyhow::Result<()> {
    // Before the unit is removed: whether there is one to stop.
    let (systemctl, failure) = stop_unit(layout, report);
    remove_installed(layout, report)?;
    if let (Some(path), None) = (&systemctl, &failure) {
        systemctl_run(report, path, &["daemon-reload"])?;
    }
    report_kept(layout, report);
    failure.map_or(Ok(()), Err)
}

/// If there is a unit, `systemctl --user disable --now stretchd` where a user manager answers.
/// Returns the `systemctl` that answered, and the failure to disable, if any.
fn stop_unit(layout: &Layout, report: &mut Report<'_>) -> (Option<PathBuf>, Option<anyhow::Error>) {
    let has_unit =
        layout.unit().symlink_metadata().is_ok() || layout.wants_link().symlink_metadata().is_ok();
    if !has_unit {
        return (None, None);
    }
    match probe_manager() {
        Manager::Reachable(path) => {
            let failure = systemctl_run(report, &path, &["disable", "--now", "stretchd"]).err();
            (Some(path), failure)
        }
        Manager::Unreachable(why) => {
            let note = report.say("uninstall-no-systemd", &[("why", arg(why))]);
            report.note(note);
            (None, None)
        }
    }
}

/// Removes the unit and its link, install's autostart entry (another is left in place), the
/// desktop entry, the icon, the completions and the man page.
fn remove_installed(layout: &Layout, report: &mut Report<'_>) -> anyhow::Result<()> {
    remove(report, &layout.unit(), None)?;
    let wants = layout.wants_link();
    if wants.symlink_metadata().is_ok_and(|m| m.is_symlink()) {
        remove(report, &wants, None)?;
    }
    let autostart = layout.autostart();
    if is_ours(&autostart) {
        let hint = report.say("uninstall-hint-autostart", &[]);
        remove(report, &autostart, Some(hint))?;
    } else if autostart.exists() {
        let hint = report.say("uninstall-hint-not-ours", &[]);
        report.file(Action::LeftInPlace, &autostart, Some(hint));
    }
    remove(report, &layout.desktop_entry(), None)?;
    remove(report, &layout.icon(), None)?;
    for shell in SHELLS {
        remove(report, &layout.completion(shell), None)?;
    }
    remove(report, &layout.man_page(), None)
}

/// Names the user's files that uninstall leaves: the config, the history and the pictures.
fn report_kept(layout: &Layout, report: &mut Report<'_>) {
    let config = crate::store::paths::config_file();
    if config.exists() {
        let hint = report.say("uninstall-hint-config", &[]);
        report.file(Action::LeftInPlace, &config, Some(hint));
    }
    let history = crate::store::history::default_path();
    if history.exists() {
        let dir = arg(crate::store::paths::state_dir().display().to_string());
        let hint = report.say("uninstall-hint-history", &[("dir", dir)]);
        report.file(Action::LeftInPlace, &history, Some(hint));
    }
    let pictures = layout.data_home.join("stretchd");
    if pictures.exists() {
        let hint = report.say("uninstall-hint-pictures", &[]);
        report.file(Action::LeftInPlace, &pictures, Some(hint));
    }
}

/// The real path of the running binary.
fn own_binary() -> anyhow::Result<PathBuf> {
    let exe = std::env::current_exe().context("cannot tell where the running binary is")?;
    exe.canonicalize().with_context(|| {
        format!(
            "cannot resolve the real path of the running binary {} (was it replaced while \
             running? run `stretchd install` again)",
            exe.display()
        )
    })
}
