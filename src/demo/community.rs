//! Demo recovery community (issue 20): the demo center's week — a group each day of the week (all-recovery,
//! family, SMART, art, job club, a Spanish-language group and an online one), two one-time events (a naloxone
//! training and a recovery walk), an open kiosk and today's first few drop-in visits, the trainings and naloxone
//! kits of the last weeks (counts), two volunteers with their hours, and a designated town and employer. All
//! fictional, marked "(demo)".

use chrono::{Datelike as _, Duration};
use chrono_tz::Tz;
use pathways_domain::OrgId;
use pathways_domain::community::education::{EducationForm, EducationPage};
use pathways_domain::community::kiosk::SignIn;
use pathways_domain::community::naloxone::{NaloxoneReport, Training, TrainingKind};
use pathways_domain::community::volunteers::{Designation, DesignationKind, Hours, ValidUntil, Volunteer};
use pathways_domain::community::{EventDetails, EventForm, weekday_code};
use pathways_store::Store;
use pathways_store::audit::Actor;
use pathways_store::community::{self, KioskRef};
use pathways_store::{education, naloxone, volunteers};

/// (title, kind, days from today, start, minutes, repeat, place, online link, language, who it is for)
type DemoGathering = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    u32,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const PLACE: &str = "198 Wethersfield Avenue, Hartford (demo) — Community room";

const GATHERINGS: [DemoGathering; 9] = [
    ("All-recovery group (demo)", "group", 0, "18:30", 90, "weekly", PLACE, "", "en", "everyone"),
    (
        "Family and friends support group (demo)",
        "group",
        1,
        "18:00",
        90,
        "weekly",
        PLACE,
        "",
        "en",
        "family-and-friends",
    ),
    ("SMART Recovery meeting (demo)", "group", 2, "19:00", 90, "weekly", PLACE, "", "en", "people-in-recovery"),
    ("Recovery through art (demo)", "group", 3, "14:00", 120, "weekly", PLACE, "", "en", "everyone"),
    ("Job club (demo)", "group", 4, "10:00", 90, "weekly", PLACE, "", "en", "people-in-recovery"),
    ("Grupo de recuperación en español (demo)", "group", 5, "17:00", 90, "weekly", PLACE, "", "es", "everyone"),
    (
        "Online all-recovery group (demo)",
        "group",
        6,
        "20:00",
        60,
        "weekly",
        "",
        "https://meet.example.org/demo-recovery",
        "en",
        "everyone",
    ),
    ("Naloxone training (demo)", "event", 3, "12:00", 60, "once", PLACE, "", "en-es", "everyone"),
    (
        "Recovery walk and celebration (demo)",
        "event",
        10,
        "10:00",
        180,
        "once",
        "Bushnell Park, Hartford (demo)",
        "",
        "en-es",
        "everyone",
    ),
];

