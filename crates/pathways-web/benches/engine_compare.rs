//! Issue 16: the finder's own index beside a well-kept search engine (tantivy: BM25, block-max WAND top-k) on the
//! same listings and the same queries, in one process and one run, one query at a time (no HTTP in the way).
//!
//! Both engines receive exactly what the finder indexes (`pathways_web::finder::each_listing` over the
//! directory's snapshot), folded into the same words (`pathways_domain::finder::words`), in four fields weighted
//! as the finder weighs them (name 4, category names and keywords 3, town and ZIP 2, organization, address and
//! description 1). A query word of three letters or more matches the words it begins, in both: for tantivy it is
//! expanded through the term dictionary into one boosted term query per (field, word); every query word must
//! match. Each engine returns the best 20 and a count; tantivy's count (`Count`) is exact, the finder's is exact
//! or a flagged lower bound (`total_at_least`), so tantivy is also timed with its top 20 alone (where block-max
//! WAND may skip), which bounds what an engine could do with a cheaper count.
//!
//! Run (built only with the `engine-compare` feature, so the suite never compiles tantivy):
//!
//! ```sh
//! bench/engine_compare.sh /tmp/dirb/dirbench.db   # the national set kept by bench/directory.py --sqlite-file
//! ```
//!
//! Arguments: the SQLite set's URL, and a file of queries (one `q` per line: `vocab_1` then a blank line, then
//! `vocab_2`) written by `bench/engine_compare.sh` from `bench/directory.py`'s frequency-weighted mix.

use std::time::{Duration, Instant};

use pathways_domain::finder::{IndexBuilder, Query as FinderQuery, words};
use pathways_store::Store;
use pathways_store::directory;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index as Tantivy, IndexWriter, Searcher, TantivyDocument, Term};

/// The finder's field weights (`pathways_domain::finder::build`).
const FIELDS: [(&str, f32); 4] = [("name", 4.0), ("category", 3.0), ("place", 2.0), ("text", 1.0)];

struct Engines {
    ours: pathways_domain::finder::Index,
    tantivy: Tantivy,
    fields: [Field; 4],
    ours_build: Duration,
    tantivy_build: Duration,
}

fn folded(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        for w in words(p) {
            out.push_str(&w);
            out.push(' ');
        }
    }
    out
}

async fn build(url: &str) -> Engines {
    let store = Store::connect(url).await.expect("the benchmark set opens");
    let db = store.reader();
    let tz = chrono_tz::America::New_York;

    let mut schema = Schema::builder();
    // Word frequencies for BM25, no positions (no phrase queries): the smallest index that ranks.
    let options = TextOptions::default()
        .set_indexing_options(TextFieldIndexing::default().set_index_option(IndexRecordOption::WithFreqs));
    let fields = FIELDS.map(|(name, _)| schema.add_text_field(name, options.clone()));
    let tantivy = Tantivy::create_in_ram(schema.build());
    let mut writer: IndexWriter = tantivy.writer_with_num_threads(1, 400_000_000).expect("a tantivy writer");

    let mut builder = IndexBuilder::default();
    let (mut ours_build, mut tantivy_build) = (Duration::ZERO, Duration::ZERO);
    let mut snapshot = directory::snapshot(db).await.expect("the directory reads");
    while let Some(page) = snapshot.next_page(db).await.expect("a page reads") {
        for s in &page {
            let mut listings = Vec::new();
            pathways_web::finder::each_listing(s, tz, &mut |l| {
                let t = Instant::now();
                builder.add(l);
                ours_build += t.elapsed();
                let mut category: Vec<&str> = l.keywords.clone();
                category.extend(&l.categories);
                listings.push([
                    folded(&[l.name]),
                    folded(&category),
                    folded(&[l.city, l.postal_code]),
                    folded(&[l.organization, l.address, l.description]),
                ]);
            });
            let t = Instant::now();
            for texts in listings {
                let mut doc = TantivyDocument::default();
                for (field, text) in fields.iter().zip(texts) {
                    doc.add_text(*field, text);
                }
                writer.add_document(doc).expect("a document is added");
            }
            tantivy_build += t.elapsed();
        }
    }
    let t = Instant::now();
    let ours = builder.finish();
    ours_build += t.elapsed();
    let t = Instant::now();
    writer.commit().expect("tantivy commits");
    let segments = tantivy.searchable_segment_ids().expect("segments");
    if segments.len() > 1 {
        writer.merge(&segments).wait().expect("segments merge");
    }
    writer.wait_merging_threads().expect("merges finish");
    tantivy_build += t.elapsed();
    Engines { ours, tantivy, fields, ours_build, tantivy_build }
}

/// The query as the finder means it, for tantivy: every word must match; a word of three letters or more matches
/// each indexed word it begins, in any field, boosted by the field's weight.
fn tantivy_query(searcher: &Searcher, fields: &[Field; 4], q: &str) -> Option<Box<dyn Query>> {
    let mut musts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for w in words(q) {
        let mut shoulds: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, (_, boost)) in fields.iter().zip(FIELDS) {
            for segment in searcher.segment_readers() {
                let inverted = segment.inverted_index(*field).expect("the field is indexed");
                let mut terms = Vec::new();
                if w.chars().count() >= 3 {
                    let mut stream = inverted.terms().range().ge(w.as_bytes()).into_stream().expect("a term stream");
                    while stream.advance() {
                        if !stream.key().starts_with(w.as_bytes()) {
                            break;
                        }
                        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
                    }
                } else if inverted.terms().get(w.as_bytes()).ok().flatten().is_some() {
                    terms.push(w.clone());
                }
                for t in terms {
                    let term = TermQuery::new(Term::from_field_text(*field, &t), IndexRecordOption::WithFreqs);
                    shoulds.push((Occur::Should, Box::new(BoostQuery::new(Box::new(term), boost))));
                }
            }
        }
        if shoulds.is_empty() {
            return None;
        }
        musts.push((Occur::Must, Box::new(BooleanQuery::new(shoulds))));
    }
    if musts.len() == 1 { musts.pop().map(|m| m.1) } else { Some(Box::new(BooleanQuery::new(musts))) }
}

