//! FHIR R4 (issue 18): a person's record as FHIR resources — their own copy (`/me/record`), the consent-gated export
//! to another provider (`$everything`) and the read-only FHIR API (`/fhir/r4`). `model` is the R4 model (typed serde
//! structs), `map` the pure mapping from Pathways' rows; the use cases here open the gate, read, map and — for an
//! export — ask the consent gate and enter the disclosure, in one transaction.

pub mod map;
pub mod model;
pub mod search;

use chrono::{DateTime, Utc};
use pathways_domain::access::PersonScope;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::consent::{Category, Receiver};
use pathways_domain::{OrgId, PersonId};
use pathways_store::audit::AuditEntry;
use pathways_store::consents::{self, NewDisclosure};
use pathways_store::model::{Assessment, Checkin, Checkup, Consent, Disclosure, Encounter, Person, Referral};
use pathways_store::plans::PlanRecord;
use pathways_store::{ConnectionTrait, checkups, orgs, persons, plans, records, referrals};

use self::model::{Bundle, BundleLink, BundleSearch, Coding, Issue, Meta, OperationOutcome, Reference, Resource};
use self::search::SearchParams;
use crate::access::{PersonRead, PersonTx, audit_alone, audit_read, open_person, read_person, read_scope};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// The categories an export can carry, in the order the Bundle's note names them.
pub const EXPORT_CATEGORIES: [Category; 6] = [
    Category::RecoveryPlan,
    Category::CheckinsAssessments,
    Category::AttendanceEngagement,
    Category::ReferralInformation,
    Category::EncounterSummaries,
    Category::CounselingNotes,
];

/// Everything of one person's record the FHIR views read.
#[derive(Default)]
pub struct Record {
    pub person: Option<Person>,
    pub org_name: String,
    pub plan: Option<PlanRecord>,
    pub assessments: Vec<Assessment>,
    pub checkins: Vec<Checkin>,
    pub checkups: Vec<Checkup>,
    pub encounters: Vec<Encounter>,
    /// The encounters whose coach's notes go too (an export under a consent naming counseling notes only).
    pub counseling_notes: Vec<Encounter>,
    pub referrals: Vec<Referral>,
    pub consents: Vec<Consent>,
    pub disclosures: Vec<Disclosure>,
}

/// Which parts of the record to read.
#[derive(Clone, Copy, Debug)]
pub struct Parts {
    pub plan: bool,
    /// The BARC-10s.
    pub assessments: bool,
    /// The check-ins and the check-up interviews.
    pub checkins: bool,
    pub referrals: bool,
    pub encounters: bool,
    /// The coach's notes of the encounters (counseling notes, §2.31(b)): never in the person's own copy or the API.
    pub notes: bool,
    /// The person's consents and their accounting of disclosures (their own copy).
    pub privacy: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        plan: true,
        assessments: true,
        checkins: true,
        referrals: true,
        encounters: true,
        notes: false,
        privacy: true,
    };
    pub const NONE: Parts = Parts {
        plan: false,
        assessments: false,
        checkins: false,
        referrals: false,
        encounters: false,
        notes: false,
        privacy: false,
    };

    fn of(categories: &[Category]) -> Parts {
        Parts {
            plan: categories.contains(&Category::RecoveryPlan),
            assessments: categories.contains(&Category::CheckinsAssessments),
            checkins: categories.contains(&Category::CheckinsAssessments),
            referrals: categories.contains(&Category::ReferralInformation),
            encounters: categories.contains(&Category::EncounterSummaries),
            notes: categories.contains(&Category::CounselingNotes),
            privacy: false,
        }
    }
}

/// How many check-ins and encounters a record reads at most (two years' worth is about a hundred).
const MOST: u64 = 10_000;

