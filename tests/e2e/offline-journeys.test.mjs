// The four journeys of issue 7 with the home off the internet in the middle, as a customer on a
// phone (390x844, DPR 3, touch) walks them, in Dutch and in English: a Wi-Fi camera, a camera fed
// through its network cable (PoE), a router, and a video recorder reset through its own menu on
// the TV. The browser has no network from the moment the internet cable comes out until the
// customer reads "put the internet cable back"; in the middle the phone reloads the page (a
// locked phone, a browser that was closed) and the wizard comes back from the browser's cache.
// Then the report reaches the provider. Every screen of the offline stretch is kept in
// tests/e2e/artifacts/offline-journeys/<journey>-<lang>.json, for the closing note.
//
// Controls are pressed by their ids (the words on them belong to the locales).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, waitForWizard, expectScreen, pressId, state, pressNextPart, answerVerification, AFTER,
  ARTIFACTS, ROOT, checkStep, pageText, HIKVISION_CAMERA, DAHUA_RECORDER, ONLY_PORT_23 } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });


// What each journey needs: the link's evidence, how the device is found, the internet line,
// how it is connected (asked only where it matters), and where the reset is done.
const JOURNEYS = [
  { name: 'wifi-camera', evidence: HIKVISION_CAMERA, find: { confirm: true }, line: 'coax', connection: 'wifi', device: /^hikvision-/ },
  { name: 'poe-camera', evidence: HIKVISION_CAMERA, find: { confirm: true }, line: 'dsl', connection: 'poe', device: /^hikvision-/, buttonWay: true },
  { name: 'router', evidence: ONLY_PORT_23, find: { category: 'router', brand: 'D-Link', pick: 'DIR' }, line: 'fibre', device: /^d-link-dir/ },
  { name: 'recorder-menu', evidence: DAHUA_RECORDER, find: { confirm: true }, line: 'dsl', device: /^dahua-/, menu: true },
];

// Leaves the current screen (or page) by pressing the control with this id.
async function leave(page, id) {
  const before = await state(page);
  await pressId(page, id);
  await page.waitForFunction(b => { const s = window.cleanslate.state(); return s.screen !== b.screen || s.part !== b.part; }, before);
}

// From the welcome to the device's confirmation: by the link's evidence, or by answers.
async function findDevice(page, find) {
  await leave(page, 'start');
  await expectScreen(page, 'identify_evidence');
  if (find.confirm) return leave(page, 'yes');
  await leave(page, 'continue');
  for (let i = 0; i < 8; i++) {
    const screen = (await state(page)).screen;
    if (screen === 'identify_category') await leave(page, `category.${find.category}`);
    else if (screen === 'identify_app') await leave(page, 'app.none');
    else if (screen === 'identify_brand') {
      await page.locator('#page [data-id="brand.typed"]').fill(find.brand);
      await leave(page, 'brand.search');
    } else if (screen === 'identify_model') await leave(page, 'model.none');
    else if (screen === 'identify_candidates') {
      const cards = page.locator('#page [data-id^="candidate."]');
      if (await page.locator('#page [data-id="yes"]').count()) return leave(page, 'yes');
      const ids = await cards.evaluateAll(els => els.map(e => e.dataset.id));
      const id = ids.find(x => x.includes(find.pick.toLowerCase())) || ids.find(x => x !== 'candidate.none');
      return leave(page, id);
    } else break;
  }
}

// Presses "on" (whatever the page's way on is) until the wizard reaches `target`.
async function onUntil(page, target, log) {
  for (let i = 0; i < 30; i++) {
    const s = await log.note();
    if (s.screen === target) return;
    for (const id of ['use_suggestion', 'internet.yes', 'continue', 'next']) {
      if (await page.locator(`#page [data-id="${id}"]`).count()) {
        if (id === 'next') await pressNextPart(page);
        else await leave(page, id);
        break;
      }
    }
  }
  await expectScreen(page, target);
}

// Every screen (and page) the customer sees, in order, and which of them had no network.
function screenLog(page) {
  const seen = [];
  return {
    seen,
    offline: false,
    async note() {
      const s = await state(page);
      const id = s.part ? `${s.screen}/${s.part}` : s.screen;
      if (seen[seen.length - 1]?.id !== id) seen.push({ id, offline: this.offline });
      return s;
    },
  };
}

