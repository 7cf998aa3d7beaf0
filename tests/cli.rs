//! Black-box tests of the real `pathways` binary: the commands an operator runs, and `serve` answering over
//! a real socket. Runs on SQLite, or on PostgreSQL when `PATHWAYS_TEST_POSTGRES_URL` is set.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use pathways_store::Store;
use pathways_store::testing::TestDb;

struct Cli {
    url: String,
    dir: tempfile::TempDir,
}

impl Cli {
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_pathways"));
        c.args(args)
            .current_dir(self.dir.path())
            .env("PATHWAYS_DATABASE_URL", &self.url)
            .env_remove("PATHWAYS_DEMO_PASSWORD")
            .env("RUST_LOG", "warn");
        c
    }

    fn run(&self, args: &[&str], stdin: &str) -> Output {
        let mut child =
            self.cmd(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
        child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
        child.wait_with_output().expect("wait")
    }
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// A bare HTTP/1.1 GET; returns the status line and the body.
fn http_get(port: u16, path: &str, token: Option<&str>) -> Option<(String, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}Connection: close\r\n\r\n").ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let (head, body) = out.split_once("\r\n\r\n")?;
    Some((head.lines().next()?.to_owned(), body.to_owned()))
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_operator_sets_up_an_organization_and_serves_it() {
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };

    let out = cli.run(&["migrate"], "");
    assert!(out.status.success(), "{}", text(&out));
    let out = cli.run(&["org", "create", "--slug", "hartford-rcc", "--name", "Hartford RCC"], "");
    assert!(out.status.success(), "{}", text(&out));
    let out = cli.run(&["org", "create", "--slug", "Bad Slug", "--name", "X"], "");
    assert!(!out.status.success());
    assert!(text(&out).contains("slug"), "{}", text(&out));

    let weak = cli.run(
        &["user", "create", "--org", "hartford-rcc", "--role", "coach", "--email", "coach@example.org"],
        "password1234\n",
    );
    assert!(!weak.status.success());
    assert!(text(&weak).contains("too easy to guess"), "{}", text(&weak));
    let bad_role =
        cli.run(&["user", "create", "--org", "hartford-rcc", "--role", "boss", "--email", "b@example.org"], "x\n");
    assert!(text(&bad_role).contains("unknown role"), "{}", text(&bad_role));
    let ok = cli.run(
        &["user", "create", "--org", "hartford-rcc", "--role", "coach", "--email", "coach@example.org"],
        "maple river lantern orbit\n",
    );
    assert!(ok.status.success(), "{}", text(&ok));
    let dup = cli.run(
        &["user", "create", "--org", "hartford-rcc", "--role", "coach", "--email", "COACH@example.org"],
        "maple river lantern orbit\n",
    );
    assert!(!dup.status.success());
    assert!(text(&dup).contains("email already exists"), "{}", text(&dup));

    let token = cli.run(&["token", "create", "--email", "coach@example.org"], "");
    assert!(token.status.success(), "{}", text(&token));
    let token = String::from_utf8_lossy(&token.stdout).trim().to_owned();
    assert!(token.starts_with("pw_") && token.len() > 40, "{token}");

    // Serve on a free port and talk to it over a real socket.
    let port = TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    let bind = format!("127.0.0.1:{port}");
    let child =
        cli.cmd(&["serve", "--bind", &bind]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("serve");
    let _server = Server(child);
    let started = Instant::now();
    while http_get(port, "/readyz", None).map(|(s, _)| s.contains("200")) != Some(true) {
        assert!(started.elapsed() < Duration::from_secs(30), "the server did not become ready");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (status, body) = http_get(port, "/api/v1/persons", Some(&token)).expect("api");
    assert!(status.contains("200"), "{status} {body}");
    assert!(body.contains("\"total\":0"), "{body}");
    let (status, _) = http_get(port, "/api/v1/persons", Some("pw_wrong")).expect("api");
    assert!(status.contains("401"), "{status}");

    // Tokens are listed with their scope and state, and revoked one by one.
    let bad = cli.run(&["token", "create", "--email", "coach@example.org", "--scope", "admin"], "");
    assert!(!bad.status.success() && text(&bad).contains("not a token scope"), "{}", text(&bad));
    let bad = cli.run(&["token", "create", "--email", "coach@example.org", "--days", "400"], "");
    assert!(!bad.status.success() && text(&bad).contains("366"), "{}", text(&bad));
    let second =
        cli.run(&["token", "create", "--email", "coach@example.org", "--scope", "write", "--label", "ehr"], "");
    assert!(second.status.success(), "{}", text(&second));
    let list = cli.run(&["token", "list", "--email", "coach@example.org"], "");
    let listed = String::from_utf8_lossy(&list.stdout).into_owned();
    let first = listed.lines().find(|l| l.contains("\tcli\t")).expect("the first token is listed");
    assert!(first.contains("\tread\t") && first.ends_with("\tactive"), "{listed}");
    assert!(listed.lines().any(|l| l.contains("\tehr\twrite\t")), "{listed}");
    let id = first.split('\t').next().expect("id");
    let revoked = cli.run(&["token", "revoke", id], "");
    assert!(revoked.status.success(), "{}", text(&revoked));
    let (status, _) = http_get(port, "/api/v1/persons", Some(&token)).expect("api");
    assert!(status.contains("401"), "a revoked token stops at once: {status}");
    let list = cli.run(&["token", "list"], "");
    assert!(String::from_utf8_lossy(&list.stdout).lines().any(|l| l.starts_with(id) && l.ends_with("\trevoked")));

    let verify = cli.run(&["audit", "verify"], "");
    assert!(verify.status.success(), "{}", text(&verify));
    assert!(text(&verify).contains("intact"), "{}", text(&verify));
}

#[test]
fn configuration_errors_name_the_key_and_never_print_secrets() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("pathways.toml"), "session_idle_minutes = 0\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_pathways"))
        .arg("migrate")
        .current_dir(dir.path())
        .env("PATHWAYS_DATABASE_URL", "postgres://pathways:s3cret-pw@127.0.0.1:1/none")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let all = text(&out);
    assert!(all.contains("session_idle_minutes"), "{all}");
    assert!(!all.contains("s3cret-pw"), "{all}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_meeting_guide_feed_imports_reports_each_rejection_and_reimports_in_place() {
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/meeting-guide");
    let feed = format!("{fixtures}/feed.json");
    let args = ["import", "meeting-guide", feed.as_str(), "--source", "ct-meetings", "--name", "CT meetings"];

    let first = cli.run(&args, "");
    assert!(first.status.success(), "{}", text(&first));
    let report = text(&first);
    assert!(report.starts_with("added 7, updated 0, unchanged 0, retired 0, rejected 6\n"), "{report}");
    for expected in [
        "rejected record 7 (day-seven): day:",
        "rejected record 8 (late-hour): time:",
        "rejected record 9: slug:",
        "rejected record 10 (far-north): latitude:",
        "rejected record 11 (bad-link): conference_url:",
        "rejected record 12 (nowhere): latitude: no coordinates, and no known ZIP code",
    ] {
        assert!(report.contains(expected), "{expected:?} missing from:\n{report}");
    }

    // The same feed again changes nothing; a newer feed updates one meeting and retires the one it dropped.
    let again = cli.run(&args, "");
    assert!(text(&again).starts_with("added 0, updated 0, unchanged 7, retired 0, rejected 6\n"), "{}", text(&again));
    let next = format!("{fixtures}/feed-next.json");
    let changed = cli.run(&["import", "meeting-guide", &next, "--source", "ct-meetings", "--name", "CT meetings"], "");
    assert!(
        text(&changed).starts_with("added 0, updated 1, unchanged 5, retired 1, rejected 6\n"),
        "{}",
        text(&changed)
    );

    let store = pathways_store::Store::connect(&db.url).await.expect("store");
    let active = {
        use pathways_store::entities::dir_service;
        use pathways_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        dir_service::Entity::find()
            .filter(dir_service::Column::RetiredAt.is_null())
            .all(store.reader())
            .await
            .expect("services")
    };
    let names: Vec<&str> = active.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(active.len(), 6, "{names:?}");
    assert!(!names.contains(&"Grupo Esperanza"));
    let places_of = |id| {
        let store = &store;
        async move {
            let (_, _, places) =
                pathways_store::directory_edit::find(store.reader(), id).await.expect("find").expect("listed");
            places
        }
    };
    let by_zip = active.iter().find(|s| s.name == "Placed by ZIP").expect("placed by zip");
    let places = places_of(by_zip.id).await;
    let place = places.first().expect("a place");
    assert!(place.approximate, "placed at its ZIP code's centre");
    let (lat, lon) = (place.latitude.expect("lat"), place.longitude.expect("lon"));
    assert!((41.7..41.8).contains(&lat) && (-72.8..-72.7).contains(&lon), "06107 is West Hartford: {lat},{lon}");
    let online = active.iter().find(|s| s.name == "Online Night Owls").expect("online");
    assert!(places_of(online.id).await.is_empty(), "an online meeting has no place");
    assert_eq!(online.time_zone.as_deref(), Some("America/New_York"));
    let sunrise = active.iter().find(|s| s.name == "Sunrise Serenity").expect("sunrise");
    assert_eq!(sunrise.doc["schedules"][0]["opens_at"], "07:30");
    assert_eq!(sunrise.doc["id"], sunrise.id.to_string(), "HSDS ids are ours");

    let missing = cli.run(&["import", "meeting-guide", "/no/such/feed.json"], "");
    assert!(!missing.status.success());
    assert!(text(&missing).contains("cannot read /no/such/feed.json"), "{}", text(&missing));
    let not_json = format!("{fixtures}/../../cli.rs");
    let bad = cli.run(&["import", "meeting-guide", &not_json, "--source", "x"], "");
    assert!(!bad.status.success());
    assert!(text(&bad).contains("line 1"), "{}", text(&bad));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_meeting_guide_table_imports_and_places_meetings_by_their_formatted_address() {
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let table = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/meeting-guide/table.csv");
    let out = cli.run(&["import", "meeting-guide", table, "--source", "sheet", "--name", "The sheet"], "");
    assert!(out.status.success(), "{}", text(&out));
    let report = text(&out);
    assert!(report.starts_with("added 4, updated 0, unchanged 0, retired 0, rejected 1\n"), "{report}");
    // The row is named by its line (the quoted notes above it span two lines; the blank row is skipped).
    let expected = "rejected line 8 (lost): latitude: no coordinates, and no known ZIP code or town to place the \
                    meeting at (tried: no latitude and longitude; no ZIP code; town \"Nowhereville\" in CT is not known";
    assert!(report.contains(expected), "{expected:?} missing from:\n{report}");
    let again = cli.run(&["import", "meeting-guide", table, "--source", "sheet", "--name", "The sheet"], "");
    assert!(text(&again).starts_with("added 0, updated 0, unchanged 4, retired 0, rejected 1\n"), "{}", text(&again));

    let store = pathways_store::Store::connect(&db.url).await.expect("store");
    let named = |name: &'static str| {
        let store = &store;
        async move {
            use pathways_store::entities::dir_service;
            use pathways_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            let s = dir_service::Entity::find()
                .filter(dir_service::Column::Name.eq(name))
                .one(store.reader())
                .await
                .expect("query")
                .expect(name);
            let (_, _, places) =
                pathways_store::directory_edit::find(store.reader(), s.id).await.expect("find").expect("listed");
            (s, places)
        }
    };
    // Only a formatted address with a ZIP code: at 60641's centre, approximate, the address read into its fields.
    let (addison, places) = named("Addison Street Group").await;
    let place = places.first().expect("a place");
    assert!(place.approximate);
    let (lat, lon) = (place.latitude.expect("lat"), place.longitude.expect("lon"));
    assert!((41.9..42.0).contains(&lat) && (-87.8..-87.7).contains(&lon), "60641 is in Chicago: {lat},{lon}");
    assert_eq!(addison.doc["schedules"][0]["byday"], "WE");
    assert_eq!(addison.doc["schedules"][0]["opens_at"], "19:30");
    // Without a ZIP code: at the town's centre.
    let (gold, places) = named("Gold Street Morning").await;
    let place = places.first().expect("a place");
    let (lat, lon) = (place.latitude.expect("lat"), place.longitude.expect("lon"));
    assert!(place.approximate && (41.7..41.8).contains(&lat) && (-72.8..-72.6).contains(&lon), "{lat},{lon}");
    assert_eq!(gold.doc["description"], "Side door.\nSecond floor.");
    // An online meeting with only an approximate address has no place.
    let (_, places) = named("Hartford Online").await;
    assert!(places.is_empty(), "{places:?}");
    let (grupo, _) = named("Park Street Grupo").await;
    assert_eq!(grupo.doc["languages"][0]["code"], "es");
}

