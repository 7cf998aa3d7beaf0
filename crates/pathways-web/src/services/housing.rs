//! Recovery housing (issue 19), the use cases the `/housing` board, the operator's `/residences` page, the
//! state's `/housing/figures` and the API (`/api/v1/housing`) share. The rules are `pathways_domain::housing`;
//! the atomic steps `pathways_store::housing`.
//!
//! Who operates a residence: the provider staff (and administrators) of the residence's organization —
//! `may_update_capacity`, the rule that already lets a provider keep its treatment programs' counts (see
//! `docs/HOUSING.md` for why there is no separate role). A residence or hold the caller may not touch is not
//! found: the answer reveals nothing.

use std::sync::Arc;

use chrono::NaiveDate;
use pathways_domain::access::{may_read_reports, may_update_capacity};
use pathways_domain::access_line::capacity::{HoldError, HoldState};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::housing::board::{Query, Rank, order};
use pathways_domain::housing::form::{ResidenceDetails, ResidenceForm, ResidenceToAdd, listing_choice};
use pathways_domain::housing::report::Tap;
use pathways_domain::ids::{ResidenceHoldId, ResidenceId, ServiceId};
use pathways_domain::text::FieldError;
use pathways_store::audit::AuditEntry;
use pathways_store::housing::edit::Edited;
use pathways_store::housing::figures::Figures;
use pathways_store::housing::listing::ListingChoice;
use pathways_store::housing::{self, ResidenceView};
use pathways_store::model::ResidenceHold;

use crate::access::audit_read;
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::housing_board::{Listing, Snapshot};
use crate::snapshot::Held;
use crate::state::AppState;

/// How many weeks of vacancies the state's page shows.
pub const FIGURE_WEEKS: u32 = 8;

/// Today in the deployment's zone (certificates are valid through a local date).
pub fn today(state: &AppState) -> NaiveDate {
    pathways_store::now().with_timezone(&state.config.deployment.time_zone).date_naive()
}

/// Residences a page of the board shows (and the API's page by default).
pub const PER_PAGE: usize = 20;

/// A residence on the board, with its distance from the place asked about.
pub struct Listed {
    pub listing: Arc<Listing>,
    pub distance_mi: Option<f64>,
}

impl Listed {
    pub fn residence(&self) -> &ResidenceView {
        &self.listing.residence
    }
}

/// One page of the board: how many residences the filters admit, and those of the page.
pub struct BoardPage {
    pub total: usize,
    pub listed: Vec<Listed>,
    snapshot: Arc<Held<Snapshot>>,
}

impl BoardPage {
    /// Every region a listed residence names (the filter's choices).
    pub fn regions(&self) -> &[String] {
        &self.snapshot.regions
    }
}

/// The public board: residences with a valid certificate the filters admit — a bed now first, then counts from
/// this week, then nearest, then by name (never by NARR level) — `limit` of them from `offset`. No personal data.
/// Read from the board's snapshot (`crate::housing_board`): at most a second old, and never older than a change
/// made through this instance.
pub async fn board(state: &AppState, query: &Query, offset: usize, limit: usize) -> WebResult<BoardPage> {
    let snapshot = state.housing_board.snapshot(&state.store, state.config.deployment.time_zone).await?;
    let listed = |l: &Arc<Listing>, distance_mi| Listed { listing: Arc::clone(l), distance_mi };
    if *query == Query::default() {
        // No filter: the snapshot holds exactly the board, in its order.
        let all = &snapshot.residences;
        let listed = all.iter().skip(offset).take(limit).map(|l| listed(l, None)).collect();
        return Ok(BoardPage { total: all.len(), listed, snapshot });
    }
    // Each residence's few facts (side by side: a scan of thousands stays in the cache), and its names only when
    // a town or region is asked for: together, `Query::admits`.
    let admitted = snapshot.residences.iter().zip(&snapshot.facts).filter_map(|(l, f)| {
        let distance = query.admits_facts(f)?;
        let r = &l.residence;
        (query.names_any() || query.admits_names(&r.town, r.region.as_deref())).then_some((l, distance))
    });
    if query.near.is_none() {
        // The snapshot is in the board's order already: count, and keep the page.
        let mut total = 0;
        let mut page = Vec::new();
        for (l, distance) in admitted {
            if total >= offset && page.len() < limit {
                page.push(listed(l, distance));
            }
            total += 1;
        }
        return Ok(BoardPage { total, listed: page, snapshot });
    }
    let mut found: Vec<(&Arc<Listing>, Option<f64>)> = admitted.collect();
    let rank = |(l, d): &(&Arc<Listing>, Option<f64>)| Rank {
        has_bed: l.residence.available > 0,
        within_week: l.residence.report_status.within_week(),
        distance_mi: *d,
        name: "",
    };
    found.sort_by(|a, b| {
        order(&Rank { name: &a.0.residence.name, ..rank(a) }, &Rank { name: &b.0.residence.name, ..rank(b) })
    });
    let total = found.len();
    let listed: Vec<Listed> = found.into_iter().skip(offset).take(limit).map(|(l, d)| listed(l, d)).collect();
    Ok(BoardPage { total, listed, snapshot })
}

