//! The message files embedded in the binary: one row per folder of `i18n/`, written by
//! `build.rs`, so that a language is shipped by adding its folder.
//!
//! The daemon reads only `catalog.ftl` and `daemon.ftl`, and those only when it shows or answers
//! something; while it waits, none of their pages should be resident. So `build.rs` puts the
//! daemon's two files of every language into one block of their own ([`Aligned`] to the 64 kB
//! the kernel maps around each page touched: nothing that runs while the daemon waits lies in
//! the same window), and keeps the command line's `cli.ftl` and `help.ftl` in a table that only
//! [`with_command_line`] names, so that the daemon binary, which never calls it, leaves them out.

use std::sync::OnceLock;

use super::Part;

/// One language's message files.
#[derive(Debug, PartialEq, Eq)]
pub struct Files {
    /// The folder's name: a BCP 47 tag (`de`, `pt-BR`).
    pub tag: &'static str,
    /// Its row in the command line's table.
    index: usize,
    /// Where its `catalog.ftl` and `daemon.ftl` lie in the daemon's block ("" for a file it
    /// lacks).
    daemon: [std::ops::Range<usize>; 2],
}

/// Aligned to the window of pages the kernel maps at once around a page fault (64 kB).
#[repr(C, align(65536))]
struct Aligned<T: ?Sized>(T);

impl Files {
    /// The text of one of its files: "" for the command line's files until
    /// [`with_command_line`] was called.
    pub fn part(&self, part: Part) -> &'static str {
        let slot = match part {
            Part::Catalog => 0,
            Part::Daemon => 1,
            Part::Cli | Part::Help => {
                let texts = COMMAND_LINE.get().and_then(|t| t.get(self.index));
                return texts.map_or("", |t| t[usize::from(part == Part::Help)]);
            }
        };
        DAEMON_TEXTS
            .0
            .get(self.daemon[slot].clone())
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or("")
    }
}

include!(concat!(env!("OUT_DIR"), "/i18n_files.rs"));

/// The command line's files, once [`with_command_line`] has named them.
static COMMAND_LINE: OnceLock<&'static [[&'static str; 2]]> = OnceLock::new();

/// Makes `cli.ftl` and `help.ftl` readable through [`Files::part`]: for the command line (and
/// tests), never the daemon.
pub fn with_command_line() {
    let _ = COMMAND_LINE.set(CLI_TEXTS);
}

/// Every shipped language, English among them, sorted by tag.
pub fn all() -> &'static [Files] {
    LANGUAGES
}

/// The English source (`build.rs` stops the build without it).
pub fn english() -> &'static Files {
    /// What stands for English if its folder were gone: no messages.
    static NONE: Files = Files {
        tag: "en",
        index: usize::MAX,
        daemon: [0..0, 0..0],
    };
    find("en").unwrap_or(&NONE)
}

/// The shipped language with exactly this tag (compared without case).
pub fn find(tag: &str) -> Option<&'static Files> {
    LANGUAGES.iter().find(|f| f.tag.eq_ignore_ascii_case(tag))
}
