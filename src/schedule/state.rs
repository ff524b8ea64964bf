//! What the daemon remembers between reminders: when each reminder last fired, a pending snooze,
//! the stretch rotation, whether the safety notice was seen, each stretch's level and the
//! stretches set aside; and, not saved, what holds reminders back right now ([`Presence`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike as _, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::Rotation;
use crate::schedule::level::Level;

/// A snoozed reminder waiting to come back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snooze {
    /// The reminder that was snoozed.
    pub reminder: String,
    /// The stretch or posture id it showed; it comes back with the same one.
    pub item: String,
    /// When it comes back.
    pub until: DateTime<Utc>,
    /// Snoozes in a row so far, this one included.
    pub count: u32,
}

/// A pause: no reminder fires until it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    /// When it ends; `None` lasts until `stretchd resume`.
    pub until: Option<DateTime<Utc>>,
}

/// A pause or a resume the user asked for, and when: with `[sync]` the newest one asked for on
/// any machine holds on all of them ([`crate::sync::merge`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PauseChange {
    /// When it was asked for.
    pub at: DateTime<Utc>,
    /// The pause asked for; `None` for a resume.
    pub pause: Option<Pause>,
}

/// When what the machines of a `[sync]` folder share last changed here (by the user, or taken
/// from another machine), so that the newest change wins wherever it was made. Kept whether or
/// not sync is on, so that turning it on later compares real times; absent in older files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// The latest pause or resume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pause: Option<PauseChange>,
    /// When each stretch's level last changed (a Done, `--easy`, `--hard`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub levels: BTreeMap<String, DateTime<Utc>>,
    /// When each stretch set aside was last brought back (`stretchd stretches restore`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub restored: BTreeMap<String, DateTime<Utc>>,
}

impl Marks {
    /// Whether nothing is marked (then the state file leaves the field out).
    pub fn is_empty(&self) -> bool {
        self.pause.is_none() && self.levels.is_empty() && self.restored.is_empty()
    }
}

/// A stretch taken out of rotation (`stretchd hurt`), until `stretchd stretches restore`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// Why, in a few words ("it hurt").
    pub reason: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// The schedule's memory. The engine in [`crate::schedule`] reads and updates it; nothing in it
/// reads a clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// When counting started (the daemon's start, or `check --from`): interval reminders that
    /// never fired count from here.
    pub started: DateTime<Utc>,
    /// When each reminder last fired (or was absorbed by another firing).
    #[serde(default)]
    pub last_fired: BTreeMap<String, DateTime<Utc>>,
    /// Pending snoozes, at most one per reminder. Written as a list under `snooze`; a state
    /// file from before snoozes were per reminder holds one object there (or `null`).
    #[serde(default, rename = "snooze", deserialize_with = "one_or_many")]
    pub snoozes: Vec<Snooze>,
    /// A pause in force.
    #[serde(default)]
    pub pause: Option<Pause>,
    /// The stretch and posture rotation.
    #[serde(default)]
    pub rotation: Rotation,
    /// Whether the user has seen the safety notice: it goes with every stretch until the user
    /// answers one that carried it (Done, Skip, Snooze, a click) or reads it in the guide. (The
    /// name is older than the rule; a file from then that says `true` keeps it seen.)
    #[serde(default)]
    pub safety_shown: bool,
    /// Each stretch's level (see [`crate::schedule::level`]); a stretch without one holds for
    /// the low end of its range. Absent in older files.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub levels: BTreeMap<String, Level>,
    /// The stretches taken out of rotation, by id. Absent in older files.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub set_aside: BTreeMap<String, SetAside>,
    /// When the pause, the levels and the stretches brought back last changed, for `[sync]`.
    #[serde(default, skip_serializing_if = "Marks::is_empty")]
    pub marks: Marks,
    /// Whether the user is away, what holds reminders back, and the grace after a hold. Not
    /// saved: after a restart the presence sources report afresh.
    #[serde(skip)]
    pub presence: Presence,
}

/// Why the user counts as away.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Away {
    /// No input for at least the natural-break time.
    Idle,
    /// The screen is locked.
    Locked,
    /// The machine is suspended.
    Asleep,
}

/// Why reminders are held back although the user is here.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Quiet {
    /// The notification server is in do-not-disturb mode.
    DoNotDisturb,
    /// A full-screen window has the focus (a presentation, a video, a game).
    Fullscreen,
    /// A call: the microphone or a camera is captured, or the screen is cast.
    Call,
}

/// What holds reminders back right now, reason by reason: the one record of it, kept by
/// [`went_away`](crate::schedule::went_away), [`came_back`](crate::schedule::came_back) and
/// [`set_quiet`](crate::schedule::set_quiet), read by the schedule and by `stretchd status`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presence {
    /// The absence under way, if the user is away.
    pub(super) absence: Option<Absence>,
    /// The reasons to hold reminders back that are in force.
    pub(super) quiet: BTreeSet<Quiet>,
    /// After a hold ends, held reminders wait until this grace time.
    pub(super) hold_until: Option<DateTime<Utc>>,
}

