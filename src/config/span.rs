//! Where in the config text an error is: a byte offset as `line:column`, the dotted key whose
//! value holds it, and messages kept on one line.

use toml::Spanned;

/// A message that quotes the user's values, on one line: a value with a newline (a multi-line
/// string) or another control character would break the `file:line:column: message` form.
pub(super) fn one_line(message: &str) -> String {
    message
        .chars()
        .map(|c| match c {
            '\n' => "\\n".to_owned(),
            '\r' => "\\r".to_owned(),
            '\t' => "\\t".to_owned(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// toml's message, on one line (it sometimes ends in a newline).
pub(super) fn toml_message(e: &toml::de::Error) -> String {
    e.message().trim().replace('\n', " ")
}

/// The dotted key (`snooze.max`, `reminder.every`) whose value holds byte `offset`, or the table
/// whose key does; toml's own messages for a wrong type leave the key out.
pub(super) fn key_at(text: &str, offset: usize) -> Option<String> {
    use toml::de::{DeTable, DeValue};
    fn in_table(table: &DeTable<'_>, offset: usize, path: &mut Vec<String>) -> bool {
        table.iter().any(|(key, value)| {
            if key.span().contains(&offset) {
                return true;
            }
            path.push(key.get_ref().to_string());
            let found = in_value(value, offset, path);
            if !found {
                path.pop();
            }
            found
        })
    }
    fn in_value(value: &Spanned<DeValue<'_>>, offset: usize, path: &mut Vec<String>) -> bool {
        match value.get_ref() {
            DeValue::Table(t) => in_table(t, offset, path) || value.span().contains(&offset),
            DeValue::Array(a) => {
                a.iter().any(|v| in_value(v, offset, path)) || value.span().contains(&offset)
            }
            _ => value.span().contains(&offset),
        }
    }
    let doc = DeTable::parse(text).ok()?;
    let mut path = Vec::new();
    (in_table(doc.get_ref(), offset, &mut path) && !path.is_empty()).then(|| path.join("."))
}

/// 1-based line and character column of a byte offset.
pub(super) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
