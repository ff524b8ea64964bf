//! Work days and hours, and the concrete work windows they make in a time zone.

use std::fmt;

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta,
    TimeZone, Utc, Weekday,
};

/// Minutes in a day; a range may end at `24:00`.
const DAY_MINUTES: u32 = 24 * 60;

/// A daily time range such as `09:00-12:30`, in minutes after local midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeRange {
    start: u32,
    end: u32,
}

impl TimeRange {
    /// Parses `"HH:MM-HH:MM"`. The end must come after the start; it may be `24:00`.
    pub fn parse(s: &str) -> Result<TimeRange, &'static str> {
        let (a, b) = s
            .split_once('-')
            .ok_or("it is not two times joined by '-'")?;
        let start = minutes(a.trim()).ok_or("the start is not a time of day")?;
        let end = minutes(b.trim()).ok_or("the end is not a time of day")?;
        if start >= DAY_MINUTES {
            return Err("the start must be before 24:00");
        }
        if end <= start {
            return Err(
                "the end must be after the start (split a range that crosses midnight in two)",
            );
        }
        Ok(TimeRange { start, end })
    }

    /// Whether the two ranges share any minute.
    pub fn overlaps(&self, other: &TimeRange) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// `"HH:MM"` to minutes after midnight; `"24:00"` is allowed as an end.
fn minutes(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || h.len() > 2 || !digits(m) || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let total = h * 60 + m;
    (m < 60 && total <= DAY_MINUTES).then_some(total)
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}-{:02}:{:02}",
            self.start / 60,
            self.start % 60,
            self.end / 60,
            self.end % 60
        )
    }
}

/// A stretch of working time between two instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First instant inside.
    pub start: DateTime<Utc>,
    /// First instant after.
    pub end: DateTime<Utc>,
}

impl Window {
    /// Whether `t` lies inside.
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.start <= t && t < self.end
    }
}

/// Work days and daily work hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkHours {
    days: Vec<Weekday>,
    ranges: Vec<TimeRange>,
}

impl WorkHours {
    /// Work hours on these days. Ranges must not overlap (the config checks).
    pub fn new(days: Vec<Weekday>, mut ranges: Vec<TimeRange>) -> WorkHours {
        ranges.sort();
        WorkHours { days, ranges }
    }

    /// The work days.
    pub fn days(&self) -> &[Weekday] {
        &self.days
    }

    /// The daily ranges, in order.
    pub fn ranges(&self) -> &[TimeRange] {
        &self.ranges
    }

    /// The longest work window the week makes, joining ranges that touch (across midnight
    /// too). Two weeks are laid out so that a run through the week's end counts whole; work
    /// all day every day gives those two weeks.
    pub fn longest_window(&self) -> std::time::Duration {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        let mut weekday = Weekday::Mon;
        for day in 0..14u32 {
            let works = self.days.contains(&weekday);
            weekday = weekday.succ();
            if !works {
                continue;
            }
            for r in &self.ranges {
                join(
                    &mut runs,
                    day * DAY_MINUTES + r.start,
                    day * DAY_MINUTES + r.end,
                );
            }
        }
        let longest = runs.iter().map(|(start, end)| end - start).max();
        std::time::Duration::from_secs(u64::from(longest.unwrap_or(0)) * 60)
    }

    /// Work windows that end after `t`, in order, for the next eight days (a week of windows
    /// always includes one, since there is at least one work day and one range). Outside
    /// [`SANE_YEARS`] there are none: nothing is scheduled at the edges of the calendar, where
    /// date arithmetic would overflow.
    ///
    /// Ranges that touch are one window: `00:00-24:00` on consecutive days, a night shift
    /// written as `22:00-24:00` and `00:00-06:00`, or `09:00-12:00` beside `12:00-13:00`. So an
    /// interval counts on across midnight instead of restarting there. A window that runs
    /// through the whole look-ahead starts, at the earliest, the day before `t`'s and ends
    /// where the eight days do; every interval is shorter than a day, so it fits either way.
    pub fn windows_from<Tz: TimeZone>(
        &self,
        t: DateTime<Utc>,
        tz: &Tz,
    ) -> impl Iterator<Item = Window> {
        let mut spans = Vec::new();
        if SANE_YEARS.contains(&t.year()) {
            let date = t.with_timezone(tz).date_naive();
            let first = date.checked_sub_days(Days::new(1)).unwrap_or(date);
            let days = (0..=8)
                .filter_map(|i| first.checked_add_days(Days::new(i)))
                .filter(|date| self.days.contains(&date.weekday()));
            // A range can be empty on the day of a spring change (`02:30-03:15`, where 02:30
            // counts as 03:30): it joins nothing, nor moves the start of the range it touches.
            // One that ends past the calendar's edge is left out before joining, so the run
            // before it still counts.
            let ranges = days
                .flat_map(|date| self.ranges.iter().filter_map(move |r| window(tz, date, *r)))
                .filter(|w| w.start < w.end && SANE_YEARS.contains(&w.end.year()));
            for w in ranges {
                join(&mut spans, w.start, w.end);
            }
        }
        spans
            .into_iter()
            .filter(move |(_, end)| *end > t)
            .map(|(start, end)| Window { start, end })
    }

    /// The work window containing `t`, if `t` is inside work hours.
    pub fn window_at<Tz: TimeZone>(&self, t: DateTime<Utc>, tz: &Tz) -> Option<Window> {
        self.windows_from(t, tz).next().filter(|w| w.contains(t))
    }
}

