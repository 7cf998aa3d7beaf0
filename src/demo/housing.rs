//! Demo recovery residences (issue 19): a dozen fictional Connecticut homes across the four NARR levels and the
//! five DMHAS regions, operated by the demo organization (so `provider_staff@…` reports their beds), with weekly
//! reports — one stale, one certificate expired, one flagged by the naloxone rule — and one held bed. The
//! certifier's name is the real Connecticut NARR affiliate's; every residence, address and certificate number is
//! invented and marked "(demo)"/"DEMO-".

use chrono::Duration;
use pathways_domain::OrgId;
use pathways_domain::directory::geo::LatLon;
use pathways_domain::housing::{Certification, NarrLevel, Payment, Population};
use pathways_store::Store;
use pathways_store::audit::Actor;
use pathways_store::housing::{NewResidence, create, report, reserve};

/// The certifying body named on the demo certificates (Connecticut's NARR affiliate).
const CERTIFIER: &str = "Connecticut Alliance of Recovery Residences (CCAR)";

/// (name, street, town, (lat, lon), region, level, populations, MOUD, beds, open, cost, days since the report,
/// days until the certificate expires, naloxone doses)
type DemoHouse = (
    &'static str,
    &'static str,
    &'static str,
    (f64, f64),
    &'static str,
    NarrLevel,
    &'static [Population],
    bool,
    u32,
    u32,
    u32,
    i64,
    i64,
    u32,
);

const HOUSES: [DemoHouse; 12] = [
    (
        "Maple Street House (demo)",
        "14 Maple Street",
        "Hartford",
        (41.7658, -72.6734),
        "North Central",
        NarrLevel::Monitored,
        &[Population::Men],
        true,
        8,
        2,
        165,
        2,
        240,
        3,
    ),
    (
        "Willow House for Women (demo)",
        "88 Willow Avenue",
        "Hartford",
        (41.7712, -72.6801),
        "North Central",
        NarrLevel::Supervised,
        &[Population::Women, Population::WomenWithChildren],
        true,
        10,
        1,
        210,
        1,
        300,
        2,
    ),
    (
        "Charter Oak Peer House (demo)",
        "5 Charter Lane",
        "New Britain",
        (41.6612, -72.7795),
        "North Central",
        NarrLevel::PeerRun,
        &[Population::Men],
        false,
        7,
        0,
        140,
        4,
        180,
        2,
    ),
    (
        "Harbor Light Residence (demo)",
        "230 Harbor Road",
        "New Haven",
        (41.3083, -72.9279),
        "South Central",
        NarrLevel::ServiceProvider,
        &[Population::Men, Population::Women],
        true,
        16,
        3,
        0,
        0,
        365,
        4,
    ),
    (
        "Elm City Young Adult House (demo)",
        "41 Orange Street",
        "New Haven",
        (41.3102, -72.9241),
        "South Central",
        NarrLevel::Monitored,
        &[Population::YoungAdults, Population::Lgbtq],
        true,
        6,
        1,
        175,
        3,
        150,
        2,
    ),
    (
        "Rainbow Bridge House (demo)",
        "9 Bridge Street",
        "Middletown",
        (41.5623, -72.6506),
        "South Central",
        NarrLevel::Monitored,
        &[Population::Lgbtq],
        true,
        6,
        0,
        160,
        12,
        200,
        2,
    ),
    (
        "Park City Recovery Home (demo)",
        "300 Park Avenue",
        "Bridgeport",
        (41.1865, -73.1952),
        "Southwest",
        NarrLevel::Monitored,
        &[Population::Men],
        true,
        9,
        2,
        150,
        5,
        90,
        1,
    ),
    (
        "Seaside House (demo)",
        "17 Shore Road",
        "Norwalk",
        (41.1177, -73.4082),
        "Southwest",
        NarrLevel::Supervised,
        &[Population::Women],
        true,
        8,
        0,
        225,
        2,
        -20,
        2,
    ),
    (
        "Brass City House (demo)",
        "62 Bank Street",
        "Waterbury",
        (41.5582, -73.0515),
        "Western",
        NarrLevel::PeerRun,
        &[Population::Men],
        false,
        8,
        1,
        130,
        6,
        400,
        2,
    ),
    (
        "Hat City Home (demo)",
        "12 White Street",
        "Danbury",
        (41.3948, -73.4540),
        "Western",
        NarrLevel::Monitored,
        &[Population::Women],
        true,
        6,
        2,
        180,
        1,
        20,
        2,
    ),
    (
        "Thames River House (demo)",
        "48 Bank Street",
        "New London",
        (41.3557, -72.0995),
        "Eastern",
        NarrLevel::Supervised,
        &[Population::Men, Population::YoungAdults],
        true,
        10,
        3,
        190,
        2,
        260,
        2,
    ),
    (
        "Quiet Corner Home (demo)",
        "7 Main Street",
        "Willimantic",
        (41.7107, -72.2081),
        "Eastern",
        NarrLevel::Monitored,
        &[Population::WomenWithChildren],
        true,
        5,
        1,
        200,
        0,
        320,
        2,
    ),
];

