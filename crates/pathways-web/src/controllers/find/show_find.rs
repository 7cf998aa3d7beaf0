//! `GET /find`: the public finder page. The form works without JavaScript; results come back as a plain list, and
//! the recovery community centers' groups and events for the time asked about (or tonight's, when the words match
//! one) in a short list of their own linking the calendar.

use askama::Template;
use axum::extract::{Query as QueryString, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use pathways_domain::locale::Locale;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::find_query::{FindParams, PER_PAGE, parse};
use crate::finder::taxonomy;
use crate::services;
use crate::services::community::FinderAsk;
use crate::state::AppState;
use crate::views::community::{FinderGatherings, finder_gatherings, label_words};
use crate::views::find::{ResultView, describe};
use crate::views::{Chrome, field_error_key, field_label_key, render};

#[derive(Template)]
#[template(path = "find/show.html")]
struct FindPage {
    chrome: Chrome,
    params: FindParams,
    searched: bool,
    errors: Vec<(String, String)>,
    place_label: String,
    results: Vec<ResultView>,
    count_line: String,
    categories: Vec<(String, String)>,
    pathways: Vec<(String, String)>,
    populations: Vec<(String, String)>,
    costs: Vec<(String, String)>,
    days: Vec<(String, String)>,
    whens: Vec<(&'static str, String)>,
    languages: Vec<(&'static str, String)>,
    prev_href: String,
    next_href: String,
    /// Gatherings at recovery community centers for the time asked about (issue 20), when any match.
    gatherings: Option<FinderGatherings>,
}

fn options(locale: Locale, vocabulary: &str) -> Vec<(String, String)> {
    taxonomy()
        .attributes
        .get(vocabulary)
        .map(|vs| vs.iter().map(|v| (v.code.clone(), v.name(locale).to_owned())).collect())
        .unwrap_or_default()
}

fn page_href(p: &FindParams, page: usize) -> String {
    let pairs = [
        ("q", &p.q),
        ("near", &p.near),
        ("radius_mi", &p.radius_mi),
        ("category", &p.category),
        ("pathway", &p.pathway),
        ("language", &p.language),
        ("population", &p.population),
        ("cost", &p.cost),
        ("day", &p.day),
        ("when", &p.when),
        ("online", &p.online),
    ];
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.trim().is_empty() {
            s.append_pair(k, v.trim());
        }
    }
    s.append_pair("page", &page.to_string());
    format!("/find?{}", s.finish())
}

pub async fn show_find(
    State(state): State<AppState>,
    ctx: Ctx,
    QueryString(params): QueryString<FindParams>,
) -> WebResult<Response> {
    let t = ctx.t();
    let locale = ctx.locale;
    let searched = !params.is_blank();
    let mut errors = Vec::new();
    let mut results = Vec::new();
    let mut count_line = String::new();
    let mut place_label = String::new();
    let (mut prev_href, mut next_href) = (String::new(), String::new());
    let mut gatherings = None;
    if searched {
        match parse(&params, &state.config.deployment.state) {
            Ok(parsed) => {
                let built = state.finder.index(&state.store).await?;
                let now = chrono::Utc::now();
                let tz = parsed.place.as_ref().and_then(|p| p.tz).unwrap_or(state.config.deployment.time_zone);
                let start = (parsed.page - 1) * PER_PAGE;
                let found = built.index.search_page(&parsed.query, now, tz, start, PER_PAGE);
                let ask = FinderAsk {
                    choice: parsed.query.window,
                    words: &params.q,
                    // On the first page only: the results' next pages don't repeat them.
                    filter: params.gatherings_filter().filter(|_| parsed.page == 1),
                    viewer: tz,
                };
                if let Some((stretch, filter, met)) = services::community::for_finder(&state, ask, label_words).await? {
                    let (choice, near) = (parsed.query.window, parsed.place.is_some());
                    gatherings = finder_gatherings(&t, choice, &stretch, &filter, &met, now, near);
                }
                place_label = parsed.place.map(|p| p.label).unwrap_or_default();
                let counted = if found.at_least { "find-count-more" } else { "find-count" };
                count_line = t.count(counted, found.total as u64);
                results = found
                    .hits
                    .iter()
                    .filter_map(|h| {
                        built
                            .index
                            .listing(h.listing)
                            .map(|l| describe(t, locale, h, &l, now, state.config.deployment.time_zone))
                    })
                    .collect();
                if parsed.page > 1 {
                    prev_href = page_href(&params, parsed.page - 1);
                }
                if found.total > start + PER_PAGE || found.at_least {
                    next_href = page_href(&params, parsed.page + 1);
                }
            }
            Err(fields) => {
                errors = fields
                    .iter()
                    .map(|f| (t.get(&field_label_key(f.field)), t.get(&field_error_key(f.code))))
                    .collect();
            }
        }
    }
    let tax = taxonomy();
    let page = FindPage {
        chrome: Chrome::new(&ctx, &state, t.get("find-title")),
        searched,
        errors,
        place_label,
        results,
        count_line,
        categories: tax
            .terms
            .iter()
            .map(|c| {
                let name = c.name(locale);
                (c.code.clone(), if c.parent.is_some() { format!("— {name}") } else { name.to_owned() })
            })
            .collect(),
        pathways: options(locale, "pathway"),
        populations: options(locale, "population"),
        costs: options(locale, "cost"),
        days: (0..7).map(|d| (d.to_string(), t.get(&format!("weekday-{d}")))).collect(),
        whens: vec![
            ("now", t.get("find-when-now")),
            ("soon", t.get("find-when-soon")),
            ("today", t.get("find-when-today")),
            ("tonight", t.get("find-when-tonight")),
        ],
        languages: vec![("en", t.get("language-en")), ("es", t.get("language-es"))],
        prev_href,
        next_href,
        gatherings,
        params,
    };
    let html = render(&page)?;
    Ok(([(header::CACHE_CONTROL, "no-store")], html).into_response())
}
