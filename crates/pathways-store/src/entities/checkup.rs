use sea_orm::entity::prelude::*;

/// One completed check-up: the answers as given and the need-for-treatment rule's result.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "checkup")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    pub due_on: Option<Date>,
    pub completed_at: DateTimeUtc,
    pub in_window: bool,
    pub by_account_id: Uuid,
    /// `staff` or `person`.
    pub by_kind: String,
    pub answers: Json,
    pub needs_treatment: bool,
    /// The rule's reasons, comma-separated codes.
    pub reasons: String,
    pub assessment_id: Option<Uuid>,
    pub next_due: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
