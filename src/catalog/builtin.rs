//! The built-in catalogue, written from the facts of a physiotherapy-style article on mid-back
//! stretches: five stretches, posture checks (including the article's advice beyond stretching),
//! and the safety notice.

use super::{Area, Dose, Position, Posture, Sides, Span, Stretch};

/// Shown once, with the first stretch ever. (plain text, a few short lines)
pub const SAFETY_NOTICE: &str = "\
Warm up first: spend 5-10 minutes on light movement, such as a brisk walk.\n\
A mild pull is fine, but stop at once if you feel sharp or intense pain.\n\
Breathe slowly all the way through; never hold your breath.\n\
If a stretch does not feel right, adapt it or swap in a different one.\n\
These stretches suit most people at any age; with an existing condition or injury, or chronic\n\
or severe back pain, talk to a healthcare professional before you start.\n\
This is general guidance, not medical advice for you in particular: if the pain lingers or\n\
keeps coming back, have a professional look at it.";

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

/// The built-in posture checks.
pub(super) fn postures() -> Vec<Posture> {
    vec![
        posture(
            "sit-tall",
            "Sit tall",
            "Notice whether you are slumping toward the screen. Lift the top of your head so your \
             spine stacks straight up over your hips.",
        ),
        posture(
            "shoulders",
            "Shoulders down and back",
            "Check whether your shoulders have crept up toward your ears. Let them drop, then ease \
             them gently back.",
        ),
        posture(
            "screen-height",
            "Screen at eye level",
            "You should see the top of the screen without tipping your head up or down. Raise, \
             lower or move the monitor until you can.",
        ),
        posture(
            "back-support",
            "Chair and back support",
            "Sit right back so the chair, or your recliner, holds the curve of your lower back. \
             Adjust the backrest or add a cushion if there is a gap.",
        ),
        posture(
            "feet-flat",
            "Feet flat",
            "Both feet should rest flat on the floor, knees roughly level with your hips. Lower \
             the seat or use a footrest if your feet dangle.",
        ),
        posture(
            "desk-height",
            "Elbows and desk",
            "Your elbows should hang relaxed at about a right angle, forearms level with the desk. \
             Change the chair or desk height if you are reaching up or down.",
        ),
        posture(
            "breathe",
            "Breathe and unclench",
            "Stress tends to settle in the jaw, shoulders and upper back. Take a few slow, deep \
             breaths and let those muscles soften.",
        ),
        posture(
            "move",
            "Stand up and move",
            "Sitting still for a long time stiffens the mid back. Get up, walk around for a \
             minute, then settle back in.",
        ),
        posture(
            "core",
            "Build a strong core",
            "Strong trunk muscles keep the spine lined up. Plan a session this week that works \
             the core: Pilates or yoga, for example.",
        ),
        posture(
            "calm",
            "A calm minute",
            "Lasting stress keeps the back muscles tight. Close your eyes for a minute of quiet \
             meditation, or count ten slow breaths out.",
        ),
        posture(
            "what-hurts",
            "What makes it worse?",
            "Think about what made your back ache more lately, such as a long drive or a heavy \
             bag. Change the way you do it, or leave it out for a while.",
        ),
        posture(
            "more-than-stretching",
            "More than stretching",
            "Stretches help, but on their own they rarely settle a sore back. Posture, regular \
             exercise, less stress and a well set-up desk matter as well.",
        ),
    ]
}

/// Cat-camel: rounding and arching the spine on all fours.
fn cat_camel() -> Stretch {
    Stretch {
        id: "cat-camel".to_owned(),
        name: "Cat-camel".to_owned(),
        summary: "Curling and arching the spine in turn on all fours loosens a stiff mid back."
            .to_owned(),
        steps: owned(&[
            "Get onto all fours, hands below your shoulders and knees below your hips.",
            "Breathing out, curve your back up to the ceiling, head hanging and chin tucked in.",
            "Pause in the rounded shape for a moment and notice the mid back lengthen.",
            "Breathing in, let your back dip as you raise your chest and tailbone.",
            "Keep moving slowly between the rounded and the arched shape.",
        ]),
        dose: Dose::Flow {
            // Article, cat-camel step 5: alternate the shapes for several repetitions; 8.
            rounds: 8,
            // Article, cat-camel step 3: stay a few seconds in the shape; 3 s at each end.
            pause_secs: 3,
            shapes: [
                "cat (back rounded)".to_owned(),
                "camel (back arched)".to_owned(),
            ],
        },
        area: Area::Bending,
        position: Position::Floor,
        equipment: Vec::new(),
    }
}

