// The report's JSON Schema (web/schemas/report.schema.json) is the contract between the wizard
// and the collector: an allow-list with every field bounded. These tests read as that contract:
// the two examples are valid, and each way a report can go wrong is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = path => JSON.parse(readFileSync(join(root, path), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(read('web/schemas/report.schema.json'));
const progress = () => read('web/schemas/examples/progress.json');
const final = () => read('web/schemas/examples/final.json');
const errorsOf = report => (validate(report) ? [] : validate.errors.map(e => `${e.instancePath} ${e.message}`));

test('the example progress and final reports are valid', () => {
  assert.deepEqual(errorsOf(progress()), []);
  assert.deepEqual(errorsOf(final()), []);
});

test('a final report without feedback, voice notes or call-back is valid (no consent, nothing said)', () => {
  const report = final();
  delete report.feedback; delete report.voice_notes; delete report.callback;
  for (const consent of ['unanswered', 'refused', 'withdrawn', 'given']) assert.deepEqual(errorsOf({ ...report, consent }), []);
});

test('a helpdesk-started case may carry a case code instead of a link token', () => {
  const report = progress();
  delete report.token;
  assert.notDeepEqual(errorsOf(report), [], 'neither token nor case code');
  assert.deepEqual(errorsOf({ ...report, case_code: 'HD-4821' }), []);
});

// Each mutation turns a valid report into one the collector must refuse.
const refused = {
  'an unknown top-level field': r => { r.note = 'x'; },
  'a password field anywhere': r => { r.devices[0].password = 'hunter22'; },
  'a password field at the top': r => { r.password = 'hunter22'; },
  'feedback without consent': r => { r.consent = 'refused'; delete r.voice_notes; },
  'a voice note after consent was withdrawn': r => { r.consent = 'withdrawn'; delete r.feedback; },
  'an outcome the provider does not know': r => { r.outcome = 'fixed'; },
  'no outcome at the finish': r => { r.outcome = 'none'; },
  'a report id too short to be unique': r => { r.report_id = 'abc'; },
  'a ticket with a space': r => { r.ticket = 'CS 2026'; },
  'a language the wizard does not speak': r => { r.language = 'de'; },
  'a feedback text longer than 2000 characters': r => { r.feedback[1].text = 'a'.repeat(2001); },
  'a feedback entry with a theme not in the list': r => { r.feedback[0].themes = ['anger']; },
  'a chip entry that also carries text': r => { r.feedback[0].text = 'hello'; },
  'a text entry without its language': r => { delete r.feedback[1].language; },
  'four voice notes': r => { r.voice_notes = [0, 1, 2, 3].map(() => ({ ...r.voice_notes[0] })); },
  'a voice note longer than 60 seconds': r => { r.voice_notes[0].duration_s = 75; },
  'a voice note over the size cap': r => { r.voice_notes[0].data = 'A'.repeat(200004); },
  'a voice note that is not base64': r => { r.voice_notes[0].data = 'not base64!'; },
  'a voice note of another kind of file': r => { r.voice_notes[0].mime = 'video/mp4'; },
  'a call-back number that is not E.164': r => { r.callback.phone = '06 12345678'; },
  'more than 10 devices': r => { r.devices = Array.from({ length: 11 }, () => ({ ...r.devices[0] })); },
  'a device chosen by someone unknown': r => { r.devices[0].chosen_by = 'guess'; },
  'a password strength that is not a class': r => { r.devices[0].password_strength = 'Vrolijke-Kaas-19'; },
  'a verification answer outside yes/no/not sure': r => { r.devices[0].verification[0].answers[0].answer = 'maybe'; },
  'a negative time': r => { r.timings[0].seconds = -1; },
  'a screen id with capitals': r => { r.timings[0].screen = 'Welcome'; },
  'a fractional visit count': r => { r.timings[0].visits = 1.5; },
  'more than 200 feedback entries': r => { r.feedback = Array.from({ length: 201 }, () => ({ ...r.feedback[0] })); },
};
for (const [what, mutate] of Object.entries(refused)) {
  test(`a final report is refused for ${what}`, () => {
    const report = final();
    mutate(report);
    assert.notDeepEqual(errorsOf(report), [], 'the schema accepted it');
  });
}

test('a progress report stays small: no feedback, no timings, no devices list', () => {
  for (const field of ['feedback', 'voice_notes', 'timings', 'devices']) {
    const report = progress();
    report[field] = [];
    assert.notDeepEqual(errorsOf(report), [], `progress accepted ${field}`);
  }
  const report = progress();
  report.kind = 'final';
  assert.notDeepEqual(errorsOf(report), [], 'a progress report passed off as final');
});

// The reports core assembles (tests/unit/test_report.cpp writes them) obey the same contract.
test('the reports assembled by the wizard core are valid', { skip: !process.env.REPORT_EXAMPLES && 'REPORT_EXAMPLES not set (run through ctest)' }, () => {
  const dir = process.env.REPORT_EXAMPLES;
  const files = readdirSync(dir).filter(f => f.endsWith('.json'));
  assert.deepEqual(files.sort(), ['final-consent.json', 'final-refused.json', 'final-withdrawn.json', 'progress.json']);
  for (const file of files) assert.deepEqual(errorsOf(JSON.parse(readFileSync(join(dir, file), 'utf8'))), [], file);
});
