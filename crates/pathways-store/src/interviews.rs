//! Outcome interviews (issue 17): the instruments loaded, and each person's interviews of their episodes.
//! Writes and reads of a person's interviews take the person's scope (the gate has opened the record first);
//! the report queries take the organizations whose aggregates the caller may see and return no names.

use chrono::NaiveDate;
use pathways_domain::access::PersonScope;
use pathways_domain::outcomes::Interview;
use pathways_domain::outcomes::interview::{AdministrativeReason, EpisodeState, Status, interview_of, year_of};
use pathways_domain::{AccountId, OrgId, PersonId};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::entities::{episode, instrument, outcome_interview};
use crate::{Result, StoreError, now};

/// What loading an instrument file did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// A new version was stored.
    New,
    /// The same version with the same text was already there.
    Unchanged,
    /// The same version is there with different text: a published version is never changed; give it a new
    /// version number.
    Conflict,
}

/// Stores a checked instrument file as `(instrument_id, version)`.
pub async fn load_instrument(
    db: &impl ConnectionTrait,
    instrument_id: &str,
    version: &str,
    title: &str,
    body: &str,
) -> Result<Loaded> {
    if let Some(existing) = instrument_version(db, instrument_id, version).await? {
        return Ok(if existing.body == body { Loaded::Unchanged } else { Loaded::Conflict });
    }
    instrument::ActiveModel {
        id: Set(Uuid::now_v7()),
        instrument_id: Set(instrument_id.to_owned()),
        version: Set(version.to_owned()),
        title: Set(title.to_owned()),
        body: Set(body.to_owned()),
        loaded_at: Set(now()),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_insert(e, "instrument", "version"))?;
    Ok(Loaded::New)
}

/// One loaded version of an instrument.
pub async fn instrument_version(
    db: &impl ConnectionTrait,
    instrument_id: &str,
    version: &str,
) -> Result<Option<instrument::Model>> {
    Ok(instrument::Entity::find()
        .filter(instrument::Column::InstrumentId.eq(instrument_id))
        .filter(instrument::Column::Version.eq(version))
        .one(db)
        .await?)
}

/// The most recently loaded version of an instrument.
pub async fn latest_instrument(db: &impl ConnectionTrait, instrument_id: &str) -> Result<Option<instrument::Model>> {
    Ok(instrument::Entity::find()
        .filter(instrument::Column::InstrumentId.eq(instrument_id))
        .order_by_desc(instrument::Column::LoadedAt)
        .order_by_desc(instrument::Column::Id)
        .one(db)
        .await?)
}

