//! The real binary in every shipped language and in the pseudo-locale `en-XA`: `stretches
//! show`, `check`, `status` and a notification (on the private bus test server) say what the
//! language's messages say; `LANG=C` and an unknown language are English; columns line up by
//! display width with Japanese text; a pseudo-locale run of the subcommands leaves no English
//! word outside ids, keys, paths and commands (text that escaped translation).
//!
//! The languages come from `stretchd::i18n::shipped()`, so a language added under `i18n/` is
//! covered without a change here.

use std::path::Path;

use stretchd::catalog::{Catalog, Stretch};
use stretchd::i18n::{Lang, Messages};
use stretchd::schedule::level::leveled;
use stretchd::text::width;
use testkit::notifications::Server;
use testkit::{Bus, RUNNING, SOON, all_day_config, config_every, text, write_file};

use crate::BIN;

/// Every language to check: the shipped ones but English, and the pseudo-locale.
fn languages() -> Vec<Lang> {
    let mut langs: Vec<Lang> = stretchd::i18n::shipped()
        .iter()
        .map(Lang::Shipped)
        .filter(|l| !l.is_english())
        .collect();
    langs.push(Lang::Pseudo);
    langs
}

/// The `LANG` that asks for `lang`: `pt_BR.UTF-8` for `pt-BR`.
fn locale(lang: Lang) -> String {
    format!("{}.UTF-8", lang.tag().replace('-', "_"))
}

fn messages(lang: Lang) -> Messages {
    Messages::all(lang)
}

fn twist() -> Stretch {
    Catalog::default().stretch("seated-twist").unwrap().clone()
}

/// `stretchd args` with `LANG=lang` (and TZ=UTC) in `home`; its stdout.
fn run(home: &Path, lang: &str, args: &[&str]) -> String {
    BIN.ok_in(home, args, &[("LANG", lang), ("TZ", "UTC")])
}

