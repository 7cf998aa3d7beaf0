//! The follow-up rate and outcome change reports (issue 17), as `services::reports` does people served:
//! aggregates of the caller's organization, suppressed (`pathways_domain::outcomes::suppression`), readable by
//! supervisors, administrators and analysts, every read and refusal audited. No person-level row leaves here.
//!
//! - **Follow-up rate**: reassessments whose window closed in the fiscal year (up to today), done in the window,
//!   over those due (`outcomes::follow_up`), by coach and for the organization, with the Wilson 95% interval and
//!   SAMHSA's 80% target.
//! - **Outcome change**: persons with a completed baseline and a completed 6-month reassessment done in the fiscal
//!   year (paired only), per indicator the interview defines (one per NOMs domain), at baseline and at 6 months
//!   with n and the Wilson interval; BARC-10's mean change and the share at or above 47.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::outcomes::change::{BARC10_CUTOFF_ID, Shares, Span};
use pathways_domain::outcomes::follow_up::FollowUp;
use pathways_domain::outcomes::instrument::{Instrument, Text};
use pathways_domain::outcomes::retention::{self, Measure, Tally};
use pathways_domain::outcomes::stats::FOLLOW_UP_TARGET;
use pathways_domain::outcomes::{Cell, FiscalYear, Interval, PairedMean, SuppressedTable, suppress, wilson95};
use pathways_store::audit::AuditEntry;
use pathways_store::follow_up_kept::By;
use pathways_store::outcome_pairs::Kept;
use uuid::Uuid;

use crate::access::audit_read;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::services::interviews;
use crate::services::reports::allowed;
use crate::state::AppState;

/// One line of the follow-up table.
pub struct FollowUpRow {
    /// The coach's name (`None` for persons with no coach), or in a network's report the organization's.
    pub label: Option<String>,
    /// Completed in window, administrative, not done; suppressed with the rest of the table.
    pub cells: Vec<Cell>,
    /// Due (the row total).
    pub due: Cell,
    /// The rate and its interval, when both due and completed are shown.
    pub rate: Option<Interval>,
}

pub struct FollowUpReport {
    pub fiscal_year: FiscalYear,
    /// Windows that closed on or after this day …
    pub from: NaiveDate,
    /// … and before this one (the end of the year, or today).
    pub to: NaiveDate,
    pub rows: Vec<FollowUpRow>,
    /// The organization: completed, administrative, not done, and due (the column totals of the table).
    pub total: FollowUpRow,
    pub target: f64,
}

/// The follow-up rate in a fiscal year, by coach.
pub async fn follow_up_rate(state: &AppState, ctx: &Ctx, caller: &Caller, fy: FiscalYear) -> WebResult<FollowUpReport> {
    allowed(state, ctx, caller, "follow_up").await?;
    let (from, to) = (fy.first_day(), fy.end().min(interviews::today(state)));
    // The reassessment windows kept as interviews are settled and episodes closed
    // (`pathways_store::follow_up_kept`), counted in the database by the person's coach now.
    let mut by_coach: BTreeMap<Option<Uuid>, FollowUp> = BTreeMap::new();
    let db = state.store.reader();
    for (coach, outcome, n) in pathways_store::follow_up_kept::read(db, &[caller.org], from, to, By::Coach).await? {
        by_coach.entry(coach).or_default().add(outcome, n);
    }
    let names: HashMap<Uuid, String> = pathways_store::accounts::list_in_org(state.store.reader(), caller.org)
        .await?
        .into_iter()
        .map(|a| (a.id, a.display_name))
        .collect();
    let lines = by_coach
        .into_iter()
        .filter(|(_, f)| f.due > 0)
        .map(|(coach, f)| (coach.map(|c| names.get(&c).cloned().unwrap_or_default()), f))
        .collect();
    let entry =
        AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success).detail(format!("follow_up FY{}", fy.year));
    audit_read(state, ctx, entry).await?;
    Ok(follow_up_table(fy, (from, to), lines))
}