/// Seeds the demo center's week; how many gatherings.
pub async fn seed(store: &Store, org: OrgId, tz: Tz) -> anyhow::Result<usize> {
    let actor = Actor::default();
    let now = pathways_store::now();
    let today = now.with_timezone(&tz).date_naive();
    let tx = store.begin().await?;
    let mut first_group = None;
    for (title, kind, days, at, minutes, repeat, place, link, language, audience) in GATHERINGS {
        let on = today + Duration::days(days);
        let form = EventForm {
            kind: kind.into(),
            title: title.into(),
            description: String::new(),
            starts_on: on.to_string(),
            starts_at: at.into(),
            duration_minutes: minutes.to_string(),
            repeat: repeat.into(),
            days: vec![weekday_code(on.weekday()).into()],
            until: String::new(),
            place: place.into(),
            online_url: link.into(),
            language: language.into(),
            audience: audience.into(),
        };
        let details = EventDetails::parse(&form).map_err(|e| anyhow::anyhow!("demo gathering {title}: {e:?}"))?;
        let id = community::create(&tx, &actor, org, &details, tz, now).await?;
        first_group.get_or_insert(id);
    }
    // An open kiosk (its tablet's token is not kept: staff open their own from /community/attendance) and today's
    // first visits.
    let hash = format!("{:064x}", uuid::Uuid::now_v7().as_u128());
    let kiosk = KioskRef {
        id: community::open_kiosk(&tx, &actor, org, &hash, now).await?,
        organization: org,
        opened_by: actor.account.unwrap_or_else(|| pathways_domain::AccountId::from_uuid(uuid::Uuid::nil())),
    };
    let visits = [("Ana", "06106", "group", true), ("J.", "", "computer", false), ("M.R.", "06114", "naloxone", false)];
    for (name, zip, reason, at_group) in visits {
        let s = SignIn::parse(name, zip, reason).map_err(|e| anyhow::anyhow!("demo visit: {e:?}"))?;
        let group = if at_group { first_group } else { None };
        community::record_visit(&tx, &actor, kiosk, &s, group, None, now).await?;
    }
    // Trainings held and naloxone kits given out in the last weeks (counts only, issue 20).
    let trainings =
        [(TrainingKind::Naloxone, 6, 14), (TrainingKind::Stigma, 13, 22), (TrainingKind::RecoveryAlly, 20, 9)];
    for (kind, days_ago, attendees) in trainings {
        let t = Training { kind, held_on: today - Duration::days(days_ago), attendees, place: Some(PLACE.into()) };
        naloxone::record_training(&tx, &actor, org, &t, now).await?;
    }
    for (days_ago, kits, reversals) in [(1, 12, 0), (6, 31, 1), (15, 18, 2)] {
        let r = NaloxoneReport { on: today - Duration::days(days_ago), kits, reversals };
        naloxone::record_report(&tx, &actor, org, &r, now).await?;
    }
    // Two volunteers who agreed to be listed, with hours, and a designated town and employer (issue 20). Dana's
    // training ends in 12 days and Luis's background check ended 3 days ago: the roster's reminders.
    for (name, hours, check, training) in [
        ("Dana (demo)", [("Front desk", 180), ("Recovery walk set-up", 120)], Some(200), Some(12)),
        ("Luis (demo)", [("Job club", 90), ("Front desk", 240)], Some(-3), None),
    ] {
        let v = Volunteer { name: name.into(), agreed_on: today - Duration::days(30) };
        let id = volunteers::add_volunteer(&tx, &actor, org, &v, now).await?;
        let day = |d: Option<i64>| d.map(|d| today + Duration::days(d));
        let dates = ValidUntil { background_check: day(check), training: day(training) };
        let vid = pathways_domain::ids::VolunteerId::from_uuid(id);
        volunteers::set_valid_until(&tx, &actor, org, vid, dates).await?;
        for (i, (activity, minutes)) in hours.into_iter().enumerate() {
            let h = Hours { on: today - Duration::days(2 + 7 * i as i64), activity: activity.into(), minutes };
            volunteers::log_hours(&tx, &actor, org, id, &h, now).await?;
        }
    }
    let designations = [
        (DesignationKind::Community, "Town of Wethersfield (demo)", None, 200),
        (DesignationKind::Workplace, "Riverside Hardware Co. (demo)", Some("Hartford"), 45),
    ];
    for (kind, name, town, days_ago) in designations {
        let d = Designation {
            kind,
            name: name.into(),
            town: town.map(str::to_owned),
            designated_on: today - Duration::days(days_ago),
            designated_by: "Demo State Recovery Council (demo)".into(),
        };
        volunteers::add_designation(&tx, &actor, org, &d, now).await?;
    }
    for form in education_pages() {
        let page = EducationPage::parse(&form).map_err(|e| anyhow::anyhow!("demo page {}: {e:?}", form.slug))?;
        education::save(&tx, &actor, &page, now).await?;
    }
    tx.commit().await?;
    Ok(GATHERINGS.len())
}

/// Two education pages, each citing its source (the demo's; administrators write the deployment's own).
fn education_pages() -> [EducationForm; 2] {
    [
        EducationForm {
            slug: "person-first-language".into(),
            title_en: "Words matter (demo)".into(),
            body_en: "The words we use can push people away from help or bring them closer.\n\n\
                ## Say instead\n\n\
                - *a person with a substance use disorder*, not \"an addict\" or \"a user\"\n\
                - *a person in recovery*, not \"clean\"\n\
                - *testing negative*, not \"a clean test\"\n\n\
                Person-first words describe what a person has, not who a person is."
                .into(),
            title_es: "Las palabras importan (demo)".into(),
            body_es: "Las palabras que usamos pueden alejar a las personas de la ayuda o acercarlas.\n\n\
                ## Diga en cambio\n\n\
                - *una persona con un trastorno por consumo de sustancias*, no \"un adicto\"\n\
                - *una persona en recuperación*, no \"limpia\"\n\
                - *un resultado negativo*, no \"una prueba limpia\"\n\n\
                Las palabras que ponen primero a la persona describen lo que una persona tiene, no quién es."
                .into(),
            source: "National Institute on Drug Abuse (NIDA), Words Matter: Terms to Use and Avoid When Talking About \
                     Addiction"
                .into(),
            source_url: String::new(),
        },
        EducationForm {
            slug: "naloxone".into(),
            title_en: "Naloxone saves lives (demo)".into(),
            body_en: "Naloxone is a medicine that can quickly reverse an opioid overdose. It comes as a nasal spray \
                and as an injection, and the nasal spray can be bought without a prescription.\n\n\
                If someone will not wake up or is not breathing, call 911, give naloxone, and stay with them.\n\n\
                [Find naloxone near you](/find?q=naloxone)"
                .into(),
            title_es: "La naloxona salva vidas (demo)".into(),
            body_es: "La naloxona es un medicamento que puede revertir rápidamente una sobredosis de opioides. \
                Viene en aerosol nasal y en inyección, y el aerosol nasal se puede comprar sin receta.\n\n\
                Si alguien no despierta o no respira, llame al 911, dele naloxona y quédese con la persona.\n\n\
                [Encuentre naloxona cerca de usted](/find?q=naloxone)"
                .into(),
            source: "National Institute on Drug Abuse (NIDA), Naloxone DrugFacts".into(),
            source_url: String::new(),
        },
    ]
}

