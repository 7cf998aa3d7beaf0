//! `GET /financing/profiles/{profile}`: a payer profile's form, filled with its rules (administrators; another
//! organization's profile is not found). Saving (`update_profile`) re-renders it with its errors (`page`).

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::financing::setup::RawProfile;
use pathways_domain::ids::PayerProfileId;

use crate::error::WebResult;
use crate::extract::{InPath, SignedIn};
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "financing/profile.html")]
pub struct ProfilePage {
    pub chrome: Chrome,
    pub heading: String,
    pub action: String,
    pub errors: Vec<(String, String)>,
    pub failed: String,
    pub profile: RawProfile,
}

pub async fn edit_profile(
    State(state): State<AppState>,
    s: SignedIn,
    InPath(id): InPath<PayerProfileId>,
) -> WebResult<Html<String>> {
    let p = services::funding::profile(&state, &s.ctx, &s.caller, id).await?;
    render(&page(&state, &s, id, Vec::new(), RawProfile::of(&p)))
}

/// The form, with what was typed and its errors.
pub fn page(
    state: &AppState,
    s: &SignedIn,
    id: PayerProfileId,
    errors: Vec<(String, String)>,
    profile: RawProfile,
) -> ProfilePage {
    let heading = s.ctx.t().get("funding-edit-profile");
    ProfilePage {
        chrome: Chrome::new(&s.ctx, state, heading.clone()),
        heading,
        action: format!("/financing/profiles/{id}"),
        errors,
        failed: "profile".into(),
        profile,
    }
}
