use sea_orm::entity::prelude::*;

/// Getting a person who needs treatment into it: each step timestamped.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "linkage_task")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub checkup_id: Uuid,
    pub assigned_account_id: Option<Uuid>,
    pub opened_at: DateTimeUtc,
    pub last_progress_at: DateTimeUtc,
    pub feedback_at: Option<DateTimeUtc>,
    pub barriers_at: Option<DateTimeUtc>,
    pub appointment_at: Option<DateTimeUtc>,
    pub referral_service_id: Option<Uuid>,
    pub transport_at: Option<DateTimeUtc>,
    pub arrived_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub close_reason: Option<String>,
    pub days_to_entry: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
