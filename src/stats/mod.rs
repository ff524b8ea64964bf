//! Summaries of the history for `stretchd stats` and `stretchd history`: this week by day, the
//! weekly goal, the streak of weeks that met it, counts per stretch and per outcome.
//!
//! [`summarize`] is pure: it takes the entries, the current time and the local time zone, so
//! tests pin all three. [`Tally`] does the same one entry at a time, for a streamed history.
//! Weeks run Monday to Sunday in local time; an entry belongs to the local date it happened on.
//! A stretch session is an entry of kind session with outcome done: those fill the weekly goal.
//! Desk stretches (kind stretch, done) are counted per day and per stretch, but not toward it.
//! After the goal is met [`SUGGEST_AFTER`] weeks in a row, [`suggested_goal`] proposes one
//! session more; stretchd never changes the goal itself.

use std::collections::HashMap;

use chrono::{DateTime, Datelike as _, Days, NaiveDate, TimeZone, Utc, Weekday};
use serde::Serialize;

use crate::config::Kind;
use crate::store::history::{Entry, Outcome};

mod render;

pub use render::{outcome, render, render_history, render_machine_history, suggestion_line};

/// One day of the current week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    /// The local date.
    pub date: NaiveDate,
    /// Stretch sessions done that day.
    pub sessions: u32,
    /// Desk stretches done that day.
    pub stretches: u32,
    /// Posture checks done that day.
    pub postures: u32,
}

/// How many times one stretch was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemCount {
    /// The stretch id.
    pub item: String,
    /// How many times it was done as a desk stretch, over the whole history.
    pub done: u32,
}

/// How many entries ended each way, over the whole history and both kinds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OutcomeCounts {
    /// Done.
    pub done: u32,
    /// Snoozed.
    pub snoozed: u32,
    /// Skipped.
    pub skipped: u32,
    /// Closed without an answer.
    pub dismissed: u32,
    /// Timed out or replaced without an answer.
    pub expired: u32,
    /// Hurt, and set aside.
    pub hurt: u32,
}

impl OutcomeCounts {
    /// The count for one outcome.
    pub fn get(&self, outcome: Outcome) -> u32 {
        match outcome {
            Outcome::Done => self.done,
            Outcome::Snoozed => self.snoozed,
            Outcome::Skipped => self.skipped,
            Outcome::Dismissed => self.dismissed,
            Outcome::Expired => self.expired,
            Outcome::Hurt => self.hurt,
        }
    }

    fn add(&mut self, outcome: Outcome) {
        let count = match outcome {
            Outcome::Done => &mut self.done,
            Outcome::Snoozed => &mut self.snoozed,
            Outcome::Skipped => &mut self.skipped,
            Outcome::Dismissed => &mut self.dismissed,
            Outcome::Expired => &mut self.expired,
            Outcome::Hurt => &mut self.hurt,
        };
        *count = count.saturating_add(1);
    }
}

/// The summary `stretchd stats` shows (and prints as JSON with `--json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Today's local date.
    pub today: NaiveDate,
    /// The current local week, Monday to Sunday, always seven days.
    pub week: Vec<DayCount>,
    /// The weekly goal: stretch sessions a week.
    pub goal: u32,
    /// Stretch sessions done this week.
    pub done_this_week: u32,
    /// Whether this week already meets the goal.
    pub goal_met: bool,
    /// Consecutive weeks that met the goal: up to and including this week if it already meets
    /// it, otherwise up to and including last week.
    pub streak_weeks: u32,
    /// One session a week more, to suggest after a streak ([`suggested_goal`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggest: Option<u32>,
    /// Desk stretches done per stretch over the whole history, most done first, ties by id.
    pub per_stretch: Vec<ItemCount>,
    /// Entries per outcome over the whole history.
    pub outcomes: OutcomeCounts,
    /// The local date of the oldest entry; `None` for an empty history.
    pub since: Option<NaiveDate>,
}

/// The Monday that starts the week of `date`.
fn week_start(date: NaiveDate) -> NaiveDate {
    date.week(Weekday::Mon)
        .checked_first_day()
        .unwrap_or(NaiveDate::MIN)
}

