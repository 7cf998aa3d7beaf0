//! The specification's Table Format: one meeting a row, as in a Google Sheet or its CSV export.
//!
//! From the Meeting Guide specification (<https://github.com/code4recovery/spec#table-format>): "The first row
//! should be a header row, and the columns can be in any order. The column names should be plain-language
//! versions of the JSON keys, for example `conference_url` becomes `Conference URL`"; the slug's column "should
//! be called `ID`"; several regions are separated by `>` (`Illinois > Chicago > Wicker Park`). How the cells are
//! read follows TSML UI's reader of such sheets (code4recovery/tsml-ui, `translateGoogleSheet`), the spec's
//! reference implementation: `Types` are separated by commas and may be codes (`O`) or their English names
//! (`Open`); `Day` may be a day's name (`Monday`); `Time` and `End Time` may be 12-hour times (`7:00 PM`);
//! `Updated` may be `12/31/2022`; a `Full Address` column is the `formatted_address`.
//!
//! [`row_to_record`] turns a row into the JSON record the feed reader ([`super::parse_records`]) takes, so a
//! table is checked by exactly the same rules as a JSON feed.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

/// The JSON key a header names: `Conference URL` → `conference_url`, `ID` → `slug`,
/// `Full Address` → `formatted_address`.
pub fn field_for_header(header: &str) -> String {
    let mut key = String::new();
    for c in header.trim().trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        } else if !key.is_empty() && !key.ends_with('_') {
            key.push('_');
        }
    }
    let key = key.trim_end_matches('_');
    match key {
        "id" => "slug".to_owned(),
        "full_address" => "formatted_address".to_owned(),
        _ => key.to_owned(),
    }
}

/// One row as a feed record: blank cells are left out; lists, days, times and dates are read as the module
/// docs say; anything else is kept as text for the feed reader to check.
pub fn row_to_record(fields: &[String], cells: &[String]) -> Map<String, Value> {
    let mut record = Map::new();
    for (field, cell) in fields.iter().zip(cells) {
        let cell = cell.trim();
        if cell.is_empty() || field.is_empty() {
            continue;
        }
        let value = match field.as_str() {
            "types" => Value::Array(split(cell, ',').map(|t| Value::from(type_code(t))).collect()),
            "regions" => Value::Array(split(cell, '>').map(Value::from).collect()),
            "entity_feedback_emails" => Value::Array(split(cell, ',').map(Value::from).collect()),
            "day" => day_number(cell).map_or_else(|| Value::from(cell), Value::from),
            "time" | "end_time" => Value::from(twenty_four_hour(cell).unwrap_or_else(|| cell.to_owned())),
            "updated" => Value::from(iso_date(cell).unwrap_or_else(|| cell.to_owned())),
            _ => Value::from(cell),
        };
        record.insert(field.clone(), value);
    }
    record
}

/// Whether a row has nothing in it (a spreadsheet's empty rows are skipped, as TSML UI does).
pub fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

fn split(cell: &str, by: char) -> impl Iterator<Item = &str> {
    cell.split(by).map(str::trim).filter(|s| !s.is_empty())
}

/// A meeting type's code from its code or its name in any language of the specification's type list
/// (`data/meeting-guide/types.json`, from code4recovery/spec); an unknown one is kept as given.
fn type_code(t: &str) -> String {
    /// Each code's names by language, and each name's (lower case) code.
    type Types = (HashMap<String, HashMap<String, String>>, HashMap<String, String>);
    static TYPES: OnceLock<Types> = OnceLock::new();
    let (by_code, by_name) = TYPES.get_or_init(|| {
        let all: HashMap<String, HashMap<String, String>> =
            serde_json::from_str(include_str!("../../../../../data/meeting-guide/types.json")).unwrap_or_default();
        let mut by_name = HashMap::new();
        // English names first, so that a name two languages share means what it means in English.
        for english in [true, false] {
            for (code, names) in &all {
                for (language, name) in names {
                    if (language == "en") == english {
                        by_name.entry(name.to_lowercase()).or_insert_with(|| code.clone());
                    }
                }
            }
        }
        (all, by_name)
    });
    if by_code.contains_key(t) {
        return t.to_owned();
    }
    by_name.get(&t.to_lowercase()).cloned().unwrap_or_else(|| t.to_owned())
}

/// `Sunday` (or `Sun`, any case; or Spanish `Domingo`) → 0 … `Saturday` → 6.
fn day_number(cell: &str) -> Option<u8> {
    const NAMES: [[&str; 2]; 7] = [
        ["sunday", "domingo"],
        ["monday", "lunes"],
        ["tuesday", "martes"],
        ["wednesday", "miércoles"],
        ["thursday", "jueves"],
        ["friday", "viernes"],
        ["saturday", "sábado"],
    ];
    let c = cell.to_lowercase();
    NAMES.iter().position(|names| names.iter().any(|n| *n == c || (c.len() == 3 && n.starts_with(&c)))).map(|i| i as u8)
}

