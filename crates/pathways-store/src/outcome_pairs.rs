//! Outcome change's pairs, kept (issue 17 at a state's scale; migration m0048). For each episode, its baseline
//! beside its 6-month and its 12-month follow-up, as `pathways_domain::outcomes::change::pairs` makes them from the
//! episode's completed interviews, each read with the instrument version it was given with. The outcome-change
//! report sums these rows (one per person and follow-up point, a few bytes each) instead of decoding and checking
//! every completed interview's answers on each read.
//!
//! Kept true where the inputs change: an interview is written only by [`crate::interviews::create`] and
//! [`crate::interviews::update`], and a completed interview is never changed again, so a pair changes only when one
//! of the episode's interviews is completed — then [`refresh`] recomputes the episode's pairs in the same
//! transaction, and adds the difference its pairs make to outcome change's kept counts (`crate::outcome_change_kept`,
//! which the network's report reads). [`rebuild`] recomputes every episode's pairs and the counts (after a bulk
//! load; m0048's backfill, [`rebuild_pairs`], only the pairs); the tests compare the kept rows with a recomputation
//! from the records.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use pathways_domain::OrgId;
use pathways_domain::outcomes::change::{Completed, Pair, Span, pairs};
use pathways_domain::outcomes::instrument::{Instrument, shipped};
use pathways_domain::outcomes::interview::Status;
use pathways_domain::outcomes::schedule::Interview;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::Result;
use crate::entities::{outcome_interview, outcome_pair};
use crate::outcome_change_kept::Tally;

/// The interviews a pair is made of.
const KINDS: [&str; 3] = ["baseline", "reassessment", "annual"];
/// Rows per insert (7 values each).
const CHUNK: usize = 500;
/// Episodes read at once by [`rebuild`].
const PAGE: u64 = 2_000;

/// Instrument versions by (id, version), each read and parsed once; `None` for one not loaded (its interviews
/// then answer no indicator, as the report always treated them).
#[derive(Default)]
struct Instruments(HashMap<(String, String), Option<Instrument>>);

impl Instruments {
    async fn get(&mut self, db: &impl ConnectionTrait, id: &str, version: &str) -> Result<Option<&Instrument>> {
        let key = (id.to_owned(), version.to_owned());
        if !self.0.contains_key(&key) {
            let s = shipped();
            let parsed = if s.id == id && s.version == version {
                Some(s.clone())
            } else {
                crate::interviews::instrument_version(db, id, version)
                    .await?
                    .and_then(|row| Instrument::parse(&row.body).ok())
            };
            self.0.insert(key.clone(), parsed);
        }
        Ok(self.0.get(&key).and_then(Option::as_ref))
    }
}

fn interview_of(r: &outcome_interview::Model) -> Option<Interview> {
    match r.kind.as_str() {
        "baseline" => Some(Interview::Baseline),
        "reassessment" => Some(Interview::Reassessment),
        "annual" => r.year.and_then(|y| u32::try_from(y).ok()).map(Interview::Annual),
        _ => None,
    }
}

/// What one completed interview gives the report, read with its instrument version.
async fn completed(
    db: &impl ConnectionTrait,
    instruments: &mut Instruments,
    r: &outcome_interview::Model,
) -> Result<Option<Completed>> {
    let (Some(interview), Some(done_on)) = (interview_of(r), r.done_on) else { return Ok(None) };
    let (indicators, barc10) = match instruments.get(db, &r.instrument_id, &r.instrument_version).await? {
        Some(i) => {
            let answers = i.check(r.answers.as_object().unwrap_or(&serde_json::Map::new()), false).unwrap_or_default();
            (i.indicators(&answers), i.barc10_total(&answers))
        }
        None => (BTreeMap::new(), None),
    };
    Ok(Some(Completed { interview, done_on, opens_on: r.opens_on, closes_on: r.closes_on, indicators, barc10 }))
}

fn completed_rows() -> sea_orm::Select<outcome_interview::Entity> {
    outcome_interview::Entity::find()
        .filter(outcome_interview::Column::Kind.is_in(KINDS))
        .filter(outcome_interview::Column::Status.eq(Status::Complete.as_str()))
}

