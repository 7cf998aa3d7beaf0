use sea_orm::entity::prelude::*;

/// One entry of the accounting of disclosures: what went to whom, when, on which consent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "disclosure")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub consent_id: Uuid,
    pub at: DateTimeUtc,
    /// `ally_view`, `referral` or `export`.
    pub channel: String,
    pub recipient_kind: String,
    pub recipient_account_id: Option<Uuid>,
    pub recipient_org_id: Option<Uuid>,
    pub recipient_name: String,
    /// Category codes, comma-separated.
    pub categories: String,
    pub purpose: String,
    pub by_account_id: Option<Uuid>,
    /// What was disclosed, in a few words (e.g. "recovery plan: 3 goals").
    pub summary: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
