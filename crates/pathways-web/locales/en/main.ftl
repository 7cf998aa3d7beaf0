# Pathways — English. Every key here must also exist in es/main.ftl (a test checks).

## Page chrome
skip-to-content = Skip to main content
crisis-label = Help lines
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
home-access-line-detail = Free, 24/7: help getting into treatment for substance use, including detox. It gives priority to rides to detox.
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
login-help = Forgot your password? Your coach or your organization's administrator can give you a reset link.
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
role-demo = Demo data set up by Pathways
role-directory-editor = Directory editor
staff-caseload-detail = The people you walk alongside: their details and how to reach them.
staff-people-detail = Everyone your organization supports.
staff-no-records-title = Person records
staff-no-records-detail = Your role doesn't open person records.
staff-analyst-detail = Your role works with de-identified figures only: you never see who a person is.
staff-crisis-title = Help lines
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
error-read-only-token = This token can only read
error-read-only-token-detail = The API token used is a read token: it can look at records but not change them. Ask for a write token, or make one on your API tokens page.
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
error-bad-query = The query string could not be read
error-bad-query-detail = Check each query parameter against the API description: its type and its bounds.
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
invite-passwords-differ = The two passwords are not the same.
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
find-count-more = At least { $count } places found. Add a word, a place or a filter to narrow them.
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
capacity-lead = Open beds at withdrawal management (detox) and residential programs, as the programs report them. For help getting a bed, call the access line: it helps with linkage to treatment, gives priority to rides to detox and may be able to arrange a ride to residential treatment.
field-region = Region
capacity-region-any = Every region
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
nav-figures = Program figures
nav-line-figures = Access line figures
nav-access-line = Access line
nav-transport = Transport
field-caller-type = Who is calling
field-first-name = First name
field-callback = Callback number
field-place = Town or ZIP code
field-substances = Substances
field-hours-since-last-use = Hours since last use
field-pickup = Pickup place
field-destination = Destination
field-within-hours = When
field-notes = Notes
field-status = Status
field-reason = Reason
line-title = Access line
line-new-call = New call
line-anonymous = The caller wants to stay anonymous
line-caller-person = The person who needs help
line-caller-family = Family or a friend
line-caller-provider = A provider
line-caller-police = Police
line-caller-other = Someone else
line-substance-alcohol = Alcohol
line-substance-opioids = Opioids (heroin, fentanyl, pills)
line-substance-sedatives = Sedatives (benzodiazepines)
line-substance-stimulants = Stimulants (cocaine, meth)
line-substance-cannabis = Cannabis
line-substance-other = Something else
line-medical = Withdrawal and medical signs
line-withdrawal-signs = Signs of withdrawal now (shaking, sweating, nausea, aches)
line-hallucinations = Seeing or hearing things, or confused
line-seizure-history = Withdrawal seizures or DTs before
line-emergency = A seizure now, unconscious, chest pain, trouble breathing, or an overdose now
line-safety = Safety
line-safety-concern = Thoughts of suicide or of harming others
line-danger-now = Danger right now
line-situation = Situation
line-unhoused = No stable place to stay
line-returned = Returned to use after treatment in the past month
line-save-call = Save the call and see the suggestion
line-follow-ups = Follow-up calls due
line-recent = Calls in the last two days
line-no-calls = No calls yet.
line-no-follow-ups = No follow-up is due.
line-anonymous-caller = Anonymous
line-call-title = Call at { $time }
line-call-911 = Call 911 now
line-offer-988 = Connect the person with 988
line-suggested = Suggested level of care
line-suggested-none = No bed: this is an emergency
line-suggestion-note = A suggestion from the answers, not an assessment. You decide.
line-reason-emergency_sign = An emergency sign
line-reason-severe_withdrawal_risk = Alcohol or sedative withdrawal with a severe sign
line-reason-risky_withdrawal_signs = Alcohol or sedative withdrawal signs
line-reason-seizure_history_recent_use = Recent alcohol or sedative use and past withdrawal seizures
line-reason-opioid_withdrawal_signs = Opioid withdrawal signs
line-reason-recent_use = Use in the last three days
line-reason-unstable_housing = No stable place to stay
line-reason-recent_return_to_use = A recent return to use after treatment
line-reason-no_withdrawal_risk = No sign of withdrawal risk
line-reason-safety_concern = A safety concern
line-reason-danger_now = Danger right now
line-also = Also worth offering: { $level }
line-choose-level = Level to look for
line-no-bed-needed = No bed needed
line-save-level = Use this level
line-programs = Programs with a bed open
line-no-programs = No program at this level has a bed open now. Try another level, or call programs with stale counts.
line-hold = Hold a bed here
line-holds = Beds held for this call
line-hold-state-held = Held until { $time }
line-hold-state-admitted = Admitted
line-hold-state-released = Released
line-hold-state-expired = Expired
line-ride = Ride to treatment
line-within = Within { $hours } h
line-request-ride = Request the ride
line-rides = Rides for this call
line-follow-up = Follow-up call
line-follow-up-due = Due { $time }
line-outcome-connected = The person got to treatment
line-outcome-not_connected = The person did not get there
line-outcome-no_answer = No answer
line-save-follow-up = Save the follow-up
line-follow-up-done = Followed up: { $outcome }
line-no-bed-left = No bed was left there: choose another program.
transport-title = Transport queue
transport-lead = Withdrawal management rides first, then residential, then others; within each, whoever has waited longest.
transport-empty = No ride is waiting.
transport-class-withdrawal_management = Detox
transport-class-residential = Residential
transport-class-other = Other
transport-waiting = Waiting { $count } min
transport-status-requested = Requested
transport-status-assigned = Assigned
transport-status-en_route = On the way
transport-status-picked_up = Picked up
transport-status-delivered = Delivered
transport-status-cancelled = Cancelled
transport-status-no_show = Not there (no-show)
transport-next-assigned = Mark assigned
transport-next-en_route = Mark on the way
transport-next-picked_up = Mark picked up
transport-next-delivered = Mark delivered
transport-cancel = Cancel the ride
transport-no-show = Mark a no-show
transport-not-next = That ride changed meanwhile; the queue shows where it is now.
figures-title = The line's figures
figures-lead = { $count ->
    [one] Over the last 90 days: 1 call.
   *[other] Over the last 90 days: { $count } calls.
}
figures-times = Time from the call
figures-from-call = From the call to
figures-median = Median
figures-p90 = 90th percentile
figures-n = Calls
figures-call-to-hold = a held bed
figures-call-to-pickup = pickup
figures-call-to-admission = admission
figures-detox-4h = Detox rides picked up within 4 hours
figures-stale-looks = Counts that were stale when an operator looked
figures-connected = Follow-ups that found the person in treatment
figures-none = none yet
line-figures = The line's figures
line-person = A person record
line-person-anonymous = An anonymous call: it stays an anonymous call record.
line-person-lead = If the person agrees, the call becomes a person record (first name and callback number only) with a peer recovery coach, who reaches out.
line-person-make = The person agrees: make the record
line-person-made = A person record was made with the person's agreement; their coach has it in their caseload.
capacity-openings = { $count ->
    [one] 1 opening
   *[other] { $count } openings
}

