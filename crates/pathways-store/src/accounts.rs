//! Sign-in accounts.

use pathways_domain::{AccountId, OrgId, PrincipalKind, Role};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::entities::{account, api_token, session};
use crate::{Result, StoreError, now};

/// A new staff account. The password is already hashed by the caller.
#[derive(Clone, Debug)]
pub struct NewStaff<'a> {
    pub org: OrgId,
    pub role: Role,
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
}

pub async fn create_staff(db: &impl ConnectionTrait, new: NewStaff<'_>) -> Result<account::Model> {
    account::ActiveModel {
        id: Set(AccountId::new().as_uuid()),
        org_id: Set(new.org.as_uuid()),
        kind: Set(PrincipalKind::Staff.as_str().to_owned()),
        role: Set(Some(new.role.as_str().to_owned())),
        email: Set(Some(new.email.to_lowercase())),
        display_name: Set(new.display_name.to_owned()),
        password_hash: Set(Some(new.password_hash.to_owned())),
        locale: Set(None),
        person_id: Set(None),
        disabled_at: Set(None),
        created_at: Set(now()),
        username: Set(None),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_insert(e, "email", "email"))
}

/// A person's own account over their record, signing in with `username`.
/// A sign-in for someone outside the staff: a person's own account, or an ally's (a family member or friend the
/// person invited), both tied to the person's record and signing in with a username.
#[derive(Clone, Copy, Debug)]
pub struct NewLogin<'a> {
    pub kind: PrincipalKind,
    pub org: OrgId,
    pub person: pathways_domain::PersonId,
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub locale: Option<&'a str>,
}

/// A person's own account.
pub async fn create_person_account(
    db: &impl ConnectionTrait,
    org: OrgId,
    person: pathways_domain::PersonId,
    username: &str,
    display_name: &str,
    password_hash: &str,
    locale: Option<&str>,
) -> Result<account::Model> {
    let kind = PrincipalKind::Person;
    create_login(db, NewLogin { kind, org, person, username, display_name, password_hash, locale }).await
}

/// A person's or an ally's account (`kind`); a username already taken is `StoreError::Duplicate`.
pub async fn create_login(db: &impl ConnectionTrait, n: NewLogin<'_>) -> Result<account::Model> {
    let NewLogin { kind, org, person, username, display_name, password_hash, locale } = n;
    account::ActiveModel {
        id: Set(AccountId::new().as_uuid()),
        org_id: Set(org.as_uuid()),
        kind: Set(kind.as_str().to_owned()),
        role: Set(None),
        email: Set(None),
        display_name: Set(display_name.to_owned()),
        password_hash: Set(Some(password_hash.to_owned())),
        locale: Set(locale.map(str::to_owned)),
        person_id: Set(Some(person.as_uuid())),
        disabled_at: Set(None),
        created_at: Set(now()),
        username: Set(Some(username.to_lowercase())),
    }
    .insert(db)
    .await
    .map_err(|e| StoreError::from_insert(e, "username", "username"))
}

/// The account that signs in as `login`: an email for staff, a username for persons.
pub async fn find_by_login(db: &impl ConnectionTrait, login: &str) -> Result<Option<account::Model>> {
    let login = login.trim().to_lowercase();
    let column = if login.contains('@') { account::Column::Email } else { account::Column::Username };
    Ok(account::Entity::find().filter(column.eq(login)).one(db).await?)
}

/// The person's own account, if they have one.
pub async fn find_for_person(
    db: &impl ConnectionTrait,
    person: pathways_domain::PersonId,
) -> Result<Option<account::Model>> {
    Ok(account::Entity::find()
        .filter(account::Column::PersonId.eq(person.as_uuid()))
        .filter(account::Column::Kind.eq(PrincipalKind::Person.as_str()))
        .one(db)
        .await?)
}

/// The ally accounts of a person (family and friends they invited), oldest first; an ally the person removed
/// (disabled) is not one any more.
pub async fn allies_of(db: &impl ConnectionTrait, person: pathways_domain::PersonId) -> Result<Vec<account::Model>> {
    Ok(account::Entity::find()
        .filter(account::Column::PersonId.eq(person.as_uuid()))
        .filter(account::Column::Kind.eq(PrincipalKind::Ally.as_str()))
        .filter(account::Column::DisabledAt.is_null())
        .order_by_asc(account::Column::CreatedAt)
        .all(db)
        .await?)
}

pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> Result<Option<account::Model>> {
    Ok(account::Entity::find().filter(account::Column::Email.eq(email.trim().to_lowercase())).one(db).await?)
}

