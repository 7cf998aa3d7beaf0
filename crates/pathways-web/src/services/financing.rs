//! Peer services and their financing (issue 21): the use cases the service-event pages
//! (`/persons/{id}/service-events`), the person's portal (`/me/services`), the financing report (`/financing`) and
//! the API (`/api/v1/persons/{id}/service-events`, `/api/v1/financing/report`) share. The rules are
//! `pathways_domain::financing`; the atomic steps `pathways_store::financing`.

use chrono::{Datelike, NaiveDate};
use pathways_domain::PersonId;
use pathways_domain::access::{may_correct_service, may_cosign, may_read_financing};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::financing::check::Checked;
use pathways_domain::financing::event::{Linkable, ServiceEventInput};
use pathways_domain::ids::ServiceEventId;
use pathways_domain::text::FieldError;
use pathways_store::audit::AuditEntry;
use pathways_store::financing::reports::{ClaimLine, ClaimPages, FunderLine};
use pathways_store::financing::{self, EventView, NewServiceEvent, Refusal, Source};
use pathways_store::model::VoucherRow;
use uuid::Uuid;

use crate::access::{PersonRead, PersonTx, audit_read, open_person, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The caller's organization's funding sources (for the form's choice).
pub async fn sources(state: &AppState, caller: &Caller) -> WebResult<Vec<Source>> {
    Ok(financing::sources(state.store.reader(), caller.org).await?)
}

fn new_event(caller: &Caller, person: PersonId, group: &[PersonId], e: &ServiceEventInput) -> NewServiceEvent {
    NewServiceEvent {
        encounter: e.encounter,
        staff: caller.account,
        persons: std::iter::once(person).chain(group.iter().copied()).collect(),
        date: e.date,
        starts_at: e.starts_at,
        minutes: e.minutes,
        code: e.code.clone(),
        modifiers: e.modifiers.clone(),
        place: e.place,
        goal: e.goal,
        source: e.funding_source,
        authorization: e.authorization.clone(),
        diagnosis_on_file: e.diagnosis_on_file,
    }
}

fn unknown_source() -> WebError {
    WebError::Invalid(vec![FieldError::new("funding_source", "unknown-choice")])
}

/// A person's service events (staff, or the person's own through the portal), newest first.
pub async fn list(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Vec<EventView>> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::ServiceEventRead).await?;
    Ok(financing::person_events(state.store.reader(), &scope, person).await?)
}

/// How many of the person's latest encounters the form offers to link a service to.
const ENCOUNTER_CHOICES: u64 = 30;

/// What the staff form offers to link a service to: the plan's goals (id, the goal in the person's words) and the
/// person's latest encounters, newest first.
#[derive(Default)]
pub struct Choices {
    pub goals: Vec<(Uuid, String)>,
    pub encounters: Vec<pathways_store::model::Encounter>,
}

async fn choices(
    db: &impl pathways_store::ConnectionTrait,
    scope: &pathways_domain::access::PersonScope,
    person: PersonId,
) -> WebResult<Choices> {
    let (plan, encounters) = tokio::try_join!(
        pathways_store::plans::current(db, scope, person),
        pathways_store::records::encounters(db, scope, person, ENCOUNTER_CHOICES),
    )?;
    let goals = plan.map(|p| p.content.goals.iter().map(|g| (g.id, g.text.clone())).collect()).unwrap_or_default();
    Ok(Choices { goals, encounters })
}

/// The person's service events and, for the staff form, its choices — in one pass through the gate (the portal's
/// view has no form: `with_choices` false reads no goals or encounters).
pub async fn sheet(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    with_choices: bool,
) -> WebResult<(Vec<EventView>, Choices)> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::ServiceEventRead).await?;
    let db = state.store.reader();
    let events = financing::person_events(db, &scope, person).await?;
    let choices = if with_choices { choices(db, &scope, person).await? } else { Choices::default() };
    Ok((events, choices))
}

