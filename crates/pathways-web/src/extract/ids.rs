//! Typed values from the path. A route names each id by its kind (`{goal}`, `{consent}`, `{task}`); the route's
//! own resource may be `{id}` (`/referrals/{id}`, `/api/v1/persons/{id}`). [`InPath<T>`] reads `T`'s name, or
//! `id` where the path has no parameter of that name, and answers 404 when the text is not a `T`: a malformed id
//! names nothing, exactly like an id that does not exist.

use std::str::FromStr;

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pathways_domain::ids::{
    AssessmentId, AttentionItemId, CallId, CommunityEventId, ConsentId, CorrectionId, DirOrganizationId, GoalId,
    HoldId, KioskId, LinkageTaskId, LocatorId, OutreachItemId, ProgramId, ReferralId, ResidenceHoldId, ResidenceId,
    RideId, ServiceId, TokenId,
};
use pathways_domain::locale::Locale;
use pathways_domain::{AccountId, PersonId};

use crate::error::WebError;

/// A value a path may carry, under its own parameter name.
pub trait PathParam: FromStr {
    const NAME: &'static str;
}

/// A typed value from the path (see the module's documentation).
#[derive(Clone, Copy, Debug)]
pub struct InPath<T>(pub T);

impl<S: Send + Sync, T: PathParam + Send> FromRequestParts<S> for InPath<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let not_found = || WebError::NotFound.into_response();
        let params = RawPathParams::from_request_parts(parts, state).await.map_err(|_| not_found())?;
        let named = |name: &str| params.iter().find(|(k, _)| *k == name).map(|(_, v)| v);
        let raw = named(T::NAME).or_else(|| named("id")).ok_or_else(not_found)?;
        raw.parse().map(InPath).map_err(|_| not_found())
    }
}

macro_rules! path_param {
    ($($t:ty => $name:literal),* $(,)?) => {
        $(impl PathParam for $t {
            const NAME: &'static str = $name;
        })*
    };
}

path_param! {
    PersonId => "person",
    AccountId => "account",
    GoalId => "goal",
    AssessmentId => "assessment",
    AttentionItemId => "item",
    OutreachItemId => "item",
    LinkageTaskId => "task",
    LocatorId => "detail",
    ConsentId => "consent",
    ReferralId => "referral",
    ProgramId => "program",
    HoldId => "hold",
    ResidenceId => "residence",
    ResidenceHoldId => "hold",
    CallId => "call",
    RideId => "ride",
    ServiceId => "listing",
    DirOrganizationId => "organization",
    CorrectionId => "correction",
    TokenId => "token",
    VersionNo => "version",
    HoldAction => "action",
    ListingAction => "action",
    Locale => "code",
    // Outcome interviews (issue 17)
    pathways_domain::ids::OutcomeInterviewId => "interview",
    // Recovery community (issue 20).
    CommunityEventId => "event",
    KioskId => "kiosk",
    CenterSlug => "center",
    PageSlug => "page",
    // Peer services and their financing (issue 21).
    pathways_domain::ids::ServiceEventId => "service_event",
    // Setting up financing (issue 21, second pass).
    pathways_domain::ids::PayerProfileId => "profile",
    pathways_domain::ids::FundingSourceId => "funding_source",
    // Volunteers (issue 20, branch volunteers).
    pathways_domain::ids::VolunteerId => "volunteer",
    // Recovery Friendly designation programs (issue 20, item 5).
    pathways_domain::ids::DesignationProgramId => "designation_program",
    pathways_domain::ids::DesignationApplicationId => "application",
    ApplicationLink => "link",
    // A person's voucher (issue 21, fifth pass).
    pathways_domain::ids::VoucherId => "voucher",
    // An evidence file of a designation application (issue 20, branch rf-evidence).
    pathways_domain::ids::EvidenceFileId => "evidence_file",
    // A training attached to a designation application, detached (issue 20, branch rf-api).
    pathways_domain::ids::TrainingId => "training",
}

/// An applicant's private link's token (`/recovery-friendly/applications/{link}`, issue 20): 43 URL-safe base64
/// characters as `auth::secret::random_token` makes them; anything else names nothing (404).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationLink(pub String);

impl FromStr for ApplicationLink {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        let ok = s.len() == 43 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok { Ok(ApplicationLink(s.to_owned())) } else { Err(()) }
    }
}

/// A recovery community center's slug in a public calendar's path (`/calendar/{center}`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CenterSlug(pub String);

impl FromStr for CenterSlug {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        pathways_domain::org::Slug::parse(s).map(|s| CenterSlug(s.as_str().to_owned())).map_err(|_| ())
    }
}

/// An education page's slug (`/learn/{page}`, issue 20): the domain's slug rule, else not found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageSlug(pub String);

impl FromStr for PageSlug {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        pathways_domain::community::education::parse_slug(s).map(PageSlug).map_err(|_| ())
    }
}

/// A plan version's number (1, 2, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VersionNo(pub i32);

impl FromStr for VersionNo {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        s.parse::<i32>().ok().filter(|n| *n >= 1).map(VersionNo).ok_or(())
    }
}

/// What a provider does with a held bed: the person arrived, or the bed is given back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoldAction {
    Admit,
    Release,
}

impl FromStr for HoldAction {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "admit" => Ok(Self::Admit),
            "release" => Ok(Self::Release),
            _ => Err(()),
        }
    }
}

/// A change of a directory listing's state from the staff pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListingAction {
    Verify,
    Retire,
    Restore,
}

impl FromStr for ListingAction {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "verify" => Ok(Self::Verify),
            "retire" => Ok(Self::Retire),
            "restore" => Ok(Self::Restore),
            _ => Err(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::routing::get;
    use pathways_domain::ids::ConsentId;
    use tower::ServiceExt;

    use super::*;

    async fn status(router: Router, uri: &str) -> (StatusCode, String) {
        let resp = router.oneshot(Request::get(uri).body(Body::empty()).expect("request")).await.expect("response");
        let status = resp.status();
        let body = axum::body::to_bytes(resp.into_body(), 1024).await.expect("body");
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn ids_are_read_by_their_name_or_as_the_routes_own_id() {
        let app = || {
            Router::new()
                .route(
                    "/persons/{id}/consents/{consent}",
                    get(|InPath(c): InPath<ConsentId>| async move { c.to_string() }),
                )
                .route("/api/consents/{id}", get(|InPath(c): InPath<ConsentId>| async move { c.to_string() }))
                .route("/versions/{version}", get(|InPath(v): InPath<VersionNo>| async move { v.0.to_string() }))
        };
        let person = PersonId::new();
        let consent = ConsentId::new();
        assert_eq!(
            status(app(), &format!("/persons/{person}/consents/{consent}")).await,
            (StatusCode::OK, consent.to_string())
        );
        assert_eq!(status(app(), &format!("/api/consents/{consent}")).await, (StatusCode::OK, consent.to_string()));
        assert_eq!(status(app(), "/versions/3").await, (StatusCode::OK, "3".into()));
        for bad in [
            "/api/consents/42",
            "/api/consents/..%2Fetc",
            &format!("/persons/{person}/consents/x{consent}"),
            "/versions/0",
            "/versions/-1",
        ] {
            assert_eq!(status(app(), bad).await.0, StatusCode::NOT_FOUND, "{bad}");
        }
    }
}
