//! Check-ups and linkage to treatment (issue 5): the use cases the check-up pages (`/persons/{id}/checkups`,
//! `/me/checkups`) and the API (`/api/v1/persons/{id}/checkups`, `…/schedule`) share. Each opens the person gate
//! (role, organization, caseload; the audit event in its transaction), runs the store's scoped work and commits.

use pathways_domain::audit::AuditAction;
use pathways_domain::checkup::CheckupAnswers;
use pathways_domain::ids::LinkageTaskId;
use pathways_domain::{PersonId, PrincipalKind};
use pathways_store::checkups::{self, By, LinkageStep, Recorded, ScheduleView};
use pathways_store::model::{Checkup, LinkageTask, Person};

use crate::access::{PersonRead, PersonTx, open_person, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// What the check-up page shows about one person.
pub struct Overview {
    pub person: Person,
    pub schedule: ScheduleView,
    /// Newest first.
    pub checkups: Vec<Checkup>,
    /// The linkage task still open, if any.
    pub linkage: Option<LinkageTask>,
}

/// The person's schedule, check-ups and open linkage task. Reading the schedule may enroll the person (a write),
/// so this opens a transaction.
pub async fn overview(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Overview> {
    let PersonTx { tx, scope, record } = open_person(state, ctx, caller, person, AuditAction::CheckupRead).await?;
    let now = pathways_store::now();
    let schedule = checkups::schedule(&tx, &scope, person, now, state.config.deployment.time_zone)
        .await?
        .ok_or(WebError::NotFound)?;
    let list = checkups::list(&tx, &scope, person).await?;
    let linkage = checkups::open_linkage(&tx, &scope, person).await?;
    tx.commit().await?;
    Ok(Overview { person: record, schedule, checkups: list, linkage })
}

/// The person's check-up schedule: the next due date, its window and where it stands now (enrolling a person not
/// yet on a schedule from the day their record was made).
pub async fn schedule(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<ScheduleView> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::ScheduleRead).await?;
    let view = checkups::schedule(&tx, &scope, person, pathways_store::now(), state.config.deployment.time_zone)
        .await?
        .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(view)
}

/// The person's check-ups, newest first.
pub async fn list(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Vec<Checkup>> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::CheckupRead).await?;
    Ok(checkups::list(state.store.reader(), &scope, person).await?)
}

/// Records a completed check-up (by a coach, or by the person in their portal) and runs the outreach rules for the
/// person at once, so a need for treatment is on the coach's queue straight away: the linkage task opens in the
/// same transaction.
pub async fn save(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    answers: &CheckupAnswers,
) -> WebResult<Recorded> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::CheckupCreate).await?;
    let kind = if caller.kind == PrincipalKind::Person { "person" } else { "staff" };
    let now = pathways_store::now();
    let done = checkups::record(
        &tx,
        &scope,
        person,
        answers,
        By { account: caller.account, kind },
        now,
        state.config.deployment.time_zone,
    )
    .await?
    .ok_or(WebError::NotFound)?;
    pathways_store::outreach::evaluate_person(&tx, person, now, state.config.deployment.time_zone).await?;
    let day = now.with_timezone(&state.config.deployment.time_zone).date_naive();
    pathways_store::outcomes::record_service(&tx, &scope, person, day).await?;
    tx.commit().await?;
    Ok(done)
}

/// Marks a step of a linkage task done (timestamped), and runs the outreach rules for the person. Staff only: the
/// person sees the steps but they are their coach's to mark.
pub async fn mark_linkage_step(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    task: LinkageTaskId,
    step: LinkageStep,
) -> WebResult<()> {
    if caller.kind != PrincipalKind::Staff {
        return Err(WebError::NotFound);
    }
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::LinkageUpdate).await?;
    let now = pathways_store::now();
    checkups::linkage_step(&tx, &scope, person, task.as_uuid(), step, now).await?.ok_or(WebError::NotFound)?;
    pathways_store::outreach::evaluate_person(&tx, person, now, state.config.deployment.time_zone).await?;
    tx.commit().await?;
    Ok(())
}
