//! The routine of a guided stretch: its heading, its steps, the switch of sides and the timed
//! holds, as lines to print; and a session's: the warm-up, then each stretch's routine under a
//! heading.

use std::fmt::Write as _;

use anyhow::bail;

use crate::catalog::{Dose, Sides, Span, Stretch, WARM_UP_SECS, session_secs};
use crate::i18n::{arg, cli, list};

/// Which side a hold of a two-sided stretch is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The side the steps describe.
    First,
    /// The other one.
    Other,
}

/// Which breath moves a flow into one of its shapes: out into the first, in into the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breath {
    /// Breathing out (into the first shape, such as the rounded cat).
    Out,
    /// Breathing in (into the second shape, such as the arched camel).
    In,
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
    /// A timed pause in one shape of a flow, reached on a breath.
    Shape {
        /// How long the pause lasts, in seconds.
        secs: u32,
        /// The breath that moves into it.
        breath: Breath,
        /// The shape's name (`cat (back rounded)`).
        shape: String,
        /// Which round, from 1.
        round: u32,
        /// How many rounds.
        rounds: u32,
    },
    /// The one timed stretch of a duration dose (keep rolling).
    Keep {
        /// How long, in seconds.
        secs: u32,
    },
    /// A session's warm-up: timed, and skipped by Enter (already warmed up).
    WarmUp {
        /// How long, in seconds.
        secs: u32,
    },
    /// The start of one stretch of a session: its number and title, then its dose.
    Next {
        /// Which stretch, from 1.
        number: usize,
        /// How many the session has.
        of: usize,
        /// The stretch's title.
        title: String,
        /// Its dose, in a sentence.
        dose: String,
    },
}

impl Part {
    /// The line that shows this part (for a timed part, without the "... done" that ends it).
    pub fn line(&self) -> String {
        let m = cli();
        match self {
            Part::Step { number, text } => format!("{number:>2}. {text}"),
            Part::OtherSide => m.get("guide-other-side"),
            Part::Hold {
                secs,
                rep,
                reps,
                side,
            } => {
                let id = match (side, *reps > 1) {
                    (None, false) => "guide-hold",
                    (None, true) => "guide-hold-rep",
                    (Some(Side::First), false) => "guide-hold-first",
                    (Some(Side::First), true) => "guide-hold-first-rep",
                    (Some(Side::Other), false) => "guide-hold-other",
                    (Some(Side::Other), true) => "guide-hold-other-rep",
                };
                let args = [
                    ("secs", arg(*secs)),
                    ("rep", arg(*rep)),
                    ("reps", arg(*reps)),
                ];
                format!("    {}", m.fmt(id, &args))
            }
            Part::Shape {
                secs,
                breath,
                shape,
                round,
                rounds,
            } => {
                let id = match breath {
                    Breath::Out => "guide-breathe-out",
                    Breath::In => "guide-breathe-in",
                };
                let args = [
                    ("shape", arg(shape.as_str())),
                    ("secs", arg(*secs)),
                    ("round", arg(*round)),
                    ("rounds", arg(*rounds)),
                ];
                format!("    {}", m.fmt(id, &args))
            }
            Part::Keep { secs } => {
                let length = length(u64::from(*secs));
                format!("    {}", m.fmt("guide-keep", &[("length", arg(length))]))
            }
            Part::WarmUp { secs } => {
                let length = length(u64::from(*secs));
                format!("    {}", m.fmt("guide-warm-up", &[("length", arg(length))]))
            }
            Part::Next {
                number,
                of,
                title,
                dose,
            } => format!("[{number}/{of}] {title}\n{dose}"),
        }
    }

    /// Whether a blank line goes before it: the switch of sides and the next stretch of a
    /// session.
    pub fn opens_section(&self) -> bool {
        matches!(self, Part::OtherSide | Part::Next { .. })
    }

    /// How long a timed part lasts, in seconds; `None` for a part that is only read.
    pub fn secs(&self) -> Option<u32> {
        match self {
            Part::Hold { secs, .. }
            | Part::Shape { secs, .. }
            | Part::Keep { secs }
            | Part::WarmUp { secs } => Some(*secs),
            Part::Step { .. } | Part::OtherSide | Part::Next { .. } => None,
        }
    }
}

