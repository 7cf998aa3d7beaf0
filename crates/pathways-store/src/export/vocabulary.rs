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
//! - `recovery_residence`: the facts of a recovery residence in the registry (issue 19) — its NARR level of support,
//!   who it serves, whether residents on medication for opioid use disorder are welcome, its certificate — as
//!   "Pathways recovery residence facts" (UUIDv5 of `residence-facts` in the recovery taxonomy's id; its URI beneath
//!   the recovery taxonomy's): one top-level term per fact (`narr-level`) and its values beneath it
//!   (`narr-level:II`). These are Pathways' own codes: the level's value is NARR's numeral, but neither NARR nor Open
//!   Referral defines these terms, and the taxonomy says so.
//!
//! Codes a vocabulary doesn't list still get a term (named by the document, or by the code) in the taxonomy of their
//! link type, with the same kind of id, so the same code always has the same id.

use std::collections::HashMap;

use pathways_domain::housing::{NarrLevel, Population};
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

/// The link type of a recovery residence's attributes, and the name of their taxonomy.
pub const RESIDENCE_LINK: &str = "recovery_residence";
const RESIDENCE_TAXONOMY: &str = "Pathways recovery residence facts";

/// The facts of a recovery residence (the top-level terms of its taxonomy): code, name, description.
const RESIDENCE_FACTS: &[(&str, &str, &str)] = &[
    (
        "narr-level",
        "NARR level of support",
        "The kind of support a recovery residence gives, by the four levels of the NARR standard (I peer-run, II \
         monitored, III supervised, IV service provider). The levels are kinds of support, not a ranking: one is not \
         better than another.",
    ),
    ("serves", "Who the residence serves", "The residents a recovery residence serves, as its operator attests."),
    (
        "moud",
        "Medication for opioid use disorder (MOUD)",
        "Whether residents taking medication for opioid use disorder (buprenorphine, methadone, naltrexone) are \
         welcome.",
    ),
    (
        "certification",
        "Certification as a recovery residence",
        "The residence's certificate as its certifier issued it; listed only while it is valid.",
    ),
];

/// The name and description of a value of a recovery residence's fact (`narr-level:II`).
fn residence_value(code: &str) -> Option<(String, String)> {
    let (fact, value) = code.split_once(':')?;
    Some(match fact {
        "narr-level" => {
            let level = NarrLevel::parse(value).filter(|l| l.code() == value)?;
            let (kind, what) = match level {
                NarrLevel::PeerRun => {
                    ("peer-run", "run democratically by its residents, with no paid staff in the house")
                }
                NarrLevel::Monitored => {
                    ("monitored", "a house manager or senior resident, house rules and peer accountability")
                }
                NarrLevel::Supervised => {
                    ("supervised", "trained, supervised staff, structured programming and life-skills support")
                }
                NarrLevel::ServiceProvider => {
                    ("service provider", "clinical services in the house and credentialed staff")
                }
            };
            let name = format!("NARR level {}: {kind}", level.code());
            (name.clone(), format!("{name} — {what}. A kind of support, not a rank."))
        }
        "serves" => {
            let p = Population::parse(value)?;
            let name = match p {
                Population::Men => "Men",
                Population::Women => "Women",
                Population::WomenWithChildren => "Women with children",
                Population::Lgbtq => "LGBTQ+ people",
                Population::YoungAdults => "Young adults",
            };
            (name.to_owned(), format!("Who the residence serves: {}", name.to_lowercase().replace("lgbtq+", "LGBTQ+")))
        }
        "moud" => match value {
            "welcome" => (
                "Residents on MOUD welcome".to_owned(),
                "Welcomes residents taking medication for opioid use disorder.".to_owned(),
            ),
            "not-accepted" => (
                "Residents on MOUD not accepted".to_owned(),
                "Does not accept residents taking medication for opioid use disorder.".to_owned(),
            ),
            _ => return None,
        },
        "certification" => match value {
            "body" => (
                "Certifying body".to_owned(),
                "Who certified the residence (the value), as it names itself.".to_owned(),
            ),
            "number" => (
                "Certificate number".to_owned(),
                "The certificate's number (the value), as the certifier wrote it.".to_owned(),
            ),
            "valid-through" => (
                "Certificate valid through".to_owned(),
                "The last day the certificate is valid (the value, YYYY-MM-DD).".to_owned(),
            ),
            _ => return None,
        },
        _ => return None,
    })
}

/// Every value code of a recovery residence's facts, in the order the terms file lists them.
fn residence_values() -> Vec<String> {
    let mut codes: Vec<String> = NarrLevel::ALL.iter().map(|l| format!("narr-level:{}", l.code())).collect();
    codes.extend(Population::ALL.iter().map(|p| format!("serves:{}", p.code())));
    codes.extend(["moud:welcome", "moud:not-accepted"].map(str::to_owned));
    codes.extend(["certification:body", "certification:number", "certification:valid-through"].map(str::to_owned));
    codes
}

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

    /// The taxonomy of a recovery residence's facts.
    pub fn residences_id(&self) -> Uuid {
        Uuid::new_v5(&self.recovery_id(), b"residence-facts")
    }

    pub fn meeting_types_id() -> Uuid {
        Uuid::new_v5(&Uuid::NAMESPACE_URL, MEETING_GUIDE_SPEC.as_bytes())
    }

    /// The four taxonomies.
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
            json!({ "id": self.residences_id(), "name": RESIDENCE_TAXONOMY,
                    "description": "Pathways' own vocabulary for the facts of a recovery residence in its registry: \
                                    the NARR level of support (a kind of support, not a ranking), who the residence \
                                    serves, whether residents on medication for opioid use disorder are welcome, and \
                                    its certificate. The level's value is NARR's numeral; the codes are Pathways', \
                                    not NARR's and not Open Referral's.",
                    "uri": format!("{}/residence-facts", r.uri.trim_end_matches('/')), "version": "1" }),
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
        out.extend(RESIDENCE_FACTS.iter().filter_map(|(fact, _, _)| self.term(RESIDENCE_LINK, fact, None)));
        out.extend(residence_values().iter().filter_map(|c| self.term(RESIDENCE_LINK, c, None)));
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
            RESIDENCE_LINK => {
                let taxonomy = self.residences_id();
                let id = Uuid::new_v5(&taxonomy, code.as_bytes());
                let fact = RESIDENCE_FACTS.iter().find(|(f, _, _)| *f == code);
                let (name, description, parent) = match (fact, code.split_once(':')) {
                    (Some((_, name, description)), _) => ((*name).to_owned(), (*description).to_owned(), None),
                    (None, parent) => {
                        let (name, description) = residence_value(code).unwrap_or_else(|| {
                            let name = given_name.unwrap_or_else(|| code.to_owned());
                            (name.clone(), given_text("description").unwrap_or(name))
                        });
                        let parent = parent
                            .map(|(p, _)| p)
                            .filter(|p| RESIDENCE_FACTS.iter().any(|(f, _, _)| f == p))
                            .map(|p| Uuid::new_v5(&taxonomy, p.as_bytes()));
                        (name, description, parent)
                    }
                };
                Some(term(id, code, &name, &description, parent, RESIDENCE_TAXONOMY, taxonomy))
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
