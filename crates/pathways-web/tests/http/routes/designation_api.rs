//! Recovery Friendly designations (issue 20, branch rf-api): the public list and the programs as JSON
//! (`/api/v1/recovery-friendly`, `…/programs`: the page's rows exactly, filtered by kind and town, a bad value 400);
//! an advisor detaches a training attached by mistake (confirmed, audited; another organization's 404, a coach 403);
//! an applicant removes a file they sent through their private link (confirmed, audited; an accepted step's file
//! stays: 422 naming it).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Duration, Months, NaiveDate};
use pathways_domain::Role;
use pathways_domain::community::designation::{Application, Evidence, Program, ProgramForm, check_evidence_file};
use pathways_domain::community::naloxone::{Training, TrainingKind};
use pathways_domain::community::volunteers::{Designation, DesignationKind};
use pathways_store::audit::Actor;
use pathways_store::designation_programs as store;
use pathways_store::sea_orm::{EntityTrait, PaginatorTrait};
use pathways_web::auth::secret::{random_token, token_hash};
use uuid::Uuid;

use crate::util::{Staff, TestApp, TestResponse, csrf_in, set_cookies};

/// A program of `app.org`: two steps, `trainings` required, renewed every 24 months.
async fn program(app: &TestApp, kind: &str, trainings: Vec<(TrainingKind, String)>) -> Uuid {
    let form = ProgramForm {
        kind: kind.into(),
        name_en: format!("Recovery Friendly {kind}"),
        name_es: format!("Programa {kind} amigable con la recuperación"),
        steps: "Policy | Política | The policy | La política\nPledge | Compromiso | The pledge | El compromiso".into(),
        renewal_months: "24".into(),
        trainings,
    };
    let p = Program::parse(&form).expect("a program");
    let tx = app.db.store.begin().await.expect("tx");
    let id = store::save_program(&tx, &Actor::default(), app.org, None, &p, pathways_store::now())
        .await
        .expect("save")
        .expect("saved");
    tx.commit().await.expect("commit");
    id
}

/// An application to `program` by `name` in `town`: its private link's path and its id.
async fn apply(app: &TestApp, program: Uuid, name: &str, town: &str) -> (String, Uuid) {
    let tx = app.db.store.begin().await.expect("tx");
    let row = store::program(&tx, program).await.expect("query").expect("program");
    let a = Application {
        organization: name.into(),
        town: town.into(),
        contact_name: "Ana".into(),
        contact_email: "ana@example.org".into(),
    };
    let token = random_token();
    let id = store::create_application(&tx, &Actor::default(), &row, &a, &token_hash(&token), pathways_store::now())
        .await
        .expect("application");
    tx.commit().await.expect("commit");
    (format!("/recovery-friendly/applications/{token}"), id)
}

/// Designates application `id` of `program` on `on` (the advisor's designation, as the store makes it).
async fn designate(app: &TestApp, program: Uuid, id: Uuid, on: NaiveDate) {
    let tx = app.db.store.begin().await.expect("tx");
    let p = store::program(&tx, program).await.expect("query").expect("program");
    let a = store::application_of(&tx, app.org, id).await.expect("query").expect("application");
    store::designate(&tx, &Actor::default(), &p, &a, on, pathways_store::now()).await.expect("designate");
    tx.commit().await.expect("commit");
}

async fn api(app: &TestApp, query: &str) -> TestResponse {
    app.send(Request::get(format!("/api/v1/recovery-friendly{query}")).body(Body::empty()).expect("req")).await
}

fn names(list: &serde_json::Value) -> Vec<String> {
    list["designations"]
        .as_array()
        .expect("designations")
        .iter()
        .map(|d| d["name"].as_str().expect("a name").to_owned())
        .collect()
}

