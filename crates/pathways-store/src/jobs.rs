//! Background jobs shared by every server process on one database. A job is claimed by a conditional update
//! (`… WHERE id = ? AND no live claim`): of two processes claiming the same job at the same moment, the
//! database lets exactly one update the row. A claim left by a process that died expires after its lease.
//! A job's dedupe key makes enqueueing idempotent (every process enqueues "this hour's pass"; one row exists).

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::Result;
use crate::entities::job;

/// Adds a job unless one with the same key exists; true when added.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    kind: &str,
    dedupe_key: &str,
    run_after: DateTime<Utc>,
) -> Result<bool> {
    let row = job::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(kind.to_owned()),
        dedupe_key: Set(dedupe_key.to_owned()),
        run_after: Set(run_after),
        claimed_by: Set(None),
        claimed_at: Set(None),
        finished_at: Set(None),
        detail: Set(None),
    };
    match job::Entity::insert(row)
        .on_conflict(OnConflict::column(job::Column::DedupeKey).do_nothing().to_owned())
        .exec_without_returning(db)
        .await
    {
        Ok(n) => Ok(n == 1),
        Err(sea_orm::DbErr::RecordNotInserted) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

fn claimable(now: DateTime<Utc>, lease: Duration) -> Condition {
    Condition::all()
        .add(job::Column::FinishedAt.is_null())
        .add(job::Column::RunAfter.lte(now))
        .add(Condition::any().add(job::Column::ClaimedBy.is_null()).add(job::Column::ClaimedAt.lt(now - lease)))
}

/// Claims one due job of `kind` for `worker`; `None` when there is none, or another worker won it.
pub async fn claim(
    db: &impl ConnectionTrait,
    kind: &str,
    worker: &str,
    now: DateTime<Utc>,
    lease: Duration,
) -> Result<Option<job::Model>> {
    let candidates: Vec<Uuid> = job::Entity::find()
        .select_only()
        .column(job::Column::Id)
        .filter(job::Column::Kind.eq(kind))
        .filter(claimable(now, lease))
        .order_by_asc(job::Column::RunAfter)
        .limit(5)
        .into_tuple()
        .all(db)
        .await?;
    for id in candidates {
        let won = job::Entity::update_many()
            .col_expr(job::Column::ClaimedBy, Expr::value(worker))
            .col_expr(job::Column::ClaimedAt, Expr::value(now))
            .filter(job::Column::Id.eq(id))
            .filter(claimable(now, lease))
            .exec(db)
            .await?
            .rows_affected
            == 1;
        if won {
            return Ok(job::Entity::find_by_id(id).one(db).await?);
        }
    }
    Ok(None)
}

/// Marks a job done by the worker that holds it.
pub async fn finish(db: &impl ConnectionTrait, id: Uuid, worker: &str, detail: &str) -> Result<()> {
    job::Entity::update_many()
        .col_expr(job::Column::FinishedAt, Expr::value(crate::now()))
        .col_expr(job::Column::Detail, Expr::value(detail))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::ClaimedBy.eq(worker))
        .exec(db)
        .await?;
    Ok(())
}
