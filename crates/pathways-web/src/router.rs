//! Every route of Pathways, in one table. Find a page's code from its URL here.

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, patch, post};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;

use crate::controllers::{
    allies, api, assessments, assets, auth, caseload, checkins, checkups, consents, directory, disclosures, encounters,
    find, home, invites, lang, locator, ops, outreach, persons, plans, portal, referrals, staff,
};
use crate::error::WebError;
use crate::middleware;
use crate::state::AppState;

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
        // Recovery plans: the same handlers for staff (/persons/{id}/…) and for the person (/me/…)
        .route("/persons/{id}/plan", get(plans::show_plan).post(plans::update_plan))
        .route("/me/plan", get(plans::show_plan).post(plans::update_plan))
        .route("/persons/{id}/plan/edit", get(plans::edit_plan))
        .route("/me/plan/edit", get(plans::edit_plan))
        .route("/persons/{id}/plan/goals", post(plans::save_goal))
        .route("/me/plan/goals", post(plans::save_goal))
        .route("/persons/{id}/plan/goals/new", get(plans::edit_goal))
        .route("/me/plan/goals/new", get(plans::edit_goal))
        .route("/persons/{id}/plan/goals/{goal}", post(plans::save_goal))
        .route("/me/plan/goals/{goal}", post(plans::save_goal))
        .route("/persons/{id}/plan/goals/{goal}/edit", get(plans::edit_goal))
        .route("/me/plan/goals/{goal}/edit", get(plans::edit_goal))
        .route("/persons/{id}/plan/versions", get(plans::list_plan_versions))
        .route("/me/plan/versions", get(plans::list_plan_versions))
        .route("/persons/{id}/plan/versions/{version}/restore", post(plans::restore_plan_version))
        .route("/me/plan/versions/{version}/restore", post(plans::restore_plan_version))
        // BARC-10
        .route("/persons/{id}/assessments", get(assessments::list_assessments).post(assessments::create_assessment))
        .route("/me/assessments", get(assessments::list_assessments).post(assessments::create_assessment))
        .route("/persons/{id}/assessments/new", get(assessments::new_assessment))
        .route("/me/assessments/new", get(assessments::new_assessment))
        .route("/persons/{id}/assessments/{assessment}", get(assessments::show_assessment))
        .route("/me/assessments/{assessment}", get(assessments::show_assessment))
        // Check-ins
        .route("/me/checkin", get(checkins::new_checkin))
        .route("/me/checkins", get(checkins::list_checkins).post(checkins::create_checkin))
        .route("/persons/{id}/checkins", get(checkins::list_checkins))
        // Encounters, attention items, invitations (staff)
        .route("/persons/{id}/encounters", get(encounters::list_encounters).post(encounters::create_encounter))
        .route("/persons/{id}/attention/{item}/resolve", post(persons::resolve_attention::resolve_attention))
        .route("/persons/{id}/invite", post(invites::create_invite))
        .route("/invite", get(invites::show_invite_code).post(invites::accept_invite))
        .route("/invite/{token}", get(invites::show_invite))
        // The person's portal and the coach's caseload
        .route("/me", get(portal::show_me))
        .route("/caseload", get(caseload::show_caseload))
        .route("/outreach", get(outreach::show_outreach))
        .route("/outreach/figures", get(outreach::show_figures))
        .route("/outreach/settings", get(outreach::show_settings).post(outreach::save_settings))
        .route("/outreach/{item}/attempts", post(outreach::log_attempt))
        .route("/persons/{id}/checkups", get(checkups::list_checkups).post(checkups::create_checkup))
        .route("/me/checkups", get(checkups::list_checkups).post(checkups::create_checkup))
        .route("/persons/{id}/linkage/{task}", post(checkups::linkage_step))
        .route("/persons/{id}/locator", get(locator::show_locator).post(locator::add_locator))
        .route("/persons/{id}/locator/{detail}/remove", post(locator::remove_locator))
        .route("/me/locator", get(locator::show_locator).post(locator::add_locator))
        .route("/persons/{id}/consents", get(consents::list_consents).post(consents::create_consent))
        .route("/persons/{id}/consents/{consent}/revoke", post(consents::revoke_consent))
        .route("/persons/{id}/consents/{consent}/end", post(consents::end_consent))
        .route("/persons/{id}/consents/{consent}/scan", get(consents::show_scan).post(consents::upload_scan))
        .route("/me/consents/{consent}/scan", get(consents::show_scan))
        .route("/me/consents", get(consents::list_consents).post(consents::create_consent))
        .route("/me/consents/{consent}/revoke", post(consents::revoke_consent))
        .route("/persons/{id}/disclosures", get(disclosures::list_disclosures))
        .route("/me/disclosures", get(disclosures::list_disclosures))
        .route("/persons/{id}/access-log", get(disclosures::access_log))
        .route("/me/access-log", get(disclosures::access_log))
        .route("/me/allies", get(allies::show_allies).post(allies::invite_ally))
        .route("/ally", get(allies::show_shared))
        .route("/persons/{id}/referrals", get(referrals::person_referrals).post(referrals::create_referral))
        .route("/referrals", get(referrals::list_referrals))
        .route("/referrals/{id}", get(referrals::show_referral))
        .route("/referrals/{id}/status", post(referrals::update_referral))
        .route("/ally/support", get(allies::show_support))
        .route("/me/locator/{detail}/remove", post(locator::remove_locator))
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
        .route("/api/v1/meetings.json", get(crate::controllers::meetings::get_meetings_feed))
        // The directory as Open Referral HSDS 3.0 (public, like the finder).
        .route("/api/hsds/services", get(crate::controllers::hsds::list_services))
        .route("/api/hsds/services/{id}", get(crate::controllers::hsds::get_service))
        .route("/api/hsds/organizations", get(crate::controllers::hsds::list_organizations))
        .route("/api/hsds/organizations/{id}", get(crate::controllers::hsds::get_organization))
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
        .route("/api/v1/capacity", get(crate::controllers::capacity::get_capacity))
        .route("/api/v1/programs/{id}/capacity", post(crate::controllers::capacity::post_capacity))
        .route("/api/v1/programs/{id}/reservations", post(crate::controllers::capacity::reserve_bed))
        .route("/api/v1/reservations/{id}/admit", post(crate::controllers::capacity::admit_hold))
        .route("/api/v1/reservations/{id}/release", post(crate::controllers::capacity::release_hold))
        .route("/api/v1/transport-requests", post(crate::controllers::access_line::api::create_ride))
        .route("/api/v1/transport-requests/{id}", patch(crate::controllers::access_line::api::patch_ride))
        .route("/api/v1/transport-queue", get(crate::controllers::access_line::api::get_queue))
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
