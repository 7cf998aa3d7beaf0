//! A voucher can be withdrawn (issue 21, fifth pass): `withdrawn_at` is when an administrator withdrew it (null:
//! in force). A withdrawn voucher stays (its signed services keep their units and the person's record shows it),
//! but the check refuses new signings against it (`Problem::VoucherWithdrawn`), and balances show it as withdrawn.
//! Its authorized units and expiry are edited in place (the balance moves by the same difference), audited on the
//! person: no column is needed for that.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Voucher {
    Table,
    WithdrawnAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Voucher::Table)
                .add_column(timestamp_with_time_zone_null(Voucher::WithdrawnAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Voucher::Table).drop_column(Voucher::WithdrawnAt).to_owned()).await
    }
}
