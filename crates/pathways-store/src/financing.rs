//! Peer services and their financing (issue 21): payer profiles, funding sources, vouchers, staff credentials,
//! supervision, and service events. The rules are `pathways_domain::financing`; here they are kept.
//!
//! **A voucher is never overdrawn**: signing takes an event's units off the person's voucher by one conditional
//! update, `balance_units = balance_units - :u WHERE id = :id AND balance_units >= :u`, which changes one row or
//! none; both databases serialize updates of one row, so however many signatures race (across processes) the
//! balance reaches zero and stops — and the check constraint would refuse a negative one whatever a bug did.
//! **A signed event is never changed**: every update of an event's content is conditional on `state = 'draft'`;
//! a correction inserts a new version and marks the old one `superseded` (giving its voucher units back).
//!
//! Everything is scoped by organization; a person's events are reached through the caller's `PersonScope`
//! (the web layer's gate), and the portal's list takes the person's own scope.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use pathways_domain::access::PersonScope;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::financing::check::{Checked, Context, EventFacts, PersonDay, Problem, Session};
use pathways_domain::financing::{
    Budget, Credential, Funding, Modifier, PayerProfile, PlaceOfService, ServiceCode, Voucher, age_on,
};
use pathways_domain::{AccountId, OrgId, PersonId};
use sea_orm::sea_query::{Expr, ExprTrait as _};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{
    funding_source, payer_profile, person, service_event, service_event_person, staff_credential, supervision_session,
    voucher,
};

pub mod kept;
pub mod reports;
pub mod setup;
#[cfg(test)]
mod tests;

/// An event's states.
pub const DRAFT: &str = "draft";
pub const SIGNED: &str = "signed";
pub const SUPERSEDED: &str = "superseded";

fn saved(action: AuditAction, entity: &'static str, id: Uuid) -> AuditEntry {
    AuditEntry::new(action, AuditOutcome::Success).on(entity, id)
}

/// Adds a payer profile (the caller has validated it).
pub async fn add_profile(tx: &DatabaseTransaction, actor: &Actor, org: OrgId, p: &PayerProfile) -> Result<Uuid> {
    let id = Uuid::now_v7();
    payer_profile::ActiveModel {
        id: Set(id),
        org_id: Set(org.as_uuid()),
        name: Set(p.name.clone()),
        rules: Set(serde_json::to_value(p).unwrap_or_default()),
        created_at: Set(crate::now()),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, saved(AuditAction::FinancingSave, "payer_profile", id)).await?;
    Ok(id)
}

/// Adds a funding source under a profile of the same organization. `None`: no such profile there.
pub async fn add_funding_source(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    name: &str,
    profile: Uuid,
    funding: &Funding,
) -> Result<Option<Uuid>> {
    if find_profile(tx, org, profile).await?.is_none() {
        return Ok(None);
    }
    let id = Uuid::now_v7();
    funding_source::ActiveModel {
        id: Set(id),
        org_id: Set(org.as_uuid()),
        name: Set(name.to_owned()),
        kind: Set(funding.kind().to_owned()),
        profile_id: Set(profile),
        terms: Set(serde_json::to_value(funding).unwrap_or_default()),
        created_at: Set(crate::now()),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, saved(AuditAction::FinancingSave, "funding_source", id)).await?;
    Ok(Some(id))
}

/// Issues a voucher to a person under a voucher program of the organization. `None`: no such program there.
pub async fn issue_voucher(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    source: Uuid,
    person: PersonId,
    v: &Voucher,
) -> Result<Option<Uuid>> {
    let Some(s) = find_source(tx, org, source).await? else { return Ok(None) };
    if s.kind != "voucher_program" {
        return Ok(None);
    }
    let id = Uuid::now_v7();
    voucher::ActiveModel {
        id: Set(id),
        org_id: Set(org.as_uuid()),
        funding_source_id: Set(source),
        person_id: Set(person.as_uuid()),
        number: Set(v.number.clone()),
        authorized_units: Set(clamp_i32(v.authorized_units)),
        balance_units: Set(clamp_i32(Ord::min(v.balance_units, v.authorized_units))),
        expires_on: Set(v.expires_on),
        created_at: Set(crate::now()),
        withdrawn_at: Set(None),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, AuditEntry::person(AuditAction::FinancingSave, person).on("voucher", id)).await?;
    Ok(Some(id))
}

