//! The catalogue: built-in mid-back stretches, posture checks and the safety notice, plus the
//! user's own additions from the config, and the rotation that picks what to suggest next.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::Serialize;

mod builtin;
mod session;

pub use builtin::{
    english as builtin_text, ids, is_builtin_posture, is_builtin_stretch, safety_notice,
};
pub use session::{SESSION_ITEM, WARM_UP_SECS, session_secs};

/// Where a stretch is done; the config lists the positions that are fine at the user's desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Sitting on a chair or stool.
    Chair,
    /// On hands and knees or lying on the floor.
    Floor,
    /// Standing up.
    Standing,
}

impl Position {
    /// Every position, in the order the config documents them.
    pub const ALL: [Position; 3] = [Position::Chair, Position::Floor, Position::Standing];

    /// The config spelling (`"chair"`, `"floor"`, `"standing"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Position::Chair => "chair",
            Position::Floor => "floor",
            Position::Standing => "standing",
        }
    }

    /// Parses the config spelling.
    pub fn parse(s: &str) -> Option<Position> {
        Position::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a stretch is done once, or once on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sides {
    /// Symmetric: done once.
    One,
    /// Done on the left and then on the right.
    Both,
}

impl Sides {
    /// Parses the config spelling (`"one"` or `"both"`).
    pub fn parse(s: &str) -> Option<Sides> {
        match s {
            "one" => Some(Sides::One),
            "both" => Some(Sides::Both),
            _ => None,
        }
    }
}

/// A length of time in whole seconds: one value or a range (a hold of 15-30 s, rolling for
/// 2-3 min).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Shortest, in seconds.
    pub min_secs: u32,
    /// Longest, in seconds (equal to `min_secs` for a single value).
    pub max_secs: u32,
}

impl Span {
    /// A single value of `secs` seconds.
    pub fn secs(secs: u32) -> Span {
        Span {
            min_secs: secs,
            max_secs: secs,
        }
    }

    /// Parses seconds (`"15-30s"`, `"15-30 s"`, `"20s"`) or minutes (`"2-3m"`, `"2-3 min"`,
    /// `"2m"`). Returns `None` for anything else, for zero, for a range that runs backwards, and
    /// for a value that does not fit in seconds.
    pub fn parse(s: &str) -> Option<Span> {
        let s = s.trim();
        let (digits, unit) = if let Some(d) = s.strip_suffix("min").or(s.strip_suffix('m')) {
            (d, 60)
        } else {
            (s.strip_suffix('s')?, 1)
        };
        let digits = digits.trim_end();
        let number = |t: &str| t.trim().parse::<u32>().ok()?.checked_mul(unit);
        let (min, max) = if let Some((a, b)) = digits.split_once('-') {
            (number(a)?, number(b)?)
        } else {
            let v = number(digits)?;
            (v, v)
        };
        (min > 0 && min <= max).then_some(Span {
            min_secs: min,
            max_secs: max,
        })
    }
}

impl fmt::Display for Span {
    /// `15-30 s`, `20 s`; in minutes when both ends are whole minutes: `2-3 min`, `2 min`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (min, max, unit) =
            if self.min_secs.is_multiple_of(60) && self.max_secs.is_multiple_of(60) {
                (self.min_secs / 60, self.max_secs / 60, "min")
            } else {
                (self.min_secs, self.max_secs, "s")
            };
        if min == max {
            write!(f, "{min} {unit}")
        } else {
            write!(f, "{min}-{max} {unit}")
        }
    }
}

/// How much of a stretch to do: its shape, one of three.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Dose {
    /// Stay still in one position for `hold`, `reps` times (on each side when `sides` is
    /// [`Sides::Both`]).
    Hold {
        /// How long each hold lasts.
        hold: Span,
        /// How many holds (per side for a two-sided stretch).
        reps: u32,
        /// Once, or on each side.
        sides: Sides,
    },
    /// Move slowly back and forth between two shapes, `rounds` times, pausing `pause_secs` in
    /// each: breathing out into the first shape and in into the second.
    Flow {
        /// How many rounds (one round is both shapes).
        rounds: u32,
        /// The pause at each end, in seconds.
        pause_secs: u32,
        /// The two shapes, as short names (`cat (back rounded)`).
        shapes: [String; 2],
    },
    /// Keep at it for a length of time, with nothing to hold (foam rolling).
    Duration {
        /// How long in all.
        length: Span,
    },
}

