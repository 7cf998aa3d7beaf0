//! The drop-in kiosk's tablet (issue 20): the open kiosk its cookie names, before anything else is read (a form
//! included). Any other device: 404, as if there were no kiosk page.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use pathways_store::community::KioskRef;

use crate::auth::cookies::{self, CookieNames};
use crate::error::WebError;
use crate::services;
use crate::state::AppState;

pub struct KioskTablet(pub KioskRef);

impl FromRequestParts<AppState> for KioskTablet {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let names = CookieNames::new(state.config.secure_cookies());
        let jar = cookies::read(&parts.headers);
        let Some(token) = jar.get(cookies::kiosk(&names)) else { return Err(WebError::NotFound.into_response()) };
        match services::community::kiosk(state, token).await {
            Ok(Some(k)) => Ok(KioskTablet(k)),
            Ok(None) => Err(WebError::NotFound.into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}