/// `SUM(col)` as a 64-bit integer on both databases (PostgreSQL sums a `bigint` into a `numeric`).
pub(crate) fn sum_i64(col: service_event::Column) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{Alias, Func};
    Func::cast_as(Func::sum(Expr::col(col)), Alias::new("BIGINT")).into()
}

fn clamp_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn count_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Adds a staff member's credential.
pub async fn add_credential(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    account: AccountId,
    c: &Credential,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    staff_credential::ActiveModel {
        id: Set(id),
        org_id: Set(org.as_uuid()),
        account_id: Set(account.as_uuid()),
        kind: Set(c.kind.clone()),
        number: Set(c.number.clone()),
        issued_on: Set(c.issued_on),
        expires_on: Set(c.expires_on),
        created_at: Set(crate::now()),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, saved(AuditAction::FinancingSave, "staff_credential", id)).await?;
    Ok(id)
}

/// Logs a supervision contact.
#[expect(clippy::too_many_arguments, reason = "one insert of one row's columns")]
pub async fn add_supervision(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    supervisor: AccountId,
    staff: AccountId,
    held_on: NaiveDate,
    minutes: u16,
    topics: &[String],
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    supervision_session::ActiveModel {
        id: Set(id),
        org_id: Set(org.as_uuid()),
        supervisor_account_id: Set(supervisor.as_uuid()),
        staff_account_id: Set(staff.as_uuid()),
        held_on: Set(held_on),
        minutes: Set(i32::from(minutes)),
        topics: Set(serde_json::json!(topics)),
        created_at: Set(crate::now()),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, saved(AuditAction::FinancingSave, "supervision_session", id)).await?;
    Ok(id)
}

async fn find_profile(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<payer_profile::Model>> {
    Ok(payer_profile::Entity::find_by_id(id).filter(payer_profile::Column::OrgId.eq(org.as_uuid())).one(db).await?)
}

async fn find_source(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<funding_source::Model>> {
    Ok(funding_source::Entity::find_by_id(id).filter(funding_source::Column::OrgId.eq(org.as_uuid())).one(db).await?)
}

/// A funding source with its terms and its profile's rules, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: Uuid,
    pub name: String,
    pub funding: Funding,
    pub profile: PayerProfile,
}

/// The organization's funding sources, by name.
pub async fn sources(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<Source>> {
    let rows = funding_source::Entity::find()
        .filter(funding_source::Column::OrgId.eq(org.as_uuid()))
        .order_by_asc(funding_source::Column::Name)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        if let Some(s) = parse_source(db, org, r).await? {
            out.push(s);
        }
    }
    Ok(out)
}

/// One funding source of the organization.
pub async fn source(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<Source>> {
    match find_source(db, org, id).await? {
        Some(r) => parse_source(db, org, r).await,
        None => Ok(None),
    }
}

async fn parse_source(db: &impl ConnectionTrait, org: OrgId, r: funding_source::Model) -> Result<Option<Source>> {
    let Some(p) = find_profile(db, org, r.profile_id).await? else { return Ok(None) };
    // Both documents were written from these types; a row that no longer parses is left out rather than guessed.
    let (Ok(funding), Ok(profile)) =
        (serde_json::from_value::<Funding>(r.terms), serde_json::from_value::<PayerProfile>(p.rules))
    else {
        return Ok(None);
    };
    Ok(Some(Source { id: r.id, name: r.name, funding, profile }))
}

/// A staff member's credentials, newest first.
pub async fn credentials(db: &impl ConnectionTrait, org: OrgId, account: AccountId) -> Result<Vec<Credential>> {
    Ok(staff_credential::Entity::find()
        .filter(staff_credential::Column::OrgId.eq(org.as_uuid()))
        .filter(staff_credential::Column::AccountId.eq(account.as_uuid()))
        .order_by_desc(staff_credential::Column::IssuedOn)
        .all(db)
        .await?
        .into_iter()
        .map(|c| Credential { kind: c.kind, number: c.number, issued_on: c.issued_on, expires_on: c.expires_on })
        .collect())
}

/// Every credential of the organization's staff: (the staff member's account, the credential), soonest expiry
/// first (those that do not expire last).
pub async fn org_credentials(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<(AccountId, Credential)>> {
    let mut out: Vec<(AccountId, Credential)> = staff_credential::Entity::find()
        .filter(staff_credential::Column::OrgId.eq(org.as_uuid()))
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            let credential =
                Credential { kind: c.kind, number: c.number, issued_on: c.issued_on, expires_on: c.expires_on };
            (AccountId::from_uuid(c.account_id), credential)
        })
        .collect();
    out.sort_by_key(|(_, c)| (c.expires_on.is_none(), c.expires_on, c.issued_on));
    Ok(out)
}

/// A staff member's latest supervision contact on or before `on`.
pub async fn last_supervision(
    db: &impl ConnectionTrait,
    org: OrgId,
    staff: AccountId,
    on: NaiveDate,
) -> Result<Option<NaiveDate>> {
    Ok(supervision_session::Entity::find()
        .filter(supervision_session::Column::OrgId.eq(org.as_uuid()))
        .filter(supervision_session::Column::StaffAccountId.eq(staff.as_uuid()))
        .filter(supervision_session::Column::HeldOn.lte(on))
        .order_by_desc(supervision_session::Column::HeldOn)
        .one(db)
        .await?
        .map(|s| s.held_on))
}

/// A service event as recorded (parsed at the edge).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewServiceEvent {
    pub encounter: Option<Uuid>,
    pub staff: AccountId,
    pub persons: Vec<PersonId>,
    pub date: NaiveDate,
    pub starts_at: NaiveTime,
    pub minutes: u16,
    pub code: ServiceCode,
    pub modifiers: Vec<Modifier>,
    pub place: PlaceOfService,
    pub goal: Option<Uuid>,
    pub source: Uuid,
    pub authorization: Option<String>,
    pub diagnosis_on_file: bool,
}

