use sea_orm::entity::prelude::*;

/// An organization's application to a designation program (issue 20, m0039). No account: the applicant holds a
/// private link whose token's SHA-256 is kept here.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "designation_application")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub program_id: Uuid,
    /// The program's owner (the advisors' organization).
    pub organization_id: Uuid,
    pub applicant_name: String,
    pub town: String,
    pub contact_name: String,
    pub contact_email: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub designated_on: Option<Date>,
    /// The row on the public list its designation made.
    pub recovery_friendly_id: Option<Uuid>,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// The renewal day the last reminder mailed to the contact address was about (m0045).
    pub renewal_reminded_for: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
