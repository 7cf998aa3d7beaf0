//! Schemas for request bodies the domain parses itself (a check-in, a check-up's interview), for the API
//! description: written from the domain's own lists of codes and bounds, so `/api/openapi.json` says exactly what
//! the parser accepts and a client can be generated from it. A test compares their properties with the domain's fields.

use pathways_domain::access_line::LevelOfCare;
use pathways_domain::checkup::{HOUSING, PROBLEMS, SOCIAL_SUPPORT, TREATMENT_STATUS, WORK_OR_SCHOOL};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::{RefOr, schema::OneOfBuilder};
use utoipa::{PartialSchema, ToSchema};

/// The characters Rust's `str::trim` takes away (Unicode `White_Space`), as a regular-expression class body, so a
/// pattern says exactly what the server's trimming does. Written with escapes both ECMA-262 and Python read.
const SPACE: &str = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";
/// Control characters (`char::is_control`: Unicode `Cc`), which one-line text may not hold.
const CONTROL: &str = r"\x00-\x1f\x7f-\x9f";

/// A calendar date, `YYYY-MM-DD`, that exists (months of their length, 29 February in leap years only), as a
/// pattern body without anchors: a client can't be told "0000-00-00" is a date.
pub const DATE: &str = r"(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)";

/// The pattern of a query parameter or field the server trims and requires: at least one character that is not
/// white space.
pub fn not_blank() -> String {
    format!("[^{SPACE}]")
}

/// The pattern of one line of text the domain reads with `optional_text` / `required_text`: trimmed, at most
/// `max` characters, no control characters (`required`: at least one character left after trimming).
pub fn line_pattern(max: usize, required: bool) -> String {
    let inner = format!("[^{CONTROL}]");
    let edge = format!("[^{SPACE}{CONTROL}]");
    let core = match max {
        0 => String::new(),
        1 => edge.clone(),
        _ => format!("{edge}(?:{inner}{{0,{}}}{edge})?", max - 2),
    };
    let core = if required { format!("(?:{core})") } else { format!("(?:{core})?") };
    format!("^[{SPACE}]*{core}[{SPACE}]*$")
}

/// The pattern of text that may span lines (`optional_multiline`: notes): line breaks and tabs are kept, other
/// control characters refused, at most `max` characters once trimmed.
pub fn lines_pattern(max: usize, required: bool) -> String {
    let inner = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]";
    let edge = format!("[^{SPACE}{CONTROL}]");
    let optional = if required { "" } else { "?" };
    format!("^[{SPACE}]*(?:{edge}(?:{inner}{{0,{}}}{edge})?){optional}[{SPACE}]*$", max.saturating_sub(2))
}

/// Text that may span lines (`optional_multiline` with `max` characters), as a schema.
pub fn lines(max: usize, description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(lines_pattern(max, false)))
        .description(Some(description))
}

/// One line of text (`optional_text`/`required_text` with `max` characters), as a schema; `nullable` when `null`
/// is read as left out.
pub fn line(max: usize, required: bool, nullable: bool, description: &str) -> ObjectBuilder {
    let base = if nullable { nullable_type(Type::String) } else { SchemaType::Type(Type::String) };
    ObjectBuilder::new().schema_type(base).pattern(Some(line_pattern(max, required))).description(Some(description))
}

/// A type or `null`.
pub fn nullable_type(t: Type) -> SchemaType {
    SchemaType::from_iter([t, Type::Null])
}

/// A query parameter's choice of codes; empty is no choice (the filter is off), as a form sends it.
fn codes<I: IntoIterator<Item = S>, S: Into<String>>(values: I, description: &str) -> RefOr<Schema> {
    let values: Vec<String> = values.into_iter().map(Into::into).chain([String::new()]).collect();
    ObjectBuilder::new().schema_type(Type::String).enum_values(Some(values)).description(Some(description)).into()
}

/// A level of care's code (`?level=3.7-WM`).
pub struct LevelCode;

impl PartialSchema for LevelCode {
    fn schema() -> RefOr<Schema> {
        codes(
            LevelOfCare::ALL.map(LevelOfCare::code),
            "An ASAM level of care: 1, 2.1, 2.5, 3.1, 3.3, 3.5, 3.7, 3.2-WM, 3.7-WM, 4-WM, or otp",
        )
    }
}

impl ToSchema for LevelCode {}

/// A category of the recovery taxonomy (`?category=…`), as the finder knows them.
pub struct CategoryCode;

impl PartialSchema for CategoryCode {
    fn schema() -> RefOr<Schema> {
        codes(crate::finder::taxonomy().terms.iter().map(|t| t.code.clone()), "A recovery taxonomy code")
    }
}

impl ToSchema for CategoryCode {}

/// The values of one of the taxonomy's attribute vocabularies (pathway, population, cost, faith).
macro_rules! vocabulary_codes {
    ($name:ident, $vocabulary:literal) => {
        #[doc = concat!("A value of the taxonomy's `", $vocabulary, "` vocabulary.")]
        pub struct $name;

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                let values = crate::finder::taxonomy().attributes.get($vocabulary).into_iter().flatten();
                codes(values.map(|a| a.code.clone()), concat!("A `", $vocabulary, "` code of the recovery taxonomy"))
            }
        }

        impl ToSchema for $name {}
    };
}

