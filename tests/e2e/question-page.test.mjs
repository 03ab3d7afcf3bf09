// One question per page, GOV.UK style, on a phone: the question is the heading and the
// document's title, focus moves to it and the change is announced; radios select and
// "Doorgaan" answers; a tap leaves no focus ring (only the keyboard does); a double tap
// never answers the next question, wherever "Doorgaan" is on the page; "Doorgaan" with no
// answer explains itself with an error summary and an inline error tied to the question; the
// help under a question names an app only to a customer who said they use one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, pressId, checkStep, state, decodePng, pageText, pickDevice,
  takeHomeOfflineAndReset, AFTER, HIKVISION_CAMERA, ONLY_PORT_23 } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });


async function toFirstQuestion(lang = 'nl') {
  const context = await browser.newContext({ ...PHONE, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
  const page = await openWizard(context, server.mint(`CS-2026-0008${Math.floor(Math.random() * 90 + 10)}`, lang, HIKVISION_CAMERA));
  const nl = lang === 'nl';
  await press(page, nl ? 'Beginnen' : 'Start');
  await press(page, nl ? 'Ja, dit apparaat heb ik' : 'Yes, I have this device');
  await takeHomeOfflineAndReset(page, { lang });
  await expectScreen(page, 'verify_question');
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'H1');
  return { context, page };
}

// The answers of whatever question is shown (their words depend on the question). "Not sure"
// never decides the verification, so another question follows it; "yes" may end it.
const yesRadio = page => page.locator('#page input[type=radio][data-id="answer.yes"]');
const notSureRadio = page => page.locator('#page input[type=radio][data-id="answer.not_sure"]');

// Yellow pixels (the GOV.UK focus colour #ffdd00) in a CSS-px box of the screen.
async function focusRingPixels(page, box) {
  const { width, height, channels, pixels } = decodePng(await page.screenshot({ clip: box }));
  let yellow = 0;
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    if (pixels[p] > 230 && pixels[p + 1] > 200 && pixels[p + 2] < 80) yellow++;
  }
  return yellow;
}

const pageFacts = page => page.evaluate(() => ({
  h1: document.querySelector('#page h1')?.textContent.trim(),
  focused: document.activeElement?.tagName,
  focusedText: document.activeElement?.textContent.trim(),
  title: document.title,
  live: document.getElementById('live').textContent,
  checked: [...document.querySelectorAll('#page input[type=radio]')].filter(r => r.checked).length,
  errors: document.querySelectorAll('#page [role=alert]').length,
}));

test('a verification question is its own page: heading, title, focus and announcement move with it', async () => {
  const { context, page } = await toFirstQuestion('nl');
  const first = await pageFacts(page);
  assert.ok(first.h1.includes('?'), `the heading is the question: "${first.h1}"`);
  assert.equal(first.focused, 'H1', 'focus is on the question');
  assert.ok(first.title.startsWith(first.h1), `the document title starts with the question: "${first.title}"`);
  assert.match(first.live, /^Controlevraag 1$/, 'the question number is announced');
  await page.getByRole('radiogroup', { name: first.h1 }).waitFor();   // the radios are named by the question
  await checkStep(page, 'question-page', 0);

  await notSureRadio(page).tap();
  await page.waitForFunction(() => document.querySelector('#page input[type=radio]:checked'));
  const radio = await notSureRadio(page).boundingBox();
  await page.waitForTimeout(150);
  assert.equal(await focusRingPixels(page, { x: 0, y: radio.y - 10, width: 390, height: radio.height + 20 }), 0,
    'a tap leaves no focus ring: the next question must not look answered');
  assert.equal((await state(page)).screen, 'verify_question', 'choosing does not submit');

  await page.getByRole('button', { name: 'Doorgaan' }).tap();
  await page.waitForFunction(h => document.querySelector('#page h1')?.textContent.trim() !== h, first.h1);
  const second = await pageFacts(page);
  assert.notEqual(second.h1, first.h1);
  assert.equal(second.focused, 'H1', 'focus moved to the new question');
  assert.ok(second.title.startsWith(second.h1));
  assert.match(second.live, /^Controlevraag 2$/);
  assert.equal(second.checked, 0, 'the new question starts unanswered');
  await context.close();
});

test('the keyboard shows the focus ring; a tap never does', async () => {
  const { context, page } = await toFirstQuestion('en');
  await page.keyboard.press('Tab');   // from the focused heading into the radios
  await page.waitForFunction(() => document.activeElement?.type === 'radio');
  const radio = await yesRadio(page).boundingBox();
  await page.waitForTimeout(150);
  assert.ok(await focusRingPixels(page, { x: 0, y: radio.y - 10, width: 390, height: radio.height + 20 }) > 50,
    'keyboard focus is drawn (yellow ring)');
  await context.close();
});

