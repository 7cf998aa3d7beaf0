// Peer services and their financing (issue 21): from a person's page, a coach records a service, checks it and
// sees what the payer would refuse before signing (no authorization number, the co-signature the payer requires),
// then signs it; a supervisor co-signs it from the same list, corrects it (a new version with its reason), sees
// the staff's credentials and, from the staff home, opens the month's report with its funder's file; the person sees the services they received in plain words, without billing codes.
// axe runs on every page visited, and nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, signIn, useServerAndBrowser } from '../lib/harness.js';

const TEST_TIMEOUT_MS = 180_000;
const h = useServerAndBrowser();

/** From the staff home to Alex Rivera's peer services, by links, as a coach or a supervisor would. */
async function openAlexsServices(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: 'Alex Rivera', exact: true }).first().click();
  await page.waitForURL(/\/persons\/[^/?#]+$/);
  await page.getByRole('link', { name: 'Peer services and billing', exact: true }).click();
  await page.waitForURL(/\/persons\/[^/]+\/service-events$/);
  await page.getByRole('heading', { level: 1, name: 'Peer services and billing', exact: true }).waitFor();
}

test('a coach checks a service before signing it, a supervisor co-signs it and reads the month', { timeout: TEST_TIMEOUT_MS }, async () => {
  const coach = await h.open();
  await signIn(coach, DEMO.coach);
  // The home reminds the coach that their certification expires soon (the demo's renewed one, in 25 days).
  await coach.goto('/staff');
  await coach.getByText(/^Your Recovery support specialist certification \(demo\) expires on \d{4}-\d{2}-\d{2}\./).waitFor();
  await openAlexsServices(coach);
  await expectNoAxeViolations(coach, 'a person\'s peer services');
  // The demo's month of services is listed, with the problems flagged on some of them.
  await coach.getByText('The staff member\'s credential had expired on that day.').first().waitFor();

  const date = await coach.getByLabel('Date', { exact: true }).inputValue();
  await coach.getByLabel('Start time', { exact: true }).fill('16:30');
  await coach.getByLabel('Minutes', { exact: true }).fill('45');
  await coach.getByLabel('Funding source', { exact: true }).selectOption({ label: 'Medicaid-like payer (demo)' });
  await coach.getByLabel('Modifiers', { exact: true }).fill('HF');
  await coach.getByLabel('A diagnosis is on file for this person', { exact: true }).check();
  await coach.getByRole('button', { name: 'Check', exact: true }).click();
  const check = coach.getByRole('status').filter({ hasText: 'What the funder would see' });
  await check.waitFor();
  await check.getByText('No authorization or voucher number.').waitFor();
  await check.getByText('A supervisor\'s co-signature is required.').waitFor();
  assert.match(await check.innerText(), /Units: 3 · \$54\.00/, '45 minutes are 3 units of 15 minutes at $18.00');
  await expectNoAxeViolations(coach, 'the check before signing');

  // The values typed are kept; with the authorization number, that problem is gone.
  assert.equal(await coach.getByLabel('Minutes', { exact: true }).inputValue(), '45');
  await coach.getByLabel('Authorization or voucher number', { exact: true }).fill('DEMO-PA-7731');
  await coach.getByRole('button', { name: 'Check', exact: true }).click();
  await check.getByText('A supervisor\'s co-signature is required.').waitFor();
  assert.ok(!(await check.innerText()).includes('No authorization'), 'the authorization number was given');
  await coach.getByRole('button', { name: 'Save and sign', exact: true }).click();
  await coach.getByRole('status').filter({ hasText: 'Saved.' }).first().waitFor();
  const mine = coach.locator('ul.goals > li').filter({ hasText: `${date} · Peer recovery support · 45 minutes` });
  await mine.getByText('A supervisor\'s co-signature is required.').waitFor();
  await expectNoAxeViolations(coach, 'the list after signing');
  h.assertNoOffsiteRequests();

  // The supervisor co-signs it from the same list, then opens the month from the staff home.
  const supervisor = await h.open();
  await signIn(supervisor, DEMO.supervisor);
  await supervisor.goto('/staff');
  await openAlexsServices(supervisor);
  const theirs = supervisor.locator('ul.goals > li').filter({ hasText: `${date} · Peer recovery support · 45 minutes` });
  await theirs.getByRole('button', { name: `Co-sign the service of ${date}`, exact: true }).click();
  await supervisor.getByRole('status').filter({ hasText: 'Co-signed.' }).first().waitFor();
  assert.ok(
    !(await theirs.innerText()).includes('co-signature is required'),
    'co-signed: the problem is gone',
  );
  await expectNoAxeViolations(supervisor, 'the list after co-signing');

  // A correction is a new version with its reason; the signed one is kept.
  await theirs.getByRole('link', { name: `Correct the service of ${date}`, exact: true }).click();
  await supervisor.getByRole('heading', { level: 1, name: 'Correct a signed service', exact: true }).waitFor();
  await expectNoAxeViolations(supervisor, 'the correction form');
  assert.equal(await supervisor.getByLabel('Minutes', { exact: true }).inputValue(), '45', 'filled with the signed values');
  await supervisor.getByRole('button', { name: 'Save the correction as a draft', exact: true }).click();
  await supervisor.getByRole('alert').getByText('Reason: This is required.').waitFor();
  await expectNoAxeViolations(supervisor, 'the correction form with its errors');
  await supervisor.getByLabel('Why it is corrected', { exact: true }).fill('It was a home visit');
  await supervisor.getByLabel('Place of service', { exact: true }).fill('12');
  await supervisor.getByRole('button', { name: 'Save the correction as a draft', exact: true }).click();
  await supervisor.getByRole('status').filter({ hasText: 'Correction saved.' }).first().waitFor();
  await supervisor.getByText('Correction, version 2: It was a home visit').waitFor();

  await supervisor.goto('/staff');
  await supervisor.getByRole('link', { name: 'Credentials and supervision', exact: true }).click();
  await supervisor.getByRole('heading', { level: 1, name: 'Credentials and supervision', exact: true }).waitFor();
  await expectNoAxeViolations(supervisor, '/financing/credentials');
  await supervisor.getByText(/Recovery support specialist certification \(demo\) \(DEMO-RSS-0417\).*expires soon/).first().waitFor();

  await supervisor.goto('/staff');
  await supervisor.getByRole('link', { name: 'Open the month\'s peer services', exact: true }).click();
  await supervisor.waitForURL(/\/financing$/);
  await supervisor.getByRole('heading', { level: 1, name: 'Peer services: units and dollars', exact: true }).waitFor();
  await expectNoAxeViolations(supervisor, '/financing');
  await supervisor.getByRole('cell', { name: 'Medicaid-like payer (demo)', exact: true }).first().waitFor();
  const funderLink = supervisor.getByRole('link', { name: 'Download the funder\'s report (CSV): Medicaid-like payer (demo)', exact: true });
  const href = await funderLink.getAttribute('href');
  assert.match(href ?? '', /^\/financing\/funder\.csv\?month=\d{4}-\d{2}&source=[0-9a-f-]{36}$/);
  const csv = await supervisor.request.get(href);
  assert.equal(csv.status(), 200);
  const body = await csv.text();
  assert.ok(!body.includes('Alex Rivera'), 'a funder\'s report names no one');
  assert.ok(body.split('\n').length > 2, 'the month\'s services are in it');
  h.assertNoOffsiteRequests();
});

test('the person sees the services they received, in plain words', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.person);
  await page.getByRole('link', { name: 'Services I received', exact: true }).click();
  await page.waitForURL(/\/me\/service-events$/);
  await page.getByRole('heading', { level: 1, name: 'Services I received', exact: true }).waitFor();
  await expectNoAxeViolations(page, '/me/service-events');
  await page.getByText(/· Peer recovery support · 45 minutes/).first().waitFor();
  const text = await page.locator('main').innerText();
  assert.ok(!text.includes('H0038') && !text.includes('Units') && !text.includes('co-signature'), 'no billing jargon');
  h.assertNoOffsiteRequests();
});

