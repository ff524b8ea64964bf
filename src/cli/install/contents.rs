//! What install writes besides the config: the user unit, the desktop entry and the autostart
//! entry, each naming the binary by a path quoted for its format.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, ensure};

/// The user unit as shipped in `systemd/`; [`unit_file`] points its `ExecStart` at a binary.
pub const UNIT_TEMPLATE: &str = include_str!("../../../systemd/stretchd.service");
/// The application's desktop entry as the package installs it (`Exec=stretchd guide`).
pub const DESKTOP_ENTRY: &str = include_str!("../../../assets/stretchd.desktop");
/// The application icon (SVG).
pub const ICON_SVG: &str = include_str!("../../../assets/stretchd.svg");

/// First line of the unit and the autostart entry that install writes.
pub(super) const MARKER: &str = "# Written by `stretchd install`; `stretchd uninstall` removes it.";

/// The user unit with `ExecStart=<binary> run`: for `stretchd install` the real path of the
/// running binary, for the Debian package `/usr/bin/stretchd`. The template's `PATH` setting
/// and the comment above it, which exist only to find a binary named without a path, are left
/// out.
pub fn unit_file(binary: &Path) -> anyhow::Result<String> {
    let exec = systemd_quote(binary)?;
    let mut out = String::new();
    let mut comments = Vec::new();
    let mut found = false;
    for line in UNIT_TEMPLATE.lines() {
        if line.starts_with('#') {
            comments.push(line);
            continue;
        }
        if line.starts_with("Environment=PATH=") {
            comments.clear();
            continue;
        }
        for comment in comments.drain(..) {
            out.push_str(comment);
            out.push('\n');
        }
        if line.starts_with("ExecStart=") {
            let _ = writeln!(out, "ExecStart={exec} run");
            found = true;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    for comment in comments {
        out.push_str(comment);
        out.push('\n');
    }
    ensure!(found, "the unit template has no ExecStart line");
    Ok(out)
}

/// The application's desktop entry with `Exec` naming `binary` by its path, for a user install
/// (where the binary's directory may not be on the desktop's `PATH`).
pub fn desktop_entry(binary: &Path) -> anyhow::Result<String> {
    let exec = desktop_quote(binary)?;
    let mut out = String::new();
    for line in DESKTOP_ENTRY.lines() {
        if let Some(rest) = line.strip_prefix("Exec=stretchd") {
            let _ = writeln!(out, "Exec={exec}{rest}");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The XDG autostart entry that runs `binary run` at login, where systemd does not.
pub fn autostart_entry(binary: &Path) -> anyhow::Result<String> {
    let exec = desktop_quote(binary)?;
    Ok(format!(
        "{MARKER}\n\
         [Desktop Entry]\n\
         Type=Application\n\
         Name=stretchd\n\
         Comment=Posture checks and mid-back stretch reminders\n\
         Exec={exec} run\n\
         Icon=stretchd\n\
         Terminal=false\n\
         NoDisplay=true\n\
         X-GNOME-Autostart-enabled=true\n"
    ))
}

/// A path as a UTF-8 string without control characters, or an error that says so.
fn plain_path(path: &Path) -> anyhow::Result<&str> {
    let text = path.to_str().with_context(|| {
        format!(
            "{} is not valid UTF-8 and cannot be named in a unit or desktop entry; move the \
             binary to a plain path",
            path.display()
        )
    })?;
    ensure!(
        !text.chars().any(char::is_control),
        "{text:?} contains control characters; move the binary to a plain path"
    );
    Ok(text)
}

/// `path` as one word of a systemd `ExecStart=`: quoted when it holds blanks or quotes, with
/// `%` and `$` doubled so they stay literal.
fn systemd_quote(path: &Path) -> anyhow::Result<String> {
    let text = plain_path(path)?;
    let word = if text
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '\\' | ';'))
    {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        text.to_owned()
    };
    Ok(word.replace('%', "%%").replace('$', "$$"))
}

/// `path` as one argument of a desktop entry's `Exec=`, quoted and escaped as the Desktop
/// Entry Specification says.
fn desktop_quote(path: &Path) -> anyhow::Result<String> {
    const RESERVED: &str = " \t\"'\\><~|&;$*?#()`";
    let text = plain_path(path)?;
    let arg = if text.chars().any(|c| RESERVED.contains(c)) {
        let mut quoted = String::from('"');
        for c in text.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        quoted
    } else {
        text.to_owned()
    };
    // `%` starts a field code; a backslash is also an escape of the value as a string.
    Ok(arg.replace('%', "%%").replace('\\', "\\\\"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_the_binary_and_drops_the_path_setting() {
        let unit = unit_file(Path::new("/home/me/.cargo/bin/stretchd")).unwrap();
        assert!(
            unit.contains("\nExecStart=/home/me/.cargo/bin/stretchd run\n"),
            "{unit}"
        );
        assert!(!unit.contains("Environment=PATH"), "{unit}");
        assert!(!unit.contains("cargo install"), "{unit}");
        assert!(!unit.contains("/usr/bin/env"), "{unit}");
        // The other comments stay.
        assert!(unit.contains("# Sandboxing"), "{unit}");
        assert!(
            unit.contains("ExecReload=/bin/kill -HUP $MAINPID"),
            "{unit}"
        );
    }

    #[test]
    fn odd_paths_are_quoted_for_systemd_and_desktop_entries() {
        let path = Path::new("/home/me/my bin/100%/stretchd");
        assert_eq!(
            systemd_quote(path).unwrap(),
            "\"/home/me/my bin/100%%/stretchd\""
        );
        assert_eq!(
            desktop_quote(path).unwrap(),
            "\"/home/me/my bin/100%%/stretchd\""
        );
        let path = Path::new("/opt/a$b\\c/stretchd");
        assert_eq!(systemd_quote(path).unwrap(), "\"/opt/a$$b\\\\c/stretchd\"");
        assert_eq!(
            desktop_quote(path).unwrap(),
            "\"/opt/a\\\\$b\\\\\\\\c/stretchd\""
        );
        assert!(systemd_quote(Path::new("/a\nb")).is_err());
    }

    #[test]
    fn desktop_entry_runs_the_binary_by_path() {
        let entry = desktop_entry(Path::new("/x/stretchd")).unwrap();
        assert!(entry.contains("\nExec=/x/stretchd guide\n"), "{entry}");
        let autostart = autostart_entry(Path::new("/x/stretchd")).unwrap();
        assert!(autostart.starts_with(MARKER));
        assert!(
            autostart.contains("\nExec=/x/stretchd run\n"),
            "{autostart}"
        );
        assert!(autostart.contains("\nX-GNOME-Autostart-enabled=true\n"));
    }
}
