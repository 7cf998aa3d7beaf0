//! `serve --demo`: fills an empty database with a demo organization, one account per role
//! (`<role>@demo.pathways.test`), a second organization (so tenancy can be seen), and a few fictional persons.
//! Every name here is invented.

use anyhow::Context;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::person::{PersonDetails, RawPerson};
use pathways_domain::{AccountId, OrgId, PersonId, Role};
use pathways_store::audit::{self, Actor, AuditEntry};
use pathways_store::{Store, accounts, orgs, persons};
use pathways_web::Config;
use pathways_web::auth::password::hash_password_blocking;
use pathways_web::auth::secret::random_token;
use secrecy::ExposeSecret;

mod capacity;
pub mod community;
mod designation_programs;
pub mod directory;
mod financing;
pub mod generate;
mod generate_financing;
pub mod generate_outcomes;
mod housing;
mod outcomes;
mod recovery;
pub mod residences;
mod state;

pub const DEMO_DOMAIN: &str = "demo.pathways.test";

/// (preferred name, pronouns, phone, language, assigned to the demo coach)
const PERSONS: [(&str, &str, &str, &str, bool); 8] = [
    ("Alex Rivera", "they/them", "860-555-0101", "en", true),
    ("María González", "she/her", "860-555-0102", "es", true),
    ("Jordan Lee", "he/him", "203-555-0103", "en", true),
    ("Tomasz Nowak", "he/him", "860-555-0104", "pl", true),
    ("Keisha Brown", "she/her", "475-555-0105", "en", true),
    ("Luis Ortiz", "he/him", "860-555-0106", "es", false),
    ("Sam Patel", "", "203-555-0107", "en", false),
    ("Rosa Díaz", "she/her", "959-555-0108", "es", false),
];

