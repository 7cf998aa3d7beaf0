use proptest::prelude::*;

use super::*;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

fn codes<T: std::fmt::Debug>(r: Result<T, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
    r.expect_err("errors").into_iter().map(|e| (e.field, e.code)).collect()
}

fn form() -> ProgramForm {
    ProgramForm {
        kind: "workplace".into(),
        name_en: "Workplace".into(),
        name_es: "Lugar de trabajo".into(),
        steps: "Letter | Carta | A letter | Una carta\nPolicy | Política | The policy | La política\n\
                - Substances | Sustancias\n- Who is covered | A quiénes\n"
            .into(),
        renewal_months: "24".into(),
        trainings: vec![(TrainingKind::Stigma, "2".into()), (TrainingKind::Naloxone, "0".into())],
    }
}

#[test]
fn a_program_is_read_with_its_steps_checklist_and_trainings() {
    let p = Program::parse(&form()).expect("a program");
    assert_eq!(p.kind, DesignationKind::Workplace);
    assert_eq!(p.steps.len(), 2);
    assert_eq!(p.steps[0].title, Bilingual::new("Letter", "Carta"));
    assert_eq!(
        p.steps[1].checklist,
        vec![Bilingual::new("Substances", "Sustancias"), Bilingual::new("Who is covered", "A quiénes")]
    );
    assert_eq!(p.trainings, vec![TrainingRequirement { kind: TrainingKind::Stigma, count: 2 }], "zero is none");
    assert_eq!(p.renewal_months, 24);
    assert_eq!(Program::parse(&p.to_form()), Ok(p), "the edit form reads back");
}

#[test]
fn every_problem_of_a_program_is_named() {
    let bad = ProgramForm {
        kind: "county".into(),
        steps: "Only a title".into(),
        renewal_months: "0".into(),
        trainings: vec![(TrainingKind::Stigma, "21".into()), (TrainingKind::Naloxone, "two".into())],
        ..ProgramForm::default()
    };
    assert_eq!(
        codes(Program::parse(&bad)),
        vec![
            ("kind", "unknown-choice"),
            ("name_en", "required"),
            ("name_es", "required"),
            ("steps", "step-format"),
            ("renewal_months", "out-of-range"),
            ("training_naloxone", "invalid"),
            ("training_stigma", "out-of-range"),
        ]
    );
    let blank = ProgramForm { renewal_months: "121".into(), ..form() };
    assert_eq!(codes(Program::parse(&blank)), vec![("renewal_months", "out-of-range")]);
    assert_eq!(
        codes(Program::parse(&ProgramForm { renewal_months: String::new(), ..form() })),
        vec![("renewal_months", "required")]
    );
}

#[test]
fn steps_are_lines_of_four_parts_with_checklists_under_them() {
    assert_eq!(parse_steps("  \n "), Err(FieldError::new("steps", "required")));
    assert_eq!(parse_steps("- A | B"), Err(FieldError::new("steps", "checklist-without-step")));
    assert_eq!(parse_steps("a | b | c | d\n- only English"), Err(FieldError::new("steps", "checklist-format")));
    assert_eq!(parse_steps("a | | c | d"), Err(FieldError::new("steps", "step-format")), "an empty part");
    assert_eq!(parse_steps("a | b | c | d | e"), Err(FieldError::new("steps", "step-format")));
    let long = "x".repeat(MAX_STEP_TEXT + 1);
    assert_eq!(parse_steps(&format!("{long} | b | c | d")), Err(FieldError::new("steps", "too-long")));
    let many = "a | b | c | d\n".repeat(MAX_STEPS + 1);
    assert_eq!(parse_steps(&many), Err(FieldError::new("steps", "too-many")));
    assert_eq!(parse_steps(&"a | b | c | d\n".repeat(MAX_STEPS)).map(|s| s.len()), Ok(MAX_STEPS));
    let items = format!("a | b | c | d\n{}", "- x | y\n".repeat(MAX_CHECKLIST + 1));
    assert_eq!(parse_steps(&items), Err(FieldError::new("steps", "too-many")));
}

#[test]
fn a_steps_state_is_its_latest_event() {
    assert_eq!(step_state(&[]), StepState::NotStarted);
    assert_eq!(step_state(&[StepEvent::Submitted]), StepState::Submitted);
    let returned = [StepEvent::Submitted, StepEvent::Returned("Add the date".into())];
    assert_eq!(step_state(&returned), StepState::Returned("Add the date".into()));
    let again = [StepEvent::Submitted, StepEvent::Returned("x".into()), StepEvent::Submitted];
    assert_eq!(step_state(&again), StepState::Submitted);
    assert_eq!(step_state(&[StepEvent::Submitted, StepEvent::Accepted]), StepState::Accepted);
}

