//! The perception-of-care survey (issue 17): staff make one-time codes for a shared tablet; the person answers on
//! the tablet (no account) or in their portal; staff see only the report's aggregates. The items and rules are
//! `pathways_domain::outcomes::perception`; the rows `pathways_store::perception`.
//!
//! A response is linked to no person or account: its row keeps the organization, the day, the channel, the
//! language, the answers and the comment. Its audit event (`perception_submit`) names the organization and the
//! channel, with no account, so the trail cannot point at a response either.

use chrono::Duration;
use pathways_domain::access::may_read_reports;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::outcomes::perception::{self, CODE_ALPHABET, CODE_LEN, CODE_VALID_HOURS, ITEMS, Response};
use pathways_domain::outcomes::{FiscalYear, Interval, SUPPRESSION_THRESHOLD, wilson95};
use pathways_domain::text::FieldError;
use pathways_domain::{OrgId, PrincipalKind};
use pathways_store::audit::{self, Actor, AuditEntry};
use rand::Rng;

use crate::access::audit_read;
use crate::auth::secret::token_hash;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// Makes a one-time code for the caller's organization: returned once (`ABCD-EFGH`), kept only as its SHA-256.
pub async fn issue_code(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<String> {
    if !perception::may_issue_codes(&caller.principal) {
        let entry =
            AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("perception_code".to_owned());
        audit_read(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    let code: String = {
        let mut rng = rand::rngs::OsRng;
        (0..CODE_LEN).map(|_| char::from(CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())])).collect()
    };
    let now = pathways_store::now();
    let tx = state.store.begin().await?;
    pathways_store::perception::issue_code(
        &tx,
        caller.org,
        caller.account,
        &token_hash(&code),
        now,
        now + Duration::hours(CODE_VALID_HOURS),
    )
    .await?;
    let entry = AuditEntry::new(AuditAction::PerceptionCodeIssue, AuditOutcome::Success)
        .on("organization", caller.org.as_uuid());
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(perception::display_code(&code))
}

fn bad_code() -> WebError {
    WebError::Invalid(vec![FieldError::new("code", "survey-code")])
}

/// Counts one try of a code from the caller's address; too many in the window: 429.
fn throttle(state: &AppState, ctx: &Ctx) -> WebResult<()> {
    if state.survey_code_limit.allow(ctx.client_addr.as_deref().unwrap_or("unknown")) {
        Ok(())
    } else {
        Err(WebError::TooManyRequests { retry_after_secs: state.survey_code_limit.window_secs() })
    }
}

/// Checks a typed code before the survey is shown: usable (unused, not expired) or a field error on `code`. The
/// code is used only when the answers are sent. Returns it canonical.
pub async fn check_code(state: &AppState, ctx: &Ctx, raw: &str) -> WebResult<String> {
    throttle(state, ctx)?;
    let code = perception::normalize_code(raw).ok_or_else(bad_code)?;
    match pathways_store::perception::usable(state.store.reader(), &token_hash(&code), pathways_store::now()).await? {
        Some(_) => Ok(code),
        None => Err(bad_code()),
    }
}

fn anonymous(ctx: &Ctx) -> Actor {
    Actor { request_id: Some(ctx.request_id.clone()), ..Actor::default() }
}

/// Sends the survey from a tablet: uses the code (once: a second send, or an expired code, is a field error on
/// `code`) and keeps the response, in one transaction.
pub async fn submit_with_code(state: &AppState, ctx: &Ctx, raw: &str, response: &Response) -> WebResult<()> {
    throttle(state, ctx)?;
    let code = perception::normalize_code(raw).ok_or_else(bad_code)?;
    let tx = state.store.begin().await?;
    let Some(org) = pathways_store::perception::redeem(&tx, &token_hash(&code), pathways_store::now()).await? else {
        return Err(bad_code());
    };
    record(state, ctx, &tx, org, "tablet", response).await?;
    tx.commit().await?;
    Ok(())
}

/// Sends the survey from the person's portal, for the organization that serves them.
pub async fn submit_in_portal(state: &AppState, ctx: &Ctx, caller: &Caller, response: &Response) -> WebResult<()> {
    if caller.kind != PrincipalKind::Person {
        return Err(WebError::NotFound);
    }
    let tx = state.store.begin().await?;
    record(state, ctx, &tx, caller.org, "portal", response).await?;
    tx.commit().await?;
    Ok(())
}

async fn record(
    state: &AppState,
    ctx: &Ctx,
    tx: &pathways_store::DatabaseTransaction,
    org: OrgId,
    channel: &'static str,
    r: &Response,
) -> WebResult<()> {
    let today = pathways_store::now().with_timezone(&state.config.deployment.time_zone).date_naive();
    pathways_store::perception::record(
        tx,
        pathways_store::perception::NewResponse {
            org,
            submitted_on: today,
            channel,
            locale: ctx.locale.as_str(),
            answers: &r.encode(),
            comment: r.comment.as_deref(),
        },
    )
    .await?;
    let entry = AuditEntry::new(AuditAction::PerceptionSubmit, AuditOutcome::Success)
        .on("organization", org.as_uuid())
        .detail(format!("channel={channel}"));
    audit::append(tx, &anonymous(ctx), entry).await?;
    Ok(())
}

/// One item's figures: responses to it, of which agreeing, and the share with its Wilson 95% interval — `None`
/// when fewer than 11 answered it (suppressed).
pub struct ItemFigures {
    pub id: &'static str,
    pub n: u64,
    pub agreeing: u64,
    pub interval: Option<Interval>,
}

/// The perception report of the caller's organization for a fiscal year.
pub struct PerceptionReport {
    pub fiscal_year: FiscalYear,
    /// Responses in the year.
    pub responses: u64,
    pub items: Vec<ItemFigures>,
    /// The comments, scrubbed and in alphabetical order (which says nothing about who or when); `None` when the
    /// year has fewer than 11 responses.
    pub comments: Option<Vec<String>>,
}

/// Whether a cell of `n` responses may be shown.
pub fn shown(n: u64) -> bool {
    n >= SUPPRESSION_THRESHOLD
}

/// The perception report (supervisors, administrators, analysts; audited; refusals too).
pub async fn report(state: &AppState, ctx: &Ctx, caller: &Caller, fy: FiscalYear) -> WebResult<PerceptionReport> {
    if !may_read_reports(&caller.principal) {
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("perception".to_owned());
        audit_read(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    let rows =
        pathways_store::perception::responses(state.store.reader(), caller.org, fy.first_day(), fy.end()).await?;
    let decoded: Vec<_> = rows.iter().map(|(a, _)| perception::decode(a)).collect();
    let items = ITEMS
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let n = decoded.iter().filter(|a| a[i].is_some()).count() as u64;
            let agreeing = decoded.iter().filter(|a| a[i].is_some_and(perception::agrees)).count() as u64;
            ItemFigures { id: item.id, n, agreeing, interval: if shown(n) { wilson95(agreeing, n) } else { None } }
        })
        .collect();
    let responses = rows.len() as u64;
    let comments = shown(responses).then(|| {
        let mut c: Vec<String> = rows
            .iter()
            .filter_map(|(_, c)| c.as_deref())
            .map(perception::scrub)
            .filter(|c| !c.trim().is_empty())
            .collect();
        c.sort();
        c
    });
    let entry =
        AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success).detail(format!("perception FY{}", fy.year));
    audit_read(state, ctx, entry).await?;
    Ok(PerceptionReport { fiscal_year: fy, responses, items, comments })
}
