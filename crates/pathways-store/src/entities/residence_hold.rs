use sea_orm::entity::prelude::*;

/// A bed held at a residence for a referred person until `expires_at`, unless admitted or released before.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "residence_hold")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub residence_id: Uuid,
    /// The referral it was asked for with, if any.
    pub referral_id: Option<Uuid>,
    /// `held`, `admitted`, `released` or `expired` (`HoldState`).
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
