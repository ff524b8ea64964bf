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

use crate::catalog::{DESK_NOTE, SAFETY_NOTICE, Stretch, WARM_UP};
use crate::cli::guide::{Part, routine};

/// The card's stylesheet: a light and a dark theme (`prefers-color-scheme`), visible focus.
pub const STYLE: &str = include_str!("../../../assets/card/card.css");

/// The card's script: the timer, driven by its Start/Pause and Reset buttons.
pub const SCRIPT: &str = include_str!("../../../assets/card/card.js");

/// `sha256-` and the base64 SHA-256 of [`STYLE`], as the policy names it (a unit test checks it;
/// change it with the stylesheet).
pub const STYLE_HASH: &str = "sha256-sbJNrE8lDRoHbHCIo+HkciDnIuQscbfXsgKvjjUz8g4=";

/// `sha256-` and the base64 SHA-256 of [`SCRIPT`] (checked like [`STYLE_HASH`]).
pub const SCRIPT_HASH: &str = "sha256-CupXFH8ILWDzF3zpDT3pChZeAFpUx7OiF9R5noVoJAo=";

/// The content security policy of every card.
pub fn policy() -> String {
    format!(
        "default-src 'none'; img-src data:; style-src '{STYLE_HASH}'; script-src '{SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
    )
}

/// The card of `stretch` (at the level it is done at now), with its illustration `svg` if it
/// has one.
pub fn page(stretch: &Stretch, svg: Option<&str>) -> String {
    let mut html = String::with_capacity(12 * 1024);
    let name = escape(&stretch.name);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{name}: stretchd</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{name}</h1>\n<p class=\"dose\">{}</p>\n",
        policy(),
        escape(&stretch.dose.brief())
    );
    if let Some(svg) = svg {
        let alt = svg_title(svg).unwrap_or(&stretch.name);
        let _ = writeln!(
            html,
            "<figure><img src=\"data:image/svg+xml,{}\" alt=\"{}\" width=\"720\" height=\"480\"></figure>",
            percent_encode(svg),
            escape(alt)
        );
    }
    if !stretch.summary.is_empty() {
        let _ = writeln!(html, "<p>{}</p>", escape(&stretch.summary));
    }
    let note = if stretch.desk_friendly() {
        DESK_NOTE
    } else {
        WARM_UP
    };
    let _ = writeln!(html, "<p>{}</p>", escape(note));
    html.push_str("<h2>Steps</h2>\n<ol id=\"steps\">\n");
    for step in &stretch.steps {
        let _ = writeln!(html, "<li>{}</li>", escape(step));
    }
    html.push_str("</ol>\n");
    timer(&mut html, stretch);
    html.push_str("<h2>Safety</h2>\n<ul class=\"safety\">\n");
    for sentence in sentences(SAFETY_NOTICE) {
        let _ = writeln!(html, "<li>{}</li>", escape(&sentence));
    }
    let _ = write!(
        html,
        "</ul>\n</main>\n<footer><p>stretchd: answer the reminder with Done, or run <code>stretchd done</code>.</p></footer>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    html
}

/// The dose and its timer: the list of timed parts (each with its seconds) and the controls the
/// script shows.
fn timer(html: &mut String, stretch: &Stretch) {
    let _ = write!(
        html,
        "<section id=\"timer\" aria-labelledby=\"timer-heading\">\n<h2 id=\"timer-heading\">Dose and timer</h2>\n<p>{}</p>\n",
        escape(&stretch.dose.describe())
    );
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
    let first = timed.first().map_or(0, |(secs, _)| *secs);
    let _ = write!(
        html,
        "<p id=\"clock\" role=\"timer\" aria-atomic=\"true\">{}:{:02}</p>\n\
         <p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n\
         <div id=\"controls\" hidden><button type=\"button\" id=\"start\">Start</button>\
         <button type=\"button\" id=\"reset\" class=\"quiet\">Reset</button></div>\n\
         <h3>Timed parts</h3>\n<ol id=\"parts\">\n",
        first / 60,
        first % 60
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

/// The notice's text, hard-wrapped in lines, as its sentences.
fn sentences(text: &str) -> Vec<String> {
    let joined = text.split('\n').collect::<Vec<_>>().join(" ");
    joined
        .split_inclusive(". ")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
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
        assert_eq!(
            sentences("One. Two\nlines. Three"),
            ["One.", "Two lines.", "Three"]
        );
    }
}
