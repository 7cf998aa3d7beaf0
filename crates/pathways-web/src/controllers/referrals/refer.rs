//! The person's referrals page, shared by its doors (staff at `/persons/{id}/referrals`, an operator through a
//! call) and shown again, with the problems, when a referral is refused.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::PersonId;
use pathways_domain::ids::{CallId, ServiceId};
use pathways_domain::text::FieldError;
use serde::Deserialize;

use super::status_words;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::services;
use crate::services::referrals::{ForPerson, ReferralAsk};
use crate::state::AppState;
use crate::views::{Chrome, field_messages, render};

/// The referral form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReferForm {
    service: String,
    reason: String,
    /// `true`: ask the recovery residence to hold a bed for 24 hours.
    hold_bed: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    pub q: String,
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
    pub via_call: Option<CallId>,
}

/// A refused referral: the problems, and whether the consent gate refused it.
#[derive(Clone, Debug, Default)]
pub struct Refused {
    pub errors: Vec<FieldError>,
    pub blocked: bool,
}

pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    at: &Place,
    q: &str,
    chosen: Option<ServiceId>,
    refused: Refused,
) -> WebResult<PersonReferralsPage> {
    let ForPerson { person: record, sent, services: results } =
        services::referrals::for_person(state, ctx, caller, at.person, at.via_call, q, chosen).await?;
    let Refused { errors, blocked } = refused;
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

/// Sends the referral the form asks for; a refusal (the consent gate, a missing reason) brings the page back, 422,
/// with the shortcut to record a consent when the gate refused.
pub async fn submit(state: &AppState, ctx: &Ctx, caller: &Caller, at: &Place, f: ReferForm) -> WebResult<Response> {
    let service: ServiceId = f.service.parse().map_err(|_| WebError::NotFound)?;
    let hold_bed = f.hold_bed == "true";
    let ask = ReferralAsk { person: at.person, service, reason: &f.reason, via_call: at.via_call, hold_bed };
    match services::referrals::send(state, ctx, caller, &ask, None).await {
        Ok(r) => Ok(crate::flash::redirect(state, &format!("/referrals/{}", r.id), crate::key!("flash-referral-sent"))),
        Err(WebError::Invalid(errors)) => {
            let blocked = errors.iter().any(|e| e.field == "consent");
            let refused = Refused { errors, blocked };
            let page = page(state, ctx, caller, at, "", Some(service), refused).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}
