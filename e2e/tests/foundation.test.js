// Foundation end-to-end tests: crisis links, language switch, the coach's
// sign-in / add / edit person / sign-out flow, accessibility (axe) and the
// phone layout. One server and one browser for the whole file.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';

import { eventually, expectNoAxeViolations } from '../lib/browser.js';
import {
  DEMO,
  PHONE,
  assertPhoneLayout,
  escapeRegExp,
  expectLinkWithHref,
  signIn,
  signOut,
  useServerAndBrowser,
} from '../lib/harness.js';

const TEST_TIMEOUT_MS = 180_000;


const h = useServerAndBrowser();

test('home page (English): one h1, crisis links, accessible, stays local', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open();

  const response = await page.goto('/');
  assert.equal(response?.status(), 200, 'GET / should return 200');

  const lang = await page.locator('html').getAttribute('lang');
  assert.match(lang ?? '', /^en\b/, `html[lang] should be English, got ${lang}`);

  await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'exactly one h1 on /');
  assert.equal(await page.locator('h1').count(), 1, 'exactly one <h1> element on /');

  await expectLinkWithHref(page, 'tel:988');
  await expectLinkWithHref(page, 'sms:988');
  // Connecticut DMHAS Access Line.
  await expectLinkWithHref(page, 'tel:+18005634086');

  await expectNoAxeViolations(page, '/');

  const loginResponse = await page.goto('/login');
  assert.equal(loginResponse?.status(), 200, 'GET /login should return 200');
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ state: 'visible' });
  await expectNoAxeViolations(page, '/login');

  h.assertNoOffsiteRequests();
});

test('"What is recovery?": reached from the home page, accessible, in both languages, at phone width', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open(PHONE);
  await page.goto('/');
  await page.getByRole('link', { name: 'What is recovery?' }).first().click();
  await page.waitForURL(/\/recovery$/);
  await page.getByRole('heading', { level: 1, name: 'What is recovery?' }).waitFor({ state: 'visible' });
  // The definitions in their sources' words, the principles, the dimensions and pathways linked to the finder.
  await page.getByText('a meaningful life and a positive sense of belonging in their community', { exact: false }).waitFor();
  await page.getByText('live a self-directed life', { exact: false }).waitFor();
  assert.equal(await page.locator('a[href="/find?pathway=self-management"]').count(), 1);
  assert.equal(await page.locator('a[href="/find?category=recovery-residences"]').count(), 1);
  await expectLinkWithHref(page, 'tel:988');
  await assertPhoneLayout(page, '/recovery');
  await expectNoAxeViolations(page, '/recovery');

  // The pathway's link finds help that matches it.
  await page.locator('a[href="/find?pathway=self-management"]').click();
  await page.waitForURL(/\/find\?pathway=self-management/);

  await page.goto('/lang/es?next=/recovery');
  await page.getByRole('heading', { level: 1, name: '¿Qué es la recuperación?' }).waitFor({ state: 'visible' });
  await expectNoAxeViolations(page, '/recovery (es)');
  h.assertNoOffsiteRequests();
});

test('Spanish: the "Español" link switches the language', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open();
  await page.goto('/');

  const espanol = page.getByRole('link', { name: 'Español', exact: true });
  await espanol.waitFor({ state: 'visible' });
  assert.equal(await espanol.getAttribute('lang'), 'es', 'the "Español" link should have lang="es"');

  await espanol.click();
  await page.locator('html[lang="es"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('load');
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');

  await expectLinkWithHref(page, 'tel:988');
  await expectNoAxeViolations(page, '/ (es)');

  h.assertNoOffsiteRequests();
});

test('coach signs in, adds and edits a person, signs out', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open();
  const preferredName = `Sam E2E ${randomBytes(4).toString('hex')}`;
  const nameRe = new RegExp(escapeRegExp(preferredName));

  // Sign in.
  await signIn(page, DEMO.coach);

  // People list.
  const peopleLink = page.getByRole('link', { name: 'People', exact: true });
  await peopleLink.waitFor({ state: 'visible' });
  await peopleLink.click();
  await page.waitForURL(/\/persons(?:[/?#]|$)/);

  // Add a person.
  await page.getByRole('link', { name: 'Add a person', exact: true }).click();
  await page.getByLabel('Preferred name', { exact: true }).fill(preferredName);
  await page.getByLabel('Pronouns', { exact: true }).fill('they/them');
  await page.getByLabel('Date of birth', { exact: true }).fill('1990-04-12');
  await page.getByLabel('Phone', { exact: true }).fill('860-555-0142');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  // The person's page: h1 with the name and a "Saved" status message.
  await page.getByRole('heading', { level: 1, name: nameRe }).waitFor({ state: 'visible' });
  await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor({ state: 'visible' });
  await expectNoAxeViolations(page, 'person page after create');

  // Edit pronouns.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  const pronouns = page.getByLabel('Pronouns', { exact: true });
  await pronouns.waitFor({ state: 'visible' });
  assert.equal(await pronouns.inputValue(), 'they/them', 'edit form is pre-filled');
  await pronouns.fill('she/her');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: nameRe }).waitFor({ state: 'visible' });
  await page.getByText('she/her').first().waitFor({ state: 'visible' });

  // Listed on /persons.
  await page.goto('/persons');
  await eventually(async () => {
    assert.ok((await page.getByText(preferredName).count()) >= 1, `${preferredName} listed on /persons`);
  });
  await page.getByText(preferredName).first().waitFor({ state: 'visible' });
  await expectNoAxeViolations(page, '/persons');

  // Sign out.
  await signOut(page);

  // Signed out: /persons sends us to the login page.
  await page.goto('/persons');
  assert.ok(page.url().includes('/login'), `after sign-out /persons should land on /login, got ${page.url()}`);

  h.assertNoOffsiteRequests();
});

test('phone viewport (390x844): no horizontal scroll', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open(PHONE);

  for (const path of ['/', '/login']) {
    const response = await page.goto(path);
    assert.equal(response?.status(), 200, `GET ${path} should return 200`);
    await assertPhoneLayout(page, `${path} at 390x844`);
  }

  // Spanish strings are longer; check the switched pages too.
  await page.goto('/');
  await page.getByRole('link', { name: 'Español', exact: true }).click();
  await page.locator('html[lang="es"]').waitFor({ state: 'attached' });
  await page.waitForLoadState('load');
  await assertPhoneLayout(page, '/ (es) at 390x844');
  await page.goto('/login');
  await assertPhoneLayout(page, '/login (es) at 390x844');

  h.assertNoOffsiteRequests();
});
