//! `GET /reports/network/outcome-change?year=&months=&indicator=`: a state agency's network — the network's
//! outcome change at 6 or 12 months (chart and table), then one outcome side by side for every member
//! organization; figures resting on 1 to 10 persons, and any that would give one away, withheld.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::outcomes::change::{Shares, Span};

use super::show_follow_up::rate_text;
use super::show_outcome_change::{Bars, Row, Section, bar, place_bars};
use super::{ChangeQuery, cell_text};
use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// A choice of a select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "reports/network_outcome_change.html")]
struct NetworkOutcomeChangePage {
    chrome: Chrome,
    heading: String,
    year: i32,
    months: Vec<Choice>,
    outcomes: Vec<Choice>,
    /// The network's section (one, in a list for the shared chart).
    sections: Vec<Section>,
    by_organization_caption: String,
    column: String,
    organizations: Vec<Row>,
    network: Row,
    csv: String,
    previous: String,
    next: String,
}

pub async fn show_network_outcome_change(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    Query(q): Query<ChangeQuery>,
) -> WebResult<Html<String>> {
    let fy = services::reports::fiscal_year(&state, q.year.as_deref())?;
    let span = services::reports::follow_up_span(q.months.as_deref())?;
    let r = services::outcome_reports::network_outcome_change(&state, &ctx, &caller, fy, span).await?;
    let t = ctx.t();
    let lang = if t.locale == pathways_domain::locale::Locale::Es { "es" } else { "en" };
    // An outcome not known (or none asked for) shows the first.
    let chosen = r.indicators.iter().position(|i| Some(i.id.as_str()) == q.indicator.as_deref()).unwrap_or(0);
    let row = |label: String, s: &Shares| Row {
        label,
        n: cell_text(&t, s.n),
        baseline: rate_text(&t, s.baseline),
        follow_up: rate_text(&t, s.follow_up),
        bars: s.baseline.zip(s.follow_up).map(|(b, f)| Bars { y: 0, baseline: bar(b), follow_up: bar(f) }),
    };
    let column = t.get(match span {
        Span::SixMonths => "report-at-six-months",
        Span::TwelveMonths => "report-at-twelve-months",
    });
    let mut rows: Vec<Row> = r.indicators.iter().map(|i| row(i.text.get(lang).to_owned(), &i.network)).collect();
    let chart_height = place_bars(&mut rows);
    let barc_n = r.indicators.last().map(|i| i.network.n).unwrap_or(pathways_domain::outcomes::Cell::Shown(0));
    let barc_means = match r.barc10.map(|m| (m.baseline, m.follow_up, m.change)) {
        Some((Some(b), Some(f), Some(c))) => t.args(
            if span == Span::SixMonths { "report-barc10-means" } else { "report-barc10-means-twelve" },
            &[("baseline", format!("{b:.1}")), ("six", format!("{f:.1}")), ("change", format!("{c:+.1}"))],
        ),
        _ => t.get("report-rate-none"),
    };
    let network_section = Section {
        heading: t.get("report-network-all"),
        caption: t.args("report-network-outcome-change-caption", &[("months", span.months().to_string())]),
        column: column.clone(),
        paired: String::new(),
        rows,
        barc_n: cell_text(&t, barc_n),
        barc_means,
        chart_id: "network",
        chart_title: t.args("report-outcome-change-chart", &[("months", span.months().to_string())]),
        chart_height,
    };
    let (organizations, network) = match r.indicators.get(chosen) {
        Some(ind) => (
            r.organizations.iter().zip(&ind.organizations).map(|(name, s)| row(name.clone(), s)).collect(),
            row(t.get("report-network-all"), &ind.network),
        ),
        None => {
            let none = Shares { n: pathways_domain::outcomes::Cell::Shown(0), baseline: None, follow_up: None };
            (Vec::new(), row(t.get("report-network-all"), &none))
        }
    };
    let chosen_label = r.indicators.get(chosen).map(|i| i.text.get(lang).to_owned()).unwrap_or_default();
    let outcomes = r
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| Choice { value: ind.id.clone(), label: ind.text.get(lang).to_owned(), selected: i == chosen })
        .collect();
    let months = Span::ALL
        .iter()
        .map(|s| Choice {
            value: s.months().to_string(),
            label: t.get(match s {
                Span::SixMonths => "report-at-six-months",
                Span::TwelveMonths => "report-at-twelve-months",
            }),
            selected: *s == span,
        })
        .collect();
    let chosen_id = r.indicators.get(chosen).map(|i| i.id.clone()).unwrap_or_default();
    let link = |year: i32| {
        format!("/reports/network/outcome-change?year={year}&months={}&indicator={chosen_id}", span.months())
    };
    let heading = t.get("report-network-outcome-change-title");
    render(&NetworkOutcomeChangePage {
        heading: heading.clone(),
        year: fy.year,
        months,
        outcomes,
        sections: vec![network_section],
        by_organization_caption: t.args(
            "report-network-outcome-change-by-organization",
            &[("outcome", chosen_label), ("months", span.months().to_string())],
        ),
        column,
        organizations,
        network,
        csv: format!("/reports/network/outcome-change.csv?year={}&months={}", fy.year, span.months()),
        previous: link(fy.year - 1),
        next: link(fy.year + 1),
        chrome: Chrome::new(&ctx, &state, heading),
    })
}
