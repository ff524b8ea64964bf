//! `stretchd guide [ID]`: walks the user through one stretch in the terminal, with a countdown
//! for each hold, and records Done in the history when the routine is finished.
//!
//! - **Which stretch.** An id from `stretchd stretches`, or by default the one stretchd would
//!   suggest: if the daemon runs, the stretch reminder it has on screen awaiting an answer, else
//!   the first stretch among its upcoming reminders (`next`); if no daemon runs (or it has no
//!   stretch coming), [`crate::schedule::next_stretch`] from the saved state (`state.json`, read
//!   only): the first stretch the config's schedule would show, else the next one in the
//!   rotation, else the catalogue's first.
//! - **The routine** ([`routine`]): title, summary and dose, the safety notice the first time,
//!   then the numbered steps and a timed hold per repetition. A two-sided stretch holds the
//!   first side `reps` times, says "Now the other side", then holds that side as often; when
//!   its last step is the switch to the other side (as in the built-in ones), that step is
//!   shown at the switch rather than before the first hold. Each hold lasts the stretch's
//!   longest hold (`--hold` overrides it, `--reps` the repetitions). Nothing waits for a key:
//!   the next part follows each hold, so the guide also runs in a pipe.
//! - **The safety notice** counts as seen once the daemon has shown it with a notification or
//!   once a guided stretch that showed it was finished: either way `safety_shown` in
//!   `state.json` says so. A running daemon sets it when the guide's request to record the
//!   stretch says the notice was shown; without a daemon the guide sets it through the store.
//! - **Recording.** Finishing records an entry like the notification's Done (kind `stretch`,
//!   reminder [`REMINDER`], outcome `done`): a running daemon is asked to append it
//!   ([`Request::GuideDone`]), so that it counts toward the week at once; without a daemon (or
//!   if it refuses) the guide appends to `history.jsonl` itself. If the daemon does not confirm
//!   (it is stuck, hangs up, or answers garbage) the guide writes nothing, since the daemon may
//!   still record it, and exits with status 1.
//! - **Ctrl-C** (SIGINT) stops at once: the countdown is cleared, "Stopped; nothing recorded."
//!   is printed, the exit status is 130, and nothing is written.
//! - **Terminal or pipe.** On a terminal each hold is a live countdown bar that is
//!   replaced by a plain "... done" line when it ends; when stdout is not a terminal there are
//!   no control codes at all, only lines such as `Hold 30 s (1 of 3) ... done`.
//! - **`--no-wait`** prints the whole routine without timers and records nothing.

use std::cell::Cell;
use std::io::{self, IsTerminal as _, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, bail};
use chrono::{Local, Utc};
use tokio::signal::unix::{SignalKind, signal};
use tokio::time::Instant;

use crate::catalog::{SAFETY_NOTICE, Sides, Stretch};
use crate::cli::GuideArgs;
use crate::config::{Config, Kind};
use crate::ipc::{Client, ClientError, Request, Response};
use crate::schedule::state::State;
use crate::store::Store;
use crate::store::history::{Entry, History, Outcome};

/// The `reminder` of the history entries the guide records.
pub const REMINDER: &str = crate::store::history::GUIDE_REMINDER;

/// The exit status after Ctrl-C, as a shell reports a process ended by SIGINT.
pub const INTERRUPTED: u8 = 130;

/// How often the countdown bar moves.
const TICK: Duration = Duration::from_millis(100);

/// Which side a hold of a two-sided stretch is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The side the steps describe.
    First,
    /// The other one.
    Other,
}

/// One part of a routine, in the order it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A step to read and do.
    Step {
        /// Its number in the stretch's list, from 1.
        number: usize,
        /// What to do.
        text: String,
    },
    /// The switch to the second side of a two-sided stretch.
    OtherSide,
    /// A timed hold.
    Hold {
        /// How long, in seconds.
        secs: u32,
        /// Which repetition, from 1.
        rep: u32,
        /// How many repetitions (on this side).
        reps: u32,
        /// The side, for a two-sided stretch.
        side: Option<Side>,
    },
}

