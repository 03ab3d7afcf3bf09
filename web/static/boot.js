// boot.js — loads the wizard: the wasm module, the first screen's locale, the provider's details
// and the two fonts in parallel, then hands them to cs_boot and draws the first frame. The
// wizard decides the language (cs_first_locale); the locale fetched alongside the wasm is the
// browser's language, a guess that is right for most customers, and a wrong guess costs one
// more request. The other language's texts are fetched when the customer switches to it.
// Every browser gets the steps: without WebAssembly this shows a plain page with the
// helpdesk number and the general steps; without WebGL the wizard runs as HTML (bridge.js).
// A failure names its real cause in both languages, with a button to try again; nothing the
// customer did is lost (it is saved). After the first frame it starts the service worker that
// keeps the journey working offline, and tells the wizard when everything the journey needs is
// in the browser.
'use strict';
(async function boot() {
  const bridge = window.cleanslateBridge;
  const failure = kind => Object.assign(new Error(kind), { kind });
  // Files by the names the code uses; the site build's hashed names come from the asset map.
  const fetchOk = name => fetch(bridge.assetUrl(name)).then(r => { if (!r.ok) throw failure('network'); return r; }, () => { throw failure('network'); });
  const fetchBytes = name => fetchOk(name).then(r => r.arrayBuffer());
  const fetchText = name => fetchOk(name).then(r => r.text());
  // The provider's details are welcome, not required: a neutral page works without them.
  const fetchProvider = () => fetchText('provider.json').catch(() => '{}');
  const preferEnglish = () => !(navigator.languages || [navigator.language]).some(l => /^nl\b/i.test(l)) &&
    (navigator.languages || [navigator.language]).some(l => /^en\b/i.test(l));

  if (typeof WebAssembly !== 'object') { await showGeneralSteps(); return; }
  let module;
  try {
    const guess = preferEnglish() ? 'en' : 'nl';
    const fetchLocale = code => fetchText(`locales/${code}.json`);
    const [wizard, guessedTexts, provider, regular, bold] = await Promise.all([
      createWizard({ locateFile: path => bridge.assetUrl(path) }).catch(error => { throw failure(/fetch|network/i.test(String(error)) ? 'network' : 'browser'); }),
      fetchLocale(guess).catch(() => null), fetchProvider(),
      fetchBytes('fonts/NotoSans-Regular.ttf'), fetchBytes('fonts/NotoSans-Bold.ttf'),
    ]);
    module = wizard;
    bridge.attach(module);
    const languages = (navigator.languages || [navigator.language]).join(',');
    const locale = bridge.withStrings([location.hash, languages],
      (hashPtr, langPtr) => module.UTF8ToString(module._cs_first_locale(hashPtr, langPtr, Date.now() / 1000)));
    const texts = locale === guess && guessedTexts !== null ? guessedTexts : await fetchLocale(locale);
    performance.mark('cleanslate-assets-ready');
    // The same font for the page's own text (the text layer, the no-WebGL page): no second download.
    for (const [buffer, weight] of [[regular, '400'], [bold, '700']]) {
      const face = new FontFace('CleanSlate Sans', buffer.slice(0), { weight });
      document.fonts.add(await face.load().catch(() => face));
    }
    const copy = buffer => {
      const bytes = new Uint8Array(buffer);
      const ptr = module._malloc(bytes.length);
      module.HEAPU8.set(bytes, ptr);
      return [ptr, bytes.length];
    };
    const [regularPtr, regularSize] = copy(regular);
    const [boldPtr, boldSize] = copy(bold);
    const renderer = bridge.withStrings([locale, texts, location.hash, languages, provider],
      (codePtr, textsPtr, hashPtr, langPtr, providerPtr) => module._cs_boot(codePtr, textsPtr, hashPtr, langPtr, Date.now() / 1000, providerPtr,
                                                                           regularPtr, regularSize, boldPtr, boldSize));
    performance.mark('cleanslate-booted');
    module._free(regularPtr);
    module._free(boldPtr);
    document.getElementById('loading').remove();
    bridge.start(JSON.parse(module.UTF8ToString(module._cs_state())).depth || 0, renderer);
  } catch (error) {
    showFailure(error && error.kind === 'network' ? 'network' : 'browser');
    console.error('CleanSlate could not start:', error && error.message);
    return;
  }
  keepWorkingOffline(module, bridge);

  // --- When it cannot start ---------------------------------------------------------------------
  // The messages are in index.html: they must show even when nothing else could load.
  function showFailure(kind) {
    const page = document.getElementById('page');
    page.replaceChildren(document.getElementById('failure-' + kind).content.cloneNode(true));
    page.querySelector('button').addEventListener('click', () => location.reload());
  }

  // No WebAssembly (a very old or locked-down browser): the general steps as a plain page,
  // in the customer's language, with the helpdesk number from the provider's details.
  async function showGeneralSteps() {
    const page = document.getElementById('page');
    let texts = null, provider = {};
    try {
      const both = code => Promise.all([fetchText(`locales/${code}.json`), fetchText(`locales/rest/${code}.json`)])
        .then(([first, rest]) => ({ ...JSON.parse(first), ...JSON.parse(rest) }));
      const [nl, en, providerText] = await Promise.all([both('nl'), both('en'), fetchProvider()]);
      texts = { nl, en };
      provider = JSON.parse(providerText);
    } catch (e) { /* the bilingual message in index.html stands */ }
    if (!texts) { showFailure('browser'); return; }
    const render = lang => {
      const t = texts[lang];
      const local = value => (value && typeof value === 'object' ? value[lang] || '' : value || '');
      const phone = provider.helpdesk_phone || '';
      document.documentElement.lang = lang;
      document.title = t['basic.title'];
      const box = document.createElement('div');
      box.className = 'basic';
      const add = (tag, text, parent = box) => { const el = document.createElement(tag); el.textContent = text; parent.append(el); return el; };
      const other = lang === 'nl' ? 'en' : 'nl';
      const switcher = add('button', t['nav.language_other']);   // the other language, named in itself
      switcher.type = 'button';
      switcher.lang = other;
      switcher.className = 'basic-language';
      switcher.addEventListener('click', () => render(other));
      add('h1', t['basic.title']);
      add('p', t['basic.why']);
      if (phone) {
        const call = add('a', t['basic.call'].replace('{phone}', phone));
        call.href = 'tel:' + phone.replace(/[^0-9+]/g, '');
        call.className = 'basic-call';
        const hours = local(provider.helpdesk_hours);
        if (hours) add('p', hours).className = 'basic-hours';
      }
      add('h2', t['basic.steps_title']);
      const steps = add('ol', '');
      for (let i = 1; t['basic.step' + i]; i++) add('li', t['basic.step' + i], steps);
      add('p', t['basic.better_browser']);
      page.replaceChildren(box);
    };
    render(preferEnglish() ? 'en' : 'nl');
  }
})();
// --- Offline: the service worker, and the readiness signal ------------------------------------------
// Started after the first frame, so it never delays the first screen. The wizard hears
// cs_offline_ready(1) once an active service worker exists and the Cache Storage holds the page,
// every file of this build that all journeys need, and the password data of the language on
// the screen: from then on a reload, or any later step, works without the internet. A switch of
// language asks the worker to keep that language's data too (while online; offline the check
// goes on with the first language's). Without a service worker (an unbuilt site, a private
// window that forbids it) the wizard keeps hearing nothing, and says the journey still needs
// the network.
function keepWorkingOffline(module, bridge) {
  const files = bridge.assetFiles();
  if (!files.length || !('serviceWorker' in navigator) || !window.caches) return;
  const absolute = names => names.map(name => new URL(name, document.baseURI).href);
  const urls = absolute(['./', ...files]);
  const languages = bridge.assetLanguages();
  const kept = new Set();         // languages whose data the worker has put in the cache
  let reported = false;
  async function check(registration) {
    if (reported || !registration.active) return;
    if (Object.keys(languages).length && !kept.size) return;
    for (const url of urls) if (!(await caches.match(url))) return;
    reported = true;
    module._cs_offline_ready(1);
    bridge.requestFrame();
  }
  // The language on the screen (the wizard sets <html lang>): its data is kept by the worker.
  let activeRegistration = null;
  const asked = new Set();
  function keepLanguage() {
    const language = document.documentElement.lang;
    if (!activeRegistration || !activeRegistration.active || !languages[language] || asked.has(language)) return;
    asked.add(language);
    activeRegistration.active.postMessage({ keepLanguage: language });
  }
  navigator.serviceWorker.addEventListener('message', event => {
    const answer = event.data || {};
    if (!answer.keptLanguage) return;
    if (answer.ok) kept.add(answer.keptLanguage);
    else { asked.delete(answer.keptLanguage); setTimeout(keepLanguage, 15000); }   // no network: again later, or when it returns
    if (activeRegistration) check(activeRegistration);
  });
  new MutationObserver(keepLanguage).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  window.addEventListener('online', keepLanguage);
  function watch(registration, worker) {
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (registration.active) { activeRegistration = registration; keepLanguage(); }
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
      if (registration.active) { activeRegistration = registration; keepLanguage(); }
      check(registration);
    }).catch(retry);
  }
  register();
}
