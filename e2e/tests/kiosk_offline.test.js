// The drop-in kiosk's offline queue (issue 20): a tablet in kiosk mode loses its connection
// (`context.setOffline`), two people sign in while it is offline — the tablet keeps their sign-ins and says so,
// and the server has counted nothing — and when the tablet is back online the queue is sent: both visits count,
// once each. Sending a queued sign-in again (its answer lost, say) does not count it twice. axe runs on the
// kiosk page with sign-ins waiting, and nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();
const QUEUE = 'pathways-kiosk-queue';

/** Today's visits at the demo center, as its attendance page counts them. */
async function visitsToday(staff) {
  await staff.goto('/community/attendance');
  return Number(await staff.locator('#visit-count').innerText());
}

/** Signs in at the kiosk form (offline, the script keeps the sign-in instead of posting it). */
async function signInAtKiosk(tablet, name, reason) {
  await tablet.getByLabel('First name or initials').fill(name);
  await tablet.getByLabel(reason).check();
  await tablet.getByRole('button', { name: 'Sign in' }).click();
}

test('sign-ins made offline are sent once the tablet is back online, and counted once', { timeout: 120_000 }, async () => {
  const staff = await h.open();
  await signIn(staff, DEMO.coach);
  const before = await visitsToday(staff);

  const tablet = await h.open();
  await signIn(tablet, DEMO.coach);
  await tablet.goto('/community/attendance');
  await tablet.getByRole('button', { name: 'Open kiosk mode on this device' }).click();
  await tablet.getByRole('heading', { level: 1, name: 'Welcome! Please sign in' }).waitFor();

  await tablet.context().setOffline(true);
  assert.equal(await tablet.evaluate(() => navigator.onLine), false);
  await signInAtKiosk(tablet, 'Rosa', 'Computer use');
  const status = tablet.locator('#kiosk-queue');
  await tablet.locator('#kiosk-queue', { hasText: /^The tablet is offline\. .* 1$/ }).waitFor();
  await signInAtKiosk(tablet, 'T.J.', 'Naloxone');
  await tablet.locator('#kiosk-queue', { hasText: / 2$/ }).waitFor();
  assert.equal(await status.getAttribute('role'), 'status');
  // Still the kiosk page: the form was kept on the tablet, not posted, and emptied for the next person.
  assert.equal(new URL(tablet.url()).pathname, '/kiosk');
  assert.equal(await tablet.getByLabel('First name or initials').inputValue(), '');
  const queued = await tablet.evaluate((key) => JSON.parse(localStorage.getItem(key) || '[]'), QUEUE);
  assert.equal(queued.length, 2);
  const refs = queued.map((body) => new URLSearchParams(body).get('client_ref'));
  assert.ok(refs.every((r) => /^[0-9a-f]{32}$/.test(r)) && refs[0] !== refs[1], `each sign-in its own ref: ${refs}`);
  await expectNoAxeViolations(tablet, '/kiosk (offline, two sign-ins waiting)');
  assert.equal(await visitsToday(staff), before, 'nothing reached the server while offline');

  await tablet.context().setOffline(false);
  await tablet.waitForFunction((key) => JSON.parse(localStorage.getItem(key) || '[]').length === 0, QUEUE);
  await status.waitFor({ state: 'hidden' });
  assert.equal(await visitsToday(staff), before + 2, 'both sign-ins counted');
  await staff.getByRole('row', { name: /Computer use/ }).waitFor();

  // The same sign-in sent again (as a tablet would if the answer were lost) is answered and not counted again;
  // a page load with an empty queue sends nothing.
  const again = await tablet.evaluate(async (body) => {
    const r = await fetch('/kiosk', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    return r.status;
  }, queued[0]);
  assert.equal(again, 200);
  await tablet.reload();
  await tablet.getByRole('heading', { level: 1, name: 'Welcome! Please sign in' }).waitFor();
  assert.equal(await visitsToday(staff), before + 2, 'a re-sent sign-in counted once');
  h.assertNoOffsiteRequests();
});
