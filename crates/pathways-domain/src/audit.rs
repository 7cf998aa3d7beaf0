//! The audit trail's vocabulary and its hash chain.
//!
//! Each audit event carries the hash of the event before it, so that altering, inserting or removing a row
//! breaks the chain at that row. The hash covers a canonical, length-prefixed encoding of every field, so two
//! different events can never encode to the same bytes.

use std::fmt;
use std::str::FromStr;

use hmac::{Hmac, Mac};
use sha2::digest::Update;
use sha2::{Digest, Sha256};

/// What happened. Stored as its `as_str` text; append new variants, never rename old ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignInThrottled,
    SignOut,
    SessionExpired,
    ApiTokenRejected,
    AccessDenied,
    OrgCreate,
    AccountCreate,
    AccountDisable,
    TokenCreate,
    /// A directory source imported (from the command line).
    DirectoryImport,
    /// A directory listing or correction changed by staff.
    DirectoryChange,
    PersonList,
    PersonRead,
    PersonCreate,
    PersonUpdate,
    PlanRead,
    PlanUpdate,
    PlanRestore,
    AssessmentCreate,
    AssessmentRead,
    CheckinCreate,
    CheckinRead,
    EncounterCreate,
    EncounterRead,
    AttentionResolve,
    InviteCreate,
    InviteAccept,
    CaseloadRead,
    /// A program's bed counts updated.
    CapacityUpdate,
    /// A bed held for a caller (or refused: no bed left).
    BedHoldCreate,
    /// A hold closed: admitted, released or expired.
    BedHoldClose,
    /// An access line call recorded.
    AccessCallCreate,
    /// An access line call (with its caller's details) read.
    AccessCallRead,
    /// An access line call changed: level chosen, follow-up recorded.
    AccessCallUpdate,
    /// A ride requested or its status changed.
    TransportChange,
    /// A check-up recorded (with its rule's answer, and a linkage task when needed).
    CheckupCreate,
    CheckupRead,
    /// A person's check-up schedule read (enrolling them when they had none).
    ScheduleRead,
    /// An outreach queue read.
    OutreachRead,
    /// An outcome report read (aggregates only; the detail names the report).
    ReportRead,
    /// An attempt to reach a person logged.
    OutreachAttemptCreate,
    /// A step of a linkage task recorded.
    LinkageUpdate,
    /// A program's check-up schedule or outreach rules changed.
    ProgramSettingsUpdate,
    /// A person's locator details read.
    LocatorRead,
    /// A locator detail added or removed.
    LocatorUpdate,
    /// A person's consents read.
    ConsentRead,
    /// A consent signed or recorded.
    ConsentCreate,
    /// A consent revoked.
    ConsentRevoke,
    /// A person's accounting of disclosures read.
    DisclosureRead,
    /// A person's access log read.
    AccessLogRead,
    /// An ally saw what a consent shares with them (a disclosure).
    AllyView,
    /// A person invited an ally.
    AllyInviteCreate,
    /// A referral sent (after the consent gate).
    ReferralCreate,
    /// A referral (its packet) read.
    ReferralRead,
    /// A referral's status changed.
    ReferralUpdate,
    /// An API token revoked (by its holder, or from the command line).
    TokenRevoke,
    /// An account holder changed their password (or gave a wrong current one: failed).
    PasswordChange,
    /// A one-time password reset link issued for an account.
    PasswordResetIssue,
    /// A reset link used to set a new password (or an unknown, used or expired one tried: failed).
    PasswordResetUse,
    /// A disabled account enabled again.
    AccountEnable,
    /// A person removed an ally's account.
    AllyRemove,
    /// An administrator read the list of their organization's accounts.
    AccountList,
    /// Two-factor sign-in turned on (the code confirmed, recovery codes made).
    TwoFactorEnroll,
    /// A wrong or reused second-factor code at sign-in.
    TwoFactorFailed,
    /// A second-factor attempt refused for coming too soon after failures.
    TwoFactorThrottled,
    /// An administrator removed an account's authenticator (page or command line).
    TwoFactorReset,
    /// An account holder turned their own optional two-factor sign-in off.
    TwoFactorDisable,
    /// The person's own copy of their record (the printable page or the FHIR Bundle).
    RecordDownload,
    /// A person's record exported as FHIR to another provider (`$everything`, after the consent gate).
    FhirExport,
    /// A person's record read through the read-only FHIR API.
    FhirRead,
    /// The scan of a paper consent uploaded (issue 23): the event names the consent and, in its detail, the
    /// SHA-256 of the scan it replaced (`none` for the first) and of the new one.
    ConsentScanUpload,
    /// A recovery residence added or its details changed (issue 19).
    ResidenceSave,
    /// A residence's weekly bed report (or a refused one: failed).
    ResidenceReport,
    /// A bed held at a residence for a referred person (or none left: failed).
    ResidenceHoldCreate,
    /// A residence hold closed: admitted, released, or expired.
    ResidenceHoldClose,
    /// Issue 17, the state view: one side of a state network membership asked or confirmed (the detail names
    /// the side and the other organization).
    NetworkConfirm,
    /// A state network membership ended (or a request withdrawn) by either side.
    NetworkLeave,
    /// Issue 17, perception of care: a one-time survey code made by staff (never the code itself).
    PerceptionCodeIssue,
    /// A perception-of-care survey answered (portal or tablet; no person named).
    PerceptionSubmit,
    /// A person's outcome interviews read (issue 17).
    OutcomeInterviewRead,
    /// An outcome interview started, saved part way, completed, or recorded as administrative (issue 17).
    OutcomeInterviewSave,
    /// A person's episode of care closed out (issue 17).
    EpisodeClose,
    /// An outcome instrument's version loaded (`pathways instrument load`, issue 17).
    InstrumentLoad,
    /// A recovery community center's group or event added or changed (issue 20).
    CommunityEventSave,
    /// A center's staff opened a tablet as a drop-in kiosk, or closed one (issue 20).
    KioskOpen,
    KioskClose,
    /// A drop-in sign-in at a kiosk (a visit; the event names the kiosk, never the visitor).
    KioskSignIn,
    /// A service event recorded (a draft) or changed while a draft (issue 21).
    ServiceEventRecord,
    /// A service event signed by its staff member (or refused: failed, e.g. the voucher is exhausted).
    ServiceEventSign,
    /// A supervisor's co-signature on a signed service event.
    ServiceEventCosign,
    /// A correction: a new version of a signed event, with its reason; the old version is superseded.
    ServiceEventCorrect,
    /// A payer profile, funding source, voucher, staff credential or supervision session saved.
    FinancingSave,
    /// A person's service events read (staff) or the services they received (the portal).
    ServiceEventRead,
    /// A recovery residence's details changed by its operator (issue 19): the page or the API.
    ResidenceUpdate,
    /// Recovery community life recorded (issue 20): a center's training or naloxone figures (counts), a volunteer
    /// or their hours, a Recovery Friendly designation, an education page. The event names the row.
    CommunityRecordSave,
    /// A Recovery Friendly designation program's work (issue 20, item 5): a program saved, an application made,
    /// evidence submitted, a step reviewed, a designation made or withdrawn. The detail says which; the event names
    /// the row.
    DesignationSave,
    /// A person's kiosk check-in code issued, issued again (the old one stops working), removed, or declined by
    /// the person (issue 20). The event is on the person's record; it never carries the code.
    KioskCodeSave,
    /// A person's kiosk visits read from their record (issue 20).
    KioskVisitRead,
    /// A file uploaded with a Recovery Friendly application's evidence downloaded by an advisor (issue 20,
    /// `rf-evidence`). The event names the submission the file came with.
    DesignationFileRead,
    /// Issue 17, the state view: a state agency's administrator recorded (or cleared) a member organization's region
    /// (the organization is the entity, the region the detail).
    NetworkRegion,
    /// A known person signed in by a center's staff member from the attendance page (issue 20, branch
    /// `kiosk-staff`): on the person's record, the staff member the actor; a visit like a check-in code's.
    AttendanceSignIn,
}