/// `pathways demo generate --centers N --events M` (the calendar benchmark, `bench/community.py`): `centers`
/// generated recovery community centers sharing `events` groups and events — mostly weekly groups (some every
/// other week) at every hour of the day, a few one-time events over the next eight weeks, one in seven in Spanish,
/// one in ten online; the centers in five regions. Fictional, marked "(generated)"; the same set for the same
/// sizes.
pub async fn generate_calendar(store: &Store, centers: usize, events: usize, tz: Tz) -> anyhow::Result<()> {
    use pathways_domain::org::{OrgKind, Slug};
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    const REGIONS: [&str; 5] = ["North Central", "Eastern", "Southwest", "South Central", "Western"];
    let started = std::time::Instant::now();
    let mut rng = StdRng::seed_from_u64(20);
    let actor = Actor::default();
    let now = pathways_store::now();
    let today = now.with_timezone(&tz).date_naive();
    let tx = store.begin().await?;
    let mut orgs = Vec::with_capacity(centers);
    for i in 0..centers {
        let slug = Slug::parse(&format!("generated-center-{i}")).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let o = pathways_store::orgs::create(
            &tx,
            &slug,
            &format!("Generated Recovery Center {i} (generated)"),
            OrgKind::RecoveryCommunityCenter,
        )
        .await?;
        let id = OrgId::from_uuid(o.id);
        // Five regions, so the calendar's region filter has something to narrow.
        pathways_store::network::set_region(&tx, id, Some(REGIONS[i % REGIONS.len()])).await?;
        orgs.push(id);
    }
    const KINDS: [&str; 6] = ["All-recovery group", "Family group", "SMART Recovery", "Art group", "Job club", "Grupo"];
    for i in 0..events {
        let org = orgs[i % orgs.len()];
        let roll = rng.gen_range(0..100);
        let (kind, repeat, on) = match roll {
            0..5 => ("event", "once", today + Duration::days(rng.gen_range(0..56))),
            5..15 => ("group", "biweekly", today - Duration::days(rng.gen_range(0..60))),
            _ => ("group", "weekly", today - Duration::days(rng.gen_range(0..60))),
        };
        let minutes = 8 * 60 + 30 * rng.gen_range(0..27);
        let form = EventForm {
            kind: kind.into(),
            title: format!("{} {i} (generated)", KINDS[i % KINDS.len()]),
            description: String::new(),
            starts_on: on.to_string(),
            starts_at: format!("{:02}:{:02}", minutes / 60, minutes % 60),
            duration_minutes: "90".into(),
            repeat: repeat.into(),
            days: vec![weekday_code(on.weekday()).into()],
            until: String::new(),
            place: if i % 10 == 3 {
                String::new()
            } else {
                format!("{} Main Street, Room {} (generated)", 100 + i % 900, 1 + i % 5)
            },
            online_url: if i % 10 == 3 { format!("https://meet.example.org/generated-{i}") } else { String::new() },
            language: if i % 7 == 0 { "es".into() } else { "en".into() },
            audience: "everyone".into(),
        };
        let details = EventDetails::parse(&form).map_err(|e| anyhow::anyhow!("generated gathering {i}: {e:?}"))?;
        community::create(&tx, &actor, org, &details, tz, now).await?;
    }
    tx.commit().await?;
    eprintln!(
        "Generated {centers} recovery community centers and {events} groups and events in {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