/// Whether the HSDS validator can run (Python 3 with jsonschema 4.18 or later); else why not. Under CI (`CI` set) it
/// must run, so there a missing validator fails the test instead of skipping it.
fn hsds_validator_missing() -> Option<String> {
    let probe = Command::new("python3").args(["-c", "import jsonschema, referencing"]).output();
    let reason = match probe {
        Ok(o) if o.status.success() => return None,
        Ok(o) => {
            let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
            format!("jsonschema is not importable ({})", stderr.lines().last().unwrap_or_default().trim())
        }
        Err(e) => format!("python3 cannot be run: {e}"),
    };
    assert!(std::env::var_os("CI").is_none(), "CI must validate the HSDS export, but {reason} (run scripts/setup.sh)");
    Some(reason)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_hsds_export_of_an_imported_feed_is_valid_hsds_and_stable() {
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/meeting-guide");
    for feed in ["feed.json", "feed-next.json"] {
        let path = format!("{fixtures}/{feed}");
        let import =
            cli.run(&["import", "meeting-guide", &path, "--source", "ct-meetings", "--name", "CT meetings"], "");
        assert!(import.status.success(), "{}", text(&import));
    }

    let dir = cli.dir.path().join("hsds");
    let dir_arg = dir.to_str().expect("path");
    let export = cli.run(&["export", "hsds", dir_arg], "");
    assert!(export.status.success(), "{}", text(&export));
    assert!(
        text(&export).starts_with("Wrote 1 organizations, 6 services, "),
        "the retired meeting is not exported: {}",
        text(&export)
    );
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    let services: serde_json::Value = serde_json::from_str(&read("services.json")).expect("services.json");
    let services = services.as_array().expect("an array");
    assert_eq!(services.len(), 6);
    assert!(!read("services.json").contains("x_meeting_guide") && !read("services.json").contains("null"));
    assert!(
        services
            .iter()
            .all(|s| s["organization_id"].is_string() && s["schedules"].is_array() || s["name"] == "By Appointment")
    );

    // The same directory exports to the same bytes: every id is stable.
    let first: Vec<String> = ["services.json", "locations.json", "taxonomy_terms.json"].map(read).to_vec();
    let again = cli.run(&["export", "hsds", dir_arg], "");
    assert!(again.status.success(), "{}", text(&again));
    assert_eq!(first, ["services.json", "locations.json", "taxonomy_terms.json"].map(read).to_vec());

    if let Some(reason) = hsds_validator_missing() {
        eprintln!("skipped the HSDS schema validation: {reason}");
        return;
    }
    let validator = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/validate_hsds.py");
    let valid = Command::new("python3").arg(validator).arg(&dir).output().expect("run the validator");
    assert!(valid.status.success(), "{}", text(&valid));
    assert!(text(&valid).contains("valid HSDS 3.0: 1 in organizations.json, 6 in services.json"), "{}", text(&valid));

    // The validator is not a formality: a null, a private key and an empty id are each named where they are.
    let mut broken = services.clone();
    broken[2]["description"] = serde_json::Value::Null;
    broken[2]["x_meeting_guide"] = serde_json::json!({});
    broken[4]["attributes"][0]["id"] = serde_json::json!("");
    std::fs::write(dir.join("services.json"), serde_json::to_string(&broken).expect("json")).expect("write");
    let invalid = Command::new("python3").arg(validator).arg(&dir).output().expect("run the validator");
    assert_eq!(invalid.status.code(), Some(1), "{}", text(&invalid));
    for expected in [
        "services.json[2] $.description: None is not of type 'string'",
        "services.json[2] $: Additional properties are not allowed ('x_meeting_guide' was unexpected)",
        "services.json[4] $.attributes[0].id: '' is not a 'uuid'",
    ] {
        assert!(text(&invalid).contains(expected), "{expected:?} missing from:\n{}", text(&invalid));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn hsds_examples_import_in_both_forms_and_reimport_unchanged() {
    use pathways_store::entities::{dir_location, dir_organization, dir_service, dir_service_at_location};
    use pathways_store::sea_orm::EntityTrait;

    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    // The specification's own examples (tests/fixtures/hsds/examples/README.md): six JSON files that all hold the
    // same service, and the same data as a CSV package.
    let json = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hsds/examples");
    let csv = format!("{json}/csv");
    for (path, source) in [(json, "openreferral-json"), (csv.as_str(), "openreferral-csv")] {
        let first = cli.run(&["import", "hsds", path, "--source", source], "");
        assert!(first.status.success(), "{}", text(&first));
        let report = text(&first);
        assert!(report.starts_with("added 1, updated 0, unchanged 0, retired 0, rejected 0\n"), "{report}");
        assert!(
            report.contains(": latitude: latitude 100 is outside -90 to 90; the place is kept without"),
            "{report}"
        );
        let again = cli.run(&["import", "hsds", path, "--source", source], "");
        assert!(
            text(&again).starts_with("added 0, updated 0, unchanged 1, retired 0, rejected 0\n"),
            "{}",
            text(&again)
        );
        if source == "openreferral-csv" {
            for dangling in [
                "warning contacts.csv line 2: organization_id: no organization row with id ae67a707",
                "warning attributes.csv line 2: link_id: no record with id f28dd44b",
            ] {
                assert!(report.contains(dangling), "{dangling:?} missing from:\n{report}");
            }
        }
    }

    let store = pathways_store::Store::connect(&db.url).await.expect("store");
    let services = dir_service::Entity::find().all(store.reader()).await.expect("services");
    assert_eq!(services.len(), 2, "one service per source");
    for s in &services {
        assert_eq!(
            (s.name.as_str(), s.external_id.as_str()),
            ("Community Counselling", "ac148810-d857-441c-9679-408f346de14b")
        );
        assert!(s.doc.get("service_at_locations").is_none() && s.doc["fees_description"].is_string(), "{}", s.doc);
        assert_eq!(s.doc["id"], s.id.to_string(), "HSDS ids are ours");
        assert!(!s.is_meeting && s.time_zone.is_none() && s.retired_at.is_none());
    }
    let organizations = dir_organization::Entity::find().all(store.reader()).await.expect("organizations");
    assert!(organizations.iter().all(|o| o.name == "Example Organization Inc."), "{organizations:?}");
    let places = dir_location::Entity::find().all(store.reader()).await.expect("locations");
    assert_eq!(places.len(), 2);
    assert!(places.iter().all(|l| l.name.as_deref() == Some("MyCity Civic Center") && l.latitude.is_none()));
    let links = dir_service_at_location::Entity::find().all(store.reader()).await.expect("links");
    assert_eq!(links.len(), 2);

    let broken = cli.dir.path().join("broken.json");
    std::fs::write(&broken, "{\n  \"id\": \"x\",,\n}").expect("write");
    let out = cli.run(&["import", "hsds", broken.to_str().expect("path")], "");
    assert!(!out.status.success());
    assert!(text(&out).contains("broken.json: line 2, column 13: key must be a string"), "{}", text(&out));
    let out = cli.run(&["import", "hsds", "/no/such/hsds"], "");
    assert!(!out.status.success());
    assert!(text(&out).contains("cannot read /no/such/hsds"), "{}", text(&out));
}

#[tokio::test(flavor = "multi_thread")]
async fn hsds_bad_records_are_each_reported_with_their_place_and_the_rest_import() {
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hsds");

    let json = cli.run(&["import", "hsds", &format!("{fixtures}/bad-json"), "--source", "riverside"], "");
    assert!(json.status.success(), "{}", text(&json));
    let report = text(&json);
    assert!(report.starts_with("added 2, updated 0, unchanged 0, retired 0, rejected 4\n"), "{report}");
    for expected in [
        "rejected organizations.json record 0: services[1].name: missing: every service needs a name",
        "rejected services.json record 1: id: not a UUID: \"riverside-4\"",
        "rejected services.json record 2: organization_id: missing: the service names no organization",
        "rejected services.json record 3: service_at_locations[0].location.id: not a UUID: 7",
        "warning services.json record 0: service_at_locations[0].location.latitude: latitude 141.7 is outside -90 to 90",
    ] {
        assert!(report.contains(expected), "{expected:?} missing from:\n{report}");
    }

    let csv = cli.run(&["import", "hsds", &format!("{fixtures}/bad-csv"), "--source", "valley"], "");
    assert!(csv.status.success(), "{}", text(&csv));
    let report = text(&csv);
    assert!(report.starts_with("added 1, updated 0, unchanged 0, retired 0, rejected 2\n"), "{report}");
    for expected in [
        "rejected services.csv line 3: id: missing: every service needs an id",
        "rejected services.csv line 4: organization_id: no organization with id 5a000000-0000-4000-8000-000000000099",
        "warning phones.csv line 3: service_id: no service row with id 5b000000-0000-4000-8000-000000000077",
    ] {
        assert!(report.contains(expected), "{expected:?} missing from:\n{report}");
    }

    // Nothing importable: refused whole, so a broken export can't retire a source's listings.
    let empty = cli.dir.path().join("empty.json");
    std::fs::write(&empty, r#"[{"name": "No Id", "status": "active"}]"#).expect("write");
    let out = cli.run(&["import", "hsds", empty.to_str().expect("path"), "--source", "riverside"], "");
    assert!(!out.status.success());
    assert!(text(&out).contains("rejected empty.json record 0: id: missing"), "{}", text(&out));
    assert!(text(&out).contains("no service to import, so nothing was changed"), "{}", text(&out));

    // The NA meeting is filed under the recovery taxonomy and is a meeting, placed at its ZIP code's centre.
    use pathways_store::entities::{dir_location, dir_service, dir_service_at_location};
    use pathways_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let store = pathways_store::Store::connect(&db.url).await.expect("store");
    let named =
        |name: &'static str| dir_service::Entity::find().filter(dir_service::Column::Name.eq(name)).one(store.reader());
    let na = named("Riverside NA Thursday Night").await.expect("query").expect("the NA meeting");
    assert!(na.is_meeting);
    assert_eq!(na.time_zone.as_deref(), Some("America/New_York"));
    let link = dir_service_at_location::Entity::find()
        .filter(dir_service_at_location::Column::ServiceId.eq(na.id))
        .one(store.reader())
        .await
        .expect("query")
        .expect("a place");
    let place = dir_location::Entity::find_by_id(link.location_id).one(store.reader()).await.expect("query");
    let place = place.expect("the place");
    assert!(place.approximate && place.postal_code.as_deref() == Some("06107"), "{place:?}");
    let coaching = named("Riverside Peer Coaching").await.expect("query").expect("coaching");
    assert!(!coaching.is_meeting);
    assert!(
        coaching.doc["attributes"].as_array().into_iter().flatten().any(|a| a["value"] == "peer-recovery-coaching"),
        "{}",
        coaching.doc
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_hsds_specifications_examples_round_trip_through_import_and_export() {
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hsds/examples");
    let import = cli.run(&["import", "hsds", examples, "--source", "examples"], "");
    assert!(import.status.success(), "{}", text(&import));
    let dir = cli.dir.path().join("hsds");
    let export = cli.run(&["export", "hsds", dir.to_str().expect("path")], "");
    assert!(export.status.success(), "{}", text(&export));
    assert!(
        text(&export).starts_with("Wrote 1 organizations, 1 services, 1 locations, 5 taxonomies"),
        "{}",
        text(&export)
    );

    // Every nested kind of the specification's full service comes back, related by our ids, not the source's.
    let services: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("services.json")).expect("read")).expect("json");
    let s = &services[0];
    for key in ["phones", "schedules", "service_areas", "languages", "funding", "cost_options", "required_documents"] {
        assert!(s[key].as_array().is_some_and(|a| !a.is_empty()), "{key}: {s}");
    }
    assert_eq!(s["schedules"][0]["service_id"], s["id"]);
    assert!(s["schedules"][0].get("location_id").is_none(), "the source's location id is not ours");
    assert_eq!(s["attributes"][0]["link_id"], s["id"]);
    assert_eq!(s["service_at_locations"][0]["location"]["addresses"][0]["city"], "MyCity");

    if let Some(reason) = hsds_validator_missing() {
        eprintln!("skipped the HSDS schema validation: {reason}");
        return;
    }
    let validator = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/validate_hsds.py");
    let valid = Command::new("python3").arg(validator).arg(&dir).output().expect("run the validator");
    assert!(valid.status.success(), "{}", text(&valid));
}

/// `pathways org link-directory` says which Pathways organization a directory listing's organization is, so
/// referrals to its services arrive in that inbox; unknown names are refused; `--unlink` takes it back.
#[tokio::test]
async fn a_directory_organization_is_linked_to_a_pathways_organization() {
    use pathways_store::entities::dir_organization;
    use pathways_store::sea_orm::EntityTrait;

    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/meeting-guide");
    let feed = format!("{fixtures}/feed.json");
    assert!(cli.run(&["import", "meeting-guide", feed.as_str(), "--source", "ct"], "").status.success());
    assert!(cli.run(&["org", "create", "--slug", "rushford", "--name", "Rushford"], "").status.success());
    let org = dir_organization::Entity::find().one(db.store.reader()).await.expect("query").expect("an organization");
    let id = org.id.to_string();

    let unknown = cli.run(&["org", "link-directory", "--slug", "nobody", "--directory-organization", &id], "");
    assert!(!unknown.status.success() && text(&unknown).contains("no organization nobody"), "{}", text(&unknown));
    let missing = uuid::Uuid::now_v7().to_string();
    let none = cli.run(&["org", "link-directory", "--slug", "rushford", "--directory-organization", &missing], "");
    assert!(!none.status.success() && text(&none).contains("no directory organization"), "{}", text(&none));

    let linked = cli.run(&["org", "link-directory", "--slug", "rushford", "--directory-organization", &id], "");
    assert!(linked.status.success(), "{}", text(&linked));
    let after = dir_organization::Entity::find_by_id(org.id).one(db.store.reader()).await.expect("q").expect("row");
    assert!(after.pathways_org_id.is_some());
    let unlinked =
        cli.run(&["org", "link-directory", "--slug", "rushford", "--directory-organization", &id, "--unlink"], "");
    assert!(unlinked.status.success(), "{}", text(&unlinked));
    let after = dir_organization::Entity::find_by_id(org.id).one(db.store.reader()).await.expect("q").expect("row");
    assert!(after.pathways_org_id.is_none());
}

/// `pathways user disable|enable|reset` find staff by email and persons' or allies' accounts by username; `reset`
/// prints a one-time link (and its code) once, and only its hash is kept.
#[tokio::test(flavor = "multi_thread")]
async fn an_operator_disables_enables_and_resets_any_account_by_email_or_username() {
    use pathways_domain::person::{PersonDetails, RawPerson};
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    assert!(cli.run(&["migrate"], "").status.success());
    assert!(cli.run(&["org", "create", "--slug", "hartford-rcc", "--name", "Hartford RCC"], "").status.success());
    let coach = cli.run(
        &["user", "create", "--org", "hartford-rcc", "--role", "coach", "--email", "coach@example.org"],
        "maple river lantern orbit\n",
    );
    assert!(coach.status.success(), "{}", text(&coach));
    let w = db.store.writer();
    let org = pathways_store::orgs::find_by_slug(w, "hartford-rcc").await.expect("q").expect("org");
    let raw = RawPerson { preferred_name: "Sam".into(), phone: "860-555-0142".into(), ..RawPerson::default() };
    let details = PersonDetails::parse(&raw, chrono::Utc::now().date_naive()).expect("valid");
    let person = pathways_store::persons::insert(w, org.id.into(), &details, None).await.expect("person");
    pathways_store::accounts::create_person_account(w, org.id.into(), person.id.into(), "sam.r", "Sam", "x", None)
        .await
        .expect("account");

    let neither = cli.run(&["user", "disable"], "");
    assert!(!neither.status.success());
    let both = cli.run(&["user", "disable", "--email", "coach@example.org", "--username", "sam.r"], "");
    assert!(!both.status.success(), "exactly one of --email and --username");
    let unknown = cli.run(&["user", "disable", "--username", "nobody"], "");
    assert!(!unknown.status.success());
    assert!(text(&unknown).contains("no account with username nobody"), "{}", text(&unknown));

    let off = cli.run(&["user", "disable", "--username", "SAM.R"], "");
    assert!(off.status.success(), "{}", text(&off));
    let account = pathways_store::accounts::find_by_username(db.store.reader(), "sam.r").await.expect("q").expect("a");
    assert!(account.disabled_at.is_some());
    let refused = cli.run(&["user", "reset", "--username", "sam.r"], "");
    assert!(!refused.status.success() && text(&refused).contains("disabled"), "{}", text(&refused));
    assert!(cli.run(&["user", "enable", "--username", "sam.r"], "").status.success());
    let account = pathways_store::accounts::find_by_username(db.store.reader(), "sam.r").await.expect("q").expect("a");
    assert!(account.disabled_at.is_none());

    let reset = cli.run(&["user", "reset", "--username", "sam.r"], "");
    assert!(reset.status.success(), "{}", text(&reset));
    let out = String::from_utf8_lossy(&reset.stdout).into_owned();
    let link = out.lines().next().expect("the link");
    let token = link.rsplit("/reset/").next().expect("token");
    assert_eq!(token.len(), 43, "{out}");
    assert!(out.contains("Code (to type at /reset): "), "{out}");
    assert!(pathways_store::resets::find(db.store.reader(), token).await.expect("q").is_none(), "only its hash");
    let hash = pathways_web::auth::secret::token_hash(token);
    assert!(pathways_store::resets::find(db.store.reader(), &hash).await.expect("q").is_some());
    assert!(cli.run(&["user", "reset", "--email", "coach@example.org"], "").status.success(), "staff by email");
    let verify = cli.run(&["audit", "verify"], "");
    assert!(text(&verify).contains("intact"), "{}", text(&verify));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_resets_a_lost_authenticator_from_the_command_line() {
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    assert!(cli.run(&["migrate"], "").status.success());
    assert!(cli.run(&["org", "create", "--slug", "hartford-rcc", "--name", "Hartford RCC"], "").status.success());
    let made = cli.run(
        &["user", "create", "--org", "hartford-rcc", "--role", "clinician", "--email", "clin@example.org"],
        "maple river lantern orbit\n",
    );
    assert!(made.status.success(), "{}", text(&made));
    let account = pathways_store::accounts::find_by_email(db.store.reader(), "clin@example.org")
        .await
        .expect("query")
        .expect("account");
    let id = pathways_domain::AccountId::from_uuid(account.id);
    pathways_store::two_factor::start(db.store.writer(), id, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").await.expect("start");
    assert!(pathways_store::two_factor::confirm(db.store.writer(), id, 1, &["h".into()]).await.expect("confirm"));

    let neither = cli.run(&["user", "reset-2fa"], "");
    assert!(!neither.status.success());
    let unknown = cli.run(&["user", "reset-2fa", "--username", "nobody"], "");
    assert!(!unknown.status.success() && text(&unknown).contains("no account"), "{}", text(&unknown));
    let reset = cli.run(&["user", "reset-2fa", "--email", "CLIN@example.org"], "");
    assert!(reset.status.success(), "{}", text(&reset));
    assert!(pathways_store::two_factor::find(db.store.reader(), id).await.expect("query").is_none());
    let events = pathways_store::audit::recent(db.store.reader(), 10).await.expect("audit");
    assert!(events.iter().any(|e| e.action == "two_factor_reset" && e.entity_id == Some(account.id)));
    let again = cli.run(&["user", "reset-2fa", "--email", "clin@example.org"], "");
    assert!(!again.status.success() && text(&again).contains("nothing to reset"), "{}", text(&again));
}

fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

/// Issue 23: a new data folder is 0700 and every file in it 0600, even when the operator's umask would share
/// them; a folder others can read is refused at start, with the command that fixes it.
#[test]
fn a_new_data_folder_is_private_and_one_others_can_read_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().expect("dir");
    // The parent is open to everyone, as /srv or a home folder may be: only the data folder must be private.
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let data = root.path().join("pathways-data");
    let cli = Cli { url: format!("sqlite://{}/pathways.db", data.display()), dir: tempfile::tempdir().expect("dir") };
    let out = cli.run(&["migrate"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(mode(&data), 0o700);
    let files: Vec<_> = std::fs::read_dir(&data).expect("list").map(|e| e.expect("entry").path()).collect();
    assert!(files.iter().any(|f| f.ends_with("pathways.db")), "{files:?}");
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }

    // A database made by an older version with the files open to everyone is narrowed at the next start.
    let db = data.join("pathways.db");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let out = cli.run(&["audit", "verify"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(mode(&db), 0o600);

    // Anyone else able to enter or list the folder: every command refuses, naming the mode and the fix.
    for open in [0o755, 0o711, 0o770] {
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(open)).expect("chmod");
        for args in [&["migrate"][..], &["audit", "verify"][..], &["user", "disable", "--email", "a@example.org"][..]] {
            let out = cli.run(args, "");
            assert!(!out.status.success(), "{args:?} ran with the folder at {open:o}");
            let said = text(&out);
            assert!(said.contains(&format!("mode {open:04o}")) && said.contains("chmod 700"), "{said}");
        }
    }
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    assert!(cli.run(&["migrate"], "").status.success());
}

/// Issue 23: `backup` writes an age file (0600, no plain text in it) and `restore` brings every table back — the
/// same row counts and the same SHA-256 over each table's rows — keeping the database it replaces. A wrong key or a
/// damaged file changes nothing. On SQLite and on PostgreSQL (pg_dump/pg_restore).
#[tokio::test(flavor = "multi_thread")]
async fn an_encrypted_backup_restores_every_table_and_keeps_the_old_database() {
    use age::secrecy::ExposeSecret as _;
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let key = age::x25519::Identity::generate();
    let key_file = cli.dir.path().join("backup-key.txt");
    std::fs::write(&key_file, format!("{}\n", key.to_string().expose_secret())).expect("key file");
    let other_key_file = cli.dir.path().join("other-key.txt");
    std::fs::write(&other_key_file, format!("{}\n", age::x25519::Identity::generate().to_string().expose_secret()))
        .expect("key file");
    let run = |args: &[&str], identity: &std::path::Path| {
        let out = cli
            .cmd(args)
            .env("PATHWAYS_BACKUP_RECIPIENT", key.to_public().to_string())
            .env("PATHWAYS_BACKUP_IDENTITY_FILE", identity)
            .env("PATHWAYS_DEMO_PASSWORD", "maple river lantern orbit")
            .output()
            .expect("run");
        (out.status.success(), text(&out))
    };

    // Without a key configured there is no backup at all (never a plain one).
    let plain = cli.dir.path().join("plain.bak");
    let out = cli.run(&["backup", "--to", plain.to_str().expect("path")], "");
    assert!(!out.status.success() && text(&out).contains("backup_recipient"), "{}", text(&out));
    assert!(!plain.exists());

    let (ok, said) =
        run(&["demo", "generate", "--persons", "40", "--checkins", "400", "--assessments", "60"], &key_file);
    assert!(ok, "{said}");
    let (ok, said) = run(&["org", "create", "--slug", "before-backup", "--name", "Before Backup RCC"], &key_file);
    assert!(ok, "{said}");
    let before = pathways_store::restore::fingerprint(db.store.reader()).await.expect("fingerprint");
    assert!(before.iter().any(|t| t.table == "checkin" && t.rows == 400), "{before:?}");
    assert!(before.iter().any(|t| t.table == "audit_event" && t.rows > 0), "{before:?}");
    db.store.close().await.expect("close");

    let file = cli.dir.path().join("pathways.age");
    let (ok, said) = run(&["backup", "--to", file.to_str().expect("path")], &key_file);
    assert!(ok, "{said}");
    assert_eq!(mode(&file), 0o600);
    let bytes = std::fs::read(&file).expect("backup");
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"), "an age file");
    let haystack = String::from_utf8_lossy(&bytes);
    assert!(!haystack.contains("Before Backup RCC") && !haystack.contains("audit_event"), "nothing in the clear");
    let (ok, said) = run(&["backup", "--to", file.to_str().expect("path")], &key_file);
    assert!(!ok && said.contains("already exists"), "{said}");

    // A change after the backup, which the restore takes back.
    let (ok, said) = run(&["org", "create", "--slug", "after-backup", "--name", "After Backup RCC"], &key_file);
    assert!(ok, "{said}");

    // The wrong key, or a file cut short: refused, and the live database is untouched.
    let (ok, said) = run(&["restore", "--from", file.to_str().expect("path")], &other_key_file);
    assert!(!ok && said.contains("cannot decrypt"), "{said}");
    let cut = cli.dir.path().join("cut.age");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).expect("cut");
    let (ok, said) = run(&["restore", "--from", cut.to_str().expect("path")], &key_file);
    assert!(!ok && said.contains("live database is unchanged"), "{said}");
    let (_, listed) = run(&["org", "list"], &key_file);
    assert!(listed.contains("after-backup"), "{listed}");

    let (ok, restored_said) = run(&["restore", "--from", file.to_str().expect("path")], &key_file);
    assert!(ok, "{restored_said}");
    assert!(restored_said.contains("integrity ok") && restored_said.contains("audit trail intact"), "{restored_said}");
    let restored = Store::connect(&db.url).await.expect("connect");
    let after = pathways_store::restore::fingerprint(restored.reader()).await.expect("fingerprint");
    restored.close().await.expect("close");
    assert_eq!(after, before, "every table's rows and checksum");
    let (_, listed) = run(&["org", "list"], &key_file);
    assert!(listed.contains("before-backup") && !listed.contains("after-backup"), "{listed}");
    let (ok, said) = run(&["audit", "verify"], &key_file);
    assert!(ok && said.contains("intact"), "{said}");

    // The replaced database is kept, with the change made after the backup.
    let kept = restored_said
        .lines()
        .find_map(|l| l.strip_prefix("The previous database is kept as "))
        .and_then(|l| l.strip_suffix('.'))
        .expect("names the kept database")
        .to_owned();
    let kept_url = if db.is_postgres() {
        let mut u = url::Url::parse(&db.url).expect("url");
        u.set_path(&format!("/{kept}"));
        u.to_string()
    } else {
        assert_eq!(mode(std::path::Path::new(&kept)), 0o600);
        format!("sqlite://{kept}")
    };
    let old = Cli { url: kept_url.clone(), dir: tempfile::tempdir().expect("dir") };
    let listed = text(&old.run(&["org", "list"], ""));
    assert!(listed.contains("after-backup"), "{listed}");
    if db.is_postgres() {
        use pathways_store::sea_orm::ConnectionTrait as _;
        let mut admin_url = url::Url::parse(&db.url).expect("url");
        admin_url.set_path("/postgres");
        let admin = pathways_store::sea_orm::Database::connect(admin_url.as_str()).await.expect("connect");
        admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{kept}\" WITH (FORCE)")).await.expect("drop");
        admin.close().await.ok();
    }
}

/// Issue 23: with `audit_key` set the chain is keyed going forward (the plain events before it still verify); a
/// checkpoint kept elsewhere finds events removed after it — the cut the chain alone cannot show — and names them.
#[tokio::test(flavor = "multi_thread")]
async fn a_checkpoint_finds_audit_events_removed_after_it() {
    use pathways_store::sea_orm::ConnectionTrait as _;
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let key = "4f1c2a9e8b7d6c5f4e3d2c1b0a99887766554433221100ffeeddccbbaa998877";
    let keyed = |args: &[&str]| {
        let out = cli.cmd(args).env("PATHWAYS_AUDIT_KEY", key).output().expect("run");
        (out.status.success(), text(&out))
    };
    // Events from before the key (as on a deployment that upgrades), then keyed ones.
    for slug in ["plain-one", "plain-two"] {
        assert!(cli.run(&["org", "create", "--slug", slug, "--name", slug], "").status.success());
    }
    for i in 0..5 {
        let (ok, said) = keyed(&["org", "create", "--slug", &format!("keyed-{i}"), "--name", "Keyed"]);
        assert!(ok, "{said}");
    }
    let (ok, said) = keyed(&["audit", "verify"]);
    assert!(ok && said.contains("intact") && said.contains("keyed from #"), "{said}");
    // Without the key the keyed part can't be checked, and nothing may be appended in plain.
    let out = cli.run(&["audit", "verify"], "");
    assert!(!out.status.success() && text(&out).contains("set audit_key"), "{}", text(&out));
    let out = cli.run(&["org", "create", "--slug", "no-key", "--name", "No key"], "");
    assert!(!out.status.success() && text(&out).contains("audit trail is keyed"), "{}", text(&out));
    let (ok, said) = keyed(&["audit", "checkpoint"]);
    assert!(ok && said.starts_with("pathways audit checkpoint v1\nseq "), "{said}");

    let cp = cli.dir.path().join("checkpoint.txt");
    let (ok, said) = keyed(&["audit", "checkpoint", "--to", cp.to_str().expect("path")]);
    assert!(ok, "{said}");
    let head: i64 = std::fs::read_to_string(&cp)
        .expect("checkpoint")
        .lines()
        .find_map(|l| l.strip_prefix("seq "))
        .and_then(|s| s.parse().ok())
        .expect("seq");
    for i in 0..3 {
        let (ok, said) = keyed(&["org", "create", "--slug", &format!("after-{i}"), "--name", "After"]);
        assert!(ok, "{said}");
    }
    let (ok, said) = keyed(&["audit", "verify", "--checkpoint", cp.to_str().expect("path")]);
    assert!(ok && said.contains(&format!("head #{head}")) && said.contains("3 events after it"), "{said}");

    // A forged checkpoint (an earlier head, to hide a cut) is refused.
    let forged = cli.dir.path().join("forged.txt");
    let text_cp = std::fs::read_to_string(&cp).expect("read");
    std::fs::write(&forged, text_cp.replace(&format!("seq {head}\n"), &format!("seq {}\n", head - 2))).expect("w");
    let (ok, said) = keyed(&["audit", "verify", "--checkpoint", forged.to_str().expect("path")]);
    assert!(!ok && said.contains("signature"), "{said}");

    // The issue's attack: on the database, drop the trigger and delete the last events, from before the checkpoint.
    let w = db.store.writer();
    if db.is_postgres() {
        w.execute_unprepared("DROP TRIGGER audit_event_no_change ON audit_event").await.expect("drop");
    } else {
        w.execute_unprepared("DROP TRIGGER audit_event_no_delete").await.expect("drop");
    }
    let cut_from = head - 2;
    w.execute_unprepared(&format!("DELETE FROM audit_event WHERE seq >= {cut_from}")).await.expect("delete");
    // The chain alone still looks whole…
    let (ok, said) = keyed(&["audit", "verify"]);
    assert!(ok && said.contains("intact"), "{said}");
    // …the checkpoint names the gap.
    let (ok, said) = keyed(&["audit", "verify", "--checkpoint", cp.to_str().expect("path")]);
    assert!(!ok, "{said}");
    assert!(
        said.contains(&format!("audit events #{cut_from} to #{head} were removed")),
        "names the removed events: {said}"
    );
    // New events written over the gap don't hide it: the event at the checkpoint's head is not the one it saw.
    for i in 0..4 {
        let (ok, said) = keyed(&["org", "create", "--slug", &format!("refill-{i}"), "--name", "Refill"]);
        assert!(ok, "{said}");
    }
    let (ok, said) = keyed(&["audit", "verify", "--checkpoint", cp.to_str().expect("path")]);
    assert!(!ok && said.contains(&format!("rewritten at or before #{head}")), "{said}");
}

/// Issue 23: the Debian package's unit runs `pathways serve` with `PATHWAYS_CONFIG=/etc/pathways/pathways.toml`
/// from `/var/lib/pathways`: the file it names is the configuration, wherever the command runs; a name that is
/// not a file stops every command with the fix rather than silently running on the defaults.
#[test]
fn the_configuration_file_named_by_pathways_config_is_read_from_anywhere() {
    let etc = tempfile::tempdir().expect("dir");
    let state = tempfile::tempdir().expect("dir");
    let data = state.path().join("data");
    let file = etc.path().join("pathways.toml");
    std::fs::write(&file, format!("database_url = \"sqlite://{}/pathways.db\"\n", data.display())).expect("write");
    let elsewhere = tempfile::tempdir().expect("dir");
    let run = |config: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_pathways"))
            .args(["migrate"])
            .current_dir(elsewhere.path())
            .env_remove("PATHWAYS_DATABASE_URL")
            .env("PATHWAYS_CONFIG", config)
            .env("RUST_LOG", "warn")
            .output()
            .expect("run")
    };
    let out = run(&file);
    assert!(out.status.success(), "{}", text(&out));
    assert!(data.join("pathways.db").is_file(), "the database is where the named file says");
    assert!(!elsewhere.path().join("pathways-data").exists(), "not the default beside the current folder");

    let missing = etc.path().join("missing.toml");
    let out = run(&missing);
    assert!(!out.status.success());
    let said = text(&out);
    assert!(said.contains("PATHWAYS_CONFIG") && said.contains("missing.toml"), "{said}");
}

/// Recovery residences listed as directory services (issue 19): the export carries their beds (`capacities`) and
/// their facts as HSDS attributes with terms of "Pathways recovery residence facts" — a taxonomy listed in the
/// export's own files — and stays valid HSDS 3.0; a residence whose certificate lapsed adds nothing.
#[tokio::test(flavor = "multi_thread")]
async fn an_hsds_export_with_recovery_residences_is_valid_hsds() {
    use pathways_domain::housing::{Certification, NarrLevel, Payment, Population};
    use pathways_store::audit::Actor;
    use pathways_store::entities::dir_service;
    use pathways_store::housing::{NewResidence, create, report};
    use pathways_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let feed = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/meeting-guide/feed.json");
    assert!(cli.run(&["import", "meeting-guide", feed, "--source", "ct"], "").status.success());
    assert!(cli.run(&["org", "create", "--slug", "maple-homes", "--name", "Maple Homes"], "").status.success());
    let w = db.store.writer();
    let org = pathways_store::orgs::find_by_slug(w, "maple-homes").await.expect("q").expect("org");
    let reader = db.store.reader();
    let service = |name: &'static str| async move {
        dir_service::Entity::find()
            .filter(dir_service::Column::Name.eq(name))
            .one(reader)
            .await
            .expect("query")
            .unwrap_or_else(|| panic!("{name}"))
            .id
    };
    let (sunrise, owls) = (service("Sunrise Serenity").await, service("Online Night Owls").await);
    let today = chrono::Utc::now().date_naive();
    let house = |name: &str, service_id, expires_in: i64| NewResidence {
        organization: org.id.into(),
        service_id: Some(service_id),
        name: name.into(),
        address: "10 Oak Street".into(),
        town: "Hartford".into(),
        zip: None,
        region: None,
        place: None,
        level: NarrLevel::PeerRun,
        populations: vec![Population::Men, Population::YoungAdults],
        accepts_moud: false,
        serves_oud: false,
        total_beds: 6,
        certification: Some(Certification {
            body: "Connecticut Alliance of Recovery Residences".into(),
            number: "M-1".into(),
            expires_on: today + chrono::Duration::days(expires_in),
        }),
        house_rules: None,
        cost_per_week: Some(150),
        payments: vec![Payment::Voucher],
        naloxone_doses: 0,
        naloxone_trained_on: None,
        disclaimer: "Not licensed treatment.".into(),
    };
    let now = pathways_store::now();
    let tx = db.store.begin().await.expect("tx");
    let maple = create(&tx, &Actor::default(), &house("Maple House", sunrise, 90), now).await.expect("residence");
    report(&tx, &Actor::default(), None, maple, 4, None, now).await.expect("report");
    create(&tx, &Actor::default(), &house("Lapsed House", owls, -2), now).await.expect("residence");
    tx.commit().await.expect("commit");

    let dir = cli.dir.path().join("hsds");
    let export = cli.run(&["export", "hsds", dir.to_str().expect("path")], "");
    assert!(export.status.success(), "{}", text(&export));
    let read = |file: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(file)).expect("read")).expect("json")
    };
    let services = read("services.json");
    let find = |id: uuid::Uuid| {
        services.as_array().into_iter().flatten().find(|s| s["id"] == serde_json::json!(id)).cloned().expect("service")
    };
    let ours = |s: &serde_json::Value| -> Vec<String> {
        let attributes = s["attributes"].as_array().cloned().unwrap_or_default();
        attributes
            .iter()
            .filter(|a| a["link_type"] == "recovery_residence")
            .filter_map(|a| a["taxonomy_term"]["code"].as_str().map(str::to_owned))
            .collect()
    };
    let s = find(sunrise);
    assert_eq!(
        ours(&s),
        [
            "narr-level:I",
            "serves:men",
            "serves:young_adults",
            "moud:not-accepted",
            "certification:body",
            "certification:number",
            "certification:valid-through"
        ]
    );
    assert_eq!(s["capacities"][0]["available"], 4);
    assert!(s["capacities"][0]["description"].as_str().is_some_and(|d| d.contains("NARR level I (peer-run)")));
    let owls = find(owls);
    assert!(ours(&owls).is_empty() && owls.get("capacities").is_none(), "a lapsed certificate adds nothing");

    let taxonomies = read("taxonomies.json");
    let facts = taxonomies.as_array().into_iter().flatten().find(|t| t["name"] == "Pathways recovery residence facts");
    let facts_id = facts.map(|t| t["id"].clone()).expect("the taxonomy is listed");
    let terms = read("taxonomy_terms.json");
    let level_term =
        &s["attributes"].as_array().into_iter().flatten().find(|a| a["value"] == "I").expect("level")["taxonomy_term"];
    let listed = terms.as_array().into_iter().flatten().find(|t| t["id"] == level_term["id"]).expect("term listed");
    assert_eq!((&listed["taxonomy_id"], &listed["name"]), (&facts_id, &serde_json::json!("NARR level I: peer-run")));

    if let Some(reason) = hsds_validator_missing() {
        eprintln!("skipped the HSDS schema validation: {reason}");
        return;
    }
    let validator = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/validate_hsds.py");
    let valid = Command::new("python3").arg(validator).arg(&dir).output().expect("run the validator");
    assert!(valid.status.success(), "{}", text(&valid));

    // The capacities (HSDS 3.1's service_capacity, which 3.0 lacks) are checked too, not let through.
    let mut broken = services.clone();
    let at = broken.as_array().and_then(|a| a.iter().position(|x| x["id"] == serde_json::json!(sunrise))).expect("at");
    broken[at]["capacities"][0]["available"] = serde_json::json!("four");
    broken[at]["capacities"][0]["colour"] = serde_json::json!("blue");
    broken[at]["capacities"][0]["service_id"] = serde_json::json!(owls["id"]);
    std::fs::write(dir.join("services.json"), serde_json::to_string(&broken).expect("json")).expect("write");
    let invalid = Command::new("python3").arg(validator).arg(&dir).output().expect("run the validator");
    assert_eq!(invalid.status.code(), Some(1), "{}", text(&invalid));
    for expected in [
        format!("services.json[{at}] $.capacities[0].available: 'four' is not of type 'number'"),
        format!("services.json[{at}] $.capacities[0]: Additional properties are not allowed ('colour' was unexpected)"),
        format!("services.json[{at}] $.capacities[0].service_id: is not the id of its service"),
    ] {
        assert!(text(&invalid).contains(&expected), "{expected:?} missing from:\n{}", text(&invalid));
    }
}

