//! `GET /persons/{id}/referrals?q=…`: the person's referrals with where each stands, and a search of the
//! directory's services to refer them to.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::PersonId;
use pathways_domain::audit::AuditAction;
use pathways_domain::text::FieldError;
use pathways_store::referrals;
use serde::Deserialize;
use uuid::Uuid;

use super::status_words;
use crate::access::{PersonTx, open_person, open_person_from_call};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::state::AppState;
use crate::views::{Chrome, field_messages, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    q: String,
}

pub struct Sent {
    pub id: String,
    pub to: String,
    pub status: String,
    pub when: String,
}

#[derive(Template)]
#[template(path = "referrals/person.html")]
pub struct PersonReferralsPage {
    pub chrome: Chrome,
    pub heading: String,
    pub base: String,
    /// Where to record a consent (staff who reach the record); an operator asks the person's coach instead.
    pub consent_link: Option<String>,
    pub sent: Vec<Sent>,
    pub q: String,
    /// (service id, service name)
    pub results: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
    /// The consent gate refused: show the shortcut to record a consent.
    pub blocked: bool,
}

/// Where the page is: the person, the base of its links (`/persons/{id}` or an access-line call's page), and the
/// call an operator refers from.
#[derive(Clone, Debug)]
pub struct Place {
    pub person: PersonId,
    pub base: String,
    pub via_call: Option<Uuid>,
}

/// A refused referral: the problems, and whether the consent gate refused it.
#[derive(Clone, Debug, Default)]
pub struct Refused {
    pub errors: Vec<FieldError>,
    pub blocked: bool,
}

pub async fn person_referrals(
    State(state): State<AppState>,
    s: Subject,
    Query(q): Query<SearchQuery>,
) -> WebResult<Html<String>> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let at = Place { person: s.person, base: s.base.clone(), via_call: None };
    render(&page(&state, &s.ctx, &s.caller, &at, &q.q, None, Refused::default()).await?)
}

/// `GET /access-line/calls/{id}/referrals`: an operator refers the person made from a call.
pub async fn call_referrals(
    State(state): State<AppState>,
    op: crate::extract::Operator,
    axum::extract::Path(call): axum::extract::Path<String>,
    Query(q): Query<SearchQuery>,
) -> WebResult<Html<String>> {
    let call: Uuid = call.parse().map_err(|_| WebError::NotFound)?;
    let person = pathways_store::access_calls::person_of_call(state.store.reader(), op.caller.org, call)
        .await?
        .ok_or(WebError::NotFound)?;
    let at = Place { person, base: format!("/access-line/calls/{call}"), via_call: Some(call) };
    render(&page(&state, &op.ctx, &op.caller, &at, &q.q, None, Refused::default()).await?)
}

pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    at: &Place,
    q: &str,
    chosen: Option<Uuid>,
    refused: Refused,
) -> WebResult<PersonReferralsPage> {
    let PersonTx { tx, record, .. } = match at.via_call {
        None => open_person(state, ctx, caller, at.person, AuditAction::ReferralRead).await?,
        Some(call) => open_person_from_call(state, ctx, caller, call, at.person, AuditAction::ReferralRead).await?,
    };
    let Refused { errors, blocked } = refused;
    let sent = referrals::for_person(&tx, caller.org, at.person).await?;
    let mut results = referrals::search_services(&tx, q, 20).await?;
    if let Some(id) = chosen
        && let Some((svc, _)) = referrals::service_target(&tx, id).await?
    {
        results.retain(|r| r.id != svc.id);
        results.insert(0, svc);
    }
    tx.commit().await?;
    let t = ctx.t();
    let heading = t.arg("referral-title-person", "name", &record.preferred_name);
    Ok(PersonReferralsPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        base: at.base.clone(),
        consent_link: at.via_call.is_none().then(|| format!("{}/consents#new-consent", at.base)),
        sent: sent
            .into_iter()
            .map(|r| Sent {
                id: r.id.to_string(),
                to: format!("{} ({})", r.service_name, r.to_name),
                status: status_words(&t, &r.status),
                when: r.created_at.format("%Y-%m-%d").to_string(),
            })
            .collect(),
        q: q.to_owned(),
        results: results.into_iter().map(|r| (r.id.to_string(), r.name)).collect(),
        errors: field_messages(&t, &errors),
        blocked,
    })
}
