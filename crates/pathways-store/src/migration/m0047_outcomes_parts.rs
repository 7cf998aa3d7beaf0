//! Two small tables of issue 17 (docs/OUTCOMES.md):
//!
//! - `kept_count_zone`, one row: the time zone the kept access and retention counts (`retention_count`, m0038)
//!   were last built in, and when. Their days are local days, so a change of `deployment.time_zone` leaves them
//!   counted in the old zone until `pathways outcomes rebuild-counts` recounts them; `pathways serve` compares the
//!   row with the configured zone at start and warns. Counts already there were built by m0038 in
//!   `PATHWAYS_DEPLOYMENT_TIME_ZONE` or the default zone, so that zone is recorded when there is any; on an empty
//!   database no row is written, and the first start records the configured zone.
//! - `outcome_interview_proxy`: the sections of an outcome interview whose answers a proxy gave (someone the person
//!   named, when the person could not answer), with the proxy's relationship to the person as a code
//!   (`pathways_domain::outcomes::interview::ProxyRelationship`). No row: the person answered (or staff, from the
//!   records, where the instrument lets them). Never a name.

use sea_orm::EntityTrait as _;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KeptCountZone {
    Table,
    Id,
    TimeZone,
    BuiltAt,
}

#[derive(DeriveIden)]
enum OutcomeInterview {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OutcomeInterviewProxy {
    Table,
    InterviewId,
    SectionId,
    Relationship,
    RecordedBy,
    RecordedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(KeptCountZone::Table)
                .col(integer(KeptCountZone::Id).primary_key())
                .col(string_len(KeptCountZone::TimeZone, 64))
                .col(timestamp_with_time_zone(KeptCountZone::BuiltAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OutcomeInterviewProxy::Table)
                .col(uuid(OutcomeInterviewProxy::InterviewId))
                .col(string_len(OutcomeInterviewProxy::SectionId, 64))
                .col(string_len(OutcomeInterviewProxy::Relationship, 32))
                .col(uuid(OutcomeInterviewProxy::RecordedBy))
                .col(timestamp_with_time_zone(OutcomeInterviewProxy::RecordedAt))
                .primary_key(
                    Index::create().col(OutcomeInterviewProxy::InterviewId).col(OutcomeInterviewProxy::SectionId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OutcomeInterviewProxy::Table, OutcomeInterviewProxy::InterviewId)
                        .to(OutcomeInterview::Table, OutcomeInterview::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let counted = crate::entities::retention_count::Entity::find().one(db).await?.is_some()
            || crate::entities::served_count::Entity::find().one(db).await?.is_some();
        if counted {
            let zone = crate::retention_kept::migration_zone();
            crate::kept_zone::record(db, zone).await.map_err(|e| DbErr::Custom(e.to_string()))?;
            tracing::info!(time_zone = %zone, "m0047: the kept counts' time zone recorded");
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OutcomeInterviewProxy::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(KeptCountZone::Table).to_owned()).await
    }
}
