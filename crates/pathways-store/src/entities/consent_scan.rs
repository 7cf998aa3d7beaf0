use sea_orm::entity::prelude::*;

/// The scan of a consent signed on paper: PDF, PNG or JPEG, as uploaded.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consent_scan")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub consent_id: Uuid,
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub size: i32,
    /// Hex SHA-256 of the bytes, to show the file was not changed.
    pub sha256: String,
    pub uploaded_at: DateTimeUtc,
    pub uploaded_by: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
