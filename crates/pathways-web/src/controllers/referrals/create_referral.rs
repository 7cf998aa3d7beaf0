//! `POST /persons/{id}/referrals`: refer the person to a directory service. The consent gate runs before any
//! personal data is put in a packet; the referral, its disclosure in the accounting and the audit event are one
//! transaction.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::consent::{Category, Receiver};
use pathways_domain::text::{FieldError, required_text};
use pathways_domain::{OrgId, PersonId};
use pathways_store::audit::AuditEntry;
use pathways_store::consents::{self, NewDisclosure};
use pathways_store::model::Referral;
use pathways_store::referrals::{self, NewReferral};
use pathways_store::{accounts, orgs};
use serde::Deserialize;
use uuid::Uuid;

use super::person_referrals::{Place, Refused};
use crate::access::{PersonTx, audit_alone, open_person, open_person_from_call};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::render;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReferForm {
    service: String,
    reason: String,
}

/// What to refer: the person, the directory service, why — and, for an access-line operator, the call the
/// person's record was made from.
#[derive(Clone, Copy, Debug)]
pub struct ReferralAsk<'a> {
    pub person: PersonId,
    pub service: Uuid,
    pub reason: &'a str,
    pub via_call: Option<Uuid>,
}

pub async fn create_referral(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<ReferForm>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let at = Place { person: s.person, base: s.base.clone(), via_call: None };
    submit(&state, &s.ctx, &s.caller, &at, f).await
}

/// `POST /access-line/calls/{id}/referrals`: an operator refers the person made from a call.
pub async fn create_call_referral(
    State(state): State<AppState>,
    op: crate::extract::Operator,
    axum::extract::Path(call): axum::extract::Path<String>,
    VerifiedForm(f): VerifiedForm<ReferForm>,
) -> WebResult<Response> {
    let call: Uuid = call.parse().map_err(|_| WebError::NotFound)?;
    let person = pathways_store::access_calls::person_of_call(state.store.reader(), op.caller.org, call)
        .await?
        .ok_or(WebError::NotFound)?;
    let at = Place { person, base: format!("/access-line/calls/{call}"), via_call: Some(call) };
    submit(&state, &op.ctx, &op.caller, &at, f).await
}

async fn submit(state: &AppState, ctx: &Ctx, caller: &Caller, at: &Place, f: ReferForm) -> WebResult<Response> {
    let service: Uuid = f.service.parse().map_err(|_| WebError::NotFound)?;
    let ask = ReferralAsk { person: at.person, service, reason: &f.reason, via_call: at.via_call };
    match send(state, ctx, caller, &ask, None).await {
        Ok(r) => Ok(crate::flash::redirect(state, &format!("/referrals/{}", r.id), crate::key!("flash-referral-sent"))),
        Err(WebError::Invalid(errors)) => {
            let blocked = errors.iter().any(|e| e.field == "consent");
            let refused = Refused { errors, blocked };
            let page = super::person_referrals::page(state, ctx, caller, at, "", Some(service), refused).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}

/// Sends a referral of a person the caller may reach to a directory service, when a consent in force lets
/// referral information go to the service's organization for treatment. Without one: nothing is written but the
/// refusal's audit event, and the answer names `consent` (422). Serves the page and the API. `cached` hands the
/// gate its answer instead of asking the database — only the benchmark's baseline does that.
pub async fn send(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    ask: &ReferralAsk<'_>,
    cached: Option<pathways_store::model::Consent>,
) -> WebResult<Referral> {
    let (person, service) = (ask.person, ask.service);
    let reason = required_text("reason", ask.reason, 1000).map_err(|e| WebError::Invalid(vec![e]))?;
    let PersonTx { tx, record, .. } = match ask.via_call {
        None => open_person(state, ctx, caller, person, AuditAction::ReferralCreate).await?,
        Some(call) => open_person_from_call(state, ctx, caller, call, person, AuditAction::ReferralCreate).await?,
    };
    let Some((svc, dir_org)) = referrals::service_target(&tx, service).await? else {
        return Err(WebError::NotFound);
    };
    let to_org = dir_org.pathways_org_id.map(OrgId::from_uuid);
    if to_org == Some(caller.org) {
        return Err(WebError::Invalid(vec![FieldError::new("service", "own-organization")]));
    }
    let receiver = Receiver::Organization { org: to_org, name: &dir_org.name, treatment: true };
    let today = crate::clock::today();
    let asked = match cached {
        Some(c) => Some(c),
        None => consents::gate(&tx, person, receiver, Category::ReferralInformation, today).await?,
    };
    let Some(consent) = asked else {
        drop(tx);
        let entry =
            AuditEntry { outcome: AuditOutcome::Denied, ..AuditEntry::person(AuditAction::ReferralCreate, person) }
                .detail("no consent in force for referral information to this organization");
        audit_alone(state, ctx, entry).await?;
        return Err(WebError::Invalid(vec![FieldError::new("consent", "consent-required")]));
    };
    let from = orgs::find(&tx, caller.org).await?.map(|o| o.name).unwrap_or_default();
    let by = accounts::find(&tx, caller.account).await?.map(|a| a.display_name).unwrap_or_default();
    let doc = consents::document(&consent)?;
    // The packet: what the receiving organization sees, and nothing else of the record.
    let packet = serde_json::json!({
        "person": {
            "name": record.preferred_name,
            "legal_name": record.legal_name,
            "pronouns": record.pronouns,
            "date_of_birth": record.date_of_birth,
            "phone": record.phone,
            "email": record.email,
            "preferred_language": record.preferred_language,
        },
        "service": {"id": svc.id, "name": svc.name, "organization": dir_org.name},
        "reason": reason,
        "from": {"organization": from, "referred_by": by},
        "consent": {"id": consent.id, "purpose": doc.purpose, "signed_on": consent.signed_on, "expiry": doc.expiry},
    });
    let now = pathways_store::now();
    let saved = referrals::create(
        &tx,
        NewReferral {
            person,
            from_org: caller.org,
            to_org,
            service,
            service_name: svc.name.clone(),
            to_name: dir_org.name.clone(),
            reason,
            consent: consent.id,
            packet,
            by: caller.account,
        },
        now,
    )
    .await?;
    let summary = format!("referral to {} ({})", svc.name, dir_org.name);
    let d = NewDisclosure {
        consent: &consent,
        channel: "referral",
        categories: &[Category::ReferralInformation],
        by: Some(caller.account),
        summary,
        to: Some((dir_org.name.clone(), to_org)),
    };
    consents::record_disclosure(&tx, d, now).await?;
    tx.commit().await?;
    Ok(saved)
}
