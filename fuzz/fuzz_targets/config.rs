//! The config loader on any bytes: it never panics; an error is one line
//! `fuzz.toml:<line>:<column>: <message>` inside the text; a config that loads previews 20
//! reminders from a fixed instant without panicking.
#![no_main]

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use stretchd::config::{Config, ConfigError, Origin};
use stretchd::schedule::preview;
use stretchd::schedule::state::State;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Config::parse(&text, &Origin::File("fuzz.toml".into())) {
        Ok(config) => {
            // Mid-October 2026, close to the autumn DST change in most zones.
            let from = DateTime::<Utc>::from_timestamp(1_792_000_000, 0).unwrap();
            let fires = preview(&config, &State::new(from), from, 20, &chrono::Local);
            assert!(fires.len() <= 20);
        }
        Err(e) => {
            let shown = e.to_string();
            assert!(!shown.contains('\n'), "{shown:?}");
            let ConfigError::Invalid { line, column, .. } = e else {
                panic!("{shown}");
            };
            assert!(shown.starts_with(&format!("fuzz.toml:{line}:{column}: ")));
            let lines: Vec<&str> = text.split('\n').collect();
            assert!(line >= 1 && line <= lines.len(), "{shown}");
            assert!(
                column >= 1 && column <= lines[line - 1].chars().count() + 1,
                "{shown}"
            );
        }
    }
});
