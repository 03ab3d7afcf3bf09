// The customer's feedback and the completion report, end to end on a phone: the real wasm
// build in Chromium (with a fake microphone), the real cleanslate-server, and its real SQLite
// database read back with Debian's sqlite3. What the customer says reaches the provider only
// with consent, coded to the study's themes; timings and the outcome always do; a report is
// kept in the browser until the server has it, and arrives exactly once however the network
// behaves; "Please call me back" arrives before the journey ends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { launch, PHONE } from './browser.mjs';
import { ROOT, startServer, openWizard, expectScreen, press, pressAndLeave, pressOnUntil, checkStep, state,
  takeHomeOffline, finishResetSteps, answerVerification, AFTER,
  secretsIn, databaseFiles, HIKVISION_CAMERA } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'web/schemas/report.schema.json'), 'utf8')));

// --- The server's database -------------------------------------------------------------------------
function storedReports(ticket) {
  const out = execFileSync('sqlite3', ['-json', server.database,
    `SELECT report_id, body FROM reports WHERE ticket = '${ticket.replace(/'/g, "''")}' ORDER BY rowid`], { encoding: 'utf8' });
  return (out.trim() ? JSON.parse(out) : []).map(row => JSON.parse(row.body));
}
const finals = ticket => storedReports(ticket).filter(r => r.kind === 'final');
const progressReports = ticket => storedReports(ticket).filter(r => r.kind === 'progress');

function assertValid(report) {
  assert.ok(validate(report), `the stored report breaks the schema: ${JSON.stringify(validate.errors)}`);
}

// --- Walking the journey ------------------------------------------------------------------------------
const TEXT = {
  nl: { lang: 'nl', start: 'Beginnen', device: 'Ja, dit apparaat heb ik', begin: 'Begin',
    own: 'Ik bedenk zelf een wachtwoord', field: 'Nieuw wachtwoord',
    onward: ['Volgende stap', 'Ik heb het ingesteld', 'Gedaan', 'Verder'], continue: 'Verder', open: 'Zeg wat u ervan vindt', consent: 'Ja, dat mag',
    refuse: 'Nee, liever niet' },
  en: { lang: 'en', start: 'Start', device: 'Yes, I have this device', begin: 'Start',
    own: 'I will make up my own', field: 'New password',
    onward: ['Next step', 'I have set it', 'Done', 'Continue'], continue: 'Continue', open: 'Tell us what you think', consent: 'Yes, you may keep it',
    refuse: 'No, thank you' },
};
const PASSWORD = 'Vrolijke-Kaas-Molen-Schaats-19';

// From the reset step to the reconnect screen, with a strong password typed on the way.
async function resetToReconnect(page, t) {
  await expectScreen(page, 'reset_steps');
  await finishResetSteps(page, t.lang);
  await answerVerification(page, AFTER.reset);
  await expectScreen(page, 'password_choose');
  await press(page, t.own);
  await expectScreen(page, 'password_own');
  await page.getByLabel(t.field).fill(PASSWORD);
  await pressAndLeave(page, t.continue);
  await expectScreen(page, 'password_steps');
  await pressOnUntil(page, t.onward, 'reconnect');
}

async function startToReset(page, t) {
  await press(page, t.start);
  await expectScreen(page, 'identify_evidence');
  await pressAndLeave(page, t.device);
  await takeHomeOffline(page, { lang: t.lang });
  await pressAndLeave(page, t.begin);
  await expectScreen(page, 'reset_steps');
}

const openPanel = (page, t) => press(page, t.open);

