//! The kept cells of one organization, measure and 12-month period packed in one row (`retention_summary`,
//! m0052), so a network's report reads one row per organization and measure instead of each duration cell. A row
//! is every `retention_count` cell of its key with records in it, as (category, duration, records), 20 bytes each
//! (little-endian `i32`, `i64`, `i64`), in that order. Rewritten from the cells in the transaction that changes
//! them ([`refresh`], called by `retention_kept`'s apply functions); [`rebuild`] packs every key again.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use sea_orm::sea_query::{OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::Result;
use crate::entities::{retention_count, retention_summary};

/// Bytes per packed cell.
const ENTRY: usize = 20;
/// Rows per insert (4 values each).
const CHUNK: usize = 200;

/// A kept cell: category, duration (`-1`: none), records.
pub type Cell = (i32, i64, i64);
/// A row's key: organization, measure, the period's first day.
pub type Key = (Uuid, String, NaiveDate);

/// The cells packed, in the order given.
pub fn pack(cells: &[Cell]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cells.len() * ENTRY);
    for (category, duration, records) in cells {
        out.extend_from_slice(&category.to_le_bytes());
        out.extend_from_slice(&duration.to_le_bytes());
        out.extend_from_slice(&records.to_le_bytes());
    }
    out
}

/// The cells of a packed row (a trailing partial entry, which `pack` never writes, is left out).
pub fn unpack(bytes: &[u8]) -> impl Iterator<Item = Cell> + '_ {
    bytes.chunks_exact(ENTRY).map(|e| {
        let mut c = [0u8; 4];
        let mut d = [0u8; 8];
        let mut r = [0u8; 8];
        c.copy_from_slice(&e[..4]);
        d.copy_from_slice(&e[4..12]);
        r.copy_from_slice(&e[12..]);
        (i32::from_le_bytes(c), i64::from_le_bytes(d), i64::from_le_bytes(r))
    })
}

/// Writes the rows of `packed` (key → cells), deleting the keys with no cell.
async fn write(db: &impl ConnectionTrait, packed: &BTreeMap<Key, Vec<Cell>>) -> Result<()> {
    use retention_summary::Column as S;
    let (empty, full): (Vec<_>, Vec<_>) = packed.iter().partition(|(_, cells)| cells.is_empty());
    for ((org, measure, first_day), _) in empty {
        retention_summary::Entity::delete_many()
            .filter(S::FirstDay.eq(*first_day))
            .filter(S::OrgId.eq(*org))
            .filter(S::Measure.eq(measure.as_str()))
            .exec(db)
            .await?;
    }
    for chunk in full.chunks(CHUNK) {
        let mut insert = Query::insert();
        insert.into_table(retention_summary::Entity).columns([S::FirstDay, S::OrgId, S::Measure, S::Cells]);
        for ((org, measure, first_day), cells) in chunk {
            insert.values_panic([(*first_day).into(), (*org).into(), measure.as_str().into(), pack(cells).into()]);
        }
        insert.on_conflict(OnConflict::columns([S::FirstDay, S::OrgId, S::Measure]).update_column(S::Cells).to_owned());
        db.execute(&insert).await?;
    }
    Ok(())
}

/// Rewrites the rows of `keys` from their cells. Call it in the transaction that changed the cells, after.
pub async fn refresh(db: &impl ConnectionTrait, keys: &BTreeSet<Key>) -> Result<()> {
    use retention_count::Column as C;
    let mut groups: BTreeMap<(Uuid, &str), Vec<NaiveDate>> = BTreeMap::new();
    for (org, measure, first_day) in keys {
        groups.entry((*org, measure.as_str())).or_default().push(*first_day);
    }
    let mut packed: BTreeMap<Key, Vec<Cell>> = keys.iter().map(|k| (k.clone(), Vec::new())).collect();
    for ((org, measure), days) in groups {
        // One organization's cells of one measure in these periods: adjacent in the primary key per period.
        let rows: Vec<(NaiveDate, i32, i64, i64)> = retention_count::Entity::find()
            .select_only()
            .column(C::FirstDay)
            .column(C::Category)
            .column(C::Duration)
            .column(C::Records)
            .filter(C::FirstDay.is_in(days))
            .filter(C::OrgId.eq(org))
            .filter(C::Measure.eq(measure))
            .filter(C::Records.ne(0))
            .order_by_asc(C::FirstDay)
            .order_by_asc(C::Category)
            .order_by_asc(C::Duration)
            .into_tuple()
            .all(db)
            .await?;
        for (first_day, category, duration, records) in rows {
            if let Some(cells) = packed.get_mut(&(org, measure.to_owned(), first_day)) {
                cells.push((category, duration, records));
            }
        }
    }
    write(db, &packed).await
}

/// Every key's cells as `retention_count` holds them now, in the packed order: what the rows must hold.
pub async fn recounted(db: &impl ConnectionTrait) -> Result<BTreeMap<Key, Vec<Cell>>> {
    use retention_count::Column as C;
    let rows: Vec<(Uuid, String, NaiveDate, i32, i64, i64)> = retention_count::Entity::find()
        .select_only()
        .column(C::OrgId)
        .column(C::Measure)
        .column(C::FirstDay)
        .column(C::Category)
        .column(C::Duration)
        .column(C::Records)
        .filter(C::Records.ne(0))
        .order_by_asc(C::FirstDay)
        .order_by_asc(C::OrgId)
        .order_by_asc(C::Measure)
        .order_by_asc(C::Category)
        .order_by_asc(C::Duration)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: BTreeMap<Key, Vec<Cell>> = BTreeMap::new();
    for (org, measure, first_day, category, duration, records) in rows {
        out.entry((org, measure, first_day)).or_default().push((category, duration, records));
    }
    Ok(out)
}

/// Every row, unpacked (the tests' comparison).
pub async fn kept(db: &impl ConnectionTrait) -> Result<BTreeMap<Key, Vec<Cell>>> {
    Ok(retention_summary::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| ((r.org_id, r.measure, r.first_day), unpack(&r.cells).collect()))
        .collect())
}

/// Packs every key again from the cells (the migration's backfill; after a rebuild of the cells). Returns the
/// rows written.
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<u64> {
    let packed = recounted(db).await?;
    retention_summary::Entity::delete_many().exec(db).await?;
    write(db, &packed).await?;
    Ok(packed.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_unpack_as_packed_whatever_their_values() {
        let cells = vec![(0, -1, 3), (2, 0, 1), (i32::MAX, i64::MAX, i64::MIN), (-5, 365, 1_000_000)];
        let bytes = pack(&cells);
        assert_eq!(bytes.len(), cells.len() * ENTRY);
        assert_eq!(unpack(&bytes).collect::<Vec<_>>(), cells);
        // A damaged row gives its whole entries, never a panic.
        assert_eq!(unpack(&bytes[..ENTRY + 7]).collect::<Vec<_>>(), cells[..1]);
        assert_eq!(unpack(&[]).count(), 0);
    }
}
