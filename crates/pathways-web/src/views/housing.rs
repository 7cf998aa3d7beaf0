//! How a recovery residence reads on a page: the public board and the operator's page share these words.

use askama::Template;
use chrono_tz::Tz;
use pathways_domain::housing::CertificationStatus;
use pathways_domain::housing::report::ReportStatus;
use pathways_store::housing::ResidenceView;

use crate::housing_board::Card;
use crate::i18n::Tr;

/// A residence as a card.
pub struct ResidenceCard {
    pub id: String,
    pub name: String,
    pub level_code: String,
    pub level: String,
    pub level_detail: String,
    pub place: String,
    pub distance: String,
    pub beds: String,
    pub has_bed: bool,
    pub serves: Vec<String>,
    pub moud: String,
    pub cost: String,
    pub payments: String,
    pub certification: String,
    pub certification_status: &'static str,
    pub reported: String,
    pub stale: bool,
    pub house_rules: String,
    pub disclaimer: String,
}

/// The words for a residence, at the deployment's time zone.
pub fn card(t: &Tr, r: &ResidenceView, distance_mi: Option<f64>, tz: Tz) -> ResidenceCard {
    let beds =
        if r.available > 0 { t.count("housing-beds-open", u64::from(r.available)) } else { t.get("housing-beds-none") };
    let certification = match &r.certification {
        Some(c) => {
            let key = match r.certification_status {
                CertificationStatus::Expired => "housing-certified-expired",
                _ => "housing-certified",
            };
            let until = c.expires_on.format("%Y-%m-%d").to_string();
            t.args(key, &[("body", c.body.clone()), ("number", c.number.clone()), ("date", until)])
        }
        None => t.get("housing-not-certified"),
    };
    let reported = match r.reported_at {
        Some(at) => t.arg("housing-reported-on", "date", &at.with_timezone(&tz).format("%Y-%m-%d").to_string()),
        None => t.get("housing-never-reported"),
    };
    let place = match (&r.zip, r.region.as_deref()) {
        (_, Some(region)) => format!("{}, {} · {}", r.address, r.town, region),
        _ => format!("{}, {}", r.address, r.town),
    };
    ResidenceCard {
        id: r.id.to_string(),
        name: r.name.clone(),
        level_code: r.level.code().to_owned(),
        level: t.get(&format!("housing-level-{}", r.level.key())),
        level_detail: t.get(&format!("housing-level-{}-detail", r.level.key())),
        place,
        distance: distance_mi.map(|d| t.arg("capacity-distance", "miles", &format!("{d:.1}"))).unwrap_or_default(),
        beds,
        has_bed: r.available > 0,
        serves: r.populations.iter().map(|p| t.get(&format!("housing-population-{}", p.key()))).collect(),
        moud: t.get(if r.accepts_moud { "housing-moud-yes" } else { "housing-moud-no" }),
        cost: r
            .cost_per_week
            .map(|c| t.arg("housing-cost-week", "dollars", &c.to_string()))
            .unwrap_or_else(|| t.get("housing-cost-ask")),
        payments: r
            .payments
            .iter()
            .map(|p| t.get(&format!("housing-payment-{}", p.key())))
            .collect::<Vec<_>>()
            .join(", "),
        certification,
        certification_status: r.certification_status.code(),
        reported,
        stale: matches!(r.report_status, ReportStatus::Stale | ReportStatus::Never),
        house_rules: r.house_rules.clone().unwrap_or_default(),
        disclaimer: r.disclaimer.clone(),
    }
}

/// One of the two pieces of a residence's card on the public board, either side of the request's distance.
#[derive(Template)]
#[template(path = "housing/card.html")]
struct CardPiece<'a> {
    t: Tr,
    r: &'a ResidenceCard,
    top: bool,
}

/// A residence's card on the public board in `t`'s language, as the board's snapshot keeps it
/// (`crate::housing_board::Listing::card`): the same words as [`card`], the distance left to each request.
pub fn board_card(t: &Tr, r: &ResidenceView, tz: Tz) -> Card {
    let words = card(t, r, None, tz);
    let piece = |top| {
        CardPiece { t: *t, r: &words, top }.render().unwrap_or_else(|e| {
            // Rendering owned strings cannot fail; were it to, the card would be missing, not the page.
            tracing::error!(error = %e, "a residence's card could not be rendered");
            String::new()
        })
    };
    Card { top: piece(true), bottom: piece(false) }
}
