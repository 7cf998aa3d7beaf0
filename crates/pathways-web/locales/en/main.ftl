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
role-directory-editor = Directory editor
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

## BARC-10
barc10-title = Recovery capital (BARC-10)
barc10-intro-self = Ten statements about your life and recovery right now. For each one, choose how much you agree. There are no right or wrong answers.
barc10-intro-staff = Read each statement with the person, and record how much they agree. Use their answer, not yours.
barc10-item-1 = There are more important things to me in life than using substances.
barc10-item-2 = In general I am happy with my life.
barc10-item-3 = I have enough energy to complete the tasks I set myself.
barc10-item-4 = I am proud of the community I live in and feel a part of it.
barc10-item-5 = I get lots of support from friends.
barc10-item-6 = I regard my life as challenging and fulfilling without the need for using drugs or alcohol.
barc10-item-7 = My living space has helped to drive my recovery journey.
barc10-item-8 = I take full responsibility for my actions.
barc10-item-9 = I am happy dealing with a range of professional people.
barc10-item-10 = I am making good progress on my recovery journey.
barc10-answer-1 = Strongly disagree
barc10-answer-2 = Disagree
barc10-answer-3 = Somewhat disagree
barc10-answer-4 = Somewhat agree
barc10-answer-5 = Agree
barc10-answer-6 = Strongly agree
barc10-submit = See my result
barc10-take = Take the BARC-10
barc10-none = No BARC-10 yet.
barc10-history-mine = My recovery capital
barc10-history-of = Recovery capital: { $name }
barc10-summary = Change since the first BARC-10: { $change } points.
barc10-chart-title = BARC-10 totals over time
barc10-chart-desc = Each point is one BARC-10 total, on a scale from 10 to 60. The line marks 47. The same numbers are in the table below.
barc10-chart-caption = Totals from 10 to 60; the line marks 47.
barc10-cutoff-label = 47:
barc10-table-caption = BARC-10 totals by date
barc10-total = Total
barc10-change = Change
barc10-back = All BARC-10 results
barc10-result-title = BARC-10 result
barc10-of-60 = out of 60
barc10-above = This total is at or above 47. In the research behind BARC-10, totals at this level went along with sustained remission.
barc10-below = This total is below 47. That is not a judgement: recovery capital grows, and the areas below are good places to start.
barc10-not-a-diagnosis = BARC-10 describes strengths and resources for recovery. It is not a diagnosis, and not a test to pass or fail.
barc10-areas = Areas to build
barc10-answered = Answer:
barc10-add-goal = Add a goal in { $dimension }
barc10-all-answers = All ten answers
barc10-source = BARC-10: Vilsaint, C. L., Kelly, J. F., Bergman, B. G., Groshkova, T., Best, D., & White, W. (2017). Development and validation of a Brief Assessment of Recovery Capital (BARC-10) for alcohol and drug use disorder. Drug and Alcohol Dependence, 177, 71–76. Free to use.
barc10-error-count = BARC-10 has 10 statements; { $count } answers were given.
barc10-error-missing = Statement { $item } needs an answer.
barc10-error-range = Statement { $item }: choose one of the six answers.
date = Date

## Shared words
apply = Apply
choose = Choose…
yes = Yes
no = No
never = Never
urgent = Urgent
back-to-person = Back to the person's page
recovery-title = Recovery
plan-title-short = Recovery plan
summary-goals = { $count ->
    [0] No goals yet.
    [one] One goal.
   *[other] { $count } goals.
}
summary-no-plan = No plan yet.

## Attention
attention-title = Needs attention
attention-resolve = Mark as handled
attention-unsafe-checkin = Said they were not safe in a check-in
attention-barc10-drop = Recovery capital dropped 5 points or more

