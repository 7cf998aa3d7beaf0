//! BARC-10 recovery-capital assessments: the use cases the assessment pages (`/persons/{id}/assessments…`,
//! `/me/assessments…`) and the API (`/api/v1/persons/{id}/assessments`) share.

use pathways_domain::PersonId;
use pathways_domain::PrincipalKind;
use pathways_domain::access::PersonScope;
use pathways_domain::audit::AuditAction;
use pathways_domain::barc10::Barc10Answers;
use pathways_domain::ids::AssessmentId;
use pathways_store::model::{Assessment, Person};
use pathways_store::{DatabaseTransaction, records};

use crate::access::{PersonRead, PersonTx, open_person, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// A drop of this many points or more since the last assessment is something the coach should see.
const DROP_TO_FLAG: i16 = 5;

/// The person and their assessments.
pub struct History {
    pub person: Person,
    /// Oldest first.
    pub assessments: Vec<Assessment>,
}

/// Every assessment of the person, oldest first.
pub async fn list(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<History> {
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::AssessmentRead).await?;
    let assessments = records::assessments(state.store.reader(), &scope, person).await?;
    Ok(History { person: record, assessments })
}

/// One assessment of the person; 404 when the person has no such assessment.
pub async fn get(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    id: AssessmentId,
) -> WebResult<Assessment> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::AssessmentRead).await?;
    let all = records::assessments(state.store.reader(), &scope, person).await?;
    all.into_iter().find(|a| a.id == id.as_uuid()).ok_or(WebError::NotFound)
}

/// Opens the gate for the empty form: it shows nothing of the record, but only a caller who may reach the person
/// gets it (audited as a read).
pub async fn open_form(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<()> {
    read_person(state, ctx, caller, person, AuditAction::AssessmentRead).await?;
    Ok(())
}

/// Stores a scored BARC-10 as given (by the person in their portal, or by staff), and raises an item for the coach
/// when the total dropped by five points or more since the last one — in the same transaction.
pub async fn record(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    answers: &Barc10Answers,
) -> WebResult<Assessment> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::AssessmentCreate).await?;
    let kind = if caller.kind == PrincipalKind::Person { "person" } else { "staff" };
    let saved =
        records::add_assessment(&tx, &scope, person, answers, caller.account, kind, pathways_store::now()).await?;
    flag_drop(&tx, &scope, person).await?;
    tx.commit().await?;
    Ok(saved)
}

async fn flag_drop(tx: &DatabaseTransaction, scope: &PersonScope, person: PersonId) -> WebResult<()> {
    let all = records::assessments(tx, scope, person).await?;
    if let [.., before, latest] = all.as_slice()
        && before.total - latest.total >= DROP_TO_FLAG
    {
        records::raise_attention(tx, scope, person, "barc10_drop", false, Some(latest.id)).await?;
    }
    Ok(())
}
