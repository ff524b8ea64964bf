//! A custom `[[stretch]]`: its fields, its one dose (hold, flow or duration) and its area,
//! checked.

use toml::Spanned;

use super::{
    MAX_HOLD_SECS, MAX_PAUSE_SECS, MAX_REPS, Problem, RawFlow, RawStretch, S, position, problem,
    quoted, valid_id,
};
use crate::catalog::{Area, Dose, Sides, Span, Stretch};

/// A text the guide and the notifications show: a control character in it (an escape
/// sequence, a carriage return) would reach the terminal raw, so it is refused at `at`; a
/// line break or a tab (a multi-line TOML string) is fine.
fn plain_text<T>(at: &Spanned<T>, key: &str, text: &str) -> Result<(), Problem> {
    match text
        .chars()
        .find(|&c| c.is_control() && c != '\n' && c != '\t')
    {
        None => Ok(()),
        Some(c) => Err(problem(
            at,
            format!(
                "{key} holds the control character {}; write plain text (a new step is a new string in steps)",
                c.escape_unicode()
            ),
        )),
    }
}

impl RawStretch {
    /// The stretch this entry describes, or what is wrong with it and where.
    pub(super) fn validate(&self) -> Result<Stretch, Problem> {
        let id = self.id.get_ref();
        if self.steps.get_ref().is_empty() {
            return Err(problem(
                &self.steps,
                format!("stretch \"{id}\": steps is empty; list the steps in order"),
            ));
        }
        let field = |key: &str| format!("stretch \"{id}\": {key}");
        plain_text(&self.id, &field("name"), &self.name)?;
        plain_text(&self.id, &field("summary"), &self.summary)?;
        for step in self.steps.get_ref() {
            plain_text(&self.steps, &field("steps"), step)?;
        }
        let area = Area::parse(self.area.get_ref()).ok_or_else(|| {
            problem(
                &self.area,
                format!(
                    "stretch \"{id}\": area = \"{}\" is not an area (allowed: {})",
                    self.area.get_ref(),
                    quoted(Area::ALL.iter().map(|a| a.as_str()))
                ),
            )
        })?;
        let mut equipment = Vec::new();
        for e in &self.equipment {
            valid_id(e, "equipment")?;
            equipment.push(e.get_ref().clone());
        }
        Ok(Stretch {
            id: id.clone(),
            name: self.name.clone(),
            summary: self.summary.clone(),
            steps: self.steps.get_ref().clone(),
            dose: self.dose()?,
            area,
            position: position(&self.position, &format!("stretch \"{id}\": position"))?,
            equipment,
        })
    }

    /// The dose: exactly one of `hold` (with `reps` and `sides`), `flow` and `duration`.
    fn dose(&self) -> Result<Dose, Problem> {
        let id = self.id.get_ref();
        let mut given: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
        if let Some(h) = &self.hold {
            given.push(("hold", h.span()));
        }
        if let Some(f) = &self.flow {
            given.push(("flow", f.span()));
        }
        if let Some(d) = &self.duration {
            given.push(("duration", d.span()));
        }
        given.sort_by_key(|(_, span)| span.start);
        if let [(first, _), (second, span), ..] = given.as_slice() {
            return Err(Problem {
                span: span.clone(),
                message: format!(
                    "stretch \"{id}\": has both {first} and {second}; keep exactly one of hold, flow and duration"
                ),
            });
        }
        if self.hold.is_none() {
            let extra = [
                self.reps.as_ref().map(|r| ("reps", r.span())),
                self.sides.as_ref().map(|s| ("sides", s.span())),
            ];
            if let Some((key, span)) = extra.into_iter().flatten().min_by_key(|(_, s)| s.start) {
                return Err(Problem {
                    span,
                    message: format!(
                        "stretch \"{id}\": {key} only applies with hold = \"...\"; remove it (a flow counts its rounds in flow = {{ rounds = N, ... }}, a duration has none)"
                    ),
                });
            }
        }
        if let Some(hold) = &self.hold {
            Ok(Dose::Hold {
                hold: self.span(hold, "hold", "a hold time (examples: \"15-30s\", \"20s\")")?,
                reps: self.reps()?,
                sides: self.sides()?,
            })
        } else if let Some(flow) = &self.flow {
            self.flow(flow)
        } else if let Some(duration) = &self.duration {
            Ok(Dose::Duration {
                length: self.span(
                    duration,
                    "duration",
                    "a length of time (examples: \"2-3m\", \"90s\")",
                )?,
            })
        } else {
            Err(problem(
                &self.id,
                format!(
                    "stretch \"{id}\": has no dose; add one of hold = \"15-30s\" (with reps and sides), flow = {{ rounds = 8, pause = \"3s\" }} or duration = \"2m\""
                ),
            ))
        }
    }

