//! Recovery community (issue 20), the use cases of a recovery community center's staff pages
//! (`/community/…`), the public calendar and its iCalendar feeds (`/calendar…`) and the drop-in kiosk
//! (`/kiosk`). The rules are `pathways_domain::community`; the rows `pathways_store::community`.
//!
//! Who runs a center's week: its administrators, supervisors and coaches (`runs_community_center`). A gathering
//! or kiosk of another organization is not found. Nothing here is a person's record: a gathering is public, a
//! kiosk visit names no one (a first name or initials, counted as a visit).

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use pathways_domain::OrgId;
use pathways_domain::access::runs_community_center;
use pathways_domain::community::EventDetails;
use pathways_domain::community::calendar::{Filter, Span};
use pathways_domain::community::ics::{self, FeedEvent, FeedSeries, SeriesWhen};
use pathways_domain::community::in_finder::{self, Stretch};
use pathways_domain::community::kiosk::{SignIn, Tally};
use pathways_domain::community::recurrence::to_utc;
use pathways_domain::directory::schedule::Window;
use pathways_domain::ids::{CommunityEventId, KioskId};
use pathways_domain::text::FieldError;
use pathways_store::community::{self, Center, Gathering, KioskRef};

use crate::auth::secret::{random_token, token_hash};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::state::AppState;

/// How far ahead the iCalendar feeds reach, and how far back (so a calendar keeps the week just past).
pub const FEED_WEEKS_AHEAD: i64 = 8;
pub const FEED_DAYS_BACK: i64 = 7;

/// One occurrence of a gathering, at its center.
#[derive(Clone, Debug)]
pub struct Occurrence {
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    pub gathering: Gathering,
    pub center: Option<Center>,
}

