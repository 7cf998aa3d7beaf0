use sea_orm::entity::prelude::*;

/// A training a recovery community center held (issue 20): its type, date, attendance and place. Counts only.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "community_training")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// `pathways_domain::community::naloxone::TrainingKind::code`.
    pub kind: String,
    pub held_on: Date,
    pub attendees: i32,
    pub place: Option<String>,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
