//! What the daemon answers the command line, said in any language: English for the wire and
//! `--json` (and the log), and the daemon's own language for people when that is another
//! ([`crate::ipc::Response::Ok`]'s `text`).

use super::{Lang, Messages, Part};
use crate::ipc::Response;

/// An answer, to be put in words by a [`Messages`].
pub struct Said(Box<dyn Fn(&Messages) -> String + Send>);

impl Said {
    /// The answer `words` makes in a language.
    pub fn new(words: impl Fn(&Messages) -> String + Send + 'static) -> Said {
        Said(Box::new(words))
    }

    /// A message without placeholders.
    pub fn id(id: &'static str) -> Said {
        Said::new(move |m| m.get(id))
    }

    /// This answer and then `more` on a line of its own.
    #[must_use]
    pub fn then(self, more: Said) -> Said {
        Said::new(move |m| format!("{}\n{}", (self.0)(m), (more.0)(m)))
    }

    /// This answer with `note` added to it as message `join` puts them together (its
    /// placeholders `$answer` and `$note`).
    #[must_use]
    pub fn with(self, join: &'static str, note: Said) -> Said {
        Said::new(move |m| {
            let args = [
                ("answer", super::arg((self.0)(m))),
                ("note", super::arg((note.0)(m))),
            ];
            m.fmt(join, &args)
        })
    }

    /// This answer with a clause after a semicolon ("done: ...; next time hold 20 s").
    #[must_use]
    pub fn and(self, note: Said) -> Said {
        self.with("reply-and", note)
    }

    /// This answer with a remark in brackets ("done: ... (--easy and --hard do nothing here)").
    #[must_use]
    pub fn aside(self, note: Said) -> Said {
        self.with("reply-aside", note)
    }

    /// In the language of `m`.
    pub fn words(&self, m: &Messages) -> String {
        (self.0)(m)
    }

    /// In English and, unless `lang` is English, in `lang` too.
    pub fn both(&self, lang: Lang) -> (String, Option<String>) {
        let english = self.words(&Messages::wire_all());
        let daemon = || Messages::new(lang, &[Part::Catalog, Part::Daemon]);
        let local = (!lang.is_english()).then(|| self.words(&daemon()));
        (english, local)
    }

    /// The answer of a request carried out.
    pub fn ok(&self, lang: Lang) -> Response {
        let (message, text) = self.both(lang);
        Response::Ok { message, text }
    }

    /// The answer of a request refused.
    pub fn error(&self, lang: Lang) -> Response {
        let (message, text) = self.both(lang);
        Response::Error { message, text }
    }
}

impl From<String> for Said {
    /// Words that are the same in every language (a config error, a system error).
    fn from(words: String) -> Said {
        Said::new(move |_| words.clone())
    }
}
