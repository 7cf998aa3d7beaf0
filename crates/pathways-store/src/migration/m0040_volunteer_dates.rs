//! A volunteer's background check and training (issue 20): each kept as its last valid day, nullable (nothing
//! recorded). The center's own policy says how long a check or a training lasts; Pathways names no period, so the
//! day typed is kept as it is (`pathways_domain::community::volunteers::ValidUntil`), and the reminders are worked
//! out from it on the day (`Standing::of`), never stored.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Volunteer {
    Table,
    BackgroundCheckUntil,
    TrainingUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column at a time.
        for col in [date_null(Volunteer::BackgroundCheckUntil), date_null(Volunteer::TrainingUntil)] {
            m.alter_table(Table::alter().table(Volunteer::Table).add_column(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [Volunteer::BackgroundCheckUntil, Volunteer::TrainingUntil] {
            m.alter_table(Table::alter().table(Volunteer::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
