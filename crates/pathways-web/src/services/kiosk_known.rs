//! The quick sign-in of a person already known at a center's kiosk (issue 20): their own check-in code, like a
//! member's keytag. Staff issue it from the person's record (through the gate, audited on the record; shown once,
//! only its hash kept; issuing again replaces it), remove it, or record that the person does not want one. At the
//! kiosk the person types the code instead of a first name: the visit is counted, linked to them, on their
//! record, audited on it (the kiosk's actor: `access::kiosk_actor`) and counted in people served through their
//! episode — all in one transaction. The rules are `pathways_domain::community::kiosk_code`; the rows
//! `pathways_store::kiosk_known`.
//!
//! The tablet shows nothing about the person: a code that names someone answers "You are signed in", one that
//! names no one (wrong, replaced, removed, another organization's) "not recognised", and after
//! `WRONG_CODES_PER_WINDOW` wrong codes in the window the kiosk refuses every code (429) for a while — names still
//! sign in.

use pathways_domain::PersonId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::community::kiosk_code::{CODE_ALPHABET, CODE_LEN, KioskCode, KnownSignIn};
use pathways_domain::ids::CommunityEventId;
use pathways_domain::text::FieldError;
use pathways_store::audit::AuditEntry;
use pathways_store::community::KioskRef;
use pathways_store::kiosk_known::{self, CodeState, KnownVisit};
use pathways_store::model::Person;
use rand::Rng;

use crate::access::{PersonRead, PersonTx, open_person, open_person_at_kiosk, read_person};
use crate::auth::secret::token_hash;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// Visits a person's record lists.
pub const VISITS_SHOWN: u64 = 50;

/// What is kept of a code: the SHA-256 of the organization's id and the code (so a code is its organization's).
fn code_hash(org: pathways_domain::OrgId, code: &KioskCode) -> String {
    token_hash(&format!("{org}:{}", code.as_str()))
}

/// A person's kiosk page: their code's state and their latest visits.
pub struct KioskRecord {
    pub person: Person,
    pub code: CodeState,
    pub visits: Vec<KnownVisit>,
    pub total: u64,
}

/// Reads a person's kiosk code state and visits (audited `kiosk_visit_read` on the record).
pub async fn record(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<KioskRecord> {
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::KioskVisitRead).await?;
    let db = state.store.reader();
    let code = kiosk_known::code_state(db, &scope, person).await?;
    let (visits, total) = kiosk_known::visits_of(db, &scope, person, VISITS_SHOWN).await?;
    Ok(KioskRecord { person: record, code, visits, total })
}

/// Issues a person a new check-in code (any code before it stops working): returned once, for display
/// (`ABCDE-FGH23`); only its hash is kept. Audited `kiosk_code_save` on the record, by the gate.
pub async fn issue_code(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<String> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::KioskCodeSave).await?;
    let code = {
        let mut rng = rand::rngs::OsRng;
        KioskCode::from_indices((0..CODE_LEN).map(|_| rng.gen_range(0..CODE_ALPHABET.len())))
    };
    let now = pathways_store::now();
    kiosk_known::set_code(&tx, &scope, person, Some(&code_hash(scope.org, &code)), false, Some(caller.account), now)
        .await?;
    tx.commit().await?;
    Ok(code.display())
}

