// bridge.js — the thin layer between the wasm wizard and the page.
// The wizard publishes, every frame it draws, a semantic tree of what is on screen
// (role, accessible name, state, rectangle in CSS px). This file keeps one real DOM
// element per node over the canvas — buttons, links, headings, text, inputs — so that
// keyboards, screen readers, phones' keyboards and end-to-end tests all use real elements.
// It also owns the frame scheduler (frames only on demand), browser history, asset loading
// and window.cleanslate.state() for tests.
'use strict';
(function () {
  let wasm = null;            // the Emscripten module once booted
  let frameRequested = false;
  let lastFrameTime = 0;
  let wakeTimer = 0;
  let firstFrameDrawn = false;
  let framesDrawn = 0;        // read by tests: an idle screen must draw nothing
  let lastTitle = '';
  let historyDepth = 0;
  let ignorePops = 0;
  const elements = new Map(); // node id -> element
  const page = () => document.getElementById('page');

  // --- Strings into wasm memory ------------------------------------------------------------
  function withStrings(values, fn) {
    const ptrs = values.map(v => {
      const size = wasm.lengthBytesUTF8(v) + 1;
      const p = wasm._malloc(size);
      wasm.stringToUTF8(v, p, size);
      return p;
    });
    try { return fn(...ptrs); } finally { ptrs.forEach(p => wasm._free(p)); }
  }
  function call(name, ...strings) { return wasm ? withStrings(strings, (...p) => wasm['_' + name](...p)) : 0; }
  // A control's activation carries when the tap happened: a slow frame must not make a tap
  // meant for the previous question count for the next one.
  function activate(id, event) {
    if (wasm) withStrings([id], p => wasm._cs_activate(p, event ? event.timeStamp : 0));
    requestFrame();
  }

  // --- Frames: drawn only when something changed --------------------------------------------
  function frame(time) {
    frameRequested = false;
    const delta = lastFrameTime ? (time - lastFrameTime) / 1000 : 1 / 60;
    lastFrameTime = time;
    framesDrawn++;
    if (wasm._cs_frame(delta)) requestFrame();
    if (!firstFrameDrawn) { firstFrameDrawn = true; performance.mark('cleanslate-first-frame'); }
  }
  function requestFrame() {
    if (frameRequested || !wasm) return;
    frameRequested = true;
    requestAnimationFrame(frame);
  }
  function wakeAfter(ms) {
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(requestFrame, Math.max(0, ms));
  }

  // --- Canvas size: CSS size × devicePixelRatio, so text is crisp -------------------------------
  function resize() {
    if (!wasm) return;
    const canvas = document.getElementById('wizard-canvas');
    const width = document.documentElement.clientWidth;
    const height = window.innerHeight;
    const dpr = window.devicePixelRatio || 1;
    const pw = Math.round(width * dpr), ph = Math.round(height * dpr);
    if (canvas.width !== pw || canvas.height !== ph) { canvas.width = pw; canvas.height = ph; }
    wasm._cs_resize(width, height, dpr);
    wasm._cs_scroll(window.scrollY);
    // Resizing clears the canvas: draw now, in the same task, so it never flashes white.
    frameRequested = false;
    frame(performance.now());
  }

  // --- The semantic tree -> real elements ----------------------------------------------------------
  function tagFor(node) {
    switch (node.role) {
      case 'heading': return 'h1';
      case 'button': return 'button';
      case 'link': return 'a';
      case 'textbox': return (node.extra || '').startsWith('textarea') ? 'textarea' : 'input';
      default: return 'div';
    }
  }
  function makeElement(node) {
    const el = document.createElement(tagFor(node));
    el.className = 'cs-node';
    el.dataset.id = node.id;
    el.dataset.role = node.role;
    if (node.role === 'button') {
      el.type = 'button';
      el.addEventListener('click', e => activate(node.id, e));
    } else if (node.role === 'link') {
      el.addEventListener('click', e => activate(node.id, e));
    } else if (node.role === 'textbox') {
      const [type, autocomplete] = (node.extra || 'text|off').split('|');
      const multiline = el.tagName === 'TEXTAREA';   // Enter is a new line there, not "submit"
      if (!multiline) el.type = type;
      el.autocomplete = autocomplete;
      el.spellcheck = multiline;
      el.setAttribute('autocapitalize', multiline ? 'sentences' : 'off');
      el.addEventListener('input', () => { call('cs_field', node.id, el.value); requestFrame(); });
      if (!multiline) el.addEventListener('keydown', e => { if (e.key === 'Enter') activate(node.id + '.submit', e); });
    } else if (node.role === 'heading') {
      el.tabIndex = -1;   // focus moves here on a new screen, for screen readers
    } else if (node.role === 'img') {
      el.setAttribute('role', 'img');
    } else if (node.role === 'timer') {
      el.setAttribute('role', 'timer');
    }
    if (node.role === 'button' || node.role === 'link' || node.role === 'textbox') {
      el.addEventListener('focus', () => { call('cs_focus', node.id); requestFrame(); });
      el.addEventListener('blur', () => { call('cs_focus', ''); requestFrame(); });
      el.addEventListener('pointerenter', e => { if (e.pointerType === 'mouse') { call('cs_hover', node.id); requestFrame(); } });
      el.addEventListener('pointerleave', () => { call('cs_hover', ''); call('cs_press', ''); requestFrame(); });
      el.addEventListener('pointerdown', () => { call('cs_press', node.id); requestFrame(); });
      el.addEventListener('pointerup', () => { call('cs_press', ''); requestFrame(); });
      el.addEventListener('pointercancel', () => { call('cs_press', ''); requestFrame(); });
    }
    return el;
  }
  function updateElement(el, node) {
    const [x, y, w, h] = node.rect;
    // CSSOM, not a style attribute: the Content-Security-Policy allows no inline styles.
    const box = `${x},${y},${w},${h}`;
    if (el.dataset.box !== box) {
      el.dataset.box = box;
      Object.assign(el.style, { left: x + 'px', top: y + 'px', width: w + 'px', height: h + 'px' });
    }
    if (node.role === 'textbox') {
      const type = (node.extra || 'text|off').split('|')[0];
      if (el.type !== type) el.type = type;   // a password's Show / Hide
      if (el.getAttribute('aria-label') !== node.name) el.setAttribute('aria-label', node.name);
      if (node.value && el.getAttribute('aria-description') !== node.value) el.setAttribute('aria-description', node.value);
    } else if (node.role === 'img' || node.role === 'timer') {
      if (el.getAttribute('aria-label') !== node.name) el.setAttribute('aria-label', node.name);
    } else {
      if (node.role === 'link' && node.value && el.getAttribute('href') !== node.value) el.setAttribute('href', node.value);
      let label = el.firstChild && el.firstChild.nodeType === 3 ? el.firstChild : null;
      if (!label) { label = document.createTextNode(''); el.prepend(label); }
      if (label.data !== node.name) label.data = node.name;
      if (node.role === 'button' && node.value) {   // a choice's hint: read after its name
        let hint = el.querySelector('span');
        if (!hint) { hint = document.createElement('span'); el.append(hint); }
        if (hint.textContent !== ' ' + node.value) hint.textContent = ' ' + node.value;
      }
    }
    if (node.role === 'button') {
      const pressed = node.pressed ? 'true' : null;
      if (el.getAttribute('aria-pressed') !== pressed) pressed ? el.setAttribute('aria-pressed', pressed) : el.removeAttribute('aria-pressed');
      el.disabled = !!node.disabled;
    }
  }
  function publish(json) {
    const tree = JSON.parse(json);
    const container = page();
    const seen = new Set();
    let previous = null;
    let liveText = '';
    for (const node of tree.nodes) {
      const key = node.id + '/' + node.role;
      seen.add(key);
      let el = elements.get(key);
      if (!el) { el = makeElement(node); elements.set(key, el); }
      updateElement(el, node);
      // Keep DOM order = drawing order: it is the reading and Tab order.
      const expectedPosition = previous ? previous.nextSibling : container.firstChild;
      if (expectedPosition !== el) container.insertBefore(el, expectedPosition);
      previous = el;
      if (node.role === 'status') liveText = node.name;
    }
    for (const [key, el] of elements) {
      if (!seen.has(key)) { el.remove(); elements.delete(key); }
    }
    container.style.height = tree.height + 'px';
    document.documentElement.lang = tree.lang;
    const live = document.getElementById('live');
    if (live.textContent !== liveText) live.textContent = liveText;
    if (tree.title !== lastTitle) {
      const firstScreen = lastTitle === '';
      lastTitle = tree.title;
      document.title = tree.title;
      if (!firstScreen) {
        window.scrollTo(0, 0);
        // A new screen: its heading takes focus (screen readers start there), unless the
        // customer is typing in one of our fields.
        const heading = container.querySelector('h1');
        const active = document.activeElement;
        const typing = active && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA') && container.contains(active);
        if (heading && !typing) heading.focus({ preventScroll: true });
      }
    }
  }

  // --- Browser history: one entry per screen ------------------------------------------------------
  function pushHistory(depth) {
    if (depth > historyDepth) {
      for (let d = historyDepth + 1; d <= depth; d++) history.pushState({ cleanslateDepth: d }, '');
    } else if (depth < historyDepth) {
      ignorePops++;
      history.go(depth - historyDepth);
    }
    historyDepth = depth;
  }
  window.addEventListener('popstate', e => {
    const depth = e.state && typeof e.state.cleanslateDepth === 'number' ? e.state.cleanslateDepth : 0;
    if (ignorePops > 0) { ignorePops--; return; }
    historyDepth = depth;
    if (wasm) { wasm._cs_history(depth); requestFrame(); }
  });

  // --- Files by the names the code uses -----------------------------------------------------------
  // The site build gives every file a content-hashed name and puts the map (name the code asks
  // for -> hashed name) in index.html; an unbuilt copy of web/static has no map and no hashes.
  const assets = (() => {
    try { return JSON.parse(document.getElementById('cleanslate-assets').textContent); } catch (e) { return null; }
  })();
  function assetUrl(name) { return (assets && assets.files[name]) || name; }
  function assetFiles() { return assets ? Object.values(assets.files) : []; }   // what the service worker keeps

  // --- Data files: from the network, the service worker's cache, retries for a flaky network ------
  // Data files are never on the first screen's critical path: start them after that frame.
  // Offline, a page the service worker does not control yet still finds its files in the cache.
  function fetchAsset(url) {
    return fetch(url, { cache: 'default' })
      .then(r => { if (!r.ok) throw new Error('HTTP ' + r.status); return r; })
      .catch(error => Promise.resolve(window.caches && caches.match(url)).then(hit => { if (!hit) throw error; return hit; }));
  }
  function loadAsset(name, path, attempt = 0) {
    if (!firstFrameDrawn) { setTimeout(() => loadAsset(name, path, attempt), 0); return; }
    fetchAsset(assetUrl(path))
      .then(r => r.text())
      .then(text => { call('cs_asset', name, text); requestFrame(); })
      .catch(() => {
        if (attempt < 4) { setTimeout(() => loadAsset(name, path, attempt + 1), 800 * 2 ** attempt); return; }
        // After about 12 s the screen says so kindly, and keeps trying: every 15 s (a phone on
        // a Wi-Fi without internet stays "online" when it switches to mobile data) or as soon as
        // the browser says the network is back.
        call('cs_asset_failed', name);
        requestFrame();
        let again = 0;
        const retry = () => { clearTimeout(again); window.removeEventListener('online', retry); loadAsset(name, path, attempt); };
        again = setTimeout(retry, 15000);
        window.addEventListener('online', retry);
      });
  }

  // Asks the ISP's server whether the link is really theirs (only the server holds the key).
  // The token goes in a POST body, never in a URL, so it stays out of access logs. A site
  // served without the API (a plain CDN) simply gets no answer and shows no verdict.
  function verifyLink(token) {
    if (!firstFrameDrawn) { setTimeout(() => verifyLink(token), 0); return; }
    fetch('api/link/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) })
      .then(r => (r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status))))
      .then(text => { call('cs_asset', 'link-verify', text); requestFrame(); })
      .catch(() => {});
  }

  function clearField(id) {
    for (const [key, el] of elements) if (key.startsWith(id + '/') && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) el.value = '';
  }

  // --- Start -----------------------------------------------------------------------------------------
  function attach(module) { wasm = module; }
  function start(depth) {
    historyDepth = depth;
    history.replaceState({ cleanslateDepth: depth }, '');
    window.addEventListener('resize', resize);
    if (window.visualViewport) window.visualViewport.addEventListener('resize', resize);
    window.addEventListener('scroll', () => { wasm._cs_scroll(window.scrollY); requestFrame(); }, { passive: true });
    window.addEventListener('pageshow', requestFrame);
    resize();
  }

  window.cleanslateBridge = { publish, pushHistory, assetUrl, assetFiles, loadAsset, verifyLink, wakeAfter, clearField, attach, start, withStrings, requestFrame, call };
  window.cleanslate = {
    state: () => (wasm ? JSON.parse(wasm.UTF8ToString(wasm._cs_state())) : { step: 'loading' }),
    framesDrawn: () => framesDrawn,
  };
})();
