// Phones first: the wizard fills any viewport from 320 to 1920 CSS px, portrait and
// landscape, with a crisp backing store (CSS size × devicePixelRatio), no sideways
// scrolling, thumb-sized controls, native touch scrolling of long screens, and no frames
// drawn while nothing changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, checkStep, state, takeHomeOffline } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const VIEWPORTS = [
  { name: 'small-phone', viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: 'phone-landscape', viewport: { width: 844, height: 390 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  { name: 'tablet', viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: 'wide-desktop', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 },
];

for (const { name, ...device } of VIEWPORTS) {
  test(`${name} (${device.viewport.width}x${device.viewport.height} @${device.deviceScaleFactor}x): fills the screen, crisp, no sideways scrolling`, async () => {
    const context = await browser.newContext({ ...device, locale: 'nl-NL' });
    const page = await openWizard(context, server.demoLink);
    await checkStep(page, `layout-${name}`, 0);
    const geometry = await page.evaluate(() => {
      const canvas = document.getElementById('wizard-canvas');
      const box = canvas.getBoundingClientRect();
      return { cw: canvas.width, ch: canvas.height, bw: box.width, bh: box.height, dpr: devicePixelRatio,
               iw: innerWidth, ih: innerHeight, sw: document.documentElement.scrollWidth };
    });
    assert.equal(geometry.cw, Math.round(geometry.bw * geometry.dpr), 'backing store width = CSS width × DPR');
    assert.equal(geometry.ch, Math.round(geometry.bh * geometry.dpr), 'backing store height = CSS height × DPR');
    assert.ok(Math.abs(geometry.bw - geometry.iw) <= 1 && Math.abs(geometry.bh - geometry.ih) <= 1, 'the canvas fills the viewport');
    assert.ok(geometry.sw <= geometry.iw, `no sideways scrolling (${geometry.sw} > ${geometry.iw})`);
    await press(page, 'Beginnen');
    await expectScreen(page, 'identify_evidence');
    await checkStep(page, `layout-${name}`, 1);
    await context.close();
  });
}

test('a long screen scrolls by touch and its controls stay reachable', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-000401', 'en', { tag: 'mirai', port: 23, device_vendor: 'Hikvision', device_type: 'IP Camera', device_model: 'DS-2CD2042WD-I' }));
  await press(page, 'Start');
  await pressAndLeave(page, 'Yes, I have this device');
  await takeHomeOffline(page);   // on to the reset's first screen: what it takes, safety notes, other ways: a long screen
  const bottom = page.getByRole('button', { name: 'Start' });
  await bottom.waitFor({ state: 'attached' });   // the screen's elements arrive with its first frame
  const height = await page.evaluate(() => document.getElementById('page').getBoundingClientRect().height);
  assert.ok(height > 568 * 1.3, `the reset screen is longer than the phone (${height} px)`);
  await bottom.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => scrollY);
  assert.ok(scrolled > 0, 'the page itself scrolls (native touch scrolling)');
  await checkStep(page, 'layout-scrolled', 0);
  const titleBefore = await page.title();
  await bottom.tap();
  await expectScreen(page, 'reset_steps');
  await page.waitForFunction(t => document.title !== t, titleBefore);   // the new screen's first frame
  assert.equal(await page.evaluate(() => scrollY), 0, 'a new screen starts at the top');
  await context.close();
});

test('an idle screen draws no frames (no CPU, no battery)', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await openWizard(context, server.demoLink);
  // The device database, the link check and the first progress report go out after the first
  // frame: wait until all three have been answered (and drawn), whatever the machine's load.
  // (The site build puts a content hash in file names: data/devices.<hash>.json.)
  await page.waitForFunction(() => [/\/data\/devices\.[0-9a-f]+\.json$/, /\/api\/link\/verify$/, /\/api\/report$/].every(url =>
    performance.getEntriesByType('resource').some(e => url.test(e.name) && e.responseEnd > 0)), null, { timeout: 30000 });
  // The service worker's "everything is in the browser" signal redraws the screen once too.
  await page.waitForFunction(() => window.cleanslate.state().offline_ready, null, { timeout: 30000 });
  await page.waitForTimeout(500);
  const before = await page.evaluate(() => window.cleanslate.framesDrawn());
  await page.waitForTimeout(2000);
  const after = await page.evaluate(() => window.cleanslate.framesDrawn());
  assert.equal(after, before, `${after - before} frames drawn while nothing changed`);
  await press(page, 'Beginnen');
  await expectScreen(page, 'identify_evidence');
  assert.ok(await page.evaluate(() => window.cleanslate.framesDrawn()) > after, 'input does draw');
  await context.close();
});
