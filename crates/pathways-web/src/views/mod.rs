//! The page chrome every template shares, rendering, flash messages, and the error page and JSON; [`words`] holds
//! the words pages of several areas share.

pub mod community;
pub mod financing;
pub mod find;
pub mod holds;
pub mod housing;
pub mod markdown;
pub mod summary;
pub mod two_factor;
pub mod words;
// Volunteers' checks and trainings (issue 20, branch volunteers).
pub mod volunteers;
// Recovery Friendly designation programs (issue 20, item 5).
pub mod designation;

use askama::Template;
use axum::response::Html;
use pathways_domain::locale::Locale;

use crate::ctx::{Ctx, url_encode};
use crate::error::{WebError, WebResult};
use crate::i18n::Tr;
use crate::state::AppState;

/// A link to this same page in another language.
#[derive(Clone, Debug)]
pub struct LangLink {
    pub code: &'static str,
    pub label: &'static str,
    pub href: String,
}

/// What the base layout needs: language, title, the signed-in account, the crisis lines, the flash message.
#[derive(Clone, Debug)]
pub struct Chrome {
    pub t: Tr,
    pub title: String,
    pub csrf: String,
    pub user: Option<String>,
    pub staff: bool,
    /// Staff who open identified person records (the people list, a caseload, the outreach queue).
    pub records: bool,
    /// Staff who see and answer their organization's referrals.
    pub referrals: bool,
    /// Staff who see the program's de-identified figures without person records (analysts).
    pub figures: bool,
    /// Staff who see the access line's figures without working the line.
    pub line_figures: bool,
    /// Keeps the community directory.
    pub directory_editor: bool,
    /// Keeps its organization's treatment programs' bed counts.
    pub provider: bool,
    /// Works the access line.
    pub operator: bool,
    /// A person in recovery, in their own portal.
    pub person: bool,
    /// A family member or friend the person invited.
    pub ally: bool,
    pub flash: Option<String>,
    pub languages: Vec<LangLink>,
    pub access_line_name: String,
    pub access_line_phone: String,
    pub access_line_tel: String,
    /// Runs a recovery community center's week (issue 20).
    pub community: bool,
}

impl Chrome {
    pub fn new(ctx: &Ctx, state: &AppState, title: String) -> Self {
        let t = ctx.t();
        let languages = Locale::ALL
            .into_iter()
            .filter(|l| *l != ctx.locale)
            .map(|l| LangLink {
                code: l.as_str(),
                label: l.endonym(),
                href: format!("/lang/{}?next={}", l.as_str(), url_encode(&ctx.path)),
            })
            .collect();
        Self {
            t,
            title,
            csrf: ctx.csrf.clone(),
            user: ctx.caller.as_ref().map(|c| c.display_name.clone()),
            staff: ctx.caller.as_ref().is_some_and(|c| c.kind == pathways_domain::PrincipalKind::Staff),
            records: ctx.caller.as_ref().is_some_and(|c| {
                c.kind == pathways_domain::PrincipalKind::Staff
                    && pathways_domain::access::PersonScope::of(&c.principal).is_some()
            }),
            referrals: ctx.caller.as_ref().is_some_and(|c| pathways_domain::access::may_handle_referrals(&c.principal)),
            figures: ctx.caller.as_ref().is_some_and(|c| {
                c.kind == pathways_domain::PrincipalKind::Staff
                    && pathways_domain::access::PersonScope::of(&c.principal).is_none()
                    && pathways_domain::access::figures_scope(&c.principal).is_some()
            }),
            line_figures: ctx.caller.as_ref().is_some_and(|c| {
                pathways_domain::access::may_see_line_figures(&c.principal)
                    && !pathways_domain::access::works_access_line(&c.principal)
            }),
            directory_editor: ctx
                .caller
                .as_ref()
                .is_some_and(|c| pathways_domain::access::may_edit_directory(&c.principal)),
            provider: ctx.caller.as_ref().is_some_and(|c| pathways_domain::access::keeps_program_counts(&c.principal)),
            operator: ctx.caller.as_ref().is_some_and(|c| pathways_domain::access::works_access_line(&c.principal)),
            person: ctx.caller.as_ref().is_some_and(|c| c.kind == pathways_domain::PrincipalKind::Person),
            ally: ctx.caller.as_ref().is_some_and(|c| c.kind == pathways_domain::PrincipalKind::Ally),
            flash: ctx.flash.map(|k| t.get(k)),
            languages,
            access_line_name: state.config.access_line_name.clone(),
            access_line_phone: state.config.access_line_phone.clone(),
            access_line_tel: state.config.access_line_tel(),
            community: ctx
                .caller
                .as_ref()
                .is_some_and(|c| pathways_domain::access::runs_community_center(&c.principal)),
        }
    }
}

