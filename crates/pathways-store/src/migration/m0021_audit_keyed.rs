//! Keyed audit hashes (issue 23). Until now every event's hash was plain SHA-256 over its fields and the hash
//! before it, computable by anyone who could write the database: a copy with the triggers dropped could be cut or
//! rewritten and still verify. From here on, when an `audit_key` is configured, each new event's hash is an
//! HMAC-SHA-256 under that key (kept outside the database) and the row says so in `keyed`. Existing rows keep
//! `keyed = false` and their SHA-256 hashes, so the old part of the chain still verifies as it always did; the
//! verifier refuses any plain event after the first keyed one, so the chain cannot fall back to plain hashes.
//! Adding a column with a default touches no row, so the triggers refusing UPDATE are not involved.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Keyed,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table(AuditEvent::Table).add_column(boolean(AuditEvent::Keyed).default(false)).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(AuditEvent::Table).drop_column(AuditEvent::Keyed).to_owned()).await
    }
}
