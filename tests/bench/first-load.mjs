#!/usr/bin/env node
// First-load and offline-set benchmark (not a test): what a customer opening the link on a
// phone downloads before the first screen, and before the wizard can go offline (the service
// worker's whole precache set). Starts the real server on the real build, opens the demo link
// in Chromium at phone size several times with a cold cache, and reports:
//   - per file of the site: its size as it is, as the build's .gz (zopfli) and .br siblings
//   - the first screen (everything loaded before the first frame) and the offline set (the
//     page, sw.js and every precached file), each as gzip and as brotli, and as measured on
//     the wire (the server's access log: what it really sent this browser)
//   - navigation start to the first frame, and to "offline ready" (median of the runs)
// Goals (issue 7): first screen <= 300 KB gzipped, whole offline set <= 600 KB on the wire.
//   node tests/bench/first-load.mjs [runs=5]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, PHONE } from '../e2e/browser.mjs';
import { startServer, SITE } from '../e2e/harness.mjs';

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
const worker = readFileSync(join(SITE, 'sw.js'), 'utf8');
const precache = JSON.parse(worker.match(/const BUILD = (\{.*?\});/)[1]).precache;
const offlineSet = ['index.html', 'sw.js', ...precache].map(sizes);
const total = (files, key) => files.reduce((sum, f) => sum + f[key], 0);

// --- Cold loads in Chromium ---------------------------------------------------------------------
const server = await startServer();
const browser = await launch();
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
    const page = await context.newPage();
    const logBefore = server.log().length;
    await page.goto(server.demoLink);
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
    results.push(run);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}

// --- Report --------------------------------------------------------------------------------------
const median = values => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = bytes => (bytes / KB).toFixed(1).padStart(7) + ' KB';
const firstScreenNames = new Set(results[0].files.map(f => f.name));
const firstScreen = offlineSet.filter(f => firstScreenNames.has(f.name));
console.log('      as is      gzip    brotli   file (* = first screen)');
for (const f of offlineSet)
  console.log(`${kb(f.identity)} ${kb(f.gzip)} ${kb(f.brotli)}   ${firstScreenNames.has(f.name) ? '*' : ' '} ${f.name}`);
const verdict = (bytes, goal) => `${bytes <= goal ? 'within' : 'OVER'} the goal of ${goal / KB} KB`;
console.log(`\nfirst screen (${firstScreen.length} files): gzip ${kb(total(firstScreen, 'gzip'))}, brotli ${kb(total(firstScreen, 'brotli'))}` +
  ` — ${verdict(total(firstScreen, 'gzip'), GOALS.firstScreen)} (gzip)`);
console.log(`  on the wire: ${kb(median(results.map(r => r.firstScreenWire)))} (median of ${runs})`);
console.log(`offline set (${offlineSet.length} files): gzip ${kb(total(offlineSet, 'gzip'))}, brotli ${kb(total(offlineSet, 'brotli'))}` +
  ` — ${verdict(total(offlineSet, 'brotli'), GOALS.offlineSet)} (brotli), ${verdict(total(offlineSet, 'gzip'), GOALS.offlineSet)} (gzip)`);
console.log(`  on the wire: ${kb(median(results.map(r => r.offlineWire)))} as the server sent it (${results[0].codings}) — ` +
  verdict(median(results.map(r => r.offlineWire)), GOALS.offlineSet));
console.log(`navigation to first frame: ${median(results.map(r => r.ms)).toFixed(0)} ms (goal <= ${GOALS.firstFrameMs}); ` +
  `assets and wasm ready at ${median(results.map(r => r.assetsReady))} ms, core booted at ${median(results.map(r => r.booted))} ms`);
console.log(`navigation to offline ready: ${median(results.map(r => r.readyMs)).toFixed(0)} ms (local server, median of ${runs})`);
