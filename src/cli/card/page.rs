//! The stretch card as one self-contained HTML page: the picture at full size (inline, as a
//! `data:` URI), every step, the dose with a start/pause timer that goes through each timed part
//! (holds, sides, rounds), and the safety notice.
//!
//! It loads nothing from elsewhere and runs under a strict content security policy: nothing is
//! allowed by default, images only from `data:`, and the one stylesheet and the one script only
//! by their SHA-256 hashes ([`STYLE_HASH`], [`SCRIPT_HASH`]). Both are constant files
//! (`assets/card/`): what differs from stretch to stretch is in the markup, which the script
//! reads (each timed part is a list item with its seconds in `data-secs`), so no inline event
//! handler or generated script is needed. Without scripts the page still shows every part; the
//! timer's buttons appear only when the script runs.

use std::fmt::Write as _;

use crate::catalog::Stretch;
use crate::cli::guide::{Part, routine};
use crate::i18n::{arg, cli};

/// The card's stylesheet: a light and a dark theme (`prefers-color-scheme`), visible focus.
pub const STYLE: &str = include_str!("../../../assets/card/card.css");

/// The card's script: the timer, driven by its Start/Pause and Reset buttons.
pub const SCRIPT: &str = include_str!("../../../assets/card/card.js");

/// `sha256-` and the base64 SHA-256 of [`STYLE`], as the policy names it (a unit test checks it;
/// change it with the stylesheet).
pub const STYLE_HASH: &str = "sha256-sbJNrE8lDRoHbHCIo+HkciDnIuQscbfXsgKvjjUz8g4=";

/// `sha256-` and the base64 SHA-256 of [`SCRIPT`] (checked like [`STYLE_HASH`]).
pub const SCRIPT_HASH: &str = "sha256-1axJkOtJzPCXpyZPkLh/m+6Ct29LKk/F784ptBIwDsU=";

/// The content security policy of every card.
pub fn policy() -> String {
    format!(
        "default-src 'none'; img-src data:; style-src '{STYLE_HASH}'; script-src '{SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
    )
}

/// The card of `stretch` (at the level it is done at now), with its illustration `svg` if it
/// has one.
pub fn page(stretch: &Stretch, svg: Option<&str>) -> String {
    let m = cli();
    let mut html = String::with_capacity(12 * 1024);
    let name = m.stretch_name(stretch);
    let title = escape(&m.fmt("card-title", &[("name", arg(name.as_ref()))]));
    let name = escape(&name);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{name}</h1>\n<p class=\"dose\">{}</p>\n",
        m.lang().tag(),
        policy(),
        escape(&m.dose_brief(stretch))
    );
    if let Some(svg) = svg {
        // The picture's own description is English: in another language, its name.
        let alt = svg_title(svg)
            .filter(|_| m.lang().is_english())
            .map_or(name.clone(), escape);
        let _ = writeln!(
            html,
            "<figure><img src=\"data:image/svg+xml,{}\" alt=\"{alt}\" width=\"720\" height=\"480\"></figure>",
            percent_encode(svg),
        );
    }
    let summary = m.stretch_summary(stretch);
    if !summary.is_empty() {
        let _ = writeln!(html, "<p>{}</p>", escape(&summary));
    }
    let note = if stretch.desk_friendly() {
        m.desk_note()
    } else {
        m.warm_up()
    };
    let _ = writeln!(html, "<p>{}</p>", escape(&note));
    let _ = writeln!(
        html,
        "<h2>{}</h2>\n<ol id=\"steps\">",
        escape(&m.get("card-steps"))
    );
    for step in m.stretch_steps(stretch) {
        let _ = writeln!(html, "<li>{}</li>", escape(&step));
    }
    html.push_str("</ol>\n");
    timer(&mut html, stretch);
    let _ = writeln!(
        html,
        "<h2>{}</h2>\n<ul class=\"safety\">",
        escape(&m.get("card-safety"))
    );
    for rule in m.safety_notice().lines().filter(|l| !l.trim().is_empty()) {
        let _ = writeln!(html, "<li>{}</li>", escape(rule.trim()));
    }
    let footer = escape(&m.fmt("card-footer", &[("command", arg("\u{1}"))]))
        .replace('\u{1}', "<code>stretchd done</code>");
    let _ = write!(
        html,
        "</ul>\n</main>\n<footer><p>{footer}</p></footer>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    html
}

