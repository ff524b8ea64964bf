//! The commands that work without a daemon (`check`, `stretches`, `history`, `stats`) and
//! `stretchd run` itself. Output is text for people or JSON for scripts.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::bail;
use chrono::{DateTime, Local, Utc};
use serde::Serialize;

use crate::catalog::Stretch;
use crate::cli::{CheckArgs, ConfigArg, HistoryArgs, StatsArgs, everywhere};
use crate::config::{Config, Origin};
use crate::daemon::process;
use crate::i18n::{Messages, arg, cli, list};
use crate::ipc::Upcoming;
use crate::schedule;
use crate::schedule::state::{SetAside, State};
use crate::store::Store;
use crate::store::history::Entry;
use crate::text::{pad, width};

/// `stretchd run`: becomes `stretchd-daemon` when that binary is installed beside this one (see
/// [`crate::daemon::process`]), or else runs the daemon in this process, until it stops.
pub fn run_daemon(args: ConfigArg) -> anyhow::Result<()> {
    if let Some(daemon) = daemon_binary() {
        let mut command = std::process::Command::new(&daemon);
        if let Some(config) = &args.config {
            command.arg("--config").arg(config);
        }
        command.env(process::VERSION_VAR, env!("CARGO_PKG_VERSION"));
        if let Ok(cli) = std::env::current_exe() {
            command.env(process::CLI_VAR, cli);
        }
        // Only returns when the exec failed.
        let e = std::os::unix::process::CommandExt::exec(&mut command);
        tracing::debug!(
            "cannot start {} ({e}); running the daemon in this process",
            daemon.display()
        );
    }
    process::main(args.config)
}

/// `stretchd-daemon` beside the running binary, or in `../libexec/stretchd/` from it (where the
/// Debian package puts it).
fn daemon_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?;
    [
        dir.join(process::BINARY),
        dir.join("../libexec/stretchd").join(process::BINARY),
    ]
    .into_iter()
    .find(|path| path.is_file())
}

/// `stretchd history [--since DATE] [--here]`: with `[sync]`, every machine's entries in time
/// order, each naming its machine. A config that cannot be loaded lists this machine's alone,
/// with a warning: the history is worth seeing even then.
pub(super) fn history(args: &HistoryArgs, json: bool) -> anyhow::Result<String> {
    #[derive(Serialize)]
    struct Named<'a> {
        #[serde(flatten)]
        entry: &'a Entry,
        #[serde(flatten)]
        machine: &'a everywhere::Source,
    }
    let config = match Config::load(args.config.config.as_deref()) {
        Ok(config) => Some(config),
        Err(e) => {
            eprintln!(
                "stretchd: {}",
                cli().fmt("history-config-unusable", &[("error", arg(e.to_string()))])
            );
            None
        }
    };
    let since = args.since;
    let keep = |e: &Entry| since.is_none_or(|since| e.time >= since);
    let (entries, read) = everywhere::entries(config.as_ref(), args.here, keep)?;
    let named =
        read.folder.is_some() || args.here && config.as_ref().is_some_and(|c| c.sync.dir.is_some());
    if json {
        if !named {
            let plain: Vec<&Entry> = entries.iter().map(|(_, e)| e).collect();
            return Ok(serde_json::to_string_pretty(&plain)? + "\n");
        }
        let list: Vec<Named<'_>> = entries
            .iter()
            .map(|(m, entry)| Named {
                entry,
                machine: &read.machines[*m],
            })
            .collect();
        return Ok(serde_json::to_string_pretty(&list)? + "\n");
    }
    if !named {
        let plain: Vec<Entry> = entries.into_iter().map(|(_, e)| e).collect();
        return Ok(crate::stats::render_history(cli(), &plain, &Local));
    }
    let list: Vec<(&str, &Entry)> = entries
        .iter()
        .map(|(m, e)| (read.machines[*m].hostname.as_str(), e))
        .collect();
    Ok(crate::stats::render_machine_history(cli(), &list, &Local))
}

