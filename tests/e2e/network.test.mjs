// A flaky network loses nothing: data files are retried by themselves, a lasting failure
// gets a kind message with the helpdesk, and the journey so far is kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, state, assetPattern } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the device list arrives even when the first tries fail', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  let failures = 0;
  await context.route(assetPattern('data/devices.json'), route => (failures++ < 2 ? route.abort('connectionreset') : route.continue()));
  const page = await openWizard(context, server.mint('CS-2026-000601', 'en', { tag: 'mirai', port: 23 }));
  await press(page, 'Start');
  await expectScreen(page, 'identify_evidence');
  await page.getByRole('button', { name: 'Continue' }).waitFor({ timeout: 15000 });
  assert.equal(failures >= 2, true);
  await context.close();
});

test('when the device list cannot be loaded, the customer is told kindly and keeps their place', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  await context.route(assetPattern('data/devices.json'), route => route.abort('internetdisconnected'));
  const page = await openWizard(context, server.mint('CS-2026-000602', 'nl', { tag: 'mirai', port: 23 }));
  await press(page, 'Beginnen');
  await expectScreen(page, 'identify_evidence');
  await page.getByText(/We konden de lijst met apparaten niet laden/).first().waitFor({ timeout: 30000 });
  await page.getByRole('link', { name: /^Bel \d/ }).waitFor();   // the helpdesk, as a big call button
  // The network comes back: a reload resumes on the same screen with the list.
  await context.unroute(assetPattern('data/devices.json'));
  await page.reload();
  await page.waitForFunction(() => window.cleanslate && window.cleanslate.state().step !== 'loading');
  assert.equal((await state(page)).screen, 'identify_evidence');
  await page.getByRole('button', { name: 'Verder' }).waitFor({ timeout: 15000 });
  await context.close();
});

test('when the wizard itself cannot load, the page says so in both languages and offers to try again', async () => {
  const context = await browser.newContext({ ...PHONE });
  await context.route(assetPattern('wizard.wasm'), route => route.abort('internetdisconnected'));
  const page = await context.newPage();
  await page.goto(server.demoLink);
  await page.getByRole('heading', { name: 'De hulp kon niet laden' }).waitFor();
  await page.getByText(/The help could not load/).waitFor();
  await page.getByRole('button', { name: 'Opnieuw proberen / Try again' }).waitFor();
  await context.close();
});