/// The dose and its timer: the list of timed parts (each with its seconds) and the controls the
/// script shows. What the script says (it has no text of its own) is in the section's `data-`
/// attributes, with `{n}`, `{clock}` and `{part}` where it puts the part's number, the clock
/// and the part.
fn timer(html: &mut String, stretch: &Stretch) {
    let m = cli();
    let mut timed = Vec::new();
    let mut before = String::new();
    for part in routine(stretch, &stretch.dose) {
        match (&part, part.secs()) {
            (_, Some(secs)) => {
                let line = format!("{before}{}", part.line().trim());
                timed.push((secs, line));
                before.clear();
            }
            (Part::OtherSide, None) => before = format!("{} ", part.line()),
            _ => {}
        }
    }
    let say = |id: &str| escape(&m.get(id));
    let marked = |id: &str, names: &[&str]| {
        let args: Vec<_> = names
            .iter()
            .map(|name| (*name, arg(format!("{{{name}}}"))))
            .collect();
        escape(&m.fmt(id, &args))
    };
    let total = arg(timed.len());
    let _ = write!(
        html,
        "<section id=\"timer\" aria-labelledby=\"timer-heading\" data-part=\"{}\" \
         data-done=\"{}\" data-paused=\"{}\" data-ready=\"{}\" data-start=\"{}\" \
         data-pause=\"{}\" data-resume=\"{}\" data-again=\"{}\">\n\
         <h2 id=\"timer-heading\">{}</h2>\n<p>{}</p>\n",
        escape(&m.fmt(
            "card-part",
            &[
                ("n", arg("{n}")),
                ("total", total.clone()),
                ("part", arg("{part}"))
            ]
        )),
        escape(&m.fmt("card-all-done", &[("total", total)])),
        marked("card-paused", &["clock", "part"]),
        marked("card-ready", &["part"]),
        say("card-start"),
        say("card-pause"),
        say("card-resume"),
        say("card-start-again"),
        say("card-dose-and-timer"),
        escape(&m.dose(stretch))
    );
    let first = timed.first().map_or(0, |(secs, _)| *secs);
    let _ = write!(
        html,
        "<p id=\"clock\" role=\"timer\" aria-atomic=\"true\">{}:{:02}</p>\n\
         <p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n\
         <div id=\"controls\" hidden><button type=\"button\" id=\"start\">{}</button>\
         <button type=\"button\" id=\"reset\" class=\"quiet\">{}</button></div>\n\
         <h3>{}</h3>\n<ol id=\"parts\">\n",
        first / 60,
        first % 60,
        say("card-start"),
        say("card-reset"),
        say("card-timed-parts"),
    );
    for (secs, line) in timed {
        let _ = writeln!(html, "<li data-secs=\"{secs}\">{}</li>", escape(&line));
    }
    html.push_str("</ol>\n</section>\n");
}

/// The text of an SVG's `<title>`, its description.
fn svg_title(svg: &str) -> Option<&str> {
    let start = svg.find("<title>")? + "<title>".len();
    let len = svg[start..].find("</title>")?;
    Some(svg[start..start + len].trim()).filter(|t| !t.is_empty())
}

/// `s` as HTML text or attribute value.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` percent-encoded for a `data:` URI inside a double-quoted attribute: every byte outside
/// the unreserved set and a few harmless marks is escaped.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b" -._~:/=;,()!*+".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Config, DEFAULT_TOML, Origin};
    use base64::Engine as _;
    use sha2::Digest as _;

    fn hash(text: &str) -> String {
        let digest = sha2::Sha256::digest(text.as_bytes());
        format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    }

    #[test]
    fn the_policy_names_the_hashes_of_the_style_and_the_script() {
        assert_eq!(STYLE_HASH, hash(STYLE), "set STYLE_HASH to this");
        assert_eq!(SCRIPT_HASH, hash(SCRIPT), "set SCRIPT_HASH to this");
    }

    #[test]
    fn every_card_has_its_picture_steps_timed_parts_and_the_safety_notice() {
        let config = Config::parse(DEFAULT_TOML, &Origin::Embedded).unwrap();
        for stretch in &config.catalog.stretches {
            let svg = crate::store::assets::svg(&stretch.id);
            let html = page(stretch, svg);
            assert!(
                html.contains("<img src=\"data:image/svg+xml,%3Csvg"),
                "{}",
                stretch.id
            );
            for step in &stretch.steps {
                assert!(html.contains(&escape(step)), "{}: {step}", stretch.id);
            }
            assert!(html.contains("<li data-secs=\""), "{}", stretch.id);
            assert!(html.contains("never hold your breath"), "{}", stretch.id);
            // Nothing loaded from elsewhere, no inline handlers, no style attributes.
            for banned in [
                "src=\"http",
                "<link",
                "onclick",
                "onload",
                "style=\"",
                "href=\"http",
            ] {
                assert!(!html.contains(banned), "{}: {banned}", stretch.id);
            }
            assert!(
                html.len() < 24 * 1024,
                "{} is {} bytes",
                stretch.id,
                html.len()
            );
        }
    }

    #[test]
    fn a_two_sided_hold_counts_each_side_and_says_when_to_switch() {
        let config = Config::parse(DEFAULT_TOML, &Origin::Embedded).unwrap();
        let twist = config.catalog.stretch("seated-twist").unwrap();
        let html = page(twist, None);
        let parts: Vec<&str> = html
            .lines()
            .filter(|l| l.starts_with("<li data-secs="))
            .collect();
        assert!(parts.len() >= 2, "{parts:?}");
        assert!(parts[0].contains("first side"), "{parts:?}");
        let switch = parts
            .iter()
            .position(|p| p.contains("Now the other side."))
            .unwrap();
        assert!(parts[switch].contains("other side"), "{parts:?}");
        assert_eq!(switch * 2, parts.len(), "{parts:?}");
    }

    #[test]
    fn text_is_escaped_and_the_picture_is_encoded() {
        assert_eq!(escape("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
        assert_eq!(
            percent_encode("<svg a=\"#1\">"),
            "%3Csvg a=%221%22%3E".replace("%221", "%22%231")
        );
        assert_eq!(
            svg_title("<svg><title> A cat </title></svg>"),
            Some("A cat")
        );
    }
}
