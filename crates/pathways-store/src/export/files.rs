//! `pathways export hsds DIR`: the active directory as HSDS 3.0 JSON, one file per kind of object, each a JSON
//! array of full objects (one per line):
//!
//! - `organizations.json`: organizations, with what their documents nest;
//! - `services.json`: services with phones, schedules, languages, attributes (with full taxonomy terms) and
//!   `service_at_locations`, each with its full `location`; `organization_id` names the organization;
//! - `locations.json`: places, with their addresses;
//! - `taxonomies.json`: the recovery taxonomy, the listing attributes, the Meeting Guide meeting types;
//! - `taxonomy_terms.json`: every term of those, and any other term an attribute uses (an imported document's),
//!   its taxonomy listed too when the document gave it; references the export can't resolve (a parent term or
//!   taxonomy it doesn't hold) are left out of those terms, so every id the files name is in them.
//!
//! It is read in one read-only transaction (repeatable read on PostgreSQL), so the files agree with each other
//! while imports go on. Each file is written beside its final name and renamed into place when complete.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sea_orm::{AccessMode, DbBackend, IsolationLevel, TransactionOptions, TransactionTrait};
use serde_json::Value;

use super::read::{ServiceFilter, locations_after, organizations_after, services_after};
use super::{Vocabularies, hsds};
use crate::{Result, Store, StoreError};

/// Rows read per query.
const CHUNK: u64 = 500;

/// How many objects went into each file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub organizations: u64,
    pub services: u64,
    pub locations: u64,
    pub taxonomies: u64,
    pub taxonomy_terms: u64,
}

/// A JSON array written one object at a time.
struct ArrayFile {
    path: PathBuf,
    partial: PathBuf,
    out: BufWriter<File>,
    count: u64,
}

fn io_error(path: &Path, e: std::io::Error) -> StoreError {
    StoreError::Invalid(format!("cannot write {}: {e}", path.display()))
}

impl ArrayFile {
    fn create(dir: &Path, name: &str) -> Result<Self> {
        let path = dir.join(name);
        let partial = dir.join(format!(".{name}.partial"));
        let file = File::create(&partial).map_err(|e| io_error(&partial, e))?;
        let mut out = BufWriter::new(file);
        out.write_all(b"[").map_err(|e| io_error(&partial, e))?;
        Ok(Self { path, partial, out, count: 0 })
    }