/// How many of `done` (the times of stretch sessions done) fall in the local week, Monday to
/// Sunday in `tz`, that contains `now`: the weekly progress `stretchd status` shows, counted the
/// way [`summarize`] counts `done_this_week`.
pub fn done_this_week<Tz: TimeZone>(done: &[DateTime<Utc>], now: DateTime<Utc>, tz: &Tz) -> u32 {
    let this_week = week_start(now.with_timezone(tz).date_naive());
    let count = done
        .iter()
        .filter(|t| week_start(t.with_timezone(tz).date_naive()) == this_week)
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// The weeks in a row that met the goal, after which [`suggested_goal`] proposes one more.
pub const SUGGEST_AFTER: u32 = 3;

/// How many days of sessions the weekly progress and its suggestion look at: this week and the
/// [`SUGGEST_AFTER`] weeks before it, and a day to spare (what the daemon reads of the history
/// at start, and what each machine shares of its sessions with `[sync]`).
pub const RECENT_DAYS: i64 = 7 * (1 + SUGGEST_AFTER as i64) + 1;

/// The most sessions a week [`suggested_goal`] proposes: one a day.
pub const MOST_SUGGESTED: u32 = 7;

/// The goal to suggest after `streak_weeks` weeks in a row met `goal`: one session a week more,
/// from [`SUGGEST_AFTER`] weeks on, up to [`MOST_SUGGESTED`]; `None` otherwise (a missed week
/// ends the streak, and nothing nags).
pub fn suggested_goal(streak_weeks: u32, goal: u32) -> Option<u32> {
    (streak_weeks >= SUGGEST_AFTER && goal < MOST_SUGGESTED).then(|| goal + 1)
}

/// [`suggested_goal`] for the sessions done at `done` (any order), as of `now` in `tz`: the
/// streak counted as [`summarize`] counts it, back to the week of the oldest of them at most.
pub fn suggestion<Tz: TimeZone>(
    done: &[DateTime<Utc>],
    now: DateTime<Utc>,
    tz: &Tz,
    goal: u32,
) -> Option<u32> {
    let mut tally = Tally::new(now, tz, goal);
    for t in done {
        tally.add_session(*t);
    }
    tally.finish().suggest
}

/// The date `days` days after `date`, saturating at the ends of the calendar.
fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// Summarises `entries` (in any order) as of `now`, with weeks starting on Monday in `tz`: a
/// [`Tally`] of them all.
///
/// A goal of 0 is met by every week; the streak then counts back to the week of the oldest entry.
pub fn summarize<Tz: TimeZone>(entries: &[Entry], now: DateTime<Utc>, tz: &Tz, goal: u32) -> Stats {
    let mut tally = Tally::new(now, tz, goal);
    for entry in entries {
        tally.add(entry);
    }
    tally.finish()
}

/// A summary built one entry at a time, so that a history of any length can be streamed
/// through it (`stretchd stats` does) without holding its entries: what it keeps is per week
/// and per stretch, not per entry.
#[derive(Debug)]
pub struct Tally<'tz, Tz: TimeZone> {
    tz: &'tz Tz,
    goal: u32,
    today: NaiveDate,
    this_week: NaiveDate,
    week: Vec<DayCount>,
    per_week: HashMap<NaiveDate, u32>,
    per_stretch: HashMap<String, u32>,
    outcomes: OutcomeCounts,
    since: Option<NaiveDate>,
}

impl<'tz, Tz: TimeZone> Tally<'tz, Tz> {
    /// An empty tally as of `now`, with weeks starting on Monday in `tz`.
    pub fn new(now: DateTime<Utc>, tz: &'tz Tz, goal: u32) -> Self {
        let today = now.with_timezone(tz).date_naive();
        let this_week = week_start(today);
        let week = (0..7)
            .map(|i| DayCount {
                date: add_days(this_week, i),
                sessions: 0,
                stretches: 0,
                postures: 0,
            })
            .collect();
        Tally {
            tz,
            goal,
            today,
            this_week,
            week,
            per_week: HashMap::new(),
            per_stretch: HashMap::new(),
            outcomes: OutcomeCounts::default(),
            since: None,
        }
    }

