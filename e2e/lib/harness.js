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
import { createHmac } from 'node:crypto';
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
 * Signs in through the login form as `who` (an email or username) and waits for a signed-in page. With
 * `checkLoginPage`, first checks /login answers 200 and passes axe.
 *
 * Accounts whose role requires two-factor sign-in (admin, supervisor and clinician by default — the demo keeps
 * that requirement) meet its pages here: the first time, the enrollment page, whose setup key this reads (as a
 * person typing it into an app would) and answers with a code computed like an authenticator app (`totpCode`);
 * afterwards, the second step, answered from the key remembered for that server and login. Each sign-in uses a
 * step not used before, as the server accepts each step once.
 */
export async function signIn(page, who, { password = DEMO_PASSWORD, checkLoginPage = false } = {}) {
  const response = await page.goto('/login');
  if (checkLoginPage) {
    assert.equal(response?.status(), 200, 'GET /login should return 200');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ state: 'visible' });
    await expectNoAxeViolations(page, '/login');
  }
  await page.locator('#login').fill(who);
  await page.locator('#password').fill(password);
  await page.locator('main form button[type=submit]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  const url = new URL(page.url());
  const key = `${url.origin} ${who.trim().toLowerCase()}`;
  if (url.pathname === '/login/enroll') {
    const authenticator = { secret: base32Decode(await page.locator('#two-factor-secret').innerText()), lastStep: -1 };
    await page.locator('#code').fill(await nextTotp(authenticator));
    await page.locator('main form button[type=submit]').click();
    await page.locator('.recovery-codes').waitFor({ state: 'visible' });
    authenticators.set(key, authenticator);
    await page.locator('main a.button').click();
  } else if (url.pathname === '/login/two-factor') {
    const authenticator = authenticators.get(key);
    assert.ok(authenticator, `${who} uses two-factor sign-in, but this test run never saw it enroll`);
    await page.locator('#code').fill(await nextTotp(authenticator));
    await page.locator('main form button[type=submit]').click();
  }
  await page.locator('form.sign-out button[type=submit]').waitFor({ state: 'visible' });
}

/** The authenticators the harness has set up, by "origin login": { secret: Buffer, lastStep }. */
const authenticators = new Map();

/** The setup key a test run enrolled for `who` on the page's server (for tests that type codes themselves). */
export function authenticatorOf(page, who) {
  return authenticators.get(`${new URL(page.url()).origin} ${who.trim().toLowerCase()}`);
}

/** Decodes RFC 4648 base32 (any case, spaces and padding ignored). */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.toUpperCase().replace(/[\s=]/g, '')) {
    const i = alphabet.indexOf(ch);
    if (i < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The RFC 6238 code (HMAC-SHA-1, 30-second steps) of `secret` for time step `step`, with `digits` digits. */
export function totpCode(secret, step, digits = 6) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** A code for a step this authenticator has not used yet (the current one or the next), waiting if need be. */
export async function nextTotp(authenticator) {
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, authenticator.lastStep + 1);
    if (step <= current + 1) {
      authenticator.lastStep = step;
      return totpCode(authenticator.secret, step);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
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
