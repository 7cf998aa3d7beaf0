//! The quick sign-in of a person already known at a center's kiosk (issue 20). A person's own check-in code, like
//! a member's keytag: `kiosk_code` keeps, per person, only the SHA-256 of their code (of the organization's id and
//! the code, so the same letters in two organizations are two codes; the code itself is shown once, to staff, when
//! issued), who issued it and when, or that the person declined having one. Issuing again replaces the hash, so
//! the old code stops working; removing it nulls the hash. One row per person: a person record belongs to one
//! organization, and so does their code.
//!
//! `kiosk_visit.person_id` links a visit signed in with a code to the person (null: an anonymous drop-in, counted
//! as a visit only). The visit is on their record, audited on it, and counts them in people served through their
//! episode (`outcomes::record_service`), so the visit itself needs no count of its own.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum KioskCode {
    Table,
    PersonId,
    OrganizationId,
    CodeHash,
    Declined,
    IssuedByAccountId,
    ChangedAt,
}

#[derive(DeriveIden)]
enum KioskVisit {
    Table,
    PersonId,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(KioskCode::Table)
                .col(pk_uuid(KioskCode::PersonId))
                .col(uuid(KioskCode::OrganizationId))
                // Unique: a code names one person (NULLs — no code — are many).
                .col(string_null(KioskCode::CodeHash).unique_key())
                .col(boolean(KioskCode::Declined).default(false))
                .col(uuid_null(KioskCode::IssuedByAccountId))
                .col(timestamp_with_time_zone(KioskCode::ChangedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(KioskCode::Table, KioskCode::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(KioskCode::Table, KioskCode::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        // No foreign key: SQLite's ALTER TABLE can't add one. The store sets it only to a person of the kiosk's
        // organization, found through the person's code.
        m.alter_table(Table::alter().table(KioskVisit::Table).add_column(uuid_null(KioskVisit::PersonId)).to_owned())
            .await?;
        m.create_index(
            Index::create().name("kiosk_visit_person").table(KioskVisit::Table).col(KioskVisit::PersonId).to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("kiosk_visit_person").table(KioskVisit::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(KioskVisit::Table).drop_column(KioskVisit::PersonId).to_owned()).await?;
        m.drop_table(Table::drop().table(KioskCode::Table).to_owned()).await?;
        Ok(())
    }
}