impl Part {
    /// The line that shows this part (for a hold, without the "... done" that ends it).
    pub fn line(&self) -> String {
        match self {
            Part::Step { number, text } => format!("{number:>2}. {text}"),
            Part::OtherSide => "Now the other side.".to_owned(),
            Part::Hold {
                secs,
                rep,
                reps,
                side,
            } => {
                let mut about = Vec::new();
                match side {
                    Some(Side::First) => about.push("first side".to_owned()),
                    Some(Side::Other) => about.push("other side".to_owned()),
                    None => {}
                }
                if *reps > 1 {
                    about.push(format!("{rep} of {reps}"));
                }
                if about.is_empty() {
                    format!("    Hold {secs} s")
                } else {
                    format!("    Hold {secs} s ({})", about.join(", "))
                }
            }
        }
    }
}

/// The routine for `stretch` with holds of `hold_secs` seconds, `reps` of them (on each side).
pub fn routine(stretch: &Stretch, hold_secs: u32, reps: u32) -> Vec<Part> {
    let steps: Vec<Part> = (1..)
        .zip(&stretch.steps)
        .map(|(number, text)| Part::Step {
            number,
            text: text.clone(),
        })
        .collect();
    let holds = |side| {
        (1..=reps).map(move |rep| Part::Hold {
            secs: hold_secs,
            rep,
            reps,
            side,
        })
    };
    match stretch.sides {
        Sides::One => steps.into_iter().chain(holds(None)).collect(),
        Sides::Both => {
            // A last step that switches sides is shown at the switch.
            let switches = stretch.steps.len() > 1
                && stretch
                    .steps
                    .last()
                    .is_some_and(|s| s.to_lowercase().contains("other side"));
            let first = steps.len() - usize::from(switches);
            let mut parts = steps[..first].to_vec();
            parts.extend(holds(Some(Side::First)));
            parts.push(Part::OtherSide);
            parts.extend_from_slice(&steps[first..]);
            parts.extend(holds(Some(Side::Other)));
            parts
        }
    }
}

/// Runs `stretchd guide`.
pub fn run(args: &GuideArgs, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        bail!("`stretchd guide` has no JSON output; run it without --json");
    }
    let config = Config::load(args.config.config.as_deref())?;
    let (stretch, why) = if let Some(id) = &args.id {
        (find(&config, id)?, None)
    } else {
        let (stretch, why) = suggest(&config)?;
        (stretch, Some(why))
    };
    let secs = args.hold.unwrap_or(stretch.hold.max_secs);
    let reps = args.reps.unwrap_or(stretch.reps);
    let parts = routine(stretch, secs, reps);
    let safety = !saved_state(&crate::store::paths::state_dir()).is_some_and(|s| s.safety_shown);

    let mut head = format!("{}\n", stretch.title());
    if !stretch.summary.is_empty() {
        head.push_str(&stretch.summary);
        head.push('\n');
    }
    head.push_str(&stretch.dose());
    head.push('\n');
    head.push_str(&timing(stretch.sides, secs, reps));
    head.push('\n');
    if let Some(why) = why {
        head.push_str(why);
        head.push('\n');
    }
    if safety {
        head.push_str("\nBefore you start:\n");
        head.push_str(SAFETY_NOTICE);
        head.push('\n');
    }
    say(&head)?;

    if args.no_wait {
        for part in &parts {
            if *part == Part::OtherSide {
                say("")?;
            }
            say(&part.line())?;
        }
        say("\nNot recorded: run without --no-wait to time and record it.")?;
        return Ok(ExitCode::SUCCESS);
    }

    let tty = io::stdout().is_terminal();
    let partial = Cell::new(false);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let finished = runtime.block_on(async {
        // Registered before the first hold, so Ctrl-C never kills the process half-way.
        let mut interrupt =
            signal(SignalKind::interrupt()).context("cannot install a SIGINT handler")?;
        tokio::select! {
            biased;
            _ = interrupt.recv() => anyhow::Ok(false),
            done = perform(&parts, tty, &partial) => done.map(|()| true),
        }
    })?;
    if !finished {
        let ending = if partial.get() { "\n" } else { "" };
        say(&format!("{ending}Stopped; nothing recorded."))?;
        return Ok(ExitCode::from(INTERRUPTED));
    }
    say("\nDone.")?;
    let message = record(&stretch.id, safety)?;
    say(&message)?;
    Ok(ExitCode::SUCCESS)
}

