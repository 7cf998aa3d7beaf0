//! Demo recovery records: each demo person gets a plan, a year of check-ins, quarterly BARC-10s with a
//! believable trend, up to two years of quarterly check-ups (one overdue, one needing linkage), and encounters
//! with their coach. One person can sign in to their own portal. Generated
//! from a fixed seed, so every demo looks the same.

use chrono::{Duration, NaiveDate, Utc};
use pathways_domain::access::PersonScope;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::barc10::Barc10Answers;
use pathways_domain::checkin::Checkin;
use pathways_domain::dimension::Dimension;
use pathways_domain::encounter::{Encounter, EncounterType};
use pathways_domain::plan::{ActionStep, Goal, GoalStatus, Pathway, PlanContent, ProgressNote, Stage};
use pathways_domain::{AccountId, OrgId, PersonId};
use pathways_store::audit::{self, Actor, AuditEntry};
use pathways_store::entities::person;
use pathways_store::plans::Author;
use pathways_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use pathways_store::{Store, accounts, plans, records};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

/// The demo person who can sign in to their portal (with the demo password).
pub const PERSON_USERNAME: &str = "alex.rivera";

/// (dimension, goal, why, step) — written the way people say them.
const GOALS: [(Dimension, &str, &str, &str); 8] = [
    (
        Dimension::Home,
        "Move into a recovery residence",
        "A steady, sober place to come home to",
        "Visit two houses with my coach",
    ),
    (
        Dimension::Health,
        "Sleep through the night most nights",
        "I think more clearly when I rest",
        "No screens after 10 pm",
    ),
    (
        Dimension::Purpose,
        "Get my CDL back",
        "Driving is work I'm good at and proud of",
        "Call the DMV about reinstatement",
    ),
    (
        Dimension::Community,
        "Go to a SMART Recovery meeting every week",
        "I don't want to do this alone",
        "Try the Tuesday evening group",
    ),
    (Dimension::Health, "Keep my appointments for buprenorphine", "It keeps me steady", "Put the dates in my phone"),
    (Dimension::Purpose, "Finish my GED", "For my kids, and for me", "Sign up for the spring class"),
    (Dimension::Community, "Reconnect with my sister", "She was always there for me", "Write her a letter"),
    (Dimension::Home, "Keep my apartment", "It's the first place that's mine", "Set up automatic rent payment"),
];

