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
use crate::services;
use crate::services::housing::Listed;
use crate::state::AppState;
use crate::views::housing::{ResidenceCard, card};
use crate::views::{Chrome, field_error_key, field_label_key, render};

#[derive(Template)]
#[template(path = "housing/board.html")]
struct BoardPage {
    chrome: Chrome,
    params: HousingParams,
    /// (code, words, chosen)
    levels: Vec<(String, String, bool)>,
    populations: Vec<(String, String, bool)>,
    regions: Vec<(String, bool)>,
    moud: bool,
    beds: bool,
    residences: Vec<ResidenceCard>,
    results: String,
    errors: Vec<(String, String)>,
}

pub async fn show_board(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<HousingParams>,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    let (query, errors) = match params.query(&state.config.deployment.state) {
        Ok(q) => (q, Vec::new()),
        Err(fields) => {
            let errors =
                fields.iter().map(|f| (t.get(&field_label_key(f.field)), t.get(&field_error_key(f.code)))).collect();
            (Default::default(), errors)
        }
    };
    let listed: Vec<Listed> = services::housing::board(&state, &query).await?;
    let tz = state.config.deployment.time_zone;
    let results = t.count("housing-results", u64::try_from(listed.len()).unwrap_or(0));
    let residences = listed.iter().map(|l| card(&t, &l.residence, l.distance_mi, tz)).collect();
    let levels = NarrLevel::ALL
        .into_iter()
        .map(|l| (l.code().to_owned(), t.get(&format!("housing-level-{}", l.key())), query.level == Some(l)))
        .collect();
    let populations = Population::ALL
        .into_iter()
        .map(|p| (p.code().to_owned(), t.get(&format!("housing-population-{}", p.key())), query.population == Some(p)))
        .collect();
    let regions = services::capacity::regions(&state)
        .await?
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
    };
    render(&page)
}
