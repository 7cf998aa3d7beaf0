//! Staff editing of the directory: every save of a listing is kept as a version with its author, and the public's
//! corrections wait in a review queue.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DirService {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum DirServiceVersion {
    Table,
    Id,
    ServiceId,
    Version,
    Doc,
    Name,
    AuthorAccountId,
    AuthorName,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DirCorrection {
    Table,
    Id,
    ServiceId,
    Message,
    Contact,
    Status,
    CreatedAt,
    ResolvedAt,
    ResolvedByAccountId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(DirServiceVersion::Table)
                .col(pk_uuid(DirServiceVersion::Id))
                .col(uuid(DirServiceVersion::ServiceId))
                .col(integer(DirServiceVersion::Version))
                .col(json(DirServiceVersion::Doc))
                .col(string(DirServiceVersion::Name))
                .col(uuid_null(DirServiceVersion::AuthorAccountId))
                .col(string(DirServiceVersion::AuthorName))
                .col(string_null(DirServiceVersion::Note))
                .col(timestamp_with_time_zone(DirServiceVersion::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(DirServiceVersion::Table, DirServiceVersion::ServiceId)
                        .to(DirService::Table, DirService::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("dir_service_version_service")
                .table(DirServiceVersion::Table)
                .col(DirServiceVersion::ServiceId)
                .col(DirServiceVersion::Version)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DirCorrection::Table)
                .col(pk_uuid(DirCorrection::Id))
                .col(uuid(DirCorrection::ServiceId))
                .col(text(DirCorrection::Message))
                .col(string_null(DirCorrection::Contact))
                .col(string(DirCorrection::Status))
                .col(timestamp_with_time_zone(DirCorrection::CreatedAt))
                .col(timestamp_with_time_zone_null(DirCorrection::ResolvedAt))
                .col(uuid_null(DirCorrection::ResolvedByAccountId))
                .foreign_key(
                    ForeignKey::create()
                        .from(DirCorrection::Table, DirCorrection::ServiceId)
                        .to(DirService::Table, DirService::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("dir_correction_open")
                .table(DirCorrection::Table)
                .col(DirCorrection::Status)
                .col(DirCorrection::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("dir_correction_service")
                .table(DirCorrection::Table)
                .col(DirCorrection::ServiceId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
