//! A proxy's part of an outcome interview (issue 17): when the person cannot answer, someone they named (a family
//! member, a partner, a friend or ally, a caregiver) may answer for them — but only the items the instrument gives a
//! proxy (`answered_by` names `proxy`). Staff record, per section (one screen of the form), who gave its answers: the
//! person, or a proxy with their relationship to the person. The relationship is a code, never a name.
//!
//! Pure: the store keeps the sections a proxy answered (`outcome_interview_proxy`), the web layer asks.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::instrument::{AnswerError, Instrument, Respondent, Section};

/// A proxy's relationship to the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relationship {
    FamilyMember,
    Partner,
    FriendOrAlly,
    Caregiver,
    Other,
}

impl Relationship {
    pub const ALL: [Relationship; 5] = [
        Relationship::FamilyMember,
        Relationship::Partner,
        Relationship::FriendOrAlly,
        Relationship::Caregiver,
        Relationship::Other,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Relationship::FamilyMember => "family_member",
            Relationship::Partner => "partner",
            Relationship::FriendOrAlly => "friend_or_ally",
            Relationship::Caregiver => "caregiver",
            Relationship::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// Who gave one section's answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnsweredBy {
    /// The person (the default: no proxy recorded).
    Person,
    /// Someone answering for the person.
    Proxy(Relationship),
}

/// A problem with the form's choice: the field (`answered_by` or `proxy_relationship`) and what is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChoiceError {
    pub field: &'static str,
    pub code: &'static str,
}

impl AnsweredBy {
    /// The form's two fields: `answered_by` (`person` or `proxy`; blank is the person) and `proxy_relationship` (a
    /// [`Relationship`] code, required with `proxy`, ignored with `person`).
    pub fn from_form(by: &str, relationship: &str) -> Result<Self, ChoiceError> {
        match by.trim() {
            "" | "person" => Ok(AnsweredBy::Person),
            "proxy" => match relationship.trim() {
                "" => Err(ChoiceError { field: "proxy_relationship", code: "required" }),
                r => Relationship::parse(r)
                    .map(AnsweredBy::Proxy)
                    .ok_or(ChoiceError { field: "proxy_relationship", code: "unknown" }),
            },
            _ => Err(ChoiceError { field: "answered_by", code: "unknown" }),
        }
    }
}

/// Whether a proxy may give any of the section's items (the form offers the choice only then).
pub fn proxy_may_answer(section: &Section) -> bool {
    section.items.iter().any(|i| i.answered_by.contains(&Respondent::Proxy))
}

/// The answers in `raw` (a section's, as posted) that a proxy may not give: an item of the section whose
/// `answered_by` does not name `proxy`, answered (a blank, `null`, is no answer) — each named by item, code
/// `not-for-proxy`.
pub fn refused_for_proxy(section: &Section, raw: &Map<String, Value>) -> Vec<AnswerError> {
    section
        .items
        .iter()
        .filter(|i| !i.answered_by.contains(&Respondent::Proxy))
        .filter(|i| raw.get(&i.id).is_some_and(|v| !v.is_null()))
        .map(|i| AnswerError { item: i.id.clone(), code: "not-for-proxy" })
        .collect()
}

/// The sections holding an answer in `raw` (blanks aside): after the person saves their own answers there, those
/// sections are the person's again.
pub fn sections_answered(instrument: &Instrument, raw: &Map<String, Value>) -> BTreeSet<String> {
    instrument
        .sections
        .iter()
        .filter(|s| s.items.iter().any(|i| raw.get(&i.id).is_some_and(|v| !v.is_null())))
        .map(|s| s.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn shipped() -> Instrument {
        Instrument::parse(include_str!("../../../../instruments/recovery-outcomes-interview.toml")).expect("shipped")
    }

    fn section<'a>(i: &'a Instrument, id: &str) -> &'a Section {
        i.sections.iter().find(|s| s.id == id).expect("section")
    }

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().cloned().expect("object")
    }

    #[test]
    fn a_proxy_gives_only_the_items_the_instrument_gives_a_proxy() {
        let i = shipped();
        let housing = section(&i, "housing");
        assert!(proxy_may_answer(housing));
        assert!(refused_for_proxy(housing, &obj(json!({"housing_status": "stable", "housing_type": null}))).is_empty());
        // BARC-10 is the person's own account of their recovery: the shipped interview gives it to the person only.
        let capital = section(&i, "recovery_capital");
        assert!(!proxy_may_answer(capital));
        assert_eq!(
            refused_for_proxy(capital, &obj(json!({"barc10": ["6", "6", "6", "6", "6", "6", "6", "6", "6", "6"]}))),
            vec![AnswerError { item: "barc10".into(), code: "not-for-proxy" }]
        );
        // A blank is no answer: the screen posts every item of the section.
        assert!(refused_for_proxy(capital, &obj(json!({"barc10": null}))).is_empty());
    }

    #[test]
    fn in_a_section_shared_by_the_person_and_a_proxy_only_the_persons_items_are_refused() {
        // The shipped file with `days_drugs_30` given to the person only (its answered_by line rewritten).
        let text = include_str!("../../../../instruments/recovery-outcomes-interview.toml");
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let at = lines.iter().position(|l| l.starts_with("id = \"days_drugs_30\"")).expect("item");
        let by = at + lines[at..].iter().position(|l| l.starts_with("answered_by")).expect("answered_by");
        lines[by] = "answered_by = [\"person\"]".into();
        let i = Instrument::parse(&lines.join("\n")).expect("valid");
        let use_ = section(&i, "use");
        assert!(proxy_may_answer(use_));
        let refused = refused_for_proxy(use_, &obj(json!({"days_alcohol_30": "0", "days_drugs_30": "2"})));
        assert_eq!(refused, vec![AnswerError { item: "days_drugs_30".into(), code: "not-for-proxy" }]);
        assert!(refused_for_proxy(use_, &obj(json!({"days_alcohol_30": "0", "days_drugs_30": null}))).is_empty());
    }

    #[test]
    fn the_forms_choice_is_the_person_or_a_proxy_with_a_relationship() {
        assert_eq!(AnsweredBy::from_form("", ""), Ok(AnsweredBy::Person));
        assert_eq!(AnsweredBy::from_form("person", "partner"), Ok(AnsweredBy::Person));
        assert_eq!(AnsweredBy::from_form("proxy", "family_member"), Ok(AnsweredBy::Proxy(Relationship::FamilyMember)));
        assert_eq!(
            AnsweredBy::from_form("proxy", " "),
            Err(ChoiceError { field: "proxy_relationship", code: "required" })
        );
        assert_eq!(
            AnsweredBy::from_form("proxy", "neighbour"),
            Err(ChoiceError { field: "proxy_relationship", code: "unknown" })
        );
        assert_eq!(AnsweredBy::from_form("staff", ""), Err(ChoiceError { field: "answered_by", code: "unknown" }));
        for r in Relationship::ALL {
            assert_eq!(Relationship::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn the_sections_the_person_answered_are_those_with_an_answer() {
        let i = shipped();
        let raw =
            obj(json!({"days_alcohol_30": "1", "days_drugs_30": null, "housing_status": null, "arrests_30": "0"}));
        let got: Vec<String> = sections_answered(&i, &raw).into_iter().collect();
        assert_eq!(got, ["justice", "use"]);
    }
}