pub fn render(page: &impl Template) -> WebResult<Html<String>> {
    page.render().map(Html).map_err(WebError::internal)
}

/// Flash messages are message keys, never text from the request: only these are shown.
pub fn flash_key(value: &str) -> Option<&'static str> {
    [
        crate::key!("flash-saved"),
        crate::key!("flash-created"),
        crate::key!("flash-signed-out"),
        crate::key!("flash-token-revoked"),
        crate::key!("flash-signed-in"),
        crate::key!("flash-sign-in-again"),
        crate::key!("flash-two-factor-on"),
        crate::key!("flash-two-factor-off"),
        crate::key!("flash-two-factor-reset"),
        crate::key!("flash-session-ended"),
        crate::key!("flash-restored"),
        crate::key!("flash-checkin"),
        crate::key!("flash-correction"),
        crate::key!("flash-checkup-saved"),
        crate::key!("flash-checkup-linkage"),
        crate::key!("flash-checkup-linkage-mine"),
        crate::key!("flash-attempt-logged"),
        crate::key!("flash-settings-saved"),
        crate::key!("flash-locator-added"),
        crate::key!("flash-locator-removed"),
        crate::key!("flash-consent-saved"),
        crate::key!("flash-consent-revoked"),
        crate::key!("flash-referral-sent"),
        crate::key!("flash-consent-ended"),
        crate::key!("flash-scan-saved"),
        crate::key!("flash-attempt-escalated"),
        crate::key!("capacity-hold-expired"),
        crate::key!("capacity-hold-closed"),
        crate::key!("line-no-bed-left"),
        crate::key!("transport-not-next"),
        crate::key!("flash-password-changed"),
        crate::key!("flash-password-set"),
        crate::key!("flash-account-disabled"),
        crate::key!("flash-account-enabled"),
        crate::key!("flash-ally-removed"),
        crate::key!("residences-reported"),
        // Issue 17: the state view
        crate::key!("network-asked"),
        crate::key!("network-joined"),
        crate::key!("network-left"),
        // Recovery community (issue 20).
        crate::key!("kiosk-opened"),
        crate::key!("kiosk-thanks"),
        // Peer services and their financing (issue 21).
        crate::key!("flash-service-signed"),
        crate::key!("flash-service-cosigned"),
        crate::key!("flash-service-corrected"),
        // Volunteers (issue 20, branch volunteers).
        crate::key!("flash-volunteer-removed"),
        // A volunteer put back on the roster (issue 20, branch fin-stream).
        crate::key!("flash-volunteer-restored"),
        // A known person's kiosk check-in code (issue 20).
        crate::key!("kiosk-code-removed"),
        crate::key!("kiosk-code-declined"),
        crate::key!("kiosk-me-declined"),
        // A training detached from a designation application; an applicant's file removed (issue 20, rf-api).
        crate::key!("flash-training-detached"),
        crate::key!("flash-evidence-file-removed"),
        // A known person signed in from the attendance page (issue 20, branch kiosk-staff).
        crate::key!("attendance-signed-in"),
        crate::key!("attendance-already-signed-in"),
    ]
    .into_iter()
    .find(|k| *k == value)
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    chrome: Chrome,
    message: String,
    request_id: &'a str,
    show_request_id: bool,
    fields: Vec<String>,
}

/// The error page, in the request's language.
pub fn error_page(state: &AppState, error: &WebError, request_id: &str, locale: Locale) -> String {
    let t = Tr::new(locale);
    let ctx = Ctx {
        request_id: request_id.to_owned(),
        client_addr: None,
        locale,
        caller: None,
        csrf: String::new(),
        path: "/".into(),
        flash: None,
    };
    let title = t.get(error.message_key());
    let fields = match error {
        WebError::Invalid(fields) => fields
            .iter()
            .map(|f| format!("{}: {}", t.get(&field_label_key(f.field)), t.get(&field_error_key(f.code))))
            .collect(),
        WebError::Conflict(field) => vec![t.get(&field_label_key(field))],
        WebError::InvalidPaths { detail, .. } => vec![detail.clone()],
        _ => Vec::new(),
    };
    let page = ErrorPage {
        chrome: Chrome::new(&ctx, state, title.clone()),
        message: t.get(&format!("{}-detail", error.message_key())),
        request_id,
        show_request_id: matches!(error, WebError::Internal(_)),
        fields,
    };
    page.render().unwrap_or(title)
}

