//! The perception-of-care survey (issue 17): what the people served say about the help, in their own words and
//! on a 5-point agreement scale, answered by the person in the portal or on a shared tablet with a one-time code,
//! and shown to staff only in aggregates (`docs/OUTCOMES.md`, "Perception of care").
//!
//! The items are Pathways' own plain-language wording of the five themes the issue names (respect, a say in the
//! plan, help that fits one's culture and language, knowing where to turn in a crisis, recommending the
//! program). They are NOT the items of any official instrument (they are not MHSIP or SAMHSA items and carry no
//! official code); they are kept in [`ITEMS`], one table, so that they can later be loaded as an instrument
//! file like the others.
//!
//! Also here: the parsing of a response (each item optional, at least one answered; a comment of at most
//! [`COMMENT_MAX_CHARS`]), its storage form, the one-time code's shape, and [`scrub`], which removes names,
//! numbers and email addresses from a comment before anyone reads it.

use crate::text::FieldError;

/// The instrument's id and version, for when the items are loaded as an instrument file.
pub const INSTRUMENT_ID: &str = "pathways-perception-of-care";
pub const INSTRUMENT_VERSION: &str = "1";

/// One item: its field name, and its text in English and Spanish (plain language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: &'static str,
    pub en: &'static str,
    pub es: &'static str,
}

/// The items, in the order they are asked and stored.
pub const ITEMS: [Item; 5] = [
    Item { id: "respect", en: "Staff treated me with respect.", es: "El personal me trató con respeto." },
    Item {
        id: "say_in_plan",
        en: "I had a say in my plan and my goals.",
        es: "Pude opinar sobre mi plan y mis metas.",
    },
    Item {
        id: "culture_language",
        en: "The help I got fit my culture and my language.",
        es: "La ayuda que recibí fue adecuada a mi cultura y a mi idioma.",
    },
    Item {
        id: "crisis",
        en: "I know where to turn if I am in a crisis.",
        es: "Sé a dónde acudir si estoy en una crisis.",
    },
    Item {
        id: "recommend",
        en: "I would recommend this program to a friend or family member.",
        es: "Recomendaría este programa a un amigo o a un familiar.",
    },
];

/// The 5-point agreement scale: the stored value (1–5) and its words.
pub const SCALE: [(u8, &str, &str); 5] = [
    (1, "Strongly disagree", "Muy en desacuerdo"),
    (2, "Disagree", "En desacuerdo"),
    (3, "Neither agree nor disagree", "Ni de acuerdo ni en desacuerdo"),
    (4, "Agree", "De acuerdo"),
    (5, "Strongly agree", "Muy de acuerdo"),
];

/// The comment's longest length, in characters.
pub const COMMENT_MAX_CHARS: usize = 1000;

/// Whether an answer counts as agreeing ("agree" or "strongly agree").
pub const fn agrees(answer: u8) -> bool {
    answer >= 4
}

/// One response: an answer (1–5) or nothing for each item, and the comment as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub answers: [Option<u8>; 5],
    pub comment: Option<String>,
}

impl Response {
    /// Parses a form: each item's field (by [`Item::id`]) empty or `1`–`5`, and `comment`. At least one item or
    /// the comment must be answered.
    pub fn parse(field: impl Fn(&str) -> Option<String>, comment: &str) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut answers = [None; 5];
        for (i, item) in ITEMS.iter().enumerate() {
            match field(item.id).as_deref().map(str::trim) {
                None | Some("") => {}
                Some(v) => match v.parse::<u8>() {
                    Ok(n) if (1..=5).contains(&n) => answers[i] = Some(n),
                    _ => errors.push(FieldError::new(item.id, "unknown-choice")),
                },
            }
        }
        let comment = comment.trim();
        if comment.chars().count() > COMMENT_MAX_CHARS {
            errors.push(FieldError::new("comment", "too-long"));
        }
        if comment.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
            errors.push(FieldError::new("comment", "invalid-characters"));
        }
        let comment = (!comment.is_empty()).then(|| comment.to_owned());
        if errors.is_empty() && answers.iter().all(Option::is_none) && comment.is_none() {
            errors.push(FieldError::new("respect", "required"));
        }
        if errors.is_empty() { Ok(Self { answers, comment }) } else { Err(errors) }
    }

    /// The answers as stored: one character per item, `1`–`5` or `-`.
    pub fn encode(&self) -> String {
        self.answers.iter().map(|a| a.map_or('-', |n| char::from(b'0' + n))).collect()
    }
}

