//! Outcome interviews (issue 17): the instruments loaded (`pathways instrument load FILE`: each version kept,
//! its TOML text as loaded, so an interview is always read against the version it was given with) and the
//! interviews themselves — one row per interview of an episode (baseline, reassessment, annual, closeout), its
//! window, the day it was done or the administrative reason it was not (not reached, died, refused), the
//! answers so far (a form saved part way resumes where it was left), the instrument and version, and who
//! recorded it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

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
}

#[expect(
    clippy::enum_variant_names,
    reason = "`instrument_id` is the column: the instrument's own id, beside the row's"
)]
#[derive(DeriveIden)]
enum Instrument {
    Table,
    Id,
    InstrumentId,
    Version,
    Title,
    Body,
    LoadedAt,
}

#[derive(DeriveIden)]
enum OutcomeInterview {
    Table,
    Id,
    PersonId,
    OrgId,
    EpisodeId,
    Kind,
    Year,
    DueOn,
    OpensOn,
    ClosesOn,
    Status,
    DoneOn,
    AdministrativeReason,
    Answers,
    InstrumentId,
    InstrumentVersion,
    RecordedBy,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Instrument::Table)
                .col(pk_uuid(Instrument::Id))
                .col(string(Instrument::InstrumentId))
                .col(string(Instrument::Version))
                .col(string(Instrument::Title))
                .col(text(Instrument::Body))
                .col(timestamp_with_time_zone(Instrument::LoadedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("instrument_version")
                .table(Instrument::Table)
                .col(Instrument::InstrumentId)
                .col(Instrument::Version)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OutcomeInterview::Table)
                .col(pk_uuid(OutcomeInterview::Id))
                .col(uuid(OutcomeInterview::PersonId))
                .col(uuid(OutcomeInterview::OrgId))
                .col(uuid(OutcomeInterview::EpisodeId))
                .col(string(OutcomeInterview::Kind))
                .col(integer_null(OutcomeInterview::Year))
                .col(date(OutcomeInterview::DueOn))
                .col(date(OutcomeInterview::OpensOn))
                .col(date(OutcomeInterview::ClosesOn))
                .col(string(OutcomeInterview::Status))
                .col(date_null(OutcomeInterview::DoneOn))
                .col(string_null(OutcomeInterview::AdministrativeReason))
                .col(json(OutcomeInterview::Answers))
                .col(string(OutcomeInterview::InstrumentId))
                .col(string(OutcomeInterview::InstrumentVersion))
                .col(uuid(OutcomeInterview::RecordedBy))
                .col(timestamp_with_time_zone(OutcomeInterview::CreatedAt))
                .col(timestamp_with_time_zone(OutcomeInterview::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OutcomeInterview::Table, OutcomeInterview::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OutcomeInterview::Table, OutcomeInterview::EpisodeId)
                        .to(Episode::Table, Episode::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("outcome_interview_person")
                .table(OutcomeInterview::Table)
                .col(OutcomeInterview::OrgId)
                .col(OutcomeInterview::PersonId)
                .col(OutcomeInterview::DueOn)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("outcome_interview_episode")
                .table(OutcomeInterview::Table)
                .col(OutcomeInterview::EpisodeId)
                .col(OutcomeInterview::Kind)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OutcomeInterview::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Instrument::Table).to_owned()).await
    }
}
