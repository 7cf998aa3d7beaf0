use sea_orm::entity::prelude::*;

/// A person's written consent to disclose (42 CFR Part 2 §2.31): the document as signed, and the columns the
/// consent gate filters on. Revocation and the expiry event are stamped here; a consent is never deleted.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consent")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub org_id: Uuid,
    /// `pathways_domain::consent::ConsentDocument` as JSON: every element as signed.
    pub document: Json,
    /// Category codes, comma-separated.
    pub categories: String,
    /// `ally`, `organization`, `person` or `general`.
    pub recipient_kind: String,
    pub recipient_account_id: Option<Uuid>,
    pub recipient_org_id: Option<Uuid>,
    pub tpo: bool,
    pub expires_on: Option<Date>,
    pub expiry_event: Option<String>,
    /// `electronic` (signed in the portal) or `paper` (recorded by staff from a signed form).
    pub signature_kind: String,
    pub signed_on: Date,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: Uuid,
    pub ended_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub revoked_by: Option<Uuid>,
    /// `portal` or `written_request`.
    pub revoked_via: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
