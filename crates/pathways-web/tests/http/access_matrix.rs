//! The access matrix: every route the app serves (`route_table::served()`, read from `src/router.rs` and the OpenAPI
//! document) has one entry in [`matrix`], saying who may call it and what each caller gets — anonymous, each staff
//! role, a person, an ally — and, where the path names a record, for a record assigned to the caller, a
//! colleague's, and another organization's. `every_route_is_in_the_matrix` fails on a route without an entry (or an
//! entry for a route that is gone); `every_caller_gets_what_the_matrix_says` calls every entry as every caller
//! against real records and checks the status, and over a person's record the audit event the answer leaves.
//!
//! Adding a route: one line in [`matrix`] — method, path as in router.rs, its [`Rule`], the success status, and
//! the body a successful call sends (`{v}` the plan's version, `{program}`, `{service}`, `{call}`, `{person}`,
//! `{coach}`, `{name}`, `{today}` are filled in). A path's `{id}` is made by `Cell::make` from its prefix
//! (`id_kind`); a new kind of record needs its few lines there. A route only some callers pass in a way no `Rule`
//! says takes `Custom(fn)`.

use std::collections::hash_map::Entry as Slot;
use std::collections::{BTreeSet, HashMap};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::body::Body as HttpBody;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use pathways_domain::access_line::{BedCount, LevelOfCare};
use pathways_domain::directory::geo::LatLon;
use pathways_domain::{AccountId, OrgId, PersonId, Role};
use pathways_store::audit::Actor;
use pathways_store::capacity::{NewProgram, create_program};
use serde_json::json;
use uuid::Uuid;

use crate::route_table;
use crate::util::{Staff, TestApp, TestResponse, csrf_in, set_cookies};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Target {
    /// Own organization, assigned to the caller.
    Assigned,
    /// Own organization, assigned to another coach.
    Colleagues,
    /// Another organization.
    OtherOrg,
}

const TARGETS: [Target; 3] = [Target::Assigned, Target::Colleagues, Target::OtherOrg];

/// Who calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    Staff(Role),
    Person,
    Ally,
}

/// What a caller gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    /// The entry's success status.
    Ok,
    /// A redirect to sign in.
    Login,
    Status(u16),
}

const NOT_FOUND: Want = Want::Status(404);
const FORBIDDEN: Want = Want::Status(403);
const UNAUTHORIZED: Want = Want::Status(401);

use Role::{AccessLine, Admin, Analyst, Clinician, Coach, DirectoryEditor, ProviderStaff, Supervisor};

/// Staff who reach persons' records (the rest of a person route is `PersonScope`'s: the organization, a coach's
/// own caseload).
const WITH_PERSONS: &[Role] = &[Admin, Supervisor, Clinician, Coach];
const EVERY_STAFF: &[Role] =
    &[Admin, Supervisor, Clinician, Coach, AccessLine, ProviderStaff, Analyst, DirectoryEditor];
const PROGRAM_LEADS: &[Role] = &[Admin, Supervisor];
const REFERRERS: &[Role] = &[Admin, Supervisor, Clinician, Coach, AccessLine, ProviderStaff];
const FIGURES: &[Role] = &[Admin, Supervisor, Clinician, Coach, Analyst];
const LINE: &[Role] = &[Admin, AccessLine];
const LINE_FIGURES: &[Role] = &[Admin, Supervisor, AccessLine, Analyst];
const PROVIDERS: &[Role] = &[Admin, ProviderStaff];
const EDITORS: &[Role] = &[Admin, DirectoryEditor];
/// The outcome reports (aggregates, suppressed): `may_read_reports`.
const REPORTERS: &[Role] = &[Admin, Supervisor, Analyst];
/// Run a recovery community center's week (issue 20).
const CENTER_STAFF: &[Role] = &[Admin, Supervisor, Coach];
/// A recovery residence's details (issue 19), as the matrix's residence has them.
const RESIDENCE_FORM: &[(&str, &str)] = &[
    ("name", "Matrix House"),
    ("address", "1 Main Street"),
    ("town", "Hartford"),
    ("narr_level", "II"),
    ("total_beds", "6"),
    ("cert_body", "Matrix certifier"),
    ("cert_number", "M-1"),
    ("cert_expires_on", "2099-12-31"),
    ("disclaimer", "Not licensed treatment."),
];
/// A designation program (issue 20, item 5), as the matrix defines it.
const DESIGNATION_PROGRAM_FORM: &[(&str, &str)] = &[
    ("kind", "community"),
    ("name_en", "Matrix program"),
    ("name_es", "Programa de la matriz"),
    ("steps", "Vote | Votación | The minutes | El acta"),
    ("renewal_months", "24"),
    ("training_stigma", "1"),
];
const EVENT_FORM: &[(&str, &str)] = &[
    ("kind", "group"),
    ("title", "Matrix group"),
    ("starts_on", "{today}"),
    ("starts_at", "19:00"),
    ("duration_minutes", "90"),
    ("repeat", "weekly"),
    ("address", "1 Main Street, Hartford"),
    ("language", "en"),
    ("audience", "everyone"),
];

