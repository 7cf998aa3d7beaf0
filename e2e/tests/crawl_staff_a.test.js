// Every page these demo staff roles can reach: axe finds nothing, nothing is untranslated (English and Spanish).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { crawl, readInSpanish } from '../lib/crawl.js';
import { DEMO, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

test('crawl: coach', { timeout: 300_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.coach);
  const visited = await crawl(page, { start: '/staff', label: 'coach' });
  assert.ok(visited.length >= 3, `the crawl reached ${visited.length} pages`);
  await readInSpanish(page, visited, 'coach');
  h.assertNoOffsiteRequests();
});

test('crawl: supervisor', { timeout: 300_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.supervisor);
  const visited = await crawl(page, { start: '/staff', label: 'supervisor' });
  assert.ok(visited.length >= 3, `the crawl reached ${visited.length} pages`);
  await readInSpanish(page, visited, 'supervisor');
  h.assertNoOffsiteRequests();
});

test('crawl: admin', { timeout: 300_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.admin);
  const visited = await crawl(page, { start: '/staff', label: 'admin' });
  assert.ok(visited.length >= 3, `the crawl reached ${visited.length} pages`);
  await readInSpanish(page, visited, 'admin');
  h.assertNoOffsiteRequests();
});
