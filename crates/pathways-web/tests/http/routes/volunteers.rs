//! Volunteers and Recovery Friendly designations (issue 20): a center's roster lists only people who agreed to be
//! listed, their hours add up, and another center neither sees nor logs against them; a designation recorded by
//! an administrator appears on the public list (English and Spanish), with every problem named (422).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::Role;

use crate::util::TestApp;

#[tokio::test]
async fn a_center_lists_volunteers_who_agreed_and_logs_their_hours() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let yesterday = (pathways_store::now().date_naive() - chrono::Duration::days(1)).to_string();

    let not_agreed = app.post_form(&coach, "/community/volunteers", &[("name", "Maria")]).await;
    assert_eq!(not_agreed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(not_agreed.body.contains("#agreed_to_list"), "{}", not_agreed.body);
    let added = app.post_form(&coach, "/community/volunteers", &[("name", "Maria"), ("agreed_to_list", "true")]).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);

    let roster = pathways_store::volunteers::roster(app.db.store.reader(), app.org).await.expect("roster");
    assert_eq!(roster.len(), 1);
    let id = roster[0].id.to_string();
    for hours in ["1.5", "0.25"] {
        let logged = app
            .post_form(
                &coach,
                "/community/volunteer-hours",
                &[("volunteer", &id), ("date", &yesterday), ("activity", "Front desk"), ("hours", hours)],
            )
            .await;
        assert_eq!(logged.status, StatusCode::SEE_OTHER, "{}", logged.body);
    }
    let bad = app
        .post_form(
            &coach,
            "/community/volunteer-hours",
            &[("volunteer", &id), ("date", &yesterday), ("activity", ""), ("hours", "1.1")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("#activity") && bad.body.contains("#hours"), "{}", bad.body);

    let page = app.page(&coach, "/community/volunteers").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Maria") && page.body.contains("<td>1.75</td>"), "hours in all: {}", page.body);

    // Another center sees no one and cannot log against this center's volunteer.
    let other = app.staff(app.other_org, Role::Coach).await;
    let theirs = app.page(&other, "/community/volunteers").await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("Maria"));
    let foreign = app
        .post_form(
            &other,
            "/community/volunteer-hours",
            &[("volunteer", &id), ("date", &yesterday), ("activity", "Front desk"), ("hours", "8")],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(foreign.body.contains("#volunteer"));
    let roster = pathways_store::volunteers::roster(app.db.store.reader(), app.org).await.expect("roster");
    assert_eq!(roster[0].minutes, 105, "1.5 h + 0.25 h, and nothing from the other center");
    let clinician = app.staff(app.org, Role::Clinician).await;
    assert_eq!(app.page(&clinician, "/community/volunteers").await.status, StatusCode::FORBIDDEN);

    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(a, _, _)| a).collect();
    assert_eq!(actions.iter().filter(|a| *a == "community_record_save").count(), 3, "a volunteer and two entries");
}

