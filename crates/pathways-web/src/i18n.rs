//! Every user-facing string comes from the Fluent message catalog in `locales/<lang>/main.ftl`.
//! A test checks that English and Spanish define exactly the same keys, and that every key a template uses
//! exists.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use pathways_domain::locale::Locale;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around placeables would end up as invisible characters in HTML attributes and
        // `tel:` links; our placeables are names and numbers in the page's own direction.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static ES: LanguageIdentifier = langid!("es");

/// The message keys a catalog defines: the lines that begin with a lowercase letter, up to ` =`.
fn catalog_keys(ftl: &str) -> impl Iterator<Item = &str> {
    ftl.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
}

/// Every message of the catalog looked up without arguments once per language, English then Spanish: what
/// [`Tr::get`] gives. A page asks for a hundred or more of them, and each lookup would otherwise negotiate the
/// language, hash the key and format the message again on every render (issue 16: about 7 % of the finder page's
/// samples under load, by perf; +4 % req/s on /find?q=recovery in an A/B run).
static PLAIN: LazyLock<[HashMap<&'static str, String>; 2]> = LazyLock::new(|| {
    let keys: Vec<&'static str> = catalog_keys(include_str!("../locales/en/main.ftl")).collect();
    [&EN, &ES].map(|lang| keys.iter().map(|&k| (k, LOCALES.lookup(lang, k))).collect())
});

/// The translator for one request's language. Templates call `t.get(KEY)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    pub locale: Locale,
}

impl Tr {
    pub fn new(locale: Locale) -> Self {
        Self { locale }
    }

