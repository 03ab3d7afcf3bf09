// Identification in the browser, at phone size, in the customer's words: a link whose
// evidence points at a XiongMai recorder proposes "a video recorder that works with the XMEye
// app" with the evidence for it; a link with only "port 23" gets questions instead of a
// guess; a pick list names each device plainly with what sets it apart; the app list holds
// no app store; "I don't know" about the kind ends on the helpdesk in three screens; and a
// doorbell or a door intercom is drawn as itself, not as a camera or a phone.
// Every screen met is screenshotted under tests/e2e/artifacts/identify-* and checked by axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressId, pressAndLeave, pickDevice, checkStep, state, decodePng } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const WEAK = { tag: 'mirai', infection: 'mirai', port: 23 };

// The visible texts of the buttons on a screen's drawn controls whose id starts with prefix.
async function controlTexts(page, prefix) {
  return page.locator(`#page [data-id^="${prefix}"]`).allTextContents();
}

for (const [lang, words] of Object.entries({
  nl: { start: 'Beginnen', weThink: 'We denken dat het dit apparaat is', name: 'Videorecorder die met de XMEye-app werkt',
        password: /wachtwoord xc3511/, yes: 'Ja, dit apparaat heb ik' },
  en: { start: 'Start', weThink: 'We think it is this device', name: 'Video recorder that works with the XMEye app',
        password: /password xc3511/, yes: 'Yes, I have this device' },
})) {
  test(`the demo link proposes the recorder in plain words, with the evidence for it (${lang})`, async () => {
    const context = await browser.newContext({ ...PHONE, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    const page = await openWizard(context, server.demoLink);
    if (lang === 'en') {
      await press(page, 'English');   // the link says Dutch; this customer switches to English
      await page.waitForFunction(() => window.cleanslate.state().locale === 'en');
    }
    await press(page, words.start);
    await expectScreen(page, 'identify_evidence');
    await page.getByText(words.weThink).first().waitFor();
    await page.getByText(words.name, { exact: true }).first().waitFor();
    await page.getByText(words.password).first().waitFor();          // what the provider saw, without port numbers
    const text = await page.locator('#page').textContent();
    assert.doesNotMatch(text, /\b(poort|port) \d+/i, 'a port number says nothing to a customer');
    assert.doesNotMatch(text, /XiongMai [–-] /, 'the team\'s name with its codes is not the customer\'s');
    await checkStep(page, `identify-evidence-${lang}`, 0);
    await pressAndLeave(page, words.yes);
    const s = await state(page);
    assert.match(s.device, /^xiongmai-/);
    // What comes next depends on the device (reset.test.mjs): it has been chosen either way.
    assert.ok(['unsafe_choice', 'disconnect_prepare'].includes(s.screen), s.screen);
    await context.close();
  });
}

test('only "port 23" gives questions, and "camera" + "XMEye" reaches the XiongMai family', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000301', 'en', WEAK));
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
  await pickDevice(page, /Camera that works with the XMEye app/);
  assert.match((await state(page)).device, /^xiongmai-/);
  await context.close();
});

test('a pick list names each device plainly and says what sets it apart (nl)', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.mint('CS-2026-000302', 'nl', WEAK));
  await press(page, 'Beginnen');
  await expectScreen(page, 'identify_evidence');
  await pressAndLeave(page, 'Verder');
  await pressAndLeave(page, /^Een videorecorder/);
  for (let i = 0; i < 4; i++) {
    const screen = (await state(page)).screen;
    if (screen === 'identify_app') await pressAndLeave(page, /^Ik gebruik geen app/);
    else if (screen === 'identify_brand') {
      await page.getByRole('textbox', { name: 'Merk op het apparaat' }).fill('Hikvision');
      await pressAndLeave(page, 'Verder');
    } else if (screen === 'identify_model') {
      await page.getByRole('textbox', { name: 'Modelnummer' }).fill('DS-72');
      await pressAndLeave(page, 'Verder');
    } else break;
  }
  await expectScreen(page, 'identify_candidates');
  await page.getByText('U noemde het merk Hikvision.').first().waitFor();   // shared by all: said once, above
  const cards = await page.locator('#page [data-id^="candidate.hikvision-"]').evaluateAll(nodes =>
    nodes.map(n => n.textContent.replace(/\s+/g, ' ').trim()));
  // A card reads: its name, then what sets it apart, then what to look for on the device.
  const nameOf = text => text.split(/ (?=Past bij|Ook verkocht|Op de sticker|Verkocht tot|Vaak zonder merk)/)[0];
  assert.ok(cards.length >= 2, JSON.stringify(cards));
  for (const card of cards) {
    assert.match(nameOf(card), /Hikvision/, card);
    assert.doesNotMatch(nameOf(card), /DS-\d|[–-] /, `the name holds no codes: ${card}`);
  }
  assert.equal(new Set(cards).size, cards.length, 'no two cards read the same');
  assert.ok(cards.some(c => /modelnummer DS-72/.test(c)), 'the model number fits some: that is their reason');
  assert.ok(cards.some(c => !/modelnummer DS-72/.test(c)), '... and not the others');
  await checkStep(page, 'identify-pick-nl', 0);
  await context.close();
});

