//! Recovery Friendly designation programs (issue 20, item 5): programs an organization defines, applications made
//! through the site without an account (a private link), each step's evidence and an advisor's review, the
//! designation (on the public list) and its withdrawal, and the renewal reminders.
//!
//! Who: a program's owner's administrators and supervisors (`may_record_designations`) define programs and advise;
//! another organization's program or application is not found (404). An applicant reaches their application only
//! by their link's token (its SHA-256 is looked up; a wrong one is 404). Rules: `community::designation`.

use pathways_domain::access::may_record_designations;
use pathways_domain::community::designation::{
    Application, Evidence, Program, Review, Standing, StepState, TrainingMet, check_evidence_file, may_designate,
    trainings_met,
};
use pathways_domain::ids::{DesignationApplicationId, DesignationProgramId, EvidenceFileId, TrainingId};
use pathways_domain::text::FieldError;
use pathways_store::designation_programs::{
    self as store, ApplicationRow, FileDownload, ProgramRow, RecordedTraining, StepHistory,
};

use crate::auth::secret::{random_token, token_hash};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// An application with its program and each step's history.
#[derive(Clone, Debug)]
pub struct Dossier {
    pub application: ApplicationRow,
    pub program: ProgramRow,
    pub steps: Vec<StepHistory>,
    pub standing: Standing,
    /// The trainings tied to the application and the program's required ones matched against them (filled on the
    /// advisor's page only: `application`; empty otherwise).
    pub trainings: TrainingsView,
}

impl Dossier {
    pub fn states(&self) -> Vec<StepState> {
        self.steps.iter().map(|s| s.state.clone()).collect()
    }
}

/// The advisors' page: the organization's programs, every application with its standing, and the reminders.
pub struct AdvisorView {
    pub programs: Vec<ProgramRow>,
    /// Each application with its program's name and its standing, newest first.
    pub applications: Vec<(ApplicationRow, String, Standing)>,
}

