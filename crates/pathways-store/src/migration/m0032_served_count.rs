//! People served, kept as counts (issue 17 at a state's scale): per organization and per period of 3 or 12 months
//! starting on the first of a month, the persons served, new and continuing, each once. The fiscal year's start
//! month is a setting, so every month's periods are kept: any fiscal quarter or year is one row, and a change of
//! the setting needs no recount. The store keeps the rows in the transaction that changes an episode
//! (`crate::served`); this migration fills them from the episodes already there and logs how many it wrote.

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
enum ServedCount {
    Table,
    OrgId,
    FirstDay,
    Months,
    NewPersons,
    ContinuingPersons,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ServedCount::Table)
                .col(uuid(ServedCount::OrgId))
                .col(date(ServedCount::FirstDay))
                .col(integer(ServedCount::Months))
                .col(big_integer(ServedCount::NewPersons))
                .col(big_integer(ServedCount::ContinuingPersons))
                .primary_key(
                    Index::create().col(ServedCount::OrgId).col(ServedCount::FirstDay).col(ServedCount::Months),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ServedCount::Table, ServedCount::OrgId)
                        .to(Organization::Table, Organization::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        let cells =
            crate::served::rebuild_counts(m.get_connection()).await.map_err(|e| DbErr::Custom(e.to_string()))?;
        tracing::info!(cells, "m0032: people served counted from the episodes");
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ServedCount::Table).to_owned()).await
    }
}