// Setting up financing (issue 21, second pass): an administrator adds a grant from the month's report (a bad
// profile first shows its errors), and a coach then chooses it on the service form.
test('an administrator adds a grant and a coach chooses it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const admin = await h.open();
  await signIn(admin, DEMO.admin);
  await admin.goto('/staff');
  await admin.getByRole('link', { name: 'Open the month\'s peer services', exact: true }).click();
  await admin.waitForURL(/\/financing$/);
  await admin.getByRole('link', { name: 'Funding sources and payer profiles', exact: true }).click();
  await admin.getByRole('heading', { level: 1, name: 'Funding sources and payer profiles', exact: true }).waitFor();
  await expectNoAxeViolations(admin, '/financing/funding');

  const profile = admin.getByRole('region', { name: 'Add a payer profile', exact: true });
  await profile.getByLabel('Minutes in a unit', { exact: true }).fill('0');
  await profile.getByRole('button', { name: 'Add the payer profile', exact: true }).click();
  await admin.getByRole('alert').getByText('Name: This is required.').waitFor();
  await admin.getByRole('alert').getByText('Minutes in a unit: This is outside the allowed range.').waitFor();
  await expectNoAxeViolations(admin, '/financing/funding with a form\'s errors');

  const today = new Date();
  const iso = (d) => d.toISOString().slice(0, 10);
  const source = admin.getByRole('region', { name: 'Add a funding source', exact: true });
  await source.getByLabel('Name', { exact: true }).fill('Community recovery grant (e2e)');
  await source.getByLabel('Kind', { exact: true }).selectOption({ label: 'Grant' });
  await source.getByLabel('Payer profile', { exact: true }).selectOption({ label: 'Foundation grant rules (demo)' });
  await source.getByLabel('First date', { exact: true }).fill(iso(new Date(today.getTime() - 60 * 86_400_000)));
  await source.getByLabel('Last date', { exact: true }).fill(iso(new Date(today.getTime() + 300 * 86_400_000)));
  await source.getByLabel('Budget counted in', { exact: true }).selectOption({ label: 'Dollars' });
  await source.getByLabel('Budget', { exact: true }).fill('25000');
  await source.getByRole('button', { name: 'Add the funding source', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Saved.' }).first().waitFor();
  await admin.getByRole('link', { name: 'Community recovery grant (e2e)', exact: true }).click();
  await admin.getByRole('heading', { level: 1, name: 'Edit a funding source', exact: true }).waitFor();
  await expectNoAxeViolations(admin, 'the funding source\'s form');
  assert.equal(await admin.getByLabel('Budget', { exact: true }).inputValue(), '25000.00');
  h.assertNoOffsiteRequests();

  const coach = await h.open();
  await signIn(coach, DEMO.coach);
  await coach.goto('/staff');
  await openAlexsServices(coach);
  await coach.getByLabel('Start time', { exact: true }).fill('07:00');
  await coach.getByLabel('Minutes', { exact: true }).fill('30');
  await coach.getByLabel('Funding source', { exact: true }).selectOption({ label: 'Community recovery grant (e2e)' });
  await coach.getByRole('button', { name: 'Check', exact: true }).click();
  const check = coach.getByRole('status').filter({ hasText: 'What the funder would see' });
  await check.waitFor();
  assert.match(await check.innerText(), /Units: 2 · /, '30 minutes are 2 units under the grant\'s profile');
  await expectNoAxeViolations(coach, 'the check against the new grant');
  await coach.getByRole('link', { name: 'Vouchers and their balances', exact: true }).click();
  await coach.getByRole('heading', { level: 1, name: 'Vouchers', exact: true }).waitFor();
  await expectNoAxeViolations(coach, 'a person\'s vouchers');
  h.assertNoOffsiteRequests();
});

// A service built on an encounter (issue 21, sixth pass): from the person's encounters, "record as a service"
// fills the form with the encounter's day and minutes; the coach names the plan goal it served, makes it a group
// service with another person of their caseload (the form keeps what was typed), checks and signs it; the list
// names the goal served.
test('a coach records an encounter as a group service toward a plan goal', { timeout: TEST_TIMEOUT_MS }, async () => {
  const coach = await h.open();
  await signIn(coach, DEMO.coach);
  await coach.goto('/staff');
  await coach.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await coach.getByRole('link', { name: 'Alex Rivera', exact: true }).first().click();
  await coach.waitForURL(/\/persons\/[^/?#]+$/);
  await coach.getByRole('link', { name: 'Encounters', exact: true }).click();
  const record = coach.getByRole('link', { name: /^Record the encounter of \d{4}-\d{2}-\d{2} as a service$/ }).first();
  const day = (await record.innerText()).match(/\d{4}-\d{2}-\d{2}/)?.[0];
  await record.click();
  await coach.getByRole('heading', { level: 1, name: 'Peer services and billing', exact: true }).waitFor();
  assert.equal(await coach.getByLabel('Date', { exact: true }).inputValue(), day, 'the encounter\'s day');
  const encounter = coach.getByLabel('Encounter', { exact: true });
  assert.match(await encounter.locator('option:checked').innerText(), new RegExp(`^${day} · `), 'the encounter chosen');
  await expectNoAxeViolations(coach, 'the service form filled from an encounter');

  const goal = coach.getByLabel('Plan goal', { exact: true });
  const goalText = (await goal.locator('option').nth(1).innerText()).trim();
  await goal.selectOption({ index: 1 });
  await coach.getByLabel('Start time', { exact: true }).fill('07:45');
  await coach.getByLabel('Minutes', { exact: true }).fill('35');
  await coach.getByLabel('Funding source', { exact: true }).selectOption({ label: 'Medicaid-like payer (demo)' });
  await coach.getByRole('button', { name: 'A group service? Name the others in the group', exact: true }).click();
  const others = coach.getByRole('group', { name: 'Others in this group', exact: true });
  await others.waitFor();
  assert.equal(await coach.getByLabel('Minutes', { exact: true }).inputValue(), '35', 'what was typed is kept');
  assert.equal((await goal.locator('option:checked').innerText()).trim(), goalText);
  await expectNoAxeViolations(coach, 'the group service\'s form');
  const other = others.getByRole('checkbox').first();
  const otherName = (await others.locator('label').first().innerText()).trim();
  await other.check();
  await coach.getByRole('button', { name: 'Check', exact: true }).click();
  const check = coach.getByRole('status').filter({ hasText: 'What the funder would see' });
  await check.waitFor();
  assert.match(await check.innerText(), /Units: \d+ · \$/);
  assert.ok(await coach.getByLabel(otherName, { exact: true }).isChecked(), 'the group is kept after the check');
  await coach.getByRole('button', { name: 'Save and sign', exact: true }).click();
  await coach.getByRole('status').filter({ hasText: 'Saved.' }).first().waitFor();
  const row = coach.locator('ul.goals > li').filter({ hasText: `${day} · Peer recovery support · 35 minutes` });
  await row.getByText(`Plan goal: ${goalText}`).waitFor();
  await expectNoAxeViolations(coach, 'the list with the service toward a goal');
  h.assertNoOffsiteRequests();
});
