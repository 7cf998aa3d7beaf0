//! The caseload (`/caseload`): each person in the caller's reach with the figures a coach triages by — last
//! contact, last check-in, the latest BARC-10 and the one before, the plan's review date and open items.
//! Supervisors see their team's caseloads, one coach's or all. Each person's outcome interview due this week.

use std::collections::HashMap;

use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::outcomes::Window;
use pathways_domain::outcomes::interview::this_week;
use pathways_domain::{AccountId, Role};
use pathways_store::accounts;
use pathways_store::audit::AuditEntry;
use pathways_store::caseload::{self, CaseloadRow};
use uuid::Uuid;

use crate::access::read_scope;
use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::state::AppState;

/// The most persons one caseload computes figures for.
const LIMIT: u64 = 500;

pub struct Caseload {
    pub rows: Vec<CaseloadRow>,
    /// More persons were in reach than [`LIMIT`].
    pub truncated: bool,
    /// The caller sees the organization (a supervisor), not only their own caseload.
    pub supervising: bool,
    /// For a supervisor: the organization's coaches by id (their names); empty for a coach.
    pub coaches: HashMap<Uuid, String>,
    /// Per person shown, the outcome interview due this week (today and the six days after: open now or
    /// opening in them, not yet settled) with its window (issue 17).
    pub interviews_due: HashMap<Uuid, Window>,
}

/// The caseload in the caller's reach; a supervisor may narrow it to one `coach`.
pub async fn rows(state: &AppState, ctx: &Ctx, caller: &Caller, coach: Option<AccountId>) -> WebResult<Caseload> {
    let scope = read_scope(state, ctx, caller, AuditAction::CaseloadRead).await?;
    let db = state.store.reader();
    let supervising = scope.assigned_to.is_none();
    let scope = match coach {
        Some(coach) if supervising => scope.narrowed_to_coach(coach),
        _ => scope,
    };
    let (rows, truncated) = caseload::rows(db, &scope, LIMIT).await?;
    let (from, to) = this_week(crate::services::interviews::today(state));
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let interviews_due = pathways_store::interviews::due_between(db, &scope, &ids, from, to).await?;
    // Only supervisors see the coach column and the coach filter: a coach's caseload needs no list of coaches.
    let coaches = if supervising {
        accounts::list_staff(db, caller.org, Role::Coach).await?.into_iter().map(|a| (a.id, a.display_name)).collect()
    } else {
        HashMap::new()
    };
    let entry =
        AuditEntry::new(AuditAction::CaseloadRead, AuditOutcome::Success).detail(format!("shown={}", rows.len()));
    crate::access::audit_read(state, ctx, entry).await?;
    Ok(Caseload { rows, truncated, supervising, coaches, interviews_due })
}
