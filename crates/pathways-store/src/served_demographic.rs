//! People served by age band and preferred language, kept as counts (issue 17 at a state's scale; migration
//! m0051). For each organization and each fiscal year of 12 months starting on the first of a month, the persons it
//! served (an episode with it overlapping the year: the rule of people served) by their age band on the year's
//! first day and their language group (`pathways_domain::outcomes::demographics::cells`). The demographic tables
//! of people served read these few rows (at most 8 bands × 10 groups per organization and year) instead of every
//! person served: an organization's report read ~2,000 persons on a state's set, the network's 200,000.
//!
//! Kept true in the transaction that changes an input, as `crate::served` keeps the counts of people served:
//! - an episode's days (`outcomes::record_service`, `outcomes::add_episode`, through `served::apply`): the years
//!   the person is served in before and after, with their details now;
//! - a person's date of birth or preferred language (`persons::update`): every year they are served in, moved
//!   from the old cell to the new one.
//!
//! A person's record never moves between organizations, and records are not deleted (a person leaves by a
//! closeout). [`rebuild`] recounts everything from the records (the migration's backfill; after a bulk load); the
//! tests check the kept counts against the report's own query over the records (`served::by_birth_and_language`).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use pathways_domain::outcomes::demographics::{AgeBand, Cell, LanguageGroup, cell_change, cells};
use pathways_domain::outcomes::served::{Period, standing};
use pathways_domain::{OrgId, PersonId};
use sea_orm::sea_query::{Alias, Expr, ExprTrait as _};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Value};
use uuid::Uuid;

use crate::Result;
use crate::entities::{episode, person, served_demographic};

use served_demographic::Column as C;

/// Adds `deltas` to `org`'s cells, making the cells that are not there yet.
async fn add(db: &impl ConnectionTrait, org: Uuid, deltas: &BTreeMap<Cell, i64>) -> Result<()> {
    let rows: Vec<Vec<Value>> = deltas
        .iter()
        .filter(|(_, d)| **d != 0)
        .map(|((first_day, band, group), d)| {
            vec![org.into(), (*first_day).into(), band.key().into(), group.key().into(), (*d).into()]
        })
        .collect();
    let keys = [C::OrgId, C::FirstDay, C::Band, C::Language];
    crate::kept_rows::add(db, served_demographic::Entity, &keys, &[C::Persons], &rows).await
}

/// A person's date of birth and preferred language.
async fn details(db: &impl ConnectionTrait, person: PersonId) -> Result<(Option<NaiveDate>, Option<String>)> {
    Ok(person::Entity::find_by_id(person.as_uuid())
        .select_only()
        .column(person::Column::DateOfBirth)
        .column(person::Column::PreferredLanguage)
        .into_tuple::<(Option<NaiveDate>, Option<String>)>()
        .one(db)
        .await?
        .unwrap_or((None, None)))
}

fn years(s: &BTreeMap<Period, bool>) -> impl Iterator<Item = &Period> {
    s.keys().filter(|p| p.months == 12)
}

/// Applies a change of one person's episodes with `org` (their standing in each period before and after,
/// `served::standing`) to the kept counts, with the person's details as recorded. Call it in the transaction
/// that makes the change.
pub async fn apply(
    db: &impl ConnectionTrait,
    org: OrgId,
    person: PersonId,
    before: &BTreeMap<Period, bool>,
    after: &BTreeMap<Period, bool>,
) -> Result<()> {
    if years(before).eq(years(after)) {
        return Ok(());
    }
    let (born, language) = details(db, person).await?;
    let delta = cell_change(&cells(before, born, language.as_deref()), &cells(after, born, language.as_deref()));
    add(db, org.as_uuid(), &delta).await
}

/// Moves a person from the cells of their old date of birth and language to the new ones, in every year they
/// were served in. Call it in the transaction that changes the details.
pub async fn details_changed(
    db: &impl ConnectionTrait,
    person: PersonId,
    before: (Option<NaiveDate>, Option<&str>),
    after: (Option<NaiveDate>, Option<&str>),
) -> Result<()> {
    let group = |l: Option<&str>| LanguageGroup::of(l);
    if before.0 == after.0 && group(before.1) == group(after.1) {
        return Ok(());
    }
    let rows: Vec<(Uuid, NaiveDate, NaiveDate)> = episode::Entity::find()
        .select_only()
        .column(episode::Column::OrgId)
        .column(episode::Column::StartedOn)
        .column(episode::Column::LastServiceOn)
        .filter(episode::Column::PersonId.eq(person.as_uuid()))
        .into_tuple()
        .all(db)
        .await?;
    let mut by_org: BTreeMap<Uuid, Vec<(NaiveDate, NaiveDate)>> = BTreeMap::new();
    for (org, from, to) in rows {
        by_org.entry(org).or_default().push((from, to));
    }
    for (org, spans) in by_org {
        let s = standing(&spans);
        add(db, org, &cell_change(&cells(&s, before.0, before.1), &cells(&s, after.0, after.1))).await?;
    }
    Ok(())
}

