//! The scan of a consent signed on paper (issue 7): one per consent, kept in the database with the consent (so
//! a backup holds both), its type checked by its first bytes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Consent {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ConsentScan {
    Table,
    ConsentId,
    ContentType,
    Bytes,
    Size,
    Sha256,
    UploadedAt,
    UploadedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ConsentScan::Table)
                .col(uuid(ConsentScan::ConsentId).primary_key())
                .col(string(ConsentScan::ContentType))
                .col(blob(ConsentScan::Bytes))
                .col(integer(ConsentScan::Size))
                .col(string(ConsentScan::Sha256))
                .col(timestamp_with_time_zone(ConsentScan::UploadedAt))
                .col(uuid(ConsentScan::UploadedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(ConsentScan::Table, ConsentScan::ConsentId)
                        .to(Consent::Table, Consent::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ConsentScan::Table).to_owned()).await
    }
}
