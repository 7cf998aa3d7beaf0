//! `pathways import hsds PATH`: Open Referral HSDS 3.0 data into the directory, in either of its forms.
//!
//! - JSON: PATH is a `.json` file or a directory of them (read in name order). Each file holds one HSDS object,
//!   an array of them, or an API page (`{"contents": [...]}`). Services, organizations, locations and services at
//!   locations are taken however the source nests them (a full service, an organization with its `services`, a
//!   service at location with its `service`); taxonomy terms are kept for attributes that only point at one; the
//!   API's other answers (`base.json`, taxonomies) are passed over. A tabular package written as JSON
//!   (`{"services.csv": [rows], …}`, like the specification's `tabular.json`) is read like the CSV form.
//! - CSV: PATH is a tabular data package, a directory with one CSV file per table (`services.csv`, `phones.csv`,
//!   …) linked by `*_id` columns; [`package`] reads the files and [`tabular`] rebuilds the nested objects.
//!
//! Either way the objects go into one [`graph::Graph`] keyed by HSDS id, where a record met again (under another
//! parent, in another file) is merged rather than repeated, and [`records`] makes each service one
//! [`SourceRecord`]. A record that can't be taken is rejected with its place (`services.json record 3`,
//! `services.csv line 40`), the field and the reason, and the rest go on; what is odd but harmless (a foreign key
//! to nothing, coordinates off the globe) is a warning. Only input that can't be read at all is an error.

mod graph;
mod package;
mod records;
mod tabular;

use std::path::{Path, PathBuf};

use pathways_domain::taxonomy::Taxonomy;

use super::{Rejected, Warning};
use crate::directory::SourceRecord;

/// The input turned into records, with what was rejected and what was odd.
#[derive(Debug, Default)]
pub struct Converted {
    pub records: Vec<SourceRecord>,
    pub rejected: Vec<Rejected>,
    pub warnings: Vec<Warning>,
}

/// Input that can't be read at all (a record that can't be taken is a [`Rejected`] instead).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("{file}: line {line}, column {column}: {message}")]
    Syntax { file: String, line: u64, column: u64, message: String },
    #[error("{0}")]
    Layout(String),
}

/// Reports progress: called before each input file is read, with how many were read and how many there are.
pub type OnInput<'a> = &'a mut dyn FnMut(usize, usize, &str);

/// Reads PATH (a JSON file, a directory of JSON files, or a tabular package) and maps its services.
pub fn convert(path: &Path, taxonomy: &Taxonomy, on_input: OnInput<'_>) -> Result<Converted, InputError> {
    let mut graph = graph::Graph::default();
    if path.is_dir() {
        let files = listing(path)?;
        let csv: Vec<&PathBuf> = files.iter().filter(|f| has_extension(f, "csv")).collect();
        if csv.is_empty() {
            let json: Vec<&PathBuf> = files.iter().filter(|f| has_extension(f, "json")).collect();
            if json.is_empty() {
                return Err(InputError::Layout(format!(
                    "{}: no .json or .csv files in this directory",
                    path.display()
                )));
            }
            for (i, file) in json.iter().enumerate() {
                on_input(i, json.len(), &file_name(file));
                read_json(file, &mut graph)?;
            }
            on_input(json.len(), json.len(), "");
        } else {
            let tables = package::read_dir(&csv, &mut graph, on_input)?;
            tables.join(&mut graph);
        }
    } else if has_extension(path, "csv") {
        return Err(InputError::Layout(format!(
            "{}: a tabular data package is a directory; give the directory that holds services.csv",
            path.display()
        )));
    } else {
        on_input(0, 1, &file_name(path));
        read_json(path, &mut graph)?;
        on_input(1, 1, "");
    }
    graph.resolve();
    Ok(records::records(graph, taxonomy))
}

fn read_json(path: &Path, graph: &mut graph::Graph) -> Result<(), InputError> {
    let name = file_name(path);
    let text = std::fs::read_to_string(path)
        .map_err(|source| InputError::Read { path: path.display().to_string(), source })?;
    let value = parse_json(&name, &text)?;
    graph.json_file(&name, value);
    Ok(())
}

/// Parses a file's text, naming the line and column of the first thing wrong.
/// serde_json says column 0 when the fault is the line break itself (it has counted the new line already): that is
/// the end of the line before, as an editor shows it (found by the importers' fuzz tests).
fn parse_json(file: &str, text: &str) -> Result<serde_json::Value, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let at = format!(" at line {} column {}", e.line(), e.column());
        let (line, column) = match (e.line(), e.column()) {
            (l, 0) if l > 1 => (l - 1, text.lines().nth(l - 2).map_or(0, |s| s.chars().count()) + 1),
            (l, c) => (l.max(1), c.max(1)),
        };
        InputError::Syntax {
            file: file.to_owned(),
            line: line as u64,
            column: column as u64,
            message: message.strip_suffix(&at).unwrap_or(&message).to_owned(),
        }
    })
}

/// The files directly in a directory, in name order.
fn listing(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let read = |source| InputError::Read { path: dir.display().to_string(), source };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read)? {
        let path = entry.map_err(read)?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests;
