//! The directory listings a residence may be linked to (issue 19): its operator organization's own — the active
//! services (never a meeting) of the directory organizations linked to it (`pathways org link-directory`), which
//! is also where referrals to them arrive — and, on an edit, the listing it is linked to now.

use pathways_domain::OrgId;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::Result;
use crate::entities::{dir_organization, dir_service};

/// A listing the page offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListingChoice {
    pub id: Uuid,
    pub name: String,
    /// One of the organization's own listings (else: the one linked now, kept as it is).
    pub own: bool,
}

/// The organization's own active listings by name, then `current` when it is not among them and still exists.
pub async fn choices(db: &impl ConnectionTrait, org: OrgId, current: Option<Uuid>) -> Result<Vec<ListingChoice>> {
    let dir_orgs: Vec<Uuid> = dir_organization::Entity::find()
        .select_only()
        .column(dir_organization::Column::Id)
        .filter(dir_organization::Column::PathwaysOrgId.eq(org.as_uuid()))
        .filter(dir_organization::Column::RetiredAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    let mut out: Vec<ListingChoice> = Vec::new();
    if !dir_orgs.is_empty() {
        let rows: Vec<(Uuid, String)> = dir_service::Entity::find()
            .select_only()
            .column(dir_service::Column::Id)
            .column(dir_service::Column::Name)
            .filter(dir_service::Column::OrganizationId.is_in(dir_orgs))
            .filter(dir_service::Column::RetiredAt.is_null())
            .filter(dir_service::Column::IsMeeting.eq(false))
            .order_by_asc(dir_service::Column::Name)
            .order_by_asc(dir_service::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        out.extend(rows.into_iter().map(|(id, name)| ListingChoice { id, name, own: true }));
    }
    if let Some(current) = current.filter(|c| !out.iter().any(|l| l.id == *c)) {
        let row: Option<(Uuid, String)> = dir_service::Entity::find_by_id(current)
            .select_only()
            .column(dir_service::Column::Id)
            .column(dir_service::Column::Name)
            .into_tuple()
            .one(db)
            .await?;
        out.extend(row.map(|(id, name)| ListingChoice { id, name, own: false }));
    }
    Ok(out)
}