/// The JSON error body: `{"error": {"status", "code", "message", "request_id", "fields"?}}`.
pub fn error_json(error: &WebError, request_id: &str, locale: Locale) -> String {
    let t = Tr::new(locale);
    let mut body = serde_json::json!({
        "status": error.status().as_u16(),
        "code": error.code(),
        "message": t.get(error.message_key()),
        "request_id": request_id,
    });
    match error {
        WebError::Invalid(fields) => {
            body["fields"] = fields
                .iter()
                .map(|f| serde_json::json!({"field": f.field, "code": f.code, "message": t.get(&field_error_key(f.code))}))
                .collect();
        }
        WebError::InvalidPaths { fields, detail } => {
            body["fields"] = fields
                .iter()
                .map(|(path, code)| serde_json::json!({"field": path, "code": code, "message": t.get(&field_error_key(code))}))
                .collect();
            body["detail"] = serde_json::json!(detail);
        }
        WebError::Conflict(field) => body["field"] = serde_json::json!(field),
        WebError::BadJson(detail) | WebError::BadQuery(detail) => body["detail"] = serde_json::json!(detail),
        WebError::TooManyRequests { retry_after_secs } => {
            body["retry_after_secs"] = serde_json::json!(retry_after_secs)
        }
        _ => {}
    }
    serde_json::json!({ "error": body }).to_string()
}

/// The message key of a field-level problem code from the domain (`required` → `field-error-required`).
pub fn field_error_key(code: &str) -> String {
    format!("field-error-{code}")
}

/// Each problem as (field, "Label: message") for a form's error summary, whose links go to `#field`.
pub fn field_messages(t: &crate::i18n::Tr, errors: &[pathways_domain::text::FieldError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| {
            let label = t.get(&field_label_key(e.field));
            (e.field.to_owned(), format!("{label}: {}", t.get(&field_error_key(e.code))))
        })
        .collect()
}

/// The message key of a field's label (`preferred_name` → `field-preferred-name`).
pub fn field_label_key(field: &str) -> String {
    format!("field-{}", field.replace('_', "-"))
}

