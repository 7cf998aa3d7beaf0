//! Naloxone and trainings at a recovery community center (issue 20; migration m0031): trainings held and the
//! day's kits given out and reversals reported. Counts only, no person. A center's rows are found through its
//! organization; the state's aggregate reads the rows of the organizations in its network.

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::OrgId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::community::naloxone::{NaloxoneReport, Training, TrainingKind};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{community_training, naloxone_report};

/// A training as kept, with its center.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainingRow {
    pub id: Uuid,
    pub organization: OrgId,
    pub training: Training,
}

/// A day's naloxone figures as kept, with its center.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRow {
    pub id: Uuid,
    pub organization: OrgId,
    pub report: NaloxoneReport,
}

fn count(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn uncount(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

fn training_row(m: community_training::Model) -> Option<TrainingRow> {
    Some(TrainingRow {
        id: m.id,
        organization: OrgId::from_uuid(m.organization_id),
        training: Training {
            kind: TrainingKind::parse(&m.kind)?,
            held_on: m.held_on,
            attendees: uncount(m.attendees),
            place: m.place,
        },
    })
}

fn report_row(m: naloxone_report::Model) -> ReportRow {
    ReportRow {
        id: m.id,
        organization: OrgId::from_uuid(m.organization_id),
        report: NaloxoneReport { on: m.reported_on, kits: uncount(m.kits), reversals: uncount(m.reversals) },
    }
}

/// Records a training `org` held; audited in `tx` (the event names the row, never a person).
pub async fn record_training(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    t: &Training,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    community_training::ActiveModel {
        id: Set(id),
        organization_id: Set(org.as_uuid()),
        kind: Set(t.kind.code().to_owned()),
        held_on: Set(t.held_on),
        attendees: Set(count(t.attendees)),
        place: Set(t.place.clone()),
        recorded_at: Set(now),
    }
    .insert(tx)
    .await?;
    let entry = AuditEntry::new(AuditAction::CommunityRecordSave, AuditOutcome::Success).on("community_training", id);
    audit::append(tx, actor, entry.detail("training")).await?;
    Ok(id)
}

/// Records a day's kits and reversals at `org`; audited in `tx`.
pub async fn record_report(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    r: &NaloxoneReport,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    naloxone_report::ActiveModel {
        id: Set(id),
        organization_id: Set(org.as_uuid()),
        reported_on: Set(r.on),
        kits: Set(count(r.kits)),
        reversals: Set(count(r.reversals)),
        recorded_at: Set(now),
    }
    .insert(tx)
    .await?;
    let entry = AuditEntry::new(AuditAction::CommunityRecordSave, AuditOutcome::Success).on("naloxone_report", id);
    audit::append(tx, actor, entry.detail("naloxone")).await?;
    Ok(id)
}

/// The trainings of `orgs` held in `[from, to)`, newest first.
pub async fn trainings(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<TrainingRow>> {
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    let rows = community_training::Entity::find()
        .filter(community_training::Column::OrganizationId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .filter(community_training::Column::HeldOn.gte(from))
        .filter(community_training::Column::HeldOn.lt(to))
        .order_by_desc(community_training::Column::HeldOn)
        .order_by_desc(community_training::Column::RecordedAt)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(training_row).collect())
}

/// The naloxone reports of `orgs` dated in `[from, to)`, newest first.
pub async fn reports(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ReportRow>> {
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    let rows = naloxone_report::Entity::find()
        .filter(naloxone_report::Column::OrganizationId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .filter(naloxone_report::Column::ReportedOn.gte(from))
        .filter(naloxone_report::Column::ReportedOn.lt(to))
        .order_by_desc(naloxone_report::Column::ReportedOn)
        .order_by_desc(naloxone_report::Column::RecordedAt)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(report_row).collect())
}
