//! The follow-up windows counted by organization, month and outcome (issue 17 at a state's scale): the network's
//! follow-up report counted a year's `follow_up_window` rows of every member on each request (165 ms p99 warm on
//! the state's set); it now sums these few rows per member instead (`crate::follow_up_kept`, whose module doc says
//! how a period that ends inside a month is counted). Per month, not per day: a day's cell would hold one window
//! or a few, so it would save little over the windows themselves. The store keeps the counts in the transaction
//! that changes an episode's window; this migration fills them from the windows there and logs how many rows it
//! wrote.

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
enum FollowUpCount {
    Table,
    OrgId,
    Month,
    Outcome,
    Windows,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(FollowUpCount::Table)
                .col(uuid(FollowUpCount::OrgId))
                .col(date(FollowUpCount::Month))
                .col(string_len(FollowUpCount::Outcome, 16))
                .col(big_integer(FollowUpCount::Windows))
                // The report's read: the members' months of a year, each organization's adjacent.
                .primary_key(
                    Index::create().col(FollowUpCount::OrgId).col(FollowUpCount::Month).col(FollowUpCount::Outcome),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(FollowUpCount::Table, FollowUpCount::OrgId)
                        .to(Organization::Table, Organization::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        let rows = crate::follow_up_kept::rebuild_counts(m.get_connection())
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        tracing::info!(rows, "m0049: the follow-up windows counted by organization and month");
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(FollowUpCount::Table).to_owned()).await
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use pathways_domain::access::PersonScope;
    use pathways_domain::org::{OrgKind, Slug};
    use pathways_domain::outcomes::follow_up::Outcome;
    use pathways_domain::person::PersonDetails;
    use pathways_domain::{OrgId, PersonId};
    use sea_orm_migration::sea_orm::{ActiveModelTrait as _, ActiveValue::Set};

    use super::*;
    use crate::entities::follow_up_window;
    use crate::follow_up_kept::{self, By};
    use crate::testing::TestDb;
    use crate::{orgs, outcomes, persons};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    /// The migration counts the windows already there by organization, month and outcome — by hand: two completed
    /// on 3 and 31 March, one not done on 1 April, in one organization —, and the network's reader then reads them,
    /// a period ending inside a month included.
    #[tokio::test]
    async fn the_migration_counts_the_windows_there() {
        let db = TestDb::new().await;
        let w = db.store.writer();
        let slug = Slug::parse("counted-org").expect("slug");
        let org =
            OrgId::from_uuid(orgs::create(w, &slug, "Org", OrgKind::RecoveryCommunityCenter).await.expect("org").id);
        let scope = PersonScope { org, assigned_to: None, only_person: None };
        let m = SchemaManager::new(w);
        Migration.down(&m).await.expect("down");
        for (i, (closes_on, outcome)) in [
            (d(2025, 3, 3), Outcome::Completed),
            (d(2025, 3, 31), Outcome::Completed),
            (d(2025, 4, 1), Outcome::NotDone),
        ]
        .into_iter()
        .enumerate()
        {
            let details = PersonDetails {
                preferred_name: format!("Person {i}"),
                legal_name: None,
                pronouns: None,
                date_of_birth: None,
                preferred_language: None,
                phone: None,
                email: None,
            };
            let person = PersonId::from_uuid(persons::insert(w, org, &details, None).await.expect("person").id);
            outcomes::record_service(w, &scope, person, d(2024, 9, 1)).await.expect("service");
            let episode = outcomes::episodes(w, &scope, person).await.expect("episodes")[0].id;
            follow_up_window::ActiveModel {
                episode_id: Set(episode),
                org_id: Set(org.as_uuid()),
                person_id: Set(person.as_uuid()),
                closes_on: Set(closes_on),
                outcome: Set(outcome.as_str().to_owned()),
            }
            .insert(w)
            .await
            .expect("a window");
        }
        Migration.up(&m).await.expect("up");
        let counts = follow_up_kept::counts(w).await.expect("counts");
        let want = [
            ((org.as_uuid(), d(2025, 3, 1), Outcome::Completed.as_str().to_owned()), 2),
            ((org.as_uuid(), d(2025, 4, 1), Outcome::NotDone.as_str().to_owned()), 1),
        ];
        assert_eq!(counts, want.into_iter().collect());
        let orgs = [org];
        let read = |from, to| follow_up_kept::read(w, &orgs, from, to, By::Organization);
        let some = Some(org.as_uuid());
        assert_eq!(
            read(d(2024, 7, 1), d(2025, 7, 1)).await.expect("read"),
            vec![(some, Outcome::Completed, 2), (some, Outcome::NotDone, 1)]
        );
        assert_eq!(read(d(2024, 7, 1), d(2025, 3, 31)).await.expect("read"), vec![(some, Outcome::Completed, 1)]);
        assert_eq!(
            read(d(2025, 3, 4), d(2025, 4, 2)).await.expect("read"),
            vec![(some, Outcome::Completed, 1), (some, Outcome::NotDone, 1)]
        );
    }
}
