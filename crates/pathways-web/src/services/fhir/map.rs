//! Pathways records as FHIR R4 resources: pure functions from the store's rows (no IO, no clock — the time is
//! passed in). The table in docs/FHIR.md says what goes where. Every resource carries the 42 CFR Part 2 security
//! labels ([`labelled`]).

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use pathways_domain::barc10;
use pathways_domain::checkup::{self as answers, NeedReason};
use pathways_domain::consent::{Category, ConsentDocument, Expiry, Recipient};
use pathways_domain::plan::GoalStatus;
use pathways_store::model::{Assessment, Checkin, Consent as ConsentRow, Disclosure, Encounter as EncounterRow};
use pathways_store::model::{Checkup, Person, Referral};
use pathways_store::plans::PlanRecord;

use super::model::*;

/// The one base URL of Pathways' own FHIR naming: its CodeSystems (`{BASE}/CodeSystem/…`), its Questionnaires'
/// canonical URLs (`{BASE}/Questionnaire/…`) and its identifier systems (`{BASE}/sid/…`). A placeholder domain
/// (`.example` is reserved, RFC 2606): the codes are Pathways' own, and a receiving system reads them as such.
pub const BASE: &str = "https://pathways.example/fhir";

/// The SAMHSA dimension of a goal (`health`, `home`, `purpose`, `community`).
pub fn dimension_system() -> String {
    format!("{BASE}/CodeSystem/recovery-dimension")
}
/// Pathways' measures: `barc-10-total` (no LOINC code exists for the BARC-10 total).
pub fn measure_system() -> String {
    format!("{BASE}/CodeSystem/measure")
}
/// The consent categories of `pathways_domain::consent::Category`.
pub fn consent_category_system() -> String {
    format!("{BASE}/CodeSystem/consent-category")
}
pub fn encounter_kind_system() -> String {
    format!("{BASE}/CodeSystem/encounter-kind")
}
pub fn disclosure_channel_system() -> String {
    format!("{BASE}/CodeSystem/disclosure-channel")
}
pub fn record_kind_system() -> String {
    format!("{BASE}/CodeSystem/record-kind")
}
pub fn person_id_system() -> String {
    format!("{BASE}/sid/person")
}
pub fn barc10_url() -> String {
    format!("{BASE}/Questionnaire/barc-10")
}
pub fn checkin_url() -> String {
    format!("{BASE}/Questionnaire/checkin")
}
pub fn checkup_url() -> String {
    format!("{BASE}/Questionnaire/checkup")
}
/// The answer codes of one of the check-up interview's `choice` questions (`{BASE}/CodeSystem/checkup-{question}`):
/// Pathways' own codes, as the interview stores them (`pathways_domain::checkup::answers`).
pub fn checkup_answer_system(question: &str) -> String {
    format!("{BASE}/CodeSystem/checkup-{question}")
}

pub const ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
pub const CONFIDENTIALITY: &str = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const UCUM: &str = "http://unitsofmeasure.org";

/// The 42 CFR Part 2 labels every resource carries: the policy (`42CFRPart2`) and restricted confidentiality (`R`).
pub fn part2_labels() -> Vec<Coding> {
    vec![Coding::new(ACT_CODE, "42CFRPart2", "42 CFR Part2"), Coding::new(CONFIDENTIALITY, "R", "restricted")]
}

/// A `meta` with the Part 2 labels (and the time the record last changed, when known).
pub fn labelled(last_updated: Option<DateTime<Utc>>) -> Option<Meta> {
    Some(Meta { last_updated: last_updated.map(instant), profile: Vec::new(), security: part2_labels() })
}

/// An instant as FHIR writes it (UTC, whole seconds).
pub fn instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn patient_ref(person: uuid::Uuid) -> Reference {
    Reference::to("Patient", &person.to_string())
}

