//! The message files checked against the English source and the code: every shipped language
//! parses, has every English message and no other, with the same placeholders; every English
//! message is used by the code, and every message id the code names is in English.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::files::{self, Files};
use super::{Lang, Messages, Part};
use crate::catalog::{Area, Catalog, Position, ids};

/// The messages of one file: id, and the placeholders it uses.
type Placeholders = BTreeMap<String, BTreeSet<String>>;

/// The messages of `files`' part, or the parse errors.
fn messages(files: &Files, part: Part) -> Result<Placeholders, String> {
    files::with_command_line();
    let resource = FluentResource::try_new(files.part(part).to_owned())
        .map_err(|(_, e)| format!("i18n/{}/{}: {e:?}", files.tag, part.file_name()))?;
    let mut out = Placeholders::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &m.value {
                pattern_vars(value, &mut vars);
            }
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    Ok(out)
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
        }
        _ => {}
    }
}

fn english(part: Part) -> Placeholders {
    messages(files::english(), part).unwrap()
}

#[test]
fn every_shipped_language_parses_and_has_every_message_with_its_placeholders() {
    let mut problems = Vec::new();
    for files in files::all() {
        for part in Part::ALL {
            let en = english(part);
            let own = match messages(files, part) {
                Ok(own) => own,
                Err(e) => {
                    problems.push(e);
                    continue;
                }
            };
            let file = format!("i18n/{}/{}", files.tag, part.file_name());
            let missing: Vec<&str> = en
                .keys()
                .filter(|id| !own.contains_key(*id))
                .map(String::as_str)
                .collect();
            if !missing.is_empty() {
                problems.push(format!(
                    "{file} lacks {}: {}",
                    missing.len(),
                    missing.join(", ")
                ));
            }
            let extra: Vec<&str> = own
                .keys()
                .filter(|id| !en.contains_key(*id))
                .map(String::as_str)
                .collect();
            if !extra.is_empty() {
                problems.push(format!(
                    "{file} has messages English does not (renamed or removed?): {}",
                    extra.join(", ")
                ));
            }
            for (id, vars) in &own {
                if let Some(theirs) = en.get(id).filter(|en| *en != vars) {
                    problems.push(format!(
                        "{file}: {id} uses {vars:?}, English uses {theirs:?}"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Every `.rs` file under `src/`, as text.
fn sources() -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = String::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

/// The ids the code makes rather than names: the built-in catalogue's (see
/// [`crate::catalog::ids`]), areas, positions, equipment, and the help of every command.
fn made_ids() -> BTreeSet<String> {
    let catalog = Catalog::default();
    let mut made = BTreeSet::new();
    for s in &catalog.stretches {
        made.insert(ids::stretch(&s.id, "name"));
        made.insert(ids::stretch(&s.id, "summary"));
        made.extend((1..=s.steps.len()).map(|n| ids::step(&s.id, n)));
        if matches!(s.dose, crate::catalog::Dose::Flow { .. }) {
            made.extend([ids::shape(&s.id, 1), ids::shape(&s.id, 2)]);
        }
        made.extend(s.equipment.iter().map(|e| ids::equipment(e)));
    }
    for p in &catalog.postures {
        made.insert(ids::posture(&p.id, "name"));
        made.insert(ids::posture(&p.id, "text"));
    }
    made.extend(Area::ALL.into_iter().map(ids::area));
    made.extend(Position::ALL.into_iter().map(ids::position));
    made.extend(crate::cli::help::ids());
    made
}

#[test]
fn every_english_message_is_used_and_every_id_the_code_names_exists() {
    let sources = sources();
    let made = made_ids();
    let mut all = BTreeSet::new();
    let mut unused = Vec::new();
    for part in Part::ALL {
        for id in english(part).into_keys() {
            if !made.contains(&id) && !sources.contains(&format!("\"{id}\"")) {
                unused.push(format!("{}: {id}", part.file_name()));
            }
            all.insert(id);
        }
    }
    assert!(
        unused.is_empty(),
        "English messages no code uses (remove them, or use them):\n{}",
        unused.join("\n")
    );
    // The other way: a literal shaped like a message id, with the prefix of one, must be one.
    let prefixes: BTreeSet<&str> = all.iter().filter_map(|id| id.split('-').next()).collect();
    let catalog = Catalog::default();
    let item_ids: BTreeSet<&str> = catalog
        .stretches
        .iter()
        .map(|s| s.id.as_str())
        .chain(catalog.postures.iter().map(|p| p.id.as_str()))
        .collect();
    let mut unknown = BTreeSet::new();
    for literal in sources.split('"').skip(1).step_by(2) {
        let shaped = literal.contains('-')
            && literal
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
            && !literal.starts_with('-')
            && !literal.ends_with('-');
        let prefix = literal.split('-').next().unwrap_or_default();
        if shaped
            && prefixes.contains(prefix)
            && !all.contains(literal)
            && !item_ids.contains(literal)
        {
            unknown.insert(literal);
        }
    }
    let unknown: Vec<&str> = unknown
        .into_iter()
        .filter(|l| !NOT_MESSAGES.contains(l))
        .collect();
    assert!(
        unknown.is_empty(),
        "ids the code names that English does not have: {unknown:?}"
    );
}

/// Literals shaped like message ids that are something else: GNOME's settings keys.
const NOT_MESSAGES: &[&str] = &["show-banners", "show-environment"];

#[test]
fn a_missing_message_falls_back_to_english_and_an_unknown_id_is_never_blank() {
    let Some(other) = files::all().iter().find(|f| f.tag != "en") else {
        return;
    };
    let m = Messages::new(super::Lang::Shipped(other), &Part::ALL);
    for part in Part::ALL {
        for id in english(part).keys() {
            assert!(!m.get(id).is_empty(), "{}: {id} is blank", other.tag);
        }
    }
}

#[test]
fn the_pseudo_locale_changes_every_english_message_with_letters() {
    let pseudo = Messages::new(super::Lang::Pseudo, &Part::ALL);
    let en = Messages::english();
    for part in Part::ALL {
        for (id, vars) in english(part) {
            let text = en.get(&id);
            // A message of placeholders and punctuation only stays as it is.
            if vars.is_empty() && text.chars().any(|c| c.is_ascii_alphabetic()) {
                assert_ne!(pseudo.get(&id), text, "{id}");
            }
        }
    }
}

#[test]
fn each_file_reads_back_as_it_is_in_its_folder() {
    files::with_command_line();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    for files in files::all() {
        for part in Part::ALL {
            let path = root.join(files.tag).join(part.file_name());
            let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                files.part(part) == on_disk,
                "{}: the embedded text differs from the file",
                path.display()
            );
        }
    }
}

#[test]
fn a_message_is_found_alone_with_its_continuation_lines() {
    let source = "# A comment.\nfoo-bar = not this\nfoo = one\n    two\n\n    three\n.attr = x\n## Section\nlast =\n    { $n ->\n        [one] a\n       *[other] b\n    }\n";
    assert_eq!(
        super::message_text(source, "foo"),
        Some("foo = one\n    two\n\n    three\n")
    );
    assert_eq!(
        super::message_text(source, "foo-bar"),
        Some("foo-bar = not this\n")
    );
    assert_eq!(
        super::message_text(source, "last"),
        Some("last =\n    { $n ->\n        [one] a\n       *[other] b\n    }\n")
    );
    assert_eq!(super::message_text(source, "fo"), None);
    assert_eq!(super::message_text(source, "missing"), None);
}

#[test]
fn a_message_parsed_alone_reads_as_in_its_whole_file() {
    let mut langs: Vec<Lang> = files::all().iter().map(Lang::Shipped).collect();
    langs.push(Lang::Pseudo);
    for lang in langs {
        let alone = Messages::new(lang, &[Part::Catalog, Part::Daemon]);
        let whole = Messages::all(lang);
        for part in [Part::Catalog, Part::Daemon] {
            for id in english(part).keys() {
                assert_eq!(alone.get(id), whole.get(id), "{}: {id}", lang.tag());
                assert_eq!(alone.has_own(id), whole.has_own(id), "{}: {id}", lang.tag());
            }
        }
    }
}
