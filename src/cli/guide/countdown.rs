//! Timing the holds, the pauses of a flow and a timed stretch: a live countdown bar on a
//! terminal, a plain line in a pipe, and Ctrl-C, which stops the routine at once. A session's
//! warm-up also ends when a line (Enter) arrives on stdin.

use crate::i18n::{arg, cli};
use std::cell::Cell;
use std::io::{self, IsTerminal as _, Write as _};
use std::time::Duration;

use anyhow::Context as _;
use tokio::signal::unix::{SignalKind, signal};
use tokio::time::Instant;

use super::lines::Lines;
use super::{Part, say};

/// How often the countdown bar moves.
const TICK: Duration = Duration::from_millis(100);

/// Goes through the routine, timing each hold; `false` when Ctrl-C (SIGINT) stopped it, after
/// ending a line the hold left open.
pub(super) fn perform_until_interrupted(parts: &[Part], lines: &mut Lines) -> anyhow::Result<bool> {
    let tty = io::stdout().is_terminal();
    let partial = Cell::new(false);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let finished = runtime.block_on(async {
        // Registered before the first hold, so Ctrl-C never kills the process half-way.
        let mut interrupt =
            signal(SignalKind::interrupt()).context("cannot install a SIGINT handler")?;
        tokio::select! {
            biased;
            _ = interrupt.recv() => anyhow::Ok(false),
            done = perform(parts, tty, &partial, lines) => done.map(|()| true),
        }
    })?;
    if !finished && partial.get() {
        say("")?;
    }
    Ok(finished)
}

/// Goes through the routine; returns when it is finished. `partial` is set while a line is left
/// open (a hold in a pipe), so an interruption can end it.
async fn perform(
    parts: &[Part],
    tty: bool,
    partial: &Cell<bool>,
    lines: &mut Lines,
) -> anyhow::Result<()> {
    for part in parts {
        let Some(secs) = part.secs() else {
            if part.opens_section() {
                say("")?;
            }
            say(&part.line())?;
            continue;
        };
        let length = Duration::from_secs(u64::from(secs));
        let timed = async {
            if tty {
                countdown(&part.line(), length).await
            } else {
                let mut out = io::stdout().lock();
                write!(out, "{} ...", part.line())?;
                out.flush()?;
                drop(out);
                partial.set(true);
                tokio::time::sleep(length).await;
                partial.set(false);
                say(&format!(" {}", cli().get("guide-part-done")))?;
                Ok(())
            }
        };
        if matches!(part, Part::WarmUp { .. }) {
            tokio::select! {
                done = timed => done?,
                () = lines.enter() => {
                    if partial.replace(false) {
                        say(&format!(" {}", cli().get("guide-part-skipped")))?;
                    } else {
                        say(&format!("    {}", cli().get("guide-warm-up-skipped")))?;
                    }
                }
            }
        } else {
            timed.await?;
        }
    }
    Ok(())
}

/// A live countdown bar on the terminal for `length`, then the plain line "`line` ... done".
/// Dropped half-way (Ctrl-C), the bar clears itself.
async fn countdown(line: &str, length: Duration) -> anyhow::Result<()> {
    let bar = Bar::new(line);
    let start = Instant::now();
    let end = start + length;
    loop {
        let now = Instant::now();
        let elapsed = now.saturating_duration_since(start).min(length);
        let left = length.saturating_sub(elapsed).as_millis().div_ceil(1000);
        bar.draw(elapsed, length, left)?;
        if now >= end {
            break;
        }
        tokio::time::sleep_until((now + TICK).min(end)).await;
    }
    drop(bar);
    say(&format!("{line} ... {}", cli().get("guide-part-done")))?;
    Ok(())
}

/// A one-line bar drawn in place: `line [=====>    ] 12 s left`, cut to the terminal's width so
/// that it never wraps. Cleared when dropped. (Drawn by hand: a progress-bar crate would bring
/// floating-point maths from libm into every stretchd process, the daemon's too.)
struct Bar<'a> {
    line: &'a str,
    /// What was drawn last, to write only on a change.
    shown: Cell<Option<(usize, u128)>>,
}

impl<'a> Bar<'a> {
    const WIDTH: usize = 30;

    fn new(line: &'a str) -> Self {
        Bar {
            line,
            shown: Cell::new(None),
        }
    }

    /// Draws the bar for `elapsed` of `length`, with `left` seconds to go.
    fn draw(&self, elapsed: Duration, length: Duration, left: u128) -> io::Result<()> {
        let filled = match length.as_millis() {
            0 => Self::WIDTH,
            total => usize::try_from(elapsed.as_millis().min(total) * Self::WIDTH as u128 / total)
                .unwrap_or(Self::WIDTH),
        };
        if self.shown.get() == Some((filled, left)) {
            return Ok(());
        }
        self.shown.set(Some((filled, left)));
        let head = usize::from(filled < Self::WIDTH && filled > 0);
        let left = cli().fmt("guide-secs-left", &[("secs", arg(left))]);
        let text = format!(
            "{} [{}{}{}] {left}",
            self.line,
            "=".repeat(filled.saturating_sub(head)),
            ">".repeat(head),
            " ".repeat(Self::WIDTH - filled.max(head)),
        );
        let columns = rustix::termios::tcgetwinsize(io::stdout())
            .ok()
            .map_or(0, |size| usize::from(size.ws_col));
        let columns = if columns == 0 { 80 } else { columns };
        let text: String = text.chars().take(columns.saturating_sub(1)).collect();
        let mut out = io::stdout().lock();
        write!(out, "\r\x1b[2K{text}")?;
        out.flush()
    }
}

impl Drop for Bar<'_> {
    fn drop(&mut self) {
        let mut out = io::stdout().lock();
        let _ = write!(out, "\r\x1b[2K");
        let _ = out.flush();
    }
}
