// devices-lint.mjs — what devices/schema.json cannot say: contradictions inside one maker
// file, and between devices/ and devices/mirai/credentials.json. Every rule exists because
// the wizard would otherwise tell a customer something untrue: a reboot presented as a
// reset, an empty password where the sticker holds one, a third-party page shown as "the
// maker's manual". Each fault is reported as "file: /json/pointer: problem".
//   lintMaker(file, data, fault)            one validated maker file
//   lintCredentials(file, table, makers, fault)   the Mirai table against every maker file

// --- Vocabulary shared with the wizard --------------------------------------------------
// Signs a restart cannot produce: with one of them, the verification step can tell a true
// factory reset from a reboot (wasm/core/reset_check.* asks about them).
export const REBOOT_PROOF_SIGNS = new Set(['asks_new_password', 'setup_wizard', 'app_lost_device', 'old_password_rejected', 'wifi_key_on_label']);
// Names of the one button a reset uses; two of them at one place of one device are one
// button under two names.
const RESET_BUTTONS = new Set(['reset', 'reset-pinhole', 'wps-reset', 'default']);
// What each method's steps must contain to be that method at all.
const METHOD_NEEDS = {
  button: ['hold_button', 'press_button'],
  power: ['unplug_power'],
  menu: ['open_local_menu'],
  web: ['open_web'],
  app: ['open_app'],
  phone: ['dial_code'],
};
// A login the sticker or the serial number carries: a source that says so contradicts an
// "empty" password.
const LABEL_WORDS = /\b(label|sticker|serial number|s\/n|pwd|printed on|rating plate|type plate|typeplate)\b/i;

// --- Helpers ------------------------------------------------------------------------------
const hostOf = url => { try { return new URL(url).hostname.toLowerCase(); } catch { return ''; } };
const onDomains = (host, domains) => domains.some(d => host === d || host.endsWith('.' + d));
const isBareIp = host => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
// Users' posts on a maker's forum are not the maker's word: 'third-party' there is right.
const isForum = host => /^(forum|forums|community|communities|answers)\./.test(host);

// Every source in a family with its JSON pointer, so one rule checks them all.
function* familySources(family, at) {
  const list = (sources, where) => (sources || []).map((s, i) => [s, `${where}/sources/${i}`]);
  for (const [i, p] of (family.reset || []).entries()) yield* list(p.sources, `${at}/reset/${i}`);
  if (family.password) yield* list(family.password.sources, `${at}/password`);
  for (const [i, l] of (family.default_logins || []).entries()) yield* list(l.sources, `${at}/default_logins/${i}`);
  if (family.factory_reset) yield* list(family.factory_reset.sources, `${at}/factory_reset`);
  if (family.provider_managed) yield* list(family.provider_managed.sources, `${at}/provider_managed`);
}

// --- Sources ------------------------------------------------------------------------------
function lintSource(source, where, maker, fault) {
  if (!source.url) return;
  const host = hostOf(source.url);
  const own = onDomains(host, maker.domains || []);
  if (isBareIp(host)) fault(`${where}/url`, `a bare IP address (${host}) is not a citable source; cite the page under its name`);
  if (source.trust === 'maker' && !own)
    fault(`${where}/trust`, `'maker' source on ${host}, which is not one of the maker's domains (${(maker.domains || []).join(', ') || 'none listed'}): use 'maker-mirror' for the maker's manual on another site, else 'third-party'`);
  if ((source.trust === 'maker-mirror' || source.trust === 'third-party') && own && !isForum(host))
    fault(`${where}/trust`, `'${source.trust}' source on the maker's own domain ${host}: it is a 'maker' source`);
}