## Check-ups and outreach (issue 5)
field-days-alcohol-90 = Days of alcohol use in the past 90 days
field-days-drugs-90 = Days of other drug use in the past 90 days
field-weekly-use-since-last = Use weekly or more often since the last check-up
field-past-month-problems = Problems from substance use in the past month
field-wants-treatment = Says they need or want treatment
field-in-treatment = In treatment now
field-treatment-status = Treatment now
field-housing = Housing
field-work-or-school = Work or school
field-social-support = Support for recovery
field-barc10 = BARC-10 answers
field-channel = How you reached out
field-outcome = What happened
field-error-invalid = This answer can't be used.
nav-outreach = Outreach
outreach-title = Outreach for today
outreach-intro = Who needs you today, most urgent first, then whoever has waited longest. Log each attempt to reach someone; after three that don't reach them, your supervisor sees it too.
outreach-show-all = Show everyone's items
outreach-show-escalated = Show only items escalated to supervisors
outreach-empty = Nothing needs outreach right now.
outreach-page = Page { $page } of { $pages }
outreach-count = { $count ->
    [one] One item
   *[other] { $count } items
}
outreach-waited-days = { $count ->
    [0] opened today
    [one] waiting 1 day
   *[other] waiting { $count } days
}
outreach-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
outreach-escalated = Escalated
outreach-note = Note (optional)
outreach-log-attempt = Log attempt
outreach-class-0 = Urgent
outreach-class-1 = High
outreach-class-2 = Soon
outreach-class-3 = Routine
outreach-kind-unsafe-checkin = said they were not safe
outreach-kind-linkage-needed = needs help getting into treatment
outreach-kind-linkage-stalled = linkage to treatment has stalled
outreach-kind-checkup-overdue = check-up overdue
outreach-kind-barc10-drop = recovery capital fell
outreach-kind-checkup-due = check-up due
outreach-kind-not-engaged = no contact for 30 days
outreach-kind-no-checkin = no self check-in lately
outreach-kind-plan-review-overdue = plan review overdue
outreach-channel-phone = Phone call
outreach-channel-text = Text message
outreach-channel-email = Email
outreach-channel-visit = Visit
outreach-channel-ally = Through an ally (with consent)
outreach-outcome-reached = Reached them
outreach-outcome-left-message = Left a message
outreach-outcome-no-answer = No answer
outreach-outcome-wrong-number = Wrong number or address
outreach-outcome-declined = They declined for now
flash-attempt-logged = Attempt logged.
flash-attempt-escalated = Attempt logged. After several attempts that didn't reach them, your supervisor can see this item too.
flash-checkup-saved = Check-up saved.
flash-checkup-linkage = Check-up saved. It shows a need for treatment: a linkage task is open below.
checkups-title = Check-ups
checkups-of = Check-ups with { $name }
checkup-next = Next check-up
checkup-standing-upcoming = not yet due
checkup-standing-due = due now: within its window
checkup-standing-overdue = overdue: its window has closed
checkup-schedule-ended = The check-up schedule has run its course.
checkup-window = Window: { $range }
checkup-record = Record a check-up
checkup-problems-hint = Tick any that happened in the past month because of alcohol or drug use. Leave all unticked if none.
checkup-not-asked = Not asked
checkup-justice = Involved with the justice system since the last check-up
checkup-history = Earlier check-ups
checkup-none = No check-ups yet.
checkup-done-on = Done
checkup-due-on = Due
checkup-in-window = In window
checkup-needs-treatment = Needs treatment
checkup-next-due = Next due
checkup-reason-weekly-use = weekly use
checkup-reason-weekly-use-days = weekly use ({ $alcohol } days of alcohol use and { $drugs } days of other drug use in the past 90 days; 13 or more days counts as weekly)
checkup-reason-past-month-problems = problems in the past month
checkup-reason-wants-treatment = wants treatment
checkup-reason-already-in-treatment = already in treatment
checkup-problem-health = Physical health
checkup-problem-mental-health = Mental health
checkup-problem-work-or-school = Work or school
checkup-problem-family-or-friends = Family or friends
checkup-problem-money = Money
checkup-problem-legal = Legal trouble
checkup-problem-risky-situations = Use in risky situations (driving, …)
checkup-problem-withdrawal = Withdrawal
checkup-treatment-none = None
checkup-treatment-outpatient = Outpatient
checkup-treatment-residential = Residential
checkup-treatment-medication = Medication for substance use
checkup-treatment-waiting = Waiting to start
checkup-housing-stable = Stable
checkup-housing-at-risk = At risk of losing it
checkup-housing-temporary = Temporary (with friends, shelter)
checkup-housing-homeless = Without housing
checkup-work-working = Working
checkup-work-school = In school or training
checkup-work-looking = Looking for work
checkup-work-neither = Neither
checkup-support-strong = Strong
checkup-support-some = Some
checkup-support-none = None
linkage-title = Getting into treatment
linkage-opened = Opened { $when }. Mark each step as it happens.
linkage-step-feedback = Talked through the check-up's answers
linkage-step-barriers = Worked through barriers
linkage-step-appointment = Made the appointment
linkage-step-transport = Arranged transport or went along
linkage-step-arrived = They arrived: treatment started
checkup-figures-title = Check-up and outreach figures
checkup-figures-intro = The past 12 months. The check-up protocol's benchmark is 94% of check-ups completed within their window. Counts only: no one is named here.
checkup-figures-caption = Check-ups, linkage to treatment and engagement
checkup-figures-whole-program = Whole program
checkup-figures-who = Program or coach
checkup-figures-checkups = Check-ups done
checkup-figures-in-window = Within their window
checkup-figures-needs = Needed treatment
checkup-figures-median-days = Median days to treatment
checkup-figures-within-14 = Linked within 14 days
checkup-figures-not-engaged = Not engaged now
checkup-figures-re-engaged = Re-engaged
checkups-mine = My check-ups
linkage-mine = Your coach is helping you get into treatment. Each step shows here when it's done.
linkage-not-yet = not yet
flash-checkup-linkage-mine = Thank you. Your answers show treatment could help now: your coach will reach out to talk it through with you.

