// Real sizes, the customer's sizes, crisp at any zoom, and text that is text: the canvas
// draws a 19 px body text exactly as large as CSS does; a browser set to large text gets
// larger text; a pinch-zoomed page is re-drawn sharp rather than magnified; and the drawn
// words can be selected, copied and found, through the transparent text layer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE, DESKTOP } from './browser.mjs';
import { startServer, openWizard, decodePng } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// The first line of the first body paragraph under the heading (its text-layer span).
async function firstBodyLine(page) {
  return page.evaluate(() => {
    const span = document.querySelector('#page h1 ~ p .cs-line');
    const box = span.getBoundingClientRect();
    return { text: span.textContent, x: box.left, y: box.top, height: parseFloat(span.style.lineHeight), size: parseFloat(span.style.fontSize) };
  });
}

// The height in CSS px of the ink of the first glyph in a box of the screen: from the first
// dark column to the next all-white one, top of the highest dark pixel to the bottom of the lowest.
async function firstGlyphInkHeight(page, box) {
  const scale = await page.evaluate(() => devicePixelRatio);
  const { width, height, channels, pixels } = decodePng(await page.screenshot({ clip: box, scale: 'device' }));
  const dark = (x, y) => pixels[(y * width + x) * channels] < 128;
  let top = height, bottom = -1, started = false;
  for (let x = 0; x < width; x++) {
    let any = false;
    for (let y = 0; y < height; y++) if (dark(x, y)) { any = true; top = Math.min(top, y); bottom = Math.max(bottom, y); }
    if (any) started = true;
    else if (started) break;
  }
  return (bottom - top + 1) / scale;
}

// Places a line of real CSS text on a white card over the page (CSSOM: the page's
// Content-Security-Policy allows no inline styles) and returns its box.
async function cssReference(page, text, sizePx) {
  return page.evaluate(([text, sizePx]) => {
    const card = document.createElement('div');
    card.id = 'css-reference';
    card.textContent = text;
    Object.assign(card.style, { position: 'fixed', left: '0', top: '0', padding: '20px', background: '#fff', color: '#0b0c0c',
      fontFamily: '"CleanSlate Sans"', fontSize: sizePx + 'px', lineHeight: '1.5', zIndex: 10, whiteSpace: 'pre' });
    document.body.append(card);
    const box = card.getBoundingClientRect();
    return { x: box.left + 20, y: box.top + 20, width: box.width - 40, height: box.height - 40 };
  }, [text, sizePx]);
}

test('a 19 px body text is drawn as large as CSS draws 19 px text (capital height within 5 %)', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.demoLink);
  const line = await firstBodyLine(page);
  assert.equal(line.size, 19, 'the body text is 19 CSS px');
  const letter = line.text[0];
  assert.match(letter, /[A-Z]/, 'the paragraph starts with a capital');
  const drawn = await firstGlyphInkHeight(page, { x: line.x - 2, y: line.y, width: 30, height: line.height });
  const reference = await cssReference(page, letter, 19);
  const css = await firstGlyphInkHeight(page, { x: reference.x - 2, y: reference.y, width: 30, height: reference.height });
  console.log(`capital "${letter}" at 19 px: drawn ${drawn.toFixed(2)} CSS px, CSS ${css.toFixed(2)} CSS px`);
  assert.ok(Math.abs(drawn - css) / css <= 0.05, `drawn ${drawn} px vs CSS ${css} px`);
  await context.close();
});

test("the browser's text size setting makes the drawn text larger", async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.demoLink);
  const before = await firstBodyLine(page);
  const normal = await firstGlyphInkHeight(page, { x: before.x - 2, y: before.y, width: 40, height: before.height });
  // Chromium's default font size setting (Settings > Appearance > Font size), as a customer sets it.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await page.waitForFunction(() => parseFloat(document.querySelector('#page h1 ~ p .cs-line')?.style.fontSize) > 19);
  await page.waitForTimeout(300);
  const after = await firstBodyLine(page);
  assert.equal(after.size, 38, 'body text follows the setting: 19 px × 32/16');
  const large = await firstGlyphInkHeight(page, { x: after.x - 2, y: after.y, width: 60, height: after.height });
  console.log(`capital at default text size: ${normal.toFixed(2)} CSS px; with the browser at 32 px: ${large.toFixed(2)} CSS px`);
  assert.ok(large > normal * 1.8, `drawn larger: ${normal} -> ${large}`);
  const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('#page .cs-line')].map(s => parseFloat(s.style.fontSize))));
  assert.ok(smallest >= 32, `nothing below the customer's own size (${smallest} px)`);
  await context.close();
});