/// Whether the goal and the encounter an event names are the person's (`kept_goal`: a correction's goal, kept
/// even if the plan dropped it since): every problem as a field error.
async fn check_links(
    db: &impl pathways_store::ConnectionTrait,
    scope: &pathways_domain::access::PersonScope,
    person: PersonId,
    e: &ServiceEventInput,
    kept_goal: Option<Uuid>,
) -> WebResult<Vec<FieldError>> {
    let mut record = Linkable::default();
    if e.goal.is_some() {
        if let Some(plan) = pathways_store::plans::current(db, scope, person).await? {
            record.goals = plan.content.goals.iter().map(|g| g.id).collect();
        }
        record.goals.extend(kept_goal);
    }
    if let Some(id) = e.encounter {
        record.encounter_on = pathways_store::records::encounter_day(db, scope, person, id).await?;
    }
    Ok(pathways_domain::financing::event::check_links(e, &record))
}

/// A group service's other person the caller can't reach: a field error on `group_persons` (the denial is
/// audited by the gate; nothing is saved).
fn unreachable_in_group() -> WebError {
    WebError::Invalid(vec![FieldError::new("group_persons", "unknown-choice")])
}

/// The check of an event before it is recorded: every problem a funder would refuse, and the units. `group`: the
/// other persons of a group service, each read through the gate (one the caller can't reach: 422 on
/// `group_persons`).
pub async fn check(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    group: &[PersonId],
    e: &ServiceEventInput,
) -> WebResult<Checked> {
    let PersonRead { scope, .. } = read_person(state, ctx, caller, person, AuditAction::ServiceEventRead).await?;
    let problems = check_links(state.store.reader(), &scope, person, e, None).await?;
    if !problems.is_empty() {
        return Err(WebError::Invalid(problems));
    }
    for other in group {
        match read_person(state, ctx, caller, *other, AuditAction::ServiceEventRead).await {
            Err(WebError::NotFound) => return Err(unreachable_in_group()),
            done => done?,
        };
    }
    financing::check_event(state.store.reader(), caller.org, &new_event(caller, person, group, e), &[], false)
        .await?
        .ok_or_else(unknown_source)
}

/// Records an event by the caller (a draft), and signs it at once when `sign` — signing attests the service;
/// a voucher's units are taken then (refused, 409, when too few are left: nothing is saved). `group`: the other
/// persons of a group service, each opened through the gate in the same transaction and audited there (one the
/// caller can't reach: 422 on `group_persons`, nothing saved).
pub async fn record(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    group: &[PersonId],
    e: &ServiceEventInput,
    sign: bool,
) -> WebResult<(EventView, Checked)> {
    let PersonTx { mut tx, scope, .. } =
        open_person(state, ctx, caller, person, AuditAction::ServiceEventRecord).await?;
    let problems = check_links(&tx, &scope, person, e, None).await?;
    if !problems.is_empty() {
        tx.rollback().await?;
        return Err(WebError::Invalid(problems));
    }
    for other in group {
        tx = crate::access::also_person(state, ctx, tx, &scope, *other, AuditAction::ServiceEventRecord)
            .await?
            .ok_or_else(unreachable_in_group)?;
    }
    let actor = ctx.actor();
    let (id, checked) = financing::record(&tx, &actor, caller.org, &new_event(caller, person, group, e))
        .await?
        .ok_or_else(unknown_source)?;
    if sign {
        match financing::sign(&tx, &actor, caller.org, id, caller.account, pathways_store::now()).await? {
            Ok(_) => {}
            Err(Refusal::VoucherExhausted) => {
                tx.rollback().await?;
                let entry = AuditEntry::person(AuditAction::ServiceEventSign, person).detail("voucher exhausted");
                refuse(state, ctx, AuditEntry { outcome: AuditOutcome::Failed, ..entry }).await?;
                return Err(WebError::Conflict("voucher"));
            }
            Err(_) => return Err(WebError::NotFound),
        }
    }
    let view = financing::event(&tx, caller.org, id).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok((view, checked))
}

pub(crate) async fn refuse(state: &AppState, ctx: &Ctx, entry: AuditEntry) -> WebResult<()> {
    let tx = state.store.begin().await?;
    pathways_store::audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(())
}

