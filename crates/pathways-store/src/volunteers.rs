//! Volunteers and Recovery Friendly designations (issue 20; migration m0031). A center's roster and hours are
//! found through its organization (another center's volunteer is not found); designations are public once
//! recorded, until withdrawn.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::OrgId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::community::volunteers::{Designation, DesignationKind, Hours, ValidUntil, Volunteer};
use pathways_domain::ids::VolunteerId;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{recovery_friendly, volunteer, volunteer_hours};

/// A volunteer on a center's roster, with the hours they logged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterEntry {
    pub id: Uuid,
    pub name: String,
    pub agreed_on: NaiveDate,
    /// Every hour they logged, in minutes.
    pub minutes: u64,
    /// Their background check's and training's last valid days (m0040).
    pub valid_until: ValidUntil,
    /// When they were taken off the roster (`None`: on it).
    pub removed_at: Option<DateTime<Utc>>,
}

/// One logged entry, with the volunteer's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursEntry {
    pub volunteer: String,
    pub hours: Hours,
}

/// A designation as the public list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DesignationRow {
    pub id: Uuid,
    pub designation: Designation,
    /// The day a program's designation is due for renewal (m0039); none for one recorded by hand.
    pub renewal_due_on: Option<NaiveDate>,
}

/// Adds a volunteer (who agreed to be listed) to `org`'s roster; audited in `tx` (the event names the row, not
/// the person).
pub async fn add_volunteer(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    v: &Volunteer,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    volunteer::ActiveModel {
        id: Set(id),
        organization_id: Set(org.as_uuid()),
        name: Set(v.name.clone()),
        agreed_on: Set(v.agreed_on),
        removed_at: Set(None),
        created_at: Set(now),
        background_check_until: Set(None),
        training_until: Set(None),
    }
    .insert(tx)
    .await?;
    let entry = AuditEntry::new(AuditAction::CommunityRecordSave, AuditOutcome::Success).on("volunteer", id);
    audit::append(tx, actor, entry.detail("volunteer")).await?;
    Ok(id)
}

/// Logs hours for one of `org`'s listed volunteers; `false` when `org` has no such volunteer on its roster.
pub async fn log_hours(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    volunteer_id: Uuid,
    h: &Hours,
    now: DateTime<Utc>,
) -> Result<bool> {
    let found = volunteer::Entity::find_by_id(volunteer_id)
        .filter(volunteer::Column::OrganizationId.eq(org.as_uuid()))
        .filter(volunteer::Column::RemovedAt.is_null())
        .one(tx)
        .await?;
    if found.is_none() {
        return Ok(false);
    }
    let id = Uuid::now_v7();
    volunteer_hours::ActiveModel {
        id: Set(id),
        organization_id: Set(org.as_uuid()),
        volunteer_id: Set(volunteer_id),
        worked_on: Set(h.on),
        activity: Set(h.activity.clone()),
        minutes: Set(i32::try_from(h.minutes).unwrap_or(i32::MAX)),
        recorded_at: Set(now),
    }
    .insert(tx)
    .await?;
    let entry = AuditEntry::new(AuditAction::CommunityRecordSave, AuditOutcome::Success).on("volunteer_hours", id);
    audit::append(tx, actor, entry.detail("volunteer_hours")).await?;
    Ok(true)
}

