//! Outcome reports (issue 17): aggregates of the caller's organization, every count of persons suppressed below
//! 11 with complementary suppression (`pathways_domain::outcomes::suppression`). Readable by supervisors,
//! administrators and analysts (`may_read_reports`); every read is audited (`report_read`, the report named in
//! the detail), and so is every refusal. No person-level row leaves the store's query.

use chrono::NaiveDate;
use pathways_domain::access::may_read_reports;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::outcomes::{FiscalYear, Quarter, Served, SuppressedTable, served, suppress};
use pathways_store::audit::AuditEntry;
use pathways_store::outcomes;

use crate::access::audit_read;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The fiscal years a report may ask for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// People served in one fiscal year: per quarter (rows) new and continuing (columns), each quarter's total
/// unduplicated; and the whole year, unduplicated. Suppressed.
pub struct PeopleServed {
    pub fiscal_year: FiscalYear,
    pub quarters: [Quarter; 4],
    /// Rows: the quarters; columns: new, continuing; row totals: persons served in the quarter.
    pub by_quarter: SuppressedTable,
    /// One row: the year's new and continuing persons, and its total.
    pub year: SuppressedTable,
}

pub(crate) async fn allowed(state: &AppState, ctx: &Ctx, caller: &Caller, report: &str) -> WebResult<()> {
    if may_read_reports(&caller.principal) {
        return Ok(());
    }
    let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail(report.to_owned());
    audit_read(state, ctx, entry).await?;
    Err(WebError::Forbidden)
}

/// Today in the deployment's zone.
fn today(state: &AppState) -> NaiveDate {
    pathways_store::now().with_timezone(&state.config.deployment.time_zone).date_naive()
}

/// The fiscal year a report asked for (`?year=2027`, named by the year it ends in; absent or empty: the current
/// one), checked: a clear error naming `year` otherwise.
pub fn fiscal_year(state: &AppState, year: Option<&str>) -> WebResult<FiscalYear> {
    let start = state.config.fiscal_year_start_month;
    match year.map(str::trim).filter(|y| !y.is_empty()) {
        None => Ok(FiscalYear::of(today(state), start)),
        Some(y) => match y.parse::<i32>() {
            Ok(y) if YEARS.contains(&y) => Ok(FiscalYear { year: y, start_month: start }),
            _ => Err(WebError::InvalidPaths {
                fields: vec![("year".into(), "out-of-range")],
                detail: "year must be a fiscal year from 2000 to 2100".into(),
            }),
        },
    }
}

/// People served in a fiscal year, by quarter, new and continuing.
pub async fn people_served(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    fiscal_year: FiscalYear,
) -> WebResult<PeopleServed> {
    allowed(state, ctx, caller, "people_served").await?;
    let spans =
        outcomes::episodes_between(state.store.reader(), &[caller.org], fiscal_year.first_day(), fiscal_year.end())
            .await?;
    let of = |from: NaiveDate, to: NaiveDate| -> Served {
        served(spans.iter().map(|e| (e.person, e.started_on, e.last_service_on)), from, to)
    };
    let quarters = fiscal_year.quarters();
    let rows: Vec<Vec<u64>> = quarters
        .iter()
        .map(|q| {
            let s = of(q.first_day(), q.end());
            vec![s.new, s.continuing]
        })
        .collect();
    let y = of(fiscal_year.first_day(), fiscal_year.end());
    let entry = AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success)
        .detail(format!("people_served FY{}", fiscal_year.year));
    audit_read(state, ctx, entry).await?;
    Ok(PeopleServed {
        fiscal_year,
        quarters,
        by_quarter: suppress(&rows),
        year: suppress(&[vec![y.new, y.continuing]]),
    })
}