impl AuditAction {
    pub const ALL: [AuditAction; 103] = [
        AuditAction::SignIn,
        AuditAction::SignInFailed,
        AuditAction::SignInThrottled,
        AuditAction::SignOut,
        AuditAction::SessionExpired,
        AuditAction::ApiTokenRejected,
        AuditAction::AccessDenied,
        AuditAction::OrgCreate,
        AuditAction::AccountCreate,
        AuditAction::AccountDisable,
        AuditAction::TokenCreate,
        AuditAction::DirectoryImport,
        AuditAction::DirectoryChange,
        AuditAction::PersonList,
        AuditAction::PersonRead,
        AuditAction::PersonCreate,
        AuditAction::PersonUpdate,
        AuditAction::PlanRead,
        AuditAction::PlanUpdate,
        AuditAction::PlanRestore,
        AuditAction::AssessmentCreate,
        AuditAction::AssessmentRead,
        AuditAction::CheckinCreate,
        AuditAction::CheckinRead,
        AuditAction::EncounterCreate,
        AuditAction::EncounterRead,
        AuditAction::AttentionResolve,
        AuditAction::InviteCreate,
        AuditAction::InviteAccept,
        AuditAction::CaseloadRead,
        AuditAction::CapacityUpdate,
        AuditAction::BedHoldCreate,
        AuditAction::BedHoldClose,
        AuditAction::AccessCallCreate,
        AuditAction::AccessCallRead,
        AuditAction::AccessCallUpdate,
        AuditAction::TransportChange,
        AuditAction::CheckupCreate,
        AuditAction::CheckupRead,
        AuditAction::ScheduleRead,
        AuditAction::OutreachRead,
        AuditAction::ReportRead,
        AuditAction::OutreachAttemptCreate,
        AuditAction::LinkageUpdate,
        AuditAction::ProgramSettingsUpdate,
        AuditAction::LocatorRead,
        AuditAction::LocatorUpdate,
        AuditAction::ConsentRead,
        AuditAction::ConsentCreate,
        AuditAction::ConsentRevoke,
        AuditAction::DisclosureRead,
        AuditAction::AccessLogRead,
        AuditAction::AllyView,
        AuditAction::AllyInviteCreate,
        AuditAction::ReferralCreate,
        AuditAction::ReferralRead,
        AuditAction::ReferralUpdate,
        AuditAction::TokenRevoke,
        AuditAction::PasswordChange,
        AuditAction::PasswordResetIssue,
        AuditAction::PasswordResetUse,
        AuditAction::AccountEnable,
        AuditAction::AllyRemove,
        AuditAction::AccountList,
        AuditAction::TwoFactorEnroll,
        AuditAction::TwoFactorFailed,
        AuditAction::TwoFactorThrottled,
        AuditAction::TwoFactorReset,
        AuditAction::TwoFactorDisable,
        AuditAction::RecordDownload,
        AuditAction::FhirExport,
        AuditAction::FhirRead,
        AuditAction::ConsentScanUpload,
        AuditAction::ResidenceSave,
        AuditAction::ResidenceReport,
        AuditAction::ResidenceHoldCreate,
        AuditAction::ResidenceHoldClose,
        AuditAction::NetworkConfirm,
        AuditAction::NetworkLeave,
        AuditAction::PerceptionCodeIssue,
        AuditAction::PerceptionSubmit,
        AuditAction::OutcomeInterviewRead,
        AuditAction::OutcomeInterviewSave,
        AuditAction::EpisodeClose,
        AuditAction::InstrumentLoad,
        AuditAction::CommunityEventSave,
        AuditAction::KioskOpen,
        AuditAction::KioskClose,
        AuditAction::KioskSignIn,
        AuditAction::ServiceEventRecord,
        AuditAction::ServiceEventSign,
        AuditAction::ServiceEventCosign,
        AuditAction::ServiceEventCorrect,
        AuditAction::FinancingSave,
        AuditAction::ServiceEventRead,
        AuditAction::ResidenceUpdate,
        AuditAction::CommunityRecordSave,
        AuditAction::DesignationSave,
        AuditAction::KioskCodeSave,
        AuditAction::KioskVisitRead,
        AuditAction::DesignationFileRead,
        AuditAction::NetworkRegion,
        AuditAction::AttendanceSignIn,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign_in",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::SignInThrottled => "sign_in_throttled",
            AuditAction::SignOut => "sign_out",
            AuditAction::SessionExpired => "session_expired",
            AuditAction::ApiTokenRejected => "api_token_rejected",
            AuditAction::AccessDenied => "access_denied",
            AuditAction::OrgCreate => "org_create",
            AuditAction::AccountCreate => "account_create",
            AuditAction::AccountDisable => "account_disable",
            AuditAction::TokenCreate => "token_create",
            AuditAction::DirectoryImport => "directory_import",
            AuditAction::DirectoryChange => "directory_change",
            AuditAction::PersonList => "person_list",
            AuditAction::PersonRead => "person_read",
            AuditAction::PersonCreate => "person_create",
            AuditAction::PersonUpdate => "person_update",
            AuditAction::PlanRead => "plan_read",
            AuditAction::PlanUpdate => "plan_update",
            AuditAction::PlanRestore => "plan_restore",
            AuditAction::AssessmentCreate => "assessment_create",
            AuditAction::AssessmentRead => "assessment_read",
            AuditAction::CheckinCreate => "checkin_create",
            AuditAction::CheckinRead => "checkin_read",
            AuditAction::EncounterCreate => "encounter_create",
            AuditAction::EncounterRead => "encounter_read",
            AuditAction::AttentionResolve => "attention_resolve",
            AuditAction::InviteCreate => "invite_create",
            AuditAction::InviteAccept => "invite_accept",
            AuditAction::CaseloadRead => "caseload_read",
            AuditAction::CapacityUpdate => "capacity_update",
            AuditAction::BedHoldCreate => "bed_hold_create",
            AuditAction::BedHoldClose => "bed_hold_close",
            AuditAction::AccessCallCreate => "access_call_create",
            AuditAction::AccessCallRead => "access_call_read",
            AuditAction::AccessCallUpdate => "access_call_update",
            AuditAction::TransportChange => "transport_change",
            AuditAction::CheckupCreate => "checkup_create",
            AuditAction::CheckupRead => "checkup_read",
            AuditAction::ScheduleRead => "schedule_read",
            AuditAction::OutreachRead => "outreach_read",
            AuditAction::ReportRead => "report_read",
            AuditAction::OutreachAttemptCreate => "outreach_attempt_create",
            AuditAction::LinkageUpdate => "linkage_update",
            AuditAction::ProgramSettingsUpdate => "program_settings_update",
            AuditAction::LocatorRead => "locator_read",
            AuditAction::LocatorUpdate => "locator_update",
            AuditAction::ConsentRead => "consent_read",
            AuditAction::ConsentCreate => "consent_create",
            AuditAction::ConsentRevoke => "consent_revoke",
            AuditAction::DisclosureRead => "disclosure_read",
            AuditAction::AccessLogRead => "access_log_read",
            AuditAction::AllyView => "ally_view",
            AuditAction::AllyInviteCreate => "ally_invite_create",
            AuditAction::ReferralCreate => "referral_create",
            AuditAction::ReferralRead => "referral_read",
            AuditAction::ReferralUpdate => "referral_update",
            AuditAction::TokenRevoke => "token_revoke",
            AuditAction::PasswordChange => "password_change",
            AuditAction::PasswordResetIssue => "password_reset_issue",
            AuditAction::PasswordResetUse => "password_reset_use",
            AuditAction::AccountEnable => "account_enable",
            AuditAction::AllyRemove => "ally_remove",
            AuditAction::AccountList => "account_list",
            AuditAction::TwoFactorEnroll => "two_factor_enroll",
            AuditAction::TwoFactorFailed => "two_factor_failed",
            AuditAction::TwoFactorThrottled => "two_factor_throttled",
            AuditAction::TwoFactorReset => "two_factor_reset",
            AuditAction::TwoFactorDisable => "two_factor_disable",
            AuditAction::RecordDownload => "record_download",
            AuditAction::FhirExport => "fhir_export",
            AuditAction::FhirRead => "fhir_read",
            AuditAction::ConsentScanUpload => "consent_scan_upload",
            AuditAction::ResidenceSave => "residence_save",
            AuditAction::ResidenceReport => "residence_report",
            AuditAction::ResidenceHoldCreate => "residence_hold_create",
            AuditAction::ResidenceHoldClose => "residence_hold_close",
            AuditAction::NetworkConfirm => "network_confirm",
            AuditAction::NetworkLeave => "network_leave",
            AuditAction::PerceptionCodeIssue => "perception_code_issue",
            AuditAction::PerceptionSubmit => "perception_submit",
            AuditAction::OutcomeInterviewRead => "outcome_interview_read",
            AuditAction::OutcomeInterviewSave => "outcome_interview_save",
            AuditAction::EpisodeClose => "episode_close",
            AuditAction::InstrumentLoad => "instrument_load",
            AuditAction::CommunityEventSave => "community_event_save",
            AuditAction::KioskOpen => "kiosk_open",
            AuditAction::KioskClose => "kiosk_close",
            AuditAction::KioskSignIn => "kiosk_sign_in",
            AuditAction::ServiceEventRecord => "service_event_record",
            AuditAction::ServiceEventSign => "service_event_sign",
            AuditAction::ServiceEventCosign => "service_event_cosign",
            AuditAction::ServiceEventCorrect => "service_event_correct",
            AuditAction::FinancingSave => "financing_save",
            AuditAction::ServiceEventRead => "service_event_read",
            AuditAction::ResidenceUpdate => "residence_update",
            AuditAction::CommunityRecordSave => "community_record_save",
            AuditAction::DesignationSave => "designation_save",
            AuditAction::KioskCodeSave => "kiosk_code_save",
            AuditAction::KioskVisitRead => "kiosk_visit_read",
            AuditAction::DesignationFileRead => "designation_file_read",
            AuditAction::NetworkRegion => "network_region",
            AuditAction::AttendanceSignIn => "attendance_sign_in",
        }
    }
}

