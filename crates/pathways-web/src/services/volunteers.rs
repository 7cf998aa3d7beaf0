//! Volunteers and Recovery Friendly designations (issue 20): a center's roster of volunteers who agreed to be
//! listed and the hours they log (`/community/volunteers`, the center's staff: `runs_community_center`), and the
//! public list of designated workplaces and communities (`/recovery-friendly`), recorded by administrators and
//! supervisors (`may_record_designations`). Rules: `pathways_domain::community::volunteers`.

use pathways_domain::access::{may_record_designations, runs_community_center};
use pathways_domain::community::designation_list::ListFilter;
use pathways_domain::community::volunteers::{Designation, Hours, Standing, ValidUntil, Volunteer, reminders};
use pathways_domain::ids::VolunteerId;
use pathways_domain::text::FieldError;
use pathways_store::volunteers::{self, DesignationRow, HoursEntry, RosterEntry};
use uuid::Uuid;

use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// How many logged entries the roster page lists.
pub const RECENT_HOURS: u64 = 50;

fn may_run(caller: &Caller) -> WebResult<()> {
    if runs_community_center(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

/// The caller's center's roster (each volunteer with their hours in all) and its latest logged hours.
pub async fn roster(state: &AppState, caller: &Caller) -> WebResult<(Vec<RosterEntry>, Vec<HoursEntry>)> {
    may_run(caller)?;
    let db = state.store.reader();
    Ok((volunteers::roster(db, caller.org).await?, volunteers::recent_hours(db, caller.org, RECENT_HOURS).await?))
}

/// Adds a volunteer who agreed to be listed to the caller's center's roster; audited in its transaction.
pub async fn add_volunteer(state: &AppState, ctx: &Ctx, caller: &Caller, v: &Volunteer) -> WebResult<()> {
    may_run(caller)?;
    let tx = state.store.begin().await?;
    volunteers::add_volunteer(&tx, &ctx.actor(), caller.org, v, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Logs hours for one of the caller's center's volunteers; a volunteer not on its roster is a field error.
pub async fn log_hours(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    volunteer: Option<Uuid>,
    h: &Hours,
) -> WebResult<()> {
    may_run(caller)?;
    let unknown = || WebError::Invalid(vec![FieldError::new("volunteer", "unknown-choice")]);
    let volunteer = volunteer.ok_or_else(unknown)?;
    let tx = state.store.begin().await?;
    if !volunteers::log_hours(&tx, &ctx.actor(), caller.org, volunteer, h, pathways_store::now()).await? {
        return Err(unknown());
    }
    tx.commit().await?;
    Ok(())
}

/// Whether the caller may record designations (403 otherwise).
pub fn may_record(caller: &Caller) -> WebResult<()> {
    if may_record_designations(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

/// Records a designation on the public list; audited in its transaction.
pub async fn add_designation(state: &AppState, ctx: &Ctx, caller: &Caller, d: &Designation) -> WebResult<()> {
    may_record(caller)?;
    let tx = state.store.begin().await?;
    volunteers::add_designation(&tx, &ctx.actor(), caller.org, d, pathways_store::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// The public list: every designation not withdrawn nor lapsed (a program's past its renewal day), newest first,
/// that `filter` admits (the page's is the default: all of them; `GET /api/v1/recovery-friendly` filters by kind
/// and town). Public: no caller.
pub async fn designations(state: &AppState, filter: &ListFilter) -> WebResult<Vec<DesignationRow>> {
    let all = volunteers::designations(state.store.reader(), crate::services::naloxone::today(state)).await?;
    Ok(all.into_iter().filter(|r| filter.admits(&r.designation)).collect())
}

/// The volunteers taken off the caller's center's roster, with the hours they gave (still in the center's totals).
pub async fn removed(state: &AppState, caller: &Caller) -> WebResult<Vec<RosterEntry>> {
    may_run(caller)?;
    Ok(volunteers::removed(state.store.reader(), caller.org).await?)
}

/// One reminder: a listed volunteer whose background check or training is expired or due, and where each stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub id: uuid::Uuid,
    pub name: String,
    pub valid_until: ValidUntil,
    pub background_check: Standing,
    pub training: Standing,
}

/// The caller's center's reminders on the deployment's today (`pathways_domain::community::volunteers::reminders`:
/// the overdue first, then the soonest due); removed volunteers are not on the roster, so not reminded of.
pub fn reminders_of(roster: &[RosterEntry], today: chrono::NaiveDate) -> Vec<Reminder> {
    // The domain orders (name, check, training) triples, ties by name; names may repeat on a roster, so each row
    // goes in as its name and its place (after a NUL, which sorts before any character of a name) and is found
    // again by it.
    let keyed: Vec<(String, &RosterEntry)> =
        roster.iter().enumerate().map(|(i, r)| (format!("{}\u{0}{i:08}", r.name), r)).collect();
    let index: std::collections::HashMap<&str, &RosterEntry> = keyed.iter().map(|(k, r)| (k.as_str(), *r)).collect();
    let ordered = reminders(
        keyed.iter().map(|(k, r)| (k.as_str(), r.valid_until.background_check, r.valid_until.training)),
        today,
    );
    ordered
        .into_iter()
        .filter_map(|(key, background_check, training)| {
            let r = index.get(key)?;
            Some(Reminder { id: r.id, name: r.name.clone(), valid_until: r.valid_until, background_check, training })
        })
        .collect()
}

/// The caller's center's reminders (see [`reminders_of`]), for the staff's home page.
pub async fn reminders_for(state: &AppState, caller: &Caller) -> WebResult<(usize, Vec<Reminder>)> {
    may_run(caller)?;
    let roster = volunteers::roster(state.store.reader(), caller.org).await?;
    Ok((roster.len(), reminders_of(&roster, crate::services::naloxone::today(state))))
}

/// One of the caller's center's listed volunteers (another center's, or one taken off the roster: 404).
pub async fn volunteer(state: &AppState, caller: &Caller, id: VolunteerId) -> WebResult<RosterEntry> {
    may_run(caller)?;
    volunteers::listed(state.store.reader(), caller.org, id).await?.ok_or(WebError::NotFound)
}

/// Records, changes or clears a listed volunteer's background check and training dates; audited in the change's
/// transaction; another center's volunteer, or one off the roster, 404.
pub async fn set_valid_until(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: VolunteerId,
    dates: ValidUntil,
) -> WebResult<()> {
    may_run(caller)?;
    let tx = state.store.begin().await?;
    if !volunteers::set_valid_until(&tx, &ctx.actor(), caller.org, id, dates).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Takes a volunteer off the caller's center's roster (their hours stay counted); audited in the change's
/// transaction; another center's volunteer, or one already off the roster, 404.
pub async fn remove(state: &AppState, ctx: &Ctx, caller: &Caller, id: VolunteerId) -> WebResult<()> {
    may_run(caller)?;
    let tx = state.store.begin().await?;
    if !volunteers::remove(&tx, &ctx.actor(), caller.org, id, pathways_store::now()).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// Puts a volunteer taken off the caller's center's roster back on it (as removal, center staff; audited in the
/// change's transaction); another center's volunteer, or one on the roster, 404.
pub async fn restore(state: &AppState, ctx: &Ctx, caller: &Caller, id: VolunteerId) -> WebResult<()> {
    may_run(caller)?;
    let tx = state.store.begin().await?;
    if !volunteers::restore(&tx, &ctx.actor(), caller.org, id).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate};
    use pathways_domain::community::volunteers::{Standing, ValidUntil};
    use pathways_store::volunteers::RosterEntry;

    fn listed(name: &str, check: Option<i64>, training: Option<i64>, today: NaiveDate) -> RosterEntry {
        let day = |d: Option<i64>| d.map(|d| today + Duration::days(d));
        RosterEntry {
            id: uuid::Uuid::now_v7(),
            name: name.into(),
            agreed_on: today,
            minutes: 0,
            valid_until: ValidUntil { background_check: day(check), training: day(training) },
            removed_at: None,
        }
    }

    /// Two volunteers of one name are both reminded of, each with their own dates, in the domain's order.
    #[test]
    fn every_listed_volunteer_is_reminded_of_even_when_names_repeat() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).expect("a day");
        let roster = [
            listed("Sam", Some(10), None, today),
            listed("Ana", Some(400), Some(400), today),
            listed("Sam", None, Some(-2), today),
        ];
        let got = super::reminders_of(&roster, today);
        let ids: Vec<uuid::Uuid> = got.iter().map(|r| r.id).collect();
        assert_eq!(ids, vec![roster[2].id, roster[0].id], "2 days over before due in 10; Ana valid");
        assert_eq!(
            (got[0].background_check, got[0].training),
            (Standing::NotRecorded, Standing::Expired { days_ago: 2 })
        );
    }
}