settings-title = Check-up schedule and outreach rules
settings-intro = How often this program's check-ups come due and when someone goes on the outreach queue. A change applies from each person's next check-up on; dates already set stay as they are.
settings-fixed = Fixed: every few months from enrollment (the check-up protocol's quarterly schedule)
settings-adaptive = Adaptive: monthly while treatment is needed, one month longer after each check-up without need
settings-fixed-legend = Fixed schedule
settings-adaptive-legend = Adaptive schedule
settings-time-zone-hint = A zone of the time zone database, like America/New_York or America/Puerto_Rico. Check-up windows are whole days there.
settings-save = Save the settings
settings-open = Check-up schedule and outreach rules
flash-settings-saved = Settings saved. They apply from each person's next check-up.
field-schedule-kind = Schedule
field-every-months = Months between check-ups
field-for-months = For how many months from enrollment
field-cap-months = Longest interval, in months
field-window-days = Days on each side of the due date a check-up counts as on time
field-quiet-days = Days without a self check-in before outreach
field-no-contact-days = Days without contact before someone counts as not engaged
field-linkage-stall-days = Days without progress before a linkage task counts as stalled
field-escalate-after = Attempts without reaching someone before the supervisor is told

locator-title = Ways to reach { $name }
locator-title-mine = Ways to reach me
locator-intro = Other ways to reach this person and people who know where they are, kept for outreach the way the check-up protocol does. Add one only when the person has agreed; they can see and withdraw each one in their portal.
locator-intro-mine = If your coach can't reach you, these help them find you: another number, an address, or someone who usually knows where you are. Only your coach's program sees them, only to reach you. You can withdraw any of them here at any time.
locator-to-checkups = Check-ups
locator-current = Current details
locator-none = No details yet.
locator-add = Add a way to reach
locator-remove = Remove
locator-consented-on = Agreed to on { $date }
locator-value-hint = The number, email, address or handle. For a contact person, how to reach them.
locator-field-name = Contact person's name (for a contact person)
locator-consent = The person agreed that we may use this to reach them.
locator-consent-mine = I agree that my coach's program may use this to reach me.
locator-kind-phone = Phone
locator-kind-email = Email
locator-kind-address = Address
locator-kind-social = Social media or messaging
locator-kind-contact-person = Someone who knows where I am
locator-open = Ways to reach
flash-locator-added = Saved.
flash-locator-removed = Removed.
field-kind = Kind
field-value = How to reach
field-relationship = Relationship
field-note = Note
field-consent = Consent

nav-my-privacy = My privacy
nav-shared-with-me = Shared with me
consent-title = Consents of { $name }
consent-title-mine = Who may see my information
consent-title-short = Consents
consent-intro = The person's written consents under 42 CFR Part 2. Record a consent the person signed on paper here; revoke one when the person asks in writing. A revocation takes effect with the very next request.
consent-intro-mine = Nothing about your recovery goes to anyone outside your program without your written consent. Here you see every consent you gave, sign a new one, and take any back. Taking one back works at once.
consent-current = Consents
consent-none = No consents yet.
consent-status-in-force = In force
consent-status-revoked = Revoked on { $date }
consent-status-ended = Ended on { $date }
consent-status-expired = Expired
consent-signed-electronic = Signed in the portal on { $date }
consent-signed-paper = Signed on paper on { $date }
consent-revoke = Take back this consent
consent-revoke-written = Revoke (written request)
consent-new-mine = Give a new consent
consent-new-paper = Record a consent signed on paper
consent-problems = This consent can't be kept yet. It needs:
consent-recipient-ally = Someone I invited (an ally)
consent-which-ally = Which ally
consent-recipient-organization = An organization
consent-recipient-person = A person
consent-recipient-name = Name of the organization or person
consent-general-designation = My treating providers, health plans, third-party payers, and people helping to operate this program
consent-information-hint = Only what you tick is shared. Counseling notes need a consent of their own, naming nothing else. Allies can be given the first three kinds only.
consent-not-for-allies = not for allies
consent-tpo = This consent is for treatment, payment and health care operations
consent-expiry-date = Ends on a date
consent-expires-on-label = End date
consent-expiry-event = Ends when something happens
consent-expiry-event-label = What event
consent-expiry-event-example = end of treatment
consent-expiry-none = No end date (treatment, payment and health care operations consents only)
consent-statements = What this consent says about your rights
consent-tpo-statements = A treatment, payment and health care operations consent also says:
consent-type-name = Type your full name to sign
consent-confirm = I have read this consent and I sign it.
consent-paper-on-file = The person signed this consent on paper; the signed form is on file.
consent-paper-signature = Signed paper form on file
consent-sign = Sign this consent
consent-record = Record this consent
consent-purpose-default = To support my recovery
consent-expires-on = Until { $date }
consent-expires-event = Until { $event }
consent-expires-never = No end date
consent-category-recovery-plan = Goals and progress (recovery plan)
consent-category-checkins-assessments = Check-in dates and scores, and assessments (never what I wrote)
consent-category-attendance-engagement = Check-up dates and attendance
consent-category-referral-information = Referral information
consent-category-encounter-summaries = Summaries of contacts with staff
consent-category-counseling-notes = Counseling notes
consent-statement-right-to-revoke = You may revoke this consent in writing at any time.
consent-statement-how-to-revoke = To revoke it, use "Take back this consent" in your Pathways portal, or give { $program } a written request.
consent-statement-reliance = Revoking does not undo anything already done in reliance on this consent.
consent-statement-hipaa-redisclosure = A recipient that is covered by HIPAA may redisclose your information as HIPAA permits, and it may then no longer be protected by 42 CFR Part 2.
consent-statement-refusal-effect = Your treatment, payment, enrollment and eligibility for benefits do not depend on signing this consent.
flash-consent-saved = Consent saved.
flash-consent-revoked = Consent revoked. It no longer allows anything, from now on.
field-person-name = The person's name
field-disclosing-party = Who may disclose
field-information = What information
field-recipient = Who may receive it
field-purpose = Why
field-right-to-revoke = The right to revoke
field-how-to-revoke = How to revoke
field-reliance = What revoking does not undo
field-expiration = When it ends
field-signature = Signature
field-date-signed = Date signed
field-hipaa-redisclosure = Redisclosure under HIPAA
field-refusal-effect = What happens if you refuse to sign
field-ally-name = Their name
field-error-missing-element = missing or incomplete
disclosure-title = Disclosures of { $name }'s information
disclosure-title-mine = Who received my information
disclosure-title-short = Disclosures
disclosure-intro = Every time information went to an ally or another organization on a consent, in the past three years: when, to whom, what and why.
disclosure-count = { $count ->
    [one] One disclosure
   *[other] { $count } disclosures
}
disclosure-when = When
disclosure-to = To whom
disclosure-what = What
disclosure-channel-ally-view = viewed it in Pathways (ally)
disclosure-channel-referral = referral
disclosure-channel-export = export
access-log-title = Who looked at { $name }'s record
access-log-title-mine = Who looked at my record
access-log-title-short = Access log
access-log-intro = Every time someone opened or changed this record in the past three years: who, in which role and organization, when, and what.
access-log-count = { $count ->
    [one] One entry
   *[other] { $count } entries
}
access-refused = refused
access-who-you = You
access-who-ally = Ally
access-who-system = Pathways
ally-title-mine = My allies
ally-intro-mine = Family and friends can follow your recovery with you, seeing only what you choose. Invite someone, then give a consent that names them and what they may see. You can take it back at any time, and it stops at once.
ally-mine = My allies
ally-none = You haven't invited anyone yet.
ally-sees = Sees: { $categories }
ally-sees-nothing = Sees nothing right now
ally-choose = Choose what an ally sees
ally-pending = Invitations not used yet
ally-pending-until = usable until { $date }
ally-invite = Invite someone
ally-invite-hint = You'll get a link and a code to give them yourself. They will see nothing until you sign a consent naming them.
ally-invite-button = Make an invitation
ally-invited-title = Invitation ready
ally-invited-lead = Give { $name } this link or code. It works once.
ally-invited-next = When they have made their account, sign a consent that names them and what they may see.
ally-shared-title = Shared with you
ally-shared-heading = What { $name } shares with you
ally-shared-intro = { $name } chose to share this with you. It is private: please keep it to yourself.
ally-nothing = Nothing is shared with you right now. The person you support may share again by signing a new consent.
ally-goals = Goals and progress
ally-no-goals = No goals yet.
ally-step-done = done
ally-checkins = Check-ins
ally-none-yet = None yet.
ally-date = Date
ally-mood = Mood
ally-meetings = Meetings
ally-barc10 = Recovery capital (BARC-10)
ally-attendance = Check-ups and attendance
ally-next-checkup = Next check-up: { $date }
ally-meetings-month = { $count ->
    [one] One meeting in the past 30 days
   *[other] { $count } meetings in the past 30 days
}
ally-checkups-done = Check-ups done
ally-summary-goals = { $count ->
    [one] one goal
   *[other] { $count } goals
}
ally-summary-checkins = { $count ->
    [one] one check-in
   *[other] { $count } check-ins
}
ally-summary-checkups = { $count ->
    [one] one check-up
   *[other] { $count } check-ups
}
ally-notice-title = Notice: federally protected information
ally-consent-summary = Shared under these consents
ally-relied = { $categories }, for "{ $purpose }", { $expiry }; signed { $date }.
ally-revocable = { $name } can take back a consent at any time; from then on you will see nothing it covered.
part2-notice = This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any federal, state, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies: further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2; you are a covered entity or business associate and have received the record for treatment, payment, or health care operations; or you have received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 CFR 2.31).
ally-support-title = Support for families and friends
ally-support-intro = Caring about someone in recovery is hard work. These groups are for you, free, and found across the state.
ally-support-find = Find { $name } near you
ally-support-al-anon = Al-Anon
ally-support-al-anon-about = Mutual-help meetings for anyone affected by someone else's drinking.
ally-support-nar-anon = Nar-Anon
ally-support-nar-anon-about = Mutual-help meetings for family and friends of someone using drugs.
ally-support-craft = CRAFT groups
ally-support-craft-about = Community Reinforcement and Family Training: practical, evidence-based ways to help a loved one into treatment and to look after yourself.
ally-support-smart = SMART Recovery Family & Friends
ally-support-smart-about = Science-based meetings that teach tools for supporting a loved one, and other family groups.
access-what-sign-in = signed in
access-what-sign-in-failed = tried to sign in and failed
access-what-sign-in-throttled = was stopped after too many sign-in attempts
access-what-sign-out = signed out
access-what-session-expired = was signed out after a time away
access-what-api-token-rejected = tried to connect with a key that doesn't work
access-what-access-denied = tried to open your record and was refused
access-what-org-create = set up an organization
access-what-account-create = made an account
access-what-account-disable = turned off an account
access-what-token-create = made a connection key
access-what-directory-import = imported directory listings
access-what-directory-change = changed a directory listing
access-what-person-list = saw your name in a list
access-what-person-read = opened your record
access-what-person-create = created your record
access-what-person-update = changed your details
access-what-plan-read = looked at your recovery plan
access-what-plan-update = changed your recovery plan
access-what-plan-restore = brought back an earlier version of your recovery plan
access-what-assessment-create = recorded a BARC-10 assessment
access-what-assessment-read = looked at your assessments
access-what-checkin-create = recorded a check-in
access-what-checkin-read = looked at your check-ins
access-what-encounter-create = recorded a contact with you
access-what-encounter-read = looked at contacts with you
access-what-attention-resolve = followed up on something that needed attention
access-what-invite-create = made an invitation to your portal
access-what-invite-accept = opened your portal account
access-what-caseload-read = saw you on a caseload
access-what-capacity-update = updated bed counts
access-what-bed-hold-create = held a bed
access-what-bed-hold-close = closed a bed hold
access-what-access-call-create = recorded an access line call
access-what-access-call-read = looked at an access line call
access-what-access-call-update = updated an access line call
access-what-transport-change = arranged or changed a ride
access-what-checkup-create = recorded a check-up
access-what-checkup-read = looked at your check-ups
access-what-schedule-read = looked at your check-up schedule
access-what-outreach-read = looked at the outreach list
access-what-outreach-attempt-create = tried to reach you
access-what-linkage-update = took a step to help you into treatment
access-what-program-settings-update = changed the program's check-up settings
access-what-locator-read = looked at your ways to be reached
access-what-locator-update = changed your ways to be reached
access-what-consent-read = looked at your consents
access-what-consent-create = recorded a consent
access-what-consent-revoke = revoked a consent
access-what-consent-scan-upload = uploaded the scan of a signed consent
access-what-disclosure-read = looked at who received your information
access-what-access-log-read = looked at this access log
access-what-ally-view = saw what you share with them
access-what-ally-invite-create = invited an ally