/// The person, shaped as US Core Patient asks (identifier, name, gender — `unknown`: Pathways does not ask for it —,
/// birthDate, telecom, communication). Pronouns have no core element and are left out.
pub fn patient(p: &Person, org_name: &str) -> Patient {
    let mut name =
        vec![HumanName { use_: Some("usual".into()), text: Some(p.preferred_name.clone()), ..HumanName::default() }];
    if let Some(legal) = p.legal_name.as_deref().filter(|l| !l.trim().is_empty()) {
        let mut parts: Vec<String> = legal.split_whitespace().map(str::to_owned).collect();
        let family = parts.pop();
        name.push(HumanName { use_: Some("official".into()), text: Some(legal.to_owned()), family, given: parts });
    }
    let mut telecom = Vec::new();
    if let Some(phone) = p.phone.as_deref().filter(|v| !v.is_empty()) {
        telecom.push(ContactPoint { system: Some("phone".into()), value: Some(phone.to_owned()) });
    }
    if let Some(email) = p.email.as_deref().filter(|v| !v.is_empty()) {
        telecom.push(ContactPoint { system: Some("email".into()), value: Some(email.to_owned()) });
    }
    let communication = p
        .preferred_language
        .as_deref()
        .filter(|l| !l.is_empty())
        .map(|l| PatientCommunication {
            language: CodeableConcept::coded(Coding::new("urn:ietf:bcp:47", l, "")),
            preferred: Some(true),
        })
        .into_iter()
        .collect();
    Patient {
        id: Some(p.id.to_string()),
        meta: labelled(Some(p.updated_at)),
        identifier: vec![Identifier { system: Some(person_id_system()), value: Some(p.id.to_string()) }],
        active: Some(true),
        name,
        telecom,
        gender: Some("unknown".into()),
        birth_date: p.date_of_birth.map(date),
        communication,
        managing_organization: Some(Reference::display(org_name)),
    }
}

/// A goal's FHIR lifecycle status.
pub fn goal_lifecycle(s: GoalStatus) -> &'static str {
    match s {
        GoalStatus::NotStarted => "planned",
        GoalStatus::InProgress => "active",
        GoalStatus::Achieved => "completed",
        GoalStatus::SetAside => "on-hold",
    }
}

/// The current recovery plan as a CarePlan (activities from the goals' action steps) and one Goal per goal, in the
/// person's words. The plan's and goals' private notes are not exported.
pub fn care_plan(person: uuid::Uuid, plan: &PlanRecord) -> (CarePlan, Vec<Goal>) {
    let subject = patient_ref(person);
    let mut goals = Vec::new();
    let mut activity = Vec::new();
    for g in &plan.content.goals {
        let gref = Reference::to("Goal", &g.id.to_string());
        for s in &g.steps {
            activity.push(CarePlanActivity {
                detail: CarePlanDetail {
                    status: if s.done { "completed".into() } else { "not-started".into() },
                    description: Some(s.what.clone()),
                    goal: vec![gref.clone()],
                    scheduled_string: s.by.map(|d| format!("by {}", date(d))),
                    performer: (!s.who.trim().is_empty())
                        .then(|| Reference::display(s.who.clone()))
                        .into_iter()
                        .collect(),
                },
            });
        }
        goals.push(Goal {
            id: Some(g.id.to_string()),
            meta: labelled(Some(plan.created_at)),
            lifecycle_status: goal_lifecycle(g.status).into(),
            achievement_status: (g.status == GoalStatus::Achieved).then(|| {
                CodeableConcept::coded(Coding::new(
                    "http://terminology.hl7.org/CodeSystem/goal-achievement",
                    "achieved",
                    "Achieved",
                ))
            }),
            category: vec![CodeableConcept::coded(Coding::new(
                &dimension_system(),
                g.dimension.as_str(),
                g.dimension.as_str(),
            ))],
            description: CodeableConcept::text(g.text.clone()),
            subject: subject.clone(),
            target: g.target_date.map(|d| GoalTarget { due_date: Some(date(d)) }).into_iter().collect(),
        });
    }
    let plan = CarePlan {
        id: Some(person.to_string()),
        meta: labelled(Some(plan.created_at)),
        status: "active".into(),
        intent: "plan".into(),
        category: vec![CodeableConcept::coded(Coding::new(&record_kind_system(), "recovery-plan", "Recovery plan"))],
        title: Some(format!("Recovery plan, version {}", plan.version)),
        subject,
        period: Some(Period { start: Some(instant(plan.created_at)), end: None }),
        created: Some(instant(plan.created_at)),
        goal: goals.iter().map(|g| Reference::to("Goal", g.id.as_deref().unwrap_or_default())).collect(),
        activity,
    };
    (plan, goals)
}

