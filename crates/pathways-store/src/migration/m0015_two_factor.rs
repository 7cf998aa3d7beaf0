//! Two-factor sign-in (issue 22): an account's authenticator secret, its recovery codes, and sign-ins waiting for
//! their second step; and an index to count failed sign-ins by login string (the audit detail holds the login's
//! SHA-256, never the login).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum TwoFactor {
    Table,
    AccountId,
    /// Base32. Kept readable by the server, which must compute codes from it; a copy of the database already
    /// holds the records the second factor protects, so encrypting it here would add a key to keep, not safety.
    Secret,
    /// `NULL` while the account holder has not yet typed a code from their app (enrollment under way).
    ConfirmedAt,
    /// The step of the last code accepted: a code (or an earlier one) is never accepted twice.
    LastUsedStep,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RecoveryCode {
    Table,
    Id,
    AccountId,
    /// SHA-256 of the normalized code (80 random bits: a fast hash is enough).
    CodeHash,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PendingSignIn {
    Table,
    /// SHA-256 of the short-lived cookie's token.
    TokenHash,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Action,
    Detail,
    OccurredAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(TwoFactor::Table)
                .col(uuid(TwoFactor::AccountId).primary_key())
                .col(string(TwoFactor::Secret))
                .col(timestamp_with_time_zone_null(TwoFactor::ConfirmedAt))
                .col(big_integer_null(TwoFactor::LastUsedStep))
                .col(timestamp_with_time_zone(TwoFactor::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(TwoFactor::Table, TwoFactor::AccountId)
                        .to(Account::Table, Account::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RecoveryCode::Table)
                .col(pk_uuid(RecoveryCode::Id))
                .col(uuid(RecoveryCode::AccountId))
                .col(string(RecoveryCode::CodeHash))
                .col(timestamp_with_time_zone_null(RecoveryCode::UsedAt))
                .col(timestamp_with_time_zone(RecoveryCode::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RecoveryCode::Table, RecoveryCode::AccountId)
                        .to(Account::Table, Account::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("recovery_code_account")
                .table(RecoveryCode::Table)
                .col(RecoveryCode::AccountId)
                .col(RecoveryCode::CodeHash)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PendingSignIn::Table)
                .col(string(PendingSignIn::TokenHash).primary_key())
                .col(uuid(PendingSignIn::AccountId))
                .col(timestamp_with_time_zone(PendingSignIn::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(PendingSignIn::Table, PendingSignIn::AccountId)
                        .to(Account::Table, Account::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("audit_action_detail")
                .table(AuditEvent::Table)
                .col(AuditEvent::Action)
                .col(AuditEvent::Detail)
                .col(AuditEvent::OccurredAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("audit_action_detail").table(AuditEvent::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(PendingSignIn::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(RecoveryCode::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TwoFactor::Table).to_owned()).await
    }
}
