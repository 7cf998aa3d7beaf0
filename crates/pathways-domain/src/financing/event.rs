//! A service event as typed in a form or sent by the API, parsed into valid values (field errors by name).

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{Modifier, PlaceOfService, ServiceCode};
use crate::text::FieldError;

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RawServiceEvent {
    pub date: String,
    /// `HH:MM`, 24-hour.
    pub starts_at: String,
    pub minutes: Option<i64>,
    /// Blank: H0038.
    pub code: String,
    /// Comma- or space-separated in forms.
    pub modifiers: String,
    pub place_of_service: String,
    pub funding_source: String,
    pub authorization: String,
    pub diagnosis_on_file: bool,
    /// The plan goal the service served: a goal's id (blank: none).
    pub goal: String,
    /// The encounter the service was given in: an encounter's id (blank: none).
    pub encounter: String,
}

/// The parsed event (the persons, the staff member and the encounter come from the route and the caller).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceEventInput {
    pub date: NaiveDate,
    pub starts_at: NaiveTime,
    pub minutes: u16,
    pub code: ServiceCode,
    pub modifiers: Vec<Modifier>,
    pub place: PlaceOfService,
    pub funding_source: uuid::Uuid,
    pub authorization: Option<String>,
    pub diagnosis_on_file: bool,
    /// The plan goal it served (whether it is one of the person's goals is [`check_links`]'s to say).
    pub goal: Option<uuid::Uuid>,
    /// The encounter it was given in (whether it is the person's, that day, is [`check_links`]'s to say).
    pub encounter: Option<uuid::Uuid>,
}

impl ServiceEventInput {
    pub fn parse(raw: &RawServiceEvent, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = match NaiveDate::parse_from_str(raw.date.trim(), "%Y-%m-%d") {
            Ok(d) if d <= today && d >= today - chrono::Duration::days(366 * 2) => Some(d),
            Ok(_) => {
                errors.push(FieldError::new("date", "date-out-of-range"));
                None
            }
            Err(_) => {
                errors.push(FieldError::new(
                    "date",
                    if raw.date.trim().is_empty() { "required" } else { "invalid-date" },
                ));
                None
            }
        };
        let starts_at = NaiveTime::parse_from_str(raw.starts_at.trim(), "%H:%M").ok();
        if starts_at.is_none() {
            errors.push(FieldError::new(
                "starts_at",
                if raw.starts_at.trim().is_empty() { "required" } else { "invalid-time" },
            ));
        }
        let minutes = match raw.minutes {
            Some(m) if (1..=720).contains(&m) => u16::try_from(m).ok(),
            Some(_) => {
                errors.push(FieldError::new("minutes", "out-of-range"));
                None
            }
            None => {
                errors.push(FieldError::new("minutes", "required"));
                None
            }
        };
        let code =
            if raw.code.trim().is_empty() { Some(ServiceCode::peer_services()) } else { ServiceCode::parse(&raw.code) };
        if code.is_none() {
            errors.push(FieldError::new("code", "invalid-code"));
        }
        let mut modifiers = Vec::new();
        for m in raw.modifiers.split([',', ' ']).map(str::trim).filter(|m| !m.is_empty()) {
            match Modifier::parse(m) {
                Some(m) if !modifiers.contains(&m) => modifiers.push(m),
                Some(_) => {}
                None => errors.push(FieldError::new("modifiers", "invalid-modifier")),
            }
        }
        if modifiers.len() > 4 {
            // A claim line carries at most four modifiers (CMS-1500 item 24D).
            errors.push(FieldError::new("modifiers", "too-many"));
        }
        let place = PlaceOfService::parse(&raw.place_of_service);
        if place.is_none() {
            errors.push(FieldError::new("place_of_service", "invalid-place"));
        }
        let funding_source = uuid::Uuid::parse_str(raw.funding_source.trim()).ok();
        if funding_source.is_none() {
            errors.push(FieldError::new("funding_source", "required"));
        }
        let authorization = crate::text::optional_text("authorization", &raw.authorization, 40)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let goal = optional_id("goal", &raw.goal).map_err(|e| errors.push(e)).ok().flatten();
        let encounter = optional_id("encounter", &raw.encounter).map_err(|e| errors.push(e)).ok().flatten();
        match (date, starts_at, minutes, code, place, funding_source) {
            (Some(date), Some(starts_at), Some(minutes), Some(code), Some(place), Some(funding_source))
                if errors.is_empty() =>
            {
                Ok(Self {
                    date,
                    starts_at,
                    minutes,
                    code,
                    modifiers,
                    place,
                    funding_source,
                    authorization,
                    diagnosis_on_file: raw.diagnosis_on_file,
                    goal,
                    encounter,
                })
            }
            _ => Err(errors),
        }
    }
}

