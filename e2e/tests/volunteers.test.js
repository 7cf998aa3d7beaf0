// Volunteers' checks and trainings end-to-end (issue 20): a coach of the demo center adds a volunteer who agreed to
// be listed, opens their page and records the last valid days of their background check (already past) and their
// training (ending soon); a date out of bounds is named; the reminder is then on the roster, on the volunteer's page
// and on the staff home page; the coach takes the volunteer off the roster, which the confirming tick must allow.
// axe (WCAG 2.1 AA) runs on each page visited, and on the volunteer's page in Spanish; nothing may leave 127.0.0.1.
//
// Every date is worked out from the app's own today (the latest day the hours form accepts, on the deployment's
// clock), never from the test machine's: between 00:00 and 05:00 UTC New York's date is UTC's yesterday.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, escapeRegExp, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

const NAME = 'Morgan Volunteer (e2e)';

/** `day` (YYYY-MM-DD) moved by `days` whole days, as calendar arithmetic (no time zone involved). */
function addDays(day, days) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

test("staff record a volunteer's check and training, see the reminder, and take them off the roster", {
  timeout: 120_000,
}, async () => {
  const staff = await h.open();
  await signIn(staff, DEMO.coach);
  await staff.goto('/community/volunteers');
  await staff.getByRole('heading', { level: 1, name: 'Volunteers' }).waitFor();
  await expectNoAxeViolations(staff, '/community/volunteers');
  const today = await staff.locator('#date').getAttribute('max');
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/, "the hours form's latest day is the app's today");

  // A volunteer who agreed to be listed.
  await staff.getByLabel('Name', { exact: true }).fill(NAME);
  await staff.getByLabel("This person agreed to be listed on the center's volunteer roster").check();
  await staff.getByRole('button', { name: 'Add to the roster' }).click();
  await staff.getByRole('link', { name: NAME, exact: true }).click();
  await staff.getByRole('heading', { level: 1, name: NAME }).waitFor();
  const volunteerPath = new URL(staff.url()).pathname;
  assert.match(volunteerPath, /^\/community\/volunteers\/[^/]+$/);
  await expectNoAxeViolations(staff, `${volunteerPath} (nothing recorded)`);

  // A check ended years before the bounds: named, nothing saved.
  await staff.getByLabel('Background check valid until').fill(addDays(today, -6 * 366));
  await staff.getByRole('button', { name: 'Save the dates' }).click();
  await staff.getByRole('alert').getByRole('link').first().waitFor();
  assert.equal(await staff.getByRole('alert').locator('a[href="#background_check_until"]').count(), 1);
  await expectNoAxeViolations(staff, `${volunteerPath} (a date out of bounds)`);

  // The check ended three days ago; the training's last valid day is in ten days.
  await staff.getByLabel('Background check valid until').fill(addDays(today, -3));
  await staff.getByLabel('Training valid until').fill(addDays(today, 10));
  await staff.getByRole('button', { name: 'Save the dates' }).click();
  await staff.getByText('Saved.').waitFor();
  const reminder =
    `${NAME}: background check, Expired 3 days ago (${addDays(today, -3)}); ` +
    `training, Due soon: last valid day in 10 days (${addDays(today, 10)})`;
  const onRoster = staff.getByRole('region', { name: 'Checks and trainings to renew' }).getByRole('link', { name: reminder });
  await onRoster.waitFor();
  await expectNoAxeViolations(staff, '/community/volunteers (with the reminder)');
  await onRoster.click();
  await staff.getByRole('heading', { level: 1, name: NAME }).waitFor();
  await staff.getByText(`${addDays(today, -3)}: Expired 3 days ago`).waitFor();
  await staff.getByText(`${addDays(today, 10)}: Due soon: last valid day in 10 days`).waitFor();
  await expectNoAxeViolations(staff, `${volunteerPath} (dates recorded)`);

  // The staff home page shows it too, linking to the volunteer.
  await staff.goto('/staff');
  const onHome = staff.getByRole('link', { name: reminder });
  await onHome.waitFor();
  assert.equal(await onHome.getAttribute('href'), volunteerPath);
  await expectNoAxeViolations(staff, '/staff (with the reminder)');

  // The volunteer's page in Spanish, through the page's own language switch, and back to English.
  await staff.goto(volunteerPath);
  await staff.getByRole('link', { name: 'Español' }).click();
  await staff.getByLabel('Verificación de antecedentes válida hasta').waitFor();
  assert.equal(await staff.locator('html').getAttribute('lang'), 'es');
  assert.equal(new URL(staff.url()).pathname, volunteerPath);
  await staff.getByRole('heading', { level: 1, name: NAME }).waitFor();
  await expectNoAxeViolations(staff, `${volunteerPath} (es)`);
  await staff.getByRole('link', { name: 'English' }).click();
  await staff.getByLabel('Background check valid until').waitFor();

  // Taking them off the roster needs the confirming tick.
  await staff.getByRole('button', { name: 'Take off the roster' }).click();
  await staff.getByRole('alert').getByRole('link').first().waitFor();
  await expectNoAxeViolations(staff, `${volunteerPath} (removal not confirmed)`);
  assert.equal(new URL(staff.url()).pathname, `${volunteerPath}/remove`);
  await staff.getByLabel(`Yes, take ${NAME} off the volunteer roster`).check();
  await staff.getByRole('button', { name: 'Take off the roster' }).click();
  await staff.getByText('Taken off the volunteer roster. Their hours stay counted.').waitFor();
  await expectNoAxeViolations(staff, '/community/volunteers (after the removal)');
  const removed = staff.getByRole('region', { name: 'No longer on the roster', exact: true });
  await removed.getByRole('rowheader', { name: NAME }).waitFor();
  assert.equal(await staff.getByRole('link', { name: new RegExp(escapeRegExp(NAME)) }).count(), 0, 'off the roster and the reminders');
  assert.equal((await staff.request.get(volunteerPath)).status(), 404);
  h.assertNoOffsiteRequests();
});
