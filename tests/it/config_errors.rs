//! Config validation beyond single bad inputs (those are files in `tests/data/bad-configs`,
//! checked by `tests/bad_configs.rs`): the shape of an error and its display, columns in characters, read
//! errors, good variants, and the embedded default, which parses and agrees with the built-in
//! defaults.

use std::fmt::Write as _;
use std::path::Path;

use stretchd::catalog::{Area, Dose};
use stretchd::config::{Config, ConfigError, DEFAULT_TOML, Origin};

/// One reminder that is valid on its own, to make a config with nothing else valid.
const POSTURE: &str = "[[reminder]]\nid = \"posture\"\nkind = \"posture\"\nevery = \"25m\"\n";

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, &Origin::File("config.toml".into()))
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
    assert_eq!(default.notify.on_click, stretchd::config::OnClick::Card);
    assert_eq!(default.notify.terminal, ["x-terminal-emulator", "-e"]);
}

#[test]
fn hooks_take_a_string_split_into_words_or_an_array_of_strings() {
    use stretchd::config::Hook;
    let config = parse(&format!(
        "[hooks]\non_show = \" playerctl  pause \"\non_answer = [\"notify-send\", \"Back to work\", \"\"]\ntimeout = \"3s\"\n{POSTURE}"
    ))
    .unwrap();
    let words = |hook| config.hooks.command(hook).map(<[String]>::to_vec);
    assert_eq!(words(Hook::Show).unwrap(), ["playerctl", "pause"]);
    assert_eq!(
        words(Hook::Answer).unwrap(),
        ["notify-send", "Back to work", ""],
        "an array keeps its words as they are"
    );
    assert_eq!(words(Hook::SessionStart), None);
    assert_eq!(config.hooks.timeout, std::time::Duration::from_secs(3));
    let default = parse(POSTURE).unwrap();
    assert!(
        Hook::ALL
            .iter()
            .all(|&h| default.hooks.command(h).is_none())
    );
    assert_eq!(default.hooks.timeout, std::time::Duration::from_secs(10));
}