/// `stretchd stats [--here]`: this machine's history streamed through a
/// [`crate::stats::Tally`], never held whole; with `[sync]`, every machine's answers, merged
/// first (each once), and the levels as the newest of every machine's.
pub(super) fn stats(args: &StatsArgs, json: bool) -> anyhow::Result<String> {
    let config = Config::load(args.config.config.as_deref())?;
    for warning in &config.warnings {
        let warning = cli().fmt("check-warning", &[("warning", arg(warning.as_str()))]);
        eprintln!("stretchd: {warning}");
    }
    let mut tally = crate::stats::Tally::new(Utc::now(), &Local, config.weekly_goal);
    let machines = if crate::sync::folder(&config).is_some() && !args.here {
        let (entries, read) = everywhere::entries(Some(&config), false, |_| true)?;
        for (_, e) in &entries {
            tally.add(e);
        }
        Some(read.machines)
    } else {
        everywhere::read(None, true, |_, e| tally.add(&e))?;
        None
    };
    let stats = tally.finish();
    let saved = everywhere::merged_state(&config, args.here);
    let levels = levels(&config, saved.as_ref());
    if json {
        #[derive(Serialize)]
        struct Report<'a> {
            #[serde(flatten)]
            stats: &'a crate::stats::Stats,
            levels: &'a [LevelLine],
            #[serde(skip_serializing_if = "Option::is_none")]
            machines: Option<&'a [everywhere::Source]>,
        }
        let report = Report {
            stats: &stats,
            levels: &levels,
            machines: machines.as_deref(),
        };
        return Ok(serde_json::to_string_pretty(&report)? + "\n");
    }
    let m = cli();
    let mut out = crate::stats::render(m, &stats, &config.catalog);
    if let Some(machines) = &machines {
        let names: Vec<String> = machines
            .iter()
            .map(|machine| {
                let name = crate::text::printable(&machine.hostname).into_owned();
                if machine.here {
                    m.fmt("stats-this-machine", &[("name", arg(name))])
                } else {
                    name
                }
            })
            .collect();
        let args = [
            ("count", arg(machines.len())),
            ("machines", arg(list(m, &names))),
        ];
        let _ = writeln!(out, "\n{}", m.fmt("stats-machines", &args));
    }
    if !levels.is_empty() {
        let grow = arg(schedule::level::GROW_AFTER);
        let heading = m.fmt("stats-holds-heading", &[("grow", grow.clone())]);
        let _ = writeln!(out, "\n{heading}");
        let columns = levels.iter().map(|l| width(&l.item)).max().unwrap_or(0);
        for l in &levels {
            let line = m.fmt(
                "stats-hold-line",
                &[
                    ("secs", arg(l.hold_secs)),
                    ("range", arg(m.span(l.span))),
                    ("done", arg(l.done_in_row)),
                    ("grow", grow.clone()),
                ],
            );
            let _ = writeln!(out, "  {}  {line}", pad(&l.item, columns));
        }
    }
    Ok(out)
}

/// One stretch's level, as `stretchd stats` lists it.
#[derive(Debug, Serialize)]
struct LevelLine {
    /// The stretch id.
    item: String,
    /// Its hold now, in seconds.
    hold_secs: u32,
    /// The range in the catalogue, e.g. `15-30 s`.
    range: String,
    /// The same range, to show.
    #[serde(skip)]
    span: crate::catalog::Span,
    /// Done answers in a row at this hold.
    done_in_row: u32,
}

/// The level of every stretch that has one (those held still), from the saved state.
fn levels(config: &Config, state: Option<&State>) -> Vec<LevelLine> {
    let saved = |id: &str| state.and_then(|s| s.levels.get(id));
    config
        .catalog
        .stretches
        .iter()
        .filter_map(|s| {
            let range = schedule::level::range(s)?;
            let level = saved(&s.id);
            Some(LevelLine {
                item: s.id.clone(),
                hold_secs: schedule::level::hold_secs(range, level),
                range: range.to_string(),
                span: range,
                // At most the Done answers a step takes, whatever the file says.
                done_in_row: level.map_or(0, |l| l.done_in_row.min(schedule::level::GROW_AFTER)),
            })
        })
        .collect()
}