/// The follow-up rate of the caller's state agency's network in a fiscal year, by member organization (every
/// member, in name order; the network's line is the column totals), for a state agency's administrators,
/// supervisors and analysts (`may_read_network_reports`; anyone else 403, audited).
pub async fn network_follow_up(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    fy: FiscalYear,
) -> WebResult<FollowUpReport> {
    let groups = network_members(state, ctx, caller, "network_follow_up").await?;
    let (from, to) = (fy.first_day(), fy.end().min(interviews::today(state)));
    let orgs: Vec<_> = groups.iter().map(|g| g.0).collect();
    let mut by_org: HashMap<Uuid, FollowUp> = HashMap::new();
    for (org, outcome, n) in
        pathways_store::follow_up_kept::read(state.store.reader(), &orgs, from, to, By::Organization).await?
    {
        if let Some(org) = org {
            by_org.entry(org).or_default().add(outcome, n);
        }
    }
    let lines =
        groups.into_iter().map(|(org, name)| (Some(name), by_org.remove(&org.as_uuid()).unwrap_or_default())).collect();
    let entry = AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success)
        .detail(format!("network_follow_up FY{}", fy.year));
    audit_read(state, ctx, entry).await?;
    Ok(follow_up_table(fy, (from, to), lines))
}

/// The members of the caller's state agency's network (organization, name) when the caller may read its reports;
/// otherwise 403, the refusal audited with `what`.
async fn network_members(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    what: &str,
) -> WebResult<Vec<(pathways_domain::OrgId, String)>> {
    use pathways_domain::outcomes::network::may_read_network_reports;
    let kind = crate::services::network::org_kind(state, caller.org).await?;
    if !may_read_network_reports(&caller.principal, kind) {
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail(what.to_owned());
        audit_read(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    let members = pathways_store::network::members(state.store.reader(), caller.org).await?;
    Ok(members.into_iter().map(|m| (m.id, m.name)).collect())
}

/// The follow-up table of `lines` (a label and its counts), suppressed as one table, with each line's rate and
/// the column totals' (the organization's, or the network's, line).
fn follow_up_table(
    fy: FiscalYear,
    (from, to): (NaiveDate, NaiveDate),
    lines: Vec<(Option<String>, FollowUp)>,
) -> FollowUpReport {
    let table: Vec<Vec<u64>> = lines
        .iter()
        .map(|(_, f)| vec![f.completed_in_window, f.administrative, f.due - f.completed_in_window - f.administrative])
        .collect();
    let sup: SuppressedTable = suppress(&table);
    let rate = |done: Cell, due: Cell| match (done.shown(), due.shown()) {
        (Some(d), Some(n)) => wilson95(d, n),
        _ => None,
    };
    let rows = lines
        .into_iter()
        .enumerate()
        .map(|(i, (label, _))| FollowUpRow {
            label,
            cells: sup.cells[i].clone(),
            due: sup.row_totals[i],
            rate: rate(sup.cells[i][0], sup.row_totals[i]),
        })
        .collect();
    let columns = if table.is_empty() { vec![Cell::Shown(0); 3] } else { sup.column_totals.clone() };
    let grand = if table.is_empty() { Cell::Shown(0) } else { sup.total };
    let total = FollowUpRow { label: None, rate: rate(columns[0], grand), cells: columns, due: grand };
    FollowUpReport { fiscal_year: fy, from, to, rows, total, target: FOLLOW_UP_TARGET }
}

/// One indicator at baseline and at follow-up over the same persons, suppressed: a share is shown only when
/// neither those with it nor those without it are 1 to 10 persons.
pub struct Change {
    pub id: String,
    pub domain: &'static str,
    pub text: Text,
    /// Persons with both answers.
    pub n: Cell,
    pub baseline: Option<Interval>,
    pub follow_up: Option<Interval>,
    /// Whether figures were withheld (n, or a count behind a share, of 1 to 10).
    pub suppressed: bool,
}

/// Outcome change at one follow-up point (6 or 12 months).
pub struct ChangeAt {
    pub span: Span,
    /// Persons with a baseline and the follow-up done in the year.
    pub paired: Cell,
    pub indicators: Vec<Change>,
    /// BARC-10 totals: n, and the means and mean change when n is shown.
    pub barc10: (Cell, Option<PairedMean>),
    pub barc10_cutoff: Change,
}

pub struct OutcomeChange {
    pub fiscal_year: FiscalYear,
    /// Baseline beside the 6-month reassessment.
    pub six: ChangeAt,
    /// Baseline beside the first annual interview ("the same for 12 months where data exist").
    pub twelve: ChangeAt,
}

fn change(id: &str, domain: &'static str, text: Text, pairs: &[(bool, bool)]) -> Change {
    let n = pairs.len() as u64;
    let b = pairs.iter().filter(|p| p.0).count() as u64;
    let f = pairs.iter().filter(|p| p.1).count() as u64;
    let sup = suppress(&[vec![b, n - b], vec![f, n - f]]);
    let whole = pathways_domain::outcomes::suppress_one(n);
    let open = whole.shown().is_some() && sup.cells.iter().flatten().all(|c| c.shown().is_some());
    Change {
        id: id.to_owned(),
        domain,
        text,
        n: whole,
        baseline: if open { wilson95(b, n) } else { None },
        follow_up: if open { wilson95(f, n) } else { None },
        suppressed: !open,
    }
}

fn barc10_cutoff_text() -> Text {
    Text { en: "BARC-10 total of 47 or more".into(), es: "Total BARC-10 de 47 o más".into() }
}

/// Outcome change between baseline and the 6-month reassessment, and between baseline and the first annual
/// interview, for follow-ups done in the fiscal year.
pub async fn outcome_change(state: &AppState, ctx: &Ctx, caller: &Caller, fy: FiscalYear) -> WebResult<OutcomeChange> {
    allowed(state, ctx, caller, "outcome_change").await?;
    let current = interviews::current_instrument(state).await?;
    let mut at = Vec::new();
    for span in Span::ALL {
        // The pairs kept as interviews are completed (`pathways_store::outcome_pairs`): each person's baseline
        // beside their follow-up done in its window, dated by the follow-up, each interview read with the
        // instrument version it was given with.
        let kept: Vec<Kept> =
            pathways_store::outcome_pairs::read(state.store.reader(), &[caller.org], span, fy.first_day(), fy.end())
                .await?
                .into_iter()
                .map(|(_, k)| k)
                .collect();
        at.push(change_at(&current, span, &kept));
    }
    let entry =
        AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success).detail(format!("outcome_change FY{}", fy.year));
    audit_read(state, ctx, entry).await?;
    let twelve = at.pop().ok_or_else(|| WebError::Internal("no 12-month figures".into()))?;
    let six = at.pop().ok_or_else(|| WebError::Internal("no 6-month figures".into()))?;
    Ok(OutcomeChange { fiscal_year: fy, six, twelve })
}

/// The figures of one follow-up point from its pairs, per indicator of the interview given now.
fn change_at(current: &Instrument, span: Span, kept: &[Kept]) -> ChangeAt {
    let mut pairs: BTreeMap<String, Vec<(bool, bool)>> = BTreeMap::new();
    let mut barc: Vec<(f64, f64)> = Vec::new();
    for k in kept {
        for (id, both) in &k.indicators {
            pairs.entry(id.clone()).or_default().push(*both);
        }
        if let Some((b, f)) = k.barc10 {
            barc.push((f64::from(b), f64::from(f)));
        }
    }
    let indicators = current
        .indicators
        .iter()
        .map(|ind| {
            change(&ind.id, ind.domain.as_str(), ind.text.clone(), pairs.get(&ind.id).map_or(&[][..], Vec::as_slice))
        })
        .collect();
    let barc_n = pathways_domain::outcomes::suppress_one(barc.len() as u64);
    let mean = barc_n.shown().map(|_| PairedMean::of(barc.iter().map(|(b, f)| (Some(*b), Some(*f)))));
    let cutoff = f64::from(pathways_domain::barc10::CUTOFF);
    let at_cutoff: Vec<(bool, bool)> = barc.iter().map(|(b, f)| (*b >= cutoff, *f >= cutoff)).collect();
    let barc10_cutoff = change(BARC10_CUTOFF_ID, "recovery_capital", barc10_cutoff_text(), &at_cutoff);
    ChangeAt {
        span,
        paired: pathways_domain::outcomes::suppress_one(kept.len() as u64),
        indicators,
        barc10: (barc_n, mean),
        barc10_cutoff,
    }
}

// --- issue 17: the network's outcome change ---

/// One indicator across the network: each member organization's shares and the network's.
pub struct NetworkIndicator {
    pub id: String,
    pub domain: &'static str,
    pub text: Text,
    /// In the order of `NetworkChange::organizations`.
    pub organizations: Vec<Shares>,
    pub network: Shares,
}

/// Outcome change at one follow-up point across a state agency's network, by member organization.
pub struct NetworkChange {
    pub fiscal_year: FiscalYear,
    pub span: Span,
    /// The member organizations' names, in name order.
    pub organizations: Vec<String>,
    /// Each indicator of the interview given now, then BARC-10's total of 47 or more.
    pub indicators: Vec<NetworkIndicator>,
    /// The network's BARC-10 means (baseline, follow-up, change) when its n — the n of BARC-10's cut-off line,
    /// the same persons — is shown. No organization's mean is shown: with the network's, the mean of an
    /// organization whose n is withheld could be worked out.
    pub barc10: Option<PairedMean>,
}

/// Outcome change at `span` for follow-ups done in the fiscal year across the caller's state agency's network:
/// per indicator, each member organization's share at baseline and at follow-up beside the network's, suppressed
/// together (`outcomes::change::network_shares`). For a state agency's administrators, supervisors and analysts
/// (`may_read_network_reports`; anyone else 403, audited). Aggregates only: the kept counts (per organization,
/// month and indicator; no name or id) are read summed over the year.
pub async fn network_outcome_change(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    fy: FiscalYear,
    span: Span,
) -> WebResult<NetworkChange> {
    use pathways_domain::outcomes::change::{Counts, network_shares};
    let groups = network_members(state, ctx, caller, "network_outcome_change").await?;
    let current = interviews::current_instrument(state).await?;
    let orgs: Vec<_> = groups.iter().map(|g| g.0).collect();
    let at: HashMap<Uuid, usize> = groups.iter().enumerate().map(|(i, g)| (g.0.as_uuid(), i)).collect();
    // The counts kept as pairs change (`pathways_store::outcome_change_kept`), summed over the year's months in
    // the database: a few rows per organization, by indicator id (any instrument version's; the current
    // instrument's are read), BARC-10's row with its totals' sums for the mean.
    let kept = pathways_store::outcome_change_kept::read(state.store.reader(), &orgs, span, fy).await?;
    // Per indicator (and BARC-10's cut-off last), per organization: with it at baseline, at follow-up, of n.
    let mut counts: BTreeMap<&str, Vec<Counts>> = BTreeMap::new();
    let (mut barc_n, mut barc_baseline, mut barc_follow_up) = (0u64, 0i64, 0i64);
    let count = |v: i64| u64::try_from(v).unwrap_or(0);
    for (org, id, sums) in &kept {
        let Some(&i) = at.get(org) else { continue };
        let key = if id == BARC10_CUTOFF_ID {
            barc_n += count(sums.n);
            barc_baseline += sums.baseline_sum;
            barc_follow_up += sums.follow_up_sum;
            BARC10_CUTOFF_ID
        } else if let Some(ind) = current.indicators.iter().find(|ind| &ind.id == id) {
            ind.id.as_str()
        } else {
            continue;
        };
        let c = &mut counts.entry(key).or_insert_with(|| vec![Counts::default(); groups.len()])[i];
        c.baseline += count(sums.baseline);
        c.follow_up += count(sums.follow_up);
        c.n += count(sums.n);
    }
    let texts = current.indicators.iter().map(|ind| (ind.id.clone(), ind.domain.as_str(), ind.text.clone())).chain([(
        BARC10_CUTOFF_ID.to_owned(),
        "recovery_capital",
        barc10_cutoff_text(),
    )]);
    let indicators: Vec<NetworkIndicator> = texts
        .map(|(id, domain, text)| {
            let rows = counts.remove(id.as_str()).unwrap_or_else(|| vec![Counts::default(); groups.len()]);
            let (organizations, network) = network_shares(&rows);
            NetworkIndicator { id, domain, text, organizations, network }
        })
        .collect();
    let shown = indicators.last().and_then(|ind| ind.network.n.shown()).unwrap_or(0);
    let mean = (shown > 0).then(|| PairedMean::of_sums(barc_n, barc_baseline, barc_follow_up));
    let entry = AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success).detail(format!(
        "network_outcome_change FY{} {}m",
        fy.year,
        span.months()
    ));
    audit_read(state, ctx, entry).await?;
    Ok(NetworkChange {
        fiscal_year: fy,
        span,
        organizations: groups.into_iter().map(|g| g.1).collect(),
        indicators,
        barc10: mean,
    })
}