/// Issue 20 (branch rf-browser): `pathways designations remind`, the daily renewal reminders — refused without
/// `[smtp]` or with days out of bounds; with a real SMTP server (Python's aiosmtpd, as the password reset's test),
/// the applicant of a designation due in about ten days is mailed once: a second run sends nothing.
#[tokio::test]
async fn the_daily_renewal_reminders_are_mailed_once() {
    use pathways_domain::community::designation::{Application, Decision, Evidence, Program, ProgramForm, Review};
    use pathways_store::designation_programs as store;
    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    assert!(cli.run(&["migrate"], "").status.success());
    let unconfigured = cli.run(&["designations", "remind"], "");
    assert!(!unconfigured.status.success() && text(&unconfigured).contains("[smtp] is not configured"));
    let far = cli.run(&["designations", "remind", "--days", "61"], "");
    assert!(!far.status.success() && text(&far).contains("--days must be from 0 to 60"), "{}", text(&far));

    if std::process::Command::new("python3").args(["-c", "import aiosmtpd"]).output().is_ok_and(|o| !o.status.success())
    {
        assert!(std::env::var_os("CI").is_none(), "CI must run the SMTP test (scripts/setup.sh installs aiosmtpd)");
        eprintln!("skipped the mail: aiosmtpd is missing");
        return;
    }
    assert!(cli.run(&["org", "create", "--slug", "state-rf", "--name", "State RF Office"], "").status.success());
    let w = db.store.writer();
    let org = pathways_store::orgs::find_by_slug(w, "state-rf").await.expect("q").expect("org");
    let form = ProgramForm {
        kind: "community".into(),
        name_en: "Monthly".into(),
        name_es: "Mensual".into(),
        steps: "Vote | Votación | Minutes | Acta".into(),
        renewal_months: "1".into(),
        trainings: vec![],
    };
    let actor = pathways_store::audit::Actor::default();
    let now = pathways_store::now();
    let today = now.with_timezone(&chrono_tz::America::New_York).date_naive();
    let tx = db.store.begin().await.expect("tx");
    let id = store::save_program(&tx, &actor, org.id.into(), None, &Program::parse(&form).expect("p"), now)
        .await
        .expect("save")
        .expect("saved");
    let program = store::program(&tx, id).await.expect("q").expect("program");
    let a = Application {
        organization: "Soon Town".into(),
        town: "Hartford".into(),
        contact_name: "C".into(),
        contact_email: "soon@example.org".into(),
    };
    let app = store::create_application(&tx, &actor, &program, &a, "soon", now).await.expect("application");
    store::add_submission(&tx, &actor, app, &Evidence { step: 0, text: "Minutes".into(), link: None }, now)
        .await
        .expect("evidence");
    let reviewer = pathways_domain::AccountId::from_uuid(uuid::Uuid::nil());
    store::add_review(&tx, &actor, app, reviewer, &Review { step: 0, decision: Decision::Accept }, now)
        .await
        .expect("review");
    let row = store::application_of(&tx, org.id.into(), app).await.expect("q").expect("row");
    store::designate(&tx, &actor, &program, &row, today - chrono::Duration::days(20), now).await.expect("designate");
    tx.commit().await.expect("commit");

    let port = TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    let maildir = cli.dir.path().join("mail");
    let mut smtp = Server(
        Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd"),
    );
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "the SMTP server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let remind = || {
        let mut c = cli.cmd(&["designations", "remind"]);
        c.env("PATHWAYS_SMTP_HOST", "127.0.0.1")
            .env("PATHWAYS_SMTP_PORT", port.to_string())
            .env("PATHWAYS_SMTP_FROM", "Pathways <no-reply@example.org>")
            .env("PATHWAYS_SMTP_STARTTLS", "false");
        c.output().expect("run")
    };
    let first = remind();
    assert!(first.status.success() && text(&first).contains("1 sent, 0 not sent"), "{}", text(&first));
    let second = remind();
    assert!(second.status.success() && text(&second).contains("0 sent, 0 not sent"), "{}", text(&second));
    let mails: Vec<String> = std::fs::read_dir(maildir.join("new"))
        .expect("maildir")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("mail"))
        .collect();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("To: soon@example.org") && mails[0].contains("Soon Town"), "{}", mails[0]);
    let _ = smtp.0.kill();
}

