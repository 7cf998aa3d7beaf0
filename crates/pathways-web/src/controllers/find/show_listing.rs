//! `GET /find/{id}`: one listing with everything a person needs to go: schedule in local time, address with a
//! plain link to open it in a maps app, phone, online link, languages, costs.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use chrono_tz::Tz;
use pathways_domain::ids::ServiceId;
use serde_json::Value;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::InPath;
use crate::finder::{meeting_types, slots, taxonomy};
use crate::state::AppState;
use crate::views::find::tel;
use crate::views::{Chrome, render};

pub struct PlaceView {
    pub name: String,
    pub address: String,
    pub maps_href: String,
    pub approximate: bool,
    pub notes: String,
}

#[derive(Template)]
#[template(path = "find/listing.html")]
struct ListingPage {
    chrome: Chrome,
    id: String,
    name: String,
    organization: String,
    description: String,
    status_note: String,
    categories: Vec<String>,
    types: Vec<String>,
    languages: Vec<String>,
    schedule: Vec<String>,
    time_zone: String,
    places: Vec<PlaceView>,
    phones: Vec<(String, String)>,
    url: String,
    last_verified: String,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().trim().to_owned()
}

pub async fn show_listing(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(id): InPath<ServiceId>,
) -> WebResult<Html<String>> {
    let (service, org, locations) =
        pathways_store::directory::service(state.store.reader(), id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let t = ctx.t();
    let locale = ctx.locale;
    let doc = &service.doc;
    let tz: Tz = service.time_zone.as_deref().and_then(|z| z.parse().ok()).unwrap_or(state.config.deployment.time_zone);
    let tax = taxonomy();
    let types = meeting_types();
    let mut categories = Vec::new();
    let mut type_names = Vec::new();
    for a in doc.get("attributes").and_then(Value::as_array).into_iter().flatten() {
        let code = a.get("taxonomy_term").map(|t| text(t, "code")).unwrap_or_default();
        match text(a, "link_type").as_str() {
            "category" => categories.extend(tax.term(&code).map(|t| t.name(locale).to_owned())),
            "meeting_type" => type_names.push(
                types.get(&code).and_then(|n| n.get(locale.as_str()).or_else(|| n.get("en"))).cloned().unwrap_or(code),
            ),
            _ => {
                if let Some((vocabulary, value)) = code.split_once(':')
                    && let Some(v) = tax.attribute(vocabulary, value)
                {
                    categories.push(v.name(locale).to_owned());
                }
            }
        }
    }
    let mut schedule: Vec<(u32, String)> = slots(doc, tz)
        .iter()
        .map(|s| {
            let d = s.day.num_days_from_sunday();
            (d, format!("{} {}–{}", t.get(&format!("weekday-{d}")), s.start.format("%H:%M"), s.end.format("%H:%M")))
        })
        .collect();
    schedule.sort();
    let places = locations
        .iter()
        .map(|l| {
            let a = l.doc.get("addresses").and_then(Value::as_array).and_then(|a| a.first());
            let line = a
                .map(|a| {
                    [text(a, "address_1"), text(a, "city"), text(a, "state_province"), text(a, "postal_code")]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            let query = if line.is_empty() {
                format!("{},{}", l.latitude.unwrap_or_default(), l.longitude.unwrap_or_default())
            } else {
                line.clone()
            };
            PlaceView {
                name: l.name.clone().unwrap_or_default(),
                maps_href: format!("geo:0,0?q={}", crate::ctx::url_encode(&query)),
                address: line,
                approximate: l.approximate,
                notes: text(&l.doc, "description"),
            }
        })
        .collect();
    let phones = doc
        .get("phones")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|p| (text(p, "number"), tel(&text(p, "number"))))
        .filter(|(n, _)| !n.is_empty())
        .collect();
    let status = text(doc, "status");
    let page = ListingPage {
        chrome: Chrome::new(&ctx, &state, service.name.clone()),
        id: service.id.to_string(),
        name: service.name.clone(),
        organization: org.map(|o| o.name).unwrap_or_default(),
        description: text(doc, "description"),
        status_note: if status == "active" || status.is_empty() { String::new() } else { t.get("find-not-active") },
        categories,
        types: type_names,
        languages: doc
            .get("languages")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|l| match text(l, "code").as_str() {
                "en" => t.get("language-en"),
                "es" => t.get("language-es"),
                _ => text(l, "name"),
            })
            .collect(),
        schedule: schedule.into_iter().map(|(_, s)| s).collect(),
        time_zone: tz.name().to_owned(),
        places,
        phones,
        // Checked again as it is rendered (issue 23): only an http(s) address becomes a link.
        url: pathways_domain::directory::web_address(&text(doc, "url")).unwrap_or_default().to_owned(),
        last_verified: service.last_verified_on.map(|d| d.to_string()).unwrap_or_default(),
    };
    render(&page)
}
