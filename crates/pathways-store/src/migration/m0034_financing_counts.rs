//! The monthly funder report counted by the database (issue 21, second pass).
//!
//! The report's "ready to bill" and "with problems" figures are claim lines (one per person of a signed event),
//! split by whether the event's stored check found a problem. Before, the web layer loaded the month's claim lines
//! (at most 5,000: a limit meant for the claims file) and counted them in Rust, so a month with more lines was
//! under-counted and every report read and parsed ~80,000 rows at a million events a year. Two integers kept on
//! the event make the counts one grouped query:
//!
//! - `problem_count`: how many problems the stored check (`problems`) names — written with `problems`, in the same
//!   statement, whenever the store writes them (recording, correcting, co-signing);
//! - `person_count`: how many persons the event has (its `service_event_person` rows, written in the same
//!   transaction as the event; an event's persons never change, a correction is a new event).
//!
//! Both are filled for the events already recorded. The index `service_event_report` serves the report alone:
//! equality on the organization and the state, the month as a range on `occurred_on`, and every column the
//! grouped query reads after it (a covering index: SQLite and PostgreSQL answer from the index, no table rows).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ServiceEvent {
    Table,
    OrgId,
    State,
    OccurredOn,
    FundingSourceId,
    StaffAccountId,
    ProblemCount,
    PersonCount,
    Units,
    Cents,
}

/// Counts for the events recorded before this migration. `json_array_length` is in both databases (SQLite's JSON
/// functions, PostgreSQL's `json` type: the column is `json` there).
const BACKFILL: &str = "UPDATE service_event SET \
    problem_count = COALESCE(json_array_length(problems), 0), \
    person_count = (SELECT COUNT(*) FROM service_event_person p WHERE p.event_id = service_event.id)";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for col in [
            integer(ServiceEvent::ProblemCount).default(0).to_owned(),
            integer(ServiceEvent::PersonCount).default(1).to_owned(),
        ] {
            m.alter_table(Table::alter().table(ServiceEvent::Table).add_column(col).to_owned()).await?;
        }
        m.get_connection().execute_unprepared(BACKFILL).await?;
        m.create_index(
            Index::create()
                .name("service_event_report")
                .table(ServiceEvent::Table)
                .col(ServiceEvent::OrgId)
                .col(ServiceEvent::State)
                .col(ServiceEvent::OccurredOn)
                .col(ServiceEvent::FundingSourceId)
                .col(ServiceEvent::StaffAccountId)
                .col(ServiceEvent::ProblemCount)
                .col(ServiceEvent::PersonCount)
                .col(ServiceEvent::Units)
                .col(ServiceEvent::Cents)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("service_event_report").table(ServiceEvent::Table).to_owned()).await?;
        for col in [ServiceEvent::PersonCount, ServiceEvent::ProblemCount] {
            m.alter_table(Table::alter().table(ServiceEvent::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