    /// A length of time in `key`, at most [`MAX_HOLD_SECS`]; `what` names it for the error.
    fn span(&self, value: &S, key: &str, what: &str) -> Result<Span, Problem> {
        let id = self.id.get_ref();
        let span = Span::parse(value.get_ref()).ok_or_else(|| {
            problem(
                value,
                format!(
                    "stretch \"{id}\": {key} = \"{}\" is not {what}",
                    value.get_ref()
                ),
            )
        })?;
        if span.max_secs > MAX_HOLD_SECS {
            return Err(problem(
                value,
                format!(
                    "stretch \"{id}\": {key} = \"{}\" is too long; the limit is {MAX_HOLD_SECS} s",
                    value.get_ref()
                ),
            ));
        }
        Ok(span)
    }

    /// A count of repetitions (`reps`, or a flow's `rounds`): 1 to [`MAX_REPS`].
    fn count(&self, value: &Spanned<u32>, key: &str) -> Result<u32, Problem> {
        let id = self.id.get_ref();
        match *value.get_ref() {
            0 => Err(problem(
                value,
                format!("stretch \"{id}\": {key} must be at least 1"),
            )),
            n if n > MAX_REPS => Err(problem(
                value,
                format!("stretch \"{id}\": {key} = {n} is too many; the limit is {MAX_REPS}"),
            )),
            n => Ok(n),
        }
    }

    /// `reps`, 1 by default.
    fn reps(&self) -> Result<u32, Problem> {
        self.reps.as_ref().map_or(Ok(1), |r| self.count(r, "reps"))
    }

    /// `sides`, "one" by default.
    fn sides(&self) -> Result<Sides, Problem> {
        let Some(sides) = &self.sides else {
            return Ok(Sides::One);
        };
        Sides::parse(sides.get_ref()).ok_or_else(|| {
            problem(
                sides,
                format!(
                    "stretch \"{id}\": sides = \"{}\" is not allowed (allowed: \"one\", \"both\")",
                    sides.get_ref(),
                    id = self.id.get_ref()
                ),
            )
        })
    }

    /// A flow: 1 to [`MAX_REPS`] rounds, a single pause of 1 to [`MAX_PAUSE_SECS`] seconds, and
    /// two named shapes.
    fn flow(&self, flow: &Spanned<RawFlow>) -> Result<Dose, Problem> {
        let id = self.id.get_ref();
        let flow = flow.get_ref();
        let rounds = self.count(&flow.rounds, "flow: rounds")?;
        let pause = self.span(&flow.pause, "flow: pause", "a pause (example: \"3s\")")?;
        if pause.min_secs != pause.max_secs || pause.max_secs > MAX_PAUSE_SECS {
            return Err(problem(
                &flow.pause,
                format!(
                    "stretch \"{id}\": flow: pause = \"{}\" must be one length of at most {MAX_PAUSE_SECS} s, such as \"3s\"",
                    flow.pause.get_ref()
                ),
            ));
        }
        for shape in flow.shapes.get_ref() {
            plain_text(
                &flow.shapes,
                &format!("stretch \"{id}\": flow: shapes"),
                shape,
            )?;
        }
        let shapes = match flow.shapes.get_ref().as_slice() {
            [first, second] if !first.trim().is_empty() && !second.trim().is_empty() => {
                [first.clone(), second.clone()]
            }
            _ => {
                return Err(problem(
                    &flow.shapes,
                    format!(
                        "stretch \"{id}\": flow: shapes must name the two shapes, the one to breathe out into first (e.g. shapes = [\"back rounded\", \"back arched\"])"
                    ),
                ));
            }
        };
        Ok(Dose::Flow {
            rounds,
            pause_secs: pause.max_secs,
            shapes,
        })
    }
}
