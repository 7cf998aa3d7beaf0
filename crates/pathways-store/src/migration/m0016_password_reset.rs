//! Password recovery and invitation limits (issue 22): one-time reset links (the link's token and a short code,
//! stored only as SHA-256 hashes, like invitations) and a count of refused tries on each invitation.

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
enum Invite {
    Table,
    Attempts,
}

#[derive(DeriveIden)]
enum PasswordReset {
    Table,
    Id,
    AccountId,
    OrgId,
    TokenHash,
    CodeHash,
    /// Who issued it; none for the command line.
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(PasswordReset::Table)
                .col(pk_uuid(PasswordReset::Id))
                .col(uuid(PasswordReset::AccountId))
                .col(uuid(PasswordReset::OrgId))
                .col(string_uniq(PasswordReset::TokenHash))
                .col(string_uniq(PasswordReset::CodeHash))
                .col(uuid_null(PasswordReset::CreatedBy))
                .col(timestamp_with_time_zone(PasswordReset::CreatedAt))
                .col(timestamp_with_time_zone(PasswordReset::ExpiresAt))
                .col(timestamp_with_time_zone_null(PasswordReset::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(PasswordReset::Table, PasswordReset::AccountId)
                        .to(Account::Table, Account::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("password_reset_by_account")
                .table(PasswordReset::Table)
                .col(PasswordReset::AccountId)
                .to_owned(),
        )
        .await?;
        // Existing invitations start with no refused tries.
        m.alter_table(Table::alter().table(Invite::Table).add_column(integer(Invite::Attempts).default(0)).to_owned())
            .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Invite::Table).drop_column(Invite::Attempts).to_owned()).await?;
        m.drop_table(Table::drop().table(PasswordReset::Table).to_owned()).await
    }
}
