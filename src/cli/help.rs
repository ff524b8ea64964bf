//! `--help` in the language spoken. clap's derive writes the English help from the doc comments
//! of [`super::Cli`]; `i18n/en/help.ftl` holds the same texts as messages (a test keeps it equal
//! to the doc comments: `STRETCHD_WRITE_HELP=1 cargo test --lib help` rewrites it), and before
//! the arguments are read each text the language has is put in place of the English one.
//! clap's own words (the headings, "Print help", its errors) stay English.

use clap::{Command, CommandFactory as _, FromArgMatches as _};

use super::Cli;
use crate::i18n::Messages;

/// The command line of this process, read with its help in the language of `messages`; exits
/// as clap does for `--help`, `--version` and a bad command line.
pub fn parse(messages: &Messages) -> Cli {
    if messages.lang().is_english() {
        return <Cli as clap::Parser>::parse();
    }
    let matches = localize(Cli::command(), "help", messages).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The id of the help of the command at `path` (`help`, `help-config-set`) or of its argument
/// `arg` (`help-status--follow`).
fn id(path: &str, arg: Option<&str>) -> String {
    match arg {
        Some(arg) => format!("{path}--{arg}"),
        None => path.to_owned(),
    }
}

/// `command` (at `path`) with every help text `messages` has in its own language.
fn localize(mut command: Command, path: &str, messages: &Messages) -> Command {
    let own = |id: &str| messages.has_own(id).then(|| messages.get(id));
    if let Some(about) = own(&id(path, None)) {
        command = command.about(about);
    }
    if let Some(after) = own(&format!("{path}-after")) {
        command = command.after_help(after);
    }
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for arg in args {
        if let Some(help) = own(&id(path, Some(&arg))) {
            command = command.mut_arg(&arg, |a| a.help(help));
        }
    }
    let subs: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subs {
        let inner = format!("{path}-{sub}");
        command = command.mut_subcommand(&sub, |s| localize(s, &inner, messages));
    }
    command
}

/// The English help as a message file: what `i18n/en/help.ftl` holds.
#[cfg(test)]
fn english_file() -> String {
    let mut out = String::from(
        "# stretchd: --help, the English source (written from the doc comments of src/cli/mod.rs\n\
         # by `STRETCHD_WRITE_HELP=1 cargo test --lib help`: change those, not this file).\n\
         # help-COMMAND is what a subcommand does, help-COMMAND--ARG what an option or argument\n\
         # means. Keep option names (--config) and values as they are. See TRANSLATING.md.\n",
    );
    write_command(&mut out, &Cli::command(), "help");
    out
}

#[cfg(test)]
fn write_command(out: &mut String, command: &Command, path: &str) {
    out.push('\n');
    if let Some(about) = command.get_about() {
        message(out, &id(path, None), &about.to_string());
    }
    if let Some(after) = command.get_after_help() {
        message(out, &format!("{path}-after"), &after.to_string());
    }
    for arg in command.get_arguments() {
        if let Some(help) = arg.get_help() {
            message(
                out,
                &id(path, Some(arg.get_id().as_str())),
                &help.to_string(),
            );
        }
    }
    for sub in command.get_subcommands() {
        write_command(out, sub, &format!("{path}-{}", sub.get_name()));
    }
}

/// `id = text` in Fluent: braces as literals, a text of several lines indented under the id.
#[cfg(test)]
fn message(out: &mut String, id: &str, text: &str) {
    use std::fmt::Write as _;
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '{' => "{\"{\"}".to_owned(),
            '}' => "{\"}\"}".to_owned(),
            c => c.to_string(),
        })
        .collect();
    let lines: Vec<&str> = escaped.lines().collect();
    if let [line] = lines.as_slice() {
        let _ = writeln!(out, "{id} = {line}");
        return;
    }
    let _ = writeln!(out, "{id} =");
    for line in lines {
        let _ = writeln!(out, "    {line}");
    }
}

/// The id of every help text of the command line, as [`localize`] looks them up.
#[cfg(test)]
pub(crate) fn ids() -> Vec<String> {
    fn walk(command: &Command, path: &str, out: &mut Vec<String>) {
        if command.get_about().is_some() {
            out.push(id(path, None));
        }
        if command.get_after_help().is_some() {
            out.push(format!("{path}-after"));
        }
        for arg in command.get_arguments().filter(|a| a.get_help().is_some()) {
            out.push(id(path, Some(arg.get_id().as_str())));
        }
        for sub in command.get_subcommands() {
            walk(sub, &format!("{path}-{}", sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), "help", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/i18n/en/help.ftl");

    #[test]
    fn the_english_help_file_is_the_doc_comments() {
        let written = english_file();
        if std::env::var_os("STRETCHD_WRITE_HELP").is_some() {
            std::fs::write(FILE, &written).unwrap();
        }
        let file = std::fs::read_to_string(FILE).unwrap_or_default();
        assert!(
            file == written,
            "i18n/en/help.ftl is not the help of src/cli/mod.rs: run `STRETCHD_WRITE_HELP=1 cargo test --lib help`"
        );
    }

    #[test]
    fn every_help_text_is_a_message_that_formats_back_to_itself() {
        let english = Messages::english();
        let mut checked = 0;
        let command = Cli::command();
        let mut stack = vec![(command, "help".to_owned())];
        while let Some((command, path)) = stack.pop() {
            if let Some(about) = command.get_about() {
                assert_eq!(english.get(&id(&path, None)), about.to_string(), "{path}");
                checked += 1;
            }
            for arg in command.get_arguments() {
                if let Some(help) = arg.get_help() {
                    let id = id(&path, Some(arg.get_id().as_str()));
                    assert_eq!(english.get(&id), help.to_string(), "{id}");
                    checked += 1;
                }
            }
            for sub in command.get_subcommands() {
                stack.push((sub.clone(), format!("{path}-{}", sub.get_name())));
            }
        }
        assert!(checked > 40, "{checked}");
    }

    #[test]
    fn a_language_replaces_the_texts_it_has() {
        let pseudo = Messages::all(crate::i18n::Lang::Pseudo);
        let command = localize(Cli::command(), "help", &pseudo);
        let status = command.find_subcommand("status").unwrap();
        let about = status.get_about().unwrap().to_string();
        assert!(!about.contains("Show what the daemon"), "{about}");
        let follow = status
            .get_arguments()
            .find(|a| a.get_id() == "follow")
            .unwrap();
        assert!(
            !follow
                .get_help()
                .unwrap()
                .to_string()
                .contains("Keep printing")
        );
    }
}
