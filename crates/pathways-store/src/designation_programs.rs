//! Recovery Friendly designation programs (issue 20, item 5; migration m0039): an organization's programs, the
//! applications to them, each step's evidence and reviews, and the designation an advisor makes, which goes on
//! the public list (`recovery_friendly`) with the program's owner as the designating body.
//!
//! Scoping: an advisor's finders take the owner organization (another organization's program or application is not
//! found); an applicant's take the SHA-256 of their private link's token (a wrong token finds nothing). A program's
//! page is public, so `program` finds any program by its id. Every write appends its `designation_save` event in
//! the caller's transaction.

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::community::designation::{
    Application, Bilingual, Decision, Evidence, EvidenceFile, Program, Review, Step, StepEvent, StepState,
    TrainingRequirement, renewal_due, step_state,
};
use pathways_domain::community::volunteers::DesignationKind;
use pathways_domain::{AccountId, OrgId};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::{
    community_training, designation_application as app, designation_evidence_file as evfile,
    designation_program as prog, designation_review as review, designation_submission as sub,
    designation_training as dtraining, organization, recovery_friendly,
};

/// A program as stored, read back through the domain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramRow {
    pub id: Uuid,
    pub organization: OrgId,
    /// The owner's name (the designating body on the public list).
    pub owner_name: String,
    pub program: Program,
}

/// An application as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationRow {
    pub id: Uuid,
    pub program_id: Uuid,
    pub organization: OrgId,
    pub application: Application,
    pub designated_on: Option<NaiveDate>,
    pub withdrawn: bool,
    pub created_at: DateTime<Utc>,
    /// The renewal day the last reminder mailed to the applicant was about.
    pub reminded_for: Option<NaiveDate>,
}

/// One step's history: its state, the latest evidence and the latest review's note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepHistory {
    pub state: StepState,
    /// The latest evidence (text, link, when).
    pub evidence: Option<(String, Option<String>, DateTime<Utc>)>,
    /// The file uploaded with the latest evidence, if any (m0046).
    pub file: Option<FileInfo>,
}

/// What is shown of an evidence file (not its bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileInfo {
    /// The submission it came with (its download names it).
    pub submission: Uuid,
    pub name: String,
    pub content_type: String,
    pub size: i64,
}

/// An evidence file, to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDownload {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

fn audit_entry(entity: &'static str, id: Uuid, detail: &str) -> AuditEntry {
    AuditEntry::new(AuditAction::DesignationSave, AuditOutcome::Success).on(entity, id).detail(detail)
}

fn to_program(row: prog::Model, owner_name: String) -> Option<ProgramRow> {
    let steps: Vec<Step> = serde_json::from_str(&row.steps).ok()?;
    let trainings: Vec<TrainingRequirement> = serde_json::from_str(&row.trainings).ok()?;
    Some(ProgramRow {
        id: row.id,
        organization: OrgId::from_uuid(row.organization_id),
        owner_name,
        program: Program {
            kind: DesignationKind::parse(&row.kind)?,
            name: Bilingual { en: row.name_en, es: row.name_es },
            steps,
            trainings,
            renewal_months: u32::try_from(row.renewal_months).ok()?,
        },
    })
}

fn to_application(r: app::Model) -> ApplicationRow {
    ApplicationRow {
        id: r.id,
        program_id: r.program_id,
        organization: OrgId::from_uuid(r.organization_id),
        application: Application {
            organization: r.applicant_name,
            town: r.town,
            contact_name: r.contact_name,
            contact_email: r.contact_email,
        },
        designated_on: r.designated_on,
        withdrawn: r.withdrawn_at.is_some(),
        created_at: r.created_at,
        reminded_for: r.renewal_reminded_for,
    }
}

async fn owner_name(db: &impl ConnectionTrait, org: Uuid) -> Result<String> {
    Ok(organization::Entity::find_by_id(org).one(db).await?.map(|o| o.name).unwrap_or_default())
}

