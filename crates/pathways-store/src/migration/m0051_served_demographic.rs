//! People served by age band and language, kept as counts (issue 17 at a state's scale): per organization, fiscal
//! year of 12 months starting on the first of a month, age band on its first day and preferred language group, the
//! persons served, each once. Read from the records, the two demographic tables cost an organization's report 70–80
//! ms p99 and the network's 1.4 s on a state's set (`docs/BENCHMARKS.md`); these few rows answer both. The store
//! keeps them in the transaction that changes an episode or a person's date of birth or language
//! (`crate::served_demographic`); this migration fills them from the records and logs how many it wrote.

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
enum ServedDemographic {
    Table,
    OrgId,
    FirstDay,
    Band,
    Language,
    Persons,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ServedDemographic::Table)
                .col(uuid(ServedDemographic::OrgId))
                .col(date(ServedDemographic::FirstDay))
                .col(string_len(ServedDemographic::Band, 16))
                .col(string_len(ServedDemographic::Language, 16))
                .col(big_integer(ServedDemographic::Persons))
                .primary_key(
                    Index::create()
                        .col(ServedDemographic::OrgId)
                        .col(ServedDemographic::FirstDay)
                        .col(ServedDemographic::Band)
                        .col(ServedDemographic::Language),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ServedDemographic::Table, ServedDemographic::OrgId)
                        .to(Organization::Table, Organization::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        let cells =
            crate::served_demographic::rebuild(m.get_connection()).await.map_err(|e| DbErr::Custom(e.to_string()))?;
        tracing::info!(cells, "m0051: people served by age band and language counted from the records");
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ServedDemographic::Table).to_owned()).await
    }
}
