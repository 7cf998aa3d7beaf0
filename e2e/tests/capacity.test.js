// Capacity board end-to-end: on a phone, anyone (no sign-in) sees open treatment beds by level of care, detox
// first, with how fresh each count is; narrows it to detox near a ZIP code with the plain form; the page works
// in Spanish. The demo data holds programs of every level with counts of varied freshness and beds held for
// calls in flight. axe runs on every page visited, and nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoHorizontalScroll, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, SPANISH, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

test('on a phone, anyone sees open detox beds near them with how fresh each count is', { timeout: 90_000 }, async () => {
  const page = await h.open(PHONE);
  await page.goto('/');
  await page.getByRole('link', { name: 'Open beds' }).click();
  await page.getByRole('heading', { level: 1, name: 'Treatment beds open now' }).waitFor();
  await expectNoAxeViolations(page, '/capacity');
  await assertNoHorizontalScroll(page, '/capacity');

  // Detox comes first; a waitlist shows no open bed; an old count says so.
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  const firstLevel = headings.find((h) => h.includes('('));
  assert.match(firstLevel, /withdrawal management \(3\.2-WM\)/i);
  await page.getByText('Waitlist: 2, so no bed is shown open').first().waitFor();
  await page.getByText('This count may be out of date').first().waitFor();
  await page.getByRole('link', { name: /Call the access line/ }).waitFor();

  // Narrow to 3.7-WM near Hartford with open beds only, through the plain form.
  await page.getByLabel('Level of care').selectOption('3.7-WM');
  await page.getByLabel('Near (ZIP code or town)').fill('06106');
  await page.getByLabel('Only programs with a bed open').check();
  await page.getByRole('button', { name: 'Show beds' }).click();
  await page.waitForURL(/level=3\.7-WM/);
  const names = await page.getByRole('heading', { level: 3 }).allTextContents();
  assert.ok(names.length > 0, 'some program has a bed');
  assert.equal(names[0], 'Capitol Withdrawal Management (demo)', 'the nearest fresh count first');
  assert.ok(!names.includes('Elm City Detox (demo)'), 'a program with no bed open is left out');
  await page.getByText(/2 beds open/).first().waitFor(); // 3 open, 1 held for a call
  await expectNoAxeViolations(page, '/capacity (filtered)');
  h.assertNoOffsiteRequests();
});

test('the capacity board in Spanish', { timeout: 60_000 }, async () => {
  const page = await h.open(SPANISH);
  await page.goto('/capacity');
  await page.getByRole('heading', { level: 1, name: 'Camas de tratamiento disponibles ahora' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Manejo residencial de la abstinencia (3.2-WM)' }).waitFor();
  await expectNoAxeViolations(page, '/capacity (es)');
  h.assertNoOffsiteRequests();
});

test('on a phone, provider staff change a count with one tap and admit a held bed', { timeout: 90_000 }, async () => {
  const page = await h.open(PHONE);
  await signIn(page, DEMO.providerStaff);
  await page.getByRole('link', { name: 'Our beds', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: "Your programs' beds" }).waitFor();
  await expectNoAxeViolations(page, '/programs');
  await assertNoHorizontalScroll(page, '/programs');

  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Brass City Detox (demo)' }) });
  await card.getByText('Open beds: 4').waitFor();
  await card.getByRole('button', { name: 'One more open bed at Brass City Detox (demo)' }).click();
  await page.getByText('Saved.').waitFor();
  await card.getByText('Open beds: 5').waitFor();
  await card.getByText('Updated just now').waitFor();

  // The access line held a bed here for a call in flight: the person arrives and the bed is taken.
  await card.getByRole('button', { name: 'The person arrived' }).click();
  await card.getByText('Open beds: 4').waitFor();
  assert.equal(await card.getByRole('button', { name: 'The person arrived' }).count(), 0);
  await expectNoAxeViolations(page, '/programs (after changes)');
  h.assertNoOffsiteRequests();
});
