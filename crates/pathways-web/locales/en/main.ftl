# Pathways — English. Every key here must also exist in es/main.ftl (a test checks).

## Page chrome
skip-to-content = Skip to main content
crisis-label = Crisis lines
crisis-lead = Need help now? Free and confidential, 24/7:
crisis-call-988 = Call 988
crisis-text-988 = Text 988
nav-label = Main
nav-home = Home
nav-staff-home = Staff home
nav-people = People
language-switch-label = Language
sign-in = Sign in
sign-out = Sign out
footer-emergency = In an emergency, call
footer-about = Pathways supports recovery through many pathways. Your information is private and protected.

## Home
home-title = Find your pathway to recovery
home-lead = Recovery is possible, and it looks different for everyone. Pathways connects people in recovery, their families and the people who support them with help that fits.
home-help-now = Help right now
home-988-detail = Suicide and Crisis Lifeline: talk with someone now, by call or text.
home-access-line-detail = Connects you with treatment, including detox, and arranges a ride there.
home-call-911 = Call 911 for a medical emergency
home-pathways-title = Many pathways
home-pathways-lead = People find recovery in different ways, and often in more than one:
pathway-clinical = Treatment
pathway-clinical-detail = Outpatient and residential programs, detox, and medication for opioid and alcohol use disorder.
pathway-peer = Peer support
pathway-peer-detail = Recovery coaches and mutual-help groups, with people who have walked this road.
pathway-self = Self-management
pathway-self-detail = Your own plan, built on your strengths, at your own pace.
home-staff-title = For staff
home-staff-lead = Recovery coaches, clinicians and program staff:
home-staff-sign-in = sign in to Pathways

## Sign-in
login-help = Trouble signing in? Ask your organization's Pathways administrator.
login-failed = That email and password don't match an account. Check them and try again.
field-email = Email
field-login = Email or username
field-password = Password

## Staff home
staff-welcome = Welcome, { $name }
role-admin = Administrator
role-supervisor = Supervisor
role-coach = Peer recovery coach
role-clinician = Clinician
role-access-line = Access line operator
role-provider-staff = Provider staff
role-analyst = Analyst
staff-caseload-detail = The people you walk alongside: their details and how to reach them.
staff-people-detail = Everyone your organization supports.
staff-no-records-title = Person records
staff-no-records-detail = Your role doesn't open person records.
staff-analyst-detail = Your role works with de-identified figures only: you never see who a person is.
staff-crisis-title = Crisis lines
staff-crisis-detail = 988 and the access line are at the top of every page, one tap away.

## People
persons-title = People
persons-title-caseload = Your caseload
persons-add = Add a person
persons-edit-title = Edit { $name }
persons-search-label = Search by name
persons-count = { $count ->
    [0] No one found.
    [one] One person.
   *[other] { $count } people.
}
search = Search
save = Save
cancel = Cancel
edit = Edit
not-given = Not given
language-not-given = Not given
coach-none = No coach yet
form-problems = Please check these fields
hint-preferred-name = The name they want to be called.
hint-pronouns = For example: she/her, he/him, they/them.
hint-legal-name = Only if needed, for example for insurance.
hint-phone = A US number, or an international one starting with +.
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-page = Page

## Fields
field-preferred-name = Preferred name
field-legal-name = Legal name
field-pronouns = Pronouns
field-date-of-birth = Date of birth
field-preferred-language = Preferred language
field-phone = Phone
field-assigned-coach = Assigned coach

## Field problems
field-error-required = This is required.
field-error-too-long = This is too long.
field-error-invalid-characters = This has characters that can't be used.
field-error-invalid-date = Enter a date like 1990-04-12.
field-error-date-out-of-range = This date isn't possible.
field-error-invalid-language = Choose a language from the list.
field-error-invalid-phone = Enter a phone number like 860-555-0142.
field-error-invalid-email = Enter an email address like name@example.org.
field-error-invalid-coach = Choose a coach from your organization.

## Messages after an action
flash-saved = Saved.
flash-created = Saved. The person was added.
flash-signed-out = You have signed out.
flash-signed-in = You are signed in.
flash-session-ended = Your session ended. Please sign in again.

