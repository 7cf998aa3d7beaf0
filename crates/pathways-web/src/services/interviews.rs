//! Outcome interviews (issue 17): the use cases the interview pages (`/persons/{id}/outcome-interviews`) and the
//! API (`/api/v1/persons/{id}/outcome-interviews`) share, and closing an episode. Each opens the person gate
//! (role, organization, caseload; the audit event in its transaction), runs the schedule's rule
//! (`pathways_domain::outcomes::interview`), checks the answers against the instrument, writes through the store
//! and commits.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use pathways_domain::audit::AuditAction;
use pathways_domain::outcomes::episode::CloseoutReason;
use pathways_domain::outcomes::instrument::{AnswerError, Instrument, Respondent};
use pathways_domain::outcomes::interview::{AdministrativeReason, EpisodeState, Status, open_on};
use pathways_domain::outcomes::proxy::{self, AnsweredBy, Relationship};
use pathways_domain::outcomes::{Window, schedule};
use pathways_domain::{PersonId, PrincipalKind};
use pathways_store::interviews::{self, InterviewInput};
use pathways_store::model::{Episode, OutcomeInterview, Person};
use uuid::Uuid;

use crate::access::{PersonRead, PersonTx, open_person, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The interview Pathways ships, its id (used until an administrator loads a version).
pub use pathways_domain::outcomes::instrument::{RECOVERY_INTERVIEW, shipped};

/// The interview given now: the latest version loaded, else the shipped one.
pub async fn current_instrument(state: &AppState) -> WebResult<Instrument> {
    match interviews::latest_instrument(state.store.reader(), RECOVERY_INTERVIEW).await? {
        Some(row) => Instrument::parse(&row.body).map_err(|_| {
            WebError::Internal(format!("instrument {} {} no longer parses", row.instrument_id, row.version))
        }),
        None => Ok(shipped().clone()),
    }
}

/// The instrument an interview was given with (its id and version), for showing or continuing it.
pub async fn instrument_of(state: &AppState, id: &str, version: &str) -> WebResult<Instrument> {
    let s = shipped();
    if id == s.id && version == s.version {
        return Ok(s.clone());
    }
    let row = interviews::instrument_version(state.store.reader(), id, version).await?.ok_or(WebError::NotFound)?;
    Instrument::parse(&row.body).map_err(|_| WebError::Internal(format!("instrument {id} {version} no longer parses")))
}

/// Today in the deployment's zone.
pub fn today(state: &AppState) -> NaiveDate {
    pathways_store::now().with_timezone(&state.config.deployment.time_zone).date_naive()
}

/// What the interviews page shows about one person.
pub struct Overview {
    pub person: Person,
    /// The latest episode with the organization, and what the schedule reads from it.
    pub episode: Option<(Episode, EpisodeState)>,
    /// The window open today and not settled, if any.
    pub open: Option<Window>,
    /// The episode's windows up to a year ahead (the schedule as a table).
    pub schedule: Vec<Window>,
    pub interviews: Vec<OutcomeInterview>,
}

/// The person's episode, the interview open today and every interview recorded.
pub async fn overview(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Overview> {
    let PersonRead { scope, record } =
        read_person(state, ctx, caller, person, AuditAction::OutcomeInterviewRead).await?;
    let db = state.store.reader();
    let episode = interviews::episode_state(db, &scope, person).await?;
    let day = today(state);
    let open = episode.as_ref().and_then(|(_, e)| open_on(e, day));
    let plan = episode
        .as_ref()
        .map(|(_, e)| schedule::windows(e.started_on, e.baseline_on, e.ended_on, day + chrono::Duration::days(365)))
        .unwrap_or_default();
    let list = interviews::list(db, &scope, person).await?;
    Ok(Overview { person: record, episode, open, schedule: plan, interviews: list })
}

/// The person's interviews, by due date.
pub async fn list(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Vec<OutcomeInterview>> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::OutcomeInterviewRead).await?;
    Ok(interviews::list(state.store.reader(), &scope, person).await?)
}

/// One interview with the instrument it was given with.
pub async fn one(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    id: Uuid,
) -> WebResult<(Person, OutcomeInterview, Instrument)> {
    let PersonRead { scope, record } =
        read_person(state, ctx, caller, person, AuditAction::OutcomeInterviewRead).await?;
    let row = interviews::find(state.store.reader(), &scope, person, id).await?.ok_or(WebError::NotFound)?;
    let instrument = instrument_of(state, &row.instrument_id, &row.instrument_version).await?;
    Ok((record, row, instrument))
}

/// What a caller sends: answers (all or some), whether the interview is finished, or instead the reason it could
/// not be done; the day (default today). `interview`: continue this one (a form's later section).
#[derive(Clone, Debug, Default)]
pub struct Save {
    pub interview: Option<Uuid>,
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub complete: bool,
    pub administrative: Option<AdministrativeReason>,
    pub day: Option<NaiveDate>,
    /// Staff only: who gave this section's answers (the section's id) — the person, or a proxy
    /// (`pathways_domain::outcomes::proxy`). `None` leaves what was recorded.
    pub answered_by: Option<(String, AnsweredBy)>,
}

fn answer_errors(errors: Vec<AnswerError>) -> WebError {
    let detail = errors.iter().map(|e| format!("{}: {}", e.item, e.code)).collect::<Vec<_>>().join("; ");
    WebError::InvalidPaths {
        fields: errors.into_iter().map(|e| (format!("answers.{}", e.item), e.code)).collect(),
        detail,
    }
}

fn invalid(field: &str, code: &'static str, detail: &str) -> WebError {
    WebError::InvalidPaths { fields: vec![(field.to_owned(), code)], detail: detail.to_owned() }
}

/// Starts, continues, completes or records as administrative the interview open on the day. Staff do all of it;
/// the person, in the portal, gives answers to their own parts only (items answered by `person`; another is 422
/// `not-yours`), today, to the interview open today — never completes it, records it as not done or names another
/// interview (403): their coach goes over it and finishes it. Answers are checked against the interview's
/// instrument (all required ones when it is completed); a form's part-way save keeps what is given, so the form
/// resumes where it was left. A settled interview is not changed. Staff may say who gave a section's answers
/// (`answered_by`): a proxy gives only the items the instrument gives a proxy (`outcomes::proxy`; else 422), and is
/// kept in the same transaction; the person's own answers make their sections theirs again.
pub async fn save(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    input: Save,
) -> WebResult<OutcomeInterview> {
    let own = match caller.kind {
        PrincipalKind::Staff => false,
        PrincipalKind::Person => true,
        _ => return Err(WebError::NotFound),
    };
    if own
        && (input.complete
            || input.administrative.is_some()
            || input.day.is_some()
            || input.interview.is_some()
            || input.answered_by.is_some())
    {
        return Err(WebError::Forbidden);
    }
    let day = input.day.unwrap_or_else(|| today(state));
    if day > today(state) {
        return Err(invalid("done_on", "in-future", "done_on may not be after today"));
    }
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::OutcomeInterviewSave).await?;
    let (episode, rule) = interviews::episode_state(&tx, &scope, person)
        .await?
        .ok_or_else(|| invalid("episode", "no-episode", "the person has no episode of care"))?;
    // The interview to write: the one named, or the one in progress for the window open on the day, or a new one.
    let existing = match input.interview {
        Some(id) => Some(interviews::find(&tx, &scope, person, id).await?.ok_or(WebError::NotFound)?),
        None => None,
    };
    let window = match &existing {
        Some(_) => None,
        None => Some(open_on(&rule, day).ok_or_else(|| {
            invalid("done_on", "no-window-open", "no outcome interview is due on that day for this person")
        })?),
    };
    let existing = match (existing, window) {
        (Some(e), _) => Some(e),
        (None, Some(w)) => interviews::in_progress(&tx, &scope, person, episode.id, w.interview).await?,
        (None, None) => None,
    };
    if existing.as_ref().is_some_and(|e| e.status != Status::InProgress.as_str()) {
        return Err(WebError::Conflict("the interview is already settled"));
    }
    let instrument = match &existing {
        Some(e) => instrument_of(state, &e.instrument_id, &e.instrument_version).await?,
        None => current_instrument(state).await?,
    };
    if own {
        let wrong = instrument.not_answered_by(&input.answers, Respondent::Person);
        if !wrong.is_empty() {
            return Err(answer_errors(wrong));
        }
    }
    // A proxy answers only what the instrument gives a proxy.
    if let Some((section, AnsweredBy::Proxy(_))) = &input.answered_by {
        let section = instrument
            .sections
            .iter()
            .find(|s| &s.id == section)
            .ok_or_else(|| invalid("section", "unknown", "the instrument has no such section"))?;
        if !proxy::proxy_may_answer(section) {
            return Err(invalid("answered_by", "not-for-proxy", "a proxy may not answer this section"));
        }
        let refused = proxy::refused_for_proxy(section, &input.answers);
        if !refused.is_empty() {
            return Err(answer_errors(refused));
        }
    }
    let own_sections = if own { proxy::sections_answered(&instrument, &input.answers) } else { Default::default() };
    // Part-way saves merge with what was kept; the whole is then checked.
    let mut merged = existing.as_ref().and_then(|e| e.answers.as_object().cloned()).unwrap_or_default();
    for (k, v) in input.answers {
        merged.insert(k, v);
    }
    let (status, reason) = match input.administrative {
        Some(r) => (Status::Administrative, Some(r)),
        None if input.complete => (Status::Complete, None),
        None => (Status::InProgress, None),
    };
    let checked = instrument.check(&merged, status == Status::Complete).map_err(answer_errors)?;
    let row = InterviewInput {
        status,
        done_on: status.settles().then_some(day),
        administrative_reason: reason,
        answers: serde_json::to_value(&checked).map_err(|e| WebError::Internal(e.to_string()))?,
        instrument_id: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
    };
    let by = caller.account;
    let saved = match (existing, window) {
        (Some(e), _) => interviews::update(&tx, &scope, person, e.id, by, row).await?.ok_or(WebError::NotFound)?,
        (None, Some(w)) => interviews::create(&tx, &scope, person, episode.id, w, by, row).await?,
        (None, None) => return Err(WebError::NotFound),
    };
    match &input.answered_by {
        Some((section, AnsweredBy::Proxy(r))) => {
            pathways_store::interview_proxy::set(&tx, &saved, section, Some(*r), by).await?;
        }
        Some((section, AnsweredBy::Person)) => {
            pathways_store::interview_proxy::set(&tx, &saved, section, None, by).await?;
        }
        // The person's own answers make those sections theirs.
        None => pathways_store::interview_proxy::clear(&tx, &saved, &own_sections).await?,
    }
    // The queue's `interview_due` item closes as soon as the window is settled.
    pathways_store::outreach::evaluate_person(&tx, person, pathways_store::now(), state.config.deployment.time_zone)
        .await?;
    tx.commit().await?;
    Ok(saved)
}

