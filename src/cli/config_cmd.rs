//! `stretchd config path | get | set | edit`: the config file read and changed from the command
//! line. A change is validated whole before it is written (with [`crate::store::files::write`],
//! atomically), so the daemon, which reloads the file whenever it changes, never reads a broken
//! one. The editing of values is [`crate::config::edit`]'s; this module reads and writes files
//! and runs the editor.

use std::fs;
use std::io::{self, BufRead, IsTerminal as _};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus};

use anyhow::{Context as _, bail};
use serde::Serialize;

use crate::cli::{ConfigArg, ConfigCommand};
use crate::config::{self, Config, ConfigError, DEFAULT_TOML, Origin, edit};
use crate::i18n::{arg, cli};
use crate::ipc::{Client, Request, Response};
use crate::store::files::{self, Clobber};
use crate::store::paths;

/// Runs one `stretchd config` command.
pub(super) fn run(command: &ConfigCommand, json: bool) -> anyhow::Result<ExitCode> {
    match command {
        // What scripts read goes out whole, and a closed pipe (`| head`) is no error.
        ConfigCommand::Path(args) => super::docs::print_bytes(show_path(args, json)?.as_bytes())?,
        ConfigCommand::Get { key, config } => {
            super::docs::print_bytes(get(config, key, json)?.as_bytes())?;
        }
        ConfigCommand::Set { key, value, config } => set(config, key, value, json)?,
        ConfigCommand::Edit(_) if json => {
            anyhow::bail!(
                "`stretchd config edit` has no JSON output; run it without --json (or use `stretchd --json config set KEY VALUE`)"
            );
        }
        ConfigCommand::Edit(config) => edit(config)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `--config PATH`, else where the daemon looks.
fn config_path(args: &ConfigArg) -> PathBuf {
    args.config.clone().unwrap_or_else(paths::config_file)
}

/// The config file's text, or `None` when there is no file.
fn existing(path: &Path) -> Result<Option<String>, ConfigError> {
    match config::read_file(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.is_missing() => Ok(None),
        Err(e) => Err(e),
    }
}

/// `stretchd config path`.
fn show_path(args: &ConfigArg, json: bool) -> anyhow::Result<String> {
    #[derive(Serialize)]
    struct Where<'a> {
        path: &'a Path,
        exists: bool,
    }
    let path = config_path(args);
    if json {
        let exists = path.exists();
        return Ok(serde_json::to_string_pretty(&Where {
            path: &path,
            exists,
        })? + "\n");
    }
    Ok(format!("{}\n", path.display()))
}

/// `stretchd config get KEY`: from the file, or from the built-in default when the daemon's
/// file does not exist (a `--config` file must, as for `stretchd run`).
fn get(args: &ConfigArg, key: &str, json: bool) -> anyhow::Result<String> {
    let path = config_path(args);
    let (text, origin) = match config::read_file(&path) {
        Ok(text) => (text, Origin::File(path)),
        Err(e) if e.is_missing() && args.config.is_none() => {
            (DEFAULT_TOML.to_owned(), Origin::Embedded)
        }
        Err(e) => return Err(e.into()),
    };
    let value = edit::get(&text, key, &origin)?;
    if json {
        return Ok(serde_json::to_string_pretty(&edit::to_json(&value))? + "\n");
    }
    Ok(edit::render(&value))
}

/// `stretchd config set KEY VALUE`.
fn set(args: &ConfigArg, key: &str, value: &str, json: bool) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Set<'a> {
        path: &'a Path,
        key: &'a str,
        value: serde_json::Value,
        changed: bool,
    }
    let path = config_path(args);
    let before = existing(&path)?;
    let text = before.as_deref().unwrap_or(DEFAULT_TOML);
    let after = edit::set(text, key, value, &Origin::File(path.clone()))?;
    let changed = before.as_deref() != Some(after.as_str());
    let written = changed.then(|| put(&path, &after)).transpose()?;
    let shown = edit::parse_value(value);
    if json {
        let report = Set {
            path: &path,
            key,
            value: edit::to_json(&shown),
            changed,
        };
        crate::cli::out!("{}\n", serde_json::to_string_pretty(&report)?);
    } else if changed {
        crate::cli::out!("{}: {key} = {shown}\n", path.display());
    } else {
        let args = [
            ("path", arg(path.display().to_string())),
            ("key", arg(key)),
            ("value", arg(shown.to_string())),
        ];
        crate::cli::out!("{}\n", cli().fmt("config-set-already", &args));
    }
    if let Some(written) = written {
        tell_daemon(&path, written, json);
    }
    Ok(())
}

