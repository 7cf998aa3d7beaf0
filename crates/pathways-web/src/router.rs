//! Every route of Pathways, in one table. Find a page's code from its URL here.

use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::{Extension, Router};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::controllers::{
    accounts, allies, api, assessments, assets, auth, caseload, checkins, checkups, consents, directory, disclosures,
    encounters, find, home, interviews, invites, lang, locator, ops, outreach, persons, plans, portal, record,
    recovery, referrals, staff, tokens, two_factor,
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
        .route("/plan/goals", post(plans::add_goal))
        .route("/plan/goals/new", get(plans::new_goal))
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
        // Issue 20: a known person's kiosk check-in code and drop-in visits; removing the code (staff, or the person
        // in their portal).
        .route("/kiosk", get(crate::controllers::kiosk_codes::show_kiosk_visits))
        .route("/kiosk-code/remove", post(crate::controllers::kiosk_codes::remove_kiosk_code))
}

/// A person's record as staff open it: `/persons/{id}/…`.
fn staff_record_routes() -> Router<AppState> {
    record_routes()
        .route("/checkins", get(checkins::list_checkins))
        .route("/consents/{consent}/end", post(consents::end_consent))
        .route("/consents/{consent}/scan", get(consents::show_scan).post(consents::upload_scan))
        .route("/encounters", get(encounters::list_encounters).post(encounters::create_encounter))
        .route("/attention/{item}/resolve", post(persons::resolve_attention))
        .route("/invite", post(invites::create_invite))
        .route("/reset", post(accounts::reset_person))
        .route("/linkage/{task}", post(checkups::linkage_step))
        .route("/referrals", get(referrals::person_referrals).post(referrals::create_referral))
        .route("/export", get(record::new_export).post(record::create_export))
        // Outcome interviews and closing the episode (issue 17)
        .route("/outcome-interviews", get(interviews::list_interviews).post(interviews::start_interview))
        .route("/outcome-interviews/{interview}", get(interviews::edit_interview).post(interviews::save_interview))
        .route("/episode/close", post(interviews::close_episode))
        // Peer services and their financing (issue 21): record, check before signing, sign.
        .route(
            "/service-events",
            get(crate::controllers::service_events::list_service_events)
                .post(crate::controllers::service_events::create_service_event),
        )
        .route("/service-events/{service_event}/sign", post(crate::controllers::service_events::sign_service_event))
        .route("/service-events/{service_event}/cosign", post(crate::controllers::service_events::cosign_service_event))
        .route(
            "/service-events/{service_event}/correct",
            get(crate::controllers::service_events::edit_correction)
                .post(crate::controllers::service_events::correct_service_event),
        )
        // Issue 21: a person's vouchers and their balances; an administrator issues one.
        .route(
            "/vouchers",
            get(crate::controllers::vouchers::list_vouchers).post(crate::controllers::vouchers::issue_voucher),
        )
        // Issue 21 (fifth pass): an administrator changes or withdraws one of the person's vouchers.
        .route(
            "/vouchers/{voucher}",
            get(crate::controllers::vouchers::edit_voucher).post(crate::controllers::vouchers::update_voucher),
        )
        // Issue 20: staff issue a known person's kiosk check-in code (shown once).
        .route("/kiosk-code", post(crate::controllers::kiosk_codes::issue_kiosk_code))
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
        .route("/allies/{account}/remove", post(allies::remove_ally))
        .route("/record", get(record::show_record))
        // Issue 17: the perception-of-care survey in the person's portal
        .route(
            "/survey",
            get(crate::controllers::perception::show_portal_survey)
                .post(crate::controllers::perception::submit_portal_survey),
        )
        // Peer services and their financing (issue 21): the services the person received, in plain words.
        .route("/service-events", get(crate::controllers::service_events::list_service_events))
        // Issue 17: the person's own part of the outcome interview open today.
        .route("/outcome-interview", get(interviews::show_own_interview).post(interviews::save_own_interview))
        .layer(Extension(Door::Portal))
}