impl NewServiceEvent {
    fn facts(&self, cosigned: bool) -> EventFacts {
        EventFacts {
            date: self.date,
            starts_at: self.starts_at,
            minutes: u32::from(self.minutes),
            code: self.code.clone(),
            modifiers: self.modifiers.clone(),
            authorization: self.authorization.clone(),
            cosigned,
        }
    }
}

fn minute_of(t: NaiveTime) -> i32 {
    use chrono::Timelike as _;
    i32::try_from(t.num_seconds_from_midnight() / 60).unwrap_or(0)
}

fn time_of(minute: i32) -> NaiveTime {
    let m = u32::try_from(minute.clamp(0, 1439)).unwrap_or(0);
    NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap_or_default()
}

/// Runs the domain check of `e` against everything recorded around it (`except`: the event's own id, when
/// re-checking a draft or a correction's predecessor). `None`: the funding source is not the organization's.
pub async fn check_event(
    db: &impl ConnectionTrait,
    org: OrgId,
    e: &NewServiceEvent,
    except: &[Uuid],
    cosigned: bool,
) -> Result<Option<Checked>> {
    let Some(source) = source(db, org, e.source).await? else { return Ok(None) };
    let live = |q: sea_orm::Select<service_event::Entity>| {
        q.filter(service_event::Column::OrgId.eq(org.as_uuid()))
            .filter(service_event::Column::State.ne(SUPERSEDED))
            .filter(service_event::Column::Id.is_not_in(except.iter().copied()))
    };
    let staff_sessions: Vec<Session> = live(service_event::Entity::find())
        .filter(service_event::Column::StaffAccountId.eq(e.staff.as_uuid()))
        .filter(service_event::Column::OccurredOn.eq(e.date))
        .all(db)
        .await?
        .into_iter()
        .map(|s| Session { starts_at: time_of(s.start_minute), minutes: u32::try_from(s.minutes).unwrap_or(0) })
        .collect();
    let credentials = credentials(db, org, e.staff).await?;
    let last_supervision = last_supervision(db, org, e.staff, e.date).await?;
    let budget_used = match &source.funding {
        Funding::Grant { budget, .. } => {
            let rows = live(service_event::Entity::find())
                .filter(service_event::Column::FundingSourceId.eq(source.id))
                .select_only()
                .column_as(sum_i64(service_event::Column::Units), "units")
                .column_as(sum_i64(service_event::Column::Cents), "cents")
                .into_tuple::<(Option<i64>, Option<i64>)>()
                .one(db)
                .await?
                .unwrap_or((None, None));
            let (units, cents) = (Ord::max(rows.0.unwrap_or(0), 0), Ord::max(rows.1.unwrap_or(0), 0));
            match budget {
                Budget::Units(_) => Budget::Units(units.unsigned_abs()),
                Budget::Cents(_) => Budget::Cents(cents.unsigned_abs()),
            }
        }
        _ => Budget::Units(0),
    };
    let mut days = Vec::with_capacity(e.persons.len());
    for p in &e.persons {
        days.push(person_day(db, org, *p, e, &source, except).await?);
    }
    let ctx = Context {
        profile: &source.profile,
        funding: &source.funding,
        budget_used,
        staff_sessions: &staff_sessions,
        credentials: &credentials,
        last_supervision,
    };
    Ok(Some(pathways_domain::financing::check::check(&e.facts(cosigned), &days, &ctx)))
}

