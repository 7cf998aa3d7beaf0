// Browser helpers: Debian's Chromium driven by playwright-core (no bundled
// browser is ever downloaded), a page that refuses and records every request
// leaving 127.0.0.1, and an axe-core accessibility check.

import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PATHWAYS_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Default time for a single Playwright action or wait (debug builds are slow). */
export const ACTION_TIMEOUT_MS = 30_000;

export const PHONE_VIEWPORT = { width: 390, height: 844 };

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** True for URLs the app is allowed to load: the local server, data: and about:. */
export function isAllowedURL(url) {
  return (
    url.startsWith('http://127.0.0.1:') || url.startsWith('data:') || url.startsWith('about:')
  );
}

/**
 * Opens a fresh context + page with `baseURL` set, so `page.goto('/login')`
 * works. Every request is recorded in `requests`; any request that does not
 * go to http://127.0.0.1: (data:/about: excepted) is aborted and recorded in
 * `offsiteRequests`, which the test must assert empty at the end
 * (see `assertNoOffsiteRequests`).
 *
 * `contextOptions` are passed to browser.newContext (e.g. { viewport }).
 */
export async function newPage(browser, baseURL, contextOptions = {}) {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    timezoneId: 'America/New_York',
    serviceWorkers: 'block',
    ...contextOptions,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);

  const requests = [];
  const offsiteRequests = [];
  const pageErrors = [];
  const consoleErrors = [];

  const noteOffsite = (url, how) => {
    if (!offsiteRequests.some((r) => r.url === url && r.how === how)) {
      offsiteRequests.push({ url, how });
    }
  };

  // Record every request made by any page of this context.
  context.on('request', (req) => {
    const url = req.url();
    requests.push({ method: req.method(), url, resourceType: req.resourceType() });
    if (!isAllowedURL(url)) noteOffsite(url, `${req.method()} ${req.resourceType()}`);
  });

  const page = await context.newPage();

  // Abort anything leaving the loopback server (fonts, analytics, CDNs, ...).
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (isAllowedURL(url)) return route.continue();
    noteOffsite(url, `${route.request().method()} ${route.request().resourceType()}`);
    return route.abort('blockedbyclient');
  });
  // WebSockets are not seen by page.route/'request'; record them too.
  page.on('websocket', (ws) => {
    const url = ws.url();
    if (!url.startsWith('ws://127.0.0.1:')) noteOffsite(url, 'websocket');
  });
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });

  return {
    context,
    page,
    requests,
    offsiteRequests,
    pageErrors,
    consoleErrors,
    assertNoOffsiteRequests() {
      assertNoOffsiteRequests(offsiteRequests);
    },
    close: () => context.close(),
  };
}

export function assertNoOffsiteRequests(offsiteRequests) {
  assert.deepEqual(
    offsiteRequests,
    [],
    `requests left 127.0.0.1:\n${offsiteRequests.map((r) => `  ${r.how} ${r.url}`).join('\n')}`,
  );
}

function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ');
          const summary = n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : '';
          return `      - ${target}${summary}`;
        })
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Runs axe (WCAG 2.0/2.1 A + AA) on the current page and fails on any violation. */
export async function expectNoAxeViolations(page, label = page.url()) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const { violations } = results;
  if (violations.length > 0) {
    const text = formatViolations(violations);
    process.stderr.write(`\naxe violations on ${label}:\n${text}\n`);
    assert.fail(`${violations.length} axe violation(s) on ${label}:\n${text}`);
  }
}

/**
 * Retries `fn` (which should throw/assert) until it passes or `timeout` ms
 * elapse; playwright-core has no web-first `expect`, so this fills the gap.
 */
export async function eventually(fn, { timeout = ACTION_TIMEOUT_MS, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** Page has no horizontal scroll (1 px slack for sub-pixel rounding). */
export async function assertNoHorizontalScroll(page, label = page.url()) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(
    scrollWidth <= clientWidth + 1,
    `horizontal scroll on ${label}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`,
  );
}
