//! The person-centered recovery plan: goals in the person's own words across the four dimensions, the
//! pathways they choose, their stage, and a review date. Each save is a new immutable version; a save names the
//! version it edits, and a stale save is a conflict, never a silent overwrite.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::dimension::Dimension;

/// Ways of recovery a person may choose, several at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pathway {
    ClinicalTreatment,
    Medication,
    MutualHelp,
    PeerCoaching,
    FaithBased,
    SelfManagement,
    HarmReduction,
    Other,
}

impl Pathway {
    pub const ALL: [Pathway; 8] = [
        Pathway::ClinicalTreatment,
        Pathway::Medication,
        Pathway::MutualHelp,
        Pathway::PeerCoaching,
        Pathway::FaithBased,
        Pathway::SelfManagement,
        Pathway::HarmReduction,
        Pathway::Other,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Pathway::ClinicalTreatment => "clinical_treatment",
            Pathway::Medication => "medication",
            Pathway::MutualHelp => "mutual_help",
            Pathway::PeerCoaching => "peer_coaching",
            Pathway::FaithBased => "faith_based",
            Pathway::SelfManagement => "self_management",
            Pathway::HarmReduction => "harm_reduction",
            Pathway::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// Stages of recovery.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Engagement,
    Stabilization,
    Maintenance,
    QualityOfLife,
}

impl Stage {
    pub const ALL: [Stage; 4] = [Stage::Engagement, Stage::Stabilization, Stage::Maintenance, Stage::QualityOfLife];

    pub const fn as_str(self) -> &'static str {
        match self {
            Stage::Engagement => "engagement",
            Stage::Stabilization => "stabilization",
            Stage::Maintenance => "maintenance",
            Stage::QualityOfLife => "quality_of_life",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    NotStarted,
    InProgress,
    Achieved,
    SetAside,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] =
        [GoalStatus::NotStarted, GoalStatus::InProgress, GoalStatus::Achieved, GoalStatus::SetAside];

    pub const fn as_str(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "not_started",
            GoalStatus::InProgress => "in_progress",
            GoalStatus::Achieved => "achieved",
            GoalStatus::SetAside => "set_aside",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionStep {
    pub what: String,
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub by: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressNote {
    pub date: NaiveDate,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    /// Stable across versions, so history can say which goal changed.
    pub id: Uuid,
    pub dimension: Dimension,
    /// In the person's own words.
    pub text: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub strengths: String,
    #[serde(default)]
    pub steps: Vec<ActionStep>,
    /// People and services that help (free text; a service can be named from the directory).
    #[serde(default)]
    pub supports: Vec<String>,
    #[serde(default)]
    pub target_date: Option<NaiveDate>,
    #[serde(default)]
    pub status: GoalStatus,
    #[serde(default)]
    pub notes: Vec<ProgressNote>,
}

/// The content of one plan version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanContent {
    #[serde(default)]
    pub pathways: BTreeSet<Pathway>,
    /// Words for "other", when chosen.
    #[serde(default)]
    pub pathway_other: String,
    #[serde(default)]
    pub stage: Option<Stage>,
    #[serde(default)]
    pub review_date: Option<NaiveDate>,
    #[serde(default)]
    pub goals: Vec<Goal>,
}

/// One problem in a plan, with the path of the field (`goals[2].steps[0].what`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanError {
    pub path: String,
    pub code: &'static str,
}

pub const MAX_GOALS: usize = 60;
pub const MAX_STEPS: usize = 30;
pub const MAX_SUPPORTS: usize = 30;
pub const MAX_NOTES: usize = 300;

impl PlanContent {
    /// Trims every text and checks every bound; returns the cleaned plan or every problem found.
    pub fn validated(mut self) -> Result<Self, Vec<PlanError>> {
        let mut errors = Vec::new();
        check(&mut errors, "pathway_other".into(), &mut self.pathway_other, 200, false);
        let mut ids = BTreeSet::new();
        for (g, goal) in self.goals.iter_mut().enumerate() {
            check(&mut errors, format!("goals[{g}].text"), &mut goal.text, 500, true);
            check(&mut errors, format!("goals[{g}].why"), &mut goal.why, 1000, false);
            check(&mut errors, format!("goals[{g}].strengths"), &mut goal.strengths, 1000, false);
            for (s, step) in goal.steps.iter_mut().enumerate() {
                check(&mut errors, format!("goals[{g}].steps[{s}].what"), &mut step.what, 300, true);
                check(&mut errors, format!("goals[{g}].steps[{s}].who"), &mut step.who, 100, false);
            }
            goal.supports.iter_mut().for_each(|s| *s = s.trim().to_owned());
            goal.supports.retain(|s| !s.is_empty());
            for (i, support) in goal.supports.iter_mut().enumerate() {
                check(&mut errors, format!("goals[{g}].supports[{i}]"), support, 200, true);
            }
            for (n, note) in goal.notes.iter_mut().enumerate() {
                check(&mut errors, format!("goals[{g}].notes[{n}].text"), &mut note.text, 2000, true);
            }
            if goal.steps.len() > MAX_STEPS {
                errors.push(PlanError { path: format!("goals[{g}].steps"), code: "too-many" });
            }
            if goal.supports.len() > MAX_SUPPORTS {
                errors.push(PlanError { path: format!("goals[{g}].supports"), code: "too-many" });
            }
            if goal.notes.len() > MAX_NOTES {
                errors.push(PlanError { path: format!("goals[{g}].notes"), code: "too-many" });
            }
            if !ids.insert(goal.id) {
                errors.push(PlanError { path: format!("goals[{g}].id"), code: "duplicate" });
            }
        }
        if self.goals.len() > MAX_GOALS {
            errors.push(PlanError { path: "goals".into(), code: "too-many" });
        }
        if errors.is_empty() { Ok(self) } else { Err(errors) }
    }

