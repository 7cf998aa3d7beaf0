// A crawl of every page a caller can reach (issue 15, items 3 and 7): from the caller's home, follow every
// same-origin link (GET only), visiting each page *shape* once — ids in a path are the same shape — and on each
// page check that it answers, that axe (WCAG 2.1 AA) finds nothing, and that no message is missing its
// translation; then read the same pages in Spanish for missing translations.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectNoAxeViolations } from './browser.js';
import { DEMO, signIn } from './harness.js';

/** Links a crawl does not follow: signing out, switching language, dial and text links, files, the JSON API. */
function followable(url, origin) {
  if (url.origin !== origin) return false;
  const p = url.pathname;
  return !(p === '/logout' || p.startsWith('/lang/') || p.startsWith('/static/') || p.startsWith('/api/')
    || p.endsWith('.json') || p.endsWith('.csv') || p.endsWith('.ics') || p.endsWith('/scan'));
}

/** A page's shape: its path with ids (UUIDs, numbers) replaced, so a list of 500 persons is one page to check. */
export function shapeOf(url) {
  return url.pathname
    .split('/')
    .map((s) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) ? '{id}' : /^\d+$/.test(s) ? '{n}' : s))
    .join('/');
}

/**
 * Crawls from `start` as the page's signed-in caller (or nobody), up to `limit` page shapes. Returns the URLs
 * visited. `label` names the caller in failures.
 */
export async function crawl(page, { start, label, limit = 45 }) {
  const origin = new URL(page.url() === 'about:blank' ? start : page.url()).origin;
  const queue = [new URL(start, origin).href];
  const seen = new Set();
  const visited = [];
  const problems = [];
  while (queue.length > 0 && visited.length < limit) {
    const href = queue.shift();
    const url = new URL(href);
    const shape = shapeOf(url);
    if (seen.has(shape)) continue;
    seen.add(shape);
    const response = await page.goto(href);
    const status = response?.status() ?? 0;
    visited.push(href);
    if (status >= 400) {
      problems.push(`${label}: ${url.pathname}${url.search} answers ${status}`);
      continue;
    }
    await page.waitForLoadState('load');
    const text = await page.locator('body').innerText();
    if (text.includes('Unknown localization')) problems.push(`${label}: ${url.pathname} shows an untranslated message`);
    try {
      await expectNoAxeViolations(page, `${label}: ${url.pathname}`);
    } catch (e) {
      problems.push(String(e.message ?? e));
    }
    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
    for (const link of links) {
      const next = new URL(link);
      next.hash = '';
      if (followable(next, origin) && !seen.has(shapeOf(next))) queue.push(next.href);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  return visited;
}

/** Reads the pages again in Spanish: no message may be missing its translation. */
export async function readInSpanish(page, urls, label) {
  const first = new URL(urls[0]);
  await page.goto(`/lang/es?next=${encodeURIComponent(first.pathname)}`);
  const problems = [];
  for (const href of urls) {
    const response = await page.goto(href);
    if ((response?.status() ?? 0) >= 400) continue;
    const text = await page.locator('body').innerText();
    if (text.includes('Unknown localization')) problems.push(`${label} (es): ${new URL(href).pathname}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
}

/**
 * Registers one test that crawls as `who` (a key of DEMO, or null for nobody signed in) from `start`, then reads
 * the same pages in Spanish.
 */
export function crawlTest(h, who, { start = '/staff', atLeast = 3 } = {}) {
  const label = who ?? 'nobody signed in';
  test(`crawl: ${label}`, { timeout: 300_000 }, async () => {
    const page = await h.open();
    if (who) await signIn(page, DEMO[who]);
    else await page.goto('/');
    const visited = await crawl(page, { start, label });
    assert.ok(visited.length >= atLeast, `the crawl reached ${visited.length} pages`);
    await readInSpanish(page, visited, label);
    h.assertNoOffsiteRequests();
  });
}
