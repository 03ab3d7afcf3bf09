// texts.js — the helpdesk's words come from locales/helpdesk/<language>.json (Dutch first,
// English always). Elements say which text they show with data-text="key"; scripts use
// Texts.t(key, {placeholder: value}). The agent's choice of language is remembered.
'use strict';
window.Texts = (() => {
  const stored = localStorage.getItem('helpdesk.language');
  let language = stored === 'nl' || stored === 'en' ? stored : (navigator.language || 'nl').startsWith('en') ? 'en' : 'nl';
  let texts = {};

  const t = (key, values = {}) =>
    (texts[key] ?? key).replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));

  function apply(root = document) {
    document.documentElement.lang = language;
    for (const element of root.querySelectorAll('[data-text]')) element.textContent = t(element.dataset.text);
    for (const button of root.querySelectorAll('[data-language-switch]')) {
      button.textContent = t('app.other_language');
      button.lang = language === 'nl' ? 'en' : 'nl';
    }
    if (texts['app.title']) document.title = t(document.body.dataset.title || 'app.title');
  }

  async function load() {
    const response = await fetch(`/helpdesk/locales/${language}.json`, { cache: 'no-cache' });
    texts = await response.json();
    apply();
  }

  document.addEventListener('click', event => {
    if (!event.target.closest('[data-language-switch]')) return;
    language = language === 'nl' ? 'en' : 'nl';
    localStorage.setItem('helpdesk.language', language);
    load().then(() => document.dispatchEvent(new Event('languagechange')));
  });

  const ready = new Promise(resolve => document.addEventListener('DOMContentLoaded', () => load().then(resolve)));
  return { t, apply, ready, get language() { return language; } };
})();