#[tokio::test]
async fn the_public_api_lists_exactly_the_pages_designations_filtered_by_kind_and_town() {
    let app = TestApp::new().await;
    let workplaces = program(&app, "workplace", vec![(TrainingKind::Naloxone, "1".into())]).await;
    // Yesterday: a day in the past whatever the deployment's zone.
    let on = chrono::Utc::now().date_naive() - Duration::days(1);
    let (_, designated) = apply(&app, workplaces, "Acme Tools", "Hartford").await;
    designate(&app, workplaces, designated, on).await;
    let (_, lapsed) = apply(&app, workplaces, "Lapsed Works", "Hartford").await;
    designate(&app, workplaces, lapsed, on - Duration::days(3 * 366)).await;
    let (_, withdrawn) = apply(&app, workplaces, "Gone Corp", "Hartford").await;
    designate(&app, workplaces, withdrawn, on).await;
    let tx = app.db.store.begin().await.expect("tx");
    let row = store::application_of(&tx, app.org, withdrawn).await.expect("query").expect("application");
    store::withdraw(&tx, &Actor::default(), &row, pathways_store::now()).await.expect("withdraw");
    // A designation recorded by hand: no renewal day.
    let by_hand = Designation {
        kind: DesignationKind::Community,
        name: "Town of West Hartford".into(),
        town: Some("West Hartford".into()),
        designated_on: on - Duration::days(30),
        designated_by: "West Hartford Town Council".into(),
    };
    pathways_store::volunteers::add_designation(&tx, &Actor::default(), app.org, &by_hand, pathways_store::now())
        .await
        .expect("recorded");
    tx.commit().await.expect("commit");

    // The page and the API list the same rows: the designated and the one recorded by hand, not the lapsed nor the
    // withdrawn; no token needed.
    let page = app.send(Request::get("/recovery-friendly").body(Body::empty()).expect("req")).await;
    assert_eq!(page.status, StatusCode::OK);
    for (name, listed) in
        [("Acme Tools", true), ("Town of West Hartford", true), ("Lapsed Works", false), ("Gone Corp", false)]
    {
        assert_eq!(page.body.contains(name), listed, "{name} on the page");
    }
    let all = api(&app, "").await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.body);
    assert!(all.header("content-type").starts_with("application/json"));
    let all = all.json();
    assert_eq!(names(&all), ["Acme Tools", "Town of West Hartford"], "newest first, as the page");
    assert_eq!(all["total"].as_u64(), Some(2));
    let acme = &all["designations"][0];
    let due = on.checked_add_months(Months::new(24)).expect("a day");
    assert_eq!(
        *acme,
        serde_json::json!({
            "name": "Acme Tools",
            "town": "Hartford",
            "kind": "workplace",
            "designated_on": on.to_string(),
            "renewal_due_on": due.to_string(),
            "designated_by": "Home Org",
        })
    );
    let town = &all["designations"][1];
    assert_eq!(town["kind"].as_str(), Some("community"));
    assert!(town["renewal_due_on"].is_null(), "recorded by hand: no renewal day");
    assert_eq!(town["designated_by"].as_str(), Some("West Hartford Town Council"));

    // Filters: a kind, a town matched whole in any case, both.
    for (query, want) in [
        ("?kind=community", vec!["Town of West Hartford"]),
        ("?kind=workplace", vec!["Acme Tools"]),
        ("?kind=", vec!["Acme Tools", "Town of West Hartford"]),
        ("?town=hartford", vec!["Acme Tools"]),
        ("?town=%20WEST%20hartford%20", vec!["Town of West Hartford"]),
        ("?kind=workplace&town=West%20Hartford", vec![]),
        ("?town=Glastonbury", vec![]),
    ] {
        let r = api(&app, query).await;
        assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.body);
        let r = r.json();
        assert_eq!(names(&r), want, "{query}");
        assert_eq!(r["total"].as_u64(), Some(want.len() as u64), "{query}");
    }

    // A value that can't be one: 400 naming it, never ignored.
    let long = "a".repeat(161);
    for (query, named) in [
        ("?kind=shop".to_owned(), "kind"),
        ("?kind=Workplace".to_owned(), "kind"),
        ("?kind=%20workplace".to_owned(), "kind"),
        (format!("?town={long}"), "town"),
        ("?kind=workplace&kind=community".to_owned(), "kind"),
    ] {
        let r = api(&app, &query).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}: {}", r.body);
        let e = r.json();
        assert_eq!(e["error"]["code"].as_str(), Some("bad_query"), "{query}");
        assert!(e["error"]["detail"].as_str().unwrap_or_default().contains(named), "{query}: {e}");
    }
    let at_limit = api(&app, &format!("?town={}", "a".repeat(160))).await;
    assert_eq!(at_limit.status, StatusCode::OK, "the limit itself");

    // The programs: both languages' names and step titles, the trainings required, the renewal period.
    let community = program(&app, "community", vec![]).await;
    let r = app.send(Request::get("/api/v1/recovery-friendly/programs").body(Body::empty()).expect("req")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let programs = r.json()["programs"].as_array().expect("programs").clone();
    assert_eq!(programs.len(), 2);
    let by_id = |id: Uuid| programs.iter().find(|p| p["id"].as_str() == Some(&id.to_string())).expect("listed");
    assert_eq!(
        *by_id(workplaces),
        serde_json::json!({
            "id": workplaces.to_string(),
            "name": {"en": "Recovery Friendly workplace", "es": "Programa workplace amigable con la recuperación"},
            "kind": "workplace",
            "designated_by": "Home Org",
            "steps": [{"en": "Policy", "es": "Política"}, {"en": "Pledge", "es": "Compromiso"}],
            "trainings": [{"kind": "naloxone", "count": 1}],
            "renewal_months": 24,
        })
    );
    let c = by_id(community);
    assert_eq!(c["name"]["es"].as_str(), Some("Programa community amigable con la recuperación"));
    assert_eq!(c["kind"].as_str(), Some("community"));
    assert_eq!(c["trainings"], serde_json::json!([]));
}

