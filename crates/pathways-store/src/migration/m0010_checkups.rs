//! Recovery management check-ups and outreach (issue 5): each program's settings, each person's schedule, the
//! check-ups as answered, linkage tasks, the outreach queue's items and attempts, and a job table that several
//! server processes share. The person's summary row gains the figures the outreach rules read.

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
enum PersonSummary {
    Table,
    LastCheckupAt,
    LastReachedAt,
    LinkageProgressAt,
}

#[derive(DeriveIden)]
enum CheckupProgram {
    Table,
    OrgId,
    Schedule,
    WindowDays,
    TimeZone,
    QuietDays,
    NoContactDays,
    LinkageStallDays,
    EscalateAfter,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CheckupSchedule {
    Table,
    PersonId,
    OrgId,
    EnrolledOn,
    LastIntervalMonths,
    NextDue,
    ExtendedMonths,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Checkup {
    Table,
    Id,
    PersonId,
    OrgId,
    DueOn,
    CompletedAt,
    InWindow,
    ByAccountId,
    ByKind,
    Answers,
    NeedsTreatment,
    Reasons,
    AssessmentId,
    NextDue,
}

#[derive(DeriveIden)]
enum LinkageTask {
    Table,
    Id,
    PersonId,
    OrgId,
    CheckupId,
    AssignedAccountId,
    OpenedAt,
    LastProgressAt,
    FeedbackAt,
    BarriersAt,
    AppointmentAt,
    ReferralServiceId,
    TransportAt,
    ArrivedAt,
    ClosedAt,
    CloseReason,
    DaysToEntry,
}

#[derive(DeriveIden)]
enum OutreachItem {
    Table,
    Id,
    PersonId,
    OrgId,
    Kind,
    UrgencyClass,
    OpenedAt,
    ClosedAt,
    EscalatedAt,
    Attempts,
    FailedAttempts,
    LastAttemptAt,
}

#[derive(DeriveIden)]
enum OutreachAttempt {
    Table,
    Id,
    ItemId,
    PersonId,
    OrgId,
    ByAccountId,
    At,
    Channel,
    Outcome,
    Note,
}

#[derive(DeriveIden)]
enum OutreachDirty {
    Table,
    PersonId,
    MarkedAt,
}

#[derive(DeriveIden)]
enum Job {
    Table,
    Id,
    Kind,
    DedupeKey,
    RunAfter,
    ClaimedBy,
    ClaimedAt,
    FinishedAt,
    Detail,
}

fn person_fk<T: IntoIden + 'static>(table: T, col: T) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(table, col).to(Person::Table, Person::Id).on_delete(ForeignKeyAction::Cascade).to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER.
        for col in [
            timestamp_with_time_zone_null(PersonSummary::LastCheckupAt),
            timestamp_with_time_zone_null(PersonSummary::LastReachedAt),
            timestamp_with_time_zone_null(PersonSummary::LinkageProgressAt),
        ] {
            m.alter_table(Table::alter().table(PersonSummary::Table).add_column(col).to_owned()).await?;
        }
        m.create_table(
            Table::create()
                .table(CheckupProgram::Table)
                .col(uuid(CheckupProgram::OrgId).primary_key())
                .col(json(CheckupProgram::Schedule))
                .col(integer(CheckupProgram::WindowDays))
                .col(string(CheckupProgram::TimeZone))
                .col(integer(CheckupProgram::QuietDays))
                .col(integer(CheckupProgram::NoContactDays))
                .col(integer(CheckupProgram::LinkageStallDays))
                .col(integer(CheckupProgram::EscalateAfter))
                .col(timestamp_with_time_zone(CheckupProgram::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(CheckupProgram::Table, CheckupProgram::OrgId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CheckupSchedule::Table)
                .col(uuid(CheckupSchedule::PersonId).primary_key())
                .col(uuid(CheckupSchedule::OrgId))
                .col(date(CheckupSchedule::EnrolledOn))
                .col(integer(CheckupSchedule::LastIntervalMonths))
                .col(date_null(CheckupSchedule::NextDue))
                .col(integer(CheckupSchedule::ExtendedMonths).default(0))
                .col(timestamp_with_time_zone(CheckupSchedule::UpdatedAt))
                .foreign_key(&mut person_fk(CheckupSchedule::Table, CheckupSchedule::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Checkup::Table)
                .col(pk_uuid(Checkup::Id))
                .col(uuid(Checkup::PersonId))
                .col(uuid(Checkup::OrgId))
                .col(date_null(Checkup::DueOn))
                .col(timestamp_with_time_zone(Checkup::CompletedAt))
                .col(boolean(Checkup::InWindow))
                .col(uuid(Checkup::ByAccountId))
                .col(string(Checkup::ByKind))
                .col(json(Checkup::Answers))
                .col(boolean(Checkup::NeedsTreatment))
                .col(string(Checkup::Reasons))
                .col(uuid_null(Checkup::AssessmentId))
                .col(date_null(Checkup::NextDue))
                .foreign_key(&mut person_fk(Checkup::Table, Checkup::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("checkup_person_completed")
                .table(Checkup::Table)
                .col(Checkup::PersonId)
                .col(Checkup::CompletedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("checkup_org_completed")
                .table(Checkup::Table)
                .col(Checkup::OrgId)
                .col(Checkup::CompletedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LinkageTask::Table)
                .col(pk_uuid(LinkageTask::Id))
                .col(uuid(LinkageTask::PersonId))
                .col(uuid(LinkageTask::OrgId))
                .col(uuid(LinkageTask::CheckupId))
                .col(uuid_null(LinkageTask::AssignedAccountId))
                .col(timestamp_with_time_zone(LinkageTask::OpenedAt))
                .col(timestamp_with_time_zone(LinkageTask::LastProgressAt))
                .col(timestamp_with_time_zone_null(LinkageTask::FeedbackAt))
                .col(timestamp_with_time_zone_null(LinkageTask::BarriersAt))
                .col(timestamp_with_time_zone_null(LinkageTask::AppointmentAt))
                .col(uuid_null(LinkageTask::ReferralServiceId))
                .col(timestamp_with_time_zone_null(LinkageTask::TransportAt))
                .col(timestamp_with_time_zone_null(LinkageTask::ArrivedAt))
                .col(timestamp_with_time_zone_null(LinkageTask::ClosedAt))
                .col(string_null(LinkageTask::CloseReason))
                .col(integer_null(LinkageTask::DaysToEntry))
                .foreign_key(&mut person_fk(LinkageTask::Table, LinkageTask::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("linkage_task_person_closed")
                .table(LinkageTask::Table)
                .col(LinkageTask::PersonId)
                .col(LinkageTask::ClosedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OutreachItem::Table)
                .col(pk_uuid(OutreachItem::Id))
                .col(uuid(OutreachItem::PersonId))
                .col(uuid(OutreachItem::OrgId))
                .col(string(OutreachItem::Kind))
                .col(small_integer(OutreachItem::UrgencyClass))
                .col(timestamp_with_time_zone(OutreachItem::OpenedAt))
                .col(timestamp_with_time_zone_null(OutreachItem::ClosedAt))
                .col(timestamp_with_time_zone_null(OutreachItem::EscalatedAt))
                .col(integer(OutreachItem::Attempts).default(0))
                .col(integer(OutreachItem::FailedAttempts).default(0))
                .col(timestamp_with_time_zone_null(OutreachItem::LastAttemptAt))
                .foreign_key(&mut person_fk(OutreachItem::Table, OutreachItem::PersonId))
                .to_owned(),
        )
        .await?;
        // At most one open item per person and rule, whatever runs the rules and however often: the database
        // refuses the second (partial unique index; both databases have them).
        m.get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX outreach_item_open ON outreach_item (person_id, kind) WHERE closed_at IS NULL",
            )
            .await?;
        m.create_index(
            Index::create()
                .name("outreach_item_org_open")
                .table(OutreachItem::Table)
                .col(OutreachItem::OrgId)
                .col(OutreachItem::ClosedAt)
                .col(OutreachItem::UrgencyClass)
                .col(OutreachItem::OpenedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OutreachAttempt::Table)
                .col(pk_uuid(OutreachAttempt::Id))
                .col(uuid(OutreachAttempt::ItemId))
                .col(uuid(OutreachAttempt::PersonId))
                .col(uuid(OutreachAttempt::OrgId))
                .col(uuid(OutreachAttempt::ByAccountId))
                .col(timestamp_with_time_zone(OutreachAttempt::At))
                .col(string(OutreachAttempt::Channel))
                .col(string(OutreachAttempt::Outcome))
                .col(string_null(OutreachAttempt::Note))
                .foreign_key(&mut person_fk(OutreachAttempt::Table, OutreachAttempt::PersonId))
                .foreign_key(
                    ForeignKey::create()
                        .from(OutreachAttempt::Table, OutreachAttempt::ItemId)
                        .to(OutreachItem::Table, OutreachItem::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("outreach_attempt_person_at")
                .table(OutreachAttempt::Table)
                .col(OutreachAttempt::PersonId)
                .col(OutreachAttempt::At)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OutreachDirty::Table)
                .col(uuid(OutreachDirty::PersonId).primary_key())
                .col(timestamp_with_time_zone(OutreachDirty::MarkedAt))
                .foreign_key(&mut person_fk(OutreachDirty::Table, OutreachDirty::PersonId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Job::Table)
                .col(pk_uuid(Job::Id))
                .col(string(Job::Kind))
                .col(string_uniq(Job::DedupeKey))
                .col(timestamp_with_time_zone(Job::RunAfter))
                .col(string_null(Job::ClaimedBy))
                .col(timestamp_with_time_zone_null(Job::ClaimedAt))
                .col(timestamp_with_time_zone_null(Job::FinishedAt))
                .col(string_null(Job::Detail))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("job_pending").table(Job::Table).col(Job::FinishedAt).col(Job::RunAfter).to_owned(),
        )
        .await?;
        Ok(())
    }
}