/// Field names and problem codes the domain can report: listed so a test checks each has both messages.
pub const FIELDS: [&str; 210] = [
    "preferred_name",
    "legal_name",
    "pronouns",
    "date_of_birth",
    "preferred_language",
    "phone",
    "email",
    "assigned_coach",
    "password",
    "near",
    "radius_mi",
    "category",
    "pathway",
    "language",
    "population",
    "cost",
    "faith",
    "day",
    "when",
    "starts_within_min",
    "online",
    "page",
    "name",
    "organization",
    "description",
    "categories",
    "attributes",
    "languages",
    "url",
    "online_url",
    "address",
    "city",
    "state",
    "postal_code",
    "latitude",
    "longitude",
    "schedule",
    "time_zone",
    "message",
    "contact",
    "licensed_beds",
    "open_beds",
    "waitlist",
    "level",
    "available",
    "caller_type",
    "first_name",
    "callback",
    "place",
    "substances",
    "hours_since_last_use",
    "pickup",
    "destination",
    "within_hours",
    "notes",
    "reason",
    "status",
    "days_alcohol_90",
    "days_drugs_90",
    "weekly_use_since_last",
    "past_month_problems",
    "wants_treatment",
    "in_treatment",
    "treatment_status",
    "housing",
    "work_or_school",
    "social_support",
    "barc10",
    "channel",
    "outcome",
    "schedule_kind",
    "every_months",
    "for_months",
    "cap_months",
    "window_days",
    "quiet_days",
    "no_contact_days",
    "linkage_stall_days",
    "escalate_after",
    "kind",
    "value",
    "relationship",
    "note",
    "consent",
    "person_name",
    "disclosing_party",
    "information",
    "recipient",
    "purpose",
    "right_to_revoke",
    "how_to_revoke",
    "reliance",
    "expiration",
    "signature",
    "date_signed",
    "hipaa_redisclosure",
    "refusal_effect",
    "ally_name",
    "service",
    "file",
    "town",
    "within",
    "max_cost",
    "moud",
    "beds",
    "available_beds",
    "total_beds",
    "naloxone_doses",
    "cost_per_week",
    "hold_bed",
    // Recovery community (issue 20).
    "title",
    "starts_on",
    "starts_at",
    "duration_minutes",
    "repeat",
    "days",
    "until",
    "audience",
    "group",
    // peer services and their financing (issue 21)
    "date",
    "minutes",
    "code",
    "modifiers",
    "place_of_service",
    "funding_source",
    "authorization",
    "month",
    // Recovery housing (issue 19): a residence's details.
    "zip",
    "narr_level",
    "populations",
    "accepts_moud",
    "serves_oud",
    "cert_body",
    "cert_number",
    "cert_expires_on",
    "house_rules",
    "payments",
    "naloxone_trained_on",
    "disclaimer",
    "region",
    "per_page",
    // Recovery community: naloxone and trainings (issue 20)
    "held_on",
    "attendees",
    "training_place",
    "kits",
    "reversals",
    // Volunteers and Recovery Friendly designations (issue 20)
    "volunteer",
    "activity",
    "hours",
    "agreed_to_list",
    "designated_on",
    "designated_by",
    // Education pages (issue 20)
    "slug",
    "title_en",
    "body_en",
    "title_es",
    "body_es",
    "source",
    "source_url",
    // Issue 21: staff credentials and supervision
    "staff_member",
    "credential_kind",
    "credential_number",
    "issued_on",
    "expires_on",
    "topics",
    // Issue 21 (second pass): payer profiles, funding sources, vouchers
    "unit_minutes",
    "rounding",
    "daily_cap_units",
    "min_age",
    "max_age",
    "supervision_within_days",
    "rate",
    "codes",
    "no_same_day",
    "ends_on",
    "budget_in",
    "budget",
    "allowed",
    "profile",
    "number",
    "authorized_units",
    // The calendar's filters (issue 20)
    "attend",
    "time",
    // Recovery housing (issue 19): a residence's directory listing.
    "listing",
    // Volunteers' checks and trainings, removal from the roster (issue 20, branch volunteers).
    "background_check_until",
    "training_until",
    "confirm_removal",
    // Recovery Friendly designation programs (issue 20, item 5).
    "name_en",
    "name_es",
    "steps",
    "renewal_months",
    "training_naloxone",
    "training_stigma",
    "training_recovery_ally",
    "training_workplace_supervisor",
    "contact_name",
    "contact_email",
    "text",
    "link",
    "step",
    "decision",
    "checklist",
    "application",
    // Issue 21 (fifth pass, financing-api): a group service's other persons; an event's goal and encounter.
    "group_persons",
    "goal",
    "encounter",
    // A Recovery Friendly application's evidence file; a recorded training attached to it (issue 20, rf-evidence).
    "evidence_file",
    "training",
    // Detaching a training from a designation application (issue 20, branch rf-api).
    "confirm_detach",
    // What a person is signed in for from the attendance page (issue 20, kiosk-staff).
    "for",
];
pub const FIELD_ERRORS: [&str; 54] = [
    "missing",
    "wrong-count",
    "too-many",
    "duplicate",
    "out-of-range",
    "required",
    "too-long",
    "invalid-characters",
    "invalid-date",
    "date-out-of-range",
    "invalid-language",
    "invalid-phone",
    "invalid-email",
    "invalid-coach",
    "unknown-place",
    "unknown-choice",
    "invalid-url",
    "invalid-postal-code",
    "invalid-time",
    "negative",
    "too-large",
    "more-than-licensed",
    "invalid",
    "missing-element",
    "consent-required",
    "own-organization",
    "not-allowed",
    "not-a-scan",
    "more-than-total",
    "not-a-residence",
    "no-bed-left",
    // Recovery community (issue 20).
    "place-or-link",
    "event-once",
    "before-start",
    // peer services and their financing (issue 21)
    "invalid-code",
    "invalid-modifier",
    "invalid-place",
    // Recovery housing (issue 19).
    "less-than-open",
    "not-own-listing",
    // Recovery Friendly designation programs (issue 20, item 5).
    "step-format",
    "checklist-format",
    "checklist-without-step",
    "already-accepted",
    "nothing-to-review",
    "unconfirmed",
    "withdrawn",
    "steps-not-accepted",
    // Issue 21 (fifth pass, financing-api): a voucher's units below those already used.
    "below-used",
    // Issue 21 (sixth pass): an encounter named on a service of another day.
    "encounter-other-day",
    // A known person's kiosk check-in code (issue 20): not a code's shape, names no one, too many wrong ones.
    "kiosk-code-shape",
    "kiosk-code-unknown",
    "kiosk-code-limited",
    // An evidence file chosen but empty, or over the limit (issue 20, rf-evidence).
    "empty-file",
    "file-too-large",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_and_problem_has_a_message_in_both_languages() {
        for locale in Locale::ALL {
            let t = Tr::new(locale);
            for f in FIELDS {
                let k = field_label_key(f);
                assert!(!t.get(&k).contains("Unknown"), "{locale}: {k}");
                assert_ne!(t.get(&k), k, "{locale}: {k}");
            }
            for c in FIELD_ERRORS {
                let k = field_error_key(c);
                assert_ne!(t.get(&k), k, "{locale}: {k}");
            }
        }
    }

    #[test]
    fn flash_accepts_only_known_keys() {
        assert_eq!(flash_key("flash-saved"), Some("flash-saved"));
        assert_eq!(flash_key("<script>"), None);
    }
}
