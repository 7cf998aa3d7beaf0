use proptest::prelude::*;

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

fn statements() -> Statements {
    Statements {
        right_to_revoke: "You may revoke this consent in writing at any time.".into(),
        how_to_revoke: "Revoke it in your portal or give your program a written request.".into(),
        reliance: "Revoking does not undo what was done relying on it.".into(),
        hipaa_redisclosure: "Recipients covered by HIPAA may redisclose as HIPAA permits.".into(),
        refusal_effect: "Your care does not depend on signing.".into(),
    }
}

fn ally_consent() -> ConsentDocument {
    ConsentDocument {
        person_name: "Sam Rivera".into(),
        disclosing_party: "Hartford Recovery Center".into(),
        categories: vec![Category::RecoveryPlan],
        recipient: Recipient::Ally { account: AccountId::new(), name: "Maria Rivera".into() },
        purpose: "To support my recovery".into(),
        tpo: false,
        statements: Statements { hipaa_redisclosure: String::new(), refusal_effect: String::new(), ..statements() },
        expiry: Expiry::On(NaiveDate::from_ymd_opt(2027, 11, 30).expect("date")),
        signature: "Sam Rivera".into(),
        signed_on: Some(today()),
    }
}

fn tpo_consent() -> ConsentDocument {
    ConsentDocument {
        categories: vec![Category::ReferralInformation, Category::RecoveryPlan],
        recipient: Recipient::General,
        purpose: "Treatment, payment and health care operations".into(),
        tpo: true,
        statements: statements(),
        expiry: Expiry::None,
        ..ally_consent()
    }
}

/// Removes one element from a complete consent (for the element-dropping property).
fn without(mut d: ConsentDocument, e: Element) -> ConsentDocument {
    match e {
        Element::PersonName => d.person_name = " ".into(),
        Element::DisclosingParty => d.disclosing_party.clear(),
        Element::Information => d.categories.clear(),
        Element::Recipient => {
            d.recipient = match d.recipient {
                Recipient::Ally { account, .. } => Recipient::Ally { account, name: String::new() },
                _ => Recipient::Person { name: String::new() },
            }
        }
        Element::Purpose => d.purpose.clear(),
        Element::RightToRevoke => d.statements.right_to_revoke.clear(),
        Element::HowToRevoke => d.statements.how_to_revoke.clear(),
        Element::Reliance => d.statements.reliance.clear(),
        Element::Expiration => d.expiry = if d.tpo { Expiry::Event(" ".into()) } else { Expiry::None },
        Element::Signature => d.signature.clear(),
        Element::DateSigned => d.signed_on = None,
        Element::HipaaRedisclosure => d.statements.hipaa_redisclosure.clear(),
        Element::RefusalEffect => d.statements.refusal_effect.clear(),
    }
    d
}

const ELEMENTS: [Element; 13] = [
    Element::PersonName,
    Element::DisclosingParty,
    Element::Information,
    Element::Recipient,
    Element::Purpose,
    Element::RightToRevoke,
    Element::HowToRevoke,
    Element::Reliance,
    Element::Expiration,
    Element::Signature,
    Element::DateSigned,
    Element::HipaaRedisclosure,
    Element::RefusalEffect,
];

#[test]
fn complete_consents_are_accepted() {
    assert_eq!(validate(&ally_consent(), today()), Ok(()));
    assert_eq!(validate(&tpo_consent(), today()), Ok(()));
}

proptest! {
    /// A complete treatment/payment/operations consent with any one element dropped is refused, naming exactly
    /// that element.
    #[test]
    fn dropping_any_element_of_a_tpo_consent_names_it(i in 0usize..ELEMENTS.len()) {
        let e = ELEMENTS[i];
        prop_assert_eq!(validate(&without(tpo_consent(), e), today()), Err(vec![e]));
    }

    /// The same for a consent to an ally (which need not carry the two TPO-only statements).
    #[test]
    fn dropping_any_element_of_an_ally_consent_names_it(i in 0usize..11) {
        let e = ELEMENTS[i];
        prop_assert_eq!(validate(&without(ally_consent(), e), today()), Err(vec![e]));
    }

    /// Dropping several elements names each of them, in order.
    #[test]
    fn dropping_several_names_them_all(mask in 1u16..(1 << 13)) {
        let mut d = tpo_consent();
        let mut dropped = Vec::new();
        for (i, e) in ELEMENTS.into_iter().enumerate() {
            if mask & (1 << i) != 0 {
                d = without(d, e);
                dropped.push(e);
            }
        }
        prop_assert_eq!(validate(&d, today()), Err(dropped));
    }
}

#[test]
fn the_general_designation_and_no_expiry_are_for_tpo_consents_only() {
    let general = ConsentDocument { recipient: Recipient::General, ..ally_consent() };
    assert_eq!(validate(&general, today()), Err(vec![Element::Recipient]));
    let forever = ConsentDocument { expiry: Expiry::None, ..ally_consent() };
    assert_eq!(validate(&forever, today()), Err(vec![Element::Expiration]));
    let past = ConsentDocument { expiry: Expiry::On(today().pred_opt().expect("date")), ..ally_consent() };
    assert_eq!(validate(&past, today()), Err(vec![Element::Expiration]));
    let future_signed = ConsentDocument { signed_on: today().succ_opt(), ..ally_consent() };
    assert_eq!(validate(&future_signed, today()), Err(vec![Element::DateSigned]));
}

#[test]
fn counseling_notes_need_a_consent_of_their_own() {
    let mixed =
        ConsentDocument { categories: vec![Category::CounselingNotes, Category::RecoveryPlan], ..ally_consent() };
    assert_eq!(validate(&mixed, today()), Err(vec![Element::Information]));
    let alone = ConsentDocument { categories: vec![Category::CounselingNotes], ..ally_consent() };
    assert_eq!(validate(&alone, today()), Ok(()));
}

