//! Each person's caseload figures in one row: last contact, last check-in, the latest two BARC-10 totals, the
//! current plan's review date and the open attention items. The store rewrites a person's row in the same
//! transaction as the record that changes it (`crate::summary`), so a caseload reads one row per person instead
//! of nine sub-selects over four tables. On SQLite the table is `WITHOUT ROWID`: one B-tree lookup per person.
//! The caseload's index on persons also gains the person's id, so listing a coach's persons in name order reads
//! the index alone (SQLite's rowid is not the id).
//!
//! The backfill is written here in plain SQL (it runs on both databases) rather than by calling the store, so
//! that this migration keeps meaning what it meant when it shipped.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    OrgId,
    AssignedCoachId,
    PreferredName,
}

#[derive(DeriveIden)]
enum PersonSummary {
    Table,
    PersonId,
    LastContact,
    LastCheckin,
    BarcLatest,
    BarcPrevious,
    ReviewDate,
    OpenItems,
    UrgentItems,
    DropItems,
}

const BACKFILL: &str = "INSERT INTO person_summary (person_id, last_contact, last_checkin, barc_latest, barc_previous, \
     review_date, open_items, urgent_items, drop_items) \
     SELECT p.id, \
     (SELECT MAX(e.occurred_on) FROM encounter e WHERE e.person_id = p.id), \
     (SELECT MAX(c.created_at) FROM checkin c WHERE c.person_id = p.id), \
     (SELECT a.total FROM assessment a WHERE a.person_id = p.id ORDER BY a.taken_at DESC, a.id DESC LIMIT 1), \
     (SELECT a.total FROM assessment a WHERE a.person_id = p.id ORDER BY a.taken_at DESC, a.id DESC LIMIT 1 OFFSET 1), \
     (SELECT v.review_date FROM plan_version v WHERE v.person_id = p.id ORDER BY v.version DESC LIMIT 1), \
     (SELECT COUNT(*) FROM attention_item i WHERE i.person_id = p.id AND i.resolved_at IS NULL), \
     (SELECT COUNT(*) FROM attention_item i WHERE i.person_id = p.id AND i.resolved_at IS NULL \
        AND i.urgency = 'urgent'), \
     (SELECT COUNT(*) FROM attention_item i WHERE i.person_id = p.id AND i.resolved_at IS NULL \
        AND i.urgency <> 'urgent' AND i.kind = 'barc10_drop') \
     FROM person p";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut table = Table::create();
        table
            .table(PersonSummary::Table)
            .col(uuid(PersonSummary::PersonId).primary_key())
            .col(date_null(PersonSummary::LastContact))
            .col(timestamp_with_time_zone_null(PersonSummary::LastCheckin))
            .col(small_integer_null(PersonSummary::BarcLatest))
            .col(small_integer_null(PersonSummary::BarcPrevious))
            .col(date_null(PersonSummary::ReviewDate))
            .col(big_integer(PersonSummary::OpenItems).default(0))
            .col(big_integer(PersonSummary::UrgentItems).default(0))
            .col(big_integer(PersonSummary::DropItems).default(0))
            .foreign_key(
                ForeignKey::create()
                    .from(PersonSummary::Table, PersonSummary::PersonId)
                    .to(Person::Table, Person::Id)
                    .on_delete(ForeignKeyAction::Cascade),
            );
        if m.get_database_backend() == sea_orm::DbBackend::Sqlite {
            table.extra("WITHOUT ROWID");
        }
        m.create_table(table.to_owned()).await?;
        m.get_connection().execute_unprepared(BACKFILL).await?;
        m.create_index(
            Index::create()
                .name("person_org_coach_name_id")
                .table(Person::Table)
                .col(Person::OrgId)
                .col(Person::AssignedCoachId)
                .col(Person::PreferredName)
                .col(Person::Id)
                .to_owned(),
        )
        .await?;
        m.drop_index(Index::drop().name("person_org_coach_name").table(Person::Table).to_owned()).await?;
        Ok(())
    }
}
