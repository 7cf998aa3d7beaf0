//! Demo peer services and their financing (issue 21): two grants, a voucher program and a Medicaid-like payer
//! profile (figures invented, marked "(demo)": no payer's real rules are claimed), the demo coach's and
//! clinician's credentials and supervision, and the past month of services by them — mostly clean, signed and
//! co-signed, with one of each kind of problem flagged: over the daily cap, credential expired, no credential,
//! supervision overdue, no authorization, overlapping sessions, voucher exhausted, voucher expired, outside the
//! grant's period, over the grant's budget, diagnosis missing, billed twice the same day, co-signature missing.

use chrono::{Duration, NaiveDate, NaiveTime};
use pathways_domain::financing::{Budget, Credential, Funding, PayerProfile, PlaceOfService, ServiceCode, Voucher};
use pathways_domain::{AccountId, OrgId, PersonId};
use pathways_store::Store;
use pathways_store::audit::Actor;
use pathways_store::entities::person;
use pathways_store::financing::{
    NewServiceEvent, add_credential, add_funding_source, add_profile, add_supervision, cosign, issue_voucher, record,
    sign,
};
use pathways_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

struct Sources {
    medicaid: Uuid,
    state_grant: Uuid,
    foundation: Uuid,
    vouchers: Uuid,
}

async fn sources(store: &Store, org: OrgId, today: NaiveDate) -> anyhow::Result<Sources> {
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let tx = store.begin().await?;
    let medicaid_profile = PayerProfile {
        daily_cap_units: Some(16),
        min_age: Some(18),
        diagnosis_required: true,
        credential_required: true,
        supervision_within_days: Some(30),
        cosign_required: true,
        authorization_required: true,
        modifiers: pathways_domain::financing::Modifier::parse("HF").into_iter().collect(),
        ..PayerProfile::peer_services("Medicaid-like payer (demo)", 1_800)
    };
    let grant_profile = PayerProfile {
        // A grant that pays the service once a day per person: H0038 billed to another source the same day is
        // double funding.
        no_same_day: vec![ServiceCode::peer_services()],
        ..PayerProfile::peer_services("State recovery grant rules (demo)", 2_000)
    };
    let foundation_profile = PayerProfile {
        rounding: pathways_domain::financing::Rounding::WholeUnits,
        ..PayerProfile::peer_services("Foundation grant rules (demo)", 1_500)
    };
    let voucher_profile = PayerProfile::peer_services("Recovery voucher rules (demo)", 1_600);
    let m = add_profile(&tx, &actor, org, &medicaid_profile).await?;
    let g = add_profile(&tx, &actor, org, &grant_profile).await?;
    let f = add_profile(&tx, &actor, org, &foundation_profile).await?;
    let v = add_profile(&tx, &actor, org, &voucher_profile).await?;
    let missing = || anyhow::anyhow!("a demo funding source");
    let medicaid = add_funding_source(&tx, &actor, org, "Medicaid-like payer (demo)", m, &Funding::Payer)
        .await?
        .ok_or_else(missing)?;
    let state_grant = add_funding_source(
        &tx,
        &actor,
        org,
        "State recovery support grant (demo)",
        g,
        &Funding::Grant {
            starts_on: today - Duration::days(200),
            ends_on: today + Duration::days(165),
            budget: Budget::Units(400),
            allowed: vec![ServiceCode::peer_services()],
        },
    )
    .await?
    .ok_or_else(missing)?;
    let foundation = add_funding_source(
        &tx,
        &actor,
        org,
        "Community foundation grant (demo)",
        f,
        &Funding::Grant {
            starts_on: today - Duration::days(120),
            ends_on: today - Duration::days(10),
            budget: Budget::Cents(20_000),
            allowed: vec![],
        },
    )
    .await?
    .ok_or_else(missing)?;
    let vouchers =
        add_funding_source(&tx, &actor, org, "Recovery support vouchers (demo)", v, &Funding::VoucherProgram)
            .await?
            .ok_or_else(missing)?;
    tx.commit().await?;
    Ok(Sources { medicaid, state_grant, foundation, vouchers })
}

