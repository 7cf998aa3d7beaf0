//! Education pages (issue 20, part 6): public, bilingual pages that reduce stigma — person-first language, what
//! family and friends can do, naloxone, recovery is possible — written by an administrator in a small Markdown
//! subset (rendered server-side without raw HTML: `pathways_web::views::markdown`), each citing its source.
//!
//! A page has one address (its slug) and both languages: English and Spanish are required together, so no public
//! page is ever in one language only.

use crate::text::{FieldError, optional_text, required_text};

/// The longest a title may be.
pub const MAX_TITLE: usize = 120;
/// The longest a page's text may be, in characters, in each language.
pub const MAX_BODY: usize = 20_000;
/// The longest the source's citation may be.
pub const MAX_SOURCE: usize = 300;

/// A page's address (`/learn/{slug}`): 3 to 60 lowercase ASCII letters, digits and single hyphens, starting with a
/// letter. `new` is taken by the form.
pub fn parse_slug(raw: &str) -> Result<String, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::new("slug", "required"));
    }
    let ok = (3..=60).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && s.as_bytes()[0].is_ascii_lowercase()
        && !s.ends_with('-')
        && !s.contains("--")
        && s != "new";
    if ok { Ok(s.to_owned()) } else { Err(FieldError::new("slug", "invalid")) }
}

/// A page as typed.
#[derive(Clone, Debug, Default)]
pub struct EducationForm {
    pub slug: String,
    pub title_en: String,
    pub body_en: String,
    pub title_es: String,
    pub body_es: String,
    pub source: String,
    pub source_url: String,
}

/// A page, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EducationPage {
    pub slug: String,
    pub title_en: String,
    pub body_en: String,
    pub title_es: String,
    pub body_es: String,
    /// The source it cites (author or body, title, year).
    pub source: String,
    /// The source's address, `https:` only.
    pub source_url: Option<String>,
}

fn body(field: &'static str, raw: &str) -> Result<String, FieldError> {
    match crate::text::optional_multiline(field, raw, MAX_BODY)? {
        Some(s) => Ok(s),
        None => Err(FieldError::new(field, "required")),
    }
}

pub(crate) fn https(field: &'static str, raw: &str) -> Result<Option<String>, FieldError> {
    let Some(s) = optional_text(field, raw, 500)? else { return Ok(None) };
    match url::Url::parse(&s) {
        Ok(u) if u.scheme() == "https" && u.host_str().is_some() => Ok(Some(u.to_string())),
        _ => Err(FieldError::new(field, "invalid-url")),
    }
}

impl EducationPage {
    /// Every field but the link is required: both languages, and the source the page cites.
    pub fn parse(f: &EducationForm) -> Result<Self, Vec<FieldError>> {
        let slug = parse_slug(&f.slug);
        let title_en = required_text("title_en", &f.title_en, MAX_TITLE);
        let body_en = body("body_en", &f.body_en);
        let title_es = required_text("title_es", &f.title_es, MAX_TITLE);
        let body_es = body("body_es", &f.body_es);
        let source = required_text("source", &f.source, MAX_SOURCE);
        let source_url = https("source_url", &f.source_url);
        match (slug, title_en, body_en, title_es, body_es, source, source_url) {
            (Ok(slug), Ok(title_en), Ok(body_en), Ok(title_es), Ok(body_es), Ok(source), Ok(source_url)) => {
                Ok(EducationPage { slug, title_en, body_en, title_es, body_es, source, source_url })
            }
            (a, b, c, d, e, g, h) => {
                Err([a.err(), b.err(), c.err(), d.err(), e.err(), g.err(), h.err()].into_iter().flatten().collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_page_needs_both_languages_and_its_source() {
        let f = EducationForm {
            slug: "person-first-language".into(),
            title_en: "Words matter".into(),
            body_en: "Say *person in recovery*.\r\n".into(),
            title_es: "Las palabras importan".into(),
            body_es: "Diga *persona en recuperación*.".into(),
            source: "NIDA, Words Matter, 2021".into(),
            source_url: "https://nida.nih.gov/".into(),
        };
        let p = EducationPage::parse(&f).expect("a page");
        assert_eq!(p.body_en, "Say *person in recovery*.");
        let bad =
            EducationForm { slug: "New".into(), source_url: "javascript:alert(1)".into(), ..EducationForm::default() };
        let codes: Vec<_> =
            EducationPage::parse(&bad).expect_err("errors").into_iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            codes,
            vec![
                ("slug", "invalid"),
                ("title_en", "required"),
                ("body_en", "required"),
                ("title_es", "required"),
                ("body_es", "required"),
                ("source", "required"),
                ("source_url", "invalid-url"),
            ]
        );
    }

    #[test]
    fn slugs_are_plain_addresses() {
        for ok in ["naloxone", "what-family-can-do", "recovery-is-possible-2"] {
            assert_eq!(parse_slug(ok).as_deref(), Ok(ok));
        }
        for bad in ["new", "ab", "-x-", "a--b", "Naloxone", "naloxone-", "2-naloxone", "na/lox", "naïve"] {
            assert_eq!(parse_slug(bad), Err(FieldError::new("slug", "invalid")), "{bad}");
        }
    }

    proptest! {
        /// Whatever is typed, an accepted slug is safe in a path: lowercase ASCII letters, digits and hyphens.
        #[test]
        fn an_accepted_slug_is_path_safe(s in "\\PC{0,70}") {
            if let Ok(slug) = parse_slug(&s) {
                prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
        }
    }
}
