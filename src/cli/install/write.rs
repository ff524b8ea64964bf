//! Putting files in place and taking them out: atomic writes that leave a file with the right
//! bytes untouched, removal, and telling install's own files from the user's.

use std::fs;
use std::io::{self, Read as _};
use std::path::Path;

use anyhow::{Context as _, bail};

use super::contents::MARKER;
use super::report::{Action, Report};
use crate::store::files::{self, Clobber};

/// Whether install may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Policy {
    /// The file is install's own: replace it when its content differs.
    Replace,
    /// The file is the user's once it exists (the config): never replace it.
    KeepExisting,
}

/// Makes `path` hold `contents`, unless it already does (or, with [`Policy::KeepExisting`],
/// unless it exists at all).
pub(super) fn put(
    report: &mut Report<'_>,
    path: &Path,
    contents: &[u8],
    policy: Policy,
    hint: Option<String>,
) -> anyhow::Result<()> {
    let exists = path.symlink_metadata().is_ok();
    // Never more than `contents`, plus one byte to tell a longer file apart; never blocks (a
    // named pipe in the way is an error, not a wait).
    let limit = u64::try_from(contents.len()).unwrap_or(u64::MAX);
    match files::read(path, limit) {
        Ok(existing) if existing == contents => {
            report.file(Action::Unchanged, path, hint);
            return Ok(());
        }
        _ if exists && policy == Policy::KeepExisting => {
            report.file(Action::KeptExisting, path, hint);
            return Ok(());
        }
        Err(e) if exists && e.kind() != io::ErrorKind::FileTooLarge => {
            bail!(
                "cannot read {}: {e} (remove it or fix its permissions, then run `stretchd install` \
                 again)",
                path.display()
            )
        }
        _ => {}
    }
    if !report.dry_run() {
        let clobber = match policy {
            Policy::Replace => Clobber::Replace,
            Policy::KeepExisting => Clobber::Keep,
        };
        let written = write_atomic(path, contents, clobber)?;
        if !written {
            report.file(Action::KeptExisting, path, hint);
            return Ok(());
        }
    }
    report.file(Action::Wrote, path, hint);
    Ok(())
}

/// Creates the directory of `path` and writes `contents` there with [`files::write`]; errors
/// name the file and what to check. Returns whether the file was written (see [`Clobber`]).
fn write_atomic(path: &Path, contents: &[u8], clobber: Clobber) -> anyhow::Result<bool> {
    let dir = path
        .parent()
        .with_context(|| format!("{} has no parent directory", path.display()))?;
    fs::create_dir_all(dir).with_context(|| {
        format!(
            "cannot create the directory {} (check that you own its parent and may write to it)",
            dir.display()
        )
    })?;
    files::write(path, contents, 0o644, clobber).with_context(|| {
        format!(
            "cannot write {} (check that you may write to {})",
            path.display(),
            dir.display()
        )
    })
}

/// Removes `path` if it exists.
pub(super) fn remove(
    report: &mut Report<'_>,
    path: &Path,
    hint: Option<String>,
) -> anyhow::Result<()> {
    if path.symlink_metadata().is_err() {
        return Ok(());
    }
    if !report.dry_run() {
        match fs::remove_file(path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(e).with_context(|| {
                    format!(
                        "cannot remove {} (check that you may write to its directory, or remove it \
                         yourself)",
                        path.display()
                    )
                });
            }
        }
    }
    report.file(Action::Removed, path, hint);
    Ok(())
}

/// Whether `path` is a file that install wrote (it starts with [`MARKER`]).
pub(super) fn is_ours(path: &Path) -> bool {
    let mut head = [0_u8; MARKER.len()];
    // Not through a named pipe or device, which would block or never end.
    files::open_for_read(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == MARKER.as_bytes())
}
