//! Table tests of config validation: every bad input names the file, line, column, key and what
//! is allowed; the embedded default parses and agrees with the built-in defaults.

use std::fmt::Write as _;
use std::path::Path;

use stretchd::config::{Config, ConfigError, DEFAULT_TOML, Origin};

/// One reminder that is valid on its own, to append to cases that break something else.
const POSTURE: &str = "[[reminder]]\nid = \"posture\"\nkind = \"posture\"\nevery = \"25m\"\n";

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, &Origin::File("config.toml".into()))
}

/// A bad config: its text, where the error points, and what the message must say.
struct Case {
    name: &'static str,
    text: String,
    line: usize,
    column: usize,
    says: &'static [&'static str],
}

fn case(
    name: &'static str,
    text: impl Into<String>,
    (line, column): (usize, usize),
    says: &'static [&'static str],
) -> Case {
    Case {
        name,
        text: text.into(),
        line,
        column,
        says,
    }
}

/// A `[[reminder]]` with `id = "r"` and these extra lines (the id is on its line 2).
fn reminder(body: &str) -> String {
    format!("[[reminder]]\nid = \"r\"\n{body}")
}

/// A custom `[[stretch]]` (id "doorway", on line 2) with one field replaced or added, plus a
/// reminder that pins it.
fn stretch(field: &str, value: &str) -> String {
    let mut fields = vec![
        ("id", "\"doorway\""),
        ("name", "\"Doorway chest opener\""),
        ("steps", "[\"Stand in a doorway.\", \"Step through.\"]"),
        ("hold", "\"15-30s\""),
        ("reps", "2"),
        ("sides", "\"one\""),
        ("position", "\"standing\""),
    ];
    match fields.iter_mut().find(|(k, _)| *k == field) {
        Some(f) => f.1 = value,
        None => fields.push((field, value)),
    }
    let mut text = String::from("[[stretch]]\n");
    for (k, v) in fields {
        writeln!(text, "{k} = {v}").unwrap();
    }
    text + POSTURE
}

