use sea_orm::entity::prelude::*;

/// One loaded version of an outcome instrument: its TOML text as loaded (`pathways_domain::outcomes::instrument`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "instrument")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub instrument_id: String,
    pub version: String,
    pub title: String,
    pub body: String,
    pub loaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
