//! `stretchd config path | get | set | edit`, run as the real binary in a private home: values
//! change in place with the comments kept, nothing invalid is ever written, the editor works on
//! a copy, and a running daemon picks the change up.

use std::fs;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};

use testkit::{Bus, RUNNING, SOON, config_every, run_bounded, text, tools_present, write_file};

use crate::BIN;

/// A config with comments in the places users put them.
const COMMENTED: &str = r#"# my stretchd config
[snooze]
length = "10m" # short snoozes

# the one that matters
[[reminder]]
id = "stretch"
kind = "stretch"
every = "50m"   # every fifty minutes
"#;

/// Where the CLI (and a daemon without `--config`) finds the config in `home`.
fn config_file(home: &Path) -> PathBuf {
    home.join("config/stretchd/config.toml")
}

/// A home whose config file holds `contents`.
fn home_with(contents: &str) -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config/stretchd");
    fs::create_dir_all(&dir).unwrap();
    let path = write_file(&dir, "config.toml", contents);
    (home, path)
}

/// `stretchd args...` in `home`, which must fail with status 1; returns its stderr.
fn fails(home: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = BIN.run_in(home, args, env, SOON);
    assert_eq!(out.status.code(), Some(1), "stretchd {args:?}: {out:?}");
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    text(&out.stderr)
}

#[test]
fn path_says_where_the_config_is_and_whether_it_exists() {
    let home = tempfile::tempdir().unwrap();
    let path = config_file(home.path());
    assert_eq!(
        BIN.ok_in(home.path(), &["config", "path"], &[]),
        format!("{}\n", path.display())
    );
    let json = BIN.json_in(home.path(), &["config", "path"], &[]);
    assert_eq!(json["path"], path.display().to_string());
    assert_eq!(json["exists"], false);
    BIN.ok_in(home.path(), &["config", "set", "snooze.max", "5"], &[]);
    assert_eq!(
        BIN.json_in(home.path(), &["config", "path"], &[])["exists"],
        true
    );

    let other = home.path().join("other.toml");
    let args = ["config", "path", "--config", other.to_str().unwrap()];
    assert_eq!(
        BIN.ok_in(home.path(), &args, &[]),
        format!("{}\n", other.display())
    );
}

#[test]
fn set_and_get_round_trip_and_keep_the_comments() {
    let (home, path) = home_with(COMMENTED);
    let home = home.path();
    let said = BIN.ok_in(
        home,
        &["config", "set", "reminder.stretch.every", "40m"],
        &[],
    );
    assert_eq!(
        said,
        format!("{}: reminder.stretch.every = \"40m\"\n", path.display())
    );
    BIN.ok_in(home, &["config", "set", "snooze.length", "15m"], &[]);
    BIN.ok_in(home, &["config", "set", "snooze.max", "5"], &[]);
    let want = COMMENTED
        .replace("\"50m\"   #", "\"40m\"   #")
        .replace("\"10m\" #", "\"15m\" #")
        .replace("# short snoozes\n", "# short snoozes\nmax = 5\n");
    assert_eq!(fs::read_to_string(&path).unwrap(), want);

    assert_eq!(
        BIN.ok_in(home, &["config", "get", "reminder.stretch.every"], &[]),
        "40m\n"
    );
    assert_eq!(
        BIN.ok_in(home, &["config", "get", "snooze.max"], &[]),
        "5\n"
    );
    let snooze = BIN.json_in(home, &["config", "get", "snooze"], &[]);
    assert_eq!(snooze, serde_json::json!({"length": "15m", "max": 5}));
    // Left out of the file: the default.
    assert_eq!(
        BIN.ok_in(home, &["config", "get", "presence.grace"], &[]),
        "30s\n"
    );
    let days = BIN.json_in(home, &["config", "get", "schedule.work_days"], &[]);
    assert_eq!(days, serde_json::json!(["mon", "tue", "wed", "thu", "fri"]));
    // The file still passes `check`.
    BIN.ok_in(home, &["check"], &[]);

    // The same value again writes nothing.
    let inode = fs::metadata(&path).unwrap().ino();
    let said = BIN.ok_in(home, &["config", "set", "snooze.max", "5"], &[]);
    assert!(
        said.contains("snooze.max is 5 already; nothing written"),
        "{said}"
    );
    assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
    let report = BIN.json_in(home, &["config", "set", "snooze.max", "4"], &[]);
    let want = serde_json::json!({
        "path": path.display().to_string(), "key": "snooze.max", "value": 4, "changed": true
    });
    assert_eq!(report, want);
}

