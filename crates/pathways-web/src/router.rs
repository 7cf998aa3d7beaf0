//! Every route of Pathways, in one table. Find a page's code from its URL here.

use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, patch, post};
use axum::{Extension, Router};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;

use crate::controllers::{
    allies, api, assessments, assets, auth, caseload, checkins, checkups, consents, directory, disclosures, encounters,
    find, home, invites, lang, locator, ops, outreach, persons, plans, portal, referrals, staff,
};
use crate::error::WebError;
use crate::extract::Door;
use crate::middleware;
use crate::state::AppState;

/// Routes over one person's record, served behind both doors: the person's own portal (`/me/…`) and staff
/// (`/persons/{id}/…`). The handler is the same; the door (an extension `Subject` reads) says whose record it is,
/// and the access gate what the caller may do with it.
fn record_routes() -> Router<AppState> {
    Router::new()
        // Recovery plans
        .route("/plan", get(plans::show_plan).post(plans::update_plan))
        .route("/plan/edit", get(plans::edit_plan))
        .route("/plan/goals", post(plans::save_goal))
        .route("/plan/goals/new", get(plans::edit_goal))
        .route("/plan/goals/{goal}", post(plans::save_goal))
        .route("/plan/goals/{goal}/edit", get(plans::edit_goal))
        .route("/plan/versions", get(plans::list_plan_versions))
        .route("/plan/versions/{version}/restore", post(plans::restore_plan_version))
        // BARC-10
        .route("/assessments", get(assessments::list_assessments).post(assessments::create_assessment))
        .route("/assessments/new", get(assessments::new_assessment))
        .route("/assessments/{assessment}", get(assessments::show_assessment))
        // Check-ups and the locator details kept with the person's consent
        .route("/checkups", get(checkups::list_checkups).post(checkups::create_checkup))
        .route("/locator", get(locator::show_locator).post(locator::add_locator))
        .route("/locator/{detail}/remove", post(locator::remove_locator))
        // Consents, disclosures, the access log
        .route("/consents", get(consents::list_consents).post(consents::create_consent))
        .route("/consents/{consent}/revoke", post(consents::revoke_consent))
        .route("/disclosures", get(disclosures::list_disclosures))
        .route("/access-log", get(disclosures::access_log))
}

/// A person's record as staff open it: `/persons/{id}/…`.
fn staff_record_routes() -> Router<AppState> {
    record_routes()
        .route("/checkins", get(checkins::list_checkins))
        .route("/consents/{consent}/end", post(consents::end_consent))
        .route("/consents/{consent}/scan", get(consents::show_scan).post(consents::upload_scan))
        .route("/encounters", get(encounters::list_encounters).post(encounters::create_encounter))
        .route("/attention/{item}/resolve", post(persons::resolve_attention::resolve_attention))
        .route("/invite", post(invites::create_invite))
        .route("/linkage/{task}", post(checkups::linkage_step))
        .route("/referrals", get(referrals::person_referrals).post(referrals::create_referral))
        .layer(Extension(Door::Staff))
}

/// The person's own portal: `/me/…`.
fn portal_routes() -> Router<AppState> {
    record_routes()
        .route("/", get(portal::show_me))
        .route("/checkin", get(checkins::new_checkin))
        .route("/checkins", get(checkins::list_checkins).post(checkins::create_checkin))
        .route("/consents/{consent}/scan", get(consents::show_scan))
        .route("/allies", get(allies::show_allies).post(allies::invite_ally))
        .layer(Extension(Door::Portal))
}