    /// Counts one entry; the order of entries does not matter.
    pub fn add(&mut self, entry: &Entry) {
        let date = self.date(entry.time);
        self.outcomes.add(entry.outcome);
        if entry.outcome != Outcome::Done {
            return;
        }
        match entry.kind {
            Kind::Session => self.add_session(entry.time),
            Kind::Stretch => {
                // Looked up before inserting: no allocation for an id already counted.
                if let Some(n) = self.per_stretch.get_mut(entry.item.as_str()) {
                    *n = n.saturating_add(1);
                } else {
                    self.per_stretch.insert(entry.item.clone(), 1);
                }
                if let Some(day) = self.day(date) {
                    day.stretches = day.stretches.saturating_add(1);
                }
            }
            Kind::Posture => {
                if let Some(day) = self.day(date) {
                    day.postures = day.postures.saturating_add(1);
                }
            }
        }
    }

    /// Counts a stretch session done at `time` toward its week.
    fn add_session(&mut self, time: DateTime<Utc>) {
        let date = self.date(time);
        let n = self.per_week.entry(week_start(date)).or_default();
        *n = n.saturating_add(1);
        if let Some(day) = self.day(date) {
            day.sessions = day.sessions.saturating_add(1);
        }
    }

    /// The local date of `time`, which also moves `since` back to it.
    fn date(&mut self, time: DateTime<Utc>) -> NaiveDate {
        let date = time.with_timezone(self.tz).date_naive();
        self.since = Some(self.since.map_or(date, |s| s.min(date)));
        date
    }

    /// The day of this week at `date`; `None` for a date in another week.
    fn day(&mut self, date: NaiveDate) -> Option<&mut DayCount> {
        (week_start(date) == self.this_week)
            .then(|| {
                self.week
                    .get_mut(date.weekday().num_days_from_monday() as usize)
            })
            .flatten()
    }

    /// The summary of every entry added.
    pub fn finish(self) -> Stats {
        let Tally {
            goal,
            today,
            this_week,
            week,
            per_week,
            per_stretch,
            outcomes,
            since,
            ..
        } = self;
        let done_this_week = week
            .iter()
            .fold(0u32, |sum, d| sum.saturating_add(d.sessions));
        let goal_met = done_this_week >= goal;
        let latest = if goal_met {
            Some(this_week)
        } else {
            this_week.checked_sub_days(Days::new(7))
        };
        let streak_weeks = streak(&per_week, latest, since.map(week_start), goal);

        let mut per_stretch: Vec<ItemCount> = per_stretch
            .into_iter()
            .map(|(item, done)| ItemCount { item, done })
            .collect();
        per_stretch.sort_by(|a, b| b.done.cmp(&a.done).then_with(|| a.item.cmp(&b.item)));

        Stats {
            today,
            week,
            goal,
            done_this_week,
            goal_met,
            streak_weeks,
            suggest: suggested_goal(streak_weeks, goal),
            per_stretch,
            outcomes,
            since,
        }
    }
}

