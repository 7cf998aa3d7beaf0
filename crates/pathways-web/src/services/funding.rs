//! Setting up an organization's financing (issue 21): the use cases of `/financing/funding` (payer profiles and
//! funding sources, added and edited), `/persons/{id}/vouchers` (a person's vouchers and their balances; issuing
//! one) and their API. Administrators set them up (`may_manage_funding`); a refusal is audited as `access_denied`
//! (on the person, for a voucher). The rules are `pathways_domain::financing::setup`.

use pathways_domain::PersonId;
use pathways_domain::access::may_manage_funding;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::financing::setup::{FundingSourceInput, RawFundingSource, RawProfile, RawVoucher};
use pathways_domain::financing::{Funding, PayerProfile, Voucher};
use pathways_domain::ids::{FundingSourceId, PayerProfileId};
use pathways_domain::text::FieldError;
use pathways_store::audit::AuditEntry;
use pathways_store::financing::setup::{self, ProfileRow, SourceRefusal, SourceRow};
use pathways_store::model::VoucherRow;
use uuid::Uuid;

use crate::access::{PersonRead, PersonTx, open_person, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::services::financing::{deny, refuse};
use crate::state::AppState;

/// Refused to anyone but an administrator: `access_denied` (committed alone), 403.
async fn gate(state: &AppState, ctx: &Ctx, caller: &Caller, what: &'static str) -> WebResult<()> {
    if may_manage_funding(&caller.principal) {
        return Ok(());
    }
    refuse(state, ctx, AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail(what)).await?;
    Err(WebError::Forbidden)
}

fn invalid(field: &'static str, code: &'static str) -> WebError {
    WebError::Invalid(vec![FieldError::new(field, code)])
}

/// The organization's payer profiles and funding sources.
pub struct Setup {
    pub profiles: Vec<ProfileRow>,
    pub sources: Vec<SourceRow>,
}

/// Every payer profile and funding source of the caller's organization (administrators).
pub async fn overview(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<Setup> {
    gate(state, ctx, caller, "funding_setup").await?;
    let db = state.store.reader();
    let mut sources = Vec::new();
    for s in pathways_store::financing::sources(db, caller.org).await? {
        if let Some(row) = setup::source_row(db, caller.org, s.id).await? {
            sources.push(row);
        }
    }
    Ok(Setup { profiles: setup::profiles(db, caller.org).await?, sources })
}

/// Adds a payer profile (audited in the same transaction).
pub async fn add_profile(state: &AppState, ctx: &Ctx, caller: &Caller, raw: &RawProfile) -> WebResult<ProfileRow> {
    gate(state, ctx, caller, "payer_profile").await?;
    let profile = PayerProfile::parse(raw).map_err(WebError::Invalid)?;
    let tx = state.store.begin().await?;
    let id = pathways_store::financing::add_profile(&tx, &ctx.actor(), caller.org, &profile).await?;
    tx.commit().await?;
    Ok(ProfileRow { id, profile })
}

/// One payer profile of the organization (another organization's: 404).
pub async fn profile(state: &AppState, ctx: &Ctx, caller: &Caller, id: PayerProfileId) -> WebResult<PayerProfile> {
    gate(state, ctx, caller, "payer_profile").await?;
    setup::profile(state.store.reader(), caller.org, id.as_uuid()).await?.ok_or(WebError::NotFound)
}

/// Replaces a payer profile's rules (audited in the same transaction).
pub async fn update_profile(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: PayerProfileId,
    raw: &RawProfile,
) -> WebResult<ProfileRow> {
    gate(state, ctx, caller, "payer_profile").await?;
    let tx = state.store.begin().await?;
    if setup::profile(&tx, caller.org, id.as_uuid()).await?.is_none() {
        return Err(WebError::NotFound);
    }
    let profile = PayerProfile::parse(raw).map_err(WebError::Invalid)?;
    if !setup::update_profile(&tx, &ctx.actor(), caller.org, id.as_uuid(), &profile).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(ProfileRow { id: id.as_uuid(), profile })
}

/// Adds a funding source under one of the organization's profiles (another one's: a field error).
pub async fn add_source(state: &AppState, ctx: &Ctx, caller: &Caller, raw: &RawFundingSource) -> WebResult<SourceRow> {
    gate(state, ctx, caller, "funding_source").await?;
    let s = FundingSourceInput::parse(raw).map_err(WebError::Invalid)?;
    let tx = state.store.begin().await?;
    let id =
        pathways_store::financing::add_funding_source(&tx, &ctx.actor(), caller.org, &s.name, s.profile, &s.funding)
            .await?
            .ok_or_else(|| invalid("profile", "unknown-choice"))?;
    tx.commit().await?;
    Ok(SourceRow { id, name: s.name, profile: s.profile, funding: s.funding })
}

/// One funding source of the organization with its profile's id (another organization's: 404).
pub async fn source(state: &AppState, ctx: &Ctx, caller: &Caller, id: FundingSourceId) -> WebResult<SourceRow> {
    gate(state, ctx, caller, "funding_source").await?;
    setup::source_row(state.store.reader(), caller.org, id.as_uuid()).await?.ok_or(WebError::NotFound)
}

/// Changes a funding source's name, profile and terms; its kind stays (a field error if another is sent).
pub async fn update_source(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: FundingSourceId,
    raw: &RawFundingSource,
) -> WebResult<SourceRow> {
    gate(state, ctx, caller, "funding_source").await?;
    let tx = state.store.begin().await?;
    if setup::source_row(&tx, caller.org, id.as_uuid()).await?.is_none() {
        return Err(WebError::NotFound);
    }
    let s = FundingSourceInput::parse(raw).map_err(WebError::Invalid)?;
    match setup::update_funding_source(&tx, &ctx.actor(), caller.org, id.as_uuid(), &s.name, s.profile, &s.funding)
        .await?
    {
        Ok(()) => {
            tx.commit().await?;
            Ok(SourceRow { id: id.as_uuid(), name: s.name, profile: s.profile, funding: s.funding })
        }
        Err(SourceRefusal::NotFound) => Err(WebError::NotFound),
        Err(SourceRefusal::NoProfile) => Err(invalid("profile", "unknown-choice")),
        Err(SourceRefusal::KindChanged) => Err(invalid("kind", "not-allowed")),
    }
}

/// A person's vouchers and the organization's voucher programs (to issue one).
pub struct PersonVouchers {
    pub vouchers: Vec<VoucherRow>,
    /// (id, name) of each voucher program.
    pub programs: Vec<(Uuid, String)>,
}

async fn programs(state: &AppState, caller: &Caller) -> WebResult<Vec<(Uuid, String)>> {
    Ok(pathways_store::financing::sources(state.store.reader(), caller.org)
        .await?
        .into_iter()
        .filter(|s| s.funding == Funding::VoucherProgram)
        .map(|s| (s.id, s.name))
        .collect())
}

/// A person's vouchers with their balances: whoever reaches the person (the read is audited on the record).
pub async fn person_vouchers(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
) -> WebResult<PersonVouchers> {
    let PersonRead { .. } = read_person(state, ctx, caller, person, AuditAction::ServiceEventRead).await?;
    Ok(PersonVouchers {
        vouchers: setup::person_vouchers(state.store.reader(), caller.org, person).await?,
        programs: programs(state, caller).await?,
    })
}

/// Issues a voucher to a person under one of the organization's voucher programs: through the gate (another
/// organization's person 404), administrators only (anyone else who reaches the person: 403, `access_denied` on the
/// record), audited on the person in the same transaction. Its balance starts at the units authorized.
pub async fn issue_voucher(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    raw: &RawVoucher,
) -> WebResult<VoucherRow> {
    let PersonTx { tx, .. } = open_person(state, ctx, caller, person, AuditAction::FinancingSave).await?;
    if !may_manage_funding(&caller.principal) {
        return Err(deny(state, ctx, tx, person, AuditAction::FinancingSave).await);
    }
    let (source, v): (Uuid, Voucher) = match Voucher::parse(raw, crate::clock::today()) {
        Ok(parsed) => parsed,
        Err(errors) => {
            tx.rollback().await?;
            return Err(WebError::Invalid(errors));
        }
    };
    if setup::voucher_number_taken(&tx, source, &v.number).await? {
        tx.rollback().await?;
        return Err(invalid("number", "duplicate"));
    }
    let Some(id) = pathways_store::financing::issue_voucher(&tx, &ctx.actor(), caller.org, source, person, &v).await?
    else {
        tx.rollback().await?;
        return Err(invalid("funding_source", "unknown-choice"));
    };
    let issued = setup::person_vouchers(&tx, caller.org, person).await?.into_iter().find(|v| v.id == id);
    tx.commit().await?;
    issued.ok_or(WebError::NotFound)
}

/// One of the person's vouchers, for its form (administrators; the read is audited on the person).
pub async fn person_voucher(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    voucher: pathways_domain::ids::VoucherId,
) -> WebResult<VoucherRow> {
    let PersonTx { tx, .. } = open_person(state, ctx, caller, person, AuditAction::ServiceEventRead).await?;
    if !may_manage_funding(&caller.principal) {
        return Err(deny(state, ctx, tx, person, AuditAction::FinancingSave).await);
    }
    let Some(v) = setup::person_voucher(&tx, caller.org, person, voucher.as_uuid()).await? else {
        tx.rollback().await?;
        return Err(WebError::NotFound);
    };
    tx.commit().await?;
    Ok(v)
}

/// Changes one of the person's vouchers: its authorized units (never fewer than those already used: a field error
/// on `authorized_units`), its expiry, withdrawn or not. Through the gate (another organization's person 404, another
/// person's voucher 404), administrators only (anyone else who reaches the person 403, `access_denied` on the
/// record); audited on the person in the same transaction.
pub async fn update_voucher(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    voucher: pathways_domain::ids::VoucherId,
    raw: &pathways_domain::financing::setup::RawVoucherChange,
) -> WebResult<VoucherRow> {
    use pathways_domain::financing::setup::VoucherChange;
    use pathways_store::financing::setup::VoucherRefusal;
    let PersonTx { tx, .. } = open_person(state, ctx, caller, person, AuditAction::FinancingSave).await?;
    if !may_manage_funding(&caller.principal) {
        return Err(deny(state, ctx, tx, person, AuditAction::FinancingSave).await);
    }
    let Some(current) = setup::person_voucher(&tx, caller.org, person, voucher.as_uuid()).await? else {
        tx.rollback().await?;
        return Err(WebError::NotFound);
    };
    let used = u32::try_from(current.authorized_units - current.balance_units).unwrap_or(0);
    let change = match VoucherChange::parse(raw, used, current.expires_on, crate::clock::today()) {
        Ok(c) => c,
        Err(errors) => {
            tx.rollback().await?;
            return Err(WebError::Invalid(errors));
        }
    };
    match setup::update_voucher(&tx, &ctx.actor(), caller.org, person, voucher.as_uuid(), &change).await? {
        Ok(v) => {
            tx.commit().await?;
            Ok(v)
        }
        Err(VoucherRefusal::NotFound) => Err(WebError::NotFound),
        Err(VoucherRefusal::BelowUsed) => Err(invalid("authorized_units", "below-used")),
    }
}
