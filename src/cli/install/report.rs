//! The report of install and uninstall: one line per step as it happens, or one JSON object at
//! the end.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::Options;
use crate::i18n::{Arg, Messages, arg, cli};

/// What one step did (or, in a dry run, would do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// A file was created or replaced.
    Wrote,
    /// A user's file was left as it is (install never overwrites the config).
    KeptExisting,
    /// A file already held these bytes and was not touched.
    Unchanged,
    /// A file was removed.
    Removed,
    /// A user's file that uninstall does not remove (config, history).
    LeftInPlace,
    /// A command was run.
    Ran,
    /// Something worth knowing that is not an action.
    Note,
}

impl Action {
    /// The message of a line that did this to `$what` (or, in a dry run, would).
    fn message(self, dry_run: bool) -> &'static str {
        match (self, dry_run) {
            (Action::Wrote, false) => "install-wrote",
            (Action::Wrote, true) => "install-would-write",
            (Action::KeptExisting, false) => "install-kept",
            (Action::KeptExisting, true) => "install-would-keep",
            (Action::Unchanged, false) => "install-unchanged",
            (Action::Unchanged, true) => "install-would-leave-unchanged",
            (Action::Removed, false) => "install-removed",
            (Action::Removed, true) => "install-would-remove",
            (Action::LeftInPlace, false) => "install-left",
            (Action::LeftInPlace, true) => "install-would-leave",
            (Action::Ran, false) => "install-ran",
            (Action::Ran, true) => "install-would-run",
            (Action::Note, _) => "",
        }
    }
}

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// What was done.
    pub action: Action,
    /// The file, the command line, or the text of a note.
    pub what: String,
    /// Advice about it, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Step {
    fn line(&self, m: &Messages, dry_run: bool) -> String {
        let line = match self.action {
            Action::Note => self.what.clone(),
            action => m.fmt(
                action.message(dry_run),
                &[("what", arg(self.what.as_str()))],
            ),
        };
        match &self.hint {
            Some(hint) => m.fmt(
                "install-hint",
                &[("step", arg(line)), ("hint", arg(hint.as_str()))],
            ),
            None => line,
        }
    }
}

/// Prints steps as they happen (text) or all at the end (JSON).
pub(super) struct Report<'a> {
    out: &'a mut dyn Write,
    options: Options,
    steps: Vec<Step>,
    /// English for `--json`, whose hints and notes stay English; else the language spoken.
    english: Option<Messages>,
}

impl<'a> Report<'a> {
    /// A report with no steps yet, printed to `out` as `options` say.
    pub(super) fn new(out: &'a mut dyn Write, options: Options) -> Self {
        Report {
            out,
            options,
            steps: Vec::new(),
            english: options.json.then(Messages::english),
        }
    }

    /// Message `id` of the install's report (its hints and notes) with `args`, in English for
    /// `--json`.
    pub(super) fn say(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.english.as_ref().unwrap_or_else(|| cli()).fmt(id, args)
    }

    /// Reports one step (printed at once, as text).
    pub(super) fn push(&mut self, action: Action, what: impl Into<String>, hint: Option<String>) {
        let step = Step {
            action,
            what: what.into(),
            hint,
        };
        if !self.options.json {
            // A closed stdout must not stop an install half way.
            let _ = writeln!(self.out, "{}", step.line(cli(), self.options.dry_run));
        }
        self.steps.push(step);
    }

    /// Reports a step on a file.
    pub(super) fn file(&mut self, action: Action, path: &Path, hint: Option<String>) {
        self.push(action, path.display().to_string(), hint);
    }

    /// Reports something worth knowing that is not an action.
    pub(super) fn note(&mut self, text: impl Into<String>) {
        self.push(Action::Note, text, None);
    }

    /// Prints what is left to print (the JSON object) and flushes.
    pub(super) fn finish(self) {
        if self.options.json {
            #[derive(Serialize)]
            struct Json<'a> {
                dry_run: bool,
                steps: &'a [Step],
            }
            let json = Json {
                dry_run: self.options.dry_run,
                steps: &self.steps,
            };
            if let Ok(text) = serde_json::to_string_pretty(&json) {
                let _ = writeln!(self.out, "{text}");
            }
        }
        let _ = self.out.flush();
    }

    /// Whether nothing is to be done, only reported.
    pub(super) fn dry_run(&self) -> bool {
        self.options.dry_run
    }
}
