// Recovery community end-to-end (issue 20): a coach of the demo center adds a weekly group on a phone; a visitor
// (no sign-in) finds it tonight on the public calendar from the home page, and in the finder by its time choice; the coach opens kiosk mode on a tablet
// and a drop-in sign-in there counts on the day's attendance. axe runs on every page visited, and nothing may
// leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoHorizontalScroll, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

/** Date (YYYY-MM-DD) and time (HH:MM) `minutes` from now in the deployment's zone (the demo's: New York). */
function newYork(minutes) {
  const at = new Date(Date.now() + minutes * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const TITLE = 'Tonight peer support circle (e2e)';

test('a coach adds a weekly group and a visitor finds it tonight', { timeout: 120_000 }, async () => {
  const staff = await h.open(PHONE);
  await signIn(staff, DEMO.coach);
  await staff.getByRole('link', { name: "Our center's week" }).first().click();
  await staff.getByRole('heading', { level: 1, name: 'Groups and events' }).waitFor();
  await expectNoAxeViolations(staff, '/community/events');
  await assertNoHorizontalScroll(staff, '/community/events');
  await staff.getByRole('link', { name: 'Add a group or event' }).click();
  await expectNoAxeViolations(staff, '/community/events/new');
  const at = newYork(15);
  await staff.getByLabel('Title').fill(TITLE);
  await staff.getByLabel('First date').fill(at.date);
  await staff.getByLabel('Start time').fill(at.time);
  await staff.getByLabel('Length (minutes)').fill('60');
  await staff.getByLabel('Repeats').selectOption('weekly');
  await staff.getByLabel('Place (address and room)').fill('198 Wethersfield Avenue, Hartford — Room 2');
  await staff.getByRole('combobox', { name: 'Language' }).selectOption('en-es');
  await staff.getByRole('button', { name: 'Save' }).click();
  await staff.getByRole('link', { name: TITLE }).waitFor();

  const visitor = await h.open(PHONE);
  await visitor.goto('/');
  await visitor.getByRole('link', { name: "What's on tonight" }).click();
  await visitor.getByRole('heading', { level: 2, name: 'Tonight' }).waitFor();
  await visitor.getByRole('heading', { level: 3, name: TITLE }).waitFor();
  await visitor.locator('.results').getByText('English and Spanish').first().waitFor();
  await expectNoAxeViolations(visitor, '/calendar?when=tonight');
  await assertNoHorizontalScroll(visitor, '/calendar?when=tonight');
  await visitor.getByRole('link', { name: 'This week' }).click();
  await visitor.getByRole('heading', { level: 3, name: 'Naloxone training (demo)' }).waitFor();
  await visitor.getByRole('link', { name: 'Demo Recovery Community Center' }).first().click();
  await visitor.getByRole('heading', { level: 1, name: /Demo Recovery Community Center/ }).waitFor();
  await expectNoAxeViolations(visitor, '/calendar/demo');
  const feed = await visitor.request.get('/calendar/demo/events.ics');
  assert.equal(feed.status(), 200);
  assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n/);
  // The network calendar's filters, a plain GET form: groups held in Spanish this week (and in both languages).
  await visitor.goto('/calendar');
  await visitor.getByText('Find a group or event').click();
  await visitor.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await visitor.getByRole('button', { name: 'Show' }).click();
  await visitor.getByRole('heading', { level: 3, name: 'Grupo de recuperación en español (demo)' }).waitFor();
  await visitor.getByRole('heading', { level: 3, name: TITLE }).waitFor();
  assert.equal(await visitor.getByRole('heading', { level: 3, name: 'Job club (demo)' }).count(), 0, 'English only: out');
  assert.match(new URL(visitor.url()).search, /language=es/);
  await expectNoAxeViolations(visitor, '/calendar?when=week&language=es');
  await assertNoHorizontalScroll(visitor, '/calendar?when=week&language=es');

  // The finder, with its own time choice: tonight when the group is this evening, else starting in the next two
  // hours. The group is listed under the centers' gatherings, with a link to the calendar showing them all.
  const evening = at.date === newYork(0).date && at.time >= '17:00';
  const [choice, heading] = evening
    ? ['Tonight', 'Tonight at recovery community centers']
    : ['In the next two hours', 'Starting soon at recovery community centers'];
  await visitor.goto('/find');
  await visitor.getByLabel('What are you looking for?').fill('peer support circle');
  await visitor.getByLabel(choice, { exact: true }).check();
  await visitor.getByRole('button', { name: 'Search' }).click();
  const found = visitor.getByRole('region', { name: heading });
  await found.getByRole('heading', { level: 3, name: TITLE }).waitFor();
  await found.getByRole('link', { name: 'Demo Recovery Community Center' }).first().waitFor();
  await expectNoAxeViolations(visitor, `/find (${choice}, gatherings)`);
  await assertNoHorizontalScroll(visitor, `/find (${choice}, gatherings)`);
  await found.getByRole('link', { name: 'See them all on the community calendar' }).click();
  await visitor.getByRole('heading', { level: 3, name: TITLE }).waitFor();
  await expectNoAxeViolations(visitor, new URL(visitor.url()).pathname + new URL(visitor.url()).search);
  // Words no gathering has: no such list.
  await visitor.goto('/find?q=zzzz+nothing&when=soon');
  assert.equal(await visitor.getByRole('region', { name: /recovery community centers/ }).count(), 0);
  h.assertNoOffsiteRequests();
});

test('a drop-in sign-in at the kiosk counts on the day', { timeout: 120_000 }, async () => {
  const tablet = await h.open();
  await signIn(tablet, DEMO.coach);
  await tablet.goto('/community/attendance');
  await expectNoAxeViolations(tablet, '/community/attendance');
  const before = Number(await tablet.locator('#visit-count').innerText());
  await tablet.getByRole('button', { name: 'Open kiosk mode on this device' }).click();
  await tablet.getByRole('heading', { level: 1, name: 'Welcome! Please sign in' }).waitFor();
  await tablet.getByText('This device is now the center').waitFor();
  await expectNoAxeViolations(tablet, '/kiosk');
  await tablet.getByLabel('First name or initials').fill('Sam');
  await tablet.getByLabel('ZIP code (optional)').fill('06106');
  await tablet.getByLabel('Talk to a recovery coach').check();
  await tablet.getByRole('button', { name: 'Sign in' }).click();
  await tablet.getByText('Thank you, you are signed in.').waitFor();
  await expectNoAxeViolations(tablet, '/kiosk (after a sign-in)');
  // The tablet holds no staff session any more.
  await tablet.goto('/community/attendance');
  await tablet.waitForURL(/\/login/);

  const staff = await h.open();
  await signIn(staff, DEMO.coach);
  await staff.goto('/community/attendance');
  assert.equal(Number(await staff.locator('#visit-count').innerText()), before + 1);
  await staff.getByRole('row', { name: /Talk to a recovery coach/ }).waitFor();
  h.assertNoOffsiteRequests();
});
