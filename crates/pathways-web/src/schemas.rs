//! Schemas for request bodies the domain parses itself (a check-in, a check-up's interview), for the API
//! description: written from the domain's own lists of codes and bounds, so `/api/openapi.json` says exactly what
//! the parser accepts and a client can be generated from it. A test compares their properties with the domain's fields.

use pathways_domain::checkup::{HOUSING, PROBLEMS, SOCIAL_SUPPORT, TREATMENT_STATUS, WORK_OR_SCHOOL};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

fn integer(min: i64, max: i64, description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(min as f64))
        .maximum(Some(max as f64))
        .description(Some(description))
}

fn boolean(description: &str) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::Boolean).description(Some(description))
}

fn text(description: &str) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String).description(Some(description))
}

fn one_of(codes: &[&str], description: &str) -> ObjectBuilder {
    text(description).enum_values(Some(codes.iter().copied()))
}

/// A check-up interview (`POST /api/v1/persons/{id}/checkups`).
pub struct CheckupCreate;

impl PartialSchema for CheckupCreate {
    fn schema() -> RefOr<Schema> {
        let barc10 = ArrayBuilder::new()
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
            .property("treatment_status", one_of(&TREATMENT_STATUS, "Current treatment"))
            .property("housing", one_of(&HOUSING, "Housing stability"))
            .property("work_or_school", one_of(&WORK_OR_SCHOOL, "Work or school"))
            .property("justice_involved", boolean("Involved with the justice system (optional)"))
            .property("social_support", one_of(&SOCIAL_SUPPORT, "Social support for recovery"))
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
            .property("used_since_last", boolean("Used since the last check-in (no when left out)"))
            .property("use_note", text("What happened, in the person's words (optional)"))
            .property(
                "meetings_attended",
                integer(0, 50, "Meetings attended since the last check-in (0 when left out)"),
            )
            .property("supports", text("Supports the person leaned on, in their words (optional)"))
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
