// Recovery Friendly designation programs end-to-end (issue 20, item 5): a workplace applies to the demo state
// agency's workplace program from its public page without an account, keeps the private link and sends the evidence
// for its alcohol and drug policy step, with the policy as a PDF file; an advisor of the agency signs in, goes from
// the renewals due on their staff home page to the advisors' page, downloads the file, reviews the step (accepting it
// needs every element of its checklist confirmed) and accepts it; the workplace's private page shows the step
// accepted. Then (branch rf-api) the workplace sends the other steps, removes a file sent by mistake, reads the
// advisor's note on the step returned and sends it again; the advisor accepts every step and designates, and the
// workplace is on the public list and in its JSON. axe (WCAG 2.1 AA) runs on every page visited, in English, and on
// the program's page and the private page in Spanish; nothing may leave 127.0.0.1. No step depends on the time of
// day.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { expectNoAxeViolations } from '../lib/browser.js';
import { SPANISH, signIn, useServerAndBrowser } from '../lib/harness.js';

const h = useServerAndBrowser();

const PROGRAM = 'Recovery Friendly Workplace (demo program)';
const APPLICANT = 'Elm Street Hardware (e2e)';
const POLICY_STEP = 2; // "Alcohol and drug policy reviewed", with its six-element checklist.
const EVIDENCE = 'Our alcohol and drug policy, adopted by the owners this month (e2e).';

/** The path of the page now shown, with its query. */
const here = (page) => new URL(page.url()).pathname + new URL(page.url()).search;