/// A person's interviews with the scope's organization, by due date.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
) -> Result<Vec<outcome_interview::Model>> {
    Ok(outcome_interview::Entity::find()
        .filter(outcome_interview::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(outcome_interview::Column::PersonId.eq(person.as_uuid()))
        .order_by_asc(outcome_interview::Column::DueOn)
        .order_by_asc(outcome_interview::Column::Id)
        .all(db)
        .await?)
}

/// One of the person's interviews.
pub async fn find(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    id: Uuid,
) -> Result<Option<outcome_interview::Model>> {
    Ok(outcome_interview::Entity::find()
        .filter(outcome_interview::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(outcome_interview::Column::PersonId.eq(person.as_uuid()))
        .filter(outcome_interview::Column::Id.eq(id))
        .one(db)
        .await?)
}

/// The person's latest episode with the scope's organization and what the schedule reads from it.
pub async fn episode_state(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
) -> Result<Option<(episode::Model, EpisodeState)>> {
    let Some(e) = episode::Entity::find()
        .filter(episode::Column::OrgId.eq(scope.org.as_uuid()))
        .filter(episode::Column::PersonId.eq(person.as_uuid()))
        .order_by_desc(episode::Column::StartedOn)
        .order_by_desc(episode::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let rows = outcome_interview::Entity::find().filter(outcome_interview::Column::EpisodeId.eq(e.id)).all(db).await?;
    let state = state_of(&e, &rows);
    Ok(Some((e, state)))
}

fn state_of(e: &episode::Model, rows: &[outcome_interview::Model]) -> EpisodeState {
    let settled = |r: &&outcome_interview::Model| Status::parse(&r.status).is_some_and(Status::settles);
    EpisodeState {
        started_on: e.started_on,
        ended_on: e.ended_on,
        baseline_on: rows
            .iter()
            .filter(|r| r.kind == "baseline" && r.status == Status::Complete.as_str())
            .filter_map(|r| r.done_on)
            .min(),
        settled: rows.iter().filter(settled).filter_map(|r| interview_of(&r.kind, r.year)).collect(),
    }
}

/// What a new or saved interview holds.
#[derive(Clone, Debug)]
pub struct InterviewInput {
    pub status: Status,
    pub done_on: Option<NaiveDate>,
    pub administrative_reason: Option<AdministrativeReason>,
    pub answers: serde_json::Value,
    pub instrument_id: String,
    pub instrument_version: String,
}

/// Starts an interview of the episode for `window`.
pub async fn create(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    episode: Uuid,
    window: pathways_domain::outcomes::Window,
    by: AccountId,
    input: InterviewInput,
) -> Result<outcome_interview::Model> {
    let at = now();
    let row = outcome_interview::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person.as_uuid()),
        org_id: Set(scope.org.as_uuid()),
        episode_id: Set(episode),
        kind: Set(window.interview.as_str().to_owned()),
        year: Set(year_of(window.interview)),
        due_on: Set(window.due),
        opens_on: Set(window.opens),
        closes_on: Set(window.closes),
        status: Set(input.status.as_str().to_owned()),
        done_on: Set(input.done_on),
        administrative_reason: Set(input.administrative_reason.map(|r| r.as_str().to_owned())),
        answers: Set(input.answers),
        instrument_id: Set(input.instrument_id),
        instrument_version: Set(input.instrument_version),
        recorded_by: Set(by.as_uuid()),
        created_at: Set(at),
        updated_at: Set(at),
    }
    .insert(db)
    .await?;
    keep_counts(db, &row).await?;
    Ok(row)
}

/// The reports' kept rows follow a settled interview, in the same transaction: outcome change's pairs a completed
/// one (`crate::outcome_pairs`), the follow-up rate's window a settled baseline or reassessment
/// (`crate::follow_up_kept`).
async fn keep_counts(db: &impl ConnectionTrait, row: &outcome_interview::Model) -> Result<()> {
    if row.status == Status::Complete.as_str() {
        crate::outcome_pairs::refresh(db, row.episode_id).await?;
    }
    if row.status != Status::InProgress.as_str() && matches!(row.kind.as_str(), "baseline" | "reassessment") {
        crate::follow_up_kept::refresh(db, row.episode_id).await?;
    }
    Ok(())
}

/// Saves an interview in progress (more answers, or its completion). `None` when it is not the person's, or is
/// already settled (a completed interview is not changed).
pub async fn update(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    id: Uuid,
    by: AccountId,
    input: InterviewInput,
) -> Result<Option<outcome_interview::Model>> {
    let Some(row) = find(db, scope, person, id).await? else { return Ok(None) };
    if row.status != Status::InProgress.as_str() {
        return Ok(None);
    }
    let mut m: outcome_interview::ActiveModel = row.into();
    m.status = Set(input.status.as_str().to_owned());
    m.done_on = Set(input.done_on);
    m.administrative_reason = Set(input.administrative_reason.map(|r| r.as_str().to_owned()));
    m.answers = Set(input.answers);
    m.recorded_by = Set(by.as_uuid());
    m.updated_at = Set(now());
    let row = m.update(db).await?;
    keep_counts(db, &row).await?;
    Ok(Some(row))
}

/// An interview in progress for `window` of the episode, if one was started (to resume it).
pub async fn in_progress(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: PersonId,
    episode: Uuid,
    window: Interview,
) -> Result<Option<outcome_interview::Model>> {
    Ok(list(db, scope, person).await?.into_iter().find(|r| {
        r.episode_id == episode
            && r.status == Status::InProgress.as_str()
            && interview_of(&r.kind, r.year) == Some(window)
    }))
}

/// One episode as the follow-up rate reads it: the person's coach now, the episode's days, and the days of its
/// settled reassessments. No answers, no names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpEpisode {
    pub coach: Option<Uuid>,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    /// The first completed baseline's day.
    pub baseline_on: Option<NaiveDate>,
    /// Days of completed reassessments.
    pub reassessments: Vec<NaiveDate>,
    /// Days of reassessments recorded as administrative.
    pub administrative: Vec<NaiveDate>,
}

