//! The demo directory: Connecticut. Real public resources with their published numbers and sites, and generated,
//! clearly fictional programs and meetings (every one says so) spread over real Connecticut towns and ZIP codes.
//! Fictional phone numbers are in the 555-01xx range, which is never assigned.

use std::collections::HashMap;

use chrono_tz::Tz;
use pathways_domain::deployment::Deployment;
use pathways_store::Store;
use pathways_store::directory::{ImportCounts, SourceDoc, SourceLocation, SourceRecord, import_source};
use pathways_store::import::meeting_guide::convert;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

/// How many fictional services and meetings the Connecticut demo makes.
pub const CT_SERVICES: usize = 500;
pub const CT_MEETINGS: usize = 1500;

fn attribute(link_type: &str, code: &str) -> Value {
    json!({ "link_type": link_type, "link_entity": "service", "value": code,
            "taxonomy_term": { "code": code, "name": code, "description": code } })
}

/// An HSDS service document.
pub fn service_doc(
    name: &str,
    description: &str,
    categories: &[&str],
    attributes: &[String],
    languages: &[(&str, &str)],
    phone: Option<&str>,
    url: Option<&str>,
) -> Value {
    let mut attrs: Vec<Value> = categories.iter().map(|c| attribute("category", c)).collect();
    attrs.extend(attributes.iter().map(|a| attribute("attribute", a)));
    let mut doc = json!({
        "name": name,
        "status": "active",
        "description": description,
        "attributes": attrs,
        "languages": languages.iter().map(|(code, n)| json!({"code": code, "name": n})).collect::<Vec<_>>(),
        "phones": phone.map(|p| vec![json!({"number": p, "type": "voice"})]).unwrap_or_default(),
    });
    if let Some(u) = url {
        doc["url"] = json!(u);
    }
    doc
}

fn org(id: &str, name: &str, description: &str) -> SourceDoc {
    SourceDoc { external_id: id.into(), name: name.into(), doc: json!({ "name": name, "description": description }) }
}

/// Real statewide and national resources: only what their own public pages publish.
fn real_resources(tz: Tz) -> Vec<SourceRecord> {
    let both = [("en", "English"), ("es", "Spanish")];
    let free = vec!["cost:free".to_owned()];
    let mk =
        |id: &str, org_name: &str, name: &str, desc: &str, cats: &[&str], phone: Option<&str>, url: Option<&str>| {
            SourceRecord {
                organization: org(id, org_name, desc),
                service: SourceDoc {
                    external_id: id.into(),
                    name: name.into(),
                    doc: service_doc(name, desc, cats, &free, &both, phone, url),
                },
                is_meeting: false,
                time_zone: Some(tz.name().into()),
                locations: Vec::new(),
            }
        };
    vec![
        mk(
            "dmhas-access-line",
            "Connecticut Department of Mental Health and Addiction Services (DMHAS)",
            "DMHAS Access Line",
            "Open 24 hours a day, 7 days a week. Help finding an open withdrawal management (detox) or residential \
             treatment bed in Connecticut, and transportation to it.",
            &["detox", "residential", "transportation", "crisis-services"],
            Some("1-800-563-4086"),
            Some("https://portal.ct.gov/dmhas"),
        ),
        mk(
            "988-lifeline",
            "988 Suicide & Crisis Lifeline",
            "988 Suicide & Crisis Lifeline",
            "Call or text 988, or chat online, any time. Free and confidential support for anyone in emotional \
             distress, a suicidal crisis, or a substance use crisis. Spanish is available.",
            &["crisis-services", "mental-health"],
            Some("988"),
            Some("https://988lifeline.org"),
        ),
        mk(
            "samhsa-helpline",
            "Substance Abuse and Mental Health Services Administration (SAMHSA)",
            "SAMHSA National Helpline",
            "Free, confidential, 24/7 treatment referral and information service in English and Spanish.",
            &["outpatient", "residential", "mental-health"],
            Some("1-800-662-4357"),
            Some("https://www.samhsa.gov/find-help/helplines/national-helpline"),
        ),
        mk(
            "findtreatment-gov",
            "Substance Abuse and Mental Health Services Administration (SAMHSA)",
            "FindTreatment.gov",
            "Search state-licensed treatment facilities for substance use and mental health across the United States.",
            &["outpatient", "intensive-outpatient", "residential", "medication-treatment"],
            None,
            Some("https://findtreatment.gov"),
        ),
        mk(
            "ct-211",
            "United Way of Connecticut",
            "2-1-1 Connecticut",
            "Dial 2-1-1 for help with housing, food, health care, and other community services in Connecticut.",
            &["housing", "employment-education", "transportation"],
            Some("211"),
            Some("https://www.211ct.org"),
        ),
        mk(
            "smart-recovery-online",
            "SMART Recovery",
            "SMART Recovery online meetings",
            "Self-empowering, science-based mutual-help meetings, online every day of the week.",
            &["smart-recovery"],
            None,
            Some("https://smartrecovery.org"),
        ),
        mk(
            "youth-recovery-ct",
            "Youth Recovery CT",
            "Youth Recovery CT",
            "Recovery support for young people in Connecticut.",
            &["peer-recovery-coaching"],
            None,
            None,
        ),
    ]
}

