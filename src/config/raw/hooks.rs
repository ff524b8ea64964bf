//! `[hooks]`: the commands run around breaks, checked: each a string split on spaces (as
//! `[notify] terminal`) or an array of strings (for an argument with spaces in it).

use serde::Deserialize;
use toml::Spanned;

use super::{Problem, S, duration, problem};
use crate::config::{HooksConfig, MAX_HOOK_BYTES, MAX_HOOK_TIMEOUT, MAX_HOOK_WORDS};

/// A hook command as written.
#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "must be a command: a string such as \"playerctl pause\" or an array of strings such as [\"playerctl\", \"pause\"]"
)]
pub(super) enum RawCommand {
    /// Words separated by whitespace, no shell quoting.
    Line(String),
    /// The program and each argument.
    Words(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHooks {
    on_show: Option<Spanned<RawCommand>>,
    on_answer: Option<Spanned<RawCommand>>,
    on_session_start: Option<Spanned<RawCommand>>,
    on_session_end: Option<Spanned<RawCommand>>,
    #[serde(default = "default_timeout")]
    timeout: S,
}

fn default_timeout() -> S {
    Spanned::new(0..0, "10s".to_owned())
}

impl Default for RawHooks {
    fn default() -> Self {
        RawHooks {
            on_show: None,
            on_answer: None,
            on_session_start: None,
            on_session_end: None,
            timeout: default_timeout(),
        }
    }
}

impl RawHooks {
    pub(super) fn validate(&self) -> Result<HooksConfig, Problem> {
        let raw = [
            &self.on_show,
            &self.on_answer,
            &self.on_session_start,
            &self.on_session_end,
        ];
        let mut commands = [None, None, None, None];
        for ((slot, raw), hook) in commands.iter_mut().zip(raw).zip(crate::config::Hook::ALL) {
            if let Some(raw) = raw {
                *slot = Some(command(raw, hook.key())?);
            }
        }
        Ok(HooksConfig {
            commands,
            timeout: duration(&self.timeout, "hooks: timeout", MAX_HOOK_TIMEOUT)?,
        })
    }
}

/// The words of hook `key`: a program first, within the limits, no NUL byte (no process
/// could receive it).
fn command(raw: &Spanned<RawCommand>, key: &str) -> Result<Vec<String>, Problem> {
    let words: Vec<String> = match raw.get_ref() {
        RawCommand::Line(line) => line.split_whitespace().map(str::to_owned).collect(),
        RawCommand::Words(words) => words.clone(),
    };
    let fail = |why: String| Err(problem(raw, format!("hooks: {key} {why}")));
    if words
        .first()
        .is_none_or(|program| program.trim().is_empty())
    {
        return fail(format!(
            "has no program; give the command to run (e.g. {key} = \"playerctl pause\"), or remove the key to run nothing"
        ));
    }
    if words.len() > MAX_HOOK_WORDS {
        return fail(format!(
            "has {} words; the limit is {MAX_HOOK_WORDS} (put a long command in a script and run that)",
            words.len()
        ));
    }
    let bytes: usize = words.iter().map(String::len).sum();
    if bytes > MAX_HOOK_BYTES {
        return fail(format!(
            "is {bytes} bytes long; the limit is {MAX_HOOK_BYTES} (put a long command in a script and run that)"
        ));
    }
    if words.iter().any(|w| w.contains('\0')) {
        return fail(
            "holds a NUL character (\\u0000), which no program can be given; remove it".to_owned(),
        );
    }
    Ok(words)
}
