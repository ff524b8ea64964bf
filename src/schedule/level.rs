//! Holds grow: each stretch held still ([`Dose::Hold`]) has a level, the length of its holds.
//! It starts at the low end of the stretch's range, grows by [`STEP_SECS`] after
//! [`GROW_AFTER`] Done answers in a row without a complaint, and stops at the top of the range.
//! The user moves it by hand: easier (a step down, not below the low end) or harder (a step up,
//! at most [`PAST_TOP_SECS`] past the top). Flows and durations have no level: their rounds
//! and lengths stay as the catalogue gives them.
//!
//! Pure: the daemon and the CLI keep the levels in [`State::levels`](super::state::State) and
//! apply [`after_done`] to each Done answer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{Dose, Span, Stretch};
use crate::i18n::{Said, arg};

/// How much a hold grows (or shrinks) in one step, in seconds.
pub const STEP_SECS: u32 = 5;

/// How many Done answers in a row, without a complaint, make a hold grow a step.
pub const GROW_AFTER: u32 = 3;

/// How far past the top of its range a hold may grow, and only when the user asks.
pub const PAST_TOP_SECS: u32 = 15;

/// One stretch's level, as saved in `state.json` under `levels`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    /// How long each hold lasts now, in seconds.
    pub hold_secs: u32,
    /// Done answers in a row at this length without a complaint.
    #[serde(default)]
    pub done_in_row: u32,
}

/// What the user asks of the next time, with a Done answer (`stretchd done --easy`/`--hard`, or
/// the guide's question). A plain Done asks for nothing and counts toward growth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjust {
    /// It was too much: a step shorter next time.
    Easier,
    /// It was too little: a step longer next time, past the top of the range if need be.
    Harder,
}

/// The hold a stretch with `range` has at `level`: the level's, kept within the range and the
/// bound past its top; the low end without a level.
pub fn hold_secs(range: Span, level: Option<&Level>) -> u32 {
    let top = range.max_secs.saturating_add(PAST_TOP_SECS);
    level.map_or(range.min_secs, |l| l.hold_secs.clamp(range.min_secs, top))
}

/// The level after a Done answer with `adjust`: easier is a step down, harder a step up (to at
/// most [`PAST_TOP_SECS`] past the top); a plain Done counts, and the [`GROW_AFTER`]th in a row
/// grows the hold a step, up to the top of the range and never past it.
pub fn after_done(range: Span, level: Option<&Level>, adjust: Option<Adjust>) -> Level {
    let now = hold_secs(range, level);
    let top = range.max_secs.saturating_add(PAST_TOP_SECS);
    match adjust {
        Some(Adjust::Easier) => Level {
            hold_secs: now.saturating_sub(STEP_SECS).max(range.min_secs),
            done_in_row: 0,
        },
        Some(Adjust::Harder) => Level {
            hold_secs: now.saturating_add(STEP_SECS).min(top),
            done_in_row: 0,
        },
        None => {
            let done = level.map_or(0, |l| l.done_in_row).saturating_add(1);
            if done >= GROW_AFTER && now < range.max_secs {
                Level {
                    hold_secs: now.saturating_add(STEP_SECS).min(range.max_secs),
                    done_in_row: 0,
                }
            } else {
                Level {
                    hold_secs: now,
                    done_in_row: done.min(GROW_AFTER),
                }
            }
        }
    }
}

/// Records a Done answer to `stretch` with `adjust` in `levels` (the state's); returns the
/// hold before and after it, in seconds, or `None` for a stretch without a level.
pub fn done(
    levels: &mut BTreeMap<String, Level>,
    stretch: &Stretch,
    adjust: Option<Adjust>,
) -> Option<(u32, u32)> {
    let range = range(stretch)?;
    let before = levels.get(&stretch.id);
    let was = hold_secs(range, before);
    let after = after_done(range, before, adjust);
    levels.insert(stretch.id.clone(), after);
    Some((was, after.hold_secs))
}

