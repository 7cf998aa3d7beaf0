use sea_orm::entity::prelude::*;

/// A one-time password reset for an account: a link token and a short code, both stored as hashes; lasts 24
/// hours and works once (issue 22).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "password_reset")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub account_id: Uuid,
    pub org_id: Uuid,
    #[sea_orm(unique)]
    pub token_hash: String,
    #[sea_orm(unique)]
    pub code_hash: String,
    /// Who issued it; `None` for the command line.
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
