//! The sections of an outcome interview a proxy answered (issue 17, m0047): one row per section, with the proxy's
//! relationship to the person as a code (`pathways_domain::outcomes::proxy::Relationship`). No row: the person
//! answered. Each function takes the interview row, which callers get through the person gate's scoped finders
//! (`crate::interviews::find`), and is called in the transaction that saves the interview's answers.

use std::collections::{BTreeMap, BTreeSet};

use pathways_domain::AccountId;
use pathways_domain::outcomes::proxy::Relationship;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::entities::{outcome_interview, outcome_interview_proxy};
use crate::{Result, now};

use outcome_interview_proxy::Column as C;

/// The interview's sections a proxy answered, with the proxy's relationship.
pub async fn of(
    db: &impl ConnectionTrait,
    interview: &outcome_interview::Model,
) -> Result<BTreeMap<String, Relationship>> {
    let rows = outcome_interview_proxy::Entity::find()
        .filter(C::InterviewId.eq(interview.id))
        .order_by_asc(C::SectionId)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|r| Relationship::parse(&r.relationship).map(|k| (r.section_id, k))).collect())
}

/// Records who gave a section's answers: a proxy (`Some`, replacing what was recorded) or the person (`None`).
pub async fn set(
    db: &impl ConnectionTrait,
    interview: &outcome_interview::Model,
    section: &str,
    proxy: Option<Relationship>,
    by: AccountId,
) -> Result<()> {
    match proxy {
        Some(r) => {
            outcome_interview_proxy::Entity::insert(outcome_interview_proxy::ActiveModel {
                interview_id: Set(interview.id),
                section_id: Set(section.to_owned()),
                relationship: Set(r.as_str().to_owned()),
                recorded_by: Set(by.as_uuid()),
                recorded_at: Set(now()),
            })
            .on_conflict(
                OnConflict::columns([C::InterviewId, C::SectionId])
                    .update_columns([C::Relationship, C::RecordedBy, C::RecordedAt])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
        }
        None => {
            outcome_interview_proxy::Entity::delete_many()
                .filter(C::InterviewId.eq(interview.id))
                .filter(C::SectionId.eq(section))
                .exec(db)
                .await?;
        }
    }
    Ok(())
}

/// The person answered these sections themselves (their own part, in the portal): no proxy is recorded for them.
pub async fn clear(
    db: &impl ConnectionTrait,
    interview: &outcome_interview::Model,
    sections: &BTreeSet<String>,
) -> Result<()> {
    if sections.is_empty() {
        return Ok(());
    }
    outcome_interview_proxy::Entity::delete_many()
        .filter(C::InterviewId.eq(interview.id))
        .filter(C::SectionId.is_in(sections.iter().cloned()))
        .exec(db)
        .await?;
    Ok(())
}