nav-referrals = Referrals
referral-title = Referrals
referral-title-short = Referrals
referral-title-person = Referrals for { $name }
referral-intro = Referrals your organization sent and received in the past 90 days. A referral that has waited more than 48 hours for an answer is flagged on both sides.
referral-heading = Referral to { $service }
referral-sent = Sent
referral-received = Received
referral-none = None yet.
referral-new = Refer to a service
referral-search = Search the directory's services
referral-search-button = Search
referral-no-results = No service matches those words.
referral-send = Send the referral
referral-blocked = No consent in force lets referral information about this person go to that organization. Nothing was sent.
referral-record-consent = Record a consent
referral-from = from { $org }
referral-to = to { $org }
referral-overdue = waiting more than 48 hours
referral-figures = The loop, past 90 days
referral-figure-count = Referrals
referral-figure-ack-30 = Acknowledged within 30 minutes
referral-figure-ack-day = Acknowledged within a day
referral-figure-completed = Completed
referral-figure-waiting = Waiting more than 48 hours
referral-printable = This organization is not on Pathways: print this page and send it the way they take referrals. Nothing else of the record goes with it.
referral-packet = Referral packet
referral-packet-name = Name
referral-packet-service = Service
referral-packet-from = Referred by
referral-packet-consent = Consent
referral-answer = Answer this referral
referral-sender-moves = Change this referral
referral-history = History
referral-status-requested = Sent, not yet acknowledged
referral-status-received = Acknowledged
referral-status-accepted = Accepted
referral-status-rejected = Declined
referral-status-in-progress = In progress
referral-status-completed = Completed
referral-status-cancelled = Cancelled
referral-status-failed = Did not happen
referral-move-requested = Send again
referral-move-received = Acknowledge
referral-move-accepted = Accept
referral-move-rejected = Decline
referral-move-in-progress = Start
referral-move-completed = Mark completed
referral-move-cancelled = Cancel the referral
referral-move-failed = Did not happen
flash-referral-sent = Referral sent.
field-service = Service
field-error-consent-required = no consent in force allows this
field-error-own-organization = this service belongs to your own organization
field-error-not-allowed = this move is not possible now
access-what-referral-create = referred you to a service
access-what-referral-read = looked at a referral about you
access-what-referral-update = updated a referral about you
access-what-record-download = downloaded or printed your record
access-what-fhir-export = sent your record to another provider (FHIR export)
access-what-fhir-read = read your record through the FHIR interface
record-title-mine = My record
record-intro = Everything Pathways keeps about you, on one page. You can print it or save it, and take it with you.
record-download-fhir = Download my record (FHIR file for health care providers)
record-print-hint = To print this page or save it as a PDF, use your browser's Print command.
record-none = Nothing yet.
record-about = About you
record-kept-by = Kept by { $org }
record-plan = My recovery plan
record-target = target date { $date }
record-barc10 = My recovery capital (BARC-10)
record-checkins = My check-ins
record-checkin-line = { $date }: mood { $mood } of 5, craving { $craving } of 5, { $meetings } meetings
record-encounters = My meetings with staff
record-encounter-line = { $date }: { $kind }, { $minutes } minutes
record-referrals = My referrals
record-consents = My consents
record-consent-over = no longer in force
record-disclosures = Who received my information
portal-my-record = My record (print or download)
consent-event-happened = The end event has happened
flash-consent-ended = Consent ended. It no longer allows anything, from now on.
referral-ask-coach = Ask the person's coach to record their consent, then refer again.
referral-back-to-call = Back to the call
consent-scan-view = the signed form (scan)
consent-scan-history = Every scan of this form
consent-scan-current = Current
consent-scan-replaced = Replaced on { $date }
consent-scan-uploaded = Uploaded on { $date } by { $name }
consent-scan-attach = Attach the signed form (PDF, PNG or JPEG, up to 900 KB)
consent-scan-replace = Replace the signed form's scan (PDF, PNG or JPEG, up to 900 KB)
consent-scan-upload = Upload the scan
flash-scan-saved = The signed form's scan is kept with the consent.
field-file = The signed form's scan
field-error-not-a-scan = this is not a PDF, PNG or JPEG file

