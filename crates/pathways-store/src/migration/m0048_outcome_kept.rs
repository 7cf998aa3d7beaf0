//! Outcome change's pairs and the follow-up rate's windows, kept (issue 17 at a state's scale).
//!
//! - `outcome_pair`: per episode and follow-up point (6 or 12 months), the baseline beside the follow-up — each
//!   indicator answered in both and the BARC-10 totals — dated by the follow-up's day
//!   (`pathways_domain::outcomes::change`; kept by `crate::outcome_pairs`).
//! - `follow_up_window`: per episode, its reassessment window's last day and what became of it
//!   (`pathways_domain::outcomes::follow_up::reassessment`; kept by `crate::follow_up_kept`).
//!
//! The store keeps both in the transaction that settles an interview or closes an episode; this migration makes
//! them from the records already there and logs how many it kept.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organization {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Episode {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OutcomePair {
    Table,
    EpisodeId,
    Months,
    OrgId,
    DoneOn,
    Indicators,
    Barc10Baseline,
    Barc10FollowUp,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum FollowUpWindow {
    Table,
    EpisodeId,
    OrgId,
    PersonId,
    ClosesOn,
    Outcome,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OutcomePair::Table)
                .col(uuid(OutcomePair::EpisodeId))
                .col(integer(OutcomePair::Months).check(Expr::col(OutcomePair::Months).is_in([6, 12])))
                .col(uuid(OutcomePair::OrgId))
                .col(date(OutcomePair::DoneOn))
                .col(text(OutcomePair::Indicators))
                .col(integer_null(OutcomePair::Barc10Baseline))
                .col(integer_null(OutcomePair::Barc10FollowUp))
                .primary_key(Index::create().col(OutcomePair::EpisodeId).col(OutcomePair::Months))
                .foreign_key(
                    ForeignKey::create()
                        .from(OutcomePair::Table, OutcomePair::EpisodeId)
                        .to(Episode::Table, Episode::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OutcomePair::Table, OutcomePair::OrgId)
                        .to(Organization::Table, Organization::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // The report's read: the organizations' pairs at one point whose follow-up was done in a year. On SQLite the
        // index covers the read, so one organization's pairs come from adjacent index pages, not from table rows
        // spread among a state's (`docs/BENCHMARKS.md`, "Outcomes at a state's scale"). PostgreSQL keeps its pages in
        // shared buffers, and caps an index entry at about 2.7 kB, which the indicators of a large loaded instrument
        // could pass: there the index has the key only.
        let mut index = Index::create();
        index
            .name("outcome_pair_org_day")
            .table(OutcomePair::Table)
            .col(OutcomePair::OrgId)
            .col(OutcomePair::Months)
            .col(OutcomePair::DoneOn);
        if m.get_database_backend() == sea_orm::DbBackend::Sqlite {
            index.col(OutcomePair::Indicators).col(OutcomePair::Barc10Baseline).col(OutcomePair::Barc10FollowUp);
        }
        m.create_index(index.to_owned()).await?;
        m.create_table(
            Table::create()
                .table(FollowUpWindow::Table)
                .col(pk_uuid(FollowUpWindow::EpisodeId))
                .col(uuid(FollowUpWindow::OrgId))
                .col(uuid(FollowUpWindow::PersonId))
                .col(date(FollowUpWindow::ClosesOn))
                .col(string_len(FollowUpWindow::Outcome, 16))
                .foreign_key(
                    ForeignKey::create()
                        .from(FollowUpWindow::Table, FollowUpWindow::EpisodeId)
                        .to(Episode::Table, Episode::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(FollowUpWindow::Table, FollowUpWindow::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // The report's read: the organizations' windows that closed in a period, covering (as above).
        m.create_index(
            Index::create()
                .name("follow_up_window_org_day")
                .table(FollowUpWindow::Table)
                .col(FollowUpWindow::OrgId)
                .col(FollowUpWindow::ClosesOn)
                .col(FollowUpWindow::PersonId)
                .col(FollowUpWindow::Outcome)
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        // The pairs and windows only: the counts made from them have their tables from m0049 and m0050 on.
        let pairs = crate::outcome_pairs::rebuild_pairs(db).await.map_err(|e| DbErr::Custom(e.to_string()))?;
        let windows = crate::follow_up_kept::rebuild_windows(db).await.map_err(|e| DbErr::Custom(e.to_string()))?;
        tracing::info!(pairs, windows, "m0048: outcome change's pairs and the follow-up windows made from the records");
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(FollowUpWindow::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(OutcomePair::Table).to_owned()).await
    }
}
