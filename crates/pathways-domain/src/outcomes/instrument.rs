//! Outcome instruments as data (issue 17): an interview is a versioned TOML file — its sections and items, each
//! item's response (a count in a range, a choice among codes, or the ten BARC-10 statements), the NOMs domain it
//! serves, who answers it (the person, staff from records, or a proxy), whether it is required, a simple skip
//! rule, its text in English and Spanish, and the source the instrument comes from. The outcome reports read
//! *indicators* the file defines ("no use in the past 30 days" = both use counts are 0), so a new version of an
//! interview changes the data, not the code.
//!
//! [`Instrument::parse`] reads a file and names every problem with its line and field; [`Instrument::check`]
//! checks one interview's answers against it. Pure: the store keeps loaded files, the web layer shows them.
//! The format is described in `docs/OUTCOMES.md` ("Instruments").

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use toml::Spanned;

use crate::barc10::Barc10Answers;

/// The format version this code reads (`format = 1` at the top of a file).
pub const FORMAT: i64 = 1;
/// The largest file accepted, in bytes (the shipped interview is about 12 kB).
pub const MAX_BYTES: usize = 256 * 1024;

/// The id of the recovery outcomes interview Pathways ships.
pub const RECOVERY_INTERVIEW: &str = "recovery-outcomes-interview";
/// Its text (`instruments/recovery-outcomes-interview.toml`), given until an administrator loads a version.
pub const SHIPPED_TEXT: &str = include_str!("../../../../instruments/recovery-outcomes-interview.toml");

/// The shipped interview, parsed once (a test proves it parses).
pub fn shipped() -> &'static Instrument {
    static ONCE: std::sync::OnceLock<Instrument> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| {
        Instrument::parse(SHIPPED_TEXT).unwrap_or_else(|e| panic!("the shipped interview is invalid: {e:?}"))
    })
}

/// The National Outcome Measures (NOMs) domains an item or indicator serves (SAMHSA's NOMs: abstinence from
/// use, housing, employment/education, crime and criminal justice, access and retention, social connectedness,
/// perception of care; health and recovery capital are added as the issue names them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NomsDomain {
    SubstanceUse,
    Housing,
    EmploymentEducation,
    CriminalJustice,
    Health,
    SocialConnectedness,
    RecoveryCapital,
}

impl NomsDomain {
    pub const ALL: [NomsDomain; 7] = [
        NomsDomain::SubstanceUse,
        NomsDomain::Housing,
        NomsDomain::EmploymentEducation,
        NomsDomain::CriminalJustice,
        NomsDomain::Health,
        NomsDomain::SocialConnectedness,
        NomsDomain::RecoveryCapital,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            NomsDomain::SubstanceUse => "substance_use",
            NomsDomain::Housing => "housing",
            NomsDomain::EmploymentEducation => "employment_education",
            NomsDomain::CriminalJustice => "criminal_justice",
            NomsDomain::Health => "health",
            NomsDomain::SocialConnectedness => "social_connectedness",
            NomsDomain::RecoveryCapital => "recovery_capital",
        }
    }
}

/// Who may give an item's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Respondent {
    /// The person, in an interview or in the portal.
    Person,
    /// Staff, from the person's records (SUPRT-A's way).
    StaffFromRecords,
    /// Someone answering for the person (a caregiver).
    Proxy,
}

/// Text in both languages the pages speak.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub es: String,
}

impl Text {
    /// The text in `lang` ("es" for Spanish; English otherwise).
    pub fn get(&self, lang: &str) -> &str {
        if lang.starts_with("es") { &self.es } else { &self.en }
    }
}

/// Where an instrument comes from. `official = true` only when its items are copied word for word, with their
/// codes, from a published tool named in `citation`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub citation: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub official: bool,
}

/// One response code of a choice item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    pub code: String,
    pub en: String,
    pub es: String,
}

/// What an answer looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A whole number from `min` to `max` (days, arrests, people).
    Count,
    /// One of `codes`.
    Choice,
    /// The ten BARC-10 statements, each 1–6 (`barc10.rs` scores them).
    Barc10,
}

