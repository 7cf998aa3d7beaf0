use sea_orm::entity::prelude::*;

/// A Recovery Friendly designation program an organization defines (issue 20, m0039).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "designation_program")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The owner (a state agency or a coalition): its administrators and supervisors edit it and advise.
    pub organization_id: Uuid,
    /// `pathways_domain::community::volunteers::DesignationKind::code`.
    pub kind: String,
    pub name_en: String,
    pub name_es: String,
    /// JSON: the domain's `Vec<community::designation::Step>`.
    #[sea_orm(column_type = "Text")]
    pub steps: String,
    /// JSON: the domain's `Vec<community::designation::TrainingRequirement>`.
    #[sea_orm(column_type = "Text")]
    pub trainings: String,
    pub renewal_months: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
