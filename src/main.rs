//! The `stretchd` binary: parses the command line, sets up logging, and hands over to the library.

use std::process::ExitCode;

use clap::Parser as _;
use stretchd::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    stretchd::logging::init();
    match stretchd::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stretchd: {e:#}");
            ExitCode::FAILURE
        }
    }
}
