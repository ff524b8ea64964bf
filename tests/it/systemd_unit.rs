//! The user units pass `systemd-analyze verify` without errors or warnings, and say what the
//! issue asks of them: the one in `systemd/` (for copying by hand) and the Debian package's in
//! `packaging/`, which must be what `stretchd install` would write for `/usr/bin/stretchd`.

use std::path::Path;
use std::process::Command;

const UNIT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/systemd/stretchd.service");
const PACKAGED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/packaging/stretchd.service");
const PACKAGED_BINARY: &str = "/usr/bin/stretchd";

/// Runs `systemd-analyze verify --user` on `unit`; fails on any diagnostic not in `allowed`, and
/// on a non-zero exit when nothing is allowed.
fn verify(unit: &str, allowed: &[String]) {
    let runtime = tempfile::tempdir().unwrap();
    let out = Command::new("systemd-analyze")
        .args(["verify", "--user", "--man=false", unit])
        .env("XDG_RUNTIME_DIR", runtime.path())
        .output()
        .expect("systemd-analyze not found: install systemd (Debian package systemd)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let unexpected: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !allowed.iter().any(|a| l.contains(a.as_str())))
        .collect();
    assert!(unexpected.is_empty(), "verify {unit} complained: {stderr}");
    assert!(
        out.status.success() || !allowed.is_empty(),
        "verify {unit} failed: {stderr}"
    );
}

#[test]
fn unit_passes_systemd_analyze_verify_cleanly() {
    verify(UNIT, &[]);
}

#[test]
fn packaged_unit_passes_systemd_analyze_verify() {
    // `--root` does not work with `--user`, so the one complaint allowed is that the packaged
    // binary is not installed on this machine.
    let allowed = if Path::new(PACKAGED_BINARY).exists() {
        Vec::new()
    } else {
        vec![format!("Command {PACKAGED_BINARY} is not executable")]
    };
    verify(PACKAGED, &allowed);
}

#[test]
fn packaged_unit_is_what_install_writes_for_usr_bin() {
    let expected = stretchd::cli::install::unit_file(Path::new(PACKAGED_BINARY)).unwrap();
    let committed = std::fs::read_to_string(PACKAGED).unwrap();
    if committed != expected {
        let fresh = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stretchd.service");
        std::fs::write(&fresh, &expected).unwrap();
        panic!(
            "packaging/stretchd.service is stale (systemd/stretchd.service changed?); update it: \
             `cp {} packaging/stretchd.service`",
            fresh.display()
        );
    }
    assert!(committed.contains("\nExecStart=/usr/bin/stretchd run\n"));
}

#[test]
fn units_are_notify_services_bound_to_the_graphical_session() {
    for path in [UNIT, PACKAGED] {
        let unit = std::fs::read_to_string(path).unwrap();
        for line in [
            "Type=notify",
            "PartOf=graphical-session.target",
            "After=graphical-session.target",
            "WantedBy=graphical-session.target",
            "Restart=on-failure",
            "EnvironmentFile=-",
            "NoNewPrivileges=true",
        ] {
            assert!(
                unit.lines().any(|l| l.starts_with(line)),
                "{path}: missing {line}"
            );
        }
    }
}