/// Rolls `tx` back and records the refusal alone: `access_denied` on the person's record (the person's own access
/// log shows it), with the action refused.
pub(crate) async fn deny(
    state: &AppState,
    ctx: &Ctx,
    tx: pathways_store::DatabaseTransaction,
    person: PersonId,
    action: AuditAction,
) -> WebError {
    if let Err(e) = tx.rollback().await {
        return e.into();
    }
    let entry = AuditEntry::person(AuditAction::AccessDenied, person).detail(action.as_str());
    match refuse(state, ctx, AuditEntry { outcome: AuditOutcome::Denied, ..entry }).await {
        Ok(()) => WebError::Forbidden,
        Err(e) => e,
    }
}

/// One event of the person, within the gate's transaction: another person's (or organization's) is not found.
async fn event_of(
    tx: &pathways_store::DatabaseTransaction,
    caller: &Caller,
    person: PersonId,
    event: ServiceEventId,
) -> WebResult<EventView> {
    financing::event(tx, caller.org, event.as_uuid())
        .await?
        .filter(|v| v.persons.iter().any(|(p, _)| *p == person))
        .ok_or(WebError::NotFound)
}

/// Signs a draft (only the staff member who gave the service attests it), or co-signs a signed event (a supervisor,
/// not on their own service). A refusal by role is audited as `access_denied`.
pub async fn attest(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    event: ServiceEventId,
    cosign: bool,
) -> WebResult<EventView> {
    let action = if cosign { AuditAction::ServiceEventCosign } else { AuditAction::ServiceEventSign };
    let PersonTx { tx, .. } = open_person(state, ctx, caller, person, action).await?;
    let current = event_of(&tx, caller, person, event).await?;
    let allowed = if cosign {
        may_cosign(&caller.principal) && current.row.staff_account_id != caller.account.as_uuid()
    } else {
        current.row.staff_account_id == caller.account.as_uuid()
    };
    if !allowed {
        return Err(deny(state, ctx, tx, person, action).await);
    }
    let actor = ctx.actor();
    let now = pathways_store::now();
    let id = event.as_uuid();
    let done = if cosign {
        financing::cosign(&tx, &actor, caller.org, id, caller.account, now).await?
    } else {
        financing::sign(&tx, &actor, caller.org, id, caller.account, now).await?
    };
    match done {
        Ok(v) => {
            tx.commit().await?;
            Ok(v)
        }
        Err(r) => {
            tx.rollback().await?;
            if r == Refusal::VoucherExhausted {
                let entry = AuditEntry::person(action, person).detail("voucher exhausted");
                refuse(state, ctx, AuditEntry { outcome: AuditOutcome::Failed, ..entry }).await?;
            }
            Err(match r {
                Refusal::NotFound => WebError::NotFound,
                Refusal::WrongState => WebError::Conflict("state"),
                Refusal::NotYours => WebError::Forbidden,
                Refusal::VoucherExhausted => WebError::Conflict("voucher"),
            })
        }
    }
}

/// A signed event of the person, for the correction form (with the form's choices): the caller must be allowed
/// to correct it.
pub async fn to_correct(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    event: ServiceEventId,
) -> WebResult<(EventView, Choices)> {
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::ServiceEventRead).await?;
    let current = event_of(&tx, caller, person, event).await?;
    let given_by = pathways_domain::AccountId::from_uuid(current.row.staff_account_id);
    if !may_correct_service(&caller.principal, given_by) {
        return Err(deny(state, ctx, tx, person, AuditAction::ServiceEventCorrect).await);
    }
    let mut offered = choices(&tx, &scope, person).await?;
    // A goal the plan has dropped since stays the correction's to keep.
    if let Some(kept) = current.row.goal_id
        && !offered.goals.iter().any(|(g, _)| *g == kept)
    {
        offered.goals.push((kept, String::new()));
    }
    tx.commit().await?;
    Ok((current, offered))
}

