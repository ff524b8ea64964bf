//! `stretchd guide [ID]`: walks the user through one stretch in the terminal, with a countdown
//! for each hold or pause, and records Done in the history when the routine is finished.
//!
//! - **Which stretch.** An id from `stretchd stretches`, or by default the one stretchd would
//!   suggest: if the daemon runs, the stretch reminder it has on screen awaiting an answer, else
//!   the first stretch among its upcoming reminders (`next`); if no daemon runs (or it has no
//!   stretch coming), [`crate::schedule::next_stretch`] from the saved state (`state.json`, read
//!   only): the first stretch the config's schedule would show, else the next one in the
//!   rotation, else the catalogue's first.
//! - **The routine** ([`routine()`]): title, summary and dose, the safety notice until it is seen,
//!   then the numbered steps and the timed parts of the stretch's [`crate::catalog::Dose`]:
//!   - a **hold** is a timed hold per repetition. A two-sided stretch holds the first side
//!     `reps` times, says "Now the other side", then holds that side as often; when its last
//!     step is the switch to the other side (as in the built-in ones), that step is shown at the
//!     switch rather than before the first hold. Each hold lasts the stretch's level.
//!   - a **flow** is paced round by round: breathe out into the first shape, pause, breathe in
//!     into the second, pause (`Breathe out into cat (back rounded), 3 s (round 1 of 8)`).
//!   - a **duration** is one countdown of its longest length (`Keep going for 3 min`).
//!
//!   `--hold` sets the seconds of each timed part (a hold, a pause, or the whole duration),
//!   `--reps` the holds on each side or the rounds of a flow (a duration has none, so it is
//!   refused there). Nothing waits for a key: the next part follows each timed one, so the
//!   guide also runs in a pipe.
//! - **The level.** A stretch held still is timed at its level from `state.json` (the low end
//!   of its range at first; see [`crate::schedule::level`]); `--hold` overrides it.
//! - **The safety notice** counts as seen once the user has answered a notification that
//!   carried it or finished a guided stretch that showed it: either way `safety_shown` in
//!   `state.json` says so. `--safety` shows it anyway. A running daemon sets it when the
//!   guide's request to record the stretch says the notice was shown; without a daemon the
//!   guide sets it through the store.
//! - **Recording.** Finishing records an entry like the notification's Done (kind `stretch`,
//!   reminder [`REMINDER`], outcome `done`): a running daemon is asked to append it
//!   ([`crate::ipc::Request::GuideDone`]), so that it counts toward the week at once; without a
//!   daemon (or if it refuses) the guide appends to `history.jsonl` itself. If the daemon does
//!   not confirm (it is stuck, hangs up, or answers garbage) the guide writes nothing, since the
//!   daemon may still record it, and exits with status 1.
//! - **The questions** at the end: `Did it hurt? [y/N]` (yes records it as `stretchd hurt ID`
//!   does and records no Done), then, for a stretch with a level, `Next time: [e]asier / [o]k
//!   as it is / [h]arder?`, which moves the level as `stretchd done --easy`/`--hard` would. An
//!   empty line or the end of the input takes the default (no; as it is).
//! - **Ctrl-C** (SIGINT) stops at once: the countdown is cleared, "Stopped; not recorded as
//!   done." is printed, "Did it hurt?" is asked, the exit status is 130, and nothing else is
//!   written.
//! - **Terminal or pipe.** On a terminal each timed part is a live countdown bar that is
//!   replaced by a plain "... done" line when it ends; when stdout is not a terminal there are
//!   no control codes at all, only lines such as `Hold 30 s (1 of 3) ... done`.
//! - **`--session`** walks through a stretch session (`routine::session`): the warm-up (a
//!   timed part that Enter ends early, or none with `--no-warmup`), then every stretch that
//!   fits the config's positions and equipment and is not set aside, in catalogue order, each
//!   under a heading and at its own dose. At its end, and after Ctrl-C, it asks which of its
//!   stretches hurt (by number; Enter for none) and sets that one aside as `stretchd hurt`
//!   does. Finishing records one entry of kind `session`
//!   ([`crate::ipc::Request::SessionDone`]), which counts toward the weekly goal.
//! - **`--no-wait`** prints the whole routine without timers and records nothing.
//!
//! Its parts: [`super::choice`] picks the stretch, `routine` builds what to show, `countdown` times the
//! timed parts, `lines` is the one reader of stdin, `ask` asks the questions, and `record`
//! tells the daemon or writes the files.

mod ask;
mod countdown;
mod lines;
mod record;
mod routine;

use std::collections::BTreeMap;
use std::io::{self, Write as _};
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use crate::catalog::Stretch;
use crate::cli::GuideArgs;
use crate::config::Config;
use crate::i18n::{arg, cli};
use crate::schedule::level;
use crate::store::Store;
use lines::Lines;