/// An absence: since when, and the reasons still in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Absence {
    /// When it began: the earliest time any reason reported since the user was last here
    /// (reasons that ended meanwhile included), which decides whether it was a natural break.
    pub(super) since: DateTime<Utc>,
    /// Each reason in force, and since when it was reported. Never empty: the absence ends
    /// with its last reason.
    pub(super) reasons: BTreeMap<Away, DateTime<Utc>>,
}

impl Presence {
    /// Whether the user is away for any reason.
    pub fn is_away(&self) -> bool {
        self.absence.is_some()
    }

    /// Since when the user is away for `reason`, if they are.
    pub fn away_since(&self, reason: Away) -> Option<DateTime<Utc>> {
        self.absence.as_ref()?.reasons.get(&reason).copied()
    }

    /// The reasons the user is away for, each since when.
    pub fn away(&self) -> impl Iterator<Item = (Away, DateTime<Utc>)> + '_ {
        self.absence
            .iter()
            .flat_map(|a| a.reasons.iter().map(|(reason, since)| (*reason, *since)))
    }

    /// The reasons to hold reminders back that are in force.
    pub fn quiet(&self) -> impl Iterator<Item = Quiet> + '_ {
        self.quiet.iter().copied()
    }

    /// When the grace after a hold ends, while it runs (until a reminder is next settled).
    pub fn hold_until(&self) -> Option<DateTime<Utc>> {
        self.hold_until
    }

    /// Whether nothing may fire at all: the user is away, or a hold is in force.
    pub(super) fn holds(&self) -> bool {
        self.absence.is_some() || !self.quiet.is_empty()
    }
}

/// The years a saved time may fall in: from the Unix epoch to the last year with four digits.
/// A time outside them is no clock reading (chrono accepts years up to 262,142, and adding a
/// reminder's interval to one overflows), so a state holding one is taken for corrupt.
pub const YEARS: std::ops::RangeInclusive<i32> = crate::schedule::workhours::SANE_YEARS;

/// How far ahead a saved snooze or pause may end: [`crate::config::MAX_PAUSE`], the longest
/// pause with an end. One that ends later is cut to this.
pub const MAX_AHEAD: TimeDelta = TimeDelta::days(366);

/// A saved time outside [`YEARS`]: no clock reading, so the state holding it is corrupt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} is {}, outside the years {} to {}", .time.to_rfc3339(), YEARS.start(), YEARS.end())]
pub struct OutOfRange {
    /// The field, e.g. `last_fired."stretch"`.
    pub field: String,
    /// Its time.
    pub time: DateTime<Utc>,
}

impl State {
    /// The state with its times checked against `now` (the clock may have gone back since it
    /// was saved): any time outside [`YEARS`] is an error that names the field, except a
    /// stretch set aside's, which becomes `now` (the stretch stays aside); a time the
    /// state says has passed (`started`, `last_fired`, the rotation's) but that is later than
    /// `now` becomes `now`; a snooze or pause that ends more than [`MAX_AHEAD`] after `now`
    /// ends then instead. Pure.
    pub fn sanitized(mut self, now: DateTime<Utc>) -> Result<State, OutOfRange> {
        let check = |field: &str, time: &DateTime<Utc>| {
            if YEARS.contains(&time.year()) {
                Ok(())
            } else {
                Err(OutOfRange {
                    field: field.to_owned(),
                    time: *time,
                })
            }
        };
        check("started", &self.started)?;
        for (id, time) in &self.last_fired {
            check(&format!("last_fired.{id:?}"), time)?;
        }
        for (id, time) in &self.rotation.shown {
            check(&format!("rotation.shown.{id:?}"), time)?;
        }
        for snooze in &self.snoozes {
            check(
                &format!("snooze.{:?}.until", snooze.reminder),
                &snooze.until,
            )?;
        }
        if let Some(until) = self.pause.and_then(|p| p.until) {
            check("pause.until", &until)?;
        }
        // A stretch set aside stays aside whatever its time says (it hurt: it must not come
        // back because one field is garbled); a time outside the years becomes now.
        for aside in self.set_aside.values_mut() {
            if !YEARS.contains(&aside.at.year()) {
                aside.at = now;
            }
        }

        // One snooze per reminder (the last one written wins), as the schedule keeps them.
        let mut seen = std::collections::BTreeSet::new();
        let mut snoozes = std::mem::take(&mut self.snoozes);
        snoozes.reverse();
        snoozes.retain(|s| seen.insert(s.reminder.clone()));
        snoozes.reverse();
        self.snoozes = snoozes;

        let sane = |time: &DateTime<Utc>| YEARS.contains(&time.year());
        let marks = &mut self.marks;
        marks.pause = marks
            .pause
            .filter(|c| sane(&c.at) && c.pause.and_then(|p| p.until).is_none_or(|u| sane(&u)));
        marks.levels.retain(|_, t| sane(t));
        marks.restored.retain(|_, t| sane(t));

        let past = |time: &mut DateTime<Utc>| *time = (*time).min(now);
        past(&mut self.started);
        self.marks.levels.values_mut().for_each(past);
        self.marks.restored.values_mut().for_each(past);
        if let Some(change) = self.marks.pause.as_mut() {
            past(&mut change.at);
        }
        self.last_fired.values_mut().for_each(past);
        self.rotation.shown.values_mut().for_each(past);
        self.set_aside.values_mut().for_each(|a| past(&mut a.at));
        let latest = now.checked_add_signed(MAX_AHEAD).unwrap_or(now);
        for snooze in &mut self.snoozes {
            snooze.until = snooze.until.min(latest);
        }
        let marked = self.marks.pause.as_mut().and_then(|c| c.pause.as_mut());
        for until in [self.pause.as_mut(), marked]
            .into_iter()
            .flatten()
            .filter_map(|p| p.until.as_mut())
        {
            *until = (*until).min(latest);
        }
        Ok(self)
    }

