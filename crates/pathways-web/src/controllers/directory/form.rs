//! The listing form: its fields from a stored listing or from what was typed, and the HSDS objects a valid form
//! becomes.

use askama::Template;
use pathways_domain::directory::listing::{ListingEdit, RawListing, SCHEDULE_ROWS};
use pathways_domain::locale::Locale;
use pathways_domain::text::FieldError;
use pathways_store::model::{DirLocation, DirOrganization, DirService};
use serde_json::{Value, json};

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

/// Parses the form against the shipped taxonomy; a listing without a time zone is in `default_tz`.
pub fn parse(raw: &RawListing, default_tz: chrono_tz::Tz) -> Result<ListingEdit, Vec<FieldError>> {
    let tax = taxonomy();
    ListingEdit::parse(
        raw,
        default_tz,
        |c| tax.term(c).is_some(),
        |a| a.split_once(':').is_some_and(|(v, c)| tax.attribute(v, c).is_some()),
    )
}

fn byday(d: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match d {
        Mon => "MO",
        Tue => "TU",
        Wed => "WE",
        Thu => "TH",
        Fri => "FR",
        Sat => "SA",
        Sun => "SU",
    }
}

/// The HSDS service object for a valid form, keeping whatever else the stored object had (fields this form
/// doesn't edit, meeting types, the Meeting Guide original).
pub fn service_doc(edit: &ListingEdit, previous: Option<&Value>) -> Value {
    let mut doc = previous.cloned().filter(Value::is_object).unwrap_or_else(|| json!({}));
    let online = edit.online_url.is_some();
    let attending = match (online, edit.postal_code.is_some() || edit.place.is_some()) {
        (true, true) => "hybrid",
        (true, false) => "online",
        _ => "in person",
    };
    let mut attributes: Vec<Value> = doc
        .get("attributes")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter(|x| text(x, "link_type") == "meeting_type").cloned().collect())
        .unwrap_or_default();
    let tax = taxonomy();
    for c in &edit.categories {
        let (name, description) = tax.term(c).map(|t| (t.en.clone(), t.description_en.clone())).unwrap_or_default();
        attributes.push(json!({"link_type": "category", "link_entity": "service", "value": c,
            "taxonomy_term": {"code": c, "name": name, "description": description, "taxonomy": tax.taxonomy.name}}));
    }
    for a in &edit.attributes {
        attributes.push(json!({"link_type": "attribute", "link_entity": "service", "value": a,
            "taxonomy_term": {"code": a, "name": a, "description": a, "taxonomy": tax.taxonomy.name}}));
    }
    let fields = [
        ("name", json!(edit.name)),
        ("status", json!("active")),
        ("description", json!(edit.description.clone().unwrap_or_default())),
        ("attributes", json!(attributes)),
        (
            "languages",
            json!(edit.languages.iter().map(|l| json!({"code": l, "name": language_name(l)})).collect::<Vec<_>>()),
        ),
        ("phones", json!(edit.phone.iter().map(|p| json!({"number": p, "type": "voice"})).collect::<Vec<_>>())),
        (
            "schedules",
            json!(
                edit.schedule
                    .iter()
                    .map(|s| json!({"freq": "WEEKLY", "wkst": "MO", "interval": 1, "byday": byday(s.day),
                    "opens_at": s.start.format("%H:%M").to_string(), "closes_at": s.end.format("%H:%M").to_string(),
                    "attending_type": attending}))
                    .collect::<Vec<_>>()
            ),
        ),
    ];
    if let Some(o) = doc.as_object_mut() {
        for (k, v) in fields {
            o.insert(k.to_owned(), v);
        }
        match edit.online_url.as_ref().or(edit.url.as_ref()) {
            Some(u) => {
                o.insert("url".into(), json!(u));
            }
            None => {
                o.remove("url");
            }
        }
    }
    doc
}

fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "es" => "Spanish",
        other => other,
    }
}

/// The HSDS location for a valid form, placed at its ZIP code's centre when no coordinates were given.
pub fn place(edit: &ListingEdit) -> Option<pathways_store::directory_edit::Place> {
    let (lat, lon, approximate) = match (edit.place, edit.postal_code.as_deref()) {
        (Some(p), _) => (p.lat(), p.lon(), false),
        (None, Some(zip)) => {
            let (lat, lon, _) = pathways_store::import::zip_centre(zip)?;
            (lat, lon, true)
        }
        (None, None) => return None,
    };
    let address = json!({
        "address_1": edit.address.clone().unwrap_or_default(),
        "city": edit.city.clone().unwrap_or_default(),
        "state_province": edit.state.clone().unwrap_or_default(),
        "postal_code": edit.postal_code.clone().unwrap_or_default(),
        "country": "US",
        "address_type": "physical",
    });
    Some(pathways_store::directory_edit::Place {
        name: Some(edit.name.clone()),
        latitude: lat,
        longitude: lon,
        approximate,
        postal_code: edit.postal_code.clone(),
        doc: json!({"location_type": "physical", "name": edit.name, "latitude": lat, "longitude": lon, "addresses": [address]}),
    })
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