test('a workplace applies and an advisor approves a step', { timeout: 240_000 }, async () => {
  // A visitor finds the program from the home page and applies without an account.
  const visitor = await h.open();
  await visitor.goto('/');
  await visitor.getByRole('link', { name: 'Recovery Friendly communities and workplaces' }).first().click();
  await visitor.getByRole('heading', { level: 1, name: 'Recovery Friendly communities and workplaces' }).waitFor();
  await expectNoAxeViolations(visitor, '/recovery-friendly');
  await visitor.getByRole('link', { name: PROGRAM }).click();
  await visitor.getByRole('heading', { level: 1, name: PROGRAM }).waitFor();
  assert.match(new URL(visitor.url()).pathname, /^\/recovery-friendly\/programs\/[^/]+$/);
  const programPath = new URL(visitor.url()).pathname;
  await visitor.getByText('The substances it covers').waitFor();
  await expectNoAxeViolations(visitor, programPath);

  // Nothing filled in: every field named, the page still accessible.
  await visitor.getByRole('button', { name: 'Apply', exact: true }).click();
  await visitor.locator('.error-summary, [role=alert]').first().waitFor();
  await expectNoAxeViolations(visitor, `${programPath} (every field missing)`);

  await visitor.getByLabel('Workplace or community').fill(APPLICANT);
  await visitor.getByLabel('Town').fill('New Britain');
  await visitor.getByLabel('Contact person').fill('Jordan Example');
  await visitor.getByLabel('Contact email').fill('jordan@hardware.example.org');
  await visitor.getByRole('button', { name: 'Apply', exact: true }).click();
  await visitor.getByRole('heading', { level: 1, name: 'Your application was received' }).waitFor();
  await expectNoAxeViolations(visitor, `${programPath} (applied)`);
  const link = visitor.getByRole('status').getByRole('link');
  const privatePath = await link.getAttribute('href');
  assert.match(privatePath, /^\/recovery-friendly\/applications\/[A-Za-z0-9_-]{20,}$/);
  assert.ok((await link.innerText()).endsWith(privatePath), 'the link shown is the one to keep');

  // The private page: every step not started; evidence for the policy step.
  await link.click();
  await visitor.getByRole('heading', { level: 1, name: 'Your application' }).waitFor();
  await expectNoAxeViolations(visitor, '/recovery-friendly/applications/… (new)');
  const step = visitor.locator(`#step-${POLICY_STEP}`);
  await step.getByText('Not started', { exact: true }).waitFor();
  await step.getByLabel('Evidence').fill(EVIDENCE);
  await step.getByLabel('Link to a document (https, optional)').fill('https://hardware.example.org/policy.pdf');
  // Branch rf-evidence: the policy itself as a file (a PDF by its first bytes).
  const policy = Buffer.from('%PDF-1.4\n% the policy\n%%EOF\n');
  const file = { name: 'policy.pdf', mimeType: 'application/pdf', buffer: policy };
  await step.getByLabel('File (PDF, PNG or JPEG').setInputFiles(file);
  await step.getByRole('button', { name: 'Send the evidence' }).click();
  await visitor.getByText('Saved.').waitFor();
  assert.equal(new URL(visitor.url()).pathname, privatePath);
  await step.getByText("Sent: waiting for the advisor's review").waitFor();
  await step.getByText(EVIDENCE, { exact: false }).waitFor();
  await step.getByText('File sent: policy.pdf (1 KB)').waitFor();
  await expectNoAxeViolations(visitor, '/recovery-friendly/applications/… (evidence sent)');

  // An advisor of the agency (an administrator: two-factor sign-in) reviews it.
  const advisor = await h.open();
  await signIn(advisor, 'state@demo.pathways.test');
  // Their staff home page has the renewals due, linking to the advisors' page.
  await advisor.goto('/staff');
  await advisor.getByRole('heading', { level: 2, name: 'Renewals due' }).waitFor();
  await expectNoAxeViolations(advisor, '/staff (an advisor)');
  await advisor.getByRole('link', { name: 'Open the designation programs and applications' }).click();
  await advisor.getByRole('heading', { level: 1, name: 'Designation programs and applications' }).waitFor();
  await expectNoAxeViolations(advisor, '/designation-programs');
  await advisor.getByRole('link', { name: APPLICANT }).first().click();
  await advisor.getByRole('heading', { level: 1, name: `Application: ${APPLICANT}` }).waitFor();
  const applicationPath = here(advisor);
  await expectNoAxeViolations(advisor, applicationPath);
  const review = advisor.locator('li.card').filter({ hasText: EVIDENCE });
  // The file sent is linked for download, byte for byte.
  const fileLink = review.getByRole('link', { name: 'Download policy.pdf (1 KB)' });
  const fileHref = await fileLink.getAttribute('href');
  const downloaded = await advisor.request.get(fileHref);
  assert.equal(downloaded.status(), 200);
  assert.equal(downloaded.headers()['content-type'], 'application/pdf');
  assert.ok(downloaded.headers()['content-disposition'].startsWith('attachment; filename="policy.pdf"'));
  assert.deepEqual(await downloaded.body(), policy);
  // Accepting without confirming the policy's six elements is refused, the problem named.
  await review.getByLabel('Accept this step').check();
  await review.getByRole('button', { name: 'Save the review' }).click();
  await advisor.getByText('Confirm every element before accepting the step.').first().waitFor();
  await expectNoAxeViolations(advisor, `${applicationPath} (checklist not confirmed)`);
  const again = advisor.locator('li.card').filter({ hasText: EVIDENCE });
  const boxes = again.getByRole('group', { name: 'Confirm each element' }).getByRole('checkbox');
  assert.equal(await boxes.count(), 6);
  for (let i = 0; i < 6; i += 1) await boxes.nth(i).check();
  await again.getByLabel('Accept this step').check();
  await again.getByRole('button', { name: 'Save the review' }).click();
  await advisor.getByText('Saved.').waitFor();
  assert.equal(here(advisor), applicationPath);
  await advisor.locator('li.card').filter({ hasText: EVIDENCE }).getByText('Accepted', { exact: true }).waitFor();
  await expectNoAxeViolations(advisor, `${applicationPath} (step accepted)`);

  // The workplace sees the step accepted (no more evidence asked for it); the others still open.
  await visitor.goto(privatePath);
  await step.getByText('Accepted', { exact: true }).waitFor();
  assert.equal(await step.getByRole('button', { name: 'Send the evidence' }).count(), 0);
  assert.equal(await visitor.getByRole('button', { name: 'Send the evidence' }).count(), 4);
  await expectNoAxeViolations(visitor, '/recovery-friendly/applications/… (step accepted)');

  // In Spanish: the program's page and the private page.
  const spanish = await h.open(SPANISH);
  await spanish.goto(programPath);
  await spanish.getByRole('heading', { level: 1, name: /Lugar de trabajo amigo de la recuperación/ }).waitFor();
  assert.equal(await spanish.locator('html').getAttribute('lang'), 'es');
  await expectNoAxeViolations(spanish, `${programPath} (es)`);
  await spanish.goto(privatePath);
  await spanish.getByRole('heading', { level: 1, name: 'Su solicitud' }).waitFor();
  await spanish.locator(`#step-${POLICY_STEP}`).getByText('Aceptado', { exact: true }).waitFor();
  await expectNoAxeViolations(spanish, '/recovery-friendly/applications/… (es)');

  // A link one character off opens nothing.
  const wrong = privatePath.slice(0, -1) + (privatePath.endsWith('A') ? 'B' : 'A');
  assert.equal((await visitor.request.get(wrong)).status(), 404);

  // Branch rf-api: the workplace sends the other steps' evidence (a file sent by mistake with the first, then
  // removed, confirmed); the accepted step's file stays. The advisor returns the pledge with a note; the workplace
  // reads it and sends the pledge again; the advisor accepts every step and designates; the workplace is on the
  // public list and in its JSON.
  const texts = {
    0: 'Our letter of interest, signed by the owners (e2e).',
    1: 'We met the advisor at the store on Monday (e2e).',
    3: 'Naloxone, stigma and supervisor trainings held (e2e).',
    4: 'Our pledge (e2e).',
  };
  await visitor.goto(privatePath);
  for (const [i, text] of Object.entries(texts)) {
    const s = visitor.locator(`#step-${i}`);
    await s.getByLabel('Evidence').fill(text);
    if (i === '0') {
      const mistake = Buffer.from('%PDF-1.4\n% not this one\n%%EOF\n');
      await s.getByLabel('File (PDF, PNG or JPEG').setInputFiles({ name: 'wrong.pdf', mimeType: 'application/pdf', buffer: mistake });
    }
    await s.getByRole('button', { name: 'Send the evidence' }).click();
    await visitor.locator(`#step-${i}`).getByText("Sent: waiting for the advisor's review").waitFor();
  }
  const first = visitor.locator('#step-0');
  await first.getByText('File sent: wrong.pdf (1 KB)').waitFor();
  await visitor.locator(`#step-${POLICY_STEP}`).getByText('This step is accepted: its file stays with it.').waitFor();
  await expectNoAxeViolations(visitor, '/recovery-friendly/applications/… (a file to remove)');
  await first.getByLabel('Yes, remove wrong.pdf').check();
  await first.getByRole('button', { name: 'Remove the file' }).click();
  await visitor.getByText('File removed. What you wrote for the step stays.').waitFor();
  assert.equal(await visitor.locator('#step-0').getByText('wrong.pdf').count(), 0);
  await visitor.locator('#step-0').getByText(texts[0], { exact: false }).waitFor();
  await expectNoAxeViolations(visitor, '/recovery-friendly/applications/… (a file removed)');

  await advisor.goto(applicationPath);
  const NOTE = 'Please send the page with the signatures (e2e).';
  const pledge = advisor.locator('li.card').filter({ hasText: texts[4] });
  await pledge.getByLabel('Return it with a note').check();
  await pledge.getByLabel('Note (required to return a step)').fill(NOTE);
  await pledge.getByRole('button', { name: 'Save the review' }).click();
  await advisor.locator('li.card').filter({ hasText: texts[4] }).getByText('Returned: please send it again').waitFor();
  await expectNoAxeViolations(advisor, `${applicationPath} (a step returned)`);

  await visitor.goto(privatePath);
  const returned = visitor.locator('#step-4');
  await returned.getByText('Returned: please send it again').waitFor();
  await returned.getByText(NOTE, { exact: false }).waitFor();
  await expectNoAxeViolations(visitor, '/recovery-friendly/applications/… (a step returned)');
  const SIGNED = 'Our pledge, with the page of signatures (e2e).';
  await returned.getByLabel('Evidence').fill(SIGNED);
  await returned.getByRole('button', { name: 'Send the evidence' }).click();
  await visitor.locator('#step-4').getByText("Sent: waiting for the advisor's review").waitFor();

  await advisor.goto(applicationPath);
  for (const text of [texts[0], texts[1], texts[3], SIGNED]) {
    const card = advisor.locator('li.card').filter({ hasText: text });
    await card.getByLabel('Accept this step').check();
    await card.getByRole('button', { name: 'Save the review' }).click();
    await advisor.locator('li.card').filter({ hasText: text }).getByText('Accepted', { exact: true }).waitFor();
  }
  await advisor.getByRole('button', { name: 'Designate from today' }).click();
  await advisor.locator('#application').getByText(/^Designated on \d{4}-\d{2}-\d{2}; renewal due/).waitFor();
  await expectNoAxeViolations(advisor, `${applicationPath} (designated)`);

  await visitor.goto('/recovery-friendly');
  await visitor.getByText(APPLICANT).first().waitFor();
  await expectNoAxeViolations(visitor, '/recovery-friendly (designated)');
  const json = await visitor.request.get('/api/v1/recovery-friendly?kind=workplace&town=new%20britain');
  assert.equal(json.status(), 200);
  const listed = (await json.json()).designations.find((d) => d.name === APPLICANT);
  assert.equal(listed?.designated_by, 'Demo State Department of Recovery Services');
  h.assertNoOffsiteRequests();
});
