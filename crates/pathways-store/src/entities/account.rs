use sea_orm::entity::prelude::*;

/// A sign-in account. Staff today; persons in recovery and allies later (`kind`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub org_id: Uuid,
    /// `pathways_domain::PrincipalKind` as text.
    pub kind: String,
    /// `pathways_domain::Role` as text; staff only.
    pub role: Option<String>,
    /// Lowercased; unique where present.
    pub email: Option<String>,
    pub display_name: String,
    /// Argon2id PHC string; absent until the account holder sets a password.
    pub password_hash: Option<String>,
    /// Preferred interface language (`en`, `es`).
    pub locale: Option<String>,
    /// For a person's own account: their record.
    pub person_id: Option<Uuid>,
    pub disabled_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// A person's own account signs in with this (unique where present).
    pub username: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
