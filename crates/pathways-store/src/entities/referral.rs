use sea_orm::entity::prelude::*;

/// A referral of a person to a directory service, from one organization to another (or to one not on Pathways,
/// as a printable packet). Statuses are FHIR Task codes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "referral")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub from_org_id: Uuid,
    /// The receiving organization when it is on Pathways; `None`: a printable packet.
    pub to_org_id: Option<Uuid>,
    pub service_id: Uuid,
    pub service_name: String,
    /// The receiving organization's name (from the directory).
    pub to_name: String,
    pub reason: String,
    pub status: String,
    pub status_reason: Option<String>,
    /// The consent the packet was sent on.
    pub consent_id: Uuid,
    /// What the receiving organization sees: the packet, and nothing else of the record.
    pub packet: Json,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub received_at: Option<DateTimeUtc>,
    /// Accepted or rejected.
    pub answered_at: Option<DateTimeUtc>,
    /// Completed, rejected, cancelled or failed.
    pub closed_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
