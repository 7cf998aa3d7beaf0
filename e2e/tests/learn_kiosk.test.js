// Education pages and known persons at the kiosk end-to-end (issue 20, branch kiosk-staff).
//
// 1. A visitor (no sign-in) reads the education pages from the home page, on a phone, in English and in Spanish;
//    an administrator changes one (a missing source is named first) and the public page shows the change.
// 2. A coach issues a person of their caseload a check-in code from the person's record ("Drop-in kiosk"); on the
//    kiosk tablet a wrong code is "not recognised" and the right one, typed in lower case, signs the person in
//    without naming them; at the front desk the coach signs the same person in to today's group in one tap from
//    the attendance page — a second tap counts once, as the page says — and both visits are on the person's
//    record. The desk form in Spanish.
//
// axe (WCAG 2.1 AA) runs on every page visited, and nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoHorizontalScroll, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, SPANISH, signIn, useServerAndBrowser } from '../lib/harness.js';

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

test('a visitor reads the education pages in English and Spanish, and an administrator changes one', {
  timeout: 120_000,
}, async () => {
  const visitor = await h.open(PHONE);
  await visitor.goto('/');
  await visitor.getByRole('link', { name: 'Learn about recovery' }).click();
  await visitor.getByRole('heading', { level: 1, name: 'Learn about recovery' }).waitFor();
  await expectNoAxeViolations(visitor, '/learn');
  await assertNoHorizontalScroll(visitor, '/learn');
  await visitor.getByRole('link', { name: 'Words matter (demo)' }).click();
  await visitor.getByRole('heading', { level: 1, name: 'Words matter (demo)' }).waitFor();
  await visitor.getByRole('heading', { level: 2, name: 'Say instead' }).waitFor();
  await visitor.getByText(/National Institute on Drug Abuse \(NIDA\), Words Matter/).waitFor();
  await visitor.getByText('If you or someone you know needs help now, call or text 988').waitFor();
  assert.equal(await visitor.getByRole('link', { name: 'Change this page' }).count(), 0, 'changing is for admins');
  await expectNoAxeViolations(visitor, '/learn/person-first-language');
  await assertNoHorizontalScroll(visitor, '/learn/person-first-language');
  const missing = await visitor.goto('/learn/no-such-page');
  assert.equal(missing?.status(), 404);

  const spanish = await h.open({ ...PHONE, ...SPANISH });
  await spanish.goto('/learn');
  await spanish.getByRole('heading', { level: 1, name: 'Aprenda sobre la recuperación' }).waitFor();
  await expectNoAxeViolations(spanish, '/learn (es)');
  await spanish.getByRole('link', { name: 'Las palabras importan (demo)' }).click();
  await spanish.getByRole('heading', { level: 1, name: 'Las palabras importan (demo)' }).waitFor();
  await spanish.getByRole('heading', { level: 2, name: 'Diga en cambio' }).waitFor();
  assert.equal(await spanish.locator('html').getAttribute('lang'), 'es');
  await expectNoAxeViolations(spanish, '/learn/person-first-language (es)');

  const admin = await h.open();
  await signIn(admin, DEMO.admin);
  await admin.goto('/learn/naloxone');
  await admin.getByRole('link', { name: 'Change this page' }).click();
  await admin.getByRole('heading', { level: 1, name: /Naloxone saves lives \(demo\)/ }).waitFor();
  await expectNoAxeViolations(admin, '/learn/naloxone/edit');
  // A page must name its source: said so, by the field.
  await admin.getByLabel('Source it cites').fill('');
  await admin.getByRole('button', { name: 'Save the page' }).click();
  await admin.getByRole('alert').locator('a[href="#source"]').waitFor();
  await expectNoAxeViolations(admin, '/learn (a missing source)');
  await admin.getByLabel('Source it cites').fill('National Institute on Drug Abuse (NIDA), Naloxone DrugFacts');
  await admin.getByLabel('Title in English').fill('Naloxone saves lives (demo, e2e)');
  await admin.getByRole('button', { name: 'Save the page' }).click();
  await admin.getByText('Saved.').waitFor();
  await admin.getByRole('heading', { level: 1, name: 'Naloxone saves lives (demo, e2e)' }).waitFor();
  assert.equal(new URL(admin.url()).pathname, '/learn/naloxone', 'the page keeps its address');

  await visitor.goto('/learn');
  await visitor.getByRole('link', { name: 'Naloxone saves lives (demo, e2e)' }).waitFor();
  await spanish.goto('/learn/naloxone');
  await spanish.getByRole('heading', { level: 1, name: 'La naloxona salva vidas (demo)' }).waitFor();
  h.assertNoOffsiteRequests();
});

const GROUP = 'Front desk circle (e2e)';
const PERSON = 'Jordan Lee';