/// How an editing session ended.
#[derive(Debug, PartialEq, Eq)]
enum Edited {
    /// The copy is as it started.
    Unchanged,
    /// The copy is a valid config, and differs.
    Valid(String),
    /// The copy is not valid and no other try is wanted.
    Invalid,
}

/// Has `copy` (which holds `start`) edited until it is valid, unchanged, or given up on:
/// `editor` edits it, and after each invalid edit `again` is told the error and says whether to
/// edit once more. `path` is the real file, named in the errors.
fn edit_until_valid(
    path: &Path,
    copy: &Path,
    start: &str,
    mut editor: impl FnMut(&Path) -> anyhow::Result<()>,
    mut again: impl FnMut(&ConfigError) -> bool,
) -> anyhow::Result<Edited> {
    loop {
        editor(copy)?;
        let text = files::read_to_string(copy, config::FILE_LIMIT)
            .with_context(|| format!("cannot read the edited copy {}", copy.display()))?;
        if text == start {
            return Ok(Edited::Unchanged);
        }
        match Config::parse(&text, &Origin::File(path.to_path_buf())) {
            Ok(_) => return Ok(Edited::Valid(text)),
            Err(e) if again(&e) => {}
            Err(_) => return Ok(Edited::Invalid),
        }
    }
}

/// `stretchd config edit`: the user's editor on a private copy, which replaces the file only
/// once it is a valid config. Without a terminal on stdin an invalid edit is an error at once.
fn edit(args: &ConfigArg) -> anyhow::Result<()> {
    let path = config_path(args);
    let original = existing(&path)?;
    let start = original.as_deref().unwrap_or(DEFAULT_TOML);
    let scratch = tempfile::Builder::new()
        .prefix("stretchd-edit-")
        .tempdir()
        .context(
            "cannot create a private temporary directory for the copy to edit (check $TMPDIR)",
        )?;
    let copy = scratch
        .path()
        .join(path.file_name().unwrap_or("config.toml".as_ref()));
    fs::write(&copy, start)
        .with_context(|| format!("cannot write the copy to edit, {}", copy.display()))?;
    let editor = Editor::from_env();
    let terminal = io::stdin().is_terminal();
    let outcome = edit_until_valid(
        &path,
        &copy,
        start,
        |file| editor.edit(file),
        |e| {
            eprintln!("stretchd: {e}");
            terminal && again(&mut io::stdin().lock(), &mut io::stderr())
        },
    )?;
    let shown = [("path", arg(path.display().to_string()))];
    let text = match outcome {
        Edited::Unchanged if original.is_none() => {
            crate::cli::out!("{}\n", cli().fmt("config-edit-no-changes-default", &shown));
            return Ok(());
        }
        Edited::Unchanged => {
            crate::cli::out!("{}\n", cli().fmt("config-edit-no-changes", &shown));
            return Ok(());
        }
        Edited::Invalid => bail!("{}", cli().fmt("config-edit-invalid", &shown)),
        Edited::Valid(text) => text,
    };
    if existing(&path)? != original {
        let kept = scratch.keep();
        let mine = kept.join(copy.file_name().unwrap_or_default());
        let args = [
            ("path", arg(path.display().to_string())),
            ("copy", arg(mine.display().to_string())),
        ];
        bail!("{}", cli().fmt("config-edit-changed-meanwhile", &args));
    }
    let written = put(&path, &text)?;
    crate::cli::out!("{}\n", cli().fmt("config-edit-saved", &shown));
    tell_daemon(&path, written, false);
    Ok(())
}

/// Asks on `prompt` whether to edit again, reading the answer from `answer`: yes unless it
/// starts with n or is one of the language's words for no (`answer-no`); an empty line is yes,
/// the end of the input no.
fn again(answer: &mut impl BufRead, prompt: &mut impl io::Write) -> bool {
    let _ = write!(prompt, "{} ", cli().get("config-edit-again"));
    let _ = prompt.flush();
    let mut line = String::new();
    match answer.read_line(&mut line) {
        Ok(0) | Err(_) => false,
        Ok(_) => {
            !(line.trim_start().to_ascii_lowercase().starts_with('n')
                || crate::i18n::answers(cli(), "answer-no", &line))
        }
    }
}

