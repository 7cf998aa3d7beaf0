//! `GET /reports/perception?year=`: what the people served said — the share agreeing with each item, with n and
//! a 95% interval, as a bar chart and the table behind it; items with fewer than 11 answers and, below 11
//! responses, the comments are not shown. Comments are shown scrubbed of names, numbers and emails.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::locale::Locale;
use pathways_domain::outcomes::perception::ITEMS;

use super::YearQuery;
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::i18n::Tr;
use crate::services;
use crate::services::perception::{ItemFigures, shown};
use crate::state::AppState;
use crate::views::{Chrome, render};

/// An item's line of the table and its bar.
pub struct ItemRow {
    pub text: String,
    pub n: String,
    pub share: String,
    pub interval: String,
    /// The bar's width in the chart (0–400) when shown.
    pub bar: Option<u32>,
    pub y: u32,
}

#[derive(Template)]
#[template(path = "reports/perception.html")]
struct PerceptionPage {
    chrome: Chrome,
    heading: String,
    year: i32,
    responses: String,
    rows: Vec<ItemRow>,
    comments: Option<Vec<String>>,
    csv: String,
    previous: String,
    next: String,
}

/// A share as a whole percent.
pub fn percent(x: f64) -> String {
    format!("{}%", (x * 100.0).round())
}

/// The item's figures in words: (n, share, interval), suppressed below 11.
pub fn item_words(t: &Tr, f: &ItemFigures) -> (String, String, String) {
    match (&f.interval, shown(f.n)) {
        (Some(i), true) => (f.n.to_string(), percent(i.share), format!("{} – {}", percent(i.low), percent(i.high))),
        (_, true) => (f.n.to_string(), "–".into(), "–".into()),
        _ => {
            let few = if f.n == 0 { "0".to_owned() } else { t.get("report-fewer-than-11") };
            (few, t.get("report-hidden"), t.get("report-hidden"))
        }
    }
}

pub async fn show_perception(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<YearQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let r = services::perception::report(&state, &ctx, &caller, fy).await?;
    let t = ctx.t();
    let rows = r
        .items
        .iter()
        .zip(ITEMS)
        .enumerate()
        .map(|(i, (f, item))| {
            let (n, share, interval) = item_words(&t, f);
            ItemRow {
                text: (if ctx.locale == Locale::Es { item.es } else { item.en }).to_owned(),
                n,
                share,
                interval,
                bar: f.interval.as_ref().map(|iv| (iv.share * 400.0).round() as u32),
                y: 10 + (i as u32) * 40,
            }
        })
        .collect();
    let heading = t.get("report-perception-title");
    render(&PerceptionPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        year: fy.year,
        responses: if shown(r.responses) || r.responses == 0 {
            r.responses.to_string()
        } else {
            t.get("report-fewer-than-11")
        },
        rows,
        comments: r.comments,
        csv: format!("/reports/perception.csv?year={}", fy.year),
        previous: format!("/reports/perception?year={}", fy.year - 1),
        next: format!("/reports/perception?year={}", fy.year + 1),
    })
}
