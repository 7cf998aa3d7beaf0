//! Words shared by the pages of several areas: how a level of care, a plan dimension, a consent's categories or an
//! audit action reads in the request's language. A page's own words stay with its handler.

use pathways_domain::access_line::LevelOfCare;
use pathways_domain::barc10::Barc10Error;
use pathways_domain::consent::{Category, Expiry, Recipient};
use pathways_domain::dimension::Dimension;
use pathways_store::consents::AccessLine;

use crate::i18n::Tr;

/// A consent's categories in the reader's words.
pub fn categories_words(t: &Tr, categories: &[Category]) -> String {
    categories.iter().map(|c| t.get(&category_key(*c))).collect::<Vec<_>>().join(", ")
}

/// The message key of a category's name.
pub fn category_key(c: Category) -> String {
    format!("consent-category-{}", c.as_str().replace('_', "-"))
}

/// The recipient in the reader's words.
pub fn recipient_words(t: &Tr, r: &Recipient) -> String {
    match r {
        Recipient::Ally { name, .. } | Recipient::Organization { name, .. } | Recipient::Person { name } => {
            name.clone()
        }
        Recipient::General => t.get("consent-general-designation"),
    }
}

/// The expiry in the reader's words.
pub fn expiry_words(t: &Tr, e: &Expiry) -> String {
    match e {
        Expiry::On(d) => t.arg("consent-expires-on", "date", &d.to_string()),
        Expiry::Event(ev) => t.arg("consent-expires-event", "event", ev),
        Expiry::None => t.get("consent-expires-never"),
    }
}

/// The message key saying what an audit action did, in plain words.
pub fn what_key(action: &str) -> String {
    format!("access-what-{}", action.replace('_', "-"))
}

/// Who acted on a person's record, in plain words: their name, their role, their organization.
pub fn who(t: &Tr, l: &AccessLine) -> String {
    let role = match (l.actor_kind.as_deref(), l.actor_role.as_deref()) {
        (Some("person"), _) => t.get("access-who-you"),
        (Some("ally"), _) => t.get("access-who-ally"),
        (_, Some(role)) => t.get(&format!("role-{}", role.replace('_', "-"))),
        _ => t.get("access-who-system"),
    };
    match (&l.actor_name, &l.org_name, l.actor_kind.as_deref()) {
        (_, _, Some("person")) => role,
        (Some(name), Some(org), _) => format!("{name} ({role}, {org})"),
        (Some(name), None, _) => format!("{name} ({role})"),
        (None, _, _) => role,
    }
}

/// A plan dimension's name (health, home, purpose, community).
pub fn dimension_name(t: Tr, d: Dimension) -> String {
    t.get(&format!("dimension-{}", d.as_str()))
}

/// What is wrong with a BARC-10's answers, naming the statement.
pub fn barc10_error_text(t: Tr, e: &Barc10Error) -> String {
    match e {
        Barc10Error::WrongCount { got } => t.arg("barc10-error-count", "count", &got.to_string()),
        Barc10Error::Missing { item } => t.arg("barc10-error-missing", "item", &item.to_string()),
        Barc10Error::OutOfRange { item, .. } => t.arg("barc10-error-range", "item", &item.to_string()),
    }
}

/// A level of care's name in the reader's language (`level-3-7-wm`): the board, the provider's page and the access
/// line name levels alike.
pub fn level_name(t: &Tr, level: LevelOfCare) -> String {
    t.get(&format!("level-{}", level.code().to_lowercase().replace('.', "-")))
}

// --- issue 17 (outcomes): words the caseload and the interviews pages share ---

/// An outcome interview's kind in words ("6-month reassessment", "annual (year 2)").
pub fn interview_kind_words(t: &Tr, i: pathways_domain::outcomes::Interview) -> String {
    use pathways_domain::outcomes::Interview;
    match i {
        Interview::Baseline => t.get("interview-kind-baseline"),
        Interview::Reassessment => t.get("interview-kind-reassessment"),
        Interview::Annual(y) => t.arg("interview-kind-annual", "year", &y.to_string()),
        Interview::Closeout => t.get("interview-kind-closeout"),
    }
}

/// Each language's own name.
pub fn language_name(code: &str) -> &str {
    match code {
        "en" => "English",
        "es" => "Español",
        "pt" => "Português",
        "ht" => "Kreyòl ayisyen",
        "pl" => "Polski",
        "fr" => "Français",
        "vi" => "Tiếng Việt",
        "zh" => "中文",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use pathways_domain::audit::AuditAction;
    use pathways_domain::locale::Locale;

    use super::{LevelOfCare, level_name, what_key};
    use crate::i18n::Tr;

    #[test]
    fn every_action_has_plain_words_in_both_languages() {
        for locale in Locale::ALL {
            let t = Tr::new(locale);
            for a in AuditAction::ALL {
                let key = what_key(a.as_str());
                assert_ne!(t.get(&key), key, "{locale:?}: {key}");
            }
        }
    }

    #[test]
    fn every_level_has_a_name_in_both_languages() {
        for locale in Locale::ALL {
            let t = Tr::new(locale);
            for level in LevelOfCare::ALL {
                let name = level_name(&t, level);
                assert!(
                    !name.starts_with("level-") && name.contains(level.code().trim_start_matches("otp")),
                    "{locale}: {name}"
                );
            }
        }
    }
}
