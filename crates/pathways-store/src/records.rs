//! A person's recovery records: BARC-10 assessments, self check-ins, encounters and attention items. Every
//! query is narrowed to the caller's organization and a person the caller's gate has already opened.

use chrono::{DateTime, Utc};
use pathways_domain::access::PersonScope;
use pathways_domain::barc10::Barc10Answers;
use pathways_domain::checkin::Checkin;
use pathways_domain::encounter::Encounter;
use pathways_domain::{AccountId, PersonId};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::entities::{assessment, attention_item, checkin, encounter};
use crate::{Result, now};

pub async fn add_assessment(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    answers: &Barc10Answers,
    by: AccountId,
    by_kind: &str,
    at: DateTime<Utc>,
) -> Result<assessment::Model> {
    let saved = assessment::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        instrument: Set("barc10".into()),
        answers: Set(serde_json::json!(answers.answers())),
        total: Set(i16::from(answers.total())),
        at_or_above_cutoff: Set(answers.at_or_above_cutoff()),
        taken_by_account_id: Set(by.as_uuid()),
        taken_by_kind: Set(by_kind.to_owned()),
        taken_at: Set(at),
    }
    .insert(db)
    .await?;
    crate::summary::refresh(db, person).await?;
    Ok(saved)
}

/// Assessments, oldest first.
pub async fn assessments(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
) -> Result<Vec<assessment::Model>> {
    Ok(assessment::Entity::find()
        .filter(assessment::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(assessment::Column::PersonId.eq(person.as_uuid()))
        .order_by_asc(assessment::Column::TakenAt)
        .all(db)
        .await?)
}

pub async fn add_checkin(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    c: &Checkin,
    by: AccountId,
    at: DateTime<Utc>,
) -> Result<checkin::Model> {
    let saved = checkin::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        mood: Set(i16::from(c.mood)),
        craving: Set(i16::from(c.craving)),
        used_since_last: Set(c.used_since_last),
        use_note: Set(c.use_note.clone()),
        meetings_attended: Set(i16::from(c.meetings_attended)),
        supports: Set(c.supports.clone()),
        safe: Set(c.safe),
        created_by_account_id: Set(by.as_uuid()),
        created_at: Set(at),
    }
    .insert(db)
    .await?;
    crate::summary::refresh(db, person).await?;
    Ok(saved)
}

/// The most recent check-ins, newest first.
pub async fn checkins(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    limit: u64,
) -> Result<Vec<checkin::Model>> {
    Ok(checkin::Entity::find()
        .filter(checkin::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(checkin::Column::PersonId.eq(person.as_uuid()))
        .order_by_desc(checkin::Column::CreatedAt)
        .limit(crate::rows(limit))
        .all(db)
        .await?)
}

pub async fn add_encounter(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    e: &Encounter,
    author: AccountId,
) -> Result<encounter::Model> {
    let saved = encounter::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        author_account_id: Set(author.as_uuid()),
        occurred_on: Set(e.date),
        kind: Set(e.kind.as_str().to_owned()),
        minutes: Set(i32::from(e.minutes)),
        topics: Set(serde_json::json!(e.topics)),
        notes: Set(e.notes.clone()),
        created_at: Set(now()),
    }
    .insert(db)
    .await?;
    crate::summary::refresh(db, person).await?;
    Ok(saved)
}