impl Dose {
    /// The longest it takes, in seconds: every hold at its longest (on both sides), every pause
    /// of a flow, or the longest duration. Moving between positions is not counted.
    pub fn longest_secs(&self) -> u64 {
        match self {
            Dose::Hold { hold, reps, sides } => {
                let sides = match sides {
                    Sides::One => 1,
                    Sides::Both => 2,
                };
                u64::from(hold.max_secs) * u64::from(*reps) * sides
            }
            Dose::Flow {
                rounds, pause_secs, ..
            } => 2 * u64::from(*rounds) * u64::from(*pause_secs),
            Dose::Duration { length } => u64::from(length.max_secs),
        }
    }
}

/// The part of the back a stretch works, for swapping one stretch for another that works the
/// same part. The order is a line of neighbours: the nearest area to one is the next one along.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Turning the mid back (rotation).
    Rotation,
    /// The upper back and the shoulders.
    UpperBack,
    /// The muscles and soft tissue along the upper and mid back.
    SoftTissue,
    /// Rounding and arching the mid back (flexion and extension).
    Bending,
}

impl Area {
    /// Every area, in their order of neighbours.
    pub const ALL: [Area; 4] = [
        Area::Rotation,
        Area::UpperBack,
        Area::SoftTissue,
        Area::Bending,
    ];

    /// The config spelling (`"rotation"`, `"upper_back"`, `"soft_tissue"`, `"bending"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Rotation => "rotation",
            Area::UpperBack => "upper_back",
            Area::SoftTissue => "soft_tissue",
            Area::Bending => "bending",
        }
    }

    /// Parses the config spelling.
    pub fn parse(s: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// How many steps apart two areas are along the line of neighbours.
    fn distance(self, other: Area) -> usize {
        (self as usize).abs_diff(other as usize)
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One stretch, built in or from the user's config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stretch {
    /// Stable identifier (`seated-twist`), used in the config and history.
    pub id: String,
    /// Human name (`Seated twist`).
    pub name: String,
    /// What it does, in one sentence.
    pub summary: String,
    /// The steps, in order, without numbers.
    pub steps: Vec<String>,
    /// How much to do.
    pub dose: Dose,
    /// The part of the back it works.
    pub area: Area,
    /// Where it is done.
    pub position: Position,
    /// Equipment it needs (`foam_roller`); empty for none.
    pub equipment: Vec<String>,
}

impl Stretch {
    /// Whether it can be done at a desk: sitting or standing, with no equipment.
    pub fn desk_friendly(&self) -> bool {
        matches!(self.position, Position::Chair | Position::Standing) && self.equipment.is_empty()
    }

    /// Whether it can be done in one of `positions` with only `equipment`.
    pub fn fits(&self, positions: &[Position], equipment: &[String]) -> bool {
        positions.contains(&self.position) && self.equipment.iter().all(|e| equipment.contains(e))
    }
}

/// One posture check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Posture {
    /// Stable identifier (`shoulders`).
    pub id: String,
    /// Short name shown in the title (`Shoulders down and back`).
    pub name: String,
    /// What to check and how to fix it.
    pub text: String,
}

/// What the user has at this desk: which positions are fine and which equipment is at hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fit {
    /// Allowed positions.
    pub positions: Vec<Position>,
    /// Equipment the user has.
    pub equipment: Vec<String>,
}

impl Fit {
    /// Whether a stretch can be done here.
    pub fn allows(&self, stretch: &Stretch) -> bool {
        stretch.fits(&self.positions, &self.equipment)
    }
}

/// All stretches and posture checks: the built-in ones followed by the user's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Catalog {
    /// Every stretch.
    pub stretches: Vec<Stretch>,
    /// Every posture check.
    pub postures: Vec<Posture>,
}

impl Default for Catalog {
    /// The built-in catalogue.
    fn default() -> Catalog {
        Catalog {
            stretches: builtin::stretches(),
            postures: builtin::postures(),
        }
    }
}

impl Catalog {
    /// The stretch with this id.
    pub fn stretch(&self, id: &str) -> Option<&Stretch> {
        self.stretches.iter().find(|s| s.id == id)
    }

    /// The posture check with this id.
    pub fn posture(&self, id: &str) -> Option<&Posture> {
        self.postures.iter().find(|p| p.id == id)
    }

