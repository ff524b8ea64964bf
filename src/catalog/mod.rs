//! The catalogue: built-in mid-back stretches, posture checks and the safety notice, plus the
//! user's own additions from the config, and the rotation that picks what to suggest next.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::Serialize;

mod builtin;
mod session;

pub use builtin::SAFETY_NOTICE;
pub use session::{
    DESK_NOTE, SESSION_ITEM, WARM_UP, WARM_UP_SECS, about_minutes, session_secs, session_title,
};

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

/// How long to hold a stretch, in seconds (a range such as 15-30 s, or one value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Hold {
    /// Shortest hold, in seconds.
    pub min_secs: u32,
    /// Longest hold, in seconds (equal to `min_secs` for a single value).
    pub max_secs: u32,
}

impl Hold {
    /// Parses `"15-30s"`, `"15-30 s"` or `"20s"`. Returns `None` for anything else, for zero, and
    /// for a range that runs backwards.
    pub fn parse(s: &str) -> Option<Hold> {
        let digits = s.trim().strip_suffix('s')?.trim_end();
        let (min, max) = if let Some((a, b)) = digits.split_once('-') {
            (a.trim().parse().ok()?, b.trim().parse().ok()?)
        } else {
            let v = digits.parse().ok()?;
            (v, v)
        };
        (min > 0 && min <= max).then_some(Hold {
            min_secs: min,
            max_secs: max,
        })
    }
}

impl fmt::Display for Hold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min_secs == self.max_secs {
            write!(f, "{} s", self.min_secs)
        } else {
            write!(f, "{}-{} s", self.min_secs, self.max_secs)
        }
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
    /// How long to hold each position.
    pub hold: Hold,
    /// How many times to repeat it (per side for two-sided stretches).
    pub reps: u32,
    /// Once, or on each side.
    pub sides: Sides,
    /// Where it is done.
    pub position: Position,
    /// Equipment it needs (`foam_roller`); empty for none.
    pub equipment: Vec<String>,
}

impl Stretch {
    /// The notification title, e.g. "Mid-back stretch: Seated twist, 15-30 s each side".
    pub fn title(&self) -> String {
        let sides = match self.sides {
            Sides::One => "",
            Sides::Both => " each side",
        };
        format!("Mid-back stretch: {}, {}{sides}", self.name, self.hold)
    }

    /// One line on how much to do: hold, repetitions and sides.
    pub fn dose(&self) -> String {
        let reps = if self.reps == 1 {
            "once".to_owned()
        } else {
            format!("{} times", self.reps)
        };
        let sides = match self.sides {
            Sides::One => "",
            Sides::Both => " on each side",
        };
        format!("Hold {}, {reps}{sides}.", self.hold)
    }

    /// Whether it can be done at a desk: sitting or standing, with no equipment.
    pub fn desk_friendly(&self) -> bool {
        matches!(self.position, Position::Chair | Position::Standing) && self.equipment.is_empty()
    }

    /// The longest it takes, in seconds: every hold at its longest, on each side.
    pub fn longest_secs(&self) -> u64 {
        let sides = match self.sides {
            Sides::One => 1,
            Sides::Both => 2,
        };
        u64::from(self.hold.max_secs) * u64::from(self.reps) * sides
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

impl Posture {
    /// The notification title, e.g. "Posture check: Shoulders down and back".
    pub fn title(&self) -> String {
        format!("Posture check: {}", self.name)
    }
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
        self.positions.contains(&stretch.position)
            && stretch.equipment.iter().all(|e| self.equipment.contains(e))
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
    fn hold_parses_ranges_and_single_values() {
        assert_eq!(
            Hold::parse("15-30s"),
            Some(Hold {
                min_secs: 15,
                max_secs: 30
            })
        );
        assert_eq!(
            Hold::parse("15 - 30 s").map(|h| h.to_string()),
            Some("15-30 s".into())
        );
        assert_eq!(
            Hold::parse("20s").map(|h| h.to_string()),
            Some("20 s".into())
        );
        for bad in ["", "20", "0s", "30-15s", "fifteen s", "-5s"] {
            assert_eq!(Hold::parse(bad), None, "{bad:?}");
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
            assert!(s.hold.min_secs >= 15 && s.hold.max_secs <= 30, "{}", s.id);
            assert!(s.reps >= 1);
        }
        assert!(c.postures.len() >= 6);
        let foam = c.stretch("foam-rolling").unwrap();
        assert_eq!(foam.equipment, ["foam_roller"]);
        let twist = c.stretch("seated-twist").unwrap();
        assert_eq!(
            twist.title(),
            "Mid-back stretch: Seated twist, 15-30 s each side"
        );
        assert_eq!(twist.sides, Sides::Both);
        assert_eq!(c.stretch("thread-the-needle").unwrap().sides, Sides::Both);
        assert_eq!(c.stretch("cat-camel").unwrap().position, Position::Floor);
    }
}
