//! `POST …/plan`: saves pathways, stage and review date as a new version.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::AuditAction;
use pathways_store::plans::{self, SaveOutcome};

use super::edit_plan::PlanFormPage;
use super::forms::{Fields, apply_plan_form};
use crate::access::{PersonTx, open_person};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn update_plan(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let f = Fields(pairs);
    let PersonTx { tx, scope, .. } = open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::PlanUpdate).await?;
    let current = plans::current(&tx, &scope, s.person).await?;
    let mut content = current.as_ref().map(|p| p.content.clone()).unwrap_or_default();
    let problems = apply_plan_form(&mut content, &f);
    let t = s.ctx.t();
    let validated = if problems.0.is_empty() {
        content.clone().validated().map_err(|e| e.into_iter().map(|e| (e.path, e.code)).collect::<Vec<_>>())
    } else {
        Err(problems.0)
    };
    let valid = match validated {
        Ok(valid) => valid,
        Err(errors) => {
            drop(tx);
            crate::access::audit_failed(&state, &s.ctx, AuditAction::PlanUpdate, s.person, "invalid").await?;
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
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    match plans::save(&tx, &scope, s.person, f.version(), &valid, super::author(&s.caller, None)).await? {
        SaveOutcome::Saved(_) => {
            tx.commit().await?;
            Ok(crate::flash::redirect(&state, &format!("{}/plan", s.base), crate::key!("flash-saved")))
        }
        SaveOutcome::Stale(theirs) => {
            drop(tx);
            crate::access::audit_failed(&state, &s.ctx, AuditAction::PlanUpdate, s.person, "stale_version").await?;
            // Show the other save's choices, with this version number: saving again is a conscious choice.
            let their_version = theirs.as_ref().map_or(0, |p| p.version);
            let mut page = PlanFormPage::new(
                t,
                Chrome::new(&s.ctx, &state, t.get("plan-edit-overview")),
                &s.base,
                &valid,
                their_version,
            );
            page.conflict = true;
            Ok((StatusCode::CONFLICT, render(&page)?).into_response())
        }
    }
}
