// The password step on a phone, in Dutch and English, as the customer meets it: the password
// is chosen first (our suggestion, large, with a Copy button that really puts it on the
// clipboard, or their own with the check), then the device's own steps one per page with the
// password in view, then "I have set it" — never a disabled button: pressed with a weak
// password it says what is wrong, at the field. The other doors are real or absent: a camera
// gets its own menu path, a router is never told to hide "behind your router". Apps are only
// mentioned to a customer who uses one. And a password typed here goes nowhere: not in a
// request, not in storage, not in the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, pressOnUntil, checkStep, state,
  takeHomeOfflineAndReset, answerVerification, AFTER, pageText, pickDevice, HIKVISION_CAMERA, ONLY_PORT_23 } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });


const TEXT = {
  nl: { lang: 'nl', start: 'Beginnen', confirm: 'Ja, dit apparaat heb ik',
        yes: 'Ja', next: 'Verder', copy: 'Kopieer het wachtwoord', copied: /^Gekopieerd/,
        useSuggestion: 'Dit wachtwoord gebruiken', own: 'Ik bedenk zelf een wachtwoord', field: 'Nieuw wachtwoord',
        nextStep: 'Volgende stap', setIt: 'Ik heb het ingesteld', show: 'Laat het wachtwoord zien', hide: 'Verberg het wachtwoord',
        suggestionLabel: 'Ons voorstel', notProvider: /geen wachtwoord voor uw internetprovider/, optional: /U hoeft het hier niet te typen/,
        mirai: 'Het virus probeert dit wachtwoord. Kies een ander.', problem: 'Er is een probleem', strong: /Sterkte: (heel )?sterk/ },
  en: { lang: 'en', start: 'Start', confirm: 'Yes, I have this device',
        yes: 'Yes', next: 'Continue', copy: 'Copy the password', copied: /^Copied/,
        useSuggestion: 'Use this password', own: 'I will make up my own', field: 'New password',
        nextStep: 'Next step', setIt: 'I have set it', show: 'Show the password', hide: 'Hide the password',
        suggestionLabel: 'Our suggestion', notProvider: /not a password for your internet provider/, optional: /You do not have to type it here/,
        mirai: 'The virus tries this password. Choose another one.', problem: 'There is a problem', strong: /Strength: (very )?strong/ },
};
const SECRET = 'Zonnige-Walvis-Trompet-83';   // typed by the customer: must go nowhere

// --- Getting there ---------------------------------------------------------------------------------
async function toPasswordStep(page, t, confirm = true, answers = {}, loaded = true) {
  await press(page, t.start);
  await expectScreen(page, 'identify_evidence');
  if (confirm) await press(page, t.confirm);
  else {
    await pressAndLeave(page, t.next);
    for (let i = 0; i < 6; i++) {
      const screen = (await state(page)).screen;
      if (screen === 'identify_category') await pressAndLeave(page, answers.category);
      else if (screen === 'identify_app') await pressAndLeave(page, answers.app);
      else if (screen === 'identify_brand') { await page.getByRole('textbox', { name: answers.brandField }).fill(answers.brand); await pressAndLeave(page, t.next); }
      else if (screen === 'identify_model') await pressAndLeave(page, answers.noModel);
      else if (screen === 'identify_candidates') await pickDevice(page, answers.pick);
      else break;
    }
  }
  await takeHomeOfflineAndReset(page, { lang: t.lang, loaded });
  await answerVerification(page, AFTER.reset);
}

// The next page of a screen shown in pages (or the next screen).
async function pressAndTurn(page, name) {
  const before = await state(page);
  await press(page, name);
  await page.waitForFunction(b => { const s = window.cleanslate.state(); return s.screen !== b.screen || s.part !== b.part; }, before);
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
}

