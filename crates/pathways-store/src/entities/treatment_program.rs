use sea_orm::entity::prelude::*;

/// A treatment program the access line can place people in: its level of care and its bed counts. `held` is the
/// number of live holds, kept here so a reservation is one conditional update of this row.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "treatment_program")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    /// Its listing in the directory, if it has one.
    pub service_id: Option<Uuid>,
    pub name: String,
    /// A level of care code (`3.7-WM`).
    pub level: String,
    /// Population codes, comma-separated (`men,veterans`); empty: anyone.
    pub populations: String,
    pub region: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub licensed_beds: i32,
    pub open_beds: i32,
    pub waitlist: i32,
    pub held: i32,
    pub updated_at: DateTimeUtc,
    pub updated_by_account_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