/// An optional id typed or sent: blank is none; anything but an id is not one of the choices offered.
fn optional_id(field: &'static str, raw: &str) -> Result<Option<uuid::Uuid>, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    uuid::Uuid::parse_str(raw).map(Some).map_err(|_| FieldError::new(field, "unknown-choice"))
}

/// What the record says of the goal and the encounter an event names, for [`check_links`].
#[derive(Clone, Debug, Default)]
pub struct Linkable {
    /// The goals of the person's plan (its current version), and the goal the event already names when it is a
    /// correction (kept even if the plan has dropped it since).
    pub goals: Vec<uuid::Uuid>,
    /// The named encounter's day, when it is one of the person's (in the caller's organization); `None` when it
    /// is not found there.
    pub encounter_on: Option<NaiveDate>,
}

/// Checks the goal and the encounter an event names against the person's record: the goal must be one of the
/// person's plan's, and the encounter one of the person's, on the event's day (a service is billed for the time
/// it was given: an encounter on another day is another service). Every problem, by field.
pub fn check_links(e: &ServiceEventInput, record: &Linkable) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(goal) = e.goal
        && !record.goals.contains(&goal)
    {
        errors.push(FieldError::new("goal", "unknown-choice"));
    }
    if e.encounter.is_some() {
        match record.encounter_on {
            None => errors.push(FieldError::new("encounter", "unknown-choice")),
            Some(day) if day != e.date => errors.push(FieldError::new("encounter", "encounter-other-day")),
            Some(_) => {}
        }
    }
    errors
}

/// Most persons of one group service besides the person whose record it is recorded from: a bound of ours (a
/// claim line per person; no payer's figure is claimed), so a body can't name a caseload at once.
pub const GROUP_OTHERS_MAX: usize = 24;

