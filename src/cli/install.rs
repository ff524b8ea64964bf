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

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read as _, Write};
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail, ensure};
use clap_complete::Shell;
use serde::Serialize;

use crate::config::DEFAULT_TOML;
use crate::store::files::{self, Clobber};

/// The user unit as shipped in `systemd/`; [`unit_file`] points its `ExecStart` at a binary.
pub const UNIT_TEMPLATE: &str = include_str!("../../systemd/stretchd.service");
/// The application's desktop entry as the package installs it (`Exec=stretchd guide`).
pub const DESKTOP_ENTRY: &str = include_str!("../../assets/stretchd.desktop");
/// The application icon (SVG).
pub const ICON_SVG: &str = include_str!("../../assets/stretchd.svg");

/// First line of the unit and the autostart entry that install writes.
const MARKER: &str = "# Written by `stretchd install`; `stretchd uninstall` removes it.";
/// How long the probe for a systemd user manager may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long one `systemctl` change may take (`enable --now` waits for the daemon's READY=1).
const SYSTEMCTL_TIMEOUT: Duration = Duration::from_secs(120);

/// What `stretchd install` and `stretchd uninstall` were asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Print what would be done, and do nothing.
    pub dry_run: bool,
    /// Print one JSON object at the end instead of a line per step.
    pub json: bool,
}

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
    fn wants_link(&self) -> PathBuf {
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

/// What one step did (or, in a dry run, would do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// A file was created or replaced.
    Wrote,
    /// A user's file was left as it is (install never overwrites the config).
    KeptExisting,
    /// A file already held these bytes and was not touched.
    Unchanged,
    /// A file was removed.
    Removed,
    /// A user's file that uninstall does not remove (config, history).
    LeftInPlace,
    /// A command was run.
    Ran,
    /// Something worth knowing that is not an action.
    Note,
}

impl Action {
    fn verb(self, dry_run: bool) -> &'static str {
        match (self, dry_run) {
            (Action::Wrote, false) => "wrote",
            (Action::Wrote, true) => "would write",
            (Action::KeptExisting, false) => "kept existing",
            (Action::KeptExisting, true) => "would keep existing",
            (Action::Unchanged, false) => "unchanged",
            (Action::Unchanged, true) => "would leave unchanged",
            (Action::Removed, false) => "removed",
            (Action::Removed, true) => "would remove",
            (Action::LeftInPlace, false) => "left in place",
            (Action::LeftInPlace, true) => "would leave in place",
            (Action::Ran, false) => "ran",
            (Action::Ran, true) => "would run",
            (Action::Note, _) => "",
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// What was done.
    pub action: Action,
    /// The file, the command line, or the text of a note.
    pub what: String,
    /// Advice about it, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Step {
    fn line(&self, dry_run: bool) -> String {
        let mut line = match self.action {
            Action::Note => self.what.clone(),
            action => format!("{} {}", action.verb(dry_run), self.what),
        };
        if let Some(hint) = &self.hint {
            let _ = write!(line, " ({hint})");
        }
        line
    }
}

/// Prints steps as they happen (text) or all at the end (JSON).
struct Report<'a> {
    out: &'a mut dyn Write,
    options: Options,
    steps: Vec<Step>,
}

impl Report<'_> {
    fn push(&mut self, action: Action, what: impl Into<String>, hint: Option<String>) {
        let step = Step {
            action,
            what: what.into(),
            hint,
        };
        if !self.options.json {
            // A closed stdout must not stop an install half way.
            let _ = writeln!(self.out, "{}", step.line(self.options.dry_run));
        }
        self.steps.push(step);
    }

    fn file(&mut self, action: Action, path: &Path, hint: Option<String>) {
        self.push(action, path.display().to_string(), hint);
    }

    fn note(&mut self, text: impl Into<String>) {
        self.push(Action::Note, text, None);
    }

    fn finish(self) {
        if self.options.json {
            #[derive(Serialize)]
            struct Json<'a> {
                dry_run: bool,
                steps: &'a [Step],
            }
            let json = Json {
                dry_run: self.options.dry_run,
                steps: &self.steps,
            };
            if let Ok(text) = serde_json::to_string_pretty(&json) {
                let _ = writeln!(self.out, "{text}");
            }
        }
        let _ = self.out.flush();
    }

    fn dry_run(&self) -> bool {
        self.options.dry_run
    }
}

/// `stretchd install [--dry-run]`: writes the files into `layout` and starts stretchd at every
/// login, printing each step to `out`.
pub fn install(layout: &Layout, options: Options, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut report = Report {
        out,
        options,
        steps: Vec::new(),
    };
    let result = install_steps(layout, &mut report);
    report.finish();
    result
}

