use sea_orm::entity::prelude::*;

/// A one-time invitation for a person to open their portal: a link token and a short code, both stored as
/// hashes; expires, and works once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invite")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    #[sea_orm(unique)]
    pub token_hash: String,
    #[sea_orm(unique)]
    pub code_hash: String,
    pub created_by_account_id: Uuid,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    /// `person` (the person's own portal) or `ally` (a family member or friend the person invited).
    pub kind: String,
    /// For an ally: their name, as the person gave it.
    pub ally_name: Option<String>,
    pub relationship: Option<String>,
    /// Refused tries so far (a taken username, a weak password …); at the limit the invitation is used up.
    pub attempts: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
