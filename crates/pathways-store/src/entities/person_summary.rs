use sea_orm::entity::prelude::*;

/// A person's caseload figures, kept by `crate::summary` in the same transaction as the records behind them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person_summary")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: Uuid,
    pub last_contact: Option<Date>,
    pub last_checkin: Option<DateTimeUtc>,
    pub barc_latest: Option<i16>,
    pub barc_previous: Option<i16>,
    pub review_date: Option<Date>,
    pub open_items: i64,
    pub urgent_items: i64,
    pub drop_items: i64,
    pub last_checkup_at: Option<DateTimeUtc>,
    /// The latest outreach attempt that reached the person.
    pub last_reached_at: Option<DateTimeUtc>,
    /// When the open linkage task last moved; `None` when there is none.
    pub linkage_progress_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::person::Entity", from = "Column::PersonId", to = "super::person::Column::Id")]
    Person,
}

impl Related<super::person::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Person.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