async fn person_day(
    db: &impl ConnectionTrait,
    org: OrgId,
    p: PersonId,
    e: &NewServiceEvent,
    source: &Source,
    except: &[Uuid],
) -> Result<PersonDay> {
    let birth = person::Entity::find_by_id(p.as_uuid())
        .filter(person::Column::OrgId.eq(org.as_uuid()))
        .one(db)
        .await?
        .and_then(|r| r.date_of_birth);
    let ids: Vec<Uuid> = service_event_person::Entity::find()
        .filter(service_event_person::Column::PersonId.eq(p.as_uuid()))
        .filter(service_event_person::Column::OccurredOn.eq(e.date))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.event_id)
        .collect();
    let mine = service_event_person::Entity::find()
        .filter(service_event_person::Column::PersonId.eq(p.as_uuid()))
        .filter(service_event_person::Column::EventId.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let events = service_event::Entity::find()
        .filter(service_event::Column::Id.is_in(ids))
        .filter(service_event::Column::OrgId.eq(org.as_uuid()))
        .filter(service_event::Column::State.ne(SUPERSEDED))
        .filter(service_event::Column::Id.is_not_in(except.iter().copied()))
        .all(db)
        .await?;
    let (mut minutes_before, mut units_before, mut other_codes) = (0u32, 0u32, Vec::new());
    for ev in &events {
        if ev.code == e.code.as_str() && ev.funding_source_id == source.id {
            minutes_before += u32::try_from(ev.minutes).unwrap_or(0);
            units_before +=
                mine.iter().find(|m| m.event_id == ev.id).map_or(0, |m| u32::try_from(m.units).unwrap_or(0));
        } else if let Some(c) = ServiceCode::parse(&ev.code) {
            other_codes.push(c);
        }
    }
    let voucher = match source.funding {
        Funding::VoucherProgram => voucher::Entity::find()
            .filter(voucher::Column::FundingSourceId.eq(source.id))
            .filter(voucher::Column::PersonId.eq(p.as_uuid()))
            .order_by_desc(voucher::Column::ExpiresOn)
            .one(db)
            .await?
            .map(|v| Voucher {
                number: v.number,
                authorized_units: u32::try_from(v.authorized_units).unwrap_or(0),
                balance_units: u32::try_from(v.balance_units).unwrap_or(0),
                expires_on: v.expires_on,
                withdrawn: v.withdrawn_at.is_some(),
            }),
        _ => None,
    };
    Ok(PersonDay {
        age: birth.and_then(|b| age_on(b, e.date)),
        has_diagnosis: e.diagnosis_on_file,
        minutes_before,
        units_before,
        other_codes_that_day: other_codes,
        voucher,
    })
}

/// Records a draft event with its check. `None`: the funding source is not the organization's.
pub async fn record(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    e: &NewServiceEvent,
) -> Result<Option<(Uuid, Checked)>> {
    let Some(checked) = check_event(tx, org, e, &[], false).await? else { return Ok(None) };
    let id = insert(tx, org, e, &checked, actor, 1, None, None).await?;
    let mut events = Vec::new();
    for p in &e.persons {
        events.push(AuditEntry::person(AuditAction::ServiceEventRecord, *p).on("service_event", id));
    }
    let pairs: Vec<_> = events.iter().map(|ev| (actor, ev)).collect();
    audit::append_many(tx, &pairs).await?;
    Ok(Some((id, checked)))
}

