use sea_orm::entity::prelude::*;

/// An episode's reassessment window, kept for the follow-up report (m0048): its last day and what became of it
/// (`completed`, `administrative`, `not_done`), with the episode's organization and person (whose coach the report
/// groups by, read at the time of the report). Kept by `crate::follow_up_kept` in the transaction that settles an
/// interview or closes the episode.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "follow_up_window")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub episode_id: Uuid,
    pub org_id: Uuid,
    pub person_id: Uuid,
    pub closes_on: Date,
    pub outcome: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
