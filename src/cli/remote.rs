//! The commands that talk to the running daemon over the control socket, and how their answers
//! are printed for people (text) and scripts (`--json`).

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use chrono::{DateTime, Days, Local, Utc};
use serde::Serialize;

use crate::cli::PauseArgs;
use crate::ipc::{Client, ClientError, Held, Request, Response, Status, SyncStatus, Upcoming};

/// Exit status when no daemon answers.
const NOT_RUNNING: u8 = 3;

/// When a pause asked for on the command line ends; `None` until `resume`.
pub fn pause_until(args: &PauseArgs, now: DateTime<Utc>) -> anyhow::Result<Option<DateTime<Utc>>> {
    let local_date = now.with_timezone(&Local).date_naive();
    if let Some(d) = args.duration {
        let until = crate::schedule::hold_end(now, d, crate::config::MAX_PAUSE);
        return until.map(Some).with_context(|| {
            format!(
                "pause: {} is too long; the limit is {}",
                crate::config::human(d),
                crate::config::human(crate::config::MAX_PAUSE)
            )
        });
    }
    if let Some(time) = args.until {
        let today = crate::schedule::workhours::local_instant(&Local, local_date.and_time(time));
        if today > now {
            return Ok(Some(today));
        }
        let tomorrow = local_date + Days::new(1);
        return Ok(Some(crate::schedule::workhours::local_instant(
            &Local,
            tomorrow.and_time(time),
        )));
    }
    if args.until_tomorrow {
        return Ok(Some(crate::schedule::workhours::tomorrow_start(
            &Local, now,
        )));
    }
    Ok(None)
}

fn connect() -> Result<Client, ClientError> {
    Client::connect(&crate::store::paths::control_socket())
}

/// Reports a client error; "not running" gets its own exit status.
fn failure(e: &ClientError) -> ExitCode {
    eprintln!("stretchd: {e}");
    match e {
        ClientError::NotRunning(_) => ExitCode::from(NOT_RUNNING),
        _ => ExitCode::FAILURE,
    }
}

/// Sends `request` to the daemon and prints its answer; exit 3 when none runs.
pub(super) fn call(request: &Request, json: bool) -> anyhow::Result<ExitCode> {
    match connect().and_then(|c| c.call(request)) {
        Ok(response) => report(&response, json),
        Err(e) => Ok(failure(&e)),
    }
}

/// Sends `request` to the daemon, or, when none runs, does it with `alone` on the saved files;
/// prints the answer either way.
pub(super) fn call_or(
    request: &Request,
    json: bool,
    alone: impl FnOnce() -> anyhow::Result<String>,
) -> anyhow::Result<ExitCode> {
    report(&ask_or(request, alone)?, json)
}

/// The daemon's answer to `request`, or, when none runs, `alone`'s message as an answer. A
/// daemon that cannot be reached for another reason is an error that says why.
pub(crate) fn ask_or(
    request: &Request,
    alone: impl FnOnce() -> anyhow::Result<String>,
) -> anyhow::Result<Response> {
    match connect().and_then(|c| c.call(request)) {
        Ok(response) => Ok(response),
        Err(ClientError::NotRunning(_)) => Ok(Response::Ok { message: alone()? }),
        Err(e) => Err(e.into()),
    }
}

/// Prints a daemon's answer; exit 1 for an error.
fn report(response: &Response, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        crate::cli::out!("{}\n", serde_json::to_string_pretty(response)?);
    } else {
        match response {
            Response::Status(s) => crate::cli::out!("{}", render_status(s, Utc::now())),
            Response::Next { upcoming } => {
                crate::cli::out!("{}", render_upcoming(upcoming, Utc::now()));
            }
            Response::Ok { message } => crate::cli::out!("{message}\n"),
            Response::Error { .. } => {}
        }
    }
    if let Response::Error { message } = response {
        eprintln!("stretchd: {message}");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// One line of `status --follow --json`: the status plus the fields a waybar custom module
/// reads (`text`, `tooltip`, `class`).
#[derive(Serialize)]
struct BarLine<'a> {
    text: String,
    tooltip: String,
    class: &'static str,
    #[serde(flatten)]
    status: &'a Status,
}