/// A condition on one item's answer: its code is one of `in`, or its count is within `min`..=`max`. Used by
/// skip rules and indicators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub item: String,
    #[serde(default, rename = "in")]
    pub one_of: Option<Vec<String>>,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
}

impl Condition {
    /// Whether `answers` meet it; `None` when the item has no answer.
    pub fn holds(&self, answers: &Answers) -> Option<bool> {
        match answers.get(&self.item)? {
            Answer::Code(c) => Some(self.one_of.as_ref().is_some_and(|set| set.iter().any(|s| s == c))),
            Answer::Count(n) => Some(self.min.is_none_or(|m| *n >= m) && self.max.is_none_or(|m| *n <= m)),
            Answer::Barc10(_) => None,
        }
    }
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: Text,
    pub domain: NomsDomain,
    pub answered_by: Vec<Respondent>,
    #[serde(default)]
    pub required: bool,
    pub kind: Kind,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub codes: Vec<Code>,
    /// The item is not asked when this holds (it names an earlier item).
    #[serde(default)]
    pub skip_if: Option<Condition>,
}

/// A group of items shown on one screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub items: Vec<Item>,
}

/// A yes/no outcome the reports count: it holds when every condition holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub domain: NomsDomain,
    pub text: Text,
    pub all: Vec<Condition>,
}

/// A valid instrument.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instrument {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub source: Source,
    pub sections: Vec<Section>,
    pub indicators: Vec<Indicator>,
}

/// One problem in a file: the line (1-based, when known), the field (a path such as `sections[2].items[1].max`)
/// and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InstrumentError {
    pub line: Option<usize>,
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for InstrumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}: {}", self.field, self.message),
            None => write!(f, "{}: {}", self.field, self.message),
        }
    }
}

// The file as written: item and section tables keep their place, so a rule broken across items names a line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    format: i64,
    id: String,
    version: String,
    title: Text,
    source: Source,
    sections: Vec<Spanned<RawSection>>,
    #[serde(default)]
    indicators: Vec<Spanned<Indicator>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: Text,
    items: Vec<Spanned<Item>>,
}

fn line_of(source: &str, offset: usize) -> usize {
    source.as_bytes()[..offset.min(source.len())].iter().filter(|b| **b == b'\n').count() + 1
}

fn is_slug(s: &str, extra: char) -> bool {
    (1..=64).contains(&s.len())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == extra)
        && s.starts_with(|c: char| c.is_ascii_lowercase())
}

struct Problems<'a> {
    source: &'a str,
    errors: Vec<InstrumentError>,
}

impl Problems<'_> {
    fn at(&mut self, span: Option<std::ops::Range<usize>>, field: impl Into<String>, message: impl Into<String>) {
        let line = span.map(|s| line_of(self.source, s.start));
        self.errors.push(InstrumentError { line, field: field.into(), message: message.into() });
    }

    fn text(&mut self, span: Option<std::ops::Range<usize>>, field: &str, t: &Text) {
        for (lang, s) in [("en", &t.en), ("es", &t.es)] {
            if s.trim().is_empty() {
                self.at(span.clone(), format!("{field}.{lang}"), "must not be blank");
            } else if s.chars().count() > 1000 {
                self.at(span.clone(), format!("{field}.{lang}"), "is longer than 1000 characters");
            }
        }
    }
}

