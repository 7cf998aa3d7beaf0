//! Every scan of a paper consent kept (issue 23). Until now a second upload replaced the first, losing the form the
//! person signed. `consent_scan` stays the current scan; on a new upload the one it replaces moves here, whole,
//! with its SHA-256 and uploader and who replaced it when, so the consent page shows the history and each version
//! can be produced again.

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
enum ConsentScanPrevious {
    Table,
    Id,
    ConsentId,
    ContentType,
    Bytes,
    Size,
    Sha256,
    UploadedAt,
    UploadedBy,
    ReplacedAt,
    ReplacedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ConsentScanPrevious::Table)
                .col(uuid(ConsentScanPrevious::Id).primary_key())
                .col(uuid(ConsentScanPrevious::ConsentId))
                .col(string(ConsentScanPrevious::ContentType))
                .col(blob(ConsentScanPrevious::Bytes))
                .col(integer(ConsentScanPrevious::Size))
                .col(string(ConsentScanPrevious::Sha256))
                .col(timestamp_with_time_zone(ConsentScanPrevious::UploadedAt))
                .col(uuid(ConsentScanPrevious::UploadedBy))
                .col(timestamp_with_time_zone(ConsentScanPrevious::ReplacedAt))
                .col(uuid(ConsentScanPrevious::ReplacedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(ConsentScanPrevious::Table, ConsentScanPrevious::ConsentId)
                        .to(Consent::Table, Consent::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("consent_scan_previous_consent")
                .table(ConsentScanPrevious::Table)
                .col(ConsentScanPrevious::ConsentId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ConsentScanPrevious::Table).to_owned()).await
    }
}
