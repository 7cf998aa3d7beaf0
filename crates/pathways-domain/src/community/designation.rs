//! Recovery Friendly designations as configurable programs (issue 20, item 5).
//!
//! A *program* is data an organization (a state agency or a coalition) defines: what it designates (a workplace or
//! a community), its name in English and Spanish, its ordered steps — each with a title and the evidence it needs,
//! in both languages, and for a step such as a workplace's alcohol and drug policy a checklist the advisor
//! confirms before accepting it — the trainings required (a count per training type, the types of
//! [`super::naloxone::TrainingKind`]) and the renewal period in months.
//!
//! An *application* is an organization working through a program: each step is not started, submitted, returned
//! with a note, or accepted ([`StepState`], derived from the step's submissions and reviews in order:
//! [`step_state`]); once every step is accepted an advisor designates it on a date, and the designation is due for
//! renewal that many months later ([`renewal_due`]); within [`REMINDER_DAYS`] of that day it is due (a reminder),
//! after it lapsed ([`Standing::of`]). A withdrawn application or designation stays withdrawn.
//!
//! The two programs of [`examples`] are **Pathways' demo examples**, modelled on the description of a
//! Recovery Friendly Community (as West Hartford's was described) and of recovery-friendly workplace programs.
//! They are not any official program's text and their wording is Pathways' own: a deployment defines its real
//! programs through the site.

use std::ops::RangeInclusive;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::naloxone::TrainingKind;
use super::volunteers::DesignationKind;
use crate::text::{FieldError, optional_multiline, required_text};

/// The longest a program's or an applicant's name may be.
pub const MAX_NAME: usize = 160;
/// The most steps a program may have.
pub const MAX_STEPS: usize = 20;
/// The most checklist items one step may have.
pub const MAX_CHECKLIST: usize = 12;
/// The longest a step's title, its evidence text or a checklist item may be (each language).
pub const MAX_STEP_TEXT: usize = 300;
/// A renewal period, in months (a typing-error bound: ten years at most).
pub const RENEWAL_MONTHS: RangeInclusive<u32> = 1..=120;
/// The most trainings of one type a program may require.
pub const MAX_TRAININGS: u32 = 20;
/// The longest evidence text may be.
pub const MAX_EVIDENCE: usize = 4_000;
/// The longest an advisor's note may be.
pub const MAX_NOTE: usize = 2_000;
/// How many days before its renewal is due a designation is listed among the reminders.
pub const REMINDER_DAYS: i64 = 60;

/// A text in English and Spanish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub en: String,
    pub es: String,
}

impl Bilingual {
    pub fn new(en: &str, es: &str) -> Self {
        Bilingual { en: en.to_owned(), es: es.to_owned() }
    }

    /// The text in `lang` (`es` → Spanish; anything else English).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "es" { &self.es } else { &self.en }
    }
}

/// One step of a program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub title: Bilingual,
    /// What evidence the step needs.
    pub evidence: Bilingual,
    /// Items the advisor confirms before accepting the step (empty for most steps).
    #[serde(default)]
    pub checklist: Vec<Bilingual>,
}

/// How many trainings of one type a program requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingRequirement {
    pub kind: TrainingKind,
    pub count: u32,
}

/// A program, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub kind: DesignationKind,
    pub name: Bilingual,
    pub steps: Vec<Step>,
    /// Only types with a count above zero, in [`TrainingKind::ALL`]'s order.
    pub trainings: Vec<TrainingRequirement>,
    pub renewal_months: u32,
}

/// A program as typed. `steps` is one line per step, `English title | Spanish title | English evidence | Spanish
/// evidence`, each followed by its checklist items, if any, as lines `- English | Spanish` (see [`steps_text`]).
#[derive(Clone, Debug, Default)]
pub struct ProgramForm {
    pub kind: String,
    pub name_en: String,
    pub name_es: String,
    pub steps: String,
    pub renewal_months: String,
    /// The count typed for each training type (blank is none).
    pub trainings: Vec<(TrainingKind, String)>,
}