impl Instrument {
    /// Reads and checks a TOML instrument file. Every problem found is returned, each with its line and field.
    pub fn parse(source: &str) -> Result<Self, Vec<InstrumentError>> {
        if source.len() > MAX_BYTES {
            return Err(vec![InstrumentError {
                line: None,
                field: "file".into(),
                message: format!("is larger than {MAX_BYTES} bytes"),
            }]);
        }
        let raw: RawFile = toml::from_str(source).map_err(|e| {
            let line = e.span().map(|s| line_of(source, s.start));
            let message = e.message().trim().lines().map(str::trim).collect::<Vec<_>>().join("; ");
            // toml names the key in its message ("missing field `x`", "unknown field `y`"); the path is the table.
            vec![InstrumentError { line, field: "file".into(), message }]
        })?;
        let mut p = Problems { source, errors: Vec::new() };
        if raw.format != FORMAT {
            p.at(None, "format", format!("must be {FORMAT} (this version of Pathways reads format {FORMAT})"));
        }
        if !is_slug(&raw.id, '-') {
            p.at(None, "id", "must be 1–64 lowercase letters, digits and hyphens, starting with a letter");
        }
        if raw.version.is_empty()
            || raw.version.len() > 32
            || !raw.version.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        {
            p.at(None, "version", "must be 1–32 letters, digits, dots and hyphens (e.g. 1.0.0)");
        }
        p.text(None, "title", &raw.title);
        if raw.source.citation.trim().is_empty() {
            p.at(None, "source.citation", "must name where the instrument comes from");
        }
        if raw.sections.is_empty() {
            p.at(None, "sections", "an instrument needs at least one section");
        }
        // Items by id, in order, with their kind and codes: skip rules may name only earlier items.
        let mut seen_items: BTreeMap<String, Item> = BTreeMap::new();
        let mut seen_sections = BTreeSet::new();
        let mut sections = Vec::new();
        for (si, section) in raw.sections.into_iter().enumerate() {
            let span = Some(section.span());
            let section = section.into_inner();
            let path = format!("sections[{si}]");
            if !is_slug(&section.id, '_') {
                p.at(span.clone(), format!("{path}.id"), "must be lowercase letters, digits and underscores");
            } else if !seen_sections.insert(section.id.clone()) {
                p.at(span.clone(), format!("{path}.id"), format!("`{}` is used twice", section.id));
            }
            p.text(span.clone(), &format!("{path}.title"), &section.title);
            if section.items.is_empty() {
                p.at(span.clone(), format!("{path}.items"), "a section needs at least one item");
            }
            let mut items = Vec::new();
            for (ii, item) in section.items.into_iter().enumerate() {
                let span = Some(item.span());
                let item = item.into_inner();
                let path = format!("{path}.items[{ii}]");
                check_item(&mut p, span.clone(), &path, &item, &seen_items);
                if seen_items.contains_key(&item.id) {
                    p.at(span, format!("{path}.id"), format!("`{}` is used twice", item.id));
                } else {
                    seen_items.insert(item.id.clone(), item.clone());
                }
                items.push(item);
            }
            sections.push(Section { id: section.id, title: section.title, items });
        }
        let mut indicators = Vec::new();
        let mut seen_indicators = BTreeSet::new();
        for (xi, ind) in raw.indicators.into_iter().enumerate() {
            let span = Some(ind.span());
            let ind = ind.into_inner();
            let path = format!("indicators[{xi}]");
            if !is_slug(&ind.id, '_') {
                p.at(span.clone(), format!("{path}.id"), "must be lowercase letters, digits and underscores");
            } else if !seen_indicators.insert(ind.id.clone()) {
                p.at(span.clone(), format!("{path}.id"), format!("`{}` is used twice", ind.id));
            }
            p.text(span.clone(), &format!("{path}.text"), &ind.text);
            if ind.all.is_empty() {
                p.at(span.clone(), format!("{path}.all"), "an indicator needs at least one condition");
            }
            for (ci, c) in ind.all.iter().enumerate() {
                check_condition(&mut p, span.clone(), &format!("{path}.all[{ci}]"), c, &seen_items);
            }
            indicators.push(ind);
        }
        if !p.errors.is_empty() {
            return Err(p.errors);
        }
        Ok(Instrument { id: raw.id, version: raw.version, title: raw.title, source: raw.source, sections, indicators })
    }

    /// Every item, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    /// The sections as `who` sees them (the person in the portal: their own parts of the interview): each with only
    /// the items `who` may answer, in order; a section left with none is not shown.
    pub fn for_respondent(&self, who: Respondent) -> Vec<Section> {
        self.sections
            .iter()
            .map(|s| Section {
                id: s.id.clone(),
                title: s.title.clone(),
                items: s.items.iter().filter(|i| i.answered_by.contains(&who)).cloned().collect(),
            })
            .filter(|s| !s.items.is_empty())
            .collect()
    }

