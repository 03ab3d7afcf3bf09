#!/usr/bin/env node
// Validates the theme lexicons (locales/themes/<language>.json) against locales/themes/schema.json,
// and that there is one for every wizard locale (locales/*.json). Prints "file: field: problem" for
// every fault and exits 1, so the build names the file and the problem. With --out DIR it writes
// them minified there for the wizard to fetch.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'locales', 'themes');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? args[outAt + 1] : null;

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8')));
const faults = [];
const lexicons = {};
for (const file of readdirSync(dir).filter(f => f.endsWith('.json') && f !== 'schema.json')) {
  const path = join(dir, file);
  let data;
  try { data = JSON.parse(readFileSync(path, 'utf8')); } catch (e) { faults.push(`${path}: not valid JSON: ${e.message}`); continue; }
  if (!validate(data)) {
    for (const e of validate.errors) faults.push(`${path}: ${e.instancePath || '/'}: ${e.message}${e.params?.allowedValues ? ' ' + e.params.allowedValues.join(', ') : ''}`);
    continue;
  }
  if (data.language !== file.replace('.json', '')) faults.push(`${path}: language: must be '${file.replace('.json', '')}'`);
  for (const [theme, patterns] of Object.entries(data.themes))
    patterns.forEach((p, i) => { if (p.replace(/^[!?]/, '').split(' ').every(w => w === '_')) faults.push(`${path}: /themes/${theme}/${i}: needs at least one real word`); });
  lexicons[file] = data;
}
for (const locale of readdirSync(join(root, 'locales')).filter(f => f.endsWith('.json')))
  if (!lexicons[locale]) faults.push(`${join(dir, locale)}: missing: every wizard language needs a theme lexicon`);
if (faults.length) { faults.forEach(f => console.error(f)); console.error(`theme lexicons: ${faults.length} problem(s)`); process.exit(1); }
if (outDir) {
  mkdirSync(outDir, { recursive: true });
  for (const [file, data] of Object.entries(lexicons)) writeFileSync(join(outDir, file), JSON.stringify(data));
}
console.log(`theme lexicons: ${Object.keys(lexicons).length} valid`);
