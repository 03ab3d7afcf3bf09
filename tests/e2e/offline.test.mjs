// The journey with the home off the internet (issue 7): after the first screen a service worker
// keeps every file the journey needs, the wizard hears when that is done, and from then on a
// reload or any later step works offline — the device database and the password check too.
// The cache holds only the site's own files: no server answers, nothing with the link's token.
// A new build (other hashed names) replaces the old cache, downloading only what changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, waitForWizard, expectScreen, press, pressAndLeave, state, assetPattern, ROOT, SITE,
  takeHomeOffline, takeHomeOfflineAndReset, finishResetSteps, answerVerification, AFTER, HIKVISION_CAMERA } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });


async function until(condition, timeoutMs = 30000) {
  for (const end = Date.now() + timeoutMs; !(await condition());) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + condition);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

const offlineReady = page => page.waitForFunction(() => window.cleanslate.state().offline_ready === true, null, { timeout: 30000 });

// Every URL in the page's Cache Storage, per cache.
const cachedUrls = page => page.evaluate(async () => {
  const all = {};
  for (const name of await caches.keys()) all[name] = (await (await caches.open(name)).keys()).map(r => r.url);
  return all;
});

test('after the first screen the wizard can go offline: a reload boots from the cache and the journey goes on to the password check', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const link = server.mint('CS-2026-000701', 'nl', HIKVISION_CAMERA);
  const token = link.split('#t=')[1];
  const page = await openWizard(context, link);
  const requested = new Set();
  page.on('request', r => requested.add(r.url()));
  await offlineReady(page);

  await press(page, 'Beginnen');
  await expectScreen(page, 'identify_evidence');
  await press(page, 'Ja, dit apparaat heb ik');
  await expectScreen(page, 'disconnect_prepare');

  // The customer takes the home off the internet; the phone has no data either.
  await context.setOffline(true);
  await page.reload();
  await waitForWizard(page);
  assert.equal((await state(page)).screen, 'disconnect_prepare', 'the reload resumes where the customer was');
  await offlineReady(page);   // offline too, the wizard learns that everything is in the browser
  // Only now does the page promise to come back after it is closed.
  await page.getByText(/Ook als u hem sluit: open dan gewoon de link uit de e-mail opnieuw/).first().waitFor();
  await takeHomeOfflineAndReset(page, { lang: 'nl', line: 'dsl', connection: 'cable' });
  await answerVerification(page, AFTER.reset);
  await expectScreen(page, 'password_choose');
  await press(page, 'Ik bedenk zelf een wachtwoord');
  await expectScreen(page, 'password_own');
  // The check's lists come from the cache: a common password is refused, a strong one judged.
  const field = page.getByLabel('Nieuw wachtwoord');
  await field.fill('iloveyou');
  await press(page, 'Verder');
  await page.getByText(/Veel mensen gebruiken dit wachtwoord/).first().waitFor({ timeout: 15000 });
  await field.fill('Zonnige-Walvis-Trompet-83');
  await page.getByText(/Sterkte: (heel )?sterk/).first().waitFor();

  // Only the site's own files are cached: no API answer, nothing with the token or a query.
  const cached = Object.values(await cachedUrls(page)).flat();
  assert.ok(cached.length >= 15, `the cache holds the site (${cached.length} files)`);
  for (const url of cached) {
    assert.ok(!url.includes('/api/'), `an API answer was cached: ${url}`);
    assert.ok(!url.includes(token) && !url.includes('#') && !url.includes('?'), `a URL with the token or a query was cached: ${url}`);
  }
  // Every file the wizard asked for on the way (online and offline) is in the cache.
  const origin = new URL(server.base).origin;
  const files = [...requested].filter(u => u.startsWith(origin) && !u.includes('/api/')).map(u => u.split('#')[0]);
  for (const url of files) assert.ok(cached.includes(url), `requested but not precached: ${url}`);

  // Of the texts and password data that belong to one language, a Dutch customer keeps only Dutch.
  assert.ok(cached.some(url => /\/data\/dictionary-nl\./.test(url)), 'the Dutch dictionary is kept');
  assert.ok(!cached.some(url => /\/(data\/(dictionary|words)-en|locales\/en)\./.test(url)), 'no English texts or password data for a Dutch customer');
  // So a switch to English with the home offline says, in English, that it needs the
  // internet, changes nothing, and happens by itself once the phone is online again.
  await press(page, 'English');
  await page.getByText('Loading English… This needs the internet.').first().waitFor();
  assert.equal((await state(page)).locale, 'nl', 'the page stays Dutch while English cannot load');
  assert.equal(await page.getByLabel('Nieuw wachtwoord').inputValue(), 'Zonnige-Walvis-Trompet-83', 'nothing typed is lost');
  // Online again, but the English dictionary still cannot come: the check goes on with the
  // common passwords and the Dutch words, and says so.
  await context.route(assetPattern('data/dictionary-en.txt'), route => route.abort('internetdisconnected'));
  await context.setOffline(false);
  await page.waitForFunction(() => window.cleanslate.state().locale === 'en', null, { timeout: 30000 });
  await page.getByText(/Without the internet, the check does not know English words\. It does know common passwords and Dutch words\./).first().waitFor({ timeout: 30000 });
  const englishField = page.getByLabel('New password');
  await englishField.fill('iloveyou');
  await press(page, 'Continue');
  await page.getByText(/Many people use this password/).first().waitFor({ timeout: 15000 });
  await englishField.fill('Zonnige-Walvis-Trompet-83');
  await page.getByText(/Strength: (very )?strong/).first().waitFor();
  await context.close();
});

