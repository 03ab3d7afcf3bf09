// helpdesk.js — the helpdesk page: follow a customer by their code (server-sent events),
// the queue of call-back requests and customers who need help, and starting a case for a
// customer without the e-mail. Everything shown comes from /api/helpdesk/ and is put on the
// page with textContent only, so nothing a customer typed can become markup.
'use strict';
Texts.ready.then(async () => {
  const { t } = Texts;
  const $ = id => document.getElementById(id);
  let csrf = '';
  let live = null;          // the EventSource of the followed ticket
  let liveTicket = '';
  let lastReport = null;    // the newest report, redrawn when the language changes
  let queueBefore = null;

  // --- Talking to the server ----------------------------------------------------------------
  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: method === 'GET' ? {} : { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) location.reload();  // the session ended: the login page
    const answer = await response.json().catch(() => ({}));
    return { status: response.status, answer, retryAfter: Number(response.headers.get('Retry-After')) || 0 };
  }

  function announce(message) {
    $('announcer').textContent = '';
    setTimeout(() => { $('announcer').textContent = message; }, 50);
  }

  function showPageError(message) {
    $('page-error').textContent = message;
    $('page-error').hidden = !message;
  }

  const time = seconds => new Date(seconds * 1000).toLocaleString(Texts.language === 'nl' ? 'nl-NL' : 'en-GB',
    { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' });
  // A known id in words; an id without a text (a screen added later) is shown as it is.
  const known = (prefix, id) => (id && t(`${prefix}.${id}`) !== `${prefix}.${id}` ? t(`${prefix}.${id}`) : (id || '—').replace(/_/g, ' '));
  const spacedCode = code => code.replace(/^(\d{5})(\d{5})$/, '$1 $2');

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // --- Who is logged in -----------------------------------------------------------------------
  const me = await api('GET', '/api/helpdesk/me');
  if (me.status !== 200) return;
  csrf = me.answer.csrf_token;
  $('agent-name').textContent = me.answer.agent;

  $('logout').addEventListener('click', async () => {
    await api('POST', '/api/helpdesk/logout', {});
    location.reload();
  });

  // --- Following a customer live -----------------------------------------------------------------
  function setLiveStatus(key) {
    $('live-status').textContent = t(key);
  }

  function drawFacts(report) {
    const facts = $('live-facts');
    facts.replaceChildren();
    const add = (label, value) => {
      if (value === undefined || value === null || value === '') return;
      facts.append(element('dt', t(label)), element('dd', value));
    };
    add('live.step', known('step', report.step));
    add('live.screen', known('screen', report.screen));
    add('live.device', report.device_id || (report.devices || []).map(d => d.device_id).join(', '));
    add('live.outcome', known('outcome', report.outcome));
    add('live.consent', known('consent', report.consent));
    add('live.language', known('language', report.language));
    if (report.callback) add('live.callback', `${report.callback.phone} (${known('screen', report.callback.screen)})`);
    for (const device of report.devices || []) {
      const answers = (device.verification || []).map(round =>
        `${t('live.attempt', { n: round.attempt })}: ${known('verdict', round.verdict)} — ` +
        round.answers.map(a => `${known('question', a.question)}: ${known('answer', a.answer)}`).join('; '));
      add('live.verification', answers.join(' | ') || t('live.none'));
      if (device.password_strength) add('live.password', known('strength', device.password_strength));
    }
    for (const entry of report.feedback || [])
      add('live.feedback', `${entry.text || known('chip', entry.chip)} (${known('screen', entry.screen)})`);
    if ((report.voice_notes || []).length) add('live.voice_notes', t('live.voice_count', { n: report.voice_notes.length }));
    add('live.updated', time(report.received_at));
  }

  function addEvent(report) {
    const list = $('live-events');
    const what = report.kind === 'final'
      ? t('live.event_final', { outcome: known('outcome', report.outcome) })
      : t('live.event_progress', { screen: known('screen', report.screen) });
    const item = element('li');
    item.append(element('time', time(report.received_at)), document.createTextNode(' ' + what));
    if (report.callback) item.append(element('strong', ' ' + t('live.event_callback', { phone: report.callback.phone })));
    list.prepend(item);
    while (list.children.length > 200) list.lastChild.remove();
  }

  function follow(ticket) {
    if (live) live.close();
    liveTicket = ticket;
    lastReport = null;
    $('live').hidden = false;
    $('live-ticket').textContent = ticket;
    $('live-facts').replaceChildren();
    $('live-events').replaceChildren();
    setLiveStatus('live.connecting');
    live = new EventSource(`/api/helpdesk/live/${encodeURIComponent(ticket)}`);
    live.addEventListener('following', () => {
      setLiveStatus('live.connected');
      announce(t('live.now_following', { ticket }));
    });
    live.addEventListener('report', event => {
      const report = JSON.parse(event.data);
      lastReport = report;
      drawFacts(report);
      addEvent(report);
      setLiveStatus('live.connected');
      announce(report.kind === 'final' ? t('live.event_final', { outcome: known('outcome', report.outcome) })
                                       : t('live.event_progress', { screen: known('screen', report.screen) }));
    });
    live.addEventListener('session_ended', () => location.reload());
    live.addEventListener('error', () => setLiveStatus('live.reconnecting'));
    $('live').scrollIntoView({ block: 'nearest' });
  }

  $('follow-form').addEventListener('submit', async event => {
    event.preventDefault();
    const field = $('session-code');
    const error = $('follow-error');
    const code = field.value.replace(/\s/g, '');
    error.hidden = true;
    field.removeAttribute('aria-invalid');
    if (!/^\d{6}$/.test(code)) {
      error.textContent = t('follow.six_digits');
    } else {
      const { status, answer, retryAfter } = await api('POST', '/api/helpdesk/follow', { code });
      if (status === 200) {
        field.value = '';
        return follow(answer.ticket);
      }
      error.textContent = status === 404 ? t('follow.unknown') : status === 429 ? t('follow.throttled', { seconds: retryAfter })
                                                                              : t('app.server_error');
    }
    error.hidden = false;
    field.setAttribute('aria-invalid', 'true');
    field.focus();
  });

  // --- The queue -----------------------------------------------------------------------------------
  function queueRow(item) {
    const row = element('tr');
    if (item.handled_at) row.className = 'handled';
    row.append(element('td', time(item.raised_at)), element('td', t(`queue.kind_${item.kind}`)), element('td', item.ticket),
               element('td', item.phone || '—'), element('td', known('screen', item.screen)));
    const actions = element('td');
    const open = element('button', t('queue.follow'), 'secondary');
    open.type = 'button';
    open.setAttribute('aria-label', t('queue.follow_ticket', { ticket: item.ticket }));
    open.addEventListener('click', async () => {
      const { status, answer } = await api('POST', `/api/helpdesk/attention/${item.id}/follow`, {});
      if (status === 200) follow(answer.ticket);
    });
    actions.append(open);
    if (item.handled_at) {
      actions.append(element('span', ' ' + t('queue.handled_by', { agent: item.handled_by }), 'muted'));
    } else {
      const done = element('button', t('queue.handled'), 'secondary');
      done.type = 'button';
      done.setAttribute('aria-label', t('queue.handled_ticket', { ticket: item.ticket }));
      done.addEventListener('click', async () => {
        const { status, answer } = await api('POST', `/api/helpdesk/attention/${item.id}/handled`, {});
        if (status !== 200) return showPageError(t('app.server_error'));
        row.replaceWith(queueRow(answer.item));
        announce(t('queue.marked', { ticket: item.ticket }));
      });
      actions.append(done);
    }
    row.append(actions);
    return row;
  }

  async function loadQueue(more = false) {
    const all = $('queue-all').checked ? '&all=1' : '';
    const before = more && queueBefore ? `&before=${queueBefore}` : '';
    const { status, answer } = await api('GET', `/api/helpdesk/attention?limit=20${all}${before}`);
    if (status !== 200) return showPageError(t('app.server_error'));
    const body = $('queue').tBodies[0];
    if (!more) body.replaceChildren();
    for (const item of answer.items) body.append(queueRow(item));
    queueBefore = answer.next_before;
    $('queue-more').hidden = answer.next_before === null;
    $('queue-empty').hidden = body.children.length > 0;
    $('queue').hidden = body.children.length === 0;
  }

  $('queue-refresh').addEventListener('click', () => loadQueue());
  $('queue-all').addEventListener('change', () => loadQueue());
  $('queue-more').addEventListener('click', () => loadQueue(true));
  // New requests arrive while an agent works: the first page refreshes itself when visible.
  setInterval(() => { if (!document.hidden && !queueBefore) loadQueue(); }, 30000);

  // --- Starting a case ---------------------------------------------------------------------------------
  $('case-form').addEventListener('submit', async event => {
    event.preventDefault();
    const error = $('case-error');
    error.hidden = true;
    const body = { language: $('case-language').value };
    const ticket = $('case-ticket').value.trim();
    if (ticket) body.ticket = ticket;
    // What the customer says the device is, as the feed would name it (no address, nothing else).
    if ($('case-device').value) body.evidence = { device_type: $('case-device').value };
    const { status, answer } = await api('POST', '/api/helpdesk/cases', body);
    if (status !== 201) {
      error.textContent = status === 409 ? t('case.ticket_taken') : status === 400 ? t('case.ticket_invalid') : t('app.server_error');
      error.hidden = false;
      return;
    }
    $('case-code').textContent = spacedCode(answer.case_code);
    $('case-ticket-result').textContent = answer.ticket;
    $('case-result').hidden = false;
    $('case-result').focus();
    follow(answer.ticket);
  });

  document.addEventListener('languagechange', () => {
    if (lastReport) drawFacts(lastReport);
    if (liveTicket) setLiveStatus(live && live.readyState === EventSource.OPEN ? 'live.connected' : 'live.reconnecting');
    loadQueue();
  });

  await loadQueue();
});
