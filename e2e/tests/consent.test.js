// Consent and allies (issue 7): Alex invites Maria as an ally and consents to
// "goals and progress"; Maria sees the goals but none of Alex's check-in
// words; Alex revokes, and Maria's next click shows nothing; Alex sees both
// the disclosure and Maria's access in their log. axe on every page; nothing
// may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoHorizontalScroll, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, signIn, useServerAndBrowser } from '../lib/harness.js';

const TEST_TIMEOUT_MS = 300_000;
const PERSON = DEMO.person;
const ALLY_PASSWORD = 'maple river lantern orbit';

const h = useServerAndBrowser();

test('a person shares goals with an ally, then takes it back', { timeout: TEST_TIMEOUT_MS }, async () => {
  // Alex invites Maria.
  const alex = await h.open();
  await signIn(alex, PERSON);
  await alex.getByRole('link', { name: 'My allies', exact: true }).click();
  await alex.getByRole('heading', { level: 1, name: 'My allies', exact: true }).waitFor();
  await expectNoAxeViolations(alex, '/me/allies');
  await alex.getByLabel('Their name', { exact: true }).fill('Maria Rivera');
  await alex.getByLabel('Relationship', { exact: true }).fill('sister');
  await alex.getByRole('button', { name: 'Make an invitation', exact: true }).click();
  await alex.getByRole('heading', { level: 1, name: 'Invitation ready', exact: true }).waitFor();
  await expectNoAxeViolations(alex, 'ally invitation');
  const code = (await alex.locator('.code').first().innerText()).trim();
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  // Maria opens it and sees nothing yet.
  const maria = await h.open();
  await maria.goto('/invite');
  await maria.getByLabel('Invitation code', { exact: true }).fill(code);
  await maria.getByLabel('Username', { exact: true }).fill('maria.rivera');
  await maria.getByLabel('Password', { exact: true }).fill(ALLY_PASSWORD);
  await maria.getByLabel('Password again', { exact: true }).fill(ALLY_PASSWORD);
  await maria.getByRole('button', { name: 'Open my portal', exact: true }).click();
  await maria.waitForURL((url) => url.pathname === '/ally');
  await maria.getByText('Nothing is shared with you right now.', { exact: false }).waitFor();
  await expectNoAxeViolations(maria, '/ally with nothing shared');

  // Alex consents to goals and progress.
  await alex.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My privacy', exact: true }).click();
  await alex.getByRole('heading', { level: 1, name: 'Who may see my information', exact: true }).waitFor();
  await expectNoAxeViolations(alex, '/me/consents');
  await alex.getByLabel('Someone I invited (an ally)', { exact: true }).check();
  await alex.getByLabel('Which ally', { exact: true }).selectOption({ label: 'Maria Rivera' });
  await alex.getByLabel('Goals and progress (recovery plan)', { exact: true }).check();
  await alex.getByRole('button', { name: 'Sign this consent', exact: true }).click();
  const problems = alex.getByRole('alert');
  await problems.getByRole('link', { name: /^Signature/ }).waitFor();
  await expectNoAxeViolations(alex, '/me/consents with a missing element');
  await alex.getByLabel('Goals and progress (recovery plan)', { exact: true }).check();
  await alex.getByLabel('Type your full name to sign', { exact: true }).fill('Alex Rivera');
  await alex.getByLabel('I have read this consent and I sign it.', { exact: true }).check();
  await alex.getByRole('button', { name: 'Sign this consent', exact: true }).click();
  await alex.getByText('Consent saved.', { exact: false }).waitFor();

  // Maria sees the goals, with the notice, and none of the check-in words.
  await maria.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared with me', exact: true }).click();
  await maria.getByRole('heading', { level: 2, name: 'Goals and progress', exact: true }).waitFor();
  await maria.getByRole('heading', { level: 2, name: 'Notice: federally protected information', exact: true }).waitFor();
  const shared = await maria.locator('main').innerText();
  assert.ok(!shared.includes('A hard weekend'), 'no check-in words');
  assert.ok(!shared.includes('feeling hopeful'), 'no plan notes');
  assert.equal(await maria.getByRole('heading', { level: 2, name: 'Check-ins', exact: true }).count(), 0);
  await expectNoAxeViolations(maria, '/ally with goals');

  // Alex takes it back; Maria's next click shows nothing.
  await alex.getByRole('button', { name: /^Take back this consent/ }).click();
  await alex.getByText('Consent revoked.', { exact: false }).waitFor();
  await maria.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared with me', exact: true }).click();
  await maria.getByText('Nothing is shared with you right now.', { exact: false }).waitFor();
  assert.equal(await maria.getByRole('heading', { level: 2, name: 'Goals and progress', exact: true }).count(), 0);

  // Alex sees the disclosure and the accesses.
  await alex.getByRole('link', { name: 'Disclosures', exact: true }).click();
  await alex.getByRole('heading', { level: 1, name: 'Who received my information', exact: true }).waitFor();
  await alex.getByRole('cell', { name: /Maria Rivera/ }).first().waitFor();
  await expectNoAxeViolations(alex, '/me/disclosures');
  await alex.getByRole('link', { name: 'Access log', exact: true }).click();
  await alex.getByRole('heading', { level: 1, name: 'Who looked at my record', exact: true }).waitFor();
  await alex.getByText(/Maria Rivera \(Ally, .*\): saw what you share with them/).first().waitFor();
  await expectNoAxeViolations(alex, '/me/access-log');

  // Family supports, from the directory.
  await maria.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Support for families and friends', exact: true }).click();
  await maria.getByRole('heading', { level: 2, name: 'Al-Anon', exact: true }).waitFor();
  await expectNoAxeViolations(maria, '/ally/support');

  h.assertNoOffsiteRequests();
});

