//! `stretchd guide`: the routine printed with `--no-wait`, a timed run through a pseudo-terminal
//! (util-linux `script`) and through a pipe, Ctrl-C in both, recording through a running daemon
//! or straight into the history, the suggested stretch with and without a daemon, and unknown
//! ids.
//!
//! Each test has its own home directory (HOME and the XDG directories), so they run in
//! parallel. Holds are shortened with `--hold 1` (and `--reps`); every wait is bounded.

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;
use stretchd::catalog::{Catalog, Stretch, safety_notice};
use stretchd::i18n::Messages;

use testkit::{Bus, all_day_config, state_dir, state_path, text, write_file};

use crate::BIN;

/// Bound for a command that should finish at once, or after a few one-second holds.
const SOON: Duration = Duration::from_secs(20);
const ESC: u8 = 0x1b;

fn stretch(id: &str) -> Stretch {
    Catalog::default().stretch(id).unwrap().clone()
}

/// The built-in stretch `id` as a fresh state shows it: at the low end of its holds.
fn fresh(id: &str) -> Stretch {
    stretchd::schedule::level::leveled(&stretch(id), None)
}

/// The history log's entries, as JSON.
fn history(home: &Path) -> Vec<Value> {
    let path = state_dir(home).join("history.jsonl");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// Asserts that the history holds exactly one entry: `item` done through the guide.
fn assert_one_guided_done(home: &Path, item: &str) {
    let entries = history(home);
    assert_eq!(entries.len(), 1, "{entries:?}");
    let e = &entries[0];
    assert_eq!(e["item"], item, "{e}");
    assert_eq!(e["outcome"], "done", "{e}");
    assert_eq!(e["kind"], "stretch", "{e}");
    assert_eq!(e["reminder"], "guide", "{e}");
}

/// The daemon's saved state, as JSON.
fn saved_state(home: &Path) -> Value {
    let text = std::fs::read_to_string(state_path(home)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Asserts that every step of `s` appears in `out`, in order, numbered.
fn assert_steps_in_order(out: &str, s: &Stretch) {
    let mut from = 0;
    for (n, step) in (1..).zip(&s.steps) {
        let line = format!("{n:>2}. {step}");
        let at = out[from..]
            .find(&line)
            .unwrap_or_else(|| panic!("step {n} ({line:?}) missing or out of order in:\n{out}"));
        from += at + line.len();
    }
}

/// Runs `stretchd guide ARGS` in `home` through a pipe; returns (status, stdout, stderr).
fn guide(home: &Path, args: &[&str]) -> (ExitStatus, String, String) {
    let mut all = vec!["guide"];
    all.extend_from_slice(args);
    let out = BIN.run_in(home, &all, &[], SOON);
    (out.status, text(&out.stdout), text(&out.stderr))
}

/// A child whose output is collected on a thread and can be waited on.
struct Running {
    child: Child,
    chunks: mpsc::Receiver<Vec<u8>>,
    output: Vec<u8>,
}

impl Running {
    fn start(mut cmd: Command) -> Running {
        let mut child = cmd.stdout(Stdio::piped()).spawn().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let (tx, chunks) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Running {
            child,
            chunks,
            output: Vec::new(),
        }
    }

    /// Waits until the output so far contains `needle`; panics after `timeout`.
    fn wait_for(&mut self, needle: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !text(&self.output).contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.output.extend(chunk),
                Err(e) => panic!(
                    "no {needle:?} within {timeout:?} ({e}); output so far:\n{}",
                    text(&self.output)
                ),
            }
        }
    }

    /// Waits for the child to exit and its output to end; kills it and panics after `timeout`.
    fn finish(mut self, timeout: Duration) -> (ExitStatus, String) {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.chunks.recv_timeout(left) {
                Ok(chunk) => self.output.extend(chunk),
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!(
                        "did not finish within {timeout:?}; output:\n{}",
                        text(&self.output)
                    );
                }
            }
        }
        // The output has ended, so the child has exited or is about to.
        let status = self.child.wait().unwrap();
        (status, text(&self.output))
    }
}

