//! The `stretchd-daemon` binary: only the daemon, which `stretchd run` hands over to, so the
//! process that runs all session long maps none of the command line's code.

use std::process::ExitCode;

use stretchd::daemon::process;

fn main() -> ExitCode {
    stretchd::logging::init();
    match process::parse_args(std::env::args_os().skip(1)).and_then(process::main) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stretchd: {e:#}");
            ExitCode::FAILURE
        }
    }
}
