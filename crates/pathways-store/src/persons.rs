//! Person records. Every finder takes the caller's [`PersonScope`]: a record outside it is simply not found.

use pathways_domain::access::PersonScope;
use pathways_domain::person::PersonDetails;
use pathways_domain::{AccountId, OrgId, PersonId};
use sea_orm::sea_query::{Expr, ExprTrait as _, Func};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Select,
};

use crate::entities::person;
use crate::{Result, now};

/// The base query for a scope: organization, and where it applies, assignment or the person's own record.
pub(crate) fn scoped(scope: &PersonScope) -> Select<person::Entity> {
    let mut q = person::Entity::find().filter(person::Column::OrgId.eq(scope.org.as_uuid()));
    if let Some(coach) = scope.assigned_to {
        q = q.filter(person::Column::AssignedCoachId.eq(coach.as_uuid()));
    }
    if let Some(id) = scope.only_person {
        q = q.filter(person::Column::Id.eq(id.as_uuid()));
    }
    q
}

pub async fn find(db: &impl ConnectionTrait, scope: &PersonScope, id: PersonId) -> Result<Option<person::Model>> {
    Ok(scoped(scope).filter(person::Column::Id.eq(id.as_uuid())).one(db).await?)
}

/// A page of a list.
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

impl<T> Page<T> {
    pub fn pages(&self) -> u64 {
        Ord::max(self.total.div_ceil(self.per_page), 1)
    }
}

/// Persons in scope, by preferred name, optionally those whose preferred or legal name contains `search`.
pub async fn list(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    search: Option<&str>,
    page: u64,
    per_page: u64,
) -> Result<Page<person::Model>> {
    let mut q = scoped(scope);
    if let Some(s) = search.map(str::trim).filter(|s| !s.is_empty()) {
        let pattern = format!("%{}%", s.to_lowercase().replace(['%', '_'], ""));
        q = q.filter(
            Expr::expr(Func::lower(Expr::col(person::Column::PreferredName)))
                .like(pattern.clone())
                .or(Expr::expr(Func::lower(Expr::col(person::Column::LegalName))).like(pattern)),
        );
    }
    let paginator =
        q.order_by_asc(person::Column::PreferredName).order_by_asc(person::Column::Id).paginate(db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.saturating_sub(1)).await?;
    Ok(Page { items, total, page, per_page })
}

pub async fn insert(
    db: &impl ConnectionTrait,
    org: OrgId,
    details: &PersonDetails,
    coach: Option<AccountId>,
) -> Result<person::Model> {
    let at = now();
    let mut m = person::ActiveModel {
        id: Set(PersonId::new().as_uuid()),
        org_id: Set(org.as_uuid()),
        assigned_coach_id: Set(coach.map(|c| c.as_uuid())),
        created_at: Set(at),
        updated_at: Set(at),
        ..Default::default()
    };
    apply(&mut m, details);
    Ok(m.insert(db).await?)
}

/// Replaces the details of a person in scope; `coach` is `Some` only when the caller may reassign.
pub async fn update(
    db: &impl ConnectionTrait,
    scope: &PersonScope,
    id: PersonId,
    details: &PersonDetails,
    coach: Option<Option<AccountId>>,
) -> Result<Option<person::Model>> {
    let Some(existing) = find(db, scope, id).await? else { return Ok(None) };
    crate::served_demographic::details_changed(
        db,
        id,
        (existing.date_of_birth, existing.preferred_language.as_deref()),
        (details.date_of_birth, details.preferred_language.as_deref()),
    )
    .await?;
    let mut m = existing.into_active_model();
    apply(&mut m, details);
    if let Some(coach) = coach {
        m.assigned_coach_id = Set(coach.map(|c| c.as_uuid()));
    }
    m.updated_at = Set(now());
    Ok(Some(m.update(db).await?))
}

fn apply(m: &mut person::ActiveModel, d: &PersonDetails) {
    m.preferred_name = Set(d.preferred_name.clone());
    m.legal_name = Set(d.legal_name.clone());
    m.pronouns = Set(d.pronouns.clone());
    m.date_of_birth = Set(d.date_of_birth);
    m.preferred_language = Set(d.preferred_language.clone());
    m.phone = Set(d.phone.clone());
    m.email = Set(d.email.clone());
}

/// The validated details of a stored record (what an edit starts from).
pub fn details_of(m: &person::Model) -> PersonDetails {
    PersonDetails {
        preferred_name: m.preferred_name.clone(),
        legal_name: m.legal_name.clone(),
        pronouns: m.pronouns.clone(),
        date_of_birth: m.date_of_birth,
        preferred_language: m.preferred_language.clone(),
        phone: m.phone.clone(),
        email: m.email.clone(),
    }
}
