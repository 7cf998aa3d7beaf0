//! Fuzzing the importers (issue 23), as property tests that run in the ordinary suite in bounded time: each starts
//! from a real input (the HSDS 3.0 official examples, the Meeting Guide fixtures) and breaks it at random — a
//! value replaced by junk of another type, a key dropped, the text cut short, bytes and quotes thrown in — then
//! requires what an operator relies on: the importer never panics; input it can't read at all is an error that
//! says where (a JSON syntax error's line and column); everything else is records, and each rejection names its
//! place (`record N`, `line N`, after its file's name) and a field.
//!
//! The number of cases is fixed (`CASES`) so the suite's time is too; `PROPTEST_CASES` raises it for a longer
//! hunt (`PROPTEST_CASES=5000 cargo test -p pathways-store fuzz`).

use std::path::Path;

use pathways_domain::taxonomy::Taxonomy;
use proptest::prelude::*;
use serde_json::{Value, json};

use super::{Rejected, hsds, meeting_guide};

const CASES: u32 = 48;
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/hsds/examples");
const FEED: &str = include_str!("../../../../tests/fixtures/meeting-guide/feed.json");
const TABLE: &str = include_str!("../../../../tests/fixtures/meeting-guide/table.csv");

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(CASES)
}

fn taxonomy() -> Taxonomy {
    Taxonomy::parse(include_str!("../../../../data/taxonomy/recovery.json")).expect("taxonomy")
}

/// One change to a JSON document: which leaf or object (by index, wrapped), and what to do there.
#[derive(Clone, Debug)]
enum Change {
    /// Replace a value with another of any type.
    Replace(usize, Value),
    /// Drop a key of an object.
    Drop(usize),
    /// Put the value of one place at another (ids meet again, lists turn up as strings).
    Copy(usize, usize),
}

fn junk() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
        Just(json!("")),
        Just(json!("2026-02-30T25:61:00Z")),
        Just(json!("00000000-0000-0000-0000-000000000000")),
        Just(json!([])),
        Just(json!({})),
        Just(json!([{"id": "x"}, null, 3])),
        Just(json!({"id": 7, "name": ["a"]})),
    ]
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<usize>(), junk()).prop_map(|(at, v)| Change::Replace(at, v)),
        any::<usize>().prop_map(Change::Drop),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Change::Copy(a, b)),
    ]
}

/// Every value in a document, by its path of keys and indexes, parents before children.
fn paths(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(here.clone());
    match v {
        Value::Object(o) => o.iter().for_each(|(k, c)| paths(c, [here.clone(), vec![k.clone()]].concat(), out)),
        Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, c)| paths(c, [here.clone(), vec![i.to_string()]].concat(), out))
        }
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, step| match v {
        Value::Object(o) => o.get_mut(step),
        Value::Array(a) => step.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
        _ => None,
    })
}

fn apply(doc: &mut Value, changes: &[Change]) {
    for c in changes {
        let mut all = Vec::new();
        paths(doc, Vec::new(), &mut all);
        let pick = |i: usize| all[i % all.len()].clone();
        match c {
            Change::Replace(i, v) => {
                if let Some(place) = at(doc, &pick(*i)) {
                    *place = v.clone();
                }
            }
            Change::Drop(i) => {
                let path = pick(*i);
                if let Some((last, parent)) = path.split_last()
                    && let Some(Value::Object(o)) = at(doc, parent)
                {
                    o.remove(last);
                }
            }
            Change::Copy(from, to) => {
                let value = at(doc, &pick(*from)).map(|v| v.clone());
                if let (Some(value), Some(place)) = (value, at(doc, &pick(*to))) {
                    *place = value;
                }
            }
        }
    }
}

/// A text broken at the byte level: cut short, or with bytes (quotes, separators, a BOM, line ends) put in.
fn broken_text(text: &str, cut: Option<usize>, inserts: &[(usize, &str)]) -> String {
    let mut s = text.to_owned();
    for (i, what) in inserts {
        let mut at = i % (s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        s.insert_str(at, what);
    }
    if let Some(c) = cut {
        let mut at = c % (s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        s.truncate(at);
    }
    s
}

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["\"", ",", "\n", "\r\n", "\u{feff}", "{", "]", "\\", "\u{0}", "é", "\"\"", ";", "\t"])
}