/// [`done`] on the levels of `state`, at `at`: when the stretch has a level, the time it changed
/// is marked ([`Marks::levels`](super::state::Marks)), for `[sync]` to tell the newest level.
pub fn done_at(
    state: &mut super::state::State,
    stretch: &Stretch,
    adjust: Option<Adjust>,
    at: chrono::DateTime<chrono::Utc>,
) -> Option<(u32, u32)> {
    let change = done(&mut state.levels, stretch, adjust)?;
    state.marks.levels.insert(stretch.id.clone(), at);
    Some(change)
}

/// What a Done answer with `adjust` did to a stretch's hold, for the user, as a clause to add
/// to the answer ([`Said::and`]): "next time hold 20 s (was 15 s)" when it changed; when easier
/// or harder was asked for but the hold is at its bound already, that it stays ("the hold stays
/// 15 s, the shortest it goes"); `None` when there is nothing to say.
pub fn adjust_note(change: Option<(u32, u32)>, adjust: Option<Adjust>) -> Option<Said> {
    let id = match (change, adjust) {
        (Some((was, now)), Some(Adjust::Easier)) if was == now => "reply-hold-shortest",
        (Some((was, now)), Some(Adjust::Harder)) if was == now => "reply-hold-longest",
        (Some((was, now)), _) if was != now => "reply-hold-next",
        _ => return None,
    };
    let (was, now) = change.unwrap_or_default();
    Some(Said::new(move |m| {
        m.fmt(id, &[("was", arg(was)), ("now", arg(now))])
    }))
}

/// The range of holds a stretch has a level in: its hold's, for a stretch held still.
pub fn range(stretch: &Stretch) -> Option<Span> {
    match stretch.dose {
        Dose::Hold { hold, .. } => Some(hold),
        Dose::Flow { .. } | Dose::Duration { .. } => None,
    }
}

/// `stretch` as done at `level`: a stretch held still holds for the level's length (the low end
/// of its range without a level); any other comes back as it is.
pub fn leveled(stretch: &Stretch, level: Option<&Level>) -> Stretch {
    let mut stretch = stretch.clone();
    if let Dose::Hold { hold, .. } = &mut stretch.dose {
        *hold = Span::secs(hold_secs(*hold, level));
    }
    stretch
}

#[cfg(test)]
mod tests {
    use super::*;

    const RANGE: Span = Span {
        min_secs: 15,
        max_secs: 30,
    };

    fn at(hold_secs: u32, done_in_row: u32) -> Level {
        Level {
            hold_secs,
            done_in_row,
        }
    }

    #[test]
    fn levels_after_answers() {
        let easier = Some(Adjust::Easier);
        let harder = Some(Adjust::Harder);
        // (level before, the answer's adjustment, level after)
        let table: [(Option<Level>, _, _); 16] = [
            (None, None, (15, 1)),
            (Some(at(15, 1)), None, (15, 2)),
            (Some(at(15, 2)), None, (20, 0)),
            (Some(at(25, 2)), None, (30, 0)),
            // At the top, plain Done answers no longer grow it.
            (Some(at(30, 2)), None, (30, 3)),
            (Some(at(30, 3)), None, (30, 3)),
            (Some(at(30, 3)), harder, (35, 0)),
            (Some(at(40, 0)), harder, (45, 0)),
            // Harder stops at the bound past the top.
            (Some(at(45, 0)), harder, (45, 0)),
            // Past the top, a plain Done keeps it there.
            (Some(at(35, 2)), None, (35, 3)),
            (None, harder, (20, 0)),
            (Some(at(20, 2)), easier, (15, 0)),
            (Some(at(15, 2)), easier, (15, 0)),
            (None, easier, (15, 0)),
            // A saved level outside the range (the config changed) is brought into it.
            (Some(at(5, 0)), None, (15, 1)),
            (Some(at(90, 0)), easier, (40, 0)),
        ];
        for (before, adjust, (hold_secs, done_in_row)) in table {
            let after = after_done(RANGE, before.as_ref(), adjust);
            assert_eq!(
                after,
                Level {
                    hold_secs,
                    done_in_row
                },
                "{before:?} with {adjust:?}"
            );
        }
    }

