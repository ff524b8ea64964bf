//! `[sync]` against what a hostile or broken folder holds: links planted where this machine's
//! own files go, a folder that is not one, more machines than a person has. Each case with the
//! real daemon, waiting on its log lines, bounded.

use testkit::{SOON, write_file};

use crate::sync::{Machine, folder};

#[test]
fn a_link_planted_as_this_machines_history_copy_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder(dir.path());
    let mut a = Machine::start(&folder);
    // A sync engine carries links made on another machine: one in place of A's history copy,
    // pointing out of the folder at a file of the user's.
    let victim = write_file(dir.path(), "notes.txt", "precious\n");
    let copy = folder.join(format!("{}.history.jsonl", a.id));
    // Answered once the daemon's loop runs: the copy was made before it.
    a.json(&["status"]);
    std::fs::remove_file(&copy).unwrap();
    std::os::unix::fs::symlink("../../notes.txt", &copy).unwrap();
    a.stretch_done();
    let line = a.wait("sync: cannot append to", SOON);
    assert!(line.contains("is a symbolic link"), "{line}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    // The answer is in the local history all the same.
    assert_eq!(a.json(&["history", "--here"]).as_array().unwrap().len(), 1);
}

#[test]
fn a_folder_that_is_not_one_turns_sync_off_and_status_says_why_until_it_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Sync");
    let made = std::process::Command::new("mkfifo")
        .arg(&folder)
        .status()
        .unwrap();
    assert!(made.success());
    let bus = testkit::Bus::start();
    let config = write_file(dir.path(), "config.toml", &crate::sync::config(&folder));
    let mut daemon = crate::BIN.daemon(&bus.address, &config).start();
    let line = daemon.wait_for_log("sync is off", SOON);
    assert!(line.contains("is a named pipe, not a directory"), "{line}");
    assert!(line.contains("point [sync] dir at one"), "{line}");
    // Never blocked on the pipe: the daemon answers, and says sync is off and why.
    let status = crate::BIN.json_in(daemon.home(), &["status"], &[]);
    let why = status["sync_off"].as_str().unwrap_or_default();
    assert!(why.contains("is a named pipe, not a directory"), "{status}");
    assert!(status.get("sync").is_none(), "{status}");
    let text = crate::BIN.ok_in(daemon.home(), &["status"], &[]);
    assert!(
        text.contains("Sync problem: sync is off: cannot create the folder"),
        "{text}"
    );

    std::fs::remove_file(&folder).unwrap();
    std::fs::create_dir(&folder).unwrap();
    crate::BIN.ok_in(daemon.home(), &["reload"], &[]);
    daemon.wait_for_log("sync: sharing through", SOON);
    let status = crate::BIN.json_in(daemon.home(), &["status"], &[]);
    assert!(status.get("sync_off").is_none(), "{status}");
    assert!(status["sync"]["machine"].is_string(), "{status}");
}

#[test]
fn a_folder_with_thousands_of_machines_keeps_the_last_written_and_status_still_answers() {
    let dir = tempfile::tempdir().unwrap();
    let folder = folder(dir.path());
    let mut a = Machine::start(&folder);
    // Enough machines, with hostnames as long as are kept, for their list to pass the 1 MiB a
    // reply may have; each summary put in place as a sync engine does (a hidden file renamed).
    let count: u32 = 4000;
    let hostname = "é".repeat(64);
    for i in 0..count {
        let id = format!("{:032x}", 0xabc0_0000_u32 + i);
        let written = chrono::DateTime::from_timestamp(1_764_000_000 + i64::from(i), 0).unwrap();
        let summary = serde_json::json!({
            "schema": 1, "machine": id, "hostname": hostname, "written": written,
        });
        let hidden = write_file(&folder, &format!(".{id}.tmp"), &summary.to_string());
        std::fs::rename(hidden, folder.join(format!("{id}.state.json"))).unwrap();
    }
    // One line each time what is skipped changes, until all are counted.
    let all = format!("last: {} ", count - 32);
    while !a.wait("sync: ", SOON).contains(&all) {}
    let status = a.json(&["status"]);
    let machines = status["sync"]["machines"].as_array().unwrap();
    assert_eq!(machines.len(), 32, "{status}");
    let last = chrono::DateTime::from_timestamp(1_764_000_000 + i64::from(count) - 1, 0).unwrap();
    assert!(
        machines
            .iter()
            .any(|m| crate::sync::time(&m["written"]) == last),
        "the machine written last is kept"
    );
    assert!(
        a.ok(&["status"])
            .contains("is the folder shared with more than your own machines?")
    );
}

#[test]
fn check_warns_of_a_folder_the_daemon_could_not_share_through() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let dangling = dir.path().join("dangling");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    let cases = [
        (pipe, "is a named pipe, not a folder; make a folder there"),
        (dangling, "is a symbolic link to nothing, not a folder"),
        (
            dir.path().join("no/such"),
            "does not exist, and neither does the folder it would be made in",
        ),
        (dir.path().join("made-at-start"), ""),
        (folder(dir.path()), ""),
    ];
    for (path, warning) in cases {
        let config = write_file(dir.path(), "config.toml", &crate::sync::config(&path));
        let args = ["check", "--config", config.to_str().unwrap()];
        let out = crate::BIN.run_in(dir.path(), &args, &[], SOON);
        assert!(out.status.success(), "{out:?}");
        let said = testkit::text(&out.stdout) + &testkit::text(&out.stderr);
        if warning.is_empty() {
            assert!(!said.contains("[sync]"), "{}: {said}", path.display());
        } else {
            assert!(said.contains(warning), "{}: {said}", path.display());
        }
    }
}
