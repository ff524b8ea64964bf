//! `stretchd run` hands over to the `stretchd-daemon` binary beside it, so the long-running
//! process maps none of the command line's code; without that binary it runs the same daemon
//! in its own process.

#![allow(dead_code)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;

use common::{Bus, Daemon, Guard, RUNNING, SOON, ok_in, stretchd, write_file};

/// The binary a process runs, from `/proc/PID/exe`.
fn exe_of(pid: u32) -> PathBuf {
    std::fs::read_link(format!("/proc/{pid}/exe")).unwrap()
}

#[test]
fn run_becomes_stretchd_daemon_and_answers_as_before() {
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &common::config_every("1h"));
    let mut daemon = Daemon::builder(&bus.address, &config).start();
    daemon.wait_for_log(RUNNING, SOON);
    let exe = exe_of(daemon.pid());
    assert_eq!(
        exe.file_name().unwrap(),
        "stretchd-daemon",
        "the daemon runs {}",
        exe.display()
    );
    let status = ok_in(daemon.home(), &["status"], &[]);
    assert!(status.contains("Next"), "{status}");
}

#[test]
fn without_stretchd_daemon_beside_it_run_keeps_the_daemon_in_its_own_process() {
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &common::config_every("1h"));
    // A copy of `stretchd` alone in a directory (a hard link where the file system allows).
    let alone = dir.path().join("bin");
    std::fs::create_dir(&alone).unwrap();
    let binary = alone.join("stretchd");
    let original = Path::new(env!("CARGO_BIN_EXE_stretchd"));
    if std::fs::hard_link(original, &binary).is_err() {
        std::fs::copy(original, &binary).unwrap();
    }
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let template = stretchd(&home);
    let mut cmd = Command::new(&binary);
    for (key, value) in template.get_envs() {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        };
    }
    let mut child = cmd
        .args(["run", "--config"])
        .arg(&config)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let pid = child.id();
    let _guard = Guard(child);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    loop {
        let line = rx.recv_timeout(SOON).expect("the daemon did not start");
        if line.contains(RUNNING) {
            break;
        }
    }
    assert_eq!(exe_of(pid), binary);
    let status = ok_in(&home, &["status"], &[]);
    assert!(status.contains("Next"), "{status}");
}
