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
use pathways_store::entities::referral;
use pathways_store::referrals::{self, NewReferral};
use pathways_store::{accounts, orgs};
use serde::Deserialize;
use uuid::Uuid;

use crate::access::{PersonTx, audit_alone, open_person};
use crate::auth::VerifiedForm;
use crate::ctx::{Caller, Ctx, Subject};
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use crate::views::render;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReferForm {
    service: String,
    reason: String,
}

pub async fn create_referral(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(f): VerifiedForm<ReferForm>,
) -> WebResult<Response> {
    if s.is_self {
        return Err(WebError::NotFound);
    }
    let service: Uuid = f.service.parse().map_err(|_| WebError::NotFound)?;
    match send(&state, &s.ctx, &s.caller, s.person, service, &f.reason, None).await {
        Ok(r) => {
            Ok(crate::flash::redirect(&state, &format!("/referrals/{}", r.id), crate::key!("flash-referral-sent")))
        }
        Err(WebError::Invalid(errors)) => {
            let blocked = errors.iter().any(|e| e.field == "consent");
            let page = super::person_referrals::page(&state, &s, "", Some(service), errors, blocked).await?;
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
    person: PersonId,
    service: Uuid,
    reason: &str,
    cached: Option<pathways_store::entities::consent::Model>,
) -> WebResult<referral::Model> {
    let reason = required_text("reason", reason, 1000).map_err(|e| WebError::Invalid(vec![e]))?;
    let PersonTx { tx, record, .. } = open_person(state, ctx, caller, person, AuditAction::ReferralCreate).await?;
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