/// The JSON API (`/api/v1/…`, `/api/hsds/…`): each route declared once, by its handler's `#[utoipa::path]` (method, path,
/// parameters, bodies, every answer). `routes!` mounts the handlers and enters them in `/api/openapi.json`; the
/// handlers of one path go in one `routes!`.
pub fn api_routes() -> OpenApiRouter<AppState> {
    use api::{
        access_line, capacity, checkups, consents, fhir, find, housing, hsds, interviews, meetings, outreach, persons,
        plans, records, referrals, reports,
    };
    OpenApiRouter::with_openapi(crate::openapi::ApiDoc::openapi())
        // Persons and their records
        .routes(routes!(persons::list_persons::list_persons, persons::create_person::create_person))
        .routes(routes!(persons::get_person::get_person, persons::update_person::update_person))
        .routes(routes!(plans::get_plan::get_plan, plans::put_plan::put_plan))
        .routes(routes!(plans::list_plan_versions::list_plan_versions))
        .routes(routes!(records::list_assessments::list_assessments, records::create_assessment::create_assessment))
        .routes(routes!(records::list_checkins::list_checkins, records::create_checkin::create_checkin))
        .routes(routes!(records::list_encounters::list_encounters, records::create_encounter::create_encounter))
        // Check-ups and outreach
        .routes(routes!(checkups::list_checkups::list_checkups, checkups::create_checkup::create_checkup))
        .routes(routes!(checkups::get_schedule::get_schedule))
        .routes(routes!(outreach::list_outreach::list_outreach))
        .routes(routes!(outreach::create_attempt::create_attempt))
        // Consent, disclosures, the access log
        .routes(routes!(consents::list_consents::list_consents, consents::create_consent::create_consent))
        .routes(routes!(consents::revoke_consent::revoke_consent))
        .routes(routes!(consents::list_disclosures::list_disclosures))
        .routes(routes!(consents::access_log::access_log))
        // Referrals
        .routes(routes!(referrals::list_referrals::list_referrals, referrals::create_referral::create_referral))
        .routes(routes!(referrals::patch_referral::patch_referral))
        // FHIR R4 (read-only; OperationOutcome errors) and the consent-gated export
        .routes(routes!(fhir::get_metadata::get_metadata))
        .routes(routes!(fhir::search_patients::search_patients))
        .routes(routes!(fhir::get_patient::get_patient))
        .routes(routes!(fhir::get_resource::get_resource))
        .routes(routes!(fhir::get_everything::get_everything))
        .routes(routes!(fhir::search_observations::search_observations))
        .routes(routes!(fhir::search_care_plans::search_care_plans))
        .routes(routes!(fhir::search_goals::search_goals))
        .routes(routes!(fhir::search_questionnaire_responses::search_questionnaire_responses))
        .routes(routes!(fhir::search_encounters::search_encounters))
        .routes(routes!(fhir::search_service_requests::search_service_requests))
        .routes(routes!(fhir::search_tasks::search_tasks))
        .routes(routes!(fhir::search_consents::search_consents))
        // Treatment capacity, bed holds and the transport queue
        .routes(routes!(capacity::get_capacity::get_capacity))
        .routes(routes!(capacity::post_capacity::post_capacity))
        .routes(routes!(capacity::reserve_bed::reserve_bed))
        .routes(routes!(capacity::admit_hold::admit_hold))
        .routes(routes!(capacity::release_hold::release_hold))
        .routes(routes!(access_line::create_ride::create_ride))
        .routes(routes!(access_line::patch_ride::patch_ride))
        .routes(routes!(access_line::get_queue::get_queue))
        // Recovery housing (issue 19): the public board
        .routes(routes!(housing::get_housing::get_housing))
        // … and the operator's residence: its details and its weekly bed report
        .routes(routes!(housing::get_residence::get_residence, housing::put_residence::put_residence))
        .routes(routes!(housing::report_residence::report_residence))
        // Outcome reports (aggregates, suppressed)
        .routes(routes!(reports::get_people_served::get_people_served))
        // Issue 17, the state view: the network's figures
        .routes(routes!(reports::get_network_people_served::get_network_people_served))
        // Issue 17, perception of care: the report's figures
        .routes(routes!(reports::get_perception::get_perception))
        // Recovery community (issue 20): the network's naloxone and trainings
        .routes(routes!(reports::get_network_naloxone::get_network_naloxone))
        // Recovery community (issue 20): the public calendar, paged and filtered
        .routes(routes!(api::community::get_calendar::get_calendar))
        // Outcome interviews (issue 17)
        .routes(routes!(interviews::list_interviews::list_interviews, interviews::create_interview::create_interview))
        .routes(routes!(reports::get_follow_up::get_follow_up))
        .routes(routes!(reports::get_follow_up::get_network_follow_up))
        .routes(routes!(reports::get_outcome_change::get_outcome_change))
        .routes(routes!(reports::get_network_outcome_change::get_network_outcome_change))
        // Issue 17: access and retention, the organization's and the network's
        .routes(routes!(reports::get_access_retention::get_access_retention))
        .routes(routes!(reports::get_network_access_retention::get_network_access_retention))
        // The public directory: the finder's search, the Meeting Guide feed, Open Referral HSDS 3.0
        .routes(routes!(find::api_search::api_search))
        .routes(routes!(meetings::get_meetings_feed::get_meetings_feed))
        .routes(routes!(hsds::list_services::list_services))
        .routes(routes!(hsds::get_service::get_service))
        .routes(routes!(hsds::list_organizations::list_organizations))
        .routes(routes!(hsds::get_organization::get_organization))
        // Peer services and their financing (issue 21)
        .routes(routes!(
            api::financing::list_service_events::list_service_events,
            api::financing::create_service_event::create_service_event
        ))
        .routes(routes!(api::financing::check_service_event::check_service_event))
        .routes(routes!(api::financing::sign_service_event::sign_service_event))
        .routes(routes!(api::financing::cosign_service_event::cosign_service_event))
        .routes(routes!(api::financing::correct_service_event::correct_service_event))
        .routes(routes!(api::financing::get_financing_report::get_financing_report))
        // Issue 21: an administrator sets up payer profiles, funding sources and a person's vouchers.
        .routes(routes!(
            api::financing::list_payer_profiles::list_payer_profiles,
            api::financing::create_payer_profile::create_payer_profile
        ))
        .routes(routes!(api::financing::update_payer_profile::update_payer_profile))
        .routes(routes!(
            api::financing::list_funding_sources::list_funding_sources,
            api::financing::create_funding_source::create_funding_source
        ))
        .routes(routes!(api::financing::update_funding_source::update_funding_source))
        .routes(routes!(api::financing::list_vouchers::list_vouchers, api::financing::issue_voucher::issue_voucher))
        // Issue 21 (fifth pass): staff credentials and supervision contacts through the API.
        .routes(routes!(
            api::financing::list_credentials::list_credentials,
            api::financing::add_credential::add_credential
        ))
        .routes(routes!(api::financing::add_supervision::add_supervision))
        // Issue 21 (fifth pass): an administrator edits or withdraws a person's voucher.
        .routes(routes!(api::financing::update_voucher::update_voucher))
        // Issue 20 (branch rf-api): the public Recovery Friendly designations and programs as JSON.
        .routes(routes!(api::community::list_designations::list_designations))
        .routes(routes!(api::community::list_designation_programs::list_designation_programs))
}

