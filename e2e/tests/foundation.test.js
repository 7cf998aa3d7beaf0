// Foundation end-to-end tests: crisis links, language switch, the coach's
// sign-in / add / edit person / sign-out flow, accessibility (axe) and the
// phone layout. One server and one browser for the whole file.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, test } from 'node:test';

import {
  PHONE_VIEWPORT,
  assertNoHorizontalScroll,
  eventually,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
} from '../lib/browser.js';
import { DEMO_COACH_EMAIL, DEMO_PASSWORD, startServer } from '../lib/server.js';

const TEST_TIMEOUT_MS = 180_000;

let server;
let browser;
let session; // the current test's { page, context, offsiteRequests, ... }

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

before(
  async () => {
    server = await startServer();
    browser = await launchBrowser();
  },
  { timeout: 120_000 },
);

after(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async (t) => {
  // t.passed exists on Node >= 20.12; if unknown, print the logs anyway.
  if (t.passed !== true) {
    if (session) {
      process.stderr.write(
        `\n[${t.name}] last URL: ${session.page.url()}\n` +
          (session.pageErrors.length ? `page errors:\n  ${session.pageErrors.join('\n  ')}\n` : '') +
          (session.consoleErrors.length
            ? `console errors:\n  ${session.consoleErrors.join('\n  ')}\n`
            : ''),
      );
    }
    server?.printLogs(`pathways server output after failed test "${t.name}"`);
  }
  await session?.close().catch(() => {});
  session = undefined;
});

async function open(contextOptions) {
  session = await newPage(browser, server.baseURL, contextOptions);
  return session.page;
}

/** Waits until at least one <a href="..."> with exactly this href is visible. */
async function expectLinkWithHref(page, href) {
  const link = page.locator(`a[href="${href}"]`).first();
  await link.waitFor({ state: 'visible' });
}

test('home page (English): one h1, crisis links, accessible, stays local', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await open();

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

  session.assertNoOffsiteRequests();
});

test('Spanish: the "Español" link switches the language', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await open();
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

  session.assertNoOffsiteRequests();
});

test('coach signs in, adds and edits a person, signs out', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await open();
  const preferredName = `Sam E2E ${randomBytes(4).toString('hex')}`;
  const nameRe = new RegExp(escapeRegExp(preferredName));

  // Sign in.
  await page.goto('/login');
  await page.getByLabel('Email or username', { exact: true }).fill(DEMO_COACH_EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

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
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page
    .getByRole('button', { name: 'Sign in', exact: true })
    .or(page.getByRole('link', { name: 'Sign in', exact: true }))
    .first()
    .waitFor({ state: 'visible' });

  // Signed out: /persons sends us to the login page.
  await page.goto('/persons');
  assert.ok(page.url().includes('/login'), `after sign-out /persons should land on /login, got ${page.url()}`);

  session.assertNoOffsiteRequests();
});

test('phone viewport (390x844): no horizontal scroll', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await open({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true });

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

  session.assertNoOffsiteRequests();
});

async function assertPhoneLayout(page, label) {
  // With isMobile, a page without <meta name="viewport" content="width=device-width">
  // is laid out 980 px wide and merely zoomed out, which would hide overflow.
  const clientWidth = await page.evaluate(() => document.documentElement.clientWidth);
  assert.ok(
    clientWidth <= PHONE_VIEWPORT.width + 1,
    `${label}: layout viewport is ${clientWidth}px wide; is <meta name="viewport" content="width=device-width, initial-scale=1"> missing?`,
  );
  await assertNoHorizontalScroll(page, label);
}
