//! The program the article prescribes: short desk stretches through the work day, and a few
//! times a week a stretch session: a warm-up, then every stretch that fits the user's positions
//! and equipment, in catalogue order.

use super::{Catalog, Fit, Stretch};

/// The `item` of a session reminder's firings and of the history entries of sessions.
pub const SESSION_ITEM: &str = "session";

/// How long the session's warm-up lasts: the short end of the article's 5-10 minutes.
pub const WARM_UP_SECS: u32 = 300;

impl Catalog {
    /// The stretches a work-day stretch reminder rotates through: those that fit `fit` and can
    /// be done at a desk (sitting or standing, no equipment), in catalogue order.
    pub fn desk_stretches(&self, fit: &Fit) -> Vec<&Stretch> {
        self.stretches
            .iter()
            .filter(|s| fit.allows(s) && s.desk_friendly())
            .collect()
    }

    /// The stretches of a session: every one that fits `fit`, in catalogue order.
    pub fn session(&self, fit: &Fit) -> Vec<&Stretch> {
        self.stretches.iter().filter(|s| fit.allows(s)).collect()
    }
}

/// How long a session of `stretches` takes at most, in seconds: the warm-up (unless skipped)
/// and every stretch's dose at its longest.
pub fn session_secs(stretches: &[&Stretch], warm_up: bool) -> u64 {
    let doses: u64 = stretches.iter().map(|s| s.dose.longest_secs()).sum();
    doses + if warm_up { u64::from(WARM_UP_SECS) } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Position;

    fn fit(positions: &[Position], equipment: &[&str]) -> Fit {
        Fit {
            positions: positions.to_vec(),
            equipment: equipment.iter().map(|e| (*e).to_owned()).collect(),
        }
    }

    fn ids(stretches: &[&Stretch]) -> Vec<String> {
        stretches.iter().map(|s| s.id.clone()).collect()
    }

    #[test]
    fn the_session_is_every_stretch_that_fits_in_catalogue_order() {
        use Position::{Chair, Floor, Standing};
        let c = Catalog::default();
        let table: [(&[Position], &[&str], &[&str]); 5] = [
            (
                &[Chair, Floor, Standing],
                &[],
                &[
                    "cat-camel",
                    "thoracic-extension",
                    "seated-twist",
                    "thread-the-needle",
                ],
            ),
            (
                &[Chair, Floor, Standing],
                &["foam_roller"],
                &[
                    "cat-camel",
                    "thoracic-extension",
                    "seated-twist",
                    "thread-the-needle",
                    "foam-rolling",
                ],
            ),
            (
                &[Chair],
                &["foam_roller"],
                &["thoracic-extension", "seated-twist"],
            ),
            (&[Floor], &[], &["cat-camel", "thread-the-needle"]),
            (&[Standing], &[], &[]),
        ];
        for (positions, equipment, expected) in table {
            let got = ids(&c.session(&fit(positions, equipment)));
            assert_eq!(got, expected, "{positions:?} {equipment:?}");
        }
    }

    #[test]
    fn desk_stretches_are_chair_or_standing_without_equipment() {
        use Position::{Chair, Floor, Standing};
        let c = Catalog::default();
        let all = fit(&[Chair, Floor, Standing], &["foam_roller"]);
        assert_eq!(
            ids(&c.desk_stretches(&all)),
            ["thoracic-extension", "seated-twist"]
        );
        assert!(
            c.desk_stretches(&fit(&[Floor], &["foam_roller"]))
                .is_empty()
        );
        for s in c.desk_stretches(&all) {
            assert_ne!(s.position, Floor, "{}", s.id);
        }
    }

    #[test]
    fn a_session_lasts_its_warm_up_and_its_doses() {
        let c = Catalog::default();
        let chair = c.session(&fit(&[Position::Chair], &[]));
        let doses: u64 = chair.iter().map(|s| s.dose.longest_secs()).sum();
        assert!(doses > 0);
        assert_eq!(session_secs(&chair, false), doses);
        assert_eq!(session_secs(&chair, true), doses + 300);
    }
}