/// The BARC-10 instrument, with its citation. `statement(i)` gives statement `i` (0-based) in the reader's language.
pub fn barc10_questionnaire(statement: impl Fn(usize) -> String) -> Questionnaire {
    Questionnaire {
        id: Some("barc-10".into()),
        meta: labelled(None),
        url: Some(barc10_url()),
        name: Some("BARC10".into()),
        title: Some("Brief Assessment of Recovery Capital (BARC-10)".into()),
        status: "active".into(),
        description: Some(
            "Ten statements, each answered from 1 (strongly disagree) to 6 (strongly agree); the total runs from 10 \
             to 60, and 47 or more was associated with sustained remission. Source: Vilsaint CL, Kelly JF, Bergman \
             BG, Groshkova T, Best D, White W. Development and validation of a Brief Assessment of Recovery Capital \
             (BARC-10) for alcohol and drug use disorder. Drug and Alcohol Dependence 2017;177:71-76."
                .into(),
        ),
        copyright: Some("Free to use (Vilsaint et al. 2017).".into()),
        item: (0..barc10::ITEMS)
            .map(|i| QuestionnaireItem {
                link_id: (i + 1).to_string(),
                text: Some(statement(i)),
                type_: "integer".into(),
                required: Some(true),
                ..QuestionnaireItem::default()
            })
            .collect(),
    }
}

/// One BARC-10 as its QuestionnaireResponse and an Observation of the total (Pathways' own code: no LOINC code
/// exists for it).
pub fn assessment(a: &Assessment) -> (QuestionnaireResponse, Observation) {
    let answers: Vec<i64> = serde_json::from_value(a.answers.clone()).unwrap_or_default();
    let qr_id = a.id.to_string();
    let qr = QuestionnaireResponse {
        id: Some(qr_id.clone()),
        meta: labelled(Some(a.taken_at)),
        questionnaire: Some(barc10_url()),
        status: "completed".into(),
        subject: Some(patient_ref(a.person_id)),
        authored: Some(instant(a.taken_at)),
        item: answers
            .iter()
            .enumerate()
            .map(|(i, v)| ResponseItem {
                link_id: (i + 1).to_string(),
                text: None,
                answer: vec![Answer { value_integer: Some(*v), ..Answer::default() }],
            })
            .collect(),
    };
    let obs = Observation {
        id: Some(format!("{qr_id}-total")),
        meta: labelled(Some(a.taken_at)),
        status: "final".into(),
        category: vec![CodeableConcept::coded(Coding::new(OBSERVATION_CATEGORY, "survey", "Survey"))],
        code: CodeableConcept {
            coding: vec![Coding::new(&measure_system(), "barc-10-total", "BARC-10 total score")],
            text: Some("BARC-10 total".into()),
        },
        subject: Some(patient_ref(a.person_id)),
        effective_date_time: Some(instant(a.taken_at)),
        value_integer: Some(i64::from(a.total)),
        interpretation: Vec::new(),
        derived_from: vec![Reference::to("QuestionnaireResponse", &qr_id)],
    };
    (qr, obs)
}

/// The check-in form: mood and craving (1–5), use since the last check-in, meetings attended, feeling safe, and —
/// in the person's own copy only — their words.
pub fn checkin_questionnaire() -> Questionnaire {
    let item = |id: &str, text: &str, t: &str| QuestionnaireItem {
        link_id: id.into(),
        text: Some(text.into()),
        type_: t.into(),
        ..QuestionnaireItem::default()
    };
    Questionnaire {
        id: Some("checkin".into()),
        meta: labelled(None),
        url: Some(checkin_url()),
        name: Some("PathwaysCheckin".into()),
        title: Some("Pathways check-in".into()),
        status: "active".into(),
        description: Some("A short check-in the person fills in between meetings with their coach.".into()),
        copyright: None,
        item: vec![
            item("mood", "Mood (1 to 5)", "integer"),
            item("craving", "Craving (1 to 5)", "integer"),
            item("used", "Used since the last check-in", "boolean"),
            item("meetings", "Meetings attended", "integer"),
            item("safe", "Feels safe", "boolean"),
            item("use-note", "About the use (the person's words)", "string"),
            item("supports", "Supports (the person's words)", "string"),
        ],
    }
}

