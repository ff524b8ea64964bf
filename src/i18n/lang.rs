//! Which language to speak: the `[ui] language` key, else the environment as gettext reads it
//! (`LANGUAGE`, then `LC_ALL`, `LC_MESSAGES`, `LANG`), matched against the shipped languages.

use unic_langid::LanguageIdentifier;

use super::files::{self, Files};

/// A language stretchd can speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// A shipped language's files; English is one of them, the source and the fallback.
    Shipped(&'static Files),
    /// English, accented and lengthened (`en-XA`, the pseudo-locale of Android and Chromium):
    /// any text that still reads as plain English escaped translation.
    Pseudo,
}

/// The tag of the pseudo-locale.
pub const PSEUDO: &str = "en-XA";

impl Lang {
    /// English.
    pub fn english() -> Lang {
        Lang::Shipped(files::english())
    }

    /// The language's tag (`de`, `pt-BR`, `en-XA`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Shipped(f) => f.tag,
            Lang::Pseudo => PSEUDO,
        }
    }

    /// Whether this is English itself.
    pub fn is_english(self) -> bool {
        self == Lang::english()
    }

    /// The shipped language a tag or locale name asks for: `de`, `de_AT`, `pt_BR.UTF-8`,
    /// `fr_FR@euro`, `pt-BR`. The language with its region if that is shipped, else the
    /// language alone, else the language in another region (`pt_PT` reads `pt-BR`). `None`
    /// for anything not shipped, `C` and `POSIX` among them.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let name = tag
            .split(['.', '@'])
            .next()
            .unwrap_or_default()
            .replace('_', "-");
        let id: LanguageIdentifier = name.parse().ok()?;
        let pseudo: LanguageIdentifier = PSEUDO.parse().ok()?;
        if id == pseudo {
            return Some(Lang::Pseudo);
        }
        let language = id.language.as_str();
        let shipped = || {
            files::all().iter().filter_map(|f| {
                let shipped: LanguageIdentifier = f.tag.parse().ok()?;
                Some((f, shipped))
            })
        };
        let exact = shipped().find(|(_, s)| *s == id);
        let bare = || shipped().find(|(_, s)| s.language == id.language && s.region.is_none());
        let other = || shipped().find(|(_, s)| s.language.as_str() == language);
        exact
            .or_else(bare)
            .or_else(other)
            .map(|(f, _)| Lang::Shipped(f))
    }

    /// The language of an environment read through `var` (`std::env::var` in the programs):
    /// the first shipped entry of `LANGUAGE` (a colon-separated list), then the locale that
    /// `LC_ALL`, `LC_MESSAGES` or `LANG` names (the first one set); English when none is
    /// shipped. As in gettext, `LANGUAGE` counts only when the locale is set and is not `C` or
    /// `POSIX`.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        let locale = set("LC_ALL")
            .or_else(|| set("LC_MESSAGES"))
            .or_else(|| set("LANG"));
        let Some(locale) = locale else {
            return Lang::english();
        };
        let base = locale.split(['.', '@']).next().unwrap_or_default();
        if base == "C" || base == "POSIX" {
            return Lang::english();
        }
        let listed = set("LANGUAGE").unwrap_or_default();
        listed
            .split(':')
            .filter(|entry| !entry.is_empty())
            .find_map(Lang::from_tag)
            .or_else(|| Lang::from_tag(&locale))
            .unwrap_or_else(Lang::english)
    }

    /// The language to speak: `configured` (`[ui] language`) when it names a shipped language,
    /// else `environment` (see [`Lang::from_env`]).
    pub fn choose(configured: Option<&str>, environment: Lang) -> Lang {
        configured.and_then(Lang::from_tag).unwrap_or(environment)
    }

    /// The language of this process's environment.
    pub fn of_process() -> Lang {
        Lang::from_env(|name| std::env::var(name).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    /// A shipped language other than English to test with, if any.
    fn other() -> Option<&'static Files> {
        files::all().iter().find(|f| f.tag != "en")
    }

    #[test]
    fn c_posix_nothing_and_unknown_languages_are_english() {
        let en = Lang::english();
        assert_eq!(en.tag(), "en");
        for vars in [
            &[][..],
            &[("LANG", "C")],
            &[("LANG", "C.UTF-8")],
            &[("LC_ALL", "POSIX"), ("LANG", "de_DE.UTF-8")],
            &[("LANG", "xx_XX")],
            &[("LANG", "xx_XX.UTF-8"), ("LANGUAGE", "yy:zz")],
            &[("LANG", "")],
            // LANGUAGE alone, without a locale, is ignored (as gettext does).
            &[("LANGUAGE", "en_XA")],
            // With the locale C, LANGUAGE is ignored.
            &[("LANG", "C"), ("LANGUAGE", "en_XA")],
        ] {
            assert_eq!(Lang::from_env(env(vars)), en, "{vars:?}");
        }
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::from_tag("xx"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("en_GB.UTF-8"), Some(en));
    }

    #[test]
    fn the_pseudo_locale_is_en_xa_in_either_spelling() {
        assert_eq!(Lang::from_tag("en_XA.UTF-8"), Some(Lang::Pseudo));
        assert_eq!(Lang::from_tag("en-XA"), Some(Lang::Pseudo));
        assert_eq!(
            Lang::from_env(env(&[("LANG", "de_DE.UTF-8"), ("LANGUAGE", "en_XA:de")])),
            Lang::Pseudo
        );
        assert_eq!(Lang::Pseudo.tag(), "en-XA");
    }

    #[test]
    fn the_order_is_language_lc_all_lc_messages_lang() {
        let en = Lang::english();
        assert_eq!(
            Lang::from_env(env(&[("LANG", "de_DE"), ("LC_ALL", "en_US.UTF-8")])),
            en
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "de_DE"), ("LC_MESSAGES", "en_US.UTF-8")])),
            en
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "en_US"), ("LANGUAGE", "xx:en_XA:en")])),
            Lang::Pseudo
        );
        assert_eq!(Lang::choose(Some("en-XA"), en), Lang::Pseudo);
        assert_eq!(
            Lang::choose(Some("xx"), Lang::Pseudo),
            Lang::Pseudo,
            "an unknown [ui] language leaves the environment's"
        );
        let Some(other) = other() else {
            return;
        };
        let locale = format!("{}.UTF-8", other.tag.replace('-', "_"));
        assert_eq!(
            Lang::from_env(env(&[("LANG", &locale)])),
            Lang::Shipped(other)
        );
        assert_eq!(Lang::choose(Some(other.tag), en), Lang::Shipped(other));
    }

    #[test]
    fn a_region_falls_back_to_the_language() {
        let Some(other) = other() else {
            return;
        };
        let id: LanguageIdentifier = other.tag.parse().unwrap();
        // A region that is not shipped ("de_AT" for "de", "pt_PT" for "pt-BR").
        let tag = format!("{}_AQ", id.language);
        assert_eq!(Lang::from_tag(&tag), Some(Lang::Shipped(other)), "{tag}");
    }
}
