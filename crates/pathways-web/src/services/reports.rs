//! Outcome reports (issue 17): aggregates of the caller's organization, every count of persons suppressed below
//! 11 with complementary suppression (`pathways_domain::outcomes::suppression`). Readable by supervisors,
//! administrators and analysts (`may_read_reports`); every read is audited (`report_read`, the report named in
//! the detail), and so is every refusal. No person-level row leaves the store's query.

use chrono::NaiveDate;
use pathways_domain::access::may_read_reports;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::outcomes::served::Period;
use pathways_domain::outcomes::{FiscalYear, Quarter, Served, SuppressedTable, suppress};
use pathways_store::audit::AuditEntry;
use pathways_store::served;

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
    /// The year's persons by age band and by language.
    pub demographics: Demographics,
}

/// Who was served in a fiscal year (`outcomes::demographics`): the persons, each once, by age band on the year's
/// first day (rows in `AgeBand::ALL`'s order) and by preferred language (rows in `LanguageGroup::all()`'s order),
/// one column each; the two tables suppressed together, their totals (the year's persons) tied.
pub struct Demographics {
    pub ages: SuppressedTable,
    pub languages: SuppressedTable,
}

/// The demographic tables of the persons `orgs` served in the fiscal year.
async fn demographics(state: &AppState, orgs: &[pathways_domain::OrgId], fy: FiscalYear) -> WebResult<Demographics> {
    use pathways_domain::outcomes::demographics::tally_cells;
    use pathways_domain::outcomes::{Figure, Link, suppress_together};
    // The kept cells (`served_demographic`: the persons served by band and language, counted as they change).
    let (ages, languages) =
        tally_cells(pathways_store::served_demographic::read(state.store.reader(), orgs, fy.first_day()).await?);
    let column = |v: Vec<u64>| v.into_iter().map(|n| vec![n]).collect::<Vec<_>>();
    let link = Link::same(Figure::Total { table: 0 }, Figure::Total { table: 1 });
    let mut tables = suppress_together(&[column(ages), column(languages)], &[link])
        .map_err(|_| WebError::Internal("the demographic tables' link".into()))?;
    let languages = tables.pop().ok_or_else(|| WebError::Internal("no language table".into()))?;
    let ages = tables.pop().ok_or_else(|| WebError::Internal("no age table".into()))?;
    Ok(Demographics { ages, languages })
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

/// The follow-up point a report asked for (`?months=6` or `12`; absent or empty: 6), checked: a clear error naming
/// `months` otherwise.
pub fn follow_up_span(months: Option<&str>) -> WebResult<pathways_domain::outcomes::change::Span> {
    use pathways_domain::outcomes::change::Span;
    match months.map(str::trim).filter(|m| !m.is_empty()) {
        None => Ok(Span::SixMonths),
        Some(m) => m.parse::<i64>().ok().and_then(Span::from_months).ok_or_else(|| WebError::InvalidPaths {
            fields: vec![("months".into(), "out-of-range")],
            detail: "months must be 6 or 12".into(),
        }),
    }
}

/// A quarter as a kept period.
fn quarter_period(q: Quarter) -> Period {
    Period { first_day: q.first_day(), months: 3 }
}

/// A fiscal year as a kept period.
fn year_period(fy: FiscalYear) -> Period {
    Period { first_day: fy.first_day(), months: 12 }
}

/// People served in a fiscal year, by quarter, new and continuing.
pub async fn people_served(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    fiscal_year: FiscalYear,
) -> WebResult<PeopleServed> {
    allowed(state, ctx, caller, "people_served").await?;
    // The kept counts (`pathways_store::served`): four quarters and the year, five rows.
    let quarters = fiscal_year.quarters();
    let year = year_period(fiscal_year);
    let mut periods: Vec<Period> = quarters.iter().map(|q| quarter_period(*q)).collect();
    periods.push(year);
    let kept = served::counts(state.store.reader(), &[caller.org], &periods).await?;
    let of = |p: Period| -> Served { kept.get(&(caller.org, p)).copied().unwrap_or_default() };
    let rows: Vec<Vec<u64>> = quarters
        .iter()
        .map(|q| {
            let s = of(quarter_period(*q));
            vec![s.new, s.continuing]
        })
        .collect();
    let y = of(year);
    let demographics = demographics(state, &[caller.org], fiscal_year).await?;
    let entry = AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success)
        .detail(format!("people_served FY{}", fiscal_year.year));
    audit_read(state, ctx, entry).await?;
    Ok(PeopleServed {
        fiscal_year,
        quarters,
        by_quarter: suppress(&rows),
        year: suppress(&[vec![y.new, y.continuing]]),
        demographics,
    })
}

