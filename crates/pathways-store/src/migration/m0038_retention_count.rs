//! The access and retention report's kept counts (issue 17 at a state's scale): per organization, measure
//! (re-engagement after outreach, days in episode), 12-month period starting on the first of a month, category and
//! duration, the records in it (`pathways_domain::outcomes::retention::re_engagement_kept` and
//! `days_in_episode_kept`). The store keeps them in the transaction that changes an outreach item or an episode
//! (`crate::retention_kept`); this migration fills them from the records already there and logs how many cells it
//! wrote. Item times become days in `PATHWAYS_DEPLOYMENT_TIME_ZONE` when it is set, else the default zone (as
//! m0019: a migration does not read `pathways.toml`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RetentionCount {
    Table,
    OrgId,
    Measure,
    FirstDay,
    Category,
    Duration,
    Records,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(RetentionCount::Table)
                .col(uuid(RetentionCount::OrgId))
                .col(string_len(RetentionCount::Measure, 32))
                .col(date(RetentionCount::FirstDay))
                .col(integer(RetentionCount::Category))
                // -1 in the category with no duration (not re-engaged).
                .col(big_integer(RetentionCount::Duration))
                .col(big_integer(RetentionCount::Records))
                // The report's read: the organizations' cells of one period, in this order.
                .primary_key(
                    Index::create()
                        .col(RetentionCount::FirstDay)
                        .col(RetentionCount::OrgId)
                        .col(RetentionCount::Measure)
                        .col(RetentionCount::Category)
                        .col(RetentionCount::Duration),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(RetentionCount::Table, RetentionCount::OrgId)
                        .to(Organization::Table, Organization::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        let cells = crate::retention_kept::rebuild_counts(m.get_connection(), crate::retention_kept::migration_zone())
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        tracing::info!(cells, "m0038: access and retention counted from the outreach items and episodes");
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RetentionCount::Table).to_owned()).await
    }
}