test('a coach refers a person; blocked without consent, then received and accepted', { timeout: TEST_TIMEOUT_MS }, async () => {
  const coach = await h.open();
  await signIn(coach, DEMO.coach);
  await coach.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await coach.getByRole('link', { name: 'Jordan Lee', exact: true }).first().click();
  await coach.waitForURL(/\/persons\/[^/?#]+$/);
  await coach.getByRole('link', { name: 'Referrals', exact: true }).last().click();
  await coach.getByRole('heading', { level: 1, name: 'Referrals for Jordan Lee', exact: true }).waitFor();
  await expectNoAxeViolations(coach, 'a person\'s referrals');

  const refer = async () => {
    await coach.getByLabel("Search the directory's services", { exact: true }).fill('Withdrawal Management Center');
    await coach.getByRole('button', { name: 'Search', exact: true }).click();
    const first = coach.locator('main li.card').first();
    await first.getByLabel('Reason', { exact: true }).fill('Withdrawal; needs a bed this week');
    await first.getByRole('button', { name: /^Send the referral/ }).click();
  };
  await refer();
  const blocked = coach.getByRole('alert');
  await blocked.getByText('No consent in force lets referral information', { exact: false }).waitFor();
  await expectNoAxeViolations(coach, 'a referral blocked by the consent gate');

  // The shortcut: record the signed paper consent for treatment, payment and operations.
  await blocked.getByRole('link', { name: 'Record a consent', exact: true }).click();
  await coach.getByRole('heading', { level: 1, name: 'Consents of Jordan Lee', exact: true }).waitFor();
  await expectNoAxeViolations(coach, 'a person\'s consents (staff)');
  await coach.getByRole('radio', { name: /^My treating providers, health plans/ }).check();
  await coach.getByRole('checkbox', { name: /^Referral information/ }).check();
  await coach.getByLabel('This consent is for treatment, payment and health care operations', { exact: true }).check();
  await coach.getByRole('radio', { name: /^No end date/ }).check();
  await coach.getByLabel('The person signed this consent on paper; the signed form is on file.', { exact: true }).check();
  await coach.getByRole('button', { name: 'Record this consent', exact: true }).click();
  await coach.getByText('Consent saved.', { exact: false }).waitFor();

  await coach.goto(new URL(coach.url()).pathname.replace(/\/consents$/, '/referrals'));
  await refer();
  await coach.getByText('Referral sent.', { exact: false }).waitFor();
  await coach.getByRole('heading', { level: 1, name: /^Referral to .*Withdrawal Management Center/ }).waitFor();
  await expectNoAxeViolations(coach, 'a sent referral');
  const referral = new URL(coach.url()).pathname;

  // The receiving organization answers from its inbox.
  const provider = await h.open();
  await signIn(provider, DEMO.otherProviderAdmin);
  await provider.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals', exact: true }).click();
  await provider.getByRole('heading', { level: 1, name: 'Referrals', exact: true }).waitFor();
  await expectNoAxeViolations(provider, '/referrals (receiving)');
  await provider.locator(`a[href="${referral}"]`).first().click();
  await provider.getByText('Withdrawal; needs a bed this week', { exact: true }).waitFor();
  await provider.getByRole('button', { name: 'Acknowledge', exact: true }).click();
  await provider.getByRole('button', { name: 'Accept', exact: true }).click();
  await provider.getByText('Accepted', { exact: true }).first().waitFor();
  await expectNoAxeViolations(provider, 'an accepted referral');

  await coach.reload();
  await coach.getByText('Accepted', { exact: true }).first().waitFor();
  h.assertNoOffsiteRequests();
});

test('the privacy pages fit a phone', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await h.open(PHONE);
  await signIn(page, PERSON);
  for (const [path, heading] of [
    ['/me/consents', 'Who may see my information'],
    ['/me/allies', 'My allies'],
    ['/me/disclosures', 'Who received my information'],
    ['/me/access-log', 'Who looked at my record'],
    ['/ally/support', 'Support for families and friends'],
  ]) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    await assertNoHorizontalScroll(page, `${path} on a phone`);
    await expectNoAxeViolations(page, `${path} on a phone`);
  }
  h.assertNoOffsiteRequests();
});