/// The editor `stretchd config edit` runs.
enum Editor {
    /// `$VISUAL` or `$EDITOR`: a shell command line, which may hold arguments (`code --wait`).
    Shell(String),
    /// Neither is set: `editor` (Debian's choice of editor), else `vi`.
    Default,
}

impl Editor {
    fn from_env() -> Editor {
        ["VISUAL", "EDITOR"]
            .into_iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|line| !line.trim().is_empty())
            .map_or(Editor::Default, Editor::Shell)
    }

    /// Runs the editor on `file`, on this terminal, and waits for it.
    fn edit(&self, file: &Path) -> anyhow::Result<()> {
        let (name, status) = match self {
            // As git runs it: through the shell, with the file as "$@".
            Editor::Shell(line) => (
                line.as_str(),
                Command::new("sh")
                    .arg("-c")
                    .arg(format!("{line} \"$@\""))
                    .arg(line)
                    .arg(file)
                    .status(),
            ),
            Editor::Default => match Command::new("editor").arg(file).status() {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    ("vi", Command::new("vi").arg(file).status())
                }
                other => ("editor", other),
            },
        };
        let fix = "set $VISUAL or $EDITOR to the editor to use; the config is as it was";
        let status: ExitStatus =
            status.with_context(|| format!("cannot start the editor `{name}` ({fix})"))?;
        if !status.success() {
            bail!("the editor `{name}` failed ({status}); {fix}");
        }
        Ok(())
    }
}

/// How [`put`] wrote the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    /// At its path.
    InPlace,
    /// At the file a symlink at its path points to (the link stays).
    ThroughLink,
    /// At its path, in a directory that had to be created.
    NewDirectory,
}

/// Puts `text` in place at `path` atomically: through a symlink there (so that a link into a
/// dotfiles repository stays a link), with the file's permissions, in a directory created when
/// missing.
fn put(path: &Path, text: &str) -> anyhow::Result<Written> {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let target = if link {
        fs::canonicalize(path).with_context(|| {
            format!(
                "{} is a symlink to a file that does not exist; create that file or remove the link",
                path.display()
            )
        })?
    } else {
        path.to_path_buf()
    };
    let mut written = if link {
        Written::ThroughLink
    } else {
        Written::InPlace
    };
    let mode = fs::metadata(&target).map_or(0o644, |m| m.permissions().mode() & 0o7777);
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        fs::create_dir_all(dir).with_context(|| {
            format!(
                "cannot create the directory {} (check its parent's permissions)",
                dir.display()
            )
        })?;
        written = Written::NewDirectory;
    }
    files::write(&target, text.as_bytes(), mode, Clobber::Replace).with_context(|| {
        format!(
            "cannot write {} (check that its directory is writable); it is as it was",
            target.display()
        )
    })?;
    Ok(written)
}

/// Says what a running daemon does with the file just written at `path` (nothing when none
/// runs). It watches its file's directory and reloads by itself; it sees nothing written
/// through a symlink, and a file made where it ran the built-in default is worth an answer
/// at once, so then it is asked to reload. With `json` only problems are printed (to stderr).
fn tell_daemon(path: &Path, written: Written, json: bool) {
    let ask = |request: &Request| {
        Client::connect(&paths::control_socket()).and_then(|client| client.call(request))
    };
    let Ok(Response::Status(status)) = ask(&Request::Status) else {
        return;
    };
    let embedded = status.config == Origin::Embedded.to_string();
    let in_use = if embedded {
        paths::config_file()
    } else {
        PathBuf::from(&status.config)
    };
    let m = cli();
    let pid = arg(status.pid);
    if !same_file(&in_use, path) {
        if !json {
            let args = [("pid", pid), ("path", arg(status.config.as_str()))];
            _ = crate::cli::write_out(format_args!("{}\n", m.fmt("config-daemon-uses", &args)));
        }
        return;
    }
    if !embedded && written == Written::InPlace {
        if !json {
            let said = m.fmt("config-daemon-reloads", &[("pid", pid)]);
            _ = crate::cli::write_out(format_args!("{said}\n"));
        }
        return;
    }
    match ask(&Request::Reload) {
        Ok(Response::Ok { message, text }) if !json => {
            let args = [("pid", pid), ("answer", arg(text.unwrap_or(message)))];
            _ = crate::cli::write_out(format_args!("{}\n", m.fmt("config-daemon-told", &args)));
        }
        Ok(Response::Error { message, text }) => {
            let args = [("pid", pid), ("answer", arg(text.unwrap_or(message)))];
            eprintln!("stretchd: {}", m.fmt("config-daemon-refused", &args));
        }
        Err(e) => eprintln!("stretchd: {e}"),
        Ok(_) => {}
    }
}

