use sea_orm::entity::prelude::*;

/// A file an applicant uploaded with a step's evidence (issue 20, m0046): PDF, PNG or JPEG, as uploaded.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "designation_evidence_file")]
pub struct Model {
    /// The submission it came with (one file each at most).
    #[sea_orm(primary_key, auto_increment = false)]
    pub submission_id: Uuid,
    pub application_id: Uuid,
    /// The name the applicant's browser gave it (shown, and offered back on download).
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub size: i32,
    /// Hex SHA-256 of the bytes.
    pub sha256: String,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