/// Who may call a route.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// Everyone, signed in or not.
    Open,
    /// A person's record through the staff door (`/persons/{id}/…`): `PersonScope` (organization; a coach's own
    /// caseload) → success, outside it 404, roles without person records 403; a person or an ally 404; nobody
    /// signed in is sent to sign in. Every staff answer leaves its audit event.
    Record,
    /// The same over the API: no token 401.
    RecordApi,
    /// A person's record on a staff page outside the door (the person's own page, an outreach item): as `Record`,
    /// but a person or an ally is sent to sign in.
    StaffRecord,
    /// A referral, seen by the sending organization's staff who reach the person (the receiving one's: see
    /// `routes::referrals`): outside that, 404 — to every role, since a referral names a person.
    Referral,
    /// The same over the API.
    ReferralApi,
    /// The person's own record (`/me/…`): the person only; staff and allies 404.
    Portal,
    /// A staff page for these roles: other staff 403; a person, an ally or nobody is sent to sign in.
    Page(&'static [Role]),
    /// An API route for these roles: other staff 403; no token 401.
    Api(&'static [Role]),
    /// An API route for these roles; to other staff it doesn't exist (404).
    ApiHidden(&'static [Role]),
    /// A record of one organization (a call, a program, a referral…) on a staff page: these roles of that
    /// organization; another organization's 404; other roles 403.
    OrgPage(&'static [Role]),
    /// The same over the API, where it doesn't exist for other roles (404, before the body is read).
    OrgApi(&'static [Role]),
    /// The ally's own page: allies only; anyone else signed in 404.
    AllyOnly,
    /// Anything else.
    Custom(fn(Who, Target) -> Want),
}

/// One route's entry.
#[derive(Clone, Debug)]
struct Entry {
    method: &'static str,
    path: &'static str,
    rule: Rule,
    ok: u16,
    form: &'static [(&'static str, &'static str)],
    json: Option<&'static str>,
    audit: Option<&'static str>,
    /// Over a person named in the body (`{person}`), not the path.
    body_person: bool,
}

fn e(method: &'static str, path: &'static str, rule: Rule, ok: u16) -> Entry {
    Entry { method, path, rule, ok, form: &[], json: None, audit: None, body_person: false }
}

impl Entry {
    fn form(mut self, fields: &'static [(&'static str, &'static str)]) -> Self {
        self.form = fields;
        self
    }
    fn json(mut self, body: &'static str) -> Self {
        self.json = Some(body);
        self
    }
    /// The audit action a success leaves (checked exactly; without it, any successful event about the person).
    fn audit(mut self, action: &'static str) -> Self {
        self.audit = Some(action);
        self
    }
    fn over_body_person(mut self) -> Self {
        self.body_person = true;
        self
    }
}

const GET: &str = "GET";
const POST: &str = "POST";
const PUT: &str = "PUT";
const PATCH: &str = "PATCH";

const PLAN_FORM: &[(&str, &str)] = &[("version", "{v}"), ("dimension", "home"), ("text", "A goal")];
const LISTING_FORM: &[(&str, &str)] = &[
    ("name", "Matrix Center"),
    ("organization", "Matrix Recovery"),
    ("description", "Peer-run center."),
    ("categories", "recovery-community-centers"),
    ("phone", "860-555-0177"),
    ("address", "1 Main St"),
    ("city", "Hartford"),
    ("state", "CT"),
    ("postal_code", "06103"),
];
const CHECKUP_FORM: &[(&str, &str)] = &[
    ("days_alcohol_90", "20"),
    ("days_drugs_90", "0"),
    ("weekly_use_since_last", "yes"),
    ("wants_treatment", "no"),
    ("in_treatment", "no"),
];
const CHECKUP_JSON: &str = r#"{"days_alcohol_90": 2, "days_drugs_90": 0, "weekly_use_since_last": false,
    "past_month_problems": [], "wants_treatment": true, "in_treatment": false}"#;
const CONSENT_FORM: &[(&str, &str)] = &[
    ("recipient_kind", "organization"),
    ("recipient_name", "Rushford Center"),
    ("category", "recovery_plan"),
    ("purpose", "Coordinate care"),
    ("expiry_kind", "date"),
    ("expires_on", "2030-06-30"),
    ("signature", "{name}"),
    ("signed_on", "{today}"),
    ("confirmed", "yes"),
];
const CONSENT_JSON: &str = r#"{"categories": ["recovery_plan"], "recipient": {"kind": "organization",
    "name": "Rushford Center"}, "purpose": "Coordinate my care", "expires_on": "2030-01-01",
    "signed_on": "2026-11-01", "paper_on_file": true}"#;
const BARC: &[(&str, &str)] = &[
    ("item1", "4"),
    ("item2", "4"),
    ("item3", "4"),
    ("item4", "4"),
    ("item5", "4"),
    ("item6", "4"),
    ("item7", "4"),
    ("item8", "4"),
    ("item9", "4"),
    ("item10", "4"),
];

/// Every route the app serves, who may call it, and what success is. One entry per (method, path).
fn matrix() -> Vec<Entry> {
    use Rule::*;
    vec![
        // Public pages, operations, assets.
        e(GET, "/", Open, 200),
        e(GET, "/login", Custom(signed_in_go_home), 200),
        e(POST, "/login", Open, 401).form(&[("login", "nobody@example.org"), ("password", "")]),
        e(POST, "/logout", Open, 303),
        e(GET, "/lang/{code}", Open, 303),
        e(GET, "/recovery", Open, 200),
        e(GET, "/find", Open, 200),
        e(GET, "/find/{id}", Open, 200),
        e(POST, "/find/{id}/corrections", Open, 303).form(&[("message", "The meeting moved"), ("contact", "")]),
        e(GET, "/capacity", Open, 200),
        e(GET, "/housing", Open, 200),
        e(GET, "/ally/support", Open, 200),
        e(GET, "/invite", Open, 200),
        e(POST, "/invite", Open, 422).form(&[("code", "NOPE-NOPE"), ("username", "x"), ("password", "")]),
        e(GET, "/invite/{token}", Open, 200),
        e(GET, "/healthz", Open, 200),
        e(GET, "/readyz", Open, 200),
        e(GET, "/metrics", Open, 200),
        e(GET, "/static/{file}", Open, 200),
        e(GET, "/api/openapi.json", Open, 200),
        e(GET, "/api/v1/search", Open, 200),
        e(GET, "/api/v1/meetings.json", Open, 200),
        e(GET, "/api/v1/capacity", Open, 200),
        e(GET, "/api/v1/housing", Open, 200),
        e(GET, "/api/hsds/services", Open, 200),
        e(GET, "/api/hsds/services/{id}", Open, 200),
        e(GET, "/api/hsds/organizations", Open, 200),
        e(GET, "/api/hsds/organizations/{id}", Open, 200),
        // Staff home, persons.
        e(GET, "/staff", Page(EVERY_STAFF), 200),
        e(GET, "/persons", Page(WITH_PERSONS), 200),
        e(POST, "/persons", Page(WITH_PERSONS), 303).form(&[("preferred_name", "New Person")]),
        e(GET, "/persons/new", Page(WITH_PERSONS), 200),
        e(GET, "/persons/{id}", StaffRecord, 200).audit("person_read"),
        e(POST, "/persons/{id}", StaffRecord, 303).form(&[("preferred_name", "Renamed Person")]).audit("person_update"),
        e(GET, "/persons/{id}/edit", StaffRecord, 200).audit("person_read"),
        // A person's record through the staff door.
        e(GET, "/persons/{id}/plan", Record, 200).audit("plan_read"),
        e(POST, "/persons/{id}/plan", Record, 303).form(&[("version", "{v}"), ("stage", "stabilization")]),
        e(GET, "/persons/{id}/plan/edit", Record, 200),
        e(POST, "/persons/{id}/plan/goals", Record, 303).form(PLAN_FORM).audit("plan_update"),
        e(GET, "/persons/{id}/plan/goals/new", Record, 200),
        e(POST, "/persons/{id}/plan/goals/{goal}", Record, 303).form(PLAN_FORM).audit("plan_update"),
        e(GET, "/persons/{id}/plan/goals/{goal}/edit", Record, 200),
        e(GET, "/persons/{id}/plan/versions", Record, 200),
        e(POST, "/persons/{id}/plan/versions/{version}/restore", Record, 303).form(&[("version", "{v}")]),
        e(GET, "/persons/{id}/assessments", Record, 200).audit("assessment_read"),
        e(POST, "/persons/{id}/assessments", Record, 303).form(BARC).audit("assessment_create"),
        e(GET, "/persons/{id}/assessments/new", Record, 200),
        e(GET, "/persons/{id}/assessments/{assessment}", Record, 200),
        e(GET, "/persons/{id}/checkins", Record, 200).audit("checkin_read"),
        e(GET, "/persons/{id}/checkups", Record, 200),
        e(POST, "/persons/{id}/checkups", Record, 303).form(CHECKUP_FORM),
        e(GET, "/persons/{id}/locator", Record, 200),
        e(POST, "/persons/{id}/locator", Record, 303).form(&[
            ("kind", "phone"),
            ("value", "(860) 555-0199"),
            ("consent", "yes"),
        ]),
        e(POST, "/persons/{id}/locator/{detail}/remove", Record, 303),
        e(GET, "/persons/{id}/consents", Record, 200),
        e(POST, "/persons/{id}/consents", Record, 303).form(CONSENT_FORM),
        e(POST, "/persons/{id}/consents/{consent}/revoke", Record, 303),
        e(POST, "/persons/{id}/consents/{consent}/end", Record, 303),
        e(GET, "/persons/{id}/consents/{consent}/scan", Record, 200),
        e(POST, "/persons/{id}/consents/{consent}/scan", Record, 303),
        e(GET, "/persons/{id}/disclosures", Record, 200),
        e(GET, "/persons/{id}/access-log", Record, 200),
        e(GET, "/persons/{id}/encounters", Record, 200).audit("encounter_read"),
        e(POST, "/persons/{id}/encounters", Record, 303).form(&[
            ("date", "{today}"),
            ("type", "phone"),
            ("minutes", "10"),
            ("notes", "a note"),
        ]),
        e(POST, "/persons/{id}/attention/{item}/resolve", Record, 303),
        e(POST, "/persons/{id}/invite", Record, 200),
        e(POST, "/persons/{id}/linkage/{task}", Record, 303).form(&[("step", "feedback")]),
        e(GET, "/persons/{id}/referrals", Record, 200),
        e(POST, "/persons/{id}/referrals", Record, 303).form(&[("service", "{service}"), ("reason", "detox")]),
        e(GET, "/persons/{id}/export", Record, 200),
        e(POST, "/persons/{id}/export", Custom(export_page_refused), 403).form(&[("recipient", "Nobody Consented")]),
        // The person's own portal.
        e(GET, "/me", Portal, 200),
        e(GET, "/me/plan", Portal, 200),
        e(POST, "/me/plan", Portal, 303).form(&[("version", "{v}"), ("stage", "stabilization")]),
        e(GET, "/me/plan/edit", Portal, 200),
        e(POST, "/me/plan/goals", Portal, 303).form(PLAN_FORM),
        e(GET, "/me/plan/goals/new", Portal, 200),
        e(POST, "/me/plan/goals/{goal}", Portal, 303).form(PLAN_FORM),
        e(GET, "/me/plan/goals/{goal}/edit", Portal, 200),
        e(GET, "/me/plan/versions", Portal, 200),
        e(POST, "/me/plan/versions/{version}/restore", Portal, 303).form(&[("version", "{v}")]),
        e(GET, "/me/assessments", Portal, 200),
        e(POST, "/me/assessments", Portal, 303).form(BARC),
        e(GET, "/me/assessments/new", Portal, 200),
        e(GET, "/me/assessments/{assessment}", Portal, 200),
        e(GET, "/me/checkin", Portal, 200),
        e(GET, "/me/checkins", Portal, 200),
        e(POST, "/me/checkins", Portal, 303).form(&[("mood", "4"), ("craving", "2"), ("safe", "yes")]),
        e(GET, "/me/checkups", Portal, 200),
        e(POST, "/me/checkups", Portal, 303).form(CHECKUP_FORM),
        e(GET, "/me/locator", Portal, 200),
        e(POST, "/me/locator", Portal, 303).form(&[("kind", "phone"), ("value", "(860) 555-0199"), ("consent", "yes")]),
        e(POST, "/me/locator/{detail}/remove", Portal, 303),
        e(GET, "/me/consents", Portal, 200),
        e(POST, "/me/consents", Portal, 303).form(CONSENT_FORM),
        e(POST, "/me/consents/{consent}/revoke", Portal, 303),
        e(GET, "/me/consents/{consent}/scan", Portal, 200),
        e(GET, "/me/disclosures", Portal, 200),
        e(GET, "/me/access-log", Portal, 200),
        e(GET, "/me/record", Portal, 200),
        e(GET, "/me/allies", Portal, 200),
        e(POST, "/me/allies", Portal, 200).form(&[("ally_name", "Maria"), ("relationship", "sister")]),
        e(GET, "/ally", AllyOnly, 200),
        // Caseload, outreach, referrals.
        e(GET, "/caseload", Page(WITH_PERSONS), 200),
        e(GET, "/outreach", Page(WITH_PERSONS), 200),
        e(GET, "/outreach/figures", Page(FIGURES), 200),
        // Outcome reports.
        e(GET, "/reports/people-served", Page(REPORTERS), 200),
        e(GET, "/reports/people-served.csv", Page(REPORTERS), 200),
        e(GET, "/housing/figures", Page(REPORTERS), 200),
        e(GET, "/outreach/settings", Page(PROGRAM_LEADS), 200),
        e(POST, "/outreach/settings", Page(PROGRAM_LEADS), 303).form(&[
            ("schedule_kind", "fixed"),
            ("every_months", "3"),
            ("for_months", "24"),
            ("cap_months", "4"),
            ("window_days", "30"),
            ("time_zone", "America/New_York"),
            ("quiet_days", "10"),
            ("no_contact_days", "45"),
            ("linkage_stall_days", "5"),
            ("escalate_after", "2"),
        ]),
        e(POST, "/outreach/{item}/attempts", StaffRecord, 303).form(&[("channel", "phone"), ("outcome", "no_answer")]),
        e(GET, "/referrals", Page(REFERRERS), 200),
        e(GET, "/referrals/{id}", Referral, 200),
        e(POST, "/referrals/{id}/status", Referral, 303).form(&[("status", "cancelled"), ("reason", "Not needed")]),
        // The directory.
        e(GET, "/directory", Page(EDITORS), 200),
        e(POST, "/directory", Page(EDITORS), 303).form(LISTING_FORM),
        e(GET, "/directory/new", Page(EDITORS), 200),
        e(GET, "/directory/corrections", Page(EDITORS), 200),
        e(POST, "/directory/corrections/{id}", Page(EDITORS), 303).form(&[("status", "resolved")]),
        e(POST, "/directory/{id}", Page(EDITORS), 303).form(LISTING_FORM),
        e(GET, "/directory/{id}/edit", Page(EDITORS), 200),
        e(GET, "/directory/{id}/history", Page(EDITORS), 200),
        e(POST, "/directory/{id}/{action}", Page(EDITORS), 303),
        // The access line, transport, programs and holds.
        e(GET, "/access-line", Page(LINE), 200),
        e(POST, "/access-line/calls", Page(LINE), 303).form(&[
            ("caller_type", "provider"),
            ("substances", "alcohol"),
            ("place", "06106"),
        ]),
        e(GET, "/access-line/figures", Page(LINE_FIGURES), 200),
        e(GET, "/access-line/calls/{id}", OrgPage(LINE), 200),
        e(POST, "/access-line/calls/{id}/level", OrgPage(LINE), 303).form(&[("level", "3.7-WM")]),
        e(POST, "/access-line/calls/{id}/holds", OrgPage(LINE), 303).form(&[("program_id", "{program}")]),
        e(POST, "/access-line/calls/{id}/rides", OrgPage(LINE), 303).form(&[
            ("pickup", "12 Elm St"),
            ("destination", "Detox"),
            ("within_hours", "2"),
        ]),
        e(POST, "/access-line/calls/{id}/follow-up", OrgPage(LINE), 303).form(&[("outcome", "connected")]),
        e(POST, "/access-line/calls/{id}/person", OrgPage(LINE), 303).form(&[("coach", "{coach}")]),
        e(GET, "/access-line/calls/{id}/referrals", OrgPage(LINE), 200),
        e(POST, "/access-line/calls/{id}/referrals", OrgPage(LINE), 303)
            .form(&[("service", "{service}"), ("reason", "detox")]),
        e(GET, "/transport", Page(LINE), 200),
        e(POST, "/transport/{id}", OrgPage(LINE), 303).form(&[("status", "assigned"), ("reason", "")]),
        e(GET, "/programs", Page(PROVIDERS), 200),
        e(POST, "/programs/{id}/counts", OrgPage(PROVIDERS), 303).form(&[("change", "waitlist-up")]),
        e(POST, "/holds/{id}/{action}", Custom(closes_hold), 303),
        // Recovery residences: the operator's page, its one-tap report, and the beds held for referrals.
        e(GET, "/residences", Page(PROVIDERS), 200),
        e(POST, "/residences/{id}/report", OrgPage(PROVIDERS), 303).form(&[("change", "confirm")]),
        e(POST, "/residence-holds/{id}/{action}", Custom(closes_hold), 303),
        // A residence's details, edited by its operator (page and API), and the bed report over the API.
        e(GET, "/residences/{id}/edit", OrgPage(PROVIDERS), 200),
        e(POST, "/residences/{id}", OrgPage(PROVIDERS), 303).form(RESIDENCE_FORM),
        // A residence added by its operator, to the caller's own organization.
        e(GET, "/residences/new", Page(PROVIDERS), 200),
        e(POST, "/residences", Page(PROVIDERS), 303).form(RESIDENCE_FORM),
        e(GET, "/api/v1/residences/{id}", OrgApi(PROVIDERS), 200),
        e(PUT, "/api/v1/residences/{id}", OrgApi(PROVIDERS), 200).json(
            r#"{"name": "Matrix House", "address": "1 Main Street", "town": "Hartford", "level": "II",
            "total_beds": 6, "disclaimer": "Not licensed treatment."}"#,
        ),
        e(POST, "/api/v1/residences/{id}/reports", OrgApi(PROVIDERS), 200).json(r#"{"available_beds": 2}"#),
        // Recovery community (issue 20): the public calendar and feeds, a center's staff pages, the kiosk (only a
        // tablet with an open kiosk's cookie is answered: `routes::community`).
        e(GET, "/calendar", Open, 200),
        e(GET, "/calendar.ics", Open, 200),
        e(GET, "/calendar/{center}", Open, 200),
        e(GET, "/calendar/{center}/events.ics", Open, 200),
        e(GET, "/api/v1/calendar", Open, 200),
        e(GET, "/community/events", Page(CENTER_STAFF), 200),
        e(POST, "/community/events", Page(CENTER_STAFF), 303).form(EVENT_FORM),
        e(GET, "/community/events/new", Page(CENTER_STAFF), 200),
        e(GET, "/community/events/{event}", OrgPage(CENTER_STAFF), 200),
        e(POST, "/community/events/{event}", OrgPage(CENTER_STAFF), 303).form(EVENT_FORM),
        e(GET, "/community/attendance", Page(CENTER_STAFF), 200),
        e(POST, "/community/kiosks", Page(CENTER_STAFF), 303),
        e(POST, "/community/kiosks/{kiosk}/close", OrgPage(CENTER_STAFF), 303),
        e(GET, "/kiosk", Custom(no_kiosk_cookie), 404),
        e(POST, "/kiosk", Custom(no_kiosk_cookie), 404).form(&[("first_name", "Ana"), ("reason", "group")]),
        // The JSON API: persons and their records.
        e(GET, "/api/v1/persons", Api(WITH_PERSONS), 200),
        e(POST, "/api/v1/persons", Api(WITH_PERSONS), 201).json(r#"{"preferred_name": "Api Person"}"#),
        e(GET, "/api/v1/persons/{id}", RecordApi, 200).audit("person_read"),
        e(PATCH, "/api/v1/persons/{id}", RecordApi, 200).json(r#"{"pronouns": "she/her"}"#).audit("person_update"),
        e(GET, "/api/v1/persons/{id}/plan", RecordApi, 200).audit("plan_read"),
        e(PUT, "/api/v1/persons/{id}/plan", RecordApi, 200)
            .json(r#"{"version": {v}, "plan": {"goals": []}}"#)
            .audit("plan_update"),
        e(GET, "/api/v1/persons/{id}/plan/versions", RecordApi, 200).audit("plan_read"),
        e(GET, "/api/v1/persons/{id}/assessments", RecordApi, 200).audit("assessment_read"),
        e(POST, "/api/v1/persons/{id}/assessments", RecordApi, 201)
            .json(r#"{"instrument": "barc10", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]}"#)
            .audit("assessment_create"),
        e(GET, "/api/v1/persons/{id}/checkins", RecordApi, 200).audit("checkin_read"),
        e(POST, "/api/v1/persons/{id}/checkins", RecordApi, 201)
            .json(r#"{"mood": 3, "craving": 2, "safe": true}"#)
            .audit("checkin_create"),
        e(GET, "/api/v1/persons/{id}/encounters", RecordApi, 200).audit("encounter_read"),
        e(POST, "/api/v1/persons/{id}/encounters", RecordApi, 201)
            .json(r#"{"date": "{today}", "type": "phone", "minutes": 10, "notes": "secret note"}"#)
            .audit("encounter_create"),
        e(GET, "/api/v1/persons/{id}/checkups", RecordApi, 200).audit("checkup_read"),
        e(POST, "/api/v1/persons/{id}/checkups", RecordApi, 201).json(CHECKUP_JSON).audit("checkup_create"),
        e(GET, "/api/v1/persons/{id}/schedule", RecordApi, 200).audit("schedule_read"),
        e(GET, "/api/v1/persons/{id}/consents", RecordApi, 200),
        e(POST, "/api/v1/persons/{id}/consents", RecordApi, 201).json(CONSENT_JSON),
        e(POST, "/api/v1/consents/{id}/revoke", RecordApi, 200),
        e(GET, "/api/v1/persons/{id}/disclosures", RecordApi, 200),
        e(GET, "/api/v1/persons/{id}/access-log", RecordApi, 200),
        // FHIR R4: the CapabilityStatement is public; the rest behind the person gate, errors as OperationOutcome.
        e(GET, "/fhir/r4/metadata", Open, 200),
        e(GET, "/fhir/r4/Patient", Api(WITH_PERSONS), 200),
        e(GET, "/fhir/r4/Patient/{id}", RecordApi, 200).audit("fhir_read"),
        // A read by id of a kind of the record (here the person's consent): the same gate as reading the person.
        e(GET, "/fhir/r4/{type}/{id}", RecordApi, 200).audit("fhir_read"),
        e(GET, "/fhir/r4/Patient/{id}/$everything", Custom(export_without_recipient), 400),
        e(GET, "/fhir/r4/Observation", Custom(fhir_search_without_patient), 400),
        e(GET, "/fhir/r4/CarePlan", Custom(fhir_search_without_patient), 400),
        e(GET, "/fhir/r4/Goal", Custom(fhir_search_without_patient), 400),
        e(GET, "/fhir/r4/QuestionnaireResponse", Custom(fhir_search_without_patient), 400),
        e(GET, "/fhir/r4/Encounter", Custom(fhir_search_without_patient), 400),
        e(GET, "/fhir/r4/ServiceRequest", Custom(fhir_search_without_patient), 400),
        e(GET, "/fhir/r4/Task", Custom(fhir_search_without_patient), 400),
        e(GET, "/fhir/r4/Consent", Custom(fhir_search_without_patient), 400),
        // Outreach and referrals.
        e(GET, "/api/v1/outreach", Api(WITH_PERSONS), 200),
        e(GET, "/api/v1/reports/people-served", Api(REPORTERS), 200),
        e(POST, "/api/v1/outreach/{item}/attempts", RecordApi, 201)
            .json(r#"{"channel": "phone", "outcome": "no_answer"}"#),
        e(GET, "/api/v1/referrals", Api(REFERRERS), 200),
        e(POST, "/api/v1/referrals", RecordApi, 201)
            .json(r#"{"person_id": "{person}", "service_id": "{service}", "reason": "Needs detox"}"#)
            .over_body_person(),
        e(PATCH, "/api/v1/referrals/{id}", ReferralApi, 200).json(r#"{"status": "cancelled", "reason": "Not needed"}"#),
        // Treatment capacity, holds and transport.
        e(POST, "/api/v1/programs/{id}/capacity", OrgApi(PROVIDERS), 200).json(r#"{"open_beds": 3, "waitlist": 0}"#),
        e(POST, "/api/v1/programs/{id}/reservations", Custom(reserves_bed), 201),
        e(POST, "/api/v1/reservations/{id}/admit", Custom(closes_hold_api), 200),
        e(POST, "/api/v1/reservations/{id}/release", Custom(closes_hold_api), 200),
        e(POST, "/api/v1/transport-requests", OrgApi(LINE), 201)
            .json(r#"{"call_id": "{call}", "pickup": "12 Elm St", "destination": "Detox", "within_hours": 2}"#),
        e(PATCH, "/api/v1/transport-requests/{id}", OrgApi(LINE), 200).json(r#"{"status": "assigned"}"#),
        e(GET, "/api/v1/transport-queue", ApiHidden(LINE), 200),
        // The signed-in staff member's own API tokens.
        e(GET, "/account/tokens", Page(EVERY_STAFF), 200),
        e(POST, "/account/tokens", Page(EVERY_STAFF), 200).form(&[("label", "Matrix"), ("scope", "read")]),
        e(POST, "/account/tokens/{token}/revoke", Custom(someone_elses_token), 303),
        // Every account's own sign-in settings: its password and two-factor sign-in.
        e(GET, "/account/password", Custom(any_account), 200),
        e(POST, "/account/password", Custom(any_account), 422).form(&[
            ("current", ""),
            ("password", ""),
            ("password_again", ""),
        ]),
        e(GET, "/account/two-factor", Custom(any_account), 200),
        e(POST, "/account/two-factor/start", Custom(any_account), 200),
        // A wrong code is refused like a wrong password (401, the form again).
        e(POST, "/account/two-factor", Custom(any_account), 401).form(&[("code", "000000")]),
        e(POST, "/account/two-factor/off", Custom(turns_off_optional_two_factor), 303).form(&[("code", "000000")]),
        // Signing in: the second step and enrolling need a waiting sign-in (none here: back to the sign-in page).
        e(GET, "/login/two-factor", Open, 303),
        e(POST, "/login/two-factor", Open, 303).form(&[("code", "000000")]),
        e(GET, "/login/enroll", Open, 303),
        e(POST, "/login/enroll", Open, 303).form(&[("code", "000000")]),
        // Using a reset link: anyone may try one (an unknown link or code finds nothing).
        e(GET, "/reset", Open, 200),
        e(GET, "/reset/{token}", Open, 404),
        e(POST, "/reset", Open, 404).form(&[("code", "NOPE-NOPE"), ("password", ""), ("password_again", "")]),
        // Administering accounts: an organization's administrator, for its own accounts.
        e(GET, "/accounts", Custom(admin_page), 200),
        e(POST, "/accounts/{account}/disable", Custom(admin_of_account), 303),
        e(POST, "/accounts/{account}/enable", Custom(admin_of_account), 303),
        e(POST, "/accounts/{account}/reset", Custom(admin_of_account), 200),
        e(GET, "/admin/two-factor", Custom(admin_staff_page), 200),
        e(POST, "/admin/two-factor/{account}/reset", Custom(admin_staff_action), 303),
        // A reset link for a person: their coach (assigned) or an administrator, through the gate.
        e(POST, "/persons/{id}/reset", Custom(resets_a_persons_password), 200),
        // A person removes one of their allies.
        e(POST, "/me/allies/{account}/remove", Portal, 303),
        // Issue 17, the state view: a network's administrators (the matrix's organizations are not state
        // agencies, so an unknown organization is a field error), and the network's figures, which only a state
        // agency's reporters read (`routes::network` calls them as one).
        e(GET, "/network", Page(&[Admin]), 200),
        e(POST, "/network/confirm", Page(&[Admin]), 422).form(&[("org", "no-such-org")]),
        e(POST, "/network/leave", Page(&[Admin]), 422).form(&[("org", "no-such-org")]),
        // Only a state agency's administrator records a member's region (the matrix's organizations are not state
        // agencies: 403, audited; `routes::network_region` records one).
        e(POST, "/network/region", Page(&[]), 303).form(&[("org", "no-such-org"), ("region", "North")]),
        e(GET, "/reports/network/people-served", Page(&[]), 200),
        e(GET, "/reports/network/people-served.csv", Page(&[]), 200),
        e(GET, "/api/v1/reports/network/people-served", Api(&[]), 200),
        // Issue 17, perception of care: staff who work with persons make tablet codes; the tablet's pages are
        // open (a wrong code is a field error); the person's own survey; the report is the reporters'.
        e(GET, "/perception/codes", Page(WITH_PERSONS), 200),
        e(POST, "/perception/codes", Page(WITH_PERSONS), 200),
        e(GET, "/survey", Open, 200),
        e(POST, "/survey", Open, 422).form(&[("code", "NOPE-NOPE")]),
        e(POST, "/survey/answers", Open, 422).form(&[("code", "NOPE-NOPE"), ("respect", "5")]),
        e(GET, "/me/survey", Portal, 200),
        e(POST, "/me/survey", Portal, 200).form(&[("respect", "4"), ("comment", "Good help")]),
        e(GET, "/reports/perception", Page(REPORTERS), 200),
        e(GET, "/reports/perception.csv", Page(REPORTERS), 200),
        e(GET, "/api/v1/reports/perception", Api(REPORTERS), 200),
        // Outcome interviews (issue 17): `{episode_today}` makes the person's episode (a service today) first.
        e(GET, "/persons/{id}/outcome-interviews", Record, 200).audit("outcome_interview_read"),
        e(POST, "/persons/{id}/outcome-interviews", Record, 303)
            .form(&[("action", "start"), ("day", "{episode_today}")]),
        e(GET, "/persons/{id}/outcome-interviews/{interview}", Record, 200).audit("outcome_interview_read"),
        e(POST, "/persons/{id}/outcome-interviews/{interview}", Record, 303).form(&[
            ("section", "0"),
            ("days_alcohol_30", "0"),
            ("days_drugs_30", "2"),
        ]),
        e(POST, "/persons/{id}/episode/close", Record, 303)
            .form(&[("ended_on", "{episode_today}"), ("reason", "completed")])
            .audit("episode_close"),
        e(GET, "/api/v1/persons/{id}/outcome-interviews", RecordApi, 200).audit("outcome_interview_read"),
        e(POST, "/api/v1/persons/{id}/outcome-interviews", RecordApi, 201)
            .json(r#"{"answers": {"days_alcohol_30": 0}, "done_on": "{episode_today}"}"#)
            .audit("outcome_interview_save"),
        // Outcome reports: follow-up rate and outcome change (aggregates; as people served).
        e(GET, "/reports/follow-up", Page(REPORTERS), 200),
        e(GET, "/reports/follow-up.csv", Page(REPORTERS), 200),
        e(GET, "/reports/outcome-change", Page(REPORTERS), 200),
        e(GET, "/api/v1/reports/follow-up", Api(REPORTERS), 200),
        e(GET, "/api/v1/reports/outcome-change", Api(REPORTERS), 200),
        // Access and retention (issue 17): the organization's reporters; the network's only a state agency's
        // (`routes::retention` calls them as one).
        e(GET, "/reports/access-retention", Page(REPORTERS), 200),
        e(GET, "/reports/access-retention.csv", Page(REPORTERS), 200),
        e(GET, "/api/v1/reports/access-retention", Api(REPORTERS), 200),
        e(GET, "/reports/network/access-retention", Page(&[]), 200),
        e(GET, "/reports/network/access-retention.csv", Page(&[]), 200),
        e(GET, "/api/v1/reports/network/access-retention", Api(&[]), 200),
        // The network's follow-up rate (issue 17): only a state agency's readers (`routes::outcome_reports`).
        e(GET, "/reports/network/follow-up", Page(&[]), 200),
        e(GET, "/reports/network/follow-up.csv", Page(&[]), 200),
        e(GET, "/api/v1/reports/network/follow-up", Api(&[]), 200),
        // Outcome change's CSV (issue 17), and the network's outcome change: only a state agency's readers.
        e(GET, "/reports/outcome-change.csv", Page(REPORTERS), 200),
        e(GET, "/reports/network/outcome-change", Page(&[]), 200),
        e(GET, "/reports/network/outcome-change.csv", Page(&[]), 200),
        // People served by age band and language (issue 17), as CSV.
        e(GET, "/reports/people-served/demographics.csv", Page(REPORTERS), 200),
        e(GET, "/reports/network/people-served/demographics.csv", Page(&[]), 200),
        e(GET, "/api/v1/reports/network/outcome-change", Api(&[]), 200),
        // Peer services and their financing (issue 21).
        e(GET, "/persons/{id}/service-events", Record, 200).audit("service_event_read"),
        e(POST, "/persons/{id}/service-events", Record, 303).form(SERVICE_EVENT_FORM).audit("service_event_record"),
        e(GET, "/me/service-events", Portal, 200).audit("service_event_read"),
        // Issue 17 (sixth pass): the person's own part of the interview open today (`{episode_today}` opens it).
        e(GET, "/me/outcome-interview", Portal, 200).audit("outcome_interview_read"),
        e(POST, "/me/outcome-interview", Portal, 303)
            .form(&[("section", "0"), ("days_alcohol_30", "1"), ("day", "{episode_today}")])
            .audit("outcome_interview_save"),
        e(GET, "/financing", Page(PROGRAM_LEADS), 200),
        e(GET, "/financing/funder.csv", Page(PROGRAM_LEADS), 200),
        e(GET, "/financing/claims.csv", Page(PROGRAM_LEADS), 200),
        e(GET, "/api/v1/persons/{id}/service-events", RecordApi, 200).audit("service_event_read"),
        e(POST, "/api/v1/persons/{id}/service-events", RecordApi, 201)
            .json(SERVICE_EVENT_JSON)
            .audit("service_event_record"),
        e(POST, "/api/v1/persons/{id}/service-events/check", RecordApi, 200)
            .json(SERVICE_EVENT_JSON)
            .audit("service_event_read"),
        e(GET, "/api/v1/financing/report", Api(PROGRAM_LEADS), 200),
        // Recovery community (issue 20): a center's naloxone and trainings (counts, no person), and the state's
        // figures by region, which only a state agency's reporters read (`routes::naloxone` calls them as one).
        e(GET, "/community/naloxone", Page(CENTER_STAFF), 200),
        e(POST, "/community/naloxone", Page(CENTER_STAFF), 303).form(&[("date", "{yesterday}"), ("kits", "5")]),
        e(POST, "/community/trainings", Page(CENTER_STAFF), 303).form(&[
            ("kind", "naloxone"),
            ("held_on", "{yesterday}"),
            ("attendees", "12"),
        ]),
        e(GET, "/reports/network/naloxone", Page(&[]), 200),
        e(GET, "/reports/network/naloxone.csv", Page(&[]), 200),
        e(GET, "/api/v1/reports/network/naloxone", Api(&[]), 200),
        // Volunteers (the center's staff; a volunteer not on the caller's roster is a field error) and the public
        // list of Recovery Friendly designations, recorded by administrators and supervisors.
        e(GET, "/community/volunteers", Page(CENTER_STAFF), 200),
        e(POST, "/community/volunteers", Page(CENTER_STAFF), 303)
            .form(&[("name", "Matrix Volunteer"), ("agreed_to_list", "true")]),
        e(POST, "/community/volunteer-hours", Page(CENTER_STAFF), 422).form(&[
            ("volunteer", "no-such-volunteer"),
            ("date", "{yesterday}"),
            ("activity", "Front desk"),
            ("hours", "2"),
        ]),
        // Education pages: public; administrators write them.
        e(GET, "/learn", Open, 200),
        e(GET, "/learn/{page}", Open, 200),
        e(GET, "/learn/new", Page(&[Admin]), 200),
        e(GET, "/learn/{page}/edit", Page(&[Admin]), 200),
        e(POST, "/learn", Page(&[Admin]), 303).form(&[
            ("slug", "matrix-saved-page"),
            ("title_en", "Saved"),
            ("body_en", "Text"),
            ("title_es", "Guardada"),
            ("body_es", "Texto"),
            ("source", "Matrix source"),
        ]),
        e(GET, "/recovery-friendly", Open, 200),
        e(GET, "/recovery-friendly/new", Page(PROGRAM_LEADS), 200),
        e(POST, "/recovery-friendly", Page(PROGRAM_LEADS), 303).form(&[
            ("kind", "workplace"),
            ("name", "Matrix Employer"),
            ("designated_on", "{yesterday}"),
            ("designated_by", "Matrix Coalition"),
        ]),
        // Recovery Friendly designation programs (issue 20, item 5): a program's page and an applicant's private
        // link are public (a wrong link is 404: `routes::designation_programs`); the program owner's administrators
        // and supervisors define programs and review applications (another organization's: 404). The matrix's
        // application has step 1 sent: a review returns it, designating is refused (422), then it is withdrawn.
        e(GET, "/recovery-friendly/programs/{designation_program}", Open, 200),
        e(POST, "/recovery-friendly/programs/{designation_program}", Open, 200).form(&[
            ("organization", "Matrix Bakery"),
            ("town", "Hartford"),
            ("contact_name", "Matrix Contact"),
            ("contact_email", "contact@matrix.example"),
        ]),
        e(GET, "/recovery-friendly/applications/{link}", Open, 200),
        e(POST, "/recovery-friendly/applications/{link}", Open, 303).form(&[("step", "0"), ("text", "Our letter")]),
        e(GET, "/designation-programs", Page(PROGRAM_LEADS), 200),
        e(GET, "/designation-programs/new", Page(PROGRAM_LEADS), 200),
        e(POST, "/designation-programs", Page(PROGRAM_LEADS), 303).form(DESIGNATION_PROGRAM_FORM),
        e(GET, "/designation-programs/{designation_program}/edit", OrgPage(PROGRAM_LEADS), 200),
        e(POST, "/designation-programs/{designation_program}", OrgPage(PROGRAM_LEADS), 303)
            .form(DESIGNATION_PROGRAM_FORM),
        e(GET, "/designation-applications/{application}", OrgPage(PROGRAM_LEADS), 200),
        e(POST, "/designation-applications/{application}/review", OrgPage(PROGRAM_LEADS), 303).form(&[
            ("step", "0"),
            ("decision", "return"),
            ("note", "Please add the date"),
        ]),
        e(POST, "/designation-applications/{application}/designate", OrgPage(PROGRAM_LEADS), 422),
        e(POST, "/designation-applications/{application}/withdraw", OrgPage(PROGRAM_LEADS), 303),
        // Issue 21: signing a draft, co-signing, correcting a signed service (the matrix's events are the
        // organization administrator's: see `service_event_rule`).
        e(POST, "/persons/{id}/service-events/{service_event}/sign", Custom(signs_service), 303),
        e(POST, "/persons/{id}/service-events/{service_event}/cosign", Custom(cosigns_service), 303),
        e(GET, "/persons/{id}/service-events/{service_event}/correct", Custom(corrects_service), 200),
        e(POST, "/persons/{id}/service-events/{service_event}/correct", Custom(corrects_service), 303)
            .form(CORRECTION_FORM),
        e(POST, "/api/v1/persons/{id}/service-events/{service_event}/sign", Custom(signs_service_api), 200),
        e(POST, "/api/v1/persons/{id}/service-events/{service_event}/cosign", Custom(cosigns_service_api), 200),
        e(POST, "/api/v1/persons/{id}/service-events/{service_event}/corrections", Custom(corrects_service_api), 201)
            .json(CORRECTION_JSON),
        // Issue 21: staff credentials and supervision contacts.
        e(GET, "/financing/credentials", Page(PROGRAM_LEADS), 200),
        e(POST, "/financing/credentials", Page(PROGRAM_LEADS), 303).form(&[
            ("staff_member", "{coach}"),
            ("credential_kind", "Recovery coach training"),
            ("issued_on", "{today}"),
        ]),
        e(POST, "/financing/supervision", Page(PROGRAM_LEADS), 303).form(&[
            ("staff_member", "{coach}"),
            ("held_on", "{today}"),
            ("minutes", "45"),
            ("topics", "documentation"),
        ]),
        // Issue 21: an administrator sets up payer profiles, funding sources and a person's vouchers.
        e(GET, "/financing/funding", Page(&[Admin]), 200),
        e(POST, "/financing/profiles", Page(&[Admin]), 303).form(PROFILE_FORM),
        e(GET, "/financing/profiles/{profile}", OrgPage(&[Admin]), 200),
        e(POST, "/financing/profiles/{profile}", OrgPage(&[Admin]), 303).form(PROFILE_FORM),
        e(POST, "/financing/sources", Page(&[Admin]), 303).form(GRANT_FORM),
        e(GET, "/financing/sources/{funding_source}", OrgPage(&[Admin]), 200),
        e(POST, "/financing/sources/{funding_source}", OrgPage(&[Admin]), 303).form(PAYER_FORM),
        e(GET, "/persons/{id}/vouchers", Record, 200).audit("service_event_read"),
        e(POST, "/persons/{id}/vouchers", Custom(issues_voucher), 303).form(VOUCHER_FORM),
        e(GET, "/api/v1/financing/profiles", Api(&[Admin]), 200),
        e(POST, "/api/v1/financing/profiles", Api(&[Admin]), 201).json(PROFILE_JSON),
        e(PUT, "/api/v1/financing/profiles/{profile}", Custom(admin_org_api), 200).json(PROFILE_JSON),
        e(GET, "/api/v1/financing/sources", Api(&[Admin]), 200),
        e(POST, "/api/v1/financing/sources", Api(&[Admin]), 201).json(GRANT_JSON),
        e(PUT, "/api/v1/financing/sources/{funding_source}", Custom(admin_org_api), 200).json(PAYER_JSON),
        e(GET, "/api/v1/persons/{id}/vouchers", RecordApi, 200).audit("service_event_read"),
        e(POST, "/api/v1/persons/{id}/vouchers", Custom(issues_voucher_api), 201).json(VOUCHER_JSON),
        // Issue 20 (branch volunteers): a center's volunteer — their check and training dates, removal from the
        // roster (another center's volunteer 404).
        e(GET, "/community/volunteers/{volunteer}", OrgPage(CENTER_STAFF), 200),
        e(POST, "/community/volunteers/{volunteer}/dates", OrgPage(CENTER_STAFF), 303)
            .form(&[("background_check_until", "{today}"), ("training_until", "")]),
        e(POST, "/community/volunteers/{volunteer}/remove", OrgPage(CENTER_STAFF), 303)
            .form(&[("confirm_removal", "true")]),
        // Issue 21 (fifth pass): staff credentials and supervision contacts through the API, as the page.
        e(GET, "/api/v1/financing/credentials", Api(PROGRAM_LEADS), 200),
        e(POST, "/api/v1/financing/credentials", Api(PROGRAM_LEADS), 201).json(
            r#"{"staff_member": "{coach}", "credential_kind": "Recovery coach training", "issued_on": "{today}"}"#,
        ),
        e(POST, "/api/v1/financing/supervision", Api(PROGRAM_LEADS), 201)
            .json(r#"{"staff_member": "{coach}", "held_on": "{today}", "minutes": 45, "topics": ["documentation"]}"#),
        // Issue 21 (fifth pass): an administrator changes or withdraws a person's voucher (the person gate first).
        e(GET, "/persons/{id}/vouchers/{voucher}", Custom(issues_voucher), 200),
        e(POST, "/persons/{id}/vouchers/{voucher}", Custom(issues_voucher), 303).form(&[
            ("authorized_units", "12"),
            ("expires_on", "2099-12-31"),
            ("withdrawn", "yes"),
        ]),
        e(PUT, "/api/v1/persons/{id}/vouchers/{voucher}", Custom(issues_voucher_api), 200)
            .json(r#"{"authorized_units": 12, "expires_on": "2099-12-31", "withdrawn": true}"#),
        // Issue 20 (branch fin-stream): a volunteer taken off the roster put back on it (the matrix's volunteer is
        // taken off first), as the removal; a new private link for an application, shown once (200).
        e(POST, "/community/volunteers/{volunteer}/restore", OrgPage(CENTER_STAFF), 303),
        e(POST, "/designation-applications/{application}/link", OrgPage(PROGRAM_LEADS), 200),
        // Issue 20 (branch kiosk-known): a known person's kiosk check-in code and visits, on their record.
        e(GET, "/persons/{id}/kiosk", Record, 200).audit("kiosk_visit_read"),
        e(POST, "/persons/{id}/kiosk-code", Record, 200).audit("kiosk_code_save"),
        e(POST, "/persons/{id}/kiosk-code/remove", Record, 303).form(&[("declined", "yes")]).audit("kiosk_code_save"),
        e(GET, "/me/kiosk", Portal, 200),
        e(POST, "/me/kiosk-code/remove", Portal, 303).form(&[("declined", "yes")]),
        // Issue 20 (branch rf-evidence): a file sent with an application's evidence, downloaded by the applicant
        // through the private link and by the program owner's advisors (another organization's: 404); a training
        // the owner recorded attached to the application.
        e(GET, "/recovery-friendly/applications/{link}/evidence/{evidence_file}", Open, 200),
        e(GET, "/designation-applications/{application}/evidence/{evidence_file}", OrgPage(PROGRAM_LEADS), 200),
        e(POST, "/designation-applications/{application}/trainings", OrgPage(PROGRAM_LEADS), 303)
            .form(&[("training", "{recorded_training}")]),
        // Issue 20 (branch rf-api): the public designations and programs as JSON (no token); a training attached to
        // the application detached by the program owner's advisors (another organization's: 404); a file the
        // applicant sent removed through their private link.
        e(GET, "/api/v1/recovery-friendly", Open, 200),
        e(GET, "/api/v1/recovery-friendly/programs", Open, 200),
        e(POST, "/designation-applications/{application}/trainings/{training}/detach", OrgPage(PROGRAM_LEADS), 303)
            .form(&[("confirm_detach", "yes")]),
        e(POST, "/recovery-friendly/applications/{link}/evidence/{evidence_file}/remove", Open, 303)
            .form(&[("confirm_removal", "yes")]),
        // Issue 20 (branch kiosk-staff): a known person signed in by the center's staff from the attendance page.
        e(POST, "/community/attendance/sign-ins", Custom(signs_in_at_desk), 303)
            .form(&[("person", "{person}"), ("for", "coach"), ("q", "")])
            .over_body_person(),
    ]
}

/// Signing a known person in from the attendance page (issue 20, branch kiosk-staff): the center's staff only
/// (other staff 403, whatever records they reach), then the record's gate — another organization's person 404.
fn signs_in_at_desk(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(role) if CENTER_STAFF.contains(&role) => reach(role, target),
        Who::Staff(_) => FORBIDDEN,
        _ => Want::Login,
    }
}

/// A payer profile with no limits (issue 21).
const PROFILE_FORM: &[(&str, &str)] =
    &[("name", "Matrix profile"), ("unit_minutes", "15"), ("rounding", "midpoint"), ("rate", "18.00")];
/// A grant under the organization's profile (issue 21).
const GRANT_FORM: &[(&str, &str)] = &[
    ("name", "Matrix grant"),
    ("kind", "grant"),
    ("profile", "{profile}"),
    ("starts_on", "2026-01-01"),
    ("ends_on", "2027-12-31"),
    ("budget_in", "dollars"),
    ("budget", "1000"),
];
/// The matrix's payer (`{funding}`) renamed, under the organization's profile (issue 21).
const PAYER_FORM: &[(&str, &str)] = &[("name", "Matrix payer renamed"), ("kind", "payer"), ("profile", "{profile}")];
/// A voucher under the organization's voucher program (issue 21).
const VOUCHER_FORM: &[(&str, &str)] = &[
    ("funding_source", "{voucher_program}"),
    ("number", "M-1"),
    ("authorized_units", "10"),
    ("expires_on", "2099-12-31"),
];

const PROFILE_JSON: &str =
    r#"{"name": "Matrix profile", "unit_minutes": 15, "rounding": "midpoint", "rate_cents": 1800}"#;
const GRANT_JSON: &str = r#"{"name": "Matrix grant", "kind": "grant", "profile": "{profile}",
    "starts_on": "2026-01-01", "ends_on": "2027-12-31", "budget_cents": 100000}"#;
const PAYER_JSON: &str = r#"{"name": "Matrix payer renamed", "kind": "payer", "profile": "{profile}"}"#;
const VOUCHER_JSON: &str = r#"{"funding_source": "{voucher_program}", "number": "M-2", "authorized_units": 10,
    "expires_on": "2099-12-31"}"#;

/// An organization's financing set-up over the API (issue 21): its administrators (another organization's record
/// 404); other staff 403; no token 401.
fn admin_org_api(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(Admin) if target == Target::OtherOrg => NOT_FOUND,
        Who::Staff(Admin) => Want::Ok,
        Who::Staff(_) => FORBIDDEN,
        _ => UNAUTHORIZED,
    }
}

fn issues_voucher_api(who: Who, target: Target) -> Want {
    service_event_rule(who, target, &[Admin], true)
}

/// Issuing a person a voucher (issue 21): the person gate first, then administrators only (anyone else who reaches
/// the person 403, audited as `access_denied`).
fn issues_voucher(who: Who, target: Target) -> Want {
    service_event_rule(who, target, &[Admin], false)
}

/// A service event of 30 minutes today, against the organization's funding source, signed at once (issue 21).
const SERVICE_EVENT_FORM: &[(&str, &str)] = &[
    ("date", "{today}"),
    ("starts_at", "10:00"),
    ("minutes", "30"),
    ("place_of_service", "11"),
    ("funding_source", "{funding}"),
    ("intent", "sign"),
];
const SERVICE_EVENT_JSON: &str = r#"{"date": "{today}", "starts_at": "10:00", "minutes": 30,
    "place_of_service": "11", "funding_source": "{funding}", "sign": true}"#;
/// A correction of the service event: another place of service, with the reason (issue 21).
const CORRECTION_FORM: &[(&str, &str)] = &[
    ("reason", "The wrong place of service was typed"),
    ("date", "{today}"),
    ("starts_at", "10:00"),
    ("minutes", "30"),
    ("place_of_service", "12"),
    ("funding_source", "{funding}"),
    ("intent", "record"),
];
const CORRECTION_JSON: &str = r#"{"reason": "The wrong place of service was typed", "event": {"date": "{today}",
    "starts_at": "10:00", "minutes": 30, "place_of_service": "12", "funding_source": "{funding}"}}"#;

/// Signing, co-signing and correcting a service event (issue 21), which the matrix makes as the organization's
/// administrator, never as the caller: the person gate first (outside the caller's reach 404, roles without person
/// records 403), then who may — `allowed` roles succeed, anyone else who reaches the person 403 (audited as
/// `access_denied`: `routes::financing`). Signing is only the staff member who gave the service: here, nobody.
fn service_event_rule(who: Who, target: Target, allowed: &[Role], api: bool) -> Want {
    match who {
        Who::Staff(r) => match reach(r, target) {
            Want::Ok if allowed.contains(&r) => Want::Ok,
            Want::Ok => FORBIDDEN,
            other => other,
        },
        _ if api => UNAUTHORIZED,
        Who::Anonymous => Want::Login,
        Who::Person | Who::Ally => NOT_FOUND,
    }
}

fn signs_service(who: Who, target: Target) -> Want {
    service_event_rule(who, target, &[], false)
}

fn signs_service_api(who: Who, target: Target) -> Want {
    service_event_rule(who, target, &[], true)
}

fn cosigns_service(who: Who, target: Target) -> Want {
    service_event_rule(who, target, &[Supervisor], false)
}

fn cosigns_service_api(who: Who, target: Target) -> Want {
    service_event_rule(who, target, &[Supervisor], true)
}

fn corrects_service(who: Who, target: Target) -> Want {
    service_event_rule(who, target, &[Supervisor, Admin], false)
}

fn corrects_service_api(who: Who, target: Target) -> Want {
    service_event_rule(who, target, &[Supervisor, Admin], true)
}

/// A page of one's own account: every signed-in account (staff, person, ally); nobody signed in signs in first.
fn any_account(who: Who, _: Target) -> Want {
    if who == Who::Anonymous { Want::Login } else { Want::Ok }
}

/// An administrator's page over their organization's accounts: other staff 403; a person or an ally 404.
fn admin_page(who: Who, _: Target) -> Want {
    match who {
        Who::Staff(Admin) => Want::Ok,
        Who::Staff(_) => FORBIDDEN,
        Who::Person | Who::Ally => NOT_FOUND,
        Who::Anonymous => Want::Login,
    }
}

/// Turning one's own two-factor sign-in off: refused (403) where the role requires it (the default: admin,
/// supervisor, clinician); anyone else comes back to the page (nothing was on here).
fn turns_off_optional_two_factor(who: Who, _: Target) -> Want {
    match who {
        Who::Anonymous => Want::Login,
        Who::Staff(Admin | Supervisor | Clinician) => FORBIDDEN,
        _ => Want::Ok,
    }
}

/// The administrators' two-factor page: other staff 403; anyone else signs in as staff first.
fn admin_staff_page(who: Who, _: Target) -> Want {
    match who {
        Who::Staff(Admin) => Want::Ok,
        Who::Staff(_) => FORBIDDEN,
        _ => Want::Login,
    }
}

/// Resetting an account's authenticator: its organization's administrator (another organization's account 404).
fn admin_staff_action(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(Admin) if target != Target::OtherOrg => Want::Ok,
        Who::Staff(Admin) => NOT_FOUND,
        Who::Staff(_) => FORBIDDEN,
        _ => Want::Login,
    }
}

/// An action on one account: its organization's administrator; another organization's account 404.
fn admin_of_account(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(Admin) if target != Target::OtherOrg => Want::Ok,
        Who::Staff(Admin) => NOT_FOUND,
        Who::Staff(_) => FORBIDDEN,
        Who::Person | Who::Ally => NOT_FOUND,
        Who::Anonymous => Want::Login,
    }
}

/// A person's reset link: an administrator of their organization, or the coach they are assigned to (through the
/// gate: another coach's person, another organization's, 404); other roles 403; persons and allies 404.
fn resets_a_persons_password(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(Admin) if target != Target::OtherOrg => Want::Ok,
        Who::Staff(Coach) if target == Target::Assigned => Want::Ok,
        Who::Staff(Admin | Coach) => NOT_FOUND,
        Who::Staff(_) => FORBIDDEN,
        Who::Person | Who::Ally => NOT_FOUND,
        Who::Anonymous => Want::Login,
    }
}

/// Revoking a token: only one's own (tested in `routes::tokens`); the matrix's token is an administrator's, so to
/// every other staff member it is not found, and anyone not signed in as staff is sent to sign in.
fn someone_elses_token(who: Who, _: Target) -> Want {
    match who {
        Who::Staff(_) => NOT_FOUND,
        _ => Want::Login,
    }
}

/// `/login`: the form to nobody; anyone signed in goes to their home.
fn signed_in_go_home(who: Who, _: Target) -> Want {
    if who == Who::Anonymous { Want::Ok } else { Want::Status(303) }
}

/// Closing a hold from the provider's page: the program's own provider staff and administrators (another
/// organization's program: 404); everyone else 403 — the line closes its holds through the API.
fn closes_hold(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(Admin | ProviderStaff) if target != Target::OtherOrg => Want::Ok,
        Who::Staff(Admin | ProviderStaff) => NOT_FOUND,
        Who::Staff(_) => FORBIDDEN,
        _ => Want::Login,
    }
}

/// The drop-in kiosk (issue 20) answers only a tablet with an open kiosk's cookie, which no caller here has.
fn no_kiosk_cookie(_: Who, _: Target) -> Want {
    NOT_FOUND
}

fn closes_hold_api(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(AccessLine) => Want::Ok,
        Who::Staff(Admin | ProviderStaff) if target != Target::OtherOrg => Want::Ok,
        Who::Staff(_) => NOT_FOUND,
        _ => UNAUTHORIZED,
    }
}

/// Holding a bed: the line anywhere, administrators at their own organization's programs.
fn reserves_bed(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(AccessLine) => Want::Ok,
        Who::Staff(Admin) if target != Target::OtherOrg => Want::Ok,
        Who::Staff(_) => NOT_FOUND,
        _ => UNAUTHORIZED,
    }
}

/// Reaching a person's record: `PersonScope`.
fn reach(role: Role, target: Target) -> Want {
    match role {
        Admin | Supervisor | Clinician if target != Target::OtherOrg => Want::Ok,
        Coach if target == Target::Assigned => Want::Ok,
        Admin | Supervisor | Clinician | Coach => NOT_FOUND,
        AccessLine | ProviderStaff | Analyst | DirectoryEditor => FORBIDDEN,
    }
}

/// `$everything` as the matrix calls it (no `recipient`): the person gate first (outside the caller's reach 404, roles
/// without person records 403), then 400 naming the missing recipient (the consent gate is `routes::fhir`'s).
fn export_without_recipient(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(r) => match reach(r, target) {
            Want::Ok => Want::Status(400),
            other => other,
        },
        _ => UNAUTHORIZED,
    }
}

/// The staff export form sending to a recipient no consent names: as a record page (the person gate first); those
/// who reach the record get the form again with the consent gate's refusal, 403 (the entry's status: the export
/// itself is `routes::fhir`'s).
fn export_page_refused(who: Who, target: Target) -> Want {
    match who {
        Who::Staff(r) => reach(r, target),
        Who::Person | Who::Ally => NOT_FOUND,
        Who::Anonymous => Want::Login,
    }
}

/// An Observation search without `patient`: 400 to anyone with a token, before any record is looked at.
fn fhir_search_without_patient(who: Who, _: Target) -> Want {
    match who {
        Who::Staff(_) => Want::Ok,
        _ => UNAUTHORIZED,
    }
}

fn want(rule: Rule, who: Who, target: Target) -> Want {
    let in_org = |roles: &[Role], r: Role| match (roles.contains(&r), target) {
        (false, _) => FORBIDDEN,
        (true, Target::OtherOrg) => NOT_FOUND,
        (true, _) => Want::Ok,
    };
    match (rule, who) {
        (Rule::Open, _) => Want::Ok,
        (Rule::Custom(f), _) => f(who, target),
        (Rule::Record | Rule::RecordApi | Rule::StaffRecord, Who::Staff(r)) => reach(r, target),
        (Rule::Referral | Rule::ReferralApi, Who::Staff(r)) => match reach(r, target) {
            FORBIDDEN => NOT_FOUND,
            other => other,
        },
        (Rule::Page(roles) | Rule::Api(roles), Who::Staff(r)) => {
            if roles.contains(&r) {
                Want::Ok
            } else {
                FORBIDDEN
            }
        }
        (Rule::ApiHidden(roles), Who::Staff(r)) => {
            if roles.contains(&r) {
                Want::Ok
            } else {
                NOT_FOUND
            }
        }
        (Rule::OrgPage(roles), Who::Staff(r)) => in_org(roles, r),
        (Rule::OrgApi(roles), Who::Staff(r)) => match in_org(roles, r) {
            FORBIDDEN => NOT_FOUND,
            other => other,
        },
        (Rule::RecordApi | Rule::ReferralApi | Rule::Api(_) | Rule::ApiHidden(_) | Rule::OrgApi(_), _) => UNAUTHORIZED,
        (Rule::Record | Rule::Portal | Rule::AllyOnly, Who::Anonymous) => Want::Login,
        (Rule::Record, Who::Person | Who::Ally) => NOT_FOUND,
        (Rule::Portal, Who::Person) | (Rule::AllyOnly, Who::Ally) => Want::Ok,
        (Rule::Portal | Rule::AllyOnly, _) => NOT_FOUND,
        (Rule::Page(_) | Rule::OrgPage(_) | Rule::StaffRecord | Rule::Referral, _) => Want::Login,
    }
}

/// Whether a rule's answers depend on whose record the path names (so each target is tried).
fn targets_of(entry: &Entry) -> &'static [Target] {
    let has_id = entry.path.contains('{') || entry.body_person || entry.json.is_some_and(|j| j.contains("{call}"));
    match entry.rule {
        Rule::Record | Rule::RecordApi | Rule::StaffRecord | Rule::Referral | Rule::ReferralApi => &TARGETS,
        Rule::OrgPage(_) | Rule::OrgApi(_) | Rule::Custom(_) if has_id => &[Target::Assigned, Target::OtherOrg],
        _ => &[Target::Assigned],
    }
}

#[test]
fn every_route_is_in_the_matrix() {
    let served = route_table::served();
    let mut entries = BTreeSet::new();
    let mut twice = Vec::new();
    for entry in matrix() {
        if !entries.insert((entry.method.to_owned(), entry.path.to_owned())) {
            twice.push(format!("{} {}", entry.method, entry.path));
        }
    }
    let missing: Vec<String> = served.difference(&entries).map(|(m, p)| format!("{m} {p}")).collect();
    let gone: Vec<String> = entries.difference(&served).map(|(m, p)| format!("{m} {p}")).collect();
    assert!(
        missing.is_empty() && gone.is_empty() && twice.is_empty(),
        "the access matrix (tests/http/access_matrix.rs, matrix()) must have one entry per route the app serves.\n\
         Routes without an entry: {missing:#?}\nEntries for routes that are gone: {gone:#?}\nEntries twice: {twice:#?}"
    );
    assert!(served.len() > 150, "the route table was read ({} routes)", served.len());
}

/// The records the matrix calls routes over: two organizations with an administrator each (who makes the records),
/// a colleague coach, the other organization's coach, a directory listing and a service to refer to.
struct World {
    app: TestApp,
    admins: [Staff; 2],
    colleague: AccountId,
    other_coach: AccountId,
    listing: String,
    dir_org: String,
    receiving: Uuid,
    anonymous: Staff,
}

/// Each request comes from its own address, so the public forms' per-address limits don't count the matrix.
fn next_addr() -> SocketAddr {
    static N: AtomicU32 = AtomicU32::new(1);
    let n = N.fetch_add(1, Ordering::Relaxed);
    SocketAddr::from(([10, (n >> 16) as u8, (n >> 8) as u8, n as u8], 40000))
}

impl World {
    async fn new() -> Self {
        // Every caller posts the same wrong sign-in: no delays here (they are `routes::auth`'s to test).
        let lenient = pathways_domain::throttle::SignInPolicy {
            free_failures_per_login: 10_000,
            max_failures_per_address: 10_000,
            ..Default::default()
        };
        let app = TestApp::new().await.with_sign_in_policy(lenient);
        let admins = [app.staff(app.org, Admin).await, app.staff(app.other_org, Admin).await];
        let colleague = app.staff(app.org, Coach).await.id;
        let other_coach = app.staff(app.other_org, Coach).await.id;
        // A browser that opened the sign-in page: its pre-session cookie and form token.
        let login = app.send(Request::get("/login").body(HttpBody::empty()).expect("request")).await;
        let anonymous = Staff {
            id: AccountId::from_uuid(Uuid::nil()),
            org: app.org,
            email: "anonymous".into(),
            cookie: set_cookies(&login.headers).join("; "),
            csrf: csrf_in(&login.body),
            token: String::new(),
        };
        let made = app.post_form(&admins[0], "/directory", LISTING_FORM).await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "a listing: {}", made.body);
        let listing = made.location().trim_start_matches("/directory/").split('/').next().expect("id").to_owned();
        let orgs = app.send(Request::get("/api/hsds/organizations").body(HttpBody::empty()).expect("req")).await;
        let orgs = orgs.json();
        let dir_org =
            orgs["contents"][0]["id"].as_str().or(orgs[0]["id"].as_str()).expect("an HSDS organization").to_owned();
        let receiving = app.directory_service("Matrix Detox", "Matrix Detox Inc.", None).await;
        Self { app, admins, colleague, other_coach, listing, dir_org, receiving, anonymous }
    }

    fn org(&self, target: Target) -> OrgId {
        if target == Target::OtherOrg { self.app.other_org } else { self.app.org }
    }

    /// A coach of the target's organization.
    fn coach_of(&self, target: Target) -> AccountId {
        if target == Target::OtherOrg { self.other_coach } else { self.colleague }
    }

    fn admin(&self, target: Target) -> &Staff {
        &self.admins[usize::from(target == Target::OtherOrg)]
    }
}

