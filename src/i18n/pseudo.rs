//! The pseudo-locale `en-XA`: the English messages with every letter accented and every vowel
//! doubled (about a third longer, as German or French run), so that a run of the CLI shows at a
//! glance any text that escaped translation (it stays plain ASCII) and any column that does not
//! make room for longer words. Placeholders are not touched (Fluent applies the transform to the
//! messages' own text only), nor is anything between backticks: commands and keys such as
//! `stretchd card` stay as typed.

use std::borrow::Cow;

/// `text` accented and lengthened, except between backticks.
pub fn transform(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_ascii_alphabetic()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut quoted = false;
    for c in text.chars() {
        if c == '`' {
            quoted = !quoted;
        }
        if quoted || !c.is_ascii_alphabetic() {
            out.push(c);
            continue;
        }
        let accented = accent(c);
        out.push(accented);
        if "aeiouAEIOU".contains(c) {
            out.push(accented);
        }
    }
    Cow::Owned(out)
}

/// The accented form of an ASCII letter.
fn accent(c: char) -> char {
    const LOWER: [char; 26] = [
        'á', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'í', 'ĵ', 'ķ', 'ĺ', 'ɱ', 'ñ', 'ó', 'þ', 'ǫ', 'ŕ',
        'š', 'ţ', 'û', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
    ];
    const UPPER: [char; 26] = [
        'Å', 'Ɓ', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ļ', 'Ṁ', 'Ñ', 'Ö', 'Þ', 'Ǫ', 'Ŕ',
        'Š', 'Ţ', 'Û', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
    ];
    let (table, base) = if c.is_ascii_lowercase() {
        (&LOWER, b'a')
    } else {
        (&UPPER, b'A')
    };
    u8::try_from(c)
        .ok()
        .and_then(|b| table.get(usize::from(b.wrapping_sub(base))))
        .copied()
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_accented_and_vowels_doubled_but_not_between_backticks() {
        assert_eq!(transform("Skip"), "Šķííþ");
        assert_eq!(
            transform("run `stretchd card` now"),
            "ŕûûñ `stretchd card` ñóóŵ"
        );
        assert_eq!(transform("15-30 s"), "15-30 š");
        assert_eq!(transform("- 3 -"), Cow::Borrowed("- 3 -"));
        assert!(
            transform("The quick brown fox jumps over the lazy dog")
                .chars()
                .all(|c| !c.is_ascii_alphabetic())
        );
    }
}
