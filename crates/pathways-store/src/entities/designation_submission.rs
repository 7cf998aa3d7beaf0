use sea_orm::entity::prelude::*;

/// Evidence an applicant submitted for one step (issue 20, m0039).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "designation_submission")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub application_id: Uuid,
    /// The step's index in the program's steps.
    pub step: i32,
    #[sea_orm(column_type = "Text")]
    pub evidence: String,
    pub link: Option<String>,
    pub submitted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