/// Removes a person's code (it stops working at once); `declined`: the person does not want one, recorded so
/// staff don't offer it again. Audited `kiosk_code_save` on the record, by the gate.
pub async fn remove_code(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    declined: bool,
) -> WebResult<()> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::KioskCodeSave).await?;
    kiosk_known::set_code(&tx, &scope, person, None, declined, Some(caller.account), pathways_store::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// A code that names no one, as the kiosk answers it.
fn unknown_code() -> WebError {
    WebError::Invalid(vec![FieldError::new("code", "kiosk-code-unknown")])
}

/// A sign-in at a kiosk with a person's code: the visit counted once (a `client_ref` sent again is not counted
/// again: `false`), linked to the person, on their record with its audit event (`kiosk_sign_in`, the kiosk's
/// actor), and their episode extended to today, which counts them in people served once however many visits
/// (`outcomes::record_service`), in one transaction. A code naming no one is a field error on `code` and counts
/// against the kiosk's limit; at the limit every code is refused (429) until the window moves on.
pub async fn sign_in(
    state: &AppState,
    ctx: &Ctx,
    kiosk: KioskRef,
    signed: Result<KnownSignIn, Vec<FieldError>>,
    group: Option<CommunityEventId>,
    client_ref: Option<&str>,
) -> WebResult<bool> {
    let key = kiosk.id.to_string();
    let limit = &state.kiosk_code_limit;
    if limit.exhausted(&key) {
        return Err(WebError::TooManyRequests { retry_after_secs: limit.window_secs() });
    }
    let signed = signed.map_err(WebError::Invalid)?;
    if let Some(g) = group
        && pathways_store::community::find(state.store.reader(), kiosk.organization, g.as_uuid()).await?.is_none()
    {
        return Err(WebError::Invalid(vec![FieldError::new("group", "unknown-choice")]));
    }
    let hash = code_hash(kiosk.organization, &signed.code);
    let Some(PersonTx { tx, scope, .. }) =
        open_person_at_kiosk(state, ctx, kiosk, &hash, AuditAction::KioskSignIn).await?
    else {
        limit.allow(&key);
        // A wrong code names the kiosk, never what was typed.
        let entry = AuditEntry::new(AuditAction::KioskSignIn, AuditOutcome::Failed)
            .on("kiosk", kiosk.id)
            .detail("code_not_recognised");
        crate::access::audit_alone(state, ctx, entry).await?;
        return Err(unknown_code());
    };
    let person = scope.only_person.ok_or(WebError::NotFound)?;
    // Sent again by the tablet's queue: answered as signed in, nothing written (the event above rolls back).
    put_on_record(state, tx, &scope, person, kiosk, signed.reason, group, client_ref, pathways_store::now()).await
}

/// Puts a known person's visit on their record, in the transaction the gate opened for it (the gate's audit event
/// is already there): the visit at `at` — a tablet, or the center's front desk — linked to the person, and their
/// episode extended to today, which counts them in people served once per period however many visits
/// (`outcomes::record_service`); then commits. A visit already kept under `client_ref` at `at` is not counted
/// again: everything rolls back, the audit event with it, and `false`. The kiosk's code sign-in and the staff's
/// sign-in from the attendance page both end here, so a visit means the same whichever door it came through.
#[expect(
    clippy::too_many_arguments,
    reason = "one visit's parts, each already parsed; a struct would only rename them"
)]
async fn put_on_record(
    state: &AppState,
    tx: pathways_store::DatabaseTransaction,
    scope: &pathways_domain::access::PersonScope,
    person: PersonId,
    at: KioskRef,
    reason: pathways_domain::community::kiosk::Reason,
    group: Option<CommunityEventId>,
    client_ref: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> WebResult<bool> {
    let counted =
        kiosk_known::record_visit(&tx, at, person, reason, group.map(|g| g.as_uuid()), client_ref, now).await?;
    if !counted {
        tx.rollback().await?;
        return Ok(false);
    }
    let day = now.with_timezone(&state.config.deployment.time_zone).date_naive();
    pathways_store::outcomes::record_service(&tx, scope, person, day).await?;
    tx.commit().await?;
    Ok(true)
}

/// People a desk search lists at most (a name narrows it).
pub const DESK_SHOWN: u64 = 20;

/// The persons a center's staff member may sign in from the attendance page: those they may see (the gate's
/// scope — a coach's own caseload, or the organization for a supervisor or an administrator) whose name contains
/// `search` (blank: all of them, by name), the first [`DESK_SHOWN`]; and what each was already signed in for
/// today, at a kiosk or the desk: (person, reason, group). Audited as any list of persons (`person_list`).
pub struct DeskList {
    pub found: pathways_store::persons::Page<Person>,
    pub today: Vec<(PersonId, pathways_domain::community::kiosk::Reason, Option<uuid::Uuid>)>,
}

pub async fn desk_search(state: &AppState, ctx: &Ctx, caller: &Caller, search: &str) -> WebResult<DeskList> {
    may_sign_in_at_desk(caller)?;
    let scope = crate::access::read_scope(state, ctx, caller, AuditAction::PersonList).await?;
    let db = state.store.reader();
    let found = pathways_store::persons::list(db, &scope, Some(search), 1, DESK_SHOWN).await?;
    let entry = AuditEntry::new(AuditAction::PersonList, AuditOutcome::Success)
        .detail(format!("shown={} attendance", found.items.len()));
    crate::access::audit_read(state, ctx, entry).await?;
    let ids: Vec<PersonId> = found.items.iter().map(|p| PersonId::from_uuid(p.id)).collect();
    let (start, end) = super::community::today_window(state, pathways_store::now());
    let today = kiosk_known::visits_between(db, &scope, &ids, start, end).await?;
    Ok(DeskList { found, today })
}

/// The attendance page's sign-in is the center's staff's (`access::runs_community_center`), whatever else the
/// gate would let a role reach.
fn may_sign_in_at_desk(caller: &Caller) -> WebResult<()> {
    if pathways_domain::access::runs_community_center(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

/// A center's staff member signs a known person in from the attendance page, for one of the day's groups or
/// another of the kiosk's reasons (`community::desk`). The person is opened through the gate as for any write on
/// their record (role, organization, a coach's own caseload, consent: another organization's person, or one the
/// staff member may not see, is 404 and the refusal audited); the event (`attendance_sign_in`, the staff member
/// the actor) is in the visit's transaction; the visit is kept at the center's front desk
/// (`kiosk_known::front_desk`) and put on the record exactly as a check-in code's ([`put_on_record`]). The same
/// person for the same group or reason on the same day is one visit, however they were signed in (here, twice,
/// or at a kiosk with their code): then nothing is written and `false`. A group that is not one of the center's
/// gatherings today is a field error on `for`.
pub async fn sign_in_at_desk(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    what: pathways_domain::community::desk::DeskFor,
) -> WebResult<bool> {
    may_sign_in_at_desk(caller)?;
    let now = pathways_store::now();
    if let Some(g) = what.group() {
        let today = super::community::groups_today(state, caller.org).await?;
        if !today.iter().any(|o| o.gathering.id == g.as_uuid()) {
            return Err(WebError::Invalid(vec![FieldError::new("for", "unknown-choice")]));
        }
    }
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::AttendanceSignIn).await?;
    let (start, end) = super::community::today_window(state, now);
    let group = what.group().map(|g| g.as_uuid());
    if kiosk_known::visited(&tx, &scope, person, what.reason(), group, start, end).await? {
        tx.rollback().await?;
        return Ok(false);
    }
    let desk = kiosk_known::front_desk(&tx, caller.org, caller.account, now).await?;
    let day = now.with_timezone(&state.config.deployment.time_zone).date_naive();
    let key = pathways_domain::community::desk::once_a_day(person, what, day);
    put_on_record(state, tx, &scope, person, desk, what.reason(), what.group(), Some(&key), now).await
}