/// The form field of a training type's count.
pub const fn training_field(kind: TrainingKind) -> &'static str {
    match kind {
        TrainingKind::Naloxone => "training_naloxone",
        TrainingKind::Stigma => "training_stigma",
        TrainingKind::RecoveryAlly => "training_recovery_ally",
        TrainingKind::WorkplaceSupervisor => "training_workplace_supervisor",
    }
}

fn part(raw: &str) -> Result<String, &'static str> {
    let s = raw.trim();
    if s.is_empty() {
        return Err("step-format");
    }
    if s.chars().count() > MAX_STEP_TEXT {
        return Err("too-long");
    }
    if s.chars().any(char::is_control) {
        return Err("invalid-characters");
    }
    Ok(s.to_owned())
}

/// The steps as typed (see [`ProgramForm`]); every problem is the field `steps`'s.
pub fn parse_steps(raw: &str) -> Result<Vec<Step>, FieldError> {
    let err = |code| FieldError::new("steps", code);
    let mut steps: Vec<Step> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(item) = line.strip_prefix('-') {
            let parts: Vec<&str> = item.split('|').collect();
            let [en, es] = parts.as_slice() else { return Err(err("checklist-format")) };
            let item = Bilingual { en: part(en).map_err(err)?, es: part(es).map_err(err)? };
            let step = steps.last_mut().ok_or_else(|| err("checklist-without-step"))?;
            if step.checklist.len() == MAX_CHECKLIST {
                return Err(err("too-many"));
            }
            step.checklist.push(item);
        } else {
            let parts: Vec<&str> = line.split('|').collect();
            let [t_en, t_es, e_en, e_es] = parts.as_slice() else { return Err(err("step-format")) };
            if steps.len() == MAX_STEPS {
                return Err(err("too-many"));
            }
            steps.push(Step {
                title: Bilingual { en: part(t_en).map_err(err)?, es: part(t_es).map_err(err)? },
                evidence: Bilingual { en: part(e_en).map_err(err)?, es: part(e_es).map_err(err)? },
                checklist: Vec::new(),
            });
        }
    }
    if steps.is_empty() {
        return Err(err("required"));
    }
    Ok(steps)
}

/// The steps written back as [`parse_steps`] reads them (the edit form's text).
pub fn steps_text(steps: &[Step]) -> String {
    let mut out = String::new();
    for s in steps {
        out.push_str(&format!("{} | {} | {} | {}\n", s.title.en, s.title.es, s.evidence.en, s.evidence.es));
        for item in &s.checklist {
            out.push_str(&format!("- {} | {}\n", item.en, item.es));
        }
    }
    out
}

fn count(field: &'static str, raw: &str, range: RangeInclusive<u32>) -> Result<u32, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    let n: u32 = raw.parse().map_err(|_| FieldError::new(field, "invalid"))?;
    if range.contains(&n) { Ok(n) } else { Err(FieldError::new(field, "out-of-range")) }
}

impl Program {
    /// Every field is checked and every problem named: the kind, both names, the steps, the renewal period
    /// (months, [`RENEWAL_MONTHS`]) and each training count (blank is none, at most [`MAX_TRAININGS`]).
    pub fn parse(f: &ProgramForm) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = match f.kind.trim() {
            "" => Err(FieldError::new("kind", "required")),
            s => DesignationKind::parse(s).ok_or(FieldError::new("kind", "unknown-choice")),
        }
        .map_err(|e| errors.push(e))
        .ok();
        let name_en = required_text("name_en", &f.name_en, MAX_NAME).map_err(|e| errors.push(e)).ok();
        let name_es = required_text("name_es", &f.name_es, MAX_NAME).map_err(|e| errors.push(e)).ok();
        let steps = parse_steps(&f.steps).map_err(|e| errors.push(e)).ok();
        let renewal = count("renewal_months", &f.renewal_months, RENEWAL_MONTHS).map_err(|e| errors.push(e)).ok();
        let mut trainings = Vec::new();
        for kind in TrainingKind::ALL {
            let typed = f.trainings.iter().find(|(k, _)| k == kind).map_or("", |(_, v)| v.as_str());
            if typed.trim().is_empty() {
                continue;
            }
            match count(training_field(*kind), typed, 0..=MAX_TRAININGS) {
                Ok(0) => {}
                Ok(count) => trainings.push(TrainingRequirement { kind: *kind, count }),
                Err(e) => errors.push(e),
            }
        }
        match (kind, name_en, name_es, steps, renewal) {
            (Some(kind), Some(en), Some(es), Some(steps), Some(renewal_months)) if errors.is_empty() => {
                Ok(Program { kind, name: Bilingual { en, es }, steps, trainings, renewal_months })
            }
            _ => Err(errors),
        }
    }

    /// The form as the program fills it (to edit it).
    pub fn to_form(&self) -> ProgramForm {
        ProgramForm {
            kind: self.kind.code().to_owned(),
            name_en: self.name.en.clone(),
            name_es: self.name.es.clone(),
            steps: steps_text(&self.steps),
            renewal_months: self.renewal_months.to_string(),
            trainings: self.trainings.iter().map(|t| (t.kind, t.count.to_string())).collect(),
        }
    }
}

