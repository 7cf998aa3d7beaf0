//! A state agency's network (issue 17, the state view; migration m0025): memberships both sides confirm, and
//! the organizations' recorded regions. No person data here.

use pathways_domain::OrgId;
use pathways_domain::outcomes::network::Side;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

use crate::entities::{network_membership, organization};
use crate::{Result, now};

/// A membership as the network page lists it, seen from one organization.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub state: OrgId,
    pub member: OrgId,
    /// The organization on the other side: its name and slug.
    pub other_name: String,
    pub other_slug: String,
    pub state_confirmed: bool,
    pub member_confirmed: bool,
}

/// An organization in a state's network (both sides confirmed), with its recorded region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkOrg {
    pub id: OrgId,
    pub name: String,
    pub region: Option<String>,
}

/// Every membership, pending or confirmed, `org` is a side of, by the other organization's name.
pub async fn memberships_of(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<Membership>> {
    let rows = network_membership::Entity::find()
        .filter(
            Condition::any()
                .add(network_membership::Column::StateOrgId.eq(org.as_uuid()))
                .add(network_membership::Column::MemberOrgId.eq(org.as_uuid())),
        )
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let other = if r.state_org_id == org.as_uuid() { r.member_org_id } else { r.state_org_id };
        let Some(o) = organization::Entity::find_by_id(other).one(db).await? else { continue };
        out.push(Membership {
            state: OrgId::from_uuid(r.state_org_id),
            member: OrgId::from_uuid(r.member_org_id),
            other_name: o.name,
            other_slug: o.slug,
            state_confirmed: r.state_confirmed_at.is_some(),
            member_confirmed: r.member_confirmed_at.is_some(),
        });
    }
    out.sort_by(|a, b| a.other_name.cmp(&b.other_name));
    Ok(out)
}

/// Sets one side's confirmation of the membership between `state` and `member`, making the row when it is the
/// first. Returns the confirmations after the change (state, member).
pub async fn confirm(db: &impl ConnectionTrait, state: OrgId, member: OrgId, side: Side) -> Result<(bool, bool)> {
    let at = now();
    let found = network_membership::Entity::find_by_id((state.as_uuid(), member.as_uuid())).one(db).await?;
    let row = match found {
        Some(r) => {
            let mut a: network_membership::ActiveModel = r.into();
            match side {
                Side::State => a.state_confirmed_at = Set(Some(at)),
                Side::Member => a.member_confirmed_at = Set(Some(at)),
            }
            a.update(db).await?
        }
        None => {
            network_membership::ActiveModel {
                state_org_id: Set(state.as_uuid()),
                member_org_id: Set(member.as_uuid()),
                state_confirmed_at: Set((side == Side::State).then_some(at)),
                member_confirmed_at: Set((side == Side::Member).then_some(at)),
                created_at: Set(at),
            }
            .insert(db)
            .await?
        }
    };
    Ok((row.state_confirmed_at.is_some(), row.member_confirmed_at.is_some()))
}

/// Ends (or withdraws) the membership between `state` and `member`. `false` when there was none.
pub async fn leave(db: &impl ConnectionTrait, state: OrgId, member: OrgId) -> Result<bool> {
    let r = network_membership::Entity::delete_by_id((state.as_uuid(), member.as_uuid())).exec(db).await?;
    Ok(r.rows_affected > 0)
}

/// The organizations in `state`'s network (both sides confirmed), by name.
pub async fn members(db: &impl ConnectionTrait, state: OrgId) -> Result<Vec<NetworkOrg>> {
    let ids: Vec<uuid::Uuid> = network_membership::Entity::find()
        .filter(network_membership::Column::StateOrgId.eq(state.as_uuid()))
        .filter(network_membership::Column::StateConfirmedAt.is_not_null())
        .filter(network_membership::Column::MemberConfirmedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.member_org_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(organization::Entity::find()
        .filter(organization::Column::Id.is_in(ids))
        .order_by_asc(organization::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|o| NetworkOrg { id: OrgId::from_uuid(o.id), name: o.name, region: o.region })
        .collect())
}

/// Records the region (or county) of an organization; `None` clears it.
pub async fn set_region(db: &impl ConnectionTrait, org: OrgId, region: Option<&str>) -> Result<bool> {
    let Some(o) = organization::Entity::find_by_id(org.as_uuid()).one(db).await? else { return Ok(false) };
    let mut a: organization::ActiveModel = o.into();
    a.region = Set(region.map(str::to_owned));
    a.update(db).await?;
    Ok(true)
}

/// The recorded regions of the organizations `state` has a membership with (asked or confirmed), by organization.
pub async fn regions_of(db: &impl ConnectionTrait, state: OrgId) -> Result<std::collections::HashMap<OrgId, String>> {
    let ids: Vec<uuid::Uuid> = network_membership::Entity::find()
        .filter(network_membership::Column::StateOrgId.eq(state.as_uuid()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.member_org_id)
        .collect();
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(organization::Entity::find()
        .filter(organization::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|o| o.region.map(|r| (OrgId::from_uuid(o.id), r)))
        .collect())
}

#[cfg(test)]
mod tests {
    use pathways_domain::org::{OrgKind, Slug};

    use super::*;
    use crate::orgs;
    use crate::testing::TestDb;

    #[tokio::test]
    async fn a_membership_counts_once_both_sides_confirm_and_ends_when_either_leaves() {
        let db = TestDb::new().await;
        let w = db.store.writer();
        let mk = |slug: &'static str, kind| async move {
            OrgId::from_uuid(orgs::create(w, &Slug::parse(slug).expect("slug"), slug, kind).await.expect("org").id)
        };
        let state = mk("state", OrgKind::StateAgency).await;
        let rcc = mk("rcc", OrgKind::RecoveryCommunityCenter).await;
        assert_eq!(confirm(w, state, rcc, Side::State).await.expect("ask"), (true, false));
        assert!(members(w, state).await.expect("members").is_empty());
        assert_eq!(memberships_of(w, rcc).await.expect("list")[0].other_name, "state");
        assert_eq!(confirm(w, state, rcc, Side::Member).await.expect("confirm"), (true, true));
        set_region(w, rcc, Some("North Central")).await.expect("region");
        let m = members(w, state).await.expect("members");
        assert_eq!(m, vec![NetworkOrg { id: rcc, name: "rcc".into(), region: Some("North Central".into()) }]);
        assert!(leave(w, state, rcc).await.expect("leave"));
        assert!(!leave(w, state, rcc).await.expect("again"));
        assert!(members(w, state).await.expect("members").is_empty());
    }
}
