//! `GET /recovery`: what recovery is — DMHAS's description, SAMHSA's working definition, the ten guiding principles,
//! the four dimensions and the three pathways, each dimension and pathway linked to the finder filtered to matching
//! help — and what the access line is, as DMHAS describes it. Public: nothing personal on it.
//!
//! Sources (cited on the page): Connecticut DMHAS, "What is Recovery?" (Commissioner's Policy Statement #83, 2002;
//! the principles after Tondora, O'Connell, Miller, Guy, Bellamy & Davidson, Yale PRCH, 2006); SAMHSA, "SAMHSA's
//! Working Definition of Recovery" (PEP12-RECDEF, 2012); DMHAS, the 24/7 Access Line.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// SAMHSA's ten guiding principles, in SAMHSA's order: (title key, detail key).
const PRINCIPLES: [(&str, &str); 10] = [
    (crate::key!("recovery-principle-hope"), crate::key!("recovery-principle-hope-detail")),
    (crate::key!("recovery-principle-person-driven"), crate::key!("recovery-principle-person-driven-detail")),
    (crate::key!("recovery-principle-pathways"), crate::key!("recovery-principle-pathways-detail")),
    (crate::key!("recovery-principle-holistic"), crate::key!("recovery-principle-holistic-detail")),
    (crate::key!("recovery-principle-peers"), crate::key!("recovery-principle-peers-detail")),
    (crate::key!("recovery-principle-relationships"), crate::key!("recovery-principle-relationships-detail")),
    (crate::key!("recovery-principle-culture"), crate::key!("recovery-principle-culture-detail")),
    (crate::key!("recovery-principle-trauma"), crate::key!("recovery-principle-trauma-detail")),
    (crate::key!("recovery-principle-strengths"), crate::key!("recovery-principle-strengths-detail")),
    (crate::key!("recovery-principle-respect"), crate::key!("recovery-principle-respect-detail")),
];

/// The four dimensions: (title key, detail key, the finder's link to matching help).
const DIMENSIONS: [(&str, &str, &str); 4] = [
    (
        crate::key!("recovery-dimension-health"),
        crate::key!("recovery-dimension-health-detail"),
        "/find?category=outpatient",
    ),
    (
        crate::key!("recovery-dimension-home"),
        crate::key!("recovery-dimension-home-detail"),
        "/find?category=recovery-residences",
    ),
    (
        crate::key!("recovery-dimension-purpose"),
        crate::key!("recovery-dimension-purpose-detail"),
        "/find?category=employment-education",
    ),
    (
        crate::key!("recovery-dimension-community"),
        crate::key!("recovery-dimension-community-detail"),
        "/find?category=recovery-community-centers",
    ),
];

/// The three pathways, as the finder's `pathway` attribute names them: (title key, detail key, link).
const PATHWAYS: [(&str, &str, &str); 3] = [
    (crate::key!("pathway-clinical"), crate::key!("recovery-pathway-clinical-detail"), "/find?pathway=clinical"),
    (crate::key!("pathway-peer"), crate::key!("recovery-pathway-peer-detail"), "/find?pathway=peer"),
    (crate::key!("pathway-self"), crate::key!("recovery-pathway-self-detail"), "/find?pathway=self-management"),
];

/// A titled paragraph, with a link to matching help when there is one.
pub struct Item {
    pub title: String,
    pub detail: String,
    pub link: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "recovery.html")]
struct RecoveryPage {
    chrome: Chrome,
    principles: Vec<Item>,
    dimensions: Vec<Item>,
    pathways: Vec<Item>,
}

pub async fn show_recovery(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let t = ctx.t();
    let item = |(title, detail, link): (&str, &str, Option<&'static str>)| Item {
        title: t.get(title),
        detail: t.get(detail),
        link,
    };
    let page = RecoveryPage {
        chrome: Chrome::new(&ctx, &state, t.get("what-is-recovery-title")),
        principles: PRINCIPLES.iter().map(|&(a, b)| item((a, b, None))).collect(),
        dimensions: DIMENSIONS.iter().map(|&(a, b, l)| item((a, b, Some(l)))).collect(),
        pathways: PATHWAYS.iter().map(|&(a, b, l)| item((a, b, Some(l)))).collect(),
    };
    let html = render(&page)?;
    let cache = if ctx.caller.is_some() { "no-store" } else { "private, max-age=60" };
    Ok(([(header::CACHE_CONTROL, cache), (header::VARY, "Accept-Language, Cookie")], html).into_response())
}
