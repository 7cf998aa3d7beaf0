use sea_orm::entity::prelude::*;

/// One drop-in sign-in at a kiosk: a visit, naming no person (issue 20).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kiosk_visit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub kiosk_id: Uuid,
    /// The group they came for, when they named one.
    pub event_id: Option<Uuid>,
    /// A first name or initials.
    pub name: String,
    pub zip: Option<String>,
    /// `pathways_domain::community::kiosk::Reason::code`.
    pub reason: String,
    pub visited_at: DateTimeUtc,
    /// The tablet's id for a sign-in it queued offline (sent twice, counted once).
    pub client_ref: Option<String>,
    /// The person a check-in code named (m0043); null for an anonymous drop-in.
    pub person_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
