#!/usr/bin/env node
// First-load and offline-set benchmark (not a test): what a customer opening the link on a
// phone downloads before the first screen, and before the wizard can go offline (the service
// worker's whole precache set). Starts the real server on the real build, opens the demo link
// in Chromium at phone size several times with a cold cache, and reports:
//   - per file of the site: its size as it is, as the build's .gz (zopfli) and .br siblings
//   - the first screen (everything loaded before the first frame) and the offline set (the
//     page, sw.js, every precached file and the password data of the customer's language),
//     each as gzip and as brotli, and as measured on the wire (the server's access log: what it
//     really sent this browser), for a Dutch and for an English customer
//   - navigation start to the first frame, and to "offline ready" (median of the runs)
// Goals (issue 7): first screen <= 300 KB gzipped, whole offline set <= 600 KB on the wire
// (each language's); the first frame within 400 ms on the local server.
//   node tests/bench/first-load.mjs [runs=5]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, PHONE } from '../e2e/browser.mjs';
import { startServer, SITE, HIKVISION_CAMERA as DEMO_EVIDENCE } from '../e2e/harness.mjs';

const KB = 1024;
const GOALS = { firstScreen: 300 * KB, offlineSet: 600 * KB, firstFrameMs: 400 };
const runs = Number(process.argv[2] || 5);

// --- The site's files, as they are and as their pre-compressed siblings ----------------------
const sizeOf = path => (existsSync(path) ? statSync(path).size : null);
function sizes(name) {
  const path = join(SITE, name);
  const identity = statSync(path).size;
  return { name, identity, gzip: sizeOf(path + '.gz') ?? identity, brotli: sizeOf(path + '.br') ?? identity };
}
// The build's file lists, from the asset map the site build puts in index.html.
const page = readFileSync(join(SITE, 'index.html'), 'utf8');
const assets = JSON.parse(page.match(/<script type="application\/json" id="cleanslate-assets">(.*?)<\/script>/)[1]);
const build = { precache: Object.values(assets.files).filter(name => !Object.values(assets.languages).flat().includes(name)), languages: assets.languages };
const LANGUAGES = { nl: 'nl-NL', en: 'en-GB' };
// Every customer's files, then each language's own (its password data).
const sharedSet = ['index.html', 'sw.js', ...build.precache].map(sizes);
const languageFiles = Object.fromEntries(Object.keys(LANGUAGES).map(lang => [lang, (build.languages?.[lang] || []).map(sizes)]));
const offlineSets = Object.fromEntries(Object.keys(LANGUAGES).map(lang => [lang, [...sharedSet, ...languageFiles[lang]]]));
const allFiles = [...sharedSet, ...Object.values(languageFiles).flat()];
const total = (files, key) => files.reduce((sum, f) => sum + f[key], 0);

// --- Cold loads in Chromium ---------------------------------------------------------------------
const server = await startServer();
const browser = await launch();
const results = { nl: [], en: [] };
try {
  for (let i = 0; i < runs; i++) for (const [lang, browserLocale] of Object.entries(LANGUAGES)) {
    const context = await browser.newContext({ ...PHONE, locale: browserLocale });
    const page = await context.newPage();
    const logBefore = server.log().length;
    await page.goto(server.mint(`CS-2026-00900${i}`, lang, DEMO_EVIDENCE));
    await page.waitForFunction(() => performance.getEntriesByName('cleanslate-first-frame').length > 0, null, { timeout: 20000 });
    await page.waitForFunction(() => window.cleanslate.state().offline_ready === true, null, { timeout: 60000, polling: 50 });
    const readyMs = await page.evaluate(() => performance.now());
    const run = await page.evaluate(() => {
      const frame = performance.getEntriesByName('cleanslate-first-frame')[0].startTime;
      const navigation = performance.getEntriesByType('navigation')[0];
      const before = performance.getEntriesByType('resource').filter(r => r.startTime < frame);
      const files = [navigation, ...before].map(r => ({ name: new URL(r.name).pathname.slice(1) || 'index.html', bytes: r.encodedBodySize }));
      const mark = name => Math.round(performance.getEntriesByName(name)[0]?.startTime || 0);
      return { ms: frame, assetsReady: mark('cleanslate-assets-ready'), booted: mark('cleanslate-booted'), files };
    });
    // On the wire for the offline set: every body the server sent this browser (page and worker).
    const log = server.log().slice(logBefore);
    const sent = [...log.matchAll(/GET "([^"]+)" (\d+) (\d+)(?: (\w+))?/g)].filter(m => !m[1].startsWith('/api/'));
    run.readyMs = readyMs;
    run.firstScreenWire = run.files.reduce((sum, f) => sum + f.bytes, 0);
    run.offlineWire = sent.reduce((sum, m) => sum + Number(m[3]), 0);
    run.codings = [...new Set(sent.map(m => m[4] || 'identity'))].join('/');
    results[lang].push(run);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}

// --- Report --------------------------------------------------------------------------------------
const median = values => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = bytes => (bytes / KB).toFixed(1).padStart(7) + ' KB';
const verdict = (bytes, goal) => `${bytes <= goal ? 'within' : 'OVER'} the goal of ${goal / KB} KB`;
const firstScreenNames = new Set(results.nl[0].files.map(f => f.name));
// A Dutch customer's first screen: the shared files and the Dutch texts loaded before it.
const firstScreen = allFiles.filter(f => firstScreenNames.has(f.name));
console.log('      as is      gzip    brotli   file (* = first screen, nl/en = that language only)');
for (const f of allFiles) {
  const lang = Object.keys(languageFiles).find(l => languageFiles[l].includes(f));
  console.log(`${kb(f.identity)} ${kb(f.gzip)} ${kb(f.brotli)}   ${lang || (firstScreenNames.has(f.name) ? '* ' : '  ')} ${f.name}`);
}
console.log(`\nfirst screen (${firstScreen.length} files): gzip ${kb(total(firstScreen, 'gzip'))}, brotli ${kb(total(firstScreen, 'brotli'))}` +
  ` — ${verdict(total(firstScreen, 'gzip'), GOALS.firstScreen)} (gzip)`);
console.log(`  on the wire: ${kb(median(results.nl.map(r => r.firstScreenWire)))} (median of ${runs})`);
for (const lang of Object.keys(LANGUAGES)) {
  const set = offlineSets[lang];
  const wire = median(results[lang].map(r => r.offlineWire));
  console.log(`offline set, ${lang} customer (${set.length} files): gzip ${kb(total(set, 'gzip'))}, brotli ${kb(total(set, 'brotli'))}` +
    ` — ${verdict(total(set, 'brotli'), GOALS.offlineSet)} (brotli), ${verdict(total(set, 'gzip'), GOALS.offlineSet)} (gzip)`);
  console.log(`  on the wire: ${kb(wire)} as the server sent it (${results[lang][0].codings}) — ${verdict(wire, GOALS.offlineSet)}`);
}
const all = [...results.nl, ...results.en];
console.log(`navigation to first frame: ${median(all.map(r => r.ms)).toFixed(0)} ms (goal <= ${GOALS.firstFrameMs}); ` +
  `assets and wasm ready at ${median(all.map(r => r.assetsReady))} ms, core booted at ${median(all.map(r => r.booted))} ms`);
console.log(`navigation to offline ready: ${median(all.map(r => r.readyMs)).toFixed(0)} ms (local server, median of ${all.length})`);
