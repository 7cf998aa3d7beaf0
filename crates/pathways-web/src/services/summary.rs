//! A person's recovery summary — the current plan, the BARC-10s, the last check-in and what needs the coach's
//! attention — read for the person's page (staff) and for the person's own home (`/me`).

use pathways_domain::PersonId;
use pathways_domain::access::PersonScope;
use pathways_domain::audit::AuditAction;
use pathways_store::model::{Assessment, AttentionItem, Checkin, Person};
use pathways_store::plans::PlanRecord;
use pathways_store::{ConnectionTrait, accounts, orgs, plans, records};

use crate::access::{PersonRead, read_person};
use crate::ctx::{Caller, Ctx};
use crate::error::WebResult;
use crate::state::AppState;

/// What the summary is made of.
pub struct RecordSummary {
    pub plan: Option<PlanRecord>,
    /// Oldest first.
    pub assessments: Vec<Assessment>,
    pub last_checkin: Option<Checkin>,
    /// Open items, oldest first.
    pub attention: Vec<AttentionItem>,
}

/// The summary of a person already opened through the gate (`scope`).
pub async fn of(db: &impl ConnectionTrait, scope: &PersonScope, person: PersonId) -> WebResult<RecordSummary> {
    Ok(RecordSummary {
        plan: plans::current(db, scope, person).await?,
        assessments: records::assessments(db, scope, person).await?,
        last_checkin: records::checkins(db, scope, person, 1).await?.into_iter().next(),
        attention: records::open_attention(db, scope, person).await?,
    })
}

/// The person's own home.
pub struct Home {
    pub person: Person,
    pub summary: RecordSummary,
    /// The assigned coach's name, empty when none.
    pub coach: String,
    /// The organization's name.
    pub org: String,
    /// The outcome interview open today and not settled (issue 17): the person may answer their part of it.
    pub interview_open: Option<pathways_domain::outcomes::Window>,
}

/// The person's home in their portal: their summary, their coach and their organization.
pub async fn home(state: &AppState, ctx: &Ctx, caller: &Caller, person: PersonId) -> WebResult<Home> {
    let PersonRead { scope, record } = read_person(state, ctx, caller, person, AuditAction::PersonRead).await?;
    let db = state.store.reader();
    let summary = of(db, &scope, person).await?;
    let coach = match record.assigned_coach_id {
        Some(c) => accounts::find(db, c.into()).await?.map(|a| a.display_name).unwrap_or_default(),
        None => String::new(),
    };
    let org = orgs::find(db, scope.org).await?.map(|o| o.name).unwrap_or_default();
    let today = crate::services::interviews::today(state);
    let interview_open = pathways_store::interviews::episode_state(db, &scope, person)
        .await?
        .and_then(|(_, e)| pathways_domain::outcomes::interview::open_on(&e, today));
    Ok(Home { person: record, summary, coach, org, interview_open })
}
