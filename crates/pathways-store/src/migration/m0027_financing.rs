//! Peer services and their financing (issue 21): payer profiles (their rules kept as one JSON document of
//! `pathways_domain::financing::PayerProfile`, so a new rule needs no migration), funding sources, vouchers,
//! staff credentials, supervision sessions, and service events with their persons.
//!
//! A voucher's `balance_units` has a check constraint `>= 0`, and signing takes units off it by one conditional
//! update (`… WHERE balance_units >= :units`), so racing signatures never overdraw it, on either database. A
//! service event is never changed once signed: the store only updates a row whose `state` is `draft`, and a
//! correction is a new row (`version + 1`, `supersedes`, `correction_reason`).

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
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PayerProfile {
    Table,
    Id,
    OrgId,
    Name,
    Rules,
    CreatedAt,
}

#[derive(DeriveIden)]
enum FundingSource {
    Table,
    Id,
    OrgId,
    Name,
    Kind,
    ProfileId,
    Terms,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Voucher {
    Table,
    Id,
    OrgId,
    FundingSourceId,
    PersonId,
    Number,
    AuthorizedUnits,
    BalanceUnits,
    ExpiresOn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StaffCredential {
    Table,
    Id,
    OrgId,
    AccountId,
    Kind,
    Number,
    IssuedOn,
    ExpiresOn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SupervisionSession {
    Table,
    Id,
    OrgId,
    SupervisorAccountId,
    StaffAccountId,
    HeldOn,
    Minutes,
    Topics,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ServiceEvent {
    Table,
    Id,
    OrgId,
    EncounterId,
    StaffAccountId,
    OccurredOn,
    StartMinute,
    Minutes,
    Code,
    Modifiers,
    PlaceOfService,
    GoalId,
    FundingSourceId,
    Authorization,
    DiagnosisOnFile,
    Units,
    Cents,
    Problems,
    State,
    SignedBy,
    SignedAt,
    CosignedBy,
    CosignedAt,
    Version,
    Supersedes,
    CorrectionReason,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ServiceEventPerson {
    Table,
    EventId,
    PersonId,
    OrgId,
    OccurredOn,
    Units,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(PayerProfile::Table)
                .col(pk_uuid(PayerProfile::Id))
                .col(uuid(PayerProfile::OrgId))
                .col(string(PayerProfile::Name))
                .col(json(PayerProfile::Rules))
                .col(timestamp_with_time_zone(PayerProfile::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(PayerProfile::Table, PayerProfile::OrgId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(FundingSource::Table)
                .col(pk_uuid(FundingSource::Id))
                .col(uuid(FundingSource::OrgId))
                .col(string(FundingSource::Name))
                // grant | voucher_program | payer
                .col(string(FundingSource::Kind))
                .col(uuid(FundingSource::ProfileId))
                // `pathways_domain::financing::Funding`: a grant's period, budget and services.
                .col(json(FundingSource::Terms))
                .col(timestamp_with_time_zone(FundingSource::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(FundingSource::Table, FundingSource::OrgId)
                        .to(Organization::Table, Organization::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(FundingSource::Table, FundingSource::ProfileId)
                        .to(PayerProfile::Table, PayerProfile::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Voucher::Table)
                .col(pk_uuid(Voucher::Id))
                .col(uuid(Voucher::OrgId))
                .col(uuid(Voucher::FundingSourceId))
                .col(uuid(Voucher::PersonId))
                .col(string(Voucher::Number))
                .col(integer(Voucher::AuthorizedUnits))
                .col(integer(Voucher::BalanceUnits))
                .col(date(Voucher::ExpiresOn))
                .col(timestamp_with_time_zone(Voucher::CreatedAt))
                .check(Expr::col(Voucher::BalanceUnits).gte(0))
                .check(Expr::col(Voucher::BalanceUnits).lte(Expr::col(Voucher::AuthorizedUnits)))
                .foreign_key(
                    ForeignKey::create()
                        .from(Voucher::Table, Voucher::FundingSourceId)
                        .to(FundingSource::Table, FundingSource::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Voucher::Table, Voucher::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("voucher_number")
                .table(Voucher::Table)
                .col(Voucher::FundingSourceId)
                .col(Voucher::Number)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("voucher_person").table(Voucher::Table).col(Voucher::PersonId).to_owned())
            .await?;
        m.create_table(
            Table::create()
                .table(StaffCredential::Table)
                .col(pk_uuid(StaffCredential::Id))
                .col(uuid(StaffCredential::OrgId))
                .col(uuid(StaffCredential::AccountId))
                .col(string(StaffCredential::Kind))
                .col(string_null(StaffCredential::Number))
                .col(date(StaffCredential::IssuedOn))
                .col(date_null(StaffCredential::ExpiresOn))
                .col(timestamp_with_time_zone(StaffCredential::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("staff_credential_account")
                .table(StaffCredential::Table)
                .col(StaffCredential::OrgId)
                .col(StaffCredential::AccountId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SupervisionSession::Table)
                .col(pk_uuid(SupervisionSession::Id))
                .col(uuid(SupervisionSession::OrgId))
                .col(uuid(SupervisionSession::SupervisorAccountId))
                .col(uuid(SupervisionSession::StaffAccountId))
                .col(date(SupervisionSession::HeldOn))
                .col(integer(SupervisionSession::Minutes))
                .col(json(SupervisionSession::Topics))
                .col(timestamp_with_time_zone(SupervisionSession::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("supervision_staff")
                .table(SupervisionSession::Table)
                .col(SupervisionSession::OrgId)
                .col(SupervisionSession::StaffAccountId)
                .col(SupervisionSession::HeldOn)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ServiceEvent::Table)
                .col(pk_uuid(ServiceEvent::Id))
                .col(uuid(ServiceEvent::OrgId))
                .col(uuid_null(ServiceEvent::EncounterId))
                .col(uuid(ServiceEvent::StaffAccountId))
                .col(date(ServiceEvent::OccurredOn))
                // Minutes after midnight (local time of the deployment): the overlap rule needs the start.
                .col(integer(ServiceEvent::StartMinute))
                .col(integer(ServiceEvent::Minutes))
                .col(string(ServiceEvent::Code))
                .col(json(ServiceEvent::Modifiers))
                .col(string(ServiceEvent::PlaceOfService))
                .col(uuid_null(ServiceEvent::GoalId))
                .col(uuid(ServiceEvent::FundingSourceId))
                .col(string_null(ServiceEvent::Authorization))
                // The staff member's attestation that a diagnosis is on file (for payers that require one).
                .col(boolean(ServiceEvent::DiagnosisOnFile))
                // Billable units over all the event's persons, and their dollars in cents, as last checked.
                .col(integer(ServiceEvent::Units))
                .col(big_integer(ServiceEvent::Cents))
                // The check's problems (`financing::check::Problem`), as last computed.
                .col(json(ServiceEvent::Problems))
                // draft | signed | superseded
                .col(string(ServiceEvent::State))
                .col(uuid_null(ServiceEvent::SignedBy))
                .col(timestamp_with_time_zone_null(ServiceEvent::SignedAt))
                .col(uuid_null(ServiceEvent::CosignedBy))
                .col(timestamp_with_time_zone_null(ServiceEvent::CosignedAt))
                .col(integer(ServiceEvent::Version))
                .col(uuid_null(ServiceEvent::Supersedes))
                .col(text_null(ServiceEvent::CorrectionReason))
                .col(uuid(ServiceEvent::CreatedBy))
                .col(timestamp_with_time_zone(ServiceEvent::CreatedAt))
                .check(Expr::col(ServiceEvent::Units).gte(0))
                .check(Expr::col(ServiceEvent::Minutes).gt(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(ServiceEvent::Table, ServiceEvent::FundingSourceId)
                        .to(FundingSource::Table, FundingSource::Id),
                )
                .to_owned(),
        )
        .await?;
        // The funder report reads a month of one organization by funding source; the staff member's day finds
        // overlaps.
        m.create_index(
            Index::create()
                .name("service_event_month")
                .table(ServiceEvent::Table)
                .col(ServiceEvent::OrgId)
                .col(ServiceEvent::OccurredOn)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("service_event_staff_day")
                .table(ServiceEvent::Table)
                .col(ServiceEvent::StaffAccountId)
                .col(ServiceEvent::OccurredOn)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ServiceEventPerson::Table)
                .col(uuid(ServiceEventPerson::EventId))
                .col(uuid(ServiceEventPerson::PersonId))
                .col(uuid(ServiceEventPerson::OrgId))
                .col(date(ServiceEventPerson::OccurredOn))
                .col(integer(ServiceEventPerson::Units))
                .primary_key(Index::create().col(ServiceEventPerson::EventId).col(ServiceEventPerson::PersonId))
                .foreign_key(
                    ForeignKey::create()
                        .from(ServiceEventPerson::Table, ServiceEventPerson::EventId)
                        .to(ServiceEvent::Table, ServiceEvent::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ServiceEventPerson::Table, ServiceEventPerson::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("service_event_person_day")
                .table(ServiceEventPerson::Table)
                .col(ServiceEventPerson::PersonId)
                .col(ServiceEventPerson::OccurredOn)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            ServiceEventPerson::Table.into_iden(),
            ServiceEvent::Table.into_iden(),
            SupervisionSession::Table.into_iden(),
            StaffCredential::Table.into_iden(),
            Voucher::Table.into_iden(),
            FundingSource::Table.into_iden(),
            PayerProfile::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