    /// A fresh state that starts counting at `started`.
    pub fn new(started: DateTime<Utc>) -> State {
        State {
            started,
            last_fired: BTreeMap::new(),
            snoozes: Vec::new(),
            pause: None,
            rotation: Rotation::default(),
            safety_shown: false,
            levels: BTreeMap::new(),
            set_aside: BTreeMap::new(),
            marks: Marks::default(),
            presence: Presence::default(),
        }
    }
}

/// Reads `snooze` as a list, a single snooze (older files) or `null`.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Snooze>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(Snooze),
        Many(Vec<Snooze>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(list)) => list,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    const NOW: &str = "2026-11-24T10:00:00Z";

    /// A state with every time set to `time`, and a snooze and a pause.
    fn everywhere(time: DateTime<Utc>) -> State {
        let mut state = State::new(time);
        state.last_fired.insert("stretch".into(), time);
        state.rotation.stretch_shown("seated-twist", time);
        state.snoozes = vec![Snooze {
            reminder: "stretch".into(),
            item: "seated-twist".into(),
            until: time,
            count: 1,
        }];
        state.pause = Some(Pause { until: Some(time) });
        state.set_aside.insert(
            "cat-camel".into(),
            SetAside {
                reason: "it hurt".into(),
                at: time,
            },
        );
        state
    }

    /// Sets one time of a state.
    type Set = fn(&mut State, DateTime<Utc>);

    #[test]
    fn times_out_of_range_name_their_field() {
        let now = t(NOW);
        for extreme in ["+262142-12-29T00:00:00Z", "-262143-01-01T00:00:00Z"] {
            let bad = t(extreme);
            let cases: [(&str, Set); 5] = [
                ("started", |s, t| s.started = t),
                ("last_fired.\"stretch\"", |s, t| {
                    s.last_fired.insert("stretch".into(), t);
                }),
                ("rotation.shown.\"seated-twist\"", |s, t| {
                    s.rotation.shown.insert("seated-twist".into(), t);
                }),
                ("snooze.\"stretch\".until", |s, t| s.snoozes[0].until = t),
                ("pause.until", |s, t| {
                    s.pause = Some(Pause { until: Some(t) });
                }),
            ];
            for (field, set) in cases {
                let mut state = everywhere(now);
                set(&mut state, bad);
                let err = state.sanitized(now).unwrap_err().to_string();
                assert!(err.starts_with(&format!("{field} is ")), "{err}");
                assert!(err.contains("outside the years 1970 to 9999"), "{err}");
            }
        }
        assert_eq!(everywhere(now).sanitized(now), Ok(everywhere(now)));
        // A stretch set aside stays aside, at now, whatever its time.
        for extreme in [
            "+262142-12-29T00:00:00Z",
            "-262143-01-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
        ] {
            let mut state = everywhere(now);
            state.set_aside.get_mut("cat-camel").unwrap().at = t(extreme);
            assert_eq!(state.sanitized(now), Ok(everywhere(now)), "{extreme}");
        }
        let epoch = t("1970-01-01T00:00:00Z");
        assert_eq!(everywhere(epoch).sanitized(now), Ok(everywhere(epoch)));
    }

    #[test]
    fn the_future_is_pulled_back_to_now_and_long_holds_to_a_year() {
        let now = t(NOW);
        let sane = everywhere(now + TimeDelta::hours(2))
            .sanitized(now)
            .unwrap();
        assert_eq!(sane.started, now);
        assert_eq!(sane.last_fired["stretch"], now);
        assert_eq!(sane.rotation.shown["seated-twist"], now);
        assert_eq!(sane.set_aside["cat-camel"].at, now);
        // A snooze and a pause are meant to end later: those stay.
        assert_eq!(sane.snoozes[0].until, now + TimeDelta::hours(2));
        assert_eq!(sane.pause.unwrap().until, Some(now + TimeDelta::hours(2)));

        let far = everywhere(t("9999-12-31T23:59:59Z"))
            .sanitized(now)
            .unwrap();
        assert_eq!(far.snoozes[0].until, now + MAX_AHEAD);
        assert_eq!(far.pause.unwrap().until, Some(now + MAX_AHEAD));
        // A pause without an end stays one.
        let mut open = State::new(now);
        open.pause = Some(Pause { until: None });
        assert_eq!(open.clone().sanitized(now), Ok(open));
    }
}
