//! FHIR `$everything` (issue 18) for a person with two years of data — 100 check-ins, 8 check-up interviews, 8
//! BARC-10s, 40 encounters, a plan saved 12 times — exported under a consent naming every exportable category (the
//! consent gate, the reads, the mapping, the accounting entry and the audit event, committed), and the FHIR search
//! `Observation?patient=…&_count=50`, interleaved in one run: both as use cases, and through the app's router (a
//! bearer token, the middleware, the JSON written) beside `GET /healthz` through the same router, for the ratio.
//!
//! `cargo bench -p pathways-web --bench fhir_export` (SQLite), with `PATHWAYS_TEST_POSTGRES_URL=postgres://…` for
//! PostgreSQL; `-- --iterations N` (default 300). Without `--bench` (as `cargo test --all-targets` runs it) a short
//! run that checks the export carries what the consent names.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::NaiveDate;
use http_body_util::BodyExt;
use pathways_domain::access::PersonScope;
use pathways_domain::barc10::Barc10Answers;
use pathways_domain::checkin::Checkin;
use pathways_domain::checkup::{CheckupAnswers, RawCheckupAnswers};
use pathways_domain::consent::{ConsentDocument, Expiry, Recipient};
use pathways_domain::encounter::{Encounter, EncounterType};
use pathways_domain::locale::Locale;
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::person::PersonDetails;
use pathways_domain::plan::{ActionStep, Goal, GoalStatus, PlanContent};
use pathways_domain::token::TokenScope;
use pathways_domain::{AccountId, OrgId, PersonId, Role};
use pathways_store::consents::{self, Signed};
use pathways_store::testing::TestDb;
use pathways_store::{accounts, checkups, orgs, persons, plans, records, tokens};
use pathways_web::auth::secret::{random_token, token_hash};
use pathways_web::ctx::{Caller, Ctx};
use pathways_web::i18n::Tr;
use pathways_web::services::consents::statements;
use pathways_web::services::fhir::search::SearchParams;
use pathways_web::services::fhir::{EXPORT_CATEGORIES, export, search_record};
use pathways_web::{AppState, Config};
use tower::ServiceExt;
use uuid::Uuid;

struct World {
    _db: TestDb,
    state: AppState,
    /// A bearer token of the coach, for the requests through the router.
    token: String,
    ctx: Ctx,
    caller: Caller,
    person: PersonId,
}

async fn world() -> anyhow::Result<World> {
    let db = TestDb::new().await;
    let w = db.store.writer();
    let org =
        orgs::create(w, &Slug::parse("bench")?, "Bench Recovery Center", OrgKind::RecoveryCommunityCenter).await?;
    let org = OrgId::from_uuid(org.id);
    let staff = accounts::NewStaff {
        org,
        role: Role::Coach,
        email: "coach@bench.test",
        display_name: "Bench Coach",
        password_hash: "x",
    };
    let coach = accounts::create_staff(w, staff).await?;
    let coach_id = AccountId::from_uuid(coach.id);
    let details = PersonDetails {
        preferred_name: "Bench Person".into(),
        legal_name: Some("Bench Q Person".into()),
        pronouns: None,
        date_of_birth: NaiveDate::from_ymd_opt(1990, 5, 1),
        preferred_language: Some("en".into()),
        phone: Some("+18605550100".into()),
        email: None,
    };
    let person = PersonId::from_uuid(persons::insert(w, org, &details, Some(coach_id)).await?.id);
    let scope = PersonScope { org, assigned_to: None, only_person: None };
    let now = pathways_store::now();
    for version in 0..12 {
        let goals = (0..4)
            .map(|k| Goal {
                id: Uuid::now_v7(),
                dimension: pathways_domain::dimension::Dimension::ALL[k % 4],
                text: format!("Goal {k}, version {version}"),
                why: String::new(),
                strengths: String::new(),
                steps: (0..3)
                    .map(|s| ActionStep { what: format!("Step {s}"), who: "me".into(), by: None, done: s == 0 })
                    .collect(),
                supports: Vec::new(),
                target_date: None,
                status: GoalStatus::InProgress,
                notes: Vec::new(),
            })
            .collect();
        let content = PlanContent { goals, ..PlanContent::default() };
        let author = plans::Author { account: coach_id, kind: "staff", restored_from: None };
        plans::save(w, &scope, person, version, &content, author).await?;
    }
    for day in 0..100 {
        let c = Checkin {
            mood: 4,
            craving: 2,
            used_since_last: false,
            use_note: Some("private words".into()),
            meetings_attended: 1,
            supports: None,
            safe: true,
        };
        records::add_checkin(w, &scope, person, &c, coach_id, now - chrono::Duration::days(day * 7)).await?;
    }
    for k in 0..8 {
        let answers = Barc10Answers::parse(&[Some(5); 10]).map_err(|e| anyhow::anyhow!("{e}"))?;
        records::add_assessment(w, &scope, person, &answers, coach_id, "staff", now - chrono::Duration::days(k * 90))
            .await?;
    }
    let tz = chrono_tz::America::New_York;
    for k in 0..8 {
        let raw = RawCheckupAnswers {
            days_alcohol_90: Some(k),
            days_drugs_90: Some(0),
            weekly_use_since_last: Some(false),
            past_month_problems: Some(vec!["money".into()]),
            wants_treatment: Some(false),
            in_treatment: Some(false),
            housing: Some("stable".into()),
            ..RawCheckupAnswers::default()
        };
        let answers = CheckupAnswers::parse(&raw).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let by = checkups::By { account: coach_id, kind: "staff" };
        checkups::record(w, &scope, person, &answers, by, now - chrono::Duration::days(k * 90), tz).await?;
    }
    for k in 0..40 {
        let e = Encounter {
            date: now.date_naive() - chrono::Duration::days(k * 18),
            kind: EncounterType::InPerson,
            minutes: 45,
            topics: vec!["work".into()],
            notes: Some("private notes".into()),
        };
        records::add_encounter(w, &scope, person, &e, coach_id).await?;
    }
    let t = Tr::new(Locale::En);
    let doc = ConsentDocument {
        person_name: "Bench Person".into(),
        disclosing_party: "Bench Recovery Center".into(),
        categories: EXPORT_CATEGORIES.to_vec(),
        recipient: Recipient::Organization { org: None, name: "Bench Clinic".into() },
        purpose: "Continuing care".into(),
        tpo: false,
        statements: statements(&t, "Bench Recovery Center"),
        expiry: Expiry::On(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default()),
        signature: "Signed paper form on file".into(),
        signed_on: NaiveDate::from_ymd_opt(2026, 11, 1),
    };
    consents::create(w, &scope, person, &doc, Signed::Paper, coach_id, now).await?;
    let caller = Caller::from_account(&coach, None).ok_or_else(|| anyhow::anyhow!("caller"))?;
    let ctx = Ctx {
        request_id: "bench".into(),
        client_addr: None,
        locale: Locale::En,
        caller: Some(caller.clone()),
        csrf: String::new(),
        path: "/".into(),
        flash: None,
    };
    let state = AppState::new(db.store.clone(), Config::for_database(&db.url));
    let token = random_token();
    let new = tokens::NewToken {
        account: coach_id,
        token_hash: &token_hash(&token),
        label: "bench",
        scope: TokenScope::Read,
        expires_at: now + chrono::Duration::days(1),
    };
    tokens::create(w, new).await?;
    Ok(World { _db: db, state, token, ctx, caller, person })
}

