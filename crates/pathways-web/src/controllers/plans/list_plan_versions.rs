//! `GET …/plan/versions`: every version, who saved it, what changed — and a way back to any of them.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::plan::{PlanContent, diff};

use super::view::change_text;
use crate::error::WebResult;
use crate::extract::Subject;
use crate::services;
use crate::services::plans::History;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct VersionView {
    pub version: i32,
    pub heading: String,
    pub changes: Vec<String>,
    pub restore_href: Option<String>,
}

#[derive(Template)]
#[template(path = "plans/versions.html")]
struct VersionsPage {
    chrome: Chrome,
    base: String,
    current: i32,
    versions: Vec<VersionView>,
}

pub async fn list_plan_versions(State(state): State<AppState>, s: Subject) -> WebResult<Html<String>> {
    let History { versions, authors: names } = services::plans::history(&state, &s.ctx, &s.caller, s.person).await?;

    let t = s.ctx.t();
    let current = versions.first().map_or(0, |v| v.version);
    let empty = PlanContent::default();
    let views = versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let before = versions.get(i + 1).map_or(&empty, |p| &p.content);
            let who = names.get(&v.author_account_id).cloned().unwrap_or_default();
            let mut heading = format!(
                "{} {} · {} · {} {who}",
                t.get("plan-version"),
                v.version,
                v.created_at.format("%Y-%m-%d %H:%M UTC"),
                t.get("plan-saved-by")
            );
            if let Some(from) = v.restored_from {
                heading.push_str(&format!(" · {}", t.arg("plan-restored-from", "version", &from.to_string())));
            }
            let mut changes: Vec<String> = diff(before, &v.content).iter().map(|c| change_text(t, c)).collect();
            if changes.is_empty() {
                changes.push(t.get("plan-no-changes"));
            }
            VersionView {
                version: v.version,
                heading,
                changes,
                restore_href: (v.version != current).then(|| format!("{}/plan/versions/{}/restore", s.base, v.version)),
            }
        })
        .collect();
    render(&VersionsPage {
        chrome: Chrome::new(&s.ctx, &state, t.get("plan-history")),
        base: s.base,
        current,
        versions: views,
    })
}