#[allow(clippy::too_many_lines)]
fn cases() -> Vec<Case> {
    vec![
        // TOML syntax.
        case(
            "unclosed string",
            "[snooze]\nlength = \"10m\nmax = 3\n",
            (2, 14),
            &["string"],
        ),
        case(
            "key without value",
            "[schedule]\nwork_days =\n",
            (2, 12),
            &["expected"],
        ),
        case(
            "duplicate key",
            "[snooze]\nmax = 3\nmax = 4\n",
            (3, 1),
            &["duplicate key"],
        ),
        // Unknown keys.
        case(
            "unknown top-level key",
            format!("colour = \"blue\"\n{POSTURE}"),
            (1, 1),
            &[
                "`colour`",
                "`schedule`",
                "`snooze`",
                "`stretches`",
                "`reminder`",
            ],
        ),
        case(
            "unknown table",
            format!("[schedules]\nwork_days = [\"mon\"]\n{POSTURE}"),
            (1, 2),
            &["schedules", "schedule"],
        ),
        case(
            "unknown key in [schedule]",
            format!("[schedule]\nwork_day = [\"mon\"]\n{POSTURE}"),
            (2, 1),
            &["schedule: ", "`work_day`", "`work_days`", "`work_hours`"],
        ),
        case(
            "unknown key in [snooze]",
            "[snooze]\nlenght = \"5m\"\n",
            (2, 1),
            &["lenght", "length", "max"],
        ),
        case(
            "unknown key in [[reminder]]",
            reminder("kind = \"posture\"\nevery = \"5m\"\nintervall = \"5m\"\n"),
            (5, 1),
            &[
                "reminder: ",
                "`intervall`",
                "`every`",
                "`cron`",
                "`stretch`",
            ],
        ),
        case(
            "unknown key in [[stretch]]",
            stretch("duration", "\"20s\""),
            (9, 1),
            &["duration", "hold", "steps"],
        ),
        case(
            "missing reminder kind",
            reminder("every = \"5m\"\n"),
            (1, 1),
            &["reminder: ", "missing field `kind`"],
        ),
        // Wrong types.
        case(
            "snooze max is a string",
            "[snooze]\nmax = \"three\"\n",
            (2, 7),
            &["snooze.max: ", "\"three\"", "u32"],
        ),
        case(
            "snooze max is negative",
            "[snooze]\nmax = -1\n",
            (2, 7),
            &["snooze.max: ", "-1", "u32"],
        ),
        case(
            "work_days is a string",
            "[schedule]\nwork_days = \"mon\"\n",
            (2, 13),
            &["schedule.work_days: ", "\"mon\"", "sequence"],
        ),
        case(
            "every is a number",
            reminder("kind = \"posture\"\nevery = 50\n"),
            (4, 9),
            &["reminder.every: ", "50", "string"],
        ),
        // Durations.
        case(
            "bad every",
            reminder("kind = \"stretch\"\nevery = \"fifty minutes\"\n"),
            (4, 9),
            &[
                "reminder \"r\"",
                "every = \"fifty minutes\" is not a duration",
                "\"50m\"",
                "\"1h 30m\"",
            ],
        ),
        case(
            "zero every",
            reminder("kind = \"stretch\"\nevery = \"0s\"\n"),
            (4, 9),
            &["reminder \"r\"", "every = \"0s\"", "zero", "\"50m\""],
        ),
        case(
            "bad snooze length",
            format!("[snooze]\nlength = \"a while\"\n{POSTURE}"),
            (2, 10),
            &["snooze: length = \"a while\" is not a duration", "\"50m\""],
        ),
        case(
            "zero snooze length",
            format!("[snooze]\nlength = \"0m\"\n{POSTURE}"),
            (2, 10),
            &["snooze: length = \"0m\"", "zero"],
        ),
        // Cron.
        case(
            "cron with 4 fields",
            reminder("kind = \"stretch\"\ncron = \"30 15 * *\"\n"),
            (4, 8),
            &[
                "reminder \"r\"",
                "cron = \"30 15 * *\"",
                "4 fields",
                "\"30 15 * * mon-fri\"",
            ],
        ),
        case(
            "cron with 7 fields",
            reminder("kind = \"stretch\"\ncron = \"0 30 15 * * * 2027\"\n"),
            (4, 8),
            &["cron = \"0 30 15 * * * 2027\"", "7 fields", "5"],
        ),
        case(
            "cron weekday 8",
            reminder("kind = \"stretch\"\ncron = \"0 9 * * 8\"\n"),
            (4, 8),
            &["cron = \"0 9 * * 8\"", "\"8\" is not a weekday", "0-7"],
        ),
        case(
            "cron weekday range backwards",
            reminder("kind = \"stretch\"\ncron = \"0 9 * * fri-mon\"\n"),
            (4, 8),
            &["cron = \"0 9 * * fri-mon\"", "backwards"],
        ),
        case(
            "cron minute 61",
            reminder("kind = \"stretch\"\ncron = \"61 9 * * *\"\n"),
            (4, 8),
            &["cron = \"61 9 * * *\"", "not a cron schedule"],
        ),
        case(
            "cron that never fires",
            reminder("kind = \"stretch\"\ncron = \"0 9 30 2 *\"\n"),
            (4, 8),
            &["cron = \"0 9 30 2 *\"", "never fires"],
        ),
        // every / cron.
        case(
            "both every and cron",
            reminder("kind = \"stretch\"\nevery = \"50m\"\ncron = \"30 15 * * *\"\n"),
            (5, 8),
            &["reminder \"r\"", "both every and cron", "exactly one"],
        ),
        case(
            "neither every nor cron",
            reminder("kind = \"stretch\"\n"),
            (2, 6),
            &[
                "reminder \"r\"",
                "neither every nor cron",
                "every = \"50m\"",
            ],
        ),
        // Kinds and pins.
        case(
            "unknown kind",
            reminder("kind = \"stretching\"\nevery = \"50m\"\n"),
            (3, 8),
            &[
                "reminder \"r\"",
                "kind = \"stretching\"",
                "\"posture\"",
                "\"stretch\"",
            ],
        ),
        case(
            "unknown stretch id",
            reminder("kind = \"stretch\"\nevery = \"50m\"\nstretch = \"toe-touch\"\n"),
            (5, 11),
            &[
                "stretch = \"toe-touch\" is not a known stretch",
                "\"seated-twist\"",
                "\"cat-camel\"",
            ],
        ),
        case(
            "unknown posture id",
            reminder("kind = \"posture\"\nevery = \"50m\"\nposture = \"slouch\"\n"),
            (5, 11),
            &[
                "posture = \"slouch\" is not a known posture check",
                "known:",
            ],
        ),
        case(
            "stretch pinned on a posture reminder",
            reminder("kind = \"posture\"\nevery = \"50m\"\nstretch = \"seated-twist\"\n"),
            (5, 11),
            &[
                "reminder \"r\"",
                "stretch = ",
                "kind = \"stretch\"",
                "posture = ",
            ],
        ),
        case(
            "posture pinned on a stretch reminder",
            reminder("kind = \"stretch\"\nevery = \"50m\"\nposture = \"shoulders\"\n"),
            (5, 11),
            &["reminder \"r\"", "posture = ", "kind = \"posture\""],
        ),
        // Work days and hours.
        case(
            "bad weekday",
            format!("[schedule]\nwork_days = [\"mon\", \"funday\"]\n{POSTURE}"),
            (2, 21),
            &[
                "work_days",
                "\"funday\"",
                "not a weekday",
                "\"mon\"",
                "\"sun\"",
            ],
        ),
        case(
            "empty work_days",
            format!("[schedule]\nwork_days = []\n{POSTURE}"),
            (2, 13),
            &["work_days is empty", "\"mon\""],
        ),
        case(
            "empty work_hours",
            format!("[schedule]\nwork_hours = []\n{POSTURE}"),
            (2, 14),
            &["work_hours is empty", "\"09:00-17:00\""],
        ),
        case(
            "work hours not a range",
            format!("[schedule]\nwork_hours = [\"9-17\"]\n{POSTURE}"),
            (2, 15),
            &["work_hours", "\"9-17\"", "\"HH:MM-HH:MM\""],
        ),
        case(
            "work hours end before start",
            format!("[schedule]\nwork_hours = [\"09:00-12:00\", \"17:00-13:00\"]\n{POSTURE}"),
            (2, 30),
            &[
                "work_hours",
                "\"17:00-13:00\"",
                "end must be after the start",
                "\"HH:MM-HH:MM\"",
            ],
        ),
        case(
            "work hours past midnight",
            format!("[schedule]\nwork_hours = [\"09:00-25:00\"]\n{POSTURE}"),
            (2, 15),
            &["\"09:00-25:00\"", "end is not a time of day", "\"24:00\""],
        ),
        case(
            "overlapping work hours",
            format!("[schedule]\nwork_hours = [\"09:00-12:30\", \"12:00-18:00\"]\n{POSTURE}"),
            (2, 30),
            &[
                "work_hours \"12:00-18:00\" overlaps \"09:00-12:30\"",
                "must not overlap",
            ],
        ),
        // Ids.
        case(
            "duplicate reminder id",
            format!(
                "{POSTURE}[[reminder]]\nid = \"posture\"\nkind = \"stretch\"\nevery = \"50m\"\n"
            ),
            (6, 6),
            &["duplicate reminder id \"posture\"", "its own id"],
        ),
        case(
            "reminder id with bad characters",
            "[[reminder]]\nid = \"Stretch 1\"\nkind = \"stretch\"\nevery = \"50m\"\n",
            (2, 6),
            &["reminder id \"Stretch 1\"", "lowercase letters, digits"],
        ),
        case(
            "empty reminder id",
            "[[reminder]]\nid = \"\"\nkind = \"stretch\"\nevery = \"50m\"\n",
            (2, 6),
            &["reminder id \"\"", "lowercase letters, digits"],
        ),
        case(
            "custom stretch clashes with a built-in",
            stretch("id", "\"cat-camel\""),
            (2, 6),
            &["duplicate stretch id \"cat-camel\"", "built-in"],
        ),
        case(
            "two custom stretches with one id",
            format!("{}{}", stretch("name", "\"A\""), stretch("name", "\"B\""))
                .replace(POSTURE, "")
                + POSTURE,
            (10, 6),
            &["duplicate stretch id \"doorway\""],
        ),
        case(
            "custom posture clashes with a built-in",
            "[[posture]]\nid = \"shoulders\"\nname = \"S\"\ntext = \"Drop them.\"\n",
            (2, 6),
            &["duplicate posture id \"shoulders\"", "built-in"],
        ),
        case(
            "custom stretch id with bad characters",
            stretch("id", "\"Doorway!\""),
            (2, 6),
            &["stretch id \"Doorway!\"", "lowercase letters, digits"],
        ),
        case(
            "equipment id with bad characters",
            format!("[stretches]\nequipment = [\"Foam Roller\"]\n{POSTURE}"),
            (2, 14),
            &["equipment id \"Foam Roller\"", "lowercase letters"],
        ),
        // Custom stretch fields.
        case(
            "custom stretch bad hold",
            stretch("hold", "\"a long time\""),
            (5, 8),
            &[
                "stretch \"doorway\"",
                "hold = \"a long time\"",
                "\"15-30s\"",
                "\"20s\"",
            ],
        ),
        case(
            "custom stretch hold backwards",
            stretch("hold", "\"30-15s\""),
            (5, 8),
            &["hold = \"30-15s\" is not a hold time"],
        ),
        case(
            "custom stretch bad sides",
            stretch("sides", "\"left\""),
            (7, 9),
            &[
                "stretch \"doorway\"",
                "sides = \"left\"",
                "\"one\"",
                "\"both\"",
            ],
        ),
        case(
            "custom stretch bad position",
            stretch("position", "\"desk\""),
            (8, 12),
            &[
                "stretch \"doorway\": position",
                "\"desk\"",
                "\"chair\"",
                "\"floor\"",
                "\"standing\"",
            ],
        ),
        case(
            "custom stretch zero reps",
            stretch("reps", "0"),
            (6, 8),
            &["stretch \"doorway\"", "reps", "at least 1"],
        ),
        case(
            "custom stretch no steps",
            stretch("steps", "[]"),
            (4, 9),
            &["stretch \"doorway\"", "steps is empty"],
        ),
        case(
            "custom stretch without position",
            stretch("position", "\"standing\"").replace("position = \"standing\"\n", ""),
            (1, 1),
            &["stretch: ", "missing field `position`"],
        ),
        // Stretches at this desk.
        case(
            "bad position in [stretches]",
            format!("[stretches]\npositions = [\"chair\", \"sofa\"]\n{POSTURE}"),
            (2, 23),
            &[
                "positions",
                "\"sofa\"",
                "\"chair\"",
                "\"floor\"",
                "\"standing\"",
            ],
        ),
        case(
            "no stretch fits the positions",
            "[stretches]\npositions = [\"standing\"]\n\n[[reminder]]\nid = \"s\"\nkind = \"stretch\"\nevery = \"50m\"\n",
            (2, 13),
            &[
                "no stretch fits",
                "\"chair\"",
                "\"floor\"",
                "stretch = \"<id>\"",
            ],
        ),
        case(
            "no position at all",
            "[stretches]\npositions = []\n\n[[reminder]]\nid = \"s\"\nkind = \"stretch\"\ncron = \"0 9 * * *\"\n",
            (2, 13),
            &["no stretch fits", "add equipment"],
        ),
        // What clicking a reminder does.
        case(
            "bad on_click",
            format!("[notify]\non_click = \"open\"\n{POSTURE}"),
            (2, 12),
            &["notify: on_click", "\"open\"", "\"seen\"", "\"guide\""],
        ),
        case(
            "empty terminal",
            format!("[notify]\nterminal = \"  \"\n{POSTURE}"),
            (2, 12),
            &["notify: terminal is empty", "x-terminal-emulator -e"],
        ),
        case(
            "unknown key in [notify]",
            format!("[notify]\nclick = \"guide\"\n{POSTURE}"),
            (2, 1),
            &[
                "notify",
                "unknown field `click`",
                "`on_click`",
                "`terminal`",
            ],
        ),
    ]
}

