use sea_orm::entity::prelude::*;

/// A recovery residence (sober living home) in the housing registry (issue 19).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "residence")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The operator: the Pathways organization that reports for it.
    pub organization_id: Uuid,
    /// Its listing in the community directory, when there is one (referrals go there).
    pub service_id: Option<Uuid>,
    pub name: String,
    pub address: String,
    pub town: String,
    pub zip: Option<String>,
    pub region: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `pathways_domain::housing::NarrLevel::code`.
    pub level: String,
    /// `Population` codes, comma-separated.
    pub populations: String,
    pub accepts_moud: bool,
    pub serves_oud: bool,
    pub total_beds: i32,
    /// As last reported, less admissions since.
    pub available_beds: i32,
    /// Live holds.
    pub held: i32,
    pub reported_at: Option<DateTimeUtc>,
    pub cert_body: Option<String>,
    pub cert_number: Option<String>,
    pub cert_expires_on: Option<Date>,
    pub house_rules: Option<String>,
    pub cost_per_week: Option<i32>,
    /// `Payment` codes, comma-separated.
    pub payments: String,
    pub naloxone_doses: i32,
    pub naloxone_trained_on: Option<Date>,
    pub disclaimer: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
