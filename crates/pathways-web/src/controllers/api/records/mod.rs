//! `/api/v1/persons/{id}/assessments`, `/checkins` and `/encounters`.

pub mod create_assessment;
pub mod create_checkin;
pub mod create_encounter;
pub mod list_assessments;
pub mod list_checkins;
pub mod list_encounters;

pub use create_assessment::create_assessment;
pub use create_checkin::create_checkin;
pub use create_encounter::create_encounter;
pub use list_assessments::list_assessments;
pub use list_checkins::list_checkins;
pub use list_encounters::list_encounters;

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::barc10::Barc10Answers;
use pathways_store::model::{Assessment, Checkin, Encounter};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A statement answered 3 or lower, and the dimension of life it maps to.
#[derive(Debug, Serialize, ToSchema)]
pub struct AreaToBuild {
    /// 1 to 10.
    pub item: usize,
    /// health, home, purpose or community.
    pub dimension: String,
}

/// A stored BARC-10.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentJson {
    pub id: Uuid,
    pub person_id: Uuid,
    /// `barc10`.
    pub instrument: String,
    /// The ten answers as given (1 = strongly disagree … 6 = strongly agree).
    pub answers: Vec<u8>,
    /// 10 to 60.
    pub total: i16,
    /// Whether the total is at or above the published cut-off of 47.
    pub at_or_above_cutoff: bool,
    pub areas_to_build: Vec<AreaToBuild>,
    /// `staff` or `person`.
    pub taken_by: String,
    pub taken_at: DateTime<Utc>,
}

impl From<Assessment> for AssessmentJson {
    fn from(a: Assessment) -> Self {
        let answers: Vec<u8> = serde_json::from_value(a.answers).unwrap_or_default();
        let areas = Barc10Answers::try_from(answers.clone())
            .map(|b| {
                b.areas_to_build()
                    .into_iter()
                    .map(|(item, d)| AreaToBuild { item, dimension: d.as_str().into() })
                    .collect()
            })
            .unwrap_or_default();
        Self {
            id: a.id,
            person_id: a.person_id,
            instrument: a.instrument,
            answers,
            total: a.total,
            at_or_above_cutoff: a.at_or_above_cutoff,
            areas_to_build: areas,
            taken_by: a.taken_by_kind,
            taken_at: a.taken_at,
        }
    }
}

/// A self check-in.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckinJson {
    pub id: Uuid,
    pub person_id: Uuid,
    pub mood: i16,
    pub craving: i16,
    pub used_since_last: bool,
    pub use_note: Option<String>,
    pub meetings_attended: i16,
    pub supports: Option<String>,
    pub safe: bool,
    /// An unsafe answer raised an urgent item for the coach.
    pub urgent: bool,
    pub created_at: DateTime<Utc>,
}

impl From<Checkin> for CheckinJson {
    fn from(c: Checkin) -> Self {
        Self {
            id: c.id,
            person_id: c.person_id,
            mood: c.mood,
            craving: c.craving,
            used_since_last: c.used_since_last,
            use_note: c.use_note,
            meetings_attended: c.meetings_attended,
            supports: c.supports,
            urgent: !c.safe,
            safe: c.safe,
            created_at: c.created_at,
        }
    }
}

/// An encounter. `notes` is present only for readers allowed to see notes (`notes_visible`).
#[derive(Debug, Serialize, ToSchema)]
pub struct EncounterJson {
    pub id: Uuid,
    pub person_id: Uuid,
    pub author_account_id: Uuid,
    pub date: NaiveDate,
    /// in_person, phone, text, video or group.
    #[serde(rename = "type")]
    pub kind: String,
    pub minutes: i32,
    pub topics: Vec<String>,
    pub notes: Option<String>,
    pub notes_visible: bool,
}

impl EncounterJson {
    pub fn of(e: Encounter, notes_visible: bool) -> Self {
        Self {
            id: e.id,
            person_id: e.person_id,
            author_account_id: e.author_account_id,
            date: e.occurred_on,
            kind: e.kind,
            minutes: e.minutes,
            topics: serde_json::from_value(e.topics).unwrap_or_default(),
            notes: if notes_visible { e.notes } else { None },
            notes_visible,
        }
    }
}