test('the other language\'s texts and password data are fetched and kept only when the customer switches to it, while online', async () => {
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.mint('CS-2026-000703', 'nl', HIKVISION_CAMERA));
  const requested = [];
  page.on('request', r => requested.push(r.url()));
  await offlineReady(page);
  const englishData = url => /\/(data\/(dictionary|words)-en|locales\/en)\./.test(url);
  const kept = async () => Object.values(await cachedUrls(page)).flat();
  assert.ok((await kept()).some(url => /\/data\/dictionary-nl\./.test(url)), 'the Dutch dictionary is kept');
  assert.ok(!requested.some(englishData) && !(await kept()).some(englishData), 'nothing English is fetched for a Dutch customer');

  await press(page, 'English');
  await page.waitForFunction(() => window.cleanslate.state().locale === 'en');
  await until(async () => (await kept()).filter(englishData).length === 3);   // its texts, dictionary and passphrase words
  assert.equal((await state(page)).offline_ready, true, 'still ready to go offline');
  await context.close();
});

test('the password check that cannot load its lists says so and offers the helpdesk, never a silent spinner', async () => {
  // No service worker, and the lists fail (they are fetched right after the first frame): as
  // on a first visit that went offline too early.
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB', serviceWorkers: 'block' });
  await context.route(assetPattern('data/passwords.txt'), route => route.abort('internetdisconnected'));
  const page = await openWizard(context, server.mint('CS-2026-000702', 'en', HIKVISION_CAMERA));
  await press(page, 'Start');
  await expectScreen(page, 'identify_evidence');
  await press(page, 'Yes, I have this device');
  // Before the cable comes out, the page says that part of the help did not load.
  await takeHomeOffline(page, { loaded: false });
  await expectScreen(page, 'reset_method');
  await pressAndLeave(page, 'Start');
  await finishResetSteps(page, 'en');
  await answerVerification(page, AFTER.reset);
  await expectScreen(page, 'password_choose');
  await press(page, 'I will make up my own');
  await expectScreen(page, 'password_own');
  await page.getByText(/The password check could not be loaded/).first().waitFor({ timeout: 30000 });
  await page.getByRole('link', { name: /^Call / }).waitFor();
  // The network comes back: the check appears by itself.
  await context.unroute(assetPattern('data/passwords.txt'));
  await page.getByLabel('New password').waitFor({ timeout: 30000 });
  await context.close();
});

test('a screen whose texts cannot load says so and offers the helpdesk, then appears when they come', async () => {
  // The welcome's texts come with the page; the rest of the English texts fail (the network
  // dropped right after the first screen, no service worker yet).
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB', serviceWorkers: 'block' });
  await context.route(assetPattern('locales/rest/en.json'), route => route.abort('internetdisconnected'));
  const page = await openWizard(context, server.mint('CS-2026-000704', 'en', HIKVISION_CAMERA));
  await press(page, 'Start');
  await page.getByText("Some of this page's text could not load. Check that you have internet, or call us.").first().waitFor({ timeout: 30000 });
  await page.getByRole('link', { name: /^Call / }).waitFor();
  assert.equal((await state(page)).missing_text, '', 'no key is shown in place of a text');
  await context.unroute(assetPattern('locales/rest/en.json'));
  await page.getByRole('button', { name: 'Yes, I have this device', exact: true }).waitFor({ timeout: 30000 });
  await expectScreen(page, 'identify_evidence');
  await context.close();
});

test('a new build replaces the old cache, downloading only the files that changed', async () => {
  // Build B: the same site with one locale changed, so one hashed name (and the version) differs.
  const stage = mkdtempSync(join(tmpdir(), 'cleanslate-stage-'));
  cpSync(join(SITE, '..', 'stage'), stage, { recursive: true });
  const en = JSON.parse(readFileSync(join(stage, 'locales/en.json'), 'utf8'));
  writeFileSync(join(stage, 'locales/en.json'), JSON.stringify(en, null, 1));
  const siteB = mkdtempSync(join(tmpdir(), 'cleanslate-site-b-'));
  execFileSync('node', [join(ROOT, 'scripts/build-site.mjs'), '--stage', stage, '--out', siteB]);
  const version = page => page.evaluate(() => JSON.parse(document.getElementById('cleanslate-assets').textContent).version);

  const first = await startServer();
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  let page = await openWizard(context, first.base + '/');
  await offlineReady(page);
  const versionA = await version(page);
  assert.deepEqual(Object.keys(await cachedUrls(page)), ['cleanslate-' + versionA]);
  await page.close();
  first.stop();
  await first.stopped();

  // The deploy: the same origin now serves build B.
  const second = await startServer({ site: siteB, port: first.port });
  try {
    // The open tab keeps build A (page and files from one build); B installs in the background...
    page = await openWizard(context, second.base + '/');
    assert.equal(await version(page), versionA);
    await until(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting));
    await page.close();
    // ...and takes over once no tab uses A: the next visit is build B, and A's cache is gone.
    let versionB = versionA;
    for (let attempt = 0; attempt < 20 && versionB === versionA; attempt++) {
      page = await openWizard(context, second.base + '/');
      versionB = await version(page);
      if (versionB === versionA) { await page.close(); await new Promise(r => setTimeout(r, 500)); }
    }
    assert.notEqual(versionB, versionA);
    await offlineReady(page);
    assert.deepEqual(Object.keys(await cachedUrls(page)), ['cleanslate-' + versionB]);
    // Only the page, the worker and the changed locale crossed the network for B.
    const fetched = [...second.log().matchAll(/GET "([^"]+)" 200/g)].map(m => m[1]);
    const changed = fetched.filter(path => path !== '/' && path !== '/sw.js');
    assert.deepEqual([...new Set(changed)], [changed.find(p => p.startsWith('/locales/en.'))], `fetched: ${fetched.join(', ')}`);
  } finally {
    await context.close();
    second.stop();
  }
});