## Check-ins
checkin-title = Check in
checkin-lead = A minute to say how you are. Your coach sees your check-ins.
checkin-mood = How is your mood today?
mood-1 = Very low
mood-2 = Low
mood-3 = Okay
mood-4 = Good
mood-5 = Very good
checkin-craving = How strong are cravings right now?
craving-none = none
craving-strongest = strongest
checkin-used = Any use since your last check-in?
checkin-use-note = If you want, a few words about it
checkin-meetings-attended = Meetings or groups since your last check-in
checkin-supports = Who or what helped?
checkin-safe = Are you safe right now?
checkin-safe-yes = Yes, I am safe
checkin-safe-no = No, I am not safe
checkin-submit = Send check-in
checkin-not-safe = Not safe
checkin-col-mood = Mood
checkin-col-craving = Craving (0–10)
checkin-col-used = Use
checkin-col-meetings = Meetings
checkin-col-safe = Safe
checkins-title = Check-ins
checkins-mine = My check-ins
checkins-of = Check-ins: { $name }
checkins-none = No check-ins yet.
checkins-craving-chart = Craving over recent check-ins
checkins-craving-desc = Craving from 0 (none) to 10 (strongest) at each check-in, oldest on the left. The same numbers are in the table below.
checkins-table-caption = Recent check-ins, newest first
flash-checkin = Thank you for checking in.
crisis-title = You don't have to face this alone
crisis-lead-after-checkin = Thank you for telling us. Please reach out now: someone is there, day and night.
crisis-coach-told = We have let your coach know, and they will reach out to you.

## Encounters
encounter-log = Encounters
encounters-of = Encounters: { $name }
encounter-add = Record an encounter
encounter-date = Date
encounter-type = Type
encounter-minutes = Minutes
encounter-topics = Topics
encounter-topics-hint = Separate topics with commas, for example: housing, work.
encounter-notes = Notes
encounter-notes-hint = Only you, the person's coach and supervisors can read notes.
encounter-notes-hidden = Notes are visible only to the author, the assigned coach and supervisors.
encounter-none = No encounters yet.
encounter-type-in-person = In person
encounter-type-phone = Phone
encounter-type-text = Text
encounter-type-video = Video
encounter-type-group = Group

## Invitations
invite-create = Invite to their own portal
invite-title = Portal invitation
invite-lead = Give { $name } this link or code. With it they choose a username and password and open their own portal.
invite-link = Link
invite-code = Invitation code
invite-code-where = to type at /invite
invite-expires = Expires
invite-once = It works once. Make a new one if it expires.
invite-already = { $name } already has their own portal account.
invite-accept-title = Open your Pathways portal
invite-accept-lead = Choose a username and a password. Only you will use them.
invite-username = Username
invite-username-hint = 3 to 40 lowercase letters, numbers, dots, dashes or underscores.
invite-password-hint = At least 12 characters. A few unrelated words make a strong, memorable password.
invite-password-again = Password again
invite-accept-submit = Open my portal
invite-invalid = This invitation is not valid: it may have expired or been used. Ask your coach for a new one.
invite-bad-username = Choose a username of 3 to 40 lowercase letters, numbers, dots, dashes or underscores.
invite-passwords-differ = The two passwords are not the same.
invite-username-taken = That username is taken. Please choose another.
password-too-short = A password needs at least 12 characters.
password-too-long = A password can have at most 256 characters.
password-too-guessable = That password is too easy to guess. Try a few unrelated words.

## Portal
portal-home = My home
portal-hello = Hello, { $name }
portal-team = My team
portal-team-coach = Your recovery coach: { $coach }
portal-team-org = Your organization: { $org }
portal-privacy = Your coach and their supervisors can see your plan, check-ins and BARC-10. Every time someone opens your record, it is logged.

