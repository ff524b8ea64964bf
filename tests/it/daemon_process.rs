//! `stretchd run` hands over to the `stretchd-daemon` binary beside it, so the long-running
//! process maps none of the command line's code; without that binary it runs the same daemon
//! in its own process.

use std::path::{Path, PathBuf};

use testkit::{Bin, Bus, Daemon, RUNNING, SOON, config_every, write_file};

use crate::BIN;

/// The binary a process runs, from `/proc/PID/exe`.
fn exe_of(pid: u32) -> PathBuf {
    std::fs::read_link(format!("/proc/{pid}/exe")).unwrap()
}

/// Starts `bin run` on a one-reminder config and checks that `status` answers.
fn start_and_ask(bin: &Bin, bus: &Bus, dir: &Path) -> Daemon {
    let config = write_file(dir, "config.toml", &config_every("1h"));
    let mut daemon = bin.daemon(&bus.address, &config).start();
    daemon.wait_for_log(RUNNING, SOON);
    let status = BIN.ok_in(daemon.home(), &["status"], &[]);
    assert!(status.contains("Next"), "{status}");
    daemon
}

#[test]
fn run_becomes_stretchd_daemon_and_answers_as_before() {
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let daemon = start_and_ask(&BIN, &bus, dir.path());
    let exe = exe_of(daemon.pid());
    assert_eq!(
        exe.file_name().unwrap(),
        "stretchd-daemon",
        "the daemon runs {}",
        exe.display()
    );
}

#[test]
fn without_stretchd_daemon_beside_it_run_keeps_the_daemon_in_its_own_process() {
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    // A copy of `stretchd` alone in a directory (a hard link where the file system allows).
    let alone = dir.path().join("bin");
    std::fs::create_dir(&alone).unwrap();
    let binary = alone.join("stretchd");
    if std::fs::hard_link(BIN.path(), &binary).is_err() {
        std::fs::copy(BIN.path(), &binary).unwrap();
    }
    let daemon = start_and_ask(&Bin::at(binary.clone()), &bus, dir.path());
    assert_eq!(exe_of(daemon.pid()), binary);
}
