// The one harness every browser test file uses:
//
//   const h = useServerAndBrowser();
//   test('…', async () => {
//     const page = await h.open();          // a fresh context + page, closed after the test
//     await signIn(page, DEMO.coach);
//     …
//     h.assertNoOffsiteRequests();          // every page this test opened stayed on 127.0.0.1
//   });
//
// `useServerAndBrowser()` registers the file's hooks: before all tests it starts the built `pathways` binary
// with SQLite demo data on a free port (lib/server.js) and launches Debian's Chromium (lib/browser.js); after
// each test it closes the pages the test opened (printing their last URL, page errors, console errors and the
// server's output when the test failed); after all tests it closes the browser and stops the server.

import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';

import { PHONE_VIEWPORT, assertNoHorizontalScroll, expectNoAxeViolations, launchBrowser, newPage } from './browser.js';
import { DEMO_COACH_EMAIL, DEMO_PASSWORD, startServer } from './server.js';

/** Context options for a phone (390x844, touch). */
export const PHONE = { viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true };

/** Context options for a browser that asks for Spanish. */
export const SPANISH = { locale: 'es-US', extraHTTPHeaders: { 'Accept-Language': 'es' } };

/** The demo data's sign-ins (all with DEMO_PASSWORD). */
export const DEMO = {
  coach: DEMO_COACH_EMAIL,
  supervisor: 'supervisor@demo.pathways.test',
  accessLine: 'access_line@demo.pathways.test',
  providerStaff: 'provider_staff@demo.pathways.test',
  directoryEditor: 'directory_editor@demo.pathways.test',
  admin: 'admin@demo.pathways.test',
  clinician: 'clinician@demo.pathways.test',
  analyst: 'analyst@demo.pathways.test',
  /** An administrator of another provider. */
  otherProviderAdmin: 'admin@other.demo.pathways.test',
  /** A person with a portal account. */
  person: 'alex.rivera',
};

/**
 * Registers the file's before/after/afterEach hooks and returns the harness: `server`, `browser` (set once the
 * file's `before` ran), `open(contextOptions)` → a fresh page, `openSession(contextOptions)` → its whole session
 * (requests, errors; see newPage), `session` (the test's first session), `assertNoOffsiteRequests()`.
 *
 * `setup(h)` runs after the server and the browser are up (e.g. to import data with the CLI).
 */
export function useServerAndBrowser({ setup, timeout = 120_000 } = {}) {
  const sessions = [];
  const h = {
    server: undefined,
    browser: undefined,
    /** The sessions the current test opened, first first. */
    sessions,
    get session() {
      return sessions[0];
    },
    async openSession(contextOptions) {
      const s = await newPage(h.browser, h.server.baseURL, contextOptions);
      sessions.push(s);
      return s;
    },
    async open(contextOptions) {
      return (await h.openSession(contextOptions)).page;
    },
    /** Fails when any page the current test opened made a request that left 127.0.0.1. */
    assertNoOffsiteRequests() {
      for (const s of sessions) s.assertNoOffsiteRequests();
    },
  };

  before(
    async () => {
      h.server = await startServer();
      h.browser = await launchBrowser();
      if (setup) await setup(h);
    },
    { timeout },
  );

  after(async () => {
    await h.browser?.close();
    await h.server?.stop();
  });

  afterEach(async (t) => {
    // t.passed exists on Node >= 20.12; if unknown, print the logs anyway.
    if (t.passed !== true) {
      for (const s of sessions) {
        process.stderr.write(
          `\n[${t.name}] last URL: ${s.page.url()}\n` +
            (s.pageErrors.length ? `page errors:\n  ${s.pageErrors.join('\n  ')}\n` : '') +
            (s.consoleErrors.length ? `console errors:\n  ${s.consoleErrors.join('\n  ')}\n` : ''),
        );
      }
      h.server?.printLogs(`pathways server output after failed test "${t.name}"`);
    }
    for (const s of sessions.splice(0)) await s.close().catch(() => {});
  });

  return h;
}

/**
 * Signs `who` (an email or username, e.g. DEMO.coach) in at /login and waits until the browser has left
 * /login, signed in (a "Sign out" button shows). With `checkLoginPage`, first asserts that /login answers 200 and passes axe.
 */
export async function signIn(page, who, { password = DEMO_PASSWORD, checkLoginPage = false } = {}) {
  const response = await page.goto('/login');
  if (checkLoginPage) {
    assert.equal(response?.status(), 200, 'GET /login should return 200');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ state: 'visible' });
    await expectNoAxeViolations(page, '/login');
  }
  await page.getByLabel('Email or username', { exact: true }).fill(who);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor({ state: 'visible' });
}

/**
 * Clicks "Sign out" and waits for a signed-out page (one offering "Sign in"). With `checkPage`, then checks that
 * page with axe.
 */
export async function signOut(page, { checkPage = false } = {}) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page
    .getByRole('button', { name: 'Sign in', exact: true })
    .or(page.getByRole('link', { name: 'Sign in', exact: true }))
    .first()
    .waitFor({ state: 'visible' });
  if (checkPage) {
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page, `${new URL(page.url()).pathname} after sign-out`);
  }
}

/** Waits until at least one <a href="..."> with exactly this href is visible. */
export async function expectLinkWithHref(page, href) {
  await page.locator(`a[href="${href}"]`).first().waitFor({ state: 'visible' });
}

/** The page is laid out at phone width (it has a viewport meta tag) and does not scroll sideways. */
export async function assertPhoneLayout(page, label) {
  // With isMobile, a page without <meta name="viewport" content="width=device-width">
  // is laid out 980 px wide and merely zoomed out, which would hide overflow.
  const clientWidth = await page.evaluate(() => document.documentElement.clientWidth);
  assert.ok(
    clientWidth <= PHONE_VIEWPORT.width + 1,
    `${label}: layout viewport is ${clientWidth}px wide; is <meta name="viewport" content="width=device-width, initial-scale=1"> missing?`,
  );
  await assertNoHorizontalScroll(page, label);
}

export const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
