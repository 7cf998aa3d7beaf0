//! `GET /transport`: the transport queue — detox rides first, then residential, then others; within each, the
//! longest wait first — with the next step for each ride.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::access_line::LevelOfCare;
use pathways_domain::access_line::transport::{PriorityClass, RideStatus};

use super::local_time;
use crate::error::WebResult;
use crate::extract::Operator;
use crate::services;
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
    let rides = services::access_line::transport_queue(&state, &op.ctx, &op.caller).await?;
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