#[test]
fn stretches_show_and_check_speak_each_language() {
    let home = tempfile::tempdir().unwrap();
    let twist = twist();
    for lang in languages() {
        let m = messages(lang);
        let shown = run(
            home.path(),
            &locale(lang),
            &["stretches", "show", "seated-twist"],
        );
        for expected in [
            m.stretch_title(&twist),
            m.stretch_summary(&twist).into_owned(),
            m.stretch_steps(&twist)[0].clone().into_owned(),
            m.dose(&twist),
            m.safety_notice().lines().next().unwrap().to_owned(),
        ] {
            assert!(
                shown.contains(&expected),
                "{}: {expected:?} in\n{shown}",
                lang.tag()
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let config = write_file(dir.path(), "config.toml", &config_every("1h"));
        let config = config.to_str().unwrap();
        let checked = run(
            home.path(),
            &locale(lang),
            &["check", "--config", config, "-n", "1"],
        );
        let ok = m.fmt(
            "check-ok",
            &[("source", config.into()), ("count", 1.into())],
        );
        assert!(
            checked.starts_with(&ok),
            "{}: {ok:?} in\n{checked}",
            lang.tag()
        );
        assert!(
            checked.contains(&m.stretch_title(&leveled(&twist, None))),
            "{}: {checked}",
            lang.tag()
        );
        // --json stays English.
        let json = BIN.json_in(
            home.path(),
            &["check", "--config", config, "-n", "1"],
            &[("LANG", &locale(lang))],
        );
        assert_eq!(
            json["upcoming"][0]["title"],
            "Stretch: Seated twist, 15 s each side"
        );
    }
}

#[test]
fn c_an_unknown_language_and_no_language_are_english() {
    let home = tempfile::tempdir().unwrap();
    let english = BIN.ok_in(home.path(), &["stretches", "show", "seated-twist"], &[]);
    assert!(
        english.starts_with("Stretch: Seated twist, 15-30 s each side (seated-twist)"),
        "{english}"
    );
    for lang in [
        "C",
        "C.UTF-8",
        "POSIX",
        "xx_XX",
        "xx_XX.UTF-8",
        "en_US.UTF-8",
    ] {
        assert_eq!(
            run(home.path(), lang, &["stretches", "show", "seated-twist"]),
            english,
            "LANG={lang}"
        );
    }
    // LANGUAGE is ignored under C, as gettext ignores it.
    let c = BIN.ok_in(
        home.path(),
        &["stretches", "show", "seated-twist"],
        &[("LANG", "C"), ("LANGUAGE", "en_XA")],
    );
    assert_eq!(c, english);
}

#[test]
fn ui_language_in_the_config_overrides_the_environment() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config").join("stretchd");
    std::fs::create_dir_all(&dir).unwrap();
    write_file(
        &dir,
        "config.toml",
        &format!("[ui]\nlanguage = \"en-XA\"\n{}", config_every("1h")),
    );
    let shown = run(home.path(), "C", &["stretches", "show", "seated-twist"]);
    let pseudo = messages(Lang::Pseudo).stretch_title(&twist());
    assert!(shown.starts_with(&pseudo), "{shown}");
    // One stretchd does not speak: the environment's, with a warning from check.
    write_file(
        &dir,
        "config.toml",
        &format!("[ui]\nlanguage = \"xx\"\n{}", config_every("1h")),
    );
    assert!(run(home.path(), "C", &["stretches", "show", "seated-twist"]).starts_with("Stretch: "));
    let checked = run(home.path(), "C", &["check"]);
    assert!(
        checked.contains("ui: language = \"xx\" is not a language stretchd speaks"),
        "{checked}"
    );
    // A long or unprintable value is shown cut and escaped.
    let odd = format!("\"\\u001b[31m{}\"", "x".repeat(10_000));
    write_file(
        &dir,
        "config.toml",
        &format!("[ui]\nlanguage = {odd}\n{}", config_every("1h")),
    );
    let checked = run(home.path(), "C", &["check"]);
    let warning = checked
        .lines()
        .find(|l| l.contains("is not a language stretchd speaks"))
        .unwrap_or_else(|| panic!("no warning in\n{checked}"));
    assert!(!warning.contains('\u{1b}'), "{warning}");
    assert!(warning.len() < 400, "{warning}");
    assert!(warning.contains("xxx...\""), "{warning}");
}

#[test]
fn ui_language_of_the_config_named_on_the_command_line_counts() {
    let Some(german) = stretchd::i18n::shipped().iter().find(|f| f.tag == "de") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let config = write_file(
        elsewhere.path(),
        "mine.toml",
        &format!("[ui]\nlanguage = \"de\"\n{}", config_every("1h")),
    );
    let path = config.to_str().unwrap();
    let ok = messages(Lang::Shipped(german))
        .fmt("check-ok", &[("source", path.into()), ("count", 1.into())]);
    let long = format!("--config={path}");
    let short = format!("-c{path}");
    for args in [
        &["check", "--config", path][..],
        &["check", "-c", path],
        &["check", &long],
        &["check", &short],
    ] {
        let checked = run(home.path(), "C", args);
        assert!(checked.starts_with(&ok), "{args:?}: {ok:?} in\n{checked}");
    }
    // Without it: the usual config (none here) and the environment (C), English.
    let shown = run(home.path(), "C", &["stretches", "show", "seated-twist"]);
    assert!(shown.starts_with("Stretch: "), "{shown}");
}

#[test]
fn status_and_a_notification_speak_the_daemons_language() {
    let twist = twist();
    for lang in languages() {
        let m = messages(lang);
        let bus = Bus::start();
        let server = Server::start(&bus.address);
        let dir = tempfile::tempdir().unwrap();
        let config = write_file(dir.path(), "config.toml", &config_every("1h"));
        let mut daemon = BIN
            .daemon(&bus.address, &config)
            .env("LANG", locale(lang))
            .env("TZ", "UTC")
            .start();
        daemon.wait_for_log(RUNNING, SOON);
        let home = daemon.home().to_owned();
        let now = run(&home, &locale(lang), &["now"]);
        let title = m.stretch_title(&leveled(&twist, None));
        let note = server.next(SOON, &daemon);
        assert_eq!(note.summary, title, "{}", lang.tag());
        assert!(
            note.body.starts_with(m.stretch_summary(&twist).as_ref()),
            "{}: {}",
            lang.tag(),
            note.body
        );
        let labels: Vec<&str> = note
            .actions
            .iter()
            .skip(3)
            .step_by(2)
            .map(String::as_str)
            .collect();
        assert_eq!(
            labels,
            [
                m.get("action-done"),
                m.get("action-snooze"),
                m.get("action-skip")
            ],
            "{}: {:?}",
            lang.tag(),
            note.actions
        );
        assert!(now.contains(&title), "{}: {now}", lang.tag());
        let status = run(&home, &locale(lang), &["status"]);
        assert!(status.contains(&title), "{}: {status}", lang.tag());
        assert!(
            status.contains(&m.get("status-week")),
            "{}: {status}",
            lang.tag()
        );
        // --json stays English, the text of `now` too.
        let json = BIN.json_in(&home, &["status"], &[("LANG", &locale(lang))]);
        assert_eq!(
            json["waiting"]["title"],
            "Stretch: Seated twist, 15 s each side"
        );
        assert!(json["waiting"].get("text").is_none(), "{json}");
        let skipped = BIN.json_in(&home, &["skip"], &[("LANG", &locale(lang))]);
        assert_eq!(skipped["message"], "skipped: \"stretch\"");
        assert!(skipped.get("text").is_none(), "{skipped}");
    }
}

/// How far into `line` (in terminal columns) `field` starts.
fn column(line: &str, field: &str) -> Option<usize> {
    line.find(field).map(|at| width(&line[..at]))
}

#[test]
fn columns_line_up_with_japanese_text() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config").join("stretchd");
    std::fs::create_dir_all(&dir).unwrap();
    let custom = "[[stretch]]\n\
                  id = \"neko\"\n\
                  name = \"猫のポーズ（ゆっくり）\"\n\
                  summary = \"背中を丸めて、反らします。\"\n\
                  steps = [\"四つんばいになります。\", \"背中を丸めます。\"]\n\
                  hold = \"20s\"\n\
                  area = \"bending\"\n\
                  position = \"floor\"\n";
    write_file(
        &dir,
        "config.toml",
        &format!("{}{custom}", config_every("1h")),
    );
    let catalog = stretchd::config::Config::load(Some(&dir.join("config.toml")))
        .unwrap()
        .catalog;
    let mut langs = vec![Lang::english()];
    langs.extend(languages());
    for lang in langs {
        let m = messages(lang);
        let listed = run(home.path(), &locale(lang), &["stretches"]);
        let starts: Vec<(usize, usize)> = catalog
            .stretches
            .iter()
            .map(|s| {
                let line = listed
                    .lines()
                    .find(|l| l.starts_with(&format!("  {} ", s.id)))
                    .unwrap_or_else(|| panic!("{}: no line for {}\n{listed}", lang.tag(), s.id));
                let name = column(line, &m.stretch_name(s)).unwrap();
                let dose = column(line, &m.dose(s)).unwrap();
                (name, dose)
            })
            .collect();
        assert!(
            starts.windows(2).all(|w| w[0] == w[1]),
            "{}: columns {starts:?}\n{listed}",
            lang.tag()
        );
        assert!(
            listed.contains("猫のポーズ（ゆっくり）"),
            "the user's own text as written"
        );
    }
}

