//! Closed-loop referrals (issue 7): a referral from one organization to a directory service, delivered to the
//! service's organization's inbox when it is on Pathways (a directory organization may name its Pathways
//! organization), or as a printable packet when not; each status change kept as an event.

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
enum DirOrganization {
    Table,
    PathwaysOrgId,
}

#[derive(DeriveIden)]
enum Referral {
    Table,
    Id,
    PersonId,
    FromOrgId,
    ToOrgId,
    ServiceId,
    ServiceName,
    ToName,
    Reason,
    Status,
    StatusReason,
    ConsentId,
    Packet,
    CreatedBy,
    CreatedAt,
    ReceivedAt,
    AnsweredAt,
    ClosedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ReferralEvent {
    Table,
    Id,
    ReferralId,
    At,
    FromStatus,
    ToStatus,
    ByAccountId,
    ByOrgId,
    Note,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(DirOrganization::Table)
                .add_column(uuid_null(DirOrganization::PathwaysOrgId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Referral::Table)
                .col(pk_uuid(Referral::Id))
                .col(uuid(Referral::PersonId))
                .col(uuid(Referral::FromOrgId))
                .col(uuid_null(Referral::ToOrgId))
                .col(uuid(Referral::ServiceId))
                .col(string(Referral::ServiceName))
                .col(string(Referral::ToName))
                .col(string(Referral::Reason))
                .col(string(Referral::Status))
                .col(string_null(Referral::StatusReason))
                .col(uuid(Referral::ConsentId))
                .col(json(Referral::Packet))
                .col(uuid(Referral::CreatedBy))
                .col(timestamp_with_time_zone(Referral::CreatedAt))
                .col(timestamp_with_time_zone_null(Referral::ReceivedAt))
                .col(timestamp_with_time_zone_null(Referral::AnsweredAt))
                .col(timestamp_with_time_zone_null(Referral::ClosedAt))
                .col(timestamp_with_time_zone(Referral::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Referral::Table, Referral::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [("referral_from", Referral::FromOrgId), ("referral_to", Referral::ToOrgId)] {
            m.create_index(
                Index::create().name(name).table(Referral::Table).col(col).col(Referral::CreatedAt).to_owned(),
            )
            .await?;
        }
        m.create_index(
            Index::create().name("referral_person").table(Referral::Table).col(Referral::PersonId).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ReferralEvent::Table)
                .col(pk_uuid(ReferralEvent::Id))
                .col(uuid(ReferralEvent::ReferralId))
                .col(timestamp_with_time_zone(ReferralEvent::At))
                .col(string_null(ReferralEvent::FromStatus))
                .col(string(ReferralEvent::ToStatus))
                .col(uuid(ReferralEvent::ByAccountId))
                .col(uuid(ReferralEvent::ByOrgId))
                .col(string_null(ReferralEvent::Note))
                .foreign_key(
                    ForeignKey::create()
                        .from(ReferralEvent::Table, ReferralEvent::ReferralId)
                        .to(Referral::Table, Referral::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("referral_event_referral")
                .table(ReferralEvent::Table)
                .col(ReferralEvent::ReferralId)
                .col(ReferralEvent::At)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ReferralEvent::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Referral::Table).to_owned()).await?;
        m.alter_table(
            Table::alter().table(DirOrganization::Table).drop_column(DirOrganization::PathwaysOrgId).to_owned(),
        )
        .await
    }
}
