//! Text from outside (the history, the config, a notification server, a request) made safe to
//! show on a terminal or in a log.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` as it may go to a terminal: every control character (C0, DEL, C1: what escape
/// sequences are made of) written as its escape, `\u{1b}`. Text from the history is the user's
/// file, or anyone's who could write to it.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            let _ = write!(out, "{}", c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_plain_text_is_borrowed() {
        assert_eq!(printable("seated-twist"), Cow::Borrowed("seated-twist"));
        assert_eq!(
            printable("\u{1b}[31mevil\u{7}\u{7f}\u{9b}\tx"),
            r"\u{1b}[31mevil\u{7}\u{7f}\u{9b}\u{9}x"
        );
    }
}
