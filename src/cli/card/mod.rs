//! `stretchd card [ID]`: the whole stretch, large, in the browser. Writes the stretch's card
//! ([`page`]) to `$XDG_DATA_HOME/stretchd/cards/<id>.html` and opens it with the desktop's
//! default handler (`xdg-open`); `--print` only writes it and prints its path.
//!
//! Without an id it is the stretch stretchd suggests (as for `stretchd guide`): the stretch
//! reminder on screen awaiting an answer, else the next stretch to come. Holds are timed at the
//! stretch's level from `state.json`. The daemon runs this command when a stretch reminder's
//! body is clicked (`[notify] on_click = "card"`), so the page is generated here and not in the
//! daemon.

pub mod page;

use crate::i18n::{arg, cli};
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};

use crate::cli::{CardArgs, out};
use crate::config::Config;
use crate::schedule::level;
use crate::store::Store;
use crate::store::files::{self, Clobber};

/// The program that opens a file with the desktop's default handler.
const OPENER: &str = "xdg-open";

/// How long `stretchd card` waits to hear whether the opener failed; a browser that stays in
/// the foreground is left running after that.
const OPEN_WAIT: Duration = Duration::from_secs(3);

/// Runs `stretchd card`.
pub fn run(args: &CardArgs, json: bool) -> anyhow::Result<ExitCode> {
    let config = Config::load(args.config.config.as_deref())?;
    let stretch = match &args.id {
        Some(id) => super::choice::find(&config, id, "card")?,
        None => super::choice::suggest(&config, "card")?.0,
    };
    let saved = Store::new(&crate::store::paths::state_dir()).peek();
    let levels = saved.as_ref().map(|s| &s.levels);
    let stretch = level::leveled(stretch, levels.and_then(|l| l.get(&stretch.id)));
    let custom = user_svg(&stretch.id);
    let svg = crate::store::assets::svg(&stretch.id).or(custom.as_deref());
    let html = page::page(&stretch, svg);
    let path = card_file(&cards_dir(), &stretch.id);
    write_card(&path, &html)?;
    if !args.print {
        open(&path)?;
        notice_read();
    }
    if json {
        let value = serde_json::json!({ "id": stretch.id, "path": path, "bytes": html.len(), "opened": !args.print });
        out!("{value}\n");
    } else {
        out!("{}\n", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Tells the running daemon that the card, and with it the safety notice, was opened, so that
/// reminders stop pointing to the notice. Without a daemon there is nobody to tell: the next
/// reminder points to it once more, and a click on it opens this card.
fn notice_read() {
    let socket = crate::store::paths::control_socket();
    if let Ok(client) = crate::ipc::Client::connect(&socket) {
        // The card is open either way; a daemon that does not answer points to it once more.
        let _ = client.call(&crate::ipc::Request::NoticeRead);
    }
}

/// Where the cards are written: `$XDG_DATA_HOME/stretchd/cards`.
pub fn cards_dir() -> PathBuf {
    crate::store::paths::data_dir().join("cards")
}

/// The card of stretch `id` in `dir`: `<dir>/<id>.html` (ids are lowercase letters, digits,
/// `-` and `_`, so this stays inside `dir`).
pub fn card_file(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!("{id}.html"))
}

/// The picture the user dropped in for a custom stretch (`<images>/<id>.svg`), if any.
fn user_svg(id: &str) -> Option<String> {
    let path = crate::store::assets::image_file(&crate::store::assets::images_dir(), id);
    files::read(&path, 256 * 1024)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
}

/// Writes the card atomically (a browser reloading it never reads half a page), creating the
/// directory; errors name the file.
fn write_card(path: &Path, html: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        if dir.exists() && !dir.is_dir() {
            bail!(
                "{}",
                cli().fmt("card-not-a-folder", &[("path", shown(dir))])
            );
        }
        std::fs::create_dir_all(dir)
            .with_context(|| cli().fmt("card-cannot-create", &[("path", shown(dir))]))?;
    }
    files::write(path, html.as_bytes(), 0o644, Clobber::Replace)
        .with_context(|| cli().fmt("card-cannot-write", &[("path", shown(path))]))?;
    Ok(())
}

/// A path as a placeholder's value.
fn shown(path: &Path) -> crate::i18n::Arg<'static> {
    arg(path.display().to_string())
}

/// Opens `path` with `xdg-open`, detached (its own process group, no terminal streams). An
/// opener that is missing or fails within [`OPEN_WAIT`] is an error that says what to do.
fn open(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::process::CommandExt as _;
    let mut child = match Command::new(OPENER)
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => bail!(
            "{}",
            cli().fmt(
                "card-no-opener",
                &[("path", shown(path)), ("opener", arg(OPENER))]
            )
        ),
        Err(e) => bail!(
            "{}",
            cli().fmt(
                "card-opener-does-not-start",
                &[
                    ("path", shown(path)),
                    ("opener", arg(OPENER)),
                    ("error", arg(e.to_string()))
                ]
            )
        ),
    };
    let deadline = Instant::now() + OPEN_WAIT;
    while Instant::now() < deadline {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => bail!(
                "{}",
                cli().fmt(
                    "card-opener-failed",
                    &[
                        ("path", shown(path)),
                        ("opener", arg(OPENER)),
                        ("status", arg(status.to_string()))
                    ]
                )
            ),
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => bail!("waiting for {OPENER}: {e}"),
        }
    }
    Ok(())
}
