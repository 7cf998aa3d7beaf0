//! `POST …/assessments`: scores a BARC-10 and stores it as given.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::PersonId;
use pathways_domain::audit::AuditAction;
use pathways_domain::barc10::{Barc10Answers, Barc10Error, ITEMS};
use pathways_store::records;

use super::new_assessment::Barc10Form;
use crate::access::{PersonTx, open_person};
use crate::error::WebResult;
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn create_assessment(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let raw: Vec<Option<i64>> = (1..=ITEMS)
        .map(|i| pairs.iter().find(|(k, _)| *k == format!("item{i}")).and_then(|(_, v)| v.trim().parse().ok()))
        .collect();
    let t = s.ctx.t();
    let answers = match Barc10Answers::parse(&raw) {
        Ok(a) => a,
        Err(e) => {
            let kept: Vec<Option<u8>> =
                raw.iter().map(|v| v.and_then(|v| u8::try_from(v).ok()).filter(|v| (1..=6).contains(v))).collect();
            let mut page =
                Barc10Form::new(t, Chrome::new(&s.ctx, &state, t.get("barc10-title")), &s.base, s.is_self, &kept);
            let message = barc10_error_text(t, &e);
            if let Some(item) = e.item() {
                page.statements[item - 1].error = Some(message.clone());
                page.error = Some((item, message));
            }
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
        }
    };
    let PersonTx { tx, scope, .. } =
        open_person(&state, &s.ctx, &s.caller, s.person, AuditAction::AssessmentCreate).await?;
    let kind = if s.is_self { "person" } else { "staff" };
    let saved =
        records::add_assessment(&tx, &scope, s.person, &answers, s.caller.account, kind, pathways_store::now()).await?;
    flag_drop(&tx, &scope, s.person).await?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("{}/assessments/{}", s.base, saved.id), crate::key!("flash-saved")))
}

/// A drop of five points or more since the last assessment is something the coach should see.
pub async fn flag_drop(
    tx: &pathways_store::DatabaseTransaction,
    scope: &pathways_domain::access::PersonScope,
    person: PersonId,
) -> WebResult<()> {
    let all = records::assessments(tx, scope, person).await?;
    if let [.., before, latest] = all.as_slice()
        && before.total - latest.total >= 5
    {
        records::raise_attention(tx, scope, person, "barc10_drop", false, Some(latest.id)).await?;
    }
    Ok(())
}

pub fn barc10_error_text(t: crate::i18n::Tr, e: &Barc10Error) -> String {
    match e {
        Barc10Error::WrongCount { got } => t.arg("barc10-error-count", "count", &got.to_string()),
        Barc10Error::Missing { item } => t.arg("barc10-error-missing", "item", &item.to_string()),
        Barc10Error::OutOfRange { item, .. } => t.arg("barc10-error-range", "item", &item.to_string()),
    }
}
