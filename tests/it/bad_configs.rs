//! The corpus of broken configs in tests/data/bad-configs/: each file's first line says the error
//! it must produce, `# expect: <line>:<column> <text> | <more text> ...`. Loading the file with
//! `Config::load` must fail with one line that starts with the file's path and that line and
//! column, and contains every piece of text (the key and what is allowed, as a user would read
//! it).

use std::path::{Path, PathBuf};

use stretchd::config::{Config, ConfigError};

/// What one file expects.
#[derive(Debug)]
struct Expect {
    line: usize,
    column: usize,
    says: Vec<String>,
}

fn expectation(path: &Path) -> Expect {
    let text = std::fs::read_to_string(path).unwrap();
    let first = text.lines().next().unwrap_or_default();
    let rest = first.strip_prefix("# expect: ").unwrap_or_else(|| {
        panic!(
            "{}: the first line must be `# expect: L:C text`",
            path.display()
        )
    });
    let (place, says) = rest.split_once(' ').unwrap_or((rest, ""));
    let (line, column) = place
        .split_once(':')
        .and_then(|(l, c)| Some((l.parse().ok()?, c.parse().ok()?)))
        .unwrap_or_else(|| panic!("{}: `{place}` is not LINE:COLUMN", path.display()));
    let says: Vec<String> = says
        .split(" | ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    assert!(!says.is_empty(), "{}: no text to expect", path.display());
    Expect { line, column, says }
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad-configs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_broken_config_fails_where_and_how_its_first_line_says() {
    let files = corpus();
    assert!(
        files.len() >= 30,
        "only {} files in the corpus",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        let expect = expectation(path);
        let message = match Config::load(Some(path)) {
            Ok(_) => {
                failures.push(format!("{}: loaded", path.display()));
                continue;
            }
            Err(e @ ConfigError::Read { .. }) => panic!("{e}"),
            Err(e) => e.to_string(),
        };
        let place = format!("{}:{}:{}: ", path.display(), expect.line, expect.column);
        let mut wrong = Vec::new();
        if !message.starts_with(&place) {
            wrong.push(format!("does not start with {place:?}"));
        }
        if message.contains('\n') {
            wrong.push("is on several lines".to_owned());
        }
        for text in &expect.says {
            if !message.contains(text.as_str()) {
                wrong.push(format!("lacks {text:?}"));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("{message}\n  {}", wrong.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn file_names_are_numbered_and_unique() {
    let mut numbers = Vec::new();
    for path in corpus() {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (n, short) = name
            .split_once('-')
            .unwrap_or_else(|| panic!("{name}: NN-short-name (two or more digits)"));
        assert!(
            n.len() >= 2 && n.bytes().all(|b| b.is_ascii_digit()),
            "{name}"
        );
        assert!(!short.is_empty(), "{name}");
        numbers.push(n.to_owned());
    }
    let count = numbers.len();
    numbers.dedup();
    assert_eq!(numbers.len(), count, "two files share a number");
}

#[test]
fn a_wrong_expectation_is_noticed() {
    // The check itself can fail: the same file with its place moved by one column.
    let path = corpus().into_iter().next().unwrap();
    let expect = expectation(&path);
    let message = Config::load(Some(&path)).unwrap_err().to_string();
    let moved = format!("{}:{}:{}: ", path.display(), expect.line, expect.column + 1);
    assert!(!message.starts_with(&moved), "{message}");
}