/// Corrects a signed event of the person: a new version with the reason, a draft to be signed again by the staff
/// member who gave the service (`sign`: at once, when that is the caller). The new version's id and its check.
#[expect(clippy::too_many_arguments, reason = "the use case's inputs, each parsed at the edge")]
pub async fn correct(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    event: ServiceEventId,
    e: &ServiceEventInput,
    reason: &str,
    sign: bool,
) -> WebResult<(EventView, Checked)> {
    let reason = pathways_domain::text::required_text("reason", reason, 500).map_err(|e| WebError::Invalid(vec![e]))?;
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::ServiceEventCorrect).await?;
    let current = event_of(&tx, caller, person, event).await?;
    let given_by = pathways_domain::AccountId::from_uuid(current.row.staff_account_id);
    if !may_correct_service(&caller.principal, given_by) {
        return Err(deny(state, ctx, tx, person, AuditAction::ServiceEventCorrect).await);
    }
    if financing::source(&tx, caller.org, e.funding_source).await?.is_none() {
        tx.rollback().await?;
        return Err(unknown_source());
    }
    let problems = check_links(&tx, &scope, person, e, current.row.goal_id).await?;
    if !problems.is_empty() {
        tx.rollback().await?;
        return Err(WebError::Invalid(problems));
    }
    let mut new = new_event(caller, person, &[], e);
    new.staff = given_by;
    new.persons = current.persons.iter().map(|(p, _)| *p).collect();
    let actor = ctx.actor();
    let (id, checked) = match financing::correct(&tx, &actor, caller.org, event.as_uuid(), &new, &reason).await? {
        Ok(done) => done,
        Err(Refusal::WrongState) => {
            tx.rollback().await?;
            return Err(WebError::Conflict("state"));
        }
        Err(_) => {
            tx.rollback().await?;
            return Err(WebError::NotFound);
        }
    };
    if sign && given_by == caller.account {
        match financing::sign(&tx, &actor, caller.org, id, caller.account, pathways_store::now()).await? {
            Ok(_) => {}
            Err(Refusal::VoucherExhausted) => {
                tx.rollback().await?;
                let entry = AuditEntry::person(AuditAction::ServiceEventSign, person).detail("voucher exhausted");
                refuse(state, ctx, AuditEntry { outcome: AuditOutcome::Failed, ..entry }).await?;
                return Err(WebError::Conflict("voucher"));
            }
            Err(_) => {
                tx.rollback().await?;
                return Err(WebError::NotFound);
            }
        }
    }
    let view = financing::event(&tx, caller.org, id).await?.ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok((view, checked))
}

/// A month: its first and last day.
pub fn month_bounds(month: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = month.with_day(1).unwrap_or(month);
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    (first, next.and_then(|n| n.pred_opt()).unwrap_or(first))
}

/// Parses `YYYY-MM` (blank: this month).
pub fn parse_month(raw: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(month_bounds(today).0);
    }
    NaiveDate::parse_from_str(&format!("{raw}-01"), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .ok_or(FieldError::new("month", "invalid-date"))
}

/// The month's figures for a supervisor or administrator.
pub struct Report {
    pub month: NaiveDate,
    pub sources: Vec<Source>,
    pub lines: Vec<FunderLine>,
    /// Claim lines (one per person of a signed event) with every check passed, counted by the database.
    pub ready: i64,
    /// Claim lines still with a problem.
    pub waiting: i64,
    pub vouchers: Vec<VoucherRow>,
    /// Staff members' display names.
    pub staff: std::collections::HashMap<Uuid, String>,
}

async fn gate_report(state: &AppState, ctx: &Ctx, caller: &Caller, what: &'static str) -> WebResult<()> {
    let outcome = may_read_financing(&caller.principal);
    let entry = if outcome {
        AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success).detail(what)
    } else {
        AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail(what)
    };
    audit_read(state, ctx, entry).await?;
    if outcome { Ok(()) } else { Err(WebError::Forbidden) }
}

/// Units and dollars by funding source and staff member for the month, how many claim lines are ready to bill and
/// how many still have a problem (all of them: the month's kept lines, not the claim lines themselves), and voucher
/// balances.
pub async fn report(state: &AppState, ctx: &Ctx, caller: &Caller, month: NaiveDate) -> WebResult<Report> {
    gate_report(state, ctx, caller, "financing_report").await?;
    report_figures(state, caller, month).await
}

