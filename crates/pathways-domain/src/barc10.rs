//! BARC-10, the Brief Assessment of Recovery Capital (Vilsaint, Kelly, Bergman, Groshkova, Best & White,
//! 2017, *Drug and Alcohol Dependence* 177:71–76; free to use). Ten statements, each answered on a six-point
//! agreement scale (1 = strongly disagree … 6 = strongly agree); the total runs from 10 to 60. A total of 47 or
//! more was associated with sustained remission in the validation study — a signpost, never a diagnosis.

use serde::{Deserialize, Serialize};

use crate::dimension::Dimension;

/// The number of statements.
pub const ITEMS: usize = 10;
/// The published cut-off.
pub const CUTOFF: u8 = 47;
/// Answers at or below this are "areas to build".
pub const BUILD_AT_OR_BELOW: u8 = 3;

/// Each statement's message key and the life dimension it speaks to (used to suggest where a goal could go).
pub const STATEMENTS: [(&str, Dimension); ITEMS] = [
    ("barc10-item-1", Dimension::Purpose),   // more important things in life than using
    ("barc10-item-2", Dimension::Health),    // happy with my life
    ("barc10-item-3", Dimension::Health),    // enough energy
    ("barc10-item-4", Dimension::Community), // proud of my community
    ("barc10-item-5", Dimension::Community), // support from friends
    ("barc10-item-6", Dimension::Purpose),   // life challenging and fulfilling
    ("barc10-item-7", Dimension::Home),      // living space helped recovery
    ("barc10-item-8", Dimension::Purpose),   // full responsibility for my actions
    ("barc10-item-9", Dimension::Health),    // happy dealing with professionals
    ("barc10-item-10", Dimension::Health),   // good progress on my recovery journey
];

/// Ten valid answers, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<u8>", into = "Vec<u8>")]
pub struct Barc10Answers([u8; ITEMS]);

/// Why a set of answers can't be scored; items are numbered from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Barc10Error {
    #[error("BARC-10 has 10 statements; {got} answers were given")]
    WrongCount { got: usize },
    #[error("statement {item} has no answer")]
    Missing { item: usize },
    #[error("statement {item}: {value} is not an answer; answers run from 1 (strongly disagree) to 6 (strongly agree)")]
    OutOfRange { item: usize, value: i64 },
}

impl Barc10Error {
    /// The statement the problem is about, when it is about one.
    pub fn item(&self) -> Option<usize> {
        match self {
            Barc10Error::WrongCount { .. } => None,
            Barc10Error::Missing { item } | Barc10Error::OutOfRange { item, .. } => Some(*item),
        }
    }
}

impl Barc10Answers {
    /// Parses answers as they arrive (a form may leave one blank; JSON may hold anything).
    pub fn parse(raw: &[Option<i64>]) -> Result<Self, Barc10Error> {
        if raw.len() != ITEMS {
            // A short list: name the first missing statement, the most useful message.
            if raw.len() < ITEMS && raw.iter().all(Option::is_some) {
                return Err(Barc10Error::Missing { item: raw.len() + 1 });
            }
            return Err(Barc10Error::WrongCount { got: raw.len() });
        }
        let mut out = [0u8; ITEMS];
        for (i, answer) in raw.iter().enumerate() {
            let item = i + 1;
            let value = answer.ok_or(Barc10Error::Missing { item })?;
            if !(1..=6).contains(&value) {
                return Err(Barc10Error::OutOfRange { item, value });
            }
            out[i] = value as u8;
        }
        Ok(Self(out))
    }

    pub fn answers(&self) -> [u8; ITEMS] {
        self.0
    }

    /// The total, 10 to 60.
    pub fn total(&self) -> u8 {
        self.0.iter().sum()
    }

    pub fn at_or_above_cutoff(&self) -> bool {
        self.total() >= CUTOFF
    }

    /// Statements answered 3 or lower (1-based), with the dimension each maps to.
    pub fn areas_to_build(&self) -> Vec<(usize, Dimension)> {
        self.0
            .iter()
            .enumerate()
            .filter(|(_, a)| **a <= BUILD_AT_OR_BELOW)
            .map(|(i, _)| (i + 1, STATEMENTS[i].1))
            .collect()
    }
}

