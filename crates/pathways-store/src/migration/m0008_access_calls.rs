//! Access line calls and rides: each call with its answers, the level suggested and chosen, and its next-day
//! follow-up; each ride with a timestamp per status.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AccessCall {
    Table,
    Id,
    OrganizationId,
    OperatorAccountId,
    CallerType,
    FirstName,
    Callback,
    Place,
    Latitude,
    Longitude,
    Answers,
    SuggestedLevel,
    Reasons,
    ChosenLevel,
    Status,
    CreatedAt,
    FollowUpDueAt,
    FollowUpDoneAt,
    FollowUpOutcome,
    PersonId,
}

#[derive(DeriveIden)]
enum TransportRequest {
    Table,
    Id,
    OrganizationId,
    CallId,
    HoldId,
    Level,
    Pickup,
    Destination,
    Notes,
    WithinHours,
    Status,
    RequestedAt,
    AssignedAt,
    EnRouteAt,
    PickedUpAt,
    DeliveredAt,
    ClosedAt,
    Reason,
}

/// Each time the console showed a program's count for a call: whether it was stale then (the line's figure
/// "counts that were stale when looked at").
#[derive(DeriveIden)]
enum CapacityLook {
    Table,
    Id,
    OrganizationId,
    ProgramId,
    CallId,
    At,
    Stale,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AccessCall::Table)
                .col(pk_uuid(AccessCall::Id))
                .col(uuid(AccessCall::OrganizationId))
                .col(uuid_null(AccessCall::OperatorAccountId))
                .col(string(AccessCall::CallerType))
                .col(string_null(AccessCall::FirstName))
                .col(string_null(AccessCall::Callback))
                .col(string_null(AccessCall::Place))
                .col(double_null(AccessCall::Latitude))
                .col(double_null(AccessCall::Longitude))
                .col(json(AccessCall::Answers))
                .col(string_null(AccessCall::SuggestedLevel))
                .col(string(AccessCall::Reasons))
                .col(string_null(AccessCall::ChosenLevel))
                .col(string(AccessCall::Status))
                .col(timestamp_with_time_zone(AccessCall::CreatedAt))
                .col(timestamp_with_time_zone(AccessCall::FollowUpDueAt))
                .col(timestamp_with_time_zone_null(AccessCall::FollowUpDoneAt))
                .col(string_null(AccessCall::FollowUpOutcome))
                .col(uuid_null(AccessCall::PersonId))
                .foreign_key(
                    ForeignKey::create()
                        .from(AccessCall::Table, AccessCall::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("access_call_org_created")
                .table(AccessCall::Table)
                .col(AccessCall::OrganizationId)
                .col(AccessCall::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(TransportRequest::Table)
                .col(pk_uuid(TransportRequest::Id))
                .col(uuid(TransportRequest::OrganizationId))
                .col(uuid(TransportRequest::CallId))
                .col(uuid_null(TransportRequest::HoldId))
                .col(string_null(TransportRequest::Level))
                .col(string(TransportRequest::Pickup))
                .col(string(TransportRequest::Destination))
                .col(string_null(TransportRequest::Notes))
                .col(integer(TransportRequest::WithinHours))
                .col(string(TransportRequest::Status))
                .col(timestamp_with_time_zone(TransportRequest::RequestedAt))
                .col(timestamp_with_time_zone_null(TransportRequest::AssignedAt))
                .col(timestamp_with_time_zone_null(TransportRequest::EnRouteAt))
                .col(timestamp_with_time_zone_null(TransportRequest::PickedUpAt))
                .col(timestamp_with_time_zone_null(TransportRequest::DeliveredAt))
                .col(timestamp_with_time_zone_null(TransportRequest::ClosedAt))
                .col(string_null(TransportRequest::Reason))
                .foreign_key(
                    ForeignKey::create()
                        .from(TransportRequest::Table, TransportRequest::CallId)
                        .to(AccessCall::Table, AccessCall::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("transport_request_org_status")
                .table(TransportRequest::Table)
                .col(TransportRequest::OrganizationId)
                .col(TransportRequest::Status)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CapacityLook::Table)
                .col(pk_uuid(CapacityLook::Id))
                .col(uuid(CapacityLook::OrganizationId))
                .col(uuid(CapacityLook::ProgramId))
                .col(uuid_null(CapacityLook::CallId))
                .col(timestamp_with_time_zone(CapacityLook::At))
                .col(boolean(CapacityLook::Stale))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("capacity_look_org_at")
                .table(CapacityLook::Table)
                .col(CapacityLook::OrganizationId)
                .col(CapacityLook::At)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CapacityLook::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(TransportRequest::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(AccessCall::Table).to_owned()).await?;
        Ok(())
    }
}
