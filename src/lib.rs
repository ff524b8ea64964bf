//! stretchd: a small Linux user daemon that reminds desk workers to check their posture and to do
//! one specific mid-back stretch, on a TOML schedule, through desktop notifications.
//!
//! The pure core ([`config`], [`catalog`], [`schedule`]) never reads a clock; the daemon loop in
//! [`daemon`] turns "next due at T" into one sleep and owns all state.

pub mod assets;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod config;
pub mod control;
pub mod cronspec;
pub mod daemon;
pub mod files;
pub mod guide;
pub mod history;
pub mod install;
pub mod ipc;
pub mod notify;
pub mod paths;
pub mod presence;
pub mod remote;
pub mod schedule;
pub mod state;
pub mod stats;
pub mod store;
pub mod watch;
pub mod workhours;
