//! `stretchd install`, `uninstall`, `completions` and `man`, run as the real binary in a
//! temporary HOME with its own XDG directories and a `PATH` that holds only what a test puts
//! there: nothing (no systemd: the autostart fallback), or a fake `systemctl` that logs its
//! arguments and answers the manager probe with success or failure.

use std::collections::BTreeMap;
use std::os::unix::fs::{FileTypeExt as _, MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use tempfile::TempDir;

use crate::BIN;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What install writes in every case, relative to the temporary HOME.
const FILES: [&str; 8] = [
    "config/stretchd/config.toml",
    "config/systemd/user/stretchd.service",
    "data/applications/stretchd.desktop",
    "data/icons/hicolor/scalable/apps/stretchd.svg",
    "data/bash-completion/completions/stretchd",
    "data/zsh/site-functions/_stretchd",
    "config/fish/completions/stretchd.fish",
    "data/man/man1/stretchd.1",
];
const AUTOSTART: &str = "config/autostart/stretchd.desktop";
const CONFIG: &str = "config/stretchd/config.toml";
const HISTORY: &str = "state/stretchd/history.jsonl";

/// A temporary HOME with an empty directory to serve as the whole `PATH`.
struct Home {
    dir: TempDir,
    bin: PathBuf,
}

/// How the fake `systemctl` answers `systemctl --user show-environment`.
#[derive(Clone, Copy)]
enum Manager {
    Answers,
    Fails,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        Home { dir, bin }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self, relative: &str) -> PathBuf {
        self.path().join(relative)
    }

    /// Puts a fake `systemctl` on `PATH`: it appends its arguments to [`Home::systemctl_log`]
    /// and exits 0, except for the probe when `manager` is [`Manager::Fails`].
    fn fake_systemctl(&self, manager: Manager) {
        let probe = match manager {
            Manager::Answers => 0,
            Manager::Fails => 1,
        };
        let script = format!(
            "#!/bin/sh\n\
             echo \"$*\" >> '{log}'\n\
             if [ \"$*\" = '--user show-environment' ] && [ {probe} != 0 ]; then\n\
             \x20 echo 'Failed to connect to bus: No medium found' >&2\n\
             \x20 exit {probe}\n\
             fi\n\
             exit 0\n",
            log = self.systemctl_log().display()
        );
        let path = self.bin.join("systemctl");
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    fn systemctl_log(&self) -> PathBuf {
        self.path().join("systemctl.log")
    }

    /// The fake `systemctl`'s calls so far, one per line.
    fn systemctl_calls(&self) -> Vec<String> {
        std::fs::read_to_string(self.systemctl_log())
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Runs `stretchd args...` with this HOME and `PATH`; returns its output.
    fn run(&self, args: &[&str]) -> Output {
        let mut cmd = BIN.command(self.path());
        cmd.args(args)
            .env("PATH", &self.bin)
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        testkit::run_bounded(cmd, Duration::from_secs(30))
    }

    /// Runs `stretchd args...`, asserts success and returns its stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "stretchd {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Every file under HOME except the fake `systemctl`'s, with its inode and mtime (a file
    /// written again through a rename gets a new inode even within one clock tick).
    fn snapshot(&self) -> BTreeMap<PathBuf, (u64, SystemTime)> {
        fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, (u64, SystemTime)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let entry = entry.unwrap();
                let meta = entry.metadata().unwrap();
                if meta.is_dir() {
                    walk(&entry.path(), out);
                } else {
                    out.insert(entry.path(), (meta.ino(), meta.modified().unwrap()));
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(self.path(), &mut out);
        out.retain(|p, _| !p.starts_with(&self.bin) && *p != self.systemctl_log());
        out
    }
}

/// The real path of the binary under test, as install names it.
fn binary() -> PathBuf {
    std::fs::canonicalize(BIN).unwrap()
}

/// The line of `stdout` that names `path`.
fn line_for<'a>(stdout: &'a str, path: &Path) -> &'a str {
    let needle = path.display().to_string();
    stdout
        .lines()
        .find(|l| l.split(' ').any(|word| word == needle))
        .unwrap_or_else(|| panic!("no line names {needle}:\n{stdout}"))
}

/// Runs `tool args... file`; `None` (after a loud note) when the tool is not installed.
fn check_with(tool: &str, args: &[&str], file: &Path, package: &str) -> Option<Output> {
    let out = Command::new(tool).args(args).arg(file).output();
    if out.is_err() {
        eprintln!(
            "\n*** SKIPPED {tool} {}: install {package} ***\n",
            file.display()
        );
    }
    out.ok()
}

/// `desktop-file-validate` accepts `file` (skipped when desktop-file-utils is missing).
fn assert_valid_desktop_entry(file: &Path) {
    let Some(out) = check_with("desktop-file-validate", &[], file, "desktop-file-utils") else {
        return;
    };
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success() && report.trim().is_empty(),
        "{} is not a valid desktop entry:\n{report}",
        file.display()
    );
}

