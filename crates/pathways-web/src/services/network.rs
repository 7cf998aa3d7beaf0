//! A state agency's network (issue 17, the state view): the administrators of a state agency and of an
//! organization each confirm a membership (`pathways_domain::outcomes::network`); either side asks first and
//! either may leave. Every change is audited in its own transaction (`network_confirm`, `network_leave`), and
//! so is every refusal. The state's reports over the network are `services::reports::network_people_served`.

use pathways_domain::OrgId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::org::OrgKind;
use pathways_domain::outcomes::network::{Side, Standing, may_manage_network, region, side_of, standing};
use pathways_domain::text::FieldError;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::network::{self, Membership};
use pathways_store::orgs;

use crate::access::audit_read;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The network page: the caller's organization's kind, its memberships, and the organizations it may ask.
pub struct Overview {
    pub kind: OrgKind,
    pub memberships: Vec<Membership>,
    /// (slug, name) of the organizations on the other side with no membership yet.
    pub candidates: Vec<(String, String)>,
}

/// The kind of an organization, as recorded.
pub async fn org_kind(state: &AppState, org: OrgId) -> WebResult<OrgKind> {
    let o = orgs::find(state.store.reader(), org).await?.ok_or(WebError::NotFound)?;
    o.kind.parse::<OrgKind>().map_err(WebError::Internal)
}

async fn allowed(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<()> {
    if may_manage_network(&caller.principal) {
        return Ok(());
    }
    let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("network".to_owned());
    audit_read(state, ctx, entry).await?;
    Err(WebError::Forbidden)
}

/// The caller's organization's memberships and the organizations it may ask to pair with.
pub async fn overview(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<Overview> {
    allowed(state, ctx, caller).await?;
    let kind = org_kind(state, caller.org).await?;
    let memberships = network::memberships_of(state.store.reader(), caller.org).await?;
    let candidates = orgs::list(state.store.reader())
        .await?
        .into_iter()
        .filter(|o| o.kind.parse::<OrgKind>().is_ok_and(|k| side_of(kind, k).is_some()))
        .filter(|o| !memberships.iter().any(|m| m.other_slug == o.slug))
        .map(|o| (o.slug, o.name))
        .collect();
    Ok(Overview { kind, memberships, candidates })
}

/// The other organization of a membership, by slug, and the pair (state, member) with the caller's side. A
/// slug that names no organization the caller's may pair with is a field error on `org`.
async fn pair(state: &AppState, caller: &Caller, other: &str) -> WebResult<(OrgId, OrgId, Side)> {
    let unknown = || WebError::Invalid(vec![FieldError::new("org", "unknown-choice")]);
    let mine = org_kind(state, caller.org).await?;
    let o = orgs::find_by_slug(state.store.reader(), other.trim()).await?.ok_or_else(unknown)?;
    let theirs = o.kind.parse::<OrgKind>().map_err(|_| unknown())?;
    let other = OrgId::from_uuid(o.id);
    match side_of(mine, theirs) {
        Some(Side::State) => Ok((caller.org, other, Side::State)),
        Some(Side::Member) => Ok((other, caller.org, Side::Member)),
        None => Err(unknown()),
    }
}

/// Asks to pair with another organization, or confirms its request: sets the caller's side. Returns where the
/// membership stands afterwards.
pub async fn confirm(state: &AppState, ctx: &Ctx, caller: &Caller, other: &str) -> WebResult<Standing> {
    allowed(state, ctx, caller).await?;
    let (st, member, side) = pair(state, caller, other).await?;
    let tx = state.store.begin().await?;
    let (s, m) = network::confirm(&tx, st, member, side).await?;
    let other_id = if side == Side::State { member } else { st };
    let detail = match side {
        Side::State => "side=state",
        Side::Member => "side=member",
    };
    let entry = AuditEntry::new(AuditAction::NetworkConfirm, AuditOutcome::Success)
        .on("organization", other_id.as_uuid())
        .detail(detail.to_owned());
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    standing(s, m).ok_or_else(|| WebError::Internal("a confirmed membership has no confirmation".into()))
}

/// Leaves a network (or withdraws a request), from either side. Leaving a membership that does not exist is
/// not found.
pub async fn leave(state: &AppState, ctx: &Ctx, caller: &Caller, other: &str) -> WebResult<()> {
    allowed(state, ctx, caller).await?;
    let (st, member, side) = pair(state, caller, other).await?;
    let tx = state.store.begin().await?;
    if !network::leave(&tx, st, member).await? {
        return Err(WebError::NotFound);
    }
    let other_id = if side == Side::State { member } else { st };
    let entry =
        AuditEntry::new(AuditAction::NetworkLeave, AuditOutcome::Success).on("organization", other_id.as_uuid());
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(())
}

/// The regions recorded for the organizations of the caller's state network (both sides confirmed), each once, in
/// order: the network page offers them, and a region typed again is spelled as recorded.
pub async fn regions(state: &AppState, caller: &Caller) -> WebResult<Vec<String>> {
    let mut names: Vec<String> =
        network::members(state.store.reader(), caller.org).await?.into_iter().filter_map(|o| o.region).collect();
    names.sort();
    names.dedup();
    Ok(names)
}

/// A state agency's administrator records (or, blank, clears) the region of an organization of its network
/// (`outcomes::network::region`): the state's people-served report groups its organizations by it. The membership
/// may be confirmed or asked; another organization's slug is a field error on `org`, a bad name one on `region`
/// (422). Only a state agency records regions (another organization's administrator: 403, audited). Audited
/// `network_region`, the organization the entity and the region the detail. Returns the region recorded.
pub async fn set_region(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    other: &str,
    raw: &str,
) -> WebResult<Option<String>> {
    allowed(state, ctx, caller).await?;
    if org_kind(state, caller.org).await? != OrgKind::StateAgency {
        let entry =
            AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("network_region".to_owned());
        audit_read(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    let (_, member, _) = pair(state, caller, other).await?;
    let memberships = network::memberships_of(state.store.reader(), caller.org).await?;
    if !memberships.iter().any(|m| m.member == member) {
        return Err(WebError::Invalid(vec![FieldError::new("org", "unknown-choice")]));
    }
    let name = region(raw, &regions(state, caller).await?).map_err(|e| WebError::Invalid(vec![e]))?;
    let tx = state.store.begin().await?;
    if !network::set_region(&tx, member, name.as_deref()).await? {
        return Err(WebError::NotFound);
    }
    let entry = AuditEntry::new(AuditAction::NetworkRegion, AuditOutcome::Success)
        .on("organization", member.as_uuid())
        .detail(name.clone().map_or_else(|| "cleared".to_owned(), |r| format!("region={r}")));
    audit::append(&tx, &ctx.actor(), entry).await?;
    tx.commit().await?;
    Ok(name)
}
