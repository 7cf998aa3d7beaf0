use sea_orm::entity::prelude::*;

/// One entry of the append-only, hash-chained audit trail. Database triggers refuse UPDATE and DELETE.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    /// Position in the chain: 1, 2, 3, … with no gaps.
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i64,
    #[sea_orm(unique)]
    pub id: Uuid,
    pub occurred_at: DateTimeUtc,
    pub actor_account_id: Option<Uuid>,
    pub actor_role: Option<String>,
    pub org_id: Option<Uuid>,
    pub action: String,
    pub outcome: String,
    pub subject_person_id: Option<Uuid>,
    pub entity: Option<String>,
    pub entity_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
    pub detail: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    /// Whether `hash` is keyed (HMAC-SHA-256 under the audit key) rather than plain SHA-256 (migration m0021).
    pub keyed: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
