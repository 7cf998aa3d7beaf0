//! Saving the goal form — a new goal (`POST …/plan/goals`) or a change (`POST …/plan/goals/{goal}`) — as a new
//! plan version. A save made from an older version is refused with 409 and the form comes back with the person's
//! words kept and the other save shown: saving again applies these words on top of it (the merge).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::plan::PlanContent;
use uuid::Uuid;

use super::forms::{Fields, apply_goal_form};
use super::goal_form::{GoalFormPage, blank_goal};
use super::view::status_name;
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::services;
use crate::services::plans::Saved;
use crate::state::AppState;
use crate::views::{Chrome, render};

/// Applies the posted goal form to the goal `goal_id` (a new goal when `None`) and saves the plan.
pub async fn save(
    state: &AppState,
    s: &Subject,
    goal_id: Option<Uuid>,
    pairs: Vec<(String, String)>,
) -> WebResult<Response> {
    let f = Fields(pairs);
    let today = crate::clock::today();
    let mut edited = goal_id;
    let change = |content: &mut PlanContent| {
        if let Some(id) = goal_id
            && content.goal(id).is_none()
        {
            return Err(WebError::NotFound);
        }
        let problems = apply_goal_form(content, goal_id, &f, today);
        edited = goal_id.or_else(|| content.goals.last().map(|g| g.id));
        Ok(problems.0)
    };
    let saved = services::plans::edit(state, &s.ctx, &s.caller, s.person, f.version(), change).await?;
    let t = s.ctx.t();
    let form_page = |content: &PlanContent, version: i32| {
        let goal = edited
            .and_then(|id| content.goal(id).cloned())
            .unwrap_or_else(|| blank_goal(pathways_domain::dimension::Dimension::Health));
        let mut page = GoalFormPage::new(
            t,
            Chrome::new(&s.ctx, state, t.get("goal-edit-title")),
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

    match saved {
        Saved::Saved(_) => Ok(crate::flash::redirect(state, &format!("{}/plan", s.base), crate::key!("flash-saved"))),
        Saved::Invalid { content, errors } => {
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
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Saved::Stale { theirs, yours } => {
            let their_version = theirs.as_ref().map_or(0, |p| p.version);
            let mut page = form_page(&yours, their_version);
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
