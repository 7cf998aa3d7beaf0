use sea_orm::entity::prelude::*;

/// One outcome interview of an episode: its window, what became of it, and its answers (by item id).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outcome_interview")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub episode_id: Uuid,
    /// `baseline`, `reassessment`, `annual` or `closeout`.
    pub kind: String,
    /// The anniversary, for an annual interview.
    pub year: Option<i32>,
    pub due_on: Date,
    pub opens_on: Date,
    pub closes_on: Date,
    /// `in_progress`, `complete` or `administrative`.
    pub status: String,
    pub done_on: Option<Date>,
    /// `not_reached`, `died` or `refused`.
    pub administrative_reason: Option<String>,
    pub answers: Json,
    pub instrument_id: String,
    pub instrument_version: String,
    pub recorded_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