/// Standard, active ZIP codes with their towns and centres: one state's, or the whole country's.
pub fn zips(state: Option<&str>) -> Vec<zipcodes::Zipcode> {
    let mut z: Vec<zipcodes::Zipcode> = zipcodes::list_all()
        .into_iter()
        .filter(|z| state.is_none_or(|s| z.state == s) && z.zip_code_type == "STANDARD" && z.active)
        .filter(|z| z.lat.parse::<f64>().is_ok() && z.long.parse::<f64>().is_ok())
        .collect();
    z.sort_by(|a, b| a.zip_code.cmp(&b.zip_code));
    z
}

const FELLOWSHIPS: [(&str, &str, u32); 10] = [
    ("alcoholics-anonymous", "AA", 45),
    ("narcotics-anonymous", "NA", 18),
    ("smart-recovery", "SMART Recovery", 8),
    ("al-anon", "Al-Anon", 7),
    ("recovery-dharma", "Recovery Dharma", 4),
    ("celebrate-recovery", "Celebrate Recovery", 4),
    ("nar-anon", "Nar-Anon", 4),
    ("all-recovery", "All Recovery", 4),
    ("women-for-sobriety", "Women for Sobriety", 3),
    ("refuge-recovery", "Refuge Recovery", 3),
];
/// The directory source of the generated Connecticut services.
pub const DEMO_SOURCE: &str = "demo-ct";

const THEMES: [&str; 16] = [
    "Serenity",
    "New Beginnings",
    "Hope Street",
    "Sunrise",
    "Back to Basics",
    "Keep It Simple",
    "Harbor Light",
    "Open Door",
    "Firehouse",
    "Riverside",
    "Lunch Bunch",
    "Night Owls",
    "Common Ground",
    "Green Valley",
    "Daily Reprieve",
    "Courage to Change",
];
const TIMES: [&str; 9] = ["07:00", "10:00", "12:00", "12:15", "17:30", "18:00", "18:30", "19:00", "19:30"];
const PROGRAMS: [(&str, &str, &[&str]); 12] = [
    (
        "Withdrawal Management Center",
        "Medically monitored withdrawal management with a plan for what comes next.",
        &["detox"],
    ),
    ("Residential Program", "Residential treatment with individual and group counseling.", &["residential"]),
    (
        "Outpatient Services",
        "Outpatient counseling for substance use and mental health.",
        &["outpatient", "mental-health"],
    ),
    ("Intensive Outpatient Program", "Three-hour sessions, three to five days a week.", &["intensive-outpatient"]),
    ("Opioid Treatment Program", "Methadone and buprenorphine with counseling.", &["methadone", "buprenorphine"]),
    (
        "Office-Based Treatment",
        "Buprenorphine and naltrexone prescribed by a primary-care team.",
        &["buprenorphine", "naltrexone"],
    ),
    (
        "Recovery House",
        "Recovery residence (NARR level 2) with house meetings and peer support.",
        &["recovery-residences"],
    ),
    (
        "Recovery Community Center",
        "Peer-run center: all-recovery meetings, coaching, and a place to belong.",
        &["recovery-community-centers", "peer-recovery-coaching"],
    ),
    (
        "Harm Reduction Services",
        "Naloxone, fentanyl test strips and syringe services, no questions asked.",
        &["naloxone", "syringe-services", "fentanyl-test-strips"],
    ),
    ("Family Program", "CRAFT groups for family members and friends.", &["craft-groups"]),
    ("Recovery to Work", "Job readiness, résumés and training for people in recovery.", &["employment-education"]),
    ("Ride Line", "Rides to treatment and recovery appointments.", &["transportation"]),
];
const POPULATIONS: [&str; 8] =
    ["youth", "young-adults", "women", "men", "lgbtq", "veterans", "parents-with-children", "leaving-incarceration"];
