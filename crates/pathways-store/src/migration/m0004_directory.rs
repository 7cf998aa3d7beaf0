//! The community directory (Open Referral HSDS 3.0): organizations, services, locations and the services offered
//! at each location. Each row keeps its whole HSDS object as JSON (`doc`), so what was imported is exported as it
//! came, with the columns that lookups, upserts and the search index need copied out beside it. Imported rows are
//! keyed by `(source, external_id)` so a re-import updates in place; a row the source no longer lists is retired,
//! not deleted (`retired_at`). `directory_state.version` moves with every change, so each running instance can
//! tell that its in-memory search index is behind.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DirOrganization {
    Table,
    Id,
    Source,
    ExternalId,
    Name,
    Doc,
    ContentHash,
    RetiredAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DirService {
    Table,
    Id,
    OrganizationId,
    Source,
    ExternalId,
    Name,
    IsMeeting,
    TimeZone,
    Doc,
    ContentHash,
    LastVerifiedOn,
    RetiredAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DirLocation {
    Table,
    Id,
    OrganizationId,
    Source,
    ExternalId,
    Name,
    Latitude,
    Longitude,
    Approximate,
    PostalCode,
    Doc,
    ContentHash,
    RetiredAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DirServiceAtLocation {
    Table,
    Id,
    ServiceId,
    LocationId,
    Doc,
}

#[derive(DeriveIden)]
enum DirectoryState {
    Table,
    Id,
    Version,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(DirOrganization::Table)
                .col(pk_uuid(DirOrganization::Id))
                .col(string(DirOrganization::Source))
                .col(string(DirOrganization::ExternalId))
                .col(string(DirOrganization::Name))
                .col(json(DirOrganization::Doc))
                .col(string(DirOrganization::ContentHash))
                .col(timestamp_with_time_zone_null(DirOrganization::RetiredAt))
                .col(timestamp_with_time_zone(DirOrganization::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("dir_organization_source")
                .table(DirOrganization::Table)
                .col(DirOrganization::Source)
                .col(DirOrganization::ExternalId)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(DirService::Table)
                .col(pk_uuid(DirService::Id))
                .col(uuid(DirService::OrganizationId))
                .col(string(DirService::Source))
                .col(string(DirService::ExternalId))
                .col(string(DirService::Name))
                .col(boolean(DirService::IsMeeting))
                // The IANA zone its schedules are kept in (HSDS has only a fixed UTC offset, which can't follow DST).
                .col(string_null(DirService::TimeZone))
                .col(json(DirService::Doc))
                .col(string(DirService::ContentHash))
                .col(date_null(DirService::LastVerifiedOn))
                .col(timestamp_with_time_zone_null(DirService::RetiredAt))
                .col(timestamp_with_time_zone(DirService::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(DirService::Table, DirService::OrganizationId)
                        .to(DirOrganization::Table, DirOrganization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("dir_service_source")
                .table(DirService::Table)
                .col(DirService::Source)
                .col(DirService::ExternalId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("dir_service_org").table(DirService::Table).col(DirService::OrganizationId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(DirLocation::Table)
                .col(pk_uuid(DirLocation::Id))
                .col(uuid_null(DirLocation::OrganizationId))
                .col(string(DirLocation::Source))
                .col(string(DirLocation::ExternalId))
                .col(string_null(DirLocation::Name))
                .col(double_null(DirLocation::Latitude))
                .col(double_null(DirLocation::Longitude))
                .col(boolean(DirLocation::Approximate))
                .col(string_null(DirLocation::PostalCode))
                .col(json(DirLocation::Doc))
                .col(string(DirLocation::ContentHash))
                .col(timestamp_with_time_zone_null(DirLocation::RetiredAt))
                .col(timestamp_with_time_zone(DirLocation::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("dir_location_source")
                .table(DirLocation::Table)
                .col(DirLocation::Source)
                .col(DirLocation::ExternalId)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(DirServiceAtLocation::Table)
                .col(pk_uuid(DirServiceAtLocation::Id))
                .col(uuid(DirServiceAtLocation::ServiceId))
                .col(uuid(DirServiceAtLocation::LocationId))
                .col(json(DirServiceAtLocation::Doc))
                .foreign_key(
                    ForeignKey::create()
                        .from(DirServiceAtLocation::Table, DirServiceAtLocation::ServiceId)
                        .to(DirService::Table, DirService::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(DirServiceAtLocation::Table, DirServiceAtLocation::LocationId)
                        .to(DirLocation::Table, DirLocation::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("dir_service_at_location_pair")
                .table(DirServiceAtLocation::Table)
                .col(DirServiceAtLocation::ServiceId)
                .col(DirServiceAtLocation::LocationId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("dir_service_at_location_location")
                .table(DirServiceAtLocation::Table)
                .col(DirServiceAtLocation::LocationId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(DirectoryState::Table)
                .col(integer(DirectoryState::Id).primary_key())
                .col(big_integer(DirectoryState::Version))
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::insert()
                .into_table(DirectoryState::Table)
                .columns([DirectoryState::Id, DirectoryState::Version])
                .values_panic([1.into(), 0.into()])
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
