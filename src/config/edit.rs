//! One value of the config read or changed in place (`stretchd config get` and `set`), on a
//! format-preserving `toml_edit` document: comments, order and layout stay as the user wrote
//! them. Pure: text in, text out; the CLI reads and writes the file.
//!
//! Keys are dotted paths (`snooze.length`). An array of tables is indexed by the `id` of its
//! entries: `reminder.stretch.every` is the `every` of the `[[reminder]]` whose `id` is
//! `"stretch"`.

use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::{Config, ConfigError, DEFAULT_TOML, Origin, invalid};
use crate::text::printable;

/// A key that cannot be read or set.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// Not a dotted path of names.
    #[error(
        "\"{0}\" is not a config key; keys are dotted names such as snooze.length or reminder.stretch.every"
    )]
    BadKey(String),
    /// No such key in the table it names.
    #[error("{key}: no such key; {level} has {known}")]
    Unknown {
        /// The whole key asked for.
        key: String,
        /// The table looked in ("the config", "snooze", "reminder.stretch").
        level: String,
        /// What the table has, comma-separated.
        known: String,
    },
    /// No entry of an array of tables has the id.
    #[error("{key}: no [[{array}]] has the id \"{id}\"; the ids are {known}")]
    NoEntry {
        /// The whole key asked for.
        key: String,
        /// The array ("reminder").
        array: String,
        /// The id asked for.
        id: String,
        /// The ids there are, comma-separated.
        known: String,
    },
    /// A value was given for a table.
    #[error(
        "{key} is a table, not a value; set one of its keys ({known}), or use `stretchd config edit`"
    )]
    Table {
        /// The whole key asked for.
        key: String,
        /// Its keys, comma-separated.
        known: String,
    },
    /// A value was given for an array of tables.
    #[error(
        "{key} is a list of [[{key}]] tables, not a value; set a key of one, as {key}.<id>.<key> (the ids are {known}), or use `stretchd config edit`"
    )]
    Entries {
        /// The whole key asked for.
        key: String,
        /// Its entries' ids, comma-separated.
        known: String,
    },
    /// The key goes on past a value.
    #[error("{key}: {value} is a value, not a table, so it has no keys")]
    NotATable {
        /// The whole key asked for.
        key: String,
        /// The part of it that is a value.
        value: String,
    },
    /// The text is not TOML, or the changed config is not valid.
    #[error(transparent)]
    Invalid(#[from] ConfigError),
}

/// The value of `key` in the config `text`, as a TOML value (a table as an inline table, an
/// array of tables as an array of them). A key the file leaves out has its default, except in
/// the arrays of tables (`[[reminder]]` and the like), which have none. `origin` names the
/// file in a syntax error.
pub fn get(text: &str, key: &str, origin: &Origin) -> Result<Value, EditError> {
    let names = split(key)?;
    let mut doc = document(text, origin)?;
    // The old name's value is the one in force, not the new name's default.
    rename_old(&mut doc, key);
    with_defaults(&mut doc);
    Ok(match walk(doc.as_table_mut(), key, &names)? {
        Walked::Found(Node::Table(table)) => Value::InlineTable(inline(&*table)),
        Walked::Found(Node::Entries(entries)) => Value::Array(entries.iter().map(inline).collect()),
        Walked::Found(Node::Value(value)) => {
            let mut value = value.clone();
            value.decor_mut().clear();
            value
        }
        Walked::Missing { table, depth } => {
            let level = match depth {
                0 => "the config".to_owned(),
                _ => printable(&names[..depth].join(".")).into_owned(),
            };
            return Err(EditError::Unknown {
                key: printable(key).into_owned(),
                level,
                known: keys(&*table),
            });
        }
    })
}