    pub fn goals_in(&self, d: Dimension) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(move |g| g.dimension == d)
    }

    pub fn goal(&self, id: Uuid) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// Whether the review date has passed (or is today).
    pub fn review_due(&self, today: NaiveDate) -> bool {
        self.review_date.is_some_and(|d| d <= today)
    }
}

/// A save that named an older version than the current one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaleVersion {
    pub current: i32,
    pub given: i32,
}

/// The optimistic-concurrency rule: a save must name the version it was made from.
pub fn check_version(current: i32, given: i32) -> Result<(), StaleVersion> {
    if current == given { Ok(()) } else { Err(StaleVersion { current, given }) }
}

/// One readable change between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    PathwayAdded {
        pathway: Pathway,
    },
    PathwayRemoved {
        pathway: Pathway,
    },
    StageChanged {
        from: Option<Stage>,
        to: Option<Stage>,
    },
    ReviewDateChanged {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    GoalAdded {
        dimension: Dimension,
        text: String,
    },
    GoalRemoved {
        dimension: Dimension,
        text: String,
    },
    /// `field` is one of text, why, strengths, status, target_date, dimension, steps, supports, notes.
    GoalChanged {
        goal: String,
        field: &'static str,
        from: String,
        to: String,
    },
}

/// What changed from `old` to `new`, in a stable order: plan-level fields, then goals in the new order, then
/// removed goals.
pub fn diff(old: &PlanContent, new: &PlanContent) -> Vec<Change> {
    let mut out = Vec::new();
    for p in new.pathways.difference(&old.pathways) {
        out.push(Change::PathwayAdded { pathway: *p });
    }
    for p in old.pathways.difference(&new.pathways) {
        out.push(Change::PathwayRemoved { pathway: *p });
    }
    if old.stage != new.stage {
        out.push(Change::StageChanged { from: old.stage, to: new.stage });
    }
    if old.review_date != new.review_date {
        out.push(Change::ReviewDateChanged { from: old.review_date, to: new.review_date });
    }
    for g in &new.goals {
        let Some(before) = old.goal(g.id) else {
            out.push(Change::GoalAdded { dimension: g.dimension, text: g.text.clone() });
            continue;
        };
        let mut field = |name: &'static str, a: String, b: String| {
            if a != b {
                out.push(Change::GoalChanged { goal: g.text.clone(), field: name, from: a, to: b });
            }
        };
        field("text", before.text.clone(), g.text.clone());
        field("dimension", before.dimension.to_string(), g.dimension.to_string());
        field("why", before.why.clone(), g.why.clone());
        field("strengths", before.strengths.clone(), g.strengths.clone());
        field("status", before.status.as_str().into(), g.status.as_str().into());
        field("target_date", date_text(before.target_date), date_text(g.target_date));
        field("steps", steps_text(&before.steps), steps_text(&g.steps));
        field("supports", before.supports.join("; "), g.supports.join("; "));
        if g.notes.len() != before.notes.len() || g.notes != before.notes {
            let added: Vec<String> =
                g.notes.iter().filter(|n| !before.notes.contains(n)).map(|n| n.text.clone()).collect();
            field("notes", String::new(), added.join("; "));
        }
    }
    for g in &old.goals {
        if new.goal(g.id).is_none() {
            out.push(Change::GoalRemoved { dimension: g.dimension, text: g.text.clone() });
        }
    }
    out
}

