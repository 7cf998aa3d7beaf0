//! The public list of Recovery Friendly designations as an API filters it, and the two removals a designation
//! application allows (issue 20, branch rf-api).
//!
//! **Filters** (`GET /api/v1/recovery-friendly`): a kind (`workplace` or `community`; empty is no filter) and a town
//! (matched whole, in any case, spaces around it ignored; at most [`MAX_TOWN`] characters, the longest a town can
//! be recorded with). A value that can't be one is refused by name, never ignored or clamped; a town that names
//! none (one with a control character, say) simply finds nothing.
//!
//! **Removals**: an advisor detaches a training attached by mistake once they tick the box that confirms it
//! ([`confirm_detach`]); an applicant removes a file they sent with a step's evidence once they tick theirs, and
//! only while the step is not accepted ([`may_remove_file`]): an accepted step's evidence is what the advisor
//! accepted, so it stays as it was.

use super::designation::StepState;
use super::volunteers::{Designation, DesignationKind};
use crate::text::FieldError;

/// The longest town a filter may name (`designation::MAX_NAME`: a longer one was never recorded).
pub const MAX_TOWN: usize = super::designation::MAX_NAME;

/// The public list's filters, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    pub kind: Option<DesignationKind>,
    /// Lower case, trimmed.
    town: Option<String>,
}

impl ListFilter {
    /// Reads the filters as given, exactly as the API's description states them (so a value it admits is never
    /// refused, nor one it refuses admitted): `kind` one of the codes or empty (`unknown-choice` otherwise, no
    /// trimming: ` workplace` is not a code); `town` at most [`MAX_TOWN`] characters as given (`too-long`), blank is
    /// no filter. Every problem by field.
    pub fn parse(kind: &str, town: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = match kind {
            "" => None,
            k => DesignationKind::parse(k).or_else(|| {
                errors.push(FieldError::new("kind", "unknown-choice"));
                None
            }),
        };
        let town = if town.chars().count() > MAX_TOWN {
            errors.push(FieldError::new("town", "too-long"));
            None
        } else {
            Some(town.trim().to_lowercase()).filter(|t| !t.is_empty())
        };
        if errors.is_empty() { Ok(ListFilter { kind, town }) } else { Err(errors) }
    }

    /// Whether a designation passes: its kind, and its town matched whole in any case (one recorded without a
    /// town passes no town filter).
    pub fn admits(&self, d: &Designation) -> bool {
        self.kind.is_none_or(|k| d.kind == k)
            && self
                .town
                .as_deref()
                .is_none_or(|t| d.town.as_deref().is_some_and(|town| town.trim().to_lowercase() == t))
    }
}

/// Detaching a training from an application asks for a tick in the box that confirms it (`confirm_detach`).
pub fn confirm_detach(ticked: bool) -> Result<(), FieldError> {
    if ticked { Ok(()) } else { Err(FieldError::new("confirm_detach", "required")) }
}