/// `stretchd uninstall [--dry-run]`: stops and disables stretchd and removes what
/// [`install`] wrote, except the config and history, whose paths it prints.
pub fn uninstall(layout: &Layout, options: Options, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut report = Report {
        out,
        options,
        steps: Vec::new(),
    };
    let result = uninstall_steps(layout, &mut report);
    report.finish();
    result
}

fn install_steps(layout: &Layout, report: &mut Report<'_>) -> anyhow::Result<()> {
    let binary = own_binary()?;
    put(
        report,
        &crate::store::paths::config_file(),
        DEFAULT_TOML.as_bytes(),
        Policy::KeepExisting,
        Some("your config: edit it, the daemon reloads it on save".to_owned()),
    )?;
    let unit = format!("{MARKER}\n{}", unit_file(&binary)?);
    put(
        report,
        &layout.unit(),
        unit.as_bytes(),
        Policy::Replace,
        None,
    )?;
    let entry = desktop_entry(&binary)?;
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
    )?;
    for shell in SHELLS {
        let path = layout.completion(shell);
        let hint = (shell == Shell::Zsh).then(|| {
            format!(
                "zsh: add {} to fpath before compinit if it is not there",
                path.parent().unwrap_or(&path).display()
            )
        });
        put(
            report,
            &path,
            &super::docs::completions(shell),
            Policy::Replace,
            hint,
        )?;
    }
    let man_hint = format!(
        "if `man stretchd` does not find it, add {} to MANPATH",
        layout.data_home.join("man").display()
    );
    put(
        report,
        &layout.man_page(),
        &super::docs::man_page(),
        Policy::Replace,
        Some(man_hint),
    )?;

    match probe_manager() {
        Manager::Reachable(systemctl) => {
            let autostart = layout.autostart();
            if is_ours(&autostart) {
                remove(
                    report,
                    &autostart,
                    Some("systemd starts stretchd now".to_owned()),
                )?;
            }
            systemctl_run(report, &systemctl, &["daemon-reload"])?;
            systemctl_run(report, &systemctl, &["enable", "--now", "stretchd"])?;
        }
        Manager::Unreachable(why) => {
            report.note(format!(
                "no systemd user manager answers ({why}): using an XDG autostart entry instead"
            ));
            let entry = autostart_entry(&binary)?;
            put(
                report,
                &layout.autostart(),
                entry.as_bytes(),
                Policy::Replace,
                Some(
                    "the desktop runs `stretchd run` at each login; start it now with \
                     `stretchd run &`"
                        .to_owned(),
                ),
            )?;
        }
    }
    Ok(())
}

fn uninstall_steps(layout: &Layout, report: &mut Report<'_>) -> anyhow::Result<()> {
    let unit = layout.unit();
    let wants = layout.wants_link();
    let has_unit = unit.symlink_metadata().is_ok() || wants.symlink_metadata().is_ok();
    let mut failure = None;
    let mut systemctl = None;
    if has_unit {
        match probe_manager() {
            Manager::Reachable(path) => {
                if let Err(e) = systemctl_run(report, &path, &["disable", "--now", "stretchd"]) {
                    failure = Some(e);
                }
                systemctl = Some(path);
            }
            Manager::Unreachable(why) => report.note(format!(
                "no systemd user manager answers ({why}): removing the unit without stopping it"
            )),
        }
    }
    remove(report, &unit, None)?;
    if wants.symlink_metadata().is_ok_and(|m| m.is_symlink()) {
        remove(report, &wants, None)?;
    }
    let autostart = layout.autostart();
    if is_ours(&autostart) {
        remove(
            report,
            &autostart,
            Some("a `stretchd run` it started runs until you log out".to_owned()),
        )?;
    } else if autostart.exists() {
        report.file(
            Action::LeftInPlace,
            &autostart,
            Some("not written by `stretchd install`".to_owned()),
        );
    }
    remove(report, &layout.desktop_entry(), None)?;
    remove(report, &layout.icon(), None)?;
    for shell in SHELLS {
        remove(report, &layout.completion(shell), None)?;
    }
    remove(report, &layout.man_page(), None)?;
    if let (Some(path), true, None) = (&systemctl, has_unit, &failure) {
        systemctl_run(report, path, &["daemon-reload"])?;
    }

    let config = crate::store::paths::config_file();
    if config.exists() {
        report.file(
            Action::LeftInPlace,
            &config,
            Some("your config; delete it yourself if you no longer want it".to_owned()),
        );
    }
    let history = crate::store::history::default_path();
    if history.exists() {
        report.file(
            Action::LeftInPlace,
            &history,
            Some(format!(
                "your history; it and the daemon's state are in {}",
                crate::store::paths::state_dir().display()
            )),
        );
    }
    let pictures = layout.data_home.join("stretchd");
    if pictures.exists() {
        report.file(
            Action::LeftInPlace,
            &pictures,
            Some("the stretch pictures `stretchd run` writes, and any of your own".to_owned()),
        );
    }
    failure.map_or(Ok(()), Err)
}

