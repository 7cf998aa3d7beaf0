// Every page these demo staff roles can reach: axe finds nothing, nothing is untranslated (English and Spanish).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { crawl, readInSpanish } from '../lib/crawl.js';
import { DEMO, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

test('crawl: accessLine', { timeout: 300_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.accessLine);
  const visited = await crawl(page, { start: '/staff', label: 'accessLine' });
  assert.ok(visited.length >= 3, `the crawl reached ${visited.length} pages`);
  await readInSpanish(page, visited, 'accessLine');
  h.assertNoOffsiteRequests();
});

test('crawl: providerStaff', { timeout: 300_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.providerStaff);
  const visited = await crawl(page, { start: '/staff', label: 'providerStaff' });
  assert.ok(visited.length >= 3, `the crawl reached ${visited.length} pages`);
  await readInSpanish(page, visited, 'providerStaff');
  h.assertNoOffsiteRequests();
});

test('crawl: directoryEditor', { timeout: 300_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.directoryEditor);
  const visited = await crawl(page, { start: '/staff', label: 'directoryEditor' });
  assert.ok(visited.length >= 3, `the crawl reached ${visited.length} pages`);
  await readInSpanish(page, visited, 'directoryEditor');
  h.assertNoOffsiteRequests();
});

test('crawl: analyst', { timeout: 300_000 }, async () => {
  const page = await h.open();
  await signIn(page, DEMO.analyst);
  const visited = await crawl(page, { start: '/staff', label: 'analyst' });
  assert.ok(visited.length >= 3, `the crawl reached ${visited.length} pages`);
  await readInSpanish(page, visited, 'analyst');
  h.assertNoOffsiteRequests();
});