/// Consecutive weeks that met `goal` (stretch sessions a week, `per_week` by the Monday that
/// starts each), counting back from the week starting on `latest` to the week of the oldest
/// entry at most.
fn streak(
    per_week: &HashMap<NaiveDate, u32>,
    latest: Option<NaiveDate>,
    oldest_week: Option<NaiveDate>,
    goal: u32,
) -> u32 {
    let mut weeks = 0u32;
    let mut at = latest;
    while let (Some(week_of), Some(oldest)) = (at, oldest_week) {
        if week_of < oldest || per_week.get(&week_of).copied().unwrap_or(0) < goal {
            break;
        }
        weeks = weeks.saturating_add(1);
        at = week_of.checked_sub_days(Days::new(7));
    }
    weeks
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDateTime;
    use chrono_tz::Europe::Berlin;

    use super::*;
    use crate::catalog::Catalog;
    use crate::i18n::Messages;

    /// A Berlin local time as UTC.
    fn at(local: &str) -> DateTime<Utc> {
        let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M:%S").unwrap();
        Berlin
            .from_local_datetime(&naive)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn stretch(local: &str, item: &str, outcome: Outcome) -> Entry {
        Entry {
            time: at(local),
            reminder: "stretch".into(),
            kind: Kind::Stretch,
            item: item.into(),
            outcome,
        }
    }

    /// A stretch session done.
    fn done(local: &str) -> Entry {
        Entry {
            time: at(local),
            reminder: "session".into(),
            kind: Kind::Session,
            item: crate::catalog::SESSION_ITEM.into(),
            outcome: Outcome::Done,
        }
    }

    fn posture(local: &str, outcome: Outcome) -> Entry {
        Entry {
            time: at(local),
            reminder: "posture".into(),
            kind: Kind::Posture,
            item: "shoulders".into(),
            outcome,
        }
    }

    // 2025-11-24 is a Monday; "now" is Wednesday 2025-11-26 in Berlin (UTC+1).
    const NOW: &str = "2025-11-26 15:00:00";

    #[test]
    fn week_by_day_counts_sessions_desk_stretches_and_postures() {
        let entries = [
            done("2025-11-24 10:00:00"),
            stretch("2025-11-24 11:00:00", "cat-camel", Outcome::Done),
            stretch("2025-11-24 12:00:00", "cat-camel", Outcome::Skipped),
            posture("2025-11-24 09:30:00", Outcome::Done),
            posture("2025-11-25 09:30:00", Outcome::Done),
            posture("2025-11-25 10:00:00", Outcome::Done),
            posture("2025-11-25 10:30:00", Outcome::Expired),
            done("2025-11-26 14:00:00"),
            // Last week and next week do not count towards this one.
            done("2025-11-23 23:59:59"),
            done("2025-12-01 00:00:00"),
        ];
        let s = summarize(&entries, at(NOW), &Berlin, 2);
        assert_eq!(s.today, date("2025-11-26"));
        let days: Vec<_> = s
            .week
            .iter()
            .map(|d| {
                let day = d.date.format("%a %d").to_string();
                (day, d.sessions, d.stretches, d.postures)
            })
            .collect();
        assert_eq!(
            days,
            [
                ("Mon 24".to_owned(), 1, 1, 1),
                ("Tue 25".to_owned(), 0, 0, 2),
                ("Wed 26".to_owned(), 1, 0, 0),
                ("Thu 27".to_owned(), 0, 0, 0),
                ("Fri 28".to_owned(), 0, 0, 0),
                ("Sat 29".to_owned(), 0, 0, 0),
                ("Sun 30".to_owned(), 0, 0, 0),
            ]
        );
        // Sessions fill the goal; the desk stretch on Monday does not.
        assert_eq!(s.done_this_week, 2);
        assert!(s.goal_met);
        assert_eq!(s.goal, 2);
        assert!(!summarize(&entries, at(NOW), &Berlin, 3).goal_met);
        assert_eq!(
            s.outcomes,
            OutcomeCounts {
                done: 8,
                skipped: 1,
                expired: 1,
                ..OutcomeCounts::default()
            }
        );
        assert_eq!(s.since, Some(date("2025-11-23")));
    }

    #[test]
    fn monday_midnight_local_starts_the_new_week() {
        // Monday 00:00 in Berlin is Sunday 23:00 UTC: the entry belongs to the new week.
        let monday = done("2025-11-24 00:00:00");
        assert_eq!(monday.time.to_rfc3339(), "2025-11-23T23:00:00+00:00");
        let sunday = done("2025-11-23 23:59:59");
        let s = summarize(&[monday, sunday], at("2025-11-24 00:00:00"), &Berlin, 1);
        assert_eq!(s.today, date("2025-11-24"));
        assert_eq!(s.week[0].date, date("2025-11-24"));
        assert_eq!(s.week[0].sessions, 1);
        assert_eq!(s.done_this_week, 1);
        // Both this week and last week meet a goal of 1.
        assert_eq!(s.streak_weeks, 2);

        // One second before that Monday, the current week is the one before: Sunday's entry is
        // its last day, and the Monday entry belongs to a week that has not started.
        let s = summarize(
            &[done("2025-11-24 00:00:00"), done("2025-11-23 23:59:59")],
            at("2025-11-23 23:59:59"),
            &Berlin,
            1,
        );
        assert_eq!(s.week[0].date, date("2025-11-17"));
        assert_eq!(s.week[6].sessions, 1);
        assert_eq!(s.done_this_week, 1);
        assert_eq!(s.streak_weeks, 1);
    }

    #[test]
    fn weeks_follow_local_time_across_dst() {
        // Berlin leaves summer time on Sunday 2025-10-26; the week of Mon 20 - Sun 26 Oct.
        let entries = [
            done("2025-10-20 00:00:00"), // Sunday 22:00 UTC
            done("2025-10-26 23:59:59"),
            done("2025-10-27 00:00:00"), // next week
        ];
        let s = summarize(&entries, at("2025-10-26 12:00:00"), &Berlin, 2);
        assert_eq!(s.week[0].date, date("2025-10-20"));
        assert_eq!(s.week[0].sessions, 1);
        assert_eq!(s.week[6].sessions, 1);
        assert_eq!(s.done_this_week, 2);
    }

    /// `n` stretch sessions on the Tuesday of the week that starts on `monday`.
    fn sessions(monday: &str, n: u32) -> Vec<Entry> {
        let tuesday = add_days(date(monday), 1);
        (0..n)
            .map(|i| done(&format!("{tuesday} {:02}:00:00", 9 + i)))
            .collect()
    }

    #[test]
    fn streak_counts_consecutive_weeks_meeting_the_goal() {
        let weeks = [
            ("2025-09-29", 5), // met, but before the break
            ("2025-10-06", 1), // the break
            ("2025-10-13", 3),
            ("2025-10-20", 4),
            ("2025-10-27", 3),
            ("2025-11-03", 6),
            ("2025-11-10", 3),
            ("2025-11-17", 3), // last week
        ];
        let mut entries: Vec<Entry> = weeks.iter().flat_map(|(m, n)| sessions(m, *n)).collect();

        // This week has not met the goal yet: the streak ends with last week.
        entries.extend(sessions("2025-11-24", 2));
        let s = summarize(&entries, at(NOW), &Berlin, 3);
        assert_eq!(s.done_this_week, 2);
        assert!(!s.goal_met);
        assert_eq!(s.streak_weeks, 6);

        // Once it does, this week counts too.
        entries.push(done("2025-11-26 14:30:00"));
        let s = summarize(&entries, at(NOW), &Berlin, 3);
        assert!(s.goal_met);
        assert_eq!(s.streak_weeks, 7);

        // A goal of 4: neither this week (3) nor last week (3) meets it.
        let s = summarize(&entries, at(NOW), &Berlin, 4);
        assert_eq!(s.streak_weeks, 0);

        // Entries in any order give the same result.
        entries.reverse();
        assert_eq!(summarize(&entries, at(NOW), &Berlin, 3).streak_weeks, 7);
    }

    #[test]
    fn a_week_with_no_sessions_breaks_the_streak() {
        let mut entries = sessions("2025-11-03", 3);
        entries.extend(sessions("2025-11-17", 3));
        // The week of 10 November is empty.
        let s = summarize(&entries, at(NOW), &Berlin, 3);
        assert_eq!(s.streak_weeks, 1);
        // Last week missed, this week not yet met: no streak.
        let s = summarize(&sessions("2025-11-10", 3), at(NOW), &Berlin, 3);
        assert_eq!(s.streak_weeks, 0);
    }

    #[test]
    fn goal_zero_counts_back_to_the_first_entry_only() {
        let s = summarize(&[], at(NOW), &Berlin, 0);
        assert_eq!(s.streak_weeks, 0);
        assert!(s.goal_met);
        let s = summarize(
            &[posture("2025-11-12 10:00:00", Outcome::Done)],
            at(NOW),
            &Berlin,
            0,
        );
        // Weeks of 10, 17 and 24 November.
        assert_eq!(s.streak_weeks, 3);
    }

    #[test]
    fn per_stretch_counts_done_sessions_most_first_then_by_id() {
        let entries = [
            stretch("2025-11-20 10:00:00", "thread-the-needle", Outcome::Done),
            stretch("2025-11-20 11:00:00", "cat-camel", Outcome::Done),
            stretch("2025-11-20 12:00:00", "seated-twist", Outcome::Done),
            stretch("2025-11-21 10:00:00", "seated-twist", Outcome::Done),
            stretch("2025-11-21 11:00:00", "foam-rolling", Outcome::Snoozed),
            stretch("2025-11-21 12:00:00", "cat-camel", Outcome::Skipped),
            posture("2025-11-21 12:00:00", Outcome::Done),
        ];
        let s = summarize(&entries, at(NOW), &Berlin, 3);
        let counts: Vec<_> = s
            .per_stretch
            .iter()
            .map(|c| (c.item.as_str(), c.done))
            .collect();
        assert_eq!(
            counts,
            [
                ("seated-twist", 2),
                ("cat-camel", 1),
                ("thread-the-needle", 1)
            ]
        );
    }

    #[test]
    fn render_draws_the_week_goal_streak_and_names() {
        let mut entries = sessions("2025-11-17", 3);
        entries.extend([
            done("2025-11-24 10:00:00"),
            done("2025-11-24 17:00:00"),
            done("2025-11-24 18:00:00"),
            stretch("2025-11-24 11:00:00", "cat-camel", Outcome::Done),
            stretch("2025-11-24 12:00:00", "my-own", Outcome::Done),
            stretch("2025-11-25 12:00:00", "seated-twist", Outcome::Done),
            stretch("2025-11-25 14:00:00", "seated-twist", Outcome::Done),
            posture("2025-11-25 10:00:00", Outcome::Done),
            posture("2025-11-25 11:00:00", Outcome::Dismissed),
        ]);
        let s = summarize(&entries, at(NOW), &Berlin, 4);
        let text = render(&Messages::english(), &s, &Catalog::default());
        assert!(!text.contains('\u{1b}'), "no colour codes:\n{text}");
        let expected = "\
This week (Mon 24 Nov to Sun 30 Nov): stretch sessions, desk stretches, posture checks
Mon 24  ██████░░  3   desk 2   posture 0
Tue 25  ░░░░░░░░  0   desk 2   posture 1
Wed 26  ░░░░░░░░  0   desk 0   posture 0  <- today
Thu 27  ░░░░░░░░  0   desk 0   posture 0
Fri 28  ░░░░░░░░  0   desk 0   posture 0
Sat 29  ░░░░░░░░  0   desk 0   posture 0
Sun 30  ░░░░░░░░  0   desk 0   posture 0

Goal: 3/4 stretch sessions this week
Streak: 0 weeks

Desk stretches since 2025-11-18:
  Seated twist     2
  Cat-camel        1
  my-own           1

All reminders: 11 done, 0 snoozed, 0 skipped, 1 dismissed, 0 expired, 0 hurt
";
        assert_eq!(text, expected, "\n{text}");

        let s = summarize(&entries, at(NOW), &Berlin, 3);
        let text = render(&Messages::english(), &s, &Catalog::default());
        assert!(text.contains("Mon 24  ██████  3   desk 2"), "{text}");
        assert!(text.contains("\nGoal: 3/3 stretch sessions this week (met)\n"));
        assert!(text.contains("\nStreak: 2 weeks\n"));
        assert!(!text.contains("one more session"), "{text}");
    }

    #[test]
    fn the_suggestion_comes_after_three_weeks_in_a_row_and_stops_at_one_a_day() {
        let table = [
            // (streak, goal, suggestion)
            (0, 3, None),
            (1, 3, None),
            (2, 3, None),
            (3, 3, Some(4)),
            (9, 3, Some(4)),
            (3, 2, Some(3)),
            (3, 6, Some(7)),
            (3, 7, None),
            (5, 10, None),
        ];
        for (streak, goal, expected) in table {
            assert_eq!(suggested_goal(streak, goal), expected, "{streak} {goal}");
        }
    }

    #[test]
    fn stats_suggest_one_more_session_after_a_streak_and_never_after_a_miss() {
        // Three weeks met (3 sessions each), this week not yet: a streak of 3.
        let mut entries: Vec<Entry> = ["2025-11-03", "2025-11-10", "2025-11-17"]
            .iter()
            .flat_map(|m| sessions(m, 3))
            .collect();
        let s = summarize(&entries, at(NOW), &Berlin, 3);
        assert_eq!((s.streak_weeks, s.suggest), (3, Some(4)));
        let text = render(&Messages::english(), &s, &Catalog::default());
        assert!(
            text.contains("\nStreak: 3 weeks\nThe goal was met 3+ weeks in a row: ready for one more session a week? Set [goal] sessions_per_week = 4 in the config.\n"),
            "{text}"
        );
        // The daemon's count from the session times alone agrees.
        let times: Vec<DateTime<Utc>> = entries.iter().map(|e| e.time).collect();
        assert_eq!(suggestion(&times, at(NOW), &Berlin, 3), Some(4));

        // Desk stretches, however many, fill no week: no streak, no suggestion.
        let desk: Vec<Entry> = (0..30)
            .map(|i| {
                stretch(
                    &format!("2025-11-{:02} 10:00:00", 3 + i % 21),
                    "seated-twist",
                    Outcome::Done,
                )
            })
            .collect();
        let s = summarize(&desk, at(NOW), &Berlin, 3);
        assert_eq!((s.streak_weeks, s.suggest), (0, None));

        // Last week missed (2 of 3): the streak is broken and nothing nags.
        entries.retain(|e| e.time != at("2025-11-18 11:00:00"));
        let s = summarize(&entries, at(NOW), &Berlin, 3);
        assert_eq!((s.streak_weeks, s.suggest), (0, None));
        assert!(!render(&Messages::english(), &s, &Catalog::default()).contains("one more"));
        let times: Vec<DateTime<Utc>> = entries.iter().map(|e| e.time).collect();
        assert_eq!(suggestion(&times, at(NOW), &Berlin, 3), None);
    }

    #[test]
    fn render_of_an_empty_history() {
        let s = summarize(&[], at(NOW), &Berlin, 3);
        assert_eq!(s.since, None);
        assert_eq!(s.week.len(), 7);
        let text = render(&Messages::english(), &s, &Catalog::default());
        assert!(
            text.contains("Mon 24  ░░░░░░  0   desk 0   posture 0\n"),
            "{text}"
        );
        assert!(text.contains("Goal: 0/3 stretch sessions this week\n"));
        assert!(text.contains("Streak: 0 weeks\n"));
        assert!(text.contains("No desk stretches done yet.\n"));
    }

    #[test]
    fn history_lists_local_time_outcome_reminder_and_item() {
        let entries = [
            stretch("2025-11-24 10:00:00", "seated-twist", Outcome::Done),
            posture("2025-11-24 10:25:00", Outcome::Snoozed),
        ];
        assert_eq!(
            render_history(&Messages::english(), &entries, &Berlin),
            "Mon 2025-11-24 10:00  done       stretch  seated-twist\n\
             Mon 2025-11-24 10:25  snoozed    posture  shoulders\n"
        );
        assert_eq!(
            render_history(&Messages::english(), &[], &Berlin),
            "No history entries.\n"
        );
        let mine = [("desk", &entries[0]), ("laptop", &entries[1])];
        assert_eq!(
            render_machine_history(&Messages::english(), &mine, &Berlin),
            "Mon 2025-11-24 10:00  desk    done       stretch  seated-twist\n\
             Mon 2025-11-24 10:25  laptop  snoozed    posture  shoulders\n"
        );
    }

    /// A year of generated history, about 5,000 entries: each work day, posture checks every
    /// half hour and a stretch reminder every two hours, with a fixed mix of outcomes.
    fn a_year() -> Vec<Entry> {
        const ITEMS: [&str; 4] = [
            "cat-camel",
            "thoracic-extension",
            "seated-twist",
            "thread-the-needle",
        ];
        let first = date("2024-11-25"); // a Monday
        let mut entries = Vec::new();
        for day in 0..364u64 {
            let d = add_days(first, day);
            if d.weekday().num_days_from_monday() >= 5 {
                continue;
            }
            for slot in 0..16u32 {
                let local = format!("{d} {:02}:{:02}:00", 9 + slot / 2, (slot % 2) * 30);
                let outcome = if slot % 5 == 4 {
                    Outcome::Expired
                } else {
                    Outcome::Done
                };
                entries.push(posture(&local, outcome));
                if slot % 4 == 1 {
                    let n = entries.len();
                    let outcome = match n % 3 {
                        0 => Outcome::Done,
                        1 => Outcome::Snoozed,
                        _ => Outcome::Skipped,
                    };
                    entries.push(stretch(&local, ITEMS[n % 4], outcome));
                }
            }
            // A session on Mondays, Wednesdays and Fridays.
            if d.weekday().num_days_from_monday().is_multiple_of(2) {
                entries.push(done(&format!("{d} 17:00:00")));
            }
        }
        entries
    }

    #[test]
    fn a_year_of_history_reads_and_summarises() {
        let entries = a_year();
        // 52 weeks of 5 days, 16 posture checks and 4 stretch reminders a day, and 3 sessions a
        // week.
        assert_eq!(entries.len(), 52 * 5 * 20 + 52 * 3);

        // Through the file format and back, as `stretchd stats` reads it.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(crate::store::history::FILE_NAME);
        let mut text = String::new();
        for e in &entries {
            text.push_str(&serde_json::to_string(e).unwrap());
            text.push('\n');
        }
        std::fs::write(&path, text).unwrap();
        let log = crate::store::history::read(&path).unwrap();
        assert!(log.skipped.is_empty());
        assert_eq!(log.entries, entries);

        let now = at("2025-11-21 18:00:00"); // the Friday of the last generated week
        let s = summarize(&log.entries, now, &Berlin, 3);
        let stretch_done: u32 = s.per_stretch.iter().map(|c| c.done).sum();
        let expected_done = entries
            .iter()
            .filter(|e| e.kind == Kind::Stretch && e.outcome == Outcome::Done)
            .count();
        assert_eq!(stretch_done as usize, expected_done);
        assert_eq!(s.per_stretch.len(), 4);
        let total: u32 = Outcome::ALL.iter().map(|o| s.outcomes.get(*o)).sum();
        assert_eq!(total as usize, entries.len());
        assert_eq!(s.outcomes.expired, 52 * 5 * 3);
        assert_eq!(
            s.outcomes.done,
            52 * 5 * 13 + u32::try_from(expected_done).unwrap() + 52 * 3
        );
        // Every work day of this week has 13 posture checks done.
        let postures: Vec<u32> = s.week.iter().map(|d| d.postures).collect();
        assert_eq!(postures, [13, 13, 13, 13, 13, 0, 0]);
        assert_eq!(s.since, Some(date("2024-11-25")));
        // Three sessions a week (the desk stretches do not count): every week meets the goal of 3.
        assert_eq!(s.done_this_week, 3);
        assert_eq!(s.streak_weeks, 52);
        assert_eq!(s.suggest, Some(4));
        assert!(render(&Messages::english(), &s, &Catalog::default()).contains("Streak: 52 weeks"));
    }

    #[test]
    fn control_characters_from_the_history_are_escaped() {
        let evil = Entry {
            reminder: "re\u{1b}]0;t\u{7}".into(),
            ..stretch("2025-11-24 10:00:00", "\u{1b}[31mevil", Outcome::Done)
        };
        let listed = render_history(&Messages::english(), std::slice::from_ref(&evil), &Berlin);
        assert_eq!(
            listed,
            "Mon 2025-11-24 10:00  done       re\\u{1b}]0;t\\u{7}  \\u{1b}[31mevil\n"
        );
        let s = summarize(&[evil], at(NOW), &Berlin, 3);
        let text = render(&Messages::english(), &s, &Catalog::default());
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(text.contains(r"  \u{1b}[31mevil     1"), "{text}");
    }

    #[test]
    fn a_tally_fed_one_entry_at_a_time_is_summarize() {
        let entries = a_year();
        let mut tally = Tally::new(at(NOW), &Berlin, 3);
        for e in entries.iter().rev() {
            tally.add(e);
        }
        assert_eq!(tally.finish(), summarize(&entries, at(NOW), &Berlin, 3));
    }
}
