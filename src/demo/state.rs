//! The demo state agency (issue 17, the state view): an organization of kind `state_agency` whose administrator
//! signs in as `state@demo.pathways.test`, with the two demo organizations in its network (both sides
//! confirmed) and a region recorded for each. Every name is invented.

use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::org::{OrgKind, Slug};
use pathways_domain::outcomes::network::Side;
use pathways_domain::{OrgId, Role};
use pathways_store::audit::{self, Actor, AuditEntry};
use pathways_store::{Store, accounts, network, orgs};

use super::DEMO_DOMAIN;

/// The state agency's sign-in.
pub fn state_email() -> String {
    format!("state@{DEMO_DOMAIN}")
}

/// Makes the demo state agency, its administrator and its network of `members` (organization and region).
pub async fn seed(store: &Store, members: &[(OrgId, &str)], password_hash: &str) -> anyhow::Result<()> {
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let tx = store.begin().await?;
    let agency = orgs::create(
        &tx,
        &Slug::parse("demo-state")?,
        "Demo State Department of Recovery Services",
        OrgKind::StateAgency,
    )
    .await?;
    audit::append(
        &tx,
        &actor,
        AuditEntry::new(AuditAction::OrgCreate, AuditOutcome::Success).on("organization", agency.id),
    )
    .await?;
    let state = OrgId::from_uuid(agency.id);
    let a = accounts::create_staff(
        &tx,
        accounts::NewStaff {
            org: state,
            role: Role::Admin,
            email: &state_email(),
            display_name: "Sky State Analyst",
            password_hash,
        },
    )
    .await?;
    audit::append(&tx, &actor, AuditEntry::new(AuditAction::AccountCreate, AuditOutcome::Success).on("account", a.id))
        .await?;
    for (org, region) in members {
        network::set_region(&tx, *org, Some(region)).await?;
        network::confirm(&tx, state, *org, Side::State).await?;
        network::confirm(&tx, state, *org, Side::Member).await?;
        for side in ["side=state", "side=member"] {
            let entry = AuditEntry::new(AuditAction::NetworkConfirm, AuditOutcome::Success)
                .on("organization", org.as_uuid())
                .detail(side.to_owned());
            audit::append(&tx, &actor, entry).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