impl fmt::Display for AuditAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AuditAction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == s).ok_or_else(|| s.to_owned())
    }
}

/// Whether the action went through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuditOutcome {
    Success,
    Denied,
    Failed,
}

impl AuditOutcome {
    pub const fn as_str(self) -> &'static str {
        match self {
            AuditOutcome::Success => "success",
            AuditOutcome::Denied => "denied",
            AuditOutcome::Failed => "failed",
        }
    }
}

/// The hash that precedes the first event.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of an audit event that the chain protects, in their stored text form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChainFields<'a> {
    pub seq: i64,
    pub id: &'a str,
    pub occurred_at_micros: i64,
    pub actor_account: Option<&'a str>,
    pub actor_role: Option<&'a str>,
    pub org: Option<&'a str>,
    pub action: &'a str,
    pub outcome: &'a str,
    pub subject_person: Option<&'a str>,
    pub entity: Option<&'a str>,
    pub entity_id: Option<&'a str>,
    pub request_id: Option<&'a str>,
    pub client_addr: Option<&'a str>,
    pub detail: Option<&'a str>,
}

/// The key of the chain's keyed hashes (HMAC-SHA-256), from the secret configuration, never stored in the
/// database. `Debug` never shows it.
#[derive(Clone)]
pub struct AuditKey(Vec<u8>);

