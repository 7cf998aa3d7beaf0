//! The group-or-event form the add and change pages share: read from the posted pairs (the days repeat their
//! name), filled from a stored gathering, and the page around it with every problem named beside its field.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Datelike as _;
use pathways_domain::community::{Audience, EventForm, Kind, Language, WEEKDAYS, weekday_code};
use pathways_domain::text::FieldError;
use pathways_store::community::Gathering;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::community::{audience_words, kind_words, language_words};
use crate::views::{Chrome, field_messages, render};

#[derive(Template)]
#[template(path = "community/form.html")]
struct FormPage {
    chrome: Chrome,
    heading: String,
    action: String,
    errors: Vec<(String, String)>,
    form: EventForm,
    /// (code, words, chosen)
    kinds: Vec<(String, String, bool)>,
    languages: Vec<(String, String, bool)>,
    audiences: Vec<(String, String, bool)>,
    repeats: Vec<(String, String, bool)>,
    days: Vec<(String, String, bool)>,
    editing: bool,
    cancelled: bool,
}

/// The posted form; `cancelled` from its checkbox.
pub fn from_pairs(pairs: &[(String, String)]) -> (EventForm, bool) {
    let mut f = EventForm::default();
    let mut cancelled = false;
    for (k, v) in pairs {
        match k.as_str() {
            "kind" => f.kind.clone_from(v),
            "title" => f.title.clone_from(v),
            "description" => f.description.clone_from(v),
            "starts_on" => f.starts_on.clone_from(v),
            "starts_at" => f.starts_at.clone_from(v),
            "duration_minutes" => f.duration_minutes.clone_from(v),
            "repeat" => f.repeat.clone_from(v),
            "days" => f.days.push(v.clone()),
            "until" => f.until.clone_from(v),
            "address" => f.place.clone_from(v),
            "online_url" => f.online_url.clone_from(v),
            "language" => f.language.clone_from(v),
            "audience" => f.audience.clone_from(v),
            "cancelled" => cancelled = v == "true",
            _ => {}
        }
    }
    (f, cancelled)
}

/// The form as a stored gathering fills it.
pub fn from_gathering(g: &Gathering) -> EventForm {
    let d = &g.details;
    let s = &d.schedule;
    EventForm {
        kind: d.kind.code().into(),
        title: d.title.clone(),
        description: d.description.clone().unwrap_or_default(),
        starts_on: s.starts.date().to_string(),
        starts_at: s.starts.format("%H:%M").to_string(),
        duration_minutes: s.duration_minutes.to_string(),
        repeat: s.repeat.code().into(),
        days: s.repeat.days_code().split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect(),
        until: s.until.map(|u| u.to_string()).unwrap_or_default(),
        place: d.place.clone().unwrap_or_default(),
        online_url: d.online_url.clone().unwrap_or_default(),
        language: d.language.code().into(),
        audience: d.audience.code().into(),
    }
}

/// An empty form: a weekly group from today, 90 minutes, in English, for everyone.
pub fn blank(today: chrono::NaiveDate) -> EventForm {
    EventForm {
        kind: "group".into(),
        starts_on: today.to_string(),
        duration_minutes: "90".into(),
        repeat: "weekly".into(),
        days: vec![weekday_code(today.weekday()).into()],
        language: "en".into(),
        audience: "everyone".into(),
        ..EventForm::default()
    }
}

/// The page: `id` of the gathering being changed (none: a new one).
pub fn page(
    state: &AppState,
    ctx: &Ctx,
    id: Option<String>,
    form: EventForm,
    cancelled: bool,
    errors: &[FieldError],
) -> WebResult<Response> {
    let t = ctx.t();
    let heading = match &id {
        Some(_) => t.arg("community-edit", "title", &form.title),
        None => t.get("community-add"),
    };
    let action = id.as_ref().map_or_else(|| "/community/events".to_owned(), |i| format!("/community/events/{i}"));
    let kinds = Kind::ALL.iter().map(|k| (k.code().to_owned(), kind_words(&t, *k), form.kind == k.code())).collect();
    let languages = Language::ALL
        .iter()
        .map(|l| (l.code().to_owned(), language_words(&t, *l), form.language == l.code()))
        .collect();
    let audiences = Audience::ALL
        .iter()
        .map(|a| (a.code().to_owned(), audience_words(&t, *a), form.audience == a.code()))
        .collect();
    let repeats = ["once", "weekly", "biweekly"]
        .into_iter()
        .map(|r| (r.to_owned(), t.get(&format!("community-repeat-{r}")), form.repeat == r))
        .collect();
    let days = WEEKDAYS
        .into_iter()
        .map(|d| {
            let code = weekday_code(d);
            (
                code.to_owned(),
                t.get(&format!("weekday-{}", d.num_days_from_sunday())),
                form.days.iter().any(|c| c == code),
            )
        })
        .collect();
    let html = render(&FormPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        action,
        errors: field_messages(&t, errors),
        form,
        kinds,
        languages,
        audiences,
        repeats,
        days,
        editing: id.is_some(),
        cancelled,
    })?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, html).into_response())
}
