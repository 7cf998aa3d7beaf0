use sea_orm::entity::prelude::*;

/// A place (HSDS `location`, with its addresses in `doc`). A place without coordinates from its source is put
/// at its ZIP code's centre and marked `approximate`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dir_location")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Option<Uuid>,
    pub source: String,
    pub external_id: String,
    pub name: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub approximate: bool,
    pub postal_code: Option<String>,
    pub doc: Json,
    pub content_hash: String,
    pub retired_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
