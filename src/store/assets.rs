//! The stretch illustrations: one hand-drawn SVG per built-in stretch (`assets/stretches/`),
//! embedded in the binary and written to the data directory, where notification servers can load
//! them by path (the `image-path` hint).
//!
//! A custom stretch from the config has no built-in picture, but one the user drops into
//! [`images_dir`] as `<id>.svg` is shown all the same; [`install_images`] never deletes files.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::store::files::{self, Clobber};

/// Every embedded illustration, as (stretch id, SVG source), in catalogue order.
pub const IMAGES: [(&str, &str); 5] = [
    (
        "cat-camel",
        include_str!("../../assets/stretches/cat-camel.svg"),
    ),
    (
        "thoracic-extension",
        include_str!("../../assets/stretches/thoracic-extension.svg"),
    ),
    (
        "seated-twist",
        include_str!("../../assets/stretches/seated-twist.svg"),
    ),
    (
        "thread-the-needle",
        include_str!("../../assets/stretches/thread-the-needle.svg"),
    ),
    (
        "foam-rolling",
        include_str!("../../assets/stretches/foam-rolling.svg"),
    ),
];

/// The SVG source of a built-in stretch's illustration; `None` for an id without one.
pub fn svg(stretch_id: &str) -> Option<&'static str> {
    IMAGES
        .iter()
        .find(|(id, _)| *id == stretch_id)
        .map(|(_, svg)| *svg)
}

/// Where the illustrations are written: `$XDG_DATA_HOME/stretchd/images`, falling back to
/// `~/.local/share/stretchd/images`.
pub fn images_dir() -> PathBuf {
    crate::store::paths::data_dir().join("images")
}

/// The file a stretch's illustration has in `dir`: `<dir>/<id>.svg`.
pub fn image_file(dir: &Path, stretch_id: &str) -> PathBuf {
    dir.join(format!("{stretch_id}.svg"))
}

/// Writes every embedded illustration to `<dir>/<id>.svg`, creating `dir` if needed. A file that
/// already holds the right bytes is left alone (not even its modification time changes); a
/// missing or different one is replaced atomically ([`files::write`]), so a notification server
/// never reads half a picture. Whatever sits at a picture's path is read without blocking (a
/// named pipe is replaced, not waited on). Errors name the file.
pub fn install_images(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir).map_err(|e| with_path(dir, &e))?;
    for (id, svg) in IMAGES {
        let path = image_file(dir, id);
        let limit = u64::try_from(svg.len()).unwrap_or(u64::MAX);
        // Missing, different, or unreadable (a directory, no permission): (re)write it; writing
        // reports the real problem if there is one.
        if files::read(&path, limit).ok().as_deref() != Some(svg.as_bytes()) {
            files::write(&path, svg.as_bytes(), 0o644, Clobber::Replace)
                .map_err(|e| with_path(&path, &e))?;
        }
    }
    Ok(())
}

/// The same error, with the path it concerns in front.
fn with_path(path: &Path, e: &io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// The `file://` URI of an absolute path, percent-encoding every byte outside the unreserved
/// set (so spaces and non-UTF-8 names survive), for the notification's `image-path` hint.
pub fn file_uri(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt as _;
    let mut uri = String::from("file://");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            let _ = write!(uri, "%{b:02X}");
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_image_is_an_svg_with_a_view_box() {
        for (id, svg) in IMAGES {
            assert!(svg.starts_with("<svg "), "{id}");
            assert!(svg.contains("viewBox=\"0 0 240 160\""), "{id}");
            assert!(svg.trim_end().ends_with("</svg>"), "{id}");
            assert!(svg.len() < 6 * 1024, "{id} is {} bytes", svg.len());
        }
        assert_eq!(svg("seated-twist"), Some(IMAGES[2].1));
        assert_eq!(svg("no-such-stretch"), None);
    }

    #[test]
    fn file_uris_escape_what_a_uri_cannot_hold() {
        assert_eq!(
            file_uri(Path::new(
                "/home/a b/.local/share/stretchd/images/cat-camel.svg"
            )),
            "file:///home/a%20b/.local/share/stretchd/images/cat-camel.svg"
        );
        assert_eq!(file_uri(Path::new("/tmp/é%")), "file:///tmp/%C3%A9%25");
    }
}