/// What happened to one step, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepEvent {
    /// The applicant submitted evidence.
    Submitted,
    /// An advisor accepted the step.
    Accepted,
    /// An advisor returned it with a note.
    Returned(String),
}

/// Where one step of an application stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepState {
    NotStarted,
    /// Evidence waits for an advisor.
    Submitted,
    /// Returned with the advisor's note: the applicant submits again.
    Returned(String),
    Accepted,
}

impl StepState {
    /// The stable code (a message key's tail).
    pub const fn code(&self) -> &'static str {
        match self {
            StepState::NotStarted => "not-started",
            StepState::Submitted => "submitted",
            StepState::Returned(_) => "returned",
            StepState::Accepted => "accepted",
        }
    }
}

/// A step's state from its events in the order they happened: the latest one decides; none is not started.
pub fn step_state(events: &[StepEvent]) -> StepState {
    match events.last() {
        None => StepState::NotStarted,
        Some(StepEvent::Submitted) => StepState::Submitted,
        Some(StepEvent::Accepted) => StepState::Accepted,
        Some(StepEvent::Returned(note)) => StepState::Returned(note.clone()),
    }
}

/// The first step not yet accepted (what the applicant or the advisor does next); `None` when all are.
pub fn next_step(states: &[StepState]) -> Option<usize> {
    states.iter().position(|s| *s != StepState::Accepted)
}

/// Whether every step is accepted (a program has at least one step, so an empty list is not).
pub fn all_accepted(states: &[StepState]) -> bool {
    !states.is_empty() && next_step(states).is_none()
}

/// The day a designation made `on` is due for renewal: `months` later (the last day of a shorter month when the
/// day does not exist in it, as 31 August + 6 months is 28 or 29 February).
pub fn renewal_due(on: NaiveDate, months: u32) -> NaiveDate {
    on.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

/// Where an application stands overall on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Steps are being worked through.
    Open,
    /// Designated, renewal more than [`REMINDER_DAYS`] days away.
    Designated { on: NaiveDate, renewal_due: NaiveDate },
    /// Designated; renewal due within [`REMINDER_DAYS`] days (0 on the day itself): a reminder.
    RenewalDue { on: NaiveDate, renewal_due: NaiveDate, days_left: i64 },
    /// Designated, but the renewal day has passed without a renewal.
    Lapsed { on: NaiveDate, renewal_due: NaiveDate },
    /// Withdrawn (by the advisor): the application or the designation no longer stands.
    Withdrawn,
}

impl Standing {
    /// An application designated `designated_on` (none yet: `None`), withdrawn or not, under a program renewed every
    /// `renewal_months`, on `today`.
    pub fn of(designated_on: Option<NaiveDate>, withdrawn: bool, renewal_months: u32, today: NaiveDate) -> Self {
        if withdrawn {
            return Standing::Withdrawn;
        }
        let Some(on) = designated_on else { return Standing::Open };
        let due = renewal_due(on, renewal_months);
        let days_left = (due - today).num_days();
        match days_left {
            d if d < 0 => Standing::Lapsed { on, renewal_due: due },
            d if d <= REMINDER_DAYS => Standing::RenewalDue { on, renewal_due: due, days_left: d },
            _ => Standing::Designated { on, renewal_due: due },
        }
    }