#[test]
fn notify_takes_on_click_and_a_terminal_command_split_into_words() {
    let config = parse(&format!(
        "[notify]\non_click = \"guide\"\nterminal = \" gnome-terminal  --\"\n{POSTURE}"
    ))
    .unwrap();
    assert_eq!(config.notify.on_click, stretchd::config::OnClick::Guide);
    assert_eq!(config.notify.terminal, ["gnome-terminal", "--"]);
    let default = parse(POSTURE).unwrap();
    assert_eq!(default.notify.on_click, stretchd::config::OnClick::Seen);
    assert_eq!(default.notify.terminal, ["x-terminal-emulator", "-e"]);
}

#[test]
fn bad_configs_name_the_place_the_key_and_what_is_allowed() {
    let mut failures = Vec::new();
    for c in cases() {
        let Err(err) = parse(&c.text) else {
            failures.push(format!("{}: parsed, expected an error", c.name));
            continue;
        };
        let ConfigError::Invalid {
            origin,
            line,
            column,
            message,
        } = &err
        else {
            failures.push(format!("{}: not an Invalid error: {err:?}", c.name));
            continue;
        };
        if origin != "config.toml" {
            failures.push(format!("{}: origin {origin:?}", c.name));
        }
        if (*line, *column) != (c.line, c.column) {
            failures.push(format!(
                "{}: at {line}:{column}, expected {}:{} ({message})",
                c.name, c.line, c.column
            ));
        }
        for s in c.says {
            if !message.contains(s) {
                failures.push(format!("{}: message lacks {s:?}: {message}", c.name));
            }
        }
        if message.contains('\n') {
            failures.push(format!("{}: message spans lines: {message:?}", c.name));
        }
        let shown = err.to_string();
        if shown != format!("config.toml:{line}:{column}: {message}") {
            failures.push(format!("{}: displayed as {shown:?}", c.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_error_display_is_path_line_column_message() {
    let mut text = String::from("# my stretchd config\n\n[schedule]\n");
    text.push_str("work_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]\n");
    text.push_str("work_hours = [\"09:00-17:00\"]\n\n");
    text.push_str("[[reminder]]\nid = \"posture\"\nkind = \"posture\"\nevery = \"25m\"\n\n");
    text.push_str("[[reminder]]\nid = \"stretch\"\n");
    text.push_str("every = \"fifty minutes\"\nkind = \"stretch\"\n");
    assert_eq!(text.lines().nth(13), Some("every = \"fifty minutes\""));
    let err = parse(&text).expect_err("bad duration");
    assert_eq!(
        err.to_string(),
        r#"config.toml:14:9: reminder "stretch": every = "fifty minutes" is not a duration (examples: "50m", "1h 30m", "90s")"#
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = "# Zeitplan für Rückenübungen\n[[reminder]]\nid = \"ä\"\nkind = \"stretch\"\nevery = \"50m\"\n";
    let err = parse(text).expect_err("non-ascii id");
    let ConfigError::Invalid { line, column, .. } = err else {
        panic!("{err:?}");
    };
    assert_eq!((line, column), (3, 6));
    // A non-ASCII character before the value on the same line.
    let text = "[[reminder]]\nid = \"r\" # ü\nkind = \"stretch\" # Dehnübung\nevery = \"zwölf\"\n";
    let err = parse(text).expect_err("bad duration");
    assert!(err.to_string().starts_with("config.toml:4:9: "), "{err}");
    let text = "[[reminder]]\nid = \"r\"\nkind = \"stretch\"\ncron = \"0 9 * * ä\" # ü\n";
    let err = parse(text).expect_err("bad weekday");
    assert!(err.to_string().starts_with("config.toml:4:8: "), "{err}");
}

#[test]
fn a_missing_file_is_a_read_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope").join("config.toml");
    let err = Config::load(Some(&path)).expect_err("missing file");
    let ConfigError::Read { path: named, cause } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(named, &path.display().to_string());
    assert_eq!(cause.kind(), std::io::ErrorKind::NotFound);
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!(
            "{}: cannot read the config file: ",
            path.display()
        )),
        "{shown}"
    );
    assert!(shown.contains("path"), "{shown}");
}

#[test]
fn an_unreadable_file_is_a_read_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let err = Config::load(Some(dir.path())).expect_err("a directory is not a config file");
    let ConfigError::Read { path, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(path, &dir.path().display().to_string());
    assert!(
        err.to_string()
            .starts_with(&format!("{}: cannot read", dir.path().display())),
        "{err}"
    );
    // Not UTF-8.
    let file = dir.path().join("latin1.toml");
    std::fs::write(&file, b"# Zeitplan f\xfcr R\xfccken\n").unwrap();
    let err = Config::load(Some(&file)).expect_err("not UTF-8");
    assert!(matches!(&err, ConfigError::Read { path, .. } if Path::new(path) == file));
}

#[test]
fn a_bad_file_on_disk_names_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[snooze]\nmax = \"three\"\n").unwrap();
    let err = Config::load(Some(&file)).expect_err("wrong type");
    assert!(
        err.to_string()
            .starts_with(&format!("{}:2:7: ", file.display())),
        "{err}"
    );
    // And a good one loads, with the file as its origin.
    std::fs::write(&file, DEFAULT_TOML).unwrap();
    let config = Config::load(Some(&file)).unwrap();
    assert_eq!(config.origin, Origin::File(file));
    assert_eq!(config.reminders.len(), 3);
}

#[test]
fn the_embedded_default_parses() {
    let config = Config::parse(DEFAULT_TOML, &Origin::Embedded).unwrap();
    assert_eq!(config.origin, Origin::Embedded);
    let ids: Vec<&str> = config.reminders.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["posture", "stretch", "afternoon"]);
    assert_eq!(
        config.reminder("afternoon").unwrap().pinned.as_deref(),
        Some("seated-twist")
    );
    assert_eq!(config.snooze.length, std::time::Duration::from_secs(600));
    assert_eq!(config.snooze.max, 3);
    // Foam rolling needs a roller, which the default does not list.
    assert_eq!(
        config.rotating_stretches(),
        [
            "cat-camel",
            "thoracic-extension",
            "seated-twist",
            "thread-the-needle"
        ]
    );
}

