//! Each person's caseload figures, kept in one `person_summary` row. Every store function that writes a record
//! behind a figure (a check-in, an assessment, an encounter, a plan version, an attention item raised or
//! resolved) calls [`refresh`] in the same transaction, so the row commits or rolls back with the change and a
//! caseload never shows figures older than the records. [`refresh`] recomputes the whole row from the records
//! (one statement, each figure a sub-select served by its table's `(person_id, …)` index) instead of adjusting
//! it, so no sequence of writes can make it drift.

use pathways_domain::PersonId;
use sea_orm::sea_query::{Asterisk, Expr, ExprTrait as _, Func, OnConflict, Query, SelectStatement};
use sea_orm::{ConnectionTrait, EntityTrait as _};

use crate::Result;
use crate::entities::{
    assessment, attention_item, checkin, checkup, encounter, linkage_task, outreach_attempt, outreach_dirty, person,
    person_summary,
};

use person_summary::Column as S;

/// The summary's figure columns, in the order [`figures`] selects them after the person's id.
const FIGURES: [S; 11] = [
    S::LastContact,
    S::LastCheckin,
    S::BarcLatest,
    S::BarcPrevious,
    S::ReviewDate,
    S::OpenItems,
    S::UrgentItems,
    S::DropItems,
    S::LastCheckupAt,
    S::LastReachedAt,
    S::LinkageProgressAt,
];

/// `SELECT person.id, <each figure> FROM person`: the figures computed from the records.
fn figures() -> SelectStatement {
    let sub = |s: SelectStatement| Expr::SubQuery(None, Box::new(s.into()));
    let of_person = |col: Expr| col.equals((person::Entity, person::Column::Id));

    let last_contact = Query::select()
        .expr(Func::max(Expr::col((encounter::Entity, encounter::Column::OccurredOn))))
        .from(encounter::Entity)
        .and_where(of_person(Expr::col((encounter::Entity, encounter::Column::PersonId))))
        .to_owned();
    let last_checkin = Query::select()
        .expr(Func::max(Expr::col((checkin::Entity, checkin::Column::CreatedAt))))
        .from(checkin::Entity)
        .and_where(of_person(Expr::col((checkin::Entity, checkin::Column::PersonId))))
        .to_owned();
    let barc = |offset: u64| {
        Query::select()
            .column((assessment::Entity, assessment::Column::Total))
            .from(assessment::Entity)
            .and_where(of_person(Expr::col((assessment::Entity, assessment::Column::PersonId))))
            .order_by((assessment::Entity, assessment::Column::TakenAt), sea_orm::Order::Desc)
            .order_by((assessment::Entity, assessment::Column::Id), sea_orm::Order::Desc)
            .limit(1)
            .offset(crate::rows(offset))
            .to_owned()
    };
    let review = Query::select()
        .column((crate::entities::plan_version::Entity, crate::entities::plan_version::Column::ReviewDate))
        .from(crate::entities::plan_version::Entity)
        .and_where(of_person(Expr::col((
            crate::entities::plan_version::Entity,
            crate::entities::plan_version::Column::PersonId,
        ))))
        .order_by(
            (crate::entities::plan_version::Entity, crate::entities::plan_version::Column::Version),
            sea_orm::Order::Desc,
        )
        .limit(1)
        .to_owned();
    let open = |extra: Option<Expr>| {
        let mut q = Query::select();
        q.expr(Expr::col(Asterisk).count())
            .from(attention_item::Entity)
            .and_where(of_person(Expr::col((attention_item::Entity, attention_item::Column::PersonId))))
            .and_where(Expr::col((attention_item::Entity, attention_item::Column::ResolvedAt)).is_null());
        if let Some(e) = extra {
            q.and_where(e);
        }
        q
    };
    let urgency = || Expr::col((attention_item::Entity, attention_item::Column::Urgency));
    let kind = Expr::col((attention_item::Entity, attention_item::Column::Kind));
    let last_checkup = Query::select()
        .expr(Func::max(Expr::col((checkup::Entity, checkup::Column::CompletedAt))))
        .from(checkup::Entity)
        .and_where(of_person(Expr::col((checkup::Entity, checkup::Column::PersonId))))
        .to_owned();
    let last_reached = Query::select()
        .expr(Func::max(Expr::col((outreach_attempt::Entity, outreach_attempt::Column::At))))
        .from(outreach_attempt::Entity)
        .and_where(of_person(Expr::col((outreach_attempt::Entity, outreach_attempt::Column::PersonId))))
        .and_where(Expr::col((outreach_attempt::Entity, outreach_attempt::Column::Outcome)).eq("reached"))
        .to_owned();
    let linkage = Query::select()
        .expr(Func::max(Expr::col((linkage_task::Entity, linkage_task::Column::LastProgressAt))))
        .from(linkage_task::Entity)
        .and_where(of_person(Expr::col((linkage_task::Entity, linkage_task::Column::PersonId))))
        .and_where(Expr::col((linkage_task::Entity, linkage_task::Column::ClosedAt)).is_null())
        .to_owned();

    Query::select()
        .column((person::Entity, person::Column::Id))
        .expr(sub(last_contact))
        .expr(sub(last_checkin))
        .expr(sub(barc(0)))
        .expr(sub(barc(1)))
        .expr(sub(review))
        .expr(sub(open(None)))
        .expr(sub(open(Some(urgency().eq("urgent")))))
        .expr(sub(open(Some(urgency().ne("urgent").and(kind.eq("barc10_drop"))))))
        .expr(sub(last_checkup))
        .expr(sub(last_reached))
        .expr(sub(linkage))
        .from(person::Entity)
        .to_owned()
}

