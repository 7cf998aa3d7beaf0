//! The caseload: each person in scope with the figures a coach scans first, in one query. The figures come from
//! each person's `person_summary` row (kept by [`crate::summary`] in the same transaction as the records), so
//! the cost is two lookups per person shown, whatever the years of check-ins behind them.

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::access::PersonScope;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ConnectionTrait, FromQueryResult, JoinType, QueryOrder, QuerySelect, RelationTrait as _};
use uuid::Uuid;

use crate::Result;
use crate::entities::{person, person_summary};
use crate::persons::scoped;

/// One person's line on the caseload.
#[derive(Clone, Debug, PartialEq, FromQueryResult)]
pub struct CaseloadRow {
    pub id: Uuid,
    pub preferred_name: String,
    pub assigned_coach_id: Option<Uuid>,
    pub last_contact: Option<NaiveDate>,
    pub last_checkin: Option<DateTime<Utc>>,
    /// The latest BARC-10 total and the one before it.
    pub barc_latest: Option<i16>,
    pub barc_previous: Option<i16>,
    /// The review date of the current plan version.
    pub review_date: Option<NaiveDate>,
    /// Open attention items: all of them, the urgent ones, and the non-urgent recovery-capital drops.
    pub open_items: i64,
    pub urgent_items: i64,
    pub drop_items: i64,
}

/// The caseload in name order: at most `limit` rows, and whether there were more.
pub async fn rows(db: &impl ConnectionTrait, scope: &PersonScope, limit: u64) -> Result<(Vec<CaseloadRow>, bool)> {
    use person_summary::Column as S;
    let figure = |c: S| Expr::col((person_summary::Entity, c));
    // A person with no records yet has no summary row: no figures, no items.
    let count = |c: S| Func::coalesce([figure(c), Expr::val(0i64)]);
    let mut found = scoped(scope)
        .select_only()
        .column(person::Column::Id)
        .column(person::Column::PreferredName)
        .column(person::Column::AssignedCoachId)
        .join(JoinType::LeftJoin, person_summary::Relation::Person.def().rev())
        .expr_as(figure(S::LastContact), "last_contact")
        .expr_as(figure(S::LastCheckin), "last_checkin")
        .expr_as(figure(S::BarcLatest), "barc_latest")
        .expr_as(figure(S::BarcPrevious), "barc_previous")
        .expr_as(figure(S::ReviewDate), "review_date")
        .expr_as(count(S::OpenItems), "open_items")
        .expr_as(count(S::UrgentItems), "urgent_items")
        .expr_as(count(S::DropItems), "drop_items")
        .order_by_asc(person::Column::PreferredName)
        .order_by_asc(person::Column::Id)
        .limit(limit + 1)
        .into_model::<CaseloadRow>()
        .all(db)
        .await?;
    let more = found.len() as u64 > limit;
    found.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok((found, more))
}
