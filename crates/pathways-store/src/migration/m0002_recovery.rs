//! Recovery plans (as immutable versions), BARC-10 assessments, self check-ins, encounters, attention items
//! (what a coach must see), invitations to the person's portal, and usernames for persons' own accounts.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Username,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PlanVersion {
    Table,
    Id,
    PersonId,
    OrgId,
    Version,
    Content,
    AuthorAccountId,
    AuthorKind,
    RestoredFrom,
    ReviewDate,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Assessment {
    Table,
    Id,
    PersonId,
    OrgId,
    Instrument,
    Answers,
    Total,
    AtOrAboveCutoff,
    TakenByAccountId,
    TakenByKind,
    TakenAt,
}

#[derive(DeriveIden)]
enum Checkin {
    Table,
    Id,
    PersonId,
    OrgId,
    Mood,
    Craving,
    UsedSinceLast,
    UseNote,
    MeetingsAttended,
    Supports,
    Safe,
    CreatedByAccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Encounter {
    Table,
    Id,
    PersonId,
    OrgId,
    AuthorAccountId,
    OccurredOn,
    Kind,
    Minutes,
    Topics,
    Notes,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AttentionItem {
    Table,
    Id,
    PersonId,
    OrgId,
    Kind,
    Urgency,
    SourceId,
    CreatedAt,
    ResolvedAt,
    ResolvedByAccountId,
}

#[derive(DeriveIden)]
enum Invite {
    Table,
    Id,
    PersonId,
    OrgId,
    TokenHash,
    CodeHash,
    CreatedByAccountId,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

fn person_fk<T: IntoIden + 'static>(table: T, col: T) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, col).to(Person::Table, Person::Id).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A person's own account signs in with a username they choose (an email is optional for them).
        // SQLite can't add a UNIQUE column, so uniqueness is a separate index.
        m.alter_table(Table::alter().table(Account::Table).add_column(string_null(Account::Username)).to_owned())
            .await?;
        m.create_index(
            Index::create().name("account_username").table(Account::Table).col(Account::Username).unique().to_owned(),
        )
        .await?;

        // The plan is its versions: the current plan is the highest version. (person_id, version) is unique, so
        // two saves from the same version can't both land.
        m.create_table(
            Table::create()
                .table(PlanVersion::Table)
                .col(pk_uuid(PlanVersion::Id))
                .col(uuid(PlanVersion::PersonId))
                .col(uuid(PlanVersion::OrgId))
                .col(integer(PlanVersion::Version))
                .col(json(PlanVersion::Content))
                .col(uuid(PlanVersion::AuthorAccountId))
                .col(string(PlanVersion::AuthorKind))
                .col(integer_null(PlanVersion::RestoredFrom))
                // Copied out of the content so reviews due can be found without reading every plan.
                .col(date_null(PlanVersion::ReviewDate))
                .col(timestamp_with_time_zone(PlanVersion::CreatedAt))
                .foreign_key(&mut person_fk(PlanVersion::Table, PlanVersion::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("plan_version_person")
                .table(PlanVersion::Table)
                .col(PlanVersion::PersonId)
                .col(PlanVersion::Version)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Assessment::Table)
                .col(pk_uuid(Assessment::Id))
                .col(uuid(Assessment::PersonId))
                .col(uuid(Assessment::OrgId))
                .col(string(Assessment::Instrument))
                .col(json(Assessment::Answers))
                .col(small_integer(Assessment::Total))
                .col(boolean(Assessment::AtOrAboveCutoff))
                .col(uuid(Assessment::TakenByAccountId))
                .col(string(Assessment::TakenByKind))
                .col(timestamp_with_time_zone(Assessment::TakenAt))
                .foreign_key(&mut person_fk(Assessment::Table, Assessment::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("assessment_person")
                .table(Assessment::Table)
                .col(Assessment::PersonId)
                .col(Assessment::TakenAt)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Checkin::Table)
                .col(pk_uuid(Checkin::Id))
                .col(uuid(Checkin::PersonId))
                .col(uuid(Checkin::OrgId))
                .col(small_integer(Checkin::Mood))
                .col(small_integer(Checkin::Craving))
                .col(boolean(Checkin::UsedSinceLast))
                .col(text_null(Checkin::UseNote))
                .col(small_integer(Checkin::MeetingsAttended))
                .col(text_null(Checkin::Supports))
                .col(boolean(Checkin::Safe))
                .col(uuid(Checkin::CreatedByAccountId))
                .col(timestamp_with_time_zone(Checkin::CreatedAt))
                .foreign_key(&mut person_fk(Checkin::Table, Checkin::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("checkin_person")
                .table(Checkin::Table)
                .col(Checkin::PersonId)
                .col(Checkin::CreatedAt)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Encounter::Table)
                .col(pk_uuid(Encounter::Id))
                .col(uuid(Encounter::PersonId))
                .col(uuid(Encounter::OrgId))
                .col(uuid(Encounter::AuthorAccountId))
                .col(date(Encounter::OccurredOn))
                .col(string(Encounter::Kind))
                .col(integer(Encounter::Minutes))
                .col(json(Encounter::Topics))
                .col(text_null(Encounter::Notes))
                .col(timestamp_with_time_zone(Encounter::CreatedAt))
                .foreign_key(&mut person_fk(Encounter::Table, Encounter::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("encounter_person")
                .table(Encounter::Table)
                .col(Encounter::PersonId)
                .col(Encounter::OccurredOn)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AttentionItem::Table)
                .col(pk_uuid(AttentionItem::Id))
                .col(uuid(AttentionItem::PersonId))
                .col(uuid(AttentionItem::OrgId))
                .col(string(AttentionItem::Kind))
                .col(string(AttentionItem::Urgency))
                .col(uuid_null(AttentionItem::SourceId))
                .col(timestamp_with_time_zone(AttentionItem::CreatedAt))
                .col(timestamp_with_time_zone_null(AttentionItem::ResolvedAt))
                .col(uuid_null(AttentionItem::ResolvedByAccountId))
                .foreign_key(&mut person_fk(AttentionItem::Table, AttentionItem::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("attention_person_open")
                .table(AttentionItem::Table)
                .col(AttentionItem::PersonId)
                .col(AttentionItem::ResolvedAt)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Invite::Table)
                .col(pk_uuid(Invite::Id))
                .col(uuid(Invite::PersonId))
                .col(uuid(Invite::OrgId))
                .col(string_uniq(Invite::TokenHash))
                .col(string_uniq(Invite::CodeHash))
                .col(uuid(Invite::CreatedByAccountId))
                .col(timestamp_with_time_zone(Invite::CreatedAt))
                .col(timestamp_with_time_zone(Invite::ExpiresAt))
                .col(timestamp_with_time_zone_null(Invite::UsedAt))
                .foreign_key(&mut person_fk(Invite::Table, Invite::PersonId))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