for (const journey of JOURNEYS) {
  for (const lang of ['nl', 'en']) {
    test(`${journey.name} (${lang}): the home goes off the internet after the cable comes out, and the journey completes without it`, async () => {
      const ticket = `CS-2026-07${String(JOURNEYS.indexOf(journey)).padStart(2, '0')}${lang === 'nl' ? '1' : '2'}`;
      const context = await browser.newContext({ ...PHONE, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
      const page = await openWizard(context, server.mint(ticket, lang, journey.evidence));
      const log = screenLog(page);
      await findDevice(page, journey.find);
      assert.match((await state(page)).device, journey.device);

      // Before the cable comes out, everything the offline stretch needs is in the browser.
      await expectScreen(page, 'disconnect_prepare');
      await page.waitForFunction(() => window.cleanslate.state().offline_ready === true, null, { timeout: 30000 });
      await log.note();
      await leave(page, 'continue');
      await expectScreen(page, 'disconnect_line');
      await log.note();
      await leave(page, `line.${journey.line}`);
      await expectScreen(page, 'disconnect');
      await log.note();
      await leave(page, 'continue');

      // The cable is out: no network for the phone either (mobile data off, or none).
      await context.setOffline(true);
      log.offline = true;
      if ((await state(page)).screen === 'reset_connection') {
        await log.note();
        assert.ok(journey.connection, 'only a device whose connection matters is asked');
        await leave(page, `connection.${journey.connection}`);
      }
      await expectScreen(page, 'reset_method');
      // The phone was locked and the browser dropped the page: it comes back from the cache.
      await page.reload();
      await waitForWizard(page);
      await expectScreen(page, 'reset_method');
      await log.note();
      if (journey.menu) {
        // The recorder's first way is its own menu, on the TV or monitor with its mouse.
        const { device } = await state(page);
        const family = JSON.parse(readFileSync(join(ROOT, 'devices/dahua.json'), 'utf8')).families.find(f => f.id === device);
        assert.equal(family.reset[0].method, 'menu', `${device} is reset through its menu`);
      }
      await leave(page, 'begin');

      // The reset, one action per page; the PoE camera's customer does not know the password
      // and takes the button way, switching the camera off and on with its network cable.
      if (journey.buttonWay) {
        await log.note();
        await pressNextPart(page);
        await log.note();
        await leave(page, 'no_password');
        await expectScreen(page, 'reset_method');
        await log.note();
        await leave(page, 'begin');
      }
      const stepTexts = [];
      for (let i = 0; i < 20 && (await log.note()).screen === 'reset_steps'; i++) {
        stepTexts.push(await pageText(page));
        await pressNextPart(page);
      }
      if (journey.connection === 'poe') {
        // "The cable also powers it": every step that switches the power names the network cable.
        const cable = lang === 'nl' ? /Trek de netwerkkabel uit het apparaat\. Zo gaat ook de stroom eraf/ : /Pull the network cable out of the device\. That also cuts its power/;
        const back = lang === 'nl' ? /Steek de netwerkkabel weer in terwijl u blijft drukken/ : /Plug the network cable back in while you hold it/;
        assert.ok(stepTexts.some(t => cable.test(t)), `a page pulls the network cable: ${stepTexts.join(' | ')}`);
        assert.ok(stepTexts.some(t => back.test(t)), `a page plugs the network cable back in while holding: ${stepTexts.join(' | ')}`);
        const plug = lang === 'nl' ? /stekker/ : /power plug/;
        assert.ok(!stepTexts.some(t => plug.test(t)), `no page speaks of a power plug: ${stepTexts.join(' | ')}`);
      }
      if ((await state(page)).screen === 'reset_join_wifi') { await log.note(); await leave(page, 'continue'); }
      await log.note();
      await answerVerification(page, AFTER.reset);
      await expectScreen(page, 'password_choose');

      // The password: chosen first, set on the device over the home network, then its settings.
      await onUntil(page, 'reconnect', log);
      assert.equal(await page.evaluate(() => navigator.onLine), false, 'still offline when the page says to put the cable back');
      await checkStep(page, `offline-journeys`, JOURNEYS.indexOf(journey) * 2 + (lang === 'nl' ? 0 : 1));

      // The customer puts the internet cable back in: the phone is online again.
      await context.setOffline(false);
      log.offline = false;
      await onUntil(page, 'finish', log);
      await page.waitForFunction(() => window.cleanslate.state().report.final === 'sent', null, { timeout: 30000 });

      // The provider has the report: the device, a remediated outcome, the reset confirmed by answers.
      const rows = execFileSync('sqlite3', ['-json', server.database,
        `SELECT body FROM reports WHERE ticket = '${ticket}' ORDER BY rowid`], { encoding: 'utf8' });
      const final = (rows.trim() ? JSON.parse(rows) : []).map(r => JSON.parse(r.body)).find(r => r.kind === 'final');
      assert.ok(final, 'the final report reached the server');
      assert.equal(final.outcome, 'remediated');
      assert.match(final.devices[0].device_id, journey.device);
      assert.equal(final.devices[0].reset_verified, true);

      // The offline stretch: from the reset to "put the cable back", every screen without network.
      const offline = log.seen.filter(s => s.offline).map(s => s.id);
      assert.equal(offline[0].split('/')[0], journey.connection ? 'reset_connection' : 'reset_method');
      for (const screen of ['reset_method', 'reset_steps', 'verify_question', 'password_choose', 'password_steps', 'reconnect'])
        assert.ok(offline.some(id => id.split('/')[0] === screen), `${screen} was done offline (${offline.join(', ')})`);
      const dir = join(ARTIFACTS, 'offline-journeys');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${journey.name}-${lang}.json`), JSON.stringify(log.seen, null, 1));
      await context.close();
    });
  }
}
