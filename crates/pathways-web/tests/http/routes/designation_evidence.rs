//! Recovery Friendly designations, evidence files and trainings (issue 20, branch rf-evidence): the applicant sends
//! a file with a step's evidence through their private link (a PDF, PNG or JPEG by its first bytes — a program or a
//! text renamed `.pdf`, an empty file or one over the limit is refused 422 with the field named, and nothing is
//! kept); their page lists it; the program owner's advisor downloads it byte for byte as an attachment (another
//! organization's advisor: 404; a coach: 403). An advisor attaches trainings their organization recorded to the
//! application, and the page shows, per type required, "required N, recorded M".

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use pathways_domain::Role;
use pathways_domain::community::designation::{Application, Program, ProgramForm};
use pathways_domain::community::naloxone::{Training, TrainingKind};
use pathways_store::audit::Actor;
use pathways_store::designation_programs as store;
use pathways_store::sea_orm::{EntityTrait, PaginatorTrait};
use pathways_web::auth::secret::{random_token, token_hash};
use tower::ServiceExt;

use crate::util::{TestApp, TestResponse, csrf_in, set_cookies};

/// A program of `app.org` (one step; `trainings` required) and an application to it; the private link's path and
/// the application's id.
async fn application(app: &TestApp, trainings: Vec<(TrainingKind, String)>) -> (String, uuid::Uuid) {
    let form = ProgramForm {
        kind: "workplace".into(),
        name_en: "Evidence Program".into(),
        name_es: "Programa de evidencia".into(),
        steps: "Policy | Política | The policy | La política\nPledge | Compromiso | The pledge | El compromiso".into(),
        renewal_months: "24".into(),
        trainings,
    };
    let p = Program::parse(&form).expect("a program");
    let tx = app.db.store.begin().await.expect("tx");
    let actor = Actor::default();
    let now = pathways_store::now();
    let id = store::save_program(&tx, &actor, app.org, None, &p, now).await.expect("save").expect("saved");
    let program = store::program(&tx, id).await.expect("query").expect("program");
    let a = Application {
        organization: "Acme Tools".into(),
        town: "Hartford".into(),
        contact_name: "Ana".into(),
        contact_email: "ana@acme.example".into(),
    };
    let token = random_token();
    let app_id = store::create_application(&tx, &actor, &program, &a, &token_hash(&token), now).await.expect("app");
    tx.commit().await.expect("commit");
    (format!("/recovery-friendly/applications/{token}"), app_id)
}