fn quantile(v: &mut [Duration], q: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * q).round() as usize;
    v.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let full = args.iter().any(|a| a == "--bench");
    let iterations: usize = args
        .iter()
        .position(|a| a == "--iterations")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(if full { 300 } else { 5 });
    let started = Instant::now();
    let w = world().await?;
    let backend = if w._db.is_postgres() { "PostgreSQL" } else { "SQLite" };
    println!("FHIR on {backend}: {iterations} iterations (set up in {:.1} s)", started.elapsed().as_secs_f64());
    let first = export(&w.state, &w.ctx, &w.caller, w.person, Some("Bench Clinic")).await?;
    let kinds = |k: &str| first.entry.iter().filter(|e| e.resource.type_name() == k).count();
    anyhow::ensure!(kinds("Encounter") == 40 && kinds("Observation") == 8 && kinds("Goal") == 4, "the export");
    anyhow::ensure!(kinds("QuestionnaireResponse") == 116, "8 BARC-10s, 100 check-ins, 8 check-up interviews");
    let (mut everything, mut search) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        let s = Instant::now();
        export(&w.state, &w.ctx, &w.caller, w.person, Some("Bench Clinic")).await?;
        everything.push(s.elapsed());
        let s = Instant::now();
        let params = SearchParams { count: 50, ..SearchParams::default() };
        let page = search_record(&w.state, &w.ctx, &w.caller, w.person, "Observation", &params).await?;
        search.push(s.elapsed());
        anyhow::ensure!(page.items.len() == 8);
    }
    // Through the router: the search and /healthz, interleaved, one request at a time.
    let router = pathways_web::router(w.state.clone());
    let call = |path: String, token: Option<String>| {
        let router = router.clone();
        async move {
            let mut req = Request::get(path);
            if let Some(t) = token {
                req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
            }
            let resp = router.oneshot(req.body(Body::empty())?).await?;
            let status = resp.status();
            let bytes = resp.into_body().collect().await?.to_bytes();
            anyhow::ensure!(status == StatusCode::OK, "{status}");
            Ok::<usize, anyhow::Error>(bytes.len())
        }
    };
    let search_path = format!("/fhir/r4/Observation?patient={}&_count=50", w.person);
    let (mut http_search, mut healthz) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        let s = Instant::now();
        let n = call(search_path.clone(), Some(w.token.clone())).await?;
        http_search.push(s.elapsed());
        anyhow::ensure!(n > 1000, "the search answered {n} bytes");
        let s = Instant::now();
        call("/healthz".into(), None).await?;
        healthz.push(s.elapsed());
    }
    let (h50, h99) = (quantile(&mut http_search, 0.5), quantile(&mut http_search, 0.99));
    let (z50, z99) = (quantile(&mut healthz, 0.5), quantile(&mut healthz, 0.99));
    let per_second = |v: &[Duration]| v.len() as f64 / v.iter().sum::<Duration>().as_secs_f64().max(f64::EPSILON);
    println!(
        "through the router, one at a time: GET /fhir/r4/Observation?patient=…&_count=50 median {} p99 {} ({:.0}/s); \
         GET /healthz median {} p99 {} ({:.0}/s); ratio {:.3} × /healthz",
        ms(h50),
        ms(h99),
        per_second(&http_search),
        ms(z50),
        ms(z99),
        per_second(&healthz),
        per_second(&http_search) / per_second(&healthz)
    );
    let (e50, e99) = (quantile(&mut everything, 0.5), quantile(&mut everything, 0.99));
    let (s50, s99) = (quantile(&mut search, 0.5), quantile(&mut search, 0.99));
    println!(
        "$everything ({} entries): median {} p99 {}; Observation?patient=…&_count=50: median {} p99 {}",
        first.entry.len(),
        ms(e50),
        ms(e99),
        ms(s50),
        ms(s99)
    );
    Ok(())
}
