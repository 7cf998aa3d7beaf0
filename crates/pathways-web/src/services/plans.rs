//! Recovery plans: the use cases the plan pages (`/persons/{id}/plan…`, `/me/plan…`) and the API
//! (`/api/v1/persons/{id}/plan…`) share. Every save is a new version made from the version the editor saw: a save
//! made from an older one is refused as stale (nothing is written; the attempt is audited as failed), so the
//! client can merge and try again.

use std::collections::HashMap;

use pathways_domain::PersonId;
use pathways_domain::PrincipalKind;
use pathways_domain::access::PersonScope;
use pathways_domain::audit::AuditAction;
use pathways_domain::plan::PlanContent;
use pathways_store::model::Person;
use pathways_store::plans::{self, Author, PlanRecord, SaveOutcome};
use pathways_store::{DatabaseTransaction, accounts};
use uuid::Uuid;

use crate::access::{PersonRead, PersonTx, open_person, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// What is wrong with a plan, as (field path, message code).
pub type Problems = Vec<(String, &'static str)>;

/// What became of a save.
pub enum Saved {
    Saved(PlanRecord),
    /// Nothing was saved: the plan as edited, and what is wrong with it.
    Invalid {
        content: PlanContent,
        errors: Problems,
    },
    /// Someone saved first: their version (`None` when the plan is gone), and the valid plan that was not saved.
    Stale {
        theirs: Option<PlanRecord>,
        yours: PlanContent,
    },
}

/// The current plan, if the person has one.
pub async fn current(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Option<PlanRecord>> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::PlanRead).await?;
    Ok(plans::current(state.store.reader(), &scope, person).await?)
}

/// The plan as its page shows it.
pub struct Shown {
    pub person: Person,
    pub plan: Option<PlanRecord>,
    /// The name of whoever saved the current version.
    pub author: Option<String>,
}

/// The person, their current plan and who saved it.
pub async fn shown(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Shown> {
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::PlanRead).await?;
    let (plan, author) = match plans::current_with_author(state.store.reader(), &scope, person).await? {
        Some((plan, author)) => (Some(plan), author),
        None => (None, None),
    };
    Ok(Shown { person: record, plan, author })
}

/// Every version, newest first.
pub async fn versions(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Vec<PlanRecord>> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::PlanRead).await?;
    Ok(plans::versions(state.store.reader(), &scope, person).await?)
}

/// Every version (newest first) and the names of their authors.
pub struct History {
    pub versions: Vec<PlanRecord>,
    pub authors: HashMap<Uuid, String>,
}

/// Every version, newest first, with who saved each.
pub async fn history(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<History> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::PlanRead).await?;
    let db = state.store.reader();
    let versions = plans::versions(db, &scope, person).await?;
    let mut authors = HashMap::new();
    for v in &versions {
        if let std::collections::hash_map::Entry::Vacant(e) = authors.entry(v.author_account_id)
            && let Some(a) = accounts::find(db, v.author_account_id.into()).await?
        {
            e.insert(a.display_name);
        }
    }
    Ok(History { versions, authors })
}

/// Edits the current plan (or an empty one) with `change` — which may report problems of its own, such as dates
/// that are not dates — checks the result and saves it as a new version made from version `from`.
pub async fn edit(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    from: i32,
    change: impl FnOnce(&mut PlanContent) -> WebResult<Problems>,
) -> WebResult<Saved> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::PlanUpdate).await?;
    let current = plans::current(&tx, &scope, person).await?;
    let mut content = current.map(|p| p.content).unwrap_or_default();
    let problems = change(&mut content)?;
    let validated = if problems.is_empty() {
        content.clone().validated().map_err(|e| e.into_iter().map(|e| (e.path, e.code)).collect::<Problems>())
    } else {
        Err(problems)
    };
    match validated {
        Ok(valid) => save_valid(state, ctx, caller, (tx, &scope), person, from, valid).await,
        Err(errors) => {
            drop(tx);
            crate::access::audit_failed(state, ctx, AuditAction::PlanUpdate, person, "invalid").await?;
            Ok(Saved::Invalid { content, errors })
        }
    }
}

/// Saves a plan already checked (`PlanContent::validated`) as a new version made from version `from`.
pub async fn put(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    from: i32,
    valid: PlanContent,
) -> WebResult<Saved> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::PlanUpdate).await?;
    save_valid(state, ctx, caller, (tx, &scope), person, from, valid).await
}

async fn save_valid(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    (tx, scope): (DatabaseTransaction, &PersonScope),
    person: PersonId,
    from: i32,
    valid: PlanContent,
) -> WebResult<Saved> {
    match plans::save(&tx, scope, person, from, &valid, author(caller, None)).await? {
        SaveOutcome::Saved(saved) => {
            tx.commit().await?;
            Ok(Saved::Saved(saved))
        }
        SaveOutcome::Stale(theirs) => {
            drop(tx);
            crate::access::audit_failed(state, ctx, AuditAction::PlanUpdate, person, "stale_version").await?;
            Ok(Saved::Stale { theirs: theirs.map(|b| *b), yours: valid })
        }
    }
}

/// Saves an earlier version's content as the newest version (made from version `from`). 404 when there is no
/// such version; 409 when `from` is not the current version.
pub async fn restore(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    wanted: i32,
    from: i32,
) -> WebResult<()> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::PlanRestore).await?;
    let old = plans::version(&tx, &scope, person, wanted).await?.ok_or(WebError::NotFound)?;
    match plans::save(&tx, &scope, person, from, &old.content, author(caller, Some(wanted))).await? {
        SaveOutcome::Saved(_) => {
            tx.commit().await?;
            Ok(())
        }
        SaveOutcome::Stale(_) => Err(WebError::Conflict("version")),
    }
}

/// The author of a save by this caller.
fn author(caller: &Caller, restored_from: Option<i32>) -> Author {
    let kind = match caller.kind {
        PrincipalKind::Person => "person",
        _ => "staff",
    };
    Author { account: caller.account, kind, restored_from }
}