## The public explanation of recovery (/recovery)
what-is-recovery-title = What is recovery?
recovery-definitions-title = What recovery means
recovery-dmhas-definition = Recovery is what people experience themselves as they become empowered to achieve a meaningful life and a positive sense of belonging in their community. It is a non-linear process of development and growth.
recovery-dmhas-source = Connecticut Department of Mental Health and Addiction Services (DMHAS), “What is Recovery?” (DMHAS, 2002).
recovery-samhsa-definition = A process of change through which individuals improve their health and wellness, live a self-directed life, and strive to reach their full potential.
recovery-samhsa-source = SAMHSA’s Working Definition of Recovery (Substance Abuse and Mental Health Services Administration, 2012).
recovery-principles-title = Guiding principles
recovery-principle-hope = Recovery emerges from hope.
recovery-principle-hope-detail = The belief that recovery is real and that a better future is possible.
recovery-principle-person-driven = Recovery is person-driven.
recovery-principle-person-driven-detail = People set their own goals and choose their own path.
recovery-principle-pathways = Recovery occurs via many pathways.
recovery-principle-pathways-detail = Each person’s path is different, and there is no single right one.
recovery-principle-holistic = Recovery is holistic.
recovery-principle-holistic-detail = It touches the whole of a person’s life: mind, body, spirit and community.
recovery-principle-peers = Recovery is supported by peers and allies.
recovery-principle-peers-detail = People with lived experience, and family and friends, offer help and understanding.
recovery-principle-relationships = Recovery is supported through relationships and social networks.
recovery-principle-relationships-detail = People who believe in a person’s ability to recover make a difference.
recovery-principle-culture = Recovery is culturally-based and influenced.
recovery-principle-culture-detail = A person’s culture and background shape their path.
recovery-principle-trauma = Recovery is supported by addressing trauma.
recovery-principle-trauma-detail = Services should be safe and trusting, and help people heal from trauma.
recovery-principle-strengths = Recovery involves individual, family, and community strengths and responsibility.
recovery-principle-strengths-detail = Each has strengths and resources that are a foundation for recovery.
recovery-principle-respect = Recovery is based on respect.
recovery-principle-respect-detail = Acceptance and appreciation of people in recovery, free of stigma and discrimination.
recovery-dimensions-title = Four dimensions of a life in recovery
recovery-dimensions-lead = SAMHSA names four major dimensions that support a life in recovery:
recovery-dimension-health = Health
recovery-dimension-health-detail = Overcoming or managing one’s disease or symptoms, and making informed, healthy choices that support physical and emotional well-being.
recovery-dimension-home = Home
recovery-dimension-home-detail = A stable and safe place to live.
recovery-dimension-purpose = Purpose
recovery-dimension-purpose-detail = Meaningful daily activities, such as a job, school, volunteering, family caretaking or creative work, and the independence, income and resources to take part in society.
recovery-dimension-community = Community
recovery-dimension-community-detail = Relationships and social networks that provide support, friendship, love and hope.
recovery-pathway-clinical-detail = Treatment from health professionals: withdrawal management (detox), outpatient and residential treatment, medications, mental health care.
recovery-pathway-peer-detail = Help without formal treatment, from people with lived experience: peer recovery coaches, mutual-help meetings, recovery community centers.
recovery-pathway-self-detail = Recovery on one’s own terms, without formal services (sometimes called natural recovery), with the tools, people and places that help.
recovery-find-help = Find help: { $name }
recovery-access-line = A 24/7 line anyone may call for help with linkage to treatment for substance use, including residential withdrawal management (detox). It gives priority to transportation to detox, and may also be able to arrange transportation to residential treatment.
recovery-access-line-source = As the Department of Mental Health and Addiction Services describes its Access Line.
recovery-families-title = For family and friends
recovery-families-lead = Recovery is supported by peers and allies. Family members and friends need support too.
recovery-families-link = Support for family and friends
home-what-is-recovery = What is recovery?
footer-what-is-recovery = What is recovery?
footer-family-support = Support for family and friends
table-scroll = Table (scrolls sideways on a narrow screen)
home-line-follow-ups = { $count ->
    [one] 1 call is due for its follow-up.
   *[other] { $count } calls are due for their follow-up.
}
home-line-rides = { $count ->
    [0] No ride is waiting.
    [one] 1 ride is waiting.
   *[other] { $count } rides are waiting.
}
home-line-console = Take a call: the console
home-programs-stale = { $count ->
    [0] Every program's counts are current.
    [one] 1 program's counts need updating.
   *[other] { $count } programs' counts need updating.
}
home-programs-held = { $count ->
    [0] No bed is held for a caller.
    [one] 1 bed is held for a caller.
   *[other] { $count } beds are held for callers.
}
home-programs-update = Update your programs' counts
home-referrals-detail = Referrals your organization received, and those it sent: acknowledge, accept or decline.
home-referrals-open = Open the referral inbox
home-team-title = Your team
home-team-detail = The outreach queue shows who is overdue and what was escalated to you; the figures show the program's check-ups and linkage.
home-line-holds-expiring = { $count ->
    [0] No bed held for a caller expires within the hour.
    [one] 1 bed held for a caller expires within the hour.
   *[other] { $count } beds held for callers expire within the hour.
}
home-line-hold-expiring = Bed at { $program }, held until { $time }: confirm the admission or tell the caller
home-team-urgent = { $count ->
    [0] No urgent item is open on your team's queue.
    [one] 1 urgent item is open on your team's queue: someone said they were not safe in a check-in.
   *[other] { $count } urgent items are open on your team's queue: people who said they were not safe in a check-in.
}
home-team-escalated = { $count ->
    [0] Nothing is escalated to you.
    [one] 1 item is escalated to you after failed attempts to reach the person.
   *[other] { $count } items are escalated to you after failed attempts to reach the person.
}
home-team-escalations = Open the escalated items
home-figures-title = Figures
home-directory-detail = Keep the community directory right: listings, their verification, and corrections the public suggests.
home-directory-corrections = Corrections to review
home-see-figures = See the program's figures
home-see-line-figures = See the access line's figures
home-team-queue = Open the outreach queue
home-directory-open = Open the directory listings

