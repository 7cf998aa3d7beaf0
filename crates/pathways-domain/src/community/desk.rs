//! Signing a known person in from the center's attendance page (issue 20): the staff member at the front desk
//! picks what the person came for — one of the day's groups, or one of the kiosk's other reasons — finds the
//! person among those they may see, and taps once. The visit is the same as a check-in code's at the kiosk (on
//! the person's record, counted once in people served); these are the pure rules of the form and of "a double
//! tap counts once".

use chrono::NaiveDate;

use super::kiosk::Reason;
use crate::PersonId;
use crate::ids::CommunityEventId;
use crate::text::FieldError;

/// What a staff member signs a person in for: one of the day's groups (the caller checks it is one), or another
/// of the kiosk's reasons (never [`Reason::Group`] without a group).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeskFor {
    Group(CommunityEventId),
    Other(Reason),
}

impl DeskFor {
    /// The form's `for` field: a group's id, or `computer`, `coach`, `naloxone`. Blank is `required`; anything
    /// else (`group` without a group included) is `unknown-choice`, both named `for`.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(FieldError::new("for", "required"));
        }
        if let Ok(group) = raw.parse::<CommunityEventId>() {
            return Ok(Self::Group(group));
        }
        match Reason::parse(raw) {
            Some(Reason::Group) | None => Err(FieldError::new("for", "unknown-choice")),
            Some(r) => Ok(Self::Other(r)),
        }
    }

    /// The value the form sends for it ([`DeskFor::parse`] reads it back).
    pub fn code(&self) -> String {
        match self {
            Self::Group(g) => g.to_string(),
            Self::Other(r) => r.code().to_owned(),
        }
    }

    /// The reason the visit is counted under.
    pub const fn reason(&self) -> Reason {
        match self {
            Self::Group(_) => Reason::Group,
            Self::Other(r) => *r,
        }
    }

    /// The group named, if any.
    pub const fn group(&self) -> Option<CommunityEventId> {
        match self {
            Self::Group(g) => Some(*g),
            Self::Other(_) => None,
        }
    }

    /// The reasons offered beside the day's groups (every reason but a group).
    pub const OTHERS: [Reason; 3] = [Reason::Computer, Reason::Coach, Reason::Naloxone];
}

/// The visit's key for the day (kept as the visit's `client_ref`, unique per kiosk): the same person, for the
/// same group or reason, on the same day at the center, is one visit — a second tap, a page sent twice or two
/// staff members at once count once. Another day, group or reason is another visit.
pub fn once_a_day(person: PersonId, what: DeskFor, day: NaiveDate) -> String {
    format!("desk:{person}:{}:{day}", what.code())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use uuid::Uuid;

    use super::*;

    #[test]
    fn a_group_or_another_reason_is_read_and_anything_else_is_named() {
        let g = CommunityEventId::new();
        assert_eq!(DeskFor::parse(&format!(" {g} ")), Ok(DeskFor::Group(g)));
        assert_eq!(DeskFor::parse("coach"), Ok(DeskFor::Other(Reason::Coach)));
        assert_eq!(DeskFor::parse("naloxone").map(|f| f.reason()), Ok(Reason::Naloxone));
        assert_eq!(DeskFor::parse(&g.to_string()).map(|f| (f.reason(), f.group())), Ok((Reason::Group, Some(g))));
        assert_eq!(DeskFor::parse(""), Err(FieldError::new("for", "required")));
        assert_eq!(DeskFor::parse("  "), Err(FieldError::new("for", "required")));
        // A group needs its id: "group" alone names none.
        assert_eq!(DeskFor::parse("group"), Err(FieldError::new("for", "unknown-choice")));
        assert_eq!(DeskFor::parse("lunch"), Err(FieldError::new("for", "unknown-choice")));
        assert_eq!(DeskFor::parse("0190-not-a-uuid"), Err(FieldError::new("for", "unknown-choice")));
        for r in DeskFor::OTHERS {
            assert_eq!(DeskFor::parse(&DeskFor::Other(r).code()), Ok(DeskFor::Other(r)));
        }
    }

    #[test]
    fn the_same_person_group_and_day_is_one_visit() {
        let p = PersonId::new();
        let g = DeskFor::Group(CommunityEventId::new());
        let day = NaiveDate::from_ymd_opt(2026, 12, 7).expect("day");
        assert_eq!(once_a_day(p, g, day), once_a_day(p, g, day));
        assert_ne!(once_a_day(p, g, day), once_a_day(p, g, day.succ_opt().expect("next")));
        assert_ne!(once_a_day(p, g, day), once_a_day(PersonId::new(), g, day));
        assert_ne!(once_a_day(p, g, day), once_a_day(p, DeskFor::Group(CommunityEventId::new()), day));
        assert_ne!(once_a_day(p, g, day), once_a_day(p, DeskFor::Other(Reason::Coach), day));
        // Kept in the visit's `client_ref` column (a 255-character string): always far shorter.
        assert!(once_a_day(p, g, day).len() < 120);
    }

    proptest! {
        #[test]
        fn every_choice_reads_back_and_no_text_panics(bits in any::<u128>(), r in 0usize..3, raw in ".{0,80}") {
            let g = DeskFor::Group(CommunityEventId::from_uuid(Uuid::from_u128(bits)));
            prop_assert_eq!(DeskFor::parse(&g.code()), Ok(g));
            let o = DeskFor::Other(DeskFor::OTHERS[r]);
            prop_assert_eq!(DeskFor::parse(&o.code()), Ok(o));
            if let Ok(f) = DeskFor::parse(&raw) {
                prop_assert!(f.group().is_some() != matches!(f, DeskFor::Other(_)));
                prop_assert!(f.group().is_some() || f.reason() != Reason::Group);
            }
        }

        #[test]
        fn two_sign_ins_share_a_key_only_when_person_choice_and_day_are_the_same(
            a in any::<u128>(), b in any::<u128>(), ra in 0usize..3, rb in 0usize..3, da in 0i64..800, db in 0i64..800,
        ) {
            let base = NaiveDate::from_ymd_opt(2026, 1, 1).expect("day");
            let pa = PersonId::from_uuid(Uuid::from_u128(a));
            let pb = PersonId::from_uuid(Uuid::from_u128(b));
            let fa = DeskFor::Other(DeskFor::OTHERS[ra]);
            let fb = DeskFor::Other(DeskFor::OTHERS[rb]);
            let (day_a, day_b) = (base + chrono::Days::new(da as u64), base + chrono::Days::new(db as u64));
            prop_assert_eq!(
                once_a_day(pa, fa, day_a) == once_a_day(pb, fb, day_b),
                pa == pb && fa == fb && day_a == day_b
            );
        }
    }
}
