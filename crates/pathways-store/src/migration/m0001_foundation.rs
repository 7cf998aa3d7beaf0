//! Organizations, accounts, sessions, API tokens, persons, and the append-only audit trail.

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
    Slug,
    Name,
    Kind,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    OrgId,
    Kind,
    Role,
    Email,
    DisplayName,
    PasswordHash,
    Locale,
    PersonId,
    DisabledAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    TokenHash,
    AccountId,
    CsrfToken,
    CreatedAt,
    LastSeenAt,
}

#[derive(DeriveIden)]
enum ApiToken {
    Table,
    Id,
    AccountId,
    TokenHash,
    Label,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    OrgId,
    PreferredName,
    LegalName,
    Pronouns,
    DateOfBirth,
    PreferredLanguage,
    Phone,
    Email,
    AssignedCoachId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Seq,
    Id,
    OccurredAt,
    ActorAccountId,
    ActorRole,
    OrgId,
    Action,
    Outcome,
    SubjectPersonId,
    Entity,
    EntityId,
    RequestId,
    ClientAddr,
    Detail,
    PrevHash,
    Hash,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Organization::Table)
                .col(pk_uuid(Organization::Id))
                .col(string_uniq(Organization::Slug))
                .col(string(Organization::Name))
                .col(string(Organization::Kind))
                .col(timestamp_with_time_zone(Organization::CreatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Account::Table)
                .col(pk_uuid(Account::Id))
                .col(uuid(Account::OrgId))
                .col(string(Account::Kind))
                .col(string_null(Account::Role))
                // Nullable so that a person's or ally's account can exist before it has an email; several
                // NULLs never clash in a unique index on either backend.
                .col(string_null(Account::Email).unique_key())
                .col(string(Account::DisplayName))
                .col(string_null(Account::PasswordHash))
                .col(string_null(Account::Locale))
                .col(uuid_null(Account::PersonId))
                .col(timestamp_with_time_zone_null(Account::DisabledAt))
                .col(timestamp_with_time_zone(Account::CreatedAt))
                .foreign_key(
                    ForeignKey::create().from(Account::Table, Account::OrgId).to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("account_org").table(Account::Table).col(Account::OrgId).col(Account::Role).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Session::Table)
                .col(string(Session::TokenHash).primary_key())
                .col(uuid(Session::AccountId))
                .col(string(Session::CsrfToken))
                .col(timestamp_with_time_zone(Session::CreatedAt))
                .col(timestamp_with_time_zone(Session::LastSeenAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Session::Table, Session::AccountId)
                        .to(Account::Table, Account::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("session_account").table(Session::Table).col(Session::AccountId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ApiToken::Table)
                .col(pk_uuid(ApiToken::Id))
                .col(uuid(ApiToken::AccountId))
                .col(string_uniq(ApiToken::TokenHash))
                .col(string(ApiToken::Label))
                .col(timestamp_with_time_zone(ApiToken::CreatedAt))
                .col(timestamp_with_time_zone_null(ApiToken::RevokedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ApiToken::Table, ApiToken::AccountId)
                        .to(Account::Table, Account::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Person::Table)
                .col(pk_uuid(Person::Id))
                .col(uuid(Person::OrgId))
                .col(string(Person::PreferredName))
                .col(string_null(Person::LegalName))
                .col(string_null(Person::Pronouns))
                .col(date_null(Person::DateOfBirth))
                .col(string_null(Person::PreferredLanguage))
                .col(string_null(Person::Phone))
                .col(string_null(Person::Email))
                .col(uuid_null(Person::AssignedCoachId))
                .col(timestamp_with_time_zone(Person::CreatedAt))
                .col(timestamp_with_time_zone(Person::UpdatedAt))
                .foreign_key(
                    ForeignKey::create().from(Person::Table, Person::OrgId).to(Organization::Table, Organization::Id),
                )
                .foreign_key(
                    ForeignKey::create().from(Person::Table, Person::AssignedCoachId).to(Account::Table, Account::Id),
                )
                .to_owned(),
        )
        .await?;
        // Every person query filters by organization first, and a coach's by assignment too.
        m.create_index(
            Index::create()
                .name("person_org_coach")
                .table(Person::Table)
                .col(Person::OrgId)
                .col(Person::AssignedCoachId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("person_org_name")
                .table(Person::Table)
                .col(Person::OrgId)
                .col(Person::PreferredName)
                .to_owned(),
        )
        .await?;

        // The audit trail has no foreign keys on purpose: it must outlive, and never block, changes to what it
        // describes, and it records attempts against ids that may not exist.
        m.create_table(
            Table::create()
                .table(AuditEvent::Table)
                .col(big_integer(AuditEvent::Seq).primary_key())
                .col(uuid_uniq(AuditEvent::Id))
                .col(timestamp_with_time_zone(AuditEvent::OccurredAt))
                .col(uuid_null(AuditEvent::ActorAccountId))
                .col(string_null(AuditEvent::ActorRole))
                .col(uuid_null(AuditEvent::OrgId))
                .col(string(AuditEvent::Action))
                .col(string(AuditEvent::Outcome))
                .col(uuid_null(AuditEvent::SubjectPersonId))
                .col(string_null(AuditEvent::Entity))
                .col(uuid_null(AuditEvent::EntityId))
                .col(string_null(AuditEvent::RequestId))
                .col(string_null(AuditEvent::ClientAddr))
                .col(string_null(AuditEvent::Detail))
                .col(string(AuditEvent::PrevHash))
                .col(string(AuditEvent::Hash))
                .to_owned(),
        )
        .await?;
        // A person's access log, and sign-in throttling (failures per account and per address in a window).
        m.create_index(
            Index::create()
                .name("audit_subject")
                .table(AuditEvent::Table)
                .col(AuditEvent::SubjectPersonId)
                .col(AuditEvent::OccurredAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("audit_action_entity")
                .table(AuditEvent::Table)
                .col(AuditEvent::Action)
                .col(AuditEvent::EntityId)
                .col(AuditEvent::OccurredAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("audit_action_addr")
                .table(AuditEvent::Table)
                .col(AuditEvent::Action)
                .col(AuditEvent::ClientAddr)
                .col(AuditEvent::OccurredAt)
                .to_owned(),
        )
        .await?;

        let db = m.get_connection();
        match m.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                     BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$;
                     CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
                       FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
                     CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
                       FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
                       BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
                     CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
                       BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;",
                )
                .await?;
            }
        }
        Ok(())
    }
}