/// The occurrences in `[from, to)` of one center's gatherings or the whole network's, in order of start.
pub async fn occurrences(
    state: &AppState,
    center: Option<OrgId>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> WebResult<Vec<Occurrence>> {
    let db = state.store.reader();
    let gatherings = community::in_window(db, center, from, to).await?;
    let centers: HashMap<OrgId, Center> = community::centers_by_id(db).await?;
    let mut out: Vec<Occurrence> = Vec::new();
    for g in gatherings {
        let Some(c) = centers.get(&g.organization) else { continue };
        let len = g.details.schedule.duration();
        for starts in g.details.schedule.occurrences(g.time_zone, from, to) {
            out.push(Occurrence { starts, ends: starts + len, gathering: g.clone(), center: Some(c.clone()) });
        }
    }
    out.sort_by(|a, b| a.starts.cmp(&b.starts).then_with(|| a.gathering.details.title.cmp(&b.gathering.details.title)));
    Ok(out)
}

/// A recovery community center by its slug (another kind of organization is not found), from the calendar's
/// snapshot.
pub async fn center(state: &AppState, slug: &str) -> WebResult<Center> {
    let snapshot = state.calendar.calendar(&state.store, state.config.deployment.time_zone).await?;
    snapshot.centers.iter().find(|c| c.slug == slug).cloned().ok_or(WebError::NotFound)
}

/// Every recovery community center, by name.
pub async fn centers(state: &AppState) -> WebResult<Vec<Center>> {
    let snapshot = state.calendar.calendar(&state.store, state.config.deployment.time_zone).await?;
    Ok(snapshot.centers.clone())
}

/// Occurrences a page of the public calendar shows (and the API's page by default).
pub const PER_PAGE: usize = 25;

/// One page of the public calendar: how many occurrences the filters admit, those of the page, and the regions
/// centers are recorded in (the filter's choices).
pub struct CalendarPage {
    pub total: usize,
    pub occurrences: Vec<Occurrence>,
    pub regions: Vec<String>,
}

/// Today in the deployment's zone (the calendar's days are counted from it).
pub fn today(state: &AppState) -> chrono::NaiveDate {
    pathways_store::now().with_timezone(&state.config.deployment.time_zone).date_naive()
}

/// The public calendar: the occurrences of one center's gatherings (or the network's) under way or starting in
/// `span` that `filter` admits, in order of start — `limit` of them from `offset`. Read from the calendar's
/// snapshot (`crate::community_calendar`): at most a second old, and never older than a save made through this
/// instance. No personal data.
pub async fn calendar(
    state: &AppState,
    center: Option<OrgId>,
    span: Span,
    filter: &Filter,
    offset: usize,
    limit: usize,
) -> WebResult<CalendarPage> {
    let tz = state.config.deployment.time_zone;
    let snapshot = state.calendar.calendar(&state.store, tz).await?;
    let (from, to) = span.window(pathways_store::now(), tz);
    let found = snapshot.find(center, from, to, filter, offset, limit);
    let occurrences = found
        .page
        .iter()
        .filter_map(|o| {
            let (g, c) = snapshot.center_of(o)?;
            Some(Occurrence { starts: o.starts, ends: o.ends, gathering: g.clone(), center: Some(c.clone()) })
        })
        .collect();
    Ok(CalendarPage { total: found.total, occurrences, regions: snapshot.regions.clone() })
}

/// The network's iCalendar feed (RFC 5545): each gathering once — a group as a weekly series in its zone with its
/// RRULE and the zone's VTIMEZONE, an event as its one occurrence — from a week back on, so the feed grows with
/// the number of gatherings, not with their meetings. Written once per snapshot and language.
pub async fn network_feed(state: &AppState, name: &str) -> WebResult<axum::body::Bytes> {
    let snapshot = state.calendar.calendar(&state.store, state.config.deployment.time_zone).await?;
    let mut written = snapshot.network_feed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, body)) = written.iter().find(|(n, _)| n == name) {
        return Ok(body.clone());
    }
    let now = snapshot.read_at;
    let from = now - Duration::days(FEED_DAYS_BACK);
    let from_day = from.with_timezone(&state.config.deployment.time_zone).date_naive();
    let host = feed_host(state);
    let series: Vec<FeedSeries> = snapshot
        .gatherings
        .iter()
        .filter_map(|l| {
            let g = &l.gathering;
            let c = snapshot.centers.get(l.center)?;
            let s = &g.details.schedule;
            let when = match s.rrule() {
                None => {
                    let starts = to_utc(g.time_zone, s.starts);
                    let ends = starts + s.duration();
                    if ends <= from {
                        return None;
                    }
                    SeriesWhen::Once { starts, ends }
                }
                Some(rule) => {
                    let starts = s.rebased_start(from_day);
                    let ends = starts + s.duration();
                    SeriesWhen::Weekly { tz: g.time_zone, starts, ends, rule, until: s.last_start(g.time_zone) }
                }
            };
            let d = &g.details;
            Some(FeedSeries {
                uid: format!("{}@{host}", g.id),
                summary: d.title.clone(),
                description: d.description.clone(),
                location: location(d.place.as_deref(), d.online_url.as_deref(), Some(c)),
                url: d.online_url.clone(),
                when,
            })
        })
        .collect();
    // The zones' changes from before the earliest series start (two periods back) to ten years on.
    let body = axum::body::Bytes::from(ics::series_calendar(
        name,
        &series,
        now,
        from - Duration::days(30),
        now + Duration::days(3653),
    ));
    written.push((name.to_owned(), body.clone()));
    Ok(body)
}

/// The host a feed's UIDs name.
fn feed_host(state: &AppState) -> String {
    state
        .config
        .public_url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| "pathways.invalid".into())
}

/// Where a gathering is, as a feed says it: its place (and center), or its link.
fn location(place: Option<&str>, online_url: Option<&str>, center: Option<&Center>) -> Option<String> {
    match (place, center) {
        (Some(p), Some(c)) => Some(format!("{p} ({})", c.name)),
        (Some(p), None) => Some(p.to_owned()),
        (None, _) => online_url.map(str::to_owned),
    }
}

/// One center's iCalendar feed (RFC 5545): every occurrence from a week back to [`FEED_WEEKS_AHEAD`] weeks ahead
/// (a center's few dozen gatherings: bounded). The network's is [`network_feed`].
pub async fn feed(state: &AppState, center: &Center, name: &str) -> WebResult<String> {
    let now = pathways_store::now();
    let from = now - Duration::days(FEED_DAYS_BACK);
    let to = now + Duration::weeks(FEED_WEEKS_AHEAD);
    let host = feed_host(state);
    let events: Vec<FeedEvent> = occurrences(state, Some(center.id), from, to)
        .await?
        .into_iter()
        .map(|o| {
            let d = &o.gathering.details;
            let location = location(d.place.as_deref(), d.online_url.as_deref(), o.center.as_ref());
            FeedEvent {
                uid: format!("{}-{}@{host}", o.gathering.id, o.starts.format("%Y%m%dT%H%M%SZ")),
                starts: o.starts,
                ends: o.ends,
                summary: d.title.clone(),
                description: d.description.clone(),
                location,
                url: d.online_url.clone(),
            }
        })
        .collect();
    Ok(ics::calendar(name, &events, now))
}