#[test]
fn next_is_the_first_step_not_accepted() {
    use StepState::*;
    assert_eq!(next_step(&[Accepted, Submitted, NotStarted]), Some(1));
    assert_eq!(next_step(&[NotStarted, Accepted]), Some(0));
    assert_eq!(next_step(&[Accepted, Accepted]), None);
    assert!(all_accepted(&[Accepted, Accepted]));
    assert!(!all_accepted(&[]), "no steps is not all accepted");
    assert!(!all_accepted(&[Accepted, Returned("x".into())]));
    assert_eq!(may_designate(&[Accepted, Submitted], false), Err(FieldError::new("application", "steps-not-accepted")));
    assert_eq!(may_designate(&[Accepted], true), Err(FieldError::new("application", "withdrawn")));
    assert_eq!(may_designate(&[Accepted], false), Ok(()));
}

#[test]
fn renewal_is_due_the_period_later_at_the_end_of_a_short_month() {
    assert_eq!(renewal_due(day("2025-05-01"), 24), day("2027-05-01"));
    assert_eq!(renewal_due(day("2025-08-31"), 6), day("2026-02-28"));
    assert_eq!(renewal_due(day("2023-08-31"), 6), day("2024-02-29"), "a leap year");
    assert_eq!(renewal_due(day("2024-02-29"), 12), day("2025-02-28"));
}

#[test]
fn a_designation_is_due_within_sixty_days_and_lapses_after_its_day() {
    let on = day("2025-01-15");
    let due = day("2027-01-15");
    assert_eq!(Standing::of(None, false, 24, day("2026-12-06")), Standing::Open);
    assert_eq!(Standing::of(Some(on), true, 24, day("2026-12-06")), Standing::Withdrawn);
    assert_eq!(Standing::of(None, true, 24, day("2026-12-06")), Standing::Withdrawn);
    assert_eq!(
        Standing::of(Some(on), false, 24, day("2026-11-15")),
        Standing::Designated { on, renewal_due: due },
        "61 days"
    );
    assert_eq!(
        Standing::of(Some(on), false, 24, day("2026-11-16")),
        Standing::RenewalDue { on, renewal_due: due, days_left: 60 }
    );
    assert_eq!(Standing::of(Some(on), false, 24, due), Standing::RenewalDue { on, renewal_due: due, days_left: 0 });
    assert_eq!(Standing::of(Some(on), false, 24, day("2027-01-16")), Standing::Lapsed { on, renewal_due: due });
    assert!(Standing::RenewalDue { on, renewal_due: due, days_left: 3 }.is_public());
    assert!(!Standing::Lapsed { on, renewal_due: due }.is_public() && !Standing::Withdrawn.is_public());
    assert!(!Standing::Open.reminds() && !Standing::Designated { on, renewal_due: due }.reminds());
    assert!(Standing::Lapsed { on, renewal_due: due }.reminds());
}

#[test]
fn an_application_names_every_missing_field() {
    let ok = ApplicationForm {
        organization: " Acme Tools ".into(),
        town: "Hartford".into(),
        contact_name: "Ana".into(),
        contact_email: "ana@Acme.EXAMPLE".into(),
    };
    let a = Application::parse(&ok).expect("an application");
    assert_eq!((a.organization.as_str(), a.contact_email.as_str()), ("Acme Tools", "ana@acme.example"));
    assert_eq!(
        codes(Application::parse(&ApplicationForm { contact_email: "not an email".into(), ..Default::default() })),
        vec![
            ("organization", "required"),
            ("town", "required"),
            ("contact_name", "required"),
            ("contact_email", "invalid-email")
        ]
    );
    assert_eq!(
        codes(Application::parse(&ApplicationForm { contact_email: String::new(), ..ok })),
        vec![("contact_email", "required")]
    );
}