/// The applicant's browser: opens their page (cookie and token), then posts the evidence as the page's
/// `multipart/form-data` form does, with `file` named `name` (none when `file` is `None`).
async fn send_evidence(app: &TestApp, link: &str, text: &str, file: Option<(&str, &str, &[u8])>) -> TestResponse {
    let page = app.send(Request::get(link).body(Body::empty()).expect("req")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("enctype=\"multipart/form-data\""), "the page's form sends files");
    let cookies = set_cookies(&page.headers).join("; ");
    let csrf = csrf_in(&page.body);
    let b = "rfevidenceboundary";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf.as_str()), ("step", "0"), ("text", text), ("link", "")] {
        body.extend(format!("--{b}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
    }
    let (file_name, content_type, bytes) = file.unwrap_or(("", "application/octet-stream", b""));
    body.extend(
        format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend(format!("\r\n--{b}--\r\n").as_bytes());
    app.send(
        Request::post(link)
            .header(header::COOKIE, cookies)
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={b}"))
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::ORIGIN, "http://localhost")
            .header(header::HOST, "localhost")
            .body(Body::from(body))
            .expect("req"),
    )
    .await
}

/// A GET whose body is kept as bytes (a download), with `cookie` when given.
async fn download(app: &TestApp, cookie: Option<&str>, path: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut req = Request::get(path);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    let resp = app.router.clone().oneshot(req.body(Body::empty()).expect("req")).await.expect("infallible");
    let (status, headers) = (resp.status(), resp.headers().clone());
    (status, headers, resp.into_body().collect().await.expect("body").to_bytes().to_vec())
}

async fn files_kept(app: &TestApp) -> u64 {
    pathways_store::entities::designation_evidence_file::Entity::find()
        .count(app.db.store.reader())
        .await
        .expect("count")
}

async fn submissions_kept(app: &TestApp) -> u64 {
    pathways_store::entities::designation_submission::Entity::find().count(app.db.store.reader()).await.expect("count")
}

/// A small PDF with the binary comment line real PDFs start with (bytes that are not UTF-8).
fn pdf() -> Vec<u8> {
    let mut b = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    b.extend(std::iter::repeat_n(b'0', 1500));
    b.extend(b"\n%%EOF\n");
    b
}

#[tokio::test]
async fn an_evidence_file_is_checked_kept_listed_and_downloaded_by_the_advisor() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let (link, id) = application(&app, vec![]).await;
    let pdf = pdf();

    // Refused, each with the field named, and nothing kept: a program renamed .pdf, a text renamed .pdf, an empty
    // file, one over the limit.
    let exe: &[u8] =
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00This program cannot be run in DOS mode";
    for (name, bytes, words) in [
        ("setup.pdf", exe, "not a PDF, PNG or JPEG"),
        ("notes.pdf", b"Our policy, typed as plain text.".as_slice(), "not a PDF, PNG or JPEG"),
        ("empty.pdf", b"".as_slice(), "the file chosen is empty"),
    ] {
        let refused = send_evidence(&app, &link, "Our policy", Some((name, "application/pdf", bytes))).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {}", refused.body);
        assert!(refused.body.contains("href=\"#evidence_file\""), "{name}: {}", refused.body);
        assert!(refused.body.contains(words), "{name}: {}", refused.body);
        assert!(refused.body.contains("Our policy"), "what was typed is kept: {}", refused.body);
    }
    let mut big = pdf.clone();
    big.resize(950 * 1024, b' ');
    let too_big = send_evidence(&app, &link, "Our policy", Some(("big.pdf", "application/pdf", &big))).await;
    assert_eq!(too_big.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", too_big.body);
    assert!(too_big.body.contains("the file is larger than 900 KB"), "{}", too_big.body);
    big.resize(1100 * 1024, b' ');
    let over = send_evidence(&app, &link, "Our policy", Some(("huge.pdf", "application/pdf", &big))).await;
    assert_eq!(over.status, StatusCode::PAYLOAD_TOO_LARGE, "over the server's request limit");
    // A good file with a step's problem (no text) is not kept either.
    let no_text = send_evidence(&app, &link, " ", Some(("policy.pdf", "application/pdf", &pdf))).await;
    assert_eq!(no_text.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!((files_kept(&app).await, submissions_kept(&app).await), (0, 0), "nothing saved on error");

    // A PDF is kept with its submission, audited, and listed on the applicant's page (Spanish too).
    let before = app.audit_actions().await.len();
    let sent = send_evidence(&app, &link, "Our policy", Some(("Drug policy.pdf", "text/plain", &pdf))).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!((files_kept(&app).await, submissions_kept(&app).await), (1, 1));
    let actions = app.audit_actions().await;
    let new: Vec<&str> = actions[before..].iter().map(|(a, _, _)| a.as_str()).collect();
    assert_eq!(new, ["designation_save", "designation_save"], "the submission and its file");
    let mine = app.send(Request::get(&link).body(Body::empty()).expect("req")).await;
    assert!(mine.body.contains("File sent: Drug policy.pdf (2 KB)"), "{}", mine.body);
    let es =
        app.send(Request::get(&link).header(header::ACCEPT_LANGUAGE, "es").body(Body::empty()).expect("req")).await;
    assert!(es.body.contains("Archivo enviado: Drug policy.pdf (2 KB)"), "{}", es.body);
    let file = pathways_store::entities::designation_evidence_file::Entity::find()
        .all(app.db.store.reader())
        .await
        .expect("files")
        .pop()
        .expect("the file");
    assert_eq!(file.content_type, "application/pdf", "by its first bytes, not the browser's word");

    // The advisor's page links it; the download is the same bytes, an attachment with its type and nosniff.
    let page = app.page(&admin, &format!("/designation-applications/{id}")).await;
    let path = format!("/designation-applications/{id}/evidence/{}", file.submission_id);
    assert!(page.body.contains(&format!("href=\"{path}\"")), "{}", page.body);
    let (status, headers, bytes) = download(&app, Some(&admin.cookie), &path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes, pdf, "byte for byte");
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    let disposition = headers[header::CONTENT_DISPOSITION].to_str().expect("ascii");
    assert!(disposition.starts_with("attachment; filename=\"Drug policy.pdf\""), "{disposition}");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let read = app.audit_actions().await;
    assert_eq!(
        read.last().map(|(a, _, on)| (a.as_str(), *on)),
        Some(("designation_file_read", Some(file.submission_id)))
    );

    // The applicant downloads their own through the private link; a wrong link or another file: 404.
    let (status, _, own) = download(&app, None, &format!("{link}/evidence/{}", file.submission_id)).await;
    assert_eq!((status, own.as_slice()), (StatusCode::OK, pdf.as_slice()));
    let wrong = format!("/recovery-friendly/applications/{}/evidence/{}", "A".repeat(43), file.submission_id);
    assert_eq!(download(&app, None, &wrong).await.0, StatusCode::NOT_FOUND);
    let (other_link, other_id) = application(&app, vec![]).await;
    let cross = format!("{other_link}/evidence/{}", file.submission_id);
    assert_eq!(download(&app, None, &cross).await.0, StatusCode::NOT_FOUND, "another application's file");
    let cross = format!("/designation-applications/{other_id}/evidence/{}", file.submission_id);
    assert_eq!(download(&app, Some(&admin.cookie), &cross).await.0, StatusCode::NOT_FOUND);

    // Another organization's advisor: 404; a coach of the owner: 403; signed out: to sign in.
    let other = app.staff(app.other_org, Role::Admin).await;
    assert_eq!(download(&app, Some(&other.cookie), &path).await.0, StatusCode::NOT_FOUND);
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(download(&app, Some(&coach.cookie), &path).await.0, StatusCode::FORBIDDEN);
    assert!(download(&app, None, &path).await.0.is_redirection());

    // Evidence without a file still works (multipart with no file chosen, and the plain form).
    let plain = send_evidence(&app, &other_link, "Minutes", None).await;
    assert_eq!(plain.status, StatusCode::SEE_OTHER, "{}", plain.body);
    assert_eq!((files_kept(&app).await, submissions_kept(&app).await), (1, 2));
}

async fn record(
    app: &TestApp,
    org: pathways_domain::OrgId,
    kind: TrainingKind,
    days_ago: i64,
    place: &str,
) -> uuid::Uuid {
    let tx = app.db.store.begin().await.expect("tx");
    let t = Training {
        kind,
        held_on: chrono::Utc::now().date_naive() - chrono::Duration::days(days_ago),
        attendees: 12,
        place: Some(place.into()),
    };
    let id = pathways_store::naloxone::record_training(&tx, &Actor::default(), org, &t, pathways_store::now())
        .await
        .expect("record");
    tx.commit().await.expect("commit");
    id
}

#[tokio::test]
async fn required_trainings_are_matched_against_the_recorded_trainings_attached() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    let required = vec![(TrainingKind::Naloxone, "1".to_owned()), (TrainingKind::Stigma, "2".to_owned())];
    let (_, id) = application(&app, required).await;
    let page_path = format!("/designation-applications/{id}");
    let naloxone = record(&app, app.org, TrainingKind::Naloxone, 10, "Acme break room").await;
    let naloxone_2 = record(&app, app.org, TrainingKind::Naloxone, 5, "Acme warehouse").await;
    let stigma = record(&app, app.org, TrainingKind::Stigma, 3, "Acme hall").await;
    let ally = record(&app, app.org, TrainingKind::RecoveryAlly, 2, "Town library").await;
    let theirs = record(&app, app.other_org, TrainingKind::Stigma, 1, "Elsewhere").await;

    // Nothing attached: nothing counted, whatever the organization recorded.
    let page = app.page(&admin, &page_path).await;
    assert!(page.body.contains("Naloxone (overdose response): required 1, recorded 0"), "{}", page.body);
    assert!(page.body.contains("Reducing stigma: required 2, recorded 0"), "{}", page.body);
    assert!(page.body.contains(&format!("value=\"{naloxone}\"")), "its own trainings may be attached");
    assert!(!page.body.contains(&format!("value=\"{ally}\"")), "a type the program does not require is not offered");
    assert!(!page.body.contains(&format!("value=\"{theirs}\"")), "another organization's is not offered");

    // Attached: counted per type, more than required is met, the trainings listed; audited.
    let this = &app;
    let events_on_it = || async move {
        this.audit_actions().await.iter().filter(|(a, _, on)| a == "designation_save" && *on == Some(id)).count()
    };
    let before = events_on_it().await;
    for t in [naloxone, naloxone_2, stigma] {
        let done = app.post_form(&admin, &format!("{page_path}/trainings"), &[("training", &t.to_string())]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    }
    let again = app.post_form(&admin, &format!("{page_path}/trainings"), &[("training", &stigma.to_string())]).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "attaching twice changes nothing");
    let page = app.page(&admin, &page_path).await;
    assert!(page.body.contains("Naloxone (overdose response): required 1, recorded 2</strong> (met)"), "{}", page.body);
    assert!(page.body.contains("Reducing stigma: required 2, recorded 1</strong> (not yet met)"), "{}", page.body);
    assert!(page.body.contains("Acme warehouse") && page.body.contains("Acme hall"), "{}", page.body);
    assert_eq!(events_on_it().await - before, 3, "each attachment audited once, the second of one not at all");
    let es = app.page(&admin, "/lang/es?next=/staff").await;
    assert!(es.status.is_redirection());
    let page = app.page(&admin, &page_path).await;
    assert!(page.body.contains("Reducir el estigma: exigidas 2, registradas 1"), "{}", page.body);

    // Another organization's training, or not a training: 422 naming the field, nothing attached.
    for bad in [theirs.to_string(), "not-an-id".to_owned(), uuid::Uuid::now_v7().to_string()] {
        let refused = app.post_form(&admin, &format!("{page_path}/trainings"), &[("training", &bad)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(refused.body.contains("href=\"#training\""), "{}", refused.body);
    }
    let links = pathways_store::entities::designation_training::Entity::find()
        .count(app.db.store.reader())
        .await
        .expect("count");
    assert_eq!(links, 3);

    // Another organization's advisor: 404; a coach: 403.
    let other = app.staff(app.other_org, Role::Admin).await;
    let post = app.post_form(&other, &format!("{page_path}/trainings"), &[("training", &theirs.to_string())]).await;
    assert_eq!(post.status, StatusCode::NOT_FOUND);
    let coach = app.staff(app.org, Role::Coach).await;
    let post = app.post_form(&coach, &format!("{page_path}/trainings"), &[("training", &ally.to_string())]).await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
}
