//! Every extractor a handler takes, in one place. A handler's arguments say who may call it and what it reads:
//!
//! - [`crate::ctx::Ctx`]: anyone (the request's context: caller, language, CSRF token, flash).
//! - [`SignedIn`]: a staff page (anyone else is sent to sign in).
//! - [`Subject`]: a person's record, behind the door its route was mounted on (router.rs): the person's own portal
//!   (`/me/…`) or staff (`/persons/{id}/…`).
//! - Role extractors ([`Operator`], [`ProviderStaff`], [`Editor`], [`AllyCaller`]): the role predicates of
//!   `pathways_domain::access`, answering 403 (staff in another role) or a sign-in redirect.
//! - [`ApiCaller`]: the JSON API's bearer token (401 JSON otherwise).
//!   [`ApiOperator`]: the same, working the access line (404 otherwise).
//! - [`InPath`]: a typed id (or action) from the path; anything malformed names nothing (404).
//! - Bodies, checked before their fields are read: [`VerifiedForm`] and [`VerifiedUpload`] (Origin and CSRF),
//!   [`JsonBody`] (JSON, the parser's message naming line and column on 400), [`JsonBodyOrEmpty`] (the same, or
//!   nothing at all).
//! - [`ApiQuery`]: an API query string (400 JSON naming the parameter it can't read), with [`Bounded`] numbers.
//! - [`CapacityParams`], [`HousingParams`]: the capacity and housing boards' queries, each bad value named;
//!   [`NextPage`]: `?next=`, a local path.

mod accounts;
mod api;
mod body;
mod calendar_query;
mod capacity_query;
pub mod find_query;
mod housing_query;
mod ids;
mod kiosk;
mod next_page;
mod query;
mod roles;
mod session;

pub use accounts::{AccountHolder, AccountsAdmin};
pub use api::{ApiCaller, ApiOperator};
pub use body::{Empty, JsonBody, JsonBodyOrEmpty, UploadedFile, VerifiedForm, VerifiedMultipart, VerifiedUpload};
pub use capacity_query::CapacityParams;
pub use housing_query::HousingParams;
pub use ids::{HoldAction, InPath, ListingAction, PathParam, VersionNo};
pub use next_page::NextPage;
pub use query::{ApiQuery, Bounded, Offset};
pub use roles::{AllyCaller, Editor, Operator, ProviderStaff};
// Recovery community (issue 20).
pub use calendar_query::CalendarParams;
pub use ids::ApplicationLink;
pub use ids::{CenterSlug, PageSlug};
pub use kiosk::KioskTablet;
pub use roles::CenterStaff;
pub use session::{AnyoneSignedIn, Door, SignedIn, Subject};
