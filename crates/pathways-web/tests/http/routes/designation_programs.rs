//! Recovery Friendly designation programs (issue 20, item 5): an administrator defines a program; an organization
//! applies without an account and gets a private link (a wrong or missing link is 404); it sends evidence per step;
//! an advisor of the program's owner reviews each step (a checklist confirmed, or returned with a note the applicant
//! sees) and designates once every step is accepted — then the designation is on the public list in English and
//! Spanish — and may withdraw it. An applicant, another organization and a coach cannot review. A lapsed designation
//! leaves the public list and is among the advisors' reminders with one due soon. Every write is audited.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::Duration;
use pathways_domain::Role;
use pathways_domain::community::designation::{Application, Decision, Evidence, Program, ProgramForm, Review};
use pathways_domain::community::naloxone::TrainingKind;
use pathways_store::audit::Actor;
use pathways_store::designation_programs as store;

use crate::util::{TestApp, TestResponse, csrf_in, set_cookies};

/// An anonymous browser: opens `page` (for its CSRF cookie and token), then posts `fields` to `to`.
async fn anonymous_post(app: &TestApp, page: &str, to: &str, fields: &[(&str, &str)]) -> TestResponse {
    let form = app.send(Request::get(page).body(Body::empty()).expect("req")).await;
    assert!(form.status.is_success(), "{page}: {}", form.status);
    let cookies = set_cookies(&form.headers).join("; ");
    let csrf = csrf_in(&form.body);
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    app.send(
        Request::post(to)
            .header(header::COOKIE, cookies)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ORIGIN, "http://localhost")
            .header(header::HOST, "localhost")
            .body(Body::from(serde_urlencoded::to_string(&all).expect("form")))
            .expect("req"),
    )
    .await
}

async fn get(app: &TestApp, path: &str, lang: &str) -> TestResponse {
    app.send(Request::get(path).header(header::ACCEPT_LANGUAGE, lang).body(Body::empty()).expect("req")).await
}

const STEPS: &str = "Letter | Carta | A letter | Una carta\n\
    Policy | Política | The policy | La política\n\
    - Substances | Sustancias\n\
    - Confidentiality | Confidencialidad\n";

