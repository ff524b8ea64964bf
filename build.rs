//! Link arguments of `stretchd-daemon` (`BENCHMARKS.md`, "Footprint under `KWin`"):
//!
//! - Position-dependent (`-no-pie`). A position-independent executable has its relocated
//!   constants (vtables, pointers to static data: about 88 kB) written at load into private
//!   anonymous pages that stay resident all session; at a fixed address they are clean pages of
//!   the file. The libraries, the stack and the heap stay randomized; the daemon's code forbids
//!   `unsafe`.
//! - The functions that run first (`src/bin/stretchd-daemon.order`, written by
//!   `stretchd-bench order`): the kernel maps the 64 kB around every page of code touched, so
//!   with the running functions packed together the rest of the binary (error paths, idle
//!   sources not in use, the panic machinery) is never mapped. Only with rust-lld, the default
//!   linker of x86_64-unknown-linux-gnu since Rust 1.90; other linkers get an ordinary binary.
//!   With `STRETCHD_LINK_MAP=PATH` the link also writes its map there (for `stretchd-bench
//!   order`).

use std::env;
use std::path::Path;
use std::process::Command;

const ORDER: &str = "src/bin/stretchd-daemon.order";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={ORDER}");
    println!("cargo:rerun-if-env-changed=STRETCHD_LINK_MAP");
    println!("cargo:rustc-link-arg-bin=stretchd-daemon=-no-pie");
    if !links_with_rust_lld() {
        return;
    }
    let order = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(ORDER);
    if order.is_file() {
        println!(
            "cargo:rustc-link-arg-bin=stretchd-daemon=-Wl,--symbol-ordering-file={},--no-warn-symbol-ordering",
            order.display()
        );
    }
    if let Some(map) = env::var_os("STRETCHD_LINK_MAP") {
        println!(
            "cargo:rustc-link-arg-bin=stretchd-daemon=-Wl,-Map={},--no-demangle",
            Path::new(&map).display()
        );
    }
}

/// Whether rustc links with its own lld here: the target is x86_64-unknown-linux-gnu, rustc is
/// 1.90 or later, and no linker was chosen by hand.
fn links_with_rust_lld() -> bool {
    if env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu")
        || env::var_os("RUSTC_LINKER").is_some()
    {
        return false;
    }
    let flags = env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if flags.contains("link") {
        return false;
    }
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let Ok(out) = Command::new(rustc).arg("--version").output() else {
        return false;
    };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let version = String::from_utf8_lossy(&out.stdout);
    let minor = version
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.split('.').nth(1))
        .and_then(|m| m.parse::<u32>().ok());
    minor.is_some_and(|m| m >= 90)
}