/// The persons `orgs` served in the fiscal year starting on `first_day`, by age band and language group (summed
/// over the organizations; a person's record belongs to one organization).
pub async fn read(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    first_day: NaiveDate,
) -> Result<Vec<(AgeBand, LanguageGroup, u64)>> {
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(String, String, i64)> = served_demographic::Entity::find()
        .select_only()
        .column(C::Band)
        .column(C::Language)
        .column_as(Expr::col(C::Persons).sum().cast_as(Alias::new("BIGINT")), "persons")
        .filter(C::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .filter(C::FirstDay.eq(first_day))
        .group_by(C::Band)
        .group_by(C::Language)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(band, language, n)| {
            Some((AgeBand::parse(&band)?, LanguageGroup::parse(&language)?, u64::try_from(n).ok()?))
        })
        .filter(|(_, _, n)| *n > 0)
        .collect())
}

/// Every kept cell with a person in it: (organization, first day, band, language) → persons. For the tests.
pub async fn all(db: &impl ConnectionTrait) -> Result<BTreeMap<(Uuid, NaiveDate, String, String), i64>> {
    Ok(served_demographic::Entity::find()
        .filter(C::Persons.ne(0))
        .all(db)
        .await?
        .into_iter()
        .map(|r| ((r.org_id, r.first_day, r.band, r.language), r.persons))
        .collect())
}

/// Recounts every cell from the records (the migration's backfill). Returns the cells written.
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<u64> {
    write_all(db, &crate::served::spans_by_person(db).await?).await
}

