//! Issue 16: the finder's search alone, in one process, one query at a time (no HTTP, no engine beside it): where a
//! class of queries spends its time, query by query. The same listings and queries as `engine_compare.rs`
//! (`bench/engine_compare.sh --finder-only` writes the frequency-weighted mix and runs this).
//!
//! For each class: queries a second, mean, p50, p90, p99 and max over three timed passes after a warm-up pass;
//! the slowest queries (each by its fastest pass) with their totals; and, in the warm-up pass, a check that every
//! page is the head of the same search's full ranking with its exact count (a page that stops early where it must
//! not would differ).
//!
//! Without arguments (as `cargo test` runs every bench target) it runs on a small synthetic directory, one pass, and
//! fails when a page is not the head of its full ranking. Arguments: the SQLite set's URL, the queries file (`vocab_1`, a blank line, `vocab_2`), and optionally how many
//! timed passes (3; more to profile the search rather than the build), and `--no-check` (to profile: the check's
//! full rankings would dominate the profile).

use std::time::{Duration, Instant};

use pathways_domain::directory::geo::LatLon;
use pathways_domain::finder::{Index, IndexBuilder, Listing, Query};
use pathways_store::Store;
use pathways_store::directory;

const PASSES: usize = 3;
const SLOWEST: usize = 12;

