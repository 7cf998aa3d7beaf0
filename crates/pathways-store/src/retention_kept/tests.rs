//! On the database the suite runs against (SQLite, or PostgreSQL when `PATHWAYS_TEST_POSTGRES_URL` is set): the
//! kept cells equal a recount from the records after a realistic sequence of changes, and the report's reader
//! gives what the records give by the report's own rule.

use chrono::{Duration, Months, TimeZone as _};
use pathways_domain::access::PersonScope;
use pathways_domain::checkup::start_of_day;
use pathways_domain::deployment::DEFAULT_TIME_ZONE;
use pathways_domain::encounter::{Encounter, EncounterType};
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::outcomes::CloseoutReason;
use pathways_domain::outcomes::retention::{Tally, days_in_episode, re_engagement};
use pathways_domain::person::PersonDetails;
use pathways_domain::{AccountId, PersonId};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait as _, ActiveValue::Set};

use super::*;
use crate::entities::person;
use crate::outreach::{Attempt, QueuePage};
use crate::testing::TestDb;
use crate::{orgs, outcomes, outreach, persons, records};

fn details(name: &str) -> PersonDetails {
    PersonDetails {
        preferred_name: name.into(),
        legal_name: None,
        pronouns: None,
        date_of_birth: None,
        preferred_language: None,
        phone: None,
        email: None,
    }
}

