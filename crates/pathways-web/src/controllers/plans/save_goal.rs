//! `POST …/plan/goals` (add) and `POST …/plan/goals/{goal}` (change): saves the plan as a new version.
//! A save made from an older version is refused with 409 and the form comes back with the person's words kept
//! and the other save shown: saving again applies these words on top of it (the merge).

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::AuditAction;
use pathways_store::plans::{self, SaveOutcome};
use uuid::Uuid;

use super::edit_goal::{GoalFormPage, blank_goal};
use super::forms::{Fields, apply_goal_form};
use super::view::status_name;
use crate::access::{PersonTx, open_person};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn save_goal(
    State(state): State<AppState>,
    s: Subject,
    Path(params): Path<HashMap<String, String>>,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let goal_id = match params.get("goal") {
        Some(g) => Some(g.parse::<Uuid>().map_err(|_| WebError::NotFound)?),
        None => None,
    };
    let f = Fields(pairs);
    let PersonTx { tx, scope, .. } = open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::PlanUpdate).await?;
    let current = plans::current(&tx, &scope, s.person).await?;
    let mut content = current.as_ref().map(|p| p.content.clone()).unwrap_or_default();
    if let Some(id) = goal_id
        && content.goal(id).is_none()
    {
        return Err(WebError::NotFound);
    }
    let today = crate::clock::today();
    let problems = apply_goal_form(&mut content, goal_id, &f, today);
    let edited = goal_id.or_else(|| content.goals.last().map(|g| g.id));
    let t = s.ctx.t();
    let form_page = |content: &pathways_domain::plan::PlanContent, version: i32| {
        let goal = edited
            .and_then(|id| content.goal(id).cloned())
            .unwrap_or_else(|| blank_goal(pathways_domain::dimension::Dimension::Health));
        let mut page = GoalFormPage::new(
            t,
            Chrome::new(&s.ctx, &state, t.get("goal-edit-title")),
            &s.base,
            &goal,
            goal_id.is_some(),
            version,
        );
        page.new_note = f.get("new_note").to_owned();
        if goal_id.is_none() {
            page.action = format!("{}/plan/goals", s.base);
        }
        page
    };

    let validated = if problems.0.is_empty() {
        content.clone().validated().map_err(|e| e.into_iter().map(|e| (e.path, e.code)).collect())
    } else {
        Err(problems.0.iter().map(|(p, c)| (p.clone(), *c)).collect::<Vec<_>>())
    };
    let valid = match validated {
        Ok(v) => v,
        Err(errors) => {
            drop(tx);
            crate::access::audit_failed(&state, &s.ctx, AuditAction::PlanUpdate, s.person, "invalid").await?;
            let mut page = form_page(&content, f.version());
            page.errors = errors
                .into_iter()
                .map(|(path, code)| {
                    let field = path.rsplit('.').next().unwrap_or(&path).to_owned();
                    let field = field.split('[').next().unwrap_or(&field).to_owned();
                    let id = if field == "steps" || path.contains(".steps[") {
                        "step_what_0".to_owned()
                    } else {
                        field.clone()
                    };
                    (
                        id,
                        format!(
                            "{}: {}",
                            t.get(&format!("goal-field-{}", field.replace('_', "-"))),
                            t.get(&crate::views::field_error_key(code))
                        ),
                    )
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
            let their_version = theirs.as_ref().map_or(0, |p| p.version);
            let mut page = form_page(&valid, their_version);
            let their_goal = theirs.as_ref().and_then(|p| goal_id.and_then(|id| p.content.goal(id)));
            page.conflict = Some(match their_goal {
                Some(g) => format!("“{}” ({})", g.text, status_name(t, g.status)),
                None if goal_id.is_some() => t.get("plan-conflict-removed"),
                None => t.arg("plan-conflict-version", "version", &their_version.to_string()),
            });
            Ok((StatusCode::CONFLICT, render(&page)?).into_response())
        }
    }
}