/// Whether install may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Policy {
    /// The file is install's own: replace it when its content differs.
    Replace,
    /// The file is the user's once it exists (the config): never replace it.
    KeepExisting,
}

/// Makes `path` hold `contents`, unless it already does (or, with [`Policy::KeepExisting`],
/// unless it exists at all).
fn put(
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
fn remove(report: &mut Report<'_>, path: &Path, hint: Option<String>) -> anyhow::Result<()> {
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
fn is_ours(path: &Path) -> bool {
    let mut head = [0_u8; MARKER.len()];
    // Not through a named pipe or device, which would block or never end.
    files::open_for_read(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == MARKER.as_bytes())
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

/// The user unit with `ExecStart=<binary> run`: for `stretchd install` the real path of the
/// running binary, for the Debian package `/usr/bin/stretchd`. The template's `PATH` setting
/// and the comment above it, which exist only to find a binary named without a path, are left
/// out.
pub fn unit_file(binary: &Path) -> anyhow::Result<String> {
    let exec = systemd_quote(binary)?;
    let mut out = String::new();
    let mut comments = Vec::new();
    let mut found = false;
    for line in UNIT_TEMPLATE.lines() {
        if line.starts_with('#') {
            comments.push(line);
            continue;
        }
        if line.starts_with("Environment=PATH=") {
            comments.clear();
            continue;
        }
        for comment in comments.drain(..) {
            out.push_str(comment);
            out.push('\n');
        }
        if line.starts_with("ExecStart=") {
            let _ = writeln!(out, "ExecStart={exec} run");
            found = true;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    for comment in comments {
        out.push_str(comment);
        out.push('\n');
    }
    ensure!(found, "the unit template has no ExecStart line");
    Ok(out)
}

/// The application's desktop entry with `Exec` naming `binary` by its path, for a user install
/// (where the binary's directory may not be on the desktop's `PATH`).
pub fn desktop_entry(binary: &Path) -> anyhow::Result<String> {
    let exec = desktop_quote(binary)?;
    let mut out = String::new();
    for line in DESKTOP_ENTRY.lines() {
        if let Some(rest) = line.strip_prefix("Exec=stretchd") {
            let _ = writeln!(out, "Exec={exec}{rest}");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The XDG autostart entry that runs `binary run` at login, where systemd does not.
pub fn autostart_entry(binary: &Path) -> anyhow::Result<String> {
    let exec = desktop_quote(binary)?;
    Ok(format!(
        "{MARKER}\n\
         [Desktop Entry]\n\
         Type=Application\n\
         Name=stretchd\n\
         Comment=Posture checks and mid-back stretch reminders\n\
         Exec={exec} run\n\
         Icon=stretchd\n\
         Terminal=false\n\
         NoDisplay=true\n\
         X-GNOME-Autostart-enabled=true\n"
    ))
}

/// A path as a UTF-8 string without control characters, or an error that says so.
fn plain_path(path: &Path) -> anyhow::Result<&str> {
    let text = path.to_str().with_context(|| {
        format!(
            "{} is not valid UTF-8 and cannot be named in a unit or desktop entry; move the \
             binary to a plain path",
            path.display()
        )
    })?;
    ensure!(
        !text.chars().any(char::is_control),
        "{text:?} contains control characters; move the binary to a plain path"
    );
    Ok(text)
}

/// `path` as one word of a systemd `ExecStart=`: quoted when it holds blanks or quotes, with
/// `%` and `$` doubled so they stay literal.
fn systemd_quote(path: &Path) -> anyhow::Result<String> {
    let text = plain_path(path)?;
    let word = if text
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '\\' | ';'))
    {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        text.to_owned()
    };
    Ok(word.replace('%', "%%").replace('$', "$$"))
}

/// `path` as one argument of a desktop entry's `Exec=`, quoted and escaped as the Desktop
/// Entry Specification says.
fn desktop_quote(path: &Path) -> anyhow::Result<String> {
    const RESERVED: &str = " \t\"'\\><~|&;$*?#()`";
    let text = plain_path(path)?;
    let arg = if text.chars().any(|c| RESERVED.contains(c)) {
        let mut quoted = String::from('"');
        for c in text.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        quoted
    } else {
        text.to_owned()
    };
    // `%` starts a field code; a backslash is also an escape of the value as a string.
    Ok(arg.replace('%', "%%").replace('\\', "\\\\"))
}

/// Whether a systemd user manager answers.
enum Manager {
    /// It does; this is the `systemctl` to ask.
    Reachable(PathBuf),
    /// It does not, for this reason.
    Unreachable(String),
}

/// Asks `systemctl --user show-environment` (bounded by [`PROBE_TIMEOUT`]) whether a user
/// manager answers. Without `systemctl` on `PATH` it does not.
fn probe_manager() -> Manager {
    let Some(systemctl) = find_on_path("systemctl") else {
        return Manager::Unreachable("`systemctl` is not on PATH".to_owned());
    };
    let mut command = Command::new(&systemctl);
    command.args(["--user", "show-environment"]);
    match run_bounded(command, PROBE_TIMEOUT) {
        Ok(out) if out.status.success() => Manager::Reachable(systemctl),
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let first = stderr.lines().next().unwrap_or("").trim();
            let why = if first.is_empty() {
                out.status.to_string()
            } else {
                first.to_owned()
            };
            Manager::Unreachable(format!("`systemctl --user show-environment`: {why}"))
        }
        Err(e) => Manager::Unreachable(format!("`systemctl --user show-environment`: {e}")),
    }
}

/// Runs `systemctl --user ARGS...` (not in a dry run) and reports it; fails with its stderr.
fn systemctl_run(report: &mut Report<'_>, systemctl: &Path, args: &[&str]) -> anyhow::Result<()> {
    let line = format!("systemctl --user {}", args.join(" "));
    if !report.dry_run() {
        let mut command = Command::new(systemctl);
        command.arg("--user").args(args);
        let out = run_bounded(command, SYSTEMCTL_TIMEOUT)
            .with_context(|| format!("`{line}` could not run"))?;
        if !out.status.success() {
            bail!(
                "`{line}` failed ({}): {}; see `systemctl --user status stretchd` and \
                 `journalctl --user -u stretchd`",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
    }
    report.push(Action::Ran, line, None);
    Ok(())
}

/// The first executable file called `name` in a directory of `PATH`.
fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|dir| dir.is_absolute())
        .map(|dir| dir.join(name))
        .find(|file| {
            fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// Runs `command` with its output captured; kills it after `timeout`.
fn run_bounded(mut command: Command, timeout: Duration) -> io::Result<Output> {
    fn drain(pipe: Option<impl io::Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut buf);
            }
            buf
        })
    }
    let mut child: Child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("no answer within {} s", timeout.as_secs()),
            ));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Ok(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_the_binary_and_drops_the_path_setting() {
        let unit = unit_file(Path::new("/home/me/.cargo/bin/stretchd")).unwrap();
        assert!(
            unit.contains("\nExecStart=/home/me/.cargo/bin/stretchd run\n"),
            "{unit}"
        );
        assert!(!unit.contains("Environment=PATH"), "{unit}");
        assert!(!unit.contains("cargo install"), "{unit}");
        assert!(!unit.contains("/usr/bin/env"), "{unit}");
        // The other comments stay.
        assert!(unit.contains("# Sandboxing"), "{unit}");
        assert!(
            unit.contains("ExecReload=/bin/kill -HUP $MAINPID"),
            "{unit}"
        );
    }

    #[test]
    fn odd_paths_are_quoted_for_systemd_and_desktop_entries() {
        let path = Path::new("/home/me/my bin/100%/stretchd");
        assert_eq!(
            systemd_quote(path).unwrap(),
            "\"/home/me/my bin/100%%/stretchd\""
        );
        assert_eq!(
            desktop_quote(path).unwrap(),
            "\"/home/me/my bin/100%%/stretchd\""
        );
        let path = Path::new("/opt/a$b\\c/stretchd");
        assert_eq!(systemd_quote(path).unwrap(), "\"/opt/a$$b\\\\c/stretchd\"");
        assert_eq!(
            desktop_quote(path).unwrap(),
            "\"/opt/a\\\\$b\\\\\\\\c/stretchd\""
        );
        assert!(systemd_quote(Path::new("/a\nb")).is_err());
    }

    #[test]
    fn desktop_entry_runs_the_binary_by_path() {
        let entry = desktop_entry(Path::new("/x/stretchd")).unwrap();
        assert!(entry.contains("\nExec=/x/stretchd guide\n"), "{entry}");
        let autostart = autostart_entry(Path::new("/x/stretchd")).unwrap();
        assert!(autostart.starts_with(MARKER));
        assert!(
            autostart.contains("\nExec=/x/stretchd run\n"),
            "{autostart}"
        );
        assert!(autostart.contains("\nX-GNOME-Autostart-enabled=true\n"));
    }
}
