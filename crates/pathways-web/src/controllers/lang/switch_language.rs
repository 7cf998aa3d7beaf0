//! `GET /lang/{code}?next=…`: a plain link (works without JavaScript) that remembers the choice — in a
//! cookie, and for a signed-in account in its preferences — and returns to the page.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use pathways_domain::locale::Locale;
use pathways_store::accounts;

use crate::auth::cookies::{self, CookieNames};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::{InPath, NextPage};
use crate::state::AppState;

pub async fn switch_language(
    State(state): State<AppState>,
    ctx: Ctx,
    InPath(locale): InPath<Locale>,
    NextPage(next): NextPage,
) -> WebResult<Response> {
    if let Some(caller) = &ctx.caller {
        accounts::set_locale(state.store.writer(), caller.account, locale.as_str()).await?;
    }
    let names = CookieNames::new(state.config.secure_cookies());
    let mut resp = Redirect::to(&next.unwrap_or_else(|| "/".into())).into_response();
    cookies::set(resp.headers_mut(), &names.cookie(cookies::LANG, locale.as_str(), Some(365 * 24 * 3600)));
    Ok(resp)
}
