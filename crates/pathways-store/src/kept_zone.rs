//! The time zone the kept counts were built in (issue 17, m0047). The access and retention counts
//! (`crate::retention_kept`) file each outreach item under the local day it opened, so they hold only for the zone
//! they were counted in. One row records it: the migration (for counts already there), [`rebuild`] (what
//! `pathways outcomes rebuild-counts` runs after a change of `deployment.time_zone`), and [`check`] at start-up (on
//! a database where nothing recorded one yet). People served (`crate::served`) is counted from the episodes' local
//! dates, which a change of zone does not move; [`rebuild`] recounts it too, so one command makes both true.

use chrono_tz::Tz;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, EntityTrait, Set};

use crate::entities::kept_count_zone;
use crate::{Result, now};

use kept_count_zone::Column as C;

/// The one row's id.
const ROW: i32 = 1;

fn row(tz: Tz) -> kept_count_zone::ActiveModel {
    kept_count_zone::ActiveModel { id: Set(ROW), time_zone: Set(tz.name().to_owned()), built_at: Set(now()) }
}

/// The zone recorded, if any (its name as written).
pub async fn recorded(db: &impl ConnectionTrait) -> Result<Option<String>> {
    Ok(kept_count_zone::Entity::find_by_id(ROW).one(db).await?.map(|r| r.time_zone))
}

/// Records that the kept counts are now counted in `tz`.
pub async fn record(db: &impl ConnectionTrait, tz: Tz) -> Result<()> {
    kept_count_zone::Entity::insert(row(tz))
        .on_conflict(OnConflict::column(C::Id).update_columns([C::TimeZone, C::BuiltAt]).to_owned())
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// What the start-up check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Startup {
    /// The counts were built in the configured zone (or nothing had recorded a zone, and the configured one is now
    /// recorded: every count written since was written by this deployment in it).
    InZone,
    /// They were built in another zone (named): they need `pathways outcomes rebuild-counts`.
    Differs { built_in: String },
}

/// Compares the recorded zone with the configured `tz`; records `tz` when none is (several servers starting at
/// once: the first insert wins, the others find it).
pub async fn check(db: &impl ConnectionTrait, tz: Tz) -> Result<Startup> {
    kept_count_zone::Entity::insert(row(tz))
        .on_conflict(OnConflict::column(C::Id).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    Ok(match recorded(db).await? {
        Some(z) if z != tz.name() => Startup::Differs { built_in: z },
        _ => Startup::InZone,
    })
}

/// How many cells a rebuild wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rebuilt {
    pub served: u64,
    pub retention: u64,
}

/// Recounts people served and the kept access and retention counts from the records, the latter in `tz`, and
/// records `tz`. Run it in one transaction (the command does), so a reader sees the old counts or the new.
pub async fn rebuild(db: &impl ConnectionTrait, tz: Tz) -> Result<Rebuilt> {
    let served = crate::served::rebuild(db).await?;
    let retention = crate::retention_kept::rebuild(db, tz).await?;
    record(db, tz).await?;
    Ok(Rebuilt { served, retention })
}