#[test]
fn dry_run_writes_nothing_and_lists_every_file() {
    let home = Home::new();
    let before = home.snapshot();
    let stdout = home.ok(&["install", "--dry-run"]);
    assert_eq!(home.snapshot(), before, "a dry run wrote files:\n{stdout}");
    for file in FILES.iter().chain([&AUTOSTART]) {
        let line = line_for(&stdout, &home.file(file));
        assert!(line.starts_with("would write "), "{line}");
    }
    assert!(
        stdout.contains("no systemd user manager answers (`systemctl` is not on PATH)"),
        "{stdout}"
    );
    assert!(!home.path().join("config").exists());
    assert!(!home.path().join("data").exists());
}

#[test]
fn without_systemctl_install_falls_back_to_autostart_and_the_unit_verifies() {
    let home = Home::new();
    let stdout = home.ok(&["install"]);
    for file in FILES.iter().chain([&AUTOSTART]) {
        assert!(home.file(file).is_file(), "{file} missing:\n{stdout}");
        let line = line_for(&stdout, &home.file(file));
        assert!(line.starts_with("wrote "), "{line}");
    }
    assert!(
        stdout.contains("using an XDG autostart entry instead"),
        "{stdout}"
    );
    let zsh = line_for(&stdout, &home.file("data/zsh/site-functions/_stretchd"));
    assert!(zsh.contains("fpath"), "{zsh}");

    let exec = binary().display().to_string();
    let unit = std::fs::read_to_string(home.file(FILES[1])).unwrap();
    assert!(
        unit.contains(&format!("\nExecStart={exec} run\n")),
        "{unit}"
    );
    assert!(!unit.contains("Environment=PATH"), "{unit}");
    let runtime = tempfile::tempdir().unwrap();
    let verify = Command::new("systemd-analyze")
        .args(["verify", "--user", "--man=false"])
        .arg(home.file(FILES[1]))
        .env("XDG_RUNTIME_DIR", runtime.path())
        .output()
        .expect("systemd-analyze not found: install systemd (Debian package systemd)");
    let stderr = String::from_utf8_lossy(&verify.stderr);
    assert!(verify.status.success(), "verify failed: {stderr}");
    assert!(stderr.trim().is_empty(), "verify warned: {stderr}");

    let autostart = std::fs::read_to_string(home.file(AUTOSTART)).unwrap();
    assert!(
        autostart.contains(&format!("\nExec={exec} run\n")),
        "{autostart}"
    );
    assert!(autostart.contains("\nX-GNOME-Autostart-enabled=true\n"));
    assert_valid_desktop_entry(&home.file(AUTOSTART));
    let entry = std::fs::read_to_string(home.file(FILES[2])).unwrap();
    assert!(entry.contains(&format!("\nExec={exec} guide\n")), "{entry}");
    assert_valid_desktop_entry(&home.file(FILES[2]));

    let same = |installed: &str, source: &str| {
        assert!(
            std::fs::read(home.file(installed)).unwrap()
                == std::fs::read(Path::new(ROOT).join(source)).unwrap(),
            "{installed} differs from {source}"
        );
    };
    same(CONFIG, "config/default.toml");
    same(FILES[3], "assets/stretchd.svg");
    same(FILES[7], "packaging/stretchd.1");
    same(FILES[4], "packaging/completions/stretchd.bash");
    same(FILES[5], "packaging/completions/_stretchd");
    same(FILES[6], "packaging/completions/stretchd.fish");
}

#[test]
fn with_a_systemd_user_manager_install_enables_the_unit_and_uninstall_disables_it() {
    let home = Home::new();
    // A first install where systemd was out of reach left an autostart entry...
    home.ok(&["install"]);
    assert!(home.file(AUTOSTART).is_file());
    // ...which an install that reaches systemd replaces.
    home.fake_systemctl(Manager::Answers);
    let stdout = home.ok(&["install"]);
    assert_eq!(
        home.systemctl_calls(),
        [
            "--user show-environment",
            "--user daemon-reload",
            "--user enable --now stretchd"
        ]
    );
    assert!(
        stdout.contains("\nran systemctl --user daemon-reload\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nran systemctl --user enable --now stretchd\n"),
        "{stdout}"
    );
    assert!(!home.file(AUTOSTART).exists(), "{stdout}");
    assert!(
        line_for(&stdout, &home.file(AUTOSTART)).starts_with("removed "),
        "{stdout}"
    );
    assert!(!stdout.contains("autostart entry instead"), "{stdout}");

    std::fs::remove_file(home.systemctl_log()).unwrap();
    let stdout = home.ok(&["uninstall"]);
    assert_eq!(
        home.systemctl_calls(),
        [
            "--user show-environment",
            "--user disable --now stretchd",
            "--user daemon-reload"
        ]
    );
    assert!(
        stdout.starts_with("ran systemctl --user disable --now stretchd\n"),
        "{stdout}"
    );
    for file in &FILES[1..] {
        assert!(!home.file(file).exists(), "{file} left behind:\n{stdout}");
    }
}

