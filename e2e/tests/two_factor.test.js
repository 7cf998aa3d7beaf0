// Two-factor sign-in (issue 22): a clinician — whose role requires it — signs in with their password, meets the
// enrollment page (a QR code drawn by the server and the setup key as text), confirms a code from their
// "authenticator app" (computed here like one, from the key read off the page), saves the recovery codes, and
// signs in again with a code; a wrong code is refused in plain words; a recovery code works once.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, assertPhoneLayout, base32Decode, nextTotp, signOut, useServerAndBrowser } from '../lib/harness.js';
import { DEMO_PASSWORD } from '../lib/server.js';

const h = useServerAndBrowser();

async function passwordStep(page) {
  await page.goto('/login');
  await page.getByLabel('Email or username', { exact: true }).fill(DEMO.clinician);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('a clinician sets up an authenticator, signs in with codes, and a recovery code works once', { timeout: 180_000 }, async () => {
  const page = await h.open(PHONE);

  // The password is right; the role requires a second step, so the only way on is to set one up.
  await passwordStep(page);
  await page.waitForURL((url) => url.pathname === '/login/enroll');
  await page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' }).waitFor();
  const qr = page.getByRole('img', { name: /QR code for your authenticator app/ });
  assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml;base64,/, 'the QR code is drawn by the server');
  const key = await page.locator('#two-factor-secret').innerText();
  assert.match(key, /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/, 'the setup key as text, in groups of four');
  await expectNoAxeViolations(page, '/login/enroll');
  await assertPhoneLayout(page, '/login/enroll at phone width');
  // Nothing else opens until it is set up.
  await page.goto('/persons');
  await page.waitForURL((url) => url.pathname === '/login');
  await page.goto('/login/enroll');
  assert.equal(await page.locator('#two-factor-secret').innerText(), key, 'the same key after a detour');

  const app = { secret: base32Decode(key), lastStep: -1 };
  await page.getByLabel('6-digit code from your app', { exact: true }).fill('000000');
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await page.getByRole('alert').filter({ hasText: "That code didn't work" }).waitFor();
  await page.getByLabel('6-digit code from your app', { exact: true }).fill(await nextTotp(app));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();

  await page.getByRole('heading', { level: 1, name: 'Your recovery codes' }).waitFor();
  const codes = await page.locator('.recovery-codes code').allInnerTexts();
  assert.equal(codes.length, 10, 'ten recovery codes');
  assert.ok(codes.every((c) => /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/.test(c)), codes.join(' '));
  await expectNoAxeViolations(page, 'recovery codes');
  await page.getByRole('link', { name: 'I saved my codes. Continue' }).click();
  await page.waitForURL((url) => url.pathname === '/staff');
  await page.getByRole('link', { name: 'Two-factor sign-in' }).click();
  await page.getByText('Two-factor sign-in is on for your account.').waitFor();
  await page.getByText('10 recovery codes left.').waitFor();
  await expectNoAxeViolations(page, '/account/two-factor');
  await signOut(page);

  // Next time: the password, then a code from the app. A wrong one is refused, clearly.
  await passwordStep(page);
  await page.waitForURL((url) => url.pathname === '/login/two-factor');
  await page.getByRole('heading', { level: 1, name: 'Enter your sign-in code' }).waitFor();
  await expectNoAxeViolations(page, '/login/two-factor');
  const field = page.getByLabel('Code from your app, or a recovery code', { exact: true });
  await field.fill('123456');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: "That code didn't work. Check your app for the current code" }).waitFor();
  await expectNoAxeViolations(page, '/login/two-factor with an error');
  await field.fill(await nextTotp(app));
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/staff');
  await signOut(page);

  // A lost phone: a recovery code works once, and only once.
  await passwordStep(page);
  await page.waitForURL((url) => url.pathname === '/login/two-factor');
  await field.fill(codes[0]);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/staff');
  await page.goto('/account/two-factor');
  await page.getByText('9 recovery codes left.').waitFor();
  await signOut(page);
  await passwordStep(page);
  await page.waitForURL((url) => url.pathname === '/login/two-factor');
  await field.fill(codes[0]);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: "That code didn't work" }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/login/two-factor', 'a spent recovery code signs nobody in');

  h.assertNoOffsiteRequests();
});
