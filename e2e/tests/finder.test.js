// Finder end-to-end story: on a phone, a person looks for a SMART Recovery
// meeting near 06107 tonight, narrows it to Spanish, opens the listing and
// finds a call link. The meetings come from a Meeting Guide feed imported with
// the real CLI while the server runs (the server's index picks the change up);
// their times are set from the clock so "tonight" always holds them. axe runs
// on every page visited, and nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

import { assertNoHorizontalScroll, expectNoAxeViolations } from '../lib/browser.js';
import { PHONE, SPANISH, useServerAndBrowser } from '../lib/harness.js';
import { binaryPath } from '../lib/server.js';

const run = promisify(execFile);

/** Today's weekday (0 = Sunday) and a start time that "tonight" includes, in Connecticut. */
function tonightInHartford(now = new Date()) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  // Before 17:00, a meeting at 19:00 is later tonight; after, one that began ten minutes ago is under way.
  const start = minutes < 17 * 60 ? 19 * 60 : Math.max(17 * 60, minutes - 10);
  const hhmm = (m) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { day, time: hhmm(start), end: hhmm(start + 60) };
}

/** Imports two meetings for tonight with the real CLI while the server runs. */
async function importTonightsMeetings({ server }) {
  const { day, time, end } = tonightInHartford();
  const feed = [
    {
      name: 'E2E SMART Recovery Tonight',
      slug: 'e2e-smart-tonight',
      day,
      time,
      end_time: end,
      timezone: 'America/New_York',
      address: '20 Raymond Rd',
      city: 'West Hartford',
      state: 'CT',
      postal_code: '06107',
      latitude: 41.7577,
      longitude: -72.7531,
      types: ['O', 'SMART'],
    },
    {
      name: 'E2E SMART Recovery en Español',
      slug: 'e2e-smart-espanol',
      day,
      time,
      end_time: end,
      timezone: 'America/New_York',
      address: '50 South Main St',
      city: 'West Hartford',
      state: 'CT',
      postal_code: '06107',
      latitude: 41.7602,
      longitude: -72.7413,
      conference_url: 'https://meet.example.org/e2e',
      conference_phone: '+1 860 555 0199',
      attendance_option: 'hybrid',
      types: ['O', 'S'],
    },
  ];
  const file = path.join(server.tmpDir, 'e2e-meetings.json');
  await writeFile(file, JSON.stringify(feed));
  const { stdout } = await run(
    binaryPath(),
    ['import', 'meeting-guide', file, '--source', 'e2e-smart', '--name', 'SMART Recovery (e2e)'],
    { cwd: server.tmpDir, env: { ...process.env, PATHWAYS_DATABASE_URL: `sqlite://${server.dbPath}`, RUST_LOG: 'warn' } },
  );
  assert.match(stdout, /^added 2, updated 0, unchanged 0, retired 0, rejected 0/);
}

const h = useServerAndBrowser({ setup: importTonightsMeetings });

test('a person on a phone finds a SMART Recovery meeting near 06107 tonight, in Spanish, and can call', { timeout: 120_000 }, async () => {
  const page = await h.open(PHONE);

  // Tap 1: the finder, from the home page.
  const home = await page.goto('/find');
  assert.equal(home?.status(), 200);
  await expectNoAxeViolations(page, '/find');
  await assertNoHorizontalScroll(page, '/find');
  assert.equal(await page.locator('a[href="tel:988"]').count() > 0, true, 'crisis line one tap away');
  // The "When" choices look alike: every radio button is drawn at one size, whatever its label's length.
  const sizes = await page.locator('input[type="radio"][name="when"]').evaluateAll((inputs) =>
    inputs.map((i) => { const r = i.getBoundingClientRect(); return `${Math.round(r.width)}x${Math.round(r.height)}`; }));
  assert.ok(sizes.length >= 3, `the When choices: ${sizes}`);
  assert.equal(new Set(sizes).size, 1, `the When radio buttons differ in size: ${sizes}`);

  // Tap 2: words, place, tonight, search. The import lands in the running server within about a second.
  await page.getByLabel('What are you looking for?').fill('smart recovery');
  await page.getByLabel('Near (ZIP code or town)').fill('06107');
  await page.getByLabel('Tonight', { exact: true }).check();
  let found = false;
  for (let attempt = 0; attempt < 10 && !found; attempt += 1) {
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/find\?/);
    found = (await page.getByRole('link', { name: 'E2E SMART Recovery Tonight' }).count()) > 0;
    if (!found) await page.waitForTimeout(500);
  }
  assert.ok(found, 'tonight\'s SMART Recovery meeting is listed');
  await page.getByRole('status').filter({ hasText: 'near 06107 West Hartford, CT' }).waitFor();
  await expectNoAxeViolations(page, '/find results');
  await assertNoHorizontalScroll(page, '/find results');

  // Narrow to Spanish.
  await page.getByText('More filters').click();
  await page.locator('#language').selectOption('es');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('status').filter({ hasText: '1 place found' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'E2E SMART Recovery Tonight' }).count(), 0);
  await expectNoAxeViolations(page, '/find in Spanish');

  // Tap 3: the listing, with its call link and a plain maps link.
  await page.getByRole('link', { name: 'E2E SMART Recovery en Español' }).click();
  await page.getByRole('heading', { level: 1, name: 'E2E SMART Recovery en Español' }).waitFor();
  assert.equal(await page.locator('a[href="tel:+18605550199"]').count() > 0, true, 'a call link');
  assert.equal(await page.locator('a[href^="geo:"]').count(), 1, 'a maps-app link, no embedded map');
  await expectNoAxeViolations(page, 'listing');
  await assertNoHorizontalScroll(page, 'listing');
  h.assertNoOffsiteRequests();
});

test('the finder in Spanish', { timeout: 60_000 }, async () => {
  const page = await h.open(SPANISH);
  await page.goto('/find?q=smart&near=06107&language=es');
  await page.getByRole('heading', { level: 1, name: 'Buscar reuniones y servicios' }).waitFor();
  await page.getByRole('link', { name: 'E2E SMART Recovery en Español' }).waitFor();
  await expectNoAxeViolations(page, '/find (es)');
  h.assertNoOffsiteRequests();
});