/// One check-in. `words`: include the person's free text (their own copy), never in an export.
pub fn checkin(c: &Checkin, words: bool) -> QuestionnaireResponse {
    let int = |id: &str, v: i16| ResponseItem {
        link_id: id.into(),
        text: None,
        answer: vec![Answer { value_integer: Some(i64::from(v)), ..Answer::default() }],
    };
    let boolean = |id: &str, v: bool| ResponseItem {
        link_id: id.into(),
        text: None,
        answer: vec![Answer { value_boolean: Some(v), ..Answer::default() }],
    };
    let mut item = vec![
        int("mood", c.mood),
        int("craving", c.craving),
        boolean("used", c.used_since_last),
        int("meetings", c.meetings_attended),
        boolean("safe", c.safe),
    ];
    if words {
        for (id, v) in [("use-note", &c.use_note), ("supports", &c.supports)] {
            if let Some(v) = v.as_deref().filter(|v| !v.trim().is_empty()) {
                item.push(ResponseItem {
                    link_id: id.into(),
                    text: None,
                    answer: vec![Answer { value_string: Some(v.to_owned()), ..Answer::default() }],
                });
            }
        }
    }
    QuestionnaireResponse {
        id: Some(c.id.to_string()),
        meta: labelled(Some(c.created_at)),
        questionnaire: Some(checkin_url()),
        status: "completed".into(),
        subject: Some(patient_ref(c.person_id)),
        authored: Some(instant(c.created_at)),
        item,
    }
}

/// The check-up interview's `choice` questions: (link id, the locale key of its question, its answer codes, the
/// locale key prefix of each answer's words, whether several answers may be given).
const CHECKUP_CHOICES: [(&str, &str, &[&str], &str, bool); 5] = [
    ("past-month-problems", "field-past-month-problems", &answers::PROBLEMS, "checkup-problem-", true),
    ("treatment-status", "field-treatment-status", &answers::TREATMENT_STATUS, "checkup-treatment-", false),
    ("housing", "field-housing", &answers::HOUSING, "checkup-housing-", false),
    ("work-or-school", "field-work-or-school", &answers::WORK_OR_SCHOOL, "checkup-work-", false),
    ("social-support", "field-social-support", &answers::SOCIAL_SUPPORT, "checkup-support-", false),
];

/// The need-for-treatment rule's reasons, as the check-ups store them.
const NEED_REASONS: [NeedReason; 4] =
    [NeedReason::WeeklyUse, NeedReason::PastMonthProblems, NeedReason::WantsTreatment, NeedReason::AlreadyInTreatment];

