# stretchd: the built-in catalogue (stretches, posture checks, the safety notice, the session's
# warm-up), the English source. These are movement instructions: a translation keeps every fact
# of the English text and adds none. Each message is one paragraph; a line break inside a
# message (as in the safety notice) is a line break on screen. See TRANSLATING.md.

## The safety notice: shown with the first stretch, on every card and by `stretchd stretches safety`.

# One rule a line (the card lists them as points).
safety-notice =
    Warm up first: spend 5-10 minutes on light movement, such as a brisk walk.
    A mild pull is fine, but stop at once if you feel sharp or intense pain.
    Breathe slowly all the way through; never hold your breath.
    If a stretch does not feel right, adapt it or swap in a different one.
    These stretches suit most people at any age; with an existing condition or injury, or chronic or severe back pain, talk to a healthcare professional before you start.
    This is general guidance, not medical advice for you in particular: if the pain lingers or keeps coming back, have a professional look at it.

## The stretch session (a few times a week) and the desk stretches (through the day).

# What the session's warm-up is, in one line.
warm-up = Warm up first: 5-10 minutes of light movement, such as a brisk walk, marching on the spot or easy cycling.
# The line every desk stretch carries: short, at the desk, no substitute for the warmed-up session.
desk-note = A short desk stretch: ease into it gently, well short of pain (the full routine, after a warm-up, is the stretch session).

## The parts of the back a stretch works ("Works: mid-back rotation").

area-rotation = mid-back rotation
area-upper_back = upper back and shoulders
area-soft_tissue = soft tissue along the upper back
area-bending = mid-back bending (rounding and arching)

## Where a stretch is done ("Position: chair"), and the built-in equipment.

position-chair = chair
position-floor = floor
position-standing = standing
equipment-foam_roller = foam roller

## Cat-camel: rounding and arching the spine on all fours.

stretch-cat-camel-name = Cat-camel
stretch-cat-camel-summary = Curling and arching the spine in turn on all fours loosens a stiff mid back.
stretch-cat-camel-step-1 = Get onto all fours, hands below your shoulders and knees below your hips.
stretch-cat-camel-step-2 = Breathing out, curve your back up to the ceiling, head hanging and chin tucked in.
stretch-cat-camel-step-3 = Pause in the rounded shape for a moment and notice the mid back lengthen.
stretch-cat-camel-step-4 = Breathing in, let your back dip as you raise your chest and tailbone.
stretch-cat-camel-step-5 = Keep moving slowly between the rounded and the arched shape.
# The two shapes of the flow ("8 slow rounds between cat (back rounded) and camel (back arched)").
stretch-cat-camel-shape-1 = cat (back rounded)
stretch-cat-camel-shape-2 = camel (back arched)

## Thoracic extension: bending the upper back backwards over a chair.

stretch-thoracic-extension-name = Thoracic extension
stretch-thoracic-extension-summary = Bending back over the chair opens up a mid back that has spent hours hunched forward.
stretch-thoracic-extension-step-1 = Take a seat on a steady chair or stool, both feet planted.
stretch-thoracic-extension-step-2 = Lace your hands together at the back of your head, elbows pointing out to the sides.
stretch-thoracic-extension-step-3 = Ease your upper back backwards over the top of the chair.
stretch-thoracic-extension-step-4 = Let your head follow a little way back without forcing your neck.
stretch-thoracic-extension-step-5 = Stay there, breathing slowly, and feel the mid back lengthen.
stretch-thoracic-extension-step-6 = Come back up to sitting with control, then do it again.

## Seated twist: rotating the torso while sitting, one side then the other.

stretch-seated-twist-name = Seated twist
stretch-seated-twist-summary = Turning the upper body while seated brings rotation back into the mid back.
stretch-seated-twist-step-1 = Move to the front of your seat, feet flat and spine long.
stretch-seated-twist-step-2 = Bring your left hand across to the outer edge of your right knee.
stretch-seated-twist-step-3 = Breathing out, rotate your chest to the right, the hand on the knee helping.
stretch-seated-twist-step-4 = Turn your head to gaze beyond your right shoulder, keeping your chest lifted.
stretch-seated-twist-step-5 = Hold the twist, breathing evenly, then turn back to face forward.
stretch-seated-twist-step-6 = Switch to the other side: right hand on the left knee, turning left.

