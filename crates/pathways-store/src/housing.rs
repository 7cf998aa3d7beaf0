//! Recovery housing (issue 19): residences, their weekly bed reports (every one kept), and beds held for a
//! referred person. The rules are `pathways_domain::housing`; here they are kept.
//!
//! **Holding a bed is the one mechanism of `store::holds`**, shared with the treatment programs' beds
//! (`store::capacity`): `held = held + 1 WHERE id = ? AND available_beds - held > 0 AND the certificate is valid`
//! changes one row or none, so racing requests take exactly as many beds as there were; expired holds free their
//! beds without a timer.
//!
//! Residences are not a person's record: the registry, the board and the state's figures name no one. A hold
//! keeps only its referral's id; the referral (and its consent gate) lives in `referrals`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::OrgId;
use pathways_domain::access_line::capacity::{HoldError, HoldState};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::directory::geo::LatLon;
use pathways_domain::housing::report::{HOLD_FOR, ReportStatus};
use pathways_domain::housing::{
    Certification, CertificationStatus, NaloxoneFlag, NarrLevel, Payment, Population, naloxone_flags,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{residence, residence_hold, residence_report};
use crate::holds::{self, ResidenceBeds, Stored};

pub mod edit;
pub mod figures;
pub mod listing;

/// A residence to add (demo data, the command line, the tests).
#[derive(Clone, Debug)]
pub struct NewResidence {
    pub organization: OrgId,
    pub service_id: Option<Uuid>,
    pub name: String,
    pub address: String,
    pub town: String,
    pub zip: Option<String>,
    pub region: Option<String>,
    pub place: Option<LatLon>,
    pub level: NarrLevel,
    pub populations: Vec<Population>,
    pub accepts_moud: bool,
    pub serves_oud: bool,
    pub total_beds: u32,
    pub certification: Option<Certification>,
    pub house_rules: Option<String>,
    pub cost_per_week: Option<u32>,
    pub payments: Vec<Payment>,
    pub naloxone_doses: u32,
    pub naloxone_trained_on: Option<NaiveDate>,
    pub disclaimer: String,
}

/// A residence as the operator, the board, the API and the state see it.
#[derive(Clone, Debug, PartialEq)]
pub struct ResidenceView {
    pub id: Uuid,
    pub organization: OrgId,
    pub service_id: Option<Uuid>,
    pub name: String,
    pub address: String,
    pub town: String,
    pub zip: Option<String>,
    pub region: Option<String>,
    pub place: Option<LatLon>,
    pub level: NarrLevel,
    pub populations: Vec<Population>,
    pub accepts_moud: bool,
    pub serves_oud: bool,
    pub total_beds: u32,
    /// As last reported (less admissions since).
    pub reported_beds: u32,
    /// Live holds.
    pub held: u32,
    /// Beds a person can be offered now: the report less the live holds.
    pub available: u32,
    pub reported_at: Option<DateTime<Utc>>,
    pub report_status: ReportStatus,
    pub certification: Option<Certification>,
    pub certification_status: CertificationStatus,
    pub house_rules: Option<String>,
    pub cost_per_week: Option<u32>,
    pub payments: Vec<Payment>,
    pub naloxone_doses: u32,
    pub naloxone_trained_on: Option<NaiveDate>,
    pub naloxone_flags: Vec<NaloxoneFlag>,
    pub disclaimer: String,
}

/// One report in a residence's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRow {
    pub available_beds: u32,
    pub total_beds: u32,
    pub naloxone_doses: u32,
    pub reported_at: DateTime<Utc>,
}

/// The answer to a hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Reservation {
    Held(residence_hold::Model),
    /// No bed left, or the certificate is not valid.
    NoBed,
}