/// The recovery check-up interview as a Questionnaire, in the reader's language (`t` looks a locale key up): the
/// questions the interview asks and, read-only, what the need-for-treatment rule made of them.
pub fn checkup_questionnaire(t: &dyn Fn(&str) -> String) -> Questionnaire {
    let asked = |id: &str, key: &str, type_: &str| QuestionnaireItem {
        link_id: id.into(),
        text: Some(t(key)),
        type_: type_.into(),
        required: Some(true),
        ..QuestionnaireItem::default()
    };
    let coding =
        |question: &str, code: &str, words: String| Coding::new(&checkup_answer_system(question), code, &words);
    let mut item = vec![
        asked("days-alcohol-90", "field-days-alcohol-90", "integer"),
        asked("days-drugs-90", "field-days-drugs-90", "integer"),
        asked("weekly-use-since-last", "field-weekly-use-since-last", "boolean"),
        asked("wants-treatment", "field-wants-treatment", "boolean"),
        asked("in-treatment", "field-in-treatment", "boolean"),
        QuestionnaireItem { required: None, ..asked("justice-involved", "checkup-justice", "boolean") },
    ];
    for (id, key, codes, words, repeats) in CHECKUP_CHOICES {
        item.push(QuestionnaireItem {
            // Optional: "not asked" is an answer the interview allows; no problem ticked means none.
            required: None,
            repeats: repeats.then_some(true),
            answer_option: codes
                .iter()
                .map(|c| AnswerOption { value_coding: coding(id, c, t(&format!("{words}{}", c.replace('_', "-")))) })
                .collect(),
            ..asked(id, key, "choice")
        });
    }
    item.push(QuestionnaireItem {
        read_only: Some(true),
        ..asked("needs-treatment", "checkup-needs-treatment", "boolean")
    });
    item.push(QuestionnaireItem {
        required: None,
        read_only: Some(true),
        repeats: Some(true),
        answer_option: NEED_REASONS
            .iter()
            .map(|r| AnswerOption {
                value_coding: coding(
                    "need-reason",
                    r.as_str(),
                    t(&format!("checkup-reason-{}", r.as_str().replace('_', "-"))),
                ),
            })
            .collect(),
        ..asked("need-reasons", "checkup-needs-treatment", "choice")
    });
    Questionnaire {
        id: Some("checkup".into()),
        meta: labelled(None),
        url: Some(checkup_url()),
        name: Some("PathwaysRecoveryCheckup".into()),
        title: Some("Pathways recovery check-up".into()),
        status: "active".into(),
        description: Some(
            "The recovery management check-up interview and its need-for-treatment rule: weekly or more frequent \
             use (13 or more days of alcohol or other drug use in the past 90 days, or saying so), any past-month \
             substance-related problem, or saying they need or want treatment, unless already in treatment. \
             Sources: Dennis ML, Scott CK, Funk R. An experimental evaluation of recovery management checkups (RMC) \
             for people with chronic substance use disorders. Evaluation and Program Planning 2003;26(3):339-352. \
             Scott CK, Dennis ML. Results from two randomized clinical trials evaluating the impact of quarterly \
             recovery management checkups with adult chronic substance users. Addiction 2009;104(6):959-971."
                .into(),
        ),
        copyright: None,
        item,
    }
}

/// One check-up interview as a QuestionnaireResponse of [`checkup_questionnaire`]: the answers as given (questions
/// not asked are left out) and the rule's result. The BARC-10 taken with it is its own response
/// ([`assessment`]). A stored interview that no longer reads as one gives only the rule's result.
pub fn checkup(c: &Checkup) -> QuestionnaireResponse {
    let one = |id: &str, a: Answer| ResponseItem { link_id: id.into(), text: None, answer: vec![a] };
    let int = |id: &str, v: u8| one(id, Answer { value_integer: Some(i64::from(v)), ..Answer::default() });
    let boolean = |id: &str, v: bool| one(id, Answer { value_boolean: Some(v), ..Answer::default() });
    let code = |question: &str, c: &str| Answer {
        value_coding: Some(Coding::new(&checkup_answer_system(question), c, "")),
        ..Answer::default()
    };
    let mut item = Vec::new();
    if let Ok(a) = serde_json::from_value::<answers::CheckupAnswers>(c.answers.clone()) {
        item.push(int("days-alcohol-90", a.days_alcohol_90));
        item.push(int("days-drugs-90", a.days_drugs_90));
        item.push(boolean("weekly-use-since-last", a.weekly_use_since_last));
        item.push(boolean("wants-treatment", a.wants_treatment));
        item.push(boolean("in-treatment", a.in_treatment));
        if let Some(j) = a.justice_involved {
            item.push(boolean("justice-involved", j));
        }
        if !a.past_month_problems.is_empty() {
            item.push(ResponseItem {
                link_id: "past-month-problems".into(),
                text: None,
                answer: a.past_month_problems.iter().map(|p| code("past-month-problems", p)).collect(),
            });
        }
        for (id, v) in [
            ("treatment-status", &a.treatment_status),
            ("housing", &a.housing),
            ("work-or-school", &a.work_or_school),
            ("social-support", &a.social_support),
        ] {
            if let Some(v) = v {
                item.push(one(id, code(id, v)));
            }
        }
    }
    item.push(boolean("needs-treatment", c.needs_treatment));
    let reasons: Vec<Answer> =
        c.reasons.split(',').map(str::trim).filter(|r| !r.is_empty()).map(|r| code("need-reason", r)).collect();
    if !reasons.is_empty() {
        item.push(ResponseItem { link_id: "need-reasons".into(), text: None, answer: reasons });
    }
    QuestionnaireResponse {
        id: Some(c.id.to_string()),
        meta: labelled(Some(c.completed_at)),
        questionnaire: Some(checkup_url()),
        status: "completed".into(),
        subject: Some(patient_ref(c.person_id)),
        authored: Some(instant(c.completed_at)),
        item,
    }
}

