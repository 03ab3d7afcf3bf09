#!/usr/bin/env node
// Validates manufacturer files against devices/schema.json and checks what a schema cannot:
// ids unique across all files. Prints "file: field: problem" for every fault and exits 1,
// so a build that calls it names the file and the problem.
// With --out FILE it also writes the packed database the wizard and the engine load:
// {"makers":[{...maker, "families":[...]}]} minified, without the team-only "note" fields.
//   node scripts/check-devices.mjs [--out FILE] [devices/*.json ...]   (default: every file in devices/)
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { loadSharedSoftware, loadMacVendors } from './fingerprint-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'devices/schema.json'), 'utf8'));
// discriminator: an action's errors are those of its own type, not of every other type.
const validate = new Ajv({ allErrors: true, strict: false, discriminator: true }).compile(schema);

let args = process.argv.slice(2);
let outFile = null;
const outAt = args.indexOf('--out');
if (outAt >= 0) { outFile = args[outAt + 1]; args.splice(outAt, 2); }
let files = args;
if (files.length === 0)
  files = readdirSync(join(root, 'devices')).filter(f => f.endsWith('.json') && f !== 'schema.json')
    .map(f => join(root, 'devices', f));

const faults = [];
const packed = [];
const familyOwner = new Map();
const makerOwner = new Map();
for (const file of files) {
  const name = basename(file);
  let data;
  try { data = JSON.parse(readFileSync(file, 'utf8')); }
  catch (e) { faults.push(`${file}: not valid JSON: ${e.message}`); continue; }
  if (!validate(data)) {
    // oneOf failures repeat once per branch; keep the most specific message per field.
    const seen = new Set();
    const valueAt = pointer => pointer.split('/').slice(1).reduce((v, k) => (v == null ? v : v[k.replace(/~1/g, '/').replace(/~0/g, '~')]), data);
    for (const err of validate.errors) {
      if (err.keyword === 'if') continue;   // the failing "then" rule is reported by itself
      const where = err.instancePath || '/';
      const got = ['type', 'enum', 'const', 'pattern', 'minimum', 'maximum'].includes(err.keyword)
        ? ` — got ${JSON.stringify(valueAt(err.instancePath))}` : '';
      const msg = `${file}: ${where}: ${err.message}${err.params && err.params.additionalProperty ? ` ('${err.params.additionalProperty}')` : ''}${err.params && err.params.allowedValues ? ` (${err.params.allowedValues.join(', ')})` : ''}${got}`;
      if (!seen.has(msg)) { seen.add(msg); faults.push(msg); }
    }
    continue;
  }
  packed.push({ ...data.maker, families: data.families });
  const makerId = data.maker.id;
  if (name !== `${makerId}.json`) faults.push(`${file}: /maker/id: '${makerId}' must match the file name`);
  if (makerOwner.has(makerId)) faults.push(`${file}: /maker/id: '${makerId}' also in ${makerOwner.get(makerId)}`);
  makerOwner.set(makerId, file);
  data.families.forEach((family, i) => {
    if (familyOwner.has(family.id)) faults.push(`${file}: /families/${i}/id: '${family.id}' also in ${familyOwner.get(family.id)}`);
    familyOwner.set(family.id, file);
  });
}
const shared = loadSharedSoftware(root);  // fingerprints of software many makers build in
const macVendors = loadMacVendors(root, new Set(makerOwner.keys()));
faults.push(...shared.faults, ...macVendors.faults);
if (faults.length) {
  for (const f of faults) console.error(f);
  console.error(`devices: ${faults.length} problem(s); the database was not built`);
  process.exit(1);
}
if (outFile) {
  const withoutNotes = (key, value) => (key === 'note' || key === '$schema' ? undefined : value);
  packed.sort((a, b) => a.id.localeCompare(b.id));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ makers: packed, shared_software: shared.packed, mac_vendors: macVendors.packed }, withoutNotes));
}
console.log(`devices: ${makerOwner.size} makers, ${familyOwner.size} families valid`);
