//! People served, kept as counts (issue 17 at a state's scale; migration m0032). For each organization and each
//! period of 3 or 12 months starting on the first of a month, the persons it served, new and continuing
//! (`pathways_domain::outcomes::served::standing`). The people-served reports read these few rows instead of every
//! episode.
//!
//! Kept true in the transaction that changes an episode's days (`outcomes::record_service`, `outcomes::add_episode`):
//! the person's standing is worked out from their episodes with the organization before and after the change, and
//! the difference is added to the cells in one statement. A closeout changes no day a count depends on. Person
//! writes are serialized (SQLite's single writer; on PostgreSQL the audit chain's lock, which the gate takes before
//! the work), so the "before" is what the records held. [`rebuild`] recounts everything from the episodes (the
//! migration's backfill, and after a bulk load); the tests check the kept counts against a recount from the records.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use pathways_domain::outcomes::Served;
use pathways_domain::outcomes::served::{Period, change, standing};
use pathways_domain::{OrgId, PersonId};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Value};
use uuid::Uuid;

use crate::Result;
use crate::entities::{episode, served_count};

use served_count::Column as C;

fn months(m: u32) -> i32 {
    i32::try_from(m).unwrap_or(i32::MAX)
}

/// Adds `deltas` (period → change in new, continuing) to `org`'s cells, making the cells that are not there yet.
async fn add(db: &impl ConnectionTrait, org: Uuid, deltas: &BTreeMap<Period, (i64, i64)>) -> Result<()> {
    let rows: Vec<Vec<Value>> = deltas
        .iter()
        .map(|(p, (n, c))| vec![org.into(), p.first_day.into(), months(p.months).into(), (*n).into(), (*c).into()])
        .collect();
    let (keys, sums) = ([C::OrgId, C::FirstDay, C::Months], [C::NewPersons, C::ContinuingPersons]);
    crate::kept_rows::add(db, served_count::Entity, &keys, &sums, &rows).await
}

/// Applies a change of one person's episodes with `org` (first and last days of service, before and after) to
/// the kept counts, and to their demographic cells (`crate::served_demographic`). Call it in the transaction
/// that makes the change.
pub async fn apply(
    db: &impl ConnectionTrait,
    org: OrgId,
    person: PersonId,
    before: &[(NaiveDate, NaiveDate)],
    after: &[(NaiveDate, NaiveDate)],
) -> Result<()> {
    let (before, after) = (standing(before), standing(after));
    let deltas = change(&before, &after);
    if deltas.is_empty() {
        return Ok(());
    }
    add(db, org.as_uuid(), &deltas).await?;
    crate::served_demographic::apply(db, org, person, &before, &after).await
}

/// The kept counts of `orgs` for `periods`; a period with no row served nobody.
pub async fn counts(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    periods: &[Period],
) -> Result<HashMap<(OrgId, Period), Served>> {
    if orgs.is_empty() || periods.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = served_count::Entity::find()
        .filter(C::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .filter(C::FirstDay.is_in(periods.iter().map(|p| p.first_day)))
        .filter(C::Months.is_in(periods.iter().map(|p| months(p.months))))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let p = Period { first_day: r.first_day, months: u32::try_from(r.months).ok()? };
            periods.contains(&p).then(|| {
                let n = |v: i64| u64::try_from(v).unwrap_or(0);
                ((OrgId::from_uuid(r.org_id), p), Served { new: n(r.new_persons), continuing: n(r.continuing_persons) })
            })
        })
        .collect())
}

/// Every kept cell with a person in it: (organization, period) → (new, continuing). For the tests' recount.
pub async fn all(db: &impl ConnectionTrait) -> Result<BTreeMap<(Uuid, Period), (i64, i64)>> {
    Ok(served_count::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|r| (r.new_persons, r.continuing_persons) != (0, 0))
        .filter_map(|r| {
            let p = Period { first_day: r.first_day, months: u32::try_from(r.months).ok()? };
            Some(((r.org_id, p), (r.new_persons, r.continuing_persons)))
        })
        .collect())
}