async fn read_record(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    person: Person,
    parts: Parts,
    since: DateTime<Utc>,
) -> WebResult<Record> {
    let id = PersonId::from_uuid(person.id);
    let org_name = orgs::find(db, OrgId::from_uuid(person.org_id)).await?.map(|o| o.name).unwrap_or_default();
    let mut r = Record { org_name, ..Record::default() };
    if parts.plan {
        r.plan = plans::current(db, scope, id).await?;
    }
    if parts.assessments {
        r.assessments = records::assessments(db, scope, id).await?;
    }
    if parts.checkins {
        r.checkins = records::checkins(db, scope, id, MOST).await?;
        r.checkups = checkups::list(db, scope, id).await?;
    }
    if parts.encounters || parts.notes {
        let all = records::encounters(db, scope, id, MOST).await?;
        if parts.notes {
            r.counseling_notes =
                all.iter().filter(|e| e.notes.as_deref().is_some_and(|n| !n.trim().is_empty())).cloned().collect();
        }
        if parts.encounters {
            r.encounters = all;
        }
    }
    if parts.referrals {
        r.referrals = referrals::for_person(db, scope.org, id).await?;
    }
    if parts.privacy {
        r.consents = consents::list(db, scope, id).await?;
        r.disclosures = consents::disclosures(db, scope, id, since, 0, MOST).await?.0;
    }
    r.person = Some(person);
    Ok(r)
}

/// The resources of a record, in a fixed order: Patient, CarePlan and Goals, the Questionnaires and responses,
/// Observations, Encounters, ServiceRequests and Tasks, Consents, AuditEvents. `words`: the check-ins' free text
/// (the person's own copy only). `t` looks up a locale key in the reader's language (the Questionnaires' words).
pub fn resources(r: &Record, words: bool, t: &dyn Fn(&str) -> String, today: chrono::NaiveDate) -> Vec<Resource> {
    let mut out = Vec::new();
    let Some(person) = &r.person else { return out };
    out.push(Resource::Patient(map::patient(person, &r.org_name)));
    if let Some(plan) = &r.plan {
        let (cp, goals) = map::care_plan(person.id, plan);
        out.push(Resource::CarePlan(cp));
        out.extend(goals.into_iter().map(Resource::Goal));
    }
    if !r.assessments.is_empty() {
        out.push(Resource::Questionnaire(map::barc10_questionnaire(|i| t(&format!("barc10-item-{}", i + 1)))));
        let mut observations = Vec::new();
        for a in &r.assessments {
            let (qr, obs) = map::assessment(a);
            out.push(Resource::QuestionnaireResponse(qr));
            observations.push(Resource::Observation(obs));
        }
        out.extend(observations);
    }
    if !r.checkins.is_empty() {
        out.push(Resource::Questionnaire(map::checkin_questionnaire()));
        out.extend(r.checkins.iter().map(|c| Resource::QuestionnaireResponse(map::checkin(c, words))));
    }
    if !r.checkups.is_empty() {
        out.push(Resource::Questionnaire(map::checkup_questionnaire(t)));
        // Oldest first, as the other responses.
        out.extend(r.checkups.iter().rev().map(|c| Resource::QuestionnaireResponse(map::checkup(c))));
    }
    out.extend(r.encounters.iter().map(|e| Resource::Encounter(map::encounter(e))));
    let with_encounter = |id| r.encounters.iter().any(|e| e.id == id);
    out.extend(
        r.counseling_notes
            .iter()
            .filter_map(|e| map::counseling_note(e, with_encounter(e.id)))
            .map(Resource::DocumentReference),
    );
    for referral in &r.referrals {
        let (sr, task) = map::referral(referral, &r.org_name);
        out.push(Resource::ServiceRequest(sr));
        out.push(Resource::Task(task));
    }
    for c in &r.consents {
        if let Ok(doc) = consents::document(c) {
            out.push(Resource::Consent(map::consent(c, &doc, today)));
        }
    }
    out.extend(r.disclosures.iter().map(|d| Resource::AuditEvent(map::disclosure(d))));
    out
}

/// The FHIR base URL of this server (`{public_url}/fhir/r4`), for full URLs and paging links.
pub fn base_url(state: &AppState) -> String {
    let origin = state.config.public_url.as_deref().unwrap_or("http://localhost").trim_end_matches('/');
    format!("{origin}/fhir/r4")
}

