use sea_orm::entity::prelude::*;

/// A ride to treatment for a call, with a timestamp per status.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "transport_request")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub call_id: Uuid,
    pub hold_id: Option<Uuid>,
    /// The level of care of the destination (orders the queue).
    pub level: Option<String>,
    pub pickup: String,
    pub destination: String,
    pub notes: Option<String>,
    pub within_hours: i32,
    /// `pathways_domain::access_line::RideStatus` as text.
    pub status: String,
    pub requested_at: DateTimeUtc,
    pub assigned_at: Option<DateTimeUtc>,
    pub en_route_at: Option<DateTimeUtc>,
    pub picked_up_at: Option<DateTimeUtc>,
    pub delivered_at: Option<DateTimeUtc>,
    /// When it was cancelled or marked a no-show.
    pub closed_at: Option<DateTimeUtc>,
    pub reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