/// Recounts every cell from the episodes, and the demographic cells (`crate::served_demographic`), from one read
/// of the episodes — after a bulk load, which bypasses [`apply`]. Returns the people-served cells written (not the
/// demographic ones).
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<u64> {
    let spans = spans_by_person(db).await?;
    let cells = write_counts(db, &spans).await?;
    crate::served_demographic::write_all(db, &spans).await?;
    Ok(cells)
}

/// Recounts the people-served cells from the episodes (migration m0032's backfill, before the demographic cells'
/// table exists). Returns the cells written.
pub async fn rebuild_counts(db: &impl ConnectionTrait) -> Result<u64> {
    write_counts(db, &spans_by_person(db).await?).await
}

/// One person's episodes with one organization: (organization, person, each episode's first and last days of
/// service).
pub(crate) type PersonSpans = (Uuid, Uuid, Vec<(NaiveDate, NaiveDate)>);

/// Every person's episodes with each organization as (organization, person, first and last days of service), read
/// once in the `episode_person` index's order, so each person's episodes with an organization come together.
pub(crate) async fn spans_by_person(db: &impl ConnectionTrait) -> Result<Vec<PersonSpans>> {
    let rows: Vec<(Uuid, Uuid, NaiveDate, NaiveDate)> = episode::Entity::find()
        .select_only()
        .column(episode::Column::OrgId)
        .column(episode::Column::PersonId)
        .column(episode::Column::StartedOn)
        .column(episode::Column::LastServiceOn)
        .order_by_asc(episode::Column::PersonId)
        .order_by_asc(episode::Column::OrgId)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: Vec<PersonSpans> = Vec::new();
    for (org, person, from, to) in rows {
        match out.last_mut() {
            Some((o, p, spans)) if (*o, *p) == (org, person) => spans.push((from, to)),
            _ => out.push((org, person, vec![(from, to)])),
        }
    }
    Ok(out)
}