## Caseload
nav-caseload = Caseload
caseload-open = Open the caseload: who needs attention today
caseload-team = Team caseloads
caseload-flags = Needs attention
caseload-last-contact = Last contact
caseload-last-checkin = Last check-in
caseload-barc = BARC-10 (change)
caseload-truncated = Showing the first 500 people. Choose a coach to see one caseload.
flag-urgent = Urgent
flag-barc-drop = BARC-10 drop
flag-quiet = No check-in in { $days } days
filter-show = Show
filter-all = Everyone
filter-all-coaches = All coaches
sort-by = Sort by
sort-attention = Needs attention first
sort-name = Name
sort-contact = Last contact (oldest first)
sort-checkin = Last check-in (oldest first)
sort-barc = BARC-10 change (biggest drop first)
field-error-missing = This needs an answer.
field-error-wrong-count = The number of answers is not right.

## The finder
find-title = Find meetings and services
find-lead = Mutual-help meetings, treatment, recovery support, family groups and more — free to search, no sign-in.
find-problem = Please check your search
find-words = What are you looking for?
find-words-hint = For example: SMART Recovery, detox, Spanish, naloxone.
field-near = Near (ZIP code or town)
find-near-hint = For example: 06107 or Hartford.
field-radius-mi = Within (miles)
field-category = Kind of help
field-when = When
find-when-any = Any time
find-when-now = Now
find-when-soon = In the next two hours
find-when-today = Today
find-when-tonight = Tonight
find-more-filters = More filters
field-day = Day
field-online = In person or online
find-online-any = Either
find-in-person = In person
find-online = Online
field-language = Language
field-pathway = Pathway
field-population = For
field-cost = Cost and insurance
field-faith = Faith-based or secular
field-starts-within-min = Starts within (minutes)
field-page = Page
find-any = Any
find-search = Search
find-results = Results
find-near = near
find-none = Nothing matched. Try fewer words, a larger distance, or another day.
find-count = { $count ->
    [one] 1 place found
   *[other] { $count } places found
}
find-distance = { $miles } mi away
find-in-progress = Happening now (started { $time })
find-today = Today
find-approximate = location approximate
find-approximate-detail = This place is shown at the center of its ZIP code; check the address before you go.
find-call = Call
find-join-online = Join online
find-back = Back to the search
find-schedule = When
find-times-in = Times are local ({ $zone }).
find-where = Where
find-open-maps = Open in a maps app
find-contact = Contact
find-details = Details
find-last-verified = Listing last checked on { $date }.
find-not-active = This listing is not meeting right now. Call or check online before you go.
field-error-unknown-place = We couldn't find that place. Try a 5-digit ZIP code or a town name.
field-error-unknown-choice = Choose one of the options.
language-en = English
language-es = Spanish
weekday-0 = Sunday
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday

## The directory (staff)
nav-directory = Directory
directory-title = Community directory
directory-add = Add a listing
directory-edit = Edit { $name }
directory-edit-button = Edit
directory-imported-notice = This listing comes from the source "{ $source }". Changes saved here are replaced the next time that source is imported; fix it at the source too.
directory-search = Name contains
directory-show-active = Listed
directory-show-stale = Not verified in 180 days
directory-show-corrections = With corrections to review
directory-show-retired = Retired
directory-count = { $count ->
    [one] 1 listing
   *[other] { $count } listings
}
directory-source = Source
directory-verified = Last verified
directory-stale = Needs checking
directory-retired = Retired
directory-corrections = Corrections to review
directory-no-corrections = No corrections are waiting.
directory-resolve = Fixed
directory-dismiss = Not needed
directory-verify = Verified today
directory-retire = Retire
directory-restore = Restore
directory-view-public = View in the finder
directory-history = History
directory-no-versions = No changes have been saved here yet.
directory-version = Version
directory-when = When
directory-saved-by = Saved by
directory-changed = What changed
directory-first-version = First version
directory-part-name = name
directory-part-description = description
directory-part-url = web address
directory-part-phones = phone
directory-part-schedules = times
directory-part-attributes = categories and details
directory-part-languages = languages
directory-part-status = status
directory-coords-hint = Leave the coordinates empty to place the listing at its ZIP code's center (marked approximate).
field-name = Name
field-organization = Organization
field-description = Description
field-categories = Kinds of help
field-attributes = Details (pathway, who it is for, cost, faith, wheelchair access)
field-languages = Languages
field-url = Web address
field-online-url = Online meeting link
field-address = Street address
field-city = Town or city
field-state = State
field-postal-code = ZIP code
field-latitude = Latitude
field-longitude = Longitude
field-schedule = Weekly times
field-start = Starts
field-end = Ends
field-time-zone = Time zone
field-message = What should change?
field-contact = How to reach you (optional)
field-error-invalid-url = Enter a web address starting with https://.
field-error-invalid-postal-code = Enter a 5-digit ZIP code.
field-error-invalid-time = Choose a day and enter times like 19:00.
find-suggest = Suggest a correction
find-suggest-contact-hint = Only if you want us to get back to you. Staff who keep the directory see it.
find-suggest-send = Send
flash-correction = Thank you. The people who keep the directory will check it.

