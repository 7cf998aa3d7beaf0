//! `POST /persons/{id}/checkups` (a coach) and `POST /me/checkups` (the person, in their portal): a completed
//! check-up. A need for treatment opens the linkage
//! task at once; the page says so.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::checkup::{CheckupAnswers, RawCheckupAnswers};

use crate::error::WebResult;
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::state::AppState;
use crate::views::{field_messages, render};

/// The form as posted: yes/no answers as `yes`/`no`, problems as repeated `problem` checkboxes.
#[derive(Debug, Default)]
pub struct CheckupForm {
    days_alcohol_90: String,
    days_drugs_90: String,
    weekly_use_since_last: String,
    problems: Vec<String>,
    wants_treatment: String,
    in_treatment: String,
    treatment_status: String,
    housing: String,
    work_or_school: String,
    justice_involved: String,
    social_support: String,
}

impl CheckupForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = Self::default();
        for (k, v) in pairs {
            match k.as_str() {
                "days_alcohol_90" => f.days_alcohol_90 = v,
                "days_drugs_90" => f.days_drugs_90 = v,
                "weekly_use_since_last" => f.weekly_use_since_last = v,
                "problem" => f.problems.push(v),
                "wants_treatment" => f.wants_treatment = v,
                "in_treatment" => f.in_treatment = v,
                "treatment_status" => f.treatment_status = v,
                "housing" => f.housing = v,
                "work_or_school" => f.work_or_school = v,
                "justice_involved" => f.justice_involved = v,
                "social_support" => f.social_support = v,
                _ => {}
            }
        }
        f
    }
}

fn yes_no(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

fn number(v: &str) -> Option<i64> {
    let v = v.trim();
    if v.is_empty() { None } else { Some(v.parse().unwrap_or(-1)) }
}

fn text(v: &str) -> Option<String> {
    Some(v.trim().to_owned()).filter(|v| !v.is_empty())
}

pub async fn create_checkup(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let f = CheckupForm::from_pairs(pairs);
    let raw = RawCheckupAnswers {
        days_alcohol_90: number(&f.days_alcohol_90),
        days_drugs_90: number(&f.days_drugs_90),
        weekly_use_since_last: yes_no(&f.weekly_use_since_last),
        past_month_problems: Some(f.problems.clone()),
        wants_treatment: yes_no(&f.wants_treatment),
        in_treatment: yes_no(&f.in_treatment),
        treatment_status: text(&f.treatment_status),
        housing: text(&f.housing),
        work_or_school: text(&f.work_or_school),
        justice_involved: yes_no(&f.justice_involved),
        social_support: text(&f.social_support),
        barc10: None,
    };
    let answers = match CheckupAnswers::parse(&raw) {
        Ok(a) => a,
        Err(errors) => {
            let errors = field_messages(&s.ctx.t(), &errors);
            let page = super::list_checkups::page(&state, &s, errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let done = services::checkups::save(&state, &s.ctx, &s.caller, s.person, &answers).await?;
    let flash = match (done.need.needs_treatment, s.is_self) {
        (true, true) => crate::key!("flash-checkup-linkage-mine"),
        (true, false) => crate::key!("flash-checkup-linkage"),
        (false, _) => crate::key!("flash-checkup-saved"),
    };
    Ok(crate::flash::redirect(&state, &format!("{}/checkups", s.base), flash))
}
