use sea_orm::entity::prelude::*;

/// A person on a recovery community center's volunteer roster, who agreed to be listed (issue 20).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    /// The day they agreed to be listed.
    pub agreed_on: Date,
    /// Off the roster (their hours stay in the center's totals).
    pub removed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// The background check's last valid day (m0040; none recorded: null).
    pub background_check_until: Option<Date>,
    /// The training's last valid day (m0040).
    pub training_until: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
