//! `pathways org …`: create and list organizations, and link a directory organization to one.

use std::process::ExitCode;

use anyhow::bail;
use pathways_domain::OrgId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::org::{OrgKind, Slug};
use pathways_store::audit::{self, AuditEntry};
use pathways_store::orgs;
use pathways_web::Config;

use super::{OrgCommand, cli_actor, open_store};

pub(super) async fn org(config: Config, command: OrgCommand) -> anyhow::Result<ExitCode> {
    let store = open_store(&config).await?;
    match command {
        OrgCommand::Create { slug, name, kind } => {
            let slug = Slug::parse(&slug)?;
            let kind: OrgKind = kind.parse().map_err(anyhow::Error::msg)?;
            let name = name.trim();
            if name.is_empty() {
                bail!("--name must not be empty");
            }
            let tx = store.begin().await?;
            let created = orgs::create(&tx, &slug, name, kind).await?;
            audit::append(
                &tx,
                &cli_actor(),
                AuditEntry::new(AuditAction::OrgCreate, AuditOutcome::Success).on("organization", created.id),
            )
            .await?;
            tx.commit().await?;
            println!("Created organization {slug} ({}).", created.id);
        }
        OrgCommand::List => {
            for o in orgs::list(store.reader()).await? {
                println!("{}\t{}\t{}", o.slug, o.kind, o.name);
            }
        }
        OrgCommand::LinkDirectory { slug, directory_organization, unlink } => {
            let Some(org) = orgs::find_by_slug(store.reader(), &slug).await? else {
                bail!("no organization {slug}");
            };
            let to = (!unlink).then_some(OrgId::from_uuid(org.id));
            let tx = store.begin().await?;
            if !pathways_store::referrals::link_directory_org(&tx, directory_organization, to).await? {
                bail!("no directory organization {directory_organization}");
            }
            let entry = AuditEntry::new(AuditAction::DirectoryChange, AuditOutcome::Success)
                .on("dir_organization", directory_organization)
                .detail(if unlink {
                    "unlinked from a Pathways organization"
                } else {
                    "linked to a Pathways organization"
                });
            audit::append(&tx, &cli_actor(), entry).await?;
            tx.commit().await?;
            println!("{} {slug}.", if unlink { "Unlinked from" } else { "Referrals now arrive in the inbox of" });
        }
    }
    Ok(ExitCode::SUCCESS)
}
