//! The applicant's renewal reminder by mail (issue 20): `designation_application.renewal_reminded_for`, nullable —
//! the renewal day the last reminder mailed to the applicant's contact address was about. `pathways designations
//! remind` (run daily) mails a designation whose renewal is near once: a renewal moves the day, so the next period
//! is reminded again.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DesignationApplication {
    Table,
    RenewalRemindedFor,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(DesignationApplication::Table)
                .add_column(date_null(DesignationApplication::RenewalRemindedFor))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(DesignationApplication::Table)
                .drop_column(DesignationApplication::RenewalRemindedFor)
                .to_owned(),
        )
        .await
    }
}
