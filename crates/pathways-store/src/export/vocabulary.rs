//! The taxonomies an export names, as HSDS `taxonomy` and `taxonomy_term` objects with stable ids.
//!
//! Attributes in the directory's documents carry a link type and a code; the term behind them comes from one of
//! three vocabularies:
//! - `category`: the Pathways recovery taxonomy (`data/taxonomy/recovery.json`), whose id is in the file; a term's
//!   id is the UUIDv5 of its code in that id, its parent the same of the parent's code.
//! - `attribute`: the listing facets of the same file (`cost:medicaid`), exported as a second taxonomy, "Pathways
//!   listing attributes" (UUIDv5 of `attributes` in the recovery taxonomy's id): one top-level term per vocabulary
//!   (`cost`) and its values beneath it.
//! - `meeting_type`: the Meeting Guide meeting types (`data/meeting-guide/types.json`), a taxonomy whose id is the
//!   UUIDv5 of the specification's URL in the URL namespace, so anyone can derive the same ids.
//!
//! Codes a vocabulary doesn't list still get a term (named by the document, or by the code) in the taxonomy of their
//! link type, with the same kind of id, so the same code always has the same id.

use std::collections::HashMap;

use pathways_domain::taxonomy::Taxonomy;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::clean::{as_uuid, text};

/// Where the Meeting Guide meeting types are specified.
pub const MEETING_GUIDE_SPEC: &str = "https://github.com/code4recovery/spec";

/// The English names of the listing facets of the recovery taxonomy file.
const FACETS: &[(&str, &str)] = &[
    ("pathway", "Recovery pathway"),
    ("faith", "Faith-based or secular"),
    ("population", "Population served"),
    ("cost", "Cost and insurance"),
    ("mode", "How to attend"),
    ("wheelchair", "Wheelchair access"),
];

/// The vocabularies the directory's attributes use.
#[derive(Clone, Copy, Debug)]
pub struct Vocabularies<'a> {
    pub recovery: &'a Taxonomy,
    /// Meeting Guide type code → language code → name.
    pub meeting_types: &'a HashMap<String, HashMap<String, String>>,
}

