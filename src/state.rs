//! What the daemon remembers between reminders: when each reminder last fired, a pending snooze,
//! the stretch rotation, and whether the safety notice was shown.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::catalog::Rotation;

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
    /// Whether the safety notice has been shown (it goes with the first stretch ever).
    #[serde(default)]
    pub safety_shown: bool,
    /// Since when the user is away (idle, locked or asleep). Not saved: after a restart the
    /// presence sources report afresh.
    #[serde(skip)]
    pub away_since: Option<DateTime<Utc>>,
    /// Whether something holds reminders back (do not disturb, a full-screen window). Not saved.
    #[serde(skip)]
    pub quiet: bool,
    /// After a hold ends, held reminders wait until this grace time. Not saved.
    #[serde(skip)]
    pub hold_until: Option<DateTime<Utc>>,
}

impl State {
    /// A fresh state that starts counting at `started`.
    pub fn new(started: DateTime<Utc>) -> State {
        State {
            started,
            last_fired: BTreeMap::new(),
            snoozes: Vec::new(),
            pause: None,
            rotation: Rotation::default(),
            safety_shown: false,
            away_since: None,
            quiet: false,
            hold_until: None,
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
