//! When a stretch does not suit you: `stretchd hurt` takes it out of rotation (the rotation skips
//! what is set aside, see [`super::next_in_rotation`]) and says what to do instead; `stretchd
//! stretches restore` brings it back. Pure: the daemon and the CLI apply these to the state.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use crate::catalog::{Catalog, Stretch};
use crate::config::Config;
use crate::i18n::{Messages, arg};
use crate::schedule::state::{SetAside, State};

/// The reason `stretchd hurt` gives, as the state file keeps it.
pub const HURT: &str = "it hurt";

/// A reason kept in the state, to show: [`HURT`] in the language of `messages`, any other as
/// written.
pub fn reason(messages: &Messages, reason: &str) -> String {
    if reason == HURT {
        messages.get("aside-reason-hurt")
    } else {
        crate::text::printable(reason).into_owned()
    }
}

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

/// Brings `id` back into rotation at `at`, marking when ([`Marks::restored`], for `[sync]`);
/// returns whether it was set aside.
///
/// [`Marks::restored`]: crate::schedule::state::Marks
pub fn restore(state: &mut State, id: &str, at: DateTime<Utc>) -> bool {
    if state.set_aside.remove(id).is_none() {
        return false;
    }
    state.marks.restored.insert(id.to_owned(), at);
    true
}

/// What `stretchd hurt` says about `stretch`, set aside in `state`: stop, see a professional if
/// the pain persists, how to bring it back, and the stretch to do instead (one that works the
/// same area, or the nearest, that fits the desk and is not set aside too).
pub fn hurt_advice(m: &Messages, config: &Config, state: &State, stretch: &Stretch) -> String {
    let name = |s: &Stretch| arg(m.stretch_name(s).into_owned());
    let mut out = m.fmt(
        "hurt-stop",
        &[("name", name(stretch)), ("id", arg(stretch.id.as_str()))],
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
    let line = match others.alternative(stretch, &config.fit.positions, &config.fit.equipment) {
        Some(alt) if alt.area == stretch.area => m.fmt(
            "hurt-instead-same-area",
            &[
                ("name", name(alt)),
                ("id", arg(alt.id.as_str())),
                ("area", arg(m.area(alt.area))),
            ],
        ),
        Some(alt) => {
            let id = if others_fit_aside(config, state, stretch) {
                "hurt-instead-nearest-aside"
            } else {
                "hurt-instead-nearest"
            };
            let args = [
                ("name", name(alt)),
                ("id", arg(alt.id.as_str())),
                ("area", arg(m.area(stretch.area))),
                ("nearest", arg(m.area(alt.area))),
            ];
            m.fmt(id, &args)
        }
        None if others_fit_aside(config, state, stretch) => m.get("hurt-all-aside"),
        None => m.get("hurt-none-fits"),
    };
    let _ = write!(out, "\n{line}");
    out
}

/// Whether a stretch other than `stretch` fits the config's positions and equipment but is set
/// aside in `state`.
fn others_fit_aside(config: &Config, state: &State, stretch: &Stretch) -> bool {
    config
        .catalog
        .stretches
        .iter()
        .any(|s| s.id != stretch.id && config.fit.allows(s) && state.set_aside.contains_key(&s.id))
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
        let advice = hurt_advice(&Messages::english(), &config, &state, twist);
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
        let next =
            named(&hurt_advice(&Messages::english(), &config, &state, twist)).expect("another");
        assert!(next != alt && next != "seated-twist", "{next}");
        // A stretch set aside again keeps its first time.
        assert_eq!(state.set_aside[&alt].at, t("2026-12-01T11:00:00Z"));
        set_aside(&mut state, &alt, "again", t("2026-12-01T12:00:00Z"));
        assert_eq!(state.set_aside[&alt].reason, HURT);
    }

    #[test]
    fn with_every_other_stretch_set_aside_the_advice_says_so_and_how_to_restore() {
        let config = Config::parse(
            crate::config::DEFAULT_TOML,
            &crate::config::Origin::Embedded,
        )
        .unwrap();
        let mut state = State::new(t("2026-12-01T10:00:00Z"));
        for s in &config.catalog.stretches {
            set_aside(&mut state, &s.id, HURT, t("2026-12-01T10:00:00Z"));
        }
        let twist = config.catalog.stretch("seated-twist").unwrap();
        let advice = hurt_advice(&Messages::english(), &config, &state, twist);
        assert!(
            advice.contains(
                "Every other stretch that fits your positions and equipment is set aside too"
            ),
            "{advice}"
        );
        assert!(
            advice.contains("`stretchd stretches restore ID`"),
            "{advice}"
        );
        // The config has no [fit] table: the advice never sends the user to one.
        assert!(!advice.contains("[fit]"), "{advice}");
        // With nothing else that fits (and nothing set aside), it names [stretches].
        let mut none_fit = config.clone();
        none_fit.fit.positions.clear();
        let fresh = State::new(t("2026-12-01T10:00:00Z"));
        let advice = hurt_advice(&Messages::english(), &none_fit, &fresh, twist);
        assert!(
            advice.contains("under [stretches] in the config"),
            "{advice}"
        );
    }
}
