//! The consent gate's cost (issue 7): an ally's view and a referral, each timed with the gate asking the database
//! (as the app always does) and with the gate handed its answer (the baseline: the same transaction without the
//! gate's queries), interleaved in one run; and the disclosure list of a person with 10,000 disclosures.
//!
//! `cargo bench -p pathways-web --bench consent_gate` (SQLite), with `PATHWAYS_TEST_POSTGRES_URL=postgres://…`
//! for PostgreSQL; `-- --iterations N` (default 400). `bench/consent.sh` runs both. Without `--bench` (as `cargo
//! test --all-targets` runs it) it makes a short run and checks the figures are sane.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use pathways_domain::access::PersonScope;
use pathways_domain::checkin::Checkin;
use pathways_domain::consent::{ALLY_CATEGORIES, Category, ConsentDocument, Expiry, Receiver, Recipient};
use pathways_domain::locale::Locale;
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::person::PersonDetails;
use pathways_domain::plan::{ActionStep, Goal, GoalStatus, PlanContent};
use pathways_domain::{AccountId, OrgId, PersonId, PrincipalKind, Role};
use pathways_store::audit::{self, Actor};
use pathways_store::consents::{self, NewDisclosure, Signed};
use pathways_store::entities::{consent, dir_organization, dir_service};
use pathways_store::sea_orm::{ActiveModelTrait, ActiveValue::Set};
use pathways_store::testing::TestDb;
use pathways_store::{accounts, orgs, persons, plans, records};
use pathways_web::ctx::{Caller, Ctx};
use pathways_web::i18n::Tr;
use pathways_web::services::allies::{AllyRequest, Gate, ally_view};
use pathways_web::services::consents::statements;
use pathways_web::services::referrals::{ReferralAsk, send};
use pathways_web::{AppState, Config};
use uuid::Uuid;

struct World {
    db: TestDb,
    state: AppState,
    ctx: Ctx,
    caller: Caller,
    person: PersonId,
    org: OrgId,
    ally: AccountId,
    service: Uuid,
    tpo: consent::Model,
}

fn document(person: &str, recipient: Recipient, categories: Vec<Category>, tpo: bool) -> ConsentDocument {
    let t = Tr::new(Locale::En);
    ConsentDocument {
        person_name: person.into(),
        disclosing_party: "Bench Recovery Center".into(),
        categories,
        recipient,
        purpose: "Support and care".into(),
        tpo,
        statements: statements(&t, "Bench Recovery Center"),
        expiry: if tpo { Expiry::None } else { Expiry::On(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default()) },
        signature: "Signed paper form on file".into(),
        signed_on: NaiveDate::from_ymd_opt(2026, 11, 1),
    }
}