vocabulary_codes!(PathwayCode, "pathway");
vocabulary_codes!(PopulationCode, "population");
vocabulary_codes!(CostCode, "cost");
vocabulary_codes!(FaithCode, "faith");

/// A recovery residence's NARR level (`?level=`): `I` … `IV` (any case) or `1` … `4`.
pub struct NarrLevelCode;

impl PartialSchema for NarrLevelCode {
    fn schema() -> RefOr<Schema> {
        use pathways_domain::housing::NarrLevel;
        let codes_ = NarrLevel::ALL.iter().map(|l| l.code().to_owned());
        let lower = NarrLevel::ALL.iter().map(|l| l.code().to_lowercase());
        let digits = (1..=NarrLevel::ALL.len()).map(|i| i.to_string());
        codes(codes_.chain(lower).chain(digits), "A NARR level: I, II, III or IV (or 1 to 4); not a ranking")
    }
}

impl ToSchema for NarrLevelCode {}

/// Who a recovery residence serves (`?population=`).
pub struct ResidencePopulationCode;

impl PartialSchema for ResidencePopulationCode {
    fn schema() -> RefOr<Schema> {
        use pathways_domain::housing::Population;
        codes(Population::ALL.map(Population::code), "men, women, women_with_children, lgbtq or young_adults")
    }
}

impl ToSchema for ResidencePopulationCode {}

/// The finder's `when`: meetings in progress, starting within two hours, later today, tonight.
pub struct WhenCode;

impl PartialSchema for WhenCode {
    fn schema() -> RefOr<Schema> {
        codes(["now", "soon", "today", "tonight"], "Meetings: now, soon (within two hours), today or tonight")
    }
}

impl ToSchema for WhenCode {}

/// The finder's `online`: `online` or `in_person` (`true`/`false` too).
pub struct OnlineCode;

impl PartialSchema for OnlineCode {
    fn schema() -> RefOr<Schema> {
        codes(
            ["online", "in_person", "true", "false"],
            "Only online (online, true) or in-person (in_person, false) help",
        )
    }
}

impl ToSchema for OnlineCode {}

/// A time as RFC 3339, or a date (its midnight UTC).
pub struct TimeOrDate;

impl PartialSchema for TimeOrDate {
    fn schema() -> RefOr<Schema> {
        use utoipa::openapi::schema::{KnownFormat, SchemaFormat};
        let of = |f| ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(f)));
        OneOfBuilder::new()
            .item(of(KnownFormat::DateTime))
            .item(of(KnownFormat::Date).pattern(Some(format!("^{DATE}$"))))
            .item(ObjectBuilder::new().schema_type(Type::String).enum_values(Some([""])))
            .description(Some("An RFC 3339 time, or a date (its midnight UTC); empty: no filter"))
            .into()
    }
}

impl ToSchema for TimeOrDate {}

fn integer(min: i64, max: i64, description: &str) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(min)).maximum(Some(max)).description(Some(description))
}

/// An optional number the parser reads `null` for as left out.
fn optional_integer(min: i64, max: i64, description: &str) -> ObjectBuilder {
    integer(min, max, description).schema_type(nullable_type(Type::Integer))
}

fn boolean(description: &str) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Boolean).description(Some(description))
}

/// An optional yes or no the parser reads `null` for as left out.
fn optional_boolean(description: &str) -> ObjectBuilder {
    boolean(description).schema_type(nullable_type(Type::Boolean))
}

fn text(description: &str) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).description(Some(description))
}

fn one_of(codes: &[&str], description: &str) -> ObjectBuilder {
    text(description).enum_values(Some(codes.iter().copied()))
}

/// An optional choice: one of `codes`, or left out (`null`, or the empty string a form sends).
fn optional_choice(codes: &[&str], description: &str) -> ObjectBuilder {
    let values: Vec<serde_json::Value> =
        codes.iter().map(|c| serde_json::json!(c)).chain([serde_json::json!(""), serde_json::Value::Null]).collect();
    ObjectBuilder::new()
        .schema_type(nullable_type(Type::String))
        .enum_values(Some(values))
        .description(Some(description))
}

/// Text the server trims and requires (`patient=Patient/…`): at least one character that is not white space.
pub struct NotBlank;

impl PartialSchema for NotBlank {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new().schema_type(Type::String).pattern(Some(not_blank())).into()
    }
}

impl ToSchema for NotBlank {}

/// A name of at most 200 characters on one line, required (the receiving provider of `$everything`).
pub struct Name200;

impl PartialSchema for Name200 {
    fn schema() -> RefOr<Schema> {
        line(200, true, false, "At most 200 characters on one line").into()
    }
}

impl ToSchema for Name200 {}

/// The fields of a person (`PersonDetails::parse`), for `PersonCreate` and `PersonPatch` (`schema_with`). Each may
/// be `null` (left out or, in a change, cleared) except the preferred name, which a person always has.
pub mod person {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