// --- issue 17: access and retention ---

/// One measure of the access and retention report: the groups (rows) by the measure's categories (columns),
/// suppressed as one table, and the median behind each row and behind all of them (only over 11 or more values).
pub struct RetentionMeasure {
    pub measure: Measure,
    pub table: SuppressedTable,
    pub medians: Vec<Option<i64>>,
    pub median_all: Option<i64>,
}

/// The access and retention report of one fiscal year: for the caller's organization (one group) or, for a
/// state agency, each organization of its network.
pub struct AccessRetention {
    pub fiscal_year: FiscalYear,
    /// The groups: the organization's name, or the network's organizations by name.
    pub groups: Vec<String>,
    pub network: bool,
    pub measures: Vec<RetentionMeasure>,
}

/// The access and retention report of the caller's organization (supervisors, administrators, analysts:
/// `may_read_reports`; anyone else 403, audited). Counts only, suppressed below 11.
pub async fn access_retention(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    fy: FiscalYear,
) -> WebResult<AccessRetention> {
    allowed(state, ctx, caller, "access_retention").await?;
    let name = pathways_store::orgs::find(state.store.reader(), caller.org).await?.map(|o| o.name).unwrap_or_default();
    let r = retention_of(state, fy, &[(caller.org, name)], false).await?;
    let entry = AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success)
        .detail(format!("access_retention FY{}", fy.year));
    audit_read(state, ctx, entry).await?;
    Ok(r)
}

