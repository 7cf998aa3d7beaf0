//! The operator's view of one residence as JSON, and its details as `PUT /api/v1/residences/{id}` takes them:
//! shared by the operator's three handlers (`get_residence`, `put_residence`, `report_residence`).

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::housing::form::ResidenceForm;
use pathways_store::housing::ResidenceView;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A residence's certificate, as its certifier issued it: all three parts, or `null` for none.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificateBody {
    /// The certifying body's own name.
    #[schema(min_length = 1, max_length = 200)]
    pub body: String,
    /// The certificate's number, as the certifier wrote it.
    #[schema(min_length = 1, max_length = 200)]
    pub number: String,
    /// The last day it is valid.
    pub expires_on: NaiveDate,
}

/// A residence's details as its operator keeps them. The beds open are reported (`POST …/reports`), never set
/// here. Text is trimmed; a text of spaces only counts as empty (422 `required` where it is required).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResidenceDetailsBody {
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[schema(min_length = 1, max_length = 200)]
    pub address: String,
    #[schema(min_length = 1, max_length = 200)]
    pub town: String,
    /// Five digits.
    #[schema(pattern = "^[0-9]{5}$")]
    pub zip: Option<String>,
    #[schema(max_length = 200)]
    pub region: Option<String>,
    /// The NARR level of support: `I` peer-run, `II` monitored, `III` supervised, `IV` service provider (a kind of
    /// support, not a ranking).
    #[schema(value_type = crate::schemas::NarrLevelCode)]
    pub level: String,
    /// Who it serves.
    #[serde(default)]
    #[schema(value_type = Vec<crate::schemas::ResidencePopulationCode>)]
    pub populations: Vec<String>,
    /// Accepts residents taking medications for opioid use disorder.
    #[serde(default)]
    pub accepts_moud: bool,
    /// A resident has been diagnosed with an opioid use disorder: the naloxone rule of C.G.S. §17a-716(b) applies.
    #[serde(default)]
    pub serves_oud: bool,
    /// Beds in all, 0 to 500, and not fewer than the beds reported open (422 `less-than-open`).
    #[schema(minimum = 0, maximum = 500)]
    pub total_beds: i64,
    /// The certificate, or `null` (then the residence is not on the public board).
    pub certification: Option<CertificateBody>,
    #[schema(max_length = 2000)]
    pub house_rules: Option<String>,
    /// Whole dollars a week, 0 to 5000.
    #[schema(minimum = 0, maximum = 5000)]
    pub cost_per_week: Option<i64>,
    /// How residents may pay.
    #[serde(default)]
    #[schema(value_type = Vec<crate::schemas::PaymentCode>)]
    pub payments: Vec<String>,
    /// Opioid-antagonist doses on site, 0 to 1000 (none given: 0).
    #[schema(minimum = 0, maximum = 1000)]
    pub naloxone_doses: Option<i64>,
    /// When the residents were last trained to give it: not after today (422 `date-out-of-range`).
    pub naloxone_trained_on: Option<NaiveDate>,
    /// The residence's statement that it is not licensed treatment.
    #[schema(min_length = 1, max_length = 2000)]
    pub disclaimer: String,
}

impl ResidenceDetailsBody {
    /// The same words the page's form carries, for the one parser (`ResidenceDetails::parse`).
    pub fn form(self) -> ResidenceForm {
        let cert = self.certification;
        ResidenceForm {
            name: self.name,
            address: self.address,
            town: self.town,
            zip: self.zip.unwrap_or_default(),
            region: self.region.unwrap_or_default(),
            narr_level: self.level,
            populations: self.populations,
            accepts_moud: self.accepts_moud,
            serves_oud: self.serves_oud,
            total_beds: self.total_beds.to_string(),
            cert_body: cert.as_ref().map(|c| c.body.clone()).unwrap_or_default(),
            cert_number: cert.as_ref().map(|c| c.number.clone()).unwrap_or_default(),
            cert_expires_on: cert.as_ref().map(|c| c.expires_on.to_string()).unwrap_or_default(),
            house_rules: self.house_rules.unwrap_or_default(),
            cost_per_week: self.cost_per_week.map(|c| c.to_string()).unwrap_or_default(),
            payments: self.payments,
            naloxone_doses: self.naloxone_doses.map(|d| d.to_string()).unwrap_or_default(),
            naloxone_trained_on: self.naloxone_trained_on.map(|d| d.to_string()).unwrap_or_default(),
            disclaimer: self.disclaimer,
        }
    }
}

/// One of the caller's organization's residences, as its operator sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OperatorResidenceJson {
    pub id: Uuid,
    /// Its directory listing, when it has one.
    pub service_id: Option<Uuid>,
    pub name: String,
    pub address: String,
    pub town: String,
    pub zip: Option<String>,
    pub region: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// `I` … `IV`.
    #[schema(example = "II")]
    pub level: String,
    pub populations: Vec<String>,
    pub accepts_moud: bool,
    pub serves_oud: bool,
    pub total_beds: u32,
    /// Beds open as last reported (less admissions since).
    pub reported_beds: u32,
    /// Beds held for referred persons now.
    pub held: u32,
    /// Beds a person can be offered now: reported less held.
    pub available_beds: u32,
    pub reported_at: Option<DateTime<Utc>>,
    /// `fresh`, `due` (six days or older), `stale` (more than seven days) or `never`.
    pub report_status: String,
    pub certification: Option<CertificateBody>,
    /// `current`, `expiring` (within 30 days), `expired` or `none`; only the first two are on the public board.
    pub certification_status: String,
    pub house_rules: Option<String>,
    pub cost_per_week: Option<u32>,
    pub payments: Vec<String>,
    pub naloxone_doses: u32,
    pub naloxone_trained_on: Option<NaiveDate>,
    /// What the naloxone rule flags: `too_few_doses`, `no_training`.
    pub naloxone_flags: Vec<String>,
    pub disclaimer: String,
}

impl From<ResidenceView> for OperatorResidenceJson {
    fn from(r: ResidenceView) -> Self {
        Self {
            id: r.id,
            service_id: r.service_id,
            name: r.name,
            address: r.address,
            town: r.town,
            zip: r.zip,
            region: r.region,
            latitude: r.place.map(|p| p.lat()),
            longitude: r.place.map(|p| p.lon()),
            level: r.level.code().to_owned(),
            populations: r.populations.iter().map(|p| p.code().to_owned()).collect(),
            accepts_moud: r.accepts_moud,
            serves_oud: r.serves_oud,
            total_beds: r.total_beds,
            reported_beds: r.reported_beds,
            held: r.held,
            available_beds: r.available,
            reported_at: r.reported_at,
            report_status: r.report_status.code().to_owned(),
            certification: r.certification.map(|c| CertificateBody {
                body: c.body,
                number: c.number,
                expires_on: c.expires_on,
            }),
            certification_status: r.certification_status.code().to_owned(),
            house_rules: r.house_rules,
            cost_per_week: r.cost_per_week,
            payments: r.payments.iter().map(|p| p.code().to_owned()).collect(),
            naloxone_doses: r.naloxone_doses,
            naloxone_trained_on: r.naloxone_trained_on,
            naloxone_flags: r.naloxone_flags.iter().map(|f| f.code().to_owned()).collect(),
            disclaimer: r.disclaimer,
        }
    }
}
