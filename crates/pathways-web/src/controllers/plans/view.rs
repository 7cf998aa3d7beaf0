//! What the plan pages show, in the reader's language.

use pathways_domain::dimension::Dimension;
use pathways_domain::plan::{Change, Goal, GoalStatus, Pathway, PlanContent, Stage};

use crate::i18n::Tr;
pub use crate::views::words::dimension_name;

pub struct StepView {
    pub what: String,
    pub who: String,
    pub by: String,
    pub done: bool,
}

pub struct GoalView {
    pub id: String,
    pub text: String,
    pub why: String,
    pub strengths: String,
    pub status: String,
    pub status_class: &'static str,
    pub target: String,
    pub steps: Vec<StepView>,
    pub supports: Vec<String>,
    /// (date, text), newest first, at most three.
    pub notes: Vec<(String, String)>,
    pub edit_href: String,
}

pub struct DimensionView {
    pub key: &'static str,
    pub name: String,
    pub hint: String,
    pub goals: Vec<GoalView>,
    pub add_href: String,
}

pub fn pathway_name(t: Tr, p: Pathway) -> String {
    t.get(&format!("pathway-{}", p.as_str().replace('_', "-")))
}

pub fn stage_name(t: Tr, s: Stage) -> String {
    t.get(&format!("stage-{}", s.as_str().replace('_', "-")))
}

pub fn status_name(t: Tr, s: GoalStatus) -> String {
    t.get(&format!("goal-status-{}", s.as_str().replace('_', "-")))
}

fn goal_view(t: Tr, base: &str, g: &Goal) -> GoalView {
    GoalView {
        id: g.id.to_string(),
        text: g.text.clone(),
        why: g.why.clone(),
        strengths: g.strengths.clone(),
        status: status_name(t, g.status),
        status_class: g.status.as_str(),
        target: g.target_date.map(|d| d.to_string()).unwrap_or_default(),
        steps: g
            .steps
            .iter()
            .map(|s| StepView {
                what: s.what.clone(),
                who: s.who.clone(),
                by: s.by.map(|d| d.to_string()).unwrap_or_default(),
                done: s.done,
            })
            .collect(),
        supports: g.supports.clone(),
        notes: g.notes.iter().rev().take(3).map(|n| (n.date.to_string(), n.text.clone())).collect(),
        edit_href: format!("{base}/plan/goals/{}/edit", g.id),
    }
}

pub fn dimensions(t: Tr, base: &str, plan: &PlanContent) -> Vec<DimensionView> {
    Dimension::ALL
        .into_iter()
        .map(|d| DimensionView {
            key: d.as_str(),
            name: dimension_name(t, d),
            hint: t.get(&format!("dimension-{}-hint", d.as_str())),
            goals: plan.goals_in(d).map(|g| goal_view(t, base, g)).collect(),
            add_href: format!("{base}/plan/goals/new?dimension={}", d.as_str()),
        })
        .collect()
}

/// One line describing a change, for the history page.
pub fn change_text(t: Tr, c: &Change) -> String {
    let or_none = |s: String| if s.is_empty() { t.get("not-given") } else { s };
    match c {
        Change::PathwayAdded { pathway } => t.arg("change-pathway-added", "pathway", &pathway_name(t, *pathway)),
        Change::PathwayRemoved { pathway } => t.arg("change-pathway-removed", "pathway", &pathway_name(t, *pathway)),
        Change::StageChanged { to, .. } => {
            t.arg("change-stage", "stage", &or_none(to.map(|s| stage_name(t, s)).unwrap_or_default()))
        }
        Change::ReviewDateChanged { to, .. } => {
            t.arg("change-review-date", "date", &or_none(to.map(|d| d.to_string()).unwrap_or_default()))
        }
        Change::GoalAdded { dimension, text } => {
            format!("{} ({}): “{text}”", t.get("change-goal-added"), dimension_name(t, *dimension))
        }
        Change::GoalRemoved { dimension, text } => {
            format!("{} ({}): “{text}”", t.get("change-goal-removed"), dimension_name(t, *dimension))
        }
        Change::GoalChanged { goal, field, from, to } => {
            let label = t.get(&format!("goal-field-{}", field.replace('_', "-")));
            let (from, to) = match *field {
                "status" => (
                    GoalStatus::parse(from).map(|s| status_name(t, s)).unwrap_or_default(),
                    GoalStatus::parse(to).map(|s| status_name(t, s)).unwrap_or_default(),
                ),
                "dimension" => (
                    from.parse().map(|d| dimension_name(t, d)).unwrap_or_default(),
                    to.parse().map(|d| dimension_name(t, d)).unwrap_or_default(),
                ),
                _ => (from.clone(), to.clone()),
            };
            if *field == "notes" {
                format!("“{goal}” — {label}: {to}")
            } else {
                format!("“{goal}” — {label}: {} → {}", or_none(from), or_none(to))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use pathways_domain::locale::Locale;

    use super::*;

    /// Labels built from enum values are not found by the catalog scan; check each one here.
    #[test]
    fn every_plan_label_exists_in_both_languages() {
        for locale in Locale::ALL {
            let t = Tr::new(locale);
            let mut labels: Vec<String> = Vec::new();
            labels.extend(Dimension::ALL.into_iter().map(|d| dimension_name(t, d)));
            labels.extend(Dimension::ALL.into_iter().map(|d| t.get(&format!("dimension-{}-hint", d.as_str()))));
            labels.extend(Pathway::ALL.into_iter().map(|p| pathway_name(t, p)));
            labels.extend(Stage::ALL.into_iter().map(|s| stage_name(t, s)));
            labels.extend(GoalStatus::ALL.into_iter().map(|s| status_name(t, s)));
            for field in [
                "text",
                "dimension",
                "why",
                "strengths",
                "status",
                "target_date",
                "steps",
                "supports",
                "notes",
                "id",
                "goals",
            ] {
                labels.push(t.get(&format!("goal-field-{}", field.replace('_', "-"))));
            }
            for field in ["pathway_other", "review_date"] {
                labels.push(t.get(&format!("plan-{}", field.replace('_', "-"))));
            }
            for l in labels {
                assert!(
                    !l.contains("Unknown localization") && !l.starts_with("goal-") && !l.starts_with("plan-"),
                    "{locale}: {l}"
                );
            }
        }
    }
}
