// Recovery housing end-to-end (issue 19): on a phone, anyone (no sign-in) sees certified recovery residences
// with beds, each with its NARR level (said to be a kind of support, not a rank), its certification and the date
// of its last report; the expired certificate is not listed; the plain filters work; the page works in Spanish.
// The operator (provider staff of the demo organization) reports beds with one tap on a phone, sees the
// reminders and flags, and the public board shows the change. axe runs on every page visited, and nothing may
// leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoHorizontalScroll, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, SPANISH, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

test('on a phone, anyone sees certified recovery residences with beds and filters them', { timeout: 90_000 }, async () => {
  const page = await h.open(PHONE);
  await page.goto('/');
  await page.getByRole('link', { name: 'Recovery housing' }).click();
  await page.getByRole('heading', { level: 1, name: 'Recovery housing with beds' }).waitFor();
  await expectNoAxeViolations(page, '/housing');
  await assertNoHorizontalScroll(page, '/housing');
  await page.getByText(/They are not a ranking/).waitFor();

  const names = await page.getByRole('heading', { level: 3 }).allTextContents();
  assert.ok(names.includes('Maple Street House (demo)'));
  assert.ok(!names.includes('Seaside House (demo)'), 'its certificate expired: not listed');
  await page.getByText('This report is more than a week old').first().waitFor(); // Rainbow Bridge, 12 days
  await page.getByText(/Certified by Connecticut Alliance of Recovery Residences/).first().waitFor();

  await page.getByLabel('For', { exact: true }).selectOption('lgbtq');
  await page.getByLabel(/Accepts people on medications/).check();
  await page.getByRole('button', { name: 'Show residences' }).click();
  await page.waitForURL(/population=lgbtq/);
  const lgbtq = await page.getByRole('heading', { level: 3 }).allTextContents();
  assert.deepEqual(lgbtq.sort(), ['Elm City Young Adult House (demo)', 'Rainbow Bridge House (demo)']);
  await expectNoAxeViolations(page, '/housing (filtered)');
  h.assertNoOffsiteRequests();
});

test('the housing board in Spanish', { timeout: 60_000 }, async () => {
  const page = await h.open(SPANISH);
  await page.goto('/housing');
  await page.getByRole('heading', { level: 1, name: 'Vivienda de recuperación con camas' }).waitFor();
  await page.getByText(/No son una clasificación/).waitFor();
  await expectNoAxeViolations(page, '/housing (es)');
  h.assertNoOffsiteRequests();
});