/// Recomputes one person's row from their records; call it in the transaction that changed them.
pub async fn refresh(db: &impl ConnectionTrait, person: PersonId) -> Result<()> {
    let mut select = figures();
    select.and_where(Expr::col((person::Entity, person::Column::Id)).eq(person.as_uuid()));
    let insert = Query::insert()
        .into_table(person_summary::Entity)
        .columns(std::iter::once(S::PersonId).chain(FIGURES))
        .select_from(select)
        .map_err(|e| crate::StoreError::Invalid(e.to_string()))?
        .on_conflict(OnConflict::column(S::PersonId).update_columns(FIGURES).to_owned())
        .to_owned();
    db.execute(&insert).await?;
    mark_changed(db, person).await
}

/// Puts a person on the outreach rules' list of persons to evaluate again (the incremental pass).
pub async fn mark_changed(db: &impl ConnectionTrait, person: PersonId) -> Result<()> {
    let mark = Query::insert()
        .into_table(outreach_dirty::Entity)
        .columns([outreach_dirty::Column::PersonId, outreach_dirty::Column::MarkedAt])
        .values([person.as_uuid().into(), crate::now().into()])
        .map_err(|e| crate::StoreError::Invalid(e.to_string()))?
        .on_conflict(
            OnConflict::column(outreach_dirty::Column::PersonId)
                .update_column(outreach_dirty::Column::MarkedAt)
                .to_owned(),
        )
        .to_owned();
    db.execute(&mark).await?;
    Ok(())
}

