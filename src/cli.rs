//! The command line, as clap derive types. `main` parses it and [`crate::commands`] runs it.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::{Args, Parser, Subcommand};

/// Posture checks and mid-back stretches on a schedule, as desktop notifications.
#[derive(Debug, Parser)]
#[command(name = "stretchd", version, about, long_about = None)]
#[command(
    after_help = "The config lives at $XDG_CONFIG_HOME/stretchd/config.toml (usually \
~/.config/stretchd/config.toml); without one the built-in default schedule runs.\n\
Start here: `stretchd check` shows what the schedule would do."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the daemon: show reminders until stopped (SIGHUP reloads the config).
    Run(ConfigArg),
    /// Validate the config and print the next reminders it would fire.
    Check(CheckArgs),
    /// List the stretches and posture checks, or show one in full.
    Stretches(StretchesArgs),
}

/// `--config PATH`.
#[derive(Debug, Args)]
pub struct ConfigArg {
    /// Config file to use instead of `$XDG_CONFIG_HOME/stretchd/config.toml`.
    #[arg(long, short, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// `stretchd check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub config: ConfigArg,
    /// Start from this time instead of now (RFC 3339, e.g. 2026-11-24T09:00:00+01:00).
    #[arg(long, value_name = "RFC3339")]
    pub from: Option<DateTime<FixedOffset>>,
    /// How many reminders to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub count: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `stretchd stretches [show ID]`.
#[derive(Debug, Args)]
pub struct StretchesArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub config: ConfigArg,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    #[allow(missing_docs)]
    pub show: Option<StretchesCommand>,
}

/// `stretchd stretches show ID`.
#[derive(Debug, Subcommand)]
pub enum StretchesCommand {
    /// Print one stretch or posture check in full.
    Show {
        /// Its id, as listed by `stretchd stretches`.
        id: String,
    },
}
