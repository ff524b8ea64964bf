//! The user unit passes `systemd-analyze verify` without errors or warnings, and says what the
//! issue asks of it.

use std::process::Command;

const UNIT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/systemd/stretchd.service");

#[test]
fn unit_passes_systemd_analyze_verify_cleanly() {
    let runtime = tempfile::tempdir().unwrap();
    let out = Command::new("systemd-analyze")
        .args(["verify", "--user", "--man=false", UNIT])
        .env("XDG_RUNTIME_DIR", runtime.path())
        .output()
        .expect("systemd-analyze not found: install systemd (Debian package systemd)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "verify failed: {stderr}");
    assert!(stderr.trim().is_empty(), "verify warned: {stderr}");
}

#[test]
fn unit_is_a_notify_service_bound_to_the_graphical_session() {
    let unit = std::fs::read_to_string(UNIT).unwrap();
    for line in [
        "Type=notify",
        "PartOf=graphical-session.target",
        "After=graphical-session.target",
        "WantedBy=graphical-session.target",
        "Restart=on-failure",
        "EnvironmentFile=-",
        "NoNewPrivileges=true",
    ] {
        assert!(unit.lines().any(|l| l.starts_with(line)), "missing {line}");
    }
}