/// A caller: who, signed in how, and (a person, an ally) whose record is theirs.
struct Caller {
    who: Who,
    login: Staff,
    own: Option<PersonId>,
}

/// The records one (caller, target) works on, made as they are first needed; made afresh after a call changed them.
struct Cell {
    target: Target,
    /// The person the path (or the body) names.
    person: PersonId,
    made: HashMap<&'static str, String>,
    version: u32,
    /// The person's name (a consent's signature).
    name: &'static str,
}

impl Cell {
    async fn new(w: &World, caller: &Caller, target: Target, portal: bool) -> Self {
        let app = &w.app;
        let person = match (portal, caller.own, caller.who, target) {
            (true, Some(own), _, _) => own,
            (_, _, _, Target::OtherOrg) => app.person(app.other_org, "Matrix Person", Some(w.other_coach)).await,
            (_, _, Who::Staff(_), Target::Assigned) => {
                app.person(app.org, "Matrix Person", Some(caller.login.id)).await
            }
            _ => app.person(app.org, "Matrix Person", Some(w.colleague)).await,
        };
        let name = if portal && caller.own.is_some() { "Matrix Self" } else { "Matrix Person" };
        Self { target, person, made: HashMap::new(), version: 0, name }
    }

    /// The value of a path parameter or body placeholder.
    async fn value(&mut self, w: &World, path: &str, name: &str) -> String {
        let key: &'static str = match name {
            "id" if path.starts_with("/access-line/calls/{id}/referrals") => "call_person",
            "id" => id_kind(path),
            "item" if path.contains("/attention/") => "attention",
            "item" => "outreach",
            "action" if path.starts_with("/holds/") || path.starts_with("/residence-holds/") => {
                return "release".into();
            }
            "action" => return "verify".into(),
            "code" => return "es".into(),
            "type" => return "Consent".into(),
            "file" => return "app.css".into(),
            "token" if path.starts_with("/account/tokens") => "api_token",
            "token" if path.starts_with("/reset/") => return "no-such-reset-link".into(),
            "account" if path.starts_with("/me/allies/") => "ally_account",
            "account" if path.starts_with("/admin/two-factor/") => "two_factor_account",
            "account" => "staff_account",
            "token" => return "matrixtoken".into(),
            "today" => return chrono::Utc::now().date_naive().to_string(),
            // A date that is today or before in any zone (issue 20: naloxone figures may not be dated ahead).
            "yesterday" => return (chrono::Utc::now().date_naive() - chrono::Duration::days(1)).to_string(),
            "episode_today" => "episode",
            "interview" => "interview",
            "listing" => return w.listing.clone(),
            "dir_org" => return w.dir_org.clone(),
            "person" => return self.person.to_string(),
            "name" => return self.name.to_owned(),
            "coach" => return w.colleague.to_string(),
            "consent" if path.ends_with("/end") => "event_consent",
            "consent" if path.ends_with("/scan") => "scan",
            "v" => {
                self.make(w, "plan").await;
                return self.version.to_string();
            }
            "goal" => "plan",
            "version" => {
                self.make(w, "plan").await;
                return "1".into();
            }
            "assessment" => "assessment",
            "detail" => "detail",
            "consent" => "consent",
            "scan" => "scan",
            "task" => "task",
            "program" => "program",
            "funding" => "funding",
            "service" => "service",
            "call" => "call",
            // Recovery community (issue 20).
            "event" => "community_event",
            "kiosk" => "kiosk",
            "center" => return "home-org".into(),
            "page" => "education_page",
            // Peer services (issue 21): signing takes a draft, the rest a signed event.
            "service_event" if path.ends_with("/sign") => "draft_service_event",
            "service_event" => "service_event",
            // Setting up financing (issue 21).
            "profile" => "profile",
            "funding_source" => "funding",
            "voucher_program" => "voucher_program",
            // A center's volunteer (issue 20, branch volunteers).
            "volunteer" if path.ends_with("/restore") => "removed_volunteer",
            "volunteer" => "volunteer",
            // Recovery Friendly designation programs (issue 20, item 5).
            "designation_program" => "designation_program",
            "application" => "designation_application",
            "link" => "designation_link",
            "voucher" => "voucher",
            // An application's evidence file (issue 20, branch rf-evidence): of the path's own application.
            "evidence_file" if path.starts_with("/recovery-friendly/") => "link_evidence_file",
            "evidence_file" => "application_evidence_file",
            "recorded_training" => "recorded_training",
            // A training attached to the path's application (issue 20, branch rf-api).
            "training" if path.starts_with("/designation-applications/") => "attached_training",
            other => panic!("the matrix can't fill {{{other}}} in {path}"),
        };
        self.make(w, key).await
    }

    async fn make(&mut self, w: &World, key: &'static str) -> String {
        if let Some(v) = self.made.get(key) {
            return v.clone();
        }
        let app = &w.app;
        let admin = w.admin(self.target);
        let p = self.person;
        let api = |m: Method, path: String, body: serde_json::Value| async move {
            let r = app.api(admin, m, &path, Some(body)).await;
            assert!(r.status.is_success(), "making {path}: {} {}", r.status, r.body);
            r.json()
        };
        let v = match key {
            "person" => p.to_string(),
            "listing" => w.listing.clone(),
            "dir_org" => w.dir_org.clone(),
            "plan" => {
                let goal = Uuid::now_v7();
                let plan = json!({"goals": [{"id": goal, "dimension": "home", "text": "Find my own apartment"}]});
                // The person's own record lives on across cells: start from its current version.
                let current = app.api(admin, Method::GET, &format!("/api/v1/persons/{p}/plan"), None).await;
                let v =
                    if current.status == StatusCode::OK { current.json()["version"].as_u64().unwrap_or(0) } else { 0 };
                let v = u32::try_from(v).expect("version");
                api(Method::PUT, format!("/api/v1/persons/{p}/plan"), json!({"version": v, "plan": plan})).await;
                api(Method::PUT, format!("/api/v1/persons/{p}/plan"), json!({"version": v + 1, "plan": plan})).await;
                self.version = v + 2;
                goal.to_string()
            }
            "assessment" => {
                let body = json!({"instrument": "barc10", "answers": [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]});
                id_of(&api(Method::POST, format!("/api/v1/persons/{p}/assessments"), body).await)
            }
            "consent" => {
                let body: serde_json::Value = serde_json::from_str(CONSENT_JSON).expect("json");
                id_of(&api(Method::POST, format!("/api/v1/persons/{p}/consents"), body).await)
            }
            "event_consent" => {
                let mut body: serde_json::Value = serde_json::from_str(CONSENT_JSON).expect("json");
                body.as_object_mut().expect("object").remove("expires_on");
                body["expiry_event"] = json!("end of treatment");
                id_of(&api(Method::POST, format!("/api/v1/persons/{p}/consents"), body).await)
            }
            "scan" => {
                let consent = Box::pin(self.make(w, "consent")).await;
                let path = format!("/persons/{p}/consents/{consent}/scan");
                let r = send(app, admin, Method::POST, &path, &[], None).await;
                assert_eq!(r.status, StatusCode::SEE_OTHER, "a scan: {}", r.body);
                consent
            }
            "call_person" => {
                let call = Box::pin(self.make(w, "call")).await;
                let coach = w.coach_of(self.target).to_string();
                let r = app.post_form(admin, &format!("/access-line/calls/{call}/person"), &[("coach", &coach)]).await;
                assert_eq!(r.status, StatusCode::SEE_OTHER, "a person from the call: {}", r.body);
                let call_id: Uuid = call.parse().expect("a call id");
                let made =
                    pathways_store::access_calls::person_of_call(app.db.store.reader(), w.org(self.target), call_id)
                        .await
                        .expect("query")
                        .expect("the call's person");
                let tpo = json!({"categories": ["referral_information"], "recipient": {"kind": "general"},
                    "tpo": true, "purpose": "Treatment", "signed_on": "2026-11-01", "paper_on_file": true});
                api(Method::POST, format!("/api/v1/persons/{made}/consents"), tpo).await;
                call
            }
            "service" => {
                let tpo = json!({"categories": ["referral_information"], "recipient": {"kind": "general"},
                    "tpo": true, "purpose": "Treatment", "signed_on": "2026-11-01", "paper_on_file": true});
                api(Method::POST, format!("/api/v1/persons/{p}/consents"), tpo).await;
                w.receiving.to_string()
            }
            "referral" => {
                let service = Box::pin(self.make(w, "service")).await;
                let body = json!({"person_id": p.to_string(), "service_id": service, "reason": "Needs detox"});
                id_of(&api(Method::POST, "/api/v1/referrals".into(), body).await)
            }
            // Outcome interviews (issue 17): an episode starting today in the deployment's zone (a service), and
            // an interview in progress of it.
            "episode" => {
                let today = chrono::Utc::now().with_timezone(&chrono_tz::America::New_York).date_naive().to_string();
                let body = json!({"date": today, "type": "phone", "minutes": 10});
                api(Method::POST, format!("/api/v1/persons/{p}/encounters"), body).await;
                today
            }
            "interview" => {
                let today = Box::pin(self.make(w, "episode")).await;
                let body = json!({"answers": {}, "done_on": today});
                id_of(&api(Method::POST, format!("/api/v1/persons/{p}/outcome-interviews"), body).await)
            }
            "task" => {
                let body: serde_json::Value = serde_json::from_str(CHECKUP_JSON).expect("json");
                let made = api(Method::POST, format!("/api/v1/persons/{p}/checkups"), body).await;
                made["linkage_task_id"].as_str().expect("a linkage task").to_owned()
            }
            "outreach" => {
                Box::pin(self.make(w, "task")).await;
                let queue = app.api(admin, Method::GET, "/api/v1/outreach", None).await.json();
                let mine = queue.as_array().into_iter().flatten().find(|i| i["person_id"] == p.to_string());
                mine.and_then(|i| i["id"].as_str()).expect("an outreach item").to_owned()
            }
            "attention" => {
                let body = json!({"mood": 1, "craving": 9, "safe": false});
                api(Method::POST, format!("/api/v1/persons/{p}/checkins"), body).await;
                let page = app.page(admin, &format!("/persons/{p}")).await.body;
                after(&page, "/attention/")
            }
            "detail" => {
                let fields = [("kind", "phone"), ("value", "(860) 555-0142"), ("consent", "yes")];
                let r = app.post_form(admin, &format!("/persons/{p}/locator"), &fields).await;
                assert_eq!(r.status, StatusCode::SEE_OTHER, "a locator detail: {}", r.body);
                after(&app.page(admin, &format!("/persons/{p}/locator")).await.body, "/locator/")
            }
            "call" => {
                let fields = [
                    ("caller_type", "person"),
                    ("first_name", "Matrix"),
                    ("callback", "860-555-0100"),
                    ("substances", "alcohol"),
                    ("place", "06106"),
                ];
                let r = app.post_form(admin, "/access-line/calls", &fields).await;
                assert_eq!(r.status, StatusCode::SEE_OTHER, "a call: {}", r.body);
                r.location().trim_start_matches("/access-line/calls/").to_owned()
            }
            "ride" => {
                let call = Box::pin(self.make(w, "call")).await;
                let body = json!({"call_id": call, "pickup": "12 Elm St", "destination": "Detox", "within_hours": 2});
                id_of(&api(Method::POST, "/api/v1/transport-requests".into(), body).await)
            }
            "program" => {
                let tx = app.db.store.begin().await.expect("tx");
                let program = NewProgram {
                    organization: w.org(self.target),
                    service_id: None,
                    name: "Matrix Detox".to_owned(),
                    level: LevelOfCare::MedicallyMonitoredWithdrawal,
                    populations: Vec::new(),
                    region: None,
                    place: LatLon::new(41.7658, -72.6734).ok(),
                    counts: BedCount { licensed: 10, open: 5, waitlist: 0 },
                };
                let id =
                    create_program(&tx, &Actor::default(), &program, pathways_store::now()).await.expect("program");
                tx.commit().await.expect("commit");
                id.to_string()
            }
            "service_event" | "draft_service_event" => {
                // 30 minutes today against the cell's payer, by the organization's administrator (issue 21).
                let funding = Box::pin(self.make(w, "funding")).await;
                let body = json!({"date": chrono::Utc::now().date_naive().to_string(), "starts_at": "10:00",
                    "minutes": 30, "place_of_service": "11", "funding_source": funding,
                    "sign": key == "service_event"});
                let made = api(Method::POST, format!("/api/v1/persons/{p}/service-events"), body).await;
                made["event"]["id"].as_str().expect("the event's id").to_owned()
            }
            "profile" | "voucher_program" => {
                // A payer profile without limits in the target's organization, and a voucher program under it
                // (issue 21).
                use pathways_domain::financing::{Funding, PayerProfile};
                let tx = app.db.store.begin().await.expect("tx");
                let org = w.org(self.target);
                let profile = PayerProfile::peer_services("Matrix profile", 1_500);
                let p = pathways_store::financing::add_profile(&tx, &Actor::default(), org, &profile)
                    .await
                    .expect("profile");
                let id = if key == "profile" {
                    p
                } else {
                    pathways_store::financing::add_funding_source(
                        &tx,
                        &Actor::default(),
                        org,
                        "Matrix vouchers",
                        p,
                        &Funding::VoucherProgram,
                    )
                    .await
                    .expect("source")
                    .expect("the organization's profile")
                };
                tx.commit().await.expect("commit");
                id.to_string()
            }
            "voucher" => {
                // A voucher of the cell's person under the target's voucher program, issued by its administrator
                // (issue 21, fifth pass: changed or withdrawn by its path).
                let program = Box::pin(self.make(w, "voucher_program")).await;
                let body = json!({"funding_source": program, "number": format!("MV-{}", Uuid::now_v7()),
                    "authorized_units": 10, "expires_on": "2099-12-31"});
                let made = api(Method::POST, format!("/api/v1/persons/{p}/vouchers"), body).await;
                made["id"].as_str().expect("the voucher's id").to_owned()
            }
            "funding" => {
                // A payer profile without limits and a payer under it, in the target's organization (issue 21).
                use pathways_domain::financing::{Funding, PayerProfile};
                let tx = app.db.store.begin().await.expect("tx");
                let org = w.org(self.target);
                let profile = PayerProfile::peer_services("Matrix payer", 2_000);
                let p = pathways_store::financing::add_profile(&tx, &Actor::default(), org, &profile)
                    .await
                    .expect("profile");
                let id = pathways_store::financing::add_funding_source(
                    &tx,
                    &Actor::default(),
                    org,
                    "Matrix payer",
                    p,
                    &Funding::Payer,
                )
                .await
                .expect("source")
                .expect("the organization's profile");
                tx.commit().await.expect("commit");
                id.to_string()
            }
            "residence" => {
                let today = chrono::Utc::now().date_naive();
                let tx = app.db.store.begin().await.expect("tx");
                let r = pathways_store::housing::NewResidence {
                    organization: w.org(self.target),
                    service_id: None,
                    name: "Matrix House".to_owned(),
                    address: "1 Main Street".to_owned(),
                    town: "Hartford".to_owned(),
                    zip: None,
                    region: None,
                    place: LatLon::new(41.7658, -72.6734).ok(),
                    level: pathways_domain::housing::NarrLevel::Monitored,
                    populations: Vec::new(),
                    accepts_moud: true,
                    serves_oud: false,
                    total_beds: 6,
                    certification: Some(pathways_domain::housing::Certification {
                        body: "Matrix certifier".to_owned(),
                        number: "M-1".to_owned(),
                        expires_on: today + chrono::Duration::days(365),
                    }),
                    house_rules: None,
                    cost_per_week: None,
                    payments: Vec::new(),
                    naloxone_doses: 2,
                    naloxone_trained_on: None,
                    disclaimer: "Not licensed treatment.".to_owned(),
                };
                let now = pathways_store::now();
                let id = pathways_store::housing::create(&tx, &Actor::default(), &r, now).await.expect("residence");
                pathways_store::housing::report(&tx, &Actor::default(), None, id, 3, None, now).await.expect("report");
                tx.commit().await.expect("commit");
                id.to_string()
            }
            "community_event" => {
                let form = pathways_domain::community::EventForm {
                    kind: "group".into(),
                    title: "Matrix group".into(),
                    starts_on: chrono::Utc::now().date_naive().to_string(),
                    starts_at: "19:00".into(),
                    duration_minutes: "90".into(),
                    repeat: "weekly".into(),
                    place: "1 Main Street".into(),
                    language: "en".into(),
                    audience: "everyone".into(),
                    ..Default::default()
                };
                let details = pathways_domain::community::EventDetails::parse(&form).expect("a group");
                let tx = app.db.store.begin().await.expect("tx");
                let tz = chrono_tz::America::New_York;
                let id = pathways_store::community::create(
                    &tx,
                    &Actor::default(),
                    w.org(self.target),
                    &details,
                    tz,
                    pathways_store::now(),
                )
                .await
                .expect("a group");
                tx.commit().await.expect("commit");
                id.to_string()
            }
            "volunteer" => {
                // One who agreed to be listed, on the target's organization's roster (issue 20).
                let v = pathways_domain::community::volunteers::Volunteer {
                    name: "Matrix Volunteer".into(),
                    agreed_on: chrono::Utc::now().date_naive(),
                };
                let tx = app.db.store.begin().await.expect("tx");
                let id = pathways_store::volunteers::add_volunteer(
                    &tx,
                    &Actor::default(),
                    w.org(self.target),
                    &v,
                    pathways_store::now(),
                )
                .await
                .expect("a volunteer");
                tx.commit().await.expect("commit");
                id.to_string()
            }
            "removed_volunteer" => {
                // One taken off the target's organization's roster (issue 20, branch fin-stream).
                let v = pathways_domain::community::volunteers::Volunteer {
                    name: "Matrix Former Volunteer".into(),
                    agreed_on: chrono::Utc::now().date_naive(),
                };
                let tx = app.db.store.begin().await.expect("tx");
                let id = pathways_store::volunteers::add_volunteer(
                    &tx,
                    &Actor::default(),
                    w.org(self.target),
                    &v,
                    pathways_store::now(),
                )
                .await
                .expect("a volunteer");
                let volunteer = pathways_domain::ids::VolunteerId::from_uuid(id);
                let off = pathways_store::volunteers::remove(
                    &tx,
                    &Actor::default(),
                    w.org(self.target),
                    volunteer,
                    pathways_store::now(),
                )
                .await
                .expect("removed");
                assert!(off, "the matrix's volunteer taken off the roster");
                tx.commit().await.expect("commit");
                id.to_string()
            }
            "education_page" => {
                let tx = app.db.store.begin().await.expect("tx");
                let form = pathways_domain::community::education::EducationForm {
                    slug: "matrix-page".into(),
                    title_en: "Matrix page".into(),
                    body_en: "Words *matter*.".into(),
                    title_es: "Página de la matriz".into(),
                    body_es: "Las palabras *importan*.".into(),
                    source: "Matrix source".into(),
                    source_url: String::new(),
                };
                let page = pathways_domain::community::education::EducationPage::parse(&form).expect("a page");
                pathways_store::education::save(&tx, &Actor::default(), &page, pathways_store::now())
                    .await
                    .expect("a page");
                tx.commit().await.expect("commit");
                "matrix-page".into()
            }
            "designation_program" => {
                let tx = app.db.store.begin().await.expect("tx");
                let [_, town] = pathways_domain::community::designation::examples();
                let id = pathways_store::designation_programs::save_program(
                    &tx,
                    &Actor::default(),
                    w.org(self.target),
                    None,
                    &town,
                    pathways_store::now(),
                )
                .await
                .expect("a program")
                .expect("saved");
                tx.commit().await.expect("commit");
                id.to_string()
            }
            // An application whose first step is sent; `designation_link` is another's private link (the token).
            "designation_application" | "designation_link" => {
                let program: Uuid = Box::pin(self.make(w, "designation_program")).await.parse().expect("an id");
                let token = format!("matrixlink-{}", Uuid::now_v7().simple());
                let tx = app.db.store.begin().await.expect("tx");
                let row = pathways_store::designation_programs::program(&tx, program)
                    .await
                    .expect("query")
                    .expect("the program");
                let applicant = pathways_domain::community::designation::Application {
                    organization: "Matrix Town".into(),
                    town: "Hartford".into(),
                    contact_name: "Matrix Contact".into(),
                    contact_email: "contact@matrix.example".into(),
                };
                let hash = pathways_web::auth::secret::token_hash(&token);
                let id = pathways_store::designation_programs::create_application(
                    &tx,
                    &Actor::default(),
                    &row,
                    &applicant,
                    &hash,
                    pathways_store::now(),
                )
                .await
                .expect("an application");
                let evidence =
                    pathways_domain::community::designation::Evidence { step: 0, text: "Minutes".into(), link: None };
                pathways_store::designation_programs::add_submission(
                    &tx,
                    &Actor::default(),
                    id,
                    &evidence,
                    pathways_store::now(),
                )
                .await
                .expect("evidence");
                tx.commit().await.expect("commit");
                if key == "designation_link" { token } else { id.to_string() }
            }
            // A PDF sent with a new submission of the path's application (issue 20, branch rf-evidence).
            "link_evidence_file" | "application_evidence_file" => {
                let application = if key == "link_evidence_file" {
                    let token = Box::pin(self.make(w, "designation_link")).await;
                    let hash = pathways_web::auth::secret::token_hash(&token);
                    pathways_store::designation_programs::application_by_token(app.db.store.reader(), &hash)
                        .await
                        .expect("query")
                        .expect("the link's application")
                        .id
                } else {
                    Box::pin(self.make(w, "designation_application")).await.parse().expect("an id")
                };
                let tx = app.db.store.begin().await.expect("tx");
                let evidence =
                    pathways_domain::community::designation::Evidence { step: 1, text: "Plan".into(), link: None };
                let now = pathways_store::now();
                let submission = pathways_store::designation_programs::add_submission(
                    &tx,
                    &Actor::default(),
                    application,
                    &evidence,
                    now,
                )
                .await
                .expect("evidence");
                let file =
                    pathways_domain::community::designation::check_evidence_file("plan.pdf", b"%PDF-1.4\n%%EOF\n")
                        .expect("a PDF")
                        .expect("a file");
                pathways_store::designation_programs::add_evidence_file(
                    &tx,
                    &Actor::default(),
                    application,
                    submission,
                    &file,
                    now,
                )
                .await
                .expect("the file");
                tx.commit().await.expect("commit");
                submission.to_string()
            }
            // A training the target's organization recorded, attached to the path's application (issue 20, branch
            // rf-api).
            "attached_training" => {
                let training: Uuid = Box::pin(self.make(w, "recorded_training")).await.parse().expect("an id");
                let application: Uuid = Box::pin(self.make(w, "designation_application")).await.parse().expect("an id");
                let tx = app.db.store.begin().await.expect("tx");
                let row = pathways_store::designation_programs::application_of(&tx, w.org(self.target), application)
                    .await
                    .expect("query")
                    .expect("the application");
                let attached = pathways_store::designation_programs::attach_training(
                    &tx,
                    &Actor::default(),
                    &row,
                    training,
                    w.admin(self.target).id,
                    pathways_store::now(),
                )
                .await
                .expect("attached");
                assert!(attached, "the organization's own training");
                tx.commit().await.expect("commit");
                training.to_string()
            }
            // A training the target's organization recorded (issue 20, branch rf-evidence).
            "recorded_training" => {
                let tx = app.db.store.begin().await.expect("tx");
                let t = pathways_domain::community::naloxone::Training {
                    kind: pathways_domain::community::naloxone::TrainingKind::Stigma,
                    held_on: chrono::Utc::now().date_naive() - chrono::Duration::days(1),
                    attendees: 9,
                    place: None,
                };
                let id = pathways_store::naloxone::record_training(
                    &tx,
                    &Actor::default(),
                    w.org(self.target),
                    &t,
                    pathways_store::now(),
                )
                .await
                .expect("a training");
                tx.commit().await.expect("commit");
                id.to_string()
            }
            "kiosk" => {
                let tx = app.db.store.begin().await.expect("tx");
                let hash = format!("{:064x}", Uuid::now_v7().as_u128());
                let id = pathways_store::community::open_kiosk(
                    &tx,
                    &Actor::default(),
                    w.org(self.target),
                    &hash,
                    pathways_store::now(),
                )
                .await
                .expect("a kiosk");
                tx.commit().await.expect("commit");
                id.to_string()
            }
            "residence_hold" => {
                let residence: Uuid = Box::pin(self.make(w, "residence")).await.parse().expect("an id");
                let today = chrono::Utc::now().date_naive();
                let tx = app.db.store.begin().await.expect("tx");
                let held = pathways_store::housing::reserve(
                    &tx,
                    &Actor::default(),
                    residence,
                    None,
                    pathways_store::now(),
                    today,
                )
                .await
                .expect("reserve");
                tx.commit().await.expect("commit");
                match held {
                    Some(pathways_store::housing::Reservation::Held(h)) => h.id.to_string(),
                    other => panic!("a residence hold: {other:?}"),
                }
            }
            "hold" => {
                let program = Box::pin(self.make(w, "program")).await;
                id_of(&api(Method::POST, format!("/api/v1/programs/{program}/reservations"), json!({})).await)
            }
            "correction" => {
                let anon = &w.anonymous;
                let fields = [("message", "It moved"), ("contact", "")];
                let r = send(app, anon, Method::POST, &format!("/find/{}/corrections", w.listing), &fields, None).await;
                assert_eq!(r.status, StatusCode::SEE_OTHER, "a correction: {}", r.body);
                after(&app.page(admin, "/directory/corrections").await.body, "/directory/corrections/")
            }
            "staff_account" => {
                // A fresh account each time: the action may disable it.
                let org = if self.target == Target::OtherOrg { app.other_org } else { app.org };
                app.staff(org, Role::Coach).await.id.to_string()
            }
            "two_factor_account" => {
                let org = if self.target == Target::OtherOrg { app.other_org } else { app.org };
                let id = app.staff(org, Role::Clinician).await.id;
                let w = app.db.store.writer();
                pathways_store::two_factor::start(w, id, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").await.expect("start");
                assert!(pathways_store::two_factor::confirm(w, id, 1, &["h".into()]).await.expect("confirm"));
                id.to_string()
            }
            "ally_account" => app.ally_login(app.org, p, "Matrix Ally").await.id.to_string(),
            "api_token" => {
                let new = pathways_store::tokens::NewToken {
                    account: admin.id,
                    token_hash: &pathways_web::auth::secret::token_hash(&Uuid::now_v7().to_string()),
                    label: "an administrator's",
                    scope: pathways_domain::token::TokenScope::Read,
                    expires_at: pathways_store::now() + chrono::Duration::days(1),
                };
                pathways_store::tokens::create(app.db.store.writer(), new).await.expect("token").id.to_string()
            }
            other => panic!("the matrix can't make a {other}"),
        };
        self.made.insert(key, v.clone());
        v
    }
}

