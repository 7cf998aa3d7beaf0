//! `pathways demo generate`: a large, clearly fictional data set for benchmarks — an organization with
//! coaches, persons on their caseloads, plans, a year of check-ins and quarterly BARC-10s.

use std::time::Instant;

use anyhow::Context;
use chrono::{Duration, Utc};
use pathways_domain::dimension::Dimension;
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::plan::{Goal, GoalStatus, PlanContent};
use pathways_domain::{PrincipalKind, Role};
use pathways_store::bulk::insert_all;
use pathways_store::entities::{account, assessment, checkin, person, plan_version};
use pathways_store::{Store, orgs};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

pub struct Sizes {
    pub persons: usize,
    pub checkins: usize,
    pub assessments: usize,
    pub persons_per_coach: usize,
    /// Issue 21: signed service events over the past year (`generate_financing`).
    pub service_events: usize,
}

const FIRST: [&str; 16] = [
    "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Ana", "Luis", "Keisha", "Tomasz", "Mei",
    "Omar", "Rosa", "Dev",
];
const LAST: [&str; 16] = [
    "Rivera",
    "Lee",
    "Nowak",
    "Brown",
    "Patel",
    "González",
    "Smith",
    "Nguyen",
    "Díaz",
    "Kim",
    "Cohen",
    "Santos",
    "Walker",
    "Ali",
    "Moreau",
    "Silva",
];

