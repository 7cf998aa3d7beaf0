use sea_orm::entity::prelude::*;

/// A scan of a paper consent that a later upload replaced (issue 23): kept whole, with who replaced it when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consent_scan_previous")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub consent_id: Uuid,
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub size: i32,
    pub sha256: String,
    pub uploaded_at: DateTimeUtc,
    pub uploaded_by: Uuid,
    pub replaced_at: DateTimeUtc,
    pub replaced_by: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
