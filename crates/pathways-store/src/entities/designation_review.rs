use sea_orm::entity::prelude::*;

/// An advisor's decision on one step (issue 20, m0039).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "designation_review")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub application_id: Uuid,
    pub step: i32,
    /// `accept` or `return`.
    pub decision: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// The advisor's account.
    pub reviewer_id: Uuid,
    pub reviewed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
