//! Setting up an organization's financing (issue 21): its payer profiles and funding sources listed and edited,
//! a person's vouchers. Adding them is `add_profile`, `add_funding_source` and `issue_voucher` (the parent module);
//! every write here is audited in the caller's transaction. Everything is scoped by organization: another
//! organization's profile or source is not found.

use pathways_domain::audit::AuditAction;
use pathways_domain::financing::{Funding, PayerProfile};
use pathways_domain::{OrgId, PersonId};
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{find_profile, find_source, saved};
use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{funding_source, payer_profile, voucher};

/// A stored payer profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileRow {
    pub id: Uuid,
    pub profile: PayerProfile,
}

/// The organization's payer profiles, by name (a row whose rules no longer parse is left out, not guessed).
pub async fn profiles(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<ProfileRow>> {
    Ok(payer_profile::Entity::find()
        .filter(payer_profile::Column::OrgId.eq(org.as_uuid()))
        .order_by_asc(payer_profile::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| serde_json::from_value(r.rules).ok().map(|profile| ProfileRow { id: r.id, profile }))
        .collect())
}

/// One payer profile of the organization.
pub async fn profile(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<PayerProfile>> {
    Ok(find_profile(db, org, id).await?.and_then(|r| serde_json::from_value(r.rules).ok()))
}

/// Replaces a profile's rules. The events already recorded keep the check they had; the next ones are checked
/// against the new rules. `false`: no such profile in the organization.
pub async fn update_profile(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    p: &PayerProfile,
) -> Result<bool> {
    let changed = payer_profile::Entity::update_many()
        .col_expr(payer_profile::Column::Name, Expr::value(p.name.clone()))
        .col_expr(payer_profile::Column::Rules, Expr::value(serde_json::to_value(p).unwrap_or_default()))
        .filter(payer_profile::Column::Id.eq(id))
        .filter(payer_profile::Column::OrgId.eq(org.as_uuid()))
        .exec(tx)
        .await?
        .rows_affected;
    if changed != 1 {
        return Ok(false);
    }
    audit::append(tx, actor, saved(AuditAction::FinancingSave, "payer_profile", id).detail("updated")).await?;
    Ok(true)
}

/// A stored funding source with the id of its profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    pub id: Uuid,
    pub name: String,
    pub profile: Uuid,
    pub funding: Funding,
}

/// One funding source of the organization, with its profile's id.
pub async fn source_row(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<SourceRow>> {
    Ok(find_source(db, org, id).await?.and_then(|r| {
        serde_json::from_value(r.terms).ok().map(|funding| SourceRow {
            id: r.id,
            name: r.name,
            profile: r.profile_id,
            funding,
        })
    }))
}

/// Why an edit of a funding source was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceRefusal {
    /// No such source in the organization.
    NotFound,
    /// The profile chosen is not the organization's.
    NoProfile,
    /// A source's kind is fixed: its vouchers and events were recorded under it.
    KindChanged,
}

/// Changes a funding source's name, profile and terms (its kind stays).
pub async fn update_funding_source(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    name: &str,
    profile: Uuid,
    funding: &Funding,
) -> Result<std::result::Result<(), SourceRefusal>> {
    let Some(current) = find_source(tx, org, id).await? else { return Ok(Err(SourceRefusal::NotFound)) };
    if current.kind != funding.kind() {
        return Ok(Err(SourceRefusal::KindChanged));
    }
    if find_profile(tx, org, profile).await?.is_none() {
        return Ok(Err(SourceRefusal::NoProfile));
    }
    funding_source::Entity::update_many()
        .col_expr(funding_source::Column::Name, Expr::value(name.to_owned()))
        .col_expr(funding_source::Column::ProfileId, Expr::value(profile))
        .col_expr(funding_source::Column::Terms, Expr::value(serde_json::to_value(funding).unwrap_or_default()))
        .filter(funding_source::Column::Id.eq(id))
        .filter(funding_source::Column::OrgId.eq(org.as_uuid()))
        .exec(tx)
        .await?;
    audit::append(tx, actor, saved(AuditAction::FinancingSave, "funding_source", id).detail("updated")).await?;
    Ok(Ok(()))
}

/// A person's vouchers (the gate has opened the person in the organization), the latest expiry first.
pub async fn person_vouchers(db: &impl ConnectionTrait, org: OrgId, person: PersonId) -> Result<Vec<voucher::Model>> {
    Ok(voucher::Entity::find()
        .filter(voucher::Column::OrgId.eq(org.as_uuid()))
        .filter(voucher::Column::PersonId.eq(person.as_uuid()))
        .order_by_desc(voucher::Column::ExpiresOn)
        .all(db)
        .await?)
}

/// Whether a voucher program already has a voucher with this number (numbers are unique within a program).
pub async fn voucher_number_taken(db: &impl ConnectionTrait, source: Uuid, number: &str) -> Result<bool> {
    Ok(voucher::Entity::find()
        .filter(voucher::Column::FundingSourceId.eq(source))
        .filter(voucher::Column::Number.eq(number))
        .one(db)
        .await?
        .is_some())
}

/// Why a voucher's change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoucherRefusal {
    /// No such voucher of this person in the organization.
    NotFound,
    /// The new units are fewer than those already used (a signing may have taken some since the form was read).
    BelowUsed,
}