/// Seeds the demo financing; returns how many service events were recorded.
pub async fn seed(
    store: &Store,
    org: OrgId,
    coach: AccountId,
    clinician: AccountId,
    supervisor: AccountId,
) -> anyhow::Result<usize> {
    let today = chrono::Utc::now().date_naive();
    let actor = Actor { role: Some("demo".into()), ..Actor::default() };
    let s = sources(store, org, today).await?;
    let persons: Vec<PersonId> = person::Entity::find()
        .filter(person::Column::OrgId.eq(org.as_uuid()))
        .filter(person::Column::AssignedCoachId.eq(coach.as_uuid()))
        .order_by_asc(person::Column::CreatedAt)
        .all(store.reader())
        .await?
        .into_iter()
        .map(|p| PersonId::from_uuid(p.id))
        .collect();
    let [a, b, c, d, ..] = persons[..] else { anyhow::bail!("the demo coach's persons") };

    let tx = store.begin().await?;
    // The coach's certification lapsed 12 days ago and was renewed 8 days ago: services in between are flagged.
    let cert = |issued: i64, expires: i64| Credential {
        kind: "Recovery support specialist certification (demo)".into(),
        number: Some("DEMO-RSS-0417".into()),
        issued_on: today - Duration::days(issued),
        expires_on: Some(today - Duration::days(expires)),
    };
    add_credential(&tx, &actor, org, coach, &cert(730, 12)).await?;
    add_credential(&tx, &actor, org, coach, &Credential { expires_on: Some(today + Duration::days(25)), ..cert(8, 0) })
        .await?;
    for days_ago in [40, 20, 3] {
        let topics = ["boundaries".to_owned(), "documentation".to_owned()];
        add_supervision(&tx, &actor, org, supervisor, coach, today - Duration::days(days_ago), 60, &topics).await?;
    }
    // Vouchers: one ample, one nearly spent, one expired.
    let voucher = |n: &str, units, expires: i64| Voucher {
        number: n.into(),
        authorized_units: units,
        balance_units: units,
        expires_on: today + Duration::days(expires),
        withdrawn: false,
    };
    issue_voucher(&tx, &actor, org, s.vouchers, a, &voucher("DEMO-V-1001", 40, 60)).await?;
    issue_voucher(&tx, &actor, org, s.vouchers, b, &voucher("DEMO-V-1002", 2, 60)).await?;
    issue_voucher(&tx, &actor, org, s.vouchers, c, &voucher("DEMO-V-1003", 20, -5)).await?;
    tx.commit().await?;

    let pos = PlaceOfService::parse("11").ok_or_else(|| anyhow::anyhow!("place of service"))?;
    let home = PlaceOfService::parse("12").ok_or_else(|| anyhow::anyhow!("place of service"))?;
    let at = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    let hf = pathways_domain::financing::Modifier::parse("HF").into_iter().collect::<Vec<_>>();
    let event = |staff, p, days_ago: i64, start, minutes, source, auth: Option<&str>| NewServiceEvent {
        encounter: None,
        staff,
        persons: vec![p],
        date: today - Duration::days(days_ago),
        starts_at: start,
        minutes,
        code: ServiceCode::peer_services(),
        modifiers: if source == s.medicaid { hf.clone() } else { Vec::new() },
        place: if days_ago % 3 == 0 { home } else { pos },
        goal: None,
        source,
        authorization: auth.map(str::to_owned),
        diagnosis_on_file: true,
    };
    // (event, sign, co-sign)
    let mut plan: Vec<(NewServiceEvent, bool, bool)> = Vec::new();
    // A month of routine services by the coach, clean: Medicaid-like with authorization (co-signed), the state
    // grant, vouchers.
    for days_ago in (1..=28).rev() {
        if (today - Duration::days(days_ago)).format("%u").to_string().parse::<u8>().unwrap_or(1) > 5 {
            continue;
        }
        if (8..=12).contains(&days_ago) {
            continue; // the certification's gap: its own services below
        }
        plan.push((event(coach, a, days_ago, at(9, 0), 45, s.medicaid, Some("DEMO-PA-7731")), true, true));
        plan.push((event(coach, d, days_ago, at(10, 30), 30, s.state_grant, None), true, false));
        if days_ago % 2 == 0 {
            plan.push((event(coach, a, days_ago, at(14, 0), 30, s.vouchers, Some("DEMO-V-1001")), true, false));
        }
    }
    // One of each problem.
    let mut long = event(coach, c, 15, at(8, 0), 300, s.medicaid, Some("DEMO-PA-7732"));
    long.starts_at = at(12, 0); // over the daily cap: 5 hours are 20 units, the cap is 16
    plan.push((long, true, true));
    plan.push((event(coach, a, 10, at(9, 0), 45, s.medicaid, Some("DEMO-PA-7731")), true, true)); // credential expired
    plan.push((event(clinician, c, 6, at(13, 0), 30, s.medicaid, Some("DEMO-PA-7732")), true, true)); // no credential, no supervision
    plan.push((event(coach, c, 5, at(12, 0), 30, s.medicaid, None), true, true)); // no authorization
    plan.push((event(coach, d, 15, at(13, 0), 30, s.state_grant, None), true, false)); // overlaps the 12:00–17:00 session
    plan.push((event(coach, b, 3, at(11, 30), 60, s.vouchers, Some("DEMO-V-1002")), false, false)); // voucher exhausted
    plan.push((event(coach, c, 2, at(15, 0), 30, s.vouchers, Some("DEMO-V-1003")), false, false)); // voucher expired
    plan.push((event(coach, b, 9, at(13, 0), 45, s.foundation, None), true, false)); // outside the grant's period
    plan.push((event(coach, b, 20, at(15, 0), 240, s.foundation, None), true, false)); // over the foundation's budget
    let mut no_diagnosis = event(coach, b, 2, at(12, 0), 30, s.medicaid, Some("DEMO-PA-7733"));
    no_diagnosis.diagnosis_on_file = false;
    plan.push((no_diagnosis, true, true));
    plan.push((event(coach, a, 10, at(16, 0), 30, s.state_grant, None), true, false)); // same day as a Medicaid service
    plan.push((event(coach, d, 1, at(14, 0), 30, s.medicaid, Some("DEMO-PA-7734")), true, false)); // no co-signature
    plan.sort_by_key(|(e, _, _)| (e.date, e.starts_at));

    let now = pathways_store::now();
    let mut n = 0;
    for (e, signed, cosigned) in plan {
        let tx = store.begin().await?;
        let Some((id, _)) = record(&tx, &actor, org, &e).await? else { continue };
        if signed && sign(&tx, &actor, org, id, e.staff, now).await?.is_ok() && cosigned {
            let _ = cosign(&tx, &actor, org, id, supervisor, now).await?;
        }
        tx.commit().await?;
        n += 1;
    }
    Ok(n)
}
