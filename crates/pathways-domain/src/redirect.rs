//! Where a `next=` parameter may send a browser: only a path on this site. One function decides it for every
//! redirect Pathways makes from input (after signing in, after choosing a language), so an attacker's link to
//! Pathways can never bounce a person — who may be in a crisis — to another site that looks like it.
//!
//! Browsers are lenient in ways servers are not: they drop tabs and newlines inside URLs (`/\t/evil` is
//! `//evil`), treat `\` as `/`, and resolve a path that starts with `//` as another host. The rule here is
//! stricter than any of that on purpose:
//! 1. the target is printable ASCII only — no control characters, spaces, backslashes or non-ASCII look-alikes
//!    (a real target is a percent-encoded path, which is ASCII);
//! 2. it starts with exactly one `/`;
//! 3. its path, percent-decoded (repeatedly, as a chain of redirects or a lenient proxy might), still starts with
//!    exactly one `/` and holds no control character, whitespace or backslash;
//! 4. resolved against the site's own origin (the public URL), it stays on that origin with no user information.
//!
//! The answer is the target as the URL parser serializes it (path, query and fragment), so it is always a valid
//! `Location` header.

use url::Url;

/// The target to redirect to, or `None` when `next` is not a plain path on `origin`.
pub fn local_target(next: &str, origin: &Url) -> Option<String> {
    let next = next.trim_matches(' ');
    if next.is_empty() || !next.bytes().all(|b| b.is_ascii_graphic()) || next.contains('\\') {
        return None;
    }
    if !starts_with_one_slash(next) {
        return None;
    }
    let path_end = next.find(['?', '#']).unwrap_or(next.len());
    let mut path = next[..path_end].to_owned();
    for _ in 0..4 {
        let decoded = percent_decode(&path);
        if !starts_with_one_slash(&decoded) || decoded.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        {
            return None;
        }
        if decoded == path {
            break;
        }
        path = decoded;
    }
    let joined = origin.join(next).ok()?;
    let same = joined.scheme() == origin.scheme()
        && joined.host() == origin.host()
        && joined.port_or_known_default() == origin.port_or_known_default()
        && joined.username().is_empty()
        && joined.password().is_none();
    same.then(|| joined[url::Position::BeforePath..].to_owned())
}

fn starts_with_one_slash(s: &str) -> bool {
    s.starts_with('/') && !s[1..].starts_with('/')
}

/// `%XX` escapes decoded, bytes kept otherwise; invalid UTF-8 is replaced (it only has to be inspected).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (bytes.get(i + 1).and_then(hex), bytes.get(i + 2).and_then(hex))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: &u8) -> Option<u8> {
    (*b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn origin() -> Url {
        Url::parse("https://pathways.example.org/").expect("origin")
    }

    #[test]
    fn paths_on_this_site_are_followed() {
        for (next, want) in [
            ("/persons?q=a", "/persons?q=a"),
            ("/find?q=caf%C3%A9&near=06106", "/find?q=caf%C3%A9&near=06106"),
            ("/me/plan#goal-2", "/me/plan#goal-2"),
            ("/", "/"),
            ("/persons/../staff", "/staff"),
            ("/@evil.example/..", "/"),
        ] {
            assert_eq!(local_target(next, &origin()).as_deref(), Some(want), "{next}");
        }
    }

    /// The classic open-redirect bypasses (OWASP's cheat sheet and PortSwigger's lists), each as it arrives after
    /// the query string was decoded once.
    #[test]
    fn the_classic_bypasses_are_refused() {
        for bad in [
            "https://evil.example",
            "http:evil.example",
            "https:evil.example",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\n/evil.example",
            "/\u{1}",
            "/%09/evil.example",
            "/%2F%2Fevil.example",
            "/%2f/evil.example",
            "/%5Cevil.example",
            "/%5c%5cevil.example",
            "/%252F%252Fevil.example",
            "/%E3%80%82evil\\",
            "/\u{ff0f}evil.example",
            "/\u{2215}evil.example",
            "\u{ff0f}\u{ff0f}evil.example",
            "/ /evil.example",
            "javascript:alert(1)",
            "data:text/html,x",
            "evil.example",
            "persons",
            "",
            " ",
        ] {
            assert_eq!(local_target(bad, &origin()), None, "{bad:?}");
        }
    }

    proptest! {
        /// Whatever arrives, the answer is a single-slash path of printable ASCII on this origin (a valid `Location`
        /// header that no browser resolves to another host), or nothing.
        #[test]
        fn any_input_gives_a_local_path_or_nothing(next in "\\PC*", bytes in proptest::collection::vec(any::<u8>(), 0..12)) {
            let mut raw = next.clone();
            raw.push_str(&String::from_utf8_lossy(&bytes));
            for candidate in [next.as_str(), raw.as_str(), &format!("/{raw}")] {
                if let Some(t) = local_target(candidate, &origin()) {
                    prop_assert!(t.starts_with('/') && !t.starts_with("//"));
                    prop_assert!(t.bytes().all(|b| b.is_ascii_graphic()));
                    let resolved = origin().join(&t).expect("joins");
                    prop_assert_eq!(resolved.host_str(), Some("pathways.example.org"));
                }
            }
        }
    }
}
