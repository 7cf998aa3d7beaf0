//! The state's view of recovery housing (issue 19): counts of residences and beds per region — certification
//! status, report freshness, the antagonist attestation — and vacancies week by week. Residences and beds, never
//! persons: nothing here is a count of people, so no cell needs suppressing (holds, which stand for persons, are
//! not counted).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use pathways_domain::housing::CertificationStatus;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::{ResidenceView, all};
use crate::Result;
use crate::entities::residence_report;

/// One region's residences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RegionFigures {
    /// The region as residences name it (`None`: residences with no region).
    pub region: Option<String>,
    pub residences: u32,
    pub current: u32,
    pub expiring: u32,
    pub expired: u32,
    pub uncertified: u32,
    /// Residences whose last report is at most seven days old.
    pub reported_within_week: u32,
    /// Residences attesting a resident with an opioid use disorder.
    pub serves_oud: u32,
    /// Of those, how many the antagonist rule flags.
    pub naloxone_flagged: u32,
    pub total_beds: u32,
    pub available_beds: u32,
}

impl RegionFigures {
    /// The share reporting within the week, in whole percent (none when there are no residences).
    pub fn fresh_percent(&self) -> Option<u32> {
        (self.residences > 0).then(|| (self.reported_within_week * 100 + self.residences / 2) / self.residences)
    }

    fn add(&mut self, r: &ResidenceView) {
        self.residences += 1;
        match r.certification_status {
            CertificationStatus::Current => self.current += 1,
            CertificationStatus::Expiring => self.expiring += 1,
            CertificationStatus::Expired => self.expired += 1,
            CertificationStatus::None => self.uncertified += 1,
        }
        self.reported_within_week += u32::from(r.report_status.within_week());
        self.serves_oud += u32::from(r.serves_oud);
        self.naloxone_flagged += u32::from(!r.naloxone_flags.is_empty());
        self.total_beds += r.total_beds;
        self.available_beds += r.reported_beds;
    }
}

/// One week's reported vacancies: for each residence, its last report in the week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekVacancies {
    /// The Monday the week starts (UTC).
    pub week_of: NaiveDate,
    pub residences_reporting: u32,
    pub available_beds: u32,
}

/// What the state's page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub regions: Vec<RegionFigures>,
    pub total: RegionFigures,
    pub weeks: Vec<WeekVacancies>,
}

fn monday(t: DateTime<Utc>) -> NaiveDate {
    let d = t.date_naive();
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The figures at `now`, with `weeks` weeks of vacancies (this one included).
pub async fn figures(db: &impl ConnectionTrait, now: DateTime<Utc>, today: NaiveDate, weeks: u32) -> Result<Figures> {
    let residences = all(db, now, today).await?;
    let mut by_region: BTreeMap<Option<String>, RegionFigures> = BTreeMap::new();
    let mut total = RegionFigures::default();
    for r in &residences {
        let key = r.region.clone();
        by_region
            .entry(key.clone())
            .or_insert_with(|| RegionFigures { region: key, ..RegionFigures::default() })
            .add(r);
        total.add(r);
    }
    let first = monday(now) - Duration::weeks(i64::from(weeks.saturating_sub(1)));
    let since = first.and_hms_opt(0, 0, 0).map(|d| d.and_utc()).unwrap_or(now);
    let rows = residence_report::Entity::find()
        .filter(residence_report::Column::ReportedAt.gte(since))
        .order_by_asc(residence_report::Column::ReportedAt)
        .all(db)
        .await?;
    // The last report of each residence in each week (rows come oldest first, so later ones win).
    let mut last: HashMap<(NaiveDate, Uuid), i32> = HashMap::new();
    for r in rows {
        last.insert((monday(r.reported_at), r.residence_id), r.available_beds);
    }
    let weeks = (0..weeks)
        .map(|i| {
            let week_of = first + Duration::weeks(i64::from(i));
            let (n, beds) = last
                .iter()
                .filter(|((w, _), _)| *w == week_of)
                .fold((0u32, 0u32), |(n, b), (_, beds)| (n + 1, b + u32::try_from(*beds).unwrap_or(0)));
            WeekVacancies { week_of, residences_reporting: n, available_beds: beds }
        })
        .collect();
    Ok(Figures { regions: by_region.into_values().collect(), total, weeks })
}