#[test]
fn a_manager_that_does_not_answer_means_autostart() {
    let home = Home::new();
    home.fake_systemctl(Manager::Fails);
    let stdout = home.ok(&["install"]);
    assert_eq!(home.systemctl_calls(), ["--user show-environment"]);
    assert!(
        stdout.contains(
            "no systemd user manager answers (`systemctl --user show-environment`: Failed to \
             connect to bus: No medium found): using an XDG autostart entry instead"
        ),
        "{stdout}"
    );
    assert!(home.file(AUTOSTART).is_file());
}

#[test]
fn a_second_install_changes_nothing() {
    let home = Home::new();
    home.ok(&["install"]);
    let before = home.snapshot();
    assert_eq!(before.len(), FILES.len() + 1, "{before:?}");
    let stdout = home.ok(&["install"]);
    assert_eq!(
        home.snapshot(),
        before,
        "the second install touched files:\n{stdout}"
    );
    for file in FILES.iter().chain([&AUTOSTART]) {
        let line = line_for(&stdout, &home.file(file));
        assert!(line.starts_with("unchanged "), "{line}");
    }
    assert!(!stdout.contains("wrote "), "{stdout}");

    // With systemd too: the files stay, only systemctl runs again.
    home.fake_systemctl(Manager::Answers);
    home.ok(&["install"]);
    let before = home.snapshot();
    let stdout = home.ok(&["install"]);
    assert_eq!(home.snapshot(), before, "{stdout}");
    assert!(!stdout.contains("wrote "), "{stdout}");
}

#[test]
fn an_existing_config_is_kept_byte_for_byte() {
    let home = Home::new();
    let mine = b"# my own schedule\n[schedule]\nwork_days = [\"mon\"]\n\xff not even UTF-8\n";
    std::fs::create_dir_all(home.file("config/stretchd")).unwrap();
    std::fs::write(home.file(CONFIG), mine).unwrap();
    let stdout = home.ok(&["install"]);
    assert_eq!(std::fs::read(home.file(CONFIG)).unwrap(), mine);
    assert!(
        line_for(&stdout, &home.file(CONFIG)).starts_with("kept existing "),
        "{stdout}"
    );
    let stdout = home.ok(&["install", "--dry-run"]);
    assert!(
        line_for(&stdout, &home.file(CONFIG)).starts_with("would keep existing "),
        "{stdout}"
    );
}

#[test]
fn uninstall_removes_what_install_wrote_and_keeps_config_and_history() {
    let home = Home::new();
    home.ok(&["install"]);
    std::fs::create_dir_all(home.file("state/stretchd")).unwrap();
    let history = "{\"time\":\"2026-11-24T10:00:00+01:00\",\"reminder\":\"stretch\"}\n";
    std::fs::write(home.file(HISTORY), history).unwrap();

    let before = home.snapshot();
    let stdout = home.ok(&["uninstall", "--dry-run"]);
    assert_eq!(
        home.snapshot(),
        before,
        "a dry run removed files:\n{stdout}"
    );
    for file in FILES[1..].iter().chain([&AUTOSTART]) {
        let line = line_for(&stdout, &home.file(file));
        assert!(line.starts_with("would remove "), "{line}");
    }

    let stdout = home.ok(&["uninstall"]);
    for file in FILES[1..].iter().chain([&AUTOSTART]) {
        assert!(!home.file(file).exists(), "{file} left behind:\n{stdout}");
        let line = line_for(&stdout, &home.file(file));
        assert!(line.starts_with("removed "), "{line}");
    }
    assert_eq!(
        std::fs::read_to_string(home.file(CONFIG)).unwrap(),
        std::fs::read_to_string(Path::new(ROOT).join("config/default.toml")).unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(home.file(HISTORY)).unwrap(),
        history
    );
    assert!(
        line_for(&stdout, &home.file(CONFIG)).starts_with("left in place "),
        "{stdout}"
    );
    assert!(
        line_for(&stdout, &home.file(HISTORY)).starts_with("left in place "),
        "{stdout}"
    );
    // Nothing left to remove: a second uninstall only names the kept files.
    let stdout = home.ok(&["uninstall"]);
    assert!(!stdout.contains("removed "), "{stdout}");
}