## Errors
error-not-found = Page not found
error-not-found-detail = There is nothing here, or you don't have access to it.
error-forbidden = Not available to your role
error-forbidden-detail = Your role can't open this page.
error-unauthorized = Please sign in
error-unauthorized-detail = This needs a valid sign-in or API token.
error-csrf = This form has expired
error-csrf-detail = Go back, reload the page and try again.
error-invalid = Some fields need attention
error-invalid-detail = Check the fields below and try again.
error-conflict = Already in use
error-conflict-detail = Another record already uses this value.
error-too-many = Too many attempts
error-too-many-detail = For your security, please wait 15 minutes before trying again.
error-internal = Something went wrong
error-internal-detail = It's not you: something failed on our side. Please try again in a moment.
error-method = Not allowed
error-method-detail = This page can't be used that way.
error-too-large = Too much data
error-too-large-detail = What was sent is too large.
error-bad-form = This form couldn't be read
error-bad-form-detail = Go back, reload the page and try again.
error-bad-json = The request body is not valid JSON
error-bad-json-detail = Check the request body against the API description.
error-request-id = If you contact support, give them this reference:
error-go-home = Go to the home page

## Recovery plan
plan-title-mine = My recovery plan
plan-title-of = Recovery plan: { $name }
plan-version = Version
plan-saved-by = saved by
plan-empty = No plan yet. Start with a goal in any part of life below.
plan-history = Plan history
plan-back = Back to the plan
plan-overview = Pathways and review
plan-pathways = Pathways
plan-pathways-hint = The ways of recovery you choose. Choose as many as fit.
plan-pathway-other = Another pathway, in your words
plan-stage = Stage
plan-review-date = Review date
plan-review-hint = When to look at this plan again together.
plan-review-due = Review due
plan-edit-overview = Change pathways, stage and review date
plan-no-goals = No goals here yet.
plan-no-changes = No changes.
plan-restored-from = restored from version { $version }
plan-restore = Restore version { $version }
plan-conflict-title = Someone else saved this plan while you were working on it
plan-conflict-detail = Your words are kept below. Look at what changed, then save again to apply your changes on top, or cancel to keep theirs.
plan-conflict-theirs = The goal now reads:
plan-conflict-removed = The goal was removed in the other save.
plan-conflict-version = The plan is now at version { $version }.
goal-edit = Edit “{ $goal }”
goal-add-in = Add a goal in { $dimension }
goal-edit-title = Goal
goal-text-hint = In your own words: what do you want?
goal-steps-hint = Small steps: what, who helps, and by when. Leave a row empty if you don't need it.
goal-supports-hint = People and services that help, one per line.
goal-new-note = Add a progress note
goal-field-text = Goal
goal-field-dimension = Part of life
goal-field-why = Why it matters to me
goal-field-strengths = Strengths to build on
goal-field-status = Status
goal-field-target-date = Target date
goal-field-steps = Action steps
goal-field-supports = Supports
goal-field-notes = Progress notes
goal-field-id = Goal
goal-field-goals = Goals
step-what = Step
step-who = Who helps with step
step-by-label = By when, step
step-by = by
step-done = Done
dimension-health = Health
dimension-health-hint = Physical and emotional well-being, and the choices that support it.
dimension-home = Home
dimension-home-hint = A safe and stable place to live.
dimension-purpose = Purpose
dimension-purpose-hint = Meaningful daily activities: work, school, volunteering, family, creativity.
dimension-community = Community
dimension-community-hint = Relationships and social networks that offer support, friendship, love and hope.
pathway-clinical-treatment = Clinical treatment
pathway-medication = Medication for opioid or alcohol use disorder
pathway-mutual-help = Mutual-help groups
pathway-peer-coaching = Peer recovery coaching
pathway-faith-based = Faith-based recovery
pathway-self-management = Self-management
pathway-harm-reduction = Harm reduction
pathway-other = Other
stage-engagement = Engagement
stage-stabilization = Initiation and stabilization
stage-maintenance = Maintenance
stage-quality-of-life = Quality-of-life enhancement
goal-status-not-started = Not started
goal-status-in-progress = In progress
goal-status-achieved = Achieved
goal-status-set-aside = Set aside
change-pathway-added = Pathway added: { $pathway }
change-pathway-removed = Pathway removed: { $pathway }
change-stage = Stage set to { $stage }
change-review-date = Review date set to { $date }
change-goal-added = Goal added
change-goal-removed = Goal removed
flash-restored = Restored. The earlier version is now the current plan.
field-error-too-many = There are too many of these.
field-error-duplicate = This appears twice.
field-error-out-of-range = This is outside the allowed range.