/// The stretch with this id, or an error that lists the ids.
fn find<'a>(config: &'a Config, id: &str) -> anyhow::Result<&'a Stretch> {
    if let Some(stretch) = config.catalog.stretch(id) {
        return Ok(stretch);
    }
    let known: Vec<&str> = config
        .catalog
        .stretches
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let known = known.join(", ");
    let shown = crate::stats::printable(id);
    if config.catalog.posture(id).is_some() {
        bail!("\"{shown}\" is a posture check; the guide walks through stretches (known: {known})");
    }
    bail!("no stretch has the id \"{shown}\" (known: {known}); `stretchd stretches` lists them")
}

/// The stretch stretchd would suggest next, and a line that says where the choice came from.
fn suggest(config: &Config) -> anyhow::Result<(&Stretch, &'static str)> {
    match ask_daemon() {
        Ok(Some(item)) => {
            if let Some(stretch) = config.catalog.stretch(&item) {
                return Ok((
                    stretch,
                    "(The stretch the daemon suggests; `stretchd guide ID` picks another.)",
                ));
            }
        }
        Ok(None) | Err(ClientError::NotRunning(_)) => {}
        Err(e) => eprintln!("stretchd: cannot ask the daemon what comes next ({e})"),
    }
    let state =
        saved_state(&crate::store::paths::state_dir()).unwrap_or_else(|| State::new(Utc::now()));
    // The built-in catalogue is never empty.
    let stretch = crate::schedule::next_stretch(config, &state, Utc::now(), &Local)
        .context("the catalogue has no stretches")?;
    Ok((
        stretch,
        "(Next in the rotation; `stretchd guide ID` picks another.)",
    ))
}

/// The stretch the running daemon suggests: the stretch reminder on screen, or else the first
/// stretch among the upcoming reminders.
fn ask_daemon() -> Result<Option<String>, ClientError> {
    let socket = crate::store::paths::control_socket();
    if let Response::Status(status) = Client::connect(&socket)?.call(&Request::Status)? {
        if let Some(waiting) = status.waiting.filter(|w| w.kind == Kind::Stretch) {
            return Ok(Some(waiting.item));
        }
    }
    let request = Request::Next {
        count: crate::schedule::STRETCH_LOOKAHEAD,
    };
    Ok(match Client::connect(&socket)?.call(&request)? {
        Response::Next { upcoming } => upcoming
            .into_iter()
            .find(|u| u.kind == Kind::Stretch)
            .map(|u| u.item),
        _ => None,
    })
}

/// The daemon's saved state, read without changing anything (and without blocking: what is not
/// a regular file, or is larger than the store's limit, is not read); `None` if there is none
/// (or it does not parse).
fn saved_state(state_dir: &Path) -> Option<State> {
    let path = Store::new(state_dir).path().to_owned();
    let text = crate::store::files::read_to_string(&path, crate::store::LIMIT).ok()?;
    serde_json::from_str(&text).ok()
}

/// Records in `state.json` that the safety notice was shown, when no daemon runs to do it: the
/// saved state with `safety_shown` set, loaded and saved through the store as the daemon does.
/// A failure only means the notice shows again next time.
fn record_safety_seen(state_dir: &Path) {
    let store = Store::new(state_dir);
    let mut state = store.load(Utc::now());
    if state.safety_shown {
        return;
    }
    state.safety_shown = true;
    if let Err(e) = store.save(&state) {
        eprintln!(
            "stretchd: cannot write {} ({e}); the safety notice will show again",
            store.path().display()
        );
    }
}

/// "Timed: 2 holds of 30 s on each side, 2 min in all."
fn timing(sides: Sides, secs: u32, reps: u32) -> String {
    let holds = if reps == 1 {
        "1 hold".to_owned()
    } else {
        format!("{reps} holds")
    };
    let (each, count) = match sides {
        Sides::One => ("", 1),
        Sides::Both => (" on each side", 2),
    };
    let total = u64::from(secs) * u64::from(reps) * count;
    let total = match (total / 60, total % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    };
    format!("Timed: {holds} of {secs} s{each}, {total} in all.")
}

/// Prints one line (and flushes, for a pipe).
fn say(line: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()
}