/// The answers from their stored form; anything unreadable is no answer.
pub fn decode(stored: &str) -> [Option<u8>; 5] {
    let mut out = [None; 5];
    for (slot, c) in out.iter_mut().zip(stored.chars()) {
        *slot = c.to_digit(10).and_then(|d| u8::try_from(d).ok()).filter(|d| (1..=5).contains(d));
    }
    out
}

/// The one-time code's alphabet: no 0/O, 1/I/L, so that it can be read aloud and typed on a tablet.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Letters in a code (shown as two groups of four: `ABCD-EFGH`).
pub const CODE_LEN: usize = 8;
/// How long a code may be used after it is made.
pub const CODE_VALID_HOURS: i64 = 24;

/// A code as typed, made canonical (upper case, without spaces or hyphens), or `None` when it cannot be one.
pub fn normalize_code(raw: &str) -> Option<String> {
    let c: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
    (c.len() == CODE_LEN && c.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(c)
}

/// A code for display: `ABCD-EFGH`.
pub fn display_code(code: &str) -> String {
    if code.len() == CODE_LEN { format!("{}-{}", &code[..4], &code[4..]) } else { code.to_owned() }
}

/// What [`scrub`] puts in place of what it removes.
pub const NAME: &str = "[name]";
pub const NUMBER: &str = "[number]";
pub const EMAIL: &str = "[email]";

/// Words that may begin a sentence with a capital letter without being a name (English and Spanish). Any other
/// capitalized word — anywhere in the comment — is taken for a name and removed: this removes some place and
/// program names too, which is the safe side.
const SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "all",
    "also",
    "ask",
    "call",
    "feel",
    "felt",
    "go",
    "help",
    "let",
    "make",
    "see",
    "talk",
    "tell",
    "try",
    "always",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "before",
    "being",
    "but",
    "can",
    "could",
    "did",
    "do",
    "does",
    "don't",
    "even",
    "every",
    "everyone",
    "everything",
    "for",
    "from",
    "get",
    "getting",
    "give",
    "glad",
    "good",
    "great",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "his",
    "how",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "is",
    "it",
    "it's",
    "just",
    "keep",
    "less",
    "like",
    "maybe",
    "more",
    "most",
    "much",
    "my",
    "need",
    "never",
    "no",
    "not",
    "nothing",
    "now",
    "of",
    "often",
    "on",
    "once",
    "only",
    "or",
    "our",
    "overall",
    "please",
    "really",
    "she",
    "should",
    "since",
    "so",
    "some",
    "sometimes",
    "staff",
    "still",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "too",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "without",
    "would",
    "yes",
    "you",
    "your",
    // Spanish
    "además",
    "al",
    "algo",
    "algunas",
    "algunos",
    "aquí",
    "así",
    "aunque",
    "bien",
    "bueno",
    "buena",
    "cada",
    "como",
    "con",
    "cuando",
    "de",
    "del",
    "desde",
    "después",
    "el",
    "ella",
    "ellos",
    "en",
    "es",
    "esta",
    "está",
    "este",
    "esto",
    "estoy",
    "fue",
    "gracias",
    "hay",
    "la",
    "las",
    "le",
    "lo",
    "los",
    "me",
    "mi",
    "mis",
    "mucho",
    "muy",
    "más",
    "nada",
    "necesito",
    "no",
    "nos",
    "nosotros",
    "nunca",
    "para",
    "pero",
    "personal",
    "por",
    "porque",
    "que",
    "quiero",
    "qué",
    "se",
    "si",
    "siempre",
    "sin",
    "sí",
    "también",
    "tengo",
    "todo",
    "todos",
    "un",
    "una",
    "y",
    "ya",
    "yo",
];