#[test]
fn an_invalid_set_names_the_place_and_leaves_the_file_alone() {
    let (home, path) = home_with(COMMENTED);
    let home = home.path();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let before = fs::metadata(&path).unwrap();
    let cases = [
        (
            &["snooze.length", "soon"][..],
            format!("{}:3:10: snooze: length = \"soon\" is not a duration", path.display()),
        ),
        (
            &["reminder.stretch.kind", "nap"],
            format!("{}:8:8: ", path.display()),
        ),
        (
            &["snooze.colour", "red"],
            format!("{}:4:1: snooze: unknown field `colour`", path.display()),
        ),
        (
            &["reminder.strech.every", "40m"],
            "stretchd: reminder.strech.every: no [[reminder]] has the id \"strech\"; the ids are stretch"
                .to_owned(),
        ),
        // A value that starts with '-' reaches the validation, not the argument parser.
        (
            &["snooze.max", "-1"],
            "snooze.max: invalid value: integer `-1`".to_owned(),
        ),
    ];
    for (args, message) in cases {
        let args = [&["config", "set"][..], args].concat();
        let err = fails(home, &args, &[]);
        assert!(err.contains(&message), "{args:?}: {err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), COMMENTED);
        let after = fs::metadata(&path).unwrap();
        assert_eq!(
            (after.ino(), after.mtime_nsec()),
            (before.ino(), before.mtime_nsec())
        );
    }
    // A good change keeps the file's permissions.
    BIN.ok_in(home, &["config", "set", "snooze.length", "15m"], &[]);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn get_names_an_unknown_key_and_lists_what_there_is() {
    let (home, _) = home_with(COMMENTED);
    let err = fails(home.path(), &["config", "get", "snooze.lenght"], &[]);
    assert_eq!(
        err,
        "stretchd: snooze.lenght: no such key; snooze has length, max\n"
    );
    let err = fails(
        home.path(),
        &["config", "get", "reminder.posture.every"],
        &[],
    );
    assert!(
        err.contains("no [[reminder]] has the id \"posture\""),
        "{err}"
    );
    // An explicit --config must exist, as for `stretchd run`.
    let err = fails(
        home.path(),
        &[
            "config",
            "get",
            "snooze.max",
            "--config",
            "/nonexistent/x.toml",
        ],
        &[],
    );
    assert!(
        err.contains("/nonexistent/x.toml: cannot read the config file"),
        "{err}"
    );
}

#[test]
fn set_without_a_file_starts_from_the_default_config() {
    let home = tempfile::tempdir().unwrap();
    let path = config_file(home.path());
    assert_eq!(
        BIN.ok_in(home.path(), &["config", "get", "snooze.length"], &[]),
        "10m\n"
    );
    BIN.ok_in(home.path(), &["config", "set", "snooze.length", "15m"], &[]);
    let written = fs::read_to_string(&path).unwrap();
    let default = fs::read_to_string("config/default.toml").unwrap();
    assert_eq!(
        written,
        default.replace("length = \"10m\"", "length = \"15m\"")
    );
}

/// A home for `config edit`: its own temporary directory (`TMPDIR`), and an editor script that
/// runs `body` on the copy ("$1") and records the copy's path.
struct EditHome {
    home: tempfile::TempDir,
    env: Vec<(String, String)>,
}

impl EditHome {
    fn new(contents: Option<&str>, body: &str) -> EditHome {
        let home = match contents {
            Some(contents) => home_with(contents).0,
            None => tempfile::tempdir().unwrap(),
        };
        let tmp = home.path().join("tmp");
        fs::create_dir(&tmp).unwrap();
        let script = home.path().join("editor.sh");
        let record = home.path().join("edited");
        fs::write(
            &script,
            format!(
                "#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n{body}\n",
                record.display()
            ),
        )
        .unwrap();
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
        let env = vec![
            ("TMPDIR".to_owned(), tmp.display().to_string()),
            ("VISUAL".to_owned(), String::new()),
            ("EDITOR".to_owned(), script.display().to_string()),
        ];
        EditHome { home, env }
    }

    fn path(&self) -> &Path {
        self.home.path()
    }

    fn run(&self) -> std::process::Output {
        let env: Vec<(&str, &str)> = self.env.iter().map(|(k, v)| (&**k, &**v)).collect();
        BIN.run_in(self.path(), &["config", "edit"], &env, SOON)
    }

    /// The copy the editor was given, which must be gone (with its directory) unless `kept`.
    fn copy(&self, kept: bool) -> PathBuf {
        let copy = PathBuf::from(fs::read_to_string(self.path().join("edited")).unwrap());
        assert!(
            copy.starts_with(self.path().join("tmp")),
            "{}",
            copy.display()
        );
        assert_eq!(copy.file_name().unwrap(), "config.toml");
        let left = fs::read_dir(self.path().join("tmp")).unwrap().count();
        assert_eq!(left, usize::from(kept), "temporary files left behind");
        copy
    }
}

#[test]
fn edit_puts_a_valid_edit_in_place() {
    let edit = EditHome::new(Some(COMMENTED), "sed -i 's/50m/45m/' \"$1\"");
    let path = config_file(edit.path());
    let out = edit.run();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(text(&out.stdout), format!("{}: saved\n", path.display()));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        COMMENTED.replace("50m", "45m")
    );
    edit.copy(false);
}

#[test]
fn edit_without_a_file_starts_from_the_default_and_unchanged_writes_nothing() {
    let edit = EditHome::new(None, "true");
    let path = config_file(edit.path());
    let out = edit.run();
    assert!(out.status.success(), "{out:?}");
    assert!(
        text(&out.stdout).contains("no changes, so no file was written"),
        "{out:?}"
    );
    assert!(!path.exists());
    edit.copy(false);
    let default = fs::read_to_string("config/default.toml").unwrap();

    let edit = EditHome::new(None, "sed -i 's/\"50m\"/\"40m\"/' \"$1\"");
    let path = config_file(edit.path());
    assert!(edit.run().status.success());
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        default.replace("\"50m\"", "\"40m\"")
    );

    // Unchanged with a file: said, and the file is not touched.
    let edit = EditHome::new(Some(COMMENTED), ": nothing");
    let path = config_file(edit.path());
    let inode = fs::metadata(&path).unwrap().ino();
    let out = edit.run();
    assert_eq!(
        text(&out.stdout),
        format!("{}: no changes\n", path.display())
    );
    assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
}