/// What `{id}` names in a path.
fn id_kind(path: &str) -> &'static str {
    const KINDS: [(&str, &str); 16] = [
        ("/persons/{id}", "person"),
        ("/fhir/r4/Patient/{id}", "person"),
        ("/fhir/r4/{type}/{id}", "consent"),
        ("/api/v1/persons/{id}", "person"),
        ("/find/{id}", "listing"),
        ("/directory/corrections/{id}", "correction"),
        ("/directory/{id}", "listing"),
        ("/api/hsds/services/{id}", "listing"),
        ("/api/hsds/organizations/{id}", "dir_org"),
        ("/referrals/{id}", "referral"),
        ("/api/v1/referrals/{id}", "referral"),
        ("/access-line/calls/{id}", "call"),
        ("/transport/{id}", "ride"),
        ("/api/v1/transport-requests/{id}", "ride"),
        ("/api/v1/consents/{id}", "consent"),
        ("/api/v1/programs/{id}", "program"),
    ];
    if path.starts_with("/programs/{id}") {
        return "program";
    }
    if path.starts_with("/holds/{id}") || path.starts_with("/api/v1/reservations/{id}") {
        return "hold";
    }
    if path.starts_with("/residences/{id}") || path.starts_with("/api/v1/residences/{id}") {
        return "residence";
    }
    if path.starts_with("/residence-holds/{id}") {
        return "residence_hold";
    }
    KINDS
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map(|(_, k)| *k)
        .unwrap_or_else(|| panic!("{{id}} in {path}"))
}