/// Removes names, numbers and email addresses from a comment, so that what staff read in an aggregate names
/// no one and reaches no one:
/// - a word with `@` in it becomes [`EMAIL`];
/// - a run of 3 or more digits (spaces, hyphens, dots, slashes and parentheses between them allowed: phone
///   numbers, dates, record numbers) becomes [`NUMBER`]; one or two digits alone stay ("2 weeks");
/// - a word starting with a capital letter becomes [`NAME`], unless it begins a sentence and is a common
///   sentence starter ([`SENTENCE_STARTERS`]) or is the pronoun "I" (and "I'm", "I've" …).
///
/// Pure and total: any text in, text without `@` and without three digits in a row out.
pub fn scrub(comment: &str) -> String {
    let numbers_gone = scrub_numbers(comment);
    let mut out = String::with_capacity(numbers_gone.len());
    let mut sentence_start = true;
    for piece in split_keep_space(&numbers_gone) {
        if piece.chars().all(char::is_whitespace) {
            out.push_str(piece);
            continue;
        }
        let word = piece.trim_matches(|c: char| !c.is_alphanumeric());
        let replaced = if piece.contains('@') {
            Some(EMAIL)
        } else if word.starts_with(|c: char| c.is_uppercase()) {
            let lower = word.to_lowercase();
            let pronoun_i = word == "I" || (word.starts_with("I'") && SENTENCE_STARTERS.contains(&lower.as_str()));
            let starter = sentence_start && SENTENCE_STARTERS.contains(&lower.as_str());
            (!pronoun_i && !starter).then_some(NAME)
        } else {
            None
        };
        match replaced {
            Some(r) => {
                // Keep the punctuation around the word (a name at the end of a sentence keeps its full stop).
                let lead: String = piece.chars().take_while(|c| !c.is_alphanumeric() && *c != '@').collect();
                let trail: String = piece
                    .chars()
                    .rev()
                    .take_while(|c| !c.is_alphanumeric() && *c != '@')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let trail = if piece.contains('@') { trailing_punct(piece) } else { trail };
                out.push_str(&lead);
                out.push_str(r);
                out.push_str(&trail);
            }
            None => out.push_str(piece),
        }
        sentence_start = piece.ends_with(['.', '!', '?', '¡', '¿']) || piece.starts_with(['¡', '¿']) && word.is_empty();
    }
    out
}

fn trailing_punct(piece: &str) -> String {
    let t: Vec<char> =
        piece.chars().rev().take_while(|c| matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | ')')).collect();
    t.into_iter().rev().collect()
}

