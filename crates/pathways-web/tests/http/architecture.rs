//! The web crate's placement rules (docs/ARCHITECTURE.md, "Where code goes"), checked on its source so a
//! change that breaks one fails here with the file and line:
//!
//! 1. No controller imports another area's controller module: what two areas share is a use case
//!    (`services`), an input (`extract`), words (`views`) or a rule (the domain). `controllers/api/<area>` is its
//!    own area, so no JSON handler calls a page handler either.
//! 2. The store's tables stay private to it: no `pathways_store::entities` and no `sea_orm` in the web crate.
//! 3. Ids in paths are taken by the typed extractor (`InPath<T>`), not parsed by hand (`Path(id): Path<String>`,
//!    `parse_id`); a path's free text (an invitation's code, a language) stays a `Path<String>`.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// A controller file's area: `access_line` for `controllers/access_line/call.rs`, `api/referrals` for
/// `controllers/api/referrals/mod.rs`; `None` for the controllers' own `mod.rs` and loose files.
fn area_of(relative: &Path) -> Option<String> {
    let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    match parts.as_slice() {
        [api, sub, _, ..] if api == "api" => Some(format!("api/{sub}")),
        [area, _, ..] => Some(area.trim_end_matches(".rs").to_owned()),
        _ => None,
    }
}

/// The areas a line names through `crate::controllers::…` (`api/<sub>` for the JSON handlers').
fn areas_named(line: &str) -> Vec<String> {
    let mut named = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::controllers::") {
        rest = &rest[at + "crate::controllers::".len()..];
        let segment = |s: &str| s.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("").to_owned();
        let first = segment(rest);
        if first == "api" {
            let after = rest.strip_prefix("api::").unwrap_or("");
            named.push(format!("api/{}", segment(after)));
        } else {
            named.push(first);
        }
    }
    named
}

#[test]
fn no_controller_imports_another_areas_controller() {
    let controllers = src().join("controllers");
    let mut files = Vec::new();
    rust_files(&controllers, &mut files);
    assert!(files.len() > 50, "the controllers were found ({} files)", files.len());
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&controllers).unwrap_or(&file).to_path_buf();
        let Some(area) = area_of(&relative) else { continue };
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for named in areas_named(line) {
                if named != area {
                    found.push(format!("controllers/{}:{}: {} imports {named}", relative.display(), n + 1, area));
                }
            }
            if line.contains("super::super::") {
                found.push(format!(
                    "controllers/{}:{}: reaches out of its area through super::super",
                    relative.display(),
                    n + 1
                ));
            }
        }
    }
    assert!(found.is_empty(), "share through services/, extract/, views/ or the domain instead:\n{}", found.join("\n"));
}

#[test]
fn the_store_tables_stay_private_to_the_store() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            if line.contains("pathways_store::entities") || line.contains("sea_orm") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "use pathways_store's scoped functions and pathways_store::model:\n{}", found.join("\n"));
}

#[test]
fn path_ids_are_typed_not_parsed_by_hand() {
    let mut files = Vec::new();
    rust_files(&src().join("controllers"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let id_as_text = line.contains("Path(id): Path<String>") || line.contains("Path(id): Path<Uuid>");
            if id_as_text || line.contains("parse_id(") || line.contains("parse_uuid(") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "take the id as crate::extract::InPath<T>:\n{}", found.join("\n"));
}

#[test]
fn the_checks_see_a_violation() {
    assert_eq!(areas_named("use crate::controllers::capacity::show_board::level_name;"), vec!["capacity"]);
    assert_eq!(areas_named("use crate::controllers::api::persons::parse_body;"), vec!["api/persons"]);
    assert_eq!(area_of(Path::new("access_line/call.rs")).as_deref(), Some("access_line"));
    assert_eq!(area_of(Path::new("api/referrals/mod.rs")).as_deref(), Some("api/referrals"));
    assert_eq!(area_of(Path::new("mod.rs")), None);
}
