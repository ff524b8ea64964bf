//! End to end on a real KDE Plasma 5.27 (`testkit::plasma`): the real `stretchd run` on
//! plasmashell's session bus, its popups answered by real clicks on Xvfb (`xdotool`), and
//! Plasma's own do-not-disturb (`Inhibit`, the `Inhibited` property) holding reminders.
//!
//! Needs plasma-desktop, xvfb and xdotool (see `testkit::plasma::PLASMA_INSTALL`); without them
//! the tests are skipped with a note, unless `STRETCHD_REQUIRE_PLASMA=1` (set by `.ci/run`,
//! which installs them).

use std::path::Path;

use testkit::notifications::server_name;
use testkit::plasma::Plasma;
use testkit::{Daemon, RUNNING, SOON, all_day_config, write_file};

use crate::BIN;

/// The stretches of [`config`]'s reminders, each the id of its reminder.
const STRETCHES: [&str; 2] = ["seated-twist", "thoracic-extension"];

/// A config with an hourly reminder of each of [`STRETCHES`]: `stretchd now ID` shows one at
/// once. (Two, taken in turn, as Plasma refuses a notification like the last one in quick
/// succession: `ExcessNotificationGeneration`.)
fn config() -> String {
    let reminders = STRETCHES.map(|id| {
        format!(
            "[[reminder]]\nid = \"{id}\"\nkind = \"stretch\"\nevery = \"1h\"\nstretch = \"{id}\"\n"
        )
    });
    all_day_config(&format!(
        "[presence]\nidle_source = \"none\"\n\n{}",
        reminders.join("\n")
    ))
}

/// The daemon on `plasma`'s session bus, once it runs.
fn daemon(plasma: &Plasma, dir: &Path) -> Daemon {
    let path = write_file(dir, "config.toml", &config());
    let mut daemon = BIN.daemon(&plasma.session.address, &path).start();
    daemon.wait_for_log(RUNNING, SOON);
    daemon
}

/// The outcomes in the history, oldest first.
fn outcomes(daemon: &Daemon) -> Vec<String> {
    let history = BIN.json_in(daemon.home(), &["history"], &[]);
    history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["outcome"].as_str().unwrap().to_owned())
        .collect()
}

/// Plasma's notification server, on a connection of the test's.
async fn server(plasma: &Plasma) -> zbus::Connection {
    zbus::connection::Builder::address(plasma.session.address.as_str())
        .build()
        .await
        .unwrap()
}

#[tokio::test]
async fn plasma_shows_reminders_answered_by_real_clicks() {
    if !Plasma::present("plasma_shows_reminders_answered_by_real_clicks") {
        return;
    }
    let plasma = Plasma::start();
    let conn = server(&plasma).await;
    assert_eq!(server_name(&conn).await, "Plasma");
    let dir = tempfile::tempdir().unwrap();
    let mut daemon = daemon(&plasma, dir.path());

    for ((label, logged, outcome), id) in [
        ("Done", "daemon: done reminder=", "done"),
        ("Snooze", "snoozed", "snoozed"),
        ("Skip", "daemon: skipped reminder=", "skipped"),
    ]
    .into_iter()
    .zip(STRETCHES.into_iter().cycle())
    {
        BIN.ok_in(daemon.home(), &["now", id], &[]);
        let popup = plasma.wait_for_popup();
        plasma.click_button(popup, label);
        daemon.wait_for_log_async(logged, SOON).await;
        assert_eq!(outcomes(&daemon).last().unwrap(), outcome);
        plasma.wait_for_no_popup();
    }
    assert_eq!(outcomes(&daemon), ["done", "snoozed", "skipped"]);
}

#[tokio::test]
async fn plasma_do_not_disturb_holds_reminders() {
    if !Plasma::present("plasma_do_not_disturb_holds_reminders") {
        return;
    }
    let plasma = Plasma::start();
    let dir = tempfile::tempdir().unwrap();
    let mut daemon = daemon(&plasma, dir.path());
    // What an application does to keep notifications quiet (a presentation, a video call):
    // plasmashell sets its `Inhibited` property while the inhibition lasts.
    let conn = server(&plasma).await;
    let cookie: u32 = conn
        .call_method(
            Some("org.freedesktop.Notifications"),
            "/org/freedesktop/Notifications",
            Some("org.freedesktop.Notifications"),
            "Inhibit",
            &(
                "stretchd-test",
                "a test",
                std::collections::HashMap::<&str, zbus::Variant<'_>>::new(),
            ),
        )
        .await
        .unwrap()
        .body()
        .deserialize()
        .unwrap();
    daemon
        .wait_for_log_async("hold reason=DoNotDisturb on=true", SOON)
        .await;
    let status = BIN.json_in(daemon.home(), &["status"], &[]);
    assert!(!status["held"].is_null(), "{status}");
    conn.call_method(
        Some("org.freedesktop.Notifications"),
        "/org/freedesktop/Notifications",
        Some("org.freedesktop.Notifications"),
        "UnInhibit",
        &(cookie,),
    )
    .await
    .unwrap();
    daemon
        .wait_for_log_async("hold reason=DoNotDisturb on=false", SOON)
        .await;
}

/// Takes `docs/screenshot-plasma.png` again: a stretch reminder as Plasma shows it, its popup's
/// window grabbed from the X server with `import` (`ImageMagick`). Ignored: run it with
/// `cargo test --test it -- --ignored plasma_screenshot` (needs imagemagick too).
#[tokio::test]
#[ignore = "writes docs/screenshot-plasma.png; run by hand"]
async fn plasma_screenshot() {
    assert!(
        Plasma::present("plasma_screenshot") && testkit::on_path("import").is_some(),
        "Plasma and ImageMagick's import are needed"
    );
    let plasma = Plasma::start();
    let dir = tempfile::tempdir().unwrap();
    let daemon = daemon(&plasma, dir.path());
    BIN.ok_in(daemon.home(), &["now", STRETCHES[0]], &[]);
    let popup = plasma.wait_for_popup();
    // The pointer on the popup keeps it open; out of the way, on its header.
    plasma.hover(popup.x + popup.width / 2, popup.y + 10);
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshot-plasma.png");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    // The popup's own window, wherever Plasma has moved it meanwhile.
    let status = std::process::Command::new("import")
        .args(["-window", &popup.id.to_string()])
        .arg(&out)
        .env("DISPLAY", &plasma.display)
        .status()
        .unwrap();
    assert!(status.success(), "import failed");
    eprintln!("wrote {}", out.display());
}
