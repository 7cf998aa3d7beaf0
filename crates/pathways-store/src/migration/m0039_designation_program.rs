//! Recovery Friendly designations as configurable programs (issue 20, item 5).
//!
//! **Programs**: an organization's (a state agency's or a coalition's) program — what it designates, its name in
//! English and Spanish, its ordered steps with the evidence each needs and a step's checklist (JSON: the domain's
//! `community::designation::Step`s, read back through the domain), the trainings required (JSON: type and count)
//! and the renewal period in months.
//!
//! **Applications**: an organization applying through the site, without an account — its name, town, a contact's
//! name and email, and the SHA-256 of the private link's token (never the token, like the kiosk's cookie in
//! m0026). `organization_id` is the program's owner, so an advisor's finders are scoped by it. Designating one
//! sets `designated_on` and links the `recovery_friendly` row it put on the public list.
//!
//! **Submissions and reviews**: each step's evidence (text and an optional `https:` link; no uploaded file) and each
//! advisor's decision (who, when, accept or return with a note). A step's state is the latest of the two (ids are
//! UUIDv7, so they order them).
//!
//! `recovery_friendly.renewal_due_on`: the day a program's designation is due for renewal; the public list hides a
//! designation once the day has passed (lapsed). Designations recorded by hand have none and never lapse.

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
enum RecoveryFriendly {
    Table,
    RenewalDueOn,
}

#[derive(DeriveIden)]
enum DesignationProgram {
    Table,
    Id,
    OrganizationId,
    Kind,
    NameEn,
    NameEs,
    Steps,
    Trainings,
    RenewalMonths,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DesignationApplication {
    Table,
    Id,
    ProgramId,
    OrganizationId,
    ApplicantName,
    Town,
    ContactName,
    ContactEmail,
    TokenHash,
    DesignatedOn,
    RecoveryFriendlyId,
    WithdrawnAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DesignationSubmission {
    Table,
    Id,
    ApplicationId,
    Step,
    Evidence,
    Link,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum DesignationReview {
    Table,
    Id,
    ApplicationId,
    Step,
    Decision,
    Note,
    ReviewerId,
    ReviewedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(DesignationProgram::Table)
                .col(pk_uuid(DesignationProgram::Id))
                .col(uuid(DesignationProgram::OrganizationId))
                .col(string(DesignationProgram::Kind))
                .col(string(DesignationProgram::NameEn))
                .col(string(DesignationProgram::NameEs))
                .col(text(DesignationProgram::Steps))
                .col(text(DesignationProgram::Trainings))
                .col(integer(DesignationProgram::RenewalMonths))
                .col(timestamp_with_time_zone(DesignationProgram::CreatedAt))
                .col(timestamp_with_time_zone(DesignationProgram::UpdatedAt))
                .check(Expr::col(DesignationProgram::RenewalMonths).between(1, 120))
                .foreign_key(
                    ForeignKey::create()
                        .from(DesignationProgram::Table, DesignationProgram::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("designation_program_org")
                .table(DesignationProgram::Table)
                .col(DesignationProgram::OrganizationId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DesignationApplication::Table)
                .col(pk_uuid(DesignationApplication::Id))
                .col(uuid(DesignationApplication::ProgramId))
                .col(uuid(DesignationApplication::OrganizationId))
                .col(string(DesignationApplication::ApplicantName))
                .col(string(DesignationApplication::Town))
                .col(string(DesignationApplication::ContactName))
                .col(string(DesignationApplication::ContactEmail))
                .col(string_uniq(DesignationApplication::TokenHash))
                .col(date_null(DesignationApplication::DesignatedOn))
                .col(uuid_null(DesignationApplication::RecoveryFriendlyId))
                .col(timestamp_with_time_zone_null(DesignationApplication::WithdrawnAt))
                .col(timestamp_with_time_zone(DesignationApplication::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(DesignationApplication::Table, DesignationApplication::ProgramId)
                        .to(DesignationProgram::Table, DesignationProgram::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(DesignationApplication::Table, DesignationApplication::OrganizationId)
                        .to(Organization::Table, Organization::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("designation_application_org")
                .table(DesignationApplication::Table)
                .col(DesignationApplication::OrganizationId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DesignationSubmission::Table)
                .col(pk_uuid(DesignationSubmission::Id))
                .col(uuid(DesignationSubmission::ApplicationId))
                .col(integer(DesignationSubmission::Step))
                .col(text(DesignationSubmission::Evidence))
                .col(string_null(DesignationSubmission::Link))
                .col(timestamp_with_time_zone(DesignationSubmission::SubmittedAt))
                .check(Expr::col(DesignationSubmission::Step).gte(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(DesignationSubmission::Table, DesignationSubmission::ApplicationId)
                        .to(DesignationApplication::Table, DesignationApplication::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("designation_submission_application")
                .table(DesignationSubmission::Table)
                .col(DesignationSubmission::ApplicationId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DesignationReview::Table)
                .col(pk_uuid(DesignationReview::Id))
                .col(uuid(DesignationReview::ApplicationId))
                .col(integer(DesignationReview::Step))
                .col(string(DesignationReview::Decision))
                .col(text_null(DesignationReview::Note))
                .col(uuid(DesignationReview::ReviewerId))
                .col(timestamp_with_time_zone(DesignationReview::ReviewedAt))
                .check(Expr::col(DesignationReview::Step).gte(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(DesignationReview::Table, DesignationReview::ApplicationId)
                        .to(DesignationApplication::Table, DesignationApplication::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("designation_review_application")
                .table(DesignationReview::Table)
                .col(DesignationReview::ApplicationId)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(RecoveryFriendly::Table)
                .add_column(date_null(RecoveryFriendly::RenewalDueOn))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table(RecoveryFriendly::Table).drop_column(RecoveryFriendly::RenewalDueOn).to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(DesignationReview::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(DesignationSubmission::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(DesignationApplication::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(DesignationProgram::Table).to_owned()).await?;
        Ok(())
    }
}
