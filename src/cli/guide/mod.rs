//! `stretchd guide [ID]`: walks the user through one stretch in the terminal, with a countdown
//! for each hold, and records Done in the history when the routine is finished.
//!
//! - **Which stretch.** An id from `stretchd stretches`, or by default the one stretchd would
//!   suggest: if the daemon runs, the stretch reminder it has on screen awaiting an answer, else
//!   the first stretch among its upcoming reminders (`next`); if no daemon runs (or it has no
//!   stretch coming), [`crate::schedule::next_stretch`] from the saved state (`state.json`, read
//!   only): the first stretch the config's schedule would show, else the next one in the
//!   rotation, else the catalogue's first.
//! - **The routine** ([`routine()`]): title, summary and dose, the safety notice the first time,
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
//!   ([`crate::ipc::Request::GuideDone`]), so that it counts toward the week at once; without a
//!   daemon (or if it refuses) the guide appends to `history.jsonl` itself. If the daemon does
//!   not confirm (it is stuck, hangs up, or answers garbage) the guide writes nothing, since the
//!   daemon may still record it, and exits with status 1.
//! - **Ctrl-C** (SIGINT) stops at once: the countdown is cleared, "Stopped; nothing recorded."
//!   is printed, the exit status is 130, and nothing is written.
//! - **Terminal or pipe.** On a terminal each hold is a live countdown bar that is
//!   replaced by a plain "... done" line when it ends; when stdout is not a terminal there are
//!   no control codes at all, only lines such as `Hold 30 s (1 of 3) ... done`.
//! - **`--no-wait`** prints the whole routine without timers and records nothing.
//!
//! Its parts: `choice` picks the stretch, `routine` builds what to show, `countdown` times the
//! holds, and `record` tells the daemon or writes the files.

mod ask;
mod choice;
mod countdown;
mod record;
mod routine;

use std::io::{self, Write as _};
use std::process::ExitCode;

use anyhow::bail;

use crate::catalog::Dose;
use crate::cli::GuideArgs;
use crate::config::Config;
use crate::schedule::level;
use crate::store::Store;

pub use routine::{Part, Side, routine};

/// The `reminder` of the history entries the guide records.
pub const REMINDER: &str = crate::store::history::GUIDE_REMINDER;

/// The exit status after Ctrl-C, as a shell reports a process ended by SIGINT.
pub const INTERRUPTED: u8 = 130;

/// Runs `stretchd guide`.
pub fn run(args: &GuideArgs, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        bail!("`stretchd guide` has no JSON output; run it without --json");
    }
    let config = Config::load(args.config.config.as_deref())?;
    let (stretch, why) = if let Some(id) = &args.id {
        (choice::find(&config, id)?, None)
    } else {
        let (stretch, why) = choice::suggest(&config)?;
        (stretch, Some(why))
    };
    let saved = Store::new(&crate::store::paths::state_dir()).peek();
    let level = saved.as_ref().and_then(|s| s.levels.get(&stretch.id));
    // Its level only sets the hold: what is recorded is done to the stretch in the catalogue.
    let (stretch, catalogued) = (&level::leveled(stretch, level), stretch);
    let (secs, reps) = match &stretch.dose {
        Dose::Hold { hold, reps, .. } => (hold.max_secs, *reps),
        Dose::Flow {
            rounds, pause_secs, ..
        } => (*pause_secs, *rounds),
        Dose::Duration { length } => (length.max_secs, 1),
    };
    let secs = args.hold.unwrap_or(secs);
    let reps = args.reps.unwrap_or(reps);
    let parts = routine(stretch, secs, reps);
    let safety = args.safety || !saved.as_ref().is_some_and(|s| s.safety_shown);
    say(&routine::heading(stretch, secs, reps, why, safety))?;

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
    let config_path = args.config.config.as_deref();
    let mut input = io::stdin().lock();
    if !countdown::perform_until_interrupted(&parts)? {
        say("Stopped; not recorded as done.")?;
        if ask::hurt(&mut input)? {
            say(&record::hurt(config_path, &stretch.id)?)?;
        }
        return Ok(ExitCode::from(INTERRUPTED));
    }
    say("\nDone.")?;
    if ask::hurt(&mut input)? {
        say(&record::hurt(config_path, &stretch.id)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let adjust = ask::adjust(&mut input, level::range(stretch).is_some())?;
    let message = record::record(catalogued, safety, adjust)?;
    say(&message)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints one line (and flushes, for a pipe).
fn say(line: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()
}
