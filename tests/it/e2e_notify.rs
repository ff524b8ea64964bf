//! End to end: the real `stretchd` binary on a private session bus, with the test notification
//! server of `testkit::notifications`, which records every `Notify` call and can press the
//! buttons.
//!
//! Each test has its own bus, home directory and server, so they run in parallel.

use std::os::unix::net::UnixDatagram;
use std::time::{Duration, Instant};

use testkit::notifications::{DEFAULT_CAPABILITIES, Server};
use testkit::{Bus, Daemon, SOON, all_day_config, write_file};

use crate::BIN;

const TWIST_TITLE: &str = "Stretch: Seated twist, 15 s each side";
/// The tracing line the daemon writes for every firing.
const FIRED: &str = "daemon: reminder reminder=";
/// Bound for a `"2s"` reminder to arrive: generous, for a loaded CI machine.
const DUE: Duration = Duration::from_secs(10);

/// A config with one stretch reminder every 2 s pinned to the seated twist.
fn twist_config(snooze: &str) -> String {
    all_day_config(&format!(
        "{snooze}\n\
         [[reminder]]\n\
         id = \"stretch\"\n\
         kind = \"stretch\"\n\
         every = \"2s\"\n\
         stretch = \"seated-twist\"\n"
    ))
}

/// `["done", "Done", "snooze", "Snooze", ...]` as pairs.
fn action_pairs(actions: &[String]) -> Vec<(&str, &str)> {
    assert!(
        actions.len().is_multiple_of(2),
        "odd action list: {actions:?}"
    );
    actions
        .chunks(2)
        .map(|p| (p[0].as_str(), p[1].as_str()))
        .collect()
}

/// Starts a bus, a server advertising `caps`, and the daemon on `config`.
async fn setup(caps: &[&str], config: &str) -> (Bus, Server, Daemon, tempfile::TempDir) {
    let bus = Bus::start();
    let server = Server::with_capabilities(&bus.address, caps);
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "config.toml", config);
    let mut daemon = BIN.daemon(&bus.address, &path).start();
    daemon.wait_for_log_async("stretchd is running", SOON).await;
    (bus, server, daemon, dir)
}

#[tokio::test]
async fn a_due_stretch_arrives_with_its_cue_buttons_and_a_pointer_to_the_safety_notice() {
    let (_bus, server, daemon, _dir) = setup(
        DEFAULT_CAPABILITIES,
        &twist_config("[snooze]\nlength = \"3s\"\n"),
    )
    .await;

    let call = server.next_async(DUE, &daemon).await;
    assert_eq!(call.app_name, "stretchd");
    assert_eq!(call.summary, TWIST_TITLE);
    assert_eq!(call.replaces_id, 0);
    assert!(!call.icon.is_empty(), "no icon");
    assert_eq!(
        call.body,
        format!(
            "Turning the upper body while seated brings rotation back into the mid back.\n{}",
            stretchd::daemon::notify::stretch_cue(
                &stretchd::i18n::Messages::english(),
                stretchd::config::OnClick::Card,
                true
            )
        )
    );
    // It stays until answered.
    assert_eq!(call.expire_timeout, 0);
    assert!(
        call.hints
            .get("resident")
            .is_some_and(|v| v.contains("true")),
        "{:?}",
        call.hints
    );
    assert!(!call.hints.contains_key("transient"), "{:?}", call.hints);
    assert_eq!(
        action_pairs(&call.actions),
        [
            ("default", ""),
            ("done", "Done"),
            ("snooze", "Snooze"),
            ("skip", "Skip")
        ]
    );
    assert_eq!(
        call.hints.get("desktop-entry").map(String::as_str),
        Some("stretchd")
    );
    assert!(
        call.hints.contains_key("desktop-entry"),
        "{:?}",
        call.hints.keys()
    );
    // The picture: written to the data dir at start and sent as a file:// URI.
    let uri = call.hints.get("image-path").expect("no image-path hint");
    let path = std::path::PathBuf::from(uri_path(uri));
    assert!(path.ends_with("seated-twist.svg"), "{uri}");
    assert!(
        path.starts_with(daemon.home().join("data/stretchd/images")),
        "{uri}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{uri}: {e}")),
        stretchd::store::assets::svg("seated-twist").unwrap()
    );
}