// --- With consent: chips, own words, a voice note ------------------------------------------------------
test('with consent, chips, own words and a voice note reach the provider coded to the right themes', async () => {
  const ticket = 'CS-2026-000901';
  const t = TEXT.nl;
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL', acceptDownloads: true });
  const page = await openWizard(context, server.mint(ticket, 'nl', HIKVISION_CAMERA));
  await expectScreen(page, 'welcome');

  // Consent is asked the first time the customer opens the control, with no choice made for them.
  await openPanel(page, t);
  await page.getByText('Mogen we bewaren wat u ons hier vertelt?', { exact: false }).first().waitFor();
  assert.equal(await page.getByRole('button', { name: t.consent }).getAttribute('aria-pressed'), null, 'nothing pre-chosen');
  assert.equal((await state(page)).consent, 'unanswered');
  await checkStep(page, 'report-consent', 0);
  await press(page, t.consent);
  await page.getByRole('button', { name: 'Ik vertrouw dit niet' }).click();
  await page.waitForFunction(() => window.cleanslate.state().report.feedback === 1);
  const words = page.getByRole('textbox', { name: 'Of zeg het in uw eigen woorden' });
  assert.equal(await words.evaluate(el => el.tagName), 'TEXTAREA', 'a real text area: phones raise their keyboard');
  await words.fill('ik klik nooit op linkjes in een mail, is dit wel echt van jullie');
  await press(page, 'Opslaan');
  await page.getByText('Dank u. We hebben het bewaard.').first().waitFor();
  assert.equal(await words.inputValue(), '', 'the box is empty again after saving');

  // A voice note with Chromium's fake microphone: record, keep, play back.
  await press(page, 'Spreek een bericht in (hooguit 1 minuut)');
  await page.getByRole('button', { name: 'Stop met opnemen' }).waitFor();
  await page.waitForTimeout(1500);
  await press(page, 'Stop met opnemen');
  await page.getByText(/Ingesproken bericht 1: \d+ seconden/).first().waitFor();
  await press(page, 'Bericht 1 afspelen');
  await checkStep(page, 'report-consent', 1);
  assert.equal((await state(page)).report.voice_notes, 1);

  // On the reset step, "This takes too long" and "I can't find it" (the button, on this step).
  await press(page, 'Sluiten');
  await startToReset(page, t);
  await openPanel(page, t);
  await page.getByRole('button', { name: 'Dit duurt te lang' }).click();
  await page.getByRole('button', { name: 'Ik kan het niet vinden' }).click();
  await page.waitForFunction(() => window.cleanslate.state().report.feedback === 4);
  await resetToReconnect(page, t);
  await pressOnUntil(page, [t.continue], 'finish');
  await expectScreen(page, 'finish');

  // The finish says what is sent, and that it was sent — what was done only once, above.
  await page.getByText('Wat u hierboven ziet, sturen we naar uw internetprovider. En ook:').first().waitFor();
  assert.equal((await page.getByText(/^Dossiernummer: /).count()), 0, 'the case number is in its panel, not again in the report section');
  await page.getByText('Verstuurd naar uw internetprovider.').first().waitFor();
  await page.getByText('Wat u ons vertelde: 4 opmerkingen en 1 ingesproken bericht.').first().waitFor();
  await checkStep(page, 'report-consent', 2);
  const [report] = finals(ticket);
  assert.ok(report, 'the final report is in the database');
  assertValid(report);
  assert.equal(report.consent, 'given');
  assert.equal(report.outcome, 'remediated');
  assert.equal(report.devices[0].device_id, 'hikvision-ds-2cd-camera');
  assert.equal(report.devices[0].chosen_by, 'evidence');
  assert.ok(report.devices[0].verification.length >= 1, 'the verification answers');
  assert.ok(['strong', 'very_strong'].includes(report.devices[0].password_strength));
  const coded = report.feedback.map(f => `${f.kind}:${f.chip || f.text.slice(0, 12)}=${f.themes.join('+')}`);
  assert.deepEqual(coded, [
    'chip:not_trusted=trust',
    'text:ik klik nooi=trust',
    'chip:too_long=effort',
    'chip:cannot_find=reset_confusion',
  ]);
  assert.equal(report.voice_notes.length, 1);
  assert.ok(report.voice_notes[0].duration_s >= 1 && report.voice_notes[0].duration_s <= 60);
  assert.match(report.voice_notes[0].mime, /^audio\//);
  assert.ok(Buffer.from(report.voice_notes[0].data, 'base64').length > 500, 'the recording itself');
  assert.ok(report.timings.find(s => s.screen === 'reset_steps').seconds >= 0);
  assert.ok(report.timings.every(s => s.visits >= 1));

  // The customer keeps a copy: a readable page and the data as sent.
  const [pageFile] = await Promise.all([page.waitForEvent('download'), press(page, 'Bewaar dit overzicht')]);
  const html = readFileSync(await pageFile.path(), 'utf8');
  assert.match(pageFile.suggestedFilename(), /\.html$/);
  assert.match(html, /Dit vertellen we uw internetprovider/);
  assert.match(html, new RegExp(ticket));
  assert.doesNotMatch(html, /Vrolijke/);
  const [dataFile] = await Promise.all([page.waitForEvent('download'), press(page, 'Bewaar de technische gegevens')]);
  const kept = JSON.parse(readFileSync(await dataFile.path(), 'utf8'));
  assert.equal(kept.report_id, report.report_id);
  await context.close();
});

// --- Without consent -----------------------------------------------------------------------------------
test('without consent, the report holds timings and the outcome and nothing the customer said', async () => {
  const ticket = 'CS-2026-000902';
  const t = TEXT.en;
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint(ticket, 'en', HIKVISION_CAMERA));
  await startToReset(page, t);
  await openPanel(page, t);
  await press(page, t.refuse);
  await page.getByText('You chose not to share anything.', { exact: false }).first().waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Or say it in your own words' }).count(), 0, 'no box to type in');
  await checkStep(page, 'report-no-consent', 0);
  await press(page, 'Close');
  await resetToReconnect(page, t);
  await pressOnUntil(page, [t.continue], 'finish');
  await expectScreen(page, 'finish');
  await page.getByText('Sent to your internet provider.').first().waitFor();
  await page.getByText('We do not send anything you said or typed.').first().waitFor();
  const [report] = finals(ticket);
  assertValid(report);
  assert.equal(report.consent, 'refused');
  assert.equal(report.outcome, 'remediated');
  assert.equal(report.feedback, undefined);
  assert.equal(report.voice_notes, undefined);
  assert.deepEqual(report.timings.map(s => s.screen).slice(0, 3), ['welcome', 'identify_evidence', 'disconnect_prepare']);
  assert.ok(report.duration_s >= 0);
  // Progress reports followed the customer through the journey, each valid and small.
  const progress = progressReports(ticket);
  assert.ok(progress.length >= 8, `${progress.length} progress reports`);
  for (const p of progress) { assertValid(p); assert.ok(JSON.stringify(p).length < 1500); }
  assert.ok(progress.some(p => p.screen === 'reset_steps' && p.device_id === 'hikvision-ds-2cd-camera'));
  await context.close();
});

