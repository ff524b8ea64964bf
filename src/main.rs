//! The `stretchd` binary: parses the command line, sets up logging, and hands over to the library.

use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    stretchd::i18n::init(stretchd::cli::language());
    let cli = stretchd::cli::help::parse(stretchd::i18n::cli());
    stretchd::logging::init();
    match stretchd::cli::run(cli) {
        Ok(code) => code,
        // The reader of the output went away (`stretchd next | head -1`): it wanted no more,
        // so nothing is said about it.
        Err(e) if broken_pipe(&e) => ExitCode::FAILURE,
        Err(e) => {
            // Not eprintln!: a closed stderr would make it panic.
            let _ = writeln!(std::io::stderr(), "stretchd: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Whether `e` is a bare write to a closed pipe (no context added: a daemon that hangs up on a
/// request is reported with its context).
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().count() == 1
        && e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
