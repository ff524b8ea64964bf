//! When a stretch does not suit you: `stretchd hurt` takes it out of rotation (the rotation skips
//! what is set aside, see [`super::next_in_rotation`]) and says what to do instead; `stretchd
//! stretches restore` brings it back. Pure: the daemon and the CLI apply these to the state.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use crate::catalog::{Catalog, Stretch};
use crate::config::Config;
use crate::schedule::state::{SetAside, State};

/// The reason `stretchd hurt` gives.
pub const HURT: &str = "it hurt";

/// Sets `id` aside at `at` for `reason` (a stretch already set aside keeps its first reason).
pub fn set_aside(state: &mut State, id: &str, reason: &str, at: DateTime<Utc>) {
    state
        .set_aside
        .entry(id.to_owned())
        .or_insert_with(|| SetAside {
            reason: reason.to_owned(),
            at,
        });
}

/// What `stretchd hurt` says about `stretch`, set aside in `state`: stop, see a professional if
/// the pain persists, how to bring it back, and the stretch to do instead (one that works the
/// same area, or the nearest, that fits the desk and is not set aside too).
pub fn hurt_advice(config: &Config, state: &State, stretch: &Stretch) -> String {
    let mut out = format!(
        "Stop \"{}\" now. It is set aside: stretchd will not suggest it again (`stretchd stretches restore {}` brings it back).\n\
         If the pain persists, see a healthcare professional (a doctor or a physiotherapist).",
        stretch.name, stretch.id
    );
    let others = Catalog {
        stretches: config
            .catalog
            .stretches
            .iter()
            .filter(|s| !state.set_aside.contains_key(&s.id))
            .cloned()
            .collect(),
        postures: Vec::new(),
    };
    match others.alternative(stretch, &config.fit.positions, &config.fit.equipment) {
        Some(alt) if alt.area == stretch.area => _ = write!(
            out,
            "\nInstead, try \"{}\" (`stretchd guide {}`): it works the same area, {}.",
            alt.name,
            alt.id,
            alt.area.label()
        ),
        Some(alt) => _ = write!(
            out,
            "\nInstead, try \"{}\" (`stretchd guide {}`): no other stretch for {} fits your positions and equipment, and it works the nearest area, {}.",
            alt.name,
            alt.id,
            stretch.area.label(),
            alt.area.label()
        ),
        None => out.push_str(
            "\nNo other stretch fits your positions and equipment; add some to `[fit]` in the config to get one.",
        ),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_advice_names_an_alternative_that_is_not_set_aside() {
        let config = Config::parse(
            crate::config::DEFAULT_TOML,
            &crate::config::Origin::Embedded,
        )
        .unwrap();
        let mut state = State::new(t("2026-12-01T10:00:00Z"));
        let twist = config.catalog.stretch("seated-twist").unwrap();
        set_aside(&mut state, "seated-twist", HURT, t("2026-12-01T10:00:00Z"));
        let advice = hurt_advice(&config, &state, twist);
        assert!(advice.starts_with("Stop \"Seated twist\" now."), "{advice}");
        assert!(advice.contains("healthcare professional"), "{advice}");
        assert!(
            advice.contains("`stretchd stretches restore seated-twist`"),
            "{advice}"
        );
        let named = |advice: &str| {
            config
                .catalog
                .stretches
                .iter()
                .find(|s| advice.contains(&format!("`stretchd guide {}`", s.id)))
                .map(|s| s.id.clone())
        };
        let alt = named(&advice).expect("an alternative");
        assert_ne!(alt, "seated-twist");
        // With that one set aside too, another is named.
        set_aside(&mut state, &alt, HURT, t("2026-12-01T11:00:00Z"));
        let next = named(&hurt_advice(&config, &state, twist)).expect("another");
        assert!(next != alt && next != "seated-twist", "{next}");
        // A stretch set aside again keeps its first time.
        assert_eq!(state.set_aside[&alt].at, t("2026-12-01T11:00:00Z"));
        set_aside(&mut state, &alt, "again", t("2026-12-01T12:00:00Z"));
        assert_eq!(state.set_aside[&alt].reason, HURT);
    }
}