    use super::{CONTROL, DATE, SPACE, line, nullable_type};

    fn nullable_pattern(pattern: String, description: &str) -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(nullable_type(Type::String))
            .pattern(Some(pattern))
            .description(Some(description))
            .into()
    }

    pub fn preferred_name() -> RefOr<Schema> {
        line(100, true, false, "The name the person goes by: 1 to 100 characters, one line").into()
    }

    pub fn legal_name() -> RefOr<Schema> {
        line(200, false, true, "At most 200 characters, one line").into()
    }

    pub fn pronouns() -> RefOr<Schema> {
        line(40, false, true, "At most 40 characters (`they/them`)").into()
    }

    pub fn date_of_birth() -> RefOr<Schema> {
        nullable_pattern(
            format!(r"^[{SPACE}]*(?:{DATE})?[{SPACE}]*$"),
            "YYYY-MM-DD, from 1900-01-01 to today (a later or earlier date is 422)",
        )
    }

    pub fn preferred_language() -> RefOr<Schema> {
        nullable_pattern(
            format!(r"^[{SPACE}]*(?:[A-Za-z]{{2,3}}(?:-[A-Za-z0-9]{{2,4}})?)?[{SPACE}]*$"),
            "A BCP 47 language tag: a 2–3 letter language, optionally a region or script (`es`, `pt-BR`, `zh-Hant`)",
        )
    }

    pub fn phone() -> RefOr<Schema> {
        nullable_pattern(
            format!(r"^[{SPACE}]*[0-9 +\-().]*[{SPACE}]*$"),
            "A phone number: 10 digits (North American), or `+` and the country code with 8 to 15 digits; spaces, \
             dashes, dots and parentheses are ignored. Stored as E.164.",
        )
    }

    pub fn email() -> RefOr<Schema> {
        let not = format!(r#"{SPACE}{CONTROL}@<>()\[\],;:"\\"#);
        nullable_pattern(
            format!(r"^[{SPACE}]*(?:[^{not}]{{1,64}}@[^.{not}][^{not}]*\.[^{not}]*[^.{not}])?[{SPACE}]*$"),
            "An email address: one `@`, a dotted domain, no spaces (at most 254 bytes, 64 before the `@`)",
        )
    }

    pub fn assigned_coach_id() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(nullable_type(Type::String))
            .description(Some(
                "A coach of the caller's organization, by account id (`\"\"` or `null`: none). Administrators and \
                 supervisors only; another account is 422.",
            ))
            .into()
    }
}

/// A BARC-10 (`POST /api/v1/persons/{id}/assessments`): the instrument's name and its ten answers.
pub mod barc10 {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ArrayBuilder, Schema};

    use super::{integer, one_of};

    pub fn instrument() -> RefOr<Schema> {
        one_of(&["barc10"], "The instrument: the Brief Assessment of Recovery Capital (BARC-10)").into()
    }

    pub fn answers() -> RefOr<Schema> {
        ArrayBuilder::new()
            .items(integer(1, 6, "1 strongly disagree … 6 strongly agree"))
            .min_items(Some(10))
            .max_items(Some(10))
            .description(Some("The ten answers, in the instrument's order"))
            .into()
    }
}

/// An encounter (`POST /api/v1/persons/{id}/encounters`, `Encounter::parse`).
pub mod encounter {
    use pathways_domain::encounter::EncounterType;
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};

    use super::{DATE, SPACE, integer, lines, one_of};

    pub fn date() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*{DATE}[{SPACE}]*$")))
            .description(Some("YYYY-MM-DD: today or up to five years back (another date is 422)"))
            .into()
    }

    pub fn kind() -> RefOr<Schema> {
        one_of(&EncounterType::ALL.map(EncounterType::as_str), "How the encounter happened").into()
    }

    pub fn minutes() -> RefOr<Schema> {
        integer(1, 720, "How long, in minutes").into()
    }

    pub fn topics() -> RefOr<Schema> {
        ArrayBuilder::new()
            .items(ObjectBuilder::new().schema_type(Type::String).max_length(Some(80)).pattern(Some("^[^,\\n]*$")))
            .max_items(Some(20))
            .description(Some("Up to 20 topics of at most 80 characters, without commas or line breaks"))
            .into()
    }

    pub fn notes() -> RefOr<Schema> {
        lines(
            10_000,
            "Notes (at most 10 000 characters): only the author, the assigned coach and supervisors read them",
        )
        .into()
    }
}

/// The categories of information a consent lets go (`consent::Category`).
pub fn consent_categories() -> RefOr<Schema> {
    use pathways_domain::consent::Category;
    ArrayBuilder::new()
        .items(one_of(&Category::ALL.map(Category::as_str), "A category of the person's information"))
        .description(Some("What the consent lets go; counseling_notes only alone"))
        .into()
}

