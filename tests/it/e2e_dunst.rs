//! End to end against a real notification server: dunst on Xvfb, on a private session bus, read
//! back with `dunstctl history`. Needs `dunst`, `dunstctl` and `Xvfb` (Debian: `apt-get install
//! dunst xvfb`). Without them it is skipped with a loud note, so `cargo test` works on a machine
//! with only dbus-daemon; `.ci/run` installs them and sets `STRETCHD_REQUIRE_DUNST=1`, under which
//! a missing tool fails the test.

use std::process::Stdio;
use std::time::{Duration, Instant};

use testkit::x11::{DUNST_INSTALL, DUNST_TOOLS, dunstctl, start_dunst, start_xvfb};
use testkit::{Bus, SOON, all_day_config, tools_present, write_file};

use crate::BIN;

/// A string field of one `dunstctl history` entry (`{"type": "s", "data": ...}`).
fn field<'a>(entry: &'a serde_json::Value, key: &str) -> &'a str {
    entry[key]["data"]
        .as_str()
        .unwrap_or_else(|| panic!("no string {key:?} in {entry}"))
}

#[test]
fn dunst_shows_the_reminder() {
    if !tools_present("dunst_shows_the_reminder", DUNST_TOOLS, DUNST_INSTALL) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bus = Bus::start();
    let (_xvfb, display) = start_xvfb(&[]);

    let dunst_log = std::fs::File::create(dir.path().join("dunst.log")).unwrap();
    let _dunst = start_dunst(
        &bus,
        &display,
        dir.path(),
        "[global]\n    history_length = 20\n",
        Stdio::from(dunst_log),
    );
    let dunst_stderr = || std::fs::read_to_string(dir.path().join("dunst.log")).unwrap_or_default();

    let config = write_file(
        dir.path(),
        "config.toml",
        &all_day_config(
            "[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"2s\"\nstretch = \"seated-twist\"\n",
        ),
    );
    let mut daemon = BIN.daemon(&bus.address, &config).start();
    daemon.wait_for_log("stretchd is running", SOON);
    daemon.wait_for_log("daemon: reminder reminder=stretch", SOON);

    // The log line comes just before the Notify call: poll dunst (every 50 ms, bounded) until
    // the notification is there, closing what it displays so that it moves to the history.
    let deadline = Instant::now() + SOON;
    let (history, entry) = loop {
        dunstctl(&bus, &["close-all"]);
        let history = dunstctl(&bus, &["history"]);
        let json: serde_json::Value = serde_json::from_str(&history)
            .unwrap_or_else(|e| panic!("dunstctl history is not JSON ({e}): {history}"));
        let entries = json["data"][0].as_array().expect("a list of notifications");
        if let Some(entry) = entries.iter().find(|e| field(e, "appname") == "stretchd") {
            break (history.clone(), entry.clone());
        }
        assert!(
            Instant::now() < deadline,
            "no stretchd notification in dunst's history after {SOON:?}: {history}\n\
             stretchd:\n{}\ndunst:\n{}",
            daemon.log(),
            dunst_stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(
        daemon.count("cannot show the reminder"),
        0,
        "{}",
        daemon.log()
    );
    assert_eq!(
        field(&entry, "summary"),
        "Stretch: Seated twist, 15 s each side",
        "{history}"
    );
    let body = field(&entry, "body");
    // The body is the cue (the steps and the safety notice are on the card).
    assert!(
        body.contains("rotation back into the mid back") && body.contains("`stretchd card`"),
        "the body lacks the cue: {body}"
    );
    assert!(
        body.contains("safety notice") && !body.contains(stretchd::catalog::safety_notice()),
        "the body does not point to the safety notice, or carries it: {body}"
    );
    assert_eq!(field(&entry, "category"), "presence");
    // dunst took the picture from the image-path hint (a file:// URI it turns into a path).
    let icon = field(&entry, "icon_path");
    assert!(
        icon.ends_with("/stretchd/images/seated-twist.svg"),
        "dunst did not take the picture: icon_path {icon:?}\n{history}"
    );
}