/// One encounter: its kind, date and minutes (and topics as reasons). Its notes are never exported here.
pub fn encounter(e: &EncounterRow) -> Encounter {
    let class = match e.kind.as_str() {
        "phone" | "text" | "video" => Coding::new(ACT_CODE, "VR", "virtual"),
        _ => Coding::new(ACT_CODE, "AMB", "ambulatory"),
    };
    let topics: Vec<String> = serde_json::from_value(e.topics.clone()).unwrap_or_default();
    Encounter {
        id: Some(e.id.to_string()),
        meta: labelled(Some(e.created_at)),
        status: "finished".into(),
        class,
        type_: vec![CodeableConcept::coded(Coding::new(&encounter_kind_system(), &e.kind, ""))],
        subject: Some(patient_ref(e.person_id)),
        period: Some(Period { start: Some(date(e.occurred_on)), end: Some(date(e.occurred_on)) }),
        length: Some(Duration {
            value: f64::from(e.minutes),
            unit: "min".into(),
            system: UCUM.into(),
            code: "min".into(),
        }),
        reason_code: topics.into_iter().map(CodeableConcept::text).collect(),
        service_provider: None,
    }
}

/// A coach's notes of an encounter as a `DocumentReference` (plain text, base64), only for an export a consent
/// naming counseling notes allows (§2.31(b): such a consent names nothing else, so the notes may travel without the
/// encounter summaries — `with_encounter` says whether the Encounter is in the same Bundle to point at). `None` when
/// the encounter has no notes.
pub fn counseling_note(e: &EncounterRow, with_encounter: bool) -> Option<DocumentReference> {
    use base64::Engine as _;
    let notes = e.notes.as_deref().map(str::trim).filter(|n| !n.is_empty())?;
    Some(DocumentReference {
        id: Some(format!("{}-notes", e.id)),
        meta: labelled(Some(e.created_at)),
        status: "current".into(),
        type_: Some(CodeableConcept::coded(Coding::new(&record_kind_system(), "counseling-note", "Counseling note"))),
        subject: Some(patient_ref(e.person_id)),
        date: Some(instant(e.created_at)),
        description: None,
        content: vec![DocumentContent {
            attachment: Attachment {
                content_type: Some("text/plain; charset=utf-8".into()),
                language: None,
                data: Some(base64::engine::general_purpose::STANDARD.encode(notes)),
                title: None,
            },
        }],
        context: Some(DocumentContext {
            encounter: if with_encounter { vec![Reference::to("Encounter", &e.id.to_string())] } else { Vec::new() },
            period: Some(Period { start: Some(date(e.occurred_on)), end: Some(date(e.occurred_on)) }),
        }),
    })
}

/// The ServiceRequest's status for a referral's (FHIR Task) status.
pub fn service_request_status(task_status: &str) -> &'static str {
    match task_status {
        "completed" => "completed",
        "rejected" | "cancelled" | "failed" => "revoked",
        _ => "active",
    }
}