#[expect(clippy::too_many_arguments, reason = "one insert of one row's columns")]
async fn insert(
    tx: &DatabaseTransaction,
    org: OrgId,
    e: &NewServiceEvent,
    checked: &Checked,
    actor: &Actor,
    version: i32,
    supersedes: Option<Uuid>,
    reason: Option<String>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    service_event::ActiveModel {
        id: Set(id),
        org_id: Set(org.as_uuid()),
        encounter_id: Set(e.encounter),
        staff_account_id: Set(e.staff.as_uuid()),
        occurred_on: Set(e.date),
        start_minute: Set(minute_of(e.starts_at)),
        minutes: Set(i32::from(e.minutes)),
        code: Set(e.code.as_str().to_owned()),
        modifiers: Set(serde_json::json!(e.modifiers)),
        place_of_service: Set(e.place.code()),
        goal_id: Set(e.goal),
        funding_source_id: Set(e.source),
        authorization: Set(e.authorization.clone()),
        diagnosis_on_file: Set(e.diagnosis_on_file),
        units: Set(clamp_i32(checked.total_units)),
        cents: Set(i64::try_from(checked.cents).unwrap_or(i64::MAX)),
        problems: Set(serde_json::to_value(&checked.problems).unwrap_or_default()),
        state: Set(DRAFT.to_owned()),
        signed_by: Set(None),
        signed_at: Set(None),
        cosigned_by: Set(None),
        cosigned_at: Set(None),
        version: Set(version),
        supersedes: Set(supersedes),
        correction_reason: Set(reason),
        created_by: Set(actor.account.map_or(e.staff.as_uuid(), |a| a.as_uuid())),
        created_at: Set(crate::now()),
        problem_count: Set(count_i32(checked.problems.len())),
        person_count: Set(count_i32(e.persons.len())),
    }
    .insert(tx)
    .await?;
    for (p, u) in e.persons.iter().zip(&checked.units) {
        service_event_person::ActiveModel {
            event_id: Set(id),
            person_id: Set(p.as_uuid()),
            org_id: Set(org.as_uuid()),
            occurred_on: Set(e.date),
            units: Set(clamp_i32(u.billable)),
        }
        .insert(tx)
        .await?;
    }
    Ok(id)
}

/// A stored event with its persons.
#[derive(Clone, Debug, PartialEq)]
pub struct EventView {
    pub row: service_event::Model,
    pub persons: Vec<(PersonId, u32)>,
}

impl EventView {
    pub fn problems(&self) -> Vec<Problem> {
        serde_json::from_value(self.row.problems.clone()).unwrap_or_default()
    }
    /// Rebuilds the event's input (for a re-check or a correction).
    pub fn as_new(&self) -> Option<NewServiceEvent> {
        let r = &self.row;
        Some(NewServiceEvent {
            encounter: r.encounter_id,
            staff: AccountId::from_uuid(r.staff_account_id),
            persons: self.persons.iter().map(|(p, _)| *p).collect(),
            date: r.occurred_on,
            starts_at: time_of(r.start_minute),
            minutes: u16::try_from(r.minutes).ok()?,
            code: ServiceCode::parse(&r.code)?,
            modifiers: serde_json::from_value(r.modifiers.clone()).ok()?,
            place: PlaceOfService::parse(&r.place_of_service)?,
            goal: r.goal_id,
            source: r.funding_source_id,
            authorization: r.authorization.clone(),
            diagnosis_on_file: r.diagnosis_on_file,
        })
    }
}

/// One event of the organization. `scope`: when given, only if one of its persons is within it.
pub async fn event(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<EventView>> {
    let Some(row) =
        service_event::Entity::find_by_id(id).filter(service_event::Column::OrgId.eq(org.as_uuid())).one(db).await?
    else {
        return Ok(None);
    };
    let persons = service_event_person::Entity::find()
        .filter(service_event_person::Column::EventId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (PersonId::from_uuid(p.person_id), u32::try_from(p.units).unwrap_or(0)))
        .collect();
    Ok(Some(EventView { row, persons }))
}

/// A person's events (the gate has opened the person within `scope`), newest first; superseded versions left out.
pub async fn person_events(db: &impl ConnectionTrait, scope: &PersonScope, p: PersonId) -> Result<Vec<EventView>> {
    let ids: Vec<Uuid> = service_event_person::Entity::find()
        .filter(service_event_person::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(service_event_person::Column::PersonId.eq(p.as_uuid()))
        .order_by_desc(service_event_person::Column::OccurredOn)
        .limit(500)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.event_id)
        .collect();
    let mut out = Vec::new();
    for id in ids {
        if let Some(v) = event(db, scope.org, id).await?
            && v.row.state != SUPERSEDED
        {
            out.push(v);
        }
    }
    Ok(out)
}

/// Why a signature or a correction was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No such event in the organization.
    NotFound,
    /// Not in the state the action needs (signing a signed event, co-signing a draft, correcting a draft …).
    WrongState,
    /// Only the event's staff member signs it; a co-signer is someone else.
    NotYours,
    /// A person's voucher has fewer units left than the event takes.
    VoucherExhausted,
}

