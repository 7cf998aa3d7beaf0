//! Episodes of care (issue 17): a person's episode with a program (an organization), from its first service to
//! its last, closed out with a reason. Existing persons get one episode each, from their first record (an
//! encounter, a check-in, a BARC-10, a check-up) to their last — or from the day their record was made when they
//! have none; the migration logs how many it made. Timestamps become days in the zone of `PATHWAYS_DEPLOYMENT_TIME_ZONE` when it is set in the
//! environment, else the default deployment zone (a migration does not read `pathways.toml`).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Episode {
    Table,
    Id,
    PersonId,
    OrgId,
    StartedOn,
    LastServiceOn,
    EndedOn,
    CloseoutReason,
    CreatedAt,
    UpdatedAt,
}

fn zone() -> chrono_tz::Tz {
    std::env::var("PATHWAYS_DEPLOYMENT_TIME_ZONE")
        .ok()
        .and_then(|z| pathways_domain::deployment::parse_time_zone(&z).ok())
        .unwrap_or(pathways_domain::deployment::DEFAULT_TIME_ZONE)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Episode::Table)
                .col(pk_uuid(Episode::Id))
                .col(uuid(Episode::PersonId))
                .col(uuid(Episode::OrgId))
                .col(date(Episode::StartedOn))
                .col(date(Episode::LastServiceOn))
                .col(date_null(Episode::EndedOn))
                .col(string_null(Episode::CloseoutReason))
                .col(timestamp_with_time_zone(Episode::CreatedAt))
                .col(timestamp_with_time_zone(Episode::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Episode::Table, Episode::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("episode_person")
                .table(Episode::Table)
                .col(Episode::PersonId)
                .col(Episode::OrgId)
                .col(Episode::StartedOn)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("episode_org_span")
                .table(Episode::Table)
                .col(Episode::OrgId)
                .col(Episode::StartedOn)
                .col(Episode::LastServiceOn)
                .to_owned(),
        )
        .await?;
        let made = backfill(m).await?;
        tracing::info!(episodes = made, "m0019: one episode made for each existing person");
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Episode::Table).to_owned()).await
    }
}