/// `stretchd guide ARGS` on a pseudo-terminal: util-linux `script` runs it, with the
/// environment of `home` and a terminal type that draws.
fn in_pty(home: &Path, args: &str) -> Command {
    let isolated = BIN.command(home);
    let mut cmd = Command::new("script");
    for (key, value) in isolated.get_envs() {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        };
    }
    cmd.env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("TERM", "xterm")
        .arg("-qfec")
        .arg(format!("'{BIN}' guide {args}"))
        .arg("/dev/null")
        .stdin(Stdio::null())
        .stderr(Stdio::inherit());
    cmd
}

/// Sends SIGINT with kill(1): the crate forbids unsafe code.
fn interrupt(pid: u32) {
    let status = Command::new("kill")
        .arg("-INT")
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(status.success(), "kill -INT {pid} failed");
}

#[test]
fn no_wait_prints_the_whole_routine_and_records_nothing() {
    let home = tempfile::tempdir().unwrap();
    let twist = fresh("seated-twist");
    let (status, out, err) = guide(home.path(), &["seated-twist", "--no-wait"]);
    assert!(status.success(), "{out}{err}");
    assert!(!out.as_bytes().contains(&ESC), "control codes in:\n{out:?}");
    assert!(
        out.starts_with(&format!(
            "{}\n{}\n",
            Messages::english().stretch_title(&twist),
            twist.summary
        )),
        "{out}"
    );
    assert!(
        out.contains(safety_notice()),
        "no safety notice the first time:\n{out}"
    );
    assert_steps_in_order(&out, &twist);
    // One hold on each side at the level (the low end at first), the switch between them,
    // with the step that switches.
    let first = out.find("Hold 15 s (first side)").expect(&out);
    let other = out.find("Now the other side.").expect(&out);
    let last_step = out.find(" 6. Switch to the other side").expect(&out);
    let second = out.find("Hold 15 s (other side)").expect(&out);
    assert!(
        first < other && other < last_step && last_step < second,
        "{out}"
    );
    assert_eq!(out.matches("Hold 15 s (").count(), 2, "{out}");
    assert!(!out.contains("... done"), "{out}");
    assert!(
        out.trim_end()
            .ends_with("Not recorded: run without --no-wait to time and record it."),
        "{out}"
    );
    assert!(
        !state_dir(home.path()).exists(),
        "--no-wait wrote to the state directory"
    );
}

#[test]
fn a_run_on_a_terminal_counts_down_each_hold_and_records_done() {
    let home = tempfile::tempdir().unwrap();
    let ext = stretch("thoracic-extension");
    let started = Instant::now();
    let (status, out) =
        Running::start(in_pty(home.path(), "thoracic-extension --hold 1")).finish(SOON);
    assert!(status.success(), "{status}:\n{out}");
    assert!(
        started.elapsed() >= Duration::from_secs(3),
        "three holds of 1 s took {:?}",
        started.elapsed()
    );
    assert_steps_in_order(&out, &ext);
    // A live bar (drawn and redrawn in place) with the seconds left...
    assert!(out.contains("\x1b[2K"), "no bar drawn in place:\n{out:?}");
    assert!(out.contains("] 1 s left"), "no countdown:\n{out:?}");
    // ...that each hold replaces with a plain line.
    for rep in 1..=3 {
        assert!(
            out.contains(&format!("    Hold 1 s ({rep} of 3) ... done")),
            "hold {rep} missing:\n{out:?}"
        );
    }
    let last_hold = out.rfind("... done").unwrap();
    let done = out.rfind("\nDone.").expect(&out);
    assert!(done > last_hold, "{out:?}");
    assert!(
        out[done..].contains("Recorded \"thoracic-extension\" as done"),
        "{out:?}"
    );
    assert_one_guided_done(home.path(), "thoracic-extension");
}