    /// The answers in `raw` that `who` may not give — an item answered by someone else (`not-yours`), or not one of
    /// the instrument's (`unknown-item`) — each named by item.
    pub fn not_answered_by(&self, raw: &serde_json::Map<String, Value>, who: Respondent) -> Vec<AnswerError> {
        raw.keys()
            .filter_map(|k| match self.item(k) {
                None => Some(AnswerError { item: k.clone(), code: "unknown-item" }),
                Some(i) if !i.answered_by.contains(&who) => Some(AnswerError { item: k.clone(), code: "not-yours" }),
                Some(_) => None,
            })
            .collect()
    }

    /// Whether `item` is skipped given the answers so far.
    pub fn skipped(&self, item: &Item, answers: &Answers) -> bool {
        item.skip_if.as_ref().is_some_and(|c| c.holds(answers) == Some(true))
    }

    /// Checks answers as they arrive (a JSON object: item id → a number, a code, or ten BARC-10 numbers).
    /// Answers to skipped items are dropped. With `complete`, every required item that is not skipped must be
    /// answered; without it (a form saved part way) missing answers are fine. Every problem is named by item.
    pub fn check(&self, raw: &serde_json::Map<String, Value>, complete: bool) -> Result<Answers, Vec<AnswerError>> {
        let mut errors = Vec::new();
        for key in raw.keys() {
            if self.item(key).is_none() {
                errors.push(AnswerError { item: key.clone(), code: "unknown-item" });
            }
        }
        let mut answers = Answers::new();
        for item in self.items() {
            if self.skipped(item, &answers) {
                continue;
            }
            let given = raw.get(&item.id).filter(|v| !v.is_null() && *v != &Value::String(String::new()));
            let Some(v) = given else {
                if complete && item.required {
                    errors.push(AnswerError { item: item.id.clone(), code: "required" });
                }
                continue;
            };
            match parse_answer(item, v) {
                Ok(a) => {
                    answers.insert(item.id.clone(), a);
                }
                Err(code) => errors.push(AnswerError { item: item.id.clone(), code }),
            }
        }
        if errors.is_empty() { Ok(answers) } else { Err(errors) }
    }

    /// Each indicator's value for one interview: `None` when an item it reads is unanswered.
    pub fn indicators(&self, answers: &Answers) -> BTreeMap<String, Option<bool>> {
        self.indicators
            .iter()
            .map(|ind| {
                let mut value = Some(true);
                for c in &ind.all {
                    match c.holds(answers) {
                        None => {
                            value = None;
                            break;
                        }
                        Some(false) => value = value.map(|_| false),
                        Some(true) => {}
                    }
                }
                (ind.id.clone(), value)
            })
            .collect()
    }

    /// The BARC-10 total (10–60) of the first BARC-10 item answered, scored by `barc10.rs`.
    pub fn barc10_total(&self, answers: &Answers) -> Option<u8> {
        self.items().filter(|i| i.kind == Kind::Barc10).find_map(|i| match answers.get(&i.id) {
            Some(Answer::Barc10(a)) => Some(a.total()),
            _ => None,
        })
    }
}