pub use routine::{Breath, Part, Side, routine};

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
    let saved = Store::new(&crate::store::paths::state_dir()).peek();
    let safety = args.safety || !saved.as_ref().is_some_and(|s| s.safety_shown);
    let levels = saved.as_ref().map(|s| &s.levels);
    // A level only sets the hold: what is recorded is done to the stretch in the catalogue.
    let at_level = |s: &Stretch| level::leveled(s, levels.and_then(|l| l.get(&s.id)));
    let (parts, guided) = if args.session {
        let aside: Vec<String> = saved
            .as_ref()
            .map(|s| s.set_aside.keys().cloned().collect())
            .unwrap_or_default();
        if config.session().is_empty() {
            bail!("{}", cli().get("guide-session-none-fits"));
        }
        let no_levels = BTreeMap::new();
        let stretches = crate::schedule::session_at(&config, &aside, levels.unwrap_or(&no_levels));
        if stretches.is_empty() {
            let aside = arg(aside.join(", "));
            bail!(
                "{}",
                cli().fmt("guide-session-all-aside", &[("ids", aside)])
            );
        }
        let in_session: Vec<&Stretch> = stretches.iter().collect();
        let warm_up = !args.no_warmup;
        say(&routine::session_heading(&in_session, warm_up, safety))?;
        (
            routine::session(&in_session, warm_up),
            Guided::Session(stretches),
        )
    } else {
        let (catalogued, why) = if let Some(id) = &args.id {
            (super::choice::find(&config, id, "guide")?, None)
        } else {
            let (stretch, why) = super::choice::suggest(&config, "guide")?;
            (stretch, Some(why))
        };
        let stretch = at_level(catalogued);
        let dose = routine::timed(&stretch.dose, args.hold, args.reps)?;
        say(&routine::heading(&stretch, &dose, why.as_deref(), safety))?;
        (
            routine(&stretch, &dose),
            Guided::Stretch {
                catalogued,
                stretch,
            },
        )
    };

    if args.no_wait {
        for part in &parts {
            if part.opens_section() {
                say("")?;
            }
            say(&part.line())?;
        }
        say(&format!("\n{}", cli().get("guide-not-recorded")))?;
        return Ok(ExitCode::SUCCESS);
    }
    let config_path = args.config.config.as_deref();
    // The one reader of stdin, for the warm-up's Enter and then the questions.
    let mut lines = Lines::start();
    let finished_all = countdown::perform_until_interrupted(&parts, &mut lines)?;
    after(guided, finished_all, &mut lines, config_path, safety)
}

/// After the routine (all of it, or stopped with Ctrl-C): the questions, and what is recorded.
fn after(
    guided: Guided<'_>,
    finished_all: bool,
    lines: &mut Lines,
    config_path: Option<&Path>,
    safety: bool,
) -> anyhow::Result<ExitCode> {
    let mut ask = ask::Questions::new(lines);
    let (catalogued, stretch) = match guided {
        Guided::Session(stretches) => {
            say(&if finished_all {
                format!("\n{}", cli().get("guide-done"))
            } else {
                cli().get("guide-stopped")
            })?;
            let names: Vec<_> = stretches.iter().map(|s| cli().stretch_name(s)).collect();
            if let Some(which) = ask.which_hurt(&names)? {
                say(&record::hurt(config_path, &stretches[which].id)?)?;
            }
            if !finished_all {
                return Ok(ExitCode::from(INTERRUPTED));
            }
            say(&record::record(&record::Finished::Session, safety)?)?;
            return Ok(ExitCode::SUCCESS);
        }
        Guided::Stretch {
            catalogued,
            stretch,
        } => (catalogued, stretch),
    };
    if !finished_all {
        say(&cli().get("guide-stopped"))?;
        if ask.hurt()? {
            say(&record::hurt(config_path, &catalogued.id)?)?;
        }
        return Ok(ExitCode::from(INTERRUPTED));
    }
    say(&format!("\n{}", cli().get("guide-done")))?;
    if ask.hurt()? {
        say(&record::hurt(config_path, &catalogued.id)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let adjust = ask.adjust(level::range(&stretch).is_some())?;
    let finished = record::Finished::Stretch {
        stretch: catalogued,
        adjust,
    };
    say(&record::record(&finished, safety)?)?;
    Ok(ExitCode::SUCCESS)
}

/// What the guide walks through.
enum Guided<'a> {
    /// A session: its stretches, at their levels.
    Session(Vec<Stretch>),
    /// One stretch: as the catalogue has it (what is recorded) and at its level (what is timed).
    Stretch {
        catalogued: &'a Stretch,
        stretch: Stretch,
    },
}

/// Prints one line (and flushes, for a pipe).
fn say(line: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()
}