pub async fn seed(
    store: &Store,
    org: OrgId,
    coach: Option<AccountId>,
    password_hash: &str,
    tz: chrono_tz::Tz,
) -> anyhow::Result<()> {
    let Some(coach) = coach else { return Ok(()) };
    let mut rng = StdRng::seed_from_u64(2026);
    let people = person::Entity::find()
        .filter(person::Column::OrgId.eq(org.as_uuid()))
        .order_by_asc(person::Column::PreferredName)
        .all(store.reader())
        .await?;
    let scope = PersonScope { org, assigned_to: None, only_person: None };
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let today = Utc::now().date_naive();
    for (i, p) in people.iter().enumerate() {
        let id = PersonId::from_uuid(p.id);
        let tx = store.begin().await?;
        plans::save(
            &tx,
            &scope,
            id,
            0,
            &plan_for(i, today),
            Author { account: coach, kind: "staff", restored_from: None },
        )
        .await?;
        // A year of check-ins, every two to four days, mood rising and craving easing with noise.
        let mut day = today - Duration::days(365);
        let mut n = 0u32;
        while day < today {
            let progress = f64::from(n) / 120.0;
            let mood = (2.0 + progress * 2.0 + rng.gen_range(-1.0..1.0)).round().clamp(1.0, 5.0) as u8;
            let craving = (7.0 - progress * 5.0 + rng.gen_range(-2.0..2.0)).round().clamp(0.0, 10.0) as u8;
            let used = craving >= 7 && rng.gen_bool(0.3);
            let c = Checkin {
                mood,
                craving,
                used_since_last: used,
                use_note: used.then(|| "A hard weekend".to_owned()),
                meetings_attended: rng.gen_range(0..4),
                supports: n.is_multiple_of(3).then(|| "My sponsor".to_owned()),
                safe: true,
            };
            let at = day
                .and_hms_opt(rng.gen_range(8..21), rng.gen_range(0..60), 0)
                .map(|t| t.and_utc())
                .unwrap_or_else(Utc::now);
            records::add_checkin(&tx, &scope, id, &c, coach, at).await?;
            day += Duration::days(rng.gen_range(2..5));
            n += 1;
        }
        // One recent unsafe check-in, so the caseload has something urgent.
        if i == 2 {
            let c = Checkin {
                mood: 1,
                craving: 8,
                used_since_last: false,
                use_note: None,
                meetings_attended: 0,
                supports: None,
                safe: false,
            };
            let saved = records::add_checkin(&tx, &scope, id, &c, coach, Utc::now() - Duration::hours(3)).await?;
            records::raise_attention(&tx, &scope, id, "unsafe_checkin", true, Some(saved.id)).await?;
        }
        // Quarterly BARC-10s: most rise; one person's last one drops.
        for q in 0..5 {
            let base = 30 + q * 4 + i64::try_from(i % 3).unwrap_or(0) * 2;
            let base = if i == 4 && q == 4 { base - 9 } else { base };
            let answers: Vec<Option<i64>> =
                (0..10).map(|k| Some(((base + k % 3) / 10 + rng.gen_range(0..2)).clamp(1, 6))).collect();
            let a = Barc10Answers::parse(&answers).map_err(|e| anyhow::anyhow!("demo BARC-10: {e}"))?;
            let at = (today - Duration::days(365 - q * 90))
                .and_hms_opt(11, 0, 0)
                .map(|t| t.and_utc())
                .unwrap_or_else(Utc::now);
            records::add_assessment(&tx, &scope, id, &a, coach, "staff", at).await?;
        }
        checkup_history(&tx, &scope, p, i, coach, &mut rng, tz).await?;
        // Encounters every two weeks or so.
        let mut day = today - Duration::days(360);
        while day < today {
            let e = Encounter {
                date: day,
                kind: EncounterType::ALL[rng.gen_range(0..EncounterType::ALL.len())],
                minutes: rng.gen_range(15..75),
                topics: vec![["housing", "work", "family", "meetings", "health"][rng.gen_range(0..5)].to_owned()],
                notes: Some("Checked in about the week; talked through next steps.".into()),
            };
            records::add_encounter(&tx, &scope, id, &e, coach).await?;
            day += Duration::days(rng.gen_range(10..18));
        }
        audit::append(
            &tx,
            &actor,
            AuditEntry::new(AuditAction::PersonCreate, AuditOutcome::Success).detail("demo_records").on("person", p.id),
        )
        .await?;
        tx.commit().await?;
        if p.preferred_name == "Alex Rivera" {
            accounts::create_person_account(
                store.writer(),
                org,
                id,
                PERSON_USERNAME,
                &p.preferred_name,
                password_hash,
                Some("en"),
            )
            .await?;
        }
    }
    Ok(())
}