/// A training `org` recorded.
async fn record(app: &TestApp, org: pathways_domain::OrgId, kind: TrainingKind, place: &str) -> Uuid {
    let tx = app.db.store.begin().await.expect("tx");
    let t = Training {
        kind,
        held_on: chrono::Utc::now().date_naive() - Duration::days(3),
        attendees: 12,
        place: Some(place.into()),
    };
    let id = pathways_store::naloxone::record_training(&tx, &Actor::default(), org, &t, pathways_store::now())
        .await
        .expect("record");
    tx.commit().await.expect("commit");
    id
}

/// The page a 303 sends `who` to, with the flash the redirect set.
async fn follow(app: &TestApp, who: &Staff, redirect: &TestResponse) -> TestResponse {
    let cookies = [who.cookie.clone()].into_iter().chain(set_cookies(&redirect.headers)).collect::<Vec<_>>();
    app.send(
        Request::get(redirect.location()).header(header::COOKIE, cookies.join("; ")).body(Body::empty()).expect("req"),
    )
    .await
}

/// The latest audit event's action, entity and detail.
async fn last_event(app: &TestApp) -> (String, Option<Uuid>, Option<String>) {
    let e = pathways_store::audit::recent(app.db.store.reader(), 1).await.expect("audit").pop().expect("an event");
    (e.action, e.entity_id, e.detail)
}

async fn attached(app: &TestApp) -> u64 {
    pathways_store::entities::designation_training::Entity::find().count(app.db.store.reader()).await.expect("count")
}

