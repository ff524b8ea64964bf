//! The `stretchd` binary: parses the command line, sets up logging, and hands over to the library.

use std::io::IsTerminal as _;
use std::process::ExitCode;

use clap::Parser as _;
use stretchd::cli::Cli;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stderr = std::io::stderr();
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_ansi(stderr.is_terminal())
        .with_writer(std::io::stderr)
        .init();
    match stretchd::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stretchd: {e:#}");
            ExitCode::FAILURE
        }
    }
}
