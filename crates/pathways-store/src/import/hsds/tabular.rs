//! HSDS as tables: a tabular data package (one CSV file per table, `services.csv`, `phones.csv`, …, linked by
//! `*_id` columns), or the same tables written as JSON (`{"services.csv": [rows], …}`).
//!
//! Cells are read by the schema's type, not by their look: the few number columns (`latitude`, `extension`,
//! `year_incorporated`, …) become numbers, everything else text (so an identifier `1234567` stays text); an empty
//! cell is absent. The nested objects are then rebuilt from the rows: a service gets its phones, schedules, places
//! (each with its location, and the location its addresses, phones, …), contacts, attributes (with their taxonomy
//! term) and so on. A row that names several parents (a phone with a `service_id`, a `location_id` and a
//! `contact_id`) is nested under each, and rows repeating an id under one parent are merged into one object.
//! A foreign key that points at nothing is a warning with the row's place; the row is nested nowhere by it.

use std::collections::HashMap;

use serde_json::{Map, Value};
use uuid::Uuid;

use super::graph::{Graph, merge_maps};

/// The tables of HSDS 3.0 (their file names without `.csv`) and their number columns.
pub(super) const TABLES: &[(&str, &[&str])] = &[
    ("organizations", &["year_incorporated"]),
    ("programs", &[]),
    ("services", &["minimum_age", "maximum_age"]),
    ("attributes", &[]),
    ("service_at_location", &[]),
    ("locations", &["latitude", "longitude"]),
    ("phones", &["extension"]),
    ("contacts", &[]),
    ("addresses", &[]),
    ("schedules", &["timezone", "count", "interval"]),
    ("funding", &[]),
    ("service_areas", &[]),
    ("required_documents", &[]),
    ("languages", &[]),
    ("accessibility", &[]),
    ("taxonomy_terms", &[]),
    ("metadata", &[]),
    ("meta_table_descriptions", &[]),
    ("cost_options", &["amount"]),
    ("organization_identifiers", &[]),
    ("taxonomies", &[]),
];

/// Foreign keys: (table, column, the table it points into). `link_id` and `resource_id` point into the table their
/// row's `link_entity` / `resource_type` names, and are checked in [`Tables::dangling`].
const KEYS: &[(&str, &str, &str)] = &[
    ("organizations", "parent_organization_id", "organizations"),
    ("programs", "organization_id", "organizations"),
    ("services", "organization_id", "organizations"),
    ("services", "program_id", "programs"),
    ("attributes", "taxonomy_term_id", "taxonomy_terms"),
    ("service_at_location", "service_id", "services"),
    ("service_at_location", "location_id", "locations"),
    ("locations", "organization_id", "organizations"),
    ("phones", "location_id", "locations"),
    ("phones", "service_id", "services"),
    ("phones", "organization_id", "organizations"),
    ("phones", "contact_id", "contacts"),
    ("phones", "service_at_location_id", "service_at_location"),
    ("contacts", "organization_id", "organizations"),
    ("contacts", "service_id", "services"),
    ("contacts", "service_at_location_id", "service_at_location"),
    ("contacts", "location_id", "locations"),
    ("addresses", "location_id", "locations"),
    ("schedules", "service_id", "services"),
    ("schedules", "location_id", "locations"),
    ("schedules", "service_at_location_id", "service_at_location"),
    ("funding", "organization_id", "organizations"),
    ("funding", "service_id", "services"),
    ("service_areas", "service_id", "services"),
    ("required_documents", "service_id", "services"),
    ("languages", "service_id", "services"),
    ("languages", "location_id", "locations"),
    ("languages", "phone_id", "phones"),
    ("accessibility", "location_id", "locations"),
    ("taxonomy_terms", "parent_id", "taxonomy_terms"),
    ("taxonomy_terms", "taxonomy_id", "taxonomies"),
    ("cost_options", "service_id", "services"),
    ("organization_identifiers", "organization_id", "organizations"),
];

