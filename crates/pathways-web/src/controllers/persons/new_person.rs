//! `GET /persons/new`: the empty person form.

use axum::extract::State;
use axum::response::Html;
use pathways_domain::access::may_create_person;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_store::audit::{self, AuditEntry};

use super::form::{PersonForm, PersonFormPage, build_fields, coach_choices};
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn new_person(State(state): State<AppState>, SignedIn { ctx, caller }: SignedIn) -> WebResult<Html<String>> {
    if !may_create_person(&caller.principal) {
        let tx = state.store.begin().await?;
        let entry =
            AuditEntry::new(AuditAction::AccessDenied, AuditOutcome::Denied).detail(AuditAction::PersonCreate.as_str());
        audit::append(&tx, &ctx.actor(), entry).await?;
        tx.commit().await?;
        return Err(WebError::Forbidden);
    }
    let t = ctx.t();
    let coaches = coach_choices(state.store.reader(), &caller).await?;
    let mut form = PersonForm::default();
    if coaches.is_none() {
        form.assigned_coach = caller.account.to_string();
    }
    let heading = t.get("persons-add");
    render(&PersonFormPage {
        chrome: Chrome::new(&ctx, &state, heading.clone()),
        heading,
        action: "/persons".into(),
        cancel_href: "/persons".into(),
        fields: build_fields(t, &form, &[], coaches),
        errors: Vec::new(),
    })
}
