//! FHIR search parameters (R4, https://hl7.org/fhir/R4/search.html): the ones Pathways answers — `patient`, `_id`,
//! `_lastUpdated` (repeatable: each one must hold; its rule is `pathways_domain::fhir_date`), `_count`, `_offset` —
//! read from the query string.

use chrono::{DateTime, Utc};
pub use pathways_domain::fhir_date::DateParam;

/// The largest page a search returns, and the default.
pub const MAX_COUNT: u64 = 100;
pub const DEFAULT_COUNT: u64 = 50;

/// The parameters of a FHIR search, as Pathways reads them. Parameters Pathways does not know are ignored, as the
/// spec lets a server do (search.html#errors: "lenient" handling).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchParams {
    /// `patient`: `Patient/{id}` or the bare id, trimmed.
    pub patient: Option<String>,
    pub id: Option<String>,
    pub last_updated: Vec<DateParam>,
    pub offset: u64,
    pub count: u64,
    /// The query to repeat in paging links (every parameter but `_count` and `_offset`, encoded).
    pub query: String,
}

impl SearchParams {
    /// Reads a raw query string. `patient`, `_id`, `_count` and `_offset` may be given once; `_lastUpdated` any
    /// number of times (each must hold); a parameter with an empty value is ignored. The error names the parameter.
    pub fn parse(raw: Option<&str>) -> Result<SearchParams, String> {
        let mut p = SearchParams { count: DEFAULT_COUNT, ..SearchParams::default() };
        let (mut count, mut offset) = (None, None);
        let mut keep = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
            // A parameter without a value is ignored, as if it were not given.
            if v.trim().is_empty() {
                continue;
            }
            let once = |slot: &mut Option<String>| {
                if slot.is_some() {
                    return Err(format!("{k} is given more than once"));
                }
                *slot = Some(v.trim().to_owned());
                Ok(())
            };
            match k.as_ref() {
                "patient" => once(&mut p.patient)?,
                "_id" => once(&mut p.id)?,
                "_count" => once(&mut count)?,
                "_offset" => once(&mut offset)?,
                "_lastUpdated" => p.last_updated.push(DateParam::parse(&v)?),
                _ => continue,
            }
            if !matches!(k.as_ref(), "_count" | "_offset") {
                keep.append_pair(&k, v.trim());
            }
        }
        if let Some(c) = count {
            p.count = c
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=MAX_COUNT).contains(n))
                .ok_or_else(|| format!("_count must be a whole number from 1 to {MAX_COUNT}"))?;
        }
        if let Some(o) = offset {
            p.offset = o
                .parse::<u64>()
                .ok()
                .filter(|n| i64::try_from(*n).is_ok())
                .ok_or_else(|| format!("_offset must be a whole number from 0 to {}", i64::MAX))?;
        }
        p.query = keep.finish();
        Ok(p)
    }

    /// The person's id from `patient`, when it is one (`Patient/{id}` or the bare id).
    pub fn patient_id(&self) -> Option<&str> {
        self.patient.as_deref().map(|p| p.strip_prefix("Patient/").unwrap_or(p))
    }

    /// Whether a resource with this id and `meta.lastUpdated` passes `_id` and every `_lastUpdated`. A resource
    /// without a `lastUpdated` never passes a `_lastUpdated`.
    pub fn keeps(&self, id: Option<&str>, last_updated: Option<DateTime<Utc>>) -> bool {
        self.id.as_deref().is_none_or(|want| id == Some(want))
            && self.last_updated.iter().all(|d| last_updated.is_some_and(|t| d.matches(t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
    }

    #[test]
    fn search_parameters_are_read_once_except_last_updated() {
        let p = SearchParams::parse(Some(
            "patient=Patient%2F42&_lastUpdated=ge2026-01&_lastUpdated=lt2026-02&_count=10&_offset=20&_sort=x",
        ));
        let p = p.unwrap_or_default();
        assert_eq!(p.patient_id(), Some("42"));
        assert_eq!((p.offset, p.count, p.last_updated.len()), (20, 10, 2));
        assert_eq!(p.query, "patient=Patient%2F42&_lastUpdated=ge2026-01&_lastUpdated=lt2026-02");
        assert!(p.keeps(Some("a"), Some(at("2026-01-15T00:00:00Z"))));
        assert!(!p.keeps(Some("a"), Some(at("2026-02-01T00:00:00Z"))));
        assert!(!p.keeps(Some("a"), None));
        assert_eq!(SearchParams::parse(None).map(|p| (p.offset, p.count)), Ok((0, DEFAULT_COUNT)));
        let empty = SearchParams::parse(Some("patient=&_id=&_lastUpdated=&_count=")).unwrap_or_default();
        assert_eq!((empty.patient, empty.id, empty.last_updated.len(), empty.count), (None, None, 0, DEFAULT_COUNT));
        for (q, word) in [
            ("patient=1&patient=2", "patient is given more than once"),
            ("_count=0", "_count"),
            ("_count=101", "_count"),
            ("_count=ten", "_count"),
            ("_offset=-1", "_offset"),
            ("_offset=9223372036854775808", "_offset"),
            ("_lastUpdated=soon", "_lastUpdated"),
        ] {
            let e = SearchParams::parse(Some(q));
            assert!(e.as_ref().is_err_and(|e| e.contains(word)), "{q}: {e:?}");
        }
    }

    #[test]
    fn id_filters_exactly() {
        let p = SearchParams::parse(Some("_id=abc")).unwrap_or_default();
        assert!(p.keeps(Some("abc"), None));
        assert!(!p.keeps(Some("abcd"), None));
        assert!(!p.keeps(None, None));
    }
}
