//! `pathways demo generate …`: a large, fictional data set for benchmarks, or the national directory set.

use std::process::ExitCode;

use anyhow::Context as _;
use pathways_web::Config;
use pathways_web::auth::password::hash_password_blocking;

use super::{DemoCommand, open_store};

pub(super) async fn demo(config: Config, command: DemoCommand) -> anyhow::Result<ExitCode> {
    let DemoCommand::Generate {
        persons,
        checkins,
        assessments,
        persons_per_coach,
        service_events,
        services,
        meetings,
        residences,
        centers,
        events,
        outcomes_orgs,
        outcomes_persons,
        outcomes_episodes,
        outcomes_interviews,
        outcomes_surveys,
    } = command;
    if let Some(n) = outcomes_orgs {
        let store = open_store(&config).await?;
        // The state agency comes with the demo: load it into an empty database (it says so and does nothing
        // otherwise).
        crate::demo::seed(&store, &config).await?;
        let password = config
            .demo_password
            .as_ref()
            .map(|p| secrecy::ExposeSecret::expose_secret(p).to_owned())
            .context("set PATHWAYS_DEMO_PASSWORD: the generated accounts use it")?;
        let hash = hash_password_blocking(&password).map_err(anyhow::Error::msg)?;
        let n = n.max(1);
        let persons = outcomes_persons.unwrap_or(n * 2_000);
        let sizes = crate::demo::generate_outcomes::OutcomeSizes {
            orgs: n,
            persons,
            episodes: outcomes_episodes.unwrap_or(persons + persons / 2),
            interviews: outcomes_interviews.unwrap_or(persons * 5),
            surveys: outcomes_surveys.unwrap_or(n * 500),
        };
        crate::demo::generate_outcomes::generate(&store, &sizes, &hash, config.deployment.time_zone).await?;
        return Ok(ExitCode::SUCCESS);
    }
    if centers.is_some() || events.is_some() {
        let store = open_store(&config).await?;
        let (c, e) = (centers.unwrap_or(500).max(1), events.unwrap_or(10_000));
        crate::demo::community::generate_calendar(&store, c, e, config.deployment.time_zone).await?;
        return Ok(ExitCode::SUCCESS);
    }
    if services.is_some() || meetings.is_some() || residences.is_some() {
        let store = open_store(&config).await?;
        let (s, m) = (services.unwrap_or(0), meetings.unwrap_or(0));
        if s > 0 || m > 0 {
            crate::demo::directory::generate_national(&store, s, m, config.deployment.time_zone).await?;
        }
        let r = residences.unwrap_or(s / 20);
        let (made, seconds) = crate::demo::residences::generate(&store, r).await?;
        if made > 0 {
            eprintln!("Made {made} recovery residences in {seconds:.1} s.");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let store = open_store(&config).await?;
    let password = config
        .demo_password
        .as_ref()
        .map(|p| secrecy::ExposeSecret::expose_secret(p).to_owned())
        .context("set PATHWAYS_DEMO_PASSWORD: the generated accounts use it")?;
    let hash = hash_password_blocking(&password).map_err(anyhow::Error::msg)?;
    let sizes = crate::demo::generate::Sizes { persons, checkins, assessments, persons_per_coach, service_events };
    crate::demo::generate::generate(&store, &sizes, &hash).await?;
    Ok(ExitCode::SUCCESS)
}
