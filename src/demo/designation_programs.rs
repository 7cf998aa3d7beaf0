//! The demo's Recovery Friendly designation programs (issue 20, item 5): the demo state agency runs two programs —
//! Pathways' own demo examples of a workplace's and a town's program (`community::designation::examples`, modelled on
//! the description, not an official program's text) — with one application in progress (two steps
//! accepted, one sent and waiting, one returned with a note) and one designated town, on the public list. Every name
//! is invented.

use chrono::{Duration, NaiveDate};
use pathways_domain::community::designation::{Application, Decision, Evidence, Review, examples};
use pathways_domain::{AccountId, OrgId};
use pathways_store::audit::Actor;
use pathways_store::{Store, designation_programs as programs, orgs};
use pathways_web::auth::secret::token_hash;

/// Seeds the programs of the demo state agency (slug `demo-state`); the number of applications made.
pub async fn seed(store: &Store, today: NaiveDate) -> anyhow::Result<usize> {
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let tx = store.begin().await?;
    let Some(agency) = orgs::find_by_slug(&tx, "demo-state").await? else { return Ok(0) };
    let org = OrgId::from_uuid(agency.id);
    let now = pathways_store::now();
    let mut ids = Vec::new();
    for p in examples() {
        let id = programs::save_program(&tx, &actor, org, None, &p, now)
            .await?
            .ok_or_else(|| anyhow::anyhow!("a program"))?;
        ids.push(id);
    }
    let (workplace, town) = (ids[0], ids[1]);
    let reviewer = AccountId::from_uuid(uuid::Uuid::nil());
    // The demo's links are made of fixed words so nobody can guess a real one from them; only their hashes are kept.
    let hash = token_hash;
    let evidence = |step: usize, text: &str| Evidence { step, text: text.into(), link: None };
    let accept = |step: usize| Review { step, decision: Decision::Accept };

    // A workplace part way through.
    let program = programs::program(&tx, workplace).await?.ok_or_else(|| anyhow::anyhow!("the workplace program"))?;
    let a = Application {
        organization: "Maple Street Bakery (demo)".into(),
        town: "New Britain".into(),
        contact_name: "Robin Demo".into(),
        contact_email: "robin@bakery.demo.pathways.test".into(),
    };
    let app = programs::create_application(&tx, &actor, &program, &a, &hash("demo-bakery-application"), now).await?;
    programs::add_submission(&tx, &actor, app, &evidence(0, "Our owner's letter of interest (demo)."), now).await?;
    programs::add_review(&tx, &actor, app, reviewer, &accept(0), now).await?;
    programs::add_submission(
        &tx,
        &actor,
        app,
        &evidence(1, "Met the advisor with the owner and the shift lead (demo)."),
        now,
    )
    .await?;
    programs::add_review(&tx, &actor, app, reviewer, &accept(1), now).await?;
    programs::add_submission(&tx, &actor, app, &evidence(2, "Our alcohol and drug policy (demo)."), now).await?;
    programs::add_submission(&tx, &actor, app, &evidence(4, "The pledge (demo)."), now).await?;
    let note =
        Review { step: 4, decision: Decision::Return("Please send the pledge signed by the owner (demo).".into()) };
    programs::add_review(&tx, &actor, app, reviewer, &note, now).await?;

    // A town designated 300 days ago, every step accepted.
    let program = programs::program(&tx, town).await?.ok_or_else(|| anyhow::anyhow!("the town program"))?;
    let a = Application {
        organization: "Town of Glastonbury (demo)".into(),
        town: "Glastonbury".into(),
        contact_name: "Casey Demo".into(),
        contact_email: "casey@town.demo.pathways.test".into(),
    };
    let app = programs::create_application(&tx, &actor, &program, &a, &hash("demo-town-application"), now).await?;
    for step in 0..program.program.steps.len() {
        programs::add_submission(&tx, &actor, app, &evidence(step, "Sent (demo)."), now).await?;
        programs::add_review(&tx, &actor, app, reviewer, &accept(step), now).await?;
    }
    let row = programs::application_of(&tx, org, app).await?.ok_or_else(|| anyhow::anyhow!("the application"))?;
    programs::designate(&tx, &actor, &program, &row, today - Duration::days(300), now).await?;
    tx.commit().await?;
    Ok(2)
}