#[test]
fn omitted_sections_take_the_values_documented_in_the_default_file() {
    let default = Config::parse(DEFAULT_TOML, &Origin::Embedded).unwrap();
    // The default file's reminders and nothing else.
    let mut reminders_only = String::new();
    for block in DEFAULT_TOML.split("\n[[reminder]]\n").skip(1) {
        reminders_only.push_str("[[reminder]]\n");
        for line in block.lines().take_while(|l| !l.trim().is_empty()) {
            writeln!(reminders_only, "{line}").unwrap();
        }
        reminders_only.push('\n');
    }
    assert!(!reminders_only.contains("[schedule]"));
    assert!(!reminders_only.contains("[snooze]"));
    assert!(!reminders_only.contains("[stretches]"));
    assert_eq!(reminders_only.matches("[[reminder]]").count(), 3);
    let bare = Config::parse(&reminders_only, &Origin::Embedded).unwrap();
    assert_eq!(bare.work, default.work);
    assert_eq!(bare.snooze, default.snooze);
    assert_eq!(bare.fit, default.fit);
    assert_eq!(bare.catalog, default.catalog);
    assert_eq!(bare.reminders, default.reminders);
    assert_eq!(bare, default);
    // Empty sections take the same defaults as omitted ones.
    let empty_sections = format!("[schedule]\n[snooze]\n[stretches]\n{reminders_only}");
    assert_eq!(
        Config::parse(&empty_sections, &Origin::Embedded).unwrap(),
        default
    );
}

