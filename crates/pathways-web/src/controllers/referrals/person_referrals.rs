//! `GET /persons/{id}/referrals?q=…`: the person's referrals with where each stands, and a search of the
//! directory's services to refer them to.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::audit::AuditAction;
use pathways_domain::text::FieldError;
use pathways_store::referrals;
use serde::Deserialize;
use uuid::Uuid;

use super::status_words;
use crate::access::{PersonTx, open_person};
use crate::ctx::Subject;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use crate::views::{Chrome, field_error_key, field_label_key, render};

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
    pub sent: Vec<Sent>,
    pub q: String,
    /// (service id, service name)
    pub results: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
    /// The consent gate refused: show the shortcut to record a consent.
    pub blocked: bool,
}

pub async fn person_referrals(
    State(state): State<AppState>,
    s: Subject,
    Query(q): Query<SearchQuery>,
) -> WebResult<Html<String>> {
    render(&page(&state, &s, &q.q, None, Vec::new(), false).await?)
}

pub async fn page(
    state: &AppState,
    s: &Subject,
    q: &str,
    chosen: Option<Uuid>,
    errors: Vec<FieldError>,
    blocked: bool,
) -> WebResult<PersonReferralsPage> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let PersonTx { tx, record, .. } =
        open_person(state, &s.ctx, &s.caller, s.person, AuditAction::ReferralRead).await?;
    let sent = referrals::for_person(&tx, s.caller.org, s.person).await?;
    let mut results = referrals::search_services(&tx, q, 20).await?;
    if let Some(id) = chosen
        && let Some((svc, _)) = referrals::service_target(&tx, id).await?
    {
        results.retain(|r| r.id != svc.id);
        results.insert(0, svc);
    }
    tx.commit().await?;
    let t = s.ctx.t();
    let heading = t.arg("referral-title-person", "name", &record.preferred_name);
    Ok(PersonReferralsPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        base: s.base.clone(),
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
        errors: errors
            .iter()
            .map(|e| {
                let label = t.get(&field_label_key(e.field));
                (e.field.to_owned(), format!("{label}: {}", t.get(&field_error_key(e.code))))
            })
            .collect(),
        blocked,
    })
}
