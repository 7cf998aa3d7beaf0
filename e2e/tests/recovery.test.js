// Recovery end-to-end story: a coach invites Jordan Lee to his own portal;
// Jordan opens it with the code, adds a goal to his plan, sends a check-in
// saying he is not safe (and gets crisis help in the same response), takes the
// BARC-10 and sees his result and trend; the coach then sees the urgent item on
// the caseload and marks it handled; finally the person's pages are checked at
// phone width. axe runs on every page visited, and nothing may leave 127.0.0.1.
//
// The tests share state (the invitation code, Jordan's username) and run in
// order; a test whose prerequisite failed is skipped rather than failing again.

import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { test } from 'node:test';

import { eventually, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, assertPhoneLayout, escapeRegExp, signIn, signOut, useServerAndBrowser } from '../lib/harness.js';

const TEST_TIMEOUT_MS = 300_000;

const PERSON_NAME = 'Jordan Lee';
const PERSON_PASSWORD = 'maple river lantern orbit';
const GOAL_TEXT = 'Find a quiet place to live';
const GOAL_WHY = 'So I can sleep and think';
const GOAL_STEP = 'Call the housing program';
const UNSAFE_TEXT = 'Said they were not safe in a check-in';

// The ten BARC-10 statements, in order (Vilsaint et al., 2017).
const BARC10_STATEMENTS = [
  'There are more important things to me in life than using substances.',
  'In general I am happy with my life.',
  'I have enough energy to complete the tasks I set myself.',
  'I am proud of the community I live in and feel a part of it.',
  'I get lots of support from friends.',
  'I regard my life as challenging and fulfilling without the need for using drugs or alcohol.',
  'My living space has helped to drive my recovery journey.',
  'I take full responsibility for my actions.',
  'I am happy dealing with a range of professional people.',
  'I am making good progress on my recovery journey.',
];
const LIVING_SPACE = BARC10_STATEMENTS[6];

// Shared across the ordered tests below.
const story = {
  inviteCode: undefined, // set by step 1
  username: undefined, // set by step 2 once the account exists
  checkedInUnsafe: false, // set by step 4
};

const h = useServerAndBrowser();

/** Waits for the page's h1 with exactly this text. */
async function expectH1(page, name) {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ state: 'visible' });
}