test("a known person signs in with their code at the kiosk, and staff sign them in to today's group in one tap", {
  timeout: 180_000,
}, async () => {
  // Today's group.
  const staff = await h.open(PHONE);
  await signIn(staff, DEMO.coach);
  await staff.goto('/community/events/new');
  // Today's: starting in a quarter of an hour, or in the day's last quarter hour one that began half an hour ago.
  const at = newYork(15).date === newYork(0).date ? newYork(15) : newYork(-30);
  await staff.getByLabel('Title').fill(GROUP);
  await staff.getByLabel('First date').fill(at.date);
  await staff.getByLabel('Start time').fill(at.time);
  await staff.getByLabel('Length (minutes)').fill('60');
  await staff.getByLabel('Repeats').selectOption('weekly');
  await staff.getByLabel('Place (address and room)').fill('198 Wethersfield Avenue, Hartford — Room 2');
  await staff.getByRole('button', { name: 'Save' }).click();
  await staff.getByRole('link', { name: GROUP }).waitFor();

  // The person's record: their kiosk page, a code issued (shown once).
  await staff.goto('/persons');
  await staff.getByRole('link', { name: PERSON }).first().click();
  await staff.getByRole('link', { name: 'Drop-in kiosk' }).click();
  await staff.getByRole('heading', { level: 1, name: `Drop-in kiosk: ${PERSON}` }).waitFor();
  const recordPath = new URL(staff.url()).pathname;
  assert.match(recordPath, /^\/persons\/[^/]+\/kiosk$/);
  await expectNoAxeViolations(staff, recordPath);
  await assertNoHorizontalScroll(staff, recordPath);
  await staff.getByRole('button', { name: /^Issue a (new )?(check-in )?code/ }).click();
  await staff.getByRole('heading', { level: 1, name: 'Their check-in code' }).waitFor();
  const code = (await staff.locator('#kiosk-code').innerText()).trim();
  assert.match(code, /^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  await expectNoAxeViolations(staff, `${recordPath}-code (issued)`);

  // The kiosk tablet: the code field, a wrong code, then the person's own.
  const tablet = await h.open();
  await signIn(tablet, DEMO.coach);
  await tablet.goto('/community/attendance');
  await tablet.getByRole('button', { name: 'Open kiosk mode on this device' }).click();
  await tablet.getByRole('heading', { level: 1, name: 'Welcome! Please sign in' }).waitFor();
  const codeField = tablet.getByLabel('Check-in code');
  assert.equal(await codeField.getAttribute('aria-describedby'), 'code-hint');
  await expectNoAxeViolations(tablet, '/kiosk (the code field)');
  await codeField.fill('ZZZZZ-ZZZZ2');
  await tablet.getByLabel('Computer use').check();
  await tablet.getByRole('button', { name: 'Sign in' }).click();
  await tablet.getByRole('alert').getByText(/That code was not recognised/).waitFor();
  assert.equal(await tablet.getByRole('alert').locator('a[href="#code"]').count(), 1);
  await expectNoAxeViolations(tablet, '/kiosk (a code not recognised)');
  await tablet.getByLabel('Check-in code').fill(code.toLowerCase().replace('-', ' '));
  await tablet.getByLabel('Computer use').check();
  await tablet.getByRole('button', { name: 'Sign in' }).click();
  await tablet.getByText('Thank you, you are signed in.').waitFor();
  assert.ok(!(await tablet.content()).includes(PERSON), 'the tablet names no one');
  await expectNoAxeViolations(tablet, '/kiosk (signed in with a code)');

  // The front desk: what for, the name, one tap.
  await staff.goto('/community/attendance');
  const before = Number(await staff.locator('#visit-count').innerText());
  assert.ok(!(await staff.content()).includes(PERSON), 'the counts name nobody until a search');
  await staff.getByText('Signing the same person in again for the same group or reason today counts once.').waitFor();
  await expectNoAxeViolations(staff, '/community/attendance (the desk form)');
  const group = await staff.locator('#for option', { hasText: GROUP }).getAttribute('value');
  const desk = staff.getByRole('region', { name: 'Sign someone in' });
  await desk.getByLabel('What did they come for?').selectOption(group);
  await desk.getByLabel('Their name').fill('jordan');
  await desk.getByRole('button', { name: 'Find', exact: true }).click();
  const tap = desk.getByRole('button', { name: `Sign in ${PERSON}` });
  await tap.waitFor();
  assert.equal(await staff.locator('#for').inputValue(), group, 'the choice kept');
  await expectNoAxeViolations(staff, '/community/attendance?q=jordan');
  await assertNoHorizontalScroll(staff, '/community/attendance?q=jordan');
  await tap.click();
  await staff.getByText('Signed in. The visit is on their record.').waitFor();
  await staff.getByText('Already signed in today for this').waitFor();
  assert.equal(Number(await staff.locator('#visit-count').innerText()), before + 1);
  await expectNoAxeViolations(staff, '/community/attendance (signed in)');
  // A double tap counts once.
  await desk.getByRole('button', { name: `Sign in ${PERSON}` }).click();
  await staff.getByText('They were already signed in today for this. It is counted once.').waitFor();
  assert.equal(Number(await staff.locator('#visit-count').innerText()), before + 1);
  const groupRow = staff.getByRole('row', { name: new RegExp(`^${GROUP.replace(/[()]/g, '\\$&')}`) });
  await groupRow.getByRole('cell', { name: '1', exact: true }).waitFor();

  // Both visits on the person's record.
  await staff.goto(recordPath);
  await staff.getByText('2 visits').waitFor();
  await staff.getByText('Computer use').first().waitFor();
  await staff.getByText(GROUP).first().waitFor();
  await expectNoAxeViolations(staff, `${recordPath} (two visits)`);

  // The desk form in Spanish (the coach's language, then back).
  await staff.goto('/lang/es?next=/community/attendance');
  const mostrador = staff.getByRole('region', { name: 'Registrar a una persona' });
  await mostrador.getByLabel('Su nombre').fill('jordan');
  await mostrador.getByRole('button', { name: 'Buscar', exact: true }).click();
  await mostrador.getByRole('button', { name: `Registrar a ${PERSON}` }).waitFor();
  await expectNoAxeViolations(staff, '/community/attendance?q=jordan (es)');
  await staff.goto('/lang/en?next=/staff');
  h.assertNoOffsiteRequests();
});
