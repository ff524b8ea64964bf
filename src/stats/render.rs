//! The summaries as text for a terminal: the week with its bars, the goal and streak, the
//! stretches done, the history listing.

use std::fmt::{self, Write as _};

use chrono::TimeZone;

use super::{DayCount, SUGGEST_AFTER, Stats};
use crate::catalog::Catalog;
use crate::i18n::{Messages, arg};
use crate::store::history::{Entry, Outcome};
use crate::text::{pad, pad_left, printable, width};

/// The widest a day's bar gets, in cells.
const MAX_BAR: u64 = 20;

/// A day's bar: two cells per session while the scale is small, at most [`MAX_BAR`] cells.
fn bar(count: u32, scale: u32) -> String {
    let scale = u64::from(scale.max(1));
    let width = (2 * scale).min(MAX_BAR);
    let filled = (u64::from(count) * width).div_ceil(scale).min(width);
    let cells = |n: u64| usize::try_from(n).unwrap_or(0);
    "█".repeat(cells(filled)) + &"░".repeat(cells(width - filled))
}

/// An outcome as a word: "done", "skipped".
pub fn outcome(m: &Messages, outcome: Outcome) -> String {
    m.get(match outcome {
        Outcome::Done => "outcome-done",
        Outcome::Snoozed => "outcome-snoozed",
        Outcome::Skipped => "outcome-skipped",
        Outcome::Dismissed => "outcome-dismissed",
        Outcome::Expired => "outcome-expired",
        Outcome::Hurt => "outcome-hurt",
    })
}

/// The line that suggests one more session a week, from `suggest`
/// ([`Stats::suggest`], [`crate::ipc::Progress::suggest`]); `None` without a suggestion.
pub fn suggestion_line(m: &Messages, suggest: Option<u32>) -> Option<String> {
    suggest.map(|goal| {
        m.fmt(
            "stats-suggest",
            &[("weeks", arg(SUGGEST_AFTER)), ("goal", arg(goal))],
        )
    })
}

/// The `stretchd stats` text: this week as a small bar chart of stretch sessions (with desk
/// stretches and posture checks done beside it), the goal, the streak (and a suggestion after
/// one), then desk stretches per stretch by name and the outcome totals. Plain text, no colour
/// codes, and no control character from the history (see [`printable`]).
pub fn render(m: &Messages, stats: &Stats, catalog: &Catalog) -> String {
    let mut out = String::new();
    render_week(m, &mut out, stats);
    let goal = [
        ("done", arg(stats.done_this_week)),
        ("goal", arg(stats.goal)),
    ];
    let id = if stats.goal_met {
        "stats-goal-met"
    } else {
        "stats-goal"
    };
    let _ = writeln!(out, "\n{}", m.fmt(id, &goal));
    let streak = m.fmt("stats-streak", &[("weeks", arg(stats.streak_weeks))]);
    let _ = writeln!(out, "{streak}");
    if let Some(line) = suggestion_line(m, stats.suggest) {
        let _ = writeln!(out, "{line}");
    }
    render_per_stretch(m, &mut out, stats, catalog);
    let totals: Vec<String> = Outcome::ALL
        .iter()
        .map(|o| {
            let args = [
                ("count", arg(stats.outcomes.get(*o))),
                ("outcome", arg(outcome(m, *o))),
            ];
            m.fmt("stats-total", &args)
        })
        .collect();
    let totals = crate::i18n::list(m, &totals);
    let _ = writeln!(out, "\n{}", m.fmt("stats-all", &[("totals", arg(totals))]));
    out
}

/// The week's chart: a heading with its dates, then a line per day with the bar of stretch
/// sessions (scaled to the busiest day or the goal), their count, the desk stretches and the
/// posture checks.
fn render_week(m: &Messages, out: &mut String, stats: &Stats) {
    let (first, last) = match (stats.week.first(), stats.week.last()) {
        (Some(f), Some(l)) => (f.date, l.date),
        _ => (stats.today, stats.today),
    };
    let heading = m.fmt(
        "stats-week",
        &[
            ("first", arg(m.day_month(first))),
            ("last", arg(m.day_month(last))),
        ],
    );
    let _ = writeln!(out, "{heading}");
    let scale = stats
        .week
        .iter()
        .map(|d| d.sessions)
        .max()
        .unwrap_or(0)
        .max(stats.goal);
    let digits = |count: fn(&DayCount) -> u32| {
        stats
            .week
            .iter()
            .map(|d| count(d).to_string().len())
            .max()
            .unwrap_or(1)
    };
    let (sessions, desk) = (digits(|d| d.sessions), digits(|d| d.stretches));
    let days: Vec<String> = stats.week.iter().map(|d| m.day_of_month(d.date)).collect();
    let columns = days.iter().map(|d| width(d)).max().unwrap_or(0);
    for (day, name) in stats.week.iter().zip(&days) {
        let args = [
            ("desk", arg(pad_left(&day.stretches.to_string(), desk))),
            ("posture", arg(day.postures)),
        ];
        let counts = m.fmt("stats-day", &args);
        let today = if day.date == stats.today {
            format!("  {}", m.get("stats-today"))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{}  {}  {:>sessions$}   {counts}{today}",
            pad(name, columns),
            bar(day.sessions, scale),
            day.sessions,
        );
    }
}