pub fn router(state: AppState) -> Router {
    let (json_api, _) = api_routes().split_for_parts();
    let app = Router::new()
        // Public
        .route("/", get(home::show_home))
        .route("/login", get(auth::show_login).post(auth::sign_in))
        .route("/logout", post(auth::sign_out))
        .route("/login/two-factor", get(auth::show_second_step).post(auth::verify_second_step))
        .route("/login/enroll", get(auth::show_enrollment).post(auth::confirm_enrollment))
        .route("/account/two-factor", get(two_factor::show_two_factor).post(two_factor::enroll_two_factor))
        .route("/account/two-factor/start", post(two_factor::start_two_factor))
        .route("/account/two-factor/off", post(two_factor::turn_off_two_factor))
        .route("/admin/two-factor", get(two_factor::list_two_factor))
        .route("/admin/two-factor/{account}/reset", post(two_factor::reset_two_factor))
        .route("/lang/{code}", get(lang::switch_language))
        .route("/recovery", get(recovery::show_recovery))
        // The signed-in account's own settings
        .route("/account/tokens", get(tokens::list_tokens).post(tokens::create_token))
        .route("/account/tokens/{token}/revoke", post(tokens::revoke_token))
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
        // Accounts: one's own password, reset links, the administrator's list (issue 22)
        .route("/account/password", get(accounts::show_password).post(accounts::change_password))
        .route("/reset", get(accounts::show_reset_code).post(accounts::use_reset))
        .route("/reset/{token}", get(accounts::show_reset))
        .route("/accounts", get(accounts::list_accounts))
        .route("/accounts/{account}/disable", post(accounts::disable_account))
        .route("/accounts/{account}/enable", post(accounts::enable_account))
        .route("/accounts/{account}/reset", post(accounts::reset_account))
        // The coach's caseload and outreach
        .route("/caseload", get(caseload::show_caseload))
        .route("/outreach", get(outreach::show_outreach))
        .route("/outreach/figures", get(outreach::show_figures))
        // Outcome reports
        .route("/reports/people-served", get(crate::controllers::reports::show_people_served))
        .route("/reports/people-served.csv", get(crate::controllers::reports::download_people_served))
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
        // Recovery housing (issue 19): the public board, the state's figures, the operator's pages.
        .route("/housing", get(crate::controllers::housing::show_board))
        .route("/housing/figures", get(crate::controllers::housing::show_figures))
        .route(
            "/residences",
            get(crate::controllers::residences::list_residences).post(crate::controllers::residences::create_residence),
        )
        .route("/residences/new", get(crate::controllers::residences::new_residence))
        .route("/residences/{id}/report", post(crate::controllers::residences::report_beds))
        .route("/residence-holds/{id}/{action}", post(crate::controllers::residences::close_residence_hold))
        .route("/residences/{id}", post(crate::controllers::residences::update_residence))
        .route("/residences/{id}/edit", get(crate::controllers::residences::edit_residence))
        // Issue 17, the state view: a state agency's network and its figures
        .route("/network", get(crate::controllers::network::show_network))
        .route("/network/confirm", post(crate::controllers::network::confirm_membership))
        .route("/network/leave", post(crate::controllers::network::leave_network))
        .route("/network/region", post(crate::controllers::network::set_region))
        .route("/reports/network/people-served", get(crate::controllers::reports::show_network_people_served))
        .route("/reports/network/people-served.csv", get(crate::controllers::reports::download_network_people_served))
        // Issue 17, perception of care: codes for a shared tablet, the survey on it, the report
        .route(
            "/perception/codes",
            get(crate::controllers::perception::show_codes).post(crate::controllers::perception::create_code),
        )
        .route(
            "/survey",
            get(crate::controllers::perception::show_code_form).post(crate::controllers::perception::open_survey),
        )
        .route("/survey/answers", post(crate::controllers::perception::submit_survey))
        .route("/reports/perception", get(crate::controllers::reports::show_perception))
        .route("/reports/perception.csv", get(crate::controllers::reports::download_perception))
        // Outcome reports: follow-up rate and outcome change (issue 17)
        .route("/reports/follow-up", get(crate::controllers::reports::show_follow_up))
        .route("/reports/follow-up.csv", get(crate::controllers::reports::download_follow_up))
        .route("/reports/outcome-change", get(crate::controllers::reports::show_outcome_change))
        .route("/reports/outcome-change.csv", get(crate::controllers::reports::download_outcome_change))
        .route("/reports/people-served/demographics.csv", get(crate::controllers::reports::download_demographics))
        .route(
            "/reports/network/people-served/demographics.csv",
            get(crate::controllers::reports::download_network_demographics),
        )
        .route("/reports/network/outcome-change", get(crate::controllers::reports::show_network_outcome_change))
        .route("/reports/network/outcome-change.csv", get(crate::controllers::reports::download_network_outcome_change))
        .route("/reports/network/follow-up", get(crate::controllers::reports::show_network_follow_up))
        .route("/reports/network/follow-up.csv", get(crate::controllers::reports::download_network_follow_up))
        // Access and retention (issue 17)
        .route("/reports/access-retention", get(crate::controllers::reports::show_access_retention))
        .route("/reports/access-retention.csv", get(crate::controllers::reports::download_access_retention))
        .route("/reports/network/access-retention", get(crate::controllers::reports::show_network_access_retention))
        .route(
            "/reports/network/access-retention.csv",
            get(crate::controllers::reports::download_network_access_retention),
        )
        // Recovery community (issue 20): the public calendar and its feeds, a center's staff pages, the kiosk.
        .route("/calendar", get(crate::controllers::calendar::show_calendar))
        .route("/calendar.ics", get(crate::controllers::calendar::get_feed))
        .route("/calendar/{center}", get(crate::controllers::calendar::show_center_calendar))
        .route("/calendar/{center}/events.ics", get(crate::controllers::calendar::get_center_feed))
        .route(
            "/community/events",
            get(crate::controllers::community::list_events).post(crate::controllers::community::create_event),
        )
        .route("/community/events/new", get(crate::controllers::community::new_event))
        .route(
            "/community/events/{event}",
            get(crate::controllers::community::edit_event).post(crate::controllers::community::update_event),
        )
        .route("/community/attendance", get(crate::controllers::community::show_attendance))
        .route("/community/kiosks", post(crate::controllers::community::open_kiosk))
        .route("/community/kiosks/{kiosk}/close", post(crate::controllers::community::close_kiosk))
        .route("/kiosk", get(crate::controllers::kiosk::show_kiosk).post(crate::controllers::kiosk::sign_in_kiosk))
        // Peer services and their financing (issue 21): the month's figures, the funder's and the claims CSV.
        .route("/financing", get(crate::controllers::financing::show_financing))
        .route("/financing/funder.csv", get(crate::controllers::financing::download_funder))
        .route("/financing/claims.csv", get(crate::controllers::financing::download_claims))
        // Recovery community (issue 20): a center's naloxone and trainings, the state's figures by region.
        .route(
            "/community/naloxone",
            get(crate::controllers::community::show_naloxone).post(crate::controllers::community::record_naloxone),
        )
        .route("/community/trainings", post(crate::controllers::community::record_training))
        .route("/reports/network/naloxone", get(crate::controllers::reports::show_network_naloxone))
        .route("/reports/network/naloxone.csv", get(crate::controllers::reports::download_network_naloxone))
        // Recovery community (issue 20): a center's volunteers; the public list of Recovery Friendly designations.
        .route(
            "/community/volunteers",
            get(crate::controllers::community::list_volunteers).post(crate::controllers::community::add_volunteer),
        )
        .route("/community/volunteer-hours", post(crate::controllers::community::log_hours))
        .route(
            "/recovery-friendly",
            get(crate::controllers::recovery_friendly::list_designations)
                .post(crate::controllers::recovery_friendly::create_designation),
        )
        .route("/recovery-friendly/new", get(crate::controllers::recovery_friendly::new_designation))
        // Recovery community (issue 20): the public education pages, written by administrators.
        .route("/learn", get(crate::controllers::learn::list_pages).post(crate::controllers::learn::save_page))
        .route("/learn/new", get(crate::controllers::learn::new_page))
        .route("/learn/{page}", get(crate::controllers::learn::show_page))
        .route("/learn/{page}/edit", get(crate::controllers::learn::edit_page))
        .route(
            "/financing/credentials",
            get(crate::controllers::financing::show_credentials).post(crate::controllers::financing::add_credential),
        )
        .route("/financing/supervision", post(crate::controllers::financing::add_supervision))
        // Issue 21: an administrator sets up payer profiles and funding sources.
        .route("/financing/funding", get(crate::controllers::financing::show_funding))
        .route("/financing/profiles", post(crate::controllers::financing::add_profile))
        .route(
            "/financing/profiles/{profile}",
            get(crate::controllers::financing::edit_profile).post(crate::controllers::financing::update_profile),
        )
        .route("/financing/sources", post(crate::controllers::financing::add_funding_source))
        .route(
            "/financing/sources/{funding_source}",
            get(crate::controllers::financing::edit_funding_source)
                .post(crate::controllers::financing::update_funding_source),
        )
        // Recovery community (issue 20, branch volunteers): a volunteer's check and training dates, removal.
        .route("/community/volunteers/{volunteer}", get(crate::controllers::community::show_volunteer))
        .route("/community/volunteers/{volunteer}/dates", post(crate::controllers::community::update_volunteer_dates))
        .route("/community/volunteers/{volunteer}/remove", post(crate::controllers::community::remove_volunteer))
        // Recovery Friendly designation programs (issue 20, item 5): the public program pages and the applicants'
        // private links; the advisors' pages (a program owner's administrators and supervisors).
        .route(
            "/recovery-friendly/programs/{designation_program}",
            get(crate::controllers::recovery_friendly::show_program)
                .post(crate::controllers::recovery_friendly::apply_program),
        )
        .route(
            "/recovery-friendly/applications/{link}",
            get(crate::controllers::recovery_friendly::show_my_application)
                .post(crate::controllers::recovery_friendly::submit_evidence),
        )
        .route(
            "/designation-programs",
            get(crate::controllers::designation_programs::list_programs)
                .post(crate::controllers::designation_programs::create_program),
        )
        .route("/designation-programs/new", get(crate::controllers::designation_programs::new_program))
        .route(
            "/designation-programs/{designation_program}",
            post(crate::controllers::designation_programs::update_program),
        )
        .route(
            "/designation-programs/{designation_program}/edit",
            get(crate::controllers::designation_programs::edit_program),
        )
        .route(
            "/designation-applications/{application}",
            get(crate::controllers::designation_programs::show_application),
        )
        .route(
            "/designation-applications/{application}/review",
            post(crate::controllers::designation_programs::review_step),
        )
        .route(
            "/designation-applications/{application}/designate",
            post(crate::controllers::designation_programs::designate_application),
        )
        .route(
            "/designation-applications/{application}/withdraw",
            post(crate::controllers::designation_programs::withdraw_application),
        )
        // Recovery community (issue 20, branch fin-stream): a volunteer put back on the roster; a new private link
        // for an application whose applicant lost theirs.
        .route("/community/volunteers/{volunteer}/restore", post(crate::controllers::community::restore_volunteer))
        .route(
            "/designation-applications/{application}/link",
            post(crate::controllers::designation_programs::reissue_link),
        )
        // Recovery Friendly evidence files and the trainings tied to an application (issue 20, branch rf-evidence).
        .route(
            "/recovery-friendly/applications/{link}/evidence/{evidence_file}",
            get(crate::controllers::recovery_friendly::download_my_evidence),
        )
        .route(
            "/designation-applications/{application}/evidence/{evidence_file}",
            get(crate::controllers::designation_programs::download_evidence),
        )
        .route(
            "/designation-applications/{application}/trainings",
            post(crate::controllers::designation_programs::attach_training),
        )
        // Issue 20 (branch rf-api): an advisor detaches a training attached by mistake; an applicant removes a file
        // they sent.
        .route(
            "/designation-applications/{application}/trainings/{training}/detach",
            post(crate::controllers::designation_programs::detach_training),
        )
        .route(
            "/recovery-friendly/applications/{link}/evidence/{evidence_file}/remove",
            post(crate::controllers::recovery_friendly::remove_my_evidence),
        )
        // A known person signed in by the center's staff from the attendance page (issue 20, branch kiosk-staff).
        .route("/community/attendance/sign-ins", post(crate::controllers::community::sign_in_person))
        .route("/api/openapi.json", get(ops::get_openapi))
        .merge(json_api)
        .fallback(|| async { WebError::NotFound })
        .layer(from_fn_with_state(state.clone(), middleware::context));

    let hsts = state.config.hsts();
    Router::new()
        .merge(app)
        // Operations and assets need no session or language.
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::get_metrics))
        .route("/static/{file}", get(assets::get_asset))
        .layer(from_fn_with_state(hsts, middleware::security_headers))
        .layer(from_fn(middleware::observe))
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(1024 * 1024))
        .with_state(state)
}