pub async fn seed(store: &Store, config: &Config) -> anyhow::Result<()> {
    if orgs::find_by_slug(store.reader(), "demo").await?.is_some() {
        eprintln!("Demo data is already loaded.");
        return Ok(());
    }
    if !orgs::list(store.reader()).await?.is_empty() {
        eprintln!("The database already holds organizations; demo data is only added to an empty database.");
        return Ok(());
    }
    let (password, generated) = match &config.demo_password {
        Some(p) => (p.expose_secret().to_owned(), false),
        None => (random_token()[..20].to_owned(), true),
    };
    let hash = tokio::task::spawn_blocking(move || hash_password_blocking(&password).map(|h| (h, password)))
        .await
        .context("hashing the demo password")?
        .map_err(anyhow::Error::msg)?;
    let (hash, password) = hash;

    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let tx = store.begin().await?;
    let demo =
        orgs::create(&tx, &Slug::parse("demo")?, "Demo Recovery Community Center", OrgKind::RecoveryCommunityCenter)
            .await?;
    let other =
        orgs::create(&tx, &Slug::parse("other-demo")?, "Other Demo Treatment Program", OrgKind::TreatmentProvider)
            .await?;
    audit::append(
        &tx,
        &actor,
        AuditEntry::new(AuditAction::OrgCreate, AuditOutcome::Success).on("organization", demo.id),
    )
    .await?;
    audit::append(
        &tx,
        &actor,
        AuditEntry::new(AuditAction::OrgCreate, AuditOutcome::Success).on("organization", other.id),
    )
    .await?;

    let mut coach = None;
    let mut staff_ids = std::collections::HashMap::new();
    for role in Role::ALL {
        let email = format!("{}@{DEMO_DOMAIN}", role.as_str());
        let name = demo_name(role);
        let a = accounts::create_staff(
            &tx,
            accounts::NewStaff {
                org: OrgId::from_uuid(demo.id),
                role,
                email: &email,
                display_name: name,
                password_hash: &hash,
            },
        )
        .await?;
        audit::append(
            &tx,
            &actor,
            AuditEntry::new(AuditAction::AccountCreate, AuditOutcome::Success).on("account", a.id),
        )
        .await?;
        if role == Role::Coach {
            coach = Some(AccountId::from_uuid(a.id));
        }
        staff_ids.insert(role, AccountId::from_uuid(a.id));
    }
    let other_admin = accounts::create_staff(
        &tx,
        accounts::NewStaff {
            org: OrgId::from_uuid(other.id),
            role: Role::Admin,
            email: &format!("admin@other.{DEMO_DOMAIN}"),
            display_name: "Pat Morgan",
            password_hash: &hash,
        },
    )
    .await?;
    audit::append(
        &tx,
        &actor,
        AuditEntry::new(AuditAction::AccountCreate, AuditOutcome::Success).on("account", other_admin.id),
    )
    .await?;

    let today = chrono::Utc::now().date_naive();
    for (i, (name, pronouns, phone, lang, assigned)) in PERSONS.iter().enumerate() {
        let raw = RawPerson {
            preferred_name: (*name).into(),
            pronouns: (*pronouns).into(),
            phone: (*phone).into(),
            preferred_language: (*lang).into(),
            date_of_birth: format!("{}-0{}-1{}", 1970 + i * 4, 1 + i % 9, i % 9),
            ..RawPerson::default()
        };
        let details = PersonDetails::parse(&raw, today).map_err(|e| anyhow::anyhow!("demo person {name}: {e:?}"))?;
        let org = if i == PERSONS.len() - 1 { OrgId::from_uuid(other.id) } else { OrgId::from_uuid(demo.id) };
        let p = persons::insert(&tx, org, &details, if *assigned { coach } else { None }).await?;
        audit::append(&tx, &actor, AuditEntry::person(AuditAction::PersonCreate, PersonId::from_uuid(p.id))).await?;
    }
    tx.commit().await?;
    recovery::seed(store, OrgId::from_uuid(demo.id), coach, &hash, config.deployment.time_zone).await?;
    let (meetings, programs) = directory::seed(store, &config.deployment).await?;
    let beds = capacity::seed(store, OrgId::from_uuid(demo.id)).await?;
    let residences = housing::seed(store, OrgId::from_uuid(demo.id)).await?;
    state::seed(
        store,
        &[(OrgId::from_uuid(demo.id), "North Central"), (OrgId::from_uuid(other.id), "South Central")],
        &hash,
    )
    .await?;
    let applications = designation_programs::seed(store, chrono::Utc::now().date_naive()).await?;
    eprintln!(
        "Demo Recovery Friendly programs: a workplace's and a town's (the state agency's), {applications} applications \
         (/recovery-friendly, /designation-programs)."
    );
    let outcome_persons = match coach {
        Some(c) => outcomes::seed(store, OrgId::from_uuid(demo.id), c, chrono::Utc::now().date_naive()).await?,
        None => 0,
    };
    let gatherings = community::seed(store, OrgId::from_uuid(demo.id), config.deployment.time_zone).await?;
    eprintln!("Demo recovery community: {gatherings} groups and events (fictional) at /calendar, an open kiosk.");
    // Peer services and their financing (issue 21).
    if let (Some(coach), Some(clinician), Some(supervisor)) =
        (coach, staff_ids.get(&Role::Clinician).copied(), staff_ids.get(&Role::Supervisor).copied())
    {
        let events = financing::seed(store, OrgId::from_uuid(demo.id), coach, clinician, supervisor).await?;
        eprintln!(
            "Demo peer services: {events} service events over the past month at /financing, one of each problem flagged."
        );
    }
    if let Some(listing) = link_a_provider(store, OrgId::from_uuid(other.id)).await? {
        eprintln!("Demo referrals: \"{listing}\" in the directory is on Pathways as {}.", other.name);
    }
    if let Some(listing) = housing::link_a_residence(store, OrgId::from_uuid(other.id)).await? {
        eprintln!(
            "Demo placement: \"{listing}\" in the directory is a recovery residence {} operates: a referral may \
             hold a bed there.",
            other.name
        );
    }
    eprintln!("Demo treatment capacity: {beds} programs with beds (fictional), a few beds held for calls in flight.");
    eprintln!(
        "Demo outcome interviews: {outcome_persons} persons with baselines and 6-month reassessments (/reports/follow-up)."
    );
    eprintln!(
        "Demo recovery housing: {residences} residences (fictional) at /housing; one report stale, one certificate expired."
    );
    eprintln!(
        "Demo directory: {} meetings and {} services in Connecticut (fictional, marked \"demo\"), and real statewide lines.",
        meetings.added, programs.added
    );

    eprintln!("Demo data loaded. Sign in at /login as any of:");
    for role in Role::ALL {
        eprintln!("  {}@{DEMO_DOMAIN}", role.as_str());
    }
    eprintln!("  {} (a person in recovery, in their own portal)", recovery::PERSON_USERNAME);
    eprintln!("  {} (the demo state agency's administrator: /reports/network/people-served)", state::state_email());
    eprintln!(
        "Roles listed in two_factor_required_roles (admin, supervisor and clinician unless configured) set up an \
         authenticator app at their first sign-in, as in production."
    );
    if generated {
        // Printed once, to the terminal only; set PATHWAYS_DEMO_PASSWORD to choose it instead.
        eprintln!("Demo password (shown once): {password}");
    } else {
        eprintln!("Demo password: the value of PATHWAYS_DEMO_PASSWORD.");
    }
    Ok(())
}

fn demo_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "Dana Admin",
        Role::Supervisor => "Chris Supervisor",
        Role::Coach => "Casey Coach",
        Role::Clinician => "Robin Clinician",
        Role::AccessLine => "Avery Access Line",
        Role::ProviderStaff => "Morgan Provider",
        Role::Analyst => "Quinn Analyst",
        Role::DirectoryEditor => "Dana Directory",
    }
}

/// Makes one fictional directory provider (the first withdrawal management center by name) the second demo
/// organization, so a referral to it arrives in that organization's inbox (the closed loop) while referrals
/// elsewhere are printed.
async fn link_a_provider(store: &Store, other: OrgId) -> anyhow::Result<Option<String>> {
    use pathways_store::entities::dir_service;
    use pathways_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let first = dir_service::Entity::find()
        .filter(dir_service::Column::IsMeeting.eq(false))
        .filter(dir_service::Column::Source.eq(directory::DEMO_SOURCE))
        .filter(dir_service::Column::Name.contains("Withdrawal Management Center"))
        .filter(dir_service::Column::RetiredAt.is_null())
        .order_by_asc(dir_service::Column::Name)
        .one(store.reader())
        .await?;
    let Some(service) = first else { return Ok(None) };
    pathways_store::referrals::link_directory_org(store.writer(), service.organization_id, Some(other)).await?;
    Ok(Some(service.name))
}
