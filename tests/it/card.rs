//! The stretch card in a real browser: headless Chromium, driven by chromedriver
//! ([`testkit::webdriver`]), loads the card `stretchd card ID --print` writes for each stretch;
//! a screenshot of each is checked for the picture and the steps, the timer is run with the
//! page's own buttons (by pointer and by keyboard), and axe-core checks the page in the light
//! and the dark theme.
//!
//! Chromium and chromium-driver are Debian packages; axe-core is the npm package's
//! `axe.min.js`, found at `$STRETCHD_AXE_JS` or `target/axe-core/package/axe.min.js` (`.ci/run`
//! puts it there with `npm pack axe-core`). A missing one skips its test with a note, unless
//! `STRETCHD_REQUIRE_CHROMIUM=1` (set by `.ci/run`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use testkit::webdriver::{self, Driver, Session, png_size};

use crate::BIN;

/// The built-in stretches with their steps, from `stretchd stretches --json`.
fn stretches(home: &Path) -> Vec<(String, Vec<String>)> {
    let list = BIN.json_in(home, &["stretches"], &[]);
    list["stretches"]
        .as_array()
        .expect("stretches in the JSON")
        .iter()
        .map(|s| {
            let steps = s["steps"].as_array().unwrap();
            (
                s["id"].as_str().unwrap().to_owned(),
                steps
                    .iter()
                    .map(|t| t.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

/// Writes the card of `id` in `home` (with `args` added) and returns its `file://` URL.
fn card_url(home: &Path, id: &str, args: &[&str]) -> String {
    let mut all = vec!["card", id, "--print"];
    all.extend_from_slice(args);
    let path = BIN.ok_in(home, &all, &[]);
    let path = PathBuf::from(path.trim_end());
    assert!(path.is_file(), "{}", path.display());
    format!("file://{}", path.display())
}

/// What a script returns, as text.
fn text(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// Waits until `probe` returns `Some`, polling every 50 ms, for at most `limit`.
fn wait_for<T>(limit: Duration, what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(t) = probe() {
            return t;
        }
        assert!(Instant::now() < deadline, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The share of the picture's pixels in the drawing's blue (#2f5d8a, give or take), drawn into
/// a canvas by a `WebDriver` script (which the page's policy does not bind).
const INK: &str = "var img = document.querySelector('figure img');\
    if (!img || !img.complete || !img.naturalWidth) { return -1; }\
    var c = document.createElement('canvas'); c.width = 240; c.height = 160;\
    var g = c.getContext('2d'); g.drawImage(img, 0, 0, 240, 160);\
    var d = g.getImageData(0, 0, 240, 160).data, n = 0;\
    for (var i = 0; i < d.length; i += 4) {\
      if (Math.abs(d[i] - 47) < 40 && Math.abs(d[i+1] - 93) < 40 && Math.abs(d[i+2] - 138) < 40 && d[i+3] > 200) { n++; }\
    }\
    return n / (240 * 160);";

#[test]
fn every_card_loads_in_chromium_with_its_picture_steps_and_the_safety_notice() {
    if !webdriver::chromium_present("card::every_card_loads_in_chromium") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start();
    let browser = driver.session(1000, 3000);
    let shots = webdriver::screenshot_dir();
    for (id, steps) in stretches(home.path()) {
        let url = card_url(home.path(), &id, &[]);
        browser.open(&url);
        // The script ran under the policy: the controls are shown and the timer is ready.
        let status = browser.find("#status").text();
        assert!(status.starts_with("Ready. Part 1 of "), "{id}: {status:?}");
        assert_eq!(
            browser.run("return document.getElementById('controls').hidden;", &[]),
            json!(false),
            "{id}"
        );
        // The picture: decoded, shown large, and drawn in its blue.
        let width = browser.run(
            "return document.querySelector('figure img').getBoundingClientRect().width;",
            &[],
        );
        assert!(width.as_f64().unwrap_or(0.0) >= 600.0, "{id}: {width}");
        let ink = browser.run(INK, &[]).as_f64().unwrap_or(-1.0);
        assert!(ink > 0.03, "{id}: {ink} of the picture is ink");
        // Every step, in order.
        let shown = browser.run(
            "return Array.prototype.map.call(document.querySelectorAll('#steps li'), function (li) { return li.textContent; });",
            &[],
        );
        assert_eq!(shown, json!(steps), "{id}");
        let page = browser.find("main").text();
        assert!(page.contains("never hold your breath"), "{id}: {page}");

        // Screenshots: the page for people to look at, and the picture and the steps as the
        // browser drew them (a blank area compresses to almost nothing).
        let full = browser.screenshot();
        assert!(png_size(&full).is_some(), "{id}: not a PNG");
        std::fs::write(shots.join(format!("{id}.png")), &full).unwrap();
        for (css, least) in [("figure", 8_000), ("#steps", 4_000)] {
            let shot = browser.find(css).screenshot();
            let (w, h) = png_size(&shot).unwrap_or_else(|| panic!("{id} {css}: not a PNG"));
            assert!(w >= 300 && h >= 100, "{id} {css}: {w}x{h}");
            assert!(
                shot.len() > least,
                "{id} {css}: {w}x{h} in {} bytes looks blank",
                shot.len()
            );
            std::fs::write(
                shots.join(format!("{id}-{}.png", css.trim_start_matches('#'))),
                &shot,
            )
            .unwrap();
        }
        let bytes = std::fs::metadata(url.trim_start_matches("file://"))
            .unwrap()
            .len();
        eprintln!(
            "card {id}: {bytes} bytes, {ink:.3} ink, screenshot {} bytes",
            full.len()
        );
    }
}

/// A config with a stretch of two 1 s holds on each side, so that the whole timer runs fast.
fn quick_config(dir: &Path) -> PathBuf {
    testkit::write_file(
        dir,
        "config.toml",
        "[[stretch]]\nid = \"quick\"\nname = \"Quick\"\nsummary = \"Short.\"\n\
         steps = [\"Sit tall.\", \"Turn.\", \"Now the other side.\"]\n\
         hold = \"1s\"\nreps = 2\nsides = \"both\"\nposition = \"chair\"\n\n\
         [[reminder]]\nid = \"stretch\"\nkind = \"stretch\"\nevery = \"1h\"\nstretch = \"quick\"\n",
    )
}

/// The timer's status line and clock.
fn timer_state(browser: &Session<'_>) -> (String, String) {
    (
        browser.find("#status").text(),
        browser.find("#clock").text(),
    )
}

#[test]
fn the_timer_counts_holds_and_sides_and_pauses_from_its_own_buttons() {
    if !webdriver::chromium_present("card::the_timer_counts_holds_and_sides") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let config = quick_config(home.path());
    let url = card_url(
        home.path(),
        "quick",
        &["--config", config.to_str().unwrap()],
    );
    let driver = Driver::start();
    let browser = driver.session(1000, 1600);
    browser.open(&url);
    assert_eq!(
        timer_state(&browser),
        (
            "Ready. Part 1 of 4: Hold 1 s (first side, 1 of 2)".to_owned(),
            "0:01".to_owned()
        )
    );

    // Start: it goes through every hold on both sides by itself, saying which.
    let start = browser.find("#start");
    start.click();
    assert_eq!(start.text(), "Pause");
    let mut seen = Vec::new();
    let done = wait_for(Duration::from_secs(10), "the end of the timer", || {
        let (status, _) = timer_state(&browser);
        if seen.last() != Some(&status) {
            seen.push(status.clone());
        }
        status.starts_with("All ").then_some(status)
    });
    assert_eq!(done, "All 4 parts done. Answer the reminder with Done.");
    for part in [
        "Part 2 of 4: Hold 1 s (first side, 2 of 2)",
        "Part 3 of 4: Now the other side. Hold 1 s (other side, 1 of 2)",
        "Part 4 of 4: Hold 1 s (other side, 2 of 2)",
    ] {
        assert!(
            seen.iter().any(|s| s == part),
            "{part:?} never shown: {seen:?}"
        );
    }
    let marked = browser.run(
        "return document.querySelectorAll('#parts li.done').length;",
        &[],
    );
    assert_eq!(marked, json!(4));

    // Pause holds the clock; Reset goes back to the first hold.
    let slow = quick_config(home.path());
    let slow_text = std::fs::read_to_string(&slow)
        .unwrap()
        .replace("hold = \"1s\"", "hold = \"30s\"");
    std::fs::write(&slow, slow_text).unwrap();
    let url = card_url(home.path(), "quick", &["--config", slow.to_str().unwrap()]);
    browser.open(&url);
    let start = browser.find("#start");
    start.click();
    wait_for(Duration::from_secs(5), "the clock to run", || {
        (browser.find("#clock").text() != "0:30").then_some(())
    });
    start.click();
    assert_eq!(start.text(), "Resume");
    let (status, paused_at) = timer_state(&browser);
    assert!(status.starts_with("Paused at "), "{status}");
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        browser.find("#clock").text(),
        paused_at,
        "the clock ran while paused"
    );
    browser.find("#reset").click();
    assert_eq!(timer_state(&browser).1, "0:30");
    assert_eq!(start.text(), "Start");

    // The keyboard alone: Tab reaches Start (with a visible focus ring), Space starts it.
    let focused = "return document.activeElement ? document.activeElement.id : '';";
    let mut tabs = 0;
    while text(&browser.run(focused, &[])) != "start" {
        tabs += 1;
        assert!(tabs <= 10, "Tab never reached Start");
        browser.keys("\u{E004}");
    }
    let outline = browser.run(
        "return getComputedStyle(document.activeElement).outlineStyle;",
        &[],
    );
    assert_eq!(outline, json!("solid"), "no visible focus on Start");
    browser.keys(" ");
    wait_for(Duration::from_secs(5), "Space to start the timer", || {
        (start.text() == "Pause").then_some(())
    });
}

/// axe-core's `axe.min.js`, if it is here.
fn axe_source() -> Option<String> {
    let path = std::env::var_os("STRETCHD_AXE_JS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/axe-core/package/axe.min.js"),
        PathBuf::from,
    );
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(e) => {
            assert!(
                std::env::var_os("STRETCHD_REQUIRE_CHROMIUM").is_none(),
                "STRETCHD_REQUIRE_CHROMIUM is set but axe-core is missing at {} ({e}): `npm pack axe-core` and unpack it in target/axe-core, or set STRETCHD_AXE_JS",
                path.display()
            );
            eprintln!(
                "SKIPPED card::every_card_passes_axe: no axe-core at {} ({e}); `cd target/axe-core && npm pack axe-core && tar xzf axe-core-*.tgz`",
                path.display()
            );
            None
        }
    }
}

#[test]
fn every_card_passes_axe_core_in_the_light_and_the_dark_theme() {
    if !webdriver::chromium_present("card::every_card_passes_axe") {
        return;
    }
    let Some(axe) = axe_source() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let driver = Driver::start();
    let browser = driver.session(1000, 2000);
    let run_axe = "var done = arguments[arguments.length - 1];\
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })\
          .then(function (r) { done({ passes: r.passes.length, violations: r.violations.map(function (v) {\
            return v.id + ': ' + v.help + ' (' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ') + ')'; }) }); })\
          .catch(function (e) { done({ error: String(e) }); });";
    for (id, _) in stretches(home.path()) {
        let url = card_url(home.path(), &id, &[]);
        for scheme in ["light", "dark"] {
            browser.color_scheme(scheme);
            browser.open(&url);
            let background = browser.run(
                "return getComputedStyle(document.documentElement).backgroundColor;",
                &[],
            );
            let expected = if scheme == "dark" {
                "rgb(18, 20, 23)"
            } else {
                "rgb(255, 255, 255)"
            };
            assert_eq!(background, json!(expected), "{id} {scheme}");
            browser.run(&format!("{axe}\nreturn true;"), &[]);
            let result = browser.run_async(run_axe, &[]);
            assert!(result.get("error").is_none(), "{id} {scheme}: {result}");
            assert_eq!(
                result["violations"],
                json!([]),
                "{id} {scheme}: axe-core found violations"
            );
            assert!(
                result["passes"].as_u64().unwrap_or(0) >= 15,
                "{id} {scheme}: {result}"
            );
            eprintln!(
                "axe {id} {scheme}: {} rules passed, no violations",
                result["passes"]
            );
        }
    }
}

#[test]
fn card_writes_the_page_and_says_why_it_could_not_open_it() {
    let home = tempfile::tempdir().unwrap();
    // Without an id and without a daemon: the next stretch the schedule would show.
    let printed = BIN.json_in(home.path(), &["card", "--print"], &[]);
    let path = PathBuf::from(printed["path"].as_str().unwrap());
    assert_eq!(
        path,
        home.path()
            .join("data/stretchd/cards")
            .join(format!("{}.html", printed["id"].as_str().unwrap()))
    );
    assert_eq!(printed["opened"], json!(false));
    let html = std::fs::read_to_string(&path).unwrap();
    assert_eq!(printed["bytes"], json!(html.len()));
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");

    // An opener that fails: the card is written all the same, and the error says what to do.
    let bin = home.path().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    testkit::shell_script(&bin, "xdg-open", "exit 3");
    let out = BIN.run_in(
        home.path(),
        &["card", "seated-twist"],
        &[("PATH", bin.to_str().unwrap())],
        testkit::SOON,
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("seated-twist.html but xdg-open failed") && err.contains("default handler"),
        "{err}"
    );
    // A posture check has no card.
    let out = BIN.run_in(home.path(), &["card", "shoulders"], &[], testkit::SOON);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is a posture check"),
        "{out:?}"
    );

    // Its folder replaced by a file: the error says so and what to do, and the file is kept.
    let cards = home.path().join("data/stretchd/cards");
    std::fs::remove_dir_all(&cards).unwrap();
    std::fs::write(&cards, "mine").unwrap();
    let out = BIN.run_in(
        home.path(),
        &["card", "--print", "seated-twist"],
        &[],
        testkit::SOON,
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is not a folder") && err.contains("move it away"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&cards).unwrap(), "mine");
}