/// A change to a residence went through: the board reads it before answering again.
fn board_changed(state: &AppState) {
    state.housing_board.changed();
}

/// The caller's organization's residences and the beds held at them (soonest expiry first): the operator's page
/// and their home's reminders.
pub async fn residences_of(state: &AppState, caller: &Caller) -> WebResult<(Vec<ResidenceView>, Vec<ResidenceHold>)> {
    let now = pathways_store::now();
    let db = state.store.reader();
    let residences = housing::of_org(db, caller.org, now, today(state)).await?;
    let ids: Vec<uuid::Uuid> = residences.iter().map(|r| r.id).collect();
    let holds = housing::live_holds(db, &ids, now).await?;
    Ok((residences, holds))
}

/// The page's tap, read from its button and typed number; a "set" without a number, or an unknown button, is
/// named on `available_beds`.
pub fn tap_of(change: &str, typed: &str) -> Result<Tap, Vec<FieldError>> {
    Tap::parse(change, typed.trim().parse::<i64>().ok()).ok_or_else(|| {
        let code = if change == "set" { "required" } else { "unknown-choice" };
        vec![FieldError::new("available_beds", code)]
    })
}

/// Checks an optional count of antagonist doses (blank: unchanged).
pub fn doses_of(typed: &str) -> Result<Option<u32>, Vec<FieldError>> {
    match typed.trim() {
        "" => Ok(None),
        s => match s.parse::<i64>() {
            Ok(n) if n < 0 => Err(vec![FieldError::new("naloxone_doses", "negative")]),
            Ok(n) => u32::try_from(n)
                .ok()
                .filter(|n| *n <= 1_000)
                .map(Some)
                .ok_or_else(|| vec![FieldError::new("naloxone_doses", "too-large")]),
            Err(_) => Err(vec![FieldError::new("naloxone_doses", "out-of-range")]),
        },
    }
}

/// A weekly bed report (one tap) by the residence's operator, audited in its transaction; the residence as it
/// now stands. Available beds above the total, or below zero, are refused naming the field.
pub async fn report_beds(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    residence: ResidenceId,
    tap: Result<Tap, Vec<FieldError>>,
    doses: Result<Option<u32>, Vec<FieldError>>,
) -> WebResult<ResidenceView> {
    let now = pathways_store::now();
    let id = residence.as_uuid();
    let current = housing::find(state.store.reader(), None, id, now, today(state)).await?.ok_or(WebError::NotFound)?;
    if !may_update_capacity(&caller.principal, current.organization) {
        return Err(WebError::NotFound);
    }
    let available = tap
        .map_err(WebError::Invalid)?
        .apply(current.reported_beds, current.total_beds)
        .map_err(|e| WebError::Invalid(vec![e]))?;
    let doses = doses.map_err(WebError::Invalid)?;
    let tx = state.store.begin().await?;
    housing::report(&tx, &ctx.actor(), Some(caller.org), id, available, doses, now)
        .await?
        .ok_or(WebError::Invalid(vec![FieldError::new("available_beds", "more-than-total")]))?;
    tx.commit().await?;
    board_changed(state);
    housing::find(state.store.reader(), Some(caller.org), id, now, today(state)).await?.ok_or(WebError::NotFound)
}