/// Goes through the routine; returns when it is finished. `partial` is set while a line is left
/// open (a hold in a pipe), so an interruption can end it.
async fn perform(parts: &[Part], tty: bool, partial: &Cell<bool>) -> anyhow::Result<()> {
    for part in parts {
        match part {
            Part::Hold { secs, .. } => {
                let length = Duration::from_secs(u64::from(*secs));
                if tty {
                    countdown(&part.line(), length).await?;
                } else {
                    let mut out = io::stdout().lock();
                    write!(out, "{} ...", part.line())?;
                    out.flush()?;
                    drop(out);
                    partial.set(true);
                    tokio::time::sleep(length).await;
                    partial.set(false);
                    say(" done")?;
                }
            }
            Part::OtherSide => {
                say("")?;
                say(&part.line())?;
            }
            Part::Step { .. } => say(&part.line())?,
        }
    }
    Ok(())
}

/// A live countdown bar on the terminal for `length`, then the plain line "`line` ... done".
/// Dropped half-way (Ctrl-C), the bar clears itself.
async fn countdown(line: &str, length: Duration) -> anyhow::Result<()> {
    let bar = Bar::new(line);
    let start = Instant::now();
    let end = start + length;
    loop {
        let now = Instant::now();
        let elapsed = now.saturating_duration_since(start).min(length);
        let left = length.saturating_sub(elapsed).as_millis().div_ceil(1000);
        bar.draw(elapsed, length, left)?;
        if now >= end {
            break;
        }
        tokio::time::sleep_until((now + TICK).min(end)).await;
    }
    drop(bar);
    say(&format!("{line} ... done"))?;
    Ok(())
}

/// A one-line bar drawn in place: `line [=====>    ] 12 s left`, cut to the terminal's width so
/// that it never wraps. Cleared when dropped. (Drawn by hand: a progress-bar crate would bring
/// floating-point maths from libm into every stretchd process, the daemon's too.)
struct Bar<'a> {
    line: &'a str,
    /// What was drawn last, to write only on a change.
    shown: Cell<Option<(usize, u128)>>,
}

impl<'a> Bar<'a> {
    const WIDTH: usize = 30;

    fn new(line: &'a str) -> Self {
        Bar {
            line,
            shown: Cell::new(None),
        }
    }

    /// Draws the bar for `elapsed` of `length`, with `left` seconds to go.
    fn draw(&self, elapsed: Duration, length: Duration, left: u128) -> io::Result<()> {
        let filled = match length.as_millis() {
            0 => Self::WIDTH,
            total => usize::try_from(elapsed.as_millis().min(total) * Self::WIDTH as u128 / total)
                .unwrap_or(Self::WIDTH),
        };
        if self.shown.get() == Some((filled, left)) {
            return Ok(());
        }
        self.shown.set(Some((filled, left)));
        let head = usize::from(filled < Self::WIDTH && filled > 0);
        let text = format!(
            "{} [{}{}{}] {left} s left",
            self.line,
            "=".repeat(filled.saturating_sub(head)),
            ">".repeat(head),
            " ".repeat(Self::WIDTH - filled.max(head)),
        );
        let columns = rustix::termios::tcgetwinsize(io::stdout())
            .ok()
            .map_or(0, |size| usize::from(size.ws_col));
        let columns = if columns == 0 { 80 } else { columns };
        let text: String = text.chars().take(columns.saturating_sub(1)).collect();
        let mut out = io::stdout().lock();
        write!(out, "\r\x1b[2K{text}")?;
        out.flush()
    }
}

impl Drop for Bar<'_> {
    fn drop(&mut self) {
        let mut out = io::stdout().lock();
        let _ = write!(out, "\r\x1b[2K");
        let _ = out.flush();
    }
}