pub async fn generate(store: &Store, sizes: &Sizes, password_hash: &str) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(7);
    let now = pathways_store::now();
    let slug = format!("bench-{}", &Uuid::now_v7().simple().to_string()[24..]);
    let org = orgs::create(
        store.writer(),
        &Slug::parse(&slug)?,
        "Generated Benchmark Organization (fictional)",
        OrgKind::RecoveryCommunityCenter,
    )
    .await
    .context("creating the benchmark organization")?;
    let coaches = sizes.persons.div_ceil(sizes.persons_per_coach.max(1)).max(1);
    let account = |role: Role, email: String, name: String| account::Model {
        id: Uuid::now_v7(),
        org_id: org.id,
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
    let mut staff: Vec<account::Model> =
        (0..coaches).map(|i| account(Role::Coach, format!("coach{i}@{slug}.test"), format!("Coach {i}"))).collect();
    staff.push(account(Role::Supervisor, format!("supervisor@{slug}.test"), "Supervisor".into()));
    let coach_ids: Vec<Uuid> = staff.iter().take(coaches).map(|a| a.id).collect();
    insert_all::<account::Entity, _>(store.writer(), staff).await?;
    eprintln!("{coaches} coaches and a supervisor: coach0@{slug}.test … (password as for the demo)");

    let persons: Vec<person::Model> = (0..sizes.persons)
        .map(|i| person::Model {
            id: Uuid::now_v7(),
            org_id: org.id,
            preferred_name: format!("{} {} {i}", FIRST[i % 16], LAST[(i / 16) % 16]),
            legal_name: None,
            pronouns: None,
            date_of_birth: None,
            preferred_language: Some(if i % 4 == 0 { "es" } else { "en" }.into()),
            phone: None,
            email: None,
            assigned_coach_id: Some(coach_ids[i % coaches]),
            // Enrolled over the past two years, so check-ups fall due, are overdue or are done at every stage.
            created_at: now - Duration::days(i64::try_from(i % 730).unwrap_or(0)),
            updated_at: now,
        })
        .collect();
    let ids: Vec<Uuid> = persons.iter().map(|p| p.id).collect();
    insert_all::<person::Entity, _>(store.writer(), persons).await?;
    eprintln!("{} persons in {:.1} s", ids.len(), started.elapsed().as_secs_f64());

    let plans: Vec<plan_version::Model> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let content = PlanContent {
                goals: (0..3)
                    .map(|k| Goal {
                        id: Uuid::now_v7(),
                        dimension: Dimension::ALL[(i + k) % 4],
                        text: format!("Goal {k} in my own words"),
                        why: "It matters to me".into(),
                        strengths: String::new(),
                        steps: Vec::new(),
                        supports: Vec::new(),
                        target_date: None,
                        status: GoalStatus::InProgress,
                        notes: Vec::new(),
                    })
                    .collect(),
                review_date: Some(now.date_naive() + Duration::days((i % 60) as i64 - 10)),
                ..PlanContent::default()
            };
            plan_version::Model {
                id: Uuid::now_v7(),
                person_id: *id,
                org_id: org.id,
                version: 1,
                review_date: content.review_date,
                content: serde_json::to_value(&content).unwrap_or_default(),
                author_account_id: coach_ids[i % coaches],
                author_kind: "staff".into(),
                restored_from: None,
                created_at: now,
            }
        })
        .collect();
    insert_all::<plan_version::Entity, _>(store.writer(), plans).await?;

    // Check-ins in batches, so memory stays flat whatever the size.
    let per_batch = 100_000;
    let mut done = 0;
    while done < sizes.checkins {
        let n = per_batch.min(sizes.checkins - done);
        let rows: Vec<checkin::Model> = (0..n)
            .map(|k| {
                let i = (done + k) % ids.len();
                let safe = rng.gen_ratio(999, 1000);
                checkin::Model {
                    id: Uuid::now_v7(),
                    person_id: ids[i],
                    org_id: org.id,
                    mood: rng.gen_range(1..=5),
                    craving: rng.gen_range(0..=10),
                    used_since_last: rng.gen_ratio(1, 10),
                    use_note: None,
                    meetings_attended: rng.gen_range(0..4),
                    supports: None,
                    safe,
                    created_by_account_id: coach_ids[i % coaches],
                    created_at: now - Duration::minutes(rng.gen_range(0..525_600)),
                }
            })
            .collect();
        insert_all::<checkin::Entity, _>(store.writer(), rows).await?;
        done += n;
        eprintln!("{done} check-ins ({:.0} s)", started.elapsed().as_secs_f64());
    }

    let rows: Vec<assessment::Model> = (0..sizes.assessments)
        .map(|k| {
            let i = k % ids.len();
            let quarter = (k / ids.len()) as i64;
            let answers: Vec<u8> = (0..10).map(|_| rng.gen_range(2..=6)).collect();
            let total: i16 = answers.iter().map(|a| i16::from(*a)).sum();
            assessment::Model {
                id: Uuid::now_v7(),
                person_id: ids[i],
                org_id: org.id,
                instrument: "barc10".into(),
                answers: serde_json::json!(answers),
                total,
                at_or_above_cutoff: total >= 47,
                taken_by_account_id: coach_ids[i % coaches],
                taken_by_kind: "staff".into(),
                taken_at: now - Duration::days(365 - quarter * 90),
            }
        })
        .collect();
    insert_all::<assessment::Entity, _>(store.writer(), rows).await?;
    let events =
        super::generate_financing::service_events(store, org.id, &coach_ids, &ids, sizes.service_events, &mut rng)
            .await?;
    if events > 0 {
        eprintln!("{events} service events ({:.0} s)", started.elapsed().as_secs_f64());
    }
    // The bulk inserts bypass the store's record functions, so the caseload figures are computed once at the end.
    let tx = store.begin().await?;
    pathways_store::summary::rebuild_all(&tx).await?;
    tx.commit().await?;
    // After a bulk load PostgreSQL needs fresh statistics and visibility maps (index-only scans), which
    // autovacuum would otherwise bring only minutes later.
    if store.backend() == pathways_store::sea_orm::DbBackend::Postgres {
        pathways_store::sea_orm::ConnectionTrait::execute_unprepared(store.writer(), "VACUUM ANALYZE").await?;
    }
    eprintln!(
        "Generated {} persons, {} check-ins, {} assessments for {slug} in {:.1} s",
        ids.len(),
        sizes.checkins,
        sizes.assessments,
        started.elapsed().as_secs_f64()
    );
    // Let the benchmark find a person and a coach.
    println!("{slug} {} {}", ids.first().map(Uuid::to_string).unwrap_or_default(), Utc::now().to_rfc3339());
    Ok(())
}