async fn build(url: &str) -> (Index, Duration) {
    let store = Store::connect(url).await.expect("the benchmark set opens");
    let db = store.reader();
    let tz = chrono_tz::America::New_York;
    let mut builder = IndexBuilder::default();
    let started = Instant::now();
    let mut snapshot = directory::snapshot(db).await.expect("the directory reads");
    while let Some(page) = snapshot.next_page(db).await.expect("a page reads") {
        for s in &page {
            pathways_web::finder::each_listing(s, tz, &mut |l| builder.add(l));
        }
    }
    (builder.finish(), started.elapsed())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A small directory whose names and descriptions share broad words, rarer ones and prefixes ("for", "ford",
/// "forest"), and every pair of its words as queries.
fn synthetic() -> (Index, Vec<String>, Vec<String>) {
    const WORDS: [&str; 12] = [
        "recovery", "meeting", "house", "hope", "harbor", "smart", "for", "ford", "forest", "center", "support",
        "family",
    ];
    let pick = |i: usize, k: usize| WORDS.get((i * k + i / 7) % WORDS.len()).copied().unwrap_or_default();
    let texts: Vec<(String, String)> = (0..3000)
        .map(|i| {
            (format!("{} {} {i}", pick(i, 3), pick(i, 5)), format!("{} {} {}", pick(i, 7), pick(i, 11), pick(i, 13)))
        })
        .collect();
    let mut builder = IndexBuilder::default();
    for (i, (name, description)) in texts.iter().enumerate() {
        builder.add(&Listing {
            service_id: uuid::Uuid::from_u128(i as u128),
            name,
            description,
            place: (i % 3 != 0).then(|| LatLon::new(41.0, -72.0).ok()).flatten(),
            is_meeting: i % 2 == 0,
            ..Listing::default()
        });
    }
    let one: Vec<String> = WORDS.iter().map(|w| (*w).to_owned()).collect();
    let two = WORDS.iter().flat_map(|a| WORDS.iter().map(move |b| format!("{a} {b}"))).collect();
    (builder.finish(), one, two)
}

/// Times one class and prints it; how many pages were not the head of their full ranking (when checked).
fn run(ix: &Index, class: &str, queries: &[String], passes: usize, check: bool) -> usize {
    let now = chrono::Utc::now();
    let tz = chrono_tz::America::New_York;
    let mut best = vec![Duration::MAX; queries.len()];
    let mut all = Vec::with_capacity(queries.len() * passes);
    let (mut differs, mut lower_bounds) = (0, 0);
    let mut totals = vec![(0, false); queries.len()];
    for pass in 0..=passes {
        for (i, q) in queries.iter().enumerate() {
            let query = Query { words: q.clone(), ..Query::default() };
            let t = Instant::now();
            let page = ix.search_page(&query, now, tz, 0, 20);
            let d = t.elapsed();
            if pass == 0 && !check {
                continue;
            }
            if pass == 0 {
                let full = ix.search(&query, now, tz);
                let head: Vec<_> = full.iter().take(20).cloned().collect();
                let wrong = page.hits != head || (!page.at_least && page.total != full.len());
                if wrong && differs < 5 {
                    println!("  differs: {q:?} (total {} of {})", page.total, full.len());
                }
                differs += usize::from(wrong);
                lower_bounds += usize::from(page.at_least);
                if let Some(t) = totals.get_mut(i) {
                    *t = (page.total, page.at_least);
                }
                continue;
            }
            all.push(d);
            if let Some(b) = best.get_mut(i) {
                *b = (*b).min(d);
            }
        }
    }
    all.sort_unstable();
    let sum: Duration = all.iter().sum();
    let at = |p: f64| {
        let i = ((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1));
        all.get(i).copied().unwrap_or_default()
    };
    println!("{class}: {} queries, {passes} passes", queries.len());
    println!(
        "  {:>9.0} q/s  mean {:.4} ms  p50 {:.4} ms  p90 {:.4} ms  p99 {:.4} ms  max {:.4} ms",
        all.len() as f64 / sum.as_secs_f64(),
        ms(sum) / all.len() as f64,
        ms(at(0.50)),
        ms(at(0.90)),
        ms(at(0.99)),
        ms(at(1.0)),
    );
    println!(
        "  pages that are not the head of the full ranking: {differs}; counts given as lower bounds: {lower_bounds}"
    );
    let mut order: Vec<usize> = (0..queries.len()).collect();
    order.sort_unstable_by_key(|&i| std::cmp::Reverse(best.get(i).copied().unwrap_or_default()));
    let slow: Duration = order.iter().take(queries.len() / 10).filter_map(|&i| best.get(i)).sum();
    let every: Duration = best.iter().sum();
    println!(
        "  the slowest tenth of the queries take {:.0} % of the time",
        100.0 * slow.as_secs_f64() / every.as_secs_f64()
    );
    for &i in order.iter().take(SLOWEST) {
        let (Some(q), Some(d), Some((total, at_least))) = (queries.get(i), best.get(i), totals.get(i)) else {
            continue;
        };
        let bound = if *at_least { "at least " } else { "" };
        println!("    {:.4} ms  {q:?} ({bound}{total} results)", ms(*d));
    }
    differs
}

fn main() {
    let check = !std::env::args().any(|a| a == "--no-check");
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench" && a != "--no-check");
    let (url, queries, passes) = (args.next(), args.next(), args.next());
    let passes = passes.and_then(|p| p.parse().ok()).unwrap_or(PASSES);
    let (ix, one, two, passes) = match (url, queries) {
        (Some(url), Some(queries)) => {
            let text = std::fs::read_to_string(&queries).expect("the queries file reads");
            let mut classes = text.split("\n\n").map(|c| c.lines().map(str::to_owned).collect::<Vec<_>>());
            let (one, two) = (classes.next().unwrap_or_default(), classes.next().unwrap_or_default());
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
            let (ix, took) = runtime.block_on(build(&url));
            println!(
                "listings: {} (built in {:.1} s, heap {} MiB)",
                ix.len(),
                took.as_secs_f64(),
                ix.heap_bytes() >> 20
            );
            (ix, one, two, passes)
        }
        (None, None) => {
            let (ix, one, two) = synthetic();
            println!(
                "a synthetic directory of {} listings (give SQLITE_URL QUERIES_FILE for the national set)",
                ix.len()
            );
            (ix, one, two, 1)
        }
        _ => {
            eprintln!(
                "usage: finder_search [SQLITE_URL QUERIES_FILE [PASSES] [--no-check]] (see bench/engine_compare.sh --finder-only)"
            );
            std::process::exit(2);
        }
    };
    let differs =
        run(&ix, "vocab_1 (one word)", &one, passes, check) + run(&ix, "vocab_2 (two words)", &two, passes, check);
    if differs > 0 {
        std::process::exit(1);
    }
}