async fn world(disclosures: usize) -> anyhow::Result<World> {
    let db = TestDb::new().await;
    let w = db.store.writer();
    let org =
        orgs::create(w, &Slug::parse("bench")?, "Bench Recovery Center", OrgKind::RecoveryCommunityCenter).await?;
    let other = orgs::create(w, &Slug::parse("bench-tx")?, "Bench Treatment", OrgKind::TreatmentProvider).await?;
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
        legal_name: None,
        pronouns: None,
        date_of_birth: None,
        preferred_language: None,
        phone: Some("+18605550100".into()),
        email: None,
    };
    let person = PersonId::from_uuid(persons::insert(w, org, &details, Some(coach_id)).await?.id);
    let scope = PersonScope { org, assigned_to: None, only_person: None };
    let goals = (0..3)
        .map(|k| Goal {
            id: Uuid::now_v7(),
            dimension: pathways_domain::dimension::Dimension::ALL[k % 4],
            text: format!("Goal {k}"),
            why: String::new(),
            strengths: String::new(),
            steps: vec![ActionStep { what: "A step".into(), who: String::new(), by: None, done: k == 0 }],
            supports: Vec::new(),
            target_date: None,
            status: GoalStatus::InProgress,
            notes: Vec::new(),
        })
        .collect();
    let content = PlanContent { goals, ..PlanContent::default() };
    let author = plans::Author { account: coach_id, kind: "staff", restored_from: None };
    plans::save(w, &scope, person, 0, &content, author).await?;
    for day in 0..30 {
        let c = Checkin {
            mood: 4,
            craving: 2,
            used_since_last: false,
            use_note: Some("private words".into()),
            meetings_attended: 1,
            supports: None,
            safe: true,
        };
        records::add_checkin(w, &scope, person, &c, coach_id, pathways_store::now() - chrono::Duration::days(day))
            .await?;
    }
    let login = accounts::NewLogin {
        kind: PrincipalKind::Ally,
        org,
        person,
        username: "bench.ally",
        display_name: "Bench Ally",
        password_hash: "x",
        locale: None,
    };
    let ally = AccountId::from_uuid(accounts::create_login(w, login).await?.id);
    let now = pathways_store::now();
    let to_ally = Recipient::Ally { account: ally, name: "Bench Ally".into() };
    let ally_consent = document("Bench Person", to_ally, ALLY_CATEGORIES.to_vec(), false);
    let ally_consent = consents::create(w, &scope, person, &ally_consent, Signed::Paper, coach_id, now).await?;
    let tpo = document("Bench Person", Recipient::General, vec![Category::ReferralInformation], true);
    let tpo = consents::create(w, &scope, person, &tpo, Signed::Paper, coach_id, now).await?;
    // A provider on Pathways, in the directory.
    let dir_org = dir_organization::ActiveModel {
        id: Set(Uuid::now_v7()),
        source: Set("bench".into()),
        external_id: Set("bench-org".into()),
        name: Set("Bench Treatment".into()),
        doc: Set(serde_json::json!({"name": "Bench Treatment"})),
        content_hash: Set(String::new()),
        retired_at: Set(None),
        updated_at: Set(now),
        pathways_org_id: Set(Some(other.id)),
    }
    .insert(w)
    .await?;
    let service = dir_service::ActiveModel {
        id: Set(Uuid::now_v7()),
        organization_id: Set(dir_org.id),
        source: Set("bench".into()),
        external_id: Set("bench-service".into()),
        name: Set("Withdrawal Management".into()),
        is_meeting: Set(false),
        time_zone: Set(None),
        doc: Set(serde_json::json!({"name": "Withdrawal Management"})),
        content_hash: Set(String::new()),
        last_verified_on: Set(None),
        retired_at: Set(None),
        updated_at: Set(now),
    }
    .insert(w)
    .await?
    .id;
    // The person's history of disclosures.
    let tx = db.store.begin().await?;
    for i in 0..disclosures {
        let d = NewDisclosure {
            consent: &ally_consent,
            channel: "ally_view",
            categories: &ALLY_CATEGORIES,
            by: Some(ally),
            summary: "3 goals".into(),
            to: None,
        };
        consents::record_disclosure(&tx, d, now - chrono::Duration::minutes(i as i64)).await?;
    }
    tx.commit().await?;
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
    Ok(World { db, state, ctx, caller, person, org, ally, service, tpo })
}