/// A `collection` Bundle of `resources` with a Provenance naming the organization, labelled for Part 2.
fn collection(state: &AppState, id: &str, resources: Vec<Resource>, org: &str, now: DateTime<Utc>) -> Bundle {
    let base = base_url(state);
    let targets: Vec<Reference> =
        resources.iter().filter(|r| !matches!(r, Resource::OperationOutcome(_))).map(Resource::reference).collect();
    let mut entries: Vec<_> = resources.into_iter().map(|r| map::entry(&base, r)).collect();
    if !targets.is_empty() {
        let prov = map::provenance(&format!("{id}-provenance"), targets, org, now);
        entries.push(map::entry(&base, Resource::Provenance(prov)));
    }
    let mut security = map::part2_labels();
    // Redisclosure is prohibited without consent (§2.32): the refrain policy travels with the Bundle.
    security.push(Coding::new(map::ACT_CODE, "NORDSCLCD", "no redisclosure without consumer consent directive"));
    Bundle {
        id: Some(id.to_owned()),
        meta: Some(Meta { last_updated: Some(map::instant(now)), profile: Vec::new(), security }),
        type_: "collection".into(),
        timestamp: Some(map::instant(now)),
        total: None,
        link: Vec::new(),
        entry: entries,
    }
}

/// The person's own copy of their whole record, read and audited (`record_download`, in their access log).
pub async fn own_record(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<(Record, Bundle)> {
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::RecordDownload).await?;
    let now = pathways_store::now();
    let rec =
        read_record(state.store.reader(), &scope, record, Parts::ALL, now - chrono::Duration::days(365 * 6)).await?;
    let t = ctx.t();
    let items = resources(&rec, true, &|k| t.get(k), now.date_naive());
    let bundle = collection(state, &uuid::Uuid::now_v7().to_string(), items, &rec.org_name, now);
    Ok((rec, bundle))
}

/// An export without a recipient (1 to 200 characters).
pub const RECIPIENT_REQUIRED: &str =
    "recipient is required: the receiving provider's name as the consent names it (1 to 200 characters)";

/// Why an export was refused, for the OperationOutcome.
pub const NO_CONSENT: &str = "No consent in force allows disclosing this person's record to this recipient \
     (42 CFR 2.31): nothing was sent. Record the person's written consent naming the recipient, then export again.";

/// `$everything` for another provider, named by `recipient` (an organization's name). The consent gate runs first:
/// only the categories a consent in force lets go to the recipient (for treatment) are read and sent; the Bundle
/// says what was left out and carries the §2.32 notice; one entry per consent relied on goes in the accounting of
/// disclosures (channel `export`) and the audit event in the same transaction. No consent: nothing is read, the
/// refusal is audited, and the answer is `Forbidden` with [`NO_CONSENT`].
pub async fn export(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    recipient: Option<&str>,
) -> WebResult<Bundle> {
    let PersonTx { tx, scope, record } = open_person(state, ctx, caller, person, AuditAction::FhirExport).await?;
    // The person gate first (reach, then the input), so a missing recipient says nothing about who exists.
    let Some(recipient) = recipient else {
        drop(tx);
        crate::access::audit_failed(state, ctx, AuditAction::FhirExport, person, "no recipient named").await?;
        return Err(WebError::BadRequest(RECIPIENT_REQUIRED));
    };
    let today = crate::clock::today();
    let receiver = Receiver::Organization { org: None, name: recipient, treatment: true };
    let granted = consents::gate_each(&tx, person, receiver, &EXPORT_CATEGORIES, today).await?;
    if granted.is_empty() {
        drop(tx);
        let entry = AuditEntry { outcome: AuditOutcome::Denied, ..AuditEntry::person(AuditAction::FhirExport, person) }
            .detail("no consent in force for an export to this recipient");
        audit_alone(state, ctx, entry).await?;
        return Err(WebError::Forbidden);
    }
    let cats: Vec<Category> = EXPORT_CATEGORIES.into_iter().filter(|c| granted.iter().any(|(g, _)| g == c)).collect();
    let now = pathways_store::now();
    let mut rec = read_record(&tx, &scope, record, Parts::of(&cats), now).await?;
    // The consents relied on travel with the export (the recipient's authority to hold it).
    for (_, c) in &granted {
        if !rec.consents.iter().any(|k| k.id == c.id) {
            rec.consents.push(c.clone());
        }
    }
    let t = ctx.t();
    let mut items = resources(&rec, false, &|k| t.get(k), today);
    items.push(Resource::OperationOutcome(export_note(&cats)));
    let id = uuid::Uuid::now_v7().to_string();
    let bundle = collection(state, &id, items, &rec.org_name, now);
    let summary = format!("FHIR export ({} resources)", bundle.entry.len());
    let mut seen = Vec::new();
    for (_, c) in &granted {
        if seen.contains(&c.id) {
            continue;
        }
        seen.push(c.id);
        let covered: Vec<Category> = granted.iter().filter(|(_, g)| g.id == c.id).map(|(k, _)| *k).collect();
        let d = NewDisclosure {
            consent: c,
            channel: "export",
            categories: &covered,
            by: Some(caller.account),
            summary: summary.clone(),
            to: Some((recipient.to_owned(), None)),
        };
        consents::record_disclosure(&tx, d, now).await?;
    }
    tx.commit().await?;
    Ok(bundle)
}

