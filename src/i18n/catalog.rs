//! The catalogue in the language spoken: the built-in stretches and posture checks by their
//! message ids ([`crate::catalog::ids`]), the user's own as written; doses, lengths of time and
//! titles as whole messages with placeholders.

use std::borrow::Cow;

use super::{Messages, arg};
use crate::catalog::{
    Area, Dose, Position, Posture, Sides, Span, Stretch, ids, is_builtin_posture,
    is_builtin_stretch, session_secs,
};

impl Messages {
    /// `own` (the text the catalogue holds: the user's, or the English built-in text), or
    /// message `id` when the item is built in and the language is not English.
    fn builtin<'a>(
        &self,
        builtin: bool,
        id: impl FnOnce() -> String,
        own: &'a str,
    ) -> Cow<'a, str> {
        if builtin && !self.lang().is_english() {
            Cow::Owned(self.get(&id()))
        } else {
            Cow::Borrowed(own)
        }
    }

    /// A stretch's name.
    pub fn stretch_name<'a>(&self, s: &'a Stretch) -> Cow<'a, str> {
        let builtin = is_builtin_stretch(&s.id);
        self.builtin(builtin, || ids::stretch(&s.id, "name"), &s.name)
    }

    /// A stretch's summary.
    pub fn stretch_summary<'a>(&self, s: &'a Stretch) -> Cow<'a, str> {
        let builtin = is_builtin_stretch(&s.id);
        self.builtin(builtin, || ids::stretch(&s.id, "summary"), &s.summary)
    }

    /// A stretch's steps, in order.
    pub fn stretch_steps<'a>(&self, s: &'a Stretch) -> Vec<Cow<'a, str>> {
        let builtin = is_builtin_stretch(&s.id);
        (1..)
            .zip(&s.steps)
            .map(|(n, step)| self.builtin(builtin, || ids::step(&s.id, n), step))
            .collect()
    }

    /// A posture check's name.
    pub fn posture_name<'a>(&self, p: &'a Posture) -> Cow<'a, str> {
        let builtin = is_builtin_posture(&p.id);
        self.builtin(builtin, || ids::posture(&p.id, "name"), &p.name)
    }

    /// What a posture check asks.
    pub fn posture_text<'a>(&self, p: &'a Posture) -> Cow<'a, str> {
        let builtin = is_builtin_posture(&p.id);
        self.builtin(builtin, || ids::posture(&p.id, "text"), &p.text)
    }

    /// The safety notice, a few lines.
    pub fn safety_notice(&self) -> String {
        self.get(ids::SAFETY_NOTICE)
    }

    /// What the session's warm-up is, in one line.
    pub fn warm_up(&self) -> String {
        self.get(ids::WARM_UP)
    }

    /// The line a desk stretch carries.
    pub fn desk_note(&self) -> String {
        self.get(ids::DESK_NOTE)
    }

    /// An area as it reads in a sentence: "mid-back rotation".
    pub fn area(&self, area: Area) -> String {
        self.get(&ids::area(area))
    }

    /// A position as a word: "chair".
    pub fn position(&self, position: Position) -> String {
        self.get(&ids::position(position))
    }

    /// A piece of equipment: the built-in ones in words, the user's own as written.
    pub fn equipment<'a>(&self, equipment: &'a str) -> Cow<'a, str> {
        let id = ids::equipment(equipment);
        if crate::catalog::builtin_text(&id).is_empty() {
            Cow::Borrowed(equipment)
        } else {
            Cow::Owned(self.get(&id))
        }
    }

    /// A length of time: "15-30 s", "20 s", "2-3 min", "2 min" (minutes when both ends are
    /// whole minutes).
    pub fn span(&self, span: Span) -> String {
        let minutes = span.min_secs.is_multiple_of(60) && span.max_secs.is_multiple_of(60);
        let (min, max) = if minutes {
            (span.min_secs / 60, span.max_secs / 60)
        } else {
            (span.min_secs, span.max_secs)
        };
        let id = match (minutes, min == max) {
            (false, true) => "span-secs",
            (false, false) => "span-secs-range",
            (true, true) => "span-mins",
            (true, false) => "span-mins-range",
        };
        self.fmt(id, &[("min", arg(min)), ("max", arg(max))])
    }

    /// The two shapes of a stretch that flows between them ("" for any other).
    pub fn flow_shapes(&self, s: &Stretch) -> [String; 2] {
        match &s.dose {
            Dose::Flow { shapes, .. } => self.shapes(s, shapes).map(Cow::into_owned),
            _ => [String::new(), String::new()],
        }
    }

    /// A flow's two shapes.
    fn shapes<'a>(&self, s: &'a Stretch, shapes: &'a [String; 2]) -> [Cow<'a, str>; 2] {
        let builtin = is_builtin_stretch(&s.id);
        let [first, second] = shapes;
        [
            self.builtin(builtin, || ids::shape(&s.id, 1), first),
            self.builtin(builtin, || ids::shape(&s.id, 2), second),
        ]
    }

    /// The short form of a stretch's dose for a title: "15-30 s each side", "8 slow rounds",
    /// "2-3 min".
    pub fn dose_brief(&self, s: &Stretch) -> String {
        match &s.dose {
            Dose::Hold { hold, sides, .. } => {
                let id = match sides {
                    Sides::One => "dose-brief-hold",
                    Sides::Both => "dose-brief-hold-sides",
                };
                self.fmt(id, &[("hold", arg(self.span(*hold)))])
            }
            Dose::Flow { rounds, .. } => self.fmt("dose-brief-flow", &[("rounds", arg(*rounds))]),
            Dose::Duration { length } => self.span(*length),
        }
    }

    /// One sentence on how much of a stretch to do: "Hold 15-30 s, 3 times.", "Keep going for
    /// 2-3 min; there is nothing to hold."
    pub fn dose(&self, s: &Stretch) -> String {
        match &s.dose {
            Dose::Hold { hold, reps, sides } => {
                let id = match sides {
                    Sides::One => "dose-hold",
                    Sides::Both => "dose-hold-sides",
                };
                self.fmt(id, &[("hold", arg(self.span(*hold))), ("reps", arg(*reps))])
            }
            Dose::Flow {
                rounds,
                pause_secs,
                shapes,
            } => {
                let [first, second] = self.shapes(s, shapes);
                self.fmt(
                    "dose-flow",
                    &[
                        ("rounds", arg(*rounds)),
                        ("first", arg(first.into_owned())),
                        ("second", arg(second.into_owned())),
                        ("pause", arg(*pause_secs)),
                    ],
                )
            }
            Dose::Duration { length } => {
                self.fmt("dose-duration", &[("length", arg(self.span(*length)))])
            }
        }
    }

    /// A stretch reminder's title: "Stretch: Seated twist, 15-30 s each side".
    pub fn stretch_title(&self, s: &Stretch) -> String {
        self.fmt(
            "title-stretch",
            &[
                ("name", arg(self.stretch_name(s).into_owned())),
                ("dose", arg(self.dose_brief(s))),
            ],
        )
    }

    /// A posture check's title: "Posture check: Shoulders down and back".
    pub fn posture_title(&self, p: &Posture) -> String {
        self.fmt(
            "title-posture",
            &[("name", arg(self.posture_name(p).into_owned()))],
        )
    }

    /// `secs` as whole minutes, rounded up: "about 12 min".
    pub fn about_minutes(&self, secs: u64) -> String {
        let minutes = secs.div_ceil(60).max(1);
        self.fmt("about-minutes", &[("minutes", arg(minutes))])
    }

    /// A session's title: "Stretch session: warm-up and 4 stretches, about 11 min".
    pub fn session_title(&self, stretches: &[&Stretch]) -> String {
        let about = self.about_minutes(session_secs(stretches, true));
        self.fmt(
            "title-session",
            &[("count", arg(stretches.len())), ("about", arg(about))],
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::{Catalog, Span};
    use crate::i18n::Messages;

    #[test]
    fn each_dose_has_its_own_title_and_sentence() {
        let c = Catalog::default();
        let en = Messages::english();
        let shown = |id: &str| {
            let s = c.stretch(id).unwrap();
            (en.stretch_title(s), en.dose(s), s.dose.longest_secs())
        };
        assert_eq!(
            shown("cat-camel"),
            (
                "Stretch: Cat-camel, 8 slow rounds".into(),
                "8 slow rounds between cat (back rounded) and camel (back arched), pausing 3 s \
                 in each."
                    .into(),
                48
            )
        );
        assert_eq!(
            shown("thoracic-extension"),
            (
                "Stretch: Thoracic extension, 15-30 s".into(),
                "Hold 15-30 s, 3 times.".into(),
                90
            )
        );
        assert_eq!(
            shown("seated-twist"),
            (
                "Stretch: Seated twist, 15-30 s each side".into(),
                "Hold 15-30 s, once on each side.".into(),
                60
            )
        );
        assert_eq!(
            shown("foam-rolling"),
            (
                "Stretch: Upper-back foam rolling, 2-3 min".into(),
                "Keep going for 2-3 min; there is nothing to hold.".into(),
                180
            )
        );
    }

    #[test]
    fn spans_read_in_seconds_or_whole_minutes() {
        let en = Messages::english();
        let shown = |s: &str| en.span(Span::parse(s).unwrap());
        assert_eq!(shown("15 - 30 s"), "15-30 s");
        assert_eq!(shown("20s"), "20 s");
        assert_eq!(shown("2-3m"), "2-3 min");
        assert_eq!(shown("90s"), "90 s");
        assert_eq!(shown("120s"), "2 min");
    }

    #[test]
    fn sessions_count_their_stretches_and_minutes() {
        let en = Messages::english();
        assert_eq!(en.about_minutes(61), "about 2 min");
        assert_eq!(en.about_minutes(0), "about 1 min");
        let c = Catalog::default();
        let one = [c.stretch("seated-twist").unwrap()];
        assert_eq!(
            en.session_title(&one),
            "Stretch session: warm-up and 1 stretch, about 6 min"
        );
    }
}
