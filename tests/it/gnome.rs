//! End to end on a real, headless GNOME Shell 43 (`testkit::gnome`): the real `stretchd run` on
//! the shell's session bus, answered by real clicks on the shell's banners (the pointer moved
//! and pressed through `org.gnome.Mutter.RemoteDesktop`, the buttons found with
//! `org.gnome.Shell.Eval`), GNOME's message list read back through Eval, Mutter's idle monitor
//! fed real injected input, and GNOME's do-not-disturb set with `gsettings`.
//!
//! Needs gnome-shell, gjs, python3-dbusmock, pipewire, wireplumber and dconf (see
//! `testkit::gnome::GNOME_INSTALL`); without them the tests are skipped with a note, unless
//! `STRETCHD_REQUIRE_GNOME=1` (set by `.ci/run`, which installs them).

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};

use testkit::gnome::{APPINDICATOR, Shell};
use testkit::notifications::server_name;
use testkit::tray;
use testkit::xfce::WATCHER;
use testkit::{Daemon, RUNNING, SOON, all_day_config, write_file};

use crate::BIN;

/// How the stretch's title starts.
const TWIST: &str = "Stretch: Seated twist";

/// A config with an hourly stretch (`stretchd now` shows it at once), an hourly posture check,
/// and `presence` (the `[presence]` table's lines).
fn config(presence: &str) -> String {
    all_day_config(&format!(
        "[presence]\n\
         {presence}\n\
         \n\
         [[reminder]]\n\
         id = \"stretch\"\n\
         kind = \"stretch\"\n\
         every = \"1h\"\n\
         stretch = \"seated-twist\"\n\
         \n\
         [[reminder]]\n\
         id = \"posture\"\n\
         kind = \"posture\"\n\
         every = \"1h\"\n"
    ))
}

/// The daemon on `shell`'s session bus with `config`, once it runs.
fn daemon(shell: &Shell, dir: &Path, config: &str) -> Daemon {
    let path = write_file(dir, "config.toml", config);
    let mut builder = BIN.daemon(&shell.session.address, &path);
    builder = builder.env("DBUS_SYSTEM_BUS_ADDRESS", &shell.system.address);
    let mut daemon = builder.start();
    daemon.wait_for_log(RUNNING, SOON);
    daemon
}

