//! `POST /persons`: adds a person. A coach's new person is assigned to them; supervisors and admins choose.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pathways_domain::PersonId;
use pathways_domain::access::{PersonReach, may_create_person, person_reach};
use pathways_domain::audit::AuditAction;
use pathways_domain::person::PersonDetails;
use pathways_store::audit::{self, AuditEntry};
use pathways_store::persons;

use super::form::{PersonForm, PersonFormPage, build_fields, chosen_coach, coach_choices, error_summary};
use crate::access::{ScopeTx, open_scope};
use crate::error::{WebError, WebResult};
use crate::extract::SignedIn;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub async fn create_person(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
    VerifiedForm(form): VerifiedForm<PersonForm>,
) -> WebResult<Response> {
    let ScopeTx { tx, .. } = open_scope(&state, &ctx, &caller, AuditAction::PersonCreate).await?;
    if !may_create_person(&caller.principal) {
        return Err(WebError::Forbidden);
    }
    let today = crate::clock::today();
    let details = PersonDetails::parse(&form.raw(), today);
    let coach = chosen_coach(&tx, &caller, &form.assigned_coach).await?;
    let (details, coach) = match (details, coach) {
        (Ok(d), Ok(c)) => (d, c),
        (d, c) => {
            let mut errors = d.err().unwrap_or_default();
            errors.extend(c.err());
            drop(tx);
            let t = ctx.t();
            let heading = t.get("persons-add");
            let coaches = coach_choices(state.store.reader(), &caller).await?;
            let page = render(&PersonFormPage {
                chrome: Chrome::new(&ctx, &state, heading.clone()),
                heading,
                action: "/persons".into(),
                cancel_href: "/persons".into(),
                fields: build_fields(t, &form, &errors, coaches),
                errors: error_summary(t, &errors),
            })?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let coach = match (coach, person_reach(&caller.principal)) {
        (Some(chosen), _) => chosen,
        (None, PersonReach::Assigned) => Some(caller.account),
        (None, _) => None,
    };
    let created = persons::insert(&tx, caller.org, &details, coach).await?;
    let id = PersonId::from_uuid(created.id);
    audit::append(&tx, &ctx.actor(), AuditEntry::person(AuditAction::PersonCreate, id)).await?;
    tx.commit().await?;
    Ok(crate::flash::redirect(&state, &format!("/persons/{id}"), crate::key!("flash-saved")))
}
