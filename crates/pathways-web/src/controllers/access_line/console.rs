//! The console page (`GET /access-line`, and `POST /access-line/calls` when the form comes back): the new-call
//! form, follow-ups due and recent calls.

use askama::Template;
use pathways_domain::access_line::call::{CallerType, RawCall};
use pathways_domain::access_line::triage::Substance;
use pathways_store::model::AccessCall;

use super::local_time;
use crate::error::{WebError, WebResult};
use crate::extract::Operator;
use crate::services;
use crate::services::access_line::ConsoleLists;
use crate::state::AppState;
use crate::views::Chrome;

pub struct CallRow {
    pub id: String,
    pub time: String,
    pub who: String,
    pub level: String,
}

#[derive(Template)]
#[template(path = "access_line/console.html")]
struct ConsolePage {
    chrome: Chrome,
    /// (code, label, chosen).
    caller_types: Vec<(&'static str, String, bool)>,
    substances: Vec<(&'static str, String, bool)>,
    /// What was typed, kept when the form comes back with errors.
    form: RawCall,
    /// (field label, message).
    errors: Vec<(String, String)>,
    due: Vec<CallRow>,
    recent: Vec<CallRow>,
}

fn row(t: &crate::i18n::Tr, c: &AccessCall, tz: chrono_tz::Tz) -> CallRow {
    let who = c.first_name.clone().unwrap_or_else(|| t.get("line-anonymous-caller"));
    let kind = t.get(&format!("line-caller-{}", c.caller_type));
    CallRow {
        id: c.id.to_string(),
        time: local_time(c.created_at, tz),
        who: format!("{who} · {kind}"),
        level: c.chosen_level.clone().unwrap_or_default(),
    }
}

/// The console, with the form as typed and its errors (empty for a new call).
pub async fn console(
    state: &AppState,
    op: &Operator,
    form: RawCall,
    errors: Vec<(String, String)>,
) -> WebResult<String> {
    let t = op.ctx.t();
    let ConsoleLists { recent, due } = services::access_line::console_lists(state, &op.ctx, &op.caller).await?;
    let chosen_type = if form.caller_type.is_empty() { "person" } else { form.caller_type.as_str() };
    let page = ConsolePage {
        chrome: Chrome::new(&op.ctx, state, t.get("line-title")),
        caller_types: CallerType::ALL
            .iter()
            .map(|c| (c.as_str(), t.get(&format!("line-caller-{}", c.as_str())), c.as_str() == chosen_type))
            .collect(),
        substances: Substance::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    t.get(&format!("line-substance-{}", s.as_str())),
                    form.substances.iter().any(|x| x == s.as_str()),
                )
            })
            .collect(),
        form,
        errors,
        due: due.iter().map(|c| row(&t, c, state.config.deployment.time_zone)).collect(),
        recent: recent.iter().map(|c| row(&t, c, state.config.deployment.time_zone)).collect(),
    };
    page.render().map_err(WebError::internal)
}
