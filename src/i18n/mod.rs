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
//! is missing): the daemon finds each message it shows in its file and parses it alone, holding
//! nothing between reminders; the command line parses its language's files whole, once, for the
//! run ([`cli`]). Log lines, config keys and values, ids and `--json` output are not translated.

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
///
/// The daemon's hold no parsed text: each message is found in its file and parsed alone when it
/// is asked for, so that showing a notification or a tray menu leaves no parsed file behind in
/// the heap (which does not shrink back). The command line's ([`Messages::all`]) parse whole
/// files, once each, since one run may format a message thousands of times (`history`).
pub struct Messages {
    lang: Lang,
    parts: Vec<Part>,
    /// For the command line: the language's files and English's, each parsed whole on first
    /// use.
    whole: Option<Whole>,
}

/// Whole files parsed, for [`Messages::all`].
#[derive(Default)]
struct Whole {
    /// The language's own files; `None` for English.
    local: OnceLock<Option<Bundle>>,
    english: OnceLock<Bundle>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang.tag())
            .field("parts", &self.parts)
            .field("whole", &self.whole.is_some())
            .finish()
    }
}

impl Messages {
    /// The messages of `parts` in `lang`; the command line's parts only once
    /// [`Messages::all`] (or [`init`]) has made them readable.
    pub fn new(lang: Lang, parts: &[Part]) -> Messages {
        Messages {
            lang,
            parts: parts.to_vec(),
            whole: None,
        }
    }

    /// Every message in `lang`, the command line's among them (the daemon never asks: see
    /// [`files::with_command_line`]), each file parsed whole on first use.
    pub fn all(lang: Lang) -> Messages {
        files::with_command_line();
        Messages {
            whole: Some(Whole::default()),
            ..Messages::new(lang, &Part::ALL)
        }
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
        match &self.whole {
            Some(whole) => match whole.local(self) {
                Some(local) => local.has_message(id),
                None => whole.english(self).has_message(id),
            },
            None => self.parsed(self.own_files(), id, false).is_some(),
        }
    }

    /// The files of the language itself: English's for the pseudo-locale.
    fn own_files(&self) -> &'static Files {
        match self.lang {
            Lang::Shipped(files) => files,
            Lang::Pseudo => files::english(),
        }
    }

    /// Message `id` of `files` (among this one's parts), parsed alone into a bundle of its own;
    /// `None` if it has none, or one that does not parse.
    fn parsed(&self, files: &'static Files, id: &str, pseudo: bool) -> Option<Bundle> {
        let text = self
            .parts
            .iter()
            .find_map(|part| message_text(files.part(*part), id))?;
        let resource = FluentResource::try_new(text.to_owned())
            .map_err(|(_, errors)| tracing::debug!("{}: {id}: {errors:?}", files.tag))
            .ok()?;
        let mut bundle = new_bundle(files, pseudo);
        bundle.add_resource(resource).ok()?;
        Some(bundle)
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let pseudo = matches!(self.lang, Lang::Pseudo);
        let one;
        let bundle = if let Some(whole) = &self.whole {
            let own = whole.local(self).filter(|b| b.has_message(id));
            Some(own.unwrap_or_else(|| whole.english(self)))
        } else {
            one = self
                .parsed(self.own_files(), id, pseudo)
                .or_else(|| self.parsed(files::english(), id, false));
            one.as_ref()
        };
        let Some((bundle, pattern)) = bundle.and_then(|b| Some((b, b.get_message(id)?.value()?)))
        else {
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

impl Whole {
    /// The language's own files, parsed on first use; `None` for English.
    fn local(&self, m: &Messages) -> Option<&Bundle> {
        self.local
            .get_or_init(|| match m.lang {
                _ if m.lang.is_english() => None,
                Lang::Shipped(files) => Some(whole_bundle(files, &m.parts, false)),
                Lang::Pseudo => Some(whole_bundle(files::english(), &m.parts, true)),
            })
            .as_ref()
    }

    /// English, parsed on first use.
    fn english(&self, m: &Messages) -> &Bundle {
        self.english
            .get_or_init(|| whole_bundle(files::english(), &m.parts, false))
    }
}

/// An empty bundle for the language of `files`.
fn new_bundle(files: &Files, pseudo: bool) -> Bundle {
    let mut bundle = Bundle::new_concurrent(vec![files.tag.parse().unwrap_or_default()]);
    // Terminals and notification servers show the isolation marks Fluent puts around
    // placeholders for right-to-left text; no shipped language needs them.
    bundle.set_use_isolating(false);
    if pseudo {
        bundle.set_transform(Some(pseudo::transform));
    }
    bundle
}

/// The files of `parts` of a language, parsed whole into one bundle. A file that does not
/// parse keeps what it could read (the rest falls back to English).
fn whole_bundle(files: &'static Files, parts: &[Part], pseudo: bool) -> Bundle {
    let mut bundle = new_bundle(files, pseudo);
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

/// The text of message `id` in the Fluent file `source`: its first line (`id = ...`) and the
/// indented or blank lines that continue it. Every entry of a Fluent file starts at the start of
/// a line, and the shipped files have no terms or message references, so a message parses
/// alone. The first of two with the same id counts, as in a bundle.
fn message_text<'a>(source: &'a str, id: &str) -> Option<&'a str> {
    let mut offset = 0;
    let mut start = None;
    for line in source.split_inclusive('\n') {
        let begins = line.starts_with(|c: char| !c.is_whitespace());
        match start {
            Some(start) if begins => return source.get(start..offset),
            None if begins
                && line
                    .strip_prefix(id)
                    .is_some_and(|rest| rest.trim_start_matches(' ').starts_with('=')) =>
            {
                start = Some(offset);
            }
            _ => {}
        }
        offset += line.len();
    }
    source.get(start?..)
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
