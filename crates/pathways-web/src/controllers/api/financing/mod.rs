//! `/api/v1/persons/{id}/service-events` and `/api/v1/financing/report` (issue 21: peer services and their
//! financing).

pub mod check_service_event;
pub mod correct_service_event;
pub mod cosign_service_event;
pub mod create_service_event;
pub mod get_financing_report;
pub mod list_service_events;
pub mod sign_service_event;
// Setting up financing (issue 21, second pass).
pub mod create_funding_source;
pub mod create_payer_profile;
pub mod issue_voucher;
pub mod list_funding_sources;
pub mod list_payer_profiles;
pub mod list_vouchers;
pub mod setup_json;
pub mod update_funding_source;
pub mod update_payer_profile;
// Credentials and supervision through the API (issue 21, fifth pass).
pub mod add_credential;
pub mod add_supervision;
pub mod list_credentials;
pub mod staff_json;
// Editing or withdrawing a voucher (issue 21, fifth pass).
pub mod update_voucher;

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::PersonId;
use pathways_domain::financing::check::{Checked, Problem};
use pathways_domain::financing::event::{RawServiceEvent, ServiceEventInput, parse_group};
use pathways_domain::text::FieldError;
use pathways_store::financing::EventView;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A service event as recorded or sent.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ServiceEventBody {
    #[schema(schema_with = crate::schemas::service_event::date, required = true)]
    pub date: String,
    #[schema(schema_with = crate::schemas::service_event::starts_at, required = true)]
    pub starts_at: String,
    #[schema(schema_with = crate::schemas::service_event::minutes, required = true)]
    pub minutes: Option<i64>,
    #[schema(schema_with = crate::schemas::service_event::code)]
    pub code: String,
    #[schema(schema_with = crate::schemas::service_event::modifiers)]
    pub modifiers: Vec<String>,
    #[schema(schema_with = crate::schemas::service_event::place_of_service, required = true)]
    pub place_of_service: String,
    #[schema(schema_with = crate::schemas::service_event::funding_source, required = true)]
    pub funding_source: String,
    #[schema(schema_with = crate::schemas::service_event::authorization)]
    pub authorization: String,
    /// The staff member attests a diagnosis is on file (for payers that require one).
    pub diagnosis_on_file: bool,
    /// Sign at once (the staff member attests the service; a voucher's units are taken). Only on recording.
    pub sign: bool,
    #[schema(schema_with = crate::schemas::service_event::group_persons)]
    pub group_persons: Vec<String>,
    #[schema(schema_with = crate::schemas::service_event::goal)]
    pub goal: String,
    #[schema(schema_with = crate::schemas::service_event::encounter)]
    pub encounter: String,
}

impl ServiceEventBody {
    /// The event and the other persons of a group service, parsed, every bad field named at once.
    pub fn parse(&self, person: PersonId) -> Result<(ServiceEventInput, Vec<PersonId>), Vec<FieldError>> {
        let input = ServiceEventInput::parse(&self.raw(), crate::clock::today());
        let group = parse_group(&self.group_persons, person);
        match (input, group) {
            (Ok(input), Ok(group)) => Ok((input, group)),
            (input, group) => {
                let mut errors = input.err().unwrap_or_default();
                errors.extend(group.err());
                Err(errors)
            }
        }
    }

    pub fn raw(&self) -> RawServiceEvent {
        RawServiceEvent {
            date: self.date.clone(),
            starts_at: self.starts_at.clone(),
            minutes: self.minutes,
            code: self.code.clone(),
            modifiers: self.modifiers.join(","),
            place_of_service: self.place_of_service.clone(),
            funding_source: self.funding_source.clone(),
            authorization: self.authorization.clone(),
            diagnosis_on_file: self.diagnosis_on_file,
            goal: self.goal.clone(),
            encounter: self.encounter.clone(),
        }
    }
}

/// One reason a funder would refuse the event.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemJson {
    /// A stable code: `over-daily-cap`, `credential-expired`, `no-authorization`, `overlapping-session`,
    /// `voucher-exhausted`, `outside-grant-period` …
    pub code: &'static str,
    /// The problem's details (the cap, the expiry date …), as the check names them.
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

impl From<&Problem> for ProblemJson {
    fn from(p: &Problem) -> Self {
        Self { code: p.code(), detail: serde_json::to_value(p).unwrap_or_default() }
    }
}

/// The check's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckJson {
    /// Billable units, summed over the event's persons, within the daily cap.
    pub units: u32,
    /// Their dollars at the payer's rate, in cents.
    pub cents: u64,
    pub ready_to_bill: bool,
    pub problems: Vec<ProblemJson>,
}

impl From<&Checked> for CheckJson {
    fn from(c: &Checked) -> Self {
        Self {
            units: c.total_units,
            cents: c.cents,
            ready_to_bill: c.ready_to_bill(),
            problems: c.problems.iter().map(ProblemJson::from).collect(),
        }
    }
}

/// A stored service event.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceEventJson {
    pub id: Uuid,
    pub persons: Vec<Uuid>,
    pub staff_account_id: Uuid,
    pub date: NaiveDate,
    /// HH:MM.
    pub starts_at: String,
    pub minutes: i32,
    pub code: String,
    pub modifiers: Vec<String>,
    pub place_of_service: String,
    pub funding_source: Uuid,
    pub authorization: Option<String>,
    pub units: i32,
    pub cents: i64,
    /// `draft`, `signed` or `superseded`.
    pub state: String,
    pub signed_at: Option<DateTime<Utc>>,
    pub cosigned_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub supersedes: Option<Uuid>,
    pub correction_reason: Option<String>,
    /// The check's problems when last checked (signing and co-signing update it).
    pub problems: Vec<ProblemJson>,
    /// The plan goal it served, when named.
    pub goal: Option<Uuid>,
    /// The encounter it was given in, when named.
    pub encounter: Option<Uuid>,
}

impl From<&EventView> for ServiceEventJson {
    fn from(v: &EventView) -> Self {
        let r = &v.row;
        Self {
            id: r.id,
            persons: v.persons.iter().map(|(p, _)| p.as_uuid()).collect(),
            staff_account_id: r.staff_account_id,
            date: r.occurred_on,
            starts_at: format!("{:02}:{:02}", r.start_minute / 60, r.start_minute % 60),
            minutes: r.minutes,
            code: r.code.clone(),
            modifiers: serde_json::from_value(r.modifiers.clone()).unwrap_or_default(),
            place_of_service: r.place_of_service.clone(),
            funding_source: r.funding_source_id,
            authorization: r.authorization.clone(),
            units: r.units,
            cents: r.cents,
            state: r.state.clone(),
            signed_at: r.signed_at,
            cosigned_at: r.cosigned_at,
            version: r.version,
            supersedes: r.supersedes,
            correction_reason: r.correction_reason.clone(),
            problems: v.problems().iter().map(ProblemJson::from).collect(),
            goal: r.goal_id,
            encounter: r.encounter_id,
        }
    }
}