#[test]
fn evidence_needs_text_a_step_not_yet_accepted_and_an_https_link() {
    use StepState::*;
    let states = [Accepted, Returned("x".into()), NotStarted];
    let e = Evidence::parse("1", " Minutes attached ", "https://example.org/minutes.pdf", &states).expect("evidence");
    assert_eq!(
        (e.step, e.text.as_str(), e.link.as_deref()),
        (1, "Minutes attached", Some("https://example.org/minutes.pdf"))
    );
    assert_eq!(Evidence::parse("2", "x", "", &states).map(|e| e.link), Ok(None));
    assert_eq!(codes(Evidence::parse("0", "x", "", &states)), vec![("step", "already-accepted")]);
    assert_eq!(
        codes(Evidence::parse("3", " ", "http://example.org", &states)),
        vec![("step", "unknown-choice"), ("text", "required"), ("link", "invalid-url")]
    );
    assert_eq!(
        codes(Evidence::parse("-1", "x", "javascript:alert(1)", &states)),
        vec![("step", "unknown-choice"), ("link", "invalid-url")]
    );
}

#[test]
fn a_review_accepts_only_submitted_steps_with_every_checklist_item_confirmed() {
    use StepState::*;
    let program = Program::parse(&form()).expect("a program");
    let states = [Submitted, Submitted];
    assert_eq!(
        Review::parse("0", "accept", "", &[], &program, &states),
        Ok(Review { step: 0, decision: Decision::Accept })
    );
    assert_eq!(codes(Review::parse("1", "accept", "", &[0], &program, &states)), vec![("checklist", "unconfirmed")]);
    assert_eq!(Review::parse("1", "accept", "", &[1, 0], &program, &states).map(|r| r.step), Ok(1));
    let r =
        Review::parse("1", "return", " Add the confidentiality section ", &[], &program, &states).expect("returned");
    assert_eq!(r.event(), StepEvent::Returned("Add the confidentiality section".into()), "no checklist to return one");
    assert_eq!(codes(Review::parse("1", "return", "", &[], &program, &states)), vec![("note", "required")]);
    assert_eq!(codes(Review::parse("0", "", "", &[], &program, &states)), vec![("decision", "required")]);
    assert_eq!(codes(Review::parse("0", "maybe", "", &[], &program, &states)), vec![("decision", "unknown-choice")]);
    let waiting = [NotStarted, Accepted];
    assert_eq!(codes(Review::parse("0", "accept", "", &[], &program, &waiting)), vec![("step", "nothing-to-review")]);
    assert_eq!(
        codes(Review::parse("1", "accept", "", &[0, 1], &program, &waiting)),
        vec![("step", "nothing-to-review")]
    );
    assert_eq!(codes(Review::parse("9", "accept", "", &[], &program, &states)), vec![("step", "unknown-choice")]);
}

#[test]
fn the_demo_programs_read_back_through_the_form() {
    let [workplace, town] = examples();
    assert_eq!(workplace.kind, DesignationKind::Workplace);
    assert_eq!(town.kind, DesignationKind::Community);
    let policy = workplace.steps.iter().find(|s| !s.checklist.is_empty()).expect("the policy step");
    assert_eq!(policy.checklist.len(), 6, "the policy's six elements");
    assert_eq!(workplace.trainings.iter().map(|t| t.count).sum::<u32>(), 3, "three trainings");
    assert_eq!(workplace.renewal_months, 24);
    for p in [workplace, town] {
        assert_eq!(Program::parse(&p.to_form()), Ok(p));
    }
}

fn state() -> impl Strategy<Value = StepState> {
    prop_oneof![
        Just(StepState::NotStarted),
        Just(StepState::Submitted),
        Just(StepState::Returned("note".into())),
        Just(StepState::Accepted),
    ]
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-z0-9áéñ][A-Za-z0-9áéñ ,.'()-]{0,30}[A-Za-z0-9áéñ.]".prop_map(|s| s.replace('|', "/"))
}

