//! The follow-up rate and outcome change reports (issue 17) on a small fixture whose figures are worked out by
//! hand below: fiscal year 2025 (1 July 2024 – 30 June 2025), baselines on 1 September 2024, so each
//! reassessment is due 28 February 2025 (1 September + 180 days) with its window 29 January – 30 March 2025.

use axum::http::{Method, StatusCode};
use chrono::NaiveDate;
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::outcomes::network::Side;
use pathways_domain::{AccountId, OrgId, Role};
use pathways_store::entities::{episode, outcome_interview};
use pathways_store::sea_orm::{ActiveModelTrait, ActiveValue::Set};
use pathways_store::{network, orgs};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::util::TestApp;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a date")
}

/// The Wilson 95% score interval, written out again here from Wilson (1927) to check the report's.
fn wilson(x: f64, n: f64) -> (f64, f64) {
    let z = 1.959_963_984_540_054_f64;
    let p = x / n;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z / (1.0 + z * z / n) * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
    (if x == 0.0 { 0.0 } else { centre - half }, if x == n { 1.0 } else { centre + half })
}

struct Fixture<'a> {
    app: &'a TestApp,
    coach: AccountId,
    /// The coach's organization, where the persons, episodes and interviews go.
    org: OrgId,
}

impl Fixture<'_> {
    /// A person of the coach with one episode; returns the episode.
    async fn episode(&self, started: NaiveDate, ended: Option<NaiveDate>) -> (Uuid, Uuid) {
        let p = self.app.person(self.org, "Fixture Person", Some(self.coach)).await;
        let now = chrono::Utc::now();
        let id = Uuid::now_v7();
        episode::ActiveModel {
            id: Set(id),
            person_id: Set(p.as_uuid()),
            org_id: Set(self.org.as_uuid()),
            started_on: Set(started),
            last_service_on: Set(ended.unwrap_or(d(2025, 6, 1))),
            ended_on: Set(ended),
            closeout_reason: Set(ended.map(|_| "completed".to_owned())),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(self.app.db.store.writer())
        .await
        .expect("episode");
        (p.as_uuid(), id)
    }

    async fn interview(
        &self,
        (person, episode): (Uuid, Uuid),
        kind: &str,
        status: &str,
        on: NaiveDate,
        answers: Value,
    ) {
        let now = chrono::Utc::now();
        // The windows as the schedule gives them for a baseline on 1 September 2024.
        let (due, opens, closes) = match kind {
            "reassessment" => (d(2025, 2, 28), d(2025, 1, 29), d(2025, 3, 30)),
            // The first anniversary of the baseline, ±30 days.
            "annual" => (d(2025, 9, 1), d(2025, 8, 2), d(2025, 10, 1)),
            _ => (d(2024, 9, 19), d(2024, 8, 20), d(2024, 9, 19)),
        };
        outcome_interview::ActiveModel {
            id: Set(Uuid::now_v7()),
            person_id: Set(person),
            org_id: Set(self.org.as_uuid()),
            episode_id: Set(episode),
            kind: Set(kind.to_owned()),
            year: Set((kind == "annual").then_some(1)),
            due_on: Set(due),
            opens_on: Set(opens),
            closes_on: Set(closes),
            status: Set(status.to_owned()),
            done_on: Set(Some(on)),
            administrative_reason: Set((status == "administrative").then(|| "not_reached".to_owned())),
            answers: Set(answers),
            instrument_id: Set("recovery-outcomes-interview".to_owned()),
            instrument_version: Set("1.0.0".to_owned()),
            recorded_by: Set(self.coach.as_uuid()),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(self.app.db.store.writer())
        .await
        .expect("interview");
    }
}

/// Answers of the shipped interview: alcohol days, housing, work, supporters, the BARC-10 answer (all ten alike).
fn answers(alcohol: i64, housing: &str, work: &str, supporters: i64, barc: i64) -> Value {
    json!({
        "days_alcohol_30": alcohol, "days_drugs_30": 0, "housing_status": housing, "housing_type": "own_or_rent",
        "work_or_school": work, "arrests_30": 0, "recovery_supporters": supporters, "barc10": vec![barc; 10]
    })
}

#[tokio::test]
async fn follow_up_and_outcome_change_figures_match_the_hand_count() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let f = Fixture { app: &app, coach: coach.id, org: app.org };
    let baseline_on = d(2024, 9, 1);
    // 24 reassessments done in the window (15 February 2025), each paired with its baseline. Person i:
    // baseline: 5 days of alcohol; stable housing when i < 12; working when i < 3; supporters 0 when i < 11;
    //           BARC-10 all 4s (40).
    // 6 months: no use when i < 13; stable housing when i < 13; working when i < 3; supporters 2 for everyone;
    //           BARC-10 all 5s (50) when i < 12, else 40.
    for i in 0..24 {
        let e = f.episode(d(2024, 8, 20), None).await;
        let work = |yes: bool| if yes { "working_full_time" } else { "neither" };
        let housing = |yes: bool| if yes { "stable" } else { "temporary" };
        let base = answers(5, housing(i < 12), work(i < 3), if i < 11 { 0 } else { 1 }, 4);
        let six = answers(if i < 13 { 0 } else { 3 }, housing(i < 13), work(i < 3), 2, if i < 12 { 5 } else { 4 });
        f.interview(e, "baseline", "complete", baseline_on, base).await;
        f.interview(e, "reassessment", "complete", d(2025, 2, 15), six).await;
    }
    // 11 administrative entries (not reached) inside the window.
    for _ in 0..11 {
        let e = f.episode(d(2024, 8, 20), None).await;
        f.interview(e, "baseline", "complete", baseline_on, answers(5, "stable", "neither", 1, 4)).await;
        f.interview(e, "reassessment", "administrative", d(2025, 2, 20), json!({})).await;
    }
    // 11 not done: 10 with nothing, one done late (15 April, after the window closed on 30 March).
    for i in 0..11 {
        let e = f.episode(d(2024, 8, 20), None).await;
        f.interview(e, "baseline", "complete", baseline_on, answers(5, "stable", "neither", 1, 4)).await;
        if i == 0 {
            f.interview(e, "reassessment", "complete", d(2025, 4, 15), answers(0, "stable", "neither", 1, 4)).await;
        }
    }
    // Not due in the year: no baseline (3); closed out before the window (2); a window closing after the year (2).
    for _ in 0..3 {
        f.episode(d(2024, 8, 20), None).await;
    }
    for _ in 0..2 {
        let e = f.episode(d(2024, 8, 20), Some(d(2024, 12, 1))).await;
        f.interview(e, "baseline", "complete", baseline_on, answers(5, "stable", "neither", 1, 4)).await;
    }
    for _ in 0..2 {
        let e = f.episode(d(2025, 2, 20), None).await;
        f.interview(e, "baseline", "complete", d(2025, 3, 1), answers(5, "stable", "neither", 1, 4)).await;
    }

    // The fixture writes interview rows directly, past the store's functions that keep outcome change's pairs and the
    // follow-up windows: make them once, as a bulk load does.
    pathways_store::outcome_pairs::rebuild(app.db.store.writer()).await.expect("rebuild the pairs");
    pathways_store::follow_up_kept::rebuild(app.db.store.writer()).await.expect("rebuild the windows");

    // Follow-up by hand: due 24 + 11 + 11 = 46; done in window 24; administrative 11; not done 11. Rate 24/46.
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let r = app.api(&supervisor, Method::GET, "/api/v1/reports/follow-up?year=2025", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    let shown = |v: &Value| v["value"].as_u64().filter(|_| v["status"] == "shown");
    let org = &j["organization"];
    assert_eq!(
        (
            shown(&org["due"]),
            shown(&org["completed_in_window"]),
            shown(&org["administrative"]),
            shown(&org["not_done"])
        ),
        (Some(46), Some(24), Some(11), Some(11))
    );
    let (low, high) = wilson(24.0, 46.0);
    assert!((org["rate"]["share"].as_f64().unwrap_or(0.0) - 24.0 / 46.0).abs() < 1e-9);
    assert!((org["rate"]["low"].as_f64().unwrap_or(0.0) - low).abs() < 1e-9, "{org}");
    assert!((org["rate"]["high"].as_f64().unwrap_or(0.0) - high).abs() < 1e-9, "{org}");
    assert_eq!(j["target"], 0.8);
    assert_eq!((j["from"].as_str(), j["to"].as_str()), (Some("2024-07-01"), Some("2025-06-30")));
    let coaches = j["coaches"].as_array().expect("coaches");
    assert_eq!(coaches.len(), 1);
    assert_eq!(shown(&coaches[0]["due"]), Some(46));
    assert!(coaches[0]["coach"].as_str().is_some_and(|c| !c.is_empty()));

    // The page (chart, target line, table) and the CSV say the same.
    let page = app.page(&supervisor, "/reports/follow-up?year=2025").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<svg role=\"img\"") && page.body.contains("target 80%"), "{}", page.body);
    assert!(page.body.contains("52% (95% CI 38%–66%)"), "24/46 and its interval, rounded: {}", page.body);
    let csv = app.page(&supervisor, "/reports/follow-up.csv?year=2025").await;
    assert!(
        csv.body.lines().last().is_some_and(|l| l.starts_with("Whole organization,46,24,11,11,0.5217,")),
        "{}",
        csv.body
    );

    // Outcome change by hand, over the 24 paired persons (the late reassessment is not in its window, so it is not
    // a 6-month interview):
    // no use 0/24 → 13/24; stable housing 12/24 → 13/24; working 3/24 → 3/24 (3 persons: withheld);
    // no arrests 24/24 → 24/24; connected 13/24 → 24/24; BARC-10 mean 40 → 45 (+5), at or above 47 0/24 → 12/24.
    let r = app.api(&supervisor, Method::GET, "/api/v1/reports/outcome-change?year=2025", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    assert_eq!(shown(&j["paired"]), Some(24));
    let by_id =
        |id: &str| j["indicators"].as_array().and_then(|a| a.iter().find(|x| x["id"] == id).cloned()).expect(id);
    let check = |v: &Value, at: &str, x: f64| {
        let (low, high) = wilson(x, 24.0);
        assert!((v[at]["share"].as_f64().unwrap_or(-1.0) - x / 24.0).abs() < 1e-9, "{at} {v}");
        assert!((v[at]["low"].as_f64().unwrap_or(-1.0) - low).abs() < 1e-9, "{at} {v}");
        assert!((v[at]["high"].as_f64().unwrap_or(-1.0) - high).abs() < 1e-9, "{at} {v}");
    };
    for (id, b, s) in [
        ("no_use", 0.0, 13.0),
        ("stable_housing", 12.0, 13.0),
        ("no_arrests", 24.0, 24.0),
        ("socially_connected", 13.0, 24.0),
    ] {
        let v = by_id(id);
        assert_eq!(shown(&v["n"]), Some(24), "{id}");
        assert_eq!(v["suppressed"], false, "{id}");
        check(&v, "baseline", b);
        check(&v, "six_months", s);
    }
    let work = by_id("employed_or_in_school");
    assert_eq!(
        (work["suppressed"].as_bool(), work["baseline"].is_null(), work["six_months"].is_null()),
        (Some(true), true, true)
    );
    let barc = &j["barc10"];
    assert_eq!(shown(&barc["n"]), Some(24));
    assert_eq!(
        (barc["baseline_mean"].as_f64(), barc["six_month_mean"].as_f64(), barc["mean_change"].as_f64()),
        (Some(40.0), Some(45.0), Some(5.0))
    );
    check(&barc["at_or_above_47"], "baseline", 0.0);
    check(&barc["at_or_above_47"], "six_months", 12.0);
    let page = app.page(&supervisor, "/reports/outcome-change?year=2025").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("40.0 at baseline, 45.0 at 6 months (change +5.0)"), "{}", page.body);
    // The chart draws the outcomes whose shares are shown (12 of 24 stably housed at baseline: a bar of 50%),
    // not the withheld one; the CSV has every outcome, the withheld one blank.
    assert!(
        page.body.contains("<svg role=\"img\" aria-labelledby=\"chart-six-title chart-six-desc\""),
        "{}",
        page.body
    );
    assert!(page.body.contains(">50%</text>"), "{}", page.body);
    assert_eq!(page.body.matches("class=\"bar-baseline\"></rect>").count(), 1 + 5, "a legend and five outcomes");
    let csv = app.page(&supervisor, "/reports/outcome-change.csv?year=2025").await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert!(lines[0].starts_with("follow_up_months,outcome,domain,n,baseline_share,"), "{}", csv.body);
    let housing = lines.iter().find(|l| l.starts_with("6,stable_housing,")).expect("housing");
    assert!(housing.contains(",24,0.5000,") && housing.contains(",0.5417,"), "{housing}");
    let work = lines.iter().find(|l| l.starts_with("6,employed_or_in_school,")).expect("work");
    assert!(work.ends_with(",24,,,,,,,true,,,"), "{work}");
    assert!(
        lines.iter().any(|l| l.starts_with("6,barc10_mean,recovery_capital,24,") && l.ends_with(",40.00,45.00,5.00"))
    );

    // Another organization's supervisor sees none of it; a coach may not read reports; both reads audited.
    let other = app.staff(app.other_org, Role::Supervisor).await;
    let r = app.api(&other, Method::GET, "/api/v1/reports/follow-up?year=2025", None).await.json();
    assert_eq!(shown(&r["organization"]["due"]), Some(0));
    let r = app.api(&coach, Method::GET, "/api/v1/reports/outcome-change?year=2025", None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let audited = app.audit_actions().await;
    assert!(audited.iter().any(|(a, _, _)| a == "report_read"));
    assert!(audited.iter().any(|(a, o, _)| a == "access_denied" && o == "denied"));

    // The network's follow-up: a state agency with the organization as a member (both sides confirmed) and the
    // other organization only asked. One line per member — the organization's, as above — and the network's.
    let w = app.db.store.writer();
    let st = orgs::create(w, &Slug::parse("state-agency").expect("slug"), "State Agency", OrgKind::StateAgency)
        .await
        .expect("state");
    let st = OrgId::from_uuid(st.id);
    network::confirm(w, st, app.org, Side::State).await.expect("ask");
    network::confirm(w, st, app.org, Side::Member).await.expect("confirm");
    network::confirm(w, st, app.other_org, Side::State).await.expect("ask only");
    let state_analyst = app.staff(st, Role::Analyst).await;
    let r = app.api(&state_analyst, Method::GET, "/api/v1/reports/network/follow-up?year=2025", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    let name = orgs::find(app.db.store.reader(), app.org).await.expect("find").expect("org").name;
    let members = j["organizations"].as_array().expect("organizations");
    assert_eq!(members.len(), 1, "only the confirmed member: {j}");
    assert_eq!(members[0]["organization"], name.as_str());
    let line = |v: &Value| {
        (shown(&v["due"]), shown(&v["completed_in_window"]), shown(&v["administrative"]), shown(&v["not_done"]))
    };
    assert_eq!(line(&members[0]), (Some(46), Some(24), Some(11), Some(11)));
    assert_eq!(line(&j["network"]), line(&members[0]));
    let page = app.page(&state_analyst, "/reports/network/follow-up?year=2025").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Follow-up rate across the network") && page.body.contains(&name), "{}", page.body);
    let csv = app.page(&state_analyst, "/reports/network/follow-up.csv?year=2025").await;
    assert!(csv.body.starts_with("organization,due,"), "{}", csv.body);
    assert!(csv.body.contains(&format!("{name},46,24,11,11,0.5217,")), "{}", csv.body);
    // The organization's own supervisor is not a state agency's reader.
    let r = app.api(&supervisor, Method::GET, "/api/v1/reports/network/follow-up?year=2025", None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

/// Outcome change at 12 months: the baseline beside the first annual interview done in its window, in the fiscal
/// year it was done in, paired only — figures by hand.
#[tokio::test]
async fn twelve_month_change_pairs_the_baseline_with_the_first_annual_interview() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let f = Fixture { app: &app, coach: coach.id, org: app.org };
    // 22 persons: at baseline (1 September 2024) stable housing when i < 11, 5 days of alcohol, BARC-10 40; a year
    // on (the annual interview, 1 September 2025, in fiscal year 2026) all stably housed, no use when i < 11,
    // BARC-10 50. One more done the day after its window closed (2 October 2025): not a 12-month interview.
    for i in 0..23 {
        let e = f.episode(d(2024, 8, 20), None).await;
        let housing = if i < 11 { "stable" } else { "temporary" };
        f.interview(e, "baseline", "complete", d(2024, 9, 1), answers(5, housing, "neither", 1, 4)).await;
        let (on, alcohol) = if i == 22 { (d(2025, 10, 2), 0) } else { (d(2025, 9, 1), if i < 11 { 0 } else { 2 }) };
        f.interview(e, "annual", "complete", on, answers(alcohol, "stable", "neither", 1, 5)).await;
    }
    pathways_store::outcome_pairs::rebuild(app.db.store.writer()).await.expect("rebuild the pairs");

    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let r = app.api(&supervisor, Method::GET, "/api/v1/reports/outcome-change?year=2026", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    let shown = |v: &Value| v["value"].as_u64().filter(|_| v["status"] == "shown");
    assert_eq!(shown(&j["paired"]), Some(0), "no 6-month reassessment in the year");
    let twelve = &j["twelve_months"];
    assert_eq!(shown(&twelve["paired"]), Some(22), "{twelve}");
    let by_id =
        |id: &str| twelve["indicators"].as_array().and_then(|a| a.iter().find(|x| x["id"] == id).cloned()).expect(id);
    let share = |v: &Value, at: &str| v[at]["share"].as_f64();
    let housing = by_id("stable_housing");
    assert_eq!(
        (shown(&housing["n"]), share(&housing, "baseline"), share(&housing, "follow_up")),
        (Some(22), Some(0.5), Some(1.0))
    );
    let no_use = by_id("no_use");
    assert_eq!((share(&no_use, "baseline"), share(&no_use, "follow_up")), (Some(0.0), Some(0.5)));
    let barc = &twelve["barc10"];
    assert_eq!(
        (
            shown(&barc["n"]),
            barc["baseline_mean"].as_f64(),
            barc["follow_up_mean"].as_f64(),
            barc["mean_change"].as_f64()
        ),
        (Some(22), Some(40.0), Some(50.0), Some(10.0))
    );
    // The year before holds none of them.
    let r = app.api(&supervisor, Method::GET, "/api/v1/reports/outcome-change?year=2025", None).await.json();
    assert_eq!(shown(&r["twelve_months"]["paired"]), Some(0));

    let page = app.page(&supervisor, "/reports/outcome-change?year=2026").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("At 12 months") && page.body.contains("40.0 at baseline, 50.0 at 12 months (change +10.0)"),
        "{}",
        page.body
    );
}

/// The network's outcome change: each member organization's share beside the network's, figures by hand; an
/// organization of fewer than 11 paired persons withheld, and not given away by the network's line.
#[tokio::test]
async fn the_networks_outcome_change_sets_each_member_beside_the_network() {
    let app = TestApp::new().await;
    let w = app.db.store.writer();
    let st = orgs::create(w, &Slug::parse("state-agency").expect("slug"), "State Agency", OrgKind::StateAgency)
        .await
        .expect("state");
    let st = OrgId::from_uuid(st.id);
    let small =
        orgs::create(w, &Slug::parse("small-program").expect("slug"), "Small Program", OrgKind::TreatmentProvider)
            .await
            .expect("small");
    let small = OrgId::from_uuid(small.id);
    // Stably housed at baseline and at 6 months (done 15 February 2025): the organization 12 → 13 of 24, the other
    // 15 → 19 of 30, the small program 2 → 3 of 5. Everyone without use, arrests or work, with one supporter.
    for (org, n, before, after) in [(app.org, 24, 12, 13), (app.other_org, 30, 15, 19), (small, 5, 2, 3)] {
        let coach = app.staff(org, Role::Coach).await;
        let f = Fixture { app: &app, coach: coach.id, org };
        for i in 0..n {
            let e = f.episode(d(2024, 8, 20), None).await;
            let housing = |yes: bool| if yes { "stable" } else { "temporary" };
            f.interview(e, "baseline", "complete", d(2024, 9, 1), answers(0, housing(i < before), "neither", 1, 4))
                .await;
            f.interview(e, "reassessment", "complete", d(2025, 2, 15), answers(0, housing(i < after), "neither", 1, 5))
                .await;
        }
    }
    pathways_store::outcome_pairs::rebuild(w).await.expect("rebuild the pairs");
    for member in [app.org, app.other_org] {
        network::confirm(w, st, member, Side::State).await.expect("ask");
        network::confirm(w, st, member, Side::Member).await.expect("confirm");
    }
    let r = app.db.store.reader();
    let a = orgs::find(r, app.org).await.expect("find").expect("org").name;
    let b = orgs::find(r, app.other_org).await.expect("find").expect("org").name;
    let state_analyst = app.staff(st, Role::Analyst).await;
    let shown = |v: &Value| v["value"].as_u64().filter(|_| v["status"] == "shown");
    let share = |v: &Value, at: &str| v[at]["share"].as_f64();
    let outcome = |j: &Value, id: &str| {
        j["outcomes"].as_array().and_then(|o| o.iter().find(|x| x["id"] == id).cloned()).expect(id)
    };
    let member = |o: &Value, name: &str| {
        o["organizations"]
            .as_array()
            .and_then(|m| m.iter().find(|x| x["organization"] == name).cloned())
            .expect("member")
    };

    // Two members, every count 11 or more (or none): all shown. The network: 27 → 32 of 54.
    let r = app.api(&state_analyst, Method::GET, "/api/v1/reports/network/outcome-change?year=2025", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    assert_eq!(j["months"], 6);
    let housing = outcome(&j, "stable_housing");
    assert_eq!(housing["organizations"].as_array().map(Vec::len), Some(2), "only confirmed members: {housing}");
    let line = |v: &Value| (shown(&v["n"]), share(v, "baseline"), share(v, "follow_up"), v["withheld"].as_bool());
    assert_eq!(line(&member(&housing, &a)), (Some(24), Some(0.5), Some(13.0 / 24.0), Some(false)));
    assert_eq!(line(&member(&housing, &b)), (Some(30), Some(0.5), Some(19.0 / 30.0), Some(false)));
    assert_eq!(line(&housing["network"]), (Some(54), Some(0.5), Some(32.0 / 54.0), Some(false)));
    let (low, high) = wilson(32.0, 54.0);
    assert!((housing["network"]["follow_up"]["low"].as_f64().unwrap_or(-1.0) - low).abs() < 1e-9);
    assert!((housing["network"]["follow_up"]["high"].as_f64().unwrap_or(-1.0) - high).abs() < 1e-9);
    let no_use = outcome(&j, "no_use");
    assert_eq!(line(&no_use["network"]), (Some(54), Some(1.0), Some(1.0), Some(false)));
    let barc = &j["barc10"];
    assert_eq!(
        (shown(&barc["n"]), barc["baseline_mean"].as_f64(), barc["follow_up_mean"].as_f64()),
        (Some(54), Some(40.0), Some(50.0))
    );
    // Nobody had a 12-month interview.
    let r =
        app.api(&state_analyst, Method::GET, "/api/v1/reports/network/outcome-change?year=2025&months=12", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(shown(&outcome(&r.json(), "stable_housing")["network"]["n"]), Some(0));

    // The page: the network's chart and table, one outcome by organization; the CSV.
    let page = app.page(&state_analyst, "/reports/network/outcome-change?year=2025&indicator=stable_housing").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Outcome change across the network") && page.body.contains("chart-network-title"));
    assert!(page.body.contains(&format!("<th scope=\"row\">{a}</th><td>24</td><td>50% (95% CI")), "{}", page.body);
    assert!(page.body.contains("<option value=\"stable_housing\" selected>"), "{}", page.body);
    let csv = app.page(&state_analyst, "/reports/network/outcome-change.csv?year=2025").await;
    assert!(csv.body.starts_with("organization,follow_up_months,outcome,"), "{}", csv.body);
    assert!(csv.body.contains(&format!("{b},6,stable_housing,housing,30,0.5000,")), "{}", csv.body);

    // The small program joins: 5 paired persons, withheld; with the network's line and the two others, its counts
    // would follow — so one more line is withheld, and every line shown still says what was counted.
    network::confirm(w, st, small, Side::State).await.expect("ask");
    network::confirm(w, st, small, Side::Member).await.expect("confirm");
    let j = app.api(&state_analyst, Method::GET, "/api/v1/reports/network/outcome-change?year=2025", None).await.json();
    let housing = outcome(&j, "stable_housing");
    let c = member(&housing, "Small Program");
    assert_eq!(
        (c["n"]["status"].as_str(), c["baseline"].is_null(), c["withheld"].as_bool()),
        (Some("fewer_than_11"), true, Some(true))
    );
    let lines = [member(&housing, &a), member(&housing, &b), housing["network"].clone()];
    assert!(lines.iter().filter(|l| l["baseline"].is_null()).count() >= 1, "{housing}");
    for (l, expected) in
        lines.iter().zip([(24, 0.5, 13.0 / 24.0), (30, 0.5, 19.0 / 30.0), (59, 29.0 / 59.0, 35.0 / 59.0)])
    {
        if !l["baseline"].is_null() {
            assert_eq!(line(l), (Some(expected.0), Some(expected.1), Some(expected.2), Some(false)));
        }
    }

    // Bad input is named; the organization's own supervisor is not a state agency's reader.
    let page = app.page(&state_analyst, "/reports/network/outcome-change?months=7").await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app.api(&state_analyst, Method::GET, "/api/v1/reports/network/outcome-change?months=7", None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let r = app.api(&supervisor, Method::GET, "/api/v1/reports/network/outcome-change", None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let audited = app.audit_actions().await;
    assert!(audited.iter().any(|(a, o, _)| a == "report_read" && o == "success"));
    assert!(audited.iter().any(|(a, o, _)| a == "access_denied" && o == "denied"));
}
