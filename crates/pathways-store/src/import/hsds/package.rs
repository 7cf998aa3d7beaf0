//! Reading a tabular data package's CSV files (RFC 4180 quoting, CRLF line ends, a byte order mark) into
//! [`Tables`], naming the line and column of a file that can't be read as a table.

use std::path::PathBuf;

use serde_json::Value;

use super::graph::Graph;
use super::tabular::{TABLES, Tables};
use super::{InputError, OnInput, file_name};

/// Reads the CSV files of a package directory (files that are not HSDS tables are named in a warning).
pub(super) fn read_dir(files: &[&PathBuf], graph: &mut Graph, on_input: OnInput<'_>) -> Result<Tables, InputError> {
    let mut tables = Tables::default();
    for (i, path) in files.iter().enumerate() {
        let name = file_name(path);
        on_input(i, files.len(), &name);
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s).to_ascii_lowercase();
        let Some(&(table, _)) = TABLES.iter().find(|(t, _)| *t == stem) else {
            graph.warn(&name, "file", "not an HSDS 3.0 table; skipped");
            continue;
        };
        let bytes =
            std::fs::read(path).map_err(|source| InputError::Read { path: path.display().to_string(), source })?;
        read_csv(&name, table, &bytes, &mut tables, graph)?;
    }
    on_input(files.len(), files.len(), "");
    if !tables.has_table("services") {
        return Err(InputError::Layout("the package has no services.csv".into()));
    }
    tables.index();
    Ok(tables)
}

fn read_csv(
    file: &str,
    table: &'static str,
    data: &[u8],
    tables: &mut Tables,
    graph: &mut Graph,
) -> Result<(), InputError> {
    let mut lines = Lines { data, at: 0, line: 1 };
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(data);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(file, e, &mut lines))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
        .collect();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(|e| csv_error(file, e, &mut lines))? {
        let line = record.position().map_or(0, |p| lines.of(p.byte()));
        let at = format!("{file} line {line}");
        let cells = headers.iter().zip(record.iter()).map(|(h, v)| (h.clone(), Value::String(v.to_owned())));
        tables.push(table, at, cells, graph);
    }
    Ok(())
}

/// Line numbers from byte offsets, counted forwards through the file (the csv crate's own count falls one short
/// after a CRLF line end, which is what HSDS packages use).
struct Lines<'a> {
    data: &'a [u8],
    at: usize,
    line: u64,
}

impl Lines<'_> {
    /// The line a record starting at `byte` (or at the line end before it) is on.
    fn of(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(self.data.len());
        while self.data.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.at {
            (self.at, self.line) = (0, 1);
        }
        self.line += self.data[self.at..start].iter().filter(|&&b| b == b'\n').count() as u64;
        self.at = start;
        self.line
    }
}

/// A CSV file that can't be read as a table, with its line and column (the field's number in its row).
fn csv_error(file: &str, e: csv::Error, lines: &mut Lines<'_>) -> InputError {
    let mut line = |pos: Option<&csv::Position>| pos.map_or(0, |p| lines.of(p.byte()));
    let (line, column, message) = match e.kind() {
        csv::ErrorKind::UnequalLengths { pos, expected_len, len } => {
            let line = line(pos.as_ref());
            if len > expected_len {
                (line, expected_len + 1, format!("{len} fields where the header has {expected_len}"))
            } else {
                (line, len + 1, format!("only {len} fields where the header has {expected_len}"))
            }
        }
        csv::ErrorKind::Utf8 { pos, err } => (line(pos.as_ref()), err.field() as u64 + 1, "not UTF-8 text".to_owned()),
        _ => (line(e.position()), 0, e.to_string()),
    };
    InputError::Syntax { file: file.to_owned(), line, column, message }
}
