use sea_orm::entity::prelude::*;

/// A billable service event (issue 21). Never changed once signed: a correction is a new version.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "service_event")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    pub encounter_id: Option<Uuid>,
    pub staff_account_id: Uuid,
    pub occurred_on: Date,
    pub start_minute: i32,
    pub minutes: i32,
    pub code: String,
    pub modifiers: Json,
    pub place_of_service: String,
    pub goal_id: Option<Uuid>,
    pub funding_source_id: Uuid,
    pub authorization: Option<String>,
    pub diagnosis_on_file: bool,
    pub units: i32,
    pub cents: i64,
    pub problems: Json,
    /// `draft`, `signed` or `superseded`.
    pub state: String,
    pub signed_by: Option<Uuid>,
    pub signed_at: Option<DateTimeUtc>,
    pub cosigned_by: Option<Uuid>,
    pub cosigned_at: Option<DateTimeUtc>,
    pub version: i32,
    pub supersedes: Option<Uuid>,
    pub correction_reason: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    /// How many problems `problems` names (m0034): written with it, so the report counts by the database.
    pub problem_count: i32,
    /// How many persons the event has (its `service_event_person` rows; m0034).
    pub person_count: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