/// A recipient the export form offers: a consent in force names it (an organization by name, or the general
/// designation of a treatment consent), with what that consent lets go to it.
pub struct ExportRecipient {
    /// The organization's name; `None` for the general designation ("your treating providers").
    pub name: Option<String>,
    pub categories: Vec<Category>,
}

/// What the staff export form shows: the person and the recipients their consents in force name (a read of the
/// consents, audited `consent_read`).
pub async fn export_recipients(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
) -> WebResult<(Person, Vec<ExportRecipient>)> {
    use pathways_domain::consent::{Recipient, in_force};
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::ConsentRead).await?;
    let today = crate::clock::today();
    let mut out = Vec::new();
    for c in consents::list(state.store.reader(), &scope, person).await? {
        let facts = consents::facts(&c)?;
        if !in_force(&facts, today) {
            continue;
        }
        let categories: Vec<Category> =
            EXPORT_CATEGORIES.into_iter().filter(|k| facts.categories.contains(k)).collect();
        let name = match facts.recipient {
            Recipient::Organization { name, .. } => Some(name),
            Recipient::General if facts.tpo => None,
            _ => continue,
        };
        if !categories.is_empty() {
            out.push(ExportRecipient { name, categories });
        }
    }
    Ok((record, out))
}

/// The note an export carries: what it includes, what was left out (and why), and the §2.32 notice.
pub fn export_note(included: &[Category]) -> OperationOutcome {
    let names = |cs: &mut dyn Iterator<Item = Category>| cs.map(Category::as_str).collect::<Vec<_>>().join(", ");
    let left: Vec<Category> = Category::ALL.into_iter().filter(|c| !included.contains(c)).collect();
    let mut issue = vec![Issue {
        severity: "information".into(),
        code: "informational".into(),
        details: None,
        diagnostics: Some(format!("Included, by the consent in force: {}.", names(&mut included.iter().copied()))),
        expression: Vec::new(),
    }];
    if !left.is_empty() {
        issue.push(Issue {
            severity: "information".into(),
            code: "suppressed".into(),
            details: None,
            diagnostics: Some(format!(
                "Left out (no consent in force names them for this recipient, or — attendance — Pathways \
                 does not export it yet): {}.",
                names(&mut left.into_iter())
            )),
            expression: Vec::new(),
        });
    }
    issue.push(Issue {
        severity: "information".into(),
        code: "informational".into(),
        details: None,
        diagnostics: Some(PART2_NOTICE.into()),
        expression: Vec::new(),
    });
    OperationOutcome { id: Some("export-note".into()), meta: map::labelled(None), issue }
}

