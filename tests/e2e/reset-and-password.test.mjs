// The two steps that decide whether a device gets clean, in Chromium at phone size:
// a reboot is never taken for a factory reset, weak and Mirai passwords are refused with a
// reason, a device that cannot be secured ends honestly, and the typed password never
// leaves the page — not in a request, not in storage, not in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, answerEveryQuestion, checkStep, state } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const ONLY_PORT_23 = { tag: 'mirai', infection: 'mirai', port: 23 };
const HIKVISION_CAMERA = { tag: 'mirai', port: 23, device_vendor: 'Hikvision', device_type: 'IP Camera', device_model: 'DS-2CD2042WD-I', http_server: 'App-webs/' };
const SECRET = 'Zonnige-Walvis-Trompet-83';   // the password a customer types: must go nowhere

// Watches everything that could carry a password out of the page.
function watchLeaks(page) {
  const outgoing = [];
  page.on('request', request => outgoing.push(`${request.method()} ${request.url()} ${request.postData() || ''}`));
  return {
    async assertNoLeak(secret) {
      const stored = await page.evaluate(async () => {
        const dump = s => Object.keys(s).map(k => k + '=' + s.getItem(k)).join('\n');
        const databases = indexedDB.databases ? (await indexedDB.databases()).map(d => d.name).join(',') : '';
        return [dump(localStorage), dump(sessionStorage), document.cookie, databases].join('\n');
      });
      const cookies = JSON.stringify(await page.context().cookies());
      for (const [where, text] of [['a request', outgoing.join('\n')], ['storage', stored], ['cookies', cookies],
                                   ['the console', page.consoleLines.join('\n')]])
        assert.ok(!text.includes(secret), `the password appeared in ${where}`);
      assert.ok(outgoing.length > 5, 'the watch saw the page load');
    },
  };
}

// From the start to the reset step for a device the customer names by answers.
async function toReset(page, answers) {
  await press(page, answers.lang === 'nl' ? 'Beginnen' : 'Start');
  await press(page, answers.lang === 'nl' ? 'Nee, liever niet' : 'No, thank you');
  await expectScreen(page, 'identify_evidence');
  if (answers.confirm) await press(page, answers.confirm);
  else {
    await pressAndLeave(page, answers.lang === 'nl' ? 'Verder' : 'Continue');
    for (let i = 0; i < 6; i++) {
      const screen = (await state(page)).screen;
      if (screen === 'identify_category') await pressAndLeave(page, answers.category);
      else if (screen === 'identify_app') await pressAndLeave(page, answers.app ?? /^I don't use an app/);
      else if (screen === 'identify_brand') {
        if (answers.brand) { await page.getByRole('textbox', { name: 'Brand on the device' }).fill(answers.brand); await pressAndLeave(page, 'Continue'); }
        else await pressAndLeave(page, /^There is no brand on it/);
      }
      else if (screen === 'identify_model') await pressAndLeave(page, "I can't find it");
      else if (screen === 'identify_candidates') await pressAndLeave(page, answers.pick);
      else if (screen === 'identify_unknown') await pressAndLeave(page, 'Show the general steps');
      else break;
    }
  }
  await expectScreen(page, 'disconnect');
  await press(page, answers.lang === 'nl' ? 'Het is losgekoppeld' : 'It is disconnected');
  await expectScreen(page, 'reset_steps');
}


test('answers that describe a reboot lead back to the reset, then to the helpdesk, never onward', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000201', 'en', ONLY_PORT_23));
  await toReset(page, { lang: 'en', category: /^A router or modem/, brand: 'D-Link', pick: /D-Link/ });
  assert.match((await state(page)).device, /^d-link-/);
  // The hold-the-button countdown starts with one tap and counts down.
  await press(page, 'Start the timer when you press the button');
  await page.getByText(/Keep holding… \d+ seconds left/).first().waitFor();
  for (let attempt = 1; attempt <= 3; attempt++) {
    await press(page, 'I did this');
    await expectScreen(page, 'verify_question');
    await checkStep(page, 'reboot', attempt * 2);
    await answerEveryQuestion(page, 'No');
    const s = await state(page);
    assert.notEqual(s.step, 'password', 'a reboot must never pass the verification');
    await checkStep(page, 'reboot', attempt * 2 + 1);
    if (attempt < 3) {
      assert.equal(s.screen, 'verify_retry');
      await page.getByText(/only restarted/).first().waitFor();
      await press(page, 'Try the reset again');
      await expectScreen(page, 'reset_steps');
    } else {
      assert.equal(s.screen, 'verify_help');
      assert.equal(s.outcome, 'needs_help');
      await page.getByRole('link', { name: /^Call \d/ }).waitFor();
    }
  }
  // "I'm not sure" is an answer that gets help, not a pass.
  const unsure = await openWizard(await browser.newContext({ ...PHONE, locale: 'en-GB' }), server.mint('CS-2026-000202', 'en', HIKVISION_CAMERA));
  await toReset(unsure, { lang: 'en', confirm: 'Yes, I have this device' });
  await press(unsure, 'I did this');
  await answerEveryQuestion(unsure, "I'm not sure");
  const after = await state(unsure);
  assert.equal(after.screen, 'verify_help');
  assert.notEqual(after.outcome, 'remediated');
  await context.close();
});