impl AuditKey {
    /// The shortest key accepted: 32 bytes (e.g. `openssl rand -hex 32`, 64 characters).
    pub const MIN_LEN: usize = 32;

    pub fn new(bytes: &[u8]) -> Result<Self, String> {
        if bytes.len() < Self::MIN_LEN {
            return Err(format!("the audit key must be at least {} bytes", Self::MIN_LEN));
        }
        Ok(Self(bytes.to_vec()))
    }

    fn mac(&self) -> Hmac<Sha256> {
        <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length")
    }
}

impl fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

/// Feeds the canonical encoding of an event into a hash or a MAC.
fn encode(h: &mut impl Update, prev_hash: &str, f: &ChainFields<'_>) {
    let mut put = |tag: &str, value: Option<&str>| {
        // Length-prefixed and tagged: `None` and `Some("")` differ, and no value can spill into the next.
        match value {
            None => h.update(format!("{tag}:-;").as_bytes()),
            Some(v) => {
                h.update(format!("{tag}:{}:", v.len()).as_bytes());
                h.update(v.as_bytes());
                h.update(b";");
            }
        }
    };
    put("prev", Some(prev_hash));
    put("seq", Some(&f.seq.to_string()));
    put("id", Some(f.id));
    put("at", Some(&f.occurred_at_micros.to_string()));
    put("actor", f.actor_account);
    put("role", f.actor_role);
    put("org", f.org);
    put("action", Some(f.action));
    put("outcome", Some(f.outcome));
    put("subject", f.subject_person);
    put("entity", f.entity);
    put("entity_id", f.entity_id);
    put("request", f.request_id);
    put("addr", f.client_addr);
    put("detail", f.detail);
}

