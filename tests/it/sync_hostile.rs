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
