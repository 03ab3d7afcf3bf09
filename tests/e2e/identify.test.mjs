// Identification in the browser: a link whose evidence points at a XiongMai recorder gets a
// proposal with its reasons; a link with only "port 23" gets questions instead of a guess,
// and a customer who answers "camera" and "XMEye" reaches the XiongMai family.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, checkStep, state } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the demo link proposes the XiongMai recorder and says why', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.demoLink);
  await press(page, 'English');   // the link says Dutch; this customer switches to English
  await page.waitForFunction(() => window.cleanslate.state().locale === 'en');
  await press(page, 'Start');
  await expectScreen(page, 'identify_evidence');
  await page.getByText('We think it is this device').first().waitFor();
  await page.getByText(/XiongMai/).first().waitFor();
  await page.getByText(/The security report names the maker XiongMai|looks like the one on XiongMai devices|XiongMai sets at the factory/).first().waitFor();
  await checkStep(page, 'identify', 0);
  await pressAndLeave(page, 'Yes, I have this device');
  const s = await state(page);
  assert.match(s.device, /^xiongmai-/);
  // What comes next depends on the device (reset.test.mjs): it has been chosen either way.
  assert.ok(['unsafe_choice', 'disconnect_prepare'].includes(s.screen), s.screen);
  await context.close();
});

test('only "port 23" gives questions, and "camera" + "XMEye" reaches the XiongMai family', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000301', 'en', { tag: 'mirai', infection: 'mirai', port: 23 }));
  await press(page, 'Start');
  await expectScreen(page, 'identify_evidence');
  assert.equal(await page.getByText('We think it is this device').count(), 0, 'weak evidence must not give a confident answer');
  await pressAndLeave(page, 'Continue');
  await expectScreen(page, 'identify_category');
  await pressAndLeave(page, /^A camera/);
  await expectScreen(page, 'identify_app');
  await checkStep(page, 'identify', 1);
  await pressAndLeave(page, 'XMEye');
  for (let i = 0; i < 3; i++) {
    const screen = (await state(page)).screen;
    if (screen === 'identify_brand') await pressAndLeave(page, /^There is no brand on it/);
    else if (screen === 'identify_model') await pressAndLeave(page, "I can't find it");
    else break;
  }
  await expectScreen(page, 'identify_candidates');
  await checkStep(page, 'identify', 2);
  const first = page.locator('[data-id^="candidate."]').first();
  assert.match(await first.textContent(), /XiongMai|XMEye|NetSurveillance/);
  await pressAndLeave(page, /NetSurveillance|XMEye/);
  assert.equal((await state(page)).device, 'xiongmai-netsurveillance-ipc');
  await context.close();
});
