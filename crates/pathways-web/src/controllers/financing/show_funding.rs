//! `GET /financing/funding` (issue 21): the organization's payer profiles and funding sources, each with a link to
//! edit it, and the forms to add one (administrators: `may_manage_funding`). Adding one that fails re-renders this
//! page with the form's errors (`page`).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::financing::setup::{RawFundingSource, RawProfile, dollars};
use pathways_domain::financing::{Budget, Funding, Rounding};

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct ProfileLine {
    pub id: String,
    pub name: String,
    /// "15 minutes, midpoint rounding, $18.00 a unit"
    pub summary: String,
}

pub struct SourceLine {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub profile: String,
    /// A grant's period and budget; empty for the others.
    pub terms: String,
}

#[derive(Template)]
#[template(path = "financing/funding.html")]
pub struct FundingPage {
    pub chrome: Chrome,
    pub heading: String,
    pub profiles: Vec<ProfileLine>,
    pub sources: Vec<SourceLine>,
    pub errors: Vec<(String, String)>,
    /// The form the errors are about: `profile` or `source`.
    pub failed: String,
    pub profile: RawProfile,
    pub source: RawFundingSource,
    /// (id, name) of each profile, for the funding source's choice.
    pub profile_choices: Vec<(String, String)>,
    /// The add form: the kind is chosen (an edit keeps it).
    pub kind_fixed: bool,
}

pub async fn show_funding(State(state): State<AppState>, s: SignedIn) -> WebResult<Html<String>> {
    render(&page(&state, &s, Vec::new(), "").await?)
}

/// The words of a rounding rule.
pub fn rounding_key(r: Rounding) -> &'static str {
    match r {
        Rounding::Midpoint => "funding-rounding-midpoint",
        Rounding::WholeUnits => "funding-rounding-whole-units",
    }
}

/// The page (again, with a form's errors; the caller puts back what was typed).
pub async fn page(
    state: &AppState,
    s: &SignedIn,
    errors: Vec<(String, String)>,
    failed: &str,
) -> WebResult<FundingPage> {
    let setup = services::funding::overview(state, &s.ctx, &s.caller).await?;
    let t = s.ctx.t();
    let profiles: Vec<ProfileLine> = setup
        .profiles
        .iter()
        .map(|p| ProfileLine {
            id: p.id.to_string(),
            name: p.profile.name.clone(),
            summary: format!(
                "{} {}, {}, ${} {}",
                p.profile.unit_minutes,
                t.get("financing-minutes-unit"),
                t.get(rounding_key(p.profile.rounding)),
                dollars(u64::from(p.profile.rate_cents)),
                t.get("funding-a-unit"),
            ),
        })
        .collect();
    let sources = setup
        .sources
        .iter()
        .map(|x| SourceLine {
            id: x.id.to_string(),
            name: x.name.clone(),
            kind: t.get(&format!("funding-kind-{}", x.funding.kind().replace('_', "-"))),
            profile: profiles
                .iter()
                .find(|p| p.id == x.profile.to_string())
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            terms: match &x.funding {
                Funding::Grant { starts_on, ends_on, budget, .. } => {
                    let budget = match budget {
                        Budget::Units(u) => format!("{u} {}", t.get("financing-units").to_lowercase()),
                        Budget::Cents(c) => format!("${}", dollars(*c)),
                    };
                    format!("{starts_on} – {ends_on} · {budget}")
                }
                _ => String::new(),
            },
        })
        .collect();
    let heading = t.get("funding-title");
    Ok(FundingPage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        profile_choices: profiles.iter().map(|p| (p.id.clone(), p.name.clone())).collect(),
        profiles,
        sources,
        errors,
        failed: failed.to_owned(),
        profile: RawProfile {
            unit_minutes: "15".into(),
            rounding: Rounding::Midpoint.as_str().into(),
            ..RawProfile::default()
        },
        source: RawFundingSource { kind: "grant".into(), budget_in: "dollars".into(), ..RawFundingSource::default() },
        kind_fixed: false,
    })
}