/// The hash of an event, given the hash of the event before it: plain SHA-256, as every event was hashed before
/// the chain was keyed (issue 23), and as events still are where no audit key is configured.
pub fn chain_hash(prev_hash: &str, f: &ChainFields<'_>) -> String {
    let mut h = Sha256::new();
    encode(&mut h, prev_hash, f);
    hex::encode(h.finalize())
}

/// The keyed hash of an event: HMAC-SHA-256 under the audit key over the same encoding. Whoever can write the
/// database but lacks the key cannot make a row that verifies, so can neither alter nor re-link the chain.
pub fn keyed_chain_hash(key: &AuditKey, prev_hash: &str, f: &ChainFields<'_>) -> String {
    let mut m = key.mac();
    encode(&mut m, prev_hash, f);
    hex::encode(m.finalize().into_bytes())
}

/// Where and how the chain is broken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    #[error("audit event #{seq} (id {id}) does not match its hash: it was altered")]
    Altered { seq: i64, id: String },
    #[error("audit event #{seq} (id {id}) does not follow the event before it: a row is missing or inserted")]
    Unlinked { seq: i64, id: String },
    #[error(
        "audit event #{seq} (id {id}) is not keyed but follows keyed events: it was written without the audit key \
         (or the chain was rewritten from there)"
    )]
    Unkeyed { seq: i64, id: String },
    #[error("audit event #{seq} (id {id}) is keyed: set audit_key to verify the trail")]
    NoKey { seq: i64, id: String },
}