    /// The stable code (a message key's tail).
    pub const fn code(self) -> &'static str {
        match self {
            Standing::Open => "open",
            Standing::Designated { .. } => "designated",
            Standing::RenewalDue { .. } => "renewal-due",
            Standing::Lapsed { .. } => "lapsed",
            Standing::Withdrawn => "withdrawn",
        }
    }

    /// Whether the advisors are reminded of it (renewal due soon, or lapsed).
    pub const fn reminds(self) -> bool {
        matches!(self, Standing::RenewalDue { .. } | Standing::Lapsed { .. })
    }

    /// Whether it is on the public list: designated and not lapsed nor withdrawn (a lapsed designation is hidden
    /// until it is renewed; the advisors still see it among the reminders).
    pub const fn is_public(self) -> bool {
        matches!(self, Standing::Designated { .. } | Standing::RenewalDue { .. })
    }
}

/// How many days before a designation's renewal day its applicant is mailed a reminder unless told otherwise
/// (`pathways designations remind --days`).
pub const MAIL_DAYS_BEFORE: i64 = 30;

/// The most days ahead a mailed reminder may be sent ([`REMINDER_DAYS`]: no earlier than the advisors' list).
pub const MAX_MAIL_DAYS_BEFORE: i64 = REMINDER_DAYS;

/// The renewal day to mail the applicant about today, if any: a designation that stands (not withdrawn, not lapsed)
/// whose renewal day is at most `days_before` days away (the day itself included), and about which no reminder was
/// mailed yet (`reminded_for`, the renewal day of the last one mailed — a renewal moves the day, so each period's
/// renewal is reminded once).
pub fn mail_reminder_due(
    designated_on: Option<NaiveDate>,
    withdrawn: bool,
    renewal_months: u32,
    reminded_for: Option<NaiveDate>,
    days_before: i64,
    today: NaiveDate,
) -> Option<NaiveDate> {
    if withdrawn {
        return None;
    }
    let due = renewal_due(designated_on?, renewal_months);
    let days_left = (due - today).num_days();
    ((0..=days_before).contains(&days_left) && reminded_for != Some(due)).then_some(due)
}

/// Whether an advisor may designate `on` an application whose steps stand so: only when every step is accepted,
/// and it is not withdrawn (a designated application designated again is its renewal, dated `on`).
pub fn may_designate(states: &[StepState], withdrawn: bool) -> Result<(), FieldError> {
    if withdrawn {
        return Err(FieldError::new("application", "withdrawn"));
    }
    if !all_accepted(states) {
        return Err(FieldError::new("application", "steps-not-accepted"));
    }
    Ok(())
}

/// An application as typed (no account: the applicant is reached through the private link).
#[derive(Clone, Debug, Default)]
pub struct ApplicationForm {
    pub organization: String,
    pub town: String,
    pub contact_name: String,
    pub contact_email: String,
}

/// An application, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    /// The workplace's or the community's name (a town applies as itself).
    pub organization: String,
    pub town: String,
    pub contact_name: String,
    pub contact_email: String,
}

impl Application {
    /// Every field is required; the email address is checked for shape (`person::parse_email`).
    pub fn parse(f: &ApplicationForm) -> Result<Self, Vec<FieldError>> {
        let organization = required_text("organization", &f.organization, MAX_NAME);
        let town = required_text("town", &f.town, 80);
        let contact_name = required_text("contact_name", &f.contact_name, 80);
        let contact_email = match crate::person::parse_email(&f.contact_email) {
            Ok(Some(e)) => Ok(e),
            Ok(None) => Err(FieldError::new("contact_email", "required")),
            Err(_) => Err(FieldError::new("contact_email", "invalid-email")),
        };
        match (organization, town, contact_name, contact_email) {
            (Ok(organization), Ok(town), Ok(contact_name), Ok(contact_email)) => {
                Ok(Application { organization, town, contact_name, contact_email })
            }
            (a, b, c, d) => Err([a.err(), b.err(), c.err(), d.err()].into_iter().flatten().collect()),
        }
    }
}

