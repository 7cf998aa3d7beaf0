//! `GET /me/record`: the whole record on one printable page (no JavaScript; print styles), and with
//! `?format=fhir` the same record as a FHIR R4 Bundle of type `collection` (`application/fhir+json`, a download).
//! Either way the read is audited and shows in the person's access log.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use pathways_domain::consent::Category;
use serde::Deserialize;

use crate::error::{WebError, WebResult};
use crate::extract::Subject;
use crate::services::fhir::{self, Record};
use crate::state::AppState;
use crate::views::words::{categories_words, dimension_name, recipient_words};
use crate::views::{Chrome, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RecordQuery {
    /// `fhir` for the FHIR Bundle; anything else (or nothing) for the page.
    pub format: String,
}

pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub lines: Vec<String>,
}

#[derive(Template)]
#[template(path = "record/show.html")]
struct RecordPage {
    chrome: Chrome,
    heading: String,
    sections: Vec<Section>,
}

pub async fn show_record(
    State(state): State<AppState>,
    s: Subject,
    Query(q): Query<RecordQuery>,
) -> WebResult<Response> {
    if !s.is_self {
        return Err(WebError::NotFound);
    }
    let (record, bundle) = fhir::own_record(&state, &s.ctx, &s.caller, s.person).await?;
    if q.format == "fhir" {
        let body = serde_json::to_vec_pretty(&fhir::model::Resource::Bundle(bundle)).map_err(WebError::internal)?;
        return Ok((
            [
                (header::CONTENT_TYPE, "application/fhir+json; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"my-record.fhir.json\""),
            ],
            body,
        )
            .into_response());
    }
    let t = s.ctx.t();
    let page = RecordPage {
        chrome: Chrome::new(&s.ctx, &state, t.get("record-title-mine")),
        heading: t.get("record-title-mine"),
        sections: sections(&t, &record),
    };
    Ok(render(&page)?.into_response())
}

fn or_none(t: &crate::i18n::Tr, lines: Vec<String>) -> Vec<String> {
    if lines.is_empty() { vec![t.get("record-none")] } else { lines }
}

fn sections(t: &crate::i18n::Tr, r: &Record) -> Vec<Section> {
    let mut out = Vec::new();
    if let Some(p) = &r.person {
        let mut lines = vec![format!("{}: {}", t.get("field-preferred-name"), p.preferred_name)];
        let mut add = |key: &str, v: Option<String>| {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                lines.push(format!("{}: {v}", t.get(key)));
            }
        };
        add("field-legal-name", p.legal_name.clone());
        add("field-date-of-birth", p.date_of_birth.map(|d| d.to_string()));
        add("field-phone", p.phone.clone());
        add("field-email", p.email.clone());
        add("field-language", p.preferred_language.clone());
        lines.push(t.arg("record-kept-by", "org", &r.org_name));
        out.push(Section { id: "about", heading: t.get("record-about"), lines });
    }
    let mut plan = Vec::new();
    if let Some(pr) = &r.plan {
        for g in &pr.content.goals {
            let status = t.get(&format!("goal-status-{}", g.status.as_str().replace('_', "-")));
            let mut line = format!("{} ({}, {status})", g.text, dimension_name(*t, g.dimension));
            if let Some(d) = g.target_date {
                line.push_str(&format!(" — {}", t.arg("record-target", "date", &d.to_string())));
            }
            for step in &g.steps {
                let mark = if step.done { "✓" } else { "·" };
                line.push_str(&format!("; {mark} {}", step.what));
            }
            plan.push(line);
        }
    }
    out.push(Section { id: "plan", heading: t.get("record-plan"), lines: or_none(t, plan) });
    let barc = r
        .assessments
        .iter()
        .map(|a| format!("{}: {} {}", a.taken_at.date_naive(), t.get("barc10-total"), a.total))
        .collect();
    out.push(Section { id: "barc10", heading: t.get("record-barc10"), lines: or_none(t, barc) });
    let checkins = r
        .checkins
        .iter()
        .map(|c| {
            let mut l = t.args(
                "record-checkin-line",
                &[
                    ("date", c.created_at.date_naive().to_string()),
                    ("mood", c.mood.to_string()),
                    ("craving", c.craving.to_string()),
                    ("meetings", c.meetings_attended.to_string()),
                ],
            );
            for v in [&c.use_note, &c.supports].into_iter().flatten().filter(|v| !v.trim().is_empty()) {
                l.push_str(&format!(" — “{v}”"));
            }
            l
        })
        .collect();
    out.push(Section { id: "checkins", heading: t.get("record-checkins"), lines: or_none(t, checkins) });
    let encounters = r
        .encounters
        .iter()
        .map(|e| {
            let kind = t.get(&format!("encounter-type-{}", e.kind.replace('_', "-")));
            t.args(
                "record-encounter-line",
                &[("date", e.occurred_on.to_string()), ("kind", kind), ("minutes", e.minutes.to_string())],
            )
        })
        .collect();
    out.push(Section { id: "encounters", heading: t.get("record-encounters"), lines: or_none(t, encounters) });
    let referrals = r
        .referrals
        .iter()
        .map(|x| format!("{}: {} ({}) — {}", x.created_at.date_naive(), x.service_name, x.to_name, x.status))
        .collect();
    out.push(Section { id: "referrals", heading: t.get("record-referrals"), lines: or_none(t, referrals) });
    let consents = r
        .consents
        .iter()
        .filter_map(|c| {
            let doc = pathways_store::consents::document(c).ok()?;
            let cats: Vec<Category> = doc.categories.clone();
            let state = if c.revoked_at.is_some() || c.ended_at.is_some() {
                t.get("record-consent-over")
            } else {
                t.get("consent-status-in-force")
            };
            Some(format!(
                "{}: {} — {} ({state})",
                c.signed_on,
                recipient_words(t, &doc.recipient),
                categories_words(t, &cats)
            ))
        })
        .collect();
    out.push(Section { id: "consents", heading: t.get("record-consents"), lines: or_none(t, consents) });
    let disclosures = r
        .disclosures
        .iter()
        .map(|d| {
            let how = t.get(&format!("disclosure-channel-{}", d.channel.replace('_', "-")));
            format!("{}: {} ({how}) — {}", d.at.date_naive(), d.recipient_name, d.summary)
        })
        .collect();
    out.push(Section { id: "disclosures", heading: t.get("record-disclosures"), lines: or_none(t, disclosures) });
    out
}