#[test]
fn a_run_through_a_pipe_has_no_control_codes_and_shows_the_safety_notice_once() {
    let home = tempfile::tempdir().unwrap();
    let (status, out, err) = guide(
        home.path(),
        &["thoracic-extension", "--hold", "1", "--reps", "2"],
    );
    assert!(status.success(), "{out}{err}");
    assert!(!out.as_bytes().contains(&ESC), "control codes in:\n{out:?}");
    assert!(out.contains("    Hold 1 s (1 of 2) ... done\n"), "{out}");
    assert!(
        out.contains("    Hold 1 s (2 of 2) ... done\n\nDone.\n"),
        "{out}"
    );
    assert!(out.contains(safety_notice()), "{out}");
    assert!(out.contains("(no daemon is running)"), "{out}");
    assert_one_guided_done(home.path(), "thoracic-extension");
    // Seen, as the daemon's state says, where a daemon started later finds it.
    assert_eq!(saved_state(home.path())["safety_shown"], true);
    assert!(!state_dir(home.path()).join("guide-safety-shown").exists());

    // The notice was seen: not again.
    let (status, out, err) = guide(home.path(), &["cat-camel", "--hold", "1", "--reps", "1"]);
    assert!(status.success(), "{out}{err}");
    assert!(
        !out.contains(safety_notice()),
        "the safety notice again:\n{out}"
    );
    assert_eq!(history(home.path()).len(), 2);
}

#[test]
fn without_a_daemon_the_seen_safety_notice_joins_the_saved_state_and_keeps_the_rest() {
    let home = tempfile::tempdir().unwrap();
    let dir = state_dir(home.path());
    std::fs::create_dir_all(&dir).unwrap();
    let saved = r#"{"started":"2024-01-08T08:00:00Z","last_fired":{"stretch":"2024-01-08T09:00:00Z"},
        "rotation":{"shown":{"seated-twist":"2024-01-08T09:00:00Z"},"last_stretch":"seated-twist",
        "last_posture":null},"pause":{"until":null}}"#;
    write_file(&dir, "state.json", saved);
    let (status, out, err) = guide(home.path(), &["cat-camel", "--hold", "1", "--reps", "1"]);
    assert!(status.success(), "{out}{err}");
    assert!(out.contains(safety_notice()), "{out}");
    let state = saved_state(home.path());
    assert_eq!(state["safety_shown"], true, "{state}");
    let before: Value = serde_json::from_str(saved).unwrap();
    for field in ["started", "last_fired", "rotation", "pause"] {
        assert_eq!(state[field], before[field], "{field}: {state}");
    }
    let (status, out, err) = guide(home.path(), &["cat-camel", "--no-wait"]);
    assert!(status.success(), "{out}{err}");
    assert!(
        !out.contains(safety_notice()),
        "the safety notice again:\n{out}"
    );
}

#[test]
fn a_flow_is_paced_round_by_round_and_a_duration_is_one_countdown() {
    let home = tempfile::tempdir().unwrap();
    let (status, out, err) = guide(home.path(), &["cat-camel", "--no-wait"]);
    assert!(status.success(), "{out}{err}");
    assert!(
        out.contains("Timed: 8 rounds of 3 s in each shape, 48 s in all.\n"),
        "{out}"
    );
    let cat = "    Breathe out into cat (back rounded), 3 s (round 1 of 8)\n";
    let camel = "    Breathe in into camel (back arched), 3 s (round 1 of 8)\n";
    assert!(out.contains(&format!("{cat}{camel}")), "{out}");
    assert_eq!(out.matches("    Breathe out into cat").count(), 8, "{out}");
    assert_eq!(out.matches("    Breathe in into camel").count(), 8, "{out}");
    assert!(!out.contains("Hold "), "{out}");

    let (status, out, err) = guide(home.path(), &["foam-rolling", "--no-wait"]);
    assert!(status.success(), "{out}{err}");
    assert!(out.contains("Timed: 3 min in one go.\n"), "{out}");
    assert_eq!(
        out.matches("    Keep going for 3 min\n").count(),
        1,
        "{out}"
    );
    let (status, out, err) = guide(home.path(), &["foam-rolling", "--reps", "2"]);
    assert_eq!(status.code(), Some(1), "{out}{err}");
    assert!(err.contains("--reps does not apply"), "{err}");

    // Timed in a pipe: each pause ends with "... done".
    let (status, out, err) = guide(home.path(), &["cat-camel", "--hold", "1", "--reps", "1"]);
    assert!(status.success(), "{out}{err}");
    assert!(
        out.contains(
            "    Breathe out into cat (back rounded), 1 s (round 1 of 1) ... done\n    \
             Breathe in into camel (back arched), 1 s (round 1 of 1) ... done\n\nDone.\n"
        ),
        "{out}"
    );
}