/// `text` with `key` set to `value` (read by [`parse_value`]), everything else as it was; a
/// value replaced keeps its comment. Missing tables are created; entries of an array of tables
/// are not. The result must be a valid config: otherwise the error is the parser's, with the
/// line and column in the changed text, and `origin` naming the file.
pub fn set(text: &str, key: &str, value: &str, origin: &Origin) -> Result<String, EditError> {
    let names = split(key)?;
    let mut doc = document(text, origin)?;
    // Setting the new name of a key the file has under its old one renames it (with its
    // comments), instead of adding a second key the config refuses.
    rename_old(&mut doc, key);
    let mut new = parse_value(value);
    match walk(doc.as_table_mut(), key, &names)? {
        Walked::Found(Node::Value(old)) => {
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        Walked::Missing { table, depth } => {
            // The value, inside the tables missing on the way to it.
            let mut item = Item::Value(new);
            for name in names[depth + 1..].iter().rev() {
                let mut inner = Table::new();
                inner.insert(name, item);
                item = Item::Table(inner);
            }
            table.insert(names[depth], item);
        }
        Walked::Found(Node::Table(table)) => {
            return Err(EditError::Table {
                key: printable(key).into_owned(),
                known: keys(&*table),
            });
        }
        Walked::Found(Node::Entries(entries)) => {
            return Err(EditError::Entries {
                key: printable(key).into_owned(),
                known: ids(entries),
            });
        }
    }
    let out = doc.to_string();
    Config::parse(&out, origin)?;
    Ok(out)
}

/// A command-line value: TOML when it is a TOML value (a number, a boolean, an array, a quoted
/// string, an inline table), else the text as a string, so that `40m` is `"40m"`. A date or time
/// is taken as text too: the config has none, and `09:00` is meant as a string.
pub fn parse_value(text: &str) -> Value {
    match text.parse::<Value>() {
        Ok(Value::Datetime(_)) | Err(_) => Value::from(text),
        Ok(value) => value,
    }
}

/// A value as `stretchd config get` prints it: a string bare, a table as `key = value` lines,
/// an array of tables one table a line, anything else in its TOML form. Ends in a newline.
pub fn render(value: &Value) -> String {
    let mut out = match value {
        Value::String(s) => s.value().clone(),
        Value::InlineTable(table) => table
            .iter()
            .map(|(k, v)| format!("{k} = {}", tidy(v)))
            .collect::<Vec<_>>()
            .join("\n"),
        Value::Array(array) if !array.is_empty() && array.iter().all(Value::is_inline_table) => {
            array.iter().map(tidy).collect::<Vec<_>>().join("\n")
        }
        other => tidy(other),
    };
    out.push('\n');
    out
}

/// A value as JSON (a date or time as its TOML text; a float that JSON cannot hold as null).
pub fn to_json(value: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        Value::String(s) => J::String(s.value().clone()),
        Value::Integer(i) => J::from(*i.value()),
        Value::Float(f) => serde_json::Number::from_f64(*f.value()).map_or(J::Null, J::Number),
        Value::Boolean(b) => J::Bool(*b.value()),
        Value::Datetime(d) => J::String(d.value().to_string()),
        Value::Array(array) => J::Array(array.iter().map(to_json).collect()),
        Value::InlineTable(table) => J::Object(
            table
                .iter()
                .map(|(k, v)| (k.to_owned(), to_json(v)))
                .collect(),
        ),
    }
}

/// What a key names.
enum Node<'d> {
    Table(&'d mut dyn TableLike),
    Entries(&'d mut ArrayOfTables),
    Value(&'d mut Value),
}

/// Where [`walk`] got to.
enum Walked<'d> {
    /// The whole key.
    Found(Node<'d>),
    /// `table` has no `names[depth]`.
    Missing {
        table: &'d mut dyn TableLike,
        depth: usize,
    },
}

/// Follows `names` from `root` as far as they exist. `key` is the whole key, for messages.
fn walk<'d>(root: &'d mut Table, key: &str, names: &[&str]) -> Result<Walked<'d>, EditError> {
    let mut node = Node::Table(root);
    for (depth, &name) in names.iter().enumerate() {
        let here = || printable(&names[..depth].join(".")).into_owned();
        node = match node {
            Node::Table(table) if !table.contains_key(name) => {
                return Ok(Walked::Missing { table, depth });
            }
            Node::Table(table) => match table.get_mut(name) {
                Some(Item::Table(t)) => Node::Table(t),
                Some(Item::ArrayOfTables(a)) => Node::Entries(a),
                Some(Item::Value(Value::InlineTable(t))) => Node::Table(t),
                Some(Item::Value(v)) => Node::Value(v),
                // Present: checked just above.
                Some(Item::None) | None => return Err(bad_key(key)),
            },
            Node::Entries(entries) => {
                let Some(at) = entries.iter().position(|t| id_of(t) == Some(name)) else {
                    return Err(EditError::NoEntry {
                        key: printable(key).into_owned(),
                        array: here(),
                        id: printable(name).into_owned(),
                        known: ids(entries),
                    });
                };
                match entries.get_mut(at) {
                    Some(t) => Node::Table(t),
                    // Found just above.
                    None => return Err(bad_key(key)),
                }
            }
            Node::Value(_) => {
                return Err(EditError::NotATable {
                    key: printable(key).into_owned(),
                    value: here(),
                });
            }
        };
    }
    Ok(Walked::Found(node))
}