## API tokens (/account/tokens)
nav-api-tokens = API tokens
tokens-title = API tokens
tokens-intro = An API token lets another program (a report, an electronic health record) use the Pathways API as you. Give each program its own token, with only the access it needs, and revoke a token as soon as it is no longer used.
tokens-new-heading = Your new token
tokens-new-once = Copy it now: this is the only time it is shown. Pathways keeps only a fingerprint of it and cannot show it again.
tokens-new-label = New API token
tokens-yours = Your tokens
tokens-none = You have no API tokens.
tokens-col-label = Name
tokens-col-scope = Access
tokens-col-created = Made
tokens-col-expires = Expires
tokens-col-last-used = Last used
tokens-col-state = State
tokens-col-action = Action
tokens-state-active = Active
tokens-state-expired = Expired
tokens-state-revoked = Revoked
tokens-scope-read = Read
tokens-scope-write = Read and write
tokens-never-used = Never
tokens-revoke = Revoke { $label }
tokens-make = Make a token
tokens-field-label = Name
tokens-field-label-hint = What the token is for, e.g. "Monthly report". Up to 80 characters.
tokens-label-error = Give the token a name of 1 to 80 characters.
tokens-field-scope = Access
tokens-scope-read-long = Read only: it can look at records but never change them
tokens-scope-write-long = Read and write: it can also add and change records
tokens-lifetime = A new token works for { $days } days, then stops; make a new one before then.
tokens-make-button = Make the token
flash-token-revoked = The token was revoked: it no longer works.
## Accounts: passwords, reset links, the administrator's list (issue 22)
nav-account-password = Change password
account-back-home = Back to your home page
account-password-title = Change your password
account-password-lead = Type the password you use now, then choose a new one.
account-current-password = Password you use now
account-new-password = New password
account-password-submit = Change my password
account-password-others = Changing it signs you out everywhere else, on any other phone or computer. You stay signed in here.
account-current-wrong = That is not the password you use now. Check it and try again.
flash-password-changed = Your password is changed. You are signed out everywhere else.
flash-password-set = Your new password is set. Sign in with it.
reset-create = Make a password reset link
reset-create-hint = If they forgot their password: give them the link or the code yourself, in person or by phone.
reset-issued-title = Password reset link
reset-issued-lead = Give { $name } this link or code. With it they choose a new password. Everywhere they were signed in, they are signed out.
reset-code = Reset code
reset-code-where = to type at /reset
reset-once = It works once, for 24 hours. It is shown only now. Making a new one stops this one.
reset-mailed = It was also sent to the account's email address.
reset-mail-failed = It could not be sent by email. Give it in person or by phone.
reset-no-account = { $name } has no portal account yet. Invite them to their portal instead.
reset-back = Back
reset-title = Choose a new password
reset-lead = Your coach or administrator gave you a link or a code. Choose a new password for your account.
reset-submit = Save my new password
reset-invalid-title = This reset link can't be used
reset-invalid = This link or code is not valid: it may have been used already or be more than 24 hours old. Ask your coach or administrator for a new one.
accounts-title = Accounts
accounts-lead = Everyone who signs in to your organization's Pathways: staff, people in their own portal, and their allies. Turning an account off signs it out at once.
accounts-name = Name
accounts-kind = Kind of account
accounts-login = Signs in with
accounts-status = Status
accounts-actions = Actions
accounts-active = Active
accounts-disabled = Turned off
accounts-kind-staff = Staff: { $role }
accounts-kind-person = Their own portal
accounts-kind-ally = Ally (family or friend)
accounts-ally-off = Only the person can invite them again.
accounts-enable = Turn on { $name }
accounts-disable = Turn off { $name }
accounts-reset = Reset link for { $name }
flash-account-disabled = The account is turned off. It was signed out everywhere.
flash-account-enabled = The account is turned on again.
home-accounts-detail = Turn accounts off or on, and make password reset links.
home-accounts-open = Manage accounts
ally-remove = Remove { $name }
ally-remove-hint = Removing an ally closes their account at once. They see nothing more, even with a consent still on file.
flash-ally-removed = Your ally was removed. Their account is closed.
invite-username-unavailable = That username can't be used. Choose another: 3 to 40 lowercase letters, numbers, dots, dashes or underscores.
invite-used-up = This invitation was tried too many times and no longer works. Ask for a new one.
invite-already-reset = If they forgot their password, make a reset link instead.
access-what-password-change = changed the account's password
access-what-password-reset-issue = made a password reset link for your portal account
access-what-password-reset-use = set a new password with a reset link
access-what-account-enable = turned an account back on
access-what-ally-remove = removed an ally
access-what-account-list = looked at the list of accounts
email-reset-subject = Your Pathways password reset link
email-reset-body = A link to choose a new Pathways password was made for your account.

    Open it to choose a new password:
    { $link }

    Or go to { $codepage } and type this code: { $code }

    It works once, until { $expires }. If you did not ask for it, tell your administrator.