/// The person arrived (`Admitted`) or the bed is given back (`Released`), by the residence's operator.
pub async fn close_hold(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    hold: ResidenceHoldId,
    to: HoldState,
) -> WebResult<Result<ResidenceHold, HoldError>> {
    if !pathways_domain::access::keeps_program_counts(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    let now = pathways_store::now();
    let tx = state.store.begin().await?;
    let closed = housing::close_hold(&tx, &ctx.actor(), Some(caller.org), hold.as_uuid(), to, now).await?;
    tx.commit().await?;
    board_changed(state);
    closed.ok_or(WebError::NotFound)
}

/// The state's figures (`may_read_reports`): residences and beds per region, never persons. The read and any
/// refusal are audited.
pub async fn figures(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<Figures> {
    if !may_read_reports(&caller.principal) {
        let entry = AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail("housing_figures");
        audit_read(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    let now = pathways_store::now();
    let f = housing::figures::figures(state.store.reader(), now, today(state), FIGURE_WEEKS).await?;
    let entry = AuditEntry::new(AuditAction::ReportRead, AuditOutcome::Success).detail("housing_figures");
    audit_read(state, ctx, entry).await?;
    Ok(f)
}

/// One of the caller's organization's residences, for its operator (`may_update_capacity`): the edit page and
/// `GET /api/v1/residences/{id}`. Anyone else's, or none: not found.
pub async fn residence(state: &AppState, caller: &Caller, residence: ResidenceId) -> WebResult<ResidenceView> {
    let now = pathways_store::now();
    let found = housing::find(state.store.reader(), None, residence.as_uuid(), now, today(state)).await?;
    match found {
        Some(r) if may_update_capacity(&caller.principal, r.organization) => Ok(r),
        _ => Err(WebError::NotFound),
    }
}

/// The directory listings the caller's organization may link a residence to (its own, by name), and for an
/// existing residence (its operator's, as [`residence`]) the listing it is linked to now when it is not one of
/// them: the choices of the residence's page.
pub async fn listing_choices(
    state: &AppState,
    caller: &Caller,
    of: Option<ResidenceId>,
) -> WebResult<Vec<ListingChoice>> {
    let current = match of {
        Some(id) => residence(state, caller, id).await?.service_id,
        None => None,
    };
    Ok(housing::listing::choices(state.store.reader(), caller.org, current).await?)
}

/// The listing chosen on the page, checked against the caller's organization's own (and the one linked now).
async fn chosen_listing(
    state: &AppState,
    caller: &Caller,
    raw: &str,
    current: Option<uuid::Uuid>,
) -> WebResult<Result<Option<uuid::Uuid>, FieldError>> {
    if raw.trim().is_empty() {
        return Ok(Ok(None));
    }
    let choices = housing::listing::choices(state.store.reader(), caller.org, current).await?;
    let own: Vec<ServiceId> = choices.iter().filter(|c| c.own).map(|c| ServiceId::from_uuid(c.id)).collect();
    Ok(listing_choice(raw, &own, current.map(ServiceId::from_uuid)).map(|l| l.map(|s| s.as_uuid())))
}

/// Changes a residence's details (its operator's, as [`residence`]), audited `residence_update` in the same
/// transaction; the residence as it now stands, or every problem with the form named on its field. The total may
/// not fall below the beds reported open. When the town or ZIP code changes, the map point follows it (the ZIP
/// code's centre, else the town's), or is dropped when neither is known. `listing`: the directory listing chosen
/// on the page (blank: none; another organization's is named on `listing`), `None` to keep the link (the API).
pub async fn update_residence(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: ResidenceId,
    form: &ResidenceForm,
    listing: Option<&str>,
) -> WebResult<Result<ResidenceView, Vec<FieldError>>> {
    let current = residence(state, caller, id).await?;
    let listing = match listing {
        Some(raw) => Some(chosen_listing(state, caller, raw, current.service_id).await?),
        None => None,
    };
    let details = ResidenceDetails::parse(form, today(state));
    let (details, listing) = match (details, listing.transpose()) {
        (Ok(d), Ok(l)) => (d, l),
        (Err(mut errors), l) => {
            errors.extend(l.err());
            return Ok(Err(errors));
        }
        (Ok(_), Err(e)) => return Ok(Err(vec![e])),
    };
    if let Err(e) = details.check_total(current.reported_beds) {
        return Ok(Err(vec![e]));
    }
    let moved = details.town != current.town || details.zip != current.zip;
    let place = moved.then(|| {
        let home = &state.config.deployment.state;
        let zip = details.zip.as_deref().and_then(|z| crate::places::resolve(z, home));
        zip.or_else(|| crate::places::resolve(&details.town, home)).map(|p| p.point)
    });
    let also = housing::edit::Also { place, listing };
    let now = pathways_store::now();
    let tx = state.store.begin().await?;
    let edited =
        housing::edit::update(&tx, &ctx.actor(), Some(current.organization), id.as_uuid(), &details, also, now).await?;
    match edited {
        Edited::Saved => {
            tx.commit().await?;
            board_changed(state);
        }
        Edited::NotFound => return Err(WebError::NotFound),
        Edited::BelowOpen => return Ok(Err(vec![FieldError::new("total_beds", "less-than-open")])),
    }
    Ok(Ok(residence(state, caller, id).await?))
}

/// Adds a residence to the caller's organization's registry (its operators: `may_update_capacity` at their own
/// organization), audited `residence_save` in the same transaction, with its first bed report (`residence_report`)
/// when the beds open now are given. The map point is the ZIP code's centre, else the town's. `listing`: the
/// directory listing chosen on the page — blank for none, else one of the organization's own (another's is named on
/// `listing`). The new residence's id, or every problem with the form named on its field.
pub async fn add_residence(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    form: &ResidenceForm,
    open_beds: &str,
    listing: &str,
) -> WebResult<Result<ResidenceId, Vec<FieldError>>> {
    if !may_update_capacity(&caller.principal, caller.org) {
        return Err(WebError::Forbidden);
    }
    let listing = chosen_listing(state, caller, listing, None).await?;
    let (ResidenceToAdd { details: d, open_beds }, service_id) =
        match (ResidenceToAdd::parse(form, open_beds, today(state)), listing) {
            (Ok(r), Ok(l)) => (r, l),
            (Err(mut errors), l) => {
                errors.extend(l.err());
                return Ok(Err(errors));
            }
            (Ok(_), Err(e)) => return Ok(Err(vec![e])),
        };
    let home = &state.config.deployment.state;
    let zip = d.zip.as_deref().and_then(|z| crate::places::resolve(z, home));
    let place = zip.or_else(|| crate::places::resolve(&d.town, home)).map(|p| p.point);
    let new = housing::NewResidence {
        organization: caller.org,
        service_id,
        name: d.name,
        address: d.address,
        town: d.town,
        zip: d.zip,
        region: d.region,
        place,
        level: d.level,
        populations: d.populations,
        accepts_moud: d.accepts_moud,
        serves_oud: d.serves_oud,
        total_beds: d.total_beds,
        certification: d.certification,
        house_rules: d.house_rules,
        cost_per_week: d.cost_per_week,
        payments: d.payments,
        naloxone_doses: d.naloxone_doses,
        naloxone_trained_on: d.naloxone_trained_on,
        disclaimer: d.disclaimer,
    };
    let now = pathways_store::now();
    let actor = ctx.actor();
    let tx = state.store.begin().await?;
    let id = housing::create(&tx, &actor, &new, now).await?;
    if let Some(open) = open_beds {
        // Within the total (checked above, and by the update's own condition): the report is always made.
        housing::report(&tx, &actor, Some(caller.org), id, open, None, now)
            .await?
            .ok_or_else(|| WebError::internal("a new residence's first report was refused"))?;
    }
    tx.commit().await?;
    board_changed(state);
    Ok(Ok(ResidenceId::from_uuid(id)))
}