const COSTS: [&str; 5] = ["free", "sliding-scale", "medicaid", "medicare", "private-insurance"];

fn pick_fellowship(rng: &mut StdRng) -> (&'static str, &'static str) {
    let total: u32 = FELLOWSHIPS.iter().map(|f| f.2).sum();
    let mut n = rng.gen_range(0..total);
    for (code, name, w) in FELLOWSHIPS {
        if n < w {
            return (code, name);
        }
        n -= w;
    }
    ("other-fellowship", "Recovery")
}

fn jitter(rng: &mut StdRng, v: f64) -> f64 {
    v + rng.gen_range(-0.02..0.02)
}

/// A Meeting Guide feed of fictional meetings across Connecticut (the same path a real feed takes), and each
/// meeting's fellowship by slug (a real feed is one fellowship's; the demo mixes them).
pub fn meetings_feed(
    zips: &[zipcodes::Zipcode],
    n: usize,
    seed: u64,
    default_tz: Tz,
) -> (String, HashMap<String, &'static str>) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out = Vec::with_capacity(n);
    let mut fellowships = HashMap::new();
    for i in 0..n {
        let Some(z) = zips.get(rng.gen_range(0..zips.len().max(1))) else { break };
        let (code, fellowship) = pick_fellowship(&mut rng);
        let theme = THEMES.choose(&mut rng).copied().unwrap_or("Serenity");
        let spanish = rng.gen_bool(0.1);
        let online = rng.gen_bool(0.12);
        let mut types = vec![if rng.gen_bool(0.6) { "O" } else { "C" }];
        types.extend([["D", "B", "ST", "SP", "BE"][i % 5]]);
        if spanish {
            types.push("S");
        }
        let name = if spanish {
            format!("Grupo {theme} ({fellowship}, demo)")
        } else {
            format!("{theme} {fellowship} (demo)")
        };
        let time = TIMES.choose(&mut rng).copied().unwrap_or("19:00");
        let (lat, lon): (f64, f64) = (z.lat.parse().unwrap_or(41.76), z.long.parse().unwrap_or(-72.67));
        let mut m = json!({
            "name": name,
            "slug": format!("demo-{i}"),
            "day": rng.gen_range(0..7),
            "time": time,
            "timezone": if z.timezone.is_empty() { default_tz.name() } else { z.timezone.as_str() },
            "types": types,
            "notes": format!("Fictional demo meeting ({code}). Newcomers welcome."),
            "group": format!("{theme} Group"),
            "region": z.county.clone(),
        });
        if online {
            m["conference_url"] = json!(format!("https://meet.example.org/demo-{i}"));
        } else {
            m["location"] = json!(format!("{} Community Hall", z.city));
            m["address"] = json!(format!("{} Main St", 10 + (i % 190)));
            m["city"] = json!(z.city.clone());
            m["state"] = json!(z.state.clone());
            m["postal_code"] = json!(z.zip_code.clone());
            m["latitude"] = json!((jitter(&mut rng, lat) * 1e5).round() / 1e5);
            m["longitude"] = json!((jitter(&mut rng, lon) * 1e5).round() / 1e5);
        }
        fellowships.insert(format!("demo-{i}"), code);
        out.push(m);
    }
    (serde_json::to_string(&out).unwrap_or_else(|_| "[]".into()), fellowships)
}