#[test]
fn sync_is_off_by_default_and_the_folder_in_the_default_file_is_valid() {
    let default = Config::parse(DEFAULT_TOML, &Origin::Embedded).unwrap();
    assert_eq!(default.sync.dir, None);
    assert_eq!(default.sync.resolved(Path::new("/home/u")), None);
    let example: Vec<&str> = DEFAULT_TOML
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| l.starts_with("dir = "))
        .collect();
    assert_eq!(example, ["dir = \"~/Sync/stretchd\""]);
    let text = DEFAULT_TOML.replace("[sync]\n", &format!("[sync]\n{}\n", example[0]));
    let config = Config::parse(&text, &Origin::Embedded).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        config.sync.resolved(Path::new("/home/u")),
        Some("/home/u/Sync/stretchd".into())
    );
    let at = |dir: &str| parse(&format!("[sync]\ndir = \"{dir}\"\n{POSTURE}"));
    assert_eq!(
        at("/srv/sync").unwrap().sync.resolved(Path::new("/home/u")),
        Some("/srv/sync".into())
    );
    assert_eq!(
        at("~").unwrap().sync.resolved(Path::new("/home/u")),
        Some("/home/u".into())
    );
    for bad in ["Sync/stretchd", "~user/Sync", ""] {
        let err = at(bad).unwrap_err().to_string();
        assert!(
            err.starts_with("config.toml:2:7: sync: dir = ")
                && err.contains("not an absolute path"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn the_hook_examples_in_the_default_file_are_valid() {
    use stretchd::config::Hook;
    let examples: Vec<&str> = DEFAULT_TOML
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| l.starts_with("on_"))
        .collect();
    assert_eq!(examples.len(), 4, "{examples:?}");
    let text = DEFAULT_TOML.replace("[hooks]\n", &format!("[hooks]\n{}\n", examples.join("\n")));
    let config = Config::parse(&text, &Origin::Embedded).unwrap_or_else(|e| panic!("{e}"));
    for hook in Hook::ALL {
        assert!(config.hooks.command(hook).is_some(), "{}", hook.key());
    }
    assert_eq!(
        config.hooks.command(Hook::Show).unwrap(),
        ["playerctl", "pause"]
    );
}

#[test]
fn bad_hooks_are_refused_where_they_are_with_the_fix() {
    let long = "x".repeat(4097);
    let cases = [
        ("on_answer = []", "3:13", "hooks: on_answer has no program"),
        (
            "on_answer = [\"\", \"x\"]",
            "3:13",
            "hooks: on_answer has no program",
        ),
        (
            "on_session_start = [\"printf\", \"a\\u0000b\"]",
            "3:20",
            "hooks: on_session_start holds a NUL character",
        ),
        (
            "timeout = \"0s\"",
            "3:11",
            "hooks: timeout = \"0s\" is zero",
        ),
        (
            "timeout = \"soon\"",
            "3:11",
            "hooks: timeout = \"soon\" is not a duration",
        ),
        (
            "on_start = \"x\"",
            "3:1",
            "hooks: unknown field `on_start`, expected one of `on_show`, `on_answer`",
        ),
        (
            "on_show = [\"playerctl\", 1]",
            "3:11",
            "hooks.on_show: must be a command: a string such as \"playerctl pause\" or an array of strings",
        ),
        (
            &format!("on_show = \"{long}\""),
            "3:11",
            "hooks: on_show is 4097 bytes long; the limit is 4096",
        ),
    ];
    for (line, place, says) in cases {
        let text = format!("# hooks\n[hooks]\n{line}\n{POSTURE}");
        let e = parse(&text).expect_err(line).to_string();
        assert!(
            e.starts_with(&format!("config.toml:{place}: ")) && e.contains(says),
            "{line}:\n{e}"
        );
    }
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
    assert_eq!(ids, ["posture", "stretch", "session"]);
    let session = config.reminder("session").unwrap();
    assert_eq!(session.kind, stretchd::config::Kind::Session);
    assert_eq!(session.trigger.to_string(), "cron \"0 17 * * mon,wed,fri\"");
    assert!(config.warnings.is_empty(), "{:?}", config.warnings);
    assert_eq!(config.weekly_goal, 3);
    assert_eq!(config.snooze.length, std::time::Duration::from_secs(600));
    assert_eq!(config.snooze.max, 3);
    // Work-day stretches are the desk ones.
    assert_eq!(
        config.rotating_stretches(),
        ["thoracic-extension", "seated-twist"]
    );
    // A session has every stretch that fits; foam rolling needs a roller, which the default
    // does not list.
    let session: Vec<&str> = config.session().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        session,
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
    assert_eq!(examples.len(), 4, "{examples:#?}");
    for stretch in &examples[..3] {
        assert!(stretch.starts_with("[[stretch]]\n"), "{stretch}");
    }
    assert!(examples[3].starts_with("[[posture]]\n"), "{}", examples[3]);
    let text = format!("{DEFAULT_TOML}\n{}", examples.join("\n"));
    let config = Config::parse(&text, &Origin::Embedded).unwrap_or_else(|e| panic!("{e}"));
    let doorway = config
        .catalog
        .stretch("doorway-chest")
        .expect("example stretch");
    assert_eq!(doorway.steps.len(), 2);
    assert_eq!(
        stretchd::i18n::Messages::english().dose(doorway),
        "Hold 15-30 s, 2 times."
    );
    assert_eq!(doorway.area, Area::UpperBack);
    let flow = config.catalog.stretch("seated-cat-camel").expect("a flow");
    assert_eq!(
        flow.dose,
        Dose::Flow {
            rounds: 6,
            pause_secs: 3,
            shapes: ["back rounded".into(), "back arched".into()]
        }
    );
    assert_eq!(flow.area, Area::Bending, "the default area");
    let rolling = config.catalog.stretch("ball-rolling").expect("a duration");
    assert_eq!(
        stretchd::i18n::Messages::english().dose(rolling),
        "Keep going for 1-2 min; there is nothing to hold."
    );
    assert_eq!(rolling.area, Area::SoftTissue);
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

/// Found by a hostile pass: a custom stretch's name, summary, steps or flow shapes with an
/// escape sequence (`"\u001b[2J"`) went raw to the terminal from `check`, `stretches` and the
/// guide. The config refuses it, naming the stretch and the key; a multi-line string is fine.
#[test]
fn control_characters_in_a_custom_stretch_are_refused() {
    let stretch = |name: &str, summary: &str, step: &str, shape: &str| {
        format!(
            "{POSTURE}[[stretch]]\nid = \"mine\"\nname = \"{name}\"\nsummary = \"{summary}\"\nsteps = [\"{step}\"]\narea = \"bending\"\nposition = \"chair\"\nflow = {{ rounds = 3, pause = \"3s\", shapes = [\"{shape}\", \"b\"] }}\n"
        )
    };
    for (text, key) in [
        (stretch("Mi\\u001b[2Jne", "s", "a", "a"), "name"),
        (stretch("Mine", "s\\r", "a", "a"), "summary"),
        (stretch("Mine", "s", "a\\u0007", "a"), "steps"),
        (stretch("Mine", "s", "a", "a\\u001b]0;x"), "flow: shapes"),
    ] {
        let e = parse(&text).unwrap_err().to_string();
        assert!(
            e.contains(&format!(
                "stretch \"mine\": {key} holds the control character \\u{{"
            )),
            "{e}"
        );
        assert!(!e.chars().any(char::is_control), "{e:?}");
    }
    parse(&stretch("Mine", "two\\nlines\\tand a tab", "a", "a")).unwrap();
}

#[test]
fn presence_takes_a_lull_that_is_off_at_zero_and_a_lull_max_no_shorter() {
    use std::time::Duration;
    let default = parse(POSTURE).unwrap();
    assert_eq!(default.presence.lull, Duration::from_secs(3));
    assert_eq!(default.presence.lull_max, Duration::from_secs(60));
    let off = parse(&format!(
        "[presence]\nlull = \"0s\"\nlull_max = \"0s\"\n{POSTURE}"
    ))
    .unwrap();
    assert_eq!(off.presence.lull, Duration::ZERO);
    let edges = parse(&format!(
        "[presence]\nlull = \"1m\"\nlull_max = \"10m\"\n{POSTURE}"
    ))
    .unwrap();
    assert_eq!(edges.presence.lull, Duration::from_secs(60));
    assert_eq!(edges.presence.lull_max, Duration::from_secs(600));
    let same = parse(&format!(
        "[presence]\nlull = \"1s\"\nlull_max = \"1s\"\n{POSTURE}"
    ))
    .unwrap();
    assert_eq!(same.presence.lull_max, Duration::from_secs(1));
}
