//! The state view and the perception-of-care survey (issue 17).
//!
//! - `organization.region`: the region (or county) an organization is recorded in, for the state's tables.
//! - `network_membership`: an organization in a state agency's network. Both sides confirm: the row is made by
//!   the side that asks (its confirmation set), and the membership counts only when both `state_confirmed_at`
//!   and `member_confirmed_at` are set. Leaving deletes the row (the audit trail keeps the history).
//! - `perception_code`: one-time codes for answering the survey on a shared tablet; only the SHA-256 of a code
//!   is stored; single use (`used_at`) and an expiry.
//! - `perception_response`: one survey's answers, with no link to a person or an account (the survey is
//!   anonymous by construction), counted only in aggregates.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
    Region,
}

#[derive(DeriveIden)]
enum NetworkMembership {
    Table,
    StateOrgId,
    MemberOrgId,
    StateConfirmedAt,
    MemberConfirmedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PerceptionCode {
    Table,
    Id,
    OrgId,
    CodeHash,
    CreatedByAccountId,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum PerceptionResponse {
    Table,
    Id,
    OrgId,
    SubmittedOn,
    Channel,
    Locale,
    Answers,
    Comment,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table(Organization::Table).add_column(string_null(Organization::Region)).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(NetworkMembership::Table)
                .col(uuid(NetworkMembership::StateOrgId))
                .col(uuid(NetworkMembership::MemberOrgId))
                .col(timestamp_with_time_zone_null(NetworkMembership::StateConfirmedAt))
                .col(timestamp_with_time_zone_null(NetworkMembership::MemberConfirmedAt))
                .col(timestamp_with_time_zone(NetworkMembership::CreatedAt))
                .primary_key(Index::create().col(NetworkMembership::StateOrgId).col(NetworkMembership::MemberOrgId))
                .foreign_key(
                    ForeignKey::create()
                        .from(NetworkMembership::Table, NetworkMembership::StateOrgId)
                        .to(Organization::Table, Organization::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(NetworkMembership::Table, NetworkMembership::MemberOrgId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("network_membership_member")
                .table(NetworkMembership::Table)
                .col(NetworkMembership::MemberOrgId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PerceptionCode::Table)
                .col(pk_uuid(PerceptionCode::Id))
                .col(uuid(PerceptionCode::OrgId))
                .col(string_uniq(PerceptionCode::CodeHash))
                .col(uuid_null(PerceptionCode::CreatedByAccountId))
                .col(timestamp_with_time_zone(PerceptionCode::CreatedAt))
                .col(timestamp_with_time_zone(PerceptionCode::ExpiresAt))
                .col(timestamp_with_time_zone_null(PerceptionCode::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(PerceptionCode::Table, PerceptionCode::OrgId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PerceptionResponse::Table)
                .col(pk_uuid(PerceptionResponse::Id))
                .col(uuid(PerceptionResponse::OrgId))
                .col(date(PerceptionResponse::SubmittedOn))
                // `portal` or `tablet`.
                .col(string(PerceptionResponse::Channel))
                .col(string(PerceptionResponse::Locale))
                // One digit per item in `outcomes::perception::ITEMS` order: 1–5, or `-` when skipped.
                .col(string(PerceptionResponse::Answers))
                .col(text_null(PerceptionResponse::Comment))
                .col(timestamp_with_time_zone(PerceptionResponse::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(PerceptionResponse::Table, PerceptionResponse::OrgId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("perception_response_org_day")
                .table(PerceptionResponse::Table)
                .col(PerceptionResponse::OrgId)
                .col(PerceptionResponse::SubmittedOn)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PerceptionResponse::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(PerceptionCode::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(NetworkMembership::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Organization::Table).drop_column(Organization::Region).to_owned()).await?;
        Ok(())
    }
}
