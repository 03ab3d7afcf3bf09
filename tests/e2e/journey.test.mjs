// The whole journey in a real browser against the real wasm build and server: a customer on
// a phone in Dutch, one on a desktop in English, the browser's Back button, a reload mid-way.
// Every click goes through the DOM bridge by role and visible name, as a person or a screen
// reader would; every step is screenshotted (and checked not blank) and checked by axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE, DESKTOP } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, pressId, checkStep, state,
  pressOnUntil, pressNextPart, takeHomeOfflineAndReset, answerVerification, AFTER, HIKVISION_CAMERA, ownPasswordToFinishNl } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });



test('a Dutch customer on a phone goes through all six steps to a clean device', async () => {
  const link = server.mint('CS-2026-000101', 'nl', HIKVISION_CAMERA);
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, link);
  let n = 0;
  const step = async screen => { await expectScreen(page, screen); await checkStep(page, 'nl-phone', n++); };

  await step('welcome');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.match(await page.title(), /besmet/);
  await page.getByText('CS-2026-000101', { exact: false }).first().waitFor();
  await press(page, 'Beginnen');
  await step('identify_evidence');
  await page.getByText('Hikvision', { exact: false }).first().waitFor();
  await press(page, 'Ja, dit apparaat heb ik');
  // The home goes off the internet, not the camera off the home network.
  await step('disconnect_prepare');
  assert.match(await page.title(), /stap 2 van 5/);
  await page.getByText('Alles is geladen').first().waitFor({ timeout: 20000 });
  await press(page, 'Verder');
  await step('disconnect_line');
  await pressId(page, 'line.coax');
  await step('disconnect');
  await page.getByText(/tv-aansluiting in de muur/).first().waitFor();
  await press(page, 'De internetkabel is los');
  await step('reset_connection');
  await pressId(page, 'connection.cable');
  await step('reset_method');
  await pressAndLeave(page, 'Begin');
  // One action per page; every page screenshotted and checked.
  while ((await state(page)).screen === 'reset_steps') {
    await checkStep(page, 'nl-phone', n++);
    await pressNextPart(page);
  }
  await step('verify_question');
  await answerVerification(page, AFTER.reset);
  await ownPasswordToFinishNl(page, step);
  const final = await state(page);
  assert.equal(final.step, 'finish');
  assert.equal(final.outcome, 'remediated');
  assert.equal(final.device, 'hikvision-ds-2cd-camera');
  assert.equal(final.locale, 'nl');
  await context.close();
});

test('an English customer on a desktop with only "port 23" in the link answers questions and finishes', async () => {
  const link = server.mint('CS-2026-000102', 'en', { tag: 'mirai', infection: 'mirai', port: 23 });
  const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
  const page = await openWizard(context, link);
  let n = 0;
  const step = async screen => { await expectScreen(page, screen); await checkStep(page, 'en-desktop', n++); };

  await step('welcome');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await press(page, 'Start');
  await step('identify_evidence');
  // Weak evidence: the wizard says it does not know yet, rather than guessing.
  await page.getByText('We do not know yet which of your devices it is.').first().waitFor();
  await press(page, 'Continue');
  await step('identify_category');
  await press(page, /^A camera/, 'button');
  await step('identify_app');
  await press(page, 'XMEye');
  await page.waitForFunction(() => window.cleanslate.state().screen !== 'identify_app');
  // The engine may still ask for the brand or model; this customer does not know them.
  for (let i = 0; i < 3; i++) {
    const s = (await state(page)).screen;
    if (s === 'identify_brand') { await checkStep(page, 'en-desktop', n++); await press(page, /^There is no brand on it/); }
    else if (s === 'identify_model') { await checkStep(page, 'en-desktop', n++); await press(page, "I can't find it"); }
    else break;
    await page.waitForFunction(from => window.cleanslate.state().screen !== from, s);
  }
  await step('identify_candidates');
  await page.getByRole('button', { name: /XiongMai/ }).first().click();
  await step('disconnect_prepare');
  assert.match((await state(page)).device, /^xiongmai-/);
  await takeHomeOfflineAndReset(page, { lang: 'en', line: 'fibre', connection: 'wifi' });
  await step('verify_question');
  await answerVerification(page, AFTER.reset);
  await step('password_choose');
  await press(page, 'Use this password');
  await step('password_steps');
  await pressOnUntil(page, ['Next step', 'I have set it'], 'password_hardening');
  await step('password_hardening');
  await pressOnUntil(page, ['Done', 'Continue'], 'reconnect');
  await step('reconnect');
  await pressOnUntil(page, ['Continue'], 'finish');
  await step('finish');
  const final = await state(page);
  assert.equal(final.outcome, 'remediated');
  assert.equal(final.locale, 'en');
  await context.close();
});

test("the browser's Back button is the wizard's Back, and the wizard's Back is the browser's", async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000103', 'en', HIKVISION_CAMERA));
  await press(page, 'Start');
  await expectScreen(page, 'identify_evidence');
  await pressAndLeave(page, 'Yes, I have this device');
  await expectScreen(page, 'disconnect_prepare');
  await page.goBack();
  await expectScreen(page, 'identify_evidence');
  await page.goBack();
  await expectScreen(page, 'welcome');
  await press(page, 'Start');
  await expectScreen(page, 'identify_evidence');
  await press(page, 'Back');
  await expectScreen(page, 'welcome');
  assert.equal((await state(page)).depth, 0);
  await context.close();
});

test('a reload in the middle of the journey comes back to the same screen', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.mint('CS-2026-000104', 'nl', HIKVISION_CAMERA));
  await press(page, 'Beginnen');
  await press(page, 'Ja, dit apparaat heb ik');
  await expectScreen(page, 'disconnect_prepare');
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => window.cleanslate.state().locale === 'en');
  await page.reload();
  await page.waitForFunction(() => window.cleanslate && window.cleanslate.state().step !== 'loading');
  const resumed = await state(page);
  assert.equal(resumed.screen, 'disconnect_prepare');
  assert.equal(resumed.device, 'hikvision-ds-2cd-camera');
  assert.equal(resumed.locale, 'en');
  await press(page, 'Back');
  await expectScreen(page, 'identify_evidence');
  await context.close();
});

test('keyboard users can Tab to every control and press it with Enter', async () => {
  const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000105', 'en', HIKVISION_CAMERA));
  const focusedNames = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    focusedNames.push(await page.evaluate(() => document.activeElement && document.activeElement.textContent));
  }
  assert.ok(focusedNames.some(name => name && name.includes('Start')), `Tab order: ${focusedNames.join(' | ')}`);
  await page.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');
  await expectScreen(page, 'identify_evidence');
  await context.close();
});
