//! The bodies and answers of the credentials and supervision API (issue 21, fifth pass): each body becomes the
//! values the credentials page sends (`pathways_domain::financing::staff`), so the API and the page share one
//! parser and its field errors.

use chrono::NaiveDate;
use pathways_domain::financing::Credential;
use pathways_domain::financing::staff::{RawCredential, RawSupervision, Standing};
use pathways_domain::text::FieldError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A credential to add for a staff member.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CredentialBody {
    #[schema(schema_with = crate::schemas::staff::staff_member, required = true)]
    pub staff_member: String,
    #[schema(schema_with = crate::schemas::staff::credential_kind, required = true)]
    pub credential_kind: String,
    #[schema(schema_with = crate::schemas::staff::credential_number)]
    pub credential_number: String,
    #[schema(schema_with = crate::schemas::staff::issued_on, required = true)]
    pub issued_on: String,
    #[schema(schema_with = crate::schemas::staff::expires_on)]
    pub expires_on: String,
}

impl CredentialBody {
    pub fn raw(&self) -> RawCredential {
        RawCredential {
            credential_kind: self.credential_kind.clone(),
            credential_number: self.credential_number.clone(),
            issued_on: self.issued_on.clone(),
            expires_on: self.expires_on.clone(),
        }
    }
}

/// A supervision contact the caller (the supervisor) held with a staff member.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SupervisionBody {
    #[schema(schema_with = crate::schemas::staff::staff_member, required = true)]
    pub staff_member: String,
    #[schema(schema_with = crate::schemas::staff::held_on, required = true)]
    pub held_on: String,
    #[schema(schema_with = crate::schemas::staff::minutes, required = true)]
    pub minutes: Option<i64>,
    #[schema(schema_with = crate::schemas::staff::topics)]
    pub topics: Vec<String>,
}

impl SupervisionBody {
    /// The values the page sends (topics joined as the form separates them). A list the form could not have
    /// sent — more than ten topics, or one holding a separator — is a field error on `topics`.
    pub fn raw(&self) -> Result<RawSupervision, Vec<FieldError>> {
        if self.topics.len() > 10 {
            return Err(vec![FieldError::new("topics", "too-many")]);
        }
        if self.topics.iter().any(|t| t.contains([',', ';'])) {
            return Err(vec![FieldError::new("topics", "invalid-characters")]);
        }
        Ok(RawSupervision { held_on: self.held_on.clone(), minutes: self.minutes, topics: self.topics.join(",") })
    }
}

/// A credential and where it stands today.
#[derive(Debug, Serialize, ToSchema)]
pub struct CredentialJson {
    pub kind: String,
    pub number: Option<String>,
    pub issued_on: NaiveDate,
    /// Null: it does not expire.
    pub expires_on: Option<NaiveDate>,
    /// `current`, `expiring` (within 60 days: the staff home reminds) or `expired`.
    pub standing: &'static str,
}

impl CredentialJson {
    pub fn of(c: &Credential, today: NaiveDate) -> Self {
        Self {
            kind: c.kind.clone(),
            number: c.number.clone(),
            issued_on: c.issued_on,
            expires_on: c.expires_on,
            standing: Standing::of(c, today).code(),
        }
    }
}

/// One staff member's credentials and latest supervision contact.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffCredentialsJson {
    pub staff_member: Uuid,
    pub name: String,
    pub credentials: Vec<CredentialJson>,
    /// The latest supervision contact up to today; null: none logged.
    pub last_supervision: Option<NaiveDate>,
}

/// A credential as added.
#[derive(Debug, Serialize, ToSchema)]
pub struct AddedCredentialJson {
    pub id: Uuid,
    pub staff_member: Uuid,
    pub credential: CredentialJson,
}

/// A supervision contact as logged (the supervisor is the caller).
#[derive(Debug, Serialize, ToSchema)]
pub struct SupervisionJson {
    pub id: Uuid,
    pub supervisor: Uuid,
    pub staff_member: Uuid,
    pub held_on: NaiveDate,
    pub minutes: u16,
    pub topics: Vec<String>,
}