/// Evidence for one step, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub step: usize,
    pub text: String,
    /// An `https:` link to a document kept elsewhere.
    pub link: Option<String>,
}

impl Evidence {
    /// The step (an index into the program's `steps`, as the form sends it), the text (required) and an optional
    /// `https:` link. A step already accepted takes no more evidence.
    pub fn parse(step: &str, text: &str, link: &str, states: &[StepState]) -> Result<Self, Vec<FieldError>> {
        let step = parse_step(step, states);
        let text = match optional_multiline("text", text, MAX_EVIDENCE) {
            Ok(Some(t)) => Ok(t),
            Ok(None) => Err(FieldError::new("text", "required")),
            Err(e) => Err(e),
        };
        let link = super::education::https("link", link);
        let step = step.and_then(|i| match states[i] {
            StepState::Accepted => Err(FieldError::new("step", "already-accepted")),
            _ => Ok(i),
        });
        match (step, text, link) {
            (Ok(step), Ok(text), Ok(link)) => Ok(Evidence { step, text, link }),
            (s, t, l) => Err([s.err(), t.err(), l.err()].into_iter().flatten().collect()),
        }
    }
}

/// The largest file kept with a step's evidence, in bytes. The server refuses any request over 1 MiB before it is
/// read (`RequestBodyLimitLayer` in the router), so the limit sits under it, as the consent scans' does
/// ([`crate::consent::MAX_SCAN_BYTES`]); the error names it.
pub const MAX_EVIDENCE_FILE_BYTES: usize = 900 * 1024;
/// The longest a kept file name may be (characters; a longer one is cut, keeping its extension).
pub const MAX_FILE_NAME: usize = 120;

/// A file uploaded with a step's evidence, checked: a PDF, PNG or JPEG by its first bytes
/// ([`crate::consent::scan_type`], the consent scans' check), never by its name or the browser's word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceFile {
    /// The name to show and to offer back on download: its last path part, without control characters or quotes.
    pub name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The form field of the evidence file (every problem with the file is this field's).
pub const EVIDENCE_FILE_FIELD: &str = "evidence_file";

/// Checks the file chosen with a step's evidence: `name` as the browser sent it and its bytes. No file chosen (no
/// name, no bytes) is none — the file is optional; a chosen file that is empty (`empty-file`), over
/// [`MAX_EVIDENCE_FILE_BYTES`] (`file-too-large`) or not a PDF, PNG or JPEG by its first bytes (`not-a-scan`) is
/// refused.
pub fn check_evidence_file(name: &str, bytes: &[u8]) -> Result<Option<EvidenceFile>, FieldError> {
    let err = |code| FieldError::new(EVIDENCE_FILE_FIELD, code);
    if bytes.is_empty() {
        return if name.trim().is_empty() { Ok(None) } else { Err(err("empty-file")) };
    }
    if bytes.len() > MAX_EVIDENCE_FILE_BYTES {
        return Err(err("file-too-large"));
    }
    let content_type = crate::consent::scan_type(bytes).ok_or(err("not-a-scan"))?;
    Ok(Some(EvidenceFile { name: file_name(name, content_type), content_type, bytes: bytes.to_vec() }))
}

/// A name safe to show and to put in a `Content-Disposition` header: the last part of a path (some browsers send
/// the whole path), without control characters, quotes or backslashes, at most [`MAX_FILE_NAME`] characters
/// (keeping the extension); none left: `evidence` with the type's extension.
pub fn file_name(raw: &str, content_type: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last.chars().filter(|c| !c.is_control() && *c != '"' && *c != ';').collect();
    let clean = clean.trim().to_owned();
    let ext = match content_type {
        "application/pdf" => "pdf",
        "image/png" => "png",
        _ => "jpg",
    };
    if clean.is_empty() || clean.chars().all(|c| c == '.') {
        return format!("evidence.{ext}");
    }
    if clean.chars().count() <= MAX_FILE_NAME {
        return clean;
    }
    let tail: String = match clean.rsplit_once('.') {
        Some((_, e)) if !e.is_empty() && e.chars().count() <= 8 => format!(".{e}"),
        _ => String::new(),
    };
    let head: String = clean.chars().take(MAX_FILE_NAME - tail.chars().count()).collect();
    format!("{head}{tail}")
}

/// One required training type against the trainings recorded for the application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainingMet {
    pub kind: TrainingKind,
    /// How many the program requires.
    pub required: u32,
    /// The recorded trainings of this type (indices into the list given, in its order).
    pub recorded: Vec<usize>,
}