/// What each object nests: (table, key in the object, child table, the child's column naming the parent).
const CHILDREN: &[(&str, &str, &str, &str)] = &[
    ("organizations", "funding", "funding", "organization_id"),
    ("organizations", "contacts", "contacts", "organization_id"),
    ("organizations", "phones", "phones", "organization_id"),
    ("organizations", "programs", "programs", "organization_id"),
    ("organizations", "organization_identifiers", "organization_identifiers", "organization_id"),
    ("services", "phones", "phones", "service_id"),
    ("services", "schedules", "schedules", "service_id"),
    ("services", "service_areas", "service_areas", "service_id"),
    ("services", "service_at_locations", "service_at_location", "service_id"),
    ("services", "languages", "languages", "service_id"),
    ("services", "funding", "funding", "service_id"),
    ("services", "cost_options", "cost_options", "service_id"),
    ("services", "required_documents", "required_documents", "service_id"),
    ("services", "contacts", "contacts", "service_id"),
    ("service_at_location", "contacts", "contacts", "service_at_location_id"),
    ("service_at_location", "phones", "phones", "service_at_location_id"),
    ("service_at_location", "schedules", "schedules", "service_at_location_id"),
    ("locations", "languages", "languages", "location_id"),
    ("locations", "addresses", "addresses", "location_id"),
    ("locations", "contacts", "contacts", "location_id"),
    ("locations", "accessibility", "accessibility", "location_id"),
    ("locations", "phones", "phones", "location_id"),
    ("locations", "schedules", "schedules", "location_id"),
    ("contacts", "phones", "phones", "contact_id"),
    ("phones", "languages", "languages", "phone_id"),
];

/// One-to-one: (table, key in the object, the object's column, the table it names).
const ONE: &[(&str, &str, &str, &str)] = &[
    ("services", "program", "program_id", "programs"),
    ("service_at_location", "location", "location_id", "locations"),
    ("attributes", "taxonomy_term", "taxonomy_term_id", "taxonomy_terms"),
    ("taxonomy_terms", "taxonomy_detail", "taxonomy_id", "taxonomies"),
];

/// Tables whose rows carry no `attributes` or `metadata` of their own.
const NO_TAIL: &[&str] = &["attributes", "metadata", "taxonomy_terms", "taxonomies"];

/// The table an entity name (`link_entity`, `resource_type`) means: `service`, `services` or `service_at_location`.
fn entity_table(name: &str) -> Option<&'static str> {
    let n = name.trim().to_ascii_lowercase();
    TABLES.iter().map(|(t, _)| *t).find(|t| *t == n || singular(t) == n)
}

fn number_columns(table: &str) -> &'static [&'static str] {
    TABLES.iter().find(|(t, _)| *t == table).map_or(&[], |(_, n)| n)
}

#[derive(Debug)]
struct Row {
    at: String,
    cells: Map<String, Value>,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Row>,
    /// id → its rows (a table may repeat an id).
    by_id: HashMap<String, Vec<usize>>,
}

/// The tables of one package.
#[derive(Debug, Default)]
pub(super) struct Tables {
    tables: HashMap<&'static str, Table>,
    /// (child table, column) → parent id → the child's rows.
    children: HashMap<(&'static str, &'static str), HashMap<String, Vec<usize>>>,
}

impl Tables {
    /// The tables of a package written as JSON (`{"services.csv": [rows], …}`).
    pub fn from_json(file: &str, package: Map<String, Value>, graph: &mut Graph) -> Self {
        let mut tables = Self::default();
        for (key, rows) in package {
            let stem = key.trim_end_matches(".csv").trim_end_matches(".CSV").to_ascii_lowercase();
            let Some(&(table, _)) = TABLES.iter().find(|(t, _)| *t == stem) else {
                graph.warn(file, key, "not an HSDS 3.0 table; skipped");
                continue;
            };
            let Value::Array(rows) = rows else {
                graph.warn(file, key, "not a list of rows; skipped");
                continue;
            };
            for (i, row) in rows.into_iter().enumerate() {
                let at = format!("{file} {table}.csv record {i}");
                match row {
                    Value::Object(cells) => tables.push(table, at, cells, graph),
                    _ => graph.rejected.push(super::Rejected {
                        at,
                        field: "record".into(),
                        reason: "not a JSON object".into(),
                    }),
                }
            }
        }
        tables.index();
        tables
    }