#[test]
fn sigint_during_a_hold_stops_and_records_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = BIN.command(home.path());
    cmd.args(["guide", "thoracic-extension", "--hold", "30"])
        .env_remove("DBUS_SESSION_BUS_ADDRESS");
    let mut run = Running::start(cmd);
    run.wait_for("Hold 30 s (1 of 3) ...", SOON);
    let sent = Instant::now();
    interrupt(run.child.id());
    let (status, out) = run.finish(SOON);
    assert!(
        sent.elapsed() < Duration::from_secs(5),
        "took {:?}",
        sent.elapsed()
    );
    assert_eq!(status.code(), Some(130), "{status}:\n{out}");
    assert!(
        out.ends_with(
            "Hold 30 s (1 of 3) ...\nStopped; not recorded as done.\nDid it hurt? [y/N] \n"
        ),
        "{out:?}"
    );
    assert!(!out.contains("Done"), "{out}");
    assert!(!state_dir(home.path()).exists(), "something was written");
}

#[test]
fn ctrl_c_on_a_terminal_clears_the_bar_and_records_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = in_pty(home.path(), "seated-twist --hold 30 --reps 1");
    // Ctrl-C typed on the pseudo-terminal: `script` copies its input there.
    cmd.stdin(Stdio::piped());
    let mut run = Running::start(cmd);
    run.wait_for("s left", SOON);
    let mut keyboard = run.child.stdin.take().unwrap();
    keyboard.write_all(b"\x03").unwrap();
    drop(keyboard);
    let (status, out) = run.finish(SOON);
    assert_eq!(status.code(), Some(130), "{status}:\n{out:?}");
    let stopped = out.rfind("Stopped; not recorded as done.").expect(&out);
    // The bar's line was erased just before.
    let before = &out[..stopped];
    assert!(
        before.ends_with("\r\x1b[2K"),
        "{:?}",
        &before[before.len().saturating_sub(120)..]
    );
    assert!(!out.contains("... done"), "{out:?}");
    assert!(!state_dir(home.path()).exists(), "something was written");
}

#[test]
fn unknown_ids_are_refused_with_the_list_of_stretches() {
    let home = tempfile::tempdir().unwrap();
    let (status, out, err) = guide(home.path(), &["nope", "--no-wait"]);
    assert_eq!(status.code(), Some(1), "{out}{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("no stretch has the id \"nope\""), "{err}");
    for id in [
        "cat-camel",
        "thoracic-extension",
        "seated-twist",
        "thread-the-needle",
    ] {
        assert!(err.contains(id), "{id} not listed: {err}");
    }
    let (status, _, err) = guide(home.path(), &["shoulders"]);
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(err.contains("\"shoulders\" is a posture check"), "{err}");
}

#[test]
fn without_a_daemon_the_default_is_the_configs_next_stretch() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config/stretchd");
    std::fs::create_dir_all(&dir).unwrap();
    write_file(
        &dir,
        "config.toml",
        &all_day_config(
            "[[reminder]]\nid = \"s\"\nkind = \"stretch\"\nevery = \"1h\"\nstretch = \"thread-the-needle\"\n",
        ),
    );
    let (status, out, err) = guide(home.path(), &["--no-wait"]);
    assert!(status.success(), "{out}{err}");
    assert!(
        out.starts_with(&Messages::english().stretch_title(&fresh("thread-the-needle"))),
        "{out}"
    );
    assert!(out.contains("Next in the rotation"), "{out}");
}