/// The commented-out examples in the default file: each block that starts with `# [[`, up to
/// the first line that is not a comment, uncommented.
fn commented_examples() -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for line in DEFAULT_TOML.lines() {
        if line.starts_with("# [[") {
            blocks.extend(current.take());
            current = Some(String::new());
        }
        match (&mut current, line.strip_prefix("# ")) {
            (Some(block), Some(code)) => {
                block.push_str(code);
                block.push('\n');
            }
            (Some(_), None) => blocks.extend(current.take()),
            (None, _) => {}
        }
    }
    blocks.extend(current);
    blocks
}

#[test]
fn the_commented_examples_in_the_default_file_are_valid() {
    let examples = commented_examples();
    assert_eq!(examples.len(), 2, "{examples:#?}");
    assert!(examples[0].starts_with("[[stretch]]\n"), "{}", examples[0]);
    assert!(examples[1].starts_with("[[posture]]\n"), "{}", examples[1]);
    let text = format!("{DEFAULT_TOML}\n{}", examples.join("\n"));
    let config = Config::parse(&text, &Origin::Embedded).unwrap_or_else(|e| panic!("{e}"));
    let doorway = config
        .catalog
        .stretch("doorway-chest")
        .expect("example stretch");
    assert_eq!(doorway.reps, 2);
    assert_eq!(doorway.steps.len(), 2);
    assert_eq!(doorway.hold.to_string(), "15-30 s");
    assert!(
        config.rotating_stretches().contains(&"doorway-chest"),
        "a standing stretch rotates with the default positions"
    );
    let wrists = config.catalog.posture("wrists").expect("example posture");
    assert_eq!(wrists.name, "Wrists straight");
    // Pinning the examples works too.
    let pinned = format!(
        "{text}\n[[reminder]]\nid = \"door\"\nkind = \"stretch\"\nevery = \"2h\"\nstretch = \"doorway-chest\"\n\n[[reminder]]\nid = \"wrist\"\nkind = \"posture\"\ncron = \"0 11 * * *\"\nposture = \"wrists\"\n"
    );
    let config = Config::parse(&pinned, &Origin::Embedded).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        config.reminder("door").unwrap().pinned.as_deref(),
        Some("doorway-chest")
    );
}

