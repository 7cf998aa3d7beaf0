//! `/api/v1/persons`.

pub mod create_person;
pub mod get_person;
pub mod list_persons;
pub mod update_person;

pub use create_person::create_person;
pub use get_person::get_person;
pub use list_persons::list_persons;
pub use update_person::update_person;

use chrono::{DateTime, NaiveDate, Utc};
use pathways_store::model::Person;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A person in recovery.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonJson {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub preferred_name: String,
    pub legal_name: Option<String>,
    pub pronouns: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    /// BCP 47 language tag.
    pub preferred_language: Option<String>,
    /// E.164.
    pub phone: Option<String>,
    pub email: Option<String>,
    pub assigned_coach_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Person> for PersonJson {
    fn from(p: Person) -> Self {
        Self {
            id: p.id,
            organization_id: p.org_id,
            preferred_name: p.preferred_name,
            legal_name: p.legal_name,
            pronouns: p.pronouns,
            date_of_birth: p.date_of_birth,
            preferred_language: p.preferred_language,
            phone: p.phone,
            email: p.email,
            assigned_coach_id: p.assigned_coach_id,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// A page of persons.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonList {
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub items: Vec<PersonJson>,
}

/// The fields of a new person. Only `preferred_name` is required.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PersonCreate {
    #[schema(schema_with = crate::schemas::person::preferred_name, required = true)]
    pub preferred_name: Option<String>,
    #[schema(schema_with = crate::schemas::person::legal_name)]
    pub legal_name: Option<String>,
    #[schema(schema_with = crate::schemas::person::pronouns)]
    pub pronouns: Option<String>,
    /// `YYYY-MM-DD`.
    #[schema(schema_with = crate::schemas::person::date_of_birth)]
    pub date_of_birth: Option<String>,
    #[schema(schema_with = crate::schemas::person::preferred_language)]
    pub preferred_language: Option<String>,
    #[schema(schema_with = crate::schemas::person::phone)]
    pub phone: Option<String>,
    #[schema(schema_with = crate::schemas::person::email)]
    pub email: Option<String>,
    /// Admins and supervisors only; a coach's new person is assigned to the coach.
    #[schema(schema_with = crate::schemas::person::assigned_coach_id)]
    pub assigned_coach_id: Option<String>,
}

/// Changes to a person: absent fields stay as they are; `null` clears an optional field.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PersonPatch {
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = crate::schemas::person::preferred_name)]
    pub preferred_name: Option<Option<String>>,
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = crate::schemas::person::legal_name)]
    pub legal_name: Option<Option<String>>,
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = crate::schemas::person::pronouns)]
    pub pronouns: Option<Option<String>>,
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = crate::schemas::person::date_of_birth)]
    pub date_of_birth: Option<Option<String>>,
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = crate::schemas::person::preferred_language)]
    pub preferred_language: Option<Option<String>>,
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = crate::schemas::person::phone)]
    pub phone: Option<Option<String>>,
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = crate::schemas::person::email)]
    pub email: Option<Option<String>>,
    #[serde(deserialize_with = "present")]
    #[schema(schema_with = crate::schemas::person::assigned_coach_id)]
    pub assigned_coach_id: Option<Option<String>>,
}

/// Tells "absent" (`None`, by `default`) from "null" (`Some(None)`).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}
