//! The summaries as text for a terminal: the week with its bars, the goal and streak, the
//! stretches done, the history listing.

use std::fmt::{self, Write as _};

use chrono::TimeZone;

use super::{DayCount, SUGGEST_AFTER, Stats};
use crate::catalog::Catalog;
use crate::store::history::{Entry, Outcome};
use crate::text::printable;

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

/// "1 week", "4 weeks".
fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The line that suggests one more session a week, from `suggest`
/// ([`Stats::suggest`], [`crate::ipc::Progress::suggest`]); `None` without a suggestion.
pub fn suggestion_line(suggest: Option<u32>) -> Option<String> {
    suggest.map(|goal| {
        format!(
            "The goal was met {SUGGEST_AFTER}+ weeks in a row: ready for one more session a week? Set [goal] sessions_per_week = {goal} in the config."
        )
    })
}

/// The `stretchd stats` text: this week as a small bar chart of stretch sessions (with desk
/// stretches and posture checks done beside it), the goal, the streak (and a suggestion after
/// one), then desk stretches per stretch by name and the outcome totals. Plain text, no colour
/// codes, and no control character from the history (see [`printable`]).
pub fn render(stats: &Stats, catalog: &Catalog) -> String {
    let mut out = String::new();
    render_week(&mut out, stats);
    let met = if stats.goal_met { " (met)" } else { "" };
    let _ = writeln!(
        out,
        "\nGoal: {}/{} stretch sessions this week{met}",
        stats.done_this_week, stats.goal
    );
    let _ = writeln!(
        out,
        "Streak: {}",
        plural(stats.streak_weeks, "week", "weeks")
    );
    if let Some(line) = suggestion_line(stats.suggest) {
        let _ = writeln!(out, "{line}");
    }
    render_per_stretch(&mut out, stats, catalog);
    let totals: Vec<String> = Outcome::ALL
        .iter()
        .map(|o| format!("{} {o}", stats.outcomes.get(*o)))
        .collect();
    let _ = writeln!(out, "\nAll reminders: {}", totals.join(", "));
    out
}

/// The week's chart: a heading with its dates, then a line per day with the bar of stretch
/// sessions (scaled to the busiest day or the goal), their count, the desk stretches and the
/// posture checks.
fn render_week(out: &mut String, stats: &Stats) {
    let (first, last) = match (stats.week.first(), stats.week.last()) {
        (Some(f), Some(l)) => (f.date, l.date),
        _ => (stats.today, stats.today),
    };
    let _ = writeln!(
        out,
        "This week ({} to {}): stretch sessions, desk stretches, posture checks",
        first.format("%a %-d %b"),
        last.format("%a %-d %b")
    );
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
    for day in &stats.week {
        let today = if day.date == stats.today {
            "  <- today"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{}  {}  {:>sessions$}   desk {:>desk$}   posture {}{today}",
            day.date.format("%a %d"),
            bar(day.sessions, scale),
            day.sessions,
            day.stretches,
            day.postures
        );
    }
}

/// Desk stretches done per stretch, by name, in a column, or a line saying there are none yet.
fn render_per_stretch(out: &mut String, stats: &Stats, catalog: &Catalog) {
    if stats.per_stretch.is_empty() {
        out.push_str("\nNo desk stretches done yet.\n");
    } else {
        match stats.since {
            Some(since) => {
                let _ = writeln!(out, "\nDesk stretches since {since}:");
            }
            None => out.push_str("\nDesk stretches:\n"),
        }
        let name =
            |id: &str| printable(catalog.stretch(id).map_or(id, |s| s.name.as_str())).into_owned();
        let rows: Vec<(String, u32)> = stats
            .per_stretch
            .iter()
            .map(|c| (name(&c.item), c.done))
            .collect();
        let width = rows
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        for (name, done) in rows {
            let _ = writeln!(out, "  {name:width$}  {done:>4}");
        }
    }
}

/// The `stretchd history` text: one line per entry, in the given order, with the local time, the
/// outcome, the reminder id and the stretch or posture id (both [`printable`]).
pub fn render_history<Tz: TimeZone>(entries: &[Entry], tz: &Tz) -> String
where
    Tz::Offset: fmt::Display,
{
    render_lines(entries.iter().map(|e| (None, e)), tz)
}

/// [`render_history`] of several machines' entries (with `[sync]`): each line names the
/// machine the entry was recorded on (its hostname, [`printable`]) after the time.
pub fn render_machine_history<Tz: TimeZone>(entries: &[(&str, &Entry)], tz: &Tz) -> String
where
    Tz::Offset: fmt::Display,
{
    render_lines(entries.iter().map(|(m, e)| (Some(*m), *e)), tz)
}

fn render_lines<'a, Tz: TimeZone>(
    entries: impl Iterator<Item = (Option<&'a str>, &'a Entry)> + Clone,
    tz: &Tz,
) -> String
where
    Tz::Offset: fmt::Display,
{
    let chars = |s: &str| printable(s).chars().count();
    let Some(width) = entries.clone().map(|(_, e)| chars(&e.reminder)).max() else {
        return "No history entries.\n".to_owned();
    };
    let machines = entries
        .clone()
        .map(|(m, _)| m.map_or(0, chars))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (machine, e) in entries {
        let time = e.time.with_timezone(tz).format("%a %Y-%m-%d %H:%M");
        let machine = machine.map_or(String::new(), |m| format!("{:machines$}  ", printable(m)));
        let _ = writeln!(
            out,
            "{time}  {machine}{:9}  {:width$}  {}",
            e.outcome.as_str(),
            printable(&e.reminder),
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