## Sign-in throttling and two-factor sign-in (issue 22)
login-slowed = Several sign-in attempts with this email or username (or from this network) didn't work, so to keep accounts safe we wait a little before checking another one. Nothing is locked: the right password will work after the wait.
two-factor-wait-minutes = { $count ->
    [one] Please try again in 1 minute.
   *[other] Please try again in { $count } minutes.
}
two-factor-wait-seconds = { $count ->
    [one] Please try again in 1 second.
   *[other] Please try again in { $count } seconds.
}
flash-sign-in-again = That sign-in took too long or was already finished. Please sign in again.
flash-two-factor-on = Two-factor sign-in is on.
flash-two-factor-off = Two-factor sign-in is off.
flash-two-factor-reset = Done. That account will set up its authenticator app again at its next sign-in.
nav-two-factor = Two-factor sign-in
two-factor-step-title = Enter your sign-in code
two-factor-step-lead = Your password was right. Now enter the 6-digit code your authenticator app shows for Pathways.
two-factor-field-code = Code from your app, or a recovery code
two-factor-field-code-hint = 6 digits, or a recovery code like abcd-efgh-jkmn-pqrs. Each recovery code works once.
two-factor-step-submit = Continue
two-factor-step-lost = Lost your phone and your recovery codes? Your organization's Pathways administrator can reset your two-factor sign-in.
two-factor-step-again = Start again
two-factor-code-wrong = That code didn't work. Check your app for the current code and try again.
two-factor-code-reused = That code was already used. Wait for your app to show a new code, then enter it.
two-factor-enroll-title = Set up two-factor sign-in
two-factor-enroll-required = Your role reaches people's health records, so your account needs a second step at sign-in. Set it up now to continue.
two-factor-enroll-why = With two-factor sign-in, a stolen password alone can't open your account: signing in also needs a code from an app on your phone.
two-factor-enroll-step-app = Open an authenticator app on your phone (for example FreeOTP, Google Authenticator, Microsoft Authenticator or 1Password).
two-factor-enroll-step-scan = Add an account in the app by scanning this QR code.
two-factor-qr-alt = QR code for your authenticator app. If you can't scan it, type the setup key shown below.
two-factor-enroll-step-type = Or type this setup key into the app:
two-factor-secret-label = Setup key
two-factor-enroll-kind = The key is time-based (TOTP), 6 digits, every 30 seconds. Spaces don't matter.
two-factor-enroll-step-code = Enter the 6-digit code the app now shows.
two-factor-field-app-code = 6-digit code from your app
two-factor-enroll-submit = Turn on two-factor sign-in
two-factor-codes-title = Your recovery codes
two-factor-codes-lead = Two-factor sign-in is on. If you lose your phone, each of these codes lets you sign in once instead of a code from the app. Save them somewhere safe now (print them or keep them in a password manager).
two-factor-codes-once = This is the only time these codes are shown.
two-factor-codes-continue = I saved my codes. Continue
two-factor-codes-left = { $count ->
    [one] 1 recovery code left.
   *[other] { $count } recovery codes left.
}
two-factor-account-title = Two-factor sign-in
two-factor-account-on = Two-factor sign-in is on for your account.
two-factor-account-required = Your role requires two-factor sign-in, so it stays on. If you lose your phone, ask your organization's Pathways administrator to reset it.
two-factor-off-title = Turn off two-factor sign-in
two-factor-off-submit = Turn off
two-factor-account-off = Two-factor sign-in is off for your account. You can turn it on: you'll need an authenticator app on your phone.
two-factor-start = Set up two-factor sign-in
two-factor-admin-title = Reset two-factor sign-in
two-factor-admin-link = Reset two-factor sign-in for someone in your organization
two-factor-admin-lead = When someone loses their phone and their recovery codes, remove their authenticator here. They set up a new one at their next sign-in. Check who is asking before you reset.
two-factor-admin-none = Nobody in your organization uses two-factor sign-in yet.
two-factor-admin-caption = Accounts with two-factor sign-in
two-factor-admin-name = Name
two-factor-admin-login = Email or username
two-factor-admin-action = Action
two-factor-admin-reset = Reset
two-factor-admin-reset-label = Reset two-factor sign-in for { $name }
access-what-two-factor-enroll = turned on two-factor sign-in
access-what-two-factor-failed = entered a sign-in code that didn't work
access-what-two-factor-throttled = was asked to wait after several sign-in codes that didn't work
access-what-two-factor-reset = reset an account's two-factor sign-in
access-what-two-factor-disable = turned off two-factor sign-in

## Outcome reports (issue 17)
report-fewer-than-11 = fewer than 11
report-hidden = not shown
report-quarter = Quarter { $n }
report-people-served-title = People served
report-people-served-year = Fiscal year { $year }, counted once per person in each period.
report-people-served-explain = How many different people had at least one service from your organization (a meeting with staff, a check-in or a check-up) in each quarter of the state fiscal year. A person served in two quarters is counted in both quarters, but only once in the whole year.
report-fiscal-year = Fiscal year (the year it ends in)
report-show = Show
report-previous-year = Previous year
report-next-year = Next year
report-people-served-chart = People served in each quarter
report-chart-desc = A bar for each quarter shows how many different people were served. Quarters with fewer than 11 people have no bar. The table below has the same numbers.
report-chart-caption = The table below the chart has the same figures.
report-people-served-caption = People served, new and continuing, by quarter and for the whole year
report-period = Period
report-dates = Dates
report-new = New
report-continuing = Continuing
report-total = Total people
report-whole-year = Whole year
report-reading-title = How to read these numbers
report-new-explain = New: the person started a new episode of care in the period — their first service, or their first after their last episode was closed.
report-continuing-explain = Continuing: the person's episode of care had started before the period and they had a service during it.
report-whole-year-explain = Whole year: each person counted once, however many quarters they were served in, so it is less than the quarters added up.
report-suppression-explain = To protect privacy, a number from 1 to 10 people is shown as "fewer than 11", and when it could be worked out from the totals, another number is "not shown" too.
report-download-csv = Download this table (CSV)
home-reports-title = Outcome reports
home-reports-detail = Counts for your organization, with small numbers hidden to protect privacy.