async fn report_figures(state: &AppState, caller: &Caller, month: NaiveDate) -> WebResult<Report> {
    let db = state.store.reader();
    let (from, _) = month_bounds(month);
    // The month's lines as kept in the signing transactions (m0037): a few rows, not the month's events.
    // Each read is one statement: run side by side, the answer waits for the slowest, not their sum.
    let (lines, sources, vouchers) = tokio::try_join!(
        pathways_store::financing::kept::month(db, caller.org, from, None),
        financing::sources(db, caller.org),
        financing::vouchers(db, caller.org),
    )?;
    let ready = lines.iter().map(|l| l.ready_lines).sum();
    let waiting = lines.iter().map(|l| l.waiting_lines).sum();
    // The lines' staff members named in one query (one per staff member cost a round trip each: ~400 on the
    // benchmark's organization, most of its time on PostgreSQL).
    let mut ids: Vec<Uuid> = lines.iter().map(|l| l.staff).collect();
    ids.sort_unstable();
    ids.dedup();
    let staff = pathways_store::accounts::display_names(db, &ids).await?;
    Ok(Report { month: from, sources, lines, ready, waiting, vouchers, staff })
}

/// Events read per page of a CSV file: a file holds every line of the month, read page after page (a keyset, see
/// `reports::ClaimPages`), so no month is cut short (a month at a million events a year has ~83,000 lines). Each
/// page is written to the response as it comes (`controllers::financing::csv_pages`), so a file is never held
/// whole in memory. `AppState::file_page_events` holds it (tests make it small).
pub const FILE_PAGE: u64 = 5_000;

/// Every claim line of the month (optionally one source's; `ready_only`: ready to bill), page after page.
fn pages_of(state: &AppState, caller: &Caller, month: NaiveDate, source: Option<Uuid>, ready_only: bool) -> ClaimPages {
    let (from, to) = month_bounds(month);
    ClaimPages::new(caller.org, from, to, source, ready_only, state.file_page_events)
}

/// The funder's CSV, read page by page: the report's names for the sources and staff members, then the month's
/// lines as [`FunderFile::next_page`] reads them.
pub struct FunderFile {
    state: AppState,
    pages: ClaimPages,
    /// The month's figures (the sources' and staff members' names).
    pub report: Report,
}

impl FunderFile {
    /// The next page of lines, in the file's order; `None` once every line has been read.
    pub async fn next_page(&mut self) -> WebResult<Option<Vec<ClaimLine>>> {
        Ok(self.pages.next(self.state.store.reader()).await?)
    }
}

/// One funder's (or every funder's) signed services of the month, ready or not, one line per person, with the
/// report's names for the sources and staff members: the funder's CSV (no person named). The gate and its audit
/// event come first, before any line is read (a refused caller gets a 403 and nothing else).
pub async fn funder(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    month: NaiveDate,
    source: Option<Uuid>,
) -> WebResult<FunderFile> {
    gate_report(state, ctx, caller, "financing_funder").await?;
    let report = report_figures(state, caller, month).await?;
    Ok(FunderFile { state: state.clone(), pages: pages_of(state, caller, month, source, false), report })
}

/// What the claims file says of a person: the name on their record and their date of birth.
#[derive(Clone, Debug)]
pub struct Patient {
    pub name: String,
    pub birth_date: Option<NaiveDate>,
}

/// The claims CSV, read page by page: each page's persons are read through the caller's scope, and each one's
/// read audited, before the page's lines are given (so before they are sent).
pub struct ClaimsFile {
    state: AppState,
    ctx: Ctx,
    scope: pathways_domain::access::PersonScope,
    pages: ClaimPages,
    /// The persons read so far (`None`: not in the caller's scope, their lines left out), each audited once.
    persons: std::collections::HashMap<Uuid, Option<Patient>>,
}

