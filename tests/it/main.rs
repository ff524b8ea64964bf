//! stretchd's integration tests, as one test crate: each module was once a file of its own under
//! `tests/`, and the helpers they share are the `testkit` crate (a private bus, the daemon as a
//! child, fake servers, Xvfb, dunst, `KWin`) and [`fake`] (a clock and notifier for the daemon in
//! process). `cargo test --test it MODULE::` runs one module.

use testkit::Bin;

/// The `stretchd` binary under test.
const BIN: Bin = Bin::new(env!("CARGO_BIN_EXE_stretchd"));

mod assets;
mod bad_configs;
mod calls;
mod calls_loop;
mod card;
mod config_cmd;
mod config_errors;
mod control;
mod daemon_inprocess;
mod daemon_loop;
mod daemon_process;
mod deb;
mod e2e_dunst;
mod e2e_notify;
mod e2e_presence;
mod fake;
mod faults;
mod files;
mod fuzz_config;
mod fuzz_protocol;
mod gnome;
mod guide;
mod hardening;
mod held;
mod hooks;
mod i18n;
mod install;
mod levels;
mod lull;
mod lull_loop;
mod plasma;
mod presence_logind;
mod presence_schedule;
mod presence_session;
mod presence_wayland;
mod presence_x11;
mod program;
mod properties;
mod schedule;
mod sync;
mod sync_hostile;
mod syncthing;
mod systemd_unit;
mod tray;