#[test]
fn an_invalid_edit_without_a_terminal_exits_1_and_keeps_the_original() {
    let edit = EditHome::new(Some(COMMENTED), "sed -i 's/\"10m\"/\"soon\"/' \"$1\"");
    let path = config_file(edit.path());
    let out = edit.run();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = text(&out.stderr);
    // The error names the real file, not the copy.
    let want = format!(
        "stretchd: {}:3:10: snooze: length = \"soon\" is not a duration",
        path.display()
    );
    assert!(err.starts_with(&want), "{err}");
    assert!(err.contains("is as it was"), "{err}");
    assert!(
        !err.contains("Edit again?"),
        "asked without a terminal: {err}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), COMMENTED);
    edit.copy(false);

    // A failing editor: nothing written either.
    let edit = EditHome::new(Some(COMMENTED), "sed -i 's/50m/45m/' \"$1\"; exit 3");
    let out = edit.run();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        text(&out.stderr).contains("failed (exit status: 3)"),
        "{out:?}"
    );
    assert_eq!(
        fs::read_to_string(config_file(edit.path())).unwrap(),
        COMMENTED
    );
}

#[test]
fn a_file_changed_during_the_edit_is_not_overwritten() {
    let body = "printf '# meanwhile\\n' >> \"$HOME/config/stretchd/config.toml\"\n\
                sed -i 's/50m/45m/' \"$1\"";
    let edit = EditHome::new(Some(COMMENTED), body);
    let path = config_file(edit.path());
    let out = edit.run();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = text(&out.stderr);
    assert!(err.contains("changed while it was being edited"), "{err}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        format!("{COMMENTED}# meanwhile\n")
    );
    // The edit is kept, where the message says.
    let copy = edit.copy(true);
    assert!(err.contains(&copy.display().to_string()), "{err}");
    assert_eq!(
        fs::read_to_string(&copy).unwrap(),
        COMMENTED.replace("50m", "45m")
    );
}

#[test]
fn a_running_daemon_reloads_what_set_writes() {
    let (home, path) = home_with(&config_every("1h"));
    let bus = Bus::start();
    let mut daemon = BIN
        .daemon(&bus.address, &path)
        .home(home.path())
        .default_config()
        .start();
    daemon.wait_for_log(RUNNING, SOON);
    let said = BIN.ok_in(
        home.path(),
        &["config", "set", "reminder.stretch.every", "7m"],
        &[],
    );
    assert!(said.contains("reloads it by itself"), "{said}");
    daemon.wait_for_log("config reloaded", SOON);
    let status = BIN.json_in(home.path(), &["status"], &[]);
    assert!(status["config_error"].is_null(), "{status}");

    // Another file than the daemon's: said so, and nothing reloads.
    let other = home.path().join("other.toml");
    fs::write(&other, config_every("1h")).unwrap();
    let args = [
        "config",
        "set",
        "snooze.max",
        "1",
        "--config",
        other.to_str().unwrap(),
    ];
    let said = BIN.ok_in(home.path(), &args, &[]);
    assert!(
        said.contains(&format!("uses {}, not this file", path.display())),
        "{said}"
    );
}