test('the app list holds apps to watch or manage devices, never an app store (nl)', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.mint('CS-2026-000303', 'nl', WEAK));
  await press(page, 'Beginnen');
  await pressAndLeave(page, 'Verder');
  await pressAndLeave(page, /^Een camera/);
  await expectScreen(page, 'identify_app');
  const ids = await page.locator('#page [data-id^="app."]').evaluateAll(nodes => nodes.map(n => n.dataset.id));
  const apps = ids.filter(id => !['app.none', 'app.other', 'app.search', 'app.typed'].includes(id)).map(id => id.slice(4));
  for (const app of ['XMEye', 'Hik-Connect']) assert.ok(apps.includes(app), `${app} in ${apps}`);
  for (const app of apps) assert.doesNotMatch(app, /store|play|kodi|downloader/i, app);
  await checkStep(page, 'identify-apps-nl', 0);
  await context.close();
});

for (const [lang, words] of Object.entries({
  nl: { start: 'Beginnen', go: 'Verder', heading: 'Samen zoeken we het uit', call: /^Bel \d/ },
  en: { start: 'Start', go: 'Continue', heading: "Let's find it together", call: /^Call \d/ },
})) {
  test(`"I don't know" what kind of device it is: three screens, ending on the helpdesk (${lang})`, async () => {
    const context = await browser.newContext({ ...PHONE, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    const page = await openWizard(context, server.mint('CS-2026-000304', lang, WEAK));
    await press(page, words.start);
    const screens = [];
    await expectScreen(page, 'identify_evidence');
    screens.push((await state(page)).screen);
    await checkStep(page, `identify-dont-know-${lang}`, 0);
    await pressAndLeave(page, words.go);
    screens.push((await state(page)).screen);
    await checkStep(page, `identify-dont-know-${lang}`, 1);
    await pressId(page, 'category.unknown');
    await expectScreen(page, 'identify_unknown');
    screens.push((await state(page)).screen);
    await checkStep(page, `identify-dont-know-${lang}`, 2);
    assert.deepEqual(screens, ['identify_evidence', 'identify_category', 'identify_unknown']);
    // The heading and the text agree: no general steps are promised, the helpdesk is offered.
    await page.getByRole('heading', { name: words.heading }).waitFor();
    assert.match(await page.locator('#page [data-id="helpdesk"]').first().innerText(), words.call);
    assert.equal(await page.locator('#page [data-id="general"]').count(), 0);
    await context.close();
  });
}

// --- Drawings of the kinds: a doorbell and an intercom are what the customer looks for by the door ---------
// The shape of a card's drawing (its ink's bounding box, in device pixels at DPR 3): a camera
// is wider than tall; a video doorbell and a door intercom are upright panels.
async function drawingShape(page, id) {
  const card = await page.locator(`#page [data-id="${id}"]`).first().boundingBox();
  const clip = { x: card.x + 12, y: card.y + card.height / 2 - 28, width: 56, height: 56 };   // the 40 px drawing at the card's left
  const { width, height, channels, pixels } = decodePng(await page.screenshot({ clip }));
  let left = width, right = -1, top = height, bottom = -1;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const p = (y * width + x) * channels;
    if (pixels[p] < 120 && pixels[p + 1] < 120 && pixels[p + 2] < 120) {
      left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
    }
  }
  assert.ok(right > left && bottom > top, `${id}: a drawing is there`);
  return (right - left + 1) / (bottom - top + 1);   // width / height
}

for (const [brand, upright, camera, name] of [['Ring', 'candidate.ring-video-doorbell', 'candidate.ring-stick-up-cam', 'video doorbell'],
                                              ['Mobotix', 'candidate.mobotix-door-station', 'candidate.mobotix-camera', 'door intercom']]) {
  test(`a ${name} is drawn as itself, next to a camera drawn as a camera (${brand}, phone)`, async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
    const page = await openWizard(context, server.mint('CS-2026-000303', 'en', WEAK));
    await press(page, 'Start');
    await expectScreen(page, 'identify_evidence');
    await pressAndLeave(page, 'Continue');
    for (let i = 0; i < 6; i++) {
      const screen = (await state(page)).screen;
      if (screen === 'identify_category') await pressAndLeave(page, /^A camera/);
      else if (screen === 'identify_app') await pressAndLeave(page, /^I don't use an app/);
      else if (screen === 'identify_brand') { await page.getByRole('textbox', { name: 'Brand on the device' }).fill(brand); await pressAndLeave(page, 'Continue'); }
      else if (screen === 'identify_model') await pressAndLeave(page, "I can't find it");
      else break;
    }
    await expectScreen(page, 'identify_candidates');
    await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
    const uprightShape = await drawingShape(page, upright), cameraShape = await drawingShape(page, camera);
    assert.ok(uprightShape < 0.8, `the ${name} is an upright panel (width/height ${uprightShape.toFixed(2)})`);
    assert.ok(cameraShape > 1.1, `the camera is wider than tall (width/height ${cameraShape.toFixed(2)})`);
    await checkStep(page, `identify-drawing-${name.replace(" ", "-")}`, 0);
    await context.close();
  });
}
