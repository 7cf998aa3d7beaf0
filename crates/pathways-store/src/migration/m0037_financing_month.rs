//! The monthly funder report kept as counts (issue 21, third pass). m0034 made the report one grouped query over a
//! covering index: 49–69 ms alone over a month of ~82,000 events, but a p99 of 289–344 ms at 8 connections, since
//! every report walks the month's index entries. Here the report's lines are kept: per organization, month (its
//! first day), funding source and staff member, the signed events' count, units, cents, and claim lines ready to
//! bill and still with a problem — every figure the report shows, all sums (no distinct persons), so rows add
//! exactly (`pathways_domain::financing::month`). The store keeps them in the transaction that signs, co-signs or
//! corrects an event (`crate::financing::kept`); this migration fills them from the signed events already there
//! and logs how many rows it wrote. A report reads a few rows of one month by the primary key.

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
enum ServiceMonthCount {
    Table,
    OrgId,
    FirstDay,
    FundingSourceId,
    StaffAccountId,
    Events,
    Units,
    Cents,
    ReadyLines,
    WaitingLines,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ServiceMonthCount::Table)
                .col(uuid(ServiceMonthCount::OrgId))
                .col(date(ServiceMonthCount::FirstDay))
                .col(uuid(ServiceMonthCount::FundingSourceId))
                .col(uuid(ServiceMonthCount::StaffAccountId))
                .col(big_integer(ServiceMonthCount::Events))
                .col(big_integer(ServiceMonthCount::Units))
                .col(big_integer(ServiceMonthCount::Cents))
                .col(big_integer(ServiceMonthCount::ReadyLines))
                .col(big_integer(ServiceMonthCount::WaitingLines))
                // The report's order: one organization's month, by source and staff member.
                .primary_key(
                    Index::create()
                        .col(ServiceMonthCount::OrgId)
                        .col(ServiceMonthCount::FirstDay)
                        .col(ServiceMonthCount::FundingSourceId)
                        .col(ServiceMonthCount::StaffAccountId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ServiceMonthCount::Table, ServiceMonthCount::OrgId)
                        .to(Organization::Table, Organization::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        let rows =
            crate::financing::kept::rebuild(m.get_connection()).await.map_err(|e| DbErr::Custom(e.to_string()))?;
        tracing::info!(rows, "m0037: the funder report's months counted from the signed service events");
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ServiceMonthCount::Table).to_owned()).await
    }
}