/// The path of a `file://` URI, percent-escapes decoded.
fn uri_path(uri: &str) -> String {
    let rest = uri
        .strip_prefix("file://")
        .unwrap_or_else(|| panic!("not a file:// URI: {uri}"));
    let mut bytes = Vec::new();
    let mut it = rest.bytes();
    while let Some(b) = it.next() {
        if b == b'%' {
            let hex: String = it.by_ref().take(2).map(char::from).collect();
            bytes.push(u8::from_str_radix(&hex, 16).unwrap_or_else(|_| panic!("{uri}")));
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8(bytes).unwrap()
}

#[tokio::test]
async fn without_a_writable_data_dir_stretches_come_without_a_picture() {
    let bus = Bus::start();
    let server = Server::start(&bus.address);
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &twist_config(""));
    // XDG_DATA_HOME is a file: no directory can be made in it.
    let not_a_dir = write_file(dir.path(), "data", "");
    let mut daemon = BIN
        .daemon(&bus.address, &config)
        .env("XDG_DATA_HOME", &not_a_dir)
        .start();
    let warning = daemon
        .wait_for_log_async("cannot write the stretch pictures", SOON)
        .await;
    assert!(warning.contains("stretchd/images"), "{warning}");
    daemon.wait_for_log_async("stretchd is running", SOON).await;

    let call = server.next_async(DUE, &daemon).await;
    assert_eq!(call.summary, TWIST_TITLE);
    assert_eq!(
        call.hints.get("image-path"),
        None,
        "{:?}",
        call.hints.keys()
    );
}

#[tokio::test]
async fn snooze_brings_the_same_reminder_back_after_the_snooze_length() {
    let snooze = Duration::from_secs(3);
    let (_bus, server, mut daemon, _dir) = setup(
        DEFAULT_CAPABILITIES,
        &twist_config("[snooze]\nlength = \"3s\"\nmax = 1\n"),
    )
    .await;

    let first = server.next_async(DUE, &daemon).await;
    let pressed = Instant::now();
    server.press(first.id, "snooze");
    let line = daemon.wait_for_log_async("snoozed", SOON).await;
    assert!(
        line.contains("stretch"),
        "the log does not name the reminder: {line}"
    );

    // Its own 2 s schedule would bring it back before the 3 s snooze ends: it must not.
    let again = server
        .next_async(snooze + Duration::from_secs(10), &daemon)
        .await;
    let after = again.at - pressed;
    assert!(
        after >= snooze,
        "the snoozed reminder came back after {after:?}, before the snooze length {snooze:?}"
    );
    assert_eq!(again.summary, first.summary);
    // A snooze is not reading the card: the pointer to the safety notice comes again.
    assert!(
        again.body.contains("safety notice"),
        "the pointer to the unread safety notice is gone: {}",
        again.body
    );
    // `max = 1`: the snooze used up the limit, so the button is gone.
    assert_eq!(
        action_pairs(&again.actions),
        [("default", ""), ("done", "Done"), ("skip", "Skip")]
    );
    // A snooze pressed anyway (a stale button) counts as skipped.
    server.press(again.id, "snooze");
    daemon.wait_for_log_async("counted as skipped", SOON).await;
}

#[tokio::test]
async fn done_skip_and_dismissal_are_heard() {
    let (_bus, server, mut daemon, _dir) = setup(DEFAULT_CAPABILITIES, &twist_config("")).await;

    let first = server.next_async(DUE, &daemon).await;
    // An answer to a notification that is not on screen is ignored...
    server.press(first.id + 1000, "done");
    server.press(first.id, "done");
    let line = daemon.wait_for_log_async(": done", SOON).await;
    assert!(line.contains("reminder=stretch"), "{line}");
    assert!(line.contains("item=seated-twist"), "{line}");
    // ...so exactly one "done": the signals are handled in order.
    assert_eq!(daemon.count(": done"), 1, "{}", daemon.log());

    // An answered reminder is not replaced: the next one is a new notification.
    let second = server.next_async(DUE, &daemon).await;
    assert_eq!(second.replaces_id, 0);
    assert_eq!(second.summary, TWIST_TITLE);
    server.press(second.id, "skip");
    let line = daemon.wait_for_log_async(": skipped", SOON).await;
    assert!(line.contains("reminder=stretch"), "{line}");

    // Closing it without an answer (reason 2: dismissed by the user) is heard too.
    let third = server.next_async(DUE, &daemon).await;
    assert_eq!(third.replaces_id, 0);
    server.close(third.id, 2);
    let line = daemon.wait_for_log_async(": dismissed", SOON).await;
    assert!(line.contains("reminder=stretch"), "{line}");
}

#[tokio::test]
async fn a_new_reminder_replaces_an_unanswered_one() {
    let (_bus, server, mut daemon, _dir) = setup(DEFAULT_CAPABILITIES, &twist_config("")).await;

    let first = server.next_async(DUE, &daemon).await;
    assert_eq!(first.replaces_id, 0);
    let second = server.next_async(DUE, &daemon).await;
    assert_eq!(
        second.replaces_id, first.id,
        "the second reminder stacks instead of replacing the first"
    );
    daemon
        .wait_for_log_async("unanswered reminder replaced", SOON)
        .await;
    // The first was not answered, so the safety notice comes again.
    assert!(
        second.body.contains("safety notice"),
        "the safety notice is not shown again:\n{}",
        second.body
    );
}

#[tokio::test]
async fn markup_servers_get_an_escaped_body() {
    let config = all_day_config(
        "[[stretch]]\n\
         id = \"markup\"\n\
         name = \"Markup test\"\n\
         summary = \"Press <b>& hold.\"\n\
         steps = [\"Press <b>& hold.\", \"Let go.\"]\n\
         hold = \"20s\"\n\
         position = \"chair\"\n\
         \n\
         [[reminder]]\n\
         id = \"stretch\"\n\
         kind = \"stretch\"\n\
         every = \"2s\"\n\
         stretch = \"markup\"\n",
    );
    let (_bus, server, daemon, _dir) = setup(&["actions", "body", "body-markup"], &config).await;

    let call = server.next_async(DUE, &daemon).await;
    assert!(call.summary.contains("Markup test"), "{}", call.summary);
    assert!(
        call.body.starts_with("Press &lt;b&gt;&amp; hold.\n"),
        "the step is not escaped:\n{}",
        call.body
    );
    assert!(!call.body.contains("<b>"), "{}", call.body);
}

#[tokio::test]
async fn without_a_server_the_daemon_warns_once_and_keeps_trying() {
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "config.toml", &twist_config(""));
    let mut daemon = BIN.daemon(&bus.address, &path).start();
    daemon.wait_for_log_async("stretchd is running", SOON).await;
    let warnings_at_start = daemon.count(" WARN ");

    daemon.wait_for_log_async(FIRED, DUE).await;
    daemon
        .wait_for_log_async("cannot show the reminder", SOON)
        .await;
    daemon.wait_for_log_async(FIRED, DUE).await;
    // The third firing is logged once the second attempt is over.
    daemon.wait_for_log_async(FIRED, DUE).await;
    assert_eq!(
        daemon.count("cannot show the reminder"),
        1,
        "{}",
        daemon.log()
    );
    assert_eq!(
        daemon.count(" WARN ") - warnings_at_start,
        1,
        "{}",
        daemon.log()
    );
    assert!(daemon.is_running(), "the daemon exited:\n{}", daemon.log());

    // A server shows up: the next reminder reaches it.
    let server = Server::start(&bus.address);
    let call = server.next_async(DUE, &daemon).await;
    assert_eq!(call.summary, TWIST_TITLE);
    daemon
        .wait_for_log_async("notification server is back", SOON)
        .await;
}