fn count(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn uncount(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// Adds a residence (its first report is its operator's to make).
pub async fn create(tx: &DatabaseTransaction, actor: &Actor, r: &NewResidence, now: DateTime<Utc>) -> Result<Uuid> {
    let id = Uuid::now_v7();
    residence::ActiveModel {
        id: Set(id),
        organization_id: Set(r.organization.as_uuid()),
        service_id: Set(r.service_id),
        name: Set(r.name.clone()),
        address: Set(r.address.clone()),
        town: Set(r.town.clone()),
        zip: Set(r.zip.clone()),
        region: Set(r.region.clone()),
        latitude: Set(r.place.map(|l| l.lat())),
        longitude: Set(r.place.map(|l| l.lon())),
        level: Set(r.level.code().to_owned()),
        populations: Set(Population::join(&r.populations)),
        accepts_moud: Set(r.accepts_moud),
        serves_oud: Set(r.serves_oud),
        total_beds: Set(count(r.total_beds)),
        available_beds: Set(0),
        held: Set(0),
        reported_at: Set(None),
        cert_body: Set(r.certification.as_ref().map(|c| c.body.clone())),
        cert_number: Set(r.certification.as_ref().map(|c| c.number.clone())),
        cert_expires_on: Set(r.certification.as_ref().map(|c| c.expires_on)),
        house_rules: Set(r.house_rules.clone()),
        cost_per_week: Set(r.cost_per_week.map(count)),
        payments: Set(Payment::join(&r.payments)),
        naloxone_doses: Set(count(r.naloxone_doses)),
        naloxone_trained_on: Set(r.naloxone_trained_on),
        disclaimer: Set(r.disclaimer.clone()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx)
    .await?;
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::ResidenceSave, AuditOutcome::Success).on("residence", id).detail("created"),
    )
    .await?;
    Ok(id)
}

/// An operator's report: `available` beds now (checked against the total by the domain before; the update
/// checks it again), and optionally the doses on site. `org`: the operator's organization (`None`: any, for the
/// demo and the command line). Another organization's residence is not found. Every report is kept.
pub async fn report(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: Option<OrgId>,
    id: Uuid,
    available: u32,
    naloxone_doses: Option<u32>,
    now: DateTime<Utc>,
) -> Result<Option<residence::Model>> {
    let mut q = residence::Entity::update_many()
        .col_expr(residence::Column::AvailableBeds, Expr::value(count(available)))
        .col_expr(residence::Column::ReportedAt, Expr::value(Some(now)))
        .col_expr(residence::Column::UpdatedAt, Expr::value(now))
        .filter(residence::Column::Id.eq(id))
        .filter(residence::Column::TotalBeds.gte(count(available)));
    if let Some(d) = naloxone_doses {
        q = q.col_expr(residence::Column::NaloxoneDoses, Expr::value(count(d)));
    }
    if let Some(org) = org {
        q = q.filter(residence::Column::OrganizationId.eq(org.as_uuid()));
    }
    if q.exec(tx).await?.rows_affected == 0 {
        return Ok(None);
    }
    let Some(row) = residence::Entity::find_by_id(id).one(tx).await? else { return Ok(None) };
    residence_report::ActiveModel {
        id: Set(Uuid::now_v7()),
        residence_id: Set(id),
        available_beds: Set(count(available)),
        total_beds: Set(row.total_beds),
        naloxone_doses: Set(row.naloxone_doses),
        reported_at: Set(now),
        reported_by_account_id: Set(actor.account.map(|a| a.as_uuid())),
    }
    .insert(tx)
    .await?;
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::ResidenceReport, AuditOutcome::Success)
            .on("residence", id)
            .detail(format!("available={available} doses={}", row.naloxone_doses)),
    )
    .await?;
    expire_holds(tx, now, Some(id)).await?;
    Ok(residence::Entity::find_by_id(id).one(tx).await?)
}

/// Marks holds past their expiry (of one residence, or all) expired and returns their beds; how many.
pub async fn expire_holds(tx: &DatabaseTransaction, now: DateTime<Utc>, residence: Option<Uuid>) -> Result<u64> {
    holds::expire::<ResidenceBeds>(tx, now, residence).await
}

