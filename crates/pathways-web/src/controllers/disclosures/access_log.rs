//! `GET /me/access-log` and `GET /persons/{id}/access-log`: every read and change of the person's record in the
//! audit trail — who, in which role and organization, when, what — in plain words.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use pathways_domain::audit::AuditAction;
use pathways_store::consents::{self, AccessLine};

use super::{PageQuery, pager, since, slice};
use crate::access::{PersonTx, open_person};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct Line {
    pub when: String,
    pub who: String,
    pub what: String,
    pub refused: bool,
}

#[derive(Template)]
#[template(path = "disclosures/access_log.html")]
struct AccessLogPage {
    chrome: Chrome,
    heading: String,
    base: String,
    lines: Vec<Line>,
    count_line: String,
    prev: Option<String>,
    next: Option<String>,
}

/// The message key saying what an audit action did, in plain words.
pub fn what_key(action: &str) -> String {
    format!("access-what-{}", action.replace('_', "-"))
}

/// Who acted, in plain words: their name, their role, their organization.
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

pub async fn access_log(
    State(state): State<AppState>,
    s: Subject,
    Query(q): Query<PageQuery>,
) -> WebResult<Html<String>> {
    // The read of the log is itself in the log, as the first line the person sees.
    let PersonTx { tx, record, .. } =
        open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::AccessLogRead).await?;
    tx.commit().await?;
    let now = pathways_store::now();
    let (offset, page) = slice(q.page);
    let (rows, total) =
        consents::access_log(state.store.reader(), s.person, since(now), offset, super::PER_PAGE).await?;
    let t = s.ctx.t();
    let lines = rows
        .iter()
        .map(|l| Line {
            when: l.occurred_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            who: who(&t, l),
            what: t.get(&what_key(&l.action)),
            refused: l.outcome != "success",
        })
        .collect();
    let heading = if s.is_self {
        t.get("access-log-title-mine")
    } else {
        t.arg("access-log-title", "name", &record.preferred_name)
    };
    let (prev, next) = pager(&format!("{}/access-log", s.base), page, total);
    render(&AccessLogPage {
        chrome: Chrome::new(&s.ctx, &state, heading.clone()),
        heading,
        base: s.base.clone(),
        lines,
        count_line: t.count("access-log-count", total),
        prev,
        next,
    })
}

#[cfg(test)]
mod tests {
    use pathways_domain::audit::AuditAction;
    use pathways_domain::locale::Locale;

    use super::what_key;
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
}
