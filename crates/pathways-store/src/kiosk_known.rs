//! The quick sign-in of a person already known at a center's kiosk (issue 20, m0043): their check-in code (only
//! its hash), and their visits. Every finder over a person's code or visits takes their `PersonScope` (the gate
//! found them first); the kiosk finds a person only by a code's hash within its own organization.

use chrono::{DateTime, Utc};
use pathways_domain::access::PersonScope;
use pathways_domain::community::kiosk::Reason;
use pathways_domain::community::kiosk_code::CodeStanding;
use pathways_domain::{AccountId, OrgId, PersonId};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::Result;
use crate::community::KioskRef;
use crate::entities::{community_event, kiosk_code, kiosk_visit};

/// A person's code as their record shows it: where they stand, and when that was last changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeState {
    pub standing: CodeStanding,
    pub changed_at: Option<DateTime<Utc>>,
}

/// Where a person in `scope` stands with a kiosk code.
pub async fn code_state(db: &impl ConnectionTrait, scope: &PersonScope, person: PersonId) -> Result<CodeState> {
    let row = kiosk_code::Entity::find_by_id(person.as_uuid())
        .filter(kiosk_code::Column::OrganizationId.eq(scope.org.as_uuid()))
        .one(db)
        .await?;
    Ok(match row {
        Some(r) => {
            CodeState { standing: CodeStanding::of(r.code_hash.is_some(), r.declined), changed_at: Some(r.changed_at) }
        }
        None => CodeState { standing: CodeStanding::None, changed_at: None },
    })
}

/// Keeps a person's code state: a new code's hash (replacing any before it: the old code stops working), or none
/// (`declined`: the person does not want one). The person was found in `scope` by the gate.
pub async fn set_code(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    code_hash: Option<&str>,
    declined: bool,
    by: Option<AccountId>,
    now: DateTime<Utc>,
) -> Result<()> {
    use kiosk_code::Column as C;
    let row = kiosk_code::ActiveModel {
        person_id: Set(person.as_uuid()),
        organization_id: Set(scope.org.as_uuid()),
        code_hash: Set(code_hash.map(str::to_owned)),
        declined: Set(declined && code_hash.is_none()),
        issued_by_account_id: Set(by.map(|a| a.as_uuid())),
        changed_at: Set(now),
    };
    kiosk_code::Entity::insert(row)
        .on_conflict(
            OnConflict::column(C::PersonId)
                .update_columns([C::CodeHash, C::Declined, C::IssuedByAccountId, C::ChangedAt])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The person of `org` whose code has this hash, if any (a removed or replaced code names no one).
pub async fn person_by_code(db: &impl ConnectionTrait, org: OrgId, code_hash: &str) -> Result<Option<PersonId>> {
    Ok(kiosk_code::Entity::find()
        .filter(kiosk_code::Column::CodeHash.eq(code_hash))
        .filter(kiosk_code::Column::OrganizationId.eq(org.as_uuid()))
        .one(db)
        .await?
        .map(|r| PersonId::from_uuid(r.person_id)))
}

/// Records a known person's visit at a kiosk, linked to them. A sign-in the tablet already sent (same
/// `client_ref`) is not counted again: `false`. The caller (the gate) wrote its audit event on the person.
pub async fn record_visit(
    db: &impl ConnectionTrait,
    kiosk: KioskRef,
    person: PersonId,
    reason: Reason,
    event: Option<Uuid>,
    client_ref: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool> {
    // The person is named by the link, never by a name typed at the tablet.
    crate::community::insert_visit(db, kiosk, crate::community::Visitor::Known(person), reason, event, client_ref, at)
        .await
}

/// One of a person's kiosk visits, as their record lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownVisit {
    pub visited_at: DateTime<Utc>,
    pub reason: Reason,
    /// The group they named, by its title.
    pub group: Option<String>,
}

/// A person's latest `limit` kiosk visits at their organization, newest first, and how many there are in all.
pub async fn visits_of(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    limit: u64,
) -> Result<(Vec<KnownVisit>, u64)> {
    use sea_orm::PaginatorTrait as _;
    let base = kiosk_visit::Entity::find()
        .filter(kiosk_visit::Column::PersonId.eq(person.as_uuid()))
        .filter(kiosk_visit::Column::OrganizationId.eq(scope.org.as_uuid()));
    let total = base.clone().count(db).await?;
    let rows = base.order_by_desc(kiosk_visit::Column::VisitedAt).limit(limit).all(db).await?;
    let events: Vec<Uuid> = rows.iter().filter_map(|v| v.event_id).collect();
    let titles: std::collections::HashMap<Uuid, String> = if events.is_empty() {
        Default::default()
    } else {
        community_event::Entity::find()
            .filter(community_event::Column::Id.is_in(events))
            .filter(community_event::Column::OrganizationId.eq(scope.org.as_uuid()))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e.title))
            .collect()
    };
    let visits = rows
        .into_iter()
        .filter_map(|v| {
            Some(KnownVisit {
                visited_at: v.visited_at,
                reason: Reason::parse(&v.reason)?,
                group: v.event_id.and_then(|e| titles.get(&e).cloned()),
            })
        })
        .collect();
    Ok((visits, total))
}

