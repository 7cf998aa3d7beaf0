//! Demo recovery community (issue 20): the demo center's week — a group each day of the week (all-recovery,
//! family, SMART, art, job club, a Spanish-language group and an online one), two one-time events (a naloxone
//! training and a recovery walk), an open kiosk and today's first few drop-in visits. All fictional, marked
//! "(demo)".

use chrono::{Datelike as _, Duration};
use chrono_tz::Tz;
use pathways_domain::OrgId;
use pathways_domain::community::kiosk::SignIn;
use pathways_domain::community::{EventDetails, EventForm, weekday_code};
use pathways_store::Store;
use pathways_store::audit::Actor;
use pathways_store::community::{self, KioskRef};

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
    let kiosk = KioskRef { id: community::open_kiosk(&tx, &actor, org, &hash, now).await?, organization: org };
    let visits = [("Ana", "06106", "group", true), ("J.", "", "computer", false), ("M.R.", "06114", "naloxone", false)];
    for (name, zip, reason, at_group) in visits {
        let s = SignIn::parse(name, zip, reason).map_err(|e| anyhow::anyhow!("demo visit: {e:?}"))?;
        let group = if at_group { first_group } else { None };
        community::record_visit(&tx, &actor, kiosk, &s, group, None, now).await?;
    }
    tx.commit().await?;
    Ok(GATHERINGS.len())
}
