// The honest ending, on a phone in Dutch and English: the finish says what the customer's
// answers confirmed and what they only told us, never "your device is clean"; it shows the
// case number in a confirmation panel and has no Back; "another device" starts the steps
// again for a second device in the SAME case, and the finish then lists both. When to look
// again: the number of days only where the provider runs that check (the Dutch case came from
// the feed and the desk runs `verify --quiet-days 14`); otherwise what is true without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './browser.mjs';
import { startServer, openWizard, expectScreen, press, pressAndLeave, pressOnUntil, checkStep, state,
  takeHomeOfflineAndReset, answerVerification, AFTER, pageText, pickDevice, HIKVISION_CAMERA } from './harness.mjs';
import { importFeed, verify, sighting } from './desk-seed.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });


const TEXT = {
  nl: { lang: 'nl', start: 'Beginnen', confirm: 'Ja, dit apparaat heb ik',
        yes: 'Ja', useSuggestion: 'Dit wachtwoord gebruiken', next: 'Verder',
        onward: ['Volgende stap', 'Ik heb het ingesteld', 'Gedaan', 'Verder', 'Ja, het internet werkt'], another: 'Begin met een ander apparaat', done: 'U hebt alle stappen gedaan',
        router: /^Een router of modem/, brandField: 'Merk op het apparaat', noModel: 'Ik kan het niet vinden', noApp: /^Ik gebruik geen app/,
        overClaims: /schoon|kan er niet meer in/i, resetConfirmed: /passen bij een echte reset/, toldUs: /U hebt ons verteld/,
        checkLater: /Wij kijken 14 dagen lang of het virus terugkomt op uw verbinding\. Open deze link daarna opnieuw\./, nextDevice: /Nu uw volgende apparaat/ },
  en: { lang: 'en', start: 'Start', confirm: 'Yes, I have this device',
        yes: 'Yes', useSuggestion: 'Use this password', next: 'Continue',
        onward: ['Next step', 'I have set it', 'Done', 'Continue', 'Yes, the internet works'], another: 'Start with another device', done: 'You have done all the steps',
        router: /^A router or modem/, brandField: 'Brand on the device', noModel: "I can't find it", noApp: /^I don't use an app/,
        overClaims: /is clean|cannot get (back )?in/i, resetConfirmed: /fit a real reset/, toldUs: /You told us/,
        checkLater: /We will keep watching whether the virus comes back on your connection\./, nextDevice: /Now your next device/ },
};

// The steps of one device after it is chosen, up to its finish (the same for both devices).
async function stepsToFinish(page, t) {
  await takeHomeOfflineAndReset(page, { lang: t.lang });
  await answerVerification(page, AFTER.reset);
  await expectScreen(page, 'password_choose');
  await press(page, t.useSuggestion);
  await pressOnUntil(page, t.onward, 'finish');
}

for (const lang of ['nl', 'en']) {
  const t = TEXT[lang];
  test(`${lang}: the finish is honest, has no Back, and "another device" continues the same case`, async () => {
    const ticket = `CS-2026-0009${lang === 'nl' ? '01' : '02'}`;
    if (lang === 'nl') {
      importFeed(server, [sighting({ customer: 'K-901', ticket, lang, at: Math.floor(Date.now() / 1000) - 86400 })]);
      verify(server, 14);
    }
    const context = await browser.newContext({ ...PHONE, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
    const page = await openWizard(context, server.mint(ticket, lang, HIKVISION_CAMERA));
    await press(page, t.start);
      await press(page, t.confirm);
    await stepsToFinish(page, t);
    await checkStep(page, `finish-${lang}`, 0);

    // Honest: what the answers confirmed, what was only told, what happens next; no over-claim.
    const text = await pageText(page);
    assert.doesNotMatch(text, t.overClaims);
    assert.match(text, t.resetConfirmed);
    assert.match(text, t.toldUs);
    assert.match(text, t.checkLater);
    assert.equal(await pageText(page, '#page h1'), t.done);
    await page.getByText(ticket).first().waitFor();
    // No way back into the steps: no Back button, and the browser's Back leaves the finish alone.
    assert.equal(await page.getByRole('button', { name: lang === 'nl' ? 'Terug' : 'Back', exact: true }).count(), 0);
    assert.equal((await state(page)).depth, 0);

    // A second device in the same case: found by answers (the link's evidence was the first one).
    await press(page, t.another);
    await expectScreen(page, 'identify_category');
    await page.getByText(t.nextDevice).first().waitFor();
    let s = await state(page);
    assert.equal(s.ticket, ticket);
    assert.equal(s.devices.length, 1);
    assert.equal(s.devices[0].id, 'hikvision-ds-2cd-camera');
    assert.equal(s.devices[0].outcome, 'remediated');
    await checkStep(page, `finish-${lang}`, 1);
    await pressAndLeave(page, t.router);
    for (let i = 0; i < 6; i++) {
      const screen = (await state(page)).screen;
      if (screen === 'identify_app') await pressAndLeave(page, t.noApp);
      else if (screen === 'identify_brand') { await page.getByRole('textbox', { name: t.brandField }).fill('D-Link'); await pressAndLeave(page, t.next); }
      else if (screen === 'identify_model') await pressAndLeave(page, t.noModel);
      else if (screen === 'identify_candidates') await pickDevice(page, /DIR/);
      else break;
    }
    assert.match((await state(page)).device, /^d-link-dir/);
    await stepsToFinish(page, t);

    // The finish now sums up both devices; a reload keeps them.
    await page.reload();
    await page.waitForFunction(() => window.cleanslate && window.cleanslate.state().step !== 'loading');
    s = await state(page);
    assert.equal(s.screen, 'finish');
    assert.deepEqual(s.devices.map(d => d.id), ['hikvision-ds-2cd-camera', s.device]);
    assert.ok(s.devices.every(d => d.outcome === 'remediated'));
    // (the device names arrive with the device list, a moment after the reload)
    await page.getByText(/^(Hikvision camera|Camera van Hikvision)$/).first().waitFor();
    await page.getByText(/^(D-Link router|Router van D-Link)$/).first().waitFor();
    await checkStep(page, `finish-${lang}`, 2);
    await context.close();
  });
}
