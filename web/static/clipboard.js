// clipboard.js — copies a text the customer asked to copy (the suggested password), so they
// can paste it into the device's app or web page on the same phone. The Clipboard API where
// the page may use it; otherwise the older copy of a selected, hidden text area.
'use strict';
window.cleanslateClipboard = {
  async copy(text) {
    try {
      if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(text); return true; }
    } catch (e) { /* refused: try the older way */ }
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    let copied = false;
    try { copied = document.execCommand('copy'); } catch (e) { copied = false; }
    area.remove();
    return copied;
  },
};