test('a double tap on "Doorgaan" answers one question, never the next', async () => {
  const { context, page } = await toFirstQuestion('nl');
  const first = (await pageFacts(page)).h1;
  await notSureRadio(page).tap();
  await page.waitForFunction(() => document.querySelector('#page input[type=radio]:checked'));
  // A thumb scrolls "Doorgaan" into view first: on a long question it is below the fold, where
  // a tap at its page position would land on nothing and prove nothing.
  const continueButton = page.getByRole('button', { name: 'Doorgaan' });
  await continueButton.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  const button = await continueButton.boundingBox();
  assert.ok(button.y >= 0 && button.y + button.height <= PHONE.viewport.height, `"Doorgaan" is on the screen (y ${button.y})`);
  const x = button.x + button.width / 2, y = button.y + button.height / 2;
  // Two taps 50 ms apart, stamped with the time the finger touched: a busy test machine may
  // deliver the second one late, a phone would not; the wizard judges a tap by its time.
  const cdp = await context.newCDPSession(page);
  const tap = async at => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }], timestamp: at });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: at + 0.01 });
  };
  const now = Date.now() / 1000;
  await tap(now);
  await tap(now + 0.05);
  await page.waitForFunction(h => document.querySelector('#page h1')?.textContent.trim() !== h, first);
  await page.waitForTimeout(500);
  const second = await pageFacts(page);
  assert.equal(second.errors, 0, 'the second tap did not press "Doorgaan" on the next question');
  assert.equal(second.checked, 0, 'nor choose an answer there');
  assert.match(second.live, /^Controlevraag 2/);
  await context.close();
});

test('"Doorgaan" without an answer explains what to do, tied to the question', async () => {
  const { context, page } = await toFirstQuestion('en');
  const question = (await pageFacts(page)).h1;
  await page.getByRole('button', { name: 'Continue' }).tap();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
  assert.match(await summary.textContent(), /There is a problem.*Choose an answer/s);
  const group = page.getByRole('radiogroup', { name: question });
  assert.equal(await group.getAttribute('data-invalid'), 'true');
  const describedBy = await group.getAttribute('aria-describedby');
  assert.match(await page.locator(`[id="${describedBy}"]`).textContent(), /Choose an answer/, 'the inline error describes the question');
  assert.equal((await pageFacts(page)).h1, question, 'still the same question');
  await checkStep(page, 'question-page-error', 0);
  // The summary's link leads to the answers.
  await summary.getByRole('link', { name: 'Choose an answer.' }).tap();
  await page.waitForFunction(() => document.activeElement?.type === 'radio');
  // Answering clears the error.
  await yesRadio(page).tap();
  await page.waitForFunction(() => !document.querySelector('#page [role=alert]'));
  await context.close();
});

// --- The help under a question: apps only where they are true --------------------------------------
// The questions about the device's own page say how to open it, worded as the password steps
// word it: "find its address in the app" only for a customer who named an app.
const APP_JOURNEY = {
  nl: { start: 'Beginnen', next: 'Verder', camera: /^Een camera/, noApp: /^Ik gebruik geen app/, otherApp: 'Een andere app',
        search: 'Zoeken', brandField: 'Merk op het apparaat', noModel: 'Ik kan het niet vinden' },
  en: { start: 'Start', next: 'Continue', camera: /^A camera/, noApp: /^I don't use an app/, otherApp: 'Another app',
        search: 'Search', brandField: 'Brand on the device', noModel: "I can't find it" },
};
for (const [lang, app] of [['nl', ''], ['en', ''], ['nl', 'Hik-Connect'], ['en', 'Hik-Connect']]) {
  test(`${lang}: the verification help ${app ? 'names the app to a customer who uses ' + app : 'never names an app to a customer who uses none'}`, async () => {
    const t = APP_JOURNEY[lang];
    const context = await browser.newContext({ ...PHONE, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    const page = await openWizard(context, server.mint(`CS-2026-00083${Math.floor(Math.random() * 9)}`, lang, ONLY_PORT_23));
    await press(page, t.start);
    await expectScreen(page, 'identify_evidence');
    await pressAndLeave(page, t.next);
    for (let i = 0; i < 6; i++) {
      const screen = (await state(page)).screen;
      if (screen === 'identify_category') await pressAndLeave(page, t.camera);
      else if (screen === 'identify_app' && !app) await pressAndLeave(page, t.noApp);
      else if (screen === 'identify_app') { await page.getByRole('textbox', { name: t.otherApp }).fill(app); await pressAndLeave(page, t.search); }
      else if (screen === 'identify_brand') { await page.getByRole('textbox', { name: t.brandField }).fill('Hikvision'); await pressAndLeave(page, t.next); }
      else if (screen === 'identify_model') await pressAndLeave(page, t.noModel);
      else if (screen === 'identify_candidates') await pickDevice(page, /DS-2CD/);
      else break;
    }
    assert.equal((await state(page)).device, 'hikvision-ds-2cd-camera');
    await takeHomeOfflineAndReset(page, { lang });
    await expectScreen(page, 'verify_question');
    const helps = [];   // each question's page as read: the question, its help, its answers
    for (let i = 0; i < 12 && (await state(page)).screen === 'verify_question'; i++) {
      const before = await state(page);
      helps.push(`${before.question}: ${await pageText(page)}`);
      await page.waitForTimeout(450);
      await pressId(page, `answer.${AFTER.reset[before.question]}`);
      await pressId(page, 'continue');
      await page.waitForFunction(b => { const s = window.cleanslate.state(); return s.screen !== 'verify_question' || s.part !== b.part; }, before);
    }
    const all = helps.join('\n');
    assert.match(all, /asks_new_password:/, "the question about the device's own page was asked");
    if (app) assert.match(all, /\bapp\b/i, `the customer with an app is told to look in it: ${all}`);
    else assert.doesNotMatch(all, /\bapps?\b/i, 'no app mentioned');
    await context.close();
  });
}
