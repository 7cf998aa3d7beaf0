//! Locator details (issue 5): other ways to reach a person and people who know where they are, each with the
//! date the person consented and who recorded it. Removal keeps the row (who removed it, when) for the audit
//! trail's sake; only current details are shown.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum LocatorContact {
    Table,
    Id,
    PersonId,
    OrgId,
    Kind,
    Value,
    Name,
    Relationship,
    Note,
    ConsentedAt,
    RecordedBy,
    RecordedByKind,
    RemovedAt,
    RemovedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(LocatorContact::Table)
                .col(pk_uuid(LocatorContact::Id))
                .col(uuid(LocatorContact::PersonId))
                .col(uuid(LocatorContact::OrgId))
                .col(string(LocatorContact::Kind))
                .col(string(LocatorContact::Value))
                .col(string_null(LocatorContact::Name))
                .col(string_null(LocatorContact::Relationship))
                .col(string_null(LocatorContact::Note))
                .col(timestamp_with_time_zone(LocatorContact::ConsentedAt))
                .col(uuid(LocatorContact::RecordedBy))
                .col(string(LocatorContact::RecordedByKind))
                .col(timestamp_with_time_zone_null(LocatorContact::RemovedAt))
                .col(uuid_null(LocatorContact::RemovedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(LocatorContact::Table, LocatorContact::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("locator_contact_person")
                .table(LocatorContact::Table)
                .col(LocatorContact::PersonId)
                .col(LocatorContact::ConsentedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(LocatorContact::Table).to_owned()).await
    }
}