/// The sections of an interview (read through [`one`] or [`overview`], so through the gate) whose answers a proxy
/// gave, with the proxy's relationship to the person.
pub async fn proxies(state: &AppState, row: &OutcomeInterview) -> WebResult<BTreeMap<String, Relationship>> {
    Ok(pathways_store::interview_proxy::of(state.store.reader(), row).await?)
}

/// The person's own part of the interview open today, for the portal: the window (none open: nothing to answer),
/// the interview in progress for it if one was started (by them or their coach), and the instrument it is (or will
/// be) given with.
pub struct OwnPart {
    pub window: Option<Window>,
    pub interview: Option<OutcomeInterview>,
    pub instrument: Instrument,
}

pub async fn own_part(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<OwnPart> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::OutcomeInterviewRead).await?;
    let db = state.store.reader();
    let episode = interviews::episode_state(db, &scope, person).await?;
    let window = episode.as_ref().and_then(|(_, e)| open_on(e, today(state)));
    let interview = match (&episode, window) {
        (Some((e, _)), Some(w)) => interviews::in_progress(db, &scope, person, e.id, w.interview).await?,
        _ => None,
    };
    let instrument = match &interview {
        Some(i) => instrument_of(state, &i.instrument_id, &i.instrument_version).await?,
        None => current_instrument(state).await?,
    };
    Ok(OwnPart { window, interview, instrument })
}

/// Closes the person's open episode on `day` (default today) with a reason. The closeout interview is then due
/// within 30 days, and every window opening on or after the day is cancelled (`schedule`).
pub async fn close_episode(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    day: Option<NaiveDate>,
    reason: CloseoutReason,
) -> WebResult<()> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::NotFound);
    }
    let day = day.unwrap_or_else(|| today(state));
    if day > today(state) {
        return Err(invalid("ended_on", "in-future", "ended_on may not be after today"));
    }
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::EpisodeClose).await?;
    let Some((episode, _)) = interviews::episode_state(&tx, &scope, person).await? else {
        return Err(invalid("episode", "no-episode", "the person has no episode of care"));
    };
    if episode.ended_on.is_some() {
        return Err(WebError::Conflict("the episode is already closed"));
    }
    if day < episode.started_on {
        return Err(invalid("ended_on", "before-start", "ended_on may not be before the episode's start"));
    }
    pathways_store::outcomes::close_episode(&tx, &scope, person, day, reason).await?;
    pathways_store::outreach::evaluate_person(&tx, person, pathways_store::now(), state.config.deployment.time_zone)
        .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shipped_interview_parses() {
        assert_eq!(super::shipped().id, super::RECOVERY_INTERVIEW);
    }
}
