//! Logging to stderr for the daemon and the CLI: one line per event, as `RUST_LOG` selects
//! (a level, `target`, or `target=level`, the longest matching target winning), colours only
//! on a terminal, control characters escaped. A small subscriber of its own, rather than
//! tracing-subscriber with its regex engine for this one variable; wayland-client's `log`
//! records come through it too.

use std::io::IsTerminal as _;

use tracing::level_filters::LevelFilter;
use tracing::{Level, Metadata, span, subscriber::Interest};

/// Installs the logger for `tracing` and `log` records, reading `RUST_LOG`.
pub fn init() {
    let filter = Filter::parse(std::env::var("RUST_LOG").ok().as_deref());
    let max = filter.max();
    let logger = std::sync::Arc::new(Stderr {
        filter,
        ansi: std::io::stderr().is_terminal(),
    });
    let _ = tracing::subscriber::set_global_default(std::sync::Arc::clone(&logger));
    if log::set_boxed_logger(Box::new(Log(logger))).is_ok() {
        log::set_max_level(match max.into_level() {
            None => log::LevelFilter::Off,
            Some(Level::ERROR) => log::LevelFilter::Error,
            Some(Level::WARN) => log::LevelFilter::Warn,
            Some(Level::INFO) => log::LevelFilter::Info,
            Some(Level::DEBUG) => log::LevelFilter::Debug,
            Some(Level::TRACE) => log::LevelFilter::Trace,
        });
    }
}

/// The log filter: a level per target prefix (the longest prefix that matches wins), and a
/// default for the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Filter {
    targets: Vec<(String, LevelFilter)>,
    default: LevelFilter,
}

impl Filter {
    fn info() -> Filter {
        Filter {
            targets: Vec::new(),
            default: LevelFilter::INFO,
        }
    }

    /// Reads `RUST_LOG`: comma-separated `level`, `target` or `target=level` directives (`info`,
    /// `stretchd=debug`, `stretchd::daemon=trace,zbus=warn`), as tracing-subscriber's
    /// `EnvFilter` reads them (without its span and field filters, and without the regex
    /// engine it brings). Unset or not understood: `info`. Set but empty: nothing is logged.
    fn parse(var: Option<&str>) -> Filter {
        let Some(var) = var else {
            return Filter::info();
        };
        let mut filter = Filter {
            targets: Vec::new(),
            default: LevelFilter::OFF,
        };
        for directive in var.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            let (target, level) = match directive.split_once('=') {
                Some((target, level)) => (Some(target), level.parse()),
                None => match directive.parse() {
                    Ok(level) => (None, Ok(level)),
                    Err(_) => (Some(directive), Ok(LevelFilter::TRACE)),
                },
            };
            let (Ok(level), false) = (level, target.is_some_and(|t| t.contains(['[', '=']))) else {
                return Filter::info();
            };
            match target {
                Some(target) => filter.targets.push((target.to_owned(), level)),
                None => filter.default = level,
            }
        }
        filter
    }

    /// The level up to which `target` logs.
    fn level(&self, target: &str) -> LevelFilter {
        self.targets
            .iter()
            .filter(|(prefix, _)| target.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len())
            .map_or(self.default, |&(_, level)| level)
    }

    fn enables(&self, target: &str, level: Level) -> bool {
        self.level(target) >= level
    }

    fn max(&self) -> LevelFilter {
        self.targets
            .iter()
            .map(|&(_, level)| level)
            .fold(self.default, std::cmp::max)
    }
}

/// The logger: one line per event on stderr, in tracing-subscriber's `fmt` format
/// (`2026-12-01T10:29:13.521860Z  INFO stretchd::daemon::serve: message field=value`), colored
/// on a terminal; the `log` crate's records (wayland-client's) the same way. Written here rather
/// than taken from tracing-subscriber, whose span registry the daemon has no use for (it never
/// opens a span) and which costs every process its code and 32 KiB of heap.
struct Stderr {
    filter: Filter,
    ansi: bool,
}

impl Stderr {
    fn write(&self, level: Level, target: &str, fields: impl FnOnce(&mut String)) {
        use std::fmt::Write as _;
        use std::io::Write as _;
        let mut line = String::with_capacity(128);
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.6fZ");
        let level_text = match level {
            Level::TRACE => "TRACE",
            Level::DEBUG => "DEBUG",
            Level::INFO => " INFO",
            Level::WARN => " WARN",
            Level::ERROR => "ERROR",
        };
        if self.ansi {
            let color = match level {
                Level::TRACE => 35,
                Level::DEBUG => 34,
                Level::INFO => 32,
                Level::WARN => 33,
                Level::ERROR => 31,
            };
            let _ = write!(
                line,
                "\x1b[2m{now}\x1b[0m \x1b[{color}m{level_text}\x1b[0m \x1b[2m{target}:\x1b[0m "
            );
        } else {
            let _ = write!(line, "{now} {level_text} {target}: ");
        }
        fields(&mut line);
        line.push('\n');
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }
}

