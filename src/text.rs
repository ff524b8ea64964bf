//! Text from outside (the history, the config, a notification server, a request) made safe to
//! show on a terminal or in a log; and text laid out in columns by the width a terminal gives
//! it (a Japanese character takes two columns, a combining accent none).

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr as _;

/// How many terminal columns `text` takes.
pub fn width(text: &str) -> usize {
    text.width()
}

/// `text` followed by spaces up to `columns` terminal columns (as `{:columns}` pads by
/// characters); text as wide or wider is left as it is.
pub fn pad(text: &str, columns: usize) -> String {
    let mut out = String::with_capacity(text.len() + columns);
    out.push_str(text);
    out.extend(std::iter::repeat_n(
        ' ',
        columns.saturating_sub(width(text)),
    ));
    out
}

/// `text` after spaces up to `columns` terminal columns (as `{:>columns}`).
pub fn pad_left(text: &str, columns: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', columns.saturating_sub(width(text))).collect();
    out.push_str(text);
    out
}

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
    fn columns_are_padded_by_display_width() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("猫のポーズ", 12), "猫のポーズ  ");
        assert_eq!(width("猫のポーズ"), 10);
        assert_eq!(pad("e\u{301}", 3), "e\u{301}  ");
        assert_eq!(pad("toolong", 3), "toolong");
        assert_eq!(pad_left("5分", 5), "  5分");
    }

    #[test]
    fn control_characters_are_escaped_and_plain_text_is_borrowed() {
        assert_eq!(printable("seated-twist"), Cow::Borrowed("seated-twist"));
        assert_eq!(
            printable("\u{1b}[31mevil\u{7}\u{7f}\u{9b}\tx"),
            r"\u{1b}[31mevil\u{7}\u{7f}\u{9b}\u{9}x"
        );
    }
}
