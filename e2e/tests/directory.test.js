// Directory staff story: the directory editor signs in, adds a listing with the
// form (no JavaScript needed), sees it in the public finder, a visitor suggests
// a correction, and the editor finds it in the review queue and marks it fixed.
// axe runs on every page visited, and nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

test('an editor adds a listing, a visitor corrects it, the editor resolves it', { timeout: 180_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.directoryEditor);
  await page.getByRole('link', { name: 'Directory', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Community directory' }).waitFor();
  await expectNoAxeViolations(page, '/directory');

  await page.getByRole('link', { name: 'Add a listing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a listing' }).waitFor();
  await expectNoAxeViolations(page, '/directory/new');
  await page.getByLabel('Name', { exact: true }).fill('E2E Peer Support Center');
  await page.getByLabel('Organization', { exact: true }).fill('E2E Recovery Org');
  await page.getByLabel('Peer recovery coaching', { exact: true }).check();
  await page.getByLabel('Street address').fill('1 Main St');
  await page.getByLabel('Town or city').fill('Hartford');
  await page.getByLabel('ZIP code').fill('06103');
  await page.getByLabel('Day 1', { exact: true }).selectOption('3');
  await page.getByLabel('Starts 1', { exact: true }).fill('18:00');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'E2E Peer Support Center' }).waitFor();
  await expectNoAxeViolations(page, 'history');
  const listing = new URL(page.url()).pathname.split('/')[2];

  // A visitor (another browser context, not signed in) suggests a correction.
  const visitor = await h.openSession();
  await visitor.page.goto(`/find/${listing}`);
  await visitor.page.getByLabel('What should change?').fill('They moved to 2 Main St.');
  await visitor.page.getByRole('button', { name: 'Send', exact: true }).click();
  await visitor.page.getByText('The people who keep the directory will check it.').waitFor();
  await expectNoAxeViolations(visitor.page, 'listing after a correction');
  visitor.assertNoOffsiteRequests();

  await page.goto('/directory/corrections');
  await page.getByText('They moved to 2 Main St.').waitFor();
  await expectNoAxeViolations(page, '/directory/corrections');
  await page.getByRole('button', { name: 'Fixed', exact: true }).click();
  await page.getByText('No corrections are waiting.').waitFor();
  assert.equal(await page.getByText('They moved to 2 Main St.').count(), 0);
  h.assertNoOffsiteRequests();
});
