//! The Debian package (`cargo deb`, from `[package.metadata.deb]` in Cargo.toml) holds the
//! binaries (`stretchd` and the `stretchd-daemon` it hands `run` over to), the user unit, the desktop entry and icon, the man page and the completions, at the
//! paths Debian and the desktops look in.
//!
//! Building the package needs cargo-deb (`cargo install cargo-deb --locked`) and a release
//! build; where `cargo deb` is missing the test says so loudly and passes, unless
//! `STRETCHD_BUILD_DEB=1` (CI sets it) makes it required.

use std::path::Path;
use std::process::Command;

/// Where a `.deb` must put each file.
const EXPECTED: [&str; 11] = [
    "./usr/bin/stretchd",
    "./usr/libexec/stretchd/stretchd-daemon",
    "./usr/lib/systemd/user/stretchd.service",
    "./usr/share/applications/stretchd.desktop",
    "./usr/share/icons/hicolor/scalable/apps/stretchd.svg",
    "./usr/share/man/man1/stretchd.1.gz",
    "./usr/share/bash-completion/completions/stretchd",
    "./usr/share/zsh/vendor-completions/_stretchd",
    "./usr/share/fish/vendor_completions.d/stretchd.fish",
    "./usr/share/doc/stretchd/copyright",
    "./usr/share/doc/stretchd/examples/config.toml",
];

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

fn cargo_deb_available() -> bool {
    cargo()
        .args(["deb", "--version"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn deb_contains_the_expected_files() {
    let required = std::env::var_os("STRETCHD_BUILD_DEB").is_some_and(|v| v == "1");
    if !cargo_deb_available() {
        assert!(
            !required,
            "STRETCHD_BUILD_DEB=1 but `cargo deb` is missing: `cargo install cargo-deb --locked`"
        );
        eprintln!(
            "\n*** SKIPPED deb_contains_the_expected_files: `cargo deb` is not installed \
             (`cargo install cargo-deb --locked`; STRETCHD_BUILD_DEB=1 makes this test required) ***\n"
        );
        return;
    }
    let out_dir = tempfile::tempdir().unwrap();
    let deb = out_dir.path().join("stretchd.deb");
    let build = cargo()
        .args(["deb", "--locked", "--output"])
        .arg(&deb)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "cargo deb failed:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert!(
        Path::new(&deb).is_file(),
        "cargo deb wrote no {}",
        deb.display()
    );
    let list = Command::new("dpkg-deb")
        .arg("-c")
        .arg(&deb)
        .output()
        .expect("dpkg-deb not found (Debian package dpkg)");
    assert!(list.status.success(), "{list:?}");
    let list = String::from_utf8_lossy(&list.stdout);
    let paths: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    for expected in EXPECTED {
        assert!(
            paths.contains(&expected),
            "{expected} is not in the package:\n{list}"
        );
    }
    for binary in [
        "./usr/bin/stretchd",
        "./usr/libexec/stretchd/stretchd-daemon",
    ] {
        let line = list
            .lines()
            .find(|l| l.ends_with(&format!(" {binary}")))
            .unwrap();
        assert!(line.starts_with("-rwxr-xr-x"), "{line}");
    }
}
