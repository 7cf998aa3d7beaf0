//! `GET /api/v1/recovery-friendly/programs`: the Recovery Friendly designation programs one may apply to (each has
//! its public page, `/recovery-friendly/programs/{id}`) — their names in English and Spanish, what they designate,
//! their steps' titles, the trainings they require and how often a designation is renewed. Public: no token.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::WebResult;
use crate::services;
use crate::state::AppState;

/// A text in English and Spanish.
#[derive(Debug, Serialize, ToSchema)]
pub struct BilingualJson {
    pub en: String,
    pub es: String,
}

/// How many trainings of one type a program requires.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrainingRequiredJson {
    #[schema(schema_with = crate::schemas::recovery_friendly::training_kind)]
    pub kind: String,
    #[schema(minimum = 1, maximum = 20)]
    pub count: u32,
}

/// One program.
#[derive(Debug, Serialize, ToSchema)]
pub struct DesignationProgramJson {
    /// Its page and application form: `/recovery-friendly/programs/{id}`.
    pub id: Uuid,
    pub name: BilingualJson,
    #[schema(schema_with = crate::schemas::recovery_friendly::kind)]
    pub kind: String,
    /// The organization that runs it and designates (the designating body on the public list).
    pub designated_by: String,
    /// Its steps' titles, in order.
    pub steps: Vec<BilingualJson>,
    /// The trainings required (types with none required are left out).
    pub trainings: Vec<TrainingRequiredJson>,
    /// A designation is due for renewal this many months after it is made.
    #[schema(minimum = 1, maximum = 120)]
    pub renewal_months: u32,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DesignationProgramsJson {
    /// By English name.
    pub programs: Vec<DesignationProgramJson>,
}

#[utoipa::path(get, path = "/api/v1/recovery-friendly/programs", tag = "community",
    responses((status = 200, body = DesignationProgramsJson)))]
pub async fn list_designation_programs(State(state): State<AppState>) -> WebResult<Json<DesignationProgramsJson>> {
    let programs = services::designation_programs::public_programs(&state)
        .await?
        .into_iter()
        .map(|p| {
            let bilingual = |b: &pathways_domain::community::designation::Bilingual| BilingualJson {
                en: b.en.clone(),
                es: b.es.clone(),
            };
            DesignationProgramJson {
                id: p.id,
                name: bilingual(&p.program.name),
                kind: p.program.kind.code().to_owned(),
                designated_by: p.owner_name,
                steps: p.program.steps.iter().map(|s| bilingual(&s.title)).collect(),
                trainings: p
                    .program
                    .trainings
                    .iter()
                    .map(|t| TrainingRequiredJson { kind: t.kind.code().to_owned(), count: t.count })
                    .collect(),
                renewal_months: p.program.renewal_months,
            }
        })
        .collect();
    Ok(Json(DesignationProgramsJson { programs }))
}
