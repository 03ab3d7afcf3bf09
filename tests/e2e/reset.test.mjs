// The first half of the journey as a customer meets it on a phone (390x844, DPR 3, touch):
// a device that cannot be made safe is told so before any reset; the home goes off the
// internet (not the device off the home network) and the wizard carries on without it; a
// router's customer joins the sticker's Wi-Fi; a camera fed by its network cable is switched
// off with that cable; the hold countdown works for one pair of hands, also where the maker
// says to pull the plug while holding; a double tap never answers the next verification question.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, pressId, checkStep, state,
  finishResetSteps, answerVerification, AFTER, pickDevice, pressNextPart, HIKVISION_CAMERA, DAHUA_RECORDER, ONLY_PORT_23 } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const T = {
  nl: { start: 'Beginnen', noThanks: 'Nee, liever niet', yesDevice: 'Ja, dit apparaat heb ik', ready: 'Alles is geladen', continue: 'Verder',
    cableOut: 'De internetkabel is los', begin: 'Begin' },
  en: { start: 'Start', noThanks: 'No, thank you', yesDevice: 'Yes, I have this device', ready: 'Everything is loaded', continue: 'Continue',
    cableOut: 'The internet cable is out', begin: 'Start' },
};

// Every screen the customer sees, in order (a new page of the same screen counts too).
function screenLog(page) {
  const seen = [];
  return {
    seen,
    async note() {
      const s = await state(page);
      const id = s.part ? `${s.screen}:${s.part}` : s.screen;
      if (seen[seen.length - 1] !== id) seen.push(id);
      return s;
    },
  };
}

// From the link to the device's confirmation, by the link's evidence or by answers. Presses
// controls by their ids (category.router, brand.none...): this file is about what comes after.
async function identify(page, lang, answers) {
  const t = T[lang];
  await press(page, t.start);
  await expectScreen(page, 'identify_evidence');
  const leave = async id => {
    const from = (await state(page)).screen;
    await pressId(page, id);
    await page.waitForFunction(f => window.cleanslate.state().screen !== f, from);
  };
  if (answers.confirm) { await leave('yes'); return; }
  await leave('continue');
  for (let i = 0; i < 8; i++) {
    const screen = (await state(page)).screen;
    if (screen === 'identify_category') await leave(`category.${answers.category}`);
    else if (screen === 'identify_app') await leave('app.none');
    else if (screen === 'identify_brand' && answers.brand) {
      await page.locator('#page [data-id="brand.typed"]').fill(answers.brand);
      await leave('brand.search');
    }
    else if (screen === 'identify_brand') await leave('brand.none');
    else if (screen === 'identify_model') await leave('model.none');
    else if (screen === 'identify_candidates' && answers.pick) await pickDevice(page, answers.pick);
    else if (screen === 'identify_candidates') await leave('candidate.none');
    else if (screen === 'identify_unknown') await leave('general');
    else break;
  }
}

// From the first screen after the confirmation to the reset's way: everything loaded, the
// internet line, the cable out, and (where asked) how the device is connected.
async function toResetMethod(page, lang, { line, connection, log, artifacts, offline }) {
  const t = T[lang];
  let n = 0;
  const step = async screen => { await expectScreen(page, screen); await log?.note(); if (artifacts) await checkStep(page, artifacts, n++); };
  await step('disconnect_prepare');
  await page.getByText(t.ready).first().waitFor({ timeout: 20000 });
  await pressAndLeave(page, t.continue);
  await step('disconnect_line');
  await pressId(page, `line.${line}`);
  await step('disconnect');
  await pressAndLeave(page, t.cableOut);
  // From here the home has no internet: the page must carry on with what it loaded.
  if (offline) await page.context().setOffline(true);
  if (connection) { await step('reset_connection'); await pressId(page, `connection.${connection}`); }
  await step('reset_method');
  return n;
}

