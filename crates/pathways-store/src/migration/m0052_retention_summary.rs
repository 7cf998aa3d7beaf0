//! The access and retention report's kept cells, one row per organization, measure and 12-month period (issue 17 at
//! a state's scale). The network's report read every duration cell of its members from `retention_count` (about
//! 25,000 on a state's set: 0.24–0.30 s p99 warm, over the 50 ms target) with two of three queries grouping them
//! and one working out each organization's median with a window; packed per key (`crate::retention_kept::summary`)
//! the same figures come from one row per organization and measure. The store rewrites a key's row in the
//! transaction that changes its cells (`crate::retention_kept`); this migration packs the cells already kept and
//! logs how many rows it wrote.

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
enum RetentionSummary {
    Table,
    FirstDay,
    OrgId,
    Measure,
    Cells,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(RetentionSummary::Table)
                .col(date(RetentionSummary::FirstDay))
                .col(uuid(RetentionSummary::OrgId))
                .col(string_len(RetentionSummary::Measure, 32))
                .col(blob(RetentionSummary::Cells))
                .primary_key(
                    Index::create()
                        .col(RetentionSummary::FirstDay)
                        .col(RetentionSummary::OrgId)
                        .col(RetentionSummary::Measure),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(RetentionSummary::Table, RetentionSummary::OrgId)
                        .to(Organization::Table, Organization::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        let rows = crate::retention_kept::summary::rebuild(m.get_connection())
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        tracing::info!(rows, "m0052: the access and retention cells packed per organization, measure and period");
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RetentionSummary::Table).to_owned()).await
    }
}