/** Waits for a role=status element containing `text`. */
async function expectStatus(page, text) {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

/** Asserts the current path (ignoring query and hash) equals `path`. */
function assertPath(page, path) {
  const actual = new URL(page.url()).pathname;
  assert.equal(actual, path, `expected to be on ${path}, got ${page.url()}`);
}

/** Clicks a main-navigation link by its exact name and waits for `path`. */
async function clickNav(page, name, path) {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  await link.waitFor({ state: 'visible' });
  await link.click();
  await page.waitForURL((url) => url.pathname === path);
}

// ---------------------------------------------------------------------------
// 1. The coach creates a portal invitation for Jordan Lee.
// ---------------------------------------------------------------------------
test('coach invites Jordan Lee to his own portal', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open();

  await signIn(page, DEMO.coach, { checkLoginPage: true });
  assertPath(page, '/staff');
  await expectNoAxeViolations(page, '/staff');

  await clickNav(page, 'People', '/persons');
  await expectNoAxeViolations(page, '/persons');

  await page.getByRole('link', { name: PERSON_NAME, exact: true }).first().click();
  await page.waitForURL(/\/persons\/[^/?#]+$/);
  await expectH1(page, PERSON_NAME);
  const personPath = new URL(page.url()).pathname;

  // The "Recovery" part of the person's page.
  await page.getByRole('heading', { level: 2, name: 'Recovery', exact: true }).waitFor({ state: 'visible' });
  for (const name of ['Recovery plan', 'Recovery capital (BARC-10)', 'Check-ins']) {
    await page.getByRole('link', { name, exact: true }).waitFor({ state: 'visible' });
    assert.ok(
      (await page.locator('.card').getByRole('link', { name, exact: true }).count()) >= 1,
      `a card on ${personPath} links to "${name}"`,
    );
  }
  await page.getByRole('link', { name: 'Encounters', exact: true }).waitFor({ state: 'visible' });
  await expectNoAxeViolations(page, `${personPath} (coach)`);

  await page.getByRole('button', { name: 'Invite to their own portal', exact: true }).click();
  await expectH1(page, 'Portal invitation');

  const code = (await page.locator('.code').first().innerText()).trim();
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/, `invitation code looks like K7QH-3MWP, got "${code}"`);
  const linkPaths = await page.locator('code').allInnerTexts();
  assert.ok(
    linkPaths.some((t) => t.trim().startsWith('/invite/')),
    `a <code> holds a link path starting with /invite/, got ${JSON.stringify(linkPaths)}`,
  );
  await expectNoAxeViolations(page, 'Portal invitation');
  story.inviteCode = code;

  await signOut(page, { checkPage: true });

  h.assertNoOffsiteRequests();
});

// ---------------------------------------------------------------------------
// 2-5. Jordan opens his portal, adds a goal, checks in (not safe), takes the
//      BARC-10 and looks at his trend.
// ---------------------------------------------------------------------------
test(
  'Jordan opens his portal, adds a goal, gets crisis help from a check-in, takes the BARC-10',
  { timeout: TEST_TIMEOUT_MS },
  async (t) => {
    if (!story.inviteCode) {
      t.skip('no invitation code: the coach step failed');
      return;
    }
    const page = await h.open();
    const username = `jordan.e2e${randomInt(100_000, 1_000_000)}`;

    // --- 2. Accept the invitation. ---
    const inviteResponse = await page.goto('/invite');
    assert.equal(inviteResponse?.status(), 200, 'GET /invite should return 200');
    await page.getByLabel('Invitation code', { exact: true }).waitFor({ state: 'visible' });
    await expectNoAxeViolations(page, '/invite');

    await page.getByLabel('Invitation code', { exact: true }).fill(story.inviteCode);
    await page.getByLabel('Username', { exact: true }).fill(username);
    await page.getByLabel('Password', { exact: true }).fill(PERSON_PASSWORD);
    await page.getByLabel('Password again', { exact: true }).fill(PERSON_PASSWORD);
    await page.getByRole('button', { name: 'Open my portal', exact: true }).click();

    await page.waitForURL((url) => url.pathname === '/me');
    await expectH1(page, `Hello, ${PERSON_NAME}`);
    story.username = username;
    await expectNoAxeViolations(page, '/me');

    // --- 3. Add a goal in Home. ---
    await clickNav(page, 'My recovery plan', '/me/plan');
    await expectH1(page, 'My recovery plan');
    for (const name of ['Health', 'Home', 'Purpose', 'Community']) {
      await page.getByRole('heading', { level: 2, name, exact: true }).waitFor({ state: 'visible' });
    }
    await expectNoAxeViolations(page, '/me/plan');

    await page.getByRole('link', { name: 'Add a goal in Home', exact: true }).click();
    await expectH1(page, 'Add a goal in Home');
    await expectNoAxeViolations(page, `goal form (${new URL(page.url()).pathname})`);

    const goalField = page.getByLabel('Goal', { exact: true });
    assert.equal(
      await goalField.evaluate((el) => el.tagName.toLowerCase()),
      'textarea',
      'the "Goal" field is a textarea',
    );
    await goalField.fill(GOAL_TEXT);
    await page.getByLabel('Why it matters to me', { exact: true }).fill(GOAL_WHY);
    await page.getByLabel('Step 1', { exact: true }).fill(GOAL_STEP);
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await page.waitForURL((url) => url.pathname === '/me/plan');
    await expectStatus(page, 'Saved');
    const homeSection = page.getByRole('region', { name: 'Home', exact: true });
    await homeSection.getByText(GOAL_TEXT, { exact: true }).waitFor({ state: 'visible' });
    await expectNoAxeViolations(page, '/me/plan after adding a goal');

    // --- 4. Check in: not safe -> crisis help in the same response. ---
    await clickNav(page, 'Check in', '/me/checkin');
    await expectH1(page, 'Check in');
    await expectNoAxeViolations(page, '/me/checkin');

    await page.getByLabel('Low', { exact: true }).check();
    await page.getByLabel('How strong are cravings right now?', { exact: true }).selectOption('7');
    await page
      .getByRole('group', { name: 'Any use since your last check-in?' })
      .getByLabel('Yes', { exact: true })
      .check();
    await page.getByLabel('No, I am not safe', { exact: true }).check();

    const documentsBefore = h.session.requests.filter((r) => r.resourceType === 'document').length;
    const [postResponse] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.request().resourceType() === 'document',
      ),
      page.getByRole('button', { name: 'Send check-in', exact: true }).click(),
    ]);
    assert.equal(
      postResponse.status(),
      200,
      `the unsafe check-in POST should answer with the help page itself (200), got ${postResponse.status()}`,
    );
    await expectH1(page, "You don't have to face this alone");
    await page.waitForLoadState('load');
    const newDocuments = h.session.requests.filter((r) => r.resourceType === 'document').slice(documentsBefore);
    // The form posts to the check-in collection (POST /me/checkins); the help
    // page must be that response, not reached by a redirect or a second load.
    assert.deepEqual(
      newDocuments.map((r) => r.method),
      ['POST'],
      'the crisis page comes in the POST response itself, with no further navigation: ' +
        newDocuments.map((r) => `${r.method} ${new URL(r.url).pathname}`).join(', '),
    );
    story.checkedInUnsafe = true;

    const main = page.locator('main');
    for (const href of ['tel:988', 'sms:988', 'tel:911']) {
      await main.locator(`a[href="${href}"]`).first().waitFor({ state: 'visible' });
    }
    await expectStatus(page, 'let your coach know');
    await expectNoAxeViolations(page, 'crisis help after an unsafe check-in');

    // --- 5. BARC-10 from the portal. ---
    const barcResponse = await page.goto('/me/assessments/new');
    assert.equal(barcResponse?.status(), 200, 'GET /me/assessments/new should return 200');
    await expectH1(page, 'Recovery capital (BARC-10)');
    await expectNoAxeViolations(page, '/me/assessments/new');

    assert.equal(await page.locator('form fieldset').count(), 10, 'ten BARC-10 statements');
    for (const statement of BARC10_STATEMENTS) {
      const answer = statement === LIVING_SPACE ? 'Somewhat disagree' : 'Agree';
      await page
        .getByRole('group', { name: new RegExp(escapeRegExp(statement)) })
        .getByLabel(answer, { exact: true })
        .check();
    }
    await page.getByRole('button', { name: 'See my result', exact: true }).click();

    await expectH1(page, 'BARC-10 result');
    assert.equal((await page.locator('.score-number').first().innerText()).trim(), '48', 'total 9 × 5 + 3');
    await page.getByText('at or above 47').first().waitFor({ state: 'visible' });
    const livingCard = page.locator('.card').filter({ hasText: LIVING_SPACE });
    await livingCard.first().waitFor({ state: 'visible' });
    await livingCard
      .getByRole('link', { name: 'Add a goal in Home', exact: true })
      .first()
      .waitFor({ state: 'visible' });
    await expectNoAxeViolations(page, `BARC-10 result (${new URL(page.url()).pathname})`);

    const historyResponse = await page.goto('/me/assessments');
    assert.equal(historyResponse?.status(), 200, 'GET /me/assessments should return 200');
    await page.locator('svg[role="img"]').first().waitFor({ state: 'visible' });
    await page.getByRole('table', { name: 'BARC-10 totals by date' }).waitFor({ state: 'visible' });
    await expectNoAxeViolations(page, '/me/assessments');

    await signOut(page, { checkPage: true });

    h.assertNoOffsiteRequests();
  },
);

