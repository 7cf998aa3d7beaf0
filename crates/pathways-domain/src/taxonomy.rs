//! The recovery taxonomy Pathways ships (`data/taxonomy/recovery.json`): categories of services as a two-level
//! tree, each named in English and Spanish with the words people search by, and the attribute vocabularies
//! (pathway, faith, population, cost, mode, wheelchair access). Data, not code: this module only reads it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::locale::Locale;

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct TaxonomyInfo {
    pub id: String,
    pub name: String,
    pub description: String,
    pub uri: String,
    pub version: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Term {
    pub code: String,
    pub parent: Option<String>,
    pub en: String,
    pub es: String,
    #[serde(default)]
    pub description_en: String,
    #[serde(default)]
    pub description_es: String,
    #[serde(default)]
    pub keywords: Vec<String>,
}

impl Term {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::Es => &self.es,
            _ => &self.en,
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct AttributeValue {
    pub code: String,
    pub en: String,
    pub es: String,
}

impl AttributeValue {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::Es => &self.es,
            _ => &self.en,
        }
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Taxonomy {
    pub taxonomy: TaxonomyInfo,
    pub terms: Vec<Term>,
    /// Vocabulary name → its values.
    pub attributes: BTreeMap<String, Vec<AttributeValue>>,
}

impl Taxonomy {
    /// Reads the taxonomy file, checking that codes are unique and every parent exists.
    pub fn parse(json: &str) -> Result<Self, String> {
        let t: Self = serde_json::from_str(json).map_err(|e| format!("the taxonomy file is not valid: {e}"))?;
        let mut seen = std::collections::HashSet::new();
        for term in &t.terms {
            if !seen.insert(term.code.as_str()) {
                return Err(format!("the taxonomy lists {} twice", term.code));
            }
        }
        for term in &t.terms {
            if let Some(p) = &term.parent
                && !seen.contains(p.as_str())
            {
                return Err(format!("{} names a parent that is not in the taxonomy: {p}", term.code));
            }
        }
        Ok(t)
    }

    pub fn term(&self, code: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.code == code)
    }

    /// The code and its parents, nearest first.
    pub fn lineage(&self, code: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut next = self.term(code);
        while let Some(t) = next {
            if out.contains(&t.code) {
                break;
            }
            out.push(t.code.clone());
            next = t.parent.as_deref().and_then(|p| self.term(p));
        }
        out
    }

    /// The top-level categories, in file order.
    pub fn top_level(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| t.parent.is_none())
    }

    /// The children of a category, in file order.
    pub fn children<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Term> {
        self.terms.iter().filter(move |t| t.parent.as_deref() == Some(code))
    }

    pub fn attribute(&self, vocabulary: &str, code: &str) -> Option<&AttributeValue> {
        self.attributes.get(vocabulary)?.iter().find(|a| a.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../../data/taxonomy/recovery.json");

    #[test]
    fn the_shipped_taxonomy_reads_and_covers_the_pathways() {
        let t = Taxonomy::parse(SHIPPED).expect("valid");
        for code in ["detox", "methadone", "buprenorphine", "naltrexone", "smart-recovery", "al-anon", "naloxone"] {
            assert!(t.term(code).is_some(), "{code}");
        }
        assert_eq!(t.lineage("buprenorphine"), ["buprenorphine", "medication-treatment"]);
        assert_eq!(t.lineage("detox"), ["detox"]);
        assert!(t.lineage("nope").is_empty());
        for v in ["pathway", "faith", "population", "cost", "mode", "wheelchair"] {
            assert!(t.attributes.contains_key(v), "{v}");
        }
        assert_eq!(t.attribute("cost", "medicaid").map(|a| a.name(Locale::En)), Some("Accepts Medicaid"));
        // Person-first, non-stigmatizing words in both languages.
        let lower = SHIPPED.to_lowercase();
        let shipped: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
        for word in ["addict", "addicts", "adicto", "adictos", "abuser", "abusers", "clean", "limpio"] {
            assert!(!shipped.contains(&word), "{word}");
        }
    }

    #[test]
    fn a_broken_taxonomy_is_refused_with_the_reason() {
        let dup = r#"{"taxonomy":{"id":"x","name":"n","description":"d","uri":"u","version":"1"},
            "terms":[{"code":"a","parent":null,"en":"A","es":"A"},{"code":"a","parent":null,"en":"A","es":"A"}],
            "attributes":{}}"#;
        assert!(Taxonomy::parse(dup).is_err_and(|e| e.contains("twice")));
        let orphan = r#"{"taxonomy":{"id":"x","name":"n","description":"d","uri":"u","version":"1"},
            "terms":[{"code":"b","parent":"zzz","en":"B","es":"B"}],"attributes":{}}"#;
        assert!(Taxonomy::parse(orphan).is_err_and(|e| e.contains("zzz")));
        assert!(Taxonomy::parse("[").is_err());
    }
}