/// `org`'s roster (listed volunteers, by name) with each one's hours in all.
pub async fn roster(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<RosterEntry>> {
    entries(db, org, false).await
}

/// The volunteers taken off `org`'s roster (by name), with the hours they logged, which stay in the center's
/// totals.
pub async fn removed(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<RosterEntry>> {
    entries(db, org, true).await
}

async fn entries(db: &impl ConnectionTrait, org: OrgId, removed: bool) -> Result<Vec<RosterEntry>> {
    let on_roster =
        if removed { volunteer::Column::RemovedAt.is_not_null() } else { volunteer::Column::RemovedAt.is_null() };
    let people = volunteer::Entity::find()
        .filter(volunteer::Column::OrganizationId.eq(org.as_uuid()))
        .filter(on_roster)
        .order_by_asc(volunteer::Column::Name)
        .all(db)
        .await?;
    let hours = volunteer_hours::Entity::find()
        .filter(volunteer_hours::Column::OrganizationId.eq(org.as_uuid()))
        .all(db)
        .await?;
    let mut minutes: HashMap<Uuid, u64> = HashMap::new();
    for h in hours {
        *minutes.entry(h.volunteer_id).or_default() += u64::try_from(h.minutes).unwrap_or(0);
    }
    Ok(people
        .into_iter()
        .map(|p| {
            let logged = minutes.get(&p.id).copied().unwrap_or(0);
            entry(p, logged)
        })
        .collect())
}

fn entry(p: volunteer::Model, minutes: u64) -> RosterEntry {
    RosterEntry {
        minutes,
        id: p.id,
        name: p.name,
        agreed_on: p.agreed_on,
        valid_until: ValidUntil { background_check: p.background_check_until, training: p.training_until },
        removed_at: p.removed_at,
    }
}

/// One of `org`'s listed volunteers, with their hours in all; `None` when `org` has no such volunteer on its
/// roster (another center's, or one taken off it).
pub async fn listed(db: &impl ConnectionTrait, org: OrgId, id: VolunteerId) -> Result<Option<RosterEntry>> {
    let Some(p) = on_roster(db, org, id).await? else { return Ok(None) };
    let logged = volunteer_hours::Entity::find()
        .filter(volunteer_hours::Column::OrganizationId.eq(org.as_uuid()))
        .filter(volunteer_hours::Column::VolunteerId.eq(id.as_uuid()))
        .all(db)
        .await?;
    let minutes = logged.iter().map(|h| u64::try_from(h.minutes).unwrap_or(0)).sum();
    Ok(Some(entry(p, minutes)))
}

async fn on_roster(db: &impl ConnectionTrait, org: OrgId, id: VolunteerId) -> Result<Option<volunteer::Model>> {
    Ok(volunteer::Entity::find_by_id(id.as_uuid())
        .filter(volunteer::Column::OrganizationId.eq(org.as_uuid()))
        .filter(volunteer::Column::RemovedAt.is_null())
        .one(db)
        .await?)
}

/// Records (or changes, or clears) the background check's and training's last valid days of one of `org`'s listed
/// volunteers; audited in `tx` (the event names the row). `false` when `org` has no such volunteer on its roster.
pub async fn set_valid_until(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: VolunteerId,
    dates: ValidUntil,
) -> Result<bool> {
    let Some(found) = on_roster(tx, org, id).await? else { return Ok(false) };
    let mut row: volunteer::ActiveModel = found.into();
    row.background_check_until = Set(dates.background_check);
    row.training_until = Set(dates.training);
    row.update(tx).await?;
    let entry = AuditEntry::new(AuditAction::CommunityRecordSave, AuditOutcome::Success).on("volunteer", id.as_uuid());
    audit::append(tx, actor, entry.detail("volunteer_dates")).await?;
    Ok(true)
}

/// Takes one of `org`'s listed volunteers off its roster (their hours stay in its totals); audited in `tx`.
/// `false` when `org` has no such volunteer on its roster.
pub async fn remove(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: VolunteerId,
    now: DateTime<Utc>,
) -> Result<bool> {
    let Some(found) = on_roster(tx, org, id).await? else { return Ok(false) };
    let mut row: volunteer::ActiveModel = found.into();
    row.removed_at = Set(Some(now));
    row.update(tx).await?;
    let entry = AuditEntry::new(AuditAction::CommunityRecordSave, AuditOutcome::Success).on("volunteer", id.as_uuid());
    audit::append(tx, actor, entry.detail("volunteer_removed")).await?;
    Ok(true)
}

/// Puts one of `org`'s volunteers taken off its roster back on it (their dates and hours as they were); audited in
/// `tx`. `false` when `org` has no such volunteer off its roster (another center's, or one on it).
pub async fn restore(tx: &DatabaseTransaction, actor: &Actor, org: OrgId, id: VolunteerId) -> Result<bool> {
    let found = volunteer::Entity::find_by_id(id.as_uuid())
        .filter(volunteer::Column::OrganizationId.eq(org.as_uuid()))
        .filter(volunteer::Column::RemovedAt.is_not_null())
        .one(tx)
        .await?;
    let Some(found) = found else { return Ok(false) };
    let mut row: volunteer::ActiveModel = found.into();
    row.removed_at = Set(None);
    row.update(tx).await?;
    let entry = AuditEntry::new(AuditAction::CommunityRecordSave, AuditOutcome::Success).on("volunteer", id.as_uuid());
    audit::append(tx, actor, entry.detail("volunteer_restored")).await?;
    Ok(true)
}

/// `org`'s most recent logged hours (newest first, at most `limit`).
pub async fn recent_hours(db: &impl ConnectionTrait, org: OrgId, limit: u64) -> Result<Vec<HoursEntry>> {
    use sea_orm::QuerySelect;
    let rows = volunteer_hours::Entity::find()
        .filter(volunteer_hours::Column::OrganizationId.eq(org.as_uuid()))
        .order_by_desc(volunteer_hours::Column::WorkedOn)
        .order_by_desc(volunteer_hours::Column::RecordedAt)
        .limit(limit)
        .all(db)
        .await?;
    let names: HashMap<Uuid, String> = volunteer::Entity::find()
        .filter(volunteer::Column::OrganizationId.eq(org.as_uuid()))
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v.name))
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| HoursEntry {
            volunteer: names.get(&r.volunteer_id).cloned().unwrap_or_default(),
            hours: Hours { on: r.worked_on, activity: r.activity, minutes: u32::try_from(r.minutes).unwrap_or(0) },
        })
        .collect())
}