/// Records a finished stretch, and with `safety_shown` that the safety notice was seen: through
/// the daemon if one runs, else straight into the history log and the state. Returns what to
/// tell the user. When the request may have reached the daemon but was not confirmed (no answer
/// in time, a hang-up, a garbled answer), nothing is written, lest the stretch be recorded
/// twice: that is an error that says what to check.
fn record(item: &str, safety_shown: bool) -> anyhow::Result<String> {
    let request = Request::GuideDone {
        item: item.to_owned(),
        safety_shown,
    };
    let answer =
        Client::connect(&crate::store::paths::control_socket()).and_then(|c| c.call(&request));
    let problem = match answer {
        Ok(Response::Ok { message }) => return Ok(sentence(&message)),
        Ok(Response::Error { message }) => Some(format!("the daemon did not record it: {message}")),
        Err(ClientError::NotRunning(_)) => None,
        // Sent nowhere: nothing to confirm, and nothing written beside an untrusted socket.
        Err(e @ (ClientError::UnsafeDir(_) | ClientError::Untrusted { .. })) => {
            bail!("\"{item}\" was not recorded: {e}")
        }
        Ok(_) => bail!(
            "the daemon did not confirm recording \"{item}\" (it answered something else); it may still record it: check `stretchd history`"
        ),
        Err(e) => bail!(
            "the daemon did not confirm recording \"{item}\" ({e}); it may still record it: check `stretchd history`"
        ),
    };
    if let Some(problem) = &problem {
        eprintln!("stretchd: {problem}; writing the history directly");
    }
    let path = crate::store::history::default_path();
    let mut history =
        History::open(path.clone()).with_context(|| format!("cannot open {}", path.display()))?;
    let entry = Entry {
        time: Utc::now(),
        reminder: REMINDER.to_owned(),
        kind: Kind::Stretch,
        item: item.to_owned(),
        outcome: Outcome::Done,
    };
    history
        .append(&entry)
        .with_context(|| format!("cannot append to {}", path.display()))?;
    // A daemon that refused the entry has taken the notice (it owns the state while it runs).
    if safety_shown && problem.is_none() {
        record_safety_seen(&crate::store::paths::state_dir());
    }
    let note = if problem.is_none() {
        " (no daemon is running)"
    } else {
        ""
    };
    Ok(format!(
        "Recorded \"{item}\" as done in {}{note}.",
        path.display()
    ))
}

/// `message` with a capital first letter and a full stop.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn lines(parts: &[Part]) -> Vec<String> {
        parts.iter().map(Part::line).collect()
    }

    #[test]
    fn a_one_sided_stretch_is_its_steps_then_its_holds() {
        let catalog = Catalog::default();
        let s = catalog.stretch("thoracic-extension").unwrap();
        let parts = routine(s, 30, 3);
        assert_eq!(parts.len(), s.steps.len() + 3);
        assert_eq!(parts[0].line(), format!(" 1. {}", s.steps[0]));
        assert_eq!(
            lines(&parts[s.steps.len()..]),
            [
                "    Hold 30 s (1 of 3)",
                "    Hold 30 s (2 of 3)",
                "    Hold 30 s (3 of 3)"
            ]
        );
        assert_eq!(lines(&routine(s, 5, 1)).last().unwrap(), "    Hold 5 s");
    }

    #[test]
    fn a_two_sided_stretch_switches_sides_at_its_last_step() {
        let catalog = Catalog::default();
        let s = catalog.stretch("seated-twist").unwrap();
        let parts = routine(s, 30, 2);
        let n = s.steps.len();
        let mut expected: Vec<String> = (1..n)
            .map(|i| format!("{i:>2}. {}", s.steps[i - 1]))
            .collect();
        expected.extend([
            "    Hold 30 s (first side, 1 of 2)".to_owned(),
            "    Hold 30 s (first side, 2 of 2)".to_owned(),
            "Now the other side.".to_owned(),
            format!("{n:>2}. {}", s.steps[n - 1]),
            "    Hold 30 s (other side, 1 of 2)".to_owned(),
            "    Hold 30 s (other side, 2 of 2)".to_owned(),
        ]);
        assert_eq!(lines(&parts), expected);
    }

    #[test]
    fn a_two_sided_stretch_without_a_switch_step_keeps_all_steps_first() {
        let mut s = Catalog::default().stretch("seated-twist").unwrap().clone();
        s.steps = vec!["Turn.".into(), "Breathe.".into()];
        assert_eq!(
            lines(&routine(&s, 10, 1)),
            [
                " 1. Turn.",
                " 2. Breathe.",
                "    Hold 10 s (first side)",
                "Now the other side.",
                "    Hold 10 s (other side)"
            ]
        );
    }

    #[test]
    fn timing_adds_up_the_holds() {
        assert_eq!(
            timing(Sides::Both, 30, 2),
            "Timed: 2 holds of 30 s on each side, 2 min in all."
        );
        assert_eq!(
            timing(Sides::One, 30, 3),
            "Timed: 3 holds of 30 s, 1 min 30 s in all."
        );
        assert_eq!(
            timing(Sides::One, 20, 1),
            "Timed: 1 hold of 20 s, 20 s in all."
        );
    }

    #[test]
    fn sentences_start_big_and_end_with_a_stop() {
        assert_eq!(sentence("recorded it"), "Recorded it.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), ".");
    }
}