/// A stand-in for `[notify] terminal`: a script that writes its arguments, one a line, to
/// `out` (through a rename, so a reader never sees half of them).
fn recording_terminal(dir: &std::path::Path, out: &std::path::Path) -> std::path::PathBuf {
    testkit::shell_script(
        dir,
        "terminal.sh",
        &format!(
            "printf '%s\\n' \"$@\" > '{0}.tmp' && mv '{0}.tmp' '{0}'",
            out.display()
        ),
    )
}

#[tokio::test]
async fn clicking_a_stretch_opens_the_guide_in_the_configured_terminal() {
    let scratch = tempfile::tempdir().unwrap();
    let args_file = scratch.path().join("args");
    let terminal = recording_terminal(scratch.path(), &args_file);
    let notify = format!(
        "[notify]\non_click = \"guide\"\nterminal = \"{}\"\n",
        terminal.display()
    );
    let (_bus, server, mut daemon, dir) = setup(DEFAULT_CAPABILITIES, &twist_config(&notify)).await;

    let call = server.next_async(DUE, &daemon).await;
    server.press(call.id, "default");
    let line = daemon.wait_for_log_async("opened the guide", SOON).await;
    assert!(line.contains("item=seated-twist"), "{line}");
    let deadline = Instant::now() + SOON;
    let args = loop {
        if let Ok(text) = std::fs::read_to_string(&args_file) {
            break text;
        }
        assert!(
            Instant::now() < deadline,
            "the terminal was not run within {SOON:?}; log:\n{}",
            daemon.log()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let args: Vec<&str> = args.lines().collect();
    let exe = std::fs::canonicalize(BIN).unwrap();
    let config = dir.path().join("config.toml");
    assert_eq!(
        args,
        [
            exe.to_str().unwrap(),
            "guide",
            "--config",
            config.to_str().unwrap(),
            "--",
            "seated-twist"
        ]
    );
    // A click answers nothing, nor does the server closing the notification after it (dunst's
    // `do_action, close_current`): the user is stretching. The reminder still takes Done.
    server.close(call.id, 2);
    daemon
        .wait_for_log_async("the clicked reminder left the screen", SOON)
        .await;
    assert_eq!(daemon.count(": dismissed"), 0, "{}", daemon.log());
    BIN.ok_in(daemon.home(), &["done"], &[]);
    daemon.wait_for_log_async(": done", SOON).await;
    let history = std::fs::read_to_string(testkit::history_path(daemon.home())).unwrap();
    assert_eq!(history.lines().count(), 1, "{history}");
}

/// Waits until `path` exists (a recording script wrote it), within [`SOON`].
async fn wait_for_file(path: &std::path::Path, daemon: &Daemon) -> String {
    let deadline = Instant::now() + SOON;
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{} was not written within {SOON:?}; log:\n{}",
            path.display(),
            daemon.log()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn clicking_a_stretch_by_default_opens_its_card_with_xdg_open() {
    // A stand-in `xdg-open` first on PATH records what the card command opens.
    let scratch = tempfile::tempdir().unwrap();
    let args_file = scratch.path().join("args");
    let opener = recording_terminal(scratch.path(), &args_file);
    std::fs::rename(&opener, scratch.path().join("xdg-open")).unwrap();
    let path = format!(
        "{}:{}",
        scratch.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let bus = Bus::start();
    let server = Server::with_capabilities(&bus.address, DEFAULT_CAPABILITIES);
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(dir.path(), "config.toml", &twist_config(""));
    let mut daemon = BIN.daemon(&bus.address, &config).env("PATH", path).start();
    daemon.wait_for_log_async("stretchd is running", SOON).await;

    let call = server.next_async(DUE, &daemon).await;
    server.press(call.id, "default");
    let line = daemon.wait_for_log_async("opened the card", SOON).await;
    assert!(line.contains("item=seated-twist"), "{line}");
    let xdg_open_args = wait_for_file(&args_file, &daemon).await;
    let card = daemon.home().join("data/stretchd/cards/seated-twist.html");
    assert_eq!(xdg_open_args.trim_end(), card.to_str().unwrap());
    let html = std::fs::read_to_string(&card).unwrap();
    assert!(html.contains("<h1>Seated twist</h1>"), "{html}");
    assert_eq!(daemon.count("opened the guide"), 0, "{}", daemon.log());
    // A click answers nothing: the reminder still takes Skip.
    server.press(call.id, "skip");
    daemon.wait_for_log_async(": skipped", SOON).await;
}

#[tokio::test]
async fn clicking_a_reminder_with_on_click_seen_only_marks_it_seen() {
    let config = twist_config("[notify]\non_click = \"seen\"\n");
    let (_bus, server, mut daemon, _dir) = setup(DEFAULT_CAPABILITIES, &config).await;
    let call = server.next_async(DUE, &daemon).await;
    server.press(call.id, "default");
    let line = daemon
        .wait_for_log_async("seen (notification clicked)", SOON)
        .await;
    assert!(line.contains("item=seated-twist"), "{line}");
    assert_eq!(daemon.count("opened the"), 0, "{}", daemon.log());
    server.press(call.id, "skip");
    daemon.wait_for_log_async(": skipped", SOON).await;
}

/// A config with nothing due for an hour.
fn quiet_config() -> String {
    all_day_config("[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"1h\"\n")
}

#[test]
fn sigterm_stops_the_daemon_cleanly() {
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "config.toml", &quiet_config());
    let mut daemon = BIN.daemon(&bus.address, &path).start();
    daemon.wait_for_log("stretchd is running", SOON);

    let sent = Instant::now();
    daemon.signal("TERM");
    let status = daemon.wait_exit(Duration::from_secs(5));
    assert!(status.success(), "{status}; log:\n{}", daemon.log());
    assert!(
        sent.elapsed() < Duration::from_secs(2),
        "took {:?} to stop",
        sent.elapsed()
    );
    assert_eq!(daemon.count(": stopped"), 1, "{}", daemon.log());
}

#[tokio::test]
async fn sighup_reloads_a_valid_config_and_keeps_the_old_one_otherwise() {
    let (_bus, server, mut daemon, dir) = setup(DEFAULT_CAPABILITIES, &quiet_config()).await;

    let path = write_file(
        dir.path(),
        "config.toml",
        &all_day_config("[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"often\"\n"),
    );
    daemon.signal("HUP");
    let line = daemon.wait_for_log_async("config not reloaded", SOON).await;
    assert!(
        line.contains(&format!("{}:8:", path.display())),
        "the error does not point at the bad line: {line}"
    );
    assert!(daemon.is_running(), "{}", daemon.log());

    write_file(
        dir.path(),
        "config.toml",
        &all_day_config(
            "[[reminder]]\nid = \"sit\"\nkind = \"posture\"\nevery = \"2s\"\nposture = \"sit-tall\"\n",
        ),
    );
    daemon.signal("HUP");
    daemon.wait_for_log_async("config reloaded", SOON).await;
    // The new config runs: its 2 s posture check arrives (after whatever the daemon showed
    // about the bad file).
    let deadline = Instant::now() + DUE;
    loop {
        let call = server
            .next_async(deadline.saturating_duration_since(Instant::now()), &daemon)
            .await;
        if call.summary == "Posture check: Sit tall" {
            // A posture check goes by itself, and is not kept in the server's history.
            assert_eq!(call.expire_timeout, -1);
            assert!(
                call.hints
                    .get("transient")
                    .is_some_and(|v| v.contains("true")),
                "{:?}",
                call.hints
            );
            assert!(!call.hints.contains_key("resident"), "{:?}", call.hints);
            break;
        }
        assert!(
            !call.summary.starts_with("Stretch: "),
            "the old config still runs: {call:?}"
        );
    }
    assert!(daemon.is_running(), "{}", daemon.log());
}

#[test]
fn check_reports_a_bad_config_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        dir.path(),
        "config.toml",
        "[schedule]\nwork_days = [\"mon\"]\n\n[[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"fifty minutes\"\n",
    );
    let out = BIN.run(&["check", "--config", path.to_str().unwrap()], &[], SOON);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a bad config passed: {stderr}");
    assert!(
        stderr.contains(&format!("{}:7:9:", path.display())),
        "no path:line:col: in {stderr}"
    );
    assert!(stderr.contains("fifty minutes"), "{stderr}");
}

#[test]
fn check_lists_the_next_reminders_of_the_default_config() {
    // No config file in the (empty) home: the built-in default runs.
    let out = BIN.run(
        &[
            "check",
            "--from",
            "2026-11-23T08:00:00+01:00",
            "--count",
            "3",
        ],
        &[("TZ", "Europe/Berlin")],
        SOON,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("built-in default"), "{stdout}");
    let reminders: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(str::trim)
        .collect();
    assert_eq!(reminders.len(), 3, "{stdout}");
    assert!(
        reminders.iter().all(|l| l.starts_with("Mon 2026-11-23 ")),
        "{stdout}"
    );
    // Work starts at 09:00: posture every 40 min, a desk stretch every 90 min.
    let when_what: Vec<Vec<&str>> = reminders
        .iter()
        .map(|l| l.split_whitespace().skip(2).take(2).collect())
        .collect();
    assert_eq!(
        when_what,
        [
            ["09:40:00", "posture"],
            ["10:20:00", "posture"],
            ["10:30:00", "stretch"]
        ],
        "{stdout}"
    );
}

#[test]
fn notify_socket_gets_ready_and_stopping() {
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let socket_path = dir.path().join("notify.sock");
    let socket = UnixDatagram::bind(&socket_path).unwrap();
    socket.set_read_timeout(Some(SOON)).unwrap();
    let path = write_file(dir.path(), "config.toml", &quiet_config());
    let mut daemon = BIN
        .daemon(&bus.address, &path)
        .env("NOTIFY_SOCKET", &socket_path)
        .start();

    let recv = |what: &str| {
        let mut buf = [0; 4096];
        let n = socket
            .recv(&mut buf)
            .unwrap_or_else(|e| panic!("no {what} on NOTIFY_SOCKET: {e}"));
        String::from_utf8_lossy(&buf[..n]).into_owned()
    };
    let ready = recv("READY=1");
    assert!(ready.lines().any(|l| l == "READY=1"), "{ready:?}");
    daemon.wait_for_log("stretchd is running", SOON);

    daemon.signal("TERM");
    let stopping = recv("STOPPING=1");
    assert!(stopping.lines().any(|l| l == "STOPPING=1"), "{stopping:?}");
    assert!(daemon.wait_exit(SOON).success(), "{}", daemon.log());
}
