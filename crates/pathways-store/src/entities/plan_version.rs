use sea_orm::entity::prelude::*;

/// One immutable version of a person's recovery plan. The current plan is the highest `version`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_version")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub version: i32,
    /// `pathways_domain::plan::PlanContent` as JSON.
    pub content: Json,
    pub author_account_id: Uuid,
    /// `staff` or `person`.
    pub author_kind: String,
    pub restored_from: Option<i32>,
    pub review_date: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::account::Entity",
        from = "Column::AuthorAccountId",
        to = "super::account::Column::Id"
    )]
    Author,
}

impl Related<super::account::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Author.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
