//! Outreach (issue 5): the queue, attempts to reach a person, the program's settings and its figures — the use
//! cases the `/outreach` pages and the API (`/api/v1/outreach`, `…/{item}/attempts`) share.

use pathways_domain::access::{figures_scope, may_configure_program};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::checkup::Schedule;
use pathways_domain::ids::OutreachItemId;
use std::collections::HashMap;

use pathways_domain::access::PersonScope;
use pathways_domain::outcomes::Window;
use pathways_domain::outreach::{AttemptInput, Kind, Rules};
use pathways_domain::{AccountId, PersonId, Role};
use pathways_store::accounts;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::checkups::{self, Program};
use pathways_store::outreach::{self, Attempt, AttemptResult, ProgramFigures, QueueCounts, QueuePage, QueueRow};

use crate::access::{ScopeTx, audit_alone, audit_read, open_scope, read_scope};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use uuid::Uuid;

/// One page of the caller's queue, for the `/outreach` page.
pub struct QueueView {
    /// The caller sees the whole organization's queue (supervisors, administrators), not a caseload.
    pub supervising: bool,
    /// Items on the whole queue.
    pub total: u64,
    /// The page shown (1-based; a page past the end shows the last) and how many there are.
    pub page: u64,
    pub pages: u64,
    pub rows: Vec<QueueRow>,
    /// For each person with an `interview_due` item shown: the outcome interview's window open today.
    pub interview_windows: HashMap<Uuid, Window>,
}

/// The outcome-interview windows open today of the persons with an `interview_due` item among `rows` (the
/// item's own window: it opens with the window and closes once the interview is settled), read in the caller's
/// scope.
async fn interview_windows(
    state: &AppState,
    scope: &PersonScope,
    rows: &[QueueRow],
) -> WebResult<HashMap<Uuid, Window>> {
    let ids: Vec<Uuid> = rows.iter().filter(|r| r.kind == Kind::InterviewDue.as_str()).map(|r| r.person_id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let today = crate::services::interviews::today(state);
    Ok(pathways_store::interviews::due_between(state.store.reader(), scope, &ids, today, today).await?)
}

/// The caller's worklist for today, one page of `per_page`: the open items of the persons they may see, most urgent
/// first, then longest waiting. `escalated_only` narrows it to the items escalated to supervisors.
pub async fn queue_page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    escalated_only: bool,
    page: u64,
    per_page: u64,
) -> WebResult<QueueView> {
    let scope = read_scope(state, ctx, caller, AuditAction::OutreachRead).await?;
    let db = state.store.reader();
    let total = outreach::queue_len(db, &scope, escalated_only).await?;
    let pages = total.div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    let slice = QueuePage { escalated_only, offset: (page - 1) * per_page, limit: per_page };
    let rows = outreach::queue(db, &scope, slice).await?;
    let interview_windows = interview_windows(state, &scope, &rows).await?;
    let entry = AuditEntry::new(AuditAction::OutreachRead, AuditOutcome::Success)
        .detail(format!("shown={} page={page}", rows.len()));
    audit_read(state, ctx, entry).await?;
    Ok(QueueView { supervising: scope.assigned_to.is_none(), total, page, pages, rows, interview_windows })
}

/// A slice of the caller's worklist by offset and limit, for the API, with the outcome-interview windows of its
/// `interview_due` items.
pub async fn queue_slice(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    slice: QueuePage,
) -> WebResult<(Vec<QueueRow>, HashMap<Uuid, Window>)> {
    let scope = read_scope(state, ctx, caller, AuditAction::OutreachRead).await?;
    let rows = outreach::queue(state.store.reader(), &scope, slice).await?;
    let windows = interview_windows(state, &scope, &rows).await?;
    let entry =
        AuditEntry::new(AuditAction::OutreachRead, AuditOutcome::Success).detail(format!("shown={}", rows.len()));
    audit_read(state, ctx, entry).await?;
    Ok((rows, windows))
}