/// A status from the daemon in `home`, as JSON.
fn status(home: &Path) -> Value {
    let out = BIN.run_in(home, &["status", "--json"], &[], SOON);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_running_daemon_suggests_the_stretch_and_records_it() {
    let bus = Bus::start();
    let dir = tempfile::tempdir().unwrap();
    let config = write_file(
        dir.path(),
        "config.toml",
        &all_day_config(
            "[[reminder]]\nid = \"s\"\nkind = \"stretch\"\nevery = \"1h\"\nstretch = \"seated-twist\"\n",
        ),
    );
    let mut daemon = BIN.daemon(&bus.address, &config).start();
    daemon.wait_for_log("stretchd is running", SOON);
    let home = daemon.home().to_owned();
    assert_eq!(status(&home)["week"]["done"], 0);

    // The default is what the daemon has coming (its config, not the user's default one).
    let (ok, out, err) = guide(&home, &["--no-wait"]);
    assert!(ok.success(), "{out}{err}");
    assert!(
        out.starts_with(&Messages::english().stretch_title(&fresh("seated-twist"))),
        "{out}"
    );
    assert!(out.contains("The stretch the daemon suggests"), "{out}");

    let (ok, out, err) = guide(&home, &["seated-twist", "--hold", "1", "--reps", "1"]);
    assert!(ok.success(), "{out}{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.contains(safety_notice()), "{out}");
    assert!(
        out.contains("    Hold 1 s (first side) ... done\n"),
        "{out}"
    );
    assert!(
        out.contains("    Hold 1 s (other side) ... done\n"),
        "{out}"
    );
    assert!(
        out.contains("Recorded \"seated-twist\" as done; this week: 0 of 3 stretch sessions."),
        "{out}"
    );
    daemon.wait_for_log("guided stretch done", SOON);
    assert_one_guided_done(&home, "seated-twist");
    assert_eq!(status(&home)["week"]["done"], 0);
    // The daemon took the seen safety notice into its state, and saved it before answering.
    assert_eq!(saved_state(&home)["safety_shown"], true);
    assert!(!state_dir(&home).join("guide-safety-shown").exists());
    let (ok, out, err) = guide(&home, &["--no-wait"]);
    assert!(ok.success(), "{out}{err}");
    assert!(
        !out.contains(safety_notice()),
        "the safety notice again:\n{out}"
    );
    assert!(daemon.is_running(), "{}", daemon.log());
}

#[test]
fn a_daemon_that_does_not_confirm_gets_no_second_entry_from_the_guide() {
    let home = tempfile::tempdir().unwrap();
    testkit::fake_server(home.path(), testkit::never_answer);
    let (status, out, err) = guide(home.path(), &["cat-camel", "--hold", "1", "--reps", "1"]);
    assert_eq!(status.code(), Some(1), "{out}{err}");
    assert!(out.contains("\nDone.\n"), "{out}");
    assert!(
        err.contains("the daemon did not confirm recording \"cat-camel\"")
            && err.contains("did not answer within 10 s")
            && err.contains("check `stretchd history`"),
        "{err}"
    );
    assert!(!err.contains("writing the history directly"), "{err}");
    assert!(
        history(home.path()).is_empty(),
        "{:?}",
        history(home.path())
    );
}

/// Runs `stretchd guide ARGS` in `home` through a pipe, typing `answers` on its stdin; returns
/// (status, stdout, stderr).
fn guide_answering(home: &Path, args: &[&str], answers: &str) -> (ExitStatus, String, String) {
    let mut cmd = BIN.command(home);
    cmd.arg("guide")
        .args(args)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped());
    let mut run = Running::start(cmd);
    let mut keyboard = run.child.stdin.take().unwrap();
    keyboard.write_all(answers.as_bytes()).unwrap();
    drop(keyboard);
    let mut stderr = run.child.stderr.take().unwrap();
    let (status, out) = run.finish(SOON);
    let mut err = String::new();
    stderr.read_to_string(&mut err).unwrap();
    (status, out, err)
}

#[test]
fn harder_at_the_end_of_the_guide_lengthens_the_holds_and_stats_list_the_level() {
    let home = tempfile::tempdir().unwrap();
    let (status, out, err) =
        guide_answering(home.path(), &["seated-twist", "--hold", "1"], "n\nh\n");
    assert!(status.success(), "{out}{err}");
    assert!(out.contains("Did it hurt? [y/N] "), "{out}");
    assert!(out.contains("Next time: [e]asier"), "{out}");
    assert!(out.contains("next time hold 20 s (was 15 s)"), "{out}");
    assert_one_guided_done(home.path(), "seated-twist");
    assert_eq!(
        saved_state(home.path())["levels"]["seated-twist"]["hold_secs"],
        20
    );

    // The guide times the new level, and shows it.
    let (status, out, err) = guide(home.path(), &["seated-twist", "--no-wait"]);
    assert!(status.success(), "{out}{err}");
    assert!(
        out.starts_with("Stretch: Seated twist, 20 s each side\n"),
        "{out}"
    );
    assert!(out.contains("Hold 20 s (first side)"), "{out}");

    let listed = BIN.run_in(home.path(), &["stats", "--json"], &[], SOON);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let report: Value = serde_json::from_slice(&listed.stdout).unwrap();
    let levels = report["levels"].as_array().unwrap();
    let twist = levels.iter().find(|l| l["item"] == "seated-twist").unwrap();
    assert_eq!(twist["hold_secs"], 20, "{report}");
    assert_eq!(twist["range"], "15-30 s", "{report}");
    // A flow has no level.
    assert!(levels.iter().all(|l| l["item"] != "cat-camel"), "{report}");
    let shown = text(&BIN.run_in(home.path(), &["stats"], &[], SOON).stdout);
    assert!(shown.contains("Holds now"), "{shown}");
    assert!(
        shown
            .lines()
            .any(|l| l.contains("seated-twist") && l.contains(" 20 s (range 15-30 s")),
        "{shown}"
    );

    // Easier takes it back down; a flow is not asked.
    let (status, out, err) =
        guide_answering(home.path(), &["seated-twist", "--hold", "1"], "\ne\n");
    assert!(status.success(), "{out}{err}");
    assert!(out.contains("next time hold 15 s (was 20 s)"), "{out}");
    let (status, out, err) = guide_answering(
        home.path(),
        &["cat-camel", "--hold", "1", "--reps", "1"],
        "\n",
    );
    assert!(status.success(), "{out}{err}");
    assert!(!out.contains("Next time:"), "{out}");
}

#[test]
fn it_hurt_in_the_guide_sets_the_stretch_aside_even_after_ctrl_c() {
    let home = tempfile::tempdir().unwrap();
    // At the end.
    let (status, out, err) = guide_answering(home.path(), &["seated-twist", "--hold", "1"], "y\n");
    assert!(status.success(), "{out}{err}");
    assert!(out.contains("Stop \"Seated twist\" now."), "{out}");
    assert!(out.contains("healthcare professional"), "{out}");
    assert!(out.contains("Instead, try"), "{out}");
    assert!(!out.contains("Next time:"), "{out}");
    let entries = history(home.path());
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["outcome"], "hurt");
    assert_eq!(entries[0]["item"], "seated-twist");
    let state = saved_state(home.path());
    assert_eq!(
        state["set_aside"]["seated-twist"]["reason"], "it hurt",
        "{state}"
    );

    // After Ctrl-C.
    let mut cmd = BIN.command(home.path());
    cmd.args(["guide", "thoracic-extension", "--hold", "30"])
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdin(Stdio::piped());
    let mut run = Running::start(cmd);
    run.wait_for("Hold 30 s (1 of 3) ...", SOON);
    let mut keyboard = run.child.stdin.take().unwrap();
    interrupt(run.child.id());
    run.wait_for("Did it hurt? [y/N] ", SOON);
    keyboard.write_all(b"yes\n").unwrap();
    drop(keyboard);
    let (status, out) = run.finish(SOON);
    assert_eq!(status.code(), Some(130), "{status}:\n{out}");
    assert!(out.contains("Stop \"Thoracic extension\" now."), "{out}");
    let state = saved_state(home.path());
    assert!(
        state["set_aside"]["thoracic-extension"].is_object(),
        "{state}"
    );
    assert_eq!(history(home.path()).len(), 2);
}
