// Access line end-to-end story: an operator takes a call from a person in alcohol withdrawal, sees the suggested
// level of care with its reasons, holds a detox bed at the nearest program with a fresh count, requests a ride,
// and finds the ride at the top of the transport queue, above a residential ride requested 40 minutes earlier
// (the demo data's call in flight). axe runs on every page; nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

test('an operator goes from a call to a held detox bed and a ride at the top of the queue', { timeout: 120_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.accessLine);
  const started = Date.now();
  await page.getByRole('link', { name: 'Access line', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Access line' }).waitFor();
  await expectNoAxeViolations(page, '/access-line');

  await page.getByLabel('The person who needs help').check();
  await page.getByLabel('First name').fill('Ana');
  await page.getByLabel('Callback number').fill('860-555-0100');
  await page.getByLabel('Town or ZIP code').fill('06106');
  await page.getByLabel('Alcohol', { exact: true }).check();
  await page.getByLabel('Hours since last use').fill('10');
  await page.getByLabel(/Signs of withdrawal now/).check();
  // A mistyped number brings the form back with the problem named and every answer kept.
  await page.getByLabel('Callback number').fill('12');
  await page.getByRole('button', { name: 'Save the call and see the suggestion' }).click();
  await page.getByRole('alert').getByText(/Callback number/).waitFor();
  assert.equal(await page.getByLabel('First name').inputValue(), 'Ana');
  assert.ok(await page.getByLabel(/Signs of withdrawal now/).isChecked());
  await expectNoAxeViolations(page, '/access-line/calls (with an error)');
  await page.getByLabel('Callback number').fill('860-555-0100');
  await page.getByRole('button', { name: 'Save the call and see the suggestion' }).click();

  await page.getByRole('heading', { level: 2, name: /Suggested level of care: Medically monitored withdrawal management \(3\.7-WM\)/ }).waitFor();
  await page.getByText('Alcohol or sedative withdrawal signs').waitFor();
  await expectNoAxeViolations(page, '/access-line/calls/{id}');
  const first = page.getByRole('heading', { level: 3 }).first();
  assert.equal(await first.textContent(), 'Capitol Withdrawal Management (demo)', 'nearest fresh count first');
  await page.getByRole('button', { name: /^Hold a bed here\W+Capitol Withdrawal Management \(demo\)$/ }).click();
  await page.getByText('Saved.').waitFor();
  await page.getByText(/Capitol Withdrawal Management \(demo\) · Held until/).waitFor();

  await page.getByLabel('Pickup place').fill('12 Elm St, Hartford');
  assert.equal(await page.getByLabel('Destination').inputValue(), 'Capitol Withdrawal Management (demo)');
  await page.getByRole('button', { name: 'Request the ride' }).click();
  await page.getByText(/Capitol Withdrawal Management \(demo\) · Requested/).waitFor();

  await page.goto('/transport');
  await page.getByRole('heading', { level: 1, name: 'Transport queue' }).waitFor();
  const rides = await page.locator('ol.queue > li h2').allTextContents();
  assert.deepEqual(rides.slice(0, 2), [
    'Detox: Capitol Withdrawal Management (demo)',
    'Residential: Greater Hartford Residential (demo)',
  ]);
  await expectNoAxeViolations(page, '/transport');
  const seconds = (Date.now() - started) / 1000;
  await page.goto('/access-line/figures');
  await page.getByRole('heading', { level: 1, name: "The line's figures" }).waitFor();
  await page.getByRole('table').waitFor();
  await expectNoAxeViolations(page, '/access-line/figures');
  assert.ok(seconds < 120, `from the call to a held bed and a ride in ${seconds} s`);
  h.assertNoOffsiteRequests();
});