    /// Adds a row, its cells read by the column's type.
    pub(super) fn push(
        &mut self,
        table: &'static str,
        at: String,
        cells: impl IntoIterator<Item = (String, Value)>,
        graph: &mut Graph,
    ) {
        let numbers = number_columns(table);
        let mut row = Map::new();
        for (column, value) in cells {
            match cell(&column, numbers.contains(&column.as_str()), value) {
                Ok(Some(v)) => {
                    row.insert(column, v);
                }
                Ok(None) => {}
                Err(v) => {
                    graph.warn(&at, column.as_str(), format!("not a number: {v}; kept as text"));
                    row.insert(column, v);
                }
            }
        }
        // Places are keyed by their id, and a location nested under a service is taken as it is: so a location's
        // id is checked here, where the row's own line can be named.
        if table == "locations"
            && let Err(reason) = match row.get("id") {
                None => Err("missing: every location needs an id".to_owned()),
                Some(Value::String(s)) if Uuid::try_parse(s).is_err() || s.len() != 36 => {
                    Err(format!("not a UUID: {s:?}"))
                }
                _ => Ok(()),
            }
        {
            graph.rejected.push(super::Rejected { at, field: "id".into(), reason });
            return;
        }
        let t = self.tables.entry(table).or_default();
        if let Some(id) = row.get("id").and_then(Value::as_str) {
            t.by_id.entry(id.to_owned()).or_default().push(t.rows.len());
        }
        t.rows.push(Row { at, cells: row });
    }

    /// Indexes each foreign key column by the id it names.
    pub(super) fn index(&mut self) {
        let mut children: HashMap<(&'static str, &'static str), HashMap<String, Vec<usize>>> = HashMap::new();
        let columns =
            KEYS.iter().map(|(t, c, _)| (*t, *c)).chain([("attributes", "link_id"), ("metadata", "resource_id")]);
        for (table, column) in columns {
            let Some(t) = self.tables.get(table) else { continue };
            let index = children.entry((table, column)).or_default();
            for (i, row) in t.rows.iter().enumerate() {
                if let Some(id) = row.cells.get(column).and_then(Value::as_str) {
                    index.entry(id.to_owned()).or_default().push(i);
                }
            }
        }
        self.children = children;
    }

    pub(super) fn has_table(&self, table: &str) -> bool {
        self.tables.contains_key(table)
    }

    fn has(&self, table: &str, id: &str) -> bool {
        self.tables.get(table).is_some_and(|t| t.by_id.contains_key(id))
    }

    /// Warnings for every foreign key that points at nothing.
    fn dangling(&self, graph: &mut Graph) {
        let mut found = Vec::new();
        for (table, column, target) in KEYS {
            let Some(t) = self.tables.get(table) else { continue };
            for row in &t.rows {
                if let Some(id) = row.cells.get(*column).and_then(Value::as_str)
                    && !self.has(target, id)
                {
                    found.push((row.at.clone(), *column, format!("no {} row with id {id}", singular(target))));
                }
            }
        }
        for (table, column, entity) in
            [("attributes", "link_id", "link_entity"), ("metadata", "resource_id", "resource_type")]
        {
            let Some(t) = self.tables.get(table) else { continue };
            for row in &t.rows {
                let Some(id) = row.cells.get(column).and_then(Value::as_str) else { continue };
                let target = row.cells.get(entity).and_then(Value::as_str).and_then(entity_table);
                let exists = match target {
                    Some(target) => self.has(target, id),
                    None => self.tables.keys().any(|t| self.has(t, id)),
                };
                if !exists {
                    let what = target.map_or_else(|| "record".to_owned(), |t| format!("{} row", singular(t)));
                    found.push((row.at.clone(), column, format!("no {what} with id {id}")));
                }
            }
        }
        // Rows in file order, as a person reads them.
        for (at, column, reason) in found {
            graph.warn(&at, column, reason);
        }
    }

    /// Rebuilds the nested objects and hands organizations, places and services to the graph.
    pub fn join(&self, graph: &mut Graph) {
        self.dangling(graph);
        for (table, take) in
            [("organizations", Take::Organization), ("locations", Take::Location), ("services", Take::Service)]
        {
            let Some(t) = self.tables.get(table) else { continue };
            let mut done = std::collections::HashSet::new();
            for (i, row) in t.rows.iter().enumerate() {
                let group = match row.cells.get("id").and_then(Value::as_str) {
                    Some(id) if !done.insert(id.to_owned()) => continue,
                    Some(id) => t.by_id.get(id).cloned().unwrap_or_else(|| vec![i]),
                    None => vec![i],
                };
                let mut o = self.build(table, &group, 0);
                // A place whose location row is missing was named in a warning already (a dangling location_id).
                if let Some(Value::Array(links)) = o.get_mut("service_at_locations") {
                    links.retain(|l| l.get("location").is_some());
                }
                let taken = match take {
                    Take::Organization => graph.organization(&o, &row.at, ""),
                    Take::Location => graph.location(&o, &row.at, ""),
                    Take::Service => graph.service(&o, &row.at, "", None).map(drop),
                };
                if let Err(r) = taken {
                    graph.rejected.push(r);
                }
            }
        }
        for t in self.tables.get("taxonomy_terms").into_iter().flat_map(|t| t.rows.iter()) {
            graph.term(t.cells.clone());
        }
    }

