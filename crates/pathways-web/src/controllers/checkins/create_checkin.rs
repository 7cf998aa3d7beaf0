//! `POST /me/checkins`: saves a check-in. "Not safe right now" answers with crisis help on the very next page
//! (not after a redirect), and the coach gets an urgent item.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::checkin::{Checkin, RawCheckin};
use serde::Deserialize;

use super::new_checkin::CheckinForm;
use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, field_error_key, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CheckinFormData {
    mood: String,
    craving: String,
    used: String,
    use_note: String,
    meetings: String,
    supports: String,
    safe: String,
}

#[derive(Template)]
#[template(path = "checkins/crisis.html")]
struct CrisisPage {
    chrome: Chrome,
    base: String,
}

fn yes_no(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

pub async fn create_checkin(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<CheckinFormData>,
) -> WebResult<Response> {
    let raw = RawCheckin {
        mood: f.mood.trim().parse().ok(),
        craving: f.craving.trim().parse().ok(),
        used_since_last: yes_no(&f.used),
        use_note: f.use_note.clone(),
        meetings_attended: if f.meetings.trim().is_empty() {
            Some(0)
        } else {
            f.meetings.trim().parse().ok().or(Some(-1))
        },
        supports: f.supports.clone(),
        safe: yes_no(&f.safe),
    };
    let t = s.ctx.t();
    let checkin = match Checkin::parse(&raw) {
        Ok(c) => c,
        Err(errors) => {
            let mut page = CheckinForm::new(t, Chrome::new(&s.ctx, &state, t.get("checkin-title")), &s.base);
            page.errors = errors
                .iter()
                .map(|e| {
                    (
                        e.field.to_owned(),
                        format!(
                            "{}: {}",
                            t.get(&format!("checkin-{}", e.field.replace('_', "-"))),
                            t.get(&field_error_key(e.code))
                        ),
                    )
                })
                .collect();
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    services::checkins::record(&state, &s.ctx, &s.caller, s.person, &checkin).await?;
    if checkin.is_urgent() {
        let page = CrisisPage { chrome: Chrome::new(&s.ctx, &state, t.get("crisis-title")), base: s.base };
        return Ok(render(&page)?.into_response());
    }
    Ok(crate::flash::redirect(&state, &s.base, crate::key!("flash-checkin")))
}
