//! `pathways import …`: bring outside directory data in. Each importer turns its format into
//! [`crate::directory::SourceRecord`]s and applies the whole source in one transaction, so a run either
//! lands completely or leaves nothing half-written; bad records are reported and skipped, never fatal.

pub mod hsds;
pub mod hsds_lenient;
pub mod meeting_guide;

#[cfg(test)]
mod fuzz_tests;

use std::fmt::Write as _;

use crate::directory::ImportCounts;

/// One record the importer would not take, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Where it is in the input: `record 12` (0-based, as in the array) or `line 40`, after the file's name when an
    /// import reads several (`services.json record 3`, `services.csv line 40`).
    pub at: String,
    pub field: String,
    pub reason: String,
}

/// Something odd the importer took anyway (a foreign key to nothing, coordinates off the globe), and what it did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// Where it is in the input, as in [`Rejected::at`].
    pub at: String,
    pub field: String,
    pub reason: String,
}

/// The run's report, as printed.
pub fn report(counts: &ImportCounts, rejected: &[Rejected]) -> String {
    report_with_warnings(counts, rejected, &[])
}

/// The run's report with its warnings after the rejections (the first line is the same as [`report`]'s).
pub fn report_with_warnings(counts: &ImportCounts, rejected: &[Rejected], warnings: &[Warning]) -> String {
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
    for w in warnings {
        let _ = writeln!(out, "warning {}: {}: {}", w.at, w.field, w.reason);
    }
    out
}

/// The centre of a US ZIP code and its time zone, for places a source gives no coordinates for.
pub fn zip_centre(zip: &str) -> Option<(f64, f64, String)> {
    let z = zip_code(zip)?;
    Some((z.lat.parse().ok()?, z.long.parse().ok()?, z.timezone.clone()))
}

/// A US ZIP code's entry in the embedded database (the first five digits of `zip` are looked up), by hash:
/// the crate's own lookup scans all ~42,000 codes, which a search per request or an import per record can't
/// afford.
pub fn zip_code(zip: &str) -> Option<&'static zipcodes::Zipcode> {
    static BY_CODE: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static zipcodes::Zipcode>> =
        std::sync::OnceLock::new();
    let five = zip.trim().get(..5).unwrap_or_default();
    let all = BY_CODE.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for z in zipcodes::database() {
            m.entry(z.zip_code.as_str()).or_insert(z);
        }
        m
    });
    all.get(five).copied()
}

/// A town's centre: the mean of its ZIP codes' centres in the embedded database, with the first one's time zone
/// and the town's name as the database spells it.
#[derive(Clone, Debug, PartialEq)]
pub struct Town {
    pub lat: f64,
    pub lon: f64,
    pub tz: String,
    pub city: String,
}

/// The town named `city` (any case) in the state `state` (a two-letter code, any case), e.g.
/// `town_centre("west hartford", "ct")`; the finder's "near" and the importers share this list.
pub fn town_centre(city: &str, state: &str) -> Option<&'static Town> {
    static TOWNS: std::sync::OnceLock<std::collections::HashMap<(String, String), Town>> = std::sync::OnceLock::new();
    let all = TOWNS.get_or_init(|| {
        let mut sums: std::collections::HashMap<(String, String), (Town, f64)> = std::collections::HashMap::new();
        for z in zipcodes::database() {
            let (Ok(lat), Ok(lon)) = (z.lat.parse::<f64>(), z.long.parse::<f64>()) else { continue };
            let (t, n) = sums
                .entry((z.city.to_lowercase(), z.state.to_uppercase()))
                .or_insert_with(|| (Town { lat: 0.0, lon: 0.0, tz: z.timezone.clone(), city: z.city.clone() }, 0.0));
            t.lat += lat;
            t.lon += lon;
            *n += 1.0;
        }
        sums.into_iter().map(|(k, (t, n))| (k, Town { lat: t.lat / n, lon: t.lon / n, ..t })).collect()
    });
    all.get(&(city.trim().to_lowercase(), state.trim().to_uppercase()))
}