fn id_of(v: &serde_json::Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("an id in {v}")).to_owned()
}

/// The path segment after `marker` in a page (`/attention/<id>/…`).
fn after(page: &str, marker: &str) -> String {
    let rest = page.split(marker).nth(1).unwrap_or_else(|| panic!("{marker} in the page"));
    rest.split(['/', '"', '?']).next().unwrap_or_default().to_owned()
}

/// Fills `{name}`s in a path or body.
async fn fill(cell: &mut Cell, w: &World, path: &str, text: &str) -> String {
    fill_from(cell, None, w, path, text).await
}

/// The parameters of a person's record that name one of its records (a goal, a consent …), not the person.
const SUB_IDS: [&str; 7] = ["goal", "assessment", "detail", "consent", "item", "task", "version"];

/// Fills `{name}`s, the person's records' ids from `sub` when given (someone else's).
async fn fill_from(cell: &mut Cell, mut sub: Option<&mut Cell>, w: &World, path: &str, text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else { break };
        let name = &rest[open + 1..open + len];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        }
        out.push_str(&rest[..open]);
        let value = match sub.as_deref_mut() {
            Some(other) if SUB_IDS.contains(&name) => other.value(w, path, name).await,
            _ => cell.value(w, path, name).await,
        };
        out.push_str(&value);
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
}