/// A referral as a ServiceRequest (what was asked, of whom, why) and the Task that tracks it, shaped after the SDOH
/// Clinical Care referral profiles. A closed loop (completed, or a reason given) is the Task's `output`.
pub fn referral(r: &Referral, from_org: &str) -> (ServiceRequest, Task) {
    let id = r.id.to_string();
    let sr = ServiceRequest {
        id: Some(id.clone()),
        meta: labelled(Some(r.updated_at)),
        status: service_request_status(&r.status).into(),
        intent: "order".into(),
        category: vec![CodeableConcept::coded(Coding::new(&record_kind_system(), "referral", "Referral"))],
        code: Some(CodeableConcept::text(r.service_name.clone())),
        subject: patient_ref(r.person_id),
        authored_on: Some(instant(r.created_at)),
        requester: Some(Reference::display(from_org)),
        performer: vec![Reference::display(r.to_name.clone())],
        reason_code: vec![CodeableConcept::text(r.reason.clone())],
        supporting_info: vec![Reference::to("Consent", &r.consent_id.to_string())],
    };
    let closed = matches!(r.status.as_str(), "completed" | "rejected" | "failed" | "cancelled");
    let task = Task {
        id: Some(id.clone()),
        meta: labelled(Some(r.updated_at)),
        based_on: vec![Reference::to("ServiceRequest", &id)],
        status: r.status.clone(),
        status_reason: r.status_reason.clone().filter(|s| !s.trim().is_empty()).map(CodeableConcept::text),
        intent: "order".into(),
        code: Some(CodeableConcept::coded(Coding::new(
            "http://hl7.org/fhir/CodeSystem/task-code",
            "fulfill",
            "Fulfill the focal request",
        ))),
        focus: Some(Reference::to("ServiceRequest", &id)),
        for_: Some(patient_ref(r.person_id)),
        authored_on: Some(instant(r.created_at)),
        last_modified: Some(instant(r.updated_at)),
        requester: Some(Reference::display(from_org)),
        owner: Some(Reference::display(r.to_name.clone())),
        output: closed
            .then(|| TaskOutput {
                type_: CodeableConcept::coded(Coding::new(&record_kind_system(), "referral-outcome", "Outcome")),
                value_string: match &r.status_reason {
                    Some(why) if !why.trim().is_empty() => format!("{}: {why}", r.status),
                    _ => r.status.clone(),
                },
            })
            .into_iter()
            .collect(),
    };
    (sr, task)
}

fn recipient_words(r: &Recipient) -> String {
    match r {
        Recipient::Ally { name, .. } | Recipient::Organization { name, .. } | Recipient::Person { name } => {
            name.clone()
        }
        Recipient::General => {
            "my treating providers, health plans, third-party payers, and people helping to operate this program".into()
        }
    }
}

/// A consent (the FAST Consent Management IG's shape): active while in force, inactive once revoked, ended or
/// past its date; the §2.31 elements as the provision (recipient, purpose, period, categories) and the document as
/// signed (every statement, in the words shown) as the attachment.
pub fn consent(c: &ConsentRow, doc: &ConsentDocument, today: NaiveDate) -> Consent {
    let over = c.revoked_at.is_some() || c.ended_at.is_some() || c.expires_on.is_some_and(|d| d < today);
    use base64::Engine as _;
    let document = serde_json::to_vec(doc).unwrap_or_default();
    let end = match &doc.expiry {
        Expiry::On(d) => Some(date(*d)),
        _ => None,
    };
    let mut purpose = Vec::new();
    if doc.tpo {
        purpose.push(Coding::new("http://terminology.hl7.org/CodeSystem/v3-ActReason", "TREAT", "treatment"));
    }
    Consent {
        id: Some(c.id.to_string()),
        meta: labelled(Some(c.revoked_at.or(c.ended_at).unwrap_or(c.recorded_at))),
        status: if over { "inactive".into() } else { "active".into() },
        scope: CodeableConcept::coded(Coding::new(
            "http://terminology.hl7.org/CodeSystem/consentscope",
            "patient-privacy",
            "Privacy Consent",
        )),
        category: vec![CodeableConcept::coded(Coding::new(ACT_CODE, "IDSCL", "information disclosure"))],
        patient: Some(patient_ref(c.person_id)),
        date_time: Some(date(c.signed_on)),
        organization: vec![Reference::display(doc.disclosing_party.clone())],
        source_attachment: Some(Attachment {
            content_type: Some("application/json".into()),
            language: None,
            data: Some(base64::engine::general_purpose::STANDARD.encode(document)),
            title: Some(format!("Consent as signed ({}), with the purpose: {}", c.signature_kind, doc.purpose)),
        }),
        policy_rule: Some(CodeableConcept::coded(Coding::new(ACT_CODE, "42CFRPart2", "42 CFR Part2"))),
        provision: Some(ConsentProvision {
            type_: Some("permit".into()),
            period: Some(Period { start: Some(date(c.signed_on)), end }),
            actor: vec![ConsentActor {
                role: CodeableConcept::coded(Coding::new(
                    "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                    "IRCP",
                    "information recipient",
                )),
                reference: Reference::display(recipient_words(&doc.recipient)),
            }],
            purpose,
            code: doc.categories.iter().map(|k| category_concept(*k)).collect(),
        }),
    }
}

