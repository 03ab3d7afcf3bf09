// boot.js — loads the wizard: the wasm module, both locales and the two fonts in parallel,
// then hands them to cs_boot and draws the first frame. A failure shows a kind message in
// both languages with a button to try again; nothing the customer did is lost (it is saved).
// After the first frame it starts the service worker that keeps the journey working offline,
// and tells the wizard when everything the journey needs is in the browser.
'use strict';
(async function boot() {
  const bridge = window.cleanslateBridge;
  // Files by the names the code uses; the site build's hashed names come from the asset map.
  const fetchOk = name => fetch(bridge.assetUrl(name)).then(r => { if (!r.ok) throw new Error(name); return r; });
  const fetchBytes = name => fetchOk(name).then(r => r.arrayBuffer());
  const fetchText = name => fetchOk(name).then(r => r.text());
  let module;
  try {
    const [wizard, nl, en, regular, bold] = await Promise.all([
      createWizard({ locateFile: path => bridge.assetUrl(path) }), fetchText('locales/nl.json'), fetchText('locales/en.json'),
      fetchBytes('fonts/NotoSans-Regular.ttf'), fetchBytes('fonts/NotoSans-Bold.ttf'),
    ]);
    module = wizard;
    performance.mark('cleanslate-assets-ready');
    const copy = buffer => {
      const bytes = new Uint8Array(buffer);
      const ptr = module._malloc(bytes.length);
      module.HEAPU8.set(bytes, ptr);
      return [ptr, bytes.length];
    };
    const [regularPtr, regularSize] = copy(regular);
    const [boldPtr, boldSize] = copy(bold);
    bridge.attach(module);
    bridge.withStrings([nl, en, location.hash, (navigator.languages || [navigator.language]).join(',')],
      (nlPtr, enPtr, hashPtr, langPtr) => module._cs_boot(nlPtr, enPtr, hashPtr, langPtr, Date.now() / 1000,
                                                           regularPtr, regularSize, boldPtr, boldSize));
    performance.mark('cleanslate-booted');
    module._free(regularPtr);
    module._free(boldPtr);
    document.getElementById('loading').remove();
    bridge.start(JSON.parse(module.UTF8ToString(module._cs_state())).depth || 0);
  } catch (error) {
    const page = document.getElementById('page');
    page.innerHTML = '';
    const box = document.createElement('div');
    box.className = 'failure';
    box.innerHTML =
      '<h1 lang="nl">De hulp kon niet laden</h1><p lang="nl">Controleer uw internetverbinding en probeer het opnieuw.</p>' +
      '<p lang="en">The help could not load. Check your internet connection and try again.</p>' +
      '<button type="button">Opnieuw proberen / Try again</button>';
    box.querySelector('button').addEventListener('click', () => location.reload());
    page.append(box);
    console.error('CleanSlate could not start:', error && error.message);
    return;
  }
  keepWorkingOffline(module, bridge);
})();

// --- Offline: the service worker, and the readiness signal ------------------------------------------
// Started after the first frame, so it never delays the first screen. The wizard hears
// cs_offline_ready(1) once an active service worker exists and the Cache Storage holds the page
// and every file of this build: from then on a reload, or any later step, works without the
// internet. Without a service worker (an unbuilt site, a private window that forbids it) the
// wizard keeps hearing nothing, and says the journey still needs the network.
function keepWorkingOffline(module, bridge) {
  const files = bridge.assetFiles();
  if (!files.length || !('serviceWorker' in navigator) || !window.caches) return;
  const urls = ['./', ...files].map(name => new URL(name, document.baseURI).href);
  let reported = false;
  async function check(registration) {
    if (reported || !registration.active) return;
    for (const url of urls) if (!(await caches.match(url))) return;
    reported = true;
    module._cs_offline_ready(1);
    bridge.requestFrame();
  }
  function watch(registration, worker) {
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      check(registration);
      // A failed install (the network dropped mid-way) is tried again: soon, and when it returns.
      if (worker.state === 'redundant' && !registration.active) retry();
    });
  }
  let attempts = 0;
  function retry() {
    if (attempts++ >= 5) { window.addEventListener('online', () => { attempts = 0; register(); }, { once: true }); return; }
    setTimeout(register, 5000 * attempts);
  }
  function register() {
    navigator.serviceWorker.register('sw.js').then(registration => {
      watch(registration, registration.installing);
      watch(registration, registration.waiting);
      registration.addEventListener('updatefound', () => watch(registration, registration.installing));
      check(registration);
    }).catch(retry);
  }
  register();
}
