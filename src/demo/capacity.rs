//! Demo treatment programs for the access line and the capacity board: every level of care, across
//! Connecticut's five DMHAS regions, with counts of varied freshness (some stale), waitlists, and a few beds held
//! for calls in flight. All fictional and marked "(demo)".

use chrono::Duration;
use pathways_domain::OrgId;
use pathways_domain::access_line::call::{Call, CallerType, Ride};
use pathways_domain::access_line::triage::{CallAnswers, Substance, suggest};
use pathways_domain::access_line::{BedCount, LevelOfCare};
use pathways_domain::directory::geo::LatLon;
use pathways_store::Store;
use pathways_store::access_calls::{RideFor, create_call, request_ride};
use pathways_store::audit::Actor;
use pathways_store::capacity::{NewProgram, Reservation, create_program, reserve};

/// (name, level, town's place, region, licensed, open, waitlist, hours since the count, held for calls).
type DemoProgram = (&'static str, LevelOfCare, (f64, f64), &'static str, u32, u32, u32, i64, u32);

const PROGRAMS: [DemoProgram; 18] = [
    (
        "Capitol Withdrawal Management (demo)",
        LevelOfCare::MedicallyMonitoredWithdrawal,
        (41.7658, -72.6734),
        "North Central",
        24,
        3,
        0,
        1,
        1,
    ),
    (
        "Elm City Detox (demo)",
        LevelOfCare::MedicallyMonitoredWithdrawal,
        (41.3083, -72.9279),
        "South Central",
        20,
        0,
        0,
        2,
        0,
    ),
    (
        "Park City Withdrawal Center (demo)",
        LevelOfCare::ResidentialWithdrawal,
        (41.1865, -73.1952),
        "Southwest",
        16,
        2,
        0,
        11,
        0,
    ),
    ("Brass City Detox (demo)", LevelOfCare::ResidentialWithdrawal, (41.5582, -73.0515), "Western", 12, 4, 0, 0, 1),
    ("Thames Valley Detox (demo)", LevelOfCare::ResidentialWithdrawal, (41.5243, -72.0759), "Eastern", 10, 1, 2, 3, 0),
    (
        "Riverview Hospital Withdrawal Unit (demo)",
        LevelOfCare::MedicallyManagedWithdrawal,
        (41.5623, -72.6506),
        "South Central",
        8,
        1,
        0,
        5,
        0,
    ),
    (
        "Greater Hartford Residential (demo)",
        LevelOfCare::ResidentialHighIntensity,
        (41.7637, -72.6851),
        "North Central",
        30,
        5,
        0,
        2,
        0,
    ),
    (
        "Shoreline Recovery House (demo)",
        LevelOfCare::ResidentialHighIntensity,
        (41.3557, -72.0995),
        "Eastern",
        18,
        0,
        4,
        26,
        0,
    ),
    (
        "Housatonic Residential (demo)",
        LevelOfCare::ResidentialHighIntensity,
        (41.3948, -73.4540),
        "Western",
        22,
        2,
        0,
        9,
        0,
    ),
    (
        "Windham Women and Children (demo)",
        LevelOfCare::ResidentialPopulationSpecific,
        (41.7107, -72.2081),
        "Eastern",
        14,
        2,
        0,
        4,
        0,
    ),
    (
        "Litchfield Hills Residential (demo)",
        LevelOfCare::ResidentialLowIntensity,
        (41.8007, -73.1212),
        "Western",
        16,
        6,
        0,
        1,
        0,
    ),
    (
        "Quinnipiac Inpatient (demo)",
        LevelOfCare::MedicallyMonitoredInpatient,
        (41.3260, -72.9456),
        "South Central",
        20,
        1,
        0,
        7,
        0,
    ),
    (
        "Gold Coast Residential (demo)",
        LevelOfCare::ResidentialHighIntensity,
        (41.0534, -73.5387),
        "Southwest",
        24,
        3,
        0,
        14,
        0,
    ),
    (
        "Naugatuck Valley Withdrawal (demo)",
        LevelOfCare::MedicallyMonitoredWithdrawal,
        (41.4892, -73.0518),
        "Western",
        18,
        2,
        0,
        0,
        0,
    ),
    // Levels without beds: their counts are intake openings this week.
    (
        "Asylum Hill Intensive Outpatient (demo)",
        LevelOfCare::IntensiveOutpatient,
        (41.7712, -72.6960),
        "North Central",
        12,
        4,
        0,
        3,
        0,
    ),
    (
        "Wooster Square Outpatient (demo)",
        LevelOfCare::Outpatient,
        (41.3040, -72.9170),
        "South Central",
        30,
        9,
        0,
        20,
        0,
    ),
    (
        "Middlesex Partial Hospital Program (demo)",
        LevelOfCare::PartialHospitalization,
        (41.5560, -72.6560),
        "South Central",
        10,
        2,
        0,
        6,
        0,
    ),
    (
        "Capitol Opioid Treatment Program (demo)",
        LevelOfCare::OpioidTreatmentProgram,
        (41.7580, -72.6800),
        "North Central",
        40,
        6,
        0,
        2,
        0,
    ),
];