/// Signs a draft: the staff member attests it. Voucher units are taken now. On `Err`, the caller rolls `tx` back
/// (a voucher may have been debited for an earlier person of a group) and records the refusal.
pub async fn sign(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    by: AccountId,
    now: DateTime<Utc>,
) -> Result<std::result::Result<EventView, Refusal>> {
    let Some(v) = event(tx, org, id).await? else { return Ok(Err(Refusal::NotFound)) };
    if v.row.staff_account_id != by.as_uuid() {
        return Ok(Err(Refusal::NotYours));
    }
    let changed = service_event::Entity::update_many()
        .col_expr(service_event::Column::State, Expr::value(SIGNED))
        .col_expr(service_event::Column::SignedBy, Expr::value(by.as_uuid()))
        .col_expr(service_event::Column::SignedAt, Expr::value(now))
        .filter(service_event::Column::Id.eq(id))
        .filter(service_event::Column::State.eq(DRAFT))
        .exec(tx)
        .await?
        .rows_affected;
    if changed != 1 {
        return Ok(Err(Refusal::WrongState));
    }
    let source = source(tx, org, v.row.funding_source_id).await?;
    if matches!(source.map(|s| s.funding), Some(Funding::VoucherProgram)) {
        for (p, units) in &v.persons {
            if !debit_voucher(tx, v.row.funding_source_id, *p, *units).await? {
                return Ok(Err(Refusal::VoucherExhausted));
            }
        }
    }
    // The month's line counts the event now (read after the update: the signed row this transaction holds).
    let Some(signed) = event(tx, org, id).await? else { return Ok(Err(Refusal::NotFound)) };
    kept::apply(tx, None, Some(&signed.row)).await?;
    let mut events = Vec::new();
    for (p, _) in &v.persons {
        events.push(AuditEntry::person(AuditAction::ServiceEventSign, *p).on("service_event", id));
    }
    let pairs: Vec<_> = events.iter().map(|ev| (actor, ev)).collect();
    audit::append_many(tx, &pairs).await?;
    Ok(Ok(signed))
}

/// Takes `units` off the person's voucher under `source`, only if that many are left. `false`: none taken.
pub async fn debit_voucher(tx: &DatabaseTransaction, source: Uuid, p: PersonId, units: u32) -> Result<bool> {
    let units = clamp_i32(units);
    Ok(voucher::Entity::update_many()
        .col_expr(voucher::Column::BalanceUnits, Expr::col(voucher::Column::BalanceUnits).sub(units))
        .filter(voucher::Column::FundingSourceId.eq(source))
        .filter(voucher::Column::PersonId.eq(p.as_uuid()))
        .filter(voucher::Column::BalanceUnits.gte(units))
        // A withdrawn voucher takes no new service (m0041): signing against it is refused as when it runs out.
        .filter(voucher::Column::WithdrawnAt.is_null())
        .exec(tx)
        .await?
        .rows_affected
        >= 1)
}

async fn credit_voucher(tx: &DatabaseTransaction, source: Uuid, p: PersonId, units: u32) -> Result<()> {
    let units = clamp_i32(units);
    voucher::Entity::update_many()
        .col_expr(voucher::Column::BalanceUnits, Expr::col(voucher::Column::BalanceUnits).add(units))
        .filter(voucher::Column::FundingSourceId.eq(source))
        .filter(voucher::Column::PersonId.eq(p.as_uuid()))
        .filter(Expr::col(voucher::Column::BalanceUnits).add(units).lte(Expr::col(voucher::Column::AuthorizedUnits)))
        .exec(tx)
        .await?;
    Ok(())
}