/// Walks the chain in order of `seq`; checks both links and hashes, and names the first broken row. Plain
/// events verify by SHA-256 as long as no keyed event came before them; once the chain is keyed every later event
/// must be keyed too, so the part before the key was introduced still verifies and nothing can be appended
/// after it without the key.
#[derive(Debug)]
pub struct ChainVerifier {
    prev_hash: String,
    prev_seq: i64,
    checked: u64,
    key: Option<AuditKey>,
    keyed_from: Option<i64>,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self { prev_hash: GENESIS_HASH.to_owned(), prev_seq: 0, checked: 0, key: None, keyed_from: None }
    }
}

impl ChainVerifier {
    /// A verifier that can check keyed events.
    pub fn with_key(key: Option<AuditKey>) -> Self {
        Self { key, ..Self::default() }
    }

    /// Checks the next row (rows must come in ascending `seq`); `keyed` is the row's own claim of how it was
    /// hashed.
    pub fn check(
        &mut self,
        fields: &ChainFields<'_>,
        stored_prev: &str,
        stored_hash: &str,
        keyed: bool,
    ) -> Result<(), ChainBreak> {
        let at = || (fields.seq, fields.id.to_owned());
        if fields.seq != self.prev_seq + 1 || stored_prev != self.prev_hash {
            let (seq, id) = at();
            return Err(ChainBreak::Unlinked { seq, id });
        }
        let expected = match (keyed, &self.key) {
            (false, _) if self.keyed_from.is_some() => {
                let (seq, id) = at();
                return Err(ChainBreak::Unkeyed { seq, id });
            }
            (false, _) => chain_hash(stored_prev, fields),
            (true, Some(key)) => keyed_chain_hash(key, stored_prev, fields),
            (true, None) => {
                let (seq, id) = at();
                return Err(ChainBreak::NoKey { seq, id });
            }
        };
        if expected != stored_hash {
            let (seq, id) = at();
            return Err(ChainBreak::Altered { seq, id });
        }
        if keyed && self.keyed_from.is_none() {
            self.keyed_from = Some(fields.seq);
        }
        self.prev_hash = stored_hash.to_owned();
        self.prev_seq = fields.seq;
        self.checked += 1;
        Ok(())
    }

    pub fn checked(&self) -> u64 {
        self.checked
    }

    /// The last event checked: its `seq` and hash (0 and the genesis hash before any).
    pub fn head(&self) -> (i64, &str) {
        (self.prev_seq, &self.prev_hash)
    }

    /// The first keyed event, if the chain is keyed.
    pub fn keyed_from(&self) -> Option<i64> {
        self.keyed_from
    }
}

/// A signed note of the chain's head, kept away from the server (issue 23): `audit verify --checkpoint` then
/// finds events removed after it, which the chain alone cannot show (cutting its tail leaves a valid chain).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
    /// When it was taken (UTC, RFC 3339), for the reader.
    pub taken_at: String,
}

const CHECKPOINT_HEADER: &str = "pathways audit checkpoint v1";

impl Checkpoint {
    fn mac(&self, key: &AuditKey) -> String {
        let mut m = key.mac();
        Update::update(
            &mut m,
            format!("{CHECKPOINT_HEADER}\n{}\n{}\n{}", self.seq, self.hash, self.taken_at).as_bytes(),
        );
        hex::encode(m.finalize().into_bytes())
    }

    /// The checkpoint as a few lines of text, signed with the audit key.
    pub fn to_text(&self, key: &AuditKey) -> String {
        format!(
            "{CHECKPOINT_HEADER}\nseq {}\nhash {}\ntaken_at {}\nmac {}\n",
            self.seq,
            self.hash,
            self.taken_at,
            self.mac(key)
        )
    }

    /// Reads a checkpoint and checks its signature.
    pub fn parse(text: &str, key: &AuditKey) -> Result<Self, String> {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        if lines.next() != Some(CHECKPOINT_HEADER) {
            return Err(format!("not a checkpoint (the first line must be {CHECKPOINT_HEADER:?})"));
        }
        let mut field = |name: &str| -> Result<String, String> {
            lines
                .next()
                .and_then(|l| l.strip_prefix(name))
                .and_then(|v| v.strip_prefix(' '))
                .map(str::to_owned)
                .ok_or_else(|| format!("the checkpoint has no {name} line where expected"))
        };
        let seq = field("seq")?.parse::<i64>().map_err(|_| "the checkpoint's seq is not a number".to_owned())?;
        let hash = field("hash")?;
        let taken_at = field("taken_at")?;
        let mac = field("mac")?;
        let cp = Self { seq, hash, taken_at };
        if !bool::from(subtle::ConstantTimeEq::ct_eq(cp.mac(key).as_bytes(), mac.as_bytes())) {
            return Err(
                "the checkpoint's signature does not match: it was altered, or made with another audit key".into()
            );
        }
        Ok(cp)
    }