/// Fictional programs across Connecticut.
pub fn programs(zips: &[zipcodes::Zipcode], n: usize, seed: u64, default_tz: Tz) -> Vec<SourceRecord> {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..n)
        .filter_map(|i| {
            let z = zips.get(rng.gen_range(0..zips.len().max(1)))?;
            let (kind, desc, cats) = PROGRAMS[i % PROGRAMS.len()];
            let name = format!("{} {kind} (demo)", z.city);
            let mut attributes = vec![format!("cost:{}", COSTS.choose(&mut rng).copied().unwrap_or("free"))];
            attributes.push(format!("cost:{}", COSTS[i % COSTS.len()]));
            if rng.gen_bool(0.3) {
                attributes.push(format!("population:{}", POPULATIONS.choose(&mut rng).copied().unwrap_or("women")));
            }
            attributes.push(
                if cats.iter().any(|c| c.contains("recovery") || c.contains("peer")) {
                    "pathway:peer"
                } else {
                    "pathway:clinical"
                }
                .to_owned(),
            );
            attributes.dedup();
            let languages: &[(&str, &str)] =
                if rng.gen_bool(0.35) { &[("en", "English"), ("es", "Spanish")] } else { &[("en", "English")] };
            let phone = format!("860-555-01{:02}", i % 100);
            let (lat, lon): (f64, f64) = (z.lat.parse().ok()?, z.long.parse().ok()?);
            let (lat, lon) = ((jitter(&mut rng, lat) * 1e5).round() / 1e5, (jitter(&mut rng, lon) * 1e5).round() / 1e5);
            let address = format!("{} Elm St", 100 + (i % 800));
            let org_name = format!("{} Recovery Services (demo)", z.county);
            Some(SourceRecord {
                organization: org(
                    &format!("org-{}-{}", z.state, z.county),
                    &org_name,
                    "A fictional organization for the demo.",
                ),
                service: SourceDoc {
                    external_id: format!("program-{i}"),
                    name: name.clone(),
                    doc: service_doc(
                        &name,
                        &format!("{desc} Fictional demo listing."),
                        cats,
                        &attributes,
                        languages,
                        Some(&phone),
                        None,
                    ),
                },
                is_meeting: false,
                time_zone: Some(if z.timezone.is_empty() { default_tz.name().into() } else { z.timezone.clone() }),
                locations: vec![SourceLocation {
                    external_id: format!("program-{i}"),
                    name: Some(name),
                    latitude: Some(lat),
                    longitude: Some(lon),
                    approximate: false,
                    postal_code: Some(z.zip_code.clone()),
                    doc: json!({
                        "location_type": "physical", "latitude": lat, "longitude": lon,
                        "addresses": [{ "address_1": address, "city": z.city, "state_province": z.state,
                                        "postal_code": z.zip_code, "country": "US", "address_type": "physical" }]
                    }),
                }],
            })
        })
        .collect()
}

/// Tags each converted meeting with its fellowship's category.
fn tag_fellowships(records: &mut [SourceRecord], fellowships: &HashMap<String, &'static str>) {
    for r in records {
        if let Some(code) = fellowships.get(&r.service.external_id)
            && let Some(attrs) = r.service.doc["attributes"].as_array_mut()
        {
            attrs.push(attribute("category", code));
        }
    }
}

/// Loads the demo directory: meetings and programs over the deployment's state (Connecticut by default).
pub async fn seed(store: &Store, deployment: &Deployment) -> anyhow::Result<(ImportCounts, ImportCounts)> {
    let tz: Tz = deployment.time_zone;
    let ct = zips(Some(&deployment.state));
    let (feed, fellowships) = meetings_feed(&ct, CT_MEETINGS, 11, tz);
    let mut converted =
        convert(&feed, "demo-ct-meetings", "Connecticut meetings (demo)", tz).map_err(anyhow::Error::msg)?;
    tag_fellowships(&mut converted.records, &fellowships);
    let mut services = real_resources(tz);
    services.extend(programs(&ct, CT_SERVICES, 13, tz));
    let tx = store.begin().await?;
    let meetings = import_source(&tx, "demo-ct-meetings", &converted.records).await?;
    let programs = import_source(&tx, DEMO_SOURCE, &services).await?;
    tx.commit().await?;
    Ok((meetings, programs))
}

/// A national-scale directory for benchmarks: `services` programs and `meetings` meetings over every US ZIP code,
/// imported the way real sources are. Returns the seconds the import itself took (after generating).
/// A meeting or program whose ZIP code names no time zone is in `default_tz`.
pub async fn generate_national(store: &Store, services: usize, meetings: usize, default_tz: Tz) -> anyhow::Result<f64> {
    let all = zips(None);
    let (feed, fellowships) = meetings_feed(&all, meetings, 21, default_tz);
    let mut converted =
        convert(&feed, "national-meetings", "Meetings (generated)", default_tz).map_err(anyhow::Error::msg)?;
    tag_fellowships(&mut converted.records, &fellowships);
    let programs = programs(&all, services, 23, default_tz);
    let started = std::time::Instant::now();
    let tx = store.begin().await?;
    let p = import_source(&tx, "national-services", &programs).await?;
    tx.commit().await?;
    let services_s = started.elapsed().as_secs_f64();
    let tx = store.begin().await?;
    let m = import_source(&tx, "national-meetings", &converted.records).await?;
    tx.commit().await?;
    eprintln!(
        "Imported {} services in {services_s:.1} s and {} meetings in {:.1} s ({} rejected).",
        p.added,
        m.added,
        started.elapsed().as_secs_f64() - services_s,
        converted.rejected.len()
    );
    Ok(services_s)
}