/// Whether an applicant may remove a file sent with a step whose state is `state`: not once the step is accepted
/// (`evidence_file`: `already-accepted`), and only with the box that confirms it ticked (`confirm_removal`:
/// `required`). The accepted step's problem comes first: ticking the box changes nothing there.
pub fn may_remove_file(state: &StepState, ticked: bool) -> Result<(), FieldError> {
    if *state == StepState::Accepted {
        Err(FieldError::new("evidence_file", "already-accepted"))
    } else if !ticked {
        Err(FieldError::new("confirm_removal", "required"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::*;

    fn designation(kind: DesignationKind, town: Option<&str>) -> Designation {
        Designation {
            kind,
            name: "Acme Tools".into(),
            town: town.map(str::to_owned),
            designated_on: NaiveDate::from_ymd_opt(2026, 3, 1).expect("a day"),
            designated_by: "State agency".into(),
        }
    }

    #[test]
    fn no_filter_admits_every_designation() {
        let f = ListFilter::parse("", "  ").expect("no filter");
        assert_eq!(f, ListFilter::default());
        assert!(f.admits(&designation(DesignationKind::Workplace, None)));
        assert!(f.admits(&designation(DesignationKind::Community, Some("Hartford"))));
    }

    #[test]
    fn a_kind_admits_only_its_kind() {
        let f = ListFilter::parse("community", "").expect("a kind");
        assert_eq!(f.kind, Some(DesignationKind::Community));
        assert!(f.admits(&designation(DesignationKind::Community, Some("Hartford"))));
        assert!(!f.admits(&designation(DesignationKind::Workplace, Some("Hartford"))));
    }

    #[test]
    fn a_town_is_matched_whole_in_any_case() {
        let f = ListFilter::parse("", "  west HARTFORD ").expect("a town");
        assert!(f.admits(&designation(DesignationKind::Community, Some("West Hartford"))));
        assert!(f.admits(&designation(DesignationKind::Workplace, Some(" west hartford"))));
        assert!(!f.admits(&designation(DesignationKind::Community, Some("Hartford"))), "not a part of a name");
        assert!(!f.admits(&designation(DesignationKind::Community, Some("West Hartford Center"))));
        assert!(!f.admits(&designation(DesignationKind::Community, None)), "no town recorded: not in a town");
        let both = ListFilter::parse("workplace", "West Hartford").expect("both");
        assert!(!both.admits(&designation(DesignationKind::Community, Some("West Hartford"))));
        assert!(both.admits(&designation(DesignationKind::Workplace, Some("West Hartford"))));
    }

    #[test]
    fn a_value_that_cannot_be_one_is_refused_by_name() {
        let e = |k: &str, t: &str| ListFilter::parse(k, t).expect_err("refused");
        assert_eq!(e("workplaces", ""), [FieldError::new("kind", "unknown-choice")]);
        assert_eq!(e("Workplace", ""), [FieldError::new("kind", "unknown-choice")], "codes are lower case");
        assert_eq!(e(" workplace", ""), [FieldError::new("kind", "unknown-choice")], "a code as it is written");
        assert_eq!(e("", &"a".repeat(MAX_TOWN + 1)), [FieldError::new("town", "too-long")]);
        assert_eq!(e("", &format!(" {}", "a".repeat(MAX_TOWN))), [FieldError::new("town", "too-long")], "as given");
        assert_eq!(
            e("x", &"é".repeat(MAX_TOWN + 1)),
            [FieldError::new("kind", "unknown-choice"), FieldError::new("town", "too-long")],
            "every problem at once"
        );
        assert!(ListFilter::parse("", &"é".repeat(MAX_TOWN)).is_ok(), "the limit itself, in characters");
        let odd = ListFilter::parse("", "Hart\u{0}ford").expect("a town that names none");
        assert!(!odd.admits(&designation(DesignationKind::Community, Some("Hartford"))));
    }

    #[test]
    fn detaching_a_training_asks_for_the_box() {
        assert_eq!(confirm_detach(false), Err(FieldError::new("confirm_detach", "required")));
        assert_eq!(confirm_detach(true), Ok(()));
    }

    #[test]
    fn a_file_is_removed_only_from_a_step_not_accepted_and_only_when_confirmed() {
        for state in [StepState::NotStarted, StepState::Submitted, StepState::Returned("Sign it".into())] {
            assert_eq!(may_remove_file(&state, true), Ok(()), "{state:?}");
            assert_eq!(may_remove_file(&state, false), Err(FieldError::new("confirm_removal", "required")));
        }
        for ticked in [true, false] {
            assert_eq!(
                may_remove_file(&StepState::Accepted, ticked),
                Err(FieldError::new("evidence_file", "already-accepted"))
            );
        }
    }

    proptest! {
        /// Any town typed within the bound, in any case with spaces around it, finds the designation recorded with
        /// it, and a kind filter never admits the other kind.
        #[test]
        fn a_town_as_recorded_finds_its_designation(town in "[A-Za-z][A-Za-z .'-]{0,40}", pad in " {0,3}") {
            let d = designation(DesignationKind::Community, Some(&town));
            let typed = format!("{pad}{}{pad}", town.to_uppercase());
            prop_assert!(ListFilter::parse("", &typed).expect("a town").admits(&d));
            prop_assert!(!ListFilter::parse("workplace", &typed).expect("both").admits(&d));
        }
    }
}
