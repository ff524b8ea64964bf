//! Cron schedules as users write them, translated for the `cron` crate, and DST-safe iteration.
//!
//! Users write crontab(5) lines: five fields, weekdays 0-7 with 0 and 7 both Sunday, or the same
//! with a seconds field first. The `cron` crate wants seconds first and counts weekdays 1 =
//! Sunday, so the weekday field is rewritten as an explicit list in the crate's numbering.

use std::str::FromStr;

use chrono::{DateTime, TimeZone, Utc};

use crate::schedule::workhours::earliest;

/// Iterations allowed while stepping over occurrences that must be skipped (the second pass of
/// a repeated hour); an every-second schedule needs at most 3600.
const MAX_SKIPS: usize = 10_000;

const DAY_NAMES: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/// A parsed cron schedule plus the text the user wrote.
#[derive(Debug, Clone)]
pub struct CronSpec {
    source: String,
    schedule: cron::Schedule,
}

impl PartialEq for CronSpec {
    fn eq(&self, other: &CronSpec) -> bool {
        self.source == other.source
    }
}

/// Why a cron line is not a schedule. The message says what is wrong, without the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CronError {
    /// Not 5 or 6 fields.
    #[error("it has {0} fields, not 5 or 6")]
    Fields(usize),
    /// A weekday step that is not a positive number.
    #[error("weekday step \"{0}\" is not a positive number")]
    Step(String),
    /// A weekday range such as `fri-mon`.
    #[error("weekday range \"{0}\" runs backwards")]
    Backwards(String),
    /// Not 0-7 or a day name.
    #[error(
        "\"{0}\" is not a weekday (0-7, where 0 and 7 are Sunday, or sun, mon, tue, wed, thu, fri, sat)"
    )]
    Weekday(String),
    /// The `cron` crate refused the translated line (its reason, on one line).
    #[error("{0}")]
    Refused(String),
    /// An `@` macro the schedule does not know (`@reboot`).
    #[error(
        "\"{0}\" is not a schedule macro (allowed: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)"
    )]
    Macro(String),
    /// A valid line that matches no time at all (`0 0 30 2 *`).
    #[error("it never fires")]
    Never,
}

impl CronSpec {
    /// Parses a 5-field crontab line or a 6-field line with seconds first, or an `@daily`-style
    /// macro. The error says what is wrong, without the line itself.
    pub fn parse(source: &str) -> Result<CronSpec, CronError> {
        let translated = translate(source)?;
        // The crate's message draws a caret under the translated line over several lines; keep
        // only its last line, the reason, so the config error stays on one line.
        let schedule = cron::Schedule::from_str(&translated).map_err(|e| {
            let e = e.to_string();
            CronError::Refused(
                e.lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or(&e)
                    .trim()
                    .to_owned(),
            )
        })?;
        if schedule.upcoming(Utc).next().is_none() {
            return Err(CronError::Never);
        }
        Ok(CronSpec {
            source: source.to_owned(),
            schedule,
        })
    }

    /// The text the user wrote.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The first occurrence strictly after `since`, in the zone `tz`.
    ///
    /// A wall-clock time that occurs twice (the repeated hour at the autumn change) counts once,
    /// at its first instant: the `cron` crate would yield its second instant too, and asked from
    /// inside the repeated hour it yields the first one, which lies before `since`. Times that do
    /// not exist (the spring gap) are skipped.
    pub fn next_after<Tz: TimeZone>(&self, since: DateTime<Utc>, tz: &Tz) -> Option<DateTime<Utc>> {
        let mut t = since.with_timezone(tz);
        for _ in 0..MAX_SKIPS {
            // A fresh iterator returns one instant of an ambiguous time, the one the zone lists
            // first (for `chrono::Local` the later one), and `chrono::Local` also yields times
            // at the edge of the spring gap: the time counts at its earliest real instant.
            let next = self.schedule.after(&t).next()?;
            if let Some(first) = earliest(tz, next.naive_local())
                && first > since
            {
                return Some(first);
            }
            t = next;
        }
        None
    }
}

