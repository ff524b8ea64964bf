//! The documentation the CLI generates from its own clap definitions, so it never drifts from
//! them: shell completions (`stretchd completions`) and the man page (`stretchd man`), which
//! `stretchd install` and the .deb also install.

use std::fmt::Write as _;
use std::io::{self, Write as _};

use anyhow::Context as _;
use clap::CommandFactory as _;
use clap_complete::Shell;

use crate::cli::Cli;

/// The completion script of `shell` for `stretchd`.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "stretchd", &mut out);
    out
}

/// The man page `stretchd(1)`, as roff: name, synopsis, description and options, then a
/// COMMANDS section with every subcommand and its own options (one page, rather than one page
/// per subcommand that nothing installs).
pub fn man_page() -> Vec<u8> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    let _ = man.render_options_section(&mut out);
    let mut roff = String::from(".SH COMMANDS\n");
    for sub in command.get_subcommands() {
        roff_command(&mut roff, sub);
    }
    if let Some(after) = command.get_after_help() {
        roff.push_str(".SH NOTES\n");
        for line in after.to_string().lines() {
            let _ = writeln!(roff, "{}\n.br", roff_text(line));
        }
    }
    out.extend_from_slice(roff.as_bytes());
    let _ = man.render_version_section(&mut out);
    // Each render_* call repeats clap_mangen's two-line preamble (it defines the apostrophe
    // string); once is enough, after the title so that the page starts with `.TH`.
    let text = String::from_utf8_lossy(&out);
    let mut preamble = Vec::new();
    let mut body = Vec::new();
    for line in text.lines() {
        if line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq") {
            if !preamble.contains(&line) {
                preamble.push(line);
            }
        } else {
            body.push(line);
        }
    }
    let title = body
        .iter()
        .position(|l| l.starts_with(".TH "))
        .map_or(0, |i| i + 1);
    body.splice(title..title, preamble);
    let mut page = body.join("\n");
    page.push('\n');
    page.into_bytes()
}

/// One subcommand (and its own subcommands) as a `.SS` subsection with its options.
fn roff_command(roff: &mut String, command: &clap::Command) {
    if command.is_hide_set() {
        return;
    }
    let usage = command.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let _ = writeln!(roff, ".SS \"{}\"", roff_text(usage).replace('"', "\\(dq"));
    if let Some(about) = command.get_long_about().or_else(|| command.get_about()) {
        for line in about.to_string().lines() {
            let _ = writeln!(roff, "{}", roff_text(line));
        }
    }
    for arg in command.get_arguments() {
        let id = arg.get_id().as_str();
        if arg.is_hide_set() || arg.is_global_set() || id == "help" || id == "version" {
            continue;
        }
        roff.push_str(".TP\n");
        let mut names = Vec::new();
        if let Some(short) = arg.get_short() {
            names.push(format!("\\fB\\-{short}\\fR"));
        }
        if let Some(long) = arg.get_long() {
            names.push(format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-")));
        }
        let value = arg
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| id.to_uppercase(), ToString::to_string);
        let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
        let mut head = names.join(", ");
        if arg.is_positional() {
            head = format!("\\fI{value}\\fR");
        } else if takes_value {
            let _ = write!(head, " \\fI{value}\\fR");
        }
        let _ = writeln!(roff, "{head}");
        if let Some(help) = arg.get_long_help().or_else(|| arg.get_help()) {
            for line in help.to_string().lines() {
                let _ = writeln!(roff, "{}", roff_text(line));
            }
        }
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if !values.is_empty() {
            let _ = writeln!(roff, "[possible values: {}]", roff_text(&values.join(", ")));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && takes_value {
            let _ = writeln!(roff, "[default: {}]", roff_text(&defaults.join(", ")));
        }
    }
    for sub in command.get_subcommands() {
        roff_command(roff, sub);
    }
}

/// A line of text made safe for roff: backslashes escaped, and a leading `.` or `'` (which
/// would start a request) neutralised.
fn roff_text(line: &str) -> String {
    let text = line.replace('\\', "\\e");
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}

/// Writes `bytes` to stdout; a reader that went away (`stretchd man | head`) is not an error.
pub fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e).context("cannot write to stdout"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_text_neutralises_requests() {
        assert_eq!(roff_text(".SH x"), "\\&.SH x");
        assert_eq!(roff_text("a\\b"), "a\\eb");
    }
}