/// `7:00 PM`, `7 pm`, `12:30 AM` → `19:00`, `19:00`, `00:30`; None for anything else (a 24-hour time is
/// left as it is).
fn twenty_four_hour(cell: &str) -> Option<String> {
    let lower = cell.to_ascii_lowercase().replace('.', "");
    let (clock, pm) = if let Some(c) = lower.strip_suffix("pm") {
        (c.trim(), true)
    } else if let Some(c) = lower.strip_suffix("am") {
        (c.trim(), false)
    } else {
        return None;
    };
    let (h, m) = clock.split_once(':').unwrap_or((clock, "00"));
    let (h, m): (u32, u32) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    if !(1..=12).contains(&h) || m > 59 {
        return None;
    }
    let h = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(format!("{h:02}:{m:02}"))
}

/// `12/31/2022` → `2022-12-31`.
fn iso_date(cell: &str) -> Option<String> {
    let mut it = cell.split('/');
    let (m, d, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || !(m.len() <= 2 && d.len() <= 2) {
        return None;
    }
    let all_digits = [m, d, y].iter().all(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()));
    all_digits.then(|| format!("{y}-{m:0>2}-{d:0>2}"))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn row(pairs: &[(&str, &str)]) -> Value {
        let fields: Vec<String> = pairs.iter().map(|(h, _)| field_for_header(h)).collect();
        let cells: Vec<String> = pairs.iter().map(|(_, c)| (*c).to_owned()).collect();
        Value::Object(row_to_record(&fields, &cells))
    }

    #[test]
    fn headers_are_the_plain_language_names_of_the_keys() {
        for (header, key) in [
            ("Name", "name"),
            ("ID", "slug"),
            ("End Time", "end_time"),
            ("Conference URL", "conference_url"),
            ("Conference URL Notes", "conference_url_notes"),
            ("Formatted Address", "formatted_address"),
            ("Full Address", "formatted_address"),
            ("Postal Code", "postal_code"),
            ("Sub Region", "sub_region"),
            ("\u{feff}Name", "name"),
            ("  Location Notes ", "location_notes"),
            ("Entity Feedback Emails", "entity_feedback_emails"),
        ] {
            assert_eq!(field_for_header(header), key, "{header}");
        }
    }

    #[test]
    fn a_sheets_row_becomes_a_feed_record() {
        let r = row(&[
            ("Name", "Sunrise Serenity"),
            ("ID", "sunrise-serenity"),
            ("Day", "Monday"),
            ("Time", "7:00 AM"),
            ("End Time", "8:30 pm"),
            ("Formatted Address", "60 Gold St, Hartford, CT 06103, USA"),
            ("Types", "Open, Big Book, SP, Wheelchair Access"),
            ("Regions", "Hartford County > Hartford"),
            ("Updated", "1/5/2026"),
            ("Notes", ""),
        ]);
        assert_eq!(
            r,
            json!({
                "name": "Sunrise Serenity",
                "slug": "sunrise-serenity",
                "day": 1,
                "time": "07:00",
                "end_time": "20:30",
                "formatted_address": "60 Gold St, Hartford, CT 06103, USA",
                "types": ["O", "B", "SP", "X"],
                "regions": ["Hartford County", "Hartford"],
                "updated": "2026-01-05",
            })
        );
    }

    #[test]
    fn cells_it_cannot_read_are_left_for_the_feed_reader_to_refuse() {
        let r = row(&[("Day", "Someday"), ("Time", "25:00"), ("End Time", "13:00 PM"), ("Types", "Unheard-of")]);
        assert_eq!(r, json!({"day": "Someday", "time": "25:00", "end_time": "13:00 PM", "types": ["Unheard-of"]}));
        assert_eq!(row(&[("Day", "3"), ("Day", "sat")]), json!({"day": 6}), "the last of repeated columns wins");
    }

    #[test]
    fn twelve_hour_times() {
        for (cell, hhmm) in [("12:00 AM", "00:00"), ("12:30 pm", "12:30"), ("7 PM", "19:00"), ("11:59 p.m.", "23:59")] {
            assert_eq!(twenty_four_hour(cell).as_deref(), Some(hhmm), "{cell}");
        }
        for cell in ["19:00", "0:30 AM", "13:00 PM", "7:60 PM", "noon"] {
            assert_eq!(twenty_four_hour(cell), None, "{cell}");
        }
    }

    #[test]
    fn blank_rows_are_blank() {
        assert!(is_blank(&[String::new(), "  ".to_owned()]));
        assert!(!is_blank(&[String::new(), "x".to_owned()]));
    }
}
