//! Closed-loop referrals (issue 7): the use cases the referral pages (`/persons/{id}/referrals`, an access-line
//! call's referrals, `/referrals`) and the API (`/api/v1/referrals`) share. The consent gate runs before any
//! personal data is put in a packet; the referral, its disclosure in the accounting and the audit event are one
//! transaction. The receiving organization sees the packet only.

use pathways_domain::access::may_handle_referrals;
use pathways_domain::access_line::HoldState;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::consent::{Category, Receiver};
use pathways_domain::ids::{CallId, ReferralId, ServiceId};
use pathways_domain::referral::{MoveError, Side, Status, transition};
use pathways_domain::text::{FieldError, optional_text, required_text};
use pathways_domain::{OrgId, PersonId};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::consents::{self, NewDisclosure};
use pathways_store::housing;
use pathways_store::model::{Consent, DirService, Person, Referral, ReferralEvent};
use pathways_store::referrals::{self, Box, Figures, NewReferral};
use pathways_store::{accounts, orgs};

use crate::access::{PersonTx, audit_alone, audit_read, open_person, open_person_from_call};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// What to refer: the person, the directory service, why — and, for an access-line operator, the call the
/// person's record was made from.
#[derive(Clone, Copy, Debug)]
pub struct ReferralAsk<'a> {
    pub person: PersonId,
    pub service: ServiceId,
    pub reason: &'a str,
    pub via_call: Option<CallId>,
    /// Ask the receiving recovery residence to hold a bed for 24 hours (issue 19): held in the referral's own
    /// transaction, or nothing is sent (`hold_bed`: `not-a-residence`, `no-bed-left`).
    pub hold_bed: bool,
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
    cached: Option<Consent>,
) -> WebResult<Referral> {
    let (person, service) = (ask.person, ask.service.as_uuid());
    let reason = required_text("reason", ask.reason, 1000).map_err(|e| WebError::Invalid(vec![e]))?;
    let PersonTx { tx, record, .. } = match ask.via_call {
        None => open_person(state, ctx, caller, person, AuditAction::ReferralCreate).await?,
        Some(call) => {
            open_person_from_call(state, ctx, caller, call.as_uuid(), person, AuditAction::ReferralCreate).await?
        }
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
    if ask.hold_bed {
        // The same atomic hold as a treatment bed: one conditional update; no bed, no referral.
        let residence = housing::by_service(&tx, service)
            .await?
            .ok_or_else(|| WebError::Invalid(vec![FieldError::new("hold_bed", "not-a-residence")]))?;
        let today = crate::services::housing::today(state);
        match housing::reserve(&tx, &ctx.actor(), residence, Some(saved.id), now, today).await? {
            Some(housing::Reservation::Held(_)) => {}
            _ => return Err(WebError::Invalid(vec![FieldError::new("hold_bed", "no-bed-left")])),
        }
    }
    tx.commit().await?;
    if ask.hold_bed {
        state.housing_board.changed();
    }
    Ok(saved)
}

/// Moves a referral one of whose ends is the caller's organization, as that end may, with the audit event in
/// the same transaction. Another organization's referral answers 404; a move this side may not make, or one
/// needing a reason without it, 422; a referral someone else moved first, 409.
pub async fn change(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: ReferralId,
    to: &str,
    reason: &str,
) -> WebResult<Referral> {
    let id = id.as_uuid();
    let tx = state.store.begin().await?;
    let found = if may_handle_referrals(&caller.principal) {
        referrals::find_for_caller(&tx, &caller.principal, id).await?
    } else {
        None
    };
    let Some((r, side)) = found else {
        drop(tx);
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("referral", id)
            .detail(AuditAction::ReferralUpdate.as_str());
        audit_alone(state, ctx, entry).await?;
        return Err(WebError::NotFound);
    };
    let to = Status::parse(to).ok_or_else(|| WebError::Invalid(vec![FieldError::new("status", "unknown-choice")]))?;
    let reason = optional_text("reason", reason, 1000).map_err(|e| WebError::Invalid(vec![e]))?;
    let from = Status::parse(&r.status).unwrap_or(Status::Requested);
    transition(from, to, side, reason.as_deref()).map_err(|e| {
        WebError::Invalid(vec![match e {
            MoveError::ReasonRequired => FieldError::new("reason", "required"),
            MoveError::NotAllowed | MoveError::WrongSide => FieldError::new("status", "not-allowed"),
        }])
    })?;
    let entry = AuditEntry::person(AuditAction::ReferralUpdate, PersonId::from_uuid(r.person_id))
        .on("referral", r.id)
        .detail(format!("{} -> {}", from.as_str(), to.as_str()));
    audit::append(&tx, &ctx.actor(), entry).await?;
    let now = pathways_store::now();
    let moved = referrals::move_to(&tx, r.id, from, to, (caller.account, caller.org), reason, now)
        .await?
        .ok_or(WebError::Conflict("referral status"))?;
    // A bed held with the referral follows it: accepted, the bed is taken; declined or cancelled, it is freed.
    let bed = match to {
        Status::Accepted => Some(HoldState::Admitted),
        Status::Rejected | Status::Cancelled | Status::Failed => Some(HoldState::Released),
        _ => None,
    };
    if let Some(bed) = bed {
        housing::close_for_referral(&tx, &ctx.actor(), r.id, bed, now).await?;
    }
    tx.commit().await?;
    if bed.is_some() {
        state.housing_board.changed();
    }
    Ok(moved)
}

/// The person a call of the operator's organization made (404 for any other call, or a call that made none).
pub async fn person_of_call(state: &AppState, caller: &Caller, call: CallId) -> WebResult<PersonId> {
    pathways_store::access_calls::person_of_call(state.store.reader(), caller.org, call.as_uuid())
        .await?
        .ok_or(WebError::NotFound)
}

/// A person's referrals page: the person, the referrals their organization sent for them, and directory services
/// matching `words` to refer them to (`chosen` first, when one was chosen).
pub struct ForPerson {
    pub person: Person,
    pub sent: Vec<Referral>,
    pub services: Vec<DirService>,
}

/// A person's referrals and the services to refer them to, opened by staff who reach the record or (`via_call`) by
/// an operator through the call that made it.
pub async fn for_person(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    via_call: Option<CallId>,
    words: &str,
    chosen: Option<ServiceId>,
) -> WebResult<ForPerson> {
    let PersonTx { tx, record, .. } = match via_call {
        None => open_person(state, ctx, caller, person, AuditAction::ReferralRead).await?,
        Some(call) => {
            open_person_from_call(state, ctx, caller, call.as_uuid(), person, AuditAction::ReferralRead).await?
        }
    };
    let sent = referrals::for_person(&tx, caller.org, person).await?;
    let mut services = referrals::search_services(&tx, words, 20).await?;
    if let Some(id) = chosen
        && let Some((svc, _)) = referrals::service_target(&tx, id.as_uuid()).await?
    {
        services.retain(|r| r.id != svc.id);
        services.insert(0, svc);
    }
    tx.commit().await?;
    Ok(ForPerson { person: record, sent, services })
}

/// Refuses (403, the denial audited) staff who do not handle referrals.
async fn may_handle(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<()> {
    if may_handle_referrals(&caller.principal) {
        return Ok(());
    }
    let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("referral_list");
    audit_read(state, ctx, entry).await?;
    Err(WebError::Forbidden)
}

/// The organization's referrals of the past 90 days in one box (received or sent), newest first, at most `limit`.
pub async fn list(state: &AppState, ctx: &Ctx, caller: &Caller, which: Box, limit: u64) -> WebResult<Vec<Referral>> {
    may_handle(state, ctx, caller).await?;
    let since = pathways_store::now() - chrono::Duration::days(90);
    let rows = referrals::list(state.store.reader(), caller.org, which, since, limit).await?;
    let entry =
        AuditEntry::new(AuditAction::ReferralRead, AuditOutcome::Success).detail(format!("api list {}", rows.len()));
    audit_read(state, ctx, entry).await?;
    Ok(rows)
}

/// Both boxes of the past 90 days, the newest `shown` of each, with the loop's figures over the whole period.
pub struct Boxes {
    pub received: Vec<Referral>,
    pub sent: Vec<Referral>,
    pub received_figures: Figures,
    pub sent_figures: Figures,
}

/// The most referrals a box's figures count.
const FIGURES_LIMIT: u64 = 100_000;

pub async fn boxes(state: &AppState, ctx: &Ctx, caller: &Caller, shown: usize) -> WebResult<Boxes> {
    may_handle(state, ctx, caller).await?;
    let db = state.store.reader();
    let now = pathways_store::now();
    let since = now - chrono::Duration::days(90);
    // One read per box: the figures count the whole period, the page lists the newest.
    let mut received = referrals::list(db, caller.org, Box::Received, since, FIGURES_LIMIT).await?;
    let mut sent = referrals::list(db, caller.org, Box::Sent, since, FIGURES_LIMIT).await?;
    let received_figures = referrals::figures(&received, now);
    let sent_figures = referrals::figures(&sent, now);
    received.truncate(shown);
    sent.truncate(shown);
    let entry = AuditEntry::new(AuditAction::ReferralRead, AuditOutcome::Success).detail(format!(
        "list received={} sent={}",
        received.len(),
        sent.len()
    ));
    audit_read(state, ctx, entry).await?;
    Ok(Boxes { received, sent, received_figures, sent_figures })
}

/// One referral as the caller's end sees it: the referral, which side the caller is, its history. Another
/// organization's referral answers 404 (the denial audited).
pub async fn one(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: ReferralId,
) -> WebResult<(Referral, Side, Vec<ReferralEvent>)> {
    let db = state.store.reader();
    let found = if may_handle_referrals(&caller.principal) {
        referrals::find_for_caller(db, &caller.principal, id.as_uuid()).await?
    } else {
        None
    };
    let Some((r, side)) = found else {
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
            .on("referral", id.as_uuid())
            .detail(AuditAction::ReferralRead.as_str());
        audit_read(state, ctx, entry).await?;
        return Err(WebError::NotFound);
    };
    let entry = AuditEntry::person(AuditAction::ReferralRead, PersonId::from_uuid(r.person_id)).on("referral", r.id);
    audit_read(state, ctx, entry).await?;
    let events = referrals::events(db, r.id).await?;
    Ok((r, side, events))
}

/// The names of the organizations on Pathways, by id (for the sender's name on received referrals).
pub async fn organization_names(state: &AppState) -> WebResult<std::collections::HashMap<uuid::Uuid, String>> {
    Ok(orgs::list(state.store.reader()).await?.into_iter().map(|o| (o.id, o.name)).collect())
}