    /// Another stretch to do instead of `stretch`, one that fits `positions` and `equipment`: one
    /// that works the same area if any fits, else one from the nearest area that has one (see
    /// [`Area`]); ties go to catalogue order. `None` when no other stretch fits at all.
    pub fn alternative(
        &self,
        stretch: &Stretch,
        positions: &[Position],
        equipment: &[String],
    ) -> Option<&Stretch> {
        self.stretches
            .iter()
            .filter(|s| s.id != stretch.id && s.fits(positions, equipment))
            .min_by_key(|s| s.area.distance(stretch.area))
    }
}

/// When each stretch and posture check was last shown, and which came last, so rotation can pick
/// the least recently shown one and never repeat the previous one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Rotation {
    /// Last time each item (stretch or posture id) was shown.
    pub shown: BTreeMap<String, DateTime<Utc>>,
    /// The stretch shown most recently.
    pub last_stretch: Option<String>,
    /// The posture check shown most recently.
    pub last_posture: Option<String>,
}

impl Rotation {
    /// Picks among `ids` (in catalogue order): the least recently shown, never-shown first, ties
    /// broken by catalogue order, and never `last` unless it is the only candidate.
    pub fn pick<'a>(&self, ids: &[&'a str], last: Option<&str>) -> Option<&'a str> {
        let candidates = ids.iter().filter(|id| Some(**id) != last);
        let pick = candidates.min_by_key(|id| self.shown.get(**id).copied());
        pick.or(ids.first()).copied()
    }

    /// Records that a stretch was shown at `at`.
    pub fn stretch_shown(&mut self, id: &str, at: DateTime<Utc>) {
        self.shown.insert(id.to_owned(), at);
        self.last_stretch = Some(id.to_owned());
    }

    /// Records that a posture check was shown at `at`.
    pub fn posture_shown(&mut self, id: &str, at: DateTime<Utc>) {
        self.shown.insert(id.to_owned(), at);
        self.last_posture = Some(id.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_parses_seconds_and_minutes() {
        assert_eq!(
            Span::parse("15-30s"),
            Some(Span {
                min_secs: 15,
                max_secs: 30
            })
        );
        let shown = |s: &str| Span::parse(s).map(|h| h.to_string());
        assert_eq!(shown("15 - 30 s"), Some("15-30 s".into()));
        assert_eq!(shown("20s"), Some("20 s".into()));
        assert_eq!(shown("2-3m"), Some("2-3 min".into()));
        assert_eq!(shown("2 min"), Some("2 min".into()));
        assert_eq!(shown("90s"), Some("90 s".into()));
        assert_eq!(shown("120s"), Some("2 min".into()));
        for bad in [
            "",
            "20",
            "0s",
            "30-15s",
            "fifteen s",
            "-5s",
            "0m",
            "99999999m",
        ] {
            assert_eq!(Span::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rotation_prefers_never_shown_then_least_recent_and_never_repeats() {
        let t = |h: i64| DateTime::<Utc>::from_timestamp(h * 3600, 0).unwrap();
        let ids = ["a", "b", "c"];
        let mut r = Rotation::default();
        assert_eq!(r.pick(&ids, None), Some("a"));
        r.stretch_shown("a", t(1));
        assert_eq!(r.pick(&ids, Some("a")), Some("b"));
        r.stretch_shown("b", t(2));
        r.stretch_shown("c", t(3));
        assert_eq!(r.pick(&ids, Some("c")), Some("a"));
        // Only one candidate: it may repeat.
        assert_eq!(r.pick(&["c"], Some("c")), Some("c"));
        assert_eq!(r.pick(&[], None), None);
    }

    #[test]
    fn builtin_catalogue_is_complete() {
        let c = Catalog::default();
        let ids: Vec<_> = c.stretches.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "cat-camel",
                "thoracic-extension",
                "seated-twist",
                "thread-the-needle",
                "foam-rolling"
            ]
        );
        for s in &c.stretches {
            assert!(s.steps.len() >= 3, "{} has too few steps", s.id);
        }
        assert!(c.postures.len() >= 6);
        let foam = c.stretch("foam-rolling").unwrap();
        assert_eq!(foam.equipment, ["foam_roller"]);
        assert_eq!(c.stretch("cat-camel").unwrap().position, Position::Floor);
    }

    /// Each built-in dose is the article's: cat-camel moves between its shapes, a few seconds in
    /// each, for several rounds; foam rolling goes on for a few minutes; the other three hold
    /// 15-30 s, the thoracic extension a few times, the twist and thread the needle once a side.
    #[test]
    fn builtin_doses_are_the_articles() {
        let c = Catalog::default();
        let dose = |id: &str| c.stretch(id).unwrap().dose.clone();
        let hold = |reps, sides| Dose::Hold {
            hold: Span {
                min_secs: 15,
                max_secs: 30,
            },
            reps,
            sides,
        };
        assert_eq!(
            dose("cat-camel"),
            Dose::Flow {
                rounds: 8,
                pause_secs: 3,
                shapes: ["cat (back rounded)".into(), "camel (back arched)".into()],
            }
        );
        assert_eq!(dose("thoracic-extension"), hold(3, Sides::One));
        assert_eq!(dose("seated-twist"), hold(1, Sides::Both));
        assert_eq!(dose("thread-the-needle"), hold(1, Sides::Both));
        assert_eq!(
            dose("foam-rolling"),
            Dose::Duration {
                length: Span {
                    min_secs: 120,
                    max_secs: 180
                }
            }
        );
    }

    #[test]
    fn the_json_of_a_stretch_tags_its_dose_with_its_kind() {
        let c = Catalog::default();
        let json = |id: &str| serde_json::to_value(c.stretch(id).unwrap()).unwrap();
        let camel = json("cat-camel");
        assert_eq!(
            camel["dose"],
            serde_json::json!({"kind": "flow", "rounds": 8, "pause_secs": 3,
                "shapes": ["cat (back rounded)", "camel (back arched)"]})
        );
        assert_eq!(camel["area"], "bending");
        assert_eq!(
            json("seated-twist")["dose"],
            serde_json::json!({"kind": "hold", "hold": {"min_secs": 15, "max_secs": 30},
                "reps": 1, "sides": "both"})
        );
        let foam = json("foam-rolling");
        assert_eq!(
            foam["dose"],
            serde_json::json!({"kind": "duration", "length": {"min_secs": 120, "max_secs": 180}})
        );
        assert_eq!(foam["area"], "soft_tissue");
    }

    #[test]
    fn desk_friendly_stretches_are_the_chair_ones() {
        let c = Catalog::default();
        let desk: Vec<_> = c
            .stretches
            .iter()
            .filter(|s| s.desk_friendly())
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(desk, ["thoracic-extension", "seated-twist"]);
        let mut standing = c.stretch("foam-rolling").unwrap().clone();
        standing.position = Position::Standing;
        assert!(!standing.desk_friendly(), "it still needs a roller");
        standing.equipment.clear();
        assert!(standing.desk_friendly());
    }

    /// The stretch, where it can be done, the equipment at hand, and the alternative.
    type Case<'a> = (&'a str, &'a [Position], &'a [String], Option<&'a str>);

    #[test]
    fn an_alternative_works_the_same_area_or_the_nearest_that_fits() {
        use Position::{Chair, Floor, Standing};
        let c = Catalog::default();
        let roller = ["foam_roller".to_owned()];
        let none: [String; 0] = [];
        let table: [Case; 10] = [
            // Same area, and it fits.
            ("cat-camel", &[Chair], &none, Some("thoracic-extension")),
            ("thoracic-extension", &[Floor], &none, Some("cat-camel")),
            // Nothing else works the area: the nearest area that has one that fits.
            ("seated-twist", &[Floor], &none, Some("thread-the-needle")),
            ("thread-the-needle", &[Chair], &none, Some("seated-twist")),
            ("thread-the-needle", &[Floor], &roller, Some("foam-rolling")),
            ("foam-rolling", &[Chair], &none, Some("thoracic-extension")),
            // Soft tissue is as near to bending as to the upper back: catalogue order.
            ("foam-rolling", &[Floor], &none, Some("cat-camel")),
            ("foam-rolling", &[Chair, Floor], &none, Some("cat-camel")),
            // Never the stretch itself, and nothing when nothing fits.
            ("seated-twist", &[Standing], &roller, None),
            ("cat-camel", &[], &none, None),
        ];
        for (id, positions, equipment, expected) in table {
            let s = c.stretch(id).unwrap();
            let got = c
                .alternative(s, positions, equipment)
                .map(|a| a.id.as_str());
            assert_eq!(got, expected, "{id} in {positions:?} with {equipment:?}");
        }
    }
}
