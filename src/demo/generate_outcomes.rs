//! `pathways demo generate --outcomes-orgs N`: a state's set for the outcomes benchmark (issue 17,
//! `bench/outcomes.py`). N generated organizations in the demo state agency's network (both sides confirmed, each
//! with a region), persons spread over them, episodes of care over the past eight quarters (some persons coming
//! back after a closeout), outcome interviews on the federal schedule (baseline, 6-month reassessment, annual,
//! closeout) and perception-of-care responses. The demo (`serve --demo`'s data, with the state agency) is loaded
//! first when the database is empty. Rows are written in bulk, without audit events, as the other generated sets
//! are; the people-served counts and caseload figures are then computed once. Every name is invented.

use std::time::Instant;

use anyhow::Context;
use chrono::{Duration, NaiveDate};
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::outcomes::network::Side;
use pathways_domain::outcomes::schedule::{BASELINE_DAYS, FOLLOW_UP_WINDOW_DAYS, REASSESSMENT_DAYS};
use pathways_domain::{OrgId, PrincipalKind, Role};
use pathways_store::bulk::insert_all;
use pathways_store::entities::{account, episode, outcome_interview, perception_response, person};
use pathways_store::{Store, network, orgs};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

/// The sizes of a state's set.
pub struct OutcomeSizes {
    pub orgs: usize,
    pub persons: usize,
    pub episodes: usize,
    pub interviews: usize,
    pub surveys: usize,
}

/// Invented regions, as a state might name its planning regions.
const REGIONS: [&str; 8] =
    ["North Central", "South Central", "Eastern", "Western", "Northwest", "Southwest", "Capitol", "Shoreline"];
const FIRST: [&str; 12] = ["Ari", "Bea", "Cruz", "Dana", "Eli", "Fern", "Gus", "Hana", "Ira", "Jo", "Kai", "Lena"];
const LAST: [&str; 8] = ["Ash", "Birch", "Cove", "Dale", "Elm", "Ford", "Glen", "Heath"];
const COACHES_PER_ORG: usize = 5;
/// Interviews a generated episode can have, in schedule order: baseline, reassessment, two annual, and a
/// closeout when the episode was closed.
const MAX_INTERVIEWS: usize = 5;

/// One generated episode before it is written.
struct Span {
    id: Uuid,
    person: usize,
    started_on: NaiveDate,
    last_service_on: NaiveDate,
    ended_on: Option<NaiveDate>,
}