## Thread the needle: reaching one arm under the other on all fours.

stretch-thread-the-needle-name = Thread the needle
stretch-thread-the-needle-summary = Reaching one arm under the body on all fours rotates the upper back and eases the shoulders.
stretch-thread-the-needle-step-1 = Get onto all fours with your back flat and level.
stretch-thread-the-needle-step-2 = Thread your right arm under your left arm, going only as far as is easy.
stretch-thread-the-needle-step-3 = Sink until your right shoulder and the side of your face rest on the mat, that arm stretched out past your head.
stretch-thread-the-needle-step-4 = Press your left palm firmly into the floor to stay steady.
stretch-thread-the-needle-step-5 = Breathe deeply and let the stretch spread across the upper back and that shoulder.
stretch-thread-the-needle-step-6 = Ease back out to all fours slowly.
stretch-thread-the-needle-step-7 = Switch to the other side, threading your left arm under your right.

## Upper-back foam rolling: rolling the upper and mid back over a foam roller.

stretch-foam-rolling-name = Upper-back foam rolling
stretch-foam-rolling-summary = Rolling over a foam roller works tight spots out of the muscles along the mid back.
stretch-foam-rolling-step-1 = Lay a foam roller crosswise on the floor.
stretch-foam-rolling-step-2 = Sit on the floor with the roller behind you, knees bent and soles on the ground.
stretch-foam-rolling-step-3 = Lean back until the roller sits under your mid back, hands cradling your head.
stretch-foam-rolling-step-4 = Roll slowly from the bottom of the neck down to the middle of the back.
stretch-foam-rolling-step-5 = Stay on any tight or sore spot and let gentle pressure ease it, breathing steadily.
stretch-foam-rolling-step-6 = Carry on for a few minutes, shifting to new parts of the upper back as you go.

## Posture checks: a short name (in the notification's title) and what to check and how to fix it.

posture-sit-tall-name = Sit tall
posture-sit-tall-text = Notice whether you are slumping toward the screen. Lift the top of your head so your spine stacks straight up over your hips.
posture-shoulders-name = Shoulders down and back
posture-shoulders-text = Check whether your shoulders have crept up toward your ears. Let them drop, then ease them gently back.
posture-screen-height-name = Screen at eye level
posture-screen-height-text = You should see the top of the screen without tipping your head up or down. Raise, lower or move the monitor until you can.
posture-back-support-name = Chair and back support
posture-back-support-text = Sit right back so the chair, or your recliner, holds the curve of your lower back. Adjust the backrest or add a cushion if there is a gap.
posture-feet-flat-name = Feet flat
posture-feet-flat-text = Both feet should rest flat on the floor, knees roughly level with your hips. Lower the seat or use a footrest if your feet dangle.
posture-desk-height-name = Elbows and desk
posture-desk-height-text = Your elbows should hang relaxed at about a right angle, forearms level with the desk. Change the chair or desk height if you are reaching up or down.
posture-breathe-name = Breathe and unclench
posture-breathe-text = Stress tends to settle in the jaw, shoulders and upper back. Take a few slow, deep breaths and let those muscles soften.
posture-move-name = Stand up and move
posture-move-text = Sitting still for a long time stiffens the mid back. Get up, walk around for a minute, then settle back in.
posture-core-name = Build a strong core
posture-core-text = Strong trunk muscles keep the spine lined up. Plan a session this week that works the core: Pilates or yoga, for example.
posture-calm-name = A calm minute
posture-calm-text = Lasting stress keeps the back muscles tight. Close your eyes for a minute of quiet meditation, or count ten slow breaths out.
posture-what-hurts-name = What makes it worse?
posture-what-hurts-text = Think about what made your back ache more lately, such as a long drive or a heavy bag. Change the way you do it, or leave it out for a while.
posture-more-than-stretching-name = More than stretching
posture-more-than-stretching-text = Stretches help, but on their own they rarely settle a sore back. Posture, regular exercise, less stress and a well set-up desk matter as well.