/// Who a consent names as its recipient.
pub fn recipient_kind() -> RefOr<Schema> {
    one_of(
        &["ally", "organization", "person", "general", ""],
        "The kind of recipient (general: treatment, payment and operations); empty when none is named yet, which \
         answers 422 naming `recipient`",
    )
    .into()
}

/// A recovery plan's content (`PlanContent`, checked by `PlanContent::validated`): its pathways, stage, review
/// date and goals, each goal with its steps, supports and progress notes, every text with its bound.
pub mod plan {
    use pathways_domain::dimension::Dimension;
    use pathways_domain::plan::{GoalStatus, MAX_GOALS, MAX_NOTES, MAX_STEPS, MAX_SUPPORTS, Pathway, Stage};
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ArrayBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type};

    use super::{DATE, lines_pattern, nullable_type, one_of};

    /// Text the plan keeps as written, trimmed (line breaks allowed), at most `max` characters; `required`: not
    /// blank.
    fn text(max: usize, required: bool, description: &str) -> ObjectBuilder {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(lines_pattern(max, required)))
            .description(Some(description))
    }

    fn date(nullable: bool, description: &str) -> ObjectBuilder {
        let t = if nullable { nullable_type(Type::String) } else { Type::String.into() };
        ObjectBuilder::new()
            .schema_type(t)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .pattern(Some(format!("^{DATE}$")))
            .description(Some(description))
    }

    fn list(items: ObjectBuilder, max: usize, description: &str) -> ArrayBuilder {
        ArrayBuilder::new().items(items).max_items(Some(max)).description(Some(description))
    }

    fn goal() -> ObjectBuilder {
        let step = ObjectBuilder::new()
            .property("what", text(300, true, "What to do"))
            .property("who", text(100, false, "Who does it"))
            .property("by", date(true, "By when"))
            .property("done", ObjectBuilder::new().schema_type(Type::Boolean))
            .required("what");
        let note = ObjectBuilder::new()
            .property("date", date(false, "The day of the note"))
            .property("text", text(2000, true, "The note"))
            .required("date")
            .required("text");
        ObjectBuilder::new()
            .property(
                "id",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
                    .description(Some("Stable across versions; each goal's own (a repeated id is 422)")),
            )
            .property("dimension", one_of(&Dimension::ALL.map(Dimension::as_str), "The dimension of recovery"))
            .property("text", text(500, true, "The goal, in the person's own words"))
            .property("why", text(1000, false, "Why it matters"))
            .property("strengths", text(1000, false, "Strengths to build on"))
            .property("steps", list(step, MAX_STEPS, "Action steps"))
            .property(
                "supports",
                list(
                    text(200, false, "A person or service that helps"),
                    MAX_SUPPORTS,
                    "Supports (blank ones are dropped)",
                ),
            )
            .property("target_date", date(true, "When the person hopes to reach it"))
            .property("status", one_of(&GoalStatus::ALL.map(GoalStatus::as_str), "Where the goal stands"))
            .property("notes", list(note, MAX_NOTES, "Progress notes"))
            .required("id")
            .required("dimension")
            .required("text")
    }

    pub fn content() -> RefOr<Schema> {
        let stages: Vec<serde_json::Value> =
            Stage::ALL.iter().map(|s| serde_json::json!(s.as_str())).chain([serde_json::Value::Null]).collect();
        ObjectBuilder::new()
            .description(Some("A person-centered recovery plan"))
            .property(
                "pathways",
                ArrayBuilder::new()
                    .items(one_of(&Pathway::ALL.map(Pathway::as_str), "A pathway of recovery"))
                    .description(Some("The pathways the person chose (several at once)")),
            )
            .property("pathway_other", text(200, false, "Words for `other`, when chosen"))
            .property(
                "stage",
                ObjectBuilder::new()
                    .schema_type(nullable_type(Type::String))
                    .enum_values(Some(stages))
                    .description(Some("The stage of recovery")),
            )
            .property("review_date", date(true, "When the plan is to be reviewed"))
            .property("goals", list(goal(), MAX_GOALS, "Goals, by dimension"))
            .into()
    }
}

/// A check-up's answers as stored and returned: the interview's fields (`CheckupCreate`).
pub fn checkup_answers() -> RefOr<Schema> {
    CheckupCreate::schema()
}

/// A referral's packet (`services::referrals`): what the receiving organization sees of the person, and nothing
/// else of the record — the person's contact details, the service, the reason, who referred, and the consent that
/// let it go.
pub fn referral_packet() -> RefOr<Schema> {
    let text = |d: &str| text(d);
    let optional = |d: &str| ObjectBuilder::new().schema_type(nullable_type(Type::String)).description(Some(d));
    let person = ObjectBuilder::new()
        .property("name", text("The name the person goes by"))
        .property("legal_name", optional("Legal name"))
        .property("pronouns", optional("Pronouns"))
        .property("date_of_birth", optional("YYYY-MM-DD"))
        .property("phone", optional("E.164"))
        .property("email", optional("Email"))
        .property("preferred_language", optional("BCP 47 language tag"))
        .required("name");
    let service = ObjectBuilder::new()
        .property("id", text("The directory service's id"))
        .property("name", text("The service"))
        .property("organization", text("Its organization"));
    let from = ObjectBuilder::new()
        .property("organization", text("The referring organization"))
        .property("referred_by", text("The staff member who referred"));
    let consent = ObjectBuilder::new()
        .property("id", text("The consent's id"))
        .property("purpose", text("The purpose the consent names"))
        .property("signed_on", optional("YYYY-MM-DD"))
        .property("expiry", ObjectBuilder::new().description(Some("When the consent ends, as its document says")));
    ObjectBuilder::new()
        .description(Some("What the receiving organization sees"))
        .property("person", person)
        .property("service", service)
        .property("reason", text("Why the person is referred"))
        .property("from", from)
        .property("consent", consent)
        .into()
}

