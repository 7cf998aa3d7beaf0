use sea_orm::entity::prelude::*;

/// A person's kiosk check-in code (issue 20, m0043): only its hash; or that they declined having one.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "kiosk_code")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: Uuid,
    pub organization_id: Uuid,
    /// SHA-256 (hex) of the organization's id and the canonical code; null: no code in force.
    #[sea_orm(unique)]
    pub code_hash: Option<String>,
    /// The person said they do not want a code.
    pub declined: bool,
    pub issued_by_account_id: Option<Uuid>,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