#[tokio::test]
async fn an_application_is_reviewed_step_by_step_and_designated_on_the_public_list() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let owner = pathways_store::orgs::find(app.db.store.reader(), app.org).await.expect("query").expect("org").name;

    // Defining a program: every problem named, then saved.
    let bad = app.post_form(&admin, "/designation-programs", &[("kind", "county"), ("steps", "Only a title")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for anchor in ["#kind", "#name_en", "#name_es", "#steps", "#renewal_months"] {
        assert!(bad.body.contains(anchor), "{anchor}: {}", bad.body);
    }
    let fields = [
        ("kind", "workplace"),
        ("name_en", "Test Workplace Program"),
        ("name_es", "Programa de prueba"),
        ("steps", STEPS),
        ("renewal_months", "24"),
        ("training_stigma", "2"),
    ];
    let saved = app.post_form(&admin, "/designation-programs", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let programs = store::programs(app.db.store.reader(), Some(app.org)).await.expect("programs");
    assert_eq!(programs.len(), 1);
    let program = programs[0].id;
    assert_eq!(programs[0].program.trainings[0].kind, TrainingKind::Stigma);

    // Its public page: steps, the checklist, the form; linked from the public list; the crisis line kept.
    let page = get(&app, &format!("/recovery-friendly/programs/{program}"), "en").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Confidentiality") && page.body.contains("988"), "{}", page.body);
    assert!(page.body.contains("2 × Reducing stigma"), "{}", page.body);
    let spanish = get(&app, &format!("/recovery-friendly/programs/{program}"), "es").await;
    assert!(spanish.body.contains("Programa de prueba") && spanish.body.contains("Confidencialidad"));
    let list = get(&app, "/recovery-friendly", "en").await;
    assert!(list.body.contains(&format!("href=\"/recovery-friendly/programs/{program}\"")), "{}", list.body);
    assert_eq!(
        get(&app, &format!("/recovery-friendly/programs/{}", uuid::Uuid::now_v7()), "en").await.status,
        StatusCode::NOT_FOUND
    );

    // Applying: no account; problems named; then the private link, shown once.
    let program_page = format!("/recovery-friendly/programs/{program}");
    let wrong =
        anonymous_post(&app, &program_page, &program_page, &[("organization", "Acme"), ("contact_email", "x")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("#contact_email") && wrong.body.contains("#town"), "{}", wrong.body);
    let applied = anonymous_post(
        &app,
        &program_page,
        &program_page,
        &[
            ("organization", "Acme Tools"),
            ("town", "Hartford"),
            ("contact_name", "Ana"),
            ("contact_email", "ana@acme.example"),
        ],
    )
    .await;
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    let at = applied.body.find("/recovery-friendly/applications/").expect("the private link");
    let link: String = applied.body[at..].chars().take_while(|c| *c != '"' && *c != '<').collect();
    assert_eq!(link.len(), "/recovery-friendly/applications/".len() + 43, "{link}");
    assert!(applied.body.contains("Keep this private link"));
    let mine = get(&app, &link, "en").await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("Acme Tools") && mine.body.contains("Not started"), "{}", mine.body);
    // A wrong, malformed or missing token is 404.
    let wrong_token = format!("/recovery-friendly/applications/{}", "A".repeat(43));
    assert_eq!(get(&app, &wrong_token, "en").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/recovery-friendly/applications/short", "en").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/recovery-friendly/applications/", "en").await.status, StatusCode::NOT_FOUND);
    let no_post = anonymous_post(&app, &link, &wrong_token, &[("step", "0"), ("text", "x")]).await;
    assert_eq!(no_post.status, StatusCode::NOT_FOUND);

    // Evidence per step (problems named).
    let bad = anonymous_post(&app, &link, &link, &[("step", "0"), ("text", " "), ("link", "http://example.org")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("#text") && bad.body.contains("#link"), "{}", bad.body);
    for (step, text) in [("0", "Our letter"), ("1", "Our policy")] {
        let sent = anonymous_post(
            &app,
            &link,
            &link,
            &[("step", step), ("text", text), ("link", "https://example.org/p.pdf")],
        )
        .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    }
    let applications = store::applications_of(app.db.store.reader(), app.org).await.expect("applications");
    let id = applications[0].id;
    let review = format!("/designation-applications/{id}/review");

    // The applicant cannot review (sent to sign in); a coach is refused; another organization finds nothing.
    let anon = anonymous_post(&app, &link, &review, &[("step", "0"), ("decision", "accept")]).await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);
    assert!(anon.location().starts_with("/login"), "{}", anon.location());
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(
        app.post_form(&coach, &review, &[("step", "0"), ("decision", "accept")]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.page(&coach, &format!("/designation-applications/{id}")).await.status, StatusCode::FORBIDDEN);
    let elsewhere = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(app.page(&elsewhere, &format!("/designation-applications/{id}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.post_form(&elsewhere, &review, &[("step", "0"), ("decision", "accept")]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.page(&elsewhere, &format!("/designation-programs/{program}/edit")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!app.page(&elsewhere, "/designation-programs").await.body.contains("Acme Tools"));

    // Reviews: designating too early is refused; the policy needs its checklist; a returned step shows its note.
    let early = app.post_form(&admin, &format!("/designation-applications/{id}/designate"), &[]).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("Every step must be accepted first"), "{}", early.body);
    let unchecked =
        app.post_form(&admin, &review, &[("step", "1"), ("decision", "accept"), ("confirm_0", "yes")]).await;
    assert_eq!(unchecked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unchecked.body.contains("#checklist"), "{}", unchecked.body);
    let checked = app
        .post_form(
            &admin,
            &review,
            &[("step", "1"), ("decision", "accept"), ("confirm_0", "yes"), ("confirm_1", "yes")],
        )
        .await;
    assert_eq!(checked.status, StatusCode::SEE_OTHER, "{}", checked.body);
    let no_note = app.post_form(&admin, &review, &[("step", "0"), ("decision", "return")]).await;
    assert_eq!(no_note.status, StatusCode::UNPROCESSABLE_ENTITY);
    let returned = app
        .post_form(&admin, &review, &[("step", "0"), ("decision", "return"), ("note", "Please sign the letter")])
        .await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER);
    let mine = get(&app, &link, "en").await;
    assert!(mine.body.contains("Please sign the letter") && mine.body.contains("Accepted"), "{}", mine.body);
    let accepted_again = anonymous_post(&app, &link, &link, &[("step", "1"), ("text", "again")]).await;
    assert_eq!(accepted_again.status, StatusCode::UNPROCESSABLE_ENTITY, "an accepted step takes no more evidence");
    let resent = anonymous_post(&app, &link, &link, &[("step", "0"), ("text", "Signed letter")]).await;
    assert_eq!(resent.status, StatusCode::SEE_OTHER);
    let ok = app.post_form(&admin, &review, &[("step", "0"), ("decision", "accept")]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);

    // Designated today: on the public list, in English and Spanish, with the program's owner as the body.
    let designated = app.post_form(&admin, &format!("/designation-applications/{id}/designate"), &[]).await;
    assert_eq!(designated.status, StatusCode::SEE_OTHER, "{}", designated.body);
    let today = (pathways_store::now().with_timezone(&chrono_tz::America::New_York)).date_naive().to_string();
    let en = get(&app, "/recovery-friendly", "en").await;
    assert!(en.body.contains("Acme Tools"), "{}", en.body);
    assert!(en.body.contains(&format!("Designated on {today} by {owner}")), "{}", en.body);
    let es = get(&app, "/recovery-friendly", "es").await;
    assert!(es.body.contains(&format!("Designado el {today} por {owner}")), "{}", es.body);
    let advisors = app.page(&admin, "/designation-programs").await;
    assert!(advisors.body.contains("Acme Tools") && advisors.body.contains("renewal due"), "{}", advisors.body);

    // Withdrawn: off the public list.
    let withdrawn = app.post_form(&admin, &format!("/designation-applications/{id}/withdraw"), &[]).await;
    assert_eq!(withdrawn.status, StatusCode::SEE_OTHER);
    assert!(!get(&app, "/recovery-friendly", "en").await.body.contains("Acme Tools"));
    assert!(get(&app, &link, "en").await.body.contains("Withdrawn"));

    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(a, _, _)| a).collect();
    // A program, an application, three evidence, three reviews, a designation, a withdrawal (refusals write nothing).
    assert_eq!(actions.iter().filter(|a| *a == "designation_save").count(), 10, "{actions:?}");
}

/// A town's program renewed every month (two steps), for the reminders' tests.
fn monthly() -> Program {
    let form = ProgramForm {
        kind: "community".into(),
        name_en: "Monthly".into(),
        name_es: "Mensual".into(),
        steps: "Vote | Votación | Minutes | Acta".into(),
        renewal_months: "1".into(),
        trainings: vec![],
    };
    Program::parse(&form).expect("a program")
}

#[tokio::test]
async fn a_lapsed_designation_leaves_the_public_list_and_is_reminded_with_one_due_soon() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let p = monthly();
    let today = pathways_store::now().with_timezone(&chrono_tz::America::New_York).date_naive();
    let tx = app.db.store.begin().await.expect("tx");
    let actor = Actor::default();
    let now = pathways_store::now();
    let id = store::save_program(&tx, &actor, app.org, None, &p, now).await.expect("save").expect("saved");
    let program = store::program(&tx, id).await.expect("query").expect("program");
    for (name, days_ago, token) in [("Lapsed Town", 45, "lapsed"), ("Due Town", 20, "due"), ("Fresh Town", 0, "fresh")]
    {
        let a = Application {
            organization: name.into(),
            town: "Hartford".into(),
            contact_name: "C".into(),
            contact_email: "c@example.org".into(),
        };
        let app_id = store::create_application(&tx, &actor, &program, &a, token, now).await.expect("application");
        let e = Evidence { step: 0, text: "Minutes".into(), link: None };
        store::add_submission(&tx, &actor, app_id, &e, now).await.expect("evidence");
        let r = Review { step: 0, decision: Decision::Accept };
        store::add_review(&tx, &actor, app_id, admin.id, &r, now).await.expect("review");
        let row = store::application_of(&tx, app.org, app_id).await.expect("query").expect("row");
        store::designate(&tx, &actor, &program, &row, today - Duration::days(days_ago), now).await.expect("designate");
    }
    tx.commit().await.expect("commit");

    let list = get(&app, "/recovery-friendly", "en").await;
    assert!(!list.body.contains("Lapsed Town"), "a lapsed designation is hidden: {}", list.body);
    assert!(list.body.contains("Due Town") && list.body.contains("Fresh Town"), "{}", list.body);

    let page = app.page(&admin, "/designation-programs").await;
    let reminders = page
        .body
        .split("id=\"reminders\"")
        .nth(1)
        .expect("reminders")
        .split("id=\"applications\"")
        .next()
        .expect("part");
    assert!(reminders.contains("Lapsed Town") && reminders.contains("lapsed"), "{reminders}");
    assert!(reminders.contains("Due Town"), "due within 60 days: {reminders}");
    assert!(reminders.contains("Fresh Town"), "a one-month period is always within 60 days: {reminders}");
    let lapsed_at = reminders.find("Lapsed Town").expect("lapsed");
    assert!(lapsed_at < reminders.find("Due Town").expect("due"), "the lapsed first");
}

/// An applicant who lost their private link gets a new one from an advisor (issue 20, branch fin-stream): only the
/// token's hash is kept, so the action makes a new token whose hash replaces it — the old link opens nothing (404,
/// and takes no evidence), the new one opens the application and takes evidence — and shows the new link once to
/// the advisor (English and Spanish). Audited as the other designation actions; another organization's application
/// 404, a coach 403.
#[tokio::test]
async fn an_advisor_gives_an_applicant_who_lost_their_link_a_new_one() {
    use pathways_web::auth::secret::{random_token, token_hash};
    let app = TestApp::new().await;
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    let form = ProgramForm {
        kind: "community".into(),
        name_en: "Town program".into(),
        name_es: "Programa del pueblo".into(),
        steps: "Vote | Votación | Minutes | Acta".into(),
        renewal_months: "12".into(),
        trainings: vec![],
    };
    let p = Program::parse(&form).expect("a program");
    let old = random_token();
    let tx = app.db.store.begin().await.expect("tx");
    let now = pathways_store::now();
    let program_id = store::save_program(&tx, &Actor::default(), app.org, None, &p, now).await.expect("save");
    let program = store::program(&tx, program_id.expect("saved")).await.expect("query").expect("program");
    let a = Application {
        organization: "Lost Link Town".into(),
        town: "Hartford".into(),
        contact_name: "C".into(),
        contact_email: "c@example.org".into(),
    };
    let id =
        store::create_application(&tx, &Actor::default(), &program, &a, &token_hash(&old), now).await.expect("app");
    tx.commit().await.expect("commit");
    let old_link = format!("/recovery-friendly/applications/{old}");
    assert_eq!(get(&app, &old_link, "en").await.status, StatusCode::OK);

    // The action on the advisor's page of the application.
    let action = format!("/designation-applications/{id}/link");
    let page = app.page(&supervisor, &format!("/designation-applications/{id}")).await;
    assert!(page.body.contains(&format!("action=\"{action}\"")) && page.body.contains("Make a new private link"));

    // Another organization's advisor finds nothing; a coach is refused; the old link still works after both.
    let elsewhere = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(app.post_form(&elsewhere, &action, &[]).await.status, StatusCode::NOT_FOUND);
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.post_form(&coach, &action, &[]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(get(&app, &old_link, "en").await.status, StatusCode::OK);

    // A new link, shown once; the old one opens nothing and takes no evidence; the new one does both.
    let made = app.post_form(&supervisor, &action, &[]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    assert!(made.body.contains("New private link: Lost Link Town") && made.body.contains("shown only this once"));
    let link_in = |body: &str| {
        let at = body.find("/recovery-friendly/applications/").expect("the private link");
        body[at..].chars().take_while(|c| *c != '"' && *c != '<').collect::<String>()
    };
    let new_link = link_in(&made.body);
    assert_eq!(new_link.len(), old_link.len(), "{new_link}");
    assert_ne!(new_link, old_link);
    assert_eq!(get(&app, &old_link, "en").await.status, StatusCode::NOT_FOUND, "the old link stops working");
    let mine = get(&app, &new_link, "en").await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("Lost Link Town"), "{}", mine.body);
    let stale = anonymous_post(&app, &new_link, &old_link, &[("step", "0"), ("text", "Minutes")]).await;
    assert_eq!(stale.status, StatusCode::NOT_FOUND);
    let sent = anonymous_post(&app, &new_link, &new_link, &[("step", "0"), ("text", "Minutes")]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);

    // In Spanish, another one: the link shown before stops working in turn.
    assert!(
        app.page(&supervisor, &format!("/lang/es?next=/designation-applications/{id}")).await.status.is_redirection()
    );
    let again = app.post_form(&supervisor, &action, &[]).await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(again.body.contains("Enlace privado nuevo: Lost Link Town"), "{}", again.body);
    let newest = link_in(&again.body);
    assert_eq!(get(&app, &new_link, "en").await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, &newest, "es").await.status, StatusCode::OK);

    // Audited as the other designation actions: two new links, naming the application.
    let events = pathways_store::audit::recent(app.db.store.reader(), 50).await.expect("audit");
    let links: Vec<_> = events.iter().filter(|e| e.detail.as_deref() == Some("new_link")).collect();
    assert_eq!(links.len(), 2);
    assert!(links.iter().all(|e| e.action == "designation_save" && e.entity_id == Some(id) && e.outcome == "success"));
}

/// Issue 20 (branch rf-browser): the advisors' staff home page carries the renewals due — the same reminders as the
/// advisors' page, the most urgent first, the first five each linking to its application, the count of them all and
/// a link to the advisors' page — in English and Spanish; an organization without a program, and a coach, get no
/// such card.
#[tokio::test]
async fn the_advisors_home_page_lists_the_renewals_due_first_five_linked() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let home = app.page(&admin, "/staff").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(!home.body.contains("Renewals due</h2>"), "no program, no card: {}", home.body);

    let p = monthly();
    let today = pathways_store::now().with_timezone(&chrono_tz::America::New_York).date_naive();
    let tx = app.db.store.begin().await.expect("tx");
    let actor = Actor::default();
    let now = pathways_store::now();
    let id = store::save_program(&tx, &actor, app.org, None, &p, now).await.expect("save").expect("saved");
    let program = store::program(&tx, id).await.expect("query").expect("program");
    let mut ids = Vec::new();
    // Designated 45 … 20 days ago on a one-month period: each lapsed or due within 60 days; one still open.
    for (name, days_ago) in [
        ("Town Six", Some(20)),
        ("Town One", Some(45)),
        ("Town Three", Some(35)),
        ("Town Two", Some(40)),
        ("Town Five", Some(25)),
        ("Town Four", Some(30)),
        ("Open Town", None),
    ] {
        let a = Application {
            organization: name.into(),
            town: "Hartford".into(),
            contact_name: "C".into(),
            contact_email: "c@example.org".into(),
        };
        let app_id = store::create_application(&tx, &actor, &program, &a, name, now).await.expect("application");
        ids.push((name, app_id));
        let Some(days_ago) = days_ago else { continue };
        let e = Evidence { step: 0, text: "Minutes".into(), link: None };
        store::add_submission(&tx, &actor, app_id, &e, now).await.expect("evidence");
        let r = Review { step: 0, decision: Decision::Accept };
        store::add_review(&tx, &actor, app_id, admin.id, &r, now).await.expect("review");
        let row = store::application_of(&tx, app.org, app_id).await.expect("query").expect("row");
        store::designate(&tx, &actor, &program, &row, today - Duration::days(days_ago), now).await.expect("designate");
    }
    tx.commit().await.expect("commit");

    let home = app.page(&admin, "/staff").await;
    assert_eq!(home.status, StatusCode::OK);
    let card = home.body.split("Renewals due</h2>").nth(1).expect("the card").split("</ul>").next().expect("card");
    assert!(
        card.contains("6 Recovery Friendly designations are due for renewal in the next 60 days or have lapsed."),
        "{card}"
    );
    let order = ["Town One", "Town Two", "Town Three", "Town Four", "Town Five"];
    let at: Vec<usize> = order.iter().map(|n| card.find(n).unwrap_or_else(|| panic!("{n} in {card}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "the most urgent first: {card}");
    assert!(card.contains("Town One (Hartford): Designated on") && card.contains("lapsed"), "{card}");
    assert!(!card.contains("Town Six"), "five named; the advisors' page has them all: {card}");
    assert!(!card.contains("Open Town"), "an application not designated is no reminder: {card}");
    let (_, first) = ids.iter().find(|(n, _)| *n == "Town One").expect("Town One");
    assert!(card.contains(&format!("href=\"/designation-applications/{first}\"")), "{card}");
    assert!(card.contains("href=\"/designation-programs\""), "{card}");
    let all = app.page(&admin, "/designation-programs").await;
    assert!(all.body.contains("Town Six"), "{}", all.body);

    // A supervisor too, in Spanish.
    let supervisor = app.staff(app.org, Role::Supervisor).await;
    assert!(app.page(&supervisor, "/lang/es?next=/staff").await.status.is_redirection());
    let es = app.page(&supervisor, "/staff").await;
    assert!(es.body.contains("Renovaciones pendientes"), "{}", es.body);
    assert!(es.body.contains("6 designaciones amigas de la recuperación se renuevan"), "{}", es.body);

    // A coach does not advise; another organization has no program.
    let coach = app.staff(app.org, Role::Coach).await;
    assert!(!app.page(&coach, "/staff").await.body.contains("Town One"));
    let other = app.staff(app.other_org, Role::Admin).await;
    let theirs = app.page(&other, "/staff").await;
    assert!(!theirs.body.contains("Renewals due</h2>") && !theirs.body.contains("Town One"), "{}", theirs.body);
}

/// Issue 20 (branch rf-browser): `pathways designations remind`'s rule — each designation's applicant is mailed,
/// through a real SMTP server, a reminder of its renewal once it is within the days asked for; once per renewal day
/// (a second run sends nothing); not a lapsed, a withdrawn or a far one; a relay that is down sends nothing and
/// records nothing, so the next run tries again. The message names the applicant, the program, the day and the
/// owner in English and Spanish, with the program's public page.
#[tokio::test]
async fn the_applicant_is_mailed_a_renewal_reminder_once_through_a_real_smtp_server() {
    if let Some(why) = super::accounts::aiosmtpd_missing() {
        eprintln!("skipped: {why}");
        return;
    }
    let mut smtp = super::accounts::SmtpServer::start().await;
    let port = smtp.port;
    let app = TestApp::configured(|c| {
        c.public_url = Some("https://pathways.example.org".into());
        c.smtp = Some(pathways_web::config::SmtpSettings {
            host: "127.0.0.1".into(),
            port,
            from: "Pathways <no-reply@pathways.example.org>".into(),
            username: None,
            password: None,
            starttls: false,
        });
    })
    .await;
    let admin = app.staff(app.org, Role::Admin).await;
    let today = pathways_store::now().with_timezone(&chrono_tz::America::New_York).date_naive();
    let program_form = |months: &str| ProgramForm {
        kind: "community".into(),
        name_en: format!("Every {months} months"),
        name_es: format!("Cada {months} meses"),
        steps: "Vote | Votación | Minutes | Acta".into(),
        renewal_months: months.into(),
        trainings: vec![],
    };
    let tx = app.db.store.begin().await.expect("tx");
    let actor = Actor::default();
    let now = pathways_store::now();
    let monthly = store::save_program(&tx, &actor, app.org, None, &Program::parse(&program_form("1")).expect("p"), now)
        .await
        .expect("save")
        .expect("saved");
    let yearly = store::save_program(&tx, &actor, app.org, None, &Program::parse(&program_form("12")).expect("p"), now)
        .await
        .expect("save")
        .expect("saved");
    let monthly = store::program(&tx, monthly).await.expect("query").expect("program");
    let yearly = store::program(&tx, yearly).await.expect("query").expect("program");
    let mut ids = std::collections::HashMap::new();
    for (name, program, days_ago, withdrawn) in [
        ("Soon Town", &monthly, 20, false),
        ("Lapsed Town", &monthly, 45, false),
        ("Withdrawn Town", &monthly, 20, true),
        ("Far Town", &yearly, 0, false),
    ] {
        let a = Application {
            organization: name.into(),
            town: "Hartford".into(),
            contact_name: "C".into(),
            contact_email: format!("{}@example.org", name.split(' ').next().expect("word").to_lowercase()),
        };
        let id = store::create_application(&tx, &actor, program, &a, name, now).await.expect("application");
        store::add_submission(&tx, &actor, id, &Evidence { step: 0, text: "Minutes".into(), link: None }, now)
            .await
            .expect("evidence");
        store::add_review(&tx, &actor, id, admin.id, &Review { step: 0, decision: Decision::Accept }, now)
            .await
            .expect("review");
        let row = store::application_of(&tx, app.org, id).await.expect("query").expect("row");
        store::designate(&tx, &actor, program, &row, today - Duration::days(days_ago), now).await.expect("designate");
        if withdrawn {
            store::withdraw(&tx, &actor, &row, now).await.expect("withdraw");
        }
        ids.insert(name, id);
    }
    tx.commit().await.expect("commit");
    let mailer = app.state.mailer.clone().expect("a mailer");
    let remind =
        || pathways_web::services::designation_programs::mail_renewal_reminders(&app.state, &actor, &mailer, 30);

    let this = &app;
    let events_of = |id: uuid::Uuid| async move {
        this.audit_actions().await.iter().filter(|(a, _, on)| a == "designation_save" && *on == Some(id)).count()
    };
    let before = events_of(ids["Soon Town"]).await;
    let done = remind().await.expect("run");
    assert_eq!((done.sent, done.failed), (1, 0));
    let received = smtp.messages();
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    let due = pathways_domain::community::designation::renewal_due(today - Duration::days(20), 1);
    assert!(mail.contains("To: soon@example.org"), "{mail}");
    for words in [
        "Soon Town",
        "Every 1 months",
        "Cada 1 meses",
        &due.to_string(),
        &monthly.owner_name,
        &format!("https://pathways.example.org/recovery-friendly/programs/{}", monthly.id),
    ] {
        assert!(mail.contains(words), "{words} in {mail}");
    }
    let soon = store::application_of(app.db.store.reader(), app.org, ids["Soon Town"]).await.expect("q").expect("row");
    assert_eq!(soon.reminded_for, Some(due), "kept in the database");
    assert_eq!(events_of(soon.id).await, before + 1, "the reminder is audited");

    // A second run (the next day's, or the same day's again) sends nothing more.
    let again = remind().await.expect("run");
    assert_eq!((again.sent, again.failed), (0, 0));
    assert_eq!(smtp.messages().len(), 1);

    // The relay down: nothing sent, nothing recorded, tried again on the next run.
    let tx = app.db.store.begin().await.expect("tx");
    let a = Application {
        organization: "Second Town".into(),
        town: "Hartford".into(),
        contact_name: "C".into(),
        contact_email: "second@example.org".into(),
    };
    let id = store::create_application(&tx, &actor, &monthly, &a, "second", now).await.expect("application");
    store::add_submission(&tx, &actor, id, &Evidence { step: 0, text: "Minutes".into(), link: None }, now)
        .await
        .expect("evidence");
    store::add_review(&tx, &actor, id, admin.id, &Review { step: 0, decision: Decision::Accept }, now)
        .await
        .expect("review");
    let row = store::application_of(&tx, app.org, id).await.expect("query").expect("row");
    store::designate(&tx, &actor, &monthly, &row, today - Duration::days(22), now).await.expect("designate");
    tx.commit().await.expect("commit");
    smtp.stop();
    let down = remind().await.expect("run");
    assert_eq!((down.sent, down.failed), (0, 1));
    let second = store::application_of(app.db.store.reader(), app.org, id).await.expect("q").expect("row");
    assert_eq!(second.reminded_for, None, "not recorded: tried again next run");
}
