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
//!
//! It also embeds the translations (`TRANSLATING.md`): every language folder under `i18n/`
//! with its message files becomes a row of `$OUT_DIR/i18n_files.rs` (see `src/i18n/files.rs`),
//! so a new language needs no code; and the English texts of the built-in catalogue
//! (`i18n/en/catalog.ftl`, the one source of those texts) become constants
//! (`$OUT_DIR/catalog_en.rs`, see `src/catalog/builtin.rs`), so that the catalogue is built
//! without parsing anything at run time.

use std::env;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use fluent_bundle::{FluentBundle, FluentResource};
use fluent_syntax::ast;

const ORDER: &str = "src/bin/stretchd-daemon.order";

/// The folder of the translations, one folder per language.
const I18N: &str = "i18n";

/// The message files of each language, in the order of `i18n::Part`.
const PARTS: [&str; 4] = ["catalog.ftl", "daemon.ftl", "cli.ftl", "help.ftl"];

/// How many of [`PARTS`], from the first, the daemon reads.
const DAEMON_PARTS: usize = 2;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    embed_translations();
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

/// Writes `$OUT_DIR/i18n_files.rs`: `LANGUAGES`, each language folder of `i18n/` with the
/// ranges of its `catalog.ftl` and `daemon.ftl` in `DAEMON_TEXTS` (`$OUT_DIR/i18n_daemon.bin`,
/// every language's two files one after another), and `CLI_TEXTS`, its `cli.ftl` and
/// `help.ftl` ("" for a file it lacks); and `$OUT_DIR/catalog_en.rs`, `ENGLISH`: the English
/// catalogue's messages as `(id, text)` sorted by id.
fn embed_translations() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(I18N);
    println!("cargo:rerun-if-changed={}", root.display());
    let mut tags: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    tags.sort();
    // The daemon's two files of every language go into one block of their own, aligned to the
    // 64 kB the kernel maps around a page touched, so that only a language the daemon parses is
    // mapped (and no neighbour's touch maps them); the command line's two files stay out of
    // the daemon binary (`src/i18n/files.rs`).
    let mut blob: Vec<u8> = Vec::new();
    let mut out = String::from("// Written by build.rs from i18n/.\n\n");
    out.push_str("/// Every language with a folder under `i18n/`, by tag, with its files.\n");
    out.push_str(
        "#[allow(clippy::unreadable_literal, reason = \"offsets written by build.rs\")]\n",
    );
    out.push_str("pub(super) const LANGUAGES: &[Files] = &[\n");
    let mut cli = String::from(
        "/// `cli.ftl` and `help.ftl` of each language, in the order of [`LANGUAGES`].\n\
         pub(super) const CLI_TEXTS: &[[&str; 2]] = &[\n",
    );
    for (index, tag) in tags.iter().enumerate() {
        let _ = write!(
            out,
            "    Files {{\n        tag: {tag:?},\n        index: {index},\n        daemon: ["
        );
        cli.push_str("    [");
        for (i, part) in PARTS.iter().enumerate() {
            let path = root.join(tag).join(part);
            println!("cargo:rerun-if-changed={}", path.display());
            let text = if path.is_file() {
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            } else {
                String::new()
            };
            if i < DAEMON_PARTS {
                let start = blob.len();
                blob.extend_from_slice(text.as_bytes());
                let _ = write!(out, "{start}..{}, ", blob.len());
            } else {
                let _ = write!(cli, "{text:?}, ");
            }
        }
        out.push_str("],\n    },\n");
        let _ = writeln!(cli, "],");
    }
    out.push_str("];\n\n");
    cli.push_str("];\n");
    let out_dir = Path::new(&env::var("OUT_DIR").unwrap()).to_owned();
    let _ = write!(
        out,
        "/// The daemon's files of every language, one after another ([`Files`] has the ranges).\n\
         static DAEMON_TEXTS: &Aligned<[u8]> = &Aligned(*include_bytes!({:?}));\n\n{cli}",
        out_dir.join("i18n_daemon.bin").display().to_string()
    );
    std::fs::write(out_dir.join("i18n_daemon.bin"), &blob)
        .unwrap_or_else(|e| panic!("{}: {e}", out_dir.display()));
    write(&out_dir.join("i18n_files.rs"), &out);
    let mut out = String::from("// Written by build.rs from i18n/en/catalog.ftl.\n\n");
    out.push_str(
        "/// The English built-in catalogue (`i18n/en/catalog.ftl`): `(id, text)`, by id.\n",
    );
    out.push_str("const ENGLISH: &[(&str, &str)] = &[\n");
    for (id, text) in english_catalog(&root.join("en").join(PARTS[0])) {
        let _ = writeln!(out, "    ({id:?}, {text:?}),");
    }
    out.push_str("];\n");
    write(&out_dir.join("catalog_en.rs"), &out);
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Every message of the English catalogue, formatted as Fluent formats it (the lines of a
/// multi-line message joined by line breaks), sorted by id. A message with a variable or an
/// error stops the build: the catalogue is plain text.
fn english_catalog(path: &Path) -> Vec<(String, String)> {
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = FluentResource::try_new(source)
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let ids: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    let mut bundle = FluentBundle::new(vec!["en".parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(&resource)
        .unwrap_or_else(|errors| panic!("{}: {errors:?}", path.display()));
    let mut texts: Vec<(String, String)> = ids
        .into_iter()
        .map(|id| {
            let pattern = bundle.get_message(&id).and_then(|m| m.value());
            let pattern = pattern.unwrap_or_else(|| panic!("{}: {id} has no text", path.display()));
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            assert!(errors.is_empty(), "{}: {id}: {errors:?}", path.display());
            (id, text)
        })
        .collect();
    texts.sort();
    texts
}