/// Sends a request as a browser (a page) or an API client (`/api/…`), from its own address.
async fn send(
    app: &TestApp,
    who: &Staff,
    method: Method,
    path: &str,
    form: &[(&str, &str)],
    json: Option<String>,
) -> TestResponse {
    let mut req = Request::builder().method(method.clone()).uri(path);
    let body = if path.starts_with("/api/") || path.starts_with("/fhir/") {
        if !who.token.is_empty() {
            req = req.header(header::AUTHORIZATION, format!("Bearer {}", who.token));
        }
        match json {
            Some(j) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                HttpBody::from(j)
            }
            None => HttpBody::empty(),
        }
    } else {
        req = req.header(header::COOKIE, &who.cookie);
        if method == Method::GET {
            HttpBody::empty()
        } else if path.ends_with("/scan") {
            let b = "matrixboundary";
            let mut body =
                format!("--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{}\r\n", who.csrf).into_bytes();
            body.extend(format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 matrix\r\n--{b}--\r\n").as_bytes());
            req = req.header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={b}"));
            HttpBody::from(body)
        } else {
            let mut all = vec![("csrf", who.csrf.as_str())];
            all.extend_from_slice(form);
            req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            HttpBody::from(serde_urlencoded::to_string(&all).expect("form"))
        }
    };
    app.send(req.extension(ConnectInfo(next_addr())).body(body).expect("request")).await
}

