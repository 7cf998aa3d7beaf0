// Outcomes end-to-end (issue 17): a coach makes a one-time survey code; a person answers the perception-of-care
// survey on a shared tablet (a phone-sized screen, no account) with it, and the code then no longer works; a
// supervisor opens the perception report (one response: fewer than 11, so nothing is shown but "fewer than 11");
// the demo state agency's account sees its network's people-served figures and its network page. axe runs on every
// page visited, and nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoHorizontalScroll, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

test('a person answers the survey on a tablet with a one-time code, and a supervisor opens the report', { timeout: 120_000 }, async () => {
  const staff = await h.open(PHONE);
  await signIn(staff, DEMO.coach);
  await staff.goto('/perception/codes');
  await staff.getByRole('heading', { level: 1, name: 'Survey codes for a tablet' }).waitFor();
  await expectNoAxeViolations(staff, '/perception/codes');
  await staff.getByRole('button', { name: 'Make a code' }).click();
  const code = (await staff.locator('#survey-code').innerText()).trim();
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expectNoAxeViolations(staff, '/perception/codes (a code made)');

  const tablet = await h.open(PHONE);
  await tablet.goto('/survey');
  await tablet.getByRole('heading', { level: 1, name: 'Answer our survey' }).waitFor();
  await expectNoAxeViolations(tablet, '/survey');
  await assertNoHorizontalScroll(tablet, '/survey');
  await tablet.getByLabel('Code').fill(code.toLowerCase());
  await tablet.getByRole('button', { name: 'Start' }).click();
  await tablet.getByRole('heading', { level: 1, name: 'Tell us about the help you get' }).waitFor();
  await expectNoAxeViolations(tablet, '/survey (the questions)');
  await assertNoHorizontalScroll(tablet, '/survey (the questions)');
  await tablet.getByRole('group', { name: 'Staff treated me with respect.' }).getByLabel('Strongly agree').check();
  await tablet.getByRole('group', { name: 'I know where to turn if I am in a crisis.' }).getByLabel('Agree', { exact: true }).check();
  await tablet.getByLabel('Anything else you want to tell us?').fill('Casey listened to me.');
  await tablet.getByRole('button', { name: 'Send my answers' }).click();
  await tablet.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
  await expectNoAxeViolations(tablet, '/survey (thanks)');

  // The code worked once.
  await tablet.goto('/survey');
  await tablet.getByLabel('Code').fill(code);
  await tablet.getByRole('button', { name: 'Start' }).click();
  await tablet.getByText(/This code can't be used/).waitFor();
  await expectNoAxeViolations(tablet, '/survey (a used code)');

  const supervisor = await h.open(PHONE);
  await signIn(supervisor, DEMO.supervisor);
  await supervisor.goto('/reports/perception');
  await supervisor.getByRole('heading', { level: 1, name: 'What people say about the help' }).waitFor();
  await expectNoAxeViolations(supervisor, '/reports/perception');
  await supervisor.getByText('Comments are shown once at least 11 people have answered this year.').waitFor();
  assert.ok(!(await supervisor.content()).includes('Casey listened'), 'one response is never shown');
  await supervisor.goto('/reports/outcome-change');
  await supervisor.getByRole('heading', { level: 1, name: 'Outcome change' }).waitFor();
  await expectNoAxeViolations(supervisor, '/reports/outcome-change');
  await assertNoHorizontalScroll(supervisor, '/reports/outcome-change');
  h.assertNoOffsiteRequests();
});

test('the state agency sees its network side by side, and never a person', { timeout: 90_000 }, async () => {
  const page = await h.open();
  await signIn(page, 'state@demo.pathways.test');
  await page.goto('/reports/network/people-served');
  await page.getByRole('heading', { level: 1, name: 'People served across the network' }).waitFor();
  await page.getByRole('cell', { name: 'Demo Recovery Community Center' }).or(page.getByRole('rowheader', { name: 'Demo Recovery Community Center' })).first().waitFor();
  await page.getByRole('rowheader', { name: 'North Central' }).waitFor();
  await expectNoAxeViolations(page, '/reports/network/people-served');
  await page.goto('/reports/network/follow-up');
  await page.getByRole('heading', { level: 1, name: 'Follow-up rate across the network' }).waitFor();
  await expectNoAxeViolations(page, '/reports/network/follow-up');
  // The network's outcome change: the chart and table of the whole network, then one outcome by organization,
  // chosen with the form (no script): 12 months, stable housing.
  await page.goto('/reports/network/outcome-change');
  await page.getByRole('heading', { level: 1, name: 'Outcome change across the network' }).waitFor();
  await expectNoAxeViolations(page, '/reports/network/outcome-change');
  await page.getByLabel('Follow-up', { exact: true }).selectOption('12');
  await page.getByLabel('Outcome to show by organization').selectOption('stable_housing');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/months=12&indicator=stable_housing/);
  await page.getByRole('table', { name: /^Stable housing: at baseline and at 12 months, by organization/ }).waitFor();
  await page.getByRole('rowheader', { name: 'Demo Recovery Community Center' }).waitFor();
  await expectNoAxeViolations(page, '/reports/network/outcome-change (12 months, stable housing)');
  await page.goto('/network');
  await page.getByRole('heading', { level: 1, name: 'State network' }).waitFor();
  await expectNoAxeViolations(page, '/network');
  await page.goto('/persons');
  assert.ok(!(await page.content()).includes('Alex Rivera'), "no network organization's person is listed");
  h.assertNoOffsiteRequests();
});