/// The center's front desk: the kiosk row under which its staff's sign-ins from the attendance page are kept
/// (issue 20, branch `kiosk-staff`). A visit needs a kiosk (`kiosk_visit.kiosk_id`), and a visit's `client_ref` is
/// unique per kiosk, which is what makes a double tap count once (`community::desk::once_a_day`). One row per
/// organization, made the first time: its token hash is `desk:<organization>` (unique), which no tablet's cookie
/// can match (a tablet's is a SHA-256 in hex), and it is closed from the start, so it never takes a tablet's
/// sign-in (`community::kiosk_by_token`) nor shows among the open kiosks. `by` is who made it (the first staff
/// member to sign someone in); each sign-in's audit event names its own staff member.
pub async fn front_desk(db: &impl ConnectionTrait, org: OrgId, by: AccountId, now: DateTime<Utc>) -> Result<KioskRef> {
    use crate::entities::kiosk;
    let token_hash = format!("desk:{org}");
    let row = kiosk::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(org.as_uuid()),
        token_hash: Set(token_hash.clone()),
        opened_by_account_id: Set(by.as_uuid()),
        opened_at: Set(now),
        closed_at: Set(Some(now)),
    };
    kiosk::Entity::insert(row)
        .on_conflict(OnConflict::column(kiosk::Column::TokenHash).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    let desk = kiosk::Entity::find()
        .filter(kiosk::Column::TokenHash.eq(token_hash))
        .filter(kiosk::Column::OrganizationId.eq(org.as_uuid()))
        .one(db)
        .await?
        .ok_or_else(|| sea_orm::DbErr::RecordNotFound("the center's front desk".into()))?;
    Ok(KioskRef { id: desk.id, organization: org, opened_by: AccountId::from_uuid(desk.opened_by_account_id) })
}

/// Whether a person in `scope` has a visit in `[from, to)` for this reason and group (`event`), at any of the
/// organization's kiosks or its front desk: a staff member's sign-in after it is not counted again.
pub async fn visited(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    reason: Reason,
    event: Option<Uuid>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<bool> {
    use sea_orm::PaginatorTrait as _;
    let mut q = kiosk_visit::Entity::find()
        .filter(kiosk_visit::Column::OrganizationId.eq(scope.org.as_uuid()))
        .filter(kiosk_visit::Column::PersonId.eq(person.as_uuid()))
        .filter(kiosk_visit::Column::Reason.eq(reason.code()))
        .filter(kiosk_visit::Column::VisitedAt.gte(from))
        .filter(kiosk_visit::Column::VisitedAt.lt(to));
    q = match event {
        Some(e) => q.filter(kiosk_visit::Column::EventId.eq(e)),
        None => q.filter(kiosk_visit::Column::EventId.is_null()),
    };
    Ok(q.count(db).await? > 0)
}

/// Which of `persons` (found in `scope`) have a visit in `[from, to)`: (person, reason, group) — what the attendance
/// page marks as already signed in today.
pub async fn visits_between(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    persons: &[PersonId],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(PersonId, Reason, Option<Uuid>)>> {
    if persons.is_empty() {
        return Ok(Vec::new());
    }
    Ok(kiosk_visit::Entity::find()
        .filter(kiosk_visit::Column::OrganizationId.eq(scope.org.as_uuid()))
        .filter(kiosk_visit::Column::PersonId.is_in(persons.iter().map(|p| p.as_uuid())))
        .filter(kiosk_visit::Column::VisitedAt.gte(from))
        .filter(kiosk_visit::Column::VisitedAt.lt(to))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|v| Some((PersonId::from_uuid(v.person_id?), Reason::parse(&v.reason)?, v.event_id)))
        .collect())
}