/// Each rejection says where and what: `record N` / `line N` (after a file's name) and a field or a reason.
fn placed(rejected: &[Rejected]) -> Result<(), TestCaseError> {
    for r in rejected {
        prop_assert!(r.at.contains("record ") || r.at.contains("line "), "a rejection without its place: {r:?}");
        prop_assert!(!r.field.is_empty() || !r.reason.is_empty(), "a rejection without a field or a reason: {r:?}");
    }
    Ok(())
}

fn meeting_guide_feed(text: &str) -> Result<(), TestCaseError> {
    match meeting_guide::convert(text, "fuzz", "Fuzz feed", chrono_tz::America::New_York) {
        Ok(c) => placed(&c.rejected),
        Err(e) => {
            prop_assert!(!e.trim().is_empty(), "an unreadable feed says why");
            Ok(())
        }
    }
}

fn hsds_files(files: &[(&str, String)]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().expect("dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    match hsds::convert(dir.path(), &taxonomy(), &mut |_, _, _| {}) {
        Ok(c) => {
            placed(&c.rejected)?;
            for w in &c.warnings {
                prop_assert!(w.at.contains("record ") || w.at.contains("line "), "a warning without its place: {w:?}");
            }
            Ok(())
        }
        Err(e) => {
            let said = e.to_string();
            prop_assert!(!said.trim().is_empty());
            if let hsds::InputError::Syntax { file, line, column, .. } = e {
                prop_assert!(line >= 1, "a syntax error names its line: {said}");
                // JSON always knows the column; a CSV reader's error without a field position says 0.
                prop_assert!(column >= 1 || file.ends_with(".csv"), "a JSON syntax error names its column: {said}");
            }
            Ok(())
        }
    }
}

fn example(name: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(EXAMPLES).join(name)).expect("example");
    serde_json::from_str(&text).expect("example JSON")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn a_broken_meeting_guide_feed_is_reported_never_a_panic(changes in prop::collection::vec(change(), 1..8)) {
        let mut doc: Value = serde_json::from_str(FEED).expect("feed");
        apply(&mut doc, &changes);
        meeting_guide_feed(&doc.to_string())?;
    }

    #[test]
    fn a_torn_meeting_guide_file_is_reported_never_a_panic(
        table in any::<bool>(),
        cut in prop::option::of(any::<usize>()),
        inserts in prop::collection::vec((any::<usize>(), piece()), 0..6),
    ) {
        let text = broken_text(if table { TABLE } else { FEED }, cut, &inserts);
        meeting_guide_feed(&text)?;
    }

    #[test]
    fn broken_hsds_json_is_reported_never_a_panic(
        which in prop::sample::select(vec!["service_full.json", "organization_full.json", "service_at_location_full.json", "service_list.json"]),
        changes in prop::collection::vec(change(), 1..8),
    ) {
        let mut doc = example(which);
        apply(&mut doc, &changes);
        hsds_files(&[(which, doc.to_string())])?;
    }

    #[test]
    fn torn_hsds_files_are_reported_never_a_panic(
        csv in any::<bool>(),
        cut in prop::option::of(any::<usize>()),
        inserts in prop::collection::vec((any::<usize>(), piece()), 0..6),
    ) {
        if csv {
            let dir = Path::new(EXAMPLES).join("csv");
            let mut files = Vec::new();
            for entry in std::fs::read_dir(&dir).expect("csv examples") {
                let path = entry.expect("entry").path();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
                let text = std::fs::read_to_string(&path).expect("csv");
                // Break only the services table; the rest stays whole, as a package usually arrives.
                let text = if name == "services.csv" { broken_text(&text, cut, &inserts) } else { text };
                files.push((name, text));
            }
            let named: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
            hsds_files(&named)?;
        } else {
            let text = std::fs::read_to_string(Path::new(EXAMPLES).join("service_full.json")).expect("example");
            hsds_files(&[("service_full.json", broken_text(&text, cut, &inserts))])?;
        }
    }
}
