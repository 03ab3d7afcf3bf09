// bridge.js — the thin layer between the wasm wizard and the page.
// The wizard publishes, every frame it draws, a semantic tree of what is on screen
// (role, accessible name, state, rectangle in CSS px, and every drawn line of text). This
// file keeps one real DOM element per node over the canvas — buttons, links, headings,
// radios, inputs — so keyboards, screen readers, phones' keyboards and end-to-end tests all
// use real elements; and a transparent text layer on the drawn lines (as PDF.js keeps over
// its canvas), so text can be selected, copied and found with find-in-page. Without WebGL
// the same tree is shown as plain, styled HTML (html.cs-html).
// It also owns the frame scheduler (frames only on demand), the view (scroll, pinch zoom,
// the browser's text size), browser history, asset loading and window.cleanslate.state().
'use strict';
(function () {
  let wasm = null;            // the Emscripten module once booted
  let htmlOnly = false;       // no WebGL: the tree is the page
  let frameRequested = false;
  let lastFrameTime = 0;
  let wakeTimer = 0;
  let firstFrameDrawn = false;
  let framesDrawn = 0;        // read by tests: an idle screen must draw nothing
  let lastPage = -1;
  let historyDepth = 0;
  let ignorePops = 0;
  let rasterScale = 0, rasterTimer = 0;
  let settleTimer = 0;
  let settleUntil = 0;        // performance.now() time: a tap made before this answers nothing
  let lineHeightPerEm = 1.362;
  const activations = [];     // one per frame, in the order they happened
  const elements = new Map(); // node id + role -> element
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

  // --- Frames: drawn only when something changed --------------------------------------------
  function frame(time) {
    frameRequested = false;
    const delta = lastFrameTime ? (time - lastFrameTime) / 1000 : 1 / 60;
    lastFrameTime = time;
    framesDrawn++;
    // One activation per frame: a radio chosen and "Doorgaan" pressed before the next frame
    // are two steps, in that order, never one overwriting the other.
    if (activations.length) {
      const { id, at } = activations.shift();
      withStrings([id], p => wasm._cs_activate(p, at));
    }
    if (wasm._cs_frame(delta) || activations.length) requestFrame();
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

  // --- The view: what the canvas shows, at the density it is seen -----------------------------
  // The canvas covers the visual viewport: after a pinch it shows less of the page at more
  // pixels per CSS px, and the fonts are rasterised again for that (once the pinch settles),
  // so zoomed text is as sharp as unzoomed. The browser's text size is 1rem / 16 px.
  function textScale() {
    const probe = document.getElementById('rem-probe');
    const rem = probe ? probe.getBoundingClientRect().height : 16;
    return rem > 0 ? rem / 16 : 1;
  }
  function updateView(drawNow) {
    if (!wasm) return;
    const canvas = document.getElementById('wizard-canvas');
    const vv = window.visualViewport;
    const dpr = window.devicePixelRatio || 1;
    const zoom = vv ? vv.scale : 1;
    const width = document.documentElement.clientWidth;
    const height = window.innerHeight;
    const zoomed = zoom > 1.01;
    // Unzoomed, the canvas is the window; zoomed, the part of the page on screen.
    const left = zoomed ? vv.offsetLeft : 0, top = zoomed ? vv.offsetTop : 0;
    const cw = zoomed ? vv.width : window.innerWidth, ch = zoomed ? vv.height : height;
    const scale = dpr * zoom;
    const box = `${left},${top},${cw},${ch}`;
    if (canvas.dataset.box !== box) {
      canvas.dataset.box = box;
      Object.assign(canvas.style, { left: left + 'px', top: top + 'px', width: cw + 'px', height: ch + 'px' });
    }
    const pw = Math.round(cw * scale), ph = Math.round(ch * scale);
    if (canvas.width !== pw || canvas.height !== ph) { canvas.width = pw; canvas.height = ph; }
    if (!rasterScale) rasterScale = scale;
    if (Math.abs(rasterScale - scale) > 0.01) {
      // Re-rasterise when the pinch has settled, not on every step of it.
      clearTimeout(rasterTimer);
      rasterTimer = setTimeout(() => { rasterScale = scale; updateView(true); }, 180);
    }
    const originX = window.scrollX + left, originY = window.scrollY + top;
    wasm._cs_view(width, height, originX, originY, cw, ch, scale, rasterScale, textScale());
    if (drawNow) {
      // Resizing clears the canvas: draw now, in the same task, so it never flashes white.
      frameRequested = false;
      frame(performance.now());
    } else {
      requestFrame();
    }
  }

  // --- The semantic tree -> real elements ----------------------------------------------------------
  function tagFor(node) {
    switch (node.role) {
      case 'heading': return node.extra === '2' ? 'h2' : 'h1';
      case 'button': return 'button';
      case 'link': return 'a';
      case 'textbox': return (node.extra || '').startsWith('textarea') ? 'textarea' : 'input';
      case 'label': case 'radio': return 'label';
      case 'list': return 'ol';
      case 'listitem': return node.parent ? 'li' : 'div';
      case 'logo': return 'img';
      case 'text': return 'p';
      default: return 'div';
    }
  }
  const domId = id => 'cs-' + id;
  // Each activation carries when the tap happened: a slow frame must not make a tap meant
  // for the previous question count for the next one.
  function activate(id, event) { activations.push({ id, at: event ? event.timeStamp : 0 }); requestFrame(); }
  // Focus rings are drawn only for keyboard focus (:focus-visible): never after a tap or click.
  function reportFocus(el) {
    call('cs_focus', el.matches(':focus-visible') ? el.dataset.id : '');
    requestFrame();
  }
  function makeElement(node) {
    const el = document.createElement(tagFor(node));
    el.className = 'cs-node';
    el.dataset.id = node.id;
    el.dataset.role = node.role;
    el.id = domId(node.id);
    let focusable = el;
    switch (node.role) {
      case 'button':
        el.type = 'button';
        el.addEventListener('click', e => activate(node.id, e));
        break;
      case 'link':
        el.addEventListener('click', e => {
          if (node.extra === 'field') {   // an error summary entry: to the field with the problem
            e.preventDefault();
            const field = document.getElementById(domId((el.getAttribute('href') || '#').slice(1)));
            const target = field && field.matches('[role=radiogroup]') ? field.querySelector('input:checked, input') : field;
            if (target) { target.focus(); target.scrollIntoView({ block: 'center' }); }
          }
          activate(node.id, e);
        });
        break;
      case 'textbox': {
        const [type, autocomplete] = (node.extra || 'text|off').split('|');
        const multiline = el.tagName === 'TEXTAREA';   // Enter is a new line there, not "submit"
        if (!multiline) el.type = type;
        el.autocomplete = autocomplete;
        el.spellcheck = multiline;
        el.setAttribute('autocapitalize', multiline ? 'sentences' : 'off');
        el.addEventListener('input', () => { call('cs_field', node.id, el.value); requestFrame(); });
        if (!multiline) el.addEventListener('keydown', e => { if (e.key === 'Enter') activate(node.id + '.submit', e); });
        break;
      }
      case 'radio': {
        // A real radio inside its label: arrow keys move through the group, a tap anywhere on
        // the row selects, and the label's text is the radio's name.
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = domId(node.extra || 'radios');
        input.id = domId(node.id) + '.input';
        input.className = 'cs-radio-input';
        input.dataset.id = node.id;
        input.addEventListener('change', e => { if (input.checked) activate(node.id, e); });
        el.append(input);
        focusable = input;
        break;
      }
      case 'heading': el.tabIndex = -1; break;   // focus moves here on a new page
      case 'alert': el.setAttribute('role', 'alert'); el.tabIndex = -1; break;
      case 'radiogroup': el.setAttribute('role', 'radiogroup'); break;
      case 'img': case 'timer': el.setAttribute('role', node.role); break;
      case 'caption': el.setAttribute('aria-hidden', 'true'); break;   // the picture's name already
      case 'logo': el.alt = node.name; break;
    }
    if (['button', 'link', 'textbox', 'radio'].includes(node.role)) {
      focusable.addEventListener('focus', () => reportFocus(focusable));
      focusable.addEventListener('blur', () => { call('cs_focus', ''); requestFrame(); });
      el.addEventListener('pointerenter', e => { if (e.pointerType === 'mouse') { call('cs_hover', node.id); requestFrame(); } });
      el.addEventListener('pointerleave', () => { call('cs_hover', ''); call('cs_press', ''); requestFrame(); });
      el.addEventListener('pointerdown', () => { call('cs_press', node.id); requestFrame(); });
      el.addEventListener('pointerup', () => { call('cs_press', ''); requestFrame(); });
      el.addEventListener('pointercancel', () => { call('cs_press', ''); requestFrame(); });
    }
    return el;
  }
  function setAttr(el, name, value) {
    if (value === null || value === undefined || value === '') { if (el.hasAttribute(name)) el.removeAttribute(name); }
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  // The text layer: one transparent span per drawn line, on top of the drawn glyphs and
  // stretched to their width, so a selection or a find-in-page highlight covers exactly
  // the words the canvas shows.
  const unmeasured = [];      // new spans of this publish: measured together, one layout
  function setLines(el, node, origin) {
    const key = JSON.stringify(node.lines) + origin;
    if (el.dataset.lines === key) return;
    el.dataset.lines = key;
    let spans = [...el.querySelectorAll(':scope > .cs-line')];
    const words = node.lines.map(line => line[5] + '|' + line[3] + '|' + line[4]);
    // The same words in the same type only moved: move the spans (a selection in them survives).
    if (spans.length !== words.length || spans.some((span, i) => span.dataset.words !== words[i])) {
      spans.forEach(span => span.remove());
      spans = node.lines.map(([, , , size, bold, text], i) => {
        const span = document.createElement('span');
        span.className = 'cs-line';
        span.textContent = text;
        span.dataset.words = words[i];
        Object.assign(span.style, { fontSize: size + 'px', lineHeight: (size * lineHeightPerEm) + 'px', fontWeight: bold ? '700' : '400' });
        el.append(span);
        unmeasured.push(span);
        return span;
      });
    }
    node.lines.forEach(([x, y, w], i) => {
      spans[i].dataset.width = w;
      Object.assign(spans[i].style, { left: (x - node.rect[0]) + 'px', top: (y - node.rect[1]) + 'px' });
      if (spans[i].dataset.natural) stretch(spans[i]);
    });
  }
  // Each span is stretched to the drawn line's width, so a highlight covers exactly its words.
  function stretch(span) {
    const natural = Number(span.dataset.natural), k = natural > 0 ? Number(span.dataset.width) / natural : 1;
    const transform = Math.abs(k - 1) > 0.002 ? `scaleX(${k.toFixed(4)})` : '';
    if (span.style.transform !== transform) span.style.transform = transform;
  }
  function measureNewLines() {
    const natural = unmeasured.map(span => {
      const range = document.createRange();
      const textNode = span.firstChild;
      range.setStart(textNode, 0);
      range.setEnd(textNode, textNode.data.replace(/\s+$/, '').length);
      return range.getBoundingClientRect().width;
    });
    unmeasured.forEach((span, i) => { span.dataset.natural = natural[i]; stretch(span); });
    unmeasured.length = 0;
  }
  function setPlainText(el, text) {
    let label = el.firstChild && el.firstChild.nodeType === 3 ? el.firstChild : null;
    if (!label) { label = document.createTextNode(''); el.prepend(label); }
    if (label.data !== text) label.data = text;
  }
  function updateElement(el, node, parentRect) {
    const [x, y, w, h] = node.rect;
    const left = x - (parentRect ? parentRect[0] : 0), top = y - (parentRect ? parentRect[1] : 0);
    // CSSOM, not a style attribute: the Content-Security-Policy allows no inline styles.
    const box = `${left},${top},${w},${h}`;
    if (el.dataset.box !== box) {
      el.dataset.box = box;
      Object.assign(el.style, { left: left + 'px', top: top + 'px', width: w + 'px', height: h + 'px' });
    }
    setAttr(el, 'data-kind', node.role === 'button' ? node.extra : null);
    switch (node.role) {
      case 'textbox':
        if (el.tagName === 'INPUT') {   // a password's Show / Hide changes the type
          const type = (node.extra || 'text|off').split('|')[0];
          if (el.type !== type) el.type = type;
        }
        setAttr(el, 'aria-invalid', node.invalid ? 'true' : null);
        setAttr(el, 'aria-describedby', node.describedby ? node.describedby.split(' ').map(domId).join(' ') : null);
        return;
      case 'img': case 'timer': setAttr(el, 'aria-label', node.name); return;
      case 'logo': if (el.getAttribute('src') !== node.value) el.src = node.value; return;
      case 'label': el.htmlFor = domId(node.value); break;
      case 'radiogroup': case 'list': case 'alert': {
        const heading = page().querySelector('h1');
        setAttr(el, 'aria-labelledby', node.role === 'radiogroup' && !node.name && heading ? heading.id : null);
        setAttr(el, 'aria-label', node.role === 'list' ? node.name : null);
        setAttr(el, 'aria-describedby', node.describedby ? node.describedby.split(' ').map(domId).join(' ') : null);
        setAttr(el, 'data-invalid', node.invalid ? 'true' : null);
        return;
      }
      case 'link': setAttr(el, 'href', node.value || null); break;
      case 'radio': {
        const input = el.querySelector('input');
        if (input.checked !== !!node.pressed) input.checked = !!node.pressed;
        setAttr(el, 'data-checked', node.pressed ? 'true' : null);
        setAttr(input, 'aria-describedby', node.describedby ? domId(node.describedby) : null);
        break;
      }
      case 'button':
        setAttr(el, 'aria-pressed', node.pressed ? 'true' : null);
        el.disabled = !!node.disabled;
        break;
      case 'listitem':
        setAttr(el, 'aria-current', node.extra === 'current' ? 'step' : null);
        break;
    }
    if (htmlOnly || !node.lines) {
      setPlainText(el, node.name);
      // A choice's hint, or a finished task's "done": read after the name.
      const extraText = node.role === 'button' ? node.value : node.role === 'listitem' ? node.value : '';
      let extra = el.querySelector(':scope > .cs-extra');
      if (extraText) {
        if (!extra) { extra = document.createElement('span'); extra.className = 'cs-extra'; el.append(extra); }
        if (extra.textContent !== ' ' + extraText) extra.textContent = ' ' + extraText;
      } else if (extra) extra.remove();
    } else {
      setLines(el, node, box);
      let done = el.querySelector(':scope > .cs-extra');
      if (node.role === 'listitem' && node.value) {
        if (!done) { done = document.createElement('span'); done.className = 'cs-extra visually-hidden'; el.append(done); }
        if (done.textContent !== ', ' + node.value) done.textContent = ', ' + node.value;
      } else if (done) done.remove();
    }
  }
  function publish(json) {
    const tree = JSON.parse(json);
    const container = page();
    const seen = new Set();
    const byId = new Map();
    const previousIn = new Map();   // parent element -> the last child placed in it
    let liveText = '', assertiveText = '', newAlert = null;
    if (tree.lineHeightPerEm) lineHeightPerEm = tree.lineHeightPerEm;
    for (const node of tree.nodes) {
      const key = node.id + '/' + node.role;
      seen.add(key);
      let el = elements.get(key);
      if (!el) {
        el = makeElement(node);
        elements.set(key, el);
        if (node.role === 'alert') newAlert = el;
      }
      const parentNode = node.parent ? byId.get(node.parent) : null;
      const parent = parentNode ? parentNode.el : container;
      updateElement(el, node, parentNode ? parentNode.rect : null);
      byId.set(node.id, { el, rect: node.rect });
      // Keep DOM order = drawing order: it is the reading and Tab order.
      const previous = previousIn.get(parent) || null;
      const expectedPosition = previous ? previous.nextSibling : parent.firstChild;
      if (expectedPosition !== el) parent.insertBefore(el, expectedPosition);
      previousIn.set(parent, el);
      if (node.role === 'status') node.extra === 'assertive' ? (assertiveText = node.name) : (liveText = node.name);
    }
    for (const [key, el] of elements) {
      if (!seen.has(key)) { el.remove(); elements.delete(key); }
    }
    measureNewLines();
    container.style.height = tree.height + 'px';
    document.documentElement.lang = tree.lang;
    if (tree.title !== document.title) document.title = tree.title;
    if (tree.page !== lastPage) {
      const firstPage = lastPage === -1;
      lastPage = tree.page;
      if (!firstPage) newPage(container, tree);
    } else if (newAlert) {
      // An error summary that appeared on this page: it takes focus, as on GOV.UK.
      newAlert.focus({ preventScroll: true });
      newAlert.scrollIntoView({ block: 'nearest' });
    }
    // Announcements are set after the focus move, so both are heard.
    const live = document.getElementById('live');
    const text = liveText || (tree.page !== undefined && tree.announce) || '';
    if (live.textContent !== text) live.textContent = text;
    const alert = document.getElementById('live-assertive');
    if (alert && alert.textContent !== assertiveText) alert.textContent = assertiveText;
  }
  // A new screen or question: start at the top, focus its heading (screen readers read it),
  // and let taps settle for a moment, so the second tap of a double tap answers nothing.
  function newPage(container, tree) {
    window.scrollTo(0, 0);
    const heading = container.querySelector('h1');
    const active = document.activeElement;
    const typing = active && ((active.tagName === 'INPUT' && active.type !== 'radio') || active.tagName === 'TEXTAREA') && container.contains(active);
    if (heading && !typing) heading.focus({ preventScroll: true });
    if (tree.settle > 0) {
      settleUntil = performance.now() + tree.settle;
      container.classList.add('cs-settling');
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => container.classList.remove('cs-settling'), tree.settle);
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
  // What the service worker keeps for every customer, and per language (its password data).
  function assetLanguages() { return (assets && assets.languages) || {}; }
  function assetFiles() {
    const perLanguage = new Set(Object.values(assetLanguages()).flat());
    return assets ? Object.values(assets.files).filter(name => !perLanguage.has(name)) : [];
  }

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
  // renderer: 2 = WebGL2, 1 = WebGL1, 0 = none (the tree is shown as the page itself).
  function attach(module) { wasm = module; }
  function start(depth, renderer) {
    htmlOnly = renderer === 0;
    document.documentElement.classList.toggle('cs-html', htmlOnly);
    historyDepth = depth;
    history.replaceState({ cleanslateDepth: depth }, '');
    window.addEventListener('resize', () => updateView(true));
    if (window.visualViewport) {
      window.visualViewport.addEventListener('resize', () => updateView(true));
      window.visualViewport.addEventListener('scroll', () => updateView(false));
    }
    window.addEventListener('scroll', () => updateView(false), { passive: true });
    window.addEventListener('pageshow', requestFrame);
    // A tap made while a new page was settling answers nothing, even when a busy phone
    // delivers it later: judged by when the finger touched (the event's time stamp).
    for (const type of ['pointerdown', 'click']) {
      document.addEventListener(type, e => {
        if (e.timeStamp < settleUntil && page().contains(e.target)) { e.preventDefault(); e.stopPropagation(); }
      }, true);
    }
    // Keyboard use after a tap: the element under focus now shows its ring.
    document.addEventListener('keydown', () => setTimeout(() => {
      const active = document.activeElement;
      if (active && active.dataset && active.dataset.id && active.matches('button, a, input') && page().contains(active)) reportFocus(active);
    }, 0));
    // The browser's text size changes 1rem: the probe's height follows it.
    const probe = document.getElementById('rem-probe');
    if (probe && window.ResizeObserver) {
      let first = true;
      new ResizeObserver(() => { if (first) { first = false; return; } updateView(true); }).observe(probe);
    }
    updateView(true);
  }

  window.cleanslateBridge = { publish, pushHistory, assetUrl, assetFiles, assetLanguages, loadAsset, verifyLink, wakeAfter, clearField, attach, start, withStrings, requestFrame, call };
  window.cleanslate = {
    state: () => (wasm ? JSON.parse(wasm.UTF8ToString(wasm._cs_state())) : { step: 'loading' }),
    framesDrawn: () => framesDrawn,
  };
})();