/// `stretchd status --follow`.
pub(super) fn follow(json: bool) -> ExitCode {
    let client = match connect() {
        Ok(c) => c,
        Err(e) => return failure(&e),
    };
    let mut stdout = std::io::stdout().lock();
    let mut refused = None;
    let result = client.follow(|response| {
        let status = match response {
            Response::Status(status) => status,
            Response::Error { message } => {
                refused = Some(message);
                return false;
            }
            _ => return true,
        };
        let now = Utc::now();
        let line = if json {
            let bar = BarLine {
                text: bar_text(&status, now),
                tooltip: render_status(&status, now).trim_end().to_owned(),
                class: bar_class(&status),
                status: &status,
            };
            serde_json::to_string(&bar).unwrap_or_default()
        } else {
            format!(
                "{}: {}",
                Local::now().format("%H:%M:%S"),
                bar_text(&status, now)
            )
        };
        // A closed pipe (the bar went away) ends the stream.
        writeln!(stdout, "{line}")
            .and_then(|()| stdout.flush())
            .is_ok()
    });
    if let Some(message) = refused {
        eprintln!("stretchd: {message}");
        return ExitCode::FAILURE;
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => failure(&e),
    }
}

/// A short text for a status bar: "stretch in 12m", "paused", "snoozed 8m".
fn bar_text(s: &Status, now: DateTime<Utc>) -> String {
    if let Some(p) = &s.paused {
        return match p.until {
            Some(u) => format!("paused {}", countdown(u, now)),
            None => "paused".to_owned(),
        };
    }
    if s.held.is_some() {
        return "held".to_owned();
    }
    if let Some(w) = &s.waiting {
        return format!("{} now", w.kind.as_str());
    }
    match &s.next {
        Some(n) => format!("{} {}", n.kind.as_str(), countdown(n.at, now)),
        None => "idle".to_owned(),
    }
}

fn bar_class(s: &Status) -> &'static str {
    if s.config_error.is_some() {
        "error"
    } else if s.paused.is_some() {
        "paused"
    } else if s.held.is_some() {
        "held"
    } else if s.waiting.is_some() {
        "due"
    } else if s.snoozed.is_some() {
        "snoozed"
    } else {
        "active"
    }
}

/// "in 12m", "in 1h 5m", "now".
fn countdown(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (at - now).num_seconds().max(0).div_euclid(60);
    match minutes {
        0 => "now".to_owned(),
        m if m < 60 => format!("in {m}m"),
        m => format!("in {}h {}m", m / 60, m % 60),
    }
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%a %H:%M").to_string()
}

/// Why reminders are held, for people.
fn held(h: Held) -> String {
    let hhmm = |t: DateTime<Utc>| t.with_timezone(&Local).format("%H:%M").to_string();
    match h {
        Held::Idle { since } => format!("away from the keyboard since {}", hhmm(since)),
        Held::Locked { since } => format!("screen locked since {}", hhmm(since)),
        Held::Asleep { since } => format!("asleep since {}", hhmm(since)),
        Held::DoNotDisturb => "the notification server is in do-not-disturb mode".to_owned(),
        Held::Fullscreen => "a full-screen window has the focus".to_owned(),
        Held::Grace { until } => format!(
            "a hold just ended; held reminders wait until {}",
            hhmm(until)
        ),
    }
}

/// When a held reminder fires, for people: "shows 30 s after do-not-disturb ends".
fn held_until(h: Held, grace_secs: u64) -> String {
    let after = |what: &str| {
        let grace = crate::config::human(std::time::Duration::from_secs(grace_secs));
        if grace_secs == 0 {
            format!("shows when {what}")
        } else {
            format!("shows {grace} after {what}")
        }
    };
    match h {
        Held::Idle { .. } | Held::Locked { .. } | Held::Asleep { .. } => {
            "shows when you are back (after a natural break, the interval starts again)".to_owned()
        }
        Held::DoNotDisturb => after("do-not-disturb ends"),
        Held::Fullscreen => after("the full-screen window loses the focus"),
        Held::Grace { until } => format!("shows at {}", local(until)),
    }
}

