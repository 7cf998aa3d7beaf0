use sea_orm::entity::prelude::*;

/// A bed held for a caller until `expires_at`, unless admitted or released before.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bed_hold")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub program_id: Uuid,
    /// The access line call it is for, if any.
    pub call_id: Option<Uuid>,
    /// `held`, `admitted`, `released` or `expired`.
    pub state: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    pub created_by_account_id: Option<Uuid>,
    pub closed_by_account_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