function watchLeaks(page) {
  const outgoing = [];
  page.on('request', request => outgoing.push(`${request.method()} ${request.url()} ${request.postData() || ''}`));
  return async secrets => {
    const stored = await page.evaluate(async () => {
      const dump = s => Object.keys(s).map(k => k + '=' + s.getItem(k)).join('\n');
      return [dump(localStorage), dump(sessionStorage), document.cookie].join('\n');
    });
    const cookies = JSON.stringify(await page.context().cookies());
    for (const secret of secrets)
      for (const [where, text] of [['a request', outgoing.join('\n')], ['storage', stored], ['cookies', cookies], ['the console', page.consoleLines.join('\n')]])
        assert.ok(!text.includes(secret), `${secret} appeared in ${where}`);
  };
}

// --- The suggestion: chosen first, copied, kept in view ----------------------------------------------
for (const lang of ['nl', 'en']) {
  const t = TEXT[lang];
  test(`${lang}: the password is chosen first; Copy puts the suggestion on the clipboard; every step keeps it in view`, async () => {
    const context = await browser.newContext({ ...PHONE, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openWizard(context, server.mint(`CS-2026-00110${lang === 'nl' ? 1 : 2}`, lang, HIKVISION_CAMERA));
    await toPasswordStep(page, t);
    // Chosen first: the step opens on the choice, before any of the device's steps.
    await expectScreen(page, 'password_choose');
    await page.getByText(t.notProvider).first().waitFor();
    const label = await page.locator('[data-id^="big"]').first().textContent();
    const suggestion = label.trim().match(/([a-z0-9]+)$/)[1];   // the label ends with the passphrase
    assert.match(suggestion, /^[a-z]{3,7}([2-9][a-z]{3,7}){2,5}$/, `a typeable passphrase: ${suggestion}`);
    await press(page, t.copy);
    await page.getByText(t.copied).first().waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), suggestion);
    await checkStep(page, `password-${lang}`, 0);

    await press(page, t.useSuggestion);
    await expectScreen(page, 'password_steps');
    const headings = [];
    while ((await state(page)).screen === 'password_steps') {
      await page.getByText(suggestion).first().waitFor();               // in view on every step
      await page.getByRole('button', { name: t.copy }).waitFor();
      headings.push(await pageText(page, '#page h1'));
      if (headings.length === 1) await checkStep(page, `password-${lang}`, 1);
      const last = (await page.getByRole('button', { name: t.setIt, exact: true }).count()) > 0;
      await pressAndTurn(page, last ? t.setIt : t.nextStep);
      assert.ok(headings.length < 12, 'the steps end');
    }
    assert.ok(headings.length >= 3, `one step per page: ${headings.join(' | ')}`);
    assert.notEqual((await state(page)).screen, 'password_steps');
    // Only the strength class is kept for the report, never the password.
    const saved = await page.evaluate(() => Object.values(localStorage).join('\n'));
    assert.match(saved, /password_strength\\?":\\?"very_strong/);
    assert.ok(!saved.includes(suggestion), 'the suggestion is not saved');
    await context.close();
  });
}