impl TryFrom<Vec<u8>> for Barc10Answers {
    type Error = Barc10Error;
    fn try_from(v: Vec<u8>) -> Result<Self, Self::Error> {
        let raw: Vec<Option<i64>> = v.into_iter().map(|a| Some(i64::from(a))).collect();
        Self::parse(&raw)
    }
}

impl From<Barc10Answers> for Vec<u8> {
    fn from(a: Barc10Answers) -> Vec<u8> {
        a.0.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn all(v: i64) -> Vec<Option<i64>> {
        vec![Some(v); ITEMS]
    }

    #[test]
    fn the_edges_of_the_scale() {
        assert_eq!(Barc10Answers::parse(&all(1)).expect("valid").total(), 10);
        assert_eq!(Barc10Answers::parse(&all(6)).expect("valid").total(), 60);
        assert!(!Barc10Answers::parse(&all(1)).expect("valid").at_or_above_cutoff());
        assert!(Barc10Answers::parse(&all(6)).expect("valid").at_or_above_cutoff());
    }

    #[test]
    fn forty_seven_exactly_is_at_the_cutoff_and_forty_six_is_not() {
        // 7 × 5 + 2 × 5 + 1 × 2 = 47
        let mut a = vec![Some(5); 7];
        a.extend([Some(5), Some(5), Some(2)]);
        let at = Barc10Answers::parse(&a).expect("valid");
        assert_eq!(at.total(), 47);
        assert!(at.at_or_above_cutoff());
        a[9] = Some(1);
        let below = Barc10Answers::parse(&a).expect("valid");
        assert_eq!(below.total(), 46);
        assert!(!below.at_or_above_cutoff());
    }

    #[test]
    fn bad_answers_name_the_statement() {
        let mut a = all(4);
        a[3] = None;
        assert_eq!(Barc10Answers::parse(&a), Err(Barc10Error::Missing { item: 4 }));
        a[3] = Some(7);
        assert_eq!(Barc10Answers::parse(&a), Err(Barc10Error::OutOfRange { item: 4, value: 7 }));
        a[3] = Some(0);
        assert_eq!(Barc10Answers::parse(&a), Err(Barc10Error::OutOfRange { item: 4, value: 0 }));
        assert_eq!(Barc10Answers::parse(&all(4)[..9]), Err(Barc10Error::Missing { item: 10 }));
        assert_eq!(Barc10Answers::parse(&[Some(3); 11]), Err(Barc10Error::WrongCount { got: 11 }));
        assert_eq!(Barc10Answers::parse(&[]), Err(Barc10Error::Missing { item: 1 }));
    }

    #[test]
    fn low_answers_are_areas_to_build_in_their_dimension() {
        let mut a = all(5);
        a[6] = Some(3); // living space
        a[4] = Some(1); // support from friends
        let areas = Barc10Answers::parse(&a).expect("valid").areas_to_build();
        assert_eq!(areas, vec![(5, Dimension::Community), (7, Dimension::Home)]);
    }

    proptest! {
        #[test]
        fn any_valid_answers_total_between_10_and_60(a in proptest::collection::vec(1i64..=6, ITEMS)) {
            let raw: Vec<_> = a.iter().copied().map(Some).collect();
            let parsed = Barc10Answers::parse(&raw).expect("valid");
            prop_assert_eq!(i64::from(parsed.total()), a.iter().sum::<i64>());
            prop_assert!((10..=60).contains(&parsed.total()));
            prop_assert_eq!(parsed.at_or_above_cutoff(), parsed.total() >= 47);
        }

        #[test]
        fn anything_else_is_refused_not_panicked(a in proptest::collection::vec(proptest::option::of(-100i64..100), 0..15)) {
            if let Ok(p) = Barc10Answers::parse(&a) {
                prop_assert!((10..=60).contains(&p.total()));
            }
        }
    }
}