test('on a phone, the operator reports beds with one tap and the board shows it', { timeout: 90_000 }, async () => {
  const page = await h.open(PHONE);
  await signIn(page, DEMO.providerStaff);
  await page.getByText(/bed reports? (is|are) due/).first().waitFor(); // the home's reminder
  await page.getByRole('link', { name: 'Our residences', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Our residences' }).waitFor();
  await expectNoAxeViolations(page, '/residences');
  await assertNoHorizontalScroll(page, '/residences');
  await page.getByText(/Hidden from the public board: the certificate expired/).waitFor();
  await page.getByText(/Fewer than two naloxone doses on site/).waitFor();

  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Brass City House (demo)' }) });
  await card.getByText('Beds open: 1').waitFor();
  await card.getByRole('button', { name: 'One more bed open at Brass City House (demo)' }).click();
  await page.getByText('Bed report saved.').waitFor();
  await card.getByText('Beds open: 2').waitFor();
  await expectNoAxeViolations(page, '/residences (after the report)');

  await page.goto('/housing?town=Waterbury');
  const brass = page.locator('li', { has: page.getByRole('heading', { name: 'Brass City House (demo)' }) });
  await brass.getByText('2 beds open').waitFor();
  h.assertNoOffsiteRequests();
});

// Placement (issue 19): the operator of a residence listed in the directory (the second demo organization) reports
// its beds on a phone and keeps its details; a coach refers a person there and holds a bed; the operator accepts in
// its inbox; the public board follows each step. axe on every page.
test('an operator reports beds on a phone, a coach refers a person and holds a bed, the operator accepts', { timeout: 180_000 }, async () => {
  const operator = await h.open(PHONE);
  const listed = await (await operator.request.get('/api/v1/housing?per_page=100')).json();
  const house = listed.residences.find((r) => r.service_id);
  assert.ok(house, 'a residence listed in the directory');
  const beds = (n) => (n === 0 ? 'No bed open now' : n === 1 ? '1 bed open' : `${n} beds open`);
  const board = async (text) => {
    const page = await h.open(PHONE);
    await page.goto(`/housing?town=${encodeURIComponent(house.town)}`);
    const card = page.locator('li', { has: page.getByRole('heading', { name: house.name, exact: true }) });
    await card.getByText(text, { exact: true }).waitFor();
    await expectNoAxeViolations(page, `/housing (${text})`);
    await page.close();
  };
  await board(beds(house.available_beds));

  // The operator, on a phone: one more bed open, then the residence's details.
  await signIn(operator, DEMO.otherProviderAdmin);
  await operator.goto('/residences');
  await operator.getByRole('heading', { level: 1, name: 'Our residences' }).waitFor();
  await assertNoHorizontalScroll(operator, '/residences (the other organization)');
  const card = operator.locator('section', { has: operator.getByRole('heading', { name: house.name, exact: true }) });
  await card.getByText(`Beds open: ${house.available_beds}`).waitFor();
  await card.getByRole('button', { name: `One more bed open at ${house.name}` }).click();
  await operator.getByText('Bed report saved.').waitFor();
  const open = house.available_beds + 1;
  await card.getByText(`Beds open: ${open}`).waitFor();
  await card.getByRole('link', { name: `Edit the details of ${house.name}` }).click();
  await operator.getByRole('heading', { level: 1, name: `Details of ${house.name}` }).waitFor();
  await expectNoAxeViolations(operator, '/residences/{id}/edit');
  await assertNoHorizontalScroll(operator, '/residences/{id}/edit');
  await operator.getByLabel('Cost per week').fill('-5');
  await operator.getByRole('button', { name: 'Save the details' }).click();
  await operator.getByRole('alert').getByText(/Cost per week/).waitFor();
  await expectNoAxeViolations(operator, '/residences/{id}/edit (a problem named)');
  await operator.getByLabel('Cost per week').fill('170');
  await operator.getByRole('button', { name: 'Save the details' }).click();
  await operator.getByText('Saved.').waitFor();
  await board(beds(open));

  // A coach refers Jordan Lee there, holding a bed (after recording the consent the referral needs).
  const coach = await h.open();
  await signIn(coach, DEMO.coach);
  await coach.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
  await coach.getByRole('link', { name: 'Jordan Lee', exact: true }).first().click();
  await coach.waitForURL(/\/persons\/[^/?#]+$/);
  const person = new URL(coach.url()).pathname;
  await coach.goto(`${person}/consents`);
  await coach.getByRole('radio', { name: /^My treating providers, health plans/ }).check();
  await coach.getByRole('checkbox', { name: /^Referral information/ }).check();
  await coach.getByLabel('This consent is for treatment, payment and health care operations', { exact: true }).check();
  await coach.getByRole('radio', { name: /^No end date/ }).check();
  await coach.getByLabel('The person signed this consent on paper; the signed form is on file.', { exact: true }).check();
  await coach.getByRole('button', { name: 'Record this consent', exact: true }).click();
  await coach.getByText('Consent saved.', { exact: false }).waitFor();
  await coach.goto(`${person}/referrals`);
  await coach.getByLabel("Search the directory's services", { exact: true }).fill(house.name);
  await coach.getByRole('button', { name: 'Search', exact: true }).click();
  const result = coach.locator('main li.card', { has: coach.getByRole('heading', { name: house.name, exact: true }) }).first();
  await result.getByLabel('Reason', { exact: true }).fill('Leaving detox on Friday; wants a recovery residence');
  await result.getByLabel('Recovery residence: hold a bed for 24 hours').check();
  await expectNoAxeViolations(coach, 'a referral to a recovery residence');
  await result.getByRole('button', { name: /^Send the referral/ }).click();
  await coach.getByText('Referral sent.', { exact: false }).waitFor();
  const referral = new URL(coach.url()).pathname;
  await board(beds(open - 1)); // one held for 24 hours

  // The operator sees the held bed and accepts in its inbox: the bed is taken.
  await operator.goto('/residences');
  await card.getByText(/Held for referrals: 1/).waitFor();
  await operator.goto(referral);
  await operator.getByText('Leaving detox on Friday; wants a recovery residence', { exact: true }).waitFor();
  await operator.getByRole('button', { name: 'Acknowledge', exact: true }).click();
  await operator.getByRole('button', { name: 'Accept', exact: true }).click();
  await operator.getByText('Accepted', { exact: true }).first().waitFor();
  await expectNoAxeViolations(operator, 'an accepted referral (phone)');
  await operator.goto('/residences');
  await card.getByText(`Beds open: ${open - 1}`).waitFor();
  await board(beds(open - 1));
  h.assertNoOffsiteRequests();
});

// A residence added from a page (issue 19): the operator, on a phone, fills in a new residence's details; a
// problem is named beside its field (in the summary), then the residence joins the operator's page and, with its
// first bed report, the public board. axe on every page.
test('on a phone, the operator adds a residence and the board lists it', { timeout: 120_000 }, async () => {
  const page = await h.open(PHONE);
  await signIn(page, DEMO.providerStaff);
  await page.goto('/residences');
  await page.getByRole('link', { name: 'Add a residence', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Add a recovery residence' }).waitFor();
  await expectNoAxeViolations(page, '/residences/new');
  await assertNoHorizontalScroll(page, '/residences/new');

  const nextYear = `${new Date().getFullYear() + 1}-06-30`;
  await page.getByLabel('Name', { exact: true }).fill('Harbor Light House (e2e)');
  await page.getByLabel('Street address', { exact: true }).fill('8 Harbor Street');
  await page.getByLabel('Town', { exact: true }).fill('New London');
  await page.getByRole('radio', { name: 'II · Monitored', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Young adults', exact: true }).check();
  await page.getByLabel('Beds in all', { exact: true }).fill('5');
  await page.getByLabel('Beds open', { exact: true }).fill('6');
  await page.getByLabel('Certifying body', { exact: true }).fill('Connecticut Alliance of Recovery Residences');
  await page.getByLabel('Certificate number', { exact: true }).fill('E2E-5');
  await page.getByLabel('Certificate valid until', { exact: true }).fill(nextYear);
  await page.getByRole('button', { name: 'Add the residence' }).click();
  const alert = page.getByRole('alert');
  await alert.getByText(/Beds open/).waitFor();
  await alert.getByText(/Statement that the residence is not licensed treatment/).waitFor();
  await expectNoAxeViolations(page, '/residences/new (problems named)');

  await page.getByLabel('Beds open', { exact: true }).fill('2');
  await page.getByLabel('Statement that the residence is not licensed treatment', { exact: true }).fill('A peer-supported home; it is not licensed treatment.');
  await page.getByRole('button', { name: 'Add the residence' }).click();
  await page.getByText('Saved.').waitFor();
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Harbor Light House (e2e)' }) });
  await card.getByText('Beds open: 2').waitFor();
  await expectNoAxeViolations(page, '/residences (a residence added)');

  await page.goto('/housing?town=New%20London');
  const listed = page.locator('li', { has: page.getByRole('heading', { name: 'Harbor Light House (e2e)' }) });
  await listed.getByText('2 beds open').waitFor();
  h.assertNoOffsiteRequests();
});