nav-find = Find help

## Treatment capacity and bed holds
field-licensed-beds = Licensed beds
field-open-beds = Open beds
field-waitlist = People on the waitlist
field-available = Only programs with a bed to offer
field-level = Level of care
field-error-negative = Enter zero or more.
field-error-too-large = That number is too large.
field-error-more-than-licensed = Open beds can't be more than licensed beds.
capacity-no-bed = No bed is left at this program. Other programs at the same level with a bed are listed.
capacity-hold-expired = This hold has expired and its bed was freed.
capacity-hold-closed = This hold was already closed.
nav-capacity = Open beds
capacity-title = Treatment beds open now
capacity-lead = Open beds at withdrawal management (detox) and residential programs, as the programs report them. To get a bed, call the access line: it finds one, holds it for you and arranges a ride.
capacity-filter = Show
capacity-level-any = Every level of care
capacity-available-only = Only programs with a bed open
capacity-near = Near (ZIP code or town)
capacity-apply = Show beds
capacity-none = No program matches. The access line can still help: call it.
capacity-open = { $count ->
    [one] 1 bed open
   *[other] { $count } beds open
}
capacity-waitlist = Waitlist: { $count }, so no bed is shown open
capacity-full = No bed open now
capacity-updated = Updated { $age } ago
capacity-updated-now = Updated just now
capacity-age-minutes = { $count } min
capacity-age-hours = { $count } h
capacity-age-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
capacity-stale = This count may be out of date
capacity-distance = { $miles } miles away
capacity-call = Call the access line for a bed
level-1 = Outpatient (1)
level-2-1 = Intensive outpatient (2.1)
level-2-5 = Partial hospitalization (2.5)
level-3-1 = Residential, low intensity (3.1)
level-3-3 = Residential, population-specific (3.3)
level-3-5 = Residential, high intensity (3.5)
level-3-7 = Medically monitored inpatient (3.7)
level-3-2-wm = Residential withdrawal management (3.2-WM)
level-3-7-wm = Medically monitored withdrawal management (3.7-WM)
level-4-wm = Hospital withdrawal management (4-WM)
level-otp = Opioid treatment program
programs-title = Your programs' beds
programs-lead = Keep the counts current: each tap saves at once and tells the access line. A program with people waiting shows no open beds to callers.
programs-none = Your organization has no treatment programs with beds yet.
programs-open-up = One more open bed at { $name }
programs-open-down = One fewer open bed at { $name }
programs-waitlist-up = One more person waiting at { $name }
programs-waitlist-down = One fewer person waiting at { $name }
programs-confirm = The counts are still right
programs-type-numbers = Type the numbers instead
programs-save-numbers = Save these numbers
programs-holds = Beds held by the access line
programs-hold-until = Held until { $time }
programs-admit = The person arrived
programs-release = Release the bed
nav-programs = Our beds
