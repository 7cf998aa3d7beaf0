//! The JSON API's query strings: [`ApiQuery`] reads one into its parameters or answers 400 JSON naming the
//! parameter, and [`Bounded`] is a whole number with its bounds, refused (never clamped) outside them; its schema
//! in `/api/openapi.json` states the same bounds.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::error::WebError;

/// An API query string read into `T`; a parameter the parser can't read (not a number, out of its bounds, given
/// twice, not UTF-8) answers 400 `bad_query` with the parser's words naming it.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(q)) => Ok(Self(q)),
            Err(rejection) => Err(WebError::BadQuery(query_problem(&rejection.body_text()))),
        }
    }
}

/// The parser's words without axum's preamble: `limit: must be a whole number from 1 to 500`.
fn query_problem(text: &str) -> String {
    text.strip_prefix("Failed to deserialize query string: ").unwrap_or(text).to_owned()
}

/// A whole number from `MIN` to `MAX` in a query string. Anything else (`abc`, `1.5`, a number outside the bounds,
/// 2⁶³ and beyond) is refused while the query is read: a client that asks for 10 000 items learns the limit
/// instead of silently getting fewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounded<const MIN: i64, const MAX: i64>(pub i64);

impl<const MIN: i64, const MAX: i64> Bounded<MIN, MAX> {
    /// The number, never negative here (every bound the API uses starts at 0 or 1).
    pub fn get(self) -> u64 {
        u64::try_from(self.0).unwrap_or(0)
    }
}

impl<'de, const MIN: i64, const MAX: i64> Deserialize<'de> for Bounded<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        match raw.parse::<i64>() {
            Ok(n) if (MIN..=MAX).contains(&n) => Ok(Self(n)),
            _ => Err(D::Error::custom(format!("must be a whole number from {MIN} to {MAX}"))),
        }
    }
}

impl<const MIN: i64, const MAX: i64> PartialSchema for Bounded<MIN, MAX> {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
            .minimum(Some(MIN))
            .maximum(Some(MAX))
            .into()
    }
}

impl<const MIN: i64, const MAX: i64> ToSchema for Bounded<MIN, MAX> {}

/// Items to skip: 0 to the largest offset a database takes (2⁶³ − 1).
pub type Offset = Bounded<0, { i64::MAX }>;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Q {
        limit: Option<Bounded<1, 500>>,
        #[serde(default)]
        offset: Option<Offset>,
    }

    fn read(q: &str) -> Result<Q, String> {
        serde_urlencoded::from_str::<Q>(q).map_err(|e| e.to_string())
    }

    #[test]
    fn bounds_are_kept_not_clamped() {
        assert_eq!(read("limit=1").map(|q| q.limit), Ok(Some(Bounded(1))));
        assert_eq!(read("limit=500").map(|q| q.limit), Ok(Some(Bounded(500))));
        assert_eq!(read("").map(|q| q.limit), Ok(None));
        for bad in ["limit=0", "limit=501", "limit=-1", "limit=1.5", "limit=abc", "limit="] {
            assert_eq!(read(bad).err().as_deref(), Some("must be a whole number from 1 to 500"), "{bad}");
        }
        assert_eq!(read("offset=9223372036854775807").map(|q| q.offset.map(Bounded::get)), Ok(Some(i64::MAX as u64)));
        assert!(read("offset=9223372036854775808").is_err(), "2⁶³ is past what a database can skip");
    }

    #[test]
    fn the_schema_states_the_bounds_exactly() {
        let json = serde_json::to_value(Offset::schema()).unwrap_or_default();
        assert_eq!(json["minimum"], 0);
        assert_eq!(json["maximum"], serde_json::json!(i64::MAX), "an integer, not a float rounded up to 2⁶³");
        assert_eq!(json["format"], "int64");
    }
}
