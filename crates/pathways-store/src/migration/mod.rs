//! Schema migrations. Append-only: a migration that has shipped is never edited; a change is a new file.
//! Each runs on SQLite and PostgreSQL through SeaQuery's schema builder; the little raw SQL there is (triggers)
//! is written once per backend, side by side.

use sea_orm_migration::prelude::*;

mod m0001_foundation;
mod m0002_recovery;
mod m0003_caseload_index;
mod m0004_directory;
mod m0005_directory_editing;
mod m0007_access_line;
mod m0008_access_calls;
mod m0009_person_summary;
mod m0010_checkups;
mod m0011_locator;
mod m0012_consent;
mod m0013_referral;
mod m0014_consent_scan;
mod m0015_two_factor;
mod m0016_password_reset;
mod m0017_api_token_scope;
mod m0019_episode;
mod m0021_audit_keyed;
mod m0022_consent_scan_history;
mod m0023_housing;
mod m0024_outcome_interview;
mod m0025_state_network;
mod m0026_community;
mod m0027_financing;
mod m0031_community_life;
mod m0032_served_count;
mod m0034_financing_counts;
mod m0037_financing_month;
mod m0038_retention_count;
mod m0039_designation_program;
mod m0040_volunteer_dates;
mod m0041_voucher_withdrawn;
mod m0043_kiosk_known;
mod m0045_designation_reminder;
mod m0046_designation_evidence;
mod m0047_outcomes_parts;
mod m0048_outcome_kept;
mod m0049_follow_up_count;
mod m0050_outcome_change_count;
mod m0051_served_demographic;
mod m0052_retention_summary;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_foundation::Migration),
            Box::new(m0002_recovery::Migration),
            Box::new(m0003_caseload_index::Migration),
            Box::new(m0004_directory::Migration),
            Box::new(m0005_directory_editing::Migration),
            Box::new(m0007_access_line::Migration),
            Box::new(m0008_access_calls::Migration),
            Box::new(m0009_person_summary::Migration),
            Box::new(m0010_checkups::Migration),
            Box::new(m0011_locator::Migration),
            Box::new(m0012_consent::Migration),
            Box::new(m0013_referral::Migration),
            Box::new(m0014_consent_scan::Migration),
            Box::new(m0015_two_factor::Migration),
            Box::new(m0016_password_reset::Migration),
            Box::new(m0017_api_token_scope::Migration),
            Box::new(m0019_episode::Migration),
            Box::new(m0021_audit_keyed::Migration),
            Box::new(m0022_consent_scan_history::Migration),
            Box::new(m0023_housing::Migration),
            Box::new(m0024_outcome_interview::Migration),
            Box::new(m0025_state_network::Migration),
            Box::new(m0026_community::Migration),
            Box::new(m0027_financing::Migration),
            Box::new(m0031_community_life::Migration),
            Box::new(m0032_served_count::Migration),
            Box::new(m0034_financing_counts::Migration),
            Box::new(m0037_financing_month::Migration),
            Box::new(m0038_retention_count::Migration),
            Box::new(m0039_designation_program::Migration),
            Box::new(m0040_volunteer_dates::Migration),
            Box::new(m0041_voucher_withdrawn::Migration),
            Box::new(m0043_kiosk_known::Migration),
            Box::new(m0045_designation_reminder::Migration),
            Box::new(m0046_designation_evidence::Migration),
            Box::new(m0047_outcomes_parts::Migration),
            Box::new(m0048_outcome_kept::Migration),
            Box::new(m0049_follow_up_count::Migration),
            Box::new(m0050_outcome_change_count::Migration),
            Box::new(m0051_served_demographic::Migration),
            Box::new(m0052_retention_summary::Migration),
        ]
    }
}

#[cfg(test)]
mod tests {
    use sea_orm_migration::MigratorTrait as _;

    use super::Migrator;
    use crate::Store;
    use crate::testing::{POSTGRES_URL_VAR, TestDb};

    /// Issue 23 (upgrades): several app servers starting at once on one PostgreSQL database after an upgrade all
    /// start; the migrations are applied once (one process holds the advisory lock, the others then find none
    /// pending). SQLite deployments run one server process per file; this runs with the PostgreSQL suite.
    #[tokio::test(flavor = "multi_thread")]
    async fn servers_starting_at_once_on_postgresql_apply_each_migration_once() {
        let Some(admin) = std::env::var(POSTGRES_URL_VAR).ok().filter(|u| !u.is_empty()) else {
            eprintln!("PostgreSQL only: set {POSTGRES_URL_VAR} (the PostgreSQL suite in CI does)");
            return;
        };
        let db = TestDb::postgres_unmigrated(admin).await;
        let mut servers = Vec::new();
        for _ in 0..4 {
            servers.push(Store::connect(&db.url).await.expect("connect"));
        }
        let mut starting = tokio::task::JoinSet::new();
        for server in servers {
            starting.spawn(async move { server.migrate().await });
        }
        while let Some(started) = starting.join_next().await {
            started.expect("task").expect("every server starts");
        }
        let applied = Migrator::get_applied_migrations(db.store.writer()).await.expect("applied");
        assert_eq!(applied.len(), Migrator::migrations().len(), "each migration recorded once");
        assert!(Migrator::get_pending_migrations(db.store.writer()).await.expect("pending").is_empty());
    }
}