/// A consent category as a concept of Pathways' CodeSystem.
pub fn category_concept(k: Category) -> CodeableConcept {
    CodeableConcept::coded(Coding::new(&consent_category_system(), k.as_str(), ""))
}

/// One entry of the accounting of disclosures as an AuditEvent.
pub fn disclosure(d: &Disclosure) -> AuditEvent {
    AuditEvent {
        id: Some(d.id.to_string()),
        meta: labelled(Some(d.at)),
        type_: Coding::new(&record_kind_system(), "disclosure", "Disclosure"),
        subtype: vec![Coding::new(&disclosure_channel_system(), &d.channel, "")],
        action: Some("R".into()),
        recorded: instant(d.at),
        outcome: Some("0".into()),
        purpose_of_event: vec![CodeableConcept::text(d.purpose.clone())],
        agent: vec![AuditAgent {
            type_: Some(CodeableConcept::coded(Coding::new(
                "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                "IRCP",
                "information recipient",
            ))),
            who: Some(Reference::display(d.recipient_name.clone())),
            requestor: false,
        }],
        source: AuditSource { observer: Reference::display("Pathways") },
        entity: vec![
            AuditEntity { what: Some(patient_ref(d.person_id)), description: Some(d.summary.clone()) },
            AuditEntity {
                what: Some(Reference::to("Consent", &d.consent_id.to_string())),
                description: Some(format!("categories: {}", d.categories)),
            },
        ],
    }
}

/// Who made the record: the organization, for every resource in `targets`.
pub fn provenance(id: &str, targets: Vec<Reference>, org_name: &str, now: DateTime<Utc>) -> Provenance {
    Provenance {
        id: Some(id.to_owned()),
        meta: labelled(Some(now)),
        target: targets,
        recorded: instant(now),
        activity: None,
        agent: vec![ProvenanceAgent {
            type_: Some(CodeableConcept::coded(Coding::new(
                "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                "custodian",
                "Custodian",
            ))),
            who: Reference::display(org_name),
        }],
    }
}

/// An OperationOutcome with one issue.
pub fn outcome(severity: &str, code: &str, diagnostics: impl Into<String>) -> OperationOutcome {
    OperationOutcome {
        id: None,
        meta: labelled(None),
        issue: vec![Issue {
            severity: severity.into(),
            code: code.into(),
            details: None,
            diagnostics: Some(diagnostics.into()),
            expression: Vec::new(),
        }],
    }
}

/// A Bundle's entry for a resource, with its full URL under `base` (e.g. `https://host/fhir/r4`).
pub fn entry(base: &str, r: Resource) -> BundleEntry {
    let full_url = r.id().map(|id| format!("{base}/{}/{id}", r.type_name()));
    BundleEntry { full_url, resource: r, search: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_statuses_are_fhir_lifecycle_codes() {
        let codes = [
            "proposed",
            "planned",
            "accepted",
            "active",
            "on-hold",
            "completed",
            "cancelled",
            "entered-in-error",
            "rejected",
        ];
        for s in GoalStatus::ALL {
            assert!(codes.contains(&goal_lifecycle(s)), "{s:?}");
        }
    }

    #[test]
    fn every_label_names_part2_and_restricted() {
        let l = part2_labels();
        assert!(l.iter().any(|c| c.system.as_deref() == Some(ACT_CODE) && c.code.as_deref() == Some("42CFRPart2")));
        assert!(l.iter().any(|c| c.system.as_deref() == Some(CONFIDENTIALITY) && c.code.as_deref() == Some("R")));
    }

    #[test]
    fn closed_referrals_revoke_or_complete_the_request() {
        assert_eq!(service_request_status("completed"), "completed");
        for s in ["rejected", "cancelled", "failed"] {
            assert_eq!(service_request_status(s), "revoked");
        }
        for s in ["requested", "received", "accepted", "in-progress"] {
            assert_eq!(service_request_status(s), "active");
        }
    }

    #[test]
    fn the_barc10_questionnaire_cites_its_source_and_has_ten_items() {
        let q = barc10_questionnaire(|i| format!("statement {i}"));
        assert_eq!(q.item.len(), 10);
        let d = q.description.expect("a description");
        assert!(d.contains("Vilsaint") && d.contains("177:71-76"), "{d}");
    }
}
