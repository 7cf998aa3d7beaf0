//! Bulk loading for generated data sets (benchmarks): chunked multi-row inserts, one transaction per chunk.
//! Never used by the web app.

use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, TransactionTrait};

use crate::Result;

/// Rows per INSERT: under SQLite's 32,766 bound parameters for tables of up to 30 columns.
const CHUNK: usize = 1000;

/// Inserts `rows` in chunks, each chunk in its own transaction.
pub async fn insert_all<E, M>(db: &sea_orm::DatabaseConnection, rows: Vec<M>) -> Result<usize>
where
    E: EntityTrait,
    M: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    let n = rows.len();
    let mut rows = rows.into_iter().map(IntoActiveModel::into_active_model).peekable();
    while rows.peek().is_some() {
        let chunk: Vec<E::ActiveModel> = rows.by_ref().take(CHUNK).collect();
        let tx = db.begin().await?;
        E::insert_many(chunk).exec(&tx).await?;
        tx.commit().await?;
    }
    Ok(n)
}
