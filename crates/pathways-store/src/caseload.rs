//! The caseload: each person in scope with the figures a coach scans first, in one query. Each figure is a
//! correlated sub-select served by the `(person_id, …)` index of its table, so the cost grows with the persons
//! shown, not with the years of check-ins behind them, and the page needs one round trip instead of six.

use chrono::{DateTime, NaiveDate, Utc};
use pathways_domain::access::PersonScope;
use sea_orm::sea_query::{Expr, ExprTrait as _, Func, Query, SelectStatement};
use sea_orm::{ConnectionTrait, FromQueryResult, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::Result;
use crate::entities::{assessment, attention_item, checkin, encounter, person, plan_version};
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
    let sub = |s: SelectStatement| Expr::SubQuery(None, Box::new(s.into()));

    let last_contact = Query::select()
        .expr(Func::max(Expr::col((encounter::Entity, encounter::Column::OccurredOn))))
        .from(encounter::Entity)
        .and_where(
            Expr::col((encounter::Entity, encounter::Column::PersonId)).equals((person::Entity, person::Column::Id)),
        )
        .to_owned();
    let last_checkin = Query::select()
        .expr(Func::max(Expr::col((checkin::Entity, checkin::Column::CreatedAt))))
        .from(checkin::Entity)
        .and_where(Expr::col((checkin::Entity, checkin::Column::PersonId)).equals((person::Entity, person::Column::Id)))
        .to_owned();
    let barc = |offset: u64| {
        Query::select()
            .column((assessment::Entity, assessment::Column::Total))
            .from(assessment::Entity)
            .and_where(
                Expr::col((assessment::Entity, assessment::Column::PersonId))
                    .equals((person::Entity, person::Column::Id)),
            )
            .order_by((assessment::Entity, assessment::Column::TakenAt), sea_orm::Order::Desc)
            .limit(1)
            .offset(offset)
            .to_owned()
    };
    let review = Query::select()
        .column((plan_version::Entity, plan_version::Column::ReviewDate))
        .from(plan_version::Entity)
        .and_where(
            Expr::col((plan_version::Entity, plan_version::Column::PersonId))
                .equals((person::Entity, person::Column::Id)),
        )
        .order_by((plan_version::Entity, plan_version::Column::Version), sea_orm::Order::Desc)
        .limit(1)
        .to_owned();
    let open = |extra: Option<Expr>| {
        let mut q = Query::select();
        q.expr(Expr::col(sea_orm::sea_query::Asterisk).count())
            .from(attention_item::Entity)
            .and_where(
                Expr::col((attention_item::Entity, attention_item::Column::PersonId))
                    .equals((person::Entity, person::Column::Id)),
            )
            .and_where(Expr::col((attention_item::Entity, attention_item::Column::ResolvedAt)).is_null());
        if let Some(e) = extra {
            q.and_where(e);
        }
        q
    };
    let urgency = || Expr::col((attention_item::Entity, attention_item::Column::Urgency));
    let kind = Expr::col((attention_item::Entity, attention_item::Column::Kind));

    let mut found = scoped(scope)
        .select_only()
        .column(person::Column::Id)
        .column(person::Column::PreferredName)
        .column(person::Column::AssignedCoachId)
        .expr_as(sub(last_contact), "last_contact")
        .expr_as(sub(last_checkin), "last_checkin")
        .expr_as(sub(barc(0)), "barc_latest")
        .expr_as(sub(barc(1)), "barc_previous")
        .expr_as(sub(review), "review_date")
        .expr_as(sub(open(None)), "open_items")
        .expr_as(sub(open(Some(urgency().eq("urgent")))), "urgent_items")
        .expr_as(sub(open(Some(urgency().ne("urgent").and(kind.eq("barc10_drop"))))), "drop_items")
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