/// A check-up interview (`POST /api/v1/persons/{id}/checkups`).
pub struct CheckupCreate;

impl PartialSchema for CheckupCreate {
    fn schema() -> RefOr<Schema> {
        let barc10 = ArrayBuilder::new()
            .schema_type(nullable_type(Type::Array))
            .items(integer(1, 6, "1 strongly disagree … 6 strongly agree"))
            .min_items(Some(10))
            .max_items(Some(10))
            .description(Some("Optionally, a BARC-10 taken with the check-up: the ten answers in order"));
        let problems = ArrayBuilder::new()
            .items(one_of(&PROBLEMS, "A past-month substance-related problem"))
            .description(Some("Past-month substance-related problems (empty: none), each once"));
        ObjectBuilder::new()
            .description(Some(
                "The Recovery Management Checkup interview. Treatment is needed with weekly use (either day count 13 or more, or \
                 weekly_use_since_last), a past-month problem, or wanting treatment — unless in treatment now.",
            ))
            .property("days_alcohol_90", integer(0, 90, "Days of alcohol use in the past 90 days"))
            .property("days_drugs_90", integer(0, 90, "Days of other drug use in the past 90 days"))
            .property("weekly_use_since_last", boolean("Used weekly or more often since the last check-up"))
            .property("past_month_problems", problems)
            .property("wants_treatment", boolean("Says they need or want treatment"))
            .property("in_treatment", boolean("In treatment now"))
            .property("treatment_status", optional_choice(&TREATMENT_STATUS, "Current treatment"))
            .property("housing", optional_choice(&HOUSING, "Housing stability"))
            .property("work_or_school", optional_choice(&WORK_OR_SCHOOL, "Work or school"))
            .property("justice_involved", optional_boolean("Involved with the justice system (optional)"))
            .property("social_support", optional_choice(&SOCIAL_SUPPORT, "Social support for recovery"))
            .property("barc10", barc10)
            .required("days_alcohol_90")
            .required("days_drugs_90")
            .required("weekly_use_since_last")
            .required("past_month_problems")
            .required("wants_treatment")
            .required("in_treatment")
            .into()
    }
}

impl ToSchema for CheckupCreate {}

/// A self check-in (`POST /api/v1/persons/{id}/checkins`).
pub struct CheckinCreate;

impl PartialSchema for CheckinCreate {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .description(Some("A self check-in. Not safe (safe: false) reaches the coach at once."))
            .property("mood", integer(1, 5, "1 (very low) to 5 (very good)"))
            .property("craving", integer(0, 10, "0 (none) to 10 (strongest)"))
            .property("used_since_last", optional_boolean("Used since the last check-in (no when left out)"))
            .property(
                "use_note",
                lines(1000, "What happened, in the person's words (optional; kept only with used_since_last)"),
            )
            .property(
                "meetings_attended",
                optional_integer(0, 50, "Meetings attended since the last check-in (0 when left out)"),
            )
            .property("supports", line(500, false, false, "Supports the person leaned on, in their words (optional)"))
            .property("safe", boolean("Feels safe right now"))
            .required("mood")
            .required("craving")
            .required("safe")
            .into()
    }
}

impl ToSchema for CheckinCreate {}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use pathways_domain::checkin::RawCheckin;
    use pathways_domain::checkup::RawCheckupAnswers;

    use super::*;

    fn properties(schema: RefOr<Schema>) -> BTreeSet<String> {
        let json = serde_json::to_value(schema).unwrap_or_default();
        json["properties"].as_object().map(|p| p.keys().cloned().collect()).unwrap_or_default()
    }

    fn fields(value: serde_json::Value) -> BTreeSet<String> {
        value.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default()
    }

    #[test]
    fn the_schemas_name_exactly_the_fields_the_domain_reads() {
        assert_eq!(properties(CheckupCreate::schema()), fields(serde_json::json!(RawCheckupAnswers::default())));
        assert_eq!(properties(CheckinCreate::schema()), fields(serde_json::json!(RawCheckin::default())));
    }
}

