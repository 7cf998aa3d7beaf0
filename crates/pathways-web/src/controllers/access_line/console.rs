//! `GET /access-line`: the new-call form, follow-ups due and recent calls. `POST /access-line/calls`: record a
//! call and go to it.

use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use pathways_domain::access_line::call::{Call, CallerType, RawCall};
use pathways_domain::access_line::triage::{Substance, suggest};
use pathways_store::access_calls::{console_lists, create_call as store_create_call};
use pathways_store::entities::access_call;

use super::{Operator, local_time};
use crate::auth::VerifiedForm;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use crate::views::{Chrome, render};

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
    caller_types: Vec<(&'static str, String)>,
    substances: Vec<(&'static str, String)>,
    due: Vec<CallRow>,
    recent: Vec<CallRow>,
}

fn row(t: &crate::i18n::Tr, c: &access_call::Model) -> CallRow {
    let who = c.first_name.clone().unwrap_or_else(|| t.get("line-anonymous-caller"));
    let kind = t.get(&format!("line-caller-{}", c.caller_type));
    CallRow {
        id: c.id.to_string(),
        time: local_time(c.created_at),
        who: format!("{who} · {kind}"),
        level: c.chosen_level.clone().unwrap_or_default(),
    }
}

pub async fn show_console(State(state): State<AppState>, op: Operator) -> WebResult<Html<String>> {
    let t = op.ctx.t();
    let now = pathways_store::now();
    let tx = state.store.begin().await?;
    let (recent, due) = console_lists(&tx, &op.ctx.actor(), op.caller.org, now).await?;
    tx.commit().await?;
    let page = ConsolePage {
        chrome: Chrome::new(&op.ctx, &state, t.get("line-title")),
        caller_types: CallerType::ALL
            .iter()
            .map(|c| (c.as_str(), t.get(&format!("line-caller-{}", c.as_str()))))
            .collect(),
        substances: Substance::ALL
            .iter()
            .map(|s| (s.as_str(), t.get(&format!("line-substance-{}", s.as_str()))))
            .collect(),
        due: due.iter().map(|c| row(&t, c)).collect(),
        recent: recent.iter().map(|c| row(&t, c)).collect(),
    };
    render(&page)
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
    let call = Call::parse(&raw_call(&pairs)).map_err(WebError::Invalid)?;
    let place = call.place.as_deref().and_then(|p| crate::places::resolve(p, "CT")).map(|p| p.point);
    let suggestion = suggest(&call.answers);
    let tx = state.store.begin().await?;
    let id = store_create_call(&tx, &op.ctx.actor(), op.caller.org, &call, place, &suggestion, pathways_store::now())
        .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/access-line/calls/{id}")).into_response())
}
