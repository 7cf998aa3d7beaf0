//! BARC-10 recovery-capital assessments, for staff (`/persons/{id}/assessments…`) and the person
//! (`/me/assessments…`).

pub mod create_assessment;
pub mod list_assessments;
pub mod new_assessment;
pub mod show_assessment;

pub use create_assessment::create_assessment;
pub use list_assessments::list_assessments;
pub use new_assessment::new_assessment;
pub use show_assessment::show_assessment;

use crate::chart::{LineChart, line_chart};
use pathways_store::model::Assessment;

/// The trend of totals, oldest first, on the 10–60 scale with the cut-off marked.
pub fn trend(assessments: &[Assessment]) -> LineChart {
    let values: Vec<(String, i64)> =
        assessments.iter().map(|a| (a.taken_at.format("%Y-%m-%d").to_string(), i64::from(a.total))).collect();
    line_chart(&values, 10, 60, &[10, 20, 30, 40, 50, 60], Some(i64::from(pathways_domain::barc10::CUTOFF)))
}