/// Splits into words and runs of whitespace, keeping both.
fn split_keep_space(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in s.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|was| was != space) {
            out.push(&s[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// Replaces every run of 3 or more digits — separators allowed between them — with [`NUMBER`].
fn scrub_numbers(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() || (chars[i] == '(' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) {
            // The longest run of digits and separators from here; it ends on a digit (or a closing parenthesis).
            let mut j = i;
            let mut digits = 0;
            let mut end = i;
            while j < chars.len() {
                let c = chars[j];
                if c.is_ascii_digit() {
                    digits += 1;
                    end = j + 1;
                } else if matches!(c, ' ' | '-' | '.' | '/' | '(' | ')' | '+') {
                    // A separator continues the run only if a digit follows soon.
                    if !chars[j + 1..].iter().take(3).any(char::is_ascii_digit) {
                        break;
                    }
                } else {
                    break;
                }
                j += 1;
            }
            if digits >= 3 {
                out.push_str(NUMBER);
                i = end;
                continue;
            }
            // One or two digits: keep them as written.
            for c in &chars[i..end.max(i + 1)] {
                out.push(*c);
            }
            i = end.max(i + 1);
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn names_numbers_and_emails_are_removed() {
        assert_eq!(
            scrub("My coach Maria Lopez was great. Call me at 860-555-0142 or maria.l@example.org!"),
            "My coach [name] [name] was great. Call me at [number] or [email]!"
        );
        assert_eq!(scrub("I felt heard. Thank you, Jordan."), "I felt heard. Thank you, [name].");
        assert_eq!(scrub("(860) 555 0142"), "[number]");
        assert_eq!(scrub("It took 2 weeks to get a bed"), "It took 2 weeks to get a bed");
        assert_eq!(scrub("Mi consejera Rosa me ayudó mucho."), "Mi consejera [name] me ayudó mucho.");
        assert_eq!(scrub("Rosa helped me."), "[name] helped me.", "a name may begin a sentence");
        assert_eq!(scrub("I'm grateful. I've learned a lot."), "I'm grateful. I've learned a lot.");
        assert_eq!(scrub("record 12345"), "record [number]");
        assert_eq!(scrub(""), "");
    }

    #[test]
    fn a_response_needs_an_answer_and_valid_choices() {
        let none = |_: &str| None;
        assert_eq!(
            Response::parse(none, "  ").expect_err("nothing answered"),
            vec![FieldError::new("respect", "required")]
        );
        let r = Response::parse(|id: &str| (id == "crisis").then(|| "4".to_owned()), "").expect("one answer");
        assert_eq!(r.answers, [None, None, None, Some(4), None]);
        assert_eq!(r.encode(), "---4-");
        assert_eq!(decode(&r.encode()), r.answers);
        let bad = Response::parse(|_: &str| Some("6".to_owned()), "").expect_err("off the scale");
        assert_eq!(bad.len(), 5);
        let long = "a".repeat(COMMENT_MAX_CHARS + 1);
        assert_eq!(Response::parse(none, &long).expect_err("too long"), vec![FieldError::new("comment", "too-long")]);
        assert!(Response::parse(none, "Only a comment").is_ok());
        assert!(agrees(4) && agrees(5) && !agrees(3));
    }

    #[test]
    fn codes_are_read_forgivingly_and_shown_in_two_groups() {
        assert_eq!(normalize_code(" abcd-efgh "), Some("ABCDEFGH".into()));
        assert_eq!(normalize_code("ABCD EFGH"), Some("ABCDEFGH".into()));
        assert_eq!(normalize_code("ABCD-EFG0"), None, "0 is not in the alphabet");
        assert_eq!(normalize_code("ABC"), None);
        assert_eq!(display_code("ABCDEFGH"), "ABCD-EFGH");
        assert_eq!(ITEMS.len(), 5);
        assert_eq!(ITEMS.map(|i| i.id), ["respect", "say_in_plan", "culture_language", "crisis", "recommend"]);
    }

    proptest! {
        #[test]
        fn a_scrubbed_comment_has_no_email_and_no_three_digits(s in "\\PC{0,200}") {
            let out = scrub(&s);
            prop_assert!(!out.contains('@'), "{out:?}");
            let digits: Vec<char> = out.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '/' | '(' | ')' | '+')).collect();
            prop_assert!(!digits.windows(3).any(|w| w.iter().all(char::is_ascii_digit)), "{out:?}");
        }

        #[test]
        fn scrubbing_twice_changes_nothing_more(s in "[a-zA-Z0-9@. ,-]{0,120}") {
            let once = scrub(&s);
            prop_assert_eq!(scrub(&once), once.clone());
        }

        #[test]
        fn answers_round_trip(a in proptest::array::uniform5(proptest::option::of(1u8..=5))) {
            let r = Response { answers: a, comment: None };
            prop_assert_eq!(decode(&r.encode()), a);
        }
    }
}

/// Whether the caller may make one-time survey codes for a tablet: the staff who work with the persons served
/// (administrators, supervisors, clinicians, coaches). Codes name no one.
pub fn may_issue_codes(p: &crate::access::Principal) -> bool {
    p.kind == crate::PrincipalKind::Staff
        && matches!(
            p.role,
            Some(crate::Role::Admin | crate::Role::Supervisor | crate::Role::Clinician | crate::Role::Coach)
        )
}

#[cfg(test)]
mod who {
    use super::may_issue_codes;
    use crate::access::Principal;
    use crate::{AccountId, OrgId, Role};

    #[test]
    fn staff_who_work_with_persons_make_codes() {
        for role in Role::ALL {
            let p = Principal::staff(AccountId::new(), OrgId::new(), role);
            let expected = matches!(role, Role::Admin | Role::Supervisor | Role::Clinician | Role::Coach);
            assert_eq!(may_issue_codes(&p), expected, "{role}");
        }
    }
}