// --- One procedure --------------------------------------------------------------------------
function lintProcedure(procedure, where, fault, family = {}) {
  const { actions, signs = [], erases = [], keeps = [] } = procedure;
  const types = actions.map(a => a.type);
  const needs = METHOD_NEEDS[procedure.method];
  if (needs && !types.some(t => needs.includes(t)))
    fault(`${where}/method`, `method '${procedure.method}' but no ${needs.join(' or ')} step`);

  // The button held or pressed is the one the procedure told the customer to find; a second
  // button held with it was found too (the power button needs no finding).
  let found = null;
  const foundAll = new Set();
  actions.forEach((a, i) => {
    if (a.type === 'find_button') { found = a.button; foundAll.add(a.button); }
    if (a.type === 'hold_button' && a.with_button !== undefined) {
      if (a.with_button === a.button) fault(`${where}/actions/${i}/with_button`, `'${a.with_button}' is the button already held: name the second button`);
      else if (a.with_button !== 'power' && !foundAll.has(a.with_button)) fault(`${where}/actions/${i}/with_button`, `'${a.with_button}' held with '${a.button}', but no find_button found it: say where it is first`);
    }
    if (a.type === 'find_button' && a.button === 'any') fault(`${where}/actions/${i}/button`, "find_button 'any': name the button to find");
    if (a.type === 'hold_button' || a.type === 'press_button') {
      if (a.button === 'any') return;
      if (found === null) fault(`${where}/actions/${i}/button`, `${a.type} '${a.button}' before any find_button: say where the button is first`);
      else if (a.button !== found && !(a.with_button !== undefined && foundAll.has(a.button))) fault(`${where}/actions/${i}/button`, `${a.type} names '${a.button}' but find_button found '${found}': two names for one button`);
    }
    if (a.type === 'hold_button' && a.max_seconds !== undefined && a.max_seconds <= a.seconds)
      fault(`${where}/actions/${i}/max_seconds`, `${a.max_seconds} is not longer than the hold of ${a.seconds} s`);
    if (a.type === 'log_in') lintLogIn(a, `${where}/actions/${i}`, fault);
  });

  // The power goes back in only after a step took it out; a hold that takes it out itself
  // ('power_cycling') comes while the device is still on. For a device powered through its
  // network cable, switching the power is pulling that cable: a separate network-cable step
  // would say it twice.
  let powerOut = false;
  actions.forEach((a, i) => {
    const at = `${where}/actions/${i}`;
    if (a.type === 'unplug_power') powerOut = true;
    const bringsBack = a.type === 'plug_in_power' || (a.type === 'hold_button' && a.while === 'powering_on');
    if (bringsBack && !powerOut)
      fault(a.type === 'hold_button' ? `${at}/while` : at, `${a.type === 'hold_button' ? "hold_button while 'powering_on'" : 'plug_in_power'} puts the power back in, but no step before it takes the power out: add unplug_power first, or hold while 'power_cycling' if the maker says to pull the plug while holding`);
    if (bringsBack) powerOut = false;
    if (a.type === 'hold_button' && a.off_seconds !== undefined && a.while !== 'power_cycling')
      fault(`${at}/off_seconds`, `the power stays out ${a.off_seconds} s, but the hold is while '${a.while}': only a 'power_cycling' hold takes the power out`);
    if (a.type === 'hold_button' && a.while === 'power_cycling' && powerOut)
      fault(`${at}/while`, "hold_button while 'power_cycling' pulls the power while the device is on, but an earlier unplug_power already took it out");
  });
  const switchesPower = actions.some(a => a.type === 'unplug_power' || (a.type === 'hold_button' && (a.while === 'powering_on' || a.while === 'power_cycling')));
  if (family.power === 'network-cable' && switchesPower)
    actions.forEach((a, i) => {
      if ((a.type === 'unplug_network' || a.type === 'plug_in_network') && a.cable === 'network')
        fault(`${where}/actions/${i}`, `${a.type} of the network cable, but the family's power is 'network-cable': its power steps already pull and plug in that cable`);
    });

  // A login before anything reset the device finds the password as the owner left it: the
  // factory default only if nobody changed it. (After a button reset, the default is right.)
  const firstReset = actions.findIndex(a => ['hold_button', 'press_button', 'unplug_power'].includes(a.type));
  actions.forEach((a, i) => {
    if (a.type === 'log_in' && (firstReset < 0 || i < firstReset) && (a.password_from === 'literal' || a.password_from === 'empty'))
      fault(`${where}/actions/${i}/password_from`, `'${a.password_from}' before the reset: the owner may have changed it; say 'current_or_default' with the default, or 'current'`);
  });

  // One place for the restart time: one restart wait, after the step that starts the reset.
  const restarts = actions.map((a, i) => [a, i]).filter(([a]) => a.type === 'wait' && a.for === 'restart');
  if (restarts.length > 1) fault(`${where}/actions/${restarts[1][1]}/for`, 'a second restart wait: the restart time lives in one place');

  if (!signs.some(s => REBOOT_PROOF_SIGNS.has(s.type)))
    fault(`${where}/signs`, `no sign a restart cannot also produce (one of ${[...REBOOT_PROOF_SIGNS].join(', ')}): the customer could not tell this reset from a reboot`);
  signs.forEach((s, i) => {
    if (s.type === 'lights' && s.color && s.pattern === 'off') fault(`${where}/signs/${i}/color`, 'a light that goes out has no colour');
  });

  if (!erases.includes('settings') && !erases.includes('passwords'))
    fault(`${where}/erases`, "erases neither the settings nor the passwords: that is no reset (unlinking from an app is not one)");
  for (const item of keeps) if (erases.includes(item)) fault(`${where}/keeps`, `'${item}' is both erased and kept`);
  if (keeps.includes('passwords')) fault(`${where}/keeps`, "a procedure that keeps the passwords leaves the way in open: it is not a reset for this wizard");
}

