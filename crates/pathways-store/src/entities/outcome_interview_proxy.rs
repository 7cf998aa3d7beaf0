use sea_orm::entity::prelude::*;

/// A section of an outcome interview whose answers a proxy gave (m0047): the proxy's relationship to the person as
/// a code, who recorded it and when. No row: the person answered.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outcome_interview_proxy")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub interview_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub section_id: String,
    pub relationship: String,
    pub recorded_by: Uuid,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
