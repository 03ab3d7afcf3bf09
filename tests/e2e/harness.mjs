// harness.mjs — what every end-to-end test stands on: the real cleanslate-server serving the
// real wasm build on a free port, links minted with its own key, and a Chromium page that a
// test drives the way a person (or a screen reader) would: by role and visible name.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER = process.env.CLEANSLATE_SERVER || join(ROOT, 'build/native/cleanslate-server');
const SITE = process.env.CLEANSLATE_SITE || join(ROOT, 'build/wasm/site');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
export const E2E_LINK_KEY = 'e2e-test-key-0123456789abcdef0123456789';

// --- The server ------------------------------------------------------------------------------
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'cleanslate-e2e-'));
  const keyFile = join(dir, 'link.key');
  writeFileSync(keyFile, E2E_LINK_KEY, { mode: 0o600 });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(SERVER, ['--site', SITE, '--port', String(port), '--link-key-file', keyFile,
    '--database', join(dir, 'reports.db')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const demoLink = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + output)), 15000);
    const onData = chunk => {
      output += chunk;
      const match = output.match(/Demo link: (\S+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', code => reject(new Error(`server exited ${code}:\n${output}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base, demoLink,
    mint(ticket, lang, evidence, extra = []) {
      return execFileSync(SERVER, ['mint', '--ticket', ticket, '--lang', lang, '--evidence', JSON.stringify(evidence),
        '--base-url', base, '--link-key-file', keyFile, ...extra], { encoding: 'utf8' }).trim();
    },
    stop() { child.kill('SIGTERM'); },
  };
}

// --- A wizard page ----------------------------------------------------------------------------------
export async function openWizard(context, url) {
  const page = await context.newPage();
  page.consoleLines = [];
  page.on('console', m => page.consoleLines.push(m.text()));
  page.on('pageerror', e => page.consoleLines.push('pageerror: ' + e.message));
  await page.goto(url);
  await waitForWizard(page);
  return page;
}

export async function waitForWizard(page) {
  await page.waitForFunction(() => window.cleanslate && window.cleanslate.state().step !== 'loading', null, { timeout: 20000 });
}

export const state = page => page.evaluate(() => window.cleanslate.state());

// Waits until the wizard shows the given screen (frames are drawn on demand, so a click's
// effect lands a frame or two later).
export async function expectScreen(page, screen) {
  await page.waitForFunction(s => window.cleanslate.state().screen === s, screen, { timeout: 10000 })
    .catch(async () => { throw new Error(`expected screen ${screen}, wizard is at ${JSON.stringify(await state(page))}`); });
}

// Clicks the real DOM element the bridge keeps over a drawn control: by role and visible name.
export async function press(page, name, role = 'button') {
  await page.getByRole(role, { name, exact: true }).click();
}

// Answers every verification question the same way, one question page at a time: choose
// the radio, then "Doorgaan"/"Continue", until the wizard moves on from the verification.
export async function answerEveryQuestion(page, answer) {
  await expectScreen(page, 'verify_question');
  for (let i = 0; i < 10 && (await state(page)).screen === 'verify_question'; i++) {
    const before = await page.title();
    await page.getByRole('radio', { name: answer, exact: true }).check();
    await page.getByRole('button', { name: /^(Doorgaan|Continue)$/ }).click();
    await page.waitForFunction(b => window.cleanslate.state().screen !== 'verify_question' || document.title !== b, before);
  }
}

// Presses a control and waits until the wizard has left the screen it was on.
export async function pressAndLeave(page, name, role = 'button') {
  const from = (await state(page)).screen;
  await page.getByRole(role, { name, exact: typeof name === 'string' }).first().click();
  await page.waitForFunction(f => window.cleanslate.state().screen !== f, from);
}

// --- Evidence of each step: a screenshot, checked not blank, and axe's judgement -----------------------
export async function checkStep(page, journey, index) {
  const s = await state(page);
  const dir = join(ARTIFACTS, journey);
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(150);   // let the last frame land
  const file = join(dir, `${String(index).padStart(2, '0')}-${s.screen}.png`);
  const png = await page.screenshot({ path: file });
  const ink = inkFraction(png);
  if (ink < 0.002) throw new Error(`${file}: the screen looks blank (${(ink * 100).toFixed(2)} % non-white pixels)`);
  // Every control is big enough for a thumb (44 CSS px, WCAG 2.5.5 / Apple / GOV.UK).
  const small = await page.$$eval('#page button, #page a, #page input', els => els
    .map(e => ({ name: e.textContent || e.getAttribute('aria-label'), box: e.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 44 || box.height < 44)
    .map(({ name, box }) => `${name} (${Math.round(box.width)}x${Math.round(box.height)})`));
  if (small.length) throw new Error(`${s.screen}: controls smaller than 44x44 CSS px: ${small.join(', ')}`);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (axe.violations.length)
    throw new Error(`${s.screen}: axe found ${axe.violations.length} violation(s):\n` +
      axe.violations.map(v => `  ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`).join('\n'));
  return s;
}

// The share of pixels that are not (nearly) white, from the PNG itself: a blank or failed
// canvas shows as (almost) nothing.
export function inkFraction(png) {
  const { width, height, channels, pixels } = decodePng(png);
  let ink = 0;
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    if (pixels[p] < 235 || pixels[p + 1] < 235 || pixels[p + 2] < 235) ink++;
  }
  return ink / (width * height);
}

// Chromium's 8-bit, non-interlaced RGB/RGBA PNGs as raw pixels (row after row, channels each).
export function decodePng(png) {
  let pos = 8, width = 0, height = 0, channels = 4;
  const idat = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); channels = data[9] === 2 ? 3 : 4; }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const current = pixels.subarray(y * stride, (y + 1) * stride);
    const previous = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? current[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      current[x] = v & 255;
    }
  }
  return { width, height, channels, pixels };
}

export function readJson(path) { return JSON.parse(readFileSync(path, 'utf8')); }