pub fn router(state: AppState) -> Router {
    let app = Router::new()
        // Public
        .route("/", get(home::show_home))
        .route("/login", get(auth::show_login).post(auth::sign_in))
        .route("/logout", post(auth::sign_out))
        .route("/lang/{code}", get(lang::switch_language))
        // Staff pages
        .route("/staff", get(staff::show_staff_home))
        .route("/persons", get(persons::list_persons).post(persons::create_person))
        .route("/persons/new", get(persons::new_person))
        .route("/persons/{id}", get(persons::show_person).post(persons::update_person))
        .route("/persons/{id}/edit", get(persons::edit_person))
        // A person's record: the same routes behind both doors (see `record_routes`).
        .nest("/persons/{id}", staff_record_routes())
        .nest("/me", portal_routes())
        .route("/invite", get(invites::show_invite_code).post(invites::accept_invite))
        .route("/invite/{token}", get(invites::show_invite))
        // The coach's caseload and outreach
        .route("/caseload", get(caseload::show_caseload))
        .route("/outreach", get(outreach::show_outreach))
        .route("/outreach/figures", get(outreach::show_figures))
        .route("/outreach/settings", get(outreach::show_settings).post(outreach::save_settings))
        .route("/outreach/{item}/attempts", post(outreach::log_attempt))
        .route("/ally", get(allies::show_shared))
        .route("/ally/support", get(allies::show_support))
        .route("/referrals", get(referrals::list_referrals))
        .route("/referrals/{id}", get(referrals::show_referral))
        .route("/referrals/{id}/status", post(referrals::update_referral))
        // The public finder.
        .route("/find", get(find::show_find))
        .route("/find/{id}", get(find::show_listing))
        .route("/find/{id}/corrections", post(find::suggest_correction))
        // Staff: the directory.
        .route("/directory", get(directory::list_listings).post(directory::create_listing))
        .route("/directory/new", get(directory::new_listing))
        .route("/directory/corrections", get(directory::list_corrections))
        .route("/directory/corrections/{id}", post(directory::close_correction))
        .route("/directory/{id}", post(directory::update_listing))
        .route("/directory/{id}/edit", get(directory::edit_listing))
        .route("/directory/{id}/history", get(directory::listing_history))
        .route("/directory/{id}/{action}", post(directory::set_listing_state))
        .route("/api/v1/search", get(find::api_search))
        .route("/api/v1/meetings.json", get(api::meetings::get_meetings_feed))
        // The directory as Open Referral HSDS 3.0 (public, like the finder).
        .route("/api/hsds/services", get(api::hsds::list_services))
        .route("/api/hsds/services/{id}", get(api::hsds::get_service))
        .route("/api/hsds/organizations", get(api::hsds::list_organizations))
        .route("/api/hsds/organizations/{id}", get(api::hsds::get_organization))
        // JSON API
        .route("/api/v1/persons", get(api::persons::list_persons).post(api::persons::create_person))
        .route("/api/v1/persons/{id}", get(api::persons::get_person).patch(api::persons::update_person))
        .route("/api/v1/persons/{id}/plan", get(api::plans::get_plan).put(api::plans::put_plan))
        .route("/api/v1/persons/{id}/plan/versions", get(api::plans::list_plan_versions))
        .route(
            "/api/v1/persons/{id}/assessments",
            get(api::records::list_assessments).post(api::records::create_assessment),
        )
        .route("/api/v1/persons/{id}/checkins", get(api::records::list_checkins).post(api::records::create_checkin))
        .route("/api/v1/persons/{id}/checkups", get(api::checkups::list_checkups).post(api::checkups::create_checkup))
        .route("/api/v1/persons/{id}/schedule", get(api::checkups::get_schedule))
        .route("/api/v1/outreach", get(api::outreach::list_outreach))
        .route(
            "/api/v1/persons/{id}/consents",
            get(api::consents::list_consents::list_consents).post(api::consents::create_consent::create_consent),
        )
        .route("/api/v1/referrals", get(api::referrals::list_referrals).post(api::referrals::create_referral))
        .route("/api/v1/referrals/{id}", patch(api::referrals::patch_referral))
        .route("/api/v1/consents/{id}/revoke", post(api::consents::revoke_consent::revoke_consent))
        .route("/api/v1/persons/{id}/disclosures", get(api::consents::list_disclosures::list_disclosures))
        .route("/api/v1/persons/{id}/access-log", get(api::consents::access_log::access_log))
        .route("/api/v1/outreach/{item}/attempts", post(api::outreach::create_attempt))
        .route(
            "/api/v1/persons/{id}/encounters",
            get(api::records::list_encounters).post(api::records::create_encounter),
        )
        // Treatment capacity and bed holds (issue 6).
        .route("/capacity", get(crate::controllers::capacity::show_board))
        .route("/access-line", get(crate::controllers::access_line::show_console))
        .route("/access-line/calls", post(crate::controllers::access_line::create_call))
        .route("/access-line/figures", get(crate::controllers::access_line::show_figures))
        .route("/access-line/calls/{id}", get(crate::controllers::access_line::show_call))
        .route("/access-line/calls/{id}/level", post(crate::controllers::access_line::choose_level))
        .route("/access-line/calls/{id}/holds", post(crate::controllers::access_line::hold_bed))
        .route("/access-line/calls/{id}/rides", post(crate::controllers::access_line::request_ride))
        .route("/access-line/calls/{id}/follow-up", post(crate::controllers::access_line::follow_up))
        .route("/access-line/calls/{id}/person", post(crate::controllers::access_line::make_person))
        .route(
            "/access-line/calls/{id}/referrals",
            get(referrals::call_referrals).post(referrals::create_call_referral),
        )
        .route("/transport", get(crate::controllers::access_line::show_transport))
        .route("/transport/{id}", post(crate::controllers::access_line::change_ride_form))
        .route("/programs", get(crate::controllers::capacity::list_programs))
        .route("/programs/{id}/counts", post(crate::controllers::capacity::change_counts))
        .route("/holds/{id}/{action}", post(crate::controllers::capacity::close_hold_form))
        .route("/api/v1/capacity", get(api::capacity::get_capacity))
        .route("/api/v1/programs/{id}/capacity", post(api::capacity::post_capacity))
        .route("/api/v1/programs/{id}/reservations", post(api::capacity::reserve_bed))
        .route("/api/v1/reservations/{id}/admit", post(api::capacity::admit_hold))
        .route("/api/v1/reservations/{id}/release", post(api::capacity::release_hold))
        .route("/api/v1/transport-requests", post(api::access_line::create_ride))
        .route("/api/v1/transport-requests/{id}", patch(api::access_line::patch_ride))
        .route("/api/v1/transport-queue", get(api::access_line::get_queue))
        .route("/api/openapi.json", get(ops::get_openapi))
        .fallback(|| async { WebError::NotFound })
        .layer(from_fn_with_state(state.clone(), middleware::context));

    Router::new()
        .merge(app)
        // Operations and assets need no session or language.
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::get_metrics))
        .route("/static/{file}", get(assets::get_asset))
        .layer(from_fn(middleware::security_headers))
        .layer(from_fn(middleware::observe))
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(1024 * 1024))
        .with_state(state)
}
