// login.js — the login form: POST /api/helpdesk/login, then the page itself (the server
// answers /helpdesk/ with the helpdesk once the session cookie is set).
'use strict';
Texts.ready.then(() => {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  const button = form.querySelector('button[type=submit]');

  function show(message) {
    error.textContent = message;
    error.hidden = false;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    const name = form.elements.username.value.trim();
    const password = form.elements.password.value;
    if (!name || !password) return show(Texts.t('login.missing'));
    button.disabled = true;
    try {
      const response = await fetch('/api/helpdesk/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
      if (response.ok) return location.assign('/helpdesk/');
      if (response.status === 429) {
        const seconds = Number(response.headers.get('Retry-After')) || 60;
        return show(Texts.t('login.throttled', { minutes: Math.max(1, Math.ceil(seconds / 60)) }));
      }
      show(Texts.t(response.status === 401 ? 'login.wrong' : 'app.server_error'));
      form.elements.password.select();
    } catch {
      show(Texts.t('app.offline'));
    } finally {
      button.disabled = false;
    }
  });
});