/// Encounters, newest first.
pub async fn encounters(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    limit: u64,
) -> Result<Vec<encounter::Model>> {
    Ok(encounter::Entity::find()
        .filter(encounter::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(encounter::Column::PersonId.eq(person.as_uuid()))
        .order_by_desc(encounter::Column::OccurredOn)
        .order_by_desc(encounter::Column::CreatedAt)
        .limit(crate::rows(limit))
        .all(db)
        .await?)
}

/// The day of one of the person's encounters (in the scope's organization); `None` when the id is not one of
/// theirs there.
pub async fn encounter_day(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    id: Uuid,
) -> Result<Option<chrono::NaiveDate>> {
    Ok(encounter::Entity::find_by_id(id)
        .filter(encounter::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(encounter::Column::PersonId.eq(person.as_uuid()))
        .select_only()
        .column(encounter::Column::OccurredOn)
        .into_tuple::<chrono::NaiveDate>()
        .one(db)
        .await?)
}

/// Raises an item for the person's coach.
pub async fn raise_attention(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    kind: &str,
    urgent: bool,
    source: Option<Uuid>,
) -> Result<attention_item::Model> {
    let saved = attention_item::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        kind: Set(kind.to_owned()),
        urgency: Set(if urgent { "urgent" } else { "normal" }.to_owned()),
        source_id: Set(source),
        created_at: Set(now()),
        resolved_at: Set(None),
        resolved_by_account_id: Set(None),
    }
    .insert(db)
    .await?;
    crate::summary::refresh(db, person).await?;
    Ok(saved)
}

/// Open items for one person, oldest first.
pub async fn open_attention(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
) -> Result<Vec<attention_item::Model>> {
    Ok(attention_item::Entity::find()
        .filter(attention_item::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(attention_item::Column::PersonId.eq(person.as_uuid()))
        .filter(attention_item::Column::ResolvedAt.is_null())
        .order_by_asc(attention_item::Column::CreatedAt)
        .all(db)
        .await?)
}

/// Marks an open item of this person resolved; false when there was none.
pub async fn resolve_attention(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    item: Uuid,
    by: AccountId,
) -> Result<bool> {
    let r = attention_item::Entity::update_many()
        .col_expr(attention_item::Column::ResolvedAt, Expr::value(now()))
        .col_expr(attention_item::Column::ResolvedByAccountId, Expr::value(by.as_uuid()))
        .filter(attention_item::Column::Id.eq(item))
        .filter(attention_item::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(attention_item::Column::PersonId.eq(person.as_uuid()))
        .filter(attention_item::Column::ResolvedAt.is_null())
        .exec(db)
        .await?;
    if r.rows_affected == 1 {
        crate::summary::refresh(db, person).await?;
    }
    Ok(r.rows_affected == 1)
}

/// The tables a FHIR read by id looks an id up in (`owner_of`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owned {
    /// The person's own id (their CarePlan is named by it).
    Person,
    /// A goal of one of the plan versions of an organization (goals live inside a plan's content, so this one is
    /// looked up by a scan of that organization's plan versions, never of every organization's).
    PlanGoal(pathways_domain::OrgId),
    /// A questionnaire response: a BARC-10, a check-in or a check-up interview.
    Response,
    Assessment,
    Encounter,
    Referral,
    Consent,
}

/// Whose record an id belongs to: the person, or `None`. Nothing is read but the owner's id, in any organization, so
/// that the caller's person gate decides next — and audits — whether it may be opened (another organization's
/// record is refused there, and answers as if it did not exist).
pub async fn owner_of(db: &impl ConnectionTrait, table: Owned, id: Uuid) -> Result<Option<PersonId>> {
    use crate::entities::{checkup, consent, person, plan_version, referral};
    use sea_orm::sea_query::{Alias, ExprTrait as _, Func};
    macro_rules! owner {
        ($entity:ident, $person:ident, $filter:expr) => {
            $entity::Entity::find()
                .select_only()
                .column($entity::Column::$person)
                .filter($filter)
                .limit(1)
                .into_tuple::<Uuid>()
                .one(db)
                .await?
        };
    }
    let found = match table {
        Owned::Person => owner!(person, Id, person::Column::Id.eq(id)),
        Owned::PlanGoal(org) => {
            let content = Func::cast_as(Expr::col(plan_version::Column::Content), Alias::new("TEXT"));
            let in_org = plan_version::Column::OrgId.eq(org.as_uuid());
            owner!(plan_version, PersonId, in_org.and(Expr::expr(content).like(format!("%{id}%"))))
        }
        Owned::Assessment => owner!(assessment, PersonId, assessment::Column::Id.eq(id)),
        Owned::Response => match owner!(assessment, PersonId, assessment::Column::Id.eq(id)) {
            Some(p) => Some(p),
            None => match owner!(checkin, PersonId, checkin::Column::Id.eq(id)) {
                Some(p) => Some(p),
                None => owner!(checkup, PersonId, checkup::Column::Id.eq(id)),
            },
        },
        Owned::Encounter => owner!(encounter, PersonId, encounter::Column::Id.eq(id)),
        Owned::Referral => owner!(referral, PersonId, referral::Column::Id.eq(id)),
        Owned::Consent => owner!(consent, PersonId, consent::Column::Id.eq(id)),
    };
    Ok(found.map(PersonId::from_uuid))
}