fn row(episode: Uuid, org: Uuid, p: &Pair) -> outcome_pair::ActiveModel {
    let indicators: BTreeMap<&str, [bool; 2]> = p.indicators.iter().map(|(k, (b, f))| (k.as_str(), [*b, *f])).collect();
    outcome_pair::ActiveModel {
        episode_id: sea_orm::Set(episode),
        months: sea_orm::Set(i32::from(p.span.months())),
        org_id: sea_orm::Set(org),
        done_on: sea_orm::Set(p.done_on),
        indicators: sea_orm::Set(serde_json::to_string(&indicators).unwrap_or_else(|_| "{}".to_owned())),
        barc10_baseline: sea_orm::Set(p.barc10.map(|(b, _)| i32::from(b))),
        barc10_follow_up: sea_orm::Set(p.barc10.map(|(_, f)| i32::from(f))),
    }
}

async fn insert(db: &impl ConnectionTrait, made: Vec<(Uuid, Uuid, Pair)>) -> Result<u64> {
    let n = made.len() as u64;
    let mut rows: Vec<outcome_pair::ActiveModel> =
        made.iter().map(|(episode, org, p)| row(*episode, *org, p)).collect();
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(CHUNK));
        outcome_pair::Entity::insert_many(std::mem::replace(&mut rows, rest)).exec(db).await?;
    }
    Ok(n)
}

/// The pairs of episodes' completed interviews (`rows`, any order), with each episode's organization.
async fn pairs_of(
    db: &impl ConnectionTrait,
    instruments: &mut Instruments,
    rows: &[outcome_interview::Model],
) -> Result<Vec<(Uuid, Uuid, Pair)>> {
    let mut by_episode: BTreeMap<Uuid, (Uuid, Vec<Completed>)> = BTreeMap::new();
    for r in rows {
        if let Some(c) = completed(db, instruments, r).await? {
            by_episode.entry(r.episode_id).or_insert_with(|| (r.org_id, Vec::new())).1.push(c);
        }
    }
    Ok(by_episode
        .into_iter()
        .flat_map(|(episode, (org, done))| pairs(&done).into_iter().map(move |p| (episode, org, p)))
        .collect())
}

fn count(tally: &mut Tally, org: Uuid, p: &Pair, sign: i64) {
    tally.pair(org, i32::from(p.span.months()), p.done_on, &p.indicators, p.barc10, sign);
}

/// Recomputes one episode's pairs from its completed interviews, and adds the difference between its pairs before
/// and after to the kept counts (`crate::outcome_change_kept`): called in the transaction that completes one.
pub async fn refresh(db: &impl ConnectionTrait, episode: Uuid) -> Result<()> {
    let rows = completed_rows().filter(outcome_interview::Column::EpisodeId.eq(episode)).all(db).await?;
    let made = pairs_of(db, &mut Instruments::default(), &rows).await?;
    let mut delta = Tally::default();
    for was in outcome_pair::Entity::find().filter(outcome_pair::Column::EpisodeId.eq(episode)).all(db).await? {
        let k = kept_of(&was.indicators, was.barc10_baseline, was.barc10_follow_up);
        delta.pair(was.org_id, was.months, was.done_on, &k.indicators, k.barc10, -1);
    }
    for (_, org, p) in &made {
        count(&mut delta, *org, p, 1);
    }
    outcome_pair::Entity::delete_many().filter(outcome_pair::Column::EpisodeId.eq(episode)).exec(db).await?;
    insert(db, made).await?;
    crate::outcome_change_kept::add(db, &delta).await
}

/// Recomputes every episode's pairs, and the kept counts from them (after a bulk load: the demo, `demo generate`,
/// the report tests' fixtures). Returns the pairs kept.
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<u64> {
    let mut tally = Tally::default();
    let kept = rebuild_pairs_counting(db, Some(&mut tally)).await?;
    crate::outcome_change_kept::replace(db, &tally).await?;
    Ok(kept)
}