/// The text of `stretchd status`.
pub fn render_status(s: &Status, now: DateTime<Utc>) -> String {
    let mut out = format!(
        "stretchd {} running since {} (pid {})\n",
        s.daemon_version,
        local(s.running_since),
        s.pid
    );
    let _ = writeln!(out, "Config:    {}", s.config);
    if let Some(e) = &s.config_error {
        let _ = writeln!(
            out,
            "Config error (the previous config stays in force): {e}"
        );
    }
    if let Some(p) = &s.paused {
        let until = p.until.map_or("`stretchd resume`".to_owned(), |u| {
            format!("{} ({})", local(u), countdown(u, now))
        });
        let _ = writeln!(out, "Paused:    until {until}");
    }
    if let Some(h) = s.held {
        let _ = writeln!(out, "Held:      {}", held(h));
    }
    if let Some(z) = &s.snoozed {
        let _ = writeln!(
            out,
            "Snoozed:   \"{}\" until {} ({} in a row)",
            z.reminder,
            local(z.until),
            z.count
        );
    }
    if let Some(w) = &s.waiting {
        let _ = writeln!(
            out,
            "Waiting:   {} (answer with `stretchd done` or `stretchd skip`)",
            w.title
        );
    }
    if let Some(f) = &s.filed {
        let _ = writeln!(
            out,
            "Filed:     {} (sent during do-not-disturb, so the server holds it without showing it; answer with `stretchd done` or `stretchd skip`)",
            f.title
        );
    }
    if let (Some(h), Some(n)) = (s.held, &s.held_next) {
        let due = if n.reminder.at <= now {
            format!("due since {}", local(n.reminder.at))
        } else {
            format!("due {}", local(n.reminder.at))
        };
        let _ = writeln!(
            out,
            "Next:      held: {}  {} ({due}), {}",
            n.reminder.reminder,
            n.reminder.title,
            held_until(h, n.grace_secs)
        );
    }
    match &s.next {
        _ if s.held_next.is_some() && s.held.is_some() => {}
        Some(n) => {
            let _ = writeln!(
                out,
                "Next:      {} ({})  {}  {}",
                local(n.at),
                countdown(n.at, now),
                n.reminder,
                n.title
            );
        }
        None => out.push_str("Next:      nothing scheduled\n"),
    }
    let _ = writeln!(
        out,
        "This week: {} of {} stretch sessions",
        s.week.done, s.week.goal
    );
    if let Some(line) = crate::stats::suggestion_line(s.week.suggest) {
        let _ = writeln!(out, "           {line}");
    }
    let _ = writeln!(out, "Idle:      {}", s.idle_source.as_str());
    if let Some(sync) = &s.sync {
        render_sync(&mut out, sync, now);
    }
    out
}

/// The `[sync]` lines of `stretchd status`: the folder, this machine, each other machine and
/// when it last wrote, and what is wrong.
fn render_sync(out: &mut String, sync: &SyncStatus, now: DateTime<Utc>) {
    use crate::sync::machine::short;
    use crate::text::printable;
    let _ = writeln!(
        out,
        "Sync:      sharing through {} as {} (machine {})",
        printable(&sync.dir),
        printable(&sync.hostname),
        short(&sync.machine)
    );
    if sync.machines.is_empty() {
        out.push_str("           No other machine has written to the folder yet.\n");
    }
    for m in &sync.machines {
        let (host, id, time) = (printable(&m.hostname), short(&m.id), local(m.written));
        let minutes = (now - m.written).num_minutes();
        let line = match minutes {
            i64::MIN..=-2 => format!(
                "{host} (machine {id}) last wrote {time}, {} min ahead of this clock",
                -minutes
            ),
            -1..=0 => format!("{host} (machine {id}) last wrote {time}, just now"),
            1..60 => format!("{host} (machine {id}) last wrote {time}, {minutes} min ago"),
            60..1440 => format!(
                "{host} (machine {id}) last wrote {time}, {} h {} min ago",
                minutes / 60,
                minutes % 60
            ),
            1440..2880 => format!("{host} (machine {id}) last wrote {time}, a day ago"),
            _ => format!(
                "{host} (machine {id}) last wrote {time}, {} days ago",
                minutes / 1440
            ),
        };
        let _ = writeln!(out, "           {line}");
    }
    for problem in &sync.problems {
        let _ = writeln!(out, "Sync problem: {}", printable(problem));
    }
}