#[test]
fn the_trigger_examples_in_the_default_file_comments_are_valid() {
    for line in DEFAULT_TOML.lines() {
        let Some(code) = line.strip_prefix("#   ") else {
            continue;
        };
        let Some((key, rest)) = code.split_once('=') else {
            continue;
        };
        let key = key.trim();
        if key != "every" && key != "cron" {
            continue;
        }
        let value = rest.trim_start().split("  ").next().unwrap().trim();
        let text = format!("[[reminder]]\nid = \"r\"\nkind = \"stretch\"\n{key} = {value}\n");
        let config = parse(&text).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(config.reminders.len(), 1);
    }
}

#[test]
fn good_variants_are_accepted() {
    let ok = [
        "[schedule]\nwork_days = [\"Monday\", \"TUE\", \"sun\", \"mon\"]\n",
        "[schedule]\nwork_hours = [\"00:00-24:00\"]\n",
        "[schedule]\nwork_hours = [\"13:00-17:00\", \"08:00-13:00\"]\n",
        "[snooze]\nmax = 0\n",
        "[stretches]\npositions = [\"floor\"]\nequipment = [\"foam_roller\"]\n",
        "[stretches]\npositions = []\n[[reminder]]\nid = \"s\"\nkind = \"stretch\"\nevery = \"1h\"\nstretch = \"cat-camel\"\n",
        "[[reminder]]\nid = \"a_1-b\"\nkind = \"stretch\"\ncron = \"0 30 15 * * 7\"\n",
        "[[reminder]]\nid = \"a\"\nkind = \"posture\"\ncron = \"@hourly\"\n",
        "[[reminder]]\nid = \"a\"\nkind = \"posture\"\nevery = \"3s\"\n",
    ];
    for text in ok {
        // A config needs a reminder; the variants under test are the other keys.
        let text = if text.contains("[[reminder]]") {
            text.to_owned()
        } else {
            format!("{text}[[reminder]]\nid = \"p\"\nkind = \"posture\"\nevery = \"25m\"\n")
        };
        parse(&text).unwrap_or_else(|e| panic!("{text}\n{e}"));
    }
}
