//! Outcomes (issue 17): episodes of care, kept as services are recorded, and the figures the outcome reports
//! count. Writes take the person's scope (the gate has opened the record); the report queries take the
//! organizations whose aggregates the caller may see and return spans only (no names, no details).

use chrono::NaiveDate;
use pathways_domain::access::PersonScope;
use pathways_domain::outcomes::episode::{CloseoutReason, Latest, OnService, on_service};
use pathways_domain::{OrgId, PersonId};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entities::episode;
use crate::{Result, now};

async fn latest(db: &impl ConnectionTrait, org: OrgId, person: PersonId) -> Result<Option<episode::Model>> {
    Ok(episode::Entity::find()
        .filter(episode::Column::OrgId.eq(org.as_uuid()))
        .filter(episode::Column::PersonId.eq(person.as_uuid()))
        .order_by_desc(episode::Column::StartedOn)
        .order_by_desc(episode::Column::Id)
        .one(db)
        .await?)
}

/// The person's episodes with `org`, latest first (as [`latest`] orders them).
async fn all_of(db: &impl ConnectionTrait, org: OrgId, person: PersonId) -> Result<Vec<episode::Model>> {
    Ok(episode::Entity::find()
        .filter(episode::Column::OrgId.eq(org.as_uuid()))
        .filter(episode::Column::PersonId.eq(person.as_uuid()))
        .order_by_desc(episode::Column::StartedOn)
        .order_by_desc(episode::Column::Id)
        .all(db)
        .await?)
}

fn spans(episodes: &[episode::Model]) -> Vec<(NaiveDate, NaiveDate)> {
    episodes.iter().map(|e| (e.started_on, e.last_service_on)).collect()
}

/// Records that the person had a service on `day` (a local date): starts an episode or extends the open one
/// (`pathways_domain::outcomes::episode::on_service`), and keeps the people-served counts (`crate::served`). Call
/// it in the transaction that writes the service.
pub async fn record_service(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    day: NaiveDate,
) -> Result<()> {
    let mut all = all_of(db, scope.org, person).await?;
    let before = spans(&all);
    let before_all = all.clone();
    let last = all.first().cloned();
    let rule = last.as_ref().map(|e| Latest {
        started_on: e.started_on,
        last_service_on: e.last_service_on,
        ended_on: e.ended_on,
    });
    match (on_service(rule, day), last) {
        (OnService::Start(day), _) => {
            let at = now();
            let made = episode::ActiveModel {
                id: Set(Uuid::now_v7()),
                person_id: Set(person.as_uuid()),
                org_id: Set(scope.org.as_uuid()),
                started_on: Set(day),
                last_service_on: Set(day),
                ended_on: Set(None),
                closeout_reason: Set(None),
                created_at: Set(at),
                updated_at: Set(at),
            }
            .insert(db)
            .await?;
            all.push(made);
        }
        (OnService::Extend { started_on, last_service_on }, Some(e)) => {
            let mut e: episode::ActiveModel = e.into();
            e.started_on = Set(started_on);
            e.last_service_on = Set(last_service_on);
            e.updated_at = Set(now());
            all[0] = e.update(db).await?;
        }
        _ => return Ok(()),
    }
    crate::served::apply(db, scope.org, person, &before, &spans(&all)).await?;
    // A service never changes a closed episode (`on_service`), so this writes nothing; it keeps the rule's
    // promise if that ever changes.
    crate::retention_kept::apply_episodes(db, scope.org, &before_all, &all).await
}

/// Adds an episode as recorded elsewhere (demo data, a test's fixture), keeping the people-served counts as
/// [`record_service`] does. `ended` is the closeout: the last day of care and its reason.
pub async fn add_episode(
    db: &impl ConnectionTrait,
    org: OrgId,
    person: PersonId,
    started_on: NaiveDate,
    last_service_on: NaiveDate,
    ended: Option<(NaiveDate, CloseoutReason)>,
) -> Result<episode::Model> {
    let mut all = all_of(db, org, person).await?;
    let before = spans(&all);
    let before_all = all.clone();
    let at = now();
    let made = episode::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(org.as_uuid()),
        started_on: Set(started_on),
        last_service_on: Set(last_service_on),
        ended_on: Set(ended.map(|e| e.0)),
        closeout_reason: Set(ended.map(|e| e.1.as_str().to_owned())),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(db)
    .await?;
    all.push(made.clone());
    crate::served::apply(db, org, person, &before, &spans(&all)).await?;
    crate::retention_kept::apply_episodes(db, org, &before_all, &all).await?;
    Ok(made)
}

/// Closes the person's open episode on `day` with a reason. `false` when there is no open episode.
pub async fn close_episode(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    day: NaiveDate,
    reason: CloseoutReason,
) -> Result<bool> {
    match latest(db, scope.org, person).await? {
        Some(e) if e.ended_on.is_none() => {
            let before = [e.clone()];
            let mut e: episode::ActiveModel = e.into();
            e.ended_on = Set(Some(day));
            e.closeout_reason = Set(Some(reason.as_str().to_owned()));
            e.updated_at = Set(now());
            let after = [e.update(db).await?];
            // The kept days in episode (`crate::retention_kept`): the episode now counts in the years of its end.
            crate::retention_kept::apply_episodes(db, scope.org, &before, &after).await?;
            // The follow-up rate's kept window: a closeout cancels or cuts the reassessment's.
            crate::follow_up_kept::refresh(db, after[0].id).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// A person's episodes with the scope's organization, oldest first.
pub async fn episodes(db: &impl ConnectionTrait, scope: &PersonScope, person: PersonId) -> Result<Vec<episode::Model>> {
    Ok(episode::Entity::find()
        .filter(episode::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(episode::Column::PersonId.eq(person.as_uuid()))
        .order_by_asc(episode::Column::StartedOn)
        .order_by_asc(episode::Column::Id)
        .all(db)
        .await?)
}

/// An episode as the reports count it: whose (an opaque id, never shown), where, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EpisodeSpan {
    pub person: Uuid,
    pub org: OrgId,
    pub started_on: NaiveDate,
    pub last_service_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
}

/// The episodes of the given organizations with a service in `[from, to)`: started before `to` and last served
/// on or after `from`.
pub async fn episodes_between(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<EpisodeSpan>> {
    let rows = episode::Entity::find()
        .filter(episode::Column::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .filter(episode::Column::StartedOn.lt(to))
        .filter(episode::Column::LastServiceOn.gte(from))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|e| EpisodeSpan {
            person: e.person_id,
            org: OrgId::from_uuid(e.org_id),
            started_on: e.started_on,
            last_service_on: e.last_service_on,
            ended_on: e.ended_on,
        })
        .collect())
}