/// Up to two years of quarterly check-ups: each demo person enrolled at a different time. Most check-ups are done
/// within their window; the fourth person missed the latest one (overdue); the second person's latest check-up
/// found a need for treatment (an open linkage task); the sixth needed treatment a year ago and arrived nine days
/// later (the program's time-to-treatment figure).
async fn checkup_history(
    tx: &pathways_store::sea_orm::DatabaseTransaction,
    scope: &PersonScope,
    p: &person::Model,
    i: usize,
    coach: AccountId,
    rng: &mut StdRng,
    tz: chrono_tz::Tz,
) -> anyhow::Result<()> {
    use pathways_domain::checkup::{CheckupAnswers, RawCheckupAnswers};
    use pathways_store::checkups::{self, By, LinkageStep};
    use pathways_store::sea_orm::{ActiveModelTrait, ActiveValue::Set};

    let now = Utc::now();
    let enrolled = now - Duration::days(700 - 40 * i64::try_from(i % 12).unwrap_or(0));
    let mut m: person::ActiveModel = p.clone().into();
    m.created_at = Set(enrolled);
    m.update(tx).await?;
    let id = PersonId::from_uuid(p.id);
    let program = checkups::program(tx, scope.org, tz).await?;
    let dues: Vec<_> = program
        .schedule
        .fixed_dates(enrolled.date_naive())
        .into_iter()
        .filter(|d| *d + Duration::days(14) < now.date_naive())
        .collect();
    let by = By { account: coach, kind: "staff" };
    for (k, due) in dues.iter().enumerate() {
        let last = k + 1 == dues.len();
        if last && i == 3 {
            break;
        }
        let need = (last && i == 1) || (k == 1 && i == 5);
        let raw = RawCheckupAnswers {
            days_alcohol_90: Some(if need { 24 } else { rng.gen_range(0..6) }),
            days_drugs_90: Some(0),
            weekly_use_since_last: Some(need),
            past_month_problems: Some(if need { vec!["work_or_school".into()] } else { vec![] }),
            wants_treatment: Some(need),
            in_treatment: Some(false),
            housing: Some("stable".into()),
            ..RawCheckupAnswers::default()
        };
        let answers = CheckupAnswers::parse(&raw).map_err(|e| anyhow::anyhow!("demo check-up: {e:?}"))?;
        let at = due.and_hms_opt(15, 0, 0).map(|t| t.and_utc()).unwrap_or(now) + Duration::days(rng.gen_range(-5..8));
        let done = checkups::record(tx, scope, id, &answers, by, at, tz).await?;
        if k == 1
            && i == 5
            && let Some(task) = done.and_then(|d| d.linkage_task)
        {
            let steps = [(LinkageStep::Feedback, 0), (LinkageStep::Appointment(None), 3), (LinkageStep::Arrived, 9)];
            for (step, days) in steps {
                checkups::linkage_step(tx, scope, id, task, step, at + Duration::days(days)).await?;
            }
        }
    }
    Ok(())
}

fn plan_for(i: usize, today: NaiveDate) -> PlanContent {
    let mut goals = Vec::new();
    for k in 0..3 {
        let (dimension, text, why, step) = GOALS[(i * 3 + k) % GOALS.len()];
        goals.push(Goal {
            id: Uuid::now_v7(),
            dimension,
            text: text.into(),
            why: why.into(),
            strengths: "I keep showing up".into(),
            steps: vec![ActionStep {
                what: step.into(),
                who: "me and my coach".into(),
                by: Some(today + Duration::days(14 + 7 * k as i64)),
                done: k == 0,
            }],
            supports: vec!["My recovery coach".into()],
            target_date: Some(today + Duration::days(90)),
            status: [GoalStatus::InProgress, GoalStatus::NotStarted, GoalStatus::Achieved][k % 3],
            notes: vec![ProgressNote {
                date: today - Duration::days(20),
                text: "Talked this through; feeling hopeful.".into(),
            }],
        });
    }
    let mut pathways = std::collections::BTreeSet::new();
    pathways.insert(Pathway::PeerCoaching);
    pathways.insert([Pathway::MutualHelp, Pathway::Medication, Pathway::SelfManagement, Pathway::FaithBased][i % 4]);
    PlanContent {
        pathways,
        pathway_other: String::new(),
        stage: Some([Stage::Stabilization, Stage::Maintenance, Stage::Engagement, Stage::QualityOfLife][i % 4]),
        // Some reviews are already due.
        review_date: Some(if i.is_multiple_of(3) {
            today - Duration::days(3)
        } else {
            today + Duration::days(30 + 10 * i as i64)
        }),
        goals,
    }
}
