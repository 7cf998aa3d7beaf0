//! A residence's details changed by its operator (the edit page, `PUT /api/v1/residences/{id}`): one conditional
//! update scoped to the operator's organization, its audit event in the same transaction. Beds reported open and
//! held are the reports' and the holds' to change, never an edit's.

use chrono::{DateTime, Utc};
use pathways_domain::OrgId;
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::directory::geo::LatLon;
use pathways_domain::housing::form::ResidenceDetails;
use pathways_domain::housing::{Payment, Population};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{ResidenceView, count};
use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::residence;

/// What an edit did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edited {
    Saved,
    /// No such residence of that organization.
    NotFound,
    /// The new total is below the beds reported open (a report came in meanwhile, or the form asked it).
    BelowOpen,
}

/// What an edit changes besides the details; `None` keeps each as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Also {
    /// The new map point when the address moved (`Some(None)`: unknown now).
    pub place: Option<Option<LatLon>>,
    /// The directory listing it is linked to (`Some(None)`: none now), checked by the caller to be the
    /// organization's own (`pathways_domain::housing::form::listing_choice`); `None` for the API, which does not
    /// name it.
    pub listing: Option<Option<Uuid>>,
}

/// Saves `details` over residence `id` of `org` (`None`: any, for the command line and tests), and what `also`
/// changes.
pub async fn update(
    tx: &DatabaseTransaction,
    actor: &Actor,
    org: Option<OrgId>,
    id: Uuid,
    d: &ResidenceDetails,
    also: Also,
    now: DateTime<Utc>,
) -> Result<Edited> {
    let cert = d.certification.as_ref();
    let mut q = residence::Entity::update_many()
        .col_expr(residence::Column::Name, Expr::value(d.name.clone()))
        .col_expr(residence::Column::Address, Expr::value(d.address.clone()))
        .col_expr(residence::Column::Town, Expr::value(d.town.clone()))
        .col_expr(residence::Column::Zip, Expr::value(d.zip.clone()))
        .col_expr(residence::Column::Region, Expr::value(d.region.clone()))
        .col_expr(residence::Column::Level, Expr::value(d.level.code()))
        .col_expr(residence::Column::Populations, Expr::value(Population::join(&d.populations)))
        .col_expr(residence::Column::AcceptsMoud, Expr::value(d.accepts_moud))
        .col_expr(residence::Column::ServesOud, Expr::value(d.serves_oud))
        .col_expr(residence::Column::TotalBeds, Expr::value(count(d.total_beds)))
        .col_expr(residence::Column::CertBody, Expr::value(cert.map(|c| c.body.clone())))
        .col_expr(residence::Column::CertNumber, Expr::value(cert.map(|c| c.number.clone())))
        .col_expr(residence::Column::CertExpiresOn, Expr::value(cert.map(|c| c.expires_on)))
        .col_expr(residence::Column::HouseRules, Expr::value(d.house_rules.clone()))
        .col_expr(residence::Column::CostPerWeek, Expr::value(d.cost_per_week.map(count)))
        .col_expr(residence::Column::Payments, Expr::value(Payment::join(&d.payments)))
        .col_expr(residence::Column::NaloxoneDoses, Expr::value(count(d.naloxone_doses)))
        .col_expr(residence::Column::NaloxoneTrainedOn, Expr::value(d.naloxone_trained_on))
        .col_expr(residence::Column::Disclaimer, Expr::value(d.disclaimer.clone()))
        .col_expr(residence::Column::UpdatedAt, Expr::value(now))
        .filter(residence::Column::Id.eq(id))
        // A report between the form's reading and this write is not undone: the total stays ≥ the beds open.
        .filter(residence::Column::AvailableBeds.lte(count(d.total_beds)));
    if let Some(place) = also.place {
        q = q
            .col_expr(residence::Column::Latitude, Expr::value(place.map(|p| p.lat())))
            .col_expr(residence::Column::Longitude, Expr::value(place.map(|p| p.lon())));
    }
    if let Some(listing) = also.listing {
        q = q.col_expr(residence::Column::ServiceId, Expr::value(listing));
    }
    if let Some(org) = org {
        q = q.filter(residence::Column::OrganizationId.eq(org.as_uuid()));
    }
    if q.exec(tx).await?.rows_affected == 0 {
        let mut exists = residence::Entity::find_by_id(id);
        if let Some(org) = org {
            exists = exists.filter(residence::Column::OrganizationId.eq(org.as_uuid()));
        }
        return Ok(if exists.one(tx).await?.is_some() { Edited::BelowOpen } else { Edited::NotFound });
    }
    audit::append(
        tx,
        actor,
        AuditEntry::new(AuditAction::ResidenceUpdate, AuditOutcome::Success).on("residence", id).detail("details"),
    )
    .await?;
    Ok(Edited::Saved)
}

impl ResidenceView {
    /// The details as the operator keeps them (the edit form's first filling, the API's answer).
    pub fn details(&self) -> ResidenceDetails {
        ResidenceDetails {
            name: self.name.clone(),
            address: self.address.clone(),
            town: self.town.clone(),
            zip: self.zip.clone(),
            region: self.region.clone(),
            level: self.level,
            populations: self.populations.clone(),
            accepts_moud: self.accepts_moud,
            serves_oud: self.serves_oud,
            total_beds: self.total_beds,
            certification: self.certification.clone(),
            house_rules: self.house_rules.clone(),
            cost_per_week: self.cost_per_week,
            payments: self.payments.clone(),
            naloxone_doses: self.naloxone_doses,
            naloxone_trained_on: self.naloxone_trained_on,
            disclaimer: self.disclaimer.clone(),
        }
    }
}