impl ClaimsFile {
    /// The next page's lines with their persons, in the file's order (a line whose person is outside the caller's
    /// scope is left out); `None` once every line has been read.
    pub async fn next_page(&mut self) -> WebResult<Option<Vec<(ClaimLine, Patient)>>> {
        let db = self.state.store.reader();
        let Some(lines) = self.pages.next(db).await? else { return Ok(None) };
        let mut out = Vec::with_capacity(lines.len());
        for l in lines {
            if !self.persons.contains_key(&l.person) {
                let id = PersonId::from_uuid(l.person);
                let found = pathways_store::persons::find(db, &self.scope, id).await?;
                if found.is_some() {
                    audit_read(&self.state, &self.ctx, AuditEntry::person(AuditAction::ServiceEventRead, id)).await?;
                }
                let patient = found
                    .map(|p| Patient { name: p.legal_name.unwrap_or(p.preferred_name), birth_date: p.date_of_birth });
                self.persons.insert(l.person, patient);
            }
            if let Some(Some(p)) = self.persons.get(&l.person) {
                let p = p.clone();
                out.push((l, p));
            }
        }
        Ok(Some(out))
    }
}

/// Claim lines of the month (ready to bill only), optionally of one funding source, for a CSV. The file names
/// persons: each person's record read is audited, page by page as the file is read ([`ClaimsFile::next_page`]).
/// The gate and its audit event come first (a refused caller gets a 403 and nothing else).
pub async fn claims(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    month: NaiveDate,
    source: Option<Uuid>,
) -> WebResult<ClaimsFile> {
    gate_report(state, ctx, caller, "financing_claims").await?;
    let scope = pathways_domain::access::PersonScope::of(&caller.principal).ok_or(WebError::Forbidden)?;
    Ok(ClaimsFile {
        state: state.clone(),
        ctx: ctx.clone(),
        scope,
        pages: pages_of(state, caller, month, source, true),
        persons: std::collections::HashMap::new(),
    })
}

/// One staff member's credentials and latest supervision contact (the credentials page).
pub struct StaffCredentials {
    pub account: pathways_domain::AccountId,
    pub name: String,
    pub credentials: Vec<pathways_domain::financing::Credential>,
    pub last_supervision: Option<NaiveDate>,
}

/// The organization's staff accounts in service (not disabled), by name.
async fn staff_of(state: &AppState, caller: &Caller) -> WebResult<Vec<pathways_store::model::Account>> {
    Ok(pathways_store::accounts::list_in_org(state.store.reader(), caller.org)
        .await?
        .into_iter()
        .filter(|a| a.kind == "staff" && a.disabled_at.is_none())
        .collect())
}

