//! Recovery community (issue 20): a recovery community center's groups and events, the kiosks its staff open on
//! a shared tablet, and the visits signed in there.
//!
//! A gathering keeps its schedule as its center sees it — the first start in local wall-clock time, its zone,
//! the repeat (`once`, `weekly`, `biweekly` with RFC 5545 weekday codes) and the last local date — so daylight
//! saving time is applied when it is expanded (`pathways_domain::community::recurrence`), never frozen in UTC.
//! `first_start_at` and `last_end_at` (UTC; null: goes on) are kept beside it only so a calendar's window reads
//! the few rows that can fall in it.
//!
//! A kiosk is known by the SHA-256 of a random token in the tablet's cookie (like sessions: the token itself is
//! never stored). A visit names no person: a first name or initials, an optional ZIP code and a reason.
//! `client_ref` is the tablet's own id for a sign-in queued while offline, unique per kiosk, so a sign-in sent
//! twice (the answer lost) is counted once.

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
enum CommunityEvent {
    Table,
    Id,
    OrganizationId,
    Kind,
    Title,
    Description,
    StartsLocal,
    TimeZone,
    DurationMinutes,
    Repeat,
    Days,
    Until,
    FirstStartAt,
    LastEndAt,
    Place,
    OnlineUrl,
    Language,
    Audience,
    Cancelled,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Kiosk {
    Table,
    Id,
    OrganizationId,
    TokenHash,
    OpenedByAccountId,
    OpenedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum KioskVisit {
    Table,
    Id,
    OrganizationId,
    KioskId,
    EventId,
    Name,
    Zip,
    Reason,
    VisitedAt,
    ClientRef,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CommunityEvent::Table)
                .col(pk_uuid(CommunityEvent::Id))
                .col(uuid(CommunityEvent::OrganizationId))
                .col(string(CommunityEvent::Kind))
                .col(string(CommunityEvent::Title))
                .col(text_null(CommunityEvent::Description))
                .col(date_time(CommunityEvent::StartsLocal))
                .col(string(CommunityEvent::TimeZone))
                .col(integer(CommunityEvent::DurationMinutes))
                .col(string(CommunityEvent::Repeat))
                .col(string(CommunityEvent::Days))
                .col(date_null(CommunityEvent::Until))
                .col(timestamp_with_time_zone(CommunityEvent::FirstStartAt))
                .col(timestamp_with_time_zone_null(CommunityEvent::LastEndAt))
                .col(string_null(CommunityEvent::Place))
                .col(string_null(CommunityEvent::OnlineUrl))
                .col(string(CommunityEvent::Language))
                .col(string(CommunityEvent::Audience))
                .col(boolean(CommunityEvent::Cancelled))
                .col(timestamp_with_time_zone(CommunityEvent::CreatedAt))
                .col(timestamp_with_time_zone(CommunityEvent::UpdatedAt))
                .check(Expr::col(CommunityEvent::DurationMinutes).gt(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(CommunityEvent::Table, CommunityEvent::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("community_event_org")
                .table(CommunityEvent::Table)
                .col(CommunityEvent::OrganizationId)
                .col(CommunityEvent::FirstStartAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("community_event_window")
                .table(CommunityEvent::Table)
                .col(CommunityEvent::FirstStartAt)
                .col(CommunityEvent::LastEndAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Kiosk::Table)
                .col(pk_uuid(Kiosk::Id))
                .col(uuid(Kiosk::OrganizationId))
                .col(string_uniq(Kiosk::TokenHash))
                .col(uuid(Kiosk::OpenedByAccountId))
                .col(timestamp_with_time_zone(Kiosk::OpenedAt))
                .col(timestamp_with_time_zone_null(Kiosk::ClosedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Kiosk::Table, Kiosk::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(KioskVisit::Table)
                .col(pk_uuid(KioskVisit::Id))
                .col(uuid(KioskVisit::OrganizationId))
                .col(uuid(KioskVisit::KioskId))
                .col(uuid_null(KioskVisit::EventId))
                .col(string(KioskVisit::Name))
                .col(string_null(KioskVisit::Zip))
                .col(string(KioskVisit::Reason))
                .col(timestamp_with_time_zone(KioskVisit::VisitedAt))
                .col(string_null(KioskVisit::ClientRef))
                .foreign_key(
                    ForeignKey::create()
                        .from(KioskVisit::Table, KioskVisit::KioskId)
                        .to(Kiosk::Table, Kiosk::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(KioskVisit::Table, KioskVisit::EventId)
                        .to(CommunityEvent::Table, CommunityEvent::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("kiosk_visit_day")
                .table(KioskVisit::Table)
                .col(KioskVisit::OrganizationId)
                .col(KioskVisit::VisitedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("kiosk_visit_client_ref")
                .table(KioskVisit::Table)
                .col(KioskVisit::KioskId)
                .col(KioskVisit::ClientRef)
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(KioskVisit::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Kiosk::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(CommunityEvent::Table).to_owned()).await?;
        Ok(())
    }
}