/// The text of `stretchd next`.
fn render_upcoming(list: &[Upcoming], now: DateTime<Utc>) -> String {
    if list.is_empty() {
        return "Nothing scheduled (paused indefinitely, or no reminder fits the work hours).\n"
            .to_owned();
    }
    let width = list.iter().map(|u| u.reminder.len()).max().unwrap_or(0);
    let mut out = String::new();
    for u in list {
        let _ = writeln!(
            out,
            "{} {:>10}  {:width$}  {}",
            u.at.with_timezone(&Local).format("%a %Y-%m-%d %H:%M:%S"),
            countdown(u.at, now),
            u.reminder,
            u.title
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_round_down_to_minutes() {
        let now: DateTime<Utc> = "2026-11-24T10:00:00Z".parse().unwrap();
        let at = |m: i64| now + chrono::Duration::seconds(m);
        assert_eq!(countdown(at(-5), now), "now");
        assert_eq!(countdown(at(59), now), "now");
        assert_eq!(countdown(at(12 * 60 + 30), now), "in 12m");
        assert_eq!(countdown(at(65 * 60), now), "in 1h 5m");
    }

    #[test]
    fn the_other_machines_say_when_each_last_wrote() {
        let now: DateTime<Utc> = "2026-11-24T10:00:00Z".parse().unwrap();
        let seen = |host: &str, minutes: i64| crate::ipc::MachineSeen {
            id: "3f2a9c01".repeat(4),
            hostname: host.to_owned(),
            written: now - chrono::Duration::minutes(minutes),
        };
        let sync = SyncStatus {
            dir: "/home/u/Sync/stretchd".to_owned(),
            machine: "0123456789abcdef".repeat(2),
            hostname: "desk".to_owned(),
            machines: vec![
                seen("laptop", 2),
                seen("office", 0),
                seen("old", 3 * 1440),
                seen("ahead", -10),
            ],
            problems: vec!["the folder cannot be read: gone".to_owned()],
        };
        let mut out = String::new();
        render_sync(&mut out, &sync, now);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "Sync:      sharing through /home/u/Sync/stretchd as desk (machine 01234567)"
        );
        assert!(lines[1].starts_with("           laptop (machine 3f2a9c01) last wrote "));
        assert!(lines[1].ends_with(", 2 min ago"), "{out}");
        assert!(lines[2].ends_with(", just now"), "{out}");
        assert!(lines[3].ends_with(", 3 days ago"), "{out}");
        assert!(lines[4].ends_with(", 10 min ahead of this clock"), "{out}");
        assert_eq!(lines[5], "Sync problem: the folder cannot be read: gone");
        let alone = SyncStatus {
            machines: Vec::new(),
            problems: Vec::new(),
            ..sync
        };
        let mut out = String::new();
        render_sync(&mut out, &alone, now);
        assert!(out.ends_with("           No other machine has written to the folder yet.\n"));
    }

    #[test]
    fn pause_until_a_duration_or_a_time() {
        let now: DateTime<Utc> = "2026-11-24T10:00:00Z".parse().unwrap();
        let args = |duration, until, until_tomorrow| PauseArgs {
            duration,
            until,
            until_tomorrow,
        };
        assert_eq!(pause_until(&args(None, None, false), now).unwrap(), None);
        assert_eq!(
            pause_until(
                &args(Some(std::time::Duration::from_secs(3600)), None, false),
                now
            )
            .unwrap(),
            Some(now + chrono::Duration::hours(1))
        );
        let later = pause_until(
            &args(None, chrono::NaiveTime::from_hms_opt(0, 0, 0), false),
            now,
        )
        .unwrap()
        .unwrap();
        assert!(later > now && later <= now + chrono::Duration::days(1));
        let tomorrow = pause_until(&args(None, None, true), now).unwrap().unwrap();
        // Too long to add (the CLI's parser refuses it first; this is the arithmetic's guard).
        let huge = std::time::Duration::from_secs(u64::MAX);
        let err = pause_until(&args(Some(huge), None, false), now).unwrap_err();
        assert!(err.to_string().contains("too long"), "{err}");
        assert!(tomorrow > now && tomorrow <= now + chrono::Duration::days(1));
    }
}