impl TrainingMet {
    /// Whether as many trainings of the type are recorded as required (or more).
    pub fn met(&self) -> bool {
        self.recorded.len() >= self.required as usize
    }
}

/// Each training type a program requires (in the program's order), with how many it requires and which of the
/// `recorded` trainings' types (those tied to the application) are of it. Recorded trainings of a type the program
/// does not require are left out; nothing is counted that is not in `recorded`.
pub fn trainings_met(required: &[TrainingRequirement], recorded: &[TrainingKind]) -> Vec<TrainingMet> {
    required
        .iter()
        .map(|r| TrainingMet {
            kind: r.kind,
            required: r.count,
            recorded: recorded.iter().enumerate().filter(|(_, k)| **k == r.kind).map(|(i, _)| i).collect(),
        })
        .collect()
}

fn parse_step(raw: &str, states: &[StepState]) -> Result<usize, FieldError> {
    match raw.trim().parse::<usize>() {
        Ok(i) if i < states.len() => Ok(i),
        _ => Err(FieldError::new("step", "unknown-choice")),
    }
}

/// An advisor's decision on a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Accept,
    /// Returned, with the note saying what is missing.
    Return(String),
}

/// A review, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub step: usize,
    pub decision: Decision,
}

impl Review {
    /// The step, the decision (`accept` or `return`), the note (required to return one) and the checklist items the
    /// advisor confirmed (indices): accepting a step with a checklist needs every item confirmed. Only a step whose
    /// evidence waits for review may be reviewed.
    pub fn parse(
        step: &str,
        decision: &str,
        note: &str,
        confirmed: &[usize],
        program: &Program,
        states: &[StepState],
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let step = parse_step(step, states)
            .and_then(|i| match states[i] {
                StepState::Submitted => Ok(i),
                _ => Err(FieldError::new("step", "nothing-to-review")),
            })
            .map_err(|e| errors.push(e))
            .ok();
        let note = optional_multiline("note", note, MAX_NOTE).map_err(|e| errors.push(e)).ok().flatten();
        let decision = match (decision.trim(), note) {
            ("accept", _) => Some(Decision::Accept),
            ("return", Some(note)) => Some(Decision::Return(note)),
            ("return", None) => {
                errors.push(FieldError::new("note", "required"));
                None
            }
            ("", _) => {
                errors.push(FieldError::new("decision", "required"));
                None
            }
            _ => {
                errors.push(FieldError::new("decision", "unknown-choice"));
                None
            }
        };
        if let (Some(i), Some(Decision::Accept)) = (step, &decision) {
            let items = program.steps.get(i).map_or(0, |s| s.checklist.len());
            if (0..items).any(|n| !confirmed.contains(&n)) {
                errors.push(FieldError::new("checklist", "unconfirmed"));
            }
        }
        match (step, decision) {
            (Some(step), Some(decision)) if errors.is_empty() => Ok(Review { step, decision }),
            _ => Err(errors),
        }
    }

    /// The event the review adds to its step.
    pub fn event(&self) -> StepEvent {
        match &self.decision {
            Decision::Accept => StepEvent::Accepted,
            Decision::Return(note) => StepEvent::Returned(note.clone()),
        }
    }
}

