//! The commands that work without a daemon (`check`, `stretches`, `history`, `stats`) and
//! `stretchd run` itself. Output is text for people or JSON for scripts.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::bail;
use chrono::{DateTime, Local, Utc};
use serde::Serialize;

use crate::catalog::{SAFETY_NOTICE, Stretch};
use crate::cli::{CheckArgs, ConfigArg, HistoryArgs, StatsArgs, everywhere};
use crate::config::{Config, Origin};
use crate::daemon::process;
use crate::ipc::Upcoming;
use crate::schedule;
use crate::schedule::state::{SetAside, State};
use crate::store::Store;
use crate::store::history::Entry;

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
            eprintln!("stretchd: {e}; listing this machine's history only");
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
        return Ok(crate::stats::render_history(&plain, &Local));
    }
    let list: Vec<(&str, &Entry)> = entries
        .iter()
        .map(|(m, e)| (read.machines[*m].hostname.as_str(), e))
        .collect();
    Ok(crate::stats::render_machine_history(&list, &Local))
}

/// `stretchd stats [--here]`: this machine's history streamed through a
/// [`crate::stats::Tally`], never held whole; with `[sync]`, every machine's answers, merged
/// first (each once), and the levels as the newest of every machine's.
pub(super) fn stats(args: &StatsArgs, json: bool) -> anyhow::Result<String> {
    let config = Config::load(args.config.config.as_deref())?;
    for warning in &config.warnings {
        eprintln!("stretchd: warning: {warning}");
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
    let mut out = crate::stats::render(&stats, &config.catalog);
    if let Some(machines) = &machines {
        let names: Vec<String> = machines
            .iter()
            .map(|m| {
                let name = crate::text::printable(&m.hostname).into_owned();
                if m.here {
                    format!("{name} (this machine)")
                } else {
                    name
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "\nCounted on {} machines of the sync folder: {}.",
            machines.len(),
            names.join(", ")
        );
    }
    if !levels.is_empty() {
        out.push_str("\nHolds now (they grow after 3 Done answers; `stretchd done --easy`/`--hard` move them):\n");
        let width = levels.iter().map(|l| l.item.len()).max().unwrap_or(0);
        for l in &levels {
            let _ = writeln!(
                out,
                "  {:width$}  {} s (range {}; {} of {} Done toward the next step)",
                l.item,
                l.hold_secs,
                l.range,
                l.done_in_row,
                schedule::level::GROW_AFTER
            );
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
                // At most the Done answers a step takes, whatever the file says.
                done_in_row: level.map_or(0, |l| l.done_in_row.min(schedule::level::GROW_AFTER)),
            })
        })
        .collect()
}

/// `stretchd check`: validates the config and lists the next reminders.
pub(super) fn check(args: &CheckArgs, json: bool) -> anyhow::Result<String> {
    let config = Config::load(args.config.config.as_deref())?;
    let from = args.from.map_or_else(Utc::now, |t| t.with_timezone(&Utc));
    let count = usize::try_from(args.count).unwrap_or(schedule::MAX_PREVIEW);
    let fires = schedule::preview(&config, &State::new(from), from, count, &Local);
    let list: Vec<Upcoming> = fires.iter().map(|f| Upcoming::of(&config, f)).collect();
    let source = match &config.origin {
        Origin::File(p) => p.display().to_string(),
        Origin::Embedded => format!(
            "built-in default (no file at {})",
            crate::store::paths::config_file().display()
        ),
    };
    // A reminder whose time is never inside the work days and hours loads, but never fires.
    let mut warnings = config.warnings.clone();
    warnings.extend(config.hooks.unrunnable(std::env::var_os("PATH").as_deref()));
    for r in &config.reminders {
        if schedule::first_occurrence(&config, r, from, &Local).is_none() {
            warnings.push(format!(
                "reminder \"{}\" never fires: its time never falls inside the work days and hours of [schedule]; change its cron line, or work_days and work_hours",
                crate::text::printable(&r.id)
            ));
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
    let mut out = format!("{source}: OK ({} reminders)\n", config.reminders.len());
    for warning in &warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    if list.is_empty() {
        out.push_str("Nothing will fire: no reminder falls inside the work hours.\n");
        return Ok(out);
    }
    let _ = writeln!(
        out,
        "Next {} from {}, if you stay at the desk:",
        list.len(),
        from.with_timezone(&Local).format("%a %Y-%m-%d %H:%M %Z")
    );
    let width = list.iter().map(|u| u.reminder.len()).max().unwrap_or(0);
    for u in &list {
        let _ = writeln!(
            out,
            "  {}  {:width$}  {}",
            u.at.with_timezone(&Local).format("%a %Y-%m-%d %H:%M:%S"),
            u.reminder,
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
    let mut out = String::from("Stretches (`stretchd stretches show ID` for the steps):\n");
    for s in &catalog.stretches {
        let note = if let Some(aside) = set_aside.get(&s.id) {
            format!(
                "  [set aside: {}, {}; `stretchd stretches restore {}` brings it back]",
                crate::text::printable(&aside.reason),
                aside.at.with_timezone(&Local).format("%a %Y-%m-%d %H:%M"),
                s.id
            )
        } else if !config.fit.allows(s) {
            "  [not in the program: needs another position or equipment]".to_owned()
        } else if s.desk_friendly() {
            String::new()
        } else {
            "  [sessions only: not a desk stretch]".to_owned()
        };
        let _ = writeln!(
            out,
            "  {:20} {:26} {:8} {}{note}",
            s.id,
            s.name,
            s.position.as_str(),
            s.dose.describe()
        );
    }
    out.push_str("\nPosture checks:\n");
    for p in &catalog.postures {
        let _ = writeln!(out, "  {:20} {}", p.id, p.name);
    }
    out.push_str("\n`stretchd stretches safety` shows the safety notice.\n");
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
        return Ok(format!("{}\n\n{}\n", p.title(), p.text));
    }
    bail!(
        "no stretch or posture check has the id \"{}\"; `stretchd stretches` lists them",
        crate::text::printable(id)
    )
}

/// `stretchd stretches safety`: the safety notice.
pub(super) fn safety(json: bool) -> anyhow::Result<String> {
    if json {
        let notice = serde_json::json!({ "safety_notice": SAFETY_NOTICE });
        return Ok(serde_json::to_string_pretty(&notice)? + "\n");
    }
    Ok(format!("{SAFETY_NOTICE}\n"))
}

fn describe_stretch(s: &Stretch) -> String {
    let mut out = format!("{} ({})\n\n", s.title(), s.id);
    if !s.summary.is_empty() {
        let _ = writeln!(out, "{}\n", s.summary);
    }
    let equipment = if s.equipment.is_empty() {
        "none".to_owned()
    } else {
        s.equipment.join(", ")
    };
    let _ = writeln!(
        out,
        "Position: {}   Equipment: {equipment}\nWorks: {}\n{}\n",
        s.position,
        s.area.label(),
        s.dose.describe()
    );
    for (n, step) in (1..).zip(&s.steps) {
        let _ = writeln!(out, "{n:>2}. {step}");
    }
    let _ = writeln!(out, "\n{SAFETY_NOTICE}");
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
                "Position: floor   Equipment: foam_roller\nWorks: soft tissue along the upper \
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