#[test]
fn a_daemon_on_the_built_in_default_is_told_to_reload_the_new_file() {
    let home = tempfile::tempdir().unwrap();
    let path = config_file(home.path());
    let bus = Bus::start();
    // No config directory: the daemon cannot watch it.
    let mut daemon = BIN
        .daemon(&bus.address, &path)
        .home(home.path())
        .default_config()
        .start();
    daemon.wait_for_log(RUNNING, SOON);
    let said = BIN.ok_in(home.path(), &["config", "set", "snooze.max", "1"], &[]);
    assert!(said.contains("was told to reload: reloaded"), "{said}");
    daemon.wait_for_log("config reloaded", SOON);
    let status = BIN.json_in(home.path(), &["status"], &[]);
    assert_eq!(status["config"], path.display().to_string());
}

#[test]
fn on_a_terminal_an_invalid_edit_is_offered_again() {
    if !tools_present(
        "on_a_terminal_an_invalid_edit_is_offered_again",
        &["script"],
        "install util-linux (script(1) gives the edit a terminal)",
    ) {
        return;
    }
    // The first run breaks the copy, the second mends it.
    let body = "if grep -q soon \"$1\"; then sed -i 's/\"soon\"/\"12m\"/' \"$1\"; \
                else sed -i 's/\"10m\"/\"soon\"/' \"$1\"; fi";
    let edit = EditHome::new(Some(COMMENTED), body);
    let path = config_file(edit.path());
    let answers = edit.path().join("answers");
    fs::write(&answers, "y\n").unwrap();
    // script(1) runs the binary on a terminal, in the environment `stretchd` gives it.
    let mut script = std::process::Command::new("script");
    script.args([
        "-qec",
        &format!("'{}' config edit", BIN.path().display()),
        "/dev/null",
    ]);
    for (k, v) in BIN.command(edit.path()).get_envs() {
        match v {
            Some(v) => script.env(k, v),
            None => script.env_remove(k),
        };
    }
    for (k, v) in &edit.env {
        script.env(k, v);
    }
    script
        .stdin(fs::File::open(&answers).unwrap())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let out = run_bounded(script, SOON);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    let error = format!("{}:3:10: snooze: length = \"soon\"", path.display());
    assert!(said.contains(&error), "{said}");
    assert!(said.contains("Edit again? [Y/n]"), "{said}");
    assert!(
        said.contains(&format!("{}: saved", path.display())),
        "{said}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        COMMENTED.replace("10m", "12m")
    );
    edit.copy(false);
}

/// A file from before the rename (`stretches_per_week`): `get` of the new name shows the value
/// in force, and `set` of it renames the key in place instead of failing on "has both".
#[test]
fn the_old_goal_key_is_read_by_get_and_renamed_by_set() {
    let old = "[goal]\nstretches_per_week = 2 # mine\n\n[[reminder]]\nid = \"s\"\nkind = \"session\"\ncron = \"0 17 * * mon\"\n";
    let (home, path) = home_with(old);
    let home = home.path();
    let got = BIN.ok_in(home, &["config", "get", "goal.sessions_per_week"], &[]);
    assert_eq!(got.trim(), "2");
    BIN.ok_in(home, &["config", "set", "goal.sessions_per_week", "4"], &[]);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        old.replace("stretches_per_week = 2", "sessions_per_week = 4")
    );
    let check = BIN.run_in(home, &["check", "--count", "1"], &[], SOON);
    assert!(!text(&check.stderr).contains("old name"), "{check:?}");
}

/// `--json config edit` is refused before any editor starts, as `--json guide` is: an editor
/// session has no JSON to print.
#[test]
fn edit_with_json_is_refused_before_the_editor_runs() {
    let home = tempfile::tempdir().unwrap();
    let marker = home.path().join("editor-ran");
    let editor = format!("touch {}", marker.display());
    let err = fails(
        home.path(),
        &["--json", "config", "edit"],
        &[("VISUAL", &editor), ("EDITOR", &editor)],
    );
    assert!(
        err.contains("`stretchd config edit` has no JSON output"),
        "{err}"
    );
    assert!(!marker.exists());
    assert!(!config_file(home.path()).exists());
}

/// Found by a hostile pass: a config that is a symlink to a missing file (a dotfiles checkout not
/// there) ran the built-in default: `check` said "no file at", `config get` answered the
/// default's value. Each now says the link is dangling, where it points, and the fix.
#[test]
fn a_dangling_config_symlink_is_an_error_not_the_default() {
    let home = tempfile::tempdir().unwrap();
    let path = config_file(home.path());
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink("/nonexistent/stretchd.toml", &path).unwrap();
    for args in [
        &["check"][..],
        &["config", "get", "goal.sessions_per_week"],
        &["config", "set", "goal.sessions_per_week", "2"],
    ] {
        let out = BIN.run_in(home.path(), args, &[], SOON);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}: {}",
            text(&out.stdout)
        );
        let e = text(&out.stderr);
        assert!(
            e.contains("is a symlink to a file that does not exist (/nonexistent/stretchd.toml); create that file or remove the link"),
            "{args:?}: {e}"
        );
    }
    assert!(
        fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
