use sea_orm::entity::prelude::*;

/// An organization of the community directory (HSDS `organization`); `doc` is its HSDS object.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dir_organization")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Where it came from (`local` for listings made here, else the import's source name).
    pub source: String,
    /// Its id in that source.
    pub external_id: String,
    pub name: String,
    pub doc: Json,
    /// SHA-256 of `doc`, to tell an unchanged record on re-import.
    pub content_hash: String,
    pub retired_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    /// The organization's Pathways organization, when it is on Pathways (referrals arrive in its inbox).
    pub pathways_org_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
