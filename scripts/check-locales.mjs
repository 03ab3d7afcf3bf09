#!/usr/bin/env node
// Checks that every locale has every key of the reference locale (nl) with the same
// placeholders, and no key the reference lacks, and that no text uses a word a customer
// should not meet unexplained (locales/lint/plain-language.json: jargon, metaphors, known
// mistranslations); with --out DIR writes them minified there. Fails the build naming the
// file, the key and the problem. --dir DIR checks the locales in DIR instead (for tests).
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = name => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : null);
// --dir locales/helpdesk: another set of locales (the helpdesk's pages), checked the same way.
const dir = resolve(root, option('--dir') || 'locales');
const outDir = option('--out');
const lintFile = join(root, 'locales', 'lint', 'plain-language.json');

const placeholders = text => [...new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map(m => m[1]))].sort().join(',');
const load = file => {
  const path = join(dir, file);
  let data;
  try { data = JSON.parse(readFileSync(path, 'utf8')); } catch (e) { return { path, error: `not valid JSON: ${e.message}` }; }
  if (typeof data !== 'object' || Array.isArray(data)) return { path, error: 'must be one flat object of texts' };
  for (const [k, v] of Object.entries(data)) if (typeof v !== 'string' || !v.trim()) return { path, error: `${k}: must be a non-empty string` };
  return { path, data };
};

const files = readdirSync(dir).filter(f => f.endsWith('.json'));
const faults = [];
const reference = load('nl.json');
if (reference.error) faults.push(`${reference.path}: ${reference.error}`);
for (const file of files) {
  const locale = load(file);
  if (locale.error) { faults.push(`${locale.path}: ${locale.error}`); continue; }
  if (reference.error || file === 'nl.json') continue;
  for (const [key, text] of Object.entries(reference.data)) {
    if (!(key in locale.data)) faults.push(`${locale.path}: ${key}: missing`);
    else if (placeholders(locale.data[key]) !== placeholders(text))
      faults.push(`${locale.path}: ${key}: placeholders {${placeholders(locale.data[key])}} differ from nl.json's {${placeholders(text)}}`);
  }
  for (const key of Object.keys(locale.data)) if (!(key in reference.data)) faults.push(`${locale.path}: ${key}: not in nl.json`);
  if (locale.data['meta.code'] !== file.replace('.json', '')) faults.push(`${locale.path}: meta.code: must be '${file.replace('.json', '')}'`);
}

// --- Plain language: jargon, metaphors and known mistranslations ---------------------------------
// Each rule is checked per sentence; a word is fine where the same sentence explains it.
const lint = JSON.parse(readFileSync(lintFile, 'utf8'));
const pending = new Set(lint.pending.keys);
const stillPending = new Set();
const regex = source => new RegExp(source, 'iu');
for (const file of files) {
  const locale = load(file);
  if (locale.error) continue;
  const code = file.replace('.json', '');
  for (const [key, text] of Object.entries(locale.data)) {
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      for (const rule of lint.rules) {
        if (!rule.locales.includes(code)) continue;
        const hit = sentence.match(regex(rule.pattern));
        if (!hit) continue;
        if (rule.explained && regex(rule.explained).test(sentence)) continue;
        if (rule.allowed && regex(rule.allowed).test(sentence)) continue;
        if (pending.has(key)) { stillPending.add(key); continue; }
        faults.push(`${locale.path}: ${key}: "${hit[0]}" (${rule.id}): ${rule.why}`);
      }
    }
  }
}
for (const key of pending) if (!stillPending.has(key) && !option('--dir'))
  console.log(`locales: ${key} now passes the plain-language rules: remove it from locales/lint/plain-language.json "pending"`);

if (faults.length) { faults.forEach(f => console.error(f)); console.error(`locales: ${faults.length} problem(s)`); process.exit(1); }
// --out DIR: the texts as the site ships them. The helpdesk's pages (--dir) get one file per
// language. The wizard gets two: the first screen's texts (locales/split/first-screen.json
// names them by prefix), loaded before the first frame, and the rest (rest/<code>.json), right
// after it. email.* texts are for the abuse desk's notification e-mails (cleanslate-desk
// notify, which embeds the source files): the wizard's download does not carry them.
if (outDir) {
  const shipped = (data, wanted) => JSON.stringify(Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('email.') && wanted(key))));
  mkdirSync(outDir, { recursive: true });
  if (option('--dir')) {
    for (const file of files) writeFileSync(join(outDir, file), shipped(load(file).data, () => true));
  } else {
    const firstScreenFile = join(root, 'locales', 'split', 'first-screen.json');
    const prefixes = JSON.parse(readFileSync(firstScreenFile, 'utf8')).prefixes;
    const keys = Object.keys(reference.data);
    const unused = prefixes.filter(prefix => !keys.some(key => key.startsWith(prefix)));
    if (unused.length) { console.error(`${firstScreenFile}: no text starts with ${unused.join(', ')}`); process.exit(1); }
    const firstScreen = key => prefixes.some(prefix => key.startsWith(prefix));
    mkdirSync(join(outDir, 'rest'), { recursive: true });
    for (const file of files) {
      const data = load(file).data;
      writeFileSync(join(outDir, file), shipped(data, firstScreen));
      writeFileSync(join(outDir, 'rest', file), shipped(data, key => !firstScreen(key)));
    }
  }
}