/// The audit events written after `seq`: (action, outcome, subject), oldest first.
async fn audit_since(app: &TestApp, seq: i64) -> Vec<(String, String, Option<Uuid>)> {
    let mut rows = pathways_store::audit::recent(app.db.store.reader(), 50).await.expect("audit");
    rows.retain(|r| r.seq > seq);
    rows.reverse();
    rows.into_iter().map(|r| (r.action, r.outcome, r.subject_person_id.or(r.entity_id))).collect()
}

async fn last_seq(app: &TestApp) -> i64 {
    pathways_store::audit::recent(app.db.store.reader(), 1).await.expect("audit").first().map_or(0, |r| r.seq)
}

async fn callers(w: &World) -> Vec<Caller> {
    let app = &w.app;
    let mut out = vec![Caller { who: Who::Anonymous, login: w.anonymous.clone(), own: None }];
    for role in Role::ALL {
        out.push(Caller { who: Who::Staff(role), login: app.staff(app.org, role).await, own: None });
    }
    // A person's and an ally's accounts hold API tokens too (as if one had been made for them): the API, for staff
    // only, refuses them like no token at all.
    let token = |login: &Staff| {
        let token = pathways_web::auth::secret::random_token();
        let hash = pathways_web::auth::secret::token_hash(&token);
        let account = login.id;
        async move {
            let new = pathways_store::tokens::NewToken {
                account,
                token_hash: &hash,
                label: "matrix",
                scope: pathways_domain::token::TokenScope::Write,
                expires_at: pathways_store::now() + chrono::Duration::days(1),
            };
            pathways_store::tokens::create(app.db.store.writer(), new).await.expect("token");
            token
        }
    };
    let me = app.person(app.org, "Matrix Self", Some(w.colleague)).await;
    let mut login = app.person_login(app.org, me).await;
    login.token = token(&login).await;
    out.push(Caller { who: Who::Person, login, own: Some(me) });
    let supported = app.person(app.org, "Matrix Supported", Some(w.colleague)).await;
    let mut login = app.ally_login(app.org, supported, "Matrix Ally").await;
    login.token = token(&login).await;
    out.push(Caller { who: Who::Ally, login, own: None });
    out
}

