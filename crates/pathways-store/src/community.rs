//! Recovery community (issue 20): a center's groups and events, its kiosks and the visits signed in there. The
//! rules are `pathways_domain::community`; here they are kept.
//!
//! None of this is a person's record: a gathering is public, a visit names no one (a first name or initials).
//! Every finder over a center's own rows takes its organization: another center's gathering or kiosk is not
//! found.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use pathways_domain::OrgId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::community::kiosk::{Reason, SignIn};
use pathways_domain::community::{Audience, EventDetails, Kind, Language, Repeat, Schedule};
use pathways_domain::org::OrgKind;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{community_event, kiosk, kiosk_visit, organization};

/// A gathering as pages, feeds and the finder see it.
#[derive(Clone, Debug, PartialEq)]
pub struct Gathering {
    pub id: Uuid,
    pub organization: OrgId,
    pub details: EventDetails,
    pub time_zone: Tz,
    pub cancelled: bool,
}

/// A recovery community center, as the public calendar names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Center {
    pub id: OrgId,
    pub slug: String,
    pub name: String,
    /// The region (or county) the center is recorded in, when it is (the calendar's filter).
    pub region: Option<String>,
}

fn gathering(m: community_event::Model) -> Gathering {
    let tz: Tz = m.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let start_day = chrono::Datelike::weekday(&m.starts_local);
    Gathering {
        id: m.id,
        organization: OrgId::from_uuid(m.organization_id),
        details: EventDetails {
            kind: Kind::parse(&m.kind).unwrap_or(Kind::Group),
            title: m.title,
            description: m.description,
            schedule: Schedule {
                starts: m.starts_local,
                duration_minutes: u32::try_from(m.duration_minutes).unwrap_or(60),
                repeat: Repeat::from_codes(&m.repeat, &m.days, start_day),
                until: m.until,
            },
            place: m.place,
            online_url: m.online_url,
            language: Language::parse(&m.language).unwrap_or(Language::English),
            audience: Audience::parse(&m.audience).unwrap_or(Audience::Everyone),
        },
        time_zone: tz,
        cancelled: m.cancelled,
    }
}