/// Adds the demo residences; how many.
pub async fn seed(store: &Store, org: OrgId) -> anyhow::Result<usize> {
    let now = pathways_store::now();
    let today = now.date_naive();
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let tx = store.begin().await?;
    let mut first = None;
    for (
        i,
        &(
            name,
            street,
            town,
            (lat, lon),
            region,
            level,
            populations,
            moud,
            beds,
            open,
            cost,
            days_ago,
            expires_in,
            doses,
        ),
    ) in HOUSES.iter().enumerate()
    {
        let r = NewResidence {
            organization: org,
            service_id: None,
            name: name.to_owned(),
            address: street.to_owned(),
            town: town.to_owned(),
            zip: None,
            region: Some(region.to_owned()),
            place: LatLon::new(lat, lon).ok(),
            level,
            populations: populations.to_vec(),
            accepts_moud: moud,
            serves_oud: true,
            total_beds: beds,
            certification: Some(Certification {
                body: CERTIFIER.to_owned(),
                number: format!("DEMO-{:04}", 101 + i),
                expires_on: today + Duration::days(expires_in),
            }),
            house_rules: Some(
                "Substance-free home; weekly house meeting; chores shared; visitors until 9 pm (demo).".to_owned(),
            ),
            cost_per_week: (cost > 0).then_some(cost),
            payments: if cost == 0 { vec![Payment::Voucher] } else { vec![Payment::SelfPay, Payment::Voucher] },
            naloxone_doses: doses,
            naloxone_trained_on: Some(today - Duration::days(30 + i64::try_from(i).unwrap_or(0) * 5)),
            disclaimer: "A recovery residence is a substance-free home with peer support. It is not licensed \
                         treatment."
                .to_owned(),
        };
        let id = create(&tx, &actor, &r, now).await?;
        // Two earlier weeks, then the last report `days_ago` days ago: the history the state's figures read.
        for week in [14, 7] {
            let at = now - Duration::days(days_ago + week);
            report(&tx, &actor, None, id, open.saturating_sub(1).min(beds), None, at).await?;
        }
        report(&tx, &actor, None, id, open, None, now - Duration::days(days_ago) - Duration::hours(2)).await?;
        if first.is_none() && open > 1 {
            first = Some(id);
        }
    }
    // A bed held for a referral in flight.
    if let Some(id) = first {
        reserve(&tx, &actor, id, None, now - Duration::hours(3), today).await?;
    }
    tx.commit().await?;
    Ok(HOUSES.len())
}

/// Makes the first demo "Recovery House" listing of the directory a residence the second demo organization
/// operates (its directory organization linked to it, as `link_a_provider` does for a treatment provider), so a
/// coach of the demo organization can refer a person there and hold a bed, and the other organization's staff
/// answer in its inbox (placement, issue 19). The listing's name, when there is one.
pub async fn link_a_residence(store: &Store, other: OrgId) -> anyhow::Result<Option<String>> {
    use pathways_store::entities::{dir_location, dir_service, dir_service_at_location};
    use pathways_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let first = dir_service::Entity::find()
        .filter(dir_service::Column::IsMeeting.eq(false))
        .filter(dir_service::Column::Source.eq(super::directory::DEMO_SOURCE))
        .filter(dir_service::Column::Name.contains("Recovery House"))
        .filter(dir_service::Column::RetiredAt.is_null())
        .order_by_asc(dir_service::Column::Name)
        .one(store.reader())
        .await?;
    let Some(service) = first else { return Ok(None) };
    let location = dir_service_at_location::Entity::find()
        .filter(dir_service_at_location::Column::ServiceId.eq(service.id))
        .one(store.reader())
        .await?;
    let location = match location {
        Some(sal) => dir_location::Entity::find_by_id(sal.location_id).one(store.reader()).await?,
        None => None,
    };
    let place = location.as_ref().and_then(|l| l.latitude.zip(l.longitude)).and_then(|(a, b)| LatLon::new(a, b).ok());
    // The listing's town (HSDS `addresses[0].city`), so the board's town filter and the map agree.
    let town = location
        .as_ref()
        .and_then(|l| l.doc["addresses"][0]["city"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "Hartford".to_owned());
    pathways_store::referrals::link_directory_org(store.writer(), service.organization_id, Some(other)).await?;
    let now = pathways_store::now();
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let r = NewResidence {
        organization: other,
        service_id: Some(service.id),
        name: service.name.clone(),
        address: "77 Placement Way (demo)".to_owned(),
        town,
        zip: location.as_ref().and_then(|l| l.postal_code.clone()),
        region: None,
        place: place.or_else(|| LatLon::new(41.7637, -72.6851).ok()),
        level: NarrLevel::Monitored,
        populations: vec![Population::Men, Population::Women],
        accepts_moud: true,
        serves_oud: true,
        total_beds: 6,
        certification: Some(Certification {
            body: CERTIFIER.to_owned(),
            number: "DEMO-0201".to_owned(),
            expires_on: now.date_naive() + Duration::days(300),
        }),
        house_rules: Some("Substance-free home; weekly house meeting (demo).".to_owned()),
        cost_per_week: Some(160),
        payments: vec![Payment::SelfPay, Payment::Voucher],
        naloxone_doses: 2,
        naloxone_trained_on: Some(now.date_naive() - Duration::days(20)),
        disclaimer: "A recovery residence is a substance-free home with peer support. It is not licensed treatment."
            .to_owned(),
    };
    let tx = store.begin().await?;
    let id = create(&tx, &actor, &r, now).await?;
    report(&tx, &actor, None, id, 2, None, now - Duration::hours(5)).await?;
    tx.commit().await?;
    Ok(Some(service.name))
}
