//! The stretch illustrations: one per built-in stretch, each renders (with `rsvg-convert`, from
//! Debian's librsvg2-bin) to a PNG of the asked size, and installing them into the data dir is
//! idempotent and repairs what was changed.
//!
//! Without `rsvg-convert` the render test is skipped with a loud note; `.ci/run` installs it and
//! sets `STRETCHD_REQUIRE_DUNST=1`, under which a missing tool fails the test (the convention of
//! `tests/e2e_dunst.rs`).

use std::fs;
use std::io::Write as _;
use std::os::unix::fs::MetadataExt as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use stretchd::catalog::Catalog;
use stretchd::store::assets;

const INSTALL: &str = "install rsvg-convert (Debian: `apt-get install librsvg2-bin`; CI does)";
/// The width the pictures are rendered at; the height follows from the 3:2 view box.
const WIDTH: u32 = 480;

fn builtin_ids() -> Vec<String> {
    Catalog::default()
        .stretches
        .into_iter()
        .map(|s| s.id)
        .collect()
}

#[test]
fn every_builtin_stretch_has_a_picture_and_every_picture_a_stretch() {
    let ids = builtin_ids();
    for id in &ids {
        assert!(assets::svg(id).is_some(), "{id} has no picture");
    }
    let embedded: Vec<&str> = assets::IMAGES.iter().map(|(id, _)| *id).collect();
    assert_eq!(embedded, ids);
    // Nothing in assets/stretches/ that is not embedded, and each file is what is embedded.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/stretches");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut expected: Vec<String> = ids.iter().map(|id| format!("{id}.svg")).collect();
    expected.sort();
    assert_eq!(files, expected);
    for id in &ids {
        let on_disk = fs::read_to_string(dir.join(format!("{id}.svg"))).unwrap();
        assert_eq!(Some(on_disk.as_str()), assets::svg(id), "{id}");
        assert!(
            !on_disk.contains("href=\"http"),
            "{id} refers to the network"
        );
    }
}

/// Whether `rsvg-convert` is on `PATH`.
fn rsvg_present() -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| dir.join("rsvg-convert").is_file())
    })
}

/// Renders `svg` with `rsvg-convert -w WIDTH` and returns the PNG.
fn render(id: &str, svg: &str) -> Vec<u8> {
    let mut child = Command::new("rsvg-convert")
        .args(["-w", &WIDTH.to_string(), "-f", "png"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run rsvg-convert ({e}): {INSTALL}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(svg.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "rsvg-convert failed on {id}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn every_picture_renders_to_a_png_of_the_asked_width() {
    if !rsvg_present() {
        assert!(
            std::env::var_os("STRETCHD_REQUIRE_DUNST").is_none(),
            "STRETCHD_REQUIRE_DUNST is set but rsvg-convert is missing: {INSTALL}"
        );
        eprintln!("SKIPPED every_picture_renders_to_a_png_of_the_asked_width: {INSTALL}");
        return;
    }
    for (id, svg) in assets::IMAGES {
        let png = render(id, svg);
        assert!(png.len() > 1000, "{id}: a {} byte PNG", png.len());
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{id}: not a PNG");
        // The first chunk is IHDR: length (4), type (4), width (4), height (4), ...
        assert_eq!(&png[12..16], b"IHDR", "{id}");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (WIDTH, WIDTH * 2 / 3), "{id}");
    }
}

/// Modification time and inode of each installed picture.
fn stamps(dir: &Path) -> Vec<(SystemTime, u64)> {
    assets::IMAGES
        .iter()
        .map(|(id, _)| {
            let meta = fs::metadata(assets::image_file(dir, id)).unwrap();
            (meta.modified().unwrap(), meta.ino())
        })
        .collect()
}

/// Sets every installed picture's modification time to a day ago, so that a rewrite shows.
fn backdate(dir: &Path) {
    let past = SystemTime::now() - Duration::from_secs(86_400);
    for (id, _) in assets::IMAGES {
        let file = fs::File::options()
            .write(true)
            .open(assets::image_file(dir, id))
            .unwrap();
        file.set_modified(past).unwrap();
    }
}

/// Asserts that every installed picture holds what is embedded.
fn assert_installed(dir: &Path) {
    for (id, svg) in assets::IMAGES {
        let path = assets::image_file(dir, id);
        assert_eq!(
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
            svg,
            "{id}"
        );
    }
}

#[test]
fn install_writes_every_picture_once_and_repairs_a_changed_one() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("data/stretchd/images");
    assets::install_images(&dir).unwrap();
    assert_installed(&dir);
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        assets::IMAGES.len(),
        "stray files (a leftover temporary file?)"
    );

    // A second call rewrites nothing.
    backdate(&dir);
    let before = stamps(&dir);
    assets::install_images(&dir).unwrap();
    assert_eq!(stamps(&dir), before, "an unchanged picture was rewritten");

    // A changed picture is restored, a deleted one written again, the others left alone.
    let changed = assets::image_file(&dir, "seated-twist");
    fs::write(&changed, "<svg/>").unwrap();
    let deleted = assets::image_file(&dir, "foam-rolling");
    fs::remove_file(&deleted).unwrap();
    assets::install_images(&dir).unwrap();
    assert_installed(&dir);
    let after = stamps(&dir);
    for (i, (id, _)) in assets::IMAGES.iter().enumerate() {
        if *id == "seated-twist" || *id == "foam-rolling" {
            assert_ne!(after[i], before[i], "{id} was not rewritten");
        } else {
            assert_eq!(after[i], before[i], "{id} was rewritten");
        }
    }
}

#[test]
fn install_names_the_path_it_cannot_write() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("data");
    fs::write(&file, "").unwrap();
    let err = assets::install_images(&file.join("stretchd/images")).unwrap_err();
    assert!(
        err.to_string().contains(&*file.to_string_lossy()),
        "the error does not name the path: {err}"
    );
}

#[test]
fn the_images_dir_follows_xdg_data_home() {
    // Only read here: the variable is the one `stretchd run` uses.
    let dir = assets::images_dir();
    match std::env::var_os("XDG_DATA_HOME").map(std::path::PathBuf::from) {
        Some(base) if base.is_absolute() => assert_eq!(dir, base.join("stretchd/images")),
        _ => assert!(
            dir.ends_with(".local/share/stretchd/images"),
            "{}",
            dir.display()
        ),
    }
}

#[test]
fn a_symlink_at_the_old_temporary_name_is_not_followed() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("images");
    fs::create_dir(&dir).unwrap();
    let victim = home.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    // The name the old writer used: `<id>.svg.<pid>.tmp`.
    let planted = dir.join(format!("cat-camel.svg.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    assets::install_images(&dir).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert_installed(&dir);
    assert!(
        !assets::image_file(&dir, "cat-camel")
            .symlink_metadata()
            .unwrap()
            .is_symlink()
    );
}

#[test]
fn a_named_pipe_in_place_of_a_picture_is_replaced_without_waiting() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("images");
    fs::create_dir(&dir).unwrap();
    let fifo = assets::image_file(&dir, "seated-twist");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let target = dir.clone();
    std::thread::spawn(move || {
        let _ = tx.send(assets::install_images(&target).map_err(|e| e.to_string()));
    });
    let done = rx.recv_timeout(std::time::Duration::from_secs(10));
    assert_eq!(done, Ok(Ok(())), "install_images waited on a named pipe");
    assert_installed(&dir);
}