fn may_run(caller: &Caller) -> WebResult<()> {
    if runs_community_center(&caller.principal) { Ok(()) } else { Err(WebError::Forbidden) }
}

/// The caller's center's gatherings (cancelled ones too).
pub async fn gatherings_of(state: &AppState, caller: &Caller) -> WebResult<Vec<Gathering>> {
    may_run(caller)?;
    Ok(community::of_org(state.store.reader(), caller.org).await?)
}

/// One of the caller's center's gatherings; another's is not found.
pub async fn gathering(state: &AppState, caller: &Caller, id: CommunityEventId) -> WebResult<Gathering> {
    may_run(caller)?;
    community::find(state.store.reader(), caller.org, id.as_uuid()).await?.ok_or(WebError::NotFound)
}

/// Adds a gathering to the caller's center, in the deployment's zone; audited in its transaction.
pub async fn create_gathering(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    details: &EventDetails,
) -> WebResult<CommunityEventId> {
    may_run(caller)?;
    let tz = state.config.deployment.time_zone;
    let tx = state.store.begin().await?;
    let id = community::create(&tx, &ctx.actor(), caller.org, details, tz, pathways_store::now()).await?;
    tx.commit().await?;
    state.calendar.changed();
    Ok(CommunityEventId::from_uuid(id))
}