fn step(title: (&str, &str), evidence: (&str, &str), checklist: &[(&str, &str)]) -> Step {
    Step {
        title: Bilingual::new(title.0, title.1),
        evidence: Bilingual::new(evidence.0, evidence.1),
        checklist: checklist.iter().map(|(en, es)| Bilingual::new(en, es)).collect(),
    }
}

/// Pathways' two demo programs (a workplace's and a town's), modelled on the description — not an official
/// program's text (see the module's documentation). The policy step's six elements are the issue's.
pub fn examples() -> [Program; 2] {
    let workplace = Program {
        kind: DesignationKind::Workplace,
        name: Bilingual::new(
            "Recovery Friendly Workplace (demo program)",
            "Lugar de trabajo amigo de la recuperación (programa de demostración)",
        ),
        steps: vec![
            step(
                ("Letter of interest", "Carta de interés"),
                (
                    "A letter from the employer's leadership saying why it wants to take part.",
                    "Una carta de la dirección del empleador que explique por qué quiere participar.",
                ),
                &[],
            ),
            step(
                ("Meeting with an advisor", "Reunión con un asesor"),
                ("The date of the meeting and who attended.", "La fecha de la reunión y quiénes asistieron."),
                &[],
            ),
            step(
                ("Alcohol and drug policy reviewed", "Política sobre alcohol y drogas revisada"),
                (
                    "The workplace's policy, or a link to it; the advisor confirms its six elements.",
                    "La política del lugar de trabajo, o un enlace a ella; el asesor confirma sus seis elementos.",
                ),
                &[
                    ("The substances it covers", "Las sustancias que abarca"),
                    ("Who is covered", "A quiénes se aplica"),
                    ("The roles of supervisors and employees", "Las funciones de supervisores y empleados"),
                    ("What follows a violation", "Qué sigue a una infracción"),
                    ("The assistance resources offered", "Los recursos de ayuda que se ofrecen"),
                    ("Confidentiality", "La confidencialidad"),
                ],
            ),
            step(
                ("Three trainings", "Tres capacitaciones"),
                (
                    "The dates of the trainings and how many attended.",
                    "Las fechas de las capacitaciones y cuántas personas asistieron.",
                ),
                &[],
            ),
            step(
                ("Signed pledge", "Compromiso firmado"),
                (
                    "The pledge signed by the employer's leadership.",
                    "El compromiso firmado por la dirección del empleador.",
                ),
                &[],
            ),
        ],
        trainings: vec![
            TrainingRequirement { kind: TrainingKind::Naloxone, count: 1 },
            TrainingRequirement { kind: TrainingKind::Stigma, count: 1 },
            TrainingRequirement { kind: TrainingKind::WorkplaceSupervisor, count: 1 },
        ],
        renewal_months: 24,
    };
    let town = Program {
        kind: DesignationKind::Community,
        name: Bilingual::new(
            "Recovery Friendly Community (demo program)",
            "Comunidad amiga de la recuperación (programa de demostración)",
        ),
        steps: vec![
            step(
                ("The governing body's vote", "La votación del órgano de gobierno"),
                (
                    "The minutes or resolution of the town council's vote.",
                    "El acta o la resolución de la votación del concejo municipal.",
                ),
                &[],
            ),
            step(
                ("Awareness plan", "Plan de concientización"),
                (
                    "The town's plan to raise awareness of recovery.",
                    "El plan del municipio para dar a conocer la recuperación.",
                ),
                &[],
            ),
            step(
                ("A recovery event", "Un evento de recuperación"),
                (
                    "The date, place and a short account of the event.",
                    "La fecha, el lugar y un breve relato del evento.",
                ),
                &[],
            ),
            step(
                ("Stigma training", "Capacitación sobre el estigma"),
                (
                    "The date of the training and how many attended.",
                    "La fecha de la capacitación y cuántas personas asistieron.",
                ),
                &[],
            ),
        ],
        trainings: vec![TrainingRequirement { kind: TrainingKind::Stigma, count: 1 }],
        renewal_months: 24,
    };
    [workplace, town]
}

#[cfg(test)]
mod tests;
