//! Evidence files and the trainings an advisor ties to an application (issue 20, Recovery Friendly designation
//! programs; branch `rf-evidence`).
//!
//! **`designation_evidence_file`**: a file (PDF, PNG or JPEG, known by its first bytes) an applicant uploaded with a
//! step's evidence — one per submission at most, kept in the database beside its submission (so a backup holds
//! both), as the consent scans are (`m0014`): the bytes, the name the applicant's browser gave it, its type, size and
//! SHA-256. `application_id` repeats the submission's application so the advisor's download is found through it.
//!
//! **`designation_training`**: a training recorded at `/community/trainings` by the program owner's organization
//! that an advisor attached to an application (the trainings it held for that applicant). A recorded training names
//! no attendee or attendee organization, so this link is the only honest tie between the two; the trainings a
//! program requires are matched against these.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DesignationApplication {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum DesignationSubmission {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CommunityTraining {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum DesignationEvidenceFile {
    Table,
    SubmissionId,
    ApplicationId,
    FileName,
    ContentType,
    Bytes,
    Size,
    Sha256,
    UploadedAt,
}

#[derive(DeriveIden)]
enum DesignationTraining {
    Table,
    ApplicationId,
    TrainingId,
    AttachedBy,
    AttachedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(DesignationEvidenceFile::Table)
                .col(uuid(DesignationEvidenceFile::SubmissionId).primary_key())
                .col(uuid(DesignationEvidenceFile::ApplicationId))
                .col(string(DesignationEvidenceFile::FileName))
                .col(string(DesignationEvidenceFile::ContentType))
                .col(blob(DesignationEvidenceFile::Bytes))
                .col(integer(DesignationEvidenceFile::Size))
                .col(string(DesignationEvidenceFile::Sha256))
                .col(timestamp_with_time_zone(DesignationEvidenceFile::UploadedAt))
                .check(Expr::col(DesignationEvidenceFile::Size).gt(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(DesignationEvidenceFile::Table, DesignationEvidenceFile::SubmissionId)
                        .to(DesignationSubmission::Table, DesignationSubmission::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(DesignationEvidenceFile::Table, DesignationEvidenceFile::ApplicationId)
                        .to(DesignationApplication::Table, DesignationApplication::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("designation_evidence_file_application")
                .table(DesignationEvidenceFile::Table)
                .col(DesignationEvidenceFile::ApplicationId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DesignationTraining::Table)
                .col(uuid(DesignationTraining::ApplicationId))
                .col(uuid(DesignationTraining::TrainingId))
                .col(uuid(DesignationTraining::AttachedBy))
                .col(timestamp_with_time_zone(DesignationTraining::AttachedAt))
                .primary_key(
                    Index::create().col(DesignationTraining::ApplicationId).col(DesignationTraining::TrainingId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(DesignationTraining::Table, DesignationTraining::ApplicationId)
                        .to(DesignationApplication::Table, DesignationApplication::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(DesignationTraining::Table, DesignationTraining::TrainingId)
                        .to(CommunityTraining::Table, CommunityTraining::Id),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(DesignationTraining::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(DesignationEvidenceFile::Table).to_owned()).await
    }
}
