//! Every route the app serves, as `(METHOD, /path/{template})`, read from where the routes are declared — never
//! copied by hand: the pages from `src/router.rs` (each `.route("…", get(…).post(…))`, with `.nest` prefixes and
//! the record routes each door mounts expanded), the JSON API from its OpenAPI document (`api_routes()`'s
//! `routes!` enter every API handler there). The access matrix (`access_matrix.rs`) must have an entry for each.
//!
//! The reader refuses what it doesn't understand (a `.route_service`, a `.nest_service`, an unknown `.merge`), so
//! a new way of declaring routes can't slip past the matrix unseen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A served route: its method (`GET`, `POST` …) and its path template as declared (`/persons/{id}/plan`).
pub type Served = (String, String);

/// Every route the app serves: `src/router.rs`'s page routes and the OpenAPI document's API routes.
pub fn served() -> BTreeSet<Served> {
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/router.rs")).expect("src/router.rs");
    let mut all = page_routes(&source);
    all.extend(api_routes());
    all
}

/// The API routes, from `/api/openapi.json`'s document.
fn api_routes() -> BTreeSet<Served> {
    let mut out = BTreeSet::new();
    for (path, item) in &pathways_web::openapi::document().paths.paths {
        let methods = [
            ("GET", item.get.is_some()),
            ("POST", item.post.is_some()),
            ("PUT", item.put.is_some()),
            ("PATCH", item.patch.is_some()),
            ("DELETE", item.delete.is_some()),
            ("HEAD", item.head.is_some()),
            ("OPTIONS", item.options.is_some()),
        ];
        for (method, present) in methods {
            if present {
                out.insert((method.to_owned(), path.clone()));
            }
        }
    }
    out
}

/// One router-building function of `router.rs`: its own routes, the functions it nests (prefix, name) and the
/// functions whose routes it starts from (`record_routes()` in `staff_record_routes`).
#[derive(Default, Debug)]
struct RouterFn {
    routes: Vec<Served>,
    nests: Vec<(String, String)>,
    includes: Vec<String>,
}

/// The page routes `router()` serves, from router.rs's source.
pub fn page_routes(source: &str) -> BTreeSet<Served> {
    let fns = router_fns(source);
    let mut out = BTreeSet::new();
    expand(&fns, "router", "", &mut out, 0);
    out
}

fn expand(fns: &BTreeMap<String, RouterFn>, name: &str, prefix: &str, out: &mut BTreeSet<Served>, depth: usize) {
    assert!(depth < 8, "router.rs: routes nest too deep at {name}");
    let f = fns.get(name).unwrap_or_else(|| panic!("router.rs: no function {name}() to read routes from"));
    for (method, path) in &f.routes {
        let full = match (prefix, path.as_str()) {
            ("", p) => p.to_owned(),
            (pre, "/") => pre.to_owned(),
            (pre, p) => format!("{pre}{p}"),
        };
        out.insert((method.clone(), full));
    }
    for included in &f.includes {
        expand(fns, included, prefix, out, depth + 1);
    }
    for (nest, inner) in &f.nests {
        expand(fns, inner, &format!("{prefix}{nest}"), out, depth + 1);
    }
}

/// The functions of router.rs that build routers, by name.
fn router_fns(source: &str) -> BTreeMap<String, RouterFn> {
    // Each function: from `fn name(` to the next top-level `fn`.
    let mut bodies: Vec<(String, &str)> = Vec::new();
    let starts: Vec<usize> = source
        .match_indices("\nfn ")
        .chain(source.match_indices("\npub fn "))
        .map(|(at, _)| at + 1)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(source.len());
        let text = &source[start..end];
        let name_at = text.find("fn ").expect("fn") + 3;
        let name: String = text[name_at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        bodies.push((name, text));
    }
    let names: Vec<String> = bodies.iter().map(|(n, _)| n.clone()).collect();
    let mut fns = BTreeMap::new();
    for (name, text) in &bodies {
        let text = strip_comments(text);
        for refused in [".route_service(", ".nest_service(", ".route_layer(", ".fallback_service("] {
            assert!(!text.contains(refused), "router.rs {name}(): the route table can't read {refused}…); teach it");
        }
        let mut f = RouterFn::default();
        for args in calls(&text, ".route(") {
            let (path, rest) = first_string(&args).unwrap_or_else(|| panic!("router.rs {name}(): .route({args})"));
            let methods = methods_of(rest);
            assert!(!methods.is_empty(), "router.rs {name}(): no method in .route(\"{path}\", …)");
            for m in methods {
                f.routes.push((m, path.clone()));
            }
        }
        let mut nested = Vec::new();
        for args in calls(&text, ".nest(") {
            let (prefix, rest) = first_string(&args).unwrap_or_else(|| panic!("router.rs {name}(): .nest({args})"));
            let inner = names
                .iter()
                .find(|n| calls_fn(rest, n))
                .unwrap_or_else(|| panic!("router.rs {name}(): .nest(\"{prefix}\", …) of no router function"));
            f.nests.push((prefix, inner.clone()));
            nested.push(args);
        }
        for args in calls(&text, ".merge(") {
            let merged = args.trim();
            // `app` (the pages, already read) and `json_api` (the API, read from its OpenAPI document).
            assert!(
                merged == "app" || merged == "json_api",
                "router.rs {name}(): the route table can't read .merge({merged})"
            );
        }
        // Functions whose routes this one starts from (not nested): `record_routes()` at the head of a chain.
        let mut body = text.split_once('{').map_or("", |(_, b)| b).to_owned();
        for args in &nested {
            body = body.replace(args.as_str(), "");
        }
        for other in &names {
            if other != name && other != "api_routes" && calls_fn(&body, other) {
                f.includes.push(other.clone());
            }
        }
        fns.insert(name.clone(), f);
    }
    fns
}