/// Whether two paths name the same file (the same path, or the same once links are followed).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b || matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invalid_edit_is_offered_again_until_it_is_valid_or_given_up() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let copy = dir.path().join("copy.toml");
        let good = DEFAULT_TOML.replace("length = \"10m\"", "length = \"15m\"");
        let broken = DEFAULT_TOML.replace("length = \"10m\"", "length = \"soon\"");
        let line = 1 + broken.lines().position(|l| l.contains("\"soon\"")).unwrap();
        // (what each editor run leaves, answers to "edit again?", outcome, errors seen)
        let cases: [(&[&str], &[bool], Edited, usize); 5] = [
            (&[&good], &[], Edited::Valid(good.clone()), 0),
            (&[DEFAULT_TOML], &[], Edited::Unchanged, 0),
            (&[&broken, &good], &[true], Edited::Valid(good.clone()), 1),
            (
                &[&broken, &broken, DEFAULT_TOML],
                &[true, true],
                Edited::Unchanged,
                2,
            ),
            (&[&broken], &[false], Edited::Invalid, 1),
        ];
        for (runs, answers, outcome, errors) in cases {
            fs::write(&copy, DEFAULT_TOML).unwrap();
            let mut runs = runs.iter();
            let mut answers = answers.iter();
            let mut seen = Vec::new();
            let got = edit_until_valid(
                &path,
                &copy,
                DEFAULT_TOML,
                |file| {
                    fs::write(file, runs.next().expect("an editor run too many"))?;
                    Ok(())
                },
                |e| {
                    seen.push(e.to_string());
                    *answers.next().expect("a question too many")
                },
            )
            .unwrap();
            assert_eq!(got, outcome);
            assert_eq!(seen.len(), errors, "{seen:?}");
            assert!(runs.next().is_none() && answers.next().is_none());
            for error in &seen {
                let want = format!("{}:{line}:10: snooze: length = \"soon\"", path.display());
                assert!(error.starts_with(&want), "{error}");
            }
        }
        // A failing editor ends it, with its error.
        let err = edit_until_valid(&path, &copy, DEFAULT_TOML, |_| bail!("no editor"), |_| true);
        assert_eq!(err.unwrap_err().to_string(), "no editor");
    }

    #[test]
    fn edit_again_unless_the_answer_is_no() {
        let cases = [
            ("\n", true),
            ("y\n", true),
            ("Yes\n", true),
            ("n\n", false),
            ("No\n", false),
            ("  n", false),
            ("", false),
        ];
        for (answer, yes) in cases {
            let mut prompt = Vec::new();
            assert_eq!(
                again(&mut answer.as_bytes(), &mut prompt),
                yes,
                "{answer:?}"
            );
            assert_eq!(prompt, b"Edit again? [Y/n] ");
        }
    }

    #[test]
    fn put_writes_through_a_symlink_keeps_the_mode_and_makes_the_directory() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("dotfiles/stretchd.toml");
        fs::create_dir(dir.path().join("dotfiles")).unwrap();
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("config.toml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(put(&link, "new").unwrap(), Written::ThroughLink);
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(
            fs::metadata(&real).unwrap().permissions().mode() & 0o777,
            0o600
        );

        let fresh = dir.path().join("a/b/config.toml");
        assert_eq!(put(&fresh, "x").unwrap(), Written::NewDirectory);
        assert_eq!(put(&fresh, "y").unwrap(), Written::InPlace);
        assert_eq!(fs::read_to_string(&fresh).unwrap(), "y");

        let dangling = dir.path().join("dangling.toml");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
        let err = format!("{:#}", put(&dangling, "z").unwrap_err());
        assert!(
            err.contains("is a symlink to a file that does not exist"),
            "{err}"
        );
        assert!(!dir.path().join("nowhere").exists());
    }
}