/// Holds a bed at a residence for 24 hours (`HOLD_FOR`), or says there is none. `today`: the deployment's
/// date (a residence whose certificate has expired is not offered). `None`: no such residence.
pub async fn reserve(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
    referral: Option<Uuid>,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Option<Reservation>> {
    if residence::Entity::find_by_id(id).one(tx).await?.is_none() {
        return Ok(None);
    }
    expire_holds(tx, now, Some(id)).await?;
    let certified = Condition::all().add(residence::Column::CertExpiresOn.gte(today));
    Ok(Some(match holds::reserve::<ResidenceBeds>(tx, actor, id, referral, certified, now, HOLD_FOR).await? {
        Some(model) => Reservation::Held(model),
        None => Reservation::NoBed,
    }))
}

/// Confirms an admission or releases a bed. `org`: the operator's organization (`None`: any). `None`: no such
/// hold (or another organization's); `Some(Err)`: it can't change (expired, or already closed).
pub async fn close_hold(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: Option<OrgId>,
    id: Uuid,
    to: HoldState,
    now: DateTime<Utc>,
) -> Result<Option<std::result::Result<residence_hold::Model, HoldError>>> {
    let Some(row) = residence_hold::Entity::find_by_id(id).one(tx).await? else { return Ok(None) };
    if let Some(org) = org {
        let owner = residence::Entity::find_by_id(row.residence_id).one(tx).await?.map(|r| r.organization_id);
        if owner != Some(org.as_uuid()) {
            return Ok(None);
        }
    }
    if let Err(e) = holds::close::<ResidenceBeds>(tx, actor, stored(&row), to, now, to.as_str().to_owned()).await? {
        return Ok(Some(Err(e)));
    }
    Ok(residence_hold::Entity::find_by_id(id).one(tx).await?.map(Ok))
}

fn stored(row: &residence_hold::Model) -> Stored<'_> {
    Stored {
        id: row.id,
        place: row.residence_id,
        state: &row.state,
        created_at: row.created_at,
        expires_at: row.expires_at,
    }
}

/// Closes the live hold asked for with a referral, if any (the receiving end accepted: `Admitted`, the bed is
/// taken; declined or cancelled: `Released`). Whether there was one to close.
pub async fn close_for_referral(
    tx: &DatabaseTransaction,
    actor: &Actor,
    referral: Uuid,
    to: HoldState,
    now: DateTime<Utc>,
) -> Result<bool> {
    let Some(hold) = hold_for_referral(tx, referral, now).await? else { return Ok(false) };
    let detail = format!("{} (referral)", to.as_str());
    Ok(holds::close::<ResidenceBeds>(tx, actor, stored(&hold), to, now, detail).await?.is_ok())
}

/// The live hold asked for with a referral, if any.
pub async fn hold_for_referral(
    db: &impl ConnectionTrait,
    referral: Uuid,
    now: DateTime<Utc>,
) -> Result<Option<residence_hold::Model>> {
    Ok(residence_hold::Entity::find()
        .filter(residence_hold::Column::ReferralId.eq(referral))
        .filter(residence_hold::Column::State.eq(HoldState::Held.as_str()))
        .filter(residence_hold::Column::ExpiresAt.gt(now))
        .one(db)
        .await?)
}

/// Holds past their expiry not yet marked, per residence (a read must not count them).
async fn overdue_holds(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<HashMap<Uuid, u32>> {
    holds::overdue::<ResidenceBeds>(db, now).await
}

fn view(row: residence::Model, overdue: u32, now: DateTime<Utc>, today: NaiveDate) -> ResidenceView {
    let certification = match (row.cert_body, row.cert_number, row.cert_expires_on) {
        (Some(body), Some(number), Some(expires_on)) => Some(Certification { body, number, expires_on }),
        _ => None,
    };
    let held = uncount(row.held).saturating_sub(overdue);
    let reported_beds = uncount(row.available_beds);
    let doses = uncount(row.naloxone_doses);
    ResidenceView {
        id: row.id,
        organization: OrgId::from_uuid(row.organization_id),
        service_id: row.service_id,
        name: row.name,
        address: row.address,
        town: row.town,
        zip: row.zip,
        region: row.region,
        place: row.latitude.zip(row.longitude).and_then(|(lat, lon)| LatLon::new(lat, lon).ok()),
        level: NarrLevel::parse(&row.level).unwrap_or(NarrLevel::PeerRun),
        populations: Population::parse_list(&row.populations),
        accepts_moud: row.accepts_moud,
        serves_oud: row.serves_oud,
        total_beds: uncount(row.total_beds),
        reported_beds,
        held,
        available: reported_beds.saturating_sub(held),
        reported_at: row.reported_at,
        report_status: ReportStatus::of(row.reported_at, now),
        certification_status: Certification::status(certification.as_ref(), today),
        certification,
        house_rules: row.house_rules,
        cost_per_week: row.cost_per_week.map(uncount),
        payments: Payment::parse_list(&row.payments),
        naloxone_doses: doses,
        naloxone_trained_on: row.naloxone_trained_on,
        naloxone_flags: naloxone_flags(row.serves_oud, doses, row.naloxone_trained_on),
        disclaimer: row.disclaimer,
    }
}

/// Every residence, by name (the board filters and orders them by the domain's rules).
pub async fn all(db: &impl ConnectionTrait, now: DateTime<Utc>, today: NaiveDate) -> Result<Vec<ResidenceView>> {
    let overdue = overdue_holds(db, now).await?;
    Ok(residence::Entity::find()
        .order_by_asc(residence::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let o = overdue.get(&row.id).copied().unwrap_or(0);
            view(row, o, now, today)
        })
        .collect())
}