## Recovery housing (issue 19)
nav-housing = Recovery housing
nav-residences = Our residences
housing-title = Recovery housing with beds
housing-lead = Recovery residences (sober living) certified by the Connecticut Alliance of Recovery Residences or another certifier the state recognizes, with the beds their operators report each week. A recovery residence is a substance-free home with peer support; it is not treatment.
housing-levels-not-ranks = The four NARR levels describe the kind of support a residence gives. They are not a ranking: no level is better than another, and the right one depends on what you need.
housing-call = Call the access line for help finding a bed
field-town = Town
field-within = Within (miles)
field-narr-level = NARR level of support
field-max-cost = Most per week (dollars)
field-moud = Accepts people on medications for opioid use disorder (MOUD)
field-beds = Only residences with a bed now
field-available-beds = Beds open
field-total-beds = Beds in all
field-naloxone-doses = Naloxone doses on site
field-cost-per-week = Cost per week
field-error-more-than-total = Open beds can't be more than the residence's beds.
housing-population-any = Anyone
housing-level-any = Every level
housing-apply = Show residences
housing-results = { $count ->
    [one] 1 residence
   *[other] { $count } residences
}
housing-none = No residence matches. The access line can still help: call it.
housing-stale = This report is more than a week old
housing-level-line = Level { $level }
housing-serves = Serves
housing-house-rules = House rules
housing-level-peer-run = I · Peer-run
housing-level-monitored = II · Monitored
housing-level-supervised = III · Supervised
housing-level-service-provider = IV · Service provider
housing-level-peer-run-detail = run by the residents together, with no paid staff in the house.
housing-level-monitored-detail = a house manager or senior resident, house rules and peer accountability.
housing-level-supervised-detail = trained staff, a daily structure and life-skills support.
housing-level-service-provider-detail = clinical services in the house with credentialed staff, often a step after treatment.
housing-population-men = Men
housing-population-women = Women
housing-population-women-with-children = Women with children
housing-population-lgbtq = LGBTQ+ people
housing-population-young-adults = Young adults
housing-moud-yes = Welcomes residents taking medications for opioid use disorder
housing-moud-no = Does not say it accepts medications for opioid use disorder: ask
housing-cost-week = ${ $dollars } a week
housing-cost-ask = Ask about cost
housing-payment-self-pay = self-pay
housing-payment-voucher = vouchers
housing-certified = Certified by { $body } (no. { $number }) until { $date }
housing-certified-expired = Certificate from { $body } (no. { $number }) expired on { $date }
housing-not-certified = No certificate recorded
housing-reported-on = Beds reported on { $date }
housing-never-reported = No beds reported yet
housing-beds-open = { $count ->
    [one] 1 bed open
   *[other] { $count } beds open
}
housing-beds-none = No bed open now
housing-no-region = No region
housing-all-regions = All regions
housing-figures-title = Recovery housing figures
housing-figures-lead = Every recovery residence in the registry, by region: certification, weekly reports, the naloxone attestation and beds. Residences and beds only: no person is named or counted.
housing-figures-caption = Residences by region
housing-figures-residences = Residences
housing-figures-current = Certified
housing-figures-expiring = Expiring within 30 days
housing-figures-expired = Expired
housing-figures-uncertified = No certificate
housing-figures-fresh = Reported within 7 days
housing-figures-oud = Attest a resident with opioid use disorder
housing-figures-flagged = Naloxone flagged
housing-figures-beds = Beds open / in all
housing-figures-weeks = Beds reported open, week by week
housing-figures-weeks-caption = Vacancies by week (each residence's last report in the week)
housing-figures-week-of = Week of
housing-figures-reporting = Residences reporting
housing-figures-available = Beds open
housing-figures-fresh-explain = Reported within 7 days: the state law asks operators to report their open beds weekly.
housing-figures-flagged-explain = Naloxone flagged: a residence with a resident diagnosed with opioid use disorder keeps at least two doses of naloxone on site and trains its residents; flagged when it reports fewer doses or no training date.
housing-figures-no-persons = These figures count residences and beds, never people.
residences-title = Our residences
residences-lead = Report your open beds at least once a week: one tap when the number is still right. Residences with a current certificate appear on the public recovery housing board.
residences-none = Your organization has no recovery residences in the registry.
residences-report-never = No beds reported yet: report now.
residences-report-due = Your weekly bed report is due.
residences-report-stale = Your last bed report is more than a week old: the board shows it as out of date.
residences-hidden-expired = Hidden from the public board: the certificate expired on { $date }. Renew it with your certifier.
residences-hidden-uncertified = Hidden from the public board: no certificate is recorded.
residences-expiring = The certificate expires on { $date }: renew it soon to stay on the board.
residences-flag-too-few-doses = Fewer than two naloxone doses on site. A residence with a resident diagnosed with opioid use disorder keeps at least two.
residences-flag-no-training = No date recorded for training the residents to give naloxone.
residences-held = Held for referrals
residences-not-on-board = not on the public board
residences-down = One fewer bed open at { $name }
residences-up = One more bed open at { $name }
residences-confirm = Still right: report this number
residences-holds = Beds held for referred persons
residences-admit = Moved in
residences-reported = Bed report saved.
home-residences-due = { $count ->
    [0] No bed report is due
    [one] 1 bed report is due
   *[other] { $count } bed reports are due
}
home-residences-flags = { $count ->
    [0] Nothing flagged
    [one] 1 residence needs attention
   *[other] { $count } residences need attention
}
home-residences-open = Report beds
home-housing-figures = Recovery housing figures
line-after-detox = After detox: recovery housing
line-after-detox-detail = A person leaving withdrawal management may want a recovery residence next. These certified residences reported a bed, nearest first; a coach or the discharging clinician can send a referral.
line-after-detox-board = See every recovery residence with a bed
field-hold-bed = Recovery residence: hold a bed for 24 hours
field-error-not-a-residence = This service is not a recovery residence in the registry, so no bed can be held.
field-error-no-bed-left = No bed is left to hold at this residence. Send the referral without a hold, or choose another residence.

## Issue 17: the state view (a state agency's network)
field-org = Organization
network-title = State network
network-explain-state = Organizations in your agency's network share their figures with you: counts of people served, never a person's record. An organization joins when its administrator and yours both confirm; either side may leave at any time.
network-explain-member = A state agency can see your organization's figures — counts of people served, never a person's record — only while you and the agency both confirm. Either side may leave at any time.
network-aggregates-only = Figures of fewer than 11 people are never shown.
network-none = No memberships or requests yet.
network-caption = Memberships and requests
network-organization = Organization
network-status = Status
network-actions = Actions
network-status-member = In the network (both confirmed)
network-status-asked-you = Asked you to confirm
network-status-awaiting = Waiting for the other side to confirm
network-confirm-button = Confirm { $name }
network-leave-button = Leave or withdraw: { $name }
network-ask-title = Ask an organization
network-ask-button = Ask to join
network-asked = Asked. The other side's administrator has to confirm.
network-joined = Confirmed: the membership is in force.
network-left = The membership has ended.
network-report-link = People served across the network
network-region-not-recorded = Region not recorded
report-network-title = People served across the network
report-network-explain = People served by each organization in your agency's network, each quarter of the state fiscal year, by organization and by region, and the whole network's trend. Only counts are shown; no person's record is shared.
report-network-trend = The network, quarter by quarter
report-network-trend-caption = People served by the whole network, new and continuing, by quarter
report-network-by-org = By organization
report-network-by-org-caption = People served by each organization, by quarter
report-network-all = All network organizations
report-network-by-region = By region
report-network-by-region-caption = People served by the organizations of each region, by quarter
report-region = Region
report-network-empty = No organization is in the network yet.
report-network-served-explain = People served: the different people who received at least one service from the organization in the quarter. Someone served by two organizations is counted by each.
report-network-members-explain = Only organizations whose administrator has confirmed the membership are counted; an organization that leaves is no longer shown.
home-network-detail = Figures shared between a state agency and the organizations in its network: counts only, never a person.
