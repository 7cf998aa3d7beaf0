//! `GET /staff`: each role's starting point.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use pathways_domain::Role;
use pathways_domain::access::{
    PersonReach, figures_scope, keeps_program_counts, may_configure_program, may_create_person, may_edit_directory,
    may_handle_referrals, may_read_reports, may_see_line_figures, person_reach, works_access_line,
};

use crate::error::WebResult;
use crate::extract::SignedIn;
use crate::services;
use crate::state::AppState;
use crate::views::{Chrome, render};

#[derive(Template)]
#[template(path = "staff_home.html")]
struct StaffHome {
    chrome: Chrome,
    name: String,
    role_line: String,
    can_see_people: bool,
    can_create: bool,
    people_title: String,
    people_detail: String,
    no_records_detail: String,
    /// The role's own work, each card a heading, its figures in words and where to go: (title, lines, links).
    work: Vec<WorkCard>,
}

/// A card of the role's own work on its home page.
struct WorkCard {
    title: String,
    lines: Vec<String>,
    /// (href, words)
    links: Vec<(String, String)>,
}

pub async fn show_staff_home(
    State(state): State<AppState>,
    SignedIn { ctx, caller }: SignedIn,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    let org = services::staff::org_name(&state, &caller).await?;
    let role_key = match caller.role {
        Some(Role::Admin) => "role-admin",
        Some(Role::Supervisor) => "role-supervisor",
        Some(Role::Coach) => "role-coach",
        Some(Role::Clinician) => "role-clinician",
        Some(Role::AccessLine) => "role-access-line",
        Some(Role::ProviderStaff) => "role-provider-staff",
        Some(Role::DirectoryEditor) => "role-directory-editor",
        Some(Role::Analyst) | None => "role-analyst",
    };
    let role_line = format!("{} · {org}", t.get(role_key));
    let reach = person_reach(&caller.principal);
    let (people_title, people_detail) = match reach {
        PersonReach::Assigned => (t.get("persons-title-caseload"), t.get("staff-caseload-detail")),
        _ => (t.get("persons-title"), t.get("staff-people-detail")),
    };
    let no_records_detail = match caller.role {
        Some(Role::Analyst) => t.get("staff-analyst-detail"),
        _ => t.get("staff-no-records-detail"),
    };
    let mut work = Vec::new();
    if works_access_line(&caller.principal) {
        let lists = services::access_line::console_lists(&state, &ctx, &caller).await?;
        let rides = services::access_line::transport_queue(&state, &ctx, &caller).await?;
        let expiring = services::access_line::expiring_holds(&state, &ctx, &caller).await?;
        let tz = state.config.deployment.time_zone;
        // Each hold about to expire links to its call, where the operator can see the caller and the program.
        let mut links: Vec<(String, String)> = expiring
            .iter()
            .map(|h| {
                let time = h.hold.expires_at.with_timezone(&tz).format("%H:%M").to_string();
                let words = t.args("home-line-hold-expiring", &[("program", h.program.clone()), ("time", time)]);
                (format!("/access-line/calls/{}", h.call), words)
            })
            .collect();
        links.extend([
            link("/access-line", t.get("home-line-console")),
            link("/transport", t.get("transport-title")),
            link("/access-line/figures", t.get("home-see-line-figures")),
        ]);
        work.push(WorkCard {
            title: t.get("line-title"),
            lines: vec![
                t.count("home-line-follow-ups", count(lists.due.len())),
                t.count("home-line-holds-expiring", count(expiring.len())),
                t.count("home-line-rides", count(rides.len())),
            ],
            links,
        });
    }
    if keeps_program_counts(&caller.principal) {
        let (programs, holds) = services::capacity::programs_of(&state, &caller).await?;
        let stale = programs.iter().filter(|p| p.freshness.stale).count();
        work.push(WorkCard {
            title: t.get("nav-programs"),
            lines: vec![
                t.count("home-programs-stale", count(stale)),
                t.count("home-programs-held", count(holds.len())),
            ],
            links: vec![link("/programs", t.get("home-programs-update"))],
        });
        // Recovery residences the organization operates: the weekly report's reminder and the flags.
        let (residences, _) = services::housing::residences_of(&state, &caller).await?;
        if !residences.is_empty() {
            let due = residences.iter().filter(|r| r.report_status.reminds()).count();
            let flagged =
                residences.iter().filter(|r| !r.naloxone_flags.is_empty() || !r.certification_status.listed()).count();
            work.push(WorkCard {
                title: t.get("nav-residences"),
                lines: vec![
                    t.count("home-residences-due", count(due)),
                    t.count("home-residences-flags", count(flagged)),
                ],
                links: vec![link("/residences", t.get("home-residences-open"))],
            });
        }
    }
    if may_handle_referrals(&caller.principal) && !matches!(reach, PersonReach::Organization | PersonReach::Assigned) {
        work.push(WorkCard {
            title: t.get("nav-referrals"),
            lines: vec![t.get("home-referrals-detail")],
            links: vec![link("/referrals", t.get("home-referrals-open"))],
        });
    }
    if may_configure_program(&caller.principal) {
        let waiting = services::outreach::queue_counts(&state, &ctx, &caller).await?;
        work.push(WorkCard {
            title: t.get("home-team-title"),
            lines: vec![
                t.count("home-team-urgent", waiting.urgent),
                t.count("home-team-escalated", waiting.escalated),
                t.get("home-team-detail"),
            ],
            links: vec![
                link("/outreach?escalated=1", t.get("home-team-escalations")),
                link("/outreach", t.get("home-team-queue")),
                link("/outreach/figures", t.get("home-see-figures")),
            ],
        });
    }
    if figures_scope(&caller.principal).is_some() && !matches!(reach, PersonReach::Organization | PersonReach::Assigned)
    {
        let mut links = vec![link("/outreach/figures", t.get("home-see-figures"))];
        if may_see_line_figures(&caller.principal) {
            links.push(link("/access-line/figures", t.get("home-see-line-figures")));
        }
        work.push(WorkCard { title: t.get("home-figures-title"), lines: vec![t.get("staff-analyst-detail")], links });
    }
    if may_read_reports(&caller.principal) {
        work.push(WorkCard {
            title: t.get("home-reports-title"),
            lines: vec![t.get("home-reports-detail")],
            links: vec![
                link("/reports/people-served", t.get("report-people-served-title")),
                link("/housing/figures", t.get("home-housing-figures")),
                link("/reports/perception", t.get("report-perception-title")),
                link("/reports/follow-up", t.get("report-follow-up-title")),
                link("/reports/outcome-change", t.get("report-outcome-change-title")),
                link("/reports/access-retention", t.get("report-access-retention-title")),
            ],
        });
    }
    // Issue 17, the state view: a state agency's reporters see their network's figures; every administrator
    // manages their organization's network memberships.
    let kind = services::network::org_kind(&state, caller.org).await?;
    let network_reader = pathways_domain::outcomes::network::may_read_network_reports(&caller.principal, kind);
    let mut network_links = Vec::new();
    if network_reader {
        network_links.push(link("/reports/network/people-served", t.get("report-network-title")));
        network_links.push(link("/reports/network/access-retention", t.get("report-network-access-retention-title")));
        network_links.push(link("/reports/network/follow-up", t.get("report-network-follow-up-title")));
        network_links.push(link("/reports/network/outcome-change", t.get("report-network-outcome-change-title")));
    }
    if pathways_domain::outcomes::network::may_manage_network(&caller.principal) {
        network_links.push(link("/network", t.get("network-title")));
    }
    if !network_links.is_empty() {
        work.push(WorkCard {
            title: t.get("network-title"),
            lines: vec![t.get("home-network-detail")],
            links: network_links,
        });
    }
    if pathways_domain::outcomes::perception::may_issue_codes(&caller.principal) {
        work.push(WorkCard {
            title: t.get("home-survey-codes"),
            lines: vec![t.get("survey-private")],
            links: vec![link("/perception/codes", t.get("survey-code-make"))],
        });
    }
    if may_edit_directory(&caller.principal) {
        work.push(WorkCard {
            title: t.get("nav-directory"),
            lines: vec![t.get("home-directory-detail")],
            links: vec![
                link("/directory", t.get("home-directory-open")),
                link("/directory/corrections", t.get("home-directory-corrections")),
            ],
        });
    }
    // Issue 21: the month's peer services, what is ready to bill and what still has a problem; credentials whose
    // expiry is near, the caller's own and (for who keeps them) the staff's.
    let (my_credentials, staff_credentials) = services::financing::reminders(&state, &caller).await?;
    if let Some(due) = staff_credentials {
        work.push(WorkCard {
            title: t.get("financing-report"),
            lines: vec![t.get("home-financing-detail"), t.count("home-credentials-staff-due", count(due))],
            links: vec![
                link("/financing", t.get("home-financing-open")),
                link("/financing/credentials", t.get("credentials-title")),
            ],
        });
    }
    if !my_credentials.is_empty() {
        let today = crate::clock::today();
        let lines = my_credentials
            .iter()
            .map(|c| {
                let date = c.expires_on.map(|d| d.to_string()).unwrap_or_default();
                let key = if c.expires_on.is_some_and(|d| d < today) {
                    "home-credential-expired"
                } else {
                    "home-credential-expiring"
                };
                t.args(key, &[("kind", c.kind.clone()), ("date", date)])
            })
            .collect();
        work.push(WorkCard { title: t.get("home-credentials-mine"), lines, links: Vec::new() });
    }
    if pathways_domain::access::may_administer_accounts(&caller.principal) {
        work.push(WorkCard {
            title: t.get("accounts-title"),
            lines: vec![t.get("home-accounts-detail")],
            links: vec![link("/accounts", t.get("home-accounts-open"))],
        });
    }
    // Issue 20 (branch volunteers): a center's volunteers whose background check or training is expired or due,
    // the overdue first, each linking to the volunteer's page; only for a center with a roster.
    if pathways_domain::access::runs_community_center(&caller.principal) {
        let (listed, reminders) = services::volunteers::reminders_for(&state, &caller).await?;
        if listed > 0 {
            let mut links: Vec<(String, String)> = reminders
                .iter()
                .map(|r| (format!("/community/volunteers/{}", r.id), crate::views::volunteers::reminder_words(&t, r)))
                .collect();
            links.push(link("/community/volunteers", t.get("home-volunteers-open")));
            work.push(WorkCard {
                title: t.get("volunteers-title"),
                lines: vec![t.count("home-volunteers-reminders", count(reminders.len()))],
                links,
            });
        }
    }
    // Issue 20 (branch rf-browser): an advisor's Recovery Friendly designations due for renewal within 60 days or
    // lapsed — the advisors' page's reminders, the most urgent first, the first few each linking to its
    // application — for an organization that runs a designation program.
    if pathways_domain::access::may_record_designations(&caller.principal) {
        let view = services::designation_programs::advisor_view(&state, &caller).await?;
        if !view.programs.is_empty() {
            let reminders = services::designation_programs::reminders(&view);
            let mut links: Vec<(String, String)> = reminders
                .iter()
                .take(RENEWALS_SHOWN)
                .map(|(a, _, standing)| {
                    let words = t.args(
                        "home-rfp-reminder",
                        &[
                            ("name", a.application.organization.clone()),
                            ("town", a.application.town.clone()),
                            ("standing", crate::views::designation::standing_words(&t, *standing)),
                        ],
                    );
                    (format!("/designation-applications/{}", a.id), words)
                })
                .collect();
            links.push(link("/designation-programs", t.get("home-rfp-open")));
            work.push(WorkCard {
                title: t.get("rfp-reminders"),
                lines: vec![t.count("home-rfp-reminders", count(reminders.len()))],
                links,
            });
        }
    }
    let page = StaffHome {
        chrome: Chrome::new(&ctx, &state, t.get("nav-staff-home")),
        name: caller.display_name.clone(),
        role_line,
        can_see_people: matches!(reach, PersonReach::Organization | PersonReach::Assigned),
        can_create: may_create_person(&caller.principal),
        people_title,
        people_detail,
        no_records_detail,
        work,
    };
    render(&page)
}

/// How many renewals due the home page names (the advisors' page lists them all).
const RENEWALS_SHOWN: usize = 5;

fn link(href: &str, words: String) -> (String, String) {
    (href.to_owned(), words)
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}
