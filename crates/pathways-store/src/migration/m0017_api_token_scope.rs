//! API tokens with a scope, an expiry and a last use (issue 22). Tokens made before this migration keep working
//! as `write` tokens for 90 days from the migration, so integrations have time to be given new ones.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiToken {
    Table,
    Scope,
    ExpiresAt,
    LastUsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column at a time.
        for col in [
            string(ApiToken::Scope).default("write").to_owned(),
            timestamp_with_time_zone_null(ApiToken::ExpiresAt),
            timestamp_with_time_zone_null(ApiToken::LastUsedAt),
        ] {
            m.alter_table(Table::alter().table(ApiToken::Table).add_column(col).to_owned()).await?;
        }
        let expires = chrono::Utc::now() + chrono::Duration::days(90);
        m.exec_stmt(
            Query::update()
                .table(ApiToken::Table)
                .value(ApiToken::ExpiresAt, expires)
                .and_where(Expr::col(ApiToken::ExpiresAt).is_null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [ApiToken::Scope, ApiToken::ExpiresAt, ApiToken::LastUsedAt] {
            m.alter_table(Table::alter().table(ApiToken::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