/// Recomputes every episode's pairs, not the counts: m0048's backfill, which runs before the counts' table
/// (m0050) is there. Returns the pairs kept.
pub async fn rebuild_pairs(db: &impl ConnectionTrait) -> Result<u64> {
    rebuild_pairs_counting(db, None).await
}

async fn rebuild_pairs_counting(db: &impl ConnectionTrait, mut tally: Option<&mut Tally>) -> Result<u64> {
    use crate::entities::episode;
    outcome_pair::Entity::delete_many().exec(db).await?;
    let mut instruments = Instruments::default();
    let mut kept = 0;
    let mut after: Option<Uuid> = None;
    loop {
        let mut page =
            episode::Entity::find().select_only().column(episode::Column::Id).order_by_asc(episode::Column::Id);
        if let Some(a) = after {
            page = page.filter(episode::Column::Id.gt(a));
        }
        let ids: Vec<Uuid> = page.limit(PAGE).into_tuple().all(db).await?;
        let Some(&last) = ids.last() else { break };
        after = Some(last);
        let rows = completed_rows().filter(outcome_interview::Column::EpisodeId.is_in(ids)).all(db).await?;
        let made = pairs_of(db, &mut instruments, &rows).await?;
        if let Some(t) = tally.as_deref_mut() {
            for (_, org, p) in &made {
                count(t, *org, p, 1);
            }
        }
        kept += insert(db, made).await?;
    }
    Ok(kept)
}

/// One kept pair, as the report reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    pub indicators: BTreeMap<String, (bool, bool)>,
    pub barc10: Option<(u8, u8)>,
}

pub(crate) fn kept_of(indicators: &str, b: Option<i32>, f: Option<i32>) -> Kept {
    let parsed: BTreeMap<String, [bool; 2]> = serde_json::from_str(indicators).unwrap_or_default();
    let total = |v: Option<i32>| v.and_then(|v| u8::try_from(v).ok());
    Kept { indicators: parsed.into_iter().map(|(k, [b, f])| (k, (b, f))).collect(), barc10: total(b).zip(total(f)) }
}

/// The organizations' pairs at `span` whose follow-up was done in `[from, to)`, each with its organization.
pub async fn read(
    db: &impl ConnectionTrait,
    orgs: &[OrgId],
    span: Span,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<(Uuid, Kept)>> {
    let rows: Vec<(Uuid, String, Option<i32>, Option<i32>)> = outcome_pair::Entity::find()
        .select_only()
        .column(outcome_pair::Column::OrgId)
        .column(outcome_pair::Column::Indicators)
        .column(outcome_pair::Column::Barc10Baseline)
        .column(outcome_pair::Column::Barc10FollowUp)
        .filter(outcome_pair::Column::OrgId.is_in(orgs.iter().map(|o| o.as_uuid())))
        .filter(outcome_pair::Column::Months.eq(i32::from(span.months())))
        .filter(outcome_pair::Column::DoneOn.gte(from))
        .filter(outcome_pair::Column::DoneOn.lt(to))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.iter().map(|(org, i, b, f)| (*org, kept_of(i, *b, *f))).collect())
}

/// The pairs recomputed from the records, every episode's, by (episode, months): what the kept rows must equal
/// (the tests' recount).
pub async fn recount(db: &impl ConnectionTrait) -> Result<BTreeMap<(Uuid, i32), (Uuid, NaiveDate, Kept)>> {
    let rows = completed_rows().all(db).await?;
    let made = pairs_of(db, &mut Instruments::default(), &rows).await?;
    Ok(made
        .into_iter()
        .map(|(episode, org, p)| {
            let kept = Kept { indicators: p.indicators, barc10: p.barc10 };
            ((episode, i32::from(p.span.months())), (org, p.done_on, kept))
        })
        .collect())
}

/// Every kept row by (episode, months).
pub async fn kept(db: &impl ConnectionTrait) -> Result<BTreeMap<(Uuid, i32), (Uuid, NaiveDate, Kept)>> {
    Ok(outcome_pair::Entity::find().all(db).await?.into_iter().map(split).collect())
}