fn check_item(
    p: &mut Problems<'_>,
    span: Option<std::ops::Range<usize>>,
    path: &str,
    item: &Item,
    before: &BTreeMap<String, Item>,
) {
    if !is_slug(&item.id, '_') {
        p.at(span.clone(), format!("{path}.id"), "must be lowercase letters, digits and underscores");
    }
    p.text(span.clone(), &format!("{path}.text"), &item.text);
    if item.answered_by.is_empty() {
        p.at(span.clone(), format!("{path}.answered_by"), "must name who answers (person, staff_from_records, proxy)");
    }
    match item.kind {
        Kind::Count => {
            match (item.min, item.max) {
                (Some(min), Some(max)) if min <= max && min >= 0 => {}
                (Some(_), Some(_)) => {
                    p.at(span.clone(), format!("{path}.max"), "min must be 0 or more and at most max")
                }
                _ => p.at(span.clone(), format!("{path}.min"), "a count needs min and max"),
            }
            if !item.codes.is_empty() {
                p.at(span.clone(), format!("{path}.codes"), "only a choice has codes");
            }
        }
        Kind::Choice => {
            if item.codes.len() < 2 {
                p.at(span.clone(), format!("{path}.codes"), "a choice needs at least two codes");
            }
            let mut seen = BTreeSet::new();
            for (ci, c) in item.codes.iter().enumerate() {
                if !is_slug(&c.code, '_') {
                    p.at(
                        span.clone(),
                        format!("{path}.codes[{ci}].code"),
                        "must be lowercase letters, digits and underscores",
                    );
                } else if !seen.insert(c.code.as_str()) {
                    p.at(span.clone(), format!("{path}.codes[{ci}].code"), format!("`{}` is used twice", c.code));
                }
                p.text(span.clone(), &format!("{path}.codes[{ci}]"), &Text { en: c.en.clone(), es: c.es.clone() });
            }
            if item.min.is_some() || item.max.is_some() {
                p.at(span.clone(), format!("{path}.min"), "only a count has min and max");
            }
        }
        Kind::Barc10 => {
            if item.min.is_some() || item.max.is_some() || !item.codes.is_empty() {
                p.at(
                    span.clone(),
                    format!("{path}.kind"),
                    "a BARC-10 item takes no min, max or codes (its scale is fixed)",
                );
            }
        }
    }
    if let Some(c) = &item.skip_if {
        check_condition(p, span, &format!("{path}.skip_if"), c, before);
    }
}

fn check_condition(
    p: &mut Problems<'_>,
    span: Option<std::ops::Range<usize>>,
    path: &str,
    c: &Condition,
    items: &BTreeMap<String, Item>,
) {
    let Some(target) = items.get(&c.item) else {
        p.at(span, format!("{path}.item"), format!("`{}` is not an earlier item", c.item));
        return;
    };
    match (target.kind, &c.one_of, c.min, c.max) {
        (Kind::Choice, Some(set), None, None) if !set.is_empty() => {
            for code in set {
                if !target.codes.iter().any(|k| &k.code == code) {
                    p.at(span.clone(), format!("{path}.in"), format!("`{code}` is not a code of `{}`", c.item));
                }
            }
        }
        (Kind::Count, None, min, max) if min.is_some() || max.is_some() => {}
        (Kind::Choice, ..) => {
            p.at(span, format!("{path}.in"), format!("`{}` is a choice: give `in = [codes]`", c.item))
        }
        (Kind::Count, ..) => p.at(span, format!("{path}.min"), format!("`{}` is a count: give `min` or `max`", c.item)),
        (Kind::Barc10, ..) => p.at(span, format!("{path}.item"), "a condition cannot read a BARC-10 item"),
    }
}

/// One checked answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Count(i64),
    Code(String),
    Barc10(Barc10Answers),
}

/// A checked interview's answers, by item id.
pub type Answers = BTreeMap<String, Answer>;

/// A problem with one answer: the item and a stable code (`required`, `out-of-range`, `unknown-choice`,
/// `not-a-number`, `invalid`, `unknown-item`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnswerError {
    pub item: String,
    pub code: &'static str,
}