#[test]
fn signatures_match_the_name_whatever_the_case_and_spacing() {
    assert!(signature_matches("  sam   RIVERA ", "Sam Rivera"));
    assert!(!signature_matches("Sam", "Sam Rivera"));
    assert!(!signature_matches("", ""));
}

fn facts(d: &ConsentDocument) -> ConsentFacts {
    ConsentFacts {
        categories: d.categories.clone(),
        recipient: d.recipient.clone(),
        tpo: d.tpo,
        expiry: d.expiry.clone(),
        ended: false,
        revoked: false,
    }
}

#[test]
fn the_gate_permits_only_the_named_recipient_and_categories_while_in_force() {
    let d = ally_consent();
    let Recipient::Ally { account, .. } = d.recipient else { panic!("an ally consent") };
    let c = facts(&d);
    let ally = Receiver::Ally(account);
    assert_eq!(permits(std::slice::from_ref(&c), ally, Category::RecoveryPlan, today()), Some(0));
    assert_eq!(permits(std::slice::from_ref(&c), ally, Category::CheckinsAssessments, today()), None);
    assert_eq!(
        permits(std::slice::from_ref(&c), Receiver::Ally(AccountId::new()), Category::RecoveryPlan, today()),
        None
    );
    let revoked = ConsentFacts { revoked: true, ..c.clone() };
    assert_eq!(permits(&[revoked], ally, Category::RecoveryPlan, today()), None);
    let ended = ConsentFacts { ended: true, expiry: Expiry::Event("end of treatment".into()), ..c.clone() };
    assert!(!in_force(&ended, today()));
    let last_day = NaiveDate::from_ymd_opt(2027, 11, 30).expect("date");
    assert!(in_force(&c, last_day), "in force through its expiry date");
    assert!(!in_force(&c, last_day.succ_opt().expect("date")), "not the day after");
}

#[test]
fn a_tpo_consent_covers_treating_organizations_for_treatment_only() {
    let c = facts(&tpo_consent());
    let org = OrgId::new();
    let referral = Receiver::Organization { org: Some(org), name: "Rushford", treatment: true };
    assert!(covers(&c, referral, Category::ReferralInformation, today()));
    let not_for_treatment = Receiver::Organization { org: Some(org), name: "Rushford", treatment: false };
    assert!(!covers(&c, not_for_treatment, Category::ReferralInformation, today()));
    assert!(!covers(&c, referral, Category::EncounterSummaries, today()), "only the categories named");
    assert!(!covers(&c, Receiver::Ally(AccountId::new()), Category::RecoveryPlan, today()));
    let named = ConsentFacts {
        recipient: Recipient::Organization { org: Some(org), name: "Rushford".into() },
        tpo: false,
        ..c.clone()
    };
    assert!(covers(&named, not_for_treatment, Category::RecoveryPlan, today()));
    let other = Receiver::Organization { org: Some(OrgId::new()), name: "Other", treatment: true };
    assert!(!covers(&named, other, Category::RecoveryPlan, today()));
    // An organization not on Pathways is matched by its name only.
    let by_name = ConsentFacts {
        recipient: Recipient::Organization { org: None, name: "Rushford Center, Inc.".into() },
        tpo: false,
        ..c.clone()
    };
    let outside = |name| Receiver::Organization { org: None, name, treatment: true };
    assert!(covers(&by_name, outside("rushford  center inc"), Category::RecoveryPlan, today()));
    assert!(!covers(&by_name, outside("Rushford Behavioral"), Category::RecoveryPlan, today()));
    assert!(same_name("A.B. House", "ab house") && !same_name("", ""));
}

proptest! {
    /// Whatever the consents, the gate never answers yes for a revoked, ended or expired consent, nor for a
    /// category it does not name.
    #[test]
    fn the_gate_never_permits_what_no_consent_in_force_names(
        revoked: bool, ended: bool, days_left in -5i64..5, cat in 0usize..6, named in proptest::collection::vec(0usize..6, 0..4)
    ) {
        let account = AccountId::new();
        let c = ConsentFacts {
            categories: named.iter().map(|i| Category::ALL[*i]).collect(),
            recipient: Recipient::Ally { account, name: "Maria".into() },
            tpo: false,
            expiry: Expiry::On(today() + chrono::Duration::days(days_left)),
            ended,
            revoked,
        };
        let category = Category::ALL[cat];
        let allowed = permits(std::slice::from_ref(&c), Receiver::Ally(account), category, today()).is_some();
        prop_assert_eq!(allowed, !revoked && !ended && days_left >= 0 && c.categories.contains(&category));
    }
}

#[test]
fn scans_are_known_by_their_first_bytes() {
    assert_eq!(scan_type(b"%PDF-1.7\n..."), Some("application/pdf"));
    assert_eq!(scan_type(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
    assert_eq!(scan_type(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some("image/jpeg"));
    assert_eq!(scan_type(b"<html><script>"), None, "a page renamed .pdf is still a page");
    assert_eq!(scan_type(b""), None);
}

#[test]
fn a_scan_is_checked_by_presence_size_and_first_bytes() {
    let code = |b: Option<&[u8]>| check_scan(b).map_err(|e| e.code);
    assert_eq!(code(None), Err("required"));
    assert_eq!(code(Some(b"")), Err("required"));
    assert_eq!(code(Some(b"%PDF-1.7 ...")), Ok("application/pdf"));
    assert_eq!(code(Some(b"GIF89a")), Err("not-a-scan"));
    let mut big = b"%PDF-".to_vec();
    big.resize(MAX_SCAN_BYTES + 1, b' ');
    assert_eq!(code(Some(&big)), Err("too-large"));
}
