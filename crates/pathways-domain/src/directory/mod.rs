//! The community directory and meeting finder: services and mutual-support meetings near a person, in the shape
//! of Open Referral HSDS 3.0 and the Meeting Guide feed format.
//!
//! - [`geo`]: coordinates, great-circle distance and the bounding box a radius search filters with first.
//! - [`schedule`]: weekly meeting times in a named time zone, the next occurrence, and "now / today / tonight".
//! - [`meeting_guide`]: reading (and writing) a Meeting Guide JSON feed, one record at a time, so one bad record
//!   never loses the rest.

pub mod geo;
pub mod listing;
pub mod meeting_guide;
pub mod schedule;

/// A link a directory page may show: an absolute `http://` or `https://` address with a host, trimmed. Every URL
/// field an importer reads (Meeting Guide `url` and `conference_url`, HSDS `url`, `website`, …) passes this
/// before it is stored, and every page passes it again before it becomes an `href` (issue 23): a `javascript:`
/// or `data:` link must never be kept, and rows stored before the rule must not render one.
pub fn web_address(raw: &str) -> Option<&str> {
    let s = raw.trim();
    // As written, not only as parsed: the parser reads `http:x` or `http:///x` as `http://x/`, but the page
    // would link the text as stored.
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return None;
    };
    if rest.starts_with(['/', '\\']) {
        return None;
    }
    match url::Url::parse(s) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::web_address;

    #[test]
    fn only_web_addresses_with_a_host_are_links() {
        for ok in ["https://example.org/m/14", "http://zoom.us/j/1?pwd=x", "  HTTPS://Example.org  "] {
            assert!(web_address(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "ftp://example.org",
            "//example.org",
            "/relative",
            "example.org",
            "https://",
            "http:///path",
            "mailto:a@example.org",
            "",
        ] {
            assert_eq!(web_address(bad), None, "{bad}");
        }
    }

    proptest! {
        /// Whatever comes in, what is accepted starts with http:// or https:// (any case).
        #[test]
        fn an_accepted_link_is_always_http(raw in ".{0,40}", scheme in "(javascript|data|vbscript|file|http|https):") {
            let input = format!("{scheme}{raw}");
            if let Some(ok) = web_address(&input) {
                let lower = ok.to_ascii_lowercase();
                prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{}", ok);
            }
        }
    }
}