test('withdrawing consent deletes what was said, and the provider hears only that it was withdrawn', async () => {
  const ticket = 'CS-2026-000903';
  const t = TEXT.en;
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint(ticket, 'en', HIKVISION_CAMERA));
  await openPanel(page, t);
  await press(page, t.consent);
  await page.getByRole('textbox', { name: 'Or say it in your own words' }).fill('this takes ages, I give up');
  await press(page, 'Save');
  await page.waitForFunction(() => window.cleanslate.state().report.feedback === 1);
  await press(page, 'Stop and delete what I told you');
  await page.getByText('You took back your permission.', { exact: false }).first().waitFor();
  const s = await state(page);
  assert.equal(s.consent, 'withdrawn');
  assert.equal(s.report.feedback, 0);
  // The next progress report says so; nothing of the words is stored anywhere.
  await press(page, t.start);
  await expectScreen(page, 'identify_evidence');
  await page.waitForFunction(() => window.cleanslate.state().report.outbox === 0);
  assert.equal(progressReports(ticket).at(-1).consent, 'withdrawn');
  assert.deepEqual(secretsIn(databaseFiles(server.database), ['I give up']), []);
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('I give up')), false, 'gone from the browser too');
  await context.close();
});

// --- Delivery that loses nothing -------------------------------------------------------------------------
test('network cut before the finish, a reload, and the network back: exactly one report arrives', async () => {
  const ticket = 'CS-2026-000904';
  const t = TEXT.en;
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint(ticket, 'en', HIKVISION_CAMERA));
  await startToReset(page, t);
  await resetToReconnect(page, t);

  // The home is off the internet (and the phone's data with it) when the customer finishes.
  await context.setOffline(true);
  await pressOnUntil(page, [t.continue], 'finish');
  await expectScreen(page, 'finish');
  await page.getByText(/^Not sent yet: your phone has no internet right now\./).first().waitFor();
  assert.equal((await state(page)).report.final, 'waiting');
  await checkStep(page, 'report-offline', 0);
  assert.equal(finals(ticket).length, 0);

  // Back online, the first delivery is stored but its answer is lost on the way back: the
  // wizard cannot know it arrived and must send it again.
  let finalPosts = 0, firstAnswered = false;
  await context.route('**/api/report', async route => {
    if (JSON.parse(route.request().postData()).kind !== 'final') return route.continue();
    if (++finalPosts === 1) { await route.fetch(); firstAnswered = true; return route.abort('connectionreset'); }
    return route.continue();
  });
  await context.setOffline(false);
  await page.waitForFunction(() => window.cleanslate.state().report.final === 'waiting');
  // Until the server has answered the first delivery (a loaded machine may take seconds).
  for (let i = 0; i < 200 && !firstAnswered; i++) await page.waitForTimeout(100);
  assert.equal(finalPosts, 1, 'sent as soon as the network was back');
  assert.equal(finals(ticket).length, 1, 'the server has it');

  // The customer reloads: the report is still waiting in the browser and goes again.
  await page.reload();
  await page.waitForFunction(() => window.cleanslate && window.cleanslate.state().step !== 'loading');
  await expectScreen(page, 'finish');
  await page.waitForFunction(() => window.cleanslate.state().report.final === 'sent', null, { timeout: 20000 });
  await page.getByText('Sent to your internet provider.').first().waitFor();
  assert.ok(finalPosts >= 2, `sent ${finalPosts} times`);
  const stored = finals(ticket);
  assert.equal(stored.length, 1, 'exactly one final report');
  assertValid(stored[0]);
  assert.equal((await state(page)).report.outbox, 0, 'nothing left waiting');
  await context.close();
});

