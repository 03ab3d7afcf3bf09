// signals.js — sound, vibration and a screen that stays on, for the hold-the-button countdown.
// The wizard (wasm/platform/browser.cpp) decides WHEN; this file only knows HOW, and fails
// quietly where a browser lacks a part (an iPhone does not vibrate; a desktop has no wake lock).
'use strict';
(function () {
  // --- Sound: Web Audio, unlocked by the customer's own taps -----------------------------------
  // Phones only let a page make sound after a tap, and some only inside the tap's own event,
  // so the audio context is created or resumed on every tap, before any tone is needed.
  let audio = null;
  function unlock() {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!audio && Context) audio = new Context();
      if (audio && audio.state === 'suspended') audio.resume();
    } catch (e) { audio = null; }
  }
  document.addEventListener('pointerdown', unlock, { capture: true, passive: true });
  document.addEventListener('keydown', unlock, { capture: true, passive: true });

  function tone(frequency, milliseconds) {
    unlock();
    if (!audio) return;
    const start = audio.currentTime + 0.01, end = start + milliseconds / 1000;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // Soft edges: a click-free tone, loud enough from a phone lying on a table.
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.6, start + 0.02);
    gain.gain.setValueAtTime(0.6, Math.max(start + 0.02, end - 0.05));
    gain.gain.exponentialRampToValueAtTime(0.0001, end);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(end + 0.02);
  }

  function vibrate(milliseconds) {
    try { if (navigator.vibrate) navigator.vibrate(milliseconds); } catch (e) { /* not on this phone */ }
  }

  // --- Wake lock: the screen must not dim while the customer holds the button ------------------
  let lock = null, wanted = false;
  async function keepAwake(on) {
    wanted = on;
    try {
      if (on && !lock && navigator.wakeLock) {
        lock = await navigator.wakeLock.request('screen');
        lock.addEventListener('release', () => { lock = null; });
      } else if (!on && lock) {
        const held = lock;
        lock = null;
        await held.release();
      }
    } catch (e) { lock = null; }
  }
  // The browser drops the lock when the page is hidden; take it again on return if still needed.
  document.addEventListener('visibilitychange', () => { if (wanted && document.visibilityState === 'visible') keepAwake(true); });

  window.cleanslateSignals = { tone, vibrate, keepAwake };
})();