/// Saves a program of `org`: a new one (`id` none) or `org`'s own `id` (`None` when `org` has no such program).
pub async fn save_program(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: OrgId,
    id: Option<Uuid>,
    p: &Program,
    now: DateTime<Utc>,
) -> Result<Option<Uuid>> {
    let steps = serde_json::to_string(&p.steps).unwrap_or_else(|_| "[]".into());
    let trainings = serde_json::to_string(&p.trainings).unwrap_or_else(|_| "[]".into());
    let months = i32::try_from(p.renewal_months).unwrap_or(i32::MAX);
    let saved = match id {
        None => {
            let id = Uuid::now_v7();
            prog::ActiveModel {
                id: Set(id),
                organization_id: Set(org.as_uuid()),
                kind: Set(p.kind.code().to_owned()),
                name_en: Set(p.name.en.clone()),
                name_es: Set(p.name.es.clone()),
                steps: Set(steps),
                trainings: Set(trainings),
                renewal_months: Set(months),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(tx)
            .await?;
            id
        }
        Some(id) => {
            let Some(row) =
                prog::Entity::find_by_id(id).filter(prog::Column::OrganizationId.eq(org.as_uuid())).one(tx).await?
            else {
                return Ok(None);
            };
            let mut row = row.into_active_model();
            row.kind = Set(p.kind.code().to_owned());
            row.name_en = Set(p.name.en.clone());
            row.name_es = Set(p.name.es.clone());
            row.steps = Set(steps);
            row.trainings = Set(trainings);
            row.renewal_months = Set(months);
            row.updated_at = Set(now);
            row.update(tx).await?;
            id
        }
    };
    audit::append(tx, actor, audit_entry("designation_program", saved, "program")).await?;
    Ok(Some(saved))
}

/// Any program by its id (its page is public).
pub async fn program(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<ProgramRow>> {
    let Some(row) = prog::Entity::find_by_id(id).one(db).await? else { return Ok(None) };
    let owner = owner_name(db, row.organization_id).await?;
    Ok(to_program(row, owner))
}

/// `org`'s own program `id` (an advisor's view; another organization's is not found).
pub async fn program_of(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<ProgramRow>> {
    Ok(program(db, id).await?.filter(|p| p.organization == org))
}

/// Every program (the public list of programs), or only `org`'s, by English name.
pub async fn programs(db: &impl ConnectionTrait, org: Option<OrgId>) -> Result<Vec<ProgramRow>> {
    let mut q = prog::Entity::find().order_by_asc(prog::Column::NameEn);
    if let Some(org) = org {
        q = q.filter(prog::Column::OrganizationId.eq(org.as_uuid()));
    }
    let mut out = Vec::new();
    for row in q.all(db).await? {
        let owner = owner_name(db, row.organization_id).await?;
        out.extend(to_program(row, owner));
    }
    Ok(out)
}

/// A new application to `program` (found first by the caller), keeping only its token's hash.
pub async fn create_application(
    tx: &DatabaseTransaction,
    actor: &Actor,
    program: &ProgramRow,
    a: &Application,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    app::ActiveModel {
        id: Set(id),
        program_id: Set(program.id),
        organization_id: Set(program.organization.as_uuid()),
        applicant_name: Set(a.organization.clone()),
        town: Set(a.town.clone()),
        contact_name: Set(a.contact_name.clone()),
        contact_email: Set(a.contact_email.clone()),
        token_hash: Set(token_hash.to_owned()),
        designated_on: Set(None),
        recovery_friendly_id: Set(None),
        withdrawn_at: Set(None),
        created_at: Set(now),
        renewal_reminded_for: Set(None),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, audit_entry("designation_application", id, "application")).await?;
    Ok(id)
}

/// The application whose private link's token hashes to `token_hash`.
pub async fn application_by_token(db: &impl ConnectionTrait, token_hash: &str) -> Result<Option<ApplicationRow>> {
    Ok(app::Entity::find().filter(app::Column::TokenHash.eq(token_hash)).one(db).await?.map(to_application))
}

/// `org`'s application `id` (an application to one of `org`'s programs).
pub async fn application_of(db: &impl ConnectionTrait, org: OrgId, id: Uuid) -> Result<Option<ApplicationRow>> {
    Ok(app::Entity::find_by_id(id)
        .filter(app::Column::OrganizationId.eq(org.as_uuid()))
        .one(db)
        .await?
        .map(to_application))
}

/// Every application to `org`'s programs, newest first.
pub async fn applications_of(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<ApplicationRow>> {
    Ok(app::Entity::find()
        .filter(app::Column::OrganizationId.eq(org.as_uuid()))
        .order_by_desc(app::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(to_application)
        .collect())
}

/// Each of `steps` steps' history for application `id` (found by the caller through its scope).
pub async fn history(db: &impl ConnectionTrait, id: Uuid, steps: usize) -> Result<Vec<StepHistory>> {
    let subs = sub::Entity::find().filter(sub::Column::ApplicationId.eq(id)).all(db).await?;
    let reviews = review::Entity::find().filter(review::Column::ApplicationId.eq(id)).all(db).await?;
    // Every event by its id (UUIDv7: the order they were made in).
    let mut events: Vec<(Uuid, usize, StepEvent)> = Vec::new();
    for s in &subs {
        events.push((s.id, usize::try_from(s.step).unwrap_or(usize::MAX), StepEvent::Submitted));
    }
    for r in &reviews {
        let e = if r.decision == "accept" {
            StepEvent::Accepted
        } else {
            StepEvent::Returned(r.note.clone().unwrap_or_default())
        };
        events.push((r.id, usize::try_from(r.step).unwrap_or(usize::MAX), e));
    }
    events.sort_by_key(|(id, _, _)| *id);
    let files = files_of(db, id).await?;
    Ok((0..steps)
        .map(|i| {
            let mine: Vec<StepEvent> = events.iter().filter(|(_, s, _)| *s == i).map(|(_, _, e)| e.clone()).collect();
            let latest = subs.iter().filter(|s| usize::try_from(s.step).ok() == Some(i)).max_by_key(|s| s.id);
            let evidence = latest.map(|s| (s.evidence.clone(), s.link.clone(), s.submitted_at));
            let file = latest.and_then(|s| files.iter().find(|f| f.submission == s.id)).cloned();
            StepHistory { state: step_state(&mine), evidence, file }
        })
        .collect())
}

/// The files uploaded with application `id`'s evidence (found by the caller through its scope), without their bytes.
async fn files_of(db: &impl ConnectionTrait, id: Uuid) -> Result<Vec<FileInfo>> {
    let rows: Vec<(Uuid, String, String, i32)> = evfile::Entity::find()
        .select_only()
        .column(evfile::Column::SubmissionId)
        .column(evfile::Column::FileName)
        .column(evfile::Column::ContentType)
        .column(evfile::Column::Size)
        .filter(evfile::Column::ApplicationId.eq(id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(submission, name, content_type, size)| FileInfo { submission, name, content_type, size: size.into() })
        .collect())
}

/// Keeps the file uploaded with submission `submission` of application `id` (already checked by
/// `designation::check_evidence_file`); audited (`designation_save`, detail `evidence_file`, naming the submission).
pub async fn add_evidence_file(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
    submission: Uuid,
    f: &EvidenceFile,
    now: DateTime<Utc>,
) -> Result<()> {
    use sha2::Digest as _;
    let sha256 = hex::encode(sha2::Sha256::digest(&f.bytes));
    evfile::ActiveModel {
        submission_id: Set(submission),
        application_id: Set(id),
        file_name: Set(f.name.clone()),
        content_type: Set(f.content_type.to_owned()),
        bytes: Set(f.bytes.clone()),
        size: Set(i32::try_from(f.bytes.len()).unwrap_or(i32::MAX)),
        sha256: Set(sha256),
        uploaded_at: Set(now),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, audit_entry("designation_submission", submission, "evidence_file")).await?;
    Ok(())
}

/// The file uploaded with submission `submission` of application `id` (the application found by the caller through
/// its scope; a submission of another application is not found).
pub async fn evidence_file(db: &impl ConnectionTrait, id: Uuid, submission: Uuid) -> Result<Option<FileDownload>> {
    Ok(evfile::Entity::find_by_id(submission)
        .filter(evfile::Column::ApplicationId.eq(id))
        .one(db)
        .await?
        .map(|f| FileDownload { name: f.file_name, content_type: f.content_type, bytes: f.bytes }))
}

/// Evidence for a step of application `id` (found by its token); audited. The new submission's id.
pub async fn add_submission(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
    e: &Evidence,
    now: DateTime<Utc>,
) -> Result<Uuid> {
    let row = Uuid::now_v7();
    sub::ActiveModel {
        id: Set(row),
        application_id: Set(id),
        step: Set(i32::try_from(e.step).unwrap_or(i32::MAX)),
        evidence: Set(e.text.clone()),
        link: Set(e.link.clone()),
        submitted_at: Set(now),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, audit_entry("designation_submission", row, "evidence")).await?;
    Ok(row)
}

/// An advisor's review of a step of application `id` (found through the advisor's organization); audited.
pub async fn add_review(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: Uuid,
    reviewer: AccountId,
    r: &Review,
    now: DateTime<Utc>,
) -> Result<()> {
    let row = Uuid::now_v7();
    let (decision, note) = match &r.decision {
        Decision::Accept => ("accept", None),
        Decision::Return(note) => ("return", Some(note.clone())),
    };
    review::ActiveModel {
        id: Set(row),
        application_id: Set(id),
        step: Set(i32::try_from(r.step).unwrap_or(i32::MAX)),
        decision: Set(decision.to_owned()),
        note: Set(note),
        reviewer_id: Set(reviewer.as_uuid()),
        reviewed_at: Set(now),
    }
    .insert(tx)
    .await?;
    audit::append(tx, actor, audit_entry("designation_review", row, decision)).await?;
    Ok(())
}

/// Designates application `a` under `program` `on` a day: its row on the public list (the program's owner as the
/// designating body, due for renewal the period later) is made, or — designated before — renewed from `on`.
pub async fn designate(
    tx: &DatabaseTransaction,
    actor: &Actor,
    program: &ProgramRow,
    a: &ApplicationRow,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let Some(row) = app::Entity::find_by_id(a.id).one(tx).await? else { return Ok(()) };
    let due = renewal_due(on, program.program.renewal_months);
    let listed = match row.recovery_friendly_id {
        Some(rf) => recovery_friendly::Entity::find_by_id(rf).one(tx).await?,
        None => None,
    };
    let rf_id = match listed {
        Some(listed) => {
            let id = listed.id;
            let mut listed = listed.into_active_model();
            listed.designated_on = Set(on);
            listed.renewal_due_on = Set(Some(due));
            listed.withdrawn_at = Set(None);
            listed.update(tx).await?;
            id
        }
        None => {
            let id = Uuid::now_v7();
            recovery_friendly::ActiveModel {
                id: Set(id),
                organization_id: Set(program.organization.as_uuid()),
                kind: Set(program.program.kind.code().to_owned()),
                name: Set(a.application.organization.clone()),
                town: Set(Some(a.application.town.clone())),
                designated_on: Set(on),
                designated_by: Set(program.owner_name.clone()),
                withdrawn_at: Set(None),
                renewal_due_on: Set(Some(due)),
                created_at: Set(now),
            }
            .insert(tx)
            .await?;
            id
        }
    };
    let mut row = row.into_active_model();
    row.designated_on = Set(Some(on));
    row.recovery_friendly_id = Set(Some(rf_id));
    row.update(tx).await?;
    audit::append(tx, actor, audit_entry("designation_application", a.id, "designate")).await?;
    Ok(())
}

/// Withdraws application `a` and, if designated, takes its designation off the public list.
pub async fn withdraw(tx: &DatabaseTransaction, actor: &Actor, a: &ApplicationRow, now: DateTime<Utc>) -> Result<()> {
    let Some(row) = app::Entity::find_by_id(a.id).one(tx).await? else { return Ok(()) };
    if let Some(rf) = row.recovery_friendly_id
        && let Some(listed) = recovery_friendly::Entity::find_by_id(rf).one(tx).await?
    {
        let mut listed = listed.into_active_model();
        listed.withdrawn_at = Set(Some(now));
        listed.update(tx).await?;
    }
    let mut row = row.into_active_model();
    row.withdrawn_at = Set(Some(now));
    row.update(tx).await?;
    audit::append(tx, actor, audit_entry("designation_application", a.id, "withdraw")).await?;
    Ok(())
}

/// Gives application `a` a new private link: its token's hash replaces the one kept, so the old link opens nothing
/// any more (only the hash is kept, never the token). Audited in `tx` (`new_link`).
pub async fn replace_token(
    tx: &DatabaseTransaction,
    actor: &Actor,
    a: &ApplicationRow,
    token_hash: &str,
) -> Result<bool> {
    let Some(row) = app::Entity::find_by_id(a.id).one(tx).await? else { return Ok(false) };
    let mut row = row.into_active_model();
    row.token_hash = Set(token_hash.to_owned());
    row.update(tx).await?;
    audit::append(tx, actor, audit_entry("designation_application", a.id, "new_link")).await?;
    Ok(true)
}

/// Every designated application that is not withdrawn, of every organization (for the daily renewal reminders).
pub async fn designated_applications(db: &impl ConnectionTrait) -> Result<Vec<ApplicationRow>> {
    Ok(app::Entity::find()
        .filter(app::Column::DesignatedOn.is_not_null())
        .filter(app::Column::WithdrawnAt.is_null())
        .order_by_asc(app::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(to_application)
        .collect())
}

/// Records that the applicant of `id` was mailed the reminder of the renewal due `due` (audited; no address in the
/// event).
pub async fn mark_reminded(tx: &DatabaseTransaction, actor: &Actor, id: Uuid, due: NaiveDate) -> Result<()> {
    let Some(row) = app::Entity::find_by_id(id).one(tx).await? else { return Ok(()) };
    let mut row = row.into_active_model();
    row.renewal_reminded_for = Set(Some(due));
    row.update(tx).await?;
    audit::append(tx, actor, audit_entry("designation_application", id, "renewal_reminder_mailed")).await?;
    Ok(())
}

/// A training recorded at `/community/trainings`, as an advisor sees it beside an application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedTraining {
    pub id: Uuid,
    pub training: pathways_domain::community::naloxone::Training,
}

fn recorded(m: community_training::Model) -> Option<RecordedTraining> {
    Some(RecordedTraining {
        id: m.id,
        training: pathways_domain::community::naloxone::Training {
            kind: pathways_domain::community::naloxone::TrainingKind::parse(&m.kind)?,
            held_on: m.held_on,
            attendees: u32::try_from(m.attendees).unwrap_or(0),
            place: m.place,
        },
    })
}

/// The trainings `org` recorded (the most recent 200, newest first): those an advisor may attach to an application.
pub async fn trainings_of(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<RecordedTraining>> {
    Ok(community_training::Entity::find()
        .filter(community_training::Column::OrganizationId.eq(org.as_uuid()))
        .order_by_desc(community_training::Column::HeldOn)
        .order_by_desc(community_training::Column::RecordedAt)
        .limit(200)
        .all(db)
        .await?
        .into_iter()
        .filter_map(recorded)
        .collect())
}

/// The trainings attached to application `id` (found by the caller through its scope), oldest first.
pub async fn attached_trainings(db: &impl ConnectionTrait, id: Uuid) -> Result<Vec<RecordedTraining>> {
    let ids: Vec<Uuid> = dtraining::Entity::find()
        .filter(dtraining::Column::ApplicationId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.training_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(community_training::Entity::find()
        .filter(community_training::Column::Id.is_in(ids))
        .order_by_asc(community_training::Column::HeldOn)
        .order_by_asc(community_training::Column::RecordedAt)
        .all(db)
        .await?
        .into_iter()
        .filter_map(recorded)
        .collect())
}

/// Attaches training `training` to application `a`: only a training the application's program owner recorded
/// (another organization's is not found: `false`); attached already, nothing changes (`true`). Audited
/// (`designation_save` on the application, detail `training_attached training=<id>`).
pub async fn attach_training(
    tx: &DatabaseTransaction,
    actor: &Actor,
    a: &ApplicationRow,
    training: Uuid,
    by: AccountId,
    now: DateTime<Utc>,
) -> Result<bool> {
    let own = community_training::Entity::find_by_id(training)
        .filter(community_training::Column::OrganizationId.eq(a.organization.as_uuid()))
        .one(tx)
        .await?;
    if own.is_none() {
        return Ok(false);
    }
    if dtraining::Entity::find_by_id((a.id, training)).one(tx).await?.is_some() {
        return Ok(true);
    }
    dtraining::ActiveModel {
        application_id: Set(a.id),
        training_id: Set(training),
        attached_by: Set(by.as_uuid()),
        attached_at: Set(now),
    }
    .insert(tx)
    .await?;
    audit::append(
        tx,
        actor,
        audit_entry("designation_application", a.id, &format!("training_attached training={training}")),
    )
    .await?;
    Ok(true)
}

/// Detaches training `training` from application `a` (found by the caller through its scope; issue 20, branch
/// rf-api): `false` when it was not attached to it. Audited (`designation_save` on the application, detail
/// `training_detached training=<id>`).
pub async fn detach_training(
    tx: &DatabaseTransaction,
    actor: &Actor,
    a: &ApplicationRow,
    training: Uuid,
) -> Result<bool> {
    let gone = dtraining::Entity::delete_by_id((a.id, training)).exec(tx).await?.rows_affected;
    if gone == 0 {
        return Ok(false);
    }
    audit::append(
        tx,
        actor,
        audit_entry("designation_application", a.id, &format!("training_detached training={training}")),
    )
    .await?;
    Ok(true)
}

/// The step of the submission whose file `submission` is, when application `id` (found by the caller through its
/// scope) has that file (issue 20, branch rf-api); a file of another application, or none: `None`.
pub async fn evidence_file_step(db: &impl ConnectionTrait, id: Uuid, submission: Uuid) -> Result<Option<usize>> {
    let kept: Option<Uuid> = evfile::Entity::find_by_id(submission)
        .select_only()
        .column(evfile::Column::SubmissionId)
        .filter(evfile::Column::ApplicationId.eq(id))
        .into_tuple()
        .one(db)
        .await?;
    if kept.is_none() {
        return Ok(None);
    }
    let step: Option<i32> = sub::Entity::find_by_id(submission)
        .select_only()
        .column(sub::Column::Step)
        .filter(sub::Column::ApplicationId.eq(id))
        .into_tuple()
        .one(db)
        .await?;
    Ok(step.and_then(|s| usize::try_from(s).ok()))
}

/// Removes the file sent with submission `submission` of application `id` (found by the caller through its scope;
/// the rule checked by the caller): its bytes are gone, the submission's text and link stay. `false` when there was
/// none. Audited (`designation_save` on the submission, detail `evidence_file_removed`).
pub async fn remove_evidence_file(tx: &DatabaseTransaction, actor: &Actor, id: Uuid, submission: Uuid) -> Result<bool> {
    let gone = evfile::Entity::delete_many()
        .filter(evfile::Column::SubmissionId.eq(submission))
        .filter(evfile::Column::ApplicationId.eq(id))
        .exec(tx)
        .await?
        .rows_affected;
    if gone == 0 {
        return Ok(false);
    }
    audit::append(tx, actor, audit_entry("designation_submission", submission, "evidence_file_removed")).await?;
    Ok(true)
}
