//! The finder's vocabularies: the shipped recovery taxonomy and the Meeting Guide meeting types, and the words each
//! category and meeting type brings to a listing.

use std::collections::HashMap;
use std::sync::OnceLock;

use pathways_domain::taxonomy::Taxonomy;

/// The shipped recovery taxonomy.
pub fn taxonomy() -> &'static Taxonomy {
    static T: OnceLock<Taxonomy> = OnceLock::new();
    T.get_or_init(|| match Taxonomy::parse(include_str!("../../../../data/taxonomy/recovery.json")) {
        Ok(t) => t,
        // The file is part of the build and checked by the domain's tests; an empty taxonomy keeps the finder up.
        Err(e) => {
            tracing::error!(error = %e, "the shipped taxonomy cannot be read");
            Taxonomy {
                taxonomy: pathways_domain::taxonomy::TaxonomyInfo {
                    id: String::new(),
                    name: String::new(),
                    description: String::new(),
                    uri: String::new(),
                    version: String::new(),
                },
                terms: Vec::new(),
                attributes: std::collections::BTreeMap::new(),
            }
        }
    })
}

/// Meeting Guide meeting types and their names by language.
pub fn meeting_types() -> &'static HashMap<String, HashMap<String, String>> {
    static T: OnceLock<HashMap<String, HashMap<String, String>>> = OnceLock::new();
    T.get_or_init(|| {
        serde_json::from_str(include_str!("../../../../data/meeting-guide/types.json")).unwrap_or_default()
    })
}

/// What a category code brings to a listing: itself and its parents (nearest first), and the words to find it
/// by (the names in both languages and the keywords of each, in one text: the index splits a text it has seen
/// before only once).
pub(super) struct CategoryWords {
    pub(super) lineage: Vec<&'static str>,
    pub(super) keywords: String,
}

pub(super) fn category_words(code: &str) -> Option<&'static CategoryWords> {
    static T: OnceLock<HashMap<&'static str, CategoryWords>> = OnceLock::new();
    let all = T.get_or_init(|| {
        let tax = taxonomy();
        tax.terms
            .iter()
            .map(|term| {
                let lineage: Vec<&'static str> =
                    tax.lineage(&term.code).iter().filter_map(|c| tax.term(c)).map(|t| t.code.as_str()).collect();
                let keywords: Vec<&str> = lineage
                    .iter()
                    .filter_map(|c| tax.term(c))
                    .flat_map(|t| {
                        [t.en.as_str(), t.es.as_str()].into_iter().chain(t.keywords.iter().map(String::as_str))
                    })
                    .collect();
                (term.code.as_str(), CategoryWords { lineage, keywords: keywords.join(" | ") })
            })
            .collect()
    });
    all.get(code)
}

/// A meeting type's names in English and Spanish, in one text.
pub(super) fn type_words(code: &str) -> Option<&'static str> {
    static T: OnceLock<HashMap<&'static str, String>> = OnceLock::new();
    let all = T.get_or_init(|| {
        meeting_types()
            .iter()
            .map(|(code, names)| {
                let both: Vec<&str> = ["en", "es"].iter().filter_map(|l| names.get(*l)).map(String::as_str).collect();
                (code.as_str(), both.join(" | "))
            })
            .collect()
    });
    all.get(code).map(String::as_str)
}