#[tokio::test]
async fn a_designation_recorded_by_an_administrator_is_on_the_public_list() {
    let app = TestApp::new().await;
    let public = |lang: &'static str| {
        Request::get("/recovery-friendly").header(header::ACCEPT_LANGUAGE, lang).body(Body::empty()).expect("req")
    };
    let empty = app.send(public("en")).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("None listed yet.") && empty.body.contains("988"), "crisis line: {}", empty.body);
    let home = app.send(Request::get("/").body(Body::empty()).expect("req")).await;
    assert!(home.body.contains("href=\"/recovery-friendly\""), "linked from the home page");

    let admin = app.staff(app.org, Role::Admin).await;
    assert_eq!(app.page(&admin, "/recovery-friendly/new").await.status, StatusCode::OK);
    let bad = app.post_form(&admin, "/recovery-friendly", &[("kind", "county"), ("designated_on", "2999-01-01")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for anchor in ["#kind", "#name", "#designated_on", "#designated_by"] {
        assert!(bad.body.contains(anchor), "{anchor}: {}", bad.body);
    }
    let saved = app
        .post_form(
            &admin,
            "/recovery-friendly",
            &[
                ("kind", "workplace"),
                ("name", "Riverside Hardware"),
                ("town", "Hartford"),
                ("designated_on", "2026-05-01"),
                ("designated_by", "Capitol Region Coalition"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

    let listed = app.send(public("en")).await;
    assert!(listed.body.contains("Riverside Hardware") && listed.body.contains("Hartford"), "{}", listed.body);
    assert!(listed.body.contains("Designated on 2026-05-01 by Capitol Region Coalition"), "{}", listed.body);
    let spanish = app.send(public("es")).await;
    assert!(spanish.body.contains("Designado el 2026-05-01 por Capitol Region Coalition"), "{}", spanish.body);

    // Coaches do not record designations, and are not offered the form.
    assert!(app.page(&admin, "/recovery-friendly").await.body.contains("href=\"/recovery-friendly/new\""));
    let coach = app.staff(app.org, Role::Coach).await;
    assert!(!app.page(&coach, "/recovery-friendly").await.body.contains("/recovery-friendly/new"));
    let refused = app
        .post_form(
            &coach,
            "/recovery-friendly",
            &[("kind", "community"), ("name", "X"), ("designated_on", "2026-05-01"), ("designated_by", "Y")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

// Issue 20 (branch volunteers): a volunteer's background check and training, the reminders, removal.

/// Today on the deployment's clock (the default deployment's zone), as the pages count days.
fn deployment_today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::America::New_York).date_naive()
}

/// The text of a page between two markers (a section), for checking what is in it and in what order.
fn between<'a>(body: &'a str, from: &str, to: &str) -> &'a str {
    let start = body.find(from).unwrap_or_else(|| panic!("{from} in {body}"));
    let end = body[start..].find(to).map_or(body.len(), |e| start + e);
    &body[start..end]
}

fn in_order(text: &str, names: &[&str]) -> bool {
    let at: Vec<Option<usize>> = names.iter().map(|n| text.find(n)).collect();
    at.iter().all(Option::is_some) && at.windows(2).all(|w| w[0] < w[1])
}

#[tokio::test]
async fn checks_and_trainings_are_reminded_and_a_removed_volunteer_leaves_the_roster_but_not_the_hours() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let today = deployment_today();
    let day = |n: i64| (today + chrono::Duration::days(n)).to_string();
    for name in ["Ana Reyes", "Ben Ortiz", "Cruz Lee", "Dee Moss", "Eli Park"] {
        let added = app.post_form(&coach, "/community/volunteers", &[("name", name), ("agreed_to_list", "true")]).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    }
    let roster = pathways_store::volunteers::roster(app.db.store.reader(), app.org).await.expect("roster");
    let id = |name: &str| roster.iter().find(|r| r.name == name).expect("on the roster").id.to_string();
    let (ana, ben, cruz, dee) = (id("Ana Reyes"), id("Ben Ortiz"), id("Cruz Lee"), id("Dee Moss"));

    // Ana valid, Ben's check due in 14 days, Cruz's training 6 days over, Dee's check 5 days over (and training
    // due in 4), Eli nothing recorded.
    for (who, check, training) in [
        (&ana, day(200), day(200)),
        (&ben, day(14), String::new()),
        (&cruz, String::new(), day(-6)),
        (&dee, day(-5), day(4)),
    ] {
        let path = format!("/community/volunteers/{who}/dates");
        let saved =
            app.post_form(&coach, &path, &[("background_check_until", &check), ("training_until", &training)]).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    }

    // Bad dates are named, in English and in Spanish, and change nothing.
    let ana_dates = format!("/community/volunteers/{ana}/dates");
    let bad = app
        .post_form(&coach, &ana_dates, &[("background_check_until", "2026-13-40"), ("training_until", &day(4_000))])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("href=\"#background_check_until\"") && bad.body.contains("href=\"#training_until\""),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("Background check valid until: Enter a date like"), "{}", bad.body);
    assert!(bad.body.contains("value=\"2026-13-40\""), "the form keeps what was typed");
    let colleague = app.staff(app.org, Role::Supervisor).await;
    assert!(app.page(&colleague, "/lang/es?next=/community/volunteers").await.status.is_redirection());
    let spanish =
        app.post_form(&colleague, &ana_dates, &[("background_check_until", "mañana"), ("training_until", "")]).await;
    assert_eq!(spanish.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(spanish.body.contains("Verificación de antecedentes válida hasta: Escriba una fecha"), "{}", spanish.body);
    let kept = pathways_store::volunteers::roster(app.db.store.reader(), app.org).await.expect("roster");
    let ana_row = kept.iter().find(|r| r.name == "Ana Reyes").expect("Ana");
    assert_eq!(ana_row.valid_until.background_check, Some(today + chrono::Duration::days(200)), "unchanged");

    // The roster says where each stands in words; the reminders list the overdue first, then the soonest due.
    let page = app.page(&coach, "/community/volunteers").await;
    assert_eq!(page.status, StatusCode::OK);
    let table = between(&page.body, "id=\"roster\"", "</table>");
    for words in [
        format!("{}: Valid", day(200)),
        format!("{}: Due soon: last valid day in 14 days", day(14)),
        format!("{}: Expired 6 days ago", day(-6)),
        format!("{}: Expired 5 days ago", day(-5)),
        format!("{}: Due soon: last valid day in 4 days", day(4)),
        "Nothing recorded".to_owned(),
    ] {
        assert!(table.contains(&words), "{words}: {table}");
    }
    let reminders = between(&page.body, "id=\"reminders\"", "</section>");
    assert!(in_order(reminders, &["Cruz Lee", "Dee Moss", "Ben Ortiz"]), "{reminders}");
    assert!(!reminders.contains("Ana Reyes") && !reminders.contains("Eli Park"), "{reminders}");
    let es = app.page(&colleague, "/community/volunteers").await;
    assert!(es.body.contains("Venció hace 6 días") && es.body.contains("Nada registrado"), "{}", es.body);

    // The center staff's home page carries the same reminders, in the same order.
    let home = app.page(&coach, "/staff").await;
    let count = "background checks or trainings have expired or end within 30 days";
    assert!(home.body.contains("3 volunteers") && home.body.contains(count), "{}", home.body);
    assert!(in_order(&home.body, &["Cruz Lee", "Dee Moss", "Ben Ortiz"]), "{}", home.body);
    assert!(home.body.contains(&format!("href=\"/community/volunteers/{cruz}\"")), "each links to the volunteer");

    // Another center neither sees, changes nor removes this center's volunteer.
    let other = app.staff(app.other_org, Role::Coach).await;
    assert_eq!(app.page(&other, &format!("/community/volunteers/{ben}")).await.status, StatusCode::NOT_FOUND);
    let theirs = app
        .post_form(&other, &format!("/community/volunteers/{ben}/dates"), &[("background_check_until", &day(300))])
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let removal =
        app.post_form(&other, &format!("/community/volunteers/{ben}/remove"), &[("confirm_removal", "true")]).await;
    assert_eq!(removal.status, StatusCode::NOT_FOUND);
    assert!(!app.page(&other, "/staff").await.body.contains("Ben Ortiz"));
    let clinician = app.staff(app.org, Role::Clinician).await;
    assert_eq!(app.page(&clinician, &format!("/community/volunteers/{ben}")).await.status, StatusCode::FORBIDDEN);

    // Cruz gave two hours, then is taken off the roster: a tick confirms it.
    let yesterday = day(-1);
    let logged = app
        .post_form(
            &coach,
            "/community/volunteer-hours",
            &[("volunteer", &cruz), ("date", &yesterday), ("activity", "Front desk"), ("hours", "2")],
        )
        .await;
    assert_eq!(logged.status, StatusCode::SEE_OTHER, "{}", logged.body);
    let remove = format!("/community/volunteers/{cruz}/remove");
    let unconfirmed = app.post_form(&coach, &remove, &[]).await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unconfirmed.body.contains("href=\"#confirm_removal\""), "{}", unconfirmed.body);
    let removed = app.post_form(&coach, &remove, &[("confirm_removal", "true")]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);

    let page = app.page(&coach, "/community/volunteers").await;
    let table = between(&page.body, "id=\"roster\"", "</table>");
    assert!(!table.contains("Cruz Lee"), "off the roster: {table}");
    let reminders = between(&page.body, "id=\"reminders\"", "</section>");
    assert!(!reminders.contains("Cruz Lee") && in_order(reminders, &["Dee Moss", "Ben Ortiz"]), "{reminders}");
    let gone = between(&page.body, "id=\"removed\"", "</section>");
    assert!(gone.contains("Cruz Lee") && gone.contains("<td>2</td>"), "their hours stay counted: {gone}");
    assert!(page.body.contains("including volunteers no longer on the roster: <strong>2</strong>"), "{}", page.body);
    assert!(!app.page(&coach, "/staff").await.body.contains("Cruz Lee"));
    assert_eq!(app.page(&coach, &format!("/community/volunteers/{cruz}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.post_form(&coach, &remove, &[("confirm_removal", "true")]).await.status, StatusCode::NOT_FOUND);
    let roster = pathways_store::volunteers::roster(app.db.store.reader(), app.org).await.expect("roster");
    assert_eq!(roster.len(), 4);

    // Every change audited: five added, four dates saved, the hours, the removal (which names the volunteer).
    let saves: Vec<Option<uuid::Uuid>> = app
        .audit_actions()
        .await
        .into_iter()
        .filter(|(a, o, _)| a == "community_record_save" && o == "success")
        .map(|(_, _, entity)| entity)
        .collect();
    assert_eq!(saves.len(), 11, "{saves:?}");
    assert_eq!(saves.last().copied().flatten().map(|u| u.to_string()), Some(cruz));
}

/// A volunteer taken off the roster can be put back on it (issue 20, branch fin-stream): the action is beside them
/// under "No longer on the roster" (English and Spanish), for the center's staff as the removal is; they come back
/// with their dates and hours, are reminded about again and leave the removed list; another center's staff find
/// nothing, other roles are refused, a volunteer on the roster can't be put back; audited as the removal.
#[tokio::test]
async fn a_volunteer_taken_off_the_roster_can_be_put_back_with_their_dates_and_hours() {
    let app = TestApp::new().await;
    let coach = app.staff(app.org, Role::Coach).await;
    let today = deployment_today();
    let day = |n: i64| (today + chrono::Duration::days(n)).to_string();
    for name in ["Ana Reyes", "Cruz Lee"] {
        let added = app.post_form(&coach, "/community/volunteers", &[("name", name), ("agreed_to_list", "true")]).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    }
    let roster = pathways_store::volunteers::roster(app.db.store.reader(), app.org).await.expect("roster");
    let id = |name: &str| roster.iter().find(|r| r.name == name).expect("on the roster").id.to_string();
    let (ana, cruz) = (id("Ana Reyes"), id("Cruz Lee"));
    let dates = format!("/community/volunteers/{cruz}/dates");
    let saved = app.post_form(&coach, &dates, &[("background_check_until", &day(-3)), ("training_until", "")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let hours = [("volunteer", cruz.as_str()), ("date", &day(-1)), ("activity", "Front desk"), ("hours", "2")];
    assert_eq!(app.post_form(&coach, "/community/volunteer-hours", &hours).await.status, StatusCode::SEE_OTHER);
    let removed =
        app.post_form(&coach, &format!("/community/volunteers/{cruz}/remove"), &[("confirm_removal", "true")]).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);

    // The action beside the removed volunteer, named for them, in English and in Spanish.
    let restore = format!("/community/volunteers/{cruz}/restore");
    let page = app.page(&coach, "/community/volunteers").await;
    let gone = between(&page.body, "id=\"removed\"", "</section>");
    assert!(gone.contains(&format!("action=\"{restore}\"")), "{gone}");
    assert!(gone.contains("aria-label=\"Put back on the roster: Cruz Lee\""), "{gone}");
    let colleague = app.staff(app.org, Role::Supervisor).await;
    assert!(app.page(&colleague, "/lang/es?next=/community/volunteers").await.status.is_redirection());
    let es = app.page(&colleague, "/community/volunteers").await;
    assert!(between(&es.body, "id=\"removed\"", "</section>").contains("Volver a poner en la lista"), "{}", es.body);

    // Another center finds nothing; a clinician is refused; one on the roster can't be put back.
    let other = app.staff(app.other_org, Role::Coach).await;
    assert_eq!(app.post_form(&other, &restore, &[]).await.status, StatusCode::NOT_FOUND);
    let clinician = app.staff(app.org, Role::Clinician).await;
    assert_eq!(app.post_form(&clinician, &restore, &[]).await.status, StatusCode::FORBIDDEN);
    let listed = format!("/community/volunteers/{ana}/restore");
    assert_eq!(app.post_form(&coach, &listed, &[]).await.status, StatusCode::NOT_FOUND);
    assert!(app.page(&coach, "/community/volunteers").await.body.contains("id=\"removed\""), "still off the roster");

    // Put back: on the roster again with their dates and hours, reminded about, off the removed list.
    let back = app.post_form(&coach, &restore, &[]).await;
    assert_eq!(back.status, StatusCode::SEE_OTHER, "{}", back.body);
    assert_eq!(back.location(), format!("/community/volunteers/{cruz}"));
    let theirs = app.page(&coach, &format!("/community/volunteers/{cruz}")).await;
    assert_eq!(theirs.status, StatusCode::OK, "their page opens again");
    let page = app.page(&coach, "/community/volunteers").await;
    let table = between(&page.body, "id=\"roster\"", "</table>");
    assert!(table.contains("Cruz Lee") && table.contains(&format!("{}: Expired 3 days ago", day(-3))), "{table}");
    assert!(between(&page.body, "id=\"reminders\"", "</section>").contains("Cruz Lee"), "reminded again");
    assert!(!page.body.contains("id=\"removed\""), "no one is off the roster: {}", page.body);
    let roster = pathways_store::volunteers::roster(app.db.store.reader(), app.org).await.expect("roster");
    let row = roster.iter().find(|r| r.name == "Cruz Lee").expect("back on the roster");
    assert_eq!((row.minutes, row.removed_at), (120, None), "their hours as they were");
    assert_eq!(app.post_form(&coach, &restore, &[]).await.status, StatusCode::NOT_FOUND, "already on the roster");

    // Audited as the removal: a community record saved, naming the volunteer.
    let events = pathways_store::audit::recent(app.db.store.reader(), 50).await.expect("audit");
    let saves: Vec<_> = events.iter().filter(|e| e.action == "community_record_save").collect();
    let last = saves.first().expect("the newest first");
    assert_eq!(
        (last.entity_id.map(|u| u.to_string()), last.detail.as_deref(), last.outcome.as_str()),
        (Some(cruz.clone()), Some("volunteer_restored"), "success")
    );
    assert_eq!(saves.iter().filter(|e| e.detail.as_deref() == Some("volunteer_restored")).count(), 1);
}