/// The access and retention report of the caller's state agency's network, by organization (administrators,
/// supervisors and analysts of a state agency: `may_read_network_reports`; anyone else 403, audited). Only
/// organizations whose membership both sides confirmed.
pub async fn network_access_retention(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    fy: FiscalYear,
) -> WebResult<AccessRetention> {
    let groups = network_members(state, ctx, caller, "network_access_retention").await?;
    let r = retention_of(state, fy, &groups, true).await?;
    let entry = AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success)
        .detail(format!("network_access_retention FY{}", fy.year));
    audit_read(state, ctx, entry).await?;
    Ok(r)
}

/// Reads the year's figures of `groups` (organization, name) — re-engagement and days in episode from the kept
/// counts (`pathways_store::retention_kept`, a few summed rows per organization), need to treatment entry and call
/// to admission from their records — and suppresses each measure's table (organizations × categories, with
/// totals) as one table.
async fn retention_of(
    state: &AppState,
    fy: FiscalYear,
    groups: &[(pathways_domain::OrgId, String)],
    network: bool,
) -> WebResult<AccessRetention> {
    use pathways_domain::checkup::start_of_day;
    use pathways_domain::outcomes::retention::Histogram;
    use pathways_store::retention as store;
    let db = state.store.reader();
    let tz = state.config.deployment.time_zone;
    let orgs: Vec<_> = groups.iter().map(|g| g.0).collect();
    let (from_day, to_day) = (fy.first_day(), fy.end());
    let (from, to) = (start_of_day(from_day, tz), start_of_day(to_day, tz));
    let (needs, calls, kept) = if orgs.is_empty() {
        Default::default()
    } else {
        (
            store::linkage_needs(db, &orgs, from, to).await?,
            store::call_admissions(db, &orgs, from, to).await?,
            Some(pathways_store::retention_kept::read(db, &orgs, from_day).await?),
        )
    };
    let tally = |m: Measure, org: Option<Uuid>| -> Tally {
        let of = |o: &Uuid| org.is_none_or(|x| x == *o);
        match m {
            Measure::NeedToEntry => {
                retention::need_to_entry(needs.iter().filter(|n| of(&n.0)).map(|n| (n.1, n.2, n.3)))
            }
            Measure::CallToAdmission => {
                retention::call_to_admission(calls.iter().filter(|c| of(&c.0)).map(|c| (c.1, c.2)))
            }
            Measure::DaysInEpisode | Measure::ReEngagement => Tally::default(),
        }
    };
    let measures = Measure::ALL
        .into_iter()
        .map(|m| {
            // Each organization's counts and median, and the median of all of them together.
            let (counts, medians, median_all): (Vec<Vec<u64>>, Vec<Option<i64>>, Option<i64>) =
                if pathways_store::retention_kept::KEPT.contains(&m) {
                    let kept = kept.as_ref();
                    let empty = Histogram::new(m);
                    let of = |o| kept.and_then(|k| k.by_org.get(&(o, m))).unwrap_or(&empty).counts.clone();
                    (
                        orgs.iter().map(|o| of(*o)).collect(),
                        orgs.iter().map(|o| kept.and_then(|k| k.medians.get(&(*o, m)).copied())).collect(),
                        kept.and_then(|k| k.all.get(&m)).and_then(Histogram::median),
                    )
                } else {
                    let rows: Vec<Tally> = orgs.iter().map(|o| tally(m, Some(o.as_uuid()))).collect();
                    (
                        rows.iter().map(|t| t.counts.clone()).collect(),
                        rows.iter().map(Tally::median).collect(),
                        tally(m, None).median(),
                    )
                };
            let table = if counts.is_empty() { suppress(&[vec![0; m.categories().len()]]) } else { suppress(&counts) };
            RetentionMeasure { measure: m, medians, median_all, table }
        })
        .collect();
    Ok(AccessRetention { fiscal_year: fy, groups: groups.iter().map(|g| g.1.clone()).collect(), network, measures })
}