/// Desk stretches done per stretch, by name, in a column, or a line saying there are none yet.
fn render_per_stretch(m: &Messages, out: &mut String, stats: &Stats, catalog: &Catalog) {
    if stats.per_stretch.is_empty() {
        let _ = writeln!(out, "\n{}", m.get("stats-no-desk-stretches"));
    } else {
        match stats.since {
            Some(since) => {
                let since = arg(since.format("%Y-%m-%d").to_string());
                let _ = writeln!(out, "\n{}", m.fmt("stats-desk-since", &[("date", since)]));
            }
            None => {
                let _ = writeln!(out, "\n{}", m.get("stats-desk"));
            }
        }
        let name = |id: &str| {
            let name = catalog.stretch(id).map_or(id.into(), |s| m.stretch_name(s));
            printable(&name).into_owned()
        };
        let rows: Vec<(String, u32)> = stats
            .per_stretch
            .iter()
            .map(|c| (name(&c.item), c.done))
            .collect();
        let columns = rows.iter().map(|(n, _)| width(n)).max().unwrap_or(0);
        for (name, done) in rows {
            let _ = writeln!(out, "  {}  {done:>4}", pad(&name, columns));
        }
    }
}

/// The `stretchd history` text: one line per entry, in the given order, with the local time, the
/// outcome, the reminder id and the stretch or posture id (both [`printable`]).
pub fn render_history<Tz: TimeZone>(m: &Messages, entries: &[Entry], tz: &Tz) -> String
where
    Tz::Offset: fmt::Display,
{
    render_lines(m, entries.iter().map(|e| (None, e)), tz)
}

/// [`render_history`] of several machines' entries (with `[sync]`): each line names the
/// machine the entry was recorded on (its hostname, [`printable`]) after the time.
pub fn render_machine_history<Tz: TimeZone>(
    m: &Messages,
    entries: &[(&str, &Entry)],
    tz: &Tz,
) -> String
where
    Tz::Offset: fmt::Display,
{
    render_lines(m, entries.iter().map(|(name, e)| (Some(*name), *e)), tz)
}

fn render_lines<'a, Tz: TimeZone>(
    m: &Messages,
    entries: impl Iterator<Item = (Option<&'a str>, &'a Entry)> + Clone,
    tz: &Tz,
) -> String
where
    Tz::Offset: fmt::Display,
{
    let Some(reminders) = entries
        .clone()
        .map(|(_, e)| width(&printable(&e.reminder)))
        .max()
    else {
        return m.get("history-empty") + "\n";
    };
    let machines = entries
        .clone()
        .map(|(name, _)| name.map_or(0, |n| width(&printable(n))))
        .max()
        .unwrap_or(0);
    let outcomes: Vec<String> = Outcome::ALL.iter().map(|o| outcome(m, *o)).collect();
    let outcome_width = outcomes.iter().map(|o| width(o)).max().unwrap_or(0).max(9);
    let mut out = String::new();
    for (machine, e) in entries {
        let machine = machine.map_or(String::new(), |n| {
            format!("{}  ", pad(&printable(n), machines))
        });
        let _ = writeln!(
            out,
            "{}  {machine}{}  {}  {}",
            m.day_date_minute(&e.time.with_timezone(tz)),
            pad(&outcome(m, e.outcome), outcome_width),
            pad(&printable(&e.reminder), reminders),
            printable(&e.item)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_goal_and_cap_their_width() {
        assert_eq!(bar(2, 3), "████░░");
        assert_eq!(bar(0, 3), "░░░░░░");
        assert_eq!(bar(0, 0), "░░");
        assert_eq!(bar(30, 30).chars().count(), 20);
        assert_eq!(bar(1, 30), format!("█{}", "░".repeat(19)));
    }
}