/// The notice §2.32 requires with each disclosure made with the person's consent (the words of §2.32(a)(1)).
pub const PART2_NOTICE: &str = "This record which has been disclosed to you is protected by federal confidentiality \
rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the \
information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any \
federal, state, or local authority, against the patient, unless authorized by the consent of the patient, except as \
provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the \
federal rules prohibit you from making any other use or disclosure of this record unless at least one of the \
following applies: further use or disclosure is expressly permitted by the written consent of the individual whose \
information is being disclosed in this record or as otherwise permitted by 42 CFR part 2; you are a covered entity or \
business associate and have received the record for treatment, payment, or health care operations; or you have \
received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E. A \
general authorization for the release of medical or other information is NOT sufficient to meet the required \
elements of written consent to further use or redisclose the record (see 42 CFR 2.31).";

// ---- The read-only API ----

/// A searchset page: the matches on this page, the total, and the paging links (`self`, `next`, `previous`).
pub struct SearchPage {
    pub items: Vec<Resource>,
    pub total: u64,
    pub offset: u64,
    pub count: u64,
}

/// A searchset Bundle for a search at `path` (e.g. `Observation`) with its other parameters `query`.
pub fn searchset(state: &AppState, path: &str, query: &str, page: SearchPage) -> Bundle {
    let base = base_url(state);
    let url = |offset: u64| {
        let sep = if query.is_empty() { "" } else { "&" };
        format!("{base}/{path}?{query}{sep}_count={}&_offset={offset}", page.count)
    };
    let mut link = vec![BundleLink { relation: "self".into(), url: url(page.offset) }];
    if page.offset + page.count < page.total {
        link.push(BundleLink { relation: "next".into(), url: url(page.offset + page.count) });
    }
    if page.offset > 0 {
        link.push(BundleLink { relation: "previous".into(), url: url(page.offset.saturating_sub(page.count)) });
    }
    let now = pathways_store::now();
    Bundle {
        id: Some(uuid::Uuid::now_v7().to_string()),
        meta: Some(Meta { last_updated: Some(map::instant(now)), profile: Vec::new(), security: map::part2_labels() }),
        type_: "searchset".into(),
        timestamp: Some(map::instant(now)),
        total: Some(page.total),
        link,
        entry: page
            .items
            .into_iter()
            .map(|r| {
                let mut e = map::entry(&base, r);
                e.search = Some(BundleSearch { mode: "match".into() });
                e
            })
            .collect(),
    }
}

/// `Patient/{id}`: the person, through the person gate (another organization's: not found), audited.
pub async fn read_patient(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Resource> {
    let PersonRead { record, .. } = read_person(state, ctx, caller, person, AuditAction::FhirRead).await?;
    let org =
        orgs::find(state.store.reader(), OrgId::from_uuid(record.org_id)).await?.map(|o| o.name).unwrap_or_default();
    Ok(Resource::Patient(map::patient(&record, &org)))
}

/// `Patient?_id=…&_count=…`: the persons in the caller's scope (one, with `_id`), by name, one page; each person
/// returned is in their access log.
pub async fn search_patients(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: Option<PersonId>,
    offset: u64,
    count: u64,
) -> WebResult<SearchPage> {
    if let Some(id) = id {
        return match read_patient(state, ctx, caller, id).await {
            Ok(r) if offset == 0 => Ok(SearchPage { items: vec![r], total: 1, offset, count }),
            Ok(_) => Ok(SearchPage { items: Vec::new(), total: 1, offset, count }),
            Err(WebError::NotFound) => Ok(SearchPage { items: Vec::new(), total: 0, offset, count }),
            Err(e) => Err(e),
        };
    }
    let scope = read_scope(state, ctx, caller, AuditAction::FhirRead).await?;
    let db = state.store.reader();
    // The store pages by page number: read the (at most two) pages of `count` covering [offset, offset + count).
    let count = count.max(1);
    let page = offset / count + 1;
    let first = persons::list(db, &scope, None, page, count).await?;
    let total = first.total;
    let skip = offset % count;
    let mut found = first.items;
    if skip > 0 && page.saturating_mul(count) < total {
        found.extend(persons::list(db, &scope, None, page + 1, count).await?.items);
    }
    let org = orgs::find(db, scope.org).await?.map(|o| o.name).unwrap_or_default();
    let mut items = Vec::new();
    for p in found.into_iter().skip(skip as usize).take(count as usize) {
        audit_read(state, ctx, AuditEntry::person(AuditAction::FhirRead, PersonId::from_uuid(p.id))).await?;
        items.push(Resource::Patient(map::patient(&p, &org)));
    }
    Ok(SearchPage { items, total, offset, count })
}

/// What the FHIR API serves, resource by resource: the one table the CapabilityStatement is generated from (and
/// that `tests/http/routes/fhir.rs` calls, interaction by interaction).
pub struct ResourceApi {
    pub kind: &'static str,
    /// `read`, `search-type`.
    pub interactions: &'static [&'static str],
    /// (name, type)
    pub search: &'static [(&'static str, &'static str)],
    /// (name, definition)
    pub operations: &'static [(&'static str, &'static str)],
}