/// Whether `text` calls `name()` (a whole name: `record_routes()` is not in `staff_record_routes()`).
fn calls_fn(text: &str, name: &str) -> bool {
    text.match_indices(&format!("{name}()"))
        .any(|(at, _)| !text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_'))
}

fn strip_comments(text: &str) -> String {
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// The argument text of every call `opener…)` in `text`, parentheses balanced.
fn calls(text: &str, opener: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(opener) {
        let start = at + opener.len();
        let mut depth = 1;
        let mut end = None;
        for (i, c) in text[start..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(start + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push(text[start..end.expect("balanced parentheses")].to_owned());
    }
    out
}

/// The first string literal of an argument list, and the text after it.
fn first_string(args: &str) -> Option<(String, &str)> {
    let open = args.find('"')?;
    let close = open + 1 + args[open + 1..].find('"')?;
    Some((args[open + 1..close].to_owned(), &args[close + 1..]))
}

/// The methods of a method router: `get(a).post(b)` → GET, POST (only the chain's own calls, not their arguments).
fn methods_of(chain: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut word = String::new();
    for c in chain.chars() {
        match c {
            '(' => {
                if depth == 0 {
                    let m = word.trim_start_matches('.').to_ascii_uppercase();
                    if ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&m.as_str()) {
                        out.push(m);
                    } else if !m.is_empty() {
                        panic!("router.rs: the route table can't read the method router `{m}(…)`");
                    }
                }
                depth += 1;
                word.clear();
            }
            ')' => {
                depth -= 1;
                word.clear();
            }
            c if depth == 0 && (c.is_alphanumeric() || c == '_' || c == '.') => word.push(c),
            _ => {
                if depth == 0 {
                    word.clear();
                }
            }
        }
    }
    out
}

#[test]
fn the_reader_expands_nests_doors_and_method_chains() {
    let source = r#"
fn record_routes() -> Router<AppState> {
    Router::new()
        // .route("/commented", get(x))
        .route("/plan", get(plans::show_plan).post(plans::update_plan))
}

fn staff_record_routes() -> Router<AppState> {
    record_routes().route("/invite", post(invites::create_invite))
}

pub fn router(state: AppState) -> Router {
    let app = Router::new()
        .route("/", get(home::show_home))
        .route(
            "/calls/{id}",
            get(referrals::call_referrals).post(referrals::create_call_referral),
        )
        .nest("/persons/{id}", staff_record_routes())
        .nest("/me", record_routes());
    Router::new().merge(app)
}
"#;
    let got: Vec<String> = page_routes(source).into_iter().map(|(m, p)| format!("{m} {p}")).collect();
    assert_eq!(
        got,
        [
            "GET /",
            "GET /calls/{id}",
            "GET /me/plan",
            "GET /persons/{id}/plan",
            "POST /calls/{id}",
            "POST /me/plan",
            "POST /persons/{id}/invite",
            "POST /persons/{id}/plan",
        ]
    );
}

#[test]
fn the_app_serves_what_the_reader_found() {
    let all = served();
    for want in [
        ("GET", "/persons/{id}/plan"),
        ("GET", "/me"),
        ("POST", "/me/checkins"),
        ("POST", "/persons/{id}/linkage/{task}"),
        ("GET", "/api/v1/persons/{id}/plan"),
        ("PUT", "/api/v1/persons/{id}/plan"),
        ("GET", "/healthz"),
        ("GET", "/static/{file}"),
        ("GET", "/access-line/calls/{id}/referrals"),
    ] {
        assert!(all.contains(&(want.0.to_owned(), want.1.to_owned())), "{want:?} in {all:#?}");
    }
    assert!(!all.iter().any(|(_, p)| p.contains("//") || p.ends_with("/") && p != "/"), "{all:#?}");
}