/// Outcome interviews (issue 17): the answers of the recovery outcomes interview, written from the instrument
/// file Pathways ships (`instruments/recovery-outcomes-interview.toml`), and the body that records one.
pub mod outcome_interview {
    use pathways_domain::outcomes::instrument::Kind;
    use pathways_domain::outcomes::interview::AdministrativeReason;
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Schema, Type};

    use super::{DATE, SPACE, integer, nullable_type, one_of, optional_choice, optional_integer};

    /// The answers, by item id: a count in its range, a code, or the ten BARC-10 answers.
    pub fn answers() -> RefOr<Schema> {
        let instrument = crate::services::interviews::shipped();
        let mut o = ObjectBuilder::new().description(Some(
            "Answers by item id (the shipped interview's items; a later version loaded by an administrator may add \
             items). Unknown items, out-of-range counts and unknown codes are 422, each named; answers to items \
             skipped by an earlier answer are dropped; with complete, every required item not skipped must be given.",
        ));
        for item in instrument.items() {
            // `null` (or "") is an item not answered yet: a partial save keeps what is given.
            let schema: RefOr<Schema> = match item.kind {
                Kind::Count => optional_integer(item.min.unwrap_or(0), item.max.unwrap_or(0), &item.text.en).into(),
                Kind::Choice => {
                    let codes: Vec<&str> = item.codes.iter().map(|c| c.code.as_str()).collect();
                    optional_choice(&codes, &item.text.en).into()
                }
                Kind::Barc10 => OneOfBuilder::new()
                    .item(
                        ArrayBuilder::new()
                            .items(integer(1, 6, "1 strongly disagree … 6 strongly agree"))
                            .min_items(Some(10))
                            .max_items(Some(10)),
                    )
                    .item(ObjectBuilder::new().schema_type(Type::Null))
                    .description(Some("BARC-10: the ten answers, in order (null: not answered yet)"))
                    .into(),
            };
            o = o.property(item.id.clone(), schema);
        }
        o.additional_properties(Some(utoipa::openapi::schema::AdditionalProperties::FreeForm(false))).into()
    }

    pub fn administrative_reason() -> RefOr<Schema> {
        let values: Vec<serde_json::Value> = AdministrativeReason::ALL
            .iter()
            .map(|r| serde_json::json!(r.as_str()))
            .chain([serde_json::Value::Null])
            .collect();
        ObjectBuilder::new()
            .schema_type(nullable_type(Type::String))
            .enum_values(Some(values))
            .description(Some("Instead of answers: why the interview could not be done (it settles the window)"))
            .into()
    }

    pub fn done_on() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(nullable_type(Type::String))
            .pattern(Some(format!(r"^[{SPACE}]*{DATE}[{SPACE}]*$")))
            .description(Some(
                "YYYY-MM-DD, default today: the day it was done, not after today and inside a window of the \
                 person's schedule (else 422 no-window-open)",
            ))
            .into()
    }

    /// The kinds of interview, as stored.
    pub fn kind() -> RefOr<Schema> {
        one_of(&["baseline", "reassessment", "annual", "closeout"], "Which interview of the schedule").into()
    }
}

/// A service event's fields (issue 21: peer services and their financing), as
/// `pathways_domain::financing::event::ServiceEventInput::parse` reads them.
pub mod service_event {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};

    use super::{DATE, SPACE, integer, line};

    pub fn date() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*{DATE}[{SPACE}]*$")))
            .description(Some("YYYY-MM-DD: today or up to two years back (another date is 422)"))
            .into()
    }

    pub fn starts_at() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*(?:[01][0-9]|2[0-3]):[0-5][0-9][{SPACE}]*$")))
            .description(Some("HH:MM, 24-hour local time the service started"))
            .into()
    }

    pub fn minutes() -> RefOr<Schema> {
        integer(1, 720, "How long, in minutes").into()
    }

    pub fn code() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*(?:[A-Za-z][0-9]{{4}})?[{SPACE}]*$")))
            .description(Some("A HCPCS Level II code (a letter and four digits); blank: H0038, self-help/peer services, per 15 minutes"))
            .into()
    }

    pub fn modifiers() -> RefOr<Schema> {
        ArrayBuilder::new()
            .items(ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[A-Za-z0-9]{2}$")))
            .max_items(Some(4))
            .description(Some("Up to four two-character HCPCS modifiers (e.g. HF), as the payer asks"))
            .into()
    }

    pub fn place_of_service() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*(?:0[1-9]|[1-9][0-9])[{SPACE}]*$")))
            .description(Some("A CMS place of service code: two digits, 01 to 99"))
            .into()
    }

    pub fn funding_source() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Uuid)))
            .description(Some("One of the organization's funding sources (another id is 422)"))
            .into()
    }

    pub fn authorization() -> RefOr<Schema> {
        line(40, false, false, "The prior authorization or voucher number, if any").into()
    }

    pub fn reason() -> RefOr<Schema> {
        line(500, true, false, "Why the signed event is corrected (one line, required)").into()
    }

    /// The plan goal a service served (issue 21, sixth pass).
    pub fn goal() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Uuid)))
            .description(Some(
                "The plan goal the service served: one of the goals of the person's current plan (another id is \
                 422). Omitted: none. A correction names it again (omitted: the new version names none).",
            ))
            .into()
    }

    /// The encounter a service was given in (issue 21, sixth pass).
    pub fn encounter() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Uuid)))
            .description(Some(
                "The encounter the service was given in: one of the person's, on the service's date (another \
                 person's is 422 `unknown-choice`, another day's 422 `encounter-other-day`). Omitted: none. A \
                 correction names it again.",
            ))
            .into()
    }

    /// The other persons of a group service (issue 21, fifth pass).
    pub fn group_persons() -> RefOr<Schema> {
        ArrayBuilder::new()
            .items(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Uuid))),
            )
            .max_items(Some(pathways_domain::financing::event::GROUP_OTHERS_MAX))
            .unique_items(true)
            .description(Some(
                "A group service's other persons (the path's person is the first): each one the caller reaches \
                 (another is 422, nothing saved), none twice nor the path's person (422). Not in a correction: \
                 its persons stay the event's (422).",
            ))
            .into()
    }
}