function lintLogIn(login, where, fault) {
  const from = login.password_from;
  const has = 'password' in login;
  if (from === 'literal' && !(has && login.password !== '')) fault(`${where}/password`, "password_from 'literal' needs the password itself");
  if (from === 'empty' && has && login.password !== '') fault(`${where}/password`, `password_from 'empty' but a password '${login.password}' is given`);
  if (from === 'current_or_default' && !(has && login.password !== ''))
    fault(`${where}/password`, "password_from 'current_or_default' needs the default password (the one it has if nobody changed it)");
  if (!['literal', 'empty', 'current_or_default'].includes(from) && has) fault(`${where}/password`, `password_from '${from}' comes from elsewhere: give no password text`);
  if (login.label_mark && from !== 'label' && from !== 'label-or-serial') fault(`${where}/label_mark`, `a label mark only goes with a password on the label, not '${from}'`);
}

// --- One family -----------------------------------------------------------------------------
function lintFamily(family, at, maker, fault) {
  for (const [source, where] of familySources(family, at)) lintSource(source, where, maker, fault);
  family.reset.forEach((p, i) => lintProcedure(p, `${at}/reset/${i}`, fault, family));
  (family.password.actions || []).forEach((a, i) => { if (a.type === 'log_in') lintLogIn(a, `${at}/password/actions/${i}`, fault); });
  (family.default_logins || []).forEach((l, i) => {
    lintLogIn(l, `${at}/default_logins/${i}`, fault);
    if (l.password_from === 'current' || l.password_from === 'current_or_default')
      fault(`${at}/default_logins/${i}/password_from`, `'${l.password_from}' is what a step logs in with, not a factory login`);
  });

  // Two names for one button: the same place, different reset-button names, across procedures.
  // Two names for one button: the same place, different reset-button names, in procedures
  // for the same devices (procedures for different models, applies_to, may differ).
  const seen = [];
  family.reset.forEach((p, i) => p.actions.forEach((a, j) => {
    if (a.type !== 'find_button' || !RESET_BUTTONS.has(a.button)) return;
    const models = p.applies_to ? JSON.stringify(p.applies_to) : null;
    const clash = seen.find(k => k.place === a.place && k.button !== a.button && (!k.models || !models || k.models === models));
    if (clash) fault(`${at}/reset/${i}/actions/${j}/button`, `'${a.button}' on the ${a.place}, but reset/${clash.procedure} calls the button there '${clash.button}': two names for one button`);
    seen.push({ place: a.place, button: a.button, models, procedure: i });
  }));

  // A password step that logs in with the factory login says what default_logins says.
  const logins = family.default_logins || [];
  const steps = [...family.password.actions.map((a, i) => [a, `${at}/password/actions/${i}`]),
    ...family.reset.flatMap((p, i) => p.actions.map((a, j) => [a, `${at}/reset/${i}/actions/${j}`]))];
  for (const [a, where] of steps) {
    if (a.type !== 'log_in' || a.password_from === 'current' || a.password_from === 'set-at-setup') continue;
    const same = logins.filter(l => l.user.toLowerCase() === a.user.toLowerCase());
    if (!same.length) { fault(`${where}/user`, `logs in as '${a.user}', which default_logins does not list`); continue; }
    const listed = (from, password) => same.some(l => l.password_from === from && (l.password || '') === (password || ''));
    // "The one you use now, else the default": the default is a literal factory login.
    const origin = a.password_from === 'current_or_default' ? 'literal' : a.password_from;
    if (!listed(origin, a.password))
      fault(`${where}/password_from`, `'${a.password_from}'${a.password ? ` '${a.password}'` : ''} contradicts default_logins for '${a.user}' (${same.map(l => l.password_from + (l.password ? ` '${l.password}'` : '')).join(', ')})`);
    for (const other of a.else_passwords || [])
      if (!listed('literal', other)) fault(`${where}/else_passwords`, `'${other}' is not a default login of '${a.user}' in default_logins`);
  }

  // An empty password that a source calls a label (or serial number).
  const quotes = [...familySources(family, at)].filter(([s]) => s.quote).map(([s, where]) => [s.quote, where]);
  logins.forEach((l, i) => {
    if (l.password_from !== 'empty') return;
    const own = (l.sources || []).filter(s => s.quote).map((s, j) => [s.quote, `${at}/default_logins/${i}/sources/${j}`]);
    for (const [quote, where] of own.length ? own : quotes.filter(([, w]) => w.includes('/password/') || w.includes('/default_logins/')))
      if (LABEL_WORDS.test(quote)) fault(`${at}/default_logins/${i}/password_from`, `'empty', but ${where} says "${quote.slice(0, 90)}": the password is on the label`);
  });

  // Whether a factory reset exists, and whether it cures, is said once and agrees everywhere.
  const status = family.factory_reset && family.factory_reset.status;
  if (status === 'none' && family.reset.length) fault(`${at}/reset`, "factory_reset.status is 'none' but reset steps are given");
  if (status !== 'none' && !family.reset.length) fault(`${at}/reset`, "no reset steps: give one, or say factory_reset.status 'none' with its source");
  if (status && family.securable.level === 'yes') fault(`${at}/securable/level`, `'yes' although factory_reset.status is '${status}'`);
  if (family.securable.reason === 'no_factory_reset' && status !== 'none') fault(`${at}/securable/reason`, "'no_factory_reset' needs factory_reset.status 'none'");
  if (family.securable.reason === 'reset_does_not_cure' && status !== 'does_not_cure') fault(`${at}/securable/reason`, "'reset_does_not_cure' needs factory_reset.status 'does_not_cure'");
  const managed = family.provider_managed;
  if (managed && managed.reset_locked && family.securable.level === 'yes') fault(`${at}/securable/level`, "'yes' although the provider locked the reset");
  if (managed && managed.firmware_from_provider && family.firmware && family.firmware.updates === 'maker')
    fault(`${at}/firmware/updates`, "'maker' although provider_managed says the firmware comes only from the provider");
}