/// Writes `text` with its control characters escaped (as `\u{1b}`), as every other place that
/// repeats outside text does ([`crate::text::printable`]).
fn escaped(line: &mut String, text: &str) {
    line.push_str(&crate::text::printable(text));
}

/// Writes an event's fields: the message first, then ` name=value` with the value's `Debug`.
struct Fields<'a> {
    line: &'a mut String,
    first: bool,
}

impl tracing::field::Visit for Fields<'_> {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        if field.name() == "message" {
            self.record_debug(field, &format_args!("{value}"));
        } else {
            self.record_debug(field, &value);
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        use std::fmt::Write as _;
        if !std::mem::take(&mut self.first) {
            self.line.push(' ');
        }
        match field.name() {
            "message" => escaped(self.line, &format!("{value:?}")),
            name => {
                let name = name.strip_prefix("r#").unwrap_or(name);
                let _ = write!(self.line, "{name}={value:?}");
            }
        }
    }
}

impl tracing::Subscriber for Stderr {
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if self.enabled(metadata) {
            Interest::always()
        } else {
            Interest::never()
        }
    }

    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        self.filter.enables(metadata.target(), *metadata.level())
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        Some(self.filter.max())
    }

    fn new_span(&self, _: &span::Attributes<'_>) -> span::Id {
        span::Id::from_u64(1)
    }

    fn record(&self, _: &span::Id, _: &span::Record<'_>) {}

    fn record_follows_from(&self, _: &span::Id, _: &span::Id) {}

    fn event(&self, event: &tracing::Event<'_>) {
        let metadata = event.metadata();
        self.write(*metadata.level(), metadata.target(), |line| {
            event.record(&mut Fields { line, first: true });
        });
    }

    fn enter(&self, _: &span::Id) {}

    fn exit(&self, _: &span::Id) {}
}

/// The `log` crate's records, through the same filter and format.
struct Log(std::sync::Arc<Stderr>);

fn log_level(level: log::Level) -> Level {
    match level {
        log::Level::Error => Level::ERROR,
        log::Level::Warn => Level::WARN,
        log::Level::Info => Level::INFO,
        log::Level::Debug => Level::DEBUG,
        log::Level::Trace => Level::TRACE,
    }
}

impl log::Log for Log {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        self.0
            .filter
            .enables(metadata.target(), log_level(metadata.level()))
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            self.0
                .write(log_level(record.level()), record.target(), |line| {
                    escaped(line, &record.args().to_string());
                });
        }
    }

    fn flush(&self) {}
}

#[cfg(test)]
mod tests {
    use super::Filter;
    use tracing::level_filters::LevelFilter;

    #[test]
    fn rust_log_is_read_like_env_filter_reads_it() {
        let level = |var, target| Filter::parse(var).level(target);
        assert_eq!(level(None, "stretchd::daemon"), LevelFilter::INFO);
        assert_eq!(level(Some("debug"), "zbus"), LevelFilter::DEBUG);
        assert_eq!(
            level(Some("stretchd=debug"), "stretchd::daemon::serve"),
            LevelFilter::DEBUG
        );
        assert_eq!(level(Some("stretchd=debug"), "zbus"), LevelFilter::OFF);
        assert_eq!(
            level(Some("warn, stretchd::daemon=trace,"), "stretchd::daemon"),
            LevelFilter::TRACE
        );
        assert_eq!(
            level(Some("warn,stretchd::daemon=trace"), "zbus"),
            LevelFilter::WARN
        );
        assert_eq!(level(Some("off"), "stretchd"), LevelFilter::OFF);
        assert_eq!(level(Some(""), "stretchd"), LevelFilter::OFF);
        // Not understood (a span filter, a bad level): the default.
        assert_eq!(
            level(Some("stretchd[run]=debug"), "stretchd"),
            LevelFilter::INFO
        );
        assert_eq!(level(Some("stretchd=loud"), "stretchd"), LevelFilter::INFO);
        // A bare target logs everything; the longest matching prefix wins.
        assert_eq!(level(Some("stretchd"), "stretchd::x"), LevelFilter::TRACE);
        let filter = Filter::parse(Some("stretchd=debug,stretchd::daemon=warn,ERROR"));
        assert_eq!(filter.level("stretchd::daemon::serve"), LevelFilter::WARN);
        assert_eq!(filter.level("stretchd::cli"), LevelFilter::DEBUG);
        assert_eq!(filter.level("zbus"), LevelFilter::ERROR);
        assert_eq!(filter.max(), LevelFilter::DEBUG);
    }
}
