// Every page nobody signed in and a person in recovery can reach: axe finds nothing, nothing is untranslated.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { crawl, readInSpanish } from '../lib/crawl.js';
import { DEMO, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

test('crawl: the public pages', { timeout: 300_000 }, async () => {
  const page = await h.open();
  await page.goto('/');
  const visited = await crawl(page, { start: '/', label: 'nobody signed in' });
  assert.ok(visited.length >= 5, `the crawl reached ${visited.length} pages`);
  await readInSpanish(page, visited, 'nobody signed in');
  h.assertNoOffsiteRequests();
});

test('crawl: a person in recovery', { timeout: 300_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.person);
  const visited = await crawl(page, { start: '/me', label: 'person' });
  assert.ok(visited.length >= 5, `the crawl reached ${visited.length} pages`);
  await readInSpanish(page, visited, 'person');
  h.assertNoOffsiteRequests();
});
