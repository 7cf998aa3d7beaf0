// Recovery management check-ups and outreach (issue 5): a coach opens today's
// outreach queue, logs a failed call, opens the person's check-ups, records a
// check-up that finds a need for treatment, sees the linkage task and marks its
// first step, and finds the linkage item on the queue. axe runs on every page;
// the queue is checked at phone width; nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoHorizontalScroll, eventually, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, signIn, useServerAndBrowser } from '../lib/harness.js';

const TEST_TIMEOUT_MS = 300_000;

const h = useServerAndBrowser();

async function openQueue(page) {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outreach', exact: true });
  await link.click();
  await page.waitForURL((url) => url.pathname === '/outreach');
  await page.getByRole('heading', { level: 1, name: 'Outreach for today', exact: true }).waitFor();
}

test('a coach works today\'s outreach queue and a check-up that needs treatment', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.coach);
  await openQueue(page);

  // The rules run in the background as the server starts: wait for the first pass.
  const cards = page.locator('ol.outreach > li');
  await eventually(async () => {
    if ((await cards.count()) === 0) {
      await page.reload();
      assert.fail('the queue is still empty');
    }
  });
  await expectNoAxeViolations(page, '/outreach');

  // The urgent item comes first: the demo's unsafe check-in.
  const first = cards.first();
  const heading = (await first.getByRole('heading', { level: 2 }).innerText()).trim();
  assert.match(heading, /said they were not safe$/, `the most urgent item first, got "${heading}"`);
  const name = heading.split(':')[0].trim();

  // A failed call.
  await first.getByLabel('How you reached out').selectOption({ label: 'Phone call' });
  await first.getByLabel('What happened').selectOption({ label: 'No answer' });
  await first.getByRole('button', { name: 'Log attempt', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Attempt logged.' }).first().waitFor();
  await cards.first().getByText('1 attempt').waitFor();
  await expectNoAxeViolations(page, '/outreach after an attempt');

  // The person's check-ups.
  await cards.first().getByRole('link', { name, exact: true }).click();
  await page.waitForURL(/\/persons\/[^/]+\/checkups$/);
  await page.getByRole('heading', { level: 1, name: `Check-ups with ${name}`, exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Next check-up', exact: true }).waitFor();
  await expectNoAxeViolations(page, 'check-ups');

  await page.getByLabel('Days of alcohol use in the past 90 days').fill('20');
  await page.getByLabel('Days of other drug use in the past 90 days').fill('0');
  const answer = async (legend, choice) =>
    page.getByRole('group', { name: legend, exact: true }).getByLabel(choice, { exact: true }).check();
  await answer('Use weekly or more often since the last check-up', 'Yes');
  await answer('Says they need or want treatment', 'Yes');
  await answer('In treatment now', 'No');
  await page
    .getByRole('group', { name: 'Problems from substance use in the past month', exact: true })
    .getByLabel('Work or school', { exact: true })
    .check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'It shows a need for treatment' }).first().waitFor();
  await page.getByRole('heading', { level: 2, name: 'Getting into treatment', exact: true }).waitFor();
  const row = page.locator('table tbody tr').first();
  // The reasons, weekly use with the day counts that showed it (13 or more days in 90 counts as weekly).
  assert.match(
    await row.innerText(),
    /weekly use \(20 days of alcohol use and 0 days of other drug use in the past 90 days; 13 or more days counts as weekly\); problems in the past month; wants treatment/,
  );
  await expectNoAxeViolations(page, 'check-ups with a linkage task');

  await page.getByRole('button', { name: "Talked through the check-up's answers", exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
  const firstStep = (await page.locator('ol.steps > li').first().innerText()).trim();
  assert.match(firstStep, /^Talked through the check-up's answers: \d{4}-\d\d-\d\d \d\d:\d\d$/);
  await page.getByRole('button', { name: 'Made the appointment', exact: true }).waitFor();

  // Back on the queue: the linkage item for this person.
  await openQueue(page);
  await page.getByRole('heading', { level: 2, name: `${name}: needs help getting into treatment`, exact: true }).waitFor();
  await expectNoAxeViolations(page, '/outreach with the linkage item');

  // The program's figures: counts only.
  await page.getByRole('link', { name: 'Check-up and outreach figures', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Check-up and outreach figures', exact: true }).waitFor();
  const program = page.getByRole('row', { name: /^Whole program/ });
  await program.waitFor();
  await expectNoAxeViolations(page, '/outreach/figures');
  h.assertNoOffsiteRequests();
});

test('a supervisor changes the program settings', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.supervisor);
  await openQueue(page);
  await page.getByRole('link', { name: 'Check-up schedule and outreach rules', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Check-up schedule and outreach rules', exact: true }).waitFor();
  await expectNoAxeViolations(page, '/outreach/settings');
  await page.getByLabel('Days on each side of the due date a check-up counts as on time', { exact: true }).fill('90');
  await page.getByRole('button', { name: 'Save the settings', exact: true }).click();
  const problems = page.getByRole('alert');
  await problems.getByRole('link', { name: /^Days on each side/ }).waitFor();
  await expectNoAxeViolations(page, '/outreach/settings with a problem');
  await page.getByLabel('Days on each side of the due date a check-up counts as on time', { exact: true }).fill('21');
  await page.getByRole('button', { name: 'Save the settings', exact: true }).click();
  await page.getByText('Settings saved.', { exact: false }).waitFor();
  assert.equal(
    await page.getByLabel('Days on each side of the due date a check-up counts as on time', { exact: true }).inputValue(),
    '21',
  );
  h.assertNoOffsiteRequests();
});

test('a coach keeps a way to reach someone, given with consent', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.coach);
  await openQueue(page);
  await page.getByRole('link', { name: /^Ways to reach / }).first().click();
  await page.getByRole('heading', { level: 1, name: /^Ways to reach / }).waitFor();
  await expectNoAxeViolations(page, 'locator details');
  await page.getByLabel('Kind', { exact: true }).selectOption('contact_person');
  await page.getByLabel('How to reach', { exact: true }).fill('860-555-0199');
  await page.getByRole('button', { name: 'Add a way to reach', exact: true }).click();
  const problems = page.getByRole('alert');
  await problems.getByRole('link', { name: /^Consent/ }).waitFor();
  await expectNoAxeViolations(page, 'locator details with problems');
  await page.getByLabel("Contact person's name (for a contact person)", { exact: true }).fill('Rosa');
  await page.getByLabel('Relationship', { exact: true }).fill('aunt');
  await page.getByLabel('The person agreed that we may use this to reach them.', { exact: true }).check();
  await page.getByRole('button', { name: 'Add a way to reach', exact: true }).click();
  await page.getByText('Rosa (aunt)', { exact: false }).waitFor();
  h.assertNoOffsiteRequests();
});

test('the queue fits a phone', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open(PHONE);
  await signIn(page, DEMO.coach);
  await page.goto('/outreach');
  await page.getByRole('heading', { level: 1, name: 'Outreach for today', exact: true }).waitFor();
  await assertNoHorizontalScroll(page, '/outreach on a phone');
  await expectNoAxeViolations(page, '/outreach on a phone');
});