/// A supervisor's co-signature on a signed event (not their own). The co-signature is an attestation added to
/// the signed content, which does not change; the stored problems drop "co-signature missing".
pub async fn cosign(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    by: AccountId,
    now: DateTime<Utc>,
) -> Result<std::result::Result<EventView, Refusal>> {
    let Some(v) = event(tx, org, id).await? else { return Ok(Err(Refusal::NotFound)) };
    if v.row.staff_account_id == by.as_uuid() {
        return Ok(Err(Refusal::NotYours));
    }
    let problems: Vec<Problem> = v.problems().into_iter().filter(|p| !p.waits_for_cosignature()).collect();
    let changed = service_event::Entity::update_many()
        .col_expr(service_event::Column::CosignedBy, Expr::value(by.as_uuid()))
        .col_expr(service_event::Column::CosignedAt, Expr::value(now))
        .col_expr(service_event::Column::Problems, Expr::value(serde_json::to_value(&problems).unwrap_or_default()))
        .col_expr(service_event::Column::ProblemCount, Expr::value(count_i32(problems.len())))
        .filter(service_event::Column::Id.eq(id))
        .filter(service_event::Column::State.eq(SIGNED))
        .filter(service_event::Column::CosignedBy.is_null())
        .exec(tx)
        .await?
        .rows_affected;
    if changed != 1 {
        return Ok(Err(Refusal::WrongState));
    }
    // The lines move from waiting to ready when the co-signature cleared the last problem. `v` is the row as it
    // counted: only a co-signature changes a signed event's problems, and the update above took the only one.
    let Some(cosigned) = event(tx, org, id).await? else { return Ok(Err(Refusal::NotFound)) };
    kept::apply(tx, Some(&v.row), Some(&cosigned.row)).await?;
    let mut events = Vec::new();
    for (p, _) in &v.persons {
        events.push(AuditEntry::person(AuditAction::ServiceEventCosign, *p).on("service_event", id));
    }
    let pairs: Vec<_> = events.iter().map(|ev| (actor, ev)).collect();
    audit::append_many(tx, &pairs).await?;
    Ok(Ok(cosigned))
}

/// Corrects a signed event: a new draft version (`version + 1`) with the reason; the old one is superseded and
/// its voucher units given back (the new version takes its own when signed).
pub async fn correct(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Uuid,
    e: &NewServiceEvent,
    reason: &str,
) -> Result<std::result::Result<(Uuid, Checked), Refusal>> {
    let Some(old) = event(tx, org, id).await? else { return Ok(Err(Refusal::NotFound)) };
    let changed = service_event::Entity::update_many()
        .col_expr(service_event::Column::State, Expr::value(SUPERSEDED))
        .filter(service_event::Column::Id.eq(id))
        .filter(service_event::Column::State.eq(SIGNED))
        .exec(tx)
        .await?
        .rows_affected;
    if changed != 1 {
        return Ok(Err(Refusal::WrongState));
    }
    // The superseded version no longer counts in its month's line; read again after the update, so the counts
    // taken off are the row's as this transaction holds it (a co-signature may have committed since `old`).
    let Some(superseded) = event(tx, org, id).await? else { return Ok(Err(Refusal::NotFound)) };
    kept::apply(tx, Some(&superseded.row), None).await?;
    if matches!(source(tx, org, old.row.funding_source_id).await?.map(|s| s.funding), Some(Funding::VoucherProgram)) {
        for (p, units) in &old.persons {
            credit_voucher(tx, old.row.funding_source_id, *p, *units).await?;
        }
    }
    let Some(checked) = check_event(tx, org, e, &[id], false).await? else { return Ok(Err(Refusal::NotFound)) };
    let new_id = insert(tx, org, e, &checked, actor, old.row.version + 1, Some(id), Some(reason.to_owned())).await?;
    let mut events = Vec::new();
    for p in old.persons.iter().map(|(p, _)| *p).chain(e.persons.iter().copied()) {
        events.push(
            AuditEntry::person(AuditAction::ServiceEventCorrect, p)
                .on("service_event", new_id)
                .detail(format!("supersedes={id}")),
        );
    }
    let pairs: Vec<_> = events.iter().map(|ev| (actor, ev)).collect();
    audit::append_many(tx, &pairs).await?;
    Ok(Ok((new_id, checked)))
}

/// A person's voucher balances (for the record and the portal).
pub async fn vouchers(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<voucher::Model>> {
    Ok(voucher::Entity::find()
        .filter(voucher::Column::OrgId.eq(org.as_uuid()))
        .order_by_asc(voucher::Column::ExpiresOn)
        .all(db)
        .await?)
}
