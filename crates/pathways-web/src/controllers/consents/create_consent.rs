//! `POST /me/consents` (the person signs: typed name and confirmation) and `POST /persons/{id}/consents` (staff
//! record a signed paper form). A consent missing a §2.31 element comes back 422 with the element named.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::audit::AuditAction;
use pathways_domain::consent::ConsentDocument;
use pathways_store::consents::{self, Signed};
use pathways_store::model::Consent;

use super::form::{ConsentInput, Signer, document};
use super::list_consents::{context, page};
use crate::access::{PersonTx, open_person};
use crate::ctx::{Caller, Ctx};
use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{field_error_key, field_label_key, render};

impl ConsentInput {
    /// The form's fields; categories as repeated `category` boxes.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = Self::default();
        for (k, v) in pairs {
            match k.as_str() {
                "recipient_kind" => f.recipient_kind = v,
                "ally" => f.ally = v,
                "recipient_name" => f.recipient_name = v,
                "category" => f.categories.push(v),
                "purpose" => f.purpose = v,
                "tpo" => f.tpo = v == "yes",
                "expiry_kind" => f.expiry_kind = v,
                "expires_on" => f.expires_on = v,
                "expiry_event" => f.expiry_event = v,
                "signature" => f.signature = v,
                "signed_on" => f.signed_on = v,
                "confirmed" => f.confirmed = v == "yes",
                _ => {}
            }
        }
        f
    }
}

pub async fn create_consent(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let input = ConsentInput::from_pairs(pairs);
    match save(&state, &s.ctx, &s.caller, s.person, &input, s.is_self).await {
        Ok(_) => {
            Ok(crate::flash::redirect(&state, &format!("{}/consents", s.base), crate::key!("flash-consent-saved")))
        }
        Err(WebError::Invalid(errors)) => {
            let t = s.ctx.t();
            let errors = errors
                .iter()
                .map(|e| {
                    let label = t.get(&field_label_key(e.field));
                    (e.field.to_owned(), format!("{label}: {}", t.get(&field_error_key("missing-element"))))
                })
                .collect();
            let page = page(&state, &s, input, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
        Err(e) => Err(e),
    }
}

/// Checks and keeps a consent for a person the caller may reach, with its audit event in the same transaction.
/// The person signs their own (`is_self`); staff record paper. Serves the pages and the API.
pub async fn save(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    person: pathways_domain::PersonId,
    input: &ConsentInput,
    is_self: bool,
) -> WebResult<(Consent, ConsentDocument)> {
    let PersonTx { tx, scope, record } = open_person(state, ctx, caller, person, AuditAction::ConsentCreate).await?;
    let cx = context(&tx, &record).await?;
    let signer = if is_self {
        Signer::Person { names: [cx.person_names[0].as_str(), cx.person_names[1].as_str()] }
    } else {
        Signer::Staff
    };
    let name = record.legal_name.clone().unwrap_or_else(|| record.preferred_name.clone());
    let t = ctx.t();
    // Rolling back on a refusal also takes back the gate's audit event: nothing was created.
    let doc = document(input, &name, &cx.program, &cx.allies, signer, &t, crate::clock::today())
        .map_err(WebError::Invalid)?;
    let signed = if is_self { Signed::Electronic } else { Signed::Paper };
    let saved = consents::create(&tx, &scope, person, &doc, signed, caller.account, pathways_store::now()).await?;
    tx.commit().await?;
    Ok((saved, doc))
}