/// Records a designation (by the caller's organization); audited in `tx`.
pub async fn add_designation(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    d: &Designation,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    recovery_friendly::ActiveModel {
        id: Set(id),
        organization_id: Set(org.as_uuid()),
        kind: Set(d.kind.code().to_owned()),
        name: Set(d.name.clone()),
        town: Set(d.town.clone()),
        designated_on: Set(d.designated_on),
        designated_by: Set(d.designated_by.clone()),
        withdrawn_at: Set(None),
        renewal_due_on: Set(None),
        created_at: Set(now),
    }
    .insert(tx)
    .await?;
    let entry = AuditEntry::new(AuditAction::CommunityRecordSave, AuditOutcome::Success).on("recovery_friendly", id);
    audit::append(tx, actor, entry.detail("designation")).await?;
    Ok(id)
}

/// Every designation not withdrawn nor lapsed on `today` (a program's designation past its renewal day, m0039),
/// newest first (the public list).
pub async fn designations(db: &impl ConnectionTrait, today: NaiveDate) -> Result<Vec<DesignationRow>> {
    use sea_orm::Condition;
    let rows = recovery_friendly::Entity::find()
        .filter(recovery_friendly::Column::WithdrawnAt.is_null())
        .filter(
            Condition::any()
                .add(recovery_friendly::Column::RenewalDueOn.is_null())
                .add(recovery_friendly::Column::RenewalDueOn.gte(today)),
        )
        .order_by_desc(recovery_friendly::Column::DesignatedOn)
        .order_by_asc(recovery_friendly::Column::Name)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(DesignationRow {
                id: r.id,
                designation: Designation {
                    kind: DesignationKind::parse(&r.kind)?,
                    name: r.name,
                    town: r.town,
                    designated_on: r.designated_on,
                    designated_by: r.designated_by,
                },
                renewal_due_on: r.renewal_due_on,
            })
        })
        .collect())
}
