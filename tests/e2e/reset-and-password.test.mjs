// The two steps that decide whether a device gets clean, in Chromium at phone size:
// a reboot is never taken for a factory reset, weak and Mirai passwords are refused with a
// reason, a device that cannot be secured ends honestly, and the typed password never
// leaves the page — not in a request, not in storage, not in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, checkStep, state,
  pressOnUntil, takeHomeOfflineAndReset, finishResetSteps, answerVerification, AFTER, pickDevice, HIKVISION_CAMERA, ONLY_PORT_23 } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

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

// From the start to the reset's first verification question, for a device the customer
// names by answers (or confirms from the link's evidence).
async function toVerification(page, answers) {
  await press(page, answers.lang === 'nl' ? 'Beginnen' : 'Start');
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
      else if (screen === 'identify_model' && answers.model) { await page.getByRole('textbox', { name: 'Model number' }).fill(answers.model); await pressAndLeave(page, 'Continue'); }
      else if (screen === 'identify_model') await pressAndLeave(page, "I can't find it");
      else if (screen === 'identify_candidates') await pickDevice(page, answers.pick);
      else if (screen === 'identify_unknown') await pressAndLeave(page, 'Show the general steps');
      else break;
    }
  }
  await takeHomeOfflineAndReset(page, { lang: answers.lang });
}


test('answers that describe a reboot lead back to the reset, then to the helpdesk, never onward', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000201', 'en', ONLY_PORT_23));
  await toVerification(page, { lang: 'en', category: /^A router or modem/, brand: 'D-Link', pick: /D-Link/ });
  assert.match((await state(page)).device, /^d-link-/);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await expectScreen(page, 'verify_question');
    await checkStep(page, 'reboot', attempt * 2);
    await answerVerification(page, AFTER.restart);
    const s = await state(page);
    assert.notEqual(s.step, 'password', 'a reboot must never pass the verification');
    await checkStep(page, 'reboot', attempt * 2 + 1);
    if (attempt < 3) {
      assert.equal(s.screen, 'verify_retry');
      await page.getByText(/only restarted/).first().waitFor();
      await press(page, 'Try the reset again');
      await expectScreen(page, 'reset_method');
      await pressAndLeave(page, 'Start');
      await finishResetSteps(page, 'en');
    } else {
      assert.equal(s.screen, 'verify_help');
      assert.equal(s.outcome, 'needs_help');
      await page.getByRole('link', { name: /^Call \d/ }).waitFor();
    }
  }
  // "I don't know" is an answer that gets help, not a pass.
  const unsure = await openWizard(await browser.newContext({ ...PHONE, locale: 'en-GB' }), server.mint('CS-2026-000202', 'en', HIKVISION_CAMERA));
  await toVerification(unsure, { lang: 'en', confirm: 'Yes, I have this device' });
  await answerVerification(unsure, 'not_sure');
  const after = await state(unsure);
  assert.equal(after.screen, 'verify_help');
  assert.notEqual(after.outcome, 'remediated');
  await context.close();
});

test('a Mirai default or a common password is refused with a clear reason; a strong one is accepted', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000203', 'en', HIKVISION_CAMERA));
  const leaks = watchLeaks(page);
  await toVerification(page, { lang: 'en', confirm: 'Yes, I have this device' });
  await answerVerification(page, AFTER.reset);
  await expectScreen(page, 'password_choose');
  await press(page, 'I will make up my own');
  await expectScreen(page, 'password_own');
  const field = page.getByLabel('New password');
  const next = page.getByRole('button', { name: 'Continue', exact: true });
  // Never a disabled button: pressing it with a refused password says why, and stays.
  const refused = async (password, reason) => {
    await field.fill(password);
    assert.ok(await next.isEnabled());
    await next.click();
    await page.getByText(reason).first().waitFor();
    assert.equal((await state(page)).screen, 'password_own');
  };
  await refused('7ujMko0admin', 'The virus tries this password. Choose another one.');
  await checkStep(page, 'password', 0);
  await refused('iloveyou', /Many people use this password/);
  await refused('qwertyuiop', /keys next to each other|Many people use this password/);

  await field.fill(SECRET);
  await page.getByText(/Strength: (very )?strong/).first().waitFor();
  await checkStep(page, 'password', 1);
  await next.click();
  await expectScreen(page, 'password_steps');
  await pressOnUntil(page, ['Next step', 'I have set it'], 'password_hardening');
  // Cleared from the page when the customer moves on.
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('input')].map(i => i.value).join('')), '');
  await pressOnUntil(page, ['Done', 'Continue'], 'finish');
  assert.equal((await state(page)).outcome, 'remediated');
  await page.reload();
  await page.waitForFunction(() => window.cleanslate && window.cleanslate.state().step !== 'loading');
  await leaks.assertNoLeak(SECRET);
  await context.close();
});

test('a device that cannot be secured ends in an honest outcome, without a reset', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.demoLink);   // the XiongMai xc3511 recorder
  await press(page, 'Beginnen');
  await press(page, 'Ja, dit apparaat heb ik');
  await expectScreen(page, 'unsafe_choice');
  assert.equal((await state(page)).device, 'xiongmai-h264-dvr-xc3511');
  await checkStep(page, 'cannot-secure', 0);
  await page.getByRole('button', { name: /^Ik vervang het/ }).click();
  await expectScreen(page, 'unsafe_steps');
  await press(page, 'Dit heb ik gedaan');
  await expectScreen(page, 'finish');
  await checkStep(page, 'cannot-secure', 1);
  assert.equal((await state(page)).outcome, 'device_replaced');
  await context.close();
});

for (const device of [
  { name: 'a XiongMai recorder', answers: { lang: 'en', category: /^A video recorder/, app: 'XMEye', model: 'AHB', pick: /Video recorder that works with the XMEye app/ }, id: /^xiongmai-xmeye-dvr$/ },
  { name: 'a Hikvision camera', answers: { lang: 'en', confirm: 'Yes, I have this device' }, evidence: HIKVISION_CAMERA, id: /^hikvision-ds-2cd-camera$/ },
  { name: 'a D-Link router', answers: { lang: 'en', category: /^A router or modem/, brand: 'D-Link', pick: /DIR/ }, id: /^d-link-dir/ },
  { name: 'a generic camera', answers: { lang: 'en', category: /^A camera/, pick: 'I have none of these' }, id: /^generic-camera$/ },
]) {
  test(`the reset and password steps can be completed on a phone for ${device.name}`, async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    const page = await openWizard(context, server.mint('CS-2026-0003', 'en', device.evidence || ONLY_PORT_23));
    await toVerification(page, device.answers);
    assert.match((await state(page)).device, device.id);
    const slug = device.name.replace(/\W+/g, '-');
    await checkStep(page, slug, 0);
    await answerVerification(page, AFTER.reset);
    await expectScreen(page, 'password_choose');
    await checkStep(page, slug, 1);
    await press(page, 'Use this password');
    await expectScreen(page, 'password_steps');
    await checkStep(page, slug, 2);
    await pressOnUntil(page, ['Next step', 'I have set it', 'Done', 'Continue'], 'reconnect');
    await checkStep(page, slug, 3);
    await pressOnUntil(page, ['Continue', 'Yes, the internet works'], 'finish');
    assert.equal((await state(page)).outcome, 'remediated');
    await context.close();
  });
}