impl Vocabularies<'_> {
    pub fn recovery_id(&self) -> Uuid {
        Uuid::parse_str(&self.recovery.taxonomy.id)
            .unwrap_or_else(|_| Uuid::new_v5(&Uuid::NAMESPACE_URL, self.recovery.taxonomy.uri.as_bytes()))
    }

    pub fn attributes_id(&self) -> Uuid {
        Uuid::new_v5(&self.recovery_id(), b"attributes")
    }

    pub fn meeting_types_id() -> Uuid {
        Uuid::new_v5(&Uuid::NAMESPACE_URL, MEETING_GUIDE_SPEC.as_bytes())
    }

    /// The three taxonomies.
    pub fn taxonomies(&self) -> Vec<Value> {
        let r = &self.recovery.taxonomy;
        vec![
            json!({ "id": self.recovery_id(), "name": r.name, "description": r.description, "uri": r.uri,
                    "version": r.version }),
            json!({ "id": self.attributes_id(), "name": "Pathways listing attributes",
                    "description": "Facets of a listing in the Pathways directory: recovery pathway, faith-based or \
                                    secular, population served, cost and insurance, how to attend, wheelchair access.",
                    "version": r.version }),
            json!({ "id": Self::meeting_types_id(), "name": "Meeting Guide meeting types",
                    "description": "The meeting type codes of the Meeting Guide feed specification, shared by the \
                                    Meeting Guide app, TSML UI and 12 Step Meeting List.",
                    "uri": MEETING_GUIDE_SPEC }),
        ]
    }

    /// Every term the vocabularies list: the recovery taxonomy, the facets and their values, the meeting types
    /// (by code).
    pub fn terms(&self) -> Vec<Value> {
        let mut out: Vec<Value> =
            self.recovery.terms.iter().filter_map(|t| self.term("category", &t.code, None)).collect();
        for (facet, values) in &self.recovery.attributes {
            out.push(self.facet(facet));
            out.extend(values.iter().filter_map(|a| self.term("attribute", &format!("{facet}:{}", a.code), None)));
        }
        let mut codes: Vec<&String> = self.meeting_types.keys().collect();
        codes.sort();
        out.extend(codes.into_iter().filter_map(|c| self.term("meeting_type", c, None)));
        out
    }

    fn facet(&self, facet: &str) -> Value {
        let taxonomy = self.attributes_id();
        let name = FACETS.iter().find(|(f, _)| *f == facet).map_or(facet, |(_, n)| n);
        term(
            Uuid::new_v5(&taxonomy, facet.as_bytes()),
            facet,
            name,
            name,
            None,
            "Pathways listing attributes",
            taxonomy,
        )
    }

    /// The term behind an attribute of `link_type` with `code`; `given` is the term the document carries, used for
    /// a code the vocabulary doesn't list. None for a link type of no vocabulary of ours (the document's term is
    /// kept then).
    pub fn term(&self, link_type: &str, code: &str, given: Option<&Map<String, Value>>) -> Option<Value> {
        let given_text = |key: &str| given.and_then(|g| g.get(key)).and_then(text);
        let given_name = given_text("name").filter(|n| n != code);
        match link_type {
            "category" => {
                let taxonomy = self.recovery_id();
                let id = Uuid::new_v5(&taxonomy, code.as_bytes());
                let tax_name = &self.recovery.taxonomy.name;
                Some(match self.recovery.term(code) {
                    Some(t) => {
                        let description = Some(t.description_en.as_str()).filter(|d| !d.is_empty()).unwrap_or(&t.en);
                        let parent = t.parent.as_deref().map(|p| Uuid::new_v5(&taxonomy, p.as_bytes()));
                        term(id, code, &t.en, description, parent, tax_name, taxonomy)
                    }
                    None => {
                        let name = given_name.unwrap_or_else(|| code.to_owned());
                        let description = given_text("description").unwrap_or_else(|| name.clone());
                        term(id, code, &name, &description, None, tax_name, taxonomy)
                    }
                })
            }
            "attribute" => {
                let taxonomy = self.attributes_id();
                let (facet, value) = code.split_once(':').unwrap_or(("", code));
                let name = self
                    .recovery
                    .attribute(facet, value)
                    .map(|a| a.en.clone())
                    .or(given_name)
                    .unwrap_or_else(|| value.to_owned());
                let facet_name = FACETS.iter().find(|(f, _)| *f == facet).map(|(_, n)| *n);
                let description = facet_name.map_or_else(|| name.clone(), |f| format!("{f}: {name}"));
                let parent = (!facet.is_empty()).then(|| Uuid::new_v5(&taxonomy, facet.as_bytes()));
                let id = Uuid::new_v5(&taxonomy, code.as_bytes());
                Some(term(id, code, &name, &description, parent, "Pathways listing attributes", taxonomy))
            }
            "meeting_type" => {
                let taxonomy = Self::meeting_types_id();
                let listed = self.meeting_types.get(code).and_then(|names| names.get("en")).cloned();
                let description = match &listed {
                    Some(_) => format!("Meeting Guide meeting type {code}"),
                    None => format!("Meeting type {code}, not one of the Meeting Guide specification's codes"),
                };
                let name = listed.or(given_name).unwrap_or_else(|| code.to_owned());
                let id = Uuid::new_v5(&taxonomy, code.as_bytes());
                Some(term(id, code, &name, &description, None, "Meeting Guide meeting types", taxonomy))
            }
            _ => None,
        }
    }

    /// The id a term of another vocabulary gets when its document gives none: the UUIDv5 of its code in the UUIDv5
    /// of its taxonomy's name.
    pub fn other_term_id(given: &Map<String, Value>, link_type: &str) -> Option<Uuid> {
        if let Some(id) = given.get("id").and_then(as_uuid) {
            return Some(id);
        }
        let code = given.get("code").and_then(text)?;
        let taxonomy = given.get("taxonomy").and_then(text).unwrap_or_else(|| link_type.to_owned());
        Some(Uuid::new_v5(&Uuid::new_v5(&Uuid::NAMESPACE_URL, taxonomy.as_bytes()), code.as_bytes()))
    }
}

fn term(
    id: Uuid,
    code: &str,
    name: &str,
    description: &str,
    parent: Option<Uuid>,
    taxonomy: &str,
    taxonomy_id: Uuid,
) -> Value {
    let mut t = json!({
        "id": id, "code": code, "name": name, "description": description, "taxonomy": taxonomy,
        "language": "en", "taxonomy_id": taxonomy_id,
    });
    if let Some(p) = parent {
        t["parent_id"] = json!(p);
    }
    t
}