proptest! {
    /// Designation is allowed exactly when every step is accepted (and not withdrawn).
    #[test]
    fn designation_only_when_every_step_is_accepted(states in prop::collection::vec(state(), 0..8), withdrawn: bool) {
        let every = !states.is_empty() && states.iter().all(|s| *s == StepState::Accepted);
        prop_assert_eq!(may_designate(&states, withdrawn).is_ok(), every && !withdrawn);
        prop_assert_eq!(next_step(&states).is_none(), states.iter().all(|s| *s == StepState::Accepted));
    }

    /// Renewal is never due before the designation, and lies within the period's days.
    #[test]
    fn renewal_due_never_before_designation(d in 0i64..20_000, months in 1u32..=120) {
        let on = day("2000-01-01") + chrono::Duration::days(d);
        let due = renewal_due(on, months);
        prop_assert!(due > on);
        let days = (due - on).num_days();
        prop_assert!(days >= i64::from(months) * 28 && days <= i64::from(months) * 31);
    }

    /// As days pass a designation only moves on: designated, then due, then lapsed — and never back.
    #[test]
    fn standing_only_moves_on(d in 0i64..5_000, a in 0i64..5_000, b in 0i64..5_000, months in 1u32..=120) {
        let on = day("2010-01-01") + chrono::Duration::days(d);
        let rank = |s: Standing| match s {
            Standing::Designated { .. } => 0,
            Standing::RenewalDue { .. } => 1,
            Standing::Lapsed { .. } => 2,
            _ => 3,
        };
        let (early, late) = (on + chrono::Duration::days(a.min(b)), on + chrono::Duration::days(a.max(b)));
        prop_assert!(rank(Standing::of(Some(on), false, months, early)) <= rank(Standing::of(Some(on), false, months, late)));
    }

    /// Any steps written back by `steps_text` are read as the same steps.
    #[test]
    fn steps_read_back(raw in prop::collection::vec((text(), text(), text(), text(), prop::collection::vec((text(), text()), 0..3)), 1..5)) {
        let steps: Vec<Step> = raw
            .iter()
            .map(|(a, b, c, d, items)| Step {
                title: Bilingual::new(a, b),
                evidence: Bilingual::new(c, d),
                checklist: items.iter().map(|(x, y)| Bilingual::new(x, y)).collect(),
            })
            .collect();
        let back = parse_steps(&steps_text(&steps));
        prop_assert_eq!(back, Ok(steps));
    }
}

/// Issue 20 (branch rf-browser): the applicant's mailed reminder — within the days before the renewal day (the day
/// itself included), once per renewal day, never for a lapsed, withdrawn or open application.
#[test]
fn a_renewal_reminder_is_mailed_once_within_the_days_before() {
    let on = day("2026-01-15");
    let due = day("2027-01-15");
    let due_on =
        |today: &str, reminded: Option<NaiveDate>| mail_reminder_due(Some(on), false, 12, reminded, 30, day(today));
    assert_eq!(due_on("2026-12-15", None), None, "31 days before: not yet");
    assert_eq!(due_on("2026-12-16", None), Some(due), "30 days before");
    assert_eq!(due_on("2027-01-15", None), Some(due), "the day itself");
    assert_eq!(due_on("2027-01-16", None), None, "lapsed: no mail");
    assert_eq!(due_on("2027-01-01", Some(due)), None, "mailed already for this renewal day");
    assert_eq!(due_on("2027-01-01", Some(day("2026-01-15"))), Some(due), "a reminder for an earlier period");
    assert_eq!(mail_reminder_due(None, false, 12, None, 30, day("2027-01-01")), None, "not designated");
    assert_eq!(mail_reminder_due(Some(on), true, 12, None, 30, day("2027-01-01")), None, "withdrawn");
    assert_eq!(mail_reminder_due(Some(on), false, 12, None, 0, day("2027-01-14")), None, "0: on the day only");
    assert_eq!(mail_reminder_due(Some(on), false, 12, None, 0, day("2027-01-15")), Some(due));
}

proptest! {
    /// Over the days of a period, a reminder is due exactly on the `days_before + 1` days ending on the renewal day,
    /// and never once it was mailed for that day.
    #[test]
    fn a_reminder_is_due_only_in_its_window(start in 0i64..3000, months in 1u32..=120, before in 0i64..=60, offset in -400i64..400) {
        let on = day("2020-01-01") + chrono::Duration::days(start);
        let due = renewal_due(on, months);
        let today = due + chrono::Duration::days(offset);
        let expected = (-before..=0).contains(&offset);
        prop_assert_eq!(mail_reminder_due(Some(on), false, months, None, before, today).is_some(), expected);
        prop_assert_eq!(mail_reminder_due(Some(on), false, months, Some(due), before, today), None);
    }
}

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";

fn file_code(name: &str, bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    check_evidence_file(name, bytes).err().map(|e| (e.field, e.code))
}

