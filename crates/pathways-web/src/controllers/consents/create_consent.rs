//! `POST /me/consents` (the person signs: typed name and confirmation) and `POST /persons/{id}/consents` (staff
//! record a signed paper form). A consent missing a §2.31 element comes back 422 with the element named.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::list_consents::page;
use crate::error::{WebError, WebResult};
use crate::extract::{Subject, VerifiedForm};
use crate::services;
use crate::services::consents::ConsentInput;
use crate::state::AppState;
use crate::views::{field_error_key, field_label_key, render};

/// The form's fields; categories as repeated `category` boxes.
fn from_pairs(pairs: Vec<(String, String)>) -> ConsentInput {
    let mut f = ConsentInput::default();
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

pub async fn create_consent(
    State(state): State<AppState>,
    s: Subject,
    VerifiedForm(pairs): VerifiedForm<Vec<(String, String)>>,
) -> WebResult<Response> {
    let input = from_pairs(pairs);
    match services::consents::give(&state, &s.ctx, &s.caller, s.person, &input, s.is_self).await {
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
