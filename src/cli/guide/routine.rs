//! The routine of a guided stretch: its heading, its steps, the switch of sides and the timed
//! holds, as lines to print.

use crate::catalog::{Dose, SAFETY_NOTICE, Sides, Stretch};

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
    let sides = match stretch.dose {
        Dose::Hold { sides, .. } => sides,
        _ => Sides::One,
    };
    match sides {
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

/// What is printed before the routine: title, summary, dose, timing, where the choice came from
/// (`why`), and with `safety` the safety notice.
pub(super) fn heading(
    stretch: &Stretch,
    secs: u32,
    reps: u32,
    why: Option<&str>,
    safety: bool,
) -> String {
    let mut head = format!("{}\n", stretch.title());
    if !stretch.summary.is_empty() {
        head.push_str(&stretch.summary);
        head.push('\n');
    }
    head.push_str(&stretch.dose.describe());
    head.push('\n');
    let sides = match stretch.dose {
        Dose::Hold { sides, .. } => sides,
        _ => Sides::One,
    };
    head.push_str(&timing(sides, secs, reps));
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
    head
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
}
