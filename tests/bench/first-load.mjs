#!/usr/bin/env node
// First-load benchmark (not a test): what the first screen costs a customer opening the link
// on a phone. Starts the real server on the real build, opens the demo link in Chromium at
// phone size several times with a cold cache, and reports the median of:
//   - bytes on the wire (gzipped bodies) of everything loaded before the first frame
//   - navigation start to the first frame drawn (performance mark 'cleanslate-first-frame')
// Goals: <= 350 KB and <= 400 ms on a local server.
//   node tests/bench/first-load.mjs [runs=7]
import { launch, PHONE } from '../e2e/browser.mjs';
import { startServer } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] || 7);
const server = await startServer();
const browser = await launch();
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(server.demoLink);
    await page.waitForFunction(() => performance.getEntriesByName('cleanslate-first-frame').length > 0, null, { timeout: 20000 });
    results.push(await page.evaluate(() => {
      const frame = performance.getEntriesByName('cleanslate-first-frame')[0].startTime;
      const navigation = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource').filter(r => r.startTime < frame);
      const files = [navigation, ...resources].map(r => ({ name: r.name.replace(location.origin, ''), bytes: r.encodedBodySize }));
      const mark = name => Math.round(performance.getEntriesByName(name)[0]?.startTime || 0);
      return { ms: frame, assetsReady: mark('cleanslate-assets-ready'), booted: mark('cleanslate-booted'), bytes: files.reduce((sum, f) => sum + f.bytes, 0), files };
    }));
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
const median = values => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const last = results[results.length - 1];
for (const f of last.files) console.log(`${String(f.bytes).padStart(9)}  ${f.name.split('#')[0] || '/'}`);
console.log(`first load: ${median(results.map(r => r.bytes))} bytes gzipped (goal <= ${350 * 1024})`);
console.log(`  of which: assets and wasm ready at ${median(results.map(r => r.assetsReady))} ms, core booted at ${median(results.map(r => r.booted))} ms`);
console.log(`navigation to first frame: ${median(results.map(r => r.ms)).toFixed(0)} ms median of ${runs} (goal <= 400)`);