/// Only residences whose certificate may be valid on `today` (the public board's candidates): the database
/// drops the expired and uncertified ones before they are read.
pub async fn listed(db: &impl ConnectionTrait, now: DateTime<Utc>, today: NaiveDate) -> Result<Vec<ResidenceView>> {
    let overdue = overdue_holds(db, now).await?;
    Ok(residence::Entity::find()
        .filter(residence::Column::CertExpiresOn.gte(today))
        .filter(residence::Column::CertBody.is_not_null())
        .filter(residence::Column::CertNumber.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let o = overdue.get(&row.id).copied().unwrap_or(0);
            view(row, o, now, today)
        })
        .collect())
}

/// An operator's residences, by name.
pub async fn of_org(
    db: &impl ConnectionTrait,
    org: OrgId,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Vec<ResidenceView>> {
    let overdue = overdue_holds(db, now).await?;
    Ok(residence::Entity::find()
        .filter(residence::Column::OrganizationId.eq(org.as_uuid()))
        .order_by_asc(residence::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let o = overdue.get(&row.id).copied().unwrap_or(0);
            view(row, o, now, today)
        })
        .collect())
}

/// One residence. `org`: only if that organization operates it (`None`: any — the public board checks the
/// certificate itself).
pub async fn find(
    db: &impl ConnectionTrait,
    org: Option<OrgId>,
    id: Uuid,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<Option<ResidenceView>> {
    let mut q = residence::Entity::find_by_id(id);
    if let Some(org) = org {
        q = q.filter(residence::Column::OrganizationId.eq(org.as_uuid()));
    }
    let Some(row) = q.one(db).await? else { return Ok(None) };
    let overdue = overdue_holds(db, now).await?.get(&id).copied().unwrap_or(0);
    Ok(Some(view(row, overdue, now, today)))
}

/// The residence listed as a directory service, if any.
pub async fn by_service(db: &impl ConnectionTrait, service: Uuid) -> Result<Option<Uuid>> {
    Ok(residence::Entity::find()
        .filter(residence::Column::ServiceId.eq(service))
        .select_only()
        .column(residence::Column::Id)
        .into_tuple()
        .one(db)
        .await?)
}

/// A residence's reports, newest first.
pub async fn history(db: &impl ConnectionTrait, id: Uuid, limit: u64) -> Result<Vec<ReportRow>> {
    Ok(residence_report::Entity::find()
        .filter(residence_report::Column::ResidenceId.eq(id))
        .order_by_desc(residence_report::Column::ReportedAt)
        .limit(crate::rows(limit))
        .all(db)
        .await?
        .into_iter()
        .map(|r| ReportRow {
            available_beds: uncount(r.available_beds),
            total_beds: uncount(r.total_beds),
            naloxone_doses: uncount(r.naloxone_doses),
            reported_at: r.reported_at,
        })
        .collect())
}

/// The live holds at some residences, soonest expiry first (the operator's inbox).
pub async fn live_holds(
    db: &impl ConnectionTrait,
    residences: &[Uuid],
    now: DateTime<Utc>,
) -> Result<Vec<residence_hold::Model>> {
    if residences.is_empty() {
        return Ok(Vec::new());
    }
    Ok(residence_hold::Entity::find()
        .filter(residence_hold::Column::ResidenceId.is_in(residences.iter().copied()))
        .filter(Condition::all().add(residence_hold::Column::State.eq(HoldState::Held.as_str())))
        .filter(residence_hold::Column::ExpiresAt.gt(now))
        .order_by_asc(residence_hold::Column::ExpiresAt)
        .all(db)
        .await?)
}

#[cfg(test)]
mod tests;