/// What waits on the caller's queue (open, urgent, escalated items), for their home page; the read audited.
pub async fn queue_counts(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<QueueCounts> {
    let scope = read_scope(state, ctx, caller, AuditAction::OutreachRead).await?;
    let counts = outreach::queue_counts(state.store.reader(), &scope).await?;
    let entry = AuditEntry::new(AuditAction::OutreachRead, AuditOutcome::Success)
        .detail(format!("counts open={} urgent={} escalated={}", counts.open, counts.urgent, counts.escalated));
    audit_read(state, ctx, entry).await?;
    Ok(counts)
}

/// Logs an attempt to reach the person on an open item of a person in the caller's scope, with its audit event in
/// the same transaction; reaching them is a contact, each failed attempt counts toward escalation. For an item the
/// caller can't reach, the denial is recorded and the answer is 404.
pub async fn log_attempt(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    item: OutreachItemId,
    attempt: AttemptInput,
) -> WebResult<AttemptResult> {
    let ScopeTx { tx, scope } = open_scope(state, ctx, caller, AuditAction::OutreachAttemptCreate).await?;
    let AttemptInput { channel, outcome, note } = attempt;
    let attempt = Attempt { by: caller.account, channel, outcome, note };
    match outreach::record_attempt(
        &tx,
        &scope,
        item.as_uuid(),
        attempt,
        pathways_store::now(),
        state.config.deployment.time_zone,
    )
    .await?
    {
        Some(done) => {
            let entry =
                AuditEntry::person(AuditAction::OutreachAttemptCreate, PersonId::from_uuid(done.item.person_id))
                    .on("outreach_item", done.item.id)
                    .detail(if done.escalated_now { "escalated" } else { "logged" });
            audit::append(&tx, &ctx.actor(), entry).await?;
            tx.commit().await?;
            Ok(done)
        }
        None => {
            drop(tx);
            let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
                .on("outreach_item", item.as_uuid())
                .detail(AuditAction::OutreachAttemptCreate.as_str());
            audit_alone(state, ctx, entry).await?;
            Err(WebError::NotFound)
        }
    }
}

/// Refuses (403, the denial audited) a caller who may not change the program's settings.
async fn may_configure(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<()> {
    if may_configure_program(&caller.principal) {
        return Ok(());
    }
    let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied)
        .detail(AuditAction::ProgramSettingsUpdate.as_str());
    audit_alone(state, ctx, entry).await?;
    Err(WebError::Forbidden)
}

/// The program's check-up schedule and outreach rules (supervisors and administrators).
pub async fn settings(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<Program> {
    may_configure(state, ctx, caller).await?;
    Ok(checkups::program(state.store.reader(), caller.org, state.config.deployment.time_zone).await?)
}

/// Changes the program's settings (already checked by `parse_settings`), audited in the same transaction. A change
/// applies from each person's next check-up on: due dates already set stay as they are.
pub async fn save_settings(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    schedule: Schedule,
    rules: Rules,
) -> WebResult<()> {
    may_configure(state, ctx, caller).await?;
    let tx = state.store.begin().await?;
    checkups::set_program(&tx, caller.org, &Program { schedule, rules }).await?;
    let entry = AuditEntry::new(AuditAction::ProgramSettingsUpdate, AuditOutcome::Success)
        .on("organization", caller.org.as_uuid());
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(())
}

/// The program view's figures: the program's, and each coach's.
pub struct Figures {
    pub program: ProgramFigures,
    /// (coach's name, their caseload's figures)
    pub coaches: Vec<(String, ProgramFigures)>,
}

/// The program view over the past year: the whole program, then (for those who see the whole organization) each
/// coach, alphabetically, at most 100. Counts only: no person is named. Analysts see the counts; a coach sees
/// their own caseload's; access-line and directory staff get 403.
pub async fn figures(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<Figures> {
    let Some(scope) = figures_scope(&caller.principal) else {
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("outreach_figures");
        audit_read(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    };
    let db = state.store.reader();
    let since = pathways_store::now() - chrono::Duration::days(365);
    let program = outreach::figures(db, &scope, since).await?;
    let mut coaches = Vec::new();
    if scope.assigned_to.is_none() {
        let mut staff = accounts::list_staff(db, caller.org, Role::Coach).await?;
        staff.sort_by(|a, b| a.display_name.cmp(&b.display_name));
        for c in staff.into_iter().take(100) {
            let narrowed = scope.narrowed_to_coach(AccountId::from_uuid(c.id));
            coaches.push((c.display_name, outreach::figures(db, &narrowed, since).await?));
        }
    }
    let entry = AuditEntry::new(AuditAction::OutreachRead, AuditOutcome::Success).detail("figures");
    audit_read(state, ctx, entry).await?;
    Ok(Figures { program, coaches })
}