/// `stretchd ARGS` against `daemon`; its stdout.
fn cli(daemon: &Daemon, args: &[&str]) -> String {
    BIN.ok_in(daemon.home(), args, &[])
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

/// Shows the stretch with `stretchd now stretch` and waits for its banner.
async fn show_stretch(shell: &Shell, daemon: &mut Daemon) {
    cli(daemon, &["now", "stretch"]);
    daemon
        .wait_for_log_async("daemon: reminder reminder=stretch", SOON)
        .await;
    shell.wait_for_banner(TWIST).await;
}

/// Waits until nothing of stretchd's is left in GNOME's message list, and no banner is on
/// screen (GNOME shows no banner for a notification that comes while the last one slides out).
async fn nothing_listed(shell: &Shell) {
    shell
        .wait_for("nothing of stretchd's left in the message list", || async {
            shell.listed("stretchd").await.is_empty() && shell.tray_idle("stretchd").await
        })
        .await;
}

#[tokio::test]
async fn gnome_shell_shows_reminders_answered_by_real_clicks_and_keeps_nothing() {
    if !Shell::present("gnome_shell_shows_reminders_answered_by_real_clicks_and_keeps_nothing") {
        return;
    }
    let shell = Shell::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut daemon = daemon(&shell, dir.path(), &config("idle_source = \"none\""));

    // GNOME Shell is the server, and the reminder is its banner with the stretch's cue (its
    // summary; the steps are on the card) and the picture.
    assert_eq!(server_name(shell.conn()).await, "gnome-shell");

    show_stretch(&shell, &mut daemon).await;
    let pointer = shell.pointer().await;
    let banner = pointer.click_button(TWIST, "Done").await;
    let shown = BIN.json_in(dir.path(), &["stretches", "show", "seated-twist"], &[]);
    let summary = shown["summary"].as_str().unwrap();
    let words: String = summary.chars().take(20).collect();
    assert!(
        banner.body.contains(&words),
        "the banner lacks the stretch's summary ({words:?}): {banner:?}"
    );
    let icon = banner.gicon.clone().unwrap_or_default();
    assert!(
        icon.contains("seated-twist.svg"),
        "GNOME did not take the picture as the banner's icon: {banner:?}"
    );
    daemon
        .wait_for_log_async("daemon: done reminder=stretch", SOON)
        .await;
    assert_eq!(outcomes(&daemon), ["done"]);
    nothing_listed(&shell).await;

    // Snooze by a click: snoozed in status, nothing left behind.
    show_stretch(&shell, &mut daemon).await;
    pointer.click_button(TWIST, "Snooze").await;
    daemon.wait_for_log_async("snoozed", SOON).await;
    let status = BIN.json_in(daemon.home(), &["status"], &[]);
    assert_eq!(status["snoozed"]["reminder"], "stretch", "{status}");
    nothing_listed(&shell).await;

    // Skip by a click.
    show_stretch(&shell, &mut daemon).await;
    pointer.click_button(TWIST, "Skip").await;
    daemon
        .wait_for_log_async("daemon: skipped reminder=stretch", SOON)
        .await;
    nothing_listed(&shell).await;
    assert_eq!(outcomes(&daemon), ["done", "snoozed", "skipped"]);

    // One ActionInvoked per click is taken, from the server: GNOME sends each twice (a
    // broadcast from gnome-shell, a unicast from the notification service).
    assert_eq!(
        daemon.count("ignored a notification signal"),
        0,
        "{}",
        daemon.log()
    );

    // Answered from the CLI: withdrawn from the screen and the list.
    show_stretch(&shell, &mut daemon).await;
    cli(&daemon, &["done"]);
    nothing_listed(&shell).await;

    // Replaced: a new reminder takes the unanswered one's place; one is listed, not two.
    show_stretch(&shell, &mut daemon).await;
    show_stretch(&shell, &mut daemon).await;
    assert_eq!(shell.listed("stretchd").await.len(), 1);
    cli(&daemon, &["skip"]);
    nothing_listed(&shell).await;
    let history = outcomes(&daemon);
    assert_eq!(history[3..], ["done", "expired", "skipped"], "{history:?}");
}

#[tokio::test]
async fn gnome_idle_monitor_sees_real_input_and_a_natural_break() {
    if !Shell::present("gnome_idle_monitor_sees_real_input_and_a_natural_break") {
        return;
    }
    let shell = Shell::start().await;
    let pointer = shell.pointer().await;
    pointer.nudge(5.0, 5.0).await;
    let dir = tempfile::tempdir().unwrap();
    let mut daemon = daemon(
        &shell,
        dir.path(),
        &config("idle_source = \"mutter\"\nnatural_break = \"2s\""),
    );
    assert_eq!(daemon.count("idle source: mutter"), 1, "{}", daemon.log());
    // Input stops: Mutter fires the idle watch after the natural break.
    daemon
        .wait_for_log_async("away reason=Idle", SOON + Duration::from_secs(2))
        .await;
    let status = BIN.json_in(daemon.home(), &["status"], &[]);
    assert_eq!(status["idle_source"], "mutter", "{status}");
    // Injected input: back, and the break counted.
    pointer.nudge(-5.0, -5.0).await;
    daemon.wait_for_log_async("back reason=Idle", SOON).await;
    // And idle again once the input stops.
    daemon
        .wait_for_log_async("away reason=Idle", SOON + Duration::from_secs(2))
        .await;
}

/// Moves the pointer back and forth every 200 ms until `until` (the user at work); returns the
/// wall-clock time just before the last move.
async fn busy_until(
    pointer: &testkit::gnome::Pointer<'_>,
    until: std::time::Instant,
) -> DateTime<Utc> {
    let mut dx = 5.0;
    loop {
        let began = Utc::now();
        pointer.nudge(dx, 0.0).await;
        dx = -dx;
        if std::time::Instant::now() + Duration::from_millis(200) >= until {
            return began;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn gnome_a_reminder_due_mid_input_waits_for_mutters_idle_watch() {
    if !Shell::present("gnome_a_reminder_due_mid_input_waits_for_mutters_idle_watch") {
        return;
    }
    let lull = TimeDelta::seconds(2);
    let shell = Shell::start().await;
    let pointer = shell.pointer().await;
    let dir = tempfile::tempdir().unwrap();
    let config = all_day_config(
        "[presence]\nidle_source = \"mutter\"\nlull = \"2s\"\nlull_max = \"30s\"\n\n\
         [[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"4s\"\n",
    );
    let path = write_file(dir.path(), "config.toml", &config);
    let mut daemon = BIN
        .daemon(&shell.session.address, &path)
        .env("DBUS_SYSTEM_BUS_ADDRESS", &shell.system.address)
        .env("RUST_LOG", "stretchd=debug")
        .start();
    daemon.wait_for_log_async(RUNNING, SOON).await;
    // Input all along: the reminder falls due 4 s after the start and waits; the input goes on
    // for 3 s of the wait.
    let stop = std::time::Instant::now() + Duration::from_secs(7);
    let (last, ()) = tokio::join!(busy_until(&pointer, stop), async {
        daemon
            .wait_for_log_async("the reminder due waits for a pause in typing", SOON)
            .await;
    });
    assert_eq!(
        daemon.count(": reminder reminder="),
        0,
        "shown during the input: {}",
        daemon.log()
    );
    // Mutter's idle watch of the lull fires 2 s after the last input.
    let line = daemon
        .wait_for_log_async("a pause in typing: the reminder shows", SOON)
        .await;
    let shown: DateTime<Utc> = line
        .split_whitespace()
        .next()
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("no time at the start of {line:?}"));
    let after = shown - last;
    assert!(
        after + TimeDelta::milliseconds(20) >= lull && after <= lull + TimeDelta::seconds(2),
        "shown {after} after the last input, the lull is {lull}: {}",
        daemon.log()
    );
    shell.wait_for_banner("Stretch: ").await;
}

#[tokio::test]
async fn gnome_do_not_disturb_holds_reminders() {
    if !Shell::present("gnome_do_not_disturb_holds_reminders") {
        return;
    }
    let shell = Shell::start().await;
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "config.toml", &config("idle_source = \"none\""));
    // The daemon reads GNOME's settings where the shell and the dconf service keep them.
    let mut daemon = BIN
        .daemon(&shell.session.address, &path)
        .env("XDG_CONFIG_HOME", shell.home.join(".config"))
        .env("RUST_LOG", "info,stretchd::daemon::presence::dnd=debug")
        .start();
    daemon.wait_for_log_async(RUNNING, SOON).await;
    let gsettings = |value: &str| {
        let mut cmd = std::process::Command::new("gsettings");
        cmd.args([
            "set",
            "org.gnome.desktop.notifications",
            "show-banners",
            value,
        ])
        .envs(shell.env())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
        let out = testkit::run_bounded(cmd, SOON);
        assert!(out.status.success(), "gsettings set: {out:?}");
    };
    gsettings("false");
    daemon
        .wait_for_log_async("hold reason=DoNotDisturb on=true", SOON)
        .await;
    let status = BIN.json_in(daemon.home(), &["status"], &[]);
    assert!(!status["held"].is_null(), "{status}");
    gsettings("true");
    daemon
        .wait_for_log_async("hold reason=DoNotDisturb on=false", SOON)
        .await;
    // Off at start is heard too: a daemon started with banners off holds at once.
    gsettings("false");
    daemon
        .wait_for_log_async("hold reason=DoNotDisturb on=true", SOON)
        .await;
    drop(daemon);
    let mut again = BIN
        .daemon(&shell.session.address, &path)
        .env("XDG_CONFIG_HOME", shell.home.join(".config"))
        .start();
    again
        .wait_for_log_async("hold reason=DoNotDisturb on=true", SOON)
        .await;
}

#[tokio::test]
async fn gnome_answers_from_the_guide_and_from_the_appindicator_tray_withdraw_the_reminder() {
    if !Shell::present(
        "gnome_answers_from_the_guide_and_from_the_appindicator_tray_withdraw_the_reminder",
    ) {
        return;
    }
    let shell = Shell::start().await;
    // GNOME's tray host: the AppIndicator extension, which owns the StatusNotifierWatcher.
    shell.enable_extension(APPINDICATOR).await;
    shell.session.wait_for_owner(WATCHER, SOON, || true);
    let dir = tempfile::tempdir().unwrap();
    let mut daemon = daemon(&shell, dir.path(), &config("idle_source = \"none\""));
    daemon.wait_for_log_async("tray icon shown", SOON).await;
    // The extension took the icon into GNOME's top bar.
    shell
        .wait_for("stretchd's icon in the top bar", || async {
            shell
                .eval("Object.keys(Main.panel.statusArea).some(k => k.startsWith('appindicator-'))")
                .await
                == "true"
        })
        .await;

    // Done from the guide (run through a pipe, holds of 1 s): it answers the banner, which goes.
    show_stretch(&shell, &mut daemon).await;
    let out = BIN.run_in(
        daemon.home(),
        &["guide", "seated-twist", "--hold", "1", "--reps", "1"],
        &[],
        SOON + Duration::from_secs(5),
    );
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("it answers the reminder on screen"), "{said}");
    nothing_listed(&shell).await;
    assert_eq!(outcomes(&daemon), ["done"]);

    // Skip from the tray's menu, pressed as the extension does on a click.
    show_stretch(&shell, &mut daemon).await;
    tray::press(shell.conn(), &tray::item_name(daemon.pid()), "Skip").await;
    daemon
        .wait_for_log_async("daemon: skipped reminder=stretch", SOON)
        .await;
    nothing_listed(&shell).await;
    assert_eq!(outcomes(&daemon), ["done", "skipped"]);
}

#[tokio::test]
async fn gnome_a_reminder_on_screen_keeps_nothing_from_going_idle() {
    if !Shell::present("gnome_a_reminder_on_screen_keeps_nothing_from_going_idle") {
        return;
    }
    let shell = Shell::start().await;
    let pointer = shell.pointer().await;
    let dir = tempfile::tempdir().unwrap();
    let mut daemon = daemon(
        &shell,
        dir.path(),
        &config("idle_source = \"mutter\"\nnatural_break = \"3s\""),
    );
    // The user goes idle, comes back, and a stretch that waits for an answer comes and stays
    // on screen.
    daemon
        .wait_for_log_async("away reason=Idle", SOON + Duration::from_secs(3))
        .await;
    pointer.nudge(5.0, 5.0).await;
    daemon.wait_for_log_async("back reason=Idle", SOON).await;
    show_stretch(&shell, &mut daemon).await;
    // Mutter still counts the time without input as idle (what blanks the screen and locks it
    // in a session): its idle watch fires with the reminder up, and nobody holds it back.
    daemon
        .wait_for_log_async("away reason=Idle", SOON + Duration::from_secs(3))
        .await;
    let idle: u64 = shell
        .conn()
        .call_method(
            Some("org.gnome.Mutter.IdleMonitor"),
            "/org/gnome/Mutter/IdleMonitor/Core",
            Some("org.gnome.Mutter.IdleMonitor"),
            "GetIdletime",
            &(),
        )
        .await
        .unwrap()
        .body()
        .deserialize()
        .unwrap();
    assert!(idle >= 3000, "Mutter's idle time is {idle} ms");
    assert_eq!(shell.listed("stretchd").await.len(), 1, "the reminder went");
    // No inhibitor of logind's (idle, sleep, the lid) was taken.
    let system = zbus::connection::Builder::address(shell.system.address.as_str())
        .build()
        .await
        .unwrap();
    let reply = system
        .call_method(
            Some("org.freedesktop.login1"),
            "/org/freedesktop/login1",
            Some("org.freedesktop.login1.Manager"),
            "ListInhibitors",
            &(),
        )
        .await
        .unwrap();
    let inhibitors: Vec<(String, String, String, String, u32, u32)> =
        reply.body().deserialize().unwrap();
    assert!(inhibitors.is_empty(), "{inhibitors:?}");
}

/// The bodies GNOME Shell shows for every built-in stretch (with the longer first-time cue, the
/// safety notice not yet seen) and a posture check: the expanded banner shows each whole, within
/// its line cap. Prints the layout, the figures behind `BODY_BUDGET` in `src/daemon/notify.rs`.
#[tokio::test]
async fn gnome_shows_every_reminder_body_whole() {
    if !Shell::present("gnome_shows_every_reminder_body_whole") {
        return;
    }
    let shell = Shell::start().await;
    let dir = tempfile::tempdir().unwrap();
    let listed = BIN.json_in(dir.path(), &["stretches"], &[]);
    let stretches: Vec<(String, String)> = listed["stretches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_owned(),
                s["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut reminders = String::new();
    for (id, _) in &stretches {
        let _ = write!(
            reminders,
            "[[reminder]]\nid = \"{id}\"\nkind = \"stretch\"\nevery = \"1h\"\nstretch = \"{id}\"\n\n"
        );
    }
    reminders.push_str("[[reminder]]\nid = \"posture\"\nkind = \"posture\"\nevery = \"1h\"\n");
    let path = write_file(
        dir.path(),
        "config.toml",
        &all_day_config(&format!(
            "[presence]\nidle_source = \"none\"\n\n{reminders}"
        )),
    );
    let mut daemon = BIN
        .daemon(&shell.session.address, &path)
        .env("DBUS_SYSTEM_BUS_ADDRESS", &shell.system.address)
        .start();
    daemon.wait_for_log_async(RUNNING, SOON).await;
    let pointer = shell.pointer().await;
    let mut shown = stretches
        .iter()
        .map(|(id, name)| (id.clone(), format!("Stretch: {name}")))
        .collect::<Vec<_>>();
    shown.push(("posture".to_owned(), "Posture check: ".to_owned()));
    for (id, title) in &shown {
        cli(&daemon, &["now", id]);
        pointer.hover_banner(title).await;
        let layout = std::cell::RefCell::new(None);
        shell
            .wait_for("the banner expanded", || async {
                let now = shell.body_layout().await;
                let expanded = now.is_some();
                *layout.borrow_mut() = now;
                expanded
            })
            .await;
        let layout = layout.into_inner().unwrap();
        eprintln!("GNOME Shell's banner for {id}: {layout:?}");
        assert!(layout.title.starts_with(title.as_str()), "{layout:?}");
        assert!(
            layout.lines > 0 && layout.lines <= layout.cap,
            "the body of {id} is cut: {layout:?}"
        );
        cli(&daemon, &["skip"]);
        nothing_listed(&shell).await;
        // Off the banner, so that the next one comes in collapsed.
        pointer.move_to(10.0, 400.0).await;
    }
}

/// Takes `docs/screenshot-gnome.png` again: a stretch reminder as GNOME Shell shows it, expanded
/// by the pointer on it (so its buttons show). Ignored: run it with `cargo test --test it --
/// --ignored gnome_screenshot`.
#[tokio::test]
#[ignore = "writes docs/screenshot-gnome.png; run by hand"]
async fn gnome_screenshot() {
    assert!(Shell::present("gnome_screenshot"), "GNOME Shell is needed");
    let shell = Shell::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut daemon = daemon(&shell, dir.path(), &config("idle_source = \"none\""));
    show_stretch(&shell, &mut daemon).await;
    let pointer = shell.pointer().await;
    pointer.hover_banner(TWIST).await;
    // Expanded once the buttons are there and stay put.
    let mut last = None;
    let banner = loop {
        let banner = shell.wait_for_banner(TWIST).await;
        let size = (banner.w, banner.h, banner.buttons.len());
        if size.2 == 3 && last == Some(size) {
            break banner;
        }
        last = Some(size);
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    // Out of the way of the picture: onto the banner's right edge.
    pointer
        .move_to(banner.x + banner.w - 4.0, banner.y + 4.0)
        .await;
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshot-gnome.png");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let margin = 12.0;
    #[expect(
        clippy::cast_possible_truncation,
        reason = "pixels on a 1280x800 screen"
    )]
    let area = (
        (banner.x - margin) as i32,
        (banner.y - margin).max(0.0) as i32,
        (banner.w + 2.0 * margin) as i32,
        (banner.h + 2.0 * margin) as i32,
    );
    shell.screenshot(area, &out).await;
    eprintln!("wrote {}", out.display());
}