/// One episode per person, from the first to the last of their records (or the day the record was made, for a
/// person with none). Returns how many it made.
async fn backfill(m: &SchemaManager<'_>) -> Result<u64, DbErr> {
    let db = m.get_connection();
    let backend = db.get_database_backend();
    let tz = zone();
    // (person, org) → (first, last)
    let mut span: HashMap<uuid::Uuid, (uuid::Uuid, NaiveDate, NaiveDate)> = HashMap::new();
    let mut widen = |person: uuid::Uuid, org: uuid::Uuid, first: NaiveDate, last: NaiveDate| {
        let e = span.entry(person).or_insert((org, first, last));
        e.1 = Ord::min(e.1, first);
        e.2 = Ord::max(e.2, last);
    };
    let day = |t: DateTime<Utc>| t.with_timezone(&tz).date_naive();
    for (table, col) in [("checkin", "created_at"), ("assessment", "taken_at"), ("checkup", "completed_at")] {
        let sql = format!(
            "SELECT person_id, org_id, MIN({col}) AS first, MAX({col}) AS last FROM {table} GROUP BY person_id, org_id"
        );
        for row in db.query_all_raw(Statement::from_string(backend, sql)).await? {
            let first: DateTime<Utc> = row.try_get("", "first")?;
            let last: DateTime<Utc> = row.try_get("", "last")?;
            widen(row.try_get("", "person_id")?, row.try_get("", "org_id")?, day(first), day(last));
        }
    }
    let sql = "SELECT person_id, org_id, MIN(occurred_on) AS first, MAX(occurred_on) AS last FROM encounter \
               GROUP BY person_id, org_id";
    for row in db.query_all_raw(Statement::from_string(backend, sql)).await? {
        let first: NaiveDate = row.try_get("", "first")?;
        let last: NaiveDate = row.try_get("", "last")?;
        widen(row.try_get("", "person_id")?, row.try_get("", "org_id")?, first, last);
    }
    // A person without any service yet: from the day their record was made.
    for row in db.query_all_raw(Statement::from_string(backend, "SELECT id, org_id, created_at FROM person")).await? {
        let person: uuid::Uuid = row.try_get("", "id")?;
        if let std::collections::hash_map::Entry::Vacant(slot) = span.entry(person) {
            let t: DateTime<Utc> = row.try_get("", "created_at")?;
            slot.insert((row.try_get("", "org_id")?, day(t), day(t)));
        }
    }
    let now = Utc::now();
    let rows: Vec<_> = span.into_iter().collect();
    for chunk in rows.chunks(500) {
        let mut insert = Query::insert();
        insert.into_table(Episode::Table).columns([
            Episode::Id,
            Episode::PersonId,
            Episode::OrgId,
            Episode::StartedOn,
            Episode::LastServiceOn,
            Episode::CreatedAt,
            Episode::UpdatedAt,
        ]);
        for (person, (org, first, last)) in chunk {
            insert.values_panic([
                uuid::Uuid::now_v7().into(),
                (*person).into(),
                (*org).into(),
                (*first).into(),
                (*last).into(),
                now.into(),
                now.into(),
            ]);
        }
        m.exec_stmt(insert).await?;
    }
    Ok(rows.len() as u64)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;
    use pathways_domain::access::PersonScope;
    use pathways_domain::checkin::Checkin;
    use pathways_domain::encounter::{Encounter, EncounterType};
    use pathways_domain::org::{OrgKind, Slug};
    use pathways_domain::person::PersonDetails;
    use pathways_domain::{AccountId, OrgId, PersonId};
    use sea_orm_migration::sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};

    use super::*;
    use crate::entities::episode;
    use crate::testing::TestDb;
    use crate::{orgs, persons, records};

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

    /// The backfill makes one episode per person, from their first record to their last (a check-in late in the
    /// evening in New York is that day there, not the next day in UTC), and from the record's creation for a
    /// person with no record yet.
    #[tokio::test]
    async fn the_backfill_makes_one_episode_per_person_from_their_records() {
        let db = TestDb::new().await;
        let w = db.store.writer();
        let slug = Slug::parse("backfill-org").expect("slug");
        let org = orgs::create(w, &slug, "Org", OrgKind::RecoveryCommunityCenter).await.expect("org");
        let org = OrgId::from_uuid(org.id);
        let scope = PersonScope { org, assigned_to: None, only_person: None };
        let ana = PersonId::from_uuid(persons::insert(w, org, &details("Ana"), None).await.expect("ana").id);
        let ben = persons::insert(w, org, &details("Ben"), None).await.expect("ben");
        let by = AccountId::new();
        let checkin = Checkin {
            mood: 3,
            craving: 2,
            used_since_last: false,
            use_note: None,
            meetings_attended: 1,
            supports: None,
            safe: true,
        };
        // 23:30 in New York on 14 February is 04:30 UTC on the 15th.
        let late = Utc.with_ymd_and_hms(2026, 2, 15, 4, 30, 0).single().expect("time");
        records::add_checkin(w, &scope, ana, &checkin, by, late).await.expect("checkin");
        for date in [NaiveDate::from_ymd_opt(2026, 5, 10), NaiveDate::from_ymd_opt(2026, 3, 1)] {
            let e = Encounter {
                date: date.expect("date"),
                kind: EncounterType::Phone,
                minutes: 15,
                topics: vec![],
                notes: None,
            };
            records::add_encounter(w, &scope, ana, &e, by).await.expect("encounter");
        }
        episode::Entity::delete_many().exec(w).await.expect("clear");
        let made = backfill(&SchemaManager::new(w)).await.expect("backfill");
        assert_eq!(made, 2);
        let of = |p: uuid::Uuid| episode::Entity::find().filter(episode::Column::PersonId.eq(p)).all(w);
        let a = of(ana.as_uuid()).await.expect("ana's");
        assert_eq!(a.len(), 1);
        assert_eq!(
            (a[0].org_id, a[0].started_on, a[0].last_service_on, a[0].ended_on),
            (
                org.as_uuid(),
                NaiveDate::from_ymd_opt(2026, 2, 14).expect("d"),
                NaiveDate::from_ymd_opt(2026, 5, 10).expect("d"),
                None
            )
        );
        let b = of(ben.id).await.expect("ben's");
        let made_on = ben.created_at.with_timezone(&zone()).date_naive();
        assert_eq!((b.len(), b[0].started_on, b[0].last_service_on), (1, made_on, made_on));
    }
}