async fn ally_once(w: &World, gate: Gate) -> anyhow::Result<Duration> {
    let t = Tr::new(Locale::En);
    let actor = Actor { account: Some(w.ally), role: Some("ally".into()), org: Some(w.org), ..Actor::default() };
    let started = Instant::now();
    let tx = w.db.store.begin().await?;
    audit::lock_chain(&tx).await?;
    let req = AllyRequest {
        ally: w.ally,
        org: w.org,
        person: w.person,
        time_zone: pathways_domain::deployment::DEFAULT_TIME_ZONE,
    };
    let view =
        ally_view(&tx, &actor, req, gate, &t, pathways_store::now()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    tx.commit().await?;
    anyhow::ensure!(view.is_some(), "the ally is shown what the consent names");
    Ok(started.elapsed())
}

async fn referral_once(w: &World, cached: Option<consent::Model>) -> anyhow::Result<Duration> {
    let ask =
        ReferralAsk { person: w.person, service: w.service.into(), reason: "bench", via_call: None, hold_bed: false };
    let started = Instant::now();
    send(&w.state, &w.ctx, &w.caller, &ask, cached).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(started.elapsed())
}

fn quantile(v: &mut [Duration], q: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * q).round() as usize;
    v.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn report(name: &str, mut asked: Vec<Duration>, mut cached: Vec<Duration>) -> (Duration, Duration) {
    let (a50, a99) = (quantile(&mut asked, 0.5), quantile(&mut asked, 0.99));
    let (c50, c99) = (quantile(&mut cached, 0.5), quantile(&mut cached, 0.99));
    let overhead = a50.saturating_sub(c50);
    println!(
        "{name}: with the gate median {} p99 {}; gate's answer cached median {} p99 {}; overhead {} at the median ({:.2}x)",
        ms(a50),
        ms(a99),
        ms(c50),
        ms(c99),
        ms(overhead),
        a50.as_secs_f64() / c50.as_secs_f64().max(1e-9)
    );
    (a50, c50)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let full = args.iter().any(|a| a == "--bench");
    let iterations = args
        .iter()
        .position(|a| a == "--iterations")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(if full { 400 } else { 10 });
    let disclosures = if full { 10_000 } else { 200 };
    let started = Instant::now();
    let w = world(disclosures).await?;
    let backend = if w.db.is_postgres() { "PostgreSQL" } else { "SQLite" };
    println!(
        "consent gate on {backend}: {iterations} iterations, {disclosures} disclosures (set up in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    let today = pathways_store::now().date_naive();

    // The gate's answer, asked once, for the cached runs.
    let mut granted = Vec::new();
    for category in ALLY_CATEGORIES {
        if let Some(c) = consents::gate(w.db.store.writer(), w.person, Receiver::Ally(w.ally), category, today).await? {
            granted.push((category, c));
        }
    }
    anyhow::ensure!(granted.len() == 3, "the ally's consent names three categories");
    for _ in 0..5 {
        ally_once(&w, Gate::Ask).await?;
    }
    let (mut asked, mut cached) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        asked.push(ally_once(&w, Gate::Ask).await?);
        cached.push(ally_once(&w, Gate::Cached(granted.clone())).await?);
    }
    let (a, c) = report("ally view", asked, cached);
    anyhow::ensure!(a > Duration::ZERO && c > Duration::ZERO);

    let (mut asked, mut cached) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        asked.push(referral_once(&w, None).await?);
        cached.push(referral_once(&w, Some(w.tpo.clone())).await?);
    }
    report("referral", asked, cached);

    // The person's disclosure list: the first page and one deep in, with the count.
    let scope = PersonScope { org: w.org, assigned_to: None, only_person: None };
    let since = pathways_store::now() - chrono::Duration::days(3 * 365);
    let (mut first, mut deep) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        let s = Instant::now();
        let (rows, total) = consents::disclosures(w.db.store.reader(), &scope, w.person, since, 0, 50).await?;
        first.push(s.elapsed());
        anyhow::ensure!(rows.len() == 50 && total as usize >= disclosures, "a full first page");
        let s = Instant::now();
        consents::disclosures(w.db.store.reader(), &scope, w.person, since, total / 2, 50).await?;
        deep.push(s.elapsed());
    }
    let (f50, f99) = (quantile(&mut first, 0.5), quantile(&mut first, 0.99));
    let (d50, d99) = (quantile(&mut deep, 0.5), quantile(&mut deep, 0.99));
    println!(
        "disclosure list ({disclosures}+ disclosures): first page median {} p99 {}; middle page median {} p99 {}",
        ms(f50),
        ms(f99),
        ms(d50),
        ms(d99)
    );
    Ok(())
}
