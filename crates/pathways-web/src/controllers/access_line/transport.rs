//! `GET /transport`: the transport queue — detox rides first, then residential, then others; within each, the
//! longest wait first — with the next step for each ride. `POST /transport/{id}`: move a ride on, or cancel it
//! or mark a no-show with a reason.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use pathways_domain::access_line::LevelOfCare;
use pathways_domain::access_line::transport::{PriorityClass, RideStatus};
use pathways_store::access_calls::{change_ride, transport_queue};
use serde::Deserialize;

use super::local_time;
use crate::controllers::capacity::parse_uuid;
use crate::error::{WebError, WebResult};
use crate::extract::Operator;
use crate::extract::VerifiedForm;
use crate::state::AppState;
use crate::views::{Chrome, render};

pub struct QueueRow {
    pub id: String,
    pub class: String,
    pub destination: String,
    pub pickup: String,
    pub status: String,
    pub waiting: String,
    pub requested: String,
    pub next: Option<(&'static str, String)>,
    pub can_no_show: bool,
}

#[derive(Template)]
#[template(path = "access_line/transport.html")]
struct TransportPage {
    chrome: Chrome,
    rides: Vec<QueueRow>,
}

pub async fn show_transport(State(state): State<AppState>, op: Operator) -> WebResult<Html<String>> {
    let t = op.ctx.t();
    let now = pathways_store::now();
    let tx = state.store.begin().await?;
    let rides = transport_queue(&tx, &op.ctx.actor(), op.caller.org).await?;
    tx.commit().await?;
    let rows = rides
        .into_iter()
        .map(|r| {
            let status = RideStatus::parse(&r.status).unwrap_or(RideStatus::Requested);
            let class = PriorityClass::of(r.level.as_deref().and_then(LevelOfCare::parse));
            let class_code =
                serde_json::to_value(class).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            QueueRow {
                id: r.id.to_string(),
                class: t.get(&format!("transport-class-{class_code}")),
                destination: r.destination,
                pickup: r.pickup,
                status: t.get(&format!("transport-status-{}", status.as_str())),
                waiting: t.count(
                    "transport-waiting",
                    u64::try_from((now - r.requested_at).num_minutes().max(0)).unwrap_or(0),
                ),
                requested: local_time(r.requested_at, state.config.deployment.time_zone),
                next: status.next().map(|n| (n.as_str(), t.get(&format!("transport-next-{}", n.as_str())))),
                can_no_show: status != RideStatus::PickedUp,
            }
        })
        .collect();
    render(&TransportPage { chrome: Chrome::new(&op.ctx, &state, t.get("transport-title")), rides: rows })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RideForm {
    pub status: String,
    pub reason: String,
}

pub async fn change_ride_form(
    State(state): State<AppState>,
    op: Operator,
    Path(id): Path<String>,
    VerifiedForm(form): VerifiedForm<RideForm>,
) -> WebResult<Response> {
    let id = parse_uuid(&id)?;
    let to = RideStatus::parse(&form.status)
        .ok_or_else(|| WebError::Invalid(vec![pathways_domain::text::FieldError::new("reason", "unknown-choice")]))?;
    let tx = state.store.begin().await?;
    let changed =
        change_ride(&tx, &op.ctx.actor(), op.caller.org, id, to, Some(form.reason.as_str()), pathways_store::now())
            .await?
            .ok_or(WebError::NotFound)?;
    tx.commit().await?;
    let key = match changed {
        Ok(_) => crate::key!("flash-saved"),
        Err(pathways_domain::access_line::transport::RideError::ReasonRequired) => {
            return Err(WebError::Invalid(vec![pathways_domain::text::FieldError::new("reason", "required")]));
        }
        Err(_) => crate::key!("transport-not-next"),
    };
    Ok(crate::flash::redirect(&state, "/transport", key))
}
