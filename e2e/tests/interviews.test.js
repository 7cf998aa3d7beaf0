// Outcome interviews end-to-end (issue 17): a coach adds a person and records a first service, which starts an
// episode of care; the caseload shows the baseline interview due this week with its window; the coach records
// the baseline section by section on a phone, leaves the form part way and comes back to where it was left, and
// finishes it; the interview is then complete and nothing more is due this week. axe runs on every page visited,
// and nothing may leave 127.0.0.1.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertNoHorizontalScroll, expectNoAxeViolations } from '../lib/browser.js';
import { DEMO, PHONE, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

const NAME = 'Jordan Baseline';

/** Clicks "Save and continue" and waits for the next part. */
async function next(page, part) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText(`Part ${part} of 7`).waitFor();
  await expectNoAxeViolations(page, `interview part ${part}`);
}

test('a coach records a baseline interview section by section, and it resumes where it was left', { timeout: 180_000 }, async () => {
  const page = await h.open(PHONE);
  await signIn(page, DEMO.coach);

  // A new person on the coach's caseload, and a first service: the episode starts today.
  await page.goto('/persons/new');
  await page.getByLabel('Preferred name', { exact: true }).fill(NAME);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
  const base = new URL(page.url()).pathname;
  assert.match(base, /^\/persons\/[0-9a-f-]{36}$/);
  await page.goto(`${base}/encounters`);
  const date = page.getByLabel('Date', { exact: true });
  if (!(await date.inputValue())) await date.fill(await date.getAttribute('max'));
  const today = await date.inputValue();
  await page.getByLabel('Minutes', { exact: true }).fill('20');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').first().waitFor();

  // The caseload shows the baseline due this week, with its window, linked to the person's interviews.
  await page.goto('/caseload');
  await page.getByRole('columnheader', { name: 'Outcome interview this week' }).waitFor();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: NAME }) });
  const due = row.getByRole('link', { name: new RegExp(`^Baseline: open ${today} to \\d{4}-\\d{2}-\\d{2}$`) });
  await due.waitFor();
  await expectNoAxeViolations(page, '/caseload');
  await due.click();

  await page.getByRole('heading', { level: 1, name: `Outcome interviews of ${NAME}` }).waitFor();
  await expectNoAxeViolations(page, '/persons/{id}/outcome-interviews');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await page.getByText('Part 1 of 7').waitFor();
  await expectNoAxeViolations(page, 'interview part 1');
  await assertNoHorizontalScroll(page, 'interview part 1');
  const form = new URL(page.url()).pathname;

  // Part 1: alcohol and other drugs.
  await page.getByLabel('In the past 30 days, on how many days did you drink any alcohol?').fill('2');
  await page.getByLabel('In the past 30 days, on how many days did you use any other drug (not as prescribed)?').fill('0');
  await next(page, 2);

  // The coach leaves; coming back, the form opens at the part not yet answered.
  await page.goto(`${base}/outcome-interviews`);
  await page.getByRole('link', { name: 'Continue the interview' }).click();
  await page.getByText('Part 2 of 7').waitFor();
  assert.equal(new URL(page.url()).pathname, form);

  // Part 2: home.
  await page.getByRole('group', { name: /Right now, is your housing stable/ }).getByLabel('Stable', { exact: true }).check();
  await page.getByRole('group', { name: 'Where are you living now?' }).getByLabel('A place I own or rent').check();
  await next(page, 3);
  // Part 3: work and school.
  await page.getByRole('group', { name: 'Are you working or in school right now?' }).getByLabel('Working part time').check();
  await next(page, 4);
  // Part 4: legal.
  await page.getByLabel('In the past 30 days, how many times were you arrested?').fill('0');
  await next(page, 5);
  // Part 5: health (optional).
  await page.getByRole('group', { name: /How would you rate your health right now\?/ }).getByLabel('Good', { exact: true }).check();
  await next(page, 6);
  // Part 6: people and community.
  await page.getByLabel(/How many people in your life support your recovery\?/).fill('3');
  await page.getByLabel(/on how many days did you go to a mutual-help or recovery meeting\?/).fill('8');
  await next(page, 7);
  // Part 7: BARC-10, ten statements from 1 to 6.
  const statements = page.locator('#barc10 input[type=number]');
  assert.equal(await statements.count(), 10);
  for (let i = 0; i < 10; i += 1) await statements.nth(i).fill(i < 7 ? '5' : '4');
  await page.getByRole('button', { name: 'Finish the interview' }).click();

  await page.getByRole('heading', { level: 1, name: `Outcome interviews of ${NAME}` }).waitFor();
  await page.getByText('No interview is due today.').waitFor();
  await page.getByRole('cell', { name: 'Complete' }).first().waitFor();
  await expectNoAxeViolations(page, '/persons/{id}/outcome-interviews (complete)');

  // The answers as recorded.
  await page.goto(form);
  await page.getByText('BARC-10 total 47').waitFor();
  await expectNoAxeViolations(page, 'the completed interview');

  // Nothing is due this week any more.
  await page.goto('/caseload?flag=interview');
  assert.ok(!(await page.content()).includes(NAME), 'the baseline is done');
  await expectNoAxeViolations(page, '/caseload?flag=interview');
  h.assertNoOffsiteRequests();
});
