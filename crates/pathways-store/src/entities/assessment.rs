use sea_orm::entity::prelude::*;

/// A recovery-capital assessment (BARC-10).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "assessment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub instrument: String,
    /// The answers as given, in order.
    pub answers: Json,
    pub total: i16,
    pub at_or_above_cutoff: bool,
    pub taken_by_account_id: Uuid,
    /// `staff` or `person`.
    pub taken_by_kind: String,
    pub taken_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
