// report.js — the browser's part of reporting, kept thin: the decisions (what to send, when to
// retry, what was acknowledged) are made in the wizard's core (wasm/core/outbox.*); this file
// only POSTs, wakes the outbox later or when the network is back, records and plays voice
// notes (MediaRecorder, at most 60 s) and saves the customer's copy as a file.
'use strict';
(function () {
  const bridge = () => window.cleanslateBridge;
  const redrawIf = changed => { if (changed) bridge().requestFrame(); };

  // --- Reports to the provider's server ----------------------------------------------------------
  function post(key, body) {
    fetch('api/report', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, cache: 'no-store' })
      // Read the (small) answer to the end, so the connection is free again for the next request.
      .then(r => r.text().then(() => answer(key, r.status, Number(r.headers.get('Retry-After')) || 0)))
      .catch(() => answer(key, 0, 0));
  }
  function answer(key, status, retryAfter) { redrawIf(bridge().call('cs_report_answer', key, String(status), String(retryAfter))); }
  let wakeTimer = 0;
  function wakeAfter(ms) {
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(() => bridge().call('cs_report_tick'), Math.max(0, ms));
  }
  // The journey takes the home off the internet in the middle: send what waits as soon as it is back.
  window.addEventListener('online', () => bridge().call('cs_report_online'));

  // --- Voice notes ---------------------------------------------------------------------------------
  let recorder = null, startedAt = 0, stopTimer = 0;
  const kMaxSeconds = 60;
  function voiceState(state) { redrawIf(bridge().call('cs_report_voice_state', state)); }
  function voiceStart() {
    if (recorder) return;
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.MediaRecorder) return voiceState('unavailable');
    navigator.mediaDevices.getUserMedia({ audio: true }).then(stream => {
      // Speech at 16 kbit/s: a minute is about 120 KB, small enough for mobile data and the report.
      const mimeType = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'].find(t => MediaRecorder.isTypeSupported(t));
      const chunks = [];
      recorder = new MediaRecorder(stream, mimeType ? { mimeType, audioBitsPerSecond: 16000 } : { audioBitsPerSecond: 16000 });
      recorder.ondataavailable = e => { if (e.data && e.data.size) chunks.push(e.data); };
      recorder.onstop = () => {
        stream.getTracks().forEach(t => t.stop());
        const seconds = Math.min(kMaxSeconds, (performance.now() - startedAt) / 1000);
        const blob = new Blob(chunks, { type: recorder.mimeType || mimeType || 'audio/webm' });
        recorder = null;
        const reader = new FileReader();
        reader.onload = () => redrawIf(bridge().call('cs_report_voice', blob.type, String(reader.result).split(',')[1] || '', seconds.toFixed(1)));
        reader.readAsDataURL(blob);
      };
      recorder.start();
      startedAt = performance.now();
      clearTimeout(stopTimer);
      stopTimer = setTimeout(voiceStop, kMaxSeconds * 1000);
      voiceState('recording');
    }).catch(e => voiceState(e && (e.name === 'NotAllowedError' || e.name === 'SecurityError') ? 'denied' : 'unavailable'));
  }
  function voiceStop() {
    clearTimeout(stopTimer);
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }
  function blobOf(base64, type) {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    return new Blob([bytes], { type });
  }
  function voicePlay(mime, base64) {
    const url = URL.createObjectURL(blobOf(base64, mime));
    const audio = new Audio(url);
    audio.onended = () => URL.revokeObjectURL(url);
    audio.play().catch(() => URL.revokeObjectURL(url));
  }

  // --- The customer's copy -----------------------------------------------------------------------------
  function saveFile(name, mime, text) {
    const url = URL.createObjectURL(new Blob([text], { type: mime + ';charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  window.cleanslateReport = { post, wakeAfter, voiceStart, voiceStop, voicePlay, saveFile };
})();