fn parse_answer(item: &Item, v: &Value) -> Result<Answer, &'static str> {
    match item.kind {
        Kind::Count => {
            let n = match v {
                Value::Number(n) => n.as_i64().ok_or("not-a-number")?,
                Value::String(s) => s.trim().parse::<i64>().map_err(|_| "not-a-number")?,
                _ => return Err("not-a-number"),
            };
            let (min, max) = (item.min.unwrap_or(0), item.max.unwrap_or(0));
            if (min..=max).contains(&n) { Ok(Answer::Count(n)) } else { Err("out-of-range") }
        }
        Kind::Choice => {
            let s = v.as_str().map(str::trim).ok_or("unknown-choice")?;
            if item.codes.iter().any(|c| c.code == s) { Ok(Answer::Code(s.to_owned())) } else { Err("unknown-choice") }
        }
        Kind::Barc10 => {
            let list = v.as_array().ok_or("invalid")?;
            let raw: Vec<Option<i64>> = list
                .iter()
                .map(|x| match x {
                    Value::Number(n) => n.as_i64(),
                    Value::String(s) => s.trim().parse().ok(),
                    _ => None,
                })
                .collect();
            Barc10Answers::parse(&raw).map(Answer::Barc10).map_err(|_| "invalid")
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    /// The interview Pathways ships (`instruments/recovery-outcomes-interview.toml`).
    const SHIPPED: &str = super::SHIPPED_TEXT;

    const SMALL: &str = r#"
format = 1
id = "tiny"
version = "1.0.0"
title = { en = "Tiny", es = "Pequeño" }
source = { citation = "Written for a test" }

[[sections]]
id = "use"
title = { en = "Use", es = "Uso" }

[[sections.items]]
id = "days_alcohol_30"
text = { en = "Days of alcohol use", es = "Días de consumo de alcohol" }
domain = "substance_use"
answered_by = ["person"]
required = true
kind = "count"
min = 0
max = 30

[[sections.items]]
id = "housing"
text = { en = "Housing", es = "Vivienda" }
domain = "housing"
answered_by = ["person", "proxy"]
required = true
kind = "choice"
codes = [
  { code = "stable", en = "Stable", es = "Estable" },
  { code = "none", en = "None", es = "Ninguna" },
]

[[sections.items]]
id = "housing_type"
text = { en = "Type", es = "Tipo" }
domain = "housing"
answered_by = ["person"]
required = true
kind = "choice"
codes = [
  { code = "own", en = "Own", es = "Propia" },
  { code = "family", en = "Family", es = "Familia" },
]
skip_if = { item = "housing", in = ["none"] }

[[indicators]]
id = "no_use"
domain = "substance_use"
text = { en = "No use", es = "Sin consumo" }
all = [{ item = "days_alcohol_30", max = 0 }]
"#;

    #[test]
    fn a_respondent_sees_and_answers_only_their_own_items() {
        // The housing type is answered by staff from the records in this version.
        let src = SMALL.replace(
            "id = \"housing_type\"\ntext = { en = \"Type\", es = \"Tipo\" }\ndomain = \"housing\"\nanswered_by = [\"person\"]",
            "id = \"housing_type\"\ntext = { en = \"Type\", es = \"Tipo\" }\ndomain = \"housing\"\nanswered_by = [\"staff_from_records\"]",
        );
        let i = Instrument::parse(&src).expect("valid");
        let ids = |who| -> Vec<String> {
            i.for_respondent(who).iter().flat_map(|s| s.items.iter().map(|i| i.id.clone())).collect()
        };
        assert_eq!(ids(Respondent::Person), ["days_alcohol_30", "housing"]);
        assert_eq!(ids(Respondent::Proxy), ["housing"]);
        assert_eq!(ids(Respondent::StaffFromRecords), ["housing_type"]);
        let only_staff = src
            .replace(
                "answered_by = [\"person\"]\nrequired = true\nkind = \"count\"",
                "answered_by = [\"staff_from_records\"]\nrequired = true\nkind = \"count\"",
            )
            .replace("answered_by = [\"person\", \"proxy\"]", "answered_by = [\"staff_from_records\"]");
        let staff = Instrument::parse(&only_staff).expect("valid");
        assert!(
            staff.for_respondent(Respondent::Person).is_empty(),
            "a section with none of the person's items is not shown"
        );

        let raw = json!({"days_alcohol_30": 2, "housing": "stable", "housing_type": "own", "shoe_size": 9});
        let wrong: Vec<(String, &str)> = i
            .not_answered_by(raw.as_object().expect("object"), Respondent::Person)
            .into_iter()
            .map(|e| (e.item, e.code))
            .collect();
        assert_eq!(wrong, [("housing_type".to_owned(), "not-yours"), ("shoe_size".to_owned(), "unknown-item")]);
        let own = json!({"days_alcohol_30": 2, "housing": "stable"});
        assert!(i.not_answered_by(own.as_object().expect("object"), Respondent::Person).is_empty());
    }

    fn errors(src: &str) -> Vec<String> {
        Instrument::parse(src).expect_err("invalid").into_iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn the_shipped_interview_is_valid_and_covers_every_domain() {
        let i = Instrument::parse(SHIPPED).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(i.id, "recovery-outcomes-interview");
        assert!(!i.source.official, "no official federal item is shipped");
        for d in NomsDomain::ALL {
            assert!(i.items().any(|it| it.domain == d), "no item serves {d:?}");
        }
        for name in ["no_use", "stable_housing", "employed_or_in_school", "no_arrests", "socially_connected"] {
            assert!(i.indicators.iter().any(|x| x.id == name), "indicator {name} missing");
        }
        assert_eq!(i.items().filter(|it| it.kind == Kind::Barc10).count(), 1);
    }

    #[test]
    fn a_small_file_parses() {
        let i = Instrument::parse(SMALL).expect("valid");
        assert_eq!(i.items().count(), 3);
        assert_eq!(i.sections[0].title.get("es"), "Uso");
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let src = SMALL.replace("max = 30", "max = = 30");
        let e = Instrument::parse(&src).expect_err("bad toml");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, Some(line_of(&src, src.find("max = =").expect("there"))));
    }

    #[test]
    fn an_unknown_key_or_domain_is_refused_with_its_line() {
        let src = SMALL.replace(
            "domain = \"housing\"\nanswered_by = [\"person\", \"proxy\"]",
            "domain = \"wealth\"\nanswered_by = [\"person\", \"proxy\"]",
        );
        let e = Instrument::parse(&src).expect_err("unknown domain");
        assert!(e[0].message.contains("wealth"), "{e:?}");
        assert_eq!(e[0].line, Some(line_of(&src, src.find("\"wealth\"").expect("there"))));
        let e = errors(&SMALL.replace("required = true\nkind = \"count\"", "required = true\nkindd = \"count\""));
        assert!(e[0].contains("kindd"), "{e:?}");
    }

    #[test]
    fn rules_across_items_name_field_and_line() {
        let src = SMALL
            .replace(
                "skip_if = { item = \"housing\", in = [\"none\"] }",
                "skip_if = { item = \"later\", in = [\"none\"] }",
            )
            .replace("min = 0\nmax = 30", "min = 31\nmax = 30")
            .replace(
                "{ code = \"none\", en = \"None\", es = \"Ninguna\" }",
                "{ code = \"stable\", en = \"\", es = \"Ninguna\" }",
            );
        let e = Instrument::parse(&src).expect_err("invalid");
        let by_field: Vec<(&str, Option<usize>)> = e.iter().map(|e| (e.field.as_str(), e.line)).collect();
        let item_line = |needle: &str| {
            Some(line_of(&src, src[..src.find(needle).expect("there")].rfind("[[sections.items]]").expect("item")))
        };
        assert!(by_field.contains(&("sections[0].items[0].max", item_line("min = 31"))), "{e:?}");
        assert!(by_field.contains(&("sections[0].items[1].codes[1].code", item_line("en = \"\""))), "{e:?}");
        assert!(by_field.contains(&("sections[0].items[1].codes[1].en", item_line("en = \"\""))), "{e:?}");
        assert!(by_field.contains(&("sections[0].items[2].skip_if.item", item_line("\"later\""))), "{e:?}");
    }

    #[test]
    fn a_skip_rule_must_fit_the_item_it_reads() {
        let e = errors(&SMALL.replace("in = [\"none\"]", "in = [\"gone\"]"));
        assert!(e.iter().any(|m| m.contains("`gone` is not a code of `housing`")), "{e:?}");
        let e =
            errors(&SMALL.replace(
                "skip_if = { item = \"housing\", in = [\"none\"] }",
                "skip_if = { item = \"housing\", max = 0 }",
            ));
        assert!(e.iter().any(|m| m.contains("is a choice")), "{e:?}");
        let e = errors(
            &SMALL
                .replace("[{ item = \"days_alcohol_30\", max = 0 }]", "[{ item = \"days_alcohol_30\", in = [\"x\"] }]"),
        );
        assert!(e.iter().any(|m| m.contains("is a count")), "{e:?}");
    }

    #[test]
    fn the_top_level_fields_are_checked() {
        let e = errors(
            &SMALL
                .replace("format = 1", "format = 2")
                .replace("id = \"tiny\"", "id = \"Tiny One\"")
                .replace("version = \"1.0.0\"", "version = \"\""),
        );
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].starts_with("format:") && e[1].starts_with("id:") && e[2].starts_with("version:"), "{e:?}");
    }

    #[test]
    fn answers_are_checked_with_skip_rules() {
        let i = Instrument::parse(SMALL).expect("valid");
        let obj = |v: serde_json::Value| v.as_object().expect("object").clone();
        // Skipped: housing_type is not asked when there is no housing, and a stale answer to it is dropped.
        let a = i
            .check(&obj(json!({"days_alcohol_30": 0, "housing": "none", "housing_type": "own"})), true)
            .expect("valid");
        assert!(!a.contains_key("housing_type"));
        assert_eq!(i.indicators(&a).get("no_use"), Some(&Some(true)));
        // Not skipped: housing_type is required.
        let e = i.check(&obj(json!({"days_alcohol_30": "3", "housing": "stable"})), true).expect_err("missing");
        assert_eq!(e, vec![AnswerError { item: "housing_type".into(), code: "required" }]);
        // Part way: fine, and the indicator is unknown while its item is unanswered.
        let a = i.check(&obj(json!({"housing": "stable"})), false).expect("partial");
        assert_eq!(i.indicators(&a).get("no_use"), Some(&None));
        // Every bad answer at once.
        let e =
            i.check(&obj(json!({"days_alcohol_30": 31, "housing": "castle", "shoe_size": 9})), true).expect_err("bad");
        let codes: Vec<(&str, &str)> = e.iter().map(|e| (e.item.as_str(), e.code)).collect();
        // housing_type is asked (its skip rule reads an answer that was not given), so it is required too.
        assert_eq!(
            codes,
            vec![
                ("shoe_size", "unknown-item"),
                ("days_alcohol_30", "out-of-range"),
                ("housing", "unknown-choice"),
                ("housing_type", "required")
            ]
        );
    }

    #[test]
    fn barc10_answers_are_scored_by_the_existing_rule() {
        let i = Instrument::parse(SHIPPED).expect("valid");
        let item = i.items().find(|it| it.kind == Kind::Barc10).expect("barc10").id.clone();
        let mut m = serde_json::Map::new();
        m.insert(item.clone(), json!([5, 5, 5, 5, 5, 5, 5, 4, 4, 4]));
        let a = i.check(&m, false).expect("valid");
        assert_eq!(i.barc10_total(&a), Some(47));
        m.insert(item.clone(), json!([5, 5, 5, 5, 5, 5, 5, 4, 4, 7]));
        assert_eq!(i.check(&m, false).expect_err("7 is off the scale")[0].code, "invalid");
    }

    proptest! {
        #[test]
        fn a_count_answer_is_accepted_exactly_inside_its_range(n in -100i64..100) {
            let i = Instrument::parse(SMALL).expect("valid");
            let mut m = serde_json::Map::new();
            m.insert("days_alcohol_30".into(), json!(n));
            prop_assert_eq!(i.check(&m, false).is_ok(), (0..=30).contains(&n));
        }

        #[test]
        fn any_text_gives_errors_never_a_panic(s in ".{0,400}") {
            let _ = Instrument::parse(&s);
            let _ = Instrument::parse(&format!("{SMALL}\n{s}"));
        }
    }
}
