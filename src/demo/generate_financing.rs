//! `pathways demo generate --service-events N` (issue 21's benchmark): a payer, a grant and a voucher program for
//! the generated organization, and N signed service events by its coaches over the past year (about N / 12 a
//! month), so the monthly funder report runs over a realistic month. Fictional; inserted in bulk, so the events'
//! checks are not run: each is stored as a signed event the check passed, except one in ten stored as still
//! waiting for a supervisor's co-signature (its problem and `problem_count` written together, as the store does),
//! so the report counts both kinds. The report's kept month lines are recounted once the events are in.

use chrono::{Duration, NaiveDate};
use pathways_domain::OrgId;
use pathways_domain::financing::{Budget, Funding, PayerProfile, ServiceCode};
use pathways_store::audit::Actor;
use pathways_store::bulk::insert_all;
use pathways_store::entities::{service_event, service_event_person};
use pathways_store::financing::{add_funding_source, add_profile};
use pathways_store::{Store, now};
use rand::Rng;
use rand::rngs::StdRng;
use uuid::Uuid;

/// Makes the sources and `n` events; returns how many were inserted.
pub async fn service_events(
    store: &Store,
    org: Uuid,
    coaches: &[Uuid],
    persons: &[Uuid],
    n: usize,
    rng: &mut StdRng,
) -> anyhow::Result<usize> {
    if n == 0 || coaches.is_empty() || persons.is_empty() {
        return Ok(0);
    }
    let today = now().date_naive();
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let org_id = OrgId::from_uuid(org);
    let tx = store.begin().await?;
    let mut sources = Vec::new();
    for (name, rate, funding) in [
        ("Generated payer (fictional)", 1_800, Funding::Payer),
        (
            "Generated grant (fictional)",
            2_000,
            Funding::Grant {
                starts_on: today - Duration::days(400),
                ends_on: today + Duration::days(400),
                budget: Budget::Units(100_000_000),
                allowed: vec![ServiceCode::peer_services()],
            },
        ),
        ("Generated vouchers (fictional)", 1_600, Funding::VoucherProgram),
    ] {
        let p = add_profile(&tx, &actor, org_id, &PayerProfile::peer_services(name, rate)).await?;
        let s = add_funding_source(&tx, &actor, org_id, name, p, &funding)
            .await?
            .ok_or_else(|| anyhow::anyhow!("a generated funding source"))?;
        sources.push((s, i64::from(rate)));
    }
    tx.commit().await?;

    let stamp = now();
    let per_batch = 50_000;
    let mut done = 0;
    while done < n {
        let k = per_batch.min(n - done);
        let mut events = Vec::with_capacity(k);
        let mut people = Vec::with_capacity(k);
        for j in 0..k {
            let i = done + j;
            let person = persons[i % persons.len()];
            let staff = coaches[(i % persons.len()) % coaches.len()];
            let (source, rate) = sources[i % sources.len()];
            let date: NaiveDate = today - Duration::days(rng.gen_range(0..365));
            let minutes: i32 = rng.gen_range(15..=90);
            // 15-minute units, a unit once more than half of it is reached (CMS Pub. 100-04 ch. 5 §20.2).
            let units = (minutes + 7) / 15;
            // One in ten still waits for a supervisor's co-signature, so the report counts both kinds.
            let waiting = i % 10 == 9;
            let id = Uuid::now_v7();
            events.push(service_event::Model {
                id,
                org_id: org,
                encounter_id: None,
                staff_account_id: staff,
                occurred_on: date,
                start_minute: rng.gen_range(480..1_020),
                minutes,
                code: pathways_domain::financing::H0038.into(),
                modifiers: serde_json::json!([]),
                place_of_service: if i % 3 == 0 { "12" } else { "11" }.into(),
                goal_id: None,
                funding_source_id: source,
                authorization: None,
                diagnosis_on_file: true,
                units,
                cents: i64::from(units) * rate,
                problems: if waiting {
                    serde_json::json!([{"problem": "cosignature_missing"}])
                } else {
                    serde_json::json!([])
                },
                state: "signed".into(),
                signed_by: Some(staff),
                signed_at: Some(stamp),
                cosigned_by: None,
                cosigned_at: None,
                version: 1,
                supersedes: None,
                correction_reason: None,
                created_by: staff,
                created_at: stamp,
                problem_count: i32::from(waiting),
                person_count: 1,
            });
            people.push(service_event_person::Model {
                event_id: id,
                person_id: person,
                org_id: org,
                occurred_on: date,
                units,
            });
        }
        insert_all::<service_event::Entity, _>(store.writer(), events).await?;
        insert_all::<service_event_person::Entity, _>(store.writer(), people).await?;
        done += k;
        eprintln!("{done} service events");
    }
    // Inserted in bulk, past the signing that keeps the report's month lines (m0037): counted once, here.
    let lines = pathways_store::financing::kept::rebuild(store.writer()).await?;
    eprintln!("{lines} month lines of the funder report counted");
    Ok(done)
}
