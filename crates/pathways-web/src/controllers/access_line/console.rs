//! `GET /access-line`: the new-call form, follow-ups due and recent calls. `POST /access-line/calls`: record a
//! call and go to it.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use pathways_domain::access_line::call::{Call, CallerType, RawCall};
use pathways_domain::access_line::triage::{Substance, suggest};
use pathways_store::access_calls::{console_lists, create_call as store_create_call};
use pathways_store::model::AccessCall;

use super::local_time;
use crate::error::{WebError, WebResult};
use crate::extract::Operator;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::Chrome;

pub struct CallRow {
    pub id: String,
    pub time: String,
    pub who: String,
    pub level: String,
}

#[derive(Template)]
#[template(path = "access_line/console.html")]
struct ConsolePage {
    chrome: Chrome,
    /// (code, label, chosen).
    caller_types: Vec<(&'static str, String, bool)>,
    substances: Vec<(&'static str, String, bool)>,
    /// What was typed, kept when the form comes back with errors.
    form: RawCall,
    /// (field label, message).
    errors: Vec<(String, String)>,
    due: Vec<CallRow>,
    recent: Vec<CallRow>,
}

fn row(t: &crate::i18n::Tr, c: &AccessCall, tz: chrono_tz::Tz) -> CallRow {
    let who = c.first_name.clone().unwrap_or_else(|| t.get("line-anonymous-caller"));
    let kind = t.get(&format!("line-caller-{}", c.caller_type));
    CallRow {
        id: c.id.to_string(),
        time: local_time(c.created_at, tz),
        who: format!("{who} · {kind}"),
        level: c.chosen_level.clone().unwrap_or_default(),
    }
}

/// The console, with the form as typed and its errors (empty for a new call).
async fn console(state: &AppState, op: &Operator, form: RawCall, errors: Vec<(String, String)>) -> WebResult<String> {
    let t = op.ctx.t();
    let now = pathways_store::now();
    let tx = state.store.begin().await?;
    let (recent, due) = console_lists(&tx, &op.ctx.actor(), op.caller.org, now).await?;
    tx.commit().await?;
    let chosen_type = if form.caller_type.is_empty() { "person" } else { form.caller_type.as_str() };
    let page = ConsolePage {
        chrome: Chrome::new(&op.ctx, state, t.get("line-title")),
        caller_types: CallerType::ALL
            .iter()
            .map(|c| (c.as_str(), t.get(&format!("line-caller-{}", c.as_str())), c.as_str() == chosen_type))
            .collect(),
        substances: Substance::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    t.get(&format!("line-substance-{}", s.as_str())),
                    form.substances.iter().any(|x| x == s.as_str()),
                )
            })
            .collect(),
        form,
        errors,
        due: due.iter().map(|c| row(&t, c, state.config.deployment.time_zone)).collect(),
        recent: recent.iter().map(|c| row(&t, c, state.config.deployment.time_zone)).collect(),
    };
    page.render().map_err(WebError::internal)
}

pub async fn show_console(State(state): State<AppState>, op: Operator) -> WebResult<Html<String>> {
    Ok(Html(console(&state, &op, RawCall::default(), Vec::new()).await?))
}

/// The form's pairs as a call (checkbox groups repeat their name).
fn raw_call(pairs: &[(String, String)]) -> RawCall {
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    RawCall {
        caller_type: get("caller_type"),
        first_name: get("first_name"),
        callback: get("callback"),
        anonymous: get("anonymous"),
        place: get("place"),
        substances: pairs.iter().filter(|(n, _)| n == "substances").map(|(_, v)| v.clone()).collect(),
        hours_since_last_use: get("hours_since_last_use"),
        withdrawal_signs: get("withdrawal_signs"),
        hallucinations_or_confusion: get("hallucinations_or_confusion"),
        history_of_withdrawal_seizures: get("history_of_withdrawal_seizures"),
        emergency_sign: get("emergency_sign"),
        safety_concern: get("safety_concern"),
        danger_now: get("danger_now"),
        unstably_housed: get("unstably_housed"),
        recent_return_to_use: get("recent_return_to_use"),
    }
}

pub async fn create_call(
    State(state): State<AppState>,
    op: Operator,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let raw = raw_call(&pairs);
    let call = match Call::parse(&raw) {
        Ok(call) => call,
        Err(fields) => {
            // The form comes back with what was typed and each problem named: nothing typed is lost.
            let t = op.ctx.t();
            let errors = fields
                .iter()
                .map(|f| {
                    (t.get(&crate::views::field_label_key(f.field)), t.get(&crate::views::field_error_key(f.code)))
                })
                .collect();
            let html = console(&state, &op, raw, errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response());
        }
    };
    let place =
        call.place.as_deref().and_then(|p| crate::places::resolve(p, &state.config.deployment.state)).map(|p| p.point);
    let suggestion = suggest(&call.answers);
    let tx = state.store.begin().await?;
    let id = store_create_call(&tx, &op.ctx.actor(), op.caller.org, &call, place, &suggestion, pathways_store::now())
        .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/access-line/calls/{id}")).into_response())
}