/// Issue 17: after a change of `deployment.time_zone` the kept access and retention counts file items under the old
/// zone's days; `serve` warns at start naming the command, and `outcomes rebuild-counts` recounts them in the new
/// zone (equal to a recount from the records there, and not to one in the old zone, so the zone matters here),
/// records the zone, and prints only how many cells it wrote.
#[tokio::test(flavor = "multi_thread")]
async fn the_kept_counts_are_rebuilt_in_the_deployments_new_time_zone() {
    use chrono::{NaiveDate, TimeZone as _, Utc};
    use pathways_domain::OrgId;
    use pathways_domain::org::{OrgKind, Slug};
    use pathways_domain::outcomes::CloseoutReason;
    use pathways_domain::person::PersonDetails;
    use pathways_store::entities::outreach_item;
    use pathways_store::kept_zone::{self, Startup};
    use pathways_store::sea_orm::{ActiveModelTrait as _, Set};
    use pathways_store::{orgs, outcomes, persons, retention_kept, served};

    let db = TestDb::new().await;
    let cli = Cli { url: db.url.clone(), dir: tempfile::tempdir().expect("dir") };
    let w = db.store.writer();
    let org = orgs::create(w, &Slug::parse("zone-rcc").expect("slug"), "Zone RCC", OrgKind::RecoveryCommunityCenter)
        .await
        .expect("org");
    let org = OrgId::from_uuid(org.id);
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("a day");
    for i in 0..3u32 {
        let details = PersonDetails {
            preferred_name: format!("Zone {i}"),
            legal_name: None,
            pronouns: None,
            date_of_birth: None,
            preferred_language: None,
            phone: None,
            email: None,
        };
        let p = persons::insert(w, org, &details, None).await.expect("person");
        let person = pathways_domain::PersonId::from_uuid(p.id);
        outcomes::add_episode(
            w,
            org,
            person,
            day(1, 5),
            day(3, 20 + i),
            Some((day(3, 20 + i), CloseoutReason::Completed)),
        )
        .await
        .expect("episode");
        // Opened at 23:30 UTC on 31 March: that evening in New York, already 1 April on Kiritimati (UTC+14) — another
        // 12-month period — and back 9 days later at noon UTC.
        let opened = Utc.with_ymd_and_hms(2026, 3, 31, 23, 30, i).single().expect("a time");
        outreach_item::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            person_id: Set(p.id),
            org_id: Set(org.as_uuid()),
            kind: Set("not_engaged".into()),
            urgency_class: Set(2),
            opened_at: Set(opened),
            closed_at: Set(Some(Utc.with_ymd_and_hms(2026, 4, 9, 12, 0, 0).single().expect("a time"))),
            escalated_at: Set(None),
            attempts: Set(0),
            failed_attempts: Set(0),
            last_attempt_at: Set(None),
        }
        .insert(w)
        .await
        .expect("item");
    }
    let served_before = served::all(w).await.expect("served");
    assert!(!served_before.is_empty(), "the fixture has people served");
    type Cells = std::collections::BTreeMap<(uuid::Uuid, &'static str), pathways_domain::outcomes::retention::Kept>;
    fn flat(cells: Cells) -> Vec<((uuid::Uuid, String, pathways_domain::outcomes::retention::KeptKey), i64)> {
        cells
            .into_iter()
            .flat_map(|((o, m), k)| k.into_iter().map(move |(key, n)| ((o, m.to_owned(), key), n)))
            .collect()
    }
    let kept = || async { retention_kept::all(db.store.reader()).await.expect("kept").into_iter().collect::<Vec<_>>() };
    let (new_york, kiritimati) = (chrono_tz::America::New_York, chrono_tz::Pacific::Kiritimati);
    let in_new_york = flat(retention_kept::recount(w, new_york).await.expect("recount"));
    let in_kiritimati = flat(retention_kept::recount(w, kiritimati).await.expect("recount"));
    assert_ne!(in_new_york, in_kiritimati, "the fixture's items fall on other days in the two zones");

    let rebuild = |zone: &str| {
        let mut c = cli.cmd(&["outcomes", "rebuild-counts"]);
        c.env("PATHWAYS_DEPLOYMENT_TIME_ZONE", zone);
        c.output().expect("run")
    };
    let out = rebuild("America/New_York");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("rebuilt in America/New_York:"), "{}", text(&out));
    assert_eq!(kept().await, in_new_york);
    assert_eq!(kept_zone::recorded(w).await.expect("zone").as_deref(), Some("America/New_York"));

    // The deployment moves to Kiritimati: the server starts, and warns naming the old zone and the command.
    let port = TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    let bind = format!("127.0.0.1:{port}");
    let mut c = cli.cmd(&["serve", "--bind", &bind]);
    c.env("PATHWAYS_DEPLOYMENT_TIME_ZONE", "Pacific/Kiritimati").env("PATHWAYS_LOG_FORMAT", "text");
    let mut server = Server(c.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("serve"));
    let started = Instant::now();
    while http_get(port, "/readyz", None).map(|(s, _)| s.contains("200")) != Some(true) {
        assert!(started.elapsed() < Duration::from_secs(30), "the server did not become ready");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = server.0.kill();
    let mut log = String::new();
    server.0.stderr.take().expect("stderr").read_to_string(&mut log).expect("log");
    drop(server);
    assert!(log.contains("pathways outcomes rebuild-counts") && log.contains("America/New_York"), "{log}");
    assert!(!log.contains("Zone 0"), "no person in the log");
    assert_eq!(kept().await, in_new_york, "the server changes no count at start");

    let out = rebuild("Pacific/Kiritimati");
    assert!(out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("rebuilt in Pacific/Kiritimati (they were built in America/New_York)"), "{said}");
    let cells =
        format!("{} people-served cells and {} access-and-retention cells", served_before.len(), in_kiritimati.len());
    assert!(said.contains(&cells), "{said}");
    assert!(!said.contains("Zone 0"), "{said}");
    assert_eq!(kept().await, in_kiritimati, "the counts equal a recount in the new zone");
    assert_eq!(served::all(w).await.expect("served"), served_before, "people served does not depend on the zone");
    assert_eq!(kept_zone::recorded(w).await.expect("zone").as_deref(), Some("Pacific/Kiritimati"));
    assert_eq!(kept_zone::check(w, kiritimati).await.expect("check"), Startup::InZone);
    assert_eq!(
        kept_zone::check(w, new_york).await.expect("check"),
        Startup::Differs { built_in: "Pacific/Kiritimati".into() }
    );
}
