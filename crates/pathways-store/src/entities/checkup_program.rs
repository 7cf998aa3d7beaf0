use sea_orm::entity::prelude::*;

/// A program's (organization's) check-up and outreach settings; absent means the defaults.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "checkup_program")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub org_id: Uuid,
    /// `pathways_domain::checkup::Schedule` as JSON.
    pub schedule: Json,
    pub window_days: i32,
    pub time_zone: String,
    pub quiet_days: i32,
    pub no_contact_days: i32,
    pub linkage_stall_days: i32,
    pub escalate_after: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
