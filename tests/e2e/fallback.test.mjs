// Every browser gets the steps. Without WebGL (old iPhones, blocklisted graphics, locked-down
// browsers) the wizard runs as plain, styled HTML built from the same semantic tree, and a
// whole journey on a phone reaches the finish; without WebAssembly a plain page gives the
// helpdesk number and the general steps; a wizard that cannot start names the real cause.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressOnUntil, checkStep, state,
  takeHomeOfflineAndReset, answerVerification, AFTER, assetPattern, HIKVISION_CAMERA, ownPasswordToFinishNl } from './harness.mjs';
import { AxeBuilder } from '@axe-core/playwright';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());


test('without WebGL a phone journey reaches the finish through the HTML page, accessible at every step', async () => {
  const browser = await launch(['--disable-3d-apis']);
  try {
    const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
    const page = await openWizard(context, server.mint('CS-2026-000901', 'nl', HIKVISION_CAMERA));
    assert.equal(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl')), false, 'this browser has no WebGL');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('cs-html')), true, 'the HTML page is on');
    let n = 0;
    const step = async screen => {
      await expectScreen(page, screen);
      await checkStep(page, 'no-webgl', n++);
      // What the customer reads is real, visible text in the page's own flow.
      const heading = await page.locator('#page h1').evaluate(h => ({ color: getComputedStyle(h).color, position: getComputedStyle(h).position, size: parseFloat(getComputedStyle(h).fontSize) }));
      assert.equal(heading.color, 'rgb(11, 12, 12)');
      assert.equal(heading.position, 'static');
      assert.ok(heading.size >= 24);
    };
    await step('welcome');
    await page.getByText(/Uw dossiernummer is CS-2026-000901/).waitFor();
    await press(page, 'Beginnen');
    await step('identify_evidence');
    await press(page, 'Ja, dit apparaat heb ik');
    await step('disconnect_prepare');
    await takeHomeOfflineAndReset(page, { lang: 'nl' });
    await step('verify_question');
    await answerVerification(page, AFTER.reset);
    await ownPasswordToFinishNl(page, step);
    assert.equal((await state(page)).outcome, 'remediated');
    const shot = await page.screenshot({ path: 'tests/e2e/artifacts/no-webgl/finish-full.png', fullPage: true });
    assert.ok(shot.length > 0);
    await context.close();
  } finally { await browser.close(); }
});

test('with WebGL1 only, the canvas draws the wizard through the same backend', async () => {
  const browser = await launch(['--disable-webgl2']);
  try {
    const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
    const page = await openWizard(context, server.demoLink);
    const gl = await page.evaluate(() => ({ webgl2: !!document.createElement('canvas').getContext('webgl2'),
      webgl1: !!document.createElement('canvas').getContext('webgl'), html: document.documentElement.classList.contains('cs-html') }));
    assert.deepEqual(gl, { webgl2: false, webgl1: true, html: false }, 'WebGL1 only, and the canvas is used');
    await checkStep(page, 'webgl1', 0);   // the canvas shows the screen (not blank), axe clean
    await press(page, 'Beginnen');
    await expectScreen(page, 'identify_evidence');
    await checkStep(page, 'webgl1', 1);
    await context.close();
  } finally { await browser.close(); }
});

test('without WebAssembly a plain page gives the helpdesk number and the general steps', async () => {
  // V8 without a JIT exposes no WebAssembly (this Chromium has no --noexpose_wasm flag any more).
  const browser = await launch(['--js-flags=--jitless']);
  try {
    const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(server.demoLink);
    assert.equal(await page.evaluate(() => typeof WebAssembly), 'undefined', 'this browser has no WebAssembly');
    await page.getByRole('heading', { level: 1, name: 'Een apparaat in uw huis is besmet' }).waitFor();
    // The number comes from the provider's own details, never from the (unchecked) link.
    const call = page.getByRole('link', { name: /^Bel ons: 088 000 1234/ });
    await call.waitFor();
    assert.equal(await call.getAttribute('href'), 'tel:0880001234');
    assert.equal(await page.locator('ol li').count(), 5, 'the five general steps');
    await page.getByText(/Haal de internetkabel uit uw modem of router/).waitFor();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(axe.violations.map(v => v.id), []);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'A device in your home is infected' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.screenshot({ path: 'tests/e2e/artifacts/no-wasm.png', fullPage: true });
    await context.close();
  } finally { await browser.close(); }
});

test('a browser that cannot run the wizard is told so, not to check its internet', async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ ...PHONE });
    // The file arrives, but it is not a program this browser can run.
    await context.route(assetPattern('wizard.wasm'), route => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a wasm module') }));
    const page = await context.newPage();
    await page.goto(server.demoLink);
    await page.getByRole('heading', { name: 'Deze browser kan de hulp niet starten' }).waitFor();
    await page.getByText(/your browser cannot run it/).waitFor();
    assert.equal(await page.getByText(/internetverbinding|internet connection/).count(), 0);
    await context.close();
  } finally { await browser.close(); }
});