/// Changes (or cancels) one of the caller's center's gatherings; another's is not found.
pub async fn update_gathering(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    id: CommunityEventId,
    details: &EventDetails,
    cancelled: bool,
) -> WebResult<()> {
    may_run(caller)?;
    let current = community::find(state.store.reader(), caller.org, id.as_uuid()).await?.ok_or(WebError::NotFound)?;
    let tx = state.store.begin().await?;
    let now = pathways_store::now();
    let done =
        community::update(&tx, &ctx.actor(), caller.org, id.as_uuid(), details, cancelled, current.time_zone, now)
            .await?;
    if !done {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    state.calendar.changed();
    Ok(())
}

/// Opens kiosk mode for the caller's center: the token for the tablet's cookie (only its hash is kept).
pub async fn open_kiosk(state: &AppState, ctx: &Ctx, caller: &Caller) -> WebResult<String> {
    may_run(caller)?;
    let token = random_token();
    let tx = state.store.begin().await?;
    community::open_kiosk(&tx, &ctx.actor(), caller.org, &token_hash(&token), pathways_store::now()).await?;
    tx.commit().await?;
    Ok(token)
}

/// Closes one of the caller's center's kiosks (its tablet's cookie stops working).
pub async fn close_kiosk(state: &AppState, ctx: &Ctx, caller: &Caller, id: KioskId) -> WebResult<()> {
    may_run(caller)?;
    let tx = state.store.begin().await?;
    if !community::close_kiosk(&tx, &ctx.actor(), caller.org, id.as_uuid(), pathways_store::now()).await? {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// The open kiosk a tablet's token names.
pub async fn kiosk(state: &AppState, token: &str) -> WebResult<Option<KioskRef>> {
    Ok(community::kiosk_by_token(state.store.reader(), &token_hash(token)).await?)
}

/// The start and end of today in the deployment's zone.
pub fn today_window(state: &AppState, now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let tz = state.config.deployment.time_zone;
    let day = now.with_timezone(&tz).date_naive();
    let start = to_utc(tz, day.and_time(NaiveTime::MIN));
    let end = to_utc(tz, (day + Duration::days(1)).and_time(NaiveTime::MIN));
    (start, end)
}

/// Today's groups at a center (what a kiosk offers to sign in for).
pub async fn groups_today(state: &AppState, org: OrgId) -> WebResult<Vec<Occurrence>> {
    let (start, end) = today_window(state, pathways_store::now());
    occurrences(state, Some(org), start, end).await
}

/// A drop-in sign-in at a kiosk: counted once (a `client_ref` sent again is not counted again). The group, when
/// named, must be one of the center's gatherings.
pub async fn sign_in(
    state: &AppState,
    ctx: &Ctx,
    kiosk: KioskRef,
    signed: Result<SignIn, Vec<FieldError>>,
    group: Option<CommunityEventId>,
    client_ref: Option<&str>,
) -> WebResult<bool> {
    let signed = signed.map_err(WebError::Invalid)?;
    let db = state.store.reader();
    if let Some(g) = group
        && community::find(db, kiosk.organization, g.as_uuid()).await?.is_none()
    {
        return Err(WebError::Invalid(vec![FieldError::new("group", "unknown-choice")]));
    }
    let tx = state.store.begin().await?;
    let counted = community::record_visit(
        &tx,
        &ctx.actor(),
        kiosk,
        &signed,
        group.map(|g| g.as_uuid()),
        client_ref,
        pathways_store::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(counted)
}

/// Today's visits at the caller's center, counted (by reason and per group), with today's gatherings and the
/// open kiosks.
pub struct Attendance {
    pub tally: Tally,
    pub groups: Vec<Occurrence>,
    pub kiosks: Vec<(uuid::Uuid, DateTime<Utc>)>,
}

pub async fn attendance(state: &AppState, caller: &Caller) -> WebResult<Attendance> {
    may_run(caller)?;
    let db = state.store.reader();
    let (start, end) = today_window(state, pathways_store::now());
    let visits = community::visits(db, caller.org, start, end).await?;
    let keyed: Vec<(pathways_domain::community::kiosk::Reason, Option<String>)> =
        visits.into_iter().map(|(r, g)| (r, g.map(|g| g.to_string()))).collect();
    let tally = Tally::of(keyed.iter().map(|(r, g)| (*r, g.as_deref())));
    let groups = occurrences(state, Some(caller.org), start, end).await?;
    let kiosks = community::open_kiosks(db, caller.org).await?;
    Ok(Attendance { tally, groups, kiosks })
}

/// What the finder shows of the calendar beside its results: how many occurrences there are, and the first few.
pub struct InFinder {
    pub total: usize,
    pub occurrences: Vec<Occurrence>,
}

/// The gatherings the finder shows for a person's time choice and words (`pathways_domain::community::in_finder`):
/// the occurrences in `stretch` that `filter` admits whose gathering has every one of `words` (in its title,
/// description or center's name, or in `labels`, the folded words naming its kind, language and audience in every
/// language) — how many, and the first `limit` in order of start. From the calendar's snapshot in memory: no query
/// per search, no personal data.
pub async fn in_finder(
    state: &AppState,
    stretch: &Stretch,
    filter: &Filter,
    words: &[String],
    labels: impl Fn(&EventDetails) -> &'static str,
    limit: usize,
) -> WebResult<InFinder> {
    let snapshot = state.calendar.calendar(&state.store, state.config.deployment.time_zone).await?;
    let found = snapshot.find_for_finder(
        stretch,
        filter,
        |l| in_finder::matches(words, &[&*l.words, labels(&l.gathering.details)]),
        limit,
    );
    let occurrences = found
        .page
        .iter()
        .filter_map(|o| {
            let (g, c) = snapshot.center_of(o)?;
            Some(Occurrence { starts: o.starts, ends: o.ends, gathering: g.clone(), center: Some(c.clone()) })
        })
        .collect();
    Ok(InFinder { total: found.total, occurrences })
}

/// The finder's question about gatherings: its time choice (`None`: none chosen), its words, the calendar filter
/// its other choices read as (`None`: the gatherings can't answer them) and the viewer's clock.
pub struct FinderAsk<'a> {
    pub choice: Option<Window>,
    pub words: &'a str,
    pub filter: Option<Filter>,
    pub viewer: Tz,
}

/// What the finder shows of the calendar for `ask` (page and API alike): with a time chosen, the gatherings in
/// it; with words and no time, tonight's (the calendar's tonight) whose words match; nothing without either, or
/// when a filter the gatherings can't answer was chosen. The stretch asked about (its calendar view for the link),
/// the filter, and what was found ([`in_finder`]).
pub async fn for_finder(
    state: &AppState,
    ask: FinderAsk<'_>,
    labels: impl Fn(&EventDetails) -> &'static str,
) -> WebResult<Option<(Stretch, Filter, InFinder)>> {
    let Some(filter) = ask.filter else { return Ok(None) };
    let words = in_finder::query_words(ask.words);
    if ask.choice.is_none() && words.is_empty() {
        return Ok(None);
    }
    let now = pathways_store::now();
    let stretch = in_finder::stretch(ask.choice, now, ask.viewer, state.config.deployment.time_zone);
    let found = in_finder(state, &stretch, &filter, &words, labels, in_finder::SHOWN).await?;
    Ok(Some((stretch, filter, found)))
}