pub async fn find(db: &impl ConnectionTrait, id: AccountId) -> Result<Option<account::Model>> {
    Ok(account::Entity::find_by_id(id.as_uuid()).one(db).await?)
}

/// The display names of these accounts, in one query (a report names the staff members of its lines).
pub async fn display_names(
    db: &impl ConnectionTrait,
    ids: &[uuid::Uuid],
) -> Result<std::collections::HashMap<uuid::Uuid, String>> {
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    Ok(account::Entity::find()
        .select_only()
        .column(account::Column::Id)
        .column(account::Column::DisplayName)
        .filter(account::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(uuid::Uuid, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Active staff of an organization holding `role`, by name (for choosing an assigned coach).
pub async fn list_staff(db: &impl ConnectionTrait, org: OrgId, role: Role) -> Result<Vec<account::Model>> {
    Ok(account::Entity::find()
        .filter(account::Column::OrgId.eq(org.as_uuid()))
        .filter(account::Column::Role.eq(role.as_str()))
        .filter(account::Column::DisabledAt.is_null())
        .order_by_asc(account::Column::DisplayName)
        .all(db)
        .await?)
}

pub async fn set_locale(db: &impl ConnectionTrait, id: AccountId, locale: &str) -> Result<()> {
    account::Entity::update_many()
        .col_expr(account::Column::Locale, sea_orm::sea_query::Expr::value(locale))
        .filter(account::Column::Id.eq(id.as_uuid()))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn set_password_hash(db: &impl ConnectionTrait, id: AccountId, hash: &str) -> Result<()> {
    account::Entity::update_many()
        .col_expr(account::Column::PasswordHash, sea_orm::sea_query::Expr::value(hash))
        .filter(account::Column::Id.eq(id.as_uuid()))
        .exec(db)
        .await?;
    Ok(())
}

/// Disables an account and ends everything it could act with: its sessions and its API tokens.
pub async fn disable(db: &impl ConnectionTrait, id: AccountId) -> Result<bool> {
    let Some(acct) = find(db, id).await? else { return Ok(false) };
    let at = now();
    let mut active = acct.into_active_model();
    active.disabled_at = Set(Some(at));
    active.update(db).await?;
    session::Entity::delete_many().filter(session::Column::AccountId.eq(id.as_uuid())).exec(db).await?;
    api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, sea_orm::sea_query::Expr::value(at))
        .filter(api_token::Column::AccountId.eq(id.as_uuid()))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(true)
}

/// Enables a disabled account again (its old sessions and tokens stay ended). False when there is no such account.
pub async fn enable(db: &impl ConnectionTrait, id: AccountId) -> Result<bool> {
    let r = account::Entity::update_many()
        .col_expr(
            account::Column::DisabledAt,
            sea_orm::sea_query::Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .filter(account::Column::Id.eq(id.as_uuid()))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// The account signing in with `username` (a person's or an ally's).
pub async fn find_by_username(db: &impl ConnectionTrait, username: &str) -> Result<Option<account::Model>> {
    Ok(account::Entity::find().filter(account::Column::Username.eq(username.trim().to_lowercase())).one(db).await?)
}

/// One account of an organization; another organization's is not found.
pub async fn find_in_org(db: &impl ConnectionTrait, org: OrgId, id: AccountId) -> Result<Option<account::Model>> {
    Ok(account::Entity::find_by_id(id.as_uuid()).filter(account::Column::OrgId.eq(org.as_uuid())).one(db).await?)
}

/// Every account of an organization (staff, persons' and allies'), by kind and name.
pub async fn list_in_org(db: &impl ConnectionTrait, org: OrgId) -> Result<Vec<account::Model>> {
    Ok(account::Entity::find()
        .filter(account::Column::OrgId.eq(org.as_uuid()))
        .order_by_asc(account::Column::Kind)
        .order_by_asc(account::Column::DisplayName)
        .order_by_asc(account::Column::CreatedAt)
        .all(db)
        .await?)
}

/// One of a person's allies (not disabled): another person's ally, or a staff account, is not found.
pub async fn find_ally_of(
    db: &impl ConnectionTrait,
    person: pathways_domain::PersonId,
    ally: AccountId,
) -> Result<Option<account::Model>> {
    Ok(account::Entity::find_by_id(ally.as_uuid())
        .filter(account::Column::PersonId.eq(person.as_uuid()))
        .filter(account::Column::Kind.eq(PrincipalKind::Ally.as_str()))
        .filter(account::Column::DisabledAt.is_null())
        .one(db)
        .await?)
}
