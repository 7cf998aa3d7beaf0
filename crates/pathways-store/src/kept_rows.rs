//! The one write every kept count uses (people served and its demographic cells, access and retention, the
//! follow-up windows' and outcome change's counts): add a change to rows by key, in one `INSERT … ON CONFLICT DO
//! UPDATE SET n = kept + excluded` per 500 rows, on both databases, making the rows not there yet.

use sea_orm::sea_query::{Alias, Expr, ExprTrait as _, OnConflict, Query};
use sea_orm::{ConnectionTrait, EntityTrait, Value};

use crate::Result;

/// Rows per insert.
const CHUNK: usize = 500;

/// Adds `rows` to `entity`'s kept rows. Each row is its key's values (the columns `keys`, in order) then the
/// amounts to add (the columns `sums`, in order); a key not there yet gets a row of those amounts.
pub(crate) async fn add<E: EntityTrait>(
    db: &impl ConnectionTrait,
    entity: E,
    keys: &[E::Column],
    sums: &[E::Column],
    rows: &[Vec<Value>],
) -> Result<()> {
    for chunk in rows.chunks(CHUNK) {
        let mut insert = Query::insert();
        insert.into_table(entity).columns(keys.iter().chain(sums).copied());
        for row in chunk {
            insert.values_panic(row.iter().cloned().map(Into::into));
        }
        let summed = sums.iter().map(|&c| (c, Expr::col((entity, c)).add(Expr::col((Alias::new("excluded"), c)))));
        insert.on_conflict(OnConflict::columns(keys.iter().copied()).values(summed).to_owned());
        db.execute(&insert).await?;
    }
    Ok(())
}