/// What the follow-up rule reads of every episode of the given organizations that started before `to`, from the
/// records (three narrow queries). The report reads the kept windows (`crate::follow_up_kept`); this is the tests'
/// recount of what they must give.
pub async fn for_follow_up(db: &impl ConnectionTrait, orgs: &[OrgId], to: NaiveDate) -> Result<Vec<FollowUpEpisode>> {
    use sea_orm::QuerySelect;

    use crate::entities::person;
    let ids: Vec<Uuid> = orgs.iter().map(|o| o.as_uuid()).collect();
    let episodes: Vec<(Uuid, Uuid, NaiveDate, Option<NaiveDate>)> = episode::Entity::find()
        .select_only()
        .column(episode::Column::Id)
        .column(episode::Column::PersonId)
        .column(episode::Column::StartedOn)
        .column(episode::Column::EndedOn)
        .filter(episode::Column::OrgId.is_in(ids.clone()))
        .filter(episode::Column::StartedOn.lt(to))
        .into_tuple()
        .all(db)
        .await?;
    let settled: Vec<(Uuid, String, String, Option<NaiveDate>)> = outcome_interview::Entity::find()
        .select_only()
        .column(outcome_interview::Column::EpisodeId)
        .column(outcome_interview::Column::Kind)
        .column(outcome_interview::Column::Status)
        .column(outcome_interview::Column::DoneOn)
        .filter(outcome_interview::Column::OrgId.is_in(ids.clone()))
        .filter(outcome_interview::Column::Kind.is_in(["baseline", "reassessment"]))
        .filter(outcome_interview::Column::Status.is_in([Status::Complete.as_str(), Status::Administrative.as_str()]))
        .into_tuple()
        .all(db)
        .await?;
    let coaches: std::collections::HashMap<Uuid, Option<Uuid>> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .column(person::Column::AssignedCoachId)
        .filter(person::Column::OrgId.is_in(ids))
        .into_tuple::<(Uuid, Option<Uuid>)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut by_episode: std::collections::HashMap<Uuid, Vec<(String, String, Option<NaiveDate>)>> = Default::default();
    for (e, kind, status, day) in settled {
        by_episode.entry(e).or_default().push((kind, status, day));
    }
    Ok(episodes
        .into_iter()
        .map(|(id, person, started_on, ended_on)| {
            let rows = by_episode.remove(&id).unwrap_or_default();
            let days = |kind: &str, status: Status| -> Vec<NaiveDate> {
                rows.iter().filter(|r| r.0 == kind && r.1 == status.as_str()).filter_map(|r| r.2).collect()
            };
            FollowUpEpisode {
                coach: coaches.get(&person).copied().flatten(),
                started_on,
                ended_on,
                baseline_on: days("baseline", Status::Complete).into_iter().min(),
                reassessments: days("reassessment", Status::Complete),
                administrative: days("reassessment", Status::Administrative),
            }
        })
        .collect())
}

/// Of `persons` (id, organization), those whose latest episode has an outcome-interview window open on
/// `today_of(organization)` that is not settled: the outreach queue's `interview_due` rule reads it. Two queries
/// per 500 persons (their episodes, then those episodes' interviews).
pub async fn due_today(
    db: &impl ConnectionTrait,
    persons: &[(Uuid, Uuid)],
    today_of: impl Fn(Uuid) -> NaiveDate,
) -> Result<std::collections::HashSet<Uuid>> {
    let mut due = std::collections::HashSet::new();
    for (person, e, state) in latest_states(db, persons).await? {
        if pathways_domain::outcomes::interview::open_on(&state, today_of(e.org_id)).is_some() {
            due.insert(person);
        }
    }
    Ok(due)
}

/// Of `persons` (found in `scope` by the caller), the outcome-interview window not yet settled of each one's
/// latest episode with the scope's organization that is open at some point from `from` to `to` (inclusive; the first to close when there are two): what a
/// coach's caseload shows as due this week. Two queries per 500 persons.
pub async fn due_between(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    persons: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<std::collections::HashMap<Uuid, pathways_domain::outcomes::Window>> {
    let mut due = std::collections::HashMap::new();
    let persons: Vec<(Uuid, Uuid)> = persons.iter().map(|p| (*p, scope.org.as_uuid())).collect();
    for (person, _, state) in latest_states(db, &persons).await? {
        let windows = pathways_domain::outcomes::interview::due_between(&state, from, to);
        if let Some(w) = windows.into_iter().min_by_key(|w| (w.closes, w.opens)) {
            due.insert(person, w);
        }
    }
    Ok(due)
}

/// Each of `persons`' (id, organization) latest episode with that organization, and what the schedule reads
/// from it. Two queries per 500 persons (their episodes, then those episodes' interviews).
async fn latest_states(
    db: &impl ConnectionTrait,
    persons: &[(Uuid, Uuid)],
) -> Result<Vec<(Uuid, episode::Model, EpisodeState)>> {
    let mut out = Vec::new();
    for chunk in persons.chunks(500) {
        let ids: Vec<Uuid> = chunk.iter().map(|(p, _)| *p).collect();
        let org_of: std::collections::HashMap<Uuid, Uuid> = chunk.iter().copied().collect();
        let mut latest: std::collections::HashMap<Uuid, episode::Model> = Default::default();
        for e in episode::Entity::find().filter(episode::Column::PersonId.is_in(ids)).all(db).await? {
            if org_of.get(&e.person_id) != Some(&e.org_id) {
                continue;
            }
            let newer = latest.get(&e.person_id).is_none_or(|l| (e.started_on, e.id) > (l.started_on, l.id));
            if newer {
                latest.insert(e.person_id, e);
            }
        }
        let episode_ids: Vec<Uuid> = latest.values().map(|e| e.id).collect();
        let mut rows: std::collections::HashMap<Uuid, Vec<outcome_interview::Model>> = Default::default();
        if !episode_ids.is_empty() {
            for r in outcome_interview::Entity::find()
                .filter(outcome_interview::Column::EpisodeId.is_in(episode_ids))
                .all(db)
                .await?
            {
                rows.entry(r.episode_id).or_default().push(r);
            }
        }
        for (person, e) in latest {
            let state = state_of(&e, rows.get(&e.id).map(Vec::as_slice).unwrap_or_default());
            out.push((person, e, state));
        }
    }
    Ok(out)
}