fn populations(level: LevelOfCare, name: &str) -> Vec<String> {
    if name.contains("Women") {
        vec!["women".into(), "parents-with-children".into()]
    } else if level.is_withdrawal_management() {
        Vec::new()
    } else if name.contains("Gold Coast") {
        vec!["men".into()]
    } else {
        vec!["men".into(), "women".into()]
    }
}

/// Adds the demo programs to `org` (the demo organization, so its provider staff can update them).
pub async fn seed(store: &Store, org: OrgId) -> anyhow::Result<usize> {
    let now = pathways_store::now();
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let tx = store.begin().await?;
    let mut residential = None;
    for &(name, level, (lat, lon), region, licensed, open, waitlist, hours_ago, held) in &PROGRAMS {
        let p = NewProgram {
            organization: org,
            service_id: None,
            name: name.to_owned(),
            level,
            populations: populations(level, name),
            region: Some(region.to_owned()),
            place: LatLon::new(lat, lon).ok(),
            counts: BedCount { licensed, open, waitlist },
        };
        let updated = now - Duration::hours(hours_ago) - Duration::minutes(i64::from(licensed % 7) * 5);
        let id = create_program(&tx, &actor, &p, updated).await?;
        for _ in 0..held {
            reserve(&tx, &actor, id, None, now, Duration::hours(4)).await?;
        }
        if name.starts_with("Greater Hartford Residential") {
            residential = Some((id, name, level));
        }
    }
    // A call in flight: a provider called 40 minutes ago for someone without a home who returned to use; a
    // residential bed is held and the ride is waiting in the transport queue.
    if let Some((program, name, level)) = residential {
        let call = Call {
            caller_type: CallerType::Provider,
            first_name: Some("Jordan".into()),
            callback: Some("+18605550142".into()),
            place: Some("Hartford".into()),
            answers: CallAnswers {
                substances: vec![Substance::Stimulants],
                hours_since_last_use: Some(30),
                unstably_housed: true,
                recent_return_to_use: true,
                ..CallAnswers::default()
            },
        };
        let at = now - Duration::minutes(40);
        let place = LatLon::new(41.7658, -72.6734).ok();
        let call_id = create_call(&tx, &actor, org, &call, place, &suggest(&call.answers), at).await?;
        let hold = match reserve(&tx, &actor, program, Some(call_id), at, Duration::hours(4)).await? {
            Some(Reservation::Held(h)) => Some(h.id),
            _ => None,
        };
        let ride = Ride {
            pickup: "Hartford shelter, front desk (demo)".into(),
            destination: name.to_owned(),
            within_hours: 4,
            notes: None,
        };
        request_ride(&tx, &actor, org, RideFor { call: call_id, hold, level: Some(level) }, &ride, at).await?;
    }
    tx.commit().await?;
    Ok(PROGRAMS.len())
}