/// Replaces every cell with those of `spans` (each person's episodes with each organization:
/// `served::spans_by_person`) and the persons' details as recorded (after a bulk load, which bypasses [`apply`]:
/// `served::rebuild`). Returns the cells written.
pub(crate) async fn write_all(db: &impl ConnectionTrait, spans: &[crate::served::PersonSpans]) -> Result<u64> {
    let persons: HashMap<Uuid, (Option<NaiveDate>, Option<String>)> = person::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .column(person::Column::DateOfBirth)
        .column(person::Column::PreferredLanguage)
        .into_tuple::<(Uuid, Option<NaiveDate>, Option<String>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, born, language)| (id, (born, language)))
        .collect();
    let mut kept: HashMap<Uuid, BTreeMap<Cell, i64>> = HashMap::new();
    for (org, person, spans) in spans {
        let (born, language) = persons.get(person).cloned().unwrap_or_default();
        let of_org = kept.entry(*org).or_default();
        for cell in cells(&standing(spans), born, language.as_deref()) {
            *of_org.entry(cell).or_default() += 1;
        }
    }
    served_demographic::Entity::delete_many().exec(db).await?;
    let mut written = 0;
    for (org, of_org) in &kept {
        add(db, *org, of_org).await?;
        written += of_org.len() as u64;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Months};
    use pathways_domain::access::PersonScope;
    use pathways_domain::org::{OrgKind, Slug};
    use pathways_domain::outcomes::CloseoutReason;
    use pathways_domain::outcomes::demographics::tally;
    use pathways_domain::person::PersonDetails;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    use super::*;
    use crate::testing::TestDb;
    use crate::{orgs, outcomes, persons, served};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    fn details(name: &str, born: Option<NaiveDate>, language: Option<&str>) -> PersonDetails {
        PersonDetails {
            preferred_name: name.into(),
            legal_name: None,
            pronouns: None,
            date_of_birth: born,
            preferred_language: language.map(str::to_owned),
            phone: None,
            email: None,
        }
    }

    /// Every fiscal year (12 months from the first of any month) that can hold a day of the test, each
    /// organization's tables counted again from the records by the report's own query and rule
    /// (`served::by_birth_and_language`, `tally`) beside the kept cells' (`read`, `tally_cells`).
    async fn compare(db: &impl ConnectionTrait, orgs: &[OrgId], context: &str) {
        use pathways_domain::outcomes::demographics::tally_cells;
        let mut first = d(2024, 1, 1);
        while first <= d(2027, 12, 1) {
            let end = first.checked_add_months(Months::new(12)).expect("a year on");
            for org in orgs {
                let rows = served::by_birth_and_language(db, &[*org], first, end).await.expect("records");
                let want = tally(rows.iter().map(|(b, l, n)| (*b, l.as_deref(), u64::try_from(*n).expect("n"))), first);
                let got = tally_cells(read(db, &[*org], first).await.expect("kept"));
                assert_eq!(got, want, "{context}: {org:?} from {first}");
            }
            first = first.checked_add_months(Months::new(1)).expect("next month");
        }
    }

    /// After any sequence of services, closeouts, episodes added directly and corrections of a date of birth or a
    /// language, in two organizations, the kept cells give the tables the records give, for every fiscal year;
    /// a rebuild writes the same cells.
    #[tokio::test]
    async fn kept_cells_equal_the_records_after_any_changes() {
        let db = TestDb::new().await;
        let w = db.store.writer();
        let mut made = Vec::new();
        for slug in ["demo-a", "demo-b"] {
            let o = orgs::create(w, &Slug::parse(slug).expect("slug"), slug, OrgKind::RecoveryCommunityCenter)
                .await
                .expect("org");
            made.push(OrgId::from_uuid(o.id));
        }
        let languages = [None, Some("en"), Some("es-MX"), Some("pt-BR"), Some("ar")];
        let born = |rng: &mut StdRng| {
            // Some born on 29 February, some with no date recorded.
            match rng.gen_range(0..6) {
                0 => None,
                1 => Some(d(2008, 2, 29)),
                _ => Some(d(1950, 1, 1) + Duration::days(rng.gen_range(0..20_000))),
            }
        };
        let mut rng = StdRng::seed_from_u64(17);
        let mut people = Vec::new();
        for i in 0..10 {
            let org = made[i % 2];
            let language = languages[rng.gen_range(0..languages.len())];
            let p = persons::insert(w, org, &details(&format!("Person {i}"), born(&mut rng), language), None)
                .await
                .expect("person");
            people.push((org, PersonId::from_uuid(p.id)));
        }
        let days = (d(2026, 12, 31) - d(2025, 1, 1)).num_days();
        for step in 1..=120 {
            let (org, person) = people[rng.gen_range(0..people.len())];
            let scope = PersonScope { org, assigned_to: None, only_person: None };
            let day = d(2025, 1, 1) + Duration::days(rng.gen_range(0..=days));
            let tx = db.store.begin().await.expect("begin");
            match rng.gen_range(0..20) {
                0..11 => outcomes::record_service(&tx, &scope, person, day).await.expect("service"),
                11..13 => {
                    outcomes::close_episode(&tx, &scope, person, day, CloseoutReason::Completed).await.expect("close");
                }
                13..16 => {
                    let last = day + Duration::days(rng.gen_range(0..200));
                    outcomes::add_episode(&tx, org, person, day, last, None).await.expect("add");
                }
                _ => {
                    let language = languages[rng.gen_range(0..languages.len())];
                    let new = details(&format!("Person {step}"), born(&mut rng), language);
                    persons::update(&tx, &scope, person, &new, None).await.expect("update").expect("in scope");
                }
            }
            tx.commit().await.expect("commit");
            if step % 40 == 0 {
                compare(w, &made, &format!("step {step}")).await;
            }
        }
        let kept = all(w).await.expect("kept");
        assert!(!kept.is_empty());
        rebuild(w).await.expect("rebuild");
        assert_eq!(all(w).await.expect("rebuilt"), kept);
        // Both organizations read together are their sum (the network's tables).
        let year = d(2025, 7, 1);
        let (a, b) = (read(w, &made[..1], year).await.expect("a"), read(w, &made[1..], year).await.expect("b"));
        let both = read(w, &made, year).await.expect("both");
        let sum = |rows: &[(AgeBand, LanguageGroup, u64)]| rows.iter().map(|r| r.2).sum::<u64>();
        assert_eq!(sum(&both), sum(&a) + sum(&b));
        assert!(sum(&both) > 0);
    }
}
