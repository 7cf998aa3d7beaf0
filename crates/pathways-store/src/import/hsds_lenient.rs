//! A lenient reader of the parts of HSDS service and location documents that the finder and the directory's pages
//! read. Documents come from many sources (imports, the directory's editor, generated sets), so reading never
//! fails on a value of an unexpected kind: a field that should be a string reads as empty, a list as empty, an
//! object as one with nothing in it (as `serde_json::Value` lookups would), and text that is not JSON reads as an
//! empty document. Only the fields named here are read, borrowing from the text where it can.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use chrono_tz::Tz;
use pathways_domain::directory::schedule::{WeeklySlot, parse_hhmm};
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

#[cfg(test)]
mod tests;

/// A string, or empty.
#[derive(Clone, Debug, Default)]
pub struct Text<'a>(Cow<'a, str>);

impl Text<'_> {
    pub fn get(&self) -> &str {
        self.0.trim()
    }
}

/// Consumes whatever value a visitor was given instead of the one it wanted.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Accepts any value: `found` for the wanted kind, the default otherwise.
macro_rules! lenient_scalars {
    ($value:ty) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_unit<E: de::Error>(self) -> Result<$value, E> {
            Ok(Default::default())
        }
        fn visit_none<E: de::Error>(self) -> Result<$value, E> {
            Ok(Default::default())
        }
    };
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Text<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'a>, E> {
                Ok(Text(Cow::Owned(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Text<'a>, A::Error> {
                skip_seq(seq).map(|()| Text::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Text<'a>, A::Error> {
                skip_map(map).map(|()| Text::default())
            }
            lenient_scalars!(Text<'a>);
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// An object, or an empty one.
#[derive(Clone, Debug, Default)]
pub struct Obj<T>(pub T);

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for V<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Obj<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Obj)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Obj<T>, A::Error> {
                skip_seq(seq).map(|()| Obj::default())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Obj<T>, E> {
                Ok(Obj::default())
            }
            lenient_scalars!(Obj<T>);
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// A list of objects (an element of another kind reads as an empty object, keeping the positions), or none.
#[derive(Clone, Debug)]
pub struct Items<T>(pub Vec<T>);

impl<T> Default for Items<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for V<T> {
            type Value = Items<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
                let mut out = Vec::new();
                while let Some(Obj(item)) = seq.next_element::<Obj<T>>()? {
                    out.push(item);
                }
                Ok(Items(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Items<T>, A::Error> {
                skip_map(map).map(|()| Items::default())
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Items<T>, E> {
                Ok(Items::default())
            }
            lenient_scalars!(Items<T>);
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// What is read of a service.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ServiceDoc<'a> {
    #[serde(borrow)]
    pub description: Text<'a>,
    #[serde(borrow)]
    pub url: Text<'a>,
    #[serde(borrow)]
    pub attributes: Items<AttributeDoc<'a>>,
    #[serde(borrow)]
    pub languages: Items<CodeDoc<'a>>,
    #[serde(borrow)]
    pub schedules: Items<ScheduleDoc<'a>>,
    #[serde(borrow)]
    pub phones: Items<PhoneDoc<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AttributeDoc<'a> {
    #[serde(borrow)]
    pub link_type: Text<'a>,
    #[serde(borrow)]
    pub value: Text<'a>,
    #[serde(borrow)]
    pub taxonomy_term: Obj<CodeDoc<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeDoc<'a> {
    #[serde(borrow)]
    pub code: Text<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ScheduleDoc<'a> {
    #[serde(borrow)]
    pub freq: Text<'a>,
    #[serde(borrow)]
    pub byday: Text<'a>,
    #[serde(borrow)]
    pub opens_at: Text<'a>,
    #[serde(borrow)]
    pub closes_at: Text<'a>,
    #[serde(borrow)]
    pub attending_type: Text<'a>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PhoneDoc<'a> {
    #[serde(borrow)]
    pub number: Text<'a>,
}

/// What is read of a location.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LocationDoc<'a> {
    #[serde(borrow)]
    pub addresses: Items<AddressDoc<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddressDoc<'a> {
    #[serde(borrow)]
    pub address_1: Text<'a>,
    #[serde(borrow)]
    pub city: Text<'a>,
}

/// Reads a document's text and hands it to `f`. A document the typed reading refuses (a key given twice, say)
/// is read through a `Value` first, as `Value` lookups would see it; text that is not JSON reads as empty.
macro_rules! reader {
    ($(#[$attr:meta])* $name:ident, $doc:ident) => {
        $(#[$attr])*
        pub fn $name<R>(text: &str, f: impl FnOnce(&$doc<'_>) -> R) -> R {
            match serde_json::from_str::<$doc<'_>>(text) {
                Ok(doc) => f(&doc),
                Err(_) => {
                    let value: Value = serde_json::from_str(text).unwrap_or_default();
                    f(&$doc::deserialize(&value).unwrap_or_default())
                }
            }
        }
    };
}
reader!(
    /// Reads a service document (`service.doc`) and hands it to `f`.
    read_service,
    ServiceDoc
);
reader!(
    /// Reads a location document (`location.doc`) and hands it to `f`.
    read_location,
    LocationDoc
);

/// Weekly slots from HSDS schedules (`freq` WEEKLY, `byday`, `opens_at`, `closes_at`) in the service's zone.
pub fn weekly(schedules: &[ScheduleDoc<'_>], tz: Tz) -> Vec<WeeklySlot> {
    let mut out = Vec::new();
    for s in schedules {
        if !s.freq.get().eq_ignore_ascii_case("weekly") {
            continue;
        }
        let Ok(start) = parse_hhmm(s.opens_at.get()) else { continue };
        let end = parse_hhmm(s.closes_at.get()).unwrap_or(start + chrono::TimeDelta::hours(1));
        for day in s.byday.get().split(',').filter_map(pathways_domain::directory::schedule::weekday_of_byday) {
            out.push(WeeklySlot { day, start, end, tz });
        }
    }
    out
}

/// Weekly slots from an HSDS service document, in the service's zone.
pub fn slots(doc: &Value, tz: Tz) -> Vec<WeeklySlot> {
    ServiceDoc::deserialize(doc).map(|d| weekly(&d.schedules.0, tz)).unwrap_or_default()
}