#[test]
fn an_evidence_file_is_a_pdf_png_or_jpeg_by_its_first_bytes() {
    let f = check_evidence_file("policy.pdf", PDF).expect("checked").expect("a file");
    assert_eq!((f.name.as_str(), f.content_type, f.bytes.as_slice()), ("policy.pdf", "application/pdf", PDF));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(check_evidence_file("a.png", png).map(|f| f.map(|f| f.content_type)), Ok(Some("image/png")));
    let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
    assert_eq!(check_evidence_file("a.jpg", &jpeg).map(|f| f.map(|f| f.content_type)), Ok(Some("image/jpeg")));
    // The name does not decide: a program renamed .pdf, or plain text, is refused.
    assert_eq!(file_code("setup.pdf", b"MZ\x90\0\x03\0\0\0"), Some(("evidence_file", "not-a-scan")));
    assert_eq!(file_code("notes.pdf", b"just some text"), Some(("evidence_file", "not-a-scan")));
    // A PDF's bytes under another name are still a PDF.
    assert_eq!(check_evidence_file("scan.txt", PDF).map(|f| f.map(|f| f.content_type)), Ok(Some("application/pdf")));
}

#[test]
fn no_file_chosen_is_none_but_an_empty_or_too_large_file_is_refused() {
    assert_eq!(check_evidence_file("", b""), Ok(None));
    assert_eq!(check_evidence_file("  ", b""), Ok(None));
    assert_eq!(file_code("empty.pdf", b""), Some(("evidence_file", "empty-file")));
    let mut big = PDF.to_vec();
    big.resize(MAX_EVIDENCE_FILE_BYTES, b' ');
    assert!(check_evidence_file("big.pdf", &big).is_ok(), "the limit itself is kept");
    big.push(b' ');
    assert_eq!(file_code("big.pdf", &big), Some(("evidence_file", "file-too-large")));
}

#[test]
fn a_file_name_keeps_its_last_part_without_quotes_or_controls() {
    assert_eq!(file_name("C:\\Users\\hr\\policy.pdf", "application/pdf"), "policy.pdf");
    assert_eq!(file_name("/tmp/a\"b;c\n.pdf", "application/pdf"), "abc.pdf");
    assert_eq!(file_name("", "image/png"), "evidence.png");
    assert_eq!(file_name("..", "image/jpeg"), "evidence.jpg");
    let long = format!("{}.pdf", "x".repeat(300));
    let cut = file_name(&long, "application/pdf");
    assert_eq!(cut.chars().count(), MAX_FILE_NAME);
    assert!(cut.ends_with("x.pdf"), "{cut}");
}

fn req(kind: TrainingKind, count: u32) -> TrainingRequirement {
    TrainingRequirement { kind, count }
}

#[test]
fn required_trainings_are_matched_against_the_recorded_ones() {
    use TrainingKind::*;
    let required = [req(Naloxone, 1), req(Stigma, 2)];
    // None recorded: each type required, none recorded, not met.
    let none = trainings_met(&required, &[]);
    assert_eq!(
        none,
        vec![
            TrainingMet { kind: Naloxone, required: 1, recorded: vec![] },
            TrainingMet { kind: Stigma, required: 2, recorded: vec![] }
        ]
    );
    assert!(none.iter().all(|m| !m.met()));
    // Other kinds are ignored; more than required is met; fewer is not.
    let recorded = [RecoveryAlly, Naloxone, Stigma, Naloxone, WorkplaceSupervisor];
    let m = trainings_met(&required, &recorded);
    assert_eq!(m[0], TrainingMet { kind: Naloxone, required: 1, recorded: vec![1, 3] });
    assert!(m[0].met(), "two recorded, one required");
    assert_eq!(m[1], TrainingMet { kind: Stigma, required: 2, recorded: vec![2] });
    assert!(!m[1].met(), "one recorded, two required");
    assert_eq!(m.len(), 2, "only the required types are listed");
    // A program that requires none lists none, whatever is recorded.
    assert!(trainings_met(&[], &recorded).is_empty());
}

proptest! {
    #[test]
    fn every_recorded_training_of_a_required_type_is_counted_once(
        kinds in proptest::collection::vec(0usize..4, 0..20),
        counts in proptest::collection::vec(1u32..5, 4),
    ) {
        let recorded: Vec<TrainingKind> = kinds.iter().map(|i| TrainingKind::ALL[*i]).collect();
        let required: Vec<TrainingRequirement> =
            TrainingKind::ALL.iter().zip(&counts).map(|(k, c)| req(*k, *c)).collect();
        let m = trainings_met(&required, &recorded);
        let counted: usize = m.iter().map(|t| t.recorded.len()).sum();
        prop_assert_eq!(counted, recorded.len());
        for t in &m {
            prop_assert!(t.recorded.iter().all(|i| recorded[*i] == t.kind));
            prop_assert_eq!(t.met(), t.recorded.len() >= t.required as usize);
        }
    }
}