#[tokio::test]
async fn every_caller_gets_what_the_matrix_says() {
    let w = World::new().await;
    let app = &w.app;
    // As a server is before it takes traffic: its search index and community calendar built (`/readyz` is 200).
    pathways_web::warm_up(app.state.clone()).await;
    let mut entries = matrix();
    // Signing out ends the caller's session: last.
    entries.sort_by_key(|e| e.path == "/logout");
    let mut failures = Vec::new();
    let mut checked = 0;
    for caller in callers(&w).await {
        let mut cells: HashMap<(Target, bool), Cell> = HashMap::new();
        for entry in &entries {
            let portal = matches!(entry.rule, Rule::Portal);
            for &target in targets_of(entry) {
                let cell = match cells.entry((target, portal)) {
                    Slot::Occupied(made) => made.into_mut(),
                    Slot::Vacant(slot) => slot.insert(Cell::new(&w, &caller, target, portal).await),
                };
                let path = fill(cell, &w, entry.path, entry.path).await;
                let form: Vec<(String, String)> = {
                    let mut f = Vec::new();
                    for (k, v) in entry.form {
                        f.push(((*k).to_owned(), fill(cell, &w, entry.path, v).await));
                    }
                    f
                };
                let json = match entry.json {
                    Some(j) => Some(fill(cell, &w, entry.path, j).await),
                    None => None,
                };
                let person = cell.person;
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let method: Method = entry.method.parse().expect("method");
                let over_person = matches!(
                    entry.rule,
                    Rule::Record | Rule::RecordApi | Rule::StaffRecord | Rule::Referral | Rule::ReferralApi
                );
                let wanted = want(entry.rule, caller.who, target);
                // Over a person's record, every answer to staff leaves its audit event, and so does a person's or
                // an ally's account refused at the record's staff door.
                let audited = over_person
                    && match caller.who {
                        Who::Staff(_) => true,
                        Who::Person | Who::Ally => wanted == NOT_FOUND,
                        Who::Anonymous => false,
                    };
                let before = if audited { last_seq(app).await } else { 0 };
                // Opening kiosk mode ends the session on the device (issue 20): staff open it from a session of
                // their own, so the caller's goes on for the routes after.
                let kiosk_login = match caller.who {
                    Who::Staff(role) if entry.path == "/community/kiosks" => Some(app.staff(app.org, role).await),
                    _ => None,
                };
                let login = kiosk_login.as_ref().unwrap_or(&caller.login);
                let got = send(app, login, method.clone(), &path, &form, json).await;
                checked += 1;
                let label = format!("{:?} {} {} [{target:?}]", caller.who, entry.method, entry.path);
                let ok = match wanted {
                    Want::Ok => got.status.as_u16() == entry.ok,
                    Want::Login => got.status == StatusCode::SEE_OTHER && got.location().starts_with("/login"),
                    Want::Status(s) => got.status.as_u16() == s,
                };
                if method != Method::GET && (got.status.is_success() || got.status.is_redirection()) {
                    cells.remove(&(target, portal));
                }
                if !ok {
                    let excerpt: String = got.body.chars().take(160).collect();
                    failures.push(format!(
                        "{label}: want {wanted:?} ({}), got {} {} {excerpt}",
                        entry.ok,
                        got.status,
                        got.location()
                    ));
                    continue;
                }
                if wanted != Want::Ok && got.body.contains("Matrix Person") {
                    failures.push(format!("{label}: the refusal shows the record"));
                }
                if audited {
                    let events = audit_since(app, before).await;
                    let seen = |action: &str, outcome: &str| events.iter().any(|(a, o, _)| a == action && o == outcome);
                    match (wanted, entry.audit) {
                        (Want::Ok, Some(action)) if !seen(action, "success") => {
                            failures.push(format!("{label}: audit {events:?}, want {action}/success"));
                        }
                        (Want::Ok, None)
                            if !events.iter().any(|(_, o, s)| o == "success" && *s == Some(person.as_uuid())) =>
                        {
                            failures.push(format!("{label}: audit {events:?}, want a success about the person"));
                        }
                        (Want::Status(_), _) if !seen("access_denied", "denied") => {
                            failures.push(format!("{label}: audit {events:?}, want access_denied/denied"));
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {checked} calls failed:\n{}", failures.len(), failures.join("\n"));
}

/// A path that names a person and one of their records (`/persons/{id}/consents/{consent}/revoke`) reaches only that
/// person's: with a person the caller reaches in the path and someone else's record id — a colleague's person's,
/// another organization's — every such route answers 404, for staff and for a person in their portal.
#[tokio::test]
async fn a_records_ids_name_only_that_persons_records() {
    let w = World::new().await;
    let app = &w.app;
    let admin = Caller { who: Who::Staff(Admin), login: app.staff(app.org, Admin).await, own: None };
    let me = app.person(app.org, "Matrix Self", Some(w.colleague)).await;
    let person = Caller { who: Who::Person, login: app.person_login(app.org, me).await, own: Some(me) };
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in matrix() {
        let names_a_record = SUB_IDS.iter().any(|s| entry.path.contains(&format!("{{{s}}}")));
        let portal = matches!(entry.rule, Rule::Portal);
        if !names_a_record || !(portal || matches!(entry.rule, Rule::Record)) {
            continue;
        }
        let caller = if portal { &person } else { &admin };
        for elsewhere in [Target::Colleagues, Target::OtherOrg] {
            let mut cell = Cell::new(&w, caller, Target::Assigned, portal).await;
            let mut other = Cell::new(&w, caller, elsewhere, false).await;
            let path = fill_from(&mut cell, Some(&mut other), &w, entry.path, entry.path).await;
            // A version number names a version of the person's own plan: one it doesn't have.
            let path =
                if entry.path.contains("{version}") { path.replace("/versions/1/", "/versions/9999/") } else { path };
            let mut form = Vec::new();
            for (k, v) in entry.form {
                form.push(((*k).to_owned(), fill(&mut cell, &w, entry.path, v).await));
            }
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let method: Method = entry.method.parse().expect("method");
            let got = send(app, &caller.login, method, &path, &form, None).await;
            checked += 1;
            if got.status != StatusCode::NOT_FOUND {
                failures.push(format!(
                    "{:?} {} {} with a {elsewhere:?} record: {}",
                    caller.who, entry.method, entry.path, got.status
                ));
            }
        }
    }
    assert!(checked >= 30, "{checked} checked");
    assert!(failures.is_empty(), "{} of {checked} calls failed:\n{}", failures.len(), failures.join("\n"));
}

/// What a role may do with a person: `Some(true)` reach them, `Some(false)` not found, `None` forbidden outright.
fn expected(role: Role, target: Target) -> Option<bool> {
    match reach(role, target) {
        Want::Ok => Some(true),
        NOT_FOUND => Some(false),
        _ => None,
    }
}

impl World {
    async fn target(&self, who: &Staff, target: Target) -> PersonId {
        match target {
            Target::Assigned => self.app.person(who.org, "Assigned Person", Some(who.id)).await,
            Target::Colleagues => self.app.person(who.org, "Colleague's Person", Some(self.colleague)).await,
            Target::OtherOrg => self.app.person(self.app.other_org, "Other Org Person", Some(self.other_coach)).await,
        }
    }
}

#[tokio::test]
async fn lists_show_exactly_what_lookups_allow() {
    let world = World::new().await;
    let app = &world.app;
    for role in Role::ALL {
        let who = app.staff(app.org, role).await;
        let mut names = Vec::new();
        for target in TARGETS {
            let name = format!("{role:?} {target:?} listed");
            let id = world.target(&who, target).await;
            pathways_store::persons::update(
                app.db.store.writer(),
                &pathways_domain::access::PersonScope {
                    org: if target == Target::OtherOrg { app.other_org } else { app.org },
                    assigned_to: None,
                    only_person: None,
                },
                id,
                &pathways_domain::person::PersonDetails::parse(
                    &pathways_domain::person::RawPerson { preferred_name: name.clone(), ..Default::default() },
                    chrono::Utc::now().date_naive(),
                )
                .expect("valid"),
                None,
            )
            .await
            .expect("rename")
            .expect("exists");
            names.push((name, target));
        }
        let page = app.page(&who, &format!("/persons?q={}", urlencode(&format!("{role:?}")))).await;
        let api =
            app.api(&who, Method::GET, &format!("/api/v1/persons?q={}", urlencode(&format!("{role:?}"))), None).await;
        match expected(role, Target::Assigned) {
            None => {
                assert_eq!(page.status, StatusCode::FORBIDDEN, "{role:?} page");
                assert_eq!(api.status, StatusCode::FORBIDDEN, "{role:?} api");
            }
            Some(_) => {
                assert_eq!(page.status, StatusCode::OK, "{role:?} page");
                assert_eq!(api.status, StatusCode::OK, "{role:?} api");
                let listed: Vec<String> = api.json()["items"]
                    .as_array()
                    .expect("items")
                    .iter()
                    .map(|p| p["preferred_name"].as_str().unwrap_or_default().to_owned())
                    .collect();
                for (name, target) in &names {
                    let visible = expected(role, *target) == Some(true);
                    assert_eq!(listed.contains(name), visible, "{role:?} api list, {target:?}");
                    assert_eq!(page.body.contains(name.as_str()), visible, "{role:?} page list, {target:?}");
                }
            }
        }
    }
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("v", s)]).expect("encode")[2..].to_owned()
}

#[tokio::test]
async fn a_persons_own_account_reaches_only_their_own_record() {
    let world = World::new().await;
    let app = &world.app;
    let me_id = app.person(app.org, "Self Person", None).await;
    let other = app.person(app.org, "Someone Else", None).await;
    let me = app.person_login(app.org, me_id).await;
    for path in [
        "/me",
        "/me/plan",
        "/me/plan/versions",
        "/me/assessments",
        "/me/assessments/new",
        "/me/checkins",
        "/me/checkin",
    ] {
        let resp = app.page(&me, path).await;
        assert_eq!(resp.status, StatusCode::OK, "{path}");
        assert!(!resp.body.contains("Someone Else"), "{path}");
    }
    for path in [
        format!("/persons/{other}"),
        format!("/persons/{other}/plan"),
        format!("/persons/{me_id}/plan"),
        format!("/persons/{me_id}/encounters"),
    ] {
        let resp = app.page(&me, &path).await;
        assert!(
            resp.status == StatusCode::NOT_FOUND || resp.status == StatusCode::SEE_OTHER,
            "{path}: {}",
            resp.status
        );
        assert!(!resp.body.contains("Someone Else"));
    }
    // Staff can't use the person's own routes.
    let coach = app.staff(app.org, Role::Coach).await;
    assert_eq!(app.page(&coach, "/me/plan").await.status, StatusCode::NOT_FOUND);
}

/// An ally reaches no person route at all — not the person's portal, not staff pages, not the person's own
/// record — only `/ally`, where the consent gate decides (each category: `routes::consents`). Revoking a consent
/// takes effect on the very next request on both databases (`routes::consents`, the race test), and a receiving
/// organization sees the referral packet only (`routes::referrals`).
#[tokio::test]
async fn an_ally_reaches_no_person_route() {
    let world = World::new().await;
    let app = &world.app;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Supported Person", Some(coach.id)).await;
    let ally = app.ally_login(app.org, p, "An Ally").await;
    for path in [
        "/me",
        "/me/plan",
        "/me/checkins",
        "/me/checkups",
        "/me/consents",
        "/me/disclosures",
        "/me/access-log",
        "/me/allies",
        "/me/locator",
    ] {
        assert_eq!(app.page(&ally, path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    for tail in ["", "/plan", "/checkins", "/encounters", "/assessments"] {
        let path = format!("/persons/{p}{tail}");
        let resp = app.page(&ally, &path).await;
        assert!(
            resp.status == StatusCode::NOT_FOUND || resp.status == StatusCode::SEE_OTHER,
            "{path}: {}",
            resp.status
        );
        assert!(!resp.body.contains("Supported Person"), "{path}");
    }
    for path in [format!("/persons/{p}/consents"), format!("/persons/{p}/disclosures"), "/referrals".to_owned()] {
        let status = app.page(&ally, &path).await.status;
        assert!(status == StatusCode::NOT_FOUND || status == StatusCode::SEE_OTHER, "{path}: {status}");
    }
    assert!(app.page(&ally, "/ally").await.body.contains("Nothing is shared with you right now"));
}

/// The public pages: anyone reaches them — nobody signed in, every staff role, a person, an ally — in English and
/// Spanish, each with the crisis lines one tap away, and nothing on them depends on who asks.
#[tokio::test]
async fn public_pages_answer_everyone_with_the_crisis_lines() {
    use axum::body::Body;
    use axum::http::{Request, header};

    const PUBLIC: [&str; 5] = ["/", "/recovery", "/find", "/ally/support", "/login"];
    let world = World::new().await;
    let app = &world.app;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Public Person", Some(coach.id)).await;
    let mut callers = vec![app.person_login(app.org, p).await, app.ally_login(app.org, p, "An Ally").await];
    for role in Role::ALL {
        callers.push(app.staff(app.org, role).await);
    }
    for path in PUBLIC {
        for lang in ["en", "es"] {
            let anonymous = app
                .send(Request::get(path).header(header::ACCEPT_LANGUAGE, lang).body(Body::empty()).expect("request"))
                .await;
            assert_eq!(anonymous.status, StatusCode::OK, "{path} ({lang}), nobody signed in");
            assert!(anonymous.body.contains("href=\"tel:988\""), "{path} ({lang}): 988 one tap away");
            assert!(!anonymous.body.contains("Unknown localization"), "{path} ({lang})");
        }
        for who in &callers {
            let resp = app.page(who, path).await;
            assert!(
                resp.status == StatusCode::OK || (path == "/login" && resp.status == StatusCode::SEE_OTHER),
                "{path} as {}: {}",
                who.email,
                resp.status
            );
        }
    }
}

/// Each role's navigation and home offer only what it may open: signed in as every staff role, a person and an
/// ally, every link on the home page (the top navigation's and the home's own) answers (no 403, no 404).
#[tokio::test]
async fn every_roles_navigation_leads_only_where_it_may_go() {
    let world = World::new().await;
    let app = &world.app;
    let coach = app.staff(app.org, Role::Coach).await;
    let p = app.person(app.org, "Navigating Person", Some(coach.id)).await;
    let mut callers = vec![
        ("person".to_owned(), app.person_login(app.org, p).await, "/me"),
        ("ally".to_owned(), app.ally_login(app.org, p, "An Ally").await, "/ally"),
    ];
    for role in Role::ALL {
        callers.push((role.as_str().to_owned(), app.staff(app.org, role).await, "/staff"));
    }
    for (who, login, home) in &callers {
        let page = app.page(login, home).await;
        assert_eq!(page.status, StatusCode::OK, "{who}'s home {home}");
        // Every link on the home page, the navigation's and the home's own work.
        let links: Vec<&str> = page
            .body
            .split("href=\"")
            .skip(1)
            .filter_map(|r| r.split('"').next())
            .filter(|l| l.starts_with('/') && !l.starts_with("/static/") && !l.starts_with("/lang/"))
            .collect();
        assert!(links.len() >= 3, "{who}: {links:?}");
        for link in links {
            let status = app.page(login, link).await.status;
            assert!(status == StatusCode::OK, "{who}'s navigation offers {link}, which answers {status}");
        }
    }
}
