//! `POST …/plan`: saves pathways, stage and review date as a new version.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::edit_plan::PlanFormPage;
use super::forms::{Fields, apply_plan_form};
use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::services::plans::Saved;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn update_plan(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let f = Fields(pairs);
    let change = |content: &mut _| Ok(apply_plan_form(content, &f).0);
    let saved = services::plans::edit(&state, &s.ctx, &s.caller, s.person, f.version(), change).await?;
    let t = s.ctx.t();
    match saved {
        Saved::Saved(_) => Ok(crate::flash::redirect(&state, &format!("{}/plan", s.base), crate::key!("flash-saved"))),
        Saved::Invalid { content, errors } => {
            let mut page = PlanFormPage::new(
                t,
                Chrome::new(&s.ctx, &state, t.get("plan-edit-overview")),
                &s.base,
                &content,
                f.version(),
            );
            page.errors = errors
                .into_iter()
                .map(|(field, code)| {
                    let label = t.get(&format!("plan-{}", field.replace('_', "-")));
                    (field, format!("{label}: {}", t.get(&crate::views::field_error_key(code))))
                })
                .collect();
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Saved::Stale { theirs, yours } => {
            // Show the other save's choices, with this version number: saving again is a conscious choice.
            let their_version = theirs.as_ref().map_or(0, |p| p.version);
            let mut page = PlanFormPage::new(
                t,
                Chrome::new(&s.ctx, &state, t.get("plan-edit-overview")),
                &s.base,
                &yours,
                their_version,
            );
            page.conflict = true;
            Ok((StatusCode::CONFLICT, render(&page)?).into_response())
        }
    }
}
