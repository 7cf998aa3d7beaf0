use sea_orm::entity::prelude::*;

/// A training recorded by the program owner's organization that an advisor attached to an application (issue 20,
/// m0046).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "designation_training")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub application_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub training_id: Uuid,
    pub attached_by: Uuid,
    pub attached_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