test('a report waiting in one visit is delivered at the next visit', async () => {
  const ticket = 'CS-2026-000905';
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  await context.route('**/api/report', route => route.abort('internetdisconnected'));
  const link = server.mint(ticket, 'en', HIKVISION_CAMERA);
  let page = await openWizard(context, link);
  await press(page, 'Start');
  await expectScreen(page, 'identify_evidence');
  // The move is reported in the frame after it: wait until the kept outbox holds it.
  await page.waitForFunction(() => (localStorage.getItem('cleanslate.outbox') || '').includes('identify_evidence'));
  await page.close();
  assert.equal(storedReports(ticket).length, 0);
  await context.unroute('**/api/report');
  page = await openWizard(context, `${server.base}/`);   // the bare page, another day: the outbox still goes
  await page.waitForFunction(() => window.cleanslate.state().report.outbox === 0, null, { timeout: 20000 });
  assert.ok(progressReports(ticket).some(p => p.screen === 'identify_evidence'));
  await context.close();
});

// --- Please call me back ----------------------------------------------------------------------------------
test('"Please call me back" on a help screen reaches the server before the journey ends', async () => {
  const ticket = 'CS-2026-000906';
  const t = TEXT.nl;
  const context = await browser.newContext({ ...PHONE, locale: 'nl-NL' });
  const page = await openWizard(context, server.mint(ticket, 'nl', HIKVISION_CAMERA));
  await startToReset(page, t);
  await finishResetSteps(page, t.lang);
  await answerVerification(page, 'not_sure');
  await expectScreen(page, 'verify_help');
  const phone = page.getByRole('textbox', { name: 'Uw telefoonnummer' });
  assert.equal(await phone.inputValue(), '', 'empty by default');
  assert.equal(await phone.getAttribute('type'), 'tel');
  await phone.fill('0900 123 4567');
  await press(page, 'Bel mij terug');
  await page.getByText('Op dit nummer kunnen we u niet terugbellen.', { exact: false }).first().waitFor();
  await phone.fill('06-1234 5678');
  await press(page, 'Bel mij terug');
  await page.getByText('We hebben uw verzoek doorgegeven. De helpdesk belt u op 06 12345678.').first().waitFor();
  await checkStep(page, 'report-callback', 0);
  const asked = progressReports(ticket).filter(p => p.callback);
  assert.ok(asked.length >= 1, 'a progress report with the call-back request is stored');
  assert.equal(asked[0].callback.phone, '+31612345678');
  assert.equal(asked[0].screen, 'verify_help');
  assert.equal(asked[0].outcome, 'needs_help');
  assert.equal(finals(ticket).length, 0, 'before any final report');
  await context.close();
});

test('"I\'m stuck" offers a call back, even to a customer who shares no feedback', async () => {
  const ticket = 'CS-2026-000907';
  const t = TEXT.en;
  const context = await browser.newContext({ ...PHONE, locale: 'en-GB' });
  const page = await openWizard(context, server.mint(ticket, 'en', HIKVISION_CAMERA));
  await openPanel(page, t);
  await press(page, t.refuse);
  await press(page, "I'm stuck");
  await page.getByRole('textbox', { name: 'Your phone number' }).fill('+32 470 12 34 56');
  await press(page, 'Please call me back');
  await page.getByText('The helpdesk will call you on +32470123456.', { exact: false }).first().waitFor();
  assert.equal(progressReports(ticket).filter(p => p.callback).at(-1).callback.phone, '+32470123456');
  await context.close();
});

// --- The suite's password scan can fail ---------------------------------------------------------------------
test('the password scan finds a typed password in raw database bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cleanslate-scan-'));
  const file = join(dir, 'reports.db');
  writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.from('{"note":"Vrolijke-Kaas-Molen-Schaats-19"}')]));
  assert.deepEqual(secretsIn([file], ['Vrolijke-Kaas-Molen-Schaats-19', 'iloveyou']), ['Vrolijke-Kaas-Molen-Schaats-19']);
});
