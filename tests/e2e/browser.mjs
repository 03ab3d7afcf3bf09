// browser.mjs — Debian's Chromium driven by playwright-core (never a downloaded browser),
// with the flags that make headless WebGL2 work on a machine without a GPU or internet.
import { chromium } from 'playwright-core';

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

// extraArgs: more Chromium flags, e.g. a browser without WebGL ('--disable-3d-apis') or
// without WebAssembly ('--js-flags=--jitless').
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      // A microphone that says yes and plays a test tone: voice notes without a person.
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', ...extraArgs],
  });
}