/// Words of four letters or more in `out` that are plain ASCII, outside backticks, paths and
/// the `allowed` words (ids, keys, names).
fn english_words<'a>(out: &'a str, allowed: &[&str]) -> Vec<&'a str> {
    let mut found = Vec::new();
    for (i, part) in out.split('`').enumerate() {
        if i % 2 == 1 {
            continue;
        }
        for token in part.split_whitespace() {
            // Paths, config keys (snooze.length), options and assignments are not words.
            let key =
                token.contains('.') && token.chars().all(|c| c.is_ascii() && !c.is_whitespace());
            let option = token.starts_with('-');
            if key || option || token.contains('/') || token.contains('=') || token.contains('@') {
                continue;
            }
            for word in token.split(|c: char| !c.is_ascii_alphabetic()) {
                if word.len() >= 4 && !allowed.iter().any(|a| a.eq_ignore_ascii_case(word)) {
                    found.push(word);
                }
            }
        }
    }
    found
}

#[test]
fn a_pseudo_locale_run_leaves_no_english_outside_ids_and_commands() {
    let bus = Bus::start();
    let server = Server::start(&bus.address);
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(
        dir.path(),
        "config.toml",
        &all_day_config(
            "[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"1h\"\nstretch = \"seated-twist\"\n\
             [[reminder]]\nid = \"posture\"\nkind = \"posture\"\nevery = \"30m\"\n\
             [[reminder]]\nid = \"session\"\nkind = \"session\"\ncron = \"0 17 * * fri\"\n",
        ),
    );
    let pseudo = locale(Lang::Pseudo);
    let mut daemon = BIN
        .daemon(&bus.address, &config)
        .env("LANG", &pseudo)
        .start();
    daemon.wait_for_log(RUNNING, SOON);
    let home = daemon.home().to_owned();
    let config = config.to_str().unwrap();
    let catalog = Catalog::default();
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["now", "stretch"],
        vec!["status"],
        vec!["next"],
        vec!["done", "--hard"],
        vec!["snooze"],
        vec!["pause", "1h"],
        vec!["resume"],
        vec!["stretches"],
        vec!["stretches", "safety"],
        vec!["check", "--config", config],
        vec!["guide", "--no-wait", "seated-twist", "--config", config],
        vec!["guide", "--no-wait", "--session", "--config", config],
        vec!["stats", "--config", config],
        vec!["history"],
        vec!["install", "--dry-run"],
        vec!["--help"],
        vec!["status", "--help"],
        vec!["config", "set", "--help"],
        vec!["uninstall", "--dry-run"],
        vec!["config", "set", "snooze.length", "10m", "--config", config],
        vec!["config", "set", "snooze.length", "10m", "--config", config],
    ];
    for s in &catalog.stretches {
        commands.push(vec!["stretches", "show", &s.id]);
    }
    for p in &catalog.postures {
        commands.push(vec!["stretches", "show", &p.id]);
    }
    let mut allowed: Vec<&str> = vec!["stretchd", "json", "toml", "jsonl"];
    let id_words: Vec<String> = catalog
        .stretches
        .iter()
        .map(|s| s.id.clone())
        .chain(catalog.postures.iter().map(|p| p.id.clone()))
        .chain(["stretch", "posture", "session", "guide", "foam_roller"].map(String::from))
        .collect();
    let id_words: Vec<&str> = id_words.iter().flat_map(|i| i.split(['-', '_'])).collect();
    allowed.extend(id_words);
    // The idle source is a config value.
    allowed.extend(["none", "logind", "wayland", "mutter"]);
    // clap's own words in --help, and the subcommands' names.
    allowed.extend([
        "Usage",
        "Commands",
        "Options",
        "Arguments",
        "Print",
        "help",
        "version",
    ]);
    allowed.extend(["this", "message", "given", "subcommand"]);
    let command = <stretchd::cli::Cli as clap::CommandFactory>::command();
    let names: Vec<String> = command
        .get_subcommands()
        .flat_map(|s| std::iter::once(s).chain(s.get_subcommands()))
        .map(|s| s.get_name().to_owned())
        .collect();
    allowed.extend(names.iter().map(String::as_str));
    allowed.extend(["COMMAND", "OPTIONS", "DURATION", "PATH", "VALUE"]);
    // What systemctl says when no user manager runs (the install's note quotes it).
    allowed.extend(["Failed", "connect", "such", "file", "directory"]);
    let mut escaped = Vec::new();
    for args in &commands {
        let out = BIN.run_in(&home, args, &[("LANG", &pseudo)], SOON);
        let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
        let words = english_words(&said, &allowed);
        if !words.is_empty() {
            escaped.push(format!("stretchd {}: {words:?}\n{said}", args.join(" ")));
        }
        if args[0] == "now" {
            let note = server.next(SOON, &daemon);
            let shown = format!("{}\n{}", note.summary, note.body);
            let words = english_words(&shown, &allowed);
            assert!(words.is_empty(), "the notification: {words:?} in {note:?}");
        }
    }
    assert!(
        escaped.is_empty(),
        "English that escaped translation:\n{}",
        escaped.join("\n\n")
    );
}