fn split(m: outcome_pair::Model) -> ((Uuid, i32), (Uuid, NaiveDate, Kept)) {
    ((m.episode_id, m.months), (m.org_id, m.done_on, kept_of(&m.indicators, m.barc10_baseline, m.barc10_follow_up)))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::{Datelike as _, Duration};
    use pathways_domain::access::PersonScope;
    use pathways_domain::org::{OrgKind, Slug};
    use pathways_domain::outcomes::Window;
    use pathways_domain::person::PersonDetails;
    use pathways_domain::{AccountId, PersonId};
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};
    use serde_json::json;

    use super::*;
    use crate::accounts::NewStaff;
    use crate::interviews::InterviewInput;
    use crate::outcome_change_kept::{self, Sums, Tally};
    use crate::testing::TestDb;
    use crate::{follow_up_kept, orgs, outcomes, persons};
    use pathways_domain::Role;
    use pathways_domain::outcomes::CloseoutReason;
    use pathways_domain::outcomes::FiscalYear;
    use pathways_domain::outcomes::follow_up::{EpisodeInterviews, FollowUp, Outcome, follow_up};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

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

    /// Windows counted by organization, month of their last day and outcome.
    fn by_month(windows: &[crate::entities::follow_up_window::Model]) -> BTreeMap<follow_up_kept::CountKey, i64> {
        let mut out = BTreeMap::new();
        for w in windows {
            *out.entry((w.org_id, w.closes_on.with_day(1).expect("a day"), w.outcome.clone())).or_default() += 1;
        }
        out
    }

    /// Pairs (by episode and months) counted as the kept counts count them.
    fn counted(pairs: &BTreeMap<(Uuid, i32), (Uuid, NaiveDate, Kept)>) -> Tally {
        let mut t = Tally::default();
        for ((_, months), (org, day, k)) in pairs {
            t.pair(*org, *months, *day, &k.indicators, k.barc10, 1);
        }
        t
    }

    /// Answers of the shipped interview, some left out (an indicator then has no value).
    fn answers(rng: &mut StdRng) -> serde_json::Value {
        let mut a = json!({
            "days_alcohol_30": rng.gen_range(0..4), "days_drugs_30": rng.gen_range(0..2),
            "housing_status": if rng.gen_bool(0.6) { "stable" } else { "temporary" },
            "work_or_school": if rng.gen_bool(0.4) { "working_full_time" } else { "neither" },
            "arrests_30": rng.gen_range(0..2), "recovery_supporters": rng.gen_range(0..3),
            "barc10": vec![rng.gen_range(1..=6); 10],
        });
        if let Some(o) = a.as_object_mut() {
            for k in ["days_drugs_30", "barc10", "housing_status"] {
                if rng.gen_bool(0.2) {
                    o.remove(k);
                }
            }
        }
        a
    }

    /// Baselines, 6-month reassessments and first annual interviews of ten persons in two organizations (with two
    /// coaches and none) — completed at once or saved in progress and completed later, inside their windows or a
    /// few days outside, some given with a version no longer loaded, some recorded as not done —, and closeouts,
    /// through the store's own functions: after every step the kept pairs and follow-up windows equal a
    /// recomputation from the records, and a rebuild writes the same; the readers give one organization's pairs
    /// of a year, and for any period the follow-up counts by coach the rule gives over the records. Outcome change's
    /// kept counts, after every step, equal a count of the pairs recomputed from the records and of the kept pairs;
    /// a rebuild and the migration's backfill write the same; and their reader, summed over a fiscal year's months,
    /// gives what the pairs of the fiscal year's days add up to.
    #[tokio::test]
    async fn kept_pairs_and_follow_up_windows_equal_a_recount_after_any_sequence() {
        let db = TestDb::new().await;
        let (w, store) = (db.store.writer(), &db.store);
        let mut made_orgs = Vec::new();
        for slug in ["pairs-a", "pairs-b"] {
            let o = orgs::create(w, &Slug::parse(slug).expect("slug"), slug, OrgKind::RecoveryCommunityCenter)
                .await
                .expect("org");
            made_orgs.push(OrgId::from_uuid(o.id));
        }
        let mut coaches = Vec::new();
        for (i, org) in made_orgs.iter().enumerate() {
            let email = format!("coach{i}@pairs.test");
            let new =
                NewStaff { org: *org, role: Role::Coach, email: &email, display_name: "Coach", password_hash: "x" };
            coaches.push(AccountId::from_uuid(crate::accounts::create_staff(w, new).await.expect("coach").id));
        }
        let base_day = d(2025, 1, 10);
        let mut people = Vec::new();
        for i in 0..10 {
            let org = made_orgs[i % 2];
            let scope = PersonScope { org, assigned_to: None, only_person: None };
            let coach = (i % 3 != 0).then_some(coaches[i % 2]);
            let p = persons::insert(w, org, &details(&format!("Pair {i}")), coach).await.expect("person");
            let person = PersonId::from_uuid(p.id);
            outcomes::record_service(w, &scope, person, d(2025, 1, 2)).await.expect("service");
            let episode = outcomes::episodes(w, &scope, person).await.expect("episodes")[0].id;
            people.push((scope, person, episode));
        }
        // The windows as the schedule gives them for a baseline on 10 January 2025.
        let windows = [
            Window { interview: Interview::Baseline, due: d(2025, 2, 1), opens: d(2025, 1, 2), closes: d(2025, 2, 1) },
            Window {
                interview: Interview::Reassessment,
                due: d(2025, 7, 9),
                opens: d(2025, 6, 9),
                closes: d(2025, 8, 8),
            },
            Window {
                interview: Interview::Annual(1),
                due: d(2026, 1, 10),
                opens: d(2025, 12, 11),
                closes: d(2026, 2, 9),
            },
        ];
        let by = AccountId::new();
        let mut rng = StdRng::seed_from_u64(48);
        let mut in_progress: Vec<(usize, Uuid)> = Vec::new();
        for step in 0..120 {
            let who = rng.gen_range(0..people.len());
            let (scope, person, _) = people[who];
            let tx = store.begin().await.expect("begin");
            // The person's latest episode: an episode added after a closeout takes the interviews from then on.
            let latest = outcomes::episodes(&tx, &scope, person).await.expect("episodes").pop().expect("an episode");
            let episode = latest.id;
            let finish = !in_progress.is_empty() && rng.gen_bool(0.3);
            if let Some(ended) = latest.ended_on.filter(|_| rng.gen_bool(0.3)) {
                let start = ended + Duration::days(rng.gen_range(1..40));
                let closed = rng.gen_bool(0.3).then(|| (start + Duration::days(90), CloseoutReason::Completed));
                outcomes::add_episode(&tx, scope.org, person, start, start, closed).await.expect("add an episode");
            } else if rng.gen_bool(0.08) {
                let day = d(2025, 3, 1) + Duration::days(rng.gen_range(0..200));
                outcomes::close_episode(&tx, &scope, person, day, CloseoutReason::Completed).await.expect("close");
            } else if finish {
                let (who, id) = in_progress.swap_remove(rng.gen_range(0..in_progress.len()));
                let (scope, person, _) = people[who];
                let row = crate::interviews::find(&tx, &scope, person, id).await.expect("find").expect("there");
                let input = InterviewInput {
                    status: Status::Complete,
                    done_on: Some(row.opens_on + Duration::days(rng.gen_range(-3..70))),
                    administrative_reason: None,
                    answers: answers(&mut rng),
                    instrument_id: row.instrument_id.clone(),
                    instrument_version: row.instrument_version.clone(),
                };
                crate::interviews::update(&tx, &scope, person, id, by, input).await.expect("update").expect("saved");
            } else {
                let window = windows[rng.gen_range(0..windows.len())];
                let status = match rng.gen_range(0..10) {
                    0..2 => Status::InProgress,
                    2 => Status::Administrative,
                    _ => Status::Complete,
                };
                let done_on = (status != Status::InProgress).then(|| {
                    if window.interview == Interview::Baseline {
                        // Baselines over the window's month, so the reassessment windows close in several months.
                        base_day + Duration::days(rng.gen_range(-8..22))
                    } else {
                        window.opens + Duration::days(rng.gen_range(-3..64))
                    }
                });
                let s = shipped();
                let version = if rng.gen_bool(0.1) { "0.9.0-gone".to_owned() } else { s.version.clone() };
                let input = InterviewInput {
                    status,
                    done_on,
                    administrative_reason: (status == Status::Administrative)
                        .then_some(pathways_domain::outcomes::interview::AdministrativeReason::NotReached),
                    answers: answers(&mut rng),
                    instrument_id: s.id.clone(),
                    instrument_version: version,
                };
                let row =
                    crate::interviews::create(&tx, &scope, person, episode, window, by, input).await.expect("create");
                if status == Status::InProgress {
                    in_progress.push((who, row.id));
                }
            }
            tx.commit().await.expect("commit");
            let recounted = recount(w).await.expect("recount");
            assert_eq!(kept(w).await.expect("kept"), recounted, "after step {step}");
            let counts = outcome_change_kept::all(w).await.expect("counts");
            assert_eq!(counts, counted(&recounted), "the counts against the records, after step {step}");
            assert_eq!(counts, outcome_change_kept::from_pairs(w).await.expect("pairs"), "after step {step}");
            assert_eq!(
                follow_up_kept::kept(w).await.expect("kept"),
                follow_up_kept::recount(w).await.expect("recount"),
                "after step {step}"
            );
            // The counts by organization and month, against the kept windows and against the windows made again
            // from the records.
            let counts = follow_up_kept::counts(w).await.expect("counts");
            assert_eq!(counts, follow_up_kept::recount_counts(w).await.expect("recount"), "after step {step}");
            assert_eq!(counts, by_month(&follow_up_kept::recount(w).await.expect("recount")), "after step {step}");
        }
        let windows = follow_up_kept::kept(w).await.expect("kept");
        assert!(windows.len() >= 3, "{windows:?}");
        let counts = follow_up_kept::counts(w).await.expect("counts");
        let months: BTreeSet<NaiveDate> = counts.keys().map(|k| k.1).collect();
        assert!(months.len() >= 3 && counts.values().any(|n| *n > 1), "{counts:?}");
        follow_up_kept::rebuild(w).await.expect("rebuild");
        assert_eq!(follow_up_kept::kept(w).await.expect("kept"), windows);
        assert_eq!(follow_up_kept::counts(w).await.expect("counts"), counts);
        // The network's reader (kept months and parts of a month) against the kept windows counted by hand, for
        // periods starting on a month's first day or inside a month and ending on every other day over nine months.
        for from in [d(2025, 1, 1), d(2025, 7, 1), d(2025, 7, 20), d(2025, 8, 5)] {
            for to in (0..140).map(|i| d(2025, 6, 15) + Duration::days(2 * i)) {
                let mut want: Vec<(Option<Uuid>, Outcome, u64)> = Vec::new();
                for win in windows.iter().filter(|win| from <= win.closes_on && win.closes_on < to) {
                    let key = (Some(win.org_id), Outcome::parse(&win.outcome).expect("an outcome"));
                    match want.iter_mut().find(|x| (x.0, x.1) == key) {
                        Some(x) => x.2 += 1,
                        None => want.push((key.0, key.1, 1)),
                    }
                }
                want.sort();
                let got = follow_up_kept::read(w, &made_orgs, from, to, follow_up_kept::By::Organization)
                    .await
                    .expect("read");
                assert_eq!(got, want, "{from} to {to}");
            }
        }
        // The follow-up reader against the rule over the records (as the report read them before they were kept),
        // by coach, for the first organization, over several periods.
        for (from, to) in
            [(d(2025, 1, 1), d(2026, 1, 1)), (d(2025, 7, 1), d(2025, 8, 1)), (d(2025, 8, 5), d(2027, 1, 1))]
        {
            let mut want: BTreeMap<Option<Uuid>, FollowUp> = BTreeMap::new();
            for e in crate::interviews::for_follow_up(w, &made_orgs[..1], to).await.expect("episodes") {
                let one = follow_up(
                    &[EpisodeInterviews {
                        started_on: e.started_on,
                        ended_on: e.ended_on,
                        baseline_on: e.baseline_on,
                        reassessments: e.reassessments,
                        administrative: e.administrative,
                    }],
                    from,
                    to,
                );
                let f = want.entry(e.coach).or_default();
                f.due += one.due;
                f.completed_in_window += one.completed_in_window;
                f.administrative += one.administrative;
            }
            want.retain(|_, f| f.due > 0);
            let mut got: BTreeMap<Option<Uuid>, FollowUp> = BTreeMap::new();
            for (coach, outcome, n) in
                follow_up_kept::read(w, &made_orgs[..1], from, to, follow_up_kept::By::Coach).await.expect("read")
            {
                got.entry(coach).or_default().add(outcome, n);
            }
            assert_eq!(got, want, "{from} to {to}");
        }

        let before = kept(w).await.expect("kept");
        assert!(
            before.keys().any(|k| k.1 == 6) && before.keys().any(|k| k.1 == 12),
            "both points were made: {before:?}"
        );
        let counts = outcome_change_kept::all(w).await.expect("counts");
        assert!(counts.cells().len() > 20, "{counts:?}");
        rebuild(w).await.expect("rebuild");
        assert_eq!(kept(w).await.expect("kept"), before);
        assert_eq!(outcome_change_kept::all(w).await.expect("counts"), counts, "the rebuild counts the same");
        // The migration's backfill, from the kept pairs.
        outcome_change_kept::rebuild(w).await.expect("backfill");
        assert_eq!(outcome_change_kept::all(w).await.expect("counts"), counts, "the backfill counts the same");

        // The counts' reader, summed over a fiscal year's months, against the pairs' reader over its days: fiscal
        // years starting in July (the follow-ups fall on both sides of 1 July 2025), January and October, one
        // organization and both.
        for (fy, orgs) in [
            (FiscalYear { year: 2025, start_month: 7 }, &made_orgs[..]),
            (FiscalYear { year: 2026, start_month: 7 }, &made_orgs[..1]),
            (FiscalYear { year: 2025, start_month: 1 }, &made_orgs[..]),
            (FiscalYear { year: 2026, start_month: 10 }, &made_orgs[1..]),
        ] {
            for span in Span::ALL {
                let mut want: BTreeMap<(Uuid, String), Sums> = BTreeMap::new();
                let pairs = read(w, orgs, span, fy.first_day(), fy.end()).await.expect("pairs");
                for (org, k) in &pairs {
                    let mut one = outcome_change_kept::Tally::default();
                    one.pair(*org, i32::from(span.months()), fy.first_day(), &k.indicators, k.barc10, 1);
                    for ((_, _, _, id), sums) in one.cells() {
                        let into = want.entry((*org, id.clone())).or_default();
                        into.n += sums.n;
                        into.baseline += sums.baseline;
                        into.follow_up += sums.follow_up;
                        into.baseline_sum += sums.baseline_sum;
                        into.follow_up_sum += sums.follow_up_sum;
                    }
                }
                let got: BTreeMap<(Uuid, String), Sums> = outcome_change_kept::read(w, orgs, span, fy)
                    .await
                    .expect("counts")
                    .into_iter()
                    .map(|(org, id, sums)| ((org, id), sums))
                    .collect();
                assert_eq!(got, want, "{fy:?} {span:?}");
            }
        }

        // The reader: the first organization's 6-month pairs done from 1 July 2025, against the kept rows.
        let from = d(2025, 7, 1);
        let mut read_back = read(w, &made_orgs[..1], Span::SixMonths, from, d(2026, 7, 1)).await.expect("read");
        let mut expected: Vec<(Uuid, Kept)> = before
            .iter()
            .filter(|((_, months), (org, day, _))| *months == 6 && *org == made_orgs[0].as_uuid() && *day >= from)
            .map(|(_, (org, _, k))| (*org, k.clone()))
            .collect();
        let order = |k: &(Uuid, Kept)| format!("{k:?}");
        read_back.sort_by_key(order);
        expected.sort_by_key(order);
        assert_eq!(read_back, expected);
    }
}
