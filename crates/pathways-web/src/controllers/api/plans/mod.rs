//! `/api/v1/persons/{id}/plan` and its versions.

pub mod get_plan;
pub mod list_plan_versions;
pub mod put_plan;

pub use get_plan::get_plan;
pub use list_plan_versions::list_plan_versions;
pub use put_plan::put_plan;

use chrono::{DateTime, Utc};
use pathways_domain::plan::PlanContent;
use pathways_store::plans::PlanRecord;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// One version of a recovery plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanJson {
    pub person_id: Uuid,
    /// 0 when the person has no plan yet.
    pub version: i32,
    /// Pathways, stage, review date and goals.
    #[schema(schema_with = crate::schemas::plan::content)]
    pub plan: PlanContent,
    pub author_account_id: Option<Uuid>,
    /// `staff` or `person`.
    pub author_kind: Option<String>,
    pub restored_from: Option<i32>,
    pub created_at: Option<DateTime<Utc>>,
}

impl PlanJson {
    pub fn of(person: Uuid, record: Option<PlanRecord>) -> Self {
        match record {
            Some(r) => Self {
                person_id: person,
                version: r.version,
                plan: r.content,
                author_account_id: Some(r.author_account_id),
                author_kind: Some(r.author_kind),
                restored_from: r.restored_from,
                created_at: Some(r.created_at),
            },
            None => Self {
                person_id: person,
                version: 0,
                plan: PlanContent::default(),
                author_account_id: None,
                author_kind: None,
                restored_from: None,
                created_at: None,
            },
        }
    }
}

/// A save: the plan, and the version it was made from (or an `If-Match: "<version>"` header).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanPut {
    /// The version edited (0 for a person's first plan); or give it as `If-Match`. Without either, 422.
    #[schema(minimum = 0, maximum = 2147483647)]
    pub version: Option<i32>,
    #[schema(schema_with = crate::schemas::plan::content)]
    pub plan: PlanContent,
}