#[derive(Default)]
struct Timing(Vec<Duration>);

impl Timing {
    fn report(&mut self, label: &str, queries: usize) {
        self.0.sort_unstable();
        let total: Duration = self.0.iter().sum();
        let at = |q: f64| {
            let i = ((self.0.len() as f64 * q) as usize).min(self.0.len().saturating_sub(1));
            self.0.get(i).copied().unwrap_or_default()
        };
        println!(
            "  {label:<34} {:>9.0} q/s  mean {:>7.3} ms  p50 {:>7.3} ms  p99 {:>7.3} ms  max {:>7.3} ms  ({} queries)",
            self.0.len() as f64 / total.as_secs_f64(),
            total.as_secs_f64() * 1000.0 / self.0.len() as f64,
            at(0.50).as_secs_f64() * 1000.0,
            at(0.99).as_secs_f64() * 1000.0,
            at(1.0).as_secs_f64() * 1000.0,
            queries,
        );
    }
}

const PASSES: usize = 3;

fn compare(e: &Engines, class: &str, queries: &[String]) {
    let now = chrono::Utc::now();
    let tz = chrono_tz::America::New_York;
    let reader = e.tantivy.reader().expect("a tantivy reader");
    let searcher = reader.searcher();
    println!("{class}: {} queries, {PASSES} passes, one at a time", queries.len());

    let (mut ours, mut t_count, mut t_top) = (Timing::default(), Timing::default(), Timing::default());
    let (mut agree, mut exact, mut lower_bounds, mut mismatched) = (0, 0, 0, 0);
    for pass in 0..=PASSES {
        for q in queries {
            let fq = FinderQuery { words: q.clone(), ..FinderQuery::default() };
            let t = Instant::now();
            let page = e.ours.search_page(&fq, now, tz, 0, 20);
            let d = t.elapsed();

            let t = Instant::now();
            let counted = tantivy_query(&searcher, &e.fields, q)
                .map(|tq| searcher.search(&*tq, &(TopDocs::with_limit(20), Count)).expect("tantivy searches"));
            let dc = t.elapsed();

            let t = Instant::now();
            let top = tantivy_query(&searcher, &e.fields, q)
                .map(|tq| searcher.search(&*tq, &TopDocs::with_limit(20)).expect("tantivy searches"));
            let dt = t.elapsed();
            std::hint::black_box(&top);

            // The first pass warms both up (not timed) and checks the finder's page against its own full
            // ranking (no early termination when every result is asked for).
            if pass == 0 {
                let full = e.ours.search(&fq, now, tz);
                let head: Vec<_> = full.iter().take(20).cloned().collect();
                if page.hits != head && mismatched < 5 {
                    let ids = |h: &[pathways_domain::finder::Hit]| -> Vec<(u32, u32)> {
                        h.iter().map(|h| (h.listing, h.score)).collect()
                    };
                    println!("  differs: {q:?}: page {:?} full {:?}", ids(&page.hits), ids(&head));
                }
                mismatched += usize::from(page.hits != head);
                if !page.at_least {
                    mismatched += usize::from(page.total != full.len());
                }
                let count = counted.as_ref().map_or(0, |c| c.1);
                if page.at_least {
                    lower_bounds += 1;
                    agree += usize::from(page.total <= count);
                } else {
                    exact += 1;
                    agree += usize::from(page.total == count);
                }
                continue;
            }
            ours.0.push(d);
            t_count.0.push(dc);
            t_top.0.push(dt);
        }
    }
    println!(
        "  counts: {exact} exact in the finder, {lower_bounds} lower bounds; {agree} of {} agree with tantivy's exact count",
        queries.len()
    );
    println!(
        "  the finder's page differs from the head of its full ranking (or its exact count from it) in {mismatched}"
    );
    ours.report("finder: best 20 + count", queries.len());
    t_count.report("tantivy: best 20 + exact Count", queries.len());
    t_top.report("tantivy: best 20 only", queries.len());
}

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let (Some(url), Some(queries)) = (args.next(), args.next()) else {
        eprintln!("usage: engine_compare SQLITE_URL QUERIES_FILE (see bench/engine_compare.sh)");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&queries).expect("the queries file reads");
    let mut classes = text.split("\n\n").map(|c| c.lines().map(str::to_owned).collect::<Vec<_>>());
    let (one, two) = (classes.next().unwrap_or_default(), classes.next().unwrap_or_default());

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let e = runtime.block_on(build(&url));
    println!(
        "listings: {} (finder build {:.1} s, heap {} MiB; tantivy build {:.1} s incl. one merge, 1 thread)",
        e.ours.len(),
        e.ours_build.as_secs_f64(),
        e.ours.heap_bytes() >> 20,
        e.tantivy_build.as_secs_f64(),
    );
    compare(&e, "vocab_1 (one word, by document frequency)", &one);
    compare(&e, "vocab_2 (two words, by document frequency)", &two);
}