/// Replaces every people-served cell with the counts of `spans` ([`spans_by_person`]). Returns the cells written.
async fn write_counts(db: &impl ConnectionTrait, spans: &[PersonSpans]) -> Result<u64> {
    let mut cells: HashMap<Uuid, BTreeMap<Period, (i64, i64)>> = HashMap::new();
    for (org, _, spans) in spans {
        let of_org = cells.entry(*org).or_default();
        for (p, new) in standing(spans) {
            let e = of_org.entry(p).or_default();
            if new {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    served_count::Entity::delete_many().exec(db).await?;
    let mut written = 0;
    for (org, of_org) in &cells {
        add(db, *org, of_org).await?;
        written += of_org.len() as u64;
    }
    Ok(written)
}

// --- Who was served (issue 17: people served by demographics) ---

/// The persons served by `orgs` in `[from, to)` — with an episode with one of them overlapping it, each person
/// once (the rule of people served) — counted by date of birth and preferred language: `(born, language,
/// persons)`. Grouped in the database, so no person's row leaves it. The reports read the kept cells
/// (`crate::served_demographic`); this is the tests' recount of them from the records.
#[cfg(test)]
pub(crate) async fn by_birth_and_language(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Option<NaiveDate>, Option<String>, i64)>> {
    use crate::entities::person;
    use sea_orm::sea_query::{Expr, ExprTrait as _, Query};
    let served = Query::select()
        .column(episode::Column::PersonId)
        .from(episode::Entity)
        .and_where(episode::Column::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .and_where(episode::Column::StartedOn.lt(to))
        .and_where(episode::Column::LastServiceOn.gte(from))
        .to_owned();
    let rows: Vec<(Option<NaiveDate>, Option<String>, i64)> = person::Entity::find()
        .select_only()
        .column(person::Column::DateOfBirth)
        .column(person::Column::PreferredLanguage)
        .column_as(Expr::col(person::Column::Id).count(), "persons")
        // A person's record belongs to one organization: the organizations' persons first (their index), then
        // those served in the period.
        .filter(person::Column::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .filter(person::Column::Id.in_subquery(served))
        .group_by(person::Column::DateOfBirth)
        .group_by(person::Column::PreferredLanguage)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use chrono::Months;
    use pathways_domain::PersonId;
    use pathways_domain::access::PersonScope;
    use pathways_domain::org::{OrgKind, Slug};
    use pathways_domain::outcomes::CloseoutReason;
    use pathways_domain::outcomes::served::{PERIOD_MONTHS, served};
    use pathways_domain::person::PersonDetails;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    use super::*;
    use crate::testing::TestDb;
    use crate::{orgs, outcomes, persons};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

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

    /// Every cell, counted again from the episodes with the reports' own rule (`served`), over every period that
    /// can hold a day of the test.
    async fn recount(db: &impl ConnectionTrait, orgs: &[OrgId]) -> BTreeMap<(Uuid, Period), (i64, i64)> {
        let mut out = BTreeMap::new();
        let mut first = d(2023, 12, 1);
        while first <= d(2028, 1, 1) {
            for months in PERIOD_MONTHS {
                let p = Period { first_day: first, months };
                for org in orgs {
                    let spans = outcomes::episodes_between(db, &[*org], p.first_day, p.end()).await.expect("episodes");
                    let s =
                        served(spans.iter().map(|e| (e.person, e.started_on, e.last_service_on)), p.first_day, p.end());
                    if s.total() > 0 {
                        let n = |v: u64| i64::try_from(v).expect("small");
                        out.insert((org.as_uuid(), p), (n(s.new), n(s.continuing)));
                    }
                }
            }
            first = first.checked_add_months(Months::new(1)).expect("a month");
        }
        out
    }

    /// After any sequence of services (new episodes, extensions, late entries moving a start back), closeouts,
    /// returns after a closeout and episodes added directly, in two organizations, the kept counts equal a
    /// recount from the records; and a rebuild writes the same counts.
    #[tokio::test]
    async fn kept_counts_equal_a_recount_from_the_episodes_after_any_changes() {
        let db = TestDb::new().await;
        let w = db.store.writer();
        let mut orgs_made = Vec::new();
        for slug in ["kept-a", "kept-b"] {
            let o = orgs::create(w, &Slug::parse(slug).expect("slug"), slug, OrgKind::RecoveryCommunityCenter)
                .await
                .expect("org");
            orgs_made.push(OrgId::from_uuid(o.id));
        }
        let mut people = Vec::new();
        for i in 0..10 {
            let org = orgs_made[i % 2];
            let p = persons::insert(w, org, &details(&format!("Kept {i}")), None).await.expect("person");
            people.push((org, PersonId::from_uuid(p.id)));
        }
        let days = (d(2026, 12, 31) - d(2025, 1, 1)).num_days();
        for seed in [1u64, 2, 3] {
            let mut rng = StdRng::seed_from_u64(seed);
            for step in 1..=150 {
                let (org, person) = people[rng.gen_range(0..people.len())];
                let scope = PersonScope { org, assigned_to: None, only_person: None };
                let day = d(2025, 1, 1) + chrono::Duration::days(rng.gen_range(0..=days));
                let tx = db.store.begin().await.expect("begin");
                match rng.gen_range(0..20) {
                    0..14 => outcomes::record_service(&tx, &scope, person, day).await.expect("service"),
                    14..17 => {
                        outcomes::close_episode(&tx, &scope, person, day, CloseoutReason::Completed)
                            .await
                            .expect("close");
                    }
                    _ => {
                        let last = day + chrono::Duration::days(rng.gen_range(0..200));
                        outcomes::add_episode(&tx, org, person, day, last, None).await.expect("add");
                    }
                }
                tx.commit().await.expect("commit");
                if step % 50 == 0 {
                    assert_eq!(all(w).await.expect("kept"), recount(w, &orgs_made).await, "seed {seed}, step {step}");
                }
            }
        }
        let kept = all(w).await.expect("kept");
        assert!(!kept.is_empty());
        rebuild(w).await.expect("rebuild");
        assert_eq!(all(w).await.expect("rebuilt"), kept);
        // The reports' reader: one organization's quarter.
        let q = Period { first_day: d(2025, 7, 1), months: 3 };
        let got = counts(w, &orgs_made[..1], &[q]).await.expect("counts");
        let want = kept.get(&(orgs_made[0].as_uuid(), q)).copied().unwrap_or_default();
        let got = got.get(&(orgs_made[0], q)).copied().unwrap_or_default();
        assert_eq!((got.new as i64, got.continuing as i64), want);
    }
}
