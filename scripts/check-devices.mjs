#!/usr/bin/env node
// Validates manufacturer files against devices/schema.json, then lints what a schema cannot
// say (scripts/devices-lint.mjs: contradictions such as two names for one button, a reset
// with no sign a reboot cannot give, a 'maker' source off the maker's domains, an empty
// password a source calls a label) and checks across files: ids unique, and — when the whole
// folder is checked — devices/mirai/credentials.json against the maker files. Prints
// "file: field: problem" for every fault and exits 1, so a build that calls it names the
// file and the problem.
// With --out FILE it also writes the packed database the wizard and the engine load:
// {"makers":[{...maker, "families":[...]}]} minified, without the team-only fields (notes) and
// with each source reduced to its trust level. With --stats it prints how well the data is sourced.
//   node scripts/check-devices.mjs [--out FILE] [--stats] [--credentials FILE] [devices/*.json ...]
//   (default: every file in devices/ and devices/mirai/credentials.json)
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { lintMaker, lintCredentials } from './devices-lint.mjs';
import { loadSharedSoftware, loadMacVendors, loadNotDeviceApps } from './fingerprint-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'devices/schema.json'), 'utf8'));
// discriminator: an action's errors are those of its own type, not of every other type.
const validate = new Ajv({ allErrors: true, strict: false, discriminator: true }).compile(schema);

// --- Arguments ----------------------------------------------------------------------------
let args = process.argv.slice(2);
let outFile = null;
const outAt = args.indexOf('--out');
if (outAt >= 0) { outFile = args[outAt + 1]; args.splice(outAt, 2); }
let credentialsFile = null;
const credentialsAt = args.indexOf('--credentials');
if (credentialsAt >= 0) { credentialsFile = args[credentialsAt + 1]; args.splice(credentialsAt, 2); }
const wantStats = args.includes('--stats');
args = args.filter(a => a !== '--stats');
const wholeFolder = args.length === 0;
if (wholeFolder && credentialsFile === null) credentialsFile = join(root, 'devices/mirai/credentials.json');
const files = wholeFolder
  ? readdirSync(join(root, 'devices')).filter(f => f.endsWith('.json') && f !== 'schema.json').map(f => join(root, 'devices', f))
  : args;

// --- Schema validation, then lint, file by file ------------------------------------------
const faults = [];
const valid = [];
const familyOwner = new Map();
const makerOwner = new Map();
const valueAt = (data, pointer) => pointer.split('/').slice(1).reduce((v, k) => (v == null ? v : v[k.replace(/~1/g, '/').replace(/~0/g, '~')]), data);
for (const file of files) {
  let data;
  try { data = JSON.parse(readFileSync(file, 'utf8')); }
  catch (e) { faults.push(`${file}: not valid JSON: ${e.message}`); continue; }
  if (!validate(data)) {
    // oneOf failures repeat once per branch; keep the most specific message per field.
    const seen = new Set();
    for (const err of validate.errors) {
      if (err.keyword === 'if') continue;   // the failing "then" rule is reported by itself
      const where = err.instancePath || '/';
      const got = ['type', 'enum', 'const', 'pattern', 'minimum', 'maximum'].includes(err.keyword)
        ? ` — got ${JSON.stringify(valueAt(data, err.instancePath))}` : '';
      const msg = `${file}: ${where}: ${err.message}${err.params && err.params.additionalProperty ? ` ('${err.params.additionalProperty}')` : ''}${err.params && err.params.allowedValues ? ` (${err.params.allowedValues.join(', ')})` : ''}${got}`;
      if (!seen.has(msg)) { seen.add(msg); faults.push(msg); }
    }
    continue;
  }
  // Each fault names the family too: a pointer alone sends the reader counting families.
  const familyOf = where => { const m = /^\/families\/(\d+)/.exec(where); return m && data.families[+m[1]] ? ` (family '${data.families[+m[1]].id}')` : ''; };
  lintMaker(data, (where, problem) => faults.push(`${file}: ${where}: ${problem}${familyOf(where)}`));
  valid.push(data);
  const makerId = data.maker.id;
  if (basename(file) !== `${makerId}.json`) faults.push(`${file}: /maker/id: '${makerId}' must match the file name`);
  if (makerOwner.has(makerId)) faults.push(`${file}: /maker/id: '${makerId}' also in ${makerOwner.get(makerId)}`);
  makerOwner.set(makerId, file);
  data.families.forEach((family, i) => {
    if (familyOwner.has(family.id)) faults.push(`${file}: /families/${i}/id: '${family.id}' also in ${familyOwner.get(family.id)}`);
    familyOwner.set(family.id, file);
  });
}

