use sea_orm::entity::prelude::*;

/// A public education page (issue 20), both languages side by side, with the source it cites.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "education_page")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub slug: String,
    pub title_en: String,
    #[sea_orm(column_type = "Text")]
    pub body_en: String,
    pub title_es: String,
    #[sea_orm(column_type = "Text")]
    pub body_es: String,
    pub source: String,
    pub source_url: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
