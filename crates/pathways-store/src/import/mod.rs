//! `pathways import …`: bring outside directory data in. Each importer turns its format into
//! [`crate::directory::SourceRecord`]s and applies the whole source in one transaction, so a run either
//! lands completely or leaves nothing half-written; bad records are reported and skipped, never fatal.

pub mod meeting_guide;

use std::fmt::Write as _;

use crate::directory::ImportCounts;

/// One record the importer would not take, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Where it is in the input: `record 12` (0-based, as in the array) or `line 40`.
    pub at: String,
    pub field: String,
    pub reason: String,
}

/// The run's report, as printed.
pub fn report(counts: &ImportCounts, rejected: &[Rejected]) -> String {
    let mut out = format!(
        "added {}, updated {}, unchanged {}, retired {}, rejected {}\n",
        counts.added,
        counts.updated,
        counts.unchanged,
        counts.retired,
        rejected.len()
    );
    for r in rejected {
        let _ = writeln!(out, "rejected {}: {}: {}", r.at, r.field, r.reason);
    }
    out
}

/// The centre of a US ZIP code and its time zone, for places a source gives no coordinates for.
pub fn zip_centre(zip: &str) -> Option<(f64, f64, String)> {
    let five: String = zip.trim().chars().take(5).collect();
    let z = zipcodes::matching(&five, None).ok()?.into_iter().next()?;
    Some((z.lat.parse().ok()?, z.long.parse().ok()?, z.timezone))
}