test('the demo recorder hears it cannot be made safe before any reset step, and chooses in Dutch and English', async () => {
  for (const [lang, choice, outcome] of [['nl', 'keep_off', 'cannot_secure'], ['en', 'replace', 'device_replaced']]) {
    const context = await browser.newContext({ ...PHONE, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    const page = await openWizard(context, server.demoLink);   // the XiongMai xc3511 recorder: Telnet password fixed
    if (lang === 'en') { await press(page, 'English'); await page.waitForFunction(() => window.cleanslate.state().locale === 'en'); }
    const log = screenLog(page);
    await identify(page, lang, { confirm: true });
    await expectScreen(page, 'unsafe_choice');
    const s = await log.note();
    assert.equal(s.device, 'xiongmai-h264-dvr-xc3511');
    assert.equal(s.step, 'identify', 'told while the device is being found, before the internet step');
    await page.getByText(lang === 'nl' ? /wachtwoord in gebouwd dat niemand kan veranderen/ : /built in a password that nobody can change/).first().waitFor();
    await checkStep(page, `unsafe-${lang}`, 0);
    await pressId(page, choice);
    await expectScreen(page, 'unsafe_steps');
    await log.note();
    if (choice === 'keep_off') await page.getByText(/Die laat de camera’s dan niet meer zien/).first().waitFor();
    await checkStep(page, `unsafe-${lang}`, 1);
    await pressAndLeave(page, lang === 'nl' ? 'Dit heb ik gedaan' : 'I have done this');
    await expectScreen(page, 'finish');
    const end = await log.note();
    assert.equal(end.outcome, outcome);
    assert.deepEqual(log.seen, ['unsafe_choice', 'unsafe_steps', 'finish'], 'no internet, reset or verification screen on the way');
    await context.close();
  }
});

test('a router, taken off the internet by its fibre cable, works on offline to the verification via the sticker Wi-Fi (Dutch)', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.mint('CS-2026-000501', 'nl', ONLY_PORT_23));
  const log = screenLog(page);
  await identify(page, 'nl', { category: 'router', brand: 'D-Link', pick: /DIR/ });
  assert.match((await state(page)).device, /^d-link-dir/);
  await expectScreen(page, 'disconnect_prepare');
  await page.getByText(/Het gaat om uw router/).first().waitFor();     // every device must rejoin the Wi-Fi
  let n = await toResetMethod(page, 'nl', { line: 'fibre', log, artifacts: 'router-nl', offline: true });
  await pressAndLeave(page, 'Begin');   // then the reset pages: wait until they show
  await finishResetSteps(page, 'nl', { log, joinWifi: false });
  await expectScreen(page, 'reset_join_wifi');
  await log.note();
  await page.getByRole('img', { name: /Op de sticker van de router staan de wifi-naam en het wifi-wachtwoord/ }).waitFor();
  await checkStep(page, 'router-nl', n++);
  await pressAndLeave(page, 'Mijn telefoon is verbonden');
  await log.note();
  // This home had changed its Wi-Fi: the sticker's Wi-Fi working again proves the reset.
  const asked = await answerVerification(page, { ...AFTER.reset, asks_new_password: 'no' });
  await expectScreen(page, 'password_choose');
  await log.note();
  assert.deepEqual(asked.slice(-2), ['had_own_wifi', 'sticker_wifi_works'], `asked: ${asked.join(', ')}`);
  assert.ok(!asked.includes('internet_settings_lost'), 'the internet light is never asked: the customer switched it off');
  const screens = log.seen.map(s => s.split(':')[0]).filter((s, i, all) => s !== all[i - 1]);
  assert.deepEqual(screens, ['disconnect_prepare', 'disconnect_line', 'disconnect', 'reset_method', 'reset_steps', 'reset_join_wifi',
    'verify_question', 'password_choose']);
  await checkStep(page, 'router-nl', n++);
  await context.close();
});

test('the sticker Wi-Fi page for a router, and a customer who never changed anything is not passed on a restart (English)', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000502', 'en', ONLY_PORT_23));
  await identify(page, 'en', { category: 'router', brand: 'D-Link', pick: /DIR/ });
  await toResetMethod(page, 'en', { line: 'dsl', offline: true });
  await pressAndLeave(page, 'Start');
  await finishResetSteps(page, 'en', { joinWifi: false });
  await expectScreen(page, 'reset_join_wifi');
  await page.getByRole('img', { name: /sticker on the router shows the Wi-Fi name and the Wi-Fi password/ }).waitFor();
  await page.getByText(/all your other phones, tablets, TVs and laptops/).first().waitFor();
  await checkStep(page, 'router-en', 0);
  await pressAndLeave(page, 'My phone is connected');
  // Never changed the Wi-Fi nor the password: nothing this home can see proves a reset.
  const restartedHome = { held_full_time: 'yes', lights: 'yes', asks_new_password: 'no', had_own_wifi: 'no', had_own_password: 'no' };
  await answerVerification(page, restartedHome);
  const s = await state(page);
  assert.equal(s.screen, 'verify_help', 'help, never a pass');
  await page.getByText(/a reset looks the same as a restart/).first().waitFor();
  await page.getByText(/Call us before you plug the internet cable back in/).first().waitFor();
  await checkStep(page, 'router-en', 1);
  await context.close();
});