#[tokio::test]
async fn an_advisor_detaches_a_training_attached_by_mistake_once_confirmed() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let p = program(&app, "workplace", vec![(TrainingKind::Stigma, "1".into())]).await;
    let (_, id) = apply(&app, p, "Acme Tools", "Hartford").await;
    let page_path = format!("/designation-applications/{id}");
    let right = record(&app, app.org, TrainingKind::Stigma, "Acme hall").await;
    let mistake = record(&app, app.org, TrainingKind::Stigma, "Another employer's hall").await;
    for t in [right, mistake] {
        let done = app.post_form(&admin, &format!("{page_path}/trainings"), &[("training", &t.to_string())]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    }
    let page = app.page(&admin, &page_path).await;
    assert!(page.body.contains("Reducing stigma: required 1, recorded 2</strong> (met)"), "{}", page.body);
    let detach = format!("{page_path}/trainings/{mistake}/detach");
    assert!(page.body.contains(&format!("action=\"{detach}\"")), "each attached training has its form");
    assert!(page.body.contains("Yes, detach this training (Reducing stigma"), "{}", page.body);

    // The box unticked: 422 naming it, nothing detached.
    let unticked = app.post_form(&admin, &detach, &[]).await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", unticked.body);
    assert!(unticked.body.contains("href=\"#confirm_detach\""), "{}", unticked.body);
    assert!(unticked.body.contains("Confirm detaching the training"), "{}", unticked.body);
    assert_eq!(attached(&app).await, 2);

    // Confirmed: detached, audited in its transaction naming it, confirmed on the page, offered again.
    let done = app.post_form(&admin, &detach, &[("confirm_detach", "yes")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), format!("{page_path}#trainings"));
    assert_eq!(attached(&app).await, 1);
    assert_eq!(
        last_event(&app).await,
        ("designation_save".to_owned(), Some(id), Some(format!("training_detached training={mistake}")))
    );
    let page = follow(&app, &admin, &done).await;
    assert!(page.body.contains("Training detached. It no longer counts toward this application."), "{}", page.body);
    assert!(page.body.contains("Reducing stigma: required 1, recorded 1</strong> (met)"), "{}", page.body);
    assert!(page.body.contains(&format!("<option value=\"{mistake}\">")), "it may be attached again: {}", page.body);
    assert!(!page.body.contains(&format!("action=\"{detach}\"")));

    // Not attached (any more), unknown or malformed: 404; nothing else changes.
    for path in [
        detach.clone(),
        format!("{page_path}/trainings/{}/detach", Uuid::now_v7()),
        format!("{page_path}/trainings/not-an-id/detach"),
    ] {
        let r = app.post_form(&admin, &path, &[("confirm_detach", "yes")]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(attached(&app).await, 1);

    // Another organization's advisor: 404; a coach: 403; signed out: to sign in. Nothing detached.
    let kept = format!("{page_path}/trainings/{right}/detach");
    let other = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(app.post_form(&other, &kept, &[("confirm_detach", "yes")]).await.status, StatusCode::NOT_FOUND);
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.post_form(&coach, &kept, &[("confirm_detach", "yes")]).await.status, StatusCode::FORBIDDEN);
    let anonymous = app.send(Request::post(&kept).body(Body::empty()).expect("req")).await;
    assert!(anonymous.status.is_redirection() || anonymous.status == StatusCode::FORBIDDEN, "{}", anonymous.status);
    assert_eq!(attached(&app).await, 1);

    // Spanish: the confirmation and its message.
    assert!(app.page(&admin, "/lang/es?next=/staff").await.status.is_redirection());
    let page = app.page(&admin, &page_path).await;
    assert!(page.body.contains("Sí, separar esta capacitación (Reducir el estigma"), "{}", page.body);
    let done = app.post_form(&admin, &kept, &[("confirm_detach", "yes")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let page = follow(&app, &admin, &done).await;
    assert!(page.body.contains("Capacitación separada."), "{}", page.body);
    assert_eq!(attached(&app).await, 0);
}

/// Evidence with a PDF for `step` of application `id`: the submission's id (the file's).
async fn sent_with_file(app: &TestApp, id: Uuid, step: usize, name: &str) -> Uuid {
    let tx = app.db.store.begin().await.expect("tx");
    let now = pathways_store::now();
    let e = Evidence { step, text: format!("Our evidence for step {}", step + 1), link: None };
    let submission = store::add_submission(&tx, &Actor::default(), id, &e, now).await.expect("evidence");
    let file = check_evidence_file(name, b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n%%EOF\n").expect("a PDF").expect("a file");
    store::add_evidence_file(&tx, &Actor::default(), id, submission, &file, now).await.expect("the file");
    tx.commit().await.expect("commit");
    submission
}

/// The applicant's browser (no account): opens their page, then posts `fields` to `action` with the page's CSRF.
async fn applicant_post(app: &TestApp, link: &str, action: &str, fields: &[(&str, &str)], lang: &str) -> TestResponse {
    let page =
        app.send(Request::get(link).header(header::ACCEPT_LANGUAGE, lang).body(Body::empty()).expect("req")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let mut all = vec![("csrf", csrf_in(&page.body))];
    all.extend(fields.iter().map(|(k, v)| (*k, (*v).to_owned())));
    app.send(
        Request::post(action)
            .header(header::COOKIE, set_cookies(&page.headers).join("; "))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT_LANGUAGE, lang)
            .header(header::ORIGIN, "http://localhost")
            .header(header::HOST, "localhost")
            .body(Body::from(serde_urlencoded::to_string(&all).expect("form")))
            .expect("req"),
    )
    .await
}

async fn files_kept(app: &TestApp) -> u64 {
    pathways_store::entities::designation_evidence_file::Entity::find()
        .count(app.db.store.reader())
        .await
        .expect("count")
}

#[tokio::test]
async fn an_applicant_removes_a_file_sent_on_a_step_not_accepted() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let p = program(&app, "workplace", vec![]).await;
    let (link, id) = apply(&app, p, "Acme Tools", "Hartford").await;
    let wrong_file = sent_with_file(&app, id, 0, "wrong.pdf").await;
    let pledge = sent_with_file(&app, id, 1, "pledge.pdf").await;
    let remove = format!("{link}/evidence/{wrong_file}/remove");

    // The page offers the removal beside the file, behind a box to tick (Spanish too).
    let page = app.send(Request::get(&link).body(Body::empty()).expect("req")).await;
    assert!(page.body.contains("File sent: wrong.pdf"), "{}", page.body);
    assert!(page.body.contains(&format!("action=\"{remove}\"")), "{}", page.body);
    assert!(page.body.contains("Yes, remove wrong.pdf"), "{}", page.body);
    let es =
        app.send(Request::get(&link).header(header::ACCEPT_LANGUAGE, "es").body(Body::empty()).expect("req")).await;
    assert!(es.body.contains("Sí, quitar wrong.pdf"), "{}", es.body);

    // The box unticked: 422 naming it, the file kept.
    let unticked = applicant_post(&app, &link, &remove, &[], "en").await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", unticked.body);
    assert!(unticked.body.contains("href=\"#confirm_removal\""), "{}", unticked.body);
    assert_eq!(files_kept(&app).await, 2);

    // Confirmed: the file is gone, the evidence's text stays; audited naming the submission; confirmed on the page.
    let done = applicant_post(&app, &link, &remove, &[("confirm_removal", "yes")], "en").await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), link);
    assert_eq!(files_kept(&app).await, 1);
    assert_eq!(
        last_event(&app).await,
        ("designation_save".to_owned(), Some(wrong_file), Some("evidence_file_removed".to_owned()))
    );
    let after = app
        .send(
            Request::get(&link)
                .header(header::COOKIE, set_cookies(&done.headers).join("; "))
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert!(after.body.contains("File removed. What you wrote for the step stays."), "{}", after.body);
    assert!(!after.body.contains("wrong.pdf"), "{}", after.body);
    assert!(after.body.contains("Our evidence for step 1"), "the evidence's text stays: {}", after.body);
    let download =
        app.send(Request::get(format!("{link}/evidence/{wrong_file}")).body(Body::empty()).expect("req")).await;
    assert_eq!(download.status, StatusCode::NOT_FOUND, "its bytes are gone");
    let again = applicant_post(&app, &link, &remove, &[("confirm_removal", "yes")], "en").await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "already removed");

    // An accepted step's file stays: no form, and a post is refused naming the file (English and Spanish).
    let review = app
        .post_form(&admin, &format!("/designation-applications/{id}/review"), &[("step", "1"), ("decision", "accept")])
        .await;
    assert_eq!(review.status, StatusCode::SEE_OTHER, "{}", review.body);
    let page = app.send(Request::get(&link).body(Body::empty()).expect("req")).await;
    let keep = format!("{link}/evidence/{pledge}/remove");
    assert!(!page.body.contains(&format!("action=\"{keep}\"")), "{}", page.body);
    assert!(page.body.contains("This step is accepted: its file stays with it."), "{}", page.body);
    let refused = applicant_post(&app, &link, &keep, &[("confirm_removal", "yes")], "en").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(refused.body.contains("href=\"#evidence_file\""), "{}", refused.body);
    assert!(refused.body.contains("This step is already accepted."), "{}", refused.body);
    let refused = applicant_post(&app, &link, &keep, &[("confirm_removal", "yes")], "es").await;
    assert!(refused.body.contains("Este paso ya está aceptado."), "{}", refused.body);
    assert_eq!(files_kept(&app).await, 1);

    // Another application's link, a wrong link, an unknown file: 404; nothing removed.
    let (other_link, _) = apply(&app, p, "Other Works", "Hartford").await;
    let cross = format!("{other_link}/evidence/{pledge}/remove");
    assert_eq!(
        applicant_post(&app, &other_link, &cross, &[("confirm_removal", "yes")], "en").await.status,
        StatusCode::NOT_FOUND
    );
    let unknown = format!("{link}/evidence/{}/remove", Uuid::now_v7());
    assert_eq!(
        applicant_post(&app, &link, &unknown, &[("confirm_removal", "yes")], "en").await.status,
        StatusCode::NOT_FOUND
    );
    let wrong = format!("/recovery-friendly/applications/{}/evidence/{pledge}/remove", "A".repeat(43));
    assert_eq!(
        applicant_post(&app, &link, &wrong, &[("confirm_removal", "yes")], "en").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(files_kept(&app).await, 1);
}