/// Rewrites a user's cron line into the `cron` crate's 6-field form.
fn translate(source: &str) -> Result<String, CronError> {
    let line = source.trim();
    if line.starts_with('@') {
        const MACROS: [&str; 7] = [
            "@yearly",
            "@annually",
            "@monthly",
            "@weekly",
            "@daily",
            "@midnight",
            "@hourly",
        ];
        if !MACROS.contains(&line) {
            return Err(CronError::Macro(line.to_owned()));
        }
        return Ok(line.to_owned());
    }
    let mut fields: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
    match fields.len() {
        5 => fields.insert(0, "0".to_owned()),
        6 => {}
        n => return Err(CronError::Fields(n)),
    }
    fields[5] = weekdays(&fields[5])?;
    Ok(fields.join(" "))
}

/// A crontab weekday field (0-7, names, ranges, lists, steps) as a list in the `cron` crate's
/// numbering (1 = Sunday), or `*`.
fn weekdays(field: &str) -> Result<String, CronError> {
    if field == "*" || field == "?" {
        return Ok("*".to_owned());
    }
    let mut days = [false; 7];
    for part in field.split(',') {
        let (range, step) = match part.split_once('/') {
            Some((r, s)) => (
                r,
                s.parse::<usize>()
                    .ok()
                    .filter(|s| *s > 0)
                    .ok_or_else(|| CronError::Step(s.to_owned()))?,
            ),
            None => (part, 1),
        };
        let (lo, hi) = match range {
            "*" => (0, 6),
            _ => match range.split_once('-') {
                Some((a, b)) => (day(a)?, day(b)?),
                // "3/2" means from 3 to the end of the week.
                None if step > 1 => (day(range)?, 6),
                None => (day(range)?, day(range)?),
            },
        };
        if lo > hi {
            return Err(CronError::Backwards(range.to_owned()));
        }
        for d in (lo..=hi).step_by(step) {
            days[d % 7] = true;
        }
    }
    if days.iter().all(|d| *d) {
        return Ok("*".to_owned());
    }
    let list: Vec<String> = (0..7)
        .filter(|d| days[*d])
        .map(|d| (d + 1).to_string())
        .collect();
    Ok(list.join(","))
}

/// One crontab weekday: 0-7 (0 and 7 are Sunday) or a three-letter name.
fn day(s: &str) -> Result<usize, CronError> {
    let lower = s.to_ascii_lowercase();
    if let Some(i) = DAY_NAMES.iter().position(|n| *n == lower) {
        return Ok(i);
    }
    match s.parse::<usize>() {
        Ok(n) if n <= 7 => Ok(n),
        _ => Err(CronError::Weekday(s.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crontab_lines_translate_to_cron_crate_form() {
        let cases = [
            ("30 15 * * mon-fri", "0 30 15 * * 2,3,4,5,6"),
            ("30 15 * * 1-5", "0 30 15 * * 2,3,4,5,6"),
            ("0 9 * * 0", "0 0 9 * * 1"),
            ("0 9 * * 7", "0 0 9 * * 1"),
            ("0 9 * * 5-7", "0 0 9 * * 1,6,7"),
            ("0 9 * * sat,sun", "0 0 9 * * 1,7"),
            ("0 9 * * 0-6", "0 0 9 * * *"),
            ("0 9 * * */2", "0 0 9 * * 1,3,5,7"),
            ("0 9 * * 1/2", "0 0 9 * * 2,4,6"),
            ("*/15 9-17 * * *", "0 */15 9-17 * * *"),
            ("30 0 9 * * MON", "30 0 9 * * 2"),
            ("@daily", "@daily"),
        ];
        for (user, crate_form) in cases {
            assert_eq!(translate(user).as_deref(), Ok(crate_form), "{user}");
            CronSpec::parse(user).unwrap_or_else(|e| panic!("{user}: {e}"));
        }
    }

    #[test]
    fn bad_cron_lines_are_rejected_with_a_reason() {
        for (bad, why) in [
            ("* * * *", "4 fields"),
            ("1 2 3 4 5 6 7", "7 fields"),
            ("0 9 * * 8", "not a weekday"),
            ("0 9 * * fri-mon", "backwards"),
            ("0 9 * * */0", "positive"),
            ("61 9 * * *", ""),
            ("0 0 30 2 *", "never fires"),
            ("every day", "2 fields"),
        ] {
            let err = CronSpec::parse(bad).expect_err(bad);
            assert!(err.to_string().contains(why), "{bad}: {err}");
        }
    }
}
