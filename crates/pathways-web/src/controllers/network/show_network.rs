//! `GET /network`: the caller's organization's network memberships (pending and confirmed) and a form to ask
//! an organization on the other side; for a state agency, each organization's region with a form to record it.
//! Administrators.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::org::OrgKind;
use pathways_domain::outcomes::network::{Side, Standing, standing};

use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Line {
    pub name: String,
    pub slug: String,
    /// What the membership's state is, in words.
    pub status: String,
    /// Whether the caller's side may confirm now (the other side asked).
    pub may_confirm: bool,
    /// The organization's region as recorded (or as just posted, with its problem).
    pub region: String,
    pub region_error: String,
}

#[derive(Template)]
#[template(path = "network/show.html")]
pub struct NetworkPage {
    chrome: Chrome,
    heading: String,
    is_state: bool,
    lines: Vec<Line>,
    candidates: Vec<(String, String)>,
    /// The regions already recorded in the state's network (offered while typing).
    regions: Vec<String>,
    /// A rejected region form's problems (field id, message) for the summary.
    errors: Vec<(String, String)>,
}

/// A rejected region form: the organization's slug, what was typed, and the problem in words.
pub struct RegionError {
    pub slug: String,
    pub posted: String,
    pub message: String,
}

pub async fn show_network(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    render(&page(&state, &ctx, &caller, None).await?)
}

pub async fn page(state: &AppState, ctx: &Ctx, caller: &Caller, error: Option<RegionError>) -> WebResult<NetworkPage> {
    let o = services::network::overview(state, ctx, caller).await?;
    let t = ctx.t();
    let is_state = o.kind == OrgKind::StateAgency;
    let (regions, recorded) = if is_state {
        let members = pathways_store::network::regions_of(state.store.reader(), caller.org).await?;
        (services::network::regions(state, caller).await?, members)
    } else {
        (Vec::new(), Default::default())
    };
    let mine = if is_state { Side::State } else { Side::Member };
    let lines = o
        .memberships
        .into_iter()
        .map(|m| {
            let s = standing(m.state_confirmed, m.member_confirmed);
            let (status, may_confirm) = match s {
                Some(Standing::Member) => (t.get("network-status-member"), false),
                Some(Standing::AwaitingConfirmationBy(side)) if side == mine => {
                    (t.get("network-status-asked-you"), true)
                }
                _ => (t.get("network-status-awaiting"), false),
            };
            let (region, region_error) = match &error {
                Some(e) if e.slug == m.other_slug => (e.posted.clone(), e.message.clone()),
                _ => (recorded.get(&m.member).cloned().unwrap_or_default(), String::new()),
            };
            Line { name: m.other_name, slug: m.other_slug, status, may_confirm, region, region_error }
        })
        .collect();
    let errors = error.map(|e| vec![(format!("region-{}", e.slug), e.message)]).unwrap_or_default();
    let heading = t.get("network-title");
    Ok(NetworkPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        is_state,
        lines,
        candidates: o.candidates,
        regions,
        errors,
    })
}