/// Every staff member of the organization with their credentials and latest supervision contact, for the
/// supervisors and administrators who keep them (`may_read_financing`; the read is audited).
pub async fn staff_credentials(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<Vec<StaffCredentials>> {
    gate_report(state, ctx, caller, "financing_credentials").await?;
    let db = state.store.reader();
    let mut by_staff: std::collections::HashMap<Uuid, Vec<pathways_domain::financing::Credential>> =
        std::collections::HashMap::new();
    for (a, c) in financing::org_credentials(db, caller.org).await? {
        by_staff.entry(a.as_uuid()).or_default().push(c);
    }
    let today = crate::clock::today();
    let mut out = Vec::new();
    for a in staff_of(state, caller).await? {
        let account = pathways_domain::AccountId::from_uuid(a.id);
        out.push(StaffCredentials {
            account,
            name: a.display_name,
            credentials: by_staff.remove(&a.id).unwrap_or_default(),
            last_supervision: financing::last_supervision(db, caller.org, account, today).await?,
        });
    }
    Ok(out)
}

/// Writes refused to a role that does not keep the organization's financing: `access_denied`, 403.
async fn gate_write(state: &AppState, ctx: &Ctx, caller: &Caller, what: &'static str) -> WebResult<()> {
    if may_read_financing(&caller.principal) {
        return Ok(());
    }
    refuse(state, ctx, AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail(what)).await?;
    Err(WebError::Forbidden)
}

/// The chosen staff member, one of the organization's in service (another id: 422 on `staff_member`).
async fn staff_member(state: &AppState, caller: &Caller, raw: &str) -> WebResult<pathways_domain::AccountId> {
    let id: Option<Uuid> = raw.trim().parse().ok();
    let staff = staff_of(state, caller).await?;
    id.filter(|id| staff.iter().any(|a| a.id == *id))
        .map(pathways_domain::AccountId::from_uuid)
        .ok_or_else(|| WebError::Invalid(vec![FieldError::new("staff_member", "unknown-choice")]))
}

/// Adds a staff member's credential (audited in the same transaction): its id, whose it is, and the credential.
pub async fn add_credential(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    staff: &str,
    raw: &pathways_domain::financing::staff::RawCredential,
) -> WebResult<(Uuid, pathways_domain::AccountId, pathways_domain::financing::Credential)> {
    gate_write(state, ctx, caller, "staff_credential").await?;
    let parsed = pathways_domain::financing::Credential::parse(raw, crate::clock::today());
    let account = staff_member(state, caller, staff).await;
    let (c, account) = match (parsed, account) {
        (Ok(c), Ok(a)) => (c, a),
        (parsed, account) => {
            let mut errors = account.err().map(field_errors).unwrap_or_default();
            errors.extend(parsed.err().unwrap_or_default());
            return Err(WebError::Invalid(errors));
        }
    };
    let tx = state.store.begin().await?;
    let id = financing::add_credential(&tx, &ctx.actor(), caller.org, account, &c).await?;
    tx.commit().await?;
    Ok((id, account, c))
}

/// Logs a supervision contact by the caller with a staff member (audited in the same transaction): its id, the
/// staff member, and the contact.
pub async fn add_supervision(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    staff: &str,
    raw: &pathways_domain::financing::staff::RawSupervision,
) -> WebResult<(Uuid, pathways_domain::AccountId, pathways_domain::financing::staff::Supervision)> {
    use pathways_domain::financing::staff::Supervision;
    gate_write(state, ctx, caller, "supervision_session").await?;
    let parsed = Supervision::parse(raw, crate::clock::today());
    let account = staff_member(state, caller, staff).await;
    let (s, account) = match (parsed, account) {
        (Ok(s), Ok(a)) => (s, a),
        (parsed, account) => {
            let mut errors = account.err().map(field_errors).unwrap_or_default();
            errors.extend(parsed.err().unwrap_or_default());
            return Err(WebError::Invalid(errors));
        }
    };
    let tx = state.store.begin().await?;
    let id = financing::add_supervision(
        &tx,
        &ctx.actor(),
        caller.org,
        caller.account,
        account,
        s.held_on,
        s.minutes,
        &s.topics,
    )
    .await?;
    tx.commit().await?;
    Ok((id, account, s))
}

fn field_errors(e: WebError) -> Vec<FieldError> {
    match e {
        WebError::Invalid(errors) => errors,
        _ => Vec::new(),
    }
}

/// The caller's own credentials whose reminder is due (expiring within `REMINDER_DAYS`, or expired), and, for
/// the supervisors and administrators who keep them, how many of the organization's are.
pub async fn reminders(
    state: &AppState,
    caller: &Caller,
) -> WebResult<(Vec<pathways_domain::financing::Credential>, Option<usize>)> {
    use pathways_domain::financing::staff::REMINDER_DAYS;
    let today = crate::clock::today();
    let db = state.store.reader();
    let all = financing::org_credentials(db, caller.org).await?;
    // Only the latest of a kind reminds: one renewed since (another of the same kind expiring later, or never)
    // needs no reminder.
    let due = |a: &pathways_domain::AccountId, c: &pathways_domain::financing::Credential| {
        c.expiring(today, REMINDER_DAYS)
            && !all.iter().any(|(b, d)| {
                b == a && d.kind == c.kind && d.expires_on.is_none_or(|e| c.expires_on.is_some_and(|mine| e > mine))
            })
    };
    let mine = all.iter().filter(|(a, c)| *a == caller.account && due(a, c)).map(|(_, c)| c.clone()).collect();
    let staff =
        if may_read_financing(&caller.principal) { Some(all.iter().filter(|(a, c)| due(a, c)).count()) } else { None };
    Ok((mine, staff))
}