test('a camera fed through its network cable (PoE) is switched off and on with that cable; no password? the button way', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.mint('CS-2026-000503', 'nl', HIKVISION_CAMERA));
  await identify(page, 'nl', { confirm: true });
  await toResetMethod(page, 'nl', { line: 'dsl', connection: 'poe' });
  // The preferred way logs in with the current password; this customer does not know it.
  await page.getByText(/Het wachtwoord waarmee u nu inlogt op de camera/).first().waitFor();
  await press(page, 'Begin');
  await expectScreen(page, 'reset_steps');
  const nextPart = async () => {
    const before = await state(page);
    await pressId(page, 'next');
    await page.waitForFunction(b => window.cleanslate.state().part !== b.part, before);
  };
  await nextPart();   // open its web page; next: log in with the current password
  await page.getByText(/Gebruik het wachtwoord dat het nu heeft/).first().waitFor();
  await pressAndLeave(page, 'Ik weet het wachtwoord niet');
  await expectScreen(page, 'reset_method');
  await page.getByText('U doet dit met de resetknop.').first().waitFor();
  await page.getByText(/Hangt de camera hoog\? Gebruik een stevige trap/).first().waitFor();
  await checkStep(page, 'poe', 0);
  await press(page, 'Begin');
  await page.getByText(/Trek de netwerkkabel uit het apparaat\. Zo gaat ook de stroom eraf/).first().waitFor();
  assert.equal(await page.getByText(/stekker/).count(), 0, 'no plug to pull on a camera without one');
  await checkStep(page, 'poe', 1);
  await nextPart();   // find the button on the cable
  await nextPart();   // hold it while the power comes back
  await page.getByText(/Steek de netwerkkabel weer in terwijl u blijft drukken/).first().waitFor();
  await checkStep(page, 'poe', 2);
  await context.close();
});

// What the page asks of the browser during a countdown, each with its time: tones (Web Audio),
// vibration, the wake lock, and what the screen reader's live region says (window.__signals).
async function watchSignals(context) {
  await context.addInitScript(() => {
    const signals = window.__signals = { tones: [], vibrations: [], wakeLock: [], spoken: [] };
    const Real = window.AudioContext;
    window.AudioContext = class extends Real {
      createOscillator() {
        const oscillator = super.createOscillator();
        const start = oscillator.start.bind(oscillator);
        oscillator.start = (...args) => { signals.tones.push({ hz: oscillator.frequency.value, at: performance.now() }); return start(...args); };
        return oscillator;
      }
    };
    Object.defineProperty(navigator, 'vibrate', { value: ms => { signals.vibrations.push(ms); return true; } });
    Object.defineProperty(navigator, 'wakeLock', { value: { request: async type => {
      signals.wakeLock.push('request:' + type);
      return { release: async () => { signals.wakeLock.push('release'); }, addEventListener() {} };
    } } });
    document.addEventListener('DOMContentLoaded', () => {
      const live = document.getElementById('live');
      new MutationObserver(() => { if (live.textContent) signals.spoken.push({ text: live.textContent, at: performance.now() }); })
        .observe(live, { childList: true, characterData: true, subtree: true });
    });
  });
}