    #[test]
    fn three_plain_dones_grow_a_step_and_the_top_is_reached_in_three_steps() {
        let mut level = None;
        let mut holds = Vec::new();
        for _ in 0..12 {
            level = Some(after_done(RANGE, level.as_ref(), None));
            holds.push(hold_secs(RANGE, level.as_ref()));
        }
        assert_eq!(holds, [15, 15, 20, 20, 20, 25, 25, 25, 30, 30, 30, 30]);
    }

    #[test]
    fn a_range_that_is_not_a_whole_number_of_steps_stops_at_its_top() {
        let range = Span {
            min_secs: 15,
            max_secs: 22,
        };
        let after = after_done(range, Some(&at(20, 2)), None);
        assert_eq!(after.hold_secs, 22);
        // A single value grows only when asked.
        assert_eq!(after_done(Span::secs(20), None, None).hold_secs, 20);
        assert_eq!(
            after_done(Span::secs(20), None, Some(Adjust::Harder)).hold_secs,
            25
        );
    }

    #[test]
    fn done_keeps_the_level_in_the_map_and_notes_a_change() {
        let catalog = crate::catalog::Catalog::default();
        let mut levels = BTreeMap::new();
        let held = catalog
            .stretches
            .iter()
            .find(|s| range(s).is_some())
            .unwrap();
        let change = done(&mut levels, held, Some(Adjust::Harder));
        let low = range(held).unwrap().min_secs;
        assert_eq!(change, Some((low, low + STEP_SECS)));
        assert_eq!(levels[&held.id].hold_secs, low + STEP_SECS);
        let en = crate::i18n::Messages::english();
        let note = |change, adjust| adjust_note(change, adjust).map(|n| n.words(&en));
        assert_eq!(
            note(change, None).unwrap(),
            format!("next time hold {} s (was {low} s)", low + STEP_SECS)
        );
        assert_eq!(note(Some((20, 20)), None), None);
        assert_eq!(
            note(Some((15, 15)), Some(Adjust::Easier)).unwrap(),
            "the hold stays 15 s, the shortest it goes"
        );
        assert_eq!(
            note(Some((45, 45)), Some(Adjust::Harder)).unwrap(),
            "the hold stays 45 s, the longest it goes"
        );
        assert_eq!(note(Some((15, 15)), None), None);
        assert_eq!(
            note(Some((15, 20)), Some(Adjust::Harder)),
            note(Some((15, 20)), None)
        );
        if let Some(flow) = catalog.stretches.iter().find(|s| range(s).is_none()) {
            assert_eq!(done(&mut levels, flow, Some(Adjust::Harder)), None);
            assert!(!levels.contains_key(&flow.id));
        }
    }

    #[test]
    fn only_stretches_held_still_have_a_level() {
        let catalog = crate::catalog::Catalog::default();
        for s in &catalog.stretches {
            let shown = leveled(s, Some(&at(20, 0)));
            if let (Dose::Hold { hold, .. }, Dose::Hold { hold: now, .. }) = (&s.dose, &shown.dose)
            {
                assert_eq!(range(s), Some(*hold));
                assert_eq!(*now, Span::secs(20), "{}", s.id);
            } else {
                assert_eq!(range(s), None);
                assert_eq!(&shown, s, "{}", s.id);
            }
        }
        let twist = catalog.stretch("seated-twist").unwrap();
        assert_eq!(
            crate::i18n::Messages::english().stretch_title(&leveled(twist, None)),
            "Stretch: Seated twist, 15 s each side"
        );
    }
}
