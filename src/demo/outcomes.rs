//! Demo outcome interviews (issue 17): 30 fictional persons on the demo coach's caseload, each with an episode
//! that began about seven months ago, a baseline interview, and — for 24 of them — a 6-month reassessment done in
//! its window (3 more recorded as not reached, 3 not done), so the follow-up and outcome-change reports show
//! figures above the suppression threshold. Answers vary by person; every name is invented.

use chrono::{Duration, NaiveDate};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::outcomes::schedule::{BASELINE_DAYS, FOLLOW_UP_WINDOW_DAYS, REASSESSMENT_DAYS};
use pathways_domain::person::{PersonDetails, RawPerson};
use pathways_domain::{AccountId, OrgId, PersonId};
use pathways_store::audit::{self, Actor, AuditEntry};
use pathways_store::entities::outcome_interview;
use pathways_store::sea_orm::{ActiveModelTrait, ActiveValue::Set};
use pathways_store::{Store, persons};
use serde_json::{Value, json};
use uuid::Uuid;

// First names sorting after the other demo persons' (lists of persons stay as they were on their first page).
const FIRST: [&str; 10] = ["Tatum", "Teo", "Uma", "Valentin", "Vera", "Wren", "Wynn", "Xiomara", "Yusuf", "Zara"];
const LAST: [&str; 3] = ["Rivers", "Stone", "Vale"];

pub(super) fn answers(i: usize, later: bool) -> Value {
    // At six months more people report no use, stable housing, work and support, and higher BARC-10 answers.
    let better = later && !i.is_multiple_of(5);
    let barc = if better { 4 + (i % 3) as i64 } else { 3 + (i % 2) as i64 };
    json!({
        "days_alcohol_30": if better { 0 } else { (i % 7) as i64 + 1 },
        "days_drugs_30": if better || i.is_multiple_of(2) { 0 } else { 4 },
        "housing_status": if better || i.is_multiple_of(3) { "stable" } else { "temporary" },
        "housing_type": if better { "own_or_rent" } else { "family_or_friends" },
        "work_or_school": if better && !i.is_multiple_of(4) { "working_part_time" } else { "looking" },
        "arrests_30": if later || !i.is_multiple_of(6) { 0 } else { 1 },
        "self_rated_health": if better { "good" } else { "fair" },
        "recovery_supporters": if better { 3 } else { (i % 2) as i64 },
        "mutual_help_days_30": if better { 8 } else { 1 },
        "barc10": vec![barc; 10],
    })
}

#[expect(clippy::too_many_arguments, reason = "one row's fields, named at the call")]
fn interview(
    person: Uuid,
    org: OrgId,
    episode: Uuid,
    kind: &str,
    (due, opens, closes): (NaiveDate, NaiveDate, NaiveDate),
    status: &str,
    done: NaiveDate,
    answers: Value,
    by: AccountId,
) -> outcome_interview::ActiveModel {
    let now = pathways_store::now();
    outcome_interview::ActiveModel {
        id: Set(Uuid::now_v7()),
        person_id: Set(person),
        org_id: Set(org.as_uuid()),
        episode_id: Set(episode),
        kind: Set(kind.to_owned()),
        year: Set(None),
        due_on: Set(due),
        opens_on: Set(opens),
        closes_on: Set(closes),
        status: Set(status.to_owned()),
        done_on: Set(Some(done)),
        administrative_reason: Set((status == "administrative").then(|| "not_reached".to_owned())),
        answers: Set(answers),
        instrument_id: Set("recovery-outcomes-interview".to_owned()),
        instrument_version: Set("1.0.0".to_owned()),
        recorded_by: Set(by.as_uuid()),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

/// Adds the persons, episodes and interviews; returns how many persons.
pub async fn seed(store: &Store, org: OrgId, coach: AccountId, today: NaiveDate) -> anyhow::Result<usize> {
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let tx = store.begin().await?;
    let n = 30;
    for i in 0..n {
        let name = format!("{} {}", FIRST[i % FIRST.len()], LAST[i / FIRST.len() % LAST.len()]);
        let raw = RawPerson { preferred_name: name.clone(), ..RawPerson::default() };
        let details = PersonDetails::parse(&raw, today).map_err(|e| anyhow::anyhow!("demo person {name}: {e:?}"))?;
        let p = persons::insert(&tx, org, &details, Some(coach)).await?;
        audit::append(&tx, &actor, AuditEntry::person(AuditAction::PersonCreate, PersonId::from_uuid(p.id))).await?;
        // The reassessment window closes ten days ago: the episode began 225 days ago, the baseline 5 days later.
        let started = today - Duration::days(225 + (i % 3) as i64);
        let baseline = started + Duration::days(5);
        let due = baseline + Duration::days(REASSESSMENT_DAYS);
        let window = (due, due - Duration::days(FOLLOW_UP_WINDOW_DAYS), due + Duration::days(FOLLOW_UP_WINDOW_DAYS));
        let e =
            pathways_store::outcomes::add_episode(&tx, org, PersonId::from_uuid(p.id), started, due, None).await?.id;
        let base_window = (started + Duration::days(BASELINE_DAYS), started, started + Duration::days(BASELINE_DAYS));
        interview(p.id, org, e, "baseline", base_window, "complete", baseline, answers(i, false), coach)
            .insert(&tx)
            .await?;
        let six = match i {
            0..24 => Some(interview(
                p.id,
                org,
                e,
                "reassessment",
                window,
                "complete",
                due - Duration::days((i % 9) as i64),
                answers(i, true),
                coach,
            )),
            24..27 => Some(interview(p.id, org, e, "reassessment", window, "administrative", due, json!({}), coach)),
            _ => None,
        };
        if let Some(six) = six {
            six.insert(&tx).await?;
        }
    }
    // Written past the store's interview functions: outcome change's pairs and the follow-up windows (and their
    // counts), once.
    pathways_store::outcome_pairs::rebuild(&tx).await?;
    pathways_store::follow_up_kept::rebuild(&tx).await?;
    audit::append(
        &tx,
        &actor,
        AuditEntry::new(AuditAction::OutcomeInterviewSave, AuditOutcome::Success).detail("demo outcome interviews"),
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}