const BY_PATIENT: &[(&str, &str)] =
    &[("patient", "reference"), ("_id", "token"), ("_lastUpdated", "date"), ("_count", "number")];

pub const API: &[ResourceApi] = &[
    ResourceApi {
        kind: "Patient",
        interactions: &["read", "search-type"],
        search: &[("_id", "token"), ("_count", "number")],
        operations: &[("everything", "http://hl7.org/fhir/OperationDefinition/Patient-everything")],
    },
    ResourceApi { kind: "CarePlan", interactions: &["read", "search-type"], search: BY_PATIENT, operations: &[] },
    ResourceApi { kind: "Goal", interactions: &["read", "search-type"], search: BY_PATIENT, operations: &[] },
    ResourceApi {
        kind: "QuestionnaireResponse",
        interactions: &["read", "search-type"],
        search: BY_PATIENT,
        operations: &[],
    },
    ResourceApi { kind: "Encounter", interactions: &["read", "search-type"], search: BY_PATIENT, operations: &[] },
    ResourceApi { kind: "ServiceRequest", interactions: &["read", "search-type"], search: BY_PATIENT, operations: &[] },
    ResourceApi { kind: "Task", interactions: &["read", "search-type"], search: BY_PATIENT, operations: &[] },
    ResourceApi { kind: "Consent", interactions: &["read", "search-type"], search: BY_PATIENT, operations: &[] },
    ResourceApi { kind: "Observation", interactions: &["read", "search-type"], search: BY_PATIENT, operations: &[] },
];

/// The CapabilityStatement, from [`API`].
pub fn capability_statement(state: &AppState) -> model::CapabilityStatement {
    use model::*;
    let _ = state;
    CapabilityStatement {
        id: None,
        meta: None,
        name: Some("PathwaysFhirR4".into()),
        status: "active".into(),
        date: "2026-12-06".into(),
        kind: "instance".into(),
        software: Some(CapabilitySoftware { name: "Pathways".into() }),
        fhir_version: "4.0.1".into(),
        format: vec!["application/fhir+json".into(), "json".into()],
        rest: vec![CapabilityRest {
            mode: "server".into(),
            documentation: Some(
                "Read-only. Bearer tokens (Authorization: Bearer …); a person outside the caller's reach is not \
                 found. Every resource is labelled 42CFRPart2 / R. $everything needs a consent in force naming the \
                 recipient."
                    .into(),
            ),
            resource: API
                .iter()
                .map(|r| CapabilityResource {
                    type_: r.kind.into(),
                    interaction: r.interactions.iter().map(|c| CapabilityInteraction { code: (*c).into() }).collect(),
                    search_param: r
                        .search
                        .iter()
                        .map(|(n, t)| CapabilitySearchParam { name: (*n).into(), type_: (*t).into() })
                        .collect(),
                    operation: r
                        .operations
                        .iter()
                        .map(|(n, d)| CapabilityOperation { name: (*n).into(), definition: (*d).into() })
                        .collect(),
                })
                .collect(),
        }],
    }
}

