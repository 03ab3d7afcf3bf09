// boot.js — loads the wizard: the wasm module, both locales and the two fonts in parallel,
// then hands them to cs_boot and draws the first frame. A failure shows a kind message in
// both languages with a button to try again; nothing the customer did is lost (it is saved).
'use strict';
(async function boot() {
  const fetchBytes = url => fetch(url).then(r => { if (!r.ok) throw new Error(url); return r.arrayBuffer(); });
  const fetchText = url => fetch(url).then(r => { if (!r.ok) throw new Error(url); return r.text(); });
  try {
    const [module, nl, en, regular, bold] = await Promise.all([
      createWizard(), fetchText('locales/nl.json'), fetchText('locales/en.json'),
      fetchBytes('fonts/NotoSans-Regular.ttf'), fetchBytes('fonts/NotoSans-Bold.ttf'),
    ]);
    performance.mark('cleanslate-assets-ready');
    const copy = buffer => {
      const bytes = new Uint8Array(buffer);
      const ptr = module._malloc(bytes.length);
      module.HEAPU8.set(bytes, ptr);
      return [ptr, bytes.length];
    };
    const [regularPtr, regularSize] = copy(regular);
    const [boldPtr, boldSize] = copy(bold);
    const bridge = window.cleanslateBridge;
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
  }
})();