// --- issue 17: the state view (a state agency's network) ---

/// People served by a state agency's network in one fiscal year: each organization and each region per quarter,
/// and the network's trend by quarter (new, continuing). The three tables are suppressed together
/// (`outcomes::network::suppress_network`), so no figure hidden in one can be read from another; no person-level row.
pub struct NetworkPeopleServed {
    pub fiscal_year: FiscalYear,
    pub quarters: [Quarter; 4],
    /// The network's organizations (both sides confirmed), by name: the rows of `by_org`.
    pub orgs: Vec<String>,
    /// Rows: organizations; columns: quarters; each cell the persons the organization served in the quarter.
    /// Column totals: the network's persons per quarter.
    pub by_org: SuppressedTable,
    /// The regions as recorded (`None`: not recorded, last): the rows of `by_region`.
    pub regions: Vec<Option<String>>,
    /// Rows: regions; columns: quarters.
    pub by_region: SuppressedTable,
    /// Rows: quarters; columns: new, continuing; row totals: the network's persons in the quarter.
    pub trend: SuppressedTable,
    /// The network's persons in the year by age band and by language.
    pub demographics: Demographics,
}

/// The people-served figures of the caller's state agency's network. State agencies' administrators, supervisors
/// and analysts (`may_read_network_reports`); anyone else 403, audited. An organization counts only while both
/// sides confirm its membership.
pub async fn network_people_served(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    fiscal_year: FiscalYear,
) -> WebResult<NetworkPeopleServed> {
    use pathways_domain::outcomes::network::{may_read_network_reports, suppress_network};
    let kind = crate::services::network::org_kind(state, caller.org).await?;
    if !may_read_network_reports(&caller.principal, kind) {
        let entry =
            AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("network_people_served".to_owned());
        audit_read(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    let members = pathways_store::network::members(state.store.reader(), caller.org).await?;
    let ids: Vec<_> = members.iter().map(|m| m.id).collect();
    // The kept counts (`pathways_store::served`): one row per organization and quarter.
    let quarters = fiscal_year.quarters();
    let periods = quarters.map(quarter_period);
    let kept = served::counts(state.store.reader(), &ids, &periods).await?;
    let of = |org: pathways_domain::OrgId, p: Period| -> Served { kept.get(&(org, p)).copied().unwrap_or_default() };
    let by_org: Vec<[u64; 4]> = members.iter().map(|m| periods.map(|p| of(m.id, p).total())).collect();
    let mut regions: Vec<Option<String>> = members.iter().map(|m| m.region.clone()).collect();
    regions.sort_by(|a, b| match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    regions.dedup();
    // A person's record belongs to one organization: a region's persons are the sum of its organizations'.
    let region_of: Vec<usize> =
        members.iter().map(|m| regions.iter().position(|r| r == &m.region).unwrap_or(regions.len())).collect();
    // A person's record belongs to one organization, so the network's persons are the sum of its organizations'.
    let trend: [[u64; 2]; 4] =
        periods.map(|p| ids.iter().map(|o| of(*o, p)).fold([0, 0], |[n, c], s| [n + s.new, c + s.continuing]));
    let tables = suppress_network(&by_org, &region_of, &trend);
    let demographics = demographics(state, &ids, fiscal_year).await?;
    let entry = AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success)
        .detail(format!("network_people_served FY{}", fiscal_year.year));
    audit_read(state, ctx, entry).await?;
    Ok(NetworkPeopleServed {
        fiscal_year,
        quarters,
        orgs: members.into_iter().map(|m| m.name).collect(),
        by_org: tables.by_org,
        regions,
        by_region: tables.by_region,
        trend: tables.trend,
        demographics,
    })
}