/// How a resident of a recovery residence may pay (issue 19).
pub struct PaymentCode;

impl PartialSchema for PaymentCode {
    fn schema() -> RefOr<Schema> {
        use pathways_domain::housing::Payment;
        codes(Payment::ALL.map(Payment::code), "self_pay or voucher")
    }
}

impl ToSchema for PaymentCode {}

/// Setting up financing (issue 21, second pass): a payer profile, a funding source and a voucher as the API takes
/// them (`pathways_domain::financing::setup` parses them; its bounds are written here).
pub mod funding {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};

    use super::{DATE, SPACE, integer, line, one_of, optional_integer};

    fn code_list(description: &str) -> RefOr<Schema> {
        ArrayBuilder::new()
            .items(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(format!(r"^[{SPACE}]*[A-Za-z][0-9]{{4}}[{SPACE}]*$"))),
            )
            .max_items(Some(20))
            .description(Some(description))
            .into()
    }

    fn uuid(description: &str) -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Uuid)))
            .description(Some(description))
            .into()
    }

    pub fn name() -> RefOr<Schema> {
        line(120, true, false, "The name staff choose it by (one line, required)").into()
    }

    pub fn unit_minutes() -> RefOr<Schema> {
        integer(1, 240, "Minutes in one unit (15 for H0038)").into()
    }

    pub fn rounding() -> RefOr<Schema> {
        one_of(
            &["midpoint", "whole_units"],
            "midpoint: a unit once more than half of it is given, over the day's minutes (CMS Pub. 100-04 ch. 5 \
             §20.2); whole_units: only complete units",
        )
        .into()
    }

    pub fn daily_cap_units() -> RefOr<Schema> {
        optional_integer(1, 1_000, "Most units one person may be billed for one code on one day; null: no cap").into()
    }

    pub fn age() -> RefOr<Schema> {
        optional_integer(0, 120, "An age limit in years; null: none (min_age above max_age is 422)").into()
    }

    pub fn supervision_within_days() -> RefOr<Schema> {
        optional_integer(1, 3_660, "A supervision contact within this many days before the service; null: not required")
            .into()
    }

    pub fn rate_cents() -> RefOr<Schema> {
        integer(0, i64::from(u32::MAX), "The payer's rate for one unit, in cents").into()
    }

    pub fn codes() -> RefOr<Schema> {
        code_list("HCPCS Level II codes (a letter and four digits) the payer accepts; empty: H0038")
    }

    pub fn no_same_day() -> RefOr<Schema> {
        code_list("Codes that may not be billed for the same person on the same day")
    }

    pub fn modifiers() -> RefOr<Schema> {
        ArrayBuilder::new()
            .items(ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[A-Za-z0-9]{2}$")))
            .max_items(Some(20))
            .description(Some("Two-character HCPCS modifiers the payer accepts (e.g. HF)"))
            .into()
    }

    pub fn kind() -> RefOr<Schema> {
        one_of(&["grant", "voucher_program", "payer"], "What kind of funding (fixed once added)").into()
    }

    pub fn profile() -> RefOr<Schema> {
        uuid("One of the organization's payer profiles (another id is 422)")
    }

    pub fn grant_date() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*(?:{DATE})?[{SPACE}]*$")))
            .description(Some(
                "YYYY-MM-DD (2000–2100): a grant's period, required for a grant (the end not before the start), \
                 ignored otherwise",
            ))
            .into()
    }

    pub fn budget_units() -> RefOr<Schema> {
        optional_integer(1, 1_000_000_000, "A grant's budget in units (give this or budget_cents)").into()
    }

    pub fn budget_cents() -> RefOr<Schema> {
        optional_integer(1, 100_000_000_000, "A grant's budget in cents (give this or budget_units)").into()
    }

    pub fn allowed() -> RefOr<Schema> {
        code_list("The services a grant pays for; empty: H0038")
    }

    pub fn voucher_program() -> RefOr<Schema> {
        uuid("One of the organization's voucher programs (another id is 422)")
    }

    pub fn number() -> RefOr<Schema> {
        line(40, true, false, "The voucher's number, unique within its program (one already used is 422)").into()
    }

    pub fn authorized_units() -> RefOr<Schema> {
        integer(1, 10_000, "Units the voucher authorizes (its balance starts there)").into()
    }

    pub fn expires_on() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*{DATE}[{SPACE}]*$")))
            .description(Some("YYYY-MM-DD: today or later, up to 2100"))
            .into()
    }

    /// A voucher's units when changed (fifth pass).
    pub fn changed_units() -> RefOr<Schema> {
        integer(1, 10_000, "Units the voucher authorizes: never fewer than those already used (422)").into()
    }

    /// A voucher's expiry when changed (fifth pass).
    pub fn changed_expiry() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*{DATE}[{SPACE}]*$")))
            .description(Some("YYYY-MM-DD: today or later, up to 2100, or the expiry it has (another is 422)"))
            .into()
    }
}