fn minutes(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Adds a center's gathering, in the center's zone; audited in `tx`.
pub async fn create(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    d: &EventDetails,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let s = &d.schedule;
    community_event::ActiveModel {
        id: Set(id),
        organization_id: Set(org.as_uuid()),
        kind: Set(d.kind.code().to_owned()),
        title: Set(d.title.clone()),
        description: Set(d.description.clone()),
        starts_local: Set(s.starts),
        time_zone: Set(tz.name().to_owned()),
        duration_minutes: Set(minutes(s.duration_minutes)),
        repeat: Set(s.repeat.code().to_owned()),
        days: Set(s.repeat.days_code()),
        until: Set(s.until),
        first_start_at: Set(pathways_domain::community::recurrence::to_utc(tz, s.starts)),
        last_end_at: Set(s.last_end(tz)),
        place: Set(d.place.clone()),
        online_url: Set(d.online_url.clone()),
        language: Set(d.language.code().to_owned()),
        audience: Set(d.audience.code().to_owned()),
        cancelled: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(tx)
    .await?;
    let entry = AuditEntry::new(AuditAction::CommunityEventSave, AuditOutcome::Success).on("community_event", id);
    audit::append(tx, actor, entry.detail("created")).await?;
    Ok(id)
}

/// Changes a center's own gathering (or cancels it); `false` when `org` has no such gathering.
#[expect(clippy::too_many_arguments, reason = "one change, its scope, its zone and its time")]
pub async fn update(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    d: &EventDetails,
    cancelled: bool,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<bool> {
    let s = &d.schedule;
    let q = community_event::Entity::update_many()
        .col_expr(community_event::Column::Kind, Expr::value(d.kind.code()))
        .col_expr(community_event::Column::Title, Expr::value(d.title.clone()))
        .col_expr(community_event::Column::Description, Expr::value(d.description.clone()))
        .col_expr(community_event::Column::StartsLocal, Expr::value(s.starts))
        .col_expr(community_event::Column::TimeZone, Expr::value(tz.name()))
        .col_expr(community_event::Column::DurationMinutes, Expr::value(minutes(s.duration_minutes)))
        .col_expr(community_event::Column::Repeat, Expr::value(s.repeat.code()))
        .col_expr(community_event::Column::Days, Expr::value(s.repeat.days_code()))
        .col_expr(community_event::Column::Until, Expr::value(s.until))
        .col_expr(
            community_event::Column::FirstStartAt,
            Expr::value(pathways_domain::community::recurrence::to_utc(tz, s.starts)),
        )
        .col_expr(community_event::Column::LastEndAt, Expr::value(s.last_end(tz)))
        .col_expr(community_event::Column::Place, Expr::value(d.place.clone()))
        .col_expr(community_event::Column::OnlineUrl, Expr::value(d.online_url.clone()))
        .col_expr(community_event::Column::Language, Expr::value(d.language.code()))
        .col_expr(community_event::Column::Audience, Expr::value(d.audience.code()))
        .col_expr(community_event::Column::Cancelled, Expr::value(cancelled))
        .col_expr(community_event::Column::UpdatedAt, Expr::value(now))
        .filter(community_event::Column::Id.eq(id))
        .filter(community_event::Column::OrganizationId.eq(org.as_uuid()));
    if q.exec(tx).await?.rows_affected == 0 {
        return Ok(false);
    }
    let entry = AuditEntry::new(AuditAction::CommunityEventSave, AuditOutcome::Success).on("community_event", id);
    audit::append(tx, actor, entry.detail(if cancelled { "cancelled" } else { "updated" })).await?;
    Ok(true)
}

/// A center's own gathering.
pub async fn find(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<Gathering>> {
    Ok(community_event::Entity::find_by_id(id)
        .filter(community_event::Column::OrganizationId.eq(org.as_uuid()))
        .one(db)
        .await?
        .map(gathering))
}

/// A center's gatherings, cancelled ones included, by first start.
pub async fn of_org(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<Gathering>> {
    Ok(community_event::Entity::find()
        .filter(community_event::Column::OrganizationId.eq(org.as_uuid()))
        .order_by_asc(community_event::Column::FirstStartAt)
        .all(db)
        .await?
        .into_iter()
        .map(gathering)
        .collect())
}

/// The gatherings that may happen in `[from, to)` (not cancelled, begun before `to`, not over before `from`),
/// of one center or of all. Which occurrences fall in the window is the domain's expansion.
pub async fn in_window(
    db: &impl ConnectionTrait,
    org: Option<OrgId>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Gathering>> {
    let mut q = community_event::Entity::find()
        .filter(community_event::Column::Cancelled.eq(false))
        .filter(community_event::Column::FirstStartAt.lt(to))
        .filter(
            Condition::any()
                .add(community_event::Column::LastEndAt.is_null())
                .add(community_event::Column::LastEndAt.gt(from)),
        );
    if let Some(org) = org {
        q = q.filter(community_event::Column::OrganizationId.eq(org.as_uuid()));
    }
    Ok(q.all(db).await?.into_iter().map(gathering).collect())
}

/// What the calendar's snapshot compares to know whether any gathering changed since it last read them: how many
/// there are and the latest change (gatherings are never deleted, and every save sets `updated_at`).
pub async fn fingerprint(db: &impl ConnectionTrait) -> Result<(u64, Option<DateTime<Utc>>)> {
    use sea_orm::PaginatorTrait as _;
    let n = community_event::Entity::find().count(db).await?;
    let latest = community_event::Entity::find()
        .order_by_desc(community_event::Column::UpdatedAt)
        .one(db)
        .await?
        .map(|m| m.updated_at);
    Ok((n, latest))
}

/// Every gathering that is not cancelled and not over before `from`, each with when it last changed (the
/// calendar's snapshot keeps an expansion while its gathering is unchanged).
pub async fn upcoming(db: &impl ConnectionTrait, from: DateTime<Utc>) -> Result<Vec<(Gathering, DateTime<Utc>)>> {
    Ok(community_event::Entity::find()
        .filter(community_event::Column::Cancelled.eq(false))
        .filter(
            Condition::any()
                .add(community_event::Column::LastEndAt.is_null())
                .add(community_event::Column::LastEndAt.gt(from)),
        )
        .order_by_asc(community_event::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            let changed = m.updated_at;
            (gathering(m), changed)
        })
        .collect())
}

/// The recovery community centers, by name.
pub async fn centers(db: &impl ConnectionTrait) -> Result<Vec<Center>> {
    Ok(organization::Entity::find()
        .filter(organization::Column::Kind.eq(OrgKind::RecoveryCommunityCenter.as_str()))
        .order_by_asc(organization::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|o| Center { id: OrgId::from_uuid(o.id), slug: o.slug, name: o.name, region: o.region })
        .collect())
}

/// The centers by id (for naming a gathering's center on the network calendar).
pub async fn centers_by_id(db: &impl ConnectionTrait) -> Result<HashMap<OrgId, Center>> {
    Ok(centers(db).await?.into_iter().map(|c| (c.id, c)).collect())
}

/// A kiosk as its tablet is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KioskRef {
    pub id: Uuid,
    pub organization: OrgId,
    /// The staff member who opened it (the actor of a known person's sign-in there, with the role `kiosk`).
    pub opened_by: pathways_domain::AccountId,
}

/// Opens a kiosk for `org`, known by the hash of its tablet's token; audited.
pub async fn open_kiosk(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let opened_by = actor.account.map(|a| a.as_uuid()).unwrap_or_default();
    kiosk::ActiveModel {
        id: Set(id),
        organization_id: Set(org.as_uuid()),
        token_hash: Set(token_hash.to_owned()),
        opened_by_account_id: Set(opened_by),
        opened_at: Set(now),
        closed_at: Set(None),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, AuditEntry::new(AuditAction::KioskOpen, AuditOutcome::Success).on("kiosk", id)).await?;
    Ok(id)
}

/// The open kiosk a token's hash names.
pub async fn kiosk_by_token(db: &impl ConnectionTrait, token_hash: &str) -> Result<Option<KioskRef>> {
    Ok(kiosk::Entity::find()
        .filter(kiosk::Column::TokenHash.eq(token_hash))
        .filter(kiosk::Column::ClosedAt.is_null())
        .one(db)
        .await?
        .map(|k| KioskRef {
            id: k.id,
            organization: OrgId::from_uuid(k.organization_id),
            opened_by: pathways_domain::AccountId::from_uuid(k.opened_by_account_id),
        }))
}

/// A center's open kiosks: (id, opened at).
pub async fn open_kiosks(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<(Uuid, DateTime<Utc>)>> {
    Ok(kiosk::Entity::find()
        .filter(kiosk::Column::OrganizationId.eq(org.as_uuid()))
        .filter(kiosk::Column::ClosedAt.is_null())
        .order_by_asc(kiosk::Column::OpenedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|k| (k.id, k.opened_at))
        .collect())
}

/// Closes a center's own kiosk; `false` when `org` has no such open kiosk.
pub async fn close_kiosk(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<bool> {
    let done = kiosk::Entity::update_many()
        .col_expr(kiosk::Column::ClosedAt, Expr::value(Some(now)))
        .filter(kiosk::Column::Id.eq(id))
        .filter(kiosk::Column::OrganizationId.eq(org.as_uuid()))
        .filter(kiosk::Column::ClosedAt.is_null())
        .exec(tx)
        .await?
        .rows_affected
        > 0;
    if done {
        let entry = AuditEntry::new(AuditAction::KioskClose, AuditOutcome::Success).on("kiosk", id);
        audit::append(tx, actor, entry).await?;
    }
    Ok(done)
}

/// Who a kiosk visit names: what was typed at the tablet (a first name or initials, a ZIP code), or a known person
/// by the link (never by a name typed).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Visitor<'a> {
    Typed { name: &'a str, zip: Option<&'a str> },
    Known(pathways_domain::PersonId),
}

/// Inserts one visit at a kiosk, unless the tablet already sent it (same `client_ref`): then `false`, nothing
/// written. The anonymous sign-in and a known person's share it; each writes its own audit event.
pub(crate) async fn insert_visit(
    db: &impl ConnectionTrait,
    kiosk: KioskRef,
    visitor: Visitor<'_>,
    reason: Reason,
    event: Option<Uuid>,
    client_ref: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool> {
    if let Some(r) = client_ref {
        let seen = kiosk_visit::Entity::find()
            .filter(kiosk_visit::Column::KioskId.eq(kiosk.id))
            .filter(kiosk_visit::Column::ClientRef.eq(r))
            .one(db)
            .await?;
        if seen.is_some() {
            return Ok(false);
        }
    }
    let (name, zip, person) = match visitor {
        Visitor::Typed { name, zip } => (name.to_owned(), zip.map(str::to_owned), None),
        Visitor::Known(p) => (String::new(), None, Some(p.as_uuid())),
    };
    kiosk_visit::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(kiosk.organization.as_uuid()),
        kiosk_id: Set(kiosk.id),
        event_id: Set(event),
        name: Set(name),
        zip: Set(zip),
        reason: Set(reason.code().to_owned()),
        visited_at: Set(at),
        client_ref: Set(client_ref.map(str::to_owned)),
        person_id: Set(person),
    }
    .insert(db)
    .await?;
    Ok(true)
}

/// Records a visit at a kiosk. A sign-in the tablet already sent (same `client_ref`) is not counted again:
/// `false`.
pub async fn record_visit(
    tx: &DatabaseTransaction,
    actor: &Actor,
    kiosk: KioskRef,
    s: &SignIn,
    event: Option<Uuid>,
    client_ref: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool> {
    let visitor = Visitor::Typed { name: &s.name, zip: s.zip.as_deref() };
    if !insert_visit(tx, kiosk, visitor, s.reason, event, client_ref, at).await? {
        return Ok(false);
    }
    let entry = AuditEntry::new(AuditAction::KioskSignIn, AuditOutcome::Success).on("kiosk", kiosk.id);
    audit::append(tx, actor, entry).await?;
    Ok(true)
}

/// A center's visits in `[from, to)`: (reason, the group named).
pub async fn visits(
    db: &impl ConnectionTrait,
    org: OrgId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(Reason, Option<Uuid>)>> {
    Ok(kiosk_visit::Entity::find()
        .filter(kiosk_visit::Column::OrganizationId.eq(org.as_uuid()))
        .filter(kiosk_visit::Column::VisitedAt.gte(from))
        .filter(kiosk_visit::Column::VisitedAt.lt(to))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|v| Some((Reason::parse(&v.reason)?, v.event_id)))
        .collect())
}
