//! Outcome change's counts, kept (issue 17 at a state's scale): per organization, follow-up point (6 or 12
//! months), month of the follow-up's day and indicator, the pairs counted — n, with it at baseline, with it at the
//! follow-up — and on BARC-10's row the totals' sums, which the network's mean needs. The store keeps them in the
//! transaction that changes an episode's pairs (`crate::outcome_change_kept`); this migration counts the pairs
//! already kept (`outcome_pair`, m0048) and logs how many rows it wrote.

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
enum OutcomeChangeCount {
    Table,
    OrgId,
    Months,
    Month,
    Indicator,
    N,
    Baseline,
    FollowUp,
    BaselineSum,
    FollowUpSum,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use OutcomeChangeCount as C;
        m.create_table(
            Table::create()
                .table(C::Table)
                .col(uuid(C::OrgId))
                .col(integer(C::Months).check(Expr::col(C::Months).is_in([6, 12])))
                // The first of the month of the follow-up's day: a fiscal year starts on the first of a month, so
                // its twelve months hold exactly the pairs whose follow-up was done in it.
                .col(date(C::Month))
                .col(text(C::Indicator))
                .col(big_integer(C::N))
                .col(big_integer(C::Baseline))
                .col(big_integer(C::FollowUp))
                .col(big_integer(C::BaselineSum))
                .col(big_integer(C::FollowUpSum))
                // The report's read: the organizations' rows at one point in the year's months, in this order.
                .primary_key(Index::create().col(C::OrgId).col(C::Months).col(C::Month).col(C::Indicator))
                .foreign_key(
                    ForeignKey::create()
                        .from(C::Table, C::OrgId)
                        .to(Organization::Table, Organization::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        let rows =
            crate::outcome_change_kept::rebuild(m.get_connection()).await.map_err(|e| DbErr::Custom(e.to_string()))?;
        tracing::info!(rows, "m0050: outcome change's counts made from the kept pairs");
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OutcomeChangeCount::Table).to_owned()).await
    }
}