/// Whether the caller may define programs and advise (403 otherwise).
pub fn may_advise(caller: &Caller) -> WebResult<()> {
    if may_record_designations(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

fn today(state: &AppState) -> chrono::NaiveDate {
    crate::services::naloxone::today(state)
}

/// Every program (public), by name.
pub async fn public_programs(state: &AppState) -> WebResult<Vec<ProgramRow>> {
    Ok(store::programs(state.store.reader(), None).await?)
}

/// One program (public); unknown: 404.
pub async fn public_program(state: &AppState, id: DesignationProgramId) -> WebResult<ProgramRow> {
    store::program(state.store.reader(), id.as_uuid()).await?.ok_or(WebError::NotFound)
}

/// The caller's organization's own program (to edit it); another organization's: 404.
pub async fn own_program(state: &AppState, caller: &Caller, id: DesignationProgramId) -> WebResult<ProgramRow> {
    may_advise(caller)?;
    store::program_of(state.store.reader(), caller.org, id.as_uuid()).await?.ok_or(WebError::NotFound)
}

/// Saves a program of the caller's organization: new (`id` none) or its own (another's: 404); audited.
pub async fn save_program(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: Option<DesignationProgramId>,
    p: &Program,
) -> WebResult<DesignationProgramId> {
    may_advise(caller)?;
    let tx = state.store.begin().await?;
    let saved = store::save_program(&tx, &ctx.actor(), caller.org, id.map(|i| i.as_uuid()), p, pathways_store::now())
        .await?
        .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    Ok(DesignationProgramId::from_uuid(saved))
}

/// A new application to a program (anyone; audited); the private link's token, shown once: only its hash is kept.
pub async fn apply(state: &AppState, ctx: &Ctx, id: DesignationProgramId, a: &Application) -> WebResult<String> {
    let tx = state.store.begin().await?;
    let program = store::program(&tx, id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let token = random_token();
    store::create_application(&tx, &ctx.actor(), &program, a, &token_hash(&token), pathways_store::now()).await?;
    tx.commit().await?;
    Ok(token)
}

async fn dossier(
    db: &impl pathways_store::ConnectionTrait,
    application: ApplicationRow,
    today: chrono::NaiveDate,
) -> WebResult<Dossier> {
    let program = store::program(db, application.program_id).await?.ok_or(WebError::NotFound)?;
    let steps = store::history(db, application.id, program.program.steps.len()).await?;
    let standing =
        Standing::of(application.designated_on, application.withdrawn, program.program.renewal_months, today);
    Ok(Dossier { application, program, steps, standing, trainings: TrainingsView::default() })
}

/// The application a private link opens (a wrong or unknown token: 404).
pub async fn by_link(state: &AppState, token: &str) -> WebResult<Dossier> {
    let db = state.store.reader();
    let a = store::application_by_token(db, &token_hash(token)).await?.ok_or(WebError::NotFound)?;
    dossier(db, a, today(state)).await
}

/// Evidence for a step as the applicant sent it: the step, the text, the link, and the file chosen (its name as
/// the browser gave it and its bytes; both empty when none was chosen).
#[derive(Clone, Copy, Debug, Default)]
pub struct EvidenceInput<'a> {
    pub step: &'a str,
    pub text: &'a str,
    pub link: &'a str,
    pub file_name: &'a str,
    pub file: &'a [u8],
}

/// Evidence for a step, through the private link (a wrong token: 404); the step's problems as field errors, the
/// file's too (`designation::check_evidence_file`: PDF, PNG or JPEG by its first bytes, not empty, at most
/// `MAX_EVIDENCE_FILE_BYTES`). With any problem nothing is kept. An application withdrawn takes no more evidence.
/// The submission and its file are saved, each audited, in one transaction.
pub async fn submit_evidence(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    input: &EvidenceInput<'_>,
) -> WebResult<Result<(), Vec<FieldError>>> {
    let tx = state.store.begin().await?;
    let a = store::application_by_token(&tx, &token_hash(token)).await?.ok_or(WebError::NotFound)?;
    let d = dossier(&tx, a, today(state)).await?;
    if d.application.withdrawn {
        return Ok(Err(vec![FieldError::new("application", "withdrawn")]));
    }
    let evidence = Evidence::parse(input.step, input.text, input.link, &d.states());
    let file = check_evidence_file(input.file_name, input.file);
    let (e, file) = match (evidence, file) {
        (Ok(e), Ok(file)) => (e, file),
        (e, f) => return Ok(Err(e.err().unwrap_or_default().into_iter().chain(f.err()).collect())),
    };
    let now = pathways_store::now();
    let submission = store::add_submission(&tx, &ctx.actor(), d.application.id, &e, now).await?;
    if let Some(file) = &file {
        store::add_evidence_file(&tx, &ctx.actor(), d.application.id, submission, file, now).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// The file uploaded with one of the application's submissions, through the private link (a wrong token, or a file
/// of another application: 404). Audited (`designation_file_read`).
pub async fn own_evidence_file(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    file: EvidenceFileId,
) -> WebResult<FileDownload> {
    let tx = state.store.begin().await?;
    let a = store::application_by_token(&tx, &token_hash(token)).await?.ok_or(WebError::NotFound)?;
    let found = store::evidence_file(&tx, a.id, file.as_uuid()).await?.ok_or(WebError::NotFound)?;
    audit_file_read(&tx, ctx, file).await?;
    tx.commit().await?;
    Ok(found)
}

/// The file uploaded with one of an application's submissions, for an advisor of the program's owner (another
/// organization's application, or a file of another application: 404; not an advisor: 403). Audited
/// (`designation_file_read`, naming the submission).
pub async fn evidence_file(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: DesignationApplicationId,
    file: EvidenceFileId,
) -> WebResult<FileDownload> {
    may_advise(caller)?;
    let tx = state.store.begin().await?;
    let a = store::application_of(&tx, caller.org, id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let found = store::evidence_file(&tx, a.id, file.as_uuid()).await?.ok_or(WebError::NotFound)?;
    audit_file_read(&tx, ctx, file).await?;
    tx.commit().await?;
    Ok(found)
}

async fn audit_file_read(tx: &pathways_store::DatabaseTransaction, ctx: &Ctx, file: EvidenceFileId) -> WebResult<()> {
    use pathways_domain::audit::{AuditAction, AuditOutcome};
    use pathways_store::audit::{self, AuditEntry};
    let entry = AuditEntry::new(AuditAction::DesignationFileRead, AuditOutcome::Success)
        .on("designation_submission", file.as_uuid());
    audit::append(tx, &ctx.actor(), entry).await?;
    Ok(())
}

/// The trainings tied to an application, matched against those its program requires, and the caller's
/// organization's other recorded trainings an advisor may still attach.
#[derive(Clone, Debug, Default)]
pub struct TrainingsView {
    /// The trainings attached to the application (recorded by the program's owner).
    pub attached: Vec<RecordedTraining>,
    /// Per required type: required N, recorded M (indices into `attached`).
    pub met: Vec<TrainingMet>,
    /// The owner's recorded trainings not attached yet, of a type the program requires.
    pub attachable: Vec<RecordedTraining>,
}

/// What the advisor's application page shows of trainings (`designation::trainings_met`).
async fn trainings_view(db: &impl pathways_store::ConnectionTrait, d: &Dossier) -> WebResult<TrainingsView> {
    let attached = store::attached_trainings(db, d.application.id).await?;
    let kinds: Vec<_> = attached.iter().map(|t| t.training.kind).collect();
    let required = &d.program.program.trainings;
    let met = trainings_met(required, &kinds);
    let attachable = store::trainings_of(db, d.application.organization)
        .await?
        .into_iter()
        .filter(|t| required.iter().any(|r| r.kind == t.training.kind))
        .filter(|t| attached.iter().all(|a| a.id != t.id))
        .collect();
    Ok(TrainingsView { attached, met, attachable })
}

/// Attaches a training the caller's organization recorded to one of its applications (another organization's
/// application: 404; a training that is not the organization's, or not a training: a field error); audited.
pub async fn attach_training(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: DesignationApplicationId,
    training: &str,
) -> WebResult<Result<(), Vec<FieldError>>> {
    let tx = state.store.begin().await?;
    let d = own_in_tx(state, &tx, caller, id).await?;
    let unknown = || Ok(Err(vec![FieldError::new("training", "unknown-choice")]));
    let Ok(training) = training.trim().parse::<TrainingId>() else { return unknown() };
    if !store::attach_training(
        &tx,
        &ctx.actor(),
        &d.application,
        training.as_uuid(),
        caller.account,
        pathways_store::now(),
    )
    .await?
    {
        return unknown();
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// The advisors' page (programs, applications with their standing).
pub async fn advisor_view(state: &AppState, caller: &Caller) -> WebResult<AdvisorView> {
    may_advise(caller)?;
    let db = state.store.reader();
    let programs = store::programs(db, Some(caller.org)).await?;
    let today = today(state);
    let applications = store::applications_of(db, caller.org)
        .await?
        .into_iter()
        .filter_map(|a| {
            let p = programs.iter().find(|p| p.id == a.program_id)?;
            let standing = Standing::of(a.designated_on, a.withdrawn, p.program.renewal_months, today);
            Some((a, p.program.name.en.clone(), standing))
        })
        .collect();
    Ok(AdvisorView { programs, applications })
}

/// The reminders: the caller's organization's designations due for renewal within 60 days or lapsed, the most
/// urgent first.
pub fn reminders(view: &AdvisorView) -> Vec<&(ApplicationRow, String, Standing)> {
    let mut out: Vec<_> = view.applications.iter().filter(|(_, _, s)| s.reminds()).collect();
    out.sort_by_key(|(_, _, s)| match s {
        Standing::Lapsed { renewal_due, .. } | Standing::RenewalDue { renewal_due, .. } => *renewal_due,
        _ => chrono::NaiveDate::MAX,
    });
    out
}

/// An application to one of the caller's organization's programs (another's: 404).
pub async fn application(state: &AppState, caller: &Caller, id: DesignationApplicationId) -> WebResult<Dossier> {
    may_advise(caller)?;
    let db = state.store.reader();
    let a = store::application_of(db, caller.org, id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let mut d = dossier(db, a, today(state)).await?;
    d.trainings = trainings_view(db, &d).await?;
    Ok(d)
}

async fn own_in_tx(
    state: &AppState,
    tx: &pathways_store::DatabaseTransaction,
    caller: &Caller,
    id: DesignationApplicationId,
) -> WebResult<Dossier> {
    may_advise(caller)?;
    let a = store::application_of(tx, caller.org, id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    dossier(tx, a, today(state)).await
}

/// An advisor's review of a step (as typed: the domain checks it against the step's state and checklist).
pub struct ReviewInput<'a> {
    pub step: &'a str,
    pub decision: &'a str,
    pub note: &'a str,
    pub confirmed: &'a [usize],
}

/// Reviews a step of one of the caller's organization's applications; audited.
pub async fn review(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: DesignationApplicationId,
    input: &ReviewInput<'_>,
) -> WebResult<Result<(), Vec<FieldError>>> {
    let tx = state.store.begin().await?;
    let d = own_in_tx(state, &tx, caller, id).await?;
    if d.application.withdrawn {
        return Ok(Err(vec![FieldError::new("application", "withdrawn")]));
    }
    let r =
        match Review::parse(input.step, input.decision, input.note, input.confirmed, &d.program.program, &d.states()) {
            Ok(r) => r,
            Err(errors) => return Ok(Err(errors)),
        };
    store::add_review(&tx, &ctx.actor(), d.application.id, caller.account, &r, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Designates (or renews) an application today once every step is accepted; it goes on the public list.
pub async fn designate(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: DesignationApplicationId,
) -> WebResult<Result<(), Vec<FieldError>>> {
    let tx = state.store.begin().await?;
    let d = own_in_tx(state, &tx, caller, id).await?;
    if let Err(e) = may_designate(&d.states(), d.application.withdrawn) {
        return Ok(Err(vec![e]));
    }
    store::designate(&tx, &ctx.actor(), &d.program, &d.application, today(state), pathways_store::now()).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Withdraws an application (and its designation, off the public list); audited.
pub async fn withdraw(state: &AppState, ctx: &Ctx, caller: &Caller, id: DesignationApplicationId) -> WebResult<()> {
    let tx = state.store.begin().await?;
    let d = own_in_tx(state, &tx, caller, id).await?;
    if !d.application.withdrawn {
        store::withdraw(&tx, &ctx.actor(), &d.application, pathways_store::now()).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A new private link for one of the caller's organization's applications (another's: 404), for an applicant who
/// lost theirs: a new token whose hash replaces the kept one (the old link opens nothing any more), audited; the
/// token is returned to be shown this once to the advisor, who passes it on.
pub async fn reissue_link(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: DesignationApplicationId,
) -> WebResult<(Dossier, String)> {
    let tx = state.store.begin().await?;
    let d = own_in_tx(state, &tx, caller, id).await?;
    let token = random_token();
    if !store::replace_token(&tx, &ctx.actor(), &d.application, &token_hash(&token)).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok((d, token))
}

/// What a run of the applicants' renewal reminders did: mails sent, and mails the relay refused (tried again on the
/// next run: nothing is recorded for them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RemindersMailed {
    pub sent: usize,
    pub failed: usize,
}

/// Mails each designation's applicant, at its contact address, a reminder of its renewal once it is at most
/// `days_before` days away (the day itself included), once per renewal day (kept on the application with its
/// `designation_save` event, in the transaction that commits only once the relay took the message). Every
/// organization's designations (the daily command's; no caller). The message names the applicant, the program, the
/// renewal day and the program's owner, in English and Spanish — no link: only the private link's hash is kept.
pub async fn mail_renewal_reminders(
    state: &AppState,
    actor: &pathways_store::audit::Actor,
    mailer: &crate::mail::Mailer,
    days_before: i64,
) -> WebResult<RemindersMailed> {
    use pathways_domain::community::designation::mail_reminder_due;
    use pathways_domain::locale::Locale;

    let db = state.store.reader();
    let programs = store::programs(db, None).await?;
    let today = today(state);
    let mut done = RemindersMailed::default();
    for a in store::designated_applications(db).await? {
        let Some(p) = programs.iter().find(|p| p.id == a.program_id) else { continue };
        let Some(due) = mail_reminder_due(
            a.designated_on,
            a.withdrawn,
            p.program.renewal_months,
            a.reminded_for,
            days_before,
            today,
        ) else {
            continue;
        };
        let page = state
            .config
            .public_url
            .as_deref()
            .map(|u| format!("{}/recovery-friendly/programs/{}", u.trim_end_matches('/'), p.id))
            .unwrap_or_default();
        let words = |locale: Locale| {
            let t = crate::i18n::Tr::new(locale);
            let name = if locale == Locale::Es { &p.program.name.es } else { &p.program.name.en };
            let args = [
                ("name", a.application.organization.clone()),
                ("program", name.clone()),
                ("due", due.to_string()),
                ("owner", p.owner_name.clone()),
                ("page", page.clone()),
            ];
            (t.args("email-rfp-renewal-subject", &args), t.args("email-rfp-renewal-body", &args))
        };
        let (en_subject, en_body) = words(Locale::En);
        let (es_subject, es_body) = words(Locale::Es);
        let tx = state.store.begin().await?;
        store::mark_reminded(&tx, actor, a.id, due).await?;
        match mailer
            .send(
                &a.application.contact_email,
                &format!("{en_subject} / {es_subject}"),
                format!("{en_body}\n\n---\n\n{es_body}"),
            )
            .await
        {
            Ok(()) => {
                tx.commit().await?;
                done.sent += 1;
            }
            Err(e) => {
                tx.rollback().await?;
                tracing::warn!(error = %e, "a renewal reminder was not sent");
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// Detaches a training attached to one of the caller's organization's applications by mistake (issue 20, branch
/// rf-api): the box that confirms it ticked (`designation_list::confirm_detach`; otherwise a field error and
/// nothing changes); another organization's application, or a training not attached to this one: 404. Audited
/// (`designation_save`, detail `training_detached training=<id>`) in the same transaction.
pub async fn detach_training(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: DesignationApplicationId,
    training: TrainingId,
    confirmed: bool,
) -> WebResult<Result<(), Vec<FieldError>>> {
    use pathways_domain::community::designation_list::confirm_detach;
    let tx = state.store.begin().await?;
    let d = own_in_tx(state, &tx, caller, id).await?;
    if !store::attached_trainings(&tx, d.application.id).await?.iter().any(|t| t.id == training.as_uuid()) {
        return Err(WebError::NotFound);
    }
    if let Err(e) = confirm_detach(confirmed) {
        return Ok(Err(vec![e]));
    }
    if !store::detach_training(&tx, &ctx.actor(), &d.application, training.as_uuid()).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// Removes a file the applicant sent with a step's evidence, through the private link (issue 20, branch rf-api): a
/// wrong link, or a file of another application (or one already removed): 404. Only while the step is not accepted
/// and with the box that confirms it ticked (`designation_list::may_remove_file`; otherwise a field error and
/// nothing changes). The submission's text and link stay; the file's bytes are gone. Audited (`designation_save`,
/// detail `evidence_file_removed`, naming the submission) in the same transaction.
pub async fn remove_own_evidence_file(
    state: &AppState,
    ctx: &Ctx,
    token: &str,
    file: EvidenceFileId,
    confirmed: bool,
) -> WebResult<Result<(), Vec<FieldError>>> {
    use pathways_domain::community::designation_list::may_remove_file;
    let tx = state.store.begin().await?;
    let a = store::application_by_token(&tx, &token_hash(token)).await?.ok_or(WebError::NotFound)?;
    let step = store::evidence_file_step(&tx, a.id, file.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let d = dossier(&tx, a, today(state)).await?;
    let state_of_step = d.steps.get(step).map(|s| s.state.clone()).unwrap_or(StepState::NotStarted);
    if let Err(e) = may_remove_file(&state_of_step, confirmed) {
        return Ok(Err(vec![e]));
    }
    if !store::remove_evidence_file(&tx, &ctx.actor(), d.application.id, file.as_uuid()).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(Ok(()))
}