test('the hold countdown: a 3-2-1 lead-in, beeps, a wake lock, a large "let go", announcements only at the start, every 10 s and the end', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  await watchSignals(context);
  const page = await openWizard(context, server.mint('CS-2026-000504', 'nl', ONLY_PORT_23));
  await identify(page, 'nl', { category: 'camera' });
  assert.equal((await state(page)).device, 'generic-camera');   // reset button held 30 s
  await toResetMethod(page, 'nl', { line: 'coax', connection: 'cable' });
  await press(page, 'Begin');
  await pressId(page, 'next');   // find the button
  await page.getByText(/Tik op Start en leg uw telefoon neer/).first().waitFor();
  await checkStep(page, 'countdown', 0);
  await page.evaluate(() => { window.__signals.spoken.length = 0; });
  const startedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await page.getByText('Laat nu los', { exact: true }).first().waitFor({ timeout: 45000 });
  await checkStep(page, 'countdown', 1);
  const signals = await page.evaluate(() => window.__signals);
  const at = x => (x.at - startedAt) / 1000;

  // Sound: three ticks, a high "press now", a beep every 5 s while holding, a long low tone.
  const hz = signals.tones.map(t => t.hz);
  assert.deepEqual(hz, [660, 660, 660, 990, 880, 880, 880, 880, 880, 520], `tones: ${hz.join(', ')}`);
  assert.ok(Math.abs(at(signals.tones[3]) - 3) < 0.8, `"press now" 3 s after Start (${at(signals.tones[3])})`);
  assert.ok(Math.abs(at(signals.tones[9]) - 33) < 1.5, `"let go" 30 s later (${at(signals.tones[9])})`);
  assert.deepEqual(signals.vibrations, [300, 900], 'a buzz to press and a long one to let go');
  assert.deepEqual(signals.wakeLock, ['request:screen', 'release'], 'the screen stays on while it runs, and may sleep after');

  // Screen readers: the start (get ready, press now), every 10 s, the end — not every second.
  const spoken = signals.spoken.map(s => s.text).filter((text, i, all) => text !== all[i - 1]);
  assert.deepEqual(spoken, ['Maak u klaar. Druk na de piep op de knop.', 'Druk nu op de knop en houd hem vast. Nog 30 seconden.',
    'Blijf drukken. Nog 20 seconden.', 'Blijf drukken. Nog 10 seconden.', 'Laat nu los.']);
  assert.ok(Math.abs(at(signals.spoken.find(s => s.text.includes('Nog 20')) ) - 13) < 1.5, 'the first "still holding" 10 s into the hold');
  // And once done, the page is idle again: no frames while nothing changes.
  const frames = await page.evaluate(() => window.cleanslate.framesDrawn());
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.cleanslate.framesDrawn()), frames);
  await context.close();
});

test("hold, then pull the plug while still holding: the recorder's countdown says when to pull it and when to put it back", async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  await watchSignals(context);
  const page = await openWizard(context, server.mint('CS-2026-000506', 'en', DAHUA_RECORDER));
  await identify(page, 'en', { confirm: true });
  assert.match((await state(page)).device, /^dahua-/);
  await toResetMethod(page, 'en', { line: 'dsl' });
  // The recorder's first way is its menu; this customer takes the button on the main board.
  await pressId(page, 'way.1');
  await page.getByText('You do this with the reset button.').first().waitFor();
  await press(page, T.en.begin);
  await expectScreen(page, 'reset_steps');
  await page.getByText('Pull out the power plug.', { exact: true }).first().waitFor();   // the case is opened with the power out
  for (let i = 0; i < 3; i++) await pressNextPart(page);   // find the button; the power back on; the hold
  await page.getByText(/While the device is on, press the reset button and keep holding it\. With your other hand, pull out the power plug\. Keep holding\. After 5 seconds, put the plug back in\. Then keep holding for 30 more seconds\./).first().waitFor();
  await page.getByText(/The timer tells you when to pull out|screen says: pull out the power plug/).first().waitFor();
  await checkStep(page, 'power-cycle', 0);
  await page.evaluate(() => { window.__signals.spoken.length = 0; window.__signals.tones.length = 0; });
  const startedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  const heard = text => page.waitForFunction(t => window.__signals.spoken.some(s => s.text === t), text, { timeout: 15000 });
  await heard('Keep pressing. Pull out the power plug now.');
  await checkStep(page, 'power-cycle', 1);
  await heard('Keep pressing. Put the power plug back in now.');
  await page.getByText('Let go now', { exact: true }).first().waitFor({ timeout: 50000 });
  const signals = await page.evaluate(() => window.__signals);
  const at = x => (x.at - startedAt) / 1000;
  // A tone to pull the plug 3 s into the hold, one to put it back 5 s later, the long tone at the end.
  const out = signals.tones.find(t => t.hz === 740), back = signals.tones.find(t => t.hz === 1175), end = signals.tones.find(t => t.hz === 520);
  assert.ok(out && back && end, `tones: ${signals.tones.map(t => t.hz).join(', ')}`);
  assert.ok(Math.abs(at(out) - 6) < 1, `"pull it out" 6 s after Start (${at(out)})`);
  assert.ok(Math.abs(at(back) - 11) < 1, `"put it back" 11 s after Start (${at(back)})`);
  assert.ok(Math.abs(at(end) - 41) < 1.5, `"let go" after 3 + 5 + 30 s of holding (${at(end)})`);
  const spoken = signals.spoken.map(s => s.text).filter((text, i, all) => text !== all[i - 1]);
  for (const said of ['Keep pressing. Pull out the power plug now.', 'Keep pressing. Put the power plug back in now.', 'Let go now.'])
    assert.ok(spoken.includes(said), `a screen reader hears "${said}": ${spoken.join(' | ')}`);
  await context.close();
});

