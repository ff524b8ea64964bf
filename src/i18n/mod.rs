//! What stretchd says to people, in their language: Fluent message files (`i18n/<lang>/*.ftl`,
//! see `TRANSLATING.md`) embedded in the binary, the language chosen from the environment or
//! `[ui] language` ([`Lang`]), English behind every other language message by message.
//!
//! Fluent (`fluent-bundle`, Project Fluent's own crate) rather than gettext: its files are read
//! by Weblate and Pontoon like `.po` files, but a message is a whole sentence with named
//! placeholders and its own plural and other selectors (`{ $count -> [one] ... *[other] ... }`),
//! so no sentence is put together from translated pieces, and the crates are pure Rust with
//! every language's plural rules built in (no system locale files, no C library).
//!
//! Only what a program shows is parsed, and only in its language (English too when a message
//! is missing): the daemon builds a [`Messages`] for the notification it shows and drops it,
//! so that nothing of it stays in memory between reminders; the CLI builds one for the run
//! ([`cli`]). Log lines, config keys and values, ids and `--json` output are not translated.

mod catalog;
mod files;
mod lang;
mod pseudo;
mod said;
mod when;

#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use files::{Files, all as shipped};
pub use lang::{Lang, PSEUDO};
pub use said::Said;

/// One of each language's message files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `catalog.ftl`: the built-in stretches, posture checks, safety notice, session texts.
    Catalog,
    /// `daemon.ftl`: what the daemon says (notifications, the tray, its answers), and the
    /// titles and doses that the CLI shows too.
    Daemon,
    /// `cli.ftl`: the command line's own output.
    Cli,
    /// `help.ftl`: the command line's `--help` (the English one written from its doc comments).
    Help,
}

impl Part {
    /// Every file, in the order `build.rs` embeds them.
    pub const ALL: [Part; 4] = [Part::Catalog, Part::Daemon, Part::Cli, Part::Help];

    /// The file's name in a language folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Part::Catalog => "catalog.ftl",
            Part::Daemon => "daemon.ftl",
            Part::Cli => "cli.ftl",
            Part::Help => "help.ftl",
        }
    }
}

/// A value for a message's placeholder: a text or a number (which plural selectors read).
pub type Arg<'a> = FluentValue<'a>;

type Bundle = FluentBundle<FluentResource>;

/// The messages of one language, from some of its files, with English behind them.
pub struct Messages {
    lang: Lang,
    parts: Vec<Part>,
    /// The language's own messages; `None` for English.
    local: Option<Bundle>,
    /// English, parsed the first time a message is missing from `local` (or at once for
    /// English itself).
    english: OnceLock<Bundle>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang.tag())
            .field("parts", &self.parts)
            .finish_non_exhaustive()
    }
}

impl Messages {
    /// The messages of `parts` in `lang`; the command line's parts only once
    /// [`Messages::all`] (or [`init`]) has made them readable.
    pub fn new(lang: Lang, parts: &[Part]) -> Messages {
        let local = match lang {
            _ if lang.is_english() => None,
            Lang::Shipped(files) => Some(bundle(files, parts, false)),
            Lang::Pseudo => Some(bundle(files::english(), parts, true)),
        };
        Messages {
            lang,
            parts: parts.to_vec(),
            local,
            english: OnceLock::new(),
        }
    }

    /// Every message in `lang`, the command line's among them (the daemon never asks: see
    /// [`files::with_command_line`]).
    pub fn all(lang: Lang) -> Messages {
        files::with_command_line();
        Messages::new(lang, &Part::ALL)
    }

    /// Every message in English.
    pub fn english() -> Messages {
        Messages::all(Lang::english())
    }

    /// The English titles and doses that the wire, `--json` and hooks carry (the catalogue's
    /// English texts are its own).
    pub fn wire() -> Messages {
        Messages::new(Lang::english(), &[Part::Daemon])
    }

    /// English from the daemon's and the catalogue's files (its answers on the wire).
    pub fn wire_all() -> Messages {
        Messages::new(Lang::english(), &[Part::Catalog, Part::Daemon])
    }

    /// The language spoken.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The English bundle, parsed on first use.
    fn english_bundle(&self) -> &Bundle {
        self.english
            .get_or_init(|| bundle(files::english(), &self.parts, false))
    }

    /// Message `id` without placeholders.
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// Message `id` with its placeholders filled from `args` (`[("count", 3.into())]`).
    pub fn fmt(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.format(id, Some(&fluent))
    }

    /// Whether the language itself has message `id` (not only English).
    pub fn has_own(&self, id: &str) -> bool {
        match &self.local {
            Some(local) => local.has_message(id),
            None => self.english_bundle().has_message(id),
        }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let own = self.local.as_ref().filter(|b| b.has_message(id));
        let bundle = own.unwrap_or_else(|| self.english_bundle());
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            // Every id the code asks for is in the English files (a test checks it).
            tracing::debug!("no message {id}");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::debug!("message {id} in {}: {errors:?}", self.lang.tag());
        }
        text.into_owned()
    }
}

/// The files of `parts` of a language, parsed into one bundle. A file that does not parse
/// keeps what it could read (the rest falls back to English).
fn bundle(files: &'static Files, parts: &[Part], pseudo: bool) -> Bundle {
    let id = files.tag.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Terminals and notification servers show the isolation marks Fluent puts around
    // placeholders for right-to-left text; no shipped language needs them.
    bundle.set_use_isolating(false);
    if pseudo {
        bundle.set_transform(Some(pseudo::transform));
    }
    for part in parts {
        let resource = match FluentResource::try_new(files.part(*part).to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                tracing::debug!("{}/{}: {errors:?}", files.tag, part.file_name());
                r
            }
        };
        // A message given twice keeps its first text.
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::debug!("{}/{}: {errors:?}", files.tag, part.file_name());
        }
    }
    bundle
}

/// The messages of the command line: every file, in the language chosen by [`init`] (English
/// until then, as in unit tests).
pub fn cli() -> &'static Messages {
    CLI.get_or_init(Messages::english)
}

static CLI: OnceLock<Messages> = OnceLock::new();

/// Sets the command line's language, once, before anything is printed.
pub fn init(lang: Lang) {
    let _ = CLI.set(Messages::all(lang));
}

/// A value for a placeholder: `arg(3)`, `arg(name)`.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> Arg<'a> {
    value.into()
}

/// `items` joined as the language lists them ("a, b, c").
pub fn list<S: AsRef<str>>(messages: &Messages, items: &[S]) -> String {
    let separator = messages.get("list-separator");
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    items.join(&separator)
}

/// What a call holds reminders for, in the language of `m`: "microphone in use".
pub fn capture(m: &Messages, capture: crate::ipc::Capture) -> String {
    m.get(match capture {
        crate::ipc::Capture::Microphone => "capture-microphone",
        crate::ipc::Capture::ScreenCast => "capture-screen-cast",
        crate::ipc::Capture::Camera => "capture-camera",
    })
}

/// Whether `answer` (trimmed, in any case) is one of the words that the message `id` lists,
/// comma-separated: `answer-yes` ("y, yes"; German "j, ja, y, yes") or `answer-no`.
pub fn answers(m: &Messages, id: &str, answer: &str) -> bool {
    let answer = answer.trim().to_lowercase();
    m.get(id)
        .split(',')
        .map(|w| w.trim().to_lowercase())
        .any(|w| !w.is_empty() && w == answer)
}