    /// One object from its rows (merged when a table repeats an id), with what it nests.
    fn build(&self, table: &'static str, rows: &[usize], depth: usize) -> Map<String, Value> {
        let mut o = Map::new();
        let Some(t) = self.tables.get(table) else { return o };
        for &i in rows {
            merge_maps(&mut o, t.rows[i].cells.clone());
        }
        // The schema's nesting is a tree a few levels deep; the bound only guards against a table naming itself.
        if depth > 8 {
            return o;
        }
        let id = o.get("id").and_then(Value::as_str).map(str::to_owned);
        for (_, key, child, column) in CHILDREN.iter().filter(|c| c.0 == table) {
            if let Some(id) = &id {
                self.nest(&mut o, key, child, column, id, depth);
            }
        }
        for (_, key, column, target) in ONE.iter().filter(|c| c.0 == table) {
            let found = o.get(*column).and_then(Value::as_str).and_then(|v| self.tables.get(target)?.by_id.get(v));
            if let Some(rows) = found.cloned() {
                let nested = self.build(target, &rows, depth + 1);
                o.insert((*key).to_owned(), Value::Object(nested));
            }
        }
        if let Some(id) = &id
            && !NO_TAIL.contains(&table)
        {
            self.nest(&mut o, "attributes", "attributes", "link_id", id, depth);
            self.nest(&mut o, "metadata", "metadata", "resource_id", id, depth);
        }
        o
    }

    /// Puts the child rows that name `id` in `column` under `key`, one object per child id.
    fn nest(
        &self,
        o: &mut Map<String, Value>,
        key: &str,
        child: &'static str,
        column: &'static str,
        id: &str,
        depth: usize,
    ) {
        let Some(rows) = self.children.get(&(child, column)).and_then(|ix| ix.get(id)) else { return };
        let Some(t) = self.tables.get(child) else { return };
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        for &i in rows {
            match t.rows[i].cells.get("id").and_then(Value::as_str) {
                Some(cid) => match by_id.get(cid) {
                    Some(&g) => groups[g].push(i),
                    None => {
                        by_id.insert(cid, groups.len());
                        groups.push(vec![i]);
                    }
                },
                None => groups.push(vec![i]),
            }
        }
        let items: Vec<Value> = groups.iter().map(|g| Value::Object(self.build(child, g, depth + 1))).collect();
        if !items.is_empty() {
            o.insert(key.to_owned(), Value::Array(items));
        }
    }
}

#[derive(Clone, Copy)]
enum Take {
    Organization,
    Location,
    Service,
}

fn singular(table: &str) -> &str {
    match table {
        "addresses" => "address",
        "accessibility" | "funding" | "metadata" | "service_at_location" => table,
        "taxonomies" => "taxonomy",
        t => t.strip_suffix('s').unwrap_or(t),
    }
}

/// A cell read by its column's type: `Ok(None)` when empty, `Err(text)` when a number column holds no number.
fn cell(column: &str, number: bool, value: Value) -> Result<Option<Value>, Value> {
    let text = match value {
        Value::Null => return Ok(None),
        Value::String(s) => s,
        Value::Number(n) if number => return Ok(Some(Value::Number(n))),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) if !number => b.to_string(),
        other @ (Value::Bool(_) | Value::Array(_) | Value::Object(_)) => return Ok(Some(other)),
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if number {
        if let Ok(i) = trimmed.parse::<i64>() {
            return Ok(Some(Value::from(i)));
        }
        return match trimmed.parse::<f64>().ok().and_then(serde_json::Number::from_f64) {
            Some(n) => Ok(Some(Value::Number(n))),
            None => Err(Value::String(text)),
        };
    }
    // Keys are matched as UUIDs, whatever their case.
    if (column == "id" || column.ends_with("_id"))
        && trimmed.len() == 36
        && let Ok(u) = Uuid::try_parse(trimmed)
    {
        return Ok(Some(Value::String(u.to_string())));
    }
    Ok(Some(Value::String(text)))
}
