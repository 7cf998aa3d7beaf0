//! The page a reset link is shown on, once, to whoever issued it (an administrator or a coach): the link, the
//! code to type at `/reset`, when it stops working, and whether it was also mailed.

use askama::Template;

use crate::ctx::Ctx;
use crate::services::accounts::{IssuedReset, Mailed, reset_link};
use crate::state::AppState;
use crate::views::Chrome;

#[derive(Template)]
#[template(path = "accounts/issued.html")]
pub struct IssuedPage {
    pub chrome: Chrome,
    /// Where "back" goes.
    pub back: String,
    pub name: String,
    /// `None`: the person has no portal account yet (invite them instead).
    pub link: Option<String>,
    pub code: String,
    pub expires: String,
    pub mailed: bool,
    pub mail_failed: bool,
}

pub fn issued_page(
    state: &AppState,
    ctx: &Ctx,
    back: String,
    name: String,
    issued: Option<&IssuedReset>,
) -> IssuedPage {
    let t = ctx.t();
    IssuedPage {
        chrome: Chrome::new(ctx, state, t.get("reset-issued-title")),
        back,
        name,
        link: issued.map(|i| reset_link(state.config.public_url.as_deref(), &i.token)),
        code: issued.map(|i| i.code.clone()).unwrap_or_default(),
        expires: issued.map(|i| i.expires_at.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default(),
        mailed: issued.is_some_and(|i| i.mailed == Mailed::Sent),
        mail_failed: issued.is_some_and(|i| i.mailed == Mailed::Failed),
    }
}
