//! Family and allies (issue 7): what a person shares with an ally, and only that. Each view asks the consent gate
//! afresh for every category an ally can be given, in one transaction with the reads and the disclosure's entry in
//! the accounting (and its audit event): a consent revoked or expired a moment ago shares nothing.

use pathways_domain::access::PersonScope;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::consent::{ALLY_CATEGORIES, Category, Receiver, Recipient, in_force};
use pathways_domain::{AccountId, OrgId, PersonId};
use pathways_store::DatabaseTransaction;
use pathways_store::audit::{self, Actor, AuditEntry};
use pathways_store::consents::{self, NewDisclosure};
use pathways_store::model::{Consent, Invite};
use pathways_store::{accounts, checkups, invites, persons, plans, records};

use crate::access::{PersonTx, open_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::views::words::{categories_words, expiry_words};

/// A goal as an ally sees it: never the plan's notes.
pub struct Goal {
    pub text: String,
    pub dimension: String,
    pub status: String,
    /// (what, done)
    pub steps: Vec<(String, bool)>,
}

/// Whether the gate asks the database (always, in the app) or is handed its answer (the benchmark's baseline,
/// which measures the same request without the gate's queries).
pub enum Gate {
    Ask,
    Cached(Vec<(Category, Consent)>),
}

/// Who asks: the ally's account, their organization, the person they support.
#[derive(Clone, Copy, Debug)]
pub struct AllyRequest {
    pub ally: AccountId,
    pub org: OrgId,
    pub person: PersonId,
    /// The deployment's time zone (the check-up schedule of a person who has none yet is made in it).
    pub time_zone: chrono_tz::Tz,
}

/// What one ally view shows.
pub struct View {
    pub name: String,
    pub goals: Option<Vec<Goal>>,
    /// (date, mood out of 5, meetings)
    pub checkins: Option<Vec<(String, i16, i16)>>,
    /// (date, BARC-10 total)
    pub barc10: Option<Vec<(String, i16)>>,
    /// (check-ups done: dates, next due, meetings in the past 30 days)
    pub attendance: Option<(Vec<String>, String, i64)>,
    /// One line per consent relied on: what it shares, why, until when, signed when.
    pub relied: Vec<String>,
}

/// Asks the gate for every category an ally can be given (unless handed its answer), in `tx`: reads only what
/// is permitted, enters one disclosure per consent relied on and the audit event. `None` when nothing is shared
/// (the refusal audited). The caller has taken the audit chain's lock first and commits.
pub async fn ally_view(
    tx: &DatabaseTransaction,
    actor: &Actor,
    req: AllyRequest,
    gate: Gate,
    t: &Tr,
    now: chrono::DateTime<chrono::Utc>,
) -> WebResult<Option<View>> {
    let today = now.date_naive();
    let granted = match gate {
        Gate::Cached(g) => g,
        Gate::Ask => consents::gate_each(tx, req.person, Receiver::Ally(req.ally), &ALLY_CATEGORIES, today).await?,
    };
    let scope = PersonScope::disclosed(req.org, req.person);
    let record = persons::find(tx, &scope, req.person).await?;
    let (Some(record), false) = (record, granted.is_empty()) else {
        let entry =
            AuditEntry { outcome: AuditOutcome::Denied, ..AuditEntry::person(AuditAction::AccessDenied, req.person) }
                .detail("ally_view: no consent in force");
        audit::append(tx, actor, entry).await?;
        return Ok(None);
    };
    let has = |c: Category| granted.iter().any(|(g, _)| *g == c);
    let mut summary = Vec::new();
    let goals = if has(Category::RecoveryPlan) {
        let plan = plans::current(tx, &scope, req.person).await?;
        let goals = plan.map(|p| p.content.goals).unwrap_or_default();
        summary.push(t.count("ally-summary-goals", goals.len() as u64));
        Some(goals.into_iter().map(|g| goal(t, g)).collect())
    } else {
        None
    };
    let (checkins, barc10) = if has(Category::CheckinsAssessments) {
        let list = records::checkins(tx, &scope, req.person, 10).await?;
        let barc = records::assessments(tx, &scope, req.person).await?;
        summary.push(t.count("ally-summary-checkins", list.len() as u64));
        (
            Some(list.iter().map(|c| (c.created_at.date_naive().to_string(), c.mood, c.meetings_attended)).collect()),
            Some(barc.iter().rev().take(10).map(|b| (b.taken_at.date_naive().to_string(), b.total)).collect()),
        )
    } else {
        (None, None)
    };
    let attendance = if has(Category::AttendanceEngagement) {
        let done = checkups::list(tx, &scope, req.person).await?;
        let next = checkups::schedule(tx, &scope, req.person, now, req.time_zone).await?.and_then(|s| s.next_due);
        let month = records::checkins(tx, &scope, req.person, 100).await?;
        let meetings: i64 = month
            .iter()
            .filter(|c| c.created_at > now - chrono::Duration::days(30))
            .map(|c| i64::from(c.meetings_attended))
            .sum();
        summary.push(t.count("ally-summary-checkups", done.len() as u64));
        Some((
            done.iter().take(8).map(|c| c.completed_at.date_naive().to_string()).collect(),
            next.map(|d| d.to_string()).unwrap_or_default(),
            meetings,
        ))
    } else {
        None
    };
    // One entry in the accounting per consent relied on, naming the categories it covered here.
    let mut relied = Vec::new();
    let mut seen: Vec<uuid::Uuid> = Vec::new();
    for (_, c) in &granted {
        if seen.contains(&c.id) {
            continue;
        }
        seen.push(c.id);
        let cats: Vec<Category> = granted.iter().filter(|(_, g)| g.id == c.id).map(|(cat, _)| *cat).collect();
        let d = NewDisclosure {
            consent: c,
            channel: "ally_view",
            categories: &cats,
            by: Some(req.ally),
            summary: summary.join("; "),
            to: None,
        };
        consents::record_disclosure(tx, d, now).await?;
        let doc = consents::document(c)?;
        relied.push(t.args(
            "ally-relied",
            &[
                ("categories", categories_words(t, &cats)),
                ("purpose", doc.purpose),
                ("expiry", expiry_words(t, &doc.expiry)),
                ("date", c.signed_on.to_string()),
            ],
        ));
    }
    let entry = AuditEntry::person(AuditAction::AllyView, PersonId::from_uuid(record.id))
        .detail(granted.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join(","));
    audit::append(tx, actor, entry).await?;
    Ok(Some(View { name: record.preferred_name, goals, checkins, barc10, attendance, relied }))
}

/// The ally's view of the person who invited them, in the ally's language (`None`: nothing is shared now). The
/// audit chain's lock is taken first: a revocation takes it (its audit event) before updating the consent, so the
/// two transactions run one after the other, never half-way through each other.
pub async fn shared_with_ally(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
) -> WebResult<Option<View>> {
    let tx = state.store.begin().await?;
    audit::lock_chain(&tx).await?;
    let req =
        AllyRequest { ally: caller.account, org: caller.org, person, time_zone: state.config.deployment.time_zone };
    let view = ally_view(&tx, &ctx.actor(), req, Gate::Ask, &ctx.t(), pathways_store::now()).await?;
    tx.commit().await?;
    Ok(view)
}

/// The person's allies and what each sees now, and the invitations not yet used.
pub struct Allies {
    /// (their account, name, the categories a consent in force lets them see; empty: nothing)
    pub allies: Vec<(AccountId, String, Vec<Category>)>,
    pub pending: Vec<Invite>,
}

/// The person's own allies page (the person only).
pub async fn allies_of(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Allies> {
    if caller.kind != pathways_domain::PrincipalKind::Person {
        return Err(WebError::NotFound);
    }
    let PersonTx { tx, scope, .. } = open_person(state, ctx, caller, person, AuditAction::ConsentRead).await?;
    let list = accounts::allies_of(&tx, person).await?;
    let all = consents::list(&tx, &scope, person).await?;
    let pending = invites::pending_for_allies(&tx, person).await?;
    tx.commit().await?;
    let today = crate::clock::today();
    // Each consent read once, whatever the number of allies.
    let mut in_force_now = Vec::new();
    for c in &all {
        let f = consents::facts(c)?;
        if in_force(&f, today) {
            in_force_now.push(f);
        }
    }
    let allies = list
        .into_iter()
        .map(|a| {
            let mut sees: Vec<Category> = in_force_now
                .iter()
                .filter(|f| matches!(&f.recipient, Recipient::Ally { account, .. } if account.as_uuid() == a.id))
                .flat_map(|f| f.categories.iter().copied())
                .collect();
            sees.sort();
            sees.dedup();
            (AccountId::from_uuid(a.id), a.display_name, sees)
        })
        .collect();
    Ok(Allies { allies, pending })
}

fn goal(t: &Tr, g: pathways_domain::plan::Goal) -> Goal {
    Goal {
        text: g.text,
        dimension: t.get(&format!("dimension-{}", g.dimension.as_str())),
        status: t.get(&format!("goal-status-{}", g.status.as_str().replace('_', "-"))),
        steps: g.steps.into_iter().map(|s| (s.what, s.done)).collect(),
    }
}
