// The link from the e-mail: a genuine one shows its case number and the helpdesk it
// carries, with what the customer can check themselves; an altered one gets one message
// that leads with calling the number on their bill, shows nothing it carries and offers no
// green "Start"; an expired or damaged one still lets the customer follow the steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, checkStep, state, E2E_LINK_KEY } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const b64url = data => Buffer.from(data).toString('base64url');
// Signs a payload the way the ISP's server does, so a test can make links the mint command refuses (expired ones).
function signedLink(payload) {
  const part = b64url(JSON.stringify(payload));
  return `${server.base}/#t=${part}.${createHmac('sha256', E2E_LINK_KEY).update(part).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);

test('a genuine link shows its case number, its helpdesk and what the customer can check', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000501', 'en', { tag: 'mirai', port: 23 }, ['--helpdesk', '0800 111 2222']));
  await page.waitForFunction(() => window.cleanslate.state().link_check === 'ok');
  await page.getByText(/Your case number is CS-2026-000501/).first().waitFor();
  await page.getByText(/Check the address bar at the top yourself/).first().waitFor();
  await page.getByText(/call the number on your bill/i).first().waitFor();
  // No promise the password step would break: the device's own password is asked for later.
  assert.equal(await page.getByText(/never ask for your passwords/).count(), 0);
  await page.getByRole('link', { name: /^Call 0800 111 2222/ }).waitFor();
  assert.equal((await state(page)).link, 'ok');
  await checkStep(page, 'link', 0);
  await context.close();
});

test('an altered link gets a warning and its phone number is not shown', async () => {
  const genuine = server.mint('CS-2026-000502', 'en', { tag: 'mirai', port: 23 }, ['--helpdesk', '0900 CROOKS']);
  const [payload, signature] = genuine.split('#t=')[1].split('.');
  const forged = JSON.parse(Buffer.from(payload, 'base64url').toString());
  forged.helpdesk = '0900 123 999';
  const page = await openWizard(await browser.newContext({ ...PHONE, locale: 'en-GB' }),
    `${server.base}/#t=${b64url(JSON.stringify(forged))}.${signature}`);
  await page.getByText(/This link was changed after we sent it/).first().waitFor();
  await page.getByText('Call us on the number on your bill').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Start' }).count(), 0, 'no green "Start" for an altered link');
  await page.getByRole('button', { name: 'Show me the steps anyway' }).waitFor();
  assert.equal(await page.getByRole('link', { name: /^Call / }).count(), 0, 'no number from the page: the bill has the real one');
  assert.equal(await page.getByText('0900 123 999').count(), 0, 'the forged number must not be shown');
  assert.equal(await page.getByText('CS-2026-000502').count(), 0, 'nor the case number it claims');
  assert.equal((await state(page)).link_check, 'bad_signature');
  await checkStep(page, 'link', 1);
  await page.close();
});

test('an expired link is explained kindly and the steps still work', async () => {
  const page = await openWizard(await browser.newContext({ ...PHONE, locale: 'nl-NL' }), signedLink({
    v: 1, ticket: 'CS-2026-000503', iat: now() - 30 * 86400, exp: now() - 86400, lang: 'nl', helpdesk: '088 000 1234',
    evidence: { tag: 'mirai', port: 23 } }));
  await page.getByText(/De link in uw e-mail is verlopen/).first().waitFor();
  assert.equal((await state(page)).link, 'expired');
  await page.getByRole('button', { name: 'Beginnen' }).click();
  await page.waitForFunction(() => window.cleanslate.state().screen === 'identify_evidence');
  await page.close();
});

test('a damaged link still lets the customer start', async () => {
  const page = await openWizard(await browser.newContext({ ...PHONE, locale: 'en-GB' }), `${server.base}/#t=eyJ2IjoxLCJ0aWNr`);
  await page.getByText(/The link you used is not complete/).first().waitFor();
  assert.equal((await state(page)).link, 'malformed');
  await checkStep(page, 'link', 2);
  await page.close();
});