#[test]
fn errors_name_the_path_and_what_to_do() {
    let home = Home::new();
    // XDG_DATA_HOME is a file, so no directory can be made under it.
    std::fs::write(home.file("data"), "").unwrap();
    let out = home.run(&["install"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let data = home.file("data/applications").display().to_string();
    assert!(
        stderr.contains(&format!("cannot create the directory {data}"))
            && stderr.contains("check that you own"),
        "{stderr}"
    );
}

#[test]
fn json_lists_the_steps() {
    let home = Home::new();
    let stdout = home.ok(&["install", "--dry-run", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["dry_run"], true);
    let steps = json["steps"].as_array().unwrap();
    let written: Vec<&str> = steps
        .iter()
        .filter(|s| s["action"] == "wrote")
        .map(|s| s["what"].as_str().unwrap())
        .collect();
    assert_eq!(written.len(), FILES.len() + 1, "{stdout}");
    assert!(steps.iter().any(|s| s["action"] == "note"), "{stdout}");
}

#[test]
fn completions_name_the_subcommands() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = home.ok(&["completions", shell]);
        for word in [
            "install",
            "uninstall",
            "snooze",
            "stretches",
            "completions",
            "man",
        ] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    assert!(!home.run(&["completions", "tcsh"]).status.success());
}

#[test]
fn man_page_is_roff() {
    let page = Home::new().ok(&["man"]);
    assert!(page.starts_with(".TH stretchd 1 "), "{}", &page[..80]);
    for needle in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        "stretchd install",
    ] {
        assert!(page.contains(needle), "the man page lacks {needle}");
    }
}

#[test]
fn completions_and_man_page_in_packaging_are_current() {
    let home = Home::new();
    let generated = [
        ("packaging/stretchd.1", vec!["man"]),
        (
            "packaging/completions/stretchd.bash",
            vec!["completions", "bash"],
        ),
        (
            "packaging/completions/_stretchd",
            vec!["completions", "zsh"],
        ),
        (
            "packaging/completions/stretchd.fish",
            vec!["completions", "fish"],
        ),
    ];
    let mut stale = Vec::new();
    for (file, args) in &generated {
        let fresh = home.ok(args);
        let committed = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap_or_default();
        if fresh != committed {
            stale.push(format!("cargo run -- {} > {file}", args.join(" ")));
        }
    }
    assert!(
        stale.is_empty(),
        "the generated files in packaging/ are stale (the CLI changed); run:\n  {}",
        stale.join("\n  ")
    );
}

#[test]
fn the_shipped_desktop_entry_and_icon_are_valid() {
    let entry = Path::new(ROOT).join("assets/stretchd.desktop");
    assert_valid_desktop_entry(&entry);
    let text = std::fs::read_to_string(&entry).unwrap();
    for line in [
        "Exec=stretchd guide",
        "Terminal=true",
        "Icon=stretchd",
        "Categories=Utility;",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line}");
    }
    let icon = Path::new(ROOT).join("assets/stretchd.svg");
    let png = tempfile::NamedTempFile::new().unwrap();
    if let Some(out) = check_with(
        "rsvg-convert",
        &["-w", "64", "-h", "64", "-o", png.path().to_str().unwrap()],
        &icon,
        "librsvg2-bin",
    ) {
        assert!(out.status.success(), "the icon does not render: {out:?}");
        assert!(std::fs::metadata(png.path()).unwrap().len() > 100);
    }
}

#[test]
fn a_named_pipe_in_place_of_a_file_is_an_error_not_a_wait() {
    let home = Home::new();
    let unit = home.file("config/systemd/user/stretchd.service");
    std::fs::create_dir_all(unit.parent().unwrap()).unwrap();
    let status = Command::new("mkfifo").arg(&unit).status().unwrap();
    assert!(status.success());
    // Bounded by `Home::run`: reading the pipe would wait for a writer for ever.
    let out = home.run(&["install"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("cannot read {}", unit.display()))
            && stderr.contains("is a named pipe, not a regular file")
            && stderr.contains("remove it"),
        "{stderr}"
    );
    // Nor does uninstall, which reads an autostart entry to see whether install wrote it: a
    // pipe is not install's, so it stays.
    let autostart = home.file(AUTOSTART);
    std::fs::create_dir_all(autostart.parent().unwrap()).unwrap();
    let status = Command::new("mkfifo").arg(&autostart).status().unwrap();
    assert!(status.success());
    let out = home.run(&["uninstall"]);
    assert!(out.status.success(), "{out:?}");
    assert!(autostart.symlink_metadata().unwrap().file_type().is_fifo());
}
