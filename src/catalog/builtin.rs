//! The built-in catalogue, written from the facts of a physiotherapy-style article on mid-back
//! stretches: five stretches, posture checks (including the article's advice beyond stretching),
//! and the safety notice. What each one is and how much of it to do is here; its words are in
//! the message files, `i18n/en/catalog.ftl` for the English source (embedded at build time, see
//! `build.rs`) and one file per language beside it.

use super::{Area, Dose, Position, Posture, Sides, Span, Stretch};

include!(concat!(env!("OUT_DIR"), "/catalog_en.rs"));

/// The English text of the catalogue message `id` (`i18n/en/catalog.ftl`, embedded at build
/// time); "" for an id the file lacks, which a test rules out for every built-in item.
pub fn english(id: &str) -> &'static str {
    ENGLISH
        .binary_search_by_key(&id, |(k, _)| k)
        .map_or("", |i| ENGLISH[i].1)
}

/// The ids of the built-in texts in the message files (`i18n/<lang>/catalog.ftl`): how a
/// built-in stretch or posture check and the other catalogue texts are looked up in any
/// language.
pub mod ids {
    use crate::catalog::{Area, Position};

    /// The safety notice.
    pub const SAFETY_NOTICE: &str = "safety-notice";
    /// The session's warm-up, in one line.
    pub const WARM_UP: &str = "warm-up";
    /// The line every desk stretch carries.
    pub const DESK_NOTE: &str = "desk-note";

    /// A built-in stretch's `name` or `summary`.
    pub fn stretch(id: &str, field: &str) -> String {
        format!("stretch-{id}-{field}")
    }

    /// Step `n` (from 1) of a built-in stretch.
    pub fn step(id: &str, n: usize) -> String {
        format!("stretch-{id}-step-{n}")
    }

    /// Shape `n` (1 or 2) of a built-in flow.
    pub fn shape(id: &str, n: usize) -> String {
        format!("stretch-{id}-shape-{n}")
    }

    /// A built-in posture check's `name` or `text`.
    pub fn posture(id: &str, field: &str) -> String {
        format!("posture-{id}-{field}")
    }

    /// An area as it reads in a sentence.
    pub fn area(area: Area) -> String {
        format!("area-{}", area.as_str())
    }

    /// A position as a word.
    pub fn position(position: Position) -> String {
        format!("position-{}", position.as_str())
    }

    /// A piece of equipment as words (only the built-in ones have a message).
    pub fn equipment(equipment: &str) -> String {
        format!("equipment-{equipment}")
    }
}

/// Shown once, with the first stretch ever. (plain text, a few short lines)
pub fn safety_notice() -> &'static str {
    english(ids::SAFETY_NOTICE)
}

/// Whether `id` names a built-in stretch (custom stretches cannot take a built-in id).
pub fn is_builtin_stretch(id: &str) -> bool {
    !english(&ids::stretch(id, "name")).is_empty()
}

/// Whether `id` names a built-in posture check.
pub fn is_builtin_posture(id: &str) -> bool {
    !english(&ids::posture(id, "name")).is_empty()
}

/// The hold the article gives for the thoracic extension, the seated twist and thread the
/// needle: 15-30 seconds, in a step of each.
const HOLD: Span = Span {
    min_secs: 15,
    max_secs: 30,
};

/// The built-in stretches, in catalogue order.
pub(super) fn stretches() -> Vec<Stretch> {
    vec![
        cat_camel(),
        thoracic_extension(),
        seated_twist(),
        thread_the_needle(),
        foam_rolling(),
    ]
}

/// The ids of the built-in posture checks, in catalogue order.
const POSTURES: [&str; 12] = [
    "sit-tall",
    "shoulders",
    "screen-height",
    "back-support",
    "feet-flat",
    "desk-height",
    "breathe",
    "move",
    "core",
    "calm",
    "what-hurts",
    "more-than-stretching",
];

/// The built-in posture checks.
pub(super) fn postures() -> Vec<Posture> {
    POSTURES
        .iter()
        .map(|id| Posture {
            id: (*id).to_owned(),
            name: english(&ids::posture(id, "name")).to_owned(),
            text: english(&ids::posture(id, "text")).to_owned(),
        })
        .collect()
}

/// The most steps a built-in stretch has room for in the message files.
const MAX_STEPS: usize = 20;

/// A built-in stretch's texts (name, summary, steps) from the English catalogue, with what
/// it is and how much of it to do.
fn stretch(id: &str, dose: Dose, area: Area, position: Position) -> Stretch {
    let steps = (1..=MAX_STEPS)
        .map(|n| english(&ids::step(id, n)))
        .take_while(|step| !step.is_empty())
        .map(str::to_owned)
        .collect();
    Stretch {
        id: id.to_owned(),
        name: english(&ids::stretch(id, "name")).to_owned(),
        summary: english(&ids::stretch(id, "summary")).to_owned(),
        steps,
        dose,
        area,
        position,
        equipment: Vec::new(),
    }
}

/// Cat-camel: rounding and arching the spine on all fours.
fn cat_camel() -> Stretch {
    let id = "cat-camel";
    let shape = |n| english(&ids::shape(id, n)).to_owned();
    let dose = Dose::Flow {
        // Article, cat-camel step 5: alternate the shapes for several repetitions; 8.
        rounds: 8,
        // Article, cat-camel step 3: stay a few seconds in the shape; 3 s at each end.
        pause_secs: 3,
        shapes: [shape(1), shape(2)],
    };
    stretch(id, dose, Area::Bending, Position::Floor)
}

/// Thoracic extension: bending the upper back backwards over a chair.
fn thoracic_extension() -> Stretch {
    let dose = Dose::Hold {
        // Article, thoracic extension step 5: 15-30 s.
        hold: HOLD,
        // Article, thoracic extension step 6: a few repetitions; 3.
        reps: 3,
        sides: Sides::One,
    };
    stretch("thoracic-extension", dose, Area::Bending, Position::Chair)
}

/// Seated twist: rotating the torso while sitting, one side then the other.
fn seated_twist() -> Stretch {
    let dose = Dose::Hold {
        // Article, seated twist step 5: one 15-30 s hold, then the same on the other side.
        hold: HOLD,
        reps: 1,
        sides: Sides::Both,
    };
    stretch("seated-twist", dose, Area::Rotation, Position::Chair)
}

/// Thread the needle: reaching one arm under the other on all fours.
fn thread_the_needle() -> Stretch {
    let dose = Dose::Hold {
        // Article, thread the needle steps 6 and 7: one 15-30 s hold, then the other side.
        hold: HOLD,
        reps: 1,
        sides: Sides::Both,
    };
    stretch("thread-the-needle", dose, Area::UpperBack, Position::Floor)
}

/// Upper-back foam rolling: rolling the upper and mid back over a foam roller.
fn foam_rolling() -> Stretch {
    // Article, foam rolling step 6: keep rolling a few minutes, so 2-3 min; nothing is held.
    let dose = Dose::Duration {
        length: Span {
            min_secs: 120,
            max_secs: 180,
        },
    };
    Stretch {
        equipment: vec!["foam_roller".to_owned()],
        ..stretch("foam-rolling", dose, Area::SoftTissue, Position::Floor)
    }
}