/// The routine for `stretch` timed by `dose` (the stretch's own, or one the options changed):
/// its steps, then each timed part at the dose's longest.
pub fn routine(stretch: &Stretch, dose: &Dose) -> Vec<Part> {
    let m = cli();
    let steps: Vec<Part> = (1..)
        .zip(m.stretch_steps(stretch))
        .map(|(number, text)| Part::Step {
            number,
            text: text.into_owned(),
        })
        .collect();
    match dose {
        Dose::Hold { hold, reps, sides } => {
            let holds = |side| {
                (1..=*reps).map(move |rep| Part::Hold {
                    secs: hold.max_secs,
                    rep,
                    reps: *reps,
                    side,
                })
            };
            match sides {
                Sides::One => steps.into_iter().chain(holds(None)).collect(),
                Sides::Both => {
                    // A last step that switches sides is shown at the switch (as the
                    // catalogue's own text says: English for the built-in stretches).
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
        Dose::Flow {
            rounds, pause_secs, ..
        } => {
            let shapes = m.flow_shapes(stretch);
            let paced = (1..=*rounds).flat_map(|round| {
                [Breath::Out, Breath::In]
                    .into_iter()
                    .zip(shapes.clone())
                    .map(move |(breath, shape)| Part::Shape {
                        secs: *pause_secs,
                        breath,
                        shape: shape.clone(),
                        round,
                        rounds: *rounds,
                    })
            });
            steps.into_iter().chain(paced).collect()
        }
        Dose::Duration { length } => {
            let keep = Part::Keep {
                secs: length.max_secs,
            };
            steps.into_iter().chain([keep]).collect()
        }
    }
}

/// A session's routine: the warm-up (unless `warm_up` is false), then for each stretch its
/// heading ([`Part::Next`]) and its [`routine`] at its own dose.
pub fn session(stretches: &[&Stretch], warm_up: bool) -> Vec<Part> {
    let of = stretches.len();
    let warm = warm_up.then_some(Part::WarmUp { secs: WARM_UP_SECS });
    let each = (1..).zip(stretches).flat_map(|(number, s)| {
        let next = Part::Next {
            number,
            of,
            title: cli().stretch_title(s),
            dose: cli().dose(s),
        };
        std::iter::once(next).chain(routine(s, &s.dose))
    });
    warm.into_iter().chain(each).collect()
}

/// What is printed before a session: its title, the warm-up, how long it takes as timed, and
/// with `safety` the safety notice.
pub(super) fn session_heading(stretches: &[&Stretch], warm_up: bool, safety: bool) -> String {
    let m = cli();
    let mut head = format!("{}\n", m.session_title(stretches));
    if warm_up {
        head.push_str(&m.warm_up());
    } else {
        head.push_str(&m.get("guide-no-warm-up"));
    }
    let names: Vec<_> = stretches.iter().map(|s| m.stretch_name(s)).collect();
    let about = m.about_minutes(session_secs(stretches, warm_up));
    let then = m.fmt(
        "guide-session-then",
        &[
            ("count", arg(names.len())),
            ("stretches", arg(list(m, &names))),
        ],
    );
    let timed = m.fmt("guide-session-timed", &[("about", arg(about))]);
    let _ = write!(head, "\n{then}\n{timed}\n");
    if safety {
        push_safety(&mut head);
    }
    head
}

/// The safety notice under its heading, after a blank line.
fn push_safety(head: &mut String) {
    let m = cli();
    let _ = write!(
        head,
        "\n{}\n{}\n",
        m.get("guide-before-you-start"),
        m.safety_notice()
    );
}

/// The dose the guide times: `dose` with its timed parts lasting `secs` (`--hold`: each hold,
/// each pause of a flow, or the whole of a duration) and `reps` repetitions (`--reps`: holds on
/// each side, or rounds of a flow); without them, the dose at its longest. A duration has no
/// repetitions, so `reps` is refused there.
pub(super) fn timed(dose: &Dose, secs: Option<u32>, reps: Option<u32>) -> anyhow::Result<Dose> {
    Ok(match dose {
        Dose::Hold {
            hold,
            reps: own,
            sides,
        } => Dose::Hold {
            hold: Span::secs(secs.unwrap_or(hold.max_secs)),
            reps: reps.unwrap_or(*own),
            sides: *sides,
        },
        Dose::Flow {
            rounds,
            pause_secs,
            shapes,
        } => Dose::Flow {
            rounds: reps.unwrap_or(*rounds),
            pause_secs: secs.unwrap_or(*pause_secs),
            shapes: shapes.clone(),
        },
        Dose::Duration { length } => {
            if reps.is_some() {
                bail!(
                    "{}",
                    cli().fmt("guide-no-reps", &[("length", arg(cli().span(*length)))])
                );
            }
            Dose::Duration {
                length: Span::secs(secs.unwrap_or(length.max_secs)),
            }
        }
    })
}

/// What is printed before the routine: title, summary, the stretch's dose, the timing of
/// `timed` (the dose the routine times), where the choice came from (`why`), and with `safety`
/// the safety notice.
pub(super) fn heading(stretch: &Stretch, timed: &Dose, why: Option<&str>, safety: bool) -> String {
    let m = cli();
    let mut head = format!("{}\n", m.stretch_title(stretch));
    let summary = m.stretch_summary(stretch);
    if !summary.is_empty() {
        head.push_str(&summary);
        head.push('\n');
    }
    head.push_str(&m.dose(stretch));
    head.push('\n');
    head.push_str(&timing(timed));
    head.push('\n');
    // A desk stretch says it is one; any other belongs to the session, after a warm-up.
    head.push_str(&if stretch.desk_friendly() {
        m.desk_note()
    } else {
        m.warm_up()
    });
    head.push('\n');
    if let Some(why) = why {
        head.push_str(why);
        head.push('\n');
    }
    if safety {
        push_safety(&mut head);
    }
    head
}

/// What the guide times, e.g. "Timed: 2 holds of 30 s on each side, 2 min in all.", "Timed: 8
/// rounds of 3 s in each shape, 48 s in all." or "Timed: 3 min in one go."
fn timing(dose: &Dose) -> String {
    let m = cli();
    let total = arg(length(dose.longest_secs()));
    match dose {
        Dose::Hold { hold, reps, sides } => {
            let id = match sides {
                Sides::One => "guide-timed-holds",
                Sides::Both => "guide-timed-holds-sides",
            };
            let args = [
                ("holds", arg(*reps)),
                ("secs", arg(hold.max_secs)),
                ("total", total),
            ];
            m.fmt(id, &args)
        }
        Dose::Flow {
            rounds, pause_secs, ..
        } => {
            let args = [
                ("rounds", arg(*rounds)),
                ("secs", arg(*pause_secs)),
                ("total", total),
            ];
            m.fmt("guide-timed-flow", &args)
        }
        Dose::Duration { .. } => m.fmt("guide-timed-duration", &[("total", total)]),
    }
}

/// A number of seconds as "45 s", "2 min" or "1 min 30 s".
fn length(secs: u64) -> String {
    let m = cli();
    let args = [("min", arg(secs / 60)), ("secs", arg(secs % 60))];
    match (secs / 60, secs % 60) {
        (0, _) => m.fmt("length-secs", &args),
        (_, 0) => m.fmt("length-mins", &args),
        _ => m.fmt("length-mins-secs", &args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn lines(parts: &[Part]) -> Vec<String> {
        parts.iter().map(Part::line).collect()
    }

    /// The routine of the built-in `id`, timed with `--hold secs --reps reps`.
    fn guided(id: &str, secs: u32, reps: u32) -> Vec<Part> {
        let catalog = Catalog::default();
        let s = catalog.stretch(id).unwrap();
        routine(s, &timed(&s.dose, Some(secs), Some(reps)).unwrap())
    }

    #[test]
    fn a_one_sided_stretch_is_its_steps_then_its_holds() {
        let catalog = Catalog::default();
        let s = catalog.stretch("thoracic-extension").unwrap();
        let parts = guided(&s.id, 30, 3);
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
        assert_eq!(lines(&guided(&s.id, 5, 1)).last().unwrap(), "    Hold 5 s");
        // Without options: the stretch's own repetitions, at its longest hold.
        let own = routine(s, &timed(&s.dose, None, None).unwrap());
        assert_eq!(own, parts);
    }

    #[test]
    fn a_two_sided_stretch_switches_sides_at_its_last_step() {
        let catalog = Catalog::default();
        let s = catalog.stretch("seated-twist").unwrap();
        let parts = guided(&s.id, 30, 2);
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
        // The article's dose: one 30 s hold on each side.
        let own = routine(s, &timed(&s.dose, None, None).unwrap());
        assert_eq!(
            lines(&own[n - 1..]),
            [
                "    Hold 30 s (first side)".to_owned(),
                "Now the other side.".to_owned(),
                format!("{n:>2}. {}", s.steps[n - 1]),
                "    Hold 30 s (other side)".to_owned(),
            ]
        );
    }

    #[test]
    fn a_two_sided_stretch_without_a_switch_step_keeps_all_steps_first() {
        let mut s = Catalog::default().stretch("seated-twist").unwrap().clone();
        s.steps = vec!["Turn.".into(), "Breathe.".into()];
        assert_eq!(
            lines(&routine(&s, &timed(&s.dose, Some(10), None).unwrap())),
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
    fn a_flow_is_paced_round_by_round_breathing_out_then_in() {
        let catalog = Catalog::default();
        let s = catalog.stretch("cat-camel").unwrap();
        let parts = routine(s, &timed(&s.dose, None, None).unwrap());
        let n = s.steps.len();
        assert_eq!(parts.len(), n + 16);
        assert_eq!(
            lines(&parts[n..n + 3]),
            [
                "    Breathe out into cat (back rounded), 3 s (round 1 of 8)",
                "    Breathe in into camel (back arched), 3 s (round 1 of 8)",
                "    Breathe out into cat (back rounded), 3 s (round 2 of 8)",
            ]
        );
        assert_eq!(
            parts.last().unwrap().line(),
            "    Breathe in into camel (back arched), 3 s (round 8 of 8)"
        );
        assert!(parts[n..].iter().all(|p| p.secs() == Some(3)));
        assert!(parts[..n].iter().all(|p| p.secs().is_none()));
        // --hold times each pause, --reps counts the rounds.
        assert_eq!(
            lines(&guided("cat-camel", 1, 1)[n..]),
            [
                "    Breathe out into cat (back rounded), 1 s (round 1 of 1)",
                "    Breathe in into camel (back arched), 1 s (round 1 of 1)",
            ]
        );
    }

    #[test]
    fn a_duration_is_one_countdown_of_its_length() {
        let catalog = Catalog::default();
        let s = catalog.stretch("foam-rolling").unwrap();
        let parts = routine(s, &timed(&s.dose, None, None).unwrap());
        assert_eq!(parts.len(), s.steps.len() + 1);
        assert_eq!(parts.last().unwrap().line(), "    Keep going for 3 min");
        assert_eq!(parts.last().unwrap().secs(), Some(180));
        let short = timed(&s.dose, Some(5), None).unwrap();
        assert_eq!(
            routine(s, &short).last().unwrap().line(),
            "    Keep going for 5 s"
        );
        let err = timed(&s.dose, None, Some(2)).unwrap_err().to_string();
        assert!(err.starts_with("--reps does not apply"), "{err}");
    }

    #[test]
    fn timing_adds_up_the_timed_parts() {
        let catalog = Catalog::default();
        let timing_of = |id: &str, secs, reps| {
            let s = catalog.stretch(id).unwrap();
            timing(&timed(&s.dose, secs, reps).unwrap())
        };
        assert_eq!(
            timing_of("seated-twist", Some(30), Some(2)),
            "Timed: 2 holds of 30 s on each side, 2 min in all."
        );
        assert_eq!(
            timing_of("thoracic-extension", None, None),
            "Timed: 3 holds of 30 s, 1 min 30 s in all."
        );
        assert_eq!(
            timing_of("thoracic-extension", Some(20), Some(1)),
            "Timed: 1 hold of 20 s, 20 s in all."
        );
        assert_eq!(
            timing_of("cat-camel", None, None),
            "Timed: 8 rounds of 3 s in each shape, 48 s in all."
        );
        assert_eq!(
            timing_of("foam-rolling", None, None),
            "Timed: 3 min in one go."
        );
    }
}
