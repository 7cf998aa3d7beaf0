//! `GET /housing`: the public recovery housing board, in English and Spanish, without sign-in. Residences with a
//! valid certificate (C.G.S. §17a-716), filtered by town, region, distance, who they serve, MOUD, cost and NARR
//! level; each with its certification and the date of its last bed report. No personal data; a plain GET form,
//! so it works without JavaScript.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::housing::{NarrLevel, Population};

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::HousingParams;
use crate::housing_board::Card;
use crate::services;
use crate::state::AppState;
use crate::views::housing::board_card;
use crate::views::{Chrome, field_error_key, field_label_key, render};

#[derive(Template)]
#[template(path = "housing/board.html")]
struct BoardPage<'a> {
    chrome: Chrome,
    params: HousingParams,
    /// (code, words, chosen)
    levels: Vec<(String, String, bool)>,
    populations: Vec<(String, String, bool)>,
    regions: Vec<(String, bool)>,
    moud: bool,
    beds: bool,
    /// Each residence's card (made once per snapshot and language) and its distance from the place asked about.
    residences: Vec<(&'a Card, String)>,
    results: String,
    errors: Vec<(String, String)>,
    /// The previous and next pages' links, when there are such pages.
    prev: Option<String>,
    next: Option<String>,
    /// "Page 2 of 40", when there is more than one.
    pages: String,
}

pub async fn show_board(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<HousingParams>,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    let (query, mut fields) = match params.query(&state.config.deployment.state) {
        Ok(q) => (q, Vec::new()),
        Err(fields) => (Default::default(), fields),
    };
    let page = params.page().unwrap_or_else(|e| {
        fields.push(e);
        1
    });
    let errors = fields.iter().map(|f| (t.get(&field_label_key(f.field)), t.get(&field_error_key(f.code)))).collect();
    let per_page = services::housing::PER_PAGE;
    let board = services::housing::board(&state, &query, (page - 1) * per_page, per_page).await?;
    let tz = state.config.deployment.time_zone;
    let results = t.count("housing-results", u64::try_from(board.total).unwrap_or(0));
    let residences = board
        .listed
        .iter()
        .map(|l| {
            let card = l.listing.card(ctx.locale, |r| board_card(&t, r, tz));
            let distance = l.distance_mi.map(|d| t.arg("capacity-distance", "miles", &format!("{d:.1}")));
            (card, distance.unwrap_or_default())
        })
        .collect();
    let last = board.total.div_ceil(per_page).max(1);
    let prev = (page > 1).then(|| params.href(page.min(last + 1) - 1));
    let next = (page < last).then(|| params.href(page + 1));
    let pages = if last > 1 {
        t.args("housing-page-of", &[("page", page.to_string()), ("pages", last.to_string())])
    } else {
        String::new()
    };
    let levels = NarrLevel::ALL
        .into_iter()
        .map(|l| (l.code().to_owned(), t.get(&format!("housing-level-{}", l.key())), query.level == Some(l)))
        .collect();
    let populations = Population::ALL
        .into_iter()
        .map(|p| (p.code().to_owned(), t.get(&format!("housing-population-{}", p.key())), query.population == Some(p)))
        .collect();
    // The deployment's regions, then those residences name (each once already, in any case) that it does not.
    let mut names: Vec<String> = state.config.deployment.region_names().map(str::to_owned).collect();
    let configured = names.len();
    for r in board.regions() {
        if !names[..configured].iter().any(|n| n.eq_ignore_ascii_case(r)) {
            names.push(r.clone());
        }
    }
    let regions = names
        .into_iter()
        .map(|r| {
            let on = query.region.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(&r));
            (r, on)
        })
        .collect();
    let page = BoardPage {
        chrome: Chrome::new(&ctx, &state, t.get("housing-title")),
        levels,
        populations,
        regions,
        moud: query.moud,
        beds: query.with_beds,
        params,
        residences,
        results,
        errors,
        prev,
        next,
        pages,
    };
    render(&page)
}