/// `stretchd check`: validates the config and lists the next reminders.
pub(super) fn check(args: &CheckArgs, json: bool) -> anyhow::Result<String> {
    let config = Config::load(args.config.config.as_deref())?;
    // `--json` stays English; the text is in the language spoken.
    let english;
    let m = if json {
        english = Messages::english();
        &english
    } else {
        cli()
    };
    let now = Utc::now();
    let from = args.from.map_or(now, |t| t.with_timezone(&Utc));
    let count = usize::try_from(args.count).unwrap_or(schedule::MAX_PREVIEW);
    let fires = schedule::preview(&config, &State::new(from), from, count, &Local);
    let list: Vec<Upcoming> = fires.iter().map(|f| Upcoming::of(&config, f, m)).collect();
    let source = match &config.origin {
        Origin::File(p) => p.display().to_string(),
        Origin::Embedded => m.fmt(
            "check-built-in",
            &[(
                "path",
                arg(crate::store::paths::config_file().display().to_string()),
            )],
        ),
    };
    // A reminder whose time is never inside the work days and hours loads, but never fires.
    let mut warnings = config.warnings.clone();
    warnings.extend(config.hooks.unrunnable(std::env::var_os("PATH").as_deref()));
    warnings.extend(config.sync.unusable(&crate::store::paths::home()));
    // A `--from` late in the calendar (or after a cron line's last year) sees nothing of a
    // reminder that does fire from now: that is not the reminder's fault.
    let mut fires_from_now = false;
    for r in &config.reminders {
        let from_now = schedule::first_occurrence(&config, r, now, &Local).is_some();
        fires_from_now |= from_now;
        let from_given =
            || from != now && schedule::first_occurrence(&config, r, from, &Local).is_some();
        if !from_now && !from_given() {
            let id = crate::text::printable(&r.id);
            warnings.push(m.fmt("check-never-fires", &[("id", arg(id.as_ref()))]));
        }
    }
    if json {
        #[derive(Serialize)]
        struct Report<'a> {
            config: &'a str,
            valid: bool,
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            warnings: &'a [String],
            from: DateTime<Local>,
            upcoming: &'a [Upcoming],
        }
        let report = Report {
            config: &source,
            valid: true,
            warnings: &warnings,
            from: from.with_timezone(&Local),
            upcoming: &list,
        };
        return Ok(serde_json::to_string_pretty(&report)? + "\n");
    }
    let count = arg(config.reminders.len());
    let mut out = m.fmt("check-ok", &[("source", arg(source)), ("count", count)]) + "\n";
    for warning in &warnings {
        let _ = writeln!(
            out,
            "{}",
            m.fmt("check-warning", &[("warning", arg(warning.as_str()))])
        );
    }
    let from_shown = m.day_date_zone(&from.with_timezone(&Local));
    if list.is_empty() {
        let nothing = if fires_from_now {
            m.fmt("check-nothing-from", &[("from", arg(from_shown))])
        } else {
            m.get("check-nothing")
        };
        let _ = writeln!(out, "{nothing}");
        return Ok(out);
    }
    let from = from_shown;
    let next = m.fmt(
        "check-next",
        &[("count", arg(list.len())), ("from", arg(from))],
    );
    let _ = writeln!(out, "{next}");
    let columns = list.iter().map(|u| width(&u.reminder)).max().unwrap_or(0);
    for u in &list {
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            m.day_date_time(&u.at.with_timezone(&Local)),
            pad(&u.reminder, columns),
            u.title
        );
    }
    Ok(out)
}

/// `stretchd stretches`: the stretches (with the ones set aside, why and since when) and the
/// posture checks.
pub(super) fn list_stretches(config: Option<&Path>, json: bool) -> anyhow::Result<String> {
    let config = Config::load(config)?;
    let catalog = &config.catalog;
    let state = Store::new(&crate::store::paths::state_dir()).peek();
    let nothing = BTreeMap::new();
    let set_aside = state.as_ref().map_or(&nothing, |s| &s.set_aside);
    if json {
        #[derive(Serialize)]
        struct Listing<'a> {
            #[serde(flatten)]
            catalog: &'a crate::catalog::Catalog,
            set_aside: &'a BTreeMap<String, SetAside>,
        }
        let listing = Listing { catalog, set_aside };
        return Ok(serde_json::to_string_pretty(&listing)? + "\n");
    }
    let m = cli();
    let mut out = m.get("stretches-heading") + "\n";
    let rows: Vec<[String; 4]> = catalog
        .stretches
        .iter()
        .map(|s| {
            let note = if let Some(aside) = set_aside.get(&s.id) {
                let args = [
                    (
                        "reason",
                        arg(crate::schedule::aside::reason(m, &aside.reason)),
                    ),
                    (
                        "when",
                        arg(m.day_date_minute(&aside.at.with_timezone(&Local))),
                    ),
                    ("id", arg(s.id.as_str())),
                ];
                format!("  {}", m.fmt("stretches-set-aside", &args))
            } else if !config.fit.allows(s) {
                format!("  {}", m.get("stretches-not-in-program"))
            } else if s.desk_friendly() {
                String::new()
            } else {
                format!("  {}", m.get("stretches-sessions-only"))
            };
            let name = m.stretch_name(s).into_owned();
            [
                s.id.clone(),
                name,
                m.position(s.position),
                m.dose(s) + &note,
            ]
        })
        .collect();
    // Columns at least as wide as they were in English, wider for longer words.
    let ids = rows.iter().map(|r| width(&r[0])).max().unwrap_or(0).max(20);
    let names = rows.iter().map(|r| width(&r[1])).max().unwrap_or(0).max(26);
    let positions = rows.iter().map(|r| width(&r[2])).max().unwrap_or(0).max(8);
    for [id, name, position, rest] in &rows {
        let _ = writeln!(
            out,
            "  {} {} {} {rest}",
            pad(id, ids),
            pad(name, names),
            pad(position, positions)
        );
    }
    let _ = writeln!(out, "\n{}", m.get("stretches-postures"));
    let ids = catalog
        .postures
        .iter()
        .map(|p| width(&p.id))
        .max()
        .unwrap_or(0)
        .max(20);
    for p in &catalog.postures {
        let _ = writeln!(out, "  {} {}", pad(&p.id, ids), m.posture_name(p));
    }
    let _ = writeln!(out, "\n{}", m.get("stretches-safety-hint"));
    Ok(out)
}