/// Trims `text` and records a problem when it is missing, too long, or has control characters.
fn check(errors: &mut Vec<PlanError>, path: String, text: &mut String, max: usize, required: bool) {
    *text = text.trim().to_owned();
    if required && text.is_empty() {
        errors.push(PlanError { path, code: "required" });
    } else if text.chars().count() > max {
        errors.push(PlanError { path, code: "too-long" });
    } else if text.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        errors.push(PlanError { path, code: "invalid-characters" });
    }
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn steps_text(steps: &[ActionStep]) -> String {
    steps
        .iter()
        .map(|s| {
            let mut t = s.what.clone();
            if !s.who.is_empty() {
                t.push_str(&format!(" ({})", s.who));
            }
            if let Some(by) = s.by {
                t.push_str(&format!(" by {by}"));
            }
            if s.done {
                t.push_str(" ✓");
            }
            t
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn goal(d: Dimension, text: &str) -> Goal {
        Goal {
            id: Uuid::now_v7(),
            dimension: d,
            text: text.into(),
            why: String::new(),
            strengths: String::new(),
            steps: Vec::new(),
            supports: Vec::new(),
            target_date: None,
            status: GoalStatus::NotStarted,
            notes: Vec::new(),
        }
    }

    #[test]
    fn validation_trims_and_names_paths() {
        let mut p = PlanContent::default();
        p.goals.push(goal(Dimension::Home, "  find a sober living house  "));
        p.goals.push(goal(Dimension::Health, "   "));
        p.goals[0].steps.push(ActionStep { what: "".into(), who: "me".into(), by: None, done: false });
        p.goals[0].supports = vec!["  ".into(), "Sam".into()];
        let errors = p.clone().validated().expect_err("invalid");
        let paths: Vec<_> = errors.iter().map(|e| (e.path.as_str(), e.code)).collect();
        assert_eq!(paths, vec![("goals[0].steps[0].what", "required"), ("goals[1].text", "required")]);
        p.goals.pop();
        p.goals[0].steps[0].what = "call the house manager".into();
        let ok = p.validated().expect("valid");
        assert_eq!(ok.goals[0].text, "find a sober living house");
        assert_eq!(ok.goals[0].supports, vec!["Sam".to_owned()]);
    }

    #[test]
    fn duplicate_goal_ids_are_refused() {
        let g = goal(Dimension::Purpose, "go back to school");
        let p = PlanContent { goals: vec![g.clone(), g], ..PlanContent::default() };
        assert_eq!(p.validated().expect_err("dup")[0].code, "duplicate");
    }

    #[test]
    fn a_stale_save_is_a_conflict() {
        assert_eq!(check_version(3, 3), Ok(()));
        assert_eq!(check_version(4, 3), Err(StaleVersion { current: 4, given: 3 }));
    }

    #[test]
    fn the_diff_reads_like_what_happened() {
        let mut old = PlanContent::default();
        old.goals.push(goal(Dimension::Home, "find housing"));
        old.goals.push(goal(Dimension::Community, "join a group"));
        let mut new = old.clone();
        new.pathways.insert(Pathway::MutualHelp);
        new.stage = Some(Stage::Stabilization);
        new.goals[0].status = GoalStatus::InProgress;
        new.goals.remove(1);
        new.goals.push(goal(Dimension::Purpose, "get my license back"));
        let changes = diff(&old, &new);
        assert_eq!(
            changes,
            vec![
                Change::PathwayAdded { pathway: Pathway::MutualHelp },
                Change::StageChanged { from: None, to: Some(Stage::Stabilization) },
                Change::GoalChanged {
                    goal: "find housing".into(),
                    field: "status",
                    from: "not_started".into(),
                    to: "in_progress".into()
                },
                Change::GoalAdded { dimension: Dimension::Purpose, text: "get my license back".into() },
                Change::GoalRemoved { dimension: Dimension::Community, text: "join a group".into() },
            ]
        );
        assert!(diff(&new, &new).is_empty());
    }

    #[test]
    fn review_is_due_on_the_day() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        let p = PlanContent { review_date: Some(d), ..PlanContent::default() };
        assert!(!p.review_due(d.pred_opt().expect("date")));
        assert!(p.review_due(d));
    }

    proptest! {
        #[test]
        fn the_diff_of_a_plan_with_itself_is_empty_and_json_round_trips(texts in proptest::collection::vec("[a-z ]{1,30}", 0..6)) {
            let mut p = PlanContent::default();
            for (i, t) in texts.iter().enumerate() {
                p.goals.push(goal(Dimension::ALL[i % 4], t));
            }
            prop_assert!(diff(&p, &p).is_empty());
            let json = serde_json::to_string(&p).expect("json");
            let back: PlanContent = serde_json::from_str(&json).expect("parse");
            prop_assert_eq!(back, p);
        }
    }
}
