//! The message files embedded in the binary: one row per folder of `i18n/`, written by
//! `build.rs`, so that a language is shipped by adding its folder.

use super::Part;

/// One language's message files, as `include_str!` embedded them ("" for a file it lacks).
#[derive(Debug, PartialEq, Eq)]
pub struct Files {
    /// The folder's name: a BCP 47 tag (`de`, `pt-BR`).
    pub tag: &'static str,
    /// The text of each file, in the order of [`Part::ALL`].
    parts: [&'static str; Part::ALL.len()],
}

impl Files {
    /// The text of one of its files.
    pub fn part(&self, part: Part) -> &'static str {
        self.parts[part as usize]
    }
}

include!(concat!(env!("OUT_DIR"), "/i18n_files.rs"));

/// Every shipped language, English among them, sorted by tag.
pub fn all() -> &'static [Files] {
    LANGUAGES
}

/// The English source (`build.rs` stops the build without it).
pub fn english() -> &'static Files {
    /// What stands for English if its folder were gone: no messages.
    static NONE: Files = Files {
        tag: "en",
        parts: [""; Part::ALL.len()],
    };
    find("en").unwrap_or(&NONE)
}

/// The shipped language with exactly this tag (compared without case).
pub fn find(tag: &str) -> Option<&'static Files> {
    LANGUAGES.iter().find(|f| f.tag.eq_ignore_ascii_case(tag))
}