/// Adds the span `start..end` (none of `spans` starts later) to `spans`: joined to the last
/// one if they touch or overlap, else after it.
fn join<T: Ord + Copy>(spans: &mut Vec<(T, T)>, start: T, end: T) {
    match spans.last_mut() {
        Some(last) if start <= last.1 => last.1 = last.1.max(end),
        _ => spans.push((start, end)),
    }
}

/// The years whose instants the schedule works with; the state file and requests are kept
/// inside them, and anything outside has no work windows.
pub const SANE_YEARS: std::ops::RangeInclusive<i32> = 1970..=9999;

fn window<Tz: TimeZone>(tz: &Tz, date: NaiveDate, range: TimeRange) -> Option<Window> {
    let at = |m: u32| {
        let local = date
            .and_time(NaiveTime::MIN)
            .checked_add_signed(TimeDelta::minutes(i64::from(m)))?;
        Some(local_instant(tz, local))
    };
    Some(Window {
        start: at(range.start)?,
        end: at(range.end)?,
    })
}

/// The instant of a local wall-clock time: the first of two at the autumn change, and in the
/// spring gap the instant as far after the gap's start as the wall time is.
///
/// Every zone resolves the same way here: `chrono::Local` lists the two instants of an
/// ambiguous time in another order than `chrono_tz` zones do, so "the first" is taken as the
/// earlier instant, never as the first one listed.
pub fn local_instant<Tz: TimeZone>(tz: &Tz, naive: NaiveDateTime) -> DateTime<Utc> {
    if let Some(t) = earliest(tz, naive) {
        return t;
    }
    let hour = TimeDelta::hours(1);
    naive
        .checked_sub_signed(hour)
        .and_then(|before| earliest(tz, before))
        .and_then(|t| t.checked_add_signed(hour))
        .unwrap_or_else(|| naive.and_utc())
}

/// The start of tomorrow in zone `tz` (`stretchd pause --until-tomorrow`, the tray's "Pause
/// until tomorrow").
pub fn tomorrow_start<Tz: TimeZone>(tz: &Tz, now: DateTime<Utc>) -> DateTime<Utc> {
    let today = now.with_timezone(tz).date_naive();
    let tomorrow = today.succ_opt().unwrap_or(today);
    local_instant(tz, tomorrow.and_time(chrono::NaiveTime::MIN))
}

/// The earlier instant of a local time that may be ambiguous, or `None` in a gap.
///
/// Only an instant that reads as `naive` on the zone's clock counts: at the edges of a change
/// `chrono::Local` also offers the change's own instant, which the clock reads otherwise (in
/// Berlin it makes the autumn's 03:00 ambiguous with 02:00 CET, and gives the spring's missing
/// 02:00 as 03:00 CEST).
pub(crate) fn earliest<Tz: TimeZone>(tz: &Tz, naive: NaiveDateTime) -> Option<DateTime<Utc>> {
    let real = |t: DateTime<Tz>| {
        let t = t.with_timezone(&Utc);
        (t.with_timezone(tz).naive_local() == naive).then_some(t)
    };
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => real(t),
        LocalResult::Ambiguous(a, b) => match (real(a), real(b)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        },
        LocalResult::None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_parse_and_reject() {
        assert_eq!(
            TimeRange::parse("09:00-17:30").unwrap().to_string(),
            "09:00-17:30"
        );
        assert_eq!(
            TimeRange::parse("9:00 - 24:00").unwrap().to_string(),
            "09:00-24:00"
        );
        for bad in [
            "",
            "09:00",
            "17:00-09:00",
            "09:00-09:00",
            "25:00-26:00",
            "09:60-10:00",
            "9-17",
            "24:00-24:00",
        ] {
            assert!(TimeRange::parse(bad).is_err(), "{bad:?}");
        }
        let a = TimeRange::parse("09:00-12:00").unwrap();
        assert!(a.overlaps(&TimeRange::parse("11:59-13:00").unwrap()));
        assert!(!a.overlaps(&TimeRange::parse("12:00-13:00").unwrap()));
    }
    #[test]
    fn the_longest_window_joins_ranges_that_touch() {
        use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
        let hours = |days: &[Weekday], ranges: &[&str]| {
            let ranges = ranges
                .iter()
                .map(|r| TimeRange::parse(r).unwrap())
                .collect();
            WorkHours::new(days.to_vec(), ranges)
                .longest_window()
                .as_secs()
                / 60
        };
        assert_eq!(hours(&[Mon], &["09:00-12:30", "13:30-18:00"]), 270);
        assert_eq!(hours(&[Mon], &["09:00-12:00", "12:00-13:00"]), 240);
        // A night shift across midnight, and across the week's end (Sunday into Monday).
        assert_eq!(hours(&[Mon, Tue], &["00:00-06:00", "22:00-24:00"]), 8 * 60);
        assert_eq!(hours(&[Sun, Mon], &["00:00-06:00", "22:00-24:00"]), 8 * 60);
        assert_eq!(hours(&[Sat, Sun, Mon], &["00:00-24:00"]), 3 * 24 * 60);
        let week = [Mon, Tue, Wed, Thu, Fri, Sat, Sun];
        assert_eq!(hours(&week, &["00:00-24:00"]), 14 * 24 * 60);
    }
}
