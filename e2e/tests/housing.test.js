// Recovery housing end-to-end (issue 19): on a phone, anyone (no sign-in) sees certified recovery residences
// with beds, each with its NARR level (said to be a kind of support, not a rank), its certification and the date
// of its last report; the expired certificate is not listed; the plain filters work; the page works in Spanish.
// The operator (provider staff of the demo organization) reports beds with one tap on a phone, sees the
// reminders and flags, and the public board shows the change. axe runs on every page visited, and nothing may
// leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoHorizontalScroll, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, SPANISH, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

test('on a phone, anyone sees certified recovery residences with beds and filters them', { timeout: 90_000 }, async () => {
  const page = await h.open(PHONE);
  await page.goto('/');
  await page.getByRole('link', { name: 'Recovery housing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Recovery housing with beds' }).waitFor();
  await expectNoAxeViolations(page, '/housing');
  await assertNoHorizontalScroll(page, '/housing');
  await page.getByText(/They are not a ranking/).waitFor();

  const names = await page.getByRole('heading', { level: 3 }).allTextContents();
  assert.ok(names.includes('Maple Street House (demo)'));
  assert.ok(!names.includes('Seaside House (demo)'), 'its certificate expired: not listed');
  await page.getByText('This report is more than a week old').first().waitFor(); // Rainbow Bridge, 12 days
  await page.getByText(/Certified by Connecticut Alliance of Recovery Residences/).first().waitFor();

  await page.getByLabel('For', { exact: true }).selectOption('lgbtq');
  await page.getByLabel(/Accepts people on medications/).check();
  await page.getByRole('button', { name: 'Show residences' }).click();
  await page.waitForURL(/population=lgbtq/);
  const lgbtq = await page.getByRole('heading', { level: 3 }).allTextContents();
  assert.deepEqual(lgbtq.sort(), ['Elm City Young Adult House (demo)', 'Rainbow Bridge House (demo)']);
  await expectNoAxeViolations(page, '/housing (filtered)');
  h.assertNoOffsiteRequests();
});

test('the housing board in Spanish', { timeout: 60_000 }, async () => {
  const page = await h.open(SPANISH);
  await page.goto('/housing');
  await page.getByRole('heading', { level: 1, name: 'Vivienda de recuperación con camas' }).waitFor();
  await page.getByText(/No son una clasificación/).waitFor();
  await expectNoAxeViolations(page, '/housing (es)');
  h.assertNoOffsiteRequests();
});

test('on a phone, the operator reports beds with one tap and the board shows it', { timeout: 90_000 }, async () => {
  const page = await h.open(PHONE);
  await signIn(page, DEMO.providerStaff);
  await page.getByText(/bed reports? (is|are) due/).first().waitFor(); // the home's reminder
  await page.getByRole('link', { name: 'Our residences', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Our residences' }).waitFor();
  await expectNoAxeViolations(page, '/residences');
  await assertNoHorizontalScroll(page, '/residences');
  await page.getByText(/Hidden from the public board: the certificate expired/).waitFor();
  await page.getByText(/Fewer than two naloxone doses on site/).waitFor();

  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Brass City House (demo)' }) });
  await card.getByText('Beds open: 1').waitFor();
  await card.getByRole('button', { name: 'One more bed open at Brass City House (demo)' }).click();
  await page.getByText('Bed report saved.').waitFor();
  await card.getByText('Beds open: 2').waitFor();
  await expectNoAxeViolations(page, '/residences (after the report)');

  await page.goto('/housing?town=Waterbury');
  const brass = page.locator('li', { has: page.getByRole('heading', { name: 'Brass City House (demo)' }) });
  await brass.getByText('2 beds open').waitFor();
  h.assertNoOffsiteRequests();
});
