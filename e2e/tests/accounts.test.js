// Accounts (issue 22): Alex forgets their password, their coach makes a reset link, Alex chooses a new password
// with it and signs in; Alex removes an ally, whose next click shows nothing of Alex; Alex changes the password
// from the header; an administrator's list of accounts. axe on every page; nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, signIn, useServerAndBrowser } from '../lib/harness.js';
import { DEMO_PASSWORD } from '../lib/server.js';

const TEST_TIMEOUT_MS = 300_000;
const PERSON = DEMO.person;
const NEW_PASSWORD = 'violet harbor pinecone tundra 7';
const ALLY_PASSWORD = 'maple river lantern orbit';

const h = useServerAndBrowser();
/** Alex's password as the tests in this file leave it. */
let alexPassword = DEMO_PASSWORD;

test('a person forgets their password, their coach makes a reset link, and they set a new one', { timeout: TEST_TIMEOUT_MS }, async () => {
  const alex = await h.open();
  await alex.goto('/login');
  await alex.getByText('Your coach or your organization\'s administrator can give you a reset link.', { exact: false }).waitFor();

  const coach = await h.open();
  await signIn(coach, DEMO.coach);
  await coach.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await coach.getByRole('link', { name: 'Alex Rivera', exact: true }).first().click();
  await coach.waitForURL(/\/persons\/[^/?#]+$/);
  await coach.getByRole('button', { name: 'Make a password reset link', exact: true }).click();
  await coach.getByRole('heading', { level: 1, name: 'Password reset link', exact: true }).waitFor();
  await expectNoAxeViolations(coach, 'a reset link shown to the coach');
  const link = (await coach.locator('main dd code').first().innerText()).trim();
  const code = (await coach.locator('.code').first().innerText()).trim();
  assert.match(link, /\/reset\/[A-Za-z0-9_-]{43}$/);
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  // Alex opens the link and chooses a new password.
  await alex.goto(new URL(link, h.server.baseURL).pathname);
  await alex.getByRole('heading', { level: 1, name: 'Choose a new password', exact: true }).waitFor();
  await expectNoAxeViolations(alex, '/reset/{token}');
  await alex.getByLabel('New password', { exact: true }).fill('password1234');
  await alex.getByLabel('Password again', { exact: true }).fill('password1234');
  await alex.getByRole('button', { name: 'Save my new password', exact: true }).click();
  await alex.getByRole('alert').getByText('too easy to guess', { exact: false }).waitFor();
  await expectNoAxeViolations(alex, '/reset with a weak password');
  await alex.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await alex.getByLabel('Password again', { exact: true }).fill(NEW_PASSWORD);
  await alex.getByRole('button', { name: 'Save my new password', exact: true }).click();
  await alex.waitForURL((url) => url.pathname === '/login');
  await alex.getByText('Your new password is set.', { exact: false }).waitFor();
  await signIn(alex, PERSON, { password: NEW_PASSWORD });
  await alex.waitForURL((url) => url.pathname === '/me');
  alexPassword = NEW_PASSWORD;

  // The link worked once.
  const again = await h.open();
  await again.goto(new URL(link, h.server.baseURL).pathname);
  await again.getByRole('heading', { level: 1, name: 'This reset link can\'t be used', exact: true }).waitFor();
  await expectNoAxeViolations(again, 'a used reset link');
  h.assertNoOffsiteRequests();
});

test('a person removes an ally, whose next click shows nothing', { timeout: TEST_TIMEOUT_MS }, async () => {
  const alex = await h.open();
  await signIn(alex, PERSON, { password: alexPassword });
  await alex.getByRole('link', { name: 'My allies', exact: true }).click();
  await alex.getByLabel('Their name', { exact: true }).fill('Dana Rivera');
  await alex.getByRole('button', { name: 'Make an invitation', exact: true }).click();
  const code = (await alex.locator('.code').first().innerText()).trim();

  const dana = await h.open();
  await dana.goto('/invite');
  await dana.getByLabel('Invitation code', { exact: true }).fill(code);
  await dana.getByLabel('Username', { exact: true }).fill('dana.rivera');
  await dana.getByLabel('Password', { exact: true }).fill(ALLY_PASSWORD);
  await dana.getByLabel('Password again', { exact: true }).fill(ALLY_PASSWORD);
  await dana.getByRole('button', { name: 'Open my portal', exact: true }).click();
  await dana.waitForURL((url) => url.pathname === '/ally');

  // Alex shares goals and progress with Dana, who sees them.
  await alex.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My privacy', exact: true }).click();
  await alex.getByLabel('Someone I invited (an ally)', { exact: true }).check();
  await alex.getByLabel('Which ally', { exact: true }).selectOption({ label: 'Dana Rivera' });
  await alex.getByLabel('Goals and progress (recovery plan)', { exact: true }).check();
  await alex.getByLabel('Type your full name to sign', { exact: true }).fill('Alex Rivera');
  await alex.getByLabel('I have read this consent and I sign it.', { exact: true }).check();
  await alex.getByRole('button', { name: 'Sign this consent', exact: true }).click();
  await alex.getByText('Consent saved.', { exact: false }).waitFor();
  await dana.reload();
  await dana.getByRole('heading', { level: 2, name: 'Goals and progress', exact: true }).waitFor();

  // Alex removes Dana.
  await alex.goto('/me/allies');
  await alex.getByRole('button', { name: 'Remove Dana Rivera', exact: true }).click();
  await alex.getByText('Your ally was removed.', { exact: false }).waitFor();
  await expectNoAxeViolations(alex, '/me/allies after removing an ally');
  assert.equal(await alex.getByRole('button', { name: 'Remove Dana Rivera', exact: true }).count(), 0);

  // Dana's next click: the sign-in page, nothing of Alex.
  await dana.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared with me', exact: true }).click();
  await dana.waitForURL((url) => url.pathname === '/login');
  await dana.getByRole('heading', { level: 1, name: 'Sign in', exact: true }).waitFor();
  const seen = await dana.locator('main').innerText();
  assert.ok(!seen.includes('Alex'), 'nothing of the person');
  assert.equal(await dana.getByRole('heading', { level: 2, name: 'Goals and progress', exact: true }).count(), 0);
  h.assertNoOffsiteRequests();
});

test('a person changes their password; an administrator manages accounts', { timeout: TEST_TIMEOUT_MS }, async () => {
  const alex = await h.open();
  await signIn(alex, PERSON, { password: alexPassword });
  await alex.getByRole('link', { name: 'Change password', exact: true }).click();
  await alex.getByRole('heading', { level: 1, name: 'Change your password', exact: true }).waitFor();
  await expectNoAxeViolations(alex, '/account/password');
  await alex.getByLabel('Password you use now', { exact: true }).fill(alexPassword);
  await alex.getByLabel('New password', { exact: true }).fill(ALLY_PASSWORD);
  await alex.getByLabel('Password again', { exact: true }).fill(ALLY_PASSWORD);
  await alex.getByRole('button', { name: 'Change my password', exact: true }).click();
  await alex.waitForURL((url) => url.pathname === '/me');
  await alex.getByText('Your password is changed.', { exact: false }).waitFor();
  alexPassword = ALLY_PASSWORD;

  const admin = await h.open();
  await signIn(admin, DEMO.admin);
  await admin.getByRole('link', { name: 'Manage accounts', exact: true }).click();
  await admin.getByRole('heading', { level: 1, name: 'Accounts', exact: true }).waitFor();
  await expectNoAxeViolations(admin, '/accounts');
  await admin.getByRole('button', { name: 'Turn off Alex Rivera', exact: true }).click();
  await admin.getByText('The account is turned off.', { exact: false }).waitFor();
  await alex.reload();
  await alex.waitForURL((url) => url.pathname === '/login');
  await admin.getByRole('button', { name: 'Turn on Alex Rivera', exact: true }).click();
  await admin.getByText('The account is turned on again.', { exact: false }).waitFor();
  await signIn(alex, PERSON, { password: alexPassword });
  await alex.waitForURL((url) => url.pathname === '/me');
  h.assertNoOffsiteRequests();
});
