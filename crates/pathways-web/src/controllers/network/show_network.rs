//! `GET /network`: the caller's organization's network memberships (pending and confirmed) and a form to ask
//! an organization on the other side. Administrators.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::org::OrgKind;
use pathways_domain::outcomes::network::{Side, Standing, standing};

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
}

#[derive(Template)]
#[template(path = "network/show.html")]
struct NetworkPage {
    chrome: Chrome,
    heading: String,
    is_state: bool,
    lines: Vec<Line>,
    candidates: Vec<(String, String)>,
}

pub async fn show_network(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    let o = services::network::overview(&state, &ctx, &caller).await?;
    let t = ctx.t();
    let mine = if o.kind == OrgKind::StateAgency { Side::State } else { Side::Member };
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
            Line { name: m.other_name, slug: m.other_slug, status, may_confirm }
        })
        .collect();
    let heading = t.get("network-title");
    render(&NetworkPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        is_state: o.kind == OrgKind::StateAgency,
        lines,
        candidates: o.candidates,
    })
}