test('a double tap on a verification answer never answers the next question', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000505', 'en', ONLY_PORT_23));
  await identify(page, 'en', { category: 'router', brand: 'D-Link', pick: /DIR/ });
  await toResetMethod(page, 'en', { line: 'dsl' });
  await pressAndLeave(page, 'Start');
  await finishResetSteps(page, 'en');
  const first = await state(page);
  assert.equal(first.question, 'held_full_time');
  await page.waitForTimeout(450);
  await pressId(page, 'answer.yes');
  // Two taps 50 ms apart: the first on "Continue" answers this question; the second lands on
  // the next question's "Yes" and must do nothing there. The taps go in as touch input with
  // their own times, 50 ms apart, as a finger would make them; the second is aimed at where
  // "Yes" is once the next question is drawn (a loaded test machine draws more slowly than
  // a finger taps twice).
  const cdp = await context.newCDPSession(page);
  const touch = async (type, at, point) => cdp.send('Input.dispatchTouchEvent',
    { type, timestamp: at, touchPoints: point ? [{ x: point.x, y: point.y }] : [] });
  const centre = box => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  const t0 = Date.now() / 1000;
  const go = centre(await page.locator('#page [data-id="continue"]').first().boundingBox());
  await touch('touchStart', t0, go);
  await touch('touchEnd', t0 + 0.01);
  await page.waitForFunction(p => window.cleanslate.state().part === p + 1, first.part);
  const yes = centre(await page.locator('#page [data-id="answer.yes"]').first().boundingBox());
  await touch('touchStart', t0 + 0.05, yes);
  await touch('touchEnd', t0 + 0.06);
  await page.waitForTimeout(600);
  const second = await state(page);
  assert.equal(second.screen, 'verify_question');
  assert.equal(second.part, first.part + 1, 'exactly one question further');
  assert.notEqual(second.question, 'held_full_time');

  assert.equal(await page.locator('#page input[type=radio][data-id^="answer."]:checked').count(), 0, 'nothing chosen on the new question');
  assert.equal(await page.getByText('Choose an answer.').count(), 0, 'the second tap was ignored, not taken as an empty answer');
  // The same with two taps on an answer's place: the new question keeps no answer.
  await page.waitForTimeout(450);
  await pressId(page, 'answer.no');   // "no" to a prompt the data does not promise decides nothing: a next question
  await pressId(page, 'continue');
  await page.waitForFunction(p => window.cleanslate.state().part === p + 1 || window.cleanslate.state().screen !== 'verify_question', second.part);
  if ((await state(page)).screen === 'verify_question') {
    // A GOV.UK question page: the question is the heading and the title, and focus moved to it.
    const heading = await page.locator('#page h1').textContent();
    assert.ok((await page.title()).startsWith(heading), `title "${await page.title()}" starts with the question "${heading}"`);
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.tagName), 'H1', 'focus is on the new question');
    // A tap within 400 ms of a new question: bring the next question, then tap where "yes" is.
    await page.waitForTimeout(450);
    await pressId(page, 'answer.not_sure');
    const shown = await state(page);
    const t1 = Date.now() / 1000;
    await touch('touchStart', t1, centre(await page.locator('#page [data-id="continue"]').first().boundingBox()));
    await touch('touchEnd', t1 + 0.01);
    await page.waitForFunction(b => { const s = window.cleanslate.state(); return s.part !== b.part || s.screen !== 'verify_question'; }, shown);
    if ((await state(page)).screen === 'verify_question') {
      await touch('touchStart', t1 + 0.3, centre(await page.locator('#page [data-id="answer.yes"]').first().boundingBox()));
      await touch('touchEnd', t1 + 0.31);
    }
    await page.waitForTimeout(600);
    if ((await state(page)).screen === 'verify_question')
      assert.equal(await page.locator('#page input[type=radio][data-id^="answer."]:checked').count(), 0, 'a tap right after the question appeared is ignored');
  }
  await context.close();
});
