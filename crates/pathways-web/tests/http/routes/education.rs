//! Education pages (issue 20): an administrator writes a page in English and Spanish with its source; anyone reads
//! it in their language, with the crisis line, rendered from Markdown with no raw HTML or script link; changing
//! it keeps its address; everyone else may not write (403), and an unknown page is 404.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pathways_domain::Role;

use crate::util::TestApp;

fn public(path: &str, lang: &'static str) -> Request<Body> {
    Request::get(path).header(header::ACCEPT_LANGUAGE, lang).body(Body::empty()).expect("req")
}

#[tokio::test]
async fn an_administrator_writes_a_bilingual_page_and_anyone_reads_it_safely() {
    let app = TestApp::new().await;
    let admin = app.staff(app.org, Role::Admin).await;
    assert_eq!(app.page(&admin, "/learn/new").await.status, StatusCode::OK);

    let missing = app.post_form(&admin, "/learn", &[("slug", "Words!"), ("title_en", "Words matter")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    for anchor in ["#slug", "#body_en", "#title_es", "#body_es", "#source"] {
        assert!(missing.body.contains(anchor), "{anchor}: {}", missing.body);
    }

    let fields = [
        ("slug", "person-first-language"),
        ("title_en", "Words matter"),
        (
            "body_en",
            "# Say it plainly\n\nSay *person in recovery*.<script>alert(1)</script>\n\n[trap](javascript:alert(1)) [Find naloxone](/find?q=naloxone)",
        ),
        ("title_es", "Las palabras importan"),
        ("body_es", "Diga *persona en recuperación*."),
        ("source", "National Institute on Drug Abuse, Words Matter, 2021"),
        ("source_url", "https://nida.nih.gov/"),
    ];
    let saved = app.post_form(&admin, "/learn", &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.location(), "/learn/person-first-language");

    let en = app.send(public("/learn/person-first-language", "en")).await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(en.body.contains("<h1>Words matter</h1>") && en.body.contains("<h2>Say it plainly</h2>"), "{}", en.body);
    assert!(en.body.contains("<em>person in recovery</em>"), "{}", en.body);
    assert!(en.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "raw HTML shown as text: {}", en.body);
    assert!(!en.body.contains("<script>alert") && !en.body.contains("javascript:alert"), "{}", en.body);
    assert!(en.body.contains("<a href=\"/find?q=naloxone\">Find naloxone</a>"));
    assert!(en.body.contains("National Institute on Drug Abuse, Words Matter, 2021") && en.body.contains("tel:988"));
    let es = app.send(public("/learn/person-first-language", "es")).await;
    assert!(es.body.contains("<h1>Las palabras importan</h1>") && es.body.contains("recuperación"), "{}", es.body);
    let list = app.send(public("/learn", "es")).await;
    assert!(list.body.contains("href=\"/learn/person-first-language\"") && list.body.contains("Las palabras importan"));
    let home = app.send(public("/", "en")).await;
    assert!(home.body.contains("href=\"/learn\""), "linked from the home page");

    // Changing the page keeps its address.
    let mut changed = fields;
    changed[1] = ("title_en", "Words matter, always");
    let mut with_editing: Vec<(&str, &str)> = changed.to_vec();
    with_editing.push(("editing", "true"));
    let edit = app.page(&admin, "/learn/person-first-language/edit").await;
    assert_eq!(edit.status, StatusCode::OK);
    assert_eq!(app.post_form(&admin, "/learn", &with_editing).await.status, StatusCode::SEE_OTHER);
    let again = app.send(public("/learn/person-first-language", "en")).await;
    assert!(again.body.contains("Words matter, always"));
    let actions: Vec<String> = app.audit_actions().await.into_iter().map(|(a, _, _)| a).collect();
    assert_eq!(actions.iter().filter(|a| *a == "community_record_save").count(), 2);

    // Nobody else writes; an unknown or malformed address is not found.
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.post_form(&coach, "/learn", &fields).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.page(&coach, "/learn/person-first-language/edit").await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(public("/learn/no-such-page", "en")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.send(public("/learn/Bad_Slug", "en")).await.status, StatusCode::NOT_FOUND);
}