/// The names of a dotted key; none may be empty.
fn split(key: &str) -> Result<Vec<&str>, EditError> {
    let names: Vec<&str> = key.split('.').map(str::trim).collect();
    if names.iter().any(|n| n.is_empty()) {
        return Err(bad_key(key));
    }
    Ok(names)
}

fn bad_key(key: &str) -> EditError {
    EditError::BadKey(printable(key).into_owned())
}

/// `text` as an editable document, or the syntax error at its line and column.
/// Keys renamed since an earlier release, as (table, old name, new name); the config still
/// reads the old name, with a warning.
const RENAMED: &[(&str, &str, &str)] = &[("goal", "stretches_per_week", "sessions_per_week")];

/// When `key` is the new name of a key that `doc` has only under its old name, renames it
/// there, keeping its place's comments and its value's.
fn rename_old(doc: &mut DocumentMut, key: &str) {
    for (table, old, new) in RENAMED {
        if key != format!("{table}.{new}") {
            continue;
        }
        let Some(table) = doc.get_mut(table).and_then(Item::as_table_mut) else {
            continue;
        };
        if table.contains_key(new) {
            continue;
        }
        if let Some((old_key, item)) = table.remove_entry(old) {
            let mut new_key = toml_edit::Key::new(*new);
            *new_key.leaf_decor_mut() = old_key.leaf_decor().clone();
            table.insert_formatted(&new_key, item);
        }
    }
}

fn document(text: &str, origin: &Origin) -> Result<DocumentMut, ConfigError> {
    text.parse::<DocumentMut>()
        .map_err(|e| invalid(text, origin, e.span(), e.message().trim()))
}

/// Adds to `doc` the keys of the default config's tables that it leaves out (the arrays of
/// tables are left alone: a file's reminders replace the default ones, they do not add to them).
fn with_defaults(doc: &mut DocumentMut) {
    let Ok(defaults) = DEFAULT_TOML.parse::<DocumentMut>() else {
        return;
    };
    for (name, item) in defaults.iter() {
        let Some(defaults) = item.as_table() else {
            continue;
        };
        let mine = doc.entry(name).or_insert(Item::Table(Table::new()));
        if let Some(mine) = mine.as_table_like_mut() {
            for (key, value) in defaults {
                if !mine.contains_key(key) {
                    mine.insert(key, value.clone());
                }
            }
        }
    }
}

/// A table as a tidy inline table (no comments, one space around each `=`).
fn inline(table: &(impl TableLike + ?Sized)) -> InlineTable {
    let mut out: InlineTable = table
        .iter()
        .filter_map(|(k, item)| item.clone().into_value().ok().map(|v| (k, v)))
        .collect();
    out.fmt();
    out
}

/// A value in TOML, without the comments and spacing it had in the file.
fn tidy(value: &Value) -> String {
    let mut value = value.clone();
    value.decor_mut().clear();
    match &mut value {
        Value::Array(a) => a.fmt(),
        Value::InlineTable(t) => t.fmt(),
        _ => {}
    }
    value.to_string()
}

fn id_of(table: &Table) -> Option<&str> {
    table.get("id").and_then(Item::as_str)
}

/// A table's keys, for messages.
fn keys(table: &(impl TableLike + ?Sized)) -> String {
    let names: Vec<&str> = table.iter().map(|(k, _)| k).collect();
    known(&names)
}

/// The ids of an array of tables' entries, for messages.
fn ids(entries: &ArrayOfTables) -> String {
    let names: Vec<&str> = entries.iter().filter_map(id_of).collect();
    known(&names)
}