/// Rewrites every person's row (after a bulk load, which bypasses [`refresh`]). Returns the rows written.
pub async fn rebuild_all(db: &impl ConnectionTrait) -> Result<u64> {
    person_summary::Entity::delete_many().exec(db).await?;
    let mut select = figures();
    // SQLite reads `… FROM person ON CONFLICT` as a join without a WHERE; there is no conflict here anyway.
    select.and_where(Expr::val(true));
    let insert = Query::insert()
        .into_table(person_summary::Entity)
        .columns(std::iter::once(S::PersonId).chain(FIGURES))
        .select_from(select)
        .map_err(|e| crate::StoreError::Invalid(e.to_string()))?
        .to_owned();
    Ok(db.execute(&insert).await?.rows_affected())
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone as _, Utc};
    use pathways_domain::access::PersonScope;
    use pathways_domain::barc10::Barc10Answers;
    use pathways_domain::checkin::Checkin;
    use pathways_domain::encounter::{Encounter, EncounterType};
    use pathways_domain::org::{OrgKind, Slug};
    use pathways_domain::person::PersonDetails;
    use pathways_domain::plan::PlanContent;
    use pathways_domain::{AccountId, OrgId};
    use sea_orm::{EntityTrait as _, TransactionTrait as _};

    use super::*;
    use crate::testing::TestDb;
    use crate::{orgs, persons, plans, records};

    fn details(name: &str) -> PersonDetails {
        PersonDetails {
            preferred_name: name.into(),
            legal_name: None,
            pronouns: None,
            date_of_birth: None,
            preferred_language: None,
            phone: None,
            email: None,
        }
    }

    fn checkin(safe: bool) -> Checkin {
        Checkin {
            mood: 3,
            craving: 2,
            used_since_last: false,
            use_note: None,
            meetings_attended: 1,
            supports: None,
            safe,
        }
    }

    async fn row(db: &impl ConnectionTrait, person: PersonId) -> Option<person_summary::Model> {
        person_summary::Entity::find_by_id(person.as_uuid()).one(db).await.expect("read summary")
    }

    /// Every kind of record a figure comes from moves the row in the same transaction, a rolled-back change
    /// leaves it as it was, and the row always equals a recomputation from scratch.
    #[tokio::test]
    async fn each_write_keeps_the_row_equal_to_the_records() {
        let db = TestDb::new().await;
        let slug = Slug::parse("summary-org").expect("slug");
        let org = orgs::create(db.store.writer(), &slug, "Org", OrgKind::RecoveryCommunityCenter).await.expect("org");
        let org = OrgId::from_uuid(org.id);
        let scope = PersonScope { org, assigned_to: None, only_person: None };
        let w = db.store.writer();
        let ana = PersonId::from_uuid(persons::insert(w, org, &details("Ana"), None).await.expect("ana").id);
        let ben = PersonId::from_uuid(persons::insert(w, org, &details("Ben"), None).await.expect("ben").id);
        let by = AccountId::new();
        assert_eq!(row(w, ana).await, None, "no records, no row");

        let day = |d: u32| Utc.with_ymd_and_hms(2026, 11, d, 12, 0, 0).single().expect("date");
        records::add_checkin(w, &scope, ana, &checkin(true), by, day(2)).await.expect("checkin");
        records::add_checkin(w, &scope, ana, &checkin(true), by, day(9)).await.expect("checkin");
        records::add_checkin(w, &scope, ana, &checkin(true), by, day(5)).await.expect("checkin");
        let answers = |v: i64| Barc10Answers::parse(&[Some(v); 10]).expect("answers");
        records::add_assessment(w, &scope, ana, &answers(5), by, "staff", day(1)).await.expect("barc");
        records::add_assessment(w, &scope, ana, &answers(4), by, "staff", day(8)).await.expect("barc");
        let encounter = Encounter {
            date: NaiveDate::from_ymd_opt(2026, 11, 7).expect("date"),
            kind: EncounterType::Phone,
            minutes: 15,
            topics: vec![],
            notes: None,
        };
        records::add_encounter(w, &scope, ana, &encounter, by).await.expect("encounter");
        let urgent = records::raise_attention(w, &scope, ana, "unsafe_checkin", true, None).await.expect("item");
        records::raise_attention(w, &scope, ana, "barc10_drop", false, None).await.expect("item");
        let review = NaiveDate::from_ymd_opt(2027, 2, 1);
        let plan = PlanContent { review_date: review, ..PlanContent::default() };
        let author = || plans::Author { account: by, kind: "staff", restored_from: None };
        assert!(matches!(
            plans::save(w, &scope, ana, 0, &plan, author()).await.expect("plan"),
            plans::SaveOutcome::Saved(_)
        ));

        let got = row(w, ana).await.expect("a row");
        assert_eq!(got.last_checkin, Some(day(9)), "the latest check-in, not the last written");
        assert_eq!((got.barc_latest, got.barc_previous), (Some(40), Some(50)));
        assert_eq!(got.last_contact, Some(encounter.date));
        assert_eq!(got.review_date, review);
        assert_eq!((got.open_items, got.urgent_items, got.drop_items), (2, 1, 1));

        assert!(records::resolve_attention(w, &scope, ana, urgent.id, by).await.expect("resolve"));
        assert_eq!(row(w, ana).await.map(|r| (r.open_items, r.urgent_items)), Some((1, 0)));

        // A check-in in a transaction that rolls back leaves no trace in the row.
        let tx = w.begin().await.expect("tx");
        records::add_checkin(&tx, &scope, ana, &checkin(false), by, day(20)).await.expect("checkin");
        tx.rollback().await.expect("rollback");
        assert_eq!(row(w, ana).await.and_then(|r| r.last_checkin), Some(day(9)));

        records::add_checkin(w, &scope, ben, &checkin(true), by, day(3)).await.expect("checkin");
        let kept = person_summary::Entity::find().all(w).await.expect("rows");
        assert_eq!(rebuild_all(w).await.expect("rebuild"), 2, "one row per person");
        let mut rebuilt = person_summary::Entity::find().all(w).await.expect("rows");
        let mut kept = kept;
        kept.sort_by_key(|r| r.person_id);
        rebuilt.sort_by_key(|r| r.person_id);
        assert_eq!(kept, rebuilt, "kept row by row = recomputed from scratch");
    }
}
