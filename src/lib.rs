//! stretchd: a small Linux user daemon that reminds desk workers to check their posture and to do
//! one specific mid-back stretch, on a TOML schedule, through desktop notifications.
//!
//! Three programs share this crate, in layers that only ever look down:
//!
//! - the pure core: [`config`] (the TOML file, validated), [`catalog`] (the stretches and
//!   posture checks), [`schedule`] (what is due when: work hours, cron, snoozes, the state it
//!   remembers) and [`stats`] (summaries of the history). None of it reads a clock;
//! - what the programs share: [`store`] (paths, the one atomic writer, the state file, the
//!   history, the pictures), [`sync`] (the folder shared with the user's other machines, and
//!   the pure merge of what they wrote), [`ipc`] (the control protocol and its client), [`i18n`]
//!   (what people read, in their language: the message files, the language chosen, the
//!   catalogue's and the dates' words), [`logging`] and [`text`] (escaping and columns for
//!   terminals);
//! - the two programs: [`daemon`] (the one loop and the sources that feed it: notifications,
//!   presence, the control socket, the config watch) and [`cli`] (the command line: local
//!   commands, daemon commands, the guide, install, config editing).
//!
//! Two binaries sit on top: `stretchd` (the command line) and `stretchd-daemon` (only the
//! daemon, which `stretchd run` hands over to, so the long-running process maps none of the
//! command line's code: see [`daemon::process`]).

pub mod catalog;
pub mod cli;
pub mod config;
pub mod daemon;
pub mod i18n;
pub mod ipc;
pub mod logging;
pub mod schedule;
pub mod stats;
pub mod store;
pub mod sync;
pub mod text;