/// `stretchd stretches show ID`: one stretch or posture check in full.
pub(super) fn show_stretch(config: Option<&Path>, id: &str, json: bool) -> anyhow::Result<String> {
    let config = Config::load(config)?;
    let catalog = &config.catalog;
    if let Some(s) = catalog.stretch(id) {
        if json {
            return Ok(serde_json::to_string_pretty(s)? + "\n");
        }
        return Ok(describe_stretch(s));
    }
    if let Some(p) = catalog.posture(id) {
        if json {
            return Ok(serde_json::to_string_pretty(p)? + "\n");
        }
        let m = cli();
        return Ok(format!("{}\n\n{}\n", m.posture_title(p), m.posture_text(p)));
    }
    let id = crate::text::printable(id);
    bail!(
        "{}",
        cli().fmt("stretches-unknown", &[("id", arg(id.as_ref()))])
    )
}

/// `stretchd stretches safety`: the safety notice.
pub(super) fn safety(json: bool) -> anyhow::Result<String> {
    if json {
        let notice = serde_json::json!({ "safety_notice": crate::catalog::safety_notice() });
        return Ok(serde_json::to_string_pretty(&notice)? + "\n");
    }
    Ok(format!("{}\n", cli().safety_notice()))
}

fn describe_stretch(s: &Stretch) -> String {
    let m = cli();
    let mut out = format!("{} ({})\n\n", m.stretch_title(s), s.id);
    let summary = m.stretch_summary(s);
    if !summary.is_empty() {
        let _ = writeln!(out, "{summary}\n");
    }
    let equipment = if s.equipment.is_empty() {
        m.get("show-no-equipment")
    } else {
        let named: Vec<_> = s.equipment.iter().map(|e| m.equipment(e)).collect();
        list(m, &named)
    };
    let facts = m.fmt(
        "show-facts",
        &[
            ("position", arg(m.position(s.position))),
            ("equipment", arg(equipment)),
        ],
    );
    let works = m.fmt("show-works", &[("area", arg(m.area(s.area)))]);
    let _ = writeln!(out, "{facts}\n{works}\n{}\n", m.dose(s));
    for (n, step) in (1..).zip(m.stretch_steps(s)) {
        let _ = writeln!(out, "{n:>2}. {step}");
    }
    let _ = writeln!(out, "\n{}", m.safety_notice());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn a_shown_stretch_says_where_what_it_works_and_its_dose() {
        let catalog = Catalog::default();
        let shown = |id: &str| describe_stretch(catalog.stretch(id).unwrap());
        let camel = shown("cat-camel");
        assert!(
            camel.starts_with("Stretch: Cat-camel, 8 slow rounds (cat-camel)\n"),
            "{camel}"
        );
        assert!(
            camel.contains(
                "Position: floor   Equipment: none\nWorks: mid-back bending (rounding and arching)\n\
                 8 slow rounds between cat (back rounded) and camel (back arched), pausing 3 s in \
                 each.\n"
            ),
            "{camel}"
        );
        let foam = shown("foam-rolling");
        assert!(
            foam.contains(
                "Position: floor   Equipment: foam roller\nWorks: soft tissue along the upper \
                 back\nKeep going for 2-3 min; there is nothing to hold.\n"
            ),
            "{foam}"
        );
        let twist = shown("seated-twist");
        assert!(
            twist.contains("Works: mid-back rotation\nHold 15-30 s, once on each side.\n"),
            "{twist}"
        );
    }
}