    fn push(&mut self, v: &Value) -> Result<()> {
        let sep: &[u8] = if self.count == 0 { b"\n" } else { b",\n" };
        self.out.write_all(sep).map_err(|e| io_error(&self.partial, e))?;
        serde_json::to_writer(&mut self.out, v).map_err(|e| io_error(&self.partial, e.into()))?;
        self.count += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<u64> {
        self.out.write_all(b"\n]\n").and_then(|()| self.out.flush()).map_err(|e| io_error(&self.partial, e))?;
        std::fs::rename(&self.partial, &self.path).map_err(|e| io_error(&self.path, e))?;
        Ok(self.count)
    }
}

/// Every taxonomy term nested anywhere in `v` that is not in `known`, by id.
fn collect_terms(v: &Value, known: &HashSet<String>, found: &mut BTreeMap<String, Value>) {
    match v {
        Value::Object(o) => {
            for (k, child) in o {
                if k == "taxonomy_term"
                    && let Some(id) = child.get("id").and_then(Value::as_str)
                    && !known.contains(id)
                {
                    found.entry(id.to_owned()).or_insert_with(|| child.clone());
                } else {
                    collect_terms(child, known, found);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_terms(i, known, found)),
        _ => {}
    }
}

/// Writes the export into `dir` (made if missing; files of these names are replaced).
pub async fn write_hsds(store: &Store, dir: &Path, v: &Vocabularies<'_>, today: chrono::NaiveDate) -> Result<Written> {
    std::fs::create_dir_all(dir)
        .map_err(|e| StoreError::Invalid(format!("cannot create the folder {}: {e}", dir.display())))?;
    let options = match store.backend() {
        DbBackend::Postgres => TransactionOptions {
            isolation_level: Some(IsolationLevel::RepeatableRead),
            access_mode: Some(AccessMode::ReadOnly),
            ..TransactionOptions::default()
        },
        // A read on SQLite's write-ahead log sees one snapshot until the transaction ends.
        _ => TransactionOptions::default(),
    };
    let tx = store.reader().begin_with_options(options).await?;
    let mut written = Written::default();
    let terms = v.terms();
    let known: HashSet<String> = terms.iter().filter_map(|t| t["id"].as_str().map(str::to_owned)).collect();
    let mut other_terms = BTreeMap::new();

    let mut file = ArrayFile::create(dir, "organizations.json")?;
    let mut after = None;
    loop {
        let rows = organizations_after(&tx, after, CHUNK).await?;
        let Some(last) = rows.last() else { break };
        after = Some(last.id);
        for row in &rows {
            let o = hsds::organization(row, v);
            collect_terms(&o, &known, &mut other_terms);
            file.push(&o)?;
        }
    }
    written.organizations = file.finish()?;

    let mut file = ArrayFile::create(dir, "services.json")?;
    let mut after = None;
    loop {
        let loaded = services_after(&tx, &ServiceFilter::default(), after, CHUNK).await?;
        let Some(last) = loaded.last() else { break };
        after = Some(last.service.id);
        for l in &loaded {
            let mut s = hsds::service(&l.service, &l.places(), v);
            l.add_beds_and_residence_facts(&mut s, today, v);
            collect_terms(&s, &known, &mut other_terms);
            file.push(&s)?;
        }
    }
    written.services = file.finish()?;

    let mut file = ArrayFile::create(dir, "locations.json")?;
    let mut after = None;
    loop {
        let rows = locations_after(&tx, after, CHUNK).await?;
        let Some(last) = rows.last() else { break };
        after = Some(last.id);
        for row in &rows {
            let l = hsds::location(row, v);
            collect_terms(&l, &known, &mut other_terms);
            file.push(&l)?;
        }
    }
    written.locations = file.finish()?;
    tx.rollback().await?;

    let mut taxonomies = v.taxonomies();
    let other_taxonomies = settle_other_terms(&known, &taxonomies, &mut other_terms);
    taxonomies.extend(other_taxonomies);
    let mut file = ArrayFile::create(dir, "taxonomies.json")?;
    for t in &taxonomies {
        file.push(t)?;
    }
    written.taxonomies = file.finish()?;
    let mut file = ArrayFile::create(dir, "taxonomy_terms.json")?;
    for t in terms.iter().chain(other_terms.values()) {
        file.push(t)?;
    }
    written.taxonomy_terms = file.finish()?;
    Ok(written)
}

/// Terms of someone else's vocabulary (an imported document's) as the terms file lists them, so that every
/// reference in the export resolves: a taxonomy they carry (`taxonomy_detail`) is returned to be listed and named by
/// `taxonomy_id`; a parent or taxonomy the export does not hold is left out.
fn settle_other_terms(
    known: &HashSet<String>,
    taxonomies: &[Value],
    other: &mut BTreeMap<String, Value>,
) -> Vec<Value> {
    let mut found: BTreeMap<String, Value> = BTreeMap::new();
    for t in other.values_mut() {
        if let Some(detail) = t.get("taxonomy_detail").filter(|d| d["id"].is_string()).cloned() {
            t["taxonomy_id"] = detail["id"].clone();
            found.entry(detail["id"].as_str().unwrap_or_default().to_owned()).or_insert(detail);
        }
    }
    let terms: HashSet<String> = known.iter().cloned().chain(other.keys().cloned()).collect();
    let held = |id: &str| found.contains_key(id) || taxonomies.iter().any(|t| t["id"] == id);
    for t in other.values_mut() {
        let Some(o) = t.as_object_mut() else { continue };
        if o.get("parent_id").and_then(Value::as_str).is_some_and(|p| !terms.contains(p)) {
            o.remove("parent_id");
        }
        if o.get("taxonomy_id").and_then(Value::as_str).is_some_and(|id| !held(id)) {
            o.remove("taxonomy_id");
        }
    }
    found.into_values().collect()
}
