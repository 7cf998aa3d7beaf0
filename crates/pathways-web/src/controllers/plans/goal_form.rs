//! The goal form, shared by adding a goal and changing one (showing it, and saving it).

use askama::Template;
use pathways_domain::dimension::Dimension;
use pathways_domain::plan::{Goal, GoalStatus};
use uuid::Uuid;

use super::view::{dimension_name, status_name};
use crate::i18n::Tr;
use crate::views::Chrome;

pub struct StepRow {
    pub index: usize,
    pub what: String,
    pub who: String,
    pub by: String,
    pub done: bool,
}

#[derive(Template)]
#[template(path = "plans/goal_form.html")]
pub struct GoalFormPage {
    pub chrome: Chrome,
    pub heading: String,
    pub action: String,
    pub cancel_href: String,
    pub version: i32,
    pub dimension: String,
    pub dimensions: Vec<(&'static str, String)>,
    pub statuses: Vec<(&'static str, String)>,
    pub text: String,
    pub why: String,
    pub strengths: String,
    pub status: String,
    pub target_date: String,
    pub supports: String,
    pub new_note: String,
    pub steps: Vec<StepRow>,
    /// (field id, message)
    pub errors: Vec<(String, String)>,
    /// Set when someone else saved first: what the goal now says.
    pub conflict: Option<String>,
}

/// Blank step rows offered below the existing ones (no JavaScript needed to add steps).
const SPARE_STEPS: usize = 3;

impl GoalFormPage {
    pub fn new(t: Tr, chrome: Chrome, base: &str, goal: &Goal, editing: bool, version: i32) -> Self {
        let mut steps: Vec<StepRow> = goal
            .steps
            .iter()
            .enumerate()
            .map(|(index, s)| StepRow {
                index,
                what: s.what.clone(),
                who: s.who.clone(),
                by: s.by.map(|d| d.to_string()).unwrap_or_default(),
                done: s.done,
            })
            .collect();
        let n = steps.len();
        steps.extend((n..n + SPARE_STEPS).map(|index| StepRow {
            index,
            what: String::new(),
            who: String::new(),
            by: String::new(),
            done: false,
        }));
        let (heading, action) = if editing {
            (t.get("goal-edit-title"), format!("{base}/plan/goals/{}", goal.id))
        } else {
            (t.arg("goal-add-in", "dimension", &dimension_name(t, goal.dimension)), format!("{base}/plan/goals"))
        };
        Self {
            chrome,
            heading,
            action,
            cancel_href: format!("{base}/plan"),
            version,
            dimension: goal.dimension.as_str().to_owned(),
            dimensions: Dimension::ALL.into_iter().map(|d| (d.as_str(), dimension_name(t, d))).collect(),
            statuses: GoalStatus::ALL.into_iter().map(|s| (s.as_str(), status_name(t, s))).collect(),
            text: goal.text.clone(),
            why: goal.why.clone(),
            strengths: goal.strengths.clone(),
            status: goal.status.as_str().to_owned(),
            target_date: goal.target_date.map(|d| d.to_string()).unwrap_or_default(),
            supports: goal.supports.join("\n"),
            new_note: String::new(),
            steps,
            errors: Vec::new(),
            conflict: None,
        }
    }
}

pub fn blank_goal(dimension: Dimension) -> Goal {
    Goal {
        id: Uuid::nil(),
        dimension,
        text: String::new(),
        why: String::new(),
        strengths: String::new(),
        steps: Vec::new(),
        supports: Vec::new(),
        target_date: None,
        status: GoalStatus::NotStarted,
        notes: Vec::new(),
    }
}
