//! Recovery community life (issue 20, the second pass).
//!
//! **Naloxone and trainings**: the trainings a center held and the naloxone kits it gave out and reversals
//! reported back to it. Counts only — no column names or points to a person — so the state's aggregate
//! (suppressed where a count stands for persons) is all that is ever read beyond the center. Who recorded a row
//! is in its audit event (`community_record_save`), not here.
//!
//! **Volunteers**: a center's roster of people who agreed to be listed (a name and the day they agreed) and the
//! hours each logged by activity. Removing someone from the roster (`removed_at`) keeps their hours in the
//! center's totals.
//!
//! **Recovery Friendly designations**: a workplace or community designated, when and by whom, as recorded by
//! the organization that keeps the list; `withdrawn_at` takes one off the public list.
//!
//! **Education pages**: public pages by their slug, English and Spanish side by side (both required), in the
//! small Markdown subset the web crate renders without raw HTML, with the source each cites.

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
enum CommunityTraining {
    Table,
    Id,
    OrganizationId,
    Kind,
    HeldOn,
    Attendees,
    Place,
    RecordedAt,
}

#[derive(DeriveIden)]
enum NaloxoneReport {
    Table,
    Id,
    OrganizationId,
    ReportedOn,
    Kits,
    Reversals,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Volunteer {
    Table,
    Id,
    OrganizationId,
    Name,
    AgreedOn,
    RemovedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum VolunteerHours {
    Table,
    Id,
    OrganizationId,
    VolunteerId,
    WorkedOn,
    Activity,
    Minutes,
    RecordedAt,
}

#[derive(DeriveIden)]
enum RecoveryFriendly {
    Table,
    Id,
    OrganizationId,
    Kind,
    Name,
    Town,
    DesignatedOn,
    DesignatedBy,
    WithdrawnAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EducationPage {
    Table,
    Id,
    Slug,
    TitleEn,
    BodyEn,
    TitleEs,
    BodyEs,
    Source,
    SourceUrl,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CommunityTraining::Table)
                .col(pk_uuid(CommunityTraining::Id))
                .col(uuid(CommunityTraining::OrganizationId))
                .col(string(CommunityTraining::Kind))
                .col(date(CommunityTraining::HeldOn))
                .col(integer(CommunityTraining::Attendees))
                .col(string_null(CommunityTraining::Place))
                .col(timestamp_with_time_zone(CommunityTraining::RecordedAt))
                .check(Expr::col(CommunityTraining::Attendees).gte(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(CommunityTraining::Table, CommunityTraining::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("community_training_org_day")
                .table(CommunityTraining::Table)
                .col(CommunityTraining::OrganizationId)
                .col(CommunityTraining::HeldOn)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(NaloxoneReport::Table)
                .col(pk_uuid(NaloxoneReport::Id))
                .col(uuid(NaloxoneReport::OrganizationId))
                .col(date(NaloxoneReport::ReportedOn))
                .col(integer(NaloxoneReport::Kits))
                .col(integer(NaloxoneReport::Reversals))
                .col(timestamp_with_time_zone(NaloxoneReport::RecordedAt))
                .check(Expr::col(NaloxoneReport::Kits).gte(0))
                .check(Expr::col(NaloxoneReport::Reversals).gte(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(NaloxoneReport::Table, NaloxoneReport::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("naloxone_report_org_day")
                .table(NaloxoneReport::Table)
                .col(NaloxoneReport::OrganizationId)
                .col(NaloxoneReport::ReportedOn)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Volunteer::Table)
                .col(pk_uuid(Volunteer::Id))
                .col(uuid(Volunteer::OrganizationId))
                .col(string(Volunteer::Name))
                .col(date(Volunteer::AgreedOn))
                .col(timestamp_with_time_zone_null(Volunteer::RemovedAt))
                .col(timestamp_with_time_zone(Volunteer::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Volunteer::Table, Volunteer::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("volunteer_org").table(Volunteer::Table).col(Volunteer::OrganizationId).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(VolunteerHours::Table)
                .col(pk_uuid(VolunteerHours::Id))
                .col(uuid(VolunteerHours::OrganizationId))
                .col(uuid(VolunteerHours::VolunteerId))
                .col(date(VolunteerHours::WorkedOn))
                .col(string(VolunteerHours::Activity))
                .col(integer(VolunteerHours::Minutes))
                .col(timestamp_with_time_zone(VolunteerHours::RecordedAt))
                .check(Expr::col(VolunteerHours::Minutes).gt(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(VolunteerHours::Table, VolunteerHours::VolunteerId)
                        .to(Volunteer::Table, Volunteer::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("volunteer_hours_org_day")
                .table(VolunteerHours::Table)
                .col(VolunteerHours::OrganizationId)
                .col(VolunteerHours::WorkedOn)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RecoveryFriendly::Table)
                .col(pk_uuid(RecoveryFriendly::Id))
                .col(uuid(RecoveryFriendly::OrganizationId))
                .col(string(RecoveryFriendly::Kind))
                .col(string(RecoveryFriendly::Name))
                .col(string_null(RecoveryFriendly::Town))
                .col(date(RecoveryFriendly::DesignatedOn))
                .col(string(RecoveryFriendly::DesignatedBy))
                .col(timestamp_with_time_zone_null(RecoveryFriendly::WithdrawnAt))
                .col(timestamp_with_time_zone(RecoveryFriendly::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RecoveryFriendly::Table, RecoveryFriendly::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(EducationPage::Table)
                .col(pk_uuid(EducationPage::Id))
                .col(string_uniq(EducationPage::Slug))
                .col(string(EducationPage::TitleEn))
                .col(text(EducationPage::BodyEn))
                .col(string(EducationPage::TitleEs))
                .col(text(EducationPage::BodyEs))
                .col(string(EducationPage::Source))
                .col(string_null(EducationPage::SourceUrl))
                .col(timestamp_with_time_zone(EducationPage::CreatedAt))
                .col(timestamp_with_time_zone(EducationPage::UpdatedAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(EducationPage::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(RecoveryFriendly::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(VolunteerHours::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Volunteer::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(NaloxoneReport::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(CommunityTraining::Table).to_owned()).await?;
        Ok(())
    }
}