// --- Exports ----------------------------------------------------------------------------------
export function lintMaker(data, fault) {
  data.families.forEach((family, i) => lintFamily(family, `/families/${i}`, data.maker, fault));
}

// The Mirai table names makers by id; each named pair must be a factory login of one of that
// maker's families, so a feed's credential can lead to a device.
export function lintCredentials(table, makers, fault) {
  const ids = new Set(makers.map(m => m.maker.id));
  const sourceIds = new Set(Object.keys(table.sources || {}));
  if (!Array.isArray(table.credentials)) { fault('/credentials', 'must be a list'); return; }
  table.credentials.forEach((c, i) => {
    const at = `/credentials/${i}`;
    if (typeof c.user !== 'string' || typeof c.password !== 'string') { fault(at, 'needs user and password strings'); return; }
    for (const s of c.sources || []) if (!sourceIds.has(s)) fault(`${at}/sources`, `'${s}' is not in /sources`);
    if (c.maker === null || c.maker === undefined) return;
    if (!ids.has(c.maker)) { fault(`${at}/maker`, `'${c.maker}' is not a maker id in devices/`); return; }
    const maker = makers.find(m => m.maker.id === c.maker);
    const listed = maker.families.some(f => (f.default_logins || []).some(l => l.user.toLowerCase() === c.user.toLowerCase() && (l.password || '') === c.password && ['literal', 'empty'].includes(l.password_from)));
    if (!listed) fault(`${at}`, `${c.user}/${c.password} is linked to '${c.maker}' but no family of it lists that login`);
  });
}