/// Changes one of the person's vouchers (the gate has opened the person): its authorized units (the balance moves
/// by the same difference, so the units used stay used), its expiry, and whether it is withdrawn (`withdrawn_at`
/// set once, kept on a later change; cleared when reinstated). One conditional `UPDATE`: the units used are read in
/// the statement itself, so a signing between the form and the change can't leave the balance below zero.
/// Audited on the person in the same transaction.
pub async fn update_voucher(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    person: PersonId,
    id: Uuid,
    change: &pathways_domain::financing::setup::VoucherChange,
) -> Result<std::result::Result<voucher::Model, VoucherRefusal>> {
    let units = i32::try_from(change.authorized_units).unwrap_or(i32::MAX);
    let withdrawn: sea_orm::sea_query::SimpleExpr = if change.withdrawn {
        sea_orm::sea_query::Func::coalesce([Expr::col(voucher::Column::WithdrawnAt), Expr::value(crate::now())]).into()
    } else {
        Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None)
    };
    let changed = voucher::Entity::update_many()
        .col_expr(
            voucher::Column::BalanceUnits,
            Expr::col(voucher::Column::BalanceUnits).add(units).sub(Expr::col(voucher::Column::AuthorizedUnits)),
        )
        .col_expr(voucher::Column::AuthorizedUnits, Expr::value(units))
        .col_expr(voucher::Column::ExpiresOn, Expr::value(change.expires_on))
        .col_expr(voucher::Column::WithdrawnAt, withdrawn)
        .filter(voucher::Column::Id.eq(id))
        .filter(voucher::Column::OrgId.eq(org.as_uuid()))
        .filter(voucher::Column::PersonId.eq(person.as_uuid()))
        .filter(Expr::col(voucher::Column::AuthorizedUnits).sub(Expr::col(voucher::Column::BalanceUnits)).lte(units))
        .exec(tx)
        .await?
        .rows_affected;
    let found = voucher::Entity::find_by_id(id)
        .filter(voucher::Column::OrgId.eq(org.as_uuid()))
        .filter(voucher::Column::PersonId.eq(person.as_uuid()))
        .one(tx)
        .await?;
    match (changed, found) {
        (_, None) => Ok(Err(VoucherRefusal::NotFound)),
        (0, Some(_)) => Ok(Err(VoucherRefusal::BelowUsed)),
        (_, Some(v)) => {
            let detail = if v.withdrawn_at.is_some() { "withdrawn" } else { "updated" };
            audit::append(
                tx,
                actor,
                AuditEntry::person(AuditAction::FinancingSave, person).on("voucher", id).detail(detail),
            )
            .await?;
            Ok(Ok(v))
        }
    }
}

/// One of the person's vouchers (the gate has opened the person), for its form.
pub async fn person_voucher(
    db: &impl ConnectionTrait,
    org: OrgId,
    person: PersonId,
    id: Uuid,
) -> Result<Option<voucher::Model>> {
    Ok(voucher::Entity::find_by_id(id)
        .filter(voucher::Column::OrgId.eq(org.as_uuid()))
        .filter(voucher::Column::PersonId.eq(person.as_uuid()))
        .one(db)
        .await?)
}