// --- The Mirai table against the makers --------------------------------------------------
// The whole folder is always checked with devices/mirai/credentials.json; a few files only
// with a table named by --credentials.
let credentials = null;
if (credentialsFile) {
  try { credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')); }
  catch (e) { faults.push(`${credentialsFile}: not valid JSON: ${e.message}`); }
  if (credentials) lintCredentials(credentials, valid, (where, problem) => faults.push(`${credentialsFile}: ${where}: ${problem}`));
}

const shared = loadSharedSoftware(root);  // fingerprints of software many makers build in
const macVendors = loadMacVendors(root, new Set(valid.map(data => data.maker.id)));
const notDeviceApps = loadNotDeviceApps(root);  // never offered as "the app you use for it"
faults.push(...shared.faults, ...macVendors.faults, ...notDeviceApps.faults);
if (faults.length) {
  for (const f of faults) console.error(f);
  console.error(`devices: ${faults.length} problem(s); the database was not built`);
  process.exit(1);
}

// --- Stats: how well the data is sourced ----------------------------------------------------
// A preferred reset counts as "backed" when its first source (the one the screen names) is
// the maker's or a maker-mirror page, with the quoted sentence.
if (wantStats) {
  const count = (map, key) => map.set(key, (map.get(key) || 0) + 1);
  const preferred = new Map(), allResets = new Map(), passwords = new Map();
  let families = 0, backed = 0, quoted = 0, noReset = 0, doesNotCure = 0, managed = 0;
  const bestTrust = sources => sources[0].trust;
  for (const data of valid)
    for (const f of data.families) {
      families++;
      if (!f.reset.length) { noReset++; count(preferred, 'none (no factory reset)'); }
      else {
        count(preferred, bestTrust(f.reset[0].sources));
        const shown = f.reset[0].sources[0];   // the source the screen names for the steps
        if ((shown.trust === 'maker' || shown.trust === 'maker-mirror') && shown.quote) backed++;
      }
      if (f.factory_reset && f.factory_reset.status === 'does_not_cure') doesNotCure++;
      if (f.provider_managed) managed++;
      for (const p of f.reset) { count(allResets, bestTrust(p.sources)); if (p.sources.some(s => s.quote)) quoted++; }
      count(passwords, bestTrust(f.password.sources));
    }
  const named = credentials ? credentials.credentials.filter(c => c.maker) : [];
  const show = map => [...map].sort().map(([k, v]) => `${k} ${v}`).join(', ');
  const withReset = families - noReset;
  console.log(`makers ${valid.length}, families ${families} (${noReset} without a factory reset, ${doesNotCure} where a reset does not cure, ${managed} provider-managed)`);
  console.log(`preferred reset by trust: ${show(preferred)}`);
  console.log(`preferred reset backed by a quoted maker or maker-mirror source: ${backed} of ${withReset} (${withReset ? Math.round((100 * backed) / withReset) : 0} %)`);
  console.log(`every reset by trust: ${show(allResets)}; with a quoted sentence: ${quoted}`);
  console.log(`password steps by trust: ${show(passwords)}`);
  if (credentials) console.log(`Mirai credentials: ${credentials.credentials.length}, with a named maker ${named.length}, each in a family of that maker (lint)`);
}

// --- Pack -------------------------------------------------------------------------------------
if (outFile) {
  // The wizard shows how trusted a source is, never its address or quote: a source keeps only
  // its trust level in the packed file (about 15 % less to download); devices/ keeps the rest.
  const teamOnly = new Set(['note', '$schema']);
  const packed = valid.map(data => ({ ...data.maker, families: data.families })).sort((a, b) => a.id.localeCompare(b.id));
  const lean = (key, value) => {
    if (teamOnly.has(key)) return undefined;
    if (key === 'sources' && Array.isArray(value)) return value.map(source => ({ trust: source.trust }));
    return value;
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ makers: packed, shared_software: shared.packed, mac_vendors: macVendors.packed,
                                          not_device_apps: notDeviceApps.packed }, lean));
}
if (!wantStats) console.log(`devices: ${makerOwner.size} makers, ${familyOwner.size} families valid`);
