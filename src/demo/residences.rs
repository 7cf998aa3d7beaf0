//! `pathways demo generate --residences N`: a national set of clearly fictional recovery residences for the
//! housing board's benchmark (issue 19), spread over every US ZIP code, operated by one generated organization.
//! Like the real registry: most certificates valid (some expiring, a few expired or missing), most reports from
//! this week (some stale, a few never), many homes full. Rows are written in bulk, without audit events, as the
//! rest of the generated sets are.

use std::time::Instant;

use chrono::Duration;
use pathways_domain::housing::{NarrLevel, Payment, Population};
use pathways_domain::org::{OrgKind, Slug};
use pathways_store::bulk::insert_all;
use pathways_store::entities::{residence, residence_report};
use pathways_store::{Store, orgs};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;

const STREETS: [&str; 8] = ["Maple", "Oak", "Elm", "Cedar", "Willow", "Chestnut", "Birch", "Spruce"];
const NAMES: [&str; 8] =
    ["Harbor", "Serenity", "New Leaf", "Fellowship", "Sunrise", "Common Ground", "Open Door", "Lighthouse"];

/// Makes `n` residences; how many, and the seconds it took.
pub async fn generate(store: &Store, n: usize) -> anyhow::Result<(usize, f64)> {
    let started = Instant::now();
    if n == 0 {
        return Ok((0, 0.0));
    }
    let mut rng = StdRng::seed_from_u64(19);
    let now = pathways_store::now();
    let today = now.date_naive();
    let slug = format!("residences-{}", &Uuid::now_v7().simple().to_string()[24..]);
    let org = orgs::create(
        store.writer(),
        &Slug::parse(&slug)?,
        "Generated Recovery Residences (fictional)",
        OrgKind::TreatmentProvider,
    )
    .await?;
    let zips = super::directory::zips(None);
    anyhow::ensure!(!zips.is_empty(), "no ZIP codes to place residences in");
    let mut rows = Vec::with_capacity(n);
    let mut reports = Vec::with_capacity(n);
    for i in 0..n {
        let z = &zips[(i * 7_919) % zips.len()];
        let (lat, lon) = (z.lat.parse::<f64>().ok(), z.long.parse::<f64>().ok());
        let level = NarrLevel::ALL[i % 4];
        let mut populations: Vec<Population> = Population::ALL.into_iter().filter(|_| rng.gen_bool(0.3)).collect();
        if populations.is_empty() {
            populations.push(if i % 2 == 0 { Population::Men } else { Population::Women });
        }
        let total = rng.gen_range(4..=20);
        let available = if rng.gen_bool(0.4) { 0 } else { rng.gen_range(0..=total) };
        // Certificates: 5 % none, 5 % expired, 10 % expiring within 30 days, the rest valid for up to two years.
        let cert = match rng.gen_range(0..100) {
            0..5 => None,
            5..10 => Some(today - Duration::days(rng.gen_range(1..200))),
            10..20 => Some(today + Duration::days(rng.gen_range(0..30))),
            _ => Some(today + Duration::days(rng.gen_range(30..730))),
        };
        // Reports: 3 % never, 12 % stale (8 to 40 days), the rest within the week.
        let reported_at = match rng.gen_range(0..100) {
            0..3 => None,
            3..15 => Some(now - Duration::days(rng.gen_range(8..40))),
            _ => Some(now - Duration::minutes(rng.gen_range(5..(7 * 24 * 60)))),
        };
        let serves_oud = rng.gen_bool(0.6);
        let doses = rng.gen_range(0..5);
        let id = Uuid::now_v7();
        rows.push(residence::Model {
            id,
            organization_id: org.id,
            service_id: None,
            name: format!("{} House {i} (fictional)", NAMES[i % NAMES.len()]),
            address: format!("{} {} Street", 1 + i % 400, STREETS[i % STREETS.len()]),
            town: z.city.clone(),
            zip: Some(z.zip_code.clone()),
            region: Some(z.state.clone()),
            latitude: lat,
            longitude: lon,
            level: level.code().to_owned(),
            populations: Population::join(&populations),
            accepts_moud: rng.gen_bool(0.7),
            serves_oud,
            total_beds: total,
            available_beds: if reported_at.is_some() { available } else { 0 },
            held: 0,
            reported_at,
            cert_body: cert.map(|_| "Generated Certifier (fictional)".to_owned()),
            cert_number: cert.map(|_| format!("GEN-{i:06}")),
            cert_expires_on: cert,
            house_rules: Some("House meeting weekly; chores shared; no substances on the premises.".to_owned()),
            cost_per_week: rng.gen_bool(0.9).then(|| rng.gen_range(100..=350)),
            payments: Payment::join(if i % 3 == 0 {
                &[Payment::SelfPay, Payment::Voucher]
            } else {
                &[Payment::SelfPay]
            }),
            naloxone_doses: doses,
            naloxone_trained_on: rng.gen_bool(0.8).then(|| today - Duration::days(rng.gen_range(1..300))),
            disclaimer: "A recovery residence, not licensed treatment (fictional).".to_owned(),
            created_at: now,
            updated_at: now,
        });
        if let Some(at) = reported_at {
            reports.push(residence_report::Model {
                id: Uuid::now_v7(),
                residence_id: id,
                available_beds: available,
                total_beds: total,
                naloxone_doses: doses,
                reported_at: at,
                reported_by_account_id: None,
            });
        }
    }
    insert_all::<residence::Entity, _>(store.writer(), rows).await?;
    insert_all::<residence_report::Entity, _>(store.writer(), reports).await?;
    Ok((n, started.elapsed().as_secs_f64()))
}
