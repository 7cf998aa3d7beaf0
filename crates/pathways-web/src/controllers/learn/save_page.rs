//! `POST /learn`: saves an education page (administrators) — a new address adds one, an existing one changes it —
//! and shows it; back with every problem named (422).

use axum::extract::State;
use axum::response::Response;
use pathways_domain::community::education::{EducationForm, EducationPage};
use serde::Deserialize;

use crate::error::WebResult;
use crate::extract::{SignedIn, VerifiedForm};
use crate::services;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PageInput {
    slug: String,
    title_en: String,
    body_en: String,
    title_es: String,
    body_es: String,
    source: String,
    source_url: String,
    editing: String,
}

pub async fn save_page(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(input): VerifiedForm<PageInput>,
) -> WebResult<Response> {
    services::education::may_edit(&caller)?;
    let editing = input.editing == "true";
    let form = EducationForm {
        slug: input.slug,
        title_en: input.title_en,
        body_en: input.body_en,
        title_es: input.title_es,
        body_es: input.body_es,
        source: input.source,
        source_url: input.source_url,
    };
    match EducationPage::parse(&form) {
        Ok(p) => {
            services::education::save(&state, &ctx, &caller, &p).await?;
            Ok(crate::flash::redirect(&state, &format!("/learn/{}", p.slug), crate::key!("flash-saved")))
        }
        Err(errors) => super::form::page(&state, &ctx, form, editing, &errors),
    }
}