// How sharp text is: the share of its ink pixels that are grey edge rather than solid, in a
// box of the screenshot (device pixels). A bitmap magnified by a pinch has wide grey edges;
// text drawn again for the zoom has edges as thin as unzoomed text.
function edgeShare(png, box) {
  const { width, channels, pixels } = decodePng(png);
  let ink = 0, grey = 0;
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) {
      const v = pixels[(y * width + x) * channels];
      if (v < 200) { ink++; if (v > 60) grey++; }
    }
  return grey / ink;
}

test('after a pinch zoom the text is drawn again for the zoom, as sharp as unzoomed', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const page = await openWizard(context, server.demoLink);
  const line = await firstBodyLine(page);
  // Three lines of the first paragraph, at 1x and then at 2x (the visual viewport at the top left).
  const box = { x: 20, y: Math.round(line.y), width: 170, height: Math.round(line.height * 3) };
  const unzoomed = edgeShare(await page.screenshot(), box);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
  await page.waitForFunction(() => window.visualViewport.scale > 1.9 && window.visualViewport.offsetTop === 0);
  await page.waitForTimeout(800);   // the bridge rasterises the fonts again once the pinch settles
  const zoomedBox = { x: box.x * 2, y: box.y * 2, width: box.width * 2, height: box.height * 2 };
  const zoomed = edgeShare(await page.screenshot(), zoomedBox);
  console.log(`grey edge share of text ink: unzoomed ${unzoomed.toFixed(3)}, zoomed 2x ${zoomed.toFixed(3)}`);
  assert.ok(zoomed <= unzoomed * 1.05, `zoomed text is as sharp as unzoomed (${zoomed} vs ${unzoomed})`);
  const canvas = await page.evaluate(() => { const c = document.getElementById('wizard-canvas'); return { w: c.width, cssW: c.getBoundingClientRect().width }; });
  assert.ok(canvas.w >= 2 * canvas.cssW - 2, `the canvas has 2 pixels per CSS px when zoomed 2x (${canvas.w} for ${canvas.cssW} CSS px)`);
  await context.close();
});

test('drawn text can be selected, copied and found in the page', async () => {
  const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB' });
  const page = await openWizard(context, server.demoLink);
  const paragraph = page.locator('#page h1 ~ p').first();
  const expected = (await paragraph.evaluate(p => p.textContent)).replace(/\s+/g, ' ').trim();
  assert.ok(expected.length > 40, 'a whole paragraph');
  // Dragging from the paragraph's first letter to its last selects it, as in any web page.
  const lines = paragraph.locator('.cs-line');
  const first = await lines.first().boundingBox(), last = await lines.last().boundingBox();
  await page.mouse.move(first.x + 1, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width - 1, last.y + last.height / 2, { steps: 8 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection().toString().replace(/\s+/g, ' ').trim());
  assert.equal(selected, expected);
  // Find in page (window.find is what the browser's search uses): words from the second paragraph.
  const words = (await page.locator('#page h1 ~ p').nth(1).evaluate(p => p.textContent)).trim().split(/\s+/).slice(2, 5).join(' ');
  const found = await page.evaluate(words => {
    window.getSelection().removeAllRanges();
    const ok = window.find(words);
    const node = window.getSelection().anchorNode;
    return { ok, inLayer: !!(node && node.parentElement && node.parentElement.closest('#page .cs-node')) };
  }, words);
  assert.deepEqual(found, { ok: true, inLayer: true });
  await context.close();
});