/// Thoracic extension: bending the upper back backwards over a chair.
fn thoracic_extension() -> Stretch {
    Stretch {
        id: "thoracic-extension".to_owned(),
        name: "Thoracic extension".to_owned(),
        summary: "Bending back over the chair opens up a mid back that has spent hours hunched \
                  forward."
            .to_owned(),
        steps: owned(&[
            "Take a seat on a steady chair or stool, both feet planted.",
            "Lace your hands together at the back of your head, elbows pointing out to the sides.",
            "Ease your upper back backwards over the top of the chair.",
            "Let your head follow a little way back without forcing your neck.",
            "Stay there, breathing slowly, and feel the mid back lengthen.",
            "Come back up to sitting with control, then do it again.",
        ]),
        dose: Dose::Hold {
            // Article, thoracic extension step 5: 15-30 s.
            hold: HOLD,
            // Article, thoracic extension step 6: a few repetitions; 3.
            reps: 3,
            sides: Sides::One,
        },
        area: Area::Bending,
        position: Position::Chair,
        equipment: Vec::new(),
    }
}

/// Seated twist: rotating the torso while sitting, one side then the other.
fn seated_twist() -> Stretch {
    Stretch {
        id: "seated-twist".to_owned(),
        name: "Seated twist".to_owned(),
        summary: "Turning the upper body while seated brings rotation back into the mid back."
            .to_owned(),
        steps: owned(&[
            "Move to the front of your seat, feet flat and spine long.",
            "Bring your left hand across to the outer edge of your right knee.",
            "Breathing out, rotate your chest to the right, the hand on the knee helping.",
            "Turn your head to gaze beyond your right shoulder, keeping your chest lifted.",
            "Hold the twist, breathing evenly, then turn back to face forward.",
            "Switch to the other side: right hand on the left knee, turning left.",
        ]),
        dose: Dose::Hold {
            // Article, seated twist step 5: one 15-30 s hold, then the same on the other side.
            hold: HOLD,
            reps: 1,
            sides: Sides::Both,
        },
        area: Area::Rotation,
        position: Position::Chair,
        equipment: Vec::new(),
    }
}

/// Thread the needle: reaching one arm under the other on all fours.
fn thread_the_needle() -> Stretch {
    Stretch {
        id: "thread-the-needle".to_owned(),
        name: "Thread the needle".to_owned(),
        summary: "Reaching one arm under the body on all fours rotates the upper back and eases \
                  the shoulders."
            .to_owned(),
        steps: owned(&[
            "Get onto all fours with your back flat and level.",
            "Thread your right arm under your left arm, going only as far as is easy.",
            "Sink until your right shoulder and the side of your face rest on the mat, that arm \
             stretched out past your head.",
            "Press your left palm firmly into the floor to stay steady.",
            "Breathe deeply and let the stretch spread across the upper back and that shoulder.",
            "Ease back out to all fours slowly.",
            "Switch to the other side, threading your left arm under your right.",
        ]),
        dose: Dose::Hold {
            // Article, thread the needle steps 6 and 7: one 15-30 s hold, then the other side.
            hold: HOLD,
            reps: 1,
            sides: Sides::Both,
        },
        area: Area::UpperBack,
        position: Position::Floor,
        equipment: Vec::new(),
    }
}

/// Upper-back foam rolling: rolling the upper and mid back over a foam roller.
fn foam_rolling() -> Stretch {
    Stretch {
        id: "foam-rolling".to_owned(),
        name: "Upper-back foam rolling".to_owned(),
        summary: "Rolling over a foam roller works tight spots out of the muscles along the mid \
                  back."
            .to_owned(),
        steps: owned(&[
            "Lay a foam roller crosswise on the floor.",
            "Sit on the floor with the roller behind you, knees bent and soles on the ground.",
            "Lean back until the roller sits under your mid back, hands cradling your head.",
            "Roll slowly from the bottom of the neck down to the middle of the back.",
            "Stay on any tight or sore spot and let gentle pressure ease it, breathing steadily.",
            "Carry on for a few minutes, shifting to new parts of the upper back as you go.",
        ]),
        // Article, foam rolling step 6: keep rolling a few minutes, so 2-3 min; nothing is held.
        dose: Dose::Duration {
            length: Span {
                min_secs: 120,
                max_secs: 180,
            },
        },
        area: Area::SoftTissue,
        position: Position::Floor,
        equipment: vec!["foam_roller".to_owned()],
    }
}

/// Builds a posture check.
fn posture(id: &str, name: &str, text: &str) -> Posture {
    Posture {
        id: id.to_owned(),
        name: name.to_owned(),
        text: text.to_owned(),
    }
}

/// Turns a list of string slices into owned strings.
fn owned(items: &[&str]) -> Vec<String> {
    items.iter().copied().map(str::to_owned).collect()
}
