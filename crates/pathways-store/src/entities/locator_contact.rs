use sea_orm::entity::prelude::*;

/// A way to reach a person, or someone who knows where they are, given with their consent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "locator_contact")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub kind: String,
    pub value: String,
    pub name: Option<String>,
    pub relationship: Option<String>,
    pub note: Option<String>,
    pub consented_at: DateTimeUtc,
    pub recorded_by: Uuid,
    /// `staff` or `person` (the person added it in their portal).
    pub recorded_by_kind: String,
    pub removed_at: Option<DateTimeUtc>,
    pub removed_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
