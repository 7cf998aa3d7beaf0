//! `TestApp`: builds the app on its own database, makes organizations, staff, persons, sessions and tokens,
//! and sends requests through the router with `tower::ServiceExt::oneshot`.

use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::person::{PersonDetails, RawPerson};
use pathways_domain::{AccountId, OrgId, PersonId, Role};
use pathways_store::testing::TestDb;
use pathways_store::{accounts, orgs, persons, sessions, tokens};
use pathways_web::auth::password::hash_password_blocking;
use pathways_web::auth::secret::{random_token, token_hash};
use pathways_web::{AppState, Config};
use tower::ServiceExt;

pub const PASSWORD: &str = "correct horse battery staple 2026";

/// One Argon2 hash for every test account: hashing per account would cost ~50 ms each.
fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password_blocking(PASSWORD).expect("hash"))
}

pub struct TestApp {
    pub db: TestDb,
    pub state: AppState,
    pub router: Router,
    pub org: OrgId,
    pub other_org: OrgId,
}

/// A staff member with a signed-in browser session and an API token.
#[derive(Clone, Debug)]
pub struct Staff {
    pub id: AccountId,
    pub org: OrgId,
    pub email: String,
    pub cookie: String,
    pub csrf: String,
    pub token: String,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The fields a JSON error names (`error.fields[].field`), in order.
    pub fn error_fields(&self) -> Vec<String> {
        self.json()["error"]["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["field"].as_str().map(str::to_owned))
            .collect()
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    pub fn location(&self) -> &str {
        self.header("location")
    }
}

impl TestApp {
    pub async fn new() -> Self {
        Self::deployed(pathways_domain::deployment::Deployment::default()).await
    }

    /// An app deployed somewhere else than the default (another state, time zone and regions).
    pub async fn deployed(deployment: pathways_domain::deployment::Deployment) -> Self {
        Self::configured(|c| *c = c.clone().with_deployment(deployment)).await
    }

    /// An app whose configuration `change` adjusts from the defaults (a public URL, proxies, token lifetime…).
    pub async fn configured(change: impl FnOnce(&mut Config)) -> Self {
        let db = TestDb::new().await;
        let mut config = Config::for_database(&db.url);
        change(&mut config);
        let state = AppState::new(db.store.clone(), config);
        let router = pathways_web::router(state.clone());
        let w = db.store.writer();
        let org =
            orgs::create(w, &Slug::parse("home-org").expect("slug"), "Home Org", OrgKind::RecoveryCommunityCenter)
                .await
                .expect("org");
        let other = orgs::create(w, &Slug::parse("other-org").expect("slug"), "Other Org", OrgKind::TreatmentProvider)
            .await
            .expect("org");
        Self { db, state, router, org: org.id.into(), other_org: other.id.into() }
    }

    /// A second app (another server process) on the same database.
    pub async fn second_instance(&self) -> Router {
        let store = pathways_store::Store::connect(&self.db.url).await.expect("second connection");
        pathways_web::router(AppState::new(store, Config::for_database(&self.db.url)))
    }

    pub async fn staff(&self, org: OrgId, role: Role) -> Staff {
        let w = self.db.store.writer();
        let email = format!("{}-{}@example.org", role.as_str(), &uuid::Uuid::now_v7().simple().to_string()[20..]);
        let a = accounts::create_staff(
            w,
            accounts::NewStaff {
                org,
                role,
                email: &email,
                display_name: &format!("Test {role}"),
                password_hash: password_hash(),
            },
        )
        .await
        .expect("account");
        let id = AccountId::from_uuid(a.id);
        let session_token = random_token();
        let csrf = random_token();
        sessions::create(w, id, &token_hash(&session_token), &csrf).await.expect("session");
        let token = random_token();
        let new = tokens::NewToken {
            account: id,
            token_hash: &token_hash(&token),
            label: "test",
            scope: pathways_domain::token::TokenScope::Write,
            expires_at: pathways_store::now() + chrono::Duration::days(90),
        };
        tokens::create(w, new).await.expect("token");
        Staff { id, org, email, cookie: format!("pathways_session={session_token}"), csrf, token }
    }

    /// A person's own portal account, signed in.
    pub async fn person_login(&self, org: OrgId, person: PersonId) -> Staff {
        let w = self.db.store.writer();
        let username = format!("p{}", &uuid::Uuid::now_v7().simple().to_string()[20..]);
        let a = accounts::create_person_account(w, org, person, &username, "Person Self", password_hash(), None)
            .await
            .expect("account");
        let id = AccountId::from_uuid(a.id);
        let session_token = random_token();
        let csrf = random_token();
        sessions::create(w, id, &token_hash(&session_token), &csrf).await.expect("session");
        Staff {
            id,
            org,
            email: username,
            cookie: format!("pathways_session={session_token}"),
            csrf,
            token: String::new(),
        }
    }

    /// An ally's account for a person (as an accepted ally invitation makes it), signed in.
    pub async fn ally_login(&self, org: OrgId, person: PersonId, name: &str) -> Staff {
        let w = self.db.store.writer();
        let username = format!("a{}", &uuid::Uuid::now_v7().simple().to_string()[20..]);
        let login = accounts::NewLogin {
            kind: pathways_domain::PrincipalKind::Ally,
            org,
            person,
            username: &username,
            display_name: name,
            password_hash: password_hash(),
            locale: None,
        };
        let a = accounts::create_login(w, login).await.expect("account");
        let id = AccountId::from_uuid(a.id);
        let session_token = random_token();
        let csrf = random_token();
        sessions::create(w, id, &token_hash(&session_token), &csrf).await.expect("session");
        Staff {
            id,
            org,
            email: username,
            cookie: format!("pathways_session={session_token}"),
            csrf,
            token: String::new(),
        }
    }

    pub async fn person(&self, org: OrgId, name: &str, coach: Option<AccountId>) -> PersonId {
        let raw = RawPerson { preferred_name: name.into(), phone: "860-555-0142".into(), ..RawPerson::default() };
        let details = PersonDetails::parse(&raw, chrono::Utc::now().date_naive()).expect("valid");
        let p = persons::insert(self.db.store.writer(), org, &details, coach).await.expect("person");
        PersonId::from_uuid(p.id)
    }

    pub async fn send(&self, req: Request<Body>) -> TestResponse {
        send_to(&self.router, req).await
    }

    /// A page request in a signed-in browser.
    pub async fn page(&self, who: &Staff, path: &str) -> TestResponse {
        self.send(Request::get(path).header(header::COOKIE, &who.cookie).body(Body::empty()).expect("request")).await
    }

    /// A form post in a signed-in browser, with its CSRF token.
    pub async fn post_form(&self, who: &Staff, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let mut all: Vec<(&str, &str)> = vec![("csrf", who.csrf.as_str())];
        all.extend_from_slice(fields);
        let body = serde_urlencoded::to_string(&all).expect("form");
        self.send(
            Request::post(path)
                .header(header::COOKIE, &who.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .expect("request"),
        )
        .await
    }

    /// An API request with the staff member's bearer token.
    pub async fn api(&self, who: &Staff, method: Method, path: &str, body: Option<serde_json::Value>) -> TestResponse {
        let mut req =
            Request::builder().method(method).uri(path).header(header::AUTHORIZATION, format!("Bearer {}", who.token));
        let body = match body {
            Some(v) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(req.body(body).expect("request")).await
    }

    /// The audit actions recorded so far, oldest first.
    pub async fn audit_actions(&self) -> Vec<(String, String, Option<uuid::Uuid>)> {
        let mut rows = pathways_store::audit::recent(self.db.store.reader(), 10_000).await.expect("audit");
        rows.reverse();
        rows.into_iter().map(|r| (r.action, r.outcome, r.subject_person_id.or(r.entity_id))).collect()
    }
}

pub async fn send_to(router: &Router, req: Request<Body>) -> TestResponse {
    let resp = router.clone().oneshot(req).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    TestResponse { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

/// The value of `name="csrf"` in a page.
pub fn csrf_in(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("a csrf field") + "name=\"csrf\" value=\"".len();
    html[at..].split('"').next().unwrap_or_default().to_owned()
}

/// The `name=value` part of each Set-Cookie.
pub fn set_cookies(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .collect()
}

impl TestApp {
    /// This app with another sign-in policy (tiny delays, so tests can wait them out).
    pub fn with_sign_in_policy(mut self, policy: pathways_domain::throttle::SignInPolicy) -> Self {
        self.state.sign_in = policy;
        self.router = pathways_web::router(self.state.clone());
        self
    }
}

impl TestApp {
    /// A directory service whose organization is `on` Pathways (or not).
    pub async fn directory_service(&self, name: &str, org_name: &str, on: Option<OrgId>) -> uuid::Uuid {
        use pathways_store::entities::{dir_organization, dir_service};
        use pathways_store::sea_orm::{ActiveModelTrait, ActiveValue::Set};
        use serde_json::json;
        use uuid::Uuid;
        let w = self.db.store.writer();
        let now = pathways_store::now();
        let org = dir_organization::ActiveModel {
            id: Set(Uuid::now_v7()),
            source: Set("test".into()),
            external_id: Set(Uuid::now_v7().to_string()),
            name: Set(org_name.into()),
            doc: Set(json!({"name": org_name})),
            content_hash: Set(String::new()),
            retired_at: Set(None),
            updated_at: Set(now),
            pathways_org_id: Set(on.map(|o| o.as_uuid())),
        }
        .insert(w)
        .await
        .expect("organization");
        let s = dir_service::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(org.id),
            source: Set("test".into()),
            external_id: Set(Uuid::now_v7().to_string()),
            name: Set(name.into()),
            is_meeting: Set(false),
            time_zone: Set(None),
            doc: Set(json!({"name": name})),
            content_hash: Set(String::new()),
            last_verified_on: Set(None),
            retired_at: Set(None),
            updated_at: Set(now),
        }
        .insert(w)
        .await
        .expect("service");
        s.id
    }
}
