//! `GET /ally/support`: support for family members and friends, from the directory — Al-Anon, Nar-Anon, CRAFT
//! groups, SMART Recovery Family & Friends and other family groups. Public: nothing personal on it.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// (name key, description key, directory category)
const GROUPS: [(&str, &str, &str); 4] = [
    (crate::key!("ally-support-al-anon"), crate::key!("ally-support-al-anon-about"), "al-anon"),
    (crate::key!("ally-support-nar-anon"), crate::key!("ally-support-nar-anon-about"), "nar-anon"),
    (crate::key!("ally-support-craft"), crate::key!("ally-support-craft-about"), "craft-groups"),
    (crate::key!("ally-support-smart"), crate::key!("ally-support-smart-about"), "other-family-groups"),
];

#[derive(Template)]
#[template(path = "allies/support.html")]
struct SupportPage {
    chrome: Chrome,
    heading: String,
    /// (name, about, finder link)
    groups: Vec<(String, String, String)>,
}

pub async fn show_support(State(state): State<AppState>, ctx: Ctx) -> WebResult<Html<String>> {
    let t = ctx.t();
    let heading = t.get("ally-support-title");
    render(&SupportPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        groups: GROUPS
            .iter()
            .map(|(name, about, category)| (t.get(name), t.get(about), format!("/find?category={category}")))
            .collect(),
    })
}