    fn lang(&self) -> &'static LanguageIdentifier {
        match self.locale {
            Locale::En => &EN,
            Locale::Es => &ES,
        }
    }

    pub fn get(&self, key: &str) -> String {
        let plain = PLAIN.get(usize::from(self.locale == Locale::Es)).and_then(|m| m.get(key));
        plain.cloned().unwrap_or_else(|| LOCALES.lookup(self.lang(), key))
    }

    /// A message with one argument, e.g. `t.arg(KEY, "name", name)`.
    pub fn arg(&self, key: &str, name: &'static str, value: &str) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_owned()));
        LOCALES.lookup_with_args(self.lang(), key, &args)
    }

    /// A message with several arguments, e.g. `t.args(KEY, &[("page", "2".into()), ("pages", "5".into())])`.
    pub fn args(&self, key: &str, values: &[(&'static str, String)]) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        for (name, value) in values {
            args.insert(Cow::Borrowed(*name), FluentValue::from(value.clone()));
        }
        LOCALES.lookup_with_args(self.lang(), key, &args)
    }

    /// A message with a number, for plurals.
    pub fn count(&self, key: &str, n: u64) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue<'_>> = HashMap::new();
        args.insert(Cow::Borrowed("count"), FluentValue::from(n));
        LOCALES.lookup_with_args(self.lang(), key, &args)
    }

    pub fn lang_code(&self) -> &'static str {
        self.locale.as_str()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn keys(ftl: &str) -> BTreeSet<String> {
        catalog_keys(ftl).map(str::to_owned).collect()
    }

    fn catalog(lang: &str) -> String {
        std::fs::read_to_string(format!("{}/locales/{lang}/main.ftl", env!("CARGO_MANIFEST_DIR"))).expect("catalog")
    }

    /// The messages kept formatted are what a lookup gives, in both languages (a key no catalog defines is still
    /// looked up: `missing_key_tests`).
    #[test]
    fn kept_messages_are_what_a_lookup_gives() {
        for (locale, lang) in [(Locale::En, &EN), (Locale::Es, &ES)] {
            let t = Tr::new(locale);
            for key in keys(&catalog("en")) {
                assert_eq!(t.get(&key), LOCALES.lookup(lang, &key), "{key}");
            }
        }
        assert_ne!(Tr::new(Locale::En).get("find-title"), Tr::new(Locale::Es).get("find-title"));
    }

    #[test]
    fn english_and_spanish_define_the_same_keys() {
        let en = keys(&catalog("en"));
        let es = keys(&catalog("es"));
        let missing_in_es: Vec<_> = en.difference(&es).collect();
        let missing_in_en: Vec<_> = es.difference(&en).collect();
        assert!(missing_in_es.is_empty(), "keys missing in Spanish: {missing_in_es:?}");
        assert!(missing_in_en.is_empty(), "keys missing in English: {missing_in_en:?}");
        assert!(en.len() > 50, "the catalog looks truncated");
    }

    /// A message defined twice makes the catalog fail to load at the first page (Fluent's `Overriding`): found when
    /// two capabilities merged the same key.
    #[test]
    fn no_message_is_defined_twice() {
        for lang in ["en", "es"] {
            let text = catalog(lang);
            let mut seen = BTreeSet::new();
            let twice: Vec<&str> = catalog_keys(&text).filter(|k| !seen.insert(*k)).collect();
            assert!(twice.is_empty(), "{lang}: defined twice: {twice:?}");
        }
    }

    #[test]
    fn every_key_the_code_uses_exists_in_both_languages() {
        let en = keys(&catalog("en"));
        let root = env!("CARGO_MANIFEST_DIR");
        let mut used = BTreeSet::new();
        for dir in ["templates", "src"] {
            collect_used_keys(&std::path::Path::new(root).join(dir), &mut used);
        }
        let missing: Vec<_> = used.iter().filter(|k| !en.contains(*k)).collect();
        assert!(missing.is_empty(), "keys used but not in the catalog: {missing:?}");
        assert!(used.len() > 30, "key extraction found too little: {}", used.len());
    }

    /// Finds the keys passed to `t.get`, `t.arg`, `t.count` and `key!` as string literals.
    fn collect_used_keys(dir: &std::path::Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_used_keys(&path, out);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for marker in ["t.get(\"", "t.arg(\"", "t.args(\"", "t.count(\"", "key!(\""] {
                let mut from = 0;
                while let Some(at) = text[from..].find(marker).map(|i| i + from) {
                    from = at + marker.len();
                    // `t` must be the whole receiver: `t.get(` but not `request.get(`.
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[from..];
                    if let Some(end) = rest.find('"') {
                        let key = &rest[..end];
                        if !key.is_empty()
                            && key.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit())
                        {
                            out.insert(key.to_owned());
                        }
                    }
                }
            }
        }
    }

    /// Each message's variables (`$name`), by key.
    fn variables(ftl: &str) -> std::collections::BTreeMap<String, BTreeSet<String>> {
        let mut out = std::collections::BTreeMap::new();
        let mut current: Option<String> = None;
        for line in ftl.lines() {
            if line.starts_with(|c: char| c.is_ascii_lowercase()) {
                current = line.split_once(" =").map(|(k, _)| k.trim().to_owned());
            } else if !line.starts_with(' ') {
                current = None;
            }
            let Some(key) = &current else { continue };
            let entry: &mut BTreeSet<String> = out.entry(key.clone()).or_default();
            for part in line.split('$').skip(1) {
                let name: String =
                    part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
                if !name.is_empty() {
                    entry.insert(name);
                }
            }
        }
        out
    }

    #[test]
    fn english_and_spanish_messages_take_the_same_variables() {
        let en = variables(&catalog("en"));
        let es = variables(&catalog("es"));
        let differ: Vec<_> = en.iter().filter(|(k, v)| es.get(*k).is_some_and(|w| w != *v)).map(|(k, _)| k).collect();
        assert!(differ.is_empty(), "messages whose variables differ between English and Spanish: {differ:?}");
    }

    /// Every call that passes a variable passes the one its message reads: `t.count(KEY, n)` fills `$count`,
    /// `t.arg(KEY, "name", …)` fills `$name` (the lookup would show "Unknown localization key" otherwise).
    #[test]
    fn calls_pass_the_variables_their_messages_read() {
        let en = variables(&catalog("en"));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).expect("dir").flatten() {
                let path = entry.path();
                if path.is_dir() { dirs.push(path) } else { files.push(path) }
            }
        }
        let literal = |rest: &str| -> Option<(String, usize)> {
            let trimmed = rest.trim_start();
            let skipped = rest.len() - trimmed.len();
            let inner = trimmed.strip_prefix('"')?;
            let end = inner.find('"')?;
            Some((inner[..end].to_owned(), skipped + end + 2))
        };
        let mut wrong = Vec::new();
        let mut checked = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for (marker, fixed) in [("t.count(", Some("count")), ("t.arg(", None)] {
                let mut from = 0;
                while let Some(at) = text[from..].find(marker).map(|i| i + from) {
                    from = at + marker.len();
                    if text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let Some((key, used)) = literal(&text[from..]) else { continue };
                    let variable = match fixed {
                        Some(name) => Some(name.to_owned()),
                        None => text[from + used..].trim_start().strip_prefix(',').and_then(&literal).map(|(n, _)| n),
                    };
                    let (Some(variable), Some(reads)) = (variable, en.get(&key)) else { continue };
                    checked += 1;
                    if !reads.contains(&variable) {
                        wrong.push(format!("{}: {key} is given ${variable} but reads {reads:?}", file.display()));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(checked > 10, "the scan found too few calls: {checked}");
    }

    #[test]
    fn spanish_is_really_spanish() {
        assert_eq!(Tr::new(Locale::Es).get("sign-in"), "Iniciar sesión");
        assert_eq!(Tr::new(Locale::En).get("sign-in"), "Sign in");
    }
}

#[cfg(test)]
mod missing_key_tests {
    use super::*;

    /// The catalog tests rely on how a missing key shows; pin it.
    #[test]
    fn a_missing_key_is_visible() {
        let shown = Tr::new(Locale::Es).get("no-such-key-anywhere");
        assert!(shown.contains("Unknown localization"), "{shown}");
    }
}