// ---------------------------------------------------------------------------
// 6. The coach sees the urgent item and marks it handled.
// ---------------------------------------------------------------------------
test('coach sees Jordan as urgent on the caseload and marks the item handled', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  if (!story.checkedInUnsafe) {
    t.skip('no unsafe check-in: the portal step failed');
    return;
  }
  const page = await h.open();

  await signIn(page, DEMO.coach, { checkLoginPage: true });
  await expectNoAxeViolations(page, new URL(page.url()).pathname);

  await clickNav(page, 'Caseload', '/caseload');
  await expectH1(page, 'Your caseload');
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: PERSON_NAME, exact: true }) });
  await row.first().waitFor({ state: 'visible' });
  assert.equal(await row.count(), 1, `one caseload row for ${PERSON_NAME}`);
  await row.getByText('Urgent', { exact: true }).first().waitFor({ state: 'visible' });
  await expectNoAxeViolations(page, '/caseload');

  await row.getByRole('link', { name: PERSON_NAME, exact: true }).click();
  await page.waitForURL(/\/persons\/[^/?#]+$/);
  await expectH1(page, PERSON_NAME);
  const personPath = new URL(page.url()).pathname;

  const attention = page.getByRole('region', { name: 'Needs attention', exact: true });
  await attention.waitFor({ state: 'visible' });
  const item = attention.getByRole('listitem').filter({ hasText: UNSAFE_TEXT });
  await item.first().waitFor({ state: 'visible' });
  await expectNoAxeViolations(page, `${personPath} with an attention item`);

  await item.first().getByRole('button', { name: 'Mark as handled', exact: true }).click();
  await expectStatus(page, 'Saved.');
  await expectH1(page, PERSON_NAME);
  await eventually(async () => {
    assert.equal(
      await page.getByText('Said they were not safe').count(),
      0,
      '"Said they were not safe" is gone after "Mark as handled"',
    );
  });
  await expectNoAxeViolations(page, `${new URL(page.url()).pathname} after marking handled`);

  h.assertNoOffsiteRequests();
});

// ---------------------------------------------------------------------------
// 7. Jordan's check-in and plan pages at phone width.
// ---------------------------------------------------------------------------
test("phone viewport (390x844): Jordan's check-in and plan pages", { timeout: TEST_TIMEOUT_MS }, async (t) => {
  if (!story.username) {
    t.skip('no portal account: the invitation step failed');
    return;
  }
  const page = await h.open(PHONE);

  await signIn(page, story.username, { password: PERSON_PASSWORD, checkLoginPage: true });
  assertPath(page, '/me');

  for (const [path, h1] of [
    ['/me/checkin', 'Check in'],
    ['/me/plan', 'My recovery plan'],
  ]) {
    const response = await page.goto(path);
    assert.equal(response?.status(), 200, `GET ${path} should return 200`);
    await expectH1(page, h1);
    await assertPhoneLayout(page, `${path} at 390x844`);
    await expectNoAxeViolations(page, `${path} at 390x844`);
  }

  h.assertNoOffsiteRequests();
});
