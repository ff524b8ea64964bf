//! What a result table says about where and when it was measured: the date, the kernel, the CPU,
//! the toolchain, the commit, a tool's version.

use std::process::{Command, Stdio};

use crate::root;

/// The first line `program args...` printed, trimmed; `None` if it could not run or failed.
fn first_line(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    Some(text.lines().next()?.trim().to_owned())
}

/// Now, as the tables print it: `2026-11-24 12:45 UTC`.
pub fn date() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Where and when, in one line for under a result table: `2026-11-24 12:45 UTC; Linux 6.18.44
/// x86_64; Intel(R) Xeon(R) Processor (2 CPUs); rustc 1.95.0 (...); stretchd 1a2b3c4`.
pub fn summary() -> String {
    format!(
        "{}; {}; {} ({} CPUs); {}; stretchd {}",
        date(),
        kernel(),
        cpu(),
        cpus(),
        rustc(),
        commit()
    )
}

/// `uname -srm`: `Linux 6.18.44 x86_64`.
pub fn kernel() -> String {
    first_line("uname", &["-srm"]).unwrap_or_else(|| "unknown kernel".to_owned())
}

/// The CPU's model name from `/proc/cpuinfo`.
pub fn cpu() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    ["model name", "Hardware", "cpu model", "Processor"]
        .iter()
        .find_map(|key| {
            info.lines().find_map(|line| {
                let (k, v) = line.split_once(':')?;
                (k.trim() == *key && !v.trim().is_empty()).then(|| v.trim().to_owned())
            })
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// How many CPUs are online.
pub fn cpus() -> String {
    std::thread::available_parallelism().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// `rustc --version`, run in the workspace (so that its toolchain file counts).
pub fn rustc() -> String {
    first_line("rustc", &["--version"]).unwrap_or_else(|| "rustc unknown".to_owned())
}

/// The short commit of the workspace, noting uncommitted changes to what the binary is built
/// from.
pub fn commit() -> String {
    let Some(commit) = first_line("git", &["rev-parse", "--short", "HEAD"]) else {
        return "unknown".to_owned();
    };
    let changed = first_line(
        "git",
        &[
            "status",
            "--porcelain",
            "--",
            "src",
            "Cargo.toml",
            "Cargo.lock",
        ],
    )
    .is_some_and(|line| !line.is_empty());
    if changed {
        format!("{commit} (with uncommitted changes to src/ or Cargo.*)")
    } else {
        commit
    }
}

/// The first version number (`1.9.0`, `5.27`) that `program args...` prints, if any.
pub fn version(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    text.split_whitespace()
        .map(|word| word.trim_start_matches('v'))
        .find(|word| {
            word.contains('.')
                && word
                    .split('.')
                    .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(str::to_owned)
}
