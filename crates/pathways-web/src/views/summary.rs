//! The recovery summary shown on a person's page (staff) and on the person's own home (`/me`).

use crate::i18n::Tr;
use crate::services::summary::RecordSummary;

pub struct AttentionView {
    pub id: String,
    pub label: String,
    pub urgent: bool,
    pub since: String,
}

pub struct Summary {
    pub plan_line: String,
    pub review_due: bool,
    pub barc_line: String,
    pub checkin_line: String,
    pub attention: Vec<AttentionView>,
}

/// The summary in the reader's words.
pub fn summary(t: Tr, s: &RecordSummary) -> Summary {
    let (plan, assessments, last_checkin, open) = (&s.plan, &s.assessments, &s.last_checkin, &s.attention);
    let today = crate::clock::today();
    let plan_line = match plan {
        Some(p) => {
            let mut line = t.count("summary-goals", p.content.goals.len() as u64);
            if let Some(d) = p.content.review_date {
                line.push_str(&format!(" · {}: {d}", t.get("plan-review-date")));
            }
            line
        }
        None => t.get("summary-no-plan"),
    };
    let barc_line = match assessments.as_slice() {
        [] => t.get("barc10-none"),
        [only] => format!("{} {} ({})", only.total, t.get("barc10-of-60"), only.taken_at.format("%Y-%m-%d")),
        [.., before, last] => format!(
            "{} {} ({}) · {} {:+}",
            last.total,
            t.get("barc10-of-60"),
            last.taken_at.format("%Y-%m-%d"),
            t.get("barc10-change"),
            last.total - before.total
        ),
    };
    let checkin_line = match last_checkin {
        Some(c) => format!(
            "{} · {} · {}: {}",
            c.created_at.format("%Y-%m-%d"),
            t.get(&format!("mood-{}", c.mood.clamp(1, 5))),
            t.get("checkin-col-craving"),
            c.craving
        ),
        None => t.get("checkins-none"),
    };
    let attention = open
        .iter()
        .map(|a| AttentionView {
            id: a.id.to_string(),
            label: t.get(&format!("attention-{}", a.kind.replace('_', "-"))),
            urgent: a.urgency == "urgent",
            since: a.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        })
        .collect();
    Summary {
        review_due: plan.as_ref().is_some_and(|p| p.content.review_due(today)),
        plan_line,
        barc_line,
        checkin_line,
        attention,
    }
}

/// Attention kinds with a label in both catalogs (checked by a test).
pub const ATTENTION_KINDS: [&str; 2] = ["unsafe_checkin", "barc10_drop"];

#[cfg(test)]
mod tests {
    use pathways_domain::locale::Locale;

    use super::*;

    #[test]
    fn dynamic_labels_exist_in_both_languages() {
        for locale in Locale::ALL {
            let t = Tr::new(locale);
            let mut keys: Vec<String> =
                ATTENTION_KINDS.iter().map(|k| format!("attention-{}", k.replace('_', "-"))).collect();
            keys.extend((1..=5).map(|m| format!("mood-{m}")));
            keys.extend(
                pathways_domain::encounter::EncounterType::ALL
                    .iter()
                    .map(|k| format!("encounter-type-{}", k.as_str().replace('_', "-"))),
            );
            keys.extend(["date", "type", "minutes", "topics", "notes"].iter().map(|f| format!("encounter-{f}")));
            keys.extend(
                ["mood", "craving", "meetings_attended", "safe", "use_note", "supports"]
                    .iter()
                    .map(|f| format!("checkin-{}", f.replace('_', "-"))),
            );
            for k in keys {
                assert!(!t.get(&k).contains("Unknown localization"), "{locale}: {k}");
            }
        }
    }
}
