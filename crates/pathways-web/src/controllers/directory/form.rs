//! The listing form: its fields from a stored listing or from what was typed, and the page around it. What a
//! valid form becomes is `crate::services::directory`.

use askama::Template;
use pathways_domain::directory::listing::{RawListing, SCHEDULE_ROWS};
use pathways_domain::locale::Locale;
use pathways_domain::text::FieldError;
use pathways_store::model::{DirLocation, DirOrganization, DirService};
use serde_json::Value;

use crate::finder::taxonomy;
use crate::i18n::Tr;
use crate::views::{Chrome, field_error_key, field_label_key};

#[derive(Template)]
#[template(path = "directory/form.html")]
pub struct ListingFormPage {
    pub chrome: Chrome,
    pub heading: String,
    pub action: String,
    pub cancel_href: String,
    pub notice: String,
    pub errors: Vec<(String, String)>,
    pub form: RawListing,
    pub categories: Vec<(String, String, bool)>,
    pub attributes: Vec<(String, String, bool)>,
    pub languages: Vec<(&'static str, String, bool)>,
    pub days: Vec<(String, String)>,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().trim().to_owned()
}

/// Reads the posted pairs (checkbox groups repeat their name).
pub fn raw_from_pairs(pairs: &[(String, String)]) -> RawListing {
    let mut r = RawListing::default();
    let mut rows = vec![(String::new(), String::new(), String::new()); SCHEDULE_ROWS];
    for (k, v) in pairs {
        match k.as_str() {
            "name" => r.name.clone_from(v),
            "organization" => r.organization.clone_from(v),
            "description" => r.description.clone_from(v),
            "categories" => r.categories.push(v.clone()),
            "attributes" => r.attributes.push(v.clone()),
            "languages" => r.languages.push(v.clone()),
            "phone" => r.phone.clone_from(v),
            "url" => r.url.clone_from(v),
            "online_url" => r.online_url.clone_from(v),
            "address" => r.address.clone_from(v),
            "city" => r.city.clone_from(v),
            "state" => r.state.clone_from(v),
            "postal_code" => r.postal_code.clone_from(v),
            "latitude" => r.latitude.clone_from(v),
            "longitude" => r.longitude.clone_from(v),
            "time_zone" => r.time_zone.clone_from(v),
            other => {
                for (i, row) in rows.iter_mut().enumerate() {
                    if other == format!("day_{i}") {
                        row.0.clone_from(v);
                    } else if other == format!("start_{i}") {
                        row.1.clone_from(v);
                    } else if other == format!("end_{i}") {
                        row.2.clone_from(v);
                    }
                }
            }
        }
    }
    r.schedule = rows;
    r
}

/// The form as a stored listing fills it.
pub fn raw_from_listing(s: &DirService, org: Option<&DirOrganization>, place: Option<&DirLocation>) -> RawListing {
    let doc = &s.doc;
    let mut r = RawListing {
        name: s.name.clone(),
        organization: org.map(|o| o.name.clone()).unwrap_or_default(),
        description: text(doc, "description"),
        url: text(doc, "url"),
        time_zone: s.time_zone.clone().unwrap_or_default(),
        ..RawListing::default()
    };
    for a in doc.get("attributes").and_then(Value::as_array).into_iter().flatten() {
        let code =
            a.get("taxonomy_term").map(|t| text(t, "code")).filter(|c| !c.is_empty()).unwrap_or(text(a, "value"));
        match text(a, "link_type").as_str() {
            "category" => r.categories.push(code),
            "meeting_type" => {}
            _ if code.contains(':') => r.attributes.push(code),
            _ => {}
        }
    }
    r.languages = doc
        .get("languages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|l| text(l, "code"))
        .filter(|c| !c.is_empty())
        .collect();
    r.phone = doc
        .get("phones")
        .and_then(Value::as_array)
        .and_then(|p| p.first())
        .map(|p| text(p, "number"))
        .unwrap_or_default();
    // Only the wall-clock days and times are shown, which the zone the slots are tagged with does not change.
    let mut rows: Vec<(String, String, String)> = crate::finder::slots(doc, chrono_tz::UTC)
        .iter()
        .map(|s| {
            (
                s.day.num_days_from_sunday().to_string(),
                s.start.format("%H:%M").to_string(),
                s.end.format("%H:%M").to_string(),
            )
        })
        .collect();
    rows.resize(SCHEDULE_ROWS.max(rows.len()), (String::new(), String::new(), String::new()));
    r.schedule = rows;
    if let Some(l) = place {
        let a =
            l.doc.get("addresses").and_then(Value::as_array).and_then(|a| a.first()).cloned().unwrap_or(Value::Null);
        r.address = text(&a, "address_1");
        r.city = text(&a, "city");
        r.state = text(&a, "state_province");
        r.postal_code = l.postal_code.clone().unwrap_or_else(|| text(&a, "postal_code"));
        if !l.approximate {
            r.latitude = l.latitude.map(|v| v.to_string()).unwrap_or_default();
            r.longitude = l.longitude.map(|v| v.to_string()).unwrap_or_default();
        }
    } else if doc.get("schedules").and_then(Value::as_array).is_some_and(|s| !s.is_empty()) {
        r.online_url = text(doc, "url");
    }
    r
}

/// The page around a form.
#[expect(clippy::too_many_arguments, reason = "one page's parts")]
pub fn page(
    chrome: Chrome,
    t: Tr,
    locale: Locale,
    heading: String,
    action: String,
    cancel_href: String,
    notice: String,
    form: RawListing,
    errors: &[FieldError],
) -> ListingFormPage {
    let tax = taxonomy();
    let categories = tax
        .terms
        .iter()
        .map(|c| {
            let name = if c.parent.is_some() { format!("— {}", c.name(locale)) } else { c.name(locale).to_owned() };
            (c.code.clone(), name, form.categories.contains(&c.code))
        })
        .collect();
    let attributes = tax
        .attributes
        .iter()
        .flat_map(|(vocabulary, values)| {
            values.iter().map(move |v| {
                let code = format!("{vocabulary}:{}", v.code);
                (code, v.name(locale).to_owned())
            })
        })
        .map(|(code, name)| {
            let on = form.attributes.contains(&code);
            (code, name, on)
        })
        .collect();
    let languages = vec![
        ("en", t.get("language-en"), form.languages.iter().any(|l| l == "en")),
        ("es", t.get("language-es"), form.languages.iter().any(|l| l == "es")),
    ];
    ListingFormPage {
        chrome,
        heading,
        action,
        cancel_href,
        notice,
        errors: errors
            .iter()
            .map(|e| {
                (
                    e.field.to_owned(),
                    format!("{}: {}", t.get(&field_label_key(e.field)), t.get(&field_error_key(e.code))),
                )
            })
            .collect(),
        form,
        categories,
        attributes,
        languages,
        days: (0..7).map(|d| (d.to_string(), t.get(&format!("weekday-{d}")))).collect(),
    }
}
