//! Education pages (issue 20; migration m0031): public pages by slug, both languages in one row. Saving a slug
//! that exists changes that page (audited in the same transaction).

use chrono::{DateTime, Utc};
use pathways_domain::audit::{AuditAction, AuditOutcome};
use pathways_domain::community::education::EducationPage;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::Result;
use crate::audit::{self, Actor, AuditEntry};
use crate::entities::education_page;

fn page(m: education_page::Model) -> EducationPage {
    EducationPage {
        slug: m.slug,
        title_en: m.title_en,
        body_en: m.body_en,
        title_es: m.title_es,
        body_es: m.body_es,
        source: m.source,
        source_url: m.source_url,
    }
}

/// Saves a page: a new one, or the one with its slug changed. Audited in `tx`.
pub async fn save(tx: &DatabaseTransaction, actor: &Actor, p: &EducationPage, now: DateTime<Utc>) -> Result<Uuid> {
    let found = education_page::Entity::find().filter(education_page::Column::Slug.eq(&p.slug)).one(tx).await?;
    let (id, detail) = match found {
        Some(m) => {
            let id = m.id;
            let mut a: education_page::ActiveModel = m.into();
            a.title_en = Set(p.title_en.clone());
            a.body_en = Set(p.body_en.clone());
            a.title_es = Set(p.title_es.clone());
            a.body_es = Set(p.body_es.clone());
            a.source = Set(p.source.clone());
            a.source_url = Set(p.source_url.clone());
            a.updated_at = Set(now);
            a.update(tx).await?;
            (id, "education_page changed")
        }
        None => {
            let id = Uuid::now_v7();
            education_page::ActiveModel {
                id: Set(id),
                slug: Set(p.slug.clone()),
                title_en: Set(p.title_en.clone()),
                body_en: Set(p.body_en.clone()),
                title_es: Set(p.title_es.clone()),
                body_es: Set(p.body_es.clone()),
                source: Set(p.source.clone()),
                source_url: Set(p.source_url.clone()),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(tx)
            .await?;
            (id, "education_page created")
        }
    };
    let entry = AuditEntry::new(AuditAction::CommunityRecordSave, AuditOutcome::Success).on("education_page", id);
    audit::append(tx, actor, entry.detail(detail)).await?;
    Ok(id)
}

/// The page at `slug`.
pub async fn find(db: &impl ConnectionTrait, slug: &str) -> Result<Option<EducationPage>> {
    Ok(education_page::Entity::find().filter(education_page::Column::Slug.eq(slug)).one(db).await?.map(page))
}

/// Every page, by its English title.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<EducationPage>> {
    Ok(education_page::Entity::find()
        .order_by_asc(education_page::Column::TitleEn)
        .all(db)
        .await?
        .into_iter()
        .map(page)
        .collect())
}
