use sea_orm::entity::prelude::*;

/// A person's place on their program's check-up schedule.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "checkup_schedule")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub enrolled_on: Date,
    pub last_interval_months: i32,
    /// `None` when a fixed schedule has run its course.
    pub next_due: Option<Date>,
    pub extended_months: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::person::Entity", from = "Column::PersonId", to = "super::person::Column::Id")]
    Person,
}

impl ActiveModelBehavior for ActiveModel {}