fn flat(cells: BTreeMap<(Uuid, &'static str), Kept>) -> BTreeMap<(Uuid, String, KeptKey), i64> {
    cells
        .into_iter()
        .flat_map(|((org, m), k)| k.into_iter().map(move |(key, n)| ((org, m.to_owned(), key), n)))
        .collect()
}

/// The report's figures for `orgs` and the year from `first`, by its own rule over the records (as
/// `services::outcome_reports` read them before the counts were kept).
async fn by_the_records(db: &impl ConnectionTrait, orgs: &[OrgId], first: NaiveDate, tz: Tz) -> [Tally; 2] {
    let end = first.checked_add_months(Months::new(12)).expect("a year");
    let items = crate::retention::not_engaged_items(db, orgs, start_of_day(first, tz), start_of_day(end, tz))
        .await
        .expect("items");
    let episodes = crate::retention::closed_episodes(db, orgs, first, end).await.expect("episodes");
    [
        re_engagement(items.into_iter().map(|i| (i.1, i.2, i.3))),
        days_in_episode(episodes.into_iter().map(|e| (e.1, e.2))),
    ]
}

/// Services, closeouts and episodes added with their closeout; encounters and attempts that reach a person; the
/// outreach pass (whole, and one person at a time) opening and closing "not engaged" items as the clock moves
/// over two years — in two organizations. Every 80 steps the kept cells equal a recount from the records; at the
/// end a rebuild writes the same cells, and the report's reader gives, for three years, what the records give by
/// the report's rule: each organization's counts and median, and the network's line.
#[tokio::test]
async fn kept_retention_equals_a_recount_from_the_records_after_a_realistic_sequence() {
    let db = TestDb::new().await;
    let (w, store) = (db.store.writer(), &db.store);
    let tz = DEFAULT_TIME_ZONE;
    let coach = AccountId::new();
    let mut orgs_made = Vec::new();
    for slug in ["kept-ret-a", "kept-ret-b"] {
        let o = orgs::create(w, &Slug::parse(slug).expect("slug"), slug, OrgKind::RecoveryCommunityCenter)
            .await
            .expect("org");
        orgs_made.push(OrgId::from_uuid(o.id));
    }
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 15, 0, 0).single().expect("a time");
    let mut people = Vec::new();
    for i in 0..30 {
        let org = orgs_made[i % 2];
        let p = persons::insert(w, org, &details(&format!("Kept {i}")), None).await.expect("person");
        let mut m: person::ActiveModel = p.into();
        m.created_at = Set(start);
        let p = m.update(w).await.expect("backdate");
        people.push((PersonScope { org, assigned_to: None, only_person: None }, PersonId::from_uuid(p.id)));
    }
    let mut now = start;
    let mut rng = StdRng::seed_from_u64(17);
    for step in 1..=480 {
        now += Duration::days(rng.gen_range(0..3)) + Duration::hours(rng.gen_range(0..24));
        let today = now.with_timezone(&tz).date_naive();
        let (scope, person) = people[rng.gen_range(0..people.len())];
        let tx = store.begin().await.expect("begin");
        match rng.gen_range(0..20) {
            0..3 => {
                tx.commit().await.expect("commit");
                outreach::full_pass(store, now, tz).await.expect("pass");
                continue;
            }
            3..7 => {
                outreach::evaluate_person(&tx, person, now, tz).await.expect("evaluate");
            }
            7..11 => {
                let e = Encounter {
                    date: today - Duration::days(rng.gen_range(0..3)),
                    kind: EncounterType::Phone,
                    minutes: 15,
                    topics: vec![],
                    notes: None,
                };
                records::add_encounter(&tx, &scope, person, &e, coach).await.expect("encounter");
                outcomes::record_service(&tx, &scope, person, e.date).await.expect("service");
                if rng.gen_bool(0.5) {
                    outreach::evaluate_person(&tx, person, now, tz).await.expect("evaluate");
                }
            }
            11..14 => {
                let day = today - Duration::days(rng.gen_range(0..40));
                outcomes::record_service(&tx, &scope, person, day).await.expect("service");
            }
            14..17 => {
                outcomes::close_episode(&tx, &scope, person, today, CloseoutReason::Completed).await.expect("close");
            }
            17..18 => {
                let first = today - Duration::days(rng.gen_range(30..400));
                let last = first + Duration::days(rng.gen_range(0..30));
                let end = Some((last, CloseoutReason::LostContact));
                outcomes::add_episode(&tx, scope.org, person, first, last, end).await.expect("add");
            }
            _ => {
                let open = outreach::queue(&tx, &scope, QueuePage { escalated_only: false, offset: 0, limit: 50 })
                    .await
                    .expect("queue");
                if let Some(item) = open.iter().find(|i| i.kind == "not_engaged") {
                    let attempt = Attempt { by: coach, channel: "phone".into(), outcome: "reached".into(), note: None };
                    outreach::record_attempt(&tx, &scope, item.id, attempt, now, tz).await.expect("attempt");
                }
            }
        }
        tx.commit().await.expect("commit");
        if step % 80 == 0 {
            assert_eq!(all(w).await.expect("kept"), flat(recount(w, tz).await.expect("recount")), "step {step}");
            // The packed rows, rewritten in each change's transaction, hold the cells as kept.
            let packed = summary::kept(w).await.expect("packed");
            assert!(!packed.is_empty());
            assert_eq!(packed, summary::recounted(w).await.expect("cells"), "step {step}: packed rows");
        }
    }
    let kept = all(w).await.expect("kept");
    let measures: HashSet<&str> = kept.keys().map(|k| k.1.as_str()).collect();
    assert_eq!(measures.len(), 2, "both measures have cells");
    assert!(kept.keys().any(|k| k.1 == "re_engagement" && k.2.1 < 2), "some persons came back");
    let packed = summary::kept(w).await.expect("packed");
    rebuild(w, tz).await.expect("rebuild");
    assert_eq!(all(w).await.expect("rebuilt"), kept);
    assert_eq!(summary::kept(w).await.expect("packed again"), packed, "a rebuild packs the same rows");

    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("a date");
    let mut medians = 0;
    for first in [d(2025, 7, 1), d(2025, 10, 1), d(2026, 1, 1)] {
        let network = read(w, &orgs_made, first).await.expect("read");
        let one = read(w, &orgs_made[..1], first).await.expect("read one");
        let whole = by_the_records(w, &orgs_made, first, tz).await;
        for (i, m) in KEPT.into_iter().enumerate() {
            let all_line = network.all.get(&m).cloned().unwrap_or_else(|| Histogram::new(m));
            assert_eq!(all_line, Histogram::of_tally(&whole[i]), "{first} {m:?}: the network's line");
            assert_eq!(all_line.median(), whole[i].median());
            for org in &orgs_made {
                let t = &by_the_records(w, &[*org], first, tz).await[i];
                let counts = network.by_org.get(&(*org, m)).map(|h| h.counts.clone());
                assert_eq!(counts.unwrap_or_else(|| vec![0; m.categories().len()]), t.counts, "{first} {m:?}");
                assert_eq!(network.medians.get(&(*org, m)).copied(), t.median(), "{first} {m:?}: median");
                medians += usize::from(t.median().is_some());
            }
            let t = &by_the_records(w, &orgs_made[..1], first, tz).await[i];
            let mine = one.all.get(&m).cloned().unwrap_or_else(|| Histogram::new(m));
            assert_eq!(mine, Histogram::of_tally(t), "{first} {m:?}: one organization");
            assert_eq!(one.medians.get(&(orgs_made[0], m)).copied(), t.median());
        }
    }
    assert!(medians > 0, "an organization's median was worked out by the database");
}
