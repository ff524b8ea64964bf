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