/// The other persons of a group service, as sent (`group_persons`): each a person's id, at most
/// [`GROUP_OTHERS_MAX`], none twice and none the person the event is recorded from. The list in the order given;
/// whether the caller may reach each is the gate's to say.
pub fn parse_group(raw: &[String], person: crate::PersonId) -> Result<Vec<crate::PersonId>, FieldError> {
    if raw.len() > GROUP_OTHERS_MAX {
        return Err(FieldError::new("group_persons", "too-many"));
    }
    let mut out: Vec<crate::PersonId> = Vec::with_capacity(raw.len());
    for r in raw {
        let id: crate::PersonId = r.trim().parse().map_err(|_| FieldError::new("group_persons", "unknown-choice"))?;
        if id == person || out.contains(&id) {
            return Err(FieldError::new("group_persons", "duplicate"));
        }
        out.push(id);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).expect("date")
    }

    #[test]
    fn parses_an_event_with_the_default_code() {
        let raw = RawServiceEvent {
            date: "2026-11-20".into(),
            starts_at: "09:30".into(),
            minutes: Some(45),
            modifiers: "hf, HF".into(),
            place_of_service: "11".into(),
            funding_source: "0191d5a0-0000-7000-8000-000000000001".into(),
            ..RawServiceEvent::default()
        };
        let e = ServiceEventInput::parse(&raw, today()).expect("valid");
        assert_eq!(e.code.as_str(), "H0038");
        assert_eq!(e.modifiers.iter().map(Modifier::as_str).collect::<Vec<_>>(), ["HF"]);
        assert_eq!(e.authorization, None);
    }

    #[test]
    fn names_every_bad_field() {
        let raw = RawServiceEvent {
            date: "2027-01-01".into(),
            starts_at: "25:00".into(),
            minutes: Some(0),
            code: "PEER".into(),
            modifiers: "H".into(),
            place_of_service: "00".into(),
            ..RawServiceEvent::default()
        };
        let fields: Vec<_> =
            ServiceEventInput::parse(&raw, today()).expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["date", "starts_at", "minutes", "code", "modifiers", "place_of_service", "funding_source"]);
    }

    fn valid() -> ServiceEventInput {
        let raw = RawServiceEvent {
            date: "2026-11-20".into(),
            starts_at: "09:30".into(),
            minutes: Some(45),
            place_of_service: "11".into(),
            funding_source: "0191d5a0-0000-7000-8000-000000000001".into(),
            ..RawServiceEvent::default()
        };
        ServiceEventInput::parse(&raw, today()).expect("valid")
    }

    #[test]
    fn a_goal_and_an_encounter_are_ids_or_blank() {
        let goal = uuid::Uuid::now_v7();
        let raw = RawServiceEvent {
            date: "2026-11-20".into(),
            starts_at: "09:30".into(),
            minutes: Some(45),
            place_of_service: "11".into(),
            funding_source: "0191d5a0-0000-7000-8000-000000000001".into(),
            goal: format!(" {goal} "),
            encounter: "  ".into(),
            ..RawServiceEvent::default()
        };
        let e = ServiceEventInput::parse(&raw, today()).expect("valid");
        assert_eq!((e.goal, e.encounter), (Some(goal), None));
        let bad = RawServiceEvent { goal: "housing".into(), encounter: "12".into(), ..raw };
        let errors: Vec<_> = ServiceEventInput::parse(&bad, today())
            .expect_err("invalid")
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(errors, [("goal", "unknown-choice"), ("encounter", "unknown-choice")]);
    }

    #[test]
    fn a_goal_must_be_the_persons_and_an_encounter_theirs_on_the_services_day() {
        let (goal, other_goal) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        let day = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        let record = Linkable { goals: vec![goal], encounter_on: Some(day) };
        let codes = |e: &ServiceEventInput, r: &Linkable| {
            check_links(e, r).into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>()
        };
        // Nothing named: nothing to check, whatever the record holds.
        assert!(codes(&valid(), &Linkable::default()).is_empty());
        let linked = ServiceEventInput { goal: Some(goal), encounter: Some(uuid::Uuid::now_v7()), ..valid() };
        assert!(codes(&linked, &record).is_empty());
        let foreign = ServiceEventInput { goal: Some(other_goal), ..linked.clone() };
        assert_eq!(codes(&foreign, &record), [("goal", "unknown-choice")]);
        let not_theirs = Linkable { encounter_on: None, ..record.clone() };
        assert_eq!(codes(&linked, &not_theirs), [("encounter", "unknown-choice")]);
        // The encounter the day before the service (or after) is another service's.
        for other in [day.pred_opt().expect("day"), day.succ_opt().expect("day")] {
            let r = Linkable { encounter_on: Some(other), ..record.clone() };
            assert_eq!(codes(&linked, &r), [("encounter", "encounter-other-day")]);
        }
        let both = ServiceEventInput { goal: Some(other_goal), ..linked };
        assert_eq!(codes(&both, &Linkable::default()), [("goal", "unknown-choice"), ("encounter", "unknown-choice")]);
    }

    #[test]
    fn a_groups_other_persons_are_named_once_and_never_the_person_themselves() {
        let me = crate::PersonId::new();
        let (a, b) = (crate::PersonId::new(), crate::PersonId::new());
        assert_eq!(parse_group(&[], me), Ok(Vec::new()));
        assert_eq!(parse_group(&[a.to_string(), format!(" {b} ")], me), Ok(vec![a, b]));
        let code = |r: Result<Vec<crate::PersonId>, FieldError>| r.map_err(|e| (e.field, e.code));
        assert_eq!(code(parse_group(&[me.to_string()], me)), Err(("group_persons", "duplicate")));
        assert_eq!(code(parse_group(&[a.to_string(), a.to_string()], me)), Err(("group_persons", "duplicate")));
        assert_eq!(code(parse_group(&["someone".into()], me)), Err(("group_persons", "unknown-choice")));
        let many: Vec<String> = (0..=GROUP_OTHERS_MAX).map(|_| crate::PersonId::new().to_string()).collect();
        assert_eq!(code(parse_group(&many, me)), Err(("group_persons", "too-many")));
        assert_eq!(parse_group(&many[1..], me).map(|g| g.len()), Ok(GROUP_OTHERS_MAX));
    }

    proptest::proptest! {
        /// Whatever ids are sent, an accepted group holds distinct persons, never the person themselves, within
        /// the bound, in the order sent.
        #[test]
        fn an_accepted_group_is_distinct_and_bounded(picks in proptest::collection::vec(0usize..8, 0..30), me in 0usize..8) {
            let pool: Vec<crate::PersonId> = (0..8).map(|_| crate::PersonId::new()).collect();
            let raw: Vec<String> = picks.iter().map(|i| pool[*i].to_string()).collect();
            if let Ok(group) = parse_group(&raw, pool[me]) {
                proptest::prop_assert!(group.len() <= GROUP_OTHERS_MAX);
                proptest::prop_assert!(!group.contains(&pool[me]));
                let mut distinct = group.clone();
                distinct.sort_by_key(|p| p.as_uuid());
                distinct.dedup();
                proptest::prop_assert_eq!(distinct.len(), group.len());
                proptest::prop_assert_eq!(group.iter().map(|p| p.to_string()).collect::<Vec<_>>(), raw);
            } else {
                let mut ids = picks.clone();
                ids.sort_unstable();
                ids.dedup();
                proptest::prop_assert!(picks.len() > GROUP_OTHERS_MAX || ids.len() < picks.len() || picks.contains(&me));
            }
        }
    }
}
