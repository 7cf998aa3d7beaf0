use sea_orm::entity::prelude::*;

/// A Recovery Friendly designation of a workplace or community (issue 20), as recorded by an organization.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "recovery_friendly")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The organization that recorded it.
    pub organization_id: Uuid,
    /// `pathways_domain::community::volunteers::DesignationKind::code`.
    pub kind: String,
    pub name: String,
    pub town: Option<String>,
    pub designated_on: Date,
    /// Who designated it (the body).
    pub designated_by: String,
    pub withdrawn_at: Option<DateTimeUtc>,
    /// A program's designation: the day its renewal is due (m0039); none for one recorded by hand.
    pub renewal_due_on: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
