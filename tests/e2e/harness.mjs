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
export const SITE = process.env.CLEANSLATE_SITE || join(ROOT, 'build/wasm/site');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
// --- What an infection feed saw, as the links of the tests carry it --------------------------------
// A Hikvision camera the feed recognised by its web server and model; a Dahua recorder; and a
// row with nothing but the open Telnet port, so the customer's answers must find the device.
export const HIKVISION_CAMERA = { tag: 'mirai', infection: 'mirai', port: 23, device_vendor: 'Hikvision', device_type: 'IP Camera',
  device_model: 'DS-2CD2042WD-I', http_server: 'App-webs/' };
export const DAHUA_RECORDER = { tag: 'mirai', infection: 'mirai', port: 23, device_vendor: 'Dahua', device_type: 'DVR', device_model: 'XVR5108HS' };
export const ONLY_PORT_23 = { tag: 'mirai', infection: 'mirai', port: 23 };

export const E2E_LINK_KEY = 'e2e-test-key-0123456789abcdef0123456789';

// --- The server ------------------------------------------------------------------------------
// options.site serves another build of the site; options.port reuses a port (the same origin,
// as after a deploy).
export async function startServer(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cleanslate-e2e-'));
  const keyFile = join(dir, 'link.key');
  writeFileSync(keyFile, E2E_LINK_KEY, { mode: 0o600 });
  // Port 0: the system picks a free one and the server prints it (tests run beside other servers).
  const database = join(dir, 'reports.db');
  const child = spawn(SERVER, ['--site', options.site || SITE, '--port', String(options.port || 0), '--link-key-file', keyFile,
    '--database', database], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  const port = Number(output.match(/Listening on http:\/\/[^:]+:(\d+)/)[1]);
  const base = `http://127.0.0.1:${port}`;
  return {
    base, demoLink, port, database, keyFile,
    log: () => output,   // start-up lines, then one line per request: METHOD "path" status bytes [coding]
    mint(ticket, lang, evidence, extra = []) {
      return execFileSync(SERVER, ['mint', '--ticket', ticket, '--lang', lang, '--evidence', JSON.stringify(evidence),
        '--base-url', base, '--link-key-file', keyFile, ...extra], { encoding: 'utf8' }).trim();
    },
    // Stops the server, then checks that no password a test typed is anywhere in what it stored.
    stop() {
      child.kill('SIGTERM');
      if (typedPasswords.size === 0) return;
      const found = secretsIn(databaseFiles(database), typedPasswords);
      if (found.length) throw new Error(`a typed password reached the report database: ${found.join(', ')}`);
    },
    stopped: () => new Promise(resolve => (child.exitCode !== null ? resolve() : child.once('exit', resolve))),
  };
}

// A site file by the name the code uses, as a route pattern: the site build adds a content
// hash to every name but index.html and sw.js (data/devices.json is data/devices.3f2a9c1b7e.json).
export function assetPattern(name) {
  const dot = name.lastIndexOf('.');
  return `**/${name.slice(0, dot)}.*${name.slice(dot)}`;
}

// --- No password in any report -------------------------------------------------------------------
// Every value typed into a password field in any page of the suite is remembered here, and
// every server's database (with its write-ahead log) is scanned for each of them when it stops.
// Shorter values are not kept: they would be found by chance in unrelated text.
const typedPasswords = new Set();
const watchedContexts = new WeakSet();
const kShortestSecret = 6;

async function watchPasswordFields(context) {
  if (watchedContexts.has(context)) return;
  watchedContexts.add(context);
  await context.exposeBinding('__cleanslateTypedPassword', (_, value) => {
    if (typeof value === 'string' && value.length >= kShortestSecret) typedPasswords.add(value);
  });
  await context.addInitScript(() => {
    const isPassword = el => el && el.tagName === 'INPUT' &&
      (el.type === 'password' || /password/.test(el.autocomplete || '') || /password/.test(el.dataset.id || ''));
    const remember = e => { if (isPassword(e.target) && e.target.value) window.__cleanslateTypedPassword(e.target.value); };
    document.addEventListener('input', remember, true);
    document.addEventListener('change', remember, true);
  });
}

export function typedPasswordCount() { return typedPasswords.size; }

// The write-ahead log first, the database last: a server that is stopping copies its log into
// the database and then removes the log, so whatever the log held is in one of the two reads.
export function databaseFiles(database) {
  return [database + '-wal', database + '-journal', database];
}

// The secrets found in the raw bytes of the given files (text as stored, whatever the table); a
// file that is not there (any more) holds nothing.
export function secretsIn(files, secrets) {
  const read = file => { try { return readFileSync(file); } catch (e) { if (e.code === 'ENOENT') return Buffer.alloc(0); throw e; } };
  const bytes = Buffer.concat(files.map(read));
  return [...secrets].filter(secret => bytes.includes(Buffer.from(secret, 'utf8')));
}

// --- A wizard page ----------------------------------------------------------------------------------
export async function openWizard(context, url) {
  await watchPasswordFields(context);
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
// Every text it has shown so far was a text, never its key (a key missing from the locale,
// or from the part of it that was loaded).
export async function expectScreen(page, screen) {
  await page.waitForFunction(s => window.cleanslate.state().screen === s, screen, { timeout: 10000 })
    .catch(async () => { throw new Error(`expected screen ${screen}, wizard is at ${JSON.stringify(await state(page))}`); });
  const missing = (await state(page)).missing_text;
  if (missing) throw new Error(`the screen ${screen} (or one before it) showed the key "${missing}" instead of a text`);
}

// Clicks the real DOM element the bridge keeps over a drawn control: by role and visible name.
export async function press(page, name, role = 'button') {
  await page.getByRole(role, { name, exact: true }).click();
}

// The text of the page (or of one element) as a reader takes it in: the text layer breaks
// lines where the canvas does, so whitespace is collapsed and sentences compare whole.
export async function pageText(page, selector = '#page') {
  return (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
}

// Presses the control the bridge keeps for a drawn control id (e.g. "answer.yes"): for
// controls whose visible name depends on the device, where the test means the id's meaning.
export async function pressId(page, id) {
  await page.locator(`#page [data-id="${id}"]`).first().click();
}

// The visible texts the helpers below press, per language.
const WORDS = {
  nl: { ready: 'Alles is geladen', notLoaded: /Een deel van de hulp kon niet laden/, goOnAnyway: /Zonder internet werken de volgende stappen/, continue: 'Verder', cableOut: 'De internetkabel is los', begin: 'Begin', phoneJoined: 'Mijn telefoon is verbonden' },
  en: { ready: 'Everything is loaded', notLoaded: /Part of the help could not load/, goOnAnyway: /Without the internet the next steps may not work properly/, continue: 'Continue', cableOut: 'The internet cable is out', begin: 'Start', phoneJoined: 'My phone is connected' },
};

// From the first screen after the device was confirmed to the reset's first screen (what it
// erases, what it takes): waits until everything the offline stretch needs is loaded, says
// how the internet comes in and (where asked) how the device is connected, and unplugs.
// loaded: false when the test made some of those files fail: the page then says so, and a
// second press goes on anyway.
export async function takeHomeOffline(page, { lang = 'en', line = 'dsl', connection = 'cable', loaded = true } = {}) {
  const words = WORDS[lang];
  await expectScreen(page, 'disconnect_prepare');
  if (loaded) {
    await page.getByText(words.ready).first().waitFor({ timeout: 20000 });
  } else {
    await page.getByText(words.notLoaded).first().waitFor({ timeout: 30000 });
    await press(page, words.continue);
    await page.getByText(words.goOnAnyway).first().waitFor();
  }
  await pressAndLeave(page, words.continue);
  await expectScreen(page, 'disconnect_line');
  await pressId(page, `line.${line}`);
  await expectScreen(page, 'disconnect');
  await pressAndLeave(page, words.cableOut);
  if ((await state(page)).screen === 'reset_connection') {
    await pressId(page, `connection.${connection}`);
    await page.waitForFunction(() => window.cleanslate.state().screen !== 'reset_connection');
  }
  await expectScreen(page, 'reset_method');
}

// The same, then every reset step one page at a time to the first verification question. A
// timer page asks to wait once; the second press goes on (a customer who held the button
// without the timer), so these journeys do not sit through real minutes.
export async function takeHomeOfflineAndReset(page, options = {}) {
  await takeHomeOffline(page, options);
  await pressAndLeave(page, WORDS[options.lang || 'en'].begin);
  await finishResetSteps(page, options.lang || 'en');
}

// Goes through the remaining reset pages (and a router's sticker Wi-Fi page, unless
// joinWifi is false) to the verification. `log` (optional) notes each page.
export async function finishResetSteps(page, lang = 'en', { joinWifi = true, log } = {}) {
  for (let i = 0; i < 20 && (await state(page)).screen === 'reset_steps'; i++) {
    await log?.note();
    await pressNextPart(page);
  }
  if (!joinWifi) return;
  if ((await state(page)).screen === 'reset_join_wifi') await pressAndLeave(page, WORDS[lang].phoneJoined);
  await expectScreen(page, 'verify_question');
}

// Presses "next" on a reset page and waits until the wizard has moved on. A page with a timer
// that has not run out asks to wait first (state().early_press): the second press goes on, as a
// customer who held the button without the timer would. Judged by the wizard's state, never by
// how long a loaded machine takes to draw.
export async function pressNextPart(page) {
  const before = await state(page);
  const movedOrAsked = b => { const s = window.cleanslate.state(); return s.screen !== b.screen || s.part !== b.part || s.early_press; };
  const moved = b => { const s = window.cleanslate.state(); return s.screen !== b.screen || s.part !== b.part; };
  await pressId(page, 'next');
  await page.waitForFunction(movedOrAsked, before, { timeout: 30000 });
  if (await page.evaluate(moved, before)) return;
  await pressId(page, 'next');
  await page.waitForFunction(moved, before, { timeout: 30000 });
}

// What the customer sees after a TRUE FACTORY RESET, in a home that had chosen its own
// password and Wi-Fi, and after ONLY A RESTART of the same home: the answer per question id.
export const AFTER = {
  reset: { held_full_time: 'yes', lights: 'yes', beeps: 'yes', asks_new_password: 'yes', setup_wizard: 'yes', had_own_wifi: 'yes',
    sticker_wifi_works: 'yes', had_own_password: 'yes', old_password_works: 'no', default_login_works: 'yes' },
  restart: { held_full_time: 'yes', lights: 'yes', beeps: 'yes', asks_new_password: 'no', setup_wizard: 'no', had_own_wifi: 'yes',
    sticker_wifi_works: 'no', had_own_password: 'yes', old_password_works: 'yes', default_login_works: 'no' },
};

// Answers the verification one question (page) at a time until the wizard leaves it:
// `what` is AFTER.reset, AFTER.restart, or 'not_sure' for every question. Waits out the
// half second in which a new question ignores taps. Returns the question ids asked.
export async function answerVerification(page, what) {
  await expectScreen(page, 'verify_question');
  const asked = [];
  for (let i = 0; i < 12 && (await state(page)).screen === 'verify_question'; i++) {
    const before = await state(page);
    asked.push(before.question);
    const answer = what === 'not_sure' ? 'not_sure' : what[before.question];
    if (!answer) throw new Error(`no answer for the question ${before.question}`);
    await page.waitForTimeout(450);
    await pressId(page, `answer.${answer}`);
    await pressId(page, 'continue');
    await page.waitForFunction(b => { const s = window.cleanslate.state(); return s.screen !== 'verify_question' || s.part !== b.part; }, before);
  }
  return asked;
}

// From "choose a password" to the finish, in Dutch, as a customer who makes up a strong
// password of their own: its check, the device's steps, its settings, the internet back.
// `step(screen)` waits for each screen and checks it as the calling test wants.
export async function ownPasswordToFinishNl(page, step) {
  await step('password_choose');
  await press(page, 'Ik bedenk zelf een wachtwoord');
  await step('password_own');
  await page.getByLabel('Nieuw wachtwoord').fill('Vrolijke-Kaas-Molen-Schaats-19');
  await page.getByText(/Sterkte: (heel )?sterk/).first().waitFor();
  await press(page, 'Verder');
  await step('password_steps');
  await pressOnUntil(page, ['Volgende stap', 'Ik heb het ingesteld'], 'password_hardening');
  await step('password_hardening');
  await pressOnUntil(page, ['Gedaan', 'Verder'], 'reconnect');
  await step('reconnect');
  await pressOnUntil(page, ['Verder'], 'finish');
  await step('finish');
}

// Presses a control and waits until the wizard has left the screen it was on.
export async function pressAndLeave(page, name, role = 'button') {
  const from = (await state(page)).screen;
  await page.getByRole(role, { name, exact: typeof name === 'string' }).first().click();
  await page.waitForFunction(f => window.cleanslate.state().screen !== f, from);
}

// On the identification's outcome screen: when one device fits it is proposed with Yes and
// No (the proposal's text must match pick), when several fit the card matching pick is pressed.
export async function pickDevice(page, pick) {
  await page.locator('#page [data-id="yes"], #page [data-id^="candidate."]').first().waitFor();
  if (await page.locator('#page [data-id="yes"]').count() === 0) return pressAndLeave(page, pick);
  const text = await page.locator('#page').innerText();
  if (!(pick instanceof RegExp ? pick.test(text) : text.includes(pick))) throw new Error(`the device proposed is not ${pick}: ${text}`);
  const from = (await state(page)).screen;
  await page.locator('#page [data-id="yes"]').first().click();
  await page.waitForFunction(f => window.cleanslate.state().screen !== f, from);
}

// Presses whichever of the named buttons is on screen, again and again, until the wizard
// reaches the target screen: for stretches whose length depends on the device (its password
// steps, its settings, reconnecting). A page of a screen counts as a move.
export async function pressOnUntil(page, names, target, limit = 25) {
  const pattern = new RegExp('^(' + names.map(n => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')$');
  for (let i = 0; i < limit; i++) {
    const before = await state(page);
    if (before.screen === target) return;
    await page.getByRole('button', { name: pattern }).first().click();
    await page.waitForFunction(b => { const s = window.cleanslate.state(); return s.screen !== b.screen || s.part !== b.part; }, before)
      .catch(async () => { throw new Error(`pressing ${pattern} on ${before.screen} (part ${before.part}) changed nothing`); });
    // The move's own frame still shows the page it left; the next frame shows the new one.
    await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await expectScreen(page, target);
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
