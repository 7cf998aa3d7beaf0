//! A caseload lists one coach's persons by name. With only (org_id, assigned_coach_id) and (org_id,
//! preferred_name) to choose from, SQLite walked the whole organization in name order to find one coach's
//! persons (50 ms with 20,000 persons). One index serves the filter and the order; the older index is its
//! prefix and goes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Person {
    Table,
    OrgId,
    AssignedCoachId,
    PreferredName,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("person_org_coach_name")
                .table(Person::Table)
                .col(Person::OrgId)
                .col(Person::AssignedCoachId)
                .col(Person::PreferredName)
                .to_owned(),
        )
        .await?;
        m.drop_index(Index::drop().name("person_org_coach").table(Person::Table).to_owned()).await?;
        Ok(())
    }
}
