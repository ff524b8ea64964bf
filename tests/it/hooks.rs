//! End to end: `[hooks]` with the real binary on a private bus and the test notification
//! server. Each hook is a small `/bin/sh` script in a temporary directory; the one that records
//! writes its environment to `<hook>.env` through a rename, and the test waits (bounded) for
//! the daemon's debug line saying the run finished before it reads the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use testkit::notifications::Server;
use testkit::{
    Bus, Daemon, SOON, all_day_config, raw_request, shell_script, socket_path, write_file,
};

use crate::BIN;

/// Bound for a `"2s"` reminder to arrive: generous, for a loaded CI machine.
const DUE: Duration = Duration::from_secs(10);

/// The log filter: the hooks' debug lines (each run's end), the rest at info.
const LOG: &str = "info,stretchd::daemon::hooks=debug";

/// A script that writes its environment to `<dir>/<STRETCHD_HOOK>.env` (whole, by a rename).
fn recorder(dir: &Path) -> PathBuf {
    shell_script(
        dir,
        "record.sh",
        r#"d=$(dirname "$0"); env > "$d/$STRETCHD_HOOK.tmp" && mv "$d/$STRETCHD_HOOK.tmp" "$d/$STRETCHD_HOOK.env""#,
    )
}

/// The `STRETCHD_*` variables the last run of `hook` was given.
fn recorded(dir: &Path, hook: &str) -> BTreeMap<String, String> {
    let path = dir.join(format!("{hook}.env"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter_map(|l| l.split_once('='))
        // Not the ones the daemon passes on from its own environment (the tests' `STRETCHD_REQUIRE_*`,
        // `stretchd run`'s `STRETCHD_CLI*`).
        .filter(|(k, _)| {
            k.starts_with("STRETCHD_")
                && !k.starts_with("STRETCHD_CLI")
                && std::env::var_os(k).is_none()
        })
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn vars(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Starts a bus, the test server and the daemon on `config` (written to `dir`).
async fn setup(dir: &Path, config: &str) -> (Bus, Server, Daemon) {
    let bus = Bus::start();
    let server = Server::start(&bus.address);
    let path = write_file(dir, "config.toml", config);
    let mut daemon = BIN.daemon(&bus.address, &path).env("RUST_LOG", LOG).start();
    daemon.wait_for_log_async("stretchd is running", SOON).await;
    (bus, server, daemon)
}

/// A config with the seated twist every 2 s and `hooks` as the `[hooks]` section.
fn twist_config(hooks: &str) -> String {
    all_day_config(&format!(
        "[hooks]\n{hooks}\n\
         [[reminder]]\n\
         id = \"stretch\"\n\
         kind = \"stretch\"\n\
         every = \"2s\"\n\
         stretch = \"seated-twist\"\n"
    ))
}

/// The debug line the daemon writes when a run of `hook` running `command` has ended well.
fn finished(hook: &str, command: &Path) -> String {
    format!("hooks: {hook} = \"{}\" finished", command.display())
}

#[tokio::test]
async fn show_and_answer_hooks_are_told_the_reminder_and_the_answer() {
    let dir = tempfile::tempdir().unwrap();
    let record = recorder(dir.path());
    let hooks = format!(
        "on_show = \"{0}\"\non_answer = [\"{0}\"]\n",
        record.display()
    );
    let (_bus, server, mut daemon) = setup(dir.path(), &twist_config(&hooks)).await;

    let shown = server.next_async(DUE, &daemon).await;
    daemon
        .wait_for_log_async(&finished("on_show", &record), SOON)
        .await;
    let title = shown.summary.as_str();
    assert_eq!(
        recorded(dir.path(), "on_show"),
        vars(&[
            ("STRETCHD_HOOK", "on_show"),
            ("STRETCHD_ITEM", "seated-twist"),
            ("STRETCHD_KIND", "stretch"),
            ("STRETCHD_REMINDER", "stretch"),
            ("STRETCHD_TITLE", title),
        ])
    );

    // Answered from the terminal.
    BIN.ok_in(daemon.home(), &["done"], &[]);
    daemon
        .wait_for_log_async(&finished("on_answer", &record), SOON)
        .await;
    let answered = recorded(dir.path(), "on_answer");
    assert_eq!(
        answered,
        vars(&[
            ("STRETCHD_ANSWER", "done"),
            ("STRETCHD_HOOK", "on_answer"),
            ("STRETCHD_ITEM", "seated-twist"),
            ("STRETCHD_KIND", "stretch"),
            ("STRETCHD_REMINDER", "stretch"),
            ("STRETCHD_TITLE", title),
        ])
    );

    // Answered from the notification's button (ActionInvoked).
    let next = server.next_async(DUE, &daemon).await;
    server.press(next.id, "skip");
    daemon.wait_for_log_async("skipped", SOON).await;
    daemon
        .wait_for_log_async(&finished("on_answer", &record), SOON)
        .await;
    assert_eq!(
        recorded(dir.path(), "on_answer").get("STRETCHD_ANSWER"),
        Some(&"skipped".to_owned())
    );
}

#[tokio::test]
async fn a_hook_that_hangs_is_killed_at_the_timeout_and_the_daemon_answers_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    // Not `exec sleep`: the sleep is a child of the script, in its process group. The first
    // run writes its pid (noclobber: the later runs, 2 s apart, leave it).
    let hang = shell_script(
        dir.path(),
        "hang.sh",
        r#"(set -C; echo $$ > "$(dirname "$0")/pid") 2>/dev/null; sleep 60"#,
    );
    let hooks = format!("on_show = \"{}\"\ntimeout = \"3s\"\n", hang.display());
    let (_bus, server, mut daemon) = setup(dir.path(), &twist_config(&hooks)).await;

    server.next_async(DUE, &daemon).await;
    daemon.wait_for_log_async("hook started", SOON).await;
    let started = Instant::now();
    // The hook is running (it wrote its pid, or will at once); the daemon answers all the same.
    let status = BIN.ok_in(daemon.home(), &["status"], &[]);
    assert!(status.contains("stretch"), "{status}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "status took {:?} while a hook ran",
        started.elapsed()
    );
    let killed = daemon.wait_for_log_async("and was killed", SOON).await;
    assert!(
        killed.contains("WARN") && killed.contains("timeout = \"3s\""),
        "{killed}"
    );
    let pid: i32 = std::fs::read_to_string(dir.path().join("pid"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let alive = living_in_group(pid);
    assert!(
        alive.is_empty(),
        "the hook's process group (the script and its sleep) is still alive: {alive:?}"
    );
    // Reminders go on, and the next run that hangs is not warned about again.
    server.next_async(DUE, &daemon).await;
    daemon.wait_for_log_async("still fails", SOON).await;
    assert_eq!(daemon.count("(reported once"), 1, "{}", daemon.log());
}

/// The processes of process group `group` that are not zombies (a killed orphan may wait for
/// its reaper a while), as `(pid, command)`.
fn living_in_group(group: i32) -> Vec<(String, String)> {
    let mut living = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // pid (comm) state ppid pgrp ...
        let Some((head, rest)) = stat.rsplit_once(") ") else {
            continue;
        };
        let fields: Vec<&str> = rest.split(' ').collect();
        if fields.get(2) == Some(&group.to_string().as_str()) && fields[0] != "Z" {
            living.push((
                entry.file_name().to_string_lossy().into_owned(),
                head.to_owned(),
            ));
        }
    }
    living
}

#[tokio::test]
async fn a_missing_command_is_logged_once_and_the_daemon_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-hook");
    let hooks = format!("on_show = [\"{}\", \"--flag\"]\n", missing.display());
    let (_bus, server, mut daemon) = setup(dir.path(), &twist_config(&hooks)).await;

    server.next_async(DUE, &daemon).await;
    let line = daemon.wait_for_log_async("did not start", SOON).await;
    assert!(
        line.contains(&format!("on_show = \"{} --flag\"", missing.display()))
            && line.contains("No such file")
            && line.contains("PATH"),
        "{line}"
    );
    // The next reminders are shown; the failure is not warned about again.
    server.next_async(DUE, &daemon).await;
    daemon.wait_for_log_async("still fails", SOON).await;
    server.next_async(DUE, &daemon).await;
    assert_eq!(daemon.count("(reported once"), 1, "{}", daemon.log());
    BIN.ok_in(daemon.home(), &["status"], &[]);

    // A config that names a hook that works is picked up by the reload, and the recovery logged.
    let record = recorder(dir.path());
    let hooks = format!("on_show = \"{}\"\n", record.display());
    write_file(dir.path(), "config.toml", &twist_config(&hooks));
    daemon.wait_for_log_async("config reloaded", SOON).await;
    let again = daemon.wait_for_log_async("works again", DUE).await;
    assert!(again.contains(&record.display().to_string()), "{again}");
    assert_eq!(
        recorded(dir.path(), "on_show")
            .get("STRETCHD_ITEM")
            .map(String::as_str),
        Some("seated-twist")
    );
}

#[tokio::test]
async fn session_hooks_run_when_the_guide_opens_and_when_the_session_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let record = recorder(dir.path());
    // A "terminal" that starts and exits: the guide counts as opened.
    let config = all_day_config(&format!(
        "[notify]\nterminal = \"true\"\n\
         [hooks]\non_session_start = \"{0}\"\non_session_end = \"{0}\"\n\
         [[reminder]]\nid = \"session\"\nkind = \"session\"\nevery = \"2s\"\n",
        record.display()
    ));
    let (_bus, server, mut daemon) = setup(dir.path(), &config).await;

    let shown = server.next_async(DUE, &daemon).await;
    server.press(shown.id, "done");
    daemon
        .wait_for_log_async(&finished("on_session_start", &record), SOON)
        .await;
    let start = recorded(dir.path(), "on_session_start");
    assert_eq!(
        start,
        vars(&[
            ("STRETCHD_HOOK", "on_session_start"),
            ("STRETCHD_ITEM", "session"),
            ("STRETCHD_KIND", "session"),
            ("STRETCHD_REMINDER", "session"),
            ("STRETCHD_TITLE", shown.summary.as_str()),
        ])
    );

    // What `stretchd guide --session` sends when the user finishes the session.
    let reply = raw_request(
        &socket_path(daemon.home()),
        b"{\"type\":\"session_done\"}\n",
        SOON,
    )
    .unwrap();
    assert!(reply.contains("recorded a stretch session"), "{reply}");
    daemon
        .wait_for_log_async(&finished("on_session_end", &record), SOON)
        .await;
    let end = recorded(dir.path(), "on_session_end");
    assert_eq!(end.get("STRETCHD_ANSWER").map(String::as_str), Some("done"));
    assert_eq!(
        end.get("STRETCHD_KIND").map(String::as_str),
        Some("session")
    );
    assert_eq!(
        end.get("STRETCHD_REMINDER").map(String::as_str),
        Some("guide")
    );
    assert!(
        end["STRETCHD_TITLE"].starts_with("Stretch session"),
        "{end:?}"
    );
}

#[tokio::test]
async fn a_hook_still_running_when_the_daemon_stops_is_killed_with_what_it_started() {
    let dir = tempfile::tempdir().unwrap();
    let hang = shell_script(
        dir.path(),
        "hang.sh",
        r#"(set -C; echo $$ > "$(dirname "$0")/pid") 2>/dev/null; sleep 60"#,
    );
    let hooks = format!("on_show = \"{}\"\ntimeout = \"5m\"\n", hang.display());
    let (_bus, server, mut daemon) = setup(dir.path(), &twist_config(&hooks)).await;
    server.next_async(DUE, &daemon).await;
    daemon.wait_for_log_async("hook started", SOON).await;
    let pid_file = dir.path().join("pid");
    let deadline = Instant::now() + SOON;
    while !pid_file.is_file() {
        assert!(Instant::now() < deadline, "the hook wrote no pid");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let pid: i32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    daemon.signal("TERM");
    daemon.wait_exit(SOON);
    let deadline = Instant::now() + SOON;
    loop {
        let alive = living_in_group(pid);
        if alive.is_empty() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the hook's process group outlived the daemon: {alive:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_hook_that_names_a_folder_is_told_it_is_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("hooks");
    std::fs::create_dir(&folder).unwrap();
    let hooks = format!("on_show = \"{}\"\n", folder.display());
    let (_bus, server, mut daemon) = setup(dir.path(), &twist_config(&hooks)).await;
    server.next_async(DUE, &daemon).await;
    let line = daemon.wait_for_log_async("did not start", SOON).await;
    assert!(line.contains("is a folder, not a program"), "{line}");
}

#[test]
fn check_warns_of_hook_programs_that_cannot_run_and_not_of_those_that_can() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("hooks");
    std::fs::create_dir(&folder).unwrap();
    let plain = write_file(dir.path(), "plain.sh", "echo not executable\n");
    let good = recorder(dir.path());
    let hooks = format!(
        "on_show = \"{}\"\non_answer = \"{}\"\non_session_start = \"{}/gone\"\non_session_end = \"no-such-program-here\"\n",
        folder.display(),
        plain.display(),
        dir.path().display(),
    );
    let config = write_file(dir.path(), "config.toml", &twist_config(&hooks));
    let config = config.to_str().unwrap();
    // Still valid (the programs may come later, and the daemon says so when it runs them).
    let out = BIN.ok_in(dir.path(), &["check", "--config", config], &[]);
    let warned = |hook: &str, why: &str| {
        out.lines()
            .any(|l| l.starts_with(&format!("warning: [hooks] {hook}: ")) && l.contains(why))
    };
    assert!(warned("on_show", "is a folder"), "{out}");
    assert!(warned("on_answer", "chmod +x"), "{out}");
    assert!(warned("on_session_start", "does not exist"), "{out}");
    assert!(warned("on_session_end", "not found on PATH"), "{out}");

    // Programs that can run: a full path and a name found on PATH; nothing to warn of.
    let hooks = format!("on_show = \"{}\"\non_answer = \"true\"\n", good.display());
    let config = write_file(dir.path(), "config.toml", &twist_config(&hooks));
    let out = BIN.ok_in(
        dir.path(),
        &["check", "--config", config.to_str().unwrap()],
        &[],
    );
    assert!(!out.contains("[hooks]"), "{out}");
    let json = BIN.json_in(
        dir.path(),
        &["check", "--config", config.to_str().unwrap()],
        &[],
    );
    assert!(json.get("warnings").is_none(), "{json}");
}