/// Makes the set; prints the analyst of the first generated organization (for the benchmark).
pub async fn generate(
    store: &Store,
    sizes: &OutcomeSizes,
    password_hash: &str,
    tz: chrono_tz::Tz,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(17);
    let now = pathways_store::now();
    let today = now.date_naive();
    let state = orgs::find_by_slug(store.reader(), "demo-state").await?.context(
        "the demo state agency (`demo-state`) is missing: generate into an empty database or one with the demo",
    )?;
    let state = OrgId::from_uuid(state.id);
    let suffix = Uuid::now_v7().simple().to_string()[24..].to_owned();
    let n_orgs = sizes.orgs.max(1);

    // Organizations, in the state's network with a region each, and their staff.
    let mut org_ids = Vec::with_capacity(n_orgs);
    let mut staff = Vec::new();
    let mut coaches: Vec<Vec<Uuid>> = Vec::with_capacity(n_orgs);
    let account = |org: Uuid, role: Role, email: String, name: String| account::Model {
        id: Uuid::now_v7(),
        org_id: org,
        kind: PrincipalKind::Staff.as_str().into(),
        role: Some(role.as_str().into()),
        email: Some(email),
        display_name: name,
        password_hash: Some(password_hash.to_owned()),
        locale: Some("en".into()),
        person_id: None,
        disabled_at: None,
        created_at: now,
        username: None,
    };
    let first_slug = format!("state-org-000-{suffix}");
    let tx = store.begin().await?;
    for i in 0..n_orgs {
        let slug = format!("state-org-{i:03}-{suffix}");
        let kind = if i % 3 == 2 { OrgKind::TreatmentProvider } else { OrgKind::RecoveryCommunityCenter };
        let o = orgs::create(&tx, &Slug::parse(&slug)?, &format!("Generated Program {i:03} (fictional)"), kind).await?;
        let id = OrgId::from_uuid(o.id);
        network::set_region(&tx, id, Some(REGIONS[i % REGIONS.len()])).await?;
        network::confirm(&tx, state, id, Side::State).await?;
        network::confirm(&tx, state, id, Side::Member).await?;
        let mine: Vec<account::Model> = (0..COACHES_PER_ORG)
            .map(|k| account(o.id, Role::Coach, format!("coach{k}@{slug}.test"), format!("Coach {k} of program {i}")))
            .collect();
        coaches.push(mine.iter().map(|a| a.id).collect());
        staff.extend(mine);
        staff.push(account(o.id, Role::Analyst, format!("analyst@{slug}.test"), format!("Analyst of program {i}")));
        org_ids.push(id);
    }
    tx.commit().await?;
    insert_all::<account::Entity, _>(store.writer(), staff).await?;
    eprintln!("{n_orgs} organizations in the demo state's network ({:.1} s)", started.elapsed().as_secs_f64());

    // Persons: person i belongs to organization i mod N.
    let n_persons = sizes.persons.max(1);
    let org_of = |i: usize| i % n_orgs;
    let mut person_ids = Vec::with_capacity(n_persons);
    for from in (0..n_persons).step_by(100_000) {
        let rows: Vec<person::Model> = (from..n_persons.min(from + 100_000))
            .map(|i| {
                let o = org_of(i);
                person::Model {
                    id: Uuid::now_v7(),
                    org_id: org_ids[o].as_uuid(),
                    preferred_name: format!("{} {} {i}", FIRST[i % FIRST.len()], LAST[(i / FIRST.len()) % LAST.len()]),
                    legal_name: None,
                    pronouns: None,
                    date_of_birth: None,
                    preferred_language: Some(if i % 4 == 0 { "es" } else { "en" }.into()),
                    phone: None,
                    email: None,
                    assigned_coach_id: Some(coaches[o][(i / n_orgs) % COACHES_PER_ORG]),
                    created_at: now - Duration::days(730),
                    updated_at: now,
                }
            })
            .collect();
        person_ids.extend(rows.iter().map(|p| p.id));
        insert_all::<person::Entity, _>(store.writer(), rows).await?;
    }
    eprintln!("{n_persons} persons ({:.1} s)", started.elapsed().as_secs_f64());

    // Episodes over the past eight quarters: every person has one; the first (episodes − persons) persons came
    // back after a closeout and have two.
    let twice = sizes.episodes.saturating_sub(n_persons).min(n_persons);
    let mut spans: Vec<Span> = Vec::with_capacity(n_persons + twice);
    for i in 0..n_persons {
        if i < twice {
            let first = today - Duration::days(rng.gen_range(400..=730));
            let end = first + Duration::days(rng.gen_range(60..=250));
            spans.push(Span {
                id: Uuid::now_v7(),
                person: i,
                started_on: first,
                last_service_on: end,
                ended_on: Some(end),
            });
            let back = end + Duration::days(rng.gen_range(15..=60));
            let last = (today - Duration::days(rng.gen_range(0..=45))).max(back);
            spans.push(Span { id: Uuid::now_v7(), person: i, started_on: back, last_service_on: last, ended_on: None });
        } else {
            let first = today - Duration::days(rng.gen_range(30..=730));
            let closed = rng.gen_ratio(3, 10);
            let last = if closed {
                (first + Duration::days(rng.gen_range(30..=400))).min(today)
            } else {
                (today - Duration::days(rng.gen_range(0..=45))).max(first)
            };
            spans.push(Span {
                id: Uuid::now_v7(),
                person: i,
                started_on: first,
                last_service_on: last,
                ended_on: closed.then_some(last),
            });
        }
    }
    for chunk in spans.chunks(100_000) {
        let rows: Vec<episode::Model> = chunk
            .iter()
            .map(|s| episode::Model {
                id: s.id,
                person_id: person_ids[s.person],
                org_id: org_ids[org_of(s.person)].as_uuid(),
                started_on: s.started_on,
                last_service_on: s.last_service_on,
                ended_on: s.ended_on,
                closeout_reason: s
                    .ended_on
                    .map(|_| if s.person % 4 == 0 { "lost_contact" } else { "completed" }.into()),
                created_at: now,
                updated_at: now,
            })
            .collect();
        insert_all::<episode::Entity, _>(store.writer(), rows).await?;
    }
    eprintln!("{} episodes ({:.1} s)", spans.len(), started.elapsed().as_secs_f64());

    // Interviews: spread evenly over the episodes, each episode's in schedule order. An interview whose day has
    // not come (or lies after the episode) is left in progress, without a day.
    let per = sizes.interviews / spans.len().max(1);
    let extra = sizes.interviews % spans.len().max(1);
    let mut made = 0usize;
    let mut batch: Vec<outcome_interview::Model> = Vec::with_capacity(100_000);
    for (k, s) in spans.iter().enumerate() {
        let n = (per + usize::from(k < extra)).min(MAX_INTERVIEWS);
        let baseline = s.started_on + Duration::days(rng.gen_range(0..=20));
        let mut plan: Vec<(&str, Option<i32>, NaiveDate, NaiveDate, NaiveDate)> = vec![(
            "baseline",
            None,
            s.started_on + Duration::days(BASELINE_DAYS),
            s.started_on,
            s.started_on + Duration::days(BASELINE_DAYS),
        )];
        for (kind, year, days) in
            [("reassessment", None, REASSESSMENT_DAYS), ("annual", Some(1), 365), ("annual", Some(2), 730)]
        {
            let due = baseline + Duration::days(days);
            plan.push((
                kind,
                year,
                due,
                due - Duration::days(FOLLOW_UP_WINDOW_DAYS),
                due + Duration::days(FOLLOW_UP_WINDOW_DAYS),
            ));
        }
        if let Some(end) = s.ended_on {
            plan.push((
                "closeout",
                None,
                end + Duration::days(BASELINE_DAYS),
                end,
                end + Duration::days(BASELINE_DAYS),
            ));
        }
        let person = s.person;
        let coach = coaches[org_of(person)][(person / n_orgs) % COACHES_PER_ORG];
        for (j, (kind, year, due, opens, closes)) in plan.into_iter().take(n).enumerate() {
            let day = if kind == "baseline" { baseline } else { due + Duration::days(rng.gen_range(-25..=25)) };
            let reachable = day <= today && (kind == "closeout" || day <= s.last_service_on + Duration::days(30));
            let roll = rng.gen_range(0..100);
            let (status, done_on, reason) = match (reachable, roll) {
                (false, _) | (true, 0..5) => ("in_progress", None, None),
                (true, 5..15) if kind != "baseline" => ("administrative", Some(day), Some("not_reached".to_owned())),
                _ => ("complete", Some(day), None),
            };
            let answers = if status == "complete" {
                super::outcomes::answers(person + j, kind != "baseline")
            } else {
                serde_json::json!({})
            };
            batch.push(outcome_interview::Model {
                id: Uuid::now_v7(),
                person_id: person_ids[person],
                org_id: org_ids[org_of(person)].as_uuid(),
                episode_id: s.id,
                kind: kind.to_owned(),
                year,
                due_on: due,
                opens_on: opens,
                closes_on: closes,
                status: status.to_owned(),
                done_on,
                administrative_reason: reason,
                answers,
                instrument_id: "recovery-outcomes-interview".to_owned(),
                instrument_version: "1.0.0".to_owned(),
                recorded_by: coach,
                created_at: now,
                updated_at: now,
            });
        }
        if batch.len() >= 100_000 {
            made += batch.len();
            insert_all::<outcome_interview::Entity, _>(store.writer(), std::mem::take(&mut batch)).await?;
            eprintln!("{made} interviews ({:.0} s)", started.elapsed().as_secs_f64());
        }
    }
    made += batch.len();
    insert_all::<outcome_interview::Entity, _>(store.writer(), batch).await?;
    eprintln!("{made} interviews ({:.1} s)", started.elapsed().as_secs_f64());

    // Perception-of-care responses over the eight quarters, most agreeing, a few with a comment.
    let rows: Vec<perception_response::Model> = (0..sizes.surveys)
        .map(|i| {
            let day = today - Duration::days(rng.gen_range(0..730));
            let answers: String = (0..pathways_domain::outcomes::perception::ITEMS.len())
                .map(|_| match rng.gen_range(0..20) {
                    0 => '-',
                    1..3 => char::from(b'0' + rng.gen_range(1..=2)),
                    3..6 => '3',
                    _ => char::from(b'0' + rng.gen_range(4..=5)),
                })
                .collect();
            perception_response::Model {
                id: Uuid::now_v7(),
                org_id: org_ids[i % n_orgs].as_uuid(),
                submitted_on: day,
                channel: if i % 3 == 0 { "portal" } else { "tablet" }.into(),
                locale: if i % 4 == 0 { "es" } else { "en" }.into(),
                answers,
                comment: (i % 10 == 0).then(|| "the staff listened to me and helped me find a meeting".to_owned()),
                created_at: day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc(),
            }
        })
        .collect();
    insert_all::<perception_response::Entity, _>(store.writer(), rows).await?;
    eprintln!("{} perception responses ({:.1} s)", sizes.surveys, started.elapsed().as_secs_f64());

    // The bulk inserts bypass the store's record functions: the kept counts and caseload figures, once.
    let tx = store.begin().await?;
    let cells = pathways_store::served::rebuild(&tx).await?;
    // The access and retention report's kept counts (the closed episodes; the outreach pass keeps the items').
    pathways_store::retention_kept::rebuild(&tx, tz).await?;
    // Outcome change's pairs (each completed interview's answers read once, here, not on every report read).
    let pairs = pathways_store::outcome_pairs::rebuild(&tx).await?;
    // The follow-up windows, and their counts by organization and month (the network's report).
    pathways_store::follow_up_kept::rebuild(&tx).await?;
    pathways_store::summary::rebuild_all(&tx).await?;
    tx.commit().await?;
    if store.backend() == pathways_store::sea_orm::DbBackend::Postgres {
        pathways_store::sea_orm::ConnectionTrait::execute_unprepared(store.writer(), "VACUUM ANALYZE").await?;
    } else {
        pathways_store::sea_orm::ConnectionTrait::execute_unprepared(store.writer(), "ANALYZE").await?;
    }
    eprintln!(
        "Generated the state's set: {n_orgs} organizations, {n_persons} persons, {} episodes, {made} interviews, {} \
         perception responses ({cells} people-served cells, {pairs} outcome pairs) in {:.1} s",
        spans.len(),
        sizes.surveys,
        started.elapsed().as_secs_f64()
    );
    // Let the benchmark find an organization's analyst.
    println!("analyst@{first_slug}.test");
    Ok(())
}
