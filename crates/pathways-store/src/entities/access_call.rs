use sea_orm::entity::prelude::*;

/// A call to the access line. Holds personal data (a first name, a callback number): read only by the line's
/// own organization, every read audited.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "access_call")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub organization_id: Uuid,
    pub operator_account_id: Option<Uuid>,
    pub caller_type: String,
    pub first_name: Option<String>,
    pub callback: Option<String>,
    pub place: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `pathways_domain::access_line::triage::CallAnswers`.
    pub answers: Json,
    pub suggested_level: Option<String>,
    /// The suggestion's reasons, comma-separated codes.
    pub reasons: String,
    pub chosen_level: Option<String>,
    /// `open` or `closed`.
    pub status: String,
    pub created_at: DateTimeUtc,
    pub follow_up_due_at: DateTimeUtc,
    pub follow_up_done_at: Option<DateTimeUtc>,
    /// `connected`, `not_connected` or `no_answer`.
    pub follow_up_outcome: Option<String>,
    /// The person record made from the call when the person agreed to one.
    pub person_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