test('a Mirai default or a common password is refused with a clear reason; a strong one is accepted', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000203', 'en', HIKVISION_CAMERA));
  const leaks = watchLeaks(page);
  await toReset(page, { lang: 'en', confirm: 'Yes, I have this device' });
  await press(page, 'I did this');
  await answerEveryQuestion(page, 'Yes');
  await expectScreen(page, 'password_where');
  await press(page, 'Choose a password');
  await expectScreen(page, 'password_check');
  const field = page.getByLabel('New password');
  const done = page.getByRole('button', { name: 'I have set this password' });

  await field.fill('7ujMko0admin');
  await page.getByText('The virus tries this password. Choose another one.').first().waitFor();
  assert.ok(await done.isDisabled(), 'a Mirai default is not accepted');
  await checkStep(page, 'password', 0);

  await field.fill('iloveyou');
  await page.getByText(/Many people use this password/).first().waitFor();
  assert.ok(await done.isDisabled());

  await field.fill('qwertyuiop');
  await page.getByText(/keys next to each other|Many people use this password/).first().waitFor();
  assert.ok(await done.isDisabled());

  await field.fill(SECRET);
  await page.getByText(/Strength: (very )?strong/).first().waitFor();
  assert.ok(await done.isEnabled());
  await checkStep(page, 'password', 1);
  await done.click();
  await expectScreen(page, 'password_hardening');
  // Cleared from the page when the customer moves on.
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('input')].map(i => i.value).join('')), '');
  await press(page, 'I have done what I could');
  await press(page, 'Continue');
  await expectScreen(page, 'finish');
  assert.equal((await state(page)).outcome, 'remediated');
  await page.reload();
  await page.waitForFunction(() => window.cleanslate && window.cleanslate.state().step !== 'loading');
  await leaks.assertNoLeak(SECRET);
  await context.close();
});

test('a device that cannot be secured ends in an honest outcome', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.demoLink);   // the XiongMai xc3511 recorder
  await toReset(page, { lang: 'nl', confirm: 'Ja, dit apparaat heb ik' });
  assert.equal((await state(page)).device, 'xiongmai-h264-dvr-xc3511');
  await press(page, 'Dit heb ik gedaan');
  await answerEveryQuestion(page, 'Ja');
  await expectScreen(page, 'password_where');
  await page.getByText(/geen veilig wachtwoord/).first().waitFor();
  await press(page, 'Verder');
  await expectScreen(page, 'cannot_secure');
  await checkStep(page, 'cannot-secure', 0);
  await page.getByRole('button', { name: /^Vervang het/ }).click();
  await expectScreen(page, 'reconnect');
  await press(page, 'Verder');
  await expectScreen(page, 'finish');
  await checkStep(page, 'cannot-secure', 1);
  assert.equal((await state(page)).outcome, 'device_replaced');
  await context.close();
});

for (const device of [
  { name: 'a XiongMai recorder', answers: { lang: 'en', category: /^A video recorder/, app: 'XMEye', pick: /XMEye-app recorder/ }, id: /^xiongmai-xmeye-dvr$/ },
  { name: 'a Hikvision camera', answers: { lang: 'en', confirm: 'Yes, I have this device' }, evidence: HIKVISION_CAMERA, id: /^hikvision-ds-2cd-camera$/ },
  { name: 'a D-Link router', answers: { lang: 'en', category: /^A router or modem/, brand: 'D-Link', pick: /DIR/ }, id: /^d-link-dir/ },
  { name: 'a generic camera', answers: { lang: 'en', category: /^A camera/, pick: 'None of these' }, id: /^generic-camera$/ },
]) {
  test(`the reset and password steps can be completed on a phone for ${device.name}`, async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    const page = await openWizard(context, server.mint('CS-2026-0003', 'en', device.evidence || ONLY_PORT_23));
    await toReset(page, device.answers);
    assert.match((await state(page)).device, device.id);
    const slug = device.name.replace(/\W+/g, '-');
    await checkStep(page, slug, 0);
    await press(page, 'I did this');
    await answerEveryQuestion(page, 'Yes');
    await expectScreen(page, 'password_where');
    await checkStep(page, slug, 1);
    await press(page, 'Choose a password');
    await press(page, 'I have set the suggestion');
    await expectScreen(page, 'password_hardening');
    await checkStep(page, slug, 2);
    await press(page, 'I have done what I could');
    await press(page, 'Continue');
    await expectScreen(page, 'finish');
    assert.equal((await state(page)).outcome, 'remediated');
    await context.close();
  });
}