/// The parts of a record one kind of resource comes from.
fn parts_for(kind: &str) -> Parts {
    match kind {
        "CarePlan" | "Goal" => Parts { plan: true, ..Parts::NONE },
        "Observation" => Parts { assessments: true, ..Parts::NONE },
        "QuestionnaireResponse" => Parts { assessments: true, checkins: true, ..Parts::NONE },
        "ServiceRequest" | "Task" => Parts { referrals: true, ..Parts::NONE },
        "Encounter" => Parts { encounters: true, ..Parts::NONE },
        "Consent" => Parts { privacy: true, ..Parts::NONE },
        _ => Parts::NONE,
    }
}

/// When a resource last changed (`meta.lastUpdated`), if it says.
fn last_updated(r: &Resource) -> Option<DateTime<Utc>> {
    let at = r.meta()?.last_updated.as_deref()?;
    DateTime::parse_from_rfc3339(at).ok().map(|t| t.with_timezone(&Utc))
}

/// `{kind}?patient=…`: one kind of resource of one person's record, in the order the record's Bundle has them,
/// kept by `_id` and `_lastUpdated`. A person outside the caller's reach (or no such person): an empty page (the
/// refusal audited). The check-ins' words are not included (they stay in the person's own copy).
pub async fn search_record(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: PersonId,
    kind: &str,
    params: &SearchParams,
) -> WebResult<SearchPage> {
    let (offset, count) = (params.offset, params.count);
    let PersonRead { scope, record } = match read_person(state, ctx, caller, person, AuditAction::FhirRead).await {
        Err(WebError::NotFound) => return Ok(SearchPage { items: Vec::new(), total: 0, offset, count }),
        other => other?,
    };
    let all = record_of_kind(state, ctx, &scope, record, kind, params).await?;
    let total = all.len() as u64;
    let items = all.into_iter().skip(offset as usize).take(count as usize).collect();
    Ok(SearchPage { items, total, offset, count })
}

/// The resources of one kind in a person's record (read through the gate already) that pass `params`' filters.
async fn record_of_kind(
    state: &AppState,
    ctx: &Ctx,
    scope: &PersonScope,
    record: Person,
    kind: &str,
    params: &SearchParams,
) -> WebResult<Vec<Resource>> {
    let now = pathways_store::now();
    let mut rec = read_record(state.store.reader(), scope, record, parts_for(kind), now).await?;
    rec.disclosures.clear();
    let t = ctx.t();
    Ok(resources(&rec, false, &|k| t.get(k), now.date_naive())
        .into_iter()
        .filter(|r| r.type_name() == kind && params.keeps(r.id(), last_updated(r)))
        .collect())
}

/// `{kind}/{id}` for a kind of the person's record (`CarePlan`, `Goal`, `QuestionnaireResponse`, `Observation`,
/// `Encounter`, `ServiceRequest`, `Task`, `Consent`): the store finds whose record the id belongs to, then the
/// person gate decides as for any read (a role without person records: forbidden; another organization's, or a
/// person out of the caller's reach: not found, the refusal audited) and the read is in the person's access log.
pub async fn read_resource(state: &AppState, ctx: &Ctx, caller: &Caller, kind: &str, id: &str) -> WebResult<Resource> {
    let Ok(uuid) = uuid::Uuid::parse_str(id.strip_suffix("-total").unwrap_or(id)) else {
        return Err(WebError::NotFound);
    };
    let table = match kind {
        "CarePlan" => records::Owned::Person,
        "Goal" => records::Owned::PlanGoal(caller.org),
        "QuestionnaireResponse" => records::Owned::Response,
        "Observation" if id.ends_with("-total") => records::Owned::Assessment,
        "Encounter" => records::Owned::Encounter,
        "ServiceRequest" | "Task" => records::Owned::Referral,
        "Consent" => records::Owned::Consent,
        _ => return Err(WebError::NotFound),
    };
    let Some(person) = records::owner_of(state.store.reader(), table, uuid).await? else {
        return Err(WebError::NotFound);
    };
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::FhirRead).await?;
    let params = SearchParams { id: Some(id.to_owned()), ..SearchParams::default() };
    record_of_kind(state, ctx, &scope, record, kind, &params).await?.into_iter().next().ok_or(WebError::NotFound)
}
