//! Consent under 42 CFR Part 2 and the accounting of disclosures (issue 7). A consent keeps the whole document
//! as signed (JSON: every §2.31 element and the statements' words as shown) beside the columns the gate filters
//! on; revocation and an expiry event are stamped on the row, never deleted. Each disclosure names the consent it
//! relied on. Invitations gain a kind, so a person can invite an ally (family or a friend) the same way staff
//! invite the person.

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
enum Invite {
    Table,
    Kind,
    AllyName,
    Relationship,
}

#[derive(DeriveIden)]
enum Consent {
    Table,
    Id,
    PersonId,
    OrgId,
    Document,
    Categories,
    RecipientKind,
    RecipientAccountId,
    RecipientOrgId,
    Tpo,
    ExpiresOn,
    ExpiryEvent,
    SignatureKind,
    SignedOn,
    RecordedAt,
    RecordedBy,
    EndedAt,
    RevokedAt,
    RevokedBy,
    RevokedVia,
}

#[derive(DeriveIden)]
enum Disclosure {
    Table,
    Id,
    PersonId,
    OrgId,
    ConsentId,
    At,
    Channel,
    RecipientKind,
    RecipientAccountId,
    RecipientOrgId,
    RecipientName,
    Categories,
    Purpose,
    ByAccountId,
    Summary,
}

fn person_fk<T: IntoIden + 'static>(table: T, col: T) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, col).to(Person::Table, Person::Id).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER.
        for col in [
            string(Invite::Kind).default("person").to_owned(),
            string_null(Invite::AllyName).to_owned(),
            string_null(Invite::Relationship).to_owned(),
        ] {
            m.alter_table(Table::alter().table(Invite::Table).add_column(col).to_owned()).await?;
        }
        m.create_table(
            Table::create()
                .table(Consent::Table)
                .col(pk_uuid(Consent::Id))
                .col(uuid(Consent::PersonId))
                .col(uuid(Consent::OrgId))
                .col(json(Consent::Document))
                .col(string(Consent::Categories))
                .col(string(Consent::RecipientKind))
                .col(uuid_null(Consent::RecipientAccountId))
                .col(uuid_null(Consent::RecipientOrgId))
                .col(boolean(Consent::Tpo))
                .col(date_null(Consent::ExpiresOn))
                .col(string_null(Consent::ExpiryEvent))
                .col(string(Consent::SignatureKind))
                .col(date(Consent::SignedOn))
                .col(timestamp_with_time_zone(Consent::RecordedAt))
                .col(uuid(Consent::RecordedBy))
                .col(timestamp_with_time_zone_null(Consent::EndedAt))
                .col(timestamp_with_time_zone_null(Consent::RevokedAt))
                .col(uuid_null(Consent::RevokedBy))
                .col(string_null(Consent::RevokedVia))
                .foreign_key(&mut person_fk(Consent::Table, Consent::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("consent_person").table(Consent::Table).col(Consent::PersonId).to_owned())
            .await?;
        m.create_index(
            Index::create()
                .name("consent_recipient_account")
                .table(Consent::Table)
                .col(Consent::RecipientAccountId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Disclosure::Table)
                .col(pk_uuid(Disclosure::Id))
                .col(uuid(Disclosure::PersonId))
                .col(uuid(Disclosure::OrgId))
                .col(uuid(Disclosure::ConsentId))
                .col(timestamp_with_time_zone(Disclosure::At))
                .col(string(Disclosure::Channel))
                .col(string(Disclosure::RecipientKind))
                .col(uuid_null(Disclosure::RecipientAccountId))
                .col(uuid_null(Disclosure::RecipientOrgId))
                .col(string(Disclosure::RecipientName))
                .col(string(Disclosure::Categories))
                .col(string(Disclosure::Purpose))
                .col(uuid_null(Disclosure::ByAccountId))
                .col(string(Disclosure::Summary))
                .foreign_key(&mut person_fk(Disclosure::Table, Disclosure::PersonId))
                .foreign_key(
                    ForeignKey::create()
                        .from(Disclosure::Table, Disclosure::ConsentId)
                        .to(Consent::Table, Consent::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("disclosure_person_at")
                .table(Disclosure::Table)
                .col(Disclosure::PersonId)
                .col(Disclosure::At)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Disclosure::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Consent::Table).to_owned()).await?;
        for col in [Invite::Relationship, Invite::AllyName, Invite::Kind] {
            m.alter_table(Table::alter().table(Invite::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