/// The public calendar's filters (issue 20, `GET /api/v1/calendar`): the codes `pathways_domain::community` reads.
macro_rules! gathering_codes {
    ($($name:ident: $ty:ty, $description:literal;)+) => {$(
        #[doc = $description]
        pub struct $name;

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                codes(<$ty>::ALL.iter().map(|v| v.code()), $description)
            }
        }

        impl ToSchema for $name {}
    )+};
}

gathering_codes! {
    GatheringKindCode: pathways_domain::community::Kind, "A group (meets again and again) or an event (once)";
    GatheringLanguageCode: pathways_domain::community::Language,
        "English, Spanish (each also finds gatherings held in both) or both";
    GatheringAudienceCode: pathways_domain::community::Audience, "Who it is for (a gathering for everyone is `everyone`)";
    GatheringAttendCode: pathways_domain::community::calendar::Attend, "Held in person (it has a place) or online";
    GatheringTimeCode: pathways_domain::community::calendar::TimeOfDay,
        "When it starts on its center's clock: morning (before noon), afternoon (to 17:00), evening";
}

/// A staff member's credential and a supervision contact as the API takes them (issue 21, fifth pass:
/// `pathways_domain::financing::staff` parses them; its bounds are written here).
pub mod staff {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};

    use super::{CONTROL, DATE, SPACE, integer, line};

    pub fn staff_member() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Uuid)))
            .description(Some("A staff member of the caller's organization, in service (another id is 422)"))
            .into()
    }

    pub fn credential_kind() -> RefOr<Schema> {
        line(120, true, false, "What the credential is (a state certification, a recovery coach training …)").into()
    }

    pub fn credential_number() -> RefOr<Schema> {
        line(40, false, false, "Its number, if any").into()
    }

    pub fn issued_on() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*{DATE}[{SPACE}]*$")))
            .description(Some("YYYY-MM-DD: not after today, up to forty years back (another date is 422)"))
            .into()
    }

    pub fn expires_on() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*(?:{DATE})?[{SPACE}]*$")))
            .description(Some("YYYY-MM-DD, not before it was issued (422); blank: it does not expire"))
            .into()
    }

    pub fn held_on() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(format!(r"^[{SPACE}]*{DATE}[{SPACE}]*$")))
            .description(Some("YYYY-MM-DD: today or up to two years back (another date is 422)"))
            .into()
    }

    pub fn minutes() -> RefOr<Schema> {
        integer(1, 480, "How long the contact was, in minutes").into()
    }

    /// Each topic one line of up to 80 characters, without the commas and semicolons a form separates them by.
    pub fn topics() -> RefOr<Schema> {
        let inner = format!("[^{CONTROL},;]");
        let edge = format!("[^{SPACE}{CONTROL},;]");
        let pattern = format!("^[{SPACE}]*(?:{edge}(?:{inner}{{0,78}}{edge})?)?[{SPACE}]*$");
        ArrayBuilder::new()
            .items(ObjectBuilder::new().schema_type(Type::String).pattern(Some(pattern)))
            .max_items(Some(10))
            .description(Some("Up to ten topics (blank ones are left out)"))
            .into()
    }
}

// The public list of Recovery Friendly designations' filter (issue 20, branch rf-api: `GET /api/v1/recovery-friendly`).
gathering_codes! {
    DesignationKindCode: pathways_domain::community::volunteers::DesignationKind,
        "What was designated: a workplace (an employer) or a community (a town or city)";
}

/// The public Recovery Friendly designations and programs as the API gives them (issue 20, branch rf-api): the
/// codes their fields take, every one listed.
pub mod recovery_friendly {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

    fn one_of(values: impl IntoIterator<Item = &'static str>, description: &str) -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(values.into_iter().collect::<Vec<_>>()))
            .description(Some(description))
            .into()
    }

    pub fn kind() -> RefOr<Schema> {
        use pathways_domain::community::volunteers::DesignationKind;
        one_of(
            DesignationKind::ALL.iter().map(|k| k.code()),
            "What was designated: `workplace` (an employer) or `community` (a town or city)",
        )
    }

    pub fn training_kind() -> RefOr<Schema> {
        use pathways_domain::community::naloxone::TrainingKind;
        one_of(TrainingKind::ALL.iter().map(|k| k.code()), "A type of training, as recorded at a center")
    }
}