// --- An own password: optional, checked, and "I have set it" explains -------------------------------
for (const lang of ['nl', 'en']) {
  const t = TEXT[lang];
  test(`${lang}: an own password; "${t.setIt}" with a weak one says what is wrong at the field; nothing leaks`, async () => {
    const context = await browser.newContext({ ...PHONE, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    const page = await openWizard(context, server.mint(`CS-2026-00111${lang === 'nl' ? 1 : 2}`, lang, HIKVISION_CAMERA));
    const assertNoLeak = watchLeaks(page);
    await toPasswordStep(page, t);
    await press(page, t.own);
    await expectScreen(page, 'password_own');
    await page.getByText(t.optional).first().waitFor();
    const field = page.getByLabel(t.field);
    assert.equal(await field.getAttribute('type'), 'password', 'masked');
    await field.fill(SECRET);
    await page.getByText(t.strong).first().waitFor();
    await press(page, t.show);
    await page.waitForFunction(() => document.querySelector('input').type === 'text');
    await press(page, t.hide);
    await page.waitForFunction(() => document.querySelector('input').type === 'password');
    await checkStep(page, `password-own-${lang}`, 0);
    await pressAndTurn(page, t.next);
    await expectScreen(page, 'password_steps');

    // To the last step; the own password stays in its (masked) field all the way.
    while (!(await page.getByRole('button', { name: t.setIt, exact: true }).count())) {
      assert.equal(await page.getByLabel(t.field).inputValue(), SECRET);
      await pressAndTurn(page, t.nextStep);
    }
    // Changed on the way to a password the virus knows: "I have set it" is not disabled, it explains.
    const setIt = page.getByRole('button', { name: t.setIt, exact: true });
    await page.getByLabel(t.field).fill('7ujMko0admin');
    assert.ok(await setIt.isEnabled(), 'never a disabled button');
    await setIt.click();
    await page.getByText(t.mirai).first().waitFor();
    assert.equal((await state(page)).screen, 'password_steps');
    // The GOV.UK error summary at the top, and the same message at the field, tied to it.
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.match(await summary.textContent(), new RegExp(t.problem + '.*' + t.mirai.replace(/[.?]/g, '\\$&'), 's'));
    const input = page.getByLabel(t.field);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    const describedBy = (await input.getAttribute('aria-describedby')).split(' ');
    const descriptions = await Promise.all(describedBy.map(id => page.locator(`[id="${id}"]`).textContent()));
    assert.ok(descriptions.some(d => d.includes(t.mirai)), `the field is described by the error: ${descriptions.join(' | ')}`);
    // The summary's link moves focus to the field.
    await summary.getByRole('link').first().tap();
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT');
    await checkStep(page, `password-own-${lang}`, 1);
    // Back to the strong one: accepted, and wiped from the page once recorded.
    await page.getByLabel(t.field).fill(SECRET);
    await pressAndTurn(page, t.setIt);
    assert.notEqual((await state(page)).screen, 'password_steps');
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('input')].map(i => i.value).join('')), '');
    await page.reload();
    await page.waitForFunction(() => window.cleanslate && window.cleanslate.state().step !== 'loading');
    await assertNoLeak([SECRET, '7ujMko0admin']);
    await context.close();
  });
}

// --- The other doors: real or absent ---------------------------------------------------------------
test('a camera gets a page per setting the data can lead to, with its menu path, then the helpdesk page about the router', async () => {
  const t = TEXT.en;
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-001121', 'en', HIKVISION_CAMERA));
  await toPasswordStep(page, t);
  await press(page, t.useSuggestion);
  await pressOnUntil(page, [t.nextStep, t.setIt], 'password_hardening');
  await page.getByRole('heading', { name: 'Stop devices opening a way in by themselves (UPnP)' }).waitFor();
  await page.getByText(/Go to: Configuration › Network › Advanced Settings › NAT/).first().waitFor();
  await checkStep(page, 'hardening-camera', 0);
  await pressAndTurn(page, 'Done');
  await page.getByRole('heading', { name: 'A few more settings' }).waitFor();
  await page.getByText(/There should be no fixed way in from the internet to the camera \(port forwarding\)/).first().waitFor();
  await page.getByRole('link', { name: /^Call / }).waitFor();
  await checkStep(page, 'hardening-camera', 1);
  // The app was never asked about: the cloud connection (which an app may need) is not offered.
  assert.equal(await page.getByText(/connection to the maker/).count(), 0);
  await pressAndTurn(page, t.next);
  await expectScreen(page, 'reconnect');
  await context.close();
});