fn known(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    printable(&names.join(", ")).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"# my config
[snooze]
length = "10m" # short ones
max = 3

[[reminder]]
id = "posture"
kind = "posture"
every = "25m"

# the important one
[[reminder]]
id = "stretch"
kind = "stretch"
every = "50m"  # keep it
"#;

    fn origin() -> Origin {
        Origin::File("/home/u/.config/stretchd/config.toml".into())
    }

    #[test]
    fn get_prints_values_tables_and_defaults() {
        let cases = [
            ("snooze.length", "10m\n", serde_json::json!("10m")),
            ("snooze.max", "3\n", serde_json::json!(3)),
            ("reminder.stretch.every", "50m\n", serde_json::json!("50m")),
            // Not in the file: the default.
            ("presence.grace", "30s\n", serde_json::json!("30s")),
            (
                "schedule.work_days",
                "[\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\n",
                serde_json::json!(["mon", "tue", "wed", "thu", "fri"]),
            ),
            (
                "snooze",
                "length = \"10m\"\nmax = 3\n",
                serde_json::json!({"length": "10m", "max": 3}),
            ),
            (
                "reminder.posture",
                "id = \"posture\"\nkind = \"posture\"\nevery = \"25m\"\n",
                serde_json::json!({"id": "posture", "kind": "posture", "every": "25m"}),
            ),
        ];
        for (key, text, json) in cases {
            let value = get(TEXT, key, &origin()).unwrap();
            assert_eq!(render(&value), text, "{key}");
            assert_eq!(to_json(&value), json, "{key}");
        }
        let all = get(TEXT, "reminder", &origin()).unwrap();
        assert_eq!(
            render(&all),
            "{ id = \"posture\", kind = \"posture\", every = \"25m\" }\n\
             { id = \"stretch\", kind = \"stretch\", every = \"50m\" }\n"
        );
    }

    #[test]
    fn set_changes_one_value_and_keeps_the_rest() {
        let cases = [
            (
                "snooze.length",
                "15m",
                "length = \"15m\" # short ones\n",
                "length = \"10m\"",
            ),
            ("snooze.max", "5", "max = 5\n", "max = 3"),
            (
                "reminder.stretch.every",
                "40m",
                "every = \"40m\"  # keep it\n",
                "every = \"50m\"",
            ),
            // A key the file leaves out is added to its table.
            (
                "reminder.posture.posture",
                "shoulders",
                "every = \"25m\"\nposture = \"shoulders\"\n",
                "\0",
            ),
            // A table the file leaves out is created.
            (
                "presence.respect_dnd",
                "false",
                "[presence]\nrespect_dnd = false\n",
                "\0",
            ),
            (
                "schedule.work_hours",
                r#"["08:00-12:00"]"#,
                "[schedule]\nwork_hours = [\"08:00-12:00\"]\n",
                "\0",
            ),
        ];
        for (key, value, has, gone) in cases {
            let out = set(TEXT, key, value, &origin()).unwrap();
            assert!(out.contains(has), "{key}:\n{out}");
            assert!(!out.contains(gone), "{key}:\n{out}");
            for kept in [
                "# my config\n",
                "# the important one\n",
                "# keep it",
                "# short ones",
            ] {
                assert!(out.contains(kept), "{key} lost {kept:?}:\n{out}");
            }
            assert!(out.lines().count() >= TEXT.lines().count(), "{out}");
            let back = get(&out, key, &origin()).unwrap();
            assert_eq!(to_json(&back), to_json(&parse_value(value)), "{key}");
        }
        // Setting a value to what it is changes nothing at all.
        assert_eq!(set(TEXT, "snooze.max", "3", &origin()).unwrap(), TEXT);
    }

    #[test]
    fn values_are_toml_when_they_are_toml_and_text_otherwise() {
        let cases = [
            ("40m", "\"40m\""),
            ("1h 30m", "\"1h 30m\""),
            ("15", "15"),
            ("true", "true"),
            ("\"quoted\"", "\"quoted\""),
            ("[\"mon\", \"fri\"]", "[\"mon\", \"fri\"]"),
            ("09:00", "\"09:00\""),
            ("2026-01-01", "\"2026-01-01\""),
            ("foot -e", "\"foot -e\""),
        ];
        for (given, toml) in cases {
            assert_eq!(parse_value(given).to_string(), toml, "{given}");
        }
    }

    #[test]
    fn the_new_name_of_a_renamed_key_reads_and_replaces_the_old_one() {
        const REMINDER: &str =
            "\n[[reminder]]\nid = \"s\"\nkind = \"session\"\ncron = \"0 17 * * mon\"\n";
        let text = &format!("[goal]\n# how many\nstretches_per_week = 2 # mine\n{REMINDER}");
        assert_eq!(
            get(text, "goal.sessions_per_week", &origin())
                .unwrap()
                .to_string(),
            "2"
        );
        assert_eq!(
            set(text, "goal.sessions_per_week", "4", &origin()).unwrap(),
            format!("[goal]\n# how many\nsessions_per_week = 4 # mine\n{REMINDER}")
        );
        // Setting the old name keeps it.
        assert_eq!(
            set(text, "goal.stretches_per_week", "4", &origin()).unwrap(),
            format!("[goal]\n# how many\nstretches_per_week = 4 # mine\n{REMINDER}")
        );
    }

    #[test]
    fn bad_keys_say_what_there_is() {
        // `get` looks the key up; `set` adds a missing key and leaves the verdict to the parser.
        let unknown = ":5:1: snooze: unknown field `lenght`, expected `length` or `max`";
        let cases = [
            (
                "snooze.lenght",
                "snooze.lenght: no such key; snooze has length, max",
                unknown,
            ),
            (
                "snoze.length",
                "snoze.length: no such key; the config has snooze, reminder, schedule, stretches, goal, presence, notify",
                ":17:2: unknown field `snoze`, expected one of",
            ),
            (
                "reminder.strech.every",
                "reminder.strech.every: no [[reminder]] has the id \"strech\"; the ids are posture, stretch",
                "",
            ),
            (
                "snooze.length.x",
                "snooze.length.x: snooze.length is a value, not a table, so it has no keys",
                "",
            ),
            ("snooze..max", "\"snooze..max\" is not a config key", ""),
            ("", "\"\" is not a config key", ""),
        ];
        for (key, message, invalid) in cases {
            let err = get(TEXT, key, &origin()).unwrap_err().to_string();
            assert!(err.starts_with(message), "{key}: {err}");
            let err = set(TEXT, key, "1", &origin()).unwrap_err().to_string();
            let want = if invalid.is_empty() {
                message.to_owned()
            } else {
                format!("/home/u/.config/stretchd/config.toml{invalid}")
            };
            assert!(err.starts_with(&want), "set {key}: {err}");
        }
        let err = set(TEXT, "snooze", "5m", &origin())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("snooze is a table, not a value; set one of its keys (length, max)"),
            "{err}"
        );
        let err = set(TEXT, "reminder.stretch", "5m", &origin())
            .unwrap_err()
            .to_string();
        let want =
            "reminder.stretch is a table, not a value; set one of its keys (id, kind, every)";
        assert!(err.starts_with(want), "{err}");
        let err = set(TEXT, "reminder", "5m", &origin())
            .unwrap_err()
            .to_string();
        let want = "reminder is a list of [[reminder]] tables, not a value; set a key of one, as \
                    reminder.<id>.<key> (the ids are posture, stretch)";
        assert!(err.starts_with(want), "{err}");
        // Reminders are not created by `set`.
        let err = set(TEXT, "reminder.new.every", "5m", &origin())
            .unwrap_err()
            .to_string();
        assert!(err.contains("no [[reminder]] has the id \"new\""), "{err}");
    }

    #[test]
    fn an_invalid_result_is_the_parsers_error_at_its_place() {
        let cases = [
            (
                "snooze.length",
                "soon",
                ":3:10: snooze: length = \"soon\" is not a duration",
            ),
            ("snooze.max", "\"three\"", ":4:7: snooze.max: invalid type"),
            (
                "snooze.colour",
                "red",
                ":5:1: snooze: unknown field `colour`",
            ),
            ("reminder.stretch.kind", "nap", ":14:8: "),
        ];
        for (key, value, message) in cases {
            let err = set(TEXT, key, value, &origin()).unwrap_err();
            assert!(matches!(err, EditError::Invalid(_)), "{key}: {err:?}");
            let err = err.to_string();
            let want = format!("/home/u/.config/stretchd/config.toml{message}");
            assert!(err.starts_with(&want), "{key}: {err}");
        }
        // A file that is not TOML: the syntax error, where it is.
        let err = get("[snooze\nmax = 3\n", "snooze.max", &origin()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/home/u/.config/stretchd/config.toml:1:"),
            "{err}"
        );
    }
}
