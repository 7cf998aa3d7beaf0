//! Reading the plan forms. Forms carry a variable number of action steps, so they arrive as name/value pairs.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use pathways_domain::dimension::Dimension;
use pathways_domain::plan::{ActionStep, Goal, GoalStatus, Pathway, PlanContent, ProgressNote, Stage};
use uuid::Uuid;

/// Name/value pairs of a posted form.
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> impl Iterator<Item = &str> {
        self.0.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The plan version the form was made from.
    pub fn version(&self) -> i32 {
        self.get("version").trim().parse().unwrap_or(-1)
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Problems that happen before the domain's checks: dates that aren't dates.
#[derive(Debug, Default)]
pub struct FormProblems(pub Vec<(String, &'static str)>);

/// Applies the goal form to `plan`: updates the goal `id`, or adds a new goal when `id` is `None`.
pub fn apply_goal_form(plan: &mut PlanContent, id: Option<Uuid>, f: &Fields, today: NaiveDate) -> FormProblems {
    let mut problems = FormProblems::default();
    let read_date = |name: &str, problems: &mut FormProblems| -> Option<NaiveDate> {
        let raw = f.get(name);
        if raw.trim().is_empty() {
            return None;
        }
        let d = date(raw);
        if d.is_none() {
            problems.0.push((name.to_owned(), "invalid-date"));
        }
        d
    };
    let existing = id.and_then(|id| plan.goals.iter().position(|g| g.id == id));
    let mut goal = existing
        .map(|i| plan.goals[i].clone())
        .unwrap_or_else(|| Goal { id: Uuid::now_v7(), ..super::goal_form::blank_goal(Dimension::Health) });
    if let Ok(d) = f.get("dimension").parse() {
        goal.dimension = d;
    }
    goal.text = f.get("text").to_owned();
    goal.why = f.get("why").to_owned();
    goal.strengths = f.get("strengths").to_owned();
    goal.status = GoalStatus::parse(f.get("status")).unwrap_or(goal.status);
    goal.target_date = read_date("target_date", &mut problems);
    goal.supports = f.get("supports").lines().map(str::to_owned).collect();
    let mut steps = Vec::new();
    for i in 0..pathways_domain::plan::MAX_STEPS {
        let what = f.get(&format!("step_what_{i}"));
        let who = f.get(&format!("step_who_{i}"));
        let by_name = format!("step_by_{i}");
        if what.trim().is_empty() && who.trim().is_empty() && f.get(&by_name).trim().is_empty() {
            continue;
        }
        let by = read_date(&by_name, &mut problems);
        steps.push(ActionStep {
            what: what.to_owned(),
            who: who.to_owned(),
            by,
            done: f.get(&format!("step_done_{i}")) == "on",
        });
    }
    goal.steps = steps;
    let note = f.get("new_note");
    if !note.trim().is_empty() {
        goal.notes.push(ProgressNote { date: today, text: note.to_owned() });
    }
    match existing {
        Some(i) => plan.goals[i] = goal,
        None => plan.goals.push(goal),
    }
    problems
}

/// Applies the pathways/stage/review form.
pub fn apply_plan_form(plan: &mut PlanContent, f: &Fields) -> FormProblems {
    let mut problems = FormProblems::default();
    plan.pathways = f.all("pathway").filter_map(Pathway::parse).collect::<BTreeSet<_>>();
    plan.pathway_other =
        if plan.pathways.contains(&Pathway::Other) { f.get("pathway_other").to_owned() } else { String::new() };
    plan.stage = Stage::parse(f.get("stage"));
    let review = f.get("review_date");
    plan.review_date = if review.trim().is_empty() {
        None
    } else {
        let d = date(review);
        if d.is_none() {
            problems.0.push(("review_date".into(), "invalid-date"));
        }
        d
    };
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        Fields(pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect())
    }

    #[test]
    fn a_new_goal_with_steps_and_a_note() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let mut plan = PlanContent::default();
        let f = fields(&[
            ("dimension", "home"),
            ("text", "Move into a recovery residence"),
            ("step_what_0", "Call two houses"),
            ("step_who_0", "me"),
            ("step_by_0", "2026-12-01"),
            ("step_what_2", "Visit"),
            ("step_done_2", "on"),
            ("supports", "Casey\nHousing program"),
            ("new_note", "Feeling hopeful"),
        ]);
        assert!(apply_goal_form(&mut plan, None, &f, today).0.is_empty());
        let g = &plan.goals[0];
        assert_eq!(g.dimension, Dimension::Home);
        assert_eq!(g.steps.len(), 2);
        assert!(g.steps[1].done);
        assert_eq!(g.supports.len(), 2);
        assert_eq!(g.notes[0].date, today);
    }

    #[test]
    fn bad_dates_are_reported_by_field() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let mut plan = PlanContent::default();
        let f = fields(&[("text", "x"), ("target_date", "soon"), ("step_what_0", "y"), ("step_by_0", "31/12")]);
        let p = apply_goal_form(&mut plan, None, &f, today);
        assert_eq!(p.0, vec![("target_date".to_owned(), "invalid-date"), ("step_by_0".to_owned(), "invalid-date")]);
    }
}