test('a router: its own settings for the helpdesk, never "behind your router"; its internet and every device\'s Wi-Fi after', async () => {
  const t = TEXT.nl;
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.mint('CS-2026-001122', 'nl', ONLY_PORT_23));
  const seen = [];
  await toPasswordStep(page, t, false, { category: /^Een router of modem/, app: /^Ik gebruik geen app/, brandField: 'Merk op het apparaat',
    brand: 'D-Link', noModel: 'Ik kan het niet vinden', pick: /DIR/ });
  assert.match((await state(page)).device, /^d-link-dir/);
  await press(page, t.useSuggestion);
  // The router's page is opened on a phone joined to the router's own Wi-Fi (no internet now).
  await page.getByText(/wifi van de router/).first().waitFor();
  await pressOnUntil(page, [t.nextStep, t.setIt], 'password_hardening');
  seen.push(await pageText(page));
  await checkStep(page, 'hardening-router', 0);
  await pressOnUntil(page, ['Gedaan', t.next], 'reconnect');
  for (let i = 0; i < 6 && (await state(page)).screen === 'reconnect'; i++) {
    seen.push(await pageText(page));
    const heading = await pageText(page, '#page h1');
    if (heading === 'Werkt het internet weer?') {
      await press(page, 'Nee, nog niet');
      await page.getByText(/Is het een router van uw internetprovider\? Wacht dan 10 minuten/).first().waitFor();
      await checkStep(page, 'hardening-router', 1);
      await pressAndTurn(page, 'Ja, het internet werkt');
    } else {
      if (heading === 'Al uw apparaten opnieuw op de wifi') await checkStep(page, 'hardening-router', 2);
      await pressAndTurn(page, t.next);
    }
  }
  await expectScreen(page, 'finish');
  const all = seen.join('\n');
  assert.doesNotMatch(all, /achter uw router|behind your router/i);
  assert.doesNotMatch(all, /Uw router nakijken/, 'a router is not asked about "your router"');
  assert.match(all, /Elke telefoon, tablet, tv en laptop/);
  await context.close();
});

// --- Apps only where they are true ---------------------------------------------------------------------
test('a customer who uses no app hears of no app on a device set up in its web page', async () => {
  const t = TEXT.en;
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint('CS-2026-001123', 'en', ONLY_PORT_23));
  await toPasswordStep(page, t, false, { category: /^A camera/, app: /^I don't use an app/, brandField: 'Brand on the device',
    brand: 'Hikvision', noModel: "I can't find it", pick: /DS-2CD/ });
  assert.equal((await state(page)).device, 'hikvision-ds-2cd-camera');
  await press(page, t.useSuggestion);
  const texts = [];
  const ways = [t.setIt, t.nextStep, 'Done', t.next];
  const anyWayOn = page.getByRole('button', { name: new RegExp(`^(${ways.join('|')})$`) }).first();
  while ((await state(page)).screen !== 'reconnect') {
    await anyWayOn.waitFor();   // the page's controls are in (they arrive with its first frame)
    texts.push(await pageText(page));
    const name = (await page.getByRole('button', { name: t.setIt, exact: true }).count()) ? t.setIt
      : (await page.getByRole('button', { name: t.nextStep, exact: true }).count()) ? t.nextStep
      : (await page.getByRole('button', { name: 'Done', exact: true }).count()) ? 'Done' : t.next;
    await pressAndTurn(page, name);
  }
  const all = texts.join('\n');
  assert.doesNotMatch(all.replace(/Use this password|Copy the password/g, ''), /\bapps?\b/i, 'no app mentioned');
  // Without an app the cloud connection is not needed: it is offered, with its menu path.
  assert.match(all, /Turn off the connection to the maker \(P2P\)/);
  await context.close();
});

// --- The step never hangs ---------------------------------------------------------------------------------
test('with the password lists unreachable the step still suggests a password and says the check cannot come', async () => {
  const t = TEXT.en;
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  await context.route(/\/data\/(passwords|dictionary-en|dictionary-nl|words-en|words-nl)[^/]*\.txt|\/data\/mirai-credentials[^/]*\.json/, route => route.abort());
  const page = await openWizard(context, server.mint('CS-2026-001124', 'en', HIKVISION_CAMERA));
  await toPasswordStep(page, t, true, {}, false);
  await expectScreen(page, 'password_choose');
  const label = await page.locator('[data-id^="big"]').first().textContent();
  assert.match(label.trim().match(/([a-z0-9]+)$/)[1], /^[a-z]{3,7}([2-9][a-z]{3,7}){2,5}$/, 'a suggestion from the built-in words');
  await press(page, t.own);
  await page.getByText(/The password check could not be loaded/).first().waitFor({ timeout: 30000 });
  await page.getByRole('link', { name: /^Call / }).waitFor();
  await checkStep(page, 'password-no-lists', 0);
  await press(page, t.useSuggestion);
  await expectScreen(page, 'password_steps');
  await pressOnUntil(page, [t.nextStep, t.setIt], 'password_hardening');
  await context.close();
});
