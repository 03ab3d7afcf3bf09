// What the device data says reaches the customer as written, on a phone: a reset says what
// it erases and what stays, and a printer whose password is on its sticker is never told to
// leave the password empty (issue 10, schema v2).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, answerEveryQuestion, checkStep, state } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// From the start to the reset step, naming the device by its kind, brand and model.
async function toReset(page, { category, brand, model, pick }) {
  await press(page, 'Start');
  await press(page, 'No, thank you');
  await expectScreen(page, 'identify_evidence');
  await pressAndLeave(page, 'Continue');
  for (let i = 0; i < 6; i++) {
    const screen = (await state(page)).screen;
    if (screen === 'identify_category') await pressAndLeave(page, category);
    else if (screen === 'identify_app') await pressAndLeave(page, /^I don't use an app/);
    else if (screen === 'identify_brand') { await page.getByRole('textbox', { name: 'Brand on the device' }).fill(brand); await pressAndLeave(page, 'Continue'); }
    else if (screen === 'identify_model') {
      if (model) { await page.getByRole('textbox').first().fill(model); await pressAndLeave(page, 'Continue'); }
      else await pressAndLeave(page, "I can't find it");
    }
    else if (screen === 'identify_candidates') await pressAndLeave(page, pick);
    else break;
  }
  await expectScreen(page, 'disconnect');
  await press(page, 'It is disconnected');
  await expectScreen(page, 'reset_steps');
}

test('a printer: the reset lists what it erases, and the password step points at the sticker, not at an empty password', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000401', 'en', { tag: 'mirai', port: 23 }));
  await toReset(page, { category: /^A printer/, brand: 'Brother', pick: /Brother/ });
  assert.match((await state(page)).device, /^brother-/);
  await page.getByText('This erases:').first().waitFor();
  await page.getByText('all settings', { exact: true }).first().waitFor();
  await page.getByText('the passwords', { exact: true }).first().waitFor();
  await checkStep(page, 'printer-sticker', 0);
  await press(page, 'I did this');
  await answerEveryQuestion(page, 'Yes');
  await expectScreen(page, 'password_where');
  await page.getByText(/The password is on the sticker of the device, next to “Pwd”\. Does that not work\? Then try initpass or access\./).first().waitFor();
  assert.equal(await page.getByText(/Leave the password empty/).count(), 0, 'a sticker password is never an empty one');
  await checkStep(page, 'printer-sticker', 1);
  await context.close();
});

test('a NAS: the reset says the files stay, in Dutch', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.mint('CS-2026-000402', 'nl', { tag: 'mirai', port: 23, device_vendor: 'Synology', device_type: 'NAS', device_model: 'DS107' }));
  await press(page, 'Beginnen');
  await press(page, 'Nee, liever niet');
  await expectScreen(page, 'identify_evidence');
  await press(page, 'Ja, dit apparaat heb ik');
  await expectScreen(page, 'disconnect');
  await press(page, 'Het is losgekoppeld');
  await expectScreen(page, 'reset_steps');
  assert.equal((await state(page)).device, 'synology-diskstation-legacy');
  await page.getByText('Dit wordt gewist:').first().waitFor();
  await page.getByText('Dit blijft bewaard:').first().waitFor();
  await page.getByText('uw bestanden', { exact: true }).first().waitFor();
  // The second hold must follow within 10 seconds, and each hold ends at the beep.
  await page.getByText(/Laat los zodra het apparaat piept of iets zegt\./).first().waitFor();
  await page.getByText(/Doe dit binnen 10 seconden\./).first().waitFor();
  await checkStep(page, 'nas-keeps-files', 0);
  await context.close();
});
