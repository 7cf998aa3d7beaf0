//! Naloxone and trainings (issue 20, part 4): a recovery community center's staff record the trainings it held
//! and the naloxone kits it gave out and reversals reported back (`/community/naloxone`); a state agency reads
//! its network's figures by region (`/reports/network/naloxone`, its CSV and the API). Counts only: attendees
//! and reversals stand for persons and are suppressed below 11 (`pathways_domain::community::naloxone`);
//! trainings held and kits are not persons and are shown as counted.

use chrono::{Duration, NaiveDate};
use pathways_domain::access::runs_community_center;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::community::naloxone::{
    KitCount, MAX_DAYS_BACK, NaloxoneReport, NetworkFigures, Training, TrainingCount, network_figures,
};
use pathways_domain::outcomes::network::may_read_network_reports;
use pathways_domain::outcomes::{FiscalYear, Quarter};
use pathways_store::audit::AuditEntry;
use pathways_store::naloxone::{self, ReportRow, TrainingRow};

use crate::access::audit_read;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// Today in the deployment's zone (the latest date a training or report may carry).
pub fn today(state: &AppState) -> NaiveDate {
    pathways_store::now().with_timezone(&state.config.deployment.time_zone).date_naive()
}

fn may_run(caller: &Caller) -> WebResult<()> {
    if runs_community_center(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

/// The caller's center's trainings and naloxone reports, as far back as one may record.
pub async fn center_figures(state: &AppState, caller: &Caller) -> WebResult<(Vec<TrainingRow>, Vec<ReportRow>)> {
    may_run(caller)?;
    let db = state.store.reader();
    let to = today(state) + Duration::days(1);
    let from = to - Duration::days(MAX_DAYS_BACK + 1);
    let trainings = naloxone::trainings(db, &[caller.org], from, to).await?;
    let reports = naloxone::reports(db, &[caller.org], from, to).await?;
    Ok((trainings, reports))
}

/// Records a training the caller's center held; audited in its transaction.
pub async fn record_training(state: &AppState, ctx: &Ctx, caller: &Caller, t: &Training) -> WebResult<()> {
    may_run(caller)?;
    let tx = state.store.begin().await?;
    naloxone::record_training(&tx, &ctx.actor(), caller.org, t, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Records a day's kits given out and reversals reported at the caller's center; audited in its transaction.
pub async fn record_report(state: &AppState, ctx: &Ctx, caller: &Caller, r: &NaloxoneReport) -> WebResult<()> {
    may_run(caller)?;
    let tx = state.store.begin().await?;
    naloxone::record_report(&tx, &ctx.actor(), caller.org, r, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// The state's view: the network's trainings and naloxone figures in one fiscal year, by region (rows: the
/// regions as recorded, "not recorded" last) — trainings and attendees by type, kits and reversals by quarter.
pub struct NetworkNaloxone {
    pub fiscal_year: FiscalYear,
    pub quarters: [Quarter; 4],
    pub regions: Vec<Option<String>>,
    pub figures: NetworkFigures,
}

/// The naloxone and training figures of the caller's state agency's network. State agencies' administrators,
/// supervisors and analysts (`may_read_network_reports`); anyone else 403, audited. An organization counts only
/// while both sides confirm its membership.
pub async fn network(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    fiscal_year: FiscalYear,
) -> WebResult<NetworkNaloxone> {
    let kind = crate::services::network::org_kind(state, caller.org).await?;
    if !may_read_network_reports(&caller.principal, kind) {
        let entry =
            AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("network_naloxone".to_owned());
        audit_read(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    let db = state.store.reader();
    let members = pathways_store::network::members(db, caller.org).await?;
    let ids: Vec<_> = members.iter().map(|m| m.id).collect();
    let (from, to) = (fiscal_year.first_day(), fiscal_year.end());
    let trainings = naloxone::trainings(db, &ids, from, to).await?;
    let reports = naloxone::reports(db, &ids, from, to).await?;
    let mut regions: Vec<Option<String>> = members.iter().map(|m| m.region.clone()).collect();
    // Named regions in order, then "not recorded".
    regions.sort_by(|a, b| (a.is_none(), a).cmp(&(b.is_none(), b)));
    regions.dedup();
    let row_of = |org| {
        let region = members.iter().find(|m| m.id == org).map(|m| m.region.clone());
        region.and_then(|r| regions.iter().position(|x| *x == r))
    };
    let quarters = fiscal_year.quarters();
    let trainings: Vec<TrainingCount> = trainings
        .iter()
        .filter_map(|t| {
            let region = row_of(t.organization)?;
            Some(TrainingCount { region, kind: t.training.kind, attendees: t.training.attendees })
        })
        .collect();
    let kits: Vec<KitCount> = reports
        .iter()
        .filter_map(|r| {
            let region = row_of(r.organization)?;
            let period = quarters.iter().position(|q| q.first_day() <= r.report.on && r.report.on < q.end())?;
            Some(KitCount { region, period, kits: r.report.kits, reversals: r.report.reversals })
        })
        .collect();
    let figures = network_figures(regions.len(), quarters.len(), &trainings, &kits);
    let entry = AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success)
        .detail(format!("network_naloxone FY{}", fiscal_year.year));
    audit_read(state, ctx, entry).await?;
    Ok(NetworkNaloxone { fiscal_year, quarters, regions, figures })
}