    /// Compares the checkpoint with the trail as it is now: its last event's `seq`, and the stored hash of the
    /// event at the checkpoint's `seq` (if that event exists).
    pub fn check(&self, last_seq: i64, hash_at_checkpoint: Option<&str>) -> Result<(), CheckpointBreak> {
        match hash_at_checkpoint {
            None if last_seq < self.seq => Err(CheckpointBreak::Removed { from: last_seq + 1, to: self.seq }),
            Some(h) if h == self.hash => Ok(()),
            _ => Err(CheckpointBreak::Rewritten { seq: self.seq }),
        }
    }
}

/// How the trail differs from a checkpoint.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointBreak {
    #[error(
        "audit events #{from} to #{to} were removed: the trail ends at #{} but the checkpoint saw #{to}",
        from - 1
    )]
    Removed { from: i64, to: i64 },
    #[error("audit event #{seq} is not the event the checkpoint saw: the chain was rewritten at or before #{seq}")]
    Rewritten { seq: i64 },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(seq: i64, id: &str) -> ChainFields<'_> {
        ChainFields {
            seq,
            id,
            occurred_at_micros: 1_700_000_000_000_000 + seq,
            actor_account: Some("acct"),
            action: "person_read",
            outcome: "success",
            ..ChainFields::default()
        }
    }

    fn chain(n: i64) -> Vec<(String, String, String)> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=n)
            .map(|seq| {
                let id = format!("id-{seq}");
                let hash = chain_hash(&prev, &event(seq, &id));
                let row = (id, prev.clone(), hash.clone());
                prev = hash;
                row
            })
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies() {
        let mut v = ChainVerifier::default();
        for (i, (id, prev, hash)) in chain(5).iter().enumerate() {
            v.check(&event(i as i64 + 1, id), prev, hash, false).expect("intact");
        }
        assert_eq!(v.checked(), 5);
    }

    #[test]
    fn an_altered_field_names_its_row() {
        let rows = chain(4);
        let mut v = ChainVerifier::default();
        let mut broken = None;
        for (i, (id, prev, hash)) in rows.iter().enumerate() {
            let mut f = event(i as i64 + 1, id);
            if i == 2 {
                f.outcome = "denied";
            }
            if let Err(e) = v.check(&f, prev, hash, false) {
                broken = Some(e);
                break;
            }
        }
        assert_eq!(broken, Some(ChainBreak::Altered { seq: 3, id: "id-3".into() }));
    }

    #[test]
    fn a_removed_row_is_found() {
        let rows = chain(4);
        let mut v = ChainVerifier::default();
        v.check(&event(1, &rows[0].0), &rows[0].1, &rows[0].2, false).expect("first");
        let err = v.check(&event(3, &rows[2].0), &rows[2].1, &rows[2].2, false).expect_err("gap");
        assert_eq!(err, ChainBreak::Unlinked { seq: 3, id: "id-3".into() });
    }

    fn key(b: u8) -> AuditKey {
        AuditKey::new(&[b; 32]).expect("key")
    }

    /// A chain of `plain` SHA-256 events followed by `keyed` HMAC events (the migration's "keyed going forward").
    fn mixed(plain: i64, keyed: i64, k: &AuditKey) -> Vec<(String, String, String, bool)> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=plain + keyed)
            .map(|seq| {
                let id = format!("id-{seq}");
                let is_keyed = seq > plain;
                let hash = if is_keyed {
                    keyed_chain_hash(k, &prev, &event(seq, &id))
                } else {
                    chain_hash(&prev, &event(seq, &id))
                };
                let row = (id, prev.clone(), hash.clone(), is_keyed);
                prev = hash;
                row
            })
            .collect()
    }

    fn walk(v: &mut ChainVerifier, rows: &[(String, String, String, bool)]) -> Result<(), ChainBreak> {
        for (i, (id, prev, hash, keyed)) in rows.iter().enumerate() {
            v.check(&event(i as i64 + 1, id), prev, hash, *keyed)?;
        }
        Ok(())
    }

    #[test]
    fn the_plain_part_still_verifies_once_the_chain_is_keyed() {
        let rows = mixed(3, 4, &key(1));
        let mut v = ChainVerifier::with_key(Some(key(1)));
        walk(&mut v, &rows).expect("intact");
        assert_eq!((v.checked(), v.keyed_from()), (7, Some(4)));
        // Without the key, the plain part verifies and the first keyed event is named.
        let mut v = ChainVerifier::default();
        assert_eq!(walk(&mut v, &rows), Err(ChainBreak::NoKey { seq: 4, id: "id-4".into() }));
        // With another key, the first keyed event is altered.
        let mut v = ChainVerifier::with_key(Some(key(2)));
        assert_eq!(walk(&mut v, &rows), Err(ChainBreak::Altered { seq: 4, id: "id-4".into() }));
    }

    #[test]
    fn an_event_rehashed_without_the_key_is_found() {
        // Someone who can write the database re-links a changed event with plain SHA-256, as before the key.
        let k = key(1);
        let mut rows = mixed(2, 3, &k);
        let mut f = event(4, "id-4");
        f.outcome = "denied";
        rows[3].2 = chain_hash(&rows[3].1, &f);
        rows[3].3 = false;
        let mut v = ChainVerifier::with_key(Some(k.clone()));
        let mut broken = None;
        for (i, (id, prev, hash, keyed)) in rows.iter().enumerate() {
            let mut f = event(i as i64 + 1, id);
            if i == 3 {
                f.outcome = "denied";
            }
            if let Err(e) = v.check(&f, prev, hash, *keyed) {
                broken = Some(e);
                break;
            }
        }
        assert_eq!(broken, Some(ChainBreak::Unkeyed { seq: 4, id: "id-4".into() }));
        // Claiming the row is keyed doesn't help: its MAC can't be made without the key.
        rows[3].3 = true;
        let mut v = ChainVerifier::with_key(Some(k));
        v.check(&event(1, "id-1"), &rows[0].1, &rows[0].2, false).expect("1");
        v.check(&event(2, "id-2"), &rows[1].1, &rows[1].2, false).expect("2");
        v.check(&event(3, "id-3"), &rows[2].1, &rows[2].2, true).expect("3");
        assert_eq!(v.check(&f, &rows[3].1, &rows[3].2, true), Err(ChainBreak::Altered { seq: 4, id: "id-4".into() }));
    }

    #[test]
    fn a_checkpoint_finds_removed_and_rewritten_events_and_refuses_forgery() {
        let k = key(1);
        let cp = Checkpoint { seq: 20, hash: "ab".repeat(32), taken_at: "2026-12-06T06:00:00Z".into() };
        let text = cp.to_text(&k);
        let read = Checkpoint::parse(&text, &k).expect("parses");
        assert_eq!(read, cp);
        assert!(read.check(20, Some(&"ab".repeat(32))).is_ok());
        assert!(read.check(25, Some(&"ab".repeat(32))).is_ok(), "later events are fine");
        assert_eq!(read.check(2, None), Err(CheckpointBreak::Removed { from: 3, to: 20 }));
        assert_eq!(
            read.check(2, None).expect_err("removed").to_string(),
            "audit events #3 to #20 were removed: the trail ends at #2 but the checkpoint saw #20"
        );
        assert_eq!(read.check(30, Some(&"cd".repeat(32))), Err(CheckpointBreak::Rewritten { seq: 20 }));
        assert_eq!(read.check(30, None), Err(CheckpointBreak::Rewritten { seq: 20 }));
        // A checkpoint edited to an earlier head, or checked with another key, is refused.
        let forged = text.replace("seq 20", "seq 2");
        assert!(Checkpoint::parse(&forged, &k).expect_err("forged").contains("signature"));
        assert!(Checkpoint::parse(&text, &key(2)).is_err());
        assert!(Checkpoint::parse("hello", &k).is_err());
        assert!(format!("{k:?}") == "AuditKey(…)");
        assert!(AuditKey::new(&[1; 31]).is_err());
    }

    #[test]
    fn none_and_empty_hash_differently() {
        let a = ChainFields { detail: None, ..event(1, "x") };
        let b = ChainFields { detail: Some(""), ..event(1, "x") };
        assert_ne!(chain_hash(GENESIS_HASH, &a), chain_hash(GENESIS_HASH, &b));
    }

    #[test]
    fn actions_round_trip() {
        for a in AuditAction::ALL {
            assert_eq!(a.as_str().parse::<AuditAction>(), Ok(a));
        }
    }
}
